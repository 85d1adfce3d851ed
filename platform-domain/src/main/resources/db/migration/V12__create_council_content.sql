-- Documents that councils publish (PDF, office files, pictures), stored in the database with the rest of the
-- truth: outside any web root, one backup, any app instance serves them. Rows are never updated. Their type was
-- found in their content at upload (DocumentFile); the database keeps to the same list.

CREATE SEQUENCE document_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE documents (
    id            BIGINT       PRIMARY KEY,
    file_name     VARCHAR(160) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    byte_size     INTEGER      NOT NULL,
    bytes         BYTEA        NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_documents_content_type CHECK (content_type IN (
        'application/pdf',
        'application/vnd.oasis.opendocument.text',
        'application/vnd.oasis.opendocument.spreadsheet',
        'application/vnd.oasis.opendocument.presentation',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'application/msword',
        'application/vnd.ms-excel',
        'application/vnd.ms-powerpoint',
        'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    CONSTRAINT ck_documents_file_name CHECK (LENGTH(file_name) > 0),
    CONSTRAINT ck_documents_byte_size CHECK (byte_size > 0 AND byte_size = OCTET_LENGTH(bytes))
);

-- a resident's own uploads, for the download of their data and the deletion of their account
CREATE INDEX ix_documents_uploaded_by ON documents (uploaded_by);
