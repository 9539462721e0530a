#include "survey/surveywidget.h"

#include "survey/clippage.h"
#include "survey/demographicspage.h"
#include "survey/finishpage.h"
#include "survey/instructionspage.h"
#include "survey/participantcodepage.h"

#include "study/participantsession.h"
#include "study/study.h"

#include <QDebug>
#include <QMessageBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tastelab {

namespace {
constexpr double kUnlockTolerance = 0.05; ///< seconds; positions are reported every 50 ms
} // namespace

SurveyWidget::SurveyWidget(ClipPlayer *player, QWidget *parent)
    : QWidget(parent), m_player(player)
{
    setObjectName(QStringLiteral("surveyWidget"));

    m_codePage = new ParticipantCodePage(this);
    m_demographicsPage = new DemographicsPage(this);
    m_instructionsPage = new InstructionsPage(this);
    m_clipPage = new ClipPage(this);
    m_finishPage = new FinishPage(this);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_codePage);
    m_stack->addWidget(m_demographicsPage);
    m_stack->addWidget(m_instructionsPage);
    m_stack->addWidget(m_clipPage);
    m_stack->addWidget(m_finishPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 12);
    layout->addWidget(m_stack);

    connect(m_codePage, &ParticipantCodePage::startRequested, this, &SurveyWidget::onStartRequested);
    connect(m_codePage, &ParticipantCodePage::leaveRequested, this, &SurveyWidget::leaveRequested);
    connect(m_codePage, &ParticipantCodePage::audioSettingsRequested, this,
            &SurveyWidget::audioSettingsRequested);
    connect(m_demographicsPage, &DemographicsPage::continueRequested, this,
            [this] { openSession(m_pendingCode, m_demographicsPage->demographics()); });
    connect(m_demographicsPage, &DemographicsPage::backRequested, this, &SurveyWidget::restart);
    connect(m_instructionsPage, &InstructionsPage::beginRequested, this, &SurveyWidget::beginClips);
    connect(m_instructionsPage, &InstructionsPage::backRequested, this, &SurveyWidget::restart);
    connect(m_clipPage, &ClipPage::answerChosen, this, &SurveyWidget::answer);
    connect(m_clipPage, &ClipPage::replayRequested, this, &SurveyWidget::replay);
    connect(m_clipPage, &ClipPage::pauseRequested, this, &SurveyWidget::pause);
    connect(m_clipPage, &ClipPage::resumeRequested, this, &SurveyWidget::resume);
    connect(m_clipPage, &ClipPage::leaveRequested, this, &SurveyWidget::restart);
    connect(m_finishPage, &FinishPage::nextParticipantRequested, this, &SurveyWidget::restart);
    connect(m_finishPage, &FinishPage::leaveRequested, this, &SurveyWidget::leaveRequested);

    connect(m_player, &ClipPlayer::started, this, &SurveyWidget::onPlayerStarted);
    connect(m_player, &ClipPlayer::positionChanged, this, &SurveyWidget::onPlayerPosition);
    connect(m_player, &ClipPlayer::finished, this, &SurveyWidget::onPlayerFinished);
    connect(m_player, &ClipPlayer::failed, this, &SurveyWidget::onPlayerFailed);
}

SurveyWidget::~SurveyWidget()
{
    stopSession();
}

void SurveyWidget::setStudy(Study *study)
{
    stopSession();
    m_study = study;
    restart();
}

void SurveyWidget::stopSession()
{
    m_playing = false;
    if (m_player)
        m_player->stop();
    m_session.reset();
    m_pendingCode.clear();
    m_position = -1;
    m_haveRequest = false;
}

void SurveyWidget::restart()
{
    stopSession();
    m_settings = m_study ? m_study->settings() : StudySettings();
    m_codePage->reset(m_settings.name);
    showStep(Step::Code);
}

void SurveyWidget::showStep(Step step)
{
    m_step = step;
    switch (step) {
    case Step::Code:
        m_stack->setCurrentWidget(m_codePage);
        break;
    case Step::Demographics:
        m_stack->setCurrentWidget(m_demographicsPage);
        break;
    case Step::Instructions:
        m_stack->setCurrentWidget(m_instructionsPage);
        break;
    case Step::Clip:
        m_stack->setCurrentWidget(m_clipPage);
        m_clipPage->setFocus();
        break;
    case Step::Finished:
        m_stack->setCurrentWidget(m_finishPage);
        break;
    }
}

