#pragma once

#include "audio/loudness.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QElapsedTimer>
#include <QFuture>
#include <QMediaDevices>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cmath>
#include <limits>
#include <optional>

class QAudioSink;

namespace tastelab {

class PcmSource;

/// One excerpt to play: which file, which range, and how to condition it.
struct ClipRequest {
    QString path;
    double startSeconds = 0.0;
    double lengthSeconds = -1.0; ///< < 0: to the end of the file
    double fadeMs = 30.0;
    double targetRmsDbfs = -20.0;
    /// Normalisation (core/audio/loudness.h): Lufs to targetLufs, Rms to targetRmsDbfs, None.
    audio::LoudnessMode loudness = audio::LoudnessMode::Rms;
    double targetLufs = -23.0;

    bool operator==(const ClipRequest &other) const;
    bool operator!=(const ClipRequest &other) const { return !(*this == other); }
};

/// Decoded, converted and conditioned PCM in the device format (the result of a decode job).
struct DecodedClip {
    QByteArray pcm;
    qint64 frames = 0;
    QString error; ///< set when decoding failed; names the file and the reason
    /// The clip's level before and after normalisation (before fades), in loudnessUnit:
    /// integrated loudness in LUFS for LoudnessMode::Lufs and None, RMS in dBFS for Rms.
    double loudnessBefore = std::numeric_limits<double>::quiet_NaN();
    double loudnessAfter = std::numeric_limits<double>::quiet_NaN();
    QString loudnessUnit;
};

/// What the player observed while the current clip (and its replays) played: the audio-integrity
/// record stored with an answer. See docs/quality.md for what each figure measures and what Qt
/// does not let us observe.
struct PlaybackIntegrity {
    QString deviceDescription;
    QString deviceId;
    /// Underrun episodes during the clip: the feed gave the sink nothing while clip audio was left
    /// (a stall), or the sink reported IdleState with UnderrunError. Underflows inside the sound
    /// server are not visible through QAudioSink (docs/quality.md).
    int underruns = 0;
    qint64 underrunMs = 0; ///< total time of those episodes
    /// Time from the clip being queued to the sink reading its first bytes, plus the sink
    /// buffer's duration (what the sink holds before the clip reaches the device). -1 unknown.
    double latencyMs = -1;
    double loudnessBefore = std::numeric_limits<double>::quiet_NaN();
    double loudnessAfter = std::numeric_limits<double>::quiet_NaN();
    QString loudnessUnit;
    /// Changes of the system's default output while the clip played, and the clip's device
    /// disappearing (other outputs coming and going do not count).
    int deviceChanges = 0;

    /// An answer to this clip is flagged: it was given with an underrun or a device change.
    bool flagged() const { return underruns > 0 || deviceChanges > 0; }
};

/// Plays one clip at a time through a QAudioSink.
///
/// The clip is decoded with libsndfile, converted to the device's rate and channel count,
/// normalised to the requested RMS level and faded in/out on a pool thread (QtConcurrent), never
/// on the GUI thread. prepare() decodes the next clip ahead so that play() can start it at once.
///
/// The sink runs in pull mode from an in-memory QIODevice and stays open between clips (it is fed
/// silence then), so a clip starts within one sink buffer (~120 ms) and the stream is not set up
/// again for every clip. It is closed after 30 s without a clip, on a device change and on
/// failure. bytesWritten() counts the clip bytes the sink has actually read.
///
/// Device failures are reported through failed(): a sink error, the device disappearing from
/// QMediaDevices::audioOutputs() (checked every 500 ms while a clip plays, since Qt 6.4's
/// PulseAudio backend does not emit audioOutputsChanged), or a sink that takes no audio for 5 s.
///
/// Each clip keeps an audio-integrity record (integrity(): device, underruns, latency, loudness
/// before and after normalisation, device changes), stored with the answer (docs/quality.md).
///
/// Lives on the GUI thread; every method must be called there. Signals are emitted there too.
class ClipPlayer : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Loading, Playing, Paused, Finished, Failed };
    Q_ENUM(State)

    explicit ClipPlayer(QObject *parent = nullptr);
    ~ClipPlayer() override;

    /// Starts playing request (decoding it first unless prepare() already did). Stops whatever is
    /// playing. started() follows when the sink takes the clip's first bytes.
    void play(const ClipRequest &request);
    /// Decodes request in the background so that a later play(request) starts without a gap.
    /// Only the most recent prepared request is kept.
    void prepare(const ClipRequest &request);
    /// Plays the current clip again from its beginning (no decoding).
    void replay();
    /// Suspends the sink; resume() continues where it stopped.
    void pause();
    void resume();
    /// Stops the clip and drops a pending decode of it. Emits nothing.
    void stop();
    /// Stops and closes the audio stream (it is opened again by the next play()).
    void release();

    /// The output device; a null QAudioDevice follows the system default. Applies from the next
    /// play() or replay().
    void setDevice(const QAudioDevice &device);
    /// The device the next clip will use (the default output when none was set).
    QAudioDevice device() const;
    /// Linear volume 0..1, applied at once.
    void setVolume(float volume);
    float volume() const { return m_volume; }

    State state() const { return m_state; }
    ClipRequest currentRequest() const { return m_request; }
    /// The format the current (or next) clip is played in.
    QAudioFormat format() const { return m_format; }
    /// Seconds of the current clip heard so far (read by the sink minus what it still buffers).
    double playedSeconds() const;
    /// Length of the decoded current clip in seconds (0 before it is decoded).
    double clipSeconds() const;
    /// Bytes of the current clip the sink has read from the player so far.
    qint64 bytesWritten() const;
    /// Size of the current clip's PCM in bytes.
    qint64 clipBytes() const { return m_pcm.size(); }
    /// The integrity record of the current clip, accumulated over its replays; a new play()
    /// starts a fresh one.
    PlaybackIntegrity integrity() const;

    /// Test-only: the PCM source supplies no data for ms milliseconds, from the sink's next read
    /// of clip audio (it returns 0 bytes), which starves the sink like a stalled decoder or a
    /// blocked feed would. Used to check that underruns are recorded.
    void stallFeedForTesting(int ms);

    /// The format ClipPlayer uses for device: its preferred rate and channel count (at most two
    /// when the device takes stereo), Float samples when supported, else Int16.
    static QAudioFormat formatFor(const QAudioDevice &device);
    /// Decodes and conditions request for format. Runs on any thread; never throws.
    static DecodedClip decode(const ClipRequest &request, const QAudioFormat &format);

