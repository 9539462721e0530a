#include "newstudywizard.h"
#include "study/studyfile.h"

#include "study/catchclips.h"
#include "study/study.h"
#include "survey/clipplanner.h"

#include "studyoptionseditors.h"
#include "uistyle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QWizardPage>

namespace tastelab {

namespace {

constexpr auto kStudySuffix = ".tastelab";

QLabel *makeHint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    uistyle::makeSecondary(label);
    return label;
}

QLabel *makeError(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString defaultStudyFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString fileNameFor(const QString &studyName)
{
    QString base;
    for (const QChar c : studyName.trimmed()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
            base += c;
        else if (c.isSpace() && !base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    return (base.isEmpty() ? QStringLiteral("study") : base.toLower()) + QLatin1String(kStudySuffix);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// (a) name and study file

class NameWizardPage : public QWizardPage {
    Q_OBJECT
public:
    explicit NameWizardPage(NewStudyWizard *wizard) : m_wizard(wizard)
    {
        setObjectName(QStringLiteral("namePage"));
        setTitle(tr("Name the study"));
        setSubTitle(tr("A study is a single file that holds its music list, its settings, the "
                       "participants and every answer."));

        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("studyNameEdit"));
        m_name->setPlaceholderText(tr("e.g. Music taste 2024, lab A"));
        m_file = new QLineEdit(this);
        m_file->setObjectName(QStringLiteral("studyFileEdit"));
        m_file->setPlaceholderText(tr("Where to save the study (*.tastelab)"));
        m_browse = new QPushButton(tr("Browse…"), this);
        m_browse->setObjectName(QStringLiteral("studyFileBrowseButton"));
        m_error = makeError(this, QStringLiteral("nameErrorLabel"));
        m_created = makeHint(QString(), this);
        m_created->setObjectName(QStringLiteral("studyCreatedLabel"));
        m_created->hide();

        auto *fileRow = new QHBoxLayout;
        fileRow->addWidget(m_file, 1);
        fileRow->addWidget(m_browse);

        auto *form = new QFormLayout;
        form->addRow(tr("Study &name:"), m_name);
        form->addRow(tr("Study file:"), fileRow);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(makeHint(tr("The file is created when you press Next, so that the music "
                                      "can be imported into it. Keep it with the music folder if "
                                      "you move the study to another computer."),
                                   this));
        layout->addWidget(m_created);
        layout->addWidget(m_error);
        layout->addStretch();

        connect(m_name, &QLineEdit::textChanged, this, [this](const QString &name) {
            if (!m_fileEdited && !m_wizard->study())
                m_file->setText(QDir(defaultStudyFolder()).filePath(fileNameFor(name)));
            Q_EMIT completeChanged();
        });
        connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileEdited = true; });
        connect(m_file, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(m_browse, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Save study as"), m_file->text().isEmpty() ? defaultStudyFolder() : m_file->text(),
                tr("Tastelab studies (*.tastelab)"));
            if (!path.isEmpty()) {
                m_fileEdited = true;
                m_file->setText(path);
            }
        });
    }

    QString name() const { return m_name->text().trimmed(); }

    QString filePath() const
    {
        QString path = m_file->text().trimmed();
        if (!path.isEmpty() && !path.endsWith(QLatin1String(kStudySuffix), Qt::CaseInsensitive))
            path += QLatin1String(kStudySuffix);
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    }

    void initializePage() override
    {
        const bool created = m_wizard->study() != nullptr;
        m_file->setReadOnly(created);
        m_browse->setEnabled(!created);
        m_created->setText(tr("The study file has been created; you can still change the name."));
        m_created->setVisible(created);
    }

    bool isComplete() const override { return !name().isEmpty() && !m_file->text().trimmed().isEmpty(); }

    bool validatePage() override
    {
        QString error;
        if (!m_wizard->createStudy(filePath(), name(), &error)) {
            showError(m_error, error);
            return false;
        }
        showError(m_error, QString());
        return true;
    }

private:
    NewStudyWizard *m_wizard;
    QLineEdit *m_name;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLabel *m_error;
    QLabel *m_created;
    bool m_fileEdited = false;
};

// ---------------------------------------------------------------------------------------------
// (b) music source

class SourceWizardPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SourceWizardPage(QWidget *parent = nullptr) : QWizardPage(parent)
    {
        setObjectName(QStringLiteral("sourcePage"));
        setTitle(tr("Choose the music"));
        setSubTitle(tr("Import a folder of audio files, or a CSV list of files with their genres."));

