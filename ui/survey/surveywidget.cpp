#include "survey/surveywidget.h"

#include "survey/calibrationview.h"
#include "survey/clippage.h"
#include "survey/consentpage.h"
#include "survey/demographicspage.h"
#include "survey/questionnairepage.h"
#include "survey/finishpage.h"
#include "survey/instructionspage.h"
#include "survey/participantcodepage.h"

#include "study/participantsession.h"
#include "study/study.h"

#include "audio/audiofile.h"
#include "audio/loudness.h"

#include <QDebug>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QMediaDevices>
#include <QMessageBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

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
    m_consentPage = new ConsentPage(this);
    m_calibrationView = new CalibrationView(this);
    m_questionnairePage = new QuestionnairePage(this);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_consentPage);
    m_stack->addWidget(m_calibrationView);
    m_stack->addWidget(m_questionnairePage);
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
    connect(m_consentPage, &ConsentPage::accepted, this, &SurveyWidget::onConsentAccepted);
    connect(m_consentPage, &ConsentPage::leaveRequested, this, &SurveyWidget::restart);
    connect(m_calibrationView, &CalibrationView::playToggled, this, &SurveyWidget::toggleCalibrationSound);
    connect(m_calibrationView, &CalibrationView::continueRequested, this, &SurveyWidget::finishCalibration);
    connect(m_calibrationView, &CalibrationView::leaveRequested, this, &SurveyWidget::restart);
    connect(m_questionnairePage, &QuestionnairePage::answerChanged, this, &SurveyWidget::onQuestionChanged);
    connect(m_questionnairePage, &QuestionnairePage::continueRequested, this, &SurveyWidget::finishQuestionnaire);
    connect(m_questionnairePage, &QuestionnairePage::leaveRequested, this, &SurveyWidget::restart);
    connect(m_clipPage, &ClipPage::backRequested, this, &SurveyWidget::goBack);
    connect(m_clipPage, &ClipPage::skipRequested, this, &SurveyWidget::skip);
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
    connect(m_player, &ClipPlayer::volumeChanged, this, &SurveyWidget::onVolumeChanged);

    // Focus loss or the app minimised during a clip: recorded with the answer.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            m_focusAway = false;
        else
            onFocusLost(state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended ? QStringLiteral("minimised")
                                                                                            : QStringLiteral("inactive"));
    });
}

bool SurveyWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == window()) {
        if (event->type() == QEvent::WindowDeactivate)
            onFocusLost(QStringLiteral("window-deactivated"));
        else if (event->type() == QEvent::WindowActivate)
            m_focusAway = false;
        else if (event->type() == QEvent::WindowStateChange && window()->isMinimized())
            onFocusLost(QStringLiteral("minimised"));
    }
    return QWidget::eventFilter(watched, event);
}

bool SurveyWidget::isClipStep() const
{
    return m_session && m_step == Step::Clip && m_stepIndex >= 0 && m_stepIndex < m_session->steps().size();
}

void SurveyWidget::onFocusLost(const QString &how)
{
    if (m_focusAway)
        return;
    m_focusAway = true;
    if (!m_session)
        return;
    if (isClipStep())
        ++m_focusLosses;
    QJsonObject detail{{QStringLiteral("how"), how}, {QStringLiteral("step"), m_stepIndex}};
    if (isClipStep() && m_session->steps().at(m_stepIndex).kind == SurveyStep::Kind::Clip)
        detail.insert(QStringLiteral("position"), m_session->steps().at(m_stepIndex).position + 1);
    m_session->logEvent(QStringLiteral("focus"), detail);
}

void SurveyWidget::onVolumeChanged(float from, float to)
{
    if (!m_session)
        return;
    // The app's own volume (Preferences); the system mixer's volume: onSystemVolume().
    m_session->logEvent(QStringLiteral("volume"),
                        QJsonObject{{QStringLiteral("from"), double(from)},
                                    {QStringLiteral("to"), double(to)},
                                    {QStringLiteral("step"), m_stepIndex},
                                    {QStringLiteral("source"), QStringLiteral("app")}});
}

