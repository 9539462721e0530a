#include "results/performanceview.h"

#include "results/resultsstyle.h"
#include "uistyle.h"

#include "study/study.h"
#include "study/textfile.h"

#include <qcustomplot.h>

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace tastelab {

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString number(double v, int decimals = 3) { return qs(train::formatNumber(v, decimals)); }

QString spreadText(const train::Spread &s)
{
    if (std::isnan(s.median))
        return QCoreApplication::translate("tastelab::PerformanceView", "n/a");
    return QStringLiteral("%1 (%2–%3)").arg(number(s.median), number(s.q1), number(s.q3));
}

QColor modelColour(const std::string &model)
{
    if (model == "clep-pn")
        return QColor(0x94, 0x67, 0xbd);
    if (model == "clep-p")
        return resultsstyle::likedColour();
    if (model == "clep-n")
        return resultsstyle::dislikedColour();
    if (model == "logreg")
        return QColor(0x8c, 0x8c, 0x8c);
    if (model == "knn")
        return QColor(0xb0, 0xb0, 0xb0);
    if (model == "mlp")
        return QColor(0x6e, 0x6e, 0x6e);
    return QColor(0x2c, 0xa0, 0x2c);
}

void styleAxes(QCustomPlot *plot)
{
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(QColor(120, 120, 120)));
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->setSubTickPen(QPen(QColor(150, 150, 150)));
        axis->setTickLabelColor(QColor(70, 70, 70));
        axis->grid()->setPen(QPen(QColor(228, 228, 228), 1, Qt::DotLine));
    }
}

} // namespace

