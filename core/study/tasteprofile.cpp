#include "study/tasteprofile.h"
#include "study/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace tastelab {

namespace {

struct ModelInfo {
    qint64 participantId = 0;
    QString encoder;
    QString kind;
    LabelMapping mapping;
};

bool modelInfo(Study &study, qint64 modelId, ModelInfo *out)
{
    const std::optional<StoredModelRow> row = storedModelRow(study, modelId);
    if (!row)
        return false;
    out->participantId = row->participantId;
    out->encoder = row->encoder;
    out->kind = row->kind;
    out->mapping = LabelMapping::fromJson(row->settings.value(QStringLiteral("label_mapping")).toObject(),
                                          LabelMapping::forScale(study.settings().scale));
    return true;
}

/// The embedded clips of an encoder, grouped by track (track ids in ascending order).
struct TrackClips {
    QVector<qint64> trackIds;
    QVector<QVector<int>> rows; ///< per track: rows of `features`
    std::vector<float> features; ///< row-major
    std::size_t dim = 0;
};

TrackClips trackClips(Study &study, const QString &encoder)
{
    TrackClips out;
    QVector<Embedding> all = EmbeddingStore(study).embeddings(encoder);
    std::sort(all.begin(), all.end(), [](const Embedding &a, const Embedding &b) {
        return a.clip.trackId != b.clip.trackId ? a.clip.trackId < b.clip.trackId
                                                : a.clip.startSeconds < b.clip.startSeconds;
    });
    int row = 0;
    for (const Embedding &e : all) {
        if (out.dim == 0)
            out.dim = e.vector.size();
        if (e.vector.size() != out.dim)
            continue;
        if (out.trackIds.isEmpty() || out.trackIds.back() != e.clip.trackId) {
            out.trackIds.push_back(e.clip.trackId);
            out.rows.push_back({});
        }
        out.rows.back().push_back(row++);
        out.features.insert(out.features.end(), e.vector.begin(), e.vector.end());
    }
    return out;
}

QString failText(const Study &study, const QString &why)
{
    return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(study.path()), why);
}

} // namespace

QVector<int> TasteProfile::ranking(const std::vector<double> &sliders, double strength) const
{
    std::vector<double> scores;
    train::steeredScores(space, probability, sliders, strength, scores);
    QVector<int> order = candidates;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
    return order;
}

int TasteProfile::indexOf(qint64 trackId) const
{
    for (int i = 0; i < tracks.size(); ++i)
        if (tracks[i].track.id == trackId)
            return i;
    return -1;
}

QVector<int> TasteProfile::nearest(int index, int k) const
{
    QVector<QPair<double, int>> d;
    if (index < 0 || index >= tracks.size())
        return {};
    const float *x = points.data() + std::size_t(index) * width;
    for (int i = 0; i < tracks.size(); ++i) {
        if (i == index)
            continue;
        const float *y = points.data() + std::size_t(i) * width;
        double s = 0;
        for (std::size_t c = 0; c < width; ++c)
            s += (double(x[c]) - double(y[c])) * (double(x[c]) - double(y[c]));
        d.push_back({s, i});
    }
    std::sort(d.begin(), d.end());
    QVector<int> out;
    for (int i = 0; i < std::min<int>(k, int(d.size())); ++i)
        out.push_back(d[i].second);
    return out;
}

