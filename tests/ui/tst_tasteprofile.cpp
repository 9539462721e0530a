// The taste profile on the Results page (TasteProfileView, docs/profile.md) on a small generated
// study: prototypes with neighbours, sliders and buttons; moving a slider re-ranks the
// recommendation list live (in the profile's order, away from the classifier's), Reset restores the
// classifier's ranking; the prototypes are highlighted on the embedding map; "More like this"
// saves steering, retrains in the background and reports whether the prototype moved, and the page
// picks the new model. Needs PulseAudio with a null sink (tst_playback.cpp). Saves screenshots
// into $TASTELAB_SCREENSHOT_DIR.

#include "results/embeddingmapview.h"
#include "results/embeddingplot.h"
#include "results/recommendationsview.h"
#include "results/resultspage.h"
#include "results/tasteprofileview.h"
#include "playback/clipplayer.h"

#include "../common/guitest.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/tasteprofile.h"
#include "study/training.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace tastelab;
using test::child;

namespace {

const QString kEncoder = QStringLiteral("builtin-features");

QList<qint64> idsOf(const QVector<Recommendation> &items)
{
    QList<qint64> ids;
    for (const Recommendation &r : items)
        ids << r.track.id;
    return ids;
}

} // namespace

class TestTasteProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void profileSlidersRerankTheList();
    void moreLikeThisRetrains();
    void noModelSaysSo();

private:
    void shot(QWidget *widget, const QString &name);
    /// A Results page on the study with P1 chosen, its profile built and its list scored.
    std::unique_ptr<ResultsPage> openPage();

    QTemporaryDir m_dir;
    QString m_shots;
    QString m_path;
    std::unique_ptr<Study> m_study;
    ClipPlayer *m_player = nullptr;
};

void TestTasteProfile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_tasteprofile"), &m_shots, &error),
             qPrintable(error));
    // 6 styles x 5 tracks; P1 hears 20 of the 30 and likes techno, rock and chiptune.
    const QString library = m_dir.filePath(QStringLiteral("library"));
    QCOMPARE(test::generateTestLibrary(library, 5, 12, 14), 30);
    m_path = m_dir.filePath(QStringLiteral("profile.tastelab"));
    StudySettings s;
    s.name = QStringLiteral("Taste profile");
    s.clipSeconds = 2.0;
    s.clipsPerParticipant = 20;
    QVERIFY2(Study::create(m_path, s, &error), qPrintable(error));
    QCOMPARE(Importer::run({m_path, QString(), library + QStringLiteral("/manifest.csv")}).added, 30);
    {
        auto study = Study::open(m_path, &error);
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P1"), {}, 3, &error);
        QVERIFY2(session, qPrintable(error));
        const QStringList liked{QStringLiteral("techno"), QStringLiteral("rock"), QStringLiteral("chiptune")};
        for (int i = 0; i < session->total(); ++i)
            QVERIFY(session->answer(i, liked.contains(session->track(i)->genre) ? 1 : 0, 1500, 0, &error));
        QVERIFY(study->createParticipant(QStringLiteral("P2"), 5, {})); // no answers, no model
    }
    ExtractionRequest r;
    r.studyPath = m_path;
    r.encoder = kEncoder;
    r.libraryExcerpts = 3;
    const ExtractionReport extracted = Extractor::run(r);
    QVERIFY2(extracted.error.isEmpty(), qPrintable(extracted.error));
    TrainingRequest t;
    t.studyPath = m_path;
    t.participant = QStringLiteral("P1");
    t.encoder = kEncoder;
    t.models = {QStringLiteral("clep-pn")};
    t.settings.embedderEpochs = 8;
    t.settings.classifierEpochs = 12;
    const TrainingReport report = Trainer::run(t);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    m_study = Study::open(m_path, &error);
    QVERIFY2(m_study, qPrintable(error));
    m_player = new ClipPlayer(this);
}

void TestTasteProfile::shot(QWidget *widget, const QString &name)
{
    QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
}

std::unique_ptr<ResultsPage> TestTasteProfile::openPage()
{
    auto page = std::make_unique<ResultsPage>();
    page->resize(1280, 760);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        return nullptr;
    page->setStudy(m_study.get());
    page->setPlayer(m_player);
    page->selectParticipant(QStringLiteral("P1"));
    page->showTab(ResultsPage::Tab::Profile);
    TasteProfileView *profile = page->profileView();
    RecommendationsView *list = page->recommendationsView();
    if (!QTest::qWaitFor([&] { return !profile->isBusy() && profile->hasProfile(); }, 30000))
        return nullptr;
    list->refresh();
    page->showTab(ResultsPage::Tab::Recommendations);
    if (!QTest::qWaitFor([&] { return !list->isBusy() && list->rowCount() > 0; }, 30000))
        return nullptr;
    page->showTab(ResultsPage::Tab::Profile);
    return page;
}

