// t-SNE for the embedding map (tsne.h; the method as implemented and its defaults: docs/results.md,
// "t-SNE"). Follows scikit-learn 1.2's TSNE step by step so that the two can be compared:
//
//  * affinities: squared Euclidean distances (float32, as scikit-learn casts them), a binary search
//    per point for the Gaussian precision beta_i whose conditional distribution p_{j|i} has the
//    wanted perplexity (sklearn.manifold._utils._binary_search_perplexity: 100 steps, tolerance 1e-5
//    on the entropy), P = (C + C^T) / sum. Exact: over all other points. Barnes-Hut: over the
//    min(N - 1, 3 * perplexity + 1) nearest neighbours, giving a sparse symmetric P.
//  * initialisation: PCA scores of the centred data, both columns divided by the standard deviation
//    of the first and multiplied by 1e-4 (scikit-learn's init="pca"; signs as its svd_flip).
//  * optimiser: scikit-learn's _gradient_descent called twice: early exaggeration (P times 12) with
//    momentum 0.5 for 250 iterations, then momentum 0.8; each call starts with zero update and unit
//    gains (delta-bar-delta: +0.2 when the gradient changes sign against the update, else * 0.8,
//    at least 0.01); learning rate "auto" = max(N / exaggeration / 4, 50); every 50 iterations the
//    stopping checks (no KL progress for 300 iterations in the second phase, gradient norm <= 1e-7).
//  * gradient of KL(P || Q) with the Student-t (one degree of freedom) kernel w_ij = 1 / (1 + |y_i - y_j|^2),
//    Z = sum_{k != l} w_kl, q_ij = w_ij / Z:
//        dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)
//                = 4 (A_i - R_i / Z),  A_i = sum_j p_ij w_ij (y_i - y_j),  R_i = sum_j w_ij^2 (y_i - y_j)
//    so one pass over the pairs gives A_i, R_i and each point's share of Z; the division by Z
//    comes after. Barnes-Hut computes A_i over the sparse P exactly and approximates R_i and Z with
//    a quadtree: a cell whose width w and distance d to its centre of mass satisfy w^2 < theta^2 d^2
//    counts as its points all at the centre of mass (scikit-learn's criterion, _quad_tree.pyx).
//  * KL divergence: sum p_ij log(p_ij / q_ij) = sum p log p - sum p log w + log Z * sum p, the first
//    sum precomputed. Always with the true P (scikit-learn reports the exaggerated one during early
//    exaggeration); for Barnes-Hut over the sparse P with the tree's Z, as scikit-learn does.
//
// Devices and speed. The exact method has two implementations of the same arithmetic: on CPU one
// fused loop over the pairs in plain C++ (threads over rows), and LibTorch tensor ops (row blocks of
// the N x N kernel, matrix products against [Y 1]) that run wherever the tensors live, i.e. on CUDA.
// Debian's LibTorch runs each tensor op on one thread and materialises every intermediate, which
// measured about 8 times slower on CPU than the fused loop (docs/benchmarks.md, "t-SNE"), so the
// tensor path runs on CPU only when detail::setTorchExactOnCpu asks for it (the tests use that to
// check it against the loop). Barnes-Hut is plain C++ on CPU.
//
// Determinism: every per-point result is computed by exactly one thread from read-only inputs and
// the reductions (Z, KL) are summed in point order afterwards, so the CPU results are bitwise the
// same for any thread count. Nothing here changes global state (no torch RNG, no global thread
// settings; worker threads run oneDNN / LibTorch with one OpenMP thread each).

#include "train/tsne.h"
#include "train/gemm.h"

#include "embed/encoder.h" // cudaAvailable

#include "survey/rng.h"
#include "train/clep.h" // Cancelled

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>



