// Tests for train/stats.h against reference values from SciPy. QtTest is only the runner.
//
// Reference values computed with SciPy 1.10.1 (Debian python3-scipy, numpy 1.24.2) on 2026-11-23
// with /usr/bin/python3, independently of the C++ code:
//
//   import numpy as np, warnings
//   from scipy import stats
//   warnings.simplefilter("ignore")
//   stats.chi2.sf(x, df); stats.norm.sf(z); float(np.median(v))
//   stats.friedmanchisquare(*columns)                  # -> statistic, pvalue
//   r = stats.wilcoxon(a, b)                            # defaults; -> statistic, pvalue
//   stats.wilcoxon(a, b, method="approx").zstatistic    # z where 'auto' chose the approximation
//   # the 24 x 3 accuracy-like data set (values printed with 2 decimals and read back):
//   rng = np.random.default_rng(20230915)
//   base = rng.uniform(0.45, 0.70, 24)
//   pn = np.clip(np.round((base + rng.normal(0.00, 0.05, 24))*50)/50, 0, 1)
//   p  = np.clip(np.round((base - 0.03 + rng.normal(0.0, 0.05, 24))*50)/50, 0, 1)
//   n  = np.clip(np.round((base + 0.05 + rng.normal(0.0, 0.05, 24))*50)/50, 0, 1)
//   # Holm: statsmodels.stats.multitest.multipletests(method='holm') written out by hand
//   # (python3-statsmodels is not installed here); also checked by hand below:
//   def holm(p):
//       p = np.asarray(p, float); o = np.argsort(p); m = len(p)
//       adj = np.minimum(np.maximum.accumulate(p[o] * np.arange(m, 0, -1)), 1.0)
//       out = np.empty(m); out[o] = adj; return out
//
// SciPy 1.10's wilcoxon (scipy/stats/_morestats.py) with method='auto' uses the exact distribution
// when len(d) <= 50 and there is no zero difference, ties or not; with ties it truncates the
// half-integer W+ to an integer (int(r_plus)) before reading the distribution, so swapping a and
// b can change p ("half" and "halfSwapped" below).

#include "train/stats.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace tastelab::train;

namespace {

bool relClose(double actual, double expected, double tolerance)
{
    if (expected == 0.0)
        return std::fabs(actual) <= tolerance;
    return std::fabs(actual - expected) <= tolerance * std::fabs(expected);
}

QByteArray describe(double actual, double expected)
{
    return QByteArray("actual ") + QByteArray::number(actual, 'g', 17) + " expected "
           + QByteArray::number(expected, 'g', 17);
}

#define CHECK_REL(actual, expected, tolerance)                                                     \
    do {                                                                                           \
        const double a_ = (actual);                                                                \
        const double e_ = (expected);                                                              \
        QVERIFY2(relClose(a_, e_, tolerance), describe(a_, e_).constData());                       \
    } while (false)

using Vector = std::vector<double>;
using Matrix = std::vector<std::vector<double>>;

// The 24-participant x 3-variant accuracy-like data set (CLEP-PN, CLEP-P, CLEP-N).
const Vector kPn = {0.64, 0.46, 0.56, 0.50, 0.72, 0.58, 0.64, 0.54, 0.52, 0.66, 0.60, 0.42,
                    0.50, 0.50, 0.52, 0.62, 0.56, 0.62, 0.46, 0.48, 0.40, 0.68, 0.50, 0.46};
const Vector kP = {0.60, 0.42, 0.60, 0.38, 0.68, 0.58, 0.54, 0.50, 0.44, 0.66, 0.56, 0.44,
                   0.34, 0.42, 0.52, 0.54, 0.44, 0.50, 0.50, 0.46, 0.44, 0.66, 0.60, 0.50};
const Vector kN = {0.62, 0.54, 0.68, 0.50, 0.76, 0.70, 0.60, 0.54, 0.62, 0.64, 0.64, 0.54,
                   0.54, 0.54, 0.64, 0.70, 0.56, 0.64, 0.58, 0.60, 0.60, 0.70, 0.64, 0.50};

Matrix blocksOf(const Vector &a, const Vector &b, const Vector &c)
{
    Matrix blocks;
    for (std::size_t i = 0; i < a.size(); ++i)
        blocks.push_back({a[i], b[i], c[i]});
    return blocks;
}

} // namespace

