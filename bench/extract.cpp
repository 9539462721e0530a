// Measures embedding extraction and prints figures (see docs/benchmarks.md, "Embeddings"):
//  1. decode + resample alone: libsndfile decode of a 10-s excerpt plus libsamplerate to 22,050 Hz
//     mono (the built-in encoder's input) and to 16 kHz mono (CLMR's), run like Extractor::run runs
//     it (QtConcurrent::mapped over the global thread pool, one batch of clips at a time), plus the
//     single-thread cost of each step;
//  2. the built-in encoder end to end through Extractor::run on a generated study, and the encoder
//     alone (embed() on pre-decoded batches);
//  3. a random-weight CLMR SampleCNN export (models/export/clmr_samplecnn.py, run with
//     /usr/bin/python3 or $TASTELAB_PYTHON), loaded through the encoder registry: end to end and
//     alone;
//  4. memory: VmHWM / VmRSS at 10, 50 and 100 % of a long Extractor::run with the built-in encoder
//     (by default on a synthesized 22,050 Hz stereo demo library, so that 10,000 clips fit in a few
//     minutes on two cores: clips are then decoded and remixed but not resampled; --long-resample
//     uses the main library instead).
// Usage: extract_bench [--clips N] [--decode-clips N] [--clmr-clips N] [--long N] [--long-resample]
//                      [--skip-clmr] [--device cpu|cuda] [--library DIR] [--tracks-per-style N]
//   The libraries default to small demo libraries synthesized into a temporary folder; each
//   participant of a study hears every track once at an excerpt drawn from their seed, so more
//   participants give more distinct clips. Every figure says how many cores this process kept busy
//   and how many other processes took meanwhile: figures taken on a busy machine are not
//   comparable. --device cuda needs a CUDA LibTorch and a GPU; without them it says so and exits
//   with status 2.

#include "audio/audiofile.h"
#include "audio/demolibrary.h"
#include "audio/resampler.h"
#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/study.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

using namespace tastelab;

namespace {

constexpr double kTargetClipsPerSecond = 100.0; // built-in encoder, end to end, 2 CPU cores
constexpr double kClipSeconds = 10.0;
const char kBuiltin[] = "builtin-features";
const char kClmr[] = "clmr-samplecnn";

// --- process figures -------------------------------------------------------------------------

struct Memory {
    long hwmKb = -1; ///< VmHWM: peak resident set size
    long rssKb = -1; ///< VmRSS: resident set size now
};

Memory readMemory()
{
    Memory m;
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            m.hwmKb = std::stol(line.substr(6));
        else if (line.rfind("VmRSS:", 0) == 0)
            m.rssKb = std::stol(line.substr(6));
    }
    return m;
}

QString memoryText(const Memory &m)
{
    return QStringLiteral("VmHWM %1 MiB, VmRSS %2 MiB")
        .arg(m.hwmKb / 1024.0, 0, 'f', 1)
        .arg(m.rssKb / 1024.0, 0, 'f', 1);
}

/// Resets VmHWM to the current VmRSS (Linux >= 4.0, "5" written to /proc/self/clear_refs).
bool resetPeakMemory()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return bool(clear);
}

/// CPU time of the whole process (all threads), seconds.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// CPU time of the whole machine (all processes, plus time the hypervisor took), seconds.
double machineBusySeconds()
{
    std::ifstream stat("/proc/stat");
    std::string cpu;
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return double(user + nice + system + irq + softirq + steal) / ticks;
}

/// Wall time and CPU time of a stretch of work, and what other processes took meanwhile.
class Stopwatch {
public:
    Stopwatch()
    {
        m_wall.start();
        m_cpu = processCpuSeconds();
        m_machine = machineBusySeconds();
    }
    double seconds() const { return double(m_wall.nsecsElapsed()) / 1e9; }
    double cpuSeconds() const { return processCpuSeconds() - m_cpu; }
    /// Cores this process kept busy on average (its CPU time over wall time).
    double cores() const { return seconds() > 0 ? cpuSeconds() / seconds() : 0; }
    /// Cores other processes (and the hypervisor) kept busy meanwhile.
    double otherCores() const
    {
        return seconds() > 0 ? std::max(0.0, machineBusySeconds() - m_machine - cpuSeconds()) / seconds() : 0;
    }
    /// "1.93 cores busy, other processes 0.02"
    QString busyText() const
    {
        return QStringLiteral("%1 cores busy, other processes %2").arg(cores(), 0, 'f', 2).arg(otherCores(), 0, 'f', 2);
    }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
    double m_machine = 0;
};

