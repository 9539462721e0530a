// The ranked recommendation list: library excerpts, unheard tracks scored by a stored model and
// averaged over excerpts, the CLEP-N dislike risk, playlists, feedback saved as answers (and what
// it must not disturb: resume, progress, consistency, export, merge), and the ROC helper.

#include "study/embeddingstore.h"
#include "study/exporter.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/tasteprofile.h"
#include "study/training.h"
#include "survey/rng.h"
#include "train/scoring.h"
#include "../common/teststudy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tastelab;

namespace {

constexpr int kDim = 24;
const QString kEncoder = QStringLiteral("synthetic");

/// A vector where liked genres (g0, g1) sit apart from the others.
std::vector<float> vectorFor(int genre, Rng &rng)
{
    std::vector<float> v(kDim);
    for (int k = 0; k < kDim; ++k)
        v[std::size_t(k)] = float(rng.uniform() - 0.5) + (k == genre ? 3.0f : 0.0f);
    return v;
}

int genreOf(const Track &t) { return t.genre.mid(1).toInt(); }

/// 80 tracks in 4 genres (60 s); participant P answered their 40 clips (likes g0 and g1, one repeat
/// for the consistency check), Q exists without answers; "synthetic" embeddings of P's clips and
/// of 3 library excerpts of every track; P's CLEP-PN and CLEP-N models trained and stored.
QString makeStudy(const QString &dir, bool train = true)
{
    StudySettings s;
    s.name = QStringLiteral("Recommendations");
    s.clipsPerParticipant = 40;
    s.repeats = 1;
    const QString path = QDir(dir).filePath(QStringLiteral("r.tastelab"));
    QString error;
    auto study = Study::create(path, s, &error);
    if (!study || !test::addRowOnlyTracks(*study, 80, 4, 60))
        return QString();
    auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P"), {}, 5, &error);
    Rng rng(11);
    QVector<Embedding> batch;
    QSet<ClipKey> seen;
    for (int pos = 0; pos < session->total(); ++pos) {
        const Clip &c = session->clip(pos);
        const int genre = genreOf(*session->track(pos));
        const ClipKey key{c.trackId, c.startSeconds, c.lengthSeconds};
        if (!seen.contains(key)) {
            seen.insert(key);
            batch.push_back({key, vectorFor(genre, rng)});
        }
        session->answer(pos, genre < 2 ? 1 : 0, 1200, 0, &error);
    }
    for (const Track &t : study->tracks())
        for (const ClipKey &k : libraryExcerpts(t, s.clipSeconds, 3))
            if (!seen.contains(k))
                batch.push_back({k, vectorFor(genreOf(t), rng)});
    EmbeddingStore(*study).store(kEncoder, QStringLiteral("h1"), batch);
    study->createParticipant(QStringLiteral("Q"), 6, {});
    study.reset();
    if (train) {
        TrainingRequest r;
        r.studyPath = path;
        r.participant = QStringLiteral("P");
        r.encoder = kEncoder;
        r.models = {QStringLiteral("clep-pn"), QStringLiteral("clep-n")};
        r.settings.embedderEpochs = 8;
        r.settings.classifierEpochs = 10;
        const TrainingReport report = Trainer::run(r);
        if (!report.error.isEmpty()) {
            qWarning() << report.error;
            return QString();
        }
    }
    return path;
}

QVector<float> vectorOf(Study &study, const ClipKey &key)
{
    for (const Embedding &e : EmbeddingStore(study).embeddings(kEncoder))
        if (e.clip == key)
            return QVector<float>(e.vector.begin(), e.vector.end());
    return {};
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Recommendation item(qint64 id, double like, double risk)
{
    Recommendation r;
    r.track.id = id;
    r.likeProbability = like;
    r.dislikeRisk = risk;
    return r;
}

} // namespace

class TestRecommendations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void libraryExcerptPositions()
    {
        Track t;
        t.id = 7;
        t.durationSeconds = 60;
        // 5 % .. 95 % - clip = 3 .. 47 s; starts at 1/6, 3/6, 5/6 of that range, in ms.
        QVector<ClipKey> three = libraryExcerpts(t, 10, 3);
        QCOMPARE(three.size(), 3);
        QCOMPARE(three[0].startSeconds, 10.333);
        QCOMPARE(three[1].startSeconds, 25.0);
        QCOMPARE(three[2].startSeconds, 39.667);
        for (const ClipKey &k : three) {
            QCOMPARE(k.trackId, qint64(7));
            QCOMPARE(k.lengthSeconds, 10.0);
        }
        // The single excerpt is the central one, the middle of any odd count.
        QCOMPARE(libraryExcerpts(t, 10, 1), QVector<ClipKey>{three[1]});
        QCOMPARE(libraryExcerpts(t, 10, 5).at(2), three[1]);
        QCOMPARE(libraryExcerpts(t, 10, 2).size(), 2);
        QCOMPARE(libraryExcerpts(t, 10, 2).at(0).startSeconds, 14.0);
        QVERIFY(libraryExcerpts(t, 10, 0).isEmpty());
        // Deterministic.
        QCOMPARE(libraryExcerpts(t, 10, 3), three);

