-- Threaded comments on what residents discuss: budget projects, consultations, and later the councils' posts and
-- ideas. A comment names its target by kind and id (no foreign key: the targets live in several tables, and the
-- capability owning each kind says whether it exists and takes comments). Replies point to their parent in the
-- same target, at most three levels deep (depth 0 to 2). The body is rich text already sanitized (RichText), at
-- most 2,000 characters of text. A comment is never removed: its author's deletion sets the status to DELETED and
-- empties the body, so its replies keep their place; moderation will add statuses (HIDDEN) by changing the check.
-- author_badge records, at the time of writing, whether the author spoke for the city (TOWN_HALL, DEMOCRACY_OFFICE,
-- MODERATION) so a later change of roles does not rewrite the past.

CREATE SEQUENCE comment_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE comments (
    id            BIGINT         PRIMARY KEY,
    target_kind   VARCHAR(20)    NOT NULL,
    target_id     BIGINT         NOT NULL,
    parent_id     BIGINT,
    depth         INTEGER        NOT NULL,
    author        VARCHAR(100)   NOT NULL,
    author_name   VARCHAR(200)   NOT NULL,
    author_badge  VARCHAR(20),
    body          VARCHAR(12000) NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at     TIMESTAMP WITH TIME ZONE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    version       INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT fk_comments_parent FOREIGN KEY (parent_id) REFERENCES comments (id),
    CONSTRAINT ck_comments_kind CHECK (target_kind IN ('BUDGET_PROJECT', 'CONSULTATION', 'COUNCIL_POST', 'COUNCIL_IDEA')),
    CONSTRAINT ck_comments_status CHECK (status IN ('PUBLISHED', 'DELETED')),
    CONSTRAINT ck_comments_badge CHECK (author_badge IN ('TOWN_HALL', 'DEMOCRACY_OFFICE', 'MODERATION')),
    CONSTRAINT ck_comments_depth CHECK (depth BETWEEN 0 AND 2),
    CONSTRAINT ck_comments_root CHECK ((parent_id IS NULL) = (depth = 0)),
    CONSTRAINT ck_comments_deleted CHECK ((status = 'DELETED') = (deleted_at IS NOT NULL))
);

CREATE INDEX ix_comments_target ON comments (target_kind, target_id, created_at);
CREATE INDEX ix_comments_parent ON comments (parent_id);
CREATE INDEX ix_comments_author ON comments (author);
