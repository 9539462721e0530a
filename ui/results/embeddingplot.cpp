#include "results/embeddingplot.h"

#include "results/resultsstyle.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QLabel>
#include <QMouseEvent>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tastelab {

namespace {

constexpr double kPointSize = 9.0;
constexpr double kUnheardSize = 7.0;
constexpr double kHoverRadius = 8.0;
constexpr int kClickTolerance = 4;
constexpr int kLegendWrap = 18;

QString escaped(const QString &text) { return text.toHtmlEscaped(); }

/// A legend row: a marker (or nothing, for a heading) and a text.
class MarkerLegendItem : public QCPAbstractLegendItem {
public:
    MarkerLegendItem(QCPLegend *legend, const QString &text, const QColor &colour, int shape, bool heading)
        : QCPAbstractLegendItem(legend), m_text(text), m_colour(colour), m_shape(shape), m_heading(heading)
    {
        setSelectable(false);
        if (heading) {
            QFont f = font();
            f.setBold(true);
            setFont(f);
        }
    }
    QString text() const { return m_text; }

protected:
    void draw(QCPPainter *painter) override
    {
        painter->setFont(mFont);
        painter->setPen(QPen(mTextColor));
        const QRect r = mRect;
        if (m_heading) {
            painter->drawText(r, Qt::TextDontClip | Qt::AlignLeft | Qt::AlignBottom, m_text);
            return;
        }
        const QSize icon = mParentLegend->iconSize();
        const int textX = r.x() + icon.width() + mParentLegend->iconTextPadding();
        painter->drawText(QRect(textX, r.y(), r.right() - textX + 1, r.height()),
                          Qt::TextDontClip | Qt::AlignLeft | Qt::AlignVCenter, m_text);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(m_colour.darker(160), 0.8));
        painter->setBrush(m_colour);
        resultsstyle::drawMarker(painter, m_shape, QPointF(r.x() + icon.width() / 2.0, r.center().y() + 0.5),
                                 kPointSize + 1);
        painter->restore();
    }
    QSize minimumOuterSizeHint() const override
    {
        const QSize icon = mParentLegend->iconSize();
        const QFontMetrics metrics(mFont);
        QSize size(metrics.horizontalAdvance(m_text), qMax(metrics.height() + 2, icon.height()));
        if (!m_heading)
            size.rwidth() += icon.width() + mParentLegend->iconTextPadding();
        else if (mParentLegend->itemCount() > 0 && mParentLegend->item(0) != this)
            size.rheight() += 6; // space above the second group
        size.rwidth() += mMargins.left() + mMargins.right();
        size.rheight() += mMargins.top() + mMargins.bottom();
        return size;
    }

private:
    QString m_text;
    QColor m_colour;
    int m_shape = 0;
    bool m_heading = false;
};

} // namespace

/// Draws every point of the owner's map with its own colour and shape (QCPGraph would need one
/// graph per colour and shape, and a gradient has a colour per point).
class MapScatter : public QCPAbstractPlottable {
public:
    MapScatter(EmbeddingPlot *owner, QCPAxis *x, QCPAxis *y) : QCPAbstractPlottable(x, y), m_owner(owner)
    {
        setSelectable(QCP::stNone);
        setAntialiased(true);
    }

