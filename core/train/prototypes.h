#pragma once

// A steerable taste profile in the trained CLEP space (docs/profile.md): prototypes are medoids of
// the liked and of the disliked tracks (real tracks, each with its nearest neighbours), the
// profile scores a track by its weighted similarity to them, and sliders on the prototypes
// re-rank the classifier's list. Plain C++17, no Qt, no LibTorch.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tastelab::train {

/// k medoids of a set of points under the Euclidean distance.
struct Medoids {
    std::vector<int> medoids;    ///< indices into the points (members of the set), one per cluster
    std::vector<int> assignment; ///< per member (in the order given): its cluster (index into medoids)
    double cost = 0;             ///< sum over the members of the distance to their medoid
};

/// k-medoids over `members` (indices of rows of `points`, row-major, `dim` wide): a seeded
/// k-medoids++ start (the first medoid drawn uniformly, each next one with probability
/// proportional to the squared distance to the nearest medoid so far), then PAM's swap phase
/// (the best swap of a medoid with a non-medoid while it lowers the cost) until no swap helps or
/// maxIterations swaps were made. k is limited to the number of members. Ties are broken by the
/// lower index, so the result depends on the seed only through the start.
Medoids kMedoids(const float *points, std::size_t dim, const std::vector<int> &members, int k, std::uint64_t seed,
                 int maxIterations = 200);

struct PrototypeSettings {
    int liked = 4;      ///< medoids of the liked tracks
    int disliked = 4;   ///< medoids of the disliked tracks
    bool perGenre = false; ///< instead: one medoid per genre and answer (groups), the largest first
    int minTotal = 6;   ///< more medoids per side (up to the tracks there are) to reach this
    int maxTotal = 12;
    int neighbours = 3; ///< nearest other tracks listed per prototype
    std::uint64_t seed = 1;
};

struct Prototype {
    int point = -1;              ///< the medoid: index of a real track (row of the points)
    int sign = 1;                ///< +1 a liked medoid, -1 a disliked one
    int group = -1;              ///< its genre with perGenre, else -1
    std::vector<int> members;    ///< the tracks of its cluster (the medoid included)
    std::vector<int> neighbours; ///< the nearest other tracks of all points, nearest first
    double cost = 0;             ///< sum of the members' distances to the medoid
};

/// Prototypes of one person's taste. points: one row per track (n x dim, row-major), e.g. the
/// CLEP embedding; labels: 1 liked, 0 disliked, anything else unrated (unrated tracks are never
/// medoids but can be neighbours); groups: a genre index per track (used with perGenre; may be
/// empty otherwise). Liked prototypes first, then disliked ones; within a side by cluster size,
/// largest first.
std::vector<Prototype> findPrototypes(const float *points, std::size_t count, std::size_t dim,
                                      const std::vector<int> &labels, const std::vector<int> &groups,
                                      const PrototypeSettings &settings);

/// The profile's view of every track: similarity to each prototype,
/// sim(x, p_k) = exp(-|x - p_k|² / (2 h_k²)), with a width per prototype h_k = scale · r_k, r_k its
/// reach: the larger of its members' mean distance to it and the distance to its farthest listed
/// neighbour (the median over the prototypes where that is 0), so a slider acts on the prototype's
/// cluster and neighbours whatever the density of the space.
struct ProfileSpace {
    std::size_t points = 0;
    std::size_t prototypes = 0;
    double scale = 1;                ///< h_k / r_k
    std::vector<double> bandwidths;  ///< h_k
    std::vector<float> similarity;   ///< points x prototypes, row-major
    std::vector<int> signs;          ///< per prototype, +1 / -1: the default slider values
};

/// Similarities of every point to every prototype (the prototypes as findPrototypes gives them).
ProfileSpace profileSpace(const float *points, std::size_t count, std::size_t dim,
                          const std::vector<Prototype> &prototypes, double scale = 1.0);

/// The profile's score of every point: s(x) = Σ_k w_k · sim(x, p_k) / Σ_k |w_k| (0 when all w are 0).
std::vector<double> profileScores(const ProfileSpace &space, const std::vector<double> &weights);

/// How well a profile agrees with the classifier over the same points.
struct Fidelity {
    double spearman = 0;  ///< rank correlation of the profile's scores and the classifier's probabilities
    double agreement = 0; ///< share of points where profile score > 0 and probability >= 0.5 agree
    int points = 0;
};
Fidelity profileFidelity(const std::vector<double> &profile, const std::vector<double> &probability);

/// Spearman's rank correlation (average ranks for ties); 0 when either side is constant.
double spearman(const std::vector<double> &a, const std::vector<double> &b);

/// The profile space whose scale makes the default profile (weights = signs) agree best with the
/// classifier (highest Spearman over the points), among `candidates` (default 0.5 .. 4: narrower
/// kernels would leave the sliders without effect on the neighbours). *fidelity gets its fidelity.
ProfileSpace fittedProfileSpace(const float *points, std::size_t count, std::size_t dim,
                                const std::vector<Prototype> &prototypes, const std::vector<double> &probability,
                                Fidelity *fidelity = nullptr, std::vector<double> candidates = {});

/// Slider-adjusted scores: probability(x) + strength · Σ_k (slider_k − sign_k) · sim(x, p_k), slider
/// in [−1 avoid, +1 favour] per prototype. With every slider at its sign (the default) this is the
/// probability itself, so the ranking is the classifier's; moving a slider up raises the tracks near
/// that prototype, down lowers them.
std::vector<double> steeredScores(const ProfileSpace &space, const std::vector<double> &probability,
                                  const std::vector<double> &sliders, double strength = 0.5);
/// The same into out (resized once), for live slider moves without allocation.
void steeredScores(const ProfileSpace &space, const std::vector<double> &probability,
                   const std::vector<double> &sliders, double strength, std::vector<double> &out);

/// Indices of the scores, highest first (equal scores: lower index first).
std::vector<int> rankingOrder(const std::vector<double> &scores);

} // namespace tastelab::train
