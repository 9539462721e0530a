#include "survey/questionnairepage.h"

#include "survey/surveystyle.h"

#include "uistyle.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tastelab {

QuestionnairePage::QuestionnairePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("questionnairePage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("questionnaireTitle"));
    surveystyle::makeTitle(m_title);
    m_progress = new QLabel(this);
    m_progress->setAlignment(Qt::AlignCenter);
    uistyle::makeSecondary(m_progress);

    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("questionnaireForm"));
    m_formLayout = new QVBoxLayout(m_form);
    m_formLayout->setSpacing(18);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMaximumWidth(820);
    scroll->setMinimumWidth(520);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("questionnaireMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto *next = new QPushButton(tr("Continue"), this);
    next->setObjectName(QStringLiteral("questionnaireContinueButton"));
    surveystyle::makePrimaryButton(next);
    auto *leave = new QPushButton(tr("Stop for now"), this);
    leave->setObjectName(QStringLiteral("questionnaireLeaveButton"));
    leave->setToolTip(tr("Answers so far are saved; the participant can resume with the same code."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(leave);
    buttons->addStretch();

    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(scroll, 4);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    layout->addWidget(next, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addLayout(buttons);

    connect(next, &QPushButton::clicked, this, &QuestionnairePage::continueRequested);
    connect(leave, &QPushButton::clicked, this, &QuestionnairePage::leaveRequested);
}

void QuestionnairePage::setQuestionnaire(const Questionnaire &questionnaire, const QHash<QString, QJsonValue> &stored,
                                         const QString &progress)
{
    m_questionnaire = questionnaire;
    m_entries.clear();
    while (QLayoutItem *item = m_formLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_title->setText(questionnaire.title.isEmpty() ? tr("A few questions") : questionnaire.title);
    m_progress->setText(progress);
    m_progress->setVisible(!progress.isEmpty());
    setMessage(QString());

    for (const Question &q : questionnaire.questions) {
        auto *box = new QWidget(m_form);
        box->setObjectName(QStringLiteral("question_%1").arg(q.id));
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(q.required ? tr("%1 *").arg(q.text) : q.text, box);
        label->setWordWrap(true);
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        f.setBold(true);
        label->setFont(f);
        boxLayout->addWidget(label);

        Entry entry;
        entry.question = q;
        const QJsonValue old = stored.value(q.id);
        const QString id = q.id;
        switch (q.type) {
        case Question::Type::Text: {
            auto *edit = new QLineEdit(box);
            edit->setObjectName(QStringLiteral("answer_%1").arg(q.id));
            edit->setText(old.toString());
            connect(edit, &QLineEdit::editingFinished, this,
                    [this, id, edit] { Q_EMIT answerChanged(id, edit->text().trimmed()); });
            boxLayout->addWidget(edit);
            entry.control = edit;
            break;
        }
        case Question::Type::Single:
        case Question::Type::Likert: {
            auto *group = new QButtonGroup(box);
            auto *row = new QHBoxLayout;
            const bool likert = q.type == Question::Type::Likert;
            const int count = likert ? q.points : int(q.options.size());
            for (int i = 0; i < count; ++i) {
                QString text;
                if (likert) {
                    const QString anchor = q.anchors.size() == q.points ? q.anchors.value(i)
                        : (q.anchors.size() == 2 && i == 0)             ? q.anchors.value(0)
                        : (q.anchors.size() == 2 && i == count - 1)     ? q.anchors.value(1)
                                                                        : QString();
                    text = anchor.isEmpty() ? QString::number(i + 1) : tr("%1 %2").arg(i + 1).arg(anchor);
                } else {
                    text = q.options.value(i);
                }
                auto *radio = new QRadioButton(text, box);
                radio->setObjectName(QStringLiteral("answer_%1_%2").arg(q.id).arg(i));
                group->addButton(radio, i);
                const bool checked = likert ? (old.isDouble() && old.toInt() == i + 1) : old.toString() == text;
                radio->setChecked(checked);
                if (likert)
                    row->addWidget(radio);
                else
                    boxLayout->addWidget(radio);
            }
            if (likert) {
                row->addStretch();
                boxLayout->addLayout(row);
            } else {
                delete row;
            }
            const QStringList options = q.options;
            connect(group, &QButtonGroup::idClicked, this, [this, id, likert, options](int index) {
                Q_EMIT answerChanged(id, likert ? QJsonValue(index + 1) : QJsonValue(options.value(index)));
            });
            entry.group = group;
            break;
        }
        case Question::Type::Multiple: {
            const QJsonArray oldArray = old.toArray();
            for (int i = 0; i < q.options.size(); ++i) {
                auto *check = new QCheckBox(q.options.at(i), box);
                check->setObjectName(QStringLiteral("answer_%1_%2").arg(q.id).arg(i));
                check->setChecked(oldArray.contains(q.options.at(i)));
                boxLayout->addWidget(check);
                entry.checks << check;
            }
            const int index = int(m_entries.size());
            for (QCheckBox *check : std::as_const(entry.checks))
                connect(check, &QCheckBox::toggled, this,
                        [this, id, index] { Q_EMIT answerChanged(id, valueOf(m_entries.at(index))); });
            break;
        }
        }
        m_entries << entry;
        m_formLayout->addWidget(box);
    }
    m_formLayout->addStretch();
}

QJsonValue QuestionnairePage::valueOf(const Entry &e) const
{
    switch (e.question.type) {
    case Question::Type::Text: {
        const QString text = static_cast<QLineEdit *>(e.control)->text().trimmed();
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    case Question::Type::Single:
        return e.group->checkedId() < 0 ? QJsonValue() : QJsonValue(e.question.options.value(e.group->checkedId()));
    case Question::Type::Likert:
        return e.group->checkedId() < 0 ? QJsonValue() : QJsonValue(e.group->checkedId() + 1);
    case Question::Type::Multiple: {
        QJsonArray chosen;
        for (QCheckBox *c : e.checks)
            if (c->isChecked())
                chosen.append(c->text());
        return chosen;
    }
    }
    return QJsonValue();
}

QHash<QString, QJsonValue> QuestionnairePage::answers() const
{
    QHash<QString, QJsonValue> out;
    for (const Entry &e : m_entries) {
        const QJsonValue v = valueOf(e);
        if (!v.isNull() && !v.isUndefined())
            out.insert(e.question.id, v);
    }
    return out;
}

QStringList QuestionnairePage::missingRequired() const
{
    QStringList missing;
    for (const Entry &e : m_entries) {
        if (!e.question.required)
            continue;
        const QJsonValue v = valueOf(e);
        if (v.isNull() || v.isUndefined() || (v.isArray() && v.toArray().isEmpty()))
            missing << e.question.text;
    }
    return missing;
}

void QuestionnairePage::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace tastelab
