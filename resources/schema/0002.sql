-- Schema 2: repeated clips for the consistency check, and the import report kept with the study.

ALTER TABLE plan_items ADD COLUMN repeat_of INTEGER NOT NULL DEFAULT -1;

CREATE TABLE import_issues (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    reported_at TEXT NOT NULL
);

CREATE INDEX answers_by_track ON answers(track_id);
CREATE INDEX plan_items_by_track ON plan_items(track_id);
