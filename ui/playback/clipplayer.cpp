#include "playback/clipplayer.h"

#include "audio/audiofile.h"
#include "audio/loudness.h"
#include "audio/resampler.h"

#include <QAudioSink>
#include <QFile>
#include <QFutureWatcher>
#include <QIODevice>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>

namespace tastelab {

namespace {

constexpr int kPositionIntervalMs = 50;
constexpr int kSinkBufferMs = 120;     ///< small sink buffer: quick clip start, pause, position
constexpr int kDrainMarginMs = 30;
constexpr int kDeviceCheckTicks = 10;  ///< check that the device still exists every 500 ms
constexpr qint64 kStallMs = 5000;      ///< a sink that takes nothing for this long has failed
constexpr int kReleaseAfterMs = 30000; ///< close the idle stream after this long without a clip

} // namespace

/// What the sink pulls: the current clip, and silence before and after it, so the stream never
/// runs dry between clips. Read on the GUI thread (QAudioSink pull mode reads where the sink
/// lives); it only queues notifications, so the player is never re-entered from inside the sink.
class PcmSource : public QIODevice {
public:
    PcmSource(ClipPlayer *player) : QIODevice(player), m_player(player) {}

    void setFrameSize(int bytesPerFrame) { m_frameSize = qMax(1, bytesPerFrame); }
    void setClip(const QByteArray &pcm, quint64 clipId)
    {
        m_pcm = pcm;
        m_clipId = clipId;
        m_offset = 0;
        m_silenceAfter = 0;
        m_hasClip = true;
        m_dry = false;
        m_queued.start();
    }
    /// Test hook: the next reads of clip audio supply nothing, for ms milliseconds from the first
    /// read refused (the sink reads in bursts: a stall must meet a read to starve it).
    void stall(int ms)
    {
        m_stallMs = ms;
        m_stallPending = true;
        m_stallClock.invalidate();
    }
    void clearClip()
    {
        m_hasClip = false;
        m_pcm.clear();
    }
    qint64 clipBytesRead() const { return m_offset; }
    bool isDry() const { return m_dry; }
    bool clipEnded() const { return m_hasClip && m_offset >= m_pcm.size(); }
    /// Silence read after the clip's last byte.
    qint64 silenceAfterClip() const { return m_silenceAfter; }
    /// Reads of any kind, for stall detection.
    qint64 reads() const { return m_reads; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return (qint64(1) << 20) + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        ++m_reads;
        maxSize -= maxSize % m_frameSize;
        if (maxSize <= 0)
            return 0;
        if (m_hasClip && m_offset < m_pcm.size()) {
            const quint64 id = m_clipId;
            ClipPlayer *player = m_player;
            if (m_stallPending) {
                m_stallPending = false;
                m_stallClock.start();
                // A pull-mode sink that got nothing waits for readyRead before reading again.
                QTimer::singleShot(m_stallMs + 1, this, [this] { Q_EMIT readyRead(); });
            }
            if (m_stallClock.isValid() && m_stallClock.elapsed() < m_stallMs) {
                // The feed has run dry (test hook): the sink gets nothing while clip audio is left.
                if (!m_dry) {
                    m_dry = true;
                    QMetaObject::invokeMethod(player, [player, id] { player->onFeedDry(id, true); }, Qt::QueuedConnection);
                }
                return 0;
            }
            m_stallClock.invalidate();
            if (m_dry) {
                m_dry = false;
                QMetaObject::invokeMethod(player, [player, id] { player->onFeedDry(id, false); }, Qt::QueuedConnection);
            }
            const qint64 n = qMin<qint64>(maxSize, m_pcm.size() - m_offset);
            std::memcpy(data, m_pcm.constData() + m_offset, size_t(n));
            const bool first = m_offset == 0;
            m_offset += n;
            if (first) {
                const qint64 queuedMs = m_queued.elapsed();
                QMetaObject::invokeMethod(player, [player, id] { player->onSourceStarted(id); }, Qt::QueuedConnection);
                QMetaObject::invokeMethod(player, [player, id, queuedMs] { player->onSourceFirstRead(id, queuedMs); },
                                          Qt::QueuedConnection);
            }
            if (m_offset >= m_pcm.size())
                QMetaObject::invokeMethod(player, [player, id] { player->onSourceEnded(id); }, Qt::QueuedConnection);
            return n;
        }
        std::memset(data, 0, size_t(maxSize)); // zero is silence for Float and Int16
        if (m_hasClip)
            m_silenceAfter += maxSize;
        return maxSize;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    ClipPlayer *m_player;
    QByteArray m_pcm;
    quint64 m_clipId = 0;
    qint64 m_offset = 0;
    qint64 m_silenceAfter = 0;
    qint64 m_reads = 0;
    int m_frameSize = 1;
    bool m_hasClip = false;
    bool m_dry = false;
    QElapsedTimer m_queued;       ///< since setClip()
    QElapsedTimer m_stallClock;
    bool m_stallPending = false;
    qint64 m_stallMs = 0;
};

bool ClipRequest::operator==(const ClipRequest &other) const
{
    return path == other.path && startSeconds == other.startSeconds && lengthSeconds == other.lengthSeconds
        && fadeMs == other.fadeMs && loudness == other.loudness && targetRmsDbfs == other.targetRmsDbfs
        && targetLufs == other.targetLufs;
}

ClipPlayer::ClipPlayer(QObject *parent)
    : QObject(parent), m_source(new PcmSource(this))
{
    m_positionTimer.setInterval(kPositionIntervalMs);
    m_finishTimer.setSingleShot(true);
    m_releaseTimer.setSingleShot(true);
    m_releaseTimer.setInterval(kReleaseAfterMs);
    connect(&m_positionTimer, &QTimer::timeout, this, &ClipPlayer::onTick);
    connect(&m_finishTimer, &QTimer::timeout, this, [this] { finishPlayback(m_finishPlayId); });
    connect(&m_releaseTimer, &QTimer::timeout, this, &ClipPlayer::release);
    connect(&m_mediaDevices, &QMediaDevices::audioOutputsChanged, this, &ClipPlayer::checkDevicePresent);
    m_format = formatFor(device());
}

ClipPlayer::~ClipPlayer()
{
    ++m_playId;
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        delete m_sink; // QPulseAudioSink processes events when destroyed: do it while we are whole
        m_sink = nullptr;
    }
}

QAudioFormat ClipPlayer::formatFor(const QAudioDevice &device)
{
    QAudioFormat format = device.preferredFormat();
    if (format.sampleRate() <= 0)
        format.setSampleRate(44100);
    if (format.channelCount() <= 0)
        format.setChannelCount(2);
    if (format.channelCount() > 2) {
        QAudioFormat stereo = format;
        stereo.setChannelCount(2);
        stereo.setSampleFormat(QAudioFormat::Int16);
        if (device.isNull() || device.isFormatSupported(stereo))
            format.setChannelCount(2);
    }
    format.setSampleFormat(QAudioFormat::Float);
    if (!device.isNull() && device.isFormatSupported(format))
        return format;
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

DecodedClip ClipPlayer::decode(const ClipRequest &request, const QAudioFormat &format)
{
    DecodedClip result;
    try {
        audio::AudioBuffer buffer = audio::decodeAudio(QFile::encodeName(request.path).toStdString(),
                                                       request.startSeconds, request.lengthSeconds);
        if (buffer.empty()) {
            result.error = tr("Cannot play %1: the file holds no audio at %2 s.")
                               .arg(request.path)
                               .arg(request.startSeconds, 0, 'f', 1);
            return result;
        }
        buffer = audio::convert(buffer, format.sampleRate(), format.channelCount());
        const double target = request.loudness == audio::LoudnessMode::Lufs ? request.targetLufs : request.targetRmsDbfs;
        const audio::Normalization n = audio::normalize(buffer, request.loudness, target);
        result.loudnessBefore = n.before;
        result.loudnessAfter = n.after;
        result.loudnessUnit = request.loudness == audio::LoudnessMode::Rms ? QStringLiteral("dBFS") : QStringLiteral("LUFS");
        audio::applyFades(buffer, request.fadeMs);

        result.frames = buffer.frames();
        if (format.sampleFormat() == QAudioFormat::Float) {
            result.pcm = QByteArray(reinterpret_cast<const char *>(buffer.samples.data()),
                                    qsizetype(buffer.samples.size() * sizeof(float)));
        } else {
            result.pcm.resize(qsizetype(buffer.samples.size() * sizeof(qint16)));
            auto *out = reinterpret_cast<qint16 *>(result.pcm.data());
            for (size_t i = 0; i < buffer.samples.size(); ++i) {
                const float v = std::clamp(buffer.samples[i], -1.0f, 1.0f);
                out[i] = qint16(std::lround(v * 32767.0f));
            }
        }
    } catch (const audio::AudioError &e) {
        result.error = tr("Cannot play %1: %2")
                           .arg(QFile::decodeName(e.path().c_str()), QString::fromStdString(e.reason()));
    } catch (const std::exception &e) {
        result.error = tr("Cannot play %1: %2").arg(request.path, QString::fromStdString(e.what()));
    }
    return result;
}

QAudioDevice ClipPlayer::device() const
{
    return m_chosenDevice.isNull() ? QMediaDevices::defaultAudioOutput() : m_chosenDevice;
}

void ClipPlayer::setDevice(const QAudioDevice &device)
{
    m_chosenDevice = device;
}

void ClipPlayer::setVolume(float volume)
{
    const float before = m_volume;
    m_volume = std::clamp(volume, 0.0f, 1.0f);
    if (m_sink)
        m_sink->setVolume(m_volume);
    if (m_volume != before)
        Q_EMIT volumeChanged(before, m_volume);
}

QFuture<DecodedClip> ClipPlayer::startDecode(const ClipRequest &request, const QAudioFormat &format)
{
    return QtConcurrent::run([request, format] { return ClipPlayer::decode(request, format); });
}

void ClipPlayer::prepare(const ClipRequest &request)
{
    const QAudioFormat format = formatFor(device());
    if (m_prepared && m_prepared->request == request && m_prepared->format == format)
        return;
    m_prepared = Job{request, format, startDecode(request, format)};
}

void ClipPlayer::play(const ClipRequest &request)
{
    const quint64 playId = ++m_playId;
    m_finishTimer.stop();
    m_releaseTimer.stop();
    m_positionTimer.stop();
    m_source->clearClip();
    m_request = request;
    m_pcm.clear();
    m_lastPosition = 0.0;
    m_activeDevice = device();
    m_integrity = PlaybackIntegrity();
    m_integrity.deviceDescription = m_activeDevice.description();
    m_integrity.deviceId = QString::fromUtf8(m_activeDevice.id());
    m_inUnderrun = false;
    m_defaultOutputId = QMediaDevices::defaultAudioOutput().id();
    m_feedDryEnded.invalidate();
    m_format = formatFor(m_activeDevice);
    m_state = State::Loading;

    if (m_activeDevice.isNull()) {
        fail(tr("The audio device failed: no audio output is available. Check that the sound system "
                "(PulseAudio) is running and an output is connected."));
        return;
    }

    QFuture<DecodedClip> future;
    // A prepared decode that failed is tried again: the file may have been fixed since.
    if (m_prepared && m_prepared->request == request && m_prepared->format == m_format
        && !(m_prepared->future.isFinished() && !m_prepared->future.result().error.isEmpty()))
        future = m_prepared->future;
    else
        future = startDecode(request, m_format);
    m_prepared.reset();

    if (future.isFinished()) {
        onDecoded(playId, future.result());
        return;
    }
    auto *watcher = new QFutureWatcher<DecodedClip>(this);
    connect(watcher, &QFutureWatcher<DecodedClip>::finished, this, [this, watcher, playId] {
        watcher->deleteLater();
        onDecoded(playId, watcher->result());
    });
    watcher->setFuture(future);
}

void ClipPlayer::onDecoded(quint64 playId, const DecodedClip &clip)
{
    if (playId != m_playId)
        return; // superseded by another play() or stop()
    if (!clip.error.isEmpty()) {
        fail(clip.error);
        return;
    }
    m_pcm = clip.pcm;
    m_loudnessBefore = clip.loudnessBefore;
    m_loudnessAfter = clip.loudnessAfter;
    m_loudnessUnit = clip.loudnessUnit;
    startClip();
}

void ClipPlayer::replay()
{
    if (m_pcm.isEmpty()) {
        if (!m_request.path.isEmpty())
            play(m_request);
        return;
    }
    m_activeDevice = device();
    if (formatFor(m_activeDevice) != m_format) {
        play(m_request); // the device changed: decode again for its format
        return;
    }
    ++m_playId;
    m_finishTimer.stop();
    m_releaseTimer.stop();
    m_lastPosition = 0.0;
    startClip();
}

bool ClipPlayer::ensureSink()
{
    const bool usable = m_sink && m_sinkDevice == m_activeDevice && m_sinkFormat == m_format
        && m_sink->state() != QAudio::StoppedState;
    if (usable) {
        if (m_sink->state() == QAudio::SuspendedState)
            m_sink->resume();
        return true;
    }
    release();
    m_sink = new QAudioSink(m_activeDevice, m_format, this);
    m_sinkDevice = m_activeDevice;
    m_sinkFormat = m_format;
    m_sink->setBufferSize(m_format.bytesForDuration(qint64(kSinkBufferMs) * 1000));
    m_sink->setVolume(m_volume);
    m_source->setFrameSize(m_format.bytesPerFrame());
    if (!m_source->isOpen())
        m_source->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    m_sink->start(m_source);
    if (m_sink->state() == QAudio::StoppedState || m_sink->error() == QAudio::OpenError
        || m_sink->error() == QAudio::FatalError) {
        fail(deviceFailureMessage(tr("could not be opened")));
        return false;
    }
    connect(m_sink, &QAudioSink::stateChanged, this, &ClipPlayer::onSinkStateChanged);
    return true;
}

void ClipPlayer::startClip()
{
    m_source->clearClip();
    if (!ensureSink())
        return;
    m_source->setClip(m_pcm, m_playId);
    m_inUnderrun = false;
    m_state = State::Playing;
    m_ticks = 0;
    m_lastReads = -1;
    m_stallClock.start();
    m_positionTimer.start();
}

void ClipPlayer::release()
{
    m_releaseTimer.stop();
    m_positionTimer.stop();
    m_source->clearClip();
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
}

void ClipPlayer::onSourceStarted(quint64 clipId)
{
    if (clipId == m_playId && (m_state == State::Playing || m_state == State::Paused))
        Q_EMIT started();
}

void ClipPlayer::onSourceFirstRead(quint64 clipId, qint64 queuedMs)
{
    if (clipId != m_playId || m_integrity.latencyMs >= 0)
        return; // latency is that of the first presentation
    const qint64 bytesPerSecond = m_format.bytesForDuration(1000000);
    const double bufferMs = m_sink && bytesPerSecond > 0 ? 1000.0 * double(m_sink->bufferSize()) / double(bytesPerSecond)
                                                         : double(kSinkBufferMs);
    m_integrity.latencyMs = double(queuedMs) + bufferMs;
}

void ClipPlayer::noteUnderrun(bool active)
{
    if (active && !m_inUnderrun) {
        m_inUnderrun = true;
        ++m_integrity.underruns;
        m_underrunClock.start();
    } else if (!active && m_inUnderrun) {
        m_inUnderrun = false;
        m_integrity.underrunMs += m_underrunClock.elapsed();
    }
}

void ClipPlayer::onFeedDry(quint64 clipId, bool dry)
{
    if (clipId == m_playId && (m_state == State::Playing || !dry))
        noteUnderrun(dry);
    if (!dry)
        m_feedDryEnded.start();
}

PlaybackIntegrity ClipPlayer::integrity() const
{
    PlaybackIntegrity out = m_integrity;
    out.loudnessBefore = m_loudnessBefore;
    out.loudnessAfter = m_loudnessAfter;
    out.loudnessUnit = m_loudnessUnit;
    if (m_inUnderrun)
        out.underrunMs += m_underrunClock.elapsed();
    return out;
}

void ClipPlayer::stallFeedForTesting(int ms)
{
    m_source->stall(ms);
}

void ClipPlayer::checkOutputsChanged()
{
    // Outputs that come and go elsewhere do not change what is heard; the default output changing
    // does (the system may move the stream there), and so does the clip's own device going away
    // (checkDevicePresent()).
    const QByteArray defaultId = QMediaDevices::defaultAudioOutput().id();
    if (defaultId != m_defaultOutputId) {
        ++m_integrity.deviceChanges;
        m_defaultOutputId = defaultId;
    }
}

void ClipPlayer::onSourceEnded(quint64 clipId)
{
    if (clipId == m_playId && m_state == State::Playing)
        scheduleFinish();
}

void ClipPlayer::scheduleFinish()
{
    // The sink has read the last byte; what it buffers before it still has to play out.
    const qint64 bytesPerSecond = m_format.bytesForDuration(1000000);
    const qint64 pending = qMax<qint64>(0, bufferedBytes() - m_source->silenceAfterClip());
    const int drainMs = bytesPerSecond > 0 ? int(pending * 1000 / bytesPerSecond) : 0;
    m_finishPlayId = m_playId;
    m_finishTimer.start(drainMs + kDrainMarginMs);
}

void ClipPlayer::pause()
{
    if (m_state != State::Playing)
        return;
    m_lastPosition = playedSeconds();
    m_finishTimer.stop();
    m_positionTimer.stop();
    if (m_sink)
        m_sink->suspend();
    m_state = State::Paused;
}

void ClipPlayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_state = State::Playing;
    if (m_sink)
        m_sink->resume();
    m_stallClock.start();
    m_positionTimer.start();
    if (m_source->clipEnded())
        scheduleFinish();
}

void ClipPlayer::stop()
{
    ++m_playId;
    m_finishTimer.stop();
    m_positionTimer.stop();
    m_source->clearClip();
    if (m_sink && m_sink->state() == QAudio::SuspendedState)
        m_sink->resume(); // back to silence
    if (m_state != State::Failed)
        m_state = State::Stopped;
    if (m_sink)
        m_releaseTimer.start();
}

qint64 ClipPlayer::bytesWritten() const
{
    return m_source->clipBytesRead();
}

double ClipPlayer::clipSeconds() const
{
    const int bytesPerFrame = m_format.bytesPerFrame();
    if (bytesPerFrame <= 0 || m_format.sampleRate() <= 0)
        return 0.0;
    return double(m_pcm.size() / bytesPerFrame) / m_format.sampleRate();
}

qint64 ClipPlayer::bufferedBytes() const
{
    if (!m_sink)
        return 0;
    const QAudio::State s = m_sink->state();
    if (s != QAudio::ActiveState && s != QAudio::IdleState && s != QAudio::SuspendedState)
        return 0;
    return qMax<qint64>(0, qint64(m_sink->bufferSize()) - qint64(m_sink->bytesFree()));
}

double ClipPlayer::playedSeconds() const
{
    switch (m_state) {
    case State::Finished:
        return clipSeconds();
    case State::Playing: {
        const int bytesPerFrame = m_format.bytesPerFrame();
        if (bytesPerFrame <= 0 || m_format.sampleRate() <= 0)
            return 0.0;
        // Of what the sink buffers, the silence read after the clip is queued behind the clip.
        const qint64 clipBuffered = qMax<qint64>(0, bufferedBytes() - m_source->silenceAfterClip());
        const qint64 heard = qBound<qint64>(0, m_source->clipBytesRead() - clipBuffered, m_pcm.size());
        const double seconds = double(heard / bytesPerFrame) / m_format.sampleRate();
        m_lastPosition = qMax(m_lastPosition, seconds);
        return m_lastPosition;
    }
    default:
        return m_lastPosition;
    }
}

void ClipPlayer::onSinkStateChanged()
{
    if (!m_sink)
        return;
    const QAudio::Error error = m_sink->error();
    const bool broken = error == QAudio::OpenError || error == QAudio::IOError || error == QAudio::FatalError
        || (m_sink->state() == QAudio::StoppedState && error != QAudio::NoError);
    if (!broken) {
        // Idle with UnderrunError while clip audio is left: the sink ran out of data.
        if (m_state == State::Playing && !m_source->clipEnded() && m_source->clipBytesRead() > 0) {
            // In pull mode the sink only runs dry when the feed gave it nothing, which the feed
            // reports itself; Qt may deliver the sink's Idle state after the feed has recovered, so
            // an Idle report within 2 s of a feed episode is that episode, not a new one.
            const bool afterFeedEpisode = m_feedDryEnded.isValid() && m_feedDryEnded.elapsed() < 2000;
            if (m_sink->state() == QAudio::IdleState && error == QAudio::UnderrunError && !afterFeedEpisode)
                noteUnderrun(true);
            else if (m_sink->state() == QAudio::ActiveState && !m_source->isDry())
                noteUnderrun(false);
        }
        return; // Active, Idle (an underrun) and Suspended are normal
    }
    const QString reason = error == QAudio::OpenError ? tr("could not be opened")
        : error == QAudio::IOError                    ? tr("reported a write error")
                                                      : tr("lost its connection to the sound server");
    if (m_state == State::Playing || m_state == State::Paused || m_state == State::Loading)
        fail(deviceFailureMessage(reason));
    else
        release(); // not in use: open it again for the next clip
}

void ClipPlayer::onTick()
{
    if (m_state != State::Playing)
        return;
    Q_EMIT positionChanged(playedSeconds());

    if (++m_ticks % kDeviceCheckTicks == 0) {
        checkOutputsChanged();
        if (!checkDevicePresent())
            return;
    }
    const qint64 reads = m_source->reads();
    if (reads != m_lastReads) {
        m_lastReads = reads;
        m_stallClock.restart();
    } else if (m_stallClock.elapsed() > kStallMs) {
        fail(deviceFailureMessage(tr("stopped taking audio")));
    }
}

bool ClipPlayer::checkDevicePresent()
{
    if (m_state != State::Playing && m_state != State::Paused && m_state != State::Loading)
        return true;
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    const bool present = std::any_of(outputs.cbegin(), outputs.cend(),
                                     [this](const QAudioDevice &d) { return d.id() == m_activeDevice.id(); });
    if (!present) {
        ++m_integrity.deviceChanges;
        fail(deviceFailureMessage(tr("is no longer available")));
    }
    return present;
}

void ClipPlayer::finishPlayback(quint64 playId)
{
    if (playId != m_playId || m_state != State::Playing)
        return;
    m_positionTimer.stop();
    m_source->clearClip();
    m_state = State::Finished;
    m_lastPosition = clipSeconds();
    m_releaseTimer.start();
    Q_EMIT positionChanged(m_lastPosition);
    Q_EMIT finished();
}

QString ClipPlayer::deviceFailureMessage(const QString &reason) const
{
    return tr("The audio device failed: \"%1\" %2. Check the audio output (Settings > "
              "Preferences) and try again.")
        .arg(m_activeDevice.description(), reason);
}

void ClipPlayer::fail(const QString &message)
{
    ++m_playId;
    m_finishTimer.stop();
    release();
    m_state = State::Failed;
    Q_EMIT failed(message);
}

} // namespace tastelab
