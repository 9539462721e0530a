#include "study/extraction.h"

#include "audio/audiofile.h"
#include "audio/resampler.h"
#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/recommendations.h"
#include "study/study.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace tastelab {

namespace {

struct Decoded {
    ClipKey clip;
    audio::AudioBuffer audio;
    QString error;
};

/// Shard of a clip, stable across machines: from the track's content, not its row id.
int shardOf(const QString &contentHash, const ClipKey &clip, int shardCount)
{
    const QByteArray key = contentHash.toLatin1() + '|' + QByteArray::number(qRound64(clip.startSeconds * 1000)) + '|'
        + QByteArray::number(qRound64(clip.lengthSeconds * 1000));
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | quint8(digest[i]);
    return int(v % quint32(shardCount));
}

} // namespace

QStringList encoderSearchDirs(const QString &userFolder)
{
    QStringList dirs;
    dirs << (userFolder.isEmpty()
                 ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("models"))
                 : userFolder);
    dirs << QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/tastelab/models"));
    dirs << QStringLiteral(TASTELAB_SOURCE_DIR "/models");
    dirs.removeDuplicates();
    return dirs;
}

QString ExtractionReport::toText() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << QCoreApplication::translate("Extractor", "Extraction stopped: %1").arg(error);
    lines << QCoreApplication::translate("Extractor", "%1 on %2: %3 clips%9, %4 already cached, %5 extracted, %6 failed%7 (%8 clips/s).")
                 .arg(encoder, device)
                 .arg(clips)
                 .arg(cached)
                 .arg(extracted)
                 .arg(failed)
                 .arg(cancelled ? QCoreApplication::translate("Extractor", ", cancelled") : QString())
                 .arg(clipsPerSecond, 0, 'f', 1)
                 .arg(libraryClips > 0 ? QCoreApplication::translate("Extractor", " (%1 of them library excerpts for recommendations)").arg(libraryClips)
                                       : QString());
    if (invalidated > 0)
        lines << QCoreApplication::translate("Extractor", "%1 embeddings of an earlier version of the model were dropped.").arg(invalidated);
    lines << failures;
    return lines.join(QLatin1Char('\n'));
}

