// Tests for the built-in feature encoder. QtTest is only the runner; the encoder has no Qt.
// TASTELAB_ENCODER_TIMING=1 also runs timing(), which prints clips per second.

#include "embed/builtinencoder.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <map>
#include <set>
#include <thread>

using namespace tastelab;
using namespace tastelab::embed;

namespace {

constexpr int kRate = 22050;
constexpr double kPi = 3.14159265358979323846;

// Offsets of the statistics inside a scalar group ("centroid", "rms", ...).
constexpr int kMean = 0;
constexpr int kStd = 1;
constexpr int kP10 = 2;
constexpr int kP50 = 3;
constexpr int kP90 = 4;
constexpr int kRange = 5; // "rms" only

audio::AudioBuffer mono(std::vector<float> samples)
{
    audio::AudioBuffer b;
    b.sampleRate = kRate;
    b.channels = 1;
    b.samples = std::move(samples);
    return b;
}

audio::AudioBuffer sine(double hz, double seconds, double amplitude = 0.5)
{
    std::vector<float> s(std::size_t(seconds * kRate));
    for (std::size_t i = 0; i < s.size(); ++i)
        s[i] = float(amplitude * std::sin(2.0 * kPi * hz * double(i) / kRate));
    return mono(std::move(s));
}

/// Uniform white noise from a fixed LCG.
audio::AudioBuffer noise(double seconds, double amplitude = 0.5, std::uint32_t seed = 1)
{
    std::vector<float> s(std::size_t(seconds * kRate));
    for (float &v : s) {
        seed = seed * 1664525u + 1013904223u;
        v = float(amplitude * (double(seed >> 8) / double(1u << 24) * 2.0 - 1.0));
    }
    return mono(std::move(s));
}

/// 10 ms noise bursts with an exponential decay, one per beat, over a faint noise floor.
audio::AudioBuffer clickTrack(double bpm, double seconds)
{
    audio::AudioBuffer b = noise(seconds, 0.001, 7);
    const auto burst = std::size_t(0.01 * kRate);
    std::uint32_t seed = 99;
    for (double t = 0.05; t < seconds; t += 60.0 / bpm) {
        const auto start = std::size_t(t * kRate);
        for (std::size_t i = 0; i < burst && start + i < b.samples.size(); ++i) {
            seed = seed * 1664525u + 1013904223u;
            const double n = double(seed >> 8) / double(1u << 24) * 2.0 - 1.0;
            b.samples[start + i] += float(0.8 * n * std::exp(-double(i) / (0.002 * kRate)));
        }
    }
    return b;
}

audio::AudioBuffer scaled(audio::AudioBuffer b, float gain)
{
    for (float &v : b.samples)
        v *= gain;
    return b;
}

/// Where each group starts in the vector.
std::map<std::string, int> groupOffsets()
{
    std::map<std::string, int> offsets;
    int at = 0;
    for (const auto &[name, size] : builtinFeatureGroups()) {
        offsets[name] = at;
        at += size;
    }
    return offsets;
}

float value(const std::vector<float> &v, const std::string &group, int index = 0)
{
    static const std::map<std::string, int> offsets = groupOffsets();
    const auto it = offsets.find(group);
    if (it == offsets.end())
        qFatal("no feature group %s", group.c_str());
    return v.at(std::size_t(it->second + index));
}

/// Largest difference, relative for values above 1 in magnitude.
double maxDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return INFINITY;
    double worst = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double scale = std::max(1.0, std::fabs(double(a[i])));
        worst = std::max(worst, std::fabs(double(a[i]) - double(b[i])) / scale);
    }
    return worst;
}

bool allFinite(const std::vector<float> &v)
{
    return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
}

} // namespace

class TestBuiltinEncoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void infoAndLayout();
    void chromaPeak_data();
    void chromaPeak();
    void flatnessOfNoiseAndSine();
    void tempoOfClickTrack_data();
    void tempoOfClickTrack();
    void rmsFollowsLevel();
    void deterministic();
    void silenceAndShortClipsAreFinite();
    void mixedLengthsInOneBatch();
    void longClip();
    void rejectsWrongFormat();
    void cudaNeedsAGpu();
    void pinnedValues();
    void timing();

