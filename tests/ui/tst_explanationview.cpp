// "Why this track?" (ExplanationView) on a small generated study: the explanation runs in the
// background, the overlay shows one shape per component with the weights' ranks, the direction
// switch re-ranks, "Top highlight" / "Top 3" play only the top components through the ClipPlayer
// (PulseAudio's null sink), other components re-explain, Cancel stops, the recommendation list
// opens it for a row, and "More like this part" steers the model on one component (two steering
// entries, a retrained model, the part's weight measured) while a baseline model is refused. Saves screenshots into $TASTELAB_SCREENSHOT_DIR.

#include "results/embeddingmapview.h"
#include "results/embeddingplot.h"
#include "results/explanationview.h"
#include "results/recommendationsview.h"
#include "playback/clipplayer.h"
#include "../common/guitest.h"
#include "../common/tinyseparator.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/study.h"
#include "study/training.h"

#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;
using test::child;

namespace {

const QString kEncoder = QStringLiteral("builtin-features");

} // namespace

class TestExplanationView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explainsAndOverlays();
    void topComponentsPlay();
    void otherComponentsAndCancel();
    void sourcesOfASeparationModel();
    void openedFromTheRecommendationList();
    void openedFromTheEmbeddingMap();
    // Last: it stores steering and a new model in the study.
    void steersOneComponent();
    void refusesABaselineModel();

private:
    void shot(QWidget *widget, const QString &name)
    {
        QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
    }
    void show(ExplanationView &view)
    {
        view.resize(960, 620);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setStudy(m_study.get());
        view.setPlayer(m_player);
    }

    QTemporaryDir m_dir;
    QString m_shots;
    QString m_path;
    std::unique_ptr<Study> m_study;
    ClipPlayer *m_player = nullptr;
    qint64 m_model = 0;
    Track m_track;
};

void TestExplanationView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_explanationview"), &m_shots,
                               &error),
             qPrintable(error));
    const QString library = m_dir.filePath(QStringLiteral("library"));
    QCOMPARE(test::generateTestLibrary(library, 3, 12, 14), 18);
    m_path = m_dir.filePath(QStringLiteral("explain.tastelab"));
    StudySettings s;
    s.name = QStringLiteral("Explanations");
    s.clipSeconds = 5.0;
    s.clipsPerParticipant = 12;
    QVERIFY2(Study::create(m_path, s, &error), qPrintable(error));
    QCOMPARE(Importer::run({m_path, QString(), library + QStringLiteral("/manifest.csv")}).added, 18);
    {
        auto study = Study::open(m_path, &error);
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P1"), {}, 3, &error);
        QVERIFY2(session, qPrintable(error));
        const QStringList liked{QStringLiteral("techno"), QStringLiteral("rock"), QStringLiteral("chiptune")};
        for (int i = 0; i < session->total(); ++i)
            QVERIFY(session->answer(i, liked.contains(session->track(i)->genre) ? 1 : 0, 1500, 0, &error));
    }
    ExtractionRequest r;
    r.studyPath = m_path;
    r.encoder = kEncoder;
    r.libraryExcerpts = 1;
    const ExtractionReport extracted = Extractor::run(r);
    QVERIFY2(extracted.error.isEmpty(), qPrintable(extracted.error));
    TrainingRequest t;
    t.studyPath = m_path;
    t.participant = QStringLiteral("P1");
    t.encoder = kEncoder;
    t.models = {QStringLiteral("clep-pn")};
    t.settings.embedderEpochs = 5;
    t.settings.classifierEpochs = 8;
    const TrainingReport trained = Trainer::run(t);
    QVERIFY2(trained.error.isEmpty() && trained.models.size() == 1, qPrintable(trained.error));
    m_model = trained.models.front().id;
    m_study = Study::open(m_path, &error);
    QVERIFY2(m_study, qPrintable(error));
    const auto answers = m_study->answers(m_study->participant(QStringLiteral("P1"))->id);
    m_track = *m_study->track(answers.first().trackId);
    m_player = new ClipPlayer(this);
}