namespace {

/// A system volume reading as event detail: fraction of 100 %, dB (null at -inf), mute and sink.
QJsonObject systemVolumeJson(const audio::SystemVolume &v)
{
    if (!v.known)
        return QJsonObject{{QStringLiteral("known"), false}};
    return QJsonObject{{QStringLiteral("level"), v.level},
                       {QStringLiteral("db"), std::isfinite(v.db) ? QJsonValue(v.db) : QJsonValue()},
                       {QStringLiteral("muted"), v.muted},
                       {QStringLiteral("sink"), QString::fromStdString(v.sink)},
                       {QStringLiteral("sinkDescription"), QString::fromStdString(v.description)}};
}

} // namespace

void SurveyWidget::watchSystemVolume()
{
    if (m_systemVolume || !m_systemVolumeError.isEmpty())
        return;
    auto monitor = std::make_unique<audio::SystemVolumeMonitor>();
    std::string error;
    // Readings arrive on PulseAudio's thread: queued to this widget's thread (dropped with it).
    const bool ok = monitor->start(
        [this](const audio::SystemVolume &v) {
            QMetaObject::invokeMethod(this, [this, v] { onSystemVolume(v); }, Qt::QueuedConnection);
        },
        &error);
    if (!ok) {
        m_systemVolumeError = QString::fromStdString(error);
        qWarning().noquote() << "The system volume is not observable:" << m_systemVolumeError;
        return;
    }
    m_systemVolume = std::move(monitor);
    followPlayerSink();
}

void SurveyWidget::followPlayerSink()
{
    // The sink the clips play on: the default one, or the output chosen in Preferences (Qt's
    // PulseAudio backend names devices by their sink name).
    if (!m_systemVolume || !m_player)
        return;
    const QAudioDevice device = m_player->device();
    const bool isDefault = device.isNull() || device.id() == QMediaDevices::defaultAudioOutput().id();
    m_systemVolume->followSink(isDefault ? std::string() : device.id().toStdString());
    // Called as a session opens: the reading now is where the session starts from (the queued
    // readings up to it carry nothing new).
    m_lastSystemVolume = m_systemVolume->current();
}

bool SurveyWidget::afterCalibration() const
{
    return m_session && (!m_settings.calibration.enabled || m_session->calibrated());
}

void SurveyWidget::onSystemVolume(const audio::SystemVolume &v)
{
    const audio::SystemVolume previous = m_lastSystemVolume;
    if (previous.sameAs(v))
        return;
    m_lastSystemVolume = v;
    if (!afterCalibration())
        return; // before and during calibration the participant sets the level
    if (!v.known) {
        m_session->logEvent(QStringLiteral("system-volume-unobservable"),
                            QJsonObject{{QStringLiteral("reason"), QStringLiteral("the sound server stopped answering")},
                                        {QStringLiteral("step"), m_stepIndex}});
        return;
    }
    QJsonObject detail{{QStringLiteral("from"), previous.known ? QJsonValue(previous.level) : QJsonValue()},
                       {QStringLiteral("to"), v.level},
                       {QStringLiteral("fromDb"), previous.known && std::isfinite(previous.db) ? QJsonValue(previous.db) : QJsonValue()},
                       {QStringLiteral("toDb"), std::isfinite(v.db) ? QJsonValue(v.db) : QJsonValue()},
                       {QStringLiteral("mutedBefore"), previous.known ? QJsonValue(previous.muted) : QJsonValue()},
                       {QStringLiteral("muted"), v.muted},
                       {QStringLiteral("sink"), QString::fromStdString(v.sink)},
                       {QStringLiteral("step"), m_stepIndex},
                       {QStringLiteral("source"), QStringLiteral("system")}};
    if (previous.known && previous.sink != v.sink)
        detail.insert(QStringLiteral("sinkBefore"), QString::fromStdString(previous.sink));
    if (isClipStep() && m_session->steps().at(m_stepIndex).kind == SurveyStep::Kind::Clip)
        detail.insert(QStringLiteral("position"), m_session->steps().at(m_stepIndex).position + 1);
    m_session->logEvent(QStringLiteral("system-volume"), detail);
}

