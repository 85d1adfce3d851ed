-- Newsletters (issue 14): what the democracy office and the district town halls write to the residents who opted in.
--
-- newsletters: a draft until it is sent (status DRAFT, then SENT with sent_at and sent_by: a sent newsletter is never
-- changed again and is public in the archive). Subject and body in French, optionally in English for the residents
-- whose mails are in English; bodies are rich text sanitized by RichText before they are stored. The audience is the
-- newsletter's: newsletter_districts (none = the whole city, for the office only), newsletter_themes (none = any),
-- and one optional participation filter (participation_kind with the id of the call, consultation or council).
-- Sending queues the copies in batches, one transaction each: queue_cursor is the last recipient (username, in
-- order) queued, queued_count how many, queued_at when the last batch went (NULL until the audience is exhausted).
--
-- followed_themes: the themes a resident follows, beside their notification preferences (a consultation opening in
-- the theme is told to them; themed newsletters reach them).
--
-- mails.newsletter_id: the newsletter a mail is a copy of. The key (newsletter_id, recipient) lets one copy per person
-- in, whoever queues it (two clicks, two instances); a test send has no newsletter_id (it is not a copy).

CREATE SEQUENCE newsletter_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE newsletters (
    id                  BIGINT         PRIMARY KEY,
    subject_fr          VARCHAR(200)   NOT NULL,
    body_fr             VARCHAR(40000) NOT NULL,
    subject_en          VARCHAR(200),
    body_en             VARCHAR(40000),
    status              VARCHAR(10)    NOT NULL,
    participation_kind  VARCHAR(30),
    participation_ref   BIGINT,
    created_by          VARCHAR(100)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_by             VARCHAR(100),
    sent_at             TIMESTAMP WITH TIME ZONE,
    queue_cursor        VARCHAR(100),
    queued_count        INTEGER        NOT NULL DEFAULT 0,
    queued_at           TIMESTAMP WITH TIME ZONE,
    version             INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT ck_newsletters_status CHECK (status IN ('DRAFT', 'SENT')),
    CONSTRAINT ck_newsletters_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL AND sent_by IS NOT NULL)),
    CONSTRAINT ck_newsletters_english CHECK ((subject_en IS NULL) = (body_en IS NULL)),
    CONSTRAINT ck_newsletters_participation CHECK (
        (participation_kind IS NULL AND participation_ref IS NULL)
        OR (participation_kind IN ('VOTED_IN_CALL', 'ANSWERED_CONSULTATION', 'COUNCIL_MEMBER') AND participation_ref IS NOT NULL))
);

CREATE INDEX ix_newsletters_archive ON newsletters (status, sent_at);

CREATE TABLE newsletter_districts (
    newsletter_id  BIGINT      NOT NULL,
    district_code  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_newsletter_districts PRIMARY KEY (newsletter_id, district_code),
    CONSTRAINT fk_newsletter_districts_newsletter FOREIGN KEY (newsletter_id) REFERENCES newsletters (id),
    CONSTRAINT fk_newsletter_districts_district FOREIGN KEY (district_code) REFERENCES districts (code)
);

CREATE TABLE newsletter_themes (
    newsletter_id  BIGINT NOT NULL,
    theme_id       BIGINT NOT NULL,
    CONSTRAINT pk_newsletter_themes PRIMARY KEY (newsletter_id, theme_id),
    CONSTRAINT fk_newsletter_themes_newsletter FOREIGN KEY (newsletter_id) REFERENCES newsletters (id),
    CONSTRAINT fk_newsletter_themes_theme FOREIGN KEY (theme_id) REFERENCES themes (id)
);

CREATE TABLE followed_themes (
    person    VARCHAR(100) NOT NULL,
    theme_id  BIGINT       NOT NULL,
    CONSTRAINT pk_followed_themes PRIMARY KEY (person, theme_id),
    CONSTRAINT fk_followed_themes_person FOREIGN KEY (person) REFERENCES notification_preferences (person),
    CONSTRAINT fk_followed_themes_theme FOREIGN KEY (theme_id) REFERENCES themes (id)
);

CREATE INDEX ix_followed_themes_theme ON followed_themes (theme_id);

ALTER TABLE mails ADD COLUMN newsletter_id BIGINT;
ALTER TABLE mails ADD CONSTRAINT fk_mails_newsletter FOREIGN KEY (newsletter_id) REFERENCES newsletters (id);
ALTER TABLE mails ADD CONSTRAINT uq_mails_newsletter_recipient UNIQUE (newsletter_id, recipient);

-- the audience's question: who opted in to the newsletter
CREATE INDEX ix_notification_choices_kind ON notification_choices (kind, by_email, person);
