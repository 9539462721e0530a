#include "mainwindow.h"

#include "featurespage.h"
#include "listenerpage.h"
#include "modelspage.h"
#include "newstudywizard.h"
#include "playback/clipplayer.h"
#include "preferencesdialog.h"
#include "results/resultspage.h"
#include "startpage.h"
#include "studyoptionseditors.h"
#include "studypage.h"
#include "survey/surveywidget.h"
#include "surveytab.h"

#include "study/demostudy.h"
#include "study/exporter.h"
#include "study/catchclips.h"
#include "study/listener.h"
#include "study/study.h"
#include "study/studyfile.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace tastelab {

namespace {
const QString kRecentKey = QStringLiteral("recentStudies");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
constexpr int kMaxRecent = 8;
constexpr int kStatusTimeoutMs = 6000;

const QString kModeKey = QStringLiteral("ui/mode"); ///< "listener" or "study" once chosen on the start page
const QString kListenerLibraryKey = QStringLiteral("listener/library"); ///< the last listener library opened

struct BackgroundResult {
    QString path;
    QString error;
};
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_player(new ClipPlayer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1000, 700);
    setMinimumSize(800, 560);
    m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    m_player->setDevice(PreferencesDialog::storedDevice());
    m_player->setVolume(PreferencesDialog::storedVolume());

    m_studyPage = new StudyPage(this);
    m_survey = new SurveyWidget(m_player, this);
    m_surveyTab = new SurveyTab(this);
    m_featuresPage = new FeaturesPage(this);
    m_modelsPage = new ModelsPage(this);
    m_resultsPage = new ResultsPage(this);
    m_resultsPage->setPlayer(m_player);
    m_startPage = new StartPage(this);
    m_listenerPage = new ListenerPage(m_player, this);
    // The researcher's workspace (one tab per step of the path: the study and its library, the
    // survey, features, models, results) and the participant's survey, which takes the whole
    // window.
    m_workspace = new QTabWidget(this);
    m_workspace->setObjectName(QStringLiteral("workspaceTabs"));
    m_workspace->setDocumentMode(true);
    m_workspace->addTab(m_studyPage, tr("Study"));
    m_workspace->addTab(m_surveyTab, tr("Survey"));
    m_workspace->addTab(m_featuresPage, tr("Features"));
    m_workspace->addTab(m_modelsPage, tr("Models"));
    m_workspace->addTab(m_resultsPage, tr("Results"));
    m_workspace->setTabToolTip(0, tr("The study: its library, settings and participants"));
    m_workspace->setTabToolTip(1, tr("Run participant sessions"));
    m_workspace->setTabToolTip(2, tr("Turn every clip into an embedding"));
    m_workspace->setTabToolTip(3, tr("Train personal models"));
    m_workspace->setTabToolTip(4, tr("Embedding maps, model performance and recommendations"));
    connect(m_featuresPage, &FeaturesPage::extractionFinished, m_modelsPage, &ModelsPage::refresh);
    connect(m_featuresPage, &FeaturesPage::extractionFinished, m_resultsPage, &ResultsPage::refresh);
    connect(m_modelsPage, &ModelsPage::trainingFinished, m_resultsPage, &ResultsPage::refresh);
    connect(m_resultsPage, &ResultsPage::modelsChanged, m_modelsPage, &ModelsPage::refresh);
    connect(m_surveyTab, &SurveyTab::startSurveyRequested, this, &MainWindow::startSurvey);
    connect(m_surveyTab, &SurveyTab::studyPageRequested, this,
            [this] { m_workspace->setCurrentWidget(m_studyPage); });
    connect(m_resultsPage, &ResultsPage::modelsPageRequested, this, &MainWindow::showModelsFor);
    connect(m_resultsPage, &ResultsPage::featuresPageRequested, this, &MainWindow::showFeatures);
    connect(m_resultsPage, &ResultsPage::surveyPageRequested, this, &MainWindow::showSurveyTab);
    connect(m_resultsPage, &ResultsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusTimeoutMs); });
    connect(m_listenerPage, &ListenerPage::rankingRequested, this, &MainWindow::showRanking);
    connect(m_listenerPage, &ListenerPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusTimeoutMs); });
    connect(m_startPage, &StartPage::listenerFolderRequested, this, &MainWindow::chooseListenerFolder);
    connect(m_startPage, &StartPage::listenerDemoRequested, this, [this] { learnMyTaste(QString()); });
    connect(m_startPage, &StartPage::studyRequested, this, [this] {
        QSettings().setValue(kModeKey, QStringLiteral("study"));
        if (m_study && m_study->settings().listener)
            closeStudy();
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentWidget(m_studyPage);
        updateActions();
    });
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_workspace);
    m_pages->addWidget(m_survey);
    m_pages->addWidget(m_startPage);
    setCentralWidget(m_pages);

    createActions();

    connect(m_studyPage, &StudyPage::newStudyRequested, this, &MainWindow::newStudy);
    connect(m_studyPage, &StudyPage::openStudyRequested, this, &MainWindow::openStudyDialog);
    connect(m_studyPage, &StudyPage::demoRequested, this, [this] { openDemoStudy(m_dataDir); });
    connect(m_studyPage, &StudyPage::recentStudyActivated, this, &MainWindow::openStudy);
    connect(m_studyPage, &StudyPage::startSessionRequested, this, &MainWindow::startSurvey);
    connect(m_studyPage, &StudyPage::exportCsvRequested, this, [this] { exportStudy(false); });
    connect(m_studyPage, &StudyPage::exportJsonRequested, this, [this] { exportStudy(true); });
    connect(m_studyPage, &StudyPage::mergeRequested, this, &MainWindow::mergeStudyDialog);
    connect(m_studyPage, &StudyPage::locateMusicRequested, this, &MainWindow::locateMusicDialog);
    connect(m_survey, &SurveyWidget::leaveRequested, this, &MainWindow::showStudyOverview);
    connect(m_survey, &SurveyWidget::audioSettingsRequested, this, &MainWindow::showPreferences);
    connect(m_survey, &SurveyWidget::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusTimeoutMs); });

    const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);

    m_studyPage->setRecentStudies(recentStudies());
    updateRecentMenu();
    updateActions();
    updateTitle();
    statusBar()->showMessage(tr("Ready"), kStatusTimeoutMs);
}