private:
    std::vector<float> embedOne(const audio::AudioBuffer &clip)
    {
        auto out = m_encoder->embed({clip});
        if (out.size() != 1)
            qFatal("embed returned %zu vectors for one clip", out.size());
        return out.front();
    }

    std::unique_ptr<Encoder> m_encoder;
};

void TestBuiltinEncoder::initTestCase()
{
    m_encoder = makeBuiltinEncoder();
    QVERIFY(m_encoder);
    QCOMPARE(m_encoder->device(), Device::Cpu);
}

void TestBuiltinEncoder::infoAndLayout()
{
    const EncoderInfo &info = m_encoder->info();
    QCOMPARE(info.name, std::string("builtin-features"));
    QCOMPARE(info.version, std::string("1"));
    QVERIFY(info.builtin);
    QCOMPARE(info.licence, std::string("n/a"));
    QCOMPARE(info.sampleRate, 22050);
    QCOMPARE(info.channels, 1);
    QCOMPARE(info.windowSamples, std::int64_t(2048));
    QCOMPARE(info.hopSamples, std::int64_t(512));
    QCOMPARE(info.pooling, std::string("stats"));
    QVERIFY(!info.contentHash.empty());
    QVERIFY(info.path.empty());

    const auto groups = builtinFeatureGroups();
    std::set<std::string> names;
    int total = 0;
    for (const auto &[name, size] : groups) {
        QVERIFY2(size > 0, name.c_str());
        QVERIFY2(names.insert(name).second, ("duplicate group " + name).c_str());
        total += size;
    }
    QCOMPARE(total, info.embeddingSize);
    for (const char *expected : {"logmel_mean", "mfcc_mean", "mfcc_delta_std", "chroma_mean",
                                 "contrast_mean", "centroid", "bandwidth", "rolloff", "flatness",
                                 "zcr", "onset", "tempo", "rms"})
        QVERIFY2(names.count(expected), expected);

    const auto v = embedOne(noise(2.0));
    QCOMPARE(int(v.size()), info.embeddingSize);
    QVERIFY(allFinite(v));
}

void TestBuiltinEncoder::chromaPeak_data()
{
    QTest::addColumn<double>("hz");
    QTest::addColumn<int>("pitchClass"); // C = 0
    QTest::newRow("A4") << 440.0 << 9;
    QTest::newRow("C4") << 261.63 << 0;
    QTest::newRow("E5") << 659.26 << 4;
    QTest::newRow("F#3") << 185.0 << 6;
}

void TestBuiltinEncoder::chromaPeak()
{
    QFETCH(double, hz);
    QFETCH(int, pitchClass);
    const auto v = embedOne(sine(hz, 3.0));
    int best = 0;
    for (int c = 1; c < 12; ++c) {
        if (value(v, "chroma_mean", c) > value(v, "chroma_mean", best))
            best = c;
    }
    QCOMPARE(best, pitchClass);
    QVERIFY(value(v, "chroma_mean", pitchClass) > 0.9f);
    // A pure tone: the neighbouring semitones are well below the peak.
    QVERIFY(value(v, "chroma_mean", (pitchClass + 1) % 12) < 0.6f);
    QVERIFY(value(v, "chroma_mean", (pitchClass + 11) % 12) < 0.6f);
}