PerformanceView::PerformanceView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("performanceView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *stateRow = new QHBoxLayout;
    m_state = uistyle::stateLabel(QStringLiteral("performanceStateLabel"), this);
    stateRow->addWidget(m_state, 1);
    m_train = new QPushButton(tr("Train a model…"), this);
    m_train->setObjectName(QStringLiteral("performanceTrainButton"));
    m_train->setToolTip(tr("Opens the Models page with this participant and these embeddings."));
    stateRow->addWidget(m_train);
    layout->addLayout(stateRow);

    auto *split = new QSplitter(Qt::Vertical, this);

    // --- the chosen model ---
    m_modelPanel = new QWidget(split);
    auto *modelLayout = new QVBoxLayout(m_modelPanel);
    modelLayout->setContentsMargins(0, 0, 0, 0);
    m_modelTitle = new QLabel(m_modelPanel);
    m_modelTitle->setObjectName(QStringLiteral("modelTitleLabel"));
    QFont bold = m_modelTitle->font();
    bold.setBold(true);
    m_modelTitle->setFont(bold);
    m_modelTitle->setWordWrap(true);
    modelLayout->addWidget(m_modelTitle);
    auto *row = new QHBoxLayout;

    m_confusion = new QCustomPlot(m_modelPanel);
    m_confusion->setObjectName(QStringLiteral("confusionPlot"));
    m_confusion->setMinimumSize(250, 210);
    m_confusion->setBackground(Qt::white);
    styleAxes(m_confusion);
    row->addWidget(m_confusion, 3);

    auto *metricsBox = new QWidget(m_modelPanel);
    auto *grid = new QGridLayout(metricsBox);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->setVerticalSpacing(4);
    int r = 0;
    for (train::Metric metric : train::kMetrics) {
        const QString id = qs(train::metricId(metric));
        auto *name = new QLabel(qs(train::metricLabel(metric)) + QLatin1Char(':'), metricsBox);
        auto *value = new QLabel(QStringLiteral("–"), metricsBox);
        value->setObjectName(QStringLiteral("metricValue-") + id);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setFont(bold);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("0.0000")));
        grid->addWidget(name, r, 0);
        grid->addWidget(value, r, 1);
        m_metricLabels.insert(id, value);
        ++r;
    }
    m_counts = new QLabel(metricsBox);
    m_counts->setObjectName(QStringLiteral("testCountsLabel"));
    m_counts->setWordWrap(true);
    uistyle::makeSecondary(m_counts);
    grid->addWidget(m_counts, r, 0, 1, 2);
    grid->setRowStretch(r + 1, 1);
    metricsBox->setMinimumWidth(150);
    metricsBox->setMaximumWidth(220);
    row->addWidget(metricsBox, 0);

    m_roc = new QCustomPlot(m_modelPanel);
    m_roc->setObjectName(QStringLiteral("rocPlot"));
    m_roc->setMinimumSize(250, 210);
    m_roc->setBackground(Qt::white);
    styleAxes(m_roc);
    row->addWidget(m_roc, 3);
    modelLayout->addLayout(row, 1);
    split->addWidget(m_modelPanel);

    // --- across participants ---
    m_bottom = new QTabWidget(split);
    m_bottom->setObjectName(QStringLiteral("performanceBottomTabs"));
    m_bottom->setDocumentMode(true);

    auto *comparison = new QWidget(m_bottom);
    auto *comparisonLayout = new QVBoxLayout(comparison);
    comparisonLayout->setContentsMargins(0, 4, 0, 0);
    auto *metricRow = new QHBoxLayout;
    metricRow->addWidget(new QLabel(tr("Metric:"), comparison));
    m_metric = new QComboBox(comparison);
    m_metric->setObjectName(QStringLiteral("comparisonMetricCombo"));
    for (train::Metric metric : train::kMetrics)
        m_metric->addItem(qs(train::metricLabel(metric)), int(metric));
    metricRow->addWidget(m_metric);
    m_comparisonNote = new QLabel(comparison);
    m_comparisonNote->setObjectName(QStringLiteral("comparisonNoteLabel"));
    m_comparisonNote->setWordWrap(true);
    uistyle::makeSecondary(m_comparisonNote);
    metricRow->addWidget(m_comparisonNote, 1);
    comparisonLayout->addLayout(metricRow);
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chartView = new QChartView(m_chart, comparison);
    m_chartView->setObjectName(QStringLiteral("comparisonChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);
    comparisonLayout->addWidget(m_chartView, 1);
    m_bottom->addTab(comparison, tr("Models across participants"));

    auto *stats = new QWidget(m_bottom);
    auto *statsLayout = new QVBoxLayout(stats);
    statsLayout->setContentsMargins(0, 4, 0, 0);
    auto *tableRow = new QHBoxLayout;
    tableRow->addWidget(new QLabel(tr("Table:"), stats));
    m_tableChoice = new QComboBox(stats);
    m_tableChoice->setObjectName(QStringLiteral("reportTableCombo"));
    m_tableChoice->addItem(tr("Medians per model (Q1–Q3)"), int(ReportTable::Medians));
    m_tableChoice->addItem(tr("Friedman tests (CLEP variants)"), int(ReportTable::Friedman));
    m_tableChoice->addItem(tr("Post-hoc Wilcoxon tests (Holm)"), int(ReportTable::PostHoc));
    m_tableChoice->addItem(tr("Confusion counts per participant"), int(ReportTable::Confusion));
    m_tableChoice->addItem(tr("Metrics per participant"), int(ReportTable::Results));
    tableRow->addWidget(m_tableChoice);
    tableRow->addStretch(1);
    m_saveCsv = new QPushButton(tr("Save table as CSV…"), stats);
    m_saveCsv->setObjectName(QStringLiteral("saveTableCsvButton"));
    m_saveMarkdown = new QPushButton(tr("Markdown…"), stats);
    m_saveMarkdown->setObjectName(QStringLiteral("saveMarkdownButton"));
    m_saveMarkdown->setToolTip(tr("Saves the whole report (every table) as Markdown."));
    m_saveHtml = new QPushButton(tr("HTML…"), stats);
    m_saveHtml->setObjectName(QStringLiteral("saveHtmlButton"));
    m_saveHtml->setToolTip(tr("Saves the whole report (every table) as one HTML page."));
    m_exportAll = new QPushButton(tr("Export all to folder…"), stats);
    m_exportAll->setObjectName(QStringLiteral("exportReportButton"));
    m_exportAll->setToolTip(tr("Writes results.csv, medians.csv, friedman.csv, posthoc.csv, confusion.csv, "
                               "report.md and report.html into a folder."));
    for (QPushButton *b : {m_saveCsv, m_saveMarkdown, m_saveHtml, m_exportAll})
        tableRow->addWidget(b);
    statsLayout->addLayout(tableRow);
    m_table = new QTableWidget(stats);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    statsLayout->addWidget(m_table, 1);
    m_tableNote = new QLabel(stats);
    m_tableNote->setObjectName(QStringLiteral("reportNoteLabel"));
    m_tableNote->setWordWrap(true);
    uistyle::makeSecondary(m_tableNote);
    statsLayout->addWidget(m_tableNote);
    m_bottom->addTab(stats, tr("Study statistics"));
    split->addWidget(m_bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_train, &QPushButton::clicked, this, [this] { Q_EMIT trainRequested(m_participant, m_encoder); });
    connect(m_metric, &QComboBox::currentIndexChanged, this, &PerformanceView::drawComparison);
    connect(m_tableChoice, &QComboBox::currentIndexChanged, this, &PerformanceView::fillTable);
    connect(m_exportAll, &QPushButton::clicked, this, &PerformanceView::exportDialog);
    connect(m_saveCsv, &QPushButton::clicked, this, [this] { saveDialog(QStringLiteral("csv")); });
    connect(m_saveMarkdown, &QPushButton::clicked, this, [this] { saveDialog(QStringLiteral("md")); });
    connect(m_saveHtml, &QPushButton::clicked, this, [this] { saveDialog(QStringLiteral("html")); });
    updateState();
}

PerformanceView::~PerformanceView() = default;

void PerformanceView::setStudy(Study *study)
{
    m_study = study;
    m_participant.clear();
    m_encoder.clear();
    m_modelId = 0;
    refresh();
}

void PerformanceView::setSelection(const QString &participant, const QString &encoder, qint64 modelId)
{
    if (encoder != m_encoder)
        m_reportDirty = true;
    if (participant != m_participant || encoder != m_encoder || modelId != m_modelId)
        m_modelDirty = true;
    m_participant = participant;
    m_encoder = encoder;
    m_modelId = modelId;
    if (isVisible()) {
        loadModel();
        loadReport();
    }
    updateState();
}

void PerformanceView::refresh()
{
    m_modelDirty = true;
    m_reportDirty = true;
    if (isVisible()) {
        loadModel();
        loadReport();
    }
    updateState();
}

void PerformanceView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_modelDirty || m_reportDirty) {
        loadModel();
        loadReport();
        updateState();
    }
}

