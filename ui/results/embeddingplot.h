#pragma once

#include "study/results.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCustomPlot;
class QCPColorScale;
class QCPLayoutGrid;
class QCPTextElement;
class QLabel;

namespace tastelab {

class MapCanvas;
class MapScatter;

/// The embedding map (QCustomPlot): one marker per clip of an EmbeddingMap, coloured by the
/// answer (red liked, blue disliked, grey unheard), the genre, the predicted like probability
/// (a gradient with a colour scale) or the participant, with the marker shape given by the genre
/// (as in the thesis figures) and a legend beside the plot.
///
/// Hovering a point shows a tooltip (title, artist, genre, answer, probability); clicking it emits
/// pointClicked(); the wheel zooms, dragging pans, and dragging with Shift (or with select mode on)
/// draws a rubber band whose points become the selection. Exports PNG (300 dpi), SVG and PDF.
///
/// The header keeps QCustomPlot's own header out (it needs Qt's `slots` keyword, which the tests
/// switch off); plot() returns the canvas for code that includes <qcustomplot.h> itself.
class EmbeddingPlot : public QWidget {
    Q_OBJECT
public:
    enum class ColourBy { Answer, Genre, Probability, Participant };
    Q_ENUM(ColourBy)

    explicit EmbeddingPlot(QWidget *parent = nullptr);
    ~EmbeddingPlot() override;

    /// Shows map; tracks gives title, artist and genre of each point's track.
    void setMap(const EmbeddingMap &map, const QHash<qint64, Track> &tracks);
    /// Removes the points and shows message in the plot's place (empty: no message).
    void clearMap(const QString &message = QString());
    const EmbeddingMap &map() const { return m_map; }
    bool hasMap() const { return !m_map.points.isEmpty(); }
    int pointCount() const { return int(m_map.points.size()); }
    const Track *trackOf(int index) const;

    /// The heading drawn above the plot (and into the exports).
    void setTitle(const QString &title);
    QString title() const;

    void setColourBy(ColourBy colourBy);
    ColourBy colourBy() const { return m_colourBy; }
    /// True when some point has a predicted probability (colour by probability makes sense).
    bool hasProbabilities() const;
    /// True when the points come from more than one participant.
    bool hasSeveralParticipants() const;
    /// The legend's entries, top to bottom (headings included), e.g. "liked", "disliked", "rock".
    QStringList legendEntries() const;
    /// Whether the probability colour scale is shown.
    bool colourScaleVisible() const;

    /// Select mode: a plain drag draws the rubber band instead of panning.
    void setSelectMode(bool on);
    bool selectMode() const { return m_selectMode; }
    /// Selects the points inside rect (pixels of canvas()); additive adds to the selection.
    void selectPixelRect(const QRect &rect, bool additive = false);
    QVector<int> selection() const { return m_selection; }
    void clearSelection();

    /// Tracks to highlight (the taste profile's prototypes): their points get a gold ring, and the
    /// track's first point a label (e.g. "P1"). Kept across setMap(); empty clears.
    void setHighlights(const QHash<qint64, QString> &labels);
    QHash<qint64, QString> highlights() const { return m_highlights; }
    /// The points drawn highlighted (indices into the map).
    QVector<int> highlightedPoints() const { return m_highlightPoints; }

    /// The point under the mouse (-1 none) and the tooltip text of a point.
    int hoveredPoint() const { return m_hovered; }
    QString pointText(int index) const;
    /// Where point index is drawn, in canvas() pixels.
    QPoint pointPixel(int index) const;
    /// The point drawn nearest to pos (canvas pixels) within radius pixels, or -1.
    int pointAt(const QPoint &pos, double radius = 8.0) const;

    /// The widget that receives the mouse (the QCustomPlot).
    QWidget *canvas() const;
    QCustomPlot *plot() const { return m_plot; }

    /// Fits the axes to the points again (after zooming and panning).
    void resetView();

    /// Publication exports at a fixed layout size (7.5 x 5.25 in at 96 px/in): PNG rendered at
    /// 300 dpi, SVG (QSvgGenerator) and PDF (vector). False with *error on failure.
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportSvg(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);
    static QSize exportSize() { return QSize(720, 504); }
    static constexpr double kExportDpi = 300.0;

    /// Text of an answer label for points (liked, disliked, neutral, unheard).
    static QString answerText(const MapPoint &point);

Q_SIGNALS:
    void pointHovered(int index);
    void pointClicked(int index);
    void selectionChanged();

private:
    friend class MapCanvas;
    friend class MapScatter;

    void rebuildStyle();
    void rebuildLegend();
    void updateHover(const QPoint &pos, const QPoint &globalPos);
    void onPress(const QPoint &pos);
    void onRelease(const QPoint &pos, Qt::MouseButton button);
    void leave();
    QString genreOf(int index) const;
    QString genreLabel(const QString &genre) const;

    QCustomPlot *m_plot = nullptr;
    MapScatter *m_scatter = nullptr;
    QCPColorScale *m_colourScale = nullptr;
    QCPLayoutGrid *m_scaleRow = nullptr; ///< the colour scale and a spacer, while it is shown
    QCPTextElement *m_title = nullptr;
    QLabel *m_message = nullptr;

    EmbeddingMap m_map;
    QHash<qint64, Track> m_tracks;
    ColourBy m_colourBy = ColourBy::Answer;
    QStringList m_genres;       ///< distinct genres, sorted; index = shape
    QStringList m_participants; ///< distinct participant codes in order of appearance
    QVector<QColor> m_colours;  ///< per point
    QVector<int> m_shapes;      ///< per point
    QVector<int> m_order;       ///< drawing order (unheard first)
    QVector<int> m_selection;
    QVector<bool> m_selected;
    QHash<qint64, QString> m_highlights;
    QVector<int> m_highlightPoints;
    void updateHighlightPoints();
    int m_hovered = -1;
    bool m_selectMode = false;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace tastelab
