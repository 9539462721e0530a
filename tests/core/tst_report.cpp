// Tests for train/report.h: the study tables on a synthetic study whose medians, Friedman and
// Wilcoxon values are known, and the CSV, Markdown and HTML exports. QtTest is only the runner.
//
// Expected values computed with SciPy 1.10.1 (Debian python3-scipy, numpy 1.24.2) on 2026-11-23,
// /usr/bin/python3 (pn, p, n: the 24-participant accuracies below, as in tst_stats.cpp):
//
//   pn25 = np.append(pn, 0.99); p25 = np.append(p, 0.01)
//   np.median(v), np.percentile(v, 25), np.percentile(v, 75)   # for pn25, p25, n, and 1 - v
//   stats.friedmanchisquare(pn, p, n)           # 25.078651685393258, p 3.5829436647362046e-06
//   stats.friedmanchisquare(1-pn, 1-p, 1-n)     # the same
//   stats.wilcoxon(pn, p), (pn, n), (p, n)      # p 0.01882487347685754, 0.00040470989086308415,
//                                               #   3.252794493513961e-05
//   holm(...) (statsmodels' formula by hand)    # 0.01882487347685754, 0.0008094197817261683,
//                                               #   9.758383480541883e-05
//   np.median(pn - p), (pn - n), (p - n)        # 0.039999999999999925, -0.040000000000000036,
//                                               #   -0.11000000000000001
//   B = [[0.5, 0.6, 0.7], [0.4, 0.5, 0.6], [0.55, 0.65, 0.75]]
//   stats.friedmanchisquare(*B.T)               # 6.0, p 0.04978706836786395 (= exp(-3))
//   stats.wilcoxon(B[:, i], B[:, j])            # 0.0, p 0.25 for every pair (exact, n = 3)

#include "train/report.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <stdexcept>
#include <string>

using namespace tastelab::train;