MainWindow::~MainWindow()
{
    // QPulseAudioSink processes events when it is destroyed: close the stream now, while every page
    // is whole, not among the children deleted after the study (a background job's result could
    // otherwise reach a page whose study is gone).
    m_player->release();
    setPagesStudy(nullptr); // the pages and sessions refer to the study: drop them first
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_newAction = file->addAction(tr("&New Study…"), this, &MainWindow::newStudy);
    m_newAction->setShortcut(QKeySequence::New);
    m_openAction = file->addAction(tr("&Open Study…"), this, &MainWindow::openStudyDialog);
    m_openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_demoAction = file->addAction(tr("Open &Demo Study"), this, [this] { openDemoStudy(m_dataDir); });
    file->addSeparator();
    m_welcomeAction = file->addAction(tr("&Learn My Taste / Welcome…"), this, &MainWindow::showStart);
    file->addSeparator();
    m_exportCsvAction = file->addAction(tr("Export &CSV…"), this, [this] { exportStudy(false); });
    m_exportJsonAction = file->addAction(tr("Export &JSON…"), this, [this] { exportStudy(true); });
    m_mergeAction = file->addAction(tr("&Merge Study File…"), this, &MainWindow::mergeStudyDialog);
    m_reloadStudyFileAction = file->addAction(tr("&Reload Study Definition"), this, [this] { reloadStudyFile(true); });
    m_reloadStudyFileAction->setObjectName(QStringLiteral("reloadStudyFileAction"));
    m_studyOptionsAction = file->addAction(tr("Study &Options…"), this, [this] { editStudyOptions(); });
    m_studyOptionsAction->setObjectName(QStringLiteral("studyOptionsAction"));
    file->addSeparator();
    m_closeAction = file->addAction(tr("&Close Study"), this, &MainWindow::closeStudy);
    m_closeAction->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *survey = menuBar()->addMenu(tr("&Survey"));
    m_startSurveyAction = survey->addAction(tr("&Start Participant Session"), this, &MainWindow::startSurvey);
    m_endSurveyAction = survey->addAction(tr("&End Session"), this, &MainWindow::showStudyOverview);
    m_endSurveyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));

    QMenu *features = menuBar()->addMenu(tr("Fea&tures"));
    features->addAction(tr("&Extract Embeddings…"), this, &MainWindow::showFeatures);
    features->addAction(tr("&Train Personal Models…"), this, &MainWindow::showModels);
    features->addAction(tr("&Results…"), this, &MainWindow::showResults);

    QMenu *settings = menuBar()->addMenu(tr("S&ettings"));
    QAction *preferences = settings->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Tastelab"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateActions()
{
    const bool surveying = isSurveyActive();
    const bool open = m_study != nullptr;
    m_newAction->setEnabled(!surveying);
    m_openAction->setEnabled(!surveying);
    m_recentMenu->setEnabled(!surveying);
    m_welcomeAction->setEnabled(!surveying && !m_backgroundRunning);
    m_demoAction->setEnabled(!surveying && !m_backgroundRunning);
    m_exportCsvAction->setEnabled(open && !surveying);
    m_exportJsonAction->setEnabled(open && !surveying);
    m_mergeAction->setEnabled(open && !surveying);
    m_reloadStudyFileAction->setEnabled(open && !surveying && !m_study->studyFilePath().isEmpty());
    m_studyOptionsAction->setEnabled(open && !surveying && !m_study->settings().listener);
    m_closeAction->setEnabled(open && !surveying);
    m_startSurveyAction->setEnabled(open && !surveying);
    m_endSurveyAction->setEnabled(surveying);
}

