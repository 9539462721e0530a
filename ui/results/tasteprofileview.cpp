#include "results/tasteprofileview.h"

#include "study/recommendations.h"
#include "study/study.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace tastelab {

namespace {

constexpr int kSliderSteps = 100; ///< the slider's integer range is -100 .. 100
constexpr int kPreviewRows = 12;
constexpr int kExcerpts = 3;

QString trackLine(const Track &t)
{
    return t.artist.isEmpty() ? t.title : QStringLiteral("%1 \u2014 %2").arg(t.title, t.artist);
}

} // namespace

struct TasteProfileView::Outcome {
    bool ok = false;
    QString error;
    TasteProfile profile;
};

TasteProfileView::TasteProfileView(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<tastelab::TrainingReport>();
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("profileHeading"));
    m_heading->setWordWrap(true);
    top->addWidget(m_heading, 1);
    m_perGenre = new QCheckBox(tr("One prototype per genre"), this);
    m_perGenre->setObjectName(QStringLiteral("profilePerGenre"));
    m_perGenre->setToolTip(tr("Instead of clusters of liked and disliked tracks: the medoid of each genre's liked and "
                              "disliked tracks"));
    connect(m_perGenre, &QCheckBox::toggled, this, [this] { start(); });
    top->addWidget(m_perGenre);
    m_reset = new QPushButton(tr("Reset"), this);
    m_reset->setObjectName(QStringLiteral("profileReset"));
    m_reset->setToolTip(tr("Every slider back to its default: the classifier's ranking"));
    connect(m_reset, &QPushButton::clicked, this, &TasteProfileView::resetSliders);
    top->addWidget(m_reset);
    layout->addLayout(top);

    m_fidelity = new QLabel(this);
    m_fidelity->setObjectName(QStringLiteral("profileFidelity"));
    m_fidelity->setWordWrap(true);
    layout->addWidget(m_fidelity);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("profileMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_messageLabel, 1);

    m_body = new QSplitter(Qt::Horizontal, this);
    auto *scroll = new QScrollArea(m_body);
    scroll->setWidgetResizable(true);
    m_rowsHost = new QWidget(scroll);
    m_grid = new QGridLayout(m_rowsHost);
    m_grid->setColumnStretch(2, 1);
    scroll->setWidget(m_rowsHost);
    auto *right = new QWidget(m_body);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_previewHeading = new QLabel(right);
    m_previewHeading->setObjectName(QStringLiteral("profilePreviewHeading"));
    m_previewHeading->setWordWrap(true);
    rightLayout->addWidget(m_previewHeading);
    m_preview = new QListWidget(right);
    m_preview->setObjectName(QStringLiteral("profilePreview"));
    rightLayout->addWidget(m_preview, 1);
    scroll->setMinimumWidth(560);
    right->setMinimumWidth(260);
    auto *splitter = static_cast<QSplitter *>(m_body);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 360});
    layout->addWidget(m_body, 1);

    m_retrainRow = new QWidget(this);
    auto *retrainLayout = new QHBoxLayout(m_retrainRow);
    retrainLayout->setContentsMargins(0, 0, 0, 0);
    m_retrainLabel = new QLabel(m_retrainRow);
    m_retrainLabel->setObjectName(QStringLiteral("profileRetrainLabel"));
    retrainLayout->addWidget(m_retrainLabel, 1);
    m_retrainBar = new QProgressBar(m_retrainRow);
    m_retrainBar->setObjectName(QStringLiteral("profileRetrainBar"));
    m_retrainBar->setMaximumWidth(240);
    retrainLayout->addWidget(m_retrainBar);
    layout->addWidget(m_retrainRow);
    m_retrainRow->hide();

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("profileSteeringResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);

    m_trainer = new TrainingService(this);
    connect(m_trainer, &TrainingService::epochFinished, this, &TasteProfileView::onRetrainEpoch);
    connect(m_trainer, &TrainingService::finished, this, &TasteProfileView::onRetrainFinished);

    showMessage(tr("No study is open. Open or create a study on the Study page first."));
}

TasteProfileView::~TasteProfileView() = default;

