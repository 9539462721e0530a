#pragma once

#include "playback/clipplayer.h"
#include "study/studysettings.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <memory>

class QStackedWidget;

namespace tastelab {

class ClipPage;
class DemographicsPage;
class FinishPage;
class InstructionsPage;
class ParticipantCodePage;
class ParticipantSession;
class Study;

/// The participant flow: code → (demographics for new participants) → instructions → clips →
/// thank you.
///
/// Every answer is stored through ParticipantSession::answer() before the next clip starts; when
/// that fails a message box shows the error and the clip stays. A missing or unreadable file or
/// a failing audio device covers the clip with a message naming the problem; nothing answered is
/// lost and "Try again" plays the clip again. Response time runs from the clip's start
/// (ClipPlayer::started), restarting after a pause; replays do not restart it.
class SurveyWidget : public QWidget {
    Q_OBJECT
public:
    enum class Step { Code, Demographics, Instructions, Clip, Finished };
    Q_ENUM(Step)

    /// player is not owned.
    explicit SurveyWidget(ClipPlayer *player, QWidget *parent = nullptr);
    ~SurveyWidget() override;

    /// The study to collect answers for (not owned; nullptr to detach). Starts at the code page.
    void setStudy(Study *study);
    /// Stops audio, drops the session and shows the code page.
    void restart();
    /// Stops audio and drops the session (e.g. when the survey is left).
    void stopSession();

    Step step() const { return m_step; }
    ParticipantSession *session() const { return m_session.get(); }
    /// 0-based position of the clip on screen.
    int currentPosition() const { return m_position; }
    ClipPage *clipPage() const { return m_clipPage; }

Q_SIGNALS:
    void leaveRequested();
    void audioSettingsRequested();
    /// An answer was stored.
    void answered(int position, int value);
    void statusMessage(const QString &message);

private:
    void showStep(Step step);
    void onStartRequested(const QString &code);
    void openSession(const QString &code, const QJsonObject &demographics);
    void beginClips();
    void startClip(int position);
    void playCurrent();
    void prepareNext();
    std::optional<ClipRequest> requestFor(int position, QString *error) const;
    void onPlayerStarted();
    void onPlayerPosition(double seconds);
    void onPlayerFinished();
    void onPlayerFailed(const QString &message);
    void unlock();
    void replay();
    void pause();
    void resume();
    void answer(int value);
    void showProblem(const QString &message);

    QPointer<ClipPlayer> m_player; ///< may be destroyed before this widget
    Study *m_study = nullptr;
    StudySettings m_settings;
    std::unique_ptr<ParticipantSession> m_session;
    QString m_pendingCode;

    QStackedWidget *m_stack = nullptr;
    ParticipantCodePage *m_codePage = nullptr;
    DemographicsPage *m_demographicsPage = nullptr;
    InstructionsPage *m_instructionsPage = nullptr;
    ClipPage *m_clipPage = nullptr;
    FinishPage *m_finishPage = nullptr;

    Step m_step = Step::Code;
    int m_position = -1;
    ClipRequest m_request;
    bool m_haveRequest = false;
    bool m_unlocked = false;
    bool m_clockPending = false;
    bool m_playing = false;
    int m_replays = 0;
    QElapsedTimer m_responseClock;
};

} // namespace tastelab
