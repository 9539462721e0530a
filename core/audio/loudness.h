#pragma once

#include "audio/audiobuffer.h"

namespace tastelab::audio {

/// RMS level of all samples (all channels together) in dBFS; -inf style floor of -120 for silence.
double rmsDbfs(const AudioBuffer &buffer);

/// Peak absolute sample value.
float peakLevel(const AudioBuffer &buffer);

/// Linear gain that brings the buffer's RMS to targetDbfs, limited so that the peak after gain
/// stays at or below peakCeiling (linear), and to at most +24 dB so that near-silent clips are not
/// blown up. Documented in docs/audio.md.
float normalizationGain(const AudioBuffer &buffer, double targetDbfs = -20.0, float peakCeiling = 0.98f);

/// Multiplies all samples by gain.
void applyGain(AudioBuffer &buffer, float gain);

/// Applies a raised-cosine fade-in over the first fadeMs and a fade-out over the last fadeMs.
void applyFades(AudioBuffer &buffer, double fadeMs);

} // namespace tastelab::audio
