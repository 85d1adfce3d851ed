-- Moderation: residents report items (comments, budget proposals, council ideas, news posts and documents); a moderation case per
-- item gathers its reports and the moderators' decision. One report per person per item (ux_moderation_reports), even
-- for a double submit on two instances. The items keep their own visibility (hidden_state: PENDING when hidden
-- automatically until a moderator decides, HIDDEN with a public reason shown in its place), so that every read of
-- their owner filters on its own row. A budget proposal may also be rejected by moderation (status REJECTED): it
-- leaves the review with the reason. Blocked residents are kept in resident_blocks. Every moderation act and review
-- decision is appended to audit_log, which the database refuses to change (V20, per vendor).

CREATE SEQUENCE moderation_case_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE moderation_report_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_log_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE moderation_cases (
    id             BIGINT         PRIMARY KEY,
    item_kind      VARCHAR(20)    NOT NULL,
    item_id        BIGINT         NOT NULL,
    district_code  VARCHAR(32),
    space_kind     VARCHAR(20),
    space_id       BIGINT,
    author         VARCHAR(100)   NOT NULL,
    excerpt        VARCHAR(300)   NOT NULL,
    state          VARCHAR(20)    NOT NULL,
    public_reason  VARCHAR(500),
    open_reports   INTEGER        NOT NULL DEFAULT 0,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMP WITH TIME ZONE,
    version        INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT ux_moderation_cases_item UNIQUE (item_kind, item_id),
    CONSTRAINT ck_moderation_cases_kind CHECK (item_kind IN ('COMMENT', 'BUDGET_PROJECT', 'COUNCIL_IDEA', 'COUNCIL_POST',
                                                             'COUNCIL_DOCUMENT')),
    CONSTRAINT ck_moderation_cases_state CHECK (state IN ('OPEN', 'PENDING', 'KEPT', 'HIDDEN', 'RESTORED', 'REJECTED')),
    CONSTRAINT ck_moderation_cases_reason CHECK ((state IN ('HIDDEN', 'REJECTED')) = (public_reason IS NOT NULL)),
    CONSTRAINT ck_moderation_cases_reports CHECK (open_reports >= 0)
);

CREATE INDEX ix_moderation_cases_state ON moderation_cases (state, district_code);
CREATE INDEX ix_moderation_cases_space ON moderation_cases (space_kind, space_id, state);

CREATE TABLE moderation_reports (
    id           BIGINT         PRIMARY KEY,
    case_id      BIGINT         NOT NULL,
    reporter     VARCHAR(100)   NOT NULL,
    reason       VARCHAR(20)    NOT NULL,
    details      VARCHAR(1000),
    status       VARCHAR(20)    NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_moderation_reports_case FOREIGN KEY (case_id) REFERENCES moderation_cases (id),
    CONSTRAINT ux_moderation_reports UNIQUE (case_id, reporter),
    CONSTRAINT ck_moderation_reports_reason CHECK (reason IN ('SPAM', 'OFFENSIVE', 'PERSONAL_DATA', 'OFF_TOPIC', 'OTHER')),
    CONSTRAINT ck_moderation_reports_other CHECK (reason <> 'OTHER' OR details IS NOT NULL),
    CONSTRAINT ck_moderation_reports_status CHECK (status IN ('OPEN', 'DISMISSED', 'UPHELD'))
);

CREATE INDEX ix_moderation_reports_reporter ON moderation_reports (reporter);

CREATE TABLE resident_blocks (
    username      VARCHAR(100)   PRIMARY KEY,
    reason        VARCHAR(500)   NOT NULL,
    blocked_by    VARCHAR(100)   NOT NULL,
    blocked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER        NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
    id            BIGINT         PRIMARY KEY,
    acted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100)   NOT NULL,
    action        VARCHAR(40)    NOT NULL,
    subject_kind  VARCHAR(20)    NOT NULL,
    subject       VARCHAR(100)   NOT NULL,
    district_code VARCHAR(32),
    reason        VARCHAR(1000),
    before_state  VARCHAR(100),
    after_state   VARCHAR(100)
);

CREATE INDEX ix_audit_log_time ON audit_log (acted_at);

ALTER TABLE comments ADD COLUMN hidden_state VARCHAR(20);
ALTER TABLE comments ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE comments ADD CONSTRAINT ck_comments_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'));
ALTER TABLE budget_projects ADD COLUMN hidden_state VARCHAR(20);
ALTER TABLE budget_projects ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE budget_projects ADD CONSTRAINT ck_budget_projects_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'));
ALTER TABLE council_ideas ADD COLUMN hidden_state VARCHAR(20);
ALTER TABLE council_ideas ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE council_ideas ADD CONSTRAINT ck_council_ideas_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'));
ALTER TABLE council_news ADD COLUMN hidden_state VARCHAR(20);
ALTER TABLE council_news ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE council_news ADD CONSTRAINT ck_council_news_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'));

ALTER TABLE council_documents ADD COLUMN hidden_state VARCHAR(20);
ALTER TABLE council_documents ADD COLUMN hidden_reason VARCHAR(500);
ALTER TABLE council_documents ADD CONSTRAINT ck_council_documents_hidden CHECK (hidden_state IN ('PENDING', 'HIDDEN'));

-- pre-moderation: a call's managers may have every new proposal and comment wait for a moderator's approval
ALTER TABLE budget_calls ADD COLUMN pre_moderated BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE budget_projects DROP CONSTRAINT ck_budget_projects_status;
ALTER TABLE budget_projects ADD CONSTRAINT ck_budget_projects_status
    CHECK (status IN ('SUBMITTED', 'FEASIBLE', 'NOT_FEASIBLE', 'MERGED', 'REJECTED'));
