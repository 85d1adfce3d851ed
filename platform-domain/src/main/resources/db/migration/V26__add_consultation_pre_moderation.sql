-- Pre-moderation per consultation (issue 14): while on, residents' new comments on it wait for a moderator's approval.

ALTER TABLE consultations ADD COLUMN pre_moderated BOOLEAN DEFAULT FALSE NOT NULL;
