// The active rating order: random warm-up, then the least sure clip with a share of random ones,
// never a clip twice, retraining every few answers, and the certainty measure.

#include "train/activeorder.h"

#include <QtTest>

#include <set>

using namespace tastelab::train;

class TestActiveOrder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void warmupIsRandomAndNeverRepeats()
    {
        ActiveOrder order(50, {});
        std::vector<float> p(50, 0.9f);
        p[7] = 0.5f; // the least sure clip, but the warm-up ignores the model
        std::set<int> seen;
        for (int i = 0; i < 20; ++i) {
            const int c = order.next(p);
            QVERIFY(order.lastWasRandom());
            QVERIFY(c >= 0 && c < 50);
            QVERIFY(seen.insert(c).second);
            order.markAnswered(c);
        }
        QCOMPARE(order.answered(), 20);
    }

    void picksTheLeastSureAfterTheWarmup()
    {
        ActiveOrderSettings s;
        s.warmup = 0;
        s.randomShare = 0;
        ActiveOrder order(5, s);
        const std::vector<float> p{0.9f, 0.55f, 0.1f, 0.48f, 0.7f};
        QCOMPARE(order.next(p), 3); // |0.48 - 0.5| is the smallest
        QVERIFY(!order.lastWasRandom());
        order.markAnswered(3);
        QCOMPARE(order.next(p), 1);
        order.markAnswered(1);
        QCOMPARE(order.next(p), 4);
        order.markAnswered(4);
        order.markAnswered(0);
        order.markAnswered(2);
        QCOMPARE(order.next(p), -1);
        // No model yet: random even after the warm-up.
        ActiveOrder fresh(5, s);
        fresh.next();
        QVERIFY(fresh.lastWasRandom());
    }

    void randomShareIsKept()
    {
        ActiveOrderSettings s;
        s.warmup = 0;
        s.randomShare = 0.3;
        s.seed = 42;
        ActiveOrder order(2000, s);
        std::vector<float> p(2000);
        for (std::size_t i = 0; i < p.size(); ++i)
            p[i] = float(i) / 2000.0f;
        int random = 0;
        for (int i = 0; i < 1000; ++i) {
            const int c = order.next(p);
            random += order.lastWasRandom();
            order.markAnswered(c);
        }
        QVERIFY2(random > 250 && random < 350, qPrintable(QString::number(random)));
    }

    void sameSeedSameOrder()
    {
        auto sequence = [](std::uint64_t seed) {
            ActiveOrderSettings s;
            s.seed = seed;
            ActiveOrder order(100, s);
            std::vector<int> out;
            for (int i = 0; i < 30; ++i) {
                out.push_back(order.next());
                order.markAnswered(out.back());
            }
            return out;
        };
        QCOMPARE(sequence(3), sequence(3));
        QVERIFY(sequence(3) != sequence(4));
    }

    void retrainsEveryTenAnswersAfterTheWarmup()
    {
        ActiveOrder order(100, {});
        std::vector<int> retrainedAt;
        for (int i = 0; i < 60; ++i) {
            order.markAnswered(order.next());
            if (order.retrainDue()) {
                retrainedAt.push_back(order.answered());
                order.retrained();
            }
        }
        QCOMPARE(retrainedAt, (std::vector<int>{20, 30, 40, 50, 60}));
    }

    void certaintyOfTheUnanswered()
    {
        ActiveOrder order(4, {});
        QCOMPARE(certainty({0.5f, 0.5f, 0.5f, 0.5f}, order), 0.0);
        QCOMPARE(certainty({0.0f, 1.0f, 1.0f, 0.0f}, order), 1.0);
        order.markAnswered(0);
        QVERIFY(std::abs(certainty({0.5f, 0.75f, 0.75f, 0.25f}, order) - 0.5) < 1e-6);
    }

    void rejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder(-1, {}));
        ActiveOrderSettings s;
        s.randomShare = 1.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ActiveOrder(3, s));
        ActiveOrder order(3, {});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, order.next({0.1f}));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, order.markAnswered(3));
    }
};

QTEST_GUILESS_MAIN(TestActiveOrder)
#include "tst_activeorder.moc"
