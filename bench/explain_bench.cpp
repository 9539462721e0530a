// Quality and speed of listenable explanations (core/explain, docs/explanations.md) on the demo
// study (core/study/demostudy.h: 72 synthesized tracks of 6 genres, 10 s clips):
//  1. --participants participants (default 3) each like one genre and answer their 60-clip plan;
//     their clips are embedded with the built-in encoder and a CLEP-PN model is trained for each
//     (bench/demoparticipants.h);
//  2. for --tracks of each participant's rated clips (default 8), one explanation per setting,
//     timed (CPU, one thread as Debian's LibTorch runs; the decomposition and the attribution,
//     the excerpt already decoded): 5 segments exact Shapley with the per-segment fast path (the
//     default), the same re-embedding every masked clip, 5 segments LIME 1024, 20 segments LIME
//     1024 (fast path), segments x H/P (10 components, exact Shapley, re-embedded; first track only);
//  3. deletion test: the explained direction's score (p for a liked excerpt, 1 - p for a disliked
//     one) is measured again with the top-k components removed (switched to silence, re-embedded)
//     and, for comparison, with k random components removed (all C(n, k) subsets, averaged); the
//     means over every explanation are printed;
//  4. stability: 20 segments LIME 1024 with seeds 1..5: how often the top-3 set is the same for
//     all 5 seeds, and the mean pairwise Jaccard overlap of the top-3 sets (exact Shapley is
//     deterministic: the same top 3 every time);
//  5. one explainTrack() end to end (model load, decode, resample, explanation).
// Usage: explain_bench [--data-dir DIR] [--participants N] [--tracks N]

#include "demoparticipants.h"
#include "embed/builtinencoder.h"
#include "explain/explainer.h"
#include "study/demostudy.h"
#include "study/embeddingstore.h"
#include "study/explanation.h"
#include "study/extraction.h"
#include "study/participantsession.h"
#include "study/study.h"
#include "study/training.h"
#include "audio/audiofile.h"
#include "audio/resampler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>

using namespace tastelab;