void TestTasteProfile::profileSlidersRerankTheList()
{
    auto page = openPage();
    QVERIFY(page);
    TasteProfileView *view = page->profileView();
    RecommendationsView *list = page->recommendationsView();
    const TasteProfile &profile = view->profile();

    // Prototypes: real rated tracks of P1, liked ones first, each with 3 neighbours and a row.
    QVERIFY(view->prototypeCount() >= 6 && view->prototypeCount() <= 12);
    int liked = 0;
    for (int k = 0; k < view->prototypeCount(); ++k) {
        const train::Prototype &p = profile.prototypes[std::size_t(k)];
        const ProfileTrack &t = profile.tracks[p.point];
        QCOMPARE(t.label, p.sign > 0 ? 1 : 0);
        QCOMPARE(int(p.neighbours.size()), 3);
        liked += p.sign > 0;
        QVERIFY(view->slider(k) && view->moreButton(k) && view->lessButton(k) && view->playButton(k));
        QCOMPARE(view->sliderValue(k), double(p.sign));
    }
    QVERIFY(liked > 0 && liked < view->prototypeCount());
    const QString fidelity = child<QLabel>(view, "profileFidelity")->text();
    QVERIFY2(fidelity.contains(QLatin1String("Fidelity to the classifier")), qPrintable(fidelity));
    QCOMPARE(fidelity, view->fidelityText());
    QVERIFY(!view->isSteered());
    shot(page.get(), QStringLiteral("results-taste-profile.png"));

    // Play: the middle library excerpt of the prototype's track; a second click stops.
    const Track firstTrack = profile.tracks[profile.prototypes[0].point].track;
    QSignalSpy started(m_player, &ClipPlayer::started);
    view->playButton(0)->click();
    QVERIFY(m_player->state() == ClipPlayer::State::Loading || m_player->state() == ClipPlayer::State::Playing);
    QCOMPARE(m_player->currentRequest().path, m_study->resolveTrackPath(firstTrack));
    const QVector<ClipKey> excerpts = libraryExcerpts(firstTrack, m_study->settings().clipSeconds, 3);
    QCOMPARE(m_player->currentRequest().startSeconds, excerpts[excerpts.size() / 2].startSeconds);
    QVERIFY(started.count() > 0 || started.wait(10000));
    QCOMPARE(m_player->state(), ClipPlayer::State::Playing);
    view->playButton(0)->click();
    QCOMPARE(m_player->state(), ClipPlayer::State::Stopped);

    // The list as the classifier ranks it.
    const QList<qint64> classifier = idsOf(list->visibleItems());
    QCOMPARE(classifier.size(), profile.candidates.size());
    const QVector<qint64> unsteered = view->steeredRanking();
    QCOMPARE(QList<qint64>(unsteered.begin(), unsteered.end()), classifier);

    // Favour a disliked prototype: the list follows the profile's re-ranking at once, and the
    // unheard track nearest to that prototype rises.
    int moved = -1;
    for (int k = 0; k < view->prototypeCount() && moved < 0; ++k) {
        if (profile.prototypes[std::size_t(k)].sign > 0)
            continue;
        view->setSlider(k, 1.0);
        QVERIFY(view->isSteered());
        QVERIFY(list->isSteered());
        const QList<qint64> now = idsOf(list->visibleItems());
        const QVector<qint64> expected = view->steeredRanking();
        QCOMPARE(now, QList<qint64>(expected.begin(), expected.end()));
        if (now != classifier)
            moved = k;
        else
            view->setSlider(k, -1.0);
    }
    QVERIFY2(moved >= 0, "favouring a disliked prototype never changed the order");
    {
        // The candidate most similar to the favoured prototype ranks higher than before.
        int best = -1;
        float bestSim = -1;
        for (int i : profile.candidates) {
            const float sim = profile.space.similarity[std::size_t(i) * profile.space.prototypes + std::size_t(moved)];
            if (sim > bestSim) {
                bestSim = sim;
                best = i;
            }
        }
        const qint64 id = profile.tracks[best].track.id;
        const QList<qint64> now = idsOf(list->visibleItems());
        QVERIFY2(now.indexOf(id) < classifier.indexOf(id) || classifier.indexOf(id) == 0,
                 qPrintable(QStringLiteral("track %1: %2 -> %3").arg(id).arg(classifier.indexOf(id)).arg(now.indexOf(id))));
    }
    QVERIFY(child<QLabel>(view, "profilePreviewHeading")->text().contains(QLatin1String("re-ranked")));
    QVERIFY(view->previewList()->count() > 0);
    shot(page.get(), QStringLiteral("results-taste-profile-steered.png"));
    page->showTab(ResultsPage::Tab::Recommendations);
    shot(page.get(), QStringLiteral("results-recommendations-steered.png"));

    // Reset: the classifier's ranking again.
    page->showTab(ResultsPage::Tab::Profile);
    child<QPushButton>(view, "profileReset")->click();
    QVERIFY(!view->isSteered());
    QVERIFY(!list->isSteered());
    QCOMPARE(idsOf(list->visibleItems()), classifier);

    // The prototypes are highlighted on the embedding map.
    EmbeddingPlot *plot = page->mapView()->plot();
    QCOMPARE(plot->highlights(), view->highlights());
    QCOMPARE(plot->highlights().size(), view->prototypeCount());
    page->showTab(ResultsPage::Tab::Map);
    QTRY_VERIFY_WITH_TIMEOUT(page->mapView()->isCurrent(), 120000);
    QVERIFY(!plot->highlightedPoints().isEmpty());
    QSet<qint64> drawn;
    for (int i : plot->highlightedPoints())
        drawn.insert(plot->map().points[i].clip.trackId);
    const QHash<qint64, QString> labels = view->highlights();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        QVERIFY2(drawn.contains(it.key()), qPrintable(it.value()));
    shot(page.get(), QStringLiteral("results-map-prototypes.png"));
}

