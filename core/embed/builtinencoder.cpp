// The built-in encoder: hand-made audio features on LibTorch tensors. What each value means is
// documented in docs/encoders.md ("Built-in encoder"); keep that table in step with kGroups.

#include "embed/builtinencoder.h"
#include "embed/segmentmasking.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <map>
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
constexpr std::int64_t kContrastBands = 7; // below 200 Hz, 5 octaves to 6.4 kHz, 6.4 kHz-Nyquist
constexpr double kContrastLowHz = 200.0;
constexpr double kPowerFloor = 1e-10;      // power floor before any log: -100 dB
constexpr double kOnsetRangeDb = 80.0;     // onset flux ignores what is 80 dB below the clip's peak
constexpr double kRolloffFraction = 0.85;
constexpr double kMinBpm = 60.0;
constexpr double kMaxBpm = 200.0;
constexpr double kPriorBpm = 120.0;        // log-normal tempo prior, as in librosa
constexpr double kPriorOctaves = 1.0;
// The onset envelope is smoothed by a Gaussian this wide (frames) before its autocorrelation, so
// that a period falling between two whole lags is not penalized against one that does not.
constexpr double kTempoSmoothing = 1.0;
constexpr double kPi = 3.14159265358979323846;
const double kDbPerNeper = 10.0 / std::log(10.0);

// Clips of equal length are processed together, up to this many samples at a time. On the CPU
// one 10 s clip at a time is fastest: the per-bin tensors stay small and are reused.
constexpr std::int64_t kCpuChunkSamples = std::int64_t(1) << 18;
constexpr std::int64_t kCudaChunkSamples = std::int64_t(1) << 23;
// At most this many frames (all clips of a chunk together) go through the FFT at once: bounds the
// per-bin tensors to ~50 MB on the CPU however long a clip is.
constexpr std::int64_t kCpuBlockRows = 2048;
constexpr std::int64_t kCudaBlockRows = 16384;
// The padded-clip buffer is kept between calls only up to this size (a few 10 s clips).
constexpr std::size_t kKeepHostBytes = std::size_t(16) << 20;
// Samples are clamped to this (far outside the normal -1..1) so corrupt float data cannot
// overflow the power spectrum.
constexpr float kMaxSample = 1000.0f;

// Columns of the projection of the power spectrum.
constexpr std::int64_t kPowerMel = 0;
constexpr std::int64_t kPowerChroma = kPowerMel + kMelBands;
constexpr std::int64_t kPowerMeanSquare = kPowerChroma + kChroma; // Parseval, see build()
constexpr std::int64_t kPowerSum = kPowerMeanSquare + 1;          // sum of P
constexpr std::int64_t kPowerFreq = kPowerSum + 1;                // sum of P f (f in kHz)
constexpr std::int64_t kPowerFreq2 = kPowerFreq + 1;              // sum of P f^2
constexpr std::int64_t kPowerColumns = kPowerFreq2 + 1;

// Per-frame scalar features, in the order their statistics appear in the vector.
enum Scalar : std::int64_t {
    kCentroid,
    kBandwidth,
    kRolloff,
    kFlatness,
    kZcr,
    kOnset,
    kRms,
    kScalars
};
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

/// Population standard deviation over frames (axis dim); 0 for a single frame.
torch::Tensor frameStd(const torch::Tensor &x, std::int64_t dim = 1)
{
    return (x - x.mean(dim, true)).square().mean(dim).sqrt();
}

