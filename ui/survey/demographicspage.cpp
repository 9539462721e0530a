#include "survey/demographicspage.h"

#include "survey/surveystyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tastelab {

DemographicsPage::DemographicsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("demographicsPage"));

    auto *title = new QLabel(tr("About you"), this);
    surveystyle::makeTitle(title);
    auto *intro = new QLabel(tr("A few questions before we start. You may leave any of them empty."), this);
    intro->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(intro);

    auto *formHost = new QWidget(this);
    formHost->setMaximumWidth(560);
    m_form = new QFormLayout(formHost);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setVerticalSpacing(14);
    QFont formFont = formHost->font();
    formFont.setPointSizeF(formFont.pointSizeF() * 1.25);
    formHost->setFont(formFont);

    auto *back = new QPushButton(tr("Back"), this);
    back->setObjectName(QStringLiteral("demographicsBackButton"));
    auto *next = new QPushButton(tr("Continue"), this);
    next->setObjectName(QStringLiteral("demographicsContinueButton"));
    next->setDefault(true);
    surveystyle::makePrimaryButton(next);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(next);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(24);
    layout->addWidget(formHost, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    layout->addLayout(buttons);

    connect(next, &QPushButton::clicked, this, &DemographicsPage::continueRequested);
    connect(back, &QPushButton::clicked, this, &DemographicsPage::backRequested);
}

void DemographicsPage::setup(bool askAge, const QStringList &fields)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_age = nullptr;
    m_fields.clear();
    m_questions.clear();

    if (askAge) {
        m_age = new QSpinBox;
        m_age->setObjectName(QStringLiteral("ageSpin"));
        m_age->setRange(0, 120);
        m_age->setSpecialValueText(tr("Prefer not to say"));
        m_age->setValue(0);
        m_age->setMinimumWidth(220);
        m_form->addRow(tr("Age:"), m_age);
    }
    for (const QString &question : fields) {
        if (question.trimmed().isEmpty())
            continue;
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("demographicField%1").arg(m_fields.size()));
        edit->setMinimumWidth(280);
        m_form->addRow(question.trimmed() + QLatin1Char(':'), edit);
        m_fields.append(edit);
        m_questions.append(question.trimmed());
    }
}

QJsonObject DemographicsPage::demographics() const
{
    QJsonObject json;
    if (m_age && m_age->value() > 0)
        json.insert(QStringLiteral("age"), m_age->value());
    for (int i = 0; i < m_fields.size(); ++i) {
        const QString answer = m_fields.at(i)->text().trimmed();
        if (!answer.isEmpty())
            json.insert(m_questions.at(i), answer);
    }
    return json;
}

} // namespace tastelab
