// File-based encoders: a JSON manifest plus a TorchScript module (see models/README.md).
//
// Sizes: the manifest's "embedding_size" is the size of ONE window's output, i.e. what the module
// returns per row of the batch. EncoderInfo::embeddingSize is the size of the FINAL pooled vector
// per clip: equal to embedding_size for "mean" and "max" pooling, twice it for "mean+std" (the
// per-dimension means followed by the per-dimension standard deviations).
//
// Windows: a clip of N frames is cut into windows of W = window_samples frames starting at 0, H,
// 2H, ... (H = hop_samples) while a window fits; when audio is left after the last full window, one
// more window aligned to the end of the clip (start N - W) is added, so every frame is covered and
// no window of a clip longer than W is padded. A clip of at most W frames gives one window, zero-padded
// at the end. models/export/common.py implements the same rule for the Python reference.

#include "embed/torchscriptencoder.h"
#include "embed/manifestfile.h"

#include <nlohmann/json.hpp>
#include <torch/script.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tastelab::embed {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// --- SHA-256 (FIPS 180-4) -------------------------------------------------------------------------

class Sha256 {
public:
    void update(const unsigned char *data, std::size_t size)
    {
        m_length += size;
        while (size > 0) {
            const std::size_t take = std::min(size, std::size_t(64) - m_fill);
            std::memcpy(m_block.data() + m_fill, data, take);
            m_fill += take;
            data += take;
            size -= take;
            if (m_fill == 64) {
                compress(m_block.data());
                m_fill = 0;
            }
        }
    }

    std::string hexDigest()
    {
        const std::uint64_t bits = m_length * 8;
        const unsigned char one = 0x80;
        update(&one, 1);
        const unsigned char zero = 0;
        while (m_fill != 56)
            update(&zero, 1);
        unsigned char lengthBytes[8];
        for (int i = 0; i < 8; ++i)
            lengthBytes[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
        update(lengthBytes, 8);

        static const char *kHex = "0123456789abcdef";
        std::string out;
        out.reserve(64);
        for (std::uint32_t word : m_state)
            for (int shift = 28; shift >= 0; shift -= 4)
                out.push_back(kHex[(word >> shift) & 0xf]);
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

    void compress(const unsigned char *block)
    {
        static const std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16
                | std::uint32_t(block[4 * i + 2]) << 8 | std::uint32_t(block[4 * i + 3]);
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
        std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            const std::uint32_t ch = (e & f) ^ (~e & g);
            const std::uint32_t t1 = h + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
            const std::uint32_t t2 = s0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        m_state[0] += a;
        m_state[1] += b;
        m_state[2] += c;
        m_state[3] += d;
        m_state[4] += e;
        m_state[5] += f;
        m_state[6] += g;
        m_state[7] += h;
    }

    std::array<std::uint32_t, 8> m_state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> m_block{};
    std::size_t m_fill = 0;
    std::uint64_t m_length = 0;
};

std::string sha256OfFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EncoderError(path + ": cannot read the model file");
    Sha256 sha;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got > 0)
            sha.update(reinterpret_cast<const unsigned char *>(buffer.data()), std::size_t(got));
    }
    if (in.bad())
        throw EncoderError(path + ": reading the model file failed");
    return sha.hexDigest();
}

// --- manifest -------------------------------------------------------------------------------------

constexpr int kMinSampleRate = 8000;
constexpr int kMaxSampleRate = 384000;
constexpr int kMaxChannels = 8;
constexpr int kMaxWindowSeconds = 600;
constexpr int kMaxEmbeddingSize = 65536;
constexpr std::size_t kMaxNameLength = 64;

