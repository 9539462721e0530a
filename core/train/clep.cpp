// CLEP and its baselines; the method as implemented is docs/clep.md.
//
// Speed (docs/clep.md, "Speed"): training runs on flat float32 buffers with hand-written backward
// passes (checked against LibTorch autograd by detail::checkGradients), one fused Adam loop over
// each network's parameters, and matrix products through oneDNN's sgemm, which Debian's libtorch
// already links. The BLAS behind at::mm on Debian is the reference one by default, about 30 times
// slower for these shapes; at::mm stays as the fallback (no oneDNN, or detail::setLibTorchGemm).
// Nothing here touches global state: no torch RNG, no global thread settings (each call pins its
// own thread's OpenMP count to 1 and restores it: OneThread).

#include "train/clep.h"
#include "train/clepcheck.h"
#include "train/gemm.h"

#include "survey/rng.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif


namespace tastelab::train {

namespace {

// Adam as torch.optim.Adam's defaults.
constexpr double kAdamBeta1 = 0.9;
constexpr double kAdamBeta2 = 0.999;
constexpr double kAdamEps = 1e-8;
// ReduceLROnPlateau as torch.optim.lr_scheduler's defaults (mode 'min').
constexpr double kPlateauThreshold = 1e-4; // relative
constexpr double kPlateauEps = 1e-8;
// Logistic regression baseline: full-batch Adam on the L2-penalised mean log loss.
constexpr double kLogRegL2 = 1e-2;
constexpr double kLogRegLearningRate = 0.01;
constexpr int kLogRegSteps = 200;
// k-nearest-neighbours baseline.
constexpr int kNeighbours = 5;
/// Rows pushed through the networks at a time by Model::predict and Model::embed: the activations of one block
/// (512 x 256 floats per layer) stay in the core's L2 cache and are reused from block to block,
/// instead of megabytes of fresh, zero-filled memory per layer for a long call (docs/benchmarks.md,
/// "Recommendations"). A row's result does not depend on which rows share its block (tst_clep).
constexpr std::size_t kPredictBlock = 512;

// Independent random streams derived from settings.seed.
enum Stream : std::uint64_t {
    kEmbedderInit = 1,
    kEmbedderShuffle = 2,
    kClassifierInit = 3,
    kClassifierShuffle = 4,
};

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream)
{
    // splitmix64's finaliser, so neighbouring seeds and streams give unrelated Rng states.
    std::uint64_t z = seed ^ (stream * 0xD1B54A32D192ED03ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}




// Element-wise helpers of the layers, vectorised where SSE2 is there (every x86-64): the ReLU
// mask in particular is a data-dependent branch otherwise.

void reluInPlace(float *x, std::size_t n)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(x + i, _mm_max_ps(_mm_loadu_ps(x + i), zero));
#endif
    for (; i < n; ++i)
        x[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

/// d = h > 0 ? d : 0 (ReLU's backward from its output h).
void reluBackward(float *d, const float *h, std::size_t n)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(d + i, _mm_and_ps(_mm_cmpgt_ps(_mm_loadu_ps(h + i), zero), _mm_loadu_ps(d + i)));
#endif
    for (; i < n; ++i)
        d[i] = h[i] > 0.0f ? d[i] : 0.0f;
}

/// sum[j] = sum over the n rows of rows[i][j].
void columnSums(float *sum, const float *rows, std::int64_t n, std::int64_t width)
{
    std::fill(sum, sum + width, 0.0f);
    for (std::int64_t r = 0; r < n; ++r) {
        const float *row = rows + r * width;
        std::int64_t j = 0;
#if defined(__SSE2__)
        for (; j + 4 <= width; j += 4)
            _mm_storeu_ps(sum + j, _mm_add_ps(_mm_loadu_ps(sum + j), _mm_loadu_ps(row + j)));
#endif
        for (; j < width; ++j)
            sum[j] += row[j];
    }
}

// ---------------------------------------------------------------------------------------------
// A fully connected network: Linear layers with ReLU between them (none after the last one).
// Parameters are one flat float buffer, per layer W (out x in, row-major as torch.nn.Linear) then b.

struct Mlp {
    std::vector<std::int64_t> sizes; // sizes[0] = inputs, sizes.back() = outputs
    std::vector<std::size_t> offsets;
    std::vector<float> params;

    void setSizes(std::vector<std::int64_t> s)
    {
        sizes = std::move(s);
        offsets.clear();
        std::size_t total = 0;
        for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
            offsets.push_back(total);
            total += std::size_t(sizes[l] * sizes[l + 1] + sizes[l + 1]);
        }
        params.assign(total, 0.0f);
    }
    bool empty() const { return sizes.size() < 2; }
    int layers() const { return int(sizes.size()) - 1; }
    std::int64_t inputs() const { return sizes.front(); }
    std::int64_t outputs() const { return sizes.back(); }
    const float *weight(int l) const { return params.data() + offsets[std::size_t(l)]; }
    const float *bias(int l) const { return weight(l) + sizes[std::size_t(l)] * sizes[std::size_t(l) + 1]; }

    /// torch.nn.Linear's default initialisation: W and b uniform in +-1/sqrt(fan_in), drawn from
    /// tastelab::Rng layer by layer (W row-major, then b).
    void initialise(Rng &rng)
    {
        for (int l = 0; l < layers(); ++l) {
            const std::int64_t in = sizes[std::size_t(l)], out = sizes[std::size_t(l) + 1];
            const double bound = 1.0 / std::sqrt(double(in));
            float *p = params.data() + offsets[std::size_t(l)];
            for (std::int64_t i = 0; i < out * in + out; ++i)
                p[i] = float((2.0 * rng.uniform() - 1.0) * bound);
        }
    }
};

/// Layer outputs of one forward pass (h[l + 1] = output of layer l, after its ReLU).
struct Activations {
    std::vector<std::vector<float>> h;
    const std::vector<float> &output() const { return h.back(); }
};

void forward(const Mlp &net, const float *x, std::int64_t n, Activations &a)
{
    const int L = net.layers();
    a.h.resize(std::size_t(L) + 1);
    const float *in = x;
    for (int l = 0; l < L; ++l) {
        const std::int64_t inF = net.sizes[std::size_t(l)], outF = net.sizes[std::size_t(l) + 1];
        std::vector<float> &out = a.h[std::size_t(l) + 1];
        out.resize(std::size_t(n * outF));
        const float *b = net.bias(l);
        for (std::int64_t i = 0; i < n; ++i)
            std::memcpy(out.data() + i * outF, b, sizeof(float) * std::size_t(outF));
        detail::gemm(false, true, n, outF, inF, in, inF, net.weight(l), inF, 1.0f, out.data(), outF);
        if (l + 1 < L)
            reluInPlace(out.data(), out.size());
        in = out.data();
    }
}

std::vector<float> infer(const Mlp &net, const std::vector<float> &x, std::int64_t n)
{
    Activations a;
    forward(net, x.data(), n, a);
    return std::move(a.h.back());
}

/// Gradients of all parameters (into grad, overwritten) from the gradient of the output. dOut is
/// used as scratch.
void backward(const Mlp &net, const float *x, std::int64_t n, const Activations &a, std::vector<float> &dOut,
              std::vector<float> &scratch, std::vector<float> &grad)
{
    grad.resize(net.params.size());
    std::vector<float> *dCur = &dOut, *dPrev = &scratch;
    for (int l = net.layers() - 1; l >= 0; --l) {
        const std::int64_t inF = net.sizes[std::size_t(l)], outF = net.sizes[std::size_t(l) + 1];
        const float *in = l == 0 ? x : a.h[std::size_t(l)].data();
        float *gW = grad.data() + net.offsets[std::size_t(l)];
        float *gb = gW + inF * outF;
        detail::gemm(true, false, outF, inF, n, dCur->data(), outF, in, inF, 0.0f, gW, inF);
        columnSums(gb, dCur->data(), n, outF);
        if (l > 0) {
            dPrev->resize(std::size_t(n * inF));
            detail::gemm(false, false, n, inF, outF, dCur->data(), outF, net.weight(l), inF, 0.0f, dPrev->data(), inF);
            reluBackward(dPrev->data(), a.h[std::size_t(l)].data(), dPrev->size());
            std::swap(dCur, dPrev);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Adam (torch.optim.Adam's update, no weight decay, no amsgrad) fused into one loop.

struct Adam {
    std::vector<float> m, v;
    std::int64_t step = 0;

    explicit Adam(std::size_t n) : m(n, 0.0f), v(n, 0.0f) {}

    void update(std::vector<float> &params, const std::vector<float> &grad, double lr)
    {
        ++step;
        const double bc1 = 1.0 - std::pow(kAdamBeta1, double(step));
        const double bc2 = 1.0 - std::pow(kAdamBeta2, double(step));
        const float b1 = float(kAdamBeta1), ob1 = float(1.0 - kAdamBeta1);
        const float b2 = float(kAdamBeta2), ob2 = float(1.0 - kAdamBeta2);
        const float bc2Sqrt = float(std::sqrt(bc2)), eps = float(kAdamEps);
        const float negStep = float(-lr / bc1);
        float *p = params.data(), *mm = m.data(), *vv = v.data();
        const float *g = grad.data();
        const std::size_t n = params.size();
        std::size_t i = 0;
#if defined(__SSE2__)
        const __m128 vb1 = _mm_set1_ps(b1), vob1 = _mm_set1_ps(ob1), vb2 = _mm_set1_ps(b2), vob2 = _mm_set1_ps(ob2);
        const __m128 vbc2 = _mm_set1_ps(bc2Sqrt), veps = _mm_set1_ps(eps), vstep = _mm_set1_ps(negStep);
        for (; i + 4 <= n; i += 4) {
            const __m128 gi = _mm_loadu_ps(g + i);
            const __m128 mi = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(mm + i), vb1), _mm_mul_ps(gi, vob1));
            const __m128 vi = _mm_add_ps(_mm_mul_ps(_mm_loadu_ps(vv + i), vb2), _mm_mul_ps(_mm_mul_ps(gi, gi), vob2));
            _mm_storeu_ps(mm + i, mi);
            _mm_storeu_ps(vv + i, vi);
            const __m128 denom = _mm_add_ps(_mm_div_ps(_mm_sqrt_ps(vi), vbc2), veps);
            _mm_storeu_ps(p + i, _mm_add_ps(_mm_loadu_ps(p + i), _mm_mul_ps(vstep, _mm_div_ps(mi, denom))));
        }
#endif
        for (; i < n; ++i) {
            mm[i] = mm[i] * b1 + g[i] * ob1;
            vv[i] = vv[i] * b2 + g[i] * g[i] * ob2;
            const float denom = std::sqrt(vv[i]) / bc2Sqrt + eps;
            p[i] = p[i] + negStep * (mm[i] / denom);
        }
    }
};

/// torch.optim.lr_scheduler.ReduceLROnPlateau(mode='min', threshold=1e-4, threshold_mode='rel',
/// cooldown=0, min_lr=0, eps=1e-8) with the given patience and factor.
struct Plateau {
    int patience = 2;
    double factor = 0.1;
    double best = std::numeric_limits<double>::infinity();
    int badEpochs = 0;

    void step(double metric, double &lr)
    {
        if (metric < best * (1.0 - kPlateauThreshold)) {
            best = metric;
            badEpochs = 0;
        } else {
            ++badEpochs;
        }
        if (badEpochs > patience) {
            const double reduced = std::max(lr * factor, 0.0);
            if (lr - reduced > kPlateauEps)
                lr = reduced;
            badEpochs = 0;
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Losses. Each returns the sum over its terms and their count (the loss is sum / count) and, when
// grad is given, the gradient of the mean with respect to the network's outputs.

struct LossValue {
    double sum = 0;
    double count = 0;
};

/// The contrastive loss over all pairs i < j of the n songs (rows of e, d wide).
LossValue contrastiveLoss(const float *e, const std::uint8_t *liked, std::int64_t n, std::int64_t d, Variant variant,
                          double margin, float *grad)
{
    const double pairs = double(n) * double(n - 1) / 2.0;
    if (grad)
        std::fill(grad, grad + n * d, 0.0f);
    if (pairs <= 0)
        return {};
    std::vector<float> coef;
    if (grad)
        coef.assign(std::size_t(n * n), 0.0f);
    double total = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const float *ei = e + i * d;
        for (std::int64_t j = i + 1; j < n; ++j) {
            const float *ej = e + j * d;
            double d2 = 0;
            for (std::int64_t k = 0; k < d; ++k) {
                const double diff = double(ei[k]) - double(ej[k]);
                d2 += diff * diff;
            }
            double c = 0; // dLoss/dD divided by D
            if (pairLabel(variant, liked[i] != 0, liked[j] != 0) == 1) {
                total += d2;
                c = 2.0 / pairs;
            } else {
                const double dist = std::sqrt(d2);
                const double hinge = margin - dist;
                if (hinge > 0) {
                    total += hinge * hinge;
                    c = dist > 0 ? -2.0 * hinge / (pairs * dist) : 0.0; // as torch.cdist: 0 at D = 0
                }
            }
            if (grad)
                coef[std::size_t(i * n + j)] = coef[std::size_t(j * n + i)] = float(c);
        }
    }
    if (grad) {
        // dL/de_i = sum_j c_ij (e_i - e_j)
        for (std::int64_t i = 0; i < n; ++i) {
            float *gi = grad + i * d;
            const float *ei = e + i * d;
            for (std::int64_t j = 0; j < n; ++j) {
                const float c = coef[std::size_t(i * n + j)];
                if (c == 0.0f)
                    continue;
                const float *ej = e + j * d;
                for (std::int64_t k = 0; k < d; ++k)
                    gi[k] += c * (ei[k] - ej[k]);
            }
        }
    }
    return {total, pairs};
}

/// Steering anchors, standardised like the songs (rows of the network's input).
struct Steering {
    std::vector<float> rows;
    std::vector<int> direction;
    std::vector<double> weight;
    std::int64_t count() const { return std::int64_t(direction.size()); }
};

/// The contrastive loss of n songs followed by m steering anchors (rows of e, d wide): the mean
/// pair loss of the songs (contrastiveLoss) plus, per anchor a, weight_a times the mean over the
/// songs j of the pair loss of (a, j), with y = 1 (pull) where the song's answer agrees with the
/// anchor's direction (liked for "more", disliked for "less") and y = 0 (push to the margin)
/// otherwise. Returned as {loss * pairs, pairs} so that epoch means weight batches by their pairs.
LossValue steeredContrastiveLoss(const float *e, const std::uint8_t *liked, std::int64_t n, std::int64_t m,
                                 std::int64_t d, Variant variant, double margin, const Steering &steering,
                                 float *grad)
{
    LossValue plain = contrastiveLoss(e, liked, n, d, variant, margin, grad);
    if (grad)
        std::fill(grad + n * d, grad + (n + m) * d, 0.0f);
    if (plain.count <= 0 || m <= 0)
        return plain;
    double steered = 0;
    for (std::int64_t a = 0; a < m; ++a) {
        const float *ea = e + (n + a) * d;
        const double w = steering.weight[std::size_t(a)] / double(n);
        const bool towardsLiked = steering.direction[std::size_t(a)] > 0;
        for (std::int64_t j = 0; j < n; ++j) {
            const float *ej = e + j * d;
            double d2 = 0;
            for (std::int64_t k = 0; k < d; ++k) {
                const double diff = double(ea[k]) - double(ej[k]);
                d2 += diff * diff;
            }
            double c = 0; // d(term)/dD divided by D
            if ((liked[j] != 0) == towardsLiked) {
                steered += w * d2;
                c = 2.0 * w;
            } else {
                const double dist = std::sqrt(d2);
                const double hinge = margin - dist;
                if (hinge > 0) {
                    steered += w * hinge * hinge;
                    c = dist > 0 ? -2.0 * w * hinge / dist : 0.0;
                }
            }
            if (grad && c != 0) {
                float *ga = grad + (n + a) * d, *gj = grad + j * d;
                for (std::int64_t k = 0; k < d; ++k) {
                    const float diff = ea[k] - ej[k];
                    ga[k] += float(c) * diff;
                    gj[k] -= float(c) * diff;
                }
            }
        }
    }
    return {plain.sum + steered * plain.count, plain.count};
}

/// Binary cross-entropy of sigmoid(z) against the labels, computed from the logit z.
LossValue bceLoss(const float *z, const std::uint8_t *liked, std::int64_t n, float *grad)
{
    double total = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const double zi = z[i], y = liked[i] ? 1.0 : 0.0;
        total += std::max(zi, 0.0) - zi * y + std::log1p(std::exp(-std::abs(zi)));
        if (grad)
            grad[i] = float((1.0 / (1.0 + std::exp(-zi)) - y) / double(n));
    }
    return {total, double(n)};
}

// ---------------------------------------------------------------------------------------------
// Data.

/// Consecutive ranges of batchSongs songs; a trailing batch of one song (which forms no pair)
/// joins the batch before it.
std::vector<std::pair<std::size_t, std::size_t>> batchRanges(std::size_t n, int batchSongs)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    const std::size_t size = std::size_t(std::max(batchSongs, 1));
    for (std::size_t start = 0; start < n; start += size)
        ranges.emplace_back(start, std::min(start + size, n));
    if (ranges.size() >= 2 && ranges.back().second - ranges.back().first == 1) {
        ranges[ranges.size() - 2].second = ranges.back().second;
        ranges.pop_back();
    }
    return ranges;
}

struct Standardiser {
    std::vector<float> mean, scale;

    /// One row of mean.size() values into out.
    void applyTo(const float *row, float *out) const
    {
        for (std::size_t k = 0; k < mean.size(); ++k)
            out[k] = (row[k] - mean[k]) / scale[k];
    }
    std::vector<float> apply(const std::vector<std::vector<float>> &rows) const
    {
        const std::size_t dim = mean.size();
        std::vector<float> out(rows.size() * dim);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            checkWidth(rows[i].size());
            applyTo(rows[i].data(), out.data() + i * dim);
        }
        return out;
    }
    void checkWidth(std::size_t width) const
    {
        if (width != mean.size())
            throw std::invalid_argument("feature row has " + std::to_string(width) + " values, the model expects "
                                        + std::to_string(mean.size()));
    }
};

/// The training and validation parts of a split, standardised with the training part's statistics.
struct Prepared {
    std::int64_t dim = 0;
    Standardiser standardiser;
    std::vector<float> xTrain, xVal;
    std::vector<std::uint8_t> likedTrain, likedVal;
    Steering steering; ///< the dataset's steering anchors, standardised
    std::int64_t nTrain() const { return std::int64_t(likedTrain.size()); }
    std::int64_t nVal() const { return std::int64_t(likedVal.size()); }
};

Prepared prepare(const Dataset &data, const Split &split)
{
    if (data.features.size() != data.labels.size())
        throw std::invalid_argument("dataset has " + std::to_string(data.features.size()) + " feature rows but "
                                    + std::to_string(data.labels.size()) + " labels");
    if (split.train.size() < 2)
        throw std::invalid_argument("training needs at least two training clips");
    const auto check = [&](const std::vector<int> &part) {
        for (int i : part)
            if (i < 0 || std::size_t(i) >= data.features.size())
                throw std::invalid_argument("split index " + std::to_string(i) + " is outside the dataset");
    };
    check(split.train);
    check(split.validation);
    Prepared p;
    p.dim = std::int64_t(data.features[std::size_t(split.train.front())].size());
    if (p.dim == 0)
        throw std::invalid_argument("feature rows are empty");
    const std::size_t dim = std::size_t(p.dim);
    std::vector<double> sum(dim, 0.0), sumSq(dim, 0.0);
    for (int i : split.train) {
        const auto &row = data.features[std::size_t(i)];
        if (row.size() != dim)
            throw std::invalid_argument("feature rows differ in size");
        for (std::size_t k = 0; k < dim; ++k)
            sum[k] += row[k];
    }
    const double n = double(split.train.size());
    p.standardiser.mean.resize(dim);
    p.standardiser.scale.resize(dim);
    for (std::size_t k = 0; k < dim; ++k)
        p.standardiser.mean[k] = float(sum[k] / n);
    for (int i : split.train) {
        const auto &row = data.features[std::size_t(i)];
        for (std::size_t k = 0; k < dim; ++k) {
            const double diff = double(row[k]) - double(p.standardiser.mean[k]);
            sumSq[k] += diff * diff;
        }
    }
    for (std::size_t k = 0; k < dim; ++k) {
        const double sd = std::sqrt(sumSq[k] / n); // population standard deviation
        // A constant feature (up to rounding) is only centred.
        const bool constant = !(sd > 1e-7 * std::abs(double(p.standardiser.mean[k]))) || !(sd > 0);
        p.standardiser.scale[k] = constant ? 1.0f : float(sd);
    }
    const auto gather = [&](const std::vector<int> &part, std::vector<float> &x, std::vector<std::uint8_t> &liked) {
        std::vector<std::vector<float>> rows;
        rows.reserve(part.size());
        for (int i : part) {
            rows.push_back(data.features[std::size_t(i)]);
            liked.push_back(data.labels[std::size_t(i)] != 0 ? 1 : 0);
        }
        x = p.standardiser.apply(rows);
    };
    gather(split.train, p.xTrain, p.likedTrain);
    gather(split.validation, p.xVal, p.likedVal);
    std::vector<std::vector<float>> anchors;
    for (const SteeringExample &ex : data.steering) {
        if (ex.anchor.size() != dim)
            throw std::invalid_argument("steering anchor has " + std::to_string(ex.anchor.size())
                                        + " values, the feature rows have " + std::to_string(dim));
        if (!(ex.weight >= 0) || !std::isfinite(ex.weight))
            throw std::invalid_argument("steering weight must be a finite number >= 0");
        if (ex.weight == 0)
            continue;
        anchors.push_back(ex.anchor);
        p.steering.direction.push_back(ex.direction >= 0 ? 1 : -1);
        p.steering.weight.push_back(ex.weight);
    }
    p.steering.rows = p.standardiser.apply(anchors);
    return p;
}

void checkSettings(const ClepSettings &s, bool clep)
{
    const auto require = [](bool ok, const char *what) {
        if (!ok)
            throw std::invalid_argument(std::string("invalid CLEP setting: ") + what);
    };
    if (clep) {
        require(s.embedderDepth >= 1, "embedderDepth >= 1");
        require(s.embedderHidden >= 1, "embedderHidden >= 1");
        require(s.embeddingSize >= 1, "embeddingSize >= 1");
        require(s.embedderEpochs >= 0, "embedderEpochs >= 0");
        require(s.embedderLearningRate > 0, "embedderLearningRate > 0");
        require(s.margin >= 0, "margin >= 0");
        require(s.batchSongs >= 2, "batchSongs >= 2");
    }
    require(s.classifierHidden >= 2, "classifierHidden >= 2");
    require(s.classifierEpochs >= 0, "classifierEpochs >= 0");
    require(s.classifierLearningRate > 0, "classifierLearningRate > 0");
    require(s.batchSongs >= 1, "batchSongs >= 1");
    require(s.plateauPatience >= 0, "plateauPatience >= 0");
    require(s.plateauFactor > 0 && s.plateauFactor < 1, "0 < plateauFactor < 1");
}

// ---------------------------------------------------------------------------------------------
// One training stage: minibatch Adam with the plateau schedule; keeps the parameters of the epoch
// with the lowest validation loss.

struct StageConfig {
    const char *stage;
    int epochs;
    double learningRate;
    int batchSongs;
    int patience;
    double factor;
    std::uint64_t shuffleSeed;
};

/// `extra` (rows of the network's input, e.g. steering anchors) is appended to every batch and to
/// the validation set; the loss gets the batch's rows followed by the extra rows (their liked
/// flags are 0).
template<typename LossFn>
void trainStage(Mlp &net, const std::vector<float> &xTrain, const std::vector<std::uint8_t> &likedTrain,
                const std::vector<float> &xValSongs, const std::vector<std::uint8_t> &likedValSongs,
                const StageConfig &cfg, LossFn loss, std::vector<EpochLog> &log, const ProgressFn &progress,
                const std::vector<float> &extra = {})
{
    const std::int64_t in = net.inputs(), out = net.outputs();
    const std::size_t nTrain = likedTrain.size();
    const std::int64_t m = std::int64_t(extra.size()) / in;
    std::vector<float> xVal = xValSongs;
    std::vector<std::uint8_t> likedVal = likedValSongs;
    if (m > 0 && !likedValSongs.empty()) {
        xVal.insert(xVal.end(), extra.begin(), extra.end());
        likedVal.resize(likedVal.size() + std::size_t(m), 0);
    }
    const std::int64_t nVal = std::int64_t(likedVal.size());
    Rng shuffle(cfg.shuffleSeed);
    Adam adam(net.params.size());
    Plateau plateau{cfg.patience, cfg.factor};
    double lr = cfg.learningRate;
    double bestLoss = std::numeric_limits<double>::infinity();
    std::vector<float> best;

    std::vector<int> order(nTrain);
    std::vector<float> xb, dOut, scratch, grad;
    std::vector<std::uint8_t> likedB;
    Activations acts;
    const auto ranges = batchRanges(nTrain, cfg.batchSongs);
    for (int epoch = 1; epoch <= cfg.epochs; ++epoch) {
        std::iota(order.begin(), order.end(), 0);
        shuffle.shuffle(order);
        LossValue train;
        for (const auto &[begin, end] : ranges) {
            const std::int64_t songs = std::int64_t(end - begin), n = songs + m;
            xb.resize(std::size_t(n * in));
            likedB.assign(std::size_t(n), 0);
            for (std::int64_t i = 0; i < songs; ++i) {
                const int row = order[begin + std::size_t(i)];
                std::memcpy(xb.data() + i * in, xTrain.data() + std::int64_t(row) * in, sizeof(float) * std::size_t(in));
                likedB[std::size_t(i)] = likedTrain[std::size_t(row)];
            }
            if (m > 0)
                std::memcpy(xb.data() + songs * in, extra.data(), sizeof(float) * extra.size());
            forward(net, xb.data(), n, acts);
            dOut.resize(std::size_t(n * out));
            const LossValue v = loss(acts.output().data(), likedB.data(), n, dOut.data());
            if (v.count <= 0)
                continue;
            train.sum += v.sum;
            train.count += v.count;
            backward(net, xb.data(), n, acts, dOut, scratch, grad);
            adam.update(net.params, grad, lr);
        }
        EpochLog entry;
        entry.stage = cfg.stage;
        entry.epoch = epoch;
        entry.epochs = cfg.epochs;
        entry.trainLoss = train.count > 0 ? train.sum / train.count : 0.0;
        entry.learningRate = lr;
        entry.validationLoss = entry.trainLoss;
        if (nVal > 0) {
            forward(net, xVal.data(), nVal, acts);
            const LossValue v = loss(acts.output().data(), likedVal.data(), nVal, nullptr);
            if (v.count > 0)
                entry.validationLoss = v.sum / v.count;
        }
        if (entry.validationLoss < bestLoss) {
            bestLoss = entry.validationLoss;
            best = net.params;
        }
        plateau.step(entry.validationLoss, lr);
        log.push_back(entry);
        if (progress && !progress(entry))
            throw Cancelled{};
    }
    if (!best.empty())
        net.params = std::move(best);
}

Mlp newClassifier(std::int64_t inputs, const ClepSettings &s)
{
    Mlp net;
    net.setSizes({inputs, s.classifierHidden, s.classifierHidden / 2, 1});
    Rng init(streamSeed(s.seed, kClassifierInit));
    net.initialise(init);
    return net;
}

StageConfig classifierStage(const ClepSettings &s)
{
    return {"classifier",     s.classifierEpochs, s.classifierLearningRate,
            s.batchSongs,     s.plateauPatience,  s.plateauFactor,
            streamSeed(s.seed, kClassifierShuffle)};
}

const auto kBce = [](const float *z, const std::uint8_t *liked, std::int64_t n, float *grad) {
    return bceLoss(z, liked, n, grad);
};

// ---------------------------------------------------------------------------------------------
// Serialisation: explicit little-endian fields.

constexpr char kMagic[8] = {'T', 'L', 'C', 'L', 'E', 'P', 'M', '1'};
constexpr std::uint32_t kFormatVersion = 1;

class Writer {
public:
    void u8(std::uint8_t v) { m_out.push_back(char(v)); }
    void u32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            u8(std::uint8_t(v >> (8 * i)));
    }
    void u64(std::uint64_t v)
    {
        for (int i = 0; i < 8; ++i)
            u8(std::uint8_t(v >> (8 * i)));
    }
    void i32(std::int32_t v) { u32(std::uint32_t(v)); }
    void i64(std::int64_t v) { u64(std::uint64_t(v)); }
    void f32(float v)
    {
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        u32(bits);
    }
    void f64(double v)
    {
        std::uint64_t bits;
        std::memcpy(&bits, &v, 8);
        u64(bits);
    }
    void str(const std::string &s)
    {
        u32(std::uint32_t(s.size()));
        m_out += s;
    }
    void floats(const std::vector<float> &v)
    {
        u64(v.size());
        for (float f : v)
            f32(f);
    }
    void raw(const char *p, std::size_t n) { m_out.append(p, n); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(const std::string &bytes) : m_bytes(bytes) {}
    std::uint8_t u8()
    {
        need(1);
        return std::uint8_t(m_bytes[m_pos++]);
    }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= std::uint32_t(u8()) << (8 * i);
        return v;
    }
    std::uint64_t u64()
    {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v |= std::uint64_t(u8()) << (8 * i);
        return v;
    }
    std::int32_t i32() { return std::int32_t(u32()); }
    std::int64_t i64() { return std::int64_t(u64()); }
    float f32()
    {
        const std::uint32_t bits = u32();
        float v;
        std::memcpy(&v, &bits, 4);
        return v;
    }
    double f64()
    {
        const std::uint64_t bits = u64();
        double v;
        std::memcpy(&v, &bits, 8);
        return v;
    }
    std::string str()
    {
        const std::size_t n = u32();
        need(n);
        std::string s = m_bytes.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    std::vector<float> floats()
    {
        const std::uint64_t n = u64();
        if (n > (m_bytes.size() - m_pos) / 4) // before the allocation
            throw std::runtime_error("model data is truncated");
        std::vector<float> v(n);
        for (float &f : v)
            f = f32();
        return v;
    }
    void expect(const char *p, std::size_t n)
    {
        need(n);
        if (m_bytes.compare(m_pos, n, p, n) != 0)
            throw std::runtime_error("not a Tastelab model");
        m_pos += n;
    }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    void need(std::uint64_t n) const
    {
        if (n > m_bytes.size() - m_pos)
            throw std::runtime_error("model data is truncated");
    }
    const std::string &m_bytes;
    std::size_t m_pos = 0;
};

void writeMlp(Writer &w, const Mlp &net)
{
    w.u32(std::uint32_t(net.sizes.size()));
    for (std::int64_t s : net.sizes)
        w.i64(s);
    w.floats(net.params);
}

Mlp readMlp(Reader &r)
{
    const std::uint32_t count = r.u32();
    if (count == 1 || count > 64)
        throw std::runtime_error("model data has a bad layer count");
    std::vector<std::int64_t> sizes(count);
    for (auto &s : sizes) {
        s = r.i64();
        if (s < 1 || s > (std::int64_t(1) << 24))
            throw std::runtime_error("model data has a bad layer size");
    }
    Mlp net;
    if (count > 0)
        net.setSizes(sizes);
    std::vector<float> params = r.floats();
    if (params.size() != net.params.size())
        throw std::runtime_error("model data has the wrong number of weights");
    net.params = std::move(params);
    return net;
}

} // namespace

// =============================================================================================
// Variants and pair labels.

std::string variantId(Variant v)
{
    switch (v) {
    case Variant::PN:
        return "clep-pn";
    case Variant::P:
        return "clep-p";
    case Variant::N:
        return "clep-n";
    }
    return "clep-pn";
}

bool variantFromId(const std::string &id, Variant *out)
{
    std::string s = id;
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    Variant v;
    if (s == "clep-pn" || s == "pn")
        v = Variant::PN;
    else if (s == "clep-p" || s == "p")
        v = Variant::P;
    else if (s == "clep-n" || s == "n")
        v = Variant::N;
    else
        return false;
    if (out)
        *out = v;
    return true;
}

int pairLabel(Variant variant, bool likedA, bool likedB)
{
    if (likedA != likedB)
        return 0; // like-dislike: always pushed apart
    switch (variant) {
    case Variant::PN:
        return 1;
    case Variant::P:
        return likedA ? 1 : 0;
    case Variant::N:
        return likedA ? 0 : 1;
    }
    return 0;
}

// =============================================================================================
// Split and metrics.

Split stratifiedSplit(const std::vector<int> &labels, double testFraction, double validationFraction,
                      std::uint64_t seed)
{
    if (!(testFraction >= 0 && testFraction <= 1) || !(validationFraction >= 0 && validationFraction <= 1))
        throw std::invalid_argument("split fractions must lie in [0, 1]");
    std::map<int, std::vector<int>> classes; // ascending label order
    for (std::size_t i = 0; i < labels.size(); ++i)
        classes[labels[i]].push_back(int(i));
    const auto roundHalfUp = [](double x) { return std::int64_t(std::floor(x + 0.5)); };
    Rng rng(seed);
    Split split;
    for (auto &[label, members] : classes) {
        (void)label;
        rng.shuffle(members);
        const std::int64_t n = std::int64_t(members.size());
        const bool guaranteed = n >= 3; // each part gets at least one item of the class
        std::int64_t nTest = std::min(roundHalfUp(testFraction * double(n)), n);
        if (guaranteed && testFraction > 0)
            nTest = std::clamp<std::int64_t>(nTest, 1, n - 1 - (validationFraction > 0 ? 1 : 0));
        const std::int64_t rest = n - nTest;
        std::int64_t nVal = std::min(roundHalfUp(validationFraction * double(rest)), rest);
        if (guaranteed && validationFraction > 0)
            nVal = std::clamp<std::int64_t>(nVal, 1, rest - 1);
        split.test.insert(split.test.end(), members.begin(), members.begin() + nTest);
        split.validation.insert(split.validation.end(), members.begin() + nTest, members.begin() + nTest + nVal);
        split.train.insert(split.train.end(), members.begin() + nTest + nVal, members.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

Metrics computeMetrics(const std::vector<int> &truth, const std::vector<float> &probability)
{
    if (truth.size() != probability.size())
        throw std::invalid_argument("computeMetrics: " + std::to_string(truth.size()) + " labels but "
                                    + std::to_string(probability.size()) + " probabilities");
    Metrics m;
    const std::size_t n = truth.size();
    for (std::size_t i = 0; i < n; ++i) {
        const bool liked = truth[i] != 0;
        const bool predicted = probability[i] >= 0.5f; // NaN: not liked
        if (liked && predicted)
            ++m.tp;
        else if (liked)
            ++m.fn;
        else if (predicted)
            ++m.fp;
        else
            ++m.tn;
    }
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    m.accuracy = ratio(m.tp + m.tn, double(n));
    m.precision = ratio(m.tp, m.tp + m.fp);
    m.recall = ratio(m.tp, m.tp + m.fn);
    m.f1 = ratio(2 * m.precision * m.recall, m.precision + m.recall);
    m.fpr = ratio(m.fp, m.fp + m.tn);

    const std::size_t positives = std::size_t(m.tp + m.fn), negatives = n - positives;
    if (positives == 0 || negatives == 0) {
        m.auroc = 0.5;
        return m;
    }
    // Mann-Whitney: average ranks (ties share the mean of their ranks), NaN ranked lowest.
    std::vector<double> key(n);
    for (std::size_t i = 0; i < n; ++i)
        key[i] = std::isnan(probability[i]) ? -std::numeric_limits<double>::infinity() : double(probability[i]);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
    double rankSumPositives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && key[order[j + 1]] == key[order[i]])
            ++j;
        const double rank = (double(i + 1) + double(j + 1)) / 2.0;
        for (std::size_t k = i; k <= j; ++k)
            if (truth[order[k]] != 0)
                rankSumPositives += rank;
        i = j + 1;
    }
    const double p = double(positives), q = double(negatives);
    m.auroc = (rankSumPositives - p * (p + 1) / 2.0) / (p * q);
    return m;
}

// =============================================================================================
// Model.

struct Model::Impl {
    Kind kind = Kind::Clep;
    Variant variant = Variant::PN;
    ClepSettings settings;
    Standardiser standardiser;
    Mlp embedder;   // CLEP only
    Mlp classifier; // CLEP, MLP-only and logistic regression (a single linear layer)
    std::vector<float> reference; // k-NN: standardised training rows
    std::vector<std::uint8_t> referenceLiked;
    std::vector<EpochLog> log;

    std::int64_t dim() const { return std::int64_t(standardiser.mean.size()); }
    bool trained() const { return dim() > 0; }

    /// Standardises count raw rows (row(i): the i-th row's dim() values) kPredictBlock at a time
    /// and hands each block to block(x, n, first): n standardised rows, the first being row first.
    template <typename Row, typename Block>
    void standardisedBlocks(std::size_t count, const Row &row, const Block &block) const
    {
        const std::size_t width = std::size_t(dim());
        std::vector<float> x;
        for (std::size_t first = 0; first < count; first += kPredictBlock) {
            const std::size_t n = std::min(kPredictBlock, count - first);
            x.resize(n * width);
            for (std::size_t i = 0; i < n; ++i)
                standardiser.applyTo(row(first + i), x.data() + i * width);
            block(x, n, first);
        }
    }

    /// Like-probabilities of count raw rows, predicted kPredictBlock rows at a time.
    template <typename Row>
    std::vector<float> predictRows(std::size_t count, const Row &row) const
    {
        std::vector<float> out(count);
        standardisedBlocks(count, row, [&](const std::vector<float> &x, std::size_t n, std::size_t first) {
            const std::vector<float> p = probabilities(x, std::int64_t(n));
            std::copy(p.begin(), p.end(), out.begin() + std::ptrdiff_t(first));
        });
        return out;
    }

    /// Like-probabilities of n standardised rows.
    std::vector<float> probabilities(const std::vector<float> &x, std::int64_t n) const
    {
        if (kind == Kind::KNearest)
            return knn(x, n);
        const std::vector<float> z = embedder.empty() ? infer(classifier, x, n) : infer(classifier, infer(embedder, x, n), n);
        std::vector<float> prob(z.size());
        for (std::size_t i = 0; i < z.size(); ++i)
            prob[i] = float(1.0 / (1.0 + std::exp(-double(z[i]))));
        return prob;
    }

    std::vector<float> knn(const std::vector<float> &x, std::int64_t n) const
    {
        const std::int64_t d = dim();
        const std::size_t refs = referenceLiked.size();
        const std::size_t k = std::min<std::size_t>(kNeighbours, refs);
        std::vector<float> prob(std::size_t(n), 0.5f);
        std::vector<std::pair<double, std::size_t>> dist(refs);
        for (std::int64_t i = 0; i < n; ++i) {
            const float *q = x.data() + i * d;
            for (std::size_t r = 0; r < refs; ++r) {
                const float *p = reference.data() + std::int64_t(r) * d;
                double s = 0;
                for (std::int64_t c = 0; c < d; ++c) {
                    const double diff = double(q[c]) - double(p[c]);
                    s += diff * diff;
                }
                dist[r] = {std::sqrt(s), r}; // ties broken by the training order
            }
            if (k == 0)
                continue;
            std::partial_sort(dist.begin(), dist.begin() + std::ptrdiff_t(k), dist.end());
            double likes = 0, total = 0;
            if (dist[0].first == 0.0) {
                // Exact matches outvote everything else (as scikit-learn's weights='distance').
                for (std::size_t j = 0; j < k && dist[j].first == 0.0; ++j) {
                    likes += referenceLiked[dist[j].second];
                    total += 1;
                }
            } else {
                for (std::size_t j = 0; j < k; ++j) {
                    const double w = 1.0 / dist[j].first;
                    likes += w * referenceLiked[dist[j].second];
                    total += w;
                }
            }
            prob[std::size_t(i)] = float(likes / total);
        }
        return prob;
    }
};

Model::Model() : d(std::make_unique<Impl>()) {}
Model::~Model() = default;
Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;

Model::Kind Model::kind() const
{
    if (!d)
        throw std::logic_error("moved-from Model");
    return d->kind;
}

std::string Model::id() const
{
    switch (kind()) {
    case Kind::Clep:
        return variantId(d->variant);
    case Kind::LogisticRegression:
        return "logreg";
    case Kind::KNearest:
        return "knn";
    case Kind::MlpOnly:
        return "mlp";
    }
    return {};
}

const std::vector<EpochLog> &Model::log() const
{
    if (!d)
        throw std::logic_error("moved-from Model");
    return d->log;
}

std::vector<float> Model::predict(const std::vector<std::vector<float>> &features) const
{
    const detail::OneOmpThread oneThread;
    if (!d || !d->trained())
        throw std::logic_error("predict() on an untrained Model");
    for (const std::vector<float> &row : features)
        d->standardiser.checkWidth(row.size());
    return d->predictRows(features.size(), [&features](std::size_t i) { return features[i].data(); });
}

std::vector<float> Model::predict(const float *rows, std::size_t count, std::size_t dim) const
{
    const detail::OneOmpThread oneThread;
    if (!d || !d->trained())
        throw std::logic_error("predict() on an untrained Model");
    d->standardiser.checkWidth(dim);
    return d->predictRows(count, [rows, dim](std::size_t i) { return rows + i * dim; });
}

std::vector<std::vector<float>> Model::embed(const std::vector<std::vector<float>> &features) const
{
    const detail::OneOmpThread oneThread;
    if (!d || !d->trained())
        throw std::logic_error("embed() on an untrained Model");
    for (const std::vector<float> &row : features)
        d->standardiser.checkWidth(row.size());
    const std::size_t width = std::size_t(d->embedder.empty() ? d->dim() : d->embedder.outputs());
    std::vector<std::vector<float>> out(features.size());
    d->standardisedBlocks(features.size(), [&features](std::size_t i) { return features[i].data(); },
                          [&](const std::vector<float> &x, std::size_t n, std::size_t first) {
                              const std::vector<float> e = d->embedder.empty() ? x : infer(d->embedder, x, std::int64_t(n));
                              for (std::size_t i = 0; i < n; ++i)
                                  out[first + i].assign(e.begin() + std::ptrdiff_t(i * width), e.begin() + std::ptrdiff_t((i + 1) * width));
                          });
    return out;
}

Model Model::trainClep(const Dataset &data, const Split &split, Variant variant, const ClepSettings &settings,
                       const ProgressFn &progress)
{
    checkSettings(settings, true);
    const detail::OneOmpThread oneThread;
    Prepared p = prepare(data, split);
    Model model;
    Impl &m = *model.d;
    m.kind = Kind::Clep;
    m.variant = variant;
    m.settings = settings;
    m.standardiser = p.standardiser;

    // Stage 1: the Siamese embedder under the contrastive loss.
    std::vector<std::int64_t> sizes{p.dim};
    for (int l = 0; l + 1 < settings.embedderDepth; ++l)
        sizes.push_back(settings.embedderHidden);
    sizes.push_back(settings.embeddingSize);
    m.embedder.setSizes(sizes);
    Rng init(streamSeed(settings.seed, kEmbedderInit));
    m.embedder.initialise(init);
    const std::int64_t width = settings.embeddingSize;
    const double margin = settings.margin;
    const Steering &steering = p.steering;
    const std::int64_t anchors = steering.count();
    const auto contrastive = [variant, width, margin, &steering, anchors](const float *e, const std::uint8_t *liked,
                                                                          std::int64_t n, float *grad) {
        if (anchors == 0)
            return contrastiveLoss(e, liked, n, width, variant, margin, grad);
        return steeredContrastiveLoss(e, liked, n - anchors, anchors, width, variant, margin, steering, grad);
    };
    const StageConfig embedderStage{"embedder",          settings.embedderEpochs, settings.embedderLearningRate,
                                    settings.batchSongs, settings.plateauPatience, settings.plateauFactor,
                                    streamSeed(settings.seed, kEmbedderShuffle)};
    trainStage(m.embedder, p.xTrain, p.likedTrain, p.xVal, p.likedVal, embedderStage, contrastive, m.log, progress,
               steering.rows);

    // Stage 2: the classifier on the frozen embedder's output, computed once.
    const std::vector<float> eTrain = infer(m.embedder, p.xTrain, p.nTrain());
    const std::vector<float> eVal = p.nVal() > 0 ? infer(m.embedder, p.xVal, p.nVal()) : std::vector<float>{};
    m.classifier = newClassifier(width, settings);
    trainStage(m.classifier, eTrain, p.likedTrain, eVal, p.likedVal, classifierStage(settings), kBce, m.log,
               progress);
    return model;
}

Model Model::trainBaseline(Kind kind, const Dataset &data, const Split &split, const ClepSettings &settings,
                           const ProgressFn &progress)
{
    const detail::OneOmpThread oneThread;
    if (kind == Kind::Clep)
        throw std::invalid_argument("trainBaseline: CLEP is not a baseline (use trainClep)");
    checkSettings(settings, false);
    Prepared p = prepare(data, split);
    Model model;
    Impl &m = *model.d;
    m.kind = kind;
    m.settings = settings;
    m.standardiser = p.standardiser;
    switch (kind) {
    case Kind::Clep:
        break;
    case Kind::KNearest:
        m.reference = p.xTrain;
        m.referenceLiked = p.likedTrain;
        break;
    case Kind::MlpOnly:
        m.classifier = newClassifier(p.dim, settings);
        trainStage(m.classifier, p.xTrain, p.likedTrain, p.xVal, p.likedVal, classifierStage(settings), kBce, m.log,
                   progress);
        break;
    case Kind::LogisticRegression: {
        // Full-batch Adam from zero weights on mean BCE + L2/2 |w|^2 (the bias is not penalised).
        // Convex, so the last step's weights are kept; the validation loss is only logged.
        m.classifier.setSizes({p.dim, 1});
        Adam adam(m.classifier.params.size());
        Activations acts;
        std::vector<float> dOut(static_cast<std::size_t>(p.nTrain())), scratch, grad;
        for (int step = 1; step <= kLogRegSteps; ++step) {
            forward(m.classifier, p.xTrain.data(), p.nTrain(), acts);
            const LossValue v = bceLoss(acts.output().data(), p.likedTrain.data(), p.nTrain(), dOut.data());
            backward(m.classifier, p.xTrain.data(), p.nTrain(), acts, dOut, scratch, grad);
            double penalty = 0;
            for (std::int64_t k = 0; k < p.dim; ++k) {
                const float w = m.classifier.params[std::size_t(k)];
                penalty += 0.5 * kLogRegL2 * double(w) * double(w);
                grad[std::size_t(k)] += float(kLogRegL2) * w;
            }
            EpochLog entry;
            entry.stage = "classifier";
            entry.epoch = step;
            entry.epochs = kLogRegSteps;
            entry.trainLoss = v.sum / v.count + penalty;
            entry.learningRate = kLogRegLearningRate;
            entry.validationLoss = entry.trainLoss;
            adam.update(m.classifier.params, grad, kLogRegLearningRate);
            if (p.nVal() > 0) {
                forward(m.classifier, p.xVal.data(), p.nVal(), acts);
                const LossValue val = bceLoss(acts.output().data(), p.likedVal.data(), p.nVal(), nullptr);
                entry.validationLoss = val.sum / val.count;
            }
            m.log.push_back(entry);
            if (progress && !progress(entry))
                throw Cancelled{};
        }
        break;
    }
    }
    return model;
}

std::string Model::serialize() const
{
    if (!d || !d->trained())
        throw std::logic_error("serialize() on an untrained Model");
    Writer w;
    w.raw(kMagic, sizeof kMagic);
    w.u32(kFormatVersion);
    w.u32(std::uint32_t(d->kind));
    w.u32(std::uint32_t(d->variant));
    const ClepSettings &s = d->settings;
    w.f64(s.margin);
    w.i32(s.embedderDepth);
    w.i32(s.embedderHidden);
    w.i32(s.embeddingSize);
    w.f64(s.embedderLearningRate);
    w.i32(s.embedderEpochs);
    w.i32(s.classifierHidden);
    w.f64(s.classifierLearningRate);
    w.i32(s.classifierEpochs);
    w.i32(s.batchSongs);
    w.i32(s.plateauPatience);
    w.f64(s.plateauFactor);
    w.f64(s.testFraction);
    w.f64(s.validationFraction);
    w.u64(s.seed);
    w.floats(d->standardiser.mean);
    w.floats(d->standardiser.scale);
    writeMlp(w, d->embedder);
    writeMlp(w, d->classifier);
    w.floats(d->reference);
    w.u64(d->referenceLiked.size());
    for (std::uint8_t v : d->referenceLiked)
        w.u8(v);
    w.u32(std::uint32_t(d->log.size()));
    for (const EpochLog &e : d->log) {
        w.str(e.stage);
        w.i32(e.epoch);
        w.i32(e.epochs);
        w.f64(e.trainLoss);
        w.f64(e.validationLoss);
        w.f64(e.learningRate);
    }
    return w.take();
}

Model Model::deserialize(const std::string &bytes)
{
    Reader r(bytes);
    r.expect(kMagic, sizeof kMagic);
    if (r.u32() != kFormatVersion)
        throw std::runtime_error("model data has an unknown format version");
    Model model;
    Impl &m = *model.d;
    const std::uint32_t kind = r.u32(), variant = r.u32();
    if (kind > std::uint32_t(Kind::MlpOnly) || variant > std::uint32_t(Variant::N))
        throw std::runtime_error("model data has an unknown model kind");
    m.kind = Kind(kind);
    m.variant = Variant(variant);
    ClepSettings &s = m.settings;
    s.margin = r.f64();
    s.embedderDepth = r.i32();
    s.embedderHidden = r.i32();
    s.embeddingSize = r.i32();
    s.embedderLearningRate = r.f64();
    s.embedderEpochs = r.i32();
    s.classifierHidden = r.i32();
    s.classifierLearningRate = r.f64();
    s.classifierEpochs = r.i32();
    s.batchSongs = r.i32();
    s.plateauPatience = r.i32();
    s.plateauFactor = r.f64();
    s.testFraction = r.f64();
    s.validationFraction = r.f64();
    s.seed = r.u64();
    m.standardiser.mean = r.floats();
    m.standardiser.scale = r.floats();
    m.embedder = readMlp(r);
    m.classifier = readMlp(r);
    m.reference = r.floats();
    const std::uint64_t refs = r.u64();
    if (refs > bytes.size())
        throw std::runtime_error("model data is truncated");
    m.referenceLiked.resize(refs);
    for (auto &v : m.referenceLiked)
        v = r.u8() ? 1 : 0;
    const std::uint32_t entries = r.u32();
    if (entries > bytes.size())
        throw std::runtime_error("model data is truncated");
    for (std::uint32_t i = 0; i < entries; ++i) {
        EpochLog e;
        e.stage = r.str();
        e.epoch = r.i32();
        e.epochs = r.i32();
        e.trainLoss = r.f64();
        e.validationLoss = r.f64();
        e.learningRate = r.f64();
        m.log.push_back(std::move(e));
    }
    if (!r.atEnd())
        throw std::runtime_error("model data has trailing bytes");

    // Consistency: every part must fit the input width.
    const std::int64_t dim = m.dim();
    const bool ok = [&] {
        if (dim <= 0 || m.standardiser.scale.size() != std::size_t(dim))
            return false;
        switch (m.kind) {
        case Kind::Clep:
            return !m.embedder.empty() && m.embedder.inputs() == dim && !m.classifier.empty()
                && m.classifier.inputs() == m.embedder.outputs() && m.classifier.outputs() == 1;
        case Kind::LogisticRegression:
        case Kind::MlpOnly:
            return m.embedder.empty() && !m.classifier.empty() && m.classifier.inputs() == dim
                && m.classifier.outputs() == 1;
        case Kind::KNearest:
            return m.embedder.empty() && m.classifier.empty()
                && m.reference.size() == m.referenceLiked.size() * std::size_t(dim);
        }
        return false;
    }();
    if (!ok)
        throw std::runtime_error("model data is inconsistent");
    return model;
}

Evaluation evaluate(const Model &model, const Dataset &data, const Split &split)
{
    std::vector<std::vector<float>> rows;
    std::vector<int> truth;
    rows.reserve(split.test.size());
    for (int i : split.test) {
        if (i < 0 || std::size_t(i) >= data.features.size() || std::size_t(i) >= data.labels.size())
            throw std::invalid_argument("split index " + std::to_string(i) + " is outside the dataset");
        rows.push_back(data.features[std::size_t(i)]);
        truth.push_back(data.labels[std::size_t(i)] != 0 ? 1 : 0);
    }
    Evaluation e;
    e.model = model.id();
    e.metrics = computeMetrics(truth, model.predict(rows));
    return e;
}

// =============================================================================================
// Test and benchmark hooks.

namespace detail {

namespace {

std::vector<float> uniformValues(Rng &rng, std::size_t n, double lo, double hi)
{
    std::vector<float> v(n);
    for (float &x : v)
        x = float(lo + (hi - lo) * rng.uniform());
    return v;
}

/// The network's output under autograd, with its parameters a leaf tensor of the same flat layout.
torch::Tensor torchForward(const Mlp &net, const torch::Tensor &params, const torch::Tensor &x)
{
    torch::Tensor h = x;
    for (int l = 0; l < net.layers(); ++l) {
        const std::int64_t in = net.sizes[std::size_t(l)], out = net.sizes[std::size_t(l) + 1];
        const std::int64_t off = std::int64_t(net.offsets[std::size_t(l)]);
        const torch::Tensor w = params.narrow(0, off, out * in).view({out, in});
        const torch::Tensor b = params.narrow(0, off + out * in, out);
        h = torch::addmm(b, h, w.t());
        if (l + 1 < net.layers())
            h = torch::relu(h);
    }
    return h;
}

std::pair<double, double> compare(const std::vector<float> &manual, const torch::Tensor &reference)
{
    const torch::Tensor m = torch::from_blob(const_cast<float *>(manual.data()), {std::int64_t(manual.size())},
                                             torch::kFloat32)
                                .to(torch::kFloat64);
    const torch::Tensor r = reference.to(torch::kFloat64);
    return {(m - r).abs().max().item<double>(), r.abs().max().item<double>()};
}

} // namespace

GradientCheck checkGradients(Variant variant, int songs, std::uint64_t seed)
{
    const detail::OneOmpThread oneThread;
    torch::AutoGradMode gradMode(true);
    Rng rng(seed);
    const std::int64_t n = std::max(songs, 2);
    GradientCheck result;

    // The embedder: 10 -> 12 -> 12 -> 6 under the contrastive loss.
    {
        Mlp net;
        net.setSizes({10, 12, 12, 6});
        net.initialise(rng);
        const std::vector<float> x = uniformValues(rng, std::size_t(n * 10), -2.0, 2.0);
        std::vector<std::uint8_t> liked(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            liked[std::size_t(i)] = i < 2 ? std::uint8_t(i) : std::uint8_t(rng.below(2)); // both classes
        Activations acts;
        forward(net, x.data(), n, acts);
        const std::vector<float> &e = acts.output();
        // A margin between two pair distances at about 2/3 of their range puts pairs on both sides
        // of the hinge and none on its kink.
        std::vector<double> dists;
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t j = i + 1; j < n; ++j) {
                double s = 0;
                for (int k = 0; k < 6; ++k)
                    s += std::pow(double(e[std::size_t(i * 6 + k)]) - double(e[std::size_t(j * 6 + k)]), 2);
                dists.push_back(std::sqrt(s));
            }
        std::sort(dists.begin(), dists.end());
        const std::size_t k = std::min(dists.size() * 2 / 3, dists.size() - 1);
        const double margin = k + 1 < dists.size() ? 0.5 * (dists[k] + dists[k + 1]) : 1.25 * dists[k];
        std::vector<float> dOut(e.size()), scratch, grad;
        contrastiveLoss(e.data(), liked.data(), n, 6, variant, margin, dOut.data());
        backward(net, x.data(), n, acts, dOut, scratch, grad);

        const torch::Tensor params = torch::tensor(net.params).requires_grad_(true);
        const torch::Tensor xt = torch::tensor(x).view({n, 10});
        const torch::Tensor emb = torchForward(net, params, xt);
        const torch::Tensor pairs = torch::triu_indices(n, n, 1);
        const torch::Tensor d = torch::cdist(emb.index_select(0, pairs[0]).unsqueeze(1),
                                             emb.index_select(0, pairs[1]).unsqueeze(1))
                                    .view({-1});
        std::vector<float> y;
        for (std::int64_t k = 0; k < pairs.size(1); ++k)
            y.push_back(float(pairLabel(variant, liked[std::size_t(pairs[0][k].item<std::int64_t>())] != 0,
                                        liked[std::size_t(pairs[1][k].item<std::int64_t>())] != 0)));
        const torch::Tensor yt = torch::tensor(y);
        const torch::Tensor loss =
            (yt * d.pow(2) + (1 - yt) * torch::clamp_min(margin - d, 0).pow(2)).mean();
        loss.backward();
        std::tie(result.embedderError, result.embedderScale) = compare(grad, params.grad());
    }

    // The classifier: 6 -> 8 -> 4 -> 1 under binary cross-entropy on the sigmoid.
    {
        Mlp net;
        net.setSizes({6, 8, 4, 1});
        net.initialise(rng);
        const std::vector<float> x = uniformValues(rng, std::size_t(n * 6), -3.0, 3.0);
        std::vector<std::uint8_t> liked(static_cast<std::size_t>(n));
        for (auto &v : liked)
            v = std::uint8_t(rng.below(2));
        Activations acts;
        forward(net, x.data(), n, acts);
        std::vector<float> dOut(static_cast<std::size_t>(n)), scratch, grad;
        bceLoss(acts.output().data(), liked.data(), n, dOut.data());
        backward(net, x.data(), n, acts, dOut, scratch, grad);

        const torch::Tensor params = torch::tensor(net.params).requires_grad_(true);
        const torch::Tensor xt = torch::tensor(x).view({n, 6});
        std::vector<float> y(liked.begin(), liked.end());
        const torch::Tensor prob = torch::sigmoid(torchForward(net, params, xt)).view({-1});
        torch::binary_cross_entropy(prob, torch::tensor(y)).backward();
        std::tie(result.classifierError, result.classifierScale) = compare(grad, params.grad());
    }
    return result;
}

SteeringGradientCheck checkSteeringGradient(Variant variant, int songs, int anchors, std::uint64_t seed)
{
    const detail::OneOmpThread oneThread;
    Rng rng(seed);
    const std::int64_t n = songs, m = anchors, d = 5;
    std::vector<float> e = uniformValues(rng, std::size_t((n + m) * d), -1.5, 1.5);
    std::vector<std::uint8_t> liked(std::size_t(n + m), 0);
    for (std::int64_t i = 0; i < n; ++i)
        liked[std::size_t(i)] = rng.uniform() < 0.5 ? 1 : 0;
    Steering steering;
    for (std::int64_t a = 0; a < m; ++a) {
        steering.direction.push_back(a % 2 == 0 ? 1 : -1);
        steering.weight.push_back(0.5 + double(a));
    }
    const double margin = 2.0; // both sides of the hinge occur at these distances
    const auto lossOf = [&](const std::vector<float> &x, float *grad) {
        const LossValue v = steeredContrastiveLoss(x.data(), liked.data(), n, m, d, variant, margin, steering, grad);
        return v.count > 0 ? v.sum / v.count : 0.0;
    };
    SteeringGradientCheck out;
    std::vector<float> grad(e.size());
    out.loss = lossOf(e, grad.data());
    const LossValue plain = contrastiveLoss(e.data(), liked.data(), n, d, variant, margin, nullptr);
    out.plainLoss = plain.count > 0 ? plain.sum / plain.count : 0.0;
    const float h = 1e-3f;
    for (std::size_t i = 0; i < e.size(); ++i) {
        std::vector<float> up = e, down = e;
        up[i] += h;
        down[i] -= h;
        const double numeric = (lossOf(up, nullptr) - lossOf(down, nullptr)) / (double(up[i]) - double(down[i]));
        out.error = std::max(out.error, std::abs(numeric - double(grad[i])));
        out.scale = std::max(out.scale, std::abs(double(grad[i])));
    }
    return out;
}

} // namespace detail

} // namespace tastelab::train
