#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

namespace tastelab {

/// The consent page: the study's consent text and "I agree"; Continue stays disabled until the
/// box is ticked. SurveyWidget stores the acceptance with its time.
class ConsentPage : public QWidget {
    Q_OBJECT
public:
    explicit ConsentPage(QWidget *parent = nullptr);
    void setText(const QString &text);

Q_SIGNALS:
    void accepted();
    void leaveRequested();

private:
    QLabel *m_text = nullptr;
    QCheckBox *m_agree = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace tastelab