void TasteProfileView::setStudy(Study *study)
{
    m_study = study;
    m_participant.clear();
    m_resultText.clear();
    m_result->clear();
    start();
}

void TasteProfileView::setPlayer(ClipPlayer *player) { m_player = player; }

void TasteProfileView::setParticipant(const QString &code, const QString &encoder, qint64 modelId)
{
    if (code != m_participant) {
        m_resultText.clear();
        m_result->clear();
        m_outcome.reset();
    }
    m_participant = code;
    m_encoder = encoder;
    m_requestedModel = modelId;
    start();
}

void TasteProfileView::refresh() { start(); }

void TasteProfileView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        start();
}

QString TasteProfileView::stateText() const { return m_haveProfile ? QString() : m_message; }

bool TasteProfileView::perGenre() const { return m_perGenre->isChecked(); }

void TasteProfileView::setPerGenre(bool on) { m_perGenre->setChecked(on); }

QString TasteProfileView::fidelityText() const
{
    if (!m_haveProfile)
        return {};
    return tr("Fidelity to the classifier: rank correlation %1; the profile and the classifier agree on like or "
              "dislike for %2 % of %n track(s).", nullptr, m_profile.fidelity.points)
        .arg(m_profile.fidelity.spearman, 0, 'f', 2)
        .arg(100.0 * m_profile.fidelity.agreement, 0, 'f', 0);
}

void TasteProfileView::showMessage(const QString &text)
{
    m_haveProfile = false;
    m_message = text;
    m_messageLabel->setText(text);
    m_messageLabel->show();
    m_body->hide();
    m_fidelity->clear();
    m_heading->clear();
    m_reset->setEnabled(false);
    clearRows();
    m_preview->clear();
    Q_EMIT prototypesChanged({});
    Q_EMIT steeringChanged({});
}

void TasteProfileView::start()
{
    ++m_requestId;
    m_busy = false;
    if (!m_study)
        return showMessage(tr("No study is open. Open or create a study on the Study page first."));
    if (m_participant.isEmpty())
        return showMessage(tr("Choose a participant to see their taste profile."));
    qint64 model = m_requestedModel;
    if (model == 0) {
        const auto participant = m_study->participant(m_participant);
        if (!participant)
            return showMessage(tr("There is no participant %1 in this study.").arg(m_participant));
        const std::optional<TrainedModel> chosen = defaultRecommendationModel(storedModels(*m_study, *participant), m_encoder);
        if (!chosen)
            return showMessage(tr("No model trained yet for %1: train one on the Models page to see their taste profile.")
                                   .arg(m_participant));
        model = chosen->id;
    }
    // Another participant, model or kind of prototypes: the old profile (and its steering of the
    // list) goes at once.
    if (!m_haveProfile || m_profile.participant != m_participant || m_profile.modelId != model
        || m_profilePerGenre != m_perGenre->isChecked())
        showMessage(tr("Finding the prototypes of %1's taste…").arg(m_participant));
    if (window()->isVisible() && !isVisible()) {
        m_stale = true; // on a hidden tab of a shown window: built when the tab is shown
        return;
    }
    m_stale = false;
    m_busy = true;
    ProfileRequest request;
    request.participant = m_participant;
    request.modelId = model;
    request.perGenre = m_perGenre->isChecked();
    const QString path = m_study->path();
    const quint64 id = m_requestId;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, id] {
        onFinished(id, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, request]() {
        Outcome outcome;
        auto study = Study::open(path, &outcome.error); // one connection per thread
        if (study)
            outcome.ok = buildTasteProfile(*study, request, &outcome.profile, &outcome.error);
        return outcome;
    }));
}

