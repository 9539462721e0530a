// The encoders the app can offer: the built-in table below, then the manifests in the model folders.

#include "embed/encoderregistry.h"

#include "embed/builtinencoder.h"
#include "embed/torchscriptencoder.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace tastelab::embed {

namespace {

namespace fs = std::filesystem;

/// THE table of built-in encoders. Adding a built-in encoder means adding one line here; its
/// listing (name, sizes, description) comes from the encoder's own info().
struct BuiltinEntry {
    const char *name;
    std::unique_ptr<Encoder> (*create)();
};

const BuiltinEntry kBuiltinEncoders[] = {
    {"builtin-features", &makeBuiltinEncoder},
};

/// `*.json` files directly in each existing folder, sorted by file name within a folder; folders
/// in the order given. Missing or unreadable folders are skipped.
std::vector<std::string> manifestPaths(const std::vector<std::string> &modelDirs)
{
    std::vector<std::string> result;
    for (const std::string &dir : modelDirs) {
        std::error_code ec;
        if (dir.empty() || !fs::is_directory(dir, ec))
            continue;
        std::vector<std::string> found;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code typeError;
            if (it->path().extension() == ".json" && it->is_regular_file(typeError))
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        result.insert(result.end(), found.begin(), found.end());
    }
    return result;
}

/// A listing plus the manifest it came from (empty for built-in encoders).
struct Entry {
    EncoderListing listing;
    std::string manifest;
};

std::vector<Entry> collect(const std::vector<std::string> &modelDirs)
{
    std::vector<Entry> entries;
    for (const BuiltinEntry &builtin : kBuiltinEncoders) {
        Entry entry;
        try {
            entry.listing.info = builtin.create()->info();
        } catch (const std::exception &e) {
            entry.listing.info.name = builtin.name;
            entry.listing.info.builtin = true;
            entry.listing.problem = e.what();
        }
        entries.push_back(std::move(entry));
    }

    for (const std::string &manifest : manifestPaths(modelDirs)) {
        Entry entry;
        entry.manifest = manifest;
        EncoderListing &listing = entry.listing;
        try {
            listing.info = readManifest(manifest);
        } catch (const EncoderError &e) {
            // Still listed (named after the file), so the picker can show why it cannot be used.
            listing.info.name = fs::path(manifest).stem().string();
            listing.problem = e.what();
            entries.push_back(std::move(entry));
            continue;
        }
        std::error_code ec;
        if (!fs::is_regular_file(listing.info.path, ec)) {
            listing.problem = listing.info.path + ": model file not found (named by " + manifest + ")";
        } else {
            const auto clash = std::find_if(entries.begin(), entries.end(), [&](const Entry &other) {
                return other.listing.problem.empty() && other.listing.info.name == listing.info.name;
            });
            if (clash != entries.end())
                listing.problem = manifest + ": another encoder is already named \"" + listing.info.name + "\" ("
                    + (clash->manifest.empty() ? std::string("built in") : clash->manifest) + ")";
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string availableNames(const std::vector<Entry> &entries)
{
    std::string names;
    for (const Entry &entry : entries) {
        if (!entry.listing.problem.empty())
            continue;
        if (!names.empty())
            names += ", ";
        names += entry.listing.info.name;
    }
    return names.empty() ? std::string("none") : names;
}

} // namespace

std::string defaultEncoderName()
{
    return "builtin-features";
}

std::vector<EncoderListing> listEncoders(const std::vector<std::string> &modelDirs)
{
    std::vector<EncoderListing> listings;
    for (Entry &entry : collect(modelDirs))
        listings.push_back(std::move(entry.listing));
    return listings;
}

std::unique_ptr<Encoder> createEncoder(const std::string &name, const std::vector<std::string> &modelDirs)
{
    for (const BuiltinEntry &builtin : kBuiltinEncoders)
        if (name == builtin.name)
            return builtin.create();

    const std::vector<Entry> entries = collect(modelDirs);
    // A usable manifest of that name wins; otherwise report the first broken one of that name, so
    // that the error names its file (an invalid manifest, a missing model, a name clash).
    const Entry *match = nullptr;
    for (const Entry &entry : entries) {
        if (entry.manifest.empty() || entry.listing.info.name != name)
            continue;
        if (entry.listing.problem.empty()) {
            match = &entry;
            break;
        }
        if (!match)
            match = &entry;
    }
    if (!match)
        throw EncoderError("no encoder named " + name + " (available: " + availableNames(entries) + ")");
    if (!match->listing.problem.empty())
        throw EncoderError(match->listing.problem);
    return loadTorchScriptEncoder(match->manifest);
}

} // namespace tastelab::embed
