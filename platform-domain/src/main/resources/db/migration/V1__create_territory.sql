-- Territory: districts (with population, for turnout figures), their neighbourhoods, and themes.
-- name_key is the name without case or accents; the unique constraints on it refuse duplicates
-- even when two requests race past the application's own check.
-- Ids come from sequences (not identity columns): EclipseLink preallocates them by 50, on H2 and PostgreSQL alike.

CREATE SEQUENCE district_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE neighbourhood_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE theme_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE districts (
    id          BIGINT       PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    name_key    VARCHAR(120) NOT NULL,
    population  INTEGER      NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_districts_code UNIQUE (code),
    CONSTRAINT uq_districts_name_key UNIQUE (name_key),
    CONSTRAINT ck_districts_population CHECK (population >= 0)
);

CREATE TABLE neighbourhoods (
    id          BIGINT       PRIMARY KEY,
    district_id BIGINT       NOT NULL,
    name        VARCHAR(120) NOT NULL,
    name_key    VARCHAR(120) NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT fk_neighbourhoods_district FOREIGN KEY (district_id) REFERENCES districts (id),
    CONSTRAINT uq_neighbourhoods_name_key UNIQUE (district_id, name_key)
);

CREATE TABLE themes (
    id          BIGINT       PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    name_key    VARCHAR(120) NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uq_themes_name_key UNIQUE (name_key)
);
