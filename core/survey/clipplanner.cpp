#include "survey/clipplanner.h"

#include "survey/rng.h"

#include <algorithm>
#include <cmath>
#include <set>
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

/// Repeats: inserts copies of `repeats` randomly chosen entries (Entry needs an `original` field),
/// each at a random later position with at least one other clip in between. Afterwards a copy's
/// `original` is the final index of its first presentation (others keep theirs). adjust(copy,
/// entryBefore) may change a copy before it is inserted (e.g. give it the block it lands in).
template <typename Entry, typename Adjust>
void insertRepeats(std::vector<Entry> &entries, int repeats, Rng &rng, Adjust adjust)
{
    if (repeats <= 0)
        return;
    // Track first presentations by identity: ids[i] is entries[i]'s own id, copies get -1 - id.
    std::vector<int> ids(entries.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = int(i);
    std::vector<int> originals = ids;
    rng.shuffle(originals);
    originals.resize(std::size_t(repeats));
    for (int originalId : originals) {
        const auto pos = int(std::find(ids.begin(), ids.end(), originalId) - ids.begin());
        const int n = int(entries.size());
        int insertAt = n;
        if (pos + 2 <= n)
            insertAt = pos + 2 + int(rng.below(std::uint64_t(n - (pos + 2) + 1)));
        Entry copy = entries[std::size_t(pos)];
        copy.original = originalId;
        adjust(copy, entries[std::size_t(insertAt - 1)]);
        entries.insert(entries.begin() + insertAt, copy);
        ids.insert(ids.begin() + insertAt, -1 - originalId);
    }
    // Resolve the original's final position for every copy.
    for (Entry &e : entries)
        if (e.original >= 0)
            e.original = int(std::find(ids.begin(), ids.end(), e.original) - ids.begin());
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
    insertRepeats(entries, repeats, rng, [](auto &, const auto &) {});

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

namespace {

/// Interleaves the genres' (already shuffled) lists so that every stretch of the result holds the
/// genres in proportion to their sizes: element j of a genre of n tracks sits at (j + 0.5) / n.
std::vector<const ScheduleTrack *> interleaveGenres(const std::map<std::string, std::vector<const ScheduleTrack *>> &byGenre)
{
    struct Slot {
        double at;
        std::size_t genre;
        const ScheduleTrack *track;
    };
    std::vector<Slot> slots;
    std::size_t g = 0;
    for (const auto &[genre, list] : byGenre) {
        (void)genre;
        for (std::size_t j = 0; j < list.size(); ++j)
            slots.push_back({(double(j) + 0.5) / double(list.size()), g, list[j]});
        ++g;
    }
    std::stable_sort(slots.begin(), slots.end(), [](const Slot &a, const Slot &b) {
        return a.at != b.at ? a.at < b.at : a.genre < b.genre;
    });
    std::vector<const ScheduleTrack *> out;
    out.reserve(slots.size());
    for (const Slot &s : slots)
        out.push_back(s.track);
    return out;
}

double excerptStart(const ScheduleTrack &t, const ScheduleOptions &o, Rng &rng)
{
    double earliest, latest;
    excerptBounds(t.durationSeconds, o.clipSeconds, o.edgeFraction, earliest, latest);
    double start = roundMs(earliest + rng.uniform() * (latest - earliest));
    if (start < earliest)
        start = std::ceil(earliest * 1000.0) / 1000.0;
    if (start > latest)
        start = std::floor(latest * 1000.0) / 1000.0;
    return start;
}

} // namespace

Schedule planSchedule(std::vector<ScheduleTrack> pool, const ScheduleOptions &options, std::uint64_t participantSeed,
                      int participantIndex)
{
    Schedule schedule;
    Plan &plan = schedule.plan;
    // Input order must not matter: by key, then id.
    std::sort(pool.begin(), pool.end(), [](const ScheduleTrack &a, const ScheduleTrack &b) {
        return a.key != b.key ? a.key < b.key : a.id < b.id;
    });
    std::map<std::int64_t, const ScheduleTrack *> byId;
    std::vector<const ScheduleTrack *> usable;
    int tooShort = 0;
    for (const ScheduleTrack &t : pool) {
        double earliest, latest;
        if (!excerptBounds(t.durationSeconds, options.clipSeconds, options.edgeFraction, earliest, latest)) {
            ++tooShort;
            continue;
        }
        usable.push_back(&t);
        byId[t.id] = &t;
    }
    // Separate streams, so that e.g. adding practice clips does not change the main clips.
    Rng orderRng(participantSeed ^ 0x6F72646572ull);   // "order"
    Rng extraRng(participantSeed ^ 0x6578747261ull);   // "extra"

    struct Entry {
        const ScheduleTrack *track;
        double start;
        int block;
        int original; ///< index of the first presentation (in entries before repeats), or -1
    };
    std::vector<Entry> chosen;

    if (options.balancedAssignment) {
        if (tooShort > 0) {
            std::ostringstream s;
            s << formatCount(tooShort, "track is", "tracks are") << " too short for a " << options.clipSeconds
              << " s clip away from the track edges and not used";
            plan.notes.push_back(s.str());
        }
        Rng studyRng(options.studySeed);
        std::vector<const ScheduleTrack *> order;
        if (options.balanceGenres) {
            std::map<std::string, std::vector<const ScheduleTrack *>> byGenre;
            for (const ScheduleTrack *t : usable)
                byGenre[t->genre].push_back(t);
            for (auto &[genre, list] : byGenre)
                studyRng.shuffle(list);
            order = interleaveGenres(byGenre);
        } else {
            order = usable;
            studyRng.shuffle(order);
        }
        // One excerpt per track for the whole study, so that a "clip" is the same for everyone.
        std::map<std::int64_t, double> starts;
        for (const ScheduleTrack *t : usable)
            starts[t->id] = excerptStart(*t, options, studyRng);
        const int poolSize = int(order.size());
        const int wanted = std::max(0, options.clipsPerParticipant);
        const int n = std::min(wanted, poolSize);
        if (n < wanted) {
            std::ostringstream s;
            s << "the pool has only " << formatCount(poolSize, "usable track", "usable tracks") << ": " << n
              << " clips per participant instead of " << wanted;
            plan.notes.push_back(s.str());
        }
        if (poolSize > 0) {
            const std::int64_t first = (std::int64_t(std::max(0, participantIndex)) * n) % poolSize;
            for (int k = 0; k < n; ++k) {
                const ScheduleTrack *t = order[std::size_t((first + k) % poolSize)];
                chosen.push_back({t, starts[t->id], 0, -1});
            }
        }
        for (const Entry &e : chosen)
            plan.perGenre[e.track->genre] += 1;
        int lo = n, hi = 0;
        for (const auto &[genre, c] : plan.perGenre) {
            lo = std::min(lo, c);
            hi = std::max(hi, c);
        }
        plan.balanced = plan.perGenre.empty() || hi - lo <= 1;
    } else {
        std::vector<PlanTrack> tracks;
        for (const ScheduleTrack &t : pool)
            tracks.push_back({t.id, t.genre, t.durationSeconds});
        PlanOptions o;
        o.clipSeconds = options.clipSeconds;
        o.clipsPerParticipant = options.clipsPerParticipant;
        o.balanceGenres = options.balanceGenres;
        o.repeats = 0;
        o.edgeFraction = options.edgeFraction;
        const Plan base = planClips(tracks, o, participantSeed);
        plan.notes = base.notes;
        plan.perGenre = base.perGenre;
        plan.balanced = base.balanced;
        for (const PlanItem &item : base.items)
            chosen.push_back({byId.at(item.trackId), item.startSeconds, 0, -1});
    }

    // One unshuffled-into-blocks schedule in random order: exactly planClips()'s plan (order and
    // repeats included), so studies without blocks or balanced assignment keep the plans their
    // participants got before schedules existed.
    const bool legacy = !options.balancedAssignment && options.blocks == BlockMode::None && options.shuffleWithinBlocks;
    std::vector<std::vector<Entry>> blocks;
    std::vector<std::string> names;
    if (options.blocks == BlockMode::Genre) {
        std::map<std::string, std::vector<Entry>> byGenre;
        for (const Entry &e : chosen)
            byGenre[e.track->genre].push_back(e);
        for (auto &[genre, list] : byGenre) {
            names.push_back(genre);
            blocks.push_back(std::move(list));
        }
    } else if (options.blocks == BlockMode::Random && !chosen.empty()) {
        const int count = std::max(1, std::min(options.blockCount, int(chosen.size())));
        if (count < options.blockCount) {
            std::ostringstream s;
            s << "only " << formatCount(count, "block", "blocks") << " possible with " << chosen.size() << " clips";
            plan.notes.push_back(s.str());
        }
        std::vector<Entry> dealt = chosen;
        orderRng.shuffle(dealt);
        blocks.resize(std::size_t(count));
        for (std::size_t i = 0; i < dealt.size(); ++i)
            blocks[i % std::size_t(count)].push_back(dealt[i]);
        for (int b = 0; b < count; ++b)
            names.push_back(std::to_string(b + 1));
    } else if (!legacy) {
        blocks.push_back(chosen);
        names.push_back("1");
    }
    // Order of clips within blocks: shuffled, or the pool's order (by key).
    for (auto &block : blocks) {
        if (options.shuffleWithinBlocks)
            orderRng.shuffle(block);
        else
            std::sort(block.begin(), block.end(), [](const Entry &a, const Entry &b) {
                return a.track->key != b.track->key ? a.track->key < b.track->key : a.track->id < b.track->id;
            });
    }
    std::vector<std::size_t> blockOrder(blocks.size());
    for (std::size_t i = 0; i < blockOrder.size(); ++i)
        blockOrder[i] = i;
    if (options.shuffleBlocks)
        orderRng.shuffle(blockOrder);
    std::vector<Entry> entries;
    for (std::size_t b = 0; b < blockOrder.size(); ++b) {
        schedule.blockNames.push_back(names[blockOrder[b]]);
        for (Entry e : blocks[blockOrder[b]]) {
            e.block = int(b);
            entries.push_back(e);
        }
    }
    schedule.blockCount = std::max<int>(1, int(blocks.size()));
    if (schedule.blockNames.empty())
        schedule.blockNames.push_back("1");
    if (legacy) {
        std::vector<PlanTrack> tracks;
        for (const ScheduleTrack &t : pool)
            tracks.push_back({t.id, t.genre, t.durationSeconds});
        PlanOptions o;
        o.clipSeconds = options.clipSeconds;
        o.clipsPerParticipant = options.clipsPerParticipant;
        o.balanceGenres = options.balanceGenres;
        o.repeats = options.repeats;
        o.edgeFraction = options.edgeFraction;
        Plan full = planClips(tracks, o, participantSeed);
        plan.items = std::move(full.items);
        plan.notes = std::move(full.notes);
    }

    // Repeats: the same excerpt again, later, with at least one other clip in between; the copy
    // belongs to the block of the clip before it.
    const int repeats = legacy ? 0 : std::min(std::max(0, options.repeats), int(entries.size()));
    if (!legacy && repeats < options.repeats) {
        std::ostringstream s;
        s << "only " << repeats << " repeated clips possible";
        plan.notes.push_back(s.str());
    }
    insertRepeats(entries, repeats, orderRng, [](auto &copy, const auto &before) { copy.block = before.block; });
    for (std::size_t i = 0; i < entries.size(); ++i) {
        PlanItem item;
        item.position = int(i);
        item.trackId = entries[i].track->id;
        item.startSeconds = entries[i].start;
        item.lengthSeconds = options.clipSeconds;
        item.repeatOf = entries[i].original;
        item.block = entries[i].block;
        plan.items.push_back(item);
    }

    // Practice: explicit tracks first, then tracks outside the main set, then (when the pool is
    // too small) tracks of the main set.
    if (options.practiceClips > 0) {
        std::set<std::int64_t> main;
        for (const Entry &e : chosen)
            main.insert(e.track->id);
        std::vector<const ScheduleTrack *> picks;
        std::set<std::int64_t> picked;
        for (std::int64_t id : options.practiceTracks) {
            auto it = byId.find(id);
            if (it != byId.end() && !picked.count(id) && int(picks.size()) < options.practiceClips) {
                picks.push_back(it->second);
                picked.insert(id);
            }
        }
        std::vector<const ScheduleTrack *> outside, inside;
        for (const ScheduleTrack *t : usable) {
            if (picked.count(t->id))
                continue;
            (main.count(t->id) ? inside : outside).push_back(t);
        }
        extraRng.shuffle(outside);
        extraRng.shuffle(inside);
        for (const ScheduleTrack *t : outside)
            if (int(picks.size()) < options.practiceClips)
                picks.push_back(t);
        if (int(picks.size()) < options.practiceClips && !inside.empty()) {
            plan.notes.push_back("not enough tracks outside the participant's clips: some practice clips are also main clips");
            for (const ScheduleTrack *t : inside)
                if (int(picks.size()) < options.practiceClips)
                    picks.push_back(t);
        }
        for (std::size_t i = 0; i < picks.size(); ++i) {
            ExtraItem x;
            x.seq = int(i);
            x.beforePosition = 0;
            x.block = 0;
            x.trackId = picks[i]->id;
            x.startSeconds = excerptStart(*picks[i], options, extraRng);
            x.lengthSeconds = options.clipSeconds;
            schedule.practice.push_back(x);
        }
    }

    // Catch clips at seeded random positions (never before the first clip), distinct where possible.
    if (!options.catchClips.empty() && options.catchPerParticipant != 0) {
        std::vector<int> which(options.catchClips.size());
        for (std::size_t i = 0; i < which.size(); ++i)
            which[i] = int(i);
        extraRng.shuffle(which);
        const int count = options.catchPerParticipant < 0 ? int(which.size())
                                                           : std::min(options.catchPerParticipant, int(which.size()));
        which.resize(std::size_t(count));
        const int n = int(plan.items.size());
        std::vector<int> slots; // candidate positions 1..n
        for (int p = 1; p <= n; ++p)
            slots.push_back(p);
        extraRng.shuffle(slots);
        std::vector<int> positions;
        for (int i = 0; i < count; ++i)
            positions.push_back(slots.empty() ? 0 : slots[std::size_t(i) % slots.size()]);
        std::sort(positions.begin(), positions.end());
        for (int i = 0; i < count; ++i) {
            ExtraItem x;
            x.seq = i;
            x.beforePosition = positions[std::size_t(i)];
            x.block = x.beforePosition > 0 ? plan.items[std::size_t(x.beforePosition - 1)].block : 0;
            x.catchIndex = which[std::size_t(i)];
            schedule.catches.push_back(x);
        }
    }
    return schedule;
}

Coverage coverage(const std::vector<std::int64_t> &pool, const std::vector<std::vector<std::int64_t>> &heardPerParticipant)
{
    Coverage c;
    c.participants = int(heardPerParticipant.size());
    for (std::int64_t id : pool)
        c.counts[id] = 0;
    for (const auto &heard : heardPerParticipant) {
        std::set<std::int64_t> once(heard.begin(), heard.end()); // a repeat is not heard "more"
        for (std::int64_t id : once)
            c.counts[id] += 1;
    }
    c.tracks = int(c.counts.size());
    if (c.counts.empty())
        return c;
    c.minCount = c.counts.begin()->second;
    c.maxCount = c.minCount;
    double sum = 0;
    for (const auto &[id, n] : c.counts) {
        c.minCount = std::min(c.minCount, n);
        c.maxCount = std::max(c.maxCount, n);
        sum += n;
    }
    c.meanCount = sum / double(c.counts.size());
    return c;
}

} // namespace tastelab::survey
