-- Pre-moderation of councils: a council's leaders may have its members' new ideas and comments wait for a moderator's
-- approval before anyone else sees them (as V18 let the office do for a budget call). V18 had landed: a new version.
ALTER TABLE councils ADD COLUMN pre_moderated BOOLEAN DEFAULT FALSE NOT NULL;