void TasteProfileView::onFinished(quint64 requestId, const Outcome &outcome)
{
    if (requestId != m_requestId)
        return; // superseded
    m_busy = false;
    if (!outcome.ok) {
        showMessage(outcome.error);
        Q_EMIT refreshed();
        return;
    }
    // The same prototypes again (a refresh): the sliders stay where they were.
    std::vector<double> keep;
    if (m_haveProfile && outcome.profile.modelId == m_profile.modelId
        && outcome.profile.prototypes.size() == m_profile.prototypes.size()) {
        bool same = true;
        for (std::size_t k = 0; k < m_profile.prototypes.size(); ++k)
            same = same
                && outcome.profile.tracks[outcome.profile.prototypes[k].point].track.id
                    == m_profile.tracks[m_profile.prototypes[k].point].track.id;
        if (same)
            keep = sliders();
    }
    m_profile = outcome.profile;
    m_profilePerGenre = m_perGenre->isChecked();
    m_haveProfile = true;
    m_message.clear();
    m_messageLabel->hide();
    m_body->show();
    m_reset->setEnabled(true);
    m_heading->setText(tr("Taste profile of %1 from model %2 (%3, %4): %n prototype(s), medoids of their liked and "
                          "disliked tracks in the model's space.", nullptr, int(m_profile.prototypes.size()))
                           .arg(m_profile.participant)
                           .arg(m_profile.modelId)
                           .arg(m_profile.model.toUpper(), m_profile.encoder));
    m_fidelity->setText(fidelityText() + (m_profile.notice.isEmpty() ? QString() : QStringLiteral(" ") + m_profile.notice));
    buildRows();
    for (std::size_t k = 0; k < keep.size(); ++k) {
        const QSignalBlocker block(m_rows[int(k)].slider);
        setSlider(int(k), keep[k]);
    }
    updatePreview();
    Q_EMIT prototypesChanged(highlights());
    Q_EMIT steeringChanged(steeredScores());
    Q_EMIT refreshed();
}

void TasteProfileView::clearRows()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    m_rows.clear();
}

void TasteProfileView::buildRows()
{
    clearRows();
    for (std::size_t k = 0; k < m_profile.prototypes.size(); ++k) {
        const train::Prototype &proto = m_profile.prototypes[k];
        const ProfileTrack &t = m_profile.tracks[proto.point];
        Row row;
        const int r = int(k) * 2;
        const bool liked = proto.sign > 0;
        row.side = new QLabel(liked ? tr("P%1 · liked").arg(k + 1) : tr("P%1 · disliked").arg(k + 1), m_rowsHost);
        row.side->setStyleSheet(liked ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                      : QStringLiteral("color: #1f4e9e; font-weight: bold;"));
        m_grid->addWidget(row.side, r, 0);
        row.play = new QToolButton(m_rowsHost);
        row.play->setObjectName(QStringLiteral("profilePlay%1").arg(k));
        row.play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        row.play->setToolTip(tr("Play an excerpt of “%1”").arg(t.track.title));
        row.play->setEnabled(m_player != nullptr);
        connect(row.play, &QToolButton::clicked, this, [this, k] { togglePlay(int(k)); });
        m_grid->addWidget(row.play, r, 1);
        row.track = new QLabel(tr("<b>%1</b> (%2) · like %3 · %n track(s) in its cluster", nullptr, int(proto.members.size()))
                                   .arg(trackLine(t.track).toHtmlEscaped(), t.track.genre.toHtmlEscaped())
                                   .arg(t.likeProbability, 0, 'f', 2),
                               m_rowsHost);
        row.track->setWordWrap(true);
        row.track->setMinimumWidth(160);
        row.track->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_grid->addWidget(row.track, r, 2);
        QStringList near;
        for (int n : proto.neighbours)
            near << trackLine(m_profile.tracks[n].track) + QStringLiteral(" (%1)").arg(m_profile.tracks[n].track.genre);
        row.neighbours = new QLabel(tr("Nearest: %1").arg(near.join(QStringLiteral("; "))), m_rowsHost);
        row.neighbours->setWordWrap(true);
        row.neighbours->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        row.neighbours->setStyleSheet(QStringLiteral("color: palette(dark);"));
        m_grid->addWidget(row.neighbours, r + 1, 2, 1, 5);

        auto *sliderBox = new QWidget(m_rowsHost);
        auto *sl = new QHBoxLayout(sliderBox);
        sl->setContentsMargins(0, 0, 0, 0);
        sl->addWidget(new QLabel(tr("avoid"), sliderBox));
        row.slider = new QSlider(Qt::Horizontal, sliderBox);
        row.slider->setObjectName(QStringLiteral("profileSlider%1").arg(k));
        row.slider->setRange(-kSliderSteps, kSliderSteps);
        row.slider->setValue(proto.sign * kSliderSteps);
        row.slider->setMinimumWidth(90);
        row.slider->setToolTip(tr("From avoid (tracks like this one go down the list) to favour (they go up); "
                                  "its default is where its answer puts it"));
        connect(row.slider, &QSlider::valueChanged, this, &TasteProfileView::onSliderMoved);
        sl->addWidget(row.slider);
        sl->addWidget(new QLabel(tr("favour"), sliderBox));
        m_grid->addWidget(sliderBox, r, 3);
        row.more = new QPushButton(tr("More like this"), m_rowsHost);
        row.more->setObjectName(QStringLiteral("profileMore%1").arg(k));
        row.more->setToolTip(tr("Teach the model: more tracks like this one (retrains it)"));
        connect(row.more, &QPushButton::clicked, this, [this, k] { steer(int(k), 1); });
        m_grid->addWidget(row.more, r, 4);
        row.less = new QPushButton(tr("Less like this"), m_rowsHost);
        row.less->setObjectName(QStringLiteral("profileLess%1").arg(k));
        row.less->setToolTip(tr("Teach the model: fewer tracks like this one (retrains it)"));
        connect(row.less, &QPushButton::clicked, this, [this, k] { steer(int(k), -1); });
        m_grid->addWidget(row.less, r, 5);
        m_rows.push_back(row);
    }
    m_grid->setRowStretch(int(m_profile.prototypes.size()) * 2, 1);
    setRetrainUi(isRetraining());
}

