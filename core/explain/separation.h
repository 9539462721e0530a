#pragma once

// Optional source separation for explanations: a user-supplied TorchScript model with a JSON
// manifest (format in docs/explanations.md) whose sources become components. Plain C++17;
// LibTorch stays in the .cpp.

#include "explain/decomposition.h"

#include <memory>
#include <string>
#include <vector>

namespace tastelab::explain {

struct SeparationInfo {
    std::string name;
    std::string version;
    std::string manifestPath;
    std::string path;                 ///< the TorchScript file (resolved against the manifest)
    int sampleRate = 0;
    int channels = 0;                 ///< input channels
    std::vector<std::string> sources; ///< output order
    std::string licence;
    std::string source;
    std::string description;
};

/// Reads and checks a separation manifest. Throws ExplainError naming the manifest and the field.
SeparationInfo readSeparationManifest(const std::string &manifestPath);

/// A loaded separation model: forward(x [1, channels, samples]) returns [1, sources, samples] or
/// [sources, samples] (or with a channel axis, [1, sources, channels, samples], averaged to mono).
class SeparationModel {
public:
    /// Loads and validates (one second of silence must give one row per manifest source). Throws
    /// ExplainError naming the file and the reason.
    static std::unique_ptr<SeparationModel> load(const std::string &manifestPath);
    ~SeparationModel();

    const SeparationInfo &info() const;
    /// Mono sources at info().sampleRate, as long as the clip; clip at info().sampleRate with
    /// info().channels. Throws ExplainError.
    std::vector<audio::AudioBuffer> separate(const audio::AudioBuffer &clip);

private:
    SeparationModel();
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Components from a separation: clip is mono at any rate (the encoder's); it is converted to the
/// model's rate and channels, separated, and the sources are converted back and fitted to the
/// clip's length.
Decomposition sourceComponents(SeparationModel &model, const audio::AudioBuffer &clip);

} // namespace tastelab::explain
