#include "explain/attribution.h"

#include "survey/rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tastelab::explain {

std::string methodId(Method m)
{
    switch (m) {
    case Method::Auto: return "auto";
    case Method::Shapley: return "shapley";
    case Method::Lime: return "lime";
    }
    return "auto";
}

bool methodFromId(const std::string &id, Method *out)
{
    for (Method m : {Method::Auto, Method::Shapley, Method::Lime})
        if (methodId(m) == id) {
            *out = m;
            return true;
        }
    return false;
}

namespace {

/// Evaluates masks in batches with progress.
std::vector<double> evaluate(const std::vector<Mask> &masks, const ScoreFn &score, int batch,
                             const ProgressFn &progress)
{
    std::vector<double> out;
    out.reserve(masks.size());
    const std::size_t step = std::size_t(std::max(1, batch));
    for (std::size_t first = 0; first < masks.size(); first += step) {
        const std::size_t last = std::min(masks.size(), first + step);
        const std::vector<Mask> chunk(masks.begin() + std::ptrdiff_t(first), masks.begin() + std::ptrdiff_t(last));
        const std::vector<double> s = score(chunk);
        if (s.size() != chunk.size())
            throw ExplainError("the score function returned " + std::to_string(s.size()) + " values for "
                               + std::to_string(chunk.size()) + " masks");
        out.insert(out.end(), s.begin(), s.end());
        if (progress && !progress(int(last), int(masks.size())))
            throw Cancelled{};
    }
    return out;
}

double rSquared(const std::vector<double> &y, const std::vector<double> &fit, const std::vector<double> &w)
{
    double sw = 0, mean = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        sw += w[i];
        mean += w[i] * y[i];
    }
    if (sw <= 0)
        return 0;
    mean /= sw;
    double res = 0, tot = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        res += w[i] * (y[i] - fit[i]) * (y[i] - fit[i]);
        tot += w[i] * (y[i] - mean) * (y[i] - mean);
    }
    if (tot <= 1e-300)
        return res <= 1e-300 ? 1.0 : 0.0;
    return 1.0 - res / tot;
}

} // namespace

std::vector<double> weightedRidge(const std::vector<Mask> &x, const std::vector<double> &y,
                                  const std::vector<double> &weights, double ridge)
{
    const std::size_t n = x.empty() ? 0 : x.front().size();
    const std::size_t p = n + 1;
    // Normal equations A beta = b with A = X^T W X + ridge diag(0, 1, .., 1).
    std::vector<double> a(p * p, 0.0), b(p, 0.0);
    std::vector<double> row(p);
    for (std::size_t k = 0; k < x.size(); ++k) {
        row[0] = 1.0;
        for (std::size_t i = 0; i < n; ++i)
            row[i + 1] = x[k][i] ? 1.0 : 0.0;
        const double w = weights[k];
        for (std::size_t i = 0; i < p; ++i) {
            if (row[i] == 0.0)
                continue;
            b[i] += w * row[i] * y[k];
            for (std::size_t j = 0; j < p; ++j)
                a[i * p + j] += w * row[i] * row[j];
        }
    }
    for (std::size_t i = 1; i < p; ++i)
        a[i * p + i] += ridge;
    // Gaussian elimination with partial pivoting.
    for (std::size_t c = 0; c < p; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < p; ++r)
            if (std::abs(a[r * p + c]) > std::abs(a[pivot * p + c]))
                pivot = r;
        if (std::abs(a[pivot * p + c]) < 1e-300)
            continue; // singular direction: its coefficient stays 0
        if (pivot != c) {
            for (std::size_t j = 0; j < p; ++j)
                std::swap(a[c * p + j], a[pivot * p + j]);
            std::swap(b[c], b[pivot]);
        }
        for (std::size_t r = 0; r < p; ++r) {
            if (r == c)
                continue;
            const double f = a[r * p + c] / a[c * p + c];
            if (f == 0.0)
                continue;
            for (std::size_t j = c; j < p; ++j)
                a[r * p + j] -= f * a[c * p + j];
            b[r] -= f * b[c];
        }
    }
    std::vector<double> beta(p, 0.0);
    for (std::size_t i = 0; i < p; ++i)
        if (std::abs(a[i * p + i]) >= 1e-300)
            beta[i] = b[i] / a[i * p + i];
    return beta;
}

