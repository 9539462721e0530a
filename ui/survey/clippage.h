#pragma once

#include "study/studysettings.h"

#include <QList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace tastelab {

/// The page a participant answers clips on. A view only: SurveyWidget drives it.
///
/// Keys (documented in keyHelp()): like/dislike scale: L or Right arrow = like, D or Left arrow =
/// dislike; Likert scales: 1..N. R = replay, P = pause (and resume when paused). Keys and buttons
/// only answer while the page is unlocked and not paused.
class ClipPage : public QWidget {
    Q_OBJECT
public:
    explicit ClipPage(QWidget *parent = nullptr);

    /// Builds the answer buttons for the study's scale and anchors.
    void setScale(const StudySettings &settings);
    /// The key help line for the current scale.
    QString keyHelp() const;
    static QString keyHelp(AnswerScale scale, int points);

    /// Shows the clip at 0-based position with the overall progress.
    void showClip(int position, int total, int answered, double secondsLeft);
    void setUnlocked(bool unlocked);
    bool isUnlocked() const { return m_unlocked; }
    /// Listening progress within the clip and the seconds until the answer buttons unlock.
    void setListening(double played, double length, double unlockAt);
    void setReplays(int replays);

    /// Covers the clip (pause or a problem) with a message and one button that emits
    /// resumeRequested().
    void showCover(const QString &title, const QString &message, const QString &buttonText);
    void hideCover();
    bool isCovered() const;

Q_SIGNALS:
    void answerChosen(int value);
    void replayRequested();
    void pauseRequested();
    void resumeRequested();
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void choose(int value);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_timeLeft = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_listen = nullptr;
    QWidget *m_answerRow = nullptr;
    QList<QPushButton *> m_answerButtons;
    QList<int> m_answerValues;
    QLabel *m_keyHelp = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_pause = nullptr;
    QLabel *m_coverTitle = nullptr;
    QLabel *m_coverMessage = nullptr;
    QPushButton *m_coverButton = nullptr;
    AnswerScale m_scale = AnswerScale::LikeDislike;
    int m_points = 2;
    int m_minValue = 0;
    bool m_unlocked = false;
};

} // namespace tastelab
