#include "study/participantsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tastelab {

std::unique_ptr<ParticipantSession> ParticipantSession::startOrResume(Study &study, const QString &code,
                                                                      const QJsonObject &demographics,
                                                                      quint64 seed, QString *error,
                                                                      QStringList *planNotes)
{
    std::unique_ptr<ParticipantSession> session(new ParticipantSession(study));
    std::optional<Participant> p = study.participant(code.trimmed());
    if (!p) {
        p = study.createParticipant(code, seed == 0 ? randomSeed() : seed, demographics, planNotes);
        if (!p) {
            if (error)
                *error = study.lastError();
            return nullptr;
        }
        session->m_isNew = true;
    }
    session->m_participant = *p;
    session->m_plan = study.plan(p->id);
    if (session->m_plan.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("ParticipantSession", "participant '%1' has no clips in their plan").arg(p->code);
        return nullptr;
    }
    session->m_answeredAt = QVector<bool>(session->m_plan.size(), false);
    for (const Answer &a : study.answers(p->id)) {
        if (a.position >= 0 && a.position < session->m_plan.size() && !session->m_answeredAt[a.position]) {
            session->m_answeredAt[a.position] = true;
            session->m_answered.push_back(a.position);
            session->m_clipValues.insert(a.position, a.value);
        }
    }
    session->m_extras = study.extraClips(p->id);
    for (const ExtraAnswer &a : surveydata::extraAnswers(study, p->id))
        for (int i = 0; i < session->m_extras.size(); ++i)
            if (session->m_extras[i].kind == a.kind && session->m_extras[i].seq == a.seq)
                session->m_extraValues.insert(i, a.value);
    for (const ParticipantEvent &e : surveydata::events(study, p->id)) {
        if (e.kind == QLatin1String("consent"))
            session->m_consented = true;
        else if (e.kind == QLatin1String("calibration"))
            session->m_calibrated = true;
        else if (e.kind == QLatin1String("questionnaire-done"))
            session->m_questionnairesDone.insert(e.detail.value(QStringLiteral("questionnaire")).toString() + QLatin1Char('#')
                                                 + QString::number(e.detail.value(QStringLiteral("occurrence")).toInt()));
    }
    for (const SkipRecord &k : surveydata::skips(study, p->id)) {
        if (k.kind == QLatin1String("clip")) {
            if (k.position >= 0 && k.position < session->m_plan.size())
                session->m_skippedClips.insert(k.position);
            continue;
        }
        for (int i = 0; i < session->m_extras.size(); ++i)
            if (extraKindId(session->m_extras[i].kind) == k.kind && session->m_extras[i].seq == k.seq)
                session->m_skippedExtras.insert(i);
    }
    for (const QuestionnaireAnswer &a : surveydata::questionnaireAnswers(study, p->id))
        session->m_questionAnswers[a.questionnaireId + QLatin1Char('#') + QString::number(a.occurrence)].insert(a.questionId,
                                                                                                              a.value);
    session->buildSteps();
    session->m_sitting.start();
    return session;
}

int ParticipantSession::nextPosition() const
{
    for (int i = 0; i < m_answeredAt.size(); ++i)
        if (!m_answeredAt[i] && !m_skippedClips.contains(i))
            return i;
    return m_answeredAt.size();
}

std::optional<Track> ParticipantSession::track(int position) const
{
    if (position < 0 || position >= m_plan.size())
        return std::nullopt;
    return m_study.track(m_plan[position].trackId);
}

QString ParticipantSession::clipFile(int position, QString *error) const
{
    const std::optional<Track> t = track(position);
    if (!t) {
        if (error)
            *error = QCoreApplication::translate("ParticipantSession", "clip %1 refers to a track that is not in the study").arg(position + 1);
        return QString();
    }
    const QString path = m_study.resolveTrackPath(*t);
    if (path.isEmpty() && error)
        *error = QCoreApplication::translate("ParticipantSession", "%1: the music file is missing (was the music folder moved? Use \"Locate music "
                    "folder\" on the Study page)")
                     .arg(QDir::toNativeSeparators(t->path));
    return path;
}

