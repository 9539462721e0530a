#include "results/embeddingmapview.h"
#include "results/explanationview.h"

#include "playback/clipplayer.h"
#include "results/resultsstyle.h"
#include "uistyle.h"

#include "study/recommendations.h"
#include "study/study.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace tastelab {

namespace {
constexpr int kCacheSize = 24;

void setItemEnabled(QComboBox *combo, int index, bool enabled)
{
    if (auto *model = qobject_cast<QStandardItemModel *>(combo->model()))
        if (QStandardItem *item = model->item(index))
            item->setEnabled(enabled);
}

bool itemEnabled(QComboBox *combo, int index)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QStandardItem *item = model ? model->item(index) : nullptr;
    return item && item->isEnabled();
}
} // namespace

EmbeddingMapView::EmbeddingMapView(QWidget *parent) : QWidget(parent), m_service(new EmbeddingMapService(this))
{
    setObjectName(QStringLiteral("embeddingMapView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // Controls.
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Space:"), this));
    m_space = new QComboBox(this);
    m_space->setObjectName(QStringLiteral("mapSpaceCombo"));
    m_space->setToolTip(tr("The raw encoder embeddings, or the space of the chosen CLEP model (its embedder's output)."));
    controls->addWidget(m_space);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Colour by:"), this));
    m_colour = new QComboBox(this);
    m_colour->setObjectName(QStringLiteral("mapColourCombo"));
    m_colour->addItem(tr("Answer"), int(EmbeddingPlot::ColourBy::Answer));
    m_colour->addItem(tr("Genre"), int(EmbeddingPlot::ColourBy::Genre));
    m_colour->addItem(tr("Predicted probability"), int(EmbeddingPlot::ColourBy::Probability));
    m_colour->addItem(tr("Participant"), int(EmbeddingPlot::ColourBy::Participant));
    controls->addWidget(m_colour);
    controls->addSpacing(8);
    m_unheard = new QCheckBox(tr("Unheard library excerpts"), this);
    m_unheard->setObjectName(QStringLiteral("mapUnheardCheck"));
    m_unheard->setToolTip(tr("Adds one excerpt of every track the participant did not hear (grey), where its "
                             "embedding has been extracted."));
    controls->addWidget(m_unheard);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Perplexity:"), this));
    m_perplexity = new QSpinBox(this);
    m_perplexity->setObjectName(QStringLiteral("mapPerplexitySpin"));
    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(30);
    m_perplexity->setToolTip(tr("t-SNE's perplexity (about the number of neighbours each point keeps close); "
                                "lowered automatically for small maps."));
    controls->addWidget(m_perplexity);
    controls->addStretch(1);
    m_select = new QToolButton(this);
    m_select->setObjectName(QStringLiteral("mapSelectButton"));
    m_select->setText(tr("Select"));
    m_select->setCheckable(true);
    m_select->setToolTip(tr("Drag a rectangle to list its clips (or hold Shift while dragging). "
                            "Ctrl adds to the selection."));
    controls->addWidget(m_select);
    m_reset = new QPushButton(tr("Fit"), this);
    m_reset->setObjectName(QStringLiteral("mapResetButton"));
    m_reset->setToolTip(tr("Show every point again after zooming (wheel) and panning (drag)."));
    controls->addWidget(m_reset);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("mapExportButton"));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("PNG image (300 dpi)…"), this, [this] { exportDialog(QStringLiteral("png")); });
    exportMenu->addAction(tr("SVG vector image…"), this, [this] { exportDialog(QStringLiteral("svg")); });
    exportMenu->addAction(tr("PDF document…"), this, [this] { exportDialog(QStringLiteral("pdf")); });
    m_export->setMenu(exportMenu);
    controls->addWidget(m_export);
    layout->addLayout(controls);

    // Progress and the map's facts.
    auto *status = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("mapProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    status->addWidget(m_progress);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("mapCancelButton"));
    status->addWidget(m_cancel);
    m_run = new QPushButton(tr("Compute map"), this);
    m_run->setObjectName(QStringLiteral("mapRunButton"));
    status->addWidget(m_run);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("mapInfoLabel"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    uistyle::makeSecondary(m_info);
    status->addWidget(m_info, 1);
    layout->addLayout(status);

    // The plot and the selection beside it.
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_plot = new EmbeddingPlot(split);
    split->addWidget(m_plot);
    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 0, 0, 0);
    m_selectionTitle = new QLabel(side);
    m_selectionTitle->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionTitle->setWordWrap(true);
    sideLayout->addWidget(m_selectionTitle);
    m_selectionList = new QListWidget(side);
    m_selectionList->setObjectName(QStringLiteral("selectionList"));
    m_selectionList->setToolTip(tr("Double-click a clip to play it."));
    m_selectionList->setIconSize(QSize(12, 12));
    m_selectionList->setTextElideMode(Qt::ElideRight);
    m_selectionList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_selectionList->setSpacing(1);
    sideLayout->addWidget(m_selectionList, 1);
    m_clearSelection = new QPushButton(tr("Clear selection"), side);
    m_clearSelection->setObjectName(QStringLiteral("clearSelectionButton"));
    sideLayout->addWidget(m_clearSelection);
    m_playing = new QLabel(side);
    m_playing->setObjectName(QStringLiteral("nowPlayingLabel"));
    m_playing->setWordWrap(true);
    uistyle::makeSecondary(m_playing);
    sideLayout->addWidget(m_playing);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({760, 230});
    side->setMinimumWidth(190);
    layout->addWidget(split, 1);

    connect(m_space, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        computeMap();
    });
    connect(m_unheard, &QCheckBox::toggled, this, [this] { computeMap(); });
    // A new perplexity runs t-SNE again once the value has settled.
    auto *perplexityTimer = new QTimer(this);
    perplexityTimer->setSingleShot(true);
    perplexityTimer->setInterval(600);
    connect(perplexityTimer, &QTimer::timeout, this, [this] { computeMap(); });
    connect(m_perplexity, &QSpinBox::valueChanged, perplexityTimer, qOverload<>(&QTimer::start));
    connect(m_perplexity, &QSpinBox::editingFinished, this, [this, perplexityTimer] {
        perplexityTimer->stop();
        computeMap();
    });
    connect(m_colour, &QComboBox::currentIndexChanged, this, [this] {
        m_plot->setColourBy(EmbeddingPlot::ColourBy(m_colour->currentData().toInt()));
        updateSelectionList();
    });
    connect(m_select, &QToolButton::toggled, m_plot, &EmbeddingPlot::setSelectMode);
    connect(m_reset, &QPushButton::clicked, m_plot, &EmbeddingPlot::resetView);
    connect(m_cancel, &QPushButton::clicked, this, &EmbeddingMapView::cancel);
    connect(m_run, &QPushButton::clicked, this, &EmbeddingMapView::computeMap);
    connect(m_clearSelection, &QPushButton::clicked, m_plot, &EmbeddingPlot::clearSelection);
    connect(m_plot, &EmbeddingPlot::selectionChanged, this, &EmbeddingMapView::updateSelectionList);
    connect(m_plot, &EmbeddingPlot::pointClicked, this, &EmbeddingMapView::playPoint);
    m_plot->canvas()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot->canvas(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu(pos, this);
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_plot->canvas()->mapToGlobal(pos));
    });
    connect(m_selectionList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { playPoint(item->data(Qt::UserRole).toInt()); });
    connect(m_service, &EmbeddingMapService::progressed, this, &EmbeddingMapView::onProgress);
    connect(m_service, &EmbeddingMapService::finished, this, &EmbeddingMapView::onFinished);

    m_plot->clearMap();
    updateControls();
    updateSelectionList();
}

