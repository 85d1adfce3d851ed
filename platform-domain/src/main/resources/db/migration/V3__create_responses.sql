-- Residents' responses to consultations.
-- A response is a DRAFT (saved to come back later; always linked to its respondent) or SUBMITTED. For an anonymous
-- consultation the submitted response keeps no respondent: the fact that someone answered lives apart, in
-- consultation_participations, whose primary key is also what makes "one response per resident" hold under
-- concurrent submits and across app instances.
-- Answers are rows, one per chosen option, ranked item, matrix row, text or number, so results can be counted in SQL.

CREATE SEQUENCE response_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE responses (
    id               BIGINT       PRIMARY KEY,
    consultation_id  BIGINT       NOT NULL,
    respondent       VARCHAR(100),
    district_code    VARCHAR(32),
    status           VARCHAR(10)  NOT NULL,
    saved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    version          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT fk_responses_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id),
    CONSTRAINT uq_responses_respondent UNIQUE (consultation_id, respondent),
    CONSTRAINT ck_responses_status CHECK (status IN ('DRAFT', 'SUBMITTED')),
    CONSTRAINT ck_responses_submitted CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL)),
    CONSTRAINT ck_responses_draft_respondent CHECK (status = 'SUBMITTED' OR respondent IS NOT NULL)
);

CREATE INDEX ix_responses_consultation ON responses (consultation_id, status, id);

CREATE TABLE response_answers (
    response_id    BIGINT        NOT NULL,
    position       INTEGER       NOT NULL,
    question_code  VARCHAR(40)   NOT NULL,
    row_code       VARCHAR(40),
    option_code    VARCHAR(40),
    rank_position  INTEGER,
    number_value   NUMERIC(19, 4),
    text_value     VARCHAR(5000),
    text_approved  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_response_answers PRIMARY KEY (response_id, position),
    CONSTRAINT fk_response_answers_response FOREIGN KEY (response_id) REFERENCES responses (id)
);

CREATE TABLE consultation_participations (
    consultation_id  BIGINT        NOT NULL,
    respondent       VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_consultation_participations PRIMARY KEY (consultation_id, respondent),
    CONSTRAINT fk_participations_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id)
);

-- What the organiser publishes of each question once results are out (the figures by default).
ALTER TABLE questions ADD COLUMN publication VARCHAR(20) DEFAULT 'FIGURES' NOT NULL;
