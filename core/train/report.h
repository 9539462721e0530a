#pragma once

// The study-wide evaluation (method: docs/clep.md, "Data and evaluation"): the median table
// (thesis Table 4.2), Friedman tests over the three CLEP variants, Wilcoxon post-hoc tests with
// Holm correction (Table 4.3) and the per-participant confusion counts (Table 4.4), exported as
// CSV, Markdown and a self-contained HTML page. Plain C++17, no Qt, no LibTorch; pure functions,
// safe to call from any thread. Numbers are written locale-independently (std::to_chars), so a
// Qt application's setlocale() cannot turn "0.620" into "0,620".

#include "train/clep.h"
#include "train/stats.h"

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace tastelab::train {

/// One participant's result for one encoder and one model.
struct ParticipantResult {
    std::string participant;
    std::string encoder;
    std::string model; ///< "clep-pn", "clep-p", "clep-n", "logreg", "knn", "mlp" (others allowed)
    /// Rates averaged over the repeats. The confusion counts are integers and are shown as stored
    /// (next to `repeats`); the convention is to store their sums over the repeats.
    Metrics metrics;
    int repeats = 1;
};

/// The metrics of every table, in column order.
enum class Metric { Accuracy, Precision, Recall, F1, Auroc, Fpr };
constexpr std::size_t kMetricCount = 6;
constexpr std::array<Metric, kMetricCount> kMetrics = {Metric::Accuracy, Metric::Precision, Metric::Recall,
                                                       Metric::F1,       Metric::Auroc,     Metric::Fpr};
std::string metricId(Metric metric);    ///< "accuracy", "precision", "recall", "f1", "auroc", "fpr"
std::string metricLabel(Metric metric); ///< "Accuracy", "Precision", "Recall", "F1", "AUROC", "FPR"
double metricValue(const Metrics &metrics, Metric metric);

/// The three CLEP variants in treatment order: {"clep-pn", "clep-p", "clep-n"}.
const std::vector<std::string> &clepVariantIds();
/// Display names: "CLEP-PN", "CLEP-P", "CLEP-N", "LogReg", "k-NN", "MLP"; unknown ids unchanged.
std::string modelLabel(const std::string &modelId);

/// Median and spread of one metric over participants. The quartiles use linear interpolation
/// between order statistics (numpy.percentile's default, R type 7). All NaN when there is no value.
struct Spread {
    double median = std::numeric_limits<double>::quiet_NaN();
    double q1 = std::numeric_limits<double>::quiet_NaN();
    double q3 = std::numeric_limits<double>::quiet_NaN();
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double iqr() const { return q3 - q1; }
};

/// One row of the median table: an encoder and a model, over every participant with that result.
struct MedianRow {
    std::string encoder;
    std::string model;
    int participants = 0;
    std::array<Spread, kMetricCount> metrics{}; ///< indexed by Metric
    const Spread &operator[](Metric metric) const { return metrics[std::size_t(metric)]; }
};

/// Friedman test of one encoder and metric: CLEP-PN, CLEP-P, CLEP-N as treatments (in that order),
/// participants as blocks; only participants with all three variants for that encoder count
/// (result.blocks). result.df == 0 when fewer than two such participants exist.
struct FriedmanRow {
    std::string encoder;
    Metric metric = Metric::Accuracy;
    FriedmanResult result;
};

/// One Wilcoxon signed-rank post-hoc test: modelA vs modelB on the participants of the Friedman
/// test of the same encoder (differences a - b). pHolm is Holm-adjusted within the family of the
/// three comparisons of one encoder and metric.
struct PostHocRow {
    std::string encoder;
    Metric metric = Metric::Accuracy;
    std::string modelA;
    std::string modelB;
    int participants = 0;          ///< paired participants (the Friedman test's blocks)
    WilcoxonResult result;         ///< result.n: pairs with a non-zero difference
    double pHolm = 1;
    double medianDifference = 0;   ///< median of a - b over the pairs (sign: direction); NaN if none
};

/// One row of the per-participant confusion table.
struct ConfusionRow {
    std::string participant;
    std::string encoder;
    std::string model;
    int repeats = 1;
    int tp = 0, tn = 0, fp = 0, fn = 0;
};

/// Everything the report shows, computed once by build().
///
/// Order: encoders and participants in the order they first appear in the input; models in the
/// order clep-pn, clep-p, clep-n, logreg, knn, mlp, then other ids in order of first appearance.
/// `results` holds the input in that order (participant, encoder, model).
struct StudyReport {
    std::vector<ParticipantResult> results;
    std::vector<std::string> participants;
    std::vector<std::string> encoders;
    std::vector<std::string> models;
    std::vector<MedianRow> medians;     ///< encoder x model, every pair with at least one result
    std::vector<FriedmanRow> friedman;  ///< encoder x metric, for encoders with a CLEP result
    std::vector<PostHocRow> postHoc;    ///< encoder x metric x (PN-P, PN-N, P-N), same encoders
    std::vector<ConfusionRow> confusion; ///< one per result, in `results` order

    /// Builds every table. Throws std::invalid_argument when a (participant, encoder, model)
    /// appears twice.
    static StudyReport build(std::vector<ParticipantResult> results);
};

/// Presentation options for the Markdown and HTML exports.
struct ReportFormat {
    std::string title = "Tastelab study report";
    double alpha = 0.05; ///< Holm-adjusted p below this is marked significant
};

// --- CSV: RFC 4180 (comma, '"' quoting with doubled quotes, "\n" line ends), a header row, then
// one row per table row. Numbers in the shortest form that reads back to the same double; NaN is
// an empty cell; booleans are "true"/"false". Identifiers, not display names (model "clep-pn").

/// participant,encoder,model,repeats,accuracy,precision,recall,f1,auroc,fpr,tp,tn,fp,fn
std::string resultsCsv(const StudyReport &report);
/// encoder,model,participants, then <metric>_median,<metric>_q1,<metric>_q3,<metric>_min,
/// <metric>_max for each metric in kMetrics order (33 columns).
std::string medianTableCsv(const StudyReport &report);
/// encoder,metric,participants,chi_square,df,p
std::string friedmanTableCsv(const StudyReport &report);
/// encoder,metric,model_a,model_b,participants,n,statistic,z,exact,p,p_holm,median_difference
std::string postHocTableCsv(const StudyReport &report);
/// participant,encoder,model,repeats,tp,tn,fp,fn
std::string confusionTableCsv(const StudyReport &report);

/// Reads RFC 4180 text back into rows of cells (accepts "\n" and "\r\n"; a trailing line end
/// does not add an empty row). Throws std::invalid_argument on an unterminated quote.
std::vector<std::vector<std::string>> parseCsv(const std::string &text);

/// The whole report as Markdown (GitHub tables) and as one HTML page with inline CSS and no
/// external resources. Names are escaped (Markdown: backslash before |, \, `, *, _, [, ], <, >;
/// HTML: &, <, >, ", '). Metrics are shown with 3 decimals as "median (Q1–Q3)", chi-square and
/// z with 3 decimals, p-values with formatPValue.
std::string reportMarkdown(const StudyReport &report, const ReportFormat &format = {});
std::string reportHtml(const StudyReport &report, const ReportFormat &format = {});

/// Writes results.csv, medians.csv, friedman.csv, posthoc.csv, confusion.csv, report.md and
/// report.html into directory (UTF-8 path, created when missing). Throws std::runtime_error.
void writeReport(const StudyReport &report, const std::string &directory, const ReportFormat &format = {});

/// Fixed-point with `decimals` decimals, locale-independent, no "-0.000"; "n/a" for NaN.
std::string formatNumber(double value, int decimals = 3);
/// p-values as in the thesis: 3 decimals from 0.001 up, else scientific with 2 decimals
/// ("1.72e-06"); "n/a" for NaN.
std::string formatPValue(double p);
std::string escapeHtml(const std::string &text);
std::string escapeMarkdown(const std::string &text);

} // namespace tastelab::train
