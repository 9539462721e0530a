#pragma once

// Listenable explanations: why a model likes (or dislikes) an excerpt, per interpretable
// component. Plain C++17 (LibTorch only inside); see docs/explanations.md.

#include "embed/encoder.h"
#include "explain/attribution.h"
#include "explain/decomposition.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tastelab::explain {

/// Like-probabilities of embeddings (a trained model's predict()).
using Predictor = std::function<std::vector<float>(const std::vector<std::vector<float>> &embeddings)>;

/// "Why liked" explains the like-probability p, "why disliked" explains 1 - p: the weights are the
/// same with the opposite sign (Shapley values and the least-squares surrogate are linear in the
/// score).
enum class Direction { Liked, Disliked };

struct ExplainOptions {
    ComponentOptions components;
    Method method = Method::Auto; ///< Auto: exact Shapley up to kMaxShapleyComponents, else LIME
    LimeOptions lime;
    bool fastPath = true;         ///< per-segment embeddings when the encoder offers them (segments only)
    int batch = 16;               ///< masked clips per encoder call
};

struct Explanation {
    std::string mode;                  ///< modeId() of the components
    std::string baseline;              ///< baselineId(): what a switched-off component becomes
    std::vector<Component> components;
    std::vector<double> weights;       ///< per component, towards "like" (like-probability units)
    Method method = Method::Shapley;
    double fidelity = 0;               ///< R^2 of the surrogate (see Attribution::fidelity)
    double fidelityAllCoalitions = 0;  ///< Shapley: unweighted R^2 on all coalitions (NaN for LIME)
    double likeProbability = 0;        ///< of the whole excerpt
    /// The value of "every component off": the like-probability of silence, except with segments
    /// cut out (Baseline::Remove), where it is the mean like-probability of the one-component excerpts.
    double emptyScore = 0;
    double intercept = 0;
    int evaluations = 0;
    bool fastPath = false;             ///< per-segment embeddings were used
    double seconds = 0;                ///< wall time of the explanation
    int sampleRate = 0;
    double durationSeconds = 0;

    /// Weight in a direction: towards like for Liked, towards dislike (-weight) for Disliked.
    double weight(int component, Direction direction) const;
    /// The k components with the largest weight in the direction (largest first; only positive
    /// weights count, so fewer than k can come back).
    std::vector<int> top(int k, Direction direction) const;
};

/// Explains excerpts with one encoder and one model. Keeps the last explanation's decomposition
/// and the embeddings of every evaluated mask, so a retrained model's weights are recomputed
/// without embedding anything again (reattribute(), componentWeight()). One thread at a time.
class Explainer {
public:
    Explainer(embed::Encoder &encoder, Predictor predictor);
    ~Explainer();

    /// clip: mono or the encoder's channels (mixed to mono for the components), at the encoder's
    /// rate. Throws ExplainError, embed::EncoderError, Cancelled.
    Explanation explain(const audio::AudioBuffer &clip, const ExplainOptions &options,
                        const ProgressFn &progress = {});
    /// The same with components made elsewhere (e.g. the sources of a separation model).
    Explanation explain(Decomposition decomposition, const ExplainOptions &options,
                        const ProgressFn &progress = {});

    /// The last explanation's components (empty Decomposition before the first).
    const Decomposition &decomposition() const;
    /// The same, shared (read-only; render() is safe from another thread): kept by reports.
    std::shared_ptr<const Decomposition> sharedDecomposition() const;
    /// The last explanation's excerpt with only the given components on (mono).
    audio::AudioBuffer render(const std::vector<int> &components) const;

    /// The encoder embedding of the last excerpt with only the given components on (the others
    /// silent), embedded from the rendered audio. Throws ExplainError for an unknown component.
    std::vector<float> maskedEmbedding(const std::vector<int> &components);
    /// After a retrain: the last explanation again with another model (same method, masks and
    /// seed; the cached embeddings of the masked audio are re-scored, nothing is embedded again).
    Explanation reattribute(const Predictor &predictor);
    /// One component's weight (towards like) under another model, the same way.
    double componentWeight(int component, const Predictor &predictor);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tastelab::explain