EmbeddingMapView::~EmbeddingMapView() = default;

void EmbeddingMapView::setStudy(Study *study)
{
    if (study != m_study && isComputing())
        cancel();
    m_job = 0; // a map of the previous study that is still on its way is dropped
    m_jobKey.clear();
    m_study = study;
    m_participants.clear();
    m_encoder.clear();
    m_modelId = 0;
    invalidate();
    loadTracks();
    updateControls();
}

void EmbeddingMapView::setPlayer(ClipPlayer *player) { m_player = player; }

void EmbeddingMapView::loadTracks()
{
    m_tracks.clear();
    if (!m_study)
        return;
    for (const Track &t : m_study->tracks())
        m_tracks.insert(t.id, t);
}

void EmbeddingMapView::invalidate()
{
    m_cache.clear();
    m_cacheOrder.clear();
    m_shownKey.clear();
    m_dirty = true;
    loadTracks();
    if (isVisible())
        computeMap();
}

void EmbeddingMapView::setSelection(const QStringList &participants, const QString &encoder, qint64 modelId,
                                    const QString &modelKind)
{
    if (participants == m_participants && encoder == m_encoder && modelId == m_modelId && modelKind == m_modelKind)
        return;
    m_participants = participants;
    m_encoder = encoder;
    m_modelId = modelId;
    m_modelKind = modelKind;
    {
        const QSignalBlocker block(m_space);
        const bool wasModel = m_space->currentData().toString() == QLatin1String("model");
        m_space->clear();
        m_space->addItem(tr("Encoder space (raw embeddings)"), QStringLiteral("raw"));
        if (m_participants.size() == 1 && modelId > 0 && resultsstyle::isClep(modelKind)) {
            m_space->addItem(tr("%1 model space").arg(uistyle::modelName(modelKind)), QStringLiteral("model"));
            if (wasModel)
                m_space->setCurrentIndex(1);
        }
    }
    // Sensible colouring for what is shown: participants for an overlay, the answers otherwise.
    {
        const auto current = EmbeddingPlot::ColourBy(m_colour->currentData().toInt());
        if (m_participants.size() > 1)
            setColourBy(EmbeddingPlot::ColourBy::Participant);
        else if (current == EmbeddingPlot::ColourBy::Participant
                 || (current == EmbeddingPlot::ColourBy::Probability && modelId <= 0))
            setColourBy(EmbeddingPlot::ColourBy::Answer);
    }
    m_dirty = true;
    updateControls();
    if (isVisible())
        computeMap();
}

