// Listener mode's core: making a listener library from a real folder (and failing cleanly), and
// the rating state: warm-up at random, no clip twice, answers committed and resumed, the model's
// probabilities steering the picks after the warm-up, and when a retrain is due.

#include "audio/demolibrary.h"
#include "study/embeddingstore.h"
#include "study/listener.h"
#include "study/training.h"
#include "survey/rng.h"
#include "../common/teststudy.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tastelab;

namespace {

constexpr int kDim = 16;
const QString kEncoder = QStringLiteral("synthetic");

/// A row-only listener library of `tracks` tracks in 4 genres; the listener's plan clips have
/// "synthetic" embeddings where genre g0 sits apart (the listener likes g0 and g1 in the tests).
QString makeLibrary(const QString &dir, int tracks)
{
    StudySettings s;
    s.listener = true;
    s.name = QStringLiteral("Mine");
    s.clipsPerParticipant = tracks;
    const QString path = QDir(dir).filePath(QStringLiteral("mine.tastelab"));
    QString error;
    auto study = Study::create(path, s, &error);
    if (!study || !test::addRowOnlyTracks(*study, tracks, 4, 60))
        return QString();
    const auto me = study->createParticipant(listenerCode(), 99, {});
    if (!me)
        return QString();
    Rng rng(3);
    QVector<Embedding> batch;
    QHash<qint64, int> genre;
    for (const Track &t : study->tracks())
        genre.insert(t.id, t.genre.mid(1).toInt());
    for (const Clip &c : study->plan(me->id)) {
        std::vector<float> v(kDim);
        for (int k = 0; k < kDim; ++k)
            v[std::size_t(k)] = float(rng.uniform() - 0.5) * 1.5f + (genre.value(c.trackId) < 2 && k == 0 ? 1.5f : 0.0f);
        batch.push_back({{c.trackId, c.startSeconds, c.lengthSeconds}, v});
    }
    if (!EmbeddingStore(*study).store(kEncoder, QStringLiteral("h"), batch))
        return QString();
    return path;
}

bool likes(const ListenerPick &pick) { return pick.track.genre == QLatin1String("g0") || pick.track.genre == QLatin1String("g1"); }

bool trainModel(const QString &path)
{
    TrainingRequest r = listenerTrainingRequest(path, kEncoder); // no validation part
    r.settings.embedderEpochs = 8;
    r.settings.classifierEpochs = 10;
    const TrainingReport report = Trainer::run(r);
    if (!report.error.isEmpty())
        qWarning() << report.error;
    return report.error.isEmpty();
}

} // namespace

class TestListener : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsLibraryFromFolder();
    void refusesEmptyFolderAndExistingFile();
    void refusesAStudy();
    void warmupIsRandomAndNeverRepeats();
    void modelSteersPicksAfterWarmup();
    void resumesWhereItStopped();
};

void TestListener::createsLibraryFromFolder()
{
    QTemporaryDir dir;
    audio::DemoLibraryOptions options;
    options.tracksPerStyle = 2;
    options.minDurationSeconds = 12;
    options.maxDurationSeconds = 13;
    options.sampleRate = 22050;
    const QString music = dir.filePath(QStringLiteral("My Music"));
    const auto made = audio::generateDemoLibrary(QFile::encodeName(music).toStdString(), options);
    QVERIFY(made.size() >= 10);

    ListenerLibraryRequest request;
    request.studyPath = dir.filePath(QStringLiteral("lib.tastelab"));
    request.folder = music;
    request.seed = 5;
    int calls = 0;
    const ListenerLibraryReport report =
        createListenerLibrary(request, [&calls](int, int, const QString &) { return ++calls > 0; });
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.studyPath, QFileInfo(request.studyPath).absoluteFilePath());
    QCOMPARE(report.import.added, int(made.size()));
    QVERIFY(calls > 0);
    QVERIFY(!QFileInfo::exists(request.studyPath + QStringLiteral(".part")));

    QString error;
    auto study = Study::open(report.studyPath, &error);
    QVERIFY2(study, qPrintable(error));
    const StudySettings s = study->settings();
    QVERIFY(s.listener);
    QCOMPARE(s.name, QStringLiteral("My Music"));
    QCOMPARE(s.scale, AnswerScale::LikeDislike);
    QCOMPARE(study->participants().size(), 1);
    const auto me = study->participant(listenerCode());
    QVERIFY(me);
    QCOMPARE(me->seed, quint64(5));
    // One clip of every track.
    QSet<qint64> planned;
    for (const Clip &c : study->plan(me->id))
        planned.insert(c.trackId);
    QCOMPARE(planned.size(), study->tracks().size());
    QCOMPARE(study->plan(me->id).size(), study->tracks().size());
    // The settings survive the JSON round trip.
    QVERIFY(StudySettings::fromJson(s.toJson()).listener);
    QVERIFY(!StudySettings::fromJson(StudySettings().toJson()).listener);
}

void TestListener::refusesEmptyFolderAndExistingFile()
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QFile(QDir(empty).filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
    ListenerLibraryRequest request;
    request.studyPath = dir.filePath(QStringLiteral("lib.tastelab"));
    request.folder = empty;
    const ListenerLibraryReport report = createListenerLibrary(request);
    QVERIFY(report.studyPath.isEmpty());
    QVERIFY2(report.error.contains(QDir::toNativeSeparators(empty)), qPrintable(report.error));
    QVERIFY(!QFileInfo::exists(request.studyPath));
    QVERIFY(!QFileInfo::exists(request.studyPath + QStringLiteral(".part")));

    QFile existing(request.studyPath);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me");
    existing.close();
    const ListenerLibraryReport again = createListenerLibrary(request);
    QVERIFY(again.studyPath.isEmpty());
    QVERIFY2(again.error.contains(QStringLiteral("exists already")), qPrintable(again.error));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me"));
}

