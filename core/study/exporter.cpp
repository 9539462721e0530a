#include "study/exporter.h"
#include "study/database.h"
#include "study/textfile.h"

#include "study/embeddingstore.h"
#include "study/qualityreport.h"
#include "study/surveydata.h"
#include "study/tasteprofile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <map>
#include <set>

namespace tastelab {

namespace {

/// One exported row: an answer to a clip, a catch clip, a practice clip, or feedback, with its
/// quality and integrity columns.
struct Record {
    QString kind; ///< "clip", "catch", "practice", "feedback"
    int position = -1; ///< plan position (clips, feedback: none)
    const Track *track = nullptr;
    QString catchId;
    QString catchFile;
    int catchExpected = 0;
    int catchCorrect = -1;
    double clipStart = 0;
    double clipLength = 0;
    AnswerScale scale = AnswerScale::LikeDislike;
    int value = 0;
    qint64 responseMs = 0;
    int replays = 0;
    QDateTime answeredAt;
    QString source;
    int repeatOf = -1;
    int repeatAgree = -1;
    bool fast = false;
    bool straightLine = false;
    QString studyFileHash;
    AnswerIntegrity integrity;
    QStringList earlierValues; ///< values replaced with Back, oldest first
    bool skipped = false;      ///< skipped (rules.forceAnswer off): no value; answeredAt is the skip's time
};

/// Collects participants, answers, tracks and quality once, for both formats.
struct ExportData {
    StudySettings settings;
    QString studyId;
    QVector<Participant> participants;
    QHash<qint64, QVector<Record>> records;
    QHash<qint64, ParticipantQualityRow> quality;
    QHash<qint64, QVector<QuestionnaireAnswer>> questionnaires;
    QHash<qint64, Track> tracks;
    QStringList demographicKeys; ///< union over participants, sorted

    explicit ExportData(Study &study)
        : settings(study.settings()), studyId(study.studyId()), participants(study.participants())
    {
        for (const Track &t : study.tracks())
            tracks.insert(t.id, t);
        std::set<QString> keys;
        for (const Participant &p : participants) {
            for (auto it = p.demographics.begin(); it != p.demographics.end(); ++it)
                keys.insert(it.key());
            collect(study, p);
        }
        for (const QString &k : keys)
            demographicKeys << k;
    }

    const Track *trackFor(qint64 id) const
    {
        const auto t = tracks.constFind(id);
        return t == tracks.constEnd() ? nullptr : &t.value();
    }

