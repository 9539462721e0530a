// The ranked recommendation list (RecommendationsView) on a small generated study: rows are the
// unheard tracks sorted by score, the CLEP-N ordering, genre / score / text filters, playback of a
// row, feedback saved as answers with the retrain banner, M3U / CSV export, and the state texts.
// Runs offscreen and needs PulseAudio with a null sink (see tst_playback.cpp). Saves screenshots
// into $TASTELAB_SCREENSHOT_DIR.

#include "results/recommendationsview.h"
#include "playback/clipplayer.h"

#include "../common/guitest.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/training.h"

#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>

using namespace tastelab;
using test::child;

namespace {

constexpr double kClipSeconds = 2.0;
constexpr int kClips = 12;
const QString kEncoder = QStringLiteral("builtin-features");
constexpr int kMovedColumn = 8; ///< the model's column (shown before the feedback buttons)

QList<qint64> trackIds(const QVector<Recommendation> &items)
{
    QList<qint64> ids;
    for (const Recommendation &r : items)
        ids << r.track.id;
    return ids;
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// Answers every clip of a new participant: the styles in `liked` are liked.
bool answerAll(Study &study, const QString &code, quint64 seed, const QStringList &liked)
{
    QString error;
    auto session = ParticipantSession::startOrResume(study, code, {}, seed, &error);
    if (!session)
        return false;
    for (int i = 0; i < session->total(); ++i)
        if (!session->answer(i, liked.contains(session->track(i)->genre) ? 1 : 0, 1500, 0, &error))
            return false;
    return true;
}

bool trainModels(const QString &path, const QString &code, const QStringList &models)
{
    TrainingRequest r;
    r.studyPath = path;
    r.participant = code;
    r.encoder = kEncoder;
    r.models = models;
    r.settings.embedderEpochs = 5;
    r.settings.classifierEpochs = 8;
    const TrainingReport report = Trainer::run(r);
    if (!report.error.isEmpty())
        qWarning() << report.error;
    return report.error.isEmpty() && report.models.size() == models.size();
}

} // namespace

class TestRecommendationsView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noStudyNoModel();
    void listIsSortedByScore();
    void newerRequestSupersedes();
    void safeOrderingUsesClepN();
    void withoutClepNTheSafeOrderingIsOff();
    void filters();
    void playButton();
    void exports();
    void feedbackAndRetrainBanner();
    void nothingUnheardAndMissingEmbeddings();
    void wrongFeedbackRetrainsAndShowsWhatMoved();
    void retrainingCanBeCancelled();

private:
    void shot(QWidget *widget, const QString &name);
    /// Shows a view on study for the participant and waits for its list.
    void load(RecommendationsView &view, const QString &code, const QString &encoder = kEncoder);
    /// A copy of the study in which P1's CLEP-PN and CLEP-N are trained with 300/300 epochs (the
    /// retraining takes those settings, so it runs long enough to be watched).
    std::unique_ptr<Study> retrainStudy(const QString &name);

    QTemporaryDir m_dir;
    QString m_shots;
    QString m_library;
    QString m_path;        ///< P1 (CLEP-PN, CLEP-N), P2 (heard everything), P3 (CLEP-PN only), P4 (no model)
    QString m_noLibraryPath; ///< the same before the library excerpts were extracted
    std::unique_ptr<Study> m_study;
    ClipPlayer *m_player = nullptr;
};

void TestRecommendationsView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_recommendationsview"), &m_shots, &error),
             qPrintable(error));

    // 6 styles x 4 tracks; each participant hears 12 of the 24 (P2 all of them).
    m_library = m_dir.filePath(QStringLiteral("library"));
    QCOMPARE(test::generateTestLibrary(m_library, 4, 12, 14), 24);

    m_path = m_dir.filePath(QStringLiteral("recommend.tastelab"));
    m_noLibraryPath = m_dir.filePath(QStringLiteral("no-library-excerpts.tastelab"));
    const QStringList liked{QStringLiteral("techno"), QStringLiteral("rock"), QStringLiteral("chiptune")};
    {
        StudySettings s;
        s.name = QStringLiteral("Recommendations");
        s.clipSeconds = kClipSeconds;
        s.clipsPerParticipant = kClips;
        QString error;
        QVERIFY2(Study::create(m_path, s, &error), qPrintable(error));
        QCOMPARE(Importer::run({m_path, QString(), m_library + QStringLiteral("/manifest.csv")}).added, 24);
        auto study = Study::open(m_path, &error);
        QVERIFY(answerAll(*study, QStringLiteral("P1"), 3, liked));
        QVERIFY(answerAll(*study, QStringLiteral("P3"), 5, {QStringLiteral("ambient"), QStringLiteral("jazz"),
                                                            QStringLiteral("techno")}));
        QVERIFY(study->createParticipant(QStringLiteral("P4"), 9, {}));
        s.clipsPerParticipant = 24;
        QVERIFY(study->setSettings(s));
        QVERIFY(answerAll(*study, QStringLiteral("P2"), 7, liked));
    }
    // The answered clips only, the models, a copy of the study as it is now, then the library.
    ExtractionRequest r;
    r.studyPath = m_path;
    r.encoder = kEncoder;
    r.libraryExcerpts = 0;
    QVERIFY(Extractor::run(r).error.isEmpty());
    QVERIFY(trainModels(m_path, QStringLiteral("P1"), {QStringLiteral("clep-pn"), QStringLiteral("clep-n")}));
    QVERIFY(trainModels(m_path, QStringLiteral("P2"), {QStringLiteral("clep-pn")}));
    QVERIFY(trainModels(m_path, QStringLiteral("P3"), {QStringLiteral("clep-pn")}));
    QVERIFY(QFile::copy(m_path, m_noLibraryPath));
    r.libraryExcerpts = 3;
    const ExtractionReport extracted = Extractor::run(r);
    QVERIFY2(extracted.error.isEmpty(), qPrintable(extracted.error));
    QVERIFY(extracted.extracted >= 24);

    m_study = Study::open(m_path, &error);
    QVERIFY2(m_study, qPrintable(error));
    m_player = new ClipPlayer(this);
}

