// Tests for the built-in demo library synthesizer. QtTest is only the runner.

#include "audio/audiofile.h"
#include "audio/demolibrary.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <complex>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

using namespace tastelab::audio;
namespace fs = std::filesystem;

namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<std::vector<std::string>> readCsv(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

void fft(std::vector<std::complex<double>> &a)
{
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const std::complex<double> wl = std::polar(1.0, -2.0 * kPi / double(len));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> w = 1.0;
            for (std::size_t j = 0; j < len / 2; ++j) {
                const std::complex<double> u = a[i + j];
                const std::complex<double> v = a[i + j + len / 2] * w;
                a[i + j] = u + v;
                a[i + j + len / 2] = u - v;
                w *= wl;
            }
        }
    }
}

/// Simple signal descriptors of a whole track (mono mix).
struct Descriptors {
    double rmsDb = 0;      ///< overall level
    double crestDb = 0;    ///< peak-to-RMS: compressed vs dynamic
    double subDb = 0;      ///< share of energy below 90 Hz (kick/sub bass)
    double brightDb = 0;   ///< share of energy above 2 kHz (cymbals, distortion, pulse waves)
    double zcr = 0;        ///< zero crossings per second
    double onsetRate = 0;  ///< clear energy rises per second: rhythmic activity
    double pulseBpm = 0;   ///< strongest periodicity of the onset envelope, 60-200 BPM
    double pulseClarity = 0; ///< its normalised autocorrelation: 1 = perfectly regular beat
};

Descriptors describe(const AudioBuffer &buffer)
{
    const int rate = buffer.sampleRate;
    const std::int64_t frames = buffer.frames();
    std::vector<float> mono(static_cast<std::size_t>(frames));
    for (std::int64_t i = 0; i < frames; ++i)
        mono[std::size_t(i)] = 0.5f * (buffer.samples[std::size_t(2 * i)] + buffer.samples[std::size_t(2 * i + 1)]);

    Descriptors d;
    double sum = 0.0, peak = 0.0;
    std::int64_t crossings = 0;
    for (std::size_t i = 0; i < mono.size(); ++i) {
        sum += double(mono[i]) * mono[i];
        peak = std::max(peak, double(std::fabs(mono[i])));
        if (i > 0 && (mono[i] >= 0.0f) != (mono[i - 1] >= 0.0f))
            ++crossings;
    }
    const double rms = std::sqrt(sum / double(mono.size()));
    d.rmsDb = 20.0 * std::log10(rms + 1e-12);
    d.crestDb = 20.0 * std::log10(peak / (rms + 1e-12));
    d.zcr = double(crossings) * rate / double(mono.size());

    const std::size_t n = 2048;
    double total = 0.0, sub = 0.0, bright = 0.0;
    for (std::size_t start = 0; start + n <= mono.size(); start += n) {
        std::vector<std::complex<double>> a(n);
        for (std::size_t j = 0; j < n; ++j)
            a[j] = double(mono[start + j]) * (0.5 - 0.5 * std::cos(2.0 * kPi * double(j) / double(n)));
        fft(a);
        for (std::size_t k = 1; k < n / 2; ++k) {
            const double hz = double(k) * rate / double(n);
            const double p = std::norm(a[k]);
            total += p;
            if (hz < 90.0)
                sub += p;
            if (hz > 2000.0)
                bright += p;
        }
    }
    d.subDb = 10.0 * std::log10(sub / total + 1e-12);
    d.brightDb = 10.0 * std::log10(bright / total + 1e-12);

    // Two envelopes, both 20 ms energy every 10 ms in dB, floored 30 dB below their signal's RMS
    // so that fades and near-silence do not count: one of the signal (for the pulse) and one of
    // its first difference (a high-pass: transients count, the beating of low notes does not) for
    // the onsets. An onset is a rise of more than 4 dB over the previous 30 ms (local maximum, at
    // most one per 80 ms).
    std::vector<float> diff(mono.size(), 0.0f);
    for (std::size_t i = 1; i < mono.size(); ++i)
        diff[i] = mono[i] - mono[i - 1];
    const std::size_t hop = std::size_t(rate / 100);
    auto envelope = [hop](const std::vector<float> &x) {
        double sum = 0.0;
        for (const float v : x)
            sum += double(v) * v;
        const double floorDb = 10.0 * std::log10(sum / double(x.size()) + 1e-20) - 30.0;
        const std::size_t window = 2 * hop;
        std::vector<double> level;
        for (std::size_t s = 0; s + window <= x.size(); s += hop) {
            double e = 0.0;
            for (std::size_t j = 0; j < window; ++j)
                e += double(x[s + j]) * x[s + j];
            level.push_back(std::max(floorDb, 10.0 * std::log10(e / double(window) + 1e-20)));
        }
        std::vector<double> rise(level.size(), 0.0);
        for (std::size_t i = 3; i < level.size(); ++i)
            rise[i] = std::max(0.0, level[i] - std::min({level[i - 1], level[i - 2], level[i - 3]}));
        return rise;
    };

    const std::vector<double> transients = envelope(diff);
    int onsets = 0;
    std::int64_t last = -100;
    for (std::size_t i = 1; i + 1 < transients.size(); ++i) {
        if (transients[i] > 4.0 && transients[i] >= transients[i - 1] && transients[i] >= transients[i + 1]
            && std::int64_t(i) - last >= 8) {
            ++onsets;
            last = std::int64_t(i);
        }
    }
    d.onsetRate = onsets / (double(transients.size()) / 100.0);

    // Pulse: the strongest normalised autocorrelation of the signal's envelope, 60 to 200 BPM.
    std::vector<double> rise = envelope(mono);
    double mean = 0.0;
    for (const double r : rise)
        mean += r;
    mean /= double(rise.size());
    double variance = 0.0;
    for (double &r : rise) {
        r -= mean;
        variance += r * r;
    }
    variance /= double(rise.size());
    d.pulseClarity = -1.0;
    for (double bpm = 60.0; bpm <= 200.0; bpm += 0.5) {
        const double lag = 6000.0 / bpm; // in 10 ms hops
        const std::size_t whole = std::size_t(lag);
        const double frac = lag - double(whole);
        double ac = 0.0;
        std::size_t terms = 0;
        for (std::size_t i = 0; i + whole + 1 < rise.size(); ++i, ++terms)
            ac += rise[i] * (rise[i + whole] * (1.0 - frac) + rise[i + whole + 1] * frac);
        ac /= double(std::max<std::size_t>(terms, 1)) * (variance + 1e-12);
        if (ac > d.pulseClarity) {
            d.pulseClarity = ac;
            d.pulseBpm = bpm;
        }
    }
    return d;
}

