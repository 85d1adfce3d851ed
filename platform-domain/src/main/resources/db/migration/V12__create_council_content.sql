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

-- A council's content (V11 holds the councils). council_documents says which council publishes a stored document,
-- under which title and for whom (members_only), and repeats the file's name, type and size so that a list never
-- reads the files. council_news holds the news posts (sanitized HTML). council_ideas is the ideas board;
-- council_idea_supports has one row per idea and supporter, so its primary key makes a double click one support.

CREATE SEQUENCE council_document_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE council_news_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE council_idea_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE council_documents (
    id            BIGINT        PRIMARY KEY,
    council_id    BIGINT        NOT NULL,
    document_id   BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    members_only  BOOLEAN       NOT NULL,
    file_name     VARCHAR(160)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    byte_size     INTEGER       NOT NULL,
    published_by  VARCHAR(100)  NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_council_documents_document UNIQUE (document_id),
    CONSTRAINT fk_council_documents_council FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT fk_council_documents_document FOREIGN KEY (document_id) REFERENCES documents (id)
);

CREATE INDEX ix_council_documents_council ON council_documents (council_id, published_at);

CREATE TABLE council_news (
    id            BIGINT         PRIMARY KEY,
    council_id    BIGINT         NOT NULL,
    title         VARCHAR(200)   NOT NULL,
    body          VARCHAR(20000) NOT NULL,
    members_only  BOOLEAN        NOT NULL,
    published_by  VARCHAR(100)   NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_council_news_council FOREIGN KEY (council_id) REFERENCES councils (id)
);

CREATE INDEX ix_council_news_council ON council_news (council_id, published_at);

CREATE TABLE council_ideas (
    id           BIGINT        PRIMARY KEY,
    council_id   BIGINT        NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(5000) NOT NULL,
    author       VARCHAR(100)  NOT NULL,
    author_name  VARCHAR(200)  NOT NULL,
    posted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    answer       VARCHAR(5000),
    closed_by    VARCHAR(100),
    closed_at    TIMESTAMP WITH TIME ZONE,
    version      INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT fk_council_ideas_council FOREIGN KEY (council_id) REFERENCES councils (id),
    CONSTRAINT ck_council_ideas_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_council_ideas_answer CHECK ((status = 'CLOSED') = (answer IS NOT NULL AND closed_at IS NOT NULL))
);

CREATE INDEX ix_council_ideas_council ON council_ideas (council_id, posted_at);
CREATE INDEX ix_council_ideas_author ON council_ideas (author);

CREATE TABLE council_idea_supports (
    idea_id       BIGINT        NOT NULL,
    supporter     VARCHAR(100)  NOT NULL,
    supported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_council_idea_supports PRIMARY KEY (idea_id, supporter),
    CONSTRAINT fk_council_idea_supports_idea FOREIGN KEY (idea_id) REFERENCES council_ideas (id)
);

CREATE INDEX ix_council_idea_supports_supporter ON council_idea_supports (supporter);
