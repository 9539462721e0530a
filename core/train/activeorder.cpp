#include "train/activeorder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace tastelab::train {

namespace {

float sigmoid(double z)
{
    return float(z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)));
}

/// One L2-regularised logistic regression (unpenalised bias) on rows x[n x dim] with sample
/// weights (bootstrap counts), minimising sum_i weight_i logloss_i + l2/2 |w|^2 (a Gaussian prior
/// on the weights: it counts less as the answers grow): Nesterov-accelerated gradient descent with the step 1/L, L from a
/// power iteration on the weighted Gram matrix. A fixed number of steps keeps it deterministic and
/// its time bounded; the committee does not need the last digit of the optimum.
void fitLogistic(const float *x, const int *labels, const std::vector<double> &weight, int n, int dim, double l2,
                 float *out)
{
    constexpr int kSteps = 300;
    constexpr int kPowerSteps = 15;
    const int p = dim + 1; // the last coordinate is the bias (input 1)
    double total = 0;
    for (double w : weight)
        total += w;
    if (total <= 0)
        return;
    auto row = [&](int i) { return x + std::size_t(i) * std::size_t(dim); };
    // Largest eigenvalue of (1/total) sum w_i x~_i x~_i^T, x~ = (x, 1).
    std::vector<double> v(std::size_t(p), 1.0 / std::sqrt(double(p)));
    std::vector<double> u(std::size_t(p), 0.0);
    double lambda = 1;
    for (int it = 0; it < kPowerSteps; ++it) {
        std::fill(u.begin(), u.end(), 0.0);
        for (int i = 0; i < n; ++i) {
            if (weight[std::size_t(i)] == 0)
                continue;
            const float *r = row(i);
            double dot = v[std::size_t(dim)];
            for (int d = 0; d < dim; ++d)
                dot += double(r[d]) * v[std::size_t(d)];
            dot *= weight[std::size_t(i)] / total;
            for (int d = 0; d < dim; ++d)
                u[std::size_t(d)] += dot * double(r[d]);
            u[std::size_t(dim)] += dot;
        }
        double norm = 0;
        for (double a : u)
            norm += a * a;
        norm = std::sqrt(norm);
        if (norm <= 0)
            break;
        lambda = norm;
        for (int d = 0; d < p; ++d)
            v[std::size_t(d)] = u[std::size_t(d)] / norm;
    }
    const double penalty = l2 / total; // of the mean log-loss
    const double step = 1.0 / (0.25 * lambda * 1.05 + penalty);
    std::vector<double> w(std::size_t(p), 0.0);
    std::vector<double> prev = w, y = w, grad = w;
    for (int it = 1; it <= kSteps; ++it) {
        std::fill(grad.begin(), grad.end(), 0.0);
        for (int i = 0; i < n; ++i) {
            const double wi = weight[std::size_t(i)];
            if (wi == 0)
                continue;
            const float *r = row(i);
            double z = y[std::size_t(dim)];
            for (int d = 0; d < dim; ++d)
                z += double(r[d]) * y[std::size_t(d)];
            const double g = (double(sigmoid(z)) - labels[i]) * wi / total;
            for (int d = 0; d < dim; ++d)
                grad[std::size_t(d)] += g * double(r[d]);
            grad[std::size_t(dim)] += g;
        }
        for (int d = 0; d < dim; ++d)
            grad[std::size_t(d)] += penalty * y[std::size_t(d)];
        prev.swap(w);
        for (int d = 0; d < p; ++d)
            w[std::size_t(d)] = y[std::size_t(d)] - step * grad[std::size_t(d)];
        const double momentum = double(it - 1) / double(it + 2);
        for (int d = 0; d < p; ++d)
            y[std::size_t(d)] = w[std::size_t(d)] + momentum * (w[std::size_t(d)] - prev[std::size_t(d)]);
    }
    for (int d = 0; d < p; ++d)
        out[d] = float(w[std::size_t(d)]);
}

} // namespace

void ActiveJudge::evaluate(const float *embedding, float *probability, float *agreement) const
{
    if (!valid()) {
        *probability = 0.5f;
        *agreement = 0.0f;
        return;
    }
    const std::size_t p = std::size_t(m_dim) + 1;
    const int members = this->members();
    double sum = 0;
    int likes = 0;
    for (int m = 0; m < members; ++m) {
        const float *w = m_weights.data() + std::size_t(m) * p;
        double z = w[m_dim];
        for (int d = 0; d < m_dim; ++d)
            z += double(w[d]) * (double(embedding[d]) - m_mean[std::size_t(d)]) / m_scale[std::size_t(d)];
        sum += sigmoid(z);
        likes += z >= 0;
    }
    *probability = float(sum / members);
    *agreement = float(std::abs(2.0 * likes / members - 1.0));
}

