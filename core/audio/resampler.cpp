#include "audio/resampler.h"

#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

namespace tastelab::audio {

namespace {

double besselI0(double x)
{
    double sum = 1.0, term = 1.0;
    for (int k = 1; k < 64; ++k) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    return sum;
}

/// Low-pass FIR for decimation by factor: Kaiser-windowed sinc with its cutoff at the output's
/// Nyquist (0.5 / factor cycles per input sample), flat passband to 0.4 / factor, 80 dB stopband
/// from 0.6 / factor, unit gain at DC. Only the top fifth of the output band (0.4-0.5 of the new
/// rate, i.e. above 0.8 x the new Nyquist) can receive attenuated aliases; below it the result
/// is clean. The cutoff on a multiple of the sinc's period makes every factor-th tap zero (a
/// half-band filter for factor 2), and zero taps are skipped. Designed once per factor.
/// Thread-safe.
const std::vector<float> &decimationFilter(int factor)
{
    static std::mutex mutex;
    static std::map<int, std::vector<float>> filters;
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<float> &h = filters[factor];
    if (!h.empty())
        return h;
    constexpr double kPi = 3.14159265358979323846;
    const double attenuation = 80.0;
    const double transition = 0.2 / factor;                 // cycles per sample
    const double cutoff = 0.5 / factor;                     // middle of the transition
    const double beta = 0.1102 * (attenuation - 8.7);
    int taps = int(std::ceil((attenuation - 7.95) / (2.285 * 2.0 * kPi * transition))) + 1;
    taps |= 1; // odd: symmetric around a centre tap
    const int centre = taps / 2;
    std::vector<double> w(static_cast<std::size_t>(taps));
    double sum = 0;
    for (int i = 0; i < taps; ++i) {
        const double t = i - centre;
        // Exact zeros where the sinc crosses zero (every factor-th tap), not rounding noise.
        const double sinc = t == 0                       ? 2.0 * cutoff
            : std::fmod(std::fabs(t), double(factor)) == 0 ? 0.0
                                                         : std::sin(2.0 * kPi * cutoff * t) / (kPi * t);
        const double r = double(i - centre) / centre;
        w[std::size_t(i)] = sinc * besselI0(beta * std::sqrt(std::max(0.0, 1.0 - r * r))) / besselI0(beta);
        sum += w[std::size_t(i)];
    }
    h.resize(std::size_t(taps));
    for (int i = 0; i < taps; ++i)
        h[std::size_t(i)] = float(w[std::size_t(i)] / sum);
    return h;
}

/// Exact decimation by an integer factor: low-pass (decimationFilter) and keep every factor-th
/// sample, in polyphase form so the inner loop is a unit-stride multiply-add over a block that
/// stays in cache (the compiler vectorizes it). Output frame n is centred on input frame n * factor.
AudioBuffer decimate(const AudioBuffer &in, int factor)
{
    const std::vector<float> &h = decimationFilter(factor);
    const int taps = int(h.size());
    const int centre = taps / 2;
    const std::int64_t inFrames = in.frames();
    const std::int64_t outFrames = (inFrames + factor - 1) / factor;
    const int channels = in.channels;
    const std::int64_t perPhase = (taps + factor - 1) / factor; // taps per polyphase branch
    const std::int64_t phaseLength = outFrames + perPhase;

    AudioBuffer out;
    out.sampleRate = in.sampleRate / factor;
    out.channels = channels;
    out.samples.assign(std::size_t(outFrames * channels), 0.0f);

    std::vector<float> phases(std::size_t(factor * phaseLength));
    std::vector<float> y(static_cast<std::size_t>(outFrames));
    for (int c = 0; c < channels; ++c) {
        // phases[p][m] = x[m * factor + p - centre], zero outside the clip.
        std::fill(phases.begin(), phases.end(), 0.0f);
        for (int p = 0; p < factor; ++p) {
            float *dst = phases.data() + std::size_t(p) * std::size_t(phaseLength);
            for (std::int64_t m = 0; m < phaseLength; ++m) {
                const std::int64_t i = m * factor + p - centre;
                if (i >= 0 && i < inFrames)
                    dst[m] = in.samples[std::size_t(i * channels + c)];
            }
        }
        std::fill(y.begin(), y.end(), 0.0f);
        constexpr std::int64_t kBlock = 2048;
        for (std::int64_t b = 0; b < outFrames; b += kBlock) {
            const std::int64_t n = std::min(kBlock, outFrames - b);
            float *__restrict ys = y.data() + b;
            for (int p = 0; p < factor; ++p) {
                const float *phase = phases.data() + std::size_t(p) * std::size_t(phaseLength) + b;
                for (std::int64_t q = 0; q * factor + p < taps; ++q) {
                    const float coef = h[std::size_t(q * factor + p)];
                    if (std::fabs(coef) < 1e-9f)
                        continue; // a zero of the sinc
                    const float *__restrict xs = phase + q;
                    for (std::int64_t i = 0; i < n; ++i)
                        ys[i] += coef * xs[i];
                }
            }
        }
        for (std::int64_t f = 0; f < outFrames; ++f)
            out.samples[std::size_t(f * channels + c)] = y[std::size_t(f)];
    }
    return out;
}

} // namespace

AudioBuffer remixChannels(const AudioBuffer &in, int targetChannels)
{
    if (targetChannels <= 0)
        throw std::runtime_error("remixChannels: invalid channel count " + std::to_string(targetChannels));
    if (in.channels == targetChannels)
        return in;
    AudioBuffer out;
    out.sampleRate = in.sampleRate;
    out.channels = targetChannels;
    if (in.channels <= 0)
        return out;

    const std::int64_t frames = in.frames();
    const int inChannels = in.channels;
    out.samples.resize(std::size_t(frames) * targetChannels);
    const float *src = in.samples.data();
    float *dst = out.samples.data();
    if (inChannels == 1) {
        for (std::int64_t f = 0; f < frames; ++f)
            for (int c = 0; c < targetChannels; ++c)
                dst[f * targetChannels + c] = src[f];
    } else if (targetChannels == 1) {
        const float scale = 1.0f / float(inChannels);
        for (std::int64_t f = 0; f < frames; ++f) {
            float sum = 0.0f;
            for (int c = 0; c < inChannels; ++c)
                sum += src[f * inChannels + c];
            dst[f] = sum * scale;
        }
    } else {
        // Take the first channels; cycle through the input channels when there are more outputs.
        for (std::int64_t f = 0; f < frames; ++f)
            for (int c = 0; c < targetChannels; ++c)
                dst[f * targetChannels + c] = src[f * inChannels + (c % inChannels)];
    }
    return out;
}

AudioBuffer convert(const AudioBuffer &in, int targetRate, int targetChannels, ResampleQuality quality)
{
    if (targetRate <= 0)
        throw std::runtime_error("convert: invalid sample rate " + std::to_string(targetRate));
    if (targetChannels <= 0)
        throw std::runtime_error("convert: invalid channel count " + std::to_string(targetChannels));
    if (in.sampleRate == targetRate && in.channels == targetChannels)
        return in;
    if (in.sampleRate == targetRate)
        return remixChannels(in, targetChannels);
    if (in.sampleRate <= 0 || in.channels <= 0) {
        if (!in.samples.empty())
            throw std::runtime_error("convert: input buffer has no valid sample rate or channel count");
        AudioBuffer out;
        out.sampleRate = targetRate;
        out.channels = targetChannels;
        return out;
    }

    const double ratio = double(targetRate) / double(in.sampleRate);
    if (!src_is_valid_ratio(ratio))
        throw std::runtime_error("convert: cannot resample from " + std::to_string(in.sampleRate) + " Hz to "
                                 + std::to_string(targetRate) + " Hz (ratio out of range)");

    // Remix first when that reduces the work, afterwards otherwise.
    const bool remixFirst = targetChannels < in.channels;
    const AudioBuffer remixed = remixFirst ? remixChannels(in, targetChannels) : AudioBuffer{};
    const AudioBuffer &source = remixFirst ? remixed : in;

    // Integer down-sampling (44.1 -> 22.05 kHz, 48 -> 16 kHz, ...) has an exact, much cheaper
    // path: libsamplerate's sinc converters cost ~60 ms per 10-s clip, the decimator ~2 ms.
    if (quality != ResampleQuality::Best && in.sampleRate > targetRate && in.sampleRate % targetRate == 0) {
        const AudioBuffer out = decimate(source, in.sampleRate / targetRate);
        return remixFirst ? out : remixChannels(out, targetChannels);
    }

    AudioBuffer out;
    out.sampleRate = targetRate;
    out.channels = source.channels;
    const std::int64_t inFrames = source.frames();
    if (inFrames > 0) {
        const long capacity = long(std::ceil(double(inFrames) * ratio)) + 64;
        out.samples.resize(std::size_t(capacity) * std::size_t(source.channels));
        SRC_DATA data{};
        data.data_in = source.samples.data();
        data.input_frames = long(inFrames);
        data.data_out = out.samples.data();
        data.output_frames = capacity;
        data.src_ratio = ratio;
        data.end_of_input = 1;
        int converter = SRC_SINC_MEDIUM_QUALITY;
        switch (quality) {
        case ResampleQuality::Best:
            converter = SRC_SINC_BEST_QUALITY;
            break;
        case ResampleQuality::Medium:
            converter = SRC_SINC_MEDIUM_QUALITY;
            break;
        case ResampleQuality::Fastest:
            converter = SRC_SINC_FASTEST;
            break;
        }
        const int error = src_simple(&data, converter, source.channels);
        if (error != 0)
            throw std::runtime_error(std::string("resampling failed: ") + src_strerror(error));
        out.samples.resize(std::size_t(data.output_frames_gen) * std::size_t(source.channels));
    }
    return remixFirst ? out : remixChannels(out, targetChannels);
}

} // namespace tastelab::audio
