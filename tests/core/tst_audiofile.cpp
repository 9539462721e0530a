// Tests for the Qt-free audio layer: file I/O through libsndfile, resampling and loudness.
// QtTest is only the runner here.

#include "audio/audiofile.h"
#include "audio/loudness.h"
#include "audio/resampler.h"

#include <sndfile.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <complex>
#include <filesystem>
#include <fstream>

using namespace tastelab::audio;
namespace fs = std::filesystem;

namespace {

constexpr double kPi = 3.14159265358979323846;

AudioBuffer makeSine(int rate, int channels, double seconds, double hz, float amplitude)
{
    AudioBuffer buffer;
    buffer.sampleRate = rate;
    buffer.channels = channels;
    const std::int64_t frames = std::llround(seconds * rate);
    buffer.samples.resize(std::size_t(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            buffer.samples[std::size_t(i * channels + c)] = amplitude * float(std::sin(2.0 * kPi * hz * double(i) / rate));
    return buffer;
}

std::vector<float> channel(const AudioBuffer &buffer, int c)
{
    std::vector<float> out(std::size_t(buffer.frames()));
    for (std::int64_t i = 0; i < buffer.frames(); ++i)
        out[std::size_t(i)] = buffer.samples[std::size_t(i * buffer.channels + c)];
    return out;
}

/// Frequency from the number of upward zero crossings.
double zeroCrossingHz(const std::vector<float> &x, int rate)
{
    std::int64_t first = -1, last = -1, count = 0;
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (x[i - 1] < 0.0f && x[i] >= 0.0f) {
            if (first < 0)
                first = std::int64_t(i);
            last = std::int64_t(i);
            ++count;
        }
    }
    if (count < 2)
        return 0.0;
    return double(count - 1) * rate / double(last - first);
}

/// Magnitude of one DFT bin (Goertzel-style direct sum), normalised so a full-scale sine gives ~0.5.
double binMagnitude(const std::vector<float> &x, int rate, double hz)
{
    std::complex<double> acc = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        acc += double(x[i]) * std::polar(1.0, -2.0 * kPi * hz * double(i) / rate);
    return std::abs(acc) / double(x.size());
}

double rmsOf(const std::vector<float> &x)
{
    double sum = 0.0;
    for (const float v : x)
        sum += double(v) * v;
    return x.empty() ? 0.0 : std::sqrt(sum / double(x.size()));
}

/// Writes with libsndfile directly, for formats writeAudio() does not offer (MP3, Opus).
bool writeWithSndfile(const std::string &path, int format, const AudioBuffer &buffer)
{
    SF_INFO info{};
    info.samplerate = buffer.sampleRate;
    info.channels = buffer.channels;
    info.format = format;
    SNDFILE *file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        return false;
    sf_set_string(file, SF_STR_TITLE, "Encoded Title");
    const sf_count_t written = sf_writef_float(file, buffer.samples.data(), buffer.frames());
    return sf_close(file) == 0 && written == buffer.frames();
}

} // namespace

class TestAudioFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void writeProbeDecode_data();
    void writeProbeDecode();
    void decodeRangePastEndIsCut();
    void decodeStartBeyondEndThrows();
    void tagsWithSpecialCharacters();

    void missingFile();
    void emptyFile();
    void textFileNamedMp3();
    void folderIsNotAFile();
    void truncatedWav();
    void corruptFlac();
    void truncatedFlac();

    void decodeMp3();
    void decodeOpus();
    void supportedExtensionsListed();

    void writeRejectsUnknownExtension();
    void writeFailureLeavesNoFile();
    void writeRejectsEmptyBuffer();
    void writeReplacesExistingFile();

    void resampleKeepsFrequencyAndLength();
    void remixStereoToMonoAverages();
    void remixMonoToStereoDuplicates();
    void integerDecimationIsFlatAndRejectsAliases();
    void convertCombinedAndIdentity();
    void convertRejectsBadRate();

