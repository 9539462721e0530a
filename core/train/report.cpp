#include "train/report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace tastelab::train {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Index of value in list, appending it when new.
std::size_t indexOf(std::vector<std::string> &list, const std::string &value)
{
    const auto it = std::find(list.begin(), list.end(), value);
    if (it != list.end())
        return std::size_t(it - list.begin());
    list.push_back(value);
    return list.size() - 1;
}

std::size_t position(const std::vector<std::string> &list, const std::string &value)
{
    return std::size_t(std::find(list.begin(), list.end(), value) - list.begin());
}

/// Linear-interpolation quantile of sorted values, computed as numpy.percentile does (its lerp
/// is evaluated from the nearer end).
double quantileSorted(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return kNaN;
    const double h = q * double(sorted.size() - 1);
    const std::size_t lo = std::size_t(std::floor(h));
    if (lo + 1 >= sorted.size())
        return sorted.back();
    const double t = h - double(lo);
    const double a = sorted[lo];
    const double b = sorted[lo + 1];
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

Spread spreadOf(std::vector<double> values)
{
    Spread spread;
    if (values.empty())
        return spread;
    std::sort(values.begin(), values.end());
    spread.median = median(values);
    spread.q1 = quantileSorted(values, 0.25);
    spread.q3 = quantileSorted(values, 0.75);
    spread.min = values.front();
    spread.max = values.back();
    return spread;
}

// --- CSV ---

std::string csvNumber(double value)
{
    if (std::isnan(value))
        return {};
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvLine(const std::vector<std::string> &cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        line += csvField(cells[i]);
    }
    line += '\n';
    return line;
}

// --- one table model, rendered as Markdown and as HTML ---

struct Cell {
    std::string text;
    bool strong = false;
};

struct Table {
    std::string heading;
    std::string note;
    std::vector<std::string> header;
    std::vector<bool> numeric; ///< right-aligned columns
    std::vector<std::vector<Cell>> rows;
    std::string empty;         ///< shown instead of an empty table
};

std::string variantList()
{
    const auto &ids = clepVariantIds();
    return modelLabel(ids[0]) + ", " + modelLabel(ids[1]) + " and " + modelLabel(ids[2]);
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i > 0 ? ", " : "") + items[i];
    return out;
}

std::string statisticText(double w)
{
    if (std::isnan(w))
        return "n/a";
    return w == std::floor(w) ? formatNumber(w, 0) : formatNumber(w, 1);
}

std::string summaryText(const StudyReport &report)
{
    std::string text = std::to_string(report.participants.size()) + " participants, "
                       + std::to_string(report.encoders.size()) + " encoders, "
                       + std::to_string(report.results.size()) + " results.";
    if (!report.encoders.empty())
        text += " Encoders: " + joined(report.encoders) + ".";
    if (!report.models.empty()) {
        std::vector<std::string> labels;
        for (const auto &model : report.models)
            labels.push_back(modelLabel(model));
        text += " Models: " + joined(labels) + ".";
    }
    return text;
}