Q_DECLARE_METATYPE(Vector)
Q_DECLARE_METATYPE(Matrix)

class TestStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void medianValues_data();
    void medianValues();
    void medianEdgeCases();

    void chiSquare_data();
    void chiSquare();
    void chiSquareEdgeCases();
    void normal_data();
    void normal();

    void friedmanReference_data();
    void friedmanReference();
    void friedmanEdgeCases();

    void wilcoxonReference_data();
    void wilcoxonReference();
    void wilcoxonEdgeCases();

    void holmReference_data();
    void holmReference();
    void holmEdgeCases();
};

void TestStats::medianValues_data()
{
    QTest::addColumn<Vector>("values");
    QTest::addColumn<double>("expected");
    QTest::newRow("odd") << Vector{3.0, 1.0, 2.0} << 2.0;
    QTest::newRow("even") << Vector{4.0, 1.0, 3.0, 2.0} << 2.5;
    QTest::newRow("ties") << Vector{0.5, 0.5, 0.1, 0.9, 0.7, 0.5} << 0.5;
    QTest::newRow("single") << Vector{7.0} << 7.0;
    QTest::newRow("clep-pn") << kPn << 0.53;
    QTest::newRow("clep-p") << kP << 0.5;
    QTest::newRow("clep-n") << kN << 0.61;
}

void TestStats::medianValues()
{
    QFETCH(Vector, values);
    QFETCH(double, expected);
    CHECK_REL(median(values), expected, 1e-15);
}

void TestStats::medianEdgeCases()
{
    QVERIFY(std::isnan(median({})));
    QVERIFY(std::isnan(median({1.0, std::numeric_limits<double>::quiet_NaN(), 2.0})));
}

void TestStats::chiSquare_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("df");
    QTest::addColumn<double>("expected");
    QTest::newRow("0.5,1") << 0.5 << 1 << 0.47950012218695337;
    QTest::newRow("3.84,1") << 3.84 << 1 << 0.05004352124870519;
    QTest::newRow("35,1") << 35.0 << 1 << 3.2970532689972886e-09;
    // The thesis's Friedman statistics (df = 2).
    QTest::newRow("9.621,2") << 9.621 << 2 << 0.00814378678614388;
    QTest::newRow("26.547,2") << 26.547 << 2 << 1.7194604641184224e-06;
    QTest::newRow("7.101,2") << 7.101 << 2 << 0.028710280924393906;
    QTest::newRow("11.5,2") << 11.5 << 2 << 0.0031827807965096665;
    QTest::newRow("150,2") << 150.0 << 2 << 2.678636961808087e-33;
    QTest::newRow("0.3,3") << 0.3 << 3 << 0.9600284803068776;
    QTest::newRow("400,3") << 400.0 << 3 << 2.2138865931011112e-86;
    QTest::newRow("0.001,4") << 1e-3 << 4 << 0.9999998750416589;
    QTest::newRow("20,5") << 20.0 << 5 << 0.0012497305630313773;
    QTest::newRow("2.5,7") << 2.5 << 7 << 0.9270970650134738;
    QTest::newRow("50,10") << 50.0 << 10 << 2.669083424904495e-07;
    QTest::newRow("0,2") << 0.0 << 2 << 1.0;
}

void TestStats::chiSquare()
{
    QFETCH(double, x);
    QFETCH(int, df);
    QFETCH(double, expected);
    CHECK_REL(chiSquareSurvival(x, df), expected, 1e-12);
}

void TestStats::chiSquareEdgeCases()
{
    QCOMPARE(chiSquareSurvival(-1.0, 2), 1.0);
    QCOMPARE(chiSquareSurvival(std::numeric_limits<double>::infinity(), 2), 0.0);
    QVERIFY(std::isnan(chiSquareSurvival(1.0, 0)));
    // df = 2 is exp(-x/2) in closed form.
    for (const double x : {0.1, 1.0, 2.0, 4.0, 10.0, 60.0})
        CHECK_REL(chiSquareSurvival(x, 2), std::exp(-x / 2.0), 1e-13);
}

