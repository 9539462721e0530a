#include "survey/finishpage.h"

#include "survey/surveystyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tastelab {

FinishPage::FinishPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("finishPage"));

    auto *title = new QLabel(tr("Thank you!"), this);
    surveystyle::makeTitle(title);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("finishSummaryLabel"));
    m_summary->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(m_summary);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("finishText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextFormat(Qt::PlainText);
    surveystyle::makeBody(m_text);
    m_text->hide();
    m_consistency = new QLabel(this);
    m_consistency->setObjectName(QStringLiteral("consistencyLabel"));
    m_consistency->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(m_consistency);

    auto *next = new QPushButton(tr("Next participant"), this);
    next->setObjectName(QStringLiteral("nextParticipantButton"));
    surveystyle::makePrimaryButton(next);
    auto *leave = new QPushButton(tr("Back to study overview"), this);
    leave->setObjectName(QStringLiteral("finishLeaveButton"));

    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(leave);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(16);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addWidget(m_text);
    layout->addWidget(m_summary);
    layout->addWidget(m_consistency);
    layout->addSpacing(24);
    layout->addWidget(next, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    layout->addLayout(bottom);

    connect(next, &QPushButton::clicked, this, &FinishPage::nextParticipantRequested);
    connect(leave, &QPushButton::clicked, this, &FinishPage::leaveRequested);
}

void FinishPage::setResult(int answered, double consistency)
{
    m_summary->setText(tr("Clips answered: %1. Your answers are saved.").arg(answered));
    if (consistency >= 0) {
        m_consistency->setText(tr("Clips you heard twice got the same answer %1 % of the time.")
                                   .arg(qRound(consistency * 100)));
        m_consistency->show();
    } else {
        m_consistency->hide();
    }
}

void FinishPage::setText(const QString &text)
{
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

} // namespace tastelab
