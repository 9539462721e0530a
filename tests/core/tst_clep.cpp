// CLEP (core/train/clep.h, docs/clep.md): pair labels, split, metrics, gradients against LibTorch
// autograd, learning on a synthetic study with a known preference rule, chance on shuffled labels,
// determinism, serialisation, baselines and cancellation.

#include "survey/rng.h"
#include "train/clep.h"
#include "train/clepcheck.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace tastelab;
using namespace tastelab::train;

Q_DECLARE_METATYPE(tastelab::train::Variant)

namespace {

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

/// A synthetic participant whose taste is a known function of the features: 5 genre clusters
/// (clips dealt round-robin, centres 1.5 N(0, 1) per feature), each split into a "slow" and a
/// "fast" half that shifts features 0-3 by -2 or +2; like = kTaste[genre][fast]. Every feature
/// carries unit Gaussian noise; features 4.. say nothing beyond the genre. The rule is not linear
/// (genre x tempo interactions), so logistic regression stays well below the others.
Dataset syntheticStudy(std::uint64_t seed, int clips = 200, int dim = 64)
{
    Rng rng(seed);
    constexpr int kGenres = 5;
    constexpr int kTaste[kGenres][2] = {{1, 1}, {0, 1}, {1, 0}, {0, 0}, {0, 1}}; // [genre][slow, fast]
    constexpr int kTempoFeatures = 4;
    constexpr double kGenreScale = 1.5, kTempoShift = 2.0;
    std::vector<std::vector<double>> centre(kGenres, std::vector<double>(static_cast<std::size_t>(dim)));
    for (auto &c : centre)
        for (double &v : c)
            v = kGenreScale * normal(rng);
    Dataset data;
    for (int i = 0; i < clips; ++i) {
        const int g = i % kGenres;
        const int fast = int(rng.below(2));
        std::vector<float> x(static_cast<std::size_t>(dim));
        for (int k = 0; k < dim; ++k) {
            const double tempo = k < kTempoFeatures ? (fast ? kTempoShift : -kTempoShift) : 0.0;
            x[std::size_t(k)] = float(centre[std::size_t(g)][std::size_t(k)] + tempo + normal(rng));
        }
        data.features.push_back(std::move(x));
        data.labels.push_back(kTaste[g][fast]);
    }
    return data;
}

Dataset shuffledLabels(Dataset data, std::uint64_t seed)
{
    Rng rng(seed);
    rng.shuffle(data.labels);
    return data;
}

bool sameMetrics(const Metrics &a, const Metrics &b)
{
    return a.accuracy == b.accuracy && a.precision == b.precision && a.recall == b.recall && a.f1 == b.f1
        && a.auroc == b.auroc && a.fpr == b.fpr && a.tp == b.tp && a.tn == b.tn && a.fp == b.fp && a.fn == b.fn;
}

std::vector<std::vector<float>> rowsOf(const Dataset &data, const std::vector<int> &idx)
{
    std::vector<std::vector<float>> rows;
    for (int i : idx)
        rows.push_back(data.features[std::size_t(i)]);
    return rows;
}

double bce(const std::vector<float> &p, const Dataset &data, const std::vector<int> &idx)
{
    double s = 0;
    for (std::size_t i = 0; i < idx.size(); ++i) {
        const double q = p[i];
        s -= data.labels[std::size_t(idx[i])] ? std::log(q) : std::log(1.0 - q);
    }
    return s / double(idx.size());
}

} // namespace

