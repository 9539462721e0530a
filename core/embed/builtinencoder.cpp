// The built-in encoder: hand-made audio features on LibTorch tensors. What each value means is
// documented in docs/encoders.md ("Built-in encoder"); keep that table in step with kGroups.

#include "embed/builtinencoder.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <utility>

namespace tastelab::embed {

namespace {

constexpr char kName[] = "builtin-features";
// Bump whenever the numbers this file produces change: stored embeddings carry it.
constexpr char kContentHash[] = "builtin-features-v1";

constexpr int kSampleRate = 22050;
constexpr std::int64_t kFftSize = 2048;
constexpr std::int64_t kHop = 512;
constexpr std::int64_t kBins = kFftSize / 2 + 1;
constexpr std::int64_t kMelBands = 64;
constexpr std::int64_t kMfccs = 20;
constexpr std::int64_t kChroma = 12;
constexpr std::int64_t kContrastBands = 7; // six octaves from 200 Hz, then the rest up to Nyquist
constexpr double kContrastLowHz = 200.0;
constexpr double kPowerFloor = 1e-10;      // power floor before any log: -100 dB
constexpr double kOnsetRangeDb = 80.0;     // onset flux ignores what is 80 dB below the clip's peak
constexpr double kRolloffFraction = 0.85;
constexpr double kMinBpm = 60.0;
constexpr double kMaxBpm = 200.0;
constexpr double kPriorBpm = 120.0;        // log-normal tempo prior, as in librosa
constexpr double kPriorOctaves = 1.0;
constexpr double kPi = 3.14159265358979323846;
const double kDbPerNeper = 10.0 / std::log(10.0);

// Clips of equal length are processed together, up to this many samples at a time. On the CPU
// one 10 s clip at a time is fastest: the per-bin tensors stay small and are reused.
constexpr std::int64_t kCpuChunkSamples = std::int64_t(1) << 18;
constexpr std::int64_t kCudaChunkSamples = std::int64_t(1) << 23;

// Columns of the projection of the power spectrum.
constexpr std::int64_t kPowerMel = 0;
constexpr std::int64_t kPowerChroma = kPowerMel + kMelBands;
constexpr std::int64_t kPowerMeanSquare = kPowerChroma + kChroma; // Parseval, see build()
constexpr std::int64_t kPowerSum = kPowerMeanSquare + 1;          // sum of P
constexpr std::int64_t kPowerFreq = kPowerSum + 1;                // sum of P f (f in kHz)
constexpr std::int64_t kPowerFreq2 = kPowerFreq + 1;              // sum of P f^2
constexpr std::int64_t kPowerColumns = kPowerFreq2 + 1;

// Per-frame scalar features, in the order their statistics appear in the vector.
enum Scalar : std::int64_t { kCentroid, kBandwidth, kRolloff, kFlatness, kZcr, kOnset, kRms, kScalars };
constexpr std::int64_t kStatsPerScalar = 5; // mean, std, p10, p50, p90
// Percentiles computed for every scalar: p10, p50, p90 are features, p5 and p95 give the RMS range.
constexpr double kPercentiles[] = {0.05, 0.10, 0.50, 0.90, 0.95};

struct Group {
    const char *name;
    int size;
};

// The layout of the vector. docs/encoders.md describes each group.
constexpr Group kGroups[] = {
    {"logmel_mean", int(kMelBands)},
    {"logmel_std", int(kMelBands)},
    {"mfcc_mean", int(kMfccs)},
    {"mfcc_std", int(kMfccs)},
    {"mfcc_delta_std", int(kMfccs)},
    {"chroma_mean", int(kChroma)},
    {"chroma_std", int(kChroma)},
    {"contrast_mean", int(kContrastBands)},
    {"contrast_std", int(kContrastBands)},
    {"centroid", int(kStatsPerScalar)},
    {"bandwidth", int(kStatsPerScalar)},
    {"rolloff", int(kStatsPerScalar)},
    {"flatness", int(kStatsPerScalar)},
    {"zcr", int(kStatsPerScalar)},
    {"onset", int(kStatsPerScalar)},
    {"tempo", 2},
    {"rms", int(kStatsPerScalar) + 1},
};

int embeddingSize()
{
    int total = 0;
    for (const Group &g : kGroups)
        total += g.size;
    return total;
}

double binHz(std::int64_t bin)
{
    return double(bin) * kSampleRate / double(kFftSize);
}

/// First FFT bin at or above hz.
std::int64_t binAtOrAbove(double hz)
{
    return std::int64_t(std::ceil(hz * double(kFftSize) / kSampleRate));
}

/// Start bin of each contrast band, plus the end of the last one: the bands are [1, 200 Hz),
/// [200, 400 Hz) ... [3200, 6400 Hz), [6400 Hz, Nyquist]. DC is left out.
std::vector<std::int64_t> contrastEdges()
{
    std::vector<std::int64_t> edges{1};
    for (int octave = 0; octave < kContrastBands - 1; ++octave)
        edges.push_back(binAtOrAbove(kContrastLowHz * std::pow(2.0, octave)));
    edges.push_back(kBins);
    return edges;
}

// Slaney's mel scale (librosa's default, htk=False): linear below 1 kHz, logarithmic above.
double hzToMel(double hz)
{
    constexpr double kLinearHzPerMel = 200.0 / 3.0;
    const double logStep = std::log(6.4) / 27.0;
    if (hz < 1000.0)
        return hz / kLinearHzPerMel;
    return 1000.0 / kLinearHzPerMel + std::log(hz / 1000.0) / logStep;
}

double melToHz(double mel)
{
    constexpr double kLinearHzPerMel = 200.0 / 3.0;
    const double logStep = std::log(6.4) / 27.0;
    const double breakMel = 1000.0 / kLinearHzPerMel;
    if (mel < breakMel)
        return mel * kLinearHzPerMel;
    return 1000.0 * std::exp(logStep * (mel - breakMel));
}

using Matrix = std::vector<std::vector<double>>; // [rows][columns]

torch::Tensor toTensor(const Matrix &m)
{
    const auto rows = std::int64_t(m.size());
    const auto cols = rows > 0 ? std::int64_t(m[0].size()) : 0;
    auto t = torch::empty({rows, cols}, torch::kFloat);
    auto a = t.accessor<float, 2>();
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c)
            a[r][c] = float(m[std::size_t(r)][std::size_t(c)]);
    return t;
}

/// Triangular mel filters over the FFT bins with Slaney area normalization, like
/// librosa.filters.mel(sr=22050, n_fft=2048, n_mels=64). Writes columns [first, first + 64).
void fillMelFilters(Matrix &m, std::int64_t first)
{
    std::vector<double> edgesHz(kMelBands + 2);
    const double top = hzToMel(kSampleRate / 2.0);
    for (std::int64_t i = 0; i < kMelBands + 2; ++i)
        edgesHz[std::size_t(i)] = melToHz(top * double(i) / double(kMelBands + 1));
    for (std::int64_t band = 0; band < kMelBands; ++band) {
        const double lo = edgesHz[std::size_t(band)];
        const double mid = edgesHz[std::size_t(band + 1)];
        const double hi = edgesHz[std::size_t(band + 2)];
        const double norm = 2.0 / (hi - lo);
        for (std::int64_t k = 0; k < kBins; ++k) {
            const double f = binHz(k);
            const double w = std::max(0.0, std::min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
            m[std::size_t(k)][std::size_t(first + band)] = w * norm;
        }
    }
}

/// Pitch-class filters like librosa.filters.chroma: each FFT bin (DC excluded) spreads over the
/// pitch classes with a Gaussian as wide as the bin (at least one semitone), is L2-normalized,
/// and is weighted by a Gaussian over octaves centred on 880 Hz (two octaves wide). Class 0 is C.
/// Writes columns [first, first + 12).
void fillChromaFilters(Matrix &m, std::int64_t first)
{
    constexpr double kCentreOctave = 5.0; // octaves above A0 (27.5 Hz): 880 Hz
    constexpr double kOctaveWidth = 2.0;
    std::vector<double> semis(kBins, 0.0); // semitones above A0
    for (std::int64_t k = 1; k < kBins; ++k)
        semis[std::size_t(k)] = 12.0 * std::log2(binHz(k) / 27.5);
    for (std::int64_t k = 1; k < kBins; ++k) {
        const double width =
            k + 1 < kBins ? std::max(1.0, semis[std::size_t(k + 1)] - semis[std::size_t(k)]) : 1.0;
        double weights[kChroma];
        double sumSquares = 0.0;
        for (std::int64_t c = 0; c < kChroma; ++c) {
            // Distance in semitones from class c (C = 0; A0 is class 9), wrapped to [-6, 6).
            double d = std::fmod(semis[std::size_t(k)] - double(c - 9) + 6.0, 12.0);
            if (d < 0.0)
                d += 12.0;
            d -= 6.0;
            const double w = std::exp(-0.5 * std::pow(2.0 * d / width, 2.0));
            weights[c] = w;
            sumSquares += w * w;
        }
        const double octave = semis[std::size_t(k)] / 12.0;
        const double octaveWeight =
            std::exp(-0.5 * std::pow((octave - kCentreOctave) / kOctaveWidth, 2.0));
        const double scale = octaveWeight / std::sqrt(sumSquares);
        for (std::int64_t c = 0; c < kChroma; ++c)
            m[std::size_t(k)][std::size_t(first + c)] = weights[c] * scale;
    }
}

/// A linear map over the last axis: x[..., rows] -> x[..., columns].
struct Projection {
    torch::Tensor matrix; ///< [rows, columns]
    /// The same as a conv2d weight [columns, 1, 1, rows], CPU only. Debian's LibTorch sends
    /// matmul to the reference BLAS (~25x slower); conv2d goes to oneDNN.
    torch::Tensor kernel;

    static Projection make(const torch::Tensor &matrix)
    {
        Projection p;
        p.matrix = matrix.contiguous();
        p.kernel = matrix.t().contiguous().view({matrix.size(1), 1, 1, matrix.size(0)});
        return p;
    }

    Projection to(const torch::Device &device) const
    {
        if (device.is_cpu())
            return make(matrix.to(device));
        Projection p;
        p.matrix = matrix.to(device);
        return p;
    }

    torch::Tensor apply(const torch::Tensor &x) const
    {
        const std::int64_t rows = matrix.size(0);
        const std::int64_t cols = matrix.size(1);
        if (!kernel.defined())
            return torch::matmul(x, matrix);
        std::vector<std::int64_t> shape = x.sizes().vec();
        shape.back() = cols;
        return torch::conv2d(x.reshape({-1, 1, 1, rows}), kernel).view(shape);
    }
};

/// Everything computed once and kept on the encoder's device.
struct Constants {
    torch::Tensor window;    ///< periodic Hann [2048]
    Projection power;        ///< power spectrum -> the kPower* columns
    Projection logPower;     ///< ln power -> mean per contrast band, mean over all bins
    Projection dct;          ///< log-mel -> MFCC (orthonormal DCT-II)
    torch::Tensor tempoPrior; ///< weight of each candidate lag, [lags]
    std::int64_t minLag = 0;  ///< smallest candidate lag (frames), i.e. the fastest tempo
    std::int64_t maxLag = 0;  ///< largest candidate lag, the slowest tempo

    static Constants build();

    Constants to(const torch::Device &device) const
    {
        Constants c = *this;
        c.window = window.to(device);
        c.power = power.to(device);
        c.logPower = logPower.to(device);
        c.dct = dct.to(device);
        c.tempoPrior = tempoPrior.to(device);
        return c;
    }
};

Constants Constants::build()
{
    Constants c;
    c.window = torch::hann_window(kFftSize, torch::TensorOptions().dtype(torch::kFloat));

    Matrix power(kBins, std::vector<double>(kPowerColumns, 0.0));
    fillMelFilters(power, kPowerMel);
    fillChromaFilters(power, kPowerChroma);
    // Parseval: the windowed frame's mean square, divided by the Hann window's mean square (3/8)
    // so that a steady sine of amplitude A reads A^2 / 2.
    const double windowEnergy = 3.0 / 8.0 * double(kFftSize);
    for (std::int64_t k = 0; k < kBins; ++k) {
        auto &row = power[std::size_t(k)];
        const double twice = (k == 0 || k == kBins - 1) ? 1.0 : 2.0;
        row[kPowerMeanSquare] = twice / (double(kFftSize) * windowEnergy);
        const double khz = binHz(k) / 1000.0;
        row[kPowerSum] = 1.0;
        row[kPowerFreq] = khz;
        row[kPowerFreq2] = khz * khz;
    }
    c.power = Projection::make(toTensor(power));

    const std::vector<std::int64_t> edges = contrastEdges();
    Matrix logPower(kBins, std::vector<double>(kContrastBands + 1, 0.0));
    for (std::int64_t band = 0; band < kContrastBands; ++band) {
        const auto lo = edges[std::size_t(band)];
        const auto hi = edges[std::size_t(band + 1)];
        for (std::int64_t k = lo; k < hi; ++k)
            logPower[std::size_t(k)][std::size_t(band)] = 1.0 / double(hi - lo);
    }
    for (std::int64_t k = 0; k < kBins; ++k)
        logPower[std::size_t(k)][kContrastBands] = 1.0 / double(kBins);
    c.logPower = Projection::make(toTensor(logPower));

    Matrix dct(kMelBands, std::vector<double>(kMfccs, 0.0));
    for (std::int64_t m = 0; m < kMelBands; ++m) {
        for (std::int64_t k = 0; k < kMfccs; ++k) {
            const double scale = std::sqrt((k == 0 ? 1.0 : 2.0) / double(kMelBands));
            dct[std::size_t(m)][std::size_t(k)] =
                scale * std::cos(kPi * double(k) * (2.0 * double(m) + 1.0) / (2.0 * kMelBands));
        }
    }
    c.dct = Projection::make(toTensor(dct));

    const double framesPerMinute = 60.0 * kSampleRate / double(kHop);
    c.minLag = std::int64_t(std::ceil(framesPerMinute / kMaxBpm));
    c.maxLag = std::int64_t(std::floor(framesPerMinute / kMinBpm));
    std::vector<float> prior;
    for (std::int64_t lag = c.minLag; lag <= c.maxLag; ++lag) {
        const double bpm = framesPerMinute / double(lag);
        const double octaves = std::log2(bpm / kPriorBpm) / kPriorOctaves;
        prior.push_back(float(std::exp(-0.5 * octaves * octaves)));
    }
    c.tempoPrior = torch::tensor(prior, torch::kFloat);
    return c;
}

/// First derivative by linear regression over +-2 frames; edge frames are repeated.
torch::Tensor delta(const torch::Tensor &x)
{
    const std::int64_t frames = x.size(1);
    const auto first = x.narrow(1, 0, 1);
    const auto last = x.narrow(1, frames - 1, 1);
    const auto p = torch::cat({first, first, x, last, last}, 1);
    return (p.narrow(1, 3, frames) - p.narrow(1, 1, frames)
            + 2.0 * (p.narrow(1, 4, frames) - p.narrow(1, 0, frames)))
        / 10.0;
}

/// Population standard deviation over frames (axis 1); 0 for a single frame.
torch::Tensor frameStd(const torch::Tensor &x)
{
    return (x - x.mean(1, true)).square().mean(1).sqrt();
}

/// Tempo from the onset envelope [B, F]: the autocorrelation over lags of 60..200 BPM, weighted
/// by the tempo prior; the peak lag is refined by a parabola through its neighbours. Returns
/// [B, 2]: BPM and the peak's normalized autocorrelation (0..1, pulse clarity). Without any
/// onset variation the tempo is the prior's centre (120) with strength 0.
torch::Tensor tempo(const torch::Tensor &onset, const Constants &c)
{
    const std::int64_t frames = onset.size(1);
    const std::int64_t lags = c.maxLag + 2; // neighbours of the slowest candidate included
    std::int64_t n = 2;
    while (n < 2 * std::max(frames, lags))
        n *= 2;
    const auto centred = onset - onset.mean(1, true);
    const auto spectrum = torch::fft::rfft(centred, n, 1);
    auto ac = torch::fft::irfft(spectrum * spectrum.conj(), n, 1).narrow(1, 0, lags).contiguous();
    if (frames < lags)
        ac.narrow(1, frames, lags - frames).zero_(); // no overlap there; only rounding noise
    const auto energy = ac.narrow(1, 0, 1);
    const auto periodic = energy.squeeze(1) > 1e-12;
    const auto r = ac / energy.clamp_min(1e-12);

    const std::int64_t candidates = c.maxLag - c.minLag + 1;
    const auto scores = r.narrow(1, c.minLag, candidates) * c.tempoPrior;
    const auto lag = scores.argmax(1) + c.minLag; // [B], int64
    const auto around = torch::gather(r, 1, torch::stack({lag - 1, lag, lag + 1}, 1));
    const auto y0 = around.select(1, 0);
    const auto y1 = around.select(1, 1);
    const auto y2 = around.select(1, 2);
    const auto curvature = y0 - 2.0 * y1 + y2;
    const auto isPeak = curvature < 0;
    const auto safe = torch::where(isPeak, curvature, torch::full_like(curvature, -1.0));
    const auto offset =
        torch::where(isPeak, 0.5 * (y0 - y2) / safe, torch::zeros_like(curvature)).clamp(-0.5, 0.5);
    const double framesPerMinute = 60.0 * kSampleRate / double(kHop);
    const auto bpm = framesPerMinute / (lag.to(torch::kFloat) + offset);
    return torch::stack({torch::where(periodic, bpm, torch::full_like(bpm, kPriorBpm)),
                         torch::where(periodic, y1.clamp(0.0, 1.0), torch::zeros_like(y1))},
                        1);
}

class BuiltinEncoder final : public Encoder {
public:
    BuiltinEncoder()
    {
        m_info.name = kName;
        m_info.version = "1";
        m_info.contentHash = kContentHash;
        m_info.sampleRate = kSampleRate;
        m_info.channels = 1;
        m_info.windowSamples = kFftSize;
        m_info.hopSamples = kHop;
        m_info.pooling = "stats";
        m_info.embeddingSize = embeddingSize();
        m_info.licence = "n/a";
        m_info.source = "computed, no weights";
        m_info.description =
            "Hand-made audio features: log-mel, MFCC, chroma, spectral shape and contrast, "
            "zero-crossing rate, onset strength, tempo and RMS dynamics, summarized over frames.";
        m_info.builtin = true;
        try {
            m_cpu = Constants::build();
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": cannot set up: " + e.what_without_backtrace());
        }
        m_active = m_cpu;
    }

    const EncoderInfo &info() const override { return m_info; }

    void setDevice(Device device) override
    {
        if (device == m_device)
            return;
        if (device == Device::Cuda && !cudaAvailable())
            throw EncoderError(std::string(kName)
                               + ": CUDA is not available (no GPU, or LibTorch built without CUDA)");
        try {
            m_active = device == Device::Cpu ? m_cpu : m_cpu.to(torch::Device(torch::kCUDA));
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": cannot move to " + deviceName(device) + ": "
                               + e.what_without_backtrace());
        }
        m_device = device;
    }

