// What the active rating order buys (issue "Individual listeners"): on a generated library with a
// known preference rule, the accuracy a listener's CLEP-PN model reaches after 40, 80 and 120
// answers when the clips come in random order versus the active order (warm-up of 20 random clips,
// then the clip the judge is least sure about, kept apart from the answered ones, with a 30 %
// share of random ones; the judge retrained every 10 answers), over seeds: mean ± sd, the paired
// per-seed differences, and how many answers the active order needs to reach the random order's
// accuracy at 120. Both orders use the same library, the same seed and the same final learner
// (CLEP-PN, default ClepSettings; --validation: its validation schedule on a stratified fifth of
// all answers (all, the default), on a fifth drawn from the randomly ordered answers only
// (random), or no validation part (none: the schedule follows the training loss)). Figures:
// docs/benchmarks.md. ACTIVE_BENCH_SEEDS=1 prints every seed's curves, ACTIVE_BENCH_LOG=1 the
// training log of every CLEP model that ends below 0.6 accuracy.
//
//   active_bench [--seeds 10] [--first-seed 1] [--pool 1000] [--test 400] [--noise 0.05] [--rule direction|taste]
//                [--validation all|random|none] [--share 0.3] [--committee 10] [--l2 1]
//                [--diversity 1] [--every 10]
//   active_bench --timing 3000x512

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
constexpr int kClusters = 8; // bench/tsnedata.h: point i lies in cluster i % 8
constexpr int kMaxAnswers = 120;
constexpr int kStep = 10;

using Clock = std::chrono::steady_clock;
double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

struct Library {
    std::vector<std::vector<float>> pool, test;
    std::vector<int> poolLabel, testLabel; ///< what the listener answers (the rule, with noise)
};

/// 8 Gaussian clusters in 32-d (bench/tsnedata.h). Rule "direction": the listener likes a track
/// when a fixed random direction of the feature space scores it above the median, so the boundary
/// cuts through every cluster. Rule "taste": the listener likes two clusters (genres) entirely,
/// dislikes three entirely, and in the other three likes what a random direction scores above that
/// cluster's median. A share `noise` of the answers is flipped (a listener is not perfectly
/// consistent); the held-out truth is the rule itself.
Library makeLibrary(int pool, int test, double noise, bool taste, std::uint64_t seed)
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
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    // Per cluster: 1 liked, 0 disliked, 2 split by the direction at the cluster's median.
    std::vector<int> clusterRule(kClusters, 2);
    std::vector<double> threshold(kClusters, median(score));
    if (taste) {
        std::vector<int> order(kClusters);
        for (int c = 0; c < kClusters; ++c)
            order[std::size_t(c)] = c;
        rng.shuffle(order);
        for (int k = 0; k < kClusters; ++k)
            clusterRule[std::size_t(order[std::size_t(k)])] = k < 2 ? 1 : k < 5 ? 0 : 2;
        for (int c = 0; c < kClusters; ++c) {
            std::vector<double> own;
            for (std::size_t i = std::size_t(c); i < x.size(); i += kClusters)
                own.push_back(score[i]);
            threshold[std::size_t(c)] = median(own);
        }
    }
    Library lib;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::size_t c = i % kClusters;
        int label = clusterRule[c] == 2 ? (score[i] > threshold[c] ? 1 : 0) : clusterRule[c];
        const bool isTest = int(i) >= pool;
        if (!isTest && rng.uniform() < noise)
            label = 1 - label;
        (isTest ? lib.test : lib.pool).push_back(x[i]);
        (isTest ? lib.testLabel : lib.poolLabel).push_back(label);
    }
    return lib;
}

/// CLEP-PN trained on the answered clips (a fifth of them for the schedule's validation).
enum class ValidationFrom { All, Random, None };
ValidationFrom g_validation = ValidationFrom::All;