MapRequest EmbeddingMapView::currentRequest() const
{
    MapRequest r;
    r.studyPath = m_study ? m_study->path() : QString();
    r.participants = m_participants;
    r.encoder = m_encoder;
    r.modelId = m_participants.size() == 1 ? m_modelId : 0;
    r.modelSpace = r.modelId > 0 && m_space->currentData().toString() == QLatin1String("model");
    r.includeUnheard = m_unheard->isChecked();
    r.tsne.perplexity = m_perplexity->value();
    return r;
}

QString EmbeddingMapView::requestKey(const MapRequest &r)
{
    return QStringList{r.studyPath, r.participants.join(QLatin1Char(',')), r.encoder, QString::number(r.modelId),
                       r.modelSpace ? QStringLiteral("model") : QStringLiteral("raw"),
                       r.includeUnheard ? QStringLiteral("unheard") : QString(), QString::number(r.tsne.perplexity),
                       QString::number(r.tsne.seed)}
        .join(QLatin1Char('|'));
}

bool EmbeddingMapView::isComputing() const { return m_service->isRunning(); }

QString EmbeddingMapView::titleFor(const MapRequest &r) const
{
    const QString who = r.participants.size() == 1 ? r.participants.first()
                                                   : tr("%n participant(s)", "", int(r.participants.size()));
    QString space = r.modelSpace ? tr("%1 space").arg(uistyle::modelName(m_modelKind)) : tr("encoder space");
    return tr("%1 · %2 · %3").arg(who, r.encoder, space);
}

void EmbeddingMapView::computeMap()
{
    if (!m_study || m_participants.isEmpty() || m_encoder.isEmpty()) {
        if (isComputing())
            cancel();
        m_shownKey.clear();
        m_plot->setTitle(QString());
        m_plot->clearMap(!m_study ? tr("No study is open.")
                                  : m_participants.isEmpty() ? tr("Choose a participant.") : tr("Choose the embeddings."));
        m_info->clear();
        updateControls();
        return;
    }
    m_dirty = false;
    const MapRequest request = currentRequest();
    const QString key = requestKey(request);
    if (key == m_shownKey && m_plot->hasMap() && !isComputing())
        return;
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd()) {
        if (isComputing())
            cancel();
        m_job = 0;
        m_jobKey.clear();
        m_shownKey = key;
        m_plot->setTitle(titleFor(request));
        showMap(cached.value());
        updateControls();
        Q_EMIT mapShown();
        return;
    }
    if (isComputing() && key == m_jobKey)
        return; // already on it
    m_jobKey = key;
    m_jobRequest = request;
    m_shownKey.clear();
    m_plot->clearMap(tr("Computing the t-SNE map of %1…").arg(titleFor(request)));
    m_progress->setRange(0, request.tsne.iterations);
    m_progress->setValue(0);
    m_progress->setFormat(tr("t-SNE %p%"));
    m_info->setText(tr("Collecting the embeddings…"));
    m_job = m_service->start(request);
    updateControls();
}

