#include "survey/calibrationview.h"

#include "survey/surveystyle.h"

#include "uistyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tastelab {

CalibrationView::CalibrationView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("calibrationPage"));
    auto *title = new QLabel(tr("Set the volume"), this);
    surveystyle::makeTitle(title);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("calibrationText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMinimumWidth(480);
    surveystyle::makeBody(m_text);

    m_level = new QLabel(this);
    m_level->setObjectName(QStringLiteral("calibrationLevel"));
    m_level->setAlignment(Qt::AlignCenter);
    uistyle::makeSecondary(m_level);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("calibrationProblem"));
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    m_play = new QPushButton(this);
    m_play->setObjectName(QStringLiteral("calibrationPlayButton"));
    m_play->setMinimumSize(200, 48);

    auto *next = new QPushButton(tr("The volume is set — continue"), this);
    next->setObjectName(QStringLiteral("calibrationContinueButton"));
    next->setDefault(true);
    surveystyle::makePrimaryButton(next);

    auto *leave = new QPushButton(tr("Stop for now"), this);
    leave->setObjectName(QStringLiteral("calibrationLeaveButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(leave);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(18);
    layout->addStretch(2);
    layout->addWidget(title);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addWidget(m_level);
    layout->addWidget(m_play, 0, Qt::AlignHCenter);
    layout->addWidget(m_problem);
    layout->addSpacing(12);
    layout->addWidget(next, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    layout->addLayout(buttons);

    connect(m_play, &QPushButton::clicked, this, &CalibrationView::playToggled);
    connect(next, &QPushButton::clicked, this, &CalibrationView::continueRequested);
    connect(leave, &QPushButton::clicked, this, &CalibrationView::leaveRequested);
    setPlaying(false);
}

void CalibrationView::setContent(const QString &instructions, const QString &levelText)
{
    m_text->setText(instructions);
    m_level->setText(levelText);
    m_problem->hide();
}

void CalibrationView::setPlaying(bool playing)
{
    m_play->setText(playing ? tr("Stop the sound") : tr("Play the sound"));
}

void CalibrationView::setProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

} // namespace tastelab
