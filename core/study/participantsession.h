#pragma once

#include "study/study.h"

#include <QElapsedTimer>

namespace tastelab {

/// A participant taking a study: start or resume by code, walk the stored plan, record answers.
/// Used by the GUI survey page and by `tastelab-cli simulate`. Same threading rule as Study.
class ParticipantSession {
public:
    /// Resumes the participant with this code, or creates them (with seed, or a random seed when
    /// seed is 0) and their plan. Returns nullptr with *error on failure.
    static std::unique_ptr<ParticipantSession> startOrResume(Study &study, const QString &code,
                                                             const QJsonObject &demographics, quint64 seed,
                                                             QString *error, QStringList *planNotes = nullptr);

    const Participant &participant() const { return m_participant; }
    bool isNew() const { return m_isNew; }
    int total() const { return m_plan.size(); }
    int answeredCount() const { return m_answered.size(); }
    /// First unanswered position, or total() when the participant is done.
    int nextPosition() const;
    bool isFinished() const { return nextPosition() >= total(); }

    const Clip &clip(int position) const { return m_plan.at(position); }
    std::optional<Track> track(int position) const;
    /// The file to play for a position (empty with *error when the file is missing).
    QString clipFile(int position, QString *error) const;

    /// Records the answer for position (in its own committed transaction) and, when it was the
    /// last one, marks the participant finished. False with *error on failure (nothing stored).
    bool answer(int position, int value, qint64 responseMs, int replays, QString *error);

    /// Estimated seconds left, from the average time per answered clip in this sitting (or clip
    /// length + 3 s before the first answer).
    double secondsLeft() const;

private:
    ParticipantSession(Study &study) : m_study(study) {}
    Study &m_study;
    Participant m_participant;
    QVector<Clip> m_plan;
    QVector<bool> m_answeredAt;
    QVector<int> m_answered;
    bool m_isNew = false;
    QElapsedTimer m_sitting;
    int m_answeredThisSitting = 0;
};

} // namespace tastelab
