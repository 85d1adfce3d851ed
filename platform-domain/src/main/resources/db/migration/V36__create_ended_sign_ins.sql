-- Back-channel logout (issue 16): the Keycloak sessions that ended while people were signed in to the platform (a
-- sign-out in another application of the realm, a session ended by an administrator or by Keycloak's own limits).
-- Keycloak tells one instance of the platform; it notes the session's id here, and every instance ends the platform
-- sessions that were signed in through it. Rows are forgotten a day later (a Keycloak session lives ten hours at most).
-- No personal data: the id of a Keycloak session, and when it ended.

CREATE TABLE ended_sign_ins (
    session_id  VARCHAR(100)              PRIMARY KEY,
    ended_at    TIMESTAMP WITH TIME ZONE  NOT NULL
);

CREATE INDEX ended_sign_ins_by_time ON ended_sign_ins (ended_at);