void TestBuiltinEncoder::flatnessOfNoiseAndSine()
{
    const auto n = embedOne(noise(5.0));
    const auto s = embedOne(sine(1000.0, 5.0));
    const float noiseFlatness = value(n, "flatness", kP50);
    const float sineFlatness = value(s, "flatness", kP50);
    qInfo("median flatness: noise %.4f, sine %.6f", double(noiseFlatness), double(sineFlatness));
    QVERIFY(noiseFlatness > 0.4f);
    QVERIFY(sineFlatness < 0.01f);
    QVERIFY(value(n, "flatness", kMean) > 50.0f * value(s, "flatness", kMean));
    // Low-passed noise (one pole at ~180 Hz) is flat only in its lowest octave, not overall.
    auto dull = noise(5.0);
    float state = 0.0f;
    for (float &x : dull.samples)
        x = state = 0.95f * state + 0.05f * x;
    const float dullFlatness = value(embedOne(dull), "flatness", kP50);
    qInfo("median flatness of low-passed noise: %.4f", double(dullFlatness));
    QVERIFY(dullFlatness < 0.25f * noiseFlatness);

    // Other spectral-shape checks on the same clips: the sine's centroid and rolloff sit at
    // 1 kHz with a narrow band; noise spreads up to Nyquist (values in kHz).
    QVERIFY(std::fabs(value(s, "centroid", kP50) - 1.0f) < 0.05f);
    QVERIFY(std::fabs(value(s, "rolloff", kP50) - 1.0f) < 0.05f);
    QVERIFY(value(s, "bandwidth", kP50) < 0.1f);
    QVERIFY(std::fabs(value(n, "centroid", kP50) - 5.5f) < 0.3f);
    QVERIFY(value(n, "rolloff", kP50) > 9.0f);
    // Zero crossings: a 1 kHz sine crosses 2000 times a second.
    QVERIFY(std::fabs(value(s, "zcr", kP50) - 2000.0f / kRate) < 0.005f);
    QVERIFY(value(n, "zcr", kP50) > 0.4f);
    // Contrast: a tone is far peakier than noise in its band (1 kHz is in band 3, 800-1600 Hz).
    QVERIFY(value(s, "contrast_mean", 3) > value(n, "contrast_mean", 3) + 20.0f);
}

void TestBuiltinEncoder::tempoOfClickTrack_data()
{
    QTest::addColumn<double>("bpm");
    // Up to ~165 BPM. Faster click tracks read at half tempo: the prior around 120 BPM prefers
    // the half when a click track cannot tell the two apart (as librosa's estimate does).
    for (const double bpm : {60.0, 75.0, 90.0, 100.0, 120.0, 140.0, 160.0})
        QTest::newRow(QByteArray::number(bpm).constData()) << bpm;
}

void TestBuiltinEncoder::tempoOfClickTrack()
{
    QFETCH(double, bpm);
    const auto v = embedOne(clickTrack(bpm, 10.0));
    const float estimate = value(v, "tempo", 0);
    const float strength = value(v, "tempo", 1);
    qInfo("%.0f BPM clicks: estimate %.2f BPM, strength %.3f", bpm, double(estimate),
          double(strength));
    QVERIFY2(std::fabs(double(estimate) - bpm) <= 4.0, qPrintable(QString::number(estimate)));
    QVERIFY(strength > 0.5f);
    // Clicks have strong onsets; a steady tone has none after its first frames.
    const auto steady = embedOne(sine(440.0, 5.0));
    qInfo("onset mean/std: clicks %.3f/%.3f, steady tone %.4f/%.4f",
          double(value(v, "onset", kMean)), double(value(v, "onset", kStd)),
          double(value(steady, "onset", kMean)), double(value(steady, "onset", kStd)));
    QVERIFY(value(v, "onset", kMean) > 1.0f);
    QVERIFY(value(v, "onset", kStd) > 3.0f);
    QVERIFY(value(steady, "onset", kP90) < 0.01f);
    QVERIFY(value(steady, "onset", kMean) < 0.1f * value(v, "onset", kMean));
    // Without a beat the tempo still stays in its range, with a low strength.
    QVERIFY(value(steady, "tempo", 0) >= 60.0f && value(steady, "tempo", 0) <= 200.0f);
    QVERIFY(value(steady, "tempo", 1) < 0.2f);
}

void TestBuiltinEncoder::rmsFollowsLevel()
{
    const auto clip = clickTrack(120.0, 4.0);
    const auto loud = embedOne(scaled(clip, 1.0f));
    const auto quiet = embedOne(scaled(clip, 0.1f));
    // One tenth of the amplitude is 20 dB lower in every level statistic, and the shape of the
    // dynamics (range, spread) is the same.
    for (const int stat : {kMean, kP10, kP50, kP90})
        QVERIFY(std::fabs(value(loud, "rms", stat) - value(quiet, "rms", stat) - 20.0f) < 0.2f);
    QVERIFY(std::fabs(value(loud, "rms", kRange) - value(quiet, "rms", kRange)) < 0.2f);
    QVERIFY(value(loud, "rms", kRange) > 10.0f); // clicks over a faint floor: large dynamics
    const float melDrop = value(loud, "logmel_mean", 30) - value(quiet, "logmel_mean", 30);
    QVERIFY(std::fabs(melDrop - 20.0f) < 0.5f);

    // Calibration: a steady sine of amplitude A reads 20 log10(A) - 3 dB.
    const auto s = embedOne(sine(440.0, 3.0, 0.5));
    QVERIFY2(std::fabs(value(s, "rms", kP50) - float(20.0 * std::log10(0.5) - 3.0103)) < 0.1f,
             qPrintable(QString::number(value(s, "rms", kP50))));
    const auto steadyRange = value(s, "rms", kRange);
    QVERIFY(steadyRange < 1.0f); // p95 - p5 ignores the two edge frames
}