void SurveyWidget::onStartRequested(const QString &code)
{
    if (!m_study) {
        m_codePage->setMessage(tr("No study is open."), true);
        return;
    }
    m_settings = m_study->settings();
    const bool exists = m_study->participant(code).has_value();
    const bool askDemographics = m_settings.askAge || !m_settings.demographicFields.isEmpty();
    if (!exists && askDemographics) {
        m_pendingCode = code;
        m_demographicsPage->setup(m_settings.askAge, m_settings.demographicFields);
        showStep(Step::Demographics);
        return;
    }
    openSession(code, QJsonObject());
}

void SurveyWidget::openSession(const QString &code, const QJsonObject &demographics)
{
    QString error;
    QStringList notes;
    m_session = ParticipantSession::startOrResume(*m_study, code, demographics, 0, &error, &notes);
    if (!m_session) {
        restart();
        m_codePage->setMessage(tr("Could not start the session for %1: %2").arg(code, error), true);
        return;
    }
    if (m_session->total() == 0) {
        m_session.reset();
        restart();
        m_codePage->setMessage(tr("This study has no clips to play. Import music into it first."), true);
        return;
    }
    if (m_session->isFinished()) {
        const int total = m_session->total();
        m_session.reset();
        restart();
        m_codePage->setMessage(tr("Participant %1 has already answered all %n clip(s). Thank you!", "", total)
                                   .arg(code),
                               false);
        return;
    }
    m_pendingCode.clear();

    QString resumeNote;
    if (!m_session->isNew() && m_session->answeredCount() > 0) {
        resumeNote = tr("Welcome back, %1. Resuming at clip %2 of %3.")
                         .arg(code)
                         .arg(m_session->nextPosition() + 1)
                         .arg(m_session->total());
    }
    m_clipPage->setScale(m_settings);
    m_instructionsPage->setContent(m_settings.instructions.isEmpty() ? StudySettings::defaultInstructions()
                                                                     : m_settings.instructions,
                                   resumeNote, m_clipPage->keyHelp());
    showStep(Step::Instructions);
    Q_EMIT statusMessage(m_session->isNew() ? tr("New participant %1").arg(code)
                                            : tr("Participant %1 resumed").arg(code));

    // Decode the first clip while the participant reads.
    QString ignored;
    if (const auto request = requestFor(m_session->nextPosition(), &ignored))
        m_player->prepare(*request);
}

void SurveyWidget::beginClips()
{
    if (!m_session)
        return;
    showStep(Step::Clip);
    startClip(m_session->nextPosition());
}

std::optional<ClipRequest> SurveyWidget::requestFor(int position, QString *error) const
{
    if (!m_session || position < 0 || position >= m_session->total())
        return std::nullopt;
    const QString file = m_session->clipFile(position, error);
    if (file.isEmpty())
        return std::nullopt;
    const Clip &clip = m_session->clip(position);
    ClipRequest request;
    request.path = file;
    request.startSeconds = clip.startSeconds;
    request.lengthSeconds = clip.lengthSeconds;
    request.fadeMs = m_settings.fadeMs;
    request.targetRmsDbfs = m_settings.targetRmsDbfs;
    return request;
}

void SurveyWidget::startClip(int position)
{
    m_position = position;
    m_replays = 0;
    m_unlocked = m_settings.unlockSeconds() <= 0;
    m_clipPage->showClip(position, m_session->total(), m_session->answeredCount(), m_session->secondsLeft());
    m_clipPage->setUnlocked(m_unlocked);

    QString error;
    const auto request = requestFor(position, &error);
    if (!request) {
        m_haveRequest = false;
        const auto track = m_session->track(position);
        showProblem(error.isEmpty() ? tr("The music file of clip %1 (%2) cannot be found.")
                                          .arg(position + 1)
                                          .arg(track ? track->path : tr("unknown track"))
                                    : error);
        return;
    }
    m_request = *request;
    m_haveRequest = true;
    playCurrent();
}