    void collect(Study &study, const Participant &p)
    {
        const ParticipantQualityRow q = participantQuality(study, p);
        quality.insert(p.id, q);
        questionnaires.insert(p.id, surveydata::questionnaireAnswers(study, p.id));
        QHash<QString, QStringList> earlier; // "kind#position" -> old values
        for (const AnswerRevision &r : surveydata::revisions(study, p.id))
            earlier[r.kind + QLatin1Char('#') + QString::number(r.position)] << QString::number(r.oldValue);
        const QVector<Clip> plan = study.plan(p.id);
        const QVector<ExtraClip> extras = study.extraClips(p.id);
        QHash<int, Answer> clipAnswers;
        QVector<Answer> feedback;
        for (const Answer &a : study.answers(p.id, AnswerSources::All)) {
            if (a.isFeedback())
                feedback << a;
            else
                clipAnswers.insert(a.position, a);
        }
        QHash<QString, ExtraAnswer> extraAnswers;
        for (const ExtraAnswer &a : surveydata::extraAnswers(study, p.id))
            extraAnswers.insert(extraKindId(a.kind) + QLatin1Char('#') + QString::number(a.seq), a);

        QVector<Record> &out = records[p.id];
        auto fromExtra = [&](const ExtraClip &x, const ExtraAnswer &a) {
            Record r;
            r.kind = extraKindId(x.kind);
            r.track = x.isCatch() ? nullptr : trackFor(x.trackId);
            if (x.isCatch()) {
                r.catchId = x.catchId;
                r.catchFile = x.file;
                r.catchExpected = x.expected;
                r.catchCorrect = a.value == x.expected ? 1 : 0;
            }
            r.clipStart = x.startSeconds;
            r.clipLength = x.lengthSeconds;
            r.scale = settings.scale;
            r.value = a.value;
            r.responseMs = a.responseMs;
            r.replays = a.replays;
            r.answeredAt = a.answeredAt;
            r.source = surveySource();
            r.studyFileHash = a.studyFileHash;
            r.integrity = a.integrity;
            r.earlierValues = earlier.value(r.kind + QLatin1Char('#') + QString::number(x.seq));
            return r;
        };
        // A survey answer or a feedback answer: what every row of an Answer carries.
        auto fromAnswer = [&](const Answer &a, const QString &kind) {
            Record r;
            r.kind = kind;
            r.track = trackFor(a.trackId);
            r.clipStart = a.clipStart;
            r.clipLength = a.clipLength;
            r.scale = a.scale;
            r.value = a.value;
            r.responseMs = a.responseMs;
            r.replays = a.replays;
            r.answeredAt = a.answeredAt;
            r.source = a.source;
            r.studyFileHash = a.studyFileHash;
            return r;
        };
        // Skipped clips (not answered later): a row with no value, in their place.
        QHash<QString, SkipRecord> skipped; // "kind#position or seq"
        for (const SkipRecord &k : surveydata::skips(study, p.id))
            skipped.insert(k.kind + QLatin1Char('#') + QString::number(k.kind == QLatin1String("clip") ? k.position : k.seq), k);
        auto skippedRow = [&](const SkipRecord &k, const ExtraClip *x, int position) {
            Record r;
            r.kind = k.kind;
            r.skipped = true;
            r.scale = settings.scale;
            r.responseMs = k.responseMs;
            r.replays = k.replays;
            r.answeredAt = k.at;
            r.source = surveySource();
            if (x) {
                r.track = x->isCatch() ? nullptr : trackFor(x->trackId);
                r.catchId = x->catchId;
                r.catchFile = x->file;
                r.catchExpected = x->expected;
                r.clipStart = x->startSeconds;
                r.clipLength = x->lengthSeconds;
            } else if (position >= 0 && position < plan.size()) {
                const Clip &c = plan.at(position);
                r.position = position;
                r.track = trackFor(c.trackId);
                r.clipStart = c.startSeconds;
                r.clipLength = c.lengthSeconds;
                r.repeatOf = c.repeatOf;
            }
            return r;
        };
        // Practice first (kept apart from the data: flagged practice = 1), then clips and catch
        // clips in the order of presentation, then feedback.
        for (const ExtraClip &x : extras)
            if (!x.isCatch()) {
                const QString key = QStringLiteral("practice#") + QString::number(x.seq);
                const auto it = extraAnswers.constFind(key);
                if (it != extraAnswers.constEnd())
                    out << fromExtra(x, *it);
                else if (skipped.contains(key))
                    out << skippedRow(skipped.value(key), &x, -1);
            }
        QHash<QString, Record> answered; // "clip#position", "catch#seq"
        for (const QualityItem &item : q.items) {
            Record r;
            QString key;
            if (item.isCatch) {
                const ExtraClip &x = extras.at(item.extra);
                key = QStringLiteral("catch#") + QString::number(x.seq);
                r = fromExtra(x, extraAnswers.value(key));
            } else {
                const Answer a = clipAnswers.value(item.position);
                key = QStringLiteral("clip#") + QString::number(item.position);
                r = fromAnswer(a, QStringLiteral("clip"));
                r.position = a.position;
                r.integrity = a.integrity;
                r.repeatOf = item.position < plan.size() ? plan.at(item.position).repeatOf : -1;
                r.repeatAgree = item.quality.repeatAgree;
                r.earlierValues = earlier.value(QStringLiteral("clip#") + QString::number(a.position));
            }
            r.fast = item.quality.fast;
            r.straightLine = item.quality.straightLine;
            answered.insert(key, r);
        }
        auto emitAt = [&](const QString &key, const ExtraClip *x, int position) {
            if (answered.contains(key))
                out << answered.value(key);
            else if (skipped.contains(key))
                out << skippedRow(skipped.value(key), x, position);
        };
        auto catchesBefore = [&](int position) {
            for (const ExtraClip &x : extras)
                if (x.isCatch() && x.beforePosition == position)
                    emitAt(QStringLiteral("catch#") + QString::number(x.seq), &x, -1);
        };
        for (int i = 0; i < plan.size(); ++i) {
            catchesBefore(i);
            emitAt(QStringLiteral("clip#") + QString::number(i), nullptr, i);
        }
        catchesBefore(int(plan.size()));
        for (const Answer &a : feedback)
            out << fromAnswer(a, QStringLiteral("feedback"));
    }
};

QString jsonValueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << jsonValueText(e);
        return parts.join(QLatin1Char(';'));
    }
    return QString();
}

QString number(double v, int decimals)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

QString flag(bool b) { return b ? QStringLiteral("1") : QStringLiteral("0"); }

/// Side files of a CSV export: data.csv -> data-quality.csv, data-questionnaires.csv.
QString sidePath(const QString &path, const QString &suffix)
{
    const QFileInfo info(path);
    return info.dir().filePath(info.completeBaseName() + QLatin1Char('-') + suffix + QStringLiteral(".csv"));
}

} // namespace

QString qualityCsvPath(const QString &csvPath) { return sidePath(csvPath, QStringLiteral("quality")); }
QString questionnairesCsvPath(const QString &csvPath) { return sidePath(csvPath, QStringLiteral("questionnaires")); }

