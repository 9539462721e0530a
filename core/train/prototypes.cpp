// Prototypes, the taste profile and slider re-ranking (docs/profile.md). Plain C++17.

#include "train/prototypes.h"

#include "survey/rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

namespace tastelab::train {

namespace {

double distance(const float *a, const float *b, std::size_t dim)
{
    double s = 0;
    for (std::size_t k = 0; k < dim; ++k) {
        const double diff = double(a[k]) - double(b[k]);
        s += diff * diff;
    }
    return std::sqrt(s);
}

/// Average ranks (1-based; ties share the mean of their ranks).
std::vector<double> averageRanks(const std::vector<double> &v)
{
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> rank(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        const double r = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t t = i; t <= j; ++t)
            rank[order[t]] = r;
        i = j + 1;
    }
    return rank;
}

/// Each prototype's reach r_k (see ProfileSpace).
std::vector<double> reaches(const float *points, std::size_t dim, const std::vector<Prototype> &prototypes)
{
    std::vector<double> r;
    for (const Prototype &p : prototypes) {
        const float *x = points + std::size_t(p.point) * dim;
        double mean = 0;
        for (int m : p.members)
            mean += distance(x, points + std::size_t(m) * dim, dim);
        mean = p.members.empty() ? 0.0 : mean / double(p.members.size());
        double farthest = 0;
        for (int n : p.neighbours)
            farthest = std::max(farthest, distance(x, points + std::size_t(n) * dim, dim));
        r.push_back(std::max(mean, farthest));
    }
    std::vector<double> positive;
    for (double v : r)
        if (v > 0)
            positive.push_back(v);
    double fallback = 1.0;
    if (!positive.empty()) {
        std::nth_element(positive.begin(), positive.begin() + std::ptrdiff_t(positive.size() / 2), positive.end());
        fallback = positive[positive.size() / 2];
    }
    for (double &v : r)
        if (!(v > 0))
            v = fallback;
    return r;
}

} // namespace

Medoids kMedoids(const float *points, std::size_t dim, const std::vector<int> &members, int k, std::uint64_t seed,
                 int maxIterations)
{
    Medoids out;
    const std::size_t n = members.size();
    k = std::min<int>(k, int(n));
    if (k <= 0)
        return out;
    // Pairwise distances among the members.
    std::vector<double> dist(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            dist[i * n + j] = dist[j * n + i] = distance(points + std::size_t(members[i]) * dim,
                                                         points + std::size_t(members[j]) * dim, dim);
    const auto d = [&](std::size_t i, std::size_t j) { return dist[i * n + j]; };

    // k-medoids++ start.
    Rng rng(seed);
    std::vector<std::size_t> med;
    med.push_back(std::size_t(rng.below(n)));
    std::vector<double> nearest(n);
    for (std::size_t i = 0; i < n; ++i)
        nearest[i] = d(i, med[0]);
    while (int(med.size()) < k) {
        double total = 0;
        for (std::size_t i = 0; i < n; ++i)
            total += nearest[i] * nearest[i];
        std::size_t pick = n;
        if (total > 0) {
            double r = rng.uniform() * total;
            for (std::size_t i = 0; i < n; ++i) {
                const double w = nearest[i] * nearest[i];
                if (w <= 0)
                    continue;
                pick = i;
                if (r < w)
                    break;
                r -= w;
            }
        } else {
            for (std::size_t i = 0; i < n && pick == n; ++i)
                if (std::find(med.begin(), med.end(), i) == med.end())
                    pick = i;
        }
        med.push_back(pick);
        for (std::size_t i = 0; i < n; ++i)
            nearest[i] = std::min(nearest[i], d(i, pick));
    }

    // PAM's swap phase: the best (medoid, non-medoid) swap while it lowers the cost.
    std::vector<double> d1(n), d2(n);
    std::vector<std::size_t> near1(n);
    const auto assign = [&] {
        double cost = 0;
        for (std::size_t i = 0; i < n; ++i) {
            d1[i] = d2[i] = std::numeric_limits<double>::infinity();
            near1[i] = 0;
            for (std::size_t c = 0; c < med.size(); ++c) {
                const double v = d(i, med[c]);
                if (v < d1[i]) {
                    d2[i] = d1[i];
                    d1[i] = v;
                    near1[i] = c;
                } else if (v < d2[i]) {
                    d2[i] = v;
                }
            }
            cost += d1[i];
        }
        return cost;
    };
    double cost = assign();
    std::vector<char> isMedoid(n, 0);
    for (std::size_t m : med)
        isMedoid[m] = 1;
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        double bestCost = cost;
        std::size_t bestC = 0, bestH = n;
        for (std::size_t c = 0; c < med.size(); ++c)
            for (std::size_t h = 0; h < n; ++h) {
                if (isMedoid[h])
                    continue;
                double next = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    const double without = near1[i] == c ? d2[i] : d1[i];
                    next += std::min(without, d(i, h));
                }
                if (next < bestCost - 1e-12 * std::max(1.0, bestCost)) {
                    bestCost = next;
                    bestC = c;
                    bestH = h;
                }
            }
        if (bestH == n)
            break;
        isMedoid[med[bestC]] = 0;
        isMedoid[bestH] = 1;
        med[bestC] = bestH;
        cost = assign();
    }
    out.cost = cost;
    for (std::size_t m : med)
        out.medoids.push_back(members[m]);
    out.assignment.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        out.assignment[i] = int(near1[i]);
    return out;
}

