#include "study/exporter.h"
#include "study/textfile.h"

#include "study/embeddingstore.h"

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

#include <map>
#include <set>

namespace tastelab {

namespace {

/// One exported answer with everything a row needs.
struct Row {
    const Participant *participant;
    const Answer *answer;
    const Track *track;
};

/// Collects participants, answers and tracks once, for both formats.
struct ExportData {
    StudySettings settings;
    QString studyId;
    QVector<Participant> participants;
    QHash<qint64, QVector<Answer>> answers;
    QHash<qint64, Track> tracks;
    QStringList demographicKeys; ///< union over participants, sorted

    explicit ExportData(Study &study)
        : settings(study.settings()), studyId(study.studyId()), participants(study.participants())
    {
        for (const Track &t : study.tracks())
            tracks.insert(t.id, t);
        std::set<QString> keys;
        for (const Participant &p : participants) {
            answers.insert(p.id, study.answers(p.id, AnswerSources::All));
            for (auto it = p.demographics.begin(); it != p.demographics.end(); ++it)
                keys.insert(it.key());
        }
        for (const QString &k : keys)
            demographicKeys << k;
    }

    template<typename F>
    void forEachRow(F f) const
    {
        for (const Participant &p : participants)
            for (const Answer &a : answers.value(p.id)) {
                const auto t = tracks.constFind(a.trackId);
                f(Row{&p, &a, t == tracks.constEnd() ? nullptr : &t.value()});
            }
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
    return QString();
}

} // namespace

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
           << QStringLiteral("source");
    QString out;
    out += header.join(QLatin1Char(',')) + QLatin1Char('\n');
    data.forEachRow([&](const Row &r) {
        QStringList f{data.settings.name, data.studyId, r.participant->code};
        for (const QString &k : data.demographicKeys)
            f << jsonValueText(r.participant->demographics.value(k));
        // Feedback from the recommendation list has no plan position: the column stays empty.
        f << (r.answer->isFeedback() ? QString() : QString::number(r.answer->position + 1))
          << (r.track ? r.track->path : QString())
          << (r.track ? r.track->title : QString()) << (r.track ? r.track->artist : QString())
          << (r.track ? r.track->genre : QString()) << QString::number(r.answer->clipStart, 'f', 3)
          << QString::number(r.answer->clipLength, 'f', 3) << scaleId(r.answer->scale)
          << QString::number(r.answer->value) << QString::number(r.answer->responseMs)
          << QString::number(r.answer->replays) << r.answer->answeredAt.toString(Qt::ISODateWithMs)
          << r.answer->source;
        for (QString &s : f)
            s = csvField(s);
        out += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    });
    return writeFileAtomically(path, out.toUtf8(), error);
}

bool exportJson(Study &study, const QString &path, QString *error)
{
    const ExportData data(study);
    QJsonArray rows;
    data.forEachRow([&](const Row &r) {
        QJsonObject o;
        o[QStringLiteral("study")] = data.settings.name;
        o[QStringLiteral("study_id")] = data.studyId;
        o[QStringLiteral("participant")] = r.participant->code;
        o[QStringLiteral("demographics")] = r.participant->demographics;
        o[QStringLiteral("position")] = r.answer->isFeedback() ? QJsonValue() : QJsonValue(r.answer->position + 1);
        o[QStringLiteral("track_path")] = r.track ? r.track->path : QString();
        o[QStringLiteral("title")] = r.track ? r.track->title : QString();
        o[QStringLiteral("artist")] = r.track ? r.track->artist : QString();
        o[QStringLiteral("genre")] = r.track ? r.track->genre : QString();
        o[QStringLiteral("clip_start")] = r.answer->clipStart;
        o[QStringLiteral("clip_length")] = r.answer->clipLength;
        o[QStringLiteral("scale")] = scaleId(r.answer->scale);
        o[QStringLiteral("value")] = r.answer->value;
        o[QStringLiteral("response_ms")] = double(r.answer->responseMs);
        o[QStringLiteral("replays")] = r.answer->replays;
        o[QStringLiteral("answered_at")] = r.answer->answeredAt.toString(Qt::ISODateWithMs);
        o[QStringLiteral("source")] = r.answer->source;
        rows.append(o);
    });
    QJsonObject root;
    root[QStringLiteral("study")] = data.settings.name;
    root[QStringLiteral("study_id")] = data.studyId;
    root[QStringLiteral("settings")] = data.settings.toJson();
    root[QStringLiteral("answers")] = rows;
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
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(outcome);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(conflicts)).toJson(QJsonDocument::Compact)));
    return q.exec();
}

/// Where two stored schedules of one participant differ, position by position (tracks compared by
/// content hash, since ids differ between files).
QStringList compareSchedules(const QString &code, const Study &here, const QVector<Clip> &mine, const Study &there,
                             const QVector<Clip> &theirs)
{
    QStringList out;
    QHash<qint64, Track> hereTracks, thereTracks;
    for (const Track &t : here.tracks())
        hereTracks.insert(t.id, t);
    for (const Track &t : there.tracks())
        thereTracks.insert(t.id, t);
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
        for (const Participant &theirs : other->participants()) {
            if (!theirs.studyFileHash.isEmpty())
                for (const QString &d : other->verifySchedule(theirs))
                    report.scheduleConflicts << QCoreApplication::translate("Exporter", "in the other file, %1").arg(d);
            const std::optional<Participant> local = study.participant(theirs.code);
            if (local && local->seed == theirs.seed)
                report.scheduleConflicts << compareSchedules(theirs.code, study, study.plan(local->id), *other, other->plan(theirs.id));
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
            ++report.answersAdded;
        }
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
