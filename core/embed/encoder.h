#pragma once

#include "audio/audiobuffer.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tastelab::embed {

/// Where an encoder runs.
enum class Device { Cpu, Cuda };

/// "cpu" / "cuda".
std::string deviceName(Device device);

/// True when this LibTorch build has CUDA and a GPU is present. Thread-safe.
bool cudaAvailable();

/// The device to use by default: CUDA when available, else CPU.
Device defaultDevice();

/// Everything the app shows and stores about an encoder. A plain value type.
struct EncoderInfo {
    std::string name;         ///< unique, e.g. "builtin-features", "clmr-samplecnn"
    std::string version;      ///< human-readable version of the encoder
    std::string contentHash;  ///< identifies the exact computation (weights + code); stored with every embedding
    int sampleRate = 0;       ///< input rate the encoder expects
    int channels = 0;         ///< input channels the encoder expects
    std::int64_t windowSamples = 0; ///< analysis window in samples (per channel)
    std::int64_t hopSamples = 0;    ///< hop between windows in samples
    std::string pooling;      ///< how window outputs become one vector: "mean", "max", "mean+std", "stats"
    int embeddingSize = 0;
    std::string licence;      ///< licence of the weights ("n/a" for built-in)
    std::string source;       ///< where the weights come from
    std::string description;
    std::string path;         ///< model file, empty for built-in encoders
    bool builtin = false;
};

/// Thrown when an encoder cannot be loaded or used; what() is user-readable and names the file.
class EncoderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An audio encoder: clips in, one fixed-size vector per clip out.
///
/// Clips passed to embed() must already be at info().sampleRate and info().channels (the
/// extraction pipeline resamples). Clips may have different lengths. An Encoder object is used by
/// one thread at a time; create one per thread if needed. LibTorch stays behind this interface:
/// no torch header is included by users of it.
class Encoder {
public:
    virtual ~Encoder() = default;
    virtual const EncoderInfo &info() const = 0;
    /// Moves the encoder to the device. Throws EncoderError when the device is not available.
    virtual void setDevice(Device device) = 0;
    virtual Device device() const = 0;
    /// Returns clips.size() vectors of info().embeddingSize floats. Throws EncoderError.
    virtual std::vector<std::vector<float>> embed(const std::vector<audio::AudioBuffer> &clips) = 0;
};

} // namespace tastelab::embed
