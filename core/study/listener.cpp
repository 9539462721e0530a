#include "study/listener.h"

#include "embed/encoderregistry.h"
#include "study/embeddingstore.h"
#include "study/recommendations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    m_answered = m_likes = m_skipped = 0;
    const int like = study.settings().maxValue();
    for (const Answer &a : study.answers(m_listener.id, AnswerSources::Survey)) {
        if (a.position < 0 || a.position >= m_plan.size() || m_order->isAnswered(a.position))
            continue;
        m_order->markAnswered(a.position);
        ++m_answered;
        m_likes += a.value == like ? 1 : 0;
    }
    m_probability.assign(std::size_t(m_plan.size()), std::numeric_limits<float>::quiet_NaN());
    return refresh(study, error);
}

std::optional<ListenerPick> ListenerRating::next()
{
    if (!m_order)
        return std::nullopt;
    const bool any = std::any_of(m_probability.begin(), m_probability.end(), [](float p) { return !std::isnan(p); });
    const int candidate = m_order->next(any ? m_probability : std::vector<float>());
    if (candidate < 0)
        return std::nullopt;
    ListenerPick pick;
    pick.clip = m_plan[candidate];
    pick.track = m_tracks.value(pick.clip.trackId);
    pick.random = m_order->lastWasRandom();
    pick.probability = m_probability[std::size_t(candidate)];
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
        m_order->markAnswered(pick.clip.position);
        ++m_answered;
        m_likes += like ? 1 : 0;
    }
    return true;
}

void ListenerRating::skip(const ListenerPick &pick)
{
    if (m_order && !m_order->isAnswered(pick.clip.position)) {
        m_order->markAnswered(pick.clip.position);
        ++m_skipped;
    }
}

bool ListenerRating::retrainDue() const
{
    if (m_answered < m_settings.warmup)
        return false;
    return !hasModel() || m_answered - m_modelAnswers >= m_settings.retrainEvery;
}

bool ListenerRating::refresh(Study &study, QString *error)
{
    const auto newest = defaultRecommendationModel(storedModels(study, m_listener), m_encoder);
    m_model = newest ? *newest : TrainedModel();
    m_modelAnswers = 0;
    std::unique_ptr<train::Model> model;
    if (newest) {
        model = loadModel(study, newest->id, error);
        if (!model)
            return false;
        for (const Answer &a : study.answers(m_listener.id, AnswerSources::Survey))
            m_modelAnswers += a.answeredAt <= newest->createdAt ? 1 : 0;
    }

    QHash<ClipKey, int> index;
    for (int i = 0; i < m_plan.size(); ++i)
        index.insert(ClipKey{m_plan[i].trackId, m_plan[i].startSeconds, m_plan[i].lengthSeconds}, i);
    std::vector<std::vector<float>> features;
    std::vector<int> rows;
    EmbeddingStore store(study);
    for (Embedding &e : store.embeddings(m_encoder)) {
        const auto it = index.constFind(e.clip);
        if (it == index.constEnd())
            continue; // a library excerpt, not a plan clip
        rows.push_back(*it);
        features.push_back(std::move(e.vector));
    }
    m_embedded = int(rows.size());
    m_probability.assign(std::size_t(m_plan.size()), std::numeric_limits<float>::quiet_NaN());
    m_certainty = 0;
    if (!model || features.empty())
        return true;
    try {
        const std::vector<float> p = model->predict(features);
        for (std::size_t i = 0; i < rows.size(); ++i)
            m_probability[std::size_t(rows[i])] = p[i];
    } catch (const std::exception &e) {
        if (error)
            *error = QCoreApplication::translate("Listener", "model %1 could not score the clips: %2").arg(newest->id).arg(QString::fromStdString(e.what()));
        return false;
    }
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < m_probability.size(); ++i)
        if (!std::isnan(m_probability[i]) && !m_order->isAnswered(int(i))) {
            sum += std::abs(2.0 * double(m_probability[i]) - 1.0);
            ++n;
        }
    m_certainty = n ? sum / n : 0;
    return true;
}

ListenerSession::ListenerSession(Study &study, QObject *parent)
    : QObject(parent), m_study(study), m_extraction(new ExtractionService(this)), m_training(new TrainingService(this))
{
    connect(m_extraction, &ExtractionService::progressed, this,
            [this](quint64, const ExtractionProgress &progress) {
                Q_EMIT extractionProgressed(progress);
                // With a model, newly embedded clips become choosable: re-read now and then.
                if (m_rating.hasModel() && progress.total > 0
                    && progress.done - m_embeddedAtRefresh >= qMax(50, progress.total / 4)) {
                    m_embeddedAtRefresh = progress.done;
                    refresh();
                }
            });
    connect(m_extraction, &ExtractionService::finished, this, [this](quint64, const ExtractionReport &report) {
        m_extracting = false;
        Q_EMIT extractionFinished(report);
        if (!report.error.isEmpty())
            Q_EMIT problem(report.error);
        refresh();
        maybeRetrain();
    });
    connect(m_training, &TrainingService::finished, this, [this](quint64, const TrainingReport &report) {
        m_trainingRunning = false;
        if (!report.error.isEmpty() && !report.cancelled)
            Q_EMIT problem(report.error);
        if (!report.models.isEmpty()) {
            refresh();
            m_history.append(QPointF(m_rating.modelAnswers(), m_rating.certainty()));
        }
        Q_EMIT modelUpdated();
    });
}

ListenerSession::~ListenerSession() { cancel(); }

bool ListenerSession::start(const QString &encoderName, const QStringList &modelDirs, QString *error)
{
    const QString encoder = encoderName.isEmpty() ? QString::fromStdString(embed::defaultEncoderName()) : encoderName;
    if (!m_rating.load(m_study, encoder, error))
        return false;
    if (m_rating.hasModel())
        m_history.append(QPointF(m_rating.modelAnswers(), m_rating.certainty()));
    m_extractionRequest = ExtractionRequest();
    m_extractionRequest.studyPath = m_study.path();
    m_extractionRequest.encoder = encoder;
    m_extractionRequest.modelDirs = modelDirs;
    m_extracting = true;
    m_embeddedAtRefresh = 0;
    m_extraction->start(m_extractionRequest);
    return true;
}

bool ListenerSession::answer(const ListenerPick &pick, bool like, qint64 responseMs, int replays, QString *error)
{
    if (!m_rating.answer(m_study, pick, like, responseMs, replays, error))
        return false;
    maybeRetrain();
    return true;
}

bool ListenerSession::isExtracting() const { return m_extracting; }
bool ListenerSession::isTraining() const { return m_trainingRunning; }

void ListenerSession::cancel()
{
    m_extraction->cancel();
    m_training->cancel();
}

void ListenerSession::maybeRetrain()
{
    if (m_trainingRunning || !m_rating.retrainDue())
        return;
    TrainingRequest request;
    request.studyPath = m_study.path();
    request.participant = listenerCode();
    request.encoder = m_rating.encoder();
    request.models = {QStringLiteral("clep-pn")};
    m_trainingRunning = true;
    m_training->start(request);
    Q_EMIT trainingStarted(m_rating.answered());
}

void ListenerSession::refresh()
{
    QString error;
    if (!m_rating.refresh(m_study, &error))
        Q_EMIT problem(error);
    Q_EMIT modelUpdated();
}

} // namespace tastelab
