#include "study/recommendations.h"
#include "study/textfile.h"

#include "study/training.h"
#include "survey/clipplanner.h"
#include "train/scoring.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFuture>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tastelab {

namespace {

double roundMs(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

/// Rows predicted per Model::predict call: big enough for sgemm to run at full speed, small
/// enough that a 100,000-track library is never held as one copy per model.
constexpr std::size_t kChunkRows = 8192;

QString playablePath(const Study &study, const Track &track)
{
    const QString resolved = study.resolveTrackPath(track);
    return QDir::toNativeSeparators(resolved.isEmpty() ? track.path : resolved);
}

/// A chunk of excerpt vectors on its way through the models.
struct Chunk {
    std::vector<float> rows; ///< row-major, dim values each
    std::vector<float> like, notDisliked;
    double seconds = 0;      ///< spent in Model::predict
    QString error;
};

/// Predicts a chunk with the like model and, when there is one, the CLEP-N model (on a pool thread:
/// Model::predict keeps its work on its calling thread, and rows are independent, so the chunking
/// changes nothing in the results).
void predictChunk(Chunk &c, const train::Model &like, const train::Model *risk, std::size_t dim)
{
    QElapsedTimer timer;
    timer.start();
    const std::size_t n = c.rows.size() / dim;
    try {
        c.like = like.predict(c.rows.data(), n, dim);
        if (risk)
            c.notDisliked = risk->predict(c.rows.data(), n, dim);
    } catch (const std::exception &e) {
        c.error = QString::fromStdString(e.what());
    }
    c.rows = std::vector<float>(); // the vectors are done with
    c.seconds = timer.nsecsElapsed() / 1e9;
}

} // namespace

QVector<ClipKey> libraryExcerpts(const Track &track, double clipSeconds, int count)
{
    QVector<ClipKey> out;
    if (count < 1 || clipSeconds <= 0 || track.durationSeconds <= 0)
        return out;
    double earliest = 0, latest = 0;
    if (!survey::excerptBounds(track.durationSeconds, clipSeconds, 0.05, earliest, latest)) {
        // Too short for a clip away from the edges: one clip in the middle (from 0 when the track is
        // shorter than a clip; decoding cuts it short).
        out.push_back({track.id, std::max(0.0, std::floor((track.durationSeconds - clipSeconds) / 2.0 * 1000.0) / 1000.0),
                       clipSeconds});
        return out;
    }
    for (int i = 0; i < count; ++i) {
        double start = roundMs(earliest + (i + 0.5) / count * (latest - earliest));
        if (start < earliest) // as the planner: rounding must not leave the allowed range
            start = std::ceil(earliest * 1000.0) / 1000.0;
        if (start > latest)
            start = std::floor(latest * 1000.0) / 1000.0;
        const ClipKey key{track.id, start, clipSeconds};
        if (out.isEmpty() || !(out.last() == key)) // a very short range can round two starts together
            out.push_back(key);
    }
    return out;
}

QVector<ClipKey> libraryExcerpts(const Study &study, int count)
{
    const double clipSeconds = study.settings().clipSeconds;
    QVector<ClipKey> out;
    for (const Track &t : study.tracks())
        out += libraryExcerpts(t, clipSeconds, count);
    return out;
}

std::optional<TrainedModel> defaultRecommendationModel(const QVector<TrainedModel> &models, const QString &encoder)
{
    std::optional<TrainedModel> newest;
    for (const TrainedModel &m : models) { // newest first
        if (!encoder.isEmpty() && m.encoder != encoder)
            continue;
        if (m.model == QLatin1String("clep-pn"))
            return m;
        if (!newest)
            newest = m;
    }
    return newest;
}

bool recommend(Study &study, const RecommendationRequest &request, Recommendations *out, QString *error)
{
    QElapsedTimer total;
    total.start();
    *out = Recommendations();
    out->participant = request.participant;
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(study.path()), why);
        return false;
    };
    const std::optional<Participant> participant = study.participant(request.participant);
    if (!participant)
        return fail(QCoreApplication::translate("Recommendations", "no participant '%1'").arg(request.participant));
    if (request.excerpts < 1)
        return fail(QCoreApplication::translate("Recommendations", "at least one excerpt per track is needed, not %1").arg(request.excerpts));

    // The model: the one asked for, else the participant's newest CLEP-PN, else their newest model.
    std::optional<StoredModelRow> model;
    if (request.modelId > 0) {
        model = storedModelRow(study, request.modelId);
        if (!model)
            return fail(QCoreApplication::translate("Recommendations", "no stored model %1").arg(request.modelId));
        if (model->participantId != participant->id)
            return fail(QCoreApplication::translate("Recommendations", "model %1 was trained for another participant, not '%2'").arg(request.modelId).arg(participant->code));
    } else {
        const std::optional<TrainedModel> newest = defaultRecommendationModel(storedModels(study, *participant));
        if (newest)
            model = storedModelRow(study, newest->id);
        if (!model)
            return fail(QCoreApplication::translate("Recommendations", "participant '%1' has no trained model yet: train one first (Models page, or "
                           "tastelab-cli train)")
                            .arg(participant->code));
    }
    // The dislike risk: CLEP-N's view, from the model asked for or the newest of the same encoder.
    std::optional<StoredModelRow> safe;
    if (request.safeModelId > 0) {
        safe = storedModelRow(study, request.safeModelId);
        if (!safe)
            return fail(QCoreApplication::translate("Recommendations", "no stored model %1").arg(request.safeModelId));
        if (safe->participantId != participant->id)
            return fail(QCoreApplication::translate("Recommendations", "model %1 was trained for another participant, not '%2'").arg(request.safeModelId).arg(participant->code));
        if (safe->kind != QLatin1String("clep-n"))
            return fail(QCoreApplication::translate("Recommendations", "model %1 is a %2 model; the dislike risk needs a CLEP-N model").arg(safe->id).arg(safe->kind));
        if (safe->encoder != model->encoder)
            return fail(QCoreApplication::translate("Recommendations", "model %1 uses %2 embeddings and model %3 uses %4; both must use the same")
                            .arg(safe->id)
                            .arg(safe->encoder)
                            .arg(model->id)
                            .arg(model->encoder));
    } else {
        QSqlQuery q(study.database());
        q.prepare(QStringLiteral("SELECT id FROM models WHERE participant_id = ? AND encoder = ? AND kind = 'clep-n' "
                                 "ORDER BY id DESC LIMIT 1"));
        q.addBindValue(participant->id);
        q.addBindValue(model->encoder);
        if (q.exec() && q.next())
            safe = storedModelRow(study, q.value(0).toLongLong());
    }
    out->encoder = model->encoder;
    out->modelId = model->id;
    out->model = model->kind;
    out->safeModelId = safe ? safe->id : 0;

    std::unique_ptr<train::Model> likeModel = loadModel(study, model->id, error);
    if (!likeModel)
        return false;
    std::unique_ptr<train::Model> riskModel;
    if (safe) {
        riskModel = loadModel(study, safe->id, error);
        if (!riskModel)
            return false;
    }

    // Unheard: no survey answer of this participant. Tracks with feedback stay in the list, marked.
    const StudySettings settings = study.settings();
    QSet<qint64> heard;
    QHash<qint64, int> feedback;
    for (const Answer &a : study.answers(participant->id, AnswerSources::All)) {
        if (a.isFeedback())
            feedback.insert(a.trackId, a.value >= settings.maxValue() ? 1 : 0);
        else
            heard.insert(a.trackId);
    }
    // The excerpts to score need only the tracks' lengths; their other details are read later,
    // while the models work.
    // Lookups by track id in flat arrays (ids are dense row ids): a cached vector is wanted when its
    // track is unheard and its clip is one of the track's excerpts.
    std::vector<int> slot;              // track id -> index of the unheard track, or -1
    QHash<qint64, int> sparseSlot;      // the same for ids far beyond the number of tracks
    std::vector<QVector<ClipKey>> excerptsOf; // index -> the track's excerpts
    {
        QSqlQuery q(study.database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, duration FROM tracks ORDER BY id")))
            return fail(q.lastError().text());
        Track t;
        while (q.next()) {
            t.id = q.value(0).toLongLong();
            t.durationSeconds = q.value(1).toDouble();
            if (heard.contains(t.id))
                continue;
            if (t.id >= 0 && t.id < 4 * qint64(excerptsOf.size()) + 65536) {
                if (std::size_t(t.id) >= slot.size())
                    slot.resize(std::size_t(t.id) + 1, -1);
                slot[std::size_t(t.id)] = int(excerptsOf.size());
            } else {
                sparseSlot.insert(t.id, int(excerptsOf.size()));
            }
            excerptsOf.push_back(libraryExcerpts(t, settings.clipSeconds, request.excerpts));
        }
    }
    out->unheardTracks = int(excerptsOf.size());
    auto indexOf = [&slot, &sparseSlot](qint64 id) {
        return id >= 0 && std::size_t(id) < slot.size() ? slot[std::size_t(id)] : sparseSlot.value(id, -1);
    };

    // Stream the cached vectors of those excerpts and predict them in chunks with both models on the
    // thread pool, while the next chunk is read: loading and predicting overlap. At most a few
    // chunks are in flight, so memory stays bounded for any library.
    std::vector<std::int64_t> trackOfRow;
    std::vector<std::unique_ptr<Chunk>> chunks;
    std::vector<QFuture<void>> running;
    std::size_t dim = 0;
    const train::Model *const riskPredictor = riskModel.get();
    const std::size_t maxInFlight = std::size_t(std::max(2, QThreadPool::globalInstance()->maxThreadCount() + 1));
    std::size_t waited = 0;
    auto submit = [&](std::unique_ptr<Chunk> chunk) {
        Chunk *c = chunk.get();
        chunks.push_back(std::move(chunk));
        const train::Model *like = likeModel.get();
        running.push_back(QtConcurrent::run([c, like, riskPredictor, dim] { predictChunk(*c, *like, riskPredictor, dim); }));
        while (running.size() - waited > maxInFlight)
            running[waited++].waitForFinished();
    };
    auto waitAll = [&running] {
        for (QFuture<void> &f : running)
            f.waitForFinished();
    };
    {
        auto chunk = std::make_unique<Chunk>();
        QString sizeError;
        const EmbeddingStore store(study);
        const bool read = store.forEach(model->encoder, false, [&](const ClipKey &key, const void *values, std::size_t n) {
            const int index = indexOf(key.trackId);
            if (index < 0 || !excerptsOf[std::size_t(index)].contains(key))
                return true;
            if (dim == 0) {
                dim = n;
                chunk->rows.reserve(kChunkRows * dim);
            }
            if (n != dim || n == 0) {
                sizeError = QCoreApplication::translate("Recommendations", "the %1 embeddings have different sizes (%2 and %3); extract them again")
                                .arg(model->encoder)
                                .arg(dim)
                                .arg(n);
                return false;
            }
            const std::size_t at = chunk->rows.size();
            chunk->rows.resize(at + n);
            std::memcpy(chunk->rows.data() + at, values, n * sizeof(float));
            trackOfRow.push_back(key.trackId);
            if (chunk->rows.size() >= kChunkRows * dim) {
                submit(std::move(chunk));
                chunk = std::make_unique<Chunk>();
                chunk->rows.reserve(kChunkRows * dim);
            }
            return true;
        });
        if (!read || !sizeError.isEmpty()) {
            waitAll();
            return fail(sizeError.isEmpty() ? store.lastError() : sizeError);
        }
        if (!chunk->rows.empty())
            submit(std::move(chunk));
    }
    // The unheard tracks' details, read while the last chunks are predicted.
    QVector<Track> tracks(qsizetype(excerptsOf.size()));
    for (Track &t : study.tracks()) {
        const int index = indexOf(t.id);
        if (index >= 0)
            tracks[index] = std::move(t);
    }
    out->timing.loadSeconds = total.nsecsElapsed() / 1e9;
    waitAll();
    std::vector<float> like, notDisliked;
    like.reserve(trackOfRow.size());
    notDisliked.reserve(riskPredictor ? trackOfRow.size() : 0);
    for (const std::unique_ptr<Chunk> &c : chunks) {
        if (!c->error.isEmpty())
            return fail(QCoreApplication::translate("Recommendations", "model %1 cannot score the %2 embeddings: %3").arg(model->id).arg(model->encoder).arg(c->error));
        like.insert(like.end(), c->like.begin(), c->like.end());
        notDisliked.insert(notDisliked.end(), c->notDisliked.begin(), c->notDisliked.end());
        out->timing.predictSeconds += c->seconds;
    }
    chunks.clear();
    out->timing.waitSeconds = total.nsecsElapsed() / 1e9 - out->timing.loadSeconds;

    // Mean per track over its scored excerpts, ranked.
    QElapsedTimer timer;
    timer.start();
    const std::vector<train::TrackScore> scores = train::averageByTrack(trackOfRow, like);
    QHash<qint64, double> risk;
    if (riskModel)
        for (const train::TrackScore &s : train::averageByTrack(trackOfRow, notDisliked))
            risk.insert(s.track, 1.0 - s.probability);
    out->items.reserve(qsizetype(scores.size()));
    for (const train::TrackScore &s : scores) {
        Recommendation r;
        r.rank = int(out->items.size()) + 1;
        r.track = tracks[indexOf(s.track)];
        r.likeProbability = s.probability;
        r.dislikeRisk = risk.value(s.track, std::numeric_limits<double>::quiet_NaN());
        r.excerpts = s.excerpts;
        r.feedback = feedback.value(s.track, -1);
        out->items.push_back(r);
    }
    out->timing.rankSeconds = timer.nsecsElapsed() / 1e9;
    out->missingEmbeddings = out->unheardTracks - int(out->items.size());

    QStringList notices;
    if (out->missingEmbeddings > 0)
        notices << QCoreApplication::translate("Recommendations", "%1 of %2 unheard tracks have no %3 embeddings yet and are left out: extract library excerpts "
                      "(Features page, or tastelab-cli extract)")
                       .arg(out->missingEmbeddings)
                       .arg(out->unheardTracks)
                       .arg(out->encoder);
    int partial = 0;
    for (const Recommendation &r : out->items)
        if (r.excerpts < int(excerptsOf[std::size_t(indexOf(r.track.id))].size()))
            ++partial;
    if (partial > 0)
        notices << QCoreApplication::translate("Recommendations", "%1 tracks are scored on fewer than %2 excerpts (the others have no embedding yet)")
                       .arg(partial)
                       .arg(request.excerpts);
    if (!safe)
        notices << QCoreApplication::translate("Recommendations", "no CLEP-N model of '%1' for %2: the dislike risk is not available (train clep-n)")
                       .arg(participant->code, out->encoder);
    // Every extraction drops the rows of an older encoder version first, so one row tells.
    QSqlQuery hash(study.database());
    hash.prepare(QStringLiteral("SELECT encoder_hash FROM embeddings WHERE encoder = ? LIMIT 1"));
    hash.addBindValue(out->encoder);
    if (hash.exec() && hash.next() && !model->encoderHash.isEmpty() && hash.value(0).toString() != model->encoderHash)
            notices << QCoreApplication::translate("Recommendations", "the %1 embeddings were extracted again with another version of the encoder after model %2 "
                          "was trained: retrain it")
                           .arg(out->encoder)
                           .arg(model->id);
    out->notice = notices.join(QLatin1Char('\n'));
    out->timing.totalSeconds = total.nsecsElapsed() / 1e9;
    return true;
}

