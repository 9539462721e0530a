#pragma once

// What the TorchScript encoders (embed/torchscriptencoder) and the separation models
// (explain/separation) share about their files: the JSON manifest next to the model, its typed
// fields, and short texts for LibTorch errors and tensor shapes. Internal to core's .cpp files
// (it includes nlohmann/json); no Qt, no torch types.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

namespace tastelab::embed {

/// Reads path as a JSON object (a manifest, at most 1 MiB). False with *problem, e.g. "manifest
/// not found", "not valid JSON (...)", "the manifest must be a JSON object".
bool readManifestObject(const std::string &path, nlohmann::json *root, std::string *problem);

/// The same, throwing Error("PATH: problem").
template <typename Error>
nlohmann::json readManifestJson(const std::string &path)
{
    nlohmann::json root;
    std::string problem;
    if (!readManifestObject(path, &root, &problem))
        throw Error(path + ": " + problem);
    return root;
}

/// A short, single-line rendering of a JSON value for error messages.
std::string shortDump(const nlohmann::json &value);

/// Typed fields of a manifest; a missing or bad one throws Error("PATH: field \"F\" PROBLEM").
template <typename Error>
class ManifestReader {
public:
    ManifestReader(std::string path, const nlohmann::json &root) : m_path(std::move(path)), m_root(root) {}

    [[noreturn]] void fail(const std::string &field, const std::string &problem) const
    {
        throw Error(m_path + ": field \"" + field + "\" " + problem);
    }

    std::string string(const char *field, bool required, const std::string &fallback = {},
                       std::size_t maxLength = std::string::npos) const
    {
        const auto it = m_root.find(field);
        if (it == m_root.end()) {
            if (required)
                fail(field, "is missing");
            return fallback;
        }
        if (!it->is_string())
            fail(field, "must be a string (got " + shortDump(*it) + ")");
        std::string value = it->template get<std::string>();
        if (required && value.empty())
            fail(field, "must not be empty");
        if (value.size() > maxLength)
            fail(field, "is longer than " + std::to_string(maxLength) + " characters");
        return value;
    }

    std::int64_t integer(const char *field, bool required, std::int64_t fallback, std::int64_t min, std::int64_t max,
                         const std::string &rangeNote = {}) const
    {
        const auto it = m_root.find(field);
        if (it == m_root.end()) {
            if (required)
                fail(field, "is missing");
            return fallback;
        }
        const std::string range = "must be an integer from " + std::to_string(min) + " to " + std::to_string(max)
            + rangeNote + " (got " + shortDump(*it) + ")";
        if (!it->is_number_integer())
            fail(field, range);
        std::int64_t value = 0;
        if (it->is_number_unsigned()) {
            const auto u = it->template get<std::uint64_t>();
            if (u > std::uint64_t(max))
                fail(field, range);
            value = std::int64_t(u);
        } else {
            value = it->template get<std::int64_t>();
        }
        if (value < min || value > max)
            fail(field, range);
        return value;
    }

private:
    std::string m_path;
    const nlohmann::json &m_root;
};

/// The useful line of a LibTorch error, kept short: the first line of a c10::Error without its C++
/// backtrace, or for an error raised inside TorchScript code (a std::runtime_error whose text is
/// the TorchScript traceback) its last line, e.g. "RuntimeError: Given groups=1, ...".
std::string torchReason(const std::exception &error);

/// A tensor's sizes as text, e.g. "[1, 2, 44100]".
std::string shapeText(const std::vector<std::int64_t> &sizes);

} // namespace tastelab::embed
