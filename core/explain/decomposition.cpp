// Components of an excerpt and rendering with components switched off. See decomposition.h and
// docs/explanations.md.

#include "explain/decomposition.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tastelab::explain {

namespace {

constexpr std::int64_t kFft = 1024;
constexpr std::int64_t kHop = 256;
constexpr std::int64_t kBins = kFft / 2 + 1;
constexpr std::int64_t kMedianKernel = 17; // HPSS median filter length (frames / bins)
constexpr double kCrossfadeSeconds = 0.010;
constexpr double kPi = 3.14159265358979323846;

std::string seconds(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", s);
    return buf;
}

std::string hz(double f)
{
    char buf[32];
    if (f >= 1000.0)
        std::snprintf(buf, sizeof buf, "%.1f kHz", f / 1000.0);
    else
        std::snprintf(buf, sizeof buf, "%.0f Hz", f);
    return buf;
}

torch::Tensor hann()
{
    return torch::hann_window(kFft, torch::TensorOptions().dtype(torch::kFloat));
}

torch::Tensor stftOf(const torch::Tensor &x)
{
    return torch::stft(x, kFft, kHop, kFft, hann(), true, "constant", false, true, true);
}

/// Median filter along the last axis (replicated edges).
torch::Tensor medianLast(const torch::Tensor &x)
{
    const std::int64_t half = kMedianKernel / 2;
    const auto padded = at::replication_pad1d(x.unsqueeze(0), {half, half}).squeeze(0);
    return std::get<0>(padded.unfold(-1, kMedianKernel, 1).median(-1));
}

} // namespace

std::string modeId(ComponentMode mode)
{
    switch (mode) {
    case ComponentMode::Segments: return "segments";
    case ComponentMode::Bands: return "bands";
    case ComponentMode::Hpss: return "hpss";
    case ComponentMode::Combined: return "combined";
    case ComponentMode::CombinedBands: return "combined-bands";
    case ComponentMode::Sources: return "sources";
    }
    return "segments";
}

bool modeFromId(const std::string &id, ComponentMode *out)
{
    for (ComponentMode m : {ComponentMode::Segments, ComponentMode::Bands, ComponentMode::Hpss,
                            ComponentMode::Combined, ComponentMode::CombinedBands, ComponentMode::Sources}) {
        if (modeId(m) == id) {
            *out = m;
            return true;
        }
    }
    return false;
}

std::string baselineId(Baseline b)
{
    return b == Baseline::Remove ? "remove" : "silence";
}

bool baselineFromId(const std::string &id, Baseline *out)
{
    for (Baseline b : {Baseline::Remove, Baseline::Silence})
        if (baselineId(b) == id) {
            *out = b;
            return true;
        }
    return false;
}

std::vector<double> melBandEdges(int bands, double nyquistHz)
{
    const auto mel = [](double f) { return 2595.0 * std::log10(1.0 + f / 700.0); };
    const auto inv = [](double m) { return 700.0 * (std::pow(10.0, m / 2595.0) - 1.0); };
    std::vector<double> edges;
    const double top = mel(nyquistHz);
    for (int i = 0; i <= bands; ++i)
        edges.push_back(i == bands ? nyquistHz : inv(top * double(i) / double(bands)));
    return edges;
}

struct Decomposition::Impl {
    ComponentMode mode = ComponentMode::Segments;
    Baseline baseline = Baseline::Silence;
    int parts = 1; ///< components per segment (segment-major order)
    audio::AudioBuffer clip;
    std::vector<Component> components;
    std::vector<std::int64_t> boundaries; ///< Segments: sample boundaries
    torch::Tensor gates;                  ///< Segments: [n, samples] time-domain gates
    torch::Tensor spectrum;               ///< spectral modes: complex [bins, frames]
    torch::Tensor masks;                  ///< spectral modes: [n, bins, frames]
    torch::Tensor sources;                ///< Sources: [n, samples]

    torch::Tensor signal() const
    {
        return torch::from_blob(const_cast<float *>(clip.samples.data()), {clip.frames()}, torch::kFloat);
    }

