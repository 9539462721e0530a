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