        m_folderRadio = new QRadioButton(tr("A &folder of music (sub-folders included)"), this);
        m_folderRadio->setObjectName(QStringLiteral("folderRadio"));
        m_folderRadio->setChecked(true);
        m_folder = new QLineEdit(this);
        m_folder->setObjectName(QStringLiteral("musicFolderEdit"));
        m_folder->setPlaceholderText(tr("Folder with audio files"));
        auto *folderBrowse = new QPushButton(tr("Browse…"), this);
        folderBrowse->setObjectName(QStringLiteral("musicFolderBrowseButton"));

        m_manifestRadio = new QRadioButton(tr("A CSV &manifest"), this);
        m_manifestRadio->setObjectName(QStringLiteral("manifestRadio"));
        m_manifest = new QLineEdit(this);
        m_manifest->setObjectName(QStringLiteral("manifestEdit"));
        m_manifest->setPlaceholderText(tr("CSV file with the columns path, genre, title, artist"));
        auto *manifestBrowse = new QPushButton(tr("Browse…"), this);
        manifestBrowse->setObjectName(QStringLiteral("manifestBrowseButton"));

        auto *group = new QButtonGroup(this);
        group->addButton(m_folderRadio);
        group->addButton(m_manifestRadio);

        auto *folderRow = new QHBoxLayout;
        folderRow->setContentsMargins(24, 0, 0, 0);
        folderRow->addWidget(m_folder, 1);
        folderRow->addWidget(folderBrowse);
        auto *manifestRow = new QHBoxLayout;
        manifestRow->setContentsMargins(24, 0, 0, 0);
        manifestRow->addWidget(m_manifest, 1);
        manifestRow->addWidget(manifestBrowse);

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_folderRadio);
        layout->addLayout(folderRow);
        auto *folderHint = makeHint(tr("Each file's genre is the name of the folder it is in, e.g. "
                                       "music/jazz/track.flac is jazz. Title and artist come from the "
                                       "file's tags when it has them."),
                                    this);
        folderHint->setContentsMargins(24, 0, 0, 0);
        layout->addWidget(folderHint);
        layout->addSpacing(16);
        layout->addWidget(m_manifestRadio);
        layout->addLayout(manifestRow);
        auto *manifestHint = makeHint(tr("A header row is required. Relative paths are read from the "
                                         "CSV file's folder."),
                                      this);
        manifestHint->setContentsMargins(24, 0, 0, 0);
        layout->addWidget(manifestHint);
        layout->addSpacing(16);
        // The clip length is chosen here, before the import, because it decides which tracks are
        // long enough to hold a clip away from their edges.
        m_clipSeconds = new QDoubleSpinBox(this);
        m_clipSeconds->setObjectName(QStringLiteral("clipLengthSpin"));
        m_clipSeconds->setRange(1.0, 120.0);
        m_clipSeconds->setDecimals(1);
        m_clipSeconds->setSingleStep(1.0);
        m_clipSeconds->setSuffix(tr(" s"));
        m_clipSeconds->setValue(StudySettings().clipSeconds);
        auto *clipRow = new QFormLayout;
        clipRow->addRow(tr("Clip &length:"), m_clipSeconds);
        layout->addLayout(clipRow);
        layout->addWidget(makeHint(tr("Files that cannot be read, are too short for a clip of this length "
                                      "(away from the first and last 5 % of the track) or are duplicates of "
                                      "another file are skipped and listed in the report."),
                                   this));
        layout->addStretch();