void EmbeddingMapView::cancel()
{
    if (!isComputing())
        return;
    m_service->cancel();
    m_info->setText(tr("Cancelling…"));
}

void EmbeddingMapView::onProgress(quint64 job, int iteration, int iterations, double kl)
{
    if (job != m_job)
        return;
    m_progress->setRange(0, std::max(1, iterations));
    m_progress->setValue(iteration);
    m_info->setText(std::isnan(kl) ? tr("t-SNE iteration %1 of %2").arg(iteration).arg(iterations)
                                   : tr("t-SNE iteration %1 of %2 · KL divergence %3")
                                         .arg(iteration)
                                         .arg(iterations)
                                         .arg(kl, 0, 'f', 3));
}

void EmbeddingMapView::onFinished(quint64 job, const EmbeddingMap &map)
{
    if (job != m_job)
        return;
    const QString key = m_jobKey;
    const MapRequest request = m_jobRequest;
    m_job = 0;
    m_jobKey.clear();
    if (map.cancelled) {
        m_plot->clearMap(tr("The map was cancelled. Press “Compute map” to run t-SNE again."));
        m_info->setText(tr("Cancelled."));
        updateControls();
        return;
    }
    if (!map.error.isEmpty()) {
        m_plot->clearMap(map.error);
        m_info->setText(tr("No map: %1").arg(map.error));
        updateControls();
        return;
    }
    m_cache.insert(key, map);
    m_cacheOrder.removeAll(key);
    m_cacheOrder << key;
    while (m_cacheOrder.size() > kCacheSize)
        m_cache.remove(m_cacheOrder.takeFirst());
    if (key == requestKey(currentRequest())) {
        m_shownKey = key;
        m_plot->setTitle(titleFor(request));
        showMap(map);
        Q_EMIT mapShown();
    }
    updateControls();
}

void EmbeddingMapView::showMap(const EmbeddingMap &map)
{
    m_plot->setMap(map, m_tracks);
    // The answer colours need answers; probabilities need a model.
    const auto current = EmbeddingPlot::ColourBy(m_colour->currentData().toInt());
    if (current == EmbeddingPlot::ColourBy::Probability && !m_plot->hasProbabilities())
        setColourBy(EmbeddingPlot::ColourBy::Answer);
    else
        m_plot->setColourBy(current);
    showInfo(map);
    updateControls();
}

void EmbeddingMapView::showInfo(const EmbeddingMap &map)
{
    int answered = 0, unheard = 0;
    for (const MapPoint &p : map.points)
        (p.label == -1 ? unheard : answered) += 1;
    QStringList parts;
    parts << tr("%1: %n clip(s)", "", int(answered)).arg(map.space.isEmpty() ? map.encoder : map.space);
    if (unheard > 0)
        parts << tr("%n unheard excerpt(s)", "", int(unheard));
    parts << tr("t-SNE %1 on %2").arg(map.method.isEmpty() ? tr("(method unknown)") : map.method,
                                       map.device.isEmpty() ? QStringLiteral("cpu") : map.device);
    parts << tr("KL divergence %1").arg(map.kl, 0, 'f', 3);
    parts << tr("%1 s").arg(map.seconds, 0, 'f', map.seconds < 10 ? 1 : 0);
    QString text = parts.join(QStringLiteral(" · "));
    if (!map.notice.isEmpty())
        text += QStringLiteral("\n") + tr("Note: %1").arg(map.notice);
    m_info->setText(text);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_progress->setFormat(tr("done"));
}