bool samePcm(const std::string &a, const std::string &b)
{
    const AudioBuffer x = decodeAudio(a);
    const AudioBuffer y = decodeAudio(b);
    return x.sampleRate == y.sampleRate && x.channels == y.channels && x.samples == y.samples;
}

} // namespace

class TestDemoLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void styles();
    void manifestMatchesFiles();
    void filesProbeWithTags();
    void levelsAreSensible();
    void deterministic();
    void tracksWithinStyleDiffer();
    void stylesAreMeasurablyDifferent();
    void progressAndCancel();
    void unwritableFolderThrows();
    void defaultLibraryTiming();

private:
    QTemporaryDir m_dir;
    std::string m_library;
    DemoLibraryOptions m_options;
    std::vector<DemoTrack> m_tracks;
};

void TestDemoLibrary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_library = (m_dir.path() + "/library").toStdString();
    m_options.tracksPerStyle = 2;
    m_options.minDurationSeconds = 5;
    m_options.maxDurationSeconds = 8;
    m_options.sampleRate = 22050;
    m_options.seed = 424242;
    // Another seed can be tried without recompiling, e.g. when changing the synthesizer.
    if (const QByteArray seed = qgetenv("TASTELAB_DEMO_SEED"); !seed.isEmpty())
        m_options.seed = seed.toULongLong();
    QElapsedTimer timer;
    timer.start();
    m_tracks = generateDemoLibrary(m_library, m_options);
    qInfo("small library (%d tracks) generated in %lld ms", int(m_tracks.size()), timer.elapsed());
    QCOMPARE(int(m_tracks.size()), int(demoStyles().size()) * m_options.tracksPerStyle);
}

void TestDemoLibrary::styles()
{
    const std::vector<std::string> &names = demoStyles();
    QVERIFY(names.size() >= 5);
    std::set<std::string> unique(names.begin(), names.end());
    QCOMPARE(unique.size(), names.size());
    for (const std::string &name : names) {
        QVERIFY(!name.empty());
        for (const char c : name)
            QVERIFY2((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), name.c_str());
        QVERIFY(fs::is_directory(fs::path(m_library) / name));
    }
}

