// Steering explanation components ("more like this part" / "less like this", docs/explanations.md)
// on the demo study, with real audio and the built-in encoder:
//  1. --participants participants (default 3) like one genre each, answer their plan and get a
//     CLEP-PN model (bench/demoparticipants.h);
//  2. for --trials of each participant's answered clips (default 8: half liked, half disliked,
//     evenly spaced), each steered against its side ("less like this part" on a liked clip, "more
//     like this part" on a disliked one): the clip is explained (5 time segments, exact Shapley); a
//     component is drawn at random (seeded); recordComponentSteering stores the steering (the
//     excerpt with the component steered the way asked, the excerpt without it the other way); the
//     model is retrained through the path of the GUI and the CLI (feedbackRetrainingRequest,
//     Trainer::run) and measureComponentSteering says whether the component's weight towards
//     "like" moved the way asked by at least 0.005;
//  3. control: the same retrain without the steering but with another training seed (what a
//     retrain alone does to the weight), measured for the same component and direction;
//  4. after each trial the steering row and the new models are deleted, so trials are independent.
// Prints the success rate (with a Wilson 95 % interval), the control's rate and the mean signed
// change of the weight in the asked direction for both.
// Usage: component_steer_bench [--data-dir DIR] [--participants N] [--trials N] [--seed S]

#include "demoparticipants.h"
#include "study/demostudy.h"
#include "study/explanation.h"
#include "study/recommendations.h"
#include "survey/rng.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <cmath>
#include <cstdio>

using namespace tastelab;

