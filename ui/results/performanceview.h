#pragma once

#include "study/results.h"

#include <QHash>
#include <QWidget>

#include <array>
#include <optional>

class QBoxPlotSeries;
class QChart;
class QChartView;
class QComboBox;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace tastelab {

class Study;

/// The "Performance" sub-tab of the Results page.
///
/// For the chosen model: the 2 x 2 confusion matrix as a heat map (counts and row percentages),
/// its test metrics and the ROC curve, from modelTestResult() (the stored model predicting its
/// stored test split again). For the chosen encoder, across participants: a Qt Charts box plot of
/// one metric for the CLEP variants and the baselines (median, quartiles, range) from
/// storedResults(), and the study-wide statistics (median table, Friedman tests, Wilcoxon post-hoc
/// tests with Holm correction, confusion counts) of train::StudyReport in a table, exportable as
/// CSV, Markdown and HTML.
class PerformanceView : public QWidget {
    Q_OBJECT
public:
    explicit PerformanceView(QWidget *parent = nullptr);
    ~PerformanceView() override;

    void setStudy(Study *study);
    /// The participant (code), encoder and stored model (0 = none) to show.
    void setSelection(const QString &participant, const QString &encoder, qint64 modelId);
    /// Reads the stored results again (after training).
    void refresh();

    /// The model's test result shown (nullptr when none).
    const ModelTestResult *modelResult() const { return m_result ? &*m_result : nullptr; }
    /// The counts drawn in the confusion matrix: tp, fn, fp, tn (-1 when none is shown).
    std::array<int, 4> shownConfusion() const { return m_shownConfusion; }
    /// The text shown for a metric ("accuracy", "precision", "recall", "f1", "auroc", "fpr").
    QString metricText(const QString &metricId) const;

    const train::StudyReport &report() const { return m_report; }
    /// The box plot's categories (one box per model), e.g. "CLEP-PN", "LogReg".
    QStringList comparisonCategories() const;
    int comparisonBoxCount() const;
    void setComparisonMetric(train::Metric metric);

    enum class ReportTable { Medians, Friedman, PostHoc, Confusion, Results };
    void setReportTable(ReportTable table);
    QTableWidget *reportTable() const { return m_table; }

    /// writeReport: every CSV, report.md and report.html into directory.
    bool exportReport(const QString &directory, QString *error = nullptr);
    /// One file: the table shown as CSV, or the whole report as Markdown or HTML (by suffix:
    /// .csv, .md, .html).
    bool saveReportFile(const QString &path, QString *error = nullptr);

    /// Shows the bottom part's tab: 0 comparison, 1 statistics.
    void showBottomTab(int index);

Q_SIGNALS:
    /// "Train a model" was pressed on the empty state.
    void trainRequested(const QString &participant, const QString &encoder);
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadModel();
    void loadReport();
    void updateState();
    void drawConfusion();
    void drawRoc();
    void fillMetrics();
    void drawComparison();
    void fillTable();
    void exportDialog();
    void saveDialog(const QString &suffix);
    train::Metric comparisonMetric() const;

    Study *m_study = nullptr;
    QString m_participant;
    QString m_encoder;
    qint64 m_modelId = 0;
    bool m_modelDirty = true;
    bool m_reportDirty = true;
    std::optional<ModelTestResult> m_result;
    QString m_modelError;
    std::array<int, 4> m_shownConfusion{{-1, -1, -1, -1}};
    train::StudyReport m_report;
    QString m_reportError;
    int m_reportParticipants = 0;

    QLabel *m_state = nullptr;
    QPushButton *m_train = nullptr;
    QWidget *m_modelPanel = nullptr;
    QLabel *m_modelTitle = nullptr;
    QCustomPlot *m_confusion = nullptr;
    QCustomPlot *m_roc = nullptr;
    QHash<QString, QLabel *> m_metricLabels;
    QLabel *m_counts = nullptr;
    QTabWidget *m_bottom = nullptr;
    QComboBox *m_metric = nullptr;
    QLabel *m_comparisonNote = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QBoxPlotSeries *m_boxes = nullptr;
    QComboBox *m_tableChoice = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_tableNote = nullptr;
    QPushButton *m_exportAll = nullptr;
    QPushButton *m_saveCsv = nullptr;
    QPushButton *m_saveMarkdown = nullptr;
    QPushButton *m_saveHtml = nullptr;
};

} // namespace tastelab
