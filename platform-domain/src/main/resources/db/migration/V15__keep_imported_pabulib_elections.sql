-- What an imported Pabulib file says, kept so that the election is exported back as it was read.
-- A call's tally rule may now be unknown (null): a file naming a rule the platform cannot count is imported with that
-- rule's name and counted only once the office picks a rule. Equal Shares with the comparison step
-- (EQUAL_SHARES_COMPARISON, Pabulib's equalshares/add1-comparison) joins the rules, hence the wider column.
-- imported_elections: one row per imported call (its single envelope), the file's rule entry as written (null when the
-- file has none), the number of voters in the file, and who picked the rule the platform counts with, and when.
-- imported_election_meta: the file's META entries in the file's order.
-- imported_projects: the file's id of each project of an imported call; imported_project_fields: the project's other
-- columns in the file's order (name in full, however long; votes, selected, category, latitude...).

ALTER TABLE budget_calls DROP CONSTRAINT ck_budget_calls_tally_rule;
ALTER TABLE budget_calls ALTER COLUMN tally_rule SET DATA TYPE VARCHAR(40);
ALTER TABLE budget_calls ALTER COLUMN tally_rule DROP NOT NULL;
ALTER TABLE budget_calls ADD CONSTRAINT ck_budget_calls_tally_rule
    CHECK (tally_rule IN ('GREEDY', 'GREEDY_NO_SKIP', 'EQUAL_SHARES', 'EQUAL_SHARES_COMPARISON'));

CREATE TABLE imported_elections (
    call_id         BIGINT        PRIMARY KEY,
    envelope_id     BIGINT        NOT NULL,
    file_rule       VARCHAR(200),
    file_voters     BIGINT        NOT NULL,
    rule_chosen_by  VARCHAR(100),
    rule_chosen_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_imported_elections_call FOREIGN KEY (call_id) REFERENCES budget_calls (id),
    CONSTRAINT fk_imported_elections_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT uq_imported_elections_envelope UNIQUE (envelope_id),
    CONSTRAINT ck_imported_elections_voters CHECK (file_voters >= 0),
    CONSTRAINT ck_imported_elections_chosen CHECK ((rule_chosen_by IS NULL) = (rule_chosen_at IS NULL))
);

CREATE TABLE imported_election_meta (
    call_id      BIGINT          NOT NULL,
    position     INTEGER         NOT NULL,
    entry_name   VARCHAR(200)    NOT NULL,
    entry_value  VARCHAR(20000)  NOT NULL,
    CONSTRAINT pk_imported_election_meta PRIMARY KEY (call_id, position),
    CONSTRAINT fk_imported_election_meta_election FOREIGN KEY (call_id) REFERENCES imported_elections (call_id),
    CONSTRAINT uq_imported_election_meta_key UNIQUE (call_id, entry_name)
);

CREATE TABLE imported_projects (
    project_id  BIGINT        PRIMARY KEY,
    call_id     BIGINT        NOT NULL,
    file_id     VARCHAR(200)  NOT NULL,
    CONSTRAINT fk_imported_projects_project FOREIGN KEY (project_id) REFERENCES budget_projects (id),
    CONSTRAINT fk_imported_projects_election FOREIGN KEY (call_id) REFERENCES imported_elections (call_id),
    CONSTRAINT uq_imported_projects_file_id UNIQUE (call_id, file_id)
);

CREATE TABLE imported_project_fields (
    project_id   BIGINT          NOT NULL,
    position     INTEGER         NOT NULL,
    entry_name   VARCHAR(200)    NOT NULL,
    entry_value  VARCHAR(20000)  NOT NULL,
    CONSTRAINT pk_imported_project_fields PRIMARY KEY (project_id, position),
    CONSTRAINT fk_imported_project_fields_project FOREIGN KEY (project_id) REFERENCES imported_projects (project_id)
);
