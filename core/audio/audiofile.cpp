#include "audio/audiofile.h"

#include <sndfile.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace tastelab::audio {

namespace {

/// Frames per sf_readf_float / sf_writef_float call.
constexpr sf_count_t kChunkFrames = 32768;

/// libsndfile keeps the error of a failed sf_open() in process-wide state (sf_error(nullptr),
/// sf_strerror(nullptr)), so opening and reading that error must not interleave between threads.
std::mutex &openMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct SndFileCloser {
    void operator()(SNDFILE *file) const
    {
        if (file)
            sf_close(file);
    }
};
using SndFilePtr = std::unique_ptr<SNDFILE, SndFileCloser>;

std::string formatSeconds(double seconds)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
}

/// libsndfile messages often start with "Error : "; the prefix adds nothing for a user.
std::string cleanMessage(const char *message)
{
    std::string text = message ? message : "";
    const std::string prefix = "Error : ";
    if (text.compare(0, prefix.size(), prefix) == 0)
        text.erase(0, prefix.size());
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string lowerExtension(const std::string &path)
{
    std::string ext = fs::path(path).extension().string();
    if (!ext.empty() && ext.front() == '.')
        ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string formatName(int format)
{
    const int major = format & SF_FORMAT_TYPEMASK;
    const int sub = format & SF_FORMAT_SUBMASK;
    switch (major) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
        return "WAV";
    case SF_FORMAT_FLAC:
        return "FLAC";
    case SF_FORMAT_AIFF:
        return "AIFF";
    case SF_FORMAT_OGG:
        if (sub == SF_FORMAT_VORBIS)
            return "OGG (Vorbis)";
        if (sub == SF_FORMAT_OPUS)
            return "OGG (Opus)";
        return "OGG";
    case SF_FORMAT_MPEG:
        if (sub == SF_FORMAT_MPEG_LAYER_I)
            return "MPEG layer I";
        if (sub == SF_FORMAT_MPEG_LAYER_II)
            return "MPEG layer II";
        return "MPEG layer III";
    default:
        break;
    }
    SF_FORMAT_INFO info{};
    info.format = major;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof info) == 0 && info.name)
        return info.name;
    return "unknown";
}

/// For RIFF/WAVE files: the frame count the "data" chunk header declares. libsndfile silently
/// shortens a data chunk that runs past the end of the file, so a truncated WAV would otherwise
/// decode "successfully" with half its audio missing. Returns nothing for non-RIFF files or
/// streaming headers (size 0 or 0xFFFFFFFF).
std::optional<std::int64_t> declaredWavFrames(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    auto readU32 = [&in](std::uint32_t &value) {
        unsigned char b[4];
        if (!in.read(reinterpret_cast<char *>(b), 4))
            return false;
        value = std::uint32_t(b[0]) | (std::uint32_t(b[1]) << 8) | (std::uint32_t(b[2]) << 16)
                | (std::uint32_t(b[3]) << 24);
        return true;
    };
    char id[4];
    std::uint32_t size = 0;
    if (!in.read(id, 4) || std::memcmp(id, "RIFF", 4) != 0 || !readU32(size) || !in.read(id, 4)
        || std::memcmp(id, "WAVE", 4) != 0)
        return std::nullopt;
    std::uint32_t blockAlign = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        if (!in.read(id, 4) || !readU32(size))
            return std::nullopt;
        if (std::memcmp(id, "fmt ", 4) == 0) {
            unsigned char fmt[16];
            if (size < 16 || !in.read(reinterpret_cast<char *>(fmt), 16))
                return std::nullopt;
            blockAlign = std::uint32_t(fmt[12]) | (std::uint32_t(fmt[13]) << 8);
            in.seekg(std::streamoff(size - 16 + (size & 1)), std::ios::cur);
        } else if (std::memcmp(id, "data", 4) == 0) {
            if (blockAlign == 0 || size == 0 || size == 0xFFFFFFFFu)
                return std::nullopt;
            return std::int64_t(size / blockAlign);
        } else {
            in.seekg(std::streamoff(size) + (size & 1), std::ios::cur);
        }
        if (!in)
            return std::nullopt;
    }
    return std::nullopt;
}