std::vector<Table> tablesOf(const StudyReport &report, const ReportFormat &format)
{
    std::vector<Table> tables;
    const std::string alphaText = formatNumber(format.alpha, format.alpha >= 0.01 ? 2 : 3);

    Table medians;
    medians.heading = "Median results";
    medians.note = "Median over participants, with the interquartile range (Q1\u2013Q3, linear "
                   "interpolation) in brackets. n: participants with the result.";
    medians.header = {"Encoder", "Model", "n"};
    medians.numeric = {false, false, true};
    for (const Metric metric : kMetrics) {
        medians.header.push_back(metricLabel(metric));
        medians.numeric.push_back(true);
    }
    for (const auto &row : report.medians) {
        std::vector<Cell> cells = {{row.encoder}, {modelLabel(row.model)}, {std::to_string(row.participants)}};
        for (const Metric metric : kMetrics) {
            const Spread &s = row[metric];
            cells.push_back({formatNumber(s.median) + " (" + formatNumber(s.q1) + "\u2013" + formatNumber(s.q3) + ")"});
        }
        medians.rows.push_back(std::move(cells));
    }
    medians.empty = "No results.";
    tables.push_back(std::move(medians));

    Table friedmanTable;
    friedmanTable.heading = "Friedman tests";
    friedmanTable.note = variantList() + " as treatments, participants as blocks; only participants with "
                         "all three variants for the encoder count (n). Average ranks with SciPy's tie "
                         "correction. Bold: p < " + alphaText + ".";
    friedmanTable.header = {"Encoder", "Metric", "n", "\u03c7\u00b2", "df", "p"};
    friedmanTable.numeric = {false, false, true, true, true, true};
    for (const auto &row : report.friedman) {
        const bool tested = row.result.df > 0;
        friedmanTable.rows.push_back({{row.encoder},
                                      {metricLabel(row.metric)},
                                      {std::to_string(row.result.blocks)},
                                      {tested ? formatNumber(row.result.chiSquare) : "n/a"},
                                      {tested ? std::to_string(row.result.df) : "n/a"},
                                      {tested ? formatPValue(row.result.p) : "n/a",
                                       tested && row.result.p < format.alpha}});
    }
    friedmanTable.empty = "No encoder has results for the CLEP variants.";
    tables.push_back(std::move(friedmanTable));

    Table postHoc;
    postHoc.heading = "Post-hoc Wilcoxon signed-rank tests";
    postHoc.note = "Two-sided, paired over the Friedman test's participants (Pairs), differences A \u2212 B; "
                   "zero differences dropped (Non-zero). Exact null distribution without zero "
                   "differences up to 50 pairs, else the normal approximation (as SciPy 1.10). "
                   "p (Holm): adjusted within the three comparisons of one encoder and metric. "
                   "Bold: p (Holm) < " + alphaText + ".";
    postHoc.header = {"Encoder", "Metric", "A vs B", "Pairs", "Non-zero", "Median A\u2212B", "W", "Method",
                      "p", "p (Holm)"};
    postHoc.numeric = {false, false, false, true, true, true, true, false, true, true};
    for (const auto &row : report.postHoc) {
        postHoc.rows.push_back({{row.encoder},
                                {metricLabel(row.metric)},
                                {modelLabel(row.modelA) + " vs " + modelLabel(row.modelB)},
                                {std::to_string(row.participants)},
                                {std::to_string(row.result.n)},
                                {formatNumber(row.medianDifference)},
                                {statisticText(row.result.statistic)},
                                {row.result.n == 0 ? "n/a" : (row.result.exact ? "exact" : "normal")},
                                {formatPValue(row.result.p)},
                                {formatPValue(row.pHolm), row.pHolm < format.alpha}});
    }
    postHoc.empty = "No encoder has results for the CLEP variants.";
    tables.push_back(std::move(postHoc));

    Table confusion;
    confusion.heading = "Confusion counts per participant";
    confusion.note = "On the test split at threshold 0.5; liked = positive. Repeats: runs behind the row.";
    confusion.header = {"Participant", "Encoder", "Model", "Repeats", "TP", "TN", "FP", "FN"};
    confusion.numeric = {false, false, false, true, true, true, true, true};
    for (const auto &row : report.confusion) {
        confusion.rows.push_back({{row.participant},
                                  {row.encoder},
                                  {modelLabel(row.model)},
                                  {std::to_string(row.repeats)},
                                  {std::to_string(row.tp)},
                                  {std::to_string(row.tn)},
                                  {std::to_string(row.fp)},
                                  {std::to_string(row.fn)}});
    }
    confusion.empty = "No results.";
    tables.push_back(std::move(confusion));
    return tables;
}

void writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        throw std::runtime_error("cannot write " + path.u8string());
}

} // namespace

// --- names ---

std::string metricId(Metric metric)
{
    switch (metric) {
    case Metric::Accuracy: return "accuracy";
    case Metric::Precision: return "precision";
    case Metric::Recall: return "recall";
    case Metric::F1: return "f1";
    case Metric::Auroc: return "auroc";
    case Metric::Fpr: return "fpr";
    }
    return {};
}

std::string metricLabel(Metric metric)
{
    switch (metric) {
    case Metric::Accuracy: return "Accuracy";
    case Metric::Precision: return "Precision";
    case Metric::Recall: return "Recall";
    case Metric::F1: return "F1";
    case Metric::Auroc: return "AUROC";
    case Metric::Fpr: return "FPR";
    }
    return {};
}

double metricValue(const Metrics &metrics, Metric metric)
{
    switch (metric) {
    case Metric::Accuracy: return metrics.accuracy;
    case Metric::Precision: return metrics.precision;
    case Metric::Recall: return metrics.recall;
    case Metric::F1: return metrics.f1;
    case Metric::Auroc: return metrics.auroc;
    case Metric::Fpr: return metrics.fpr;
    }
    return kNaN;
}

