-- Projects on an envelope's ballot, and the secret vote.
-- has_voted says that a person voted in an envelope; its primary key is what makes "one ballot per resident per
-- envelope" hold under concurrent submits and across app instances. ballots hold what was chosen and the channel
-- (online, town-hall desk, paper), never who: no column links a ballot to a person, its id is random (not an
-- ordered sequence) and no time is kept.

CREATE SEQUENCE budget_project_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE budget_projects (
    id           BIGINT        PRIMARY KEY,
    envelope_id  BIGINT        NOT NULL,
    title        VARCHAR(120)  NOT NULL,
    cost         BIGINT        NOT NULL,
    on_ballot    BOOLEAN       NOT NULL,
    version      INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT fk_budget_projects_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT ck_budget_projects_cost CHECK (cost > 0)
);

CREATE TABLE has_voted (
    envelope_id  BIGINT        NOT NULL,
    voter        VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_has_voted PRIMARY KEY (envelope_id, voter),
    CONSTRAINT fk_has_voted_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id)
);

CREATE TABLE ballots (
    id           VARCHAR(36)   PRIMARY KEY,
    envelope_id  BIGINT        NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    CONSTRAINT fk_ballots_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT ck_ballots_channel CHECK (channel IN ('ONLINE', 'DESK', 'PAPER'))
);

CREATE TABLE ballot_choices (
    ballot_id    VARCHAR(36)   NOT NULL,
    project_id   BIGINT        NOT NULL,
    points       INTEGER       NOT NULL,
    CONSTRAINT pk_ballot_choices PRIMARY KEY (ballot_id, project_id),
    CONSTRAINT fk_ballot_choices_ballot FOREIGN KEY (ballot_id) REFERENCES ballots (id),
    CONSTRAINT fk_ballot_choices_project FOREIGN KEY (project_id) REFERENCES budget_projects (id),
    CONSTRAINT ck_ballot_choices_points CHECK (points > 0)
);

CREATE INDEX ix_ballots_envelope ON ballots (envelope_id);