bool ParticipantSession::answer(int position, int value, qint64 responseMs, int replays, QString *error,
                                const AnswerIntegrity &integrity)
{
    if (position < 0 || position >= m_plan.size()) {
        if (error)
            *error = QCoreApplication::translate("ParticipantSession", "there is no clip %1").arg(position + 1);
        return false;
    }
    const Clip &c = m_plan[position];
    Answer a;
    a.participantId = m_participant.id;
    a.position = position;
    a.trackId = c.trackId;
    a.clipStart = c.startSeconds;
    a.clipLength = c.lengthSeconds;
    a.scale = m_study.settings().scale;
    a.value = value;
    a.responseMs = responseMs;
    a.replays = replays;
    a.integrity = integrity;
    if (!m_study.recordAnswer(a)) {
        if (error)
            *error = m_study.lastError();
        return false;
    }
    if (!m_answeredAt[position]) {
        m_answeredAt[position] = true;
        m_answered.push_back(position);
        ++m_answeredThisSitting;
    }
    m_clipValues.insert(position, value);
    markFinishedWhenDone();
    return true;
}

void ParticipantSession::markFinishedWhenDone()
{
    if (isFinished() && allStepsDone())
        m_study.markFinished(m_participant.id);
}

void ParticipantSession::buildSteps()
{
    const StudySettings s = m_study.settings();
    m_steps.clear();
    auto questionnaires = [&](Questionnaire::Placement placement, int occurrence) {
        for (const Questionnaire &q : s.questionnairesAt(placement)) {
            SurveyStep step;
            step.kind = SurveyStep::Kind::Questionnaire;
            step.questionnaireId = q.id;
            step.occurrence = occurrence;
            m_steps.push_back(step);
        }
    };
    const auto page = [](SurveyStep::Kind kind) {
        SurveyStep step;
        step.kind = kind;
        return step;
    };
    if (!s.consentText.trimmed().isEmpty())
        m_steps.push_back(page(SurveyStep::Kind::Consent));
    if (s.calibration.enabled)
        m_steps.push_back(page(SurveyStep::Kind::Calibration));
    for (int i = 0; i < m_extras.size(); ++i)
        if (!m_extras[i].isCatch()) {
            SurveyStep step;
            step.kind = SurveyStep::Kind::Practice;
            step.extra = i;
            m_steps.push_back(step);
        }
    questionnaires(Questionnaire::Placement::Before, 0);
    auto catchesBefore = [&](int position) {
        for (int i = 0; i < m_extras.size(); ++i)
            if (m_extras[i].isCatch() && m_extras[i].beforePosition == position) {
                SurveyStep step;
                step.kind = SurveyStep::Kind::Catch;
                step.extra = i;
                step.block = m_extras[i].block;
                m_steps.push_back(step);
            }
    };
    for (int p = 0; p < m_plan.size(); ++p) {
        if (p > 0 && m_plan[p].block != m_plan[p - 1].block)
            questionnaires(Questionnaire::Placement::BetweenBlocks, m_plan[p - 1].block);
        catchesBefore(p);
        SurveyStep step;
        step.kind = SurveyStep::Kind::Clip;
        step.position = p;
        step.block = m_plan[p].block;
        m_steps.push_back(step);
    }
    catchesBefore(m_plan.size());
    questionnaires(Questionnaire::Placement::End, 0);
}

bool ParticipantSession::isStepDone(int index) const
{
    if (index < 0 || index >= m_steps.size())
        return true;
    const SurveyStep &step = m_steps[index];
    switch (step.kind) {
    case SurveyStep::Kind::Consent:
        return m_consented;
    case SurveyStep::Kind::Calibration:
        return m_calibrated;
    case SurveyStep::Kind::Practice:
    case SurveyStep::Kind::Catch:
        return m_extraValues.contains(step.extra) || m_skippedExtras.contains(step.extra);
    case SurveyStep::Kind::Questionnaire:
        return m_questionnairesDone.contains(step.questionnaireId + QLatin1Char('#') + QString::number(step.occurrence));
    case SurveyStep::Kind::Clip:
        return step.position < m_answeredAt.size() && (m_answeredAt[step.position] || m_skippedClips.contains(step.position));
    }
    return true;
}

