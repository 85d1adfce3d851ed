-- Consent to the platform's terms (issue 16): who accepted which version of the terms and privacy notice, and when.
-- A new version of the terms asks everyone again at their next visit; a person accepts a version once (the key).

CREATE TABLE terms_consents (
    username     VARCHAR(100)  NOT NULL,
    version      VARCHAR(40)   NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_terms_consents PRIMARY KEY (username, version)
);
