#pragma once

// Attributions of a score to binary components: exact Shapley values and a LIME-style weighted
// linear surrogate. Plain C++17, no LibTorch, no Qt.

#include "explain/decomposition.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tastelab::explain {

/// Scores of a batch of masks (one value per mask).
using ScoreFn = std::function<std::vector<double>(const std::vector<Mask> &masks)>;
/// Called after each batch with evaluations done and total; returning false cancels.
using ProgressFn = std::function<bool(int done, int total)>;

/// Thrown when a progress callback returns false.
struct Cancelled {};

enum class Method { Auto, Shapley, Lime };
std::string methodId(Method m); ///< "auto", "shapley", "lime"
bool methodFromId(const std::string &id, Method *out);

/// Exact Shapley needs 2^n evaluations: Auto uses it up to this many components.
constexpr int kMaxShapleyComponents = 10;

struct LimeOptions {
    int samples = 1024;        ///< masks sampled (the first is all on)
    std::uint64_t seed = 1;
    double kernelWidth = 0.25; ///< of the exponential kernel on the cosine distance to all-on
    double ridge = 1e-3;       ///< ridge penalty, relative to the sum of the sample weights
};

struct Attribution {
    Method method = Method::Shapley;
    std::vector<double> weights; ///< per component
    double intercept = 0;        ///< Shapley: v(all off); LIME: the surrogate's intercept
    double fullScore = 0;        ///< the score with everything on
    double emptyScore = 0;       ///< the score with everything off
    /// R^2 of the weighted surrogate on the evaluated masks: for LIME weighted by its kernel; for
    /// Shapley, of the additive model v(empty) + sum of the on components' weights, weighted by
    /// the Shapley kernel (n - 1) / (C(n, |S|) |S| (n - |S|)) over the coalitions other than the
    /// empty and the full one (which the model fits exactly): the weighted least-squares problem
    /// whose solution the Shapley values are (KernelSHAP). Negative when the additive model fits
    /// worse than a constant.
    double fidelity = 0;
    /// Shapley only: R^2 of the same additive model on all 2^n coalitions, unweighted (NaN for LIME).
    double fidelityAllCoalitions = 0;
    int evaluations = 0;
    std::vector<Mask> masks;     ///< what was evaluated
    std::vector<double> scores;
};

/// Exact Shapley values by evaluating every coalition (n <= 20 accepted; 2^n evaluations, in
/// batches of `batch`). Efficiency holds: sum of the weights = v(all) - v(empty).
Attribution shapleyExact(int n, const ScoreFn &score, int batch = 32, const ProgressFn &progress = {});

/// LIME: binary masks (the number switched off uniform in 0..n, then which ones uniformly), kernel
/// weight sqrt(exp(-d^2 / w^2)) with d the cosine distance to all-on, weighted ridge regression.
/// Deterministic for a seed.
Attribution lime(int n, const ScoreFn &score, const LimeOptions &options = {}, int batch = 32,
                 const ProgressFn &progress = {});

/// Weighted least squares with a ridge penalty on the coefficients (not the intercept). Returns
/// {intercept, w_1 .. w_n}. Exposed for the tests.
std::vector<double> weightedRidge(const std::vector<Mask> &x, const std::vector<double> &y,
                                  const std::vector<double> &weights, double ridge);

} // namespace tastelab::explain