void EmbeddingMapView::setColourBy(EmbeddingPlot::ColourBy colourBy)
{
    const int i = m_colour->findData(int(colourBy));
    if (i >= 0)
        m_colour->setCurrentIndex(i); // emits, which applies it to the plot
    m_plot->setColourBy(colourBy);
}

void EmbeddingMapView::setModelSpace(bool on)
{
    const int i = m_space->findData(on ? QStringLiteral("model") : QStringLiteral("raw"));
    if (i >= 0)
        m_space->setCurrentIndex(i);
}

void EmbeddingMapView::setIncludeUnheard(bool on) { m_unheard->setChecked(on); }

void EmbeddingMapView::updateControls()
{
    const bool running = isComputing();
    const bool ready = m_study && !m_participants.isEmpty() && !m_encoder.isEmpty();
    m_space->setEnabled(ready && m_space->count() > 1);
    m_unheard->setEnabled(ready);
    m_perplexity->setEnabled(ready);
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_run->setVisible(!running && ready && !isCurrent());
    m_export->setEnabled(m_plot->hasMap() && !running);
    m_reset->setEnabled(m_plot->hasMap());
    m_select->setEnabled(m_plot->hasMap());
    // Colour options that apply to what is shown.
    const bool probabilities = m_plot->hasMap() ? m_plot->hasProbabilities() : currentRequest().modelId > 0;
    setItemEnabled(m_colour, m_colour->findData(int(EmbeddingPlot::ColourBy::Probability)), probabilities);
    setItemEnabled(m_colour, m_colour->findData(int(EmbeddingPlot::ColourBy::Participant)),
                   m_participants.size() > 1);
    if (!itemEnabled(m_colour, m_colour->currentIndex()))
        setColourBy(EmbeddingPlot::ColourBy::Answer);
}

void EmbeddingMapView::updateSelectionList()
{
    m_selectionList->clear();
    const QVector<int> selection = m_plot->selection();
    if (selection.isEmpty()) {
        m_selectionTitle->setText(m_plot->hasMap() ? tr("No clips selected. Drag with Shift held (or with Select "
                                                        "on) to list clips here.")
                                                   : QString());
        m_clearSelection->setEnabled(false);
        return;
    }
    m_selectionTitle->setText(selection.size() == 1 ? tr("1 clip selected (double-click to play):")
                                                    : tr("%n clip(s) selected (double-click to play):", "", int(selection.size())));
    m_clearSelection->setEnabled(true);
    const auto &points = m_plot->map().points;
    for (int index : selection) {
        const MapPoint &p = points[index];
        const Track *track = m_plot->trackOf(index);
        QString text = track ? (track->artist.isEmpty() ? track->title : tr("%1 — %2").arg(track->title, track->artist))
                             : tr("Track %1").arg(p.clip.trackId);
        QStringList details;
        if (track && !track->genre.isEmpty())
            details << track->genre;
        details << EmbeddingPlot::answerText(p);
        if (!std::isnan(p.probability))
            details << tr("P(like) %1").arg(double(p.probability), 0, 'f', 2);
        if (!p.participant.isEmpty() && m_participants.size() > 1)
            details << p.participant;
        const QString detail = QStringLiteral("    ") + details.join(QStringLiteral(" · "));
        auto *item = new QListWidgetItem(text + QLatin1Char('\n') + detail, m_selectionList);
        item->setData(Qt::UserRole, index);
        item->setToolTip(m_plot->pointText(index));
        QPixmap swatch(12, 12);
        swatch.fill(Qt::transparent);
        {
            QPainter painter(&swatch);
            painter.setRenderHint(QPainter::Antialiasing);
            const QColor colour = p.label == 1 ? resultsstyle::likedColour()
                : p.label == 0                 ? resultsstyle::dislikedColour()
                : p.label == -2                ? resultsstyle::neutralColour()
                                               : resultsstyle::unheardColour();
            painter.setPen(QPen(colour.darker(160), 0.8));
            painter.setBrush(colour);
            painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        }
        item->setIcon(QIcon(swatch));
    }
}

