// The taste profile's core (core/train/prototypes.h, docs/profile.md) and CLEP's steering examples
// (core/train/clep.h): medoids on planted clusters against brute force, neighbours, the per-genre
// option, the default profile's fidelity, slider re-ranking, the steered loss's gradient, and on a
// planted study "more like this" / "less like this" moving the target's like probability.

#include "survey/rng.h"
#include "train/clep.h"
#include "train/clepcheck.h"
#include "train/prototypes.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace tastelab;
using namespace tastelab::train;

namespace {

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

/// `clusters` Gaussian clusters (sd 1) around centres 8 apart on the axes, `per` points each,
/// dealt cluster by cluster. cluster[i] says which.
struct Planted {
    std::vector<float> points;
    std::vector<int> cluster;
    std::size_t dim = 0;
    std::size_t count() const { return cluster.size(); }
};

Planted planted(int clusters, int per, std::size_t dim, std::uint64_t seed)
{
    Rng rng(seed);
    Planted p;
    p.dim = dim;
    for (int c = 0; c < clusters; ++c)
        for (int i = 0; i < per; ++i) {
            for (std::size_t k = 0; k < dim; ++k)
                p.points.push_back(float((k == std::size_t(c) % dim ? 8.0 * (1 + c / int(dim)) : 0.0) + normal(rng)));
            p.cluster.push_back(c);
        }
    return p;
}

double dist(const Planted &p, int a, int b)
{
    double s = 0;
    for (std::size_t k = 0; k < p.dim; ++k) {
        const double d = double(p.points[std::size_t(a) * p.dim + k]) - double(p.points[std::size_t(b) * p.dim + k]);
        s += d * d;
    }
    return std::sqrt(s);
}

double costOf(const Planted &p, const std::vector<int> &members, const std::vector<int> &medoids)
{
    double cost = 0;
    for (int i : members) {
        double best = std::numeric_limits<double>::infinity();
        for (int m : medoids)
            best = std::min(best, dist(p, i, m));
        cost += best;
    }
    return cost;
}

/// A planted study (as tst_clep's): 5 genre clusters x a "tempo" on features 0-3; like =
/// kTaste[genre][fast]. Unit noise on every feature.
Dataset plantedStudy(std::uint64_t seed, int clips, int dim)
{
    Rng rng(seed);
    constexpr int kGenres = 5;
    constexpr int kTaste[kGenres][2] = {{1, 1}, {0, 1}, {1, 0}, {0, 0}, {0, 1}};
    std::vector<std::vector<double>> centre(kGenres, std::vector<double>(std::size_t(dim)));
    for (auto &c : centre)
        for (double &v : c)
            v = 1.5 * normal(rng);
    Dataset data;
    for (int i = 0; i < clips; ++i) {
        const int g = i % kGenres;
        const int fast = int(rng.below(2));
        std::vector<float> x(static_cast<std::size_t>(dim));
        for (int k = 0; k < dim; ++k)
            x[std::size_t(k)] = float(centre[std::size_t(g)][std::size_t(k)] + (k < 4 ? (fast ? 2.0 : -2.0) : 0.0)
                                      + normal(rng));
        data.features.push_back(std::move(x));
        data.labels.push_back(kTaste[g][fast]);
    }
    return data;
}

ClepSettings smallSettings()
{
    ClepSettings s;
    s.embedderHidden = 64;
    s.embeddingSize = 16;
    s.embedderEpochs = 15;
    s.classifierEpochs = 20;
    return s;
}

} // namespace