        auto update = [this] {
            m_folder->setEnabled(m_folderRadio->isChecked());
            m_manifest->setEnabled(m_manifestRadio->isChecked());
            Q_EMIT completeChanged();
        };
        connect(m_folderRadio, &QRadioButton::toggled, this, update);
        connect(m_folder, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(m_manifest, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(folderBrowse, &QPushButton::clicked, this, [this] {
            const QString dir = QFileDialog::getExistingDirectory(this, tr("Music folder"), m_folder->text());
            if (!dir.isEmpty()) {
                m_folderRadio->setChecked(true);
                m_folder->setText(QDir::toNativeSeparators(dir));
            }
        });
        connect(manifestBrowse, &QPushButton::clicked, this, [this] {
            const QString file = QFileDialog::getOpenFileName(this, tr("Music manifest"), m_manifest->text(),
                                                              tr("CSV files (*.csv);;All files (*)"));
            if (!file.isEmpty()) {
                m_manifestRadio->setChecked(true);
                m_manifest->setText(QDir::toNativeSeparators(file));
            }
        });
        update();
    }

    bool useFolder() const { return m_folderRadio->isChecked(); }
    double clipSeconds() const { return m_clipSeconds->value(); }
    QString folder() const { return QDir::fromNativeSeparators(m_folder->text().trimmed()); }
    QString manifest() const { return QDir::fromNativeSeparators(m_manifest->text().trimmed()); }

    bool isComplete() const override
    {
        return useFolder() ? (!folder().isEmpty() && QFileInfo(folder()).isDir())
                           : (!manifest().isEmpty() && QFileInfo(manifest()).isFile());
    }

private:
    QRadioButton *m_folderRadio;
    QRadioButton *m_manifestRadio;
    QLineEdit *m_folder;
    QLineEdit *m_manifest;
    QDoubleSpinBox *m_clipSeconds;
};

// ---------------------------------------------------------------------------------------------
// (c) import

class ImportWizardPage : public QWizardPage {
    Q_OBJECT
public:
    ImportWizardPage(NewStudyWizard *wizard, SourceWizardPage *source) : m_wizard(wizard), m_source(source)
    {
        setObjectName(QStringLiteral("importPage"));
        setTitle(tr("Importing the music"));
        setSubTitle(tr("Each file is checked, measured and fingerprinted. This runs in the background."));

        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("importProgress"));
        m_current = new QLabel(this);
        m_current->setObjectName(QStringLiteral("importCurrentFile"));
        m_current->setTextFormat(Qt::PlainText);
        m_current->setMinimumWidth(200);
        m_cancel = new QPushButton(tr("Cancel import"), this);
        m_cancel->setObjectName(QStringLiteral("importCancelButton"));
        m_summary = new QLabel(this);
        m_summary->setObjectName(QStringLiteral("importSummary"));
        m_summary->setWordWrap(true);
        QFont summaryFont = m_summary->font();
        summaryFont.setBold(true);
        m_summary->setFont(summaryFont);
        m_report = new QPlainTextEdit(this);
        m_report->setObjectName(QStringLiteral("importReport"));
        m_report->setReadOnly(true);
        m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_report->setPlaceholderText(tr("The import report appears here when the import is done."));
        m_copy = new QPushButton(tr("Copy report"), this);
        m_copy->setObjectName(QStringLiteral("copyReportButton"));
        m_copy->setEnabled(false);

        auto *progressRow = new QHBoxLayout;
        progressRow->addWidget(m_progress, 1);
        progressRow->addWidget(m_cancel);
        auto *copyRow = new QHBoxLayout;
        copyRow->addStretch();
        copyRow->addWidget(m_copy);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(progressRow);
        layout->addWidget(m_current);
        layout->addWidget(m_summary);
        layout->addWidget(m_report, 1);
        layout->addLayout(copyRow);

        ImportService *service = m_wizard->importService();
        connect(service, &ImportService::progressed, this, &ImportWizardPage::onProgress);
        connect(service, &ImportService::finished, this, &ImportWizardPage::onFinished);
        connect(m_cancel, &QPushButton::clicked, this, [this] {
            m_wizard->importService()->cancel();
            m_cancel->setEnabled(false);
            m_current->setText(tr("Cancelling after the current file…"));
        });
        connect(m_copy, &QPushButton::clicked, this,
                [this] { QGuiApplication::clipboard()->setText(m_report->toPlainText()); });
    }

    bool isRunning() const { return m_running; }

    void initializePage() override
    {
        if (Study *study = m_wizard->study()) { // the importer judges track lengths by it
            StudySettings settings = study->settings();
            settings.clipSeconds = m_source->clipSeconds();
            study->setSettings(settings);
        }
        ImportRequest request;
        request.studyPath = m_wizard->studyPath();
        if (m_source->useFolder())
            request.folder = m_source->folder();
        else
            request.manifestPath = m_source->manifest();

        m_done = false;
        m_running = true;
        m_progress->setRange(0, 0); // busy until the first progress report gives the total
        m_current->setText(tr("Looking for audio files…"));
        m_summary->clear();
        m_report->clear();
        m_copy->setEnabled(false);
        m_cancel->setEnabled(true);
        m_jobId = m_wizard->importService()->start(request);
        Q_EMIT completeChanged();
    }

    void cleanupPage() override
    {
        if (m_running) {
            m_wizard->importService()->cancel();
            m_running = false;
            m_jobId = 0; // drop its result
        }
    }

