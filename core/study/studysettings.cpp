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

QString calibrationKindId(CalibrationPage::Kind kind)
{
    return kind == CalibrationPage::Kind::Excerpt ? QStringLiteral("excerpt") : QStringLiteral("tone");
}

QString questionTypeId(Question::Type type)
{
    switch (type) {
    case Question::Type::Text:
        return QStringLiteral("text");
    case Question::Type::Single:
        return QStringLiteral("single");
    case Question::Type::Multiple:
        return QStringLiteral("multiple");
    case Question::Type::Likert:
        return QStringLiteral("likert");
    }
    return QString();
}

QString placementId(Questionnaire::Placement placement)
{
    switch (placement) {
    case Questionnaire::Placement::Before:
        return QStringLiteral("before");
    case Questionnaire::Placement::BetweenBlocks:
        return QStringLiteral("between-blocks");
    case Questionnaire::Placement::End:
        return QStringLiteral("end");
    }
    return QString();
}

QString loudnessModeId(LoudnessSettings::Mode mode)
{
    switch (mode) {
    case LoudnessSettings::Mode::Lufs:
        return QStringLiteral("lufs");
    case LoudnessSettings::Mode::Rms:
        return QStringLiteral("rms");
    case LoudnessSettings::Mode::None:
        return QStringLiteral("none");
    }
    return QString();
}

QString blocksId(DesignSettings::Blocks blocks)
{
    switch (blocks) {
    case DesignSettings::Blocks::None:
        return QStringLiteral("none");
    case DesignSettings::Blocks::Genre:
        return QStringLiteral("genre");
    case DesignSettings::Blocks::Random:
        return QStringLiteral("random");
    }
    return QString();
}

QString CalibrationPage::defaultInstructions()
{
    return QCoreApplication::translate("StudySettings",
                                       "Listen to this sound and set your volume to a comfortable level. "
                                       "Then do not change the volume until the end of the study.");
}

bool CalibrationPage::operator==(const CalibrationPage &o) const
{
    return enabled == o.enabled && kind == o.kind && levelLufs == o.levelLufs && file == o.file && seconds == o.seconds
        && instructions == o.instructions;
}

bool PracticePage::operator==(const PracticePage &o) const
{
    return clips == o.clips && tracks == o.tracks && instructions == o.instructions;
}

bool Question::operator==(const Question &o) const
{
    return id == o.id && type == o.type && text == o.text && options == o.options && points == o.points
        && anchors == o.anchors && required == o.required;
}

bool Questionnaire::operator==(const Questionnaire &o) const
{
    return id == o.id && title == o.title && placement == o.placement && questions == o.questions;
}

bool ListeningRules::operator==(const ListeningRules &o) const
{
    return requireFullPlayback == o.requireFullPlayback && maxReplays == o.maxReplays && forceAnswer == o.forceAnswer
        && allowBack == o.allowBack;
}

bool LoudnessSettings::operator==(const LoudnessSettings &o) const
{
    return mode == o.mode && targetLufs == o.targetLufs && targetRmsDbfs == o.targetRmsDbfs;
}

bool CatchClip::operator==(const CatchClip &o) const
{
    return id == o.id && file == o.file && expected == o.expected && instruction == o.instruction;
}

bool DesignSettings::operator==(const DesignSettings &o) const
{
    return poolTracks == o.poolTracks && poolGenres == o.poolGenres && blocks == o.blocks && blockCount == o.blockCount
        && shuffleBlocks == o.shuffleBlocks && shuffleWithinBlocks == o.shuffleWithinBlocks
        && balancedAssignment == o.balancedAssignment && stations == o.stations && seed == o.seed && catchClips == o.catchClips
        && catchPerParticipant == o.catchPerParticipant;
}

bool QualityRules::operator==(const QualityRules &o) const
{
    return fastAnswerSeconds == o.fastAnswerSeconds && straightLineRun == o.straightLineRun && minKappa == o.minKappa
        && maxFailedCatches == o.maxFailedCatches && maxFastShare == o.maxFastShare;
}

StudySettings::StudySettings() : instructions(defaultInstructions()) {}

