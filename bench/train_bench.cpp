// Measures CLEP training speed and prints figures (docs/clep.md, "Speed"):
//  1. one participant (200 clips x 512-d features, a known preference rule plus noise): train +
//     evaluate per variant and baseline on ONE intra-op thread, median of --repeats runs;
//  2. with --python, the same data and split through bench/clep_reference.py (a straightforward
//     PyTorch implementation of the same method, /usr/bin/python3, one thread) and the ratio;
//  3. a whole study: --participants x 3 variants x --repeats trainings as 2 parallel jobs
//     (std::thread, one intra-op thread each), against the 2-minute budget, then a sample of jobs
//     re-run serially must give bitwise identical models.
// Usage: train_bench [--python] [--repeats N] [--participants N] [--clips N] [--dim N] [--jobs N]
//                    [--no-study] [--torch-gemm]

#include "survey/rng.h"
#include "train/clep.h"
#include "train/clepcheck.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace tastelab;
using namespace tastelab::train;

namespace {

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

/// One synthetic participant whose taste is a known function of the features (the rule of
/// tests/core/tst_clep.cpp): 5 genre clusters (clips dealt round-robin, as the thesis's 40 per
/// genre; centres 1.5 N(0, 1) per feature), each split into a "slow" and a "fast" half that shifts
/// features 0-3 by -2 or +2, liked by a per-participant table of (genre, half); unit Gaussian noise
/// on every feature, and 5 % of the answers flipped.
Dataset syntheticParticipant(int clips, int dim, std::uint64_t seed)
{
    Rng rng(seed);
    constexpr int kGenres = 5;
    constexpr int kTempoFeatures = 4;
    std::vector<std::vector<double>> centre(kGenres, std::vector<double>(static_cast<std::size_t>(dim)));
    for (auto &c : centre)
        for (double &v : c)
            v = 1.5 * normal(rng);
    int taste[kGenres][2];
    for (auto &genre : taste)
        for (int &t : genre)
            t = int(rng.below(2));
    Dataset data;
    for (int i = 0; i < clips; ++i) {
        const int g = i % kGenres;
        const int fast = int(rng.below(2));
        std::vector<float> x(static_cast<std::size_t>(dim));
        for (int k = 0; k < dim; ++k) {
            const double tempo = k < kTempoFeatures ? (fast ? 2.0 : -2.0) : 0.0;
            x[std::size_t(k)] = float(centre[std::size_t(g)][std::size_t(k)] + tempo + normal(rng));
        }
        data.features.push_back(std::move(x));
        data.labels.push_back(rng.uniform() < 0.05 ? 1 - taste[g][fast] : taste[g][fast]);
    }
    return data;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]));
}

double millisSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

constexpr Variant kVariants[] = {Variant::PN, Variant::P, Variant::N};

/// Writes the dataset and split for clep_reference.py: int32 n, dim; float32 features[n*dim];
/// int32 labels[n]; then train, validation, test as int32 count + int32 indices (little-endian).
void writeForPython(const std::string &path, const Dataset &data, const Split &split)
{
    std::ofstream out(path, std::ios::binary);
    const auto i32 = [&](std::int32_t v) { out.write(reinterpret_cast<const char *>(&v), 4); };
    i32(std::int32_t(data.features.size()));
    i32(std::int32_t(data.features.front().size()));
    for (const auto &row : data.features)
        out.write(reinterpret_cast<const char *>(row.data()), std::streamsize(row.size() * sizeof(float)));
    for (int l : data.labels)
        i32(l);
    for (const auto *part : {&split.train, &split.validation, &split.test}) {
        i32(std::int32_t(part->size()));
        for (int i : *part)
            i32(i);
    }
}

struct Options {
    bool python = false, study = true, torchGemm = false;
    int repeats = 5, participants = 24, clips = 200, dim = 512, jobs = 2;
};

} // namespace

