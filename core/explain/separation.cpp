#include "explain/separation.h"

#include "audio/resampler.h"
#include "embed/manifestfile.h"

#include <nlohmann/json.hpp>
#include <torch/script.h>

#include <filesystem>
#include <fstream>

namespace tastelab::explain {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using embed::shapeText;
using embed::torchReason;

} // namespace

SeparationInfo readSeparationManifest(const std::string &manifestPath)
{
    const json root = embed::readManifestJson<ExplainError>(manifestPath);
    const embed::ManifestReader<ExplainError> read(manifestPath, root);
    SeparationInfo info;
    info.manifestPath = manifestPath;
    info.name = read.string("name", true);
    info.version = read.string("version", false);
    info.path = (fs::path(manifestPath).parent_path() / fs::path(read.string("model", true))).lexically_normal().string();
    info.sampleRate = int(read.integer("sample_rate", true, 0, 8000, 192000));
    info.channels = int(read.integer("channels", true, 0, 1, 2));
    const auto sources = root.find("sources");
    if (sources == root.end())
        read.fail("sources", "is missing");
    if (!sources->is_array() || sources->empty() || sources->size() > 16)
        read.fail("sources", "must be a list of 1 to 16 source names");
    for (const auto &s : *sources) {
        if (!s.is_string() || s.get<std::string>().empty())
            read.fail("sources", "must hold non-empty strings");
        info.sources.push_back(s.get<std::string>());
    }
    info.licence = read.string("licence", false);
    info.source = read.string("source", false);
    info.description = read.string("description", false);
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
            throw ExplainError(info.path + ": the separation model failed on an input of " + shapeText(x.sizes().vec()) + " ("
                               + torchReason(e) + ")");
        }
        if (out.dim() >= 3 && out.size(0) == 1)
            out = out.squeeze(0);
        if (out.dim() == 3)
            out = out.mean(1);
        const auto sources = std::int64_t(info.sources.size());
        if (out.dim() != 2 || out.size(0) != sources || out.size(1) != x.size(2))
            throw ExplainError(info.path + ": produces " + shapeText(out.sizes().vec()) + " for an input of " + shapeText(x.sizes().vec())
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
        throw ExplainError(p.info.path + ": not a TorchScript model (" + torchReason(e) + ")");
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
