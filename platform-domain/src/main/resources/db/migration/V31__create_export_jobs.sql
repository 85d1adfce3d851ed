-- Background exports (issue 15): one row per file a member of staff asked for (the KPI workbook, the raw-data
-- workbook, the raw-data CSV zip, all its tables or some), with the filters it was asked with, who asked (the roles and districts they had
-- then: the figures are read as that person), where it stands and where its file is.
-- A worker claims a queued job with a conditional UPDATE (status still QUEUED), so of several instances one runs it;
-- while it runs, heartbeat_at moves every few seconds: a RUNNING job whose heartbeat stopped (its instance was
-- killed) is queued again from scratch. The file lives in agora.exports.directory under file_name (random) until
-- expires_at; then it is deleted and the job is EXPIRED.

CREATE SEQUENCE export_job_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE export_jobs (
    id               BIGINT        PRIMARY KEY,
    owner            VARCHAR(100)  NOT NULL,
    owner_roles      VARCHAR(200)  NOT NULL,
    owner_districts  VARCHAR(500)  NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    period_from      DATE          NOT NULL,
    period_to        DATE          NOT NULL,
    district_code    VARCHAR(32),
    theme_id         BIGINT,
    -- the raw tables asked for (comma-separated, as RawTable names), or null for all of them
    raw_tables       VARCHAR(100),
    language         VARCHAR(2)    NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    rows_written     BIGINT        DEFAULT 0 NOT NULL,
    rows_expected    BIGINT,
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    runner           VARCHAR(100),
    heartbeat_at     TIMESTAMP WITH TIME ZONE,
    file_name        VARCHAR(200),
    file_size        BIGINT,
    error            VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    expires_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_export_jobs_kind CHECK (kind IN ('KPI_WORKBOOK', 'RAW_WORKBOOK', 'RAW_CSV')),
    CONSTRAINT ck_export_jobs_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
    CONSTRAINT ck_export_jobs_language CHECK (language IN ('fr', 'en')),
    CONSTRAINT ck_export_jobs_period CHECK (period_to >= period_from),
    CONSTRAINT ck_export_jobs_rows CHECK (rows_written >= 0 AND (rows_expected IS NULL OR rows_expected >= 0)),
    CONSTRAINT ck_export_jobs_file CHECK ((status = 'DONE') = (file_name IS NOT NULL)),
    CONSTRAINT ck_export_jobs_running CHECK (status <> 'RUNNING' OR (runner IS NOT NULL AND heartbeat_at IS NOT NULL))
);

CREATE INDEX ix_export_jobs_owner ON export_jobs (owner, created_at);
CREATE INDEX ix_export_jobs_status ON export_jobs (status, created_at);