const std::vector<std::string> &clepVariantIds()
{
    static const std::vector<std::string> ids = {"clep-pn", "clep-p", "clep-n"};
    return ids;
}

std::string modelLabel(const std::string &modelId)
{
    static const std::map<std::string, std::string> labels = {
        {"clep-pn", "CLEP-PN"}, {"clep-p", "CLEP-P"}, {"clep-n", "CLEP-N"},
        {"logreg", "LogReg"},   {"knn", "k-NN"},      {"mlp", "MLP"},
    };
    const auto it = labels.find(modelId);
    return it == labels.end() ? modelId : it->second;
}

// --- building ---

StudyReport StudyReport::build(std::vector<ParticipantResult> results)
{
    StudyReport report;
    report.models = {"clep-pn", "clep-p", "clep-n", "logreg", "knn", "mlp"};
    const std::size_t knownModels = report.models.size();
    for (const auto &r : results) {
        indexOf(report.participants, r.participant);
        indexOf(report.encoders, r.encoder);
        indexOf(report.models, r.model);
    }
    // Keep only the known models that occur, in canonical order, then the others.
    {
        std::vector<std::string> used;
        for (std::size_t i = 0; i < report.models.size(); ++i) {
            const bool occurs = i >= knownModels
                                || std::any_of(results.begin(), results.end(),
                                               [&](const ParticipantResult &r) { return r.model == report.models[i]; });
            if (occurs)
                used.push_back(report.models[i]);
        }
        report.models = std::move(used);
    }

    using Key = std::tuple<std::size_t, std::size_t, std::size_t>;
    const auto keyOf = [&](const ParticipantResult &r) {
        return Key{position(report.participants, r.participant), position(report.encoders, r.encoder),
                   position(report.models, r.model)};
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const ParticipantResult &a, const ParticipantResult &b) { return keyOf(a) < keyOf(b); });
    for (std::size_t i = 1; i < results.size(); ++i) {
        if (keyOf(results[i - 1]) == keyOf(results[i]))
            throw std::invalid_argument("StudyReport: duplicate result for participant '" + results[i].participant
                                        + "', encoder '" + results[i].encoder + "', model '" + results[i].model + "'");
    }
    report.results = std::move(results);

    // Median table.
    for (const auto &encoder : report.encoders) {
        for (const auto &model : report.models) {
            MedianRow row;
            row.encoder = encoder;
            row.model = model;
            std::array<std::vector<double>, kMetricCount> values;
            for (const auto &r : report.results) {
                if (r.encoder != encoder || r.model != model)
                    continue;
                ++row.participants;
                for (const Metric metric : kMetrics)
                    values[std::size_t(metric)].push_back(metricValue(r.metrics, metric));
            }
            if (row.participants == 0)
                continue;
            for (const Metric metric : kMetrics)
                row.metrics[std::size_t(metric)] = spreadOf(std::move(values[std::size_t(metric)]));
            report.medians.push_back(std::move(row));
        }
    }

    // Friedman and post-hoc tests over the CLEP variants.
    const auto &variants = clepVariantIds();
    for (const auto &encoder : report.encoders) {
        // complete[p] = the participant's three results in variant order.
        std::vector<std::array<const Metrics *, 3>> complete;
        bool anyClep = false;
        for (const auto &participant : report.participants) {
            std::array<const Metrics *, 3> found = {nullptr, nullptr, nullptr};
            for (const auto &r : report.results) {
                if (r.participant != participant || r.encoder != encoder)
                    continue;
                for (std::size_t v = 0; v < variants.size(); ++v) {
                    if (r.model == variants[v]) {
                        found[v] = &r.metrics;
                        anyClep = true;
                    }
                }
            }
            if (found[0] && found[1] && found[2])
                complete.push_back(found);
        }
        if (!anyClep)
            continue;

        for (const Metric metric : kMetrics) {
            std::vector<std::vector<double>> blocks;
            for (const auto &found : complete)
                blocks.push_back({metricValue(*found[0], metric), metricValue(*found[1], metric),
                                  metricValue(*found[2], metric)});
            FriedmanRow friedmanRow;
            friedmanRow.encoder = encoder;
            friedmanRow.metric = metric;
            friedmanRow.result = train::friedman(blocks);
            report.friedman.push_back(friedmanRow);

            const std::array<std::pair<std::size_t, std::size_t>, 3> pairs = {{{0, 1}, {0, 2}, {1, 2}}};
            std::vector<PostHocRow> family;
            for (const auto &[i, j] : pairs) {
                std::vector<double> a, b, differences;
                for (const auto &block : blocks) {
                    a.push_back(block[i]);
                    b.push_back(block[j]);
                    differences.push_back(block[i] - block[j]);
                }
                PostHocRow row;
                row.encoder = encoder;
                row.metric = metric;
                row.modelA = variants[i];
                row.modelB = variants[j];
                row.participants = int(blocks.size());
                row.result = wilcoxonSignedRank(a, b);
                row.medianDifference = median(differences);
                family.push_back(row);
            }
            std::vector<double> p;
            for (const auto &row : family)
                p.push_back(row.result.p);
            const std::vector<double> adjusted = holm(p);
            for (std::size_t k = 0; k < family.size(); ++k) {
                family[k].pHolm = adjusted[k];
                report.postHoc.push_back(family[k]);
            }
        }
    }

    // Confusion table.
    for (const auto &r : report.results) {
        report.confusion.push_back(
            {r.participant, r.encoder, r.model, r.repeats, r.metrics.tp, r.metrics.tn, r.metrics.fp, r.metrics.fn});
    }
    return report;
}

