// Training through the study: answers joined with cached embeddings, the label mapping, stored
// models that reload and predict the same, errors for too little data, cancellation.

#include "study/embeddingstore.h"
#include "study/participantsession.h"
#include "study/training.h"
#include "survey/rng.h"
#include "../common/teststudy.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;

namespace {

constexpr int kDim = 24;

/// A study of 80 tracks in 4 genres with one participant who answered every clip on the given
/// scale, and synthetic embeddings where the like/dislike rule is a known function of the
/// vector (liked genres sit apart), stored as "synthetic" embeddings.
QString makeStudy(const QString &dir, AnswerScale scale, bool withNeutral = false)
{
    StudySettings s;
    s.name = QStringLiteral("Training");
    s.clipsPerParticipant = 80;
    s.scale = scale;
    const QString path = QDir(dir).filePath(QStringLiteral("t.tastelab"));
    QString error;
    auto study = Study::create(path, s, &error);
    test::addRowOnlyTracks(*study, 80, 4, 60);
    auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P"), {}, 5, &error);
    Rng rng(11);
    QVector<Embedding> batch;
    for (int pos = 0; pos < session->total(); ++pos) {
        const Clip &c = session->clip(pos);
        const int genre = session->track(pos)->genre.mid(1).toInt();
        const bool liked = genre < 2;
        std::vector<float> v(kDim);
        for (int k = 0; k < kDim; ++k)
            v[std::size_t(k)] = float(rng.uniform() - 0.5) + (k == genre ? 3.0f : 0.0f);
        batch.push_back({{c.trackId, c.startSeconds, c.lengthSeconds}, v});
        int value = liked ? s.maxValue() : s.minValue();
        if (withNeutral && pos % 10 == 0)
            value = (s.minValue() + s.maxValue()) / 2;
        session->answer(pos, value, 1200, 0, &error);
    }
    EmbeddingStore(*study).store(QStringLiteral("synthetic"), QStringLiteral("h1"), batch);
    return path;
}

TrainingRequest request(const QString &path, const QStringList &models)
{
    TrainingRequest r;
    r.studyPath = path;
    r.participant = QStringLiteral("P");
    r.encoder = QStringLiteral("synthetic");
    r.models = models;
    r.settings.embedderEpochs = 8;
    r.settings.classifierEpochs = 10;
    return r;
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainsStoresAndReloads()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), AnswerScale::LikeDislike);
        int epochs = 0;
        const TrainingReport r = Trainer::run(request(path, allModelIds()), [&](const QString &, const train::EpochLog &) {
            ++epochs;
            return true;
        });
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.models.size(), 6);
        QCOMPARE(r.examples, 80);
        QVERIFY(epochs >= 3 * (8 + 10));
        for (const TrainedModel &m : r.models) {
            QVERIFY2(m.metrics.accuracy >= 0.9, qPrintable(QStringLiteral("%1: %2").arg(m.model).arg(m.metrics.accuracy)));
            QCOMPARE(m.metrics.tp + m.metrics.tn + m.metrics.fp + m.metrics.fn, 20); // 3:1 of 80
            QVERIFY(m.id > 0);
        }

        // Stored models reload and predict what they predicted.
        QString error;
        auto study = Study::open(path, &error);
        const auto stored = storedModels(*study, *study->participant(QStringLiteral("P")));
        QCOMPARE(stored.size(), 6);
        QVERIFY(!stored.first().log.empty() || stored.first().model == QLatin1String("knn"));
        TrainingData data;
        QVERIFY(buildTrainingData(*study, *study->participant(QStringLiteral("P")), QStringLiteral("synthetic"),
                                  LabelMapping::forScale(AnswerScale::LikeDislike), &data, &error));
        for (const TrainedModel &m : stored) {
            auto model = loadModel(*study, m.id, &error);
            QVERIFY2(model, qPrintable(error));
            QCOMPARE(QString::fromStdString(model->id()), m.model);
            const auto p = model->predict(data.dataset.features);
            QCOMPARE(int(p.size()), 80);
        }
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("SELECT settings, split, encoder_hash FROM models LIMIT 1")) && q.next());
        QVERIFY(q.value(0).toString().contains(QLatin1String("\"margin\":7")));
        QVERIFY(q.value(0).toString().contains(QLatin1String("like_at_or_above")));
        QVERIFY(q.value(1).toString().contains(QLatin1String("\"test\"")));
        QCOMPARE(q.value(2).toString(), QStringLiteral("h1"));
    }

    void sameSeedSameMetrics()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), AnswerScale::LikeDislike);
        TrainingRequest r = request(path, {QStringLiteral("clep-pn")});
        r.store = false;
        const TrainingReport a = Trainer::run(r);
        const TrainingReport b = Trainer::run(r);
        QVERIFY(a.error.isEmpty() && b.error.isEmpty());
        QCOMPARE(a.models.first().metrics.accuracy, b.models.first().metrics.accuracy);
        QCOMPARE(a.models.first().metrics.auroc, b.models.first().metrics.auroc);
        QCOMPARE(a.models.first().log.back().trainLoss, b.models.first().log.back().trainLoss);
    }

    void likertNeutralAnswersAreLeftOut()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), AnswerScale::Likert5, true);
        QString error;
        auto study = Study::open(path, &error);
        TrainingData data;
        QVERIFY(buildTrainingData(*study, *study->participant(QStringLiteral("P")), QStringLiteral("synthetic"),
                                  LabelMapping::forScale(AnswerScale::Likert5), &data, &error));
        QCOMPARE(data.leftOut, 8);
        QCOMPARE(int(data.dataset.labels.size()), 72);
        QCOMPARE(LabelMapping::forScale(AnswerScale::Likert7).label(4), -1);
        QCOMPARE(LabelMapping::forScale(AnswerScale::Likert7).label(5), 1);
        QCOMPARE(LabelMapping::forScale(AnswerScale::Likert5).label(2), 0);
        // A custom threshold takes the neutral answers in as likes.
        TrainingRequest r = request(path, {QStringLiteral("knn")});
        r.customMapping = true;
        r.mapping = {3, 2};
        const TrainingReport report = Trainer::run(r);
        QCOMPARE(report.examples, 80);
    }

    void tooLittleDataAndBadRequests()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), AnswerScale::LikeDislike);
        TrainingRequest r = request(path, {QStringLiteral("clep-n")});
        r.encoder = QStringLiteral("not-extracted");
        TrainingReport report = Trainer::run(r);
        QVERIFY2(report.error.contains(QLatin1String("'P'")) && report.error.contains(QLatin1String("not-extracted"))
                     && report.error.contains(QLatin1String("Features page")),
                 qPrintable(report.error));
        r = request(path, {QStringLiteral("clep-x")});
        QVERIFY(Trainer::run(r).error.contains(QLatin1String("unknown model 'clep-x'")));
        r = request(path, {QStringLiteral("clep-n")});
        r.participant = QStringLiteral("nobody");
        QVERIFY(Trainer::run(r).error.contains(QLatin1String("no participant 'nobody'")));
    }

    void cancelStopsTraining()
    {
        QTemporaryDir dir;
        const QString path = makeStudy(dir.path(), AnswerScale::LikeDislike);
        int calls = 0;
        const TrainingReport r = Trainer::run(request(path, {QStringLiteral("clep-pn"), QStringLiteral("clep-n")}),
                                              [&](const QString &, const train::EpochLog &) { return ++calls < 3; });
        QVERIFY(r.cancelled);
        QVERIFY(r.models.isEmpty());
        QCOMPARE(calls, 3);
        QString error;
        auto study = Study::open(path, &error);
        QVERIFY(storedModels(*study, *study->participant(QStringLiteral("P"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
