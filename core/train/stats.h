#pragma once

// Statistics for comparing models across participants (plain C++17, no Qt, no LibTorch).

#include <string>
#include <vector>

namespace tastelab::train {

/// Median (mean of the two middle values for an even count), as numpy.median. NaN when empty or
/// when a value is NaN.
double median(std::vector<double> values);

/// Survival functions (1 - CDF), as scipy.stats.chi2.sf and norm.sf. chiSquareSurvival is the
/// regularized upper incomplete gamma Q(df/2, x/2) (series below a + 1, continued fraction above;
/// ~1e-13 relative); 1 for x <= 0, NaN for df <= 0.
double chiSquareSurvival(double x, int df);
double normalSurvival(double z);

struct FriedmanResult {
    double chiSquare = 0;
    int df = 0;
    double p = 1;
    int blocks = 0;
};
/// Friedman test: blocks[i][j] = value of treatment j for block (participant) i; average ranks for
/// ties within a block, with the tie correction SciPy's friedmanchisquare uses. Needs >= 2 blocks
/// and >= 3 treatments (returns p = 1 and df = 0 otherwise). When every block is one complete tie
/// the statistic is 0 and p = 1 (SciPy divides 0 by 0). A NaN value gives NaN statistic and p.
/// Throws std::invalid_argument when the blocks have different lengths.
FriedmanResult friedman(const std::vector<std::vector<double>> &blocks);

struct WilcoxonResult {
    double statistic = 0; ///< min(W+, W-), as SciPy reports for two-sided tests
    double z = 0;         ///< normal approximation's z (0 when the exact distribution was used)
    double p = 1;
    int n = 0;            ///< pairs with a non-zero difference
    bool exact = false;
};
/// Two-sided Wilcoxon signed-rank test of a vs b (d = a - b), matching scipy.stats.wilcoxon(a, b)
/// with its defaults in SciPy 1.10 (zero_method='wilcox', correction=False, method='auto'):
/// - no zero difference and n <= 50: the exact null distribution of W+ (dynamic programming over
///   rank sums). Ties among |d| do not switch this off: ranks are averaged and, as SciPy 1.10
///   does, W+ is truncated to an integer before the distribution is read;
/// - otherwise zero differences are dropped and the normal approximation is used, with the tie
///   correction of the variance and no continuity correction.
/// Differences from SciPy: when every difference is zero (or the samples are empty) this returns
/// n = 0, statistic 0 and p = 1 (SciPy raises / returns NaN). A NaN difference gives NaN statistic
/// and p (SciPy's nan_policy='propagate'). Throws std::invalid_argument when the sizes differ.
WilcoxonResult wilcoxonSignedRank(const std::vector<double> &a, const std::vector<double> &b);

/// Holm-Bonferroni adjusted p-values, in the input order (monotone, capped at 1), as statsmodels'
/// multipletests(method='holm'). NaN entries stay NaN and do not count towards the family size.
std::vector<double> holm(const std::vector<double> &p);

} // namespace tastelab::train