/// Index of the first bin where the cumulative power of the frame reaches threshold (bins - 1
/// when it never does). power [B, F, bins] contiguous, threshold [B, F, 1]; returns [B, F]. Two
/// steps, groups of 16 bins and then bins inside the group, so that only the group sums get a
/// cumulative sum, not every bin.
torch::Tensor firstBinReaching(const torch::Tensor &power, const torch::Tensor &threshold)
{
    constexpr std::int64_t kGroup = 16;
    const std::int64_t batch = power.size(0);
    const std::int64_t frames = power.size(1);
    const std::int64_t groups = (kBins - 1) / kGroup; // bins 0..1023; Nyquist is the fallback
    const auto grouped = power.narrow(2, 0, groups * kGroup).view({batch, frames, groups, kGroup});
    const auto groupCumulative = grouped.sum(3).cumsum(2);              // [B, F, groups]
    const auto group = torch::searchsorted(groupCumulative, threshold); // [B, F, 1], 0..groups
    const auto clamped = group.clamp_max(groups - 1);
    const auto before = torch::where(clamped > 0,
                                     groupCumulative.gather(2, (clamped - 1).clamp_min(0)),
                                     torch::zeros_like(threshold));
    const auto inGroup = grouped.gather(2, clamped.unsqueeze(3).expand({batch, frames, 1, kGroup}))
                             .squeeze(2)
                             .cumsum(2)
        + before; // [B, F, 16]
    const auto offset = torch::searchsorted(inGroup, threshold).clamp_max(kGroup - 1);
    const auto bin = clamped * kGroup + offset;
    return torch::where(group >= groups, torch::full_like(bin, kBins - 1), bin).squeeze(2);
}

/// Tempo from the onset envelope [B, F]: the autocorrelation of the (slightly smoothed) envelope
/// over lags of 60..200 BPM, weighted by the tempo prior; the peak lag is refined by a parabola
/// through its neighbours. Returns
/// [B, 2]: BPM (60..200) and the peak's normalized autocorrelation (0..1, pulse clarity). Without
/// onset variation or any positive correlation the tempo is the prior's centre (120), strength 0.
torch::Tensor tempo(const torch::Tensor &onset, const Constants &c)
{
    const std::int64_t frames = onset.size(1);
    const std::int64_t lags = c.maxLag + 2; // neighbours of the slowest candidate included
    std::int64_t n = 2;
    while (n < 2 * std::max(frames, lags))
        n *= 2;
    const auto centred = onset - onset.mean(1, true);
    const auto spectrum = torch::fft::rfft(centred, n, 1);
    // Gaussian smoothing of the envelope = its power response exp(-(sigma omega)^2) here.
    const auto omega = torch::arange(n / 2 + 1, centred.options()) * (2.0 * kPi / double(n));
    const auto smoothing = (omega * kTempoSmoothing).square().neg().exp();
    auto ac = torch::fft::irfft(spectrum * spectrum.conj() * smoothing, n, 1)
                  .narrow(1, 0, lags)
                  .contiguous();
    if (frames < lags)
        ac.narrow(1, frames, lags - frames).zero_(); // no overlap there; only rounding noise
    const auto energy = ac.narrow(1, 0, 1);
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
    // The refinement may step past the range's ends; the range is what the prior covers.
    const auto bpm = (framesPerMinute / (lag.to(torch::kFloat) + offset)).clamp(kMinBpm, kMaxBpm);
    const auto periodic = (energy.squeeze(1) > 1e-12).logical_and(y1 > 0);
    return torch::stack({torch::where(periodic, bpm, torch::full_like(bpm, kPriorBpm)),
                         torch::where(periodic, y1.clamp(0.0, 1.0), torch::zeros_like(y1))},
                        1);
}