namespace tastelab::train {

namespace {

// scikit-learn's constants (sklearn/manifold/_t_sne.py, _utils.pyx).
constexpr int kBinarySearchSteps = 100;
constexpr double kPerplexityTolerance = 1e-5;
constexpr double kMinGain = 0.01;
constexpr double kMomentumEarly = 0.5;
constexpr double kMomentumLate = 0.8;
constexpr int kCheckEvery = 50;             // _N_ITER_CHECK
constexpr int kNoProgressIterations = 300;  // n_iter_without_progress
constexpr double kMinGradNorm = 1e-7;       // min_grad_norm
constexpr double kInitScale = 1e-4;         // std of the first column after PCA / of the random init
constexpr double kMinAutoLearningRate = 50;
// Ours.
constexpr int kReportEvery = 10;            // progress (and cancel) every this many iterations
constexpr int kTreeLeafSize = 8;            // points per quadtree leaf (scikit-learn: 1; a leaf is summed exactly when near)
constexpr int kTreeMaxDepth = 48;           // deeper cells become leaves (near-duplicate points)
constexpr int kExtraCandidates = 8;         // kNN: candidates beyond k re-ranked in double precision

std::atomic<bool> g_torchExactOnCpu{false};

// ---------------------------------------------------------------------------------------------
// Threads.

int resolveThreads(int threads)
{
    if (threads > 0)
        return threads;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : int(hw);
}

/// Calls fn(begin, end) for consecutive chunks of [0, count) on up to `threads` threads (the caller
/// is one of them). Chunks are handed out dynamically; fn must write only its own chunk's outputs.
/// The first exception thrown by fn is rethrown here once all threads have stopped.
template<typename Fn>
void parallelFor(int threads, std::int64_t count, std::int64_t chunk, const Fn &fn)
{
    if (count <= 0)
        return;
    chunk = std::max<std::int64_t>(1, chunk);
    const std::int64_t chunks = (count + chunk - 1) / chunk;
    const int workers = int(std::min<std::int64_t>(std::max(1, threads), chunks));
    std::atomic<std::int64_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&] {
        detail::OneOmpThread one;
        try {
            for (;;) {
                const std::int64_t c = next.fetch_add(1);
                if (c >= chunks)
                    break;
                fn(c * chunk, std::min(count, (c + 1) * chunk));
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(errorMutex);
            if (!error)
                error = std::current_exception();
            next.store(chunks);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(std::size_t(workers - 1));
    try {
        for (int w = 1; w < workers; ++w)
            pool.emplace_back(work);
    } catch (const std::system_error &) {
        // No more threads to be had: the ones started and this one do the work.
    }
    work();
    for (std::thread &t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

/// Row-major C[M x N] = A[M x K] B[N x K]^T (B given row-major, i.e. dot products of rows).
void gemmABt(std::int64_t M, std::int64_t N, std::int64_t K, const float *A, const float *B, float *C)
{
    detail::gemm(false, true, M, N, K, A, K, B, K, 0.0f, C, N);
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

std::string formatNumber(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s(buf);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
        s.resize(s.size() - 2);
    return s;
}

void appendNotice(std::string *notice, const std::string &text)
{
    if (!notice->empty())
        *notice += "; ";
    *notice += text;
}

double normal(Rng &rng)
{
    // Box-Muller; 1 - u keeps the logarithm finite.
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

/// The progress callback and the cancel check: returning false throws Cancelled.
class Reporter {
public:
    Reporter(const TsneProgressFn &fn, int iterations) : m_fn(fn), m_iterations(iterations) {}
    void report(int iteration, double kl) const
    {
        if (!m_fn)
            return;
        TsneProgress p;
        p.iteration = iteration;
        p.iterations = m_iterations;
        p.kl = kl;
        if (!m_fn(p))
            throw Cancelled{};
    }
    /// During preparation (affinities): iteration 0, no KL yet.
    void poll() const { report(0, std::numeric_limits<double>::quiet_NaN()); }

private:
    const TsneProgressFn &m_fn;
    int m_iterations;
};

// ---------------------------------------------------------------------------------------------
// Input, centred.

struct Data {
    std::int64_t n = 0, dim = 0;
    std::vector<float> x; ///< n x dim, row-major, centred (column means subtracted in double)
};

Data centredData(const std::vector<std::vector<float>> &rows)
{
    Data d;
    d.n = std::int64_t(rows.size());
    d.dim = std::int64_t(rows.front().size());
    std::vector<double> mean(std::size_t(d.dim), 0.0);
    for (const auto &r : rows)
        for (std::int64_t k = 0; k < d.dim; ++k)
            mean[std::size_t(k)] += r[std::size_t(k)];
    for (double &m : mean)
        m /= double(d.n);
    d.x.resize(std::size_t(d.n * d.dim));
    for (std::int64_t i = 0; i < d.n; ++i)
        for (std::int64_t k = 0; k < d.dim; ++k)
            d.x[std::size_t(i * d.dim + k)] = float(double(rows[std::size_t(i)][std::size_t(k)]) - mean[std::size_t(k)]);
    return d;
}

double squaredDistance(const float *a, const float *b, std::int64_t dim)
{
    double s = 0;
    for (std::int64_t k = 0; k < dim; ++k) {
        const double t = double(a[k]) - double(b[k]);
        s += t * t;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Affinities.

/// scikit-learn's binary search for one point: d[0..k) are its squared distances to the other
/// points considered (itself excluded); writes p_{j|i} (summing to 1) for the precision beta whose
/// entropy is within 1e-5 of log(perplexity), or the last one tried after 100 steps. The distances
/// are shifted by their minimum before exp(), which leaves p and the entropy unchanged
/// (H = log sum_j e^{-beta d_j} + beta sum_j d_j p_j is invariant under d -> d - c) but keeps exp()
/// from underflowing to all zeros for far-away points or large beta.
void conditionalRow(const float *d, std::int64_t k, double logPerplexity, double *p)
{
    if (k <= 0)
        return;
    double dmin = std::numeric_limits<double>::infinity();
    for (std::int64_t j = 0; j < k; ++j)
        dmin = std::min(dmin, double(d[j]));
    double beta = 1.0;
    double betaMin = -std::numeric_limits<double>::infinity();
    double betaMax = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kBinarySearchSteps; ++step) {
        double sum = 0;
        for (std::int64_t j = 0; j < k; ++j) {
            p[j] = std::exp(-(double(d[j]) - dmin) * beta);
            sum += p[j];
        }
        double sumDp = 0;
        for (std::int64_t j = 0; j < k; ++j) {
            p[j] /= sum;
            sumDp += (double(d[j]) - dmin) * p[j];
        }
        const double entropyDiff = std::log(sum) + beta * sumDp - logPerplexity;
        if (std::fabs(entropyDiff) <= kPerplexityTolerance)
            break;
        if (entropyDiff > 0) {
            betaMin = beta;
            beta = std::isinf(betaMax) ? beta * 2.0 : (beta + betaMax) / 2.0;
        } else {
            betaMax = beta;
            beta = std::isinf(betaMin) ? beta / 2.0 : (beta + betaMin) / 2.0;
        }
    }
}

/// Dense symmetric P (n x n floats, zero diagonal) from all pairwise distances, on CPU.
std::vector<float> exactAffinities(const Data &data, double perplexity, int threads, const Reporter &reporter)
{
    const std::int64_t n = data.n, dim = data.dim;
    std::vector<float> P(std::size_t(n * n), 0.0f);
    const double logPerplexity = std::log(perplexity);
    // Rows in batches, so that a cancel is noticed in reasonable time for large n.
    const std::int64_t batch = std::max<std::int64_t>(64, (std::int64_t(1) << 24) / std::max<std::int64_t>(1, n * dim));
    for (std::int64_t b0 = 0; b0 < n; b0 += batch) {
        const std::int64_t b1 = std::min(n, b0 + batch);
        parallelFor(threads, b1 - b0, 8, [&](std::int64_t r0, std::int64_t r1) {
            std::vector<float> d(static_cast<std::size_t>(n));
            std::vector<double> p(static_cast<std::size_t>(n));
            for (std::int64_t i = b0 + r0; i < b0 + r1; ++i) {
                const float *xi = data.x.data() + i * dim;
                std::int64_t m = 0;
                for (std::int64_t j = 0; j < n; ++j)
                    if (j != i)
                        d[std::size_t(m++)] = float(squaredDistance(xi, data.x.data() + j * dim, dim));
                conditionalRow(d.data(), m, logPerplexity, p.data());
                float *row = P.data() + i * n;
                m = 0;
                for (std::int64_t j = 0; j < n; ++j)
                    if (j != i)
                        row[j] = float(p[std::size_t(m++)]);
            }
        });
        reporter.poll();
    }
    // P = max((C + C^T) / sum(C + C^T), machine epsilon) off the diagonal, as scikit-learn; the sum
    // of C + C^T is twice the sum of C. The floor also keeps denormal floats (slow) out of the loop.
    double total = 0;
    for (const float v : P)
        total += v;
    total = std::max(2.0 * total, std::numeric_limits<double>::epsilon());
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t j = i + 1; j < n; ++j) {
            const float v = float(std::max((double(P[std::size_t(i * n + j)]) + double(P[std::size_t(j * n + i)])) / total,
                                           std::numeric_limits<double>::epsilon()));
            P[std::size_t(i * n + j)] = v;
            P[std::size_t(j * n + i)] = v;
        }
    return P;
}

/// Sparse symmetric P in CSR form (both (i, j) and (j, i) stored).
struct SparseP {
    std::vector<std::int64_t> rowStart; ///< n + 1
    std::vector<std::int32_t> col;
    std::vector<double> val;
};

/// The k nearest neighbours of every point (self excluded), nearest first, ties by index, with
/// their squared distances. Brute force: blocks of rows against all points through one matrix
/// product (|a|^2 + |b|^2 - 2 a.b, oneDNN's sgemm where available), the k + 8 best candidates then
/// re-ranked with distances in double precision, so the float32 cancellation in the product cannot
/// reorder close neighbours. For the 32- to 512-dimensional embeddings here a vantage-point tree
/// prunes little, and the product runs at the machine's peak.
void nearestNeighbours(const Data &data, std::int64_t k, int threads, const Reporter &reporter,
                       std::vector<std::int32_t> *outIdx, std::vector<float> *outDist2)
{
    const std::int64_t n = data.n, dim = data.dim;
    outIdx->assign(std::size_t(n * k), 0);
    outDist2->assign(std::size_t(n * k), 0.0f);
    std::vector<float> norms(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        const float *xi = data.x.data() + i * dim;
        double s = 0;
        for (std::int64_t t = 0; t < dim; ++t)
            s += double(xi[t]) * double(xi[t]);
        norms[std::size_t(i)] = float(s);
    }
    const std::int64_t candidates = std::min(n - 1, k + kExtraCandidates);
    // Rows per product: about 2 MB of products per worker, so that they are still in the cache
    // when the row scans read them (the scans are memory-bound otherwise).
    const std::int64_t rowsPerChunk = std::clamp<std::int64_t>((std::int64_t(1) << 19) / std::max<std::int64_t>(1, n), 1, 256);
    const std::int64_t batch = rowsPerChunk * std::max(1, threads) * 4;
    for (std::int64_t b0 = 0; b0 < n; b0 += batch) {
        const std::int64_t b1 = std::min(n, b0 + batch);
        parallelFor(threads, b1 - b0, rowsPerChunk, [&](std::int64_t r0, std::int64_t r1) {
            const std::int64_t rows = r1 - r0, first = b0 + r0;
            std::unique_ptr<float[]> dots(new float[std::size_t(rows * n)]); // (no need to zero it)
            gemmABt(rows, n, dim, data.x.data() + first * dim, data.x.data(), dots.get());
            std::vector<std::pair<float, std::int32_t>> cand;
            cand.reserve(static_cast<std::size_t>(candidates));
            std::vector<std::pair<double, std::int32_t>> refined(static_cast<std::size_t>(candidates));
            for (std::int64_t r = 0; r < rows; ++r) {
                const std::int64_t i = first + r;
                // The `candidates` smallest (distance, index) pairs: a max-heap that most points
                // fail to enter with a single comparison.
                // Ranked by |x_j|^2 - 2 x_i.x_j (the row's |x_i|^2 changes no ranking).
                cand.clear();
                float *key = dots.get() + r * n;
                for (std::int64_t j = 0; j < n; ++j)
                    key[j] = norms[std::size_t(j)] - 2.0f * key[j];
                float threshold = std::numeric_limits<float>::infinity();
                for (std::int64_t j = 0; j < n; ++j) {
                    if (key[j] > threshold || j == i)
                        continue;
                    const std::pair<float, std::int32_t> c{key[j], std::int32_t(j)};
                    if (std::int64_t(cand.size()) < candidates) {
                        cand.push_back(c);
                        std::push_heap(cand.begin(), cand.end());
                    } else if (c < cand.front()) {
                        std::pop_heap(cand.begin(), cand.end());
                        cand.back() = c;
                        std::push_heap(cand.begin(), cand.end());
                    } else {
                        continue;
                    }
                    if (std::int64_t(cand.size()) == candidates)
                        threshold = cand.front().first;
                }
                const float *xi = data.x.data() + i * dim;
                for (std::int64_t c = 0; c < candidates; ++c) {
                    const std::int32_t j = cand[std::size_t(c)].second;
                    refined[std::size_t(c)] = {squaredDistance(xi, data.x.data() + std::int64_t(j) * dim, dim), j};
                }
                std::sort(refined.begin(), refined.end());
                for (std::int64_t c = 0; c < k; ++c) {
                    (*outIdx)[std::size_t(i * k + c)] = refined[std::size_t(c)].second;
                    (*outDist2)[std::size_t(i * k + c)] = float(refined[std::size_t(c)].first);
                }
            }
        });
        reporter.poll();
    }
}

SparseP sparseAffinities(const Data &data, double perplexity, int threads, const Reporter &reporter)
{
    const std::int64_t n = data.n;
    // scikit-learn: n_neighbors = min(n - 1, int(3 * perplexity + 1)).
    const std::int64_t k = std::min<std::int64_t>(n - 1, std::int64_t(3.0 * perplexity + 1.0));
    std::vector<std::int32_t> idx;
    std::vector<float> dist2;
    nearestNeighbours(data, k, threads, reporter, &idx, &dist2);
    std::vector<double> cond(std::size_t(n * k));
    const double logPerplexity = std::log(perplexity);
    parallelFor(threads, n, 64, [&](std::int64_t r0, std::int64_t r1) {
        for (std::int64_t i = r0; i < r1; ++i)
            conditionalRow(dist2.data() + i * k, k, logPerplexity, cond.data() + i * k);
    });
    reporter.poll();
    // P = C + C^T over the union of both neighbour relations, then / sum. Each row gathers its own
    // k entries and the reverse ones (bucketed by a counting pass), sorted by column; a pair
    // present in both directions is summed into one entry.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n + 1), 0);
    for (std::int64_t i = 0; i < n; ++i) {
        start[std::size_t(i) + 1] += k;
        for (std::int64_t c = 0; c < k; ++c)
            ++start[std::size_t(idx[std::size_t(i * k + c)]) + 1];
    }
    for (std::int64_t i = 0; i < n; ++i)
        start[std::size_t(i + 1)] += start[std::size_t(i)];
    std::vector<std::pair<std::int32_t, double>> entries(static_cast<std::size_t>(start[std::size_t(n)]));
    {
        std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t c = 0; c < k; ++c) {
                const std::int32_t j = idx[std::size_t(i * k + c)];
                const double v = cond[std::size_t(i * k + c)];
                entries[std::size_t(fill[std::size_t(i)]++)] = {j, v};
                entries[std::size_t(fill[std::size_t(j)]++)] = {std::int32_t(i), v};
            }
    }
    SparseP P;
    P.rowStart.assign(std::size_t(n + 1), 0);
    P.col.reserve(entries.size());
    P.val.reserve(entries.size());
    double total = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const auto b = entries.begin() + start[std::size_t(i)], e = entries.begin() + start[std::size_t(i + 1)];
        std::sort(b, e);
        for (auto it = b; it != e;) {
            double v = it->second;
            auto next = it + 1;
            while (next != e && next->first == it->first)
                v += (next++)->second;
            P.col.push_back(it->first);
            P.val.push_back(v);
            total += v;
            it = next;
        }
        P.rowStart[std::size_t(i + 1)] = std::int64_t(P.col.size());
    }
    total = std::max(total, std::numeric_limits<double>::epsilon());
    for (double &v : P.val)
        v /= total;
    return P;
}

// ---------------------------------------------------------------------------------------------
// Initialisation.

/// PCA scores (n x 2, double) of the centred data; false when the data have no variance.
bool pcaScores(const Data &data, std::vector<double> *scores)
{
    const std::int64_t n = data.n, dim = data.dim;
    // Scatter matrix X^T X (dim x dim) through one product of the transposed data with itself.
    std::vector<float> xt(std::size_t(n * dim));
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t k = 0; k < dim; ++k)
            xt[std::size_t(k * n + i)] = data.x[std::size_t(i * dim + k)];
    std::vector<float> scatter(std::size_t(dim * dim));
    {
        detail::OneOmpThread one;
        gemmABt(dim, dim, n, xt.data(), xt.data(), scatter.data());
    }
    std::vector<double> components(std::size_t(2 * dim), 0.0); // 2 x dim
    int found = 0;
    {
        c10::InferenceMode guard;
        detail::OneOmpThread one;
        torch::Tensor s = torch::from_blob(scatter.data(), {dim, dim}, torch::kFloat32).to(torch::kFloat64);
        s = (s + s.t()) * 0.5;
        auto [values, vectors] = torch::linalg::eigh(s, "L"); // ascending eigenvalues
        const double largest = values[dim - 1].item<double>();
        for (int c = 0; c < 2 && c < dim; ++c) {
            const std::int64_t col = dim - 1 - c;
            if (!(values[col].item<double>() > 1e-12 * std::max(largest, 1e-300)))
                break;
            const torch::Tensor v = vectors.select(1, col).contiguous();
            for (std::int64_t k = 0; k < dim; ++k)
                components[std::size_t(c * dim + k)] = v[k].item<double>();
            ++found;
        }
    }
    if (found == 0)
        return false;
    scores->assign(std::size_t(n * 2), 0.0);
    for (int c = 0; c < found; ++c) {
        const double *v = components.data() + c * dim;
        double best = -1;
        std::int64_t bestRow = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::int64_t k = 0; k < dim; ++k)
                s += double(data.x[std::size_t(i * dim + k)]) * v[k];
            (*scores)[std::size_t(i * 2 + c)] = s;
            if (std::fabs(s) > best) {
                best = std::fabs(s);
                bestRow = i;
            }
        }
        // scikit-learn's svd_flip (u-based): the score of largest magnitude is positive.
        if ((*scores)[std::size_t(bestRow * 2 + c)] < 0)
            for (std::int64_t i = 0; i < n; ++i)
                (*scores)[std::size_t(i * 2 + c)] = -(*scores)[std::size_t(i * 2 + c)];
    }
    return true;
}

/// The initial layout (n x 2, double). PCA: both columns scaled so that the first has standard
/// deviation 1e-4 (a missing second component, for 1-D data, is drawn as the random init).
/// Random: N(0, 1e-4^2) from the seed.
std::vector<double> initialLayout(const Data &data, const TsneSettings &settings, std::string *notice)
{
    const std::int64_t n = data.n;
    Rng rng(settings.seed);
    std::vector<double> y(std::size_t(n * 2));
    for (double &v : y)
        v = kInitScale * normal(rng);
    if (!settings.pcaInit)
        return y;
    std::vector<double> scores;
    if (!pcaScores(data, &scores)) {
        appendNotice(notice, "the data have no variance: random initialisation instead of PCA");
        return y;
    }
    double mean = 0, var = 0;
    for (std::int64_t i = 0; i < n; ++i)
        mean += scores[std::size_t(i * 2)];
    mean /= double(n);
    for (std::int64_t i = 0; i < n; ++i)
        var += (scores[std::size_t(i * 2)] - mean) * (scores[std::size_t(i * 2)] - mean);
    const double sd = std::sqrt(var / double(n));
    if (!(sd > 0)) {
        appendNotice(notice, "the data have no variance: random initialisation instead of PCA");
        return y;
    }
    // A second component exists unless the data are one-dimensional (or lie on a line).
    bool hasSecond = false;
    for (std::int64_t i = 0; i < n && !hasSecond; ++i)
        hasSecond = scores[std::size_t(i * 2 + 1)] != 0;
    for (std::int64_t i = 0; i < n; ++i) {
        y[std::size_t(i * 2)] = scores[std::size_t(i * 2)] / sd * kInitScale;
        if (hasSecond)
            y[std::size_t(i * 2 + 1)] = scores[std::size_t(i * 2 + 1)] / sd * kInitScale;
    }
    return y;
}

// ---------------------------------------------------------------------------------------------
// Objectives: gradient and KL divergence of a layout.

class Objective {
public:
    virtual ~Objective() = default;
    /// Writes dC/dY (n x 2) for P times `exaggeration` into grad; returns KL(P || Q) for the true P
    /// when computeKl, else NaN.
    virtual double evaluate(const std::vector<double> &y, std::vector<double> *grad, double exaggeration,
                            bool computeKl) = 0;
};

/// Per-point partial results, reduced in point order.
struct PointTerms {
    std::vector<double> a, r; ///< n x 2: attraction A_i (sum p w dy), repulsion R_i (sum w^2 dy)
    std::vector<double> z;    ///< n: sum_j w_ij (point i's share of Z)
    std::vector<double> plogw; ///< n: sum_j p_ij log w_ij (only when the KL is computed)
    void resize(std::int64_t n)
    {
        a.assign(std::size_t(2 * n), 0.0);
        r.assign(std::size_t(2 * n), 0.0);
        z.assign(std::size_t(n), 0.0);
        plogw.assign(std::size_t(n), 0.0);
    }
    /// grad = 4 (exaggeration A - R / Z); returns KL = sum p log p - sum p log w + log Z sum p.
    double finish(std::vector<double> *grad, double exaggeration, bool computeKl, double plogp, double sumP) const
    {
        const std::size_t n = z.size();
        double Z = 0;
        for (const double v : z)
            Z += v;
        Z = std::max(Z, std::numeric_limits<double>::min());
        grad->resize(2 * n);
        for (std::size_t t = 0; t < 2 * n; ++t)
            (*grad)[t] = 4.0 * (exaggeration * a[t] - r[t] / Z);
        if (!computeKl)
            return std::numeric_limits<double>::quiet_NaN();
        double s = 0;
        for (const double v : plogw)
            s += v;
        return plogp - s + std::log(Z) * sumP;
    }
};

double sumPLogP(const float *p, std::size_t count, double *sumP)
{
    double s = 0, total = 0;
    for (std::size_t t = 0; t < count; ++t)
        if (p[t] > 0) {
            s += double(p[t]) * std::log(double(p[t]));
            total += p[t];
        }
    *sumP = total;
    return s;
}

/// One row of the exact gradient: over j in [0, n) (the own point included; it adds w = 1 to z
/// and nothing else), with w = 1 / (1 + (xi - x_j)^2 + (yi - y_j)^2):
///   sums += (sum w, sum p w dx, sum p w dy, sum w^2 dx, sum w^2 dy).
/// Four lanes of float arithmetic (GCC/Clang vector extension: SSE on x86-64, NEON on ARM, scalar
/// code elsewhere), flushed to double every 256 points so that long rows keep their precision.
void pairSums(float xi, float yi, const float *xs, const float *ys, const float *p, std::int64_t n, double *sums)
{
    typedef float v4 __attribute__((vector_size(16)));
    const v4 one = {1.0f, 1.0f, 1.0f, 1.0f};
    const v4 vx = {xi, xi, xi, xi}, vy = {yi, yi, yi, yi};
    std::int64_t j = 0;
    while (j + 4 <= n) {
        v4 z = {0, 0, 0, 0}, ax = z, ay = z, rx = z, ry = z;
        const std::int64_t stop = std::min(n, j + 256) - 3;
        for (; j < stop; j += 4) {
            v4 x, y, pj;
            std::memcpy(&x, xs + j, sizeof x);
            std::memcpy(&y, ys + j, sizeof y);
            std::memcpy(&pj, p + j, sizeof pj);
            const v4 dx = vx - x, dy = vy - y;
            const v4 w = one / (one + dx * dx + dy * dy);
            const v4 pw = pj * w, ww = w * w;
            z += w;
            ax += pw * dx;
            ay += pw * dy;
            rx += ww * dx;
            ry += ww * dy;
        }
        for (int l = 0; l < 4; ++l) {
            sums[0] += z[l];
            sums[1] += ax[l];
            sums[2] += ay[l];
            sums[3] += rx[l];
            sums[4] += ry[l];
        }
    }
    for (; j < n; ++j) {
        const float dx = xi - xs[j], dy = yi - ys[j];
        const float w = 1.0f / (1.0f + dx * dx + dy * dy);
        const float pw = p[j] * w, ww = w * w;
        sums[0] += w;
        sums[1] += pw * dx;
        sums[2] += pw * dy;
        sums[3] += ww * dx;
        sums[4] += ww * dy;
    }
}

/// Exact gradients on CPU: one fused pass over all pairs per row.
class ExactCpu final : public Objective {
public:
    ExactCpu(std::vector<float> P, std::int64_t n, int threads) : m_P(std::move(P)), m_n(n), m_threads(threads)
    {
        m_plogp = sumPLogP(m_P.data(), m_P.size(), &m_sumP);
        m_terms.resize(n);
    }

    double evaluate(const std::vector<double> &y, std::vector<double> *grad, double exaggeration, bool computeKl) override
    {
        const std::int64_t n = m_n;
        // Float copies of the layout's columns (structure of arrays) for the inner loop.
        m_yx.resize(std::size_t(n));
        m_yy.resize(std::size_t(n));
        for (std::int64_t i = 0; i < n; ++i) {
            m_yx[std::size_t(i)] = float(y[std::size_t(2 * i)]);
            m_yy[std::size_t(i)] = float(y[std::size_t(2 * i + 1)]);
        }
        const float *yx = m_yx.data(), *yy = m_yy.data();
        parallelFor(m_threads, n, 16, [&](std::int64_t r0, std::int64_t r1) {
            for (std::int64_t i = r0; i < r1; ++i) {
                const float *p = m_P.data() + i * n;
                double sums[5] = {0, 0, 0, 0, 0}; // z, ax, ay, rx, ry
                pairSums(yx[i], yy[i], yx, yy, p, n, sums);
                const double z = sums[0] - 1.0; // j == i contributed w = 1 and no force
                const double ax = sums[1], ay = sums[2], rx = sums[3], ry = sums[4];
                double plogw = 0;
                if (computeKl)
                    for (std::int64_t j = 0; j < n; ++j)
                        if (p[j] > 0) {
                            const double dx = double(yx[i]) - yx[j], dy = double(yy[i]) - yy[j];
                            plogw -= double(p[j]) * std::log1p(dx * dx + dy * dy);
                        }
                m_terms.z[std::size_t(i)] = z;
                m_terms.a[std::size_t(2 * i)] = ax;
                m_terms.a[std::size_t(2 * i + 1)] = ay;
                m_terms.r[std::size_t(2 * i)] = rx;
                m_terms.r[std::size_t(2 * i + 1)] = ry;
                m_terms.plogw[std::size_t(i)] = plogw;
            }
        });
        return m_terms.finish(grad, exaggeration, computeKl, m_plogp, m_sumP);
    }

private:
    std::vector<float> m_P;
    std::int64_t m_n;
    int m_threads;
    double m_plogp = 0, m_sumP = 0;
    PointTerms m_terms;
    std::vector<float> m_yx, m_yy;
};

/// Exact affinities as tensor ops on `device` (the CUDA path; the N x N work never leaves the
/// device). The same binary search as conditionalRow, vectorised over a block of rows: every row
/// takes the step that scikit-learn's loop would take, and rows that have converged stop moving.
torch::Tensor exactAffinitiesTorch(const Data &data, double perplexity, const torch::Device &device,
                                   const Reporter &reporter)
{
    const std::int64_t n = data.n, dim = data.dim;
    const auto f64 = torch::TensorOptions().dtype(torch::kFloat64).device(device);
    const torch::Tensor x =
        torch::from_blob(const_cast<float *>(data.x.data()), {n, dim}, torch::kFloat32).to(device).to(torch::kFloat64);
    const torch::Tensor sq = (x * x).sum(1);
    torch::Tensor P = torch::empty({n, n}, torch::TensorOptions().dtype(torch::kFloat32).device(device));
    const double logPerplexity = std::log(perplexity);
    const double inf = std::numeric_limits<double>::infinity();
    const std::int64_t block = std::max<std::int64_t>(1, std::min<std::int64_t>(n, (std::int64_t(1) << 25) / n));
    for (std::int64_t a = 0; a < n; a += block) {
        const std::int64_t b = std::min(block, n - a);
        // Squared distances (as float32, like scikit-learn), the own point masked out.
        torch::Tensor d = torch::addmm(sq.unsqueeze(0) + sq.narrow(0, a, b).unsqueeze(1), x.narrow(0, a, b), x.t(), 1.0, -2.0)
                              .clamp_min_(0.0)
                              .to(torch::kFloat32)
                              .to(torch::kFloat64);
        torch::Tensor mask = torch::ones({b, n}, f64);
        mask.narrow(1, a, b).diagonal().zero_();
        const torch::Tensor dmin = torch::where(mask > 0, d, torch::full({}, inf, f64)).amin(1, true);
        d = (d - dmin) * mask;
        torch::Tensor beta = torch::ones({b, 1}, f64);
        torch::Tensor lo = torch::full({b, 1}, -inf, f64);
        torch::Tensor hi = torch::full({b, 1}, inf, f64);
        torch::Tensor done = torch::zeros({b, 1}, f64.dtype(torch::kBool));
        for (int step = 0; step < kBinarySearchSteps - 1; ++step) {
            const torch::Tensor e = torch::exp(-d * beta) * mask;
            const torch::Tensor sum = e.sum(1, true);
            const torch::Tensor diff = torch::log(sum) + beta * (d * e).sum(1, true) / sum - logPerplexity;
            done = done | (diff.abs() <= kPerplexityTolerance);
            if (step % 8 == 7 && done.all().item<bool>())
                break;
            const torch::Tensor up = diff > 0;
            const torch::Tensor active = done.logical_not();
            const torch::Tensor betaUp = torch::where(torch::isinf(hi), beta * 2.0, (beta + hi) / 2.0);
            const torch::Tensor betaDown = torch::where(torch::isinf(lo), beta / 2.0, (beta + lo) / 2.0);
            lo = torch::where(active & up, beta, lo);
            hi = torch::where(active & up.logical_not(), beta, hi);
            beta = torch::where(active, torch::where(up, betaUp, betaDown), beta);
        }
        const torch::Tensor e = torch::exp(-d * beta) * mask;
        P.narrow(0, a, b).copy_(e / e.sum(1, true));
        reporter.poll();
    }
    P = P + P.t();
    P.div_(P.sum(torch::kFloat64).clamp_min(std::numeric_limits<double>::epsilon()).to(torch::kFloat32));
    P.clamp_min_(std::numeric_limits<double>::epsilon()); // as exactAffinities
    P.diagonal().zero_();
    return P;
}

/// Exact gradients as LibTorch tensor ops on the device that holds P (CUDA; CPU for the tests).
/// Per block of rows: W = 1 / (1 + |y_i|^2 + |y_j|^2 - 2 y_i.y_j) (one matrix product) with the own
/// point zeroed, [A' a] = (P o W) [Y 1] and [R' r] = (W o W) [Y 1], so A_i = a_i y_i - A'_i and
/// R_i = r_i y_i - R'_i: about a dozen passes over each block's memory instead of one per
/// coordinate and operation (the GPU is bound by memory bandwidth here).
class ExactTorch final : public Objective {
public:
    ExactTorch(torch::Tensor P, std::int64_t n) : m_P(std::move(P)), m_n(n)
    {
        c10::InferenceMode guard;
        m_plogp = torch::xlogy(m_P, m_P).sum(torch::kFloat64).item<double>();
        m_sumP = m_P.sum(torch::kFloat64).item<double>();
        // Blocks of at most 2^27 kernel entries on a GPU (0.5 GB per temporary), 2^20 on CPU.
        const std::int64_t budget = m_P.is_cuda() ? (std::int64_t(1) << 27) : (std::int64_t(1) << 20);
        m_block = std::max<std::int64_t>(1, std::min<std::int64_t>(n, budget / n));
    }

    double evaluate(const std::vector<double> &y, std::vector<double> *grad, double exaggeration, bool computeKl) override
    {
        c10::InferenceMode guard;
        detail::OneOmpThread one;
        const std::int64_t n = m_n;
        // Centred (translation changes nothing) so that |y|^2 stays small against the differences.
        double mx = 0, my = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            mx += y[std::size_t(2 * i)];
            my += y[std::size_t(2 * i + 1)];
        }
        mx /= double(n);
        my /= double(n);
        std::vector<float> yc(std::size_t(3 * n));
        for (std::int64_t i = 0; i < n; ++i) {
            yc[std::size_t(3 * i)] = float(y[std::size_t(2 * i)] - mx);
            yc[std::size_t(3 * i + 1)] = float(y[std::size_t(2 * i + 1)] - my);
            yc[std::size_t(3 * i + 2)] = 1.0f;
        }
        const torch::Tensor y1 = torch::from_blob(yc.data(), {n, 3}, torch::kFloat32).to(m_P.device()); // [Y 1]
        const torch::Tensor Y = y1.narrow(1, 0, 2);
        const torch::Tensor sq = (Y * Y).sum(1, true);
        const torch::Tensor ones = torch::ones_like(sq);
        // 1 + |y_i - y_j|^2 = [y_i, |y_i|^2 + 1, 1] . [-2 y_j, 1, |y_j|^2]: one product per block.
        const torch::Tensor left = torch::cat({Y, sq + 1.0, ones}, 1);
        const torch::Tensor right = torch::cat({Y * -2.0, ones, sq}, 1);
        std::vector<torch::Tensor> attr, rep, zs, plogws;
        for (std::int64_t a = 0; a < n; a += m_block) {
            const std::int64_t b = std::min(m_block, n - a);
            torch::Tensor w = left.narrow(0, a, b).mm(right.t());
            w.clamp_min_(1.0).reciprocal_(); // (the clamp only undoes rounding below 1)
            w.narrow(1, a, b).diagonal().zero_();
            const torch::Tensor Pb = m_P.narrow(0, a, b);
            zs.push_back(w.sum(torch::kFloat64));
            if (computeKl)
                plogws.push_back(torch::xlogy(Pb, w).sum(torch::kFloat64));
            attr.push_back((Pb * w).mm(y1));
            w.square_();
            rep.push_back(w.mm(y1));
        }
        // One transfer of everything the host needs.
        torch::Tensor sums = torch::stack(zs).sum().reshape({1});
        torch::Tensor plogw = computeKl ? torch::stack(plogws).sum().reshape({1}) : torch::zeros({1}, sums.options());
        const torch::Tensor host = torch::cat({torch::cat(attr, 0).to(torch::kFloat64).flatten(),
                                               torch::cat(rep, 0).to(torch::kFloat64).flatten(), sums, plogw})
                                       .to(torch::kCPU)
                                       .contiguous();
        const double *h = host.data_ptr<double>();
        const double *A = h, *R = h + 3 * n;
        const double Z = std::max(h[6 * n], std::numeric_limits<double>::min());
        grad->resize(std::size_t(2 * n));
        for (std::int64_t i = 0; i < n; ++i)
            for (int c = 0; c < 2; ++c) {
                const double yi = double(yc[std::size_t(3 * i + c)]);
                const double Ai = A[3 * i + 2] * yi - A[3 * i + c];
                const double Ri = R[3 * i + 2] * yi - R[3 * i + c];
                (*grad)[std::size_t(2 * i + c)] = 4.0 * (exaggeration * Ai - Ri / Z);
            }
        if (!computeKl)
            return std::numeric_limits<double>::quiet_NaN();
        return m_plogp - h[6 * n + 1] + std::log(Z) * m_sumP;
    }

private:
    torch::Tensor m_P;
    std::int64_t m_n;
    std::int64_t m_block = 1;
    double m_plogp = 0, m_sumP = 0;
};

/// A quadtree over the layout for the Barnes-Hut repulsion. Built top-down by splitting each cell
/// at its centre (as scikit-learn's, whose cells are the same), children stored consecutively and
/// only when not empty; points are kept in tree order so that a leaf's points are contiguous.
class QuadTree {
public:
    struct Node {
        double cx = 0, cy = 0;         ///< centre of mass
        double width2 = 0;             ///< squared largest side of the cell
        double count = 0;              ///< points in the cell
        std::int32_t firstChild = -1;  ///< first of `children` consecutive nodes; -1 for a leaf
        std::int32_t children = 0;
        std::int32_t begin = 0, end = 0; ///< the cell's points in order()
    };

