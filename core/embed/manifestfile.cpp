#include "embed/manifestfile.h"

#include <c10/util/Exception.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tastelab::embed {

namespace {
constexpr std::uintmax_t kMaxManifestBytes = 1 << 20;
} // namespace

bool readManifestObject(const std::string &path, nlohmann::json *root, std::string *problem)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        *problem = "manifest not found";
        return false;
    }
    const auto bytes = fs::file_size(path, ec);
    if (ec) {
        *problem = "cannot read the manifest (" + ec.message() + ")";
        return false;
    }
    if (bytes > kMaxManifestBytes) {
        *problem = "too large for a manifest (" + std::to_string(bytes) + " bytes)";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *problem = "cannot open the manifest";
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
        *root = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception &e) {
        *problem = std::string("not valid JSON (") + e.what() + ")";
        return false;
    }
    if (!root->is_object()) {
        *problem = "the manifest must be a JSON object";
        return false;
    }
    return true;
}

std::string shortDump(const nlohmann::json &value)
{
    std::string text = value.dump();
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return text;
}

std::string torchReason(const std::exception &error)
{
    const auto *c10Error = dynamic_cast<const c10::Error *>(&error);
    std::string text = c10Error ? c10Error->what_without_backtrace() : error.what();
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos)
            lines.push_back(line);
    if (lines.empty())
        return "unknown error";
    const bool traceback = lines.size() > 1 && lines.front().find("TorchScript interpreter") != std::string::npos;
    text = traceback ? lines.back() : lines.front();
    if (text.size() > 300)
        text = text.substr(0, 297) + "...";
    return text;
}

std::string shapeText(const std::vector<std::int64_t> &sizes)
{
    std::string s = "[";
    for (std::size_t i = 0; i < sizes.size(); ++i)
        s += (i ? ", " : "") + std::to_string(sizes[i]);
    return s + "]";
}

} // namespace tastelab::embed
