#include "survey/clippage.h"

#include "survey/surveystyle.h"

#include "uistyle.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace tastelab {

namespace {

QString formatTimeLeft(double seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return ClipPage::tr("Less than a minute left");
    const int minutes = int(std::ceil(seconds / 60.0));
    return ClipPage::tr("About %1 min left").arg(minutes);
}

} // namespace

ClipPage::ClipPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clipPage"));
    setFocusPolicy(Qt::StrongFocus);

    // --- the clip ---
    auto *clipView = new QWidget(this);
    clipView->setObjectName(QStringLiteral("clipView"));

    m_progressLabel = new QLabel(clipView);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    QFont progressFont = m_progressLabel->font();
    progressFont.setPointSizeF(progressFont.pointSizeF() * 1.4);
    progressFont.setBold(true);
    m_progressLabel->setFont(progressFont);

    m_progress = new QProgressBar(clipView);
    m_progress->setObjectName(QStringLiteral("surveyProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);

    m_timeLeft = new QLabel(clipView);
    m_timeLeft->setObjectName(QStringLiteral("timeLeftLabel"));
    m_timeLeft->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *top = new QHBoxLayout;
    top->addWidget(m_progressLabel);
    top->addWidget(m_progress, 1);
    top->addWidget(m_timeLeft);

    m_status = new QLabel(clipView);
    m_status->setObjectName(QStringLiteral("clipStatusLabel"));
    m_status->setAlignment(Qt::AlignCenter);
    surveystyle::makeTitle(m_status);

    m_listen = new QProgressBar(clipView);
    m_listen->setObjectName(QStringLiteral("listenProgress"));
    m_listen->setRange(0, 1000);
    m_listen->setTextVisible(false);
    m_listen->setFixedWidth(420);
    m_listen->setMaximumHeight(10);

    m_answerRow = new QWidget(clipView);
    m_answerRow->setObjectName(QStringLiteral("answerRow"));
    new QHBoxLayout(m_answerRow);
    m_answerRow->layout()->setSpacing(18);

    m_keyHelp = new QLabel(clipView);
    m_keyHelp->setObjectName(QStringLiteral("clipKeyHelpLabel"));
    m_keyHelp->setAlignment(Qt::AlignCenter);
    uistyle::makeSecondary(m_keyHelp);

    m_replay = new QPushButton(tr("Replay"), clipView);
    m_replay->setObjectName(QStringLiteral("replayButton"));
    m_replay->setFocusPolicy(Qt::NoFocus);
    m_replay->setMinimumSize(140, 40);
    m_pause = new QPushButton(tr("Pause"), clipView);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setFocusPolicy(Qt::NoFocus);
    m_pause->setMinimumSize(140, 40);

    m_back = new QPushButton(tr("Back"), clipView);
    m_back->setObjectName(QStringLiteral("clipBackButton"));
    m_back->setFocusPolicy(Qt::NoFocus);
    m_back->setMinimumSize(140, 40);
    m_back->setToolTip(tr("Go back to the previous clip and change its answer"));
    m_back->hide();
    m_skip = new QPushButton(tr("Skip"), clipView);
    m_skip->setObjectName(QStringLiteral("clipSkipButton"));
    m_skip->setFocusPolicy(Qt::NoFocus);
    m_skip->setMinimumSize(140, 40);
    m_skip->hide();

    m_banner = new QLabel(clipView);
    m_banner->setObjectName(QStringLiteral("clipBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    surveystyle::makeBody(m_banner);
    m_banner->setStyleSheet(QStringLiteral(
        "background: #fff4d6; border: 1px solid #e2c16b; border-radius: 8px; padding: 6px;"));
    m_banner->hide();
    m_earlier = new QLabel(clipView);
    m_earlier->setObjectName(QStringLiteral("earlierAnswerLabel"));
    m_earlier->setAlignment(Qt::AlignCenter);
    uistyle::makeSecondary(m_earlier);
    m_earlier->hide();

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_back);
    bottom->addWidget(m_replay);
    bottom->addStretch();
    bottom->addWidget(m_skip);
    bottom->addWidget(m_pause);

    auto *clipLayout = new QVBoxLayout(clipView);
    clipLayout->setContentsMargins(24, 16, 24, 16);
    clipLayout->setSpacing(16);
    clipLayout->addLayout(top);
    clipLayout->addWidget(m_banner);
    clipLayout->addStretch(2);
    clipLayout->addWidget(m_status);
    clipLayout->addWidget(m_listen, 0, Qt::AlignHCenter);
    clipLayout->addSpacing(28);
    clipLayout->addWidget(m_answerRow);
    clipLayout->addWidget(m_keyHelp);
    clipLayout->addWidget(m_earlier);
    clipLayout->addStretch(3);
    clipLayout->addLayout(bottom);

    // --- the cover (pause or problem) ---
    auto *cover = new QWidget(this);
    cover->setObjectName(QStringLiteral("pauseCover"));
    m_coverTitle = new QLabel(cover);
    m_coverTitle->setObjectName(QStringLiteral("pauseTitle"));
    surveystyle::makeTitle(m_coverTitle);
    m_coverMessage = new QLabel(cover);
    m_coverMessage->setObjectName(QStringLiteral("pauseMessage"));
    m_coverMessage->setAlignment(Qt::AlignCenter);
    m_coverMessage->setTextFormat(Qt::PlainText);
    m_coverMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_coverMessage->setMinimumWidth(520);
    m_coverMessage->setMaximumWidth(780);
    surveystyle::makeBody(m_coverMessage);
    m_coverButton = new QPushButton(cover);
    m_coverButton->setObjectName(QStringLiteral("resumeButton"));
    m_coverButton->setDefault(true);
    surveystyle::makePrimaryButton(m_coverButton);
    auto *leave = new QPushButton(tr("Stop for now"), cover);
    leave->setObjectName(QStringLiteral("coverLeaveButton"));
    leave->setToolTip(tr("Answers so far are saved; the participant can resume with the same code."));

    auto *coverBottom = new QHBoxLayout;
    coverBottom->addStretch();
    coverBottom->addWidget(leave);

    auto *coverLayout = new QVBoxLayout(cover);
    coverLayout->setContentsMargins(24, 16, 24, 16);
    coverLayout->setSpacing(18);
    coverLayout->addStretch(2);
    coverLayout->addWidget(m_coverTitle);
    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch();
    messageRow->addWidget(m_coverMessage, 4);
    messageRow->addStretch();
    coverLayout->addLayout(messageRow);
    coverLayout->addSpacing(12);
    coverLayout->addWidget(m_coverButton, 0, Qt::AlignHCenter);
    coverLayout->addStretch(3);
    coverLayout->addLayout(coverBottom);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(clipView);
    m_stack->addWidget(cover);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_replay, &QPushButton::clicked, this, &ClipPage::replayRequested);
    connect(m_pause, &QPushButton::clicked, this, &ClipPage::pauseRequested);
    connect(m_back, &QPushButton::clicked, this, &ClipPage::backRequested);
    connect(m_skip, &QPushButton::clicked, this, &ClipPage::skipRequested);
    connect(m_coverButton, &QPushButton::clicked, this, &ClipPage::resumeRequested);
    connect(leave, &QPushButton::clicked, this, &ClipPage::leaveRequested);

    setScale(StudySettings());
}

QString ClipPage::keyHelp(AnswerScale scale, int points)
{
    if (scale == AnswerScale::LikeDislike)
        return tr("Keys: L or → = Like · D or ← = Dislike · R = Replay · P = Pause");
    return tr("Keys: 1 to %1 = your answer · R = Replay · P = Pause").arg(points);
}

QString ClipPage::keyHelp() const
{
    return keyHelp(m_scale, m_points);
}

void ClipPage::setScale(const StudySettings &settings)
{
    qDeleteAll(m_answerButtons);
    m_answerButtons.clear();
    m_answerValues.clear();
    m_scale = settings.scale;
    m_points = settings.scalePoints();
    m_minValue = settings.minValue();

    auto *row = static_cast<QHBoxLayout *>(m_answerRow->layout());
    const QStringList anchors = settings.effectiveAnchors();
    if (m_scale == AnswerScale::LikeDislike) {
        // Dislike on the left, like on the right, matching the arrow keys.
        const QString dislikeText = anchors.value(0, tr("Dislike"));
        const QString likeText = anchors.value(1, tr("Like"));
        auto *dislike = new QPushButton(tr("%1\n(D / ←)").arg(dislikeText), m_answerRow);
        dislike->setObjectName(QStringLiteral("dislikeButton"));
        auto *like = new QPushButton(tr("%1\n(L / →)").arg(likeText), m_answerRow);
        like->setObjectName(QStringLiteral("likeButton"));
        m_answerButtons << dislike << like;
        m_answerValues << 0 << 1;
    } else {
        for (int i = 0; i < m_points; ++i) {
            const int value = m_minValue + i;
            const QString anchor = anchors.value(i);
            auto *button = new QPushButton(anchor.isEmpty() ? QString::number(i + 1)
                                                            : tr("%1\n%2").arg(i + 1).arg(anchor),
                                           m_answerRow);
            button->setObjectName(QStringLiteral("answerButton%1").arg(value));
            m_answerButtons << button;
            m_answerValues << value;
        }
    }
    for (int i = 0; i < m_answerButtons.size(); ++i) {
        QPushButton *button = m_answerButtons.at(i);
        surveystyle::makeAnswerButton(button);
        if (m_scale != AnswerScale::LikeDislike) {
            QFont font = button->font();
            font.setPointSizeF(font.pointSizeF() * (m_points > 5 ? 0.6 : 0.7));
            button->setFont(font);
            button->setMinimumWidth(96);
        } else {
            button->setMinimumWidth(240);
        }
        row->addWidget(button, 1);
        const int value = m_answerValues.at(i);
        connect(button, &QPushButton::clicked, this, [this, value] { choose(value); });
    }
    m_keyHelp->setText(keyHelp());
    setUnlocked(m_unlocked);
}

void ClipPage::showClip(int position, int total, int answered, double secondsLeft)
{
    m_progressLabel->setText(tr("%1 / %2").arg(position + 1).arg(total));
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(answered);
    m_timeLeft->setText(formatTimeLeft(secondsLeft));
    m_listen->setValue(0);
    setReplays(0);
    hideCover();
}

void ClipPage::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    for (QPushButton *button : std::as_const(m_answerButtons))
        button->setEnabled(unlocked);
    m_status->setText(unlocked ? tr("Your answer?") : tr("Listen…"));
}