void TestDemoLibrary::manifestMatchesFiles()
{
    const std::vector<std::vector<std::string>> rows = readCsv(m_library + "/manifest.csv");
    QVERIFY(!rows.empty());
    QCOMPARE(rows.front(), (std::vector<std::string>{"path", "genre", "title", "artist"}));
    QCOMPARE(rows.size() - 1, m_tracks.size());

    std::map<std::string, int> perStyle;
    std::set<std::string> paths;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> &row = rows[i];
        QCOMPARE(row.size(), std::size_t(4));
        const DemoTrack &track = m_tracks[i - 1];
        QCOMPARE(row[0], track.relativePath);
        QCOMPARE(row[1], track.genre);
        QCOMPARE(row[2], track.title);
        QCOMPARE(row[3], track.artist);
        QVERIFY(!track.title.empty());
        QVERIFY(!track.artist.empty());
        // <style>/<style>-NN.flac
        const fs::path rel(row[0]);
        QCOMPARE(rel.parent_path().string(), row[1]);
        const std::string stem = rel.stem().string();
        QCOMPARE(stem.substr(0, row[1].size() + 1), row[1] + "-");
        QCOMPARE(stem.size(), row[1].size() + 3);
        QCOMPARE(rel.extension().string(), std::string(".flac"));
        QVERIFY2(fs::is_regular_file(fs::path(m_library) / rel), row[0].c_str());
        QVERIFY(paths.insert(row[0]).second);
        ++perStyle[row[1]];
    }
    QCOMPARE(perStyle.size(), demoStyles().size());
    for (const auto &entry : perStyle)
        QCOMPARE(entry.second, m_options.tracksPerStyle);

    // No stray files: exactly the manifest's tracks are on disk.
    int files = 0;
    for (const auto &entry : fs::recursive_directory_iterator(m_library))
        if (entry.is_regular_file() && entry.path().extension() == ".flac")
            ++files;
    QCOMPARE(files, int(m_tracks.size()));
}

void TestDemoLibrary::filesProbeWithTags()
{
    for (const DemoTrack &track : m_tracks) {
        const AudioInfo info = probeAudio(m_library + "/" + track.relativePath);
        QCOMPARE(info.sampleRate, 22050);
        QCOMPARE(info.channels, 2);
        QCOMPARE(QString::fromStdString(info.format), QStringLiteral("FLAC"));
        QVERIFY2(info.durationSeconds() >= 5.0 - 1e-6 && info.durationSeconds() <= 8.0 + 1e-6,
                 qPrintable(QString::number(info.durationSeconds())));
        QVERIFY(qAbs(info.durationSeconds() - track.durationSeconds) < 1.0 / 22050.0);
        QCOMPARE(info.title, track.title);
        QCOMPARE(info.artist, track.artist);
        QCOMPARE(info.genre, track.genre);
    }
}

void TestDemoLibrary::levelsAreSensible()
{
    for (const DemoTrack &track : m_tracks) {
        const AudioBuffer audio = decodeAudio(m_library + "/" + track.relativePath);
        float peak = 0.0f;
        double sum = 0.0;
        double mean[2] = {0.0, 0.0};
        for (std::size_t i = 0; i < audio.samples.size(); ++i) {
            peak = std::max(peak, std::fabs(audio.samples[i]));
            sum += double(audio.samples[i]) * audio.samples[i];
            mean[i % 2] += audio.samples[i];
        }
        const double rmsDb = 10.0 * std::log10(sum / double(audio.samples.size()));
        QVERIFY2(peak < 0.95f && peak > 0.25f, qPrintable(QString("%1 peak %2").arg(track.relativePath.c_str()).arg(peak)));
        QVERIFY2(rmsDb > -40.0, qPrintable(QString("%1 rms %2").arg(track.relativePath.c_str()).arg(rmsDb)));
        for (const double m : mean)
            QVERIFY2(std::fabs(m / double(audio.frames())) < 0.005,
                     qPrintable(QString("%1 DC offset %2").arg(track.relativePath.c_str()).arg(m / double(audio.frames()))));
        // Starts and ends quietly (fades), so cutting into the library never clicks.
        QVERIFY(std::fabs(audio.samples.front()) < 0.01f);
        QVERIFY(std::fabs(audio.samples.back()) < 0.01f);
    }
}

