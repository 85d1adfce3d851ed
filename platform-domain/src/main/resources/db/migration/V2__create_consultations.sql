-- Consultations and their questionnaires. A consultation is city-wide (district_code null) or for one district.
-- Questions keep their order (position) and their own stable code, which answers refer to; options, matrix rows
-- and matrix columns are kept in order beside them.

CREATE SEQUENCE consultation_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE question_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE consultations (
    id                BIGINT        PRIMARY KEY,
    title             VARCHAR(120)  NOT NULL,
    description       VARCHAR(20000) NOT NULL,
    theme_id          BIGINT,
    district_code     VARCHAR(32),
    opens_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    anonymous         BOOLEAN       NOT NULL,
    answers_editable  BOOLEAN       NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    version           INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT fk_consultations_theme FOREIGN KEY (theme_id) REFERENCES themes (id),
    CONSTRAINT fk_consultations_district FOREIGN KEY (district_code) REFERENCES districts (code),
    CONSTRAINT ck_consultations_period CHECK (closes_at > opens_at),
    CONSTRAINT ck_consultations_status CHECK (status IN ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'))
);

CREATE INDEX ix_consultations_status ON consultations (status, opens_at);

CREATE TABLE questions (
    id                  BIGINT        PRIMARY KEY,
    consultation_id     BIGINT        NOT NULL,
    position            INTEGER       NOT NULL,
    code                VARCHAR(40)   NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    text                VARCHAR(120)  NOT NULL,
    help                VARCHAR(1000) NOT NULL,
    required            BOOLEAN       NOT NULL,
    condition_question  VARCHAR(40),
    condition_option    VARCHAR(40),
    max_choices         INTEGER,
    long_text           BOOLEAN       NOT NULL DEFAULT FALSE,
    min_value           NUMERIC(19, 4),
    max_value           NUMERIC(19, 4),
    min_label           VARCHAR(120),
    max_label           VARCHAR(120),
    CONSTRAINT fk_questions_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id),
    CONSTRAINT uq_questions_code UNIQUE (consultation_id, code)
);

CREATE TABLE question_options (
    question_id  BIGINT       NOT NULL,
    position     INTEGER      NOT NULL,
    role         VARCHAR(10)  NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    label        VARCHAR(120) NOT NULL,
    CONSTRAINT pk_question_options PRIMARY KEY (question_id, position),
    CONSTRAINT fk_question_options_question FOREIGN KEY (question_id) REFERENCES questions (id),
    CONSTRAINT ck_question_options_role CHECK (role IN ('OPTION', 'ROW', 'COLUMN'))
);