// --- CSV ---

std::string resultsCsv(const StudyReport &report)
{
    std::vector<std::string> header = {"participant", "encoder", "model", "repeats"};
    for (const Metric metric : kMetrics)
        header.push_back(metricId(metric));
    for (const char *count : {"tp", "tn", "fp", "fn"})
        header.emplace_back(count);
    std::string out = csvLine(header);
    for (const auto &r : report.results) {
        std::vector<std::string> cells = {r.participant, r.encoder, r.model, std::to_string(r.repeats)};
        for (const Metric metric : kMetrics)
            cells.push_back(csvNumber(metricValue(r.metrics, metric)));
        for (const int count : {r.metrics.tp, r.metrics.tn, r.metrics.fp, r.metrics.fn})
            cells.push_back(std::to_string(count));
        out += csvLine(cells);
    }
    return out;
}

std::string medianTableCsv(const StudyReport &report)
{
    std::vector<std::string> header = {"encoder", "model", "participants"};
    for (const Metric metric : kMetrics) {
        for (const char *part : {"_median", "_q1", "_q3", "_min", "_max"})
            header.push_back(metricId(metric) + part);
    }
    std::string out = csvLine(header);
    for (const auto &row : report.medians) {
        std::vector<std::string> cells = {row.encoder, row.model, std::to_string(row.participants)};
        for (const Metric metric : kMetrics) {
            const Spread &s = row[metric];
            for (const double v : {s.median, s.q1, s.q3, s.min, s.max})
                cells.push_back(csvNumber(v));
        }
        out += csvLine(cells);
    }
    return out;
}

std::string friedmanTableCsv(const StudyReport &report)
{
    std::string out = csvLine({"encoder", "metric", "participants", "chi_square", "df", "p"});
    for (const auto &row : report.friedman) {
        out += csvLine({row.encoder, metricId(row.metric), std::to_string(row.result.blocks),
                        csvNumber(row.result.chiSquare), std::to_string(row.result.df), csvNumber(row.result.p)});
    }
    return out;
}

std::string postHocTableCsv(const StudyReport &report)
{
    std::string out = csvLine({"encoder", "metric", "model_a", "model_b", "participants", "n", "statistic", "z",
                               "exact", "p", "p_holm", "median_difference"});
    for (const auto &row : report.postHoc) {
        out += csvLine({row.encoder, metricId(row.metric), row.modelA, row.modelB, std::to_string(row.participants),
                        std::to_string(row.result.n), csvNumber(row.result.statistic), csvNumber(row.result.z),
                        row.result.exact ? "true" : "false", csvNumber(row.result.p), csvNumber(row.pHolm),
                        csvNumber(row.medianDifference)});
    }
    return out;
}

std::string confusionTableCsv(const StudyReport &report)
{
    std::string out = csvLine({"participant", "encoder", "model", "repeats", "tp", "tn", "fp", "fn"});
    for (const auto &row : report.confusion) {
        out += csvLine({row.participant, row.encoder, row.model, std::to_string(row.repeats), std::to_string(row.tp),
                        std::to_string(row.tn), std::to_string(row.fp), std::to_string(row.fn)});
    }
    return out;
}

