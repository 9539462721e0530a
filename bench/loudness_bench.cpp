// Measures what issue 8 adds to a clip's preparation and to making a participant, and prints
// figures (see docs/benchmarks.md):
//  - loudness per 10-s clip (44.1 kHz stereo): RMS, integrated loudness (libebur128), and a full
//    LUFS normalization (measure, gain, measure again), as the player does for every clip,
//  - a participant's schedule on a large pool: classic plan, genre blocks, balanced assignment,
//  - the coverage of a simulated study.
// Usage: loudness_bench [--clips N] [--pool N] [--participants N]   (no Qt)

#include "audio/loudness.h"
#include "survey/clipplanner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace tastelab;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

audio::AudioBuffer musicLike(int seed)
{
    audio::AudioBuffer b;
    b.sampleRate = 44100;
    b.channels = 2;
    const int frames = 10 * b.sampleRate;
    b.samples.resize(std::size_t(frames) * 2);
    std::uint32_t x = std::uint32_t(seed) * 2654435761u + 1;
    double lp = 0;
    for (int i = 0; i < frames; ++i) {
        x = x * 1664525u + 1013904223u;
        lp = lp * 0.95 + 0.05 * ((double(x >> 8) / double(1u << 24)) * 2 - 1);
        const double t = double(i) / b.sampleRate;
        const double v = 0.3 * std::sin(2 * 3.14159265 * (110 + seed) * t) * (0.6 + 0.4 * std::sin(t * 3)) + 2.0 * lp;
        b.samples[std::size_t(i) * 2] = float(v * 0.5);
        b.samples[std::size_t(i) * 2 + 1] = float(v * 0.45);
    }
    return b;
}

} // namespace

int main(int argc, char *argv[])
{
    int clips = 50, poolSize = 20000, participants = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--clips"))
            clips = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--pool"))
            poolSize = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--participants"))
            participants = std::atoi(argv[i + 1]);
    }

    std::vector<double> rms, lufs, normalize;
    double maxError = 0;
    for (int c = 0; c < clips; ++c) {
        audio::AudioBuffer b = musicLike(c);
        auto t0 = Clock::now();
        volatile double r = audio::rmsDbfs(b);
        (void)r;
        rms.push_back(msSince(t0));
        t0 = Clock::now();
        volatile double l = audio::integratedLufs(b);
        (void)l;
        lufs.push_back(msSince(t0));
        t0 = Clock::now();
        const audio::Normalization n = audio::normalize(b, audio::LoudnessMode::Lufs, -23.0);
        normalize.push_back(msSince(t0));
        maxError = std::max(maxError, std::fabs(n.after - -23.0));
    }
    std::printf("loudness, per 10-s 44.1 kHz stereo clip (median of %d): RMS %.2f ms, integrated loudness %.2f ms, "
                "LUFS normalization (measure, gain, measure again) %.2f ms; largest distance from -23 LUFS after: %.3f LU\n",
                clips, median(rms), median(lufs), median(normalize), maxError);

    std::vector<survey::ScheduleTrack> pool;
    const char *genres[] = {"ambient", "jazz", "rock", "pop", "classical", "techno"};
    for (int i = 0; i < poolSize; ++i)
        pool.push_back({i + 1, std::to_string(1000000007ll * (i + 1) % 998244353), genres[i % 6], 120.0 + i % 200});
    struct Case {
        const char *name;
        survey::ScheduleOptions options;
    };
    survey::ScheduleOptions classic;
    classic.repeats = 20;
    classic.practiceClips = 3;
    classic.catchClips = {{"c1", "c1.wav", 0}, {"c2", "c2.wav", 1}};
    survey::ScheduleOptions blocks = classic;
    blocks.blocks = survey::BlockMode::Genre;
    survey::ScheduleOptions balanced = blocks;
    balanced.balancedAssignment = true;
    balanced.studySeed = 2026;
    for (const Case &c : {Case{"classic plan", classic}, Case{"genre blocks", blocks}, Case{"genre blocks + balanced assignment", balanced}}) {
        std::vector<double> times;
        std::vector<std::vector<std::int64_t>> heard;
        for (int i = 0; i < participants; ++i) {
            const auto t0 = Clock::now();
            const survey::Schedule s = survey::planSchedule(pool, c.options, std::uint64_t(i + 1) * 0x9E3779B97F4A7C15ull, i);
            times.push_back(msSince(t0));
            std::vector<std::int64_t> ids;
            for (const survey::PlanItem &item : s.plan.items)
                if (item.repeatOf < 0)
                    ids.push_back(item.trackId);
            heard.push_back(ids);
        }
        std::vector<std::int64_t> ids;
        for (const survey::ScheduleTrack &t : pool)
            ids.push_back(t.id);
        const auto t0 = Clock::now();
        const survey::Coverage cov = survey::coverage(ids, heard);
        const double coverageMs = msSince(t0);
        std::printf("schedule, %s: 200 clips + 20 repeats + 3 practice + 2 catch from a %d-track pool: median %.2f ms per "
                    "participant; coverage over %d participants: min %d, max %d, mean %.3f (computed in %.2f ms)\n",
                    c.name, poolSize, median(times), participants, cov.minCount, cov.maxCount, cov.meanCount, coverageMs);
    }
    return 0;
}
