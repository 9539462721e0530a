#pragma once

// Participants for the benchmarks that need real audio (explain_bench, component_steer_bench): in
// the demo study (core/study/demostudy.h), participant i likes the genre 2i (of the sorted genres)
// and dislikes the rest, answers their whole plan, their clips are embedded with the built-in
// encoder and a CLEP-PN model is trained (or the stored one is reused).

#include "study/extraction.h"
#include "study/participantsession.h"
#include "study/study.h"
#include "study/training.h"

#include <QStringList>

#include <cstdio>
#include <utility>
#include <vector>

namespace tastelab::bench {

/// (participant code, CLEP-PN model id) per participant; false with *error.
inline bool demoParticipants(Study &study, int participants, std::vector<std::pair<QString, qint64>> *models,
                             QString *error)
{
    QStringList genres;
    for (const Track &t : study.tracks())
        if (!genres.contains(t.genre))
            genres << t.genre;
    genres.sort();
    for (int i = 0; i < participants; ++i) {
        const QString genre = genres[(2 * i) % genres.size()];
        const QString code = QStringLiteral("bench-%1").arg(genre);
        auto session = ParticipantSession::startOrResume(study, code, {}, quint64(100 + i), error);
        if (!session)
            return false;
        const StudySettings s = study.settings();
        for (int pos = session->nextPosition(); pos < session->total(); pos = session->nextPosition())
            if (!session->answer(pos, session->track(pos)->genre == genre ? s.maxValue() : s.minValue(), 1000, 0, error))
                return false;
        const auto stored = storedModels(study, session->participant());
        if (!stored.isEmpty()) {
            models->emplace_back(code, stored.front().id);
            continue;
        }
        ExtractionRequest ex;
        ex.studyPath = study.path();
        ex.encoder = QStringLiteral("builtin-features");
        ex.libraryExcerpts = 0;
        ex.autoDevice = false;
        const ExtractionReport er = Extractor::run(ex);
        if (!er.error.isEmpty()) {
            *error = er.error;
            return false;
        }
        TrainingRequest tr;
        tr.studyPath = study.path();
        tr.participant = code;
        tr.encoder = QStringLiteral("builtin-features");
        tr.models = {QStringLiteral("clep-pn")};
        const TrainingReport report = Trainer::run(tr);
        if (!report.error.isEmpty() || report.models.isEmpty()) {
            *error = report.error;
            return false;
        }
        std::fprintf(stderr, "%s likes %s: model %lld, test accuracy %.2f\n", qPrintable(code), qPrintable(genre),
                     report.models.front().id, report.models.front().metrics.accuracy);
        models->emplace_back(code, report.models.front().id);
    }
    return true;
}

} // namespace tastelab::bench
