#include "study/exporter.h"
#include "study/participantsession.h"
#include "study/study.h"
#include "study/studyfile.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <numeric>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;

namespace {

/// A study with tracksPerGenre tracks in each of the given genres; the files are not real audio
/// (nothing here decodes), but exist under <dir>/music so that path resolution can be checked.
std::unique_ptr<Study> makeStudy(const QString &dir, StudySettings s, const QStringList &genres, int tracksPerGenre)
{
    if (s.name.isEmpty())
        s.name = QStringLiteral("Test study");
    QString error;
    auto study = Study::create(QDir(dir).filePath(QStringLiteral("study.tastelab")), s, &error);
    if (!study) {
        qWarning() << error;
        return nullptr;
    }
    int n = 0;
    for (const QString &g : genres) {
        QDir().mkpath(QDir(dir).filePath(QStringLiteral("music/") + g));
        for (int i = 0; i < tracksPerGenre; ++i, ++n) {
            Track t;
            t.path = QDir(dir).filePath(QStringLiteral("music/%1/track %2, \"live\".flac").arg(g).arg(i));
            QFile f(t.path);
            f.open(QIODevice::WriteOnly);
            f.write(QByteArray::number(n));
            t.contentHash = QStringLiteral("hash-%1").arg(n);
            t.title = QStringLiteral("Track %1, \"live\"").arg(n);
            t.artist = QStringLiteral("Artist %1").arg(i % 3);
            t.genre = g;
            t.durationSeconds = 30 + n % 20;
            t.sampleRate = 44100;
            t.channels = 2;
            t.format = QStringLiteral("FLAC");
            if (study->addTrack(t) == 0)
                return nullptr;
        }
    }
    return study;
}

} // namespace

