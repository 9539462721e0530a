#include "study/listener.h"

#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/recommendations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace tastelab {

QString listenerCode() { return QStringLiteral("me"); }

ListenerLibraryReport createListenerLibrary(const ListenerLibraryRequest &request,
                                            const std::function<bool(int, int, const QString &)> &progress)
{
    ListenerLibraryReport report;
    const QString path = QFileInfo(request.studyPath).absoluteFilePath();
    if (QFileInfo::exists(path)) {
        report.error = QCoreApplication::translate("Listener", "%1: a file of that name exists already").arg(QDir::toNativeSeparators(path));
        return report;
    }
    StudySettings settings;
    settings.listener = true;
    settings.name = request.name;
    if (settings.name.isEmpty())
        settings.name = request.folder.isEmpty() ? QFileInfo(request.manifestPath).dir().dirName()
                                                 : QDir(request.folder).dirName();
    settings.scale = AnswerScale::LikeDislike;
    settings.clipSeconds = 10.0;
    settings.minListenSeconds = 2.0; // a listener knows their own music quickly
    settings.instructions = QCoreApplication::translate("Listener", "Listen, then say whether you like it. Tastelab learns from every answer.");

    // Built under a temporary name: a failed or cancelled import never leaves half a library.
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    auto cleanup = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(partial + suffix);
    };
    {
        auto study = Study::create(partial, settings, &report.error);
        if (!study) {
            cleanup();
            return report;
        }
    }
    ImportRequest import;
    import.studyPath = partial;
    import.folder = request.folder;
    import.manifestPath = request.manifestPath;
    report.import = Importer::run(import, progress);
    if (report.import.cancelled) {
        report.cancelled = true;
        cleanup();
        return report;
    }
    if (!report.import.error.isEmpty() || report.import.added == 0) {
        report.error = report.import.error.isEmpty()
                           ? QCoreApplication::translate("Listener", "no playable music was found in %1").arg(QDir::toNativeSeparators(
                                 request.folder.isEmpty() ? request.manifestPath : request.folder))
                           : report.import.error;
        cleanup();
        return report;
    }
    {
        auto study = Study::open(partial, &report.error);
        if (!study) {
            cleanup();
            return report;
        }
        // Every imported track gets one clip in the listener's plan.
        settings.clipsPerParticipant = int(study->tracks().size());
        if (!study->setSettings(settings)
            || !study->createParticipant(listenerCode(), request.seed ? request.seed : randomSeed(), {})) {
            report.error = study->lastError();
            study.reset();
            cleanup();
            return report;
        }
    }
    // Every connection is closed: SQLite has checkpointed, the file alone is the whole library.
    if (!QFile::rename(partial, path)) {
        report.error = QCoreApplication::translate("Listener", "%1: cannot be written").arg(QDir::toNativeSeparators(path));
        cleanup();
        return report;
    }
    report.studyPath = path;
    return report;
}

TrainingRequest listenerTrainingRequest(const QString &studyPath, const QString &encoder)
{
    TrainingRequest request;
    request.studyPath = studyPath;
    request.participant = listenerCode();
    request.encoder = encoder;
    request.models = {QStringLiteral("clep-pn")};
    request.settings.validationFraction = 0;
    return request;
}

ListenerRating::ListenerRating(const train::ActiveOrderSettings &settings) : m_settings(settings) {}