void TestExplanationView::explainsAndOverlays()
{
    ExplanationView view;
    show(view);
    QSignalSpy explained(&view, &ExplanationView::explained);
    view.explain(m_model, m_track);
    QVERIFY(view.isBusy());
    QVERIFY(child<QPushButton>(&view, "explanationCancel")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    QCOMPARE(explained.count(), 1);
    QVERIFY(!child<QPushButton>(&view, "explanationCancel")->isVisible());
    const ExplanationReport &report = view.report();
    QCOMPARE(report.explanation.components.size(), std::size_t(5));
    QCOMPARE(report.explanation.method, explain::Method::Shapley);
    QCOMPARE(report.clip.lengthSeconds, 5.0);

    // One shape per segment, side by side across the plot, ranked by weight towards "like".
    QVector<ExplanationView::OverlayItem> items = view.overlay();
    QCOMPARE(items.size(), 5);
    for (int i = 1; i < items.size(); ++i) {
        QVERIFY(std::abs(items[i].rect.left() - items[i - 1].rect.right()) < 1.0);
        QCOMPARE(items[i].rect.top(), items[0].rect.top());
    }
    QVERIFY(items[0].rect.height() > 100);
    const std::vector<int> liked = report.explanation.top(5, explain::Direction::Liked);
    for (const auto &item : items) {
        QCOMPARE(item.weight, report.explanation.weights[std::size_t(item.component)]);
        const auto at = std::find(liked.begin(), liked.end(), item.component);
        QCOMPARE(item.rank, at == liked.end() ? 0 : int(at - liked.begin()) + 1);
        QVERIFY(item.rank == 0 || item.weight > 0);
    }
    const QString fidelity = child<QLabel>(&view, "explanationFidelity")->text();
    QVERIFY2(fidelity.contains(QStringLiteral("fidelity R²")) && fidelity.contains(QLatin1String("exact Shapley"))
                 && fidelity.contains(QLatin1String("32 evaluations")),
             qPrintable(fidelity));
    QCOMPARE(fidelity, view.fidelityText());
    shot(&view, QStringLiteral("explanation-why-liked.png"));

    // "Why disliked": the same weights, ranked the other way.
    child<QRadioButton>(&view, "whyDisliked")->click();
    QCOMPARE(view.direction(), explain::Direction::Disliked);
    items = view.overlay();
    for (const auto &item : items)
        QVERIFY(item.rank == 0 || item.weight < 0);
    const std::vector<int> disliked = report.explanation.top(3, explain::Direction::Disliked);
    QCOMPARE(child<QPushButton>(&view, "topHighlight")->isEnabled(), !disliked.empty());
    shot(&view, QStringLiteral("explanation-why-disliked.png"));
}

void TestExplanationView::topComponentsPlay()
{
    ExplanationView view;
    show(view);
    view.explain(m_model, m_track);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY(view.hasExplanation());
    // The direction with something to play.
    const explain::Explanation &e = view.report().explanation;
    if (e.top(1, explain::Direction::Liked).empty())
        view.setDirection(explain::Direction::Disliked);
    const std::vector<int> top1 = e.top(1, view.direction());
    QVERIFY(!top1.empty());
    QSignalSpy playing(&view, &ExplanationView::topPlaying);
    QSignalSpy started(m_player, &ClipPlayer::started);
    child<QPushButton>(&view, "topHighlight")->click();
    QTRY_COMPARE_WITH_TIMEOUT(playing.count(), 1, 10000);
    QCOMPARE(playing.first().first().toInt(), 1);
    QCOMPARE(view.playingComponents(), QVector<int>{top1.front()});
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 10000);
    QCOMPARE(m_player->state(), ClipPlayer::State::Playing);
    shot(&view, QStringLiteral("explanation-top-highlight.png"));

    const std::vector<int> top3 = e.top(3, view.direction());
    child<QPushButton>(&view, "topThree")->click();
    QTRY_COMPARE_WITH_TIMEOUT(playing.count(), 2, 10000);
    QCOMPARE(playing.last().first().toInt(), int(top3.size()));
    QCOMPARE(view.playingComponents().size(), int(top3.size()));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 2, 10000);
    child<QPushButton>(&view, "explanationStop")->click();
    QVERIFY(view.playingComponents().isEmpty());
}

