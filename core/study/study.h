#pragma once

#include "study/studysettings.h"
#include "survey/clipplanner.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <optional>

namespace tastelab {

/// A track of the study's library.
struct Track {
    qint64 id = 0;
    QString path;         ///< absolute path at import time
    QString relativePath; ///< relative to the study file's folder (used when the folders moved)
    QString contentHash;  ///< SHA-256 of the file's bytes, hex
    QString title;
    QString artist;
    QString genre;
    double durationSeconds = 0;
    int sampleRate = 0;
    int channels = 0;
    QString format;
};

/// A problem found while importing, kept in the study so the report can be shown again.
struct ImportIssue {
    QString path;
    QString reason;
};

struct Participant {
    qint64 id = 0;
    QString code;
    quint64 seed = 0;
    QJsonObject demographics; ///< {"age": 31, "Favourite genre": "jazz", ...}
    QDateTime createdAt;
    QDateTime finishedAt; ///< invalid until the last clip is answered
    QString studyFileHash; ///< SHA-256 (hex) of the study file when they started; empty before schema 6
    /// Balanced assignment: 0-based order of creation in the station's file; with S stations,
    /// n * S + (station - 1) (Study::nextScheduleIndex()). -1 before schema 6.
    int scheduleIndex = -1;
};

/// The station (1..stations) whose file created a participant with this schedule index; 0 when
/// unknown (no index, from before schema 6).
inline int stationOfScheduleIndex(int scheduleIndex, int stations)
{
    return scheduleIndex < 0 ? 0 : scheduleIndex % (stations < 1 ? 1 : stations) + 1;
}

/// One clip in a participant's stored plan.
struct Clip {
    int position = 0;
    qint64 trackId = 0;
    double startSeconds = 0;
    double lengthSeconds = 0;
    int repeatOf = -1; ///< position of the first presentation, or -1
    int block = 0;     ///< 0-based block, in presentation order (questionnaires "between-blocks" go between)
};

/// A practice or catch clip of a participant's schedule, kept apart from the plan (whose positions
/// are the data clips). Shown right before plan position beforePosition (== plan size: after the
/// last clip). Practice clips come first (beforePosition 0, before any catch clip there).
struct ExtraClip {
    enum class Kind { Practice, Catch };
    Kind kind = Kind::Practice;
    int seq = 0;            ///< order among the participant's extra clips of this kind
    int beforePosition = 0;
    int block = 0;
    qint64 trackId = 0;     ///< practice: a library track; catch: 0
    QString catchId;        ///< catch: StudySettings::design.catchClips[].id
    QString file;           ///< catch: the file as the study file names it (see Study::resolveStudyFilePath)
    double startSeconds = 0;
    double lengthSeconds = 0; ///< catch: 0 = the whole file
    int expected = -1;      ///< catch: the correct answer value

    bool isCatch() const { return kind == Kind::Catch; }
};

/// One version of the study file the study has seen (table study_file_versions).
struct StudyFileVersion {
    QString hash;    ///< hex SHA-256 of the file's bytes
    QString path;
    QString content; ///< the file's text
    QDateTime recordedAt;
    QString note;
};

/// Where an answer comes from. A survey answer is at its plan position (>= 0); a feedback answer
/// (from the recommendation list) has no plan position and is stored at position -trackId, so it
/// never collides with the plan and a second feedback on the same track replaces the first.
inline QString surveySource() { return QStringLiteral("survey"); }
inline QString feedbackSource() { return QStringLiteral("feedback"); }

/// Which answers Study::answers() returns.
enum class AnswerSources {
    Survey, ///< the survey's answers only (plan positions): progress, resume, consistency
    All,    ///< survey answers, then feedback answers (by track id): export, merge, training
};

/// The audio-integrity record stored with an answer (schema 7; what each figure measures is in
/// docs/quality.md). Not recorded for feedback and for answers stored before schema 7.
struct AnswerIntegrity {
    bool recorded = false;
    QString device;   ///< the output device's description
    QString deviceId;
    int underruns = 0;      ///< underrun episodes while the clip played
    qint64 underrunMs = 0;
    double latencyMs = -1;  ///< measured output latency, -1 unknown
    double loudnessBefore = std::numeric_limits<double>::quiet_NaN(); ///< in loudnessUnit
    double loudnessAfter = std::numeric_limits<double>::quiet_NaN();
    QString loudnessUnit;   ///< "LUFS" or "dBFS" (RMS)
    int deviceChanges = 0;
    int focusLosses = 0;    ///< the app lost focus or was minimised while the clip played
    bool flagged = false;   ///< answered with an underrun or a device change during the clip
};

struct Answer {
    qint64 participantId = 0;
    int position = 0; ///< plan position; -trackId for feedback
    qint64 trackId = 0;
    double clipStart = 0;
    double clipLength = 0;
    AnswerScale scale = AnswerScale::LikeDislike;
    int value = 0;
    qint64 responseMs = 0; ///< from clip start to answer
    int replays = 0;
    QDateTime answeredAt; ///< UTC
    QString source = surveySource(); ///< surveySource() or feedbackSource()
    /// SHA-256 (hex) of the study file the answer was given under; recordAnswer() fills in the
    /// study's current hash when empty. Empty for answers stored before schema 6.
    QString studyFileHash;
    AnswerIntegrity integrity;

