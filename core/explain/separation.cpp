#include "explain/separation.h"

#include "audio/resampler.h"

#include <nlohmann/json.hpp>
#include <torch/script.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tastelab::explain {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::uintmax_t kMaxManifestBytes = 1 << 20;

std::string reason(const std::exception &e)
{
    if (const auto *c = dynamic_cast<const c10::Error *>(&e))
        return c->what_without_backtrace();
    std::string s = e.what();
    const auto cut = s.find('\n');
    return cut == std::string::npos ? s : s.substr(0, cut);
}

std::string shape(const at::Tensor &t)
{
    std::string s = "[";
    for (std::int64_t i = 0; i < t.dim(); ++i)
        s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}

} // namespace

SeparationInfo readSeparationManifest(const std::string &manifestPath)
{
    std::error_code ec;
    if (!fs::is_regular_file(manifestPath, ec))
        throw ExplainError(manifestPath + ": manifest not found");
    if (fs::file_size(manifestPath, ec) > kMaxManifestBytes)
        throw ExplainError(manifestPath + ": too large for a manifest");
    std::ifstream in(manifestPath, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json root;
    try {
        root = json::parse(text.str());
    } catch (const json::exception &e) {
        throw ExplainError(manifestPath + ": not valid JSON (" + e.what() + ")");
    }
    if (!root.is_object())
        throw ExplainError(manifestPath + ": the manifest must be a JSON object");
    const auto fail = [&manifestPath](const std::string &field, const std::string &problem) {
        throw ExplainError(manifestPath + ": field \"" + field + "\" " + problem);
    };
    const auto string = [&](const char *field, bool required) {
        const auto it = root.find(field);
        if (it == root.end()) {
            if (required)
                fail(field, "is missing");
            return std::string();
        }
        if (!it->is_string() || (required && it->get<std::string>().empty()))
            fail(field, "must be a non-empty string");
        return it->get<std::string>();
    };
    const auto integer = [&](const char *field, int min, int max) {
        const auto it = root.find(field);
        if (it == root.end())
            fail(field, "is missing");
        if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max)
            fail(field, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
        return int(it->get<std::int64_t>());
    };
    SeparationInfo info;
    info.manifestPath = manifestPath;
    info.name = string("name", true);
    info.version = string("version", false);
    info.path = (fs::path(manifestPath).parent_path() / fs::path(string("model", true))).lexically_normal().string();
    info.sampleRate = integer("sample_rate", 8000, 192000);
    info.channels = integer("channels", 1, 2);
    const auto sources = root.find("sources");
    if (sources == root.end())
        fail("sources", "is missing");
    if (!sources->is_array() || sources->empty() || sources->size() > 16)
        fail("sources", "must be a list of 1 to 16 source names");
    for (const auto &s : *sources) {
        if (!s.is_string() || s.get<std::string>().empty())
            fail("sources", "must hold non-empty strings");
        info.sources.push_back(s.get<std::string>());
    }
    info.licence = string("licence", false);
    info.source = string("source", false);
    info.description = string("description", false);
    return info;
}

struct SeparationModel::Impl {
    SeparationInfo info;
    torch::jit::Module module;

    /// x [1, channels, samples] -> [sources, samples].
    torch::Tensor run(const torch::Tensor &x)
    {
        torch::Tensor out;
        try {
            out = module.forward({x}).toTensor();
        } catch (const std::exception &e) {
            throw ExplainError(info.path + ": the separation model failed on an input of " + shape(x) + " ("
                               + reason(e) + ")");
        }
        if (out.dim() >= 3 && out.size(0) == 1)
            out = out.squeeze(0);
        if (out.dim() == 3)
            out = out.mean(1);
        const auto sources = std::int64_t(info.sources.size());
        if (out.dim() != 2 || out.size(0) != sources || out.size(1) != x.size(2))
            throw ExplainError(info.path + ": produces " + shape(out) + " for an input of " + shape(x)
                               + "; expected [" + std::to_string(sources) + ", " + std::to_string(x.size(2))
                               + "] (one row per source named in " + info.manifestPath + ")");
        return out.to(torch::kFloat).contiguous();
    }
};

SeparationModel::SeparationModel() : d(std::make_unique<Impl>()) {}
SeparationModel::~SeparationModel() = default;

std::unique_ptr<SeparationModel> SeparationModel::load(const std::string &manifestPath)
{
    std::unique_ptr<SeparationModel> model(new SeparationModel);
    Impl &p = *model->d;
    p.info = readSeparationManifest(manifestPath);
    std::error_code ec;
    if (!fs::is_regular_file(p.info.path, ec))
        throw ExplainError(p.info.path + ": model file not found (named by " + manifestPath + ")");
    try {
        p.module = torch::jit::load(p.info.path, torch::kCPU);
    } catch (const std::exception &e) {
        throw ExplainError(p.info.path + ": not a TorchScript model (" + reason(e) + ")");
    }
    p.module.eval();
    torch::InferenceMode guard;
    p.run(torch::zeros({1, p.info.channels, p.info.sampleRate}));
    return model;
}

const SeparationInfo &SeparationModel::info() const
{
    return d->info;
}

std::vector<audio::AudioBuffer> SeparationModel::separate(const audio::AudioBuffer &clip)
{
    if (clip.sampleRate != d->info.sampleRate || clip.channels != d->info.channels)
        throw ExplainError(d->info.path + ": needs " + std::to_string(d->info.sampleRate) + " Hz with "
                           + std::to_string(d->info.channels) + " channel(s)");
    torch::InferenceMode guard;
    const auto frames = clip.frames();
    const auto x = torch::from_blob(const_cast<float *>(clip.samples.data()), {frames, std::int64_t(clip.channels)},
                                    torch::kFloat)
                       .t()
                       .unsqueeze(0)
                       .contiguous();
    const auto out = d->run(x);
    std::vector<audio::AudioBuffer> sources;
    for (std::int64_t s = 0; s < out.size(0); ++s) {
        audio::AudioBuffer b;
        b.sampleRate = clip.sampleRate;
        b.channels = 1;
        const float *row = out.data_ptr<float>() + s * frames;
        b.samples.assign(row, row + frames);
        sources.push_back(std::move(b));
    }
    return sources;
}

Decomposition sourceComponents(SeparationModel &model, const audio::AudioBuffer &clip)
{
    const SeparationInfo &info = model.info();
    std::vector<audio::AudioBuffer> sources = model.separate(audio::convert(clip, info.sampleRate, info.channels));
    for (audio::AudioBuffer &s : sources) {
        s = audio::convert(s, clip.sampleRate, 1);
        s.samples.resize(clip.samples.size(), 0.0f);
    }
    return Decomposition::fromSources(clip, info.sources, sources);
}

} // namespace tastelab::explain
