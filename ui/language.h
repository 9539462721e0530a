#pragma once

#include <QString>
#include <QVector>

namespace tastelab::language {

/// A user-interface language with a Tastelab catalogue (translations/tastelab_<code>.ts, built into
/// the program as :/i18n/tastelab_<code>.qm).
struct Language {
    QString code;       ///< "en", "ko"
    QString nativeName; ///< the language's own name: "English", "한국어"
};

/// The languages the preferences offer, English first.
QVector<Language> available();

/// The QSettings key of the chosen language ("ui/language"): a code from available(), or empty
/// for the system's language.
QString settingsKey();
/// The stored choice; empty means "system default".
QString stored();
void store(const QString &code);

/// The language to use: override when it is not empty (the GUI's --lang option), else the
/// TASTELAB_LANG environment variable, else the stored choice, else the first of the system's UI
/// languages that has a catalogue; English when none fits. An unknown override or variable is
/// reported on stderr and ignored.
QString resolve(const QString &override = QString());
/// What "system default" gives: the first of QLocale::system().uiLanguages() with a catalogue,
/// else "en".
QString systemLanguage();

/// Installs, on the running application, Tastelab's catalogue for code and Qt's own (qtbase_<code>
/// and qtmultimedia_<code> from QLibraryInfo::TranslationsPath, package qt6-translations-l10n;
/// silently left out when missing), replacing those installed by an earlier call. Call it before
/// creating widgets: texts are set when a widget is built. False with *error when Tastelab's
/// catalogue for code cannot be loaded (the program then stays in English).
bool install(const QString &code, QString *error = nullptr);
/// The code of the language installed last ("en" before any install()).
QString current();

} // namespace tastelab::language