std::string utf8(const QString &s) { return QFile::encodeName(s).toStdString(); }

const char *verdict(bool met) { return met ? "MET" : "NOT MET"; }

// --- study set-up ------------------------------------------------------------------------------

struct BenchStudy {
    QString path;
    int tracks = 0;
    int participants = 0;
    int clips = 0; ///< distinct clips of all plans
};

/// A study on library whose participants' plans hold at least minClips distinct 10-s clips. Each
/// participant hears every track once, at an excerpt drawn from their seed.
BenchStudy makeStudy(const QString &path, const QString &library, int minClips, QString *error)
{
    BenchStudy result;
    StudySettings settings;
    settings.name = QStringLiteral("extract bench");
    settings.clipSeconds = kClipSeconds;
    if (!Study::create(path, settings, error))
        return result;
    const ImportReport imported = Importer::run({path, library, QString()});
    if (!imported.error.isEmpty() || imported.added == 0) {
        *error = QStringLiteral("import of %1 failed: %2").arg(library, imported.toText());
        return result;
    }
    std::unique_ptr<Study> study = Study::open(path, error);
    if (!study)
        return result;
    result.tracks = study->tracks().size();
    settings = study->settings();
    settings.clipsPerParticipant = std::min(result.tracks, 10000);
    if (!study->setSettings(settings)) {
        *error = study->lastError();
        return result;
    }
    EmbeddingStore store(*study);
    while (result.clips < minClips) {
        const int missing = minClips - result.clips;
        const int more = (missing + settings.clipsPerParticipant - 1) / settings.clipsPerParticipant;
        for (int i = 0; i < more; ++i) {
            ++result.participants;
            if (!study->createParticipant(QStringLiteral("P%1").arg(result.participants), quint64(result.participants),
                                          {})) {
                *error = study->lastError();
                return result;
            }
        }
        result.clips = store.studyClips().size();
    }
    result.path = path;
    return result;
}

struct ClipSource {
    std::string path;
    double start = 0;
    double length = 0;
};

/// The study's distinct clips, in the order Extractor::run handles them, with their files.
std::vector<ClipSource> clipSources(const QString &studyPath, int limit)
{
    QString error;
    std::unique_ptr<Study> study = Study::open(studyPath, &error);
    std::vector<ClipSource> out;
    if (!study)
        return out;
    QHash<qint64, std::string> files;
    for (const Track &t : study->tracks())
        files.insert(t.id, utf8(study->resolveTrackPath(t)));
    for (const ClipKey &c : EmbeddingStore(*study).studyClips()) {
        if (int(out.size()) >= limit)
            break;
        out.push_back({files.value(c.trackId), c.startSeconds, c.lengthSeconds});
    }
    return out;
}

/// The first n clips (all when there are fewer).
std::vector<ClipSource> firstOf(const std::vector<ClipSource> &clips, int n)
{
    const std::size_t count = std::min(clips.size(), std::size_t(std::max(0, n)));
    return {clips.begin(), clips.begin() + std::ptrdiff_t(count)};
}

// --- 1. decode + resample ----------------------------------------------------------------------

/// Decodes the clip and converts it as Extractor::run does; targetRate 0 = decode only.
audio::AudioBuffer load(const ClipSource &clip, int targetRate, int targetChannels)
{
    audio::AudioBuffer decoded = audio::decodeAudio(clip.path, clip.start, clip.length);
    if (targetRate <= 0)
        return decoded;
    return audio::convert(decoded, targetRate, targetChannels);
}