void TestDemoLibrary::deterministic()
{
    const std::string again = (m_dir.path() + "/again").toStdString();
    const std::vector<DemoTrack> tracks = generateDemoLibrary(again, m_options);
    QCOMPARE(tracks.size(), m_tracks.size());
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        QCOMPARE(tracks[i].relativePath, m_tracks[i].relativePath);
        QCOMPARE(tracks[i].title, m_tracks[i].title);
        QCOMPARE(tracks[i].artist, m_tracks[i].artist);
        QCOMPARE(tracks[i].durationSeconds, m_tracks[i].durationSeconds);
        QVERIFY2(samePcm(m_library + "/" + m_tracks[i].relativePath, again + "/" + tracks[i].relativePath),
                 tracks[i].relativePath.c_str());
    }

    // Another seed gives another library.
    DemoLibraryOptions other = m_options;
    other.seed = m_options.seed + 1;
    other.tracksPerStyle = 1;
    const std::string different = (m_dir.path() + "/different").toStdString();
    const std::vector<DemoTrack> otherTracks = generateDemoLibrary(different, other);
    int differing = 0;
    for (const DemoTrack &track : otherTracks)
        if (!samePcm(m_library + "/" + track.relativePath, different + "/" + track.relativePath))
            ++differing;
    QCOMPARE(differing, int(otherTracks.size()));
}

void TestDemoLibrary::tracksWithinStyleDiffer()
{
    std::map<std::string, std::vector<const DemoTrack *>> byStyle;
    for (const DemoTrack &track : m_tracks)
        byStyle[track.genre].push_back(&track);
    for (const auto &entry : byStyle) {
        QCOMPARE(int(entry.second.size()), 2);
        const DemoTrack &a = *entry.second[0];
        const DemoTrack &b = *entry.second[1];
        QVERIFY(a.title != b.title);
        const AudioBuffer x = decodeAudio(m_library + "/" + a.relativePath, 1.0, 3.0);
        const AudioBuffer y = decodeAudio(m_library + "/" + b.relativePath, 1.0, 3.0);
        double diff = 0.0, energy = 0.0;
        for (std::size_t i = 0; i < x.samples.size(); ++i) {
            diff += std::fabs(x.samples[i] - y.samples[i]);
            energy += std::fabs(x.samples[i]);
        }
        QVERIFY2(diff > 0.3 * energy, entry.first.c_str());
    }
}

void TestDemoLibrary::stylesAreMeasurablyDifferent()
{
    std::map<std::string, std::vector<Descriptors>> perStyle;
    for (const DemoTrack &track : m_tracks)
        perStyle[track.genre].push_back(describe(decodeAudio(m_library + "/" + track.relativePath)));

    std::map<std::string, Descriptors> mean;
    for (const auto &entry : perStyle) {
        Descriptors m;
        for (const Descriptors &d : entry.second) {
            m.rmsDb += d.rmsDb;
            m.crestDb += d.crestDb;
            m.subDb += d.subDb;
            m.brightDb += d.brightDb;
            m.zcr += d.zcr;
            m.onsetRate += d.onsetRate;
            m.pulseBpm += d.pulseBpm;
            m.pulseClarity += d.pulseClarity;
        }
        const double n = double(entry.second.size());
        m.rmsDb /= n;
        m.crestDb /= n;
        m.subDb /= n;
        m.brightDb /= n;
        m.zcr /= n;
        m.onsetRate /= n;
        m.pulseBpm /= n;
        m.pulseClarity /= n;
        mean[entry.first] = m;
        qInfo("%-10s rms %6.1f dB  crest %5.1f dB  sub %6.1f dB  bright %6.1f dB  zcr %6.0f/s  onsets %4.1f/s  "
              "pulse %5.1f bpm (clarity %.2f)",
              entry.first.c_str(), m.rmsDb, m.crestDb, m.subDb, m.brightDb, m.zcr, m.onsetRate, m.pulseBpm,
              m.pulseClarity);
    }

    // Every pair of styles must differ clearly in at least one descriptor.
    for (auto a = mean.begin(); a != mean.end(); ++a) {
        for (auto b = std::next(a); b != mean.end(); ++b) {
            const Descriptors &x = a->second;
            const Descriptors &y = b->second;
            QStringList differences;
            if (std::fabs(x.rmsDb - y.rmsDb) > 4.0)
                differences << "level";
            if (std::fabs(x.crestDb - y.crestDb) > 3.0)
                differences << "crest";
            if (std::fabs(x.subDb - y.subDb) > 6.0)
                differences << "sub";
            if (std::fabs(x.brightDb - y.brightDb) > 6.0)
                differences << "brightness";
            if (std::max(x.zcr, y.zcr) > 1.6 * std::min(x.zcr, y.zcr))
                differences << "zcr";
            if (std::max(x.onsetRate, y.onsetRate) > 1.6 * std::min(x.onsetRate, y.onsetRate) + 0.2)
                differences << "onsets";
            qInfo("%s vs %s: %s", a->first.c_str(), b->first.c_str(), qPrintable(differences.join(", ")));
            QVERIFY2(!differences.isEmpty(),
                     qPrintable(QString("%1 and %2 are not measurably different").arg(a->first.c_str(), b->first.c_str())));
        }
    }

    // A few properties every listener would expect.
    for (const auto &entry : mean) {
        if (entry.first == "ambient")
            continue;
        QVERIFY2(mean["ambient"].rmsDb < entry.second.rmsDb - 4.0, "ambient must be the quietest style");
        QVERIFY2(mean["ambient"].onsetRate < entry.second.onsetRate, "ambient must have the fewest onsets");
    }
    QVERIFY2(mean["rock"].crestDb < mean["jazz"].crestDb - 3.0, "rock must be more compressed than jazz");
    // Four on the floor: techno has the most regular pulse, at its tempo (or half of it).
    for (const Descriptors &d : perStyle["techno"]) {
        const bool atTempo = (d.pulseBpm >= 123.0 && d.pulseBpm <= 131.0) || (d.pulseBpm >= 61.5 && d.pulseBpm <= 65.5);
        QVERIFY2(atTempo, qPrintable(QString("techno pulse at %1 BPM").arg(d.pulseBpm)));
    }
    for (const auto &entry : mean)
        if (entry.first != "techno")
            QVERIFY2(mean["techno"].pulseClarity > entry.second.pulseClarity, entry.first.c_str());
}

