#include "study/demostudy.h"

#include "audio/audiobuffer.h"
#include "audio/demolibrary.h"
#include "study/importer.h"
#include "study/study.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tastelab {

QString ensureDemoLibrary(const QString &dataDir, QString *error, const std::function<bool(int, int)> &progress)
{
    const QString folder = QDir(dataDir).absoluteFilePath(QStringLiteral("demo-library"));
    if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.csv"))))
        return folder;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QCoreApplication::translate("DemoStudy", "%1: cannot create the folder").arg(QDir::toNativeSeparators(folder));
        return QString();
    }
    try {
        audio::generateDemoLibrary(QFile::encodeName(folder).toStdString(), audio::DemoLibraryOptions(), progress);
    } catch (const audio::AudioError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return QString();
    }
    if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.csv")))) {
        if (error)
            *error = QCoreApplication::translate("DemoStudy", "generating the demo library was cancelled");
        return QString();
    }
    return folder;
}

QString ensureDemoStudy(const QString &dataDir, QString *error, const std::function<bool(int, int)> &progress)
{
    const QString studyPath = QDir(dataDir).absoluteFilePath(QStringLiteral("demo-study.tastelab"));
    if (QFileInfo::exists(studyPath)) {
        if (Study::open(studyPath, error))
            return studyPath;
        return QString();
    }
    const QString library = ensureDemoLibrary(dataDir, error, progress);
    if (library.isEmpty())
        return QString();

    StudySettings settings;
    settings.name = QCoreApplication::translate("DemoStudy", "Demo study");
    settings.clipsPerParticipant = 60;
    // Build in a temporary file, so a failed or interrupted import never leaves half a demo study.
    const QString partial = studyPath + QStringLiteral(".part");
    QFile::remove(partial);
    if (!Study::create(partial, settings, error))
        return QString();
    ImportRequest request;
    request.studyPath = partial;
    request.manifestPath = QDir(library).filePath(QStringLiteral("manifest.csv"));
    const ImportReport report = Importer::run(request);
    if (!report.error.isEmpty() || report.added == 0) {
        if (error)
            *error = report.error.isEmpty() ? report.toText() : report.error;
        QFile::remove(partial);
        return QString();
    }
    // Every connection to the partial file is closed here, so SQLite has checkpointed and removed
    // its journal: the file alone is the whole study.
    if (!QFile::rename(partial, studyPath)) {
        if (error)
            *error = QCoreApplication::translate("DemoStudy", "%1: cannot be written").arg(QDir::toNativeSeparators(studyPath));
        return QString();
    }
    return studyPath;
}

} // namespace tastelab
