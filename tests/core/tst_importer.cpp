#include "study/importer.h"
#include "study/study.h"
#include "../common/testaudio.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;
using namespace tastelab::test;

namespace {

QString createStudy(const QString &dir, const QString &name = QStringLiteral("study.tastelab"))
{
    StudySettings s;
    s.name = QStringLiteral("Import test");
    QString error;
    const QString path = QDir(dir).filePath(name);
    if (!Study::create(path, s, &error))
        qWarning() << error;
    return path;
}

QString reasonFor(const ImportReport &r, const QString &fileName)
{
    for (const ImportIssue &i : r.issues)
        if (QFileInfo(i.path).fileName() == fileName)
            return i.reason;
    return QString();
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodFilesImportedBadFilesReported()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        writeTone(music + QStringLiteral("/rock/anthem.flac"), 15, 220,
                  {"Anthem", "The Testers", "ignored-genre-tag"});
        writeTone(music + QStringLiteral("/jazz/blue.wav"), 14, 330);
        writeTone(music + QStringLiteral("/jazz/late/night.ogg"), 13, 440, {"Night", "Quartet", ""});
        QFile::copy(music + QStringLiteral("/rock/anthem.flac"), music + QStringLiteral("/rock/zz anthem (copy).flac"));
        // The bad ones.
        writeTone(music + QStringLiteral("/rock/corrupt.flac"), 15, 550);
        corruptMiddle(music + QStringLiteral("/rock/corrupt.flac"));
        writeTone(music + QStringLiteral("/rock/truncated.wav"), 15, 660);
        truncateFile(music + QStringLiteral("/rock/truncated.wav"));
        writeBytes(music + QStringLiteral("/rock/empty.flac"), QByteArray());
        writeBytes(music + QStringLiteral("/rock/notes.mp3"), QByteArray("shopping list: milk, eggs\n").repeated(100));
        writeTone(music + QStringLiteral("/rock/short.wav"), 2, 770);
        writeBytes(music + QStringLiteral("/rock/cover.jpg"), QByteArray("\xff\xd8\xff\xe0 not really", 15));

        const QString study = createStudy(dir.path());
        QVector<int> progress;
        const ImportReport r = Importer::run({study, music, QString()}, [&](int done, int total, const QString &) {
            progress << done;
            return done <= total;
        });
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.candidates, 10);
        QCOMPARE(r.added, 3);
        QCOMPARE(r.duplicates, 1);
        QCOMPARE(r.issues.size(), 7);
        QVERIFY(!progress.isEmpty() && progress.last() == 10);

        const QString text = r.toText();
        QVERIFY2(text.startsWith(QLatin1String("10 files looked at: 3 added, 1 duplicates skipped, 6 not imported")),
                 qPrintable(text));
        const struct {
            const char *file;
            const char *reason;
        } expected[] = {
            {"corrupt.flac", "corrupt"},          {"truncated.wav", "truncated"},
            {"empty.flac", "empty"},              {"notes.mp3", "not a supported audio file"},
            {"short.wav", "too short: 2.0 s"},    {"cover.jpg", "unsupported file type (.jpg)"},
            {"zz anthem (copy).flac", "duplicate"},
        };
        for (const auto &e : expected) {
            const QString reason = reasonFor(r, QLatin1String(e.file));
            QVERIFY2(reason.contains(QLatin1String(e.reason)),
                     qPrintable(QStringLiteral("%1: '%2'").arg(QLatin1String(e.file), reason)));
            QVERIFY(text.contains(QLatin1String(e.file)));
        }

        QString error;
        auto s = Study::open(study, &error);
        QVERIFY(s);
        QCOMPARE(s->importIssues().size(), 7);
        const QVector<Track> tracks = s->tracks();
        QCOMPARE(tracks.size(), 3);
        QHash<QString, Track> byName;
        for (const Track &t : tracks)
            byName.insert(QFileInfo(t.path).fileName(), t);
        QCOMPARE(byName[QStringLiteral("anthem.flac")].genre, QStringLiteral("rock"));   // parent folder
        QCOMPARE(byName[QStringLiteral("anthem.flac")].title, QStringLiteral("Anthem")); // tag
        QCOMPARE(byName[QStringLiteral("anthem.flac")].artist, QStringLiteral("The Testers"));
        QCOMPARE(byName[QStringLiteral("blue.wav")].title, QStringLiteral("blue"));        // file name
        QCOMPARE(byName[QStringLiteral("blue.wav")].artist, QStringLiteral("Unknown artist"));
        QCOMPARE(byName[QStringLiteral("night.ogg")].genre, QStringLiteral("late"));
        QVERIFY(qAbs(byName[QStringLiteral("blue.wav")].durationSeconds - 14.0) < 0.01);
        QCOMPARE(byName[QStringLiteral("blue.wav")].contentHash.size(), 64);

