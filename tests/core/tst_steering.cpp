// Steering feedback and the taste profile in a study (core/study/tasteprofile.h, docs/profile.md):
// schema 8's steering table (a second steering on a track replaces the first, bad input refused with
// the reason), steering anchors in the training data (per track its embedded clips; explicit anchors
// of the same encoder only), a wrong-width anchor refused by training, the profile of a trained model
// (real rated tracks as prototypes, candidates = tracks not heard), and "more like this" on a
// disliked prototype retrained and measured.

#include "study/embeddingstore.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/tasteprofile.h"
#include "study/training.h"
#include "survey/rng.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace tastelab;

namespace {

const QString kEncoder = QStringLiteral("synthetic");
constexpr int kGenres = 6;
constexpr int kDim = 16;

double normal(Rng &rng)
{
    const double u1 = rng.uniform(), u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace

class TestSteering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void steeringIsStoredAndReplaced();
    void trainingDataCarriesSteering();
    void profileAndMoreLikeThis();
    void outcomeJudgedAtItsPrecision();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Study> m_study;
    QHash<qint64, int> m_genre;
};

void TestSteering::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("steer.tastelab"));
    StudySettings s;
    s.name = QStringLiteral("Steering");
    s.clipsPerParticipant = 60;
    QString error;
    m_study = Study::create(m_path, s, &error);
    QVERIFY2(m_study, qPrintable(error));
    for (int i = 0; i < 72; ++i) {
        Track t;
        t.path = QStringLiteral("/nowhere/%1.flac").arg(i);
        t.relativePath = t.path;
        t.contentHash = QString::number(i);
        t.title = QStringLiteral("Track %1").arg(i);
        t.artist = QStringLiteral("Artist");
        t.genre = QStringLiteral("g%1").arg(i % kGenres);
        t.durationSeconds = 120;
        t.sampleRate = 44100;
        t.channels = 2;
        t.format = QStringLiteral("FLAC");
        const qint64 id = m_study->addTrack(t);
        QVERIFY(id > 0);
        m_genre.insert(id, i % kGenres);
    }
    // Embeddings: genre centres 3 apart, a track offset and noise per clip.
    Rng rng(5);
    QHash<qint64, std::vector<double>> pos;
    for (auto it = m_genre.cbegin(); it != m_genre.cend(); ++it) {
        std::vector<double> x(kDim, 0.0);
        x[std::size_t(it.value())] = 3.0;
        for (double &v : x)
            v += 0.4 * normal(rng);
        pos.insert(it.key(), x);
    }
    const auto participant = m_study->createParticipant(QStringLiteral("P"), 7, {});
    QVERIFY(participant);
    QVector<ClipKey> clips = libraryExcerpts(*m_study, 3);
    for (const Clip &c : m_study->plan(participant->id)) {
        clips.push_back({c.trackId, c.startSeconds, c.lengthSeconds});
        Answer a;
        a.participantId = participant->id;
        a.position = c.position;
        a.trackId = c.trackId;
        a.clipStart = c.startSeconds;
        a.clipLength = c.lengthSeconds;
        a.value = m_genre.value(c.trackId) < 3 ? 1 : 0; // likes g0..g2
        a.responseMs = 1000;
        QVERIFY2(m_study->recordAnswer(a), qPrintable(m_study->lastError()));
    }
    QVector<Embedding> batch;
    QSet<ClipKey> seen;
    for (const ClipKey &c : clips) {
        if (seen.contains(c))
            continue;
        seen.insert(c);
        Embedding e{c, {}};
        for (double v : pos.value(c.trackId))
            e.vector.push_back(float(v + 0.2 * normal(rng)));
        batch.push_back(e);
    }
    QVERIFY(EmbeddingStore(*m_study).store(kEncoder, QStringLiteral("h1"), batch));
    QVERIFY(m_study->createParticipant(QStringLiteral("Q"), 9, {}));
}

void TestSteering::steeringIsStoredAndReplaced()
{
    QVERIFY(m_study->database().tables().contains(QStringLiteral("steering")));
    QString error;
    SteeringFeedback f;
    f.participant = QStringLiteral("Q");
    f.trackId = 3;
    f.direction = 1;
    QVERIFY2(recordSteering(*m_study, f, &error), qPrintable(error));
    f.direction = -1;
    f.weight = 1.5;
    QVERIFY2(recordSteering(*m_study, f, &error), qPrintable(error));
    QCOMPARE(steeringCount(*m_study, QStringLiteral("Q")), 1);
    QSqlQuery q(m_study->database());
    QVERIFY(q.exec(QStringLiteral("SELECT direction, weight, label FROM steering WHERE track_id = 3")) && q.next());
    QCOMPARE(q.value(0).toInt(), -1);
    QCOMPARE(q.value(1).toDouble(), 1.5);
    QCOMPARE(q.value(2).toString(), QString());

    f.trackId = 9999;
    QVERIFY(!recordSteering(*m_study, f, &error));
    QVERIFY2(error.contains(QLatin1String("no track 9999")) && error.contains(QLatin1String("steer.tastelab")), qPrintable(error));
    f.trackId = 3;
    f.direction = 0;
    QVERIFY(!recordSteering(*m_study, f, &error));
    QVERIFY2(error.contains(QLatin1String("direction")), qPrintable(error));
    f.direction = 1;
    f.participant = QStringLiteral("nobody");
    QVERIFY(!recordSteering(*m_study, f, &error));
    QVERIFY2(error.contains(QLatin1String("no participant 'nobody'")), qPrintable(error));
    SteeringFeedback anchor;
    anchor.participant = QStringLiteral("Q");
    anchor.anchor = std::vector<float>(kDim, 0.5f);
    QVERIFY(!recordSteering(*m_study, anchor, &error)); // no encoder
    QVERIFY2(error.contains(QLatin1String("encoder")), qPrintable(error));
    QVERIFY(QSqlQuery(m_study->database()).exec(QStringLiteral("DELETE FROM steering")));
}