/// An open file plus what its header promises.
struct Source {
    SndFilePtr file;
    SF_INFO info{};
    /// The header states a length (false for SF_COUNT_MAX / 0, e.g. unfinished Ogg streams).
    bool lengthKnown = false;
    /// The length the header promises; for a truncated WAV larger than info.frames.
    std::int64_t promisedFrames = 0;
    /// MPEG lengths come from Xing/Info headers or are estimated from the file size: a small
    /// shortfall at the very end is normal there and not an error. Seeking is not exact either.
    bool estimatedLength = false;
};

/// Checks the path, opens it with libsndfile and throws AudioError with a readable reason.
Source openSource(const std::string &path)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw AudioError(path, "file cannot be accessed (" + ec.message() + ")");
        throw AudioError(path, "file does not exist");
    }
    if (fs::is_directory(status))
        throw AudioError(path, "is a folder, not an audio file");
    if (!fs::is_regular_file(status))
        throw AudioError(path, "not a regular file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size == 0)
        throw AudioError(path, "file is empty (0 bytes)");
    {
        std::FILE *probe = std::fopen(path.c_str(), "rb");
        if (!probe)
            throw AudioError(path, std::string("file cannot be read (") + std::strerror(errno) + ")");
        std::fclose(probe);
    }

    Source source;
    {
        std::lock_guard<std::mutex> lock(openMutex());
        source.file.reset(sf_open(path.c_str(), SFM_READ, &source.info));
        if (!source.file) {
            const int code = sf_error(nullptr);
            const std::string message = cleanMessage(sf_strerror(nullptr));
            switch (code) {
            case SF_ERR_SYSTEM:
                throw AudioError(path, "file cannot be read (" + message + ")");
            case SF_ERR_MALFORMED_FILE:
                throw AudioError(path, "malformed audio file (" + message + ")");
            case SF_ERR_UNSUPPORTED_ENCODING:
                throw AudioError(path, "unsupported audio encoding (" + message + ")");
            case 7:
                // libsndfile's internal SFE_BAD_FILE ("File does not exist or is not a regular file"):
                // its MPEG fallback for *.mp3 names reports this for data that holds no MPEG stream.
                throw AudioError(path, "not a supported audio file (no audio stream found)");
            default:
                throw AudioError(path, "not a supported audio file (" + message + ")");
            }
        }
    }
    const SF_INFO &info = source.info;
    if (info.samplerate <= 0 || info.channels <= 0)
        throw AudioError(path, "invalid audio header (sample rate " + std::to_string(info.samplerate)
                                   + " Hz, " + std::to_string(info.channels) + " channels)");
    source.lengthKnown = info.frames > 0 && info.frames != SF_COUNT_MAX;
    source.promisedFrames = source.lengthKnown ? info.frames : 0;
    source.estimatedLength = (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG;
    const int major = info.format & SF_FORMAT_TYPEMASK;
    if (source.lengthKnown && (major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX)) {
        if (const auto declared = declaredWavFrames(path); declared && *declared > info.frames)
            source.promisedFrames = *declared;
    }
    return source;
}

[[noreturn]] void throwTruncated(const std::string &path, std::int64_t frame, int sampleRate, const std::string &detail)
{
    throw AudioError(path, "truncated or corrupt audio data at " + formatSeconds(double(frame) / sampleRate) + " ("
                               + detail + ")");
}

/// Reads and discards up to `frames` frames (or to the end when frames < 0), checking for decode
/// errors. Returns how many frames were read.
std::int64_t skipFrames(const std::string &path, Source &source, std::int64_t frames)
{
    const int channels = source.info.channels;
    std::vector<float> scratch(std::size_t(kChunkFrames) * channels);
    std::int64_t done = 0;
    while (frames < 0 || done < frames) {
        const sf_count_t want = frames < 0 ? kChunkFrames : std::min<sf_count_t>(kChunkFrames, frames - done);
        const sf_count_t got = sf_readf_float(source.file.get(), scratch.data(), want);
        if (sf_error(source.file.get()) != SF_ERR_NO_ERROR)
            throwTruncated(path, done + std::max<sf_count_t>(got, 0), source.info.samplerate,
                           cleanMessage(sf_strerror(source.file.get())));
        if (got <= 0)
            break;
        done += got;
    }
    return done;
}

/// Decoding stopped at `reached` although the header promised data up to `end`: throws unless
/// this is the usual small inaccuracy of an MPEG length estimate at the very end of the stream.
void checkShortRead(const std::string &path, const Source &source, std::int64_t reached, std::int64_t end)
{
    const int rate = source.info.samplerate;
    const std::int64_t total = source.promisedFrames;
    const std::int64_t tolerance = source.estimatedLength ? std::max<std::int64_t>(rate / 2, total / 50) : 0;
    if (end == total && end - reached <= tolerance)
        return;
    throwTruncated(path, reached, rate,
                   "the header promises " + formatSeconds(double(total) / rate) + " but the audio data ends early");
}

} // namespace