void TestTasteProfile::moreLikeThisRetrains()
{
    auto page = openPage();
    QVERIFY(page);
    TasteProfileView *view = page->profileView();
    const qint64 before = page->modelId();
    const TasteProfile profile = view->profile();
    QCOMPARE(profile.modelId, before);
    int k = 0;
    while (k < view->prototypeCount() && profile.prototypes[std::size_t(k)].sign > 0)
        ++k;
    QVERIFY(k < view->prototypeCount());
    const qint64 track = profile.tracks[profile.prototypes[std::size_t(k)].point].track.id;
    QSignalSpy retrained(view, &TasteProfileView::retrained);
    view->moreButton(k)->click();
    QVERIFY(view->isRetraining());
    QVERIFY(!view->moreButton(k)->isEnabled());
    QVERIFY(child<QLabel>(view, "profileSteeringResult")->text().contains(QLatin1String("Retraining")));
    QCOMPARE(steeringCount(*m_study, QStringLiteral("P1")), 1);
    shot(page.get(), QStringLiteral("results-taste-profile-retraining.png"));
    QTRY_COMPARE_WITH_TIMEOUT(retrained.count(), 1, 120000);
    QVERIFY(!view->isRetraining());
    QVERIFY(view->lastOutcome().has_value());
    const SteeringOutcome outcome = *view->lastOutcome();
    QCOMPARE(outcome.trackId, track);
    QCOMPARE(outcome.direction, 1);
    const QString text = view->steeringResultText();
    QVERIFY2(text.contains(outcome.movedAsAsked() ? QLatin1String("moved as asked") : QLatin1String("did not move")),
             qPrintable(text));
    QCOMPARE(child<QLabel>(view, "profileSteeringResult")->text(), text);
    // The page picks the new model; the profile is built from it.
    const qint64 after = retrained.first().at(2).toLongLong();
    QVERIFY(after > before);
    QCOMPARE(page->modelId(), after);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy() && view->hasProfile() && view->profile().modelId == after, 30000);
    QCOMPARE(view->steeringResultText(), text); // the result stays shown
    qInfo("steering \"more\" on a disliked prototype: %s", qPrintable(text));
    shot(page.get(), QStringLiteral("results-taste-profile-steered-result.png"));
}

void TestTasteProfile::noModelSaysSo()
{
    TasteProfileView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.stateText().contains(QLatin1String("No study is open")));
    view.setStudy(m_study.get());
    view.setParticipant(QStringLiteral("P2"), kEncoder, 0);
    QVERIFY2(view.stateText().contains(QLatin1String("No model trained yet for P2")), qPrintable(view.stateText()));
    QVERIFY(!view.hasProfile());
    QVERIFY(view.highlights().isEmpty());
    QString error;
    QVERIFY(!view.steer(0, 1, &error));
}

QTEST_MAIN(TestTasteProfile)
#include "tst_tasteprofile.moc"