QSlider *TasteProfileView::slider(int k) const { return k >= 0 && k < m_rows.size() ? m_rows[k].slider : nullptr; }
QPushButton *TasteProfileView::moreButton(int k) const { return k >= 0 && k < m_rows.size() ? m_rows[k].more : nullptr; }
QPushButton *TasteProfileView::lessButton(int k) const { return k >= 0 && k < m_rows.size() ? m_rows[k].less : nullptr; }
QToolButton *TasteProfileView::playButton(int k) const { return k >= 0 && k < m_rows.size() ? m_rows[k].play : nullptr; }

void TasteProfileView::setSlider(int k, double value)
{
    if (QSlider *s = slider(k))
        s->setValue(qRound(std::clamp(value, -1.0, 1.0) * kSliderSteps));
}

double TasteProfileView::sliderValue(int k) const
{
    const QSlider *s = slider(k);
    return s ? double(s->value()) / kSliderSteps : 0.0;
}

std::vector<double> TasteProfileView::sliders() const
{
    std::vector<double> v;
    for (int k = 0; k < m_rows.size(); ++k)
        v.push_back(sliderValue(k));
    return v;
}

bool TasteProfileView::isSteered() const
{
    const std::vector<double> v = sliders();
    for (std::size_t k = 0; k < v.size() && k < m_profile.space.signs.size(); ++k)
        if (v[k] != double(m_profile.space.signs[k]))
            return true;
    return false;
}

void TasteProfileView::resetSliders()
{
    for (int k = 0; k < m_rows.size(); ++k) {
        const QSignalBlocker block(m_rows[k].slider);
        m_rows[k].slider->setValue(m_profile.space.signs[std::size_t(k)] * kSliderSteps);
    }
    onSliderMoved();
}

QVector<qint64> TasteProfileView::steeredRanking() const
{
    QVector<qint64> ids;
    if (!m_haveProfile)
        return ids;
    for (int i : m_profile.ranking(sliders()))
        ids << m_profile.tracks[i].track.id;
    return ids;
}

QHash<qint64, double> TasteProfileView::steeredScores() const
{
    QHash<qint64, double> out;
    if (!m_haveProfile || !isSteered())
        return out;
    std::vector<double> scores;
    train::steeredScores(m_profile.space, m_profile.probability, sliders(), 0.5, scores);
    out.reserve(m_profile.candidates.size());
    for (int i : m_profile.candidates)
        out.insert(m_profile.tracks[i].track.id, scores[std::size_t(i)]);
    return out;
}

