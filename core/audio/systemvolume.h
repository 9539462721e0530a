#pragma once

#include <functional>
#include <memory>
#include <string>

namespace tastelab::audio {

/// The volume and mute of the sound server's default sink (where ClipPlayer plays: QAudioSink
/// uses PulseAudio's default sink), as PulseAudio reports them.
struct SystemVolume {
    bool known = false;      ///< false until the first report, and after the server went away
    std::string sink;        ///< the sink's name, e.g. "alsa_output.pci-0000_00_1f.3.analog-stereo"
    std::string description; ///< its human-readable description
    /// The mean of the channels' volumes as a fraction of PulseAudio's normal volume (1.0 = 100 %,
    /// what `pactl` and the desktop's mixer show as a percentage; above 1 when amplified).
    double level = 0;
    /// The same volume in dB (PulseAudio's cubic software-volume mapping: 0 dB at 100 %,
    /// about -23.9 dB at 40 %); -infinity at 0.
    double db = 0;
    bool muted = false;

    /// Same sink, volume (to 1e-4) and mute.
    bool sameAs(const SystemVolume &other) const;
};

/// Watches the default sink's (or a chosen sink's, followSink()) volume and mute through libpulse (pa_threaded_mainloop and
/// pa_context_subscribe on sink and server events): a change of the volume or mute of the default
/// sink, and a change of which sink is the default, are reported through the callback. Plain C++17,
/// no Qt. The callback runs on PulseAudio's thread (the Qt side must queue it to its own thread)
/// and must not call back into the monitor.
class SystemVolumeMonitor {
public:
    using Callback = std::function<void(const SystemVolume &)>;

    SystemVolumeMonitor();
    ~SystemVolumeMonitor(); ///< stops
    SystemVolumeMonitor(const SystemVolumeMonitor &) = delete;
    SystemVolumeMonitor &operator=(const SystemVolumeMonitor &) = delete;

    /// Connects to the sound server (the one libpulse finds: $PULSE_SERVER, the user's session;
    /// never autospawned), reads the default sink once and subscribes. The callback gets the first
    /// reading and then every change. False with *error (e.g. "PulseAudio is not reachable:
    /// Connection refused") when the server cannot be reached; nothing runs then.
    bool start(Callback callback, std::string *error);
    /// Disconnects and stops PulseAudio's thread; no callback runs after it returns.
    void stop();
    bool running() const;
    /// Watches the sink with this name (PulseAudio's sink name, which is what Qt's PulseAudio
    /// backend gives as QAudioDevice::id()) instead of the default sink; empty: the default sink
    /// again. Takes effect at once: current() holds its reading on return (and the callback got
    /// it). Any thread; never from the callback.
    void followSink(const std::string &name);
    /// The last reading (known == false before the first).
    SystemVolume current() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tastelab::audio