QVector<Recommendation> byLikeProbability(QVector<Recommendation> items)
{
    const auto key = [](double p) { return std::isnan(p) ? -std::numeric_limits<double>::infinity() : p; };
    std::stable_sort(items.begin(), items.end(), [&key](const Recommendation &a, const Recommendation &b) {
        if (key(a.likeProbability) != key(b.likeProbability))
            return key(a.likeProbability) > key(b.likeProbability);
        return a.track.id < b.track.id;
    });
    return items;
}

QVector<Recommendation> byDislikeRisk(QVector<Recommendation> items)
{
    std::stable_sort(items.begin(), items.end(), [](const Recommendation &a, const Recommendation &b) {
        const bool aRisk = !std::isnan(a.dislikeRisk), bRisk = !std::isnan(b.dislikeRisk);
        if (aRisk != bRisk)
            return aRisk; // tracks without a risk last
        if (aRisk && a.dislikeRisk != b.dislikeRisk)
            return a.dislikeRisk < b.dislikeRisk;
        if (a.likeProbability != b.likeProbability)
            return a.likeProbability > b.likeProbability;
        return a.track.id < b.track.id;
    });
    return items;
}

bool writeM3u(const Study &study, const QVector<Recommendation> &items, const QString &path, QString *error)
{
    QString text = QStringLiteral("#EXTM3U\n");
    for (const Recommendation &r : items) {
        const QString name = r.track.artist.isEmpty() ? r.track.title
                                                      : QStringLiteral("%1 - %2").arg(r.track.artist, r.track.title);
        text += QStringLiteral("#EXTINF:%1,%2\n%3\n")
                    .arg(qRound(r.track.durationSeconds))
                    .arg(QString(name).replace(QLatin1Char('\n'), QLatin1Char(' ')))
                    .arg(playablePath(study, r.track));
    }
    return writeFileAtomically(path, text.toUtf8(), error);
}

