#include "study/training.h"
#include "study/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace tastelab {

namespace {

train::Metrics metricsFromJson(const QJsonObject &o)
{
    train::Metrics m;
    m.accuracy = o.value(QStringLiteral("accuracy")).toDouble();
    m.precision = o.value(QStringLiteral("precision")).toDouble();
    m.recall = o.value(QStringLiteral("recall")).toDouble();
    m.f1 = o.value(QStringLiteral("f1")).toDouble();
    m.auroc = o.value(QStringLiteral("auroc")).toDouble();
    m.fpr = o.value(QStringLiteral("fpr")).toDouble();
    m.tp = o.value(QStringLiteral("tp")).toInt();
    m.tn = o.value(QStringLiteral("tn")).toInt();
    m.fp = o.value(QStringLiteral("fp")).toInt();
    m.fn = o.value(QStringLiteral("fn")).toInt();
    return m;
}

QJsonArray logToJson(const std::vector<train::EpochLog> &log)
{
    QJsonArray a;
    for (const train::EpochLog &e : log)
        a.append(QJsonObject{{QStringLiteral("stage"), QString::fromStdString(e.stage)},
                             {QStringLiteral("epoch"), e.epoch},
                             {QStringLiteral("train_loss"), e.trainLoss},
                             {QStringLiteral("validation_loss"), e.validationLoss},
                             {QStringLiteral("lr"), e.learningRate}});
    return a;
}

std::vector<train::EpochLog> logFromJson(const QJsonArray &a)
{
    std::vector<train::EpochLog> log;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        train::EpochLog e;
        e.stage = o.value(QStringLiteral("stage")).toString().toStdString();
        e.epoch = o.value(QStringLiteral("epoch")).toInt();
        e.trainLoss = o.value(QStringLiteral("train_loss")).toDouble();
        e.validationLoss = o.value(QStringLiteral("validation_loss")).toDouble();
        e.learningRate = o.value(QStringLiteral("lr")).toDouble();
        log.push_back(e);
    }
    return log;
}

QJsonObject settingsToJson(const train::ClepSettings &s, const LabelMapping &mapping)
{
    return QJsonObject{{QStringLiteral("margin"), s.margin},
                       {QStringLiteral("embedder_depth"), s.embedderDepth},
                       {QStringLiteral("embedder_hidden"), s.embedderHidden},
                       {QStringLiteral("embedding_size"), s.embeddingSize},
                       {QStringLiteral("embedder_lr"), s.embedderLearningRate},
                       {QStringLiteral("embedder_epochs"), s.embedderEpochs},
                       {QStringLiteral("classifier_hidden"), s.classifierHidden},
                       {QStringLiteral("classifier_lr"), s.classifierLearningRate},
                       {QStringLiteral("classifier_epochs"), s.classifierEpochs},
                       {QStringLiteral("batch_songs"), s.batchSongs},
                       {QStringLiteral("plateau_patience"), s.plateauPatience},
                       {QStringLiteral("plateau_factor"), s.plateauFactor},
                       {QStringLiteral("test_fraction"), s.testFraction},
                       {QStringLiteral("validation_fraction"), s.validationFraction},
                       {QStringLiteral("seed"), QString::number(s.seed)},
                       {QStringLiteral("label_mapping"), mapping.toJson()}};
}

/// The inverse of settingsToJson; keys that are missing keep their defaults.
train::ClepSettings settingsFromJson(const QJsonObject &o)
{
    train::ClepSettings s;
    s.margin = o.value(QStringLiteral("margin")).toDouble(s.margin);
    s.embedderDepth = o.value(QStringLiteral("embedder_depth")).toInt(s.embedderDepth);
    s.embedderHidden = o.value(QStringLiteral("embedder_hidden")).toInt(s.embedderHidden);
    s.embeddingSize = o.value(QStringLiteral("embedding_size")).toInt(s.embeddingSize);
    s.embedderLearningRate = o.value(QStringLiteral("embedder_lr")).toDouble(s.embedderLearningRate);
    s.embedderEpochs = o.value(QStringLiteral("embedder_epochs")).toInt(s.embedderEpochs);
    s.classifierHidden = o.value(QStringLiteral("classifier_hidden")).toInt(s.classifierHidden);
    s.classifierLearningRate = o.value(QStringLiteral("classifier_lr")).toDouble(s.classifierLearningRate);
    s.classifierEpochs = o.value(QStringLiteral("classifier_epochs")).toInt(s.classifierEpochs);
    s.batchSongs = o.value(QStringLiteral("batch_songs")).toInt(s.batchSongs);
    s.plateauPatience = o.value(QStringLiteral("plateau_patience")).toInt(s.plateauPatience);
    s.plateauFactor = o.value(QStringLiteral("plateau_factor")).toDouble(s.plateauFactor);
    s.testFraction = o.value(QStringLiteral("test_fraction")).toDouble(s.testFraction);
    s.validationFraction = o.value(QStringLiteral("validation_fraction")).toDouble(s.validationFraction);
    bool ok = false;
    const std::uint64_t seed = o.value(QStringLiteral("seed")).toString().toULongLong(&ok);
    if (ok)
        s.seed = seed;
    return s;
}