AudioInfo probeAudio(const std::string &path)
{
    Source source = openSource(path);
    AudioInfo info;
    info.sampleRate = source.info.samplerate;
    info.channels = source.info.channels;
    info.format = formatName(source.info.format);
    if (const char *title = sf_get_string(source.file.get(), SF_STR_TITLE))
        info.title = title;
    if (const char *artist = sf_get_string(source.file.get(), SF_STR_ARTIST))
        info.artist = artist;
    if (const char *genre = sf_get_string(source.file.get(), SF_STR_GENRE))
        info.genre = genre;

    if (source.lengthKnown) {
        // The header's claim, as for every other format: for a WAV whose data was cut off,
        // libsndfile's own count would hide the damage (and make the file look merely short);
        // decodeAudio() and verifyAudio() report the missing part as truncation.
        info.frames = source.promisedFrames;
    } else {
        // No usable length in the header (e.g. an Ogg stream without end-of-stream page, or an
        // MPEG stream without Xing header): count by decoding.
        info.frames = skipFrames(path, source, -1);
    }
    if (info.frames <= 0)
        throw AudioError(path, source.lengthKnown ? "no audio frames"
                                                  : "no audio frames could be decoded (truncated or corrupt file?)");
    return info;
}

AudioBuffer decodeAudio(const std::string &path, double startSeconds, double lengthSeconds)
{
    if (!std::isfinite(startSeconds) || startSeconds < 0.0)
        throw AudioError(path, "invalid start time " + std::to_string(startSeconds) + " s");
    if (std::isnan(lengthSeconds))
        throw AudioError(path, "invalid length");

    Source source = openSource(path);
    const int rate = source.info.samplerate;
    const int channels = source.info.channels;
    SNDFILE *file = source.file.get();

    AudioBuffer buffer;
    buffer.sampleRate = rate;
    buffer.channels = channels;

    const std::int64_t startFrame = std::llround(startSeconds * rate);
    const bool toEnd = lengthSeconds < 0.0 || std::isinf(lengthSeconds);
    const std::int64_t wanted = toEnd ? -1 : std::llround(lengthSeconds * rate);

    if (!source.lengthKnown) {
        // Unknown length: read sequentially.
        const std::int64_t skipped = startFrame > 0 ? skipFrames(path, source, startFrame) : 0;
        if (skipped < startFrame)
            throw AudioError(path, "start " + formatSeconds(startSeconds) + " lies beyond the end of the audio ("
                                       + formatSeconds(double(skipped) / rate) + ")");
        std::int64_t done = 0;
        while (wanted < 0 || done < wanted) {
            const sf_count_t want = wanted < 0 ? kChunkFrames : std::min<sf_count_t>(kChunkFrames, wanted - done);
            const std::size_t offset = buffer.samples.size();
            buffer.samples.resize(offset + std::size_t(want) * channels);
            const sf_count_t got = sf_readf_float(file, buffer.samples.data() + offset, want);
            buffer.samples.resize(offset + std::size_t(std::max<sf_count_t>(got, 0)) * channels);
            if (sf_error(file) != SF_ERR_NO_ERROR)
                throwTruncated(path, startFrame + done + std::max<sf_count_t>(got, 0), rate,
                               cleanMessage(sf_strerror(file)));
            if (got <= 0)
                break;
            done += got;
        }
        if (done == 0 && wanted != 0) {
            if (startFrame == 0)
                throw AudioError(path, "no audio frames could be decoded (truncated or corrupt file?)");
            throw AudioError(path, "start " + formatSeconds(startSeconds) + " lies beyond the end of the audio ("
                                       + formatSeconds(double(skipped) / rate) + ")");
        }
        return buffer;
    }

    const std::int64_t total = source.promisedFrames;
    if (startFrame >= total)
        throw AudioError(path, "start " + formatSeconds(startSeconds) + " lies beyond the end of the audio ("
                                   + formatSeconds(double(total) / rate) + ")");
    const std::int64_t endFrame = wanted < 0 ? total : std::min(total, startFrame + wanted);
    const std::int64_t count = endFrame - startFrame;
    if (count <= 0)
        return buffer;

    if (startFrame > 0 && source.estimatedLength) {
        // libsndfile 1.2's MPEG seeking is not sample-accurate: after sf_seek() the decoded data
        // does not line up with a straight decode (checked in tst_audiofile). Decoding from the
        // start and discarding is exact and fast enough (mpg123 decodes far faster than real time).
        const std::int64_t skipped = skipFrames(path, source, startFrame);
        if (skipped < startFrame)
            checkShortRead(path, source, skipped, endFrame);
    } else if (startFrame > 0) {
        const sf_count_t pos = sf_seek(file, startFrame, SEEK_SET);
        if (pos != startFrame) {
            const std::string detail = startFrame >= source.info.frames
                ? "the header promises " + formatSeconds(double(total) / rate) + " but the audio data ends at "
                      + formatSeconds(double(source.info.frames) / rate)
                : "cannot seek: " + cleanMessage(sf_strerror(file));
            throwTruncated(path, startFrame, rate, detail);
        }
    }

    buffer.samples.resize(std::size_t(count) * channels);
    std::int64_t done = 0;
    while (done < count) {
        const sf_count_t want = std::min<sf_count_t>(kChunkFrames, count - done);
        const sf_count_t got = sf_readf_float(file, buffer.samples.data() + std::size_t(done) * channels, want);
        if (sf_error(file) != SF_ERR_NO_ERROR)
            throwTruncated(path, startFrame + done + std::max<sf_count_t>(got, 0), rate,
                           cleanMessage(sf_strerror(file)));
        if (got > 0)
            done += got;
        if (got < want)
            break;
    }
    if (done < count) {
        checkShortRead(path, source, startFrame + done, endFrame);
        buffer.samples.resize(std::size_t(done) * channels);
    }
    return buffer;
}

