#pragma once

#include <QByteArray>
#include <QString>

namespace tastelab {

/// One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote or line break.
QString csvField(const QString &text);

/// Writes bytes to a temporary file next to path and renames it over path (QSaveFile), so a
/// failed write never leaves half a file. False with *error naming the file and the reason.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace tastelab
