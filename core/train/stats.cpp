#include "train/stats.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace tastelab::train {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr int kMaxIterations = 100000;

/// exp(a ln x - x - lnGamma(a)): the common factor of both incomplete-gamma expansions.
double gammaPrefactor(double a, double x)
{
    return std::exp(a * std::log(x) - x - std::lgamma(a));
}

/// Regularized lower incomplete gamma P(a, x) by its power series (converges fast for x < a + 1).
double lowerGammaSeries(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    double ap = a;
    for (int i = 0; i < kMaxIterations; ++i) {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon)
            break;
    }
    return sum * gammaPrefactor(a, x);
}

/// Regularized upper incomplete gamma Q(a, x) by its continued fraction (modified Lentz; for
/// x >= a + 1).
double upperGammaFraction(double a, double x)
{
    constexpr double kTiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / kTiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -double(i) * (double(i) - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = b + an / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return gammaPrefactor(a, x) * h;
}

/// Regularized upper incomplete gamma Q(a, x) for a > 0.
double upperGamma(double a, double x)
{
    if (std::isnan(a) || std::isnan(x) || a <= 0.0)
        return kNaN;
    if (x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    if (x < a + 1.0)
        return 1.0 - lowerGammaSeries(a, x);
    return upperGammaFraction(a, x);
}

/// Average ranks (1-based), as scipy.stats.rankdata(method='average'). Also adds
/// sum(t^3 - t) over the tie groups to *tieTerm when given.
std::vector<double> averageRanks(const std::vector<double> &values, double *tieTerm = nullptr)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    std::vector<double> ranks(n);
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i + 1;
        while (j < n && values[order[j]] == values[order[i]])
            ++j;
        // Positions i..j-1 (0-based) share the ranks i+1..j.
        const double rank = 0.5 * double(i + 1 + j);
        for (std::size_t k = i; k < j; ++k)
            ranks[order[k]] = rank;
        if (tieTerm) {
            const double t = double(j - i);
            *tieTerm += t * (t * t - 1.0);
        }
        i = j;
    }
    return ranks;
}

bool anyNaN(const std::vector<double> &values)
{
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
}

/// Null distribution of the signed-rank sum W+ for n untied, non-zero differences:
/// pmf[w] = P(W+ = w), w = 0 .. n(n+1)/2. Built exactly as SciPy's _get_wilcoxon_distr (each rank
/// k is in W+ with probability 1/2), so the values are exact dyadic rationals for n <= 50.
std::vector<double> signedRankDistribution(int n)
{
    std::vector<double> pmf(1, 1.0);
    for (int k = 1; k <= n; ++k) {
        const std::size_t m = pmf.size();
        std::vector<double> next(std::size_t(k) * std::size_t(k + 1) / 2 + 1, 0.0);
        const std::size_t shift = next.size() - m; // == k
        for (std::size_t w = 0; w < m; ++w) {
            next[w] += pmf[w] * 0.5;
            next[w + shift] += pmf[w] * 0.5;
        }
        pmf = std::move(next);
    }
    return pmf;
}

} // namespace

double median(std::vector<double> values)
{
    if (values.empty() || anyNaN(values))
        return kNaN;
    const std::size_t n = values.size();
    const auto mid = values.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    const double upper = *mid;
    if (n % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), mid);
    return (lower + upper) / 2.0;
}

double chiSquareSurvival(double x, int df)
{
    if (df <= 0)
        return kNaN;
    return upperGamma(0.5 * double(df), 0.5 * x);
}

