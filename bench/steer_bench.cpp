// Steering the taste profile (docs/profile.md, docs/benchmarks.md "Taste profile"):
//  1. success rate: a generated study (--participants P, --tracks N in 10 genres; every track's
//     excerpts share a track offset around its genre's centre, so tracks have real neighbours);
//     each participant answers a 200-clip plan by their own rule (a liked set of genres, and within
//     the other genres the tracks on one side of a hidden direction), their CLEP-PN model is
//     trained (Trainer::run); then for --trials targets per participant (every prototype of their
//     profile, with the direction against its side: "more" on a disliked one, "less" on a liked
//     one; then unrated tracks with a random direction) the steering is recorded, the model
//     retrained through the same path as the GUI and the CLI (feedbackRetrainingRequest,
//     Trainer::run), and measureSteering says whether the target (and its 3 neighbours) moved
//     the way asked by at least 0.005; each trial's steering and model are removed again, so
//     trials are independent. Prints the success rates per kind of target, per participant, the
//     mean and standard deviation over participants and a Wilson 95 % interval.
//  2. live re-ranking: the slider-adjusted ranking of 10,000 and 100,000 tracks with 12 prototypes
//     (train::steeredScores + sorting the candidates, as TasteProfile::ranking), and building the
//     profile (findPrototypes + fittedProfileSpace) for them, on synthetic 64-d points.
// Usage: steer_bench [--participants P] [--tracks N] [--trials T] [--seed S] [--rerank-only]

#include "study/embeddingstore.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/tasteprofile.h"
#include "study/training.h"
#include "survey/rng.h"
#include "train/prototypes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace tastelab;

