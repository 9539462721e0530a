-- Schema 6 (issue 8): the study file. Its SHA-256 is kept with every participant and answer (NULL
-- for rows made before schema 6), every version of the file the study has seen is kept with its
-- text, clips carry their block, and practice and catch clips are stored apart from the plan (the
-- plan's positions stay the data clips, so training, export and consistency are unchanged).

ALTER TABLE participants ADD COLUMN study_file_hash TEXT;   -- hex SHA-256 of the study file at creation
ALTER TABLE participants ADD COLUMN schedule_index INTEGER; -- balanced assignment: 0-based order of creation
ALTER TABLE answers ADD COLUMN study_file_hash TEXT;        -- hex SHA-256 of the study file when answered
ALTER TABLE plan_items ADD COLUMN block INTEGER NOT NULL DEFAULT 0; -- 0-based block in presentation order

CREATE TABLE study_file_versions (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL,            -- hex SHA-256 of content's bytes
    path        TEXT NOT NULL,            -- where the file was read
    content     TEXT NOT NULL,            -- the file's text
    recorded_at TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''  -- 'created', 'changed before data collection', 'accepted after data collection began'
);

-- Practice and catch clips of a participant's schedule. A row is shown right before the plan
-- position before_position (plan size = after the last clip); practice rows use 0 and come first.
CREATE TABLE schedule_extras (
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('practice', 'catch')),
    seq             INTEGER NOT NULL CHECK (seq >= 0), -- order among the participant's rows of this kind
    before_position INTEGER NOT NULL CHECK (before_position >= 0),
    track_id        INTEGER REFERENCES tracks(id),     -- practice: a library track; catch: NULL
    catch_id        TEXT,                              -- catch: the id from the study file
    file            TEXT,                              -- catch: the file as the study file names it
    clip_start      REAL NOT NULL DEFAULT 0,
    clip_length     REAL NOT NULL DEFAULT 0,           -- catch: 0 = the whole file
    expected        INTEGER,                           -- catch: the correct answer value
    block           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (participant_id, kind, seq)
);

-- Merges of station files: what was checked and the conflicts found (kept also when a merge was
-- refused, and when it was forced despite them).
CREATE TABLE merge_log (
    id         INTEGER PRIMARY KEY,
    other_path TEXT NOT NULL,
    merged_at  TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('merged', 'refused', 'forced')),
    conflicts  TEXT NOT NULL DEFAULT '[]' -- JSON array of strings
);