QJsonArray clipsToJson(const QVector<ClipKey> &clips, const std::vector<int> &rows)
{
    QJsonArray a;
    for (int r : rows)
        a.append(QJsonArray{clips[r].trackId, clips[r].startSeconds, clips[r].lengthSeconds});
    return a;
}

bool trainOne(const QString &id, const train::Dataset &data, const train::Split &split,
              const train::ClepSettings &settings, const train::ProgressFn &progress, train::Model *out)
{
    train::Variant variant;
    if (train::variantFromId(id.toStdString(), &variant)) {
        *out = train::Model::trainClep(data, split, variant, settings, progress);
        return true;
    }
    static const QHash<QString, train::Model::Kind> baselines{{QStringLiteral("logreg"), train::Model::Kind::LogisticRegression},
                                                              {QStringLiteral("knn"), train::Model::Kind::KNearest},
                                                              {QStringLiteral("mlp"), train::Model::Kind::MlpOnly}};
    const auto kind = baselines.constFind(id);
    if (kind == baselines.constEnd())
        return false;
    *out = train::Model::trainBaseline(kind.value(), data, split, settings, progress);
    return true;
}

} // namespace

LabelMapping LabelMapping::forScale(AnswerScale scale)
{
    switch (scale) {
    case AnswerScale::Likert5:
        return {4, 2};
    case AnswerScale::Likert7:
        return {5, 3};
    case AnswerScale::LikeDislike:
        break;
    }
    return {1, 0};
}

QJsonObject LabelMapping::toJson() const
{
    return QJsonObject{{QStringLiteral("like_at_or_above"), likeAtOrAbove},
                       {QStringLiteral("dislike_at_or_below"), dislikeAtOrBelow}};
}

LabelMapping LabelMapping::fromJson(const QJsonObject &json, const LabelMapping &fallback)
{
    return {json.value(QStringLiteral("like_at_or_above")).toInt(fallback.likeAtOrAbove),
            json.value(QStringLiteral("dislike_at_or_below")).toInt(fallback.dislikeAtOrBelow)};
}

QJsonObject metricsToJson(const train::Metrics &m)
{
    return QJsonObject{{QStringLiteral("accuracy"), m.accuracy}, {QStringLiteral("precision"), m.precision},
                       {QStringLiteral("recall"), m.recall},     {QStringLiteral("f1"), m.f1},
                       {QStringLiteral("auroc"), m.auroc},       {QStringLiteral("fpr"), m.fpr},
                       {QStringLiteral("tp"), m.tp},             {QStringLiteral("tn"), m.tn},
                       {QStringLiteral("fp"), m.fp},             {QStringLiteral("fn"), m.fn}};
}

QStringList allModelIds()
{
    return {QStringLiteral("clep-pn"), QStringLiteral("clep-p"), QStringLiteral("clep-n"),
            QStringLiteral("logreg"),  QStringLiteral("knn"),    QStringLiteral("mlp")};
}