Q_SIGNALS:
    /// The sink has taken the first bytes of the clip (after play(), replay()).
    void started();
    void positionChanged(double seconds);
    /// The clip played to its end and the sink has played out what it buffered.
    void finished();
    /// A decode error (message names the file and the reason) or an audio device failure
    /// (message says that the audio device failed).
    void failed(const QString &message);
    /// setVolume() changed the app's playback volume (linear 0..1).
    void volumeChanged(float from, float to);

private:
    friend class PcmSource;

    struct Job {
        ClipRequest request;
        QAudioFormat format;
        QFuture<DecodedClip> future;
    };

    QFuture<DecodedClip> startDecode(const ClipRequest &request, const QAudioFormat &format);
    void onDecoded(quint64 playId, const DecodedClip &clip);
    void startClip();
    bool ensureSink();
    void onSinkStateChanged();
    /// False (after failing) when the device of the current clip is gone.
    bool checkDevicePresent();
    void onTick();
    void onSourceStarted(quint64 clipId);
    void onSourceEnded(quint64 clipId);
    void onSourceFirstRead(quint64 clipId, qint64 queuedMs);
    void onFeedDry(quint64 clipId, bool dry);
    void scheduleFinish();
    void noteUnderrun(bool active);
    void checkOutputsChanged();
    void finishPlayback(quint64 playId);
    void fail(const QString &message);
    QString deviceFailureMessage(const QString &reason) const;
    qint64 bufferedBytes() const;

    QMediaDevices m_mediaDevices;
    QAudioDevice m_chosenDevice;  ///< null: follow the default output
    QAudioDevice m_activeDevice;  ///< the device of the current clip
    QAudioFormat m_format;
    QAudioSink *m_sink = nullptr;
    QAudioDevice m_sinkDevice;
    QAudioFormat m_sinkFormat;
    PcmSource *m_source = nullptr;
    QTimer m_positionTimer;
    QTimer m_finishTimer;
    QTimer m_releaseTimer;
    QElapsedTimer m_stallClock;
    qint64 m_lastReads = -1;
    int m_ticks = 0;
    std::optional<Job> m_prepared;
    ClipRequest m_request;
    QByteArray m_pcm;
    quint64 m_playId = 0;
    quint64 m_finishPlayId = 0;
    State m_state = State::Stopped;
    float m_volume = 1.0f;
    mutable double m_lastPosition = 0.0; ///< playedSeconds() never goes backwards within a clip
    PlaybackIntegrity m_integrity;
    QElapsedTimer m_queuedClock;   ///< since the clip was handed to the source
    QElapsedTimer m_underrunClock; ///< since the current underrun episode began
    bool m_inUnderrun = false;
    QElapsedTimer m_feedDryEnded;  ///< since the feed's last underrun episode ended
    QByteArray m_defaultOutputId;
    double m_loudnessBefore = std::numeric_limits<double>::quiet_NaN();
    double m_loudnessAfter = std::numeric_limits<double>::quiet_NaN();
    QString m_loudnessUnit;
};

} // namespace tastelab