    double selectTest(const QPointF &, bool, QVariant * = nullptr) const override { return -1; }
    QCPRange getKeyRange(bool &found, QCP::SignDomain = QCP::sdBoth) const override { return range(true, found); }
    QCPRange getValueRange(bool &found, QCP::SignDomain = QCP::sdBoth, const QCPRange & = QCPRange()) const override
    {
        return range(false, found);
    }

protected:
    void draw(QCPPainter *painter) override
    {
        const EmbeddingPlot &o = *m_owner;
        const auto &points = o.m_map.points;
        painter->setRenderHint(QPainter::Antialiasing, true);
        for (int i : o.m_order) {
            const MapPoint &p = points[i];
            const QPointF pixel = coordsToPixels(double(p.x), double(p.y));
            QColor fill = o.m_colours.value(i);
            const bool unheard = p.label == -1;
            QColor edge = fill.darker(unheard ? 125 : 165);
            if (unheard && o.m_colourBy != EmbeddingPlot::ColourBy::Probability) {
                fill.setAlpha(150);
                edge.setAlpha(170);
            }
            painter->setPen(QPen(edge, 0.8));
            painter->setBrush(fill);
            resultsstyle::drawMarker(painter, o.m_shapes.value(i), pixel, unheard ? kUnheardSize : kPointSize);
        }
        // Selection and hover rings on top.
        painter->setBrush(Qt::NoBrush);
        for (int i : o.m_selection) {
            const QPointF pixel = coordsToPixels(double(points[i].x), double(points[i].y));
            painter->setPen(QPen(QColor(20, 20, 20), 1.6));
            painter->drawEllipse(pixel, kPointSize * 0.85, kPointSize * 0.85);
        }
        // The taste profile's prototypes: a gold ring, and a label at each track's first point.
        QSet<qint64> labelled;
        for (int i : o.m_highlightPoints) {
            const MapPoint &p = points[i];
            const QPointF pixel = coordsToPixels(double(p.x), double(p.y));
            painter->setPen(QPen(QColor(224, 160, 0), 2.6));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(pixel, kPointSize * 1.15, kPointSize * 1.15);
            if (labelled.contains(p.clip.trackId))
                continue;
            labelled.insert(p.clip.trackId);
            const QString text = o.m_highlights.value(p.clip.trackId);
            QFont font = painter->font();
            font.setBold(true);
            painter->setFont(font);
            const QRectF box = QFontMetricsF(font).boundingRect(text).adjusted(-3, -1, 3, 1);
            const QRectF at = box.translated(pixel + QPointF(kPointSize * 1.3, -kPointSize * 1.3) - box.bottomLeft());
            painter->setPen(QPen(QColor(224, 160, 0), 1.2));
            painter->setBrush(QColor(255, 250, 230, 235));
            painter->drawRoundedRect(at, 3, 3);
            painter->setPen(QColor(60, 40, 0));
            painter->drawText(at, Qt::AlignCenter, text);
            painter->setBrush(Qt::NoBrush);
        }
        if (o.m_hovered >= 0 && o.m_hovered < points.size()) {
            const MapPoint &p = points[o.m_hovered];
            const QPointF pixel = coordsToPixels(double(p.x), double(p.y));
            painter->setPen(QPen(QColor(255, 170, 0), 2.2));
            painter->drawEllipse(pixel, kPointSize, kPointSize);
        }
    }
    void drawLegendIcon(QCPPainter *, const QRectF &) const override {}

private:
    QCPRange range(bool keys, bool &found) const
    {
        const auto &points = m_owner->m_map.points;
        found = !points.isEmpty();
        if (!found)
            return QCPRange();
        double lo = keys ? points.first().x : points.first().y;
        double hi = lo;
        for (const MapPoint &p : points) {
            const double v = keys ? p.x : p.y;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        return QCPRange(lo, hi);
    }

    EmbeddingPlot *m_owner;
};

/// The QCustomPlot that hands its mouse to the EmbeddingPlot: hover, click, and Shift + drag
/// for the rubber band.
class MapCanvas : public QCustomPlot {
public:
    MapCanvas(EmbeddingPlot *owner, QWidget *parent) : QCustomPlot(parent), m_owner(owner) { setMouseTracking(true); }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        const bool rubber = event->button() == Qt::LeftButton
            && (m_owner->m_selectMode || event->modifiers().testFlag(Qt::ShiftModifier));
        setSelectionRectMode(rubber ? QCP::srmCustom : QCP::srmNone);
        m_owner->onPress(event->pos());
        QCustomPlot::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        QCustomPlot::mouseMoveEvent(event);
        if (event->buttons() == Qt::NoButton)
            m_owner->updateHover(event->pos(), event->globalPosition().toPoint());
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QCustomPlot::mouseReleaseEvent(event);
        m_owner->onRelease(event->pos(), event->button());
    }
    void leaveEvent(QEvent *event) override
    {
        QCustomPlot::leaveEvent(event);
        m_owner->leave();
    }

private:
    EmbeddingPlot *m_owner;
};