SurveyWidget::~SurveyWidget()
{
    m_systemVolume.reset(); // no reading is queued to this widget after this
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
    if (m_session && m_step == Step::Questionnaire && m_stepIndex >= 0) {
        // Keep what was typed on a questionnaire page the participant leaves.
        const SurveyStep step = m_session->steps().value(m_stepIndex);
        const QHash<QString, QJsonValue> answers = m_questionnairePage->answers();
        for (auto it = answers.cbegin(); it != answers.cend(); ++it)
            m_session->saveQuestion(step, it.key(), it.value(), nullptr);
    }
    m_calibrationPlaying = false;
    m_stepIndex = -1;
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
    case Step::Consent:
        m_stack->setCurrentWidget(m_consentPage);
        break;
    case Step::Calibration:
        m_stack->setCurrentWidget(m_calibrationView);
        break;
    case Step::Questionnaire:
        m_stack->setCurrentWidget(m_questionnairePage);
        break;
    }
    if (window() && window() != this)
        window()->installEventFilter(this); // idempotent: one filter per object
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
    if (m_session->isFinished() && m_session->allStepsDone()) {
        const int total = m_session->total();
        m_session.reset();
        restart();
        m_codePage->setMessage(tr("Participant %1 has already answered all %n clip(s). Thank you!", "", total)
                                   .arg(code),
                               false);
        return;
    }
    m_pendingCode.clear();
    watchSystemVolume();
    followPlayerSink();
    if (!m_systemVolumeError.isEmpty())
        m_session->logEvent(QStringLiteral("system-volume-unobservable"), QJsonObject{{QStringLiteral("reason"), m_systemVolumeError}});

    QString resumeNote;
    if (!m_session->isNew() && m_session->nextStep() > 0) {
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
    if (const auto request = requestForStep(m_session->nextStep(), &ignored))
        m_player->prepare(*request);
}

void SurveyWidget::beginClips()
{
    if (!m_session)
        return;
    m_clipPage->setRules(m_settings.rules.maxReplays, m_settings.rules.allowBack, !m_settings.rules.forceAnswer);
    goToStep(m_session->nextStep());
}

int SurveyWidget::stepAfter(int index) const
{
    for (int i = index + 1; i < m_session->steps().size(); ++i)
        if (!m_session->isStepDone(i))
            return i;
    return int(m_session->steps().size());
}

void SurveyWidget::goToStep(int index, bool revisit)
{
    if (!m_session)
        return;
    m_playing = false;
    m_calibrationPlaying = false;
    m_player->stop();
    m_revisit = revisit;
    m_stepIndex = index;
    if (index >= m_session->steps().size()) {
        showFinish();
        return;
    }
    const SurveyStep step = m_session->steps().at(index);
    switch (step.kind) {
    case SurveyStep::Kind::Consent:
        m_consentPage->setText(m_settings.consentText);
        showStep(Step::Consent);
        break;
    case SurveyStep::Kind::Calibration:
        startCalibration();
        break;
    case SurveyStep::Kind::Questionnaire: {
        Questionnaire questionnaire;
        for (const Questionnaire &q : m_settings.questionnaires)
            if (q.id == step.questionnaireId)
                questionnaire = q;
        m_questionnairePage->setQuestionnaire(questionnaire, m_session->questionAnswers(step),
                                              tr("Clips so far: %1 of %2").arg(m_session->answeredCount()).arg(m_session->total()));
        showStep(Step::Questionnaire);
        break;
    }
    case SurveyStep::Kind::Practice:
    case SurveyStep::Kind::Catch:
    case SurveyStep::Kind::Clip:
        showStep(Step::Clip);
        startClip(index);
        break;
    }
}

void SurveyWidget::showFinish()
{
    m_playing = false;
    m_player->stop();
    const qint64 participantId = m_session->participant().id;
    const double consistency = m_settings.repeats > 0 ? m_study->consistency(participantId) : -1.0;
    m_finishPage->setResult(m_session->answeredCount(), consistency);
    // The study's own finish text; the page's title and summary already say the default.
    m_finishPage->setText(m_settings.finishText.trimmed());
    showStep(Step::Finished);
    Q_EMIT statusMessage(tr("Participant %1 finished").arg(m_session->participant().code));
    m_session.reset();
}

