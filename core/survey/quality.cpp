#include "survey/quality.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace tastelab::survey {

namespace {

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace

double cohensKappa(const std::vector<std::pair<int, int>> &pairs, int minValue, int maxValue, KappaWeights weights)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const int k = maxValue - minValue + 1;
    if (k < 2)
        return nan;
    std::vector<double> observed(size_t(k) * size_t(k), 0.0);
    std::vector<double> rows(size_t(k), 0.0), cols(size_t(k), 0.0);
    double n = 0;
    for (const auto &[a, b] : pairs) {
        if (a < minValue || a > maxValue || b < minValue || b > maxValue)
            continue;
        const int i = a - minValue, j = b - minValue;
        observed[size_t(i) * size_t(k) + size_t(j)] += 1;
        rows[size_t(i)] += 1;
        cols[size_t(j)] += 1;
        n += 1;
    }
    if (n == 0)
        return nan;
    auto weight = [&](int i, int j) {
        if (i == j)
            return 0.0;
        const double d = std::abs(i - j) / double(k - 1);
        switch (weights) {
        case KappaWeights::None:
            return 1.0;
        case KappaWeights::Linear:
            return d;
        case KappaWeights::Quadratic:
            return d * d;
        }
        return 1.0;
    };
    // kappa = 1 - sum(w * observed) / sum(w * expected), with expected from the marginals. For
    // w = 1 - identity this is (p_o - p_e) / (1 - p_e), Cohen's original form.
    double observedDisagreement = 0, expectedDisagreement = 0;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const double w = weight(i, j);
            observedDisagreement += w * observed[size_t(i) * size_t(k) + size_t(j)] / n;
            expectedDisagreement += w * (rows[size_t(i)] / n) * (cols[size_t(j)] / n);
        }
    if (expectedDisagreement <= 0)
        return nan;
    return 1.0 - observedDisagreement / expectedDisagreement;
}

int longestRun(const std::vector<int> &values)
{
    int best = 0, run = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        run = (i > 0 && values[i] == values[i - 1]) ? run + 1 : 1;
        best = std::max(best, run);
    }
    return best;
}

std::vector<bool> straightLineFlags(const std::vector<int> &values, int minRun)
{
    std::vector<bool> flags(values.size(), false);
    if (minRun <= 1)
        return flags;
    size_t start = 0;
    for (size_t i = 1; i <= values.size(); ++i) {
        if (i == values.size() || values[i] != values[start]) {
            if (int(i - start) >= minRun)
                for (size_t j = start; j < i; ++j)
                    flags[j] = true;
            start = i;
        }
    }
    return flags;
}

KappaWeights defaultWeights(int minValue, int maxValue)
{
    return maxValue - minValue + 1 <= 2 ? KappaWeights::None : KappaWeights::Quadratic;
}

ParticipantQuality assessParticipant(const std::vector<QualityAnswer> &answers, const QualityRules &rules,
                                     int minValue, int maxValue, KappaWeights weights)
{
    ParticipantQuality q;
    q.answers = int(answers.size());
    q.perAnswer.resize(answers.size());
    q.kappaKind = weights == KappaWeights::None ? "cohen"
        : weights == KappaWeights::Linear       ? "linear-weighted"
                                                : "quadratic-weighted";

    std::vector<int> values;
    std::map<int, int> valueAt; // position -> value
    for (const QualityAnswer &a : answers) {
        values.push_back(a.value);
        valueAt[a.position] = a.value;
    }

    std::vector<std::pair<int, int>> pairs;
    int same = 0;
    const std::vector<bool> straight = straightLineFlags(values, rules.straightLineRun);
    for (size_t i = 0; i < answers.size(); ++i) {
        const QualityAnswer &a = answers[i];
        AnswerQuality &aq = q.perAnswer[i];
        aq.fast = rules.fastAnswerSeconds > 0 && a.responseMs < std::llround(rules.fastAnswerSeconds * 1000.0);
        aq.straightLine = straight[i];
        if (a.isCatch) {
            aq.catchCorrect = a.value == a.catchExpected ? 1 : 0;
            ++q.catchTotal;
            q.catchCorrect += aq.catchCorrect;
        }
        if (a.repeatOf >= 0) {
            const auto first = valueAt.find(a.repeatOf);
            if (first != valueAt.end()) {
                pairs.emplace_back(first->second, a.value);
                aq.repeatAgree = first->second == a.value ? 1 : 0;
                same += aq.repeatAgree;
            }
        }
        q.fastAnswers += aq.fast ? 1 : 0;
        q.focusLosses += a.focusLosses > 0 ? 1 : 0;
        q.integrityFlagged += a.integrityFlag ? 1 : 0;
    }
    q.catchAccuracy = q.catchTotal > 0 ? double(q.catchCorrect) / q.catchTotal : -1.0;
    q.repeatPairs = int(pairs.size());
    q.agreement = pairs.empty() ? -1.0 : double(same) / double(pairs.size());
    q.kappa = cohensKappa(pairs, minValue, maxValue, weights);
    q.longestRun = longestRun(values);
    q.straightLining = rules.straightLineRun > 1 && q.longestRun >= rules.straightLineRun;

    // Explicit exclusion rules, each named in the report with the values that triggered it.
    if (rules.minKappa > -1.5 && !std::isnan(q.kappa) && q.kappa < rules.minKappa)
        q.exclusionReasons.push_back("min_kappa: " + fixed(q.kappa, 2) + " < " + fixed(rules.minKappa, 2));
    const int failedCatches = q.catchTotal - q.catchCorrect;
    if (rules.maxFailedCatches >= 0 && failedCatches > rules.maxFailedCatches)
        q.exclusionReasons.push_back("max_failed_catches: " + std::to_string(failedCatches) + " > "
                                     + std::to_string(rules.maxFailedCatches));
    q.fastShare = q.answers > 0 ? double(q.fastAnswers) / q.answers : 0.0;
    if (rules.maxFastShare >= 0 && q.answers > 0 && q.fastShare > rules.maxFastShare)
        q.exclusionReasons.push_back("max_fast_share: " + fixed(q.fastShare, 2) + " > " + fixed(rules.maxFastShare, 2));
    q.excluded = !q.exclusionReasons.empty();
    return q;
}

} // namespace tastelab::survey
