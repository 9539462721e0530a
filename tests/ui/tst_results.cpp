// The Survey and Results tabs offscreen, on a small generated study: three participants who
// answered 12 two-second clips of a synthesized library, built-in-feature embeddings, and CLEP /
// logistic-regression models for two of them. Checks the empty states, the embedding map (t-SNE
// in the background, hover tooltip, click to play, rubber-band selection, colour-by, caching,
// overlay, exports), the performance view against the stored metrics, and the report exports.
// Needs PulseAudio with a null sink (see tst_playback.cpp). Saves screenshots into
// $TASTELAB_SCREENSHOT_DIR.

#include "mainwindow.h"
#include "modelspage.h"
#include "playback/clipplayer.h"
#include "results/embeddingmapview.h"
#include "results/embeddingplot.h"
#include "results/performanceview.h"
#include "results/recommendationsview.h"
#include "results/resultspage.h"
#include "surveytab.h"

#include "../common/guitest.h"
#include "study/embeddingstore.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/results.h"
#include "study/study.h"
#include "study/training.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QToolTip>
#include <QMenu>
#include <QtTest>

#include <cmath>

using namespace tastelab;
using test::child;

namespace {

constexpr double kClipSeconds = 2.0;
constexpr int kClips = 12;
constexpr int kMapTimeoutMs = 60000;
const QString kEncoder = QStringLiteral("builtin-features");

QByteArray head(const QString &path, int bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.read(bytes);
}

} // namespace

class TestResults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyStates();
    void surveyTab();
    void embeddingMap();
    void mapSpacesOverlayAndCache();
    void performance();
    void mapFeedbackRetrainsTheList();

private:
    void shot(QWidget *widget, const QString &name);
    /// A window with the study open on the Results tab, P01 and its CLEP-PN model chosen.
    std::unique_ptr<MainWindow> openResults();
    qint64 modelOf(const QString &code, const QString &kind);

    QTemporaryDir m_dir;
    QString m_shots;
    QString m_library;
    QString m_path;
};

void TestResults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_results"), &m_shots, &error),
             qPrintable(error));

    // 18 tracks of 10-12 s in six styles.
    m_library = m_dir.filePath(QStringLiteral("library"));
    const int tracks = test::generateTestLibrary(m_library, 3, 10, 12);
    QCOMPARE(tracks, 18);

    m_path = m_dir.filePath(QStringLiteral("results.tastelab"));
    StudySettings s;
    s.name = QStringLiteral("Results test");
    s.clipSeconds = kClipSeconds;
    s.clipsPerParticipant = kClips;
    {
        auto study = Study::create(m_path, s, &error);
        QVERIFY2(study, qPrintable(error));
    }
    QCOMPARE(Importer::run({m_path, QString(), m_library + QStringLiteral("/manifest.csv")}).added, tracks);
    {
        auto study = Study::open(m_path, &error);
        QVERIFY2(study, qPrintable(error));
        // P01 likes three styles, P02 the other three, P03 every other clip.
        const QStringList liked{QStringLiteral("techno"), QStringLiteral("rock"), QStringLiteral("chiptune")};
        const QStringList codes{QStringLiteral("P01"), QStringLiteral("P02"), QStringLiteral("P03")};
        for (int k = 0; k < codes.size(); ++k) {
            auto session = ParticipantSession::startOrResume(*study, codes[k], {}, quint64(11 + k), &error);
            QVERIFY2(session, qPrintable(error));
            QCOMPARE(session->total(), kClips);
            for (int i = 0; i < session->total(); ++i) {
                const bool likes = k == 2 ? i % 2 == 0 : liked.contains(session->track(i)->genre) == (k == 0);
                QVERIFY2(session->answer(i, likes ? 1 : 0, 1500, 0, &error), qPrintable(error));
            }
        }
    }
    ExtractionRequest extraction;
    extraction.studyPath = m_path;
    extraction.encoder = kEncoder;
    const ExtractionReport extracted = Extractor::run(extraction);
    QVERIFY2(extracted.error.isEmpty(), qPrintable(extracted.error));

    for (const QString &code : {QStringLiteral("P01"), QStringLiteral("P02")}) {
        TrainingRequest r;
        r.studyPath = m_path;
        r.participant = code;
        r.encoder = kEncoder;
        r.models = QStringList{QStringLiteral("clep-pn"), QStringLiteral("clep-p"), QStringLiteral("clep-n"),
                               QStringLiteral("logreg")};
        r.settings.embedderEpochs = 8;
        r.settings.classifierEpochs = 10;
        const TrainingReport report = Trainer::run(r);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.models.size(), 4);
    }
}