void verifyAudio(const std::string &path)
{
    Source source = openSource(path);
    if (!source.lengthKnown) {
        if (skipFrames(path, source, -1) <= 0)
            throw AudioError(path, "no audio frames could be decoded (truncated or corrupt file?)");
        return;
    }
    const std::int64_t total = source.promisedFrames;
    const std::int64_t done = skipFrames(path, source, total);
    if (done < total)
        checkShortRead(path, source, done, total);
}

void writeAudio(const std::string &path, const AudioBuffer &buffer, const AudioTags &tags)
{
    const std::string ext = lowerExtension(path);
    int format = 0;
    if (ext == "flac")
        format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    else if (ext == "wav")
        format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    else if (ext == "ogg" || ext == "oga")
        format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    else
        throw AudioError(path, "cannot write '" + (ext.empty() ? std::string("(no extension)") : "." + ext)
                                   + "' files (use .flac, .wav or .ogg)");

    if (buffer.channels <= 0 || buffer.sampleRate <= 0
        || buffer.samples.size() % std::size_t(buffer.channels) != 0)
        throw AudioError(path, "invalid audio buffer (" + std::to_string(buffer.sampleRate) + " Hz, "
                                   + std::to_string(buffer.channels) + " channels, "
                                   + std::to_string(buffer.samples.size()) + " samples)");
    if (buffer.empty())
        throw AudioError(path, "nothing to write (empty audio buffer)");

    SF_INFO info{};
    info.samplerate = buffer.sampleRate;
    info.channels = buffer.channels;
    info.format = format;
    if (!sf_format_check(&info))
        throw AudioError(path, "cannot write " + std::to_string(buffer.channels) + " channels at "
                                   + std::to_string(buffer.sampleRate) + " Hz as " + formatName(format));

    // Write next to the target and rename at the end, so a failure never leaves a half-written
    // file under the final name (and never destroys an existing one).
    static std::atomic<unsigned> counter{0};
    const std::string tempPath = path + ".part" + std::to_string(counter.fetch_add(1));
    struct TempGuard {
        const std::string &path;
        bool keep = false;
        ~TempGuard()
        {
            if (!keep) {
                std::error_code ec;
                fs::remove(path, ec);
            }
        }
    } guard{tempPath};

    {
        SndFilePtr file;
        {
            std::lock_guard<std::mutex> lock(openMutex());
            file.reset(sf_open(tempPath.c_str(), SFM_WRITE, &info));
            if (!file)
                throw AudioError(path, "cannot create file (" + cleanMessage(sf_strerror(nullptr)) + ")");
        }
        sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
        const std::pair<int, const std::string *> strings[] = {
            {SF_STR_TITLE, &tags.title}, {SF_STR_ARTIST, &tags.artist}, {SF_STR_GENRE, &tags.genre}};
        for (const auto &entry : strings) {
            if (!entry.second->empty() && sf_set_string(file.get(), entry.first, entry.second->c_str()) != 0)
                throw AudioError(path, "cannot store tags (" + cleanMessage(sf_strerror(file.get())) + ")");
        }
        const std::int64_t frames = buffer.frames();
        std::int64_t done = 0;
        while (done < frames) {
            const sf_count_t n = std::min<sf_count_t>(kChunkFrames, frames - done);
            const sf_count_t written =
                sf_writef_float(file.get(), buffer.samples.data() + std::size_t(done) * buffer.channels, n);
            if (written != n)
                throw AudioError(path, "write failed (" + cleanMessage(sf_strerror(file.get())) + ")");
            done += n;
        }
        const int rc = sf_close(file.release());
        if (rc != 0)
            throw AudioError(path, "cannot finish file (" + cleanMessage(sf_error_number(rc)) + ")");
    }

    std::error_code ec;
    fs::rename(tempPath, path, ec);
    if (ec)
        throw AudioError(path, "cannot move the written file into place (" + ec.message() + ")");
    guard.keep = true;
}