void TestDemoLibrary::progressAndCancel()
{
    DemoLibraryOptions options;
    options.tracksPerStyle = 4;
    options.minDurationSeconds = 1;
    options.maxDurationSeconds = 1.5;
    options.sampleRate = 8000;

    const int total = int(demoStyles().size()) * options.tracksPerStyle;
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<int> seen;
    bool otherThread = false;
    const std::string full = (m_dir.path() + "/progress").toStdString();
    const auto tracks = generateDemoLibrary(full, options, [&](int done, int all) {
        seen.push_back(done);
        otherThread = otherThread || std::this_thread::get_id() != caller || all != total;
        return true;
    });
    QVERIFY(!otherThread);
    QCOMPARE(int(tracks.size()), total);
    QCOMPARE(int(seen.size()), total);
    for (int i = 0; i < total; ++i)
        QCOMPARE(seen[std::size_t(i)], i + 1);
    QVERIFY(fs::exists(full + "/manifest.csv"));

    const std::string cancelled = (m_dir.path() + "/cancelled").toStdString();
    int calls = 0;
    const auto partial = generateDemoLibrary(cancelled, options, [&](int, int) { return ++calls < 1; });
    QCOMPARE(calls, 1);
    QVERIFY(int(partial.size()) >= 1);
    QVERIFY(int(partial.size()) < total);
    QVERIFY(!fs::exists(cancelled + "/manifest.csv"));
    int files = 0;
    for (const auto &entry : fs::recursive_directory_iterator(cancelled))
        if (entry.is_regular_file())
            ++files;
    QCOMPARE(files, int(partial.size())); // what was written stays, nothing half-written
    for (const DemoTrack &track : partial)
        QVERIFY(fs::is_regular_file(cancelled + "/" + track.relativePath));
}

void TestDemoLibrary::unwritableFolderThrows()
{
    const std::string blocker = (m_dir.path() + "/blocker").toStdString();
    { std::ofstream out(blocker); out << "a file, not a folder"; }
    DemoLibraryOptions options;
    options.tracksPerStyle = 1;
    options.minDurationSeconds = options.maxDurationSeconds = 1;
    try {
        generateDemoLibrary(blocker + "/library", options);
        QFAIL("expected AudioError");
    } catch (const AudioError &e) {
        QVERIFY2(QString(e.what()).contains(QString::fromStdString(blocker)), e.what());
    }
}

void TestDemoLibrary::defaultLibraryTiming()
{
    if (qEnvironmentVariableIsEmpty("TASTELAB_DEMO_TIMING"))
        QSKIP("set TASTELAB_DEMO_TIMING=1 to time the default library (6 styles x 12 tracks x 30-60 s)");
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const std::vector<DemoTrack> tracks = generateDemoLibrary(dir.path().toStdString());
    double seconds = 0.0;
    for (const DemoTrack &track : tracks)
        seconds += track.durationSeconds;
    qInfo("default library: %d tracks, %.0f s of audio in %.1f s (%u hardware threads)", int(tracks.size()), seconds,
          double(timer.elapsed()) / 1000.0, std::thread::hardware_concurrency());
    QCOMPARE(int(tracks.size()), int(demoStyles().size()) * 12);
}

QTEST_GUILESS_MAIN(TestDemoLibrary)
#include "tst_demolibrary.moc"
