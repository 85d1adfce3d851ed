-- Neighbourhood councils: one space per neighbourhood, run by its district's town hall, with its members and its
-- meetings. councils has one row per council (at most one per neighbourhood); council_animators the people who
-- lead it (residents or staff, by username). council_memberships keeps one row per person and council whose
-- status moves (asked, member, left, refused, removed); its unique key makes a double click one membership.
-- council_meetings are the meetings (a place, an online link or both), with their minutes and attendance once
-- held; meeting_minutes_files the PDF of the minutes. meeting_registrations keeps one row per person and
-- meeting: registered, on the waiting list (in the order of registered_at) or cancelled. The service locks the
-- meeting's row before counting the seats, so two registrations at once never exceed the cap.

CREATE SEQUENCE council_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE council_membership_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE council_meeting_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE meeting_registration_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE councils (
    id                 BIGINT         PRIMARY KEY,
    neighbourhood_id   BIGINT         NOT NULL,
    name               VARCHAR(120)   NOT NULL,
    presentation       VARCHAR(20000) NOT NULL,
    contact            VARCHAR(300),
    approval_required  BOOLEAN        NOT NULL,
    cover_image_id     BIGINT,
    created_by         VARCHAR(100)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT uq_councils_neighbourhood UNIQUE (neighbourhood_id),
    CONSTRAINT fk_councils_neighbourhood FOREIGN KEY (neighbourhood_id) REFERENCES neighbourhoods (id),
    CONSTRAINT fk_councils_cover FOREIGN KEY (cover_image_id) REFERENCES images (id)
);

CREATE TABLE council_animators (
    council_id  BIGINT        NOT NULL,
    username    VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_council_animators PRIMARY KEY (council_id, username),
    CONSTRAINT fk_council_animators_council FOREIGN KEY (council_id) REFERENCES councils (id)
);

CREATE INDEX ix_council_animators_username ON council_animators (username);

CREATE TABLE council_memberships (
    id            BIGINT        PRIMARY KEY,
    council_id    BIGINT        NOT NULL,
    username      VARCHAR(100)  NOT NULL,
    display_name  VARCHAR(200)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    asked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    VARCHAR(100)  NOT NULL,
    version       INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_council_memberships UNIQUE (council_id, username),
    CONSTRAINT fk_council_memberships_council FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT ck_council_memberships_status CHECK (status IN ('REQUESTED', 'MEMBER', 'LEFT', 'REFUSED', 'REMOVED'))
);

CREATE INDEX ix_council_memberships_username ON council_memberships (username, status);

CREATE TABLE council_meetings (
    id                    BIGINT         PRIMARY KEY,
    council_id            BIGINT         NOT NULL,
    title                 VARCHAR(200)   NOT NULL,
    starts_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes      INTEGER        NOT NULL,
    place                 VARCHAR(300),
    online_link           VARCHAR(500),
    agenda                VARCHAR(20000) NOT NULL,
    members_only          BOOLEAN        NOT NULL,
    capacity              INTEGER,
    minutes               VARCHAR(20000),
    attendance            INTEGER,
    minutes_published_at  TIMESTAMP WITH TIME ZONE,
    minutes_published_by  VARCHAR(100),
    created_by            VARCHAR(100)   NOT NULL,
    version               INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT fk_council_meetings_council FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT ck_council_meetings_where CHECK (place IS NOT NULL OR online_link IS NOT NULL),
    CONSTRAINT ck_council_meetings_duration CHECK (duration_minutes BETWEEN 15 AND 1440),
    CONSTRAINT ck_council_meetings_capacity CHECK (capacity IS NULL OR capacity > 0),
    CONSTRAINT ck_council_meetings_attendance CHECK (attendance IS NULL OR attendance >= 0),
    CONSTRAINT ck_council_meetings_minutes CHECK ((minutes_published_at IS NULL) = (attendance IS NULL))
);

CREATE INDEX ix_council_meetings_council ON council_meetings (council_id, starts_at);
CREATE INDEX ix_council_meetings_starts ON council_meetings (starts_at);

CREATE TABLE meeting_minutes_files (
    meeting_id   BIGINT        PRIMARY KEY,
    file_name    VARCHAR(255)  NOT NULL,
    byte_size    INTEGER       NOT NULL,
    bytes        BYTEA         NOT NULL,
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_meeting_minutes_files_meeting FOREIGN KEY (meeting_id) REFERENCES council_meetings (id),
    CONSTRAINT ck_meeting_minutes_files_size CHECK (byte_size = OCTET_LENGTH(bytes))
);

CREATE TABLE meeting_registrations (
    id             BIGINT        PRIMARY KEY,
    meeting_id     BIGINT        NOT NULL,
    username       VARCHAR(100)  NOT NULL,
    display_name   VARCHAR(200)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_meeting_registrations UNIQUE (meeting_id, username),
    CONSTRAINT fk_meeting_registrations_meeting FOREIGN KEY (meeting_id) REFERENCES council_meetings (id),
    CONSTRAINT ck_meeting_registrations_status CHECK (status IN ('REGISTERED', 'WAITING', 'CANCELLED'))
);

CREATE INDEX ix_meeting_registrations_queue ON meeting_registrations (meeting_id, status, registered_at);
CREATE INDEX ix_meeting_registrations_username ON meeting_registrations (username, status);