bool trainOn(const Library &lib, const std::vector<int> &answered, const std::vector<bool> &wasRandom,
             std::uint64_t seed, Model *out)
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
    Split split = stratifiedSplit(data.labels, 0.0, 0.2, seed);
    if (g_validation == ValidationFrom::None) {
        split.train.insert(split.train.end(), split.validation.begin(), split.validation.end());
        split.validation.clear();
    } else if (g_validation == ValidationFrom::Random) {
        // The same number of validation answers per class, but drawn from the randomly ordered ones.
        std::vector<int> randomIdx;
        std::vector<int> randomLabels;
        for (std::size_t i = 0; i < answered.size(); ++i)
            if (wasRandom[i]) {
                randomIdx.push_back(int(i));
                randomLabels.push_back(data.labels[i]);
            }
        const Split inner = stratifiedSplit(randomLabels, 0.0, 0.2 * double(answered.size()) / double(randomIdx.size()), seed);
        std::vector<bool> isVal(answered.size(), false);
        split = {};
        for (int k : inner.validation)
            isVal[std::size_t(randomIdx[std::size_t(k)])] = true;
        for (std::size_t i = 0; i < answered.size(); ++i)
            (isVal[i] ? split.validation : split.train).push_back(int(i));
    }
    *out = Model::trainClep(data, split, Variant::PN, s);
    return true;
}

double accuracy(const std::vector<float> &p, const Library &lib)
{
    int right = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        right += (p[i] >= 0.5f) == (lib.testLabel[i] == 1);
    return double(right) / double(p.size());
}

struct Curves {
    std::vector<double> clep;      ///< CLEP-PN's test accuracy after every kStep answers
    std::vector<double> judge;     ///< the judge's own test accuracy (committee mean probability)
    std::vector<double> certainty; ///< ActiveOrder::certainty() after every kStep answers
    double judgeSeconds = 0, chooseSeconds = 0; ///< the slowest retrain and next()
};

Curves run(const Library &lib, const ActiveOrderSettings &settings)
{
    ActiveOrder order(lib.pool, settings);
    std::vector<int> answered;
    std::vector<bool> wasRandom;
    Curves out;
    Model model;
    while (int(answered.size()) < kMaxAnswers) {
        auto t = Clock::now();
        const int c = order.next();
        out.chooseSeconds = std::max(out.chooseSeconds, seconds(t));
        order.answer(c, lib.poolLabel[std::size_t(c)] == 1);
        answered.push_back(c);
        wasRandom.push_back(order.lastWasRandom());
        if (order.retrainDue()) {
            t = Clock::now();
            order.retrain();
            out.judgeSeconds = std::max(out.judgeSeconds, seconds(t));
        }
        if (int(answered.size()) % kStep == 0) {
            const bool trained = trainOn(lib, answered, wasRandom, settings.seed, &model);
            out.clep.push_back(trained ? accuracy(model.predict(lib.test), lib) : 0.5);
            if (trained && out.clep.back() < 0.6 && answered.size() >= 50 && std::getenv("ACTIVE_BENCH_LOG")) {
                const auto p = model.predict(lib.test);
                std::printf("collapse at %zu answers, p in [%.3f, %.3f]\n", answered.size(),
                            *std::min_element(p.begin(), p.end()), *std::max_element(p.begin(), p.end()));
                for (const EpochLog &e : model.log())
                    std::printf("  %s %d train %.4f val %.4f lr %g\n", e.stage.c_str(), e.epoch, e.trainLoss,
                                e.validationLoss, e.learningRate);
            }
            std::vector<float> p(lib.test.size(), 0.5f);
            for (std::size_t i = 0; i < p.size(); ++i)
                p[i] = order.judge().probability(lib.test[i].data());
            out.judge.push_back(accuracy(p, lib));
            out.certainty.push_back(order.certainty());
        }
    }
    return out;
}

const char *option(int argc, char **argv, const char *name)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return nullptr;
}
int intOption(int argc, char **argv, const char *name, int fallback)
{
    const char *v = option(argc, argv, name);
    return v ? std::atoi(v) : fallback;
}
double doubleOption(int argc, char **argv, const char *name, double fallback)
{
    const char *v = option(argc, argv, name);
    return v ? std::atof(v) : fallback;
}

struct Stat {
    double mean = 0, sd = 0;
};
Stat stat(const std::vector<double> &v)
{
    Stat s;
    for (double x : v)
        s.mean += x / double(v.size());
    for (double x : v)
        s.sd += (x - s.mean) * (x - s.mean);
    s.sd = v.size() > 1 ? std::sqrt(s.sd / double(v.size() - 1)) : 0.0; // sample sd
    return s;
}