void SurveyWidget::onConsentAccepted()
{
    if (!m_session || m_step != Step::Consent)
        return;
    QString error;
    if (!m_session->acceptConsent(&error)) {
        QMessageBox::critical(this, tr("Not saved"), error);
        return;
    }
    goToStep(stepAfter(m_stepIndex));
}

void SurveyWidget::startCalibration()
{
    const CalibrationPage &c = m_settings.calibration;
    ClipRequest request;
    request.fadeMs = 20;
    QString problem;
    if (c.kind == CalibrationPage::Kind::Tone) {
        // The reference tone at the calibration level, written once per session to a temporary WAV.
        if (!m_toneDir)
            m_toneDir = std::make_unique<QTemporaryDir>();
        const QString path = m_toneDir->filePath(QStringLiteral("calibration-%1.wav").arg(c.levelLufs));
        if (!QFile::exists(path)) {
            try {
                audio::writeAudio(QFile::encodeName(path).toStdString(), audio::calibrationTone(c.levelLufs, c.seconds));
            } catch (const std::exception &e) {
                problem = QString::fromStdString(e.what());
            }
        }
        request.path = path;
        request.loudness = audio::LoudnessMode::None; // the tone is made at its level
    } else {
        QString file = c.file.isEmpty() ? QString() : m_study->resolveStudyFilePath(c.file);
        if (file.isEmpty() && m_session->total() > 0)
            file = m_session->clipFile(0, &problem);
        request.path = file;
        request.lengthSeconds = c.seconds;
        request.loudness = audio::LoudnessMode::Lufs;
        request.targetLufs = c.levelLufs;
    }
    m_calibrationRequest = request;
    const QString instructions = c.instructions.isEmpty() ? CalibrationPage::defaultInstructions() : c.instructions;
    m_calibrationView->setContent(instructions, tr("Reference level: %1 LUFS, the level of every clip in this study.")
                                                    .arg(c.levelLufs, 0, 'f', 1));
    m_calibrationView->setProblem(problem);
    showStep(Step::Calibration);
    if (problem.isEmpty())
        toggleCalibrationSound();
}

void SurveyWidget::toggleCalibrationSound()
{
    if (m_step != Step::Calibration)
        return;
    m_calibrationPlaying = !m_calibrationPlaying;
    m_calibrationView->setPlaying(m_calibrationPlaying);
    if (m_calibrationPlaying)
        m_player->play(m_calibrationRequest);
    else
        m_player->stop();
}

void SurveyWidget::finishCalibration()
{
    if (!m_session || m_step != Step::Calibration)
        return;
    m_calibrationPlaying = false;
    m_player->stop();
    QString error;
    QJsonObject detail{{QStringLiteral("appVolume"), double(m_player->volume())},
                       {QStringLiteral("levelLufs"), m_settings.calibration.levelLufs},
                       {QStringLiteral("device"), m_player->device().description()}};
    // The system volume the participant settled on (the reference for later "system-volume" events).
    if (m_systemVolume)
        detail.insert(QStringLiteral("systemVolume"), systemVolumeJson(m_systemVolume->current()));
    else
        detail.insert(QStringLiteral("systemVolumeUnobservable"), m_systemVolumeError);
    if (!m_session->finishCalibration(detail, &error)) {
        QMessageBox::critical(this, tr("Not saved"), error);
        return;
    }
    goToStep(stepAfter(m_stepIndex));
}

void SurveyWidget::onQuestionChanged(const QString &questionId, const QJsonValue &value)
{
    if (!m_session || m_step != Step::Questionnaire)
        return;
    QString error;
    if (!m_session->saveQuestion(m_session->steps().at(m_stepIndex), questionId, value, &error))
        m_questionnairePage->setMessage(error);
}

