#pragma once

#include <QWidget>

class QLabel;

namespace tastelab {

/// "Thank you" after the last clip, with the participant's consistency when repeats were used.
class FinishPage : public QWidget {
    Q_OBJECT
public:
    explicit FinishPage(QWidget *parent = nullptr);

    /// consistency in [0, 1], or < 0 to hide the line.
    void setResult(int answered, double consistency);
    /// The study's finish text (StudySettings::finishText); empty hides it.
    void setText(const QString &text);

Q_SIGNALS:
    void nextParticipantRequested();
    void leaveRequested();

private:
    QLabel *m_text = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_consistency = nullptr;
};

} // namespace tastelab