bool ListenerRating::load(Study &study, const QString &encoder, QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!study.settings().listener)
        return failWith(QCoreApplication::translate("Listener", "%1 is a study, not a listener library").arg(QDir::toNativeSeparators(study.path())));
    const auto listener = study.participant(listenerCode());
    if (!listener)
        return failWith(QCoreApplication::translate("Listener", "%1 has no listener").arg(QDir::toNativeSeparators(study.path())));
    m_listener = *listener;
    m_encoder = encoder;
    m_plan = study.plan(m_listener.id);
    m_tracks.clear();
    for (const Track &t : study.tracks())
        m_tracks.insert(t.id, t);

    train::ActiveOrderSettings settings = m_settings;
    settings.seed = m_listener.seed;
    m_order = std::make_unique<train::ActiveOrder>(int(m_plan.size()), settings);
    m_hasEmbedding.assign(std::size_t(m_plan.size()), false);
    m_embedded = 0;
    m_likes = m_judgeAnswers = 0;
    const int like = study.settings().maxValue();
    for (const Answer &a : study.answers(m_listener.id, AnswerSources::Survey)) {
        if (a.position < 0 || a.position >= m_plan.size() || m_order->isAnswered(a.position))
            continue;
        m_order->answer(a.position, a.value == like);
        m_likes += a.value == like ? 1 : 0;
    }
    if (!refresh(study, error))
        return false;
    if (m_order->retrainDue())
        retrainJudge(); // coming back to a library: the judge of the answers so far
    return true;
}

std::optional<ListenerPick> ListenerRating::next()
{
    if (!m_order)
        return std::nullopt;
    const int candidate = m_order->next();
    if (candidate < 0)
        return std::nullopt;
    ListenerPick pick;
    pick.clip = m_plan[candidate];
    pick.track = m_tracks.value(pick.clip.trackId);
    pick.random = m_order->lastWasRandom();
    if (hasJudge() && m_hasEmbedding[std::size_t(candidate)])
        pick.probability = m_order->probabilities()[std::size_t(candidate)];
    return pick;
}

bool ListenerRating::answer(Study &study, const ListenerPick &pick, bool like, qint64 responseMs, int replays,
                            QString *error)
{
    const StudySettings s = study.settings();
    Answer a;
    a.participantId = m_listener.id;
    a.position = pick.clip.position;
    a.trackId = pick.clip.trackId;
    a.clipStart = pick.clip.startSeconds;
    a.clipLength = pick.clip.lengthSeconds;
    a.scale = s.scale;
    a.value = like ? s.maxValue() : s.minValue();
    a.responseMs = responseMs;
    a.replays = replays;
    if (!study.recordAnswer(a)) {
        if (error)
            *error = study.lastError();
        return false;
    }
    if (!m_order->isAnswered(pick.clip.position)) {
        m_order->answer(pick.clip.position, like);
        m_likes += like ? 1 : 0;
    }
    return true;
}

void ListenerRating::skip(const ListenerPick &pick)
{
    if (m_order)
        m_order->skip(pick.clip.position);
}

bool ListenerRating::retrainDue() const { return m_order && m_order->retrainDue(); }

void ListenerRating::retrainJudge()
{
    m_judgeAnswers = m_order->answered();
    m_order->retrain();
}

bool ListenerRating::refresh(Study &study, QString *error)
{
    const auto newest = defaultRecommendationModel(storedModels(study, m_listener), m_encoder);
    m_model = newest ? *newest : TrainedModel();
    m_modelAnswers = 0;
    if (newest)
        for (const Answer &a : study.answers(m_listener.id, AnswerSources::Survey))
            m_modelAnswers += a.answeredAt <= newest->createdAt ? 1 : 0;

    // The plan clips embedded since the last look go to the active order.
    QHash<ClipKey, int> index;
    for (int i = 0; i < m_plan.size(); ++i)
        if (!m_hasEmbedding[std::size_t(i)])
            index.insert(ClipKey{m_plan[i].trackId, m_plan[i].startSeconds, m_plan[i].lengthSeconds}, i);
    if (index.isEmpty())
        return true;
    EmbeddingStore store(study);
    for (Embedding &e : store.embeddings(m_encoder)) {
        const auto it = index.constFind(e.clip);
        if (it == index.constEnd())
            continue; // a library excerpt, or a clip the order has already
        try {
            m_order->setEmbedding(*it, std::move(e.vector));
        } catch (const std::exception &ex) {
            if (error)
                *error = QCoreApplication::translate("Listener", "the embeddings of %1 do not fit together: %2")
                             .arg(m_encoder, QString::fromStdString(ex.what()));
            return false;
        }
        m_hasEmbedding[std::size_t(*it)] = true;
        ++m_embedded;
    }
    if (!store.lastError().isEmpty()) {
        if (error)
            *error = store.lastError();
        return false;
    }
    return true;
}

