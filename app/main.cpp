// tastelab: the GUI. `tastelab [STUDY_FILE]` opens a study (or listener library); `tastelab --demo`
// opens the demo study; without arguments the start page comes up the first time.

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASTELAB_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Tastelab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Collect music preferences: participants rate short clips, answers go to a study file."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the built-in demo study (created on first use)."));
    parser.addOption(demoOption);
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
