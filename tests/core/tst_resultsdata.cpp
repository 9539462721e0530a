// The data behind the Results page: a stored model predicted again on its test part (confusion,
// ROC), the newest stored models across participants, and the embedding map (points, labels,
// probabilities, unheard excerpts, model space, errors, cancellation, the worker service).

#include "study/embeddingstore.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/results.h"
#include "survey/rng.h"
#include "../common/teststudy.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tastelab;

namespace {

constexpr int kDim = 16;
constexpr int kTracks = 100;
constexpr int kClips = 60;
const QString kEncoder = QStringLiteral("synthetic");

/// A vector for a track: genres 0 and 1 are liked, and each genre sits apart on its own axis.
std::vector<float> vectorFor(int genre, Rng &rng)
{
    std::vector<float> v(kDim);
    for (int k = 0; k < kDim; ++k)
        v[std::size_t(k)] = float(rng.uniform() - 0.5) + (k == genre ? 3.0f : 0.0f);
    return v;
}

/// 100 row-only tracks in 4 genres; participants P and Q answer all 60 clips of their plans
/// (liked = genres 0 and 1); every plan clip and every library excerpt has an embedding.
QString makeStudy(const QString &dir)
{
    StudySettings s;
    s.name = QStringLiteral("Results");
    s.clipsPerParticipant = kClips;
    const QString path = QDir(dir).filePath(QStringLiteral("r.tastelab"));
    QString error;
    auto study = Study::create(path, s, &error);
    if (!study || !test::addRowOnlyTracks(*study, kTracks, 4, 60))
        return {};
    Rng rng(7);
    QVector<Embedding> batch;
    QHash<qint64, int> genreOf;
    for (const Track &t : study->tracks()) {
        const int genre = t.genre.mid(1).toInt();
        genreOf.insert(t.id, genre);
        for (const ClipKey &k : libraryExcerpts(t, s.clipSeconds))
            batch.push_back({k, vectorFor(genre, rng)});
    }
    for (const QString &code : {QStringLiteral("P"), QStringLiteral("Q")}) {
        auto session = ParticipantSession::startOrResume(*study, code, {}, code == QLatin1String("P") ? 5 : 6, &error);
        if (!session)
            return {};
        for (int pos = 0; pos < session->total(); ++pos) {
            const Clip &c = session->clip(pos);
            const int genre = genreOf.value(c.trackId);
            batch.push_back({{c.trackId, c.startSeconds, c.lengthSeconds}, vectorFor(genre, rng)});
            session->answer(pos, genre < 2 ? 1 : 0, 900, 0, &error);
        }
    }
    return EmbeddingStore(*study).store(kEncoder, QStringLiteral("h1"), batch) ? path : QString();
}

TrainingReport trainModels(const QString &path, const QString &participant, const QStringList &models)
{
    TrainingRequest r;
    r.studyPath = path;
    r.participant = participant;
    r.encoder = kEncoder;
    r.models = models;
    r.settings.embedderEpochs = 6;
    r.settings.classifierEpochs = 8;
    return Trainer::run(r);
}

MapRequest mapRequest(const QString &path, const QStringList &participants)
{
    MapRequest r;
    r.studyPath = path;
    r.participants = participants;
    r.encoder = kEncoder;
    r.tsne.iterations = 300;
    r.tsne.perplexity = 10;
    return r;
}

} // namespace