bool buildTrainingData(Study &study, const Participant &participant, const QString &encoder,
                       const LabelMapping &mapping, TrainingData *out, QString *error)
{
    *out = TrainingData();
    QHash<ClipKey, std::vector<float>> vectors;
    for (Embedding &e : EmbeddingStore(study).embeddings(encoder))
        vectors.insert(e.clip, std::move(e.vector));
    QSet<int> repeats;
    for (const Clip &c : study.plan(participant.id))
        if (c.repeatOf >= 0)
            repeats.insert(c.position);
    for (const Answer &a : study.answers(participant.id, AnswerSources::All)) {
        if (repeats.contains(a.position)) {
            ++out->repeatsSkipped;
            continue;
        }
        const int label = mapping.label(a.value);
        if (label < 0) {
            ++out->leftOut;
            continue;
        }
        const ClipKey key{a.trackId, a.clipStart, a.clipLength};
        const auto v = vectors.constFind(key);
        if (v == vectors.constEnd()) {
            ++out->missingEmbeddings;
            continue;
        }
        out->dataset.features.push_back(v.value());
        out->dataset.labels.push_back(label);
        out->clips.push_back(key);
        (label ? out->likes : out->dislikes) += 1;
        if (a.isFeedback())
            ++out->feedback;
    }
    // Steering feedback: anchors for the contrastive stage.
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT track_id, encoder, anchor, direction, weight FROM steering WHERE participant_id = ? "
                             "ORDER BY id"));
    q.addBindValue(participant.id);
    if (q.exec()) {
        QHash<qint64, QVector<ClipKey>> byTrack; // a track's clips in start order (deterministic anchors)
        bool indexed = false;
        while (q.next()) {
            const int direction = q.value(3).toInt() >= 0 ? 1 : -1;
            const double weight = q.value(4).toDouble();
            if (!q.value(0).isNull()) {
                if (!indexed) {
                    for (auto it = vectors.constBegin(); it != vectors.constEnd(); ++it)
                        byTrack[it.key().trackId].push_back(it.key());
                    for (QVector<ClipKey> &clips : byTrack)
                        std::sort(clips.begin(), clips.end(), [](const ClipKey &a, const ClipKey &b) {
                            return a.startSeconds != b.startSeconds ? a.startSeconds < b.startSeconds
                                                                    : a.lengthSeconds < b.lengthSeconds;
                        });
                    indexed = true;
                }
                const QVector<ClipKey> clips = byTrack.value(q.value(0).toLongLong());
                if (clips.isEmpty())
                    continue;
                for (const ClipKey &clip : clips)
                    out->dataset.steering.push_back({vectors.value(clip), direction, weight / double(clips.size())});
                out->steeringAnchors += int(clips.size());
                ++out->steering;
            } else if (q.value(1).toString() == encoder) {
                out->dataset.steering.push_back({vectorFromBlob(q.value(2).toByteArray()), direction, weight});
                ++out->steeringAnchors;
                ++out->steering;
            }
        }
    }
    if (out->likes < 4 || out->dislikes < 4) {
        if (error) {
            *error = QCoreApplication::translate("Trainer", "participant '%1' has %2 liked and %3 disliked clips with %4 embeddings; training needs at "
                        "least 4 of each")
                         .arg(participant.code)
                         .arg(out->likes)
                         .arg(out->dislikes)
                         .arg(encoder);
            if (out->missingEmbeddings > 0)
                *error += QCoreApplication::translate("Trainer", " (%1 answered clips have no embedding yet: extract them on the Features page)")
                              .arg(out->missingEmbeddings);
        }
        return false;
    }
    return true;
}

QString TrainingReport::toText() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << QCoreApplication::translate("Trainer", "Training stopped: %1").arg(error);
    if (cancelled)
        lines << QCoreApplication::translate("Trainer", "Training was cancelled.");
    if (examples > 0)
        lines << QCoreApplication::translate("Trainer", "%1 answered clips (%2 liked, %3 disliked%4), split 3:1 into training and test.")
                     .arg(examples)
                     .arg(likes)
                     .arg(dislikes)
                     .arg(feedback > 0 ? QCoreApplication::translate("Trainer", "; %1 of them feedback from the recommendation list").arg(feedback)
                                       : QString());
    if (steering > 0)
        lines << QCoreApplication::translate("Trainer", "%1 steering requests (more / less like this) steer the CLEP embedder.")
                     .arg(steering);
    for (const TrainedModel &m : models)
        lines << QCoreApplication::translate("Trainer", "%1: accuracy %2, precision %3, recall %4, F1 %5, AUROC %6, FPR %7 (TP %8, TN %9, FP %10, FN %11)%12")
                     .arg(m.model, -8)
                     .arg(m.metrics.accuracy, 0, 'f', 3)
                     .arg(m.metrics.precision, 0, 'f', 3)
                     .arg(m.metrics.recall, 0, 'f', 3)
                     .arg(m.metrics.f1, 0, 'f', 3)
                     .arg(m.metrics.auroc, 0, 'f', 3)
                     .arg(m.metrics.fpr, 0, 'f', 3)
                     .arg(m.metrics.tp)
                     .arg(m.metrics.tn)
                     .arg(m.metrics.fp)
                     .arg(m.metrics.fn)
                     .arg(m.id > 0 ? QCoreApplication::translate("Trainer", " [stored as model %1]").arg(m.id) : QString());
    return lines.join(QLatin1Char('\n'));
}

