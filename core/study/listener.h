#pragma once

// Listener mode (issue "Individual listeners"): one person learning their own taste. Their music
// folder becomes a listener library, a study file (StudySettings::listener) whose one participant,
// the listener, has one clip of every track in their plan. The clips are rated in the active
// order (train/activeorder.h): a warm-up of random clips, then mostly the clip the active order's
// judge (a small committee on the embeddings) is least sure about, with a share of random ones; the
// judge and the listener's model (CLEP-PN on the chosen encoder, which ranks the library) are
// retrained every 10 answers while the features are extracted in the background.

#include "study/extraction.h"
#include "study/importer.h"
#include "study/study.h"
#include "study/training.h"
#include "train/activeorder.h"

#include <QObject>
#include <QPointF>
#include <QVector>

#include <limits>
#include <memory>
#include <optional>

namespace tastelab {

/// The participant code of the listener in a listener library.
QString listenerCode();

/// How a listener's CLEP-PN is trained: the default settings without a validation part (on a few
/// dozen mostly borderline answers, CLEP's best-epoch choice on a validation part often keeps an
/// untrained embedder; docs/benchmarks.md, "Active rating order"). A quarter of the answers is
/// still held out to report the model's accuracy.
TrainingRequest listenerTrainingRequest(const QString &studyPath, const QString &encoder);

struct ListenerLibraryRequest {
    QString studyPath;    ///< the listener library to create (must not exist)
    QString folder;       ///< music folder, scanned recursively, or
    QString manifestPath; ///< a CSV manifest (path, genre, title, artist), e.g. the demo library's
    QString name;         ///< shown in the title; default: the folder's name
    quint64 seed = 0;     ///< the listener's seed (clip excerpts, random picks); 0 = random
};

struct ListenerLibraryReport {
    QString studyPath; ///< set when the library was created
    ImportReport import;
    QString error;     ///< why nothing was created (the partial file is removed)
    bool cancelled = false;
};

/// Creates a listener library: like/dislike answers, 10 s clips that unlock after 2 s, every
/// track's clip in the listener's plan. The file is built under a temporary name and renamed at
/// the end, so a failed or cancelled import leaves nothing behind. Runs on any thread.
/// progress(done, total, file) as the importer's; returning false cancels.
ListenerLibraryReport createListenerLibrary(const ListenerLibraryRequest &request,
                                            const std::function<bool(int, int, const QString &)> &progress = {});

/// One clip to rate and why it was chosen.
struct ListenerPick {
    Clip clip;
    Track track;
    bool random = true; ///< drawn at random (warm-up or the random share), else the least sure
    double probability = std::numeric_limits<double>::quiet_NaN(); ///< the judge's like probability, when it has one
};

/// The rating state of a listener library, on the Study's thread: which clips are answered, the
/// active order (with the plan clips' embeddings) choosing the next clip, and the newest stored
/// model. The order is seeded with the listener's seed, so a session is reproducible.
class ListenerRating {
public:
    explicit ListenerRating(const train::ActiveOrderSettings &settings = {});

    /// Reads the listener, their plan, answers and the plan clips' embeddings of encoder, trains the
    /// judge when the answers allow, and reads the newest model (refresh()). False with *error when
    /// study is no listener library or cannot be read.
    bool load(Study &study, const QString &encoder, QString *error);

    /// The next clip to rate; nullopt when every clip is answered or skipped.
    std::optional<ListenerPick> next();
    /// Stores the answer (committed before it returns) and marks the clip done.
    bool answer(Study &study, const ListenerPick &pick, bool like, qint64 responseMs, int replays, QString *error);
    /// Leaves the clip out for the rest of this session (nothing is stored).
    void skip(const ListenerPick &pick);

