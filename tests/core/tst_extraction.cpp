// The extraction worker with the built-in encoder on real audio: cache, resume, cancel,
// corrupt clips, shards that merge, and model changes that invalidate rows.

#include "audio/resampler.h"
#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/exporter.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "../common/testaudio.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace tastelab;

namespace {

/// A study of 12 real tracks with two participants whose plans cover every track.
QString makeStudy(const QString &dir)
{
    for (int i = 0; i < 12; ++i)
        test::writeTone(QStringLiteral("%1/music/%2/t%3.flac").arg(dir, i % 2 ? "low" : "high").arg(i), 8.0,
                        i % 2 ? 110 + 7 * i : 1500 + 50 * i);
    StudySettings s;
    s.name = QStringLiteral("Extraction");
    s.clipSeconds = 3;
    s.clipsPerParticipant = 12;
    const QString path = QDir(dir).filePath(QStringLiteral("study.tastelab"));
    QString error;
    if (!Study::create(path, s, &error))
        qWarning() << error;
    Importer::run({path, QDir(dir).filePath(QStringLiteral("music")), QString()});
    auto study = Study::open(path, &error);
    study->createParticipant(QStringLiteral("A"), 1, {});
    study->createParticipant(QStringLiteral("B"), 2, {});
    return path;
}

ExtractionRequest request(const QString &path)
{
    ExtractionRequest r;
    r.studyPath = path;
    r.encoder = QString::fromStdString(embed::defaultEncoderName());
    r.autoDevice = false;
    r.device = embed::Device::Cpu;
    r.batchSize = 4;
    r.libraryExcerpts = 0; // the plans' clips only; libraryExcerptsForRecommendations adds them
    return r;
}

} // namespace