bool StudySettings::operator==(const StudySettings &o) const
{
    return name == o.name && clipSeconds == o.clipSeconds && clipsPerParticipant == o.clipsPerParticipant
        && balanceGenres == o.balanceGenres && repeats == o.repeats && scale == o.scale && anchors == o.anchors
        && instructions == o.instructions && askAge == o.askAge && demographicFields == o.demographicFields
        && minListenSeconds == o.minListenSeconds && fadeMs == o.fadeMs && targetRmsDbfs == o.targetRmsDbfs
        && listener == o.listener && consentText == o.consentText && calibration == o.calibration
        && practice == o.practice && questionnaires == o.questionnaires && finishText == o.finishText
        && rules == o.rules && loudness == o.loudness && design == o.design && quality == o.quality;
}

QVector<Questionnaire> StudySettings::questionnairesAt(Questionnaire::Placement placement) const
{
    QVector<Questionnaire> out;
    for (const Questionnaire &q : questionnaires) {
        if (q.placement == placement)
            out << q;
    }
    return out;
}

QString StudySettings::defaultFinishText()
{
    return QCoreApplication::translate("StudySettings", "Thank you! You have finished the study. Your answers are saved.");
}

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
    if (rules.maxReplays < -1)
        return QCoreApplication::translate("StudySettings", "Maximum replays must be -1 (unlimited) or more.");
    if (practice.clips < 0 || practice.clips > 100)
        return QCoreApplication::translate("StudySettings", "Practice clips must be between 0 and 100.");
    if (calibration.seconds < 1.0 || calibration.seconds > 120.0)
        return QCoreApplication::translate("StudySettings", "The calibration sound must last between 1 and 120 seconds.");
    if (calibration.levelLufs < -70.0 || calibration.levelLufs > 0.0 || loudness.targetLufs < -70.0 || loudness.targetLufs > 0.0)
        return QCoreApplication::translate("StudySettings", "Loudness levels must be between -70 and 0 LUFS.");
    if (targetRmsDbfs < -70.0 || targetRmsDbfs > 0.0)
        return QCoreApplication::translate("StudySettings", "The RMS target must be between -70 and 0 dBFS.");
    if (design.blocks == DesignSettings::Blocks::Random && (design.blockCount < 1 || design.blockCount > clipsPerParticipant))
        return QCoreApplication::translate("StudySettings", "Random blocks need a block count between 1 and the number of clips per participant.");
    if (design.stations < 1 || design.stations > 1000)
        return QCoreApplication::translate("StudySettings", "The number of stations must be between 1 and 1000.");
    if (design.seed < 0 || design.seed > (qint64(1) << 53) - 1)
        return QCoreApplication::translate("StudySettings", "The design seed must be between 0 and 2^53 - 1.");
    if (design.catchPerParticipant < -1 || design.catchPerParticipant > design.catchClips.size())
        return QCoreApplication::translate("StudySettings", "Catch clips per participant must be -1 (all) or at most the number of catch clips.");
    QStringList seen;
    for (const CatchClip &c : design.catchClips) {
        if (c.id.trimmed().isEmpty() || seen.contains(c.id))
            return QCoreApplication::translate("StudySettings", "Every catch clip needs its own id ('%1').").arg(c.id);
        seen << c.id;
        if (c.file.trimmed().isEmpty())
            return QCoreApplication::translate("StudySettings", "Catch clip '%1' needs a file.").arg(c.id);
        if (c.expected < minValue() || c.expected > maxValue())
            return QCoreApplication::translate("StudySettings", "Catch clip '%1' expects %2, which is not on the answer scale (%3 to %4).")
                .arg(c.id).arg(c.expected).arg(minValue()).arg(maxValue());
    }
    seen.clear();
    for (const Questionnaire &q : questionnaires) {
        if (q.id.trimmed().isEmpty() || seen.contains(q.id))
            return QCoreApplication::translate("StudySettings", "Every questionnaire needs its own id ('%1').").arg(q.id);
        seen << q.id;
        if (q.questions.isEmpty())
            return QCoreApplication::translate("StudySettings", "Questionnaire '%1' has no questions.").arg(q.id);
        QStringList questionIds;
        for (const Question &question : q.questions) {
            if (question.id.trimmed().isEmpty() || questionIds.contains(question.id))
                return QCoreApplication::translate("StudySettings", "Every question of questionnaire '%1' needs its own id ('%2').").arg(q.id, question.id);
            questionIds << question.id;
            if (question.text.trimmed().isEmpty())
                return QCoreApplication::translate("StudySettings", "Question '%1' of questionnaire '%2' has no text.").arg(question.id, q.id);
            if ((question.type == Question::Type::Single || question.type == Question::Type::Multiple) && question.options.size() < 2)
                return QCoreApplication::translate("StudySettings", "Question '%1' of questionnaire '%2' needs at least two options.").arg(question.id, q.id);
            if (question.type == Question::Type::Likert) {
                if (question.points != 5 && question.points != 7)
                    return QCoreApplication::translate("StudySettings", "Likert question '%1' must have 5 or 7 points.").arg(question.id);
                if (!question.anchors.isEmpty() && question.anchors.size() != 2 && question.anchors.size() != question.points)
                    return QCoreApplication::translate("StudySettings", "Likert question '%1' needs no anchors, 2 (the ends) or one per point.").arg(question.id);
            }
        }
    }
    if (quality.fastAnswerSeconds < 0 || quality.straightLineRun < 0)
        return QCoreApplication::translate("StudySettings", "Quality thresholds cannot be negative.");
    if (quality.minKappa < -1.0 || quality.minKappa > 1.0)
        return QCoreApplication::translate("StudySettings", "The minimum kappa must be between -1 (off) and 1.");
    if (quality.maxFailedCatches < -1 || quality.maxFastShare < -1.0 || quality.maxFastShare > 1.0)
        return QCoreApplication::translate("StudySettings", "Exclusion limits must be -1 (off) or a count / share of at most 1.");
    return QString();
}

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

