#pragma once

#include "study/study.h"
#include "study/surveydata.h"
#include "survey/quality.h"

#include <QJsonObject>

namespace tastelab {

/// Data quality of a study's participants: the Qt-free computations of survey/quality.h applied to
/// the stored answers (clips and catch clips in the order of presentation; practice excluded) with
/// the study file's thresholds and exclusion rules. Used by the export, the Study page and
/// `tastelab-cli quality`. See docs/quality.md.

/// One answered clip or catch clip in the order of presentation, with its quality flags.
struct QualityItem {
    bool isCatch = false;
    int position = -1;   ///< plan position (clips)
    int extra = -1;      ///< index into Study::extraClips() (catch clips)
    int value = 0;
    survey::AnswerQuality quality;
};

struct ParticipantQualityRow {
    Participant participant;
    survey::ParticipantQuality quality;
    QVector<QualityItem> items;
    int practiceAnswers = 0;
    /// Data and catch clips skipped (rules.forceAnswer off) and not answered later; skipped clips
    /// are not in quality's answers, and a skipped catch clip counts neither right nor wrong.
    int skipped = 0;
    int revisions = 0;
    int volumeChanges = 0;       ///< "volume" events: the app's own volume
    int systemVolumeChanges = 0; ///< "system-volume" events: the sound server's default sink after calibration
    bool systemVolumeUnobservable = false; ///< a "system-volume-unobservable" event: changes may be missing
    int focusEvents = 0;
    bool consented = false;
};

/// The study's thresholds and rules in the form survey/quality.h takes.
survey::QualityRules qualityRules(const StudySettings &settings);
/// The rules in words, e.g. "fast < 1.0 s; straight-line run >= 10; exclude: kappa < 0.40".
QString qualityRulesText(const StudySettings &settings);

ParticipantQualityRow participantQuality(Study &study, const Participant &participant);
QVector<ParticipantQualityRow> studyQuality(Study &study);

/// The summary as JSON (one object per participant), for the export and the CLI.
QJsonObject qualitySummaryJson(const ParticipantQualityRow &row);

} // namespace tastelab