bool EmbeddingMapView::playPoint(int index)
{
    const Track *track = m_plot->trackOf(index);
    if (!track || !m_study)
        return false;
    if (!m_player) {
        m_playing->setText(tr("No audio player."));
        return false;
    }
    const QString path = m_study->resolveTrackPath(*track);
    if (path.isEmpty()) {
        m_playing->setText(tr("Cannot play %1: the music file is missing (Locate music folder on the Study page).")
                               .arg(track->title));
        return false;
    }
    const MapPoint &p = m_plot->map().points[index];
    const StudySettings settings = m_study->settings();
    ClipRequest request;
    request.path = path;
    request.startSeconds = p.clip.startSeconds;
    request.lengthSeconds = p.clip.lengthSeconds;
    request.fadeMs = settings.fadeMs;
    request.targetRmsDbfs = settings.targetRmsDbfs;
    m_player->play(request);
    m_lastPlayed = request;
    m_playedHere = true;
    m_playing->setText(tr("Playing: %1").arg(track->artist.isEmpty() ? track->title
                                                                      : tr("%1 — %2").arg(track->title, track->artist)));
    Q_EMIT clipPlayed(p.clip);
    return true;
}

QVector<int> EmbeddingMapView::contextPoints(const QPoint &pos) const
{
    if (!m_plot->hasMap())
        return {};
    const int at = m_plot->pointAt(pos);
    const QVector<int> selection = m_plot->selection();
    if (!selection.isEmpty() && (at < 0 || selection.contains(at)))
        return selection;
    return at >= 0 ? QVector<int>{at} : QVector<int>{};
}

QVector<int> EmbeddingMapView::feedbackPoints(const QVector<int> &points) const
{
    QVector<int> out;
    if (m_participants.isEmpty())
        return out;
    const QString main = m_participants.first();
    const auto &all = m_plot->map().points;
    for (int index : points) {
        if (index < 0 || index >= all.size())
            continue;
        const MapPoint &p = all[index];
        const bool mine = p.participant == main;
        const bool wrong = !std::isnan(p.probability)
            && ((p.label == 1 && p.probability < 0.5f) || (p.label == 0 && p.probability >= 0.5f));
        if (!mine || p.label == -1 || p.label == -2 || wrong)
            out << index;
    }
    return out;
}

QMenu *EmbeddingMapView::createContextMenu(const QPoint &pos, QWidget *parent)
{
    const QVector<int> points = contextPoints(pos);
    if (points.isEmpty() || m_participants.isEmpty())
        return nullptr;
    const QString main = m_participants.first();
    const QVector<int> eligible = feedbackPoints(points);
    QSet<qint64> tracks;
    for (int index : eligible)
        tracks.insert(m_plot->map().points[index].clip.trackId);
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("mapContextMenu"));
    if (points.size() == 1) {
        const Track *track = m_plot->trackOf(points.first());
        const int index = points.first();
        QAction *play = menu->addAction(tr("Play “%1”").arg(track ? track->title : tr("this clip")), this,
                                        [this, index] { playPoint(index); });
        play->setObjectName(QStringLiteral("mapPlayAction"));
        // Which parts of this clip make the model like (or dislike) it.
        const qint64 model = m_participants.size() == 1 ? m_modelId : 0;
        QAction *why = menu->addAction(tr("Why this track?"), this, [this, index, model] {
            const Track *t = m_plot->trackOf(index);
            if (!t || !m_study || model == 0)
                return;
            const ClipKey clip = m_plot->map().points[index].clip;
            ExplanationView::openWindow(this, m_study, m_player, model, *t, clip.startSeconds, clip.lengthSeconds);
        });
        why->setObjectName(QStringLiteral("mapExplainAction"));
        why->setEnabled(model != 0 && track);
        why->setToolTip(model != 0 ? tr("Play and see which parts of this clip push the model towards like or dislike")
                                   : tr("Choose a model of one participant to explain its predictions"));
        menu->addSeparator();
    }
    QString scope;
    if (tracks.size() == 1) {
        const Track *track = m_plot->trackOf(eligible.first());
        scope = track ? tr("“%1”").arg(track->title) : tr("this track");
    } else {
        scope = tr("%1 tracks").arg(tracks.size());
    }
    QAction *like = menu->addAction(tracks.isEmpty() ? tr("Wrong: I like this") : tr("Wrong: %1 likes %2").arg(main, scope));
    like->setObjectName(QStringLiteral("mapFeedbackLikeAction"));
    QAction *notForMe = menu->addAction(tracks.isEmpty() ? tr("Wrong: not for me")
                                                         : tr("Wrong: %1 is not for %2").arg(scope, main));
    notForMe->setObjectName(QStringLiteral("mapFeedbackNotForMeAction"));
    const QString hint = tracks.isEmpty()
        ? tr("The model already agrees with %1's answers here: feedback is for unheard tracks and wrong predictions")
              .arg(main)
        : tr("Saved as %1's feedback; the recommendations retrain on it").arg(main);
    for (QAction *a : {like, notForMe}) {
        a->setEnabled(!tracks.isEmpty());
        a->setToolTip(hint);
        a->setStatusTip(hint);
    }
    menu->setToolTipsVisible(true);
    connect(like, &QAction::triggered, this, [this, eligible] { giveFeedback(eligible, true); });
    connect(notForMe, &QAction::triggered, this, [this, eligible] { giveFeedback(eligible, false); });
    return menu;
}

