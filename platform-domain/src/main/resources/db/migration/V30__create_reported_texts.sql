-- A free-text answer reported to moderation gets an id of its own (issue 14): reported_texts maps it to its response
-- row. (V25 encoded response id and position in one number, which an anonymous response's random 62-bit id overflows.)

CREATE SEQUENCE reported_text_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE reported_texts (
    id           BIGINT   PRIMARY KEY,
    response_id  BIGINT   NOT NULL,
    position     INTEGER  NOT NULL,
    CONSTRAINT uq_reported_texts_row UNIQUE (response_id, position),
    CONSTRAINT fk_reported_texts_row FOREIGN KEY (response_id, position) REFERENCES response_answers (response_id, position)
);