void TestRecommendationsView::shot(QWidget *widget, const QString &name)
{
    QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
}

void TestRecommendationsView::load(RecommendationsView &view, const QString &code, const QString &encoder)
{
    view.resize(1100, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStudy(m_study.get());
    view.setPlayer(m_player);
    view.setParticipant(code, encoder, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
}

void TestRecommendationsView::noStudyNoModel()
{
    RecommendationsView view;
    view.resize(1100, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY2(view.stateText().contains(QLatin1String("No study is open")), qPrintable(view.stateText()));
    QCOMPARE(view.rowCount(), 0);
    QVERIFY(!child<QWidget>(&view, "exportM3uButton")->isVisible());

    view.setStudy(m_study.get());
    QVERIFY(view.stateText().contains(QLatin1String("Choose a participant")));
    view.setParticipant(QStringLiteral("P4"), kEncoder, 0);
    QVERIFY(!view.isBusy()); // nothing to score: said at once
    QVERIFY2(view.stateText().contains(QLatin1String("No model trained yet for P4")), qPrintable(view.stateText()));
    QVERIFY(view.stateText().contains(QLatin1String("Models page")));
    shot(&view, QStringLiteral("results-recommendations-empty.png"));

    view.setParticipant(QStringLiteral("P1"), QStringLiteral("other-encoder"), 0);
    QVERIFY2(view.stateText().contains(QLatin1String("No model trained on other-encoder embeddings yet for P1")),
             qPrintable(view.stateText()));
    view.setParticipant(QStringLiteral("P9"), kEncoder, 0);
    QVERIFY(view.stateText().contains(QLatin1String("no participant P9")));
    view.setParticipant(QStringLiteral("P1"), kEncoder, 987654);
    QVERIFY(view.stateText().contains(QLatin1String("Model 987654")));
}

void TestRecommendationsView::listIsSortedByScore()
{
    RecommendationsView view;
    view.resize(1100, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStudy(m_study.get());
    view.setPlayer(m_player);
    view.setParticipant(QStringLiteral("P1"), kEncoder, 0);
    QVERIFY(view.isBusy()); // scored on the pool
    QVERIFY(child<QWidget>(&view, "recommendationsBusyBar")->isVisible());
    QVERIFY(view.stateText().contains(QLatin1String("Scoring")));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QVERIFY(!child<QWidget>(&view, "recommendationsBusyBar")->isVisible());

    // Rows: every track P1 has not answered, highest like probability first.
    const auto p1 = m_study->participant(QStringLiteral("P1"));
    QSet<qint64> heard;
    for (const Answer &a : m_study->answers(p1->id))
        heard.insert(a.trackId);
    const int unheard = int(m_study->tracks().size()) - int(heard.size());
    QCOMPARE(unheard, 24 - kClips);
    QVERIFY2(view.stateText().isEmpty(), qPrintable(view.stateText()));
    QCOMPARE(view.rowCount(), unheard);
    QCOMPARE(view.result().unheardTracks, unheard);
    QCOMPARE(view.result().missingEmbeddings, 0);
    QCOMPARE(view.result().model, QStringLiteral("clep-pn"));
    QVERIFY(view.result().safeModelId != 0);
    for (int row = 0; row < view.rowCount(); ++row) {
        const Recommendation r = view.itemAt(row);
        QVERIFY(!heard.contains(r.track.id));
        QCOMPARE(r.rank, row + 1);
        QCOMPARE(r.excerpts, 3);
        if (row > 0)
            QVERIFY(view.itemAt(row - 1).likeProbability >= r.likeProbability);
    }
    // The same as recommend() on this thread.
    Recommendations direct;
    QString error;
    RecommendationRequest request;
    request.participant = QStringLiteral("P1");
    QVERIFY2(recommend(*m_study, request, &direct, &error), qPrintable(error));
    QCOMPARE(trackIds(view.visibleItems()), trackIds(byLikeProbability(direct.items)));

    // The table shows rank, title, artist, genre and the scores; the model line documents the averaging.
    QTableView *table = view.table();
    QCOMPARE(table->model()->rowCount(), unheard);
    const Recommendation first = view.itemAt(0);
    QCOMPARE(table->model()->index(0, 0).data().toInt(), 1);
    QCOMPARE(table->model()->index(0, 2).data().toString(), first.track.title);
    QCOMPARE(table->model()->index(0, 3).data().toString(), first.track.artist);
    QCOMPARE(table->model()->index(0, 4).data().toString(), first.track.genre);
    QCOMPARE(table->model()->index(0, 5).data().toString(), QStringLiteral("%1 %").arg(qRound(first.likeProbability * 100)));
    QVERIFY(!table->isColumnHidden(6));
    const QString modelLine = child<QLabel>(&view, "recommendationsModelLabel")->text();
    QVERIFY2(modelLine.contains(QLatin1String("CLEP-PN")) && modelLine.contains(QLatin1String("3 excerpts")),
             qPrintable(modelLine));
    QVERIFY(child<QRadioButton>(&view, "orderByLikeRadio")->isChecked());
    QVERIFY(child<QRadioButton>(&view, "orderByRiskRadio")->isEnabled());
    QVERIFY(view.bannerText().isEmpty());
    QVERIFY(child<QLabel>(&view, "recommendationsSummaryLabel")->text().contains(QStringLiteral("%1 tracks").arg(unheard)));
    shot(&view, QStringLiteral("results-recommendations.png"));
}

void TestRecommendationsView::newerRequestSupersedes()
{
    RecommendationsView view;
    view.setStudy(m_study.get());
    QSignalSpy refreshed(&view, &RecommendationsView::refreshed);
    view.setParticipant(QStringLiteral("P3"), kEncoder, 0);
    view.setParticipant(QStringLiteral("P1"), kEncoder, 0);
    QVERIFY(view.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QTest::qWait(500); // the first job's result, if it comes later, is dropped
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(view.result().participant, QStringLiteral("P1"));
}

void TestRecommendationsView::safeOrderingUsesClepN()
{
    RecommendationsView view;
    load(view, QStringLiteral("P1"));
    const QVector<Recommendation> items = view.result().items;
    for (const Recommendation &r : items)
        QVERIFY(!std::isnan(r.dislikeRisk) && r.dislikeRisk >= 0 && r.dislikeRisk <= 1);

    QRadioButton *safe = child<QRadioButton>(&view, "orderByRiskRadio");
    QVERIFY(safe->isEnabled());
    safe->click();
    QCOMPARE(view.ordering(), RecommendationsView::Ordering::DislikeRisk);
    QCOMPARE(trackIds(view.visibleItems()), trackIds(byDislikeRisk(items)));
    for (int row = 0; row < view.rowCount(); ++row) {
        QCOMPARE(view.itemAt(row).rank, row + 1); // the place in this ordering
        if (row > 0)
            QVERIFY(view.itemAt(row - 1).dislikeRisk <= view.itemAt(row).dislikeRisk);
    }
    QCOMPARE(view.table()->model()->index(0, 6).data().toString(),
             QStringLiteral("%1 %").arg(qRound(view.itemAt(0).dislikeRisk * 100)));
    shot(&view, QStringLiteral("results-recommendations-safe.png"));

    child<QRadioButton>(&view, "orderByLikeRadio")->click();
    QCOMPARE(trackIds(view.visibleItems()), trackIds(byLikeProbability(items)));
}

void TestRecommendationsView::withoutClepNTheSafeOrderingIsOff()
{
    RecommendationsView view;
    load(view, QStringLiteral("P3"));
    QVERIFY(view.rowCount() > 0);
    QCOMPARE(view.result().safeModelId, 0);
    QRadioButton *safe = child<QRadioButton>(&view, "orderByRiskRadio");
    QVERIFY(!safe->isEnabled());
    QVERIFY2(safe->toolTip().contains(QLatin1String("train CLEP-N")), qPrintable(safe->toolTip()));
    QVERIFY(!view.setOrdering(RecommendationsView::Ordering::DislikeRisk));
    QCOMPARE(view.ordering(), RecommendationsView::Ordering::LikeProbability);
    QVERIFY(view.table()->isColumnHidden(6));
    QVERIFY(child<QLabel>(&view, "recommendationsModelLabel")->text().contains(QLatin1String("Train CLEP-N")));
    // recommend()'s own note about the missing CLEP-N is not repeated.
    QVERIFY(child<QLabel>(&view, "recommendationsNoticeLabel")->isHidden());
}

void TestRecommendationsView::filters()
{
    RecommendationsView view;
    load(view, QStringLiteral("P1"));
    const QVector<Recommendation> items = view.result().items;
    const int all = view.rowCount();

    // Genre: the combo lists "All genres" and the genres of the list.
    QComboBox *genres = child<QComboBox>(&view, "genreFilterCombo");
    QSet<QString> expected;
    for (const Recommendation &r : items)
        expected.insert(r.track.genre);
    QCOMPARE(genres->count(), int(expected.size()) + 1);
    QCOMPARE(genres->itemData(0).toString(), QString());
    const QString genre = view.itemAt(0).track.genre;
    genres->setCurrentIndex(genres->findData(genre));
    int inGenre = 0;
    for (const Recommendation &r : items)
        inGenre += r.track.genre == genre;
    QCOMPARE(view.rowCount(), inGenre);
    for (int row = 0; row < view.rowCount(); ++row)
        QCOMPARE(view.itemAt(row).track.genre, genre);
    QVERIFY(child<QLabel>(&view, "recommendationsSummaryLabel")->text().contains(
        QStringLiteral("Showing %1 of %2").arg(inGenre).arg(all)));
    genres->setCurrentIndex(0);
    QCOMPARE(view.rowCount(), all);

    // Minimum like score (spin box in percent).
    const int percent = int(std::floor(view.itemAt(all / 2).likeProbability * 100));
    child<QSpinBox>(&view, "minScoreSpin")->setValue(percent);
    int atLeast = 0;
    for (const Recommendation &r : items)
        atLeast += r.likeProbability >= percent / 100.0;
    QVERIFY(atLeast > all / 2);
    QCOMPARE(view.rowCount(), atLeast);
    for (int row = 0; row < view.rowCount(); ++row)
        QVERIFY(view.itemAt(row).likeProbability >= percent / 100.0);
    child<QSpinBox>(&view, "minScoreSpin")->setValue(0);
    QCOMPARE(view.rowCount(), all);

    // Text search in title and artist; nothing matching says so.
    QLineEdit *search = child<QLineEdit>(&view, "recommendationSearchEdit");
    const QString title = view.itemAt(all - 1).track.title;
    search->setText(title.toUpper());
    QVERIFY(view.rowCount() >= 1);
    for (int row = 0; row < view.rowCount(); ++row)
        QVERIFY(view.itemAt(row).track.title.contains(title, Qt::CaseInsensitive)
                || view.itemAt(row).track.artist.contains(title, Qt::CaseInsensitive));
    search->setText(QStringLiteral("no such track anywhere"));
    QCOMPARE(view.rowCount(), 0);
    QVERIFY(view.stateText().contains(QLatin1String("No track matches the filters")));
    QVERIFY(!child<QPushButton>(&view, "exportCsvButton")->isEnabled());
    QVERIFY(child<QWidget>(&view, "genreFilterCombo")->isVisible()); // the filters stay to be changed
    search->clear();
    QCOMPARE(view.rowCount(), all);
    QVERIFY(view.stateText().isEmpty());
    QVERIFY(child<QPushButton>(&view, "exportCsvButton")->isEnabled());
}

void TestRecommendationsView::playButton()
{
    RecommendationsView view;
    load(view, QStringLiteral("P1"));
    QVERIFY(view.rowCount() >= 2);
    QWidget *viewport = view.table()->viewport();
    const Recommendation first = view.itemAt(0);

    QSignalSpy started(m_player, &ClipPlayer::started);
    const QRect play = view.actionRect(0, RecommendationsView::Action::Play);
    QVERIFY(play.isValid() && viewport->rect().contains(play));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, play.center());
    QCOMPARE(view.playingTrack(), first.track.id);
    QVERIFY(m_player->state() == ClipPlayer::State::Loading || m_player->state() == ClipPlayer::State::Playing);
    QVERIFY(started.count() > 0 || started.wait(10000));
    QCOMPARE(m_player->state(), ClipPlayer::State::Playing);
    // The middle one of the scored excerpts.
    const ClipRequest request = m_player->currentRequest();
    QCOMPARE(request.path, m_study->resolveTrackPath(first.track));
    const QVector<ClipKey> excerpts = libraryExcerpts(first.track, kClipSeconds, 3);
    QCOMPARE(request.startSeconds, excerpts[excerpts.size() / 2].startSeconds);
    QCOMPARE(request.lengthSeconds, kClipSeconds);
    shot(&view, QStringLiteral("results-recommendations-playing.png"));

    // A second click stops.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, play.center());
    QCOMPARE(m_player->state(), ClipPlayer::State::Stopped);
    QCOMPARE(view.playingTrack(), 0);

    // Another row's button switches to that track; the clip plays to its end.
    QVERIFY(view.togglePlay(0));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, view.actionRect(1, RecommendationsView::Action::Play).center());
    QCOMPARE(view.playingTrack(), view.itemAt(1).track.id);
    QSignalSpy finished(m_player, &ClipPlayer::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(view.playingTrack(), 0);

    // Leaving the view stops its excerpt.
    QVERIFY(view.togglePlay(1));
    QCOMPARE(view.playingTrack(), view.itemAt(1).track.id);
    view.hide();
    QCOMPARE(m_player->state(), ClipPlayer::State::Stopped);
    QCOMPARE(view.playingTrack(), 0);
}

void TestRecommendationsView::exports()
{
    RecommendationsView view;
    load(view, QStringLiteral("P1"));
    const QString genre = view.itemAt(0).track.genre;
    view.setGenreFilter(genre);
    const int rows = view.rowCount();
    QVERIFY(rows >= 1 && rows < view.result().items.size());

    // M3U: the rows shown, in order.
    const QString m3u = m_dir.filePath(QStringLiteral("p1.m3u"));
    QString error;
    QVERIFY2(view.exportM3u(m3u, &error), qPrintable(error));
    QStringList lines = readLines(m3u);
    QCOMPARE(lines.size(), 1 + 2 * rows);
    QCOMPARE(lines[0], QStringLiteral("#EXTM3U"));
    for (int row = 0; row < rows; ++row) {
        const Track t = view.itemAt(row).track;
        QCOMPARE(lines[1 + 2 * row], QStringLiteral("#EXTINF:%1,%2 - %3").arg(qRound(t.durationSeconds)).arg(t.artist, t.title));
        QCOMPARE(lines[2 + 2 * row], QDir::toNativeSeparators(m_study->resolveTrackPath(t)));
        QVERIFY(QFile::exists(lines[2 + 2 * row]));
    }

    // CSV, in the safe ordering: ranks follow the ordering shown.
    view.setGenreFilter(QString());
    QVERIFY(view.setOrdering(RecommendationsView::Ordering::DislikeRisk));
    const QString csv = m_dir.filePath(QStringLiteral("p1.csv"));
    QVERIFY2(view.exportCsv(csv, &error), qPrintable(error));
    lines = readLines(csv);
    QCOMPARE(lines.size(), 1 + view.rowCount());
    QCOMPARE(lines[0], QStringLiteral("rank,title,artist,genre,like_probability,dislike_risk,excerpts,path"));
    for (int row = 0; row < view.rowCount(); ++row) {
        const Recommendation r = view.itemAt(row);
        const QStringList f = lines[1 + row].split(QLatin1Char(','));
        QCOMPARE(f.size(), 8);
        QCOMPARE(f[0], QString::number(row + 1));
        QCOMPARE(f[1], r.track.title);
        QCOMPARE(f[3], r.track.genre);
        QCOMPARE(f[4].toDouble(), std::round(r.likeProbability * 1e6) / 1e6);
        QCOMPARE(f[5].toDouble(), std::round(r.dislikeRisk * 1e6) / 1e6);
        QCOMPARE(f[6], QStringLiteral("3"));
        if (row > 0)
            QVERIFY(lines[row].split(QLatin1Char(','))[5].toDouble() <= f[5].toDouble());
    }

    // Nothing shown, nothing written.
    view.setTextFilter(QStringLiteral("no such track anywhere"));
    QVERIFY(!view.exportM3u(m_dir.filePath(QStringLiteral("empty.m3u")), &error));
    QVERIFY(error.contains(QLatin1String("nothing to export")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("empty.m3u"))));
}

void TestRecommendationsView::feedbackAndRetrainBanner()
{
    RecommendationsView view;
    view.setAutoRetrain(false); // the banner offers it instead (retraining on feedback: its own test)
    load(view, QStringLiteral("P1"));
    const auto p1 = m_study->participant(QStringLiteral("P1"));
    const auto feedbackAnswers = [&] {
        QVector<Answer> out;
        for (const Answer &a : m_study->answers(p1->id, AnswerSources::All))
            if (a.source == QLatin1String("feedback"))
                out << a;
        return out;
    };
    QVERIFY(feedbackAnswers().isEmpty());
    QVERIFY(view.bannerText().isEmpty());
    QWidget *viewport = view.table()->viewport();
    const qint64 first = view.itemAt(0).track.id;
    const qint64 second = view.itemAt(1).track.id;

    // "Like" on the first row: saved as an answer, the row marked, the banner offers retraining.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, view.actionRect(0, RecommendationsView::Action::Like).center());
    QVector<Answer> answers = feedbackAnswers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers[0].trackId, first);
    QCOMPARE(answers[0].value, 1);
    QCOMPARE(view.itemAt(0).feedback, 1);
    QCOMPARE(view.table()->model()->index(0, 7).data().toString(), QStringLiteral("Liked"));
    QVERIFY(child<QWidget>(&view, "retrainBanner")->isVisible());
    QVERIFY2(view.bannerText().startsWith(QLatin1String("1 new answer from your feedback since this model was trained")),
             qPrintable(view.bannerText()));

    // "Not for me" on the second, then changed to "Like": one answer per track.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, view.actionRect(1, RecommendationsView::Action::NotForMe).center());
    answers = feedbackAnswers();
    QCOMPARE(answers.size(), 2);
    for (const Answer &a : answers)
        QCOMPARE(a.value, a.trackId == second ? 0 : 1);
    QCOMPARE(view.itemAt(1).feedback, 0);
    QVERIFY(view.bannerText().startsWith(QLatin1String("2 new answers")));
    shot(&view, QStringLiteral("results-recommendations-feedback.png"));
    QVERIFY(view.giveFeedback(1, true));
    QCOMPARE(feedbackAnswers().size(), 2);
    QCOMPARE(view.itemAt(1).feedback, 1);
    QVERIFY(child<QLabel>(&view, "recommendationsSummaryLabel")->text().contains(QLatin1String("2 liked, 0 not for me")));
    QCOMPARE(m_study->answers(p1->id).size(), kClips); // the survey's answers are untouched

    // The keys: D on the current row marks it not for me, L likes it again.
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.table()->setFocus();
    view.table()->setCurrentIndex(view.table()->model()->index(0, 2));
    QTest::keyClick(view.table(), Qt::Key_D);
    QCOMPARE(view.itemAt(0).feedback, 0);
    QTest::keyClick(view.table(), Qt::Key_L);
    QCOMPARE(view.itemAt(0).feedback, 1);
    QCOMPARE(feedbackAnswers().size(), 2);

    QVERIFY(!view.isRetraining());
    QVERIFY(child<QPushButton>(&view, "retrainButton")->isVisible()); // "Retrain now"
    QSignalSpy retrain(&view, &RecommendationsView::retrainRequested);
    child<QPushButton>(&view, "retrainModelsPageButton")->click();
    QCOMPARE(retrain.count(), 1);
    QCOMPARE(retrain.first().at(0).toString(), QStringLiteral("P1"));
    QCOMPARE(retrain.first().at(1).toString(), kEncoder);

    // Scored again, the tracks stay in the list with their feedback. The old list stays usable
    // meanwhile, and feedback given on it is kept.
    const int rows = view.rowCount();
    view.refresh();
    QVERIFY(view.isBusy());
    QCOMPARE(view.rowCount(), rows);
    const qint64 third = view.itemAt(2).track.id;
    QVERIFY(view.giveFeedback(2, false));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QCOMPARE(view.rowCount(), rows);
    int liked = 0;
    for (int row = 0; row < view.rowCount(); ++row) {
        liked += view.itemAt(row).feedback == 1;
        if (view.itemAt(row).track.id == third)
            QCOMPARE(view.itemAt(row).feedback, 0);
    }
    QCOMPARE(liked, 2);
    QCOMPARE(feedbackAnswers().size(), 3);
    QVERIFY(view.bannerText().startsWith(QLatin1String("3 new answers")));
}

void TestRecommendationsView::nothingUnheardAndMissingEmbeddings()
{
    RecommendationsView view;
    load(view, QStringLiteral("P2"));
    QCOMPARE(view.rowCount(), 0);
    QVERIFY2(view.stateText().contains(QLatin1String("has heard every track")), qPrintable(view.stateText()));

    // Only the answered clips have embeddings: the list says where to get the rest.
    QString error;
    auto noLibrary = Study::open(m_noLibraryPath, &error);
    QVERIFY2(noLibrary, qPrintable(error));
    view.setStudy(noLibrary.get());
    QVERIFY(view.stateText().contains(QLatin1String("Choose a participant")));
    view.setParticipant(QStringLiteral("P1"), kEncoder, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QCOMPARE(view.rowCount(), 0);
    QCOMPARE(view.result().missingEmbeddings, 24 - kClips);
    QVERIFY2(view.stateText().contains(QLatin1String("extract library excerpts on the Features page")),
             qPrintable(view.stateText()));
    shot(&view, QStringLiteral("results-recommendations-no-embeddings.png"));

    view.setStudy(nullptr);
    QVERIFY(view.stateText().contains(QLatin1String("No study is open")));
}

std::unique_ptr<Study> TestRecommendationsView::retrainStudy(const QString &name)
{
    const QString path = m_dir.filePath(name);
    if (!QFile::copy(m_noLibraryPath, path))
        return nullptr;
    TrainingRequest r;
    r.studyPath = path;
    r.participant = QStringLiteral("P1");
    r.encoder = kEncoder;
    r.models = {QStringLiteral("clep-pn"), QStringLiteral("clep-n")};
    r.settings.embedderEpochs = 300;
    r.settings.classifierEpochs = 300;
    r.settings.seed = 21;
    if (!Trainer::run(r).error.isEmpty())
        return nullptr;
    ExtractionRequest e;
    e.studyPath = path;
    e.encoder = kEncoder;
    e.libraryExcerpts = 3;
    if (!Extractor::run(e).error.isEmpty())
        return nullptr;
    QString error;
    return Study::open(path, &error);
}

void TestRecommendationsView::wrongFeedbackRetrainsAndShowsWhatMoved()
{
    auto study = retrainStudy(QStringLiteral("retrain.tastelab"));
    QVERIFY(study);
    const auto p1 = study->participant(QStringLiteral("P1"));
    const QVector<TrainedModel> modelsBefore = storedModels(*study, *p1);
    const auto before = defaultRecommendationModel(modelsBefore);
    QVERIFY(before && before->model == QLatin1String("clep-pn"));

    RecommendationsView view;
    view.setAutoRetrain(true);
    view.setRetrainDelay(400);
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStudy(study.get());
    view.setPlayer(m_player);
    view.setParticipant(QStringLiteral("P1"), kEncoder, before->id);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    const int rows = view.rowCount();
    QVERIFY(rows >= 8);
    QHash<qint64, int> oldRank;
    for (int row = 0; row < rows; ++row)
        oldRank.insert(view.itemAt(row).track.id, view.itemAt(row).rank);
    QVERIFY(view.table()->isColumnHidden(kMovedColumn)); // nothing retrained yet
    QVERIFY(view.movesText().isEmpty());

    // "Wrong, I like this" on the lowest-ranked track (its Like button), then quickly "Wrong, not
    // for me" on the top one from its context menu's action: one retraining for both.
    QSignalSpy retrained(&view, &RecommendationsView::retrained);
    const Recommendation low = view.itemAt(rows - 1);
    const Recommendation top = view.itemAt(0);
    view.table()->scrollTo(view.table()->model()->index(rows - 1, 0));
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {},
                      view.actionRect(rows - 1, RecommendationsView::Action::Like).center());
    QCOMPARE(view.itemAt(rows - 1).feedback, 1);
    QVERIFY(view.isRetraining()); // waiting for more feedback
    QWidget *row = child<QWidget>(&view, "retrainRow");
    QPushButton *cancel = child<QPushButton>(&view, "cancelRetrainButton");
    QVERIFY(row->isVisible() && cancel->isVisible() && cancel->isEnabled());
    QVERIFY(view.bannerText().isEmpty()); // the row says it
    QTest::qWait(150);
    QVERIFY(view.giveFeedback(0, false));

    // The retraining runs in the background: the window keeps answering, Cancel stays enabled.
    QProgressBar *progress = child<QProgressBar>(&view, "retrainProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() == 1000 && progress->value() > 0, 30000);
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QVERIFY2(child<QLabel>(&view, "retrainLabel")->text().contains(QLatin1String("epoch")),
             qPrintable(child<QLabel>(&view, "retrainLabel")->text()));
    {
        QElapsedTimer latency;
        latency.start();
        bool fired = false;
        QTimer::singleShot(0, &view, [&fired] { fired = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fired, 1000);
        QVERIFY2(latency.elapsed() < 500, qPrintable(QString::number(latency.elapsed())));
    }
    QVERIFY(view.setOrdering(RecommendationsView::Ordering::LikeProbability)); // the list stays usable
    QCOMPARE(view.rowCount(), rows);
    shot(&view, QStringLiteral("results-recommendations-retraining.png"));

    QTRY_COMPARE_WITH_TIMEOUT(retrained.count(), 1, 180000);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && view.comparison() != nullptr, 60000);
    QTest::qWait(300);
    QCOMPARE(retrained.count(), 1); // the two answers made one retraining
    QVERIFY(!view.isRetraining());
    QVERIFY(!row->isVisible());

    // Both answers are stored; the new models (CLEP-PN for the list, CLEP-N for the risk) kept the
    // old ones' settings; the list is scored by the new CLEP-PN.
    QHash<qint64, int> feedback;
    for (const Answer &a : study->answers(p1->id, AnswerSources::All))
        if (a.isFeedback())
            feedback.insert(a.trackId, a.value);
    QCOMPARE(feedback.size(), 2);
    QCOMPARE(feedback.value(low.track.id, -1), 1);
    QCOMPARE(feedback.value(top.track.id, -1), 0);
    const qint64 newModel = retrained.first().at(2).toLongLong();
    QCOMPARE(retrained.first().at(0).toString(), QStringLiteral("P1"));
    QVERIFY(newModel > before->id);
    QCOMPARE(view.result().modelId, newModel);
    QCOMPARE(view.result().model, QStringLiteral("clep-pn"));
    const QVector<TrainedModel> modelsAfter = storedModels(*study, *p1);
    QCOMPARE(modelsAfter.size(), modelsBefore.size() + 2);
    QCOMPARE(modelsAfter[0].model, QStringLiteral("clep-n"));
    QCOMPARE(view.result().safeModelId, modelsAfter[0].id);
    QCOMPARE(modelsAfter[1].id, newModel);
    for (const TrainedModel &m : {modelsAfter[0], modelsAfter[1]}) {
        TrainingRequest stored;
        QString error;
        QVERIFY2(retrainingRequest(*study, m.id, &stored, &error), qPrintable(error));
        QCOMPARE(stored.settings.embedderEpochs, 300);
        QCOMPARE(stored.settings.classifierEpochs, 300);
        QCOMPARE(stored.settings.seed, std::uint64_t(21));
    }
    QVERIFY(view.bannerText().isEmpty()); // the new model has seen every answer

    // What moved: per row the places and the score change, against the list before.
    const RankingComparison *moved = view.comparison();
    QCOMPARE(moved->compared, rows);
    QCOMPARE(moved->ratedTracks, 2);
    QCOMPARE(moved->newTracks, 0);
    QCOMPARE(moved->removedTracks, 0);
    QVERIFY(!view.table()->isColumnHidden(kMovedColumn));
    QAbstractItemModel *model = view.table()->model();
    QCOMPARE(model->headerData(kMovedColumn, Qt::Horizontal).toString(), QStringLiteral("Moved"));
    for (int r = 0; r < view.rowCount(); ++r) {
        const Recommendation item = view.itemAt(r);
        const RankChange *c = moved->find(item.track.id);
        QVERIFY(c);
        QCOMPARE(c->rank, item.rank);
        QCOMPARE(c->previousRank, oldRank.value(item.track.id));
        const QString text = model->index(r, kMovedColumn).data().toString();
        QVERIFY2(text.startsWith(rankChangeText(*c)) && text.endsWith(scoreChangeText(*c)), qPrintable(text));
    }
    // The rated tracks stay in the list, marked.
    int marked = 0;
    for (int r = 0; r < view.rowCount(); ++r) {
        const Recommendation item = view.itemAt(r);
        if (item.track.id == low.track.id || item.track.id == top.track.id) {
            QCOMPARE(item.feedback, item.track.id == low.track.id ? 1 : 0);
            ++marked;
        }
    }
    QCOMPARE(marked, 2);
    const QString summary = view.movesText();
    QVERIFY2(summary.startsWith(QLatin1String("Retrained CLEP-PN, CLEP-N on ")) && summary.contains(QLatin1String("(2 new)"))
                 && summary.contains(QLatin1String("moved 5 or more places"))
                 && summary.contains(QLatin1String("2 rated tracks not counted")),
             qPrintable(summary));
    if (const RankChange *rise = moved->biggestRise())
        QVERIFY2(summary.contains(QStringLiteral("biggest rise: \u201C%1\u201D").arg(rise->track.title)), qPrintable(summary));
    shot(&view, QStringLiteral("results-recommendations-moved.png"));

    // The Moved header sorts by it: biggest rise first, then reversed, then back to the ordering.
    QHeaderView *header = view.table()->horizontalHeader();
    const QPoint movedHeader(header->sectionViewportPosition(kMovedColumn) + header->sectionSize(kMovedColumn) / 2,
                             header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, movedHeader);
    QCOMPARE(header->sortIndicatorSection(), kMovedColumn);
    for (int r = 1; r < view.rowCount(); ++r)
        QVERIFY(moved->find(view.itemAt(r - 1).track.id)->rankChange() >= moved->find(view.itemAt(r).track.id)->rankChange());
    shot(&view, QStringLiteral("results-recommendations-moved-sorted.png"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, movedHeader);
    for (int r = 1; r < view.rowCount(); ++r)
        QVERIFY(moved->find(view.itemAt(r - 1).track.id)->rankChange() <= moved->find(view.itemAt(r).track.id)->rankChange());
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, movedHeader);
    QCOMPARE(header->sortIndicatorSection(), 5); // the like score: the ordering again
    for (int r = 0; r < view.rowCount(); ++r)
        QCOMPARE(view.itemAt(r).rank, r + 1);

    // The safe ordering compares the CLEP-N rankings.
    QVERIFY(view.setOrdering(RecommendationsView::Ordering::DislikeRisk));
    QVERIFY(view.comparison() && view.comparison() != moved);
    QVERIFY2(view.movesText().contains(QLatin1String("lowest risk of dislike")), qPrintable(view.movesText()));

    // Another participant's list drops the comparison.
    view.setParticipant(QStringLiteral("P3"), kEncoder, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
    QVERIFY(!view.comparison());
    QVERIFY(view.table()->isColumnHidden(kMovedColumn));
    QVERIFY(view.movesText().isEmpty());
}

void TestRecommendationsView::retrainingCanBeCancelled()
{
    auto study = retrainStudy(QStringLiteral("cancel.tastelab"));
    QVERIFY(study);
    const auto p1 = study->participant(QStringLiteral("P1"));
    const int models = int(storedModels(*study, *p1).size());
    RecommendationsView view;
    view.setAutoRetrain(true);
    view.setRetrainDelay(60000); // only "Retrain now" starts it here
    view.resize(1100, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStudy(study.get());
    view.setParticipant(QStringLiteral("P1"), kEncoder, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);

    // Waiting for more feedback: Cancel drops it, the banner offers the retraining.
    QVERIFY(view.giveFeedback(view.rowCount() - 1, true));
    QVERIFY(view.isRetraining());
    child<QPushButton>(&view, "cancelRetrainButton")->click();
    QVERIFY(!view.isRetraining());
    QVERIFY2(view.bannerText().startsWith(QLatin1String("1 new answer")), qPrintable(view.bannerText()));

    // Running: Cancel stops it at the next epoch; nothing is stored, the feedback stays.
    child<QPushButton>(&view, "retrainButton")->click(); // "Retrain now"
    QVERIFY(view.isRetraining());
    QProgressBar *progress = child<QProgressBar>(&view, "retrainProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() == 1000 && progress->value() > 0, 30000);
    child<QPushButton>(&view, "cancelRetrainButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isRetraining(), 30000);
    QVERIFY2(child<QLabel>(&view, "recommendationsStatusLabel")->text().contains(QLatin1String("cancelled")),
             qPrintable(child<QLabel>(&view, "recommendationsStatusLabel")->text()));
    QCOMPARE(int(storedModels(*study, *p1).size()), models);
    QCOMPARE(feedbackSince(*study, QStringLiteral("P1"), QDateTime()), 1);
    QVERIFY(view.bannerText().startsWith(QLatin1String("1 new answer")));
    QVERIFY(!view.comparison());
}

QTEST_MAIN(TestRecommendationsView)
#include "tst_recommendationsview.moc"