int ParticipantSession::nextStep() const
{
    for (int i = 0; i < m_steps.size(); ++i)
        if (!isStepDone(i))
            return i;
    return m_steps.size();
}

QString ParticipantSession::extraFile(int extra, QString *error) const
{
    if (extra < 0 || extra >= m_extras.size())
        return QString();
    const ExtraClip &x = m_extras[extra];
    if (!x.isCatch()) {
        const std::optional<Track> t = m_study.track(x.trackId);
        const QString path = t ? m_study.resolveTrackPath(*t) : QString();
        if (path.isEmpty() && error)
            *error = QCoreApplication::translate("ParticipantSession", "the music file of practice clip %1 is missing").arg(x.seq + 1);
        return path;
    }
    const QString path = m_study.resolveStudyFilePath(x.file);
    if ((path.isEmpty() || !QFileInfo::exists(path)) && error)
        *error = QCoreApplication::translate("ParticipantSession", "%1: the catch clip '%2' is missing").arg(x.file, x.catchId);
    return QFileInfo::exists(path) ? path : QString();
}

bool ParticipantSession::acceptConsent(QString *error)
{
    if (!surveydata::logEvent(m_study, m_participant.id, QStringLiteral("consent"),
                              QJsonObject{{QStringLiteral("accepted"), true}}, error))
        return false;
    m_consented = true;
    return true;
}

bool ParticipantSession::finishCalibration(const QJsonObject &detail, QString *error)
{
    if (!surveydata::logEvent(m_study, m_participant.id, QStringLiteral("calibration"), detail, error))
        return false;
    m_calibrated = true;
    return true;
}

bool ParticipantSession::answerExtra(int extra, int value, qint64 responseMs, int replays,
                                     const AnswerIntegrity &integrity, QString *error)
{
    if (extra < 0 || extra >= m_extras.size())
        return false;
    ExtraAnswer a;
    a.participantId = m_participant.id;
    a.kind = m_extras[extra].kind;
    a.seq = m_extras[extra].seq;
    a.value = value;
    a.responseMs = responseMs;
    a.replays = replays;
    a.integrity = integrity;
    if (!surveydata::recordExtraAnswer(m_study, a, error))
        return false;
    m_extraValues.insert(extra, value);
    markFinishedWhenDone();
    return true;
}

std::optional<int> ParticipantSession::storedValue(const SurveyStep &step) const
{
    if (step.kind == SurveyStep::Kind::Clip && m_clipValues.contains(step.position))
        return m_clipValues.value(step.position);
    if ((step.kind == SurveyStep::Kind::Practice || step.kind == SurveyStep::Kind::Catch)
        && m_extraValues.contains(step.extra))
        return m_extraValues.value(step.extra);
    return std::nullopt;
}

bool ParticipantSession::revise(const SurveyStep &step, int value, qint64 responseMs, QString *error)
{
    if (step.kind == SurveyStep::Kind::Clip) {
        if (!surveydata::reviseAnswer(m_study, m_participant.id, QStringLiteral("clip"), step.position, value,
                                      responseMs, error))
            return false;
        m_clipValues.insert(step.position, value);
        return true;
    }
    if (step.extra < 0 || step.extra >= m_extras.size())
        return false;
    if (!surveydata::reviseAnswer(m_study, m_participant.id, extraKindId(m_extras[step.extra].kind),
                                  m_extras[step.extra].seq, value, responseMs, error))
        return false;
    m_extraValues.insert(step.extra, value);
    return true;
}