        // Too short for a clip away from the edges: one clip in the middle; shorter than a clip: from 0.
        t.durationSeconds = 10.5;
        QCOMPARE(libraryExcerpts(t, 10, 3).size(), 1);
        QCOMPARE(libraryExcerpts(t, 10, 3).at(0).startSeconds, 0.25);
        t.durationSeconds = 8;
        QCOMPARE(libraryExcerpts(t, 10, 3).size(), 1);
        QCOMPARE(libraryExcerpts(t, 10, 3).at(0).startSeconds, 0.0);
        // Exactly long enough: one start possible, counted once.
        t.durationSeconds = 10.0 / 0.9;
        QCOMPARE(libraryExcerpts(t, 10, 3).size(), 1);

        // The study version covers every track with the study's clip length.
        QTemporaryDir dir;
        StudySettings s;
        s.name = QStringLiteral("Excerpts");
        s.clipSeconds = 5;
        QString error;
        auto study = Study::create(dir.filePath(QStringLiteral("s.tastelab")), s, &error);
        QVERIFY2(study, qPrintable(error));
        QVERIFY(test::addRowOnlyTracks(*study, 6, 2, 30));
        const QVector<ClipKey> all = libraryExcerpts(*study, 3);
        QCOMPARE(all.size(), 18);
        for (const ClipKey &k : all) {
            QCOMPARE(k.lengthSeconds, 5.0);
            QVERIFY(k.startSeconds >= 1.5 && k.startSeconds + 5 <= 28.5);
        }
    }

    void rocCurveMatchesSklearn()
    {
        // sklearn.metrics.roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], drop_intermediate=False)
        // (the example of its documentation): fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1],
        // thresholds [inf, .8, .4, .35, .1].
        auto roc = train::rocCurve({0, 0, 1, 1}, {0.1f, 0.4f, 0.35f, 0.8f});
        QCOMPARE(int(roc.size()), 5);
        const double fpr[] = {0, 0, 0.5, 0.5, 1}, tpr[] = {0, 0.5, 0.5, 1, 1}, thr[] = {0.8, 0.4, 0.35, 0.1};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(roc[std::size_t(i)].fpr, fpr[i]);
            QCOMPARE(roc[std::size_t(i)].tpr, tpr[i]);
        }
        QVERIFY(std::isinf(roc[0].threshold) && roc[0].threshold > 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(roc[std::size_t(i) + 1].threshold, double(float(thr[i])));
        // Ties form one point: roc_curve([1, 0, 1, 0, 1], [.9, .9, .5, .3, .5]) gives
        // fpr [0, .5, .5, 1], tpr [0, 1/3, 1, 1], thresholds [inf, .9, .5, .3].
        roc = train::rocCurve({1, 0, 1, 0, 1}, {0.9f, 0.9f, 0.5f, 0.3f, 0.5f});
        QCOMPARE(int(roc.size()), 4);
        QCOMPARE(roc[1].fpr, 0.5);
        QCOMPARE(roc[1].tpr, 1.0 / 3);
        QCOMPARE(roc[2].fpr, 0.5);
        QCOMPARE(roc[2].tpr, 1.0);
        QCOMPARE(roc[3].fpr, 1.0);
        QCOMPARE(roc[3].threshold, double(0.3f));
        // One class only: no curve.
        QVERIFY(train::rocCurve({1, 1}, {0.2f, 0.7f}).empty());
        QVERIFY(train::rocCurve({}, {}).empty());
    }

    void averageByTrackMeansAndSorts()
    {
        const auto scores = train::averageByTrack({5, 3, 5, 9, 3, 5}, {0.2f, 0.9f, 0.4f, 0.5f, 0.5f, 0.6f});
        QCOMPARE(int(scores.size()), 3);
        QCOMPARE(scores[0].track, std::int64_t(3)); // (0.9 + 0.5) / 2 = 0.7
        QCOMPARE(scores[0].excerpts, 2);
        QVERIFY(qAbs(scores[0].probability - (double(0.9f) + double(0.5f)) / 2) < 1e-12);
        QCOMPARE(scores[1].track, std::int64_t(9)); // 0.5 beats 5's 0.4 (ties would go to the lower id)
        QCOMPARE(scores[2].track, std::int64_t(5));
        QCOMPARE(scores[2].excerpts, 3);
        const auto tie = train::averageByTrack({8, 2}, {0.5f, 0.5f});
        QCOMPARE(tie[0].track, std::int64_t(2));
    }

    void scoresUnheardTracksAveragedOverExcerpts()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QVERIFY(!path.isEmpty());
        QString error;
        auto study = Study::open(path, &error);
        const Participant p = *study->participant(QStringLiteral("P"));
        QSet<qint64> heard;
        for (const Answer &a : study->answers(p.id))
            heard.insert(a.trackId);
        QCOMPARE(heard.size(), 40);

