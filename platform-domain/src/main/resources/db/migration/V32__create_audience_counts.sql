-- The audience of the pages (issue 15), counted inside the platform with no cookie, no third-party tracker and no
-- stored IP address: only totals, which name and recognise nobody. One row per day (counted_on), page (the page's view id, '*' for
-- all pages), capability (the space the page belongs to, '*' for all) and district the page is about ('-' for a page
-- about no district, '*' for all): the page views, the distinct visitors of that day (recognised in memory by a hash
-- whose salt changes every day and is never stored) and how many of them were signed in. Visitors are not additive
-- across pages, so the totals over pages, capabilities and districts have rows of their own ('*'). Each application
-- instance adds its counts in batches (every minute and when it stops); several instances add up.

CREATE TABLE audience_counts (
    counted_on          DATE          NOT NULL,
    page                VARCHAR(120)  NOT NULL,
    capability          VARCHAR(20)   NOT NULL,
    district            VARCHAR(32)   NOT NULL,
    views               BIGINT        NOT NULL,
    visitors            BIGINT        NOT NULL,
    signed_in_visitors  BIGINT        NOT NULL,
    CONSTRAINT pk_audience_counts PRIMARY KEY (counted_on, page, capability, district),
    CONSTRAINT ck_audience_counts_positive CHECK (views >= 0 AND visitors >= 0 AND signed_in_visitors >= 0)
);

CREATE INDEX ix_audience_counts_district_day ON audience_counts (district, counted_on);