void ClipPage::setListening(double played, double length, double unlockAt)
{
    m_listen->setValue(length > 0 ? qBound(0, int(played / length * 1000), 1000) : 0);
    if (!m_unlocked && unlockAt > played && unlockAt < length - 0.05) {
        m_status->setText(tr("Listen… (answer in %1 s)").arg(int(std::ceil(unlockAt - played))));
    }
}

void ClipPage::setReplays(int replays)
{
    m_replays = replays;
    if (m_maxReplays >= 0) {
        m_replay->setText(tr("Replay (%1 of %2)").arg(replays).arg(m_maxReplays));
        m_replay->setEnabled(replays < m_maxReplays);
    } else {
        m_replay->setText(replays > 0 ? tr("Replay (%1)").arg(replays) : tr("Replay"));
        m_replay->setEnabled(true);
    }
}

void ClipPage::setRules(int maxReplays, bool allowBack, bool allowSkip)
{
    m_maxReplays = maxReplays;
    m_back->setVisible(allowBack);
    m_skip->setVisible(allowSkip);
    setReplays(m_replays);
}

void ClipPage::setBackEnabled(bool enabled)
{
    m_back->setEnabled(enabled);
}

void ClipPage::setSkipEnabled(bool enabled)
{
    m_skip->setEnabled(enabled);
}

