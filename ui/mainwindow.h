#pragma once

#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace tastelab {

class ClipPlayer;
class FeaturesPage;
class ListenerPage;
class ModelsPage;
class NewStudyWizard;
class ResultsPage;
class StartPage;
class Study;
class StudyOptionsDialog;
class StudyPage;
struct StudySettings;
class SurveyTab;
class SurveyWidget;

/// The main window: the start page (the two paths: learn my own taste, or run a study), the
/// workspace, one tab per step of the path (Study, Survey, Features, Models, Results; a listener
/// library has Rate instead of Survey), and the participant survey, which takes the whole window;
/// with the File, Survey, Features, Settings and Help menus. Owns the open Study (GUI thread) and
/// the ClipPlayer.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens (and migrates) the study file; on failure shows the reason and returns false.
    bool openStudy(const QString &path);
    void closeStudy();
    Study *study() const { return m_study.get(); }

    /// Shows the new-study wizard (window-modal, not blocking) and returns it. When it finishes,
    /// the new study is opened.
    NewStudyWizard *newStudy();
    /// Creates or opens the built-in demo study under dataDir, generating the demo library the
    /// first time (off the GUI thread, with a progress dialog), then opens it.
    void openDemoStudy(const QString &dataDir);

    /// What a launch without arguments shows: the start page on the very first start, the last
    /// listener library (on its Rate tab) for someone who chose to learn their own taste, else the
    /// workspace.
    void startUp();
    /// Shows the start page (File ▸ Welcome).
    void showStart();
    bool isStartShown() const;
    /// Listener mode: makes a listener library of folder (the demo library when folder is empty)
    /// under <dataDir>/libraries, in the background with a progress dialog, or reopens the one made
    /// before, and opens it on its Rate tab.
    void learnMyTaste(const QString &folder);

    /// Switches to the survey (participant code page) for the open study.
    void startSurvey();
    /// Leaves the survey and shows the workspace tab it was started from (the Study page when it
    /// was started elsewhere); answers are already stored.
    void showStudyOverview();
    bool isSurveyActive() const;

    StudyPage *studyPage() const { return m_studyPage; }
    FeaturesPage *featuresPage() const { return m_featuresPage; }
    ModelsPage *modelsPage() const { return m_modelsPage; }
    SurveyTab *surveyTab() const { return m_surveyTab; }
    ResultsPage *resultsPage() const { return m_resultsPage; }
    StartPage *startPage() const { return m_startPage; }
    ListenerPage *listenerPage() const { return m_listenerPage; }
    /// Shows the Survey / Features / Models / Results tab.
    void showSurveyTab();
    void showFeatures();
    void showModels();
    void showResults();
    /// Shows the Models tab with participant (code) and encoder chosen, e.g. to (re)train.
    void showModelsFor(const QString &participant, const QString &encoder);
    /// Compares the open study's study file with the version in force: applies a change made
    /// before data collection, asks before using one made after it began, reports a broken file.
    /// explicitly: the researcher asked (File > Reload Study Definition). True when a new version was loaded.
    bool reloadStudyFile(bool explicitly);
    /// File > Study Options…: the research-design options of the open study in a window-modal
    /// dialog (not blocking; the same editors as the new-study wizard's pages), returned. OK
    /// writes the built-in catch clips when newly chosen and stores the settings, which rewrites the
    /// study file and records its new version; when data collection began it first asks, as for a
    /// study file changed outside Tastelab. Null when no study is open.
    StudyOptionsDialog *editStudyOptions();
    /// The workspace's tabs (objectName workspaceTabs).
    QTabWidget *workspace() const { return m_workspace; }
    SurveyWidget *surveyWidget() const { return m_survey; }
    ClipPlayer *player() const { return m_player; }

    /// Where the demo study lives (set by main(); defaults to the app data location).
    void setDataDir(const QString &dataDir) { m_dataDir = dataDir; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateActions();
    void updateTitle();
    void openStudyDialog();
    void exportStudy(bool json);
    void mergeStudyDialog();
    void locateMusicDialog();
    void showPreferences();
    void showAbout();
    void addRecent(const QString &path);
    QStringList recentStudies() const;
    void updateRecentMenu();
    void showError(const QString &title, const QString &text);
    /// The question asked before a new study file version is used after data collection began
    /// ("Use the new version" / "Keep the recorded version"). True to use it.
    bool confirmStudyFileChange(const QString &file, const QString &newHash, const QString &recordedHash);
    void applyStudyOptions(const StudySettings &settings);
    void setPagesStudy(Study *study);
    void chooseListenerFolder();
    void showRanking();
    /// Runs job (which makes a study file and returns its path) on the thread pool behind a
    /// window-modal progress dialog with Cancel, then opens the study; a cancel shows
    /// cancelledMessage in the status bar, a failure failedMessage (%1: the job's error). One job
    /// at a time.
    using BackgroundJob = std::function<QString(const std::function<bool(int, int)> &progress, QString *error)>;
    void openInBackground(const QString &title, const QString &text, const QString &objectName,
                          const BackgroundJob &job, const QString &cancelledMessage, const QString &failedMessage);

    std::unique_ptr<Study> m_study;
    ClipPlayer *m_player = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_workspace = nullptr;
    StudyPage *m_studyPage = nullptr;
    SurveyTab *m_surveyTab = nullptr;
    FeaturesPage *m_featuresPage = nullptr;
    ModelsPage *m_modelsPage = nullptr;
    ResultsPage *m_resultsPage = nullptr;
    StartPage *m_startPage = nullptr;
    ListenerPage *m_listenerPage = nullptr;
    QWidget *m_surveyReturnTab = nullptr; ///< the tab to show when the survey ends
    SurveyWidget *m_survey = nullptr;
    QString m_dataDir;
    bool m_backgroundRunning = false; ///< the demo study or a listener library is being made

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_welcomeAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_reloadStudyFileAction = nullptr;
    QAction *m_studyOptionsAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_startSurveyAction = nullptr;
    QAction *m_endSurveyAction = nullptr;
};

} // namespace tastelab