    /// Gates that sum to one: segment s fades in around boundary s and out around boundary s + 1
    /// (raised cosine of kCrossfadeSeconds centred on the boundary; no fade at the clip's ends).
    void makeGates()
    {
        const std::int64_t n = std::int64_t(boundaries.size()) - 1;
        const std::int64_t length = clip.frames();
        const double fade = std::max(1.0, kCrossfadeSeconds * clip.sampleRate);
        auto rise = [&](std::int64_t b) { // r(t; b) as a [samples] tensor
            std::vector<float> r(static_cast<std::size_t>(length));
            for (std::int64_t t = 0; t < length; ++t) {
                const double x = (double(t) - double(b) + fade / 2.0) / fade;
                r[std::size_t(t)] = x <= 0.0 ? 0.0f : x >= 1.0 ? 1.0f : float(0.5 - 0.5 * std::cos(kPi * x));
            }
            return torch::tensor(r, torch::kFloat);
        };
        std::vector<torch::Tensor> rises;
        rises.push_back(torch::ones({length}));
        for (std::int64_t s = 1; s < n; ++s)
            rises.push_back(rise(boundaries[std::size_t(s)]));
        rises.push_back(torch::zeros({length}));
        std::vector<torch::Tensor> g;
        for (std::int64_t s = 0; s < n; ++s)
            g.push_back(rises[std::size_t(s)] - rises[std::size_t(s + 1)]);
        gates = torch::stack(g);
    }

    /// The kept segments joined: each run of adjacent kept segments fades in (out) over 5 ms where
    /// it starts (ends) at a cut, i.e. not at the clip's own start (end).
    torch::Tensor joined(const Mask &m) const { return joined(m, signal()); }

    /// The same for any signal as long as the clip (a segment is kept when any of its parts is).
    torch::Tensor joined(const Mask &components, const torch::Tensor &x) const
    {
        Mask m(boundaries.size() - 1, false);
        for (std::size_t c = 0; c < components.size(); ++c)
            if (components[c])
                m[c / std::size_t(parts)] = true;
        const std::int64_t length = clip.frames();
        const auto fade = std::int64_t(std::max(1.0, kCrossfadeSeconds / 2.0 * clip.sampleRate));
        std::vector<torch::Tensor> pieces;
        const std::size_t n = m.size();
        for (std::size_t s = 0; s < n;) {
            if (!m[s]) {
                ++s;
                continue;
            }
            std::size_t e = s;
            while (e + 1 < n && m[e + 1])
                ++e;
            const std::int64_t from = boundaries[s];
            const std::int64_t to = boundaries[e + 1];
            auto piece = x.narrow(0, from, to - from).clone();
            const std::int64_t ramp = std::min(fade, (to - from) / 2);
            if (ramp > 0) {
                const auto up = 0.5 - 0.5 * torch::cos(torch::arange(ramp, torch::kFloat) * float(kPi / double(ramp)));
                if (from > 0)
                    piece.narrow(0, 0, ramp).mul_(up);
                if (to < length)
                    piece.narrow(0, to - from - ramp, ramp).mul_(up.flip(0));
            }
            pieces.push_back(piece);
            s = e + 1;
        }
        return torch::cat(pieces).contiguous();
    }

    /// Segment index of STFT frame t (by its centre sample).
    int segmentOfFrame(std::int64_t t) const
    {
        const std::int64_t centre = t * kHop;
        for (std::size_t s = 0; s + 1 < boundaries.size(); ++s)
            if (centre < boundaries[s + 1])
                return int(s);
        return int(boundaries.size()) - 2;
    }
};

Decomposition::Decomposition() : d(std::make_unique<Impl>()) {}
Decomposition::~Decomposition() = default;
Decomposition::Decomposition(Decomposition &&) noexcept = default;
Decomposition &Decomposition::operator=(Decomposition &&) noexcept = default;