namespace {

const std::vector<double> kPn = {0.64, 0.46, 0.56, 0.50, 0.72, 0.58, 0.64, 0.54, 0.52, 0.66, 0.60, 0.42,
                                 0.50, 0.50, 0.52, 0.62, 0.56, 0.62, 0.46, 0.48, 0.40, 0.68, 0.50, 0.46};
const std::vector<double> kP = {0.60, 0.42, 0.60, 0.38, 0.68, 0.58, 0.54, 0.50, 0.44, 0.66, 0.56, 0.44,
                                0.34, 0.42, 0.52, 0.54, 0.44, 0.50, 0.50, 0.46, 0.44, 0.66, 0.60, 0.50};
const std::vector<double> kN = {0.62, 0.54, 0.68, 0.50, 0.76, 0.70, 0.60, 0.54, 0.62, 0.64, 0.64, 0.54,
                                0.54, 0.54, 0.64, 0.70, 0.56, 0.64, 0.58, 0.60, 0.60, 0.70, 0.64, 0.50};

const std::string kOddParticipant = "Ann <&> \"Bo\", jr";
const std::string kOddEncoder = "MEE & <Co>";

int g_counter = 0;

/// accuracy = precision = F1 = AUROC = v, recall 0.9 for every model, FPR = 1 - v.
ParticipantResult result(const std::string &participant, const std::string &encoder, const std::string &model,
                         double v)
{
    ParticipantResult r;
    r.participant = participant;
    r.encoder = encoder;
    r.model = model;
    r.metrics.accuracy = r.metrics.precision = r.metrics.f1 = r.metrics.auroc = v;
    r.metrics.recall = 0.9;
    r.metrics.fpr = 1.0 - v;
    ++g_counter;
    r.metrics.tp = g_counter % 7;
    r.metrics.tn = g_counter % 11;
    r.metrics.fp = g_counter % 5;
    r.metrics.fn = g_counter % 3;
    r.repeats = 1 + g_counter % 2;
    return r;
}

QString participantName(int i)
{
    return QStringLiteral("P%1").arg(i + 1, 2, 10, QLatin1Char('0'));
}

/// CLMR: P01..P24 with all three variants and logreg (input order n, logreg, pn, p), P25 with
/// only CLEP-PN and CLEP-P. The odd encoder: three participants with all three variants.
std::vector<ParticipantResult> syntheticResults()
{
    g_counter = 0;
    std::vector<ParticipantResult> results;
    for (int i = 0; i < 24; ++i) {
        const std::string name = participantName(i).toStdString();
        results.push_back(result(name, "CLMR", "clep-n", kN[std::size_t(i)]));
        results.push_back(result(name, "CLMR", "logreg", 0.5));
        results.push_back(result(name, "CLMR", "clep-pn", kPn[std::size_t(i)]));
        results.push_back(result(name, "CLMR", "clep-p", kP[std::size_t(i)]));
    }
    results.push_back(result("P25", "CLMR", "clep-pn", 0.99));
    results.push_back(result("P25", "CLMR", "clep-p", 0.01));
    const std::vector<std::string> names = {kOddParticipant, "P01", "P02"};
    const double rows[3][3] = {{0.5, 0.6, 0.7}, {0.4, 0.5, 0.6}, {0.55, 0.65, 0.75}};
    for (std::size_t i = 0; i < 3; ++i) {
        results.push_back(result(names[i], kOddEncoder, "clep-pn", rows[i][0]));
        results.push_back(result(names[i], kOddEncoder, "clep-p", rows[i][1]));
        results.push_back(result(names[i], kOddEncoder, "clep-n", rows[i][2]));
    }
    return results;
}

bool relClose(double actual, double expected, double tolerance)
{
    if (expected == 0.0)
        return std::fabs(actual) <= tolerance;
    return std::fabs(actual - expected) <= tolerance * std::fabs(expected);
}

#define CHECK_REL(actual, expected, tolerance)                                                     \
    QVERIFY2(relClose((actual), (expected), (tolerance)),                                          \
             qPrintable(QStringLiteral("actual %1 expected %2")                                    \
                            .arg(double(actual), 0, 'g', 17)                                       \
                            .arg(double(expected), 0, 'g', 17)))

const MedianRow *findMedian(const StudyReport &report, const std::string &encoder, const std::string &model)
{
    for (const auto &row : report.medians) {
        if (row.encoder == encoder && row.model == model)
            return &row;
    }
    return nullptr;
}

const FriedmanRow *findFriedman(const StudyReport &report, const std::string &encoder, Metric metric)
{
    for (const auto &row : report.friedman) {
        if (row.encoder == encoder && row.metric == metric)
            return &row;
    }
    return nullptr;
}

const PostHocRow *findPostHoc(const StudyReport &report, const std::string &encoder, Metric metric,
                              const std::string &a, const std::string &b)
{
    for (const auto &row : report.postHoc) {
        if (row.encoder == encoder && row.metric == metric && row.modelA == a && row.modelB == b)
            return &row;
    }
    return nullptr;
}

double toDouble(const std::string &cell)
{
    bool ok = false;
    const double v = QByteArray::fromStdString(cell).toDouble(&ok);
    return ok ? v : std::nan("");
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void orderAndShape();
    void medianTable();
    void friedmanTable();
    void postHocTable();
    void confusionTable();
    void duplicateThrows();
    void emptyStudy();
    void csvRoundTrip();
    void csvParser();
    void markdown();
    void html();
    void formatting();
    void formattingIgnoresLocale();
    void writeFiles();
};

void TestReport::orderAndShape()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    QCOMPARE(report.results.size(), std::size_t(24 * 4 + 2 + 9));
    QCOMPARE(report.participants.size(), std::size_t(26));
    QCOMPARE(report.participants.front(), std::string("P01"));
    QCOMPARE(report.participants.back(), kOddParticipant);
    QCOMPARE(report.encoders, (std::vector<std::string>{"CLMR", kOddEncoder}));
    QCOMPARE(report.models, (std::vector<std::string>{"clep-pn", "clep-p", "clep-n", "logreg"}));
    // Results sorted by participant, encoder, then canonical model order.
    QCOMPARE(report.results[0].participant, std::string("P01"));
    QCOMPARE(report.results[0].encoder, std::string("CLMR"));
    QCOMPARE(report.results[0].model, std::string("clep-pn"));
    QCOMPARE(report.results[3].model, std::string("logreg"));
    QCOMPARE(report.results[4].encoder, kOddEncoder);
    QCOMPARE(report.medians.size(), std::size_t(7));
    QCOMPARE(report.friedman.size(), std::size_t(2 * kMetricCount));
    QCOMPARE(report.postHoc.size(), std::size_t(2 * kMetricCount * 3));
    QCOMPARE(report.confusion.size(), report.results.size());
}