    void rmsOfKnownSine();
    void silenceAndPeak();
    void normalizationReachesTarget();
    void normalizationIsPeakLimited();
    void normalizationBoostIsCapped();
    void fadesStartAndEndAtZero();

private:
    std::string path(const std::string &name) const { return (m_dir.path() + "/").toStdString() + name; }
    QTemporaryDir m_dir;
};

void TestAudioFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestAudioFile::writeProbeDecode_data()
{
    QTest::addColumn<QString>("ext");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("lossless");
    QTest::newRow("wav") << "wav" << "WAV" << true;
    QTest::newRow("flac") << "flac" << "FLAC" << true;
    QTest::newRow("ogg") << "ogg" << "OGG (Vorbis)" << false;
}

void TestAudioFile::writeProbeDecode()
{
    QFETCH(QString, ext);
    QFETCH(QString, format);
    QFETCH(bool, lossless);
    const std::string file = path("sine." + ext.toStdString());
    const AudioBuffer sine = makeSine(44100, 2, 2.0, 1000.0, 0.5f);
    writeAudio(file, sine, {"Sine Title", "Test Artist", "testgenre"});
    QVERIFY(fs::exists(file));

    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.sampleRate, 44100);
    QCOMPARE(info.channels, 2);
    QCOMPARE(info.frames, std::int64_t(88200));
    QCOMPARE(QString::fromStdString(info.format), format);
    QVERIFY(qAbs(info.durationSeconds() - 2.0) < 1e-9);
    QCOMPARE(QString::fromStdString(info.title), QStringLiteral("Sine Title"));
    QCOMPARE(QString::fromStdString(info.artist), QStringLiteral("Test Artist"));
    QCOMPARE(QString::fromStdString(info.genre), QStringLiteral("testgenre"));

    // A range from the middle.
    const AudioBuffer part = decodeAudio(file, 0.5, 0.25);
    QCOMPARE(part.sampleRate, 44100);
    QCOMPARE(part.channels, 2);
    QCOMPARE(part.frames(), std::int64_t(11025));
    if (lossless) {
        float maxError = 0.0f;
        for (std::int64_t i = 0; i < part.frames(); ++i) {
            for (int c = 0; c < 2; ++c) {
                const float expected = sine.samples[std::size_t((22050 + i) * 2 + c)];
                maxError = std::max(maxError, std::fabs(part.samples[std::size_t(i * 2 + c)] - expected));
            }
        }
        QVERIFY2(maxError < 1e-3f, qPrintable(QString("max error %1").arg(maxError)));
    } else {
        const std::vector<float> left = channel(part, 0);
        QVERIFY(qAbs(rmsOf(left) - 0.5 / std::sqrt(2.0)) < 0.03);
        QVERIFY(qAbs(zeroCrossingHz(left, 44100) - 1000.0) < 2.0);
    }

    const AudioBuffer whole = decodeAudio(file);
    QCOMPARE(whole.frames(), info.frames);
    // Seeking is sample-exact: the range equals the same frames of a full decode.
    QVERIFY(std::equal(part.samples.begin(), part.samples.end(), whole.samples.begin() + 22050 * 2));
    verifyAudio(file); // must not throw
}

void TestAudioFile::decodeRangePastEndIsCut()
{
    const std::string file = path("cut.flac");
    writeAudio(file, makeSine(44100, 1, 2.0, 440.0, 0.5f));
    const AudioBuffer tail = decodeAudio(file, 1.5, 2.0);
    QCOMPARE(tail.frames(), std::int64_t(22050));
    const AudioBuffer rest = decodeAudio(file, 1.0);
    QCOMPARE(rest.frames(), std::int64_t(44100));
    const AudioBuffer none = decodeAudio(file, 1.0, 0.0);
    QCOMPARE(none.frames(), std::int64_t(0));
}

