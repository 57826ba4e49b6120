-- Confirmation mail to one address is capped per hour (a stranger can type anyone's address):
-- the count looks up the recipient's recent mail.
CREATE INDEX outbox_recipient ON outbox (recipient, created_at);
