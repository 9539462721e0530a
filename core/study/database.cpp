#include "study/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace tastelab {

namespace {

QString schemaResource(int version)
{
    return QStringLiteral(":/schema/%1.sql").arg(version, 4, 10, QLatin1Char('0'));
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

int StudyDatabase::latestSchema()
{
    static const int latest = [] {
        int v = 0;
        while (QFile::exists(schemaResource(v + 1)))
            ++v;
        return v;
    }();
    return latest;
}

int StudyDatabase::userVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool StudyDatabase::runScript(QSqlDatabase &db, const QString &script, QString *error)
{
    QString cleaned;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const int comment = line.indexOf(QLatin1String("--"));
        cleaned += (comment >= 0 ? line.left(comment) : line) + QLatin1Char('\n');
    }
    const QStringList statements = cleaned.split(QLatin1Char(';'));
    for (const QString &statement : statements) {
        const QString s = statement.trimmed();
        if (s.isEmpty())
            continue;
        QString why;
        if (!exec(db, s, &why)) {
            if (error)
                *error = QStringLiteral("%1 (in: %2)").arg(why, s.left(80));
            return false;
        }
    }
    return true;
}

StudyDatabase::MigrationResult StudyDatabase::migrate(QSqlDatabase &db, QString *error, int target)
{
    if (target < 0)
        target = latestSchema();
    const int from = userVersion(db);
    if (from < 0) {
        if (error)
            *error = QCoreApplication::translate("StudyDatabase", "cannot read the schema version (%1)").arg(db.lastError().text());
        return MigrationResult::Failed;
    }
    if (from > latestSchema())
        return MigrationResult::NewerThanApp;
    for (int v = from + 1; v <= target; ++v) {
        QFile file(schemaResource(v));
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("StudyDatabase", "schema step %1 is missing from this build").arg(v);
            return MigrationResult::Failed;
        }
        const QString script = QString::fromUtf8(file.readAll());
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return MigrationResult::Failed;
        }
        QString why;
        if (!runScript(db, script, &why)
            || !exec(db, QStringLiteral("PRAGMA user_version = %1").arg(v), &why)) {
            db.rollback();
            if (error)
                *error = QCoreApplication::translate("StudyDatabase", "upgrading to schema %1 failed: %2").arg(v).arg(why);
            return MigrationResult::Failed;
        }
        if (!db.commit()) {
            const QString why2 = db.lastError().text();
            db.rollback();
            if (error)
                *error = QCoreApplication::translate("StudyDatabase", "upgrading to schema %1 failed: %2").arg(v).arg(why2);
            return MigrationResult::Failed;
        }
    }
    return from >= target ? MigrationResult::UpToDate : MigrationResult::Migrated;
}

/// Checks that db is a Tastelab study (or empty), sets the pragmas and migrates. Returns the
/// reason on failure.
static QString prepare(QSqlDatabase &db, bool hadContent)
{
    QString why;
    // Reading the schema first tells a non-database file apart before anything is written.
    {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return QCoreApplication::translate("StudyDatabase", "not a Tastelab study file (%1)").arg(probe.lastError().text());
    }
    const int version = StudyDatabase::userVersion(db);
    if (hadContent && version == 0)
        return QCoreApplication::translate("StudyDatabase", "not a Tastelab study file (an SQLite database without Tastelab's tables)");
    if (version > StudyDatabase::latestSchema())
        return QCoreApplication::translate("StudyDatabase", "was written by a newer version of Tastelab (study format %1; this version reads up to "
                  "%2). Update Tastelab to open it; the file was not changed.")
            .arg(version)
            .arg(StudyDatabase::latestSchema());
    if (!exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &why)
        || !exec(db, QStringLiteral("PRAGMA synchronous = FULL"), &why)
        || !exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &why))
        return QCoreApplication::translate("StudyDatabase", "cannot set up the database: %1").arg(why);
    switch (StudyDatabase::migrate(db, &why)) {
    case StudyDatabase::MigrationResult::UpToDate:
    case StudyDatabase::MigrationResult::Migrated:
        return QString();
    case StudyDatabase::MigrationResult::NewerThanApp:
        return QCoreApplication::translate("StudyDatabase", "was written by a newer version of Tastelab");
    case StudyDatabase::MigrationResult::Failed:
        break;
    }
    return why;
}

QSqlDatabase StudyDatabase::open(const QString &path, bool create, QString *error)
{
    static std::atomic<quint64> counter{0};
    auto fail = [&](const QString &reason, const QString &connection = QString()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), reason);
        if (!connection.isEmpty())
            close(connection);
        return QSqlDatabase();
    };

    const QFileInfo info(path);
    const bool existed = info.exists();
    if (!create && !existed)
        return fail(QCoreApplication::translate("StudyDatabase", "study file not found (was it moved or deleted?)"));
    if (existed && info.isDir())
        return fail(QCoreApplication::translate("StudyDatabase", "is a folder, not a study file"));
    if (!QFileInfo(info.absolutePath()).exists())
        return fail(QCoreApplication::translate("StudyDatabase", "the folder does not exist"));
    if (existed && !info.isWritable())
        return fail(QCoreApplication::translate("StudyDatabase", "the file is read-only; Tastelab saves every answer as it is given, so it needs a "
                       "writable study file (copy it to a writable folder)"));
    if (!QFileInfo(info.absolutePath()).isWritable())
        return fail(QCoreApplication::translate("StudyDatabase", "the folder is read-only; Tastelab needs to write the study file and its journal there"));

    const QString name = QStringLiteral("tastelab-%1").arg(++counter);
    QString reason;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(info.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        reason = db.open() ? prepare(db, existed && info.size() > 0) : QCoreApplication::translate("StudyDatabase", "cannot open: %1").arg(db.lastError().text());
    }
    if (!reason.isEmpty())
        return fail(reason, name);
    return QSqlDatabase::database(name, false);
}

void StudyDatabase::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString StudyDatabase::now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QDateTime StudyDatabase::time(const QVariant &stored)
{
    if (stored.isNull())
        return QDateTime();
    QDateTime t = QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace tastelab
