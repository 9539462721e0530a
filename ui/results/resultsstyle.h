#pragma once

// Colours, marker shapes and names shared by the results views (embedding map, performance).

#include <QColor>
#include <QString>

class QPainter;
class QPointF;
class QRectF;

namespace tastelab::resultsstyle {

QColor likedColour();     ///< red, as the thesis figures
QColor dislikedColour();  ///< blue
QColor neutralColour();   ///< amber (Likert answers between the like and dislike bounds)
QColor unheardColour();   ///< grey
/// A qualitative colour (tab10), cycling.
QColor categoryColour(int index);
/// The like-probability gradient (blue 0, light grey 0.5, red 1); NaN gives unheardColour().
QColor probabilityColour(double probability);

/// Number of distinct marker shapes before they repeat.
int markerShapeCount();
/// Draws filled marker shape (circle, square, triangle, diamond, inverted triangle, plus, cross,
/// star, pentagon, hexagon, cycling) of diameter size centred at centre, with the painter's pen
/// and brush.
void drawMarker(QPainter *painter, int shape, const QPointF &centre, double size);

/// True for clep-pn, clep-p and clep-n (the models with a space of their own).
bool isClep(const QString &modelId);

} // namespace tastelab::resultsstyle
