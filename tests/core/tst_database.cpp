#include "study/database.h"
#include "study/study.h"
#include "../common/teststudy.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace tastelab;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool hasColumn(QSqlDatabase &db, const QString &table, const QString &column)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next())
        if (q.value(1).toString() == column)
            return true;
    return false;
}

/// A fresh in-memory connection, removed when the scope ends.
struct MemoryDb {
    QString name = QStringLiteral("mem-%1").arg(quintptr(this));
    QSqlDatabase db;
    MemoryDb()
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        db.open();
    }
    ~MemoryDb()
    {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freshDatabaseReachesLatest()
    {
        MemoryDb m;
        QVERIFY(StudyDatabase::latestSchema() >= 2);
        QString error;
        QCOMPARE(StudyDatabase::migrate(m.db, &error), StudyDatabase::MigrationResult::Migrated);
        QCOMPARE(StudyDatabase::userVersion(m.db), StudyDatabase::latestSchema());
        QVERIFY(hasColumn(m.db, QStringLiteral("plan_items"), QStringLiteral("repeat_of")));
        QVERIFY(hasColumn(m.db, QStringLiteral("import_issues"), QStringLiteral("reason")));
        // Version 5: answers have a source (survey, or feedback from the recommendation list).
        QVERIFY(StudyDatabase::latestSchema() >= 5);
        QVERIFY(hasColumn(m.db, QStringLiteral("answers"), QStringLiteral("source")));
        QCOMPARE(StudyDatabase::migrate(m.db, &error), StudyDatabase::MigrationResult::UpToDate);
    }

    void oldCommittedDatabaseIsUpgradedWithRowsIntact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pilot.tastelab"));
        QVERIFY(QFile::copy(QStringLiteral(TASTELAB_TEST_DATA "/schema-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QString error;
        auto study = Study::open(path, &error);
        QVERIFY2(study, qPrintable(error));
        QCOMPARE(StudyDatabase::userVersion(study->database()), StudyDatabase::latestSchema());
        QCOMPARE(study->studyId(), QStringLiteral("0b7c3f4e-2a51-4c2e-9d7e-5f7f0e1d2c3b"));
        QCOMPARE(study->settings().name, QStringLiteral("Pilot v1"));
        QCOMPARE(study->tracks().size(), 3);
        QCOMPARE(study->tracks().at(1).genre, QStringLiteral("jazz"));
        const auto p = study->participant(QStringLiteral("P01"));
        QVERIFY(p);
        QCOMPARE(p->seed, quint64(12345));
        QCOMPARE(p->demographics.value(QStringLiteral("age")).toInt(), 29);
        const QVector<Clip> plan = study->plan(p->id);
        QCOMPARE(plan.size(), 3);
        for (const Clip &c : plan)
            QCOMPARE(c.repeatOf, -1); // the new column's default
        const QVector<Answer> answers = study->answers(p->id);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers[0].value, 1);
        QCOMPARE(answers[0].responseMs, qint64(10450));
        QCOMPARE(answers[1].replays, 1);
        QCOMPARE(answers[1].answeredAt, QDateTime(QDate(2026, 10, 1), QTime(10, 0, 25), Qt::UTC));
        for (const Answer &a : answers)
            QCOMPARE(a.source, QStringLiteral("survey")); // schema 5's default for older answers
        QCOMPARE(study->answers(p->id, AnswerSources::All).size(), 2);
        QVERIFY(study->importIssues().isEmpty());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.tastelab"));
        QVERIFY(QFile::copy(QStringLiteral(TASTELAB_TEST_DATA "/schema-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            MemoryDb holder; // keeps connection bookkeeping simple
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(StudyDatabase::latestSchema() + 1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const QByteArray before = fileHash(path);
        QString error;
        QVERIFY(!Study::open(path, &error));
        QVERIFY2(error.contains(QLatin1String("newer version of Tastelab")), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(fileHash(path), before);

        MemoryDb m;
        QSqlQuery(m.db).exec(QStringLiteral("PRAGMA user_version = %1").arg(StudyDatabase::latestSchema() + 1));
        QCOMPARE(StudyDatabase::migrate(m.db), StudyDatabase::MigrationResult::NewerThanApp);
    }

    void brokenStepRollsBack()
    {
        MemoryDb m;
        QString error;
        QCOMPARE(StudyDatabase::migrate(m.db, &error, 1), StudyDatabase::MigrationResult::Migrated);
        QCOMPARE(StudyDatabase::userVersion(m.db), 1);
        // A table in the way makes step 2 fail after its first statement succeeded.
        QVERIFY(QSqlQuery(m.db).exec(QStringLiteral("CREATE TABLE import_issues(x)")));
        QCOMPARE(StudyDatabase::migrate(m.db, &error), StudyDatabase::MigrationResult::Failed);
        QVERIFY2(error.contains(QLatin1String("schema 2")), qPrintable(error));
        QCOMPARE(StudyDatabase::userVersion(m.db), 1);
        QVERIFY2(!hasColumn(m.db, QStringLiteral("plan_items"), QStringLiteral("repeat_of")),
                 "the ALTER TABLE of the failed step was rolled back");
    }

    void badFilesAreRefusedWithReasons()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Study::open(dir.filePath(QStringLiteral("missing.tastelab")), &error));
        QVERIFY2(error.contains(QLatin1String("missing.tastelab")) && error.contains(QLatin1String("not found")),
                 qPrintable(error));

        const QString text = dir.filePath(QStringLiteral("notes.tastelab"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, just some notes\n").repeated(200));
        f.close();
        const QByteArray before = fileHash(text);
        QVERIFY(!Study::open(text, &error));
        QVERIFY2(error.contains(QLatin1String("not a Tastelab study")), qPrintable(error));
        QCOMPARE(fileHash(text), before);

        QVERIFY(!Study::create(text, StudySettings(), &error)); // no name, and exists
        QVERIFY(!error.isEmpty());
        QCOMPARE(fileHash(text), before);
    }

    void fullDiskIsReportedAndNothingHalfWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("full.tastelab"));
        StudySettings s;
        s.name = QStringLiteral("Full disk");
        s.clipsPerParticipant = 400;
        QString error;
        auto study = Study::create(path, s, &error);
        QVERIFY2(study, qPrintable(error));
        QVERIFY(test::addRowOnlyTracks(*study, 400, 1, 30));
        auto p = study->createParticipant(QStringLiteral("P1"), 1, {});
        QVERIFY(p);
        const QVector<Clip> plan = study->plan(p->id);
        // SQLite's limit on the file's size gives the same SQLITE_FULL error as a full disk.
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toInt())));
        int saved = 0;
        QString reason;
        for (const Clip &c : plan) {
            Answer a;
            a.participantId = p->id;
            a.position = c.position;
            a.trackId = c.trackId;
            a.clipStart = c.startSeconds;
            a.clipLength = c.lengthSeconds;
            a.scale = AnswerScale::LikeDislike;
            a.value = c.position % 2;
            a.responseMs = 1000 + c.position;
            if (!study->recordAnswer(a)) {
                reason = study->lastError();
                break;
            }
            ++saved;
        }
        QVERIFY2(saved < plan.size(), "the size limit was never reached");
        QVERIFY2(reason.contains(QLatin1String("full")) && reason.contains(path)
                     && reason.contains(QLatin1String("not saved")),
                 qPrintable(reason));
        study.reset();
        auto again = Study::open(path, &error);
        QVERIFY2(again, qPrintable(error));
        const QVector<Answer> kept = again->answers(p->id);
        QCOMPARE(kept.size(), saved);
        for (int i = 0; i < kept.size(); ++i) {
            QCOMPARE(kept[i].position, i);
            QCOMPARE(kept[i].value, i % 2);
        }
    }

    void readOnlyFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.tastelab"));
        StudySettings s;
        s.name = QStringLiteral("Read-only");
        QString error;
        QVERIFY(Study::create(path, s, &error));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        if (::geteuid() == 0)
            QSKIP("running as root, which may write to read-only files; tst_cli checks this as an "
                  "unprivileged user");
        QVERIFY(!Study::open(path, &error));
        QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
