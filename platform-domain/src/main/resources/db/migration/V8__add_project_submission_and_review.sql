-- Projects submitted by residents and reviewed by staff. A project row now also holds what its authors wrote
-- (description, address and an optional map point, their estimated cost, a theme) and the review: its status,
-- the public reason, the revised cost (the cost column is what the ballot uses) and, for a duplicate, the project
-- it was merged into. Projects put on a ballot by staff or imported from Pabulib have no author and are feasible.
-- Authors, supports and pictures are rows of their own; a support's primary key makes it once per person.

ALTER TABLE budget_projects ADD COLUMN description VARCHAR(4000);
ALTER TABLE budget_projects ADD COLUMN address VARCHAR(200);
ALTER TABLE budget_projects ADD COLUMN latitude DECIMAL(9, 6);
ALTER TABLE budget_projects ADD COLUMN longitude DECIMAL(9, 6);
ALTER TABLE budget_projects ADD COLUMN theme_id BIGINT;
ALTER TABLE budget_projects ADD COLUMN estimated_cost BIGINT;
ALTER TABLE budget_projects ADD COLUMN status VARCHAR(20) DEFAULT 'FEASIBLE' NOT NULL;
ALTER TABLE budget_projects ADD COLUMN review_reason VARCHAR(2000);
ALTER TABLE budget_projects ADD COLUMN merged_into BIGINT;
ALTER TABLE budget_projects ADD COLUMN submitted_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE budget_projects ADD CONSTRAINT fk_budget_projects_theme FOREIGN KEY (theme_id) REFERENCES themes (id);
ALTER TABLE budget_projects ADD CONSTRAINT fk_budget_projects_merged FOREIGN KEY (merged_into) REFERENCES budget_projects (id);
ALTER TABLE budget_projects ADD CONSTRAINT ck_budget_projects_status
    CHECK (status IN ('SUBMITTED', 'FEASIBLE', 'NOT_FEASIBLE', 'MERGED'));
ALTER TABLE budget_projects ADD CONSTRAINT ck_budget_projects_point
    CHECK ((latitude IS NULL AND longitude IS NULL) OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180));
ALTER TABLE budget_projects ADD CONSTRAINT ck_budget_projects_ballot CHECK (on_ballot = FALSE OR status = 'FEASIBLE');

CREATE INDEX ix_budget_projects_envelope ON budget_projects (envelope_id);

CREATE TABLE project_authors (
    project_id  BIGINT        NOT NULL,
    author      VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_project_authors PRIMARY KEY (project_id, author),
    CONSTRAINT fk_project_authors_project FOREIGN KEY (project_id) REFERENCES budget_projects (id)
);

CREATE TABLE project_supports (
    project_id  BIGINT        NOT NULL,
    supporter   VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_project_supports PRIMARY KEY (project_id, supporter),
    CONSTRAINT fk_project_supports_project FOREIGN KEY (project_id) REFERENCES budget_projects (id)
);

CREATE TABLE project_images (
    project_id  BIGINT   NOT NULL,
    position    INTEGER  NOT NULL,
    image_id    BIGINT   NOT NULL,
    CONSTRAINT pk_project_images PRIMARY KEY (project_id, image_id),
    CONSTRAINT fk_project_images_project FOREIGN KEY (project_id) REFERENCES budget_projects (id),
    CONSTRAINT fk_project_images_image FOREIGN KEY (image_id) REFERENCES images (id),
    CONSTRAINT ck_project_images_position CHECK (position BETWEEN 0 AND 2)
);
