#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tastelab {

/// How a participant answers a clip.
enum class AnswerScale {
    LikeDislike, ///< values 0 = dislike, 1 = like
    Likert5,     ///< values 1..5
    Likert7,     ///< values 1..7
};

QString scaleId(AnswerScale scale);                  ///< "like-dislike", "likert5", "likert7"
AnswerScale scaleFromId(const QString &id, bool *ok = nullptr);

// ---------------------------------------------------------------------------------------------
// Pages besides clips (issue 8). The data model only: the survey runtime shows them.
// Every type below is a plain value with defaults; the study file's schema (docs/study-file.md)
// names each field, its type, default and allowed values.
// ---------------------------------------------------------------------------------------------

/// The volume calibration page, shown before the first clip when enabled.
struct CalibrationPage {
    enum class Kind {
        Tone,    ///< a 1 kHz sine ("tone")
        Excerpt, ///< an excerpt of a file ("excerpt"): `file`, or a library track when empty
    };
    bool enabled = false;
    Kind kind = Kind::Tone;
    /// Loudness of the reference, in LUFS (the tone's level as BS.1770 measures it). The study's
    /// clips are normalised to loudness.targetLufs, so this is normally the same value.
    double levelLufs = -23.0;
    QString file;         ///< for Kind::Excerpt: relative to the study file, or absolute; empty = a library track
    double seconds = 10.0; ///< length of the reference (looped while the page is open)
    QString instructions; ///< empty = defaultInstructions()

    static QString defaultInstructions();
    bool operator==(const CalibrationPage &o) const;
};

QString calibrationKindId(CalibrationPage::Kind kind); ///< "tone", "excerpt"

/// Practice clips before the first real clip; their answers are kept apart from the data.
struct PracticePage {
    int clips = 0; ///< number of practice clips; 0 = no practice
    /// Optional explicit practice tracks (library tracks: relative path, absolute path or content
    /// SHA-256). Empty = drawn (seeded) from tracks not in the participant's main set where possible.
    QStringList tracks;
    QString instructions; ///< shown before the first practice clip; empty = a default text

    bool operator==(const PracticePage &o) const;
};

/// One question of a questionnaire.
struct Question {
    enum class Type {
        Text,     ///< free text ("text")
        Single,   ///< one of options ("single")
        Multiple, ///< any of options ("multiple")
        Likert,   ///< 1..points with anchors ("likert")
    };
    QString id;   ///< unique within its questionnaire; the export column name
    Type type = Type::Text;
    QString text;
    QStringList options; ///< choices for Single/Multiple
    int points = 5;      ///< Likert: 5 or 7
    QStringList anchors; ///< Likert: labels, lowest first; empty, 2 (ends) or `points` labels
    bool required = true;

    bool operator==(const Question &o) const;
};

QString questionTypeId(Question::Type type); ///< "text", "single", "multiple", "likert"

/// A questionnaire page (one or more questions shown together).
struct Questionnaire {
    enum class Placement {
        Before,        ///< before the first clip (after consent, calibration, practice) ("before")
        BetweenBlocks, ///< after every block of clips except the last ("between-blocks")
        End,           ///< after the last clip, before the finish page ("end")
    };
    QString id; ///< unique within the study
    QString title;
    Placement placement = Placement::End;
    QVector<Question> questions;

    bool operator==(const Questionnaire &o) const;
};

QString placementId(Questionnaire::Placement placement); ///< "before", "between-blocks", "end"

/// Rules for listening and answering. The minimum listening time is StudySettings::minListenSeconds.
struct ListeningRules {
    bool requireFullPlayback = false; ///< answer buttons unlock only when the clip has played to its end
    int maxReplays = -1;              ///< replays allowed per clip; -1 = unlimited, 0 = none
    bool forceAnswer = true;          ///< no going on without an answer
    bool allowBack = false;           ///< a Back button re-opens the previous clip's answer

    bool operator==(const ListeningRules &o) const;
};

/// Loudness normalization of every clip (core/audio/loudness.h, docs/audio.md).
struct LoudnessSettings {
    enum class Mode {
        Lufs, ///< integrated loudness (ITU-R BS.1770-4 / EBU R128) to targetLufs ("lufs")
        Rms,  ///< RMS level to targetRmsDbfs (the behaviour before issue 8) ("rms")
        None, ///< no gain ("none"); fades and the peak ceiling still apply
    };
    Mode mode = Mode::Lufs;
    double targetLufs = -23.0;    ///< EBU R128's programme target
    double targetRmsDbfs = -20.0; ///< for Mode::Rms; kept in sync with StudySettings::targetRmsDbfs

    bool operator==(const LoudnessSettings &o) const;
};

QString loudnessModeId(LoudnessSettings::Mode mode); ///< "lufs", "rms", "none"

/// A clip with a known correct answer (e.g. a spoken "press dislike").
struct CatchClip {
    QString id;       ///< unique within the study
    QString file;     ///< audio file, relative to the study file's folder, or absolute
    int expected = 0; ///< the correct answer value on the study's scale
    QString instruction; ///< what the clip asks, for the researcher and the export

    bool operator==(const CatchClip &o) const;
};

