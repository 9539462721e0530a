// The active rating order: random warm-up, then the clip the judge (a bootstrap committee of
// logistic regressions) is least sure about, kept apart from the answered ones, with a share of
// random ones; never a clip twice, retraining every few answers, the certainty figure.

#include "train/activeorder.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace tastelab::train;

namespace {

/// n points in 2-d, x and y spread evenly over [-1, 1] (a fixed scramble, no RNG needed).
std::vector<std::vector<float>> plane(int n)
{
    std::vector<std::vector<float>> e;
    for (int i = 0; i < n; ++i)
        e.push_back({float(std::fmod(i * 0.6180339887, 1.0) * 2 - 1), float(std::fmod(i * 0.7548776662, 1.0) * 2 - 1)});
    return e;
}

/// The listener of the tests: likes x > 0.3.
bool likes(const std::vector<float> &e) { return e[0] > 0.3f; }

/// Answers `count` picks of the order with the rule, retraining whenever due.
std::vector<int> rate(ActiveOrder &order, const std::vector<std::vector<float>> &e, int count)
{
    std::vector<int> picks;
    for (int i = 0; i < count; ++i) {
        const int c = order.next();
        if (c < 0)
            break;
        picks.push_back(c);
        order.answer(c, likes(e[std::size_t(c)]));
        if (order.retrainDue())
            order.retrain();
    }
    return picks;
}

} // namespace