bool writeRecommendationsCsv(const Study &study, const QVector<Recommendation> &items, const QString &path,
                             QString *error)
{
    QString text = QStringLiteral("rank,title,artist,genre,like_probability,dislike_risk,excerpts,path\n");
    for (const Recommendation &r : items) {
        const QStringList f{QString::number(r.rank),
                            csvField(r.track.title),
                            csvField(r.track.artist),
                            csvField(r.track.genre),
                            QString::number(r.likeProbability, 'f', 6),
                            std::isnan(r.dislikeRisk) ? QString() : QString::number(r.dislikeRisk, 'f', 6),
                            QString::number(r.excerpts),
                            csvField(playablePath(study, r.track))};
        text += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return writeFileAtomically(path, text.toUtf8(), error);
}

bool recordFeedback(Study &study, const QString &participant, qint64 trackId, bool like, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(study.path()), why);
        return false;
    };
    const std::optional<Participant> p = study.participant(participant);
    if (!p)
        return fail(QCoreApplication::translate("Recommendations", "no participant '%1'").arg(participant));
    const std::optional<Track> track = study.track(trackId);
    if (!track)
        return fail(QCoreApplication::translate("Recommendations", "no track %1 in the study").arg(trackId));
    const StudySettings settings = study.settings();
    const QVector<ClipKey> clip = libraryExcerpts(*track, settings.clipSeconds, 1);
    if (clip.isEmpty())
        return fail(QCoreApplication::translate("Recommendations", "track %1 has no excerpt to attach feedback to").arg(trackId));
    Answer a;
    a.participantId = p->id;
    a.position = int(-trackId);
    a.trackId = trackId;
    a.clipStart = clip.first().startSeconds;
    a.clipLength = clip.first().lengthSeconds;
    a.scale = settings.scale;
    a.value = like ? settings.maxValue() : settings.minValue();
    a.source = feedbackSource();
    if (!study.recordAnswer(a)) {
        if (error)
            *error = study.lastError();
        return false;
    }
    return true;
}

