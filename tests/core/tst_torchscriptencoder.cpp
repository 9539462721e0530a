// Tests for file-based encoders (manifest + TorchScript): manifest checks, refusal of broken
// models, windowing and pooling, and parity with PyTorch for the CLMR and MEE export scripts.
// QtTest is only the runner; the encoder library has no Qt. Fixtures and references are made with
// Debian's python3-torch through /usr/bin/python3 (override with TASTELAB_PYTHON).

#include "audio/audiofile.h"
#include "embed/torchscriptencoder.h"
#include "../common/encodertest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace tastelab;
using namespace tastelab::embed;
using namespace tastelab::test;

namespace {

constexpr double kPi = 3.14159265358979323846;

const QString kSourceDir = QDir::cleanPath(QStringLiteral(TASTELAB_TEST_DATA "/../.."));

/// Empty when /usr/bin/python3 can import torch and numpy, else a message saying what to install.
QString torchPythonProblem()
{
    static const QString problem = [] {
        QString output;
        if (runPython({QStringLiteral("-c"), QStringLiteral("import torch, numpy")}, &output, 120000) == 0)
            return QString();
        return QStringLiteral("%1 cannot import torch: install python3-torch (apt install python3-torch; "
                              "scripts/install-deps.sh installs it). Output: %2")
            .arg(python(), output.trimmed());
    }();
    return problem;
}

#define REQUIRE_TORCH_PYTHON() QVERIFY2(torchPythonProblem().isEmpty(), qPrintable(torchPythonProblem()))

#define RUN_PYTHON(arguments)                                                                                   \
    do {                                                                                                        \
        QString pythonOutput_;                                                                                  \
        const int pythonCode_ = runPython(arguments, &pythonOutput_);                                           \
        QVERIFY2(pythonCode_ == 0, qPrintable(QStringLiteral("python failed (%1): %2").arg(pythonCode_).arg(pythonOutput_))); \
    } while (false)

/// Inside a test slot of TestTorchScriptEncoder: make the Python fixtures or stop the test.
#define MAKE_FIXTURES()                                                                                         \
    do {                                                                                                        \
        makeFixtures();                                                                                         \
        if (QTest::currentTestFailed())                                                                         \
            return;                                                                                             \
    } while (false)

QJsonObject validManifest(const QString &model = QStringLiteral("model.pt"))
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("test-encoder")},
        {QStringLiteral("version"), QStringLiteral("1")},
        {QStringLiteral("model"), model},
        {QStringLiteral("sample_rate"), 16000},
        {QStringLiteral("channels"), 1},
        {QStringLiteral("window_samples"), 4},
        {QStringLiteral("hop_samples"), 2},
        {QStringLiteral("pooling"), QStringLiteral("mean")},
        {QStringLiteral("embedding_size"), 3},
        {QStringLiteral("licence"), QStringLiteral("n/a")},
        {QStringLiteral("source"), QStringLiteral("tests")},
        {QStringLiteral("description"), QStringLiteral("a test encoder")},
    };
}

QString writeManifest(const QString &dir, const QString &fileName, const QJsonObject &manifest)
{
    const QString path = dir + QLatin1Char('/') + fileName;
    writeFile(path, QJsonDocument(manifest).toJson());
    return path;
}

audio::AudioBuffer makeBuffer(int rate, int channels, const std::vector<float> &interleaved)
{
    audio::AudioBuffer buffer;
    buffer.sampleRate = rate;
    buffer.channels = channels;
    buffer.samples = interleaved;
    return buffer;
}

