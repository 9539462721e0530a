#include "study/embeddingstore.h"
#include "study/database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cstring>

namespace tastelab {

namespace {

QByteArray toBlob(const std::vector<float> &v)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "vectors are stored as little-endian float32");
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * sizeof(float)));
}

} // namespace

std::vector<float> vectorFromBlob(const QByteArray &blob)
{
    std::vector<float> v(std::size_t(blob.size()) / sizeof(float));
    std::memcpy(v.data(), blob.constData(), v.size() * sizeof(float));
    return v;
}

QVector<ClipKey> EmbeddingStore::studyClips() const
{
    QVector<ClipKey> out;
    QSqlQuery q(m_study.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT track_id, clip_start, clip_length FROM plan_items "
                               "ORDER BY track_id, clip_start, clip_length")))
        return out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble()});
    return out;
}

int EmbeddingStore::invalidate(const QString &encoder, const QString &currentHash)
{
    QSqlDatabase &db = m_study.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM embeddings WHERE encoder = ? AND encoder_hash <> ?"));
    q.addBindValue(encoder);
    q.addBindValue(currentHash);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    const int dropped = q.numRowsAffected();
    QSqlQuery f(db);
    f.prepare(QStringLiteral("DELETE FROM embedding_failures WHERE encoder = ? AND encoder_hash <> ?"));
    f.addBindValue(encoder);
    f.addBindValue(currentHash);
    f.exec();
    return dropped;
}

QSet<ClipKey> EmbeddingStore::cachedClips(const QString &encoder) const
{
    QSet<ClipKey> out;
    QSqlQuery q(m_study.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT track_id, clip_start, clip_length FROM embeddings WHERE encoder = ?"));
    q.addBindValue(encoder);
    if (q.exec())
        while (q.next())
            out.insert({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble()});
    return out;
}

bool EmbeddingStore::store(const QString &encoder, const QString &encoderHash, const QVector<Embedding> &batch)
{
    QSqlDatabase &db = m_study.database();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    if (!insert(encoder, encoderHash, batch)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool EmbeddingStore::insert(const QString &encoder, const QString &encoderHash, const QVector<Embedding> &batch)
{
    QSqlDatabase &db = m_study.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO embeddings(track_id, clip_start, clip_length, encoder, "
                             "encoder_hash, dim, vector, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM embedding_failures WHERE track_id = ? AND clip_start = ? AND "
                                 "clip_length = ? AND encoder = ?"));
    const QString now = StudyDatabase::now();
    for (const Embedding &e : batch) {
        q.addBindValue(e.clip.trackId);
        q.addBindValue(e.clip.startSeconds);
        q.addBindValue(e.clip.lengthSeconds);
        q.addBindValue(encoder);
        q.addBindValue(encoderHash);
        q.addBindValue(int(e.vector.size()));
        q.addBindValue(toBlob(e.vector));
        q.addBindValue(now);
        clear.addBindValue(e.clip.trackId);
        clear.addBindValue(e.clip.startSeconds);
        clear.addBindValue(e.clip.lengthSeconds);
        clear.addBindValue(encoder);
        if (!q.exec() || !clear.exec()) {
            m_error = q.lastError().text().isEmpty() ? clear.lastError().text() : q.lastError().text();
            return false;
        }
    }
    return true;
}

bool EmbeddingStore::storeFailure(const QString &encoder, const QString &encoderHash, const ClipKey &clip,
                                  const QString &reason)
{
    QSqlQuery q(m_study.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO embedding_failures(track_id, clip_start, clip_length, encoder, "
                             "encoder_hash, reason, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(clip.trackId), QVariant(clip.startSeconds), QVariant(clip.lengthSeconds),
                              QVariant(encoder), QVariant(encoderHash), QVariant(reason), QVariant(StudyDatabase::now())})
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QVector<Embedding> EmbeddingStore::embeddings(const QString &encoder) const
{
    QVector<Embedding> out;
    forEach(encoder, true, [&out](const ClipKey &clip, const void *values, std::size_t dim) {
        std::vector<float> v(dim);
        std::memcpy(v.data(), values, dim * sizeof(float));
        out.push_back({clip, std::move(v)});
        return true;
    });
    return out;
}

bool EmbeddingStore::forEach(const QString &encoder, bool ordered, const Visitor &visit) const
{
    const QString sql = QStringLiteral("SELECT track_id, clip_start, clip_length, vector FROM embeddings WHERE encoder = ?")
                        + (ordered ? QStringLiteral(" ORDER BY track_id, clip_start, clip_length") : QString());
    // Qt's QSQLITE driver (the only one a study uses) links the system libsqlite3 this library
    // links too, so its handle can be stepped here, on the connection's own thread.
    const QSqlDatabase db = m_study.database();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    sqlite3 *const connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                                    ? *static_cast<sqlite3 *const *>(handle.constData())
                                    : nullptr;
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (!connection || sqlite3_prepare_v2(connection, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK) {
        m_error = connection ? QString::fromUtf8(sqlite3_errmsg(connection))
                             : QStringLiteral("the study is not an open SQLite database");
        return false;
    }
    const QByteArray name = encoder.toUtf8();
    sqlite3_bind_text(statement, 1, name.constData(), int(name.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const ClipKey clip{sqlite3_column_int64(statement, 0), sqlite3_column_double(statement, 1),
                           sqlite3_column_double(statement, 2)};
        const void *values = sqlite3_column_blob(statement, 3);
        const std::size_t dim = std::size_t(sqlite3_column_bytes(statement, 3)) / sizeof(float);
        if (!visit(clip, values, dim)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(statement);
    return rc == SQLITE_DONE;
}

QVector<QPair<ClipKey, QString>> EmbeddingStore::failures(const QString &encoder) const
{
    QVector<QPair<ClipKey, QString>> out;
    QSqlQuery q(m_study.database());
    q.prepare(QStringLiteral("SELECT track_id, clip_start, clip_length, reason FROM embedding_failures "
                             "WHERE encoder = ? ORDER BY track_id, clip_start"));
    q.addBindValue(encoder);
    if (q.exec())
        while (q.next())
            out.push_back({{q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble()},
                           q.value(3).toString()});
    return out;
}

QVector<EmbeddingSummary> EmbeddingStore::summaries() const
{
    QVector<EmbeddingSummary> out;
    QSqlQuery q(m_study.database());
    if (!q.exec(QStringLiteral(
            "SELECT encoder, encoder_hash, MAX(dim), COUNT(*), "
            "(SELECT COUNT(*) FROM embedding_failures f WHERE f.encoder = e.encoder) "
            "FROM embeddings e GROUP BY encoder, encoder_hash "
            "UNION ALL "
            "SELECT encoder, encoder_hash, 0, 0, COUNT(*) FROM embedding_failures f "
            "WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.encoder = f.encoder) "
            "GROUP BY encoder, encoder_hash ORDER BY 1")))
        return out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(),
                       q.value(4).toInt()});
    return out;
}

} // namespace tastelab
