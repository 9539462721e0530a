#pragma once

// What the Results page shows, computed from a study file: the embedding map (t-SNE of a
// participant's clips in the raw encoder space or a trained model's space), a stored model's test
// predictions (confusion matrix, ROC) and the stored models' metrics across participants.

#include "study/embeddingstore.h"
#include "study/jobthread.h"
#include "study/study.h"
#include "study/training.h"
#include "train/report.h"
#include "train/scoring.h"
#include "train/tsne.h"

#include <QMetaType>

#include <functional>
#include <limits>

namespace tastelab {

// --- stored model, predicted again on its test part ---

struct ModelTestResult {
    TrainedModel model;
    QVector<ClipKey> clips;        ///< the test clips, from the stored split
    std::vector<int> truth;        ///< 1 like, 0 dislike (the stored label mapping)
    std::vector<float> probability;
    train::Metrics metrics;        ///< recomputed; equals the stored metrics
    std::vector<train::RocPoint> roc;
};
/// Loads the model and the embeddings of its test clips and predicts them. False with *error
/// (naming the model and the reason: missing, weights unreadable, embeddings gone) on failure.
bool modelTestResult(Study &study, qint64 modelId, ModelTestResult *out, QString *error);

/// The newest stored model of each kind per participant for encoder, as report rows (test
/// metrics; repeats 1), for the comparison chart and the study-wide statistics table.
std::vector<train::ParticipantResult> storedResults(Study &study, const QString &encoder);

// --- embedding map ---

struct MapRequest {
    QString studyPath;
    QStringList participants; ///< codes; empty = every participant
    QString encoder;
    qint64 modelId = 0;       ///< a stored model of the (single) participant: predicted probabilities
    bool modelSpace = false;  ///< true: points in the model's space (Model::embed), needs modelId
    bool includeUnheard = false; ///< add one library excerpt of each track the participant(s) did not hear
    train::TsneSettings tsne;
};

struct MapPoint {
    ClipKey clip;
    QString participant;      ///< empty for an unheard library excerpt
    int label = -1;           ///< 1 liked, 0 disliked, -1 unheard, -2 answered but neutral (Likert)
    int value = std::numeric_limits<int>::min(); ///< the raw answer, min() when unheard
    float probability = std::numeric_limits<float>::quiet_NaN(); ///< predicted like, NaN without a model
    float x = 0;
    float y = 0;
};

struct EmbeddingMap {
    QVector<MapPoint> points;
    QString encoder;
    qint64 modelId = 0;
    QString space;            ///< "CLMR encoder space" / "CLEP-PN space (model 12)"
    double kl = 0;
    QString method;           ///< the t-SNE method that ran
    QString device;
    QString notice;           ///< t-SNE's notice and clips left out for missing embeddings
    double seconds = 0;
    bool cancelled = false;
    QString error;
};

/// Collects the points and their vectors, runs t-SNE (any thread; opens its own connection).
/// progress as train::tsne; returning false cancels (result.cancelled).
EmbeddingMap buildEmbeddingMap(const MapRequest &request,
                               const std::function<bool(const train::TsneProgress &)> &progress = {});

/// Runs buildEmbeddingMap on a thread of its own (job ids, cancel, progress at most every 100 ms).
class EmbeddingMapService : public JobThread {
    Q_OBJECT
public:
    explicit EmbeddingMapService(QObject *parent = nullptr);
    quint64 start(const MapRequest &request);

Q_SIGNALS:
    void progressed(quint64 jobId, int iteration, int iterations, double kl);
    void finished(quint64 jobId, const tastelab::EmbeddingMap &map);
};

} // namespace tastelab

Q_DECLARE_METATYPE(tastelab::EmbeddingMap)