void TestResults::shot(QWidget *widget, const QString &name)
{
    QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
}

qint64 TestResults::modelOf(const QString &code, const QString &kind)
{
    QString error;
    auto study = Study::open(m_path, &error);
    if (!study)
        return 0;
    for (const TrainedModel &m : storedModels(*study, *study->participant(code)))
        if (m.model == kind)
            return m.id;
    return 0;
}

std::unique_ptr<MainWindow> TestResults::openResults()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1100, 760);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openStudy(m_path))
        return nullptr;
    window->showResults();
    ResultsPage *page = window->resultsPage();
    page->showTab(ResultsPage::Tab::Map);
    page->selectParticipant(QStringLiteral("P01"));
    page->selectEncoder(kEncoder);
    page->selectModel(modelOf(QStringLiteral("P01"), QStringLiteral("clep-pn")));
    return window;
}

void TestResults::emptyStates()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.workspace();
    QStringList names;
    for (int i = 0; i < tabs->count(); ++i)
        names << tabs->tabText(i);
    QCOMPARE(names, (QStringList{QStringLiteral("Study"), QStringLiteral("Survey"), QStringLiteral("Features"),
                                 QStringLiteral("Models"), QStringLiteral("Results")}));

    // Nothing open: each page says what comes first.
    window.showResults();
    QVERIFY(child<QLabel>(&window, "resultsStateLabel")->text().contains(QLatin1String("No study is open")));
    window.showSurveyTab();
    QVERIFY(child<QLabel>(&window, "surveyStateLabel")->text().contains(QLatin1String("No study is open")));
    QVERIFY(!child<QPushButton>(&window, "startSurveyButton")->isEnabled());

    // A study without tracks: the survey cannot start, the results need answers.
    const QString emptyPath = m_dir.filePath(QStringLiteral("empty.tastelab"));
    {
        QString error;
        StudySettings settings;
        settings.name = QStringLiteral("Empty");
        QVERIFY2(Study::create(emptyPath, settings, &error), qPrintable(error));
    }
    QVERIFY(window.openStudy(emptyPath));
    window.showSurveyTab();
    QVERIFY2(child<QLabel>(&window, "surveyStateLabel")->text().contains(QLatin1String("no tracks")),
             qPrintable(child<QLabel>(&window, "surveyStateLabel")->text()));
    QVERIFY(child<QLabel>(&window, "surveyStateLabel")->isVisible());
    QVERIFY(!child<QPushButton>(&window, "startSurveyButton")->isEnabled());
    shot(&window, QStringLiteral("survey-tab-no-tracks.png"));
    window.showResults();
    QLabel *state = child<QLabel>(&window, "resultsStateLabel");
    QVERIFY2(state->text().contains(QLatin1String("No participant has answered")), qPrintable(state->text()));
    QPushButton *go = child<QPushButton>(&window, "resultsStateButton");
    QVERIFY(go->isVisible());
    go->click();
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.surveyTab()));

    // The real study, a participant without a model: the state names them and leads to Models.
    QVERIFY(window.openStudy(m_path));
    window.showResults();
    ResultsPage *page = window.resultsPage();
    QVERIFY(page->selectParticipant(QStringLiteral("P03")));
    QCOMPARE(page->encoder(), kEncoder);
    QCOMPARE(page->modelId(), qint64(0));
    QVERIFY2(state->text().contains(QLatin1String("No model trained yet for P03")), qPrintable(state->text()));
    page->showTab(ResultsPage::Tab::Performance);
    QLabel *performanceState = child<QLabel>(&window, "performanceStateLabel");
    QVERIFY(performanceState->isVisible());
    QVERIFY(performanceState->text().contains(QLatin1String("No model trained yet for P03")));
    QVERIFY(child<QPushButton>(&window, "performanceTrainButton")->isVisible());
    QVERIFY(!page->performanceView()->modelResult());
    // The box plot across participants still shows the stored models of P01 and P02.
    QCOMPARE(page->performanceView()->comparisonBoxCount(), 4);
    shot(&window, QStringLiteral("results-empty-state.png"));

    child<QPushButton>(&window, "performanceTrainButton")->click();
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.modelsPage()));
    QCOMPARE(child<QComboBox>(&window, "participantCombo")->currentData().toString(), QStringLiteral("P03"));
    QCOMPARE(child<QComboBox>(&window, "trainEncoderCombo")->currentData().toString(), kEncoder);
}