void TestStats::normal_data()
{
    QTest::addColumn<double>("z");
    QTest::addColumn<double>("expected");
    QTest::newRow("-3") << -3.0 << 0.9986501019683699;
    QTest::newRow("-0.5") << -0.5 << 0.6914624612740131;
    QTest::newRow("0") << 0.0 << 0.5;
    QTest::newRow("0.3") << 0.3 << 0.3820885778110474;
    QTest::newRow("1") << 1.0 << 0.15865525393145707;
    QTest::newRow("1.96") << 1.959963984540054 << 0.025;
    QTest::newRow("3.5") << 3.5 << 0.00023262907903552502;
    QTest::newRow("8") << 8.0 << 6.22096057427174e-16;
    QTest::newRow("20") << 20.0 << 2.7536241186061556e-89;
}

void TestStats::normal()
{
    QFETCH(double, z);
    QFETCH(double, expected);
    CHECK_REL(normalSurvival(z), expected, 1e-12);
}

void TestStats::friedmanReference_data()
{
    QTest::addColumn<Matrix>("blocks");
    QTest::addColumn<double>("chiSquare");
    QTest::addColumn<double>("p");
    QTest::newRow("5x3 no ties") << Matrix{{1, 2, 3}, {2, 3, 1}, {1, 3, 2}, {1.5, 2.5, 3.5}, {3, 2, 1}}
                                 << 1.6000000000000014 << 0.44932896411722134;
    QTest::newRow("6x4 ties") << Matrix{{0.6, 0.6, 0.7, 0.5},     {0.4, 0.5, 0.5, 0.5}, {0.8, 0.7, 0.9, 0.8},
                                        {0.3, 0.3, 0.3, 0.2},     {0.55, 0.65, 0.75, 0.65},
                                        {0.9, 0.8, 0.9, 0.7}}
                              << 7.687500000000007 << 0.05293153173636979;
    QTest::newRow("7x3 tied blocks")
        << Matrix{{1, 1, 1}, {1, 2, 3}, {2, 2, 1}, {3, 1, 2}, {1, 2, 2}, {5, 5, 5}, {0, 1, 2}}
                                     << 0.9999999999999938 << 0.6065306597126354;
    QTest::newRow("4x5 no ties") << Matrix{{1, 2, 3, 4, 5}, {2, 1, 3, 5, 4}, {1, 3, 2, 4, 5}, {1, 2, 4, 3, 5}}
                                 << 13.0 << 0.011275793947331792;
    QTest::newRow("24x3 accuracy") << blocksOf(kPn, kP, kN) << 25.078651685393258 << 3.5829436647362046e-06;
}

void TestStats::friedmanReference()
{
    QFETCH(Matrix, blocks);
    QFETCH(double, chiSquare);
    QFETCH(double, p);
    const FriedmanResult result = friedman(blocks);
    QCOMPARE(result.blocks, int(blocks.size()));
    QCOMPARE(result.df, int(blocks.front().size()) - 1);
    CHECK_REL(result.chiSquare, chiSquare, 1e-12);
    CHECK_REL(result.p, p, 1e-10);
}

void TestStats::friedmanEdgeCases()
{
    FriedmanResult one = friedman({{1, 2, 3}});
    QCOMPARE(one.df, 0);
    QCOMPARE(one.p, 1.0);
    QCOMPARE(one.blocks, 1);
    FriedmanResult two = friedman({{1, 2}, {2, 1}, {1, 2}});
    QCOMPARE(two.df, 0);
    QCOMPARE(two.p, 1.0);
    FriedmanResult allTied = friedman({{1, 1, 1}, {2, 2, 2}});
    QCOMPARE(allTied.df, 2);
    QCOMPARE(allTied.chiSquare, 0.0);
    QCOMPARE(allTied.p, 1.0);
    const FriedmanResult withNaN = friedman({{1, 2, 3}, {2, std::numeric_limits<double>::quiet_NaN(), 1}});
    QVERIFY(std::isnan(withNaN.p));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, friedman({{1, 2, 3}, {1, 2}}));
}

