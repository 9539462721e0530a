#include "explain/explainer.h"

#include "audio/resampler.h"
#include "embed/segmentmasking.h"

#include <algorithm>
#include <chrono>

namespace tastelab::explain {

double Explanation::weight(int component, Direction direction) const
{
    const double w = weights.at(std::size_t(component));
    return direction == Direction::Liked ? w : -w;
}

std::vector<int> Explanation::top(int k, Direction direction) const
{
    std::vector<int> order;
    for (int i = 0; i < int(weights.size()); ++i)
        if (weight(i, direction) > 0.0)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return weight(a, direction) > weight(b, direction); });
    if (int(order.size()) > k)
        order.resize(std::size_t(std::max(0, k)));
    return order;
}

struct Explainer::Impl {
    embed::Encoder &encoder;
    Predictor predictor;
    std::shared_ptr<Decomposition> decomposition = std::make_shared<Decomposition>();
    ExplainOptions options;
    Method method = Method::Shapley;
    bool fast = false;
    std::map<Mask, std::vector<float>> cache; ///< embeddings of the evaluated masks

    Impl(embed::Encoder &e, Predictor p) : encoder(e), predictor(std::move(p)) {}

    audio::AudioBuffer toEncoder(const audio::AudioBuffer &mono) const
    {
        return audio::remixChannels(mono, encoder.info().channels);
    }

    std::vector<std::vector<float>> embedMasks(const std::vector<Mask> &masks)
    {
        std::vector<Mask> missing;
        for (const Mask &m : masks)
            if (!cache.count(m) && std::find(missing.begin(), missing.end(), m) == missing.end())
                missing.push_back(m);
        if (!missing.empty()) {
            std::vector<std::vector<float>> embedded;
            if (fast) {
                embedded = dynamic_cast<embed::SegmentMaskEncoder &>(encoder).embedSegmentMasks(
                    missing, decomposition->baseline() == Baseline::Remove ? embed::SegmentBaseline::Remove
                                                                           : embed::SegmentBaseline::Silence);
            } else {
                std::vector<audio::AudioBuffer> clips = decomposition->render(missing);
                for (audio::AudioBuffer &c : clips)
                    c = toEncoder(c);
                embedded = encoder.embed(clips);
            }
            for (std::size_t i = 0; i < missing.size(); ++i)
                cache[missing[i]] = std::move(embedded[i]);
        }
        std::vector<std::vector<float>> out;
        out.reserve(masks.size());
        for (const Mask &m : masks)
            out.push_back(cache.at(m));
        return out;
    }

    std::vector<double> predict(const std::vector<Mask> &masks, const Predictor &p)
    {
        const std::vector<float> probability = p(embedMasks(masks));
        if (probability.size() != masks.size())
            throw ExplainError("the model returned " + std::to_string(probability.size()) + " values for "
                               + std::to_string(masks.size()) + " embeddings");
        return std::vector<double>(probability.begin(), probability.end());
    }

    /// The game's value of each mask. With segments cut out, nothing kept leaves no excerpt to
    /// judge: its value is the mean of the one-component excerpts' values (not the score of silence,
    /// which lies far outside what a model is trained on and would dominate every weight).
    std::vector<double> score(const std::vector<Mask> &masks, const Predictor &p)
    {
        std::vector<double> out = predict(masks, p);
        if (decomposition->baseline() != Baseline::Remove)
            return out;
        for (std::size_t k = 0; k < masks.size(); ++k) {
            if (std::find(masks[k].begin(), masks[k].end(), true) != masks[k].end())
                continue;
            std::vector<Mask> singles;
            for (std::size_t i = 0; i < masks[k].size(); ++i) {
                Mask m(masks[k].size(), false);
                m[i] = true;
                singles.push_back(m);
            }
            const std::vector<double> values = predict(singles, p);
            double mean = 0;
            for (double v : values)
                mean += v / double(values.size());
            out[k] = mean;
        }
        return out;
    }

    Attribution attribute(const Predictor &p, const ProgressFn &progress)
    {
        const ScoreFn fn = [this, &p](const std::vector<Mask> &masks) { return score(masks, p); };
        const int n = decomposition->size();
        const int batch = std::max(1, options.batch);
        if (method == Method::Shapley)
            return shapleyExact(n, fn, batch, progress);
        return lime(n, fn, options.lime, batch, progress);
    }

