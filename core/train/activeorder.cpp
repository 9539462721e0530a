#include "train/activeorder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tastelab::train {

ActiveOrder::ActiveOrder(int candidates, const ActiveOrderSettings &settings)
    : m_settings(settings), m_rng(settings.seed)
{
    if (candidates < 0)
        throw std::invalid_argument("ActiveOrder: negative number of candidates");
    if (!(settings.randomShare >= 0 && settings.randomShare <= 1))
        throw std::invalid_argument("ActiveOrder: the random share must lie in [0, 1]");
    if (settings.retrainEvery < 1)
        throw std::invalid_argument("ActiveOrder: retrainEvery must be at least 1");
    m_done.assign(std::size_t(candidates), false);
}

int ActiveOrder::next(const std::vector<float> &probability)
{
    const int left = int(m_done.size()) - m_answered;
    if (left <= 0)
        return -1;
    if (!probability.empty() && probability.size() != m_done.size())
        throw std::invalid_argument("ActiveOrder::next: " + std::to_string(probability.size()) +
                                    " probabilities for " + std::to_string(m_done.size()) + " candidates");
    // One uniform draw decides random or not (always drawn, so the stream does not depend on
    // whether a model exists), a second picks the random candidate.
    const bool drawRandom = m_rng.uniform() < m_settings.randomShare;
    m_lastRandom = probability.empty() || m_answered < m_settings.warmup || drawRandom;
    if (m_lastRandom) {
        std::uint64_t k = m_rng.below(std::uint64_t(left));
        for (std::size_t i = 0; i < m_done.size(); ++i)
            if (!m_done[i] && k-- == 0)
                return int(i);
    }
    // The least sure: probability closest to 0.5 (ties: the lower index).
    int best = -1;
    double bestDistance = 2;
    for (std::size_t i = 0; i < m_done.size(); ++i) {
        if (m_done[i])
            continue;
        const double d = std::abs(double(probability[i]) - 0.5);
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

void ActiveOrder::markAnswered(int candidate)
{
    if (candidate < 0 || std::size_t(candidate) >= m_done.size())
        throw std::out_of_range("ActiveOrder::markAnswered: no candidate " + std::to_string(candidate));
    if (!m_done[std::size_t(candidate)]) {
        m_done[std::size_t(candidate)] = true;
        ++m_answered;
    }
}

bool ActiveOrder::retrainDue() const
{
    if (m_answered < m_settings.warmup)
        return false;
    if (m_answeredAtTraining < 0)
        return true; // the warm-up just ended
    return m_answered - m_answeredAtTraining >= m_settings.retrainEvery;
}

double certainty(const std::vector<float> &probability, const ActiveOrder &order)
{
    double sum = 0;
    int n = 0;
    const std::size_t count = std::min(probability.size(), std::size_t(order.candidates()));
    for (std::size_t i = 0; i < count; ++i)
        if (!order.isAnswered(int(i))) {
            sum += std::abs(2.0 * double(probability[i]) - 1.0);
            ++n;
        }
    return n > 0 ? sum / n : 0;
}

} // namespace tastelab::train