void TestReport::medianTable()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    const MedianRow *pn = findMedian(report, "CLMR", "clep-pn");
    QVERIFY(pn);
    QCOMPARE(pn->participants, 25); // P25 counts here although it lacks CLEP-N
    CHECK_REL((*pn)[Metric::Accuracy].median, 0.54, 1e-15);
    CHECK_REL((*pn)[Metric::Accuracy].q1, 0.5, 1e-15);
    CHECK_REL((*pn)[Metric::Accuracy].q3, 0.62, 1e-15);
    CHECK_REL((*pn)[Metric::Accuracy].min, 0.4, 1e-15);
    CHECK_REL((*pn)[Metric::Accuracy].max, 0.99, 1e-15);
    CHECK_REL((*pn)[Metric::Accuracy].iqr(), 0.12, 1e-12);
    CHECK_REL((*pn)[Metric::Fpr].median, 0.45999999999999996, 1e-15);
    CHECK_REL((*pn)[Metric::Fpr].q1, 0.38, 1e-15);
    CHECK_REL((*pn)[Metric::Fpr].q3, 0.5, 1e-15);
    CHECK_REL((*pn)[Metric::Recall].median, 0.9, 0.0);

    const MedianRow *p = findMedian(report, "CLMR", "clep-p");
    QVERIFY(p);
    QCOMPARE(p->participants, 25);
    CHECK_REL((*p)[Metric::Accuracy].median, 0.5, 1e-15);
    CHECK_REL((*p)[Metric::Accuracy].q1, 0.44, 1e-15);
    CHECK_REL((*p)[Metric::Accuracy].q3, 0.58, 1e-15);
    CHECK_REL((*p)[Metric::Fpr].q1, 0.42000000000000004, 1e-15);
    CHECK_REL((*p)[Metric::Fpr].q3, 0.56, 1e-15);

    const MedianRow *n = findMedian(report, "CLMR", "clep-n");
    QVERIFY(n);
    QCOMPARE(n->participants, 24);
    CHECK_REL((*n)[Metric::Accuracy].median, 0.61, 1e-15);
    CHECK_REL((*n)[Metric::Accuracy].q1, 0.54, 1e-15);
    CHECK_REL((*n)[Metric::Accuracy].q3, 0.64, 1e-15);
    CHECK_REL((*n)[Metric::Fpr].median, 0.39, 1e-15);
    CHECK_REL((*n)[Metric::Fpr].q1, 0.36, 1e-15);
    CHECK_REL((*n)[Metric::Fpr].q3, 0.45999999999999996, 1e-15);

    const MedianRow *logreg = findMedian(report, "CLMR", "logreg");
    QVERIFY(logreg);
    QCOMPARE(logreg->participants, 24);
    QCOMPARE((*logreg)[Metric::Auroc].median, 0.5);
    QVERIFY(!findMedian(report, kOddEncoder, "logreg"));
}

void TestReport::friedmanTable()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    for (const Metric metric : {Metric::Accuracy, Metric::Precision, Metric::F1, Metric::Auroc, Metric::Fpr}) {
        const FriedmanRow *row = findFriedman(report, "CLMR", metric);
        QVERIFY(row);
        QCOMPARE(row->result.blocks, 24); // P25 lacks CLEP-N
        QCOMPARE(row->result.df, 2);
        CHECK_REL(row->result.chiSquare, 25.078651685393258, 1e-12);
        CHECK_REL(row->result.p, 3.5829436647362046e-06, 1e-10);
    }
    const FriedmanRow *recall = findFriedman(report, "CLMR", Metric::Recall); // constant: all tied
    QVERIFY(recall);
    QCOMPARE(recall->result.chiSquare, 0.0);
    QCOMPARE(recall->result.p, 1.0);

    const FriedmanRow *odd = findFriedman(report, kOddEncoder, Metric::Accuracy);
    QVERIFY(odd);
    QCOMPARE(odd->result.blocks, 3);
    CHECK_REL(odd->result.chiSquare, 6.0, 1e-12);
    CHECK_REL(odd->result.p, 0.04978706836786395, 1e-12);
}

