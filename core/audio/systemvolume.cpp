#include "audio/systemvolume.h"

#include <pulse/pulseaudio.h>

#include <cmath>
#include <cstdint>
#include <mutex>

namespace tastelab::audio {

bool SystemVolume::sameAs(const SystemVolume &o) const
{
    return known == o.known && sink == o.sink && muted == o.muted && std::abs(level - o.level) < 1e-4;
}

struct SystemVolumeMonitor::Private {
    pa_threaded_mainloop *loop = nullptr;
    pa_context *context = nullptr;
    Callback callback;
    bool running = false;
    // Touched on PulseAudio's thread, and under the mainloop lock by start():
    std::string defaultSink;
    std::string wantedSink; ///< followSink(); empty: the default sink
    std::uint32_t sinkIndex = PA_INVALID_INDEX;
    bool firstReading = false; ///< the first query (server info, then the sink) is answered
    bool wasReady = false;
    // Read from any thread:
    mutable std::mutex mutex;
    SystemVolume current;

    void publish(const SystemVolume &v)
    {
        bool changed = false;
        {
            std::lock_guard<std::mutex> lock(mutex);
            changed = !current.sameAs(v);
            current = v;
        }
        if (changed && callback)
            callback(v);
    }

    void queryServer()
    {
        if (pa_operation *op = pa_context_get_server_info(context, &Private::onServerInfo, this))
            pa_operation_unref(op);
    }

    static void onState(pa_context *c, void *self)
    {
        auto *d = static_cast<Private *>(self);
        switch (pa_context_get_state(c)) {
        case PA_CONTEXT_READY:
            d->wasReady = true;
            pa_threaded_mainloop_signal(d->loop, 0);
            break;
        case PA_CONTEXT_FAILED:
        case PA_CONTEXT_TERMINATED:
            if (d->wasReady) // the server went away: the volume is no longer known
                d->publish(SystemVolume{});
            d->firstReading = true;
            pa_threaded_mainloop_signal(d->loop, 0);
            break;
        default:
            break;
        }
    }

    static void onServerInfo(pa_context *c, const pa_server_info *info, void *self)
    {
        auto *d = static_cast<Private *>(self);
        d->defaultSink = info && info->default_sink_name ? info->default_sink_name : "";
        const std::string &sink = d->wantedSink.empty() ? d->defaultSink : d->wantedSink;
        if (sink.empty()) {
            d->sinkIndex = PA_INVALID_INDEX;
            d->publish(SystemVolume{});
            d->firstReading = true;
            pa_threaded_mainloop_signal(d->loop, 0);
            return;
        }
        if (pa_operation *op = pa_context_get_sink_info_by_name(c, sink.c_str(), &Private::onSinkInfo, self))
            pa_operation_unref(op);
    }

    static void onSinkInfo(pa_context *, const pa_sink_info *info, int eol, void *self)
    {
        auto *d = static_cast<Private *>(self);
        if (eol != 0 || !info) {
            if (eol < 0) // the default sink vanished between the two queries
                d->publish(SystemVolume{});
            d->firstReading = true;
            pa_threaded_mainloop_signal(d->loop, 0);
            return;
        }
        d->sinkIndex = info->index;
        SystemVolume v;
        v.known = true;
        v.sink = info->name ? info->name : "";
        v.description = info->description ? info->description : "";
        const pa_volume_t mean = pa_cvolume_avg(&info->volume);
        v.level = double(mean) / double(PA_VOLUME_NORM);
        v.db = pa_sw_volume_to_dB(mean);
        v.muted = info->mute != 0;
        d->publish(v);
    }

