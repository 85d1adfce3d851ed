-- When each account was last seen on the platform (issue 16), for the retention of inactive accounts' personal data:
-- one row per account, its day of last activity (pages or API), written at most once a day per account and instance.

CREATE TABLE account_activity (
    username      VARCHAR(100)  PRIMARY KEY,
    last_seen_on  DATE          NOT NULL
);

CREATE INDEX ix_account_activity_last_seen ON account_activity (last_seen_on);