void TestReport::postHocTable()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    struct Expected {
        const char *a, *b;
        double statistic, p, pHolm, medianDifference;
    };
    const Expected expected[] = {
        {"clep-pn", "clep-p", 48.0, 0.01882487347685754, 0.01882487347685754, 0.039999999999999925},
        {"clep-pn", "clep-n", 14.0, 0.00040470989086308415, 0.0008094197817261683, -0.040000000000000036},
        {"clep-p", "clep-n", 1.5, 3.252794493513961e-05, 9.758383480541883e-05, -0.11000000000000001},
    };
    for (const Expected &e : expected) {
        const PostHocRow *row = findPostHoc(report, "CLMR", Metric::Accuracy, e.a, e.b);
        QVERIFY(row);
        QCOMPARE(row->participants, 24);
        QVERIFY(!row->result.exact); // zero differences -> normal approximation
        QCOMPARE(row->result.statistic, e.statistic);
        CHECK_REL(row->result.p, e.p, 1e-10);
        CHECK_REL(row->pHolm, e.pHolm, 1e-10);
        CHECK_REL(row->medianDifference, e.medianDifference, 1e-12);
    }
    const std::pair<std::string, std::string> pairs[] = {
        {"clep-pn", "clep-p"}, {"clep-pn", "clep-n"}, {"clep-p", "clep-n"}};
    for (const auto &[a, b] : pairs) {
        const PostHocRow *row = findPostHoc(report, kOddEncoder, Metric::Accuracy, a, b);
        QVERIFY(row);
        QVERIFY(row->result.exact);
        QCOMPARE(row->result.n, 3);
        QCOMPARE(row->result.statistic, 0.0);
        CHECK_REL(row->result.p, 0.25, 1e-15);
        CHECK_REL(row->pHolm, 0.75, 1e-15);
    }
    // Recall is constant: every difference is zero.
    const PostHocRow *recall = findPostHoc(report, "CLMR", Metric::Recall, "clep-pn", "clep-p");
    QVERIFY(recall);
    QCOMPARE(recall->result.n, 0);
    QCOMPARE(recall->result.p, 1.0);
    QCOMPARE(recall->pHolm, 1.0);
}

void TestReport::confusionTable()
{
    const std::vector<ParticipantResult> input = syntheticResults();
    const StudyReport report = StudyReport::build(input);
    for (std::size_t i = 0; i < report.confusion.size(); ++i) {
        const ConfusionRow &row = report.confusion[i];
        const ParticipantResult &r = report.results[i];
        QCOMPARE(row.participant, r.participant);
        QCOMPARE(row.encoder, r.encoder);
        QCOMPARE(row.model, r.model);
        QCOMPARE(row.repeats, r.repeats);
        QCOMPARE(row.tp, r.metrics.tp);
        QCOMPARE(row.tn, r.metrics.tn);
        QCOMPARE(row.fp, r.metrics.fp);
        QCOMPARE(row.fn, r.metrics.fn);
    }
    // The first input result (P01, CLMR, clep-n) was counter 1.
    const auto it = std::find_if(report.confusion.begin(), report.confusion.end(), [](const ConfusionRow &row) {
        return row.participant == "P01" && row.encoder == "CLMR" && row.model == "clep-n";
    });
    QVERIFY(it != report.confusion.end());
    QCOMPARE(it->tp, 1);
    QCOMPARE(it->tn, 1);
    QCOMPARE(it->fp, 1);
    QCOMPARE(it->fn, 1);
    QCOMPARE(it->repeats, 2);
}

void TestReport::duplicateThrows()
{
    std::vector<ParticipantResult> results = syntheticResults();
    results.push_back(results.front());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, StudyReport::build(results));
}