EmbeddingPlot::EmbeddingPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("embeddingPlot"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new MapCanvas(this, this);
    m_plot->setObjectName(QStringLiteral("embeddingCanvas"));
    m_plot->setMinimumSize(360, 280);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(false);
    m_plot->setBackground(Qt::white);
    layout->addWidget(m_plot);

    // Layout: title above; the axis rect; the legend and the colour scale on the right.
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), int(font().pointSizeF() * 1.1 + 0.5), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(2, 0, new QCPLayoutElement(m_plot)); // spacer
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 0.001);
    side->setRowStretchFactor(2, 1);
    side->setMargins(QMargins(0, 0, 0, 0));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setIconSize(12, 12);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_plot->legend->setWrap(kLegendWrap);
    m_plot->legend->setMargins(QMargins(4, 8, 6, 4));

    m_colourScale = new QCPColorScale(m_plot);
    m_colourScale->setType(QCPAxis::atRight);
    m_colourScale->setDataRange(QCPRange(0, 1));
    m_colourScale->setLabel(tr("predicted P(like)"));
    m_colourScale->setBarWidth(12);
    m_colourScale->setRangeDrag(false);
    m_colourScale->setRangeZoom(false);
    // (QCPColorScale sets its own minimum and maximum size: its height comes from the row
    // stretch factors of the side column, see rebuildLegend().)
    m_colourScale->axis()->ticker()->setTickCount(5);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int i = 0; i <= 10; ++i)
        gradient.setColorStopAt(i / 10.0, resultsstyle::probabilityColour(i / 10.0));
    m_colourScale->setGradient(gradient);
    m_colourScale->setVisible(false);

    m_scatter = new MapScatter(this, m_plot->xAxis, m_plot->yAxis);
    m_scatter->removeFromLegend();

    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(QColor(205, 205, 205), 1, Qt::DotLine));
        axis->setBasePen(QPen(QColor(120, 120, 120)));
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(90, 90, 90));
    }
    m_plot->xAxis->setLabel(tr("t-SNE 1"));
    m_plot->yAxis->setLabel(tr("t-SNE 2"));

    m_plot->selectionRect()->setPen(QPen(QColor(40, 90, 200), 1, Qt::DashLine));
    m_plot->selectionRect()->setBrush(QColor(40, 90, 200, 40));
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect &rect, QMouseEvent *event) {
        selectPixelRect(rect, event && event->modifiers().testFlag(Qt::ControlModifier));
    });

    // A message over the canvas when there is nothing to show.
    m_message = new QLabel(m_plot);
    m_message->setObjectName(QStringLiteral("embeddingMessageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMaximumWidth(460);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: rgba(255,255,255,230); color: #333; "
                                            "border: 1px solid #ccc; border-radius: 4px; padding: 10px; }"));
    auto *overlay = new QVBoxLayout(m_plot);
    overlay->addWidget(m_message, 0, Qt::AlignCenter);
    clearMap();
}

EmbeddingPlot::~EmbeddingPlot() = default;

QWidget *EmbeddingPlot::canvas() const { return m_plot; }