const std::vector<std::string> &supportedExtensions()
{
    static const std::vector<std::string> extensions = [] {
        std::set<std::string> set;
        int count = 0;
        sf_command(nullptr, SFC_GET_FORMAT_MAJOR_COUNT, &count, sizeof count);
        bool hasOgg = false;
        bool hasMpeg = false;
        for (int i = 0; i < count; ++i) {
            SF_FORMAT_INFO info{};
            info.format = i;
            if (sf_command(nullptr, SFC_GET_FORMAT_MAJOR, &info, sizeof info) != 0 || !info.extension)
                continue;
            const int major = info.format & SF_FORMAT_TYPEMASK;
            hasOgg = hasOgg || major == SF_FORMAT_OGG;
            hasMpeg = hasMpeg || major == SF_FORMAT_MPEG;
            const std::string ext = info.extension;
            // Header-less raw data cannot be probed, and libsndfile's "mpc" is Akai MPC 2k, not
            // the much more common Musepack: listing either would only invite confusing failures.
            if (ext == "raw" || ext == "mpc")
                continue;
            set.insert(ext);
            if (major == SF_FORMAT_AIFF) {
                set.insert("aif");
                set.insert("aifc");
            }
        }
        SF_INFO check{};
        check.channels = 2;
        if (hasOgg) {
            set.insert("oga");
            check.samplerate = 44100;
            check.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
            if (sf_format_check(&check))
                set.insert("ogg");
            check.samplerate = 48000;
            check.format = SF_FORMAT_OGG | SF_FORMAT_OPUS;
            if (sf_format_check(&check))
                set.insert("opus");
        }
        if (hasMpeg) {
            set.insert("mp3");
            set.insert("mp2");
        }
        return std::vector<std::string>(set.begin(), set.end());
    }();
    return extensions;
}

} // namespace tastelab::audio