struct PoolFigure {
    int clips = 0;
    int failed = 0;
    double seconds = 0;
    double cores = 0;
    QString busy;
    double clipsPerSecond() const { return seconds > 0 ? clips / seconds : 0; }
    double cpuMsPerClip() const { return clips > 0 ? 1000.0 * seconds * cores / clips : 0; }
};

/// All clips through QtConcurrent::mapped on the global pool, batchSize clips at a time (the
/// pattern of Extractor::run, without the model).
PoolFigure decodeOnPool(const std::vector<ClipSource> &clips, int targetRate, int targetChannels, int batchSize)
{
    auto work = [targetRate, targetChannels](const ClipSource &clip) {
        try {
            return load(clip, targetRate, targetChannels);
        } catch (const std::exception &) {
            return audio::AudioBuffer{};
        }
    };
    PoolFigure figure;
    Stopwatch watch;
    for (std::size_t first = 0; first < clips.size(); first += std::size_t(batchSize)) {
        const auto end = clips.begin() + std::ptrdiff_t(std::min(clips.size(), first + std::size_t(batchSize)));
        const QList<audio::AudioBuffer> decoded =
            QtConcurrent::mapped(clips.begin() + std::ptrdiff_t(first), end, work).results();
        for (const audio::AudioBuffer &b : decoded)
            figure.failed += b.empty() ? 1 : 0;
    }
    figure.seconds = watch.seconds();
    figure.cores = watch.cores();
    figure.busy = watch.busyText();
    figure.clips = int(clips.size());
    return figure;
}

/// Single-thread cost per clip, in milliseconds, of each step (libsamplerate at the quality
/// Extractor::run uses, Medium, and at Fastest for comparison).
struct StepCosts {
    int clips = 0;
    double decodeMs = 0;
    double to22kMs = 0;
    double to16kMs = 0;
    double to22kFastestMs = 0;
};

StepCosts stepCosts(const std::vector<ClipSource> &clips)
{
    StepCosts c;
    QElapsedTimer t;
    auto lap = [&t] {
        const double ms = double(t.nsecsElapsed()) / 1e6;
        t.start();
        return ms;
    };
    for (const ClipSource &clip : clips) {
        t.start();
        const audio::AudioBuffer decoded = audio::decodeAudio(clip.path, clip.start, clip.length);
        c.decodeMs += lap();
        const audio::AudioBuffer a = audio::convert(decoded, 22050, 1);
        c.to22kMs += lap();
        const audio::AudioBuffer b = audio::convert(decoded, 16000, 1);
        c.to16kMs += lap();
        const audio::AudioBuffer f = audio::convert(decoded, 22050, 1, audio::ResampleQuality::Fastest);
        c.to22kFastestMs += lap();
        ++c.clips;
    }
    if (c.clips > 0) {
        c.decodeMs /= c.clips;
        c.to22kMs /= c.clips;
        c.to16kMs /= c.clips;
        c.to22kFastestMs /= c.clips;
    }
    return c;
}

// --- 2./3. encoders ------------------------------------------------------------------------------

/// Pre-decoded clips at the encoder's rate and channels (on the pool).
std::vector<audio::AudioBuffer> preDecode(const std::vector<ClipSource> &clips, int rate, int channels)
{
    const QList<audio::AudioBuffer> decoded = QtConcurrent::blockingMapped<QList<audio::AudioBuffer>>(
        clips.begin(), clips.end(), [rate, channels](const ClipSource &c) { return load(c, rate, channels); });
    return std::vector<audio::AudioBuffer>(decoded.begin(), decoded.end());
}

struct EncoderFigure {
    int clips = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    QString busy;
    double clipsPerSecond() const { return seconds > 0 ? clips / seconds : 0; }
    double cores() const { return seconds > 0 ? cpuSeconds / seconds : 0; }
    double cpuMsPerClip() const { return clips > 0 ? 1000.0 * cpuSeconds / clips : 0; }
    double wallMsPerClip() const { return clips > 0 ? 1000.0 * seconds / clips : 0; }
};

