#include "study/results.h"

#include "study/recommendations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>
#include <map>

namespace tastelab {

namespace {

/// The first answer of each clip of a participant, feedback included: a repeated clip's second
/// presentation does not override the first.
QHash<ClipKey, Answer> firstAnswers(Study &study, qint64 participantId)
{
    QSet<int> repeats;
    for (const Clip &c : study.plan(participantId))
        if (c.repeatOf >= 0)
            repeats.insert(c.position);
    QHash<ClipKey, Answer> out;
    for (const Answer &a : study.answers(participantId, AnswerSources::All)) {
        if (repeats.contains(a.position))
            continue;
        const ClipKey key{a.trackId, a.clipStart, a.clipLength};
        if (!out.contains(key))
            out.insert(key, a);
    }
    return out;
}

QString modelLabel(const QString &kind) { return QString::fromStdString(train::modelLabel(kind.toStdString())); }

std::optional<Participant> participantById(Study &study, qint64 id)
{
    for (const Participant &p : study.participants())
        if (p.id == id)
            return p;
    return std::nullopt;
}

} // namespace

bool modelTestResult(Study &study, qint64 modelId, ModelTestResult *out, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    *out = ModelTestResult();
    const std::optional<StoredModelRow> stored = storedModelRow(study, modelId, &err);
    if (!stored)
        return false;
    const StoredModelRow &row = *stored;
    const std::optional<Participant> participant = participantById(study, row.participantId);
    if (!participant) {
        err = QCoreApplication::translate("Results", "%1: model %2 belongs to no participant").arg(study.path()).arg(modelId);
        return false;
    }
    for (const TrainedModel &m : storedModels(study, *participant))
        if (m.id == modelId)
            out->model = m;
    std::unique_ptr<train::Model> model = loadModel(study, modelId, &err);
    if (!model)
        return false;

    const LabelMapping mapping = LabelMapping::fromJson(row.settings.value(QStringLiteral("label_mapping")).toObject(),
                                                        LabelMapping::forScale(study.settings().scale));
    const QHash<ClipKey, Answer> answers = firstAnswers(study, participant->id);

    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT encoder_hash, vector FROM embeddings WHERE track_id = ? AND clip_start = ? AND "
                             "clip_length = ? AND encoder = ?"));
    std::vector<std::vector<float>> features;
    for (const QJsonValue &v : row.split.value(QStringLiteral("test")).toArray()) {
        const QJsonArray c = v.toArray();
        const ClipKey key{c.at(0).toInteger(), c.at(1).toDouble(), c.at(2).toDouble()};
        const auto answer = answers.constFind(key);
        const int label = answer == answers.constEnd() ? -1 : mapping.label(answer->value);
        if (label < 0) {
            err = QCoreApplication::translate("Results", "%1: the answer to a test clip of model %2 (track %3 at %4 s) is gone")
                      .arg(study.path())
                      .arg(modelId)
                      .arg(key.trackId)
                      .arg(key.startSeconds);
            return false;
        }
        q.addBindValue(key.trackId);
        q.addBindValue(key.startSeconds);
        q.addBindValue(key.lengthSeconds);
        q.addBindValue(row.encoder);
        if (!q.exec() || !q.next()) {
            err = QCoreApplication::translate("Results", "%1: the %2 embedding of a test clip of model %3 (track %4 at %5 s) is missing: extract it on "
                     "the Features page")
                      .arg(study.path(), row.encoder)
                      .arg(modelId)
                      .arg(key.trackId)
                      .arg(key.startSeconds);
            return false;
        }
        if (q.value(0).toString() != row.encoderHash) {
            err = QCoreApplication::translate("Results", "%1: the %2 encoder changed since model %3 was trained: train it again")
                      .arg(study.path(), row.encoder)
                      .arg(modelId);
            return false;
        }
        features.push_back(vectorFromBlob(q.value(1).toByteArray()));
        out->clips.push_back(key);
        out->truth.push_back(label);
    }
    if (features.empty()) {
        err = QCoreApplication::translate("Results", "%1: model %2 has no test clips").arg(study.path()).arg(modelId);
        return false;
    }
    try {
        out->probability = model->predict(features);
    } catch (const std::exception &e) {
        err = QCoreApplication::translate("Results", "%1: model %2 cannot score its test clips (%3)")
                  .arg(study.path())
                  .arg(modelId)
                  .arg(QString::fromStdString(e.what()));
        return false;
    }
    out->metrics = train::computeMetrics(out->truth, out->probability);
    out->roc = train::rocCurve(out->truth, out->probability);
    return true;
}