void TestReport::emptyStudy()
{
    const StudyReport report = StudyReport::build({});
    QVERIFY(report.medians.empty());
    QVERIFY(report.friedman.empty());
    QVERIFY(parseCsv(medianTableCsv(report)).size() == 1); // header only
    const std::string md = reportMarkdown(report);
    QVERIFY(md.find("_No results._") != std::string::npos);
    QVERIFY(reportHtml(report).find("</html>") != std::string::npos);

    // Baselines only: no Friedman rows.
    g_counter = 0;
    const StudyReport baselines = StudyReport::build({result("A", "E", "knn", 0.7), result("B", "E", "knn", 0.6)});
    QVERIFY(baselines.friedman.empty());
    QCOMPARE(baselines.medians.size(), std::size_t(1));
    CHECK_REL(baselines.medians[0][Metric::Accuracy].median, 0.65, 1e-15);
    // One complete participant: a Friedman row without a test.
    const StudyReport one = StudyReport::build(
        {result("A", "E", "clep-pn", 0.7), result("A", "E", "clep-p", 0.6), result("A", "E", "clep-n", 0.8)});
    QCOMPARE(one.friedman.size(), kMetricCount);
    QCOMPARE(one.friedman[0].result.df, 0);
    QCOMPARE(one.friedman[0].result.blocks, 1);
    QVERIFY(reportMarkdown(one).find("| E | Accuracy | 1 | n/a | n/a | n/a |") != std::string::npos);
}

void TestReport::csvRoundTrip()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    struct Case {
        std::string csv;
        std::size_t columns;
        std::size_t rows;
    };
    const Case cases[] = {
        {resultsCsv(report), 14, report.results.size()},
        {medianTableCsv(report), 3 + 5 * kMetricCount, report.medians.size()},
        {friedmanTableCsv(report), 6, report.friedman.size()},
        {postHocTableCsv(report), 12, report.postHoc.size()},
        {confusionTableCsv(report), 8, report.confusion.size()},
    };
    for (const Case &c : cases) {
        const auto rows = parseCsv(c.csv);
        QCOMPARE(rows.size(), c.rows + 1);
        for (const auto &row : rows)
            QCOMPARE(row.size(), c.columns);
    }

    // Header and values read back exactly.
    const auto medians = parseCsv(medianTableCsv(report));
    QCOMPARE(medians[0][0], std::string("encoder"));
    QCOMPARE(medians[0][3], std::string("accuracy_median"));
    QCOMPARE(medians[0][32], std::string("fpr_max"));
    QCOMPARE(medians[1][0], std::string("CLMR"));
    QCOMPARE(medians[1][1], std::string("clep-pn"));
    QCOMPARE(medians[1][2], std::string("25"));
    QCOMPARE(toDouble(medians[1][3]), report.medians[0][Metric::Accuracy].median);
    QCOMPARE(toDouble(medians[1][28]), report.medians[0][Metric::Fpr].median);

    const auto friedmanRows = parseCsv(friedmanTableCsv(report));
    QCOMPARE(friedmanRows[1][1], std::string("accuracy"));
    QCOMPARE(toDouble(friedmanRows[1][3]), report.friedman[0].result.chiSquare);
    QCOMPARE(toDouble(friedmanRows[1][5]), report.friedman[0].result.p);

    const auto postHoc = parseCsv(postHocTableCsv(report));
    QCOMPARE(postHoc[1][8], std::string("false"));
    QCOMPARE(toDouble(postHoc[1][10]), report.postHoc[0].pHolm);

    // The odd participant (quotes and a comma) survives the quoting.
    const auto confusion = parseCsv(confusionTableCsv(report));
    bool found = false;
    for (const auto &row : confusion)
        found = found || (row[0] == kOddParticipant && row[1] == kOddEncoder);
    QVERIFY(found);
    QVERIFY(confusionTableCsv(report).find("\"Ann <&> \"\"Bo\"\", jr\"") != std::string::npos);

    const auto results = parseCsv(resultsCsv(report));
    for (std::size_t i = 1; i < results.size(); ++i) {
        const ParticipantResult &r = report.results[i - 1];
        QCOMPARE(results[i][0], r.participant);
        QCOMPARE(toDouble(results[i][4]), r.metrics.accuracy);
        QCOMPARE(toDouble(results[i][9]), r.metrics.fpr);
    }
}