void PerformanceView::loadModel()
{
    if (!m_modelDirty)
        return;
    m_modelDirty = false;
    m_result.reset();
    m_modelError.clear();
    if (m_study && m_modelId > 0) {
        ModelTestResult result;
        QString error;
        if (modelTestResult(*m_study, m_modelId, &result, &error))
            m_result = std::move(result);
        else
            m_modelError = error;
    }
    drawConfusion();
    drawRoc();
    fillMetrics();
}

void PerformanceView::loadReport()
{
    if (!m_reportDirty)
        return;
    m_reportDirty = false;
    m_report = train::StudyReport();
    m_reportError.clear();
    m_reportParticipants = 0;
    if (m_study && !m_encoder.isEmpty()) {
        try {
            m_report = train::StudyReport::build(storedResults(*m_study, m_encoder));
            m_reportParticipants = int(m_report.participants.size());
        } catch (const std::exception &e) {
            m_reportError = qs(e.what());
        }
    }
    drawComparison();
    fillTable();
}

void PerformanceView::updateState()
{
    QString text;
    bool offerTraining = false;
    if (!m_study)
        text = tr("No study is open.");
    else if (m_participant.isEmpty())
        text = tr("No participant has answered yet: run a participant session on the Survey page.");
    else if (m_encoder.isEmpty())
        text = tr("No embeddings yet: extract them on the Features page.");
    else if (m_modelId <= 0) {
        text = tr("No model trained yet for %1 with %2: train one on the Models page.").arg(m_participant, m_encoder);
        offerTraining = true;
    } else if (!m_modelError.isEmpty())
        text = tr("The model cannot be tested: %1").arg(m_modelError);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    m_train->setVisible(offerTraining);
    m_modelPanel->setVisible(m_result.has_value());
    const bool haveReport = !m_report.results.empty();
    for (QPushButton *b : {m_exportAll, m_saveCsv, m_saveMarkdown, m_saveHtml})
        b->setEnabled(haveReport);
}