void TestBuiltinEncoder::deterministic()
{
    const auto a = clickTrack(100.0, 10.0);
    const auto b = noise(10.0, 0.3, 5);
    const auto c = sine(330.0, 10.0);
    const auto first = embedOne(a);
    const auto second = embedOne(a);
    QCOMPARE(maxDifference(first, second) <= 1e-5, true);

    // A batch gives the same vectors as single calls, in the caller's order.
    const auto batch = m_encoder->embed({b, a, c, a});
    QCOMPARE(batch.size(), std::size_t(4));
    QVERIFY(maxDifference(batch[1], first) <= 1e-5);
    QVERIFY(maxDifference(batch[3], first) <= 1e-5);
    QVERIFY(maxDifference(batch[0], embedOne(b)) <= 1e-5);
    QVERIFY(maxDifference(batch[2], embedOne(c)) <= 1e-5);
    // ... and different clips give different vectors.
    QVERIFY(maxDifference(batch[0], batch[1]) > 1e-2);

    // A fresh encoder computes the same numbers.
    const auto other = makeBuiltinEncoder();
    QVERIFY(maxDifference(other->embed({a}).front(), first) <= 1e-5);
}

void TestBuiltinEncoder::silenceAndShortClipsAreFinite()
{
    const std::vector<audio::AudioBuffer> clips = {
        mono(std::vector<float>(std::size_t(10 * kRate), 0.0f)), // 10 s of silence
        mono(std::vector<float>(std::size_t(kRate / 2), 0.0f)),  // 0.5 s of silence
        sine(440.0, 0.5),
        noise(0.5),
        clickTrack(120.0, 0.5),
        noise(0.01),               // shorter than one hop
        mono({0.25f}),             // one sample
        mono({}),                  // empty
        mono(std::vector<float>(4096, 1.0f)), // DC
    };
    const auto out = m_encoder->embed(clips);
    QCOMPARE(out.size(), clips.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(int(out[i].size()), m_encoder->info().embeddingSize);
        QVERIFY2(allFinite(out[i]), qPrintable(QStringLiteral("clip %1").arg(i)));
        const float bpm = value(out[i], "tempo", 0);
        QVERIFY2(bpm >= 60.0f && bpm <= 200.0f,
                 qPrintable(QStringLiteral("clip %1: %2 BPM").arg(i).arg(bpm)));
        const float strength = value(out[i], "tempo", 1);
        QVERIFY(strength >= 0.0f && strength <= 1.0f);
        const float flatness = value(out[i], "flatness", kMean);
        QVERIFY(flatness >= 0.0f && flatness <= 1.0f);
    }
    // Silence reads as the -100 dB floor, with no rhythm.
    QCOMPARE(value(out[0], "rms", kMean), -100.0f);
    QCOMPARE(value(out[0], "logmel_mean", 10), -100.0f);
    QCOMPARE(value(out[0], "onset", kMean), 0.0f);
    QCOMPARE(value(out[0], "tempo", 1), 0.0f);
    QCOMPARE(value(out[0], "chroma_mean", 0), 0.0f);
    // Non-finite samples are read as 0: a NaN in the input gives the same vector as silence.
    auto broken = clips[1];
    broken.samples[100] = NAN;
    broken.samples[200] = INFINITY;
    QVERIFY(maxDifference(embedOne(broken), out[1]) <= 1e-6);
}

void TestBuiltinEncoder::mixedLengthsInOneBatch()
{
    const std::vector<audio::AudioBuffer> clips = {
        sine(440.0, 10.0),   noise(0.5),          clickTrack(90.0, 3.0),
        noise(10.0, 0.2, 3), noise(0.5, 0.5, 9),
    };
    const auto batch = m_encoder->embed(clips);
    QCOMPARE(batch.size(), clips.size());
    for (std::size_t i = 0; i < clips.size(); ++i) {
        QCOMPARE(int(batch[i].size()), m_encoder->info().embeddingSize);
        const double diff = maxDifference(batch[i], embedOne(clips[i]));
        QVERIFY2(diff <= 1e-5,
                 qPrintable(QStringLiteral("clip %1 differs by %2").arg(i).arg(diff)));
    }
    QVERIFY(m_encoder->embed({}).empty());
}

