// tastelab: the GUI. `tastelab [STUDY_FILE]` opens a study (or listener library); `tastelab --demo`
// opens the demo study; without arguments the start page comes up the first time. `--lang ko` (or
// TASTELAB_LANG=ko) overrides the language chosen in the preferences.

#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

namespace {

/// The value of --lang CODE / --lang=CODE, read before the parser exists: the translators must be
/// installed before the parser's help texts (and every widget) are made.
QString languageArgument(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
    }
    return QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASTELAB_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Tastelab"));

    // The interface language: --lang, TASTELAB_LANG, the preferences ("ui/language"), the system.
    QString languageError;
    if (!tastelab::language::install(tastelab::language::resolve(languageArgument(app.arguments())), &languageError))
        std::fprintf(stderr, "tastelab: %s\n", qPrintable(languageError));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Collect music preferences: participants rate short clips, answers go to a study file."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the built-in demo study (created on first use)."));
    parser.addOption(demoOption);
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Interface language for this run: en or ko (default: the preferences)."),
        QStringLiteral("code"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("study"),
                                 QCoreApplication::translate("main", "Study file (*.tastelab) to open."),
                                 QStringLiteral("[STUDY_FILE]"));
    parser.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);

    tastelab::MainWindow window;
    window.setDataDir(dataDir);
    window.show();

    if (parser.isSet(demoOption))
        window.openDemoStudy(dataDir);
    else if (!parser.positionalArguments().isEmpty())
        window.openStudy(parser.positionalArguments().first());
    else
        window.startUp(); // the start page the first time, else where the user left off

    return app.exec();
}
