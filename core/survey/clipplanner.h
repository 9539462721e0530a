#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tastelab::survey {

/// A track as the planner sees it.
struct PlanTrack {
    std::int64_t id = 0;
    std::string genre;
    double durationSeconds = 0;
};

struct PlanOptions {
    double clipSeconds = 10.0;
    int clipsPerParticipant = 200;
    bool balanceGenres = true; ///< equal count per genre where the library allows
    int repeats = 0;           ///< consistency check: clips heard a second time at a random later position
    double edgeFraction = 0.05; ///< excerpts stay away from the first and last 5 % of a track
};

/// One clip of a participant's plan.
struct PlanItem {
    int position = 0;          ///< 0-based order of presentation
    std::int64_t trackId = 0;
    double startSeconds = 0;   ///< excerpt start within the track
    double lengthSeconds = 0;
    int repeatOf = -1;         ///< position of the first presentation for a repeated clip, else -1
    int block = 0;             ///< 0-based block in presentation order
};

struct Plan {
    std::vector<PlanItem> items;
    std::map<std::string, int> perGenre; ///< unique clips per genre (repeats not counted)
    bool balanced = true;                ///< every genre got the same count
    /// Human-readable notes on what could not be honoured, e.g. "only 7 tracks in genre 'jazz':
    /// balance not possible; 7 jazz clips". Empty when everything was as asked.
    std::vector<std::string> notes;
};

/// Earliest and latest excerpt start for a track, honouring the edge fraction. Returns false when
/// the track is too short to hold a clip away from its edges.
bool excerptBounds(double durationSeconds, double clipSeconds, double edgeFraction, double &earliest,
                   double &latest);

/// The shortest track that can hold one clip of clipSeconds away from its edges.
double minimumTrackSeconds(double clipSeconds, double edgeFraction = 0.05);

/// Builds a participant's plan. Deterministic: the same tracks (in any order), options and seed
/// give the same plan. Each track is used at most once (plus repeats). Tracks too short for a clip
/// are skipped and mentioned in notes. With balanceGenres, every genre gets
/// floor(clips / genres) clips where it has enough tracks; a genre with fewer tracks gives all of
/// them and the remainder is spread over the other genres as evenly as they allow.
Plan planClips(std::vector<PlanTrack> tracks, const PlanOptions &options, std::uint64_t seed);

} // namespace tastelab::survey

namespace tastelab::survey {

// ---------------------------------------------------------------------------------------------
// Schedules (issue 8): blocks, a subset of N from a pool, balanced assignment across participants,
// practice and catch clips. A participant's schedule is a pure function of the options (from the
// study file), the pool, the participant's seed and their index (order of creation).
// ---------------------------------------------------------------------------------------------

/// A pool track for schedules. key orders the pool independently of database ids (the content
/// SHA-256), so two stations with the same music get the same schedules.
struct ScheduleTrack {
    std::int64_t id = 0;
    std::string key;
    std::string genre;
    double durationSeconds = 0;
};

struct CatchSpec {
    std::string id;
    std::string file;
    int expected = 0;
};

enum class BlockMode { None, Genre, Random };

struct ScheduleOptions {
    double clipSeconds = 10.0;
    int clipsPerParticipant = 200;
    bool balanceGenres = true;
    int repeats = 0;
    double edgeFraction = 0.05;
    BlockMode blocks = BlockMode::None;
    int blockCount = 2;
    bool shuffleBlocks = true;
    bool shuffleWithinBlocks = true;
    /// Study-level shuffle of the pool; participant i takes the cyclic window starting at i * N.
    bool balancedAssignment = false;
    std::uint64_t studySeed = 0;
    int practiceClips = 0;
    std::vector<std::int64_t> practiceTracks; ///< explicit practice tracks (ids in the pool), used first
    std::vector<CatchSpec> catchClips;
    int catchPerParticipant = -1; ///< -1 = all
};

/// A practice or catch clip, shown right before plan position beforePosition.
struct ExtraItem {
    int seq = 0;
    int beforePosition = 0;
    int block = 0;
    std::int64_t trackId = 0; ///< practice
    int catchIndex = -1;      ///< catch: index into ScheduleOptions::catchClips
    double startSeconds = 0;
    double lengthSeconds = 0; ///< catch: 0 = whole file
};

struct Schedule {
    Plan plan;                     ///< the data clips (main and repeats) with blocks, in order
    int blockCount = 1;
    std::vector<std::string> blockNames; ///< per block: the genre (genre blocks) or "1", "2", ...
    std::vector<ExtraItem> practice;
    std::vector<ExtraItem> catches; ///< sorted by beforePosition
};

/// Builds a participant's schedule. Deterministic in (pool in any order, options, participant seed,
/// participant index). Without balanced assignment the clips are chosen as planClips() chooses
/// them (seeded by the participant); with it, the pool is shuffled once for the study (genres
/// interleaved when balanceGenres) and participant i takes N consecutive tracks from position
/// i * N mod pool size, so after any number of participants every track has been assigned
/// floor or ceil of (participants * N / pool) times, and excerpt starts are the same for everyone.
Schedule planSchedule(std::vector<ScheduleTrack> pool, const ScheduleOptions &options, std::uint64_t participantSeed,
                      int participantIndex);

/// The schedule index of a station's participant: with S stations, station k's (1..S) participant
/// number n (0-based, in that station's order) gets n * S + (k - 1), so S stations with equal counts
/// take exactly the windows one station would. With one station: n.
inline int stationScheduleIndex(int localIndex, int stations, int station)
{
    return stations <= 1 ? localIndex : localIndex * stations + (station - 1);
}

/// How often each pool track is heard (repeats not counted) across participants.
struct Coverage {
    int participants = 0;
    int tracks = 0;   ///< pool size
    int minCount = 0;
    int maxCount = 0;
    double meanCount = 0;
    std::map<std::int64_t, int> counts; ///< every pool track, 0 when never heard
};

Coverage coverage(const std::vector<std::int64_t> &pool, const std::vector<std::vector<std::int64_t>> &heardPerParticipant);

} // namespace tastelab::survey