void TestExplanationView::otherComponentsAndCancel()
{
    ExplanationView view;
    show(view);
    view.explain(m_model, m_track);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);

    // Harmonic and percussive parts: two lanes below the spectrogram.
    view.setComponentMode(explain::ComponentMode::Hpss);
    QVERIFY(view.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    QVector<ExplanationView::OverlayItem> items = view.overlay();
    QCOMPARE(items.size(), 2);
    QVERIFY(items[1].rect.top() > items[0].rect.top());
    QVERIFY(items[0].rect.height() < 30);
    QCOMPARE(view.report().explanation.evaluations, 4);
    shot(&view, QStringLiteral("explanation-hpss.png"));

    // Frequency bands: stacked over the whole excerpt.
    view.setComponentMode(explain::ComponentMode::Bands);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    items = view.overlay();
    QCOMPARE(items.size(), 4);
    QVERIFY(items[1].rect.bottom() <= items[0].rect.top() + 1.0); // higher band, higher up
    shot(&view, QStringLiteral("explanation-bands.png"));

    // Segments x H/P needs 1024 evaluations: cancelled while it runs.
    view.setComponentMode(explain::ComponentMode::Combined);
    QVERIFY(view.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(child<QProgressBar>(&view, "explanationProgress")->maximum() > 0, 30000);
    view.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QVERIFY(view.report().cancelled);
    QVERIFY(!view.hasExplanation());
    QCOMPARE(view.stateText(), QStringLiteral("Cancelled."));
}

void TestExplanationView::sourcesOfASeparationModel()
{
    ExplanationView view;
    show(view);
    view.explain(m_model, m_track);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);

    // Without a chosen model, "sources" keeps the parts shown.
    view.setSeparationManifest(QString());
    view.setComponentMode(explain::ComponentMode::Sources);
    QVERIFY(!view.isBusy());
    QCOMPARE(view.report().explanation.mode, std::string("segments"));

    // A user-supplied separation model: its three sources become the components, in lanes.
    QTemporaryDir dir;
    const QString manifest = test::writeTinySeparator(dir.path(), 3, QStringLiteral(R"("bass", "voice", "drums")"));
    QVERIFY(!manifest.isEmpty());
    view.setSeparationManifest(manifest);
    view.setComponentMode(explain::ComponentMode::Sources);
    QVERIFY(view.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    const explain::Explanation &e = view.report().explanation;
    QCOMPARE(e.mode, std::string("sources"));
    QCOMPARE(int(e.components.size()), 3);
    QCOMPARE(e.components[1].name, std::string("voice"));
    QCOMPARE(child<QComboBox>(&view, "explanationComponents")->currentData().toInt(), int(explain::ComponentMode::Sources));
    const QVector<ExplanationView::OverlayItem> items = view.overlay();
    QCOMPARE(items.size(), 3);
    QVERIFY(items[1].rect.top() > items[0].rect.top()); // one lane each
    shot(&view, QStringLiteral("explanation-sources.png"));

    // A broken model file: the window says which file and why, and keeps working.
    QFile::resize(dir.filePath(QStringLiteral("tiny.pt")), 10);
    view.setComponentMode(explain::ComponentMode::Sources);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY(!view.hasExplanation());
    QVERIFY2(view.stateText().contains(QLatin1String("tiny.pt")), qPrintable(view.stateText()));
    view.setSeparationManifest(QString());
    view.setComponentMode(explain::ComponentMode::Segments);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY(view.hasExplanation());
}

void TestExplanationView::openedFromTheRecommendationList()
{
    RecommendationsView list;
    list.resize(1000, 600);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    list.setStudy(m_study.get());
    list.setPlayer(m_player);
    list.setParticipant(QStringLiteral("P1"), kEncoder, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!list.isBusy(), 30000);
    QVERIFY(list.rowCount() > 0);
    const Recommendation first = list.itemAt(0);
    ExplanationView *view = list.explainRow(0);
    QVERIFY(view);
    QVERIFY(view->isWindow());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 60000);
    QVERIFY2(view->hasExplanation(), qPrintable(view->stateText()));
    QCOMPARE(view->report().track.id, first.track.id);
    QCOMPARE(view->report().modelId, m_model);
    // The list scored the mean over the track's library excerpts (here 1, the central one): the
    // explanation's excerpt is that one, so it explains the same like probability.
    QVERIFY(std::abs(view->report().explanation.likeProbability - first.likeProbability) < 1e-3);
    shot(view, QStringLiteral("explanation-from-recommendations.png"));
    view->close();
}