void MainWindow::updateTitle()
{
    if (m_study) {
        const QString name = m_study->settings().name;
        setWindowTitle(tr("%1 — Tastelab").arg(name.isEmpty() ? QFileInfo(m_study->path()).completeBaseName() : name));
    } else {
        setWindowTitle(tr("Tastelab"));
    }
}

void MainWindow::showError(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

bool MainWindow::openStudy(const QString &path)
{
    if (isSurveyActive())
        showStudyOverview();
    QString error;
    std::unique_ptr<Study> study = Study::open(path, &error);
    if (!study) {
        showError(tr("Cannot open study"), error.isEmpty() ? tr("%1 could not be opened.").arg(path) : error);
        return false;
    }
    setPagesStudy(nullptr);
    m_study = std::move(study);
    reloadStudyFile(false); // the researcher may have edited the study file since
    setPagesStudy(m_study.get());
    addRecent(m_study->path());
    if (m_study->settings().listener) {
        QSettings().setValue(kListenerLibraryKey, m_study->path());
        m_pages->setCurrentWidget(m_workspace);
        m_workspace->setCurrentWidget(m_listenerPage);
    } else if (isStartShown()) {
        m_pages->setCurrentWidget(m_workspace);
    }
    updateTitle();
    updateActions();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_study->path())), kStatusTimeoutMs);
    return true;
}

bool MainWindow::reloadStudyFile(bool explicitly)
{
    if (!m_study)
        return false;
    const Study::StudyFileCheck check = m_study->checkStudyFile();
    const QString file = QDir::toNativeSeparators(check.path);
    switch (check.state) {
    case Study::StudyFileState::None:
        return false;
    case Study::StudyFileState::Unchanged:
        if (explicitly)
            statusBar()->showMessage(tr("The study file %1 is unchanged").arg(file), kStatusTimeoutMs);
        return false;
    case Study::StudyFileState::Missing:
    case Study::StudyFileState::Invalid:
        showError(tr("Study file not used"),
                  tr("%1\n\nThe version recorded in the study stays in force until the file is fixed.").arg(check.errors.join(QLatin1Char('\n'))));
        return false;
    case Study::StudyFileState::ChangedAfterData:
        if (!confirmStudyFileChange(file, check.fileHash, check.recordedHash))
            return false;
        break;
    case Study::StudyFileState::Changed:
        break;
    }
    if (!m_study->loadStudyFile(QString(), true)) {
        showError(tr("Study file not used"), m_study->lastError());
        return false;
    }
    if (explicitly)
        setPagesStudy(m_study.get());
    updateTitle();
    statusBar()->showMessage(tr("Study file %1 loaded (SHA-256 %2…)").arg(file, m_study->studyFileHash().left(12)), kStatusTimeoutMs);
    return true;
}