void ClipPage::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void ClipPage::setEarlierAnswer(const QString &text)
{
    m_earlier->setText(text.isEmpty() ? QString() : tr("Your earlier answer: %1. Choose again to change it.").arg(text));
    m_earlier->setVisible(!text.isEmpty());
}

void ClipPage::showCover(const QString &title, const QString &message, const QString &buttonText)
{
    m_coverTitle->setText(title);
    m_coverMessage->setText(message);
    m_coverButton->setText(buttonText);
    m_stack->setCurrentIndex(1);
    m_coverButton->setFocus();
}

void ClipPage::hideCover()
{
    m_stack->setCurrentIndex(0);
    setFocus();
}

bool ClipPage::isCovered() const
{
    return m_stack->currentIndex() == 1;
}

void ClipPage::choose(int value)
{
    if (m_unlocked && !isCovered())
        Q_EMIT answerChosen(value);
}

void ClipPage::keyPressEvent(QKeyEvent *event)
{
    if (event->isAutoRepeat()) {
        event->accept();
        return;
    }
    const int key = event->key();
    if (key == Qt::Key_P || key == Qt::Key_Pause) {
        Q_EMIT(isCovered() ? resumeRequested() : pauseRequested());
        event->accept();
        return;
    }
    if (isCovered()) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (key == Qt::Key_R) {
        if (replayAllowed())
            Q_EMIT replayRequested();
        event->accept();
        return;
    }
    if (m_scale == AnswerScale::LikeDislike) {
        if (key == Qt::Key_L || key == Qt::Key_Right) {
            choose(1);
            event->accept();
            return;
        }
        if (key == Qt::Key_D || key == Qt::Key_Left) {
            choose(0);
            event->accept();
            return;
        }
    } else if (key >= Qt::Key_1 && key < Qt::Key_1 + m_points) {
        choose(m_minValue + (key - Qt::Key_1));
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace tastelab