    Explanation result(const Attribution &a, double seconds) const
    {
        Explanation e;
        e.mode = modeId(decomposition->mode());
        e.baseline = baselineId(decomposition->baseline());
        e.components = decomposition->components();
        e.weights = a.weights;
        e.method = a.method;
        e.fidelity = a.fidelity;
        e.fidelityAllCoalitions = a.fidelityAllCoalitions;
        e.likeProbability = a.fullScore;
        e.emptyScore = a.emptyScore;
        e.intercept = a.intercept;
        e.evaluations = a.evaluations;
        e.fastPath = fast;
        e.seconds = seconds;
        e.sampleRate = decomposition->clip().sampleRate;
        e.durationSeconds = decomposition->clip().durationSeconds();
        return e;
    }
};

Explainer::Explainer(embed::Encoder &encoder, Predictor predictor)
    : d(std::make_unique<Impl>(encoder, std::move(predictor)))
{
}

Explainer::~Explainer() = default;

Explanation Explainer::explain(const audio::AudioBuffer &clip, const ExplainOptions &options,
                               const ProgressFn &progress)
{
    const audio::AudioBuffer mono = clip.channels == 1 ? clip : audio::remixChannels(clip, 1);
    return explain(Decomposition::make(mono, options.components), options, progress);
}

Explanation Explainer::explain(Decomposition decomposition, const ExplainOptions &options,
                               const ProgressFn &progress)
{
    const auto started = std::chrono::steady_clock::now();
    const embed::EncoderInfo &info = d->encoder.info();
    if (decomposition.clip().sampleRate != info.sampleRate)
        throw ExplainError("the excerpt is at " + std::to_string(decomposition.clip().sampleRate)
                           + " Hz; the encoder " + info.name + " needs " + std::to_string(info.sampleRate) + " Hz");
    const int n = decomposition.size();
    if (n < 1)
        throw ExplainError("nothing to explain: no components");
    d->decomposition = std::make_shared<Decomposition>(std::move(decomposition));
    d->options = options;
    d->method = options.method;
    if (d->method == Method::Auto)
        d->method = n <= kMaxShapleyComponents ? Method::Shapley : Method::Lime;
    if (d->method == Method::Shapley && n > 16)
        throw ExplainError("exact Shapley values for " + std::to_string(n)
                           + " components would need too many evaluations; use LIME");
    d->cache.clear();
    auto *segmentEncoder = dynamic_cast<embed::SegmentMaskEncoder *>(&d->encoder);
    d->fast = options.fastPath && segmentEncoder && d->decomposition->mode() == ComponentMode::Segments;
    if (d->fast)
        segmentEncoder->prepareSegments(d->toEncoder(d->decomposition->clip()), d->decomposition->segmentBoundaries());
    const Attribution a = d->attribute(d->predictor, progress);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return d->result(a, seconds);
}

const Decomposition &Explainer::decomposition() const
{
    return *d->decomposition;
}

std::shared_ptr<const Decomposition> Explainer::sharedDecomposition() const
{
    return d->decomposition;
}

audio::AudioBuffer Explainer::render(const std::vector<int> &components) const
{
    Mask mask(std::size_t(d->decomposition->size()), false);
    for (int c : components)
        if (c >= 0 && c < int(mask.size()))
            mask[std::size_t(c)] = true;
    return d->decomposition->render(mask);
}

std::vector<float> Explainer::maskedEmbedding(const std::vector<int> &components)
{
    for (int c : components)
        if (c < 0 || c >= d->decomposition->size())
            throw ExplainError("there is no component " + std::to_string(c));
    return d->encoder.embed({d->toEncoder(render(components))}).front();
}

Explanation Explainer::reattribute(const Predictor &predictor)
{
    if (d->decomposition->size() < 1)
        throw ExplainError("nothing explained yet");
    const auto started = std::chrono::steady_clock::now();
    const Attribution a = d->attribute(predictor, {});
    return d->result(a, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

double Explainer::componentWeight(int component, const Predictor &predictor)
{
    const Explanation e = reattribute(predictor);
    return e.weights.at(std::size_t(component));
}

} // namespace tastelab::explain