    bool isComplete() const override { return m_done && m_tracks > 0; }

private:
    void onProgress(quint64 jobId, int done, int total, const QString &file)
    {
        if (jobId != m_jobId)
            return;
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
        m_current->setText(tr("%1 of %2: %3").arg(done).arg(total).arg(QFileInfo(file).fileName()));
    }

    void onFinished(quint64 jobId, const ImportReport &report)
    {
        if (jobId != m_jobId)
            return;
        m_running = false;
        m_done = true;
        m_wizard->setImportReport(report);
        m_tracks = m_wizard->study() ? int(m_wizard->study()->tracks().size()) : 0;
        m_cancel->setEnabled(false);
        m_progress->setRange(0, qMax(1, report.candidates));
        m_progress->setValue(report.cancelled ? m_progress->value() : report.candidates);
        m_current->clear();

        QString summary;
        if (!report.error.isEmpty()) {
            summary = tr("The import could not run: %1").arg(report.error);
        } else {
            summary = report.cancelled ? tr("Import cancelled.") : tr("Import finished.");
            summary += QLatin1Char(' ')
                + tr("Added: %1 · duplicates skipped: %2 · files with problems: %3 · tracks in the study: %4")
                      .arg(report.added)
                      .arg(report.duplicates)
                      .arg(report.issues.size())
                      .arg(m_tracks);
        }
        if (m_tracks == 0)
            summary += QLatin1Char(' ') + tr("Go back and choose another folder or manifest.");
        m_summary->setText(summary);
        m_summary->setStyleSheet(m_tracks == 0 || !report.error.isEmpty() ? QStringLiteral("color: #b00020;")
                                                                          : QString());
        m_report->setPlainText(report.toText());
        m_copy->setEnabled(true);
        Q_EMIT completeChanged();
    }

    NewStudyWizard *m_wizard;
    SourceWizardPage *m_source;
    QProgressBar *m_progress;
    QLabel *m_current;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QPlainTextEdit *m_report;
    QPushButton *m_copy;
    quint64 m_jobId = 0;
    bool m_running = false;
    bool m_done = false;
    int m_tracks = 0;
};

// ---------------------------------------------------------------------------------------------
// (d) clip plan

class ClipPlanWizardPage : public QWizardPage {
    Q_OBJECT
public:
    ClipPlanWizardPage(NewStudyWizard *wizard, SourceWizardPage *source) : m_wizard(wizard), m_source(source)
    {
        setObjectName(QStringLiteral("clipPlanPage"));
        setTitle(tr("Plan the clips"));
        setSubTitle(tr("Every participant hears their own random selection of excerpts, one per track."));

        const StudySettings defaults;
        m_clipLength = new QLabel(this);
        m_clipLength->setObjectName(QStringLiteral("clipLengthLabel"));
        m_clips = new QSpinBox(this);
        m_clips->setObjectName(QStringLiteral("clipsPerParticipantSpin"));
        m_clips->setRange(1, 10000);
        m_clips->setValue(defaults.clipsPerParticipant);
        m_balance = new QCheckBox(tr("&Balance genres (the same number of clips from each genre)"), this);
        m_balance->setObjectName(QStringLiteral("balanceGenresCheck"));
        m_balance->setChecked(defaults.balanceGenres);
        m_repeats = new QSpinBox(this);
        m_repeats->setObjectName(QStringLiteral("repeatsSpin"));
        m_repeats->setRange(0, 1000);
        m_repeats->setValue(defaults.repeats);
        m_repeats->setToolTip(tr("Clips played a second time later on, to measure how consistent a "
                                 "participant's answers are."));

        m_preview = new QLabel(this);
        m_preview->setObjectName(QStringLiteral("planPreviewLabel"));
        m_preview->setWordWrap(true);
        m_preview->setTextFormat(Qt::PlainText);
        m_preview->setFrameShape(QFrame::StyledPanel);
        m_preview->setMargin(10);
        m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);

        auto *form = new QFormLayout;
        form->addRow(tr("Clip length:"), m_clipLength);
        form->addRow(tr("&Clips per participant:"), m_clips);
        form->addRow(QString(), m_balance);
        form->addRow(tr("&Repeated clips (consistency check):"), m_repeats);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addSpacing(8);
        layout->addWidget(new QLabel(tr("Preview for one participant:"), this));
        layout->addWidget(m_preview);
        layout->addStretch();

