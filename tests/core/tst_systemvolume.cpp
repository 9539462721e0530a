// The system volume monitor (core/audio/systemvolume.*) against the real PulseAudio server the
// tests run with (scripts/test.sh starts one with a null sink): the default sink's volume and
// mute are changed with pactl, as a listener's mixer would, and the monitor must report them.

#include "audio/systemvolume.h"

#include <QProcess>
#include <QtTest>

#include <cmath>
#include <mutex>
#include <vector>

using namespace tastelab::audio;

namespace {

/// Runs pactl with args; false with the output when it fails.
bool pactl(const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("pactl"), args);
    if (!p.waitForFinished(20000)) {
        if (output)
            *output = QStringLiteral("pactl did not finish");
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// What the callback saw, from PulseAudio's thread.
struct Readings {
    std::mutex mutex;
    std::vector<SystemVolume> seen;

    void add(const SystemVolume &v)
    {
        std::lock_guard<std::mutex> lock(mutex);
        seen.push_back(v);
    }
    bool any(const std::function<bool(const SystemVolume &)> &match)
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (const SystemVolume &v : seen)
            if (match(v))
                return true;
        return false;
    }
    std::size_t size()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return seen.size();
    }
};

} // namespace

class TestSystemVolume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString out;
        QVERIFY2(pactl({QStringLiteral("info")}, &out),
                 qPrintable(QStringLiteral("PulseAudio is not running (start it as scripts/test.sh does): ") + out));
    }

    void reportsVolumeAndMuteOfTheDefaultSink()
    {
        SystemVolumeMonitor monitor;
        Readings readings;
        std::string error;
        QVERIFY2(monitor.start([&readings](const SystemVolume &v) { readings.add(v); }, &error), error.c_str());
        QVERIFY(monitor.running());
        // The first reading arrives before start() returns.
        const SystemVolume initial = monitor.current();
        QVERIFY(initial.known);
        QVERIFY(!initial.sink.empty());
        QCOMPARE(readings.size(), std::size_t(1));
        QString defaultSink;
        QVERIFY(pactl({QStringLiteral("get-default-sink")}, &defaultSink));
        QCOMPARE(QString::fromStdString(initial.sink), defaultSink.trimmed());

        const bool wasMuted = initial.muted;
        const int wasPercent = int(std::lround(initial.level * 100));
        if (wasMuted)
            QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("0")}));

        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("40%")}));
        QTRY_VERIFY_WITH_TIMEOUT(readings.any([](const SystemVolume &v) { return v.known && std::abs(v.level - 0.40) < 0.005; }), 10000);
        SystemVolume now = monitor.current();
        QVERIFY(std::abs(now.level - 0.40) < 0.005);
        QVERIFY(!now.muted);
        // PulseAudio's software volume in dB: 60 log10(0.4), about -23.9 dB.
        QVERIFY2(std::abs(now.db - 60 * std::log10(now.level)) < 0.05, qPrintable(QString::number(now.db)));

        QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("1")}));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.current().muted, 10000);
        QVERIFY(std::abs(monitor.current().level - 0.40) < 0.005); // muting keeps the volume
        QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("0")}));
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.current().muted, 10000);

        // Amplified above 100 %: a factor above 1 and a positive dB figure.
        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("120%")}));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(monitor.current().level - 1.20) < 0.005, 10000);
        QVERIFY(monitor.current().db > 0);

        // Restore the listener's volume and mute.
        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("%1%").arg(wasPercent)}));
        QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), wasMuted ? QStringLiteral("1") : QStringLiteral("0")}));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(monitor.current().level - wasPercent / 100.0) < 0.005 && monitor.current().muted == wasMuted, 10000);

        // After stop() no callback runs, whatever happens to the sink.
        monitor.stop();
        QVERIFY(!monitor.running());
        const std::size_t before = readings.size();
        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("41%")}));
        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("%1%").arg(wasPercent)}));
        QString info;
        QVERIFY(pactl({QStringLiteral("info")}, &info)); // the server has handled both changes
        QCOMPARE(readings.size(), before);
    }

    void noticesADefaultSinkChange()
    {
        // A second null sink becomes the default and back: the monitor follows.
        QString moduleId;
        QVERIFY2(pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"), QStringLiteral("sink_name=tastelab_second")}, &moduleId),
                 qPrintable(moduleId));
        moduleId = moduleId.trimmed();
        QString previous;
        QVERIFY(pactl({QStringLiteral("get-default-sink")}, &previous));
        previous = previous.trimmed();

        SystemVolumeMonitor monitor;
        Readings readings;
        std::string error;
        QVERIFY2(monitor.start([&readings](const SystemVolume &v) { readings.add(v); }, &error), error.c_str());
        QCOMPARE(QString::fromStdString(monitor.current().sink), previous);
        QVERIFY(pactl({QStringLiteral("set-default-sink"), QStringLiteral("tastelab_second")}));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(monitor.current().sink), QStringLiteral("tastelab_second"), 10000);
        QVERIFY(pactl({QStringLiteral("set-default-sink"), previous}));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(monitor.current().sink), previous, 10000);

        // A chosen output (the player's device set in Preferences) is followed instead of the default.
        monitor.followSink("tastelab_second");
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(monitor.current().sink), QStringLiteral("tastelab_second"), 10000);
        QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("tastelab_second"), QStringLiteral("33%")}));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(monitor.current().level - 0.33) < 0.005, 10000);
        QCOMPARE(QString::fromStdString(monitor.current().sink), QStringLiteral("tastelab_second"));
        monitor.followSink(std::string());
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(monitor.current().sink), previous, 10000);
        QVERIFY(pactl({QStringLiteral("unload-module"), moduleId}));
    }

    void unreachableServerIsReported()
    {
        // A server address where nothing listens: start() fails with the reason, and nothing runs.
        const QByteArray saved = qgetenv("PULSE_SERVER");
        qputenv("PULSE_SERVER", QByteArray("unix:/nonexistent/tastelab-no-pulse"));
        SystemVolumeMonitor monitor;
        std::string error;
        bool called = false;
        const bool ok = monitor.start([&called](const SystemVolume &) { called = true; }, &error);
        if (saved.isNull())
            qunsetenv("PULSE_SERVER");
        else
            qputenv("PULSE_SERVER", saved);
        QVERIFY(!ok);
        QVERIFY(!monitor.running());
        QVERIFY2(QString::fromStdString(error).startsWith(QLatin1String("PulseAudio is not reachable: ")), error.c_str());
        QVERIFY(!called);
        QVERIFY(!monitor.current().known);
    }
};

QTEST_GUILESS_MAIN(TestSystemVolume)
#include "tst_systemvolume.moc"