int main(int argc, char *argv[])
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return std::atoi(argv[++i]);
        };
        if (a == "--python")
            o.python = true;
        else if (a == "--no-study")
            o.study = false;
        else if (a == "--torch-gemm")
            o.torchGemm = true;
        else if (a == "--repeats")
            o.repeats = std::max(1, value());
        else if (a == "--participants")
            o.participants = std::max(1, value());
        else if (a == "--clips")
            o.clips = std::max(8, value());
        else if (a == "--dim")
            o.dim = std::max(1, value());
        else if (a == "--jobs")
            o.jobs = std::max(1, value());
        else {
            std::fprintf(stderr,
                         "usage: train_bench [--python] [--repeats N] [--participants N] [--clips N] [--dim N] "
                         "[--jobs N] [--no-study] [--torch-gemm]\n");
            return 2;
        }
    }
    at::set_num_threads(1);
    detail::setLibTorchGemm(o.torchGemm);
    std::printf("matrix products: %s; intra-op threads: %d\n",
                detail::usesOneDnnGemm() ? "oneDNN sgemm" : "LibTorch at::mm", at::get_num_threads());

    // 1. One participant, one thread.
    const Dataset data = syntheticParticipant(o.clips, o.dim, 7);
    const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 7);
    const ClepSettings settings; // the method's defaults: depth 4 (CLMR), 20 + 30 epochs
    std::printf("\n1. one participant: %d clips x %d features (train %zu, validation %zu, test %zu), "
                "median of %d runs after one warm-up\n",
                o.clips, o.dim, split.train.size(), split.validation.size(), split.test.size(), o.repeats);
    std::printf("%-10s %12s %10s %9s %7s %7s\n", "model", "median ms", "min ms", "accuracy", "AUROC", "FPR");
    std::map<std::string, double> cppMs;
    const auto timeModel = [&](const std::string &name, const std::function<Model()> &train) {
        train(); // warm-up (oneDNN's kernels are generated on first use)
        std::vector<double> ms;
        Evaluation ev;
        for (int r = 0; r < o.repeats; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const Model m = train();
            ev = evaluate(m, data, split);
            ms.push_back(millisSince(t0));
        }
        cppMs[name] = median(ms);
        std::printf("%-10s %12.1f %10.1f %9.3f %7.3f %7.3f\n", name.c_str(), median(ms),
                    *std::min_element(ms.begin(), ms.end()), ev.metrics.accuracy, ev.metrics.auroc, ev.metrics.fpr);
    };
    for (Variant v : kVariants)
        timeModel(variantId(v), [&] { return Model::trainClep(data, split, v, settings); });
    timeModel("logreg", [&] { return Model::trainBaseline(Model::Kind::LogisticRegression, data, split, settings); });
    timeModel("knn", [&] { return Model::trainBaseline(Model::Kind::KNearest, data, split, settings); });
    timeModel("mlp", [&] { return Model::trainBaseline(Model::Kind::MlpOnly, data, split, settings); });
    double worst = 0;
    for (Variant v : kVariants)
        worst = std::max(worst, cppMs[variantId(v)]);
    std::printf("slowest CLEP variant: %.1f ms (target < 500 ms): %s\n", worst, worst < 500 ? "PASS" : "FAIL");

    // 2. The Python reference on the same data and split.
    if (o.python) {
        const std::string file = (std::filesystem::temp_directory_path() / "tastelab_train_bench.bin").string();
        writeForPython(file, data, split);
        const std::string cmd = std::string("/usr/bin/python3 '") + TASTELAB_SOURCE_DIR + "/bench/clep_reference.py' '"
            + file + "' --repeats " + std::to_string(o.repeats);
        std::printf("\n2. Python reference (%s)\n", cmd.c_str());
        std::fflush(stdout);
        FILE *pipe = popen(cmd.c_str(), "r");
        if (!pipe) {
            std::perror("popen");
            return 1;
        }
        std::map<std::string, double> pyMs;
        char line[512];
        while (std::fgets(line, sizeof line, pipe)) {
            std::fputs(line, stdout);
            char name[64];
            double ms = 0;
            if (std::sscanf(line, "RESULT %63s %lf", name, &ms) == 2)
                pyMs[name] = ms;
        }
        const int rc = pclose(pipe);
        std::remove(file.c_str());
        if (rc != 0 || pyMs.empty()) {
            std::printf("the Python reference failed (exit %d)\n", rc);
            return 1;
        }
        std::printf("%-10s %12s %12s %8s\n", "variant", "C++ ms", "Python ms", "ratio");
        bool fast = true;
        for (Variant v : kVariants) {
            const std::string id = variantId(v);
            const double ratio = pyMs[id] / cppMs[id];
            fast = fast && ratio >= 2.0;
            std::printf("%-10s %12.1f %12.1f %7.1fx\n", id.c_str(), cppMs[id], pyMs[id], ratio);
        }
        std::printf("C++ at least 2x faster for every variant: %s\n", fast ? "PASS" : "FAIL");
    }

    // 3. A whole study in parallel jobs.
    if (o.study) {
        struct Job {
            int participant, repeat;
            Variant variant;
            Evaluation result;
            std::size_t modelHash = 0;
        };
        std::vector<Dataset> participants;
        for (int p = 0; p < o.participants; ++p)
            participants.push_back(syntheticParticipant(o.clips, o.dim, 1000 + std::uint64_t(p)));
        std::vector<Job> jobs;
        for (int p = 0; p < o.participants; ++p)
            for (Variant v : kVariants)
                for (int r = 0; r < o.repeats; ++r)
                    jobs.push_back({p, r, v, {}, 0});
        const auto run = [&](Job &job) {
            const Dataset &d = participants[std::size_t(job.participant)];
            const Split s = stratifiedSplit(d.labels, 0.25, 0.2, std::uint64_t(job.participant * 100 + job.repeat));
            ClepSettings st;
            st.seed = std::uint64_t(job.repeat + 1);
            const Model m = Model::trainClep(d, s, job.variant, st);
            job.result = evaluate(m, d, s);
            job.modelHash = std::hash<std::string>{}(m.serialize());
        };
        std::printf("\n3. study: %d participants x 3 variants x %d repeats = %zu trainings, %d parallel jobs with "
                    "one intra-op thread each\n",
                    o.participants, o.repeats, jobs.size(), o.jobs);
        std::fflush(stdout);
        std::atomic<std::size_t> next{0};
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> workers;
        for (int w = 0; w < o.jobs; ++w)
            workers.emplace_back([&] {
                // The library pins each training to its thread anyway (docs/clep.md, "Determinism");
                // this also covers a build without OpenMP found.
                at::set_num_threads(1);
                for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();)
                    run(jobs[i]);
            });
        for (auto &t : workers)
            t.join();
        const double seconds = millisSince(t0) / 1000.0;
        std::printf("study time: %.1f s (%.1f ms per training per job slot); under 2 minutes: %s\n", seconds,
                    seconds * 1000.0 * o.jobs / double(jobs.size()), seconds < 120 ? "PASS" : "FAIL");
        std::printf("%-10s %9s %9s %9s %9s %9s (medians over participants x repeats)\n", "variant", "accuracy",
                    "precision", "recall", "AUROC", "FPR");
        for (Variant v : kVariants) {
            std::vector<double> acc, prec, rec, auc, fpr;
            for (const Job &j : jobs)
                if (j.variant == v) {
                    acc.push_back(j.result.metrics.accuracy);
                    prec.push_back(j.result.metrics.precision);
                    rec.push_back(j.result.metrics.recall);
                    auc.push_back(j.result.metrics.auroc);
                    fpr.push_back(j.result.metrics.fpr);
                }
            std::printf("%-10s %9.3f %9.3f %9.3f %9.3f %9.3f\n", variantId(v).c_str(), median(acc), median(prec),
                        median(rec), median(auc), median(fpr));
        }
        // Determinism: every 24th job again, serially on this thread, must give the same model.
        int checked = 0, same = 0;
        for (std::size_t i = 0; i < jobs.size(); i += 24) {
            Job again = jobs[i];
            run(again);
            ++checked;
            same += again.modelHash == jobs[i].modelHash && again.result.metrics.accuracy == jobs[i].result.metrics.accuracy
                && again.result.metrics.auroc == jobs[i].result.metrics.auroc;
        }
        std::printf("determinism: %d of %d re-run jobs gave bitwise identical models: %s\n", same, checked,
                    same == checked ? "PASS" : "FAIL");
    }
    return 0;
}
