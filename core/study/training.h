#pragma once

#include "study/embeddingstore.h"
#include "study/jobthread.h"
#include "study/study.h"
#include "train/clep.h"
#include "train/report.h"

#include <QJsonObject>
#include <QMetaType>

#include <functional>
#include <optional>

namespace tastelab {

/// How answers become like (1) / dislike (0). Values between the two bounds (Likert "neutral")
/// are left out. Stored with every model.
struct LabelMapping {
    int likeAtOrAbove = 1;
    int dislikeAtOrBelow = 0;

    /// like-dislike: 1 / 0; Likert 5: >= 4 like, <= 2 dislike; Likert 7: >= 5 / <= 3.
    static LabelMapping forScale(AnswerScale scale);
    /// 1, 0 or -1 (left out).
    int label(int value) const { return value >= likeAtOrAbove ? 1 : value <= dislikeAtOrBelow ? 0 : -1; }
    QJsonObject toJson() const;
    /// The reverse of toJson(); a missing key keeps its value from fallback.
    static LabelMapping fromJson(const QJsonObject &json, const LabelMapping &fallback);
};

/// A participant's answers joined with the cached embeddings of their clips: the survey's answers
/// and the feedback given on the recommendation list (each on the excerpt it was recorded on).
struct TrainingData {
    train::Dataset dataset;
    QVector<ClipKey> clips; ///< row i of the dataset is clips[i]
    int likes = 0;
    int dislikes = 0;
    int leftOut = 0;           ///< neutral answers
    int missingEmbeddings = 0; ///< answered clips without an embedding for the encoder
    int repeatsSkipped = 0;    ///< second presentations of a clip (the first answer counts)
    int feedback = 0;          ///< examples from the recommendation list's feedback (on their excerpt)
    int steering = 0;          ///< steering feedback entries used (taste profile: more / less like this)
    int steeringAnchors = 0;   ///< their anchors in dataset.steering (a track's embedded clips each)
};

/// Builds the training data, with the participant's steering feedback (table `steering`,
/// docs/profile.md) as dataset.steering: a steered track contributes each of its embedded clips
/// of this encoder as an anchor, weight / (its clips); an explicit anchor counts when it was given
/// for this encoder. False with *error (naming participant and encoder) when there is
/// too little: at least 4 likes and 4 dislikes with embeddings are needed for a 3:1 split with a
/// validation part.
bool buildTrainingData(Study &study, const Participant &participant, const QString &encoder,
                       const LabelMapping &mapping, TrainingData *out, QString *error);

/// The test metrics as stored with a model and printed by the CLI: accuracy, precision, recall,
/// f1, auroc, fpr, tp, tn, fp, fn.
QJsonObject metricsToJson(const train::Metrics &metrics);

/// Model ids accepted by training: CLEP variants and baselines.
QStringList allModelIds(); ///< clep-pn, clep-p, clep-n, logreg, knn, mlp

struct TrainingRequest {
    QString studyPath;
    QString participant; ///< code
    QString encoder;
    QStringList models{QStringLiteral("clep-pn"), QStringLiteral("clep-p"), QStringLiteral("clep-n")};
    train::ClepSettings settings;
    bool customMapping = false; ///< else LabelMapping::forScale(study scale)
    LabelMapping mapping;
    bool store = true;          ///< save the trained models in the study
};

struct TrainedModel {
    qint64 id = 0; ///< row in the study's models table (0 when not stored)
    QString participant;
    QString encoder;
    QString model;
    train::Metrics metrics;
    std::vector<train::EpochLog> log;
    QDateTime createdAt;
};

struct TrainingReport {
    QVector<TrainedModel> models;
    int examples = 0;
    int likes = 0;
    int dislikes = 0;
    int feedback = 0; ///< of the examples, feedback from the recommendation list
    int steering = 0; ///< steering feedback entries (more / less like this) in the CLEP trainings
    bool cancelled = false;
    QString error;
    QString toText() const;
};

/// Trains the requested models for one participant on one split (seeded by settings.seed), so
/// the CLEP variants and the baselines are compared on the same data; stores each model with its
/// settings, label mapping, split, encoder (name and hash), metrics and losses. Runs on any thread
/// (opens its own study connection).
class Trainer {
public:
    using Progress = std::function<bool(const QString &model, const train::EpochLog &epoch)>;
    static TrainingReport run(const TrainingRequest &request, const Progress &progress = {});
};

/// A request that trains stored model modelId again on the participant's answers now: the same
/// participant, encoder and kind, with the settings and label mapping stored with it (epochs,
/// margin, sizes, split fractions, seed; a mapping given at the time is kept), stored. False with
/// *error when there is no such model. studyPath is the study's path.
bool retrainingRequest(Study &study, qint64 modelId, TrainingRequest *out, QString *error);

/// Loads a stored model; nullptr with *error when missing or unreadable.
std::unique_ptr<train::Model> loadModel(Study &study, qint64 modelId, QString *error);

/// A stored model's row without its weights (table `models`).
struct StoredModelRow {
    qint64 id = 0;
    qint64 participantId = 0;
    QString encoder;
    QString encoderHash;
    QString kind; ///< clep-pn, clep-p, clep-n, logreg, knn, mlp
    QJsonObject settings;
    QJsonObject split;
    QDateTime createdAt;
};
/// The row of model modelId; nullopt with *error ("STUDY: no stored model N") when there is none.
std::optional<StoredModelRow> storedModelRow(Study &study, qint64 modelId, QString *error = nullptr);
/// The stored models of a participant (newest first), without weights.
QVector<TrainedModel> storedModels(Study &study, const Participant &participant);

struct EvaluationRequest {
    QString studyPath;
    QString encoder;
    QStringList models{QStringLiteral("clep-pn"), QStringLiteral("clep-p"), QStringLiteral("clep-n")};
    int repeats = 1; ///< splits per participant, seeds settings.seed, settings.seed + 1, ...
    train::ClepSettings settings;
    bool customMapping = false;
    LabelMapping mapping;
};

struct StudyEvaluation {
    std::vector<train::ParticipantResult> results; ///< rates averaged, confusion counts summed over repeats
    QStringList skipped; ///< participants left out, with the reason
    QString error;
    bool cancelled = false;
};

/// Trains and tests every requested model for every participant (nothing is stored), on the
/// same split per participant and repeat, in parallel on the thread pool. progress(done, total)
/// after each participant x repeat; returning false cancels.
StudyEvaluation evaluateStudy(const EvaluationRequest &request,
                              const std::function<bool(int done, int total)> &progress = {});

/// Runs training on a thread of its own (job ids, cancellation, per-epoch progress).
class TrainingService : public JobThread {
    Q_OBJECT
public:
    explicit TrainingService(QObject *parent = nullptr);
    quint64 start(const TrainingRequest &request);

Q_SIGNALS:
    void epochFinished(quint64 jobId, const QString &model, const tastelab::train::EpochLog &epoch);
    void finished(quint64 jobId, const tastelab::TrainingReport &report);
};

} // namespace tastelab

Q_DECLARE_METATYPE(tastelab::train::EpochLog)
Q_DECLARE_METATYPE(tastelab::TrainingReport)
