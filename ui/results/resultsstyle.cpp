#include "results/resultsstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace tastelab::resultsstyle {

QColor likedColour() { return QColor(0xd6, 0x27, 0x28); }
QColor dislikedColour() { return QColor(0x1f, 0x77, 0xb4); }
QColor neutralColour() { return QColor(0xe0, 0x9a, 0x1e); }
QColor unheardColour() { return QColor(0xa8, 0xa8, 0xa8); }

QColor categoryColour(int index)
{
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    constexpr int n = int(sizeof(palette) / sizeof(palette[0]));
    return QColor::fromRgb(palette[((index % n) + n) % n]);
}

QColor probabilityColour(double p)
{
    if (std::isnan(p))
        return unheardColour();
    p = qBound(0.0, p, 1.0);
    // A diverging blue - grey - red scale (matplotlib's coolwarm end points).
    const QColor low(0x3b, 0x4c, 0xc0), mid(0xc8, 0xc8, 0xc8), high(0xb4, 0x04, 0x26);
    const QColor &a = p < 0.5 ? low : mid;
    const QColor &b = p < 0.5 ? mid : high;
    const double t = p < 0.5 ? p * 2 : (p - 0.5) * 2;
    const auto mix = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

int markerShapeCount() { return 10; }

namespace {

QPainterPath polygonPath(int corners, double radius, double rotationDegrees, double innerRadius = 0)
{
    QPolygonF polygon;
    const int steps = innerRadius > 0 ? corners * 2 : corners;
    for (int i = 0; i < steps; ++i) {
        const double r = innerRadius > 0 && i % 2 == 1 ? innerRadius : radius;
        const double a = qDegreesToRadians(rotationDegrees + 360.0 * i / steps);
        polygon << QPointF(r * std::sin(a), -r * std::cos(a));
    }
    QPainterPath path;
    path.addPolygon(polygon);
    path.closeSubpath();
    return path;
}

QPainterPath markerPath(int shape, double size)
{
    const double r = size / 2;
    QPainterPath path;
    switch (((shape % markerShapeCount()) + markerShapeCount()) % markerShapeCount()) {
    case 0:
        path.addEllipse(QPointF(0, 0), r, r);
        break;
    case 1: {
        const double h = r * 0.86;
        path.addRect(QRectF(-h, -h, 2 * h, 2 * h));
        break;
    }
    case 2:
        path = polygonPath(3, r * 1.15, 0);
        path.translate(0, r * 0.15);
        break;
    case 3:
        path = polygonPath(4, r * 1.1, 0);
        break;
    case 4:
        path = polygonPath(3, r * 1.15, 180);
        path.translate(0, -r * 0.15);
        break;
    case 5: { // filled plus
        const double t = r * 0.36;
        path.addRect(QRectF(-r, -t, 2 * r, 2 * t));
        path.addRect(QRectF(-t, -r, 2 * t, 2 * r));
        path = path.simplified();
        break;
    }
    case 6: { // filled x
        const double t = r * 0.36;
        QPainterPath bar;
        bar.addRect(QRectF(-r * 1.1, -t, 2.2 * r, 2 * t));
        QTransform a, b;
        a.rotate(45);
        b.rotate(-45);
        path = (a.map(bar)).united(b.map(bar)).simplified();
        break;
    }
    case 7:
        path = polygonPath(5, r * 1.25, 0, r * 0.55);
        break;
    case 8:
        path = polygonPath(5, r * 1.05, 0);
        break;
    default:
        path = polygonPath(6, r * 1.05, 30);
        break;
    }
    return path;
}

} // namespace

void drawMarker(QPainter *painter, int shape, const QPointF &centre, double size)
{
    painter->drawPath(markerPath(shape, size).translated(centre));
}

bool isClep(const QString &modelId) { return modelId.startsWith(QLatin1String("clep-")); }

} // namespace tastelab::resultsstyle
