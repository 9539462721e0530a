#pragma once

#include "embed/encoder.h"

#include <memory>

namespace tastelab::embed {

/// The built-in encoder: hand-made audio features computed with LibTorch tensor ops (so they run
/// on the GPU too), no weights needed. 22,050 Hz mono input. Feature groups and sizes are listed in
/// docs/encoders.md and by builtinFeatureGroups(). Deterministic on CPU.
std::unique_ptr<Encoder> makeBuiltinEncoder();

/// (group name, number of values) in the order they appear in the vector.
std::vector<std::pair<std::string, int>> builtinFeatureGroups();

} // namespace tastelab::embed