void EmbeddingPlot::setTitle(const QString &title)
{
    m_title->setText(title);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString EmbeddingPlot::title() const { return m_title->text(); }

const Track *EmbeddingPlot::trackOf(int index) const
{
    if (index < 0 || index >= m_map.points.size())
        return nullptr;
    const auto it = m_tracks.constFind(m_map.points[index].clip.trackId);
    return it == m_tracks.constEnd() ? nullptr : &it.value();
}

QString EmbeddingPlot::genreOf(int index) const
{
    const Track *track = trackOf(index);
    return track ? track->genre : QString();
}

QString EmbeddingPlot::genreLabel(const QString &genre) const
{
    return genre.isEmpty() ? tr("(no genre)") : genre;
}

void EmbeddingPlot::setHighlights(const QHash<qint64, QString> &labels)
{
    m_highlights = labels;
    updateHighlightPoints();
    m_plot->replot();
}

void EmbeddingPlot::updateHighlightPoints()
{
    m_highlightPoints.clear();
    for (int i = 0; i < m_map.points.size(); ++i)
        if (m_highlights.contains(m_map.points[i].clip.trackId))
            m_highlightPoints << i;
}

void EmbeddingPlot::setMap(const EmbeddingMap &map, const QHash<qint64, Track> &tracks)
{
    m_map = map;
    m_tracks = tracks;
    m_selection.clear();
    m_selected = QVector<bool>(m_map.points.size(), false);
    m_hovered = -1;
    QToolTip::hideText();

    QSet<QString> genres;
    m_participants.clear();
    for (int i = 0; i < m_map.points.size(); ++i) {
        genres.insert(genreOf(i));
        const QString &code = m_map.points[i].participant;
        if (!code.isEmpty() && !m_participants.contains(code))
            m_participants << code;
    }
    m_genres = QStringList(genres.begin(), genres.end());
    std::sort(m_genres.begin(), m_genres.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    // Unheard excerpts first, then the answers, so the answers are never hidden under them.
    m_order.clear();
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < m_map.points.size(); ++i)
            if ((m_map.points[i].label == -1) == (pass == 0))
                m_order << i;

    updateHighlightPoints();
    m_message->setVisible(m_map.points.isEmpty());
    if (m_map.points.isEmpty())
        m_message->setText(m_map.error.isEmpty() ? tr("No clips to show.") : m_map.error);
    rebuildStyle();
    resetView();
    Q_EMIT selectionChanged();
}

void EmbeddingPlot::clearMap(const QString &message)
{
    m_map = EmbeddingMap();
    m_tracks.clear();
    m_selection.clear();
    m_selected.clear();
    m_order.clear();
    m_colours.clear();
    m_shapes.clear();
    m_genres.clear();
    m_participants.clear();
    m_hovered = -1;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    rebuildLegend();
    m_plot->xAxis->setRange(-1, 1);
    m_plot->yAxis->setRange(-1, 1);
    m_plot->replot();
    Q_EMIT selectionChanged();
}

bool EmbeddingPlot::hasProbabilities() const
{
    return std::any_of(m_map.points.cbegin(), m_map.points.cend(),
                       [](const MapPoint &p) { return !std::isnan(p.probability); });
}

bool EmbeddingPlot::hasSeveralParticipants() const { return m_participants.size() > 1; }

void EmbeddingPlot::setColourBy(ColourBy colourBy)
{
    if (colourBy == m_colourBy)
        return;
    m_colourBy = colourBy;
    rebuildStyle();
    m_plot->replot();
}

void EmbeddingPlot::rebuildStyle()
{
    const int n = int(m_map.points.size());
    m_colours.resize(n);
    m_shapes.resize(n);
    for (int i = 0; i < n; ++i) {
        const MapPoint &p = m_map.points[i];
        const int genre = int(m_genres.indexOf(genreOf(i)));
        m_shapes[i] = std::max(genre, 0);
        switch (m_colourBy) {
        case ColourBy::Answer:
            m_colours[i] = p.label == 1    ? resultsstyle::likedColour()
                : p.label == 0             ? resultsstyle::dislikedColour()
                : p.label == -2            ? resultsstyle::neutralColour()
                                           : resultsstyle::unheardColour();
            break;
        case ColourBy::Genre:
            m_colours[i] = resultsstyle::categoryColour(genre);
            break;
        case ColourBy::Probability:
            m_colours[i] = resultsstyle::probabilityColour(double(p.probability));
            break;
        case ColourBy::Participant:
            m_colours[i] = p.participant.isEmpty() ? resultsstyle::unheardColour()
                                                   : resultsstyle::categoryColour(int(m_participants.indexOf(p.participant)));
            break;
        }
    }
    rebuildLegend();
}

void EmbeddingPlot::rebuildLegend()
{
    QCPLegend *legend = m_plot->legend;
    legend->clearItems();
    const auto heading = [&](const QString &text) {
        legend->addItem(new MarkerLegendItem(legend, text, QColor(), 0, true));
    };
    const auto entry = [&](const QString &text, const QColor &colour, int shape) {
        legend->addItem(new MarkerLegendItem(legend, text, colour, shape, false));
    };
    const QColor shapeColour(110, 110, 110);
    const bool haveUnheard = std::any_of(m_map.points.cbegin(), m_map.points.cend(),
                                         [](const MapPoint &p) { return p.label == -1; });
    const bool haveNeutral = std::any_of(m_map.points.cbegin(), m_map.points.cend(),
                                         [](const MapPoint &p) { return p.label == -2; });
    bool showScale = false;
    if (!m_map.points.isEmpty()) {
        switch (m_colourBy) {
        case ColourBy::Answer:
            heading(tr("Answer"));
            entry(tr("liked"), resultsstyle::likedColour(), 0);
            entry(tr("disliked"), resultsstyle::dislikedColour(), 0);
            if (haveNeutral)
                entry(tr("neutral"), resultsstyle::neutralColour(), 0);
            if (haveUnheard)
                entry(tr("unheard"), resultsstyle::unheardColour(), 0);
            break;
        case ColourBy::Genre:
            heading(tr("Genre"));
            for (int g = 0; g < m_genres.size(); ++g)
                entry(genreLabel(m_genres[g]), resultsstyle::categoryColour(g), g);
            break;
        case ColourBy::Probability:
            showScale = true;
            break;
        case ColourBy::Participant:
            heading(tr("Participant"));
            for (int k = 0; k < m_participants.size(); ++k)
                entry(m_participants[k], resultsstyle::categoryColour(k), 0);
            if (haveUnheard)
                entry(tr("unheard"), resultsstyle::unheardColour(), 0);
            break;
        }
        if (m_colourBy != ColourBy::Genre) {
            heading(tr("Genre (shape)"));
            for (int g = 0; g < m_genres.size(); ++g)
                entry(genreLabel(m_genres[g]), shapeColour, g);
        }
    }
    auto *side = qobject_cast<QCPLayoutGrid *>(m_plot->plotLayout()->element(1, 1));
    if (side) {
        // The scale sits in a row of its own with a spacer beside it: a grid cell gives its element
        // the cell's whole width, and the bar should keep its own.
        if (!m_scaleRow) {
            m_scaleRow = new QCPLayoutGrid;
            m_scaleRow->setMargins(QMargins(0, 0, 0, 0));
            m_scaleRow->addElement(0, 1, new QCPLayoutElement(m_plot));
            m_scaleRow->setColumnStretchFactor(0, 0.001);
            m_scaleRow->setColumnStretchFactor(1, 1);
        }
        const bool placed = side->hasElement(1, 0) && side->element(1, 0) == m_scaleRow;
        if (showScale && !placed) {
            m_scaleRow->addElement(0, 0, m_colourScale);
            side->addElement(1, 0, m_scaleRow);
        } else if (!showScale && placed) {
            side->take(m_scaleRow);
            m_scaleRow->take(m_colourScale);
        }
        // The legend takes what it needs; the colour scale shares the rest with the spacer below.
        side->setRowStretchFactor(1, showScale ? 1.0 : 0.001);
        side->setRowStretchFactor(2, showScale ? 0.8 : 1.0);
    }
    m_colourScale->setVisible(showScale);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList EmbeddingPlot::legendEntries() const
{
    QStringList entries;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = dynamic_cast<MarkerLegendItem *>(m_plot->legend->item(i)))
            entries << item->text();
    return entries;
}

bool EmbeddingPlot::colourScaleVisible() const { return m_colourScale->visible(); }

void EmbeddingPlot::resetView()
{
    if (m_map.points.isEmpty())
        return;
    bool found = false;
    QCPRange x = m_scatter->getKeyRange(found);
    QCPRange y = m_scatter->getValueRange(found);
    const auto pad = [](QCPRange r) {
        const double margin = std::max(r.size() * 0.06, 1e-3);
        return QCPRange(r.lower - margin, r.upper + margin);
    };
    m_plot->xAxis->setRange(pad(x));
    m_plot->yAxis->setRange(pad(y));
    m_plot->replot();
}

QString EmbeddingPlot::answerText(const MapPoint &p)
{
    // The raw answer only where it says more than the label (Likert scales).
    const bool showValue = p.value != std::numeric_limits<int>::min() && p.value != p.label;
    const QString value = showValue ? QString::number(p.value) : QString();
    switch (p.label) {
    case 1:
        return value.isEmpty() ? tr("liked") : tr("liked (%1)").arg(value);
    case 0:
        return value.isEmpty() ? tr("disliked") : tr("disliked (%1)").arg(value);
    case -2:
        return value.isEmpty() ? tr("neutral") : tr("neutral (%1)").arg(value);
    default:
        return tr("unheard");
    }
}

QString EmbeddingPlot::pointText(int index) const
{
    if (index < 0 || index >= m_map.points.size())
        return QString();
    const MapPoint &p = m_map.points[index];
    const Track *track = trackOf(index);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(escaped(track && !track->title.isEmpty() ? track->title
                                                                                        : tr("Track %1").arg(p.clip.trackId)));
    if (track && !track->artist.isEmpty())
        lines << escaped(track->artist);
    lines << tr("Genre: %1").arg(escaped(genreLabel(track ? track->genre : QString())));
    lines << tr("Answer: %1").arg(escaped(answerText(p)));
    if (!std::isnan(p.probability))
        lines << tr("Predicted P(like): %1").arg(double(p.probability), 0, 'f', 2);
    if (!p.participant.isEmpty() && m_participants.size() > 1)
        lines << tr("Participant: %1").arg(escaped(p.participant));
    lines << tr("Excerpt %1–%2 s · click to play")
                 .arg(p.clip.startSeconds, 0, 'f', 1)
                 .arg(p.clip.startSeconds + p.clip.lengthSeconds, 0, 'f', 1);
    return lines.join(QStringLiteral("<br>"));
}

QPoint EmbeddingPlot::pointPixel(int index) const
{
    if (index < 0 || index >= m_map.points.size())
        return QPoint(-1, -1);
    const MapPoint &p = m_map.points[index];
    return QPoint(qRound(m_plot->xAxis->coordToPixel(p.x)), qRound(m_plot->yAxis->coordToPixel(p.y)));
}

int EmbeddingPlot::pointAt(const QPoint &pos, double radius) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return -1;
    int best = -1;
    double bestDistance = radius * radius;
    // Answers above unheard excerpts: search in reverse drawing order, so the top one wins ties.
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        const MapPoint &p = m_map.points[*it];
        const double dx = m_plot->xAxis->coordToPixel(p.x) - pos.x();
        const double dy = m_plot->yAxis->coordToPixel(p.y) - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestDistance) {
            bestDistance = d;
            best = *it;
        }
    }
    return best;
}