Attribution shapleyExact(int n, const ScoreFn &score, int batch, const ProgressFn &progress)
{
    if (n < 1 || n > 20)
        throw ExplainError("exact Shapley values need 1 to 20 components, not " + std::to_string(n));
    const std::size_t count = std::size_t(1) << n;
    Attribution a;
    a.method = Method::Shapley;
    a.masks.reserve(count);
    for (std::size_t s = 0; s < count; ++s) {
        Mask m(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            m[std::size_t(i)] = (s >> i) & 1u;
        a.masks.push_back(std::move(m));
    }
    a.scores = evaluate(a.masks, score, batch, progress);
    a.evaluations = int(count);
    // Weight of a coalition of size k not containing i: k! (n - k - 1)! / n!.
    std::vector<double> coef(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k)
        coef[std::size_t(k)] = std::exp(std::lgamma(k + 1.0) + std::lgamma(double(n - k)) - std::lgamma(n + 1.0));
    a.weights.assign(std::size_t(n), 0.0);
    for (std::size_t s = 0; s < count; ++s) {
        const int k = __builtin_popcountll(s);
        for (int i = 0; i < n; ++i)
            if (!((s >> i) & 1u))
                a.weights[std::size_t(i)] += coef[std::size_t(k)] * (a.scores[s | (std::size_t(1) << i)] - a.scores[s]);
    }
    a.emptyScore = a.scores.front();
    a.fullScore = a.scores.back();
    a.intercept = a.emptyScore;
    std::vector<double> fit(count);
    for (std::size_t s = 0; s < count; ++s) {
        double f = a.intercept;
        for (int i = 0; i < n; ++i)
            if ((s >> i) & 1u)
                f += a.weights[std::size_t(i)];
        fit[s] = f;
    }
    a.fidelityAllCoalitions = rSquared(a.scores, fit, std::vector<double>(count, 1.0));
    std::vector<double> kernel(count, 0.0);
    for (std::size_t s = 1; s + 1 < count; ++s) {
        const int k = __builtin_popcountll(s);
        const double choose = std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0));
        kernel[s] = double(n - 1) / (choose * k * (n - k));
    }
    a.fidelity = n > 1 ? rSquared(a.scores, fit, kernel) : 1.0;
    return a;
}

Attribution lime(int n, const ScoreFn &score, const LimeOptions &options, int batch, const ProgressFn &progress)
{
    if (n < 1)
        throw ExplainError("nothing to explain: no components");
    if (options.samples < 2)
        throw ExplainError("LIME needs at least 2 samples");
    Attribution a;
    a.method = Method::Lime;
    Rng rng(options.seed);
    a.masks.push_back(Mask(std::size_t(n), true));
    a.masks.push_back(Mask(std::size_t(n), false));
    std::vector<int> order(static_cast<std::size_t>(n));
    while (int(a.masks.size()) < options.samples) {
        const int off = int(rng.below(std::uint64_t(n) + 1)); // 0 .. n
        std::iota(order.begin(), order.end(), 0);
        for (int i = 0; i < off; ++i) { // partial Fisher-Yates: the first `off` are switched off
            const int j = i + int(rng.below(std::uint64_t(n - i)));
            std::swap(order[std::size_t(i)], order[std::size_t(j)]);
        }
        Mask m(std::size_t(n), true);
        for (int i = 0; i < off; ++i)
            m[std::size_t(order[std::size_t(i)])] = false;
        a.masks.push_back(std::move(m));
    }
    a.scores = evaluate(a.masks, score, batch, progress);
    a.evaluations = int(a.masks.size());
    std::vector<double> w(a.masks.size());
    double sw = 0;
    for (std::size_t k = 0; k < a.masks.size(); ++k) {
        const int on = int(std::count(a.masks[k].begin(), a.masks[k].end(), true));
        const double distance = 1.0 - std::sqrt(double(on) / double(n)); // cosine distance to all-on
        w[k] = std::sqrt(std::exp(-distance * distance / (options.kernelWidth * options.kernelWidth)));
        sw += w[k];
    }
    const std::vector<double> beta = weightedRidge(a.masks, a.scores, w, options.ridge * sw);
    a.intercept = beta[0];
    a.weights.assign(beta.begin() + 1, beta.end());
    a.fullScore = a.scores[0];
    a.emptyScore = a.scores[1];
    std::vector<double> fit(a.masks.size());
    for (std::size_t k = 0; k < a.masks.size(); ++k) {
        double f = a.intercept;
        for (int i = 0; i < n; ++i)
            if (a.masks[k][std::size_t(i)])
                f += a.weights[std::size_t(i)];
        fit[k] = f;
    }
    a.fidelity = rSquared(a.scores, fit, w);
    a.fidelityAllCoalitions = std::numeric_limits<double>::quiet_NaN();
    return a;
}

} // namespace tastelab::explain
