#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tastelab::audio {

/// Interleaved 32-bit float PCM in [-1, 1]. A plain value type, safe to move between threads.
struct AudioBuffer {
    int sampleRate = 0;
    int channels = 0;
    std::vector<float> samples; ///< interleaved, frames() * channels values

    std::int64_t frames() const
    {
        return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0;
    }
    double durationSeconds() const
    {
        return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0.0;
    }
    bool empty() const { return samples.empty(); }
};

/// Thrown by decode, probe and write functions. what() is a complete, user-readable reason
/// that names the file, e.g. "/music/a.flac: not a supported audio file (File contains data in
/// an unknown format.)".
class AudioError : public std::runtime_error {
public:
    AudioError(std::string path, std::string reason)
        : std::runtime_error(path + ": " + reason), m_path(std::move(path)), m_reason(std::move(reason))
    {
    }
    const std::string &path() const { return m_path; }
    /// The reason without the path.
    const std::string &reason() const { return m_reason; }

private:
    std::string m_path;
    std::string m_reason;
};

} // namespace tastelab::audio
