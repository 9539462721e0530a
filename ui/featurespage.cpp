#include "featurespage.h"

#include "uistyle.h"

#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/recommendations.h"
#include "study/study.h"

#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tastelab {

namespace {

enum DeviceChoice { AutoDevice = 0, CpuDevice = 1, CudaDevice = 2 };

QString formatSeconds(double s)
{
    if (s < 0)
        return QString();
    if (s < 60)
        return FeaturesPage::tr("%1 s left").arg(qRound(s));
    return FeaturesPage::tr("%1 min %2 s left").arg(int(s) / 60).arg(int(s) % 60);
}

std::vector<std::string> toStd(const QStringList &dirs)
{
    std::vector<std::string> out;
    for (const QString &d : dirs)
        out.push_back(QFile::encodeName(d).toStdString());
    return out;
}

} // namespace

QString FeaturesPage::userModelsFolder() { return QSettings().value(QStringLiteral("models/userFolder")).toString(); }

FeaturesPage::FeaturesPage(QWidget *parent) : QWidget(parent), m_service(new ExtractionService(this))
{
    setObjectName(QStringLiteral("featuresPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);

    layout->addWidget(uistyle::pageTitle(tr("Features"), this));
    m_state = uistyle::stateLabel(QStringLiteral("featuresStateLabel"), this);
    layout->addWidget(m_state);

    auto *form = new QFormLayout;
    m_encoders = new QComboBox(this);
    m_encoders->setObjectName(QStringLiteral("encoderCombo"));
    form->addRow(tr("Encoder:"), m_encoders);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("encoderDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    uistyle::makeSecondary(m_details);
    form->addRow(QString(), m_details);
    m_devices = new QComboBox(this);
    m_devices->setObjectName(QStringLiteral("deviceCombo"));
    m_devices->addItem(tr("Automatic (%1)").arg(QString::fromStdString(embed::deviceName(embed::defaultDevice())).toUpper()));
    m_devices->addItem(tr("CPU"));
    m_devices->addItem(tr("CUDA GPU"));
    form->addRow(tr("Device:"), m_devices);
    m_deviceNote = new QLabel(this);
    m_deviceNote->setWordWrap(true);
    uistyle::makeSecondary(m_deviceNote);
    if (!embed::cudaAvailable()) {
        // Greys out the CUDA entry: this LibTorch build or this machine has no GPU.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_devices->model()))
            model->item(CudaDevice)->setEnabled(false);
        m_deviceNote->setText(tr("No CUDA GPU is usable here (the LibTorch build has no CUDA, or no GPU is "
                                 "present): extraction runs on the CPU."));
    } else {
        m_deviceNote->setText(tr("A CUDA GPU is available and used by default."));
    }
    form->addRow(QString(), m_deviceNote);
    m_libraryExcerpts = new QSpinBox(this);
    m_libraryExcerpts->setObjectName(QStringLiteral("libraryExcerpts"));
    m_libraryExcerpts->setRange(0, 10);
    m_libraryExcerpts->setValue(ExtractionRequest().libraryExcerpts);
    m_libraryExcerpts->setToolTip(tr("Besides the clips of the participants' plans, this many excerpts of every "
                                     "track of the library are embedded, so the recommendation list can score "
                                     "tracks nobody has heard. 0 = only the plans' clips."));
    form->addRow(tr("Library excerpts per track (for recommendations):"), m_libraryExcerpts);
    layout->addLayout(form);

    auto *run = new QHBoxLayout;
    m_extract = new QPushButton(tr("Extract missing embeddings"), this);
    m_extract->setObjectName(QStringLiteral("extractButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelExtractionButton"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("extractionProgress"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("extractionRateLabel"));
    m_rate->setMinimumWidth(260);
    run->addWidget(m_extract);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    run->addWidget(m_rate);
    layout->addLayout(run);

    layout->addWidget(new QLabel(tr("Cached in this study:"), this));
    m_summary = new QTableWidget(0, 5, this);
    m_summary->setObjectName(QStringLiteral("embeddingSummaryTable"));
    m_summary->setHorizontalHeaderLabels({tr("Encoder"), tr("Clips"), tr("Size"), tr("Failed"), tr("Model hash")});
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setStretchLastSection(true);
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_summary, 1);

    layout->addWidget(new QLabel(tr("Last run:"), this));
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("extractionReportText"));
    m_report->setReadOnly(true);
    m_report->setMaximumHeight(140);
    layout->addWidget(m_report);

    connect(m_encoders, &QComboBox::currentIndexChanged, this, &FeaturesPage::updateEncoderDetails);
    connect(m_libraryExcerpts, &QSpinBox::valueChanged, this, &FeaturesPage::updateSummary);
    connect(m_extract, &QPushButton::clicked, this, &FeaturesPage::startExtraction);
    connect(m_cancel, &QPushButton::clicked, this, &FeaturesPage::cancelExtraction);
    connect(m_service, &ExtractionService::progressed, this, &FeaturesPage::onProgress);
    connect(m_service, &ExtractionService::finished, this, &FeaturesPage::onFinished);

    fillEncoders();
    updateState();
}

void FeaturesPage::setStudy(Study *study)
{
    if (study != m_study && isExtracting())
        cancelExtraction(); // its result belongs to the old study; the job id drops it
    m_study = study;
    m_job = 0;
    m_report->clear();
    m_progress->setValue(0);
    m_rate->clear();
    refresh();
}

void FeaturesPage::refresh()
{
    fillEncoders();
    updateSummary();
    updateState();
}

void FeaturesPage::fillEncoders()
{
    const QString current = m_encoders->currentData().toString();
    m_encoders->clear();
    const auto listings = embed::listEncoders(toStd(encoderSearchDirs(userModelsFolder())));
    auto *model = qobject_cast<QStandardItemModel *>(m_encoders->model());
    for (const embed::EncoderListing &l : listings) {
        const QString name = QString::fromStdString(l.info.name);
        m_encoders->addItem(l.problem.empty() ? name : tr("%1 (unusable)").arg(name), name);
        const int row = m_encoders->count() - 1;
        if (!l.problem.empty()) {
            m_encoders->setItemData(row, QString::fromStdString(l.problem), Qt::ToolTipRole);
            if (model)
                model->item(row)->setEnabled(false);
        }
        m_encoders->setItemData(row, QVariant::fromValue(QString::fromStdString(l.problem)), Qt::UserRole + 1);
        m_encoders->setItemData(row, tr("%1-d · %2 Hz · %3 channel(s) · window %4 · hop %5 · pooling %6\n"
                                        "Licence: %7 · Source: %8%9")
                                         .arg(l.info.embeddingSize)
                                         .arg(l.info.sampleRate)
                                         .arg(l.info.channels)
                                         .arg(l.info.windowSamples)
                                         .arg(l.info.hopSamples)
                                         .arg(QString::fromStdString(l.info.pooling),
                                              QString::fromStdString(l.info.licence),
                                              QString::fromStdString(l.info.source),
                                              l.info.path.empty() ? QString()
                                                                  : tr("\nFile: %1").arg(QString::fromStdString(l.info.path))),
                                Qt::UserRole + 2);
    }
    const int keep = m_encoders->findData(current.isEmpty() ? QString::fromStdString(embed::defaultEncoderName()) : current);
    m_encoders->setCurrentIndex(keep >= 0 ? keep : 0);
    updateEncoderDetails();
}

void FeaturesPage::updateEncoderDetails()
{
    const int i = m_encoders->currentIndex();
    if (i < 0) {
        m_details->clear();
        return;
    }
    const QString problem = m_encoders->itemData(i, Qt::UserRole + 1).toString();
    m_details->setText(problem.isEmpty() ? m_encoders->itemData(i, Qt::UserRole + 2).toString()
                                         : tr("Cannot be used: %1").arg(problem));
    updateState();
}

void FeaturesPage::updateSummary()
{
    m_summary->setRowCount(0);
    if (!m_study)
        return;
    EmbeddingStore store(*m_study);
    // The plans' clips and the library excerpts that are not among them.
    QVector<ClipKey> planned = store.studyClips();
    QSet<ClipKey> all(planned.constBegin(), planned.constEnd());
    for (const ClipKey &c : libraryExcerpts(*m_study, m_libraryExcerpts->value()))
        all.insert(c);
    const int clips = int(all.size());
    for (const EmbeddingSummary &s : store.summaries()) {
        const int row = m_summary->rowCount();
        m_summary->insertRow(row);
        m_summary->setItem(row, 0, new QTableWidgetItem(s.encoder));
        m_summary->setItem(row, 1, new QTableWidgetItem(tr("%1 / %2").arg(s.clips).arg(clips)));
        m_summary->setItem(row, 2, new QTableWidgetItem(s.dim > 0 ? QString::number(s.dim) : QStringLiteral("–")));
        m_summary->setItem(row, 3, new QTableWidgetItem(QString::number(s.failures)));
        m_summary->setItem(row, 4, new QTableWidgetItem(s.encoderHash.left(16)));
    }
}

void FeaturesPage::updateState()
{
    const bool running = isExtracting();
    int clips = 0;
    if (m_study)
        clips = EmbeddingStore(*m_study).studyClips().size();
    const bool usable = m_encoders->currentIndex() >= 0
        && m_encoders->itemData(m_encoders->currentIndex(), Qt::UserRole + 1).toString().isEmpty();
    if (!m_study)
        m_state->setText(tr("No study is open. Open or create a study on the Study page first."));
    else if (clips == 0)
        m_state->setText(tr("This study has no clips yet: clips come from the participants' plans. Start a "
                            "participant session (or import music and add participants) first."));
    else
        m_state->setText(tr("%1 distinct clips in this study's participant plans. Extraction does only what is "
                            "missing for the chosen encoder.")
                             .arg(clips));
    m_extract->setEnabled(!running && m_study && clips > 0 && usable);
    m_cancel->setEnabled(running);
    m_encoders->setEnabled(!running);
    m_devices->setEnabled(!running);
    m_libraryExcerpts->setEnabled(!running);
}

bool FeaturesPage::isExtracting() const { return m_service->isRunning(); }

bool FeaturesPage::startExtraction()
{
    if (!m_study || isExtracting() || !m_extract->isEnabled())
        return false;
    ExtractionRequest r;
    r.studyPath = m_study->path();
    r.encoder = m_encoders->currentData().toString();
    r.modelDirs = encoderSearchDirs(userModelsFolder());
    r.autoDevice = m_devices->currentIndex() == AutoDevice;
    r.device = m_devices->currentIndex() == CudaDevice ? embed::Device::Cuda : embed::Device::Cpu;
    r.libraryExcerpts = m_libraryExcerpts->value();
    m_report->setPlainText(tr("Loading %1…").arg(r.encoder));
    m_progress->setRange(0, 0); // busy until the first progress
    m_rate->setText(tr("starting…"));
    m_job = m_service->start(r);
    updateState();
    return true;
}

void FeaturesPage::cancelExtraction()
{
    m_service->cancel();
    m_rate->setText(tr("cancelling…"));
}

void FeaturesPage::onProgress(quint64 jobId, const ExtractionProgress &p)
{
    if (jobId != m_job)
        return;
    m_progress->setRange(0, std::max(1, p.total));
    m_progress->setValue(p.done);
    m_progress->setFormat(tr("%1 / %2").arg(p.done).arg(p.total));
    m_rate->setText(tr("%1 clips/s · %2").arg(p.clipsPerSecond, 0, 'f', 1).arg(formatSeconds(p.secondsLeft)));
}

void FeaturesPage::onFinished(quint64 jobId, const ExtractionReport &report)
{
    if (jobId != m_job)
        return;
    const int todo = report.clips - report.cached;
    m_progress->setRange(0, std::max(1, todo));
    m_progress->setValue(report.extracted + report.failed);
    m_progress->setFormat(tr("%1 / %2").arg(report.extracted + report.failed).arg(todo));
    m_rate->setText(report.cancelled ? tr("cancelled") : !report.error.isEmpty() ? tr("stopped") : tr("done"));
    m_report->setPlainText(report.toText());
    updateSummary();
    updateState();
    Q_EMIT extractionFinished(report);
}

} // namespace tastelab