    /// Reads embeddings of plan clips extracted since and the newest CLEP-PN model of the encoder
    /// (else the newest of any kind). A library without a model yet is no error (hasModel() false).
    bool refresh(Study &study, QString *error);
    /// The judge and the model are due for retraining: the warm-up is over and 10 answers came
    /// since the last judge (the answers need a like and a dislike with embeddings).
    bool retrainDue() const;
    /// The active order, e.g. to take judgeInput() for a retrain off this thread and setJudge().
    train::ActiveOrder &order() { return *m_order; }
    /// judgeInput(), trainJudge() and setJudge() on this thread (the CLI; the GUI trains it on a worker).
    void retrainJudge();
    /// Installs a judge trained off this thread on the answers of that moment.
    void setJudge(train::ActiveJudge judge, int answers)
    {
        m_order->setJudge(std::move(judge));
        m_judgeAnswers = answers;
    }

    const Participant &listener() const { return m_listener; }
    QString encoder() const { return m_encoder; }
    int answered() const { return m_order ? m_order->answered() : 0; }
    int skipped() const { return m_order ? m_order->skipped() : 0; }
    int total() const { return int(m_plan.size()); }
    int likes() const { return m_likes; }
    int embedded() const { return m_embedded; } ///< plan clips with an embedding
    int warmup() const { return m_settings.warmup; }
    bool hasModel() const { return m_model.id > 0; }
    const TrainedModel &model() const { return m_model; }
    /// Answers the current model was trained on (its training data's size), 0 without a model.
    int modelAnswers() const { return m_modelAnswers; }
    /// How sure the judge is about the clips not rated yet, 0..1 (ActiveOrder::certainty), 0 without one.
    double certainty() const { return m_order ? m_order->certainty() : 0; }
    bool hasJudge() const { return m_order && m_order->judge().valid(); }
    /// Answers the judge was last trained on.
    int judgeAnswers() const { return m_judgeAnswers; }

private:
    train::ActiveOrderSettings m_settings;
    std::unique_ptr<train::ActiveOrder> m_order;
    Participant m_listener;
    QString m_encoder;
    QVector<Clip> m_plan;
    QHash<qint64, Track> m_tracks;
    std::vector<bool> m_hasEmbedding; ///< per plan clip
    TrainedModel m_model;
    int m_modelAnswers = 0;
    int m_judgeAnswers = 0;
    int m_likes = 0;
    int m_embedded = 0;
};

/// Listener mode on the GUI thread: the rating state plus the background work, feature extraction
/// (ExtractionService) started at once and model training (TrainingService, CLEP-PN, stored in the
/// library) whenever a retrain is due. The study must outlive the session.
class ListenerSession : public QObject {
    Q_OBJECT
public:
    /// settings: the active order's (warm-up, random share, retrain interval); its seed is the listener's.
    explicit ListenerSession(Study &study, const train::ActiveOrderSettings &settings = {}, QObject *parent = nullptr);
    ~ListenerSession() override;

    /// Loads the rating state and starts extracting what is missing. encoder: empty for the default
    /// (built-in) one; modelDirs: where file-based encoders are found.
    bool start(const QString &encoder, const QStringList &modelDirs, QString *error);

    std::optional<ListenerPick> next() { return m_rating.next(); }
    /// Stores the answer; starts a retrain when one is due and none is running.
    bool answer(const ListenerPick &pick, bool like, qint64 responseMs, int replays, QString *error);
    void skip(const ListenerPick &pick) { m_rating.skip(pick); }

    const ListenerRating &rating() const { return m_rating; }
    bool isExtracting() const;
    bool isTraining() const;
    /// (answers, certainty) after each judge: how sure the model is becoming.
    const QVector<QPointF> &certaintyHistory() const { return m_history; }

    /// Cancels extraction and training (finished batches and models are kept).
    void cancel();

Q_SIGNALS:
    void extractionProgressed(const tastelab::ExtractionProgress &progress);
    void extractionFinished(const tastelab::ExtractionReport &report);
    void trainingStarted(int answers);
    /// A new judge or model is in (or the extraction added embeddings).
    void modelUpdated();
    /// Training or reading failed; message says why (e.g. too few embedded answers yet).
    void problem(const QString &message);

private:
    void maybeRetrain();
    void refresh();

    Study &m_study;
    ListenerRating m_rating;
    ExtractionService *m_extraction = nullptr;
    TrainingService *m_training = nullptr;
    QVector<QPointF> m_history;
    bool m_judgeRunning = false;
    int m_embeddedAtRefresh = 0;
};

} // namespace tastelab