bool exportCsv(Study &study, const QString &path, QString *error)
{
    const ExportData data(study);
    QStringList header{QStringLiteral("study"), QStringLiteral("study_id"), QStringLiteral("participant")};
    for (const QString &k : data.demographicKeys)
        header << QStringLiteral("demographic_") + k;
    header << QStringLiteral("position") << QStringLiteral("track_path") << QStringLiteral("title")
           << QStringLiteral("artist") << QStringLiteral("genre") << QStringLiteral("clip_start")
           << QStringLiteral("clip_length") << QStringLiteral("scale") << QStringLiteral("value")
           << QStringLiteral("response_ms") << QStringLiteral("replays") << QStringLiteral("answered_at")
           << QStringLiteral("source")
           // issue 8: kind of clip and quality flags
           << QStringLiteral("kind") << QStringLiteral("practice") << QStringLiteral("catch_id")
           << QStringLiteral("catch_expected") << QStringLiteral("catch_correct") << QStringLiteral("repeat_of")
           << QStringLiteral("repeat_agree") << QStringLiteral("fast") << QStringLiteral("straight_line")
           << QStringLiteral("earlier_values")
           // audio integrity
           << QStringLiteral("focus_losses") << QStringLiteral("output_device") << QStringLiteral("underruns")
           << QStringLiteral("underrun_ms") << QStringLiteral("latency_ms") << QStringLiteral("loudness_before")
           << QStringLiteral("loudness_after") << QStringLiteral("loudness_unit") << QStringLiteral("device_changes")
           << QStringLiteral("integrity_flag") << QStringLiteral("study_file_hash")
           << QStringLiteral("participant_excluded") << QStringLiteral("skipped");
    QString out;
    out += header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Participant &p : data.participants) {
        const ParticipantQualityRow &q = data.quality[p.id];
        for (const Record &r : data.records.value(p.id)) {
            QStringList f{data.settings.name, data.studyId, p.code};
            for (const QString &k : data.demographicKeys)
                f << jsonValueText(p.demographics.value(k));
            // Feedback, practice and catch clips have no plan position: the column stays empty.
            const AnswerIntegrity &i = r.integrity;
            f << (r.position >= 0 ? QString::number(r.position + 1) : QString())
              << (r.track ? r.track->path : r.catchFile) << (r.track ? r.track->title : QString())
              << (r.track ? r.track->artist : QString()) << (r.track ? r.track->genre : QString())
              << QString::number(r.clipStart, 'f', 3) << QString::number(r.clipLength, 'f', 3) << scaleId(r.scale)
              << (r.skipped ? QString() : QString::number(r.value)) << QString::number(r.responseMs) << QString::number(r.replays)
              << r.answeredAt.toString(Qt::ISODateWithMs) << r.source << r.kind
              << flag(r.kind == QLatin1String("practice")) << r.catchId
              << (r.catchId.isEmpty() ? QString() : QString::number(r.catchExpected))
              << (r.catchCorrect < 0 ? QString() : QString::number(r.catchCorrect))
              << (r.repeatOf < 0 ? QString() : QString::number(r.repeatOf + 1))
              << (r.repeatAgree < 0 ? QString() : QString::number(r.repeatAgree)) << flag(r.fast)
              << flag(r.straightLine) << r.earlierValues.join(QLatin1Char(';'))
              << (i.recorded ? QString::number(i.focusLosses) : QString()) << i.device
              << (i.recorded ? QString::number(i.underruns) : QString())
              << (i.recorded ? QString::number(i.underrunMs) : QString())
              << (i.recorded && i.latencyMs >= 0 ? QString::number(i.latencyMs, 'f', 1) : QString())
              << number(i.loudnessBefore, 2) << number(i.loudnessAfter, 2) << i.loudnessUnit
              << (i.recorded ? QString::number(i.deviceChanges) : QString())
              << (i.recorded ? flag(i.flagged) : QString()) << r.studyFileHash << flag(q.quality.excluded)
              << flag(r.skipped);
            for (QString &s : f)
                s = csvField(s);
            out += f.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    if (!writeFileAtomically(path, out.toUtf8(), error))
        return false;

    // The per-participant quality summary and the questionnaire answers, next to the data.
    QString quality = QStringLiteral("participant,answers,practice_answers,catch_total,catch_correct,catch_accuracy,"
                                     "repeat_pairs,kappa,kappa_kind,agreement,longest_run,straight_lining,fast_answers,"
                                     "focus_losses,integrity_flagged,revisions,volume_changes,excluded,exclusion_rules,"
                                     "rules,system_volume_changes,system_volume_observable,skipped\n");
    const QString rules = qualityRulesText(data.settings);
    for (const Participant &p : data.participants) {
        const QJsonObject o = qualitySummaryJson(data.quality[p.id]);
        QStringList f;
        for (const char *key : {"participant", "answers", "practice_answers", "catch_total", "catch_correct",
                                "catch_accuracy", "repeat_pairs", "kappa", "kappa_kind", "agreement", "longest_run",
                                "straight_lining", "fast_answers", "focus_losses", "integrity_flagged", "revisions",
                                "volume_changes", "excluded", "exclusion_rules"})
            f << jsonValueText(o.value(QLatin1String(key)));
        f << rules << jsonValueText(o.value(QLatin1String("system_volume_changes")))
          << jsonValueText(o.value(QLatin1String("system_volume_observable"))) << jsonValueText(o.value(QLatin1String("skipped")));
        for (QString &s : f)
            s = csvField(s);
        quality += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    if (!writeFileAtomically(qualityCsvPath(path), quality.toUtf8(), error))
        return false;
    QString questions = QStringLiteral("participant,questionnaire,occurrence,question,value,answered_at\n");
    for (const Participant &p : data.participants)
        for (const QuestionnaireAnswer &a : data.questionnaires.value(p.id)) {
            QStringList f{p.code, a.questionnaireId, QString::number(a.occurrence), a.questionId, jsonValueText(a.value),
                          a.answeredAt.toString(Qt::ISODateWithMs)};
            for (QString &s : f)
                s = csvField(s);
            questions += f.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    return writeFileAtomically(questionnairesCsvPath(path), questions.toUtf8(), error);
}

bool exportJson(Study &study, const QString &path, QString *error)
{
    const ExportData data(study);
    QJsonArray rows;
    QJsonArray quality;
    QJsonArray questionnaires;
    for (const Participant &p : data.participants) {
        const ParticipantQualityRow &q = data.quality[p.id];
        quality.append(qualitySummaryJson(q));
        for (const QuestionnaireAnswer &a : data.questionnaires.value(p.id))
            questionnaires.append(QJsonObject{{QStringLiteral("participant"), p.code},
                                              {QStringLiteral("questionnaire"), a.questionnaireId},
                                              {QStringLiteral("occurrence"), a.occurrence},
                                              {QStringLiteral("question"), a.questionId},
                                              {QStringLiteral("value"), a.value},
                                              {QStringLiteral("answered_at"), a.answeredAt.toString(Qt::ISODateWithMs)}});
        for (const Record &r : data.records.value(p.id)) {
            QJsonObject o;
            o[QStringLiteral("study")] = data.settings.name;
            o[QStringLiteral("study_id")] = data.studyId;
            o[QStringLiteral("participant")] = p.code;
            o[QStringLiteral("demographics")] = p.demographics;
            o[QStringLiteral("position")] = r.position >= 0 ? QJsonValue(r.position + 1) : QJsonValue();
            o[QStringLiteral("track_path")] = r.track ? r.track->path : r.catchFile;
            o[QStringLiteral("title")] = r.track ? r.track->title : QString();
            o[QStringLiteral("artist")] = r.track ? r.track->artist : QString();
            o[QStringLiteral("genre")] = r.track ? r.track->genre : QString();
            o[QStringLiteral("clip_start")] = r.clipStart;
            o[QStringLiteral("clip_length")] = r.clipLength;
            o[QStringLiteral("scale")] = scaleId(r.scale);
            o[QStringLiteral("value")] = r.skipped ? QJsonValue() : QJsonValue(r.value);
            o[QStringLiteral("skipped")] = r.skipped;
            o[QStringLiteral("response_ms")] = double(r.responseMs);
            o[QStringLiteral("replays")] = r.replays;
            o[QStringLiteral("answered_at")] = r.answeredAt.toString(Qt::ISODateWithMs);
            o[QStringLiteral("source")] = r.source;
            o[QStringLiteral("kind")] = r.kind;
            o[QStringLiteral("practice")] = r.kind == QLatin1String("practice");
            if (!r.catchId.isEmpty()) {
                o[QStringLiteral("catch_id")] = r.catchId;
                o[QStringLiteral("catch_expected")] = r.catchExpected;
                o[QStringLiteral("catch_correct")] = r.skipped ? QJsonValue() : QJsonValue(r.catchCorrect == 1);
            }
            if (r.repeatOf >= 0) {
                o[QStringLiteral("repeat_of")] = r.repeatOf + 1;
                o[QStringLiteral("repeat_agree")] = r.repeatAgree == 1;
            }
            o[QStringLiteral("fast")] = r.fast;
            o[QStringLiteral("straight_line")] = r.straightLine;
            if (!r.earlierValues.isEmpty())
                o[QStringLiteral("earlier_values")] = QJsonArray::fromStringList(r.earlierValues);
            const AnswerIntegrity &i = r.integrity;
            if (i.recorded) {
                o[QStringLiteral("integrity")] = QJsonObject{
                    {QStringLiteral("output_device"), i.device},
                    {QStringLiteral("output_device_id"), i.deviceId},
                    {QStringLiteral("underruns"), i.underruns},
                    {QStringLiteral("underrun_ms"), double(i.underrunMs)},
                    {QStringLiteral("latency_ms"), i.latencyMs < 0 ? QJsonValue() : QJsonValue(i.latencyMs)},
                    {QStringLiteral("loudness_before"), std::isnan(i.loudnessBefore) ? QJsonValue() : QJsonValue(i.loudnessBefore)},
                    {QStringLiteral("loudness_after"), std::isnan(i.loudnessAfter) ? QJsonValue() : QJsonValue(i.loudnessAfter)},
                    {QStringLiteral("loudness_unit"), i.loudnessUnit},
                    {QStringLiteral("device_changes"), i.deviceChanges},
                    {QStringLiteral("focus_losses"), i.focusLosses},
                    {QStringLiteral("flagged"), i.flagged}};
            }
            o[QStringLiteral("study_file_hash")] = r.studyFileHash;
            o[QStringLiteral("participant_excluded")] = q.quality.excluded;
            rows.append(o);
        }
    }
    QJsonObject root;
    root[QStringLiteral("study")] = data.settings.name;
    root[QStringLiteral("study_id")] = data.studyId;
    root[QStringLiteral("settings")] = data.settings.toJson();
    root[QStringLiteral("answers")] = rows;
    root[QStringLiteral("quality")] = quality;
    root[QStringLiteral("quality_rules")] = qualityRulesText(data.settings);
    root[QStringLiteral("questionnaires")] = questionnaires;
    return writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

QString MergeReport::toText() const
{
    if (!error.isEmpty())
        return QCoreApplication::translate("Exporter", "Merge failed: %1").arg(error);
    QStringList lines;
    if (refused) {
        lines << QCoreApplication::translate("Exporter", "Merge refused: the files do not share the same study file and schedules "
                                                         "(%n conflict(s)); nothing was merged. Use --force to merge anyway "
                                                         "(the conflicts are recorded).", nullptr, int(scheduleConflicts.size()));
        lines << scheduleConflicts;
        return lines.join(QLatin1Char('\n'));
    }
    if (forced) {
        lines << QCoreApplication::translate("Exporter", "Merged despite %n study file or schedule conflict(s) (forced; recorded in the study):",
                                             nullptr, int(scheduleConflicts.size()));
        lines << scheduleConflicts;
    }
    lines << QCoreApplication::translate("Exporter", "Merged: %1 participants added, %2 answers added, %3 answers already present, %4 tracks added, "
                "%5 embeddings added.")
                 .arg(participantsAdded)
                 .arg(answersAdded)
                 .arg(answersAlreadyPresent)
                 .arg(tracksAdded)
                 .arg(embeddingsAdded);
    if (surveyRecordsAdded > 0)
        lines << QCoreApplication::translate("Exporter", "Survey records added (practice and catch answers, questionnaire "
                                                         "answers, events, revisions): %1.")
                     .arg(surveyRecordsAdded);
    if (steeringAdded > 0)
        lines << QCoreApplication::translate("Exporter", "Steering feedback (more / less like this) added or updated: %1.").arg(steeringAdded);
    if (!conflicts.isEmpty()) {
        lines << QCoreApplication::translate("Exporter", "%n conflict(s), local data kept:", nullptr,
                                             int(conflicts.size()));
        lines << conflicts;
    }
    return lines.join(QLatin1Char('\n'));
}

namespace {

bool logMerge(QSqlDatabase &db, const QString &otherPath, const QString &outcome, const QStringList &conflicts)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO merge_log(other_path, merged_at, outcome, conflicts) VALUES (?, ?, ?, ?)"));
    q.addBindValue(QFileInfo(otherPath).absoluteFilePath());
    q.addBindValue(StudyDatabase::now());
    q.addBindValue(outcome);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(conflicts)).toJson(QJsonDocument::Compact)));
    return q.exec();
}

/// Where two stored schedules of one participant differ, position by position (tracks compared by
/// content hash, since ids differ between files).
QStringList compareSchedules(const QString &code, const QHash<qint64, Track> &hereTracks, const QVector<Clip> &mine,
                             const QHash<qint64, Track> &thereTracks, const QVector<Clip> &theirs)
{
    QStringList out;
    auto describe = [](const Track &t, const Clip &c) {
        return QCoreApplication::translate("Exporter", "'%1' at %2 s").arg(t.relativePath.isEmpty() ? t.path : t.relativePath).arg(c.startSeconds, 0, 'f', 3);
    };
    for (int i = 0; i < qMax(mine.size(), theirs.size()); ++i) {
        if (i >= mine.size() || i >= theirs.size()) {
            out << QCoreApplication::translate("Exporter", "participant '%1', position %2: only in %3")
                       .arg(code).arg(i + 1)
                       .arg(i < mine.size() ? QCoreApplication::translate("Exporter", "this file") : QCoreApplication::translate("Exporter", "the other file"));
            continue;
        }
        const Clip &a = mine[i];
        const Clip &b = theirs[i];
        const Track ta = hereTracks.value(a.trackId), tb = thereTracks.value(b.trackId);
        if (ta.contentHash == tb.contentHash && std::abs(a.startSeconds - b.startSeconds) < 1e-6
            && std::abs(a.lengthSeconds - b.lengthSeconds) < 1e-6 && a.repeatOf == b.repeatOf && a.block == b.block)
            continue;
        out << QCoreApplication::translate("Exporter", "participant '%1', position %2: %3 here, %4 in the other file")
                   .arg(code).arg(i + 1).arg(describe(ta, a), describe(tb, b));
    }
    return out;
}

} // namespace

