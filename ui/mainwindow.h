#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace tastelab {

class ClipPlayer;
class FeaturesPage;
class ModelsPage;
class NewStudyWizard;
class Study;
class StudyPage;
class SurveyWidget;

/// The main window: the study overview page and the participant survey page, with the File,
/// Survey, Settings and Help menus. Owns the open Study (GUI thread) and the ClipPlayer.
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

    /// Switches to the survey (participant code page) for the open study.
    void startSurvey();
    /// Leaves the survey and shows the study overview (answers are already stored).
    void showStudyOverview();
    bool isSurveyActive() const;

    StudyPage *studyPage() const { return m_studyPage; }
    FeaturesPage *featuresPage() const { return m_featuresPage; }
    ModelsPage *modelsPage() const { return m_modelsPage; }
    /// Shows the Features / Models tab.
    void showFeatures();
    void showModels();
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

    std::unique_ptr<Study> m_study;
    ClipPlayer *m_player = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_workspace = nullptr;
    StudyPage *m_studyPage = nullptr;
    FeaturesPage *m_featuresPage = nullptr;
    ModelsPage *m_modelsPage = nullptr;
    SurveyWidget *m_survey = nullptr;
    QString m_dataDir;
    bool m_demoRunning = false;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_startSurveyAction = nullptr;
    QAction *m_endSurveyAction = nullptr;
};

} // namespace tastelab
