// t-SNE speed and quality next to scikit-learn, in one run on the same data (docs/benchmarks.md,
// "t-SNE"). For every --n: our Barnes-Hut and, where Auto picks it, our exact method, then
// scikit-learn's Barnes-Hut on the same data through `/usr/bin/python3 bench/tsne_reference.py
// --bench` (a subprocess, same thread count; the data are generated on both sides by the same
// integer recipe and the checksums compared), each with its wall time and KL divergence.
// --exact-n adds the exact method on CPU (ours, and scikit-learn's with --python-exact).
// --device cuda runs the exact method on the GPU at --cuda-n points (the target there: 20,000
// points under 10 s).
//
// Usage: tsne_bench [--n 2000,10000] [--threads T] [--exact-n 2000] [--python-exact] [--no-python]
//                   [--trust] [--device cpu|cuda] [--cuda-n 20000] [--torch-exact]

#include "train/tsne.h"

#include "tsnedata.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace tastelab::train;

namespace {

constexpr std::uint64_t kBenchSeed = 7; // bench/tsne_reference.py's BENCH_SEED
constexpr int kDim = 32;

struct Options {
    std::vector<int> sizes{2000, 10000};
    int threads = 0;
    int exactN = 2000;
    bool python = true, pythonExact = false, trust = false, torchExact = false;
    std::string device = "cpu";
    int cudaN = 20000;
};

std::vector<int> parseList(const std::string &s)
{
    std::vector<int> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(std::stoi(item));
    return out;
}

/// Value of "key": number in a flat JSON line (the script's output); NaN when absent.
double jsonNumber(const std::string &line, const std::string &key)
{
    const std::string pat = "\"" + key + "\": ";
    const auto p = line.find(pat);
    if (p == std::string::npos)
        return std::nan("");
    return std::strtod(line.c_str() + p + pat.size(), nullptr);
}

struct PyRun {
    bool ok = false;
    double seconds = 0, cpuSeconds = 0, kl = 0, trust = std::nan("");
    int iterations = 0;
    std::uint64_t checksum = 0;
    std::string raw;
};

PyRun runPython(int n, int threads, const std::string &method, bool trust)
{
    PyRun r;
    const std::string cmd = std::string("/usr/bin/python3 '") + TASTELAB_SOURCE_DIR + "/bench/tsne_reference.py' --bench --n " +
                            std::to_string(n) + " --threads " + std::to_string(threads) + " --method " + method +
                            (trust ? " --trust" : "") + " 2>&1";
    FILE *pipe = popen(cmd.c_str(), "r");
    if (!pipe) {
        std::perror("popen");
        return r;
    }
    char buf[4096];
    std::string all;
    while (std::fgets(buf, sizeof buf, pipe))
        all += buf;
    const int status = pclose(pipe);
    r.raw = all;
    const auto p = all.rfind("{\"method\"");
    if (status != 0 || p == std::string::npos)
        return r;
    const std::string line = all.substr(p);
    r.ok = true;
    r.seconds = jsonNumber(line, "seconds");
    r.cpuSeconds = jsonNumber(line, "cpu_seconds");
    r.kl = jsonNumber(line, "kl");
    r.iterations = int(jsonNumber(line, "n_iter")) + 1; // n_iter_ is the last iteration's index
    r.trust = jsonNumber(line, "trustworthiness");
    const auto c = line.find("\"checksum\": ");
    if (c != std::string::npos)
        r.checksum = std::strtoull(line.c_str() + c + 12, nullptr, 10);
    return r;
}

std::string cpuModel()
{
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("model name", 0) == 0) {
            const auto p = line.find(':');
            return p == std::string::npos ? line : line.substr(p + 2);
        }
    return "unknown";
}

double memoryGiB()
{
    std::ifstream f("/proc/meminfo");
    std::string key;
    double kb = 0;
    f >> key >> kb;
    return kb / 1024.0 / 1024.0;
}

struct OurRun {
    TsneResult result;
    double cpuSeconds = 0;
    double trust = std::nan("");
};

OurRun runOurs(const std::vector<std::vector<float>> &x, TsneMethod method, const Options &o, const std::string &device,
               bool trust)
{
    TsneSettings s;
    s.method = method;
    s.threads = o.threads;
    s.device = device;
    s.seed = 0;
    OurRun r;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock(); // process CPU time, all threads
    r.result = tsne(x, s);
    r.cpuSeconds = double(std::clock() - c0) / CLOCKS_PER_SEC;
    r.result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (trust)
        r.trust = trustworthiness(x, r.result.points, 2, 5);
    return r;
}