Decomposition Decomposition::make(const audio::AudioBuffer &clip, const ComponentOptions &options)
{
    if (clip.channels != 1 || clip.sampleRate <= 0)
        throw ExplainError("explanations need a mono clip");
    if (clip.frames() < kFft)
        throw ExplainError("the excerpt is too short to explain (" + std::to_string(clip.frames()) + " samples)");
    if (options.mode == ComponentMode::Sources)
        throw ExplainError("source components need a separation model");
    const bool segmented = options.mode == ComponentMode::Segments || options.mode == ComponentMode::Combined
        || options.mode == ComponentMode::CombinedBands;
    const bool banded = options.mode == ComponentMode::Bands || options.mode == ComponentMode::CombinedBands;
    if (segmented && (options.segments < 1 || options.segments > 64))
        throw ExplainError("segments must be between 1 and 64");
    if (banded && (options.bands < 2 || options.bands > 32))
        throw ExplainError("bands must be between 2 and 32");

    Decomposition out;
    Impl &p = *out.d;
    p.mode = options.mode;
    p.baseline = segmented ? options.baseline : Baseline::Silence;
    p.parts = options.mode == ComponentMode::Combined ? 2 : options.mode == ComponentMode::CombinedBands ? options.bands : 1;
    p.clip = clip;
    const std::int64_t length = clip.frames();
    const double rate = clip.sampleRate;
    const double nyquist = rate / 2.0;
    const int segments = segmented ? options.segments : 1;
    for (int s = 0; s <= segments; ++s)
        p.boundaries.push_back(std::int64_t(std::llround(double(length) * s / segments)));
    if (segmented && p.boundaries[1] - p.boundaries[0] < std::int64_t(kCrossfadeSeconds * rate) + 1)
        throw ExplainError("the excerpt is too short for " + std::to_string(segments) + " segments");

    torch::InferenceMode guard;
    if (options.mode == ComponentMode::Segments) {
        for (int s = 0; s < segments; ++s) {
            Component c;
            c.startSeconds = double(p.boundaries[std::size_t(s)]) / rate;
            c.endSeconds = double(p.boundaries[std::size_t(s + 1)]) / rate;
            c.highHz = nyquist;
            c.name = seconds(c.startSeconds) + "-" + seconds(c.endSeconds) + " s";
            p.components.push_back(c);
        }
        p.makeGates();
        return out;
    }

    // Spectral parts: bands or H/P, each a [bins, frames] mask; the parts sum to one.
    p.spectrum = stftOf(p.signal());
    const std::int64_t frames = p.spectrum.size(1);
    std::vector<torch::Tensor> parts;
    std::vector<Component> partInfo;
    if (banded || options.mode == ComponentMode::Bands) {
        const std::vector<double> edges = melBandEdges(options.bands, nyquist);
        const auto freqs = torch::arange(kBins, torch::kFloat) * float(rate / double(kFft));
        for (int b = 0; b < options.bands; ++b) {
            auto in = freqs.ge(edges[std::size_t(b)]);
            if (b + 1 < options.bands)
                in = in.logical_and(freqs.lt(edges[std::size_t(b + 1)]));
            parts.push_back(in.to(torch::kFloat).unsqueeze(1).expand({kBins, frames}).contiguous());
            Component c;
            c.lowHz = edges[std::size_t(b)];
            c.highHz = edges[std::size_t(b + 1)];
            c.name = hz(c.lowHz) + "-" + hz(c.highHz);
            partInfo.push_back(c);
        }
    } else {
        // Median-filter HPSS (Fitzgerald 2010) with Wiener-like soft masks (power 2).
        const auto magnitude = p.spectrum.abs();
        const auto harmonic = medianLast(magnitude).square();
        const auto percussive = medianLast(magnitude.t().contiguous()).t().square();
        const auto total = harmonic + percussive;
        const auto silent = total.le(1e-20);
        const auto mh = torch::where(silent, torch::full_like(total, 0.5), harmonic / total.clamp_min(1e-20));
        parts.push_back(mh.contiguous());
        parts.push_back((1.0 - mh).contiguous());
        for (const char *name : {"harmonic", "percussive"}) {
            Component c;
            c.highHz = nyquist;
            c.part = name;
            c.name = name;
            partInfo.push_back(c);
        }
    }
    std::vector<torch::Tensor> masks;
    if (!segmented) {
        masks = parts;
        for (Component c : partInfo) {
            c.endSeconds = double(length) / rate;
            p.components.push_back(c);
        }
    } else {
        std::vector<float> owner(static_cast<std::size_t>(frames));
        for (int s = 0; s < segments; ++s) {
            std::vector<float> in(static_cast<std::size_t>(frames));
            for (std::int64_t t = 0; t < frames; ++t)
                in[std::size_t(t)] = p.segmentOfFrame(t) == s ? 1.0f : 0.0f;
            const auto gate = torch::tensor(in, torch::kFloat).unsqueeze(0);
            for (std::size_t k = 0; k < parts.size(); ++k) {
                masks.push_back((parts[k] * gate).contiguous());
                Component c = partInfo[k];
                c.startSeconds = double(p.boundaries[std::size_t(s)]) / rate;
                c.endSeconds = double(p.boundaries[std::size_t(s + 1)]) / rate;
                c.name = seconds(c.startSeconds) + "-" + seconds(c.endSeconds) + " s " + c.name;
                p.components.push_back(c);
            }
        }
    }
    p.masks = torch::stack(masks);
    return out;
}

Decomposition Decomposition::fromSources(const audio::AudioBuffer &clip, const std::vector<std::string> &names,
                                         const std::vector<audio::AudioBuffer> &sources)
{
    if (clip.channels != 1 || clip.sampleRate <= 0 || clip.empty())
        throw ExplainError("explanations need a mono clip");
    if (names.size() != sources.size() || sources.empty())
        throw ExplainError("a separation needs one name per source");
    Decomposition out;
    Impl &p = *out.d;
    p.mode = ComponentMode::Sources;
    p.clip = clip;
    std::vector<torch::Tensor> rows;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const audio::AudioBuffer &s = sources[i];
        if (s.channels != 1 || s.sampleRate != clip.sampleRate || s.frames() != clip.frames())
            throw ExplainError("source \"" + names[i] + "\" does not match the clip (mono, same rate and length)");
        rows.push_back(torch::tensor(s.samples, torch::kFloat));
        Component c;
        c.name = names[i];
        c.part = names[i];
        c.endSeconds = clip.durationSeconds();
        c.highHz = clip.sampleRate / 2.0;
        p.components.push_back(c);
    }
    p.sources = torch::stack(rows);
    return out;
}