        Recommendations recs;
        QVERIFY2(recommend(*study, {QStringLiteral("P")}, &recs, &error), qPrintable(error));
        QCOMPARE(recs.participant, QStringLiteral("P"));
        QCOMPARE(recs.encoder, kEncoder);
        QCOMPARE(recs.model, QStringLiteral("clep-pn"));
        QVERIFY(recs.safeModelId > 0 && recs.safeModelId != recs.modelId);
        QCOMPARE(recs.unheardTracks, 40);
        QCOMPARE(recs.missingEmbeddings, 0);
        QVERIFY2(recs.notice.isEmpty(), qPrintable(recs.notice));
        QCOMPARE(recs.items.size(), 40);
        QSet<qint64> listed;
        for (int i = 0; i < recs.items.size(); ++i) {
            const Recommendation &r = recs.items[i];
            QCOMPARE(r.rank, i + 1);
            QVERIFY(!heard.contains(r.track.id));
            listed.insert(r.track.id);
            QCOMPARE(r.excerpts, 3);
            QCOMPARE(r.feedback, -1);
            if (i > 0)
                QVERIFY(recs.items[i - 1].likeProbability >= r.likeProbability);
            QVERIFY(r.dislikeRisk >= 0 && r.dislikeRisk <= 1);
        }
        QCOMPARE(listed.size(), 40);

