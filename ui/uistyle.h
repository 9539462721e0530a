#pragma once

class QWidget;

namespace tastelab::uistyle {

/// Secondary text (hints, paths, key help): the window text colour blended towards the
/// background, so it stays readable in light and dark themes.
void makeSecondary(QWidget *widget);

} // namespace tastelab::uistyle
