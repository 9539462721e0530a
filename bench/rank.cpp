// Times the ranked recommendation list (core/study/recommendations.h) on a large library:
//  1. builds a temporary study with --tracks tracks (default 100,000; 10 genres, 3 min each) and
//     their cached library-excerpt embeddings (the built-in encoder's size, 264; random vectors
//     around a centre per genre, so the model has something to learn), written in one transaction;
//     one participant answers a 200-clip plan (likes 5 of the 10 genres) whose clips are embedded too;
//  2. trains that participant's CLEP-PN and CLEP-N models with the default settings (Trainer::run,
//     stored in the study);
//  3. times recommend() end to end, --repeats times each (median), split into loading from SQLite,
//     Model::predict and averaging + sorting, for 1 and 3 excerpts per track: with the CLEP-N
//     dislike risk (two models) and with the like model alone;
//  4. Model::predict alone on the same number of rows, on one thread, for comparison.
// Usage: rank_bench [--tracks N] [--repeats R] [--keep DIR]   (--keep: build the study there once, reuse it later)

#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/training.h"
#include "survey/rng.h"
#include "train/clepcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace tastelab;

namespace {

constexpr int kGenres = 10;
constexpr double kTrackSeconds = 180;

double cpuSeconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

/// The 1-minute load average and the processes running now (this one included), from /proc.
QString machineLoad()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QStringList parts = QString::fromLatin1(f.readAll()).split(QLatin1Char(' '));
    return QStringLiteral("load average %1, running %2").arg(parts.value(0), parts.value(3).section(QLatin1Char('/'), 0, 0));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

QByteArray vectorBlob(const std::vector<std::vector<float>> &centres, int genre, Rng &rng)
{
    const std::vector<float> &c = centres[std::size_t(genre)];
    QByteArray blob(qsizetype(c.size() * sizeof(float)), Qt::Uninitialized);
    float *v = reinterpret_cast<float *>(blob.data());
    for (std::size_t k = 0; k < c.size(); ++k)
        v[k] = c[k] + float(normal(rng));
    return blob;
}

bool check(bool ok, const QString &what)
{
    if (!ok)
        std::fprintf(stderr, "rank_bench: %s\n", qPrintable(what));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("tracks"), QStringLiteral("Library size (default 100000)."), QStringLiteral("n"),
                 QStringLiteral("100000")});
    p.addOption({QStringLiteral("repeats"), QStringLiteral("Timed runs per figure (default 3)."), QStringLiteral("n"),
                 QStringLiteral("3")});
    p.addOption({QStringLiteral("keep"), QStringLiteral("Build the study in this folder and keep it."), QStringLiteral("dir")});
    p.process(app);
    const int trackCount = p.value(QStringLiteral("tracks")).toInt();
    const int repeats = std::max(1, p.value(QStringLiteral("repeats")).toInt());

    QTemporaryDir tmp;
    const QString dir = p.isSet(QStringLiteral("keep")) ? p.value(QStringLiteral("keep")) : tmp.path();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("rank-bench.tastelab"));
    const bool reuse = p.isSet(QStringLiteral("keep")) && QFileInfo::exists(path);

    const QString encoder = QString::fromStdString(embed::defaultEncoderName());
    const int dim = embed::createEncoder(embed::defaultEncoderName(), {})->info().embeddingSize;
    std::printf("library: %d tracks, %d genres, %g s each; encoder %s (%d-d); %d pool threads; oneDNN sgemm: %s\n",
                trackCount, kGenres, kTrackSeconds, qPrintable(encoder), dim, QThreadPool::globalInstance()->maxThreadCount(),
                train::detail::usesOneDnnGemm() ? "yes" : "no");

    // --- 1. the study ---
    QElapsedTimer timer;
    timer.start();
    StudySettings settings;
    settings.name = QStringLiteral("Rank bench");
    settings.clipsPerParticipant = 200;
    QString error;
    auto study = reuse ? Study::open(path, &error) : Study::create(path, settings, &error);
    if (!check(bool(study), error))
        return 1;
    QSqlDatabase &db = study->database();
    if (reuse) {
        QSqlQuery(db).exec(QStringLiteral("DELETE FROM models"));
        std::printf("reusing %s\n", qPrintable(path));
    }
    // The set-up is not what is measured: no fsync per transaction.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    if (!reuse) {
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO tracks(path, rel_path, content_hash, title, artist, genre, duration, "
                                 "sample_rate, channels, format, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        for (int i = 0; i < trackCount; ++i) {
            const QString file = QStringLiteral("/library/%1/track%2.flac").arg(i % kGenres).arg(i);
            for (const QVariant &v : {QVariant(file), QVariant(file), QVariant(QString::number(i)),
                                      QVariant(QStringLiteral("Track %1").arg(i)), QVariant(QStringLiteral("Artist %1").arg(i / 10)),
                                      QVariant(QStringLiteral("genre%1").arg(i % kGenres)), QVariant(kTrackSeconds),
                                      QVariant(44100), QVariant(2), QVariant(QStringLiteral("FLAC")),
                                      QVariant(QStringLiteral("2026-01-01T00:00:00.000Z"))})
                q.addBindValue(v);
            if (!check(q.exec(), q.lastError().text()))
                return 1;
        }
        db.commit();
    }
    const double tracksSeconds = timer.restart() / 1000.0;
    auto participant = reuse ? study->participant(QStringLiteral("P")) : study->createParticipant(QStringLiteral("P"), 42, {});
    if (!check(bool(participant), study->lastError()))
        return 1;
    const QVector<Clip> plan = study->plan(participant->id);
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    auto genreOf = [&](qint64 id) { return tracks.value(id).genre.mid(5).toInt(); };
    db.transaction();
    for (const Clip &c : reuse ? QVector<Clip>() : plan) {
        Answer a;
        a.participantId = participant->id;
        a.position = c.position;
        a.trackId = c.trackId;
        a.clipStart = c.startSeconds;
        a.clipLength = c.lengthSeconds;
        a.value = genreOf(c.trackId) < kGenres / 2 ? 1 : 0;
        a.responseMs = 1500;
        if (!check(study->recordAnswer(a), study->lastError()))
            return 1;
    }
    db.commit();
    const double planSeconds = timer.restart() / 1000.0;

    Rng rng(7);
    std::vector<std::vector<float>> centres(kGenres, std::vector<float>(std::size_t(dim)));
    for (auto &c : centres)
        for (float &v : c)
            v = float(1.5 * normal(rng));
    QVector<ClipKey> clips;
    for (const Clip &c : plan)
        clips.push_back({c.trackId, c.startSeconds, c.lengthSeconds});
    clips += libraryExcerpts(*study, 3);
    if (!reuse) {
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO embeddings(track_id, clip_start, clip_length, encoder, encoder_hash, "
                                 "dim, vector, created_at) VALUES (?, ?, ?, ?, 'bench', ?, ?, '2026-01-01T00:00:00.000Z')"));
        for (const ClipKey &c : clips) {
            q.addBindValue(c.trackId);
            q.addBindValue(c.startSeconds);
            q.addBindValue(c.lengthSeconds);
            q.addBindValue(encoder);
            q.addBindValue(dim);
            q.addBindValue(vectorBlob(centres, genreOf(c.trackId), rng));
            if (!check(q.exec(), q.lastError().text()))
                return 1;
        }
        db.commit();
    }
    const double embeddingsSeconds = timer.restart() / 1000.0;
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    std::printf("set-up: %d tracks in %.2f s; 200-clip plan answered in %.2f s; %d embeddings (%.0f MiB) in %.2f s "
                "(one transaction)\n",
                trackCount, tracksSeconds, planSeconds, int(clips.size()),
                clips.size() * (dim * 4.0) / (1 << 20), embeddingsSeconds);

    // --- 2. the models ---
    TrainingRequest train;
    train.studyPath = path;
    train.participant = QStringLiteral("P");
    train.encoder = encoder;
    train.models = {QStringLiteral("clep-pn"), QStringLiteral("clep-n")};
    const TrainingReport trained = Trainer::run(train);
    if (!check(trained.error.isEmpty(), trained.error))
        return 1;
    std::printf("trained clep-pn and clep-n (default settings, %d examples) in %.2f s: test accuracy %.3f / %.3f\n",
                trained.examples, timer.restart() / 1000.0, trained.models[0].metrics.accuracy,
                trained.models[1].metrics.accuracy);

    // --- 3. recommend() ---
    auto measure = [&](int excerpts, const char *label) {
        std::vector<double> load, predict, wait, rank, total, cpuAll, cpuMain;
        Recommendations recs;
        for (int r = 0; r < repeats; ++r) {
            RecommendationRequest request;
            request.participant = QStringLiteral("P");
            request.excerpts = excerpts;
            QElapsedTimer wall;
            const double cpu0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID), main0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            wall.start();
            if (!check(recommend(*study, request, &recs, &error), error))
                return false;
            const double outside = wall.nsecsElapsed() / 1e9;
            cpuAll.push_back(cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0);
            cpuMain.push_back(cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - main0);
            load.push_back(recs.timing.loadSeconds);
            predict.push_back(recs.timing.predictSeconds);
            wait.push_back(recs.timing.waitSeconds);
            rank.push_back(recs.timing.rankSeconds);
            total.push_back(outside);
        }
        int liked = 0;
        for (const Recommendation &r : recs.items.mid(0, 1000))
            liked += r.track.genre.mid(5).toInt() < kGenres / 2;
        std::printf("recommend, %d excerpt(s), %s: %d tracks scored (%d rows): load %.3f s (predicting meanwhile), "
                    "then waiting for predictions %.3f s, average+sort %.3f s; total %.3f s (median of %d; min %.3f s); "
                    "predict summed over threads %.3f s; liked genres in the top 1000: %d\n"
                    "    CPU time: %.3f s in all, %.3f s on the calling thread (reading SQLite, averaging, sorting), "
                    "%.3f s on the pool (predict); %s\n",
                    excerpts, label, int(recs.items.size()), int(recs.items.size()) * excerpts, median(load), median(wait),
                    median(rank), median(total), repeats, *std::min_element(total.begin(), total.end()), median(predict),
                    liked, median(cpuAll), median(cpuMain), median(cpuAll) - median(cpuMain), qPrintable(machineLoad()));
        return true;
    };
    for (int excerpts : {1, 3})
        if (!measure(excerpts, "like + dislike risk (2 models)"))
            return 1;
    QSqlQuery(db).exec(QStringLiteral("DELETE FROM models WHERE kind = 'clep-n'"));
    for (int excerpts : {1, 3})
        if (!measure(excerpts, "like model only"))
            return 1;

    // --- 4. Model::predict alone, one thread ---
    auto model = loadModel(*study, trained.models[0].id, &error);
    std::vector<std::vector<float>> rows(static_cast<std::size_t>(trackCount));
    for (auto &row : rows) {
        const QByteArray b = vectorBlob(centres, int(rng.below(kGenres)), rng);
        row.assign(reinterpret_cast<const float *>(b.constData()), reinterpret_cast<const float *>(b.constData()) + dim);
    }
    std::vector<double> single, singleCpu;
    for (int r = 0; r < repeats; ++r) {
        timer.restart();
        const double cpu0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        const std::vector<float> out = model->predict(rows);
        singleCpu.push_back(cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu0);
        single.push_back(timer.nsecsElapsed() / 1e9);
    }
    std::printf("Model::predict alone, %d rows in one call on one thread: %.3f s wall, %.3f s CPU (median of %d); %s\n",
                trackCount, median(single), median(singleCpu), repeats, qPrintable(machineLoad()));
    // The flat-row predict in chunks (recommend uses 8192; 1000 is not a multiple of Model::predict's
    // internal blocks of 512, so rows meet other rows in other blocks) gives the same numbers as one call.
    const std::vector<float> whole = model->predict(rows);
    std::vector<float> flat;
    for (std::size_t first = 0; first < rows.size(); first += 1000) {
        const std::size_t n = std::min<std::size_t>(1000, rows.size() - first);
        std::vector<float> x;
        for (std::size_t i = first; i < first + n; ++i)
            x.insert(x.end(), rows[i].begin(), rows[i].end());
        const std::vector<float> part = model->predict(x.data(), n, std::size_t(dim));
        flat.insert(flat.end(), part.begin(), part.end());
    }
    double maxDiff = 0;
    for (std::size_t i = 0; i < whole.size(); ++i)
        maxDiff = std::max(maxDiff, double(std::abs(whole[i] - flat[i])));
    std::printf("flat predict in chunks of 1000 vs one call: largest difference %g\n", maxDiff);
    return 0;
}