    static void onEvent(pa_context *c, pa_subscription_event_type_t type, std::uint32_t index, void *self)
    {
        auto *d = static_cast<Private *>(self);
        const unsigned facility = type & PA_SUBSCRIPTION_EVENT_FACILITY_MASK;
        const unsigned kind = type & PA_SUBSCRIPTION_EVENT_TYPE_MASK;
        if (facility == PA_SUBSCRIPTION_EVENT_SERVER) {
            d->queryServer(); // the default sink may have changed
        } else if (facility == PA_SUBSCRIPTION_EVENT_SINK) {
            if (kind == PA_SUBSCRIPTION_EVENT_CHANGE && index == d->sinkIndex) {
                if (pa_operation *op = pa_context_get_sink_info_by_index(c, index, &Private::onSinkInfo, self))
                    pa_operation_unref(op);
            } else if (kind != PA_SUBSCRIPTION_EVENT_CHANGE) {
                d->queryServer(); // a sink came or went: which one is the default now?
            }
        }
    }
};

SystemVolumeMonitor::SystemVolumeMonitor() : d(std::make_unique<Private>()) {}

SystemVolumeMonitor::~SystemVolumeMonitor() { stop(); }

bool SystemVolumeMonitor::start(Callback callback, std::string *error)
{
    stop();
    auto failWith = [&](const std::string &why) {
        if (error)
            *error = why;
        stop();
        return false;
    };
    d->callback = std::move(callback);
    d->firstReading = false;
    d->wasReady = false;
    d->defaultSink.clear();
    d->sinkIndex = PA_INVALID_INDEX;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->current = SystemVolume{};
    }
    d->loop = pa_threaded_mainloop_new();
    if (!d->loop)
        return failWith("PulseAudio: cannot create its main loop");
    d->context = pa_context_new(pa_threaded_mainloop_get_api(d->loop), "Tastelab volume monitor");
    if (!d->context)
        return failWith("PulseAudio: cannot create a context");
    pa_context_set_state_callback(d->context, &Private::onState, d.get());
    if (pa_context_connect(d->context, nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr) < 0)
        return failWith(std::string("PulseAudio is not reachable: ") + pa_strerror(pa_context_errno(d->context)));
    pa_threaded_mainloop_lock(d->loop);
    if (pa_threaded_mainloop_start(d->loop) < 0) {
        pa_threaded_mainloop_unlock(d->loop);
        return failWith("PulseAudio: cannot start its thread");
    }
    d->running = true;
    for (;;) {
        const pa_context_state_t state = pa_context_get_state(d->context);
        if (state == PA_CONTEXT_READY)
            break;
        if (!PA_CONTEXT_IS_GOOD(state)) {
            const std::string why = std::string("PulseAudio is not reachable: ") + pa_strerror(pa_context_errno(d->context));
            pa_threaded_mainloop_unlock(d->loop);
            return failWith(why);
        }
        pa_threaded_mainloop_wait(d->loop);
    }
    pa_context_set_subscribe_callback(d->context, &Private::onEvent, d.get());
    if (pa_operation *op = pa_context_subscribe(
            d->context, pa_subscription_mask_t(PA_SUBSCRIPTION_MASK_SINK | PA_SUBSCRIPTION_MASK_SERVER), nullptr, nullptr))
        pa_operation_unref(op);
    d->queryServer();
    while (!d->firstReading && PA_CONTEXT_IS_GOOD(pa_context_get_state(d->context)))
        pa_threaded_mainloop_wait(d->loop);
    pa_threaded_mainloop_unlock(d->loop);
    return true;
}

void SystemVolumeMonitor::stop()
{
    if (d->loop) {
        if (d->running)
            pa_threaded_mainloop_lock(d->loop);
        if (d->context) {
            pa_context_set_subscribe_callback(d->context, nullptr, nullptr);
            pa_context_set_state_callback(d->context, nullptr, nullptr);
            pa_context_disconnect(d->context);
            pa_context_unref(d->context);
            d->context = nullptr;
        }
        if (d->running) {
            pa_threaded_mainloop_unlock(d->loop);
            pa_threaded_mainloop_stop(d->loop);
        }
        pa_threaded_mainloop_free(d->loop);
        d->loop = nullptr;
    } else if (d->context) {
        pa_context_unref(d->context);
        d->context = nullptr;
    }
    d->running = false;
}

bool SystemVolumeMonitor::running() const { return d->running; }

void SystemVolumeMonitor::followSink(const std::string &name)
{
    if (!d->running) {
        d->wantedSink = name;
        return;
    }
    pa_threaded_mainloop_lock(d->loop);
    if (d->wantedSink != name) {
        d->wantedSink = name;
        d->sinkIndex = PA_INVALID_INDEX;
        if (d->context && pa_context_get_state(d->context) == PA_CONTEXT_READY) {
            // Synchronously, as start(): current() holds the new sink's reading on return.
            d->firstReading = false;
            d->queryServer();
            while (!d->firstReading && PA_CONTEXT_IS_GOOD(pa_context_get_state(d->context)))
                pa_threaded_mainloop_wait(d->loop);
        }
    }
    pa_threaded_mainloop_unlock(d->loop);
}

SystemVolume SystemVolumeMonitor::current() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->current;
}

} // namespace tastelab::audio