void TestBuiltinEncoder::longClip()
{
    // 60 s is more frames than one spectral block holds: the blocks must join seamlessly. A
    // periodic signal has the same statistics over 60 s as over 10 s.
    const auto longer = embedOne(clickTrack(120.0, 60.0));
    const auto shorter = embedOne(clickTrack(120.0, 10.0));
    QVERIFY(allFinite(longer));
    QVERIFY(std::fabs(value(longer, "tempo", 0) - 120.0f) <= 2.0f);
    for (const char *group : {"rms", "centroid", "rolloff", "flatness", "zcr", "onset"}) {
        for (const int stat : {kMean, kP50}) {
            const float a = value(longer, group, stat);
            const float b = value(shorter, group, stat);
            const QString what =
                QStringLiteral("%1[%2]: %3 vs %4").arg(group).arg(stat).arg(a).arg(b);
            QVERIFY2(std::fabs(a - b) <= 0.05f * std::max(1.0f, std::fabs(b)), qPrintable(what));
        }
    }
    for (int band = 0; band < 64; band += 9)
        QVERIFY(std::fabs(value(longer, "logmel_mean", band) - value(shorter, "logmel_mean", band))
                < 0.5f);
}

void TestBuiltinEncoder::rejectsWrongFormat()
{
    auto wrongRate = sine(440.0, 1.0);
    wrongRate.sampleRate = 44100;
    QVERIFY_THROWS_EXCEPTION(EncoderError, m_encoder->embed({sine(440.0, 1.0), wrongRate}));

    audio::AudioBuffer stereo = sine(440.0, 1.0);
    stereo.channels = 2;
    try {
        m_encoder->embed({stereo});
        QFAIL("stereo clip accepted");
    } catch (const EncoderError &e) {
        const std::string message = e.what();
        QVERIFY2(message.find("22050 Hz mono") != std::string::npos, e.what());
    }
}

void TestBuiltinEncoder::cudaNeedsAGpu()
{
    auto encoder = makeBuiltinEncoder();
    const auto cpu = encoder->embed({clickTrack(120.0, 5.0)}).front();
    if (!cudaAvailable()) {
        QVERIFY_THROWS_EXCEPTION(EncoderError, encoder->setDevice(Device::Cuda));
        QCOMPARE(encoder->device(), Device::Cpu);
        QVERIFY(maxDifference(encoder->embed({clickTrack(120.0, 5.0)}).front(), cpu) <= 1e-5);
        return;
    }
    encoder->setDevice(Device::Cuda);
    QCOMPARE(encoder->device(), Device::Cuda);
    const auto gpu = encoder->embed({clickTrack(120.0, 5.0)}).front();
    const double diff = maxDifference(gpu, cpu);
    qInfo("CUDA vs CPU: largest difference %g", diff);
    QVERIFY(diff < 1e-2);
    encoder->setDevice(Device::Cpu);
    QVERIFY(maxDifference(encoder->embed({clickTrack(120.0, 5.0)}).front(), cpu) <= 1e-5);
}

/// A clip that exercises every group: clicks at 110 BPM over an A major chord, with half a
/// second of digital silence in the middle.
audio::AudioBuffer referenceClip()
{
    auto clip = clickTrack(110.0, 6.0);
    for (const double hz : {220.0, 277.18, 329.63}) {
        const auto tone = sine(hz, 6.0, 0.15);
        for (std::size_t i = 0; i < clip.samples.size(); ++i)
            clip.samples[i] += tone.samples[i];
    }
    std::fill_n(clip.samples.begin() + 3 * kRate, kRate / 2, 0.0f);
    return clip;
}