void TestExplanationView::openedFromTheEmbeddingMap()
{
    EmbeddingMapView map;
    map.resize(1000, 700);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    map.setStudy(m_study.get());
    map.setPlayer(m_player);
    map.setSelection({QStringLiteral("P1")}, kEncoder, m_model, QStringLiteral("clep-pn"));
    map.computeMap();
    QTRY_VERIFY_WITH_TIMEOUT(map.isCurrent(), 60000);
    EmbeddingPlot *plot = map.plot();
    int point = -1;
    for (int i = 0; i < plot->pointCount() && point < 0; ++i)
        if (plot->canvas()->rect().contains(plot->pointPixel(i)) && plot->pointAt(plot->pointPixel(i)) == i)
            point = i;
    QVERIFY(point >= 0);
    const ClipKey clip = plot->map().points[point].clip;
    std::unique_ptr<QMenu> menu(map.createContextMenu(plot->pointPixel(point), &map));
    QVERIFY(menu);
    QAction *why = menu->findChild<QAction *>(QStringLiteral("mapExplainAction"));
    QVERIFY(why && why->isEnabled());
    why->trigger();
    ExplanationView *view = map.findChild<ExplanationView *>();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 60000);
    QVERIFY2(view->hasExplanation(), qPrintable(view->stateText()));
    // The rated clip itself, not the track's central excerpt.
    QCOMPARE(view->report().clip.trackId, clip.trackId);
    QCOMPARE(view->report().clip.startSeconds, clip.startSeconds);
    QCOMPARE(view->report().modelId, m_model);
    view->close();

    // Without a model there is nothing to explain.
    map.setSelection({QStringLiteral("P1")}, kEncoder, 0, QString());
    map.computeMap();
    QTRY_VERIFY_WITH_TIMEOUT(map.isCurrent(), 60000);
    std::unique_ptr<QMenu> plain(map.createContextMenu(plot->pointPixel(0), &map));
    if (plain) {
        QAction *none = plain->findChild<QAction *>(QStringLiteral("mapExplainAction"));
        QVERIFY(!none || !none->isEnabled());
    }
}

