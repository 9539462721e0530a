#pragma once

// The ranked recommendation list: every library track a participant (or listener) has not heard,
// scored by one of their trained models, and the feedback they give on it.

#include "study/embeddingstore.h"
#include "study/study.h"
#include "study/training.h"

#include <QHash>

#include <limits>

namespace tastelab {

/// The excerpts of a track that are embedded and scored for recommendations: `count` clips of
/// clipSeconds, their starts evenly spread over the track between 5 % and 95 % of its length
/// (the planner's margins): start_i = 0.05 d + (i + 0.5) / count * (0.9 d - clipSeconds),
/// i = 0 .. count-1, rounded to 1 ms (kept inside those margins; starts that round together count
/// once). A track too short for a clip away from its edges gives one clip in its middle, from
/// max(0, (d - clipSeconds) / 2) (from 0 for a track shorter than a clip). Deterministic: the same
/// track always gives the same clips, so they are embedded once and shared by every participant.
/// count = 1 gives the central excerpt, which is also the middle one of any odd count (so the
/// default 3 covers 1).
QVector<ClipKey> libraryExcerpts(const Track &track, double clipSeconds, int count = 3);
/// libraryExcerpts of every track of the study, with the study's clip length.
QVector<ClipKey> libraryExcerpts(const Study &study, int count = 3);

struct RecommendationRequest {
    QString participant;    ///< code
    qint64 modelId = 0;     ///< 0 = the participant's newest CLEP-PN model (else newest of any kind)
    qint64 safeModelId = 0; ///< CLEP-N model for the dislike risk; 0 = newest CLEP-N of the same encoder
    int excerpts = 3;       ///< per track (libraryExcerpts(track, clip, excerpts)), averaged
};

struct Recommendation {
    int rank = 0;                 ///< 1-based, by like probability
    Track track;
    double likeProbability = 0;   ///< mean over the track's excerpts
    double dislikeRisk = std::numeric_limits<double>::quiet_NaN(); ///< 1 - CLEP-N's mean like probability
    int excerpts = 0;             ///< excerpts with an embedding (the rest are missing)
    int feedback = -1;            ///< -1 none, 1 liked, 0 not for me (from the list)
};

/// Where recommend() spent its time (the benchmark's split). Chunks of vectors are predicted on
/// the thread pool while the next ones are read, so load and predict overlap: totalSeconds is about
/// loadSeconds + waitSeconds + rankSeconds, and predictSeconds is summed over the pool's threads.
struct RecommendationTimings {
    double loadSeconds = 0;    ///< wall time until every cached vector was read from SQLite (with answers, tracks)
    double predictSeconds = 0; ///< time in Model::predict, both models, summed over the chunks
    double waitSeconds = 0;    ///< wall time after the reading, until the last prediction was in
    double rankSeconds = 0;    ///< averaging per track and sorting
    double totalSeconds = 0;   ///< wall time of recommend()
};

struct Recommendations {
    QString participant;
    QString encoder;
    qint64 modelId = 0;
    QString model;          ///< kind, e.g. "clep-pn"
    qint64 safeModelId = 0; ///< 0 when no CLEP-N model exists (dislike risk unavailable)
    QVector<Recommendation> items; ///< highest like probability first
    int unheardTracks = 0;
    int missingEmbeddings = 0; ///< unheard tracks without any embedded excerpt (left out)
    QString notice;         ///< e.g. "12 tracks have no embeddings yet: extract library excerpts"
    RecommendationTimings timing;
};

/// The model a list is scored with when none is asked for: among models (newest first, as
/// storedModels() gives them) and, when encoder is not empty, only those on that encoder, the newest
/// CLEP-PN, else the newest of any kind. nullopt when there is none.
std::optional<TrainedModel> defaultRecommendationModel(const QVector<TrainedModel> &models,
                                                       const QString &encoder = QString());

/// Scores the unheard tracks: every track without a survey answer of the participant (tracks they
/// gave feedback on stay in the list, with Recommendation::feedback set). Each track's score is the
/// mean like-probability of the model over its embedded library excerpts (train::averageByTrack),
/// the dislike risk 1 - the CLEP-N model's mean over the same excerpts. Tracks without any embedded
/// excerpt are left out and counted in missingEmbeddings (with a notice). False with *error when
/// the participant or model is missing, or the model belongs to someone else.
/// Opens no connection of its own: use it on the Study's thread (or open a Study on the worker).
/// Predicts on the global thread pool (one thread per chunk of excerpts), while it reads.
bool recommend(Study &study, const RecommendationRequest &request, Recommendations *out, QString *error);

/// Sorted copies: by like probability (highest first) or by dislike risk (lowest first; tracks
/// without a risk last).
QVector<Recommendation> byLikeProbability(QVector<Recommendation> items);
QVector<Recommendation> byDislikeRisk(QVector<Recommendation> items);

/// Extended M3U (#EXTM3U, #EXTINF:<seconds>,<artist> - <title>, then the resolved file path) and
/// CSV (rank,title,artist,genre,like_probability,dislike_risk,excerpts,path), written atomically.
bool writeM3u(const Study &study, const QVector<Recommendation> &items, const QString &path, QString *error);
bool writeRecommendationsCsv(const Study &study, const QVector<Recommendation> &items, const QString &path,
                             QString *error);

/// Feedback from the list, saved as an answer (source "feedback", position -trackId) on the track's
/// central library excerpt (libraryExcerpts(track, clip, 1): embedded by any odd excerpt count,
/// the default 3 included), with the scale's top value for a like and its bottom value for "not
/// for me". A second feedback on the same track replaces the first. Committed before it returns.
bool recordFeedback(Study &study, const QString &participant, qint64 trackId, bool like, QString *error);
/// Feedback answers of the participant given after `since` (e.g. the newest model's creation):
/// what retraining would add.
int feedbackSince(Study &study, const QString &participant, const QDateTime &since);

/// What retraining after feedback trains: the model a list was scored with (same participant,
/// encoder and kind, with the settings and label mapping stored with it, see retrainingRequest())
/// and, when safeModelId is not 0 and the list's model is not itself CLEP-N, CLEP-N as well (with
/// the same settings), so that the dislike risk also learns from the feedback. False with *error
/// when modelId is not a stored model.
bool feedbackRetrainingRequest(Study &study, qint64 modelId, qint64 safeModelId, TrainingRequest *out,
                               QString *error);

/// One track of two rankings of the same participant's tracks (before and after retraining).
struct RankChange {
    Track track;
    int rank = 0;         ///< after (1-based); 0 when the track left the list
    int previousRank = 0; ///< before; 0 when the track is new in the list
    double likeProbability = std::numeric_limits<double>::quiet_NaN();         ///< after
    double previousLikeProbability = std::numeric_limits<double>::quiet_NaN(); ///< before
    int feedback = -1; ///< the participant's feedback on the track (the newer list's, else the older's)

