#pragma once

// Test and benchmark hooks of the CLEP implementation (clep.cpp); the app has no use for them.
// Plain C++17, like clep.h.

#include "train/clep.h"

#include <cstdint>

namespace tastelab::train::detail {

/// The largest absolute difference between the hand-written gradients that training uses and
/// LibTorch autograd's, on a small random network and batch: the Siamese MLP under the contrastive
/// loss of `variant` (margin chosen so that both sides of the hinge occur) and the 3-layer
/// classifier under binary cross-entropy. `...Scale` is the largest absolute gradient, for a
/// relative bound.
struct GradientCheck {
    double embedderError = 0, embedderScale = 0;
    double classifierError = 0, classifierScale = 0;
};
GradientCheck checkGradients(Variant variant, int songs, std::uint64_t seed);

/// The largest absolute difference between the steered contrastive loss's hand-written gradient
/// (with respect to the embeddings of the songs and of the anchors) and central finite differences,
/// on random embeddings of `songs` songs and `anchors` anchors (both directions); `scale` is the
/// largest absolute gradient.
struct SteeringGradientCheck {
    double error = 0, scale = 0;
    double loss = 0;      ///< the steered loss
    double plainLoss = 0; ///< the same songs without the anchors
};
SteeringGradientCheck checkSteeringGradient(Variant variant, int songs, int anchors, std::uint64_t seed);

/// Matrix products through LibTorch's at::mm instead of oneDNN's sgemm (for benchmarks; process-wide,
/// set it before any training starts). No effect in a build without oneDNN.
void setLibTorchGemm(bool on);
/// True when matrix products go to oneDNN's sgemm.
bool usesOneDnnGemm();

} // namespace tastelab::train::detail