std::vector<Prototype> findPrototypes(const float *points, std::size_t count, std::size_t dim,
                                      const std::vector<int> &labels, const std::vector<int> &groups,
                                      const PrototypeSettings &settings)
{
    if (labels.size() != count)
        throw std::invalid_argument("findPrototypes: one label per point is needed");
    if (settings.perGenre && groups.size() != count)
        throw std::invalid_argument("findPrototypes: one genre per point is needed with perGenre");
    std::vector<int> liked, disliked;
    for (std::size_t i = 0; i < count; ++i) {
        if (labels[i] == 1)
            liked.push_back(int(i));
        else if (labels[i] == 0)
            disliked.push_back(int(i));
    }
    std::vector<Prototype> out;
    const auto addClusters = [&](const std::vector<int> &members, int k, int sign, int group, std::uint64_t seed) {
        const Medoids m = kMedoids(points, dim, members, k, seed);
        std::vector<Prototype> side(m.medoids.size());
        for (std::size_t c = 0; c < side.size(); ++c) {
            side[c].point = m.medoids[c];
            side[c].sign = sign;
            side[c].group = group;
        }
        for (std::size_t i = 0; i < members.size(); ++i) {
            Prototype &p = side[std::size_t(m.assignment[i])];
            p.members.push_back(members[i]);
            p.cost += distance(points + std::size_t(members[i]) * dim, points + std::size_t(p.point) * dim, dim);
        }
        std::stable_sort(side.begin(), side.end(),
                         [](const Prototype &a, const Prototype &b) { return a.members.size() > b.members.size(); });
        out.insert(out.end(), side.begin(), side.end());
    };

    if (settings.perGenre) {
        // One medoid per (genre, answer), the largest groups first, at most maxTotal.
        std::map<std::pair<int, int>, std::vector<int>> byGroup; // (sign, group) -> members
        for (int i : liked)
            byGroup[{1, groups[std::size_t(i)]}].push_back(i);
        for (int i : disliked)
            byGroup[{-1, groups[std::size_t(i)]}].push_back(i);
        std::vector<std::pair<std::pair<int, int>, std::vector<int>>> ordered(byGroup.begin(), byGroup.end());
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
            return a.second.size() > b.second.size();
        });
        if (int(ordered.size()) > settings.maxTotal)
            ordered.resize(std::size_t(std::max(settings.maxTotal, 0)));
        // Liked groups first, then disliked ones, each by size.
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto &a, const auto &b) { return a.first.first > b.first.first; });
        for (const auto &[key, members] : ordered)
            addClusters(members, 1, key.first, key.second, settings.seed);
    } else {
        int kL = std::min<int>(std::max(settings.liked, 0), int(liked.size()));
        int kD = std::min<int>(std::max(settings.disliked, 0), int(disliked.size()));
        // Reach minTotal where the data allow it, one more on the side with more tracks per medoid.
        while (kL + kD < settings.minTotal && (kL < int(liked.size()) || kD < int(disliked.size()))) {
            const double perL = kL < int(liked.size()) ? double(liked.size()) / double(kL + 1) : -1;
            const double perD = kD < int(disliked.size()) ? double(disliked.size()) / double(kD + 1) : -1;
            (perL >= perD ? kL : kD) += 1;
        }
        while (kL + kD > settings.maxTotal && (kL > 0 || kD > 0))
            (kL >= kD ? kL : kD) -= 1;
        addClusters(liked, kL, 1, -1, settings.seed);
        addClusters(disliked, kD, -1, -1, settings.seed + 1);
    }

    // Nearest other tracks of each prototype, over all points.
    for (Prototype &p : out) {
        std::vector<std::pair<double, int>> near;
        near.reserve(count);
        const float *x = points + std::size_t(p.point) * dim;
        for (std::size_t i = 0; i < count; ++i)
            if (int(i) != p.point)
                near.emplace_back(distance(x, points + i * dim, dim), int(i));
        const std::size_t k = std::min<std::size_t>(std::size_t(std::max(settings.neighbours, 0)), near.size());
        std::partial_sort(near.begin(), near.begin() + std::ptrdiff_t(k), near.end());
        for (std::size_t j = 0; j < k; ++j)
            p.neighbours.push_back(near[j].second);
    }
    return out;
}

