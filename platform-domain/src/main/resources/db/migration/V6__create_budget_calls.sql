-- Participatory budget calls (budget_year: "year" is a reserved word in H2): a yearly call with its total, its dated phases, its ballot rule and tally rule,
-- split into envelopes (one per district, plus at most one city-wide envelope, district_code null). Amounts are
-- whole currency units (euros); money is never a floating-point number.

CREATE SEQUENCE budget_call_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE envelope_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE budget_calls (
    id                      BIGINT        PRIMARY KEY,
    name                    VARCHAR(120)  NOT NULL,
    name_key                VARCHAR(120)  NOT NULL,
    budget_year             INTEGER       NOT NULL,
    total_amount            BIGINT        NOT NULL,
    voting_rule             VARCHAR(20)   NOT NULL,
    min_choices             INTEGER,
    max_choices             INTEGER,
    total_points            INTEGER,
    max_points_per_project  INTEGER,
    ranks                   INTEGER,
    tally_rule              VARCHAR(20)   NOT NULL,
    minimum_age             INTEGER,
    submission_start        TIMESTAMP WITH TIME ZONE NOT NULL,
    submission_end          TIMESTAMP WITH TIME ZONE NOT NULL,
    review_start            TIMESTAMP WITH TIME ZONE NOT NULL,
    review_end              TIMESTAMP WITH TIME ZONE NOT NULL,
    vote_start              TIMESTAMP WITH TIME ZONE NOT NULL,
    vote_end                TIMESTAMP WITH TIME ZONE NOT NULL,
    results_from            TIMESTAMP WITH TIME ZONE NOT NULL,
    implementation_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(100)  NOT NULL,
    version                 INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_budget_calls_name UNIQUE (budget_year, name_key),
    CONSTRAINT ck_budget_calls_total CHECK (total_amount > 0),
    CONSTRAINT ck_budget_calls_voting_rule CHECK (voting_rule IN ('APPROVAL', 'KNAPSACK', 'CUMULATIVE', 'ORDINAL')),
    CONSTRAINT ck_budget_calls_tally_rule CHECK (tally_rule IN ('GREEDY', 'GREEDY_NO_SKIP', 'EQUAL_SHARES')),
    CONSTRAINT ck_budget_calls_phases CHECK (submission_end > submission_start AND review_start >= submission_end
        AND review_end > review_start AND vote_start >= review_end AND vote_end > vote_start
        AND results_from >= vote_end AND implementation_from >= results_from)
);

CREATE TABLE envelopes (
    id             BIGINT       PRIMARY KEY,
    call_id        BIGINT       NOT NULL,
    district_code  VARCHAR(32),
    amount         BIGINT       NOT NULL,
    CONSTRAINT fk_envelopes_call FOREIGN KEY (call_id) REFERENCES budget_calls (id),
    CONSTRAINT fk_envelopes_district FOREIGN KEY (district_code) REFERENCES districts (code),
    CONSTRAINT uq_envelopes_district UNIQUE (call_id, district_code),
    CONSTRAINT ck_envelopes_amount CHECK (amount > 0)
);