/// embed() over `clips` clips taken in turn from pool, batchSize per call, after one untimed
/// warm-up batch.
EncoderFigure timeEncoder(embed::Encoder &encoder, const std::vector<audio::AudioBuffer> &pool, int clips,
                          int batchSize)
{
    auto batchAt = [&](std::size_t first, std::size_t count) {
        std::vector<audio::AudioBuffer> batch;
        for (std::size_t i = 0; i < count; ++i)
            batch.push_back(pool[(first + i) % pool.size()]);
        return batch;
    };
    EncoderFigure figure;
    if (pool.empty() || clips <= 0)
        return figure;
    encoder.embed(batchAt(0, std::size_t(batchSize)));
    double copySeconds = 0; // building a batch is not the encoder's work
    Stopwatch watch;
    for (int done = 0; done < clips; done += batchSize) {
        const int count = std::min(batchSize, clips - done);
        QElapsedTimer copy;
        copy.start();
        const std::vector<audio::AudioBuffer> batch = batchAt(std::size_t(done), std::size_t(count));
        copySeconds += double(copy.nsecsElapsed()) / 1e9;
        const auto vectors = encoder.embed(batch);
        if (int(vectors.size()) != count)
            throw embed::EncoderError("wrong number of vectors");
    }
    figure.seconds = watch.seconds() - copySeconds;
    figure.cpuSeconds = watch.cpuSeconds() - copySeconds;
    figure.busy = QStringLiteral("%1 cores busy, other processes %2")
                      .arg(figure.cores(), 0, 'f', 2)
                      .arg(watch.otherCores(), 0, 'f', 2);
    figure.clips = clips;
    return figure;
}

struct RunFigure {
    ExtractionReport report;
    double wallSeconds = 0; ///< including encoder creation and the study queries
    QString busy;
    double clipsPerSecond() const { return report.clipsPerSecond; }
};

RunFigure runExtractor(const ExtractionRequest &request,
                       const std::function<bool(const ExtractionProgress &)> &progress = {})
{
    RunFigure figure;
    Stopwatch watch;
    figure.report = Extractor::run(request, progress);
    figure.wallSeconds = watch.seconds();
    figure.busy = watch.busyText();
    return figure;
}

bool reportOk(const RunFigure &run, const char *what)
{
    if (run.report.error.isEmpty() && run.report.failed == 0)
        return true;
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(run.report.toText()));
    return false;
}

/// Milliseconds per EmbeddingStore::store() call of batchSize vectors: the study's own vectors of
/// encoder stored again (INSERT OR REPLACE, one transaction each), as Extractor::run stores them.
double storeMsPerBatch(const QString &studyPath, const QString &encoder, const QString &hash, int batchSize,
                       int batches)
{
    QString error;
    std::unique_ptr<Study> study = Study::open(studyPath, &error);
    if (!study)
        return -1;
    EmbeddingStore store(*study);
    const QVector<Embedding> all = store.embeddings(encoder);
    if (all.size() < batchSize)
        return -1;
    QElapsedTimer t;
    t.start();
    int done = 0;
    for (; done < batches && (done + 1) * batchSize <= all.size(); ++done)
        if (!store.store(encoder, hash, all.mid(done * batchSize, batchSize)))
            return -1;
    return done > 0 ? double(t.nsecsElapsed()) / 1e6 / done : -1;
}

// --- 3. CLMR export ------------------------------------------------------------------------------

/// Runs the CLMR export script with random weights into dir. Empty on success, else why not.
QString exportClmr(const QString &dir, double *seconds)
{
    const QString python = qEnvironmentVariable("TASTELAB_PYTHON", QStringLiteral("/usr/bin/python3"));
    const QString script = QStringLiteral(TASTELAB_SOURCE_DIR "/models/export/clmr_samplecnn.py");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    process.start(python, {script, QStringLiteral("--random-weights"), QStringLiteral("--seed"), QStringLiteral("1"),
                           QStringLiteral("--out"), dir});
    if (!process.waitForStarted(30000))
        return QStringLiteral("cannot start %1: %2").arg(python, process.errorString());
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("%1 %2 timed out").arg(python, script);
    }
    *seconds = t.elapsed() / 1000.0;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3").arg(python, script, QString::fromUtf8(process.readAll()).trimmed());
    return QString();
}

