-- The suggested documents a customer opened from a form, kept with the draft and copied to the
-- ticket: the desk sees what was already tried.
ALTER TABLE form_drafts ADD COLUMN opened TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tickets ADD COLUMN suggestions_opened TEXT NOT NULL DEFAULT '[]';
