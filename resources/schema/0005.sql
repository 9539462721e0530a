-- Schema 5: answers given as feedback on the recommendation list, next to the survey's answers.
-- A survey answer sits at its plan position (>= 0). A feedback answer has no plan position: it is
-- stored at position = -track_id, so it can never collide with a plan position, and the
-- UNIQUE(participant_id, position) of schema 1 makes a second feedback on the same track replace
-- the first (an upsert). Its clip is the track's central library excerpt.

ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT 'survey' CHECK (source IN ('survey', 'feedback'));

CREATE INDEX answers_by_source ON answers(participant_id, source);