        connect(m_clips, &QSpinBox::valueChanged, this, &ClipPlanWizardPage::updatePreview);
        connect(m_balance, &QCheckBox::toggled, this, &ClipPlanWizardPage::updatePreview);
        connect(m_repeats, &QSpinBox::valueChanged, this, &ClipPlanWizardPage::updatePreview);
    }

    double clipSeconds() const { return m_source->clipSeconds(); }
    int clips() const { return m_clips->value(); }
    bool balance() const { return m_balance->isChecked(); }
    int repeats() const { return m_repeats->value(); }

    void initializePage() override
    {
        m_clipLength->setText(tr("%1 s (chosen with the music: it decided which tracks were long enough)")
                                  .arg(clipSeconds(), 0, 'g', 3));
        m_tracks.clear();
        if (Study *study = m_wizard->study()) {
            for (const Track &track : study->tracks())
                m_tracks.push_back({track.id, track.genre.toStdString(), track.durationSeconds});
        }
        updatePreview();
    }

    bool isComplete() const override { return m_repeats->value() <= m_clips->value(); }

    QString previewText() const { return m_preview->text(); }

private:
    void updatePreview()
    {
        survey::PlanOptions options;
        options.clipSeconds = clipSeconds();
        options.clipsPerParticipant = clips();
        options.balanceGenres = balance();
        options.repeats = repeats();
        const survey::Plan plan = survey::planClips(m_tracks, options, 1);

        int unique = 0;
        QStringList genres;
        for (const auto &[genre, count] : plan.perGenre) {
            unique += count;
            genres << tr("%1: %2").arg(QString::fromStdString(genre)).arg(count);
        }
        QStringList lines;
        const int total = int(plan.items.size());
        lines << tr("Clips per participant: %1 (repeated: %2) · about %3 min of listening")
                     .arg(total)
                     .arg(total - unique)
                     .arg(qMax(1, qRound(total * (clipSeconds() + 3.0) / 60.0)));
        if (!genres.isEmpty())
            lines << tr("Per genre: %1").arg(genres.join(QStringLiteral(" · ")));
        if (plan.items.size() < size_t(clips()) && !m_tracks.empty())
            lines << tr("The library has enough tracks for only %1 different clips.").arg(unique);
        for (const std::string &note : plan.notes)
            lines << tr("Note: %1").arg(QString::fromStdString(note));
        if (m_tracks.empty())
            lines << tr("No tracks have been imported.");
        if (repeats() > clips())
            lines << tr("There cannot be more repeated clips than clips.");
        m_preview->setText(lines.join(QLatin1Char('\n')));
        Q_EMIT completeChanged();
    }

    NewStudyWizard *m_wizard;
    SourceWizardPage *m_source;
    QLabel *m_clipLength;
    QSpinBox *m_clips;
    QCheckBox *m_balance;
    QSpinBox *m_repeats;
    QLabel *m_preview;
    std::vector<survey::PlanTrack> m_tracks;
};

// ---------------------------------------------------------------------------------------------
// (e) answer scale

class ScaleWizardPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ScaleWizardPage(ClipPlanWizardPage *plan) : m_plan(plan)
    {
        setObjectName(QStringLiteral("scalePage"));
        setTitle(tr("Answer scale"));
        setSubTitle(tr("How participants answer each clip."));

        m_likeDislike = new QRadioButton(tr("&Like / dislike"), this);
        m_likeDislike->setObjectName(QStringLiteral("scaleLikeDislikeRadio"));
        m_likeDislike->setChecked(true);
        m_likert5 = new QRadioButton(tr("Likert scale, &5 points"), this);
        m_likert5->setObjectName(QStringLiteral("scaleLikert5Radio"));
        m_likert7 = new QRadioButton(tr("Likert scale, &7 points"), this);
        m_likert7->setObjectName(QStringLiteral("scaleLikert7Radio"));
        auto *group = new QButtonGroup(this);
        group->addButton(m_likeDislike);
        group->addButton(m_likert5);
        group->addButton(m_likert7);

        auto *anchorsBox = new QGroupBox(tr("Button labels (lowest first)"), this);
        m_anchorForm = new QFormLayout(anchorsBox);
        for (int i = 0; i < 7; ++i) {
            auto *edit = new QLineEdit(anchorsBox);
            edit->setObjectName(QStringLiteral("anchorEdit%1").arg(i));
            m_anchorForm->addRow(tr("%1:").arg(i + 1), edit);
            m_anchors << edit;
        }

        auto *scaleRow = new QHBoxLayout;
        scaleRow->addWidget(m_likeDislike);
        scaleRow->addWidget(m_likert5);
        scaleRow->addWidget(m_likert7);
        scaleRow->addStretch();

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(scaleRow);
        layout->addWidget(anchorsBox);
        layout->addWidget(makeHint(tr("How long participants listen before the buttons unlock is set on the "
                                      "\"Listening rules\" page."),
                                   this));
        layout->addStretch();

        connect(m_likeDislike, &QRadioButton::toggled, this, &ScaleWizardPage::resetAnchors);
        connect(m_likert5, &QRadioButton::toggled, this, &ScaleWizardPage::resetAnchors);
        resetAnchors();
    }

    AnswerScale scale() const
    {
        return m_likert5->isChecked() ? AnswerScale::Likert5
            : m_likert7->isChecked()  ? AnswerScale::Likert7
                                      : AnswerScale::LikeDislike;
    }

    QStringList anchors() const
    {
        StudySettings probe;
        probe.scale = scale();
        QStringList labels;
        for (int i = 0; i < probe.scalePoints(); ++i)
            labels << m_anchors.at(i)->text().trimmed();
        // Unchanged defaults are not stored, so that they follow the participant's language.
        return labels == StudySettings::defaultAnchors(probe.scale) ? QStringList() : labels;
    }

    bool isComplete() const override
    {
        for (const QString &label : anchors()) {
            if (label.isEmpty())
                return false;
        }
        return true;
    }

