#pragma once

#include "audio/systemvolume.h"
#include "playback/clipplayer.h"
#include "study/participantsession.h"
#include "study/studysettings.h"

#include <QSet>
#include <QTemporaryDir>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <memory>

class QStackedWidget;

namespace tastelab {

class CalibrationView;
class ClipPage;
class ConsentPage;
class DemographicsPage;
class QuestionnairePage;
class FinishPage;
class InstructionsPage;
class ParticipantCodePage;
class ParticipantSession;
class Study;

/// The participant flow: code → (demographics for new participants) → instructions → the
/// participant's pages (ParticipantSession::steps(): consent, volume calibration, practice clips,
/// questionnaires, clips with catch clips, between-blocks and end questionnaires) → thank you.
/// A resumed participant continues at the first page not done, with the answers of a
/// questionnaire they left half-way.
///
/// Listening rules (StudySettings::rules): the answer buttons unlock after the minimum listening
/// time or full playback; replays are limited (the Replay button disables); without forceAnswer a
/// Skip button (enabled from the clip's start, without waiting for the listening time) moves on
/// and records the skip (ParticipantSession::skip()): the skipped clip is not presented again
/// when the participant resumes, appears in the export as a row without a value (skipped = 1)
/// and in the quality summary, and the participant finishes without it. With allowBack a Back
/// button re-opens the previous clip (a skipped one too, which can then be answered), and a new
/// answer there is stored as a revision that keeps both values.
///
/// With every clip answer the audio-integrity record (ClipPlayer::integrity()) and the focus
/// losses during the clip (application state and window deactivation) are stored; answers given
/// with an underrun or a device change are flagged. Changes of the app's volume are logged as
/// participant events ("volume"), and so are changes of the system volume after calibration
/// ("system-volume": the volume and mute of the sound server's default sink, where the clips play,
/// watched by audio::SystemVolumeMonitor; its reading is stored with the calibration event too).
/// When PulseAudio cannot be watched the survey runs all the same and logs that once per session
/// ("system-volume-unobservable").
///
/// Every answer is stored through ParticipantSession::answer() before the next clip starts; when
/// that fails a message box shows the error and the clip stays. A missing or unreadable file or
/// a failing audio device covers the clip with a message naming the problem; nothing answered is
/// lost and "Try again" plays the clip again. Response time runs from the clip's start
/// (ClipPlayer::started), restarting after a pause; replays do not restart it.
class SurveyWidget : public QWidget {
    Q_OBJECT
public:
    enum class Step { Code, Demographics, Instructions, Consent, Calibration, Questionnaire, Clip, Finished };
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
    QuestionnairePage *questionnairePage() const { return m_questionnairePage; }
    /// Index into session()->steps() of the page on screen (-1 before the first).
    int currentStep() const { return m_stepIndex; }

Q_SIGNALS:
    void leaveRequested();
    void audioSettingsRequested();
    /// An answer was stored.
    void answered(int position, int value);
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showStep(Step step);
    void goToStep(int index, bool revisit = false);
    int stepAfter(int index) const;
    void showFinish();
    void onConsentAccepted();
    void startCalibration();
    void toggleCalibrationSound();
    void finishCalibration();
    void onQuestionChanged(const QString &questionId, const QJsonValue &value);
    void finishQuestionnaire();
    void goBack();
    void skip();
    void onFocusLost(const QString &how);
    void onVolumeChanged(float from, float to);
    /// A reading of the system volume (queued here from PulseAudio's thread).
    void onSystemVolume(const audio::SystemVolume &volume);
    /// Starts the system volume monitor once; logs when it cannot run.
    void watchSystemVolume();
    /// Points the monitor at the sink the player plays on.
    void followPlayerSink();
    bool afterCalibration() const;
    AnswerIntegrity currentIntegrity() const;
    bool isClipStep() const;
    void onStartRequested(const QString &code);
    void openSession(const QString &code, const QJsonObject &demographics);
    void beginClips();
    void startClip(int stepIndex);
    void playCurrent();
    void prepareNext();
    std::optional<ClipRequest> requestFor(int position, QString *error) const;
    std::optional<ClipRequest> requestForStep(int stepIndex, QString *error) const;
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
    ConsentPage *m_consentPage = nullptr;
    CalibrationView *m_calibrationView = nullptr;
    QuestionnairePage *m_questionnairePage = nullptr;

    Step m_step = Step::Code;
    int m_position = -1;
    ClipRequest m_request;
    bool m_haveRequest = false;
    bool m_unlocked = false;
    bool m_clockPending = false;
    bool m_playing = false;
    int m_replays = 0;
    QElapsedTimer m_responseClock;
    int m_stepIndex = -1;
    bool m_revisit = false;          ///< the clip on screen was answered before (Back)
    int m_focusLosses = 0;           ///< during the clip on screen
    bool m_focusAway = false;
    bool m_calibrationPlaying = false;
    ClipRequest m_calibrationRequest;
    std::unique_ptr<QTemporaryDir> m_toneDir;
    std::unique_ptr<audio::SystemVolumeMonitor> m_systemVolume; ///< null until the first session
    audio::SystemVolume m_lastSystemVolume;
    QString m_systemVolumeError; ///< why the system volume cannot be watched
};

} // namespace tastelab