int feedbackSince(Study &study, const QString &participant, const QDateTime &since)
{
    const std::optional<Participant> p = study.participant(participant);
    if (!p)
        return 0;
    int n = 0;
    for (const Answer &a : study.answers(p->id, AnswerSources::All))
        if (a.isFeedback() && (!since.isValid() || a.answeredAt > since))
            ++n;
    return n;
}

bool feedbackRetrainingRequest(Study &study, qint64 modelId, qint64 safeModelId, TrainingRequest *out,
                               QString *error)
{
    if (!retrainingRequest(study, modelId, out, error))
        return false;
    if (safeModelId != 0 && !out->models.contains(QLatin1String("clep-n")))
        out->models << QStringLiteral("clep-n");
    return true;
}

const RankChange *RankingComparison::find(qint64 trackId) const
{
    const auto it = indexOf.constFind(trackId);
    return it == indexOf.constEnd() ? nullptr : &changes[it.value()];
}

int RankingComparison::movedAtLeast(int places) const
{
    int n = 0;
    for (const RankChange &c : changes)
        if (c.rank > 0 && c.previousRank > 0 && !c.isRated() && std::abs(c.rankChange()) >= std::max(1, places))
            ++n;
    return n;
}

const RankChange *RankingComparison::biggestRise() const
{
    const RankChange *best = nullptr;
    for (const RankChange &c : changes)
        if (c.rank > 0 && c.previousRank > 0 && !c.isRated() && c.rankChange() > 0
            && (!best || c.rankChange() > best->rankChange()))
            best = &c;
    return best;
}

