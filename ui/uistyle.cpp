#include "uistyle.h"

#include <QCoreApplication>
#include <QHash>

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

QString modelName(const QString &modelId)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("clep-pn"), QT_TRANSLATE_NOOP("Models", "CLEP-PN")},
        {QStringLiteral("clep-p"), QT_TRANSLATE_NOOP("Models", "CLEP-P")},
        {QStringLiteral("clep-n"), QT_TRANSLATE_NOOP("Models", "CLEP-N")},
        {QStringLiteral("logreg"), QT_TRANSLATE_NOOP("Models", "Logistic regression")},
        {QStringLiteral("knn"), QT_TRANSLATE_NOOP("Models", "k-nearest neighbours")},
        {QStringLiteral("mlp"), QT_TRANSLATE_NOOP("Models", "MLP only")}};
    const auto it = names.constFind(modelId);
    return it == names.constEnd() ? modelId : QCoreApplication::translate("Models", it.value());
}

} // namespace tastelab::uistyle