void PerformanceView::drawConfusion()
{
    QCustomPlot *plot = m_confusion;
    plot->clearPlottables();
    plot->clearItems();
    m_shownConfusion = {{-1, -1, -1, -1}};
    if (!m_result) {
        plot->replot();
        return;
    }
    const train::Metrics &m = m_result->metrics;
    // Rows: actual liked (top), actual disliked; columns: predicted liked, predicted disliked.
    const int cells[2][2] = {{m.tp, m.fn}, {m.fp, m.tn}};
    const char *names[2][2] = {{"TP", "FN"}, {"FP", "TN"}};
    m_shownConfusion = {{m.tp, m.fn, m.fp, m.tn}};

    auto *map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(2, 2);
    map->data()->setRange(QCPRange(0, 1), QCPRange(0, 1));
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0, QColor(0xf4, 0xf8, 0xfc));
    gradient.setColorStopAt(0.5, QColor(0x7f, 0xb2, 0xd8));
    gradient.setColorStopAt(1, QColor(0x0b, 0x3d, 0x7a));
    map->setGradient(gradient);
    map->setInterpolate(false);
    map->setDataRange(QCPRange(0, 1));
    QFont cellFont = font();
    cellFont.setPointSizeF(cellFont.pointSizeF() * 1.05);
    for (int row = 0; row < 2; ++row) {
        const int total = cells[row][0] + cells[row][1];
        for (int col = 0; col < 2; ++col) {
            const double share = total > 0 ? double(cells[row][col]) / total : 0;
            const int y = 1 - row; // value 1 is the top row
            map->data()->setCell(col, y, share);
            auto *text = new QCPItemText(plot);
            text->position->setType(QCPItemPosition::ptPlotCoords);
            text->position->setCoords(col, y);
            text->setPositionAlignment(Qt::AlignCenter);
            text->setTextAlignment(Qt::AlignCenter);
            text->setFont(cellFont);
            text->setColor(share > 0.55 ? Qt::white : QColor(20, 20, 20));
            text->setText(total > 0 ? QStringLiteral("%1\n%2\n%3 %")
                                          .arg(QLatin1String(names[row][col]))
                                          .arg(cells[row][col])
                                          .arg(share * 100, 0, 'f', 1)
                                    : QStringLiteral("%1\n%2").arg(QLatin1String(names[row][col])).arg(cells[row][col]));
            text->setClipToAxisRect(true);
        }
    }
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    xTicks->addTick(0, tr("liked"));
    xTicks->addTick(1, tr("disliked"));
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    yTicks->addTick(1, tr("liked"));
    yTicks->addTick(0, tr("disliked"));
    plot->xAxis->setTicker(xTicks);
    plot->yAxis->setTicker(yTicks);
    plot->yAxis->setTickLabelRotation(-90);
    plot->xAxis->setLabel(tr("Predicted"));
    plot->yAxis->setLabel(tr("Actual"));
    plot->xAxis->setRange(-0.5, 1.5);
    plot->yAxis->setRange(-0.5, 1.5);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->grid()->setVisible(false);
        axis->setTickLength(0, 0);
        axis->setSubTicks(false);
    }
    plot->replot();
}

void PerformanceView::drawRoc()
{
    QCustomPlot *plot = m_roc;
    plot->clearPlottables();
    plot->clearItems();
    plot->legend->setVisible(false);
    if (!m_result) {
        plot->replot();
        return;
    }
    auto *chance = plot->addGraph();
    chance->setData({0.0, 1.0}, {0.0, 1.0});
    chance->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    chance->setName(tr("chance"));
    auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
    QVector<double> t, x, y;
    for (const train::RocPoint &p : m_result->roc) {
        t << double(t.size());
        x << p.fpr;
        y << p.tpr;
    }
    curve->setData(t, x, y);
    const QColor colour = modelColour(m_result->model.model.toStdString());
    curve->setPen(QPen(colour, 2));
    QColor fill = colour;
    fill.setAlpha(35);
    curve->setBrush(fill);
    curve->setName(tr("%1 (AUROC %2)").arg(uistyle::modelName(m_result->model.model), number(m_result->metrics.auroc)));
    // The operating point at threshold 0.5.
    auto *point = plot->addGraph();
    point->setData({m_result->metrics.fpr}, {m_result->metrics.recall});
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour.darker(130), 8));
    point->setName(tr("threshold 0.5"));
    plot->xAxis->setRange(-0.02, 1.02);
    plot->yAxis->setRange(-0.02, 1.02);
    plot->xAxis->setLabel(tr("False positive rate"));
    plot->yAxis->setLabel(tr("True positive rate"));
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    plot->legend->setFont(small);
    plot->legend->setRowSpacing(0);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    if (m_result->roc.empty()) {
        auto *text = new QCPItemText(plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.4);
        text->setText(tr("No ROC curve: the test part has one class only."));
    }
    plot->replot();
}