/// Which clips a participant hears and in what order. The clip count, genre balance and repeats
/// are StudySettings::clipsPerParticipant, balanceGenres and repeats.
struct DesignSettings {
    enum class Blocks {
        None,   ///< one block ("none")
        Genre,  ///< one block per genre ("genre")
        Random, ///< blockCount blocks of (nearly) equal size, clips assigned at random ("random")
    };
    /// The pool clips are drawn from: library tracks matching poolTracks (relative path, absolute
    /// path or content SHA-256) and poolGenres. Both empty = the whole library.
    QStringList poolTracks;
    QStringList poolGenres;
    Blocks blocks = Blocks::None;
    int blockCount = 2;              ///< for Blocks::Random
    bool shuffleBlocks = true;       ///< block order differs per participant
    bool shuffleWithinBlocks = true; ///< clip order within a block differs per participant
    /// Every pool clip heard about equally often across participants: participant number i (in
    /// order of creation) gets a window of a study-level shuffle of the pool.
    bool balancedAssignment = false;
    /// Stations collecting data with copies of the study (1..1000). With more than one, each
    /// station's study database has its own station number k (Study::stationNumber(), not in the
    /// shared study file) and its participant number n (0-based, in that file) gets the schedule
    /// index n * stations + (k - 1): S stations with equal counts cover what one station would.
    int stations = 1;
    /// Study-level seed (0 .. 2^53-1, so it survives JSON): the balanced-assignment shuffle.
    qint64 seed = 0;
    QVector<CatchClip> catchClips;
    int catchPerParticipant = -1; ///< catch clips each participant gets; -1 = all of catchClips

    bool operator==(const DesignSettings &o) const;
};

QString blocksId(DesignSettings::Blocks blocks); ///< "none", "genre", "random"

/// Data-quality thresholds and explicit exclusion rules (reported with the quality summary).
struct QualityRules {
    double fastAnswerSeconds = 1.0; ///< answers sooner than this after the clip started are flagged; 0 = off
    int straightLineRun = 10;       ///< runs of the same answer at least this long are flagged; 0 = off
    // Exclusion rules; each is off at its default.
    double minKappa = -1.0;         ///< exclude when test-retest kappa < minKappa (-1 = off)
    int maxFailedCatches = -1;      ///< exclude when more catch clips are answered wrongly (-1 = off)
    double maxFastShare = -1.0;     ///< exclude when the share of fast answers is above this (-1 = off)

    bool operator==(const QualityRules &o) const;
};

/// Everything a researcher sets up for a study besides its tracks. Stored as JSON in the study
/// database and written as the study file (docs/study-file.md). A plain value type.
struct StudySettings {
    QString name;
    double clipSeconds = 10.0;
    int clipsPerParticipant = 200;  ///< design: N clips drawn from the pool
    bool balanceGenres = true;      ///< design: equal count per genre
    int repeats = 0; ///< consistency check: clips presented twice
    AnswerScale scale = AnswerScale::LikeDislike;
    QStringList anchors; ///< labels for each answer value, lowest first; empty = defaults
    QString instructions;
    bool askAge = false;
    QStringList demographicFields; ///< extra free-text questions, e.g. "Favourite genre"
    double minListenSeconds = -1.0; ///< listening rule: answer buttons unlock after this; < 0 = whole clip
    double fadeMs = 30.0;
    double targetRmsDbfs = -20.0;   ///< same as loudness.targetRmsDbfs (kept for old code)
    /// A listener library (one person rating their own music in the active order, see
    /// study/listener.h) rather than a study with participants. Stored as "mode": "listener".
    bool listener = false;

    // --- issue 8 ---
    QString consentText;   ///< empty = no consent page; otherwise the participant must accept it
    CalibrationPage calibration;
    PracticePage practice;
    QVector<Questionnaire> questionnaires;
    QString finishText;    ///< empty = a default thank-you text
    ListeningRules rules;
    LoudnessSettings loudness;
    DesignSettings design;
    QualityRules quality;

    StudySettings();

    /// Number of answer values: 2, 5 or 7.
    int scalePoints() const;
    /// Smallest and largest stored value of the scale.
    int minValue() const;
    int maxValue() const;
    /// anchors, or the default labels for the scale when anchors has the wrong size.
    QStringList effectiveAnchors() const;
    static QStringList defaultAnchors(AnswerScale scale);
    static QString defaultInstructions();
    static QString defaultFinishText();
    /// Seconds of listening before the answer buttons unlock.
    double unlockSeconds() const
    {
        if (rules.requireFullPlayback)
            return clipSeconds;
        return minListenSeconds < 0 ? clipSeconds : qMin(minListenSeconds, clipSeconds);
    }
    /// Questionnaires with this placement, in file order.
    QVector<Questionnaire> questionnairesAt(Questionnaire::Placement placement) const;

    /// Empty when valid, else a readable reason.
    QString validate() const;

    /// The study file's object (docs/study-file.md): top-level keys plus the sections "pages",
    /// "questionnaires", "rules", "loudness", "design" and "quality".
    QJsonObject toJson() const;
    /// Unknown keys are ignored, missing keys keep their defaults. Reads the flat keys of older
    /// studies (clipsPerParticipant, minListenSeconds, targetRmsDbfs ... at the top level) too;
    /// a JSON without a "loudness" section (a study made before issue 8) keeps RMS normalization
    /// so that its participants keep hearing the same levels.
    static StudySettings fromJson(const QJsonObject &json);

    bool operator==(const StudySettings &o) const;
    bool operator!=(const StudySettings &o) const { return !(*this == o); }
};

} // namespace tastelab