private:
    void resetAnchors()
    {
        StudySettings probe;
        probe.scale = scale();
        const QStringList defaults = StudySettings::defaultAnchors(probe.scale);
        for (int i = 0; i < m_anchors.size(); ++i) {
            const bool used = i < defaults.size();
            m_anchors.at(i)->setText(used ? defaults.at(i) : QString());
            m_anchorForm->setRowVisible(i, used);
        }
        Q_EMIT completeChanged();
    }

    ClipPlanWizardPage *m_plan;
    QRadioButton *m_likeDislike;
    QRadioButton *m_likert5;
    QRadioButton *m_likert7;
    QFormLayout *m_anchorForm;
    QList<QLineEdit *> m_anchors;
};

// ---------------------------------------------------------------------------------------------
// (f)-(i) research-design options: the editors shared with the Study Options dialog

class OptionsWizardPage : public QWizardPage {
    Q_OBJECT
public:
    OptionsWizardPage(NewStudyWizard *wizard, StudyOptionsEditor *editor, const QString &objectName,
                      const QString &title, const QString &subTitle)
        : m_wizard(wizard), m_editor(editor)
    {
        setObjectName(objectName);
        setTitle(title);
        setSubTitle(subTitle);
        m_error = makeError(this, QStringLiteral("%1ErrorLabel").arg(objectName));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(editor, 1);
        layout->addWidget(m_error);
        connect(editor, &StudyOptionsEditor::changed, this, [this] { showError(m_error, QString()); });
    }

    StudyOptionsEditor *editor() const { return m_editor; }
    /// True once the page has shown the study's settings (before, settings() leaves its fields alone).
    bool isLoaded() const { return m_loaded; }

    void initializePage() override
    {
        const StudySettings s = m_wizard->settings();
        m_editor->setContext(s, m_wizard->genres(), QFileInfo(m_wizard->studyPath()).absolutePath());
        if (!m_loaded) {
            m_editor->load(s); // the defaults, and the study seed drawn when the file was created
            m_loaded = true;
        }
        showError(m_error, QString());
    }

    bool validatePage() override
    {
        const StudySettings s = m_wizard->settings();
        QString error = m_editor->validate(s);
        if (error.isEmpty())
            error = s.validate();
        showError(m_error, error);
        return error.isEmpty();
    }

private:
    NewStudyWizard *m_wizard;
    StudyOptionsEditor *m_editor;
    QLabel *m_error;
    bool m_loaded = false;
};

// ---------------------------------------------------------------------------------------------
// (f) instructions and demographics

