#pragma once

#include "study/study.h"

#include <QJsonValue>
#include <QSqlQuery>

namespace tastelab {

/// Survey runtime records besides the answers to data clips (schema 7): answers to practice and
/// catch clips, questionnaire answers, session events and answer revisions. Every write is
/// committed before the call returns. Free functions on a Study (same threading rule).

/// The integrity columns of answers and extra_answers, in the order bindIntegrity() binds them.
inline constexpr const char *kIntegrityColumns =
    "output_device, output_device_id, underruns, underrun_ms, latency_ms, loudness_before, loudness_after, "
    "loudness_unit, device_changes, focus_losses, integrity_flag";
/// Binds the 11 integrity columns (NULLs when the record was not taken).
void bindIntegrity(QSqlQuery &query, const AnswerIntegrity &integrity);
/// Reads the 11 integrity columns starting at column.
AnswerIntegrity integrityFrom(const QSqlQuery &query, int column);

/// An answer to a practice or catch clip of the schedule (Study::extraClips()).
struct ExtraAnswer {
    qint64 participantId = 0;
    ExtraClip::Kind kind = ExtraClip::Kind::Practice;
    int seq = 0;
    int value = 0;
    qint64 responseMs = 0;
    int replays = 0;
    QDateTime answeredAt; ///< UTC; now when invalid
    QString studyFileHash; ///< the study's current hash when empty
    AnswerIntegrity integrity;
};

struct QuestionnaireAnswer {
    QString questionnaireId;
    int occurrence = 0; ///< between-blocks: the 0-based block just finished; else 0
    QString questionId;
    QJsonValue value;   ///< a string (text, single), a number (likert) or an array of strings (multiple)
    QDateTime answeredAt;
};

struct ParticipantEvent {
    QString kind; ///< "consent", "calibration", "questionnaire-done", "volume", "focus", ...
    QJsonObject detail;
    QDateTime at;
};

/// An answer changed after going back; both values are kept.
struct AnswerRevision {
    QString kind; ///< "clip", "practice", "catch"
    int position = 0; ///< plan position, or the extra clip's seq
    int oldValue = 0;
    int newValue = 0;
    qint64 oldResponseMs = 0;
    qint64 newResponseMs = 0;
    QDateTime revisedAt;
};

/// A clip the participant skipped (studies whose rules.forceAnswer is off), stored as a
/// participant event "skip" whose detail names the clip. A skipped clip counts as done: it is
/// not presented again on resume, and the participant finishes without it. An answer given later
/// (Back) takes precedence. Skip events without a "kind" (sessions before skips were recorded)
/// are not skips in this sense.
struct SkipRecord {
    QString kind;       ///< "clip", "practice", "catch"
    int position = -1;  ///< clip: 0-based plan position
    int seq = -1;       ///< practice, catch: the extra clip's seq
    QString catchId;
    qint64 responseMs = 0; ///< from the clip's start to the skip
    int replays = 0;
    QDateTime at;
};

QString extraKindId(ExtraClip::Kind kind); ///< "practice", "catch"

namespace surveydata {

/// Stores the answer to an extra clip; refuses a value outside the study's scale and a second
/// answer to the same clip. False with *error (naming the study file) on failure.
bool recordExtraAnswer(Study &study, const ExtraAnswer &answer, QString *error);
QVector<ExtraAnswer> extraAnswers(Study &study, qint64 participantId);

/// Changes a stored answer (kind "clip": the plan position; "practice"/"catch": the seq) and
/// records the revision with both values, in one transaction.
bool reviseAnswer(Study &study, qint64 participantId, const QString &kind, int position, int newValue,
                  qint64 newResponseMs, QString *error);
QVector<AnswerRevision> revisions(Study &study, qint64 participantId);

/// Stores (or replaces) one question's answer.
bool saveQuestionnaireAnswer(Study &study, qint64 participantId, const QuestionnaireAnswer &answer, QString *error);
QVector<QuestionnaireAnswer> questionnaireAnswers(Study &study, qint64 participantId);

bool logEvent(Study &study, qint64 participantId, const QString &kind, const QJsonObject &detail, QString *error);

/// Copies the survey records of participant otherId in other (practice and catch answers,
/// questionnaire answers, events, revisions) to participant localId in study, keeping what study
/// has already (same clip, question, event or revision). For merging station files: runs inside
/// the caller's transaction. *added gets the number of rows copied.
bool mergeRecords(Study &study, qint64 localId, Study &other, qint64 otherId, int *added, QString *error);
QVector<ParticipantEvent> events(Study &study, qint64 participantId, const QString &kind = QString());
/// The participant's recorded skips, in the order they happened.
QVector<SkipRecord> skips(Study &study, qint64 participantId);
/// The event detail of a skip (what skips() reads back).
QJsonObject skipDetail(const SkipRecord &skip);

} // namespace surveydata

} // namespace tastelab
