#include "train/scoring.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace tastelab::train {

std::vector<RocPoint> rocCurve(const std::vector<int> &truth, const std::vector<float> &probability)
{
    if (truth.size() != probability.size())
        throw std::invalid_argument("rocCurve: " + std::to_string(truth.size()) + " labels but "
                                    + std::to_string(probability.size()) + " probabilities");
    for (float p : probability)
        if (std::isnan(p))
            throw std::invalid_argument("rocCurve: a probability is NaN");
    const std::size_t n = truth.size();
    std::size_t positives = 0;
    for (int t : truth)
        positives += t != 0;
    if (positives == 0 || positives == n)
        return {};

    // As sklearn: a stable sort by decreasing score, one point at the last row of each run of equal
    // scores, counting true and false positives at or above that score.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return probability[a] > probability[b]; });
    std::vector<RocPoint> curve;
    curve.push_back({0.0, 0.0, std::numeric_limits<double>::infinity()});
    std::size_t tp = 0;
    std::vector<std::pair<std::size_t, std::size_t>> counts; // (tp, fp) per point
    for (std::size_t i = 0; i < n; ++i) {
        tp += truth[order[i]] != 0;
        const bool lastOfRun = i + 1 == n || probability[order[i + 1]] != probability[order[i]];
        if (!lastOfRun)
            continue;
        const std::size_t fp = i + 1 - tp;
        counts.emplace_back(tp, fp);
        curve.push_back({0.0, 0.0, double(probability[order[i]])});
    }
    const double negatives = double(n - positives);
    for (std::size_t k = 0; k < counts.size(); ++k) {
        curve[k + 1].tpr = double(counts[k].first) / double(positives);
        curve[k + 1].fpr = double(counts[k].second) / negatives;
    }
    return curve;
}

std::vector<TrackScore> averageByTrack(const std::vector<std::int64_t> &trackOfRow,
                                       const std::vector<float> &probability)
{
    if (trackOfRow.size() != probability.size())
        throw std::invalid_argument("averageByTrack: " + std::to_string(trackOfRow.size()) + " rows but "
                                    + std::to_string(probability.size()) + " probabilities");
    std::vector<TrackScore> tracks;
    std::vector<double> sums;
    std::unordered_map<std::int64_t, std::size_t> index;
    index.reserve(trackOfRow.size());
    for (std::size_t i = 0; i < trackOfRow.size(); ++i) {
        const auto [it, added] = index.emplace(trackOfRow[i], tracks.size());
        if (added) {
            tracks.push_back({trackOfRow[i], 0.0, 0});
            sums.push_back(0.0);
        }
        sums[it->second] += double(probability[i]);
        tracks[it->second].excerpts += 1;
    }
    for (std::size_t k = 0; k < tracks.size(); ++k)
        tracks[k].probability = sums[k] / double(tracks[k].excerpts);
    // NaN (a model that could not score) sorts last, so the order stays a strict weak ordering.
    const auto key = [](double p) { return std::isnan(p) ? -std::numeric_limits<double>::infinity() : p; };
    std::sort(tracks.begin(), tracks.end(), [&key](const TrackScore &a, const TrackScore &b) {
        if (key(a.probability) != key(b.probability))
            return key(a.probability) > key(b.probability);
        return a.track < b.track;
    });
    return tracks;
}

} // namespace tastelab::train
