-- The participation KPIs' kept ballots (issue 15, after V33's kept participation): per budget call, the ballots of
-- each envelope and channel, counted from the register's vote marks, so that the dashboard reads a few rows instead of
-- counting every vote mark of its envelopes on each request. Written by org.agora.kpi.KeptParticipation's refresh
-- with the call's voters; V33's vote mark triggers note in kpi_changes every call whose marks changed since, and a
-- reading counts those calls' marks again. Filled here from the marks already cast (the kept voters of V33 may have been
-- built before this table existed). No person appears: counts only.
CREATE TABLE kpi_call_ballots (
    call_id      BIGINT       NOT NULL,
    envelope_id  BIGINT       NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    n            BIGINT       NOT NULL,
    CONSTRAINT pk_kpi_call_ballots PRIMARY KEY (call_id, envelope_id, channel)
);

INSERT INTO kpi_call_ballots (call_id, envelope_id, channel, n)
    SELECT call_id, envelope_id, channel, COUNT(*) FROM vote_marks GROUP BY call_id, envelope_id, channel;
