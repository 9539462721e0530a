// The GUI in Korean, offscreen: the translator built into the program loads, the main window's
// tabs and menus, the Study / Survey / Results pages, the preferences' language choice and a
// core/study error message come out in Korean; Qt's own buttons too when qt6-translations-l10n is
// installed. Switching back to English gives English plural forms. Screenshots
// (i18n-ko-*.png in $TASTELAB_SCREENSHOT_DIR) show whether Hangul renders: they need a CJK font
// (fonts-noto-cjk, see scripts/install-deps.sh). Needs PulseAudio like the other GUI tests.

#include "language.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "survey/surveywidget.h"

#include "../common/guitest.h"
#include "../common/teststudy.h"
#include "study/study.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;
using test::child;

namespace {

bool hasHangul(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    return false;
}

} // namespace

class TestI18n : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void languageChoice();
    void mainWindowInKorean();
    void pagesInKorean();
    void participantPagesInKorean();
    void preferencesInKorean();
    void coreMessagesInKorean();
    void backToEnglish();

private:
    void shot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_shots;
    QString m_studyPath;
};

void TestI18n::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_i18n"), &m_shots, &error),
             qPrintable(error));
    // Hangul needs a font that has it; without one every syllable is drawn as a box.
    QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(),
             "no font with Korean glyphs: install fonts-noto-cjk (scripts/install-deps.sh)");
    QVERIFY2(language::install(QStringLiteral("ko"), &error), qPrintable(error));
    QCOMPARE(language::current(), QStringLiteral("ko"));

    // A study with a few row-only tracks (no music files: the Study page lists them as missing)
    // and one participant who has not answered yet.
    m_studyPath = m_dir.filePath(QStringLiteral("i18n.tastelab"));
    StudySettings settings;
    settings.name = QStringLiteral("한국어 연구");
    settings.clipsPerParticipant = 6;
    settings.askAge = true;
    settings.instructions = StudySettings::defaultInstructions(); // made in Korean: ko is installed
    std::unique_ptr<Study> study = Study::create(m_studyPath, settings, &error);
    QVERIFY2(study, qPrintable(error));
    QVERIFY2(test::addRowOnlyTracks(*study, 12, 3, 60.0), qPrintable(study->lastError()));
    QVERIFY2(study->createParticipant(QStringLiteral("P001"), 7, QJsonObject()).has_value(), qPrintable(study->lastError()));
}

void TestI18n::shot(QWidget *widget, const QString &name)
{
    QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
}

void TestI18n::languageChoice()
{
    QCOMPARE(language::available().size(), 2);
    QCOMPARE(language::stored(), QString());
    QCOMPARE(language::resolve(QStringLiteral("ko")), QStringLiteral("ko"));
    QCOMPARE(language::resolve(QStringLiteral("en_GB")), QStringLiteral("en"));
    qputenv("TASTELAB_LANG", "ko");
    QCOMPARE(language::resolve(), QStringLiteral("ko"));
    QCOMPARE(language::resolve(QStringLiteral("en")), QStringLiteral("en")); // --lang wins
    qputenv("TASTELAB_LANG", "xx"); // unknown: ignored, falls through to the stored choice
    language::store(QStringLiteral("ko"));
    QCOMPARE(language::stored(), QStringLiteral("ko"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ko"));
    QCOMPARE(language::resolve(), QStringLiteral("ko"));
    qunsetenv("TASTELAB_LANG");
    language::store(QString());
    QCOMPARE(language::resolve(), language::systemLanguage());
    QString error;
    QVERIFY(!language::install(QStringLiteral("xx"), &error));
    QVERIFY(error.contains(QLatin1String("xx")));
    QVERIFY2(language::install(QStringLiteral("ko"), &error), qPrintable(error));
}

void TestI18n::mainWindowInKorean()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = child<QTabWidget>(&window, "workspaceTabs");
    QVERIFY(tabs);
    const QStringList expected{QStringLiteral("연구"), QStringLiteral("설문"), QStringLiteral("특징"),
                               QStringLiteral("모델"), QStringLiteral("결과")};
    QCOMPARE(tabs->count(), expected.size());
    for (int i = 0; i < tabs->count(); ++i)
        QCOMPARE(tabs->tabText(i), expected[i]);
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 5);
    QCOMPARE(menus.first()->text(), QStringLiteral("파일(&F)"));
    QCOMPARE(menus.last()->text(), QStringLiteral("도움말(&H)"));
    for (QAction *menu : menus)
        QVERIFY2(hasHangul(menu->text()), qPrintable(menu->text()));
    QCOMPARE(child<QPushButton>(&window, "newStudyButton")->text(), QStringLiteral("새 연구…"));
    QVERIFY(hasHangul(child<QLabel>(&window, "noStudyLabel")->text()));
    shot(&window, QStringLiteral("i18n-ko-start.png"));
}

