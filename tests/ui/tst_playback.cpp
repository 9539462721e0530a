// ClipPlayer against a real PulseAudio server with a null sink.
// Start one for local runs:
//   pulseaudio -D -n --exit-idle-time=-1 --load=module-null-sink --load=module-native-protocol-unix

#include "playback/clipplayer.h"

#include "audio/audiofile.h"

#include <QAudioDevice>
#include <QElapsedTimer>
#include <QFile>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tastelab;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// A sine tone with a slow level change, so loudness normalisation has something to do.
audio::AudioBuffer tone(int sampleRate, int channels, double seconds, double frequency)
{
    audio::AudioBuffer buffer;
    buffer.sampleRate = sampleRate;
    buffer.channels = channels;
    const auto frames = std::int64_t(std::llround(seconds * sampleRate));
    buffer.samples.resize(size_t(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i) {
        const double t = double(i) / sampleRate;
        const float v = float(0.3 * std::sin(2.0 * kPi * frequency * t));
        for (int c = 0; c < channels; ++c)
            buffer.samples[size_t(i * channels + c)] = v;
    }
    return buffer;
}

QString runPactl(const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    *ok = process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestClipPlayer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void playsWholeClip();
    void preparedClipStartsAtOnce();
    void replayAndStop();
    void corruptFileFails();
    void missingFileFails();
    void removedDeviceFails();
    void normalClipHasNoUnderrun();
    void stalledFeedIsAnUnderrun();
    void lufsNormalisationReported();

private:
    QTemporaryDir m_dir;
    QString m_wav;
};

void TestClipPlayer::initTestCase()
{
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    if (outputs.isEmpty()) {
        QFAIL("No audio output device: PulseAudio is not running. Start it with `pulseaudio -D -n "
              "--exit-idle-time=-1 --load=module-null-sink --load=module-native-protocol-unix`.");
    }
    qInfo() << "default output:" << QMediaDevices::defaultAudioOutput().description()
            << "format:" << ClipPlayer::formatFor(QMediaDevices::defaultAudioOutput());

    QVERIFY(m_dir.isValid());
    m_wav = m_dir.filePath(QStringLiteral("tone.wav"));
    // 32 kHz mono, so the player has to resample and remix for the device.
    audio::writeAudio(QFile::encodeName(m_wav).toStdString(), tone(32000, 1, 2.5, 440.0));
    QVERIFY(QFile::exists(m_wav));
}

void TestClipPlayer::playsWholeClip()
{
    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    QSignalSpy failed(&player, &ClipPlayer::failed);
    QSignalSpy position(&player, &ClipPlayer::positionChanged);

    ClipRequest request;
    request.path = m_wav;
    request.startSeconds = 0.5;
    request.lengthSeconds = 1.5;
    request.fadeMs = 20;
    request.targetRmsDbfs = -20;

    QElapsedTimer clock;
    clock.start();
    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(player.state(), ClipPlayer::State::Finished);

    // The null sink consumes audio in real time: the clip cannot have finished much earlier.
    QVERIFY2(elapsedMs >= 1300, qPrintable(QStringLiteral("finished after %1 ms").arg(elapsedMs)));

    const QAudioFormat format = player.format();
    QVERIFY(format.sampleFormat() == QAudioFormat::Float || format.sampleFormat() == QAudioFormat::Int16);
    const qint64 expectedFrames = std::llround(1.5 * format.sampleRate());
    const qint64 expectedBytes = expectedFrames * format.channelCount() * format.bytesPerSample();
    const qint64 tolerance = 8 * qint64(format.bytesPerFrame()); // resampler rounding
    qInfo() << "bytes written" << player.bytesWritten() << "expected" << expectedBytes << "format" << format;
    QCOMPARE(player.bytesWritten(), player.clipBytes());
    QVERIFY2(qAbs(player.bytesWritten() - expectedBytes) <= tolerance,
             qPrintable(QStringLiteral("%1 bytes written, expected %2").arg(player.bytesWritten()).arg(expectedBytes)));

    QVERIFY(position.count() >= 5);
    double last = -1;
    for (const QList<QVariant> &args : position) {
        const double seconds = args.first().toDouble();
        QVERIFY(seconds >= last);
        last = seconds;
    }
    QCOMPARE(player.playedSeconds(), player.clipSeconds());
    QVERIFY(qAbs(player.clipSeconds() - 1.5) < 0.01);
}

void TestClipPlayer::preparedClipStartsAtOnce()
{
    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    ClipRequest request{m_wav, 0.0, 0.5, 10, -20};
    player.prepare(request);
    // Give the pool thread time to decode; play() then starts the sink synchronously.
    QTest::qWait(500);
    QElapsedTimer clock;
    clock.start();
    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 1000);
    qInfo() << "prepared clip started after" << clock.elapsed() << "ms";
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);

    // The stream stays open between clips: the next clip (and one after a stop) starts quickly.
    const ClipRequest other{m_wav, 1.0, 0.5, 10, -20};
    player.prepare(other);
    QTest::qWait(300);
    clock.restart();
    player.play(other);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 1000);
    QVERIFY2(clock.elapsed() < 400, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(100);
    player.stop();
    clock.restart();
    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 3, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    QCOMPARE(player.bytesWritten(), player.clipBytes());
}

