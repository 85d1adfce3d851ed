-- What became of the winning projects: their implementation follow-up, which residents read once the results are out.
-- envelope_followups marks the envelopes whose follow-up has started: the winners were taken from the tally then,
-- once the results were public and the count final (no paper ballot is added after that), and its primary key
-- makes a second, simultaneous start fail instead of copying the winners twice. project_followups holds one row per
-- winner (status, progress in %, the public reason of an abandon); followup_updates the dated news staff post,
-- each with an optional photo (an image checked and stored like any other).

CREATE SEQUENCE followup_update_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE envelope_followups (
    envelope_id  BIGINT        PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_envelope_followups_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id)
);

CREATE TABLE project_followups (
    project_id      BIGINT        PRIMARY KEY,
    envelope_id     BIGINT        NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    progress        INTEGER       NOT NULL,
    abandon_reason  VARCHAR(2000),
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by      VARCHAR(100)  NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT fk_project_followups_project FOREIGN KEY (project_id) REFERENCES budget_projects (id),
    CONSTRAINT fk_project_followups_started FOREIGN KEY (envelope_id) REFERENCES envelope_followups (envelope_id),
    CONSTRAINT ck_project_followups_status CHECK (status IN ('STUDIED', 'IN_PROGRESS', 'DELIVERED', 'ABANDONED')),
    CONSTRAINT ck_project_followups_progress CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT ck_project_followups_delivered CHECK (status <> 'DELIVERED' OR progress = 100),
    CONSTRAINT ck_project_followups_abandoned CHECK ((status = 'ABANDONED') = (abandon_reason IS NOT NULL))
);

CREATE INDEX ix_project_followups_envelope ON project_followups (envelope_id);

CREATE TABLE followup_updates (
    id          BIGINT         PRIMARY KEY,
    project_id  BIGINT         NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    body        VARCHAR(4000)  NOT NULL,
    author      VARCHAR(100)   NOT NULL,
    image_id    BIGINT,
    CONSTRAINT fk_followup_updates_followup FOREIGN KEY (project_id) REFERENCES project_followups (project_id),
    CONSTRAINT fk_followup_updates_image FOREIGN KEY (image_id) REFERENCES images (id)
);

CREATE INDEX ix_followup_updates_project ON followup_updates (project_id, posted_at);
