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
    /// Listening rules: replays allowed per clip (-1 unlimited; the Replay button disables and
    /// counts down), whether Back is offered, whether Skip is offered (no forced answer).
    void setRules(int maxReplays, bool allowBack, bool allowSkip);
    void setBackEnabled(bool enabled);
    /// Skip (when offered) is enabled for a clip not answered yet, disabled on a clip re-opened with Back.
    void setSkipEnabled(bool enabled);
    int replays() const { return m_replays; }
    bool replayAllowed() const { return m_maxReplays < 0 || m_replays < m_maxReplays; }
    /// A line above the clip (e.g. "Practice clip 1 of 2"); empty hides it.
    void setBanner(const QString &text);
    /// The answer stored earlier for this clip (after Back), shown so it can be changed.
    void setEarlierAnswer(const QString &text);

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
    void backRequested();
    void skipRequested();

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
    QPushButton *m_back = nullptr;
    QPushButton *m_skip = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_earlier = nullptr;
    int m_replays = 0;
    int m_maxReplays = -1;
    QLabel *m_coverTitle = nullptr;
    QLabel *m_coverMessage = nullptr;
    QPushButton *m_coverButton = nullptr;
    AnswerScale m_scale = AnswerScale::LikeDislike;
    int m_points = 2;
    int m_minValue = 0;
    bool m_unlocked = false;
};

} // namespace tastelab