void TestClipPlayer::replayAndStop()
{
    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    ClipRequest request{m_wav, 0.0, 1.0, 10, -20};
    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTest::qWait(300);
    player.pause();
    QCOMPARE(player.state(), ClipPlayer::State::Paused);
    const double pausedAt = player.playedSeconds();
    QTest::qWait(300);
    QCOMPARE(player.playedSeconds(), pausedAt);
    player.resume();
    player.replay();
    QVERIFY(player.playedSeconds() < 0.2);
    // (The null sink takes up to 2 s to run again after a suspend; real devices are quicker.)
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 4000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);

    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 3, 5000);
    player.stop();
    QCOMPARE(player.state(), ClipPlayer::State::Stopped);
    QTest::qWait(1500);
    QCOMPARE(finished.count(), 1); // a stopped clip does not report an end
}

void TestClipPlayer::corruptFileFails()
{
    const QString corrupt = m_dir.filePath(QStringLiteral("corrupt-clip.wav"));
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray junk(64 * 1024, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 7919) & 0xff);
    file.write("RIFF");
    file.write(junk);
    file.close();

    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy failed(&player, &ClipPlayer::failed);
    player.play(ClipRequest{corrupt, 0.0, 1.0, 10, -20});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const QString message = failed.first().first().toString();
    qInfo() << message;
    QVERIFY2(message.contains(QStringLiteral("corrupt-clip.wav")), qPrintable(message));
    QCOMPARE(started.count(), 0);
    QCOMPARE(player.state(), ClipPlayer::State::Failed);
}

void TestClipPlayer::missingFileFails()
{
    ClipPlayer player;
    QSignalSpy failed(&player, &ClipPlayer::failed);
    const QString missing = m_dir.filePath(QStringLiteral("no-such-file.flac"));
    player.prepare(ClipRequest{missing, 0.0, 1.0, 10, -20});
    player.play(ClipRequest{missing, 0.0, 1.0, 10, -20});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("no-such-file.flac")));
}

void TestClipPlayer::removedDeviceFails()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty())
        QSKIP("pactl is not installed: cannot add and remove a sink");
    bool ok = false;
    const QString sinkName = QStringLiteral("tastelab_test_sink_%1").arg(QCoreApplication::applicationPid());
    const QString module = runPactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                                     QStringLiteral("sink_name=%1").arg(sinkName)},
                                    &ok);
    if (!ok)
        QSKIP("pactl could not load a second null sink");
    auto unload = qScopeGuard([&] {
        bool unloaded = false;
        runPactl({QStringLiteral("unload-module"), module}, &unloaded);
    });

    QAudioDevice device;
    auto findDevice = [&] {
        for (const QAudioDevice &d : QMediaDevices::audioOutputs()) {
            if (d.id() == sinkName.toUtf8())
                device = d;
        }
        return !device.isNull();
    };
    QTRY_VERIFY_WITH_TIMEOUT(findDevice(), 5000);

    ClipPlayer player;
    player.setDevice(device);
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy failed(&player, &ClipPlayer::failed);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    player.play(ClipRequest{m_wav, 0.0, 2.0, 10, -20});
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTest::qWait(200);

    unload.dismiss();
    runPactl({QStringLiteral("unload-module"), module}, &ok);
    QVERIFY(ok);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const QString message = failed.first().first().toString();
    qInfo() << message;
    QVERIFY2(message.contains(QStringLiteral("audio device failed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no longer available")), qPrintable(message));
    QCOMPARE(finished.count(), 0);
}