void TestAudioFile::decodeStartBeyondEndThrows()
{
    const std::string file = path("short.wav");
    writeAudio(file, makeSine(22050, 1, 1.0, 440.0, 0.5f));
    try {
        decodeAudio(file, 2.5, 1.0);
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QVERIFY(QString(e.what()).contains(QString::fromStdString(file)));
        QVERIFY2(QString::fromStdString(e.reason()).contains("beyond the end"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file, 1.0, 0.5)); // exactly at the end
    QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file, -1.0, 0.5));
}

void TestAudioFile::tagsWithSpecialCharacters()
{
    const std::string file = path("tags.flac");
    const AudioTags tags{"Déjà vu, \"live\"", "Ångström & Søn", "jazz"};
    writeAudio(file, makeSine(22050, 2, 0.5, 440.0, 0.3f), tags);
    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.title, tags.title);
    QCOMPARE(info.artist, tags.artist);
    QCOMPARE(info.genre, tags.genre);
}

void TestAudioFile::missingFile()
{
    const std::string file = path("does-not-exist.flac");
    try {
        probeAudio(file);
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QCOMPARE(e.path(), file);
        QCOMPARE(QString::fromStdString(e.reason()), QStringLiteral("file does not exist"));
        QCOMPARE(QString(e.what()), QString::fromStdString(file + ": file does not exist"));
    }
    QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file));
    QVERIFY_THROWS_EXCEPTION(AudioError, verifyAudio(file));
}

void TestAudioFile::emptyFile()
{
    const std::string file = path("empty.wav");
    { std::ofstream out(file); }
    try {
        probeAudio(file);
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QVERIFY(QString(e.what()).startsWith(QString::fromStdString(file)));
        QCOMPARE(QString::fromStdString(e.reason()), QStringLiteral("file is empty (0 bytes)"));
    }
}

void TestAudioFile::textFileNamedMp3()
{
    for (const char *name : {"notes.mp3", "notes.flac", "notes.wav"}) {
        const std::string file = path(name);
        {
            std::ofstream out(file);
            out << "This is a shopping list, not audio.\nMilk\nBread\n";
        }
        try {
            probeAudio(file);
            QFAIL(qPrintable(QString("expected AudioError for ") + name));
        } catch (const AudioError &e) {
            QVERIFY(QString(e.what()).contains(QString::fromStdString(file)));
            QVERIFY2(QString::fromStdString(e.reason()).startsWith("not a supported audio file ("), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file));
    }
}

void TestAudioFile::folderIsNotAFile()
{
    try {
        probeAudio(m_dir.path().toStdString());
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QVERIFY2(QString::fromStdString(e.reason()).contains("folder"), e.what());
    }
}

void TestAudioFile::truncatedWav()
{
    const std::string file = path("truncated.wav");
    writeAudio(file, makeSine(44100, 2, 2.0, 1000.0, 0.5f));
    fs::resize_file(file, fs::file_size(file) / 2);

    // The header still claims 2 s (libsndfile itself would quietly shorten the data chunk);
    // probing reports the header's claim, as for FLAC and MP3.
    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.frames, std::int64_t(88200));
    // What is there can be read...
    QCOMPARE(decodeAudio(file, 0.0, 0.5).frames(), std::int64_t(22050));
    // ...but reading the whole file reports the damage.
    try {
        decodeAudio(file);
        QFAIL("expected AudioError for the truncated WAV");
    } catch (const AudioError &e) {
        QVERIFY(QString(e.what()).contains(QString::fromStdString(file)));
        QVERIFY2(QString::fromStdString(e.reason()).startsWith("truncated or corrupt audio data at "), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file, 1.5, 0.2));
    try {
        verifyAudio(file);
        QFAIL("verifyAudio must reject the truncated WAV");
    } catch (const AudioError &e) {
        QVERIFY2(QString::fromStdString(e.reason()).startsWith("truncated or corrupt audio data at 1.000 s"), e.what());
    }
}

