#pragma once

#include "study/listener.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QCPGraph;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace tastelab {

class ClipPlayer;
class Study;

/// Listener mode's "Rate" page: one clip at a time in the active order, like / not for me / skip,
/// while features are extracted and the model retrains in the background (ListenerSession). Shows
/// why the clip was chosen, how many clips are rated, how sure the model is becoming (a bar and a
/// curve over the answers) and what runs in the background; "Show my ranking" leads to the
/// recommendation list once a model exists.
class ListenerPage : public QWidget {
    Q_OBJECT
public:
    ListenerPage(ClipPlayer *player, QWidget *parent = nullptr);
    ~ListenerPage() override;

    /// Starts rating when study is a listener library (extraction begins at once); anything else
    /// (or nullptr) stops the session. modelDirs: where file-based encoders are found.
    void setStudy(Study *study, const QStringList &modelDirs = {});
    ListenerSession *session() const { return m_session.get(); }
    /// The clip on screen, if any.
    std::optional<ListenerPick> currentPick() const { return m_pick; }
    /// Starts playing the clip on screen; the page does so itself whenever it is shown.
    void playCurrent();
    /// Stops playback; the page does so itself whenever it is hidden.
    void stopPlayback();

    /// Answers the clip on screen (as the buttons and the keys L / D do); false when none.
    bool answer(bool like);
    void skip();

Q_SIGNALS:
    void rankingRequested();
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showNext();
    void updateProgress();
    void unlockAnswers();

    ClipPlayer *m_player = nullptr;
    Study *m_study = nullptr;
    std::unique_ptr<ListenerSession> m_session;
    std::optional<ListenerPick> m_pick;
    QElapsedTimer m_clipClock;
    int m_replays = 0;

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_trackTitle = nullptr;
    QLabel *m_trackDetails = nullptr;
    QLabel *m_reason = nullptr;
    QProgressBar *m_playProgress = nullptr;
    QPushButton *m_dislike = nullptr;
    QPushButton *m_like = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_skip = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_certaintyLabel = nullptr;
    QProgressBar *m_certainty = nullptr;
    QCustomPlot *m_curve = nullptr;
    QLabel *m_background = nullptr;
    QProgressBar *m_extraction = nullptr;
    QPushButton *m_ranking = nullptr;
    QTimer *m_unlock = nullptr;
};

} // namespace tastelab
