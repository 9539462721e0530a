#pragma once

class QLabel;
class QString;
class QWidget;

namespace tastelab::uistyle {

/// Secondary text (hints, paths, key help): the window text colour blended towards the
/// background, so it stays readable in light and dark themes.
void makeSecondary(QWidget *widget);

/// A page's heading: large bold text.
QLabel *pageTitle(const QString &text, QWidget *parent);

/// A word-wrapped label under a page's heading that says what the page needs or does now.
QLabel *stateLabel(const QString &objectName, QWidget *parent);

/// A model kind's display name: "CLEP-PN", "CLEP-P", "CLEP-N", "Logistic regression",
/// "k-nearest neighbours", "MLP only"; unknown ids unchanged.
QString modelName(const QString &modelId);

} // namespace tastelab::uistyle