        // The score is the mean of predict() over the track's excerpts; the risk is 1 - CLEP-N's mean.
        auto like = loadModel(*study, recs.modelId, &error);
        auto safe = loadModel(*study, recs.safeModelId, &error);
        QVERIFY(like && safe);
        QCOMPARE(QString::fromStdString(safe->id()), QStringLiteral("clep-n"));
        for (const Recommendation &r : {recs.items.first(), recs.items[17], recs.items.last()}) {
            std::vector<std::vector<float>> rows;
            for (const ClipKey &k : libraryExcerpts(r.track, 10, 3)) {
                const QVector<float> v = vectorOf(*study, k);
                rows.emplace_back(v.begin(), v.end());
            }
            const std::vector<float> pl = like->predict(rows), pn = safe->predict(rows);
            // The flat-row predict that recommend() uses gives exactly the same.
            std::vector<float> flat;
            for (const auto &row : rows)
                flat.insert(flat.end(), row.begin(), row.end());
            QCOMPARE(like->predict(flat.data(), rows.size(), std::size_t(kDim)), pl);
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, like->predict(flat.data(), 1, std::size_t(kDim) - 1));
            const double meanLike = (double(pl[0]) + double(pl[1]) + double(pl[2])) / 3;
            const double meanSafe = (double(pn[0]) + double(pn[1]) + double(pn[2])) / 3;
            QVERIFY2(qAbs(r.likeProbability - meanLike) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(r.likeProbability).arg(meanLike)));
            QVERIFY(qAbs(r.dislikeRisk - (1 - meanSafe)) < 1e-6);
        }
        // The model learnt the taste: liked genres on top.
        int likedInTop = 0;
        for (const Recommendation &r : recs.items.mid(0, 15))
            likedInTop += genreOf(r.track) < 2;
        QVERIFY2(likedInTop >= 13, qPrintable(QString::number(likedInTop)));

        // One excerpt per track: the central one.
        Recommendations one;
        RecommendationRequest request{QStringLiteral("P")};
        request.excerpts = 1;
        QVERIFY(recommend(*study, request, &one, &error));
        QCOMPARE(one.items.size(), 40);
        for (const Recommendation &r : one.items)
            QCOMPARE(r.excerpts, 1);

        // Safe order: lowest risk first.
        const QVector<Recommendation> safeOrder = byDislikeRisk(recs.items);
        QCOMPARE(safeOrder.size(), 40);
        for (int i = 1; i < safeOrder.size(); ++i)
            QVERIFY(safeOrder[i - 1].dislikeRisk <= safeOrder[i].dislikeRisk);
        QCOMPARE(byLikeProbability(safeOrder).first().track.id, recs.items.first().track.id);
    }

    void sortOrdersAndTracksWithoutRisk()
    {
        const QVector<Recommendation> items{item(1, 0.5, std::nan("")), item(2, 0.9, 0.4), item(3, 0.7, 0.1),
                                            item(4, 0.7, std::nan("")), item(5, 0.2, 0.1)};
        QVector<qint64> ids;
        for (const Recommendation &r : byLikeProbability(items))
            ids << r.track.id;
        QCOMPARE(ids, (QVector<qint64>{2, 3, 4, 1, 5}));
        ids.clear();
        for (const Recommendation &r : byDislikeRisk(items))
            ids << r.track.id;
        // Risk 0.1 (ties by like probability), 0.4, then the tracks without a risk.
        QCOMPARE(ids, (QVector<qint64>{3, 5, 2, 4, 1}));
    }

    void missingEmbeddingsAreCountedAndModelsChecked()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QVERIFY(!path.isEmpty());
        QString error;
        auto study = Study::open(path, &error);
        Recommendations recs;
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &recs, &error));
        const qint64 gone = recs.items[3].track.id, partial = recs.items[5].track.id;
        // One track loses all its excerpts, another one of three.
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM embeddings WHERE track_id = %1").arg(gone)));
        const ClipKey first = libraryExcerpts(recs.items[5].track, 10, 3).first();
        q.prepare(QStringLiteral("DELETE FROM embeddings WHERE track_id = ? AND clip_start = ?"));
        q.addBindValue(partial);
        q.addBindValue(first.startSeconds);
        QVERIFY(q.exec() && q.numRowsAffected() == 1);
        Recommendations after;
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &after, &error));
        QCOMPARE(after.unheardTracks, 40);
        QCOMPARE(after.missingEmbeddings, 1);
        QCOMPARE(after.items.size(), 39);
        QVERIFY2(after.notice.contains(QLatin1String("1 of 40 unheard tracks have no synthetic embeddings"))
                     && after.notice.contains(QLatin1String("extract library excerpts")),
                 qPrintable(after.notice));
        QVERIFY2(after.notice.contains(QLatin1String("1 tracks are scored on fewer than 3 excerpts")), qPrintable(after.notice));
        for (const Recommendation &r : after.items) {
            QVERIFY(r.track.id != gone);
            QCOMPARE(r.excerpts, r.track.id == partial ? 2 : 3);
        }

        // A track with an id far beyond the others (ids are looked up in flat arrays otherwise).
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tracks(id, path, rel_path, content_hash, title, artist, genre, duration, "
                                      "sample_rate, channels, format, added_at) VALUES (1000000000, '/m/far.flac', "
                                      "'far.flac', 'far', 'far', 'far', 'g0', 60, 44100, 2, 'FLAC', '2026-01-01T00:00:00Z')")));
        Rng rng(3);
        QVector<Embedding> far;
        for (const ClipKey &k : libraryExcerpts(*study->track(1000000000), 10, 3))
            far.push_back({k, vectorFor(0, rng)});
        QVERIFY(EmbeddingStore(*study).store(kEncoder, QStringLiteral("h1"), far));
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &after, &error));
        QCOMPARE(after.unheardTracks, 41);
        QCOMPARE(after.items.size(), 40);
        bool found = false;
        for (const Recommendation &r : after.items)
            if (r.track.id == 1000000000) {
                found = true;
                QCOMPARE(r.excerpts, 3);
                QCOMPARE(r.track.title, QStringLiteral("far"));
            }
        QVERIFY(found);

        // Errors name the study and the reason.
        QVERIFY(!recommend(*study, {QStringLiteral("nobody")}, &after, &error));
        QVERIFY2(error.contains(QLatin1String("r.tastelab")) && error.contains(QLatin1String("no participant 'nobody'")),
                 qPrintable(error));
        QVERIFY(!recommend(*study, {QStringLiteral("Q")}, &after, &error));
        QVERIFY2(error.contains(QLatin1String("no trained model")), qPrintable(error));
        RecommendationRequest foreign{QStringLiteral("Q")};
        foreign.modelId = recs.modelId;
        QVERIFY(!recommend(*study, foreign, &after, &error));
        QVERIFY2(error.contains(QLatin1String("another participant")), qPrintable(error));
        RecommendationRequest notN{QStringLiteral("P")};
        notN.safeModelId = recs.modelId;
        QVERIFY(!recommend(*study, notN, &after, &error));
        QVERIFY2(error.contains(QLatin1String("needs a CLEP-N model")), qPrintable(error));
        RecommendationRequest explicitN{QStringLiteral("P")};
        explicitN.modelId = recs.modelId;
        explicitN.safeModelId = recs.safeModelId;
        QVERIFY2(recommend(*study, explicitN, &after, &error), qPrintable(error));
        QCOMPARE(after.safeModelId, recs.safeModelId);

        // Without a CLEP-N model there is no risk, and the notice says so.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM models WHERE kind = 'clep-n'")));
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &after, &error));
        QCOMPARE(after.safeModelId, qint64(0));
        QVERIFY(std::isnan(after.items.first().dislikeRisk));
        QVERIFY2(after.notice.contains(QLatin1String("dislike risk is not available")), qPrintable(after.notice));
    }

    void playlistAndCsv()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QVERIFY(!path.isEmpty());
        QString error;
        auto study = Study::open(path, &error);
        Recommendations recs;
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &recs, &error));
        QVector<Recommendation> items = recs.items.mid(0, 3);
        items[1].track.title = QStringLiteral("Title, with \"quotes\"");
        items[1].track.artist = QStringLiteral("Artist");

        const QString m3u = dir.filePath(QStringLiteral("list.m3u"));
        QVERIFY2(writeM3u(*study, items, m3u, &error), qPrintable(error));
        const QStringList lines = readLines(m3u);
        QCOMPARE(lines.size(), 1 + 2 * 3);
        QCOMPARE(lines[0], QStringLiteral("#EXTM3U"));
        QCOMPARE(lines[1], QStringLiteral("#EXTINF:60,t - t"));
        QCOMPARE(lines[2], items[0].track.path); // the file is not there: the stored path
        QCOMPARE(lines[3], QStringLiteral("#EXTINF:60,Artist - Title, with \"quotes\""));
        QCOMPARE(lines[6], items[2].track.path);

        const QString csv = dir.filePath(QStringLiteral("list.csv"));
        QVERIFY2(writeRecommendationsCsv(*study, items, csv, &error), qPrintable(error));
        const QStringList rows = readLines(csv);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], QStringLiteral("rank,title,artist,genre,like_probability,dislike_risk,excerpts,path"));
        QCOMPARE(rows[1], QStringLiteral("1,t,t,%1,%2,%3,3,%4")
                              .arg(items[0].track.genre)
                              .arg(items[0].likeProbability, 0, 'f', 6)
                              .arg(items[0].dislikeRisk, 0, 'f', 6)
                              .arg(items[0].track.path));
        QVERIFY2(rows[2].startsWith(QStringLiteral("2,\"Title, with \"\"quotes\"\"\",Artist,")), qPrintable(rows[2]));
        items[2].dislikeRisk = std::nan("");
        QVERIFY(writeRecommendationsCsv(*study, items, csv, &error));
        QVERIFY2(readLines(csv)[3].contains(QStringLiteral(",%1,,3,").arg(items[2].likeProbability, 0, 'f', 6)),
                 qPrintable(readLines(csv)[3]));

        // A file that cannot be written is named, and nothing is left.
        const QString bad = dir.filePath(QStringLiteral("no-such-folder/list.m3u"));
        QVERIFY(!writeM3u(*study, items, bad, &error));
        QVERIFY2(error.contains(QLatin1String("no-such-folder")), qPrintable(error));
    }

    void compareRankingsRanksDeltasNewAndRemoved()
    {
        const auto rec = [](qint64 id, double p, int feedback = -1) {
            Recommendation r;
            r.track.id = id;
            r.track.title = QStringLiteral("T%1").arg(id);
            r.likeProbability = p;
            r.feedback = feedback;
            return r;
        };
        // Before: tracks 1..10 ranked by position (rank 0 = not set). After: 10 rose from #10 to
        // #1, 1 fell from #1 to #4, 7 is gone, 11 is new, 3 was rated and rose.
        QVector<Recommendation> before;
        for (qint64 id = 1; id <= 10; ++id)
            before << rec(id, 1.0 - id / 20.0);
        QVector<Recommendation> after{rec(10, 0.9), rec(3, 0.85, 1), rec(2, 0.8), rec(1, 0.7),
                                      rec(4, 0.6),  rec(5, 0.55),    rec(11, 0.5), rec(6, 0.45),
                                      rec(8, 0.4),  rec(9, 0.3)};
        for (int i = 0; i < after.size(); ++i)
            after[i].rank = i + 1;
        const RankingComparison c = compareRankings(before, after);
        QCOMPARE(c.changes.size(), 11);
        QCOMPARE(c.compared, 9);
        QCOMPARE(c.newTracks, 1);
        QCOMPARE(c.removedTracks, 1);
        QCOMPARE(c.ratedTracks, 1);
        // The newer list's order first, then the tracks that left it.
        QCOMPARE(c.changes.first().track.id, 10);
        QCOMPARE(c.changes.last().track.id, 7);

        const RankChange *rose = c.find(10);
        QVERIFY(rose);
        QCOMPARE(rose->previousRank, 10);
        QCOMPARE(rose->rank, 1);
        QCOMPARE(rose->rankChange(), 9);
        QVERIFY(qAbs(rose->scoreChange() - (0.9 - 0.5)) < 1e-12);
        QCOMPARE(rankChangeText(*rose), QStringLiteral("\u25B29"));
        QCOMPARE(scoreChangeText(*rose), QStringLiteral("+0.40"));

        const RankChange *fell = c.find(1);
        QCOMPARE(fell->previousRank, 1);
        QCOMPARE(fell->rank, 4);
        QCOMPARE(fell->rankChange(), -3);
        QCOMPARE(rankChangeText(*fell), QStringLiteral("\u25BC3"));
        QCOMPARE(scoreChangeText(*fell), QStringLiteral("\u22120.25")); // 0.70 - 0.95

        const RankChange *down = c.find(4); // pushed down one place by the new track above it
        QCOMPARE(down->previousRank, 4);
        QCOMPARE(down->rank, 5);
        QCOMPARE(down->rankChange(), -1);

        const RankChange *fresh = c.find(11);
        QVERIFY(fresh->isNew());
        QCOMPARE(fresh->previousRank, 0);
        QCOMPARE(fresh->rank, 7);
        QCOMPARE(fresh->rankChange(), 0);
        QVERIFY(std::isnan(fresh->scoreChange()));
        QCOMPARE(rankChangeText(*fresh), QStringLiteral("new"));
        QVERIFY(scoreChangeText(*fresh).isEmpty());

        const RankChange *gone = c.find(7);
        QVERIFY(gone->isRemoved());
        QCOMPARE(gone->previousRank, 7);
        QCOMPARE(gone->rank, 0);
        QCOMPARE(rankChangeText(*gone), QStringLiteral("gone"));
        QVERIFY(c.find(99) == nullptr);

        // Track 3 was rated: compared, but not in the counts, the extremes or the movers.
        const RankChange *rated = c.find(3);
        QVERIFY(rated->isRated());
        QCOMPARE(rated->rankChange(), 1);
        QCOMPARE(c.biggestRise()->track.id, 10);
        QCOMPARE(c.biggestFall()->track.id, 1);
        // Places moved (unrated, in both): 10 +9, 2 -1, 1 -3, 4 -1, 5 -1, 6 -2, 8 -1, 9 -1.
        QCOMPARE(c.movedAtLeast(1), 8);
        QCOMPARE(c.movedAtLeast(3), 2);
        QCOMPARE(c.movedAtLeast(5), 1);
        const QVector<RankChange> movers = c.topMovers(3);
        QCOMPARE(movers.size(), 3);
        QCOMPARE(movers[0].track.id, 10);
        QCOMPARE(movers[1].track.id, 1);
        QCOMPARE(movers[2].track.id, 6);
        QCOMPARE(c.topMovers(-1).size(), 8);

        const QString text = describeMoves(c, 3);
        QVERIFY2(text.startsWith(QLatin1String("2 of 8 tracks moved 3 or more places")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("biggest rise: \u201CT10\u201D \u25B29")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("biggest fall: \u201CT1\u201D \u25BC3")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("1 rated track not counted")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("1 new in the list")) && text.contains(QLatin1String("1 left the list")),
                 qPrintable(text));

        // Identical lists: nothing moved, no extremes.
        const RankingComparison none = compareRankings(before, before);
        QCOMPARE(none.compared, 10);
        QCOMPARE(none.movedAtLeast(1), 0);
        QVERIFY(!none.biggestRise() && !none.biggestFall());
        QVERIFY(none.topMovers(5).isEmpty());
        QCOMPARE(rankChangeText(none.changes[0]), QStringLiteral("="));
        QCOMPARE(scoreChangeText(none.changes[0]), QStringLiteral("\u00B10.00"));
        QCOMPARE(describeMoves(none), QStringLiteral("0 of 10 tracks moved 5 or more places"));
        // Empty lists.
        QCOMPARE(compareRankings({}, {}).changes.size(), 0);
        QCOMPARE(compareRankings(before, {}).removedTracks, 10);
    }

    void feedbackRetrainingRequestKeepsTheStoredSettings()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), false);
        QVERIFY(!path.isEmpty());
        TrainingRequest r;
        r.studyPath = path;
        r.participant = QStringLiteral("P");
        r.encoder = kEncoder;
        r.models = QStringList{QStringLiteral("clep-pn"), QStringLiteral("clep-n")};
        r.settings.embedderEpochs = 3;
        r.settings.classifierEpochs = 4;
        r.settings.margin = 5.5;
        r.settings.seed = 77;
        r.customMapping = true;
        r.mapping = {1, 0};
        const TrainingReport report = Trainer::run(r);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.models.size(), 2);
        QString error;
        auto study = Study::open(path, &error);
        TrainingRequest again;
        QVERIFY2(feedbackRetrainingRequest(*study, report.models[0].id, report.models[1].id, &again, &error),
                 qPrintable(error));
        QCOMPARE(again.studyPath, study->path());
        QCOMPARE(again.participant, QStringLiteral("P"));
        QCOMPARE(again.encoder, kEncoder);
        QCOMPARE(again.models, (QStringList{QStringLiteral("clep-pn"), QStringLiteral("clep-n")}));
        QCOMPARE(again.settings.embedderEpochs, 3);
        QCOMPARE(again.settings.classifierEpochs, 4);
        QCOMPARE(again.settings.margin, 5.5);
        QCOMPARE(again.settings.seed, std::uint64_t(77));
        QVERIFY(again.customMapping);
        QCOMPARE(again.mapping.likeAtOrAbove, 1);
        QVERIFY(again.store);
        // Without a CLEP-N (or for the CLEP-N model itself) only that model.
        QVERIFY(feedbackRetrainingRequest(*study, report.models[0].id, 0, &again, &error));
        QCOMPARE(again.models, QStringList{QStringLiteral("clep-pn")});
        QVERIFY(feedbackRetrainingRequest(*study, report.models[1].id, report.models[1].id, &again, &error));
        QCOMPARE(again.models, QStringList{QStringLiteral("clep-n")});
        QVERIFY(!feedbackRetrainingRequest(*study, 4242, 0, &again, &error));
        QVERIFY2(error.contains(QLatin1String("no stored model 4242")), qPrintable(error));
    }

    void feedbackIsAnAnswerThatLeavesTheSurveyAlone()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QVERIFY(!path.isEmpty());
        QString error;
        auto study = Study::open(path, &error);
        const Participant p = *study->participant(QStringLiteral("P"));
        const QVector<Answer> survey = study->answers(p.id);
        const double consistency = study->consistency(p.id);
        QVERIFY(consistency >= 0);
        Recommendations recs;
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &recs, &error));
        const Track liked = recs.items.last().track;   // the model's least likely track
        const Track disliked = recs.items.first().track;
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QTest::qWait(5);

        QVERIFY2(recordFeedback(*study, QStringLiteral("P"), liked.id, false, &error), qPrintable(error));
        QVERIFY(recordFeedback(*study, QStringLiteral("P"), liked.id, true, &error)); // changes their mind
        QVERIFY(recordFeedback(*study, QStringLiteral("P"), disliked.id, false, &error));
        QVERIFY(!recordFeedback(*study, QStringLiteral("P"), 100000, true, &error));
        QVERIFY2(error.contains(QLatin1String("no track 100000")), qPrintable(error));
        QVERIFY(!recordFeedback(*study, QStringLiteral("nobody"), liked.id, true, &error));

        // Stored as answers with source feedback, at -track id, on the central excerpt; replaced.
        const QVector<Answer> all = study->answers(p.id, AnswerSources::All);
        QCOMPARE(all.size(), survey.size() + 2);
        const Answer &a = all[all.size() - 2];
        const Answer &b = all.last();
        QVERIFY(a.isFeedback() && b.isFeedback());
        QCOMPARE(a.trackId, std::min(liked.id, disliked.id));
        QCOMPARE(a.position, int(-a.trackId));
        QCOMPARE(all[all.size() - 1 - int(liked.id < disliked.id)].value, 1);
        QCOMPARE(all[all.size() - 1 - int(disliked.id < liked.id)].value, 0);
        QCOMPARE(a.clipStart, libraryExcerpts(a.trackId == liked.id ? liked : disliked, 10, 1).first().startSeconds);
        QCOMPARE(a.source, QStringLiteral("feedback"));
        QCOMPARE(survey.first().source, QStringLiteral("survey"));
        QSqlQuery count(study->database());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM answers WHERE source = 'feedback'")) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);

        // The survey is untouched: answers, progress, resume, consistency.
        QCOMPARE(study->answers(p.id).size(), survey.size());
        QCOMPARE(study->consistency(p.id), consistency);
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P"), {}, 0, &error);
        QCOMPARE(session->answeredCount(), survey.size());
        QVERIFY(session->isFinished());
        // A survey answer at a negative position, or feedback elsewhere than -track id, is refused.
        Answer wrong = a;
        wrong.position = -1;
        QVERIFY(!study->recordAnswer(wrong));
        wrong.source = surveySource();
        QVERIFY(!study->recordAnswer(wrong));

        // Feedback tracks stay in the list, marked.
        QVERIFY(recommend(*study, {QStringLiteral("P")}, &recs, &error));
        QCOMPARE(recs.items.size(), 40);
        for (const Recommendation &r : recs.items)
            QCOMPARE(r.feedback, r.track.id == liked.id ? 1 : r.track.id == disliked.id ? 0 : -1);

        // What retraining would add.
        QCOMPARE(feedbackSince(*study, QStringLiteral("P"), before), 2);
        QCOMPARE(feedbackSince(*study, QStringLiteral("P"), QDateTime()), 2);
        QCOMPARE(feedbackSince(*study, QStringLiteral("P"), QDateTime::currentDateTimeUtc().addSecs(60)), 0);
        QCOMPARE(feedbackSince(*study, QStringLiteral("Q"), before), 0);

        // Training uses the feedback on the excerpt it was given on.
        TrainingData data;
        QVERIFY(buildTrainingData(*study, p, kEncoder, LabelMapping::forScale(AnswerScale::LikeDislike), &data, &error));
        QCOMPARE(data.feedback, 2);
        QCOMPARE(int(data.dataset.labels.size()), 40 + 2); // the repeat counts once
        QCOMPARE(data.repeatsSkipped, 1);
        const int row = data.clips.indexOf(ClipKey{liked.id, a.trackId == liked.id ? a.clipStart : b.clipStart, 10.0});
        QVERIFY(row >= 0);
        QCOMPARE(data.dataset.labels[std::size_t(row)], 1);
        TrainingRequest retrain;
        retrain.studyPath = path;
        retrain.participant = QStringLiteral("P");
        retrain.encoder = kEncoder;
        retrain.models = {QStringLiteral("knn")};
        retrain.store = false;
        const TrainingReport report = Trainer::run(retrain);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.examples, 42);
        QCOMPARE(report.feedback, 2);
        QVERIFY2(report.toText().contains(QLatin1String("2 of them feedback from the recommendation list")),
                 qPrintable(report.toText()));

        // Export: survey rows as before, feedback rows with their source and no position.
        const QString csv = dir.filePath(QStringLiteral("answers.csv"));
        QVERIFY(exportCsv(*study, csv, &error));
        const QStringList rows = readLines(csv);
        QCOMPARE(rows.size(), 1 + survey.size() + 2);
        QVERIFY(rows[0].contains(QLatin1String(",answered_at,source,kind,")));
        QVERIFY2(rows[1].startsWith(QLatin1String("Recommendations,")) && rows[1].contains(QLatin1String(",survey,clip,")),
                 qPrintable(rows[1]));
        QVERIFY2(rows.last().contains(QStringLiteral(",P,,%1,").arg(disliked.id > liked.id ? disliked.path : liked.path))
                     && rows.last().contains(QLatin1String(",feedback,feedback,")),
                 qPrintable(rows.last()));
        const QString json = dir.filePath(QStringLiteral("answers.json"));
        QVERIFY(exportJson(*study, json, &error));
        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonArray ja = QJsonDocument::fromJson(jf.readAll()).object().value(QStringLiteral("answers")).toArray();
        QCOMPARE(ja.size(), survey.size() + 2);
        QCOMPARE(ja.first().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("survey"));
        QCOMPARE(ja.first().toObject().value(QStringLiteral("position")).toInt(), 1);
        QCOMPARE(ja.last().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("feedback"));
        QVERIFY(ja.last().toObject().value(QStringLiteral("position")).isNull());
    }

    void feedbackMergesWithoutFalseConflicts()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), false);
        QVERIFY(!path.isEmpty());
        const QString other = dir.filePath(QStringLiteral("station2.tastelab"));
        QVERIFY(QFile::copy(path, other));
        QString error;
        QVector<Track> tracks;
        Track extra;
        extra.path = QStringLiteral("/m/extra.flac");
        extra.title = extra.artist = extra.genre = QStringLiteral("x");
        extra.durationSeconds = 40;
        extra.format = QStringLiteral("FLAC");
        qint64 theirExtra = 0;
        {
            // Each station imported another track since: track ids differ between the files.
            auto theirs = Study::open(other, &error);
            extra.contentHash = QStringLiteral("theirs");
            theirExtra = theirs->addTrack(extra);
            QVERIFY(theirExtra > 0);
            tracks = theirs->tracks();
            QVERIFY(recordFeedback(*theirs, QStringLiteral("P"), theirExtra, true, &error));
            QVERIFY(recordFeedback(*theirs, QStringLiteral("P"), tracks[1].id, true, &error));
            QVERIFY(recordFeedback(*theirs, QStringLiteral("P"), tracks[2].id, true, &error));
            QVERIFY(recordFeedback(*theirs, QStringLiteral("Q"), tracks[3].id, false, &error));
            // Steering (taste profile): their extra track, a newer "less like" track 1, an anchor.
            QVERIFY(recordSteering(*theirs, {QStringLiteral("P"), theirExtra, {}, {}, 1, 1.0, QStringLiteral("prototype")}, &error));
            QVERIFY(recordSteering(*theirs, {QStringLiteral("P"), tracks[1].id, {}, {}, -1, 2.0, QStringLiteral("prototype")}, &error));
            QVERIFY(recordSteering(*theirs, {QStringLiteral("P"), 0, QStringLiteral("enc"), {1.f, 2.f, 3.f}, 1, 1.0, QStringLiteral("component")}, &error));
        }
        auto study = Study::open(path, &error);
        extra.contentHash = QStringLiteral("mine");
        QCOMPARE(study->addTrack(extra), theirExtra);
        // Here: the same like on track 2, and an older "not for me" on track 1.
        QVERIFY(recordFeedback(*study, QStringLiteral("P"), tracks[2].id, true, &error));
        QSqlQuery q(study->database());
        QVERIFY(recordFeedback(*study, QStringLiteral("P"), tracks[1].id, false, &error));
        QVERIFY(q.exec(QStringLiteral("UPDATE answers SET answered_at = '2020-01-01T00:00:00.000Z' WHERE position = %1")
                           .arg(-tracks[1].id)));
        // An older "more like" on track 1 and the same anchor here.
        QVERIFY(recordSteering(*study, {QStringLiteral("P"), tracks[1].id, {}, {}, 1, 1.0, QStringLiteral("prototype")}, &error));
        QVERIFY(recordSteering(*study, {QStringLiteral("P"), 0, QStringLiteral("enc"), {1.f, 2.f, 3.f}, 1, 1.0, QStringLiteral("component")}, &error));
        QVERIFY(q.exec(QStringLiteral("UPDATE steering SET created_at = '2020-01-01T00:00:00.000Z'")));
        const MergeReport r = mergeStudy(*study, other);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY2(r.conflicts.isEmpty(), qPrintable(r.conflicts.join(QLatin1Char('\n'))));
        QCOMPARE(r.tracksAdded, 1);
        QCOMPARE(r.answersAdded, 3); // the like on their extra track, the newer like on track 1, Q's feedback
        QCOMPARE(r.answersAlreadyPresent, 41 + 1); // P's survey answers, the same like on track 2
        const qint64 mapped = study->trackByHash(QStringLiteral("theirs"))->id;
        QVERIFY(mapped != theirExtra);
        const Participant p = *study->participant(QStringLiteral("P"));
        QCOMPARE(study->answers(p.id).size(), 41); // the survey's (40 + 1 repeat), unchanged
        QSet<qint64> liked;
        for (const Answer &a : study->answers(p.id, AnswerSources::All))
            if (a.isFeedback()) {
                QCOMPARE(a.position, int(-a.trackId));
                QCOMPARE(a.value, 1);
                liked.insert(a.trackId);
            }
        QCOMPARE(liked, (QSet<qint64>{mapped, tracks[1].id, tracks[2].id}));
        QVERIFY(!study->participant(QStringLiteral("Q"))->finishedAt.isValid());
        // Steering: their extra track mapped, the newer "less like" on track 1 won, the anchor once.
        QCOMPARE(r.steeringAdded, 2);
        QVERIFY(r.toText().contains(QLatin1String("Steering feedback (more / less like this) added or updated: 2.")));
        QCOMPARE(steeringCount(*study, QStringLiteral("P")), 3);
        QVERIFY(q.exec(QStringLiteral("SELECT track_id, direction, weight FROM steering WHERE participant_id = %1 AND track_id IS NOT NULL "
                                      "ORDER BY track_id").arg(p.id)));
        QMap<qint64, QPair<int, double>> steered;
        while (q.next())
            steered.insert(q.value(0).toLongLong(), {q.value(1).toInt(), q.value(2).toDouble()});
        QCOMPARE(steered, (QMap<qint64, QPair<int, double>>{{tracks[1].id, {-1, 2.0}}, {mapped, {1, 1.0}}}));
        const MergeReport again = mergeStudy(*study, other);
        QCOMPARE(again.answersAdded, 0);
        QCOMPARE(again.steeringAdded, 0);
        QVERIFY(again.conflicts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecommendations)
#include "tst_recommendations.moc"
