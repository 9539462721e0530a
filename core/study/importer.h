#pragma once

#include "study/jobthread.h"
#include "study/study.h"

#include <functional>

namespace tastelab {

struct ImportRequest {
    QString studyPath;
    QString folder;       ///< scanned recursively, or
    QString manifestPath; ///< a CSV with columns path, genre, title, artist (header row required)
};

struct ImportReport {
    int candidates = 0;      ///< files looked at
    int added = 0;
    int duplicates = 0;      ///< same content as a file already imported (this run or earlier)
    QVector<ImportIssue> issues; ///< unreadable, too short, unsupported, missing: one line each
    bool cancelled = false;
    QString error;           ///< set when the import could not run at all (e.g. study not writable)

    /// Plain text for the "copy report" button: one summary line, then "path: reason" lines.
    QString toText() const;
};

/// Imports audio into a study. Runs on any thread, opening its own connection; one bad file never
/// stops the import. Each file's duration is read with libsndfile, files shorter than the study's
/// minimum track length (clip + 10 % edges) are refused, and content is hashed (SHA-256) to skip
/// duplicates. Genre comes from the manifest, else from the parent folder's name; title and
/// artist from the manifest, else tags, else the file name / "Unknown artist".
class Importer {
public:
    /// progress(done, total, currentFile) is called after each file; returning false cancels.
    static ImportReport run(const ImportRequest &request,
                            const std::function<bool(int, int, const QString &)> &progress = {});
};

/// Runs imports on its own thread (see JobThread: job ids, cancellation, progress at most every
/// 100 ms).
class ImportService : public JobThread {
    Q_OBJECT
public:
    explicit ImportService(QObject *parent = nullptr);

    /// Starts an import and returns its job id; a running job is superseded (its result dropped).
    quint64 start(const ImportRequest &request);

Q_SIGNALS:
    void progressed(quint64 jobId, int done, int total, const QString &currentFile);
    void finished(quint64 jobId, const tastelab::ImportReport &report);
};

} // namespace tastelab

Q_DECLARE_METATYPE(tastelab::ImportReport)
Q_DECLARE_METATYPE(tastelab::ImportRequest)