void TestExplanationView::steersOneComponent()
{
    ExplanationView view;
    show(view);
    view.explain(m_model, m_track);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    const explain::Explanation first = view.report().explanation;
    auto *more = child<QPushButton>(&view, "moreLikePart");
    auto *less = child<QPushButton>(&view, "lessLikePart");
    auto *part = child<QComboBox>(&view, "explanationPart");
    QVERIFY(more->isEnabled() && less->isEnabled());
    QCOMPARE(part->count(), 5);

    // Clicking a segment in the plot selects it in the part selector.
    const int component = 2;
    const ExplanationView::OverlayItem item = view.overlay().at(component);
    QWidget *plot = child<QWidget>(&view, "explanationPlot");
    QTest::mouseClick(plot, Qt::LeftButton, {}, item.rect.center().toPoint());
    QCOMPARE(view.selectedComponent(), component);
    QCOMPARE(part->currentData().toInt(), component);
    const QString name = QString::fromStdString(first.components[std::size_t(component)].name);
    QVERIFY(part->currentText().startsWith(name));

    int rowsBefore = 0;
    {
        QSqlQuery q(m_study->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM steering")) && q.next());
        rowsBefore = q.value(0).toInt();
    }
    QSignalSpy steered(&view, &ExplanationView::steered);
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(view.isSteering());
    QVERIFY(!more->isEnabled() && !less->isEnabled() && !part->isEnabled());
    QVERIFY(child<QPushButton>(&view, "explanationCancel")->isVisible());
    // The retraining shows its progress (epochs) before the result.
    QTRY_VERIFY_WITH_TIMEOUT(view.steeringText().contains(QLatin1String("epoch")) || !view.isSteering(), 120000);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isSteering(), 200000);
    QCOMPARE(steered.count(), 1);
    const qint64 after = steered.first().first().toLongLong();
    const QString result = view.steeringText();
    QVERIFY2(after > m_model, qPrintable(result));
    QVERIFY2(result.startsWith(QStringLiteral("“%1”: ").arg(name)) && result.contains(QLatin1String("as asked")),
             qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("new model %1").arg(after)), qPrintable(result));
    // The weight before is the first explanation's (same excerpt, components, method and seed).
    QVERIFY(std::abs(view.steeringOutcome().before - first.weights[std::size_t(component)]) < 1e-9);
    QCOMPARE(view.steeredModel(), after);

    // Two steering entries: the excerpt with the part towards "like", without it the other way.
    {
        QSqlQuery q(m_study->database());
        QVERIFY(q.exec(QStringLiteral("SELECT direction, label, encoder FROM steering ORDER BY id")));
        QVector<int> directions;
        QStringList labels;
        while (q.next()) {
            directions << q.value(0).toInt();
            labels << q.value(1).toString();
            QCOMPARE(q.value(2).toString(), kEncoder);
        }
        QCOMPARE(directions.size(), rowsBefore + 2);
        QCOMPARE(directions.mid(rowsBefore), (QVector<int>{1, -1}));
        QVERIFY2(labels[rowsBefore].contains(name) && labels[rowsBefore].endsWith(QLatin1String("(with it)")),
                 qPrintable(labels[rowsBefore]));
        QVERIFY2(labels[rowsBefore + 1].endsWith(QLatin1String("(without it)")), qPrintable(labels[rowsBefore + 1]));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM models WHERE id = %1").arg(after)) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    // Then the new model's explanation, with the same part selected.
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    QCOMPARE(view.report().modelId, after);
    QVERIFY(std::abs(view.report().explanation.weights[std::size_t(component)] - view.steeringOutcome().after) < 1e-9);
    QCOMPARE(view.selectedComponent(), component);
    QVERIFY(more->isEnabled() && less->isEnabled());
    QCOMPARE(view.steeringText(), result);
    shot(&view, QStringLiteral("explanation-steered-part.png"));
}

void TestExplanationView::refusesABaselineModel()
{
    TrainingRequest t;
    t.studyPath = m_path;
    t.participant = QStringLiteral("P1");
    t.encoder = kEncoder;
    t.models = {QStringLiteral("logreg")};
    const TrainingReport trained = Trainer::run(t);
    QVERIFY2(trained.error.isEmpty() && trained.models.size() == 1, qPrintable(trained.error));
    const qint64 baseline = trained.models.front().id;

    ExplanationView view;
    show(view);
    view.explain(baseline, m_track);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
    QVERIFY2(view.hasExplanation(), qPrintable(view.stateText()));
    int rows = 0;
    {
        QSqlQuery q(m_study->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM steering")) && q.next());
        rows = q.value(0).toInt();
    }
    QSignalSpy steered(&view, &ExplanationView::steered);
    QTest::mouseClick(child<QPushButton>(&view, "lessLikePart"), Qt::LeftButton);
    QVERIFY(!view.isSteering());
    QVERIFY(!view.isBusy());
    QCOMPARE(steered.count(), 0);
    QVERIFY2(view.steeringText().contains(QLatin1String("CLEP")) && view.steeringText().contains(QLatin1String("LOGREG")),
             qPrintable(view.steeringText()));
    QSqlQuery q(m_study->database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM steering")) && q.next());
    QCOMPARE(q.value(0).toInt(), rows);
}

QTEST_MAIN(TestExplanationView)
#include "tst_explanationview.moc"