const RankChange *RankingComparison::biggestFall() const
{
    const RankChange *best = nullptr;
    for (const RankChange &c : changes)
        if (c.rank > 0 && c.previousRank > 0 && !c.isRated() && c.rankChange() < 0
            && (!best || c.rankChange() < best->rankChange()))
            best = &c;
    return best;
}

QVector<RankChange> RankingComparison::topMovers(int count) const
{
    QVector<RankChange> movers;
    for (const RankChange &c : changes)
        if (c.rank > 0 && c.previousRank > 0 && !c.isRated() && c.rankChange() != 0)
            movers.push_back(c);
    std::stable_sort(movers.begin(), movers.end(), [](const RankChange &a, const RankChange &b) {
        if (std::abs(a.rankChange()) != std::abs(b.rankChange()))
            return std::abs(a.rankChange()) > std::abs(b.rankChange());
        return a.rank < b.rank;
    });
    if (count >= 0 && movers.size() > count)
        movers.resize(count);
    return movers;
}

RankingComparison compareRankings(const QVector<Recommendation> &before, const QVector<Recommendation> &after)
{
    RankingComparison out;
    const auto rankOf = [](const Recommendation &r, int index) { return r.rank > 0 ? r.rank : index + 1; };
    QHash<qint64, int> previous; // track -> index in before
    previous.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        previous.insert(before[i].track.id, i);
    out.changes.reserve(after.size());
    QSet<qint64> seen;
    for (int i = 0; i < after.size(); ++i) {
        const Recommendation &r = after[i];
        if (seen.contains(r.track.id))
            continue; // a track listed twice counts once, at its first place
        seen.insert(r.track.id);
        RankChange c;
        c.track = r.track;
        c.rank = rankOf(r, i);
        c.likeProbability = r.likeProbability;
        c.feedback = r.feedback;
        const auto was = previous.constFind(r.track.id);
        if (was != previous.constEnd()) {
            const Recommendation &b = before[was.value()];
            c.previousRank = rankOf(b, was.value());
            c.previousLikeProbability = b.likeProbability;
            if (c.feedback < 0)
                c.feedback = b.feedback;
            ++out.compared;
            out.ratedTracks += c.isRated();
        } else {
            ++out.newTracks;
        }
        out.indexOf.insert(r.track.id, int(out.changes.size()));
        out.changes.push_back(c);
    }
    for (int i = 0; i < before.size(); ++i) {
        const Recommendation &b = before[i];
        if (seen.contains(b.track.id))
            continue;
        seen.insert(b.track.id);
        RankChange c;
        c.track = b.track;
        c.previousRank = rankOf(b, i);
        c.previousLikeProbability = b.likeProbability;
        c.feedback = b.feedback;
        ++out.removedTracks;
        out.indexOf.insert(b.track.id, int(out.changes.size()));
        out.changes.push_back(c);
    }
    return out;
}

