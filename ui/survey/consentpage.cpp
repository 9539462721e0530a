#include "survey/consentpage.h"

#include "survey/surveystyle.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tastelab {

ConsentPage::ConsentPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("consentPage"));
    auto *title = new QLabel(tr("Consent"), this);
    surveystyle::makeTitle(title);

    QScrollArea *scroll = surveystyle::scrolledText(QStringLiteral("consentText"), this, &m_text);

    m_agree = new QCheckBox(tr("I have read the text above and agree to take part."), this);
    m_agree->setObjectName(QStringLiteral("consentCheck"));
    QFont f = m_agree->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_agree->setFont(f);

    m_continue = new QPushButton(tr("Continue"), this);
    m_continue->setObjectName(QStringLiteral("consentContinueButton"));
    m_continue->setEnabled(false);
    surveystyle::makePrimaryButton(m_continue);

    auto *leave = new QPushButton(tr("I do not agree"), this);
    leave->setObjectName(QStringLiteral("consentDeclineButton"));
    leave->setToolTip(tr("Nothing more is recorded; the researcher can start again."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(leave);
    buttons->addStretch();

    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(scroll, 4);
    textRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addLayout(textRow, 1);
    layout->addWidget(m_agree, 0, Qt::AlignHCenter);
    layout->addWidget(m_continue, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(buttons);

    connect(m_agree, &QCheckBox::toggled, m_continue, &QPushButton::setEnabled);
    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (m_agree->isChecked())
            Q_EMIT accepted();
    });
    connect(leave, &QPushButton::clicked, this, &ConsentPage::leaveRequested);
}

void ConsentPage::setText(const QString &text)
{
    m_text->setText(text);
    m_agree->setChecked(false);
    m_continue->setEnabled(false);
}

} // namespace tastelab
