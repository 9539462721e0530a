#pragma once

// A tiny random-weight "separation model" for the tests (no torch header here: GUI tests use it).

#include <QString>

namespace tastelab::test {

/// Writes DIR/tiny.pt (TorchScript: a 1-D convolution with one output row per source, seeded
/// random weights) and DIR/tiny.json (its manifest: 16 kHz mono, the given "sources" JSON list
/// items); returns the manifest's path.
QString writeTinySeparator(const QString &dir, int sources, const QString &manifestSources);

} // namespace tastelab::test
