#pragma once

#include "embed/encoder.h"

#include <memory>
#include <string>

namespace tastelab::embed {

/// Reads and checks a manifest (JSON; format in docs/encoders.md). The model file named in it is
/// resolved relative to the manifest. Does not load the model. Throws EncoderError naming the
/// manifest and the field that is wrong.
EncoderInfo readManifest(const std::string &manifestPath);

/// Loads a TorchScript encoder described by a manifest: the module maps a batch of windows
/// [batch, channels, windowSamples] (float, -1..1) to [batch, embeddingSize]; clips are cut into
/// windows of windowSamples every hopSamples (a clip shorter than a window is zero-padded), and the
/// window outputs are pooled per the manifest. Validates on load (see createEncoder()).
/// contentHash is a SHA-256 over the model file's SHA-256 and the sample rate, channels, window,
/// hop and pooling, so that any change to what a clip becomes invalidates cached embeddings.
/// Throws EncoderError.
std::unique_ptr<Encoder> loadTorchScriptEncoder(const std::string &manifestPath);

} // namespace tastelab::embed
