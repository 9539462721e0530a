#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

namespace tastelab::language {

namespace {

QString g_current = QStringLiteral("en");
QVector<QPointer<QTranslator>> g_installed;

bool isAvailable(const QString &code)
{
    for (const Language &l : available())
        if (l.code == code)
            return true;
    return false;
}

/// "ko_KR", "ko-KR", "KO" -> "ko".
QString normalised(const QString &code)
{
    return code.trimmed().section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
}

/// code when it has a catalogue; otherwise a note on stderr naming where it came from, and empty.
QString checked(const QString &code, const char *origin)
{
    const QString c = normalised(code);
    if (c.isEmpty() || isAvailable(c))
        return c;
    std::fprintf(stderr, "tastelab: %s: no translation for language '%s' (available: en, ko); ignored\n", origin,
                 qPrintable(code));
    return QString();
}

} // namespace

QVector<Language> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ko"), QStringLiteral("한국어")}};
}

QString settingsKey() { return QStringLiteral("ui/language"); }

QString stored()
{
    const QString code = normalised(QSettings().value(settingsKey()).toString());
    return isAvailable(code) ? code : QString();
}

void store(const QString &code) { QSettings().setValue(settingsKey(), normalised(code)); }

QString systemLanguage()
{
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = normalised(ui);
        if (isAvailable(code))
            return code;
    }
    return QStringLiteral("en");
}

QString resolve(const QString &override)
{
    QString code = checked(override, "--lang");
    if (code.isEmpty())
        code = checked(qEnvironmentVariable("TASTELAB_LANG"), "TASTELAB_LANG");
    if (code.isEmpty())
        code = stored();
    if (code.isEmpty())
        code = systemLanguage();
    return code;
}

bool install(const QString &code, QString *error)
{
    for (const QPointer<QTranslator> &t : std::as_const(g_installed)) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    g_installed.clear();
    g_current = QStringLiteral("en");

    auto load = [](const QString &file, const QString &dir) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(file, dir) && QCoreApplication::installTranslator(translator)) {
            g_installed << translator;
            return true;
        }
        delete translator;
        return false;
    };
    // Qt's own texts (standard buttons, file dialogs, audio errors); optional.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const char *module : {"qtbase", "qtmultimedia"})
        load(QStringLiteral("%1_%2").arg(QLatin1String(module), code), qtDir);
    // Ours, built into the program (translations/CMakeLists.txt); installed last, so it wins.
    if (!load(QStringLiteral("tastelab_%1").arg(code), QStringLiteral(":/i18n"))) {
        if (error)
            *error = QStringLiteral("no Tastelab translation for language '%1' (:/i18n/tastelab_%1.qm)").arg(code);
        return false;
    }
    g_current = code;
    return true;
}

QString current() { return g_current; }

} // namespace tastelab::language