void TestStats::wilcoxonReference_data()
{
    QTest::addColumn<Vector>("a");
    QTest::addColumn<Vector>("b");
    QTest::addColumn<double>("statistic");
    QTest::addColumn<double>("p");
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<double>("z"); // 0 when exact

    // Exact, no ties: Wilcoxon's (1945) corn data as 100 + d vs 100.
    Vector corn = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
    for (double &v : corn)
        v += 100.0;
    QTest::newRow("corn") << corn << Vector(15, 100.0) << 24.0 << 0.041259765625 << 15 << true << 0.0;
    QTest::newRow("n8") << Vector{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06}
                        << Vector{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14} << 3.0 << 0.0390625 << 8 << true
                        << 0.0;
    QTest::newRow("all positive") << Vector{2, 3, 5, 7, 11, 13} << Vector(6, 1.0) << 0.0 << 0.03125 << 6 << true << 0.0;
    QTest::newRow("centre") << Vector{2, 0, 3, 9} << Vector{1, 2, 6, 5} << 5.0 << 1.0 << 4 << true << 0.0;
    // Exact despite ties (SciPy 1.10), integral and half-integral W+.
    QTest::newRow("ties") << Vector{1, 2, 3, 4, 5, 6, 7, 8} << Vector{2, 0, 1, 5, 7, 4, 5, 9} << 12.0 << 0.4609375 << 8
                          << true << 0.0;
    QTest::newRow("half") << Vector{1, 0, 2, 3, 0, 5, 6} << Vector{0, 1, 0, 0, 4, 0, 0} << 6.5 << 0.296875 << 7 << true
                          << 0.0;
    QTest::newRow("halfSwapped") << Vector{0, 1, 0, 0, 4, 0, 0} << Vector{1, 0, 2, 3, 0, 5, 6} << 6.5 << 0.21875 << 7
                                 << true << 0.0;
    // Zero differences: dropped, normal approximation with tie correction.
    QTest::newRow("zeros") << Vector{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
                           << Vector{1, 0, 1, 5, 7, 6, 5, 2, 3, 10, 4, 8}
                           << 4.5 << 0.031292361840065126 << 9 << false << -2.153334976396485;
    // n = 60 > 50: normal approximation (the data have ties).
    const Vector big = {0.301,  0.599, 0.026,  -0.591, -0.155, -0.692, 0.36,   1.64,   -0.192, -0.32,
                        0.79,   0.657, 0.405,  -0.63,  0.271,  0.995,  -1.044, -0.158, -1.601, -0.99,
                        -1.542, 0.065, -0.967, 0.571,  0.457,  0.113,  -2.217, -0.239, 0.251,  0.413,
                        -1.23,  -0.178, -0.679, -0.509, 1.361, -0.508, 0.267,  1.184,  -0.284, 0.188,
                        0.41,   0.364, -0.925, 0.376,  1.659,  -1.247, 1.159,  0.419,  -0.341, 2.3,
                        1.062,  -0.899, 0.375, 0.877,  0.111,  0.983,  0.233,  0.967,  1.739,  -0.376};
    QTest::newRow("n60") << big << Vector(60, 0.0) << 795.0 << 0.37702108493804265 << 60 << false
                         << -0.8833983444882081;
    // The 24-participant data set: every pair has zero differences, so SciPy falls back to the
    // normal approximation.
    QTest::newRow("24 pn-p") << kPn << kP << 48.0 << 0.01882487347685754 << 21 << false << -2.3489808793734626;
    QTest::newRow("24 pn-n") << kPn << kN << 14.0 << 0.00040470989086308415 << 21 << false << -3.5369933272777097;
    QTest::newRow("24 p-n") << kP << kN << 1.5 << 3.252794493513961e-05 << 23 << false << -4.155005688613602;
}

void TestStats::wilcoxonReference()
{
    QFETCH(Vector, a);
    QFETCH(Vector, b);
    QFETCH(double, statistic);
    QFETCH(double, p);
    QFETCH(int, n);
    QFETCH(bool, exact);
    QFETCH(double, z);
    const WilcoxonResult result = wilcoxonSignedRank(a, b);
    QCOMPARE(result.exact, exact);
    QCOMPARE(result.n, n);
    QCOMPARE(result.statistic, statistic);
    CHECK_REL(result.p, p, exact ? 1e-14 : 1e-10);
    CHECK_REL(result.z, z, 1e-12);
}

void TestStats::wilcoxonEdgeCases()
{
    const WilcoxonResult allZero = wilcoxonSignedRank({1, 2, 3}, {1, 2, 3});
    QCOMPARE(allZero.n, 0);
    QCOMPARE(allZero.p, 1.0);
    const WilcoxonResult empty = wilcoxonSignedRank({}, {});
    QCOMPARE(empty.n, 0);
    QCOMPARE(empty.p, 1.0);
    const WilcoxonResult withNaN = wilcoxonSignedRank({1, std::numeric_limits<double>::quiet_NaN()}, {0, 0});
    QVERIFY(std::isnan(withNaN.p));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wilcoxonSignedRank({1, 2}, {1}));

    // 50 distinct positive differences: still exact (p = 2 / 2^50); 51: normal approximation.
    Vector a50(50), a51(51);
    for (int i = 0; i < 51; ++i) {
        if (i < 50)
            a50[std::size_t(i)] = i + 1;
        a51[std::size_t(i)] = i + 1;
    }
    const WilcoxonResult exact50 = wilcoxonSignedRank(a50, Vector(50, 0.0));
    QVERIFY(exact50.exact);
    CHECK_REL(exact50.p, std::ldexp(1.0, -49), 1e-14);
    QVERIFY(!wilcoxonSignedRank(a51, Vector(51, 0.0)).exact);

    // Symmetry of the exact test without ties: swapping a and b keeps statistic and p.
    const WilcoxonResult ab = wilcoxonSignedRank({1.83, 0.50, 1.62, 2.48, 1.68}, {0.878, 0.647, 0.598, 2.05, 1.06});
    const WilcoxonResult ba = wilcoxonSignedRank({0.878, 0.647, 0.598, 2.05, 1.06}, {1.83, 0.50, 1.62, 2.48, 1.68});
    QCOMPARE(ab.statistic, ba.statistic);
    QCOMPARE(ab.p, ba.p);
}