QJsonObject questionJson(const Question &q)
{
    QJsonObject o;
    o[QStringLiteral("id")] = q.id;
    o[QStringLiteral("type")] = questionTypeId(q.type);
    o[QStringLiteral("text")] = q.text;
    if (q.type == Question::Type::Single || q.type == Question::Type::Multiple)
        o[QStringLiteral("options")] = QJsonArray::fromStringList(q.options);
    if (q.type == Question::Type::Likert) {
        o[QStringLiteral("points")] = q.points;
        o[QStringLiteral("anchors")] = QJsonArray::fromStringList(q.anchors);
    }
    o[QStringLiteral("required")] = q.required;
    return o;
}

Question questionFrom(const QJsonObject &o)
{
    Question q;
    q.id = o.value(QStringLiteral("id")).toString();
    const QString type = o.value(QStringLiteral("type")).toString();
    for (Question::Type t : {Question::Type::Text, Question::Type::Single, Question::Type::Multiple, Question::Type::Likert}) {
        if (questionTypeId(t) == type)
            q.type = t;
    }
    q.text = o.value(QStringLiteral("text")).toString();
    q.options = strings(o.value(QStringLiteral("options")));
    q.points = o.value(QStringLiteral("points")).toInt(q.points);
    q.anchors = strings(o.value(QStringLiteral("anchors")));
    q.required = o.value(QStringLiteral("required")).toBool(q.required);
    return q;
}

} // namespace