void TestI18n::pagesInKorean()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    QCOMPARE(child<QPushButton>(&window, "startParticipantSessionButton")->text(), QStringLiteral("참여자 세션 시작"));
    const QString counts = child<QLabel>(&window, "studyCountsLabel")->text();
    QVERIFY2(counts.startsWith(QStringLiteral("트랙: 12")), qPrintable(counts));
    QVERIFY(hasHangul(child<QLabel>(&window, "missingFilesLabel")->text()));
    shot(&window, QStringLiteral("i18n-ko-study.png"));

    window.showSurveyTab();
    QCOMPARE(child<QPushButton>(&window, "startSurveyButton")->text(), QStringLiteral("설문 시작"));
    const QString plan = child<QLabel>(&window, "surveyPlanLabel")->text();
    QVERIFY2(plan.contains(QStringLiteral("최대 6개")), qPrintable(plan)); // a %n plural form
    shot(&window, QStringLiteral("i18n-ko-survey.png"));

    window.showResults();
    QCoreApplication::processEvents();
    QVERIFY(hasHangul(child<QPushButton>(&window, "resultsStateButton")->text()));
    shot(&window, QStringLiteral("i18n-ko-results.png"));
}

void TestI18n::participantPagesInKorean()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    window.startSurvey();
    SurveyWidget *survey = window.surveyWidget();
    QVERIFY(window.isSurveyActive());
    QCOMPARE(survey->step(), SurveyWidget::Step::Code);
    QCOMPARE(child<QPushButton>(&window, "startSessionButton")->text(), QStringLiteral("시작"));
    shot(&window, QStringLiteral("i18n-ko-participant-code.png"));

    QLineEdit *edit = child<QLineEdit>(&window, "participantCodeEdit");
    QTest::keyClicks(edit, QStringLiteral("P002"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(survey->step(), SurveyWidget::Step::Demographics);
    QCOMPARE(child<QPushButton>(&window, "demographicsContinueButton")->text(), QStringLiteral("계속"));
    shot(&window, QStringLiteral("i18n-ko-participant-about.png"));

    child<QPushButton>(&window, "demographicsContinueButton")->click();
    QTRY_COMPARE(survey->step(), SurveyWidget::Step::Instructions);
    const QString instructions = child<QLabel>(&window, "instructionsText")->text();
    QVERIFY2(instructions.startsWith(QStringLiteral("짧은 음악 구간을")), qPrintable(instructions));
    QVERIFY(hasHangul(child<QLabel>(&window, "keyHelpLabel")->text()));
    shot(&window, QStringLiteral("i18n-ko-participant-instructions.png"));
}

void TestI18n::preferencesInKorean()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("환경설정"));
    auto *languages = child<QComboBox>(&dialog, "languageCombo");
    QVERIFY(languages);
    QCOMPARE(languages->count(), 3);
    QCOMPARE(languages->itemText(0), QStringLiteral("시스템 기본값"));
    QCOMPARE(languages->itemText(1), QStringLiteral("English"));
    QCOMPARE(languages->itemText(2), QStringLiteral("한국어 (Korean)"));
    auto *note = child<QLabel>(&dialog, "languageNote");
    languages->setCurrentIndex(2); // Korean: what runs now, no restart needed
    QVERIFY(note->isHidden());
    languages->setCurrentIndex(1);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("새 언어는 Tastelab을 다음에 시작할 때 적용됩니다."));
    // Qt's own texts come from qtbase_ko.qm (qt6-translations-l10n) when it is installed.
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ko.qm");
    if (QFile::exists(qtbase))
        QCOMPARE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("취소"));
    else
        qWarning("%s is not installed: Qt's standard buttons stay English", qPrintable(qtbase));
    shot(&dialog, QStringLiteral("i18n-ko-preferences.png"));
    dialog.store();
    QCOMPARE(language::stored(), QStringLiteral("en"));
    language::store(QString());
}

void TestI18n::coreMessagesInKorean()
{
    StudySettings settings;
    settings.name.clear();
    QCOMPARE(settings.validate(), QStringLiteral("연구 이름이 필요합니다."));
    QCOMPARE(StudySettings::defaultAnchors(AnswerScale::LikeDislike),
             (QStringList{QStringLiteral("싫어요"), QStringLiteral("좋아요")}));
    QString error;
    QVERIFY(!Study::open(m_dir.filePath(QStringLiteral("nothing-here.tastelab")), &error));
    QVERIFY2(hasHangul(error), qPrintable(error));
}

void TestI18n::backToEnglish()
{
    QString error;
    QVERIFY2(language::install(QStringLiteral("en"), &error), qPrintable(error));
    QCOMPARE(language::current(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("tastelab::ResultsPage", "%1 (%n answer(s))", nullptr, 1),
             QStringLiteral("%1 (1 answer)"));
    QCOMPARE(QCoreApplication::translate("tastelab::ResultsPage", "%1 (%n answer(s))", nullptr, 3),
             QStringLiteral("%1 (3 answers)"));
    MainWindow window;
    QCOMPARE(child<QTabWidget>(&window, "workspaceTabs")->tabText(0), QStringLiteral("Study"));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
