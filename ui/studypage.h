#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace tastelab {

class Study;

/// The researcher's page: create or open studies (with the recent list) and the open study's
/// summary: settings, tracks per genre, participants with progress and consistency, import
/// issues; export, merge and "start participant session".
class StudyPage : public QWidget {
    Q_OBJECT
public:
    explicit StudyPage(QWidget *parent = nullptr);

    /// The study to summarise (not owned; nullptr for none). Refreshes.
    void setStudy(Study *study);
    /// Reads the study again (after a session, import or merge).
    void refresh();
    void setRecentStudies(const QStringList &paths);

Q_SIGNALS:
    void newStudyRequested();
    void openStudyRequested();
    void demoRequested();
    void recentStudyActivated(const QString &path);
    void startSessionRequested();
    void exportCsvRequested();
    void exportJsonRequested();
    void mergeRequested();
    void locateMusicRequested();

private:
    QWidget *buildSidebar();
    QWidget *buildSummary();

    Study *m_study = nullptr;
    QListWidget *m_recent = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_settings = nullptr;
    /// Stations (design.stations > 1): this file's station number, kept in the study database.
    QWidget *m_stationRow = nullptr;
    QSpinBox *m_station = nullptr;
    QLabel *m_stationNote = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_missing = nullptr;
    QTableWidget *m_genres = nullptr;
    QTableWidget *m_participants = nullptr;
    QTableWidget *m_quality = nullptr; ///< per-participant data quality (study/qualityreport.h)
    QLabel *m_qualityRules = nullptr;
    QLabel *m_issuesTitle = nullptr;
    QPlainTextEdit *m_issues = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace tastelab