void TestAudioFile::corruptFlac()
{
    const std::string file = path("corrupt.flac");
    writeAudio(file, makeSine(44100, 2, 3.0, 1000.0, 0.5f));
    const auto size = fs::file_size(file);
    {
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(std::streamoff(size / 2));
        for (int i = 0; i < 4096; ++i)
            out.put(char((i * 7919) ^ 0x5a));
    }
    // The header (STREAMINFO) is intact, so probing works.
    QCOMPARE(probeAudio(file).frames, std::int64_t(3 * 44100));
    // libsndfile reports the lost sync through sf_error(); decodeAudio turns it into an error.
    try {
        decodeAudio(file);
        QFAIL("expected AudioError for the corrupt FLAC");
    } catch (const AudioError &e) {
        QVERIFY(QString(e.what()).contains(QString::fromStdString(file)));
        QVERIFY2(QString::fromStdString(e.reason()).startsWith("truncated or corrupt audio data at "), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(AudioError, verifyAudio(file));
    // The intact beginning still decodes.
    QCOMPARE(decodeAudio(file, 0.0, 0.5).frames(), std::int64_t(22050));
}

void TestAudioFile::truncatedFlac()
{
    const std::string file = path("truncated.flac");
    writeAudio(file, makeSine(44100, 1, 3.0, 1000.0, 0.5f));
    fs::resize_file(file, fs::file_size(file) / 2);
    try {
        decodeAudio(file);
        QFAIL("expected AudioError for the truncated FLAC");
    } catch (const AudioError &e) {
        QVERIFY2(QString::fromStdString(e.reason()).startsWith("truncated or corrupt audio data at "), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(AudioError, verifyAudio(file));
}

void TestAudioFile::decodeMp3()
{
    const std::string file = path("sine.mp3");
    const AudioBuffer sine = makeSine(44100, 2, 2.0, 1000.0, 0.5f);
    if (!writeWithSndfile(file, SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, sine))
        QSKIP("this libsndfile cannot encode MP3");
    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.sampleRate, 44100);
    QCOMPARE(info.channels, 2);
    QCOMPARE(QString::fromStdString(info.format), QStringLiteral("MPEG layer III"));
    QVERIFY2(qAbs(info.durationSeconds() - 2.0) < 0.06, qPrintable(QString::number(info.durationSeconds())));
    QCOMPARE(QString::fromStdString(info.title), QStringLiteral("Encoded Title"));

    const AudioBuffer whole = decodeAudio(file);
    QVERIFY(qAbs(whole.durationSeconds() - 2.0) < 0.06);
    const AudioBuffer part = decodeAudio(file, 0.5, 1.0);
    QCOMPARE(part.frames(), std::int64_t(44100));
    // libsndfile's own MPEG seek is not sample-accurate; decodeAudio must still be.
    QVERIFY(std::equal(part.samples.begin(), part.samples.end(), whole.samples.begin() + 22050 * 2));
    const AudioBuffer later = decodeAudio(file, 1.25, 0.5);
    QVERIFY(std::equal(later.samples.begin(), later.samples.end(), whole.samples.begin() + 55125 * 2));
    // Lossy coding noise adds zero crossings, so look at the spectrum instead.
    const std::vector<float> left = channel(part, 0);
    const double at1k = binMagnitude(left, 44100, 1000.0);
    QVERIFY2(qAbs(at1k - 0.25) < 0.02, qPrintable(QString::number(at1k)));
    QVERIFY(binMagnitude(left, 44100, 800.0) < 0.1 * at1k);
    QVERIFY(binMagnitude(left, 44100, 1200.0) < 0.1 * at1k);

    verifyAudio(file);

    // A truncated MP3 keeps the Xing header's promise; decoding to the end must fail.
    fs::resize_file(file, fs::file_size(file) / 2);
    QVERIFY_THROWS_EXCEPTION(AudioError, decodeAudio(file));
    QVERIFY_THROWS_EXCEPTION(AudioError, verifyAudio(file));
}

void TestAudioFile::decodeOpus()
{
    const std::string file = path("sine.opus");
    const AudioBuffer sine = makeSine(48000, 2, 2.0, 1000.0, 0.5f);
    if (!writeWithSndfile(file, SF_FORMAT_OGG | SF_FORMAT_OPUS, sine))
        QSKIP("this libsndfile cannot encode Opus");
    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.sampleRate, 48000);
    QCOMPARE(info.channels, 2);
    QCOMPARE(QString::fromStdString(info.format), QStringLiteral("OGG (Opus)"));
    QVERIFY(qAbs(info.durationSeconds() - 2.0) < 0.05);
    const AudioBuffer part = decodeAudio(file, 0.5, 1.0);
    QCOMPARE(part.frames(), std::int64_t(48000));
    const AudioBuffer whole = decodeAudio(file);
    QVERIFY(std::equal(part.samples.begin(), part.samples.end(), whole.samples.begin() + 24000 * 2));
    const std::vector<float> right = channel(part, 1);
    const double at1k = binMagnitude(right, 48000, 1000.0);
    QVERIFY2(qAbs(at1k - 0.25) < 0.02, qPrintable(QString::number(at1k)));
    QVERIFY(binMagnitude(right, 48000, 800.0) < 0.1 * at1k);
    QVERIFY(binMagnitude(right, 48000, 1200.0) < 0.1 * at1k);
}

void TestAudioFile::supportedExtensionsListed()
{
    const std::vector<std::string> &exts = supportedExtensions();
    for (const char *expected : {"wav", "flac", "ogg", "oga", "aiff", "mp3", "opus"})
        QVERIFY2(std::find(exts.begin(), exts.end(), expected) != exts.end(), expected);
    for (const std::string &ext : exts) {
        QVERIFY(!ext.empty());
        QVERIFY(ext.find('.') == std::string::npos);
        QCOMPARE(QString::fromStdString(ext), QString::fromStdString(ext).toLower());
    }
    QVERIFY(std::find(exts.begin(), exts.end(), "raw") == exts.end());
    QVERIFY(std::is_sorted(exts.begin(), exts.end()));
}

void TestAudioFile::writeRejectsUnknownExtension()
{
    const std::string file = path("out.xyz");
    try {
        writeAudio(file, makeSine(44100, 1, 0.1, 440.0, 0.5f));
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QVERIFY2(QString::fromStdString(e.reason()).contains(".xyz"), e.what());
    }
    QVERIFY(!fs::exists(file));
}

void TestAudioFile::writeFailureLeavesNoFile()
{
    const std::string file = path("no/such/folder/out.flac");
    QVERIFY_THROWS_EXCEPTION(AudioError, writeAudio(file, makeSine(44100, 1, 0.1, 440.0, 0.5f)));
    QVERIFY(!fs::exists(path("no")));

    // FLAC cannot hold 9 channels: rejected before anything is written.
    const std::string wide = path("wide.flac");
    QVERIFY_THROWS_EXCEPTION(AudioError, writeAudio(wide, makeSine(44100, 9, 0.1, 440.0, 0.5f)));
    QVERIFY(!fs::exists(wide));
    for (const auto &entry : fs::directory_iterator(m_dir.path().toStdString()))
        QVERIFY2(entry.path().string().find(".part") == std::string::npos, entry.path().c_str());
}

void TestAudioFile::writeRejectsEmptyBuffer()
{
    AudioBuffer empty;
    empty.sampleRate = 44100;
    empty.channels = 2;
    QVERIFY_THROWS_EXCEPTION(AudioError, writeAudio(path("empty-out.wav"), empty));
    AudioBuffer broken = makeSine(44100, 2, 0.1, 440.0, 0.5f);
    broken.samples.pop_back(); // not a whole number of frames
    QVERIFY_THROWS_EXCEPTION(AudioError, writeAudio(path("broken-out.wav"), broken));
    QVERIFY(!fs::exists(path("empty-out.wav")));
    QVERIFY(!fs::exists(path("broken-out.wav")));
}

void TestAudioFile::writeReplacesExistingFile()
{
    const std::string file = path("replace.wav");
    writeAudio(file, makeSine(44100, 1, 1.0, 440.0, 0.5f));
    writeAudio(file, makeSine(22050, 2, 0.5, 440.0, 0.5f));
    const AudioInfo info = probeAudio(file);
    QCOMPARE(info.sampleRate, 22050);
    QCOMPARE(info.channels, 2);
    QCOMPARE(info.frames, std::int64_t(11025));
}

void TestAudioFile::resampleKeepsFrequencyAndLength()
{
    const AudioBuffer in = makeSine(44100, 1, 1.0, 1000.0, 0.8f);
    for (const ResampleQuality quality : {ResampleQuality::Best, ResampleQuality::Medium, ResampleQuality::Fastest}) {
        const AudioBuffer out = convert(in, 16000, 1, quality);
        QCOMPARE(out.sampleRate, 16000);
        QCOMPARE(out.channels, 1);
        QVERIFY2(std::llabs(out.frames() - 16000) <= 2, qPrintable(QString::number(out.frames())));
        const std::vector<float> x = channel(out, 0);
        // Skip the filter's edges.
        const std::vector<float> middle(x.begin() + 1000, x.end() - 1000);
        QVERIFY(qAbs(zeroCrossingHz(middle, 16000) - 1000.0) < 1.0);
        const double at1k = binMagnitude(middle, 16000, 1000.0);
        QVERIFY2(qAbs(at1k - 0.4) < 0.02, qPrintable(QString::number(at1k)));
        QVERIFY(binMagnitude(middle, 16000, 1500.0) < 0.02);
        QVERIFY(binMagnitude(middle, 16000, 700.0) < 0.02);
    }
    // Upsampling doubles the length.
    const AudioBuffer up = convert(makeSine(22050, 2, 0.5, 440.0, 0.5f), 44100, 2);
    QVERIFY(std::llabs(up.frames() - 22050) <= 2);
    QVERIFY(qAbs(zeroCrossingHz(channel(up, 1), 44100) - 440.0) < 1.0);
}

void TestAudioFile::integerDecimationIsFlatAndRejectsAliases()
{
    // 44.1 -> 22.05 kHz (factor 2) and 48 -> 16 kHz (factor 3) take the decimator.
    const struct {
        int from, to;
        double inBand, nearEdge, alias;
    } cases[] = {{44100, 22050, 1000.0, 8000.0, 15000.0}, {48000, 16000, 1000.0, 6000.0, 11000.0}};
    for (const auto &c : cases) {
        for (double hz : {c.inBand, c.nearEdge}) {
            const AudioBuffer out = convert(makeSine(c.from, 2, 1.0, hz, 0.8f), c.to, 2, ResampleQuality::Medium);
            QCOMPARE(out.sampleRate, c.to);
            QCOMPARE(out.frames(), std::int64_t(c.to));
            for (int ch = 0; ch < 2; ++ch) {
                const std::vector<float> x = channel(out, ch);
                const std::vector<float> middle(x.begin() + 500, x.end() - 500);
                const double m = binMagnitude(middle, c.to, hz);
                QVERIFY2(qAbs(m - 0.4) < 0.005, qPrintable(QStringLiteral("%1 Hz at %2: %3").arg(hz).arg(c.to).arg(m)));
            }
        }
        // Above the new Nyquist: would fold to (to - alias); must be at least 60 dB down.
        const AudioBuffer out = convert(makeSine(c.from, 1, 1.0, c.alias, 0.8f), c.to, 1, ResampleQuality::Medium);
        const std::vector<float> x = channel(out, 0);
        const std::vector<float> middle(x.begin() + 500, x.end() - 500);
        const double folded = binMagnitude(middle, c.to, double(c.to) - c.alias);
        QVERIFY2(folded < 0.4e-3, qPrintable(QStringLiteral("alias of %1 Hz at %2: %3").arg(c.alias).arg(c.to).arg(folded)));
    }
}

void TestAudioFile::remixStereoToMonoAverages()
{
    AudioBuffer stereo;
    stereo.sampleRate = 8000;
    stereo.channels = 2;
    stereo.samples = {0.2f, 0.6f, -1.0f, 1.0f, 0.5f, 0.0f};
    const AudioBuffer mono = remixChannels(stereo, 1);
    QCOMPARE(mono.channels, 1);
    QCOMPARE(mono.sampleRate, 8000);
    QCOMPARE(mono.frames(), std::int64_t(3));
    QVERIFY(qAbs(mono.samples[0] - 0.4f) < 1e-6f);
    QVERIFY(qAbs(mono.samples[1] - 0.0f) < 1e-6f);
    QVERIFY(qAbs(mono.samples[2] - 0.25f) < 1e-6f);
}

void TestAudioFile::remixMonoToStereoDuplicates()
{
    AudioBuffer mono;
    mono.sampleRate = 8000;
    mono.channels = 1;
    mono.samples = {0.1f, -0.7f, 0.3f};
    const AudioBuffer stereo = remixChannels(mono, 2);
    QCOMPARE(stereo.channels, 2);
    QCOMPARE(stereo.frames(), std::int64_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(stereo.samples[std::size_t(2 * i)], mono.samples[std::size_t(i)]);
        QCOMPARE(stereo.samples[std::size_t(2 * i + 1)], mono.samples[std::size_t(i)]);
    }
    // More channels: the first ones are kept / duplicated.
    AudioBuffer quad = remixChannels(stereo, 4);
    QCOMPARE(quad.channels, 4);
    QCOMPARE(quad.samples[4], stereo.samples[2]);
    const AudioBuffer back = remixChannels(quad, 2);
    QCOMPARE(back.samples, stereo.samples);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, remixChannels(mono, 0));
}

void TestAudioFile::convertCombinedAndIdentity()
{
    const AudioBuffer in = makeSine(48000, 2, 0.5, 500.0, 0.5f);
    const AudioBuffer same = convert(in, 48000, 2);
    QCOMPARE(same.samples, in.samples);
    const AudioBuffer out = convert(in, 44100, 1, ResampleQuality::Fastest);
    QCOMPARE(out.sampleRate, 44100);
    QCOMPARE(out.channels, 1);
    QVERIFY(std::llabs(out.frames() - 22050) <= 2);
    QVERIFY(qAbs(zeroCrossingHz(channel(out, 0), 44100) - 500.0) < 1.0);
    const AudioBuffer widened = convert(makeSine(16000, 1, 0.5, 500.0, 0.5f), 32000, 2);
    QCOMPARE(widened.channels, 2);
    QVERIFY(std::llabs(widened.frames() - 16000) <= 2);
    QCOMPARE(channel(widened, 0), channel(widened, 1));
}

void TestAudioFile::convertRejectsBadRate()
{
    const AudioBuffer in = makeSine(44100, 1, 0.1, 440.0, 0.5f);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, convert(in, 0, 1));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, convert(in, 44100 * 300, 1)); // ratio beyond libsamplerate's range
}

