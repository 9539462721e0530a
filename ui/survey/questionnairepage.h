#pragma once

#include "study/studysettings.h"

#include <QHash>
#include <QJsonValue>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QVBoxLayout;

namespace tastelab {

/// A questionnaire page: every question of one questionnaire with its control (a text field,
/// radio buttons, check boxes or a Likert row). Every change is reported at once
/// (answerChanged), so SurveyWidget stores it and a participant who stops mid-page finds the
/// answers again. Continue checks the required questions.
class QuestionnairePage : public QWidget {
    Q_OBJECT
public:
    explicit QuestionnairePage(QWidget *parent = nullptr);

    /// Builds the page; stored holds earlier answers by question id.
    void setQuestionnaire(const Questionnaire &questionnaire, const QHash<QString, QJsonValue> &stored,
                          const QString &progress);
    /// The current answers by question id (unanswered questions are missing).
    QHash<QString, QJsonValue> answers() const;
    /// Texts of the required questions without an answer.
    QStringList missingRequired() const;
    void setMessage(const QString &message);

Q_SIGNALS:
    void answerChanged(const QString &questionId, const QJsonValue &value);
    void continueRequested();
    void leaveRequested();

private:
    struct Entry {
        Question question;
        QWidget *control = nullptr;
        QButtonGroup *group = nullptr; ///< single, likert
        QList<QCheckBox *> checks; ///< multiple
    };
    QJsonValue valueOf(const Entry &entry) const;

    Questionnaire m_questionnaire;
    QList<Entry> m_entries;
    QLabel *m_title = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_form = nullptr;
    QVBoxLayout *m_formLayout = nullptr;
};

} // namespace tastelab
