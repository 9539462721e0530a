#pragma once

#include "study/study.h"

namespace tastelab {

/// Writes every answer of the study, one row per answer with: study, participant, demographics,
/// position, track path/title/artist/genre, clip start and length, scale, value, response time,
/// replays, timestamp (ISO 8601 UTC), source ("survey", or "feedback" from the recommendation list:
/// no position). The file is written to a temporary name and renamed, so a
/// failed export never leaves half a file. False with *error naming the file and reason.
///
/// Issue 8 adds, per row: kind (clip, catch, practice, feedback), practice flag (practice answers
/// are kept apart from the data and only appear here, flagged), catch id/expected/correct,
/// repeat_of and repeat_agree, fast and straight_line flags, earlier values changed with Back,
/// focus losses, the audio-integrity record (output device, underruns, latency, loudness before
/// and after normalisation, device changes, integrity flag), the study file hash and whether the
/// participant is excluded by the study's rules. The CSV export writes two more files next to
/// it: NAME-quality.csv (the per-participant quality summary with the rules) and
/// NAME-questionnaires.csv; the JSON export holds them as "quality" and "questionnaires".
bool exportCsv(Study &study, const QString &path, QString *error);
bool exportJson(Study &study, const QString &path, QString *error);
/// The side files of a CSV export.
QString qualityCsvPath(const QString &csvPath);
QString questionnairesCsvPath(const QString &csvPath);

struct MergeReport {
    int participantsAdded = 0;
    int answersAdded = 0;
    int answersAlreadyPresent = 0;
    int surveyRecordsAdded = 0; ///< practice/catch answers, questionnaire answers, events, revisions
    int steeringAdded = 0;      ///< taste-profile steering entries (more / less like this), newer ones replacing older
    int tracksAdded = 0;
    int embeddingsAdded = 0; ///< cached embeddings (e.g. from `extract --shard`) not yet here
    QStringList conflicts; ///< e.g. participant with the same code but another seed; kept local
    /// Study file and schedule checks that failed: different study file hashes, a participant whose
    /// stored schedule differs between the files (which position), or does not match the schedule
    /// regenerated from their study file version. Without force the merge is refused.
    QStringList scheduleConflicts;
    bool refused = false; ///< nothing merged because of scheduleConflicts
    bool forced = false;  ///< merged despite scheduleConflicts (recorded in merge_log)
    QString error;         ///< set when nothing could be merged

    bool ok() const { return error.isEmpty() && !refused; }

    QString toText() const;
};

/// Merges a study file collected on another computer (the same study: equal study ids) into
/// study, in one transaction: new tracks (by content hash), new participants with their plans,
/// answers not yet present, and cached embeddings not yet present (same encoder and model hash).
/// Conflicting survey answers keep the local value and are reported; feedback on the same track
/// (mapped by content hash) keeps the newer one, silently (feedback may change its mind).
/// Before anything is combined, both files' study file hashes and every participant's schedule
/// are checked (scheduleConflicts); on a mismatch nothing is merged unless force, and the check
/// (merged, refused or forced, with the conflicts) is recorded in the study's merge_log.
MergeReport mergeStudy(Study &study, const QString &otherPath, bool force = false);

} // namespace tastelab
