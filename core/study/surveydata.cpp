#include "study/surveydata.h"
#include "study/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

#include <cmath>

namespace tastelab {

namespace {

QVariant nullIfNan(double v) { return std::isnan(v) ? QVariant(QMetaType(QMetaType::Double)) : QVariant(v); }
QVariant nullString() { return QVariant(QMetaType(QMetaType::QString)); }

bool fail(Study &study, QString *error, const QString &reason)
{
    if (error)
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(study.path()), reason);
    return false;
}

QString jsonText(const QJsonValue &v)
{
    // QJsonDocument holds objects and arrays only: wrap the value in an array and strip it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue jsonValue(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"));
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(text);
}

} // namespace

QString extraKindId(ExtraClip::Kind kind)
{
    return kind == ExtraClip::Kind::Catch ? QStringLiteral("catch") : QStringLiteral("practice");
}

void bindIntegrity(QSqlQuery &q, const AnswerIntegrity &i)
{
    const QVariant nullInt(QMetaType(QMetaType::Int));
    if (!i.recorded) {
        for (int c = 0; c < 11; ++c)
            q.addBindValue(c == 0 || c == 1 || c == 7 ? nullString() : nullInt);
        return;
    }
    q.addBindValue(i.device);
    q.addBindValue(i.deviceId);
    q.addBindValue(i.underruns);
    q.addBindValue(i.underrunMs);
    q.addBindValue(i.latencyMs < 0 ? QVariant(QMetaType(QMetaType::Double)) : QVariant(i.latencyMs));
    q.addBindValue(nullIfNan(i.loudnessBefore));
    q.addBindValue(nullIfNan(i.loudnessAfter));
    q.addBindValue(i.loudnessUnit);
    q.addBindValue(i.deviceChanges);
    q.addBindValue(i.focusLosses);
    q.addBindValue(i.flagged ? 1 : 0);
}

AnswerIntegrity integrityFrom(const QSqlQuery &q, int c)
{
    AnswerIntegrity i;
    i.recorded = !q.value(c + 10).isNull();
    if (!i.recorded)
        return i;
    i.device = q.value(c).toString();
    i.deviceId = q.value(c + 1).toString();
    i.underruns = q.value(c + 2).toInt();
    i.underrunMs = q.value(c + 3).toLongLong();
    i.latencyMs = q.value(c + 4).isNull() ? -1.0 : q.value(c + 4).toDouble();
    i.loudnessBefore = q.value(c + 5).isNull() ? std::nan("") : q.value(c + 5).toDouble();
    i.loudnessAfter = q.value(c + 6).isNull() ? std::nan("") : q.value(c + 6).toDouble();
    i.loudnessUnit = q.value(c + 7).toString();
    i.deviceChanges = q.value(c + 8).toInt();
    i.focusLosses = q.value(c + 9).toInt();
    i.flagged = q.value(c + 10).toInt() != 0;
    return i;
}

