#pragma once

// Set-up shared by the GUI tests: an audio output (PulseAudio's null sink, started by
// scripts/test.sh), settings kept away from the user's, and the screenshot folder.

#include <QCoreApplication>
#include <QDir>
#include <QMediaDevices>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace tastelab::test {

/// Checks that an audio output exists, points QSettings at configDir (not by moving
/// XDG_CONFIG_HOME: PulseAudio reads its cookie from there), names the application and creates the
/// screenshot folder ($TASTELAB_SCREENSHOT_DIR, else <tmp>/tastelab-screenshots) into *screenshots.
/// False with *error when something is missing.
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

} // namespace tastelab::test
