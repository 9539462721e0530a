#pragma once

// CLEP: contrastive learning exploiting preference (method: docs/clep.md). Plain C++17; LibTorch
// stays in the .cpp files. Deterministic on CPU for a given seed.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tastelab::train {

/// Which same-preference pairs the contrastive stage pulls together.
enum class Variant {
    PN, ///< like-like and dislike-dislike pairs together
    P,  ///< only like-like pairs together
    N,  ///< only dislike-dislike pairs together
};
std::string variantId(Variant v); ///< "clep-pn", "clep-p", "clep-n"
/// Accepts "clep-pn"/"pn", "clep-p"/"p", "clep-n"/"n". False when unknown.
bool variantFromId(const std::string &id, Variant *out);

/// The pair label of the method's table: 1 = similar (pull together), 0 = dissimilar (push to
/// at least the margin apart).
int pairLabel(Variant variant, bool likedA, bool likedB);

/// Every setting of the method, with the method note's defaults.
struct ClepSettings {
    double margin = 7.0;
    int embedderDepth = 4;          ///< linear layers in the Siamese MLP (4 for CLMR, 5 for MEE/Jukebox)
    int embedderHidden = 256;       ///< width of its hidden layers
    int embeddingSize = 64;         ///< size of the CLEP space
    double embedderLearningRate = 0.01;
    int embedderEpochs = 20;
    int classifierHidden = 64;      ///< the 3-layer classifier: in -> h -> h/2 -> 1 (sigmoid)
    double classifierLearningRate = 0.001;
    int classifierEpochs = 30;
    int batchSongs = 16;            ///< songs per batch; pairs are formed within a batch
    int plateauPatience = 2;        ///< epochs without validation improvement before the lr drops
    double plateauFactor = 0.1;
    double testFraction = 0.25;     ///< 3:1 train/test
    double validationFraction = 0.2; ///< of the training part, drives the schedule
    std::uint64_t seed = 1;
};

/// Steering feedback ("more like this" / "less like this") for the contrastive stage: an anchor in
/// the encoder's input space (the same width as the dataset's rows: a track's excerpt, a prototype,
/// an explanation component) and a direction. In every batch of the contrastive stage the anchor is
/// paired with each of the batch's songs: for "more" it is pulled towards the liked songs and pushed
/// (to the margin) away from the disliked ones, for "less" the reverse. The anchor's term is the
/// mean over the batch's songs of the pair loss, times `weight`, added to the batch's mean pair loss
/// (docs/clep.md, "Steering").
struct SteeringExample {
    std::vector<float> anchor;
    int direction = 1;   ///< +1 more like this, -1 less like this
    double weight = 1.0; ///< >= 0
};

/// Inputs: one row per answered clip, label 1 = liked, 0 = disliked; optional steering examples
/// for the embedder (CLEP only; baselines ignore them).
struct Dataset {
    std::vector<std::vector<float>> features;
    std::vector<int> labels;
    std::vector<SteeringExample> steering;
};

/// Indices into a Dataset.
struct Split {
    std::vector<int> train;
    std::vector<int> validation;
    std::vector<int> test;
};

/// Stratified, seeded split: testFraction of each class to test, then validationFraction of each
/// class of the rest to validation (at least one per class where the class has >= 3 items).
Split stratifiedSplit(const std::vector<int> &labels, double testFraction, double validationFraction,
                      std::uint64_t seed);

struct Metrics {
    double accuracy = 0, precision = 0, recall = 0, f1 = 0, auroc = 0.5, fpr = 0;
    int tp = 0, tn = 0, fp = 0, fn = 0;
};
/// Metrics at threshold 0.5 on like-probabilities; AUROC by the rank (Mann-Whitney) formula with
/// ties counted half; precision/recall/F1 are 0 when undefined.
Metrics computeMetrics(const std::vector<int> &truth, const std::vector<float> &probability);

/// One epoch of one stage, for progress and the loss curve.
struct EpochLog {
    std::string stage; ///< "embedder" or "classifier"
    int epoch = 0;     ///< 1-based
    int epochs = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double learningRate = 0;
};
/// Return false to cancel training.
using ProgressFn = std::function<bool(const EpochLog &)>;

/// Thrown when training is cancelled through the progress callback.
struct Cancelled {};

/// A trained model: either CLEP (embedder + classifier) or a baseline. Value semantics (pimpl).
class Model {
public:
    enum class Kind { Clep, LogisticRegression, KNearest, MlpOnly };

    Model();
    ~Model();
    Model(Model &&) noexcept;
    Model &operator=(Model &&) noexcept;
    Model(const Model &) = delete;
    Model &operator=(const Model &) = delete;

    Kind kind() const;
    /// "clep-pn", "clep-p", "clep-n", "logreg", "knn", "mlp".
    std::string id() const;
    /// Like-probabilities for rows of features (same size as the training features).
    std::vector<float> predict(const std::vector<std::vector<float>> &features) const;
    /// The same for `count` rows of `dim` values each, row-major, read in place (no per-row
    /// vectors: the recommendation list scores 100,000s of rows). Same results as the above.
    std::vector<float> predict(const float *rows, std::size_t count, std::size_t dim) const;
    /// The model's representation: the CLEP space for CLEP models, the input otherwise.
    std::vector<std::vector<float>> embed(const std::vector<std::vector<float>> &features) const;
    /// Training and validation losses per epoch.
    const std::vector<EpochLog> &log() const;

    /// A self-contained byte string (settings, input normalisation, weights) and back.
    std::string serialize() const;
    static Model deserialize(const std::string &bytes); ///< throws std::runtime_error

    /// Trains CLEP on split.train (split.validation drives the plateau schedule). Throws Cancelled.
    static Model trainClep(const Dataset &data, const Split &split, Variant variant, const ClepSettings &settings,
                           const ProgressFn &progress = {});
    /// Baselines on the same split: logistic regression and k-nearest-neighbours (k = 5,
    /// distance-weighted) on the raw (standardised) inputs, and the same classifier as CLEP's
    /// without the contrastive stage.
    static Model trainBaseline(Kind kind, const Dataset &data, const Split &split, const ClepSettings &settings,
                               const ProgressFn &progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Trains and tests one model on one split: metrics on split.test.
struct Evaluation {
    std::string model; ///< Model::id()
    Metrics metrics;
};
Evaluation evaluate(const Model &model, const Dataset &data, const Split &split);

} // namespace tastelab::train