void TestClipPlayer::normalClipHasNoUnderrun()
{
    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    player.play(ClipRequest{m_wav, 0.0, 1.5, 10, -20});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const PlaybackIntegrity integrity = player.integrity();
    qInfo() << "device" << integrity.deviceDescription << "latency ms" << integrity.latencyMs << "loudness"
            << integrity.loudnessBefore << "->" << integrity.loudnessAfter << integrity.loudnessUnit;
    QCOMPARE(integrity.underruns, 0);
    QCOMPARE(integrity.underrunMs, 0);
    QCOMPARE(integrity.deviceChanges, 0);
    QVERIFY(!integrity.flagged());
    QCOMPARE(integrity.deviceDescription, QMediaDevices::defaultAudioOutput().description());
    QCOMPARE(integrity.deviceId, QString::fromUtf8(QMediaDevices::defaultAudioOutput().id()));
    // At least the sink buffer (Qt gives 80 ms of the 120 ms asked for) lies before the device.
    QVERIFY2(integrity.latencyMs >= 50, qPrintable(QString::number(integrity.latencyMs)));
    // The tone is at 0.3 amplitude (about -13.5 dBFS RMS); normalised to -20 dBFS.
    QVERIFY2(qAbs(integrity.loudnessBefore - (-13.5)) < 0.7, qPrintable(QString::number(integrity.loudnessBefore)));
    QVERIFY2(qAbs(integrity.loudnessAfter - (-20.0)) < 0.5, qPrintable(QString::number(integrity.loudnessAfter)));
    QCOMPARE(integrity.loudnessUnit, QStringLiteral("dBFS"));
}

void TestClipPlayer::stalledFeedIsAnUnderrun()
{
    ClipPlayer player;
    QSignalSpy started(&player, &ClipPlayer::started);
    QSignalSpy finished(&player, &ClipPlayer::finished);
    QSignalSpy failed(&player, &ClipPlayer::failed);
    player.play(ClipRequest{m_wav, 0.0, 2.0, 10, -20});
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTest::qWait(300);
    player.stallFeedForTesting(400);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(failed.isEmpty());
    const PlaybackIntegrity integrity = player.integrity();
    qInfo() << "underruns" << integrity.underruns << "underrun ms" << integrity.underrunMs;
    QCOMPARE(integrity.underruns, 1);
    QVERIFY2(integrity.underrunMs >= 350, qPrintable(QString::number(integrity.underrunMs)));
    QVERIFY(integrity.flagged());
    // The whole clip was still played, after the stall.
    QCOMPARE(player.bytesWritten(), player.clipBytes());

    // A new clip starts with a clean record.
    player.play(ClipRequest{m_wav, 0.0, 0.5, 10, -20});
    QCOMPARE(player.integrity().underruns, 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(player.integrity().underruns, 0);
}

void TestClipPlayer::lufsNormalisationReported()
{
    // decode() conditions like play() does; the record reports both levels in LUFS.
    ClipRequest request{m_wav, 0.0, 2.0, 10, -20};
    request.loudness = audio::LoudnessMode::Lufs;
    request.targetLufs = -23.0;
    const QAudioFormat format = ClipPlayer::formatFor(QMediaDevices::defaultAudioOutput());
    const DecodedClip clip = ClipPlayer::decode(request, format);
    QVERIFY2(clip.error.isEmpty(), qPrintable(clip.error));
    qInfo() << "LUFS before" << clip.loudnessBefore << "after" << clip.loudnessAfter;
    QCOMPARE(clip.loudnessUnit, QStringLiteral("LUFS"));
    QVERIFY2(qAbs(clip.loudnessAfter - (-23.0)) < 0.5, qPrintable(QString::number(clip.loudnessAfter)));
    // A 440 Hz sine of peak 0.3 on both channels reads about 20 log10(0.3) = -10.5 LUFS.
    QVERIFY2(qAbs(clip.loudnessBefore - (-10.5)) < 1.0, qPrintable(QString::number(clip.loudnessBefore)));

    ClipPlayer player;
    QSignalSpy finished(&player, &ClipPlayer::finished);
    request.lengthSeconds = 0.8;
    player.play(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(player.integrity().loudnessUnit, QStringLiteral("LUFS"));
    QVERIFY(qAbs(player.integrity().loudnessAfter - (-23.0)) < 0.5);
}

QTEST_MAIN(TestClipPlayer)
#include "tst_playback.moc"
