#include "surveytab.h"

#include "uistyle.h"

#include "study/study.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tastelab {

namespace {
QString scaleText(AnswerScale scale)
{
    switch (scale) {
    case AnswerScale::LikeDislike:
        return SurveyTab::tr("like / dislike");
    case AnswerScale::Likert5:
        return SurveyTab::tr("a 5-point scale");
    case AnswerScale::Likert7:
        return SurveyTab::tr("a 7-point scale");
    }
    return QString();
}
} // namespace

SurveyTab::SurveyTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("surveyTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(uistyle::pageTitle(tr("Survey"), this));

    auto *stateRow = new QHBoxLayout;
    m_state = uistyle::stateLabel(QStringLiteral("surveyStateLabel"), this);
    stateRow->addWidget(m_state, 1);
    m_studyButton = new QPushButton(tr("Go to the Study page"), this);
    m_studyButton->setObjectName(QStringLiteral("surveyStudyButton"));
    stateRow->addWidget(m_studyButton);
    layout->addLayout(stateRow);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("surveyCountsLabel"));
    QFont big = m_counts->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_counts->setFont(big);
    m_counts->setWordWrap(true);
    layout->addWidget(m_counts);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("surveyPlanLabel"));
    m_plan->setWordWrap(true);
    layout->addWidget(m_plan);
    m_inProgress = new QLabel(this);
    m_inProgress->setObjectName(QStringLiteral("surveyInProgressLabel"));
    m_inProgress->setWordWrap(true);
    uistyle::makeSecondary(m_inProgress);
    layout->addWidget(m_inProgress);
    layout->addSpacing(12);

    auto *startRow = new QHBoxLayout;
    m_start = new QPushButton(tr("Start survey"), this);
    m_start->setObjectName(QStringLiteral("startSurveyButton"));
    QFont bold = m_start->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_start->setFont(bold);
    m_start->setMinimumSize(200, 44);
    m_start->setDefault(true);
    startRow->addWidget(m_start);
    startRow->addStretch(1);
    layout->addLayout(startRow);

    m_help = new QLabel(tr("The survey takes the whole window. The participant enters a code (a code that was "
                           "used before resumes at its first unanswered clip), answers the questions, reads the "
                           "instructions and hears the clips one by one. Every answer is saved at once. To leave, "
                           "use the Leave button or Survey > End Session (Ctrl+Shift+E)."),
                        this);
    m_help->setObjectName(QStringLiteral("surveyHelpLabel"));
    m_help->setWordWrap(true);
    uistyle::makeSecondary(m_help);
    layout->addWidget(m_help);
    layout->addSpacing(8);

    m_tableTitle = new QLabel(tr("Participants so far:"), this);
    layout->addWidget(m_tableTitle);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("surveyParticipantTable"));
    m_table->setHorizontalHeaderLabels({tr("Participant"), tr("Answered"), tr("Last answer"), tr("Status")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setMaximumWidth(640);
    layout->addWidget(m_table, 1);
    layout->addStretch(0); // takes the space while the table is hidden

    connect(m_start, &QPushButton::clicked, this, &SurveyTab::startSurveyRequested);
    connect(m_studyButton, &QPushButton::clicked, this, &SurveyTab::studyPageRequested);
    refresh();
}

void SurveyTab::setStudy(Study *study)
{
    m_study = study;
    refresh();
}

void SurveyTab::refresh()
{
    m_started = 0;
    m_finished = 0;
    int answers = 0;
    QStringList inProgress;
    const bool haveTracks = m_study && !m_study->tracks().isEmpty();
    m_table->setRowCount(0);
    if (m_study) {
        for (const Participant &p : m_study->participants()) {
            const QVector<Answer> given = m_study->answers(p.id);
            const int answered = int(given.size());
            const int total = int(m_study->plan(p.id).size());
            answers += answered;
            if (answered > 0 || p.finishedAt.isValid())
                ++m_started;
            if (p.finishedAt.isValid())
                ++m_finished;
            else if (answered > 0)
                inProgress << p.code;
            QDateTime last;
            for (const Answer &a : given)
                if (!last.isValid() || a.answeredAt > last)
                    last = a.answeredAt;
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const QStringList cells{p.code, tr("%1 / %2").arg(answered).arg(total),
                                    last.isValid() ? QLocale().toString(last.toLocalTime(), QLocale::ShortFormat)
                                                   : tr("–"),
                                    p.finishedAt.isValid() ? tr("finished")
                                        : answered > 0     ? tr("in progress: the same code resumes")
                                                           : tr("not started")};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells[c]);
                if (c == 1)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(row, c, item);
            }
        }
    }
    m_tableTitle->setVisible(m_table->rowCount() > 0);
    m_table->setVisible(m_table->rowCount() > 0);
    if (!m_study) {
        m_state->setText(tr("No study is open: create or open one on the Study page, then start the survey here."));
    } else if (!haveTracks) {
        m_state->setText(tr("This study has no tracks, so there is nothing to play: every file of its music folder "
                            "was skipped at import (see the import issues on the Study page). Create a new study "
                            "from a folder of music (File > New Study)."));
    } else {
        m_state->clear();
    }
    m_state->setVisible(!m_state->text().isEmpty());
    m_studyButton->setVisible(!m_study || !haveTracks);
    m_start->setEnabled(haveTracks);

    if (m_study) {
        m_counts->setText(tr("Participants: %1 started · %2 finished · %n answer(s)", "", answers)
                              .arg(m_started)
                              .arg(m_finished));
        const StudySettings s = m_study->settings();
        m_plan->setText(haveTracks ? tr("Each participant hears up to %n clip(s) of %1 s from %2 tracks and answers on %3.", "",
                                        s.clipsPerParticipant)
                                         .arg(s.clipSeconds, 0, 'g', 3)
                                         .arg(m_study->tracks().size())
                                         .arg(scaleText(s.scale))
                                   : QString());
        m_inProgress->setText(inProgress.isEmpty() ? QString()
                                                   : tr("Not finished yet: %1. Entering the same code resumes at "
                                                        "the first unanswered clip.")
                                                         .arg(inProgress.join(QStringLiteral(", "))));
    } else {
        m_counts->clear();
        m_plan->clear();
        m_inProgress->clear();
    }
    m_counts->setVisible(m_study != nullptr && (haveTracks || m_started > 0));
    m_plan->setVisible(!m_plan->text().isEmpty());
    m_inProgress->setVisible(!m_inProgress->text().isEmpty());
    m_help->setVisible(haveTracks);
}

} // namespace tastelab