        // Importing again adds nothing: everything is a duplicate now.
        const ImportReport again = Importer::run({study, music, QString()});
        QCOMPARE(again.added, 0);
        QCOMPARE(again.duplicates, 4);
    }

    void manifestGivesGenreTitleArtist()
    {
        QTemporaryDir dir;
        writeTone(dir.filePath(QStringLiteral("a/one.flac")), 12, 300, {"Tagged title", "Tagged artist", ""});
        writeTone(dir.filePath(QStringLiteral("b/two.wav")), 12, 400);
        writeBytes(dir.filePath(QStringLiteral("list.csv")),
                   "title,path,artist,genre\n"
                   "\"Hello, \"\"World\"\"\",a/one.flac,Someone,pop\n"
                   ",b/two.wav,,\n"
                   "Gone,c/missing.flac,X,rock\n");
        const QString study = createStudy(dir.path());
        const ImportReport r = Importer::run({study, QString(), dir.filePath(QStringLiteral("list.csv"))});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.added, 2);
        QCOMPARE(r.issues.size(), 1);
        QVERIFY(reasonFor(r, QStringLiteral("missing.flac")).contains(QLatin1String("not found")));
        QString error;
        auto s = Study::open(study, &error);
        const QVector<Track> t = s->tracks();
        QCOMPARE(t[0].title, QStringLiteral("Hello, \"World\""));
        QCOMPARE(t[0].artist, QStringLiteral("Someone"));
        QCOMPARE(t[0].genre, QStringLiteral("pop"));
        QCOMPARE(t[1].title, QStringLiteral("two"));  // no title: file name
        QCOMPARE(t[1].genre, QStringLiteral("b"));    // no genre: parent folder

        writeBytes(dir.filePath(QStringLiteral("bad.csv")), "file;kind\nx;y\n");
        const ImportReport bad = Importer::run({study, QString(), dir.filePath(QStringLiteral("bad.csv"))});
        QVERIFY2(bad.error.contains(QLatin1String("bad.csv")) && bad.error.contains(QLatin1String("'path'")),
                 qPrintable(bad.error));
    }

    void serviceReportsProgressAndCancels()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 24; ++i)
            writeTone(music + QStringLiteral("/g%1/t%2.wav").arg(i % 3).arg(i), 11.5, 200 + 10 * i);
        const QString study = createStudy(dir.path());

        ImportService service;
        QSignalSpy progressed(&service, &ImportService::progressed);
        QSignalSpy finished(&service, &ImportService::finished);
        const quint64 job = service.start({study, music, QString()});
        QVERIFY(service.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toULongLong(), job);
        const auto report = finished.first().at(1).value<ImportReport>();
        QCOMPARE(report.added, 24);
        QVERIFY(!report.cancelled);
        QVERIFY(progressed.size() >= 1);
        QCOMPARE(progressed.last().at(1).toInt(), 24);
        QVERIFY(!service.isRunning());

        // Cancelled before the first batch finished: stops after it, and what was added stays.
        const QString study2 = createStudy(dir.path(), QStringLiteral("second.tastelab"));
        finished.clear();
        const quint64 job2 = service.start({study2, music, QString()});
        service.cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toULongLong(), job2);
        const auto cancelled = finished.first().at(1).value<ImportReport>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.added < 24);
        QString error;
        QCOMPARE(Study::open(study2, &error)->tracks().size(), cancelled.added);

        // A job started while another runs supersedes it: only the newer one reports.
        const QString study3 = createStudy(dir.path(), QStringLiteral("third.tastelab"));
        finished.clear();
        service.start({study3, music, QString()});
        const quint64 job4 = service.start({study3, music, QString()});
        QVERIFY(finished.wait(60000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toULongLong(), job4);
    }

    void unusableStudyIsAnError()
    {
        QTemporaryDir dir;
        const ImportReport r = Importer::run({dir.filePath(QStringLiteral("nope.tastelab")), dir.path(), QString()});
        QVERIFY2(r.error.contains(QLatin1String("nope.tastelab")), qPrintable(r.error));
        const QString study = createStudy(dir.path());
        const ImportReport r2 = Importer::run({study, dir.filePath(QStringLiteral("no-folder")), QString()});
        QVERIFY2(r2.error.contains(QLatin1String("no-folder")) && r2.error.contains(QLatin1String("not a folder")),
                 qPrintable(r2.error));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