void PerformanceView::fillMetrics()
{
    if (!m_result) {
        for (QLabel *l : qAsConst(m_metricLabels))
            l->setText(QStringLiteral("–"));
        m_modelTitle->clear();
        m_counts->clear();
        return;
    }
    const train::Metrics &m = m_result->metrics;
    for (train::Metric metric : train::kMetrics)
        m_metricLabels.value(qs(train::metricId(metric)))->setText(number(train::metricValue(m, metric)));
    int likes = 0;
    for (int t : m_result->truth)
        likes += t == 1;
    const int n = int(m_result->truth.size());
    const TrainedModel &model = m_result->model;
    m_modelTitle->setText(tr("%1 for %2 · %3 · trained %4 · model #%5")
                              .arg(uistyle::modelName(model.model), model.participant, model.encoder,
                                   QLocale().toString(model.createdAt.toLocalTime(), QLocale::ShortFormat))
                              .arg(model.id));
    m_counts->setText(tr("Test part: %n clip(s) (%1 liked, %2 disliked); threshold 0.5.", "", int(n)).arg(likes).arg(n - likes));
}

train::Metric PerformanceView::comparisonMetric() const { return train::Metric(m_metric->currentData().toInt()); }

void PerformanceView::setComparisonMetric(train::Metric metric)
{
    const int i = m_metric->findData(int(metric));
    if (i >= 0)
        m_metric->setCurrentIndex(i);
}

void PerformanceView::drawComparison()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_boxes = nullptr;
    const train::Metric metric = comparisonMetric();
    const QString metricName = qs(train::metricLabel(metric));
    if (m_report.medians.empty()) {
        m_chart->setTitle(QString());
        m_comparisonNote->setText(!m_reportError.isEmpty() ? m_reportError
                                      : m_encoder.isEmpty()
                                      ? tr("Choose the embeddings.")
                                      : tr("No stored models for %1 yet: train models on the Models page to compare "
                                           "them here.")
                                            .arg(m_encoder));
        return;
    }
    m_boxes = new QBoxPlotSeries;
    m_boxes->setName(metricName);
    m_boxes->setBoxWidth(0.55);
    QStringList categories;
    double lo = 1, hi = 0;
    for (const train::MedianRow &row : m_report.medians) {
        if (qs(row.encoder) != m_encoder)
            continue;
        const train::Spread &s = row[metric];
        if (std::isnan(s.median))
            continue;
        const QString label = tr("%1 (n=%2)").arg(qs(train::modelLabel(row.model))).arg(row.participants);
        auto *set = new QBoxSet(s.min, s.q1, s.median, s.q3, s.max, label);
        QColor fill = modelColour(row.model);
        fill.setAlpha(170);
        set->setBrush(fill);
        set->setPen(QPen(modelColour(row.model).darker(150), 1.4));
        m_boxes->append(set);
        categories << label;
        lo = std::min(lo, s.min);
        hi = std::max(hi, s.max);
    }
    m_chart->addSeries(m_boxes);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(std::min(0.0, std::floor(lo * 10) / 10), std::max(1.0, std::ceil(hi * 10) / 10));
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.1f"));
    y->setTitleText(metricName);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_boxes->attachAxis(x);
    m_boxes->attachAxis(y);
    m_chart->setTitle(m_reportParticipants == 1 ? tr("%1 of 1 participant · %2").arg(metricName, m_encoder)
                                                : tr("%1 across %n participant(s) · %2", "", int(m_reportParticipants))
                                                      .arg(metricName)
                                                      .arg(m_encoder));
    m_comparisonNote->setText(tr("Newest stored model of each kind per participant, on its own test part. Box: "
                                 "quartiles; line: median; whiskers: min–max. n: participants with that model."));
}

