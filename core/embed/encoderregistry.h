#pragma once

#include "embed/encoder.h"

#include <memory>
#include <string>
#include <vector>

namespace tastelab::embed {

/// An encoder the app can offer. A file-based encoder whose manifest or model is broken is still
/// listed, with problem saying why it cannot be used, so the picker can show it greyed out.
struct EncoderListing {
    EncoderInfo info;
    std::string problem; ///< empty when usable
};

/// The default encoder's name (the built-in features; needs no weights).
std::string defaultEncoderName();

/// Built-in encoders (from the one table in encoderregistry.cpp; adding an encoder touches only
/// that table) followed by every `*.json` manifest found directly in modelDirs (see
/// docs/encoders.md for the manifest format). Only manifests are read here: cheap enough for a
/// picker. Thread-safe.
std::vector<EncoderListing> listEncoders(const std::vector<std::string> &modelDirs);

/// Creates the named encoder on the CPU. For a file-based encoder this loads and validates the
/// model (it runs one window of silence through it and checks the output shape), so a broken,
/// mismatched or wrong-shape model is refused here, with a message naming the file, and never in
/// the middle of a run. Throws EncoderError.
std::unique_ptr<Encoder> createEncoder(const std::string &name, const std::vector<std::string> &modelDirs);

} // namespace tastelab::embed