/// The cost for the GUI: `pool` candidates of `dim` random values, 300 answers; the slowest
/// next(), trainJudge() (the background part) and setJudge() (back on the UI thread).
void timing(int pool, int dim)
{
    tastelab::Rng rng(5);
    std::vector<std::vector<float>> e(static_cast<std::size_t>(pool), std::vector<float>(static_cast<std::size_t>(dim)));
    for (auto &row : e)
        for (float &v : row)
            v = float(rng.uniform() - 0.5);
    ActiveOrder order(e, {});
    double next = 0, train = 0, set = 0;
    for (int i = 0; i < 300; ++i) {
        auto t = Clock::now();
        const int c = order.next();
        next = std::max(next, seconds(t));
        order.answer(c, e[std::size_t(c)][0] + e[std::size_t(c)][1] > 0);
        if (order.retrainDue()) {
            const JudgeInput input = order.judgeInput();
            t = Clock::now();
            ActiveJudge judge = trainJudge(input);
            train = std::max(train, seconds(t));
            t = Clock::now();
            order.setJudge(std::move(judge));
            set = std::max(set, seconds(t));
        }
    }
    std::printf("%d candidates, %d-d, 300 answers, one thread: slowest next() %.1f ms, trainJudge() %.0f ms "
                "(at 300 answers), setJudge() %.1f ms\n",
                pool, dim, next * 1e3, train * 1e3, set * 1e3);
}

} // namespace

