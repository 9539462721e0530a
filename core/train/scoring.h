#pragma once

// Scoring helpers for the results views: the ROC curve of a model's test predictions and the
// per-track averaging of excerpt predictions behind the recommendation list. Plain C++17, no Qt.

#include <cstdint>
#include <vector>

namespace tastelab::train {

/// One point of an ROC curve: predicting "like" for probability >= threshold.
struct RocPoint {
    double fpr = 0;
    double tpr = 0;
    double threshold = 0; ///< +inf for the first point (0, 0)
};
/// The ROC curve (as sklearn.metrics.roc_curve with drop_intermediate=False): from (0, 0) to
/// (1, 1), one point per distinct probability, in decreasing threshold order. truth holds 1 = like,
/// 0 = dislike. Empty when either class is missing.
std::vector<RocPoint> rocCurve(const std::vector<int> &truth, const std::vector<float> &probability);

/// A track's score: the mean like-probability over its scored excerpts.
struct TrackScore {
    std::int64_t track = 0;
    double probability = 0;
    int excerpts = 0;
};
/// Averages row probabilities per track (trackOfRow[i] is the track of probability[i]) and
/// returns the tracks sorted by probability, highest first (ties: lower track id first).
std::vector<TrackScore> averageByTrack(const std::vector<std::int64_t> &trackOfRow,
                                       const std::vector<float> &probability);

} // namespace tastelab::train