QHash<qint64, QString> TasteProfileView::highlights() const
{
    QHash<qint64, QString> out;
    if (!m_haveProfile)
        return out;
    for (std::size_t k = 0; k < m_profile.prototypes.size(); ++k)
        out.insert(m_profile.tracks[m_profile.prototypes[k].point].track.id, QStringLiteral("P%1").arg(k + 1));
    return out;
}

void TasteProfileView::onSliderMoved()
{
    updatePreview();
    Q_EMIT steeringChanged(steeredScores());
}

void TasteProfileView::updatePreview()
{
    m_preview->clear();
    if (!m_haveProfile)
        return;
    const std::vector<double> values = sliders();
    const bool steered = isSteered();
    m_previewHeading->setText(steered ? tr("The recommendation list re-ranked by the sliders (▲▼: places against the "
                                           "classifier's ranking):")
                                      : tr("The recommendation list as the classifier ranks it (move a slider to "
                                           "re-rank it):"));
    for (int k = 0; k < m_rows.size(); ++k)
        m_rows[k].slider->setStyleSheet(values[std::size_t(k)] != double(m_profile.space.signs[std::size_t(k)])
                                            ? QStringLiteral("QSlider::handle:horizontal { background: #e0a000; }")
                                            : QString());
    const QVector<int> classifier = m_profile.ranking(m_profile.defaultSliders());
    QHash<int, int> before;
    for (int i = 0; i < classifier.size(); ++i)
        before.insert(classifier[i], i + 1);
    const QVector<int> order = m_profile.ranking(values);
    std::vector<double> scores;
    train::steeredScores(m_profile.space, m_profile.probability, values, 0.5, scores);
    for (int i = 0; i < std::min<int>(kPreviewRows, int(order.size())); ++i) {
        const ProfileTrack &t = m_profile.tracks[order[i]];
        const int moved = before.value(order[i]) - (i + 1);
        const QString mark = moved > 0 ? QStringLiteral("  ▲%1").arg(moved)
                             : moved < 0 ? QStringLiteral("  ▼%1").arg(-moved)
                                         : QString();
        auto *item = new QListWidgetItem(tr("%1. %2 (%3)  score %4%5")
                                             .arg(i + 1)
                                             .arg(trackLine(t.track), t.track.genre)
                                             .arg(scores[std::size_t(order[i])], 0, 'f', 2)
                                             .arg(mark),
                                         m_preview);
        item->setData(Qt::UserRole, t.track.id);
    }
}

void TasteProfileView::togglePlay(int k)
{
    if (!m_player || !m_study || k < 0 || k >= int(m_profile.prototypes.size()))
        return;
    const Track &track = m_profile.tracks[m_profile.prototypes[std::size_t(k)].point].track;
    if (m_playingTrack == track.id
        && (m_player->state() == ClipPlayer::State::Playing || m_player->state() == ClipPlayer::State::Loading)) {
        m_player->stop();
        m_playingTrack = 0;
        return;
    }
    const QString file = m_study->resolveTrackPath(track);
    if (file.isEmpty()) {
        m_result->setText(tr("The music file of “%1” cannot be found (%2).").arg(track.title, track.path));
        return;
    }
    const StudySettings settings = m_study->settings();
    const QVector<ClipKey> excerpts = libraryExcerpts(track, settings.clipSeconds, kExcerpts);
    ClipRequest request;
    request.path = file;
    if (!excerpts.isEmpty()) {
        request.startSeconds = excerpts[excerpts.size() / 2].startSeconds;
        request.lengthSeconds = excerpts[excerpts.size() / 2].lengthSeconds;
    } else {
        request.lengthSeconds = settings.clipSeconds;
    }
    request.fadeMs = settings.fadeMs;
    request.targetRmsDbfs = settings.targetRmsDbfs;
    m_player->play(request);
    m_playingTrack = track.id;
}

