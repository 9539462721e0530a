#include "train/gemm.h"
#include "train/clepcheck.h"

#include <torch/torch.h>

#include <atomic>
#include <stdexcept>

#if defined(_OPENMP)
#include <omp.h>
#endif

#ifdef TASTELAB_HAVE_DNNL_SGEMM
// oneDNN's C API (dnnl.h; Debian ships no dev package for it): row-major C = alpha op(A) op(B) + beta C.
extern "C" int dnnl_sgemm(char transa, char transb, std::int64_t M, std::int64_t N, std::int64_t K, float alpha,
                          const float *A, std::int64_t lda, const float *B, std::int64_t ldb, float beta, float *C,
                          std::int64_t ldc);
#endif

namespace tastelab::train::detail {

namespace {
std::atomic<bool> g_libTorchGemm{false};
} // namespace

#if defined(_OPENMP)
OneOmpThread::OneOmpThread() : m_saved(omp_get_max_threads())
{
    omp_set_num_threads(1);
}
OneOmpThread::~OneOmpThread()
{
    omp_set_num_threads(m_saved);
}
#else
OneOmpThread::OneOmpThread() = default;
OneOmpThread::~OneOmpThread() = default;
#endif

void gemm(bool transA, bool transB, std::int64_t M, std::int64_t N, std::int64_t K, const float *A, std::int64_t lda,
          const float *B, std::int64_t ldb, float beta, float *C, std::int64_t ldc)
{
    if (M == 0 || N == 0)
        return;
#ifdef TASTELAB_HAVE_DNNL_SGEMM
    if (!g_libTorchGemm.load(std::memory_order_relaxed)) {
        if (dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', M, N, K, 1.0f, A, lda, B, ldb, beta, C, ldc) != 0)
            throw std::runtime_error("dnnl_sgemm failed");
        return;
    }
#endif
    c10::InferenceMode guard;
    const auto opts = torch::TensorOptions().dtype(torch::kFloat32);
    const torch::Tensor a = torch::from_blob(const_cast<float *>(A), {transA ? K : M, transA ? M : K}, {lda, 1}, opts);
    const torch::Tensor b = torch::from_blob(const_cast<float *>(B), {transB ? N : K, transB ? K : N}, {ldb, 1}, opts);
    torch::Tensor c = torch::from_blob(C, {M, N}, {ldc, 1}, opts);
    if (K == 0) {
        if (beta == 0.0f)
            c.zero_();
        else
            c.mul_(beta);
        return;
    }
    const torch::Tensor opA = transA ? a.t() : a;
    const torch::Tensor opB = transB ? b.t() : b;
    if (beta == 0.0f)
        at::mm_out(c, opA, opB);
    else
        c.addmm_(opA, opB, beta, 1.0f);
}

void setLibTorchGemm(bool on)
{
    g_libTorchGemm.store(on);
}

bool usesOneDnnGemm()
{
#ifdef TASTELAB_HAVE_DNNL_SGEMM
    return !g_libTorchGemm.load();
#else
    return false;
#endif
}

} // namespace tastelab::train::detail