class BuiltinEncoder final : public Encoder, public SegmentMaskEncoder {
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
            throw EncoderError(std::string(kName) + ": cannot set up: "
                               + e.what_without_backtrace());
        }
        m_active = m_cpu;
    }

    const EncoderInfo &info() const override { return m_info; }

    void setDevice(Device device) override
    {
        if (device == m_device)
            return;
        if (device == Device::Cuda && !cudaAvailable())
            throw EncoderError(std::string(kName) + ": CUDA is not available (no GPU, or "
                               + "LibTorch built without CUDA)");
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
                    const auto first = indices.begin() + std::ptrdiff_t(start);
                    const std::vector<std::size_t> chunk(first, first + std::ptrdiff_t(count));
                    const auto out =
                        features(padClips(clips, chunk, length)).to(torch::kCPU).contiguous();
                    const float *rows = out.data_ptr<float>();
                    const std::int64_t size = out.size(1);
                    for (std::size_t j = 0; j < count; ++j) {
                        const float *row = rows + std::int64_t(j) * size;
                        result[chunk[j]].assign(row, row + size);
                    }
                }
            }
            // A very long clip must not pin its buffer for the encoder's lifetime.
            if (m_workspace.host.defined() && m_workspace.host.storage().nbytes() > kKeepHostBytes)
                m_workspace.host = torch::Tensor();
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": " + e.what_without_backtrace());
        }
        return result;
    }

    void prepareSegments(const audio::AudioBuffer &clip, const std::vector<std::int64_t> &boundaries) override
    {
        if (clip.sampleRate != kSampleRate || clip.channels != 1)
            throw EncoderError(std::string(kName) + ": the clip must be 22050 Hz mono");
        const std::int64_t length = clip.frames();
        bool valid = boundaries.size() >= 2 && boundaries.front() == 0 && boundaries.back() == length;
        for (std::size_t i = 1; valid && i < boundaries.size(); ++i)
            valid = boundaries[i] > boundaries[i - 1];
        if (!valid || length < 1)
            throw EncoderError(std::string(kName) + ": segment boundaries must rise from 0 to the clip's length");
        try {
            torch::InferenceMode guard;
            m_segments = SegmentState{};
            m_segments.frames = frameStage(padClips({clip}, {0}, length));
            audio::AudioBuffer silence;
            silence.sampleRate = kSampleRate;
            silence.channels = 1;
            silence.samples.assign(std::size_t(2 * kFftSize), 0.0f);
            const FrameStage quiet = frameStage(padClips({silence}, {0}, silence.frames()));
            const auto one = [](const torch::Tensor &t) { return t.narrow(1, 1, 1).contiguous(); };
            m_segments.silent = FrameStage{one(quiet.projected), one(quiet.lnMeans), one(quiet.peaks),
                                           one(quiet.rolloff), one(quiet.zcr)};
            // A frame belongs to the segment that holds its centre sample (frame f is centred on
            // sample 512 f).
            const std::int64_t frameCount = m_segments.frames.projected.size(1);
            std::vector<std::int64_t> owner(static_cast<std::size_t>(frameCount));
            std::size_t s = 0;
            for (std::int64_t f = 0; f < frameCount; ++f) {
                while (s + 2 < boundaries.size() && f * kHop >= boundaries[s + 1])
                    ++s;
                owner[std::size_t(f)] = std::int64_t(s);
            }
            m_segments.owner = torch::tensor(owner, torch::kLong).to(m_segments.frames.projected.device());
            m_segments.count = std::int64_t(boundaries.size()) - 1;
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": " + e.what_without_backtrace());
        }
    }

    std::vector<std::vector<float>> embedSegmentMasks(const std::vector<std::vector<bool>> &masks,
                                                      SegmentBaseline baseline) override
    {
        if (baseline == SegmentBaseline::Remove)
            return embedKeptSegments(masks);
        if (!m_segments.owner.defined())
            throw EncoderError(std::string(kName) + ": no clip prepared for segment masks");
        std::vector<std::vector<float>> result;
        result.reserve(masks.size());
        try {
            torch::InferenceMode guard;
            const auto device = m_segments.owner.device();
            constexpr std::size_t kChunk = 32;
            for (std::size_t first = 0; first < masks.size(); first += kChunk) {
                const std::size_t count = std::min(kChunk, masks.size() - first);
                std::vector<std::uint8_t> bits;
                for (std::size_t k = 0; k < count; ++k) {
                    const std::vector<bool> &m = masks[first + k];
                    if (std::int64_t(m.size()) != m_segments.count)
                        throw EncoderError(std::string(kName) + ": a segment mask has the wrong size");
                    for (bool b : m)
                        bits.push_back(b ? 1 : 0);
                }
                const auto segmentOn = torch::tensor(bits, torch::kUInt8)
                                           .view({std::int64_t(count), m_segments.count})
                                           .to(torch::kBool)
                                           .to(device);
                const auto on = segmentOn.index_select(1, m_segments.owner); // [K, F]
                const auto pick = [&on](const torch::Tensor &kept, const torch::Tensor &quiet) {
                    if (kept.dim() == 3)
                        return torch::where(on.unsqueeze(2), kept, quiet);
                    return torch::where(on, kept, quiet);
                };
                const FrameStage &a = m_segments.frames;
                const FrameStage &q = m_segments.silent;
                const FrameStage mixed{pick(a.projected, q.projected), pick(a.lnMeans, q.lnMeans),
                                       pick(a.peaks, q.peaks), pick(a.rolloff, q.rolloff), pick(a.zcr, q.zcr)};
                const auto out = pool(mixed).to(torch::kCPU).contiguous();
                const float *rows = out.data_ptr<float>();
                for (std::size_t k = 0; k < count; ++k)
                    result.emplace_back(rows + std::int64_t(k) * out.size(1), rows + std::int64_t(k + 1) * out.size(1));
            }
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": " + e.what_without_backtrace());
        }
        return result;
    }