namespace {

constexpr int kGenres = 10;
constexpr int kDim = 64;

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

bool check(bool ok, const QString &what)
{
    if (!ok)
        std::fprintf(stderr, "steer_bench: %s\n", qPrintable(what));
    return ok;
}

struct Rate {
    int success = 0, total = 0;
    double rate() const { return total > 0 ? double(success) / total : 0.0; }
    /// Wilson score interval, 95 %.
    std::pair<double, double> wilson() const
    {
        if (total == 0)
            return {0, 0};
        const double z = 1.96, n = total, p = rate();
        const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        return {centre - half, centre + half};
    }
    void add(bool ok)
    {
        success += ok ? 1 : 0;
        ++total;
    }
};

QString rateText(const Rate &r)
{
    const auto [lo, hi] = r.wilson();
    return QStringLiteral("%1 of %2 = %3 % (95 %: %4-%5 %)")
        .arg(r.success)
        .arg(r.total)
        .arg(100.0 * r.rate(), 0, 'f', 1)
        .arg(100.0 * lo, 0, 'f', 0)
        .arg(100.0 * hi, 0, 'f', 0);
}

void rerankBench()
{
    std::printf("\nlive re-ranking (12 prototypes, %d-d points, one thread):\n", kDim);
    for (int n : {10000, 100000}) {
        Rng rng(static_cast<std::uint64_t>(n));
        std::vector<float> points(static_cast<std::size_t>(n) * kDim);
        std::vector<int> labels(static_cast<std::size_t>(n), -1);
        std::vector<double> prob(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const int g = i % kGenres;
            for (int k = 0; k < kDim; ++k)
                points[std::size_t(i) * kDim + std::size_t(k)] = float((k == g ? 6.0 : 0.0) + normal(rng));
            if (i < 400)
                labels[std::size_t(i)] = g < 5 ? 1 : 0;
            prob[std::size_t(i)] = 1.0 / (1.0 + std::exp(-(g < 5 ? 2.0 : -2.0) - normal(rng)));
        }
        QElapsedTimer t;
        t.start();
        train::PrototypeSettings s;
        s.liked = 6;
        s.disliked = 6;
        const std::vector<train::Prototype> protos = train::findPrototypes(points.data(), std::size_t(n), kDim, labels, {}, s);
        const double findMs = t.nsecsElapsed() / 1e6;
        t.restart();
        train::Fidelity f;
        const train::ProfileSpace space = train::fittedProfileSpace(points.data(), std::size_t(n), kDim, protos, prob, &f);
        const double fitMs = t.nsecsElapsed() / 1e6;
        std::vector<int> candidates(static_cast<std::size_t>(n));
        std::iota(candidates.begin(), candidates.end(), 0);
        std::vector<double> sliders(space.signs.begin(), space.signs.end()), scores;
        std::vector<double> times;
        for (int r = 0; r < 21; ++r) {
            sliders[std::size_t(r % 12)] = (r % 3) - 1.0; // a slider moves
            t.restart();
            train::steeredScores(space, prob, sliders, 0.5, scores);
            std::vector<int> order = candidates;
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
            times.push_back(t.nsecsElapsed() / 1e6);
        }
        std::printf("  %6d tracks: re-rank after a slider move %.2f ms (median of 21); profile: prototypes %.0f ms "
                    "(%zu), similarities + kernel fit %.0f ms; fidelity Spearman %.3f, agreement %.3f\n",
                    n, median(times), findMs, protos.size(), fitMs, f.spearman, f.agreement);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("participants"), QStringLiteral("Participants (default 6)."), QStringLiteral("n"), QStringLiteral("6")});
    p.addOption({QStringLiteral("tracks"), QStringLiteral("Library size (default 600)."), QStringLiteral("n"), QStringLiteral("600")});
    p.addOption({QStringLiteral("trials"), QStringLiteral("Steered targets per participant (default 12)."), QStringLiteral("n"), QStringLiteral("12")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Data seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("rerank-only"), QStringLiteral("Only time the live re-ranking.")});
    p.process(app);
    if (p.isSet(QStringLiteral("rerank-only"))) {
        rerankBench();
        return 0;
    }
    const int participants = std::max(1, p.value(QStringLiteral("participants")).toInt());
    const int trackCount = std::max(50, p.value(QStringLiteral("tracks")).toInt());
    const int trials = std::max(1, p.value(QStringLiteral("trials")).toInt());
    const std::uint64_t seed = p.value(QStringLiteral("seed")).toULongLong();

