-- Notifications (issue 14): what residents are told, in the app and by e-mail, and what they chose to be told.
--
-- notifications: the notification centre's rows, one per person told. The text is not stored: the kind of event
-- (event_key, a message key of the notification bundle) and its values (arguments, encoded by NoticeArguments) are,
-- so a row reads in the language the person uses when they read it. link is a path of the platform's pages.
--
-- notification_preferences / notification_choices: a person's choices, once they saved any (absent: the defaults of
-- NotificationKind); person is the account's username, as in comments.author.
--
-- mails: the outbox. A mail is queued in the transaction of the action that causes it and sent later by the worker
-- of each instance. The address and the text are made when it is sent (from the directory of accounts and the
-- person's language then). An instance claims a due row with a conditional UPDATE (claimed_by, claimed_until: a
-- lease, so a stopped instance's claim expires and another sends it); a failure counts an attempt and sets the next
-- one by exponential backoff; after the last attempt the mail is FAILED and stays for the office to see. SKIPPED:
-- the person turned that e-mail off (or unsubscribed) before it was sent.

CREATE SEQUENCE notification_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE notifications (
    id          BIGINT        PRIMARY KEY,
    recipient   VARCHAR(100)  NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    event_key   VARCHAR(100)  NOT NULL,
    arguments   VARCHAR(4000) NOT NULL,
    link        VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);

-- the menu's unread count and the centre's list: one person's rows, newest first
CREATE INDEX ix_notifications_recipient ON notifications (recipient, read_at, created_at);

CREATE TABLE notification_preferences (
    person      VARCHAR(100) PRIMARY KEY,
    language    VARCHAR(2)   NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT ck_notification_preferences_language CHECK (language IN ('fr', 'en'))
);

CREATE TABLE notification_choices (
    person      VARCHAR(100) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    in_app      BOOLEAN      NOT NULL,
    by_email    BOOLEAN      NOT NULL,
    CONSTRAINT pk_notification_choices PRIMARY KEY (person, kind),
    CONSTRAINT fk_notification_choices_person FOREIGN KEY (person) REFERENCES notification_preferences (person)
);

CREATE SEQUENCE mail_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE mails (
    id               BIGINT        PRIMARY KEY,
    recipient        VARCHAR(100)  NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    event_key        VARCHAR(100)  NOT NULL,
    arguments        VARCHAR(4000) NOT NULL,
    link             VARCHAR(500),
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(100),
    claimed_until    TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    sent_to          VARCHAR(320),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_mails_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    CONSTRAINT ck_mails_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- the worker's question: which pending mails are due
CREATE INDEX ix_mails_due ON mails (status, next_attempt_at);