namespace surveydata {

bool recordExtraAnswer(Study &study, const ExtraAnswer &a, QString *error)
{
    const StudySettings s = study.settings();
    if (a.value < s.minValue() || a.value > s.maxValue())
        return fail(study, error,
                    QCoreApplication::translate("Study", "answer value %1 is outside the scale %2..%3")
                        .arg(a.value)
                        .arg(s.minValue())
                        .arg(s.maxValue()));
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("INSERT INTO extra_answers(participant_id, kind, seq, value, response_ms, replays, "
                             "answered_at, study_file_hash, ")
              + QLatin1String(kIntegrityColumns) + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(a.participantId);
    q.addBindValue(extraKindId(a.kind));
    q.addBindValue(a.seq);
    q.addBindValue(a.value);
    q.addBindValue(a.responseMs);
    q.addBindValue(a.replays);
    q.addBindValue((a.answeredAt.isValid() ? a.answeredAt.toUTC() : QDateTime::currentDateTimeUtc())
                       .toString(Qt::ISODateWithMs));
    const QString hash = a.studyFileHash.isEmpty() ? study.studyFileHash() : a.studyFileHash;
    q.addBindValue(hash.isEmpty() ? nullString() : QVariant(hash));
    bindIntegrity(q, a.integrity);
    if (!q.exec())
        return fail(study, error,
                    QCoreApplication::translate("Study", "the answer for %1 clip %2 was not saved: %3")
                        .arg(extraKindId(a.kind))
                        .arg(a.seq + 1)
                        .arg(q.lastError().text()));
    return true;
}

QVector<ExtraAnswer> extraAnswers(Study &study, qint64 participantId)
{
    QVector<ExtraAnswer> out;
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT participant_id, kind, seq, value, response_ms, replays, answered_at, "
                             "study_file_hash, ")
              + QLatin1String(kIntegrityColumns)
              + QStringLiteral(" FROM extra_answers WHERE participant_id = ? ORDER BY kind = 'catch', seq"));
    q.addBindValue(participantId);
    if (!q.exec())
        return out;
    while (q.next()) {
        ExtraAnswer a;
        a.participantId = q.value(0).toLongLong();
        a.kind = q.value(1).toString() == QLatin1String("catch") ? ExtraClip::Kind::Catch : ExtraClip::Kind::Practice;
        a.seq = q.value(2).toInt();
        a.value = q.value(3).toInt();
        a.responseMs = q.value(4).toLongLong();
        a.replays = q.value(5).toInt();
        a.answeredAt = StudyDatabase::time(q.value(6));
        a.studyFileHash = q.value(7).toString();
        a.integrity = integrityFrom(q, 8);
        out.push_back(a);
    }
    return out;
}

bool reviseAnswer(Study &study, qint64 participantId, const QString &kind, int position, int newValue,
                  qint64 newResponseMs, QString *error)
{
    const StudySettings s = study.settings();
    if (newValue < s.minValue() || newValue > s.maxValue())
        return fail(study, error,
                    QCoreApplication::translate("Study", "answer value %1 is outside the scale %2..%3")
                        .arg(newValue)
                        .arg(s.minValue())
                        .arg(s.maxValue()));
    QSqlDatabase &db = study.database();
    const bool clip = kind == QLatin1String("clip");
    QSqlQuery old(db);
    old.prepare(clip ? QStringLiteral("SELECT value, response_ms FROM answers WHERE participant_id = ? AND "
                                      "position = ? AND source = 'survey'")
                     : QStringLiteral("SELECT value, response_ms FROM extra_answers WHERE participant_id = ? AND "
                                      "seq = ? AND kind = ?"));
    old.addBindValue(participantId);
    old.addBindValue(position);
    if (!clip)
        old.addBindValue(kind);
    if (!old.exec() || !old.next())
        return fail(study, error,
                    QCoreApplication::translate("Study", "there is no answer to %1 %2 to change").arg(kind).arg(position + 1));
    const int oldValue = old.value(0).toInt();
    const qint64 oldMs = old.value(1).toLongLong();
    old.finish();
    if (!db.transaction())
        return fail(study, error, db.lastError().text());
    QSqlQuery up(db);
    up.prepare(clip ? QStringLiteral("UPDATE answers SET value = ?, response_ms = ? WHERE participant_id = ? AND "
                                     "position = ? AND source = 'survey'")
                    : QStringLiteral("UPDATE extra_answers SET value = ?, response_ms = ? WHERE participant_id = ? "
                                     "AND seq = ? AND kind = ?"));
    up.addBindValue(newValue);
    up.addBindValue(newResponseMs);
    up.addBindValue(participantId);
    up.addBindValue(position);
    if (!clip)
        up.addBindValue(kind);
    QSqlQuery rev(db);
    rev.prepare(QStringLiteral("INSERT INTO answer_revisions(participant_id, kind, position, old_value, new_value, "
                               "old_response_ms, new_response_ms, revised_at) VALUES (?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(participantId), QVariant(kind), QVariant(position), QVariant(oldValue),
                              QVariant(newValue), QVariant(oldMs), QVariant(newResponseMs), QVariant(StudyDatabase::now())})
        rev.addBindValue(v);
    if (!up.exec() || !rev.exec() || !db.commit()) {
        const QString why = up.lastError().isValid() ? up.lastError().text() : rev.lastError().text();
        db.rollback();
        return fail(study, error, QCoreApplication::translate("Study", "the changed answer was not saved: %1").arg(why));
    }
    return true;
}

