// Tests for train/tsne.h. QtTest is only the runner; nothing here needs Python at run time.
//
// Reference values: scikit-learn 1.2.1 (Debian python3-sklearn, numpy 1.24.2), printed by
//
//   /usr/bin/python3 bench/tsne_reference.py --reference
//
// which generates the same data set as gaussianClusters() below (bit for bit: an integer recipe,
// see the script's docstring; the checksum test checks it) and runs
//
//   TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0, learning_rate="auto",
//        n_iter=1000, init="pca", method=<"exact" | "barnes_hut">, angle=0.5, random_state=0)
//   .fit_transform(x);  model.kl_divergence_;  sklearn.manifold.trustworthiness(x, y, n_neighbors=5)
//
// and sklearn.manifold.trustworthiness on a small fixed case (40 points in 8-d against their first
// two coordinates). Output of the run the constants come from (2026-11-24):
//
//   data: gaussianClusters(1000, 32, 20261124); checksum 69286133275606,
//         x[0][0] = 1.417299509048462, x[999][31] = -0.9167672991752625
//   exact: kl 0.9468112799673665 trustworthiness 0.9751096774193548      (n_iter_ 999)
//   barnes_hut: kl 0.9631896018981934 trustworthiness 0.9740467741935483 (n_iter_ 999)
//   small: trustworthiness k=5 0.865625 k=3 0.8685714285714285
//
// Our KL must be within 5 % of scikit-learn's (each method against its counterpart; for Barnes-Hut
// both are the estimate over the sparse neighbour P) and our trustworthiness (k = 5: the local
// neighbourhoods that the map is read for) within 0.01 of scikit-learn's.

#include "train/clep.h" // Cancelled
#include "train/tsne.h"

#include "../../bench/tsnedata.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

using namespace tastelab::train;
using tastelab::tsnedata::gaussianClusters;