double normalSurvival(double z)
{
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

FriedmanResult friedman(const std::vector<std::vector<double>> &blocks)
{
    FriedmanResult result;
    const std::size_t n = blocks.size();
    const std::size_t k = n > 0 ? blocks.front().size() : 0;
    for (const auto &block : blocks) {
        if (block.size() != k)
            throw std::invalid_argument("friedman: every block needs the same number of treatments");
    }
    result.blocks = int(n);
    if (n < 2 || k < 3)
        return result;
    result.df = int(k) - 1;

    for (const auto &block : blocks) {
        if (anyNaN(block)) {
            result.chiSquare = kNaN;
            result.p = kNaN;
            return result;
        }
    }

    std::vector<double> rankSums(k, 0.0);
    double ties = 0.0;
    for (const auto &block : blocks) {
        const std::vector<double> ranks = averageRanks(block, &ties);
        for (std::size_t j = 0; j < k; ++j)
            rankSums[j] += ranks[j];
    }
    const double kd = double(k);
    const double nd = double(n);
    const double c = 1.0 - ties / (kd * (kd * kd - 1.0) * nd);
    if (c <= 0.0) {
        // Every block is one tie: no evidence of a difference (SciPy divides 0 by 0 here).
        result.chiSquare = 0.0;
        result.p = 1.0;
        return result;
    }
    double ssbn = 0.0;
    for (const double s : rankSums)
        ssbn += s * s;
    // Same order of operations as scipy.stats.friedmanchisquare.
    result.chiSquare = (12.0 / (kd * nd * (kd + 1.0)) * ssbn - 3.0 * nd * (kd + 1.0)) / c;
    result.p = chiSquareSurvival(result.chiSquare, result.df);
    return result;
}

WilcoxonResult wilcoxonSignedRank(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        throw std::invalid_argument("wilcoxonSignedRank: samples of different lengths");
    WilcoxonResult result;

    std::vector<double> d;
    d.reserve(a.size());
    bool zeros = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double diff = a[i] - b[i];
        if (std::isnan(diff)) {
            result.statistic = kNaN;
            result.p = kNaN;
            return result;
        }
        if (diff == 0.0)
            zeros = true;
        else
            d.push_back(diff);
    }
    result.n = int(d.size());
    if (d.empty())
        return result; // no non-zero difference: nothing to test (SciPy raises or returns NaN)

    // SciPy 1.10, method='auto': exact when len(d) <= 50 and no difference is zero.
    result.exact = !zeros && d.size() <= 50;

    std::vector<double> magnitudes(d.size());
    for (std::size_t i = 0; i < d.size(); ++i)
        magnitudes[i] = std::fabs(d[i]);
    double tieTerm = 0.0;
    const std::vector<double> ranks = averageRanks(magnitudes, &tieTerm);
    double rPlus = 0.0, rMinus = 0.0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i] > 0.0)
            rPlus += ranks[i];
        else
            rMinus += ranks[i];
    }
    result.statistic = std::min(rPlus, rMinus);

    if (result.exact) {
        const std::vector<double> pmf = signedRankDistribution(result.n);
        // SciPy truncates r_plus to an integer here, also when ties made it a half-integer.
        const std::size_t r = std::size_t(rPlus);
        if (r == (pmf.size() - 1) / 2) {
            result.p = 1.0;
        } else {
            double pLess = 0.0, pGreater = 0.0;
            for (std::size_t w = 0; w < pmf.size(); ++w) {
                if (w <= r)
                    pLess += pmf[w];
                if (w >= r)
                    pGreater += pmf[w];
            }
            result.p = std::clamp(2.0 * std::min(pLess, pGreater), 0.0, 1.0);
        }
        return result;
    }

    const double count = double(result.n);
    const double mean = count * (count + 1.0) * 0.25;
    double variance = count * (count + 1.0) * (2.0 * count + 1.0);
    variance -= 0.5 * tieTerm;
    const double se = std::sqrt(variance / 24.0);
    result.z = (result.statistic - mean) / se;
    result.p = 2.0 * normalSurvival(std::fabs(result.z));
    return result;
}

std::vector<double> holm(const std::vector<double> &p)
{
    // statsmodels' multipletests(method='holm'): sort ascending, multiply the i-th smallest
    // (0-based) by m - i, running maximum, cap at 1. NaN entries stay NaN and are not counted.
    std::vector<double> adjusted(p.size(), kNaN);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!std::isnan(p[i]))
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
    const std::size_t m = order.size();
    double running = 0.0;
    for (std::size_t rank = 0; rank < m; ++rank) {
        const std::size_t i = order[rank];
        running = std::max(running, p[i] * double(m - rank));
        adjusted[i] = std::min(running, 1.0);
    }
    return adjusted;
}

} // namespace tastelab::train
