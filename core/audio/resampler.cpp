#include "audio/resampler.h"

#include <samplerate.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace tastelab::audio {

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