    Device device() const override { return m_device; }

    std::vector<std::vector<float>> embed(const std::vector<audio::AudioBuffer> &clips) override
    {
        for (std::size_t i = 0; i < clips.size(); ++i) {
            const audio::AudioBuffer &clip = clips[i];
            if (clip.sampleRate != kSampleRate || clip.channels != 1)
                throw EncoderError(std::string(kName) + ": clip " + std::to_string(i) + " is "
                                   + std::to_string(clip.sampleRate) + " Hz with "
                                   + std::to_string(clip.channels)
                                   + " channel(s); the encoder needs 22050 Hz mono");
        }
        std::vector<std::vector<float>> result(clips.size());
        try {
            torch::InferenceMode guard;
            // Clips of equal length share one batch, so no padding or masking is needed and a
            // clip's numbers do not depend on what else is in the batch.
            std::map<std::int64_t, std::vector<std::size_t>> byLength;
            for (std::size_t i = 0; i < clips.size(); ++i)
                byLength[clips[i].frames()].push_back(i);
            const std::int64_t chunkSamples =
                m_device == Device::Cpu ? kCpuChunkSamples : kCudaChunkSamples;
            for (const auto &[length, indices] : byLength) {
                const auto perChunk = std::size_t(
                    std::max<std::int64_t>(1, chunkSamples / std::max<std::int64_t>(length, 1)));
                for (std::size_t start = 0; start < indices.size(); start += perChunk) {
                    const std::size_t count = std::min(perChunk, indices.size() - start);
                    const std::vector<std::size_t> chunk(indices.begin() + std::ptrdiff_t(start),
                                                         indices.begin() + std::ptrdiff_t(start + count));
                    const auto out = features(padClips(clips, chunk, length)).to(torch::kCPU).contiguous();
                    const float *rows = out.data_ptr<float>();
                    const std::int64_t size = out.size(1);
                    for (std::size_t j = 0; j < count; ++j) {
                        const float *row = rows + std::int64_t(j) * size;
                        result[chunk[j]].assign(row, row + size);
                    }
                }
            }
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": " + e.what_without_backtrace());
        }
        return result;
    }

