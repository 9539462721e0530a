#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tastelab {

/// The volume calibration page: plays the reference (a tone or an excerpt at the study's level,
/// looped by SurveyWidget through the ClipPlayer) with "set a comfortable level, then do not
/// change it". A view only.
class CalibrationView : public QWidget {
    Q_OBJECT
public:
    explicit CalibrationView(QWidget *parent = nullptr);
    void setContent(const QString &instructions, const QString &levelText);
    void setPlaying(bool playing);
    void setProblem(const QString &message);

Q_SIGNALS:
    void playToggled();
    void continueRequested();
    void leaveRequested();

private:
    QLabel *m_text = nullptr;
    QLabel *m_level = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_play = nullptr;
};

} // namespace tastelab
