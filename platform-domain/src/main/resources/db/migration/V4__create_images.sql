-- Images shown by consultations, budget projects and councils, stored in the database with the rest of the
-- truth (one backup, any app instance serves them). Rows are never updated: a new picture is a new row.
-- BYTEA is PostgreSQL's binary type; H2 2.x takes the same name for BINARY VARYING, so one file serves both.

CREATE SEQUENCE image_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE images (
    id            BIGINT       PRIMARY KEY,
    content_type  VARCHAR(40)  NOT NULL,
    width         INTEGER      NOT NULL,
    height        INTEGER      NOT NULL,
    byte_size     INTEGER      NOT NULL,
    bytes         BYTEA        NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_images_content_type CHECK (content_type IN ('image/png', 'image/jpeg')),
    CONSTRAINT ck_images_dimensions CHECK (width > 0 AND height > 0),
    CONSTRAINT ck_images_byte_size CHECK (byte_size = OCTET_LENGTH(bytes))
);

-- a resident's own uploads, for the download of their data and the deletion of their account
CREATE INDEX ix_images_uploaded_by ON images (uploaded_by);
