#pragma once

// The order in which a listener rates clips (issue "Individual listeners"): a warm-up of random
// clips, then mostly the clip the current model is least sure about (probability closest to 0.5),
// mixed with a share of random clips so the answers stay an unbiased sample, with the model retrained
// every few answers. Plain C++17, no Qt, no LibTorch: the caller trains and predicts.

#include "survey/rng.h"

#include <cstdint>
#include <vector>

namespace tastelab::train {

struct ActiveOrderSettings {
    int warmup = 20;          ///< random clips before the model chooses
    double randomShare = 0.3; ///< after the warm-up, this share of clips is still drawn at random
    int retrainEvery = 10;    ///< answers between model updates (from the end of the warm-up on)
    std::uint64_t seed = 1;
};

class ActiveOrder {
public:
    /// Over candidates 0 .. candidates - 1. Throws std::invalid_argument on a negative count, a
    /// share outside [0, 1] or retrainEvery < 1.
    ActiveOrder(int candidates, const ActiveOrderSettings &settings = {});

    /// The next candidate to present, never one already answered; -1 when all are. probability
    /// holds the current model's like-probability of every candidate, or is empty when there is no
    /// model yet (then the pick is random). During the warm-up the pick is always random.
    int next(const std::vector<float> &probability = {});
    /// Whether the last next() drew at random.
    bool lastWasRandom() const { return m_lastRandom; }

    void markAnswered(int candidate);
    int candidates() const { return int(m_done.size()); }
    int answered() const { return m_answered; }
    bool isAnswered(int candidate) const { return m_done[std::size_t(candidate)]; }

    /// True from the end of the warm-up on, every retrainEvery answers, until retrained() is called.
    bool retrainDue() const;
    void retrained() { m_answeredAtTraining = m_answered; }

private:
    ActiveOrderSettings m_settings;
    Rng m_rng;
    std::vector<bool> m_done;
    int m_answered = 0;
    int m_answeredAtTraining = -1;
    bool m_lastRandom = true;
};

/// How sure a model is about the candidates not answered yet: the mean of |2p - 1| (0: every
/// probability 0.5, 1: all 0 or 1). 0 when there is none.
double certainty(const std::vector<float> &probability, const ActiveOrder &order);

} // namespace tastelab::train