void TestAudioFile::rmsOfKnownSine()
{
    const AudioBuffer full = makeSine(48000, 2, 1.0, 1000.0, 1.0f);
    QVERIFY2(qAbs(rmsDbfs(full) - (-3.0103)) < 0.01, qPrintable(QString::number(rmsDbfs(full))));
    const AudioBuffer half = makeSine(48000, 1, 1.0, 1000.0, 0.5f);
    QVERIFY(qAbs(rmsDbfs(half) - (-9.0309)) < 0.01);
}

void TestAudioFile::silenceAndPeak()
{
    AudioBuffer silence;
    silence.sampleRate = 44100;
    silence.channels = 1;
    silence.samples.assign(1000, 0.0f);
    QCOMPARE(rmsDbfs(silence), -120.0);
    QCOMPARE(rmsDbfs(AudioBuffer{}), -120.0);
    QCOMPARE(peakLevel(silence), 0.0f);
    QCOMPARE(normalizationGain(silence), 1.0f);
    silence.samples[500] = -0.75f;
    QCOMPARE(peakLevel(silence), 0.75f);
}

void TestAudioFile::normalizationReachesTarget()
{
    AudioBuffer quiet = makeSine(44100, 2, 1.0, 440.0, 0.05f); // about -29 dBFS
    const float gain = normalizationGain(quiet, -20.0);
    QVERIFY(gain > 1.0f);
    applyGain(quiet, gain);
    QVERIFY2(qAbs(rmsDbfs(quiet) - (-20.0)) < 0.1, qPrintable(QString::number(rmsDbfs(quiet))));

    AudioBuffer loud = makeSine(44100, 1, 1.0, 440.0, 0.9f);
    applyGain(loud, normalizationGain(loud, -20.0));
    QVERIFY(qAbs(rmsDbfs(loud) - (-20.0)) < 0.1);
}