QJsonObject StudySettings::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("version")] = 1;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("mode")] = listener ? QStringLiteral("listener") : QStringLiteral("study");
    o[QStringLiteral("clipSeconds")] = clipSeconds;
    o[QStringLiteral("fadeMs")] = fadeMs;
    o[QStringLiteral("scale")] = scaleId(scale);
    o[QStringLiteral("anchors")] = QJsonArray::fromStringList(anchors);
    o[QStringLiteral("instructions")] = instructions;
    o[QStringLiteral("askAge")] = askAge;
    o[QStringLiteral("demographicFields")] = QJsonArray::fromStringList(demographicFields);

    QJsonObject calib;
    calib[QStringLiteral("enabled")] = calibration.enabled;
    calib[QStringLiteral("kind")] = calibrationKindId(calibration.kind);
    calib[QStringLiteral("levelLufs")] = calibration.levelLufs;
    calib[QStringLiteral("file")] = calibration.file;
    calib[QStringLiteral("seconds")] = calibration.seconds;
    calib[QStringLiteral("instructions")] = calibration.instructions;
    QJsonObject practiceJson;
    practiceJson[QStringLiteral("clips")] = practice.clips;
    practiceJson[QStringLiteral("tracks")] = QJsonArray::fromStringList(practice.tracks);
    practiceJson[QStringLiteral("instructions")] = practice.instructions;
    QJsonObject pages;
    pages[QStringLiteral("consent")] = consentText;
    pages[QStringLiteral("calibration")] = calib;
    pages[QStringLiteral("practice")] = practiceJson;
    pages[QStringLiteral("finish")] = finishText;
    o[QStringLiteral("pages")] = pages;

    QJsonArray qs;
    for (const Questionnaire &q : questionnaires) {
        QJsonObject qo;
        qo[QStringLiteral("id")] = q.id;
        qo[QStringLiteral("title")] = q.title;
        qo[QStringLiteral("placement")] = placementId(q.placement);
        QJsonArray questions;
        for (const Question &question : q.questions)
            questions.append(questionJson(question));
        qo[QStringLiteral("questions")] = questions;
        qs.append(qo);
    }
    o[QStringLiteral("questionnaires")] = qs;

    QJsonObject r;
    r[QStringLiteral("minListenSeconds")] = minListenSeconds;
    r[QStringLiteral("requireFullPlayback")] = rules.requireFullPlayback;
    r[QStringLiteral("maxReplays")] = rules.maxReplays;
    r[QStringLiteral("forceAnswer")] = rules.forceAnswer;
    r[QStringLiteral("allowBack")] = rules.allowBack;
    o[QStringLiteral("rules")] = r;

    QJsonObject l;
    l[QStringLiteral("mode")] = loudnessModeId(loudness.mode);
    l[QStringLiteral("targetLufs")] = loudness.targetLufs;
    l[QStringLiteral("targetRmsDbfs")] = targetRmsDbfs;
    o[QStringLiteral("loudness")] = l;

    QJsonObject d;
    d[QStringLiteral("clipsPerParticipant")] = clipsPerParticipant;
    d[QStringLiteral("balanceGenres")] = balanceGenres;
    d[QStringLiteral("repeats")] = repeats;
    QJsonObject pool;
    pool[QStringLiteral("tracks")] = QJsonArray::fromStringList(design.poolTracks);
    pool[QStringLiteral("genres")] = QJsonArray::fromStringList(design.poolGenres);
    d[QStringLiteral("pool")] = pool;
    d[QStringLiteral("blocks")] = blocksId(design.blocks);
    d[QStringLiteral("blockCount")] = design.blockCount;
    d[QStringLiteral("shuffleBlocks")] = design.shuffleBlocks;
    d[QStringLiteral("shuffleWithinBlocks")] = design.shuffleWithinBlocks;
    d[QStringLiteral("balancedAssignment")] = design.balancedAssignment;
    d[QStringLiteral("stations")] = design.stations;
    d[QStringLiteral("seed")] = double(design.seed);
    QJsonArray catches;
    for (const CatchClip &c : design.catchClips) {
        QJsonObject co;
        co[QStringLiteral("id")] = c.id;
        co[QStringLiteral("file")] = c.file;
        co[QStringLiteral("expected")] = c.expected;
        co[QStringLiteral("instruction")] = c.instruction;
        catches.append(co);
    }
    d[QStringLiteral("catchClips")] = catches;
    d[QStringLiteral("catchPerParticipant")] = design.catchPerParticipant;
    o[QStringLiteral("design")] = d;

    QJsonObject qual;
    qual[QStringLiteral("fastAnswerSeconds")] = quality.fastAnswerSeconds;
    qual[QStringLiteral("straightLineRun")] = quality.straightLineRun;
    qual[QStringLiteral("minKappa")] = quality.minKappa;
    qual[QStringLiteral("maxFailedCatches")] = quality.maxFailedCatches;
    qual[QStringLiteral("maxFastShare")] = quality.maxFastShare;
    o[QStringLiteral("quality")] = qual;
    return o;
}