namespace {

struct Stats {
    std::vector<double> values;
    void add(double v) { values.push_back(v); }
    double mean() const { return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / values.size(); }
    double median() const
    {
        if (values.empty())
            return 0;
        auto v = values;
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
    }
    double max() const { return values.empty() ? 0 : *std::max_element(values.begin(), values.end()); }
};

/// Every k-subset of 0..n-1.
void subsets(int n, int k, int first, std::vector<int> &current, std::vector<std::vector<int>> &out)
{
    if (int(current.size()) == k) {
        out.push_back(current);
        return;
    }
    for (int i = first; i < n; ++i) {
        current.push_back(i);
        subsets(n, k, i + 1, current, out);
        current.pop_back();
    }
}

double jaccard(const std::vector<int> &a, const std::vector<int> &b)
{
    std::set<int> sa(a.begin(), a.end()), sb(b.begin(), b.end()), u = sa;
    u.insert(sb.begin(), sb.end());
    int inter = 0;
    for (int x : sa)
        inter += int(sb.count(x));
    return u.empty() ? 1.0 : double(inter) / double(u.size());
}

/// The k components with the largest weight in the direction (whatever their sign).
std::vector<int> topAny(const explain::Explanation &e, int k, explain::Direction d)
{
    std::vector<int> order(e.weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return e.weight(a, d) > e.weight(b, d); });
    order.resize(std::size_t(std::min<int>(k, int(order.size()))));
    return order;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{QStringLiteral("data-dir"), QStringLiteral("Where the demo library and study are kept."), QStringLiteral("dir")},
                  {QStringLiteral("participants"), QStringLiteral("Participants (default 3)."), QStringLiteral("n")},
                  {QStringLiteral("tracks"), QStringLiteral("Explained clips per participant (default 8)."), QStringLiteral("n")}});
    p.process(app);
    const QString dataDir = p.isSet(QStringLiteral("data-dir")) ? p.value(QStringLiteral("data-dir"))
                                                                : QDir::current().filePath(QStringLiteral("explain-bench-data"));
    const int participants = p.isSet(QStringLiteral("participants")) ? p.value(QStringLiteral("participants")).toInt() : 3;
    const int perParticipant = p.isSet(QStringLiteral("tracks")) ? p.value(QStringLiteral("tracks")).toInt() : 8;

    QString error;
    QElapsedTimer timer;
    timer.start();
    const QString studyPath = ensureDemoStudy(dataDir, &error);
    if (studyPath.isEmpty()) {
        std::fprintf(stderr, "explain_bench: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "demo study %s ready (%.1f s)\n", qPrintable(studyPath), timer.elapsed() / 1000.0);
    auto study = Study::open(studyPath, &error);
    if (!study) {
        std::fprintf(stderr, "explain_bench: %s\n", qPrintable(error));
        return 1;
    }
    // 1. Participants, answers, embeddings, models.
    std::vector<std::pair<QString, qint64>> models; // participant, model id
    if (!bench::demoParticipants(*study, participants, &models, &error)) {
        std::fprintf(stderr, "explain_bench: %s\n", qPrintable(error));
        return 1;
    }

    auto encoder = embed::makeBuiltinEncoder();
    std::map<std::string, Stats> seconds;
    std::map<std::pair<std::string, int>, std::pair<Stats, Stats>> deletions; // (setting, k) -> top, random
    Stats fidelityShapley, fidelityShapleyAll, fidelitySilence, fidelityCombined, fidelityLime5, fidelityLime20, fastVsSlow;
    int stableAll = 0, stabilityCases = 0;
    Stats stabilityJaccard;
    for (const auto &[code, modelId] : models) {
        auto model = loadModel(*study, modelId, &error);
        const auto participant = study->participant(code);
        QVector<Answer> answers = study->answers(participant->id);
        // Every n-th answered clip, liked and disliked alike.
        const int step = std::max(1, int(answers.size()) / std::max(1, perParticipant));
        const train::Model &m = *model;
        explain::Predictor predictor = [&m](const std::vector<std::vector<float>> &e) { return m.predict(e); };
        explain::Explainer explainer(*encoder, predictor);
        for (int a = 0, done = 0; a < answers.size() && done < perParticipant; a += step, ++done) {
            const Answer &answer = answers[a];
            const auto track = study->track(answer.trackId);
            const audio::AudioBuffer clip = audio::convert(
                audio::decodeAudio(QFile::encodeName(study->resolveTrackPath(*track)).toStdString(), answer.clipStart,
                                   answer.clipLength),
                22050, 1);
            // Scores of masked clips, re-embedded: the deletion test's ground truth.
            const auto scoreOf = [&](const explain::Decomposition &d, const std::vector<explain::Mask> &masks) {
                std::vector<audio::AudioBuffer> clips = d.render(masks);
                return m.predict(encoder->embed(clips));
            };
            explain::ExplainOptions o;
            const explain::Explanation fast = explainer.explain(clip, o);
            seconds["5 segments, exact Shapley, per-segment fast path"].add(fast.seconds);
            fidelityShapley.add(fast.fidelity);
            fidelityShapleyAll.add(fast.fidelityAllCoalitions);
            const explain::Direction dir =
                fast.likeProbability >= 0.5 ? explain::Direction::Liked : explain::Direction::Disliked;
            const auto directed = [dir](float p) { return dir == explain::Direction::Liked ? double(p) : 1.0 - p; };
            // Removes the top-k components and, for comparison, every k-subset (re-embedded).
            const auto deletion = [&](const explain::Explanation &e, const std::string &name, int maxK) {
                const explain::Decomposition &d = explainer.decomposition();
                const int n = d.size();
                for (int k = 1; k <= maxK; ++k) {
                    const std::vector<int> top = topAny(e, k, dir);
                    std::vector<std::vector<int>> all;
                    std::vector<int> cur;
                    subsets(n, k, 0, cur, all);
                    std::vector<explain::Mask> masks{explain::Mask(std::size_t(n), true)};
                    explain::Mask topMask(std::size_t(n), true);
                    for (int c : top)
                        topMask[std::size_t(c)] = false;
                    masks.push_back(topMask);
                    for (const auto &sub : all) {
                        explain::Mask mk(std::size_t(n), true);
                        for (int c : sub)
                            mk[std::size_t(c)] = false;
                        masks.push_back(mk);
                    }
                    const std::vector<float> sc = scoreOf(d, masks);
                    const double full = directed(sc[0]);
                    deletions[{name, k}].first.add(full - directed(sc[1]));
                    double random = 0;
                    for (std::size_t i = 2; i < sc.size(); ++i)
                        random += full - directed(sc[i]);
                    deletions[{name, k}].second.add(random / double(sc.size() - 2));
                }
            };
            deletion(fast, "5 segments cut out (default), Shapley", 2);
            o.components.baseline = explain::Baseline::Silence;
            const explain::Explanation silent = explainer.explain(clip, o);
            seconds["5 segments silenced, exact Shapley, per-segment fast path"].add(silent.seconds);
            fidelitySilence.add(silent.fidelity);
            deletion(silent, "5 segments silenced, Shapley", 2);
            o.components.baseline = explain::Baseline::Remove;
            o.fastPath = false;
            const explain::Explanation slow = explainer.explain(clip, o);
            seconds["5 segments, exact Shapley, every masked clip re-embedded"].add(slow.seconds);
            for (std::size_t i = 0; i < slow.weights.size(); ++i)
                fastVsSlow.add(std::abs(slow.weights[i] - fast.weights[i]));
            o.fastPath = true;
            o.method = explain::Method::Lime;
            const explain::Explanation lime5 = explainer.explain(clip, o);
            seconds["5 segments, LIME 1024, fast path"].add(lime5.seconds);
            fidelityLime5.add(lime5.fidelity);
            o.components.segments = 20;
            std::vector<std::vector<int>> tops;
            for (std::uint64_t seed = 1; seed <= 5; ++seed) {
                o.lime.seed = seed;
                const explain::Explanation lime20 = explainer.explain(clip, o);
                if (seed == 1) {
                    seconds["20 segments, LIME 1024, fast path"].add(lime20.seconds);
                    fidelityLime20.add(lime20.fidelity);
                }
                tops.push_back(topAny(lime20, 3, dir));
                std::sort(tops.back().begin(), tops.back().end());
            }
            ++stabilityCases;
            bool same = true;
            for (std::size_t i = 1; i < tops.size(); ++i)
                same = same && tops[i] == tops[0];
            stableAll += same;
            for (std::size_t i = 0; i < tops.size(); ++i)
                for (std::size_t j = i + 1; j < tops.size(); ++j)
                    stabilityJaccard.add(jaccard(tops[i], tops[j]));
            if (done == 0) {
                // Segments x H/P: 10 components, 1024 coalitions re-embedded (first clip of each
                // participant only: ~40 s each).
                explain::ExplainOptions c;
                c.components.mode = explain::ComponentMode::Combined;
                const explain::Explanation comb = explainer.explain(clip, c);
                seconds["segments x H/P (10), exact Shapley, re-embedded"].add(comb.seconds);
                fidelityCombined.add(comb.fidelity);
                deletion(comb, "segments x H/P, Shapley", 3);
            }
            std::fprintf(stderr, "\r%s: %d explained   ", qPrintable(code), done + 1);
        }
        std::fprintf(stderr, "\n");
    }

    // 5. End to end, once.
    ExplanationRequest request;
    request.studyPath = studyPath;
    request.modelId = models.front().second;
    request.trackId = study->tracks().front().id;
    timer.restart();
    const ExplanationReport report = explainTrack(*study, request);
    const double endToEnd = timer.elapsed() / 1000.0;

    std::printf("\nexplain_bench: %d participants, %d explanations per setting, built-in encoder on the CPU\n\n",
                int(models.size()), stabilityCases);
    std::printf("| setting | median s | max s |\n|---|---|---|\n");
    for (const auto &[name, s] : seconds)
        std::printf("| %s | %.3f | %.3f |\n", name.c_str(), s.median(), s.max());
    std::printf("| explainTrack end to end (model load, decode, 5 segments Shapley) | %.3f | |\n", endToEnd);
    if (!report.error.isEmpty())
        std::printf("end to end failed: %s\n", qPrintable(report.error));
    std::printf("\nfast path vs re-embedding, |Shapley difference| per component: mean %.4f, max %.4f\n",
                fastVsSlow.mean(), fastVsSlow.max());
    std::printf("fidelity R^2 (median): 5 segments cut out, Shapley %.3f (Shapley kernel) / %.3f (all coalitions); "
                "5 segments silenced, Shapley %.3f; segments x H/P, Shapley %.3f; LIME 5 segments %.3f; LIME 20 segments %.3f\n",
                fidelityShapley.median(), fidelityShapleyAll.median(), fidelitySilence.median(), fidelityCombined.median(),
                fidelityLime5.median(), fidelityLime20.median());
    std::printf("\ndeletion test: drop of the explained direction's score (p for a liked excerpt, 1 - p for a disliked one) "
                "when components are switched off and the audio re-embedded, mean over the explanations:\n");
    std::printf("| components | explanations | k removed | top-k | random k (all subsets) |\n|---|---|---|---|---|\n");
    for (const auto &[key, v] : deletions)
        std::printf("| %s | %d | %d | %.4f | %.4f |\n", key.first.c_str(), int(v.first.values.size()), key.second,
                    v.first.mean(), v.second.mean());
    std::printf("\nstability, 20 segments LIME 1024, seeds 1-5: same top-3 set for all 5 seeds in %d of %d "
                "explanations; mean pairwise Jaccard of the top-3 sets %.3f (exact Shapley: deterministic)\n",
                stableAll, stabilityCases, stabilityJaccard.mean());
    return 0;
}