    bool isNew() const { return previousRank == 0 && rank > 0; }
    bool isRemoved() const { return rank == 0 && previousRank > 0; }
    bool isRated() const { return feedback >= 0; }
    /// Places risen: previousRank - rank (▲ positive, ▼ negative); 0 when new or removed.
    int rankChange() const { return isNew() || isRemoved() ? 0 : previousRank - rank; }
    /// likeProbability - previousLikeProbability; NaN when new or removed.
    double scoreChange() const { return likeProbability - previousLikeProbability; }
};

/// How a ranking changed: every track of either list, with its places and scores in both.
struct RankingComparison {
    QVector<RankChange> changes; ///< the newer list's tracks in its order, then those that left it (older order)
    int compared = 0;            ///< tracks in both lists
    int newTracks = 0;           ///< only in the newer list
    int removedTracks = 0;       ///< only in the older list
    int ratedTracks = 0;         ///< of the compared ones, rated by the participant (isRated)

    /// The change of a track, nullptr when it is in neither list.
    const RankChange *find(qint64 trackId) const;
    /// Tracks in both lists, not rated, whose place changed by at least `places` (up or down).
    int movedAtLeast(int places) const;
    /// Among the tracks in both lists that are not rated: the biggest rise and the biggest fall
    /// (the one listed first on ties), nullptr when no such track rose (fell).
    const RankChange *biggestRise() const;
    const RankChange *biggestFall() const;
    /// Tracks in both lists, not rated, sorted by how far they moved (either way; then by the newer
    /// rank): the top movers.
    QVector<RankChange> topMovers(int count) const;

    QHash<qint64, int> indexOf; ///< track id -> index in changes
};

/// Compares two rankings of one participant's tracks, e.g. the list before and after retraining
/// on new feedback. Each list's order is its ranking: a track's rank is its Recommendation::rank
/// when set (> 0), else its 1-based position. Tracks are matched by id. Tracks the participant
/// rated (feedback in either list) are compared too but left out of movedAtLeast, biggestRise,
/// biggestFall and topMovers: the model was just trained on them, so their move says little.
RankingComparison compareRankings(const QVector<Recommendation> &before, const QVector<Recommendation> &after);

/// "▲12", "▼3", "=" (same place), "new" or "gone".
QString rankChangeText(const RankChange &change);
/// "+0.08" / "−0.12" / "±0.00" (2 decimals, a real minus sign); empty when new or removed.
QString scoreChangeText(const RankChange &change);
/// One line on what moved, e.g. "143 of 480 tracks moved 5 or more places; biggest rise: “Title”
/// ▲41; biggest fall: “Other” ▼17; 2 rated tracks not counted; 1 new in the list".
QString describeMoves(const RankingComparison &comparison, int places = 5);

} // namespace tastelab
