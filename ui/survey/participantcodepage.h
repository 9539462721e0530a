#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tastelab {

/// First survey page: the participant types their code to start or resume.
class ParticipantCodePage : public QWidget {
    Q_OBJECT
public:
    explicit ParticipantCodePage(QWidget *parent = nullptr);

    /// Clears the code and the message; shows the study's name.
    void reset(const QString &studyName);
    QString code() const;
    /// A line under the code field; error lines are shown in red.
    void setMessage(const QString &text, bool error);

Q_SIGNALS:
    void startRequested(const QString &code);
    void leaveRequested();
    void audioSettingsRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void requestStart();

    QLabel *m_studyName = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace tastelab
