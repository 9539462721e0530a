#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tastelab {

class Study;

/// The "Survey" tab: how many participants started and finished, what a session holds, and
/// "Start survey", which hands the whole window to the participant (MainWindow::startSurvey).
/// Says what is missing instead when no study is open or the study has no tracks.
class SurveyTab : public QWidget {
    Q_OBJECT
public:
    explicit SurveyTab(QWidget *parent = nullptr);

    void setStudy(Study *study);
    /// Reads the participants again (after a session or a merge).
    void refresh();

    int participantsStarted() const { return m_started; }
    int participantsFinished() const { return m_finished; }

Q_SIGNALS:
    void startSurveyRequested();
    void studyPageRequested();

private:
    Study *m_study = nullptr;
    int m_started = 0;
    int m_finished = 0;

    QLabel *m_state = nullptr;
    QPushButton *m_studyButton = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_plan = nullptr;
    QLabel *m_inProgress = nullptr;
    QLabel *m_tableTitle = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_help = nullptr;
};

} // namespace tastelab
