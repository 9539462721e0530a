-- Schema 6: steering feedback on the taste profile ("more like this" / "less like this"), used as
-- steering examples when the participant's CLEP models are trained (docs/profile.md). Either a
-- track (a prototype: its embedded clips are the anchors, for whatever encoder is trained) or an
-- explicit anchor vector in one encoder's input space (e.g. an explanation component). A second
-- steering on the same track replaces the first.

CREATE TABLE steering (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    track_id       INTEGER REFERENCES tracks(id),
    encoder        TEXT,                  -- with an anchor: the encoder whose input space it is in
    anchor         BLOB,                  -- little-endian float32 values
    direction      INTEGER NOT NULL CHECK (direction IN (-1, 1)),
    weight         REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    label          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    CHECK (track_id IS NOT NULL OR (anchor IS NOT NULL AND encoder IS NOT NULL))
);

CREATE UNIQUE INDEX steering_by_track ON steering(participant_id, track_id) WHERE track_id IS NOT NULL;
CREATE INDEX steering_by_participant ON steering(participant_id);