QVector<AnswerRevision> revisions(Study &study, qint64 participantId)
{
    QVector<AnswerRevision> out;
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT kind, position, old_value, new_value, old_response_ms, new_response_ms, revised_at "
                             "FROM answer_revisions WHERE participant_id = ? ORDER BY id"));
    q.addBindValue(participantId);
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(),
                           q.value(4).toLongLong(), q.value(5).toLongLong(), StudyDatabase::time(q.value(6))});
    return out;
}

bool saveQuestionnaireAnswer(Study &study, qint64 participantId, const QuestionnaireAnswer &a, QString *error)
{
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("INSERT INTO questionnaire_answers(participant_id, questionnaire_id, occurrence, "
                             "question_id, value, answered_at) VALUES (?,?,?,?,?,?) "
                             "ON CONFLICT(participant_id, questionnaire_id, occurrence, question_id) DO UPDATE SET "
                             "value = excluded.value, answered_at = excluded.answered_at"));
    q.addBindValue(participantId);
    q.addBindValue(a.questionnaireId);
    q.addBindValue(a.occurrence);
    q.addBindValue(a.questionId);
    q.addBindValue(jsonText(a.value));
    q.addBindValue(StudyDatabase::now());
    if (!q.exec())
        return fail(study, error,
                    QCoreApplication::translate("Study", "the answer to question '%1' was not saved: %2")
                        .arg(a.questionId, q.lastError().text()));
    return true;
}

QVector<QuestionnaireAnswer> questionnaireAnswers(Study &study, qint64 participantId)
{
    QVector<QuestionnaireAnswer> out;
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT questionnaire_id, occurrence, question_id, value, answered_at FROM "
                             "questionnaire_answers WHERE participant_id = ? ORDER BY answered_at, rowid"));
    q.addBindValue(participantId);
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                           jsonValue(q.value(3).toString()), StudyDatabase::time(q.value(4))});
    return out;
}

bool logEvent(Study &study, qint64 participantId, const QString &kind, const QJsonObject &detail, QString *error)
{
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("INSERT INTO participant_events(participant_id, kind, detail, at) VALUES (?,?,?,?)"));
    q.addBindValue(participantId);
    q.addBindValue(kind);
    q.addBindValue(QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    q.addBindValue(StudyDatabase::now());
    if (!q.exec())
        return fail(study, error, q.lastError().text());
    return true;
}

QVector<ParticipantEvent> events(Study &study, qint64 participantId, const QString &kind)
{
    QVector<ParticipantEvent> out;
    QSqlQuery q(study.database());
    q.prepare(kind.isEmpty()
                  ? QStringLiteral("SELECT kind, detail, at FROM participant_events WHERE participant_id = ? ORDER BY id")
                  : QStringLiteral("SELECT kind, detail, at FROM participant_events WHERE participant_id = ? AND kind = ? "
                                   "ORDER BY id"));
    q.addBindValue(participantId);
    if (!kind.isEmpty())
        q.addBindValue(kind);
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(),
                           StudyDatabase::time(q.value(2))});
    return out;
}