class InstructionsWizardPage : public QWizardPage {
    Q_OBJECT
public:
    explicit InstructionsWizardPage(NewStudyWizard *wizard) : m_wizard(wizard)
    {
        setObjectName(QStringLiteral("instructionsWizardPage"));
        setTitle(tr("Instructions and questions"));
        setSubTitle(tr("Shown to every participant before the first clip (consent has its own page)."));

        m_instructions = new QPlainTextEdit(this);
        m_instructions->setObjectName(QStringLiteral("instructionsEdit"));
        m_instructions->setPlainText(StudySettings::defaultInstructions());
        m_askAge = new QCheckBox(tr("Ask for the participant's &age"), this);
        m_askAge->setObjectName(QStringLiteral("askAgeCheck"));
        m_fields = new QPlainTextEdit(this);
        m_fields->setObjectName(QStringLiteral("demographicFieldsEdit"));
        m_fields->setPlaceholderText(tr("One question per line, e.g.\nFavourite genre\nYears of music training"));
        m_fields->setMaximumHeight(90);
        m_error = makeError(this, QStringLiteral("settingsErrorLabel"));

        auto *layout = new QVBoxLayout(this);
        auto *instructionsLabel = new QLabel(tr("&Instructions:"), this);
        instructionsLabel->setBuddy(m_instructions);
        layout->addWidget(instructionsLabel);
        layout->addWidget(m_instructions, 1);
        layout->addSpacing(8);
        layout->addWidget(new QLabel(tr("Questions asked once, before a new participant's first clip:"), this));
        layout->addWidget(m_askAge);
        auto *fieldsLabel = new QLabel(tr("Other &questions (free text):"), this);
        fieldsLabel->setBuddy(m_fields);
        layout->addWidget(fieldsLabel);
        layout->addWidget(m_fields);
        layout->addWidget(m_error);
        setFinalPage(true);
    }

    QString instructions() const { return m_instructions->toPlainText().trimmed(); }
    bool askAge() const { return m_askAge->isChecked(); }
    QStringList fields() const
    {
        QStringList out;
        for (const QString &line : m_fields->toPlainText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                out << line.trimmed();
        }
        return out;
    }

    bool validatePage() override
    {
        QString error;
        if (!m_wizard->saveSettings(&error)) {
            showError(m_error, error);
            return false;
        }
        showError(m_error, QString());
        return true;
    }

private:
    NewStudyWizard *m_wizard;
    QPlainTextEdit *m_instructions;
    QCheckBox *m_askAge;
    QPlainTextEdit *m_fields;
    QLabel *m_error;
};

// ---------------------------------------------------------------------------------------------