class TestExtraction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void extractsCachesAndResumes()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QString error;
        int clips = 0;
        {
            auto study = Study::open(path, &error);
            clips = EmbeddingStore(*study).studyClips().size();
        }
        QCOMPARE(clips, 24); // 12 tracks, 2 participants, own excerpts each

        // Cancel after the first batch: what was done stays, consistently.
        int calls = 0;
        int total = 0;
        const ExtractionReport first = Extractor::run(request(path), [&](const ExtractionProgress &p) {
            ++calls;
            total = p.total;
            return false;
        });
        QCOMPARE(total, 24);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.cancelled);
        QCOMPARE(calls, 1);
        QCOMPARE(first.extracted, 4);
        {
            auto study = Study::open(path, &error);
            const auto rows = EmbeddingStore(*study).embeddings(first.encoder);
            QCOMPARE(rows.size(), 4);
            for (const Embedding &e : rows)
                QCOMPARE(int(e.vector.size()), embed::createEncoder(embed::defaultEncoderName(), {})->info().embeddingSize);
        }

        // Resume: only the missing clips.
        const ExtractionReport second = Extractor::run(request(path));
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        QCOMPARE(second.cached, 4);
        QCOMPARE(second.extracted, 20);
        QCOMPARE(second.failed, 0);
        QCOMPARE(second.device, QStringLiteral("cpu"));

        const ExtractionReport third = Extractor::run(request(path));
        QCOMPARE(third.cached, 24);
        QCOMPARE(third.extracted, 0);

        // The vectors are the encoder's vectors for those excerpts.
        auto study = Study::open(path, &error);
        const auto rows = EmbeddingStore(*study).embeddings(first.encoder);
        QCOMPARE(rows.size(), 24);
        auto encoder = embed::createEncoder(embed::defaultEncoderName(), {});
        const Embedding &e = rows.at(5);
        const Track t = *study->track(e.clip.trackId);
        const auto audio = audio::convert(
            audio::decodeAudio(QFile::encodeName(t.path).toStdString(), e.clip.startSeconds, e.clip.lengthSeconds),
            encoder->info().sampleRate, encoder->info().channels);
        const auto direct = encoder->embed(std::vector<audio::AudioBuffer>{audio}).at(0);
        QCOMPARE(direct.size(), e.vector.size());
        for (std::size_t i = 0; i < direct.size(); ++i)
            QVERIFY2(qAbs(direct[i] - e.vector[i]) <= 1e-4f * std::max(1.0f, qAbs(direct[i])), qPrintable(QString::number(i)));
    }

    void libraryExcerptsForRecommendations()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QString error;
        QVector<ClipKey> plan, library;
        {
            auto study = Study::open(path, &error);
            plan = EmbeddingStore(*study).studyClips();
            library = libraryExcerpts(*study, 3);
        }
        QCOMPARE(library.size(), 36); // 12 tracks of 8 s, 3 excerpts of 3 s each
        QSet<ClipKey> all(plan.constBegin(), plan.constEnd());
        for (const ClipKey &c : library)
            all.insert(c);
        const int libraryOnly = int(all.size()) - plan.size();

        // Sharded: the two halves cover the plans' clips and the excerpts, each once.
        ExtractionRequest half = request(path);
        half.libraryExcerpts = 3;
        half.shardCount = 2;
        const ExtractionReport a = Extractor::run(half);
        half.shardIndex = 2;
        const ExtractionReport b = Extractor::run(half);
        QVERIFY2(a.error.isEmpty() && b.error.isEmpty(), qPrintable(a.error + b.error));
        QCOMPARE(a.clips + b.clips, int(all.size()));
        QCOMPARE(a.libraryClips + b.libraryClips, libraryOnly);
        QCOMPARE(a.extracted + b.extracted, int(all.size()));
        QVERIFY2(a.toText().contains(QLatin1String("of them library excerpts for recommendations")), qPrintable(a.toText()));

        // Every excerpt is cached; nothing is left to do, and one excerpt per track is among them.
        ExtractionRequest r = request(path);
        r.libraryExcerpts = 3;
        const ExtractionReport again = Extractor::run(r);
        QCOMPARE(again.cached, int(all.size()));
        QCOMPARE(again.extracted, 0);
        r.libraryExcerpts = 1;
        QCOMPARE(Extractor::run(r).extracted, 0);
        auto study = Study::open(path, &error);
        const QSet<ClipKey> cached = EmbeddingStore(*study).cachedClips(a.encoder);
        for (const ClipKey &c : library)
            QVERIFY(cached.contains(c));
        // Two excerpts per track are others: only those are extracted.
        r.libraryExcerpts = 2;
        QCOMPARE(Extractor::run(r).extracted, 24);
    }

    void corruptClipIsReportedAndSkipped()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        // A file goes bad after the import.
        test::truncateFile(dir.filePath(QStringLiteral("music/low/t3.flac")), 0.2);
        const ExtractionReport r = Extractor::run(request(path));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.failed, 2); // both participants' excerpts of that track
        QCOMPARE(r.extracted, 22);
        QVERIFY2(r.failures.join(QLatin1Char('\n')).contains(QLatin1String("t3.flac")), qPrintable(r.toText()));
        QString error;
        auto study = Study::open(path, &error);
        EmbeddingStore store(*study);
        QCOMPARE(store.failures(r.encoder).size(), 2);
        QCOMPARE(store.summaries().size(), 1);
        QCOMPARE(store.summaries().first().clips, 22);
        QCOMPARE(store.summaries().first().failures, 2);
    }

    void shardsSplitTheWorkAndMerge()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        const QString other = dir.filePath(QStringLiteral("machine2.tastelab"));
        QVERIFY(QFile::copy(path, other));
        ExtractionRequest one = request(path);
        one.shardIndex = 1;
        one.shardCount = 2;
        ExtractionRequest two = request(other);
        two.shardIndex = 2;
        two.shardCount = 2;
        const ExtractionReport a = Extractor::run(one);
        const ExtractionReport b = Extractor::run(two);
        QVERIFY(a.error.isEmpty() && b.error.isEmpty());
        QCOMPARE(a.clips + b.clips, 24);
        QVERIFY(a.clips > 4 && b.clips > 4);
        QCOMPARE(a.extracted, a.clips);
        QString error;
        auto study = Study::open(path, &error);
        const MergeReport m = mergeStudy(*study, other);
        QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
        QCOMPARE(m.embeddingsAdded, b.clips);
        QCOMPARE(EmbeddingStore(*study).embeddings(a.encoder).size(), 24);
        study.reset();
        QCOMPARE(Extractor::run(request(path)).extracted, 0);
    }

    void modelChangeInvalidatesRows()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QString error;
        auto study = Study::open(path, &error);
        EmbeddingStore store(*study);
        const ClipKey c = store.studyClips().first();
        QVERIFY(store.store(QStringLiteral("enc"), QStringLiteral("hash-1"), {{c, {1.f, 2.f}}}));
        QVERIFY(store.storeFailure(QStringLiteral("enc"), QStringLiteral("hash-1"), store.studyClips().last(), QStringLiteral("x")));
        QCOMPARE(store.invalidate(QStringLiteral("enc"), QStringLiteral("hash-1")), 0);
        QCOMPARE(store.cachedClips(QStringLiteral("enc")).size(), 1);
        QCOMPARE(store.invalidate(QStringLiteral("enc"), QStringLiteral("hash-2")), 1);
        QVERIFY(store.cachedClips(QStringLiteral("enc")).isEmpty());
        QVERIFY(store.failures(QStringLiteral("enc")).isEmpty());
    }

    void forEachStreamsTheStoredVectors()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        QString error;
        auto study = Study::open(path, &error);
        EmbeddingStore store(*study);
        const QVector<ClipKey> clips = store.studyClips();
        QVERIFY(clips.size() >= 3);
        // Stored out of order, under two encoders; 3-d vectors with values that tell them apart.
        QVector<Embedding> batch;
        for (int i = clips.size() - 1; i >= 0; --i)
            batch.push_back({clips[i], {float(i), 0.5f + float(i), -1.25f * float(i)}});
        QVERIFY(store.store(QStringLiteral("enc"), QStringLiteral("h"), batch));
        QVERIFY(store.store(QStringLiteral("other"), QStringLiteral("h"), {{clips.first(), {9.f}}}));

        QVector<ClipKey> seen;
        QVERIFY(store.forEach(QStringLiteral("enc"), true, [&](const ClipKey &clip, const void *values, std::size_t dim) {
            float v[3];
            if (dim != 3)
                return false;
            std::memcpy(v, values, sizeof v);
            const int i = clips.indexOf(clip);
            if (i < 0 || v[0] != float(i) || v[1] != 0.5f + float(i) || v[2] != -1.25f * float(i))
                return false;
            seen.push_back(clip);
            return true;
        }));
        QCOMPARE(seen, clips); // every vector of that encoder, in track/start order, values intact

        int visited = 0;
        QVERIFY(store.forEach(QStringLiteral("enc"), false, [&](const ClipKey &, const void *, std::size_t) {
            return ++visited < 2; // stop after the second
        }));
        QCOMPARE(visited, 2);
        QCOMPARE(store.embeddings(QStringLiteral("other")).size(), 1);
        QCOMPARE(store.embeddings(QStringLiteral("other")).first().vector, std::vector<float>{9.f});
    }

    void serviceProgressAndQuickCancel()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path());
        int clips = 0;
        {
            // Enough clips that the run is still going when the cancel comes: 40 participants'
            // own excerpts of the 12 tracks.
            QString error;
            auto study = Study::open(path, &error);
            for (int i = 3; i <= 40; ++i)
                QVERIFY(study->createParticipant(QStringLiteral("P%1").arg(i), quint64(i), {}));
            clips = EmbeddingStore(*study).studyClips().size(); // a few excerpts coincide
        }
        QVERIFY(clips > 400);
        ExtractionService service;
        QSignalSpy progressed(&service, &ExtractionService::progressed);
        QSignalSpy finished(&service, &ExtractionService::finished);
        ExtractionRequest r = request(path);
        r.batchSize = 1;
        service.start(r);
        QVERIFY(progressed.wait(30000));
        QElapsedTimer t;
        t.start();
        service.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(t.elapsed())));
        const auto report = finished.first().at(1).value<ExtractionReport>();
        QVERIFY(report.cancelled);
        QVERIFY(report.extracted < clips);
        const auto p = progressed.last().at(1).value<ExtractionProgress>();
        QCOMPARE(p.total, clips);
        QVERIFY(p.clipsPerSecond > 0);

        // An unknown encoder is refused before anything runs.
        finished.clear();
        r.encoder = QStringLiteral("no-such-encoder");
        service.start(r);
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().at(1).value<ExtractionReport>().error.contains(QLatin1String("no-such-encoder")));
    }
};

QTEST_GUILESS_MAIN(TestExtraction)
#include "tst_extraction.moc"