    bool isFeedback() const { return source == feedbackSource(); }
};

/// A study file: one SQLite database holding settings, tracks, participants, plans and answers.
///
/// A Study object owns its own database connection and must be used on the thread that opened
/// it (workers open their own Study on their thread). Every write is a transaction of its own
/// and committed before the call returns. Methods that can fail return false/empty and set
/// lastError(), which names the study file and the reason.
class Study {
public:
    ~Study();
    Study(const Study &) = delete;
    Study &operator=(const Study &) = delete;

    /// Creates a new study file (refuses to overwrite an existing file) with the given settings.
    static std::unique_ptr<Study> create(const QString &path, const StudySettings &settings, QString *error);
    /// Opens and, when needed, migrates an existing study file.
    static std::unique_ptr<Study> open(const QString &path, QString *error);

    QString path() const;
    QString lastError() const;
    QSqlDatabase &database();
    /// A stable random id given at creation; merging requires equal ids.
    QString studyId() const;

    StudySettings settings() const;
    bool setSettings(const StudySettings &settings);

    // --- study file (docs/study-file.md) ---
    /// Hex SHA-256 of the study file version in force (recorded with new participants and
    /// answers); empty when the study has no study file.
    QString studyFileHash() const;
    /// Every version recorded, oldest first.
    QVector<StudyFileVersion> studyFileVersions() const;
    /// A path named in the study file (catch clip, calibration excerpt) resolved against the study
    /// file's folder when relative.
    QString resolveStudyFilePath(const QString &file) const;
    /// The study file's absolute path; empty when the study has none.
    QString studyFilePath() const;

    /// How the study file on disk compares with the version in force.
    enum class StudyFileState {
        None,             ///< the study has no study file
        Unchanged,        ///< same bytes as the version in force
        Changed,          ///< changed, no participant yet: loadStudyFile() applies it without asking
        ChangedAfterData, ///< changed after data collection began: needs confirmation
        Missing,          ///< the file is gone (the version in force stays)
        Invalid,          ///< the file does not validate (the version in force stays)
    };
    struct StudyFileCheck {
        StudyFileState state = StudyFileState::None;
        QString path;
        QString recordedHash; ///< the version in force
        QString fileHash;     ///< the file on disk
        QStringList errors;   ///< Invalid / Missing: line-numbered reasons
    };
    /// Reads the study file and compares it with the version in force (nothing is changed).
    StudyFileCheck checkStudyFile() const;
    /// True when the study file changed after data collection began (see checkStudyFile()).
    bool studyFileChanged() const { return checkStudyFile().state == StudyFileState::ChangedAfterData; }
    /// Makes the study file at path (empty: the study's current one) the study's definition: reads
    /// and validates it, stores its settings, records the version (hash, time, text) and makes it
    /// the hash recorded with new participants and answers. Refuses a file that changed after
    /// data collection began unless acceptChangedAfterData (the GUI asks; the CLI needs
    /// --accept-changed-file). False with lastError() (the file's line-numbered errors).
    bool loadStudyFile(const QString &path = QString(), bool acceptChangedAfterData = false);
    /// Writes the current settings as the study file at path (JSON or YAML by its suffix) and loads it.
    bool writeStudyFile(const QString &path);
    /// True once a participant exists.
    bool dataCollectionBegan() const;