private:
    /// Per-bin tensors reused from chunk to chunk. Fresh multi-megabyte tensors for every clip
    /// would be new pages from the kernel each time (page faults cost more than the maths).
    struct Workspace {
        torch::Tensor host;   ///< [B, T + 2048] zero-padded clips (CPU)
        torch::Tensor frames; ///< [B, F, 2048] windowed frames
        torch::Tensor power;  ///< [B, F, bins]
        torch::Tensor lnPower;
        torch::Tensor cumulative;
    };

    /// The chunk's clips, zero-padded by half a window on both sides (centred frames, like
    /// torch::stft(center=true, pad_mode="constant")), on the device. Non-finite samples become 0.
    torch::Tensor padClips(const std::vector<audio::AudioBuffer> &clips,
                           const std::vector<std::size_t> &chunk, std::int64_t length)
    {
        constexpr std::int64_t kPad = kFftSize / 2;
        const auto count = std::int64_t(chunk.size());
        const std::int64_t padded = length + 2 * kPad;
        reuse(m_workspace.host, {count, padded}, torch::kCPU);
        float *data = m_workspace.host.data_ptr<float>();
        for (std::int64_t j = 0; j < count; ++j) {
            float *row = data + j * padded;
            std::fill(row, row + kPad, 0.0f);
            std::fill(row + kPad + length, row + padded, 0.0f);
            const float *src = clips[chunk[std::size_t(j)]].samples.data();
            for (std::int64_t i = 0; i < length; ++i)
                row[kPad + i] = std::isfinite(src[i]) ? src[i] : 0.0f;
        }
        if (m_device == Device::Cpu)
            return m_workspace.host;
        return m_workspace.host.to(torch::Device(torch::kCUDA));
    }

    /// Makes t a float tensor of the given shape on the device, keeping its memory when it is
    /// large enough.
    void reuse(torch::Tensor &t, at::IntArrayRef shape, torch::Device device) const
    {
        if (!t.defined() || t.device() != device)
            t = torch::empty(shape, torch::TensorOptions().dtype(torch::kFloat).device(device));
        else
            t.resize_(shape);
    }

    /// Equal-length padded clips [B, T + 2048] on the device -> [B, embeddingSize].
    torch::Tensor features(const torch::Tensor &padded)
    {
        const Constants &c = m_active;
        Workspace &ws = m_workspace;
        const std::int64_t batch = padded.size(0);
        const auto device = padded.device();

        // Power spectrogram [B, F, bins]: the real FFT of the unfolded frames gives that layout
        // directly, with no transposes.
        const auto frameView = padded.unfold(1, kFftSize, kHop);
        const std::int64_t frameCount = frameView.size(1);
        reuse(ws.frames, {batch, frameCount, kFftSize}, device);
        torch::mul_out(ws.frames, frameView, c.window);
        reuse(ws.power, {batch, frameCount, kBins}, device);
        {
            const auto parts = torch::view_as_real(torch::fft::rfft(ws.frames));
            const auto re = parts.select(3, 0);
            const auto im = parts.select(3, 1);
            torch::mul_out(ws.power, re, re);
            ws.power.addcmul_(im, im);
        }
        const torch::Tensor &power = ws.power;
        reuse(ws.lnPower, {batch, frameCount, kBins}, device);
        torch::clamp_min_out(ws.lnPower, power, kPowerFloor).log_();
        reuse(ws.cumulative, {batch, frameCount, kBins}, device);
        torch::cumsum_out(ws.cumulative, power, 2);

        const auto projected = c.power.apply(power);
        const auto lnMeans = c.logPower.apply(ws.lnPower);

        // Log-mel (dB), MFCC and deltas.
        const auto logMel =
            projected.narrow(2, kPowerMel, kMelBands).add(kPowerFloor).log10_().mul_(10.0);
        const auto mfcc = c.dct.apply(logMel);
        const auto mfccDelta = delta(mfcc);

        // Chroma, each frame scaled so its strongest class is 1 (silence stays 0).
        const auto chromaRaw = projected.narrow(2, kPowerChroma, kChroma);
        const auto chroma = chromaRaw / chromaRaw.amax(2, true).clamp_min(kPowerFloor);

        // Spectral contrast per octave band: peak level minus the band's mean level (dB), i.e.
        // the strongest bin over the geometric mean of the band. No sorting, so it stays cheap.
        const std::vector<std::int64_t> edges = contrastEdges();
        std::vector<torch::Tensor> peaks;
        for (std::int64_t band = 0; band < kContrastBands; ++band) {
            const auto lo = edges[std::size_t(band)];
            peaks.push_back(power.narrow(2, lo, edges[std::size_t(band + 1)] - lo).amax(2));
        }
        const auto peakDb = torch::stack(peaks, 2).clamp_min(kPowerFloor).log10_().mul_(10.0);
        const auto contrast = peakDb - lnMeans.narrow(2, 0, kContrastBands) * kDbPerNeper;

        // Per-frame scalars. Centroid, bandwidth and rolloff are power-weighted, in kHz.
        std::vector<torch::Tensor> scalars(kScalars);
        const auto total = projected.select(2, kPowerSum);
        const auto safeTotal = total.clamp_min(kPowerFloor);
        const auto centroid = projected.select(2, kPowerFreq) / safeTotal;
        scalars[kCentroid] = centroid;
        scalars[kBandwidth] =
            (projected.select(2, kPowerFreq2) / safeTotal - centroid.square()).clamp_min(0.0).sqrt();
        const auto threshold = (ws.cumulative.narrow(2, kBins - 1, 1) * kRolloffFraction).contiguous();
        scalars[kRolloff] = torch::searchsorted(ws.cumulative, threshold).squeeze(2).to(torch::kFloat)
            * (binHz(1) / 1000.0);
        // Geometric over arithmetic mean of the (floored) power.
        scalars[kFlatness] =
            (lnMeans.select(2, kContrastBands).exp() / (total / double(kBins)).clamp_min(kPowerFloor))
                .clamp(0.0, 1.0);
        scalars[kZcr] = zeroCrossingRate(padded, frameCount);
        scalars[kOnset] = onsetStrength(logMel);
        scalars[kRms] = projected.select(2, kPowerMeanSquare).add(kPowerFloor).log10_().mul_(10.0);

        // Statistics over frames.
        const auto perFrame = torch::stack(scalars, 2); // [B, F, scalars]
        const auto sorted = std::get<0>(perFrame.sort(1));
        std::vector<torch::Tensor> percentiles;
        for (const double q : kPercentiles) {
            const double position = q * double(frameCount - 1);
            const auto lo = std::int64_t(std::floor(position));
            const auto hi = std::min(lo + 1, frameCount - 1);
            const double frac = position - double(lo);
            percentiles.push_back(sorted.select(1, lo) * (1.0 - frac) + sorted.select(1, hi) * frac);
        }
        const auto scalarStats = torch::stack({perFrame.mean(1), frameStd(perFrame), percentiles[1],
                                               percentiles[2], percentiles[3]},
                                              2); // [B, scalars, 5]
        const auto rmsRange = (percentiles[4] - percentiles[0]).narrow(1, kRms, 1);

        const auto out = torch::cat({logMel.mean(1), frameStd(logMel), mfcc.mean(1), frameStd(mfcc),
                                     frameStd(mfccDelta), chroma.mean(1), frameStd(chroma),
                                     contrast.mean(1), frameStd(contrast),
                                     scalarStats.narrow(1, 0, kOnset + 1).reshape({batch, -1}),
                                     tempo(scalars[kOnset], c), scalarStats.select(1, kRms), rmsRange},
                                    1);
        TORCH_CHECK(out.size(1) == m_info.embeddingSize, "feature layout mismatch: ", out.size(1),
                    " values instead of ", m_info.embeddingSize);
        return out;
    }

    static torch::Tensor zeroCrossingRate(const torch::Tensor &padded, std::int64_t frameCount)
    {
        const std::int64_t length = padded.size(1);
        const auto negative = padded.lt(0.0);
        const auto crossings =
            negative.narrow(1, 1, length - 1).ne(negative.narrow(1, 0, length - 1));
        // counts[j]: crossings between positions 0..j (exact: integer cumsum).
        const auto counts = torch::constant_pad_nd(crossings.cumsum(1), {1, 0});
        const auto ends = counts.narrow(1, kFftSize - 1, length - (kFftSize - 1))
                              .slice(1, 0, c10::nullopt, kHop)
                              .narrow(1, 0, frameCount);
        const auto starts = counts.slice(1, 0, c10::nullopt, kHop).narrow(1, 0, frameCount);
        return (ends - starts).to(torch::kFloat) / double(kFftSize - 1);
    }

    /// Spectral flux of the log-mel spectrogram: mean over bands of the rise since the previous
    /// frame (dB, half-wave rectified). Levels more than 80 dB below the clip's peak are lifted to
    /// that floor so that noise in near-silence does not count. The first frame is 0.
    static torch::Tensor onsetStrength(const torch::Tensor &logMel)
    {
        const std::int64_t frames = logMel.size(1);
        const auto floorDb = logMel.amax({1, 2}, true) - kOnsetRangeDb;
        const auto level = torch::maximum(logMel, floorDb);
        const auto flux =
            (level.narrow(1, 1, frames - 1) - level.narrow(1, 0, frames - 1)).clamp_min(0.0).mean(2);
        return torch::constant_pad_nd(flux, {1, 0});
    }

    EncoderInfo m_info;
    Device m_device = Device::Cpu;
    Constants m_cpu;
    Constants m_active; ///< m_cpu on m_device
    Workspace m_workspace;
};

} // namespace

std::unique_ptr<Encoder> makeBuiltinEncoder()
{
    return std::make_unique<BuiltinEncoder>();
}

std::vector<std::pair<std::string, int>> builtinFeatureGroups()
{
    std::vector<std::pair<std::string, int>> groups;
    for (const Group &g : kGroups)
        groups.emplace_back(g.name, g.size);
    return groups;
}

} // namespace tastelab::embed
