// Listener mode end to end in the main window: the start page on a first start, "learn my own
// taste" on a generated music folder, rating clips with the buttons and keys while features are
// extracted and the model retrains in the background, the model certainty appearing, the ranking,
// and a second start coming back to the same library. Runs offscreen and needs PulseAudio with a
// null sink (see tst_playback.cpp). Saves screenshots into $TASTELAB_SCREENSHOT_DIR.

#include "listenerpage.h"
#include "mainwindow.h"
#include "results/recommendationsview.h"
#include "results/resultspage.h"
#include "startpage.h"
#include "studypage.h"
#include "surveytab.h"

#include "../common/guitest.h"
#include "study/listener.h"
#include "study/study.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;
using test::child;

class TestListenerPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void firstStartShowsTheTwoPaths();
    void learnMyTasteRatesAndRetrains();
    void secondStartReturnsToTheLibrary();

private:
    /// Answers the clip on screen with the button, waiting for the answers to unlock.
    bool rate(ListenerPage *page, bool like);

    QTemporaryDir m_dir;
    QString m_screenshots;
    QString m_music;
    QString m_library;
    int m_rated = 0;
};

void TestListenerPage::initTestCase()
{
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_listenerpage"),
                               &m_screenshots, &error),
             qPrintable(error));
    m_music = m_dir.filePath(QStringLiteral("My Music"));
    QVERIFY(test::generateTestLibrary(m_music, 6, 12, 14) >= 30);
}

bool TestListenerPage::rate(ListenerPage *page, bool like)
{
    auto *button = child<QPushButton>(page, like ? "listenerLikeButton" : "listenerDislikeButton");
    if (!QTest::qWaitFor([button] { return button->isEnabled(); }, 5000))
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    ++m_rated;
    return true;
}

void TestListenerPage::firstStartShowsTheTwoPaths()
{
    MainWindow window;
    window.setDataDir(m_dir.filePath(QStringLiteral("data")));
    window.show();
    window.startUp();
    QVERIFY(window.isStartShown());
    QVERIFY(child<QPushButton>(window.startPage(), "listenerFolderButton"));
    QVERIFY(child<QPushButton>(window.startPage(), "listenerDemoButton"));
    auto *studyButton = child<QPushButton>(window.startPage(), "studyWorkspaceButton");
    QVERIFY(test::saveScreenshot(&window, m_screenshots, QStringLiteral("start-page.png")));
    // "Run a study" goes to the workspace and is remembered.
    QTest::mouseClick(studyButton, Qt::LeftButton);
    QVERIFY(!window.isStartShown());
    QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget *>(window.studyPage()));
    QCOMPARE(QSettings().value(QStringLiteral("ui/mode")).toString(), QStringLiteral("study"));
    MainWindow again;
    again.startUp();
    QVERIFY(!again.isStartShown());
    QSettings().remove(QStringLiteral("ui/mode"));
}

