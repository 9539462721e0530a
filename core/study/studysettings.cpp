#include "study/studysettings.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tastelab {

QString scaleId(AnswerScale scale)
{
    switch (scale) {
    case AnswerScale::LikeDislike:
        return QStringLiteral("like-dislike");
    case AnswerScale::Likert5:
        return QStringLiteral("likert5");
    case AnswerScale::Likert7:
        return QStringLiteral("likert7");
    }
    return QString();
}

AnswerScale scaleFromId(const QString &id, bool *ok)
{
    if (ok)
        *ok = true;
    if (id == QLatin1String("likert5"))
        return AnswerScale::Likert5;
    if (id == QLatin1String("likert7"))
        return AnswerScale::Likert7;
    if (id != QLatin1String("like-dislike") && ok)
        *ok = false;
    return AnswerScale::LikeDislike;
}

StudySettings::StudySettings() : instructions(defaultInstructions()) {}

int StudySettings::scalePoints() const
{
    switch (scale) {
    case AnswerScale::LikeDislike:
        return 2;
    case AnswerScale::Likert5:
        return 5;
    case AnswerScale::Likert7:
        return 7;
    }
    return 2;
}

int StudySettings::minValue() const { return scale == AnswerScale::LikeDislike ? 0 : 1; }

int StudySettings::maxValue() const { return scale == AnswerScale::LikeDislike ? 1 : scalePoints(); }

QStringList StudySettings::effectiveAnchors() const
{
    return anchors.size() == scalePoints() ? anchors : defaultAnchors(scale);
}

QStringList StudySettings::defaultAnchors(AnswerScale scale)
{
    switch (scale) {
    case AnswerScale::LikeDislike:
        return {QCoreApplication::translate("StudySettings", "Dislike"), QCoreApplication::translate("StudySettings", "Like")};
    case AnswerScale::Likert5:
        return {QCoreApplication::translate("StudySettings", "Strongly dislike"), QCoreApplication::translate("StudySettings", "Dislike"), QCoreApplication::translate("StudySettings", "Neutral"), QCoreApplication::translate("StudySettings", "Like"), QCoreApplication::translate("StudySettings", "Strongly like")};
    case AnswerScale::Likert7:
        return {QCoreApplication::translate("StudySettings", "Strongly dislike"), QCoreApplication::translate("StudySettings", "Dislike"), QCoreApplication::translate("StudySettings", "Somewhat dislike"), QCoreApplication::translate("StudySettings", "Neutral"),
                QCoreApplication::translate("StudySettings", "Somewhat like"), QCoreApplication::translate("StudySettings", "Like"), QCoreApplication::translate("StudySettings", "Strongly like")};
    }
    return {};
}

QString StudySettings::defaultInstructions()
{
    return QCoreApplication::translate(
        "StudySettings",
        "You will hear short excerpts of music, one at a time. For each one, ask yourself:\n\n"
        "    Would you keep listening if this came up on shuffle?\n\n"
        "Answer as soon as the buttons light up. There are no right or wrong answers; go with your "
        "first feeling. You can replay a clip or pause at any time, and your answers are saved as you go.");
}

QString StudySettings::validate() const
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("StudySettings", "The study needs a name.");
    if (clipSeconds < 1.0 || clipSeconds > 120.0)
        return QCoreApplication::translate("StudySettings", "Clip length must be between 1 and 120 seconds.");
    if (clipsPerParticipant < 1 || clipsPerParticipant > 10000)
        return QCoreApplication::translate("StudySettings", "Clips per participant must be between 1 and 10000.");
    if (repeats < 0 || repeats > clipsPerParticipant)
        return QCoreApplication::translate("StudySettings", "Repeated clips must be between 0 and the number of clips per participant.");
    if (!anchors.isEmpty() && anchors.size() != scalePoints())
        return QCoreApplication::translate("StudySettings", "The answer scale needs one label per point.");
    if (fadeMs < 0 || fadeMs > 500)
        return QCoreApplication::translate("StudySettings", "Fades must be between 0 and 500 ms.");
    return QString();
}

QJsonObject StudySettings::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("clipSeconds")] = clipSeconds;
    o[QStringLiteral("clipsPerParticipant")] = clipsPerParticipant;
    o[QStringLiteral("balanceGenres")] = balanceGenres;
    o[QStringLiteral("repeats")] = repeats;
    o[QStringLiteral("scale")] = scaleId(scale);
    o[QStringLiteral("anchors")] = QJsonArray::fromStringList(anchors);
    o[QStringLiteral("instructions")] = instructions;
    o[QStringLiteral("askAge")] = askAge;
    o[QStringLiteral("demographicFields")] = QJsonArray::fromStringList(demographicFields);
    o[QStringLiteral("minListenSeconds")] = minListenSeconds;
    o[QStringLiteral("fadeMs")] = fadeMs;
    o[QStringLiteral("targetRmsDbfs")] = targetRmsDbfs;
    o[QStringLiteral("mode")] = listener ? QStringLiteral("listener") : QStringLiteral("study");
    return o;
}

StudySettings StudySettings::fromJson(const QJsonObject &o)
{
    StudySettings s;
    auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &x : v.toArray())
            out << x.toString();
        return out;
    };
    s.name = o.value(QStringLiteral("name")).toString(s.name);
    s.clipSeconds = o.value(QStringLiteral("clipSeconds")).toDouble(s.clipSeconds);
    s.clipsPerParticipant = o.value(QStringLiteral("clipsPerParticipant")).toInt(s.clipsPerParticipant);
    s.balanceGenres = o.value(QStringLiteral("balanceGenres")).toBool(s.balanceGenres);
    s.repeats = o.value(QStringLiteral("repeats")).toInt(s.repeats);
    s.scale = scaleFromId(o.value(QStringLiteral("scale")).toString(scaleId(s.scale)));
    s.anchors = strings(o.value(QStringLiteral("anchors")));
    s.instructions = o.value(QStringLiteral("instructions")).toString(s.instructions);
    s.askAge = o.value(QStringLiteral("askAge")).toBool(s.askAge);
    s.demographicFields = strings(o.value(QStringLiteral("demographicFields")));
    s.minListenSeconds = o.value(QStringLiteral("minListenSeconds")).toDouble(s.minListenSeconds);
    s.fadeMs = o.value(QStringLiteral("fadeMs")).toDouble(s.fadeMs);
    s.targetRmsDbfs = o.value(QStringLiteral("targetRmsDbfs")).toDouble(s.targetRmsDbfs);
    s.listener = o.value(QStringLiteral("mode")).toString() == QLatin1String("listener");
    return s;
}

} // namespace tastelab