namespace {

// scikit-learn's figures (see above).
constexpr double kSklearnExactKl = 0.9468112799673665;
constexpr double kSklearnExactTrust = 0.9751096774193548;
constexpr double kSklearnBarnesHutKl = 0.9631896018981934;
constexpr double kSklearnBarnesHutTrust = 0.9740467741935483;
constexpr double kSklearnSmallTrust5 = 0.865625;
constexpr double kSklearnSmallTrust3 = 0.8685714285714285;
constexpr std::uint64_t kDataChecksum = 69286133275606ull;
constexpr int kN = 1000;
constexpr int kDim = 32;
constexpr std::uint64_t kSeed = 20261124;

const std::vector<std::vector<float>> &testData()
{
    static const std::vector<std::vector<float>> data = tastelab::tsnedata::gaussianClusters(kN, kDim, kSeed);
    return data;
}

std::vector<std::vector<float>> firstColumns(const std::vector<std::vector<float>> &x, int columns)
{
    std::vector<std::vector<float>> out;
    for (const auto &row : x)
        out.emplace_back(row.begin(), row.begin() + columns);
    return out;
}

bool allFinite(const std::vector<float> &v)
{
    for (const float f : v)
        if (!std::isfinite(f))
            return false;
    return true;
}

QByteArray describe(const char *what, double ours, double theirs)
{
    return QByteArray(what) + ": ours " + QByteArray::number(ours, 'g', 10) + ", scikit-learn " +
           QByteArray::number(theirs, 'g', 10);
}

TsneSettings settingsFor(TsneMethod method)
{
    TsneSettings s;
    s.method = method;
    s.seed = 0;
    return s;
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatorMatchesPython();
    void matchesScikitLearnExact();
    void matchesScikitLearnBarnesHut();
    void torchExactPathMatchesLoop();
    void trustworthinessMatchesScikitLearn();
    void trustworthinessRejectsBadInput();
    void perplexityClampedForTinyN_data();
    void perplexityClampedForTinyN();
    void twoPoints();
    void reproducible();
    void seedMatters();
    void cancelIsQuick();
    void progressEveryTenIterations();
    void autoPicksMethod();
    void invalidInputThrows();
    void identicalRowsAllowed();
    void methodIds();
};

void TestTsne::generatorMatchesPython()
{
    const auto &x = testData();
    QCOMPARE(tastelab::tsnedata::checksum(x), kDataChecksum);
    QCOMPARE(double(x[0][0]), 1.417299509048462);
    QCOMPARE(double(x[kN - 1][kDim - 1]), -0.9167672991752625);
}

void TestTsne::matchesScikitLearnExact()
{
    const auto &x = testData();
    const TsneResult r = tsne(x, settingsFor(TsneMethod::Exact));
    QCOMPARE(r.method, TsneMethod::Exact);
    QCOMPARE(r.device, std::string("cpu"));
    QCOMPARE(r.n, kN);
    QCOMPARE(r.points.size(), std::size_t(2 * kN));
    QVERIFY(allFinite(r.points));
    QCOMPARE(r.perplexity, 30.0);
    QVERIFY(r.notice.empty());
    const double trust = trustworthiness(x, r.points, 2, 5);
    qInfo("exact: KL %.4f (scikit-learn %.4f), trustworthiness %.4f (%.4f), %d iterations, %.1f s", r.kl,
          kSklearnExactKl, trust, kSklearnExactTrust, r.iterations, r.seconds);
    QVERIFY2(std::fabs(r.kl - kSklearnExactKl) <= 0.05 * kSklearnExactKl, describe("KL", r.kl, kSklearnExactKl));
    QVERIFY2(std::fabs(trust - kSklearnExactTrust) <= 0.01, describe("trustworthiness", trust, kSklearnExactTrust));
}

void TestTsne::matchesScikitLearnBarnesHut()
{
    const auto &x = testData();
    const TsneResult r = tsne(x, settingsFor(TsneMethod::BarnesHut));
    QCOMPARE(r.method, TsneMethod::BarnesHut);
    QCOMPARE(r.device, std::string("cpu"));
    QVERIFY(allFinite(r.points));
    const double trust = trustworthiness(x, r.points, 2, 5);
    qInfo("Barnes-Hut: KL %.4f (scikit-learn %.4f), trustworthiness %.4f (%.4f), %d iterations, %.1f s", r.kl,
          kSklearnBarnesHutKl, trust, kSklearnBarnesHutTrust, r.iterations, r.seconds);
    QVERIFY2(std::fabs(r.kl - kSklearnBarnesHutKl) <= 0.05 * kSklearnBarnesHutKl,
             describe("KL", r.kl, kSklearnBarnesHutKl));
    QVERIFY2(std::fabs(trust - kSklearnBarnesHutTrust) <= 0.01,
             describe("trustworthiness", trust, kSklearnBarnesHutTrust));
}

void TestTsne::torchExactPathMatchesLoop()
{
    // The LibTorch tensor-op implementation (the one that runs on CUDA) against the fused loop,
    // on CPU: same affinities and gradients up to float rounding, hence nearly the same layout
    // after a short run, and the same quality after a full one.
    // (The optimisation amplifies rounding differences: after about 30 iterations of early
    // exaggeration the two layouts part, hence the short runs here.)
    const auto x = gaussianClusters(300, kDim, 11);
    for (const int iterations : {1, 20}) {
        TsneSettings s = settingsFor(TsneMethod::Exact);
        s.iterations = iterations;
        const TsneResult loop = tsne(x, s);
        detail::setTorchExactOnCpu(true);
        TsneResult torchRun;
        try {
            torchRun = tsne(x, s);
        } catch (...) {
            detail::setTorchExactOnCpu(false);
            throw;
        }
        detail::setTorchExactOnCpu(false);
        QCOMPARE(torchRun.method, TsneMethod::Exact);
        QCOMPARE(torchRun.device, std::string("cpu"));
        double extent = 0, diff = 0;
        for (std::size_t t = 0; t < loop.points.size(); ++t) {
            extent = std::max(extent, std::fabs(double(loop.points[t])));
            diff = std::max(diff, std::fabs(double(loop.points[t]) - double(torchRun.points[t])));
        }
        qInfo("%d iterations: layout extent %.4g, largest difference %.3g; KL %.7f vs %.7f", iterations, extent, diff,
              loop.kl, torchRun.kl);
        QVERIFY(extent > 0 && allFinite(torchRun.points));
        QVERIFY2(diff <= (iterations == 1 ? 1e-4 : 2e-3) * extent, QByteArray::number(diff / extent));
        QVERIFY(std::fabs(loop.kl - torchRun.kl) <= 1e-5 * std::fabs(loop.kl));
    }

    // Full run on the reference data through the tensor path: the same quality bar.
    detail::setTorchExactOnCpu(true);
    TsneResult full;
    try {
        full = tsne(testData(), settingsFor(TsneMethod::Exact));
    } catch (...) {
        detail::setTorchExactOnCpu(false);
        throw;
    }
    detail::setTorchExactOnCpu(false);
    const double trust = trustworthiness(testData(), full.points, 2, 5);
    qInfo("exact through LibTorch ops: KL %.4f, trustworthiness %.4f, %.1f s", full.kl, trust, full.seconds);
    QVERIFY2(std::fabs(full.kl - kSklearnExactKl) <= 0.05 * kSklearnExactKl, describe("KL", full.kl, kSklearnExactKl));
    QVERIFY2(std::fabs(trust - kSklearnExactTrust) <= 0.01, describe("trustworthiness", trust, kSklearnExactTrust));
}

void TestTsne::trustworthinessMatchesScikitLearn()
{
    const auto small = gaussianClusters(40, 8, 5);
    const auto low2 = firstColumns(small, 2);
    std::vector<float> low;
    for (const auto &row : low2)
        low.insert(low.end(), row.begin(), row.end());
    QCOMPARE(trustworthiness(small, low, 2, 5), kSklearnSmallTrust5);
    QVERIFY(std::fabs(trustworthiness(small, low, 2, 3) - kSklearnSmallTrust3) < 1e-12);
    // The data as their own layout: every neighbour is a true neighbour.
    std::vector<float> same;
    for (const auto &row : small)
        same.insert(same.end(), row.begin(), row.end());
    QCOMPARE(trustworthiness(small, same, 8, 5), 1.0);
}

void TestTsne::trustworthinessRejectsBadInput()
{
    const auto small = gaussianClusters(10, 4, 1);
    std::vector<float> low(20, 0.0f);
    for (int i = 0; i < 10; ++i)
        low[std::size_t(2 * i)] = float(i);
    QVERIFY(std::isfinite(trustworthiness(small, low, 2, 4)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trustworthiness(small, low, 2, 5)); // k >= N / 2
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trustworthiness(small, low, 2, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trustworthiness(small, std::vector<float>(19), 2, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trustworthiness({}, {}, 2, 1));
}

void TestTsne::perplexityClampedForTinyN_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("method");
    for (int n = 5; n <= 11; ++n) {
        QTest::addRow("exact-%d", n) << n << int(TsneMethod::Exact);
        QTest::addRow("bh-%d", n) << n << int(TsneMethod::BarnesHut);
    }
}

void TestTsne::perplexityClampedForTinyN()
{
    QFETCH(int, n);
    QFETCH(int, method);
    const auto x = gaussianClusters(n, 6, std::uint64_t(100 + n));
    TsneSettings s = settingsFor(TsneMethod(method));
    s.iterations = 300;
    const TsneResult r = tsne(x, s);
    const double limit = std::max(1.0, (n - 1) / 3.0);
    QCOMPARE(r.perplexity, limit);
    QVERIFY2(r.notice.find("perplexity 30 lowered to") != std::string::npos, r.notice.c_str());
    QVERIFY2(r.notice.find("for " + std::to_string(n) + " points") != std::string::npos, r.notice.c_str());
    QCOMPARE(r.points.size(), std::size_t(2 * n));
    QVERIFY(allFinite(r.points));
    QVERIFY(std::isfinite(r.kl) && r.kl >= -1e-9);
    if (n == 11)
        QCOMPARE(r.notice, std::string("perplexity 30 lowered to 3.3 for 11 points"));

    // A perplexity that fits is kept, without a notice.
    s.perplexity = (n - 1) / 3.0;
    const TsneResult kept = tsne(x, s);
    QVERIFY2(kept.notice.empty(), kept.notice.c_str());
    QCOMPARE(kept.perplexity, s.perplexity);
}

void TestTsne::twoPoints()
{
    const std::vector<std::vector<float>> x = {{0.0f, 1.0f, 2.0f}, {1.0f, 1.0f, 0.0f}};
    for (const TsneMethod m : {TsneMethod::Auto, TsneMethod::Exact, TsneMethod::BarnesHut}) {
        const TsneResult r = tsne(x, settingsFor(m));
        QCOMPARE(r.n, 2);
        QCOMPARE(r.points.size(), std::size_t(4));
        QVERIFY(allFinite(r.points));
        QCOMPARE(r.perplexity, 1.0);
        QCOMPARE(r.notice, std::string("perplexity 30 lowered to 1 for 2 points"));
        // Two points: P = Q = 1/2 each way whatever the layout, so KL = 0, and they are apart.
        QVERIFY(std::fabs(r.kl) < 1e-6);
        QVERIFY(r.points[0] != r.points[2] || r.points[1] != r.points[3]);
    }
}

void TestTsne::reproducible()
{
    const auto x = gaussianClusters(400, kDim, 3);
    for (const TsneMethod m : {TsneMethod::Exact, TsneMethod::BarnesHut}) {
        for (const bool pca : {true, false}) {
            TsneSettings s = settingsFor(m);
            s.iterations = 400;
            s.pcaInit = pca;
            s.seed = 42;
            s.threads = 2;
            const TsneResult a = tsne(x, s);
            const TsneResult b = tsne(x, s);
            QCOMPARE(a.points, b.points);
            QCOMPARE(a.kl, b.kl);
            // Independent of the thread count (per-point work, reductions in point order).
            s.threads = 1;
            const TsneResult c = tsne(x, s);
            QCOMPARE(a.points, c.points);
            s.threads = 3;
            const TsneResult d = tsne(x, s);
            QCOMPARE(a.points, d.points);
        }
    }
}

void TestTsne::seedMatters()
{
    // The seed draws the random initialisation; PCA initialisation does not depend on it.
    const auto x = gaussianClusters(300, kDim, 4);
    for (const TsneMethod m : {TsneMethod::Exact, TsneMethod::BarnesHut}) {
        TsneSettings s = settingsFor(m);
        s.iterations = 300;
        s.pcaInit = false;
        s.seed = 1;
        const TsneResult a = tsne(x, s);
        s.seed = 2;
        const TsneResult b = tsne(x, s);
        QVERIFY(a.points != b.points);
        s.pcaInit = true;
        const TsneResult c = tsne(x, s);
        s.seed = 3;
        const TsneResult d = tsne(x, s);
        QCOMPARE(c.points, d.points);
    }
}

void TestTsne::cancelIsQuick()
{
    const auto x = gaussianClusters(3000, kDim, 6);
    for (const TsneMethod m : {TsneMethod::Exact, TsneMethod::BarnesHut}) {
        // Cancel at the first report of an iteration: it must come within 10 iterations.
        int calls = 0, lastIteration = -1;
        const auto started = std::chrono::steady_clock::now();
        TsneSettings s = settingsFor(m);
        QVERIFY_THROWS_EXCEPTION(Cancelled, tsne(x, s, [&](const TsneProgress &p) {
                                     ++calls;
                                     lastIteration = p.iteration;
                                     return p.iteration == 0;
                                 }));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        qInfo("%s: cancelled at iteration %d after %.2f s (%d calls)", tsneMethodId(m).c_str(), lastIteration, seconds,
              calls);
        QVERIFY(lastIteration > 0 && lastIteration <= 10);
        QVERIFY(seconds < 20.0);

        // Cancel while the affinities are computed (the first call, iteration 0).
        calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, tsne(x, s, [&](const TsneProgress &p) {
                                     ++calls;
                                     return p.iteration != 0;
                                 }));
        QCOMPARE(calls, 1);
    }
}

void TestTsne::progressEveryTenIterations()
{
    const auto x = gaussianClusters(200, 8, 8);
    TsneSettings s = settingsFor(TsneMethod::Exact);
    s.iterations = 95;
    s.exaggerationIterations = 30;
    std::vector<int> iterations;
    std::vector<int> withKl;
    const TsneResult r = tsne(x, s, [&](const TsneProgress &p) {
        if (p.iteration > 0) {
            iterations.push_back(p.iteration);
            if (std::isfinite(p.kl))
                withKl.push_back(p.iteration);
        }
        return p.iterations == 95;
    });
    const std::vector<int> expected = {10, 20, 30, 40, 50, 60, 70, 80, 90, 95};
    QCOMPARE(iterations, expected);
    // The KL divergence where scikit-learn computes it: every 50 iterations and at the end.
    const std::vector<int> expectedKl = {50, 95};
    QCOMPARE(withKl, expectedKl);
    QCOMPARE(r.iterations, 95);
    QVERIFY(std::isfinite(r.kl));
}

void TestTsne::autoPicksMethod()
{
    // Auto: exact up to exactLimit points on CPU, Barnes-Hut above; an explicit method is kept.
    TsneSettings s = settingsFor(TsneMethod::Auto);
    s.exactLimit = 60;
    s.iterations = 20;
    s.exaggerationIterations = 10;
    s.perplexity = 5;
    QCOMPARE(tsne(gaussianClusters(60, 8, 9), s).method, TsneMethod::Exact);
    QCOMPARE(tsne(gaussianClusters(61, 8, 9), s).method, TsneMethod::BarnesHut);
    s.method = TsneMethod::BarnesHut;
    QCOMPARE(tsne(gaussianClusters(30, 8, 9), s).method, TsneMethod::BarnesHut);
    s.method = TsneMethod::Exact;
    QCOMPARE(tsne(gaussianClusters(100, 8, 9), s).method, TsneMethod::Exact);
    // The default switch point is 3000 points.
    QCOMPARE(TsneSettings{}.exactLimit, 3000);
    QCOMPARE(TsneSettings{}.method, TsneMethod::Auto);
    // Device "auto" runs on CPU without CUDA (and the exact method on CUDA with it).
    s.method = TsneMethod::Auto;
    s.device = "auto";
    const TsneResult a = tsne(gaussianClusters(61, 8, 9), s);
    if (a.device == "cpu") {
        QCOMPARE(a.method, TsneMethod::BarnesHut);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, [&] {
            TsneSettings c = s;
            c.device = "cuda";
            tsne(gaussianClusters(20, 8, 9), c);
        }());
    } else {
        QCOMPARE(a.device, std::string("cuda"));
        QCOMPARE(a.method, TsneMethod::Exact);
    }
}

