#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tastelab {

/// How a participant answers a clip.
enum class AnswerScale {
    LikeDislike, ///< values 0 = dislike, 1 = like
    Likert5,     ///< values 1..5
    Likert7,     ///< values 1..7
};

QString scaleId(AnswerScale scale);                  ///< "like-dislike", "likert5", "likert7"
AnswerScale scaleFromId(const QString &id, bool *ok = nullptr);

/// Everything a researcher sets up for a study besides its tracks. Stored as JSON in the study
/// database. A plain value type.
struct StudySettings {
    QString name;
    double clipSeconds = 10.0;
    int clipsPerParticipant = 200;
    bool balanceGenres = true;
    int repeats = 0; ///< consistency check: clips presented twice
    AnswerScale scale = AnswerScale::LikeDislike;
    QStringList anchors; ///< labels for each answer value, lowest first; empty = defaults
    QString instructions;
    bool askAge = false;
    QStringList demographicFields; ///< extra free-text questions, e.g. "Favourite genre"
    double minListenSeconds = -1.0; ///< answer buttons unlock after this; < 0 = whole clip
    double fadeMs = 30.0;
    double targetRmsDbfs = -20.0;
    /// A listener library (one person rating their own music in the active order, see
    /// study/listener.h) rather than a study with participants. Stored as "mode": "listener".
    bool listener = false;

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
    /// Seconds of listening before the answer buttons unlock.
    double unlockSeconds() const { return minListenSeconds < 0 ? clipSeconds : qMin(minListenSeconds, clipSeconds); }

    /// Empty when valid, else a readable reason.
    QString validate() const;

    QJsonObject toJson() const;
    /// Unknown keys are ignored, missing keys keep their defaults.
    static StudySettings fromJson(const QJsonObject &json);
};

} // namespace tastelab