private:
    /// The Remove baseline: each mask pools only the frames of its kept segments. Masks that keep
    /// the same number of frames share one batch; nothing kept is silence.
    std::vector<std::vector<float>> embedKeptSegments(const std::vector<std::vector<bool>> &masks)
    {
        std::vector<std::vector<float>> result(masks.size());
        try {
            torch::InferenceMode guard;
            const auto owner = m_segments.owner.to(torch::kCPU);
            const auto *ownerOf = owner.data_ptr<std::int64_t>();
            const std::int64_t frameCount = owner.size(0);
            std::map<std::int64_t, std::vector<std::size_t>> byFrames; // kept frames -> masks
            std::vector<std::vector<std::int64_t>> kept(masks.size());
            std::vector<std::vector<bool>> empty;
            std::vector<std::size_t> emptyIndex;
            for (std::size_t k = 0; k < masks.size(); ++k) {
                if (std::int64_t(masks[k].size()) != m_segments.count)
                    throw EncoderError(std::string(kName) + ": a segment mask has the wrong size");
                for (std::int64_t f = 0; f < frameCount; ++f)
                    if (masks[k][std::size_t(ownerOf[f])])
                        kept[k].push_back(f);
                if (kept[k].empty()) {
                    empty.push_back(masks[k]);
                    emptyIndex.push_back(k);
                } else {
                    byFrames[std::int64_t(kept[k].size())].push_back(k);
                }
            }
            if (!empty.empty()) {
                const auto silent = embedSegmentMasks(empty, SegmentBaseline::Silence);
                for (std::size_t i = 0; i < emptyIndex.size(); ++i)
                    result[emptyIndex[i]] = silent[i];
            }
            const auto device = m_segments.owner.device();
            const FrameStage &a = m_segments.frames;
            for (const auto &[frames, group] : byFrames) {
                constexpr std::size_t kChunk = 32;
                for (std::size_t first = 0; first < group.size(); first += kChunk) {
                    const std::size_t count = std::min(kChunk, group.size() - first);
                    std::vector<std::int64_t> rows;
                    for (std::size_t j = 0; j < count; ++j)
                        rows.insert(rows.end(), kept[group[first + j]].begin(), kept[group[first + j]].end());
                    const auto index = torch::tensor(rows, torch::kLong).to(device);
                    const auto take = [&](const torch::Tensor &t) {
                        auto picked = t.select(0, 0).index_select(0, index);
                        std::vector<std::int64_t> shape{std::int64_t(count), frames};
                        for (std::int64_t d = 1; d < picked.dim(); ++d)
                            shape.push_back(picked.size(d));
                        return picked.view(shape);
                    };
                    const FrameStage joined{take(a.projected), take(a.lnMeans), take(a.peaks), take(a.rolloff),
                                            take(a.zcr)};
                    const auto out = pool(joined).to(torch::kCPU).contiguous();
                    const float *data = out.data_ptr<float>();
                    for (std::size_t j = 0; j < count; ++j)
                        result[group[first + j]].assign(data + std::int64_t(j) * out.size(1),
                                                        data + std::int64_t(j + 1) * out.size(1));
                }
            }
        } catch (const c10::Error &e) {
            throw EncoderError(std::string(kName) + ": " + e.what_without_backtrace());
        }
        return result;
    }

    /// Per-bin tensors reused from chunk to chunk. Fresh multi-megabyte tensors for every clip
    /// would be new pages from the kernel each time (page faults cost more than the maths).
    struct Workspace {
        torch::Tensor host;   ///< [B, T + 2048] zero-padded clips (CPU)
        torch::Tensor frames; ///< [B, F, 2048] windowed frames
        torch::Tensor power;  ///< [B, F, bins]
        torch::Tensor lnPower;
    };

    /// The chunk's clips, zero-padded by half a window on both sides (centred frames, like
    /// torch::stft(center=true, pad_mode="constant")), on the device. Non-finite samples become 0,
    /// others are clamped to +-kMaxSample.
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
            for (std::int64_t i = 0; i < length; ++i) {
                const float v = src[i];
                row[kPad + i] = std::isfinite(v) ? std::clamp(v, -kMaxSample, kMaxSample) : 0.0f;
            }
        }
        if (m_device == Device::Cpu)
            return m_workspace.host;
        return m_workspace.host.to(torch::Device(torch::kCUDA));
    }

    /// Makes t a float tensor of the given shape on the device, keeping its memory when it is
    /// large enough.
    static void reuse(torch::Tensor &t, at::IntArrayRef shape, torch::Device device)
    {
        if (!t.defined() || t.device() != device)
            t = torch::empty(shape, torch::TensorOptions().dtype(torch::kFloat).device(device));
        else
            t.resize_(shape);
    }

    /// What the spectral stage keeps of each frame; everything else is computed from these.
    struct SpectralFrames {
        torch::Tensor projected; ///< [B, F, kPowerColumns]
        torch::Tensor lnMeans;   ///< [B, F, contrast bands + 1]: mean ln power per band, overall
        torch::Tensor peaks;     ///< [B, F, contrast bands]: strongest bin's power per band
        torch::Tensor rolloff;   ///< [B, F]: rolloff bin
    };

    /// Frames [first, first + count) of the padded clips through the FFT and the projections.
    /// The per-bin tensors live only here, in the workspace.
    SpectralFrames spectralBlock(const torch::Tensor &padded, std::int64_t first,
                                 std::int64_t count)
    {
        const Constants &c = m_active;
        Workspace &ws = m_workspace;
        const std::int64_t batch = padded.size(0);
        const auto device = padded.device();

        // Power spectrogram [B, F, bins]: the real FFT of the unfolded frames gives that layout
        // directly, with no transposes.
        const auto frameView = padded.unfold(1, kFftSize, kHop).narrow(1, first, count);
        reuse(ws.frames, {batch, count, kFftSize}, device);
        torch::mul_out(ws.frames, frameView, c.window);
        reuse(ws.power, {batch, count, kBins}, device);
        {
            const auto parts = torch::view_as_real(torch::fft::rfft(ws.frames));
            const auto re = parts.select(3, 0);
            const auto im = parts.select(3, 1);
            torch::mul_out(ws.power, re, re);
            ws.power.addcmul_(im, im);
        }
        const torch::Tensor &power = ws.power;
        reuse(ws.lnPower, {batch, count, kBins}, device);
        torch::clamp_min_out(ws.lnPower, power, kPowerFloor).log_();

        SpectralFrames out;
        out.projected = c.power.apply(power);
        out.lnMeans = c.logPower.apply(ws.lnPower);
        const std::vector<std::int64_t> edges = contrastEdges();
        std::vector<torch::Tensor> peaks;
        for (std::int64_t band = 0; band < kContrastBands; ++band) {
            const auto lo = edges[std::size_t(band)];
            peaks.push_back(power.narrow(2, lo, edges[std::size_t(band + 1)] - lo).amax(2));
        }
        out.peaks = torch::stack(peaks, 2);
        const auto total = out.projected.narrow(2, kPowerSum, 1);
        out.rolloff = firstBinReaching(power, total * kRolloffFraction);
        return out;
    }

    /// Equal-length padded clips [B, T + 2048] on the device -> [B, embeddingSize].
    torch::Tensor features(const torch::Tensor &padded) { return pool(frameStage(padded)); }

    /// Everything pool() needs of each frame, [B, F, ...]. Frames of different clips (or of
    /// silence) can be mixed along F before pooling: the per-segment fast path does that.
    struct FrameStage {
        torch::Tensor projected; ///< [B, F, kPowerColumns]
        torch::Tensor lnMeans;   ///< [B, F, contrast bands + 1]
        torch::Tensor peaks;     ///< [B, F, contrast bands]
        torch::Tensor rolloff;   ///< [B, F] (integer bins)
        torch::Tensor zcr;       ///< [B, F]
    };

    FrameStage frameStage(const torch::Tensor &padded)
    {
        const std::int64_t batch = padded.size(0);
        const std::int64_t frameCount = (padded.size(1) - kFftSize) / kHop + 1;

        // The spectral stage in blocks of frames, so that memory stays bounded for long clips
        // (a clip up to ~47 s is one block on the CPU).
        const std::int64_t maxRows = padded.is_cuda() ? kCudaBlockRows : kCpuBlockRows;
        const std::int64_t blockFrames = std::max<std::int64_t>(1, maxRows / batch);
        std::vector<SpectralFrames> blocks;
        for (std::int64_t first = 0; first < frameCount; first += blockFrames)
            blocks.push_back(
                spectralBlock(padded, first, std::min(blockFrames, frameCount - first)));
        const auto join = [&blocks](torch::Tensor SpectralFrames::*part) {
            if (blocks.size() == 1)
                return blocks.front().*part;
            std::vector<torch::Tensor> parts;
            for (const SpectralFrames &b : blocks)
                parts.push_back(b.*part);
            return torch::cat(parts, 1);
        };
        FrameStage out;
        out.projected = join(&SpectralFrames::projected);
        out.lnMeans = join(&SpectralFrames::lnMeans);
        out.peaks = join(&SpectralFrames::peaks);
        out.rolloff = join(&SpectralFrames::rolloff);
        out.zcr = zeroCrossingRate(padded, frameCount);
        return out;
    }

    /// Frame features [B, F, ...] -> [B, embeddingSize].
    torch::Tensor pool(const FrameStage &f)
    {
        const Constants &c = m_active;
        const auto &projected = f.projected;
        const auto &lnMeans = f.lnMeans;
        const std::int64_t batch = projected.size(0);
        const std::int64_t frameCount = projected.size(1);

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
        const auto peakDb =
            f.peaks.clamp_min(kPowerFloor).log10().mul_(10.0);
        const auto contrast = peakDb - lnMeans.narrow(2, 0, kContrastBands) * kDbPerNeper;

        // Per-frame scalars. Centroid, bandwidth and rolloff are power-weighted, in kHz.
        std::vector<torch::Tensor> scalars(kScalars);
        const auto total = projected.select(2, kPowerSum);
        const auto safeTotal = total.clamp_min(kPowerFloor);
        const auto centroid = projected.select(2, kPowerFreq) / safeTotal;
        scalars[kCentroid] = centroid;
        const auto meanSquareFreq = projected.select(2, kPowerFreq2) / safeTotal;
        scalars[kBandwidth] = (meanSquareFreq - centroid.square()).clamp_min(0.0).sqrt();
        scalars[kRolloff] =
            f.rolloff.to(torch::kFloat) * (binHz(1) / 1000.0);
        // Geometric over arithmetic mean of the (floored) power.
        const auto meanPower = (total / double(kBins)).clamp_min(kPowerFloor);
        scalars[kFlatness] = (lnMeans.select(2, kContrastBands).exp() / meanPower).clamp(0.0, 1.0);
        scalars[kZcr] = f.zcr;
        scalars[kOnset] = onsetStrength(logMel);
        scalars[kRms] = projected.select(2, kPowerMeanSquare).add(kPowerFloor).log10_().mul_(10.0);

        // Statistics over frames; percentiles interpolate linearly between the sorted frames.
        const auto perFrame = torch::stack(scalars, 1); // [B, scalars, F]
        const auto sorted = std::get<0>(perFrame.sort(2));
        std::vector<torch::Tensor> percentiles;
        for (const double q : kPercentiles) {
            const double position = q * double(frameCount - 1);
            const auto lo = std::int64_t(std::floor(position));
            const auto hi = std::min(lo + 1, frameCount - 1);
            const double frac = position - double(lo);
            percentiles.push_back(sorted.select(2, lo) * (1.0 - frac)
                                  + sorted.select(2, hi) * frac);
        }
        const auto scalarStats =
            torch::stack({perFrame.mean(2), frameStd(perFrame, 2), percentiles[1], percentiles[2],
                          percentiles[3]},
                         2); // [B, scalars, 5]
        const auto rmsRange = (percentiles[4] - percentiles[0]).narrow(1, kRms, 1);

        // In the order of kGroups.
        const auto out = torch::cat(
            {
                logMel.mean(1), frameStd(logMel),                // logmel_mean, logmel_std
                mfcc.mean(1), frameStd(mfcc), frameStd(mfccDelta), // mfcc_*, mfcc_delta_std
                chroma.mean(1), frameStd(chroma),                // chroma_mean, chroma_std
                contrast.mean(1), frameStd(contrast),            // contrast_mean, contrast_std
                scalarStats.narrow(1, 0, kOnset + 1).reshape({batch, -1}), // centroid .. onset
                tempo(scalars[kOnset], c),                       // tempo
                scalarStats.select(1, kRms), rmsRange,           // rms
            },
            1);
        TORCH_CHECK(out.size(1) == m_info.embeddingSize, "feature layout mismatch: ", out.size(1),
                    " values instead of ", m_info.embeddingSize);
        return out;
    }

    /// Fraction of neighbouring samples whose sign differs, per frame of the padded signal.
    static torch::Tensor zeroCrossingRate(const torch::Tensor &padded, std::int64_t frameCount)
    {
        const std::int64_t length = padded.size(1);
        const auto negative = padded.lt(0.0);
        // Pair i is samples (i, i + 1); frame f holds pairs 512 f .. 512 f + 2046. An integer
        // cumulative count keeps the per-frame differences exact.
        const auto crossings =
            negative.narrow(1, 1, length - 1).ne(negative.narrow(1, 0, length - 1));
        const auto counts = crossings.cumsum(1, torch::kInt32);
        auto rate = counts.slice(1, kFftSize - 2, c10::nullopt, kHop)
                        .narrow(1, 0, frameCount)
                        .to(torch::kFloat);
        rate.narrow(1, 1, frameCount - 1)
            .sub_(counts.slice(1, kHop - 1, c10::nullopt, kHop).narrow(1, 0, frameCount - 1));
        return rate.div_(double(kFftSize - 1));
    }

    /// Spectral flux of the log-mel spectrogram: mean over bands of the rise since the previous
    /// frame (dB, half-wave rectified). Levels more than 80 dB below the clip's peak are lifted to
    /// that floor so that noise in near-silence does not count. The first frame is 0.
    static torch::Tensor onsetStrength(const torch::Tensor &logMel)
    {
        const std::int64_t frames = logMel.size(1);
        const auto floorDb = logMel.amax({1, 2}, true) - kOnsetRangeDb;
        const auto level = torch::maximum(logMel, floorDb);
        const auto rise = level.narrow(1, 1, frames - 1) - level.narrow(1, 0, frames - 1);
        const auto flux = rise.clamp_min(0.0).mean(2);
        return torch::constant_pad_nd(flux, {1, 0});
    }

    EncoderInfo m_info;
    Device m_device = Device::Cpu;
    Constants m_cpu;
    Constants m_active; ///< m_cpu on m_device
    Workspace m_workspace;
    struct SegmentState {
        FrameStage frames;    ///< of the prepared clip, [1, F, ...]
        FrameStage silent;    ///< one frame of silence, [1, 1, ...]
        torch::Tensor owner;  ///< segment of each frame [F]
        std::int64_t count = 0;
    };
    SegmentState m_segments;
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