std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;     // inside a quoted field
    bool rowStarted = false; // the current line has content (so a line end closes a row)
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            rowStarted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            rowStarted = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            rowStarted = false;
        } else {
            field += c;
            rowStarted = true;
        }
    }
    if (quoted)
        throw std::invalid_argument("parseCsv: unterminated quoted field");
    if (rowStarted) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

// --- formatting ---

std::string formatNumber(double value, int decimals)
{
    if (std::isnan(value))
        return "n/a";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (result.ec != std::errc())
        return csvNumber(value);
    std::string text(buffer, result.ptr);
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1); // "-0.000" -> "0.000"
    return text;
}

std::string formatPValue(double p)
{
    if (std::isnan(p))
        return "n/a";
    if (p >= 0.001)
        return formatNumber(p, 3);
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, p, std::chars_format::scientific, 2);
    return std::string(buffer, result.ptr);
}

std::string escapeHtml(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string escapeMarkdown(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\|`*_[]<>&").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

// --- documents ---

std::string reportMarkdown(const StudyReport &report, const ReportFormat &format)
{
    std::string out = "# " + escapeMarkdown(format.title) + "\n\n" + escapeMarkdown(summaryText(report)) + "\n";
    for (const Table &table : tablesOf(report, format)) {
        out += "\n## " + escapeMarkdown(table.heading) + "\n\n" + escapeMarkdown(table.note) + "\n\n";
        if (table.rows.empty()) {
            out += "_" + escapeMarkdown(table.empty) + "_\n";
            continue;
        }
        out += "|";
        for (const auto &title : table.header)
            out += " " + escapeMarkdown(title) + " |";
        out += "\n|";
        for (const bool numeric : table.numeric)
            out += numeric ? " ---: |" : " --- |";
        out += "\n";
        for (const auto &row : table.rows) {
            out += "|";
            for (const Cell &cell : row) {
                const std::string text = escapeMarkdown(cell.text);
                out += " " + (cell.strong ? "**" + text + "**" : text) + " |";
            }
            out += "\n";
        }
    }
    return out;
}

std::string reportHtml(const StudyReport &report, const ReportFormat &format)
{
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"Tastelab\">\n<title>"
        + escapeHtml(format.title)
        + "</title>\n<style>\n"
          "body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; "
          "color: #222; }\n"
          "table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-variant-numeric: tabular-nums; }\n"
          "th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.75em; text-align: left; }\n"
          "th { border-bottom: 2px solid #888; }\n"
          "td.num, th.num { text-align: right; }\n"
          "p.note { color: #555; font-size: 0.9em; }\n"
          "</style>\n</head>\n<body>\n<h1>"
        + escapeHtml(format.title) + "</h1>\n<p>" + escapeHtml(summaryText(report)) + "</p>\n";
    for (const Table &table : tablesOf(report, format)) {
        out += "<section>\n<h2>" + escapeHtml(table.heading) + "</h2>\n<p class=\"note\">" + escapeHtml(table.note)
               + "</p>\n";
        if (table.rows.empty()) {
            out += "<p><em>" + escapeHtml(table.empty) + "</em></p>\n</section>\n";
            continue;
        }
        out += "<table>\n<thead><tr>";
        for (std::size_t c = 0; c < table.header.size(); ++c)
            out += std::string(table.numeric[c] ? "<th class=\"num\">" : "<th>") + escapeHtml(table.header[c])
                   + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto &row : table.rows) {
            out += "<tr>";
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string text = escapeHtml(row[c].text);
                out += std::string(table.numeric[c] ? "<td class=\"num\">" : "<td>")
                       + (row[c].strong ? "<strong>" + text + "</strong>" : text) + "</td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

void writeReport(const StudyReport &report, const std::string &directory, const ReportFormat &format)
{
    const std::filesystem::path dir = std::filesystem::u8path(directory);
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error)
        throw std::runtime_error("cannot create " + directory + ": " + error.message());
    writeFile(dir / "results.csv", resultsCsv(report));
    writeFile(dir / "medians.csv", medianTableCsv(report));
    writeFile(dir / "friedman.csv", friedmanTableCsv(report));
    writeFile(dir / "posthoc.csv", postHocTableCsv(report));
    writeFile(dir / "confusion.csv", confusionTableCsv(report));
    writeFile(dir / "report.md", reportMarkdown(report, format));
    writeFile(dir / "report.html", reportHtml(report, format));
}

} // namespace tastelab::train
