-- Anonymous consultations: secrecy against whoever holds a copy of the database (dump, replica, WAL, backups).
-- While such a consultation is open, each response is written here sealed (AES-GCM with a key kept in the app's
-- configuration, padded so that all of a consultation's sealed responses have the same length), in the same
-- transaction as the has-answered mark, which is all that transaction reveals. When the consultation closes,
-- the sealed responses are opened, shuffled and written to responses in one transaction, under random ids and
-- with the closing time, and erased from here. `slot` is a random number: it only lets that step read in pages.
-- No id, no time: nothing here orders the rows but the disk.

CREATE TABLE sealed_responses (
    consultation_id  BIGINT  NOT NULL,
    slot             BIGINT  NOT NULL,
    sealed           BYTEA   NOT NULL,
    CONSTRAINT pk_sealed_responses PRIMARY KEY (consultation_id, slot),
    CONSTRAINT fk_sealed_responses_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id),
    CONSTRAINT ck_sealed_responses_slot CHECK (slot >= 0)
);

-- Drafts of anonymous consultations named the person beside the answers: they are no longer kept on the server
-- (the answer page keeps them in the resident's browser). Those left from before go.
DELETE FROM response_answers WHERE response_id IN (
    SELECT r.id FROM responses r JOIN consultations c ON c.id = r.consultation_id
    WHERE c.anonymous = TRUE AND r.status = 'DRAFT');
DELETE FROM responses WHERE status = 'DRAFT'
    AND consultation_id IN (SELECT id FROM consultations WHERE anonymous = TRUE);
