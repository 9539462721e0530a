#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tastelab {

/// The study's instructions (or consent text), a resume note and the key help; Start begins the
/// clips.
class InstructionsPage : public QWidget {
    Q_OBJECT
public:
    explicit InstructionsPage(QWidget *parent = nullptr);

    /// resumeNote is shown highlighted above the instructions when not empty.
    void setContent(const QString &instructions, const QString &resumeNote, const QString &keyHelp);

Q_SIGNALS:
    void beginRequested();
    void backRequested();

private:
    QLabel *m_resume = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_keys = nullptr;
    QPushButton *m_begin = nullptr;
};

} // namespace tastelab
