#pragma once

#include "audio/audiobuffer.h"

#include <string>
#include <vector>

namespace tastelab::audio {

/// What libsndfile reports about a file without decoding it.
struct AudioInfo {
    int sampleRate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    std::string format;  ///< human-readable major format, e.g. "FLAC", "WAV", "OGG (Vorbis)", "MPEG layer III"
    std::string title;   ///< from tags when libsndfile exposes them, else empty
    std::string artist;  ///< from tags when libsndfile exposes them, else empty
    std::string genre;   ///< from tags when libsndfile exposes them, else empty

    double durationSeconds() const { return sampleRate > 0 ? double(frames) / sampleRate : 0.0; }
};

/// Opens the file with libsndfile and reads its header and tags. Thread-safe (no shared state).
/// Throws AudioError for a missing, unreadable, empty or unsupported file.
AudioInfo probeAudio(const std::string &path);

/// Decodes [startSeconds, startSeconds + lengthSeconds) of the file at its native rate and channel
/// count. lengthSeconds < 0 reads to the end. A range that runs past the end is cut short.
/// Throws AudioError when the file cannot be opened, the start lies beyond the end, or decoding
/// fails part-way (truncated/corrupt data).
AudioBuffer decodeAudio(const std::string &path, double startSeconds = 0.0, double lengthSeconds = -1.0);

/// Decodes the whole file in small blocks without keeping the samples, so that a truncated or
/// corrupt file is found before it is used (an import checks every file this way). Throws
/// AudioError with the same reasons as decodeAudio(). Memory use does not grow with the file.
void verifyAudio(const std::string &path);

/// Tags written into a FLAC/Ogg/WAV file by writeAudio().
struct AudioTags {
    std::string title;
    std::string artist;
    std::string genre;
};

/// Writes the buffer as FLAC (16-bit), WAV (16-bit PCM) or Ogg Vorbis, chosen by the path's
/// extension (.flac, .wav, .ogg). Throws AudioError on any failure; a partial file is removed.
void writeAudio(const std::string &path, const AudioBuffer &buffer, const AudioTags &tags = {});

/// The file extensions libsndfile can decode here (lower case, without dot), e.g. "flac", "mp3".
const std::vector<std::string> &supportedExtensions();

} // namespace tastelab::audio