TrainingReport Trainer::run(const TrainingRequest &request, const Progress &progress)
{
    TrainingReport report;
    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        report.error = error;
        return report;
    }
    const std::optional<Participant> participant = study->participant(request.participant);
    if (!participant) {
        report.error = QCoreApplication::translate("Trainer", "%1: no participant '%2'").arg(study->path(), request.participant);
        return report;
    }
    for (const QString &id : request.models)
        if (!allModelIds().contains(id)) {
            report.error = QCoreApplication::translate("Trainer", "unknown model '%1' (known: %2)").arg(id, allModelIds().join(QStringLiteral(", ")));
            return report;
        }
    const LabelMapping mapping = request.customMapping ? request.mapping : LabelMapping::forScale(study->settings().scale);
    TrainingData data;
    if (!buildTrainingData(*study, *participant, request.encoder, mapping, &data, &error)) {
        report.error = error;
        return report;
    }
    report.examples = int(data.dataset.labels.size());
    report.likes = data.likes;
    report.dislikes = data.dislikes;
    report.feedback = data.feedback;
    report.steering = data.steering;
    QString encoderHash;
    for (const EmbeddingSummary &s : EmbeddingStore(*study).summaries())
        if (s.encoder == request.encoder)
            encoderHash = s.encoderHash;

    const train::Split split = train::stratifiedSplit(data.dataset.labels, request.settings.testFraction,
                                                      request.settings.validationFraction, request.settings.seed);
    const QJsonObject splitJson{{QStringLiteral("train"), clipsToJson(data.clips, split.train)},
                                {QStringLiteral("validation"), clipsToJson(data.clips, split.validation)},
                                {QStringLiteral("test"), clipsToJson(data.clips, split.test)}};
    for (const QString &id : request.models) {
        train::Model model;
        try {
            trainOne(id, data.dataset, split, request.settings,
                     [&](const train::EpochLog &e) { return !progress || progress(id, e); }, &model);
        } catch (const train::Cancelled &) {
            report.cancelled = true;
            return report;
        } catch (const std::exception &e) {
            report.error = QCoreApplication::translate("Trainer", "training %1 failed: %2").arg(id, QString::fromStdString(e.what()));
            return report;
        }
        TrainedModel trained;
        trained.participant = participant->code;
        trained.encoder = request.encoder;
        trained.model = id;
        trained.metrics = train::evaluate(model, data.dataset, split).metrics;
        trained.log = model.log();
        trained.createdAt = QDateTime::currentDateTimeUtc();
        if (request.store) {
            QSqlQuery q(study->database());
            q.prepare(QStringLiteral("INSERT INTO models(participant_id, encoder, encoder_hash, kind, settings, split, "
                                     "metrics, log, weights, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            const std::string weights = model.serialize();
            for (const QVariant &v :
                 {QVariant(participant->id), QVariant(request.encoder), QVariant(encoderHash), QVariant(id),
                  QVariant(QJsonDocument(settingsToJson(request.settings, mapping)).toJson(QJsonDocument::Compact)),
                  QVariant(QJsonDocument(splitJson).toJson(QJsonDocument::Compact)),
                  QVariant(QJsonDocument(metricsToJson(trained.metrics)).toJson(QJsonDocument::Compact)),
                  QVariant(QJsonDocument(logToJson(trained.log)).toJson(QJsonDocument::Compact)),
                  QVariant(QByteArray(weights.data(), qsizetype(weights.size()))),
                  QVariant(trained.createdAt.toString(Qt::ISODateWithMs))})
                q.addBindValue(v);
            if (!q.exec()) {
                report.error = QCoreApplication::translate("Trainer", "%1: the trained %2 model was not saved: %3")
                                   .arg(study->path(), id, q.lastError().text());
                return report;
            }
            trained.id = q.lastInsertId().toLongLong();
        }
        report.models.push_back(trained);
    }
    return report;
}

StudyEvaluation evaluateStudy(const EvaluationRequest &request, const std::function<bool(int, int)> &progress)
{
    StudyEvaluation out;
    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        out.error = error;
        return out;
    }
    for (const QString &id : request.models)
        if (!allModelIds().contains(id)) {
            out.error = QCoreApplication::translate("Trainer", "unknown model '%1' (known: %2)").arg(id, allModelIds().join(QStringLiteral(", ")));
            return out;
        }
    const LabelMapping mapping = request.customMapping ? request.mapping : LabelMapping::forScale(study->settings().scale);
    // Everything is read here, on this thread: the jobs below only compute.
    struct Job {
        QString participant;
        const train::Dataset *data;
        int repeat;
    };
    std::vector<std::unique_ptr<TrainingData>> datasets;
    std::vector<Job> jobs;
    for (const Participant &p : study->participants()) {
        auto data = std::make_unique<TrainingData>();
        if (!buildTrainingData(*study, p, request.encoder, mapping, data.get(), &error)) {
            out.skipped << error;
            continue;
        }
        for (int r = 0; r < std::max(1, request.repeats); ++r)
            jobs.push_back({p.code, &data->dataset, r});
        datasets.push_back(std::move(data));
    }
    struct JobResult {
        QString participant;
        QVector<train::Evaluation> evaluations;
        QString error;
    };
    std::atomic<bool> cancel{false};
    std::atomic<int> done{0};
    std::mutex progressMutex;
    const int total = int(jobs.size());
    const QList<JobResult> results = QtConcurrent::blockingMapped<QList<JobResult>>(jobs, [&](const Job &job) {
        JobResult r{job.participant, {}, {}};
        if (cancel.load())
            return r;
        train::ClepSettings settings = request.settings;
        settings.seed = request.settings.seed + std::uint64_t(job.repeat);
        const train::Split split = train::stratifiedSplit(job.data->labels, settings.testFraction,
                                                          settings.validationFraction, settings.seed);
        for (const QString &id : request.models) {
            train::Model model;
            try {
                trainOne(id, *job.data, split, settings, [&](const train::EpochLog &) { return !cancel.load(); }, &model);
            } catch (const train::Cancelled &) {
                return r;
            } catch (const std::exception &e) {
                r.error = QCoreApplication::translate("Trainer", "%1, %2: %3").arg(job.participant, id, QString::fromStdString(e.what()));
                return r;
            }
            r.evaluations.push_back(train::evaluate(model, *job.data, split));
        }
        const int n = ++done;
        if (progress) {
            std::lock_guard<std::mutex> lock(progressMutex);
            if (!progress(n, total))
                cancel.store(true);
        }
        return r;
    });
    if (cancel.load()) {
        out.cancelled = true;
        return out;
    }
    // Average the rates and sum the confusion counts over repeats, per participant and model.
    std::map<std::pair<QString, std::string>, train::ParticipantResult> merged;
    QStringList order;
    for (const JobResult &r : results) {
        if (!r.error.isEmpty()) {
            out.error = r.error;
            return out;
        }
        if (!order.contains(r.participant))
            order << r.participant;
        for (const train::Evaluation &e : r.evaluations) {
            train::ParticipantResult &pr = merged[{r.participant, e.model}];
            if (pr.participant.empty()) {
                pr.participant = r.participant.toStdString();
                pr.encoder = request.encoder.toStdString();
                pr.model = e.model;
                pr.repeats = 0;
            }
            train::Metrics &m = pr.metrics;
            const double n = ++pr.repeats;
            auto running = [n](double &mean, double x) { mean += (x - mean) / n; };
            running(m.accuracy, e.metrics.accuracy);
            running(m.precision, e.metrics.precision);
            running(m.recall, e.metrics.recall);
            running(m.f1, e.metrics.f1);
            running(m.auroc, e.metrics.auroc);
            running(m.fpr, e.metrics.fpr);
            m.tp += e.metrics.tp;
            m.tn += e.metrics.tn;
            m.fp += e.metrics.fp;
            m.fn += e.metrics.fn;
        }
    }
    for (const QString &participant : order)
        for (const QString &id : request.models) {
            const auto it = merged.find({participant, id.toStdString()});
            if (it != merged.end())
                out.results.push_back(it->second);
        }
    return out;
}

