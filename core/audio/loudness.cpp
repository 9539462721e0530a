#include "audio/loudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace tastelab::audio {

namespace {
constexpr double kSilenceDbfs = -120.0;
constexpr double kMaxBoostDb = 24.0;
constexpr double kPi = 3.14159265358979323846;
} // namespace

double rmsDbfs(const AudioBuffer &buffer)
{
    if (buffer.samples.empty())
        return kSilenceDbfs;
    double sum = 0.0;
    for (const float s : buffer.samples)
        sum += double(s) * double(s);
    const double meanSquare = sum / double(buffer.samples.size());
    if (meanSquare <= 0.0)
        return kSilenceDbfs;
    return std::max(kSilenceDbfs, 10.0 * std::log10(meanSquare));
}

float peakLevel(const AudioBuffer &buffer)
{
    float peak = 0.0f;
    for (const float s : buffer.samples)
        peak = std::max(peak, std::fabs(s));
    return peak;
}

namespace {

/// Gain in dB towards target from level, limited by the boost and the peak ceiling.
float limitedGain(double level, double target, float peak, float peakCeiling, bool *peakLimited, bool *boostLimited)
{
    if (level <= kSilenceDbfs || peak <= 0.0f)
        return 1.0f;
    double gainDb = target - level;
    if (gainDb > kMaxBoostDb) {
        gainDb = kMaxBoostDb;
        if (boostLimited)
            *boostLimited = true;
    }
    double gain = std::pow(10.0, gainDb / 20.0);
    if (peakCeiling > 0.0f && double(peak) * gain > double(peakCeiling)) {
        gain = double(peakCeiling) / double(peak);
        if (peakLimited)
            *peakLimited = true;
    }
    return float(gain);
}

} // namespace

float normalizationGain(const AudioBuffer &buffer, double targetDbfs, float peakCeiling)
{
    return limitedGain(rmsDbfs(buffer), targetDbfs, peakLevel(buffer), peakCeiling, nullptr, nullptr);
}

double integratedLufs(const AudioBuffer &buffer)
{
    if (buffer.channels <= 0 || buffer.sampleRate <= 0 || buffer.frames() == 0)
        return kSilenceLufs;
    struct Destroy {
        void operator()(ebur128_state *st) const { ebur128_destroy(&st); }
    };
    std::unique_ptr<ebur128_state, Destroy> st(
        ebur128_init(unsigned(buffer.channels), static_cast<unsigned long>(buffer.sampleRate), EBUR128_MODE_I));
    if (!st)
        throw AudioError("<buffer>", "libebur128 cannot measure " + std::to_string(buffer.channels) + " channels at "
                                         + std::to_string(buffer.sampleRate) + " Hz");
    if (buffer.channels == 1)
        ebur128_set_channel(st.get(), 0, EBUR128_DUAL_MONO);
    for (int c = 5; c < buffer.channels; ++c)
        ebur128_set_channel(st.get(), unsigned(c), EBUR128_UNUSED);
    // In chunks of one second: libebur128 takes a size_t frame count, but stay modest.
    const std::int64_t frames = buffer.frames();
    const std::int64_t chunk = buffer.sampleRate;
    for (std::int64_t f = 0; f < frames; f += chunk) {
        const std::int64_t n = std::min(chunk, frames - f);
        if (ebur128_add_frames_float(st.get(), buffer.samples.data() + f * buffer.channels, std::size_t(n))
            != EBUR128_SUCCESS)
            throw AudioError("<buffer>", "libebur128 could not measure the loudness");
    }
    double lufs = 0.0;
    if (ebur128_loudness_global(st.get(), &lufs) != EBUR128_SUCCESS)
        throw AudioError("<buffer>", "libebur128 could not measure the loudness");
    if (!std::isfinite(lufs) || lufs < kSilenceLufs)
        return kSilenceLufs;
    return lufs;
}

float loudnessGain(const AudioBuffer &buffer, double targetLufs, float peakCeiling)
{
    return limitedGain(integratedLufs(buffer), targetLufs, peakLevel(buffer), peakCeiling, nullptr, nullptr);
}

Normalization normalize(AudioBuffer &buffer, LoudnessMode mode, double target, float peakCeiling)
{
    Normalization n;
    switch (mode) {
    case LoudnessMode::None:
        n.before = n.after = integratedLufs(buffer);
        return n;
    case LoudnessMode::Rms:
        n.before = rmsDbfs(buffer);
        break;
    case LoudnessMode::Lufs:
        n.before = integratedLufs(buffer);
        break;
    }
    n.gain = limitedGain(n.before, target, peakLevel(buffer), peakCeiling, &n.peakLimited, &n.boostLimited);
    applyGain(buffer, n.gain);
    n.after = mode == LoudnessMode::Rms ? rmsDbfs(buffer) : integratedLufs(buffer);
    return n;
}

AudioBuffer calibrationTone(double lufs, double seconds, int sampleRate, int channels, double frequencyHz)
{
    AudioBuffer b;
    b.sampleRate = sampleRate;
    b.channels = channels;
    const std::int64_t frames = std::max<std::int64_t>(0, std::llround(seconds * sampleRate));
    b.samples.resize(std::size_t(frames * channels));
    const double amplitude = std::pow(10.0, lufs / 20.0);
    for (std::int64_t i = 0; i < frames; ++i) {
        const float v = float(amplitude * std::sin(2.0 * kPi * frequencyHz * double(i) / sampleRate));
        for (int c = 0; c < channels; ++c)
            b.samples[std::size_t(i * channels + c)] = v;
    }
    applyFades(b, 20.0);
    const double measured = integratedLufs(b);
    if (measured > kSilenceLufs)
        applyGain(b, float(std::pow(10.0, (lufs - measured) / 20.0)));
    return b;
}

void applyGain(AudioBuffer &buffer, float gain)
{
    for (float &s : buffer.samples)
        s *= gain;
}

void applyFades(AudioBuffer &buffer, double fadeMs)
{
    if (!(fadeMs > 0.0) || buffer.channels <= 0 || buffer.sampleRate <= 0)
        return;
    const std::int64_t frames = buffer.frames();
    const std::int64_t fadeFrames =
        std::min<std::int64_t>(std::llround(fadeMs * 0.001 * buffer.sampleRate), frames / 2);
    if (fadeFrames <= 0)
        return;
    const int channels = buffer.channels;
    float *data = buffer.samples.data();
    for (std::int64_t i = 0; i < fadeFrames; ++i) {
        // Raised cosine from 0 (first/last frame) towards 1.
        const float g = float(0.5 - 0.5 * std::cos(kPi * double(i) / double(fadeFrames)));
        float *head = data + i * channels;
        float *tail = data + (frames - 1 - i) * channels;
        for (int c = 0; c < channels; ++c) {
            head[c] *= g;
            tail[c] *= g;
        }
    }
}

} // namespace tastelab::audio