class TestClep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qInfo("matrix products: %s", detail::usesOneDnnGemm() ? "oneDNN sgemm" : "LibTorch at::mm");
    }

    // --- the method's table -------------------------------------------------------------------
    void pairLabels_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<bool>("likedA");
        QTest::addColumn<bool>("likedB");
        QTest::addColumn<int>("label");
        // like-like: PN 1, P 1, N 0; dislike-dislike: PN 1, P 0, N 1; like-dislike: 0 for all.
        const struct {
            Variant v;
            const char *name;
            int likeLike, dislikeDislike;
        } rows[] = {{Variant::PN, "PN", 1, 1}, {Variant::P, "P", 1, 0}, {Variant::N, "N", 0, 1}};
        for (const auto &r : rows) {
            QTest::addRow("%s like-like", r.name) << r.v << true << true << r.likeLike;
            QTest::addRow("%s dislike-dislike", r.name) << r.v << false << false << r.dislikeDislike;
            QTest::addRow("%s like-dislike", r.name) << r.v << true << false << 0;
            QTest::addRow("%s dislike-like", r.name) << r.v << false << true << 0;
        }
    }
    void pairLabels()
    {
        QFETCH(Variant, variant);
        QFETCH(bool, likedA);
        QFETCH(bool, likedB);
        QFETCH(int, label);
        QCOMPARE(pairLabel(variant, likedA, likedB), label);
    }

    void variantIds()
    {
        const std::pair<Variant, const char *> ids[] = {
            {Variant::PN, "clep-pn"}, {Variant::P, "clep-p"}, {Variant::N, "clep-n"}};
        for (const auto &[v, id] : ids) {
            QCOMPARE(variantId(v), std::string(id));
            Variant parsed = Variant::PN;
            QVERIFY(variantFromId(id, &parsed));
            QCOMPARE(parsed, v);
            QVERIFY(variantFromId(std::string(id).substr(5), &parsed)); // "pn", "p", "n"
            QCOMPARE(parsed, v);
        }
        Variant untouched = Variant::P;
        QVERIFY(!variantFromId("clep-x", &untouched));
        QVERIFY(!variantFromId("", &untouched));
        QCOMPARE(untouched, Variant::P);
    }

    // --- split -------------------------------------------------------------------------------
    void split_data()
    {
        QTest::addColumn<int>("likes");
        QTest::addColumn<int>("dislikes");
        QTest::addColumn<int>("testLikes");
        QTest::addColumn<int>("testDislikes");
        QTest::addColumn<int>("valLikes");
        QTest::addColumn<int>("valDislikes");
        // test = round(0.25 n) per class, validation = round(0.2 rest) per class, half rounds up.
        QTest::newRow("balanced 100:100") << 100 << 100 << 25 << 25 << 15 << 15;
        QTest::newRow("80:120") << 80 << 120 << 20 << 30 << 12 << 18;
        QTest::newRow("thesis extreme 24:176") << 24 << 176 << 6 << 44 << 4 << 26;
        QTest::newRow("odd 37:13") << 37 << 13 << 9 << 3 << 6 << 2;
        QTest::newRow("three likes: one in each part") << 3 << 50 << 1 << 13 << 1 << 7;
        QTest::newRow("two likes: plain rounding") << 2 << 50 << 1 << 13 << 0 << 7;
        QTest::newRow("one like stays in training") << 1 << 50 << 0 << 13 << 0 << 7;
    }
    void split()
    {
        QFETCH(int, likes);
        QFETCH(int, dislikes);
        QFETCH(int, testLikes);
        QFETCH(int, testDislikes);
        QFETCH(int, valLikes);
        QFETCH(int, valDislikes);
        std::vector<int> labels;
        Rng rng(5);
        for (int i = 0; i < likes; ++i)
            labels.push_back(1);
        for (int i = 0; i < dislikes; ++i)
            labels.push_back(0);
        rng.shuffle(labels);
        const Split s = stratifiedSplit(labels, 0.25, 0.2, 42);
        const auto count = [&](const std::vector<int> &part, int label) {
            return int(std::count_if(part.begin(), part.end(), [&](int i) { return labels[std::size_t(i)] == label; }));
        };
        QCOMPARE(count(s.test, 1), testLikes);
        QCOMPARE(count(s.test, 0), testDislikes);
        QCOMPARE(count(s.validation, 1), valLikes);
        QCOMPARE(count(s.validation, 0), valDislikes);
        QCOMPARE(count(s.train, 1), likes - testLikes - valLikes);
        QCOMPARE(count(s.train, 0), dislikes - testDislikes - valDislikes);
        // A partition of all clips, each part sorted.
        std::vector<int> all;
        for (const auto *part : {&s.train, &s.validation, &s.test}) {
            QVERIFY(std::is_sorted(part->begin(), part->end()));
            all.insert(all.end(), part->begin(), part->end());
        }
        std::sort(all.begin(), all.end());
        std::vector<int> expected(labels.size());
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(all, expected);
    }

    void splitIsSeeded()
    {
        std::vector<int> labels(200);
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = i % 3 == 0;
        const Split a = stratifiedSplit(labels, 0.25, 0.2, 7), b = stratifiedSplit(labels, 0.25, 0.2, 7);
        QCOMPARE(a.train, b.train);
        QCOMPARE(a.validation, b.validation);
        QCOMPARE(a.test, b.test);
        const Split c = stratifiedSplit(labels, 0.25, 0.2, 8);
        QVERIFY(c.test != a.test);
        QCOMPARE(c.test.size(), a.test.size());
        // No validation part when its fraction is 0, even for small classes.
        const Split d = stratifiedSplit({1, 1, 1, 0, 0, 0, 0}, 0.25, 0.0, 1);
        QVERIFY(d.validation.empty());
        QCOMPARE(d.test.size(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stratifiedSplit(labels, 1.5, 0.2, 1));
    }

    // --- metrics -----------------------------------------------------------------------------
    void metricsByHand()
    {
        // Predicted liked at >= 0.5: 1 1 1 0 0 1 -> tp 2, fn 1, fp 2, tn 1.
        const std::vector<int> truth{1, 1, 0, 0, 1, 0};
        const std::vector<float> p{0.9f, 0.5f, 0.5f, 0.2f, 0.3f, 0.7f};
        const Metrics m = computeMetrics(truth, p);
        QCOMPARE(m.tp, 2);
        QCOMPARE(m.fn, 1);
        QCOMPARE(m.fp, 2);
        QCOMPARE(m.tn, 1);
        QCOMPARE(m.accuracy, 0.5);
        QCOMPARE(m.precision, 0.5);
        QCOMPARE(m.recall, 2.0 / 3.0);
        QCOMPARE(m.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0));
        QCOMPARE(m.fpr, 2.0 / 3.0);
        // Positive-negative pairs ranked right: 0.9 beats all 3; 0.5 ties 0.5 (half) and beats
        // 0.2; 0.3 beats 0.2 -> (3 + 1.5 + 1) / 9.
        QCOMPARE(m.auroc, 5.5 / 9.0);
    }

    void metricsEdgeCases()
    {
        // Perfect ranking, all ties, reversed.
        QCOMPARE(computeMetrics({0, 0, 1, 1}, {0.1f, 0.2f, 0.8f, 0.9f}).auroc, 1.0);
        QCOMPARE(computeMetrics({0, 1, 0, 1}, {0.4f, 0.4f, 0.4f, 0.4f}).auroc, 0.5);
        QCOMPARE(computeMetrics({1, 1, 0, 0}, {0.1f, 0.2f, 0.8f, 0.9f}).auroc, 0.0);
        // One class only: AUROC 0.5, undefined ratios 0.
        const Metrics likesOnly = computeMetrics({1, 1, 1}, {0.2f, 0.3f, 0.9f});
        QCOMPARE(likesOnly.auroc, 0.5);
        QCOMPARE(likesOnly.fpr, 0.0);
        QCOMPARE(likesOnly.recall, 1.0 / 3.0);
        const Metrics noneLiked = computeMetrics({0, 0}, {0.1f, 0.2f});
        QCOMPARE(noneLiked.precision, 0.0);
        QCOMPARE(noneLiked.recall, 0.0);
        QCOMPARE(noneLiked.f1, 0.0);
        QCOMPARE(noneLiked.accuracy, 1.0);
        const Metrics empty = computeMetrics({}, {});
        QCOMPARE(empty.accuracy, 0.0);
        QCOMPARE(empty.auroc, 0.5);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeMetrics({1, 0}, {0.5f}));
    }

    // --- the hand-written gradients against LibTorch autograd ----------------------------------
    void gradients_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<int>("songs");
        QTest::newRow("PN, 16 songs") << Variant::PN << 16;
        QTest::newRow("P, 16 songs") << Variant::P << 16;
        QTest::newRow("N, 16 songs") << Variant::N << 16;
        QTest::newRow("PN, 17 songs (merged tail)") << Variant::PN << 17;
        QTest::newRow("N, 2 songs") << Variant::N << 2;
    }
    void gradients()
    {
        QFETCH(Variant, variant);
        QFETCH(int, songs);
        // Both matrix-product paths: oneDNN's sgemm (when built with it) and LibTorch's at::mm.
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            detail::setLibTorchGemm(seed % 2 == 0);
            const detail::GradientCheck g = detail::checkGradients(variant, songs, seed);
            detail::setLibTorchGemm(false);
            QVERIFY(g.embedderScale > 0);
            QVERIFY(g.classifierScale > 0);
            QVERIFY2(g.embedderError <= 1e-4 * g.embedderScale,
                     qPrintable(QStringLiteral("embedder %1 of %2").arg(g.embedderError).arg(g.embedderScale)));
            QVERIFY2(g.classifierError <= 1e-4 * g.classifierScale,
                     qPrintable(QStringLiteral("classifier %1 of %2").arg(g.classifierError).arg(g.classifierScale)));
        }
    }

    // --- learning ----------------------------------------------------------------------------
    void learnsKnownRule_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::newRow("clep-pn") << Variant::PN;
        QTest::newRow("clep-p") << Variant::P;
        QTest::newRow("clep-n") << Variant::N;
    }
    void learnsKnownRule()
    {
        // Three participants (data, split and training seeds); the mean keeps the check robust to
        // one unlucky split of 51 test clips without lowering the bar.
        QFETCH(Variant, variant);
        double sum = 0;
        constexpr int kSeeds = 3;
        for (int s = 1; s <= kSeeds; ++s) {
            const Dataset data = syntheticStudy(10 + std::uint64_t(s));
            const Split split = stratifiedSplit(data.labels, 0.25, 0.2, std::uint64_t(s));
            ClepSettings settings;
            settings.seed = std::uint64_t(s);
            const Model model = Model::trainClep(data, split, variant, settings);
            const Evaluation e = evaluate(model, data, split);
            QCOMPARE(e.model, variantId(variant));
            qInfo("%s, participant %d: accuracy %.3f AUROC %.3f FPR %.3f", e.model.c_str(), s, e.metrics.accuracy,
                  e.metrics.auroc, e.metrics.fpr);
            sum += e.metrics.accuracy;
        }
        QVERIFY2(sum / kSeeds >= 0.9, qPrintable(QString::number(sum / kSeeds)));
    }

    void shuffledLabelsStayAtChance_data() { learnsKnownRule_data(); }
    void shuffledLabelsStayAtChance()
    {
        QFETCH(Variant, variant);
        double sum = 0;
        constexpr int kSeeds = 3;
        for (int s = 1; s <= kSeeds; ++s) {
            const Dataset shuffled = shuffledLabels(syntheticStudy(10 + std::uint64_t(s)), 100 + std::uint64_t(s));
            const Split split = stratifiedSplit(shuffled.labels, 0.25, 0.2, std::uint64_t(s));
            ClepSettings settings;
            settings.seed = std::uint64_t(s);
            sum += evaluate(Model::trainClep(shuffled, split, variant, settings), shuffled, split).metrics.accuracy;
        }
        qInfo("%s on shuffled labels: mean accuracy %.3f", variantId(variant).c_str(), sum / kSeeds);
        QVERIFY2(sum / kSeeds <= 0.65, qPrintable(QString::number(sum / kSeeds)));
    }

    void sameSeedSameModel()
    {
        const Dataset data = syntheticStudy(12);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 4);
        ClepSettings settings;
        settings.seed = 99;
        const Model a = Model::trainClep(data, split, Variant::N, settings);
        const Model b = Model::trainClep(data, split, Variant::N, settings);
        QVERIFY(sameMetrics(evaluate(a, data, split).metrics, evaluate(b, data, split).metrics));
        QCOMPARE(a.predict(data.features), b.predict(data.features));
        QCOMPARE(a.serialize(), b.serialize());
        settings.seed = 100;
        const Model c = Model::trainClep(data, split, Variant::N, settings);
        QVERIFY(c.predict(data.features) != a.predict(data.features));
    }

    void logFollowsSchedule()
    {
        const Dataset data = syntheticStudy(13);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 5);
        ClepSettings settings;
        std::vector<EpochLog> seen;
        const Model model = Model::trainClep(data, split, Variant::PN, settings, [&](const EpochLog &e) {
            seen.push_back(e);
            return true;
        });
        const auto &log = model.log();
        QCOMPARE(int(log.size()), settings.embedderEpochs + settings.classifierEpochs);
        QCOMPARE(int(seen.size()), int(log.size()));
        for (std::size_t i = 0; i < log.size(); ++i) {
            const bool embedder = int(i) < settings.embedderEpochs;
            QCOMPARE(log[i].stage, std::string(embedder ? "embedder" : "classifier"));
            QCOMPARE(log[i].epoch, embedder ? int(i) + 1 : int(i) + 1 - settings.embedderEpochs);
            QCOMPARE(log[i].validationLoss, seen[i].validationLoss);
            QVERIFY(std::isfinite(log[i].trainLoss) && std::isfinite(log[i].validationLoss));
        }
        // The learning rate follows ReduceLROnPlateau(mode min, rel threshold 1e-4, patience 2,
        // factor 0.1) replayed on the logged validation losses.
        bool dropped = false;
        for (const std::string &stage : {std::string("embedder"), std::string("classifier")}) {
            double lr = stage == "embedder" ? settings.embedderLearningRate : settings.classifierLearningRate;
            double best = INFINITY;
            int bad = 0;
            for (const EpochLog &e : log) {
                if (e.stage != stage)
                    continue;
                QCOMPARE(e.learningRate, lr);
                if (e.validationLoss < best * (1 - 1e-4)) {
                    best = e.validationLoss;
                    bad = 0;
                } else if (++bad > settings.plateauPatience) {
                    if (lr - lr * settings.plateauFactor > 1e-8) // PyTorch's eps
                        lr *= settings.plateauFactor;
                    bad = 0;
                    dropped = true;
                }
            }
        }
        QVERIFY(dropped); // the schedule did act in this run
        // Best weights: the final classifier's validation loss is the lowest one logged.
        double bestClassifier = INFINITY;
        for (const EpochLog &e : log)
            if (e.stage == "classifier")
                bestClassifier = std::min(bestClassifier, e.validationLoss);
        const double finalLoss = bce(model.predict(rowsOf(data, split.validation)), data, split.validation);
        QVERIFY2(std::abs(finalLoss - bestClassifier) <= 1e-4 * std::max(1.0, bestClassifier),
                 qPrintable(QStringLiteral("%1 vs %2").arg(finalLoss).arg(bestClassifier)));
    }

    // --- baselines and serialisation ----------------------------------------------------------
    void baselines_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::newRow("logreg") << int(Model::Kind::LogisticRegression) << QStringLiteral("logreg");
        QTest::newRow("knn") << int(Model::Kind::KNearest) << QStringLiteral("knn");
        QTest::newRow("mlp") << int(Model::Kind::MlpOnly) << QStringLiteral("mlp");
    }
    void baselines()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        double accuracy = 0, auroc = 0;
        constexpr int kSeeds = 3;
        for (int s = 1; s <= kSeeds; ++s) {
            const Dataset data = syntheticStudy(10 + std::uint64_t(s));
            const Split split = stratifiedSplit(data.labels, 0.25, 0.2, std::uint64_t(s));
            ClepSettings settings;
            settings.seed = std::uint64_t(s);
            const Model model = Model::trainBaseline(Model::Kind(kind), data, split, settings);
            QCOMPARE(QString::fromStdString(model.id()), id);
            QCOMPARE(int(model.kind()), kind);
            const Evaluation e = evaluate(model, data, split);
            qInfo("%s, participant %d: accuracy %.3f AUROC %.3f", e.model.c_str(), s, e.metrics.accuracy,
                  e.metrics.auroc);
            accuracy += e.metrics.accuracy / kSeeds;
            auroc += e.metrics.auroc / kSeeds;
            // Their representation is the standardised input.
            const auto emb = model.embed(rowsOf(data, {0, 1}));
            QCOMPARE(emb.size(), std::size_t(2));
            QCOMPARE(emb[0].size(), data.features[0].size());
        }
        // Chance is 0.5 here (likes and dislikes are balanced by the taste table).
        QVERIFY2(accuracy >= 0.65, qPrintable(QString::number(accuracy)));
        QVERIFY2(auroc >= 0.75, qPrintable(QString::number(auroc)));
    }

    void serializeRoundTrip_data()
    {
        baselines_data();
        QTest::newRow("clep-p") << int(Model::Kind::Clep) << QStringLiteral("clep-p");
    }
    void serializeRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        const Dataset data = syntheticStudy(14, 80, 16);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 6);
        ClepSettings settings;
        settings.embedderEpochs = 3;
        settings.classifierEpochs = 4;
        settings.embeddingSize = 8;
        settings.embedderHidden = 32;
        const Model model = Model::Kind(kind) == Model::Kind::Clep
            ? Model::trainClep(data, split, Variant::P, settings)
            : Model::trainBaseline(Model::Kind(kind), data, split, settings);
        const std::string bytes = model.serialize();
        const Model back = Model::deserialize(bytes);
        QCOMPARE(QString::fromStdString(back.id()), id);
        QCOMPARE(back.kind(), model.kind());
        QCOMPARE(back.predict(data.features), model.predict(data.features));
        QCOMPARE(back.embed(data.features), model.embed(data.features));
        QCOMPARE(back.log().size(), model.log().size());
        for (std::size_t i = 0; i < model.log().size(); ++i) {
            QCOMPARE(back.log()[i].stage, model.log()[i].stage);
            QCOMPARE(back.log()[i].trainLoss, model.log()[i].trainLoss);
            QCOMPARE(back.log()[i].learningRate, model.log()[i].learningRate);
        }
        QCOMPARE(back.serialize(), bytes);
        // Damaged data is refused.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Model::deserialize(bytes.substr(0, bytes.size() - 1)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Model::deserialize(bytes + "x"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Model::deserialize("TLCLEPM2" + bytes.substr(8)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Model::deserialize(std::string()));
        // A moved model keeps working.
        Model moved = Model::deserialize(bytes);
        Model target;
        target = std::move(moved);
        QCOMPARE(target.predict(data.features), model.predict(data.features));
    }

    void rowsDoNotDependOnTheBlocking()
    {
        // predict() and embed() run 512 rows at a time: a row's numbers are the same whichever rows
        // share its block, so 1300 rows in one call (blocks 0-511, 512-1023, 1024-1299) give what
        // slices of them cut elsewhere give, in both forms. (A call with a single row goes through
        // oneDNN's matrix-vector kernel and may differ in the last bit; that is not asserted.)
        const Dataset data = syntheticStudy(14, 80, 16);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 6);
        ClepSettings settings;
        settings.embedderEpochs = 2;
        settings.classifierEpochs = 2;
        const Model model = Model::trainClep(data, split, Variant::PN, settings);
        std::vector<std::vector<float>> rows;
        for (int i = 0; i < 1300; ++i)
            rows.push_back(data.features[std::size_t(i) % data.features.size()]);
        rows[700][0] += 0.5f; // not only repeats
        const std::vector<float> all = model.predict(rows);
        const std::vector<std::vector<float>> embedded = model.embed(rows);
        QCOMPARE(all.size(), rows.size());
        QCOMPARE(embedded.size(), rows.size());
        for (const auto &[first, count] : {std::pair<std::size_t, std::size_t>{100, 37}, {505, 20}, {690, 300}, {1000, 300}}) {
            const std::vector<std::vector<float>> slice(rows.begin() + std::ptrdiff_t(first),
                                                        rows.begin() + std::ptrdiff_t(first + count));
            std::vector<float> flat;
            for (const std::vector<float> &r : slice)
                flat.insert(flat.end(), r.begin(), r.end());
            const std::vector<float> p = model.predict(slice);
            const std::vector<float> pFlat = model.predict(flat.data(), count, slice[0].size());
            const std::vector<std::vector<float>> e = model.embed(slice);
            for (std::size_t i = 0; i < count; ++i) {
                QCOMPARE(p[i], all[first + i]);
                QCOMPARE(pFlat[i], all[first + i]);
                QCOMPARE(e[i], embedded[first + i]);
            }
        }
        QVERIFY(all[700] != all[700 % data.features.size()] || embedded[700] != embedded[700 % data.features.size()]);
        QVERIFY(model.predict(std::vector<std::vector<float>>{}).empty());
        QVERIFY(model.embed({}).empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.predict({std::vector<float>(3, 0.f)}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.embed({std::vector<float>(3, 0.f)}));
    }

    // --- errors and cancellation -------------------------------------------------------------
    void cancellation()
    {
        const Dataset data = syntheticStudy(15, 60, 16);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 1);
        int calls = 0;
        const auto stopAtThird = [&](const EpochLog &e) {
            ++calls;
            return e.epoch < 3;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, Model::trainClep(data, split, Variant::PN, ClepSettings{}, stopAtThird));
        QCOMPARE(calls, 3);
        calls = 0;
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, Model::trainBaseline(Model::Kind::MlpOnly, data, split, ClepSettings{}, stopAtThird));
        QCOMPARE(calls, 3);
        calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, Model::trainBaseline(Model::Kind::LogisticRegression, data, split,
                                                                 ClepSettings{}, stopAtThird));
        QCOMPARE(calls, 3);
    }

    void invalidInput()
    {
        Dataset data = syntheticStudy(16, 40, 8);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 1);
        const Model model = Model::trainBaseline(Model::Kind::KNearest, data, split, ClepSettings{});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.predict({std::vector<float>(7, 0.0f)}));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, Model().predict(data.features));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Model::trainBaseline(Model::Kind::Clep, data, split, ClepSettings{}));
        Split tiny;
        tiny.train = {0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Model::trainClep(data, tiny, Variant::PN, ClepSettings{}));
        Split outside = split;
        outside.train.push_back(1000);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Model::trainClep(data, outside, Variant::PN, ClepSettings{}));
        data.labels.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Model::trainClep(data, split, Variant::PN, ClepSettings{}));
    }
};

QTEST_GUILESS_MAIN(TestClep)
#include "tst_clep.moc"