bool retrainingRequest(Study &study, qint64 modelId, TrainingRequest *out, QString *error)
{
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT p.code, m.encoder, m.kind, m.settings FROM models m JOIN participants p ON "
                             "p.id = m.participant_id WHERE m.id = ?"));
    q.addBindValue(modelId);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = QCoreApplication::translate("Trainer", "%1: no stored model %2").arg(study.path()).arg(modelId);
        return false;
    }
    TrainingRequest r;
    r.studyPath = study.path();
    r.participant = q.value(0).toString();
    r.encoder = q.value(1).toString();
    r.models = QStringList{q.value(2).toString()};
    const QJsonObject settings = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
    r.settings = settingsFromJson(settings);
    const QJsonObject mapping = settings.value(QStringLiteral("label_mapping")).toObject();
    if (!mapping.isEmpty()) {
        r.customMapping = true;
        r.mapping = LabelMapping::fromJson(mapping, r.mapping);
    }
    r.store = true;
    *out = r;
    return true;
}

std::unique_ptr<train::Model> loadModel(Study &study, qint64 modelId, QString *error)
{
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT weights FROM models WHERE id = ?"));
    q.addBindValue(modelId);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = QCoreApplication::translate("Trainer", "%1: no stored model %2").arg(study.path()).arg(modelId);
        return nullptr;
    }
    const QByteArray bytes = q.value(0).toByteArray();
    try {
        return std::make_unique<train::Model>(train::Model::deserialize(std::string(bytes.constData(), std::size_t(bytes.size()))));
    } catch (const std::exception &e) {
        if (error)
            *error = QCoreApplication::translate("Trainer", "%1: stored model %2 cannot be read (%3)").arg(study.path()).arg(modelId).arg(QString::fromStdString(e.what()));
        return nullptr;
    }
}

