-- Schema 7 (issue 8, survey runtime): the audio-integrity record of every answer, answers to
-- practice and catch clips (kept apart from the data in answers), questionnaire answers, the
-- participant's session events (consent, calibration, volume and focus changes, finished pages)
-- and revisions of answers changed with Back. Rows made before schema 7 have NULL integrity.

-- Integrity of the playback the answer was given to (docs/quality.md). integrity_flag = 1: the
-- clip had an underrun or a device change.
ALTER TABLE answers ADD COLUMN output_device TEXT;
ALTER TABLE answers ADD COLUMN output_device_id TEXT;
ALTER TABLE answers ADD COLUMN underruns INTEGER;
ALTER TABLE answers ADD COLUMN underrun_ms INTEGER;
ALTER TABLE answers ADD COLUMN latency_ms REAL;
ALTER TABLE answers ADD COLUMN loudness_before REAL;
ALTER TABLE answers ADD COLUMN loudness_after REAL;
ALTER TABLE answers ADD COLUMN loudness_unit TEXT;
ALTER TABLE answers ADD COLUMN device_changes INTEGER;
ALTER TABLE answers ADD COLUMN focus_losses INTEGER;
ALTER TABLE answers ADD COLUMN integrity_flag INTEGER;

-- Answers to the schedule's practice and catch clips (schedule_extras, schema 6).
CREATE TABLE extra_answers (
    participant_id   INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('practice', 'catch')),
    seq              INTEGER NOT NULL,
    value            INTEGER NOT NULL,
    response_ms      INTEGER NOT NULL,
    replays          INTEGER NOT NULL DEFAULT 0,
    answered_at      TEXT NOT NULL,
    study_file_hash  TEXT,
    output_device    TEXT,
    output_device_id TEXT,
    underruns        INTEGER,
    underrun_ms      INTEGER,
    latency_ms       REAL,
    loudness_before  REAL,
    loudness_after   REAL,
    loudness_unit    TEXT,
    device_changes   INTEGER,
    focus_losses     INTEGER,
    integrity_flag   INTEGER,
    PRIMARY KEY (participant_id, kind, seq)
);

-- One row per question answered; occurrence tells the repetitions of a between-blocks
-- questionnaire apart (the 0-based block just finished; 0 for before/end).
CREATE TABLE questionnaire_answers (
    participant_id   INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    questionnaire_id TEXT NOT NULL,
    occurrence       INTEGER NOT NULL DEFAULT 0,
    question_id      TEXT NOT NULL,
    value            TEXT NOT NULL,            -- JSON: a string, a number, or an array of strings
    answered_at      TEXT NOT NULL,
    PRIMARY KEY (participant_id, questionnaire_id, occurrence, question_id)
);

-- consent, calibration, questionnaire-done, volume, focus, device, back ...
CREATE TABLE participant_events (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    detail         TEXT NOT NULL DEFAULT '{}', -- JSON
    at             TEXT NOT NULL
);
CREATE INDEX participant_events_by_kind ON participant_events(participant_id, kind);

-- An answer changed after going back: both values are kept.
CREATE TABLE answer_revisions (
    id              INTEGER PRIMARY KEY,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('clip', 'practice', 'catch')),
    position        INTEGER NOT NULL,          -- plan position, or the extra clip's seq
    old_value       INTEGER NOT NULL,
    new_value       INTEGER NOT NULL,
    old_response_ms INTEGER NOT NULL,
    new_response_ms INTEGER NOT NULL,
    revised_at      TEXT NOT NULL
);