bool ParticipantSession::saveQuestion(const SurveyStep &step, const QString &questionId, const QJsonValue &value,
                                      QString *error)
{
    QuestionnaireAnswer a;
    a.questionnaireId = step.questionnaireId;
    a.occurrence = step.occurrence;
    a.questionId = questionId;
    a.value = value;
    if (!surveydata::saveQuestionnaireAnswer(m_study, m_participant.id, a, error))
        return false;
    m_questionAnswers[step.questionnaireId + QLatin1Char('#') + QString::number(step.occurrence)].insert(questionId, value);
    return true;
}

QHash<QString, QJsonValue> ParticipantSession::questionAnswers(const SurveyStep &step) const
{
    return m_questionAnswers.value(step.questionnaireId + QLatin1Char('#') + QString::number(step.occurrence));
}

bool ParticipantSession::finishQuestionnaire(const SurveyStep &step, QString *error)
{
    if (!surveydata::logEvent(m_study, m_participant.id, QStringLiteral("questionnaire-done"),
                              QJsonObject{{QStringLiteral("questionnaire"), step.questionnaireId},
                                          {QStringLiteral("occurrence"), step.occurrence}},
                              error))
        return false;
    m_questionnairesDone.insert(step.questionnaireId + QLatin1Char('#') + QString::number(step.occurrence));
    markFinishedWhenDone();
    return true;
}

bool ParticipantSession::isSkipped(const SurveyStep &step) const
{
    if (step.kind == SurveyStep::Kind::Clip)
        return m_skippedClips.contains(step.position) && !m_clipValues.contains(step.position);
    if (step.kind == SurveyStep::Kind::Practice || step.kind == SurveyStep::Kind::Catch)
        return m_skippedExtras.contains(step.extra) && !m_extraValues.contains(step.extra);
    return false;
}

bool ParticipantSession::skip(const SurveyStep &step, qint64 responseMs, int replays, QString *error)
{
    SkipRecord k;
    k.responseMs = responseMs;
    k.replays = replays;
    if (step.kind == SurveyStep::Kind::Clip && step.position >= 0 && step.position < m_plan.size()) {
        if (m_answeredAt[step.position] || m_skippedClips.contains(step.position)) {
            if (error)
                *error = QCoreApplication::translate("ParticipantSession", "clip %1 is answered or skipped already").arg(step.position + 1);
            return false;
        }
        k.kind = QStringLiteral("clip");
        k.position = step.position;
    } else if ((step.kind == SurveyStep::Kind::Practice || step.kind == SurveyStep::Kind::Catch) && step.extra >= 0
               && step.extra < m_extras.size()) {
        if (m_extraValues.contains(step.extra) || m_skippedExtras.contains(step.extra)) {
            if (error)
                *error = QCoreApplication::translate("ParticipantSession", "this clip is answered or skipped already");
            return false;
        }
        const ExtraClip &x = m_extras[step.extra];
        k.kind = extraKindId(x.kind);
        k.seq = x.seq;
        k.catchId = x.catchId;
    } else {
        if (error)
            *error = QCoreApplication::translate("ParticipantSession", "only a clip can be skipped");
        return false;
    }
    if (!surveydata::logEvent(m_study, m_participant.id, QStringLiteral("skip"), surveydata::skipDetail(k), error))
        return false;
    if (k.kind == QLatin1String("clip"))
        m_skippedClips.insert(k.position);
    else
        m_skippedExtras.insert(step.extra);
    markFinishedWhenDone();
    return true;
}

bool ParticipantSession::logEvent(const QString &kind, const QJsonObject &detail)
{
    return surveydata::logEvent(m_study, m_participant.id, kind, detail, nullptr);
}

double ParticipantSession::secondsLeft() const
{
    const int left = qMax(0, total() - answeredCount() - int(m_skippedClips.size()));
    double perClip = m_plan.isEmpty() ? 0 : m_plan.first().lengthSeconds + 3.0;
    if (m_answeredThisSitting > 0)
        perClip = m_sitting.elapsed() / 1000.0 / m_answeredThisSitting;
    return left * perClip;
}

} // namespace tastelab