std::optional<StoredModelRow> storedModelRow(Study &study, qint64 modelId, QString *error)
{
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT participant_id, encoder, encoder_hash, kind, settings, split, created_at "
                             "FROM models WHERE id = ?"));
    q.addBindValue(modelId);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = QCoreApplication::translate("Trainer", "%1: no stored model %2").arg(study.path()).arg(modelId);
        return std::nullopt;
    }
    StoredModelRow row;
    row.id = modelId;
    row.participantId = q.value(0).toLongLong();
    row.encoder = q.value(1).toString();
    row.encoderHash = q.value(2).toString();
    row.kind = q.value(3).toString();
    row.settings = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
    row.split = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
    row.createdAt = StudyDatabase::time(q.value(6));
    return row;
}

QVector<TrainedModel> storedModels(Study &study, const Participant &participant)
{
    QVector<TrainedModel> out;
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT id, encoder, kind, metrics, log, created_at FROM models WHERE participant_id = ? "
                             "ORDER BY id DESC"));
    q.addBindValue(participant.id);
    if (!q.exec())
        return out;
    while (q.next()) {
        TrainedModel m;
        m.id = q.value(0).toLongLong();
        m.participant = participant.code;
        m.encoder = q.value(1).toString();
        m.model = q.value(2).toString();
        m.metrics = metricsFromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
        m.log = logFromJson(QJsonDocument::fromJson(q.value(4).toByteArray()).array());
        m.createdAt = StudyDatabase::time(q.value(5));
        out.push_back(m);
    }
    return out;
}

TrainingService::TrainingService(QObject *parent) : JobThread(QStringLiteral("tastelab-train"), parent)
{
    qRegisterMetaType<tastelab::train::EpochLog>();
    qRegisterMetaType<tastelab::TrainingReport>();
}

quint64 TrainingService::start(const TrainingRequest &request)
{
    return submit([this, request](quint64 jobId) {
        const TrainingReport report = Trainer::run(request, [&](const QString &model, const train::EpochLog &e) {
            if (!shouldContinue(jobId))
                return false;
            deliver(jobId, [this, jobId, model, e] { Q_EMIT epochFinished(jobId, model, e); });
            return true;
        });
        deliver(jobId, [this, jobId, report] { Q_EMIT finished(jobId, report); }, true);
    });
}

} // namespace tastelab