QStringList PerformanceView::comparisonCategories() const
{
    QStringList out;
    if (!m_boxes)
        return out;
    for (QBoxSet *set : m_boxes->boxSets())
        out << set->label();
    return out;
}

int PerformanceView::comparisonBoxCount() const { return m_boxes ? int(m_boxes->count()) : 0; }

void PerformanceView::setReportTable(ReportTable table)
{
    const int i = m_tableChoice->findData(int(table));
    if (i >= 0)
        m_tableChoice->setCurrentIndex(i);
}

void PerformanceView::showBottomTab(int index) { m_bottom->setCurrentIndex(index); }

void PerformanceView::fillTable()
{
    m_table->clear();
    m_table->setRowCount(0);
    const auto table = ReportTable(m_tableChoice->currentData().toInt());
    QStringList headers;
    QVector<QStringList> rows;
    const train::StudyReport &rep = m_report;
    switch (table) {
    case ReportTable::Medians:
        headers << tr("Encoder") << tr("Model") << tr("Participants");
        for (train::Metric metric : train::kMetrics)
            headers << qs(train::metricLabel(metric));
        for (const train::MedianRow &row : rep.medians) {
            QStringList cells{qs(row.encoder), qs(train::modelLabel(row.model)), QString::number(row.participants)};
            for (train::Metric metric : train::kMetrics)
                cells << spreadText(row[metric]);
            rows << cells;
        }
        break;
    case ReportTable::Friedman:
        headers << tr("Encoder") << tr("Metric") << tr("Participants") << tr("χ²") << tr("df") << tr("p");
        for (const train::FriedmanRow &row : rep.friedman) {
            const bool ran = row.result.df > 0;
            rows << QStringList{qs(row.encoder), qs(train::metricLabel(row.metric)), QString::number(row.result.blocks),
                                ran ? number(row.result.chiSquare) : tr("n/a"), QString::number(row.result.df),
                                ran ? qs(train::formatPValue(row.result.p)) : tr("n/a")};
        }
        break;
    case ReportTable::PostHoc:
        headers << tr("Encoder") << tr("Metric") << tr("Comparison") << tr("Pairs") << tr("W") << tr("z") << tr("p")
                << tr("p (Holm)") << tr("Median difference");
        for (const train::PostHocRow &row : rep.postHoc)
            rows << QStringList{qs(row.encoder),
                                qs(train::metricLabel(row.metric)),
                                tr("%1 vs %2").arg(qs(train::modelLabel(row.modelA)), qs(train::modelLabel(row.modelB))),
                                QString::number(row.participants),
                                number(row.result.statistic, 1),
                                row.result.exact ? tr("exact") : number(row.result.z),
                                qs(train::formatPValue(row.result.p)),
                                qs(train::formatPValue(row.pHolm)),
                                number(row.medianDifference)};
        break;
    case ReportTable::Confusion:
        headers << tr("Participant") << tr("Encoder") << tr("Model") << tr("TP") << tr("TN") << tr("FP") << tr("FN");
        for (const train::ConfusionRow &row : rep.confusion)
            rows << QStringList{qs(row.participant),      qs(row.encoder),        qs(train::modelLabel(row.model)),
                                QString::number(row.tp), QString::number(row.tn), QString::number(row.fp),
                                QString::number(row.fn)};
        break;
    case ReportTable::Results:
        headers << tr("Participant") << tr("Encoder") << tr("Model");
        for (train::Metric metric : train::kMetrics)
            headers << qs(train::metricLabel(metric));
        for (const train::ParticipantResult &row : rep.results) {
            QStringList cells{qs(row.participant), qs(row.encoder), qs(train::modelLabel(row.model))};
            for (train::Metric metric : train::kMetrics)
                cells << number(train::metricValue(row.metrics, metric));
            rows << cells;
        }
        break;
    }
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            if (c >= (table == ReportTable::PostHoc ? 3 : table == ReportTable::Friedman ? 2 : 3)
                || (table == ReportTable::Medians && c == 2))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    QString note;
    if (!m_reportError.isEmpty())
        note = m_reportError;
    else if (rep.results.empty())
        note = m_encoder.isEmpty() ? tr("Choose the embeddings.") : tr("No stored models for %1 yet.").arg(m_encoder);
    else if (table == ReportTable::Friedman || table == ReportTable::PostHoc)
        note = tr("Tests over the participants with all three CLEP variants stored for %1 (they need at least two). "
                  "For repeated splits and every participant at once, use tastelab-cli evaluate.")
                   .arg(m_encoder);
    else
        note = m_reportParticipants == 1
            ? tr("From the newest stored model of each kind of the one participant with models.")
            : tr("From the newest stored model of each kind per participant (%n participant(s)).", "", int(m_reportParticipants));
    m_tableNote->setText(note);
}