bool buildTasteProfile(Study &study, const ProfileRequest &request, TasteProfile *out, QString *error)
{
    *out = TasteProfile();
    const auto fail = [&](const QString &why) {
        if (error)
            *error = failText(study, why);
        return false;
    };
    const std::optional<Participant> participant = study.participant(request.participant);
    if (!participant)
        return fail(QCoreApplication::translate("TasteProfile", "no participant '%1'").arg(request.participant));
    qint64 modelId = request.modelId;
    if (modelId == 0) {
        const std::optional<TrainedModel> m = defaultRecommendationModel(storedModels(study, *participant));
        if (!m)
            return fail(QCoreApplication::translate("TasteProfile", "participant '%1' has no trained model yet: train one on the Models page")
                            .arg(participant->code));
        modelId = m->id;
    }
    ModelInfo info;
    if (!modelInfo(study, modelId, &info))
        return fail(QCoreApplication::translate("TasteProfile", "no stored model %1").arg(modelId));
    if (info.participantId != participant->id)
        return fail(QCoreApplication::translate("TasteProfile", "model %1 belongs to another participant").arg(modelId));
    QString why;
    const std::unique_ptr<train::Model> model = loadModel(study, modelId, &why);
    if (!model) {
        if (error)
            *error = why;
        return false;
    }
    out->participant = participant->code;
    out->encoder = info.encoder;
    out->modelId = modelId;
    out->model = info.kind;

    // Every track with embedded clips: its mean like probability and its mean CLEP embedding.
    const TrackClips clips = trackClips(study, info.encoder);
    if (clips.trackIds.isEmpty())
        return fail(QCoreApplication::translate("TasteProfile", "no embeddings for %1 yet: extract them on the Features page")
                        .arg(info.encoder));
    const std::size_t rows = clips.features.size() / clips.dim;
    std::vector<float> prob;
    std::vector<std::vector<float>> space;
    try {
        prob = model->predict(clips.features.data(), rows, clips.dim);
        std::vector<std::vector<float>> in(rows);
        for (std::size_t r = 0; r < rows; ++r)
            in[r].assign(clips.features.begin() + std::ptrdiff_t(r * clips.dim),
                         clips.features.begin() + std::ptrdiff_t((r + 1) * clips.dim));
        space = model->embed(in);
    } catch (const std::exception &e) {
        return fail(QCoreApplication::translate("TasteProfile", "model %1 cannot score the %2 embeddings (%3): retrain it")
                        .arg(modelId)
                        .arg(info.encoder, QString::fromStdString(e.what())));
    }
    const std::size_t width = space.empty() ? 0 : space.front().size();

    // The participant's answers: the latest labelled answer per track.
    QHash<qint64, int> labels;
    QSet<qint64> heard;
    for (const Answer &a : study.answers(participant->id, AnswerSources::All)) {
        if (!a.isFeedback())
            heard.insert(a.trackId);
        const int label = info.mapping.label(a.value);
        if (label >= 0)
            labels.insert(a.trackId, label);
    }
    QHash<qint64, Track> tracks;
    for (const Track &t : study.tracks())
        tracks.insert(t.id, t);
    std::vector<float> points;
    std::vector<int> pointLabels, groups;
    QHash<QString, int> genreIndex;
    for (int i = 0; i < clips.trackIds.size(); ++i) {
        const auto t = tracks.constFind(clips.trackIds[i]);
        if (t == tracks.constEnd())
            continue;
        ProfileTrack pt;
        pt.track = t.value();
        pt.clips = int(clips.rows[i].size());
        double p = 0;
        std::vector<double> mean(width, 0.0);
        for (int r : clips.rows[i]) {
            p += prob[std::size_t(r)];
            for (std::size_t k = 0; k < width; ++k)
                mean[k] += space[std::size_t(r)][k];
        }
        pt.likeProbability = p / pt.clips;
        pt.label = labels.value(pt.track.id, -1);
        pt.heard = heard.contains(pt.track.id);
        for (double v : mean)
            points.push_back(float(v / pt.clips));
        pointLabels.push_back(pt.label);
        auto genre = genreIndex.constFind(pt.track.genre);
        if (genre == genreIndex.constEnd())
            genre = genreIndex.insert(pt.track.genre, int(genreIndex.size()));
        groups.push_back(genre.value());
        if (!pt.heard)
            out->candidates.push_back(out->tracks.size());
        out->probability.push_back(pt.likeProbability);
        out->tracks.push_back(pt);
    }
    train::PrototypeSettings settings;
    settings.liked = request.liked;
    settings.disliked = request.disliked;
    settings.perGenre = request.perGenre;
    settings.seed = request.seed;
    out->prototypes = train::findPrototypes(points.data(), std::size_t(out->tracks.size()), width, pointLabels, groups,
                                            settings);
    if (out->prototypes.empty())
        return fail(QCoreApplication::translate("TasteProfile", "participant '%1' has no rated track with a %2 embedding")
                        .arg(participant->code, info.encoder));
    out->points = points;
    out->width = width;
    out->space = train::fittedProfileSpace(points.data(), std::size_t(out->tracks.size()), width, out->prototypes,
                                           out->probability, &out->fidelity);
    if (!info.kind.startsWith(QLatin1String("clep")))
        out->notice = QCoreApplication::translate("TasteProfile", "%1 has no CLEP space: the prototypes are found in the encoder's (standardised) space")
                          .arg(info.kind);
    return true;
}

