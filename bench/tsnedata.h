#pragma once

// The generated dataset behind the t-SNE test and benchmark: the recipe of
// bench/tsne_reference.py, so C++ and Python get the same float32 data bit for bit.

#include <cstdint>
#include <cstring>
#include <vector>

namespace tastelab::tsnedata {

/// bench/tsne_reference.py's gaussian_clusters: 8 clusters, centres
/// 2 N(0, 1) per coordinate, spreads 1, 0.5, 2, 1, 0.5, 2, 1, 1; point i in cluster i % 8. Each
/// "gaussian" is the Irwin-Hall sum of 12 24-bit draws of a splitmix64 stream, exact in double.
inline std::vector<std::vector<float>> gaussianClusters(int n, int dim, std::uint64_t seed)
{
    constexpr int kClusters = 8;
    constexpr double kSigmas[kClusters] = {1.0, 0.5, 2.0, 1.0, 0.5, 2.0, 1.0, 1.0};
    std::uint64_t k = 0;
    auto next = [&] {
        ++k;
        std::uint64_t z = seed + k * 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    auto gaussian = [&] {
        std::int64_t s = 0;
        for (int t = 0; t < 12; ++t)
            s += std::int64_t(next() >> 40);
        return double(s) / 16777216.0 - 6.0;
    };
    std::vector<double> centres(static_cast<std::size_t>(kClusters * dim));
    for (double &c : centres)
        c = 2.0 * gaussian();
    std::vector<std::vector<float>> x(static_cast<std::size_t>(n), std::vector<float>(static_cast<std::size_t>(dim)));
    for (int i = 0; i < n; ++i)
        for (int d = 0; d < dim; ++d)
            x[std::size_t(i)][std::size_t(d)] =
                float(centres[std::size_t((i % kClusters) * dim + d)] + kSigmas[i % kClusters] * gaussian());
    return x;
}

inline std::uint64_t checksum(const std::vector<std::vector<float>> &x)
{
    std::uint64_t s = 0;
    for (const auto &row : x)
        for (const float v : row) {
            std::uint32_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            s += bits;
        }
    return s;
}

} // namespace tastelab::tsnedata
