-- Schema 4: trained personal models (CLEP variants and baselines) with everything needed to
-- reproduce and reuse them.

CREATE TABLE models (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    encoder        TEXT NOT NULL,
    encoder_hash   TEXT NOT NULL,
    kind           TEXT NOT NULL,            -- clep-pn, clep-p, clep-n, logreg, knn, mlp
    settings       TEXT NOT NULL,            -- JSON: training settings and the answer -> label mapping
    split          TEXT NOT NULL,            -- JSON: the clips of the train, validation and test parts
    metrics        TEXT NOT NULL,            -- JSON: test metrics
    log            TEXT NOT NULL,            -- JSON: losses per epoch
    weights        BLOB NOT NULL,            -- train::Model::serialize()
    created_at     TEXT NOT NULL
);

CREATE INDEX models_by_participant ON models(participant_id, encoder, kind);