/// Music-like test signal: a few partials plus deterministic noise, different per channel and seed.
audio::AudioBuffer makeSignal(int rate, int channels, double seconds, int seed)
{
    audio::AudioBuffer buffer;
    buffer.sampleRate = rate;
    buffer.channels = channels;
    const auto frames = std::int64_t(std::llround(seconds * rate));
    buffer.samples.resize(std::size_t(frames * channels));
    std::uint32_t state = 12345u + std::uint32_t(seed) * 7919u;
    for (std::int64_t i = 0; i < frames; ++i) {
        const double t = double(i) / rate;
        for (int c = 0; c < channels; ++c) {
            state = state * 1664525u + 1013904223u;
            const double noise = (double(state >> 8) / double(1u << 24)) - 0.5;
            const double f = 110.0 * (1 + seed) * (1.0 + 0.5 * c);
            const double v = 0.3 * std::sin(2 * kPi * f * t) + 0.15 * std::sin(2 * kPi * 2.7 * f * t + c)
                + 0.1 * std::sin(2 * kPi * 5.0 * t) * std::sin(2 * kPi * 0.5 * f * t) + 0.1 * noise;
            buffer.samples[std::size_t(i * channels + c)] = float(v);
        }
    }
    return buffer;
}

std::vector<std::vector<float>> readReference(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<std::vector<float>> result;
    const QJsonArray embeddings = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("embeddings")).toArray();
    for (const QJsonValue &row : embeddings) {
        std::vector<float> vector;
        for (const QJsonValue &value : row.toArray())
            vector.push_back(float(value.toDouble()));
        result.push_back(std::move(vector));
    }
    return result;
}

double maxAbsDiff(const std::vector<float> &a, const std::vector<float> &b)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        worst = std::max(worst, std::abs(double(a[i]) - double(b[i])));
    return worst;
}