    // --- stations (design.stations, docs/study-file.md) ---
    /// This file's station number (1..design.stations), kept in the study database and not in
    /// the shared study file (whose hash stays equal on every station); 0 when not set.
    int stationNumber() const;
    /// Sets this file's station number: 1..design.stations. A copy of a study made for another
    /// station needs its own number before its first participant.
    bool setStationNumber(int station);
    /// The schedule index the next participant created in this file gets: with one station, the
    /// number of participants in the file; with S stations, n * S + (k - 1) where k is this file's
    /// station number and n the number of this station's participants in the file (the next free
    /// one of that station). -1 with lastError() when the study has stations and this file no
    /// station number (or one beyond design.stations).
    int nextScheduleIndex() const;

    // --- library ---
    QVector<Track> tracks() const;
    std::optional<Track> track(qint64 id) const;
    std::optional<Track> trackByHash(const QString &contentHash) const;
    /// Inserts the track and returns its id (0 on failure). Fails on a duplicate content hash.
    qint64 addTrack(const Track &track);
    /// The file to read for a track: its absolute path if it exists, else relativePath resolved
    /// against the study file's folder, else against musicRoot(). Empty when none exists.
    QString resolveTrackPath(const Track &track) const;
    /// Where a moved music folder now lives (optional; set by "Locate music folder").
    QString musicRoot() const;
    bool setMusicRoot(const QString &folder);

    bool addImportIssues(const QVector<ImportIssue> &issues);
    QVector<ImportIssue> importIssues() const;

    // --- participants ---
    QVector<Participant> participants() const;
    std::optional<Participant> participant(const QString &code) const;
    /// The plan a new participant with this seed would get from the current library and settings
    /// (nothing is stored).
    survey::Plan previewPlan(quint64 seed) const;
    /// Creates the participant and stores their whole clip plan (made from the current library
    /// with the given seed) in one transaction. *notes gets the planner's notes, if any.
    std::optional<Participant> createParticipant(const QString &code, quint64 seed, const QJsonObject &demographics,
                                                 QStringList *notes = nullptr);
    /// The schedule of a new participant with this seed and index (order of creation) from the
    /// current settings and library (nothing is stored). With settings given, from those instead.
    survey::Schedule schedule(quint64 seed, int index) const;
    survey::Schedule schedule(quint64 seed, int index, const StudySettings &settings) const;
    /// Regenerates a participant's schedule from the study file version recorded with them, their
    /// seed and index, and compares it with the stored one: empty when identical, else one line
    /// per difference ("position 12: stored track 7 at 31.2 s, regenerated track 9 at 40.0 s").
    QStringList verifySchedule(const Participant &participant) const;
    /// How often each pool track is heard across the stored plans (simulate == 0), or across
    /// simulate regenerated participants with indexes 0.. and seeds 1.. (nothing stored).
    survey::Coverage coverage(int simulate = 0) const;
    QVector<Clip> plan(qint64 participantId) const;
    /// The participant's practice and catch clips: practice first, then catch clips by beforePosition.
    QVector<ExtraClip> extraClips(qint64 participantId) const;
    /// The participant's answers: by default the survey's only, ordered by plan position (what
    /// progress, resume and consistency count); with AnswerSources::All the feedback answers
    /// follow, ordered by track id.
    QVector<Answer> answers(qint64 participantId, AnswerSources sources = AnswerSources::Survey) const;
    /// Stores one answer in its own committed transaction. Refuses a value outside the study's
    /// scale. A survey answer needs a plan position (>= 0), and a second one for the same position
    /// is refused; a feedback answer must be at position -trackId and replaces an earlier feedback
    /// on the same track.
    bool recordAnswer(const Answer &answer);
    bool markFinished(qint64 participantId);

    /// Agreement of repeated clips: the share of repeat pairs answered identically (Likert:
    /// the same value). -1 when the participant has no answered repeat pair.
    double consistency(qint64 participantId) const;

private:
    Study();
    struct Private;
    std::unique_ptr<Private> d;
};

/// Random 64-bit seed from the system's secure source, never 0.
quint64 randomSeed();

} // namespace tastelab
