#pragma once

// Helpers shared by the encoder tests: the Python interpreter with Debian's python3-torch that
// makes fixtures and references, and small file and error helpers.

#include "embed/encoder.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

#include <functional>

namespace tastelab::test {

/// /usr/bin/python3 (Debian's, with python3-torch), or TASTELAB_PYTHON.
inline QString python()
{
    return qEnvironmentVariable("TASTELAB_PYTHON", QStringLiteral("/usr/bin/python3"));
}

/// Runs the Python interpreter; returns the exit code (-1 when it did not run), output in *output.
inline int runPython(const QStringList &arguments, QString *output, int timeoutMs = 300000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python(), arguments);
    if (!process.waitForStarted(30000)) {
        *output = QStringLiteral("cannot start %1: %2").arg(python(), process.errorString());
        return -1;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = QStringLiteral("timed out: %1 %2").arg(python(), arguments.join(QLatin1Char(' ')));
        return -1;
    }
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/// what() of the EncoderError thrown by f, or "" when none was thrown.
inline QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const embed::EncoderError &e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(bytes);
}

} // namespace tastelab::test
