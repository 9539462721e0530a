#pragma once

// Listenable explanations of a stored model's like-probability for one excerpt of a track (the
// study glue of core/explain: model, encoder, decoding). docs/explanations.md.

#include "explain/explainer.h"
#include "study/embeddingstore.h"
#include "study/jobthread.h"
#include "study/study.h"
#include "study/tasteprofile.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <functional>
#include <memory>

namespace tastelab {

struct ExplanationRequest {
    QString studyPath;
    qint64 modelId = 0;
    qint64 trackId = 0;
    double startSeconds = -1;   ///< < 0: the track's central library excerpt (libraryExcerpts(track, clip, 1))
    double lengthSeconds = 0;   ///< <= 0: the study's clip length
    QStringList modelDirs;      ///< where file-based encoders are looked for (encoderSearchDirs())
    QString separationManifest; ///< components.mode Sources: the separation model's manifest
    explain::ExplainOptions options;
    /// >= 0: also embed the excerpt with every component on and with every component but this one
    /// on (report.wholeEmbedding, withoutEmbedding): the anchors of "more like this part" / "less
    /// like this" (recordComponentSteering).
    int contrast = -1;
};

struct ExplanationReport {
    QString error;          ///< set when nothing could be explained (names the file and the reason)
    bool cancelled = false;
    qint64 modelId = 0;
    QString model;          ///< kind, e.g. "clep-pn"
    QString encoder;
    Track track;
    ClipKey clip;           ///< the excerpt explained
    explain::Explanation explanation;
    /// The excerpt's components (mono, at the encoder's rate): render(mask) plays components, and
    /// clip() is the excerpt. Shared and read-only, so the report can be copied across threads.
    std::shared_ptr<const explain::Decomposition> decomposition;
    /// With request.contrast: the encoder embeddings of the excerpt with every component on and
    /// with every component but that one on.
    std::vector<float> wholeEmbedding, withoutEmbedding;
    int contrast = -1; ///< request.contrast when those were made, else -1

    /// Components, weights (towards like and towards dislike), method, fidelity, timing.
    QString toText(explain::Direction direction = explain::Direction::Liked) const;
    QJsonObject toJson() const;
};

/// Explains one excerpt with one stored model: loads the model (loadModel) and its encoder,
/// decodes and resamples the excerpt, cuts it into components and attributes the model's
/// like-probability to them. progress(done, total) after each batch of evaluations; returning
/// false cancels. Runs on the study's thread.
ExplanationReport explainTrack(Study &study, const ExplanationRequest &request,
                               const std::function<bool(int done, int total)> &progress = {});
/// The same on any thread: opens its own connection to request.studyPath.
ExplanationReport explainTrack(const ExplanationRequest &request,
                               const std::function<bool(int done, int total)> &progress = {});

/// "More like this part" (direction +1) / "less like this" (-1) on the component explained.contrast
/// of an excerpt explained with request.contrast set: stores two steering entries for the
/// participant: the excerpt with every component on, steered the way asked, and the excerpt
/// without that component, steered the other way, so that the part's own contribution is what
/// changes (docs/explanations.md, "Steering a component"). The next CLEP training uses them. Runs
/// on the study's thread. False with *error.
bool recordComponentSteering(Study &study, const QString &participant, const ExplanationReport &explained,
                             int direction, QString *error);
/// After a retrain: explains the excerpt of request again with modelAfter (same components,
/// method and seed) and says whether the weight towards "like" of the component before.contrast
/// moved the way asked (out->before and out->after are the weights; no neighbours).
bool measureComponentSteering(Study &study, ExplanationRequest request, const ExplanationReport &before,
                              qint64 modelAfter, int direction, SteeringOutcome *out, QString *error);

/// Runs explanations on a thread of its own (job ids, cancel, progress at most every 100 ms).
class ExplanationService : public JobThread {
    Q_OBJECT
public:
    explicit ExplanationService(QObject *parent = nullptr);
    quint64 start(const ExplanationRequest &request);

Q_SIGNALS:
    void progressed(quint64 jobId, int done, int total);
    void finished(quint64 jobId, const tastelab::ExplanationReport &report);
};

} // namespace tastelab

Q_DECLARE_METATYPE(tastelab::ExplanationReport)
