-- The reviewer's latest question, shown on the status page while an answer is awaited, is the newest
-- 'information_requested' interaction of the case. With only (case_reference, occurred_at) that look-up walked
-- back through every status view recorded since the question was asked (one is recorded per view).
CREATE INDEX interactions_case_kind ON interactions (case_reference, kind, occurred_at);
