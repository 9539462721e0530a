#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace tastelab {

/// Opening study files and migrating their schema.
///
/// Every thread uses its own connection (QSqlDatabase objects must not cross threads): call
/// StudyDatabase::open() on the thread that will use the connection, and close() there.
/// Connections use WAL, foreign_keys=ON, synchronous=FULL (an answer that was committed survives
/// a power cut) and a busy timeout.
class StudyDatabase {
public:
    /// The highest schema version this build reads and writes (resources/schema/NNNN.sql).
    static int latestSchema();

    enum class MigrationResult { UpToDate, Migrated, NewerThanApp, Failed };

    /// Applies the numbered migrations after PRAGMA user_version up to target, each in one
    /// transaction. On failure the failing step is rolled back and *error says why.
    static MigrationResult migrate(QSqlDatabase &db, QString *error = nullptr, int target = -1);

    /// PRAGMA user_version.
    static int userVersion(QSqlDatabase &db);

    /// Opens (and with create, creates) the study file at path under a connection name unique
    /// to this call, migrates it, and returns it open. On failure returns an invalid/closed
    /// database and *error names the file and the reason: missing file, not a database, a file
    /// from a newer Tastelab, read-only location, full disk.
    static QSqlDatabase open(const QString &path, bool create, QString *error);

    /// Closes and removes the named connection (call on the thread that opened it, after every
    /// QSqlQuery on it is gone).
    static void close(const QString &connectionName);

    /// Runs ;-separated statements of script (comments with -- allowed). Returns false with
    /// *error on the first failing statement.
    static bool runScript(QSqlDatabase &db, const QString &script, QString *error);

    /// Times are stored as ISO 8601 UTC text with milliseconds: the current time in that form,
    static QString now();
    /// and a stored time read back (NULL: an invalid QDateTime).
    static QDateTime time(const QVariant &stored);
};

} // namespace tastelab