float ActiveJudge::probability(const float *embedding) const
{
    float p, a;
    evaluate(embedding, &p, &a);
    return p;
}

float ActiveJudge::agreement(const float *embedding) const
{
    float p, a;
    evaluate(embedding, &p, &a);
    return a;
}

ActiveJudge trainJudge(const JudgeInput &input)
{
    const int n = int(input.labels.size());
    if (input.dim < 0 || input.rows.size() != std::size_t(n) * std::size_t(input.dim) ||
        input.mean.size() != std::size_t(input.dim) || input.scale.size() != std::size_t(input.dim))
        throw std::invalid_argument("trainJudge: inconsistent input sizes");
    if (input.committee < 1)
        throw std::invalid_argument("trainJudge: the committee needs a member");
    std::vector<int> likes, dislikes;
    for (int i = 0; i < n; ++i)
        (input.labels[std::size_t(i)] ? likes : dislikes).push_back(i);
    ActiveJudge judge;
    if (input.dim == 0 || likes.empty() || dislikes.empty())
        return judge;
    judge.m_dim = input.dim;
    judge.m_mean = input.mean;
    judge.m_scale = input.scale;
    const std::size_t p = std::size_t(input.dim) + 1;
    judge.m_weights.assign(p * std::size_t(input.committee), 0.0f);
    // Each member: a stratified bootstrap (as many likes and dislikes as answered, drawn with
    // replacement), so every member sees both classes.
    Rng rng(input.seed ^ (0xA11CE5ull + 0x9E3779B97F4A7C15ull * std::uint64_t(input.answered)));
    std::vector<double> weight(static_cast<std::size_t>(n), 0.0);
    for (int m = 0; m < input.committee; ++m) {
        std::fill(weight.begin(), weight.end(), 0.0);
        for (const std::vector<int> *cls : {&likes, &dislikes})
            for (std::size_t k = 0; k < cls->size(); ++k)
                weight[std::size_t((*cls)[rng.below(cls->size())])] += 1;
        fitLogistic(input.rows.data(), input.labels.data(), weight, n, input.dim, input.l2,
                    judge.m_weights.data() + std::size_t(m) * p);
    }
    return judge;
}

void ActiveOrder::checkSettings() const
{
    if (!(m_settings.randomShare >= 0 && m_settings.randomShare <= 1))
        throw std::invalid_argument("ActiveOrder: the random share must lie in [0, 1]");
    if (m_settings.retrainEvery < 1)
        throw std::invalid_argument("ActiveOrder: retrainEvery must be at least 1");
    if (m_settings.warmup < 0)
        throw std::invalid_argument("ActiveOrder: negative warm-up");
    if (m_settings.committee < 1)
        throw std::invalid_argument("ActiveOrder: the committee needs a member");
    if (!(m_settings.l2 > 0) || !(m_settings.diversity >= 0))
        throw std::invalid_argument("ActiveOrder: l2 must be positive and diversity not negative");
}

ActiveOrder::ActiveOrder(int candidates, const ActiveOrderSettings &settings)
    : m_settings(settings), m_rng(settings.seed)
{
    if (candidates < 0)
        throw std::invalid_argument("ActiveOrder: negative number of candidates");
    checkSettings();
    m_embeddings.resize(std::size_t(candidates));
    m_done.assign(std::size_t(candidates), false);
    m_label.assign(std::size_t(candidates), -1);
}

ActiveOrder::ActiveOrder(std::vector<std::vector<float>> embeddings, const ActiveOrderSettings &settings)
    : m_settings(settings), m_rng(settings.seed), m_embeddings(std::move(embeddings))
{
    checkSettings();
    for (const auto &e : m_embeddings) {
        if (e.empty())
            continue;
        ++m_embedded;
        if (m_dim == 0)
            m_dim = int(e.size());
        else if (int(e.size()) != m_dim)
            throw std::invalid_argument("ActiveOrder: embeddings of different sizes");
    }
    m_done.assign(m_embeddings.size(), false);
    m_label.assign(m_embeddings.size(), -1);
}

