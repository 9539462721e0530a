#include "study/explanation.h"

#include "audio/audiofile.h"
#include "audio/resampler.h"
#include "embed/encoderregistry.h"
#include "explain/separation.h"
#include "study/extraction.h"
#include "study/recommendations.h"
#include "study/training.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>

namespace tastelab {

ExplanationReport explainTrack(Study &study, const ExplanationRequest &request,
                               const std::function<bool(int done, int total)> &progress)
{
    ExplanationReport report;
    report.modelId = request.modelId;
    const std::optional<StoredModelRow> row = storedModelRow(study, request.modelId, &report.error);
    if (!row)
        return report;
    report.encoder = row->encoder;
    report.model = row->kind;
    const std::optional<Track> track = study.track(request.trackId);
    if (!track) {
        report.error = QCoreApplication::translate("Explanation", "%1: no track %2").arg(study.path()).arg(request.trackId);
        return report;
    }
    report.track = *track;
    const double clipSeconds = request.lengthSeconds > 0 ? request.lengthSeconds : study.settings().clipSeconds;
    if (request.startSeconds >= 0) {
        report.clip = ClipKey{track->id, request.startSeconds, clipSeconds};
    } else {
        const QVector<ClipKey> central = libraryExcerpts(*track, clipSeconds, 1);
        report.clip = central.isEmpty() ? ClipKey{track->id, 0.0, clipSeconds} : central.front();
    }
    QString error;
    std::unique_ptr<train::Model> model = loadModel(study, request.modelId, &error);
    if (!model) {
        report.error = error;
        return report;
    }
    const QString path = study.resolveTrackPath(*track);
    if (path.isEmpty()) {
        report.error = QCoreApplication::translate("Explanation", "%1: the music file is missing").arg(QDir::toNativeSeparators(track->path));
        return report;
    }
    std::vector<std::string> dirs;
    for (const QString &d : request.modelDirs)
        dirs.push_back(QFile::encodeName(d).toStdString());
    try {
        std::unique_ptr<embed::Encoder> encoder = embed::createEncoder(report.encoder.toStdString(), dirs);
        const embed::EncoderInfo &info = encoder->info();
        const audio::AudioBuffer excerpt = audio::convert(
            audio::decodeAudio(QFile::encodeName(path).toStdString(), report.clip.startSeconds, report.clip.lengthSeconds),
            info.sampleRate, 1);
        const train::Model &m = *model;
        explain::Explainer explainer(*encoder, [&m](const std::vector<std::vector<float>> &embeddings) {
            return m.predict(embeddings);
        });
        const explain::ProgressFn onProgress = [&progress](int done, int total) {
            return !progress || progress(done, total);
        };
        if (request.options.components.mode == explain::ComponentMode::Sources) {
            if (request.separationManifest.isEmpty()) {
                report.error = QCoreApplication::translate("Explanation", "source components need a separation model (its manifest)");
                return report;
            }
            auto separation = explain::SeparationModel::load(QFile::encodeName(request.separationManifest).toStdString());
            report.explanation = explainer.explain(explain::sourceComponents(*separation, excerpt), request.options, onProgress);
        } else {
            report.explanation = explainer.explain(excerpt, request.options, onProgress);
        }
        report.decomposition = explainer.sharedDecomposition();
        if (request.contrast >= 0) {
            if (request.contrast >= int(report.explanation.components.size())) {
                report.error = QCoreApplication::translate("Explanation", "there is no component %1: the excerpt has %2")
                                   .arg(request.contrast)
                                   .arg(report.explanation.components.size());
                return report;
            }
            std::vector<int> all(report.explanation.components.size()), others;
            std::iota(all.begin(), all.end(), 0);
            std::copy_if(all.begin(), all.end(), std::back_inserter(others), [&request](int c) { return c != request.contrast; });
            report.wholeEmbedding = explainer.maskedEmbedding(all);
            report.withoutEmbedding = explainer.maskedEmbedding(others);
            report.contrast = request.contrast;
        }
    } catch (const explain::Cancelled &) {
        report.cancelled = true;
    } catch (const std::exception &e) {
        report.error = QString::fromStdString(e.what());
    }
    return report;
}

ExplanationReport explainTrack(const ExplanationRequest &request, const std::function<bool(int done, int total)> &progress)
{
    QString error;
    std::unique_ptr<Study> study = Study::open(request.studyPath, &error);
    if (!study) {
        ExplanationReport report;
        report.error = error;
        return report;
    }
    return explainTrack(*study, request, progress);
}

bool recordComponentSteering(Study &study, const QString &participant, const ExplanationReport &explained,
                             int direction, QString *error)
{
    const int component = explained.contrast;
    if (component < 0 || explained.wholeEmbedding.empty() || explained.withoutEmbedding.empty()) {
        if (error)
            *error = QCoreApplication::translate("Explanation", "the explanation has no part to steer");
        return false;
    }
    const QString name = QString::fromStdString(explained.explanation.components[std::size_t(component)].name);
    // The part's contribution, contrasted: the excerpt with the part is steered the way asked and
    // the same excerpt without it the other way (docs/explanations.md, "Steering a component").
    const std::pair<const std::vector<float> *, int> anchors[] = {{&explained.wholeEmbedding, direction},
                                                                  {&explained.withoutEmbedding, -direction}};
    for (const auto &[anchor, towards] : anchors) {
        SteeringFeedback feedback;
        feedback.participant = participant;
        feedback.encoder = explained.encoder;
        feedback.anchor = *anchor;
        feedback.direction = towards;
        feedback.label = QStringLiteral("component: %1 of track %2 (%3)")
                             .arg(name)
                             .arg(explained.track.id)
                             .arg(towards == direction ? QStringLiteral("with it") : QStringLiteral("without it"));
        if (!recordSteering(study, feedback, error))
            return false;
    }
    return true;
}

bool measureComponentSteering(Study &study, ExplanationRequest request, const ExplanationReport &before,
                              qint64 modelAfter, int direction, SteeringOutcome *out, QString *error)
{
    const int component = before.contrast;
    request.modelId = modelAfter;
    request.contrast = -1;
    const ExplanationReport after = explainTrack(study, request);
    if (!after.error.isEmpty() || after.cancelled) {
        if (error)
            *error = after.cancelled ? QCoreApplication::translate("Explanation", "cancelled") : after.error;
        return false;
    }
    if (component < 0 || std::size_t(component) >= before.explanation.weights.size()
        || after.explanation.weights.size() != before.explanation.weights.size()) {
        if (error)
            *error = QCoreApplication::translate("Explanation", "the excerpt's components changed between the two explanations");
        return false;
    }
    *out = SteeringOutcome();
    out->trackId = before.track.id;
    out->direction = direction;
    out->before = before.explanation.weights[std::size_t(component)];
    out->after = after.explanation.weights[std::size_t(component)];
    double largest = 0;
    for (const std::vector<double> *w : {&before.explanation.weights, &after.explanation.weights})
        for (double v : *w)
            largest = std::max(largest, std::abs(v));
    if (largest > 0)
        out->step = std::min(0.01, std::pow(10.0, std::floor(std::log10(largest)) - 1));
    out->neighboursBefore = out->neighboursAfter = std::numeric_limits<double>::quiet_NaN();
    return true;
}

QString ExplanationReport::toText(explain::Direction direction) const
{
    if (!error.isEmpty())
        return error;
    if (cancelled)
        return QCoreApplication::translate("Explanation", "cancelled");
    const explain::Explanation &e = explanation;
    QString out;
    out += QStringLiteral("track %1: %2 - %3, excerpt %4-%5 s\n")
               .arg(track.id)
               .arg(track.artist, track.title)
               .arg(clip.startSeconds, 0, 'f', 1)
               .arg(clip.startSeconds + clip.lengthSeconds, 0, 'f', 1);
    out += QStringLiteral("model %1 (%2), encoder %3: like probability %4 (every component off: %5)\n")
               .arg(modelId)
               .arg(model, encoder)
               .arg(e.likeProbability, 0, 'f', 3)
               .arg(e.emptyScore, 0, 'f', 3);
    out += QStringLiteral("components %1 (%2, switched off: %3), method %4, %5 evaluations%6, fidelity R^2 %7, %8 s\n")
               .arg(QString::fromStdString(e.mode))
               .arg(e.components.size())
               .arg(QString::fromStdString(e.baseline == "remove" ? std::string("cut out") : e.baseline))
               .arg(QString::fromStdString(explain::methodId(e.method)))
               .arg(e.evaluations)
               .arg(e.fastPath ? QStringLiteral(" (per-segment fast path)") : QString())
               .arg(e.fidelity, 0, 'f', 3)
               .arg(e.seconds, 0, 'f', 2);
    out += direction == explain::Direction::Liked ? QStringLiteral("why liked (weight towards like):\n")
                                                  : QStringLiteral("why disliked (weight towards dislike):\n");
    const std::vector<int> top = e.top(int(e.components.size()), direction);
    for (std::size_t i = 0; i < e.components.size(); ++i) {
        const auto rank = std::find(top.begin(), top.end(), int(i));
        out += QStringLiteral("  %1  %2  %3\n")
                   .arg(QString::fromStdString(e.components[i].name), -28)
                   .arg(e.weight(int(i), direction), 8, 'f', 4)
                   .arg(rank == top.end() ? QString() : QStringLiteral("#%1").arg(rank - top.begin() + 1));
    }
    return out;
}

QJsonObject ExplanationReport::toJson() const
{
    const explain::Explanation &e = explanation;
    QJsonObject o;
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("cancelled"), cancelled);
    o.insert(QStringLiteral("model_id"), modelId);
    o.insert(QStringLiteral("model"), model);
    o.insert(QStringLiteral("encoder"), encoder);
    o.insert(QStringLiteral("track_id"), track.id);
    o.insert(QStringLiteral("title"), track.title);
    o.insert(QStringLiteral("artist"), track.artist);
    o.insert(QStringLiteral("start_seconds"), clip.startSeconds);
    o.insert(QStringLiteral("length_seconds"), clip.lengthSeconds);
    o.insert(QStringLiteral("components_mode"), QString::fromStdString(e.mode));
    o.insert(QStringLiteral("baseline"), QString::fromStdString(e.baseline));
    o.insert(QStringLiteral("method"), QString::fromStdString(explain::methodId(e.method)));
    o.insert(QStringLiteral("fidelity_r2"), e.fidelity);
    if (e.method == explain::Method::Shapley)
        o.insert(QStringLiteral("fidelity_r2_all_coalitions"), e.fidelityAllCoalitions);
    o.insert(QStringLiteral("like_probability"), e.likeProbability);
    o.insert(QStringLiteral("empty_value"), e.emptyScore);
    o.insert(QStringLiteral("evaluations"), e.evaluations);
    o.insert(QStringLiteral("fast_path"), e.fastPath);
    o.insert(QStringLiteral("seconds"), e.seconds);
    QJsonArray components;
    for (std::size_t i = 0; i < e.components.size(); ++i) {
        const explain::Component &c = e.components[i];
        QJsonObject j;
        j.insert(QStringLiteral("name"), QString::fromStdString(c.name));
        j.insert(QStringLiteral("start_seconds"), c.startSeconds);
        j.insert(QStringLiteral("end_seconds"), c.endSeconds);
        j.insert(QStringLiteral("low_hz"), c.lowHz);
        j.insert(QStringLiteral("high_hz"), c.highHz);
        if (!c.part.empty())
            j.insert(QStringLiteral("part"), QString::fromStdString(c.part));
        j.insert(QStringLiteral("weight_like"), e.weights[i]);
        components.append(j);
    }
    o.insert(QStringLiteral("components"), components);
    QJsonArray topLiked, topDisliked;
    for (int i : e.top(3, explain::Direction::Liked))
        topLiked.append(i);
    for (int i : e.top(3, explain::Direction::Disliked))
        topDisliked.append(i);
    o.insert(QStringLiteral("top_liked"), topLiked);
    o.insert(QStringLiteral("top_disliked"), topDisliked);
    return o;
}

ExplanationService::ExplanationService(QObject *parent) : JobThread(QStringLiteral("tastelab-explain"), parent)
{
    qRegisterMetaType<tastelab::ExplanationReport>();
}

quint64 ExplanationService::start(const ExplanationRequest &request)
{
    return submit([this, request](quint64 jobId) {
        ProgressThrottle throttle;
        const ExplanationReport report = explainTrack(request, [&](int done, int total) {
            if (!shouldContinue(jobId))
                return false;
            if (throttle.due(done == total))
                deliver(jobId, [this, jobId, done, total] { Q_EMIT progressed(jobId, done, total); });
            return true;
        });
        deliver(jobId, [this, jobId, report] { Q_EMIT finished(jobId, report); }, true);
    });
}

} // namespace tastelab
