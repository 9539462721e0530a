#include "modelspage.h"

#include "uistyle.h"

#include "study/study.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace tastelab {

ModelsPage::ModelsPage(QWidget *parent) : QWidget(parent), m_service(new TrainingService(this))
{
    setObjectName(QStringLiteral("modelsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(uistyle::pageTitle(tr("Personal models"), this));
    m_state = uistyle::stateLabel(QStringLiteral("modelsStateLabel"), this);
    layout->addWidget(m_state);

    auto *form = new QFormLayout;
    m_participants = new QComboBox(this);
    m_participants->setObjectName(QStringLiteral("participantCombo"));
    form->addRow(tr("Participant:"), m_participants);
    m_encoders = new QComboBox(this);
    m_encoders->setObjectName(QStringLiteral("trainEncoderCombo"));
    form->addRow(tr("Embeddings:"), m_encoders);
    auto *checks = new QHBoxLayout;
    for (const QString &id : allModelIds()) {
        auto *box = new QCheckBox(uistyle::modelName(id), this);
        box->setObjectName(QStringLiteral("model-") + id);
        box->setProperty("modelId", id);
        box->setChecked(id.startsWith(QLatin1String("clep")));
        m_modelChecks << box;
        checks->addWidget(box);
    }
    checks->addStretch(1);
    form->addRow(tr("Models:"), checks);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(1, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The split and the training are reproducible for a given seed."));
    form->addRow(tr("Seed:"), m_seed);
    layout->addLayout(form);

    auto *run = new QHBoxLayout;
    m_train = new QPushButton(tr("Train"), this);
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTrainingButton"));
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("trainingProgressLabel"));
    run->addWidget(m_train);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);

    m_chart = new QChart;
    m_chart->setTitle(tr("Loss per epoch"));
    m_trainLoss = new QLineSeries(m_chart);
    m_trainLoss->setName(tr("training"));
    m_validationLoss = new QLineSeries(m_chart);
    m_validationLoss->setName(tr("validation"));
    m_chart->addSeries(m_trainLoss);
    m_chart->addSeries(m_validationLoss);
    auto *x = new QValueAxis(m_chart);
    x->setTitleText(tr("epoch (embedder, then classifier)"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis(m_chart);
    y->setTitleText(tr("loss"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {m_trainLoss, m_validationLoss}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    auto *chartView = new QChartView(m_chart, this);
    chartView->setObjectName(QStringLiteral("lossChart"));
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(260);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignRight);

    m_models = new QTableWidget(0, 12, this);
    m_models->setObjectName(QStringLiteral("modelsTable"));
    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Embeddings"), tr("Accuracy"), tr("Precision"), tr("Recall"),
                                         tr("F1"), tr("AUROC"), tr("FPR"), tr("TP"), tr("TN"), tr("FP"), tr("FN")});
    m_models->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_models->verticalHeader()->hide();
    m_models->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_models->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(chartView);
    split->addWidget(m_models);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("trainingReportText"));
    m_report->setReadOnly(true);
    m_report->setMaximumHeight(80);
    layout->addWidget(m_report);

    connect(m_train, &QPushButton::clicked, this, &ModelsPage::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &ModelsPage::cancelTraining);
    connect(m_participants, &QComboBox::currentIndexChanged, this, [this] {
        updateModels();
        updateState();
    });
    connect(m_encoders, &QComboBox::currentIndexChanged, this, &ModelsPage::updateState);
    for (QCheckBox *box : m_modelChecks)
        connect(box, &QCheckBox::toggled, this, &ModelsPage::updateState);
    connect(m_service, &TrainingService::epochFinished, this, &ModelsPage::onEpoch);
    connect(m_service, &TrainingService::finished, this, &ModelsPage::onFinished);
    updateState();
}

void ModelsPage::setStudy(Study *study)
{
    if (study != m_study && isTraining())
        cancelTraining();
    m_study = study;
    m_job = 0;
    m_report->clear();
    m_trainLoss->clear();
    m_validationLoss->clear();
    refresh();
}

void ModelsPage::refresh()
{
    fillParticipants();
    fillEncoders();
    updateModels();
    updateState();
}

bool ModelsPage::selectParticipant(const QString &code, const QString &encoder)
{
    const int p = m_participants->findData(code);
    if (p >= 0)
        m_participants->setCurrentIndex(p);
    const int e = encoder.isEmpty() ? m_encoders->currentIndex() : m_encoders->findData(encoder);
    if (e >= 0)
        m_encoders->setCurrentIndex(e);
    return p >= 0 && e >= 0;
}

void ModelsPage::fillParticipants()
{
    const QString current = m_participants->currentData().toString();
    m_participants->clear();
    if (!m_study)
        return;
    for (const Participant &p : m_study->participants())
        m_participants->addItem(tr("%1 (%n answer(s))", "", int(m_study->answers(p.id).size())).arg(p.code), p.code);
    const int i = m_participants->findData(current);
    if (i >= 0)
        m_participants->setCurrentIndex(i);
}

void ModelsPage::fillEncoders()
{
    const QString current = m_encoders->currentData().toString();
    m_encoders->clear();
    if (!m_study)
        return;
    for (const EmbeddingSummary &s : EmbeddingStore(*m_study).summaries())
        if (s.clips > 0)
            m_encoders->addItem(tr("%1 (%n clip(s))", "", int(s.clips)).arg(s.encoder), s.encoder);
    const int i = m_encoders->findData(current);
    if (i >= 0)
        m_encoders->setCurrentIndex(i);
}

void ModelsPage::updateModels()
{
    m_models->setRowCount(0);
    if (!m_study || m_participants->currentIndex() < 0)
        return;
    const auto participant = m_study->participant(m_participants->currentData().toString());
    if (!participant)
        return;
    for (const TrainedModel &m : storedModels(*m_study, *participant)) {
        const int row = m_models->rowCount();
        m_models->insertRow(row);
        const train::Metrics &x = m.metrics;
        const QStringList cells{uistyle::modelName(m.model),
                                m.encoder,
                                QString::number(x.accuracy, 'f', 3),
                                QString::number(x.precision, 'f', 3),
                                QString::number(x.recall, 'f', 3),
                                QString::number(x.f1, 'f', 3),
                                QString::number(x.auroc, 'f', 3),
                                QString::number(x.fpr, 'f', 3),
                                QString::number(x.tp),
                                QString::number(x.tn),
                                QString::number(x.fp),
                                QString::number(x.fn)};
        for (int c = 0; c < cells.size(); ++c)
            m_models->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_models->item(row, 0)->setToolTip(tr("Trained %1").arg(QLocale().toString(m.createdAt.toLocalTime(), QLocale::ShortFormat)));
    }
}

void ModelsPage::updateState()
{
    const bool running = isTraining();
    bool anyModel = false;
    for (QCheckBox *box : m_modelChecks)
        anyModel |= box->isChecked();
    if (!m_study)
        m_state->setText(tr("No study is open. Open or create a study on the Study page first."));
    else if (m_participants->count() == 0)
        m_state->setText(tr("No participant has answered yet. Run a participant session first."));
    else if (m_encoders->count() == 0)
        m_state->setText(tr("No embeddings yet: extract them on the Features page, then train here."));
    else
        m_state->setText(tr("Trains on the participant's answered clips with the chosen embeddings: a seeded, "
                            "stratified 3:1 split; the CLEP variants and the baselines share it."));
    m_train->setEnabled(!running && m_study && m_participants->count() > 0 && m_encoders->count() > 0 && anyModel);
    m_cancel->setEnabled(running);
}

bool ModelsPage::isTraining() const { return m_service->isRunning(); }

int ModelsPage::lossPoints() const { return int(m_trainLoss->count()); }

bool ModelsPage::startTraining()
{
    if (!m_train->isEnabled())
        return false;
    TrainingRequest r;
    r.studyPath = m_study->path();
    r.participant = m_participants->currentData().toString();
    r.encoder = m_encoders->currentData().toString();
    r.models.clear();
    for (QCheckBox *box : m_modelChecks)
        if (box->isChecked())
            r.models << box->property("modelId").toString();
    r.settings.seed = quint64(m_seed->value());
    m_trainLoss->clear();
    m_validationLoss->clear();
    m_curveModel.clear();
    m_curveStep = 0;
    m_report->setPlainText(tr("Training %1 for %2…").arg(r.models.join(QStringLiteral(", ")), r.participant));
    m_job = m_service->start(r);
    updateState();
    return true;
}

void ModelsPage::cancelTraining()
{
    m_service->cancel();
    m_progress->setText(tr("cancelling…"));
}

void ModelsPage::onEpoch(quint64 jobId, const QString &model, const train::EpochLog &e)
{
    if (jobId != m_job)
        return;
    if (model != m_curveModel) { // the curve follows the model being trained now
        m_curveModel = model;
        m_curveStep = 0;
        m_trainLoss->clear();
        m_validationLoss->clear();
        m_chart->setTitle(tr("Loss per epoch: %1").arg(uistyle::modelName(model)));
    }
    ++m_curveStep;
    m_trainLoss->append(m_curveStep, e.trainLoss);
    m_validationLoss->append(m_curveStep, e.validationLoss);
    double lo = 0, hi = 0;
    for (QLineSeries *s : {m_trainLoss, m_validationLoss})
        for (const QPointF &p : s->points())
            hi = std::max(hi, p.y());
    m_chart->axes(Qt::Horizontal).first()->setRange(1, std::max(2, m_curveStep));
    m_chart->axes(Qt::Vertical).first()->setRange(lo, hi > 0 ? hi * 1.05 : 1);
    m_progress->setText(tr("%1: %2 epoch %3 / %4 · loss %5 · validation %6")
                            .arg(uistyle::modelName(model), QString::fromStdString(e.stage))
                            .arg(e.epoch)
                            .arg(e.epochs)
                            .arg(e.trainLoss, 0, 'f', 4)
                            .arg(e.validationLoss, 0, 'f', 4));
}

void ModelsPage::onFinished(quint64 jobId, const TrainingReport &report)
{
    if (jobId != m_job)
        return;
    m_progress->setText(report.cancelled ? tr("cancelled") : !report.error.isEmpty() ? tr("stopped") : tr("done"));
    m_report->setPlainText(report.toText());
    updateModels();
    updateState();
    Q_EMIT trainingFinished(report);
}

} // namespace tastelab
