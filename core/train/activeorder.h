#pragma once

// The order in which a listener rates clips (issue "Individual listeners"): a warm-up of random
// clips, then mostly the clip the current judge is least sure about, kept apart from the clips
// already answered, mixed with a share of random clips so the answers stay an unbiased sample; the
// judge is retrained every few answers. Plain C++17, no Qt, no LibTorch.
//
// The judge is not the listener's CLEP model: a CLEP model retrained on a few dozen answers is too
// unstable to say which clip it is least sure about (docs/benchmarks.md, "Active rating order").
// It is a small committee of L2-regularised logistic regressions on the standardised embeddings,
// each fitted to a stratified bootstrap sample of the answers: cheap (well under a second for a few
// hundred answers in 512-d) and steady. "Least sure" is the committee's mean like-probability
// closest to 0.5, discounted for a clip that lies closer to an answered clip than the typical clip
// left (so the active picks between two retrains spread over the library instead of piling up
// where the stale judge is unsure), see ActiveOrderSettings::diversity.
//
// The listener's CLEP model trained on answers in this order should not hold out a validation
// part: on a few dozen mostly borderline answers CLEP's best-epoch choice then often keeps an
// untrained embedder and the model predicts one class (docs/benchmarks.md, "Active rating order").
//
// Use from a GUI (the judge trains off the UI thread; answers may go on meanwhile):
//
//     ActiveOrder order(embeddings, settings);      // empty rows: no embedding yet
//     for (;;) {
//         const int clip = order.next();            // UI thread, microseconds to milliseconds
//         if (clip < 0) break;                      // all answered
//         ... present clip, get liked ...
//         order.answer(clip, liked);
//         if (order.retrainDue()) {
//             JudgeInput input = order.judgeInput();           // UI thread: a small snapshot
//             // worker thread: ActiveJudge judge = trainJudge(input);
//             // back on the UI thread:  order.setJudge(std::move(judge));
//         }
//         show(order.certainty());                  // how sure the judge is, in [0, 1]
//     }
//
// Single-threaded callers can call order.retrain() instead of the last three steps. An ActiveOrder
// is not thread-safe; trainJudge() is a pure function and may run on any thread.

#include "survey/rng.h"

#include <cstdint>
#include <vector>

namespace tastelab::train {

struct ActiveOrderSettings {
    int warmup = 20;          ///< random clips before the judge chooses
    double randomShare = 0.3; ///< after the warm-up, this share of clips is still drawn at random
    int retrainEvery = 10;    ///< answers between judge updates (from the end of the warm-up on)
    std::uint64_t seed = 1;
    int committee = 10;       ///< logistic regressions in the judge (each on a bootstrap sample)
    double l2 = 1.0;          ///< their L2 penalty on the standardised embeddings (summed log-loss + l2/2 |w|^2)
    /// How much the distance to the nearest answered clip counts: a clip's score is its
    /// unsureness 1 - |2p - 1| times min(1, d / m)^diversity, d its distance to the nearest answered
    /// clip and m the median of d over the clips left. 0: pure "least sure".
    double diversity = 1.0;
};

/// What the judge is trained on: a snapshot of the answers, taken on the caller's thread.
struct JudgeInput {
    std::vector<float> rows;  ///< answered clips with an embedding, standardised, row-major
    std::vector<int> labels;  ///< 1 liked, 0 disliked, one per row
    std::vector<float> mean;  ///< the standardisation (over every candidate with an embedding)
    std::vector<float> scale;
    int dim = 0;
    int committee = 10;
    double l2 = 1.0;
    std::uint64_t seed = 1;
    int answered = 0;         ///< answers (with or without embedding) when the snapshot was taken
};

/// The trained committee. Value type; default-constructed it has no opinion (valid() false).
class ActiveJudge {
public:
    bool valid() const { return m_dim > 0 && !m_weights.empty(); }
    int dim() const { return m_dim; }
    int members() const { return int(m_weights.size()) / (m_dim + 1); }
    /// The committee's mean like-probability for one raw (not standardised) embedding of dim()
    /// values; 0.5 when not valid().
    float probability(const float *embedding) const;
    /// How far the committee agrees on one embedding: |2 v - 1|, v the share of members whose
    /// probability is at least 0.5 (1: unanimous, 0: split in half); 0 when not valid().
    float agreement(const float *embedding) const;

private:
    friend ActiveJudge trainJudge(const JudgeInput &input);
    friend class ActiveOrder;
    void evaluate(const float *embedding, float *probability, float *agreement) const;
    int m_dim = 0;
    std::vector<float> m_mean, m_scale;
    std::vector<float> m_weights; ///< per member: dim weights, then the bias
};

/// Trains the committee. Needs at least one like and one dislike among the rows, else returns an
/// invalid judge. Deterministic for an input. Throws std::invalid_argument on inconsistent sizes.
ActiveJudge trainJudge(const JudgeInput &input);

class ActiveOrder {
public:
    /// One embedding per candidate (all of one size), or an empty vector for a candidate without
    /// an embedding yet: such a candidate is only ever drawn at random. Throws
    /// std::invalid_argument on mixed sizes, a share outside [0, 1], retrainEvery < 1, warmup < 0,
    /// committee < 1, l2 <= 0 or diversity < 0.
    explicit ActiveOrder(std::vector<std::vector<float>> embeddings, const ActiveOrderSettings &settings = {});
    /// `candidates` without embeddings: every pick random (the random order).
    explicit ActiveOrder(int candidates, const ActiveOrderSettings &settings = {});

