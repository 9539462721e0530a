#include "study/importer.h"

#include "audio/audiofile.h"
#include "survey/clipplanner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace tastelab {

namespace {

struct Candidate {
    QString path;
    QString genre;  ///< from the manifest, else empty
    QString title;  ///< from the manifest, else empty
    QString artist; ///< from the manifest, else empty
};

/// What the parallel stage finds out about one file.
struct Probed {
    Candidate candidate;
    Track track;
    QString problem; ///< non-empty: not importable, with this reason
};

/// Splits one CSV line (RFC 4180 quoting; no embedded newlines).
QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

bool readManifest(const QString &manifestPath, QVector<Candidate> &out, QString *error)
{
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(manifestPath), file.errorString());
        return false;
    }
    QTextStream in(&file);
    const QStringList header = splitCsvLine(in.readLine());
    int col[4] = {-1, -1, -1, -1};
    const char *names[4] = {"path", "genre", "title", "artist"};
    for (int i = 0; i < header.size(); ++i)
        for (int k = 0; k < 4; ++k)
            if (header[i].trimmed().compare(QLatin1String(names[k]), Qt::CaseInsensitive) == 0)
                col[k] = i;
    if (col[0] < 0) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(manifestPath),
                                               QCoreApplication::translate("Importer", "the first line must name the columns, with at least 'path' "
                                                  "(and optionally genre, title, artist)"));
        return false;
    }
    const QDir base = QFileInfo(manifestPath).absoluteDir();
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QStringList f = splitCsvLine(line);
        auto field = [&](int k) { return col[k] >= 0 && col[k] < f.size() ? f[col[k]].trimmed() : QString(); };
        Candidate c;
        c.path = QDir::cleanPath(base.absoluteFilePath(field(0)));
        c.genre = field(1);
        c.title = field(2);
        c.artist = field(3);
        out.push_back(c);
    }
    return true;
}

QVector<Candidate> scanFolder(const QString &folder)
{
    QVector<Candidate> out;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.push_back({it.next(), QString(), QString(), QString()});
    std::sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) { return a.path < b.path; });
    return out;
}

QString sha256(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return QString();
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        *error = QCoreApplication::translate("Importer", "read error");
        return QString();
    }
    return QString::fromLatin1(hash.result().toHex());
}

Probed probe(const Candidate &c, double minSeconds, double clipSeconds)
{
    Probed p;
    p.candidate = c;
    const QFileInfo info(c.path);
    if (!info.exists()) {
        p.problem = QCoreApplication::translate("Importer", "file not found");
        return p;
    }
    const std::string path = QFile::encodeName(c.path).toStdString();
    const QString suffix = info.suffix().toLower();
    const auto &known = audio::supportedExtensions();
    if (c.genre.isEmpty() && c.title.isEmpty()
        && std::find(known.begin(), known.end(), suffix.toStdString()) == known.end()) {
        p.problem = suffix.isEmpty() ? QCoreApplication::translate("Importer", "unsupported file type (no file extension)")
                                     : QCoreApplication::translate("Importer", "unsupported file type (.%1)").arg(suffix);
        return p;
    }
    try {
        const audio::AudioInfo a = audio::probeAudio(path);
        if (a.durationSeconds() < minSeconds) {
            p.problem = QCoreApplication::translate("Importer", "too short: %1 s (a %2 s clip away from the track's edges needs at least %3 s)")
                            .arg(a.durationSeconds(), 0, 'f', 1)
                            .arg(clipSeconds)
                            .arg(minSeconds, 0, 'f', 1);
            return p;
        }
        // Decode everything once: a truncated or corrupt file is caught now, not in the middle
        // of a participant's session.
        audio::verifyAudio(path);
        QString why;
        p.track.contentHash = sha256(c.path, &why);
        if (p.track.contentHash.isEmpty()) {
            p.problem = QCoreApplication::translate("Importer", "unreadable: %1").arg(why);
            return p;
        }
        p.track.path = info.absoluteFilePath();
        p.track.durationSeconds = a.durationSeconds();
        p.track.sampleRate = a.sampleRate;
        p.track.channels = a.channels;
        p.track.format = QString::fromStdString(a.format);
        p.track.title = !c.title.isEmpty() ? c.title
            : !a.title.empty()             ? QString::fromStdString(a.title)
                                           : info.completeBaseName();
        p.track.artist = !c.artist.isEmpty() ? c.artist
            : !a.artist.empty()              ? QString::fromStdString(a.artist)
                                             : QCoreApplication::translate("Importer", "Unknown artist");
        p.track.genre = !c.genre.isEmpty() ? c.genre : info.absoluteDir().dirName();
    } catch (const audio::AudioError &e) {
        p.problem = QString::fromStdString(e.reason());
    } catch (const std::exception &e) {
        p.problem = QString::fromStdString(e.what());
    }
    return p;
}

} // namespace