void SurveyWidget::playCurrent()
{
    m_clockPending = true;
    m_responseClock.invalidate();
    m_playing = true;
    m_player->play(m_request);
}

void SurveyWidget::prepareNext()
{
    if (!m_session)
        return;
    QString ignored; // a missing next file is reported when its turn comes
    if (const auto next = requestFor(m_position + 1, &ignored))
        m_player->prepare(*next);
}

void SurveyWidget::onPlayerStarted()
{
    if (m_step != Step::Clip || !m_playing)
        return;
    if (m_clockPending) {
        m_responseClock.start();
        m_clockPending = false;
        prepareNext();
    }
}

void SurveyWidget::onPlayerPosition(double seconds)
{
    if (m_step != Step::Clip || !m_playing)
        return;
    const double unlockAt = m_settings.unlockSeconds();
    m_clipPage->setListening(seconds, m_player->clipSeconds(), unlockAt);
    if (!m_unlocked && seconds + kUnlockTolerance >= qMin(unlockAt, m_player->clipSeconds()))
        unlock();
}

void SurveyWidget::onPlayerFinished()
{
    if (m_step != Step::Clip || !m_playing)
        return;
    m_playing = false;
    m_clipPage->setListening(1.0, 1.0, 0.0);
    unlock();
}

void SurveyWidget::unlock()
{
    if (m_unlocked)
        return;
    m_unlocked = true;
    m_clipPage->setUnlocked(true);
}

void SurveyWidget::onPlayerFailed(const QString &message)
{
    if (m_step != Step::Clip || m_clipPage->isCovered())
        return;
    m_playing = false;
    showProblem(message);
}

void SurveyWidget::showProblem(const QString &message)
{
    qWarning().noquote() << "Survey paused at clip" << m_position + 1 << "-" << message;
    m_playing = false;
    m_player->stop();
    m_clipPage->showCover(tr("Session paused"),
                          tr("%1\n\nYour answers so far are saved. Please tell the researcher.").arg(message),
                          tr("Try again"));
    Q_EMIT statusMessage(message);
}

void SurveyWidget::replay()
{
    if (m_step != Step::Clip || m_clipPage->isCovered() || !m_haveRequest)
        return;
    ++m_replays;
    m_clipPage->setReplays(m_replays);
    m_playing = true;
    m_player->replay();
}

void SurveyWidget::pause()
{
    if (m_step != Step::Clip || m_clipPage->isCovered())
        return;
    m_playing = false;
    m_player->stop();
    m_clipPage->showCover(tr("Paused"), tr("Take your time. The clip starts again from the beginning when you resume."),
                          tr("Resume"));
}

void SurveyWidget::resume()
{
    if (m_step != Step::Clip || !m_session)
        return;
    m_clipPage->hideCover();
    if (!m_haveRequest) {
        startClip(m_position); // the file was missing: look it up again
        return;
    }
    playCurrent();
}

void SurveyWidget::answer(int value)
{
    if (m_step != Step::Clip || !m_session || !m_unlocked || m_clipPage->isCovered())
        return;
    const int position = m_position;
    const qint64 responseMs = m_responseClock.isValid() ? qMax<qint64>(1, m_responseClock.elapsed()) : 0;
    QString error;
    if (!m_session->answer(position, value, responseMs, m_replays, &error)) {
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Answer not saved"),
                                    tr("The answer to clip %1 could not be saved:\n%2\n\nPlease tell the "
                                       "researcher. You can try answering again.")
                                        .arg(position + 1)
                                        .arg(error),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("answerErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    Q_EMIT answered(position, value);

    if (m_session->isFinished()) {
        m_playing = false;
        m_player->stop();
        const qint64 participantId = m_session->participant().id;
        const double consistency = m_settings.repeats > 0 ? m_study->consistency(participantId) : -1.0;
        m_finishPage->setResult(m_session->answeredCount(), consistency);
        showStep(Step::Finished);
        Q_EMIT statusMessage(tr("Participant %1 finished").arg(m_session->participant().code));
        m_session.reset();
        return;
    }
    startClip(m_session->nextPosition());
}

} // namespace tastelab