class TestStudy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void settingsRoundTrip()
    {
        StudySettings s;
        s.name = QStringLiteral("Likert pilot");
        s.scale = AnswerScale::Likert7;
        s.anchors = QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")};
        s.askAge = true;
        s.demographicFields = QStringList{QStringLiteral("Instrument")};
        s.repeats = 4;
        s.minListenSeconds = 3;
        const StudySettings back = StudySettings::fromJson(s.toJson());
        QCOMPARE(back.toJson(), s.toJson());
        QCOMPARE(back.unlockSeconds(), 3.0);
        QCOMPARE(StudySettings().unlockSeconds(), 10.0);
        QVERIFY(StudySettings().instructions.contains(QLatin1String("keep listening")));
        QCOMPARE(StudySettings().clipsPerParticipant, 200);
        QCOMPARE(StudySettings().clipSeconds, 10.0);
        s.anchors.removeLast();
        QVERIFY(!s.validate().isEmpty());
        QCOMPARE(s.effectiveAnchors(), StudySettings::defaultAnchors(AnswerScale::Likert7));
    }

    void sessionResumesAtFirstUnansweredClip()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 20;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("rock"), QStringLiteral("jazz")}, 15);
        QVERIFY(study);
        QString error;
        const QJsonObject demo{{QStringLiteral("age"), 41}};
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P07"), demo, 99, &error);
        QVERIFY2(session, qPrintable(error));
        QVERIFY(session->isNew());
        QCOMPARE(session->total(), 20);
        QCOMPARE(session->nextPosition(), 0);
        for (int i = 0; i < 7; ++i)
            QVERIFY2(session->answer(i, i % 2, 1500 + i, i == 3 ? 2 : 0, &error), qPrintable(error));
        QVERIFY(!session->answer(3, 1, 100, 0, &error)); // a position is answered once
        QVERIFY(!session->answer(8, 5, 100, 0, &error)); // outside like/dislike
        QVERIFY2(error.contains(QLatin1String("outside")), qPrintable(error));
        session.reset();
        study.reset();

        study = Study::open(dir.filePath(QStringLiteral("study.tastelab")), &error);
        QVERIFY(study);
        auto resumed = ParticipantSession::startOrResume(*study, QStringLiteral(" P07 "), {}, 0, &error);
        QVERIFY(resumed);
        QVERIFY(!resumed->isNew());
        QCOMPARE(resumed->participant().seed, quint64(99));
        QCOMPARE(resumed->participant().demographics.value(QStringLiteral("age")).toInt(), 41);
        QCOMPARE(resumed->answeredCount(), 7);
        QCOMPARE(resumed->nextPosition(), 7);
        const QVector<Answer> answers = study->answers(resumed->participant().id);
        QCOMPARE(answers.size(), 7);
        QCOMPARE(answers[3].replays, 2);
        QCOMPARE(answers[6].responseMs, qint64(1506));
        QVERIFY(answers[6].answeredAt.isValid());
        QVERIFY(qAbs(answers[6].answeredAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The stored plan is the planner's plan for the recorded seed.
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(answers[i].trackId, resumed->clip(i).trackId);
            QCOMPARE(answers[i].clipStart, resumed->clip(i).startSeconds);
        }
        for (int i = 7; i < 20; ++i)
            QVERIFY(resumed->answer(i, 1, 1000, 0, &error));
        QVERIFY(resumed->isFinished());
        QVERIFY(study->participant(QStringLiteral("P07"))->finishedAt.isValid());
        QVERIFY(resumed->secondsLeft() == 0);
    }

    void samesSeedSamePlanAcrossParticipants()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 10;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("a"), QStringLiteral("b")}, 10);
        QString error;
        auto p1 = study->createParticipant(QStringLiteral("A"), 5, {});
        auto p2 = study->createParticipant(QStringLiteral("B"), 5, {});
        auto p3 = study->createParticipant(QStringLiteral("C"), 6, {});
        QVERIFY(p1 && p2 && p3);
        QVERIFY(!study->createParticipant(QStringLiteral("A"), 7, {}));
        auto key = [&](qint64 id) {
            QStringList k;
            for (const Clip &c : study->plan(id))
                k << QStringLiteral("%1@%2").arg(c.trackId).arg(c.startSeconds);
            return k;
        };
        QCOMPARE(key(p1->id), key(p2->id));
        QVERIFY(key(p1->id) != key(p3->id));
    }

    void consistencyOfRepeatedClips()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 12;
        s.repeats = 4;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("a"), QStringLiteral("b")}, 10);
        QString error;
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("R"), {}, 3, &error);
        QVERIFY(session);
        QCOMPARE(session->total(), 16);
        QCOMPARE(study->consistency(session->participant().id), -1.0);
        // Answer like for every first presentation; repeats: agree on all but one.
        int disagreements = 0;
        QHash<int, int> values;
        for (int i = 0; i < session->total(); ++i) {
            int v = 1;
            if (session->clip(i).repeatOf >= 0 && disagreements == 0) {
                v = 0;
                ++disagreements;
            }
            QVERIFY(session->answer(i, v, 900, 0, &error));
        }
        QCOMPARE(study->consistency(session->participant().id), 0.75);
    }

    void exportsOneRowPerAnswer()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 5;
        s.scale = AnswerScale::Likert5;
        s.askAge = true;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("rock"), QStringLiteral("pop")}, 5);
        QString error;
        auto a = ParticipantSession::startOrResume(*study, QStringLiteral("A"),
                                                   {{QStringLiteral("age"), 30}, {QStringLiteral("city"), QStringLiteral("Seoul, KR")}},
                                                   1, &error);
        auto b = ParticipantSession::startOrResume(*study, QStringLiteral("B"), {{QStringLiteral("age"), 22}}, 2, &error);
        for (int i = 0; i < 3; ++i)
            QVERIFY(a->answer(i, i + 1, 2000 + i, 0, &error));
        for (int i = 0; i < 2; ++i)
            QVERIFY(b->answer(i, 5 - i, 3000, 1, &error));

        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY2(exportCsv(*study, csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 5);
        QVERIFY2(lines[0].startsWith(QStringLiteral("study,study_id,participant,demographic_age,demographic_city,position,"
                                                     "track_path,title,artist,genre,clip_start,clip_length,scale,value,"
                                                     "response_ms,replays,answered_at,source,kind,practice,catch_id,")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Test study,%1,A,30,\"Seoul, KR\",1,\"").arg(study->studyId())),
                 qPrintable(lines[1]));
        QVERIFY(lines[1].contains(QLatin1String("\"Track ")) && lines[1].contains(QLatin1String("\"\"live\"\"")));
        QVERIFY(lines[1].contains(QLatin1String(",likert5,1,2000,0,")));
        QVERIFY(lines[4].contains(QLatin1String(",B,22,,1,")));
        QVERIFY(lines[5].contains(QLatin1String(",likert5,4,3000,1,")));

        const QString json = dir.filePath(QStringLiteral("out.json"));
        QVERIFY2(exportJson(*study, json, &error), qPrintable(error));
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(j.readAll()).object();
        const QJsonArray rows = root.value(QStringLiteral("answers")).toArray();
        QCOMPARE(rows.size(), 5);
        const QJsonObject r0 = rows[0].toObject();
        QCOMPARE(r0.value(QStringLiteral("participant")).toString(), QStringLiteral("A"));
        QCOMPARE(r0.value(QStringLiteral("demographics")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Seoul, KR"));
        QCOMPARE(r0.value(QStringLiteral("value")).toInt(), 1);
        QCOMPARE(r0.value(QStringLiteral("clip_length")).toDouble(), 10.0);
        QVERIFY(r0.value(QStringLiteral("genre")).toString() == QLatin1String("rock")
                || r0.value(QStringLiteral("genre")).toString() == QLatin1String("pop"));
        QCOMPARE(root.value(QStringLiteral("settings")).toObject().value(QStringLiteral("scale")).toString(),
                 QStringLiteral("likert5"));

        // A failed export names the file and leaves nothing behind.
        const QString bad = dir.filePath(QStringLiteral("no-such-folder/out.csv"));
        QVERIFY(!exportCsv(*study, bad, &error));
        QVERIFY2(error.contains(QLatin1String("no-such-folder")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(bad));
    }

    void mergeAddsWhatIsMissingAndReportsConflicts()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 6;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("a"), QStringLiteral("b")}, 6);
        QVERIFY(study);
        QString error;
        auto shared = ParticipantSession::startOrResume(*study, QStringLiteral("S"), {}, 10, &error);
        QVERIFY(shared->answer(0, 1, 1000, 0, &error));
        QVERIFY(shared->answer(1, 1, 1000, 0, &error));
        shared.reset();
        study.reset();
        // The "other station" starts as a copy of the same study file.
        const QString mine = dir.filePath(QStringLiteral("study.tastelab"));
        const QString theirs = dir.filePath(QStringLiteral("station2.tastelab"));
        QVERIFY(QFile::copy(mine, theirs));
        {
            auto other = Study::open(theirs, &error);
            QVERIFY(other);
            auto s2 = ParticipantSession::startOrResume(*other, QStringLiteral("S"), {}, 0, &error);
            QVERIFY(s2->answer(2, 0, 1000, 0, &error)); // new on their side
            QVERIFY(s2->answer(3, 1, 1000, 0, &error));
            auto n = ParticipantSession::startOrResume(*other, QStringLiteral("NEW"), {{QStringLiteral("age"), 50}}, 11, &error);
            for (int i = 0; i < 6; ++i)
                QVERIFY(n->answer(i, i % 2, 1200, 0, &error));
            auto x = ParticipantSession::startOrResume(*other, QStringLiteral("X"), {}, 12, &error);
            QVERIFY(x->answer(0, 1, 1200, 0, &error));
        }
        study = Study::open(mine, &error);
        {
            // Meanwhile here: S answers clip 3 differently, and another X (other seed) exists.
            auto s1 = ParticipantSession::startOrResume(*study, QStringLiteral("S"), {}, 0, &error);
            QVERIFY(s1->answer(2, 1, 1000, 0, &error));
            auto x = ParticipantSession::startOrResume(*study, QStringLiteral("X"), {}, 13, &error);
            QVERIFY(x);
        }
        const MergeReport r = mergeStudy(*study, theirs);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.participantsAdded, 1);
        QCOMPARE(r.answersAdded, 1 + 6); // S clip 4, NEW's 6
        QCOMPARE(r.answersAlreadyPresent, 2);
        QCOMPARE(r.conflicts.size(), 2);
        QVERIFY(r.conflicts.join(QLatin1Char('\n')).contains(QLatin1String("'S', clip 3")));
        QVERIFY(r.conflicts.join(QLatin1Char('\n')).contains(QLatin1String("'X' exists in both")));
        const auto merged = study->participant(QStringLiteral("NEW"));
        QVERIFY(merged);
        QCOMPARE(merged->demographics.value(QStringLiteral("age")).toInt(), 50);
        QCOMPARE(study->answers(merged->id).size(), 6);
        QCOMPARE(study->plan(merged->id).size(), 6);
        QVERIFY(study->participant(QStringLiteral("NEW"))->finishedAt.isValid());
        QCOMPARE(study->answers(study->participant(QStringLiteral("S"))->id).at(2).value, 1); // local kept

        // Merging again adds nothing.
        const MergeReport again = mergeStudy(*study, theirs);
        QCOMPARE(again.participantsAdded, 0);
        QCOMPARE(again.answersAdded, 0);
        QCOMPARE(again.answersAlreadyPresent, 2 + 1 + 6);

        // Another study is refused.
        StudySettings o;
        o.name = QStringLiteral("Other");
        QVERIFY(Study::create(dir.filePath(QStringLiteral("other.tastelab")), o, &error));
        const MergeReport refused = mergeStudy(*study, dir.filePath(QStringLiteral("other.tastelab")));
        QVERIFY2(refused.error.contains(QLatin1String("another study")), qPrintable(refused.error));
    }

    void stationsTogetherCoverWhatOneStationWould()
    {
        // Balanced assignment on 3 stations x 10 participants gives exactly the coverage of one
        // station with 30: station k's participant n gets schedule index n * 3 + (k - 1).
        StudySettings s;
        s.clipsPerParticipant = 7;
        s.design.balancedAssignment = true;
        s.design.seed = 77;
        const QStringList genres{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QString error;

        QTemporaryDir oneDir;
        auto one = makeStudy(oneDir.path(), s, genres, 11); // a pool of 33
        QVERIFY(one);
        QVERIFY(one->writeStudyFile(StudyFile::defaultPathFor(one->path())));
        for (int i = 0; i < 30; ++i)
            QVERIFY2(one->createParticipant(QStringLiteral("P%1").arg(i), quint64(1000 + i), {}), qPrintable(one->lastError()));
        const survey::Coverage single = one->coverage();
        QCOMPARE(single.participants, 30);
        QVERIFY(single.maxCount - single.minCount <= 1);

        QTemporaryDir dir;
        s.design.stations = 3;
        auto main = makeStudy(dir.path(), s, genres, 11);
        QVERIFY(main);
        QVERIFY(main->writeStudyFile(StudyFile::defaultPathFor(main->path())));
        QCOMPARE(main->stationNumber(), 0);
        // Without a station number a study on several stations takes no participant.
        QVERIFY(!main->createParticipant(QStringLiteral("early"), 1, {}));
        QVERIFY2(main->lastError().contains(QLatin1String("no station number")), qPrintable(main->lastError()));
        QVERIFY(!main->setStationNumber(4));
        QVERIFY2(main->lastError().contains(QLatin1String("outside 1..3")), qPrintable(main->lastError()));
        const QString hash = main->studyFileHash();
        main.reset();
        QStringList files;
        for (int k = 1; k <= 3; ++k) {
            const QString file = k == 1 ? dir.filePath(QStringLiteral("study.tastelab")) : dir.filePath(QStringLiteral("station%1.tastelab").arg(k));
            if (k > 1)
                QVERIFY(QFile::copy(files.first(), file));
            files << file;
            auto station = Study::open(file, &error);
            QVERIFY2(station, qPrintable(error));
            QVERIFY(station->setStationNumber(k));
            for (int n = 0; n < 10; ++n) {
                const auto p = station->createParticipant(QStringLiteral("S%1-%2").arg(k).arg(n), quint64(k * 100 + n), {});
                QVERIFY2(p, qPrintable(station->lastError()));
                QCOMPARE(p->scheduleIndex, n * 3 + (k - 1));
            }
            QCOMPARE(station->studyFileHash(), hash); // the station number is not in the study file
        }
        // The other stations copied station 1's file after its participants: they carry them (the
        // merge finds them present), and their own participants still took their own windows.
        main = Study::open(files.first(), &error);
        QVERIFY(main);
        for (int k = 2; k <= 3; ++k) {
            const MergeReport r = mergeStudy(*main, files.at(k - 1));
            QVERIFY2(r.ok(), qPrintable(r.toText()));
            QCOMPARE(r.participantsAdded, 10);
            QVERIFY(r.scheduleConflicts.isEmpty());
        }
        QList<int> indexes;
        for (const Participant &p : main->participants()) {
            indexes << p.scheduleIndex;
            QVERIFY2(main->verifySchedule(p).isEmpty(), qPrintable(main->verifySchedule(p).join(QLatin1Char('\n'))));
        }
        std::sort(indexes.begin(), indexes.end());
        QList<int> expected(30);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(indexes, expected);
        const survey::Coverage merged = main->coverage();
        QCOMPARE(merged.participants, 30);
        QCOMPARE(merged.tracks, single.tracks);
        QCOMPARE(merged.minCount, single.minCount);
        QCOMPARE(merged.maxCount, single.maxCount);
        QVERIFY(merged.counts == single.counts); // the same tracks (same ids), heard as often
    }

    void mergeRefusesEqualStationNumbers()
    {
        StudySettings s;
        s.clipsPerParticipant = 4;
        s.design.balancedAssignment = true;
        s.design.stations = 2;
        QTemporaryDir dir;
        auto main = makeStudy(dir.path(), s, {QStringLiteral("a")}, 8);
        QVERIFY(main);
        QVERIFY(main->writeStudyFile(StudyFile::defaultPathFor(main->path())));
        QVERIFY(main->setStationNumber(1));
        main.reset();
        // The second station is a copy whose number was never changed.
        const QString mainPath = dir.filePath(QStringLiteral("study.tastelab"));
        const QString copyPath = dir.filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(mainPath, copyPath));
        QString error;
        {
            auto copy = Study::open(copyPath, &error);
            QCOMPARE(copy->stationNumber(), 1);
            QCOMPARE(copy->createParticipant(QStringLiteral("B"), 2, {})->scheduleIndex, 0);
        }
        main = Study::open(mainPath, &error);
        QCOMPARE(main->createParticipant(QStringLiteral("A"), 1, {})->scheduleIndex, 0);
        MergeReport r = mergeStudy(*main, copyPath);
        QVERIFY(r.refused);
        QCOMPARE(r.scheduleConflicts.size(), 2);
        QVERIFY2(r.scheduleConflicts.at(0).contains(QLatin1String("both files are station 1 of 2")), qPrintable(r.toText()));
        QVERIFY2(r.scheduleConflicts.at(1).contains(QLatin1String("'B'")) && r.scheduleConflicts.at(1).contains(QLatin1String("'A' here"))
                     && r.scheduleConflicts.at(1).contains(QLatin1String("same schedule index 0")),
                 qPrintable(r.toText()));
        QCOMPARE(main->participants().size(), 1);
        // Forced: merged, and recorded as forced.
        r = mergeStudy(*main, copyPath, true);
        QVERIFY(r.ok());
        QVERIFY(r.forced);
        QCOMPARE(r.participantsAdded, 1);

        // Set right, a third station's participants merge without conflicts.
        const QString thirdPath = dir.filePath(QStringLiteral("third.tastelab"));
        main.reset();
        QVERIFY(QFile::copy(mainPath, thirdPath));
        {
            auto third = Study::open(thirdPath, &error);
            QVERIFY(third->setStationNumber(2));
            // Station 2 of 2 in a file holding A (0) and B (0): its first own index is 1.
            QCOMPARE(third->nextScheduleIndex(), 1);
            QCOMPARE(third->createParticipant(QStringLiteral("C"), 3, {})->scheduleIndex, 1);
        }
        main = Study::open(mainPath, &error);
        r = mergeStudy(*main, thirdPath);
        QVERIFY2(r.ok() && r.scheduleConflicts.isEmpty(), qPrintable(r.toText()));
        QCOMPARE(r.participantsAdded, 1);

        // A file that declares another number of stations is another study file: refused, and said so.
        QTemporaryDir otherDir;
        s.design.stations = 3;
        {
            auto three = makeStudy(otherDir.path(), s, {QStringLiteral("a")}, 8);
            QVERIFY(three);
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sameid"));
        db.setDatabaseName(otherDir.filePath(QStringLiteral("study.tastelab")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE study_meta SET value = ? WHERE key = 'study_id'"));
        q.addBindValue(main->studyId());
        QVERIFY(q.exec());
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("sameid"));
        r = mergeStudy(*main, otherDir.filePath(QStringLiteral("study.tastelab")));
        QVERIFY(r.refused);
        QVERIFY2(r.scheduleConflicts.join(QLatin1Char('\n')).contains(QLatin1String("runs on 2 stations here and on 3")), qPrintable(r.toText()));
    }

    void movedMusicFolderIsFound()
    {
        QTemporaryDir dir;
        StudySettings s;
        s.clipsPerParticipant = 4;
        auto study = makeStudy(dir.path(), s, {QStringLiteral("rock")}, 4);
        QString error;
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("M"), {}, 1, &error);
        QVERIFY(!session->clipFile(0, &error).isEmpty());
        // The music folder moves elsewhere: the session names the missing file.
        QTemporaryDir elsewhere;
        QVERIFY(QDir().rename(dir.filePath(QStringLiteral("music")), elsewhere.filePath(QStringLiteral("moved"))));
        error.clear();
        QVERIFY(session->clipFile(0, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("music/rock/track")) && error.contains(QLatin1String("missing")),
                 qPrintable(error));
        // Told where it is now, every track resolves.
        QVERIFY(study->setMusicRoot(elsewhere.filePath(QStringLiteral("moved"))));
        for (const Track &t : study->tracks())
            QVERIFY2(study->resolveTrackPath(t).startsWith(elsewhere.path()), qPrintable(t.path));

        // Study and music moved together: the path relative to the study file is used.
        QTemporaryDir together;
        QVERIFY(QDir().rename(elsewhere.filePath(QStringLiteral("moved")), together.filePath(QStringLiteral("music"))));
        QVERIFY(study->setMusicRoot(QString()));
        session.reset();
        study.reset();
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("study.tastelab")), together.filePath(QStringLiteral("study.tastelab"))));
        study = Study::open(together.filePath(QStringLiteral("study.tastelab")), &error);
        QVERIFY2(study, qPrintable(error));
        for (const Track &t : study->tracks())
            QVERIFY2(study->resolveTrackPath(t).startsWith(together.path()), qPrintable(t.path));
    }
};

QTEST_GUILESS_MAIN(TestStudy)
#include "tst_study.moc"