void TestResults::surveyTab()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_path));
    window.showSurveyTab();
    SurveyTab *tab = window.surveyTab();
    QCOMPARE(tab->participantsStarted(), 3);
    QCOMPARE(tab->participantsFinished(), 3);
    QLabel *counts = child<QLabel>(&window, "surveyCountsLabel");
    QVERIFY2(counts->text().contains(QLatin1String("3 started")) && counts->text().contains(QLatin1String("3 finished")),
             qPrintable(counts->text()));
    QVERIFY(!child<QLabel>(&window, "surveyStateLabel")->isVisible());
    QPushButton *start = child<QPushButton>(&window, "startSurveyButton");
    QVERIFY(start->isEnabled());
    shot(&window, QStringLiteral("survey-tab.png"));
    start->click();
    QVERIFY(window.isSurveyActive());
    window.showStudyOverview();
    QVERIFY(!window.isSurveyActive());
    QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget *>(tab)); // back where it started
}

void TestResults::embeddingMap()
{
    auto window = openResults();
    QVERIFY(window);
    ResultsPage *page = window->resultsPage();
    EmbeddingMapView *view = page->mapView();
    EmbeddingPlot *plot = view->plot();
    QCOMPARE(page->participant(), QStringLiteral("P01"));
    QVERIFY(page->modelId() > 0);
    QVERIFY(!child<QLabel>(window.get(), "resultsStateLabel")->isVisible());

    // t-SNE runs in the background: the map arrives later, with its facts.
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    QVERIFY(!view->isComputing());
    QCOMPARE(plot->pointCount(), kClips);
    QVERIFY(plot->hasProbabilities());
    const QString info = child<QLabel>(window.get(), "mapInfoLabel")->text();
    QVERIFY2(info.contains(QLatin1String("KL divergence")), qPrintable(info));
    QVERIFY2(info.contains(QLatin1String("perplexity")), qPrintable(info)); // lowered for 12 points
    QVERIFY(plot->title().contains(QLatin1String("P01")));

    // Colour by answer (the default): red/blue with the genres as shapes.
    QCOMPARE(plot->colourBy(), EmbeddingPlot::ColourBy::Answer);
    QStringList legend = plot->legendEntries();
    QVERIFY2(legend.contains(QStringLiteral("liked")) && legend.contains(QStringLiteral("disliked")),
             qPrintable(legend.join(QLatin1Char(','))));
    QVERIFY(legend.contains(QStringLiteral("rock")));
    QVERIFY(!plot->colourScaleVisible());
    shot(page, QStringLiteral("results-map-answer.png"));

    // Hover: the tooltip names the track.
    QString error;
    auto study = Study::open(m_path, &error);
    QVERIFY2(study, qPrintable(error));
    const QPoint pixel = plot->pointPixel(0);
    QVERIFY(plot->canvas()->rect().contains(pixel));
    const int target = plot->pointAt(pixel); // point 0, or one drawn on top of it
    QVERIFY(target >= 0);
    const Track hovered = *study->track(plot->map().points[target].clip.trackId);
    QTest::mouseMove(plot->canvas(), pixel);
    QTRY_COMPARE(plot->hoveredPoint(), target);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(hovered.title.toHtmlEscaped()) && tip.contains(hovered.artist.toHtmlEscaped()), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Genre: %1").arg(hovered.genre)), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("Answer: liked")) || tip.contains(QLatin1String("Answer: disliked")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("Predicted P(like): ")), qPrintable(tip));

    // Click plays the clip through the app's player.
    QSignalSpy played(view, &EmbeddingMapView::clipPlayed);
    QSignalSpy started(window->player(), &ClipPlayer::started);
    QTest::mouseClick(plot->canvas(), Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(played.count(), 1);
    const MapPoint &clicked = plot->map().points[target];
    const Track clickedTrack = *study->track(clicked.clip.trackId);
    QCOMPARE(window->player()->currentRequest().path, study->resolveTrackPath(clickedTrack));
    QCOMPARE(window->player()->currentRequest().startSeconds, clicked.clip.startSeconds);
    QVERIFY(started.wait(10000) || started.count() > 0);
    QVERIFY(child<QLabel>(window.get(), "nowPlayingLabel")->text().contains(clickedTrack.title));
    window->player()->stop();

    // Rubber band with Shift: the points inside are listed beside the plot.
    QRect box;
    for (int i = 0; i < plot->pointCount(); ++i)
        box = box.isNull() ? QRect(plot->pointPixel(i), QSize(1, 1)) : box.united(QRect(plot->pointPixel(i), QSize(1, 1)));
    // The left half of the points.
    const QPoint from(box.left() - 6, box.top() - 6);
    const QPoint to(box.center().x(), box.bottom() + 6);
    int expected = 0;
    for (int i = 0; i < plot->pointCount(); ++i)
        expected += QRect(from, to).contains(plot->pointPixel(i));
    QVERIFY(expected > 0);
    QTest::mousePress(plot->canvas(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(plot->canvas(), (from + to) / 2);
    QTest::mouseMove(plot->canvas(), to);
    QTest::mouseRelease(plot->canvas(), Qt::LeftButton, Qt::ShiftModifier, to);
    QCOMPARE(plot->selection().size(), expected);
    QListWidget *list = child<QListWidget>(window.get(), "selectionList");
    QCOMPARE(list->count(), expected);
    const Track first = *study->track(plot->map().points[plot->selection().first()].clip.trackId);
    QVERIFY2(list->item(0)->text().contains(first.title), qPrintable(list->item(0)->text()));
    QVERIFY(child<QLabel>(window.get(), "selectionLabel")->text().contains(QString::number(expected)));
    // A plain drag pans instead.
    const double xBefore = plot->pointPixel(0).x();
    QTest::mousePress(plot->canvas(), Qt::LeftButton, Qt::NoModifier, box.center());
    QTest::mouseMove(plot->canvas(), box.center() + QPoint(20, 0));
    QTest::mouseMove(plot->canvas(), box.center() + QPoint(40, 0));
    QTest::mouseRelease(plot->canvas(), Qt::LeftButton, Qt::NoModifier, box.center() + QPoint(40, 0));
    QCOMPARE(plot->selection().size(), expected);
    QVERIFY2(std::abs(plot->pointPixel(0).x() - xBefore - 40) <= 2,
             qPrintable(QStringLiteral("%1 -> %2").arg(xBefore).arg(plot->pointPixel(0).x())));
    child<QPushButton>(window.get(), "mapResetButton")->click();

    // Colour by genre: the legend lists the genres with their colours, no answers.
    view->setColourBy(EmbeddingPlot::ColourBy::Genre);
    legend = plot->legendEntries();
    QVERIFY(!legend.contains(QStringLiteral("liked")));
    QVERIFY(legend.contains(QStringLiteral("techno")) && legend.contains(QStringLiteral("Genre")));
    shot(page, QStringLiteral("results-map-genre.png"));
    // By predicted probability: a colour scale, the shapes stay in the legend.
    view->setColourBy(EmbeddingPlot::ColourBy::Probability);
    QVERIFY(plot->colourScaleVisible());
    legend = plot->legendEntries();
    QVERIFY(!legend.contains(QStringLiteral("liked")));
    QVERIFY(legend.contains(QStringLiteral("Genre (shape)")));
    plot->clearSelection();
    QCOMPARE(list->count(), 0);
    QTest::mouseMove(plot->canvas(), QPoint(3, 3)); // away from the points
    QTRY_COMPARE(plot->hoveredPoint(), -1);
    shot(page, QStringLiteral("results-map-probability.png"));

    // Exports at publication resolution.
    const QString png = m_dir.filePath(QStringLiteral("map.png"));
    const QString svg = m_dir.filePath(QStringLiteral("map.svg"));
    const QString pdf = m_dir.filePath(QStringLiteral("map.pdf"));
    QVERIFY2(view->exportMap(QStringLiteral("png"), png, &error), qPrintable(error));
    QVERIFY2(view->exportMap(QStringLiteral("svg"), svg, &error), qPrintable(error));
    QVERIFY2(view->exportMap(QStringLiteral("pdf"), pdf, &error), qPrintable(error));
    QCOMPARE(head(png, 8), QByteArray("\x89PNG\r\n\x1a\n"));
    QImage image(png);
    QVERIFY(image.width() >= 2000); // 7.5 in at 300 dpi
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
    QVERIFY(head(svg, 400).contains("<svg"));
    QVERIFY(QFileInfo(svg).size() > 2000);
    QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
    // The figure itself, for a look (it is no screenshot: the export's own layout at 300 dpi).
    QFile::remove(QDir(m_shots).filePath(QStringLiteral("results-map-export.png")));
    QVERIFY(QFile::copy(png, QDir(m_shots).filePath(QStringLiteral("results-map-export.png"))));
    view->setColourBy(EmbeddingPlot::ColourBy::Answer);
}

void TestResults::mapSpacesOverlayAndCache()
{
    auto window = openResults();
    QVERIFY(window);
    ResultsPage *page = window->resultsPage();
    EmbeddingMapView *view = page->mapView();
    EmbeddingPlot *plot = view->plot();
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    const int cached = view->cachedMaps();

    // The CLEP-PN model's space: a new map, computed without blocking the GUI.
    view->setModelSpace(true);
    QVERIFY(view->currentRequest().modelSpace);
    QVERIFY(view->isComputing());
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    QVERIFY2(plot->map().space.contains(QLatin1String("CLEP-PN")), qPrintable(plot->map().space));
    QVERIFY(plot->title().contains(QLatin1String("CLEP-PN")));
    QCOMPARE(view->cachedMaps(), cached + 1);
    // Back to the encoder space: from the cache, at once.
    view->setModelSpace(false);
    QVERIFY(view->isCurrent());
    QVERIFY(!view->isComputing());

    // Unheard library excerpts join in grey.
    view->setIncludeUnheard(true);
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    int unheard = 0;
    for (const MapPoint &p : plot->map().points)
        unheard += p.label == -1;
    QVERIFY2(unheard > 0, qPrintable(plot->map().notice));
    QVERIFY(plot->legendEntries().contains(QStringLiteral("unheard")));
    shot(page, QStringLiteral("results-map-unheard.png"));
    view->setIncludeUnheard(false);
    QVERIFY(view->isCurrent());

    // Cancel: the job stops and says so; "Compute map" runs it again.
    page->selectParticipant(QStringLiteral("P02"));
    QVERIFY(view->isComputing());
    view->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isComputing(), kMapTimeoutMs);
    if (!view->isCurrent()) { // (the job may have finished before the cancel arrived)
        QVERIFY(child<QLabel>(window.get(), "embeddingMessageLabel")->text().contains(QLatin1String("cancelled")));
        QPushButton *run = child<QPushButton>(window.get(), "mapRunButton");
        QVERIFY(run->isVisible());
        run->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    }
    // Quick switch back to P01: cached.
    page->selectParticipant(QStringLiteral("P01"));
    QVERIFY(view->isCurrent());

    // Overlay P02 on P01 in the encoder space, coloured by participant.
    QToolButton *overlay = child<QToolButton>(window.get(), "overlayButton");
    QAction *p02 = nullptr;
    for (QAction *action : overlay->menu()->actions())
        if (action->text() == QLatin1String("P02"))
            p02 = action;
    QVERIFY(p02 && p02->isCheckable() && !p02->isChecked());
    p02->trigger();
    QCOMPARE(page->mapParticipants(), (QStringList{QStringLiteral("P01"), QStringLiteral("P02")}));
    QVERIFY(overlay->text().contains(QLatin1String("+1")));
    QCOMPARE(view->currentRequest().modelId, qint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent(), kMapTimeoutMs);
    QCOMPARE(plot->colourBy(), EmbeddingPlot::ColourBy::Participant);
    QVERIFY(plot->hasSeveralParticipants());
    QStringList legend = plot->legendEntries();
    QVERIFY(legend.contains(QStringLiteral("P01")) && legend.contains(QStringLiteral("P02")));
    QCOMPARE(plot->pointCount(), 2 * kClips);
    shot(page, QStringLiteral("results-map-overlay.png"));
    page->setOverlayParticipants({});
    QVERIFY(view->isCurrent());
    QCOMPARE(plot->colourBy(), EmbeddingPlot::ColourBy::Answer);
}

void TestResults::performance()
{
    auto window = openResults();
    QVERIFY(window);
    ResultsPage *page = window->resultsPage();
    page->showTab(ResultsPage::Tab::Performance);
    PerformanceView *view = page->performanceView();
    const qint64 id = modelOf(QStringLiteral("P01"), QStringLiteral("clep-pn"));
    QCOMPARE(page->modelId(), id);

    // The confusion matrix and the metrics equal the stored model's.
    QString error;
    auto study = Study::open(m_path, &error);
    TrainedModel stored;
    for (const TrainedModel &m : storedModels(*study, *study->participant(QStringLiteral("P01"))))
        if (m.id == id)
            stored = m;
    QCOMPARE(stored.id, id);
    QVERIFY(view->modelResult());
    const auto confusion = view->shownConfusion();
    QCOMPARE(confusion[0], stored.metrics.tp);
    QCOMPARE(confusion[1], stored.metrics.fn);
    QCOMPARE(confusion[2], stored.metrics.fp);
    QCOMPARE(confusion[3], stored.metrics.tn);
    QCOMPARE(view->metricText(QStringLiteral("accuracy")),
             QString::fromStdString(train::formatNumber(stored.metrics.accuracy)));
    QCOMPARE(view->metricText(QStringLiteral("auroc")), QString::fromStdString(train::formatNumber(stored.metrics.auroc)));
    QVERIFY(!view->modelResult()->roc.empty());
    QVERIFY(!child<QLabel>(window.get(), "performanceStateLabel")->isVisible());

    // One box per model across the two participants with models.
    QCOMPARE(view->comparisonBoxCount(), 4);
    const QStringList categories = view->comparisonCategories();
    QVERIFY2(categories.first().startsWith(QLatin1String("CLEP-PN")) && categories.first().contains(QLatin1String("n=2")),
             qPrintable(categories.join(QLatin1Char(','))));
    view->setComparisonMetric(train::Metric::Auroc);
    QCOMPARE(view->comparisonBoxCount(), 4);
    view->setComparisonMetric(train::Metric::Accuracy);
    shot(page, QStringLiteral("results-performance.png"));

    // Another model of the same participant.
    QVERIFY(page->selectModel(modelOf(QStringLiteral("P01"), QStringLiteral("logreg"))));
    QCOMPARE(view->modelResult()->model.model, QStringLiteral("logreg"));
    QVERIFY(page->selectModel(id));

    // The study-wide statistics and their exports.
    view->showBottomTab(1);
    view->setReportTable(PerformanceView::ReportTable::Medians);
    QCOMPARE(view->reportTable()->rowCount(), 4);
    view->setReportTable(PerformanceView::ReportTable::Friedman);
    QCOMPARE(view->reportTable()->rowCount(), int(train::kMetricCount));
    view->setReportTable(PerformanceView::ReportTable::Confusion);
    QCOMPARE(view->reportTable()->rowCount(), 8);
    view->setReportTable(PerformanceView::ReportTable::Medians);
    shot(page, QStringLiteral("results-statistics.png"));
    const QString folder = m_dir.filePath(QStringLiteral("report"));
    QVERIFY2(view->exportReport(folder, &error), qPrintable(error));
    for (const char *name : {"results.csv", "medians.csv", "friedman.csv", "posthoc.csv", "confusion.csv", "report.md",
                             "report.html"})
        QVERIFY2(QFileInfo(QDir(folder).filePath(QLatin1String(name))).size() > 0, name);
    const QString csv = m_dir.filePath(QStringLiteral("medians.csv"));
    QVERIFY2(view->saveReportFile(csv, &error), qPrintable(error));
    QVERIFY(head(csv, 100).startsWith("encoder,model,participants"));
    const QString md = m_dir.filePath(QStringLiteral("report.md"));
    QVERIFY2(view->saveReportFile(md, &error), qPrintable(error));
    QVERIFY(head(md, 4000).contains("CLEP-PN"));
    const QString html = m_dir.filePath(QStringLiteral("report.html"));
    QVERIFY2(view->saveReportFile(html, &error), qPrintable(error));
    QVERIFY(head(html, 200).toLower().contains("<!doctype html") || head(html, 200).toLower().contains("<html"));

    // The recommendations sub-tab lists the participant's unheard tracks (its own test,
    // tst_recommendationsview, checks the list in depth), and its Retrain request opens the Models
    // page with that participant chosen.
    page->showTab(ResultsPage::Tab::Recommendations);
    RecommendationsView *list = page->recommendationsView();
    QVERIFY(list->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!list->isBusy() && list->rowCount() > 0, 30000);
    Q_EMIT list->retrainRequested(QStringLiteral("P02"), QStringLiteral("builtin-features"));
    QTRY_VERIFY(window->modelsPage()->isVisible());
    QCOMPARE(child<QComboBox>(window.get(), "participantCombo")->currentData().toString(), QStringLiteral("P02"));
}

void TestResults::mapFeedbackRetrainsTheList()
{
    auto window = openResults();
    QVERIFY(window);
    ResultsPage *page = window->resultsPage();
    EmbeddingMapView *view = page->mapView();
    EmbeddingPlot *plot = view->plot();
    RecommendationsView *list = page->recommendationsView();
    list->setAutoRetrain(true);
    list->setRetrainDelay(200);
    const qint64 oldModel = page->modelId();
    QVERIFY(oldModel > 0);
    view->setIncludeUnheard(true);
    QTRY_VERIFY_WITH_TIMEOUT(view->isCurrent() && plot->map().points.size() > kClips, kMapTimeoutMs);

    // An unheard excerpt, and (when there is one) a clip of P01 the model predicts right.
    int unheard = -1, right = -1;
    for (int i = 0; i < plot->pointCount(); ++i) {
        const MapPoint &p = plot->map().points[i];
        const QPoint pixel = plot->pointPixel(i);
        if (!plot->canvas()->rect().contains(pixel) || plot->pointAt(pixel) != i)
            continue; // hidden under another point
        if (p.label == -1 && unheard < 0)
            unheard = i;
        if (p.participant == QLatin1String("P01") && right < 0
            && ((p.label == 1 && p.probability >= 0.5f) || (p.label == 0 && p.probability < 0.5f)))
            right = i;
    }
    QVERIFY(unheard >= 0);
    if (right >= 0) { // the model agrees with the answer: nothing to correct
        std::unique_ptr<QMenu> menu(view->createContextMenu(plot->pointPixel(right), window.get()));
        QVERIFY(menu);
        QAction *like = menu->findChild<QAction *>(QStringLiteral("mapFeedbackLikeAction"));
        QVERIFY(like && !like->isEnabled());
    }
    QString error;
    auto study = Study::open(m_path, &error);
    QVERIFY2(study, qPrintable(error));
    const qint64 trackId = plot->map().points[unheard].clip.trackId;
    const Track track = *study->track(trackId);

    // The context menu of the unheard point: "Wrong: P01 likes “Title”".
    const QPoint pixel = plot->pointPixel(unheard);
    std::unique_ptr<QMenu> menu(view->createContextMenu(pixel, window.get()));
    QVERIFY(menu);
    QAction *like = menu->findChild<QAction *>(QStringLiteral("mapFeedbackLikeAction"));
    QAction *notForMe = menu->findChild<QAction *>(QStringLiteral("mapFeedbackNotForMeAction"));
    QVERIFY(like && notForMe && like->isEnabled() && notForMe->isEnabled());
    QVERIFY2(like->text().contains(track.title) && like->text().contains(QLatin1String("P01")), qPrintable(like->text()));
    menu->popup(plot->canvas()->mapToGlobal(pixel));
    QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
    shot(menu.get(), QStringLiteral("results-map-feedback-menu.png"));
    menu->hide();

    // Triggered: saved as P01's feedback; the recommendation list (its tab not shown yet) is
    // scored, retrains, and the page picks the new model.
    QSignalSpy retrained(list, &RecommendationsView::retrained);
    like->trigger();
    const auto p01 = study->participant(QStringLiteral("P01"));
    QVector<Answer> feedback;
    for (const Answer &a : study->answers(p01->id, AnswerSources::All))
        if (a.isFeedback())
            feedback << a;
    QCOMPARE(feedback.size(), 1);
    QCOMPARE(feedback[0].trackId, trackId);
    QCOMPARE(feedback[0].value, study->settings().maxValue());
    QVERIFY2(child<QLabel>(window.get(), "nowPlayingLabel")->text().contains(QLatin1String("Saved: P01 likes")),
             qPrintable(child<QLabel>(window.get(), "nowPlayingLabel")->text()));
    QTRY_COMPARE_WITH_TIMEOUT(retrained.count(), 1, 180000);
    const qint64 newModel = retrained.first().at(2).toLongLong();
    QVERIFY(newModel > oldModel);
    QCOMPARE(page->modelId(), newModel);

    // The Recommendations tab shows what moved, the track marked as liked.
    page->showTab(ResultsPage::Tab::Recommendations);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isBusy() && list->comparison() != nullptr, 60000);
    QCOMPARE(list->result().modelId, newModel);
    QVERIFY2(list->movesText().startsWith(QLatin1String("Retrained CLEP-PN, CLEP-N on ")), qPrintable(list->movesText()));
    const RankChange *change = list->comparison()->find(trackId);
    QVERIFY(change && change->isRated() && change->rank > 0);
    bool marked = false;
    for (int row = 0; row < list->rowCount(); ++row)
        marked |= list->itemAt(row).track.id == trackId && list->itemAt(row).feedback == 1;
    QVERIFY(marked);
    shot(page, QStringLiteral("results-recommendations-after-map-feedback.png"));
}

QTEST_MAIN(TestResults)
#include "tst_results.moc"