    /// Gives a candidate its embedding once it has one (same size as the others). Cheap (one
    /// candidate's distances) except when the embedded candidates have grown by a quarter since
    /// the standardisation was computed: then the next next() recomputes it for all.
    void setEmbedding(int candidate, std::vector<float> embedding);

    /// The next candidate to present, never one already answered; -1 when all are. Random during
    /// the warm-up, while there is no valid judge, with probability randomShare, and when no
    /// unanswered candidate has an embedding; otherwise the best-scoring candidate (see
    /// ActiveOrderSettings::diversity; ties: the lower index). The random/active draw is made on
    /// every call, so the random stream does not depend on whether a judge exists.
    int next();
    /// Whether the last next() drew at random.
    bool lastWasRandom() const { return m_lastRandom; }

    /// Records an answer (liked: 1, disliked: 0). Answering a candidate again replaces its label.
    /// Throws std::out_of_range on an unknown candidate.
    void answer(int candidate, bool liked);
    /// Leaves a candidate out without an answer (the listener skipped it): next() no longer
    /// offers it, and it counts neither as answered nor for the judge. answer() may still follow.
    void skip(int candidate);
    int skipped() const { return m_skipped; }
    int candidates() const { return int(m_done.size()); }
    int answered() const { return m_answered; }
    bool isAnswered(int candidate) const { return m_label[std::size_t(candidate)] >= 0; }

    /// True from the end of the warm-up on, every retrainEvery answers since the last
    /// judgeInput(), as long as the answers hold a like and a dislike with embeddings.
    bool retrainDue() const;
    /// The snapshot to train the judge on; resets retrainDue().
    JudgeInput judgeInput();
    /// Installs a trained judge (an invalid one is ignored).
    void setJudge(ActiveJudge judge);
    /// judgeInput(), trainJudge() and setJudge() in one, on the calling thread.
    void retrain() { setJudge(trainJudge(judgeInput())); }
    const ActiveJudge &judge() const { return m_judge; }

    /// The judge's like-probability of every candidate (0.5 without a judge or an embedding).
    std::vector<float> probabilities() const;
    /// How sure the judge is about the unanswered candidates with an embedding: the mean of the
    /// committee's agreement (ActiveJudge::agreement) over them; 0 without a judge. Each member
    /// sees another bootstrap sample of the answers, so they agree more as the answers grow and
    /// this rises as the judge learns (the figure for the listener).
    double certainty() const;

private:
    void checkSettings() const;
    void updateDistances(int answeredCandidate);
    void rescore();
    void scoreOne(std::size_t candidate);
    float distance(std::size_t a, std::size_t b) const; ///< squared, standardised
    double certaintyUncached() const;

    ActiveOrderSettings m_settings;
    Rng m_rng;
    int m_dim = 0;
    std::vector<std::vector<float>> m_embeddings;
    std::vector<bool> m_done;        ///< answered or skipped
    int m_skipped = 0;
    std::vector<int> m_label;        ///< -1 unanswered
    std::vector<float> m_nearest;    ///< squared distance (standardised) to the nearest answered clip
    std::vector<float> m_unsure;     ///< 1 - |2p - 1| under the current judge
    std::vector<float> m_agreement;  ///< the committee's agreement under the current judge
    std::vector<float> m_mean, m_scale;
    bool m_statsDirty = true;
    int m_embedded = 0;              ///< candidates with an embedding
    int m_statsEmbedded = 0;         ///< of them, when the standardisation was computed
    ActiveJudge m_judge;
    int m_answered = 0;
    int m_answeredAtTraining = -1;
    bool m_lastRandom = true;
};

/// How sure a model is about the candidates not answered yet: the mean of |2p - 1| over them
/// (0: every probability 0.5, 1: all 0 or 1); 0 when there is none. For any model's probabilities
/// (e.g. the listener's CLEP model); ActiveOrder::certainty() is the judge's.
double certainty(const std::vector<float> &probability, const ActiveOrder &order);

} // namespace tastelab::train
