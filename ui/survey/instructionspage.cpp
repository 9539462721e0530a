#include "survey/instructionspage.h"

#include "survey/surveystyle.h"

#include "uistyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tastelab {

InstructionsPage::InstructionsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("instructionsPage"));

    auto *title = new QLabel(tr("Before you start"), this);
    surveystyle::makeTitle(title);

    m_resume = new QLabel(this);
    m_resume->setObjectName(QStringLiteral("resumeLabel"));
    m_resume->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(m_resume);
    m_resume->setWordWrap(false); // one line; word wrap with centring clips the height
    m_resume->setStyleSheet(QStringLiteral(
        "background: #e8f1fb; border: 1px solid #9cc1e8; border-radius: 8px; padding: 8px;"));

    QScrollArea *scroll = surveystyle::scrolledText(QStringLiteral("instructionsText"), this, &m_text);

    m_keys = new QLabel(this);
    m_keys->setObjectName(QStringLiteral("keyHelpLabel"));
    m_keys->setAlignment(Qt::AlignCenter);
    m_keys->setWordWrap(true);
    uistyle::makeSecondary(m_keys);

    m_begin = new QPushButton(tr("Start listening"), this);
    m_begin->setObjectName(QStringLiteral("beginClipsButton"));
    m_begin->setDefault(true);
    surveystyle::makePrimaryButton(m_begin);

    auto *back = new QPushButton(tr("Back"), this);
    back->setObjectName(QStringLiteral("instructionsBackButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_resume, 0, Qt::AlignHCenter);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(scroll, 4);
    textRow->addStretch();
    layout->addLayout(textRow, 1);
    layout->addWidget(m_keys);
    layout->addWidget(m_begin, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(buttons);

    connect(m_begin, &QPushButton::clicked, this, &InstructionsPage::beginRequested);
    connect(back, &QPushButton::clicked, this, &InstructionsPage::backRequested);
}

void InstructionsPage::setContent(const QString &instructions, const QString &resumeNote,
                                  const QString &keyHelp)
{
    m_text->setText(instructions);
    m_resume->setText(resumeNote);
    m_resume->setVisible(!resumeNote.isEmpty());
    m_keys->setText(keyHelp);
    m_begin->setFocus();
}

} // namespace tastelab
