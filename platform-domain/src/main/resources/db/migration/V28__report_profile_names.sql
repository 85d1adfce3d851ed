-- A resident's shown name can be reported (issue 14): profile_names holds, per account, the name as it was reported
-- and where, and whether moderation hid it. Hidden, the name is replaced in what the person wrote and in what they
-- write next, until a moderator shows it again. A row exists only for names someone reported.

CREATE SEQUENCE profile_name_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE profile_names (
    id             BIGINT        PRIMARY KEY,
    username       VARCHAR(100)  NOT NULL,
    shown_name     VARCHAR(200)  NOT NULL,
    seen_at        VARCHAR(500)  NOT NULL,
    hidden_state   VARCHAR(20),
    hidden_reason  VARCHAR(500),
    version        INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_profile_names_username UNIQUE (username),
    CONSTRAINT ck_profile_names_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'))
);

ALTER TABLE moderation_cases DROP CONSTRAINT ck_moderation_cases_kind;
ALTER TABLE moderation_cases ADD CONSTRAINT ck_moderation_cases_kind CHECK (item_kind IN ('COMMENT', 'BUDGET_PROJECT',
    'COUNCIL_IDEA', 'COUNCIL_POST', 'COUNCIL_DOCUMENT', 'CONSULTATION_TEXT', 'PROFILE_NAME'));