namespace {

/// Wilson score interval (95 %) of k successes in n trials.
std::pair<double, double> wilson(int k, int n)
{
    if (n == 0)
        return {0, 0};
    const double z = 1.96, p = double(k) / n, d = 1 + z * z / n;
    const double centre = (p + z * z / (2 * n)) / d;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
    return {centre - half, centre + half};
}

struct Tally {
    int moved = 0, trials = 0;
    double change = 0; ///< sum of the weight change in the asked direction
    void add(const SteeringOutcome &o)
    {
        ++trials;
        moved += o.movedAsAsked() ? 1 : 0;
        change += o.direction * (o.after - o.before);
    }
    QString text() const
    {
        const auto [lo, hi] = wilson(moved, trials);
        return QStringLiteral("%1 of %2 = %3 % (95 % interval %4-%5 %), mean change in the asked direction %6")
            .arg(moved)
            .arg(trials)
            .arg(trials ? 100.0 * moved / trials : 0.0, 0, 'f', 1)
            .arg(100 * lo, 0, 'f', 1)
            .arg(100 * hi, 0, 'f', 1)
            .arg(trials ? change / trials : 0.0, 0, 'f', 4);
    }
};

/// Retrains the model of request (one CLEP-PN) with seed offset; the new model id, or 0.
qint64 retrain(Study &study, qint64 modelId, std::uint64_t seedOffset, QString *error)
{
    TrainingRequest training;
    if (!feedbackRetrainingRequest(study, modelId, 0, &training, error))
        return 0;
    training.settings.seed += seedOffset;
    const TrainingReport report = Trainer::run(training);
    if (!report.error.isEmpty() || report.models.isEmpty()) {
        *error = report.error.isEmpty() ? QStringLiteral("retraining stored no model") : report.error;
        return 0;
    }
    return report.models.first().id;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{QStringLiteral("data-dir"), QStringLiteral("Where the demo library and study are kept."), QStringLiteral("dir")},
                  {QStringLiteral("participants"), QStringLiteral("Participants (default 3)."), QStringLiteral("n")},
                  {QStringLiteral("trials"), QStringLiteral("Steered clips per participant (default 8)."), QStringLiteral("n")},
                  {QStringLiteral("seed"), QStringLiteral("Seed of the component and direction draws (default 1)."), QStringLiteral("s")}});
    p.process(app);
    const QString dataDir = p.isSet(QStringLiteral("data-dir")) ? p.value(QStringLiteral("data-dir"))
                                                                : QDir::current().filePath(QStringLiteral("explain-bench-data"));
    const int participants = p.isSet(QStringLiteral("participants")) ? p.value(QStringLiteral("participants")).toInt() : 3;
    const int trials = p.isSet(QStringLiteral("trials")) ? p.value(QStringLiteral("trials")).toInt() : 8;
    Rng rng(p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toULongLong() : 1);

    QString error;
    auto bail = [&error] {
        std::fprintf(stderr, "component_steer_bench: %s\n", qPrintable(error));
        return 1;
    };
    const QString studyPath = ensureDemoStudy(dataDir, &error);
    if (studyPath.isEmpty())
        return bail();
    auto study = Study::open(studyPath, &error);
    std::vector<std::pair<QString, qint64>> models;
    if (!study || !bench::demoParticipants(*study, participants, &models, &error))
        return bail();

    QElapsedTimer timer;
    timer.start();
    Tally steered, control;
    Tally byDirection[2];
    for (const auto &[code, modelId] : models) {
        // Half the trials on liked clips, half on disliked ones (evenly spaced in each), each steered
        // against its side: "less like this part" on a liked clip, "more like this part" on a
        // disliked one (as the taste-profile benchmark steers prototypes).
        const int maxValue = study->settings().maxValue();
        QVector<Answer> liked, disliked;
        for (const Answer &a : study->answers(study->participant(code)->id))
            (a.value >= maxValue ? liked : disliked).push_back(a);
        QVector<std::pair<Answer, int>> picks;
        for (const auto &[answers, direction] : {std::pair{liked, -1}, std::pair{disliked, 1}}) {
            const int want = (trials + (direction > 0 ? 1 : 0)) / 2;
            const int step = std::max(1, int(answers.size()) / std::max(1, want));
            for (int a = 0, n = 0; a < answers.size() && n < want; a += step, ++n)
                picks.push_back({answers[a], direction});
        }
        int done = 0;
        for (const auto &[answer, direction] : picks) {
            ExplanationRequest request;
            request.studyPath = studyPath;
            request.modelId = modelId;
            request.trackId = answer.trackId;
            request.startSeconds = answer.clipStart;
            const int component = int(rng.below(std::uint64_t(request.options.components.segments)));
            request.contrast = component;
            const ExplanationReport before = explainTrack(*study, request);
            error = before.error;
            if (!error.isEmpty() || !recordComponentSteering(*study, code, before, direction, &error))
                return bail();
            const qint64 after = retrain(*study, modelId, 0, &error);
            if (!after)
                return bail();
            SteeringOutcome outcome;
            if (!measureComponentSteering(*study, request, before, after, direction, &outcome, &error))
                return bail();
            steered.add(outcome);
            byDirection[direction > 0 ? 0 : 1].add(outcome);
            // Control: no steering, another seed.
            QSqlQuery(study->database()).exec(QStringLiteral("DELETE FROM steering"));
            const qint64 plain = retrain(*study, modelId, 1000, &error);
            if (!plain)
                return bail();
            SteeringOutcome placebo;
            if (!measureComponentSteering(*study, request, before, plain, direction, &placebo, &error))
                return bail();
            control.add(placebo);
            QSqlQuery(study->database()).exec(QStringLiteral("DELETE FROM models WHERE id IN (%1, %2)").arg(after).arg(plain));
            std::fprintf(stderr, "\r%s: %d of %d trials   ", qPrintable(code), ++done, int(picks.size()));
        }
        std::fprintf(stderr, "\n");
    }
    std::printf("\ncomponent_steer_bench: %d participants, %d trials, 5 segments (exact Shapley), built-in encoder, "
                "%.1f s in all\n\n",
                int(models.size()), steered.trials, timer.elapsed() / 1000.0);
    std::printf("steered (moved the way asked by >= 0.005): %s\n", qPrintable(steered.text()));
    std::printf("  \"more like this part\" on disliked clips: %s\n", qPrintable(byDirection[0].text()));
    std::printf("  \"less like this\" on liked clips:        %s\n", qPrintable(byDirection[1].text()));
    std::printf("control (retrain without steering, another seed; same component and direction): %s\n",
                qPrintable(control.text()));
    return 0;
}
