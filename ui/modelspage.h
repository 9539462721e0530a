#pragma once

#include "study/training.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QChart;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace tastelab {

class Study;

/// The "Models" page: train CLEP-PN / CLEP-P / CLEP-N and the baselines for a participant on the
/// cached embeddings, in the background with per-epoch progress and a live loss curve
/// (Qt Charts), cancellable; lists the participant's stored models with their test metrics.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(QWidget *parent = nullptr);

    void setStudy(Study *study);
    /// Reads participants, encoders and stored models again.
    void refresh();
    /// Chooses the participant (code) and, when not empty, the embeddings; false when the study
    /// has no such participant or encoder.
    bool selectParticipant(const QString &code, const QString &encoder = QString());

    bool startTraining();
    void cancelTraining();
    bool isTraining() const;

    /// Points of the loss curve shown now (train, validation).
    int lossPoints() const;

Q_SIGNALS:
    void trainingFinished(const tastelab::TrainingReport &report);

private:
    void fillParticipants();
    void fillEncoders();
    void updateModels();
    void updateState();
    void onEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch);
    void onFinished(quint64 jobId, const TrainingReport &report);

    Study *m_study = nullptr;
    TrainingService *m_service = nullptr;
    quint64 m_job = 0;
    QString m_curveModel;
    int m_curveStep = 0;

    QLabel *m_state = nullptr;
    QComboBox *m_participants = nullptr;
    QComboBox *m_encoders = nullptr;
    QList<QCheckBox *> m_modelChecks;
    QSpinBox *m_seed = nullptr;
    QPushButton *m_train = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_progress = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_trainLoss = nullptr;
    QLineSeries *m_validationLoss = nullptr;
    QTableWidget *m_models = nullptr;
    QPlainTextEdit *m_report = nullptr;
};

} // namespace tastelab