void printRow(const std::string &who, const std::string &method, int n, int threads, double seconds, double cpu,
              double kl, int iterations, double trust)
{
    char t[32] = "-";
    if (!std::isnan(trust))
        std::snprintf(t, sizeof t, "%.4f", trust);
    std::printf("| %-12s | %-10s | %6d | %2d | %8.2f | %8.2f | %.4f | %4d | %-9s |\n", who.c_str(), method.c_str(), n,
                threads, seconds, cpu, kl, iterations, t);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--n")
            o.sizes = parseList(value());
        else if (a == "--threads")
            o.threads = std::stoi(value());
        else if (a == "--exact-n")
            o.exactN = std::stoi(value());
        else if (a == "--python-exact")
            o.pythonExact = true;
        else if (a == "--no-python")
            o.python = false;
        else if (a == "--trust")
            o.trust = true;
        else if (a == "--torch-exact")
            o.torchExact = true;
        else if (a == "--device")
            o.device = value();
        else if (a == "--cuda-n")
            o.cudaN = std::stoi(value());
        else {
            std::fprintf(stderr,
                         "usage: tsne_bench [--n 2000,10000] [--threads T] [--exact-n N (0: none)] [--python-exact] "
                         "[--no-python] [--trust] [--device cpu|cuda] [--cuda-n N] [--torch-exact]\n");
            return 2;
        }
    }
    if (o.threads <= 0)
        o.threads = std::max(1, int(std::thread::hardware_concurrency()));
    if (o.torchExact)
        detail::setTorchExactOnCpu(true);

    std::printf("t-SNE benchmark: %s, %u hardware threads, %.1f GiB; %d threads for both sides\n", cpuModel().c_str(),
                std::thread::hardware_concurrency(), memoryGiB(), o.threads);
    std::printf("data: gaussianClusters(N, %d, seed %llu) (bench/tsne_reference.py); perplexity 30, 1000 iterations, "
                "PCA init, learning rate auto, theta 0.5%s\n\n",
                kDim, static_cast<unsigned long long>(kBenchSeed), o.torchExact ? "; exact on CPU through LibTorch ops" : "");
    std::printf("| who          | method     |      N | th |   wall s |    CPU s | KL     | iter | trust k=5 |\n");
    std::printf("|--------------|------------|--------|----|----------|----------|--------|------|-----------|\n");

    int failures = 0;
    for (const int n : o.sizes) {
        const auto x = tastelab::tsnedata::gaussianClusters(n, kDim, kBenchSeed);
        const OurRun bh = runOurs(x, TsneMethod::BarnesHut, o, "cpu", o.trust && n <= 5000);
        printRow("tastelab", "barnes-hut", n, o.threads, bh.result.seconds, bh.cpuSeconds, bh.result.kl, bh.result.iterations, bh.trust);
        if (o.python) {
            const PyRun py = runPython(n, o.threads, "barnes_hut", o.trust && n <= 5000);
            if (!py.ok) {
                std::printf("scikit-learn failed:\n%s\n", py.raw.c_str());
                ++failures;
                continue;
            }
            if (py.checksum != tastelab::tsnedata::checksum(x)) {
                std::printf("data differ from Python's (checksum %llu vs %llu)\n", static_cast<unsigned long long>(tastelab::tsnedata::checksum(x)),
                            static_cast<unsigned long long>(py.checksum));
                ++failures;
            }
            printRow("scikit-learn", "barnes_hut", n, o.threads, py.seconds, py.cpuSeconds, py.kl, py.iterations, py.trust);
            std::printf("| ratio        | sk / ours  |        |    | %7.2fx | %7.2fx | %+.1f%% |      |           |\n",
                        py.seconds / bh.result.seconds, py.cpuSeconds / bh.cpuSeconds, 100.0 * (bh.result.kl - py.kl) / py.kl);
        }
    }
    if (o.exactN > 0) {
        const auto x = tastelab::tsnedata::gaussianClusters(o.exactN, kDim, kBenchSeed);
        const OurRun ex = runOurs(x, TsneMethod::Exact, o, "cpu", o.trust);
        printRow("tastelab", "exact", o.exactN, o.threads, ex.result.seconds, ex.cpuSeconds, ex.result.kl, ex.result.iterations, ex.trust);
        if (o.python && o.pythonExact) {
            const PyRun py = runPython(o.exactN, o.threads, "exact", o.trust);
            if (py.ok)
                printRow("scikit-learn", "exact", o.exactN, o.threads, py.seconds, py.cpuSeconds, py.kl, py.iterations, py.trust);
            else
                std::printf("scikit-learn failed:\n%s\n", py.raw.c_str());
        }
    }
    if (o.device == "cuda") {
        const auto x = tastelab::tsnedata::gaussianClusters(o.cudaN, kDim, kBenchSeed);
        try {
            const OurRun ex = runOurs(x, TsneMethod::Exact, o, "cuda", false);
            printRow("tastelab", "exact/cuda", o.cudaN, o.threads, ex.result.seconds, ex.cpuSeconds, ex.result.kl, ex.result.iterations,
                     std::nan(""));
            std::printf("exact on the GPU at %d points: %.2f s (target: under 10 s for 20,000)\n", o.cudaN,
                        ex.result.seconds);
        } catch (const std::exception &e) {
            std::printf("exact on CUDA failed: %s\n", e.what());
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
