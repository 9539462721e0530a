// A child process answers clips in a loop and is SIGKILLed at random moments, 20 times. After
// each kill, every answer the child reported as saved must be in the study, the answers must run
// without gaps from the first clip, the file must pass SQLite's integrity check, and the next
// session must resume at the first unanswered clip.

#include "study/participantsession.h"
#include "study/study.h"
#include "../common/teststudy.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedMidAnswerLosesNothingCommitted()
    {
        const QString cli = QStringLiteral(TASTELAB_BINARY_DIR "/app/tastelab-cli");
        QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(cli));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.tastelab"));
        const int clips = 10000; // more than 20 rounds can answer, so every round is killed mid-run
        {
            StudySettings s;
            s.name = QStringLiteral("Crash test");
            s.clipsPerParticipant = clips;
            QString error;
            auto study = Study::create(path, s, &error);
            QVERIFY2(study, qPrintable(error));
            QVERIFY(test::addRowOnlyTracks(*study, clips, 5, 40));
        }

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill moments drawn with seed %u", seed);
        QRandomGenerator rng(seed);
        QHash<int, int> confirmed; // position (1-based) -> value the child reported as saved
        int kills = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess child;
            child.start(cli, {QStringLiteral("simulate"), QStringLiteral("--study"), path,
                              QStringLiteral("--participant"), QStringLiteral("P1"), QStringLiteral("--seed"),
                              QStringLiteral("777")});
            QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
            // Random moments inside the answering loop: the child's start-up time (loading its
            // libraries) varies with the machine's load, so the clock starts at its first answer,
            // except in every fifth round, which may hit the start-up or the plan's creation.
            if (round % 5 != 4)
                child.waitForReadyRead(30000);
            QTest::qWait(int(rng.bounded(round % 5 == 4 ? 300 : 80)));
            if (child.state() == QProcess::Running) {
                child.kill(); // SIGKILL
                ++kills;
                QVERIFY(child.waitForFinished(5000));
            } else {
                QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                         child.readAllStandardError().constData());
            }
            const QStringList lines =
                QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &line : lines) {
                if (line.startsWith(QLatin1String("finished ")))
                    continue; // printed once every page is answered
                const QStringList f = line.split(QLatin1Char(' '));
                QCOMPARE(f.size(), 3);
                QCOMPARE(f[0], QStringLiteral("answered"));
                confirmed.insert(f[1].toInt(), f[2].toInt());
            }

            QString error;
            auto study = Study::open(path, &error);
            QVERIFY2(study, qPrintable(error));
            QSqlQuery check(study->database());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            auto p = study->participant(QStringLiteral("P1"));
            if (!p) {
                QVERIFY2(confirmed.isEmpty(), "answers were reported but the participant is gone");
                continue;
            }
            QCOMPARE(study->plan(p->id).size(), clips); // the plan is all or nothing
            const QVector<Answer> answers = study->answers(p->id);
            for (int i = 0; i < answers.size(); ++i)
                QCOMPARE(answers[i].position, i); // no gaps
            for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it) {
                QVERIFY2(it.key() <= answers.size(), qPrintable(QStringLiteral("answer %1 lost").arg(it.key())));
                QCOMPARE(answers[it.key() - 1].value, it.value());
            }
            // At most the one answer being given when killed is beyond what was reported.
            QVERIFY(answers.size() <= confirmed.size() + 1);
            auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P1"), {}, 0, &error);
            QVERIFY(session);
            QCOMPARE(session->nextPosition(), answers.size());
            // Keep the bookkeeping exact when an unreported answer was committed.
            for (const Answer &a : answers)
                confirmed.insert(a.position + 1, a.value);
        }
        qInfo("%d of 20 rounds killed, %d answers saved", kills, int(confirmed.size()));
        QVERIFY2(kills >= 15, "most rounds must be killed mid-run, else the test proves little");
        QVERIFY2(confirmed.size() > 20, "the child must get some answers in between kills");
        QVERIFY(confirmed.size() < clips);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
