// Device helpers: which device an encoder runs on, and whether CUDA can be used here.

#include "embed/encoder.h"

#include <torch/cuda.h>

namespace tastelab::embed {

std::string deviceName(Device device)
{
    switch (device) {
    case Device::Cpu:
        return "cpu";
    case Device::Cuda:
        return "cuda";
    }
    return "unknown";
}

bool cudaAvailable()
{
    // A function-local static is initialised exactly once, thread-safely (C++11). Asking the CUDA
    // runtime is slow the first time and the answer cannot change while the process runs.
    static const bool available = [] {
        try {
            return torch::cuda::is_available();
        } catch (...) {
            return false;
        }
    }();
    return available;
}

Device defaultDevice()
{
    return cudaAvailable() ? Device::Cuda : Device::Cpu;
}

} // namespace tastelab::embed