std::vector<train::ParticipantResult> storedResults(Study &study, const QString &encoder)
{
    std::vector<train::ParticipantResult> out;
    for (const Participant &p : study.participants()) {
        QSet<QString> seen;
        for (const TrainedModel &m : storedModels(study, p)) { // newest first
            if (m.encoder != encoder || seen.contains(m.model))
                continue;
            seen.insert(m.model);
            train::ParticipantResult r;
            r.participant = p.code.toStdString();
            r.encoder = encoder.toStdString();
            r.model = m.model.toStdString();
            r.metrics = m.metrics;
            out.push_back(r);
        }
    }
    return out;
}

EmbeddingMap buildEmbeddingMap(const MapRequest &request,
                               const std::function<bool(const train::TsneProgress &)> &progress)
{
    EmbeddingMap map;
    map.encoder = request.encoder;
    map.modelId = request.modelId;
    QElapsedTimer timer;
    timer.start();

    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        map.error = error;
        return map;
    }

    std::unique_ptr<train::Model> model;
    StoredModelRow row;
    if (request.modelId > 0) {
        const std::optional<StoredModelRow> stored = storedModelRow(*study, request.modelId, &error);
        if (!stored) {
            map.error = error;
            return map;
        }
        row = *stored;
        if (row.encoder != request.encoder) {
            map.error = QCoreApplication::translate("Results", "%1: model %2 was trained on %3 embeddings, not %4")
                            .arg(study->path())
                            .arg(request.modelId)
                            .arg(row.encoder, request.encoder);
            return map;
        }
        model = loadModel(*study, request.modelId, &error);
        if (!model) {
            map.error = error;
            return map;
        }
        const std::optional<Participant> owner = participantById(*study, row.participantId);
        if (request.participants.size() > 1 || (owner && !request.participants.isEmpty() &&
                                                request.participants.first() != owner->code)) {
            map.error = QCoreApplication::translate("Results", "Model %1 belongs to %2: a model's predictions and space are shown for its own "
                           "participant only")
                            .arg(request.modelId)
                            .arg(owner ? owner->code : QString());
            return map;
        }
    } else if (request.modelSpace) {
        map.error = QCoreApplication::translate("Results", "Choose a trained model to show its embedding space");
        return map;
    }
    map.space = request.modelSpace ? QCoreApplication::translate("Results", "%1 space (model %2)").arg(modelLabel(row.kind)).arg(request.modelId)
                                   : QCoreApplication::translate("Results", "%1 encoder space").arg(request.encoder);

    QVector<Participant> participants;
    if (request.participants.isEmpty()) {
        participants = study->participants();
        if (model) // a model: its own participant only
            participants.erase(std::remove_if(participants.begin(), participants.end(),
                                              [&](const Participant &p) { return p.id != row.participantId; }),
                               participants.end());
    } else {
        for (const QString &code : request.participants) {
            const std::optional<Participant> p = study->participant(code);
            if (!p) {
                map.error = QCoreApplication::translate("Results", "%1: no participant '%2'").arg(study->path(), code);
                return map;
            }
            participants.push_back(*p);
        }
    }

    QHash<ClipKey, std::vector<float>> vectors;
    for (Embedding &e : EmbeddingStore(*study).embeddings(request.encoder))
        vectors.insert(e.clip, std::move(e.vector));
    if (vectors.isEmpty()) {
        map.error = QCoreApplication::translate("Results", "%1: no %2 embeddings yet: extract them on the Features page")
                        .arg(study->path(), request.encoder);
        return map;
    }

    // Points: each participant's answered clips, then (optionally) their unanswered plan clips
    // and one excerpt of every library track none of them heard.
    const StudySettings settings = study->settings();
    const LabelMapping mapping = LabelMapping::forScale(settings.scale);
    std::vector<std::vector<float>> features;
    int missing = 0;
    auto add = [&](const MapPoint &point) {
        const auto v = vectors.constFind(point.clip);
        if (v == vectors.constEnd()) {
            ++missing;
            return;
        }
        features.push_back(v.value());
        map.points.push_back(point);
    };
    QSet<qint64> heard;
    for (const Participant &p : participants) {
        const QHash<ClipKey, Answer> answers = firstAnswers(*study, p.id);
        QVector<Answer> ordered = answers.values().toVector();
        std::sort(ordered.begin(), ordered.end(),
                  [](const Answer &a, const Answer &b) { return a.position < b.position; });
        for (const Answer &a : ordered) {
            MapPoint point;
            point.clip = {a.trackId, a.clipStart, a.clipLength};
            point.participant = p.code;
            point.value = a.value;
            const int label = mapping.label(a.value);
            point.label = label < 0 ? -2 : label;
            heard.insert(a.trackId);
            add(point);
        }
        if (request.includeUnheard)
            for (const Clip &c : study->plan(p.id)) {
                const ClipKey key{c.trackId, c.startSeconds, c.lengthSeconds};
                if (c.repeatOf >= 0 || answers.contains(key))
                    continue;
                MapPoint point;
                point.clip = key;
                point.participant = p.code;
                add(point);
            }
    }
    if (request.includeUnheard)
        for (const Track &t : study->tracks()) {
            if (heard.contains(t.id))
                continue;
            const QVector<ClipKey> excerpts = libraryExcerpts(t, settings.clipSeconds);
            const auto embedded = std::find_if(excerpts.begin(), excerpts.end(),
                                               [&](const ClipKey &k) { return vectors.contains(k); });
            MapPoint point;
            point.clip = embedded != excerpts.end() ? *embedded : excerpts.value(0);
            add(point);
        }

    QStringList notices;
    if (missing > 0)
        notices << QCoreApplication::translate("Results", "%n clip(s) without a %1 embedding left out", nullptr, missing).arg(request.encoder);
    if (map.points.size() < 2) {
        map.error = QCoreApplication::translate("Results", "Too few clips with %1 embeddings to draw a map (%2)")
                        .arg(request.encoder)
                        .arg(map.points.size());
        return map;
    }

    try {
        if (model) {
            const std::vector<float> p = model->predict(features);
            for (int i = 0; i < map.points.size(); ++i)
                map.points[i].probability = p[std::size_t(i)];
            if (request.modelSpace)
                features = model->embed(features);
        }
        const train::TsneResult result = train::tsne(features, request.tsne, progress);
        for (int i = 0; i < map.points.size(); ++i) {
            map.points[i].x = result.points[std::size_t(2 * i)];
            map.points[i].y = result.points[std::size_t(2 * i + 1)];
        }
        map.kl = result.kl;
        map.method = QString::fromStdString(train::tsneMethodId(result.method));
        map.device = QString::fromStdString(result.device);
        if (!result.notice.empty())
            notices.prepend(QString::fromStdString(result.notice));
    } catch (const train::Cancelled &) {
        map.cancelled = true;
        map.points.clear();
    } catch (const std::exception &e) {
        map.error = QCoreApplication::translate("Results", "The embedding map could not be computed: %1").arg(QString::fromStdString(e.what()));
        map.points.clear();
    }
    map.notice = notices.join(QStringLiteral("; "));
    map.seconds = timer.nsecsElapsed() / 1e9;
    return map;
}

EmbeddingMapService::EmbeddingMapService(QObject *parent) : JobThread(QStringLiteral("tastelab-map"), parent)
{
    qRegisterMetaType<tastelab::EmbeddingMap>();
}

quint64 EmbeddingMapService::start(const MapRequest &request)
{
    return submit([this, request](quint64 jobId) {
        ProgressThrottle throttle;
        const EmbeddingMap map = buildEmbeddingMap(request, [&](const train::TsneProgress &p) {
            if (!shouldContinue(jobId))
                return false;
            if (throttle.due(p.iteration >= p.iterations))
                deliver(jobId, [this, jobId, p] { Q_EMIT progressed(jobId, p.iteration, p.iterations, p.kl); });
            return true;
        });
        deliver(jobId, [this, jobId, map] { Q_EMIT finished(jobId, map); }, true);
    });
}

} // namespace tastelab