void SurveyWidget::finishQuestionnaire()
{
    if (!m_session || m_step != Step::Questionnaire)
        return;
    const QStringList missing = m_questionnairePage->missingRequired();
    if (!missing.isEmpty()) {
        m_questionnairePage->setMessage(tr("Please answer: %1").arg(missing.join(QStringLiteral(" · "))));
        return;
    }
    const SurveyStep step = m_session->steps().at(m_stepIndex);
    QString error;
    const QHash<QString, QJsonValue> answers = m_questionnairePage->answers();
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        if (!m_session->saveQuestion(step, it.key(), it.value(), &error)) {
            m_questionnairePage->setMessage(error);
            return;
        }
    if (!m_session->finishQuestionnaire(step, &error)) {
        m_questionnairePage->setMessage(error);
        return;
    }
    goToStep(stepAfter(m_stepIndex));
}

void SurveyWidget::goBack()
{
    if (!m_session || m_step != Step::Clip || !m_settings.rules.allowBack || m_stepIndex <= 0)
        return;
    const int previous = m_stepIndex - 1;
    const SurveyStep step = m_session->steps().at(previous);
    if (!step.isClipLike() || !m_session->isStepDone(previous))
        return;
    m_session->logEvent(QStringLiteral("back"), QJsonObject{{QStringLiteral("from"), m_stepIndex}, {QStringLiteral("to"), previous}});
    goToStep(previous, true);
}

void SurveyWidget::skip()
{
    if (!m_session || m_step != Step::Clip || m_settings.rules.forceAnswer || m_revisit || m_clipPage->isCovered())
        return;
    const int stepIndex = m_stepIndex;
    const SurveyStep step = m_session->steps().at(stepIndex);
    const qint64 responseMs = m_responseClock.isValid() ? qMax<qint64>(1, m_responseClock.elapsed()) : 0;
    QString error;
    if (!m_session->skip(step, responseMs, m_replays, &error)) {
        QMessageBox::critical(this, tr("Not saved"), error);
        return;
    }
    goToStep(stepAfter(stepIndex));
}

AnswerIntegrity SurveyWidget::currentIntegrity() const
{
    const PlaybackIntegrity p = m_player->integrity();
    AnswerIntegrity i;
    i.recorded = true;
    i.device = p.deviceDescription;
    i.deviceId = p.deviceId;
    i.underruns = p.underruns;
    i.underrunMs = p.underrunMs;
    i.latencyMs = p.latencyMs;
    i.loudnessBefore = p.loudnessBefore;
    i.loudnessAfter = p.loudnessAfter;
    i.loudnessUnit = p.loudnessUnit;
    i.deviceChanges = p.deviceChanges;
    i.focusLosses = m_focusLosses;
    i.flagged = p.flagged();
    return i;
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
    request.targetRmsDbfs = m_settings.loudness.targetRmsDbfs;
    request.targetLufs = m_settings.loudness.targetLufs;
    request.loudness = m_settings.loudness.mode == LoudnessSettings::Mode::Lufs ? audio::LoudnessMode::Lufs
        : m_settings.loudness.mode == LoudnessSettings::Mode::Rms              ? audio::LoudnessMode::Rms
                                                                               : audio::LoudnessMode::None;
    return request;
}

std::optional<ClipRequest> SurveyWidget::requestForStep(int stepIndex, QString *error) const
{
    if (!m_session || stepIndex < 0 || stepIndex >= m_session->steps().size())
        return std::nullopt;
    const SurveyStep &step = m_session->steps().at(stepIndex);
    if (step.kind == SurveyStep::Kind::Clip)
        return requestFor(step.position, error);
    if (step.kind != SurveyStep::Kind::Practice && step.kind != SurveyStep::Kind::Catch)
        return std::nullopt;
    const QString file = m_session->extraFile(step.extra, error);
    if (file.isEmpty())
        return std::nullopt;
    const ExtraClip &x = m_session->extras().at(step.extra);
    std::optional<ClipRequest> request = requestFor(0, error);
    if (!request)
        request = ClipRequest();
    request->path = file;
    request->startSeconds = x.startSeconds;
    request->lengthSeconds = x.lengthSeconds > 0 ? x.lengthSeconds : -1.0;
    request->fadeMs = m_settings.fadeMs;
    return request;
}

