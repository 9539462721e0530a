// What the active rating order buys (issue "Individual listeners"): on a generated library with a
// known preference rule, the accuracy a listener's CLEP-PN model reaches after 40, 80 and 120
// answers when the clips come in random order versus the active order (warm-up of 20 random clips,
// then the least sure clip with a 30 % share of random ones, retrained every 10 answers), averaged
// over seeds; and how many answers the active order needs to reach the random order's accuracy at
// 120. Figures: docs/benchmarks.md.
//
//   active_bench [--seeds 10] [--pool 1000] [--test 400] [--noise 0.05]

#include "train/activeorder.h"
#include "train/clep.h"
#include "tsnedata.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace tastelab::train;

namespace {

constexpr int kDim = 32;
constexpr int kMaxAnswers = 120;
constexpr int kStep = 10;

struct Library {
    std::vector<std::vector<float>> pool, test;
    std::vector<int> poolLabel, testLabel; ///< what the listener answers (the rule, with noise)
};

/// 8 Gaussian clusters in 32-d (bench/tsnedata.h); the listener likes a track when a fixed random
/// direction of the feature space scores it above the median, so the boundary cuts through
/// clusters; a share `noise` of the answers is flipped (a listener is not perfectly consistent).
Library makeLibrary(int pool, int test, double noise, std::uint64_t seed)
{
    const auto x = tastelab::tsnedata::gaussianClusters(pool + test, kDim, seed);
    tastelab::Rng rng(seed ^ 0x5EEDull);
    std::vector<double> w(kDim);
    for (double &v : w)
        v = rng.uniform() - 0.5;
    std::vector<double> score(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        for (int d = 0; d < kDim; ++d)
            score[i] += w[std::size_t(d)] * x[i][std::size_t(d)];
    std::vector<double> sorted = score;
    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
    const double median = sorted[sorted.size() / 2];
    Library lib;
    for (std::size_t i = 0; i < x.size(); ++i) {
        int label = score[i] > median ? 1 : 0;
        const bool isTest = int(i) >= pool;
        if (!isTest && rng.uniform() < noise)
            label = 1 - label; // the listener's answers are noisy; the test truth is the rule
        (isTest ? lib.test : lib.pool).push_back(x[i]);
        (isTest ? lib.testLabel : lib.poolLabel).push_back(label);
    }
    return lib;
}

/// CLEP-PN trained on the answered clips (a fifth of them for the schedule's validation).
bool trainOn(const Library &lib, const std::vector<int> &answered, std::uint64_t seed, Model *out)
{
    Dataset data;
    int likes = 0;
    for (int i : answered) {
        data.features.push_back(lib.pool[std::size_t(i)]);
        data.labels.push_back(lib.poolLabel[std::size_t(i)]);
        likes += lib.poolLabel[std::size_t(i)];
    }
    if (likes < 2 || int(answered.size()) - likes < 2)
        return false; // one class only: no model yet
    ClepSettings s;
    s.seed = seed;
    const Split split = stratifiedSplit(data.labels, 0.0, 0.2, seed);
    *out = Model::trainClep(data, split, Variant::PN, s);
    return true;
}

double accuracy(const Model &model, const Library &lib)
{
    const std::vector<float> p = model.predict(lib.test);
    int right = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        right += (p[i] >= 0.5f) == (lib.testLabel[i] == 1);
    return double(right) / double(p.size());
}

/// Accuracy on the test tracks after every kStep answers (index k: (k + 1) * kStep answers).
std::vector<double> run(const Library &lib, bool active, std::uint64_t seed)
{
    ActiveOrderSettings settings;
    settings.seed = seed;
    if (!active)
        settings.randomShare = 1.0; // every pick random: the random order
    ActiveOrder order(int(lib.pool.size()), settings);
    std::vector<int> answered;
    std::vector<float> probability;
    std::vector<double> curve;
    Model model;
    while (int(answered.size()) < kMaxAnswers) {
        const int c = order.next(probability);
        order.markAnswered(c);
        answered.push_back(c);
        if (order.retrainDue() || int(answered.size()) % kStep == 0) {
            const bool trained = trainOn(lib, answered, seed, &model);
            if (order.retrainDue()) {
                if (trained)
                    probability = model.predict(lib.pool);
                order.retrained();
            }
            if (int(answered.size()) % kStep == 0)
                curve.push_back(trained ? accuracy(model, lib) : 0.5);
        }
    }
    return curve;
}

int intOption(int argc, char **argv, const char *name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    return fallback;
}

} // namespace

int main(int argc, char **argv)
{
    const int seeds = intOption(argc, argv, "--seeds", 10);
    const int pool = intOption(argc, argv, "--pool", 1000);
    const int test = intOption(argc, argv, "--test", 400);
    double noise = 0.05;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--noise") == 0)
            noise = std::atof(argv[i + 1]);
    std::printf("active_bench: %d seeds, pool %d, test %d, %d-d, answer noise %.2f, CLEP-PN (default settings)\n",
                seeds, pool, test, kDim, noise);
    const auto t0 = std::chrono::steady_clock::now();
    const int points = kMaxAnswers / kStep;
    const std::size_t n = std::size_t(points);
    std::vector<double> meanRandom(n, 0.0), meanActive(n, 0.0), sqRandom(n, 0.0), sqActive(n, 0.0);
    for (int s = 1; s <= seeds; ++s) {
        const Library lib = makeLibrary(pool, test, noise, std::uint64_t(s) * 7919u);
        const std::vector<double> r = run(lib, false, std::uint64_t(s));
        const std::vector<double> a = run(lib, true, std::uint64_t(s));
        for (int k = 0; k < points; ++k) {
            meanRandom[std::size_t(k)] += r[std::size_t(k)] / seeds;
            meanActive[std::size_t(k)] += a[std::size_t(k)] / seeds;
            sqRandom[std::size_t(k)] += r[std::size_t(k)] * r[std::size_t(k)] / seeds;
            sqActive[std::size_t(k)] += a[std::size_t(k)] * a[std::size_t(k)] / seeds;
        }
        std::fprintf(stderr, "\rseed %d/%d", s, seeds);
    }
    std::fprintf(stderr, "\n");
    auto sd = [](double mean, double sq) { return std::sqrt(std::max(0.0, sq - mean * mean)); };
    std::printf("\n| answers | random order | active order | difference |\n|---|---|---|---|\n");
    for (int k = 0; k < points; ++k) {
        const int n = (k + 1) * kStep;
        if (n != 40 && n != 80 && n != 120)
            continue;
        std::printf("| %d | %.3f ± %.3f | %.3f ± %.3f | %+.3f |\n", n, meanRandom[std::size_t(k)],
                    sd(meanRandom[std::size_t(k)], sqRandom[std::size_t(k)]), meanActive[std::size_t(k)],
                    sd(meanActive[std::size_t(k)], sqActive[std::size_t(k)]),
                    meanActive[std::size_t(k)] - meanRandom[std::size_t(k)]);
    }
    const double target = meanRandom.back();
    int needed = -1;
    for (int k = 0; k < points && needed < 0; ++k)
        if (meanActive[std::size_t(k)] >= target)
            needed = (k + 1) * kStep;
    std::printf("\nfull curves (every %d answers):\n  random:", kStep);
    for (double v : meanRandom)
        std::printf(" %.3f", v);
    std::printf("\n  active:");
    for (double v : meanActive)
        std::printf(" %.3f", v);
    std::printf("\n\nthe random order's accuracy after %d answers (%.3f) is reached by the active order after ",
                kMaxAnswers, target);
    if (needed > 0)
        std::printf("%d answers\n", needed);
    else
        std::printf("more than %d answers\n", kMaxAnswers);
    std::printf("time: %.1f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}
