// Tests for survey/quality.h: Cohen's kappa (plain and weighted) against values computed by hand,
// straight-lining runs, fast answers, catch accuracy and the explicit exclusion rules.
//
// Hand computations (written out so they can be checked without the code):
//  A) like/dislike, 8 pairs: (1,1)x3 (1,0)x1 (0,0)x3 (0,1)x1
//     p_o = 6/8 = 0.75; marginals 4/8 each way -> p_e = 0.5*0.5 + 0.5*0.5 = 0.5
//     kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5
//  B) like/dislike, 10 pairs: (1,1)x5 (1,0)x2 (0,0)x2 (0,1)x1
//     p_o = 0.7; first: 7 like, 3 dislike; second: 6 like, 4 dislike
//     p_e = 0.7*0.6 + 0.3*0.4 = 0.54; kappa = 0.16 / 0.46 = 0.347826...
//  C) 3 categories 1..3, quadratic weights w = (i-j)^2/4, pairs (1,1)(2,2)(3,3)(1,2)(3,2)
//     observed disagreement = (0.25 + 0.25) / 5 = 0.1
//     rows (2,1,2), columns (1,3,1); expected = sum w_ij r_i c_j / 25 = 7.5 / 25 = 0.3
//     kappa_w = 1 - 0.1 / 0.3 = 0.6667
//     unweighted on the same pairs: p_o = 0.6, p_e = (2*1 + 1*3 + 2*1) / 25 = 0.28,
//     kappa = 0.32 / 0.72 = 0.4444

#include "survey/quality.h"

#include <QtTest>

#include <cmath>

using namespace tastelab::survey;

class TestQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kappaBalanced()
    {
        std::vector<std::pair<int, int>> pairs{{1, 1}, {1, 1}, {1, 1}, {1, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 1}};
        QCOMPARE(cohensKappa(pairs, 0, 1), 0.5);
    }
    void kappaUnbalanced()
    {
        std::vector<std::pair<int, int>> pairs;
        for (int i = 0; i < 5; ++i)
            pairs.emplace_back(1, 1);
        pairs.emplace_back(1, 0);
        pairs.emplace_back(1, 0);
        pairs.emplace_back(0, 0);
        pairs.emplace_back(0, 0);
        pairs.emplace_back(0, 1);
        QVERIFY(std::fabs(cohensKappa(pairs, 0, 1) - 0.16 / 0.46) < 1e-12);
    }
    void kappaWeighted()
    {
        std::vector<std::pair<int, int>> pairs{{1, 1}, {2, 2}, {3, 3}, {1, 2}, {3, 2}};
        QVERIFY(std::fabs(cohensKappa(pairs, 1, 3, KappaWeights::Quadratic) - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::fabs(cohensKappa(pairs, 1, 3, KappaWeights::None) - 0.32 / 0.72) < 1e-12);
        // Perfect agreement is 1 with any weights.
        std::vector<std::pair<int, int>> same{{1, 1}, {2, 2}, {3, 3}};
        QCOMPARE(cohensKappa(same, 1, 3, KappaWeights::Quadratic), 1.0);
    }
    void kappaUndefined()
    {
        QVERIFY(std::isnan(cohensKappa({}, 0, 1)));
        // Everything in one category: chance agreement is total, kappa is undefined.
        QVERIFY(std::isnan(cohensKappa({{1, 1}, {1, 1}}, 0, 1)));
        // Values outside the scale are ignored.
        QVERIFY(std::isnan(cohensKappa({{4, 9}}, 0, 1)));
    }
    void runs()
    {
        QCOMPARE(longestRun({}), 0);
        QCOMPARE(longestRun({1}), 1);
        QCOMPARE(longestRun({1, 1, 0, 0, 0, 1}), 3);
        const std::vector<bool> flags = straightLineFlags({1, 1, 0, 0, 0, 1, 1, 1, 1}, 3);
        const std::vector<bool> expected{false, false, true, true, true, true, true, true, true};
        QVERIFY(flags == expected);
        QVERIFY(straightLineFlags({1, 1, 1}, 4) == std::vector<bool>(3, false));
        QVERIFY(straightLineFlags({1, 1, 1}, -1) == std::vector<bool>(3, false));
    }
    void participant()
    {
        // 8 answers; position 5 repeats 0, 6 repeats 1; 3 and 7 are catch clips (expected 0).
        std::vector<QualityAnswer> answers;
        auto add = [&](int pos, int value, qint64 ms, int repeatOf = -1, bool isCatch = false, int expected = 0) {
            QualityAnswer a;
            a.position = pos;
            a.value = value;
            a.responseMs = ms;
            a.repeatOf = repeatOf;
            a.isCatch = isCatch;
            a.catchExpected = expected;
            answers.push_back(a);
        };
        add(0, 1, 4000);
        add(1, 0, 3500);
        add(2, 1, 300);        // fast
        add(3, 1, 5000, -1, true, 0); // catch, wrong
        add(4, 1, 5000);
        add(5, 1, 6000, 0);    // repeat of 0: agrees
        add(6, 1, 200, 1);     // repeat of 1: differs, fast
        add(7, 0, 4000, -1, true, 0); // catch, right
        answers[4].integrityFlag = true;
        answers[2].focusLosses = 2;

        QualityRules rules;
        rules.fastAnswerSeconds = 1.0;
        rules.straightLineRun = 4;
        rules.maxFailedCatches = 0;
        rules.minKappa = 0.4;
        rules.maxFastShare = 0.5; // 2 of 8 fast: 0.25, not excluded by this rule
        const ParticipantQuality q = assessParticipant(answers, rules, 0, 1, KappaWeights::None);
        QCOMPARE(q.answers, 8);
        QCOMPARE(q.fastAnswers, 2);
        QCOMPARE(q.fastShare, 0.25);
        QVERIFY(q.perAnswer[2].fast && q.perAnswer[6].fast && !q.perAnswer[0].fast);
        QCOMPARE(q.catchTotal, 2);
        QCOMPARE(q.catchCorrect, 1);
        QCOMPARE(q.catchAccuracy, 0.5);
        QCOMPARE(q.perAnswer[3].catchCorrect, 0);
        QCOMPARE(q.perAnswer[7].catchCorrect, 1);
        QCOMPARE(q.perAnswer[0].catchCorrect, -1);
        QCOMPARE(q.repeatPairs, 2);
        QCOMPARE(q.agreement, 0.5);
        QCOMPARE(q.perAnswer[5].repeatAgree, 1);
        QCOMPARE(q.perAnswer[6].repeatAgree, 0);
        // Pairs (1,1) (0,1): p_o = 0.5, first 1 like 1 dislike, second 2 like -> p_e = 0.5: kappa 0.
        QCOMPARE(q.kappa, 0.0);
        QCOMPARE(q.longestRun, 5); // positions 2..6 are all 1
        QVERIFY(q.straightLining);
        QVERIFY(q.perAnswer[2].straightLine && q.perAnswer[6].straightLine && !q.perAnswer[1].straightLine);
        QCOMPARE(q.focusLosses, 1);
        QCOMPARE(q.integrityFlagged, 1);
        QVERIFY(q.excluded);
        QCOMPARE(int(q.exclusionReasons.size()), 2);
        QCOMPARE(QString::fromStdString(q.exclusionReasons[0]), QStringLiteral("min_kappa: 0.00 < 0.40"));
        QCOMPARE(QString::fromStdString(q.exclusionReasons[1]), QStringLiteral("max_failed_catches: 1 > 0"));

        rules.maxFastShare = 0.2;
        const ParticipantQuality strict = assessParticipant(answers, rules, 0, 1, KappaWeights::None);
        QCOMPARE(int(strict.exclusionReasons.size()), 3);
        QCOMPARE(QString::fromStdString(strict.exclusionReasons[2]), QStringLiteral("max_fast_share: 0.25 > 0.20"));

        // Rules off: nothing excluded, nothing flagged as fast or straight.
        const ParticipantQuality lax = assessParticipant(answers, QualityRules(), 0, 1, KappaWeights::None);
        QVERIFY(!lax.excluded);
        QCOMPARE(lax.fastAnswers, 0);
        QVERIFY(!lax.straightLining);
        QCOMPARE(lax.longestRun, 5);
    }
    void weightsForScale()
    {
        QCOMPARE(defaultWeights(0, 1), KappaWeights::None);
        QCOMPARE(defaultWeights(1, 5), KappaWeights::Quadratic);
    }
};

QTEST_APPLESS_MAIN(TestQuality)
#include "tst_quality.moc"