QString rankChangeText(const RankChange &change)
{
    if (change.isNew())
        return QCoreApplication::translate("Recommendations", "new");
    if (change.isRemoved())
        return QCoreApplication::translate("Recommendations", "gone");
    const int d = change.rankChange();
    if (d == 0)
        return QStringLiteral("=");
    return (d > 0 ? QStringLiteral("\u25B2%1") : QStringLiteral("\u25BC%1")).arg(std::abs(d));
}

QString scoreChangeText(const RankChange &change)
{
    const double d = change.scoreChange();
    if (change.isNew() || change.isRemoved() || std::isnan(d))
        return QString();
    const QString magnitude = QString::number(std::abs(d), 'f', 2);
    if (magnitude == QLatin1String("0.00"))
        return QStringLiteral("\u00B1") + magnitude;
    return (d > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + magnitude;
}

QString describeMoves(const RankingComparison &c, int places)
{
    places = std::max(1, places);
    const int comparable = c.compared - c.ratedTracks;
    const int moved = c.movedAtLeast(places);
    QStringList parts;
    parts << (comparable == 1 ? QCoreApplication::translate("Recommendations", "%1 of 1 track moved %2 or more places").arg(moved).arg(places)
                              : QCoreApplication::translate("Recommendations", "%1 of %2 tracks moved %3 or more places").arg(moved).arg(comparable).arg(places));
    const auto name = [](const RankChange &r) { return QStringLiteral("\u201C%1\u201D").arg(r.track.title); };
    if (const RankChange *rise = c.biggestRise())
        parts << QCoreApplication::translate("Recommendations", "biggest rise: %1 %2").arg(name(*rise), rankChangeText(*rise));
    if (const RankChange *fall = c.biggestFall())
        parts << QCoreApplication::translate("Recommendations", "biggest fall: %1 %2").arg(name(*fall), rankChangeText(*fall));
    if (c.ratedTracks > 0)
        parts << (c.ratedTracks == 1 ? QCoreApplication::translate("Recommendations", "1 rated track not counted")
                                     : QCoreApplication::translate("Recommendations", "%1 rated tracks not counted").arg(c.ratedTracks));
    if (c.newTracks > 0)
        parts << (c.newTracks == 1 ? QCoreApplication::translate("Recommendations", "1 new in the list") : QCoreApplication::translate("Recommendations", "%1 new in the list").arg(c.newTracks));
    if (c.removedTracks > 0)
        parts << (c.removedTracks == 1 ? QCoreApplication::translate("Recommendations", "1 left the list") : QCoreApplication::translate("Recommendations", "%1 left the list").arg(c.removedTracks));
    return parts.join(QStringLiteral("; "));
}

} // namespace tastelab