/// Element-wise equal within 1e-6 (and of the same size), with a readable failure message.
QString differs(const std::vector<float> &actual, const std::vector<float> &expected)
{
    auto text = [](const std::vector<float> &v) {
        QStringList parts;
        for (float x : v)
            parts << QString::number(double(x), 'g', 9);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    if (actual.size() == expected.size() && maxAbsDiff(actual, expected) < 1e-6)
        return QString();
    return QStringLiteral("got %1, expected %2").arg(text(actual), text(expected));
}

#define COMPARE_VECTORS(actual, expected)                                                                       \
    do {                                                                                                        \
        const QString difference_ = differs(actual, expected);                                                  \
        QVERIFY2(difference_.isEmpty(), qPrintable(difference_));                                               \
    } while (false)

double maxAbs(const std::vector<float> &a)
{
    double worst = 0.0;
    for (float v : a)
        worst = std::max(worst, std::abs(double(v)));
    return worst;
}

/// Small TorchScript fixtures, written by Python into `dir`:
///   probe.pt        [B, C, W] -> [B, 3C]: per channel the window mean, first and last sample
///   threed.pt       returns [B, C, 2] (3-D)
///   stereo_only.pt  a Conv1d(2, 4, 1) then a mean over time: refuses mono input
///   tuple_out.pt    returns a tuple
///   int_out.pt      returns an integer tensor [B, C]
///   state_dict.pt   a plain state dict saved with torch.save (a zip file, but not TorchScript)
const char *kFixtureScript = R"PY(
import sys, torch
out = sys.argv[1]

class Probe(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([x.mean(2), x[:, :, 0], x[:, :, -1]], 1)

class ThreeD(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x[:, :, :2]

class StereoOnly(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(2, 4, 1)
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x).mean(2)

class TupleOut(torch.nn.Module):
    def forward(self, x: torch.Tensor):
        return x.mean(2), x.mean(2)

class IntOut(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.sum(2).to(torch.int64)

for name, module in (("probe", Probe()), ("threed", ThreeD()), ("stereo_only", StereoOnly()),
                     ("tuple_out", TupleOut()), ("int_out", IntOut())):
    torch.jit.script(module).save(f"{out}/{name}.pt")
torch.save(torch.nn.Linear(4, 3).state_dict(), f"{out}/state_dict.pt")
)PY";

} // namespace

class TestTorchScriptEncoder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_fixtures;
    bool m_haveFixtures = false;

    /// Writes the Python fixtures once; QVERIFY fails the calling test when Python cannot make them.
    void makeFixtures()
    {
        if (m_haveFixtures)
            return;
        REQUIRE_TORCH_PYTHON();
        const QString script = m_fixtures.filePath(QStringLiteral("fixtures.py"));
        writeFile(script, kFixtureScript);
        RUN_PYTHON((QStringList{script, m_fixtures.path()}));
        m_haveFixtures = true;
    }

    /// A manifest next to a fixture model, in its own folder so that file names do not clash.
    QString fixtureManifest(const QString &model, const QJsonObject &overrides)
    {
        QJsonObject manifest = validManifest(m_fixtures.filePath(model));
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            manifest.insert(it.key(), it.value());
        static int counter = 0;
        return writeManifest(m_fixtures.path(), QStringLiteral("manifest%1.json").arg(++counter), manifest);
    }

private Q_SLOTS:
    void devices()
    {
        QCOMPARE(deviceName(Device::Cpu), std::string("cpu"));
        QCOMPARE(deviceName(Device::Cuda), std::string("cuda"));
        QCOMPARE(cudaAvailable(), cudaAvailable());
        QCOMPARE(defaultDevice(), cudaAvailable() ? Device::Cuda : Device::Cpu);
    }

    void readsValidManifest()
    {
        QTemporaryDir dir;
        QJsonObject manifest = validManifest(QStringLiteral("sub/../weights.pt"));
        const QString path = writeManifest(dir.path(), QStringLiteral("enc.json"), manifest);
        const EncoderInfo info = readManifest(path.toStdString());
        QCOMPARE(info.name, std::string("test-encoder"));
        QCOMPARE(info.version, std::string("1"));
        QCOMPARE(QString::fromStdString(info.path), dir.filePath(QStringLiteral("weights.pt")));
        QCOMPARE(info.sampleRate, 16000);
        QCOMPARE(info.channels, 1);
        QCOMPARE(info.windowSamples, std::int64_t(4));
        QCOMPARE(info.hopSamples, std::int64_t(2));
        QCOMPARE(info.pooling, std::string("mean"));
        QCOMPARE(info.embeddingSize, 3);
        QCOMPARE(info.licence, std::string("n/a"));
        QCOMPARE(info.source, std::string("tests"));
        QCOMPARE(info.description, std::string("a test encoder"));
        QVERIFY(!info.builtin);
        QVERIFY(info.contentHash.empty()); // only set when the model is loaded

        // Defaults for the optional fields; mean+std doubles the final size.
        for (const char *key : {"hop_samples", "pooling", "licence", "source", "description"})
            manifest.remove(QLatin1String(key));
        const EncoderInfo defaults = readManifest(writeManifest(dir.path(), QStringLiteral("d.json"), manifest).toStdString());
        QCOMPARE(defaults.hopSamples, std::int64_t(4));
        QCOMPARE(defaults.pooling, std::string("mean"));
        QCOMPARE(defaults.licence, std::string("unknown"));
        manifest.insert(QStringLiteral("pooling"), QStringLiteral("mean+std"));
        const EncoderInfo doubled = readManifest(writeManifest(dir.path(), QStringLiteral("s.json"), manifest).toStdString());
        QCOMPARE(doubled.embeddingSize, 6);
    }

    void manifestErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");

        auto with = [](const char *key, const QJsonValue &value) {
            QJsonObject m = validManifest();
            m.insert(QLatin1String(key), value);
            return QJsonDocument(m).toJson();
        };
        auto without = [](const char *key) {
            QJsonObject m = validManifest();
            m.remove(QLatin1String(key));
            return QJsonDocument(m).toJson();
        };
        QTest::newRow("not json") << QByteArray("{\"name\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("must be a JSON object");
        for (const char *key : {"name", "version", "model", "sample_rate", "channels", "window_samples", "embedding_size"})
            QTest::newRow(qPrintable(QStringLiteral("missing %1").arg(QLatin1String(key))))
                << without(key) << QStringLiteral("field \"%1\" is missing").arg(QLatin1String(key));
        QTest::newRow("name with space") << with("name", QStringLiteral("my encoder")) << QStringLiteral("field \"name\" must start");
        QTest::newRow("empty model") << with("model", QString()) << QStringLiteral("field \"model\" must not be empty");
        QTest::newRow("rate as text") << with("sample_rate", QStringLiteral("16000"))
                                      << QStringLiteral("field \"sample_rate\" must be an integer from 8000 to 384000 (got \"16000\")");
        QTest::newRow("rate too low") << with("sample_rate", 100) << QStringLiteral("field \"sample_rate\" must be an integer from 8000");
        QTest::newRow("fractional rate") << with("sample_rate", 16000.5) << QStringLiteral("(got 16000.5)");
        QTest::newRow("no channels") << with("channels", 0) << QStringLiteral("field \"channels\" must be an integer from 1 to 8");
        QTest::newRow("negative window") << with("window_samples", -4) << QStringLiteral("field \"window_samples\" must be an integer from 1");
        QTest::newRow("huge window") << with("window_samples", 1e12) << QStringLiteral("field \"window_samples\"");
        QTest::newRow("hop over window") << with("hop_samples", 5) << QStringLiteral("field \"hop_samples\" must be an integer from 1 to 4 (at most window_samples)");
        QTest::newRow("bad pooling") << with("pooling", QStringLiteral("median"))
                                     << QStringLiteral("field \"pooling\" must be \"mean\", \"max\" or \"mean+std\" (got \"median\")");
        QTest::newRow("zero size") << with("embedding_size", 0) << QStringLiteral("field \"embedding_size\" must be an integer from 1 to 65536");
        QTest::newRow("licence not text") << with("licence", 5) << QStringLiteral("field \"licence\" must be a string (got 5)");
    }

    void manifestErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        writeFile(path, content);
        const QString error = errorOf([&] { readManifest(path.toStdString()); });
        QVERIFY2(error.startsWith(path + QLatin1String(": ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        // Loading refuses the same way, before touching any model file.
        QCOMPARE(errorOf([&] { loadTorchScriptEncoder(path.toStdString()); }), error);
    }

    void missingManifest()
    {
        const QString error = errorOf([] { readManifest("/nonexistent/enc.json"); });
        QCOMPARE(error, QStringLiteral("/nonexistent/enc.json: manifest not found"));
    }

    void refusesMissingModel()
    {
        QTemporaryDir dir;
        const QString manifest = writeManifest(dir.path(), QStringLiteral("enc.json"), validManifest(QStringLiteral("gone.pt")));
        const QString error = errorOf([&] { loadTorchScriptEncoder(manifest.toStdString()); });
        QCOMPARE(error, QStringLiteral("%1: model file not found (named by %2)").arg(dir.filePath(QStringLiteral("gone.pt")), manifest));
    }

    void refusesNonTorchScript()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("model.pt")), "this is not a model\n");
        const QString manifest = writeManifest(dir.path(), QStringLiteral("enc.json"), validManifest());
        const QString error = errorOf([&] { loadTorchScriptEncoder(manifest.toStdString()); });
        QVERIFY2(error.startsWith(dir.filePath(QStringLiteral("model.pt")) + QLatin1String(": not a TorchScript model (")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));

        // A PyTorch state dict is a zip archive too, but no TorchScript module.
        MAKE_FIXTURES();
        const QString stateDict = fixtureManifest(QStringLiteral("state_dict.pt"), {});
        const QString error2 = errorOf([&] { loadTorchScriptEncoder(stateDict.toStdString()); });
        QVERIFY2(error2.startsWith(m_fixtures.filePath(QStringLiteral("state_dict.pt")) + QLatin1String(": not a TorchScript model (")),
                 qPrintable(error2));
    }

    void refusesWrongShapes()
    {
        MAKE_FIXTURES();
        const QString probe = m_fixtures.filePath(QStringLiteral("probe.pt"));

        // probe.pt gives 3 values per channel; a manifest claiming 5 is refused.
        QString error = errorOf([&] {
            loadTorchScriptEncoder(fixtureManifest(QStringLiteral("probe.pt"), {{QStringLiteral("embedding_size"), 5}}).toStdString());
        });
        QCOMPARE(error, QStringLiteral("%1: produces [1, 3] for an input of [1, 1, 4] but the manifest says "
                                       "embedding_size 5 (expected [1, 5])").arg(probe));

        // With mean+std pooling the manifest's embedding_size is still the module's output size.
        error = errorOf([&] {
            loadTorchScriptEncoder(fixtureManifest(QStringLiteral("probe.pt"), {{QStringLiteral("embedding_size"), 6},
                                                                                {QStringLiteral("pooling"), QStringLiteral("mean+std")}})
                                       .toStdString());
        });
        QVERIFY2(error.contains(QLatin1String("produces [1, 3]")) && error.contains(QLatin1String("embedding_size 6")), qPrintable(error));

        error = errorOf([&] { loadTorchScriptEncoder(fixtureManifest(QStringLiteral("threed.pt"), {}).toStdString()); });
        QVERIFY2(error.startsWith(m_fixtures.filePath(QStringLiteral("threed.pt")) + QLatin1String(": produces [1, 1, 2]")), qPrintable(error));

        error = errorOf([&] { loadTorchScriptEncoder(fixtureManifest(QStringLiteral("stereo_only.pt"), {}).toStdString()); });
        QVERIFY2(error.startsWith(m_fixtures.filePath(QStringLiteral("stereo_only.pt"))
                                  + QLatin1String(": fails on a window of silence [1, 1, 4] (")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("check channels and window_samples")), qPrintable(error));

        error = errorOf([&] { loadTorchScriptEncoder(fixtureManifest(QStringLiteral("tuple_out.pt"), {}).toStdString()); });
        QVERIFY2(error.contains(QLatin1String("an encoder must return a tensor")), qPrintable(error));

        error = errorOf([&] {
            loadTorchScriptEncoder(fixtureManifest(QStringLiteral("int_out.pt"), {{QStringLiteral("embedding_size"), 1}}).toStdString());
        });
        QVERIFY2(error.contains(QLatin1String("must produce floating-point values")), qPrintable(error));
    }

    void infoAndContentHash()
    {
        MAKE_FIXTURES();
        const QString manifest = fixtureManifest(QStringLiteral("probe.pt"), {{QStringLiteral("pooling"), QStringLiteral("mean+std")}});
        const auto encoder = loadTorchScriptEncoder(manifest.toStdString());
        const EncoderInfo &info = encoder->info();
        QCOMPARE(info.embeddingSize, 6);
        QCOMPARE(QString::fromStdString(info.path), m_fixtures.filePath(QStringLiteral("probe.pt")));

        // contentHash is the SHA-256 of the model file's SHA-256 and the input/pooling settings
        // (checked against Qt's implementation), so a manifest edit invalidates cached rows too.
        QFile model(m_fixtures.filePath(QStringLiteral("probe.pt")));
        QVERIFY(model.open(QIODevice::ReadOnly));
        const QByteArray fileHash = QCryptographicHash::hash(model.readAll(), QCryptographicHash::Sha256).toHex();
        const QByteArray settings = fileHash + "|" + QByteArray::number(info.sampleRate) + "|"
            + QByteArray::number(info.channels) + "|" + QByteArray::number(qint64(info.windowSamples)) + "|"
            + QByteArray::number(qint64(info.hopSamples)) + "|" + QByteArray::fromStdString(info.pooling);
        const QByteArray expected = QCryptographicHash::hash(settings, QCryptographicHash::Sha256).toHex();
        QCOMPARE(QString::fromStdString(info.contentHash), QString::fromLatin1(expected));
        const auto meanPooled = loadTorchScriptEncoder(
            fixtureManifest(QStringLiteral("probe.pt"), {{QStringLiteral("pooling"), QStringLiteral("mean")}}).toStdString());
        QVERIFY(meanPooled->info().contentHash != info.contentHash);

        QCOMPARE(encoder->device(), Device::Cpu);
        if (!cudaAvailable()) {
            const QString error = errorOf([&] { encoder->setDevice(Device::Cuda); });
            QVERIFY2(error.contains(QLatin1String("CUDA")), qPrintable(error));
            QCOMPARE(encoder->device(), Device::Cpu);
        }
        encoder->setDevice(Device::Cpu);
    }

    void windowsAndPooling()
    {
        MAKE_FIXTURES();
        // probe.pt returns per window: mean, first sample, last sample. Window 4.
        auto load = [&](const char *pooling, int hop) {
            return loadTorchScriptEncoder(fixtureManifest(QStringLiteral("probe.pt"),
                                                          {{QStringLiteral("pooling"), QLatin1String(pooling)},
                                                           {QStringLiteral("hop_samples"), hop}})
                                              .toStdString());
        };
        const auto clip10 = makeBuffer(16000, 1, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        const auto clip3 = makeBuffer(16000, 1, {1, 2, 3});

        // hop 4 on 10 frames: windows at 0, 4 and one aligned to the end at 6.
        // first samples 1, 5, 7; last samples 4, 8, 10; means 2.5, 6.5, 8.5.
        auto mean = load("mean", 4);
        auto vectors = mean->embed({clip10, clip3});
        QCOMPARE(vectors.size(), std::size_t(2));
        COMPARE_VECTORS(vectors[0], (std::vector<float>{17.5f / 3, 13.0f / 3, 22.0f / 3}));
        // 3 frames: one window, zero-padded: [1, 2, 3, 0].
        COMPARE_VECTORS(vectors[1], (std::vector<float>{1.5f, 1.0f, 0.0f}));

        // hop 2: windows at 0, 2, 4, 6 (the last one ends exactly at the end; no extra window).
        vectors = load("max", 2)->embed({clip10});
        COMPARE_VECTORS(vectors[0], (std::vector<float>{8.5f, 7.0f, 10.0f}));

        vectors = load("mean+std", 2)->embed({clip10});
        QCOMPARE(vectors[0].size(), std::size_t(6));
        // firsts 1, 3, 5, 7: mean 4, population std sqrt(5).
        QCOMPARE(vectors[0][1], 4.0f);
        QVERIFY(std::abs(vectors[0][4] - float(std::sqrt(5.0))) < 1e-6f);

        // No clips, no vectors; clips in the wrong format or empty are refused with the encoder's name.
        QVERIFY(mean->embed({}).empty());
        QString error = errorOf([&] { mean->embed({makeBuffer(22050, 1, {1, 2})}); });
        QVERIFY2(error.startsWith(QLatin1String("test-encoder: clip 1 is 22050 Hz with 1 channel(s), but the encoder expects 16000 Hz")),
                 qPrintable(error));
        error = errorOf([&] { mean->embed({clip3, makeBuffer(16000, 1, {})}); });
        QCOMPARE(error, QStringLiteral("test-encoder: clip 2 is empty"));

        // Stereo: channels are de-interleaved (left = +i, right = -i).
        auto stereo = loadTorchScriptEncoder(fixtureManifest(QStringLiteral("probe.pt"),
                                                             {{QStringLiteral("channels"), 2},
                                                              {QStringLiteral("embedding_size"), 6},
                                                              {QStringLiteral("hop_samples"), 4}})
                                                 .toStdString());
        vectors = stereo->embed({makeBuffer(16000, 2, {1, -1, 2, -2, 3, -3, 4, -4})});
        COMPARE_VECTORS(vectors[0], (std::vector<float>{2.5f, -2.5f, 1, -1, 4, -4}));

        // Many windows (three batches of at most 2^20 values) pool like one window at a time.
        std::vector<float> longSamples(2500000);
        for (std::size_t i = 0; i < longSamples.size(); ++i)
            longSamples[i] = float(std::sin(0.001 * double(i)));
        auto many = load("mean", 4);
        const std::vector<float> pooled = many->embed({makeBuffer(16000, 1, longSamples)})[0];
        double sumFirst = 0.0;
        for (std::size_t i = 0; i < longSamples.size(); i += 4)
            sumFirst += longSamples[i];
        QVERIFY(std::abs(pooled[1] - sumFirst / double(longSamples.size() / 4)) < 1e-6);
    }

    void exportsFromCheckpoint()
    {
        // A CLMR-style PyTorch Lightning checkpoint ("model.encoder." prefix, a projection head and
        // the fc layer next to the encoder, no batch-norm counters) converts to the same encoder.
        REQUIRE_TORCH_PYTHON();
        QTemporaryDir dir;
        const QString script = kSourceDir + QStringLiteral("/models/export/clmr_samplecnn.py");
        const QString randomDir = dir.filePath(QStringLiteral("random"));
        const QString convertedDir = dir.filePath(QStringLiteral("converted"));
        const QString checkpoint = dir.filePath(QStringLiteral("clmr.ckpt"));
        RUN_PYTHON((QStringList{script, QStringLiteral("--random-weights"), QStringLiteral("--seed"), QStringLiteral("3"),
                                QStringLiteral("--out"), randomDir}));
        RUN_PYTHON((QStringList{QStringLiteral("-c"),
                                QStringLiteral("import sys, torch\n"
                                               "m = torch.jit.load(sys.argv[1])\n"
                                               "sd = {'model.encoder.' + k: v for k, v in m.state_dict().items()\n"
                                               "      if not k.endswith('num_batches_tracked')}\n"
                                               "sd['model.encoder.fc.weight'] = torch.zeros(50, 512)\n"
                                               "sd['model.projector.0.weight'] = torch.zeros(512, 512)\n"
                                               "torch.save({'pytorch-lightning_version': '1.3', 'state_dict': sd}, sys.argv[2])\n"),
                                randomDir + QStringLiteral("/clmr-samplecnn.pt"), checkpoint}));
        RUN_PYTHON((QStringList{script, QStringLiteral("--checkpoint"), checkpoint, QStringLiteral("--out"), convertedDir}));

        const auto random = loadTorchScriptEncoder((randomDir + QStringLiteral("/clmr-samplecnn.json")).toStdString());
        const auto converted = loadTorchScriptEncoder((convertedDir + QStringLiteral("/clmr-samplecnn.json")).toStdString());
        QVERIFY(QString::fromStdString(converted->info().version).startsWith(QLatin1String("clmr.ckpt sha256:")));
        QVERIFY(QString::fromStdString(converted->info().source).contains(QLatin1String("Spijkervet/CLMR")));
        const std::vector<audio::AudioBuffer> clips = {makeSignal(16000, 1, 4.0, 3)};
        const std::vector<float> a = random->embed(clips)[0];
        QVERIFY(maxAbs(a) > 0.01);
        COMPARE_VECTORS(converted->embed(clips)[0], a);
    }

    void parity_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("shortSeconds");
        QTest::addColumn<double>("longSeconds");
        QTest::addColumn<int>("size");

        // CLMR: window 59049 at 16 kHz (3.7 s): 2 s is padded, 9 s has two windows plus one at the end.
        QTest::newRow("clmr-samplecnn") << QStringLiteral("clmr_samplecnn.py") << QStringLiteral("clmr-samplecnn")
                                        << QStringList{} << 16000 << 1 << 2.0 << 9.0 << 512;
        // MEE with a 1 s window (its default is 10 s) to keep the test quick; mean+std pooling.
        QTest::newRow("mee") << QStringLiteral("mee.py") << QStringLiteral("mee")
                             << QStringList{QStringLiteral("--window-seconds"), QStringLiteral("1"),
                                            QStringLiteral("--hop-seconds"), QStringLiteral("0.5"),
                                            QStringLiteral("--pooling"), QStringLiteral("mean+std")}
                             << 44100 << 2 << 0.5 << 2.7 << 4096;
    }

    void parity()
    {
        QFETCH(QString, script);
        QFETCH(QString, name);
        QFETCH(QStringList, extraArguments);
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(double, shortSeconds);
        QFETCH(double, longSeconds);
        QFETCH(int, size);
        REQUIRE_TORCH_PYTHON();

        QTemporaryDir dir;
        const QString shortWav = dir.filePath(QStringLiteral("short.wav"));
        const QString longWav = dir.filePath(QStringLiteral("long.wav"));
        audio::writeAudio(shortWav.toStdString(), makeSignal(rate, channels, shortSeconds, 1));
        audio::writeAudio(longWav.toStdString(), makeSignal(rate, channels, longSeconds, 2));
        // What the app embeds: the decoded 16-bit file, as Python reads it.
        const std::vector<audio::AudioBuffer> clips = {audio::decodeAudio(shortWav.toStdString()),
                                                       audio::decodeAudio(longWav.toStdString())};

        const QString exportScript = kSourceDir + QStringLiteral("/models/export/") + script;
        const QString referenceJson = dir.filePath(QStringLiteral("reference.json"));
        RUN_PYTHON((QStringList{exportScript, QStringLiteral("--random-weights"), QStringLiteral("--seed"), QStringLiteral("1"),
                                QStringLiteral("--out"), dir.path(), QStringLiteral("--reference-audio"), shortWav,
                                QStringLiteral("--reference-audio"), longWav, QStringLiteral("--reference-out"), referenceJson}
                    + extraArguments));
        const std::vector<std::vector<float>> reference = readReference(referenceJson);
        QCOMPARE(reference.size(), std::size_t(2));

        const QString manifest = dir.filePath(name + QStringLiteral(".json"));
        const auto encoder = loadTorchScriptEncoder(manifest.toStdString());
        QCOMPARE(encoder->info().name, name.toStdString());
        QCOMPARE(encoder->info().sampleRate, rate);
        QCOMPARE(encoder->info().channels, channels);
        QCOMPARE(encoder->info().embeddingSize, size);
        QCOMPARE(encoder->info().contentHash.size(), std::size_t(64));

        const std::vector<std::vector<float>> vectors = encoder->embed(clips);
        QCOMPARE(vectors.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(vectors[i].size(), std::size_t(size));
            QCOMPARE(reference[i].size(), std::size_t(size));
            QVERIFY2(maxAbs(reference[i]) > 0.01, "the reference embedding is trivially small");
            const double diff = maxAbsDiff(vectors[i], reference[i]);
            qInfo("%s clip %d: max abs diff to PyTorch %.3g (largest value %.3g)", qPrintable(name), int(i), diff,
                  maxAbs(reference[i]));
            QVERIFY2(diff < 1e-4, qPrintable(QStringLiteral("clip %1: max abs diff %2").arg(i).arg(diff)));
        }
        QVERIFY2(maxAbsDiff(reference[0], reference[1]) > 0.01, "different clips should embed differently");

        // The TorchScript file, run from Python by embed_reference.py, agrees too.
        const QString scriptedJson = dir.filePath(QStringLiteral("scripted.json"));
        RUN_PYTHON((QStringList{kSourceDir + QStringLiteral("/models/export/embed_reference.py"), QStringLiteral("--manifest"),
                                manifest, QStringLiteral("--audio"), shortWav, QStringLiteral("--audio"), longWav,
                                QStringLiteral("--out"), scriptedJson}));
        const std::vector<std::vector<float>> scripted = readReference(scriptedJson);
        QCOMPARE(scripted.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            const double diff = maxAbsDiff(vectors[i], scripted[i]);
            qInfo("%s clip %d: max abs diff to TorchScript in Python %.3g", qPrintable(name), int(i), diff);
            QVERIFY2(diff < 1e-4, qPrintable(QStringLiteral("scripted clip %1: max abs diff %2").arg(i).arg(diff)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTorchScriptEncoder)
#include "tst_torchscriptencoder.moc"
