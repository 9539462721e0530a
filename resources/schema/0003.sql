-- Schema 3: embeddings cached per clip and encoder, and clips that could not be embedded.

CREATE TABLE embeddings (
    track_id     INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    clip_start   REAL NOT NULL,
    clip_length  REAL NOT NULL,
    encoder      TEXT NOT NULL,
    encoder_hash TEXT NOT NULL,
    dim          INTEGER NOT NULL CHECK (dim > 0),
    vector       BLOB NOT NULL,            -- dim little-endian float32 values
    created_at   TEXT NOT NULL,
    PRIMARY KEY (track_id, clip_start, clip_length, encoder)
);

CREATE TABLE embedding_failures (
    track_id     INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    clip_start   REAL NOT NULL,
    clip_length  REAL NOT NULL,
    encoder      TEXT NOT NULL,
    encoder_hash TEXT NOT NULL,
    reason       TEXT NOT NULL,
    failed_at    TEXT NOT NULL,
    PRIMARY KEY (track_id, clip_start, clip_length, encoder)
);