QString ImportReport::toText() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << QCoreApplication::translate("Importer", "Import failed: %1").arg(error);
    lines << QCoreApplication::translate("Importer", "%1 files looked at: %2 added, %3 duplicates skipped, %4 not imported%5.")
                 .arg(candidates)
                 .arg(added)
                 .arg(duplicates)
                 .arg(issues.size() - duplicates)
                 .arg(cancelled ? QCoreApplication::translate("Importer", " (cancelled)") : QString());
    for (const ImportIssue &i : issues)
        lines << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(i.path), i.reason);
    return lines.join(QLatin1Char('\n'));
}

ImportReport Importer::run(const ImportRequest &request,
                           const std::function<bool(int, int, const QString &)> &progress)
{
    ImportReport report;
    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        report.error = error;
        return report;
    }
    QVector<Candidate> candidates;
    if (!request.manifestPath.isEmpty()) {
        if (!readManifest(request.manifestPath, candidates, &error)) {
            report.error = error;
            return report;
        }
    } else {
        const QFileInfo folder(request.folder);
        if (!folder.isDir()) {
            report.error = QCoreApplication::translate("Importer", "%1: not a folder").arg(QDir::toNativeSeparators(request.folder));
            return report;
        }
        candidates = scanFolder(request.folder);
    }
    report.candidates = candidates.size();

    const double clipSeconds = study->settings().clipSeconds;
    const double minSeconds = survey::minimumTrackSeconds(clipSeconds);
    QHash<QString, QString> seen; // hash -> path, this run and earlier ones
    for (const Track &t : study->tracks())
        seen.insert(t.contentHash, t.path);

    // Probing, decoding and hashing run in parallel in small batches, so cancel is quick;
    // the database is written from this thread only.
    const int batch = std::max(2, QThread::idealThreadCount() * 2);
    QVector<ImportIssue> issues;
    for (int start = 0; start < candidates.size(); start += batch) {
        const QVector<Candidate> slice = candidates.mid(start, batch);
        const QList<Probed> probed = QtConcurrent::blockingMapped<QList<Probed>>(
            slice, [&](const Candidate &c) { return probe(c, minSeconds, clipSeconds); });
        for (const Probed &p : probed) {
            if (!p.problem.isEmpty()) {
                issues.push_back({p.candidate.path, p.problem});
                continue;
            }
            const auto dup = seen.constFind(p.track.contentHash);
            if (dup != seen.constEnd()) {
                ++report.duplicates;
                issues.push_back({p.candidate.path, QCoreApplication::translate("Importer", "duplicate: same content as %1 (skipped)")
                                                        .arg(QDir::toNativeSeparators(dup.value()))});
                continue;
            }
            if (study->addTrack(p.track) == 0) {
                // The study cannot be written (disk full, read-only): stop, nothing half-done.
                report.error = study->lastError();
                report.issues = issues;
                return report;
            }
            seen.insert(p.track.contentHash, p.track.path);
            ++report.added;
        }
        const int done = std::min(start + batch, int(candidates.size()));
        if (progress && !progress(done, candidates.size(), slice.last().path)) {
            report.cancelled = true;
            break;
        }
    }
    report.issues = issues;
    if (!study->addImportIssues(issues) && report.error.isEmpty())
        report.error = study->lastError();
    return report;
}

ImportService::ImportService(QObject *parent) : JobThread(QStringLiteral("tastelab-import"), parent)
{
    qRegisterMetaType<tastelab::ImportReport>();
}

quint64 ImportService::start(const ImportRequest &request)
{
    return submit([this, request](quint64 jobId) {
        ProgressThrottle throttle;
        const ImportReport report = Importer::run(request, [&](int done, int total, const QString &file) {
            if (!shouldContinue(jobId))
                return false;
            if (throttle.due(done == total))
                deliver(jobId, [this, jobId, done, total, file] { Q_EMIT progressed(jobId, done, total, file); });
            return true;
        });
        deliver(jobId, [this, jobId, report] { Q_EMIT finished(jobId, report); }, true);
    });
}

} // namespace tastelab
