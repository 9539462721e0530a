#pragma once

// The steerable taste profile of one participant (docs/profile.md): prototypes (medoids of their
// liked and disliked tracks in the trained CLEP space), the profile's fidelity to the classifier,
// the slider-adjusted ranking of the recommendation list, and steering feedback ("more like this" /
// "less like this") that retrains the CLEP embedder and says whether the steered track moved.

#include "study/recommendations.h"
#include "study/study.h"
#include "study/training.h"
#include "train/prototypes.h"

namespace tastelab {

struct ProfileRequest {
    QString participant; ///< code
    qint64 modelId = 0;  ///< 0 = the list's default model (defaultRecommendationModel)
    bool perGenre = false;
    int liked = 4;
    int disliked = 4;
    std::uint64_t seed = 1;
};

/// One track in the profile: every track with at least one embedded clip for the model's encoder.
struct ProfileTrack {
    Track track;
    double likeProbability = 0; ///< the model's mean over the track's embedded clips
    int label = -1;             ///< the participant's answer: 1 liked, 0 disliked, -1 none (or neutral)
    bool heard = false;         ///< answered in the survey (then not in the recommendation list)
    int clips = 0;              ///< embedded clips averaged
};

struct TasteProfile {
    QString participant;
    QString encoder;
    qint64 modelId = 0;
    QString model;
    QVector<ProfileTrack> tracks;
    std::vector<train::Prototype> prototypes; ///< point = index into tracks
    train::ProfileSpace space;
    train::Fidelity fidelity; ///< default profile vs the classifier, over all tracks
    std::vector<double> probability; ///< per track (likeProbability)
    std::vector<float> points;       ///< per track its mean embedding in the model's space (row-major)
    std::size_t width = 0;           ///< of a point
    QVector<int> candidates;  ///< the recommendation list: tracks not heard in the survey
    QString notice;

    /// Default slider values (each prototype's sign).
    std::vector<double> defaultSliders() const { return {space.signs.begin(), space.signs.end()}; }
    /// The candidates, highest slider-adjusted score first (train::steeredScores; ties: lower track
    /// index first); with the default sliders the classifier's order.
    QVector<int> ranking(const std::vector<double> &sliders, double strength = 0.5) const;
    /// Index of the track in tracks, -1 when absent.
    int indexOf(qint64 trackId) const;
    /// The k tracks nearest to track `index` in the model's space (itself excluded), nearest first.
    QVector<int> nearest(int index, int k = 3) const;
};

/// Builds the profile with the participant's model (CLEP: prototypes in its embedding space;
/// another kind works in its input space, with a notice). Opens no connection: use it on the
/// Study's thread. False with *error naming the study and the reason (no participant, no model,
/// no rated track with an embedding).
bool buildTasteProfile(Study &study, const ProfileRequest &request, TasteProfile *out, QString *error);

/// "More like this" (+1) / "less like this" (-1) on a track (a prototype) or on an explicit
/// anchor vector in an encoder's input space (an explanation component).
struct SteeringFeedback {
    QString participant;        ///< code
    qint64 trackId = 0;         ///< the steered track, or 0 with an anchor
    QString encoder;            ///< with an anchor: its encoder
    std::vector<float> anchor;  ///< with trackId 0: the anchor
    int direction = 1;
    double weight = 1.0;        ///< docs/profile.md: the best of 0.5, 1, 2, 4 in bench/steer_bench
    QString label;              ///< e.g. "prototype", "component: bass"
};

/// Stores the steering feedback (committed before it returns; a second one on the same track
/// replaces the first). False with *error.
bool recordSteering(Study &study, const SteeringFeedback &feedback, QString *error);
/// Steering feedback entries of the participant.
int steeringCount(Study &study, const QString &participant);
/// For merging station files (inside the caller's transaction): copies participant otherId's
/// steering from other to participant localId here. A steered track is mapped through trackMap
/// (other's track id -> local id, by content hash); on a track steered in both files the newer entry
/// wins, as with feedback. An anchor is added unless the same anchor (encoder, vector, direction)
/// is here. *added counts the entries written. False with *error.
bool mergeSteering(Study &study, qint64 localId, Study &other, qint64 otherId, const QHash<qint64, qint64> &trackMap,
                   int *added, QString *error);

/// Each track's mean like probability over its embedded clips of the model's encoder (NaN for a
/// track without one). False with *error when the model cannot be loaded.
bool trackLikeProbabilities(Study &study, qint64 modelId, const QVector<qint64> &trackIds, QVector<double> *out,
                            QString *error);

/// Whether a steered track (and its neighbours) moved the way asked between two models.
struct SteeringOutcome {
    qint64 trackId = 0;
    int direction = 1;
    double before = 0, after = 0;                   ///< the track's like probability
    double neighboursBefore = 0, neighboursAfter = 0; ///< mean over the neighbours (NaN: none)
    /// The precision of before/after: 0.01 for like probabilities; for explanation weights, two
    /// significant digits of the largest weight (measureComponentSteering), so a model whose weights
    /// are all about 0.001 is judged and shown at 0.0001 and not as "+0.00".
    double step = 0.01;
    /// The change in the asked direction is at least half a step.
    bool movedAsAsked() const { return direction * (after - before) >= step / 2; }
    bool neighboursMovedAsAsked() const { return direction * (neighboursAfter - neighboursBefore) >= step / 2; }
    /// "moved as asked: +0.12 (neighbours +0.05)" / "did not move as asked: −0.01 (neighbours +0.00)",
    /// with as many decimals as the step has.
    QString text() const;
};
bool measureSteering(Study &study, qint64 modelBefore, qint64 modelAfter, qint64 trackId,
                     const QVector<qint64> &neighbours, int direction, SteeringOutcome *out, QString *error);

} // namespace tastelab
