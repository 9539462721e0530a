#pragma once

#include <QString>

#include <functional>

namespace tastelab {

/// The built-in demo library: synthesized once into <dataDir>/demo-library with manifest.csv.
/// Returns the library folder, or an empty string with *error. progress(done, total) may cancel
/// by returning false.
QString ensureDemoLibrary(const QString &dataDir, QString *error,
                          const std::function<bool(int, int)> &progress = {});

/// Creates (or opens, when it exists) <dataDir>/demo-study.tastelab from the demo library with
/// default settings (like/dislike, 10 s clips, 60 clips per participant). Returns the study path
/// or empty with *error.
QString ensureDemoStudy(const QString &dataDir, QString *error,
                        const std::function<bool(int, int)> &progress = {});

} // namespace tastelab
