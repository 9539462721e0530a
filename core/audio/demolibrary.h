#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tastelab::audio {

/// One synthesized track of the built-in demo library.
struct DemoTrack {
    std::string relativePath; ///< relative to the library folder, e.g. "ambient/ambient-03.flac"
    std::string genre;        ///< style name, also the parent folder name
    std::string title;
    std::string artist;
    double durationSeconds = 0;
};

struct DemoLibraryOptions {
    int tracksPerStyle = 12;
    double minDurationSeconds = 30;
    double maxDurationSeconds = 60;
    int sampleRate = 44100; ///< stereo output
    std::uint64_t seed = 20231;
};

/// The style names, at least five, each clearly different in tempo, rhythm, timbre, harmony
/// and loudness envelope.
const std::vector<std::string> &demoStyles();

/// Synthesizes tracksPerStyle tracks for every style into folder/<style>/<style>-NN.flac with
/// title/artist/genre tags, and writes folder/manifest.csv (path,genre,title,artist; paths
/// relative to folder). Deterministic for a given seed. progress(done, total) is called after each
/// track; returning false from it cancels (what is written stays, the manifest is not written).
/// Throws AudioError when a file cannot be written. Tracks are synthesized on worker threads (one
/// per core), but progress is only ever called on the calling thread; the function is reentrant.
std::vector<DemoTrack> generateDemoLibrary(const std::string &folder, const DemoLibraryOptions &options = {},
                                           const std::function<bool(int, int)> &progress = {});

} // namespace tastelab::audio
