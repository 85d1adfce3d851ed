-- Ballots sealed until the count. An online or desk ballot is written in the same transaction as its voter's
-- has-voted mark, so in PostgreSQL the two rows share xmin, lie in the same physical (and pg_dump) order and have the
-- same commit time. It is therefore stored encrypted (HPKE, RFC 9180) to its envelope's election key, whose private
-- part is derived from the operators' secret (agora.ballots.sealing-secret) and this row's random salt: it is never
-- in the database. When the vote is over, the count decrypts an envelope's sealed ballots and writes them into
-- ballots / ballot_choices in random order with new random ids, in one transaction that also erases the sealed copies.

CREATE TABLE election_keys (
    envelope_id  BIGINT        PRIMARY KEY,
    -- 32 random bytes: with the operators' secret, they derive the envelope's X25519 key pair (HKDF-SHA256)
    salt         BYTEA         NOT NULL,
    -- the public key ballots are sealed to; the configured secret must derive it, or nothing is sealed nor opened
    public_key   BYTEA         NOT NULL,
    -- how many projects a sealed ballot is padded for (the projects on the ballot): all have the same length
    capacity     INTEGER       NOT NULL,
    -- SEALING while the vote runs, COUNTED once its ballots are unsealed
    status       VARCHAR(10)   NOT NULL,
    CONSTRAINT fk_election_keys_envelope FOREIGN KEY (envelope_id) REFERENCES envelopes (id),
    CONSTRAINT uq_election_keys_status UNIQUE (envelope_id, status),
    CONSTRAINT ck_election_keys_status CHECK (status IN ('SEALING', 'COUNTED')),
    CONSTRAINT ck_election_keys_capacity CHECK (capacity >= 0)
);

-- A sealed ballot refers to its key *while it is SEALING*: the count turns the key to COUNTED, which waits for the
-- votes still being written (their foreign-key check holds a share lock on the key's row) and then refuses any
-- later one (a late instance whose clock lags): no ballot is sealed after its envelope was counted.
CREATE TABLE sealed_ballots (
    id           VARCHAR(36)   PRIMARY KEY,
    envelope_id  BIGINT        NOT NULL,
    key_status   VARCHAR(10)   DEFAULT 'SEALING' NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    sealed       BYTEA         NOT NULL,
    CONSTRAINT fk_sealed_ballots_key FOREIGN KEY (envelope_id, key_status) REFERENCES election_keys (envelope_id, status),
    CONSTRAINT ck_sealed_ballots_key_status CHECK (key_status = 'SEALING'),
    CONSTRAINT ck_sealed_ballots_channel CHECK (channel IN ('ONLINE', 'DESK'))
);

CREATE INDEX ix_sealed_ballots_envelope ON sealed_ballots (envelope_id, key_status);