bool mergeRecords(Study &study, qint64 localId, Study &other, qint64 otherId, int *added, QString *error)
{
    int count = 0;
    QSqlDatabase &db = study.database();
    for (const ExtraAnswer &a : extraAnswers(other, otherId)) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO extra_answers(participant_id, kind, seq, value, response_ms, replays, "
                                 "answered_at, study_file_hash, ")
                  + QLatin1String(kIntegrityColumns) + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        for (const QVariant &v : {QVariant(localId), QVariant(extraKindId(a.kind)), QVariant(a.seq), QVariant(a.value),
                                  QVariant(a.responseMs), QVariant(a.replays),
                                  QVariant(a.answeredAt.toString(Qt::ISODateWithMs)),
                                  a.studyFileHash.isEmpty() ? nullString() : QVariant(a.studyFileHash)})
            q.addBindValue(v);
        bindIntegrity(q, a.integrity);
        if (!q.exec())
            return fail(study, error, q.lastError().text());
        count += q.numRowsAffected() > 0 ? 1 : 0;
    }
    for (const QuestionnaireAnswer &a : questionnaireAnswers(other, otherId)) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO questionnaire_answers(participant_id, questionnaire_id, occurrence, "
                                 "question_id, value, answered_at) VALUES (?,?,?,?,?,?)"));
        for (const QVariant &v : {QVariant(localId), QVariant(a.questionnaireId), QVariant(a.occurrence), QVariant(a.questionId),
                                  QVariant(jsonText(a.value)), QVariant(a.answeredAt.toString(Qt::ISODateWithMs))})
            q.addBindValue(v);
        if (!q.exec())
            return fail(study, error, q.lastError().text());
        count += q.numRowsAffected() > 0 ? 1 : 0;
    }
    for (const ParticipantEvent &e : events(other, otherId)) {
        const QString detail = QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
        const QString at = e.at.toString(Qt::ISODateWithMs);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO participant_events(participant_id, kind, detail, at) SELECT ?, ?, ?, ? "
                                 "WHERE NOT EXISTS (SELECT 1 FROM participant_events WHERE participant_id = ? AND kind = ? "
                                 "AND detail = ? AND at = ?)"));
        for (const QVariant &v : {QVariant(localId), QVariant(e.kind), QVariant(detail), QVariant(at), QVariant(localId),
                                  QVariant(e.kind), QVariant(detail), QVariant(at)})
            q.addBindValue(v);
        if (!q.exec())
            return fail(study, error, q.lastError().text());
        count += q.numRowsAffected() > 0 ? 1 : 0;
    }
    for (const AnswerRevision &r : revisions(other, otherId)) {
        const QString at = r.revisedAt.toString(Qt::ISODateWithMs);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO answer_revisions(participant_id, kind, position, old_value, new_value, "
                                 "old_response_ms, new_response_ms, revised_at) SELECT ?,?,?,?,?,?,?,? WHERE NOT EXISTS "
                                 "(SELECT 1 FROM answer_revisions WHERE participant_id = ? AND kind = ? AND position = ? "
                                 "AND revised_at = ?)"));
        for (const QVariant &v : {QVariant(localId), QVariant(r.kind), QVariant(r.position), QVariant(r.oldValue),
                                  QVariant(r.newValue), QVariant(r.oldResponseMs), QVariant(r.newResponseMs), QVariant(at),
                                  QVariant(localId), QVariant(r.kind), QVariant(r.position), QVariant(at)})
            q.addBindValue(v);
        if (!q.exec())
            return fail(study, error, q.lastError().text());
        count += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (added)
        *added = count;
    return true;
}

QJsonObject skipDetail(const SkipRecord &skip)
{
    QJsonObject o{{QStringLiteral("kind"), skip.kind},
                  {QStringLiteral("response_ms"), double(skip.responseMs)},
                  {QStringLiteral("replays"), skip.replays}};
    if (skip.kind == QLatin1String("clip"))
        o.insert(QStringLiteral("position"), skip.position + 1); // 1-based, like the export
    else
        o.insert(QStringLiteral("seq"), skip.seq);
    if (!skip.catchId.isEmpty())
        o.insert(QStringLiteral("catch_id"), skip.catchId);
    return o;
}

QVector<SkipRecord> skips(Study &study, qint64 participantId)
{
    QVector<SkipRecord> out;
    for (const ParticipantEvent &e : events(study, participantId, QStringLiteral("skip"))) {
        SkipRecord r;
        r.kind = e.detail.value(QStringLiteral("kind")).toString();
        if (r.kind.isEmpty())
            continue; // a skip of a session before skips were recorded: it came back on resume
        r.position = e.detail.value(QStringLiteral("position")).toInt(0) - 1;
        r.seq = e.detail.value(QStringLiteral("seq")).toInt(-1);
        r.catchId = e.detail.value(QStringLiteral("catch_id")).toString();
        r.responseMs = qint64(e.detail.value(QStringLiteral("response_ms")).toDouble());
        r.replays = e.detail.value(QStringLiteral("replays")).toInt();
        r.at = e.at;
        out.push_back(r);
    }
    return out;
}

} // namespace surveydata

} // namespace tastelab
