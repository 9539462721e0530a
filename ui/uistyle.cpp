#include "uistyle.h"

#include <QLabel>
#include <QPalette>
#include <QWidget>

namespace tastelab::uistyle {

void makeSecondary(QWidget *widget)
{
    QPalette palette = widget->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor background = palette.color(QPalette::Window);
    const auto mix = [](int a, int b) { return (a * 62 + b * 38) / 100; };
    const QColor secondary(mix(text.red(), background.red()), mix(text.green(), background.green()),
                           mix(text.blue(), background.blue()));
    palette.setColor(QPalette::WindowText, secondary);
    palette.setColor(QPalette::Text, secondary);
    widget->setPalette(palette);
}

QLabel *pageTitle(const QString &text, QWidget *parent)
{
    auto *title = new QLabel(text, parent);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    return title;
}

QLabel *stateLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace tastelab::uistyle