MergeReport mergeStudy(Study &study, const QString &otherPath, bool force)
{
    MergeReport report;
    // Work on a copy, so the other file is never changed (opening may migrate it).
    QTemporaryDir tmp;
    const QString copy = tmp.filePath(QStringLiteral("other.tastelab"));
    if (!QFileInfo(otherPath).isFile()) {
        report.error = QCoreApplication::translate("Exporter", "%1: study file not found").arg(QDir::toNativeSeparators(otherPath));
        return report;
    }
    if (!tmp.isValid() || !QFile::copy(otherPath, copy)) {
        report.error = QCoreApplication::translate("Exporter", "%1: cannot make a working copy to merge from").arg(QDir::toNativeSeparators(otherPath));
        return report;
    }
    for (const char *suffix : {"-wal", "-shm"}) // an unclosed file's journal holds committed answers too
        if (QFileInfo::exists(otherPath + QLatin1String(suffix)))
            QFile::copy(otherPath + QLatin1String(suffix), copy + QLatin1String(suffix));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QString error;
    std::unique_ptr<Study> other = Study::open(copy, &error);
    if (!other) {
        report.error = error.replace(copy, otherPath);
        return report;
    }
    if (other->studyId() != study.studyId()) {
        report.error = QCoreApplication::translate("Exporter", "%1 belongs to another study (study ids differ); only files of the same study can be "
                          "merged")
                           .arg(QDir::toNativeSeparators(otherPath));
        return report;
    }

    // The study file and the schedules, before anything is combined.
    {
        const QString here = study.studyFileHash();
        const QString there = other->studyFileHash();
        if (here != there)
            report.scheduleConflicts << QCoreApplication::translate("Exporter", "the study files differ: %1 here, %2 in %3")
                                            .arg(here.isEmpty() ? QCoreApplication::translate("Exporter", "none") : here.left(12),
                                                 there.isEmpty() ? QCoreApplication::translate("Exporter", "none") : there.left(12),
                                                 QDir::toNativeSeparators(otherPath));
        // Stations (design.stations): the same number of stations, different station numbers, and
        // no schedule index (balanced-assignment window) used by two different participants.
        const StudySettings hereSettings = study.settings();
        const StudySettings thereSettings = other->settings();
        const int stations = hereSettings.design.stations;
        if (thereSettings.design.stations != stations)
            report.scheduleConflicts << QCoreApplication::translate("Exporter", "the study runs on %1 stations here and on %2 in %3")
                                            .arg(stations)
                                            .arg(thereSettings.design.stations)
                                            .arg(QDir::toNativeSeparators(otherPath));
        else if (stations > 1 && study.stationNumber() > 0 && study.stationNumber() == other->stationNumber())
            report.scheduleConflicts << QCoreApplication::translate("Exporter", "both files are station %1 of %2; every station needs its own "
                                                                                "number (tastelab-cli station --set K, or the Study page)")
                                            .arg(study.stationNumber())
                                            .arg(stations);
        if (stations > 1 || hereSettings.design.balancedAssignment || thereSettings.design.balancedAssignment) {
            QHash<int, Participant> byIndex;
            for (const Participant &mine : study.participants())
                if (mine.scheduleIndex >= 0)
                    byIndex.insert(mine.scheduleIndex, mine);
            for (const Participant &theirs : other->participants()) {
                if (theirs.scheduleIndex < 0)
                    continue;
                if (study.participant(theirs.code))
                    continue; // the same participant (checked below), or one not merged (other seed: reported)
                const auto it = byIndex.constFind(theirs.scheduleIndex);
                if (it != byIndex.constEnd()) {
                    report.scheduleConflicts << QCoreApplication::translate("Exporter", "participant '%1' in %2 and participant '%3' here have the "
                                                                                        "same schedule index %4 (the same clips)")
                                                    .arg(theirs.code, QDir::toNativeSeparators(otherPath), it->code)
                                                    .arg(theirs.scheduleIndex);
                    continue;
                }
                byIndex.insert(theirs.scheduleIndex, theirs);
            }
        }
        QHash<qint64, Track> hereTracks, thereTracks;
        for (const Track &t : study.tracks())
            hereTracks.insert(t.id, t);
        for (const Track &t : other->tracks())
            thereTracks.insert(t.id, t);
        for (const Participant &theirs : other->participants()) {
            if (!theirs.studyFileHash.isEmpty())
                for (const QString &d : other->verifySchedule(theirs))
                    report.scheduleConflicts << QCoreApplication::translate("Exporter", "in the other file, %1").arg(d);
            const std::optional<Participant> local = study.participant(theirs.code);
            if (local && local->seed == theirs.seed)
                report.scheduleConflicts << compareSchedules(theirs.code, hereTracks, study.plan(local->id), thereTracks, other->plan(theirs.id));
        }
    }
    QSqlDatabase &db = study.database();
    if (!report.scheduleConflicts.isEmpty() && !force) {
        report.refused = true;
        logMerge(db, otherPath, QStringLiteral("refused"), report.scheduleConflicts);
        return report;
    }
    report.forced = !report.scheduleConflicts.isEmpty();
    if (!db.transaction()) {
        report.error = db.lastError().text();
        return report;
    }
    auto abort = [&](const QString &why) {
        db.rollback();
        MergeReport failed;
        failed.error = why;
        return failed;
    };
    // Study file versions the other file knows and this one does not (participants' hashes must
    // stay resolvable, to regenerate their schedules).
    {
        QSet<QString> known;
        for (const StudyFileVersion &v : study.studyFileVersions())
            known.insert(v.hash);
        for (const StudyFileVersion &v : other->studyFileVersions()) {
            if (known.contains(v.hash))
                continue;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO study_file_versions(hash, path, content, recorded_at, note) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(v.hash);
            q.addBindValue(v.path);
            q.addBindValue(v.content);
            q.addBindValue(v.recordedAt.toString(Qt::ISODateWithMs));
            q.addBindValue(QStringLiteral("merged from %1").arg(QFileInfo(otherPath).fileName()));
            if (!q.exec())
                return abort(q.lastError().text());
            known.insert(v.hash);
        }
    }

    // Tracks by content.
    QHash<qint64, qint64> trackMap; // other id -> local id
    for (const Track &t : other->tracks()) {
        if (const auto local = study.trackByHash(t.contentHash)) {
            trackMap.insert(t.id, local->id);
            continue;
        }
        const qint64 id = study.addTrack(t);
        if (id == 0)
            return abort(study.lastError());
        trackMap.insert(t.id, id);
        ++report.tracksAdded;
    }

    for (const Participant &theirs : other->participants()) {
        const QVector<Answer> theirAnswers = other->answers(theirs.id, AnswerSources::All);
        std::optional<Participant> local = study.participant(theirs.code);
        QHash<int, int> localValues; // position -> value
        QHash<int, QDateTime> localFeedbackTimes; // position (-local track id) -> when given
        if (local) {
            if (local->seed != theirs.seed) {
                report.conflicts << QCoreApplication::translate("Exporter", "participant '%1' exists in both files with different clip plans (other "
                                       "seeds); their %2 answers were not merged")
                                        .arg(theirs.code)
                                        .arg(theirAnswers.size());
                continue;
            }
            for (const Answer &a : study.answers(local->id, AnswerSources::All)) {
                localValues.insert(a.position, a.value);
                if (a.isFeedback())
                    localFeedbackTimes.insert(a.position, a.answeredAt);
            }
        } else {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO participants(code, seed, demographics, created_at, finished_at, "
                                     "study_file_hash, schedule_index) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(theirs.code);
            q.addBindValue(QString::number(theirs.seed));
            q.addBindValue(QString::fromUtf8(QJsonDocument(theirs.demographics).toJson(QJsonDocument::Compact)));
            q.addBindValue(theirs.createdAt.toString(Qt::ISODateWithMs));
            q.addBindValue(theirs.finishedAt.isValid() ? QVariant(theirs.finishedAt.toString(Qt::ISODateWithMs))
                                                       : QVariant());
            q.addBindValue(theirs.studyFileHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(theirs.studyFileHash));
            q.addBindValue(theirs.scheduleIndex < 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(theirs.scheduleIndex));
            if (!q.exec())
                return abort(q.lastError().text());
            const qint64 id = q.lastInsertId().toLongLong();
            QSqlQuery items(db);
            items.prepare(QStringLiteral("INSERT INTO plan_items(participant_id, position, track_id, clip_start, "
                                         "clip_length, repeat_of, block) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            for (const Clip &c : other->plan(theirs.id)) {
                items.addBindValue(id);
                items.addBindValue(c.position);
                items.addBindValue(trackMap.value(c.trackId));
                items.addBindValue(c.startSeconds);
                items.addBindValue(c.lengthSeconds);
                items.addBindValue(c.repeatOf);
                items.addBindValue(c.block);
                if (!items.exec())
                    return abort(items.lastError().text());
            }
            QSqlQuery extras(db);
            extras.prepare(QStringLiteral("INSERT INTO schedule_extras(participant_id, kind, seq, before_position, block, track_id, "
                                          "catch_id, file, clip_start, clip_length, expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const ExtraClip &x : other->extraClips(theirs.id)) {
                extras.addBindValue(id);
                extras.addBindValue(x.isCatch() ? QStringLiteral("catch") : QStringLiteral("practice"));
                extras.addBindValue(x.seq);
                extras.addBindValue(x.beforePosition);
                extras.addBindValue(x.block);
                extras.addBindValue(x.isCatch() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(trackMap.value(x.trackId)));
                extras.addBindValue(x.isCatch() ? QVariant(x.catchId) : QVariant(QMetaType(QMetaType::QString)));
                extras.addBindValue(x.isCatch() ? QVariant(x.file) : QVariant(QMetaType(QMetaType::QString)));
                extras.addBindValue(x.startSeconds);
                extras.addBindValue(x.lengthSeconds);
                extras.addBindValue(x.isCatch() ? QVariant(x.expected) : QVariant(QMetaType(QMetaType::Int)));
                if (!extras.exec())
                    return abort(extras.lastError().text());
            }
            local = Participant{theirs};
            local->id = id;
            ++report.participantsAdded;
        }
        for (Answer a : theirAnswers) {
            if (a.isFeedback()) {
                // Feedback sits at -track id, and track ids differ between files: map it to the
                // local track. Feedback can be changed at any time, so the newer one wins and a
                // difference is no conflict.
                a.participantId = local->id;
                a.trackId = trackMap.value(a.trackId);
                a.position = int(-a.trackId);
                const auto existing = localValues.constFind(a.position);
                if (existing != localValues.constEnd()) {
                    if (existing.value() == a.value || a.answeredAt <= localFeedbackTimes.value(a.position)) {
                        ++report.answersAlreadyPresent;
                        continue;
                    }
                }
                if (!study.recordAnswer(a))
                    return abort(study.lastError());
                if (a.studyFileHash.isEmpty()) { // as below: an answer from before the study file keeps none
                    QSqlQuery q(db);
                    q.prepare(QStringLiteral("UPDATE answers SET study_file_hash = NULL WHERE participant_id = ? AND position = ?"));
                    q.addBindValue(a.participantId);
                    q.addBindValue(a.position);
                    if (!q.exec())
                        return abort(q.lastError().text());
                }
                ++report.answersAdded;
                continue;
            }
            const auto existing = localValues.constFind(a.position);
            if (existing != localValues.constEnd()) {
                if (existing.value() == a.value)
                    ++report.answersAlreadyPresent;
                else
                    report.conflicts << QCoreApplication::translate("Exporter", "participant '%1', clip %2: answered %3 here and %4 in the other file; "
                                           "kept %3")
                                            .arg(theirs.code)
                                            .arg(a.position + 1)
                                            .arg(existing.value())
                                            .arg(a.value);
                continue;
            }
            a.participantId = local->id;
            a.trackId = trackMap.value(a.trackId);
            if (!study.recordAnswer(a))
                return abort(study.lastError());
            if (a.studyFileHash.isEmpty()) {
                // Given before the other file had a study file: it keeps having none (recordAnswer
                // would have given it this study's current hash).
                QSqlQuery q(db);
                q.prepare(QStringLiteral("UPDATE answers SET study_file_hash = NULL WHERE participant_id = ? AND position = ?"));
                q.addBindValue(a.participantId);
                q.addBindValue(a.position);
                if (!q.exec())
                    return abort(q.lastError().text());
            }
            ++report.answersAdded;
        }
        // Practice and catch answers, questionnaires, events and revisions (schema 7).
        int records = 0;
        QString recordsError;
        if (!surveydata::mergeRecords(study, local->id, *other, theirs.id, &records, &recordsError))
            return abort(recordsError);
        report.surveyRecordsAdded += records;
        int steering = 0;
        if (!mergeSteering(study, local->id, *other, theirs.id, trackMap, &steering, &recordsError))
            return abort(recordsError);
        report.steeringAdded += steering;
        if (study.answers(local->id).size() >= study.plan(local->id).size())
            study.markFinished(local->id);
    }
    // Embeddings, e.g. from shards extracted on other machines: add what is missing here, for the
    // same encoder version only.
    {
        EmbeddingStore mine(study);
        EmbeddingStore theirsStore(*other);
        QHash<QString, QString> localHash; // encoder -> model hash here
        for (const EmbeddingSummary &s : mine.summaries())
            if (s.clips > 0)
                localHash.insert(s.encoder, s.encoderHash);
        for (const EmbeddingSummary &s : theirsStore.summaries()) {
            if (s.clips == 0 || (localHash.contains(s.encoder) && localHash.value(s.encoder) != s.encoderHash)) {
                if (s.clips > 0)
                    report.conflicts << QCoreApplication::translate("Exporter", "embeddings of '%1' come from another version of the model; not merged")
                                            .arg(s.encoder);
                continue;
            }
            const QSet<ClipKey> have = mine.cachedClips(s.encoder);
            QVector<Embedding> add;
            for (Embedding e : theirsStore.embeddings(s.encoder)) {
                e.clip.trackId = trackMap.value(e.clip.trackId);
                if (!have.contains(e.clip))
                    add.push_back(std::move(e));
            }
            if (!add.isEmpty()) {
                if (!mine.insert(s.encoder, s.encoderHash, add))
                    return abort(mine.lastError());
                report.embeddingsAdded += add.size();
            }
        }
    }
    if (!logMerge(db, otherPath, report.forced ? QStringLiteral("forced") : QStringLiteral("merged"), report.scheduleConflicts))
        return abort(db.lastError().text());
    if (!db.commit())
        return abort(db.lastError().text());
    return report;
}

} // namespace tastelab