bool MainWindow::confirmStudyFileChange(const QString &file, const QString &newHash, const QString &recordedHash)
{
    QMessageBox box(QMessageBox::Warning, tr("Study file changed"),
                    tr("The study file %1 changed after data collection began.\n\nUse the new version for the "
                       "participants and answers to come? Its fingerprint (SHA-256 %2…) is recorded with them; the data "
                       "collected so far keeps the version it was collected under (%3…).")
                        .arg(file, newHash.left(12), recordedHash.left(12)),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("studyFileChangedBox"));
    QPushButton *use = box.addButton(tr("Use the new version"), QMessageBox::AcceptRole);
    use->setObjectName(QStringLiteral("useNewStudyFileButton"));
    QPushButton *keep = box.addButton(tr("Keep the recorded version"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepStudyFileButton"));
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != use) {
        statusBar()->showMessage(tr("Kept the recorded version of the study file"), kStatusTimeoutMs);
        return false;
    }
    return true;
}

StudyOptionsDialog *MainWindow::editStudyOptions()
{
    if (!m_study || isSurveyActive())
        return nullptr;
    for (StudyOptionsDialog *running : findChildren<StudyOptionsDialog *>()) {
        if (running->isVisible()) { // a closed one waits for its deletion
            running->raise();
            return running;
        }
    }
    auto *dialog = new StudyOptionsDialog(m_study.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    Study *study = m_study.get();
    connect(dialog, &QDialog::accepted, this, [this, dialog, study] {
        const StudySettings settings = dialog->settings();
        dialog->hide();
        if (m_study.get() == study)
            applyStudyOptions(settings);
    });
    dialog->open();
    return dialog;
}

void MainWindow::applyStudyOptions(const StudySettings &edited)
{
    StudySettings s = edited;
    const QString file = m_study->studyFilePath();
    QString error;
    // Built-in catch clips newly chosen (or for a changed scale): written now, by the same
    // function as tastelab-cli create --builtin-catch.
    if (LoudnessQualityEditor::needsBuiltinCatchFiles(s)
        && !addBuiltinCatchClips(&s, QFileInfo(file.isEmpty() ? m_study->path() : file).absolutePath(), &error)) {
        showError(tr("Study options not saved"), error);
        return;
    }
    if (s == m_study->settings()) {
        statusBar()->showMessage(tr("The study options are unchanged"), kStatusTimeoutMs);
        return;
    }
    if (!file.isEmpty() && m_study->dataCollectionBegan()) {
        const QString newHash = StudyFile::hash(StudyFile::serialize(s, StudyFile::formatFor(file)));
        if (!confirmStudyFileChange(QDir::toNativeSeparators(file), newHash, m_study->studyFileHash()))
            return;
    }
    if (!m_study->setSettings(s)) {
        showError(tr("Study options not saved"), m_study->lastError());
        return;
    }
    setPagesStudy(m_study.get());
    updateTitle();
    statusBar()->showMessage(file.isEmpty() ? tr("Study options saved")
                                            : tr("Study options saved to %1 (SHA-256 %2…)")
                                                  .arg(QDir::toNativeSeparators(file), m_study->studyFileHash().left(12)),
                             kStatusTimeoutMs);
}

void MainWindow::setPagesStudy(Study *study)
{
    // The survey's session refers to the study: it goes first when the study goes, last when it comes.
    if (!study)
        m_survey->setStudy(nullptr);
    m_studyPage->setStudy(study);
    m_surveyTab->setStudy(study);
    m_featuresPage->setStudy(study);
    m_modelsPage->setStudy(study);
    m_resultsPage->setStudy(study);
    if (study)
        m_survey->setStudy(study);

    // A listener library rates in the active order on its Rate tab instead of running surveys.
    const bool listener = study && study->settings().listener;
    m_listenerPage->setStudy(listener ? study : nullptr, encoderSearchDirs(FeaturesPage::userModelsFolder()));
    const int rateIndex = m_workspace->indexOf(m_listenerPage);
    if (listener && rateIndex < 0) {
        m_workspace->insertTab(0, m_listenerPage, tr("Rate"));
        m_workspace->setTabToolTip(0, tr("Rate clips of your library; Tastelab learns while you listen"));
    } else if (!listener && rateIndex >= 0) {
        m_workspace->removeTab(rateIndex);
    }
    m_workspace->setTabVisible(m_workspace->indexOf(m_surveyTab), !listener);
}

void MainWindow::closeStudy()
{
    if (isSurveyActive())
        showStudyOverview();
    setPagesStudy(nullptr);
    m_study.reset();
    updateTitle();
    updateActions();
}

NewStudyWizard *MainWindow::newStudy()
{
    if (auto *running = findChild<NewStudyWizard *>()) {
        running->raise();
        return running;
    }
    auto *wizard = new NewStudyWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const QString path = wizard->studyPath();
        wizard->hide();
        if (openStudy(path))
            statusBar()->showMessage(tr("Created %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    });
    wizard->open();
    return wizard;
}

void MainWindow::openInBackground(const QString &title, const QString &text, const QString &objectName,
                                  const BackgroundJob &job, const QString &cancelledMessage,
                                  const QString &failedMessage)
{
    if (m_backgroundRunning)
        return;
    m_backgroundRunning = true;
    updateActions();

    struct Progress {
        std::atomic<int> done{0};
        std::atomic<int> total{0};
        std::atomic<bool> cancel{false};
    };
    auto progress = std::make_shared<Progress>();

    auto *dialog = new QProgressDialog(text, tr("Cancel"), 0, 0, this);
    dialog->setObjectName(objectName);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(400);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumWidth(420);
    connect(dialog, &QProgressDialog::canceled, this, [progress] { progress->cancel = true; });

    auto *poll = new QTimer(dialog);
    connect(poll, &QTimer::timeout, dialog, [dialog, progress] {
        const int total = progress->total.load();
        if (total > 0) {
            dialog->setMaximum(total);
            dialog->setValue(progress->done.load());
        }
    });
    poll->start(100);

    auto *watcher = new QFutureWatcher<BackgroundResult>(this);
    connect(watcher, &QFutureWatcher<BackgroundResult>::finished, this,
            [=] {
                const BackgroundResult result = watcher->result();
                watcher->deleteLater();
                dialog->close();
                dialog->deleteLater();
                m_backgroundRunning = false;
                updateActions();
                if (!result.path.isEmpty())
                    openStudy(result.path);
                else if (progress->cancel.load())
                    statusBar()->showMessage(cancelledMessage, kStatusTimeoutMs);
                else
                    showError(title, failedMessage.arg(result.error));
            });
    watcher->setFuture(QtConcurrent::run([job, progress] {
        BackgroundResult result;
        result.path = job(
            [progress](int done, int total) {
                progress->done = done;
                progress->total = total;
                return !progress->cancel.load();
            },
            &result.error);
        return result;
    }));
}

void MainWindow::openDemoStudy(const QString &dataDir)
{
    QDir().mkpath(dataDir);
    openInBackground(
        tr("Demo study"),
        tr("Preparing the demo study… The music is synthesized the first time only; this takes up to a minute."),
        QStringLiteral("demoProgressDialog"),
        [dataDir](const std::function<bool(int, int)> &progress, QString *error) {
            return ensureDemoStudy(dataDir, error, progress);
        },
        tr("Demo study cancelled"), tr("The demo study could not be prepared: %1"));
}

void MainWindow::startUp()
{
    const QSettings settings;
    const QString mode = settings.value(kModeKey).toString();
    const QString library = settings.value(kListenerLibraryKey).toString();
    if (mode.isEmpty())
        showStart();
    else if (mode == QLatin1String("listener") && QFileInfo::exists(library))
        openStudy(library);
}

void MainWindow::showStart()
{
    if (isSurveyActive())
        showStudyOverview();
    m_pages->setCurrentWidget(m_startPage);
    updateActions();
}

bool MainWindow::isStartShown() const { return m_pages->currentWidget() == m_startPage; }

void MainWindow::chooseListenerFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose your music folder"), QStandardPaths::writableLocation(QStandardPaths::MusicLocation));
    if (!folder.isEmpty())
        learnMyTaste(folder);
}

void MainWindow::learnMyTaste(const QString &folder)
{
    QSettings().setValue(kModeKey, QStringLiteral("listener"));
    const QString librariesDir = QDir(m_dataDir).filePath(QStringLiteral("libraries"));
    QDir().mkpath(librariesDir);
    const bool demo = folder.isEmpty();
    // One library per music folder: coming back to the same folder reopens what was rated.
    const QString name = demo ? tr("Demo library") : QDir(folder).dirName();
    const QString key = demo ? QStringLiteral("demo-library")
                             : QStringLiteral("%1-%2").arg(QDir(folder).dirName(),
                                                           QString::fromLatin1(QCryptographicHash::hash(
                                                               QDir(folder).absolutePath().toUtf8(),
                                                               QCryptographicHash::Sha1).toHex().left(8)));
    const QString path = QDir(librariesDir).filePath(key + QStringLiteral(".tastelab"));
    if (QFileInfo::exists(path)) {
        openStudy(path);
        return;
    }
    const QString dataDir = m_dataDir;
    openInBackground(
        tr("Learn my taste"),
        demo ? tr("Preparing the demo library… The music is synthesized the first time only; this takes up to a "
                  "minute.")
             : tr("Reading your music folder %1…").arg(QDir::toNativeSeparators(folder)),
        QStringLiteral("listenerProgressDialog"),
        [=](const std::function<bool(int, int)> &progress, QString *error) {
            ListenerLibraryRequest request;
            request.studyPath = path;
            request.folder = folder;
            request.name = name;
            if (demo) {
                const QString library = ensureDemoLibrary(dataDir, error, progress);
                if (library.isEmpty())
                    return QString();
                request.manifestPath = QDir(library).filePath(QStringLiteral("manifest.csv"));
            }
            const ListenerLibraryReport report = createListenerLibrary(
                request, [&progress](int done, int total, const QString &) { return progress(done, total); });
            if (error)
                *error = report.error;
            return report.studyPath;
        },
        tr("Cancelled: no library was made"), tr("Your library could not be prepared: %1"));
}

void MainWindow::showRanking()
{
    m_resultsPage->refresh();
    m_workspace->setCurrentWidget(m_resultsPage);
    m_resultsPage->selectParticipant(listenerCode());
    m_resultsPage->showTab(ResultsPage::Tab::Recommendations);
}

bool MainWindow::isSurveyActive() const
{
    return m_pages->currentWidget() == m_survey;
}

void MainWindow::startSurvey()
{
    if (!m_study)
        return;
    if (m_study->tracks().isEmpty()) {
        showError(tr("Start participant session"), tr("This study has no tracks yet."));
        return;
    }
    m_surveyReturnTab = m_workspace->currentWidget() == m_surveyTab ? m_surveyTab : nullptr;
    m_survey->restart();
    m_pages->setCurrentWidget(m_survey);
    updateActions();
    statusBar()->showMessage(tr("Survey started. Answers are saved after every clip."), kStatusTimeoutMs);
}

void MainWindow::showSurveyTab()
{
    if (isSurveyActive())
        showStudyOverview();
    m_workspace->setCurrentWidget(m_surveyTab);
}

void MainWindow::showResults()
{
    if (isSurveyActive())
        showStudyOverview();
    m_workspace->setCurrentWidget(m_resultsPage);
}

void MainWindow::showModelsFor(const QString &participant, const QString &encoder)
{
    showModels();
    m_modelsPage->selectParticipant(participant, encoder);
}

void MainWindow::showFeatures()
{
    if (isSurveyActive())
        showStudyOverview();
    m_workspace->setCurrentWidget(m_featuresPage);
}

void MainWindow::showModels()
{
    if (isSurveyActive())
        showStudyOverview();
    m_workspace->setCurrentWidget(m_modelsPage);
}

void MainWindow::showStudyOverview()
{
    m_survey->stopSession();
    m_survey->restart();
    m_player->release(); // free the audio device while nobody listens
    m_pages->setCurrentWidget(m_workspace);
    m_workspace->setCurrentWidget(m_surveyReturnTab ? m_surveyReturnTab : static_cast<QWidget *>(m_studyPage));
    m_surveyReturnTab = nullptr;
    m_studyPage->refresh();
    m_surveyTab->refresh();
    m_featuresPage->refresh(); // new participants bring new clips
    m_modelsPage->refresh();
    m_resultsPage->refresh();
    updateActions();
}

void MainWindow::openStudyDialog()
{
    const QStringList recent = recentStudies();
    const QString start = recent.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                           : QFileInfo(recent.first()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open study"), start,
                                                      tr("Tastelab studies (*.tastelab);;All files (*)"));
    if (!path.isEmpty())
        openStudy(path);
}

void MainWindow::exportStudy(bool json)
{
    if (!m_study)
        return;
    const QFileInfo info(m_study->path());
    const QString suggested = info.absoluteDir().filePath(info.completeBaseName()
                                                          + (json ? QStringLiteral("-answers.json")
                                                                  : QStringLiteral("-answers.csv")));
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export answers as JSON") : tr("Export answers as CSV"), suggested,
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = json ? exportJson(*m_study, path, &error) : exportCsv(*m_study, path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        showError(tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
}

void MainWindow::mergeStudyDialog()
{
    if (!m_study)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Merge study file"),
                                                      QFileInfo(m_study->path()).absolutePath(),
                                                      tr("Tastelab studies (*.tastelab)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).canonicalFilePath() == QFileInfo(m_study->path()).canonicalFilePath()) {
        showError(tr("Merge study file"), tr("This is the open study itself. Choose the copy collected on "
                                             "another computer."));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    MergeReport report = mergeStudy(*m_study, path);
    QApplication::restoreOverrideCursor();
    if (report.refused) {
        QMessageBox box(QMessageBox::Warning, tr("Merge refused"), report.toText(), QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("mergeRefusedBox"));
        QPushButton *force = box.addButton(tr("Merge anyway (recorded)"), QMessageBox::DestructiveRole);
        force->setObjectName(QStringLiteral("forceMergeButton"));
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != force)
            return;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        report = mergeStudy(*m_study, path, true);
        QApplication::restoreOverrideCursor();
    }
    m_studyPage->refresh();
    m_surveyTab->refresh();
    m_resultsPage->refresh();
    if (!report.error.isEmpty()) {
        showError(tr("Merge failed"), report.error);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Merge finished"), report.toText(), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("mergeReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::locateMusicDialog()
{
    if (!m_study)
        return;
    const QString start = m_study->musicRoot().isEmpty() ? QFileInfo(m_study->path()).absolutePath()
                                                         : m_study->musicRoot();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Locate music folder"), start);
    if (folder.isEmpty())
        return;
    if (!m_study->setMusicRoot(folder)) {
        showError(tr("Locate music folder"), m_study->lastError());
        return;
    }
    m_studyPage->refresh();
    statusBar()->showMessage(tr("Music folder: %1").arg(QDir::toNativeSeparators(folder)), kStatusTimeoutMs);
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        dialog->store();
        m_player->setDevice(dialog->device());
        m_player->setVolume(dialog->volume());
        m_featuresPage->refresh(); // the models folder may have changed
        statusBar()->showMessage(tr("Audio output: %1").arg(m_player->device().description()), kStatusTimeoutMs);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tastelab"),
                       tr("<h3>Tastelab %1</h3>"
                          "<p>Learns one person's music taste: participants hear short, randomised clips "
                          "and answer like/dislike or on a Likert scale (every answer is saved at once in "
                          "the study file); personal models trained on their answers are compared on the "
                          "Results page.</p>")
                           .arg(QApplication::applicationVersion()));
}

QStringList MainWindow::recentStudies() const
{
    QStringList paths = QSettings().value(kRecentKey).toStringList();
    paths.erase(std::remove_if(paths.begin(), paths.end(), [](const QString &p) { return !QFileInfo::exists(p); }),
                paths.end());
    return paths;
}

void MainWindow::addRecent(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = recentStudies();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaxRecent)
        paths.removeLast();
    QSettings().setValue(kRecentKey, paths);
    m_studyPage->setRecentStudies(paths);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = recentStudies();
    for (const QString &path : paths) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openStudy(path); });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Answers are committed one by one, so closing mid-session loses nothing.
    m_survey->stopSession();
    QSettings().setValue(kGeometryKey, saveGeometry());
    event->accept();
}

} // namespace tastelab