/// A progress callback for Extractor::run that prints VmHWM and VmRSS when 10 %, 50 % and 100 % of
/// the clips are done.
std::function<bool(const ExtractionProgress &)> memoryMarks(const char *label)
{
    auto next = std::make_shared<int>(0);
    return [label, next](const ExtractionProgress &progress) {
        static const int marks[] = {10, 50, 100};
        while (*next < 3 && std::int64_t(progress.done) * 100 >= std::int64_t(progress.total) * marks[*next]) {
            std::printf("%s at %3d %% (%d of %d clips): %s\n", label, marks[*next], progress.done, progress.total,
                        qPrintable(memoryText(readMemory())));
            std::fflush(stdout);
            ++*next;
        }
        return true;
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Embedding extraction benchmark (docs/benchmarks.md)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("clips"),
                 QStringLiteral("Distinct 10-s clips for the built-in encoder figures (default 1000)."),
                 QStringLiteral("n"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("decode-clips"),
                 QStringLiteral("Clips for the decode + resample figures (default 320)."), QStringLiteral("n"),
                 QStringLiteral("320")});
    p.addOption({QStringLiteral("clmr-clips"),
                 QStringLiteral("Distinct clips for the CLMR SampleCNN figures (default 64; it is slow on a CPU)."),
                 QStringLiteral("n"), QStringLiteral("64")});
    p.addOption({QStringLiteral("long"),
                 QStringLiteral("Clips of the long built-in run that watches memory (default 10000; 0 skips it)."),
                 QStringLiteral("n"), QStringLiteral("10000")});
    p.addOption({QStringLiteral("long-resample"),
                 QStringLiteral("Run the long run on the main library (resampling every clip; slow). By default "
                                "it uses a synthesized 22,050 Hz library, so that clips are only remixed.")});
    p.addOption({QStringLiteral("skip-clmr"), QStringLiteral("Leave out the CLMR SampleCNN figures.")});
    p.addOption({QStringLiteral("device"), QStringLiteral("cpu (default) or cuda (needs a CUDA LibTorch and a GPU)."),
                 QStringLiteral("device"), QStringLiteral("cpu")});
    p.addOption({QStringLiteral("library"), QStringLiteral("Music folder to use instead of a synthesized one."),
                 QStringLiteral("dir")});
    p.addOption({QStringLiteral("tracks-per-style"),
                 QStringLiteral("Tracks per style of the synthesized libraries (default 4: 24 tracks)."),
                 QStringLiteral("n"), QStringLiteral("4")});
    p.process(app);

    const int clipCount = std::max(1, p.value(QStringLiteral("clips")).toInt());
    const int decodeCount = std::max(1, p.value(QStringLiteral("decode-clips")).toInt());
    const int clmrCount = std::max(1, p.value(QStringLiteral("clmr-clips")).toInt());
    const int longCount = std::max(0, p.value(QStringLiteral("long")).toInt());
    const int tracksPerStyle = std::max(1, p.value(QStringLiteral("tracks-per-style")).toInt());
    const QString deviceText = p.value(QStringLiteral("device")).toLower();
    if (deviceText != QLatin1String("cpu") && deviceText != QLatin1String("cuda")) {
        std::fprintf(stderr, "--device must be cpu or cuda, not %s\n", qPrintable(deviceText));
        return 1;
    }
    const embed::Device device = deviceText == QLatin1String("cuda") ? embed::Device::Cuda : embed::Device::Cpu;
    if (device == embed::Device::Cuda && !embed::cudaAvailable()) {
        std::printf("device cuda: NOT AVAILABLE (this LibTorch has no CUDA support or no GPU is present); "
                    "no CUDA figures measured. Run with --device cpu.\n");
        return 2;
    }
    const int batchSize = device == embed::Device::Cuda ? 128 : 16; // Extractor::run's default
    const QString dev = QString::fromStdString(embed::deviceName(device));
    const int poolThreads = QThreadPool::globalInstance()->maxThreadCount();

    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder: %s\n", qPrintable(tmp.errorString()));
        return 1;
    }
    Stopwatch total;
    std::printf("extract_bench: %d threads in the global pool, device %s, extraction batch %d clips, clips of %.0f s\n",
                poolThreads, qPrintable(dev), batchSize, kClipSeconds);

    // The library and the study.
    auto synthesize = [&](const QString &folder, int sampleRate) {
        audio::DemoLibraryOptions options;
        options.tracksPerStyle = tracksPerStyle;
        options.sampleRate = sampleRate;
        Stopwatch watch;
        const auto tracks = audio::generateDemoLibrary(utf8(folder), options);
        double seconds = 0;
        for (const auto &t : tracks)
            seconds += t.durationSeconds;
        std::printf("set-up: demo library of %zu tracks (%.0f s of %d Hz stereo FLAC) synthesized in %.1f s\n",
                    tracks.size(), seconds, sampleRate, watch.seconds());
    };
    QString library = p.value(QStringLiteral("library"));
    const QString libraryText =
        library.isEmpty() ? QStringLiteral("44.1 kHz stereo FLAC") : QStringLiteral("--library");
    try {
        if (library.isEmpty()) {
            library = tmp.filePath(QStringLiteral("library"));
            synthesize(library, 44100);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    QString error;
    Stopwatch studyWatch;
    const BenchStudy study = makeStudy(tmp.filePath(QStringLiteral("main.tastelab")), library, clipCount, &error);
    if (study.path.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("set-up: study of %d tracks, %d participants, %d distinct clips, imported and planned in %.1f s\n",
                study.tracks, study.participants, study.clips, studyWatch.seconds());

    ExtractionRequest request;
    request.studyPath = study.path;
    request.autoDevice = false;
    request.device = device;
    request.modelDirs = {tmp.filePath(QStringLiteral("models"))};

    // 1. Decode + resample alone.
    const std::vector<ClipSource> clips = clipSources(study.path, study.clips);
    if (clips.empty()) {
        std::fprintf(stderr, "the study has no clips\n");
        return 1;
    }
    const std::vector<ClipSource> decodeClips = firstOf(clips, decodeCount);
    const StepCosts steps = stepCosts(firstOf(clips, 40));
    std::printf("[1] single thread, ms per 10-s clip (%d clips): decode %.2f; convert() Medium as Extractor::run "
                "(integer ratio: decimator) to 22,050 Hz mono %.2f, (libsamplerate) to 16 kHz mono %.2f; "
                "Fastest to 22,050 Hz mono %.2f\n",
                steps.clips, steps.decodeMs, steps.to22kMs, steps.to16kMs, steps.to22kFastestMs);
    const PoolFigure decodeOnly = decodeOnPool(decodeClips, 0, 0, batchSize);
    std::printf("[1] decode alone (pool): %d clips in %.2f s = %.1f clips/s (%s)\n", decodeOnly.clips,
                decodeOnly.seconds, decodeOnly.clipsPerSecond(), qPrintable(decodeOnly.busy));
    const PoolFigure to22k = decodeOnPool(decodeClips, 22050, 1, batchSize);
    std::printf("[1] decode + resample to 22,050 Hz mono (pool): %d clips in %.2f s = %.1f clips/s (%s)\n",
                to22k.clips, to22k.seconds, to22k.clipsPerSecond(), qPrintable(to22k.busy));
    const PoolFigure to16k = decodeOnPool(decodeClips, 16000, 1, batchSize);
    std::printf("[1] decode + resample to 16 kHz mono (pool): %d clips in %.2f s = %.1f clips/s (%s)\n",
                to16k.clips, to16k.seconds, to16k.clipsPerSecond(), qPrintable(to16k.busy));
    if (decodeOnly.failed + to22k.failed + to16k.failed > 0) {
        std::fprintf(stderr, "some clips failed to decode\n");
        return 1;
    }

    // 2. The built-in encoder.
    request.encoder = QString::fromLatin1(kBuiltin);
    std::printf("[2] before the built-in run: %s\n", qPrintable(memoryText(readMemory())));
    const RunFigure builtinRun = runExtractor(request, memoryMarks("[2] built-in run"));
    if (!reportOk(builtinRun, "built-in run"))
        return 1;
    std::printf("[2] built-in encoder end to end (Extractor::run, %s, %s): %d clips in %.2f s = %.1f clips/s (%.2f s "
                "with encoder set-up and study queries; %s); target >= %.0f clips/s on 2 cores: %s\n",
                qPrintable(builtinRun.report.device), qPrintable(libraryText), builtinRun.report.extracted,
                builtinRun.report.seconds,
                builtinRun.clipsPerSecond(), builtinRun.wallSeconds, qPrintable(builtinRun.busy),
                kTargetClipsPerSecond, verdict(builtinRun.clipsPerSecond() >= kTargetClipsPerSecond));
    EncoderFigure builtinAlone;
    QString builtinHash;
    {
        std::unique_ptr<embed::Encoder> encoder = embed::createEncoder(kBuiltin, {});
        encoder->setDevice(device);
        builtinHash = QString::fromStdString(encoder->info().contentHash);
        const std::vector<audio::AudioBuffer> pool =
            preDecode(firstOf(clips, 256), encoder->info().sampleRate, encoder->info().channels);
        builtinAlone = timeEncoder(*encoder, pool, int(clips.size()), batchSize);
    }
    std::printf("[2] built-in encoder alone (embed(), batches of %d, %s): %d clips in %.2f s = %.1f clips/s (%s; "
                "%.2f ms wall and %.2f ms CPU per clip)\n",
                batchSize, qPrintable(dev), builtinAlone.clips, builtinAlone.seconds, builtinAlone.clipsPerSecond(),
                qPrintable(builtinAlone.busy), builtinAlone.wallMsPerClip(), builtinAlone.cpuMsPerClip());
    const double storeMs = storeMsPerBatch(study.path, QString::fromLatin1(kBuiltin), builtinHash, batchSize, 40);
    std::printf("[2] storing embeddings (EmbeddingStore::store, one durable transaction per batch of %d): %.2f ms per "
                "batch = %.2f ms per clip\n",
                batchSize, storeMs, storeMs / batchSize);
    {
        // Where a clip's CPU time goes, from the figures above. Decode and resample run on the
        // pool while the encoder and the store run on the extraction thread; all share the cores.
        const double decodeCpu = decodeOnly.cpuMsPerClip();
        const double resampleCpu = std::max(0.0, to22k.cpuMsPerClip() - decodeCpu);
        const double encoderCpu = builtinAlone.cpuMsPerClip();
        const double storeWall = storeMs / batchSize;
        const double sum = decodeCpu + resampleCpu + encoderCpu + storeWall;
        const int cores = int(sysconf(_SC_NPROCESSORS_ONLN));
        std::printf("[2] where a built-in clip's CPU time goes (ms per clip): decode %.2f (%.0f %%), resample %.2f "
                    "(%.0f %%), encoder %.2f (%.0f %%), store %.2f (%.0f %%); sum %.2f ms -> at most %.0f clips/s on "
                    "%d cores; the extraction thread alone (encoder wall + store) allows %.0f clips/s\n",
                    decodeCpu, 100 * decodeCpu / sum, resampleCpu, 100 * resampleCpu / sum, encoderCpu,
                    100 * encoderCpu / sum, storeWall, 100 * storeWall / sum, sum, 1000.0 * cores / sum, cores,
                    1000.0 / (builtinAlone.wallMsPerClip() + storeWall));
    }

    // 3. CLMR SampleCNN with random weights.
    if (p.isSet(QStringLiteral("skip-clmr"))) {
        std::printf("[3] CLMR SampleCNN: skipped (--skip-clmr)\n");
    } else {
        double exportSeconds = 0;
        const QString models = tmp.filePath(QStringLiteral("models"));
        QDir().mkpath(models);
        const QString problem = exportClmr(models, &exportSeconds);
        if (!problem.isEmpty()) {
            std::printf("[3] CLMR SampleCNN: NOT MEASURED: %s\n", qPrintable(problem));
        } else {
            std::printf("[3] CLMR SampleCNN random-weight export (clmr_samplecnn.py --random-weights --seed 1): "
                        "%.1f s\n",
                        exportSeconds);
            const BenchStudy clmrStudy =
                makeStudy(tmp.filePath(QStringLiteral("clmr.tastelab")), library, clmrCount, &error);
            if (clmrStudy.path.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            ExtractionRequest clmrRequest = request;
            clmrRequest.studyPath = clmrStudy.path;
            clmrRequest.encoder = QString::fromLatin1(kClmr);
            const RunFigure clmrRun = runExtractor(clmrRequest);
            if (!reportOk(clmrRun, "CLMR run"))
                return 1;
            std::printf("[3] CLMR SampleCNN end to end (Extractor::run, %s): %d clips in %.2f s = %.2f clips/s (%.2f s "
                        "with model loading and validation; %s)\n",
                        qPrintable(clmrRun.report.device), clmrRun.report.extracted, clmrRun.report.seconds,
                        clmrRun.clipsPerSecond(), clmrRun.wallSeconds, qPrintable(clmrRun.busy));
            Stopwatch loadWatch;
            std::unique_ptr<embed::Encoder> encoder = embed::createEncoder(kClmr, {utf8(models)});
            encoder->setDevice(device);
            const double loadSeconds = loadWatch.seconds();
            const embed::EncoderInfo &info = encoder->info();
            const std::vector<audio::AudioBuffer> pool =
                preDecode(clipSources(clmrStudy.path, clmrCount), info.sampleRate, info.channels);
            const EncoderFigure alone = timeEncoder(*encoder, pool, int(pool.size()), batchSize);
            std::printf("[3] CLMR SampleCNN alone (embed(), batches of %d, %s, %d Hz, %lld-sample windows): %d "
                        "clips in %.2f s = %.2f clips/s (%s; %.1f ms wall per clip); loading + validation %.2f s\n",
                        batchSize, qPrintable(dev), info.sampleRate, static_cast<long long>(info.windowSamples),
                        alone.clips, alone.seconds, alone.clipsPerSecond(), qPrintable(alone.busy),
                        alone.wallMsPerClip(), loadSeconds);
        }
    }

    // 4. Memory over a long run.
    if (longCount > 0) {
        Stopwatch setup;
        QString longLibrary = library;
        const bool resample = p.isSet(QStringLiteral("long-resample"));
        try {
            if (!resample) {
                longLibrary = tmp.filePath(QStringLiteral("library-22k"));
                synthesize(longLibrary, 22050);
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 1;
        }
        const BenchStudy longStudy =
            makeStudy(tmp.filePath(QStringLiteral("long.tastelab")), longLibrary, longCount, &error);
        if (longStudy.path.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("[4] long run set-up: study of %d participants, %d distinct clips (%s) in %.1f s\n",
                    longStudy.participants, longStudy.clips,
                    resample ? "the main library: decode, resample, encode, store"
                             : "22,050 Hz stereo FLAC: decode, remix to mono, encode, store; no resampling",
                    setup.seconds());
        const bool reset = resetPeakMemory();
        std::printf("[4] before the long run: %s%s\n", qPrintable(memoryText(readMemory())),
                    reset ? " (VmHWM reset to VmRSS)"
                          : " (VmHWM could not be reset: it is the peak of the whole process)");
        ExtractionRequest longRequest = request;
        longRequest.studyPath = longStudy.path;
        longRequest.encoder = QString::fromLatin1(kBuiltin);
        const RunFigure longRun = runExtractor(longRequest, memoryMarks("[4] long run"));
        if (!reportOk(longRun, "long run"))
            return 1;
        std::printf("[4] long run, built-in encoder end to end (Extractor::run, %s, %s): %d clips in %.1f s = %.1f "
                    "clips/s (%s)\n",
                    qPrintable(longRun.report.device), resample ? "with resampling" : "without resampling",
                    longRun.report.extracted, longRun.report.seconds, longRun.clipsPerSecond(),
                    qPrintable(longRun.busy));
    }
    std::printf("total: %.0f s (%s), at the end %s\n", total.seconds(), qPrintable(total.busyText()),
                qPrintable(memoryText(readMemory())));
    return 0;
}
