-- Retention: when a ticket's personal data (contact details, description, answers, messages)
-- was removed after its retention period; the rest of the row stays for statistics.
ALTER TABLE tickets ADD COLUMN personal_data_removed_at BIGINT;
CREATE INDEX form_drafts_by_update ON form_drafts (updated_at);
