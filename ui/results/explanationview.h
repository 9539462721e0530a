#pragma once

#include "study/explanation.h"
#include "study/training.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QVector>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace tastelab {

class ClipPlayer;
class ExplanationPlot;
class Study;

/// "Why this track?": a listenable explanation of one stored model's like-probability for one
/// excerpt (core: explainTrack(), docs/explanations.md). Shows the excerpt's waveform and
/// spectrogram with each component's weight overlaid (red pushes towards "like", blue towards
/// "dislike", stronger colour = larger weight; the ranks #1.. are those of the chosen direction),
/// the method and fidelity R² next to it, a "Why liked" / "Why disliked" switch, and "Top
/// highlight" / "Top 3", which play only the most influential components (rendered in the
/// background into a temporary WAV file and played through the ClipPlayer). The explanation runs
/// on an ExplanationService thread with progress and Cancel; the window never waits for it.
/// "More like this part" / "Less like this" steer the model on one component (chosen in the
/// "Part" selector or by clicking it in the plot): the excerpt is explained again with that
/// component contrasted, two steering entries are stored (recordComponentSteering), the model is
/// retrained on a TrainingService (progress, Cancel), the change of the component's weight is
/// measured on a worker (measureComponentSteering) and the new model's explanation is shown
/// (docs/explanations.md, "Steering a component").
class ExplanationView : public QWidget {
    Q_OBJECT
public:
    /// One coloured shape of the overlay, in the plot's coordinates (for the tests).
    struct OverlayItem {
        int component = 0;
        QRectF rect;
        double weight = 0; ///< towards like
        int rank = 0;      ///< 1-based rank in the chosen direction, 0 when not among the positive ones
    };

    explicit ExplanationView(QWidget *parent = nullptr);
    ~ExplanationView() override;

    /// Opens a window of its own (deleted when closed) explaining the excerpt.
    static ExplanationView *openWindow(QWidget *parent, Study *study, ClipPlayer *player, qint64 modelId,
                                       const Track &track, double startSeconds = -1, double lengthSeconds = 0);

    void setStudy(Study *study);
    void setPlayer(ClipPlayer *player);
    /// Where file-based encoders are looked for (default: encoderSearchDirs() of the preferences).
    void setModelDirs(const QStringList &dirs);
    /// Explains the excerpt of track (startSeconds < 0: its central library excerpt; lengthSeconds
    /// <= 0: the study's clip length) with the stored model.
    void explain(qint64 modelId, const Track &track, double startSeconds = -1, double lengthSeconds = 0);
    /// Components (re-explains when an explanation is shown). Sources needs a separation model
    /// (setSeparationManifest(), or the one chosen last time); without one nothing changes.
    void setComponentMode(explain::ComponentMode mode);
    /// The separation model whose sources become components (its JSON manifest, docs/explanations.md);
    /// remembered for the next windows.
    void setSeparationManifest(const QString &manifest);
    QString separationManifest() const { return m_separation; }
    void setDirection(explain::Direction direction);
    explain::Direction direction() const;
    /// Plays the excerpt with only the k most influential components of the chosen direction on.
    void playTop(int k);
    void cancel();
    /// Selects the component (an index into report().explanation.components) that "More like this
    /// part" / "Less like this" steer.
    void selectComponent(int component);
    int selectedComponent() const;
    /// Steers the model on the component (direction +1: more like it, -1: less): false with
    /// *error when it cannot start (nothing explained, busy, a model that is not CLEP).
    bool steerComponent(int component, int direction, QString *error = nullptr);

    // --- state, for the tests ---
    bool isBusy() const;
    bool hasExplanation() const;
    const ExplanationReport &report() const;
    QVector<OverlayItem> overlay() const;
    QString fidelityText() const;
    QString stateText() const;
    /// Components of the last playTop() (empty before).
    QVector<int> playingComponents() const;
    /// True from "More like this part" / "Less like this" until the steering's result is shown.
    bool isSteering() const;
    /// The steering's state or result, e.g. "“4.0–6.0 s”: moved as asked: +0.14 (weight 0.18 →
    /// 0.32; new model 7)."
    QString steeringText() const;
    /// The last steering's outcome (valid once the result is shown) and its new model.
    const SteeringOutcome &steeringOutcome() const;
    qint64 steeredModel() const;

Q_SIGNALS:
    void explained();
    /// The rendered top components went to the player.
    void topPlaying(int components);
    /// A steering finished (model 0 when it failed or was cancelled); the text is steeringText().
    void steered(qint64 newModel);

private:
    void onProgress(quint64 jobId, int done, int total);
    void onFinished(quint64 jobId, const tastelab::ExplanationReport &report);
    void start();
    void updateTexts();
    void updateButtons();
    void updateParts();
    void onRetrainEpoch(quint64 jobId, const QString &model, const tastelab::train::EpochLog &epoch);
    void onRetrainFinished(quint64 jobId, const tastelab::TrainingReport &report);
    void finishSteering(const QString &text, qint64 newModel);

    enum class SteerStage { None, Contrast, Retraining, Measuring };
    struct Steer {
        int component = -1;
        int direction = 1;
        QString name;
        QString participant;
        TrainingRequest training;
        ExplanationRequest request; ///< with contrast set
        ExplanationReport before;
    };

    Study *m_study = nullptr;
    QPointer<ClipPlayer> m_player;
    QStringList m_modelDirs;
    QString m_separation;
    ExplanationService *m_service = nullptr;
    quint64 m_job = 0;
    bool m_busy = false;
    ExplanationRequest m_request;
    ExplanationReport m_report;
    bool m_have = false;
    explain::Direction m_direction = explain::Direction::Liked;
    QVector<int> m_playing;
    quint64 m_renderId = 0;
    QTemporaryDir m_temp;
    TrainingService *m_trainer = nullptr;
    quint64 m_trainJob = 0;
    SteerStage m_stage = SteerStage::None;
    Steer m_steer;
    SteeringOutcome m_outcome;
    qint64 m_steeredModel = 0;
    quint64 m_measureId = 0;
    int m_chosenPart = -1; ///< kept while a re-explanation runs

    QLabel *m_title = nullptr;
    QRadioButton *m_liked = nullptr;
    QRadioButton *m_disliked = nullptr;
    QComboBox *m_components = nullptr;
    QPushButton *m_top1 = nullptr;
    QPushButton *m_top3 = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_fidelity = nullptr;
    ExplanationPlot *m_plot = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_part = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_less = nullptr;
    QLabel *m_steerText = nullptr;
};

} // namespace tastelab
