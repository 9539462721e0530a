#include "study/participantsession.h"

#include <QCoreApplication>
#include <QDir>

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
        }
    }
    session->m_sitting.start();
    return session;
}

int ParticipantSession::nextPosition() const
{
    for (int i = 0; i < m_answeredAt.size(); ++i)
        if (!m_answeredAt[i])
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

bool ParticipantSession::answer(int position, int value, qint64 responseMs, int replays, QString *error)
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
    if (isFinished())
        m_study.markFinished(m_participant.id);
    return true;
}

double ParticipantSession::secondsLeft() const
{
    const int left = total() - answeredCount();
    double perClip = m_plan.isEmpty() ? 0 : m_plan.first().lengthSeconds + 3.0;
    if (m_answeredThisSitting > 0)
        perClip = m_sitting.elapsed() / 1000.0 / m_answeredThisSitting;
    return left * perClip;
}

} // namespace tastelab
