#pragma once

#include "audio/audiobuffer.h"

namespace tastelab::audio {

/// Converts the channel layout: mono -> N duplicates, N -> mono averages, stereo <-> other
/// counts by taking/duplicating the first channels. Returns the input unchanged when equal.
AudioBuffer remixChannels(const AudioBuffer &in, int targetChannels);

enum class ResampleQuality { Best, Medium, Fastest };

/// Resamples with libsamplerate (SRC_SINC_* by quality) and remixes to targetChannels.
/// Returns the input unchanged when rate and channels already match. Throws std::runtime_error
/// with libsamplerate's message on failure.
AudioBuffer convert(const AudioBuffer &in, int targetRate, int targetChannels,
                    ResampleQuality quality = ResampleQuality::Medium);

} // namespace tastelab::audio
