-- The platform's register of residents, and a has-voted mark per person and call scope (issue 12).
--
-- residents is the register the vote trusts: one row per person. An account holder is enlisted from their
-- Keycloak account the first time they sign in or vote (account = their username); a person without an account is
-- entered by town-hall staff at a desk (account null, name and birth date from their papers). Once enlisted, the
-- district and birth year here are what eligibility reads: editing one's Keycloak profile changes neither. Staff
-- change them, and every change is kept in resident_changes (who, when, why, before and after), which is also how
-- the district a person had when a vote opened is known.
--
-- vote_marks replaces has_voted: its primary key (call, scope, person) allows one district ballot and one city-wide
-- ballot per call whatever the channel (online, desk, paper) and whichever district envelope: moving to another
-- district never gives a second district ballot. The envelope and channel are kept for the running counts.
--
-- paper_batches records each batch of paper ballots typed in (its id comes from the form, so a double submit is one
-- batch), who entered it and how many ballots it held. An envelope's count is closed (count_closed_at) before anyone
-- sees it; no batch is accepted after that.

CREATE SEQUENCE resident_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE resident_change_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE residents (
    id             BIGINT         PRIMARY KEY,
    account        VARCHAR(100),
    full_name      VARCHAR(200),
    name_key       VARCHAR(200),
    birth_date     DATE,
    birth_year     INTEGER,
    district_code  VARCHAR(32),
    district_changed_at TIMESTAMP WITH TIME ZONE,
    enlisted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    enlisted_by    VARCHAR(100),
    version        INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT uq_residents_account UNIQUE (account),
    CONSTRAINT ck_residents_birth_year CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
    CONSTRAINT ck_residents_identified CHECK (account IS NOT NULL OR (full_name IS NOT NULL AND birth_date IS NOT NULL))
);

CREATE INDEX ix_residents_name_key ON residents (name_key);

CREATE TABLE resident_changes (
    id            BIGINT         PRIMARY KEY,
    resident_id   BIGINT         NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    VARCHAR(100)   NOT NULL,
    field         VARCHAR(20)    NOT NULL,
    before_value  VARCHAR(200),
    after_value   VARCHAR(200),
    reason        VARCHAR(500)   NOT NULL,
    CONSTRAINT fk_resident_changes_resident FOREIGN KEY (resident_id) REFERENCES residents (id),
    CONSTRAINT ck_resident_changes_field CHECK (field IN ('DISTRICT', 'BIRTH_YEAR'))
);

CREATE INDEX ix_resident_changes_resident ON resident_changes (resident_id, changed_at);

CREATE TABLE vote_marks (
    call_id      BIGINT        NOT NULL,
    scope        VARCHAR(8)    NOT NULL,
    resident_id  BIGINT        NOT NULL,
    envelope_id  BIGINT        NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    CONSTRAINT pk_vote_marks PRIMARY KEY (call_id, scope, resident_id),
    CONSTRAINT fk_vote_marks_call FOREIGN KEY (call_id) REFERENCES budget_calls (id),
    CONSTRAINT fk_vote_marks_resident FOREIGN KEY (resident_id) REFERENCES residents (id),
    CONSTRAINT fk_vote_marks_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT ck_vote_marks_scope CHECK (scope IN ('DISTRICT', 'CITY')),
    CONSTRAINT ck_vote_marks_channel CHECK (channel IN ('ONLINE', 'DESK', 'PAPER'))
);

CREATE INDEX ix_vote_marks_envelope ON vote_marks (envelope_id, channel);

-- The marks made before this migration named a username (online) or what staff typed (desk): each becomes an
-- account holder of the register, and one mark per call scope is kept.
INSERT INTO residents (id, account, enlisted_at)
    SELECT nextval('resident_ids'), v.voter, CURRENT_TIMESTAMP FROM (SELECT DISTINCT voter FROM has_voted) v;

INSERT INTO vote_marks (call_id, scope, resident_id, envelope_id, channel)
    SELECT e.call_id, CASE WHEN e.district_code IS NULL THEN 'CITY' ELSE 'DISTRICT' END, r.id, MIN(h.envelope_id), 'ONLINE'
    FROM has_voted h
    JOIN envelopes e ON e.id = h.envelope_id
    JOIN residents r ON r.account = h.voter
    GROUP BY e.call_id, CASE WHEN e.district_code IS NULL THEN 'CITY' ELSE 'DISTRICT' END, r.id;

DROP TABLE has_voted;

CREATE TABLE paper_batches (
    id           VARCHAR(36)   PRIMARY KEY,
    envelope_id  BIGINT        NOT NULL,
    ballots      INTEGER       NOT NULL,
    entered_by   VARCHAR(100)  NOT NULL,
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_paper_batches_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT ck_paper_batches_ballots CHECK (ballots > 0)
);

CREATE INDEX ix_paper_batches_envelope ON paper_batches (envelope_id);

ALTER TABLE envelopes ADD COLUMN count_closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE envelopes ADD COLUMN count_closed_by VARCHAR(100);
