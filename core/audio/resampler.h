#pragma once

#include "audio/audiobuffer.h"

namespace tastelab::audio {

/// Converts the channel layout: mono -> N duplicates, N -> mono averages, stereo <-> other
/// counts by taking/duplicating the first channels. Returns the input unchanged when equal.
AudioBuffer remixChannels(const AudioBuffer &in, int targetChannels);

enum class ResampleQuality { Best, Medium, Fastest };

/// Resamples and remixes to targetChannels. Down-sampling by an integer factor (44.1 -> 22.05 kHz,
/// 48 -> 16 kHz) uses a polyphase decimator unless quality is Best (Kaiser-windowed sinc cut at
/// the new Nyquist: flat and alias-free below 0.8 x the new Nyquist, 80 dB stopband from 1.2 x);
/// everything else goes through libsamplerate (SRC_SINC_* by quality).
/// Returns the input unchanged when rate and channels already match. Throws std::runtime_error
/// with libsamplerate's message on failure.
AudioBuffer convert(const AudioBuffer &in, int targetRate, int targetChannels,
                    ResampleQuality quality = ResampleQuality::Medium);

} // namespace tastelab::audio
