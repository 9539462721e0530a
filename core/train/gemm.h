#pragma once

// Dense matrix products and OpenMP thread scoping shared by CLEP and t-SNE (internal to
// tastelab_train; plain C++17, no LibTorch in this header).

#include <cstdint>

namespace tastelab::train::detail {

/// Runs the calling thread's OpenMP work (oneDNN's sgemm, LibTorch ops) on that thread alone while
/// it lives, then restores the thread's setting; other threads are not affected. The matrices here
/// are too small to gain from more threads, a team per job oversubscribes the cores as soon as jobs
/// run in parallel (measured: 40 times slower on a busy 2-core machine), and it makes results
/// independent of the caller's thread count.
class OneOmpThread {
public:
    OneOmpThread();
    ~OneOmpThread();
    OneOmpThread(const OneOmpThread &) = delete;
    OneOmpThread &operator=(const OneOmpThread &) = delete;

private:
    [[maybe_unused]] int m_saved = 1;
};

/// Row-major C[M x N] = op(A) op(B) + beta C with op(X) = X or X^T and alpha 1: oneDNN's sgemm
/// where the build links it (Debian's LibTorch may sit on the slow reference BLAS), else at::mm.
void gemm(bool transA, bool transB, std::int64_t M, std::int64_t N, std::int64_t K, const float *A, std::int64_t lda,
          const float *B, std::int64_t ldb, float beta, float *C, std::int64_t ldc);

} // namespace tastelab::train::detail
