#pragma once

#include "study/extraction.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace tastelab {

class Study;

/// The "Features" page: pick an encoder and a device, extract the study's missing embeddings in
/// the background (progress, clips/s, time left, cancel), and see what is cached per encoder.
class FeaturesPage : public QWidget {
    Q_OBJECT
public:
    explicit FeaturesPage(QWidget *parent = nullptr);

    /// The study to work on (not owned; nullptr for none). Refreshes.
    void setStudy(Study *study);
    /// Lists the encoders again (e.g. after the user models folder changed) and the cache.
    void refresh();

    /// Starts extraction with the picked encoder and device; returns false (with the reason
    /// shown) when nothing can start.
    bool startExtraction();
    void cancelExtraction();
    bool isExtracting() const;

    /// The preference "user models folder" (QSettings "models/userFolder"), or empty.
    static QString userModelsFolder();

Q_SIGNALS:
    /// A run ended (finished, cancelled or failed) and its report is shown.
    void extractionFinished(const tastelab::ExtractionReport &report);

private:
    void fillEncoders();
    void updateEncoderDetails();
    void updateSummary();
    void updateState();
    void onProgress(quint64 jobId, const ExtractionProgress &progress);
    void onFinished(quint64 jobId, const ExtractionReport &report);

    Study *m_study = nullptr;
    ExtractionService *m_service = nullptr;
    quint64 m_job = 0;

    QLabel *m_state = nullptr;
    QComboBox *m_encoders = nullptr;
    QLabel *m_details = nullptr;
    QComboBox *m_devices = nullptr;
    QLabel *m_deviceNote = nullptr;
    QSpinBox *m_libraryExcerpts = nullptr;
    QPushButton *m_extract = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_rate = nullptr;
    QTableWidget *m_summary = nullptr;
    QPlainTextEdit *m_report = nullptr;
};

} // namespace tastelab