bool validName(const std::string &name)
{
    if (name.empty() || name.size() > kMaxNameLength || !std::isalnum(static_cast<unsigned char>(name[0])))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

// --- the encoder ----------------------------------------------------------------------------------


/// Input values (windows x channels x window_samples) per forward pass; bounds its memory.
constexpr std::int64_t kMaxBatchSamples = std::int64_t(1) << 20;

/// Window start frames for a clip of `frames` frames (see the comment at the top of this file).
std::vector<std::int64_t> windowStarts(std::int64_t frames, std::int64_t window, std::int64_t hop)
{
    std::vector<std::int64_t> starts;
    if (frames <= window) {
        starts.push_back(0);
        return starts;
    }
    std::int64_t start = 0;
    for (; start + window <= frames; start += hop)
        starts.push_back(start);
    if (starts.back() + window < frames)
        starts.push_back(frames - window);
    return starts;
}

class TorchScriptEncoder final : public Encoder {
public:
    TorchScriptEncoder(EncoderInfo info, torch::jit::Module module, std::int64_t outputSize)
        : m_info(std::move(info)), m_module(std::move(module)), m_outputSize(outputSize)
    {
    }

    const EncoderInfo &info() const override { return m_info; }

    Device device() const override { return m_device; }

    void setDevice(Device device) override
    {
        if (device == m_device)
            return;
        if (device == Device::Cuda && !cudaAvailable())
            throw EncoderError(m_info.name + ": cannot move to CUDA: no CUDA GPU is available to LibTorch here");
        try {
            m_module.to(device == Device::Cuda ? torch::kCUDA : torch::kCPU);
        } catch (const std::exception &e) {
            throw EncoderError(m_info.path + ": cannot move the model to " + deviceName(device) + " ("
                               + torchReason(e) + ")");
        }
        m_device = device;
    }

    std::vector<std::vector<float>> embed(const std::vector<audio::AudioBuffer> &clips) override
    {
        const std::int64_t channels = m_info.channels;
        const std::int64_t window = m_info.windowSamples;

        // Every window of every clip, in order: (clip index, start frame).
        std::vector<std::pair<std::size_t, std::int64_t>> windows;
        std::vector<std::size_t> firstWindow(clips.size() + 1, 0);
        for (std::size_t i = 0; i < clips.size(); ++i) {
            const audio::AudioBuffer &clip = clips[i];
            if (clip.sampleRate != m_info.sampleRate || clip.channels != m_info.channels)
                throw EncoderError(m_info.name + ": clip " + std::to_string(i + 1) + " is "
                                   + std::to_string(clip.sampleRate) + " Hz with " + std::to_string(clip.channels)
                                   + " channel(s), but the encoder expects " + std::to_string(m_info.sampleRate)
                                   + " Hz with " + std::to_string(m_info.channels) + " channel(s)");
            if (clip.frames() == 0)
                throw EncoderError(m_info.name + ": clip " + std::to_string(i + 1) + " is empty");
            firstWindow[i] = windows.size();
            for (std::int64_t start : windowStarts(clip.frames(), window, m_info.hopSamples))
                windows.emplace_back(i, start);
        }
        firstWindow[clips.size()] = windows.size();

        const std::int64_t perBatch = std::max<std::int64_t>(1, kMaxBatchSamples / (channels * window));
        std::vector<float> outputs(windows.size() * std::size_t(m_outputSize));
        const torch::Device device(m_device == Device::Cuda ? torch::kCUDA : torch::kCPU);

        c10::InferenceMode inferenceMode;
        for (std::size_t begin = 0; begin < windows.size(); begin += std::size_t(perBatch)) {
            const std::size_t end = std::min(windows.size(), begin + std::size_t(perBatch));
            const std::int64_t count = std::int64_t(end - begin);
            at::Tensor batch = torch::zeros({count, channels, window}, torch::kFloat32);
            float *data = batch.data_ptr<float>();
            for (std::size_t w = begin; w < end; ++w) {
                const audio::AudioBuffer &clip = clips[windows[w].first];
                const std::int64_t start = windows[w].second;
                const std::int64_t available = std::min(window, clip.frames() - start);
                float *dst = data + std::int64_t(w - begin) * channels * window;
                const float *src = clip.samples.data() + start * channels;
                for (std::int64_t t = 0; t < available; ++t)
                    for (std::int64_t c = 0; c < channels; ++c)
                        dst[c * window + t] = src[t * channels + c];
            }

            at::Tensor out;
            try {
                out = m_module.forward({batch.to(device)}).toTensor();
            } catch (const std::exception &e) {
                throw EncoderError(m_info.path + ": the model failed on a batch of " + std::to_string(count)
                                   + " windows (" + torchReason(e) + ")");
            }
            if (out.dim() != 2 || out.size(0) != count || out.size(1) != m_outputSize)
                throw EncoderError(m_info.path + ": produced " + shapeText(out.sizes().vec()) + " for a batch of "
                                   + std::to_string(count) + " windows; expected [" + std::to_string(count) + ", "
                                   + std::to_string(m_outputSize) + "]");
            out = out.to(torch::kCPU, torch::kFloat32).contiguous();
            std::memcpy(outputs.data() + begin * std::size_t(m_outputSize), out.data_ptr<float>(),
                        std::size_t(count * m_outputSize) * sizeof(float));
        }

        std::vector<std::vector<float>> result(clips.size());
        for (std::size_t i = 0; i < clips.size(); ++i)
            result[i] = pool(outputs.data() + firstWindow[i] * std::size_t(m_outputSize),
                             firstWindow[i + 1] - firstWindow[i]);
        return result;
    }

private:
    /// Pools `n` consecutive window outputs (each m_outputSize floats) into one vector.
    std::vector<float> pool(const float *rows, std::size_t n) const
    {
        const std::size_t size = std::size_t(m_outputSize);
        std::vector<float> out(std::size_t(m_info.embeddingSize));
        if (m_info.pooling == "max") {
            for (std::size_t d = 0; d < size; ++d) {
                float best = rows[d];
                for (std::size_t r = 1; r < n; ++r)
                    best = std::max(best, rows[r * size + d]);
                out[d] = best;
            }
            return out;
        }
        for (std::size_t d = 0; d < size; ++d) {
            double sum = 0.0;
            for (std::size_t r = 0; r < n; ++r)
                sum += rows[r * size + d];
            const double mean = sum / double(n);
            out[d] = float(mean);
            if (m_info.pooling == "mean+std") {
                double squares = 0.0;
                for (std::size_t r = 0; r < n; ++r) {
                    const double deviation = rows[r * size + d] - mean;
                    squares += deviation * deviation;
                }
                out[size + d] = float(std::sqrt(squares / double(n))); // population std
            }
        }
        return out;
    }

    EncoderInfo m_info;
    torch::jit::Module m_module;
    std::int64_t m_outputSize = 0;
    Device m_device = Device::Cpu;
};

} // namespace