void TestTsne::invalidInputThrows()
{
    const TsneSettings s;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne({}, s));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne({{1.0f, 2.0f}}, s));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne({{1.0f, 2.0f}, {1.0f}}, s));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne({{}, {}}, s));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne({{1.0f, 2.0f}, {nan, 0.0f}, {0.0f, 0.0f}}, s));
    const std::vector<std::vector<float>> ok = {{1.0f, 2.0f}, {3.0f, 0.0f}, {0.0f, 0.0f}};
    TsneSettings bad;
    bad.perplexity = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne(ok, bad));
    bad = TsneSettings{};
    bad.iterations = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne(ok, bad));
    bad = TsneSettings{};
    bad.device = "tpu";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne(ok, bad));
    bad = TsneSettings{};
    bad.theta = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne(ok, bad));
    bad = TsneSettings{};
    bad.earlyExaggeration = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tsne(ok, bad));
}

void TestTsne::identicalRowsAllowed()
{
    // All rows identical: no variance (random initialisation, with a notice), still a layout.
    const std::vector<std::vector<float>> same(12, std::vector<float>{1.0f, 2.0f, 3.0f});
    for (const TsneMethod m : {TsneMethod::Exact, TsneMethod::BarnesHut}) {
        TsneSettings s = settingsFor(m);
        s.iterations = 200;
        const TsneResult r = tsne(same, s);
        QVERIFY(allFinite(r.points));
        QVERIFY2(r.notice.find("no variance") != std::string::npos, r.notice.c_str());
    }
    // Duplicated rows among others.
    auto x = gaussianClusters(120, 8, 10);
    for (int i = 0; i < 30; ++i)
        x[std::size_t(60 + i)] = x[std::size_t(i)];
    for (const TsneMethod m : {TsneMethod::Exact, TsneMethod::BarnesHut}) {
        TsneSettings s = settingsFor(m);
        s.iterations = 300;
        const TsneResult r = tsne(x, s);
        QVERIFY(allFinite(r.points));
        QVERIFY(std::isfinite(r.kl));
        QVERIFY(trustworthiness(x, r.points, 2, 5) > 0.8);
    }
}

void TestTsne::methodIds()
{
    for (const TsneMethod m : {TsneMethod::Auto, TsneMethod::Exact, TsneMethod::BarnesHut}) {
        TsneMethod back = TsneMethod::Auto;
        QVERIFY(tsneMethodFromId(tsneMethodId(m), &back));
        QCOMPARE(back, m);
    }
    QCOMPARE(tsneMethodId(TsneMethod::BarnesHut), std::string("barnes-hut"));
    TsneMethod m = TsneMethod::Auto;
    QVERIFY(tsneMethodFromId("bh", &m));
    QCOMPARE(m, TsneMethod::BarnesHut);
    QVERIFY(!tsneMethodFromId("umap", &m));
    QCOMPARE(m, TsneMethod::BarnesHut);
}

QTEST_GUILESS_MAIN(TestTsne)
#include "tst_tsne.moc"
