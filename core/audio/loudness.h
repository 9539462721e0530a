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

/// How clips are brought to a common level (the study file's loudness.mode).
enum class LoudnessMode {
    Lufs, ///< integrated loudness (ITU-R BS.1770-4 with EBU R128 gating) to a target in LUFS
    Rms,  ///< RMS level (all samples) to a target in dBFS
    None, ///< no gain; the peak ceiling is not applied either
};

/// Floor reported for silence or audio too short to measure (BS.1770 needs one 400 ms block).
constexpr double kSilenceLufs = -120.0;

/// Integrated loudness in LUFS (ITU-R BS.1770-4: K-weighting, 400 ms blocks with 75 % overlap,
/// absolute gate at -70 LUFS and relative gate at -10 LU), measured with libebur128. Channels 0..4
/// are L, R, C, Ls, Rs (BS.1770's weights: 1, 1, 1, 1.41, 1.41); channels after the fifth are not
/// counted. A mono buffer is measured as dual mono (played on both loudspeakers: +3.01 dB over a
/// single channel), so a mono file and its stereo copy read the same. kSilenceLufs for silence,
/// audio below the absolute gate (-70 LUFS) or less than 400 ms of audio. Throws AudioError when libebur128 fails.
double integratedLufs(const AudioBuffer &buffer);

/// Linear gain that brings the buffer's integrated loudness to targetLufs, with the same limits as
/// normalizationGain(): the peak after gain at or below peakCeiling and at most +24 dB.
float loudnessGain(const AudioBuffer &buffer, double targetLufs = -23.0, float peakCeiling = 0.98f);

/// What normalize() did. Levels are in LUFS (Lufs, None) or dBFS RMS (Rms).
struct Normalization {
    float gain = 1.0f;
    double before = kSilenceLufs; ///< level before gain
    double after = kSilenceLufs;  ///< level after gain, measured again
    bool peakLimited = false;     ///< the peak ceiling kept the clip below the target
    bool boostLimited = false;    ///< the +24 dB limit kept the clip below the target
};

/// Measures, applies the gain for the mode and measures again. With LoudnessMode::None the buffer
/// is unchanged and before/after are its integrated loudness.
Normalization normalize(AudioBuffer &buffer, LoudnessMode mode, double target, float peakCeiling = 0.98f);

/// A sine tone (for the calibration page) scaled so that its integrated loudness is lufs (a
/// 1 kHz stereo sine of peak amplitude A reads 20 log10(A) LUFS; the scale is then corrected by
/// measuring). Raised-cosine fades of 20 ms at both ends.
AudioBuffer calibrationTone(double lufs, double seconds = 10.0, int sampleRate = 48000, int channels = 2,
                            double frequencyHz = 1000.0);

/// Multiplies all samples by gain.
void applyGain(AudioBuffer &buffer, float gain);

/// Applies a raised-cosine fade-in over the first fadeMs and a fade-out over the last fadeMs.
void applyFades(AudioBuffer &buffer, double fadeMs);

} // namespace tastelab::audio