    void build(const std::vector<double> &y, std::int64_t n)
    {
        m_nodes.clear();
        m_order.resize(std::size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
        m_scratch.resize(std::size_t(n));
        double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
        for (std::int64_t i = 0; i < n; ++i) {
            x0 = std::min(x0, y[std::size_t(2 * i)]);
            x1 = std::max(x1, y[std::size_t(2 * i)]);
            y0 = std::min(y0, y[std::size_t(2 * i + 1)]);
            y1 = std::max(y1, y[std::size_t(2 * i + 1)]);
        }
        m_nodes.emplace_back();
        buildNode(y, 0, 0, std::int32_t(n), x0, x1, y0, y1, 0);
        m_px.resize(std::size_t(n));
        m_py.resize(std::size_t(n));
        for (std::int64_t t = 0; t < n; ++t) {
            m_px[std::size_t(t)] = y[std::size_t(2 * m_order[std::size_t(t)])];
            m_py[std::size_t(t)] = y[std::size_t(2 * m_order[std::size_t(t)] + 1)];
        }
    }

    /// The points in tree order (neighbouring points are near each other: good for the caches).
    const std::vector<std::int32_t> &order() const { return m_order; }

    /// Repulsion sum_j w_ij^2 (y_i - y_j) and sum_j w_ij over all j != i, where a cell far enough
    /// away (width^2 < theta^2 d^2, d the distance to its centre of mass) counts as all its points
    /// at the centre of mass; leaves are summed point by point.
    void repulsion(std::int32_t i, double xi, double yi, double theta2, double *rx, double *ry, double *z) const
    {
        double fx = 0, fy = 0, s = 0;
        std::int32_t stack[4 * kTreeMaxDepth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node &node = m_nodes[std::size_t(stack[--top])];
            const double dx = xi - node.cx, dy = yi - node.cy, d2 = dx * dx + dy * dy;
            if (node.width2 < theta2 * d2) {
                const double w = 1.0 / (1.0 + d2);
                const double cw = node.count * w;
                s += cw;
                fx += cw * w * dx;
                fy += cw * w * dy;
            } else if (node.firstChild < 0) {
                for (std::int32_t t = node.begin; t < node.end; ++t) {
                    if (m_order[std::size_t(t)] == i)
                        continue;
                    const double ex = xi - m_px[std::size_t(t)], ey = yi - m_py[std::size_t(t)];
                    const double w = 1.0 / (1.0 + ex * ex + ey * ey);
                    s += w;
                    fx += w * w * ex;
                    fy += w * w * ey;
                }
            } else {
                for (std::int32_t c = node.children - 1; c >= 0; --c)
                    stack[top++] = node.firstChild + c;
            }
        }
        *rx = fx;
        *ry = fy;
        *z = s;
    }

private:
    void buildNode(const std::vector<double> &y, std::int32_t node, std::int32_t begin, std::int32_t end, double x0,
                   double x1, double y0, double y1, int depth)
    {
        double sx = 0, sy = 0;
        double bx0 = std::numeric_limits<double>::infinity(), by0 = bx0, bx1 = -bx0, by1 = -bx0;
        for (std::int32_t t = begin; t < end; ++t) {
            const double px = y[std::size_t(2 * m_order[std::size_t(t)])], py = y[std::size_t(2 * m_order[std::size_t(t)] + 1)];
            sx += px;
            sy += py;
            bx0 = std::min(bx0, px);
            bx1 = std::max(bx1, px);
            by0 = std::min(by0, py);
            by1 = std::max(by1, py);
        }
        {
            Node &nd = m_nodes[std::size_t(node)];
            const double count = double(end - begin);
            nd.count = count;
            nd.cx = sx / count;
            nd.cy = sy / count;
            nd.width2 = std::max((x1 - x0) * (x1 - x0), (y1 - y0) * (y1 - y0));
            nd.begin = begin;
            nd.end = end;
        }
        const bool allSame = bx0 == bx1 && by0 == by1;
        if (end - begin <= kTreeLeafSize || depth >= kTreeMaxDepth || allSame)
            return;
        const double mx = 0.5 * (x0 + x1), my = 0.5 * (y0 + y1);
        // Stable counting sort of [begin, end) into the quadrants (x >= mx) + 2 (y >= my).
        std::int32_t counts[4] = {0, 0, 0, 0};
        auto quadrant = [&](std::int32_t p) {
            return int(y[std::size_t(2 * p)] >= mx) + 2 * int(y[std::size_t(2 * p + 1)] >= my);
        };
        for (std::int32_t t = begin; t < end; ++t)
            ++counts[quadrant(m_order[std::size_t(t)])];
        std::int32_t starts[5] = {begin, 0, 0, 0, 0};
        for (int q = 0; q < 4; ++q)
            starts[q + 1] = starts[q] + counts[q];
        std::int32_t fill[4] = {starts[0], starts[1], starts[2], starts[3]};
        for (std::int32_t t = begin; t < end; ++t) {
            const std::int32_t p = m_order[std::size_t(t)];
            m_scratch[std::size_t(fill[quadrant(p)]++)] = p;
        }
        std::copy(m_scratch.begin() + begin, m_scratch.begin() + end, m_order.begin() + begin);
        const std::int32_t first = std::int32_t(m_nodes.size());
        std::int32_t children = 0;
        for (int q = 0; q < 4; ++q)
            children += counts[q] > 0 ? 1 : 0;
        m_nodes[std::size_t(node)].firstChild = first;
        m_nodes[std::size_t(node)].children = children;
        m_nodes.resize(m_nodes.size() + std::size_t(children));
        const double xs[3] = {x0, mx, x1}, ys[3] = {y0, my, y1};
        std::int32_t child = first;
        for (int q = 0; q < 4; ++q)
            if (counts[q] > 0)
                buildNode(y, child++, starts[q], starts[q + 1], xs[q & 1], xs[(q & 1) + 1], ys[q >> 1],
                          ys[(q >> 1) + 1], depth + 1);
    }

    std::vector<Node> m_nodes;
    std::vector<std::int32_t> m_order, m_scratch;
    std::vector<double> m_px, m_py;
};

/// Barnes-Hut gradients on CPU: attraction over the sparse P, repulsion from the quadtree.
class BarnesHutCpu final : public Objective {
public:
    BarnesHutCpu(SparseP P, std::int64_t n, double theta, int threads)
        : m_P(std::move(P)), m_n(n), m_theta2(theta * theta), m_threads(threads)
    {
        m_plogp = 0;
        m_sumP = 0;
        for (const double v : m_P.val)
            if (v > 0) {
                m_plogp += v * std::log(v);
                m_sumP += v;
            }
        m_val.assign(m_P.val.begin(), m_P.val.end());
        m_terms.resize(n);
    }

