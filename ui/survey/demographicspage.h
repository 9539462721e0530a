#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace tastelab {

/// Optional questions asked once, before a new participant's first clip.
class DemographicsPage : public QWidget {
    Q_OBJECT
public:
    explicit DemographicsPage(QWidget *parent = nullptr);

    /// Rebuilds the form: an age field when askAge, then one line per free question.
    void setup(bool askAge, const QStringList &fields);
    /// {"age": 31, "<question>": "<answer>", ...}; unanswered questions are left out.
    QJsonObject demographics() const;

Q_SIGNALS:
    void continueRequested();
    void backRequested();

private:
    QFormLayout *m_form = nullptr;
    QSpinBox *m_age = nullptr;
    QList<QLineEdit *> m_fields;
    QStringList m_questions;
};

} // namespace tastelab
