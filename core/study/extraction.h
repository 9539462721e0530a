#pragma once

#include "embed/encoder.h"

#include "study/jobthread.h"

#include <QMetaType>
#include <QStringList>

#include <functional>

namespace tastelab {

/// Folders searched for encoder manifests, in order: the user's models folder (from the
/// preferences; default <per-user data>/models), the installed share/tastelab/models next to the
/// binary, and the source tree's models/ folder for a build that is not installed.
QStringList encoderSearchDirs(const QString &userFolder = QString());

struct ExtractionRequest {
    QString studyPath;
    QString encoder;       ///< encoder name (see embed::listEncoders)
    QStringList modelDirs; ///< where file-based encoders are looked for
    bool autoDevice = true;
    embed::Device device = embed::Device::Cpu; ///< used when autoDevice is false
    int shardIndex = 1;    ///< 1-based: this process does shard K of N
    int shardCount = 1;
    int batchSize = 0;     ///< clips per model call; 0 = sized to the device
    /// Library excerpts per track (libraryExcerpts(study, n), for recommendations of tracks nobody
    /// heard) extracted besides the clips of the participants' plans; 0 = the plans' clips only.
    int libraryExcerpts = 3;
};

struct ExtractionProgress {
    int done = 0;          ///< clips handled in this run (embedded or failed)
    int total = 0;         ///< clips this run has to handle (the missing ones)
    double clipsPerSecond = 0;
    double secondsLeft = -1; ///< -1 until known
};

struct ExtractionReport {
    QString encoder;
    QString device;
    int clips = 0;       ///< clips of the study in this shard (plan clips and library excerpts)
    int libraryClips = 0; ///< of them, library excerpts that are no plan clip
    int cached = 0;      ///< already there before the run
    int extracted = 0;
    int failed = 0;
    int invalidated = 0; ///< rows dropped because the encoder's model changed
    QStringList failures; ///< "file @ start s: reason"
    bool cancelled = false;
    QString error;       ///< set when the run could not start or had to stop
    double seconds = 0;
    double clipsPerSecond = 0;

    QString toText() const;
};

/// Extracts the embeddings a study is missing for one encoder. Decoding and resampling
/// (libsndfile, libsamplerate, to the encoder's rate and channels) run on the thread pool one
/// batch ahead of the model, so the model does not wait for audio; each batch is stored in one
/// transaction, so a cancelled or killed run keeps every finished batch and a second run does only
/// what is missing. A clip that fails to decode is recorded with its reason and the run goes on.
/// Runs on any thread (it opens its own study connection).
class Extractor {
public:
    /// progress is called after each batch; returning false cancels.
    static ExtractionReport run(const ExtractionRequest &request,
                                const std::function<bool(const ExtractionProgress &)> &progress = {});
};

/// Runs extractions on a thread of its own (see JobThread: job ids, cancellation, progress at most
/// every 100 ms).
class ExtractionService : public JobThread {
    Q_OBJECT
public:
    explicit ExtractionService(QObject *parent = nullptr);
    quint64 start(const ExtractionRequest &request);

Q_SIGNALS:
    void progressed(quint64 jobId, const tastelab::ExtractionProgress &progress);
    void finished(quint64 jobId, const tastelab::ExtractionReport &report);
};

} // namespace tastelab

Q_DECLARE_METATYPE(tastelab::ExtractionProgress)
Q_DECLARE_METATYPE(tastelab::ExtractionReport)