bool TasteProfileView::steer(int k, int direction, QString *error)
{
    const auto fail = [&](const QString &why) {
        m_result->setText(why);
        if (error)
            *error = why;
        return false;
    };
    if (!m_study || !m_haveProfile || k < 0 || k >= int(m_profile.prototypes.size()))
        return fail(tr("There is no such prototype."));
    if (isRetraining())
        return fail(tr("A retraining is running: wait for its result."));
    if (!m_profile.model.startsWith(QLatin1String("clep")))
        return fail(tr("Steering teaches the CLEP embedder, and model %1 is %2: choose a CLEP model above.")
                        .arg(m_profile.modelId)
                        .arg(m_profile.model.toUpper()));
    const train::Prototype &proto = m_profile.prototypes[std::size_t(k)];
    const Track &track = m_profile.tracks[proto.point].track;
    SteeringFeedback feedback;
    feedback.participant = m_profile.participant;
    feedback.trackId = track.id;
    feedback.direction = direction >= 0 ? 1 : -1;
    feedback.label = QStringLiteral("prototype");
    QString why;
    if (!recordSteering(*m_study, feedback, &why))
        return fail(why);
    TrainingRequest request;
    if (!feedbackRetrainingRequest(*m_study, m_profile.modelId, 0, &request, &why))
        return fail(why);
    m_pending = Pending{m_profile.modelId, track.id, track.title, {}, feedback.direction};
    for (int n : proto.neighbours)
        m_pending.neighbours << m_profile.tracks[n].track.id;
    m_retrainJob = m_trainer->start(request);
    m_resultText.clear();
    m_outcome.reset();
    m_result->setText(direction >= 0 ? tr("Saved: more like “%1”. Retraining…").arg(track.title)
                                     : tr("Saved: less like “%1”. Retraining…").arg(track.title));
    setRetrainUi(true);
    return true;
}

void TasteProfileView::setRetrainUi(bool running)
{
    m_retrainRow->setVisible(running);
    if (running) {
        m_retrainBar->setRange(0, 0);
        m_retrainLabel->setText(tr("Retraining the model with the steering…"));
    }
    for (const Row &row : m_rows) {
        row.more->setEnabled(!running);
        row.less->setEnabled(!running);
    }
}

void TasteProfileView::onRetrainEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch)
{
    if (jobId != m_retrainJob)
        return;
    m_retrainBar->setRange(0, epoch.epochs);
    m_retrainBar->setValue(epoch.epoch);
    m_retrainLabel->setText(tr("Retraining %1: %2 epoch %3 of %4")
                                .arg(model.toUpper(), QString::fromStdString(epoch.stage))
                                .arg(epoch.epoch)
                                .arg(epoch.epochs));
}

void TasteProfileView::onRetrainFinished(quint64 jobId, const TrainingReport &report)
{
    if (jobId != m_retrainJob)
        return;
    m_retrainJob = 0;
    setRetrainUi(false);
    if (!report.error.isEmpty() || report.models.isEmpty() || !m_study) {
        m_resultText = tr("The retraining failed: %1").arg(report.error.isEmpty() ? tr("no model was stored") : report.error);
        m_result->setText(m_resultText);
        return;
    }
    const qint64 after = report.models.first().id;
    SteeringOutcome outcome;
    QString why;
    if (!measureSteering(*m_study, m_pending.modelBefore, after, m_pending.trackId, m_pending.neighbours,
                         m_pending.direction, &outcome, &why)) {
        m_resultText = why;
    } else {
        m_outcome = outcome;
        m_resultText = tr("“%1”: %2 (like %3 → %4; new model %5).")
                           .arg(m_pending.title, outcome.text())
                           .arg(outcome.before, 0, 'f', 2)
                           .arg(outcome.after, 0, 'f', 2)
                           .arg(after);
    }
    m_result->setText(m_resultText);
    const QString participant = m_profile.participant, encoder = m_profile.encoder;
    // The profile of the new model (the page may pick it too; a second request supersedes this one).
    m_requestedModel = after;
    start();
    Q_EMIT retrained(participant, encoder, after);
}

} // namespace tastelab
