#include "audio/loudness.h"

#include <algorithm>
#include <cmath>

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

float normalizationGain(const AudioBuffer &buffer, double targetDbfs, float peakCeiling)
{
    const double rms = rmsDbfs(buffer);
    const float peak = peakLevel(buffer);
    if (rms <= kSilenceDbfs || peak <= 0.0f)
        return 1.0f;
    const double gainDb = std::min(targetDbfs - rms, kMaxBoostDb);
    double gain = std::pow(10.0, gainDb / 20.0);
    if (peakCeiling > 0.0f && double(peak) * gain > double(peakCeiling))
        gain = double(peakCeiling) / double(peak);
    return float(gain);
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