void TestStats::holmReference_data()
{
    QTest::addColumn<Vector>("p");
    QTest::addColumn<Vector>("expected");
    // By hand: sorted 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> running max 0.03, 0.06, 0.06.
    QTest::newRow("three") << Vector{0.01, 0.04, 0.03} << Vector{0.03, 0.06, 0.06};
    // By hand: 0.001*4, 0.2*3, 0.5*2 = 1, 0.9*1 -> max 1; capped at 1.
    QTest::newRow("capped") << Vector{0.5, 0.2, 0.9, 0.001} << Vector{1.0, 0.6000000000000001, 1.0, 0.004};
    QTest::newRow("tie") << Vector{0.02, 0.02, 0.5} << Vector{0.06, 0.06, 0.5};
    QTest::newRow("24 post-hoc") << Vector{0.0004, 0.0188, 3.25e-05} << Vector{0.0008, 0.0188, 9.749999999999998e-05};
    QTest::newRow("single") << Vector{0.2} << Vector{0.2};
}

void TestStats::holmReference()
{
    QFETCH(Vector, p);
    QFETCH(Vector, expected);
    const Vector adjusted = holm(p);
    QCOMPARE(adjusted.size(), expected.size());
    for (std::size_t i = 0; i < adjusted.size(); ++i)
        CHECK_REL(adjusted[i], expected[i], 1e-15);
}

void TestStats::holmEdgeCases()
{
    QVERIFY(holm({}).empty());
    const Vector withNaN = holm({0.01, std::numeric_limits<double>::quiet_NaN(), 0.04});
    CHECK_REL(withNaN[0], 0.02, 1e-15);
    QVERIFY(std::isnan(withNaN[1]));
    CHECK_REL(withNaN[2], 0.04, 1e-15);
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
