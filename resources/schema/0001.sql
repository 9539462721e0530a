-- Schema 1: study settings, library, participants, their clip plans and answers.
-- Never edit a migration that has shipped: add the next numbered file instead.

CREATE TABLE study_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE tracks (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL,
    rel_path      TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    artist        TEXT NOT NULL,
    genre         TEXT NOT NULL,
    duration      REAL NOT NULL CHECK (duration > 0),
    sample_rate   INTEGER NOT NULL,
    channels      INTEGER NOT NULL,
    format        TEXT NOT NULL,
    added_at      TEXT NOT NULL
);

CREATE TABLE participants (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    seed          TEXT NOT NULL,            -- unsigned 64-bit, as decimal text
    demographics  TEXT NOT NULL DEFAULT '{}',
    created_at    TEXT NOT NULL,
    finished_at   TEXT
);

CREATE TABLE plan_items (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    track_id       INTEGER NOT NULL REFERENCES tracks(id),
    clip_start     REAL NOT NULL,
    clip_length    REAL NOT NULL,
    PRIMARY KEY (participant_id, position)
);

CREATE TABLE answers (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    track_id       INTEGER NOT NULL REFERENCES tracks(id),
    clip_start     REAL NOT NULL,
    clip_length    REAL NOT NULL,
    scale          TEXT NOT NULL,
    value          INTEGER NOT NULL,
    response_ms    INTEGER NOT NULL,
    replays        INTEGER NOT NULL DEFAULT 0,
    answered_at    TEXT NOT NULL,
    UNIQUE (participant_id, position)
);