    QTemporaryDir tmp;
    const QString path = QDir(tmp.path()).filePath(QStringLiteral("steer-bench.tastelab"));
    StudySettings settings;
    settings.name = QStringLiteral("Steer bench");
    settings.clipsPerParticipant = 200;
    QString error;
    auto study = Study::create(path, settings, &error);
    if (!check(bool(study), error))
        return 1;
    QSqlDatabase &db = study->database();
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
    db.transaction();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO tracks(path, rel_path, content_hash, title, artist, genre, duration, "
                                 "sample_rate, channels, format, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        for (int i = 0; i < trackCount; ++i) {
            const QString file = QStringLiteral("/library/%1/track%2.flac").arg(i % kGenres).arg(i);
            for (const QVariant &v : {QVariant(file), QVariant(file), QVariant(QString::number(i)),
                                      QVariant(QStringLiteral("Track %1").arg(i)), QVariant(QStringLiteral("Artist %1").arg(i / 10)),
                                      QVariant(QStringLiteral("genre%1").arg(i % kGenres)), QVariant(180.0),
                                      QVariant(44100), QVariant(2), QVariant(QStringLiteral("FLAC")),
                                      QVariant(QStringLiteral("2026-01-01T00:00:00.000Z"))})
                q.addBindValue(v);
            if (!check(q.exec(), q.lastError().text()))
                return 1;
        }
    }
    db.commit();
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    const auto genreOf = [&](qint64 id) { return tracks.value(id).genre.mid(5).toInt(); };

    // Track positions: genre centre + a track offset; each excerpt adds its own noise.
    Rng rng(seed);
    std::vector<std::vector<double>> centre(kGenres, std::vector<double>(kDim));
    for (auto &c : centre)
        for (double &v : c)
            v = 1.5 * normal(rng);
    QHash<qint64, std::vector<double>> trackPos;
    for (const Track &t : tracks) {
        std::vector<double> x = centre[std::size_t(genreOf(t.id))];
        for (double &v : x)
            v += 0.8 * normal(rng);
        trackPos.insert(t.id, x);
    }
    const QString encoder = QStringLiteral("synthetic");
    const auto embedClips = [&](const QVector<ClipKey> &clips) {
        QVector<Embedding> batch;
        const QSet<ClipKey> have = EmbeddingStore(*study).cachedClips(encoder);
        for (const ClipKey &c : clips) {
            if (have.contains(c))
                continue;
            Embedding e{c, {}};
            for (double v : trackPos.value(c.trackId))
                e.vector.push_back(float(v + 0.3 * normal(rng)));
            batch.push_back(e);
        }
        return EmbeddingStore(*study).store(encoder, QStringLiteral("h1"), batch);
    };
    if (!check(embedClips(libraryExcerpts(*study, 3)), QStringLiteral("storing embeddings failed")))
        return 1;

    Rate all, prototypesAgainst, unratedRate, neighbours;
    std::vector<double> perParticipant;
    std::vector<double> moves;
    QElapsedTimer clock;
    clock.start();
    std::printf("generated study: %d tracks in %d genres, %d participants x 200 clips, %d-d embeddings; "
                "%d steered targets per participant\n",
                trackCount, kGenres, participants, kDim, trials);
    for (int pi = 0; pi < participants; ++pi) {
        const QString code = QStringLiteral("P%1").arg(pi + 1);
        auto participant = study->createParticipant(code, 100 + quint64(pi), {});
        if (!check(bool(participant), study->lastError()))
            return 1;
        // The participant's rule: liked genres (3 of 10) plus, elsewhere, the tracks with a positive
        // projection on a hidden direction.
        Rng taste(seed * 1000 + std::uint64_t(pi));
        std::vector<int> genres(kGenres);
        std::iota(genres.begin(), genres.end(), 0);
        taste.shuffle(genres);
        std::vector<double> dir(kDim);
        for (double &v : dir)
            v = normal(taste);
        const auto likes = [&](qint64 trackId) {
            const int g = genreOf(trackId);
            if (g == genres[0] || g == genres[1] || g == genres[2])
                return true;
            const std::vector<double> &x = trackPos.value(trackId);
            const std::vector<double> &c = centre[std::size_t(g)];
            double s = 0;
            for (int k = 0; k < kDim; ++k)
                s += (x[std::size_t(k)] - c[std::size_t(k)]) * dir[std::size_t(k)];
            return s > 3.0;
        };
        QVector<ClipKey> planClips;
        db.transaction();
        for (const Clip &c : study->plan(participant->id)) {
            Answer a;
            a.participantId = participant->id;
            a.position = c.position;
            a.trackId = c.trackId;
            a.clipStart = c.startSeconds;
            a.clipLength = c.lengthSeconds;
            a.value = likes(c.trackId) ? 1 : 0;
            a.responseMs = 1500;
            if (!check(study->recordAnswer(a), study->lastError()))
                return 1;
            planClips.push_back({c.trackId, c.startSeconds, c.lengthSeconds});
        }
        db.commit();
        if (!check(embedClips(planClips), QStringLiteral("storing plan embeddings failed")))
            return 1;
        TrainingRequest request;
        request.studyPath = path;
        request.participant = code;
        request.encoder = encoder;
        request.models = {QStringLiteral("clep-pn")};
        const TrainingReport base = Trainer::run(request);
        if (!check(base.error.isEmpty() && !base.models.isEmpty(), base.error))
            return 1;
        const qint64 baseModel = base.models.first().id;
        TasteProfile profile;
        ProfileRequest pr;
        pr.participant = code;
        pr.modelId = baseModel;
        if (!check(buildTasteProfile(*study, pr, &profile, &error), error))
            return 1;
        // Targets: the prototypes against their side, then unrated tracks with a random direction.
        struct Target {
            int index;
            int direction;
            bool prototype;
        };
        std::vector<Target> targets;
        for (const train::Prototype &proto : profile.prototypes)
            if (int(targets.size()) < trials)
                targets.push_back({proto.point, -proto.sign, true});
        std::vector<int> unrated;
        for (int i = 0; i < profile.tracks.size(); ++i)
            if (profile.tracks[i].label < 0)
                unrated.push_back(i);
        taste.shuffle(unrated);
        for (std::size_t u = 0; int(targets.size()) < trials && u < unrated.size(); ++u)
            targets.push_back({unrated[u], taste.uniform() < 0.5 ? 1 : -1, false});
        Rate mine;
        for (const Target &t : targets) {
            const qint64 trackId = profile.tracks[t.index].track.id;
            QVector<qint64> near;
            for (int n : profile.nearest(t.index, 3))
                near.push_back(profile.tracks[n].track.id);
            SteeringFeedback f;
            f.participant = code;
            f.trackId = trackId;
            f.direction = t.direction;
            if (!check(recordSteering(*study, f, &error), error))
                return 1;
            TrainingRequest again;
            if (!check(feedbackRetrainingRequest(*study, baseModel, 0, &again, &error), error))
                return 1;
            const TrainingReport report = Trainer::run(again);
            if (!check(report.error.isEmpty() && !report.models.isEmpty(), report.error))
                return 1;
            SteeringOutcome o;
            if (!check(measureSteering(*study, baseModel, report.models.first().id, trackId, near, t.direction, &o, &error),
                       error))
                return 1;
            all.add(o.movedAsAsked());
            mine.add(o.movedAsAsked());
            (t.prototype ? prototypesAgainst : unratedRate).add(o.movedAsAsked());
            neighbours.add(o.neighboursMovedAsAsked());
            moves.push_back(t.direction * (o.after - o.before));
            // Independent trials: drop this steering and its model.
            QSqlQuery(db).exec(QStringLiteral("DELETE FROM steering"));
            QSqlQuery(db).exec(QStringLiteral("DELETE FROM models WHERE id = %1").arg(report.models.first().id));
        }
        perParticipant.push_back(mine.rate());
        std::printf("  %s: model accuracy %.2f, %zu prototypes, fidelity Spearman %.3f / agreement %.3f; moved as asked: %s\n",
                    qPrintable(code), base.models.first().metrics.accuracy, profile.prototypes.size(),
                    profile.fidelity.spearman, profile.fidelity.agreement, qPrintable(rateText(mine)));
    }
    double mean = 0, sd = 0;
    for (double r : perParticipant)
        mean += r / double(perParticipant.size());
    for (double r : perParticipant)
        sd += (r - mean) * (r - mean);
    sd = perParticipant.size() > 1 ? std::sqrt(sd / double(perParticipant.size() - 1)) : 0.0;
    std::printf("target moved as asked: %s; per participant %.1f %% +- %.1f (sd over %zu)\n", qPrintable(rateText(all)),
                100 * mean, 100 * sd, perParticipant.size());
    std::printf("  prototypes (against their side): %s\n", qPrintable(rateText(prototypesAgainst)));
    std::printf("  unrated tracks (random direction): %s\n", qPrintable(rateText(unratedRate)));
    std::printf("  median change in the asked direction: %+.3f\n", median(moves));
    std::printf("neighbours (mean of 3) moved as asked: %s\n", qPrintable(rateText(neighbours)));
    std::printf("time: %.1f s\n", clock.elapsed() / 1000.0);
    rerankBench();
    return 0;
}
