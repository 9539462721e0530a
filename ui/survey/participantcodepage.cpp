#include "survey/participantcodepage.h"

#include "survey/surveystyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace tastelab {

ParticipantCodePage::ParticipantCodePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("participantCodePage"));

    auto *title = new QLabel(tr("Welcome"), this);
    surveystyle::makeTitle(title);
    m_studyName = new QLabel(this);
    m_studyName->setObjectName(QStringLiteral("surveyStudyName"));
    m_studyName->setAlignment(Qt::AlignCenter);
    surveystyle::makeSubtitle(m_studyName);

    auto *prompt = new QLabel(tr("Please enter your participant code:"), this);
    prompt->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(prompt);

    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("participantCodeEdit"));
    m_code->setPlaceholderText(tr("e.g. P017"));
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setMaxLength(64);
    // Codes end up in file names and spreadsheets: letters, digits and - _ . only.
    m_code->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_.\\-]{0,64}")), m_code));
    QFont codeFont = m_code->font();
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.6);
    m_code->setFont(codeFont);
    m_code->setMinimumWidth(320);

    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("startSessionButton"));
    m_start->setDefault(true);
    m_start->setEnabled(false);
    surveystyle::makePrimaryButton(m_start);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("codeMessageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    surveystyle::makeBody(m_message);

    auto *audio = new QPushButton(tr("Audio settings…"), this);
    audio->setObjectName(QStringLiteral("audioSettingsButton"));
    auto *leave = new QPushButton(tr("Back to study overview"), this);
    leave->setObjectName(QStringLiteral("leaveSurveyButton"));

    auto *card = new QVBoxLayout;
    card->setSpacing(14);
    card->addWidget(title);
    card->addWidget(m_studyName);
    card->addSpacing(24);
    card->addWidget(prompt);
    card->addWidget(m_code, 0, Qt::AlignHCenter);
    card->addWidget(m_start, 0, Qt::AlignHCenter);
    card->addWidget(m_message);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(audio);
    bottom->addStretch();
    bottom->addWidget(leave);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(card);
    layout->addStretch(3);
    layout->addLayout(bottom);

    connect(m_code, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_start->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_code, &QLineEdit::returnPressed, this, &ParticipantCodePage::requestStart);
    connect(m_start, &QPushButton::clicked, this, &ParticipantCodePage::requestStart);
    connect(leave, &QPushButton::clicked, this, &ParticipantCodePage::leaveRequested);
    connect(audio, &QPushButton::clicked, this, &ParticipantCodePage::audioSettingsRequested);
}

void ParticipantCodePage::reset(const QString &studyName)
{
    m_studyName->setText(studyName);
    m_code->clear();
    setMessage(QString(), false);
}

QString ParticipantCodePage::code() const
{
    return m_code->text().trimmed();
}

void ParticipantCodePage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void ParticipantCodePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_code->setFocus();
}

void ParticipantCodePage::requestStart()
{
    if (!code().isEmpty())
        Q_EMIT startRequested(code());
}

} // namespace tastelab