ComponentMode Decomposition::mode() const { return d->mode; }
Baseline Decomposition::baseline() const { return d->baseline; }
int Decomposition::size() const { return int(d->components.size()); }
const std::vector<Component> &Decomposition::components() const { return d->components; }
const audio::AudioBuffer &Decomposition::clip() const { return d->clip; }

std::vector<std::int64_t> Decomposition::segmentBoundaries() const
{
    return d->mode == ComponentMode::Segments ? d->boundaries : std::vector<std::int64_t>{};
}

audio::AudioBuffer Decomposition::render(const Mask &mask) const
{
    return render(std::vector<Mask>{mask}).front();
}

std::vector<audio::AudioBuffer> Decomposition::render(const std::vector<Mask> &masks) const
{
    const Impl &p = *d;
    const auto n = std::size_t(size());
    for (const Mask &m : masks)
        if (m.size() != n)
            throw ExplainError("a mask has " + std::to_string(m.size()) + " entries for " + std::to_string(n)
                               + " components");
    torch::InferenceMode guard;
    std::vector<audio::AudioBuffer> out;
    out.reserve(masks.size());
    const std::int64_t length = p.clip.frames();
    std::vector<torch::Tensor> spectra;
    std::vector<const Mask *> spectralMasks; ///< per spectrum: the mask to cut segments by (Remove)
    for (const Mask &m : masks) {
        std::vector<std::int64_t> on;
        for (std::size_t i = 0; i < n; ++i)
            if (m[i])
                on.push_back(std::int64_t(i));
        const auto index = torch::tensor(on, torch::kLong);
        torch::Tensor y;
        if (p.mode == ComponentMode::Segments && p.baseline == Baseline::Remove && !on.empty())
            y = p.joined(m);
        else if (p.mode == ComponentMode::Segments)
            y = on.empty() ? torch::zeros({length}) : p.signal() * p.gates.index_select(0, index).sum(0);
        else if (p.mode == ComponentMode::Sources)
            y = on.empty() ? torch::zeros({length}) : p.sources.index_select(0, index).sum(0);
        else {
            spectra.push_back(on.empty() ? torch::zeros_like(p.spectrum)
                                         : p.spectrum * p.masks.index_select(0, index).sum(0));
            spectralMasks.push_back(on.empty() ? nullptr : &m);
            continue;
        }
        y = y.contiguous();
        audio::AudioBuffer b;
        b.sampleRate = p.clip.sampleRate;
        b.channels = 1;
        b.samples.assign(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
        out.push_back(std::move(b));
    }
    if (!spectra.empty()) {
        const auto y = torch::istft(torch::stack(spectra), kFft, kHop, kFft, hann(), true, false, true, length)
                           .contiguous();
        for (std::int64_t k = 0; k < y.size(0); ++k) {
            audio::AudioBuffer b;
            b.sampleRate = p.clip.sampleRate;
            b.channels = 1;
            torch::Tensor row = y[k];
            // Segments cut out: those with none of their parts on are removed from the result.
            if (p.baseline == Baseline::Remove && spectralMasks[std::size_t(k)])
                row = p.joined(*spectralMasks[std::size_t(k)], row);
            b.samples.assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
            out.push_back(std::move(b));
        }
    }
    return out;
}

std::vector<float> Decomposition::spectralMask(int component) const
{
    if (!d->masks.defined() || component < 0 || component >= size())
        return {};
    const auto m = d->masks[component].contiguous();
    return std::vector<float>(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
}

std::pair<int, int> Decomposition::stftShape() const
{
    if (!d->masks.defined())
        return {0, 0};
    return {int(d->masks.size(1)), int(d->masks.size(2))};
}

std::vector<float> magnitudeSpectrogram(const audio::AudioBuffer &clip, int *frames)
{
    if (clip.channels != 1 || clip.frames() < kFft) {
        *frames = 0;
        return {};
    }
    torch::InferenceMode guard;
    auto x = torch::tensor(clip.samples, torch::kFloat);
    const auto m = stftOf(x).abs().contiguous();
    *frames = int(m.size(1));
    return std::vector<float>(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
}

} // namespace tastelab::explain
