#include "listenerpage.h"

#include "playback/clipplayer.h"
#include "preferencesdialog.h"
#include "study/study.h"
#include "uistyle.h"

#include <qcustomplot.h>

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QKeyEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace tastelab {

namespace {

QString clipTime(double seconds)
{
    const int s = int(std::lround(seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ListenerPage::ListenerPage(ClipPlayer *player, QWidget *parent) : QWidget(parent), m_player(player)
{
    setObjectName(QStringLiteral("listenerPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = uistyle::pageTitle(tr("Learn my taste"), this);
    layout->addWidget(m_title);
    m_state = uistyle::stateLabel(QStringLiteral("listenerStateLabel"), this);
    layout->addWidget(m_state);

    // The clip being rated.
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("listenerCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 20, 24, 20);
    m_trackTitle = new QLabel(card);
    m_trackTitle->setObjectName(QStringLiteral("listenerTrackTitle"));
    QFont big = m_trackTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_trackTitle->setFont(big);
    m_trackTitle->setWordWrap(true);
    m_trackDetails = new QLabel(card);
    m_trackDetails->setObjectName(QStringLiteral("listenerTrackDetails"));
    m_reason = new QLabel(card);
    m_reason->setObjectName(QStringLiteral("listenerReason"));
    m_reason->setWordWrap(true);
    uistyle::makeSecondary(m_reason);
    m_playProgress = new QProgressBar(card);
    m_playProgress->setObjectName(QStringLiteral("listenerPlayProgress"));
    m_playProgress->setRange(0, 1000);
    m_playProgress->setTextVisible(false);
    m_playProgress->setMaximumHeight(8);
    cardLayout->addWidget(m_trackTitle);
    cardLayout->addWidget(m_trackDetails);
    cardLayout->addSpacing(6);
    cardLayout->addWidget(m_playProgress);
    cardLayout->addWidget(m_reason);

    auto *buttons = new QHBoxLayout;
    m_dislike = new QPushButton(tr("Not for me  (D)"), card);
    m_dislike->setObjectName(QStringLiteral("listenerDislikeButton"));
    m_replay = new QPushButton(tr("Replay  (R)"), card);
    m_replay->setObjectName(QStringLiteral("listenerReplayButton"));
    m_skip = new QPushButton(tr("Skip  (S)"), card);
    m_skip->setObjectName(QStringLiteral("listenerSkipButton"));
    m_skip->setToolTip(tr("Leave this clip out for now: nothing is saved"));
    m_like = new QPushButton(tr("I like it  (L)"), card);
    m_like->setObjectName(QStringLiteral("listenerLikeButton"));
    for (QPushButton *b : {m_dislike, m_like}) {
        b->setMinimumHeight(44);
        b->setMinimumWidth(160);
    }
    buttons->addWidget(m_dislike);
    buttons->addStretch(1);
    buttons->addWidget(m_replay);
    buttons->addWidget(m_skip);
    buttons->addStretch(1);
    buttons->addWidget(m_like);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(buttons);
    layout->addWidget(card);

    // How far the listener is, and how sure the model is becoming.
    auto *progress = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("listenerCounts"));
    m_certaintyLabel = new QLabel(this);
    m_certaintyLabel->setObjectName(QStringLiteral("listenerCertaintyLabel"));
    m_certaintyLabel->setWordWrap(true);
    m_certainty = new QProgressBar(this);
    m_certainty->setObjectName(QStringLiteral("listenerCertainty"));
    m_certainty->setRange(0, 100);
    m_certainty->setFormat(tr("%p % sure"));
    m_background = new QLabel(this);
    m_background->setObjectName(QStringLiteral("listenerBackground"));
    m_background->setWordWrap(true);
    uistyle::makeSecondary(m_background);
    m_extraction = new QProgressBar(this);
    m_extraction->setObjectName(QStringLiteral("listenerExtraction"));
    m_extraction->setMaximumHeight(10);
    m_extraction->setTextVisible(false);
    m_ranking = new QPushButton(tr("Show my ranking"), this);
    m_ranking->setObjectName(QStringLiteral("listenerRankingButton"));
    m_ranking->setToolTip(tr("Every track you have not rated, best first, scored by your model"));
    left->addWidget(m_counts);
    left->addSpacing(6);
    left->addWidget(m_certaintyLabel);
    left->addWidget(m_certainty);
    left->addSpacing(6);
    left->addWidget(m_background);
    left->addWidget(m_extraction);
    left->addSpacing(12);
    left->addWidget(m_ranking, 0, Qt::AlignLeft);
    left->addStretch(1);
    progress->addLayout(left, 1);

    m_curve = new QCustomPlot(this);
    m_curve->setObjectName(QStringLiteral("listenerCertaintyCurve"));
    m_curve->setMinimumSize(280, 200);
    m_curve->setMaximumHeight(280);
    m_curve->addGraph();
    m_curve->graph(0)->setLineStyle(QCPGraph::lsLine);
    m_curve->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    m_curve->graph(0)->setPen(QPen(palette().color(QPalette::Highlight), 2));
    m_curve->xAxis->setLabel(tr("answers"));
    m_curve->yAxis->setLabel(tr("model certainty"));
    m_curve->yAxis->setRange(0, 1);
    m_curve->xAxis->setRange(0, 40);
    for (QCPAxis *axis : {m_curve->xAxis, m_curve->yAxis}) {
        axis->setBasePen(QPen(palette().color(QPalette::WindowText)));
        axis->setTickPen(QPen(palette().color(QPalette::WindowText)));
        axis->setSubTickPen(QPen(palette().color(QPalette::WindowText)));
        axis->setTickLabelColor(palette().color(QPalette::WindowText));
        axis->setLabelColor(palette().color(QPalette::WindowText));
    }
    m_curve->setBackground(palette().brush(QPalette::Window));
    progress->addWidget(m_curve, 1);
    layout->addLayout(progress);
    layout->addStretch(1);

    m_unlock = new QTimer(this);
    m_unlock->setSingleShot(true);
    connect(m_unlock, &QTimer::timeout, this, &ListenerPage::unlockAnswers);
    connect(m_like, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_dislike, &QPushButton::clicked, this, [this] { answer(false); });
    connect(m_skip, &QPushButton::clicked, this, &ListenerPage::skip);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        if (!m_pick)
            return;
        ++m_replays;
        m_player->replay();
    });
    connect(m_ranking, &QPushButton::clicked, this, &ListenerPage::rankingRequested);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_player, &ClipPlayer::positionChanged, this, [this](double seconds) {
        if (m_pick && m_pick->clip.lengthSeconds > 0)
            m_playProgress->setValue(int(1000 * qBound(0.0, seconds / m_pick->clip.lengthSeconds, 1.0)));
    });
    connect(m_player, &ClipPlayer::failed, this, [this](const QString &message) {
        if (!m_pick)
            return;
        m_reason->setText(tr("Cannot play this clip: %1. Answer from memory or skip it.").arg(message));
        unlockAnswers();
    });
    setStudy(nullptr);
}

ListenerPage::~ListenerPage() = default;

void ListenerPage::setStudy(Study *study, const QStringList &modelDirs)
{
    stopPlayback();
    m_session.reset();
    m_pick.reset();
    m_study = study && study->settings().listener ? study : nullptr;
    m_curve->graph(0)->data()->clear();
    if (!m_study) {
        updateProgress();
        return;
    }
    m_title->setText(tr("Learn my taste: %1").arg(m_study->settings().name));
    train::ActiveOrderSettings order;
    order.randomShare = PreferencesDialog::storedRandomShare();
    m_session = std::make_unique<ListenerSession>(*m_study, order);
    connect(m_session.get(), &ListenerSession::extractionProgressed, this, [this](const ExtractionProgress &p) {
        m_extraction->setRange(0, qMax(1, p.total));
        m_extraction->setValue(p.done);
        m_background->setText(tr("Listening to your library in the background: %1 of %2 clips (%3 clips/s)")
                                  .arg(p.done)
                                  .arg(p.total)
                                  .arg(p.clipsPerSecond, 0, 'f', 0));
    });
    connect(m_session.get(), &ListenerSession::extractionFinished, this, [this](const ExtractionReport &report) {
        if (report.failed > 0)
            Q_EMIT statusMessage(tr("%n clip(s) of your library could not be read; see the Features page", "",
                                    report.failed));
        updateProgress();
    });
    connect(m_session.get(), &ListenerSession::trainingStarted, this, [this](int answers) {
        m_background->setText(tr("Learning from your %n answer(s)…", "", answers));
    });
    connect(m_session.get(), &ListenerSession::modelUpdated, this, &ListenerPage::updateProgress);
    connect(m_session.get(), &ListenerSession::problem, this, [this](const QString &message) {
        m_background->setText(message);
        Q_EMIT statusMessage(message);
    });
    QString error;
    if (!m_session->start(QString(), modelDirs, &error)) {
        m_state->setText(error);
        m_session.reset();
        updateProgress();
        return;
    }
    showNext();
}

void ListenerPage::showNext()
{
    m_pick = m_session ? m_session->next() : std::nullopt;
    m_replays = 0;
    m_playProgress->setValue(0);
    m_like->setEnabled(false);
    m_dislike->setEnabled(false);
    const bool any = m_pick.has_value();
    m_replay->setEnabled(any);
    m_skip->setEnabled(any);
    if (!any) {
        m_trackTitle->setText(m_session ? tr("Every clip is rated") : QString());
        m_trackDetails->clear();
        m_reason->clear();
        stopPlayback();
        updateProgress();
        return;
    }
    const Track &t = m_pick->track;
    m_trackTitle->setText(t.title);
    m_trackDetails->setText(tr("%1 · %2 · clip %3–%4")
                                .arg(t.artist, t.genre.isEmpty() ? tr("no genre") : t.genre,
                                     clipTime(m_pick->clip.startSeconds),
                                     clipTime(m_pick->clip.startSeconds + m_pick->clip.lengthSeconds)));
    const ListenerRating &r = m_session->rating();
    if (r.answered() < r.warmup())
        m_reason->setText(tr("Getting to know you: a random clip (%1 of %2).").arg(r.answered() + 1).arg(r.warmup()));
    else if (m_pick->random)
        m_reason->setText(tr("A random clip, so that what Tastelab learns stays unbiased."));
    else
        m_reason->setText(tr("Chosen by Tastelab: of the clips left, this is one it is least sure about (%1 % like), "
                             "so your answer teaches it the most.")
                              .arg(std::lround(100 * m_pick->probability)));
    updateProgress();
    if (isVisible()) {
        setFocus();
        playCurrent();
    }
}

void ListenerPage::playCurrent()
{
    if (!m_pick || !m_study)
        return;
    const StudySettings s = m_study->settings();
    ClipRequest request;
    request.path = m_study->resolveTrackPath(m_pick->track);
    request.startSeconds = m_pick->clip.startSeconds;
    request.lengthSeconds = m_pick->clip.lengthSeconds;
    request.fadeMs = s.fadeMs;
    request.targetRmsDbfs = s.targetRmsDbfs;
    m_player->play(request);
    m_clipClock.start();
    m_unlock->start(int(1000 * s.unlockSeconds()));
}

void ListenerPage::keyPressEvent(QKeyEvent *event)
{
    // The buttons take no letters, so the keys reach the page from anywhere on it.
    switch (event->key()) {
    case Qt::Key_L:
    case Qt::Key_Right:
        answer(true);
        return;
    case Qt::Key_D:
    case Qt::Key_Left:
        answer(false);
        return;
    case Qt::Key_S:
        skip();
        return;
    case Qt::Key_R:
        m_replay->click();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ListenerPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    playCurrent();
}

void ListenerPage::hideEvent(QHideEvent *event)
{
    stopPlayback();
    QWidget::hideEvent(event);
}

void ListenerPage::stopPlayback()
{
    m_unlock->stop();
    if (m_player && m_pick)
        m_player->stop();
}

void ListenerPage::unlockAnswers()
{
    m_like->setEnabled(m_pick.has_value());
    m_dislike->setEnabled(m_pick.has_value());
}

bool ListenerPage::answer(bool like)
{
    if (!m_pick || !m_session || !m_like->isEnabled())
        return false;
    QString error;
    const qint64 ms = m_clipClock.isValid() ? m_clipClock.elapsed() : 0;
    if (!m_session->answer(*m_pick, like, ms, m_replays, &error)) {
        m_reason->setText(tr("Your answer was not saved: %1").arg(error));
        Q_EMIT statusMessage(error);
        return false;
    }
    showNext();
    return true;
}

void ListenerPage::skip()
{
    if (!m_pick || !m_session)
        return;
    m_session->skip(*m_pick);
    showNext();
}

void ListenerPage::updateProgress()
{
    const bool on = m_session != nullptr;
    m_ranking->setEnabled(on && m_session->rating().hasModel());
    m_certainty->setVisible(on);
    m_curve->setVisible(on);
    m_extraction->setVisible(on && m_session->isExtracting());
    if (!on) {
        m_title->setText(tr("Learn my taste"));
        if (m_state->text().isEmpty() || m_study == nullptr)
            m_state->setText(tr("Open a listener library to rate it here: on the start page (File ▸ Learn My "
                                "Taste), choose your music folder or the demo library."));
        m_counts->clear();
        m_certaintyLabel->clear();
        m_background->clear();
        return;
    }
    const ListenerRating &r = m_session->rating();
    m_state->setText(tr("Listen, then say whether you like it. Every answer is saved at once; Tastelab retrains "
                        "every 10 answers in the background."));
    m_counts->setText(tr("Rated %1 of %2 clips (%3 liked)").arg(r.answered()).arg(r.total()).arg(r.likes()));
    if (!r.hasJudge()) {
        m_certainty->setValue(0);
        m_certaintyLabel->setText(
            r.answered() < r.warmup()
                ? tr("Warming up: %n more random clip(s) before Tastelab starts choosing.", "", r.warmup() - r.answered())
                : tr("Tastelab starts choosing once your answers hold a like and a dislike with features."));
    } else {
        m_certainty->setValue(int(std::lround(100 * r.certainty())));
        QString text = tr("How sure Tastelab is about the clips you have not rated (learnt from %n answer(s)).", "",
                          r.judgeAnswers());
        if (r.hasModel())
            text += QLatin1Char(' ')
                    + tr("Your ranking model got %1 % of held-out answers right.")
                          .arg(std::lround(100 * r.model().metrics.accuracy));
        m_certaintyLabel->setText(text);
    }
    if (!m_session->isExtracting() && !m_session->isTraining())
        m_background->setText(tr("%1 of %2 clips are ready for the model.").arg(r.embedded()).arg(r.total()));
    QVector<double> x, y;
    for (const QPointF &p : m_session->certaintyHistory()) {
        x << p.x();
        y << p.y();
    }
    m_curve->graph(0)->setData(x, y, true);
    m_curve->xAxis->setRange(0, qMax(40.0, (x.isEmpty() ? 0 : x.last()) + 10));
    m_curve->replot();
}

} // namespace tastelab