NewStudyWizard::NewStudyWizard(QWidget *parent)
    : QWizard(parent), m_importService(new ImportService(this))
{
    setObjectName(QStringLiteral("newStudyWizard"));
    setWindowTitle(tr("New study"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoDefaultButton, false);
    resize(780, 600);

    m_namePage = new NameWizardPage(this);
    m_sourcePage = new SourceWizardPage(this);
    m_importPage = new ImportWizardPage(this, m_sourcePage);
    m_planPage = new ClipPlanWizardPage(this, m_sourcePage);
    m_scalePage = new ScaleWizardPage(m_planPage);
    m_instructionsPage = new InstructionsWizardPage(this);
    m_optionPages << new OptionsWizardPage(this, new DesignEditor(false), QStringLiteral("designPage"), tr("Design"),
                                           tr("Blocks of clips, their order, which part of the library clips are "
                                              "drawn from, and balanced assignment across participants."))
                  << new OptionsWizardPage(this, new PagesEditor, QStringLiteral("pagesPage"), tr("Pages"),
                                           tr("Pages besides the clips: consent, volume calibration, practice clips, "
                                              "questionnaires and the finish page."))
                  << new OptionsWizardPage(this, new ListeningRulesEditor, QStringLiteral("rulesPage"),
                                           tr("Listening rules"),
                                           tr("How long participants listen before answering, replays, and "
                                              "whether they can skip or go back."))
                  << new OptionsWizardPage(this, new LoudnessQualityEditor, QStringLiteral("loudnessQualityPage"),
                                           tr("Loudness & quality"),
                                           tr("Loudness normalization, catch clips with a known answer, and the "
                                              "data-quality flags and exclusion rules."));
    setPage(NamePage, m_namePage);
    setPage(SourcePage, m_sourcePage);
    setPage(ImportPage, m_importPage);
    setPage(ClipPlanPage, m_planPage);
    setPage(ScalePage, m_scalePage);
    for (int i = 0; i < m_optionPages.size(); ++i)
        setPage(DesignPage + i, m_optionPages.at(i));
    setPage(InstructionsPage, m_instructionsPage);
    setStartId(NamePage);

    const struct {
        WizardButton which;
        const char *name;
    } buttons[] = {{BackButton, "wizardBackButton"},
                   {NextButton, "wizardNextButton"},
                   {FinishButton, "wizardFinishButton"},
                   {CancelButton, "wizardCancelButton"}};
    for (const auto &b : buttons)
        button(b.which)->setObjectName(QLatin1String(b.name));
}

NewStudyWizard::~NewStudyWizard()
{
    if (m_importService->isRunning())
        m_importService->cancel();
}

QString NewStudyWizard::studyPath() const
{
    return m_createdPath;
}

ImportReport NewStudyWizard::importReport() const
{
    return m_report;
}

bool NewStudyWizard::isImportRunning() const
{
    return m_importPage->isRunning();
}

StudySettings NewStudyWizard::settings() const
{
    StudySettings s = m_study ? m_study->settings() : StudySettings();
    s.name = m_namePage->name();
    s.clipSeconds = m_planPage->clipSeconds();
    s.clipsPerParticipant = m_planPage->clips();
    s.balanceGenres = m_planPage->balance();
    s.repeats = m_planPage->repeats();
    s.scale = m_scalePage->scale();
    s.anchors = m_scalePage->anchors();
    s.instructions = m_instructionsPage->instructions();
    if (s.instructions.isEmpty())
        s.instructions = StudySettings::defaultInstructions();
    s.askAge = m_instructionsPage->askAge();
    s.demographicFields = m_instructionsPage->fields();
    for (OptionsWizardPage *page : m_optionPages) {
        if (page->isLoaded())
            page->editor()->store(&s);
    }
    return s;
}

QStringList NewStudyWizard::genres() const
{
    QStringList out;
    if (m_study) {
        for (const Track &t : m_study->tracks()) {
            if (!t.genre.isEmpty() && !out.contains(t.genre))
                out << t.genre;
        }
    }
    out.sort(Qt::CaseInsensitive);
    return out;
}

bool NewStudyWizard::createStudy(const QString &path, const QString &name, QString *error)
{
    if (m_study && path == m_createdPath) {
        StudySettings s = m_study->settings();
        s.name = name;
        if (!m_study->setSettings(s)) {
            *error = m_study->lastError();
            return false;
        }
        return true;
    }
    discardCreatedStudy();
    if (QFileInfo::exists(path)) {
        *error = tr("%1 already exists. Choose another file name, or open the existing study with "
                    "File > Open.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    StudySettings s;
    s.name = name;
    s.design.seed = qint64(randomSeed() >> 11); // the study-level seed of balanced assignment (53 bits)
    m_study = Study::create(path, s, error);
    if (!m_study)
        return false;
    m_createdPath = path;
    // The study file next to the study: the researcher can edit, version and share it; the
    // wizard's later pages rewrite it through setSettings().
    if (!m_study->writeStudyFile(StudyFile::defaultPathFor(path))) {
        *error = m_study->lastError();
        discardCreatedStudy();
        return false;
    }
    return true;
}

bool NewStudyWizard::saveSettings(QString *error)
{
    if (!m_study) {
        *error = tr("The study file has not been created.");
        return false;
    }
    StudySettings s = settings();
    for (OptionsWizardPage *page : m_optionPages) {
        const QString invalid = page->isLoaded() ? page->editor()->validate(s) : QString();
        if (!invalid.isEmpty()) {
            *error = invalid;
            return false;
        }
    }
    // The built-in catch clips' files are written now, by the same function as tastelab-cli
    // create --builtin-catch, into "catch" next to the study file.
    if (LoudnessQualityEditor::needsBuiltinCatchFiles(s)
        && !addBuiltinCatchClips(&s, QFileInfo(StudyFile::defaultPathFor(m_createdPath)).absolutePath(), error))
        return false;
    const QString invalid = s.validate();
    if (!invalid.isEmpty()) {
        *error = invalid;
        return false;
    }
    if (!m_study->setSettings(s)) {
        *error = m_study->lastError();
        return false;
    }
    m_saved = true;
    return true;
}

void NewStudyWizard::discardCreatedStudy()
{
    if (!m_study)
        return;
    const bool empty = m_study->tracks().isEmpty();
    const QString studyFile = m_study->studyFilePath();
    m_study.reset();
    if (empty) {
        if (!studyFile.isEmpty())
            QFile::remove(studyFile);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")})
            QFile::remove(m_createdPath + suffix);
    }
    m_createdPath.clear();
}

void NewStudyWizard::reject()
{
    if (m_importService->isRunning())
        m_importService->cancel();
    if (!m_saved)
        discardCreatedStudy();
    QWizard::reject();
}

} // namespace tastelab

#include "newstudywizard.moc"