ListenerSession::ListenerSession(Study &study, const train::ActiveOrderSettings &settings, QObject *parent)
    : QObject(parent), m_study(study), m_rating(settings), m_extraction(new ExtractionService(this)), m_training(new TrainingService(this))
{
    connect(m_extraction, &ExtractionService::progressed, this,
            [this](quint64, const ExtractionProgress &progress) {
                Q_EMIT extractionProgressed(progress);
                // Newly embedded clips become choosable: hand them to the order now and then.
                if (progress.total > 0
                    && progress.done - m_embeddedAtRefresh >= qMax(50, progress.total / 4)) {
                    m_embeddedAtRefresh = progress.done;
                    refresh();
                }
            });
    connect(m_extraction, &ExtractionService::finished, this, [this](quint64, const ExtractionReport &report) {
        Q_EMIT extractionFinished(report);
        if (!report.error.isEmpty())
            Q_EMIT problem(report.error);
        refresh();
        maybeRetrain();
    });
    connect(m_training, &TrainingService::finished, this, [this](quint64, const TrainingReport &report) {
        if (!report.error.isEmpty() && !report.cancelled)
            Q_EMIT problem(report.error);
        if (!report.models.isEmpty())
            refresh(); // emits modelUpdated()
        else
            Q_EMIT modelUpdated();
    });
}

ListenerSession::~ListenerSession() { cancel(); }

bool ListenerSession::start(const QString &encoderName, const QStringList &modelDirs, QString *error)
{
    const QString encoder = encoderName.isEmpty() ? QString::fromStdString(embed::defaultEncoderName()) : encoderName;
    if (!m_rating.load(m_study, encoder, error))
        return false;
    if (m_rating.hasJudge())
        m_history.append(QPointF(m_rating.judgeAnswers(), m_rating.certainty()));
    ExtractionRequest extraction;
    extraction.studyPath = m_study.path();
    extraction.encoder = encoder;
    extraction.modelDirs = modelDirs;
    m_embeddedAtRefresh = 0;
    m_extraction->start(extraction);
    return true;
}

bool ListenerSession::answer(const ListenerPick &pick, bool like, qint64 responseMs, int replays, QString *error)
{
    if (!m_rating.answer(m_study, pick, like, responseMs, replays, error))
        return false;
    maybeRetrain();
    return true;
}

bool ListenerSession::isExtracting() const { return m_extraction->isRunning(); }
bool ListenerSession::isTraining() const { return m_training->isRunning(); }

void ListenerSession::cancel()
{
    m_extraction->cancel();
    m_training->cancel();
}

void ListenerSession::maybeRetrain()
{
    if (!m_rating.retrainDue())
        return;
    // The judge (a second or less) on the thread pool; the listener goes on answering meanwhile.
    if (!m_judgeRunning) {
        m_judgeRunning = true;
        const int answers = m_rating.order().answered();
        auto *watcher = new QFutureWatcher<train::ActiveJudge>(this);
        connect(watcher, &QFutureWatcher<train::ActiveJudge>::finished, this, [this, watcher, answers] {
            watcher->deleteLater();
            m_judgeRunning = false;
            m_rating.setJudge(watcher->result(), answers);
            m_history.append(QPointF(answers, m_rating.certainty()));
            Q_EMIT modelUpdated();
        });
        watcher->setFuture(QtConcurrent::run(train::trainJudge, m_rating.order().judgeInput()));
    }
    // The listener's model, which ranks the library, on the same schedule.
    if (!m_training->isRunning()) {
        m_training->start(listenerTrainingRequest(m_study.path(), m_rating.encoder()));
        Q_EMIT trainingStarted(m_rating.answered());
    }
}

void ListenerSession::refresh()
{
    QString error;
    if (!m_rating.refresh(m_study, &error))
        Q_EMIT problem(error);
    Q_EMIT modelUpdated();
}

} // namespace tastelab