void TestReport::csvParser()
{
    using Rows = std::vector<std::vector<std::string>>;
    QCOMPARE(parseCsv("a,b\r\n1,\"x,\"\"y\"\"\nz\"\n"), (Rows{{"a", "b"}, {"1", "x,\"y\"\nz"}}));
    QCOMPARE(parseCsv("a,,c"), (Rows{{"a", "", "c"}}));
    QCOMPARE(parseCsv(""), Rows{});
    QCOMPARE(parseCsv("\n"), (Rows{{""}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseCsv("a,\"b"));
}

void TestReport::markdown()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    const std::string md = reportMarkdown(report, {"Study <1>", 0.05});
    const auto contains = [&](const std::string &needle) {
        const bool ok = md.find(needle) != std::string::npos;
        if (!ok)
            qWarning("missing: %s", needle.c_str());
        return ok;
    };
    QVERIFY(md.rfind("# Study \\<1\\>\n", 0) == 0);
    QVERIFY(contains("26 participants, 2 encoders, 107 results."));
    QVERIFY(contains("## Median results"));
    QVERIFY(contains("| Encoder | Model | n | Accuracy | Precision | Recall | F1 | AUROC | FPR |\n"
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"));
    QVERIFY(contains("| CLMR | CLEP-PN | 25 | 0.540 (0.500\u20130.620) | 0.540 (0.500\u20130.620) | "
                     "0.900 (0.900\u20130.900) | 0.540 (0.500\u20130.620) | 0.540 (0.500\u20130.620) | "
                     "0.460 (0.380\u20130.500) |\n"));
    QVERIFY(contains("| CLMR | CLEP-N | 24 | 0.610 (0.540\u20130.640) |"));
    QVERIFY(contains("| CLMR | LogReg | 24 | 0.500 (0.500\u20130.500) |"));
    QVERIFY(contains("## Friedman tests"));
    QVERIFY(contains("| CLMR | Accuracy | 24 | 25.079 | 2 | **3.58e-06** |\n"));
    QVERIFY(contains("| CLMR | Recall | 24 | 0.000 | 2 | 1.000 |\n"));
    QVERIFY(contains("| MEE \\& \\<Co\\> | Accuracy | 3 | 6.000 | 2 | **0.050** |\n"));
    QVERIFY(contains("## Post-hoc Wilcoxon signed-rank tests"));
    QVERIFY(contains("| CLMR | Accuracy | CLEP-PN vs CLEP-P | 24 | 21 | 0.040 | 48 | normal | 0.019 | **0.019** |\n"));
    QVERIFY(contains("| CLMR | Accuracy | CLEP-P vs CLEP-N | 24 | 23 | -0.110 | 1.5 | normal | 3.25e-05 | "
                     "**9.76e-05** |\n"));
    QVERIFY(contains("| MEE \\& \\<Co\\> | Accuracy | CLEP-PN vs CLEP-N | 3 | 3 | -0.200 | 0 | exact | 0.250 | "
                     "0.750 |\n"));
    QVERIFY(contains("## Confusion counts per participant"));
    QVERIFY(contains("| P01 | CLMR | CLEP-N | 2 | 1 | 1 | 1 | 1 |\n"));
    QVERIFY(contains("| Ann \\<\\&\\> \"Bo\", jr | MEE \\& \\<Co\\> | CLEP-PN |"));
    QVERIFY(md.find("<Co>") == std::string::npos);
}

void TestReport::html()
{
    const StudyReport report = StudyReport::build(syntheticResults());
    const std::string html = reportHtml(report, {"Study <1> & 'more'", 0.05});
    QVERIFY(html.rfind("<!DOCTYPE html>\n", 0) == 0);
    QVERIFY(html.find("<title>Study &lt;1&gt; &amp; &#39;more&#39;</title>") != std::string::npos);
    QVERIFY(html.find("<td>Ann &lt;&amp;&gt; &quot;Bo&quot;, jr</td>") != std::string::npos);
    QVERIFY(html.find("<td>MEE &amp; &lt;Co&gt;</td>") != std::string::npos);
    QVERIFY(html.find("<Co>") == std::string::npos);
    QVERIFY(html.find("Ann <&>") == std::string::npos);
    QVERIFY(html.find("<td class=\"num\"><strong>3.58e-06</strong></td>") != std::string::npos);
    QVERIFY(html.find("<td>CLEP-PN</td><td class=\"num\">25</td><td class=\"num\">0.540 (0.500\u20130.620)</td>")
            != std::string::npos);
    // Self-contained: inline style, nothing fetched.
    QVERIFY(html.find("<style>") != std::string::npos);
    for (const char *external : {"<link", "<script", "src=", "href=", "http"})
        QVERIFY2(html.find(external) == std::string::npos, external);
    QVERIFY(html.size() > 1000);
    QCOMPARE(html.substr(html.size() - 8), std::string("</html>\n"));
    // Balanced tables: four sections, four tables.
    std::size_t tables = 0;
    for (std::size_t at = html.find("<table>"); at != std::string::npos; at = html.find("<table>", at + 1))
        ++tables;
    QCOMPARE(tables, std::size_t(4));
}

void TestReport::formatting()
{
    QCOMPARE(formatNumber(0.62), std::string("0.620"));
    QCOMPARE(formatNumber(0.3285), std::string("0.329")); // 0.32850000000000001 as a double
    QCOMPARE(formatNumber(9.6214, 3), std::string("9.621"));
    QCOMPARE(formatNumber(-0.0001), std::string("0.000"));
    QCOMPARE(formatNumber(-0.25, 2), std::string("-0.25"));
    QCOMPARE(formatNumber(std::nan("")), std::string("n/a"));
    QCOMPARE(formatPValue(0.008143786786), std::string("0.008"));
    QCOMPARE(formatPValue(0.001), std::string("0.001"));
    QCOMPARE(formatPValue(1.7194604641184224e-06), std::string("1.72e-06"));
    QCOMPARE(formatPValue(3.35e-05), std::string("3.35e-05"));
    QCOMPARE(formatPValue(1.0), std::string("1.000"));
    QCOMPARE(formatPValue(std::nan("")), std::string("n/a"));
    QCOMPARE(escapeHtml("<a href='x'>&\"</a>"), std::string("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"));
    QCOMPARE(escapeMarkdown("a|b_c*d\nE"), std::string("a\\|b\\_c\\*d E"));
    QCOMPARE(modelLabel("clep-pn"), std::string("CLEP-PN"));
    QCOMPARE(modelLabel("knn"), std::string("k-NN"));
    QCOMPARE(modelLabel("svm"), std::string("svm"));
    QCOMPARE(metricId(Metric::Auroc), std::string("auroc"));
    QCOMPARE(metricLabel(Metric::Fpr), std::string("FPR"));
}

void TestReport::formattingIgnoresLocale()
{
    const std::string previous = std::setlocale(LC_NUMERIC, nullptr);
    const char *german = nullptr;
    for (const char *name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8"}) {
        if (std::setlocale(LC_NUMERIC, name)) {
            german = name;
            break;
        }
    }
    if (!german)
        QSKIP("no locale with a decimal comma installed");
    const StudyReport report = StudyReport::build(syntheticResults());
    const std::string md = reportMarkdown(report);
    const std::string csv = medianTableCsv(report);
    std::setlocale(LC_NUMERIC, previous.c_str());
    QVERIFY(md.find("| CLMR | Accuracy | 24 | 25.079 | 2 |") != std::string::npos);
    QVERIFY(csv.find("0,5") == std::string::npos);
}

void TestReport::writeFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("sub/report"));
    const StudyReport report = StudyReport::build(syntheticResults());
    writeReport(report, target.toStdString());
    for (const char *name : {"results.csv", "medians.csv", "friedman.csv", "posthoc.csv", "confusion.csv",
                             "report.md", "report.html"}) {
        QFile file(target + QLatin1Char('/') + QLatin1String(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), name);
        QVERIFY2(file.size() > 0, name);
    }
    QFile md(target + QStringLiteral("/report.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QCOMPARE(md.readAll().toStdString(), reportMarkdown(report));

    // A file where the directory should be: runtime_error.
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeReport(report, blocker.fileName().toStdString()));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