bool recordSteering(Study &study, const SteeringFeedback &feedback, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = failText(study, why);
        return false;
    };
    const std::optional<Participant> p = study.participant(feedback.participant);
    if (!p)
        return fail(QCoreApplication::translate("TasteProfile", "no participant '%1'").arg(feedback.participant));
    if (feedback.direction != 1 && feedback.direction != -1)
        return fail(QCoreApplication::translate("TasteProfile", "steering direction must be +1 (more) or -1 (less)"));
    if (!(feedback.weight >= 0) || !std::isfinite(feedback.weight))
        return fail(QCoreApplication::translate("TasteProfile", "steering weight must be a number >= 0"));
    QSqlDatabase db = study.database();
    QSqlQuery q(db);
    if (feedback.trackId != 0) {
        if (!study.track(feedback.trackId))
            return fail(QCoreApplication::translate("TasteProfile", "no track %1 in the study").arg(feedback.trackId));
        q.prepare(QStringLiteral("INSERT INTO steering(participant_id, track_id, direction, weight, label, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(participant_id, track_id) WHERE track_id IS NOT NULL "
                                 "DO UPDATE SET direction = excluded.direction, weight = excluded.weight, "
                                 "label = excluded.label, created_at = excluded.created_at"));
        q.addBindValue(p->id);
        q.addBindValue(feedback.trackId);
    } else {
        if (feedback.anchor.empty() || feedback.encoder.isEmpty())
            return fail(QCoreApplication::translate("TasteProfile", "steering needs a track or an anchor vector with its encoder"));
        QByteArray blob(qsizetype(feedback.anchor.size() * sizeof(float)), Qt::Uninitialized);
        for (std::size_t i = 0; i < feedback.anchor.size(); ++i) {
            quint32 bits;
            std::memcpy(&bits, &feedback.anchor[i], sizeof bits);
            for (int b = 0; b < 4; ++b)
                blob[qsizetype(i * 4 + std::size_t(b))] = char((bits >> (8 * b)) & 0xff);
        }
        q.prepare(QStringLiteral("INSERT INTO steering(participant_id, encoder, anchor, direction, weight, label, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(p->id);
        q.addBindValue(feedback.encoder);
        q.addBindValue(blob);
    }
    q.addBindValue(feedback.direction);
    q.addBindValue(feedback.weight);
    q.addBindValue(feedback.label.isEmpty() ? QStringLiteral("") : feedback.label); // a null QString binds NULL
    q.addBindValue(StudyDatabase::now());
    if (!q.exec())
        return fail(QCoreApplication::translate("TasteProfile", "the steering feedback was not saved: %1").arg(q.lastError().text()));
    return true;
}

bool mergeSteering(Study &study, qint64 localId, Study &other, qint64 otherId, const QHash<qint64, qint64> &trackMap,
                   int *added, QString *error)
{
    *added = 0;
    QSqlQuery theirs(other.database());
    theirs.setForwardOnly(true);
    theirs.prepare(QStringLiteral("SELECT track_id, encoder, anchor, direction, weight, label, created_at FROM steering "
                                  "WHERE participant_id = ? ORDER BY id"));
    theirs.addBindValue(otherId);
    if (!theirs.exec()) {
        *error = failText(other, theirs.lastError().text());
        return false;
    }
    while (theirs.next()) {
        QSqlQuery q(study.database());
        if (!theirs.value(0).isNull()) {
            const qint64 track = trackMap.value(theirs.value(0).toLongLong(), 0);
            if (track == 0)
                continue; // not a track of the other file (cannot happen with a foreign key)
            q.prepare(QStringLiteral("INSERT INTO steering(participant_id, track_id, direction, weight, label, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(participant_id, track_id) WHERE track_id IS NOT NULL "
                                     "DO UPDATE SET direction = excluded.direction, weight = excluded.weight, "
                                     "label = excluded.label, created_at = excluded.created_at "
                                     "WHERE excluded.created_at > steering.created_at"));
            q.addBindValue(localId);
            q.addBindValue(track);
            for (int column = 3; column < 7; ++column) // direction, weight, label, created_at
                q.addBindValue(theirs.value(column));
        } else {
            q.prepare(QStringLiteral("INSERT INTO steering(participant_id, encoder, anchor, direction, weight, label, created_at) "
                                     "SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM steering WHERE "
                                     "participant_id = ? AND track_id IS NULL AND encoder = ? AND anchor = ? AND direction = ?)"));
            const QVariantList row{localId, theirs.value(1), theirs.value(2), theirs.value(3)};
            for (const QVariant &v : row + QVariantList{theirs.value(4), theirs.value(5), theirs.value(6)} + row)
                q.addBindValue(v);
        }
        if (!q.exec()) {
            *error = failText(study, QCoreApplication::translate("TasteProfile", "the steering feedback was not saved: %1").arg(q.lastError().text()));
            return false;
        }
        *added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return true;
}

int steeringCount(Study &study, const QString &participant)
{
    const std::optional<Participant> p = study.participant(participant);
    if (!p)
        return 0;
    QSqlQuery q(study.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM steering WHERE participant_id = ?"));
    q.addBindValue(p->id);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool trackLikeProbabilities(Study &study, qint64 modelId, const QVector<qint64> &trackIds, QVector<double> *out,
                            QString *error)
{
    out->clear();
    ModelInfo info;
    if (!modelInfo(study, modelId, &info)) {
        if (error)
            *error = failText(study, QCoreApplication::translate("TasteProfile", "no stored model %1").arg(modelId));
        return false;
    }
    const std::unique_ptr<train::Model> model = loadModel(study, modelId, error);
    if (!model)
        return false;
    // Only the wanted tracks' vectors (cheap enough for the GUI thread on a large library).
    QStringList ids;
    for (qint64 id : trackIds)
        ids << QString::number(id);
    QHash<qint64, std::vector<std::vector<float>>> rows;
    if (!ids.isEmpty()) {
        QSqlQuery q(study.database());
        q.prepare(QStringLiteral("SELECT track_id, vector FROM embeddings WHERE encoder = ? AND track_id IN (%1) "
                                 "ORDER BY track_id, clip_start")
                      .arg(ids.join(QLatin1Char(','))));
        q.addBindValue(info.encoder);
        if (!q.exec()) {
            if (error)
                *error = failText(study, q.lastError().text());
            return false;
        }
        while (q.next())
            rows[q.value(0).toLongLong()].push_back(vectorFromBlob(q.value(1).toByteArray()));
    }
    for (qint64 id : trackIds) {
        const auto r = rows.constFind(id);
        if (r == rows.constEnd() || r->empty()) {
            out->push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        try {
            const std::vector<float> p = model->predict(*r);
            double sum = 0;
            for (float v : p)
                sum += v;
            out->push_back(sum / double(p.size()));
        } catch (const std::exception &e) {
            if (error)
                *error = failText(study, QString::fromStdString(e.what()));
            return false;
        }
    }
    return true;
}

QString SteeringOutcome::text() const
{
    const int decimals = std::max(0, int(std::ceil(-std::log10(step) - 1e-9)));
    const auto signed2 = [decimals](double v) {
        const QString s = QString::number(std::abs(v), 'f', decimals);
        return (v < 0 && s.toDouble() != 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + s;
    };
    const double change = after - before;
    QString t = movedAsAsked() ? QCoreApplication::translate("TasteProfile", "moved as asked: %1").arg(signed2(change))
                               : QCoreApplication::translate("TasteProfile", "did not move as asked: %1").arg(signed2(change));
    if (!std::isnan(neighboursBefore) && !std::isnan(neighboursAfter))
        t += QCoreApplication::translate("TasteProfile", " (neighbours %1)").arg(signed2(neighboursAfter - neighboursBefore));
    return t;
}

bool measureSteering(Study &study, qint64 modelBefore, qint64 modelAfter, qint64 trackId,
                     const QVector<qint64> &neighbours, int direction, SteeringOutcome *out, QString *error)
{
    QVector<qint64> ids{trackId};
    ids += neighbours;
    QVector<double> before, after;
    if (!trackLikeProbabilities(study, modelBefore, ids, &before, error)
        || !trackLikeProbabilities(study, modelAfter, ids, &after, error))
        return false;
    if (std::isnan(before[0]) || std::isnan(after[0])) {
        if (error)
            *error = failText(study, QCoreApplication::translate("TasteProfile", "track %1 has no embedding for the model's encoder").arg(trackId));
        return false;
    }
    SteeringOutcome o;
    o.trackId = trackId;
    o.direction = direction >= 0 ? 1 : -1;
    o.before = before[0];
    o.after = after[0];
    double nb = 0, na = 0;
    int n = 0;
    for (int i = 1; i < ids.size(); ++i)
        if (!std::isnan(before[i]) && !std::isnan(after[i])) {
            nb += before[i];
            na += after[i];
            ++n;
        }
    o.neighboursBefore = n > 0 ? nb / n : std::numeric_limits<double>::quiet_NaN();
    o.neighboursAfter = n > 0 ? na / n : std::numeric_limits<double>::quiet_NaN();
    *out = o;
    return true;
}

} // namespace tastelab