void EmbeddingPlot::updateHover(const QPoint &pos, const QPoint &globalPos)
{
    const int index = pointAt(pos, kHoverRadius);
    if (index != m_hovered) {
        m_hovered = index;
        m_plot->setCursor(index >= 0 ? Qt::PointingHandCursor : m_selectMode ? Qt::CrossCursor : Qt::ArrowCursor);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT pointHovered(index);
    }
    if (index >= 0) {
        const QPoint pixel = pointPixel(index);
        QToolTip::showText(globalPos, pointText(index), m_plot, QRect(pixel - QPoint(8, 8), QSize(16, 16)));
    } else {
        QToolTip::hideText();
    }
}

void EmbeddingPlot::leave()
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT pointHovered(-1);
    }
}

void EmbeddingPlot::onPress(const QPoint &pos)
{
    m_pressPos = pos;
    m_pressed = true;
}

void EmbeddingPlot::onRelease(const QPoint &pos, Qt::MouseButton button)
{
    if (!m_pressed || button != Qt::LeftButton)
        return;
    m_pressed = false;
    if ((pos - m_pressPos).manhattanLength() > kClickTolerance)
        return; // a pan or a rubber band
    const int index = pointAt(pos, kHoverRadius);
    if (index >= 0)
        Q_EMIT pointClicked(index);
}

