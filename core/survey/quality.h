#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tastelab::survey {

/// Data-quality computations of a participant's answers (plain C++17, no Qt). Documented in
/// docs/quality.md.

/// How disagreements between the two presentations of a repeated clip are weighted.
enum class KappaWeights {
    None,      ///< Cohen's kappa: every disagreement counts fully (like/dislike)
    Linear,    ///< w = |i - j| / (k - 1)
    Quadratic, ///< w = (i - j)^2 / (k - 1)^2 (Likert scales; the default there)
};

/// Cohen's kappa of paired ratings (first presentation, second presentation) on the categories
/// minValue..maxValue. Pairs with a value outside the range are ignored. Returns NaN when it is
/// undefined: no pairs, or chance agreement is total (every answer in one category, expected
/// disagreement 0).
double cohensKappa(const std::vector<std::pair<int, int>> &pairs, int minValue, int maxValue,
                   KappaWeights weights = KappaWeights::None);

/// Longest run of identical consecutive values (0 for an empty list).
int longestRun(const std::vector<int> &values);

/// For each value: whether it belongs to a run of identical consecutive values of at least
/// minRun (minRun <= 1 flags nothing: a run of one is no straight-lining).
std::vector<bool> straightLineFlags(const std::vector<int> &values, int minRun);

/// An answer as the quality check sees it, in the order of presentation.
struct QualityAnswer {
    int position = 0;
    int value = 0;
    std::int64_t responseMs = 0; ///< from the clip's start to the answer
    int repeatOf = -1;           ///< position of the first presentation of a repeated clip
    bool isCatch = false;
    int catchExpected = 0;       ///< the correct value of a catch clip
    bool integrityFlag = false;  ///< answered during an underrun or a device change
    int focusLosses = 0;         ///< times the app lost focus or was minimised during the clip
};

/// Thresholds and explicit exclusion rules (from the study file's "quality" section). A threshold
/// of 0 or less and a rule with a negative value is off.
struct QualityRules {
    double fastAnswerSeconds = -1;  ///< answers faster than this are flagged
    int straightLineRun = -1;       ///< runs of at least this many identical answers are flagged
    double minKappa = -2;           ///< exclude when the test-retest kappa is below (and defined); < -1 off
    int maxFailedCatches = -1;      ///< exclude when more catch clips are answered wrongly
    double maxFastShare = -1;       ///< exclude when the share of fast answers is above this
};

struct AnswerQuality {
    bool fast = false;
    bool straightLine = false;
    int catchCorrect = -1; ///< -1 not a catch clip, 0 wrong, 1 right
    int repeatAgree = -1;  ///< -1 not a repeat, 0 differs from the first presentation, 1 same
};

struct ParticipantQuality {
    int answers = 0;
    int catchTotal = 0;
    int catchCorrect = 0;
    double catchAccuracy = -1; ///< -1 without catch clips
    int repeatPairs = 0;
    double kappa = 0;          ///< NaN when undefined (see cohensKappa)
    std::string kappaKind;     ///< "cohen", "linear-weighted", "quadratic-weighted"
    double agreement = -1;     ///< share of repeat pairs answered identically, -1 without pairs
    int longestRun = 0;
    bool straightLining = false;
    int fastAnswers = 0;
    int focusLosses = 0;       ///< answers with at least one focus loss
    int integrityFlagged = 0;
    bool excluded = false;
    std::vector<std::string> exclusionReasons; ///< rule names with the values, e.g. "min_kappa: 0.21 < 0.40"
    double fastShare = 0;      ///< fastAnswers / answers
    std::vector<AnswerQuality> perAnswer;      ///< in the order of the input
};

/// Quality of one participant's (non-practice) answers, in the order of presentation. Kappa is
/// computed on repeat pairs with weights (None for two-point scales, Quadratic for Likert by default).
ParticipantQuality assessParticipant(const std::vector<QualityAnswer> &answers, const QualityRules &rules,
                                     int minValue, int maxValue, KappaWeights weights);

/// The weights a scale uses: None for two categories, Quadratic otherwise.
KappaWeights defaultWeights(int minValue, int maxValue);

} // namespace tastelab::survey
