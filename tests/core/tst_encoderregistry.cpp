// Tests for the encoder registry: the built-in table, manifest discovery (good, broken, missing
// model, name clashes) and createEncoder. QtTest is only the runner. The usable file-based encoder
// needs a small TorchScript module, made by /usr/bin/python3 with python3-torch (TASTELAB_PYTHON
// overrides the interpreter).

#include "embed/encoderregistry.h"
#include "../common/encodertest.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace tastelab;
using namespace tastelab::embed;
using test::errorOf;
using test::python;
using test::writeFile;

namespace {

/// Runs Python; returns "" on success, else its output.
QString runPython(const QStringList &arguments)
{
    QString output;
    if (test::runPython(arguments, &output, 120000) != 0)
        return QStringLiteral("%1 failed: %2").arg(test::python(), output.trimmed());
    return QString();
}

/// Writes a small TorchScript module ([B, C, W] -> [B, 2C]) to `path`. Empty on success, else why not.
QString makeTorchScript(const QString &path)
{
    if (!runPython({QStringLiteral("-c"), QStringLiteral("import torch")}).isEmpty())
        return QStringLiteral("%1 cannot import torch: install python3-torch (apt install python3-torch; "
                              "scripts/install-deps.sh installs it)")
            .arg(python());
    // torch.jit.script needs the module's source in a file.
    const QString script = path + QStringLiteral(".py");
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + script;
    file.write("import sys, torch\n"
               "class M(torch.nn.Module):\n"
               "    def forward(self, x: torch.Tensor) -> torch.Tensor:\n"
               "        return torch.cat([x.mean(2), x.amax(2)], 1)\n"
               "torch.jit.script(M()).save(sys.argv[1])\n");
    file.close();
    return runPython({script, path});
}

QByteArray manifest(const QString &name, const QString &model)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("name"), name},
                             {QStringLiteral("version"), QStringLiteral("1")},
                             {QStringLiteral("model"), model},
                             {QStringLiteral("sample_rate"), 22050},
                             {QStringLiteral("channels"), 1},
                             {QStringLiteral("window_samples"), 1024},
                             {QStringLiteral("embedding_size"), 2},
                             {QStringLiteral("licence"), QStringLiteral("n/a")},
                         })
        .toJson();
}

const EncoderListing *find(const std::vector<EncoderListing> &listings, const std::string &name)
{
    const auto it = std::find_if(listings.begin(), listings.end(),
                                 [&](const EncoderListing &l) { return l.info.name == name; });
    return it == listings.end() ? nullptr : &*it;
}

} // namespace

class TestEncoderRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtinEncoders()
    {
        QCOMPARE(defaultEncoderName(), std::string("builtin-features"));
        const std::vector<EncoderListing> listings = listEncoders({});
        QVERIFY(!listings.empty());
        QCOMPARE(listings.front().info.name, defaultEncoderName());
        QVERIFY(listings.front().info.builtin);
        QVERIFY(listings.front().problem.empty());
        QVERIFY(listings.front().info.embeddingSize > 0);

        const auto encoder = createEncoder(defaultEncoderName(), {"/nonexistent/models"});
        QCOMPARE(encoder->info().name, defaultEncoderName());
        QVERIFY(encoder->info().builtin);
        QCOMPARE(encoder->device(), Device::Cpu);
    }

    void discoversManifests()
    {
        QTemporaryDir dir;
        const QString problem = makeTorchScript(dir.filePath(QStringLiteral("good.pt")));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        writeFile(dir.filePath(QStringLiteral("good.json")), manifest(QStringLiteral("good"), QStringLiteral("good.pt")));
        writeFile(dir.filePath(QStringLiteral("broken.json")), "{\"name\": \"broken\", ");
        writeFile(dir.filePath(QStringLiteral("nomodel.json")), manifest(QStringLiteral("nomodel"), QStringLiteral("gone.pt")));
        writeFile(dir.filePath(QStringLiteral("x-dup.json")), manifest(QStringLiteral("good"), QStringLiteral("good.pt")));
        writeFile(dir.filePath(QStringLiteral("y-clash.json")), manifest(QStringLiteral("builtin-features"), QStringLiteral("good.pt")));
        writeFile(dir.filePath(QStringLiteral("notes.txt")), "not a manifest");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        writeFile(dir.filePath(QStringLiteral("sub/deep.json")), manifest(QStringLiteral("deep"), QStringLiteral("../good.pt")));

        const std::string dirPath = dir.path().toStdString();
        const std::vector<EncoderListing> listings = listEncoders({"/nonexistent/models", dirPath});
        // built-in first, then the manifests directly in the folder, sorted by file name.
        QCOMPARE(int(listings.size()), 6);
        QCOMPARE(listings[0].info.name, std::string("builtin-features"));
        QVERIFY(listings[0].info.builtin);

        const EncoderListing &broken = listings[1];
        QCOMPARE(broken.info.name, std::string("broken")); // named after the file
        QVERIFY2(QString::fromStdString(broken.problem).startsWith(dir.filePath(QStringLiteral("broken.json")) + QLatin1String(": not valid JSON")),
                 broken.problem.c_str());

        const EncoderListing &good = listings[2];
        QCOMPARE(good.info.name, std::string("good"));
        QVERIFY2(good.problem.empty(), good.problem.c_str());
        QCOMPARE(good.info.embeddingSize, 2);
        QCOMPARE(good.info.sampleRate, 22050);
        QCOMPARE(QString::fromStdString(good.info.path), dir.filePath(QStringLiteral("good.pt")));
        QVERIFY(!good.info.builtin);

        const EncoderListing &noModel = listings[3];
        QCOMPARE(noModel.info.name, std::string("nomodel"));
        QCOMPARE(QString::fromStdString(noModel.problem),
                 QStringLiteral("%1: model file not found (named by %2)")
                     .arg(dir.filePath(QStringLiteral("gone.pt")), dir.filePath(QStringLiteral("nomodel.json"))));

        QCOMPARE(listings[4].info.name, std::string("good"));
        QVERIFY2(QString::fromStdString(listings[4].problem).contains(QLatin1String("another encoder is already named \"good\"")),
                 listings[4].problem.c_str());
        QVERIFY2(QString::fromStdString(listings[5].problem).contains(QLatin1String("(built in)")), listings[5].problem.c_str());
        QVERIFY(!find(listings, "deep")); // sub-folders are not searched

        // createEncoder: usable, unknown, broken, missing model.
        const auto encoder = createEncoder("good", {dirPath});
        QCOMPARE(encoder->info().name, std::string("good"));
        QCOMPARE(encoder->info().contentHash.size(), std::size_t(64));
        QCOMPARE(encoder->embed({}).size(), std::size_t(0));

        QCOMPARE(errorOf([&] { createEncoder("nope", {dirPath}); }),
                 QStringLiteral("no encoder named nope (available: builtin-features, good)"));
        QCOMPARE(errorOf([&] { createEncoder("nope", {}); }), QStringLiteral("no encoder named nope (available: builtin-features)"));
        QCOMPARE(errorOf([&] { createEncoder("", {}); }), QStringLiteral("no encoder named  (available: builtin-features)"));
        QCOMPARE(errorOf([&] { createEncoder("nomodel", {dirPath}); }), QString::fromStdString(noModel.problem));
        QVERIFY(errorOf([&] { createEncoder("broken", {dirPath}); }).contains(QLatin1String("not valid JSON")));
    }
};

QTEST_GUILESS_MAIN(TestEncoderRegistry)
#include "tst_encoderregistry.moc"
