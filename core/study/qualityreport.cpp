#include "study/qualityreport.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace tastelab {

survey::QualityRules qualityRules(const StudySettings &s)
{
    survey::QualityRules r;
    r.fastAnswerSeconds = s.quality.fastAnswerSeconds; // 0 = off
    r.straightLineRun = s.quality.straightLineRun;     // 0 = off
    r.minKappa = s.quality.minKappa < -0.999 ? -2.0 : s.quality.minKappa; // -1 = off
    r.maxFailedCatches = s.quality.maxFailedCatches;
    r.maxFastShare = s.quality.maxFastShare;
    return r;
}

QString qualityRulesText(const StudySettings &s)
{
    QStringList parts;
    parts << (s.quality.fastAnswerSeconds > 0
                  ? QCoreApplication::translate("Quality", "fast: answered sooner than %1 s").arg(s.quality.fastAnswerSeconds)
                  : QCoreApplication::translate("Quality", "fast answers: not checked"));
    parts << (s.quality.straightLineRun > 1
                  ? QCoreApplication::translate("Quality", "straight-lining: %1 or more identical answers in a row").arg(s.quality.straightLineRun)
                  : QCoreApplication::translate("Quality", "straight-lining: not checked"));
    QStringList rules;
    if (s.quality.minKappa > -0.999)
        rules << QStringLiteral("min_kappa (kappa < %1)").arg(s.quality.minKappa, 0, 'f', 2);
    if (s.quality.maxFailedCatches >= 0)
        rules << QStringLiteral("max_failed_catches (> %1)").arg(s.quality.maxFailedCatches);
    if (s.quality.maxFastShare >= 0)
        rules << QStringLiteral("max_fast_share (> %1)").arg(s.quality.maxFastShare, 0, 'f', 2);
    parts << (rules.isEmpty() ? QCoreApplication::translate("Quality", "exclusion rules: none")
                              : QCoreApplication::translate("Quality", "exclusion rules: %1").arg(rules.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

ParticipantQualityRow participantQuality(Study &study, const Participant &p)
{
    ParticipantQualityRow row;
    row.participant = p;
    const StudySettings s = study.settings();
    const QVector<Clip> plan = study.plan(p.id);
    const QVector<ExtraClip> extras = study.extraClips(p.id);
    QHash<int, Answer> clipAnswers;
    for (const Answer &a : study.answers(p.id))
        clipAnswers.insert(a.position, a);
    QHash<QString, ExtraAnswer> extraAnswers; // "kind#seq"
    for (const ExtraAnswer &a : surveydata::extraAnswers(study, p.id)) {
        extraAnswers.insert(extraKindId(a.kind) + QLatin1Char('#') + QString::number(a.seq), a);
        if (a.kind == ExtraClip::Kind::Practice)
            ++row.practiceAnswers;
    }

    std::vector<survey::QualityAnswer> input;
    auto addCatches = [&](int before) {
        for (int i = 0; i < extras.size(); ++i) {
            const ExtraClip &x = extras[i];
            if (!x.isCatch() || x.beforePosition != before)
                continue;
            const auto it = extraAnswers.constFind(QStringLiteral("catch#") + QString::number(x.seq));
            if (it == extraAnswers.constEnd())
                continue;
            survey::QualityAnswer q;
            q.position = -1000 - x.seq;
            q.value = it->value;
            q.responseMs = it->responseMs;
            q.isCatch = true;
            q.catchExpected = x.expected;
            q.integrityFlag = it->integrity.flagged;
            q.focusLosses = it->integrity.focusLosses;
            input.push_back(q);
            QualityItem item;
            item.isCatch = true;
            item.extra = i;
            item.value = it->value;
            row.items.push_back(item);
        }
    };
    for (const Clip &c : plan) {
        addCatches(c.position);
        const auto it = clipAnswers.constFind(c.position);
        if (it == clipAnswers.constEnd())
            continue;
        survey::QualityAnswer q;
        q.position = c.position;
        q.value = it->value;
        q.responseMs = it->responseMs;
        q.repeatOf = c.repeatOf;
        q.integrityFlag = it->integrity.flagged;
        q.focusLosses = it->integrity.focusLosses;
        input.push_back(q);
        QualityItem item;
        item.position = c.position;
        item.value = it->value;
        row.items.push_back(item);
    }
    addCatches(int(plan.size()));

    row.quality = survey::assessParticipant(input, qualityRules(s), s.minValue(), s.maxValue(),
                                            survey::defaultWeights(s.minValue(), s.maxValue()));
    for (int i = 0; i < row.items.size(); ++i)
        row.items[i].quality = row.quality.perAnswer[size_t(i)];
    for (const SkipRecord &k : surveydata::skips(study, p.id)) {
        if (k.kind == QLatin1String("clip") && !clipAnswers.contains(k.position))
            ++row.skipped;
        else if (k.kind == QLatin1String("catch") && !extraAnswers.contains(QStringLiteral("catch#") + QString::number(k.seq)))
            ++row.skipped;
    }
    row.revisions = int(surveydata::revisions(study, p.id).size());
    for (const ParticipantEvent &e : surveydata::events(study, p.id)) {
        if (e.kind == QLatin1String("volume"))
            ++row.volumeChanges;
        else if (e.kind == QLatin1String("system-volume"))
            ++row.systemVolumeChanges;
        else if (e.kind == QLatin1String("system-volume-unobservable"))
            row.systemVolumeUnobservable = true;
        else if (e.kind == QLatin1String("focus"))
            ++row.focusEvents;
        else if (e.kind == QLatin1String("consent"))
            row.consented = true;
    }
    return row;
}

QVector<ParticipantQualityRow> studyQuality(Study &study)
{
    QVector<ParticipantQualityRow> out;
    for (const Participant &p : study.participants())
        out.push_back(participantQuality(study, p));
    return out;
}

QJsonObject qualitySummaryJson(const ParticipantQualityRow &row)
{
    const survey::ParticipantQuality &q = row.quality;
    QJsonObject o;
    o[QStringLiteral("participant")] = row.participant.code;
    o[QStringLiteral("answers")] = q.answers;
    o[QStringLiteral("practice_answers")] = row.practiceAnswers;
    o[QStringLiteral("skipped")] = row.skipped;
    o[QStringLiteral("catch_total")] = q.catchTotal;
    o[QStringLiteral("catch_correct")] = q.catchCorrect;
    o[QStringLiteral("catch_accuracy")] = q.catchAccuracy < 0 ? QJsonValue() : QJsonValue(q.catchAccuracy);
    o[QStringLiteral("repeat_pairs")] = q.repeatPairs;
    o[QStringLiteral("kappa")] = std::isnan(q.kappa) ? QJsonValue() : QJsonValue(q.kappa);
    o[QStringLiteral("kappa_kind")] = QString::fromStdString(q.kappaKind);
    o[QStringLiteral("agreement")] = q.agreement < 0 ? QJsonValue() : QJsonValue(q.agreement);
    o[QStringLiteral("longest_run")] = q.longestRun;
    o[QStringLiteral("straight_lining")] = q.straightLining;
    o[QStringLiteral("fast_answers")] = q.fastAnswers;
    o[QStringLiteral("focus_losses")] = q.focusLosses;
    o[QStringLiteral("integrity_flagged")] = q.integrityFlagged;
    o[QStringLiteral("revisions")] = row.revisions;
    o[QStringLiteral("volume_changes")] = row.volumeChanges;
    o[QStringLiteral("system_volume_changes")] = row.systemVolumeChanges;
    o[QStringLiteral("system_volume_observable")] = !row.systemVolumeUnobservable;
    o[QStringLiteral("excluded")] = q.excluded;
    QJsonArray reasons;
    for (const std::string &r : q.exclusionReasons)
        reasons.append(QString::fromStdString(r));
    o[QStringLiteral("exclusion_rules")] = reasons;
    return o;
}

} // namespace tastelab