StudySettings StudySettings::fromJson(const QJsonObject &o)
{
    StudySettings s;
    s.name = o.value(QStringLiteral("name")).toString(s.name);
    s.clipSeconds = o.value(QStringLiteral("clipSeconds")).toDouble(s.clipSeconds);
    s.scale = scaleFromId(o.value(QStringLiteral("scale")).toString(scaleId(s.scale)));
    s.anchors = strings(o.value(QStringLiteral("anchors")));
    s.instructions = o.value(QStringLiteral("instructions")).toString(s.instructions);
    s.askAge = o.value(QStringLiteral("askAge")).toBool(s.askAge);
    s.demographicFields = strings(o.value(QStringLiteral("demographicFields")));
    s.fadeMs = o.value(QStringLiteral("fadeMs")).toDouble(s.fadeMs);
    s.listener = o.value(QStringLiteral("mode")).toString() == QLatin1String("listener");
    // Flat keys of studies made before issue 8; the sections below override them.
    s.clipsPerParticipant = o.value(QStringLiteral("clipsPerParticipant")).toInt(s.clipsPerParticipant);
    s.balanceGenres = o.value(QStringLiteral("balanceGenres")).toBool(s.balanceGenres);
    s.repeats = o.value(QStringLiteral("repeats")).toInt(s.repeats);
    s.minListenSeconds = o.value(QStringLiteral("minListenSeconds")).toDouble(s.minListenSeconds);
    s.targetRmsDbfs = o.value(QStringLiteral("targetRmsDbfs")).toDouble(s.targetRmsDbfs);

    const QJsonObject pages = o.value(QStringLiteral("pages")).toObject();
    s.consentText = pages.value(QStringLiteral("consent")).toString();
    s.finishText = pages.value(QStringLiteral("finish")).toString();
    const QJsonObject calib = pages.value(QStringLiteral("calibration")).toObject();
    s.calibration.enabled = calib.value(QStringLiteral("enabled")).toBool(s.calibration.enabled);
    if (calib.value(QStringLiteral("kind")).toString() == QLatin1String("excerpt"))
        s.calibration.kind = CalibrationPage::Kind::Excerpt;
    s.calibration.levelLufs = calib.value(QStringLiteral("levelLufs")).toDouble(s.calibration.levelLufs);
    s.calibration.file = calib.value(QStringLiteral("file")).toString();
    s.calibration.seconds = calib.value(QStringLiteral("seconds")).toDouble(s.calibration.seconds);
    s.calibration.instructions = calib.value(QStringLiteral("instructions")).toString();
    const QJsonObject practiceJson = pages.value(QStringLiteral("practice")).toObject();
    s.practice.clips = practiceJson.value(QStringLiteral("clips")).toInt(s.practice.clips);
    s.practice.tracks = strings(practiceJson.value(QStringLiteral("tracks")));
    s.practice.instructions = practiceJson.value(QStringLiteral("instructions")).toString();

    for (const QJsonValue &v : o.value(QStringLiteral("questionnaires")).toArray()) {
        const QJsonObject qo = v.toObject();
        Questionnaire q;
        q.id = qo.value(QStringLiteral("id")).toString();
        q.title = qo.value(QStringLiteral("title")).toString();
        const QString placement = qo.value(QStringLiteral("placement")).toString();
        for (auto p : {Questionnaire::Placement::Before, Questionnaire::Placement::BetweenBlocks, Questionnaire::Placement::End}) {
            if (placementId(p) == placement)
                q.placement = p;
        }
        for (const QJsonValue &question : qo.value(QStringLiteral("questions")).toArray())
            q.questions << questionFrom(question.toObject());
        s.questionnaires << q;
    }

    const QJsonObject r = o.value(QStringLiteral("rules")).toObject();
    s.minListenSeconds = r.value(QStringLiteral("minListenSeconds")).toDouble(s.minListenSeconds);
    s.rules.requireFullPlayback = r.value(QStringLiteral("requireFullPlayback")).toBool(s.rules.requireFullPlayback);
    s.rules.maxReplays = r.value(QStringLiteral("maxReplays")).toInt(s.rules.maxReplays);
    s.rules.forceAnswer = r.value(QStringLiteral("forceAnswer")).toBool(s.rules.forceAnswer);
    s.rules.allowBack = r.value(QStringLiteral("allowBack")).toBool(s.rules.allowBack);

    if (o.contains(QStringLiteral("loudness"))) {
        const QJsonObject l = o.value(QStringLiteral("loudness")).toObject();
        const QString mode = l.value(QStringLiteral("mode")).toString(loudnessModeId(s.loudness.mode));
        for (auto m : {LoudnessSettings::Mode::Lufs, LoudnessSettings::Mode::Rms, LoudnessSettings::Mode::None}) {
            if (loudnessModeId(m) == mode)
                s.loudness.mode = m;
        }
        s.loudness.targetLufs = l.value(QStringLiteral("targetLufs")).toDouble(s.loudness.targetLufs);
        s.targetRmsDbfs = l.value(QStringLiteral("targetRmsDbfs")).toDouble(s.targetRmsDbfs);
    } else {
        // A study made before issue 8: keep the RMS normalization its participants heard.
        s.loudness.mode = LoudnessSettings::Mode::Rms;
    }
    s.loudness.targetRmsDbfs = s.targetRmsDbfs;

    const QJsonObject d = o.value(QStringLiteral("design")).toObject();
    s.clipsPerParticipant = d.value(QStringLiteral("clipsPerParticipant")).toInt(s.clipsPerParticipant);
    s.balanceGenres = d.value(QStringLiteral("balanceGenres")).toBool(s.balanceGenres);
    s.repeats = d.value(QStringLiteral("repeats")).toInt(s.repeats);
    const QJsonObject pool = d.value(QStringLiteral("pool")).toObject();
    s.design.poolTracks = strings(pool.value(QStringLiteral("tracks")));
    s.design.poolGenres = strings(pool.value(QStringLiteral("genres")));
    const QString blocks = d.value(QStringLiteral("blocks")).toString(blocksId(s.design.blocks));
    for (auto b : {DesignSettings::Blocks::None, DesignSettings::Blocks::Genre, DesignSettings::Blocks::Random}) {
        if (blocksId(b) == blocks)
            s.design.blocks = b;
    }
    s.design.blockCount = d.value(QStringLiteral("blockCount")).toInt(s.design.blockCount);
    s.design.shuffleBlocks = d.value(QStringLiteral("shuffleBlocks")).toBool(s.design.shuffleBlocks);
    s.design.shuffleWithinBlocks = d.value(QStringLiteral("shuffleWithinBlocks")).toBool(s.design.shuffleWithinBlocks);
    s.design.balancedAssignment = d.value(QStringLiteral("balancedAssignment")).toBool(s.design.balancedAssignment);
    s.design.stations = d.value(QStringLiteral("stations")).toInt(s.design.stations);
    s.design.seed = qint64(d.value(QStringLiteral("seed")).toDouble(0.0));
    for (const QJsonValue &v : d.value(QStringLiteral("catchClips")).toArray()) {
        const QJsonObject co = v.toObject();
        CatchClip c;
        c.id = co.value(QStringLiteral("id")).toString();
        c.file = co.value(QStringLiteral("file")).toString();
        c.expected = co.value(QStringLiteral("expected")).toInt(c.expected);
        c.instruction = co.value(QStringLiteral("instruction")).toString();
        s.design.catchClips << c;
    }
    s.design.catchPerParticipant = d.value(QStringLiteral("catchPerParticipant")).toInt(s.design.catchPerParticipant);

    const QJsonObject qual = o.value(QStringLiteral("quality")).toObject();
    s.quality.fastAnswerSeconds = qual.value(QStringLiteral("fastAnswerSeconds")).toDouble(s.quality.fastAnswerSeconds);
    s.quality.straightLineRun = qual.value(QStringLiteral("straightLineRun")).toInt(s.quality.straightLineRun);
    s.quality.minKappa = qual.value(QStringLiteral("minKappa")).toDouble(s.quality.minKappa);
    s.quality.maxFailedCatches = qual.value(QStringLiteral("maxFailedCatches")).toInt(s.quality.maxFailedCatches);
    s.quality.maxFastShare = qual.value(QStringLiteral("maxFastShare")).toDouble(s.quality.maxFastShare);
    return s;
}

} // namespace tastelab