void EmbeddingPlot::setSelectMode(bool on)
{
    m_selectMode = on;
    m_plot->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void EmbeddingPlot::selectPixelRect(const QRect &rect, bool additive)
{
    const QRect r = rect.normalized();
    if (!additive) {
        m_selection.clear();
        m_selected.fill(false);
    }
    for (int i : m_order) {
        if (m_selected.value(i))
            continue;
        if (r.contains(pointPixel(i))) {
            m_selected[i] = true;
            m_selection << i;
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT selectionChanged();
}

void EmbeddingPlot::clearSelection()
{
    if (m_selection.isEmpty())
        return;
    m_selection.clear();
    m_selected.fill(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT selectionChanged();
}

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/// Hides the hover ring while exporting.
struct HoverOff {
    explicit HoverOff(int &hovered) : ref(hovered), saved(hovered) { ref = -1; }
    ~HoverOff() { ref = saved; }
    int &ref;
    int saved;
};

} // namespace

bool EmbeddingPlot::exportPng(const QString &path, QString *error)
{
    HoverOff off(m_hovered);
    const QSize size = exportSize();
    const double scale = kExportDpi / 96.0;
    const bool ok = m_plot->savePng(path, size.width(), size.height(), scale, -1, int(kExportDpi), QCP::ruDotsPerInch);
    m_plot->replot();
    return ok ? true : fail(error, tr("The PNG file %1 could not be written.").arg(QDir::toNativeSeparators(path)));
}

bool EmbeddingPlot::exportSvg(const QString &path, QString *error)
{
    HoverOff off(m_hovered);
    const QSize size = exportSize();
    {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(96);
        generator.setTitle(m_title->text().isEmpty() ? tr("Embedding map") : m_title->text());
        generator.setDescription(tr("Tastelab embedding map"));
        QCPPainter painter;
        if (!painter.begin(&generator))
            return fail(error, tr("The SVG file %1 could not be written.").arg(QDir::toNativeSeparators(path)));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        m_plot->toPainter(&painter, size.width(), size.height());
        painter.end();
    }
    m_plot->replot();
    if (QFileInfo(path).size() <= 0)
        return fail(error, tr("The SVG file %1 could not be written.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool EmbeddingPlot::exportPdf(const QString &path, QString *error)
{
    HoverOff off(m_hovered);
    const QSize size = exportSize();
    const bool ok = m_plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, QStringLiteral("Tastelab"),
                                    m_title->text());
    m_plot->replot();
    return ok ? true : fail(error, tr("The PDF file %1 could not be written.").arg(QDir::toNativeSeparators(path)));
}

} // namespace tastelab
