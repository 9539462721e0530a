// tastelab-cli end to end: create, import, plan, simulate, status, export, merge, relocate, and the
// messages for files it must refuse.

#include "study/study.h"
#include "../common/testaudio.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace tastelab;

namespace {

struct Result {
    int code = -1;
    QString out;
    QString err;
};

Result runCli(const QStringList &args, const QStringList &wrapper = {})
{
    const QString cli = QStringLiteral(TASTELAB_BINARY_DIR "/app/tastelab-cli");
    QProcess p;
    if (wrapper.isEmpty())
        p.start(cli, args);
    else
        p.start(wrapper.first(), wrapper.mid(1) + QStringList{cli} + args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeWorkflow()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 6; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.flac").arg(i % 2 ? "jazz" : "rock").arg(i), 6 + i, 200 + 50 * i);
        test::writeBytes(music + QStringLiteral("/rock/broken.flac"), "not audio");
        const QString study = dir.filePath(QStringLiteral("s.tastelab"));

        Result r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                           QStringLiteral("CLI study"), QStringLiteral("--clip-seconds"), QStringLiteral("4"),
                           QStringLiteral("--clips"), QStringLiteral("4"), QStringLiteral("--scale"),
                           QStringLiteral("likert5"), QStringLiteral("--repeats"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"), QStringLiteral("x")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("exists already")), qPrintable(r.err));

        r = runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("7 files looked at: 6 added")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("broken.flac: ")));

        r = runCli({QStringLiteral("plan"), QStringLiteral("--study"), study, QStringLiteral("--dry-run"),
                    QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray preview = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("clips")).toArray();
        QCOMPARE(preview.size(), 5); // 4 clips + 1 repeat

        r = runCli({QStringLiteral("plan"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("P1"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("clips")).toArray(), preview);

        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("P1"), QStringLiteral("--like-genre"), QStringLiteral("jazz")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1String("answered")), 5);

        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("P1: 5/5 finished, consistency 1.00")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("jazz: 3")));

        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const QString json = dir.filePath(QStringLiteral("out.json"));
        r = runCli({QStringLiteral("export"), QStringLiteral("--study"), study, QStringLiteral("--out"), csv,
                    QStringLiteral("--out"), json});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 6);
        for (const QString &row : rows.mid(1))
            QVERIFY2(row.contains(QLatin1String("/jazz/")) ? row.contains(QLatin1String(",likert5,5,"))
                                                            : row.contains(QLatin1String(",likert5,1,")),
                     qPrintable(row));
        QVERIFY(QFileInfo(json).size() > 100);

        // A second station: a copy with another participant, merged back.
        const QString station = dir.filePath(QStringLiteral("station.tastelab"));
        QVERIFY(QFile::copy(study, station));
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), station, QStringLiteral("--participant"),
                    QStringLiteral("P2"), QStringLiteral("--count"), QStringLiteral("3")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("1 participants added, 3 answers added, 5 answers already present")),
                 qPrintable(r.out));

        // The music folder moves: status says so, relocate fixes it.
        const QString moved = dir.filePath(QStringLiteral("elsewhere/music"));
        QDir().mkpath(dir.filePath(QStringLiteral("elsewhere")));
        QVERIFY(QDir().rename(music, moved));
        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("missing files: 6")), qPrintable(r.out));
        r = runCli({QStringLiteral("relocate"), QStringLiteral("--study"), study, QStringLiteral("--music-root"), moved});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("6 tracks found, 0 missing")), qPrintable(r.out + r.err));
    }

    void qualityAndBuiltinCatch()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 6; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.flac").arg(i % 2 ? "jazz" : "rock").arg(i), 6 + i, 200 + 50 * i);
        const QString study = dir.filePath(QStringLiteral("q.tastelab"));
        Result r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                           QStringLiteral("Quality"), QStringLiteral("--clip-seconds"), QStringLiteral("4"),
                           QStringLiteral("--clips"), QStringLiteral("4"), QStringLiteral("--repeats"),
                           QStringLiteral("1"), QStringLiteral("--builtin-catch")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("built-in catch clips in")), qPrintable(r.out));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("catch/press-dislike.wav"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("catch/press-like.wav"))));
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music}).code, 0);
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("P1"), QStringLiteral("--like-genre"), QStringLiteral("jazz")});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        r = runCli({QStringLiteral("quality"), QStringLiteral("--study"), study, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(root.value(QStringLiteral("rules")).toString().contains(QLatin1String("exclusion rules: none")));
        const QJsonArray people = root.value(QStringLiteral("participants")).toArray();
        QCOMPARE(people.size(), 1);
        const QJsonObject p1 = people.at(0).toObject();
        QCOMPARE(p1.value(QStringLiteral("participant")).toString(), QStringLiteral("P1"));
        QCOMPARE(p1.value(QStringLiteral("answers")).toInt(), 5 + 2); // 4 clips, 1 repeat, the 2 built-in catch clips
        QCOMPARE(p1.value(QStringLiteral("catch_total")).toInt(), 2);
        QCOMPARE(p1.value(QStringLiteral("catch_accuracy")).toDouble(), 1.0); // simulate answers catch clips right
        QCOMPARE(p1.value(QStringLiteral("repeat_pairs")).toInt(), 1);
        QCOMPARE(p1.value(QStringLiteral("agreement")).toDouble(), 1.0); // the rule-following simulation agrees
        QCOMPARE(p1.value(QStringLiteral("excluded")).toBool(), false);
        r = runCli({QStringLiteral("quality"), QStringLiteral("--study"), study});
        QVERIFY2(r.code == 0 && r.out.startsWith(QLatin1String("rules: ")), qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("\nP1\t7\t2/2\t")), qPrintable(r.out));
    }

    void simulatesEveryPage()
    {
        // A study file with consent, calibration, practice, questionnaires before / between blocks /
        // at the end, and catch clips: simulate walks every page, so each participant is finished,
        // and the quality report has their catch accuracy.
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 8; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.flac").arg(i % 2 ? "jazz" : "rock").arg(i), 6, 200 + 40 * i);
        test::writeTone(dir.filePath(QStringLiteral("catch/low.wav")), 2, 150);
        test::writeTone(dir.filePath(QStringLiteral("catch/high.wav")), 2, 900);
        const QString yaml = dir.filePath(QStringLiteral("sim.study.yaml"));
        test::writeBytes(yaml, "name: Simulated\n"
                               "clipSeconds: 3\n"
                               "scale: likert5\n"
                               "pages:\n"
                               "  consent: I agree to take part.\n"
                               "  calibration:\n"
                               "    enabled: true\n"
                               "  practice:\n"
                               "    clips: 1\n"
                               "questionnaires:\n"
                               "  - id: background\n"
                               "    placement: before\n"
                               "    questions:\n"
                               "      - {id: training, type: single, text: Musical training, options: [none, some, lots]}\n"
                               "      - {id: listening, type: multiple, text: Where do you listen, options: [home, car, work]}\n"
                               "  - id: break\n"
                               "    placement: between-blocks\n"
                               "    questions:\n"
                               "      - {id: tired, type: likert, text: How tired are you, points: 7}\n"
                               "  - id: end\n"
                               "    placement: end\n"
                               "    questions:\n"
                               "      - {id: comments, type: text, text: Comments}\n"
                               "design:\n"
                               "  clipsPerParticipant: 4\n"
                               "  blocks: genre\n"
                               "  catchClips:\n"
                               "    - id: press-1\n"
                               "      file: catch/low.wav\n"
                               "      expected: 1\n"
                               "    - id: press-5\n"
                               "      file: catch/high.wav\n"
                               "      expected: 5\n");
        const QString study = dir.filePath(QStringLiteral("sim.tastelab"));
        Result r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--study-file"), yaml});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music}).code, 0);

        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"), QStringLiteral("P1"),
                    QStringLiteral("--catch-accuracy"), QStringLiteral("2")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--catch-accuracy must be a number from 0 to 1")), qPrintable(r.err));

        const QStringList codes{QStringLiteral("P1"), QStringLiteral("P2"), QStringLiteral("P3")};
        QString firstRun;
        for (const QString &code : codes) {
            QStringList args{QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"), code,
                             QStringLiteral("--seed"), QString::number(40 + code.back().digitValue())};
            if (code == QLatin1String("P3"))
                args << QStringLiteral("--catch-accuracy") << QStringLiteral("0");
            r = runCli(args);
            QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
            const QStringList out = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            // The pages in the survey's order.
            QCOMPARE(out.value(0), QStringLiteral("consent accepted"));
            QCOMPARE(out.value(1), QStringLiteral("calibration done"));
            QVERIFY2(out.value(2).startsWith(QLatin1String("practice 1 ")), qPrintable(r.out));
            QCOMPARE(out.value(3), QStringLiteral("questionnaire background 2 answers"));
            QVERIFY2(out.filter(QStringLiteral("questionnaire break after block 1 1 answers")).size() == 1, qPrintable(r.out));
            QCOMPARE(out.value(out.size() - 2), QStringLiteral("questionnaire end 1 answers"));
            QCOMPARE(out.last(), QStringLiteral("finished ") + code);
            QCOMPARE(out.filter(QRegularExpression(QStringLiteral("^answered \\d \\d$"))).size(), 4);
            const QStringList catches = out.filter(QRegularExpression(QStringLiteral("^catch ")));
            QCOMPARE(catches.size(), 2);
            for (const QString &c : catches) {
                const QStringList f = c.split(QLatin1Char(' ')); // catch ID VALUE expected E
                QCOMPARE(f.size(), 5);
                if (code == QLatin1String("P3"))
                    QVERIFY2(f[2] != f[4], qPrintable(c));
                else
                    QCOMPARE(f[2], f[4]);
                QVERIFY(f[2].toInt() >= 1 && f[2].toInt() <= 5);
            }
            if (code == QLatin1String("P1"))
                firstRun = r.out;
            // A finished participant: simulating again answers nothing.
            r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"), code});
            QVERIFY2(r.code == 0 && r.out == QStringLiteral("finished %1\n").arg(code), qPrintable(r.out + r.err));
        }

        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), study});
        for (const QString &code : codes)
            QVERIFY2(r.out.contains(QStringLiteral("  %1: 4/4 finished").arg(code)), qPrintable(r.out));

        // The rows, straight from the database.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sim"));
            db.setDatabaseName(study);
            QVERIFY(db.open());
            QSqlQuery q(db);
            auto count = [&](const QString &sql) {
                if (!q.exec(sql) || !q.next())
                    return -1;
                return q.value(0).toInt();
            };
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM participants WHERE finished_at IS NOT NULL")), 3);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM answers")), 3 * 4);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM extra_answers WHERE kind = 'catch'")), 3 * 2);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM extra_answers WHERE kind = 'practice'")), 3);
            // background: 2 questions, break (after block 1 of 2): 1, end: 1.
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM questionnaire_answers")), 3 * 4);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM participant_events WHERE kind = 'consent'")), 3);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM participant_events WHERE kind = 'calibration'")), 3);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM participant_events WHERE kind = 'questionnaire-done'")), 3 * 3);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("sim"));

        r = runCli({QStringLiteral("quality"), QStringLiteral("--study"), study, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray people = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("participants")).toArray();
        QCOMPARE(people.size(), 3);
        for (const QJsonValue &v : people) {
            const QJsonObject o = v.toObject();
            const bool p3 = o.value(QStringLiteral("participant")).toString() == QLatin1String("P3");
            QCOMPARE(o.value(QStringLiteral("answers")).toInt(), 4 + 2); // the quality summary counts catch answers
            QCOMPARE(o.value(QStringLiteral("practice_answers")).toInt(), 1);
            QCOMPARE(o.value(QStringLiteral("catch_total")).toInt(), 2);
            QCOMPARE(o.value(QStringLiteral("catch_correct")).toInt(), p3 ? 0 : 2);
            QCOMPARE(o.value(QStringLiteral("catch_accuracy")).toDouble(), p3 ? 0.0 : 1.0);
        }
        r = runCli({QStringLiteral("quality"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("\nP1\t6\t2/2\t")) && r.out.contains(QLatin1String("\nP3\t6\t0/2\t")), qPrintable(r.out));

        // The same seed gives the same answers (a new study, the same file and library).
        const QString again = dir.filePath(QStringLiteral("again.tastelab"));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--study"), again, QStringLiteral("--study-file"), yaml}).code, 0);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), again, QStringLiteral("--folder"), music}).code, 0);
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), again, QStringLiteral("--participant"), QStringLiteral("P1"),
                    QStringLiteral("--seed"), QStringLiteral("41")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, firstRun);
    }

    void modelsEndToEnd()
    {
        // Two genres, a participant who likes one of them; extract, train, score, evaluate.
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 16; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.wav").arg(i % 2 ? "high" : "low").arg(i), 4.0,
                            i % 2 ? 2000 + 40 * i : 90 + 5 * i);
        const QString study = dir.filePath(QStringLiteral("m.tastelab"));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                         QStringLiteral("M"), QStringLiteral("--clip-seconds"), QStringLiteral("2"), QStringLiteral("--clips"),
                         QStringLiteral("16")}).code, 0);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music}).code, 0);
        for (const char *who : {"A", "B"})
            QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                             QLatin1String(who), QStringLiteral("--seed"), QString::number(int(who[0])),
                             QStringLiteral("--like-genre"), QStringLiteral("high")}).code, 0);
        // The plans' clips only: both participants' own excerpts of the 16 tracks.
        Result r = runCli({QStringLiteral("extract"), QStringLiteral("--study"), study, QStringLiteral("--library-excerpts"),
                           QStringLiteral("0")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("32 extracted")), qPrintable(r.out + r.err));

        r = runCli({QStringLiteral("train"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--variant"), QStringLiteral("n,logreg"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray trained = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(trained.size(), 2);
        QCOMPARE(trained[0].toObject().value(QStringLiteral("model")).toString(), QStringLiteral("clep-n"));
        const int id = trained[0].toObject().value(QStringLiteral("id")).toInt();
        QVERIFY(id > 0);

        // The stored model scores B's excerpts, which A never heard: the liked genre ranks first.
        r = runCli({QStringLiteral("score"), QStringLiteral("--study"), study, QStringLiteral("--model"), QString::number(id)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList ranked = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(ranked.size(), 16);
        int highInTop = 0;
        for (const QString &line : ranked.mid(0, 8))
            highInTop += line.split(QLatin1Char('\t')).value(2) == QLatin1String("high");
        QVERIFY2(highInTop >= 7, qPrintable(r.out));

        // The Results page from the command line: the stored model's confusion matrix and ROC, and
        // the embedding map of A's clips in the model's space.
        r = runCli({QStringLiteral("results"), QStringLiteral("--study"), study, QStringLiteral("--model"),
                    QString::number(id), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject tested = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject testedMetrics = tested.value(QStringLiteral("metrics")).toObject();
        QCOMPARE(testedMetrics.size(), 10);
        for (auto it = testedMetrics.begin(); it != testedMetrics.end(); ++it)
            QCOMPARE(it.value().toDouble(), trained[0].toObject().value(it.key()).toDouble());
        QVERIFY(tested.value(QStringLiteral("roc")).toArray().size() >= 2);
        const QString mapCsv = dir.filePath(QStringLiteral("map.csv"));
        r = runCli({QStringLiteral("map"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--model"), QString::number(id), QStringLiteral("--space"),
                    QStringLiteral("model"), QStringLiteral("--out"), mapCsv});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("CLEP-N space")), qPrintable(r.out + r.err));
        QFile map(mapCsv);
        QVERIFY(map.open(QIODevice::ReadOnly));
        const QStringList mapLines = QString::fromUtf8(map.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(mapLines.first(), QStringLiteral("participant,track_id,clip_start,title,artist,genre,label,answer,probability,x,y"));
        QCOMPARE(mapLines.size(), 1 + 16);
        r = runCli({QStringLiteral("map"), QStringLiteral("--study"), study, QStringLiteral("--space"), QStringLiteral("model"),
                    QStringLiteral("--out"), mapCsv});
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("trained model")), qPrintable(r.err));

        const QString reportDir = dir.filePath(QStringLiteral("report"));
        r = runCli({QStringLiteral("evaluate"), QStringLiteral("--study"), study, QStringLiteral("--variants"),
                    QStringLiteral("pn,p,n"), QStringLiteral("--repeats"), QStringLiteral("2"), QStringLiteral("--epochs"),
                    QStringLiteral("5/5"), QStringLiteral("--json"), QStringLiteral("--report-dir"), reportDir});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject e = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(e.value(QStringLiteral("results")).toArray().size(), 6);
        QCOMPARE(e.value(QStringLiteral("results")).toArray()[0].toObject().value(QStringLiteral("repeats")).toInt(), 2);
        QVERIFY(!e.value(QStringLiteral("friedman")).toArray().isEmpty());
        for (const char *file : {"report.md", "report.html"})
            QVERIFY2(QFileInfo(QDir(reportDir).filePath(QLatin1String(file))).size() > 100, file);

        // Recommendations: C answers 12 of 16 clips; the library excerpts of every track are
        // extracted (3 per track by default), C's models rank the 4 tracks C has not heard.
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                         QStringLiteral("C"), QStringLiteral("--seed"), QStringLiteral("67"), QStringLiteral("--like-genre"),
                         QStringLiteral("high"), QStringLiteral("--count"), QStringLiteral("12")}).code, 0);
        r = runCli({QStringLiteral("extract"), QStringLiteral("--study"), study, QStringLiteral("--library-excerpts"),
                    QStringLiteral("x")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--library-excerpts")), qPrintable(r.err));
        r = runCli({QStringLiteral("extract"), QStringLiteral("--study"), study});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("64 extracted"))
                     && r.out.contains(QLatin1String("48 of them library excerpts")),
                 qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("train"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("C"), QStringLiteral("--variant"), QStringLiteral("pn,n"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray models = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(models.size(), 2);
        const int pn = models[0].toObject().value(QStringLiteral("id")).toInt();
        const int n = models[1].toObject().value(QStringLiteral("id")).toInt();

        const QStringList recommend{QStringLiteral("recommend"), QStringLiteral("--study"), study,
                                    QStringLiteral("--participant"), QStringLiteral("C")};
        r = runCli(recommend + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("model %1 (clep-pn, builtin-features), dislike risk from model %2 (clep-n); "
                                               "4 unheard tracks, 4 listed")
                                    .arg(pn)
                                    .arg(n)),
                 qPrintable(r.err));
        QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(list.value(QStringLiteral("model_id")).toInt(), pn);
        QCOMPARE(list.value(QStringLiteral("safe_model_id")).toInt(), n);
        QCOMPARE(list.value(QStringLiteral("unheard_tracks")).toInt(), 4);
        QCOMPARE(list.value(QStringLiteral("missing_embeddings")).toInt(), 0);
        QJsonArray items = list.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 4);
        double last = 2;
        bool lowSeen = false;
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(QStringLiteral("excerpts")).toInt(), 3);
            QVERIFY(o.value(QStringLiteral("like_probability")).toDouble() <= last);
            last = o.value(QStringLiteral("like_probability")).toDouble();
            QVERIFY(o.value(QStringLiteral("dislike_risk")).isDouble());
            QVERIFY(o.value(QStringLiteral("feedback")).isNull());
            // The liked genre ranks above the other.
            const bool high = o.value(QStringLiteral("genre")).toString() == QLatin1String("high");
            QVERIFY2(!(high && lowSeen), qPrintable(r.out));
            lowSeen = lowSeen || !high;
        }
        const qint64 firstTrack = items[0].toObject().value(QStringLiteral("track_id")).toInteger();

        // The text list, the safe order, filters, playlist and CSV.
        const QString m3u = dir.filePath(QStringLiteral("c.m3u"));
        const QString csv = dir.filePath(QStringLiteral("c.csv"));
        r = runCli(recommend + QStringList{QStringLiteral("--order"), QStringLiteral("safe"), QStringLiteral("--m3u"), m3u,
                                           QStringLiteral("--csv"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        double lastRisk = -1;
        for (int i = 0; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(QLatin1Char('\t'));
            QCOMPARE(f.size(), 6); // rank, score, risk, title, artist, genre
            QCOMPARE(f[0].toInt(), i + 1);
            QVERIFY(f[2].toDouble() >= lastRisk);
            lastRisk = f[2].toDouble();
        }
        QFile playlist(m3u);
        QVERIFY(playlist.open(QIODevice::ReadOnly));
        const QStringList m3uLines = QString::fromUtf8(playlist.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(m3uLines.size(), 1 + 2 * 4);
        QCOMPARE(m3uLines[0], QStringLiteral("#EXTM3U"));
        QVERIFY2(m3uLines[1].startsWith(QLatin1String("#EXTINF:4,")), qPrintable(m3uLines[1]));
        QVERIFY2(m3uLines[2].startsWith(music) && QFileInfo::exists(m3uLines[2]), qPrintable(m3uLines[2]));
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        QVERIFY(table.readLine().startsWith("rank,title,artist,genre,like_probability,dislike_risk,excerpts,path"));
        r = runCli(recommend + QStringList{QStringLiteral("--genre"), QStringLiteral("HIGH"), QStringLiteral("--top"),
                                           QStringLiteral("1"), QStringLiteral("--excerpts"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() <= 1);
        for (const QString &line : lines)
            QCOMPARE(line.split(QLatin1Char('\t')).value(5), QStringLiteral("high"));
        r = runCli(recommend + QStringList{QStringLiteral("--min-score"), QStringLiteral("2")});
        QVERIFY(r.code == 0 && r.out.isEmpty());
        r = runCli(recommend + QStringList{QStringLiteral("--order"), QStringLiteral("worst")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--order is like or safe")), qPrintable(r.err));
        r = runCli({QStringLiteral("recommend"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("nobody")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("m.tastelab: no participant 'nobody'")), qPrintable(r.err));

        // Feedback from the list is saved as an answer and offered for retraining.
        const QStringList feedback{QStringLiteral("feedback"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                                   QStringLiteral("C"), QStringLiteral("--track"), QString::number(firstTrack)};
        r = runCli(feedback);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("give either --like or --not-for-me")), qPrintable(r.err));
        r = runCli(feedback + QStringList{QStringLiteral("--not-for-me")});
        QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("track %1").arg(firstTrack)), qPrintable(r.out + r.err));
        r = runCli(feedback + QStringList{QStringLiteral("--like")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("1 feedback answers since model")), qPrintable(r.out + r.err));
        r = runCli(recommend + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.err.contains(QLatin1String("note: 1 feedback answers since model")), qPrintable(r.err));
        items = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 4);
        for (const QJsonValue &v : items)
            if (v.toObject().value(QStringLiteral("track_id")).toInteger() == firstTrack)
                QCOMPARE(v.toObject().value(QStringLiteral("feedback")).toString(), QStringLiteral("like"));
        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("C: 12/16\n")), qPrintable(r.out)); // feedback is no survey progress
        const QString answers = dir.filePath(QStringLiteral("answers.csv"));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--study"), study, QStringLiteral("--out"), answers}).code, 0);
        QFile exported(answers);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(exported.readAll());
        QCOMPARE(text.count(QLatin1String(",feedback,feedback,")), 1);
        QCOMPARE(text.count(QLatin1String(",survey,clip,")), 16 + 16 + 12);

        // feedback --retrain: the list's model and its CLEP-N are trained again (stored settings),
        // the list ranked again and what moved printed.
        const qint64 lastTrack = items[3].toObject().value(QStringLiteral("track_id")).toInteger();
        const QStringList retrain{QStringLiteral("feedback"), QStringLiteral("--study"), study,
                                  QStringLiteral("--participant"), QStringLiteral("C"), QStringLiteral("--retrain")};
        r = runCli(retrain + QStringList{QStringLiteral("--track"), QString::number(lastTrack), QStringLiteral("--like"),
                                         QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject moved = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(moved.value(QStringLiteral("previous_model_id")).toInt(), pn);
        const int retrained = moved.value(QStringLiteral("model_id")).toInt();
        QVERIFY(retrained > n);
        QCOMPARE(moved.value(QStringLiteral("model")).toString(), QStringLiteral("clep-pn"));
        const QJsonArray newModels = moved.value(QStringLiteral("models")).toArray();
        QCOMPARE(newModels.size(), 2);
        QCOMPARE(newModels[0].toObject().value(QStringLiteral("model")).toString(), QStringLiteral("clep-pn"));
        QCOMPARE(newModels[1].toObject().value(QStringLiteral("model")).toString(), QStringLiteral("clep-n"));
        QCOMPARE(newModels[0].toObject().value(QStringLiteral("id")).toInt(), retrained);
        QCOMPARE(moved.value(QStringLiteral("new_answers")).toInt(), 2); // firstTrack earlier, lastTrack now
        QCOMPARE(moved.value(QStringLiteral("compared")).toInt(), 4);
        QCOMPARE(moved.value(QStringLiteral("rated_tracks")).toInt(), 2);
        QCOMPARE(moved.value(QStringLiteral("new_tracks")).toInt(), 0);
        QCOMPARE(moved.value(QStringLiteral("removed_tracks")).toInt(), 0);
        QCOMPARE(moved.value(QStringLiteral("track_previous_rank")).toInt(), 4);
        QVERIFY(moved.value(QStringLiteral("track_rank")).toInt() >= 1);
        QVERIFY2(moved.value(QStringLiteral("summary")).toString().startsWith(QLatin1String("0 of 2 tracks moved 5 or more")),
                 qPrintable(moved.value(QStringLiteral("summary")).toString()));
        QVERIFY2(moved.value(QStringLiteral("summary")).toString().contains(QLatin1String("2 rated tracks not counted")),
                 qPrintable(moved.value(QStringLiteral("summary")).toString()));
        for (const QJsonValue &v : moved.value(QStringLiteral("top_movers")).toArray()) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("track_id")).toInteger() != firstTrack);
            QVERIFY(o.value(QStringLiteral("track_id")).toInteger() != lastTrack);
            QCOMPARE(o.value(QStringLiteral("rank_change")).toInt(),
                     o.value(QStringLiteral("previous_rank")).toInt() - o.value(QStringLiteral("rank")).toInt());
            QVERIFY(o.value(QStringLiteral("rank_change")).toInt() != 0);
            QVERIFY(qAbs(o.value(QStringLiteral("score_change")).toDouble()
                         - (o.value(QStringLiteral("like_probability")).toDouble()
                            - o.value(QStringLiteral("previous_like_probability")).toDouble()))
                    < 1e-9);
        }
        // The list now uses the new model, which has seen every feedback answer.
        r = runCli(recommend + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.code == 0 && !r.err.contains(QLatin1String("feedback answers since")), qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("model_id")).toInt(), retrained);

        // The text form: the models, the rated track's move, the summary and the movers' table.
        const qint64 secondTrack = items[1].toObject().value(QStringLiteral("track_id")).toInteger();
        r = runCli(retrain + QStringList{QStringLiteral("--track"), QString::number(secondTrack),
                                         QStringLiteral("--not-for-me"), QStringLiteral("--top"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("saved: C finds not for them track %1").arg(secondTrack)),
                 qPrintable(r.out));
        QVERIFY2(lines.value(1).startsWith(QLatin1String("retrained clep-pn (model "))
                     && lines.value(1).contains(QStringLiteral("(1 new since model %1)").arg(retrained)),
                 qPrintable(r.out));
        QVERIFY2(lines.value(2).startsWith(QLatin1String("the rated track: #")), qPrintable(r.out));
        QVERIFY2(lines.value(3).startsWith(QLatin1String("moved: 0 of 1 track moved 5 or more places")), qPrintable(r.out));
        QVERIFY2(lines.size() == 4 || (lines.size() == 6 && lines[4] == QLatin1String("rank\twas\tmoved\tlike\tchange\ttitle\tartist")
                                       && lines[5].split(QLatin1Char('\t')).size() == 7),
                 qPrintable(r.out));
        r = runCli(retrain + QStringList{QStringLiteral("--track"), QString::number(secondTrack),
                                         QStringLiteral("--like"), QStringLiteral("--top"), QStringLiteral("x")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--top")), qPrintable(r.err));
    }

    void studyFileWorkflow()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 12; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.flac").arg(i % 3 ? "jazz" : "rock").arg(i), 8, 200 + 40 * i);
        const QString yaml = dir.filePath(QStringLiteral("s.study.yaml"));
        test::writeBytes(yaml, "name: File study\n"
                               "clipSeconds: 3\n"
                               "design:\n"
                               "  clipsPerParticipant: 5\n"
                               "  blocks: genre\n"
                               "  balancedAssignment: true\n"
                               "  seed: 7\n"
                               "  catchClips:\n"
                               "    - id: press-like\n"
                               "      file: catch/like.wav\n"
                               "      expected: 1\n"
                               "pages:\n"
                               "  practice:\n"
                               "    clips: 1\n");
        Result r = runCli({QStringLiteral("validate"), yaml});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String(": valid")) && r.out.contains(QLatin1String("sha256 ")), qPrintable(r.out + r.err));
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        test::writeBytes(broken, "{\n  \"name\": \"x\",\n  \"design\": {\"blocks\": \"genres\"}\n}\n");
        r = runCli({QStringLiteral("validate"), broken});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("broken.json:3: 'design.blocks' must be one of none, genre, random, not 'genres'")), qPrintable(r.err));

        const QString study = dir.filePath(QStringLiteral("s.tastelab"));
        r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--study-file"), yaml});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("sha256")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        // A new participant's schedule, previewed; then the same schedule stored and regenerated.
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--study"), study, QStringLiteral("--seed"), QStringLiteral("11"),
                    QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject preview = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray items = preview.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 7); // 1 practice + 5 clips + 1 catch
        QCOMPARE(items.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("practice"));
        QCOMPARE(preview.value(QStringLiteral("blocks")).toArray().size(), 2);
        r = runCli({QStringLiteral("plan"), QStringLiteral("--study"), study, QStringLiteral("--participant"), QStringLiteral("P1"),
                    QStringLiteral("--seed"), QStringLiteral("11")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--study"), study, QStringLiteral("--participant"), QStringLiteral("P1"),
                    QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject regenerated = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(regenerated.value(QStringLiteral("items")).toArray(), items);
        QCOMPARE(regenerated.value(QStringLiteral("matches_stored")).toBool(), true);

        // Coverage of a simulated 30-participant study: balanced.
        r = runCli({QStringLiteral("coverage"), QStringLiteral("--study"), study, QStringLiteral("--simulate"), QStringLiteral("30"),
                    QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject cov = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(cov.value(QStringLiteral("pool")).toInt(), 12);
        QVERIFY(cov.value(QStringLiteral("max")).toInt() - cov.value(QStringLiteral("min")).toInt() <= 1);
        QCOMPARE(cov.value(QStringLiteral("mean")).toDouble(), 30.0 * 5 / 12);
        r = runCli({QStringLiteral("coverage"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("coverage over 1 participants, pool of 12 tracks: each heard min 0, max 1")), qPrintable(r.out));

        // A station with a copy of the study and its study file: same file, merged back.
        const QString stationDir = dir.filePath(QStringLiteral("station"));
        QDir().mkpath(stationDir);
        const QString station = stationDir + QStringLiteral("/s.tastelab");
        QVERIFY(QFile::copy(study, station));
        QVERIFY(QFile::copy(yaml, stationDir + QStringLiteral("/s.study.yaml")));
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), station, QStringLiteral("--participant"), QStringLiteral("P2"),
                    QStringLiteral("--count"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("1 participants added, 2 answers added")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("schedule"), QStringLiteral("--study"), study, QStringLiteral("--participant"), QStringLiteral("P2")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("matches the stored one")), qPrintable(r.out + r.err));

        // The station's study file is edited after data collection began: refused, then accepted.
        QFile f(stationDir + QStringLiteral("/s.study.yaml"));
        QVERIFY(f.open(QIODevice::Append));
        f.write("rules:\n  maxReplays: 1\n");
        f.close();
        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), station});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("changed after data collection began")) && r.err.contains(QLatin1String("--accept-changed-file")), qPrintable(r.err));
        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), station, QStringLiteral("--accept-changed-file")});
        QVERIFY2(r.code == 0 && r.err.contains(QLatin1String("recorded")), qPrintable(r.err));
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), station, QStringLiteral("--participant"), QStringLiteral("P3"),
                    QStringLiteral("--count"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        // Merging files whose study files differ: refused with the reason, nothing merged ...
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("Merge refused")) && r.err.contains(QLatin1String("the study files differ")), qPrintable(r.err));
        r = runCli({QStringLiteral("status"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("participants: 2")), qPrintable(r.out));
        // ... and with a schedule that differs at a position, that position is named.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(station);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE plan_items SET clip_start = clip_start + 0.5 WHERE position = 1 AND "
                                          "participant_id = (SELECT id FROM participants WHERE code = 'P2')")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("participant 'P2', position 2:")), qPrintable(r.err));
        // --force merges, and says what it merged despite.
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station, QStringLiteral("--force")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("forced")) && r.out.contains(QLatin1String("1 participants added")),
                 qPrintable(r.out + r.err));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("log"));
            db.setDatabaseName(study);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT outcome FROM merge_log ORDER BY id")));
            QStringList outcomes;
            while (q.next())
                outcomes << q.value(0).toString();
            QCOMPARE(outcomes, (QStringList{QStringLiteral("merged"), QStringLiteral("refused"), QStringLiteral("refused"), QStringLiteral("forced")}));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("log"));
    }

    void stationsShareTheBalancedAssignment()
    {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 6; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.flac").arg(i % 2 ? "jazz" : "rock").arg(i), 8, 220 + 40 * i);
        const QString study = dir.filePath(QStringLiteral("s.tastelab"));
        const QString yaml = dir.filePath(QStringLiteral("s.study.yaml"));
        // A station number beyond design.stations is refused.
        Result r = runCli({QStringLiteral("create"), QStringLiteral("--study"), dir.filePath(QStringLiteral("bad.tastelab")), QStringLiteral("--name"),
                           QStringLiteral("Bad"), QStringLiteral("--stations"), QStringLiteral("2"), QStringLiteral("--station"), QStringLiteral("3")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("station number 3 is outside 1..2")), qPrintable(r.err));
        test::writeBytes(yaml, "name: Stations\n"
                               "clipSeconds: 3\n"
                               "design:\n"
                               "  clipsPerParticipant: 3\n"
                               "  balancedAssignment: true\n"
                               "  stations: 2\n"
                               "  seed: 5\n");
        r = runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--study-file"), yaml, QStringLiteral("--station"),
                    QStringLiteral("1")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("station 1 of 2")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        // Station 2: a copy of the study database (the study file is shared, unchanged), renumbered.
        const QString station2 = dir.filePath(QStringLiteral("s2.tastelab"));
        QVERIFY(QFile::copy(study, station2));
        r = runCli({QStringLiteral("station"), QStringLiteral("--study"), station2});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("station 1 of 2; the next participant gets schedule index 0")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("station"), QStringLiteral("--study"), station2, QStringLiteral("--set"), QStringLiteral("2")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("station 2 of 2; the next participant gets schedule index 1")), qPrintable(r.out + r.err));
        for (const auto &[file, code] : {std::pair{study, QStringLiteral("A")}, std::pair{station2, QStringLiteral("B")}}) {
            r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), file, QStringLiteral("--participant"), code});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), station2});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("1 participants added")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("coverage"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("coverage over 2 participants, pool of 6 tracks: each heard min 1, max 1"))
                     && r.out.contains(QLatin1String("2 stations; participants per station: 1: 1, 2: 1")),
                 qPrintable(r.out));
        r = runCli({QStringLiteral("coverage"), QStringLiteral("--study"), study, QStringLiteral("--json")});
        const QJsonObject cov = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(cov.value(QStringLiteral("stations")).toInt(), 2);
        QCOMPARE(cov.value(QStringLiteral("per_station")).toObject().value(QStringLiteral("2")).toInt(), 1);
        QVERIFY(cov.value(QStringLiteral("duplicate_indexes")).toArray().isEmpty());

        // A copy that keeps station 1's number: its participant takes the window the study's next
        // participant takes too, and the merge is refused with both reasons.
        const QString copy = dir.filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(study, copy));
        for (const auto &[file, code] : {std::pair{copy, QStringLiteral("C")}, std::pair{study, QStringLiteral("D")}}) {
            r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), file, QStringLiteral("--participant"), code});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), copy});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("Merge refused")) && r.err.contains(QLatin1String("both files are station 1 of 2"))
                     && r.err.contains(QLatin1String("participant 'C'")) && r.err.contains(QLatin1String("same schedule index 2")),
                 qPrintable(r.err));
        r = runCli({QStringLiteral("merge"), QStringLiteral("--study"), study, QStringLiteral("--from"), copy, QStringLiteral("--force")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("forced")), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("coverage"), QStringLiteral("--study"), study});
        QVERIFY2(r.out.contains(QLatin1String("warning: schedule indexes used more than once (same clips): 2 (C, D)"))
                     || r.out.contains(QLatin1String("warning: schedule indexes used more than once (same clips): 2 (D, C)")),
                 qPrintable(r.out));
    }

    void explainsAnExcerpt()
    {
        // Tones of two genres; A likes "high". One more track is high for 2 s, then low; its
        // excerpt 1-3 s is explained.
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 16; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.wav").arg(i % 2 ? "high" : "low").arg(i), 4.0,
                            i % 2 ? 2000 + 40 * i : 90 + 5 * i);
        audio::AudioBuffer mixed = test::tone(4.0, 2300.0, 22050, 1);
        const audio::AudioBuffer low = test::tone(4.0, 120.0, 22050, 1);
        std::copy(low.samples.begin() + 2 * 22050, low.samples.end(), mixed.samples.begin() + 2 * 22050);
        QDir().mkpath(music + QStringLiteral("/zz"));
        audio::writeAudio(QFile::encodeName(music + QStringLiteral("/zz/mixed.wav")).toStdString(), mixed,
                          {"Half and half", "Tester", "zz"});
        const QString study = dir.filePath(QStringLiteral("x.tastelab"));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                         QStringLiteral("X"), QStringLiteral("--clip-seconds"), QStringLiteral("2"), QStringLiteral("--clips"),
                         QStringLiteral("16")}).code, 0);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music}).code, 0);
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                         QStringLiteral("A"), QStringLiteral("--seed"), QStringLiteral("65"), QStringLiteral("--like-genre"),
                         QStringLiteral("high")}).code, 0);
        Result r = runCli({QStringLiteral("extract"), QStringLiteral("--study"), study, QStringLiteral("--library-excerpts"),
                           QStringLiteral("0")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("train"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--variant"), QStringLiteral("pn"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const int model = QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject().value(QStringLiteral("id")).toInt();
        qint64 mixedId = 0;
        {
            QString error;
            auto s = Study::open(study, &error);
            for (const Track &t : s->tracks())
                if (t.title == QLatin1String("Half and half"))
                    mixedId = t.id;
        }
        QVERIFY(mixedId > 0);
        const QString wav = dir.filePath(QStringLiteral("top.wav"));
        const QStringList explain{QStringLiteral("explain"), QStringLiteral("--study"), study, QStringLiteral("--model"),
                                  QString::number(model), QStringLiteral("--track"), QString::number(mixedId),
                                  QStringLiteral("--start"), QStringLiteral("1")};
        r = runCli(explain + QStringList{QStringLiteral("--json"), QStringLiteral("--write-top"), wav});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject e = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(e.value(QStringLiteral("method")).toString(), QStringLiteral("shapley"));
        QCOMPARE(e.value(QStringLiteral("evaluations")).toInt(), 32);
        QVERIFY(e.value(QStringLiteral("fast_path")).toBool());
        const QJsonArray components = e.value(QStringLiteral("components")).toArray();
        QCOMPARE(components.size(), 5);
        QCOMPARE(components[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("0.0-0.4 s"));
        double sum = 0;
        for (const QJsonValue &c : components)
            sum += c.toObject().value(QStringLiteral("weight_like")).toDouble();
        // Efficiency: the weights add up to p(excerpt) - the value of everything off.
        QVERIFY(std::abs(sum - (e.value(QStringLiteral("like_probability")).toDouble()
                                - e.value(QStringLiteral("empty_value")).toDouble())) < 1e-6);
        // R^2 of the additive model on all coalitions: at most 1 (negative when it fits worse
        // than a constant, as for a model that rejects any silence).
        QVERIFY(e.value(QStringLiteral("fidelity_r2")).toDouble() <= 1.0 + 1e-12);
        QVERIFY(!e.value(QStringLiteral("top_liked")).toArray().isEmpty());
        const int topLiked = e.value(QStringLiteral("top_liked")).toArray().first().toInt();
        const QJsonArray written = e.value(QStringLiteral("written_components")).toArray();
        QCOMPARE(written.size(), 1);
        QCOMPARE(written[0].toInt(), topLiked);
        const audio::AudioBuffer top = audio::decodeAudio(QFile::encodeName(wav).toStdString());
        QCOMPARE(top.sampleRate, 22050);
        // Only the top segment (0.4 s; the others are cut out by default).
        QCOMPARE(top.frames(), std::int64_t(0.4 * 22050));
        QCOMPARE(e.value(QStringLiteral("baseline")).toString(), QStringLiteral("remove"));
        double energy = 0;
        for (float v : top.samples)
            energy += double(v) * v;
        QVERIFY(energy > 0.0);

        // Text output, another split, the other direction, LIME.
        r = runCli(explain + QStringList{QStringLiteral("--components"), QStringLiteral("hpss"), QStringLiteral("--why"),
                                         QStringLiteral("disliked")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("why disliked")) && r.out.contains(QLatin1String("harmonic"))
                     && r.out.contains(QLatin1String("method shapley")),
                 qPrintable(r.out + r.err));
        r = runCli(explain + QStringList{QStringLiteral("--baseline"), QStringLiteral("silence"), QStringLiteral("--json"),
                                         QStringLiteral("--write-top"), wav, QStringLiteral("--top"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("baseline")).toString(),
                 QStringLiteral("silence"));
        QCOMPARE(audio::decodeAudio(QFile::encodeName(wav).toStdString()).frames(), std::int64_t(2 * 22050));
        r = runCli(explain + QStringList{QStringLiteral("--method"), QStringLiteral("lime"), QStringLiteral("--samples"),
                                         QStringLiteral("64"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("evaluations")).toInt(), 64);

        // "Less like this part" on the top liked segment, retrained: two steering entries (the
        // excerpt with the segment, steered away from liked, and without it, steered towards), the
        // weight before is the explanation's, the verdict follows the weights.
        const double weightBefore = components[topLiked].toObject().value(QStringLiteral("weight_like")).toDouble();
        r = runCli({QStringLiteral("steer"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--model"), QString::number(model), QStringLiteral("--track"),
                    QString::number(mixedId), QStringLiteral("--start"), QStringLiteral("1"), QStringLiteral("--component"),
                    QString::number(topLiked), QStringLiteral("--less"), QStringLiteral("--retrain"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject steer = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(steer.value(QStringLiteral("component_name")).toString(),
                 components[topLiked].toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(steer.value(QStringLiteral("weight_before")).toDouble(), weightBefore);
        QCOMPARE(steer.value(QStringLiteral("steering")).toInt(), 2);
        QVERIFY(steer.value(QStringLiteral("model_id")).toInt() > model);
        const double change = steer.value(QStringLiteral("weight_after")).toDouble() - weightBefore;
        QCOMPARE(steer.value(QStringLiteral("moved_as_asked")).toBool(), -change >= 0.005);
        {
            QString error;
            auto s = Study::open(study, &error);
            QSqlQuery q(s->database());
            QVERIFY(q.exec(QStringLiteral("SELECT direction, label FROM steering ORDER BY direction")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), -1);
            QVERIFY2(q.value(1).toString().endsWith(QLatin1String("(with it)")), qPrintable(q.value(1).toString()));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY2(q.value(1).toString().endsWith(QLatin1String("(without it)")), qPrintable(q.value(1).toString()));
            QVERIFY(!q.next());
        }
        r = runCli({QStringLiteral("steer"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--track"), QString::number(mixedId), QStringLiteral("--component"),
                    QStringLiteral("7"), QStringLiteral("--more")});
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("there is no component 7")), qPrintable(r.err));

        // What it refuses.
        r = runCli(explain + QStringList{QStringLiteral("--components"), QStringLiteral("stems")});
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("--components is segments")), qPrintable(r.err));
        r = runCli(explain + QStringList{QStringLiteral("--components"), QStringLiteral("sources")});
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("--separation")), qPrintable(r.err));
        r = runCli({QStringLiteral("explain"), QStringLiteral("--study"), study, QStringLiteral("--model"),
                    QStringLiteral("999"), QStringLiteral("--track"), QString::number(mixedId)});
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("no stored model 999")), qPrintable(r.err));
        QFile::rename(music + QStringLiteral("/zz/mixed.wav"), music + QStringLiteral("/zz/gone.wav"));
        r = runCli(explain);
        QVERIFY2(r.code == 3 && r.err.contains(QLatin1String("mixed.wav: the music file is missing")), qPrintable(r.err));
    }

    void profileAndSteer()
    {
        // Two genres of tones; A likes the high ones. The taste profile, its sliders, steering.
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 24; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.wav").arg(i % 2 ? "high" : "low").arg(i), 4.0,
                            i % 2 ? 2000 + 40 * i : 90 + 5 * i);
        const QString study = dir.filePath(QStringLiteral("p.tastelab"));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                         QStringLiteral("P"), QStringLiteral("--clip-seconds"), QStringLiteral("2"), QStringLiteral("--clips"),
                         QStringLiteral("16")}).code, 0);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--study"), study, QStringLiteral("--folder"), music}).code, 0);
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                         QStringLiteral("A"), QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--like-genre"),
                         QStringLiteral("high")}).code, 0);
        const QStringList profile{QStringLiteral("profile"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                                  QStringLiteral("A")};
        Result r = runCli(profile);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("no trained model")), qPrintable(r.err));
        QVERIFY(runCli({QStringLiteral("extract"), QStringLiteral("--study"), study, QStringLiteral("--library-excerpts"),
                        QStringLiteral("1")}).code == 0);
        r = runCli({QStringLiteral("train"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--variant"), QStringLiteral("pn"), QStringLiteral("--epochs"),
                    QStringLiteral("10/15")});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        r = runCli(profile + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("tracks")).toInt(), 24);
        const QJsonObject fidelity = o.value(QStringLiteral("fidelity")).toObject();
        QVERIFY(fidelity.contains(QStringLiteral("spearman")) && fidelity.contains(QStringLiteral("agreement")));
        QCOMPARE(fidelity.value(QStringLiteral("tracks")).toInt(), 24);
        QJsonArray protos = o.value(QStringLiteral("prototypes")).toArray();
        QVERIFY2(protos.size() >= 6 && protos.size() <= 12, qPrintable(r.out));
        for (const QJsonValue &v : protos) {
            const QJsonObject p = v.toObject();
            // Liked prototypes are high tones, disliked ones low tones (the answers); real tracks.
            QCOMPARE(p.value(QStringLiteral("genre")).toString(),
                     p.value(QStringLiteral("side")).toString() == QLatin1String("liked") ? QStringLiteral("high")
                                                                                          : QStringLiteral("low"));
            QVERIFY(p.value(QStringLiteral("track_id")).toInt() > 0);
            QCOMPARE(p.value(QStringLiteral("neighbours")).toArray().size(), 3);
        }
        QVERIFY(!o.contains(QStringLiteral("ranking")));

        // Per genre: one per genre and answer.
        r = runCli(profile + QStringList{QStringLiteral("--per-genre"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("prototypes")).toArray().size(), 2);

        // Sliders: the default ranking is the classifier's; avoiding every liked prototype and
        // favouring every disliked one puts the low tones first.
        QStringList avoid;
        for (int k = 0; k < protos.size(); ++k)
            avoid << QStringLiteral("--slider")
                  << QStringLiteral("%1=%2").arg(k + 1).arg(
                         protos[k].toObject().value(QStringLiteral("side")).toString() == QLatin1String("liked") ? -1 : 1);
        r = runCli(profile + avoid + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray ranking = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("ranking")).toArray();
        QVERIFY(!ranking.isEmpty());
        QCOMPARE(ranking[0].toObject().value(QStringLiteral("genre")).toString(), QStringLiteral("low"));
        QCOMPARE(ranking[0].toObject().value(QStringLiteral("rank")).toInt(), 1);
        QVERIFY(ranking[0].toObject().value(QStringLiteral("classifier_rank")).toInt() > 1);
        r = runCli(profile + QStringList{QStringLiteral("--slider"), QStringLiteral("1=1")});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("re-ranked with the sliders")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("fidelity to the classifier: Spearman")), qPrintable(r.out));
        for (const QString &bad : {QStringLiteral("99=1"), QStringLiteral("1=2"), QStringLiteral("x")}) {
            r = runCli(profile + QStringList{QStringLiteral("--slider"), bad});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains(QLatin1String("--slider")), qPrintable(r.err));
        }

        // Steering: saved, then retrained with the answer to whether it moved.
        const QJsonObject disliked = protos.last().toObject();
        QCOMPARE(disliked.value(QStringLiteral("side")).toString(), QStringLiteral("disliked"));
        const QString track = QString::number(disliked.value(QStringLiteral("track_id")).toInt());
        const QStringList steer{QStringLiteral("steer"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                                QStringLiteral("A"), QStringLiteral("--track"), track};
        r = runCli(steer);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--more or --less")), qPrintable(r.err));
        r = runCli(steer + QStringList{QStringLiteral("--less")});
        QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("saved: A wants less like track %1").arg(track))
                     && r.out.contains(QLatin1String("A has 1 steering request(s)")),
                 qPrintable(r.out + r.err));
        // Reproducible: the same retraining on a copy, with Qt's hash order fixed instead of random,
        // gives the same model (the anchors are taken in clip order, not in a hash's order).
        const QString copy = dir.filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(study, copy));
        r = runCli(steer + QStringList{QStringLiteral("--more"), QStringLiteral("--retrain"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        {
            QProcess fixed;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_HASH_SEED"), QStringLiteral("0"));
            fixed.setProcessEnvironment(env);
            QStringList args = steer + QStringList{QStringLiteral("--more"), QStringLiteral("--retrain"), QStringLiteral("--json")};
            args[2] = copy;
            fixed.start(QStringLiteral(TASTELAB_BINARY_DIR "/app/tastelab-cli"), args);
            QVERIFY(fixed.waitForFinished(120000));
            QCOMPARE(fixed.exitCode(), 0);
            const QJsonObject again = QJsonDocument::fromJson(fixed.readAllStandardOutput()).object();
            QCOMPARE(again.value(QStringLiteral("like_after")).toDouble(), o.value(QStringLiteral("like_after")).toDouble());
            QCOMPARE(again.value(QStringLiteral("neighbours_after")).toDouble(),
                     o.value(QStringLiteral("neighbours_after")).toDouble());
        }
        QCOMPARE(o.value(QStringLiteral("direction")).toString(), QStringLiteral("more"));
        QCOMPARE(o.value(QStringLiteral("steering")).toInt(), 1); // the second replaced the first
        QVERIFY(o.value(QStringLiteral("model_id")).toInt() > o.value(QStringLiteral("previous_model_id")).toInt());
        const double change = o.value(QStringLiteral("like_after")).toDouble() - o.value(QStringLiteral("like_before")).toDouble();
        QCOMPARE(o.value(QStringLiteral("moved_as_asked")).toBool(), change >= 0.005);
        QVERIFY2(o.value(QStringLiteral("summary")).toString().startsWith(change >= 0.005 ? QLatin1String("moved as asked")
                                                                                           : QLatin1String("did not move")),
                 qPrintable(r.out));
        QCOMPARE(o.value(QStringLiteral("neighbours")).toArray().size(), 3);
        r = runCli(steer + QStringList{QStringLiteral("--more"), QStringLiteral("--retrain")});
        QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("track %1: like ").arg(track)), qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("steer"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--track"), QStringLiteral("9999"), QStringLiteral("--more")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("no track 9999")), qPrintable(r.err));
        // A baseline has no embedder to steer: refused before anything is trained.
        r = runCli({QStringLiteral("train"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("A"), QStringLiteral("--variant"), QStringLiteral("logreg"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString logreg = QString::number(QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject().value(QStringLiteral("id")).toInt());
        r = runCli(steer + QStringList{QStringLiteral("--more"), QStringLiteral("--retrain"), QStringLiteral("--model"), logreg});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("model %1 is logreg").arg(logreg)), qPrintable(r.err));
    }

    void refusesWhatItCannotUse()
    {
        QTemporaryDir dir;
        Result r = runCli({QStringLiteral("status"), QStringLiteral("--study"), dir.filePath(QStringLiteral("none.tastelab"))});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("none.tastelab: study file not found")), qPrintable(r.err));
        r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown command 'frobnicate'")));
        r = runCli({QStringLiteral("--version")});
        QVERIFY(r.out.contains(QLatin1String("0.")));

        // A read-only study file, opened by an ordinary user (root may write anywhere).
        const QString study = dir.filePath(QStringLiteral("ro.tastelab"));
        QVERIFY(runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                        QStringLiteral("RO")}).code == 0);
        QVERIFY(QFile::setPermissions(study, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                              | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        QStringList wrapper;
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            QVERIFY2(!setpriv.isEmpty(), "setpriv (util-linux) is needed to run as an ordinary user");
            wrapper = {setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                       QStringLiteral("--clear-groups")};
        }
        r = runCli({QStringLiteral("simulate"), QStringLiteral("--study"), study, QStringLiteral("--participant"),
                    QStringLiteral("P")},
                   wrapper);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("ro.tastelab: the file is read-only")), qPrintable(r.err));
    }
    void listenerMode()
    {
        // A listener library from a folder, the next pick, simulated rating in the active order
        // with a retrain after the warm-up, and the refusals.
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        for (int i = 0; i < 24; ++i)
            test::writeTone(music + QStringLiteral("/%1/t%2.wav").arg(i % 2 ? "high" : "low").arg(i), 12.0,
                            i % 2 ? 2000 + 40 * i : 90 + 5 * i);
        const QString lib = dir.filePath(QStringLiteral("mine.tastelab"));
        const QStringList create{QStringLiteral("listener"), QStringLiteral("--study"), lib, QStringLiteral("--folder"),
                                 music, QStringLiteral("--seed"), QStringLiteral("3")};
        Result r = runCli(create);
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("created listener library")), qPrintable(r.out + r.err));
        r = runCli(create);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("exists already")), qPrintable(r.err));

        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), lib});
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("rated 0 of 24"))
                     && r.out.contains(QLatin1String("chosen: random")),
                 qPrintable(r.out + r.err));
        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), lib, QStringLiteral("--count"), QStringLiteral("5")});
        QCOMPARE(r.code, 3); // no rule to answer by
        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), lib, QStringLiteral("--random-share"), QStringLiteral("2")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("--random-share")), qPrintable(r.err));
        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), lib, QStringLiteral("--count"), QStringLiteral("30"),
                    QStringLiteral("--like-genre"), QStringLiteral("high")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("answered 24 ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("retrained on 20 answers")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("chosen: least sure (p = ")), qPrintable(r.out));
        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), lib});
        QVERIFY2(r.out.contains(QLatin1String("every clip is rated")), qPrintable(r.out));

        const QString study = dir.filePath(QStringLiteral("s.tastelab"));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--study"), study, QStringLiteral("--name"),
                         QStringLiteral("S")}).code, 0);
        r = runCli({QStringLiteral("rate"), QStringLiteral("--study"), study});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("not a listener library")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