ExtractionReport Extractor::run(const ExtractionRequest &request,
                                const std::function<bool(const ExtractionProgress &)> &progress)
{
    ExtractionReport report;
    report.encoder = request.encoder;
    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        report.error = error;
        return report;
    }
    if (request.shardCount < 1 || request.shardIndex < 1 || request.shardIndex > request.shardCount) {
        report.error = QCoreApplication::translate("Extractor", "shard %1/%2 does not exist").arg(request.shardIndex).arg(request.shardCount);
        return report;
    }

    std::unique_ptr<embed::Encoder> encoder;
    std::vector<std::string> dirs;
    for (const QString &d : request.modelDirs)
        dirs.push_back(QFile::encodeName(d).toStdString());
    try {
        encoder = embed::createEncoder(request.encoder.toStdString(), dirs);
        encoder->setDevice(request.autoDevice ? embed::defaultDevice() : request.device);
    } catch (const std::exception &e) {
        report.error = QString::fromStdString(e.what());
        return report;
    }
    const embed::EncoderInfo info = encoder->info();
    const QString encoderName = QString::fromStdString(info.name);
    const QString encoderHash = QString::fromStdString(info.contentHash);
    report.encoder = encoderName;
    report.device = QString::fromStdString(embed::deviceName(encoder->device()));

    EmbeddingStore store(*study);
    report.invalidated = std::max(0, store.invalidate(encoderName, encoderHash));

    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    const QSet<ClipKey> cached = store.cachedClips(encoderName);
    // The plans' clips, then the library excerpts that are not among them.
    QVector<ClipKey> clips = store.studyClips();
    const int planClips = clips.size();
    if (request.libraryExcerpts > 0) {
        QSet<ClipKey> planned(clips.constBegin(), clips.constEnd());
        for (const ClipKey &c : libraryExcerpts(*study, request.libraryExcerpts))
            if (!planned.contains(c)) {
                planned.insert(c);
                clips.push_back(c);
            }
    }
    QVector<ClipKey> todo;
    for (int i = 0; i < clips.size(); ++i) {
        const ClipKey &c = clips[i];
        if (request.shardCount > 1
            && shardOf(tracks.value(c.trackId).contentHash, c, request.shardCount) != request.shardIndex - 1)
            continue;
        ++report.clips;
        if (i >= planClips)
            ++report.libraryClips;
        if (cached.contains(c))
            ++report.cached;
        else
            todo.push_back(c);
    }

    const int batchSize = request.batchSize > 0 ? request.batchSize
                                                : (encoder->device() == embed::Device::Cuda ? 128 : 16);
    // Paths are resolved here: the study's connection must not be used from the pool's threads.
    QHash<qint64, QString> files;
    for (const ClipKey &c : todo)
        if (!files.contains(c.trackId))
            files.insert(c.trackId, study->resolveTrackPath(tracks.value(c.trackId)));
    auto decode = [&tracks, &files, &info](const ClipKey &clip) {
        Decoded d;
        d.clip = clip;
        const Track track = tracks.value(clip.trackId);
        const QString path = files.value(clip.trackId);
        if (path.isEmpty()) {
            d.error = QCoreApplication::translate("Extractor", "%1: the music file is missing").arg(QDir::toNativeSeparators(track.path));
            return d;
        }
        try {
            d.audio = audio::convert(
                audio::decodeAudio(QFile::encodeName(path).toStdString(), clip.startSeconds, clip.lengthSeconds),
                info.sampleRate, info.channels);
        } catch (const std::exception &e) {
            d.error = QString::fromStdString(e.what());
        }
        return d;
    };

    QElapsedTimer timer;
    timer.start();
    ExtractionProgress p;
    p.total = todo.size();
    auto startBatch = [&](int first) {
        return QtConcurrent::mapped(todo.constBegin() + first,
                                    todo.constBegin() + std::min<int>(first + batchSize, todo.size()), decode);
    };
    QFuture<Decoded> next = todo.isEmpty() ? QFuture<Decoded>() : startBatch(0);
    for (int first = 0; first < todo.size(); first += batchSize) {
        QList<Decoded> decoded = next.results();
        // Decode the next batch while the model works on this one.
        if (first + batchSize < todo.size())
            next = startBatch(first + batchSize);

        std::vector<audio::AudioBuffer> clips;
        QVector<ClipKey> keys;
        for (Decoded &d : decoded) {
            if (!d.error.isEmpty()) {
                ++report.failed;
                report.failures << QCoreApplication::translate("Extractor", "%1 @ %2 s: %3")
                                       .arg(QDir::toNativeSeparators(tracks.value(d.clip.trackId).path))
                                       .arg(d.clip.startSeconds)
                                       .arg(d.error);
                store.storeFailure(encoderName, encoderHash, d.clip, d.error);
                continue;
            }
            clips.push_back(std::move(d.audio));
            keys.push_back(d.clip);
        }
        if (!clips.empty()) {
            std::vector<std::vector<float>> vectors;
            try {
                vectors = encoder->embed(clips);
            } catch (const std::exception &e) {
                report.error = QString::fromStdString(e.what());
                next.waitForFinished();
                break;
            }
            QVector<Embedding> batch;
            for (std::size_t i = 0; i < vectors.size(); ++i)
                batch.push_back({keys[int(i)], std::move(vectors[i])});
            if (!store.store(encoderName, encoderHash, batch)) {
                report.error = QCoreApplication::translate("Extractor", "%1: %2").arg(QDir::toNativeSeparators(study->path()), store.lastError());
                next.waitForFinished();
                break;
            }
            report.extracted += batch.size();
        }
        p.done = report.extracted + report.failed;
        const double elapsed = timer.elapsed() / 1000.0;
        p.clipsPerSecond = elapsed > 0 ? p.done / elapsed : 0;
        p.secondsLeft = p.clipsPerSecond > 0 ? (p.total - p.done) / p.clipsPerSecond : -1;
        if (progress && !progress(p)) {
            report.cancelled = true;
            next.waitForFinished();
            break;
        }
    }
    report.seconds = timer.elapsed() / 1000.0;
    report.clipsPerSecond = report.seconds > 0 ? (report.extracted + report.failed) / report.seconds : 0;
    return report;
}

ExtractionService::ExtractionService(QObject *parent) : JobThread(QStringLiteral("tastelab-extract"), parent)
{
    qRegisterMetaType<tastelab::ExtractionProgress>();
    qRegisterMetaType<tastelab::ExtractionReport>();
}

quint64 ExtractionService::start(const ExtractionRequest &request)
{
    return submit([this, request](quint64 jobId) {
        ProgressThrottle throttle;
        const ExtractionReport report = Extractor::run(request, [&](const ExtractionProgress &p) {
            if (!shouldContinue(jobId))
                return false;
            if (throttle.due(p.done == p.total))
                deliver(jobId, [this, jobId, p] { Q_EMIT progressed(jobId, p); });
            return true;
        });
        deliver(jobId, [this, jobId, report] { Q_EMIT finished(jobId, report); }, true);
    });
}

} // namespace tastelab