class TestPrototypes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void medoidsAreMembersAndOptimalOnPlantedClusters()
    {
        const Planted p = planted(3, 9, 4, 7);
        std::vector<int> members(p.count());
        std::iota(members.begin(), members.end(), 0);
        // Brute force over every 3-subset.
        double best = std::numeric_limits<double>::infinity();
        const int n = int(p.count());
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                for (int c = b + 1; c < n; ++c)
                    best = std::min(best, costOf(p, members, {a, b, c}));
        for (std::uint64_t seed : {1ull, 2ull, 3ull}) {
            const Medoids m = kMedoids(p.points.data(), p.dim, members, 3, seed);
            QCOMPARE(int(m.medoids.size()), 3);
            QVERIFY(std::abs(m.cost - best) < 1e-9 * best);
            QVERIFY(std::abs(costOf(p, members, m.medoids) - m.cost) < 1e-9 * best);
            // One medoid per planted cluster, each a member.
            std::vector<int> seen;
            for (int med : m.medoids) {
                QVERIFY(std::find(members.begin(), members.end(), med) != members.end());
                seen.push_back(p.cluster[std::size_t(med)]);
            }
            std::sort(seen.begin(), seen.end());
            QCOMPARE(seen, (std::vector<int>{0, 1, 2}));
            // Every member is assigned to its nearest medoid.
            for (std::size_t i = 0; i < members.size(); ++i)
                for (int other : m.medoids)
                    QVERIFY(dist(p, members[i], m.medoids[std::size_t(m.assignment[i])]) <= dist(p, members[i], other) + 1e-12);
        }
        // A subset: only members are medoids.
        const std::vector<int> subset{1, 3, 5, 10, 12, 20, 22, 24};
        const Medoids m = kMedoids(p.points.data(), p.dim, subset, 2, 1);
        for (int med : m.medoids)
            QVERIFY(std::find(subset.begin(), subset.end(), med) != subset.end());
        QCOMPARE(int(kMedoids(p.points.data(), p.dim, {4, 6}, 5, 1).medoids.size()), 2);
    }

    void prototypesOfLikedAndDislikedWithNeighbours()
    {
        // Clusters 0, 1 liked, 2, 3 disliked, 4 unrated.
        const Planted p = planted(5, 8, 6, 11);
        std::vector<int> labels;
        for (int c : p.cluster)
            labels.push_back(c < 2 ? 1 : c < 4 ? 0 : -1);
        PrototypeSettings s;
        s.liked = 2;
        s.disliked = 2;
        s.minTotal = 0;
        const std::vector<Prototype> protos = findPrototypes(p.points.data(), p.count(), p.dim, labels, {}, s);
        QCOMPARE(int(protos.size()), 4);
        QCOMPARE(protos[0].sign, 1);
        QCOMPARE(protos[1].sign, 1);
        QCOMPARE(protos[2].sign, -1);
        QCOMPARE(protos[3].sign, -1);
        std::vector<int> clusters;
        for (const Prototype &pr : protos) {
            QCOMPARE(labels[std::size_t(pr.point)], pr.sign > 0 ? 1 : 0);
            clusters.push_back(p.cluster[std::size_t(pr.point)]);
            QCOMPARE(int(pr.members.size()), 8);
            // Neighbours: the 3 nearest other points of all, nearest first.
            std::vector<std::pair<double, int>> all;
            for (int i = 0; i < int(p.count()); ++i)
                if (i != pr.point)
                    all.emplace_back(dist(p, pr.point, i), i);
            std::sort(all.begin(), all.end());
            QCOMPARE(int(pr.neighbours.size()), 3);
            for (int j = 0; j < 3; ++j)
                QCOMPARE(pr.neighbours[std::size_t(j)], all[std::size_t(j)].second);
        }
        std::sort(clusters.begin(), clusters.end());
        QCOMPARE(clusters, (std::vector<int>{0, 1, 2, 3}));

        // Adjusted to the data: 3 liked tracks only -> all 3, then disliked medoids up to 6 in all.
        std::vector<int> few(labels.size(), -1);
        few[0] = few[1] = few[2] = 1;
        for (int i = 16; i < 32; ++i)
            few[std::size_t(i)] = 0;
        const std::vector<Prototype> adjusted = findPrototypes(p.points.data(), p.count(), p.dim, few, {}, PrototypeSettings{});
        QCOMPARE(int(adjusted.size()), 7); // 4 asked for on each side, only 3 liked tracks
        QCOMPARE(int(std::count_if(adjusted.begin(), adjusted.end(), [](const Prototype &x) { return x.sign > 0; })), 3);
        PrototypeSettings twelve;
        twelve.liked = 10;
        twelve.disliked = 10;
        QCOMPARE(int(findPrototypes(p.points.data(), p.count(), p.dim, labels, {}, twelve).size()), 12);
    }

    void perGenreGivesOneMedoidPerGenreAndAnswer()
    {
        const Planted p = planted(4, 6, 4, 5);
        // Genres: the planted clusters; answers alternate within each.
        std::vector<int> labels, genres;
        for (std::size_t i = 0; i < p.count(); ++i) {
            labels.push_back(int(i % 2));
            genres.push_back(p.cluster[i]);
        }
        PrototypeSettings s;
        s.perGenre = true;
        const std::vector<Prototype> protos = findPrototypes(p.points.data(), p.count(), p.dim, labels, genres, s);
        QCOMPARE(int(protos.size()), 8);
        std::vector<std::pair<int, int>> keys;
        for (const Prototype &pr : protos) {
            QCOMPARE(genres[std::size_t(pr.point)], pr.group);
            QCOMPARE(labels[std::size_t(pr.point)], pr.sign > 0 ? 1 : 0);
            keys.emplace_back(pr.group, pr.sign);
            // The medoid of its group: no member has a lower sum of distances.
            for (int cand : pr.members) {
                double sum = 0;
                for (int m : pr.members)
                    sum += dist(p, cand, m);
                QVERIFY(pr.cost <= sum + 1e-9);
            }
        }
        std::sort(keys.begin(), keys.end());
        QVERIFY(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
        s.maxTotal = 5;
        QCOMPARE(int(findPrototypes(p.points.data(), p.count(), p.dim, labels, genres, s).size()), 5);
    }

    void defaultProfileAgreesWithClassifierAndSlidersSteer()
    {
        // Liked clusters 0, 1; disliked 2, 3; unrated 4, 5 (half way between liked and disliked).
        const Planted p = planted(4, 12, 4, 3);
        std::vector<int> labels;
        for (int c : p.cluster)
            labels.push_back(c < 2 ? 1 : 0);
        const std::vector<Prototype> protos = findPrototypes(p.points.data(), p.count(), p.dim, labels, {}, PrototypeSettings{});
        QCOMPARE(int(protos.size()), 8);
        // A classifier that likes clusters 0 and 1, by a smooth function of the features.
        std::vector<double> prob;
        for (std::size_t i = 0; i < p.count(); ++i) {
            const float *x = p.points.data() + i * p.dim;
            prob.push_back(1.0 / (1.0 + std::exp(-(double(x[0]) + double(x[1]) - double(x[2]) - double(x[3])) / 2.0)));
        }
        Fidelity fidelity;
        const ProfileSpace space = fittedProfileSpace(p.points.data(), p.count(), p.dim, protos, prob, &fidelity);
        QVERIFY2(fidelity.spearman > 0.7, qPrintable(QString::number(fidelity.spearman)));
        QVERIFY2(fidelity.agreement > 0.9, qPrintable(QString::number(fidelity.agreement)));
        QCOMPARE(fidelity.points, int(p.count()));
        // A profile with its signs reversed disagrees.
        std::vector<double> reversed;
        for (int s : space.signs)
            reversed.push_back(-s);
        QVERIFY(profileFidelity(profileScores(space, reversed), prob).spearman < -0.7);

        // Default sliders: the classifier's ranking, exactly.
        std::vector<double> sliders(space.signs.begin(), space.signs.end());
        QCOMPARE(rankingOrder(steeredScores(space, prob, sliders)), rankingOrder(prob));
        // Avoid the first liked prototype: its cluster's tracks fall, no other track rises.
        const Prototype &liked = protos[0];
        const std::vector<double> before = steeredScores(space, prob, sliders);
        sliders[0] = -1;
        const std::vector<double> avoided = steeredScores(space, prob, sliders);
        const auto rankOf = [](const std::vector<double> &scores, int point) {
            const std::vector<int> order = rankingOrder(scores);
            return int(std::find(order.begin(), order.end(), point) - order.begin());
        };
        QVERIFY(rankOf(avoided, liked.point) > rankOf(before, liked.point));
        for (std::size_t i = 0; i < p.count(); ++i)
            QVERIFY(avoided[i] <= before[i]);
        // Favour a disliked prototype: its tracks rise above where they were.
        sliders[0] = 1;
        const int dislikedIndex = 4;
        QCOMPARE(protos[std::size_t(dislikedIndex)].sign, -1);
        sliders[std::size_t(dislikedIndex)] = 1;
        const std::vector<double> favoured = steeredScores(space, prob, sliders);
        const int target = protos[std::size_t(dislikedIndex)].point;
        QVERIFY(rankOf(favoured, target) < rankOf(before, target));
        for (int member : protos[std::size_t(dislikedIndex)].members)
            QVERIFY(favoured[std::size_t(member)] > before[std::size_t(member)]);
    }

    void steeredLossGradient_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("pn") << int(Variant::PN);
        QTest::newRow("p") << int(Variant::P);
        QTest::newRow("n") << int(Variant::N);
    }
    void steeredLossGradient()
    {
        QFETCH(int, variant);
        const detail::SteeringGradientCheck c = detail::checkSteeringGradient(Variant(variant), 9, 3, 42);
        QVERIFY(c.scale > 0);
        QVERIFY2(c.error < 2e-3 * std::max(1.0, c.scale), qPrintable(QString::number(c.error)));
        // The anchors add to the loss.
        QVERIFY(c.loss > c.plainLoss);
    }

    void steeringEntersTraining()
    {
        const Dataset data = plantedStudy(21, 120, 16);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 1);
        const ClepSettings s = smallSettings();
        const std::string plain = Model::trainClep(data, split, Variant::PN, s).serialize();
        Dataset zero = data;
        zero.steering.push_back({data.features[3], 1, 0.0});
        QCOMPARE(Model::trainClep(zero, split, Variant::PN, s).serialize(), plain); // weight 0: nothing
        Dataset steered = data;
        steered.steering.push_back({data.features[3], 1, 1.0});
        QVERIFY(Model::trainClep(steered, split, Variant::PN, s).serialize() != plain);
        // Baselines ignore steering.
        QCOMPARE(Model::trainBaseline(Model::Kind::LogisticRegression, steered, split, s).serialize(),
                 Model::trainBaseline(Model::Kind::LogisticRegression, data, split, s).serialize());
        // A wrong width is refused with a clear message.
        Dataset bad = data;
        bad.steering.push_back({std::vector<float>(3, 0.0f), 1, 1.0});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Model::trainClep(bad, split, Variant::PN, s));
    }

    void moreRaisesAndLessLowersTheTarget()
    {
        // On a planted study: "more like this" on disliked tracks raises their like probability,
        // "less like this" on liked ones lowers it (same split and seed, with and without).
        const Dataset data = plantedStudy(5, 160, 16);
        const Split split = stratifiedSplit(data.labels, 0.25, 0.2, 1);
        const ClepSettings s = smallSettings();
        const Model base = Model::trainClep(data, split, Variant::PN, s);
        int moved = 0, tried = 0;
        double total = 0;
        for (int target : {0, 1, 2, 3, 4, 5, 6, 7}) {
            const int direction = data.labels[std::size_t(target)] == 1 ? -1 : 1;
            Dataset steered = data;
            steered.steering.push_back({data.features[std::size_t(target)], direction, 2.0});
            const Model after = Model::trainClep(steered, split, Variant::PN, s);
            const double delta = double(after.predict({data.features[std::size_t(target)]})[0])
                - double(base.predict({data.features[std::size_t(target)]})[0]);
            ++tried;
            total += direction * delta;
            moved += direction * delta > 0 ? 1 : 0;
        }
        qInfo("steering on a planted study: %d of %d targets moved as asked, mean %+.3f", moved, tried, total / tried);
        QVERIFY2(moved >= 6, qPrintable(QStringLiteral("%1 of %2 moved as asked").arg(moved).arg(tried)));
        QVERIFY(total / tried > 0.1);
    }
};

QTEST_GUILESS_MAIN(TestPrototypes)
#include "tst_prototypes.moc"
