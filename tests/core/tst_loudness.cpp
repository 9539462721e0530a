// Loudness normalization (core/audio/loudness.*): integrated loudness by libebur128 against known
// values, and clips of different levels and spectra brought to a LUFS target within 0.5 LU.
#include "audio/audiofile.h"
#include "audio/loudness.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tastelab::audio;

namespace {

constexpr double kPi = 3.14159265358979323846;

AudioBuffer sine(double frequency, double peakDbfs, double seconds, int channels, int rate = 48000)
{
    AudioBuffer b;
    b.sampleRate = rate;
    b.channels = channels;
    const auto frames = std::int64_t(seconds * rate);
    const double a = std::pow(10.0, peakDbfs / 20.0);
    b.samples.resize(std::size_t(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            b.samples[std::size_t(i * channels + c)] = float(a * std::sin(2 * kPi * frequency * double(i) / rate));
    return b;
}

/// Deterministic white or low-passed ("dark") noise at an RMS level.
AudioBuffer noise(double rmsDb, double seconds, int channels, bool dark, std::uint32_t seed, int rate = 44100)
{
    AudioBuffer b;
    b.sampleRate = rate;
    b.channels = channels;
    const auto frames = std::int64_t(seconds * rate);
    b.samples.resize(std::size_t(frames * channels));
    std::uint32_t x = seed;
    std::vector<double> state(std::size_t(channels), 0.0);
    for (std::int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c) {
            x = x * 1664525u + 1013904223u;
            double v = (double(x >> 8) / double(1u << 24)) * 2.0 - 1.0;
            if (dark) // one-pole low-pass around 300 Hz: most energy where K-weighting is flat or lower
                v = state[std::size_t(c)] = state[std::size_t(c)] * 0.96 + v * 0.04;
            b.samples[std::size_t(i * channels + c)] = float(v);
        }
    applyGain(b, float(std::pow(10.0, (rmsDb - rmsDbfs(b)) / 20.0)));
    return b;
}

} // namespace

class TestLoudness : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void referenceSine()
    {
        // EBU Tech 3341 test 1: a 1 kHz sine at -23 dBFS (peak) in both channels of a stereo
        // signal reads -23.0 LUFS (+-0.1). By BS.1770's definition the same holds at -20 dBFS.
        QVERIFY(std::fabs(integratedLufs(sine(1000, -23.0, 20, 2)) - -23.0) <= 0.1);
        QVERIFY(std::fabs(integratedLufs(sine(1000, -20.0, 20, 2)) - -20.0) <= 0.1);
        // One channel only (left): half the power, -3.01 dB.
        AudioBuffer left = sine(1000, -20.0, 20, 2);
        for (std::size_t i = 1; i < left.samples.size(); i += 2)
            left.samples[i] = 0.0f;
        QVERIFY(std::fabs(integratedLufs(left) - -23.01) <= 0.1);
        // Mono is measured as dual mono: reads like the stereo copy.
        QVERIFY(std::fabs(integratedLufs(sine(1000, -20.0, 20, 1)) - -20.0) <= 0.1);
    }

    void silenceAndShortClips()
    {
        AudioBuffer silent = sine(1000, -20, 2, 2);
        std::fill(silent.samples.begin(), silent.samples.end(), 0.0f);
        QCOMPARE(integratedLufs(silent), kSilenceLufs);
        QCOMPARE(loudnessGain(silent, -23.0), 1.0f);
        // Less than one 400 ms gating block: nothing to measure, no gain.
        QCOMPARE(integratedLufs(sine(1000, -20, 0.3, 2)), kSilenceLufs);
        QCOMPARE(integratedLufs(AudioBuffer{}), kSilenceLufs);
    }

    void normalizesDifferentClipsToTarget_data()
    {
        QTest::addColumn<double>("target");
        QTest::newRow("-23 LUFS (default)") << -23.0;
        QTest::newRow("-16 LUFS") << -16.0;
    }
    void normalizesDifferentClipsToTarget()
    {
        QFETCH(double, target);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Case {
            const char *name;
            AudioBuffer buffer;
        };
        std::vector<Case> cases;
        cases.push_back({"quiet white noise, stereo", noise(-40.0, 8, 2, false, 1)});
        cases.push_back({"loud dark noise, stereo", noise(-14.0, 8, 2, true, 2)});
        cases.push_back({"bass sine 80 Hz, mono", sine(80, -12.0, 8, 1, 44100)});
        cases.push_back({"5 kHz tone, stereo", sine(5000, -30.0, 8, 2)});
        AudioBuffer mixed = noise(-28.0, 8, 2, true, 3);
        const AudioBuffer hiss = noise(-38.0, 8, 2, false, 4);
        for (std::size_t i = 0; i < mixed.samples.size(); ++i)
            mixed.samples[i] += hiss.samples[i];
        cases.push_back({"dark noise plus hiss", mixed});

        std::vector<double> before;
        for (Case &c : cases) {
            // Through a real file: written and decoded with libsndfile (float WAV keeps the levels).
            const std::string path = dir.filePath(QString::fromLatin1(c.name).replace(' ', '_').replace(',', '_') + ".wav").toStdString();
            writeAudio(path, c.buffer);
            AudioBuffer decoded = decodeAudio(path);
            const Normalization n = normalize(decoded, LoudnessMode::Lufs, target);
            before.push_back(n.before);
            QVERIFY2(!n.peakLimited && !n.boostLimited, c.name);
            const double measured = integratedLufs(decoded); // measured again by libebur128
            QVERIFY2(std::fabs(measured - target) <= 0.5,
                     qPrintable(QStringLiteral("%1: %2 LUFS after normalization, target %3").arg(QLatin1String(c.name)).arg(measured).arg(target)));
            QVERIFY(std::fabs(n.after - measured) < 1e-9);
            QVERIFY(peakLevel(decoded) <= 0.98f + 1e-6f);
        }
        // The clips really did start at different loudness (more than 20 LU apart).
        QVERIFY(*std::max_element(before.begin(), before.end()) - *std::min_element(before.begin(), before.end()) > 20.0);
    }

    void limitsAreKept()
    {
        // A click train: very high crest factor, so the peak ceiling stops the gain short of the target.
        AudioBuffer clicks = sine(1000, -60.0, 5, 2);
        for (std::size_t i = 0; i < clicks.samples.size(); i += 48000)
            clicks.samples[i] = 0.9f;
        Normalization n = normalize(clicks, LoudnessMode::Lufs, -14.0);
        QVERIFY(n.peakLimited);
        QVERIFY(peakLevel(clicks) <= 0.98f + 1e-6f);
        QVERIFY(n.after < -14.0 - 0.5);
        // Below the absolute gate (-70 LUFS) a clip counts as silent: no gain at all.
        QCOMPARE(loudnessGain(sine(1000, -80.0, 5, 2), -23.0), 1.0f);
        // A faint clip (-55 LUFS) is boosted by at most 24 dB.
        AudioBuffer faint = sine(1000, -55.0, 5, 2);
        n = normalize(faint, LoudnessMode::Lufs, -23.0);
        QVERIFY(n.boostLimited);
        QVERIFY(std::fabs(20.0 * std::log10(double(n.gain)) - 24.0) < 1e-3);
    }

    void rmsAndNoneModes()
    {
        AudioBuffer b = noise(-35.0, 4, 2, false, 7);
        const AudioBuffer original = b;
        Normalization n = normalize(b, LoudnessMode::Rms, -20.0);
        QVERIFY(std::fabs(n.before - -35.0) < 0.01);
        QVERIFY(std::fabs(rmsDbfs(b) - -20.0) < 0.01);
        QCOMPARE(n.gain, normalizationGain(original, -20.0));
        AudioBuffer c = original;
        n = normalize(c, LoudnessMode::None, -23.0);
        QCOMPARE(n.gain, 1.0f);
        QVERIFY(c.samples == original.samples);
        QCOMPARE(n.before, integratedLufs(original));
    }

    void calibrationToneLevel()
    {
        for (double lufs : {-23.0, -30.0, -16.0}) {
            const AudioBuffer tone = calibrationTone(lufs, 5.0);
            QCOMPARE(tone.channels, 2);
            QCOMPARE(tone.frames(), std::int64_t(5 * 48000));
            QVERIFY(std::fabs(integratedLufs(tone) - lufs) <= 0.05);
        }
    }
};

QTEST_APPLESS_MAIN(TestLoudness)
#include "tst_loudness.moc"