void TestAudioFile::normalizationIsPeakLimited()
{
    // A quiet sine with one loud click: reaching -10 dBFS RMS would push the click over the ceiling.
    AudioBuffer buffer = makeSine(44100, 1, 1.0, 440.0, 0.1f);
    buffer.samples[1234] = 0.5f;
    const float gain = normalizationGain(buffer, -10.0, 0.98f);
    applyGain(buffer, gain);
    QVERIFY(peakLevel(buffer) <= 0.98f + 1e-6f);
    QVERIFY(qAbs(peakLevel(buffer) - 0.98f) < 1e-4f);
    QVERIFY(rmsDbfs(buffer) < -10.5);
}

void TestAudioFile::normalizationBoostIsCapped()
{
    const AudioBuffer faint = makeSine(44100, 1, 1.0, 440.0, 0.001f); // about -63 dBFS
    const float gain = normalizationGain(faint, -20.0);
    QVERIFY(qAbs(20.0 * std::log10(gain) - 24.0) < 1e-3);
}

void TestAudioFile::fadesStartAndEndAtZero()
{
    AudioBuffer buffer;
    buffer.sampleRate = 1000;
    buffer.channels = 2;
    buffer.samples.assign(2 * 1000, 0.5f);
    applyFades(buffer, 100.0); // 100 frames each side
    QCOMPARE(buffer.samples[0], 0.0f);
    QCOMPARE(buffer.samples[1], 0.0f);
    QCOMPARE(buffer.samples[buffer.samples.size() - 1], 0.0f);
    QCOMPARE(buffer.samples[buffer.samples.size() - 2], 0.0f);
    QCOMPARE(buffer.samples[2 * 500], 0.5f); // untouched middle
    QCOMPARE(buffer.samples[2 * 100], 0.5f);
    for (int i = 1; i < 100; ++i) {
        QVERIFY(buffer.samples[std::size_t(2 * i)] >= buffer.samples[std::size_t(2 * (i - 1))]);
        QVERIFY(buffer.samples[std::size_t(2 * i)] < 0.5f);
    }
    QVERIFY(qAbs(buffer.samples[2 * 50] - 0.25f) < 0.01f); // raised cosine is half-way at the middle

    // Fades longer than half the buffer are shortened so they never overlap.
    AudioBuffer shortBuffer;
    shortBuffer.sampleRate = 1000;
    shortBuffer.channels = 1;
    shortBuffer.samples.assign(10, 1.0f);
    applyFades(shortBuffer, 1000.0);
    QCOMPARE(shortBuffer.samples.front(), 0.0f);
    QCOMPARE(shortBuffer.samples.back(), 0.0f);
    QVERIFY(shortBuffer.samples[4] > 0.5f);
}

QTEST_GUILESS_MAIN(TestAudioFile)
#include "tst_audiofile.moc"