void TestListenerPage::learnMyTasteRatesAndRetrains()
{
    MainWindow window;
    window.setDataDir(m_dir.filePath(QStringLiteral("data")));
    window.resize(1100, 760);
    window.show();
    window.startUp();
    QVERIFY(window.isStartShown());
    // The preference: no random clips after the warm-up (default 30 %).
    QSettings().setValue(QStringLiteral("listener/randomShare"), 0.0);
    window.learnMyTaste(m_music);
    QTRY_VERIFY_WITH_TIMEOUT(window.study() != nullptr, 60000);
    Study *study = window.study();
    QVERIFY(study->settings().listener);
    m_library = study->path();
    QVERIFY(m_library.startsWith(m_dir.filePath(QStringLiteral("data/libraries/My Music-"))));
    ListenerPage *page = window.listenerPage();
    QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget *>(page));
    QCOMPARE(window.workspace()->tabText(0), QStringLiteral("Rate"));
    QVERIFY(!window.workspace()->isTabVisible(window.workspace()->indexOf(window.surveyTab())));
    QCOMPARE(QSettings().value(QStringLiteral("ui/mode")).toString(), QStringLiteral("listener"));

    // Faster answers for the test (the library's default lets answers in after 2 s).
    StudySettings s = study->settings();
    s.minListenSeconds = 0.0;
    QVERIFY(study->setSettings(s));

    QVERIFY(page->session());
    QVERIFY(page->currentPick());
    QVERIFY(child<QLabel>(page, "listenerReason")->text().contains(QStringLiteral("random clip (1 of 20)")));
    // Answering is locked until the listening time has passed.
    QVERIFY(!child<QPushButton>(page, "listenerLikeButton")->isEnabled());
    // The listener likes every other style (in name order): about half the clips.
    QStringList styles;
    for (const Track &t : study->tracks())
        if (!styles.contains(t.genre))
            styles << t.genre;
    styles.sort();
    auto likes = [&] { return styles.indexOf(page->currentPick()->track.genre) % 2 == 0; };

    for (int i = 0; i < 6; ++i)
        QVERIFY(rate(page, likes()));
    // The keys work too: L likes, D dislikes, S skips (nothing stored).
    const int position = page->currentPick()->clip.position;
    QTest::keyClick(page, Qt::Key_S);
    QVERIFY(page->currentPick()->clip.position != position);
    QVERIFY(QTest::qWaitFor([&] { return child<QPushButton>(page, "listenerLikeButton")->isEnabled(); }, 5000));
    QTest::keyClick(page, likes() ? Qt::Key_L : Qt::Key_D);
    ++m_rated;
    QTRY_COMPARE(page->session()->rating().answered(), 7);
    QVERIFY(child<QLabel>(page, "listenerCounts")->text().startsWith(QStringLiteral("Rated 7 of ")));
    QVERIFY(child<QLabel>(page, "listenerCertaintyLabel")->text().contains(QStringLiteral("13 more random")));
    QVERIFY(!child<QPushButton>(page, "listenerRankingButton")->isEnabled());
    QVERIFY(test::saveScreenshot(&window, m_screenshots, QStringLiteral("listener-warmup.png")));

    while (m_rated < 20)
        QVERIFY(rate(page, likes()));
    QCOMPARE(study->answers(page->session()->rating().listener().id).size(), 20);
    // The first model trains in the background; the page stays usable meanwhile.
    bool ratedWhileTraining = false;
    QElapsedTimer clock;
    clock.start();
    while (!page->session()->rating().hasModel() && clock.elapsed() < 180000) {
        if (page->session()->isTraining() && !ratedWhileTraining) {
            QVERIFY(rate(page, likes()));
            ratedWhileTraining = true;
        } else if (!page->session()->isTraining() && !page->session()->isExtracting() && m_rated < 30) {
            // The answers so far could not train a model (e.g. fewer than 4 likes by chance): the
            // next answer tries again, as for a real listener.
            QVERIFY(rate(page, likes()));
        }
        QTest::qWait(50);
    }
    QVERIFY2(page->session()->rating().hasModel(), "no model after 3 minutes");
    QVERIFY(ratedWhileTraining);
    QTRY_VERIFY(child<QPushButton>(page, "listenerRankingButton")->isEnabled());
    QVERIFY(child<QProgressBar>(page, "listenerCertainty")->value() > 0);
    QVERIFY(child<QWidget>(page, "listenerCertaintyCurve")->isVisible());
    QVERIFY(!page->session()->certaintyHistory().isEmpty()); // the points of that curve
    QVERIFY(child<QLabel>(page, "listenerCertaintyLabel")->text().contains(QStringLiteral("held-out answers right")));
    QVERIFY(page->session()->rating().hasJudge());

    // After the warm-up every clip is one the judge is least sure about (random share 0); the clip
    // on screen may have been drawn before the first judge was in, so skip it.
    QTest::keyClick(page, Qt::Key_S);
    int unsure = 0;
    for (int i = 0; i < 8; ++i) {
        if (!page->currentPick()->random) {
            ++unsure;
            QVERIFY(child<QLabel>(page, "listenerReason")->text().contains(QStringLiteral("least sure about")));
        }
        QVERIFY(rate(page, likes()));
    }
    QCOMPARE(unsure, 8);
    QSettings().remove(QStringLiteral("listener/randomShare"));
    QVERIFY(test::saveScreenshot(&window, m_screenshots, QStringLiteral("listener-rate.png")));

    // The ranking: the recommendation list of the listener's unrated tracks.
    QTest::mouseClick(child<QPushButton>(page, "listenerRankingButton"), Qt::LeftButton);
    QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget *>(window.resultsPage()));
    QCOMPARE(window.resultsPage()->participant(), listenerCode());
    auto *table = window.resultsPage()->recommendationsView()->findChild<QTableView *>();
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(table->model() && table->model()->rowCount() > 0, 60000);
    QVERIFY(test::saveScreenshot(&window, m_screenshots, QStringLiteral("listener-ranking.png")));
}

void TestListenerPage::secondStartReturnsToTheLibrary()
{
    QVERIFY(!m_library.isEmpty());
    MainWindow window;
    window.setDataDir(m_dir.filePath(QStringLiteral("data")));
    window.show();
    window.startUp();
    QVERIFY(window.study());
    QCOMPARE(window.study()->path(), m_library);
    QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget *>(window.listenerPage()));
    QCOMPARE(window.listenerPage()->session()->rating().answered(), m_rated);
    QVERIFY(window.listenerPage()->session()->rating().hasModel());
    // Choosing the same folder again reopens the library instead of making a new one.
    window.closeStudy();
    window.learnMyTaste(m_music);
    QVERIFY(window.study());
    QCOMPARE(window.study()->path(), m_library);
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("data/libraries"))).entryList({QStringLiteral("*.tastelab")}).size(), 1);
}

QTEST_MAIN(TestListenerPage)
#include "tst_listenerpage.moc"