bool PerformanceView::exportReport(const QString &directory, QString *error)
{
    if (m_report.results.empty()) {
        if (error)
            *error = tr("There are no stored results to export.");
        return false;
    }
    train::ReportFormat format;
    const QString name = m_study ? m_study->settings().name : QString();
    format.title = tr("Tastelab study report: %1 (%2)").arg(name.isEmpty() ? tr("study") : name, m_encoder).toStdString();
    try {
        train::writeReport(m_report, QFile::encodeName(directory).toStdString(), format);
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The report could not be written to %1: %2").arg(QDir::toNativeSeparators(directory), qs(e.what()));
        return false;
    }
    return true;
}

bool PerformanceView::saveReportFile(const QString &path, QString *error)
{
    if (m_report.results.empty()) {
        if (error)
            *error = tr("There are no stored results to export.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    train::ReportFormat format;
    const QString name = m_study ? m_study->settings().name : QString();
    format.title = tr("Tastelab study report: %1 (%2)").arg(name.isEmpty() ? tr("study") : name, m_encoder).toStdString();
    std::string text;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")) {
        text = train::reportMarkdown(m_report, format);
    } else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        text = train::reportHtml(m_report, format);
    } else {
        switch (ReportTable(m_tableChoice->currentData().toInt())) {
        case ReportTable::Medians:
            text = train::medianTableCsv(m_report);
            break;
        case ReportTable::Friedman:
            text = train::friedmanTableCsv(m_report);
            break;
        case ReportTable::PostHoc:
            text = train::postHocTableCsv(m_report);
            break;
        case ReportTable::Confusion:
            text = train::confusionTableCsv(m_report);
            break;
        case ReportTable::Results:
            text = train::resultsCsv(m_report);
            break;
        }
    }
    return writeFileAtomically(path, QByteArray::fromStdString(text), error);
}

QString PerformanceView::metricText(const QString &metricId) const
{
    QLabel *label = m_metricLabels.value(metricId);
    return label ? label->text() : QString();
}

void PerformanceView::exportDialog()
{
    const QString start = m_study ? QFileInfo(m_study->path()).absolutePath() : QDir::homePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the study report into a folder"), start);
    if (dir.isEmpty())
        return;
    QString error;
    if (exportReport(dir, &error))
        Q_EMIT statusMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(dir)));
    else
        Q_EMIT statusMessage(error);
}

void PerformanceView::saveDialog(const QString &suffix)
{
    const QString start = m_study ? QFileInfo(m_study->path()).absolutePath() : QDir::homePath();
    QString base = QStringLiteral("report");
    if (suffix == QLatin1String("csv")) {
        static const char *names[] = {"medians", "friedman", "posthoc", "confusion", "results"};
        base = QLatin1String(names[m_tableChoice->currentIndex()]);
    }
    const QString filter = suffix == QLatin1String("csv") ? tr("CSV files (*.csv)")
        : suffix == QLatin1String("md")                   ? tr("Markdown files (*.md)")
                                                          : tr("HTML pages (*.html)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the report"),
                                                      QDir(start).filePath(base + QLatin1Char('.') + suffix), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (saveReportFile(path, &error))
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    else
        Q_EMIT statusMessage(error);
}

} // namespace tastelab
