#pragma once

#include "study/study.h"
#include "study/surveydata.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

namespace tastelab {

/// One page of a participant's survey, in order: consent, calibration, practice clips, the
/// "before" questionnaires, the clips (catch clips among them, "between-blocks" questionnaires
/// where the block changes), the "end" questionnaires. Derived from the settings and the stored
/// schedule, so a resumed session rebuilds the same list.
struct SurveyStep {
    enum class Kind { Consent, Calibration, Practice, Questionnaire, Clip, Catch };
    Kind kind = Kind::Clip;
    int position = -1;   ///< Clip: the plan position
    int extra = -1;      ///< Practice, Catch: index into ParticipantSession::extras()
    QString questionnaireId;
    int occurrence = 0;  ///< Questionnaire: between-blocks: the block just finished
    int block = 0;

    bool isClipLike() const { return kind == Kind::Clip || kind == Kind::Catch || kind == Kind::Practice; }
};

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
    /// First position neither answered nor skipped, or total() when the participant is done.
    int nextPosition() const;
    bool isFinished() const { return nextPosition() >= total(); }

    const Clip &clip(int position) const { return m_plan.at(position); }
    std::optional<Track> track(int position) const;
    /// The file to play for a position (empty with *error when the file is missing).
    QString clipFile(int position, QString *error) const;

    /// Records the answer for position (in its own committed transaction) and, when it was the
    /// last step, marks the participant finished. False with *error on failure (nothing stored).
    bool answer(int position, int value, qint64 responseMs, int replays, QString *error,
                const AnswerIntegrity &integrity = AnswerIntegrity());

    // --- the pages of the survey (issue 8) ---
    const QVector<SurveyStep> &steps() const { return m_steps; }
    const QVector<ExtraClip> &extras() const { return m_extras; }
    bool isStepDone(int step) const;
    /// First step not done; steps().size() when everything is done.
    int nextStep() const;
    bool allStepsDone() const { return nextStep() >= m_steps.size(); }
    /// The file of a practice or catch clip (empty with *error when missing).
    QString extraFile(int extra, QString *error) const;
    /// Stores the consent (with its time) / the end of calibration (with the volume set).
    bool acceptConsent(QString *error);
    bool finishCalibration(const QJsonObject &detail, QString *error);
    /// True once the calibration page was finished (in this sitting or an earlier one).
    bool calibrated() const { return m_calibrated; }
    bool answerExtra(int extra, int value, qint64 responseMs, int replays, const AnswerIntegrity &integrity,
                     QString *error);
    /// The stored value of a clip-like step, or nullopt when not answered.
    std::optional<int> storedValue(const SurveyStep &step) const;
    /// Changes the answer of a clip-like step that was answered before (Back), keeping both values.
    bool revise(const SurveyStep &step, int value, qint64 responseMs, QString *error);
    bool saveQuestion(const SurveyStep &step, const QString &questionId, const QJsonValue &value, QString *error);
    /// Stored answers of a questionnaire step, by question id.
    QHash<QString, QJsonValue> questionAnswers(const SurveyStep &step) const;
    bool finishQuestionnaire(const SurveyStep &step, QString *error);
    /// Records that the participant skipped a clip-like step (only offered when the study's
    /// rules.forceAnswer is off): a participant event "skip" (surveydata::skips()), committed at
    /// once. The step then counts as done: it is not presented again on resume, and the participant
    /// is marked finished when every other page is done. False with *error when it cannot be
    /// stored, or when the step is not a clip or is answered already.
    bool skip(const SurveyStep &step, qint64 responseMs, int replays, QString *error);
    bool isSkipped(const SurveyStep &step) const;
    int skippedCount() const { return int(m_skippedClips.size() + m_skippedExtras.size()); }

    /// Logs an event (volume change, focus loss ...) for the participant.
    bool logEvent(const QString &kind, const QJsonObject &detail);

    /// Estimated seconds left, from the average time per answered clip in this sitting (or clip
    /// length + 3 s before the first answer).
    double secondsLeft() const;

private:
    ParticipantSession(Study &study) : m_study(study) {}
    void buildSteps();
    void markFinishedWhenDone();

    Study &m_study;
    Participant m_participant;
    QVector<Clip> m_plan;
    QVector<bool> m_answeredAt;
    QVector<int> m_answered;
    bool m_isNew = false;
    QVector<ExtraClip> m_extras;
    QVector<SurveyStep> m_steps;
    QHash<int, int> m_extraValues; ///< extra index -> stored value
    QHash<int, int> m_clipValues;  ///< plan position -> stored value
    QSet<int> m_skippedClips;      ///< plan positions skipped
    QSet<int> m_skippedExtras;     ///< extra indexes skipped
    bool m_consented = false;
    bool m_calibrated = false;
    QSet<QString> m_questionnairesDone; ///< "id#occurrence"
    QHash<QString, QHash<QString, QJsonValue>> m_questionAnswers; ///< "id#occurrence" -> answers
    QElapsedTimer m_sitting;
    int m_answeredThisSitting = 0;
};

} // namespace tastelab