class TestActiveOrder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void skippedCandidatesAreLeftOut()
    {
        ActiveOrder order(5);
        order.skip(2);
        order.skip(2); // once only
        QCOMPARE(order.skipped(), 1);
        int offered = 0;
        for (int c = order.next(); c >= 0; c = order.next()) {
            QVERIFY(c != 2);
            order.answer(c, c % 2 == 0);
            ++offered;
        }
        QCOMPARE(offered, 4);
        QCOMPARE(order.answered(), 4);
        QVERIFY(!order.isAnswered(2));
        order.answer(2, false); // a skipped clip can still be answered
        QCOMPARE(order.answered(), 5);
        QCOMPARE(order.skipped(), 0);
        QVERIFY(order.isAnswered(2));
    }
    void warmupIsRandomAndNothingRepeats()
    {
        const auto e = plane(60);
        ActiveOrder order(e, {});
        std::set<int> seen;
        for (int i = 0; i < 60; ++i) {
            const int c = order.next();
            QVERIFY(c >= 0 && c < 60);
            QVERIFY(seen.insert(c).second);
            if (i < 20)
                QVERIFY(order.lastWasRandom());
            else if (i == 20)
                QVERIFY(order.judge().valid()); // trained at the end of the warm-up
            order.answer(c, likes(e[std::size_t(c)]));
            if (order.retrainDue())
                order.retrain();
        }
        QCOMPARE(order.answered(), 60);
        QCOMPARE(order.next(), -1);
    }

    void judgeLearnsTheRule()
    {
        const auto e = plane(200);
        JudgeInput in;
        in.dim = 2;
        in.mean = {0, 0};
        in.scale = {1, 1};
        for (const auto &row : e) {
            in.rows.insert(in.rows.end(), row.begin(), row.end());
            in.labels.push_back(likes(row));
        }
        const ActiveJudge judge = trainJudge(in);
        QVERIFY(judge.valid());
        QCOMPARE(judge.members(), 10);
        const float liked[2] = {0.9f, 0.0f}, disliked[2] = {-0.5f, 0.0f};
        QVERIFY2(judge.probability(liked) > 0.9f, qPrintable(QString::number(judge.probability(liked))));
        QVERIFY(judge.probability(disliked) < 0.1f);
        QCOMPARE(judge.agreement(liked), 1.0f);
        // One class only: no judge.
        for (int &l : in.labels)
            l = 1;
        QVERIFY(!trainJudge(in).valid());
    }

    void prefersTheUncertainRegion()
    {
        const auto e = plane(1000);
        ActiveOrderSettings s;
        s.randomShare = 0;
        ActiveOrder order(e, s);
        const std::vector<int> picks = rate(order, e, 60);
        // After the 20 random ones, the picks lie near the boundary x = 0.3 (a random pick lands
        // within 0.2 of it one time in five).
        int near = 0;
        for (std::size_t i = 20; i < picks.size(); ++i) {
            QVERIFY(!order.lastWasRandom());
            near += std::abs(e[std::size_t(picks[i])][0] - 0.3f) < 0.2f;
        }
        QVERIFY2(near >= 32, qPrintable(QString::number(near)));
    }

    void spreadsThePicksBetweenRetrains()
    {
        // The 10 active picks after one judge: with diversity they spread along the boundary
        // (over y); without, they may sit next to each other.
        auto spread = [](double diversity) {
            const auto e = plane(1000);
            ActiveOrderSettings s;
            s.randomShare = 0;
            s.diversity = diversity;
            s.retrainEvery = 1000; // one judge for all picks after the warm-up
            ActiveOrder order(e, s);
            const std::vector<int> picks = rate(order, e, 30);
            double minGap = 10;
            for (std::size_t i = 20; i < picks.size(); ++i)
                for (std::size_t j = 20; j < i; ++j) {
                    const auto &a = e[std::size_t(picks[i])], &b = e[std::size_t(picks[j])];
                    minGap = std::min(minGap, double(std::hypot(a[0] - b[0], a[1] - b[1])));
                }
            return minGap;
        };
        const double with = spread(1.0), without = spread(0.0);
        QVERIFY2(with > 2 * without && with > 0.1, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
    }

    void randomShareIsKept()
    {
        const auto e = plane(2000);
        ActiveOrderSettings s;
        s.randomShare = 0.3;
        s.seed = 42;
        s.retrainEvery = 100;
        ActiveOrder order(e, s);
        rate(order, e, 20); // the warm-up, then a judge
        QVERIFY(order.judge().valid());
        int random = 0;
        for (int i = 0; i < 1000; ++i) {
            const int c = order.next();
            random += order.lastWasRandom();
            order.answer(c, likes(e[std::size_t(c)]));
        }
        QVERIFY2(random > 250 && random < 350, qPrintable(QString::number(random)));
    }

    void candidatesWithoutEmbeddingOnlyAtRandom()
    {
        auto e = plane(300);
        std::set<int> bare;
        for (int i = 0; i < 300; i += 3) {
            e[std::size_t(i)].clear();
            bare.insert(i);
        }
        auto rule = e;
        ActiveOrder order(e, {});
        int bareRandom = 0;
        for (int i = 0; i < 300; ++i) {
            const int c = order.next();
            QVERIFY(c >= 0);
            if (bare.count(c)) {
                QVERIFY(order.lastWasRandom());
                ++bareRandom;
            }
            order.answer(c, rule[std::size_t(c)].empty() ? (c % 2 == 0) : likes(rule[std::size_t(c)]));
            if (order.retrainDue())
                order.retrain();
        }
        QCOMPARE(bareRandom, 100); // all drawn in the end, each at random
        // An order without any embedding is the random order.
        ActiveOrder none(10, {});
        for (int i = 0; i < 10; ++i) {
            none.answer(none.next(), i % 2 == 0);
            QVERIFY(none.lastWasRandom());
            QVERIFY(!none.retrainDue() || none.answered() >= 20);
        }
        QCOMPARE(none.next(), -1);
    }

    void lateEmbeddingsJoinTheChoice()
    {
        // Half the library has embeddings at the start; the rest arrives while the listener rates.
        auto e = plane(400);
        std::vector<std::vector<float>> start(e.begin(), e.begin() + 200);
        start.resize(400);
        ActiveOrderSettings s;
        s.randomShare = 0;
        s.diversity = 0;
        ActiveOrder order(start, s);
        for (int i = 0; i < 20; ++i) { // the warm-up, answered from the embedded half only
            int c = order.next();
            while (c >= 200) { // one without an embedding: its rule answer anyway
                order.answer(c, likes(e[std::size_t(c)]));
                c = order.next();
            }
            order.answer(c, likes(e[std::size_t(c)]));
        }
        QVERIFY(order.retrainDue());
        order.retrain();
        // A few arrive (the cheap path), placed on the judge's boundary (found by bisection over x):
        // one of them must be chosen next.
        std::set<int> onBoundary;
        for (int c = 200; c < 210; ++c)
            if (!order.isAnswered(c)) {
                const float y = float(c - 205) / 5.0f;
                float lo = -3, hi = 3;
                for (int it = 0; it < 40; ++it) {
                    const float mid = (lo + hi) / 2, row[2] = {mid, y};
                    (order.judge().probability(row) < 0.5f ? lo : hi) = mid;
                }
                e[std::size_t(c)] = {(lo + hi) / 2, y};
                order.setEmbedding(c, e[std::size_t(c)]);
                onBoundary.insert(c);
            }
        QVERIFY(!onBoundary.empty());
        // With diversity 0 the pick is the least sure of every embedded candidate left, the
        // newcomers included.
        int expected = -1;
        float closest = 2;
        for (int k = 0; k < 210; ++k) {
            const float away = std::abs(order.judge().probability(e[std::size_t(k)].data()) - 0.5f);
            if (!order.isAnswered(k) && (k < 200 || onBoundary.count(k)) && away < closest) {
                closest = away;
                expected = k;
            }
        }
        const int c = order.next();
        QVERIFY(!order.lastWasRandom());
        QCOMPARE(c, expected);
        QVERIFY(onBoundary.count(c));
        order.answer(c, likes(e[std::size_t(c)]));
        // The rest arrives (the standardisation is recomputed): every later pick is still new and
        // chosen, never a candidate without embedding.
        for (int k = 210; k < 400; ++k)
            order.setEmbedding(k, e[std::size_t(k)]);
        std::set<int> seen;
        for (int i = 0; i < 30; ++i) {
            const int pick = order.next();
            QVERIFY(!order.lastWasRandom());
            QVERIFY(!order.isAnswered(pick) && seen.insert(pick).second);
            order.answer(pick, likes(e[std::size_t(pick)]));
            if (order.retrainDue())
                order.retrain();
        }
        QVERIFY(order.certainty() > 0);
    }

    void sameSeedSameOrder()
    {
        const auto e = plane(300);
        auto sequence = [&](std::uint64_t seed) {
            ActiveOrderSettings s;
            s.seed = seed;
            ActiveOrder order(e, s);
            return rate(order, e, 50);
        };
        QCOMPARE(sequence(3), sequence(3));
        QVERIFY(sequence(3) != sequence(4));
    }

    void retrainsEveryTenAnswersAfterTheWarmup()
    {
        const auto e = plane(100);
        ActiveOrder order(e, {});
        std::vector<int> retrainedAt;
        for (int i = 0; i < 60; ++i) {
            const int c = order.next();
            order.answer(c, likes(e[std::size_t(c)]));
            if (order.retrainDue()) {
                retrainedAt.push_back(order.answered());
                order.retrain();
            }
        }
        QCOMPARE(retrainedAt, (std::vector<int>{20, 30, 40, 50, 60}));
    }

    void judgeTrainedInTheBackground()
    {
        // The snapshot is taken, answers go on, then the judge arrives: retrainDue() counts from
        // the snapshot, and the judge is used from then on.
        const auto e = plane(200);
        ActiveOrderSettings s;
        s.randomShare = 0;
        ActiveOrder order(e, s);
        rate(order, e, 19);
        QVERIFY(!order.retrainDue());
        order.answer(order.next(), true);
        QVERIFY(order.retrainDue());
        const JudgeInput input = order.judgeInput();
        QVERIFY(!order.retrainDue());
        QCOMPARE(int(input.labels.size()), 20);
        QCOMPARE(input.answered, 20);
        for (int i = 0; i < 3; ++i) { // still no judge: random
            const int c = order.next();
            QVERIFY(order.lastWasRandom());
            order.answer(c, likes(e[std::size_t(c)]));
        }
        order.setJudge(trainJudge(input));
        QVERIFY(order.judge().valid());
        order.next();
        QVERIFY(!order.lastWasRandom());
        QVERIFY(order.certainty() > 0 && order.certainty() <= 1);
    }

    void certaintyGrowsWithTheAnswers()
    {
        const auto e = plane(1000);
        ActiveOrderSettings s;
        s.randomShare = 1; // random answers: the committee's agreement should still grow
        ActiveOrder order(e, s);
        QCOMPARE(order.certainty(), 0.0);
        rate(order, e, 20);
        const double early = order.certainty();
        rate(order, e, 280);
        const double late = order.certainty();
        QVERIFY2(late > early && late > 0.9, qPrintable(QStringLiteral("%1 -> %2").arg(early).arg(late)));
        // The free function for any model's probabilities.
        ActiveOrder four(4, {});
        QCOMPARE(certainty({0.5f, 0.5f, 0.5f, 0.5f}, four), 0.0);
        QCOMPARE(certainty({0.0f, 1.0f, 1.0f, 0.0f}, four), 1.0);
        four.answer(0, true);
        QVERIFY(std::abs(certainty({0.5f, 0.75f, 0.75f, 0.25f}, four) - 0.5) < 1e-6);
    }

    void rejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder(-1, {}));
        ActiveOrderSettings s;
        s.randomShare = 1.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder(3, s));
        s = {};
        s.retrainEvery = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder(3, s));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder({{1.0f, 2.0f}, {1.0f}}, {}));
        ActiveOrder order(plane(3), {});
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, order.answer(3, true));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, order.setEmbedding(0, {1.0f}));
        JudgeInput bad;
        bad.dim = 2;
        bad.rows = {1.0f};
        bad.labels = {1};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainJudge(bad));
    }
};

QTEST_GUILESS_MAIN(TestActiveOrder)
#include "tst_activeorder.moc"
