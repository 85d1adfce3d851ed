-- Notifications told to many people at once (issue 14: a consultation opens in my district, and later the vote's
-- and results' announcements): what was already told. A campaign is one event about one subject ("consultation:12",
-- "consultation.opened"), told in batches in the order of the register of residents; cursor is the last
-- residents.id told, done once the audience is exhausted. The primary key makes a campaign start once; its row is
-- locked while a batch is told, so two instances never tell the same batch and a restart goes on where it stopped.

CREATE TABLE notice_campaigns (
    subject      VARCHAR(100) NOT NULL,
    event_key    VARCHAR(100) NOT NULL,
    cursor_id    BIGINT       NOT NULL DEFAULT 0,
    told         INTEGER      NOT NULL DEFAULT 0,
    done         BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_notice_campaigns PRIMARY KEY (subject, event_key),
    CONSTRAINT ck_notice_campaigns_done CHECK (done = (finished_at IS NOT NULL))
);