bool EmbeddingMapView::giveFeedback(const QVector<int> &points, bool like, QString *error)
{
    const QVector<int> eligible = feedbackPoints(points);
    if (!m_study || m_participants.isEmpty() || eligible.isEmpty()) {
        if (error)
            *error = tr("There is no unheard or wrongly predicted track here to give feedback on.");
        return false;
    }
    const QString main = m_participants.first();
    QList<qint64> saved;
    QString why;
    for (int index : eligible) {
        const qint64 track = m_plot->map().points[index].clip.trackId;
        if (saved.contains(track))
            continue;
        if (!recordFeedback(*m_study, main, track, like, &why)) {
            m_playing->setText(tr("The feedback could not be saved: %1").arg(why));
            if (error)
                *error = why;
            break;
        }
        saved << track;
    }
    if (saved.isEmpty())
        return false;
    const Track *first = m_plot->trackOf(eligible.first());
    const QString what = saved.size() == 1 && first ? tr("“%1”").arg(first->title) : tr("%1 tracks").arg(saved.size());
    m_playing->setText(like ? tr("Saved: %1 likes %2. The recommendations retrain on it.").arg(main, what)
                            : tr("Saved: %1 is not for %2. The recommendations retrain on it.").arg(what, main));
    Q_EMIT feedbackRecorded(main, saved, like);
    return true;
}

bool EmbeddingMapView::exportMap(const QString &format, const QString &path, QString *error)
{
    if (!m_plot->hasMap()) {
        if (error)
            *error = tr("There is no map to export.");
        return false;
    }
    if (format == QLatin1String("png"))
        return m_plot->exportPng(path, error);
    if (format == QLatin1String("svg"))
        return m_plot->exportSvg(path, error);
    if (format == QLatin1String("pdf"))
        return m_plot->exportPdf(path, error);
    if (error)
        *error = tr("Unknown export format %1.").arg(format);
    return false;
}

void EmbeddingMapView::exportDialog(const QString &format)
{
    QString base = m_plot->title();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString dir = m_study ? QFileInfo(m_study->path()).absolutePath()
                                : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString filter = format == QLatin1String("png")   ? tr("PNG images (*.png)")
        : format == QLatin1String("svg")                    ? tr("SVG images (*.svg)")
                                                            : tr("PDF documents (*.pdf)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the map"),
                                                      QDir(dir).filePath(QStringLiteral("map-%1.%2").arg(base, format)),
                                                      filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportMap(format, path, &error))
        m_playing->setText(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    else
        m_playing->setText(error);
}

void EmbeddingMapView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty || !isCurrent())
        computeMap();
}

void EmbeddingMapView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A clip started from the map stops when the map is no longer in view.
    if (m_player && m_playedHere && m_player->currentRequest() == m_lastPlayed
        && (m_player->state() == ClipPlayer::State::Playing || m_player->state() == ClipPlayer::State::Loading))
        m_player->stop();
    m_playedHere = false;
}

} // namespace tastelab