void TestSteering::trainingDataCarriesSteering()
{
    const auto p = m_study->participant(QStringLiteral("P"));
    const LabelMapping mapping = LabelMapping::forScale(m_study->settings().scale);
    TrainingData data;
    QString error;
    QVERIFY2(buildTrainingData(*m_study, *p, kEncoder, mapping, &data, &error), qPrintable(error));
    QCOMPARE(data.steering, 0);
    QVERIFY(data.dataset.steering.empty());

    // A track: each of its embedded clips is an anchor, the weight shared.
    SteeringFeedback f;
    f.participant = QStringLiteral("P");
    f.trackId = 4;
    f.direction = 1;
    f.weight = 2.0;
    QVERIFY2(recordSteering(*m_study, f, &error), qPrintable(error));
    int clipsOf4 = 0;
    for (const Embedding &e : EmbeddingStore(*m_study).embeddings(kEncoder))
        clipsOf4 += e.clip.trackId == 4;
    QVERIFY(clipsOf4 >= 3);
    // Explicit anchors: only those of the encoder trained count.
    SteeringFeedback mine, other;
    mine.participant = other.participant = QStringLiteral("P");
    mine.encoder = kEncoder;
    mine.anchor = std::vector<float>(kDim, 0.25f);
    mine.direction = -1;
    other.encoder = QStringLiteral("another-encoder");
    other.anchor = std::vector<float>(8, 1.0f);
    QVERIFY2(recordSteering(*m_study, mine, &error), qPrintable(error));
    QVERIFY2(recordSteering(*m_study, other, &error), qPrintable(error));
    QVERIFY2(buildTrainingData(*m_study, *p, kEncoder, mapping, &data, &error), qPrintable(error));
    QCOMPARE(data.steering, 2);
    QCOMPARE(data.steeringAnchors, clipsOf4 + 1);
    QCOMPARE(int(data.dataset.steering.size()), clipsOf4 + 1);
    double weight = 0;
    for (int i = 0; i < clipsOf4; ++i) {
        QCOMPARE(data.dataset.steering[std::size_t(i)].direction, 1);
        weight += data.dataset.steering[std::size_t(i)].weight;
    }
    QVERIFY(std::abs(weight - 2.0) < 1e-12);
    QCOMPARE(data.dataset.steering.back().direction, -1);
    QCOMPARE(data.dataset.steering.back().anchor, mine.anchor);

    // An anchor of the wrong width is refused by training with the reason.
    QVERIFY(QSqlQuery(m_study->database()).exec(QStringLiteral("DELETE FROM steering")));
    mine.anchor = std::vector<float>(3, 1.0f);
    QVERIFY2(recordSteering(*m_study, mine, &error), qPrintable(error));
    TrainingRequest r;
    r.studyPath = m_path;
    r.participant = QStringLiteral("P");
    r.encoder = kEncoder;
    r.models = {QStringLiteral("clep-pn")};
    r.store = false;
    r.settings.embedderEpochs = 2;
    r.settings.classifierEpochs = 2;
    const TrainingReport report = Trainer::run(r);
    QVERIFY2(report.error.contains(QLatin1String("steering anchor has 3 values")), qPrintable(report.error));
    QVERIFY(QSqlQuery(m_study->database()).exec(QStringLiteral("DELETE FROM steering")));
}