int main(int argc, char **argv)
{
    if (option(argc, argv, "--timing")) { // --timing 3000x512
        int pool = 3000, dim = 512;
        std::sscanf(option(argc, argv, "--timing"), "%dx%d", &pool, &dim);
        timing(pool, dim);
        return 0;
    }
    const int seeds = intOption(argc, argv, "--seeds", 10);
    const int firstSeed = intOption(argc, argv, "--first-seed", 1); // tune on other seeds than reported
    const int pool = intOption(argc, argv, "--pool", 1000);
    const int test = intOption(argc, argv, "--test", 400);
    const double noise = doubleOption(argc, argv, "--noise", 0.05);
    const char *ruleName = option(argc, argv, "--rule");
    const bool taste = ruleName && std::strcmp(ruleName, "taste") == 0;
    if (const char *v = option(argc, argv, "--validation"))
        g_validation = std::strcmp(v, "random") == 0 ? ValidationFrom::Random
                       : std::strcmp(v, "none") == 0 ? ValidationFrom::None
                                                     : ValidationFrom::All;
    ActiveOrderSettings active;
    active.randomShare = doubleOption(argc, argv, "--share", active.randomShare);
    active.committee = intOption(argc, argv, "--committee", active.committee);
    active.l2 = doubleOption(argc, argv, "--l2", active.l2);
    active.diversity = doubleOption(argc, argv, "--diversity", active.diversity);
    active.retrainEvery = intOption(argc, argv, "--every", active.retrainEvery);
    std::printf("active_bench: %d seeds from %d, pool %d, test %d, %d-d, rule %s, answer noise %.2f; active order: "
                "warm-up %d, random share %.2f, retrain every %d, committee %d, l2 %g, diversity %g; "
                "final learner CLEP-PN (default settings, validation part from %s)\n",
                seeds, firstSeed, pool, test, kDim, taste ? "taste" : "direction", noise, active.warmup, active.randomShare,
                active.retrainEvery, active.committee, active.l2, active.diversity,
                g_validation == ValidationFrom::All      ? "a fifth of all answers"
                : g_validation == ValidationFrom::Random ? "a fifth of the answers, drawn from the random ones"
                                                         : "none");
    const auto t0 = Clock::now();
    const int points = kMaxAnswers / kStep;
    // [point][seed]
    const std::vector<std::vector<double>> empty(static_cast<std::size_t>(points));
    std::vector<std::vector<double>> rClep = empty, aClep = empty, rJudge = empty, aJudge = empty, rSure = empty,
                                     aSure = empty;
    double judgeSeconds = 0, chooseSeconds = 0;
    for (int s = firstSeed; s < firstSeed + seeds; ++s) {
        const Library lib = makeLibrary(pool, test, noise, taste, std::uint64_t(s) * 7919u);
        ActiveOrderSettings random = active;
        random.seed = std::uint64_t(s);
        random.randomShare = 1.0; // every pick random: the random order (same warm-up draws)
        ActiveOrderSettings chosen = active;
        chosen.seed = std::uint64_t(s);
        const Curves r = run(lib, random);
        const Curves a = run(lib, chosen);
        judgeSeconds = std::max(judgeSeconds, a.judgeSeconds);
        chooseSeconds = std::max(chooseSeconds, a.chooseSeconds);
        for (std::size_t k = 0; k < std::size_t(points); ++k) {
            rClep[k].push_back(r.clep[k]);
            aClep[k].push_back(a.clep[k]);
            rJudge[k].push_back(r.judge[k]);
            aJudge[k].push_back(a.judge[k]);
            rSure[k].push_back(r.certainty[k]);
            aSure[k].push_back(a.certainty[k]);
        }
        if (std::getenv("ACTIVE_BENCH_SEEDS")) {
            std::printf("seed %2d random:", s);
            for (double v : r.clep)
                std::printf(" %.3f", v);
            std::printf("\n        active:");
            for (double v : a.clep)
                std::printf(" %.3f", v);
            std::printf("\n");
        }
        std::fprintf(stderr, "\rseed %d/%d", s - firstSeed + 1, seeds);
    }
    std::fprintf(stderr, "\n");

    std::printf("\nCLEP-PN accuracy on the held-out tracks (mean ± sd over %d seeds); paired difference "
                "active - random (mean ± sd, seeds where active >= random)\n",
                seeds);
    std::printf("\n| answers | random order | active order | paired difference | active ≥ random |\n"
                "|---|---|---|---|---|\n");
    std::vector<double> meanRandom, meanActive;
    for (int k = 0; k < points; ++k) {
        const std::size_t i = std::size_t(k);
        std::vector<double> diff;
        int ahead = 0;
        for (int s = 0; s < seeds; ++s) {
            diff.push_back(aClep[i][std::size_t(s)] - rClep[i][std::size_t(s)]);
            ahead += diff.back() >= 0;
        }
        const Stat r = stat(rClep[i]), a = stat(aClep[i]), d = stat(diff);
        meanRandom.push_back(r.mean);
        meanActive.push_back(a.mean);
        std::printf("| %d | %.3f ± %.3f | %.3f ± %.3f | %+.3f ± %.3f | %d/%d |\n", (k + 1) * kStep, r.mean, r.sd,
                    a.mean, a.sd, d.mean, d.sd, ahead, seeds);
    }
    // A CLEP model that ends below 0.6 accuracy after 50 answers or more has collapsed to (nearly)
    // one class: count them.
    int collapsedRandom = 0, collapsedActive = 0, models = 0;
    for (int k = 4; k < points; ++k)
        for (int s = 0; s < seeds; ++s) {
            ++models;
            collapsedRandom += rClep[std::size_t(k)][std::size_t(s)] < 0.6;
            collapsedActive += aClep[std::size_t(k)][std::size_t(s)] < 0.6;
        }
    std::printf("\nCLEP-PN models below 0.6 accuracy after 50..120 answers: random order %d/%d, active order %d/%d\n",
                collapsedRandom, models, collapsedActive, models);
    const double target = meanRandom.back();
    int needed = -1;
    for (int k = 0; k < points && needed < 0; ++k)
        if (meanActive[std::size_t(k)] >= target)
            needed = (k + 1) * kStep;
    std::printf("\nthe random order's CLEP-PN accuracy after %d answers (%.3f) is first reached by the active "
                "order's mean curve after ",
                kMaxAnswers, target);
    if (needed > 0)
        std::printf("%d answers\n", needed);
    else
        std::printf("more than %d answers\n", kMaxAnswers);

    auto curve = [&](const char *name, const std::vector<std::vector<double>> &v) {
        std::printf("  %-16s", name);
        for (const auto &seedsAt : v)
            std::printf(" %.3f", stat(seedsAt).mean);
        std::printf("\n");
    };
    std::printf("\nmean curves every %d answers (%d .. %d):\n", kStep, kStep, kMaxAnswers);
    curve("clep random", rClep);
    curve("clep active", aClep);
    curve("judge random", rJudge);
    curve("judge active", aJudge);
    curve("certainty random", rSure);
    curve("certainty active", aSure);
    std::printf("\nslowest judge retrain %.1f ms, slowest next() %.2f ms (%d candidates, %d-d)\n",
                judgeSeconds * 1e3, chooseSeconds * 1e3, pool, kDim);
    std::printf("time: %.1f s\n", seconds(t0));
    return 0;
}