ProfileSpace profileSpace(const float *points, std::size_t count, std::size_t dim,
                          const std::vector<Prototype> &prototypes, double scale)
{
    ProfileSpace s;
    s.points = count;
    s.prototypes = prototypes.size();
    s.scale = scale > 0 ? scale : 1.0;
    for (double r : reaches(points, dim, prototypes))
        s.bandwidths.push_back(s.scale * r);
    for (const Prototype &p : prototypes)
        s.signs.push_back(p.sign);
    s.similarity.resize(count * prototypes.size());
    std::vector<double> factor;
    for (double h : s.bandwidths)
        factor.push_back(1.0 / (2.0 * h * h));
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t k = 0; k < prototypes.size(); ++k) {
            const double dd = distance(points + i * dim, points + std::size_t(prototypes[k].point) * dim, dim);
            s.similarity[i * prototypes.size() + k] = float(std::exp(-dd * dd * factor[k]));
        }
    return s;
}

std::vector<double> profileScores(const ProfileSpace &space, const std::vector<double> &weights)
{
    if (weights.size() != space.prototypes)
        throw std::invalid_argument("profileScores: one weight per prototype is needed");
    double norm = 0;
    for (double w : weights)
        norm += std::abs(w);
    std::vector<double> out(space.points, 0.0);
    if (norm <= 0)
        return out;
    const std::size_t K = space.prototypes;
    for (std::size_t i = 0; i < space.points; ++i) {
        double s = 0;
        const float *row = space.similarity.data() + i * K;
        for (std::size_t k = 0; k < K; ++k)
            s += weights[k] * double(row[k]);
        out[i] = s / norm;
    }
    return out;
}

double spearman(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size() || a.size() < 2)
        return 0;
    const std::vector<double> ra = averageRanks(a), rb = averageRanks(b);
    const double n = double(a.size());
    const double mean = (n + 1) / 2;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (ra[i] - mean) * (rb[i] - mean);
        saa += (ra[i] - mean) * (ra[i] - mean);
        sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

Fidelity profileFidelity(const std::vector<double> &profile, const std::vector<double> &probability)
{
    if (profile.size() != probability.size())
        throw std::invalid_argument("profileFidelity: the two score lists differ in length");
    Fidelity f;
    f.points = int(profile.size());
    f.spearman = spearman(profile, probability);
    int agree = 0;
    for (std::size_t i = 0; i < profile.size(); ++i)
        agree += (profile[i] > 0) == (probability[i] >= 0.5) ? 1 : 0;
    f.agreement = profile.empty() ? 0.0 : double(agree) / double(profile.size());
    return f;
}

ProfileSpace fittedProfileSpace(const float *points, std::size_t count, std::size_t dim,
                                const std::vector<Prototype> &prototypes, const std::vector<double> &probability,
                                Fidelity *fidelity, std::vector<double> candidates)
{
    if (candidates.empty())
        candidates = {0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};
    ProfileSpace best;
    Fidelity bestFidelity;
    bool first = true;
    for (double c : candidates) {
        ProfileSpace s = profileSpace(points, count, dim, prototypes, c);
        std::vector<double> defaults(s.signs.begin(), s.signs.end());
        const Fidelity f = profileFidelity(profileScores(s, defaults), probability);
        if (first || f.spearman > bestFidelity.spearman) {
            best = std::move(s);
            bestFidelity = f;
            first = false;
        }
    }
    if (fidelity)
        *fidelity = bestFidelity;
    return best;
}

void steeredScores(const ProfileSpace &space, const std::vector<double> &probability,
                   const std::vector<double> &sliders, double strength, std::vector<double> &out)
{
    if (probability.size() != space.points || sliders.size() != space.prototypes)
        throw std::invalid_argument("steeredScores: one probability per point and one slider per prototype are needed");
    const std::size_t K = space.prototypes;
    double delta[64];
    std::vector<double> deltaHeap;
    double *dk = delta;
    if (K > 64) {
        deltaHeap.resize(K);
        dk = deltaHeap.data();
    }
    std::size_t active = 0;
    for (std::size_t k = 0; k < K; ++k) {
        dk[k] = strength * (std::clamp(sliders[k], -1.0, 1.0) - double(space.signs[k]));
        active += dk[k] != 0 ? 1 : 0;
    }
    out.resize(space.points);
    if (active == 0) {
        std::copy(probability.begin(), probability.end(), out.begin());
        return;
    }
    for (std::size_t i = 0; i < space.points; ++i) {
        const float *row = space.similarity.data() + i * K;
        double s = probability[i];
        for (std::size_t k = 0; k < K; ++k)
            s += dk[k] * double(row[k]);
        out[i] = s;
    }
}

std::vector<double> steeredScores(const ProfileSpace &space, const std::vector<double> &probability,
                                  const std::vector<double> &sliders, double strength)
{
    std::vector<double> out;
    steeredScores(space, probability, sliders, strength, out);
    return out;
}

std::vector<int> rankingOrder(const std::vector<double> &scores)
{
    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
    return order;
}

} // namespace tastelab::train
