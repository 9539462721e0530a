#pragma once

// Set-up shared by the GUI tests: an audio output (PulseAudio's null sink, started by
// scripts/test.sh), settings kept away from the user's, and the screenshot folder.

#include "audio/demolibrary.h"
#include "language.h"

#include <QCoreApplication>
#include <QFile>
#include <QDir>
#include <QMediaDevices>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace tastelab::test {

/// Checks that an audio output exists, points QSettings at configDir (not by moving
/// XDG_CONFIG_HOME: PulseAudio reads its cookie from there), names the application and creates the
/// screenshot folder ($TASTELAB_SCREENSHOT_DIR, else <tmp>/tastelab-screenshots) into *screenshots,
/// and installs the English translation as the program does (for the plural forms: "1 clip",
/// "2 clips"). False with *error when something is missing.
inline bool initGuiTest(const QString &configDir, const QString &appName, QString *screenshots, QString *error)
{
    if (QMediaDevices::audioOutputs().isEmpty()) {
        *error = QStringLiteral("No audio output device: PulseAudio is not running. Start it with `pulseaudio -D -n "
                                "--exit-idle-time=-1 --load=module-null-sink --load=module-native-protocol-unix`.");
        return false;
    }
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, configDir);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TastelabTest"));
    QCoreApplication::setApplicationName(appName);
    if (!language::install(QStringLiteral("en"), error))
        return false;
    *screenshots = qEnvironmentVariable("TASTELAB_SCREENSHOT_DIR");
    if (screenshots->isEmpty())
        *screenshots = QDir::temp().filePath(QStringLiteral("tastelab-screenshots"));
    if (!QDir().mkpath(*screenshots)) {
        *error = QStringLiteral("cannot create the screenshot folder %1").arg(*screenshots);
        return false;
    }
    return true;
}

/// Saves a picture of widget (after pending events) as folder/name.
inline bool saveScreenshot(QWidget *widget, const QString &folder, const QString &name)
{
    QCoreApplication::processEvents();
    return widget->grab().save(QDir(folder).filePath(name));
}

/// The named child widget of root, with a warning naming it when there is none.
template<typename T>
T *child(QWidget *root, const char *name)
{
    T *widget = root->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

/// A small synthesized library (with its manifest.csv) in folder: tracksPerStyle tracks of each
/// demo style, minSeconds..maxSeconds long, at 22.05 kHz. Returns how many tracks were written.
inline int generateTestLibrary(const QString &folder, int tracksPerStyle, double minSeconds, double maxSeconds)
{
    audio::DemoLibraryOptions options;
    options.tracksPerStyle = tracksPerStyle;
    options.minDurationSeconds = minSeconds;
    options.maxDurationSeconds = maxSeconds;
    options.sampleRate = 22050;
    return int(audio::generateDemoLibrary(QFile::encodeName(folder).toStdString(), options).size());
}

} // namespace tastelab::test
