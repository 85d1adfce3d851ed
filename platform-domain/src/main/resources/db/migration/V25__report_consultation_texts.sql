-- The free-text answers shown in a consultation's public results can be reported (issue 14): a new kind of moderation
-- item, CONSULTATION_TEXT, whose item id is response_id * 1000 + position (ConsultationTextModeration).

ALTER TABLE moderation_cases DROP CONSTRAINT ck_moderation_cases_kind;
ALTER TABLE moderation_cases ADD CONSTRAINT ck_moderation_cases_kind CHECK (item_kind IN ('COMMENT', 'BUDGET_PROJECT',
    'COUNCIL_IDEA', 'COUNCIL_POST', 'COUNCIL_DOCUMENT', 'CONSULTATION_TEXT'));
