#include "survey/clipplanner.h"

#include "survey/rng.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tastelab::survey {

namespace {

double roundMs(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

std::string formatCount(int n, const char *singular, const char *plural)
{
    std::ostringstream s;
    s << n << ' ' << (n == 1 ? singular : plural);
    return s.str();
}

} // namespace

bool excerptBounds(double durationSeconds, double clipSeconds, double edgeFraction, double &earliest,
                   double &latest)
{
    earliest = durationSeconds * edgeFraction;
    latest = durationSeconds * (1.0 - edgeFraction) - clipSeconds;
    return clipSeconds > 0 && latest >= earliest;
}

double minimumTrackSeconds(double clipSeconds, double edgeFraction)
{
    return clipSeconds / (1.0 - 2.0 * edgeFraction);
}

Plan planClips(std::vector<PlanTrack> tracks, const PlanOptions &options, std::uint64_t seed)
{
    Plan plan;
    Rng rng(seed);

    // Input order must not matter: sort by id.
    std::sort(tracks.begin(), tracks.end(), [](const PlanTrack &a, const PlanTrack &b) { return a.id < b.id; });

    std::map<std::string, std::vector<const PlanTrack *>> byGenre;
    int tooShort = 0;
    for (const PlanTrack &t : tracks) {
        double earliest, latest;
        if (!excerptBounds(t.durationSeconds, options.clipSeconds, options.edgeFraction, earliest, latest)) {
            ++tooShort;
            continue;
        }
        byGenre[t.genre].push_back(&t);
    }
    if (tooShort > 0) {
        std::ostringstream s;
        s << formatCount(tooShort, "track is", "tracks are") << " too short for a " << options.clipSeconds
          << " s clip away from the track edges and not used";
        plan.notes.push_back(s.str());
    }

    int usable = 0;
    for (const auto &[genre, list] : byGenre)
        usable += int(list.size());
    const int wanted = std::max(0, options.clipsPerParticipant);
    const int total = std::min(wanted, usable);
    if (total < wanted) {
        std::ostringstream s;
        s << "the library has only " << formatCount(usable, "usable track", "usable tracks") << ": " << total
          << " clips per participant instead of " << wanted;
        plan.notes.push_back(s.str());
    }

    // How many clips each genre gives.
    std::map<std::string, int> quota;
    if (options.balanceGenres && !byGenre.empty()) {
        // Water-filling: genres with fewer tracks than the even share give all they have, the
        // rest share what is left evenly; a remainder of less than one per genre goes to
        // randomly chosen genres.
        std::vector<std::string> open;
        for (const auto &[genre, list] : byGenre)
            open.push_back(genre);
        int remaining = total;
        bool changed = true;
        while (changed && !open.empty()) {
            changed = false;
            const int share = remaining / int(open.size());
            for (auto it = open.begin(); it != open.end();) {
                const int available = int(byGenre[*it].size());
                if (available <= share) {
                    quota[*it] = available;
                    remaining -= available;
                    it = open.erase(it);
                    changed = true;
                } else {
                    ++it;
                }
            }
        }
        if (!open.empty()) {
            const int share = remaining / int(open.size());
            int extra = remaining - share * int(open.size());
            for (const std::string &g : open)
                quota[g] = share;
            rng.shuffle(open);
            for (int i = 0; i < extra; ++i)
                quota[open[i]] += 1;
        }
        int lo = total, hi = 0;
        for (const auto &[genre, n] : quota) {
            lo = std::min(lo, n);
            hi = std::max(hi, n);
        }
        plan.balanced = hi - lo <= 1;
        if (!plan.balanced) {
            const int even = total / int(byGenre.size());
            for (const auto &[genre, n] : quota) {
                if (n < even) {
                    std::ostringstream s;
                    s << "genre '" << genre << "' has only " << formatCount(n, "usable track", "usable tracks")
                      << " (an equal share would be " << even << "): genres are not balanced";
                    plan.notes.push_back(s.str());
                }
            }
        }
    }

    struct Entry {
        const PlanTrack *track;
        double start;
        int original; ///< index into entries of the first presentation, or -1
    };
    std::vector<Entry> entries;
    entries.reserve(std::size_t(total + std::max(0, options.repeats)));

    if (options.balanceGenres) {
        for (auto &[genre, list] : byGenre) {
            std::vector<const PlanTrack *> pool = list;
            rng.shuffle(pool);
            const int n = quota[genre];
            for (int i = 0; i < n; ++i)
                entries.push_back({pool[std::size_t(i)], 0.0, -1});
        }
    } else {
        std::vector<const PlanTrack *> pool;
        for (auto &[genre, list] : byGenre)
            pool.insert(pool.end(), list.begin(), list.end());
        rng.shuffle(pool);
        for (int i = 0; i < total; ++i)
            entries.push_back({pool[std::size_t(i)], 0.0, -1});
        for (const auto &[genre, list] : byGenre) {
            (void)list;
            quota[genre] = 0;
        }
        for (const Entry &e : entries)
            quota[e.track->genre] += 1;
        int lo = total, hi = 0;
        for (const auto &[genre, n] : quota) {
            lo = std::min(lo, n);
            hi = std::max(hi, n);
        }
        plan.balanced = hi - lo <= 1;
    }
    plan.perGenre = quota;

    // A random excerpt per track, away from the edges, in milliseconds.
    for (Entry &e : entries) {
        double earliest, latest;
        excerptBounds(e.track->durationSeconds, options.clipSeconds, options.edgeFraction, earliest, latest);
        e.start = roundMs(earliest + rng.uniform() * (latest - earliest));
        if (e.start < earliest) // rounding must not leave the allowed range
            e.start = std::ceil(earliest * 1000.0) / 1000.0;
        if (e.start > latest)
            e.start = std::floor(latest * 1000.0) / 1000.0;
    }

    // A random order.
    rng.shuffle(entries);

    // Repeats: the same excerpt again, later, with at least one other clip in between.
    const int repeats = std::min(std::max(0, options.repeats), int(entries.size()));
    if (repeats < options.repeats) {
        std::ostringstream s;
        s << "only " << repeats << " repeated clips possible";
        plan.notes.push_back(s.str());
    }
    if (repeats > 0) {
        std::vector<int> originals(entries.size());
        for (std::size_t i = 0; i < originals.size(); ++i)
            originals[i] = int(i);
        rng.shuffle(originals);
        originals.resize(std::size_t(repeats));
        // Track originals by identity: mark them, then insert copies one by one.
        std::vector<int> ids(entries.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            ids[i] = int(i); // id of each entry's first presentation (itself)
        for (int originalId : originals) {
            const auto pos = int(std::find(ids.begin(), ids.end(), originalId) - ids.begin());
            const int n = int(entries.size());
            int insertAt = n;
            if (pos + 2 <= n)
                insertAt = pos + 2 + int(rng.below(std::uint64_t(n - (pos + 2) + 1)));
            Entry copy = entries[std::size_t(pos)];
            copy.original = originalId;
            entries.insert(entries.begin() + insertAt, copy);
            ids.insert(ids.begin() + insertAt, -1 - originalId); // copies get negative ids
        }
        // Resolve the original's final position for every copy.
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].original >= 0) {
                const int originalId = entries[i].original;
                entries[i].original = int(std::find(ids.begin(), ids.end(), originalId) - ids.begin());
            }
        }
    }

    plan.items.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        PlanItem item;
        item.position = int(i);
        item.trackId = entries[i].track->id;
        item.startSeconds = entries[i].start;
        item.lengthSeconds = options.clipSeconds;
        item.repeatOf = entries[i].original;
        plan.items.push_back(item);
    }
    return plan;
}

} // namespace tastelab::survey
