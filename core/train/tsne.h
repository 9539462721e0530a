#pragma once

// t-SNE (van der Maaten & Hinton 2008; Barnes-Hut: van der Maaten 2014) for the embedding map.
// Plain C++17; LibTorch stays in the .cpp. Follows scikit-learn's TSNE (1.2) closely so its
// results can be compared: perplexity-calibrated conditional probabilities (binary search on
// each point's precision), symmetrised P, PCA initialisation scaled to std 1e-4 in the first
// component, early exaggeration 12 for 250 iterations with momentum 0.5, then momentum 0.8,
// gains (delta-bar-delta, min gain 0.01), learning rate "auto" = max(N / exaggeration / 4, 50).
// Seeded and reproducible on CPU for a given seed and thread count (the layout is in fact the same
// for any thread count; the seed draws only the random initialisation, so with PCA initialisation
// it changes nothing). The method as implemented: docs/results.md, "t-SNE".

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tastelab::train {

enum class TsneMethod {
    Auto,      ///< Exact up to TsneSettings::exactLimit points (or any size on a GPU), else Barnes-Hut
    Exact,     ///< O(N^2) gradients: LibTorch tensor ops on CUDA, the same arithmetic as one fused C++
               ///< loop on CPU (about 8 times faster there than Debian's single-threaded LibTorch ops)
    BarnesHut, ///< O(N log N) per iteration: 3*perplexity nearest neighbours (exact, found by a blocked
               ///< matrix product: in 32-512 dimensions a vantage-point tree prunes little) and a quadtree, CPU
};
std::string tsneMethodId(TsneMethod method); ///< "auto", "exact", "barnes-hut"
bool tsneMethodFromId(const std::string &id, TsneMethod *out); ///< also accepts "bh"

struct TsneSettings {
    double perplexity = 30.0;     ///< clamped below (N - 1) / 3 (but not below 1) with a notice
    TsneMethod method = TsneMethod::Auto;
    double theta = 0.5;           ///< Barnes-Hut accuracy
    int iterations = 1000;        ///< total, including the early-exaggeration phase
    double earlyExaggeration = 12.0;
    int exaggerationIterations = 250;
    double learningRate = 0;      ///< <= 0: "auto", as scikit-learn
    bool pcaInit = true;          ///< else Gaussian N(0, 1e-4) from the seed
    std::uint64_t seed = 1;
    std::string device = "cpu";   ///< "cpu", "cuda" or "auto" (exact method only; Barnes-Hut is CPU)
    int exactLimit = 3000;        ///< Auto's switch point on CPU
    int threads = 0;              ///< worker threads on CPU; 0 = all hardware threads
};

/// Reported every 10 iterations and at the end; kl is the KL divergence of the current layout
/// (estimated from the neighbour set for Barnes-Hut, as scikit-learn does), NaN when not
/// computed at that step (it is computed every 50 iterations and at the end, as scikit-learn does;
/// always with the true P, also during early exaggeration).
struct TsneProgress {
    int iteration = 0;
    int iterations = 0;
    double kl = 0;
};
/// Return false to cancel (the call then throws train::Cancelled, see clep.h). Also called with
/// iteration 0 (kl NaN) between batches of the preparation (affinities, nearest neighbours), so
/// that a cancel is noticed there too. Called on the calling thread only.
using TsneProgressFn = std::function<bool(const TsneProgress &)>;

struct TsneResult {
    std::vector<float> points;     ///< N x 2, row-major
    int n = 0;
    double kl = 0;                 ///< final KL divergence (exact for Exact, BH estimate for Barnes-Hut)
    double perplexity = 0;         ///< the perplexity used (after clamping)
    TsneMethod method = TsneMethod::Exact; ///< the method that ran (never Auto)
    std::string device;            ///< "cpu" or "cuda"
    std::string notice;            ///< e.g. "perplexity 30 lowered to 3.3 for 11 points"; empty when none
    int iterations = 0;
    double seconds = 0;
};

/// Embeds rows of data (all the same size, N >= 2) into 2-D. N < 2 or ragged rows throw
/// std::invalid_argument; cancellation throws Cancelled. Identical rows are allowed.
TsneResult tsne(const std::vector<std::vector<float>> &data, const TsneSettings &settings = {},
                const TsneProgressFn &progress = {});

/// Trustworthiness of an embedding (Venna & Kaski; as sklearn.manifold.trustworthiness with the
/// Euclidean metric): how much the k nearest neighbours in the layout were neighbours in the
/// data. low is N x lowDims row-major. In [0, 1], 1 is best. Requires k < N / 2.
double trustworthiness(const std::vector<std::vector<float>> &data, const std::vector<float> &low, int lowDims,
                       int k = 5);

namespace detail {
/// Test and benchmark hook (process-wide; set it before any t-SNE starts): run the exact method on
/// CPU through its LibTorch tensor-op implementation, the one used on CUDA, instead of the fused
/// C++ loop, so that the tests can check the CUDA code path on a machine without a GPU.
void setTorchExactOnCpu(bool on);
} // namespace detail

} // namespace tastelab::train