void TestListener::refusesAStudy()
{
    QTemporaryDir dir;
    QString error;
    StudySettings settings;
    settings.name = QStringLiteral("A study");
    auto study = Study::create(dir.filePath(QStringLiteral("s.tastelab")), settings, &error);
    QVERIFY2(study, qPrintable(error));
    ListenerRating rating;
    QVERIFY(!rating.load(*study, kEncoder, &error));
    QVERIFY2(error.contains(QStringLiteral("not a listener library")), qPrintable(error));
}

void TestListener::warmupIsRandomAndNeverRepeats()
{
    QTemporaryDir dir;
    const QString path = makeLibrary(dir.path(), 120);
    QVERIFY(!path.isEmpty());
    QString error;
    auto study = Study::open(path, &error);
    ListenerRating rating;
    QVERIFY2(rating.load(*study, kEncoder, &error), qPrintable(error));
    QCOMPARE(rating.total(), 120);
    QCOMPARE(rating.embedded(), 120);
    QVERIFY(!rating.hasModel());
    QSet<int> seen;
    for (int i = 0; i < 20; ++i) {
        QVERIFY(!rating.retrainDue());
        const auto pick = rating.next();
        QVERIFY(pick);
        QVERIFY(pick->random);
        QVERIFY(std::isnan(pick->probability));
        QVERIFY(!seen.contains(pick->clip.position));
        seen.insert(pick->clip.position);
        QVERIFY2(rating.answer(*study, *pick, likes(*pick), 900, 0, &error), qPrintable(error));
    }
    QCOMPARE(rating.answered(), 20);
    QVERIFY(rating.retrainDue()); // the warm-up is over and there is no model yet
    // Every answer is committed: a second connection sees them.
    auto other = Study::open(path, &error);
    QCOMPARE(other->answers(rating.listener().id).size(), 20);
}

void TestListener::modelSteersPicksAfterWarmup()
{
    QTemporaryDir dir;
    const QString path = makeLibrary(dir.path(), 160);
    QString error;
    auto study = Study::open(path, &error);
    ListenerRating rating;
    QVERIFY(rating.load(*study, kEncoder, &error));
    for (int i = 0; i < 20; ++i) {
        const auto pick = rating.next();
        QVERIFY(rating.answer(*study, *pick, likes(*pick), 900, 0, &error));
    }
    QVERIFY(rating.retrainDue());
    rating.retrainJudge();
    QVERIFY(rating.hasJudge());
    QCOMPARE(rating.judgeAnswers(), 20);
    QVERIFY(!rating.retrainDue());
    QVERIFY(rating.certainty() > 0 && rating.certainty() <= 1);
    QVERIFY(trainModel(path));
    QVERIFY2(rating.refresh(*study, &error), qPrintable(error));
    QVERIFY(rating.hasModel());
    QCOMPARE(rating.modelAnswers(), 20);

    // The judge's mean distance from 0.5 over the clips left: most of them it is sure about.
    double meanDistance = 0;
    int left = 0;
    const std::vector<float> p = rating.order().probabilities();
    for (int i = 0; i < rating.total(); ++i)
        if (!rating.order().isAnswered(i)) {
            meanDistance += std::abs(p[std::size_t(i)] - 0.5);
            ++left;
        }
    meanDistance /= left;

    // After the warm-up most picks are the judge's, nearer 0.5 than the library as a whole; about
    // the random share are drawn at random.
    int chosen = 0;
    double chosenDistance = 0;
    for (int i = 0; i < 9; ++i) {
        const auto pick = rating.next();
        QVERIFY(pick);
        QVERIFY(!std::isnan(pick->probability));
        if (!pick->random) {
            ++chosen;
            chosenDistance += std::abs(pick->probability - 0.5);
        }
        QVERIFY(rating.answer(*study, *pick, likes(*pick), 900, 0, &error));
        QVERIFY(!rating.retrainDue());
    }
    const auto tenth = rating.next();
    QVERIFY(rating.answer(*study, *tenth, likes(*tenth), 900, 0, &error));
    QVERIFY(rating.retrainDue()); // 10 answers since the judge
    QVERIFY2(chosen >= 3, qPrintable(QString::number(chosen)));
    QVERIFY2(chosenDistance / chosen < meanDistance,
             qPrintable(QStringLiteral("%1 vs %2").arg(chosenDistance / chosen).arg(meanDistance)));
}

void TestListener::resumesWhereItStopped()
{
    QTemporaryDir dir;
    const QString path = makeLibrary(dir.path(), 60);
    QString error;
    QSet<int> answered;
    {
        auto study = Study::open(path, &error);
        ListenerRating rating;
        QVERIFY(rating.load(*study, kEncoder, &error));
        for (int i = 0; i < 25; ++i) {
            const auto pick = rating.next();
            answered.insert(pick->clip.position);
            QVERIFY(rating.answer(*study, *pick, likes(*pick), 900, 0, &error));
        }
        const auto skipped = rating.next(); // skipping stores nothing
        rating.skip(*skipped);
        QCOMPARE(rating.skipped(), 1);
    }
    auto study = Study::open(path, &error);
    ListenerRating rating;
    QVERIFY(rating.load(*study, kEncoder, &error));
    QCOMPARE(rating.answered(), 25);
    QCOMPARE(rating.skipped(), 0);
    int left = 0;
    while (const auto pick = rating.next()) {
        QVERIFY2(!answered.contains(pick->clip.position), "an answered clip came again");
        rating.skip(*pick);
        ++left;
    }
    QCOMPARE(left, 60 - 25);
}

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