    double evaluate(const std::vector<double> &y, std::vector<double> *grad, double exaggeration, bool computeKl) override
    {
        const std::int64_t n = m_n;
        // Attraction over the sparse P, rows in order (P streams through memory once).
        parallelFor(m_threads, n, 64, [&](std::int64_t r0, std::int64_t r1) {
            for (std::int64_t i = r0; i < r1; ++i) {
                const double xi = y[std::size_t(2 * i)], yi = y[std::size_t(2 * i + 1)];
                double ax = 0, ay = 0, plogw = 0;
                const std::int64_t e1 = m_P.rowStart[std::size_t(i + 1)];
                for (std::int64_t e = m_P.rowStart[std::size_t(i)]; e < e1; ++e) {
                    const std::int32_t j = m_P.col[std::size_t(e)];
                    const double dx = xi - y[std::size_t(2 * j)], dy = yi - y[std::size_t(2 * j + 1)];
                    const double d2 = dx * dx + dy * dy;
                    const double pw = double(m_val[std::size_t(e)]) / (1.0 + d2);
                    ax += pw * dx;
                    ay += pw * dy;
                }
                if (computeKl)
                    for (std::int64_t e = m_P.rowStart[std::size_t(i)]; e < e1; ++e) {
                        const std::int32_t j = m_P.col[std::size_t(e)];
                        const double dx = xi - y[std::size_t(2 * j)], dy = yi - y[std::size_t(2 * j + 1)];
                        plogw -= m_P.val[std::size_t(e)] * std::log1p(dx * dx + dy * dy);
                    }
                m_terms.a[std::size_t(2 * i)] = ax;
                m_terms.a[std::size_t(2 * i + 1)] = ay;
                m_terms.plogw[std::size_t(i)] = plogw;
            }
        });
        // Repulsion from the tree, points in tree order: consecutive points walk nearly the same cells.
        m_tree.build(y, n);
        const std::vector<std::int32_t> &order = m_tree.order();
        parallelFor(m_threads, n, 64, [&](std::int64_t r0, std::int64_t r1) {
            for (std::int64_t t = r0; t < r1; ++t) {
                const std::int32_t i = order[std::size_t(t)];
                double rx = 0, ry = 0, z = 0;
                m_tree.repulsion(i, y[std::size_t(2 * i)], y[std::size_t(2 * i + 1)], m_theta2, &rx, &ry, &z);
                m_terms.r[std::size_t(2 * i)] = rx;
                m_terms.r[std::size_t(2 * i + 1)] = ry;
                m_terms.z[std::size_t(i)] = z;
            }
        });
        return m_terms.finish(grad, exaggeration, computeKl, m_plogp, m_sumP);
    }

private:
    SparseP m_P;
    std::vector<float> m_val; ///< P's values as float32 for the gradient (as scikit-learn), double for the KL
    std::int64_t m_n;
    double m_theta2;
    int m_threads;
    double m_plogp = 0, m_sumP = 0;
    PointTerms m_terms;
    QuadTree m_tree;
};

// ---------------------------------------------------------------------------------------------
// Optimiser.

/// One call of scikit-learn's _gradient_descent: iterations [begin, end) with the given momentum,
/// fresh update and gains. Returns the last iteration run (it stops early as scikit-learn does).
int gradientDescent(Objective &objective, std::vector<double> *y, int begin, int end, int total, double momentum,
                    double learningRate, double exaggeration, int noProgressIterations, const Reporter &reporter)
{
    const std::size_t size = y->size();
    std::vector<double> update(size, 0.0), gains(size, 1.0), grad;
    double bestError = std::numeric_limits<double>::max();
    int bestIteration = begin;
    int i = begin;
    for (; i < end; ++i) {
        const bool check = (i + 1) % kCheckEvery == 0;
        const bool report = (i + 1) % kReportEvery == 0 || i == total - 1;
        // The KL divergence costs a logarithm per pair: computed where scikit-learn computes it.
        const double error = objective.evaluate(*y, &grad, exaggeration, check || i == total - 1);
        double norm2 = 0;
        for (std::size_t t = 0; t < size; ++t) {
            // Delta-bar-delta gains: grow where the gradient opposes the last update, else shrink.
            gains[t] = update[t] * grad[t] < 0.0 ? gains[t] + 0.2 : gains[t] * 0.8;
            gains[t] = std::max(gains[t], kMinGain);
            const double g = grad[t] * gains[t];
            norm2 += g * g;
            update[t] = momentum * update[t] - learningRate * g;
            (*y)[t] += update[t];
        }
        if (report)
            reporter.report(i + 1, error);
        if (check) {
            if (error < bestError) {
                bestError = error;
                bestIteration = i;
            } else if (i - bestIteration > noProgressIterations) {
                break;
            }
            if (std::sqrt(norm2) <= kMinGradNorm)
                break;
        }
    }
    return std::min(i, end - 1);
}

/// Whether the exact method runs on CUDA: "cpu" never, "auto" when CUDA is available, "cuda" always
/// (std::runtime_error without CUDA).
bool resolveCuda(const std::string &device)
{
    if (device == "cpu")
        return false;
    if (device == "auto")
        return embed::cudaAvailable();
    if (device == "cuda") {
        if (!embed::cudaAvailable())
            throw std::runtime_error("t-SNE: CUDA was asked for but is not available");
        return true;
    }
    throw std::invalid_argument("t-SNE: unknown device \"" + device + "\" (cpu, cuda or auto)");
}

} // namespace

// =============================================================================================

std::string tsneMethodId(TsneMethod method)
{
    switch (method) {
    case TsneMethod::Auto:
        return "auto";
    case TsneMethod::Exact:
        return "exact";
    case TsneMethod::BarnesHut:
        return "barnes-hut";
    }
    return "auto";
}

bool tsneMethodFromId(const std::string &id, TsneMethod *out)
{
    std::string s;
    for (const char c : id)
        s += char(std::tolower(static_cast<unsigned char>(c)));
    TsneMethod m;
    if (s == "auto")
        m = TsneMethod::Auto;
    else if (s == "exact")
        m = TsneMethod::Exact;
    else if (s == "barnes-hut" || s == "barnes_hut" || s == "bh")
        m = TsneMethod::BarnesHut;
    else
        return false;
    if (out)
        *out = m;
    return true;
}

TsneResult tsne(const std::vector<std::vector<float>> &data, const TsneSettings &settings, const TsneProgressFn &progress)
{
    const auto started = std::chrono::steady_clock::now();
    // --- Validation.
    if (data.size() < 2)
        throw std::invalid_argument("t-SNE needs at least 2 points");
    if (data.size() > std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument("t-SNE: too many points");
    const std::size_t dim = data.front().size();
    if (dim == 0)
        throw std::invalid_argument("t-SNE: the points have no coordinates");
    for (const auto &row : data) {
        if (row.size() != dim)
            throw std::invalid_argument("t-SNE: the points do not all have the same number of coordinates");
        for (const float v : row)
            if (!std::isfinite(v))
                throw std::invalid_argument("t-SNE: the data contain NaN or infinite values");
    }
    if (!(settings.perplexity > 0) || !std::isfinite(settings.perplexity))
        throw std::invalid_argument("t-SNE: the perplexity must be positive");
    if (settings.iterations < 1)
        throw std::invalid_argument("t-SNE: at least one iteration is needed");
    if (settings.exaggerationIterations < 0)
        throw std::invalid_argument("t-SNE: negative number of early-exaggeration iterations");
    if (!(settings.earlyExaggeration > 0) || !std::isfinite(settings.earlyExaggeration))
        throw std::invalid_argument("t-SNE: the early exaggeration must be positive");
    if (!(settings.theta >= 0) || !std::isfinite(settings.theta))
        throw std::invalid_argument("t-SNE: theta must be >= 0");
    if (!std::isfinite(settings.learningRate))
        throw std::invalid_argument("t-SNE: the learning rate must be finite");

    const std::int64_t n = std::int64_t(data.size());
    const int threads = resolveThreads(settings.threads);
    const bool cuda = resolveCuda(settings.device);

    TsneResult result;
    result.n = int(n);

    // --- Perplexity: at most (N - 1) / 3 (scikit-learn's rule of thumb: 3 * perplexity neighbours),
    // and never below 1, the smallest meaningful value (one effective neighbour).
    double perplexity = settings.perplexity;
    const double limit = std::max(1.0, double(n - 1) / 3.0);
    if (perplexity > limit) {
        appendNotice(&result.notice, "perplexity " + formatNumber(perplexity) + " lowered to " + formatNumber(limit) +
                                         " for " + std::to_string(n) + " points");
        perplexity = limit;
    }
    result.perplexity = perplexity;

    // --- Method (tsne.h: Auto is exact up to exactLimit points on CPU, always on a GPU).
    TsneMethod method = settings.method;
    if (method == TsneMethod::Auto)
        method = (cuda || n <= std::int64_t(settings.exactLimit)) ? TsneMethod::Exact : TsneMethod::BarnesHut;
    result.method = method;
    const bool onCuda = cuda && method == TsneMethod::Exact;
    const bool torchExact = method == TsneMethod::Exact && (onCuda || g_torchExactOnCpu.load());
    result.device = onCuda ? "cuda" : "cpu";

    const Reporter reporter(progress, settings.iterations);
    const Data centred = centredData(data);

    // --- Affinities.
    std::unique_ptr<Objective> objective;
    if (method == TsneMethod::BarnesHut) {
        objective = std::make_unique<BarnesHutCpu>(sparseAffinities(centred, perplexity, threads, reporter), n,
                                                   settings.theta, threads);
    } else if (torchExact) {
        c10::InferenceMode guard;
        detail::OneOmpThread one;
        const torch::Device device = onCuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
        objective = std::make_unique<ExactTorch>(exactAffinitiesTorch(centred, perplexity, device, reporter), n);
    } else {
        objective = std::make_unique<ExactCpu>(exactAffinities(centred, perplexity, threads, reporter), n, threads);
    }

    // --- Initial layout and optimisation (scikit-learn's two calls of _gradient_descent).
    std::vector<double> y = initialLayout(centred, settings, &result.notice);
    const double learningRate = settings.learningRate > 0
                                    ? settings.learningRate
                                    : std::max(double(n) / settings.earlyExaggeration / 4.0, kMinAutoLearningRate);
    const int total = settings.iterations;
    const int exploration = std::min(settings.exaggerationIterations, total);
    int last = -1;
    if (exploration > 0)
        last = gradientDescent(*objective, &y, 0, exploration, total, kMomentumEarly, learningRate,
                               settings.earlyExaggeration, exploration, reporter);
    if (last + 1 < total)
        last = gradientDescent(*objective, &y, last + 1, total, total, kMomentumLate, learningRate, 1.0,
                               kNoProgressIterations, reporter);
    result.iterations = last + 1;

    // --- The KL divergence of the final layout.
    std::vector<double> grad;
    result.kl = objective->evaluate(y, &grad, 1.0, true);
    result.points.resize(std::size_t(2 * n));
    for (std::size_t t = 0; t < result.points.size(); ++t)
        result.points[t] = float(y[t]);
    if (result.iterations < total)
        reporter.report(total, result.kl); // the end, after an early stop
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

double trustworthiness(const std::vector<std::vector<float>> &data, const std::vector<float> &low, int lowDims, int k)
{
    const std::int64_t n = std::int64_t(data.size());
    if (n < 3)
        throw std::invalid_argument("trustworthiness: at least 3 points are needed");
    if (lowDims < 1 || low.size() != std::size_t(n) * std::size_t(lowDims))
        throw std::invalid_argument("trustworthiness: the layout does not have N x lowDims values");
    if (k < 1 || double(k) >= double(n) / 2.0)
        throw std::invalid_argument("trustworthiness: k must be at least 1 and below N / 2");
    const std::size_t dim = data.front().size();
    for (const auto &row : data)
        if (row.size() != dim)
            throw std::invalid_argument("trustworthiness: the points do not all have the same number of coordinates");

    // For every point: its k nearest neighbours in the layout (ties by index), and for each of them
    // its rank r(i, j) among the point's neighbours in the data (1 = nearest; ties by index).
    std::vector<double> penalty(std::size_t(n), 0.0);
    parallelFor(resolveThreads(0), n, 16, [&](std::int64_t r0, std::int64_t r1) {
        std::vector<double> dx(static_cast<std::size_t>(n));
        std::vector<std::pair<double, std::int64_t>> dl(std::size_t(n - 1));
        for (std::int64_t i = r0; i < r1; ++i) {
            for (std::int64_t j = 0; j < n; ++j) {
                double s = 0;
                for (std::size_t t = 0; t < dim; ++t) {
                    const double d = double(data[std::size_t(i)][t]) - double(data[std::size_t(j)][t]);
                    s += d * d;
                }
                dx[std::size_t(j)] = s;
            }
            std::int64_t m = 0;
            for (std::int64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                double s = 0;
                for (int t = 0; t < lowDims; ++t) {
                    const double d = double(low[std::size_t(i * lowDims + t)]) - double(low[std::size_t(j * lowDims + t)]);
                    s += d * d;
                }
                dl[std::size_t(m++)] = {s, j};
            }
            std::partial_sort(dl.begin(), dl.begin() + k, dl.end());
            double sum = 0;
            for (int c = 0; c < k; ++c) {
                const std::int64_t j = dl[std::size_t(c)].second;
                std::int64_t rank = 1;
                for (std::int64_t l = 0; l < n; ++l)
                    if (l != i && l != j && (dx[std::size_t(l)] < dx[std::size_t(j)] || (dx[std::size_t(l)] == dx[std::size_t(j)] && l < j)))
                        ++rank;
                sum += double(std::max<std::int64_t>(0, rank - k));
            }
            penalty[std::size_t(i)] = sum;
        }
    });
    double t = 0;
    for (const double p : penalty)
        t += p;
    const double nn = double(n), kk = double(k);
    return 1.0 - t * (2.0 / (nn * kk * (2.0 * nn - 3.0 * kk - 1.0)));
}

namespace detail {

void setTorchExactOnCpu(bool on)
{
    g_torchExactOnCpu.store(on);
}

} // namespace detail

} // namespace tastelab::train