EncoderInfo readManifest(const std::string &manifestPath)
{
    const json root = readManifestJson<EncoderError>(manifestPath);
    const ManifestReader<EncoderError> read(manifestPath, root);
    EncoderInfo info;
    info.builtin = false;
    info.name = read.string("name", true, {}, kMaxNameLength);
    if (!validName(info.name))
        read.fail("name", "must start with a letter or digit and use only letters, digits, '-', '_' and '.' (got \""
                              + info.name + "\")");
    info.version = read.string("version", true, {}, 64);
    const std::string model = read.string("model", true, {}, 4096);
    info.path = (fs::path(manifestPath).parent_path() / fs::path(model)).lexically_normal().string();
    info.sampleRate = int(read.integer("sample_rate", true, 0, kMinSampleRate, kMaxSampleRate));
    info.channels = int(read.integer("channels", true, 0, 1, kMaxChannels));
    info.windowSamples = read.integer("window_samples", true, 0, 1, std::int64_t(info.sampleRate) * kMaxWindowSeconds,
                                      " (10 minutes at sample_rate)");
    info.hopSamples = read.integer("hop_samples", false, info.windowSamples, 1, info.windowSamples,
                                   " (at most window_samples)");
    info.pooling = read.string("pooling", false, "mean", 16);
    if (info.pooling != "mean" && info.pooling != "max" && info.pooling != "mean+std")
        read.fail("pooling", "must be \"mean\", \"max\" or \"mean+std\" (got \"" + info.pooling + "\")");
    const auto outputSize = int(read.integer("embedding_size", true, 0, 1, kMaxEmbeddingSize));
    info.embeddingSize = info.pooling == "mean+std" ? 2 * outputSize : outputSize;
    info.licence = read.string("licence", false, "unknown", 200);
    info.source = read.string("source", false, {}, 1000);
    info.description = read.string("description", false, {}, 4000);
    return info;
}

std::unique_ptr<Encoder> loadTorchScriptEncoder(const std::string &manifestPath)
{
    EncoderInfo info = readManifest(manifestPath);
    const std::int64_t outputSize = info.pooling == "mean+std" ? info.embeddingSize / 2 : info.embeddingSize;

    std::error_code ec;
    if (!fs::is_regular_file(info.path, ec))
        throw EncoderError(info.path + ": model file not found (named by " + manifestPath + ")");

    torch::jit::Module module;
    try {
        module = torch::jit::load(info.path, torch::kCPU);
    } catch (const std::exception &e) {
        throw EncoderError(info.path + ": not a TorchScript model (" + torchReason(e) + ")");
    }
    module.eval();

    // Validate: one window of silence must give [1, embedding_size].
    const std::string input = "[1, " + std::to_string(info.channels) + ", " + std::to_string(info.windowSamples) + "]";
    at::Tensor out;
    try {
        c10::InferenceMode inferenceMode;
        const c10::IValue result = module.forward({torch::zeros({1, info.channels, info.windowSamples})});
        if (!result.isTensor())
            throw EncoderError(info.path + ": returns " + result.tagKind() + " for an input of " + input
                               + "; an encoder must return a tensor");
        out = result.toTensor();
    } catch (const EncoderError &) {
        throw;
    } catch (const std::exception &e) {
        throw EncoderError(info.path + ": fails on a window of silence " + input + " (" + torchReason(e)
                           + "); check channels and window_samples in " + manifestPath);
    }
    if (out.dim() != 2 || out.size(0) != 1 || out.size(1) != outputSize)
        throw EncoderError(info.path + ": produces " + shapeText(out.sizes().vec()) + " for an input of " + input
                           + " but the manifest says embedding_size " + std::to_string(outputSize)
                           + " (expected [1, " + std::to_string(outputSize) + "])");
    if (!out.is_floating_point())
        throw EncoderError(info.path + ": produces a tensor of " + std::string(out.dtype().name())
                           + "; an encoder must produce floating-point values");

    // The hash covers the weights and everything that changes what a clip becomes, so editing the
    // window, hop, pooling or input format in the manifest also invalidates cached embeddings.
    const std::string settings = sha256OfFile(info.path) + "|" + std::to_string(info.sampleRate) + "|"
        + std::to_string(info.channels) + "|" + std::to_string(info.windowSamples) + "|"
        + std::to_string(info.hopSamples) + "|" + info.pooling;
    Sha256 sha;
    sha.update(reinterpret_cast<const unsigned char *>(settings.data()), settings.size());
    info.contentHash = sha.hexDigest();
    return std::make_unique<TorchScriptEncoder>(std::move(info), std::move(module), outputSize);
}

} // namespace tastelab::embed