void ActiveOrder::setEmbedding(int candidate, std::vector<float> embedding)
{
    if (candidate < 0 || std::size_t(candidate) >= m_done.size())
        throw std::out_of_range("ActiveOrder::setEmbedding: no candidate " + std::to_string(candidate));
    if (embedding.empty())
        return;
    if (m_dim != 0 && int(embedding.size()) != m_dim)
        throw std::invalid_argument("ActiveOrder::setEmbedding: size " + std::to_string(embedding.size()) +
                                    ", expected " + std::to_string(m_dim));
    m_dim = int(embedding.size());
    const std::size_t i = std::size_t(candidate);
    const bool had = !m_embeddings[i].empty();
    m_embeddings[i] = std::move(embedding);
    if (!had)
        ++m_embedded;
    // Embeddings arrive one by one while the listener rates: refresh the standardisation (and every
    // distance) only when the embedded candidates have grown by a quarter, else just this one's.
    if (m_statsDirty || had || m_embedded * 4 > m_statsEmbedded * 5) {
        m_statsDirty = true;
        return;
    }
    m_nearest[i] = std::numeric_limits<float>::infinity();
    for (std::size_t a = 0; a < m_done.size(); ++a)
        if (m_label[a] >= 0 && a != i && !m_embeddings[a].empty())
            m_nearest[i] = std::min(m_nearest[i], distance(i, a));
    scoreOne(i);
}

float ActiveOrder::distance(std::size_t a, std::size_t b) const
{
    const auto &x = m_embeddings[a], &y = m_embeddings[b];
    double dist = 0;
    for (std::size_t d = 0; d < std::size_t(m_dim); ++d) {
        const double diff = (double(x[d]) - y[d]) / m_scale[d];
        dist += diff * diff;
    }
    return float(dist);
}

void ActiveOrder::scoreOne(std::size_t i)
{
    m_unsure[i] = 0.0f;
    m_agreement[i] = 0.0f;
    if (m_judge.valid() && !m_embeddings[i].empty()) {
        float p;
        m_judge.evaluate(m_embeddings[i].data(), &p, &m_agreement[i]);
        m_unsure[i] = 1.0f - std::abs(2.0f * p - 1.0f);
    }
}

void ActiveOrder::rescore()
{
    // Refresh the standardisation and the distances to the nearest answered clip (both change when
    // embeddings arrive), then the judge's figures for every candidate.
    if (m_statsDirty) {
        const std::size_t dim = std::size_t(m_dim);
        std::vector<double> sum(dim, 0.0), sq(dim, 0.0);
        int count = 0;
        for (const auto &e : m_embeddings)
            if (!e.empty()) {
                ++count;
                for (std::size_t d = 0; d < dim; ++d) {
                    sum[d] += e[d];
                    sq[d] += double(e[d]) * e[d];
                }
            }
        m_mean.assign(dim, 0.0f);
        m_scale.assign(dim, 1.0f);
        for (std::size_t d = 0; d < dim && count > 0; ++d) {
            const double mean = sum[d] / count;
            const double var = sq[d] / count - mean * mean;
            m_mean[d] = float(mean);
            m_scale[d] = var > 1e-12 ? float(std::sqrt(var)) : 1.0f;
        }
        m_embedded = m_statsEmbedded = count;
        m_nearest.assign(m_done.size(), std::numeric_limits<float>::infinity());
        for (std::size_t i = 0; i < m_done.size(); ++i)
            if (m_label[i] >= 0)
                updateDistances(int(i));
        m_statsDirty = false;
    }
    m_unsure.assign(m_done.size(), 0.0f);
    m_agreement.assign(m_done.size(), 0.0f);
    for (std::size_t i = 0; i < m_done.size(); ++i)
        scoreOne(i);
}

void ActiveOrder::updateDistances(int answeredCandidate)
{
    const std::size_t a = std::size_t(answeredCandidate);
    if (m_embeddings[a].empty() || m_nearest.size() != m_done.size())
        return;
    for (std::size_t i = 0; i < m_done.size(); ++i)
        if (!m_embeddings[i].empty())
            m_nearest[i] = std::min(m_nearest[i], distance(i, a));
}

