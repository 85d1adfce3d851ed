-- A council's leaders may cancel a meeting before it starts (issue 14): when, by whom and the reason everyone reads.
-- The meeting stays, shown as cancelled; its registrations stay too (who had planned to come).

ALTER TABLE council_meetings ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE council_meetings ADD COLUMN cancelled_by VARCHAR(100);
ALTER TABLE council_meetings ADD COLUMN cancel_reason VARCHAR(1000);
ALTER TABLE council_meetings ADD CONSTRAINT ck_council_meetings_cancelled
    CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL) AND (cancelled_at IS NULL) = (cancelled_by IS NULL));