void TestBuiltinEncoder::pinnedValues()
{
    // Stored embeddings are keyed by contentHash. If this fails because the computation was
    // changed on purpose, bump kContentHash in builtinencoder.cpp and update the numbers here
    // (the failure message prints each group's new sum).
    QCOMPARE(m_encoder->info().contentHash, std::string("builtin-features-v1"));
    const std::map<std::string, double> expected = {
        {"logmel_mean", -2588.55891},
        {"logmel_std", 1274.72951},
        {"mfcc_mean", -386.321967},
        {"mfcc_std", 324.335832},
        {"mfcc_delta_std", 93.9187981},
        {"chroma_mean", 3.9437562},
        {"chroma_std", 1.46617369},
        {"contrast_mean", 91.0633988},
        {"contrast_std", 33.3001513},
        {"centroid", 1.39232191},
        {"bandwidth", 1.58144384},
        {"rolloff", 1.40312224},
        {"flatness", 0.390914443},
        {"zcr", 0.118275804},
        {"onset", 11.8246209},
        {"tempo", 111.303739},
        {"rms", 42.1617794},
    };
    const auto v = embedOne(referenceClip());
    std::size_t at = 0;
    QString changed;
    for (const auto &[name, size] : builtinFeatureGroups()) {
        double sum = 0.0;
        for (int i = 0; i < size; ++i)
            sum += double(v[at++]);
        const auto it = expected.find(name);
        // Loose enough for other CPUs' vector units, far tighter than any real change.
        const double want = it == expected.end() ? NAN : it->second;
        if (!(std::fabs(sum - want) <= 1e-3 * std::max(1.0, std::fabs(want))))
            changed += QStringLiteral("{\"%1\", %2}, ")
                           .arg(QString::fromStdString(name))
                           .arg(sum, 0, 'g', 9);
    }
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("group sums changed: ") + changed));
}

void TestBuiltinEncoder::timing()
{
    if (qgetenv("TASTELAB_ENCODER_TIMING") != "1")
        QSKIP("set TASTELAB_ENCODER_TIMING=1 to measure clips per second");
    constexpr int kClips = 96;
    constexpr std::size_t kBatch = 8;
    std::vector<audio::AudioBuffer> clips;
    for (int i = 0; i < kClips; ++i) {
        auto clip = noise(10.0, 0.1, std::uint32_t(i + 1));
        const auto tone = sine(110.0 * (1 + i % 7), 10.0, 0.3);
        const auto clicks = clickTrack(80.0 + i, 10.0);
        for (std::size_t s = 0; s < clip.samples.size(); ++s)
            clip.samples[s] += tone.samples[s] + clicks.samples[s];
        clips.push_back(std::move(clip));
    }
    const auto run = [&](Encoder &encoder, std::size_t first, std::size_t last) {
        for (std::size_t at = first; at < last; at += kBatch) {
            const auto first = clips.begin() + std::ptrdiff_t(at);
            const std::vector<audio::AudioBuffer> batch(
                first, first + std::ptrdiff_t(std::min(kBatch, last - at)));
            encoder.embed(batch);
        }
    };
    auto warm = makeBuiltinEncoder();
    run(*warm, 0, kBatch);

    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    run(*warm, 0, clips.size());
    const double oneThread = kClips / (double(timer.nsecsElapsed()) * 1e-9);
    // Process CPU time: unlike wall time, it does not grow when other programs share the cores.
    const double cpuMsPerClip = 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC / kClips;

    // Two workers, one encoder each (the documented way to use several threads).
    timer.restart();
    std::vector<std::thread> workers;
    for (int w = 0; w < 2; ++w) {
        workers.emplace_back([&, w] {
            auto encoder = makeBuiltinEncoder();
            run(*encoder, std::size_t(w) * clips.size() / 2, std::size_t(w + 1) * clips.size() / 2);
        });
    }
    for (auto &t : workers)
        t.join();
    const double twoThreads = kClips / (double(timer.nsecsElapsed()) * 1e-9);
    qInfo("builtin-features, 10 s clips, batches of %zu, CPU: %.0f clips/s on 1 thread "
          "(%.2f ms CPU time per clip), %.0f clips/s on 2 threads (%u hardware threads)",
          kBatch, oneThread, cpuMsPerClip, twoThreads, std::thread::hardware_concurrency());
#ifdef NDEBUG
    QVERIFY2(twoThreads >= 100.0, "slower than the 100 clips/s the extraction pipeline needs");
#endif
}

QTEST_GUILESS_MAIN(TestBuiltinEncoder)
#include "tst_builtinencoder.moc"