int ActiveOrder::next()
{
    const int left = int(m_done.size()) - m_answered - m_skipped;
    if (left <= 0)
        return -1;
    // One uniform draw decides random or not (always drawn), a second picks the random candidate.
    const bool drawRandom = m_rng.uniform() < m_settings.randomShare;
    int best = -1;
    if (!drawRandom && m_answered >= m_settings.warmup && m_judge.valid()) {
        if (m_statsDirty)
            rescore();
        // The median distance to the nearest answered clip over the candidates left.
        std::vector<float> nearest;
        nearest.reserve(std::size_t(left));
        for (std::size_t i = 0; i < m_done.size(); ++i)
            if (!m_done[i] && !m_embeddings[i].empty())
                nearest.push_back(std::sqrt(m_nearest[i]));
        if (!nearest.empty()) {
            const auto mid = nearest.begin() + long(nearest.size() / 2);
            std::nth_element(nearest.begin(), mid, nearest.end());
            const double median = *mid;
            double bestScore = -1;
            for (std::size_t i = 0; i < m_done.size(); ++i) {
                if (m_done[i] || m_embeddings[i].empty())
                    continue;
                double score = m_unsure[i];
                if (m_settings.diversity > 0 && median > 0 && std::isfinite(m_nearest[i]))
                    score *= std::pow(std::min(1.0, std::sqrt(double(m_nearest[i])) / median), m_settings.diversity);
                if (score > bestScore) {
                    bestScore = score;
                    best = int(i);
                }
            }
        }
    }
    m_lastRandom = best < 0;
    if (!m_lastRandom)
        return best;
    std::uint64_t k = m_rng.below(std::uint64_t(left));
    for (std::size_t i = 0; i < m_done.size(); ++i)
        if (!m_done[i] && k-- == 0)
            return int(i);
    return -1; // not reached
}

void ActiveOrder::answer(int candidate, bool liked)
{
    if (candidate < 0 || std::size_t(candidate) >= m_done.size())
        throw std::out_of_range("ActiveOrder::answer: no candidate " + std::to_string(candidate));
    const bool wasSkipped = m_done[std::size_t(candidate)] && m_label[std::size_t(candidate)] < 0;
    m_label[std::size_t(candidate)] = liked ? 1 : 0;
    if (!m_done[std::size_t(candidate)] || wasSkipped) {
        m_done[std::size_t(candidate)] = true;
        ++m_answered;
        m_skipped -= wasSkipped ? 1 : 0;
        if (!m_statsDirty)
            updateDistances(candidate);
    }
}

void ActiveOrder::skip(int candidate)
{
    if (candidate < 0 || std::size_t(candidate) >= m_done.size())
        throw std::out_of_range("ActiveOrder::skip: no candidate " + std::to_string(candidate));
    if (!m_done[std::size_t(candidate)]) {
        m_done[std::size_t(candidate)] = true;
        ++m_skipped;
    }
}

bool ActiveOrder::retrainDue() const
{
    if (m_answered < m_settings.warmup)
        return false;
    if (m_answeredAtTraining >= 0 && m_answered - m_answeredAtTraining < m_settings.retrainEvery)
        return false;
    bool like = false, dislike = false;
    for (std::size_t i = 0; i < m_done.size() && !(like && dislike); ++i)
        if (m_label[i] >= 0 && !m_embeddings[i].empty())
            (m_label[i] ? like : dislike) = true;
    return like && dislike;
}

JudgeInput ActiveOrder::judgeInput()
{
    if (m_statsDirty)
        rescore();
    JudgeInput in;
    in.dim = m_dim;
    in.mean = m_mean;
    in.scale = m_scale;
    in.committee = m_settings.committee;
    in.l2 = m_settings.l2;
    in.seed = m_settings.seed;
    in.answered = m_answered;
    for (std::size_t i = 0; i < m_done.size(); ++i) {
        if (m_label[i] < 0 || m_embeddings[i].empty())
            continue;
        for (std::size_t d = 0; d < std::size_t(m_dim); ++d)
            in.rows.push_back((m_embeddings[i][d] - m_mean[d]) / m_scale[d]);
        in.labels.push_back(m_label[i]);
    }
    m_answeredAtTraining = m_answered;
    return in;
}

void ActiveOrder::setJudge(ActiveJudge judge)
{
    if (!judge.valid())
        return;
    if (judge.dim() != m_dim)
        throw std::invalid_argument("ActiveOrder::setJudge: the judge's size does not match the embeddings'");
    m_judge = std::move(judge);
    rescore();
}

std::vector<float> ActiveOrder::probabilities() const
{
    std::vector<float> p(m_done.size(), 0.5f);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!m_embeddings[i].empty())
            p[i] = m_judge.probability(m_embeddings[i].data());
    return p;
}

double ActiveOrder::certainty() const
{
    if (!m_judge.valid() || m_statsDirty)
        return m_judge.valid() ? certaintyUncached() : 0.0;
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < m_done.size(); ++i)
        if (!m_done[i] && !m_embeddings[i].empty()) {
            sum += m_agreement[i];
            ++n;
        }
    return n > 0 ? sum / n : 0;
}

double ActiveOrder::certaintyUncached() const
{
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < m_done.size(); ++i)
        if (!m_done[i] && !m_embeddings[i].empty()) {
            sum += m_judge.agreement(m_embeddings[i].data());
            ++n;
        }
    return n > 0 ? sum / n : 0;
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