void TestSteering::profileAndMoreLikeThis()
{
    TrainingRequest r;
    r.studyPath = m_path;
    r.participant = QStringLiteral("P");
    r.encoder = kEncoder;
    r.models = {QStringLiteral("clep-pn")};
    const TrainingReport trained = Trainer::run(r);
    QVERIFY2(trained.error.isEmpty(), qPrintable(trained.error));
    QCOMPARE(trained.steering, 0);

    TasteProfile profile;
    ProfileRequest pr;
    pr.participant = QStringLiteral("P");
    QString error;
    QVERIFY2(buildTasteProfile(*m_study, pr, &profile, &error), qPrintable(error));
    QCOMPARE(profile.modelId, trained.models.first().id);
    QCOMPARE(profile.tracks.size(), 72);
    QCOMPARE(int(profile.prototypes.size()), 8);
    const auto p = m_study->participant(QStringLiteral("P"));
    QSet<qint64> heard;
    for (const Answer &a : m_study->answers(p->id))
        heard.insert(a.trackId);
    for (const train::Prototype &proto : profile.prototypes) {
        const ProfileTrack &t = profile.tracks[proto.point];
        QVERIFY(heard.contains(t.track.id));
        QCOMPARE(t.label, m_genre.value(t.track.id) < 3 ? 1 : 0);
        QCOMPARE(proto.sign > 0, t.label == 1);
    }
    QCOMPARE(profile.candidates.size(), 72 - heard.size());
    for (int i : profile.candidates)
        QVERIFY(!heard.contains(profile.tracks[i].track.id));
    QVERIFY2(profile.fidelity.spearman > 0.5, qPrintable(QString::number(profile.fidelity.spearman)));
    // The default sliders give the classifier's order of the candidates.
    const QVector<int> order = profile.ranking(profile.defaultSliders());
    for (int i = 1; i < order.size(); ++i)
        QVERIFY(profile.probability[std::size_t(order[i - 1])] >= profile.probability[std::size_t(order[i])]);
    ProfileRequest perGenre = pr;
    perGenre.perGenre = true;
    TasteProfile byGenre;
    QVERIFY2(buildTasteProfile(*m_study, perGenre, &byGenre, &error), qPrintable(error));
    QCOMPARE(int(byGenre.prototypes.size()), kGenres); // 3 liked genres, 3 disliked ones

    // "More like this" on the disliked prototype with the highest like probability, retrained.
    int target = -1;
    for (std::size_t k = 0; k < profile.prototypes.size(); ++k)
        if (profile.prototypes[k].sign < 0
            && (target < 0 || profile.probability[std::size_t(profile.prototypes[k].point)]
                                  > profile.probability[std::size_t(profile.prototypes[std::size_t(target)].point)]))
            target = int(k);
    const train::Prototype &proto = profile.prototypes[std::size_t(target)];
    const qint64 track = profile.tracks[proto.point].track.id;
    SteeringFeedback f;
    f.participant = QStringLiteral("P");
    f.trackId = track;
    f.direction = 1;
    QVERIFY2(recordSteering(*m_study, f, &error), qPrintable(error));
    TrainingRequest again;
    QVERIFY2(feedbackRetrainingRequest(*m_study, profile.modelId, 0, &again, &error), qPrintable(error));
    const TrainingReport report = Trainer::run(again);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.steering, 1);
    QVERIFY(report.toText().contains(QLatin1String("1 steering requests")));
    QVector<qint64> neighbours;
    for (int n : proto.neighbours)
        neighbours << profile.tracks[n].track.id;
    SteeringOutcome o;
    QVERIFY2(measureSteering(*m_study, profile.modelId, report.models.first().id, track, neighbours, 1, &o, &error),
             qPrintable(error));
    QVERIFY(std::abs(o.before - profile.probability[std::size_t(proto.point)]) < 1e-6);
    qInfo("more like track %lld: %s", track, qPrintable(o.text()));
    QVERIFY2(o.movedAsAsked(), qPrintable(o.text()));
    QVERIFY(o.text().startsWith(QLatin1String("moved as asked: +")));
    QVERIFY(o.text().contains(QLatin1String("(neighbours ")));

    QVERIFY(!measureSteering(*m_study, profile.modelId, report.models.first().id, 9999, {}, 1, &o, &error));
    QVERIFY2(error.contains(QLatin1String("track 9999")), qPrintable(error));
}

void TestSteering::outcomeJudgedAtItsPrecision()
{
    SteeringOutcome o; // like probabilities: judged and shown at 0.01
    o.before = 0.40;
    o.after = 0.404;
    o.neighboursBefore = o.neighboursAfter = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!o.movedAsAsked());
    QCOMPARE(o.text(), QStringLiteral("did not move as asked: +0.00"));
    o.after = 0.52;
    QVERIFY(o.movedAsAsked());
    QCOMPARE(o.text(), QStringLiteral("moved as asked: +0.12"));
    o.direction = -1;
    QVERIFY(!o.movedAsAsked());

    // Explanation weights of about 0.001 (a model sure of a whole style): a step of 0.0001, so a
    // change of 0.0004 counts and is printed, and one of 0.00004 does not.
    SteeringOutcome w;
    w.step = 0.0001;
    w.direction = -1;
    w.before = 0.0012;
    w.after = 0.0008;
    w.neighboursBefore = w.neighboursAfter = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(w.movedAsAsked());
    QCOMPARE(w.text(), QStringLiteral("moved as asked: \u22120.0004"));
    w.after = 0.00116;
    QVERIFY(!w.movedAsAsked());
    QCOMPARE(w.text(), QStringLiteral("did not move as asked: +0.0000")); // no "−0.0000"
}

QTEST_GUILESS_MAIN(TestSteering)
#include "tst_steering.moc"