void SurveyWidget::startClip(int stepIndex)
{
    const SurveyStep step = m_session->steps().at(stepIndex);
    m_position = step.kind == SurveyStep::Kind::Clip ? step.position : -1;
    m_replays = 0;
    m_focusLosses = 0;
    m_unlocked = m_settings.unlockSeconds() <= 0;
    const int shownPosition = step.kind == SurveyStep::Kind::Clip ? step.position
                                                                  : qMin(m_session->answeredCount(), m_session->total() - 1);
    m_clipPage->showClip(shownPosition, m_session->total(), m_session->answeredCount(), m_session->secondsLeft());
    m_clipPage->setUnlocked(m_unlocked);
    if (step.kind == SurveyStep::Kind::Practice) {
        int practiceTotal = 0;
        for (const SurveyStep &s : m_session->steps())
            practiceTotal += s.kind == SurveyStep::Kind::Practice ? 1 : 0;
        m_clipPage->setBanner(tr("Practice clip %1 of %2 — this answer is not counted.")
                                  .arg(m_session->extras().at(step.extra).seq + 1)
                                  .arg(practiceTotal));
    } else {
        m_clipPage->setBanner(QString());
    }
    QString earlier;
    if (m_revisit) {
        if (const std::optional<int> value = m_session->storedValue(step)) {
            const QStringList anchors = m_settings.effectiveAnchors();
            const int index = *value - m_settings.minValue();
            earlier = anchors.value(index).isEmpty() ? QString::number(*value) : anchors.value(index);
        }
    }
    m_clipPage->setEarlierAnswer(earlier);
    bool backPossible = false;
    if (m_settings.rules.allowBack && stepIndex > 0) {
        const SurveyStep &previous = m_session->steps().at(stepIndex - 1);
        backPossible = previous.isClipLike() && m_session->isStepDone(stepIndex - 1);
    }
    m_clipPage->setBackEnabled(backPossible);
    m_clipPage->setSkipEnabled(!m_revisit);

    QString error;
    const auto request = requestForStep(stepIndex, &error);
    if (!request) {
        m_haveRequest = false;
        const auto track = step.kind == SurveyStep::Kind::Clip ? m_session->track(step.position) : std::nullopt;
        showProblem(error.isEmpty() ? tr("The music file of clip %1 (%2) cannot be found.")
                                          .arg(shownPosition + 1)
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
    if (const auto next = requestForStep(stepAfter(m_stepIndex), &ignored))
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
    if (m_step == Step::Calibration && m_calibrationPlaying) {
        m_player->replay(); // the reference loops while the page is open
        return;
    }
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
    if (m_step == Step::Calibration) {
        m_calibrationPlaying = false;
        m_calibrationView->setPlaying(false);
        m_calibrationView->setProblem(message);
        return;
    }
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
    if (m_settings.rules.maxReplays >= 0 && m_replays >= m_settings.rules.maxReplays)
        return; // the listening rules allow no more replays of this clip
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
        startClip(m_stepIndex); // the file was missing: look it up again
        return;
    }
    playCurrent();
}

void SurveyWidget::answer(int value)
{
    if (m_step != Step::Clip || !m_session || !m_unlocked || m_clipPage->isCovered())
        return;
    const int stepIndex = m_stepIndex;
    const SurveyStep step = m_session->steps().at(stepIndex);
    const qint64 responseMs = m_responseClock.isValid() ? qMax<qint64>(1, m_responseClock.elapsed()) : 0;
    QString error;
    bool ok = false;
    if (m_revisit && m_session->storedValue(step)) {
        ok = m_session->revise(step, value, responseMs, &error);
    } else if (step.kind == SurveyStep::Kind::Clip) {
        ok = m_session->answer(step.position, value, responseMs, m_replays, &error, currentIntegrity());
    } else {
        ok = m_session->answerExtra(step.extra, value, responseMs, m_replays, currentIntegrity(), &error);
    }
    if (!ok) {
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Answer not saved"),
                                    tr("The answer to clip %1 could not be saved:\n%2\n\nPlease tell the "
                                       "researcher. You can try answering again.")
                                        .arg(step.kind == SurveyStep::Kind::Clip ? step.position + 1 : stepIndex + 1)
                                        .arg(error),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("answerErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (step.kind == SurveyStep::Kind::Clip)
        Q_EMIT answered(step.position, value);
    goToStep(stepAfter(stepIndex));
}

} // namespace tastelab