class TestResultsData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = makeStudy(m_dir.path());
        QVERIFY(!m_path.isEmpty());
        const TrainingReport first = trainModels(m_path, QStringLiteral("P"), {QStringLiteral("clep-pn"), QStringLiteral("logreg")});
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        const TrainingReport second = trainModels(m_path, QStringLiteral("P"), {QStringLiteral("clep-pn"), QStringLiteral("clep-n")});
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        const TrainingReport q = trainModels(m_path, QStringLiteral("Q"), {QStringLiteral("clep-pn")});
        QVERIFY2(q.error.isEmpty(), qPrintable(q.error));
        m_newestPn = second.models.at(0);
        m_logreg = first.models.at(1);
        QCOMPARE(m_newestPn.model, QStringLiteral("clep-pn"));
        QCOMPARE(m_logreg.model, QStringLiteral("logreg"));
    }

    void testResultMatchesStoredMetrics()
    {
        QString error;
        auto study = Study::open(m_path, &error);
        for (const TrainedModel &stored : {m_newestPn, m_logreg}) {
            ModelTestResult r;
            QVERIFY2(modelTestResult(*study, stored.id, &r, &error), qPrintable(error));
            QCOMPARE(r.model.id, stored.id);
            QCOMPARE(int(r.clips.size()), 16); // a quarter of each class of 30, rounded: 8 + 8
            QCOMPARE(int(r.truth.size()), 16);
            QCOMPARE(r.metrics.tp + r.metrics.tn + r.metrics.fp + r.metrics.fn, 16);
            QCOMPARE(r.metrics.tp, stored.metrics.tp);
            QCOMPARE(r.metrics.tn, stored.metrics.tn);
            QCOMPARE(r.metrics.fp, stored.metrics.fp);
            QCOMPARE(r.metrics.fn, stored.metrics.fn);
            QVERIFY(std::abs(r.metrics.auroc - stored.metrics.auroc) < 1e-9);
            QVERIFY(std::abs(r.metrics.accuracy - stored.metrics.accuracy) < 1e-9);
            // The ROC runs from (0, 0) to (1, 1) without stepping back.
            QVERIFY(r.roc.size() >= 2);
            QCOMPARE(r.roc.front().fpr, 0.0);
            QCOMPARE(r.roc.front().tpr, 0.0);
            QCOMPARE(r.roc.back().fpr, 1.0);
            QCOMPARE(r.roc.back().tpr, 1.0);
            for (std::size_t i = 1; i < r.roc.size(); ++i) {
                QVERIFY(r.roc[i].fpr >= r.roc[i - 1].fpr);
                QVERIFY(r.roc[i].tpr >= r.roc[i - 1].tpr);
            }
            // Truth follows the answers: genres 0 and 1 liked.
            for (int i = 0; i < r.clips.size(); ++i)
                QCOMPARE(r.truth[std::size_t(i)], study->track(r.clips[i].trackId)->genre.mid(1).toInt() < 2 ? 1 : 0);
        }
    }

    void testResultErrors()
    {
        QTemporaryDir dir;
        const QString copy = QDir(dir.path()).filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(m_path, copy));
        QString error;
        auto study = Study::open(copy, &error);
        ModelTestResult r;
        QVERIFY(!modelTestResult(*study, 9999, &r, &error));
        QVERIFY2(error.contains(QLatin1String("no stored model 9999")) && error.contains(copy), qPrintable(error));

        // Re-extracted with a changed encoder: the model no longer fits its embeddings.
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE embeddings SET encoder_hash = 'h2'")));
        QVERIFY(!modelTestResult(*study, m_newestPn.id, &r, &error));
        QVERIFY2(error.contains(QLatin1String("changed since model")), qPrintable(error));

        QVERIFY(q.exec(QStringLiteral("DELETE FROM embeddings")));
        QVERIFY(!modelTestResult(*study, m_newestPn.id, &r, &error));
        QVERIFY2(error.contains(QLatin1String("missing")) && error.contains(QLatin1String("Features page")),
                 qPrintable(error));
    }

    void storedResultsTakeTheNewestOfEachKind()
    {
        QString error;
        auto study = Study::open(m_path, &error);
        const std::vector<train::ParticipantResult> results = storedResults(*study, kEncoder);
        // P: clep-pn (newest), clep-n, logreg; Q: clep-pn.
        QCOMPARE(int(results.size()), 4);
        int pn = 0;
        for (const train::ParticipantResult &r : results) {
            QCOMPARE(r.encoder, kEncoder.toStdString());
            if (r.participant == "P" && r.model == "clep-pn") {
                ++pn;
                QCOMPARE(r.metrics.tp, m_newestPn.metrics.tp);
                QCOMPARE(r.metrics.accuracy, m_newestPn.metrics.accuracy);
            }
        }
        QCOMPARE(pn, 1);
        QVERIFY(storedResults(*study, QStringLiteral("other")).empty());
        // The study-wide table builds from them.
        const train::StudyReport report = train::StudyReport::build(results);
        QCOMPARE(int(report.participants.size()), 2);
    }

    void rawMapOfOneParticipant()
    {
        const EmbeddingMap map = buildEmbeddingMap(mapRequest(m_path, {QStringLiteral("P")}));
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QCOMPARE(map.points.size(), kClips);
        QVERIFY(map.space.contains(kEncoder));
        QVERIFY(map.kl > 0 && std::isfinite(map.kl));
        QVERIFY(!map.method.isEmpty());
        QString error;
        auto study = Study::open(m_path, &error);
        int liked = 0;
        for (const MapPoint &p : map.points) {
            QCOMPARE(p.participant, QStringLiteral("P"));
            QVERIFY(std::isnan(p.probability));
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
            QCOMPARE(p.label, study->track(p.clip.trackId)->genre.mid(1).toInt() < 2 ? 1 : 0);
            QCOMPARE(p.value, p.label);
            liked += p.label;
        }
        QCOMPARE(liked, kClips / 2);
    }

    void overlayAndUnheard()
    {
        MapRequest r = mapRequest(m_path, {QStringLiteral("P"), QStringLiteral("Q")});
        EmbeddingMap map = buildEmbeddingMap(r);
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QCOMPARE(map.points.size(), 2 * kClips);
        QSet<qint64> heard;
        for (const MapPoint &p : map.points)
            heard.insert(p.clip.trackId);

        r.includeUnheard = true;
        map = buildEmbeddingMap(r);
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        const int unheard = kTracks - heard.size();
        QVERIFY(unheard > 0);
        QCOMPARE(map.points.size(), 2 * kClips + unheard);
        int grey = 0;
        for (const MapPoint &p : map.points)
            if (p.label == -1) {
                ++grey;
                QVERIFY(p.participant.isEmpty());
                QVERIFY(!heard.contains(p.clip.trackId));
                QCOMPARE(p.value, std::numeric_limits<int>::min());
            }
        QCOMPARE(grey, unheard);
    }

    void feedbackCountsAsAnswered()
    {
        QTemporaryDir dir;
        const QString copy = QDir(dir.path()).filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(m_path, copy));
        MapRequest r = mapRequest(copy, {QStringLiteral("P")});
        r.includeUnheard = true;
        const EmbeddingMap before = buildEmbeddingMap(r);
        const auto unheard = std::find_if(before.points.begin(), before.points.end(),
                                          [](const MapPoint &p) { return p.label == -1; });
        QVERIFY(unheard != before.points.end());
        const qint64 track = unheard->clip.trackId;
        {
            QString error;
            auto study = Study::open(copy, &error);
            QVERIFY2(recordFeedback(*study, QStringLiteral("P"), track, true, &error), qPrintable(error));
        }
        const EmbeddingMap after = buildEmbeddingMap(r);
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        QCOMPARE(after.points.size(), before.points.size());
        int found = 0;
        for (const MapPoint &p : after.points)
            if (p.clip.trackId == track) {
                ++found;
                QCOMPARE(p.label, 1);
                QCOMPARE(p.participant, QStringLiteral("P"));
            }
        QCOMPARE(found, 1);
    }

    void modelSpaceAndProbabilities()
    {
        MapRequest r = mapRequest(m_path, {QStringLiteral("P")});
        r.modelId = m_newestPn.id;
        r.modelSpace = true;
        const EmbeddingMap map = buildEmbeddingMap(r);
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QCOMPARE(map.points.size(), kClips);
        QVERIFY2(map.space.contains(QLatin1String("CLEP-PN")), qPrintable(map.space));
        int right = 0;
        for (const MapPoint &p : map.points) {
            QVERIFY(p.probability >= 0 && p.probability <= 1);
            right += (p.probability >= 0.5f) == (p.label == 1);
        }
        QVERIFY2(right >= kClips * 9 / 10, qPrintable(QString::number(right)));

        // The same model with no participant named: its own participant.
        r.participants.clear();
        QCOMPARE(buildEmbeddingMap(r).points.size(), kClips);
    }

    void mapErrors()
    {
        MapRequest r = mapRequest(m_path, {QStringLiteral("Q")});
        r.modelId = m_newestPn.id; // P's model
        QVERIFY(buildEmbeddingMap(r).error.contains(QLatin1String("belongs to P")));

        r = mapRequest(m_path, {QStringLiteral("P")});
        r.modelSpace = true;
        QVERIFY(buildEmbeddingMap(r).error.contains(QLatin1String("trained model")));

        r = mapRequest(m_path, {QStringLiteral("Nobody")});
        QVERIFY(buildEmbeddingMap(r).error.contains(QLatin1String("no participant 'Nobody'")));

        r = mapRequest(m_path, {QStringLiteral("P")});
        r.encoder = QStringLiteral("builtin");
        const EmbeddingMap none = buildEmbeddingMap(r);
        QVERIFY2(none.error.contains(QLatin1String("no builtin embeddings")), qPrintable(none.error));

        r = mapRequest(m_dir.filePath(QStringLiteral("missing.tastelab")), {});
        QVERIFY(!buildEmbeddingMap(r).error.isEmpty());
    }

    void missingEmbeddingsAreReported()
    {
        QTemporaryDir dir;
        const QString copy = QDir(dir.path()).filePath(QStringLiteral("copy.tastelab"));
        QVERIFY(QFile::copy(m_path, copy));
        {
            QString error;
            auto study = Study::open(copy, &error);
            const Clip first = study->plan(study->participant(QStringLiteral("P"))->id).first();
            QSqlQuery q(study->database());
            q.prepare(QStringLiteral("DELETE FROM embeddings WHERE track_id = ? AND clip_start = ?"));
            q.addBindValue(first.trackId);
            q.addBindValue(first.startSeconds);
            QVERIFY(q.exec());
        }
        const EmbeddingMap map = buildEmbeddingMap(mapRequest(copy, {QStringLiteral("P")}));
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QCOMPARE(map.points.size(), kClips - 1);
        QVERIFY2(map.notice.contains(QLatin1String("1 clip")), qPrintable(map.notice));
    }

    void cancelStopsTheMap()
    {
        int calls = 0;
        const EmbeddingMap map = buildEmbeddingMap(mapRequest(m_path, {}), [&](const train::TsneProgress &) {
            return ++calls < 3;
        });
        QVERIFY(map.cancelled);
        QVERIFY(map.points.isEmpty());
        QVERIFY(map.error.isEmpty());
    }

    void serviceDeliversTheLatestJob()
    {
        EmbeddingMapService service;
        QSignalSpy finished(&service, &EmbeddingMapService::finished);
        QSignalSpy progressed(&service, &EmbeddingMapService::progressed);
        MapRequest slow = mapRequest(m_path, {QStringLiteral("P"), QStringLiteral("Q")});
        slow.tsne.iterations = 20000;
        service.start(slow); // superseded: its result is dropped
        const quint64 job = service.start(mapRequest(m_path, {QStringLiteral("P")}));
        QVERIFY(finished.wait(60000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<quint64>(), job);
        const EmbeddingMap map = finished.at(0).at(1).value<EmbeddingMap>();
        QCOMPARE(map.points.size(), kClips);
        QVERIFY(!service.isRunning());

        // Cancel: the job ends promptly with a cancelled map.
        finished.clear();
        const quint64 cancelled = service.start(slow);
        QTest::qWait(100);
        service.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<quint64>(), cancelled);
        QVERIFY(finished.at(0).at(1).value<EmbeddingMap>().cancelled);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    TrainedModel m_newestPn;
    TrainedModel m_logreg;
};

QTEST_GUILESS_MAIN(TestResultsData)
#include "tst_resultsdata.moc"
