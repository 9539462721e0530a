// End-to-end GUI test: new-study wizard, survey driven with the keyboard, resume, Likert keys,
// a missing file. Runs offscreen and needs PulseAudio with a null sink (see tst_playback.cpp).
// Saves a screenshot of every page into $TASTELAB_SCREENSHOT_DIR.

#include "mainwindow.h"
#include "featurespage.h"
#include "modelspage.h"
#include "newstudywizard.h"
#include "preferencesdialog.h"
#include "studypage.h"
#include "survey/clippage.h"
#include "survey/surveywidget.h"

#include "audio/demolibrary.h"
#include "../common/guitest.h"
#include "study/embeddingstore.h"
#include "study/extraction.h"
#include "study/importer.h"
#include "study/training.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/studyfile.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QMessageBox>
#include <QTimer>
#include <QRadioButton>
#include <QComboBox>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;
using test::child;

namespace {

constexpr int kClips = 5;
constexpr double kClipSeconds = 2.0;
constexpr int kUnlockTimeoutMs = 15000;

} // namespace

class TestGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardCreatesStudy();
    void studyFileChangedAsksForConfirmation();
    void surveyWithKeyboard();
    void resumeAfterClosing();
    void likertWithNumberKeys();
    void missingFilePausesSession();
    void studyOverview();
    void stationNumberOnStudyPage();
    void featuresPage();
    void modelsPage();
    void preferences();

private:
    void shot(QWidget *widget, const QString &name);
    /// Opens the study in window, starts the survey and enters code; returns the survey widget.
    SurveyWidget *enterCode(MainWindow &window, const QString &studyPath, const QString &code);
    /// Waits for the clip at position to unlock and answers it with key.
    void answerWithKey(SurveyWidget *survey, int position, Qt::Key key, const char *unlockButton);

    QTemporaryDir m_dir;
    QString m_library;
    QString m_shots;
    QString m_studyPath;
    QString m_likertPath;
    int m_trackCount = 0;
};

void TestGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_gui"), &m_shots, &error),
             qPrintable(error));
    qInfo() << "screenshots go to" << m_shots;

    m_library = m_dir.filePath(QStringLiteral("library"));
    m_trackCount = test::generateTestLibrary(m_library, 2, 12, 14);
    QVERIFY(m_trackCount >= 10);
}

void TestGui::shot(QWidget *widget, const QString &name)
{
    QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
}

void TestGui::wizardCreatesStudy()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    shot(&window, QStringLiteral("main-window-empty.png"));

    NewStudyWizard *wizard = window.newStudy();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::NamePage));

    // (a) name and file
    m_studyPath = m_dir.filePath(QStringLiteral("taste-test.tastelab"));
    child<QLineEdit>(wizard, "studyNameEdit")->setText(QStringLiteral("Taste test"));
    QLineEdit *file = child<QLineEdit>(wizard, "studyFileEdit");
    QVERIFY(file->text().endsWith(QLatin1String("taste-test.tastelab"))); // suggested from the name
    file->setText(m_studyPath);
    shot(wizard, QStringLiteral("wizard-1-name.png"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::SourcePage));
    QVERIFY(QFile::exists(m_studyPath));
    QCOMPARE(wizard->studyPath(), m_studyPath);

    // (b) music source
    QVERIFY(child<QRadioButton>(wizard, "folderRadio")->isChecked());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    child<QLineEdit>(wizard, "musicFolderEdit")->setText(m_library);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(child<QDoubleSpinBox>(wizard, "clipLengthSpin")->value(), 10.0);
    child<QDoubleSpinBox>(wizard, "clipLengthSpin")->setValue(kClipSeconds); // before the import
    shot(wizard, QStringLiteral("wizard-2-source.png"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::ImportPage));

    // (c) import
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 120000);
    QVERIFY(!wizard->isImportRunning());
    QCOMPARE(wizard->importReport().added, m_trackCount);
    QVERIFY(child<QPlainTextEdit>(wizard, "importReport")->toPlainText().size() > 0);
    QVERIFY(child<QPushButton>(wizard, "copyReportButton")->isEnabled());
    shot(wizard, QStringLiteral("wizard-3-import.png"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::ClipPlanPage));

    // (d) clip plan
    QVERIFY(child<QLabel>(wizard, "clipLengthLabel")->text().startsWith(QStringLiteral("%1 s").arg(kClipSeconds)));
    QCOMPARE(child<QSpinBox>(wizard, "clipsPerParticipantSpin")->value(), 200);
    QLabel *preview = child<QLabel>(wizard, "planPreviewLabel");
    QVERIFY2(preview->text().contains(QStringLiteral("Clips per participant: %1 ").arg(m_trackCount)), // one per track
             qPrintable(preview->text()));
    child<QSpinBox>(wizard, "clipsPerParticipantSpin")->setValue(kClips);
    QVERIFY2(preview->text().contains(QStringLiteral("Clips per participant: %1 ").arg(kClips)), qPrintable(preview->text()));
    shot(wizard, QStringLiteral("wizard-4-clip-plan.png"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::ScalePage));

    // (e) answer scale: like/dislike (the default)
    QVERIFY(child<QRadioButton>(wizard, "scaleLikeDislikeRadio")->isChecked());
    QCOMPARE(child<QLineEdit>(wizard, "anchorEdit1")->text(), QStringLiteral("Like"));
    shot(wizard, QStringLiteral("wizard-5-scale.png"));
    wizard->next();
    // Design, pages, listening rules, loudness & quality: the defaults (tst_studyoptions sets them);
    // the buttons unlock after the whole clip.
    for (const int page : {NewStudyWizard::DesignPage, NewStudyWizard::PagesPage, NewStudyWizard::RulesPage,
                           NewStudyWizard::LoudnessQualityPage}) {
        QCOMPARE(wizard->currentId(), page);
        if (page == NewStudyWizard::RulesPage)
            QVERIFY(child<QCheckBox>(wizard, "wholeClipCheck")->isChecked());
        wizard->next();
    }
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::InstructionsPage));

    // (f) instructions and demographics
    QCOMPARE(child<QPlainTextEdit>(wizard, "instructionsEdit")->toPlainText(), StudySettings::defaultInstructions());
    child<QCheckBox>(wizard, "askAgeCheck")->setChecked(true);
    child<QPlainTextEdit>(wizard, "demographicFieldsEdit")->setPlainText(QStringLiteral("Favourite genre\n"));
    shot(wizard, QStringLiteral("wizard-6-instructions.png"));
    QVERIFY(wizard->button(QWizard::FinishButton)->isVisible());
    wizard->button(QWizard::FinishButton)->click();

    QTRY_VERIFY(window.study() != nullptr);
    QCOMPARE(window.study()->path(), m_studyPath);
    const StudySettings settings = window.study()->settings();
    QCOMPARE(settings.name, QStringLiteral("Taste test"));
    QCOMPARE(settings.clipSeconds, kClipSeconds);
    QCOMPARE(settings.clipsPerParticipant, kClips);
    QCOMPARE(settings.scale, AnswerScale::LikeDislike);
    QCOMPARE(settings.minListenSeconds, -1.0);
    QVERIFY(settings.askAge);
    QCOMPARE(settings.demographicFields, QStringList{QStringLiteral("Favourite genre")});
    QCOMPARE(window.study()->tracks().size(), m_trackCount);
    // The wizard wrote the study file next to the study, with the settings chosen.
    const QString studyFile = StudyFile::defaultPathFor(m_studyPath);
    QCOMPARE(window.study()->studyFilePath(), studyFile);
    const StudyFile::Result written = StudyFile::read(studyFile);
    QVERIFY2(written.ok, qPrintable(written.errorText()));
    QVERIFY(written.settings == settings);
    QCOMPARE(window.study()->studyFileHash(), written.hash);
    QCOMPARE(window.study()->checkStudyFile().state, Study::StudyFileState::Unchanged);
    shot(&window, QStringLiteral("study-overview-new.png"));
}

void TestGui::studyFileChangedAsksForConfirmation()
{
    // A study with data: the researcher edits its study file and opens the study again.
    QTemporaryDir dir;
    StudySettings s;
    s.name = QStringLiteral("Edited study");
    s.clipsPerParticipant = 3;
    QString error;
    const QString path = dir.filePath(QStringLiteral("edited.tastelab"));
    {
        auto study = Study::create(path, s, &error);
        QVERIFY2(study, qPrintable(error));
        Track t;
        t.path = dir.filePath(QStringLiteral("a.flac"));
        t.contentHash = QStringLiteral("a");
        t.relativePath = QStringLiteral("a.flac");
        t.title = t.artist = t.genre = QStringLiteral("a");
        t.format = QStringLiteral("FLAC");
        t.sampleRate = 44100;
        t.channels = 2;
        t.durationSeconds = 60;
        QVERIFY(study->addTrack(t) > 0);
        QVERIFY(study->writeStudyFile(StudyFile::defaultPathFor(path)));
        QVERIFY(study->createParticipant(QStringLiteral("P1"), 1, {}));
    }
    const QString file = StudyFile::defaultPathFor(path);
    QByteArray text = StudyFile::serialize(s, StudyFile::Format::Json);
    auto edit = [&](const QByteArray &from, const QByteArray &to) {
        text.replace(from, to);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    edit("\"Edited study\"", "\"Edited study, version 2\"");

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // First "Keep the recorded version", then (on reload) "Use the new version".
    QString recorded;
    bool answered = false;
    auto answer = [&](const char *button, const QString &shotName) {
        QTimer::singleShot(0, this, [&, button, shotName] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QCOMPARE(box->objectName(), QStringLiteral("studyFileChangedBox"));
            QVERIFY(box->text().contains(QStringLiteral("changed after data collection began")));
            shot(box, shotName);
            child<QPushButton>(box, button)->click();
            answered = true;
        });
    };
    answer("keepStudyFileButton", QStringLiteral("study-file-changed.png"));
    QVERIFY(window.openStudy(path));
    QVERIFY(answered);
    QCOMPARE(window.study()->settings().name, QStringLiteral("Edited study"));
    recorded = window.study()->studyFileHash();
    QCOMPARE(window.study()->studyFileVersions().size(), 1);

    answered = false;
    answer("useNewStudyFileButton", QStringLiteral("study-file-changed-again.png"));
    QVERIFY(window.reloadStudyFile(true));
    QVERIFY(answered);
    QCOMPARE(window.study()->settings().name, QStringLiteral("Edited study, version 2"));
    QVERIFY(window.study()->studyFileHash() != recorded);
    QCOMPARE(window.study()->studyFileVersions().size(), 2);
    QCOMPARE(window.windowTitle(), QStringLiteral("Edited study, version 2 — Tastelab"));

    // A broken edit: reported with its line, the recorded version stays.
    edit("\"clipSeconds\": 10", "\"clipSeconds\": \"ten\"");
    QVERIFY(!window.reloadStudyFile(true));
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("errorMessageBox"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("edited.study.json:5: 'clipSeconds' must be a number, not 'ten'")), qPrintable(box->text()));
    shot(box, QStringLiteral("study-file-invalid.png"));
    box->close();
}

SurveyWidget *TestGui::enterCode(MainWindow &window, const QString &studyPath, const QString &code)
{
    if (!window.study() || window.study()->path() != studyPath) {
        if (!window.openStudy(studyPath))
            return nullptr;
    }
    window.startSurvey();
    SurveyWidget *survey = window.surveyWidget();
    if (!window.isSurveyActive() || survey->step() != SurveyWidget::Step::Code)
        return nullptr;
    QLineEdit *edit = child<QLineEdit>(&window, "participantCodeEdit");
    QTest::keyClicks(edit, code);
    QTest::keyClick(edit, Qt::Key_Return);
    return survey;
}

void TestGui::answerWithKey(SurveyWidget *survey, int position, Qt::Key key, const char *unlockButton)
{
    QTRY_COMPARE(survey->currentPosition(), position);
    QPushButton *button = child<QPushButton>(survey, unlockButton);
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), kUnlockTimeoutMs);
    QTest::keyClick(survey->clipPage(), key);
}

void TestGui::surveyWithKeyboard()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    window.startSurvey();
    SurveyWidget *survey = window.surveyWidget();
    QCOMPARE(survey->step(), SurveyWidget::Step::Code);

    // Code page.
    QLineEdit *code = child<QLineEdit>(&window, "participantCodeEdit");
    QTest::keyClicks(code, QStringLiteral("P001"));
    shot(&window, QStringLiteral("survey-1-code.png"));
    QTest::keyClick(code, Qt::Key_Return);

    // Demographics: asked because the study asks and P001 is new.
    QCOMPARE(survey->step(), SurveyWidget::Step::Demographics);
    child<QSpinBox>(&window, "ageSpin")->setValue(34);
    child<QLineEdit>(&window, "demographicField0")->setText(QStringLiteral("jazz"));
    shot(&window, QStringLiteral("survey-2-demographics.png"));
    child<QPushButton>(&window, "demographicsContinueButton")->click();

    // Instructions.
    QCOMPARE(survey->step(), SurveyWidget::Step::Instructions);
    QVERIFY(child<QLabel>(&window, "instructionsText")->text().contains(QStringLiteral("shuffle")));
    QVERIFY(!child<QLabel>(&window, "resumeLabel")->isVisible());
    shot(&window, QStringLiteral("survey-3-instructions.png"));
    child<QPushButton>(&window, "beginClipsButton")->click();
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QVERIFY(survey->session());
    QCOMPARE(survey->session()->total(), kClips);

    ClipPage *page = survey->clipPage();
    QPushButton *like = child<QPushButton>(&window, "likeButton");
    QPushButton *dislike = child<QPushButton>(&window, "dislikeButton");
    QLabel *progress = child<QLabel>(&window, "progressLabel");

    const Qt::Key keys[kClips] = {Qt::Key_L, Qt::Key_D, Qt::Key_Right, Qt::Key_Left, Qt::Key_L};
    const int values[kClips] = {1, 0, 1, 0, 1};
    for (int i = 0; i < kClips; ++i) {
        QCOMPARE(survey->currentPosition(), i);
        QCOMPARE(progress->text(), QStringLiteral("%1 / %2").arg(i + 1).arg(kClips));
        // Locked until the whole 2 s clip has played: a key press now is ignored.
        QVERIFY(!like->isEnabled());
        QVERIFY(!dislike->isEnabled());
        QTest::keyClick(page, keys[i]);
        QCOMPARE(survey->session()->answeredCount(), i);
        if (i == 0) {
            QTest::qWait(400);
            shot(&window, QStringLiteral("survey-4-clip-listening.png"));
        }
        if (i == 2) {
            // Pause covers the clip; keys do not answer; resume plays the clip from the start.
            QTest::qWait(300);
            child<QPushButton>(&window, "pauseButton")->click();
            QVERIFY(page->isCovered());
            shot(&window, QStringLiteral("survey-6-paused.png"));
            QTest::keyClick(page, Qt::Key_L);
            QCOMPARE(survey->session()->answeredCount(), i);
            child<QPushButton>(&window, "resumeButton")->click();
            QVERIFY(!page->isCovered());
        }
        QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
        QVERIFY(window.player()->playedSeconds() >= kClipSeconds - 0.1);
        if (i == 0)
            shot(&window, QStringLiteral("survey-5-clip-answer.png"));
        if (i == 1) {
            QTest::keyClick(page, Qt::Key_R); // replay once; counted with the answer
            QCOMPARE(window.player()->state(), ClipPlayer::State::Playing);
            QVERIFY(like->isEnabled()); // stays unlocked during a replay
        }
        QTest::keyClick(page, keys[i]);
        QTRY_COMPARE(survey->session() ? survey->session()->answeredCount() : kClips, i + 1);
    }
    QCOMPARE(survey->step(), SurveyWidget::Step::Finished);
    QVERIFY(child<QLabel>(&window, "finishSummaryLabel")->text().contains(QString::number(kClips)));
    shot(&window, QStringLiteral("survey-7-finish.png"));

    // What is in the file.
    QString error;
    std::unique_ptr<Study> study = Study::open(m_studyPath, &error);
    QVERIFY2(study, qPrintable(error));
    const auto participant = study->participant(QStringLiteral("P001"));
    QVERIFY(participant);
    QCOMPARE(participant->demographics.value(QStringLiteral("age")).toInt(), 34);
    QCOMPARE(participant->demographics.value(QStringLiteral("Favourite genre")).toString(), QStringLiteral("jazz"));
    QVERIFY(participant->finishedAt.isValid());
    const QVector<Answer> answers = study->answers(participant->id);
    QCOMPARE(answers.size(), kClips);
    const QVector<Clip> plan = study->plan(participant->id);
    for (const Answer &answer : answers) {
        QVERIFY(answer.position >= 0 && answer.position < kClips);
        QCOMPARE(answer.value, values[answer.position]);
        QCOMPARE(answer.trackId, plan.at(answer.position).trackId);
        QCOMPARE(answer.scale, AnswerScale::LikeDislike);
        QVERIFY2(answer.responseMs > 1000, qPrintable(QString::number(answer.responseMs))); // >= clip length
        QCOMPARE(answer.replays, answer.position == 1 ? 1 : 0);
    }

    child<QPushButton>(&window, "finishLeaveButton")->click();
    QVERIFY(!window.isSurveyActive());
}

void TestGui::resumeAfterClosing()
{
    {
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        SurveyWidget *survey = enterCode(*window, m_studyPath, QStringLiteral("P002"));
        QVERIFY(survey);
        QCOMPARE(survey->step(), SurveyWidget::Step::Demographics);
        child<QPushButton>(window.get(), "demographicsContinueButton")->click(); // all left empty
        child<QPushButton>(window.get(), "beginClipsButton")->click();
        answerWithKey(survey, 0, Qt::Key_L, "likeButton");
        answerWithKey(survey, 1, Qt::Key_D, "likeButton");
        QTRY_COMPARE(survey->currentPosition(), 2); // the third clip is playing
        window->close();
    } // the window is gone, mid-clip

    {
        QString error;
        std::unique_ptr<Study> study = Study::open(m_studyPath, &error);
        QVERIFY2(study, qPrintable(error));
        const auto participant = study->participant(QStringLiteral("P002"));
        QVERIFY(participant);
        QCOMPARE(study->answers(participant->id).size(), 2);
        QVERIFY(participant->demographics.isEmpty());
    }

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SurveyWidget *survey = enterCode(window, m_studyPath, QStringLiteral("P002"));
    QVERIFY(survey);
    // A known participant is not asked the demographics again.
    QCOMPARE(survey->step(), SurveyWidget::Step::Instructions);
    QLabel *resume = child<QLabel>(&window, "resumeLabel");
    QVERIFY(resume->isVisible());
    QVERIFY2(resume->text().contains(QStringLiteral("Resuming at clip 3 of %1").arg(kClips)), qPrintable(resume->text()));
    shot(&window, QStringLiteral("survey-resume.png"));
    child<QPushButton>(&window, "beginClipsButton")->click();
    QCOMPARE(survey->currentPosition(), 2);
    QCOMPARE(child<QLabel>(&window, "progressLabel")->text(), QStringLiteral("3 / %1").arg(kClips));
    for (int position = 2; position < kClips; ++position)
        answerWithKey(survey, position, Qt::Key_Left, "likeButton");
    QTRY_COMPARE(survey->step(), SurveyWidget::Step::Finished);

    QString error;
    std::unique_ptr<Study> study = Study::open(m_studyPath, &error);
    QVERIFY2(study, qPrintable(error));
    const QVector<Answer> answers = study->answers(study->participant(QStringLiteral("P002"))->id);
    QCOMPARE(answers.size(), kClips);
    for (const Answer &answer : answers)
        QCOMPARE(answer.value, answer.position == 0 ? 1 : 0);

    // The same code again: nothing left to do.
    window.showStudyOverview();
    survey = enterCode(window, m_studyPath, QStringLiteral("P002"));
    QVERIFY(survey);
    QCOMPARE(survey->step(), SurveyWidget::Step::Code);
    QVERIFY(child<QLabel>(&window, "codeMessageLabel")->text().contains(QStringLiteral("already answered")));
}

void TestGui::likertWithNumberKeys()
{
    // A second study, set up without the wizard: 5-point Likert with custom anchors, and the
    // buttons unlocking after 1 s.
    m_likertPath = m_dir.filePath(QStringLiteral("likert.tastelab"));
    {
        StudySettings settings;
        settings.name = QStringLiteral("Likert test");
        settings.clipSeconds = kClipSeconds;
        settings.clipsPerParticipant = kClips;
        settings.scale = AnswerScale::Likert5;
        settings.anchors = QStringList{QStringLiteral("Hate it"), QStringLiteral("Not for me"), QStringLiteral("Fine"),
                                       QStringLiteral("Nice"), QStringLiteral("Love it")};
        settings.minListenSeconds = 1.0;
        QString error;
        std::unique_ptr<Study> study = Study::create(m_likertPath, settings, &error);
        QVERIFY2(study, qPrintable(error));
        ImportRequest request;
        request.studyPath = m_likertPath;
        request.folder = m_library;
        const ImportReport report = Importer::run(request);
        QCOMPARE(report.added, m_trackCount);
    }

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SurveyWidget *survey = enterCode(window, m_likertPath, QStringLiteral("L001"));
    QVERIFY(survey);
    QCOMPARE(survey->step(), SurveyWidget::Step::Instructions); // no demographics asked
    QVERIFY(child<QLabel>(&window, "keyHelpLabel")->text().contains(QStringLiteral("1 to 5")));
    child<QPushButton>(&window, "beginClipsButton")->click();
    QVERIFY(child<QPushButton>(&window, "answerButton5")->text().contains(QStringLiteral("Love it")));

    const Qt::Key keys[kClips] = {Qt::Key_5, Qt::Key_1, Qt::Key_3, Qt::Key_4, Qt::Key_2};
    for (int i = 0; i < kClips; ++i) {
        QTRY_COMPARE(survey->currentPosition(), i);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(&window, "answerButton1")->isEnabled(), kUnlockTimeoutMs);
        // Unlocked after 1 s of listening, while the 2 s clip still plays.
        QCOMPARE(window.player()->state(), ClipPlayer::State::Playing);
        QVERIFY(window.player()->playedSeconds() >= 0.9);
        if (i == 0)
            shot(&window, QStringLiteral("survey-clip-likert.png"));
        QTest::keyClick(survey->clipPage(), Qt::Key_6); // not on a 5-point scale
        QTest::keyClick(survey->clipPage(), keys[i]);
    }
    QTRY_COMPARE(survey->step(), SurveyWidget::Step::Finished);

    QString error;
    std::unique_ptr<Study> study = Study::open(m_likertPath, &error);
    QVERIFY2(study, qPrintable(error));
    const QVector<Answer> answers = study->answers(study->participant(QStringLiteral("L001"))->id);
    QCOMPARE(answers.size(), kClips);
    const int values[kClips] = {5, 1, 3, 4, 2};
    for (const Answer &answer : answers) {
        QCOMPARE(answer.scale, AnswerScale::Likert5);
        QCOMPARE(answer.value, values[answer.position]);
        QVERIFY(answer.responseMs > 500);
    }
}

void TestGui::missingFilePausesSession()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SurveyWidget *survey = enterCode(window, m_likertPath, QStringLiteral("M001"));
    QVERIFY(survey);
    QCOMPARE(survey->step(), SurveyWidget::Step::Instructions);

    // Move the first clip's file away before the participant starts.
    QString error;
    const QString file = survey->session()->clipFile(0, &error);
    QVERIFY2(!file.isEmpty(), qPrintable(error));
    const QString moved = file + QStringLiteral(".moved");
    QVERIFY(QFile::rename(file, moved));
    auto restore = qScopeGuard([&] { QFile::rename(moved, file); });

    child<QPushButton>(&window, "beginClipsButton")->click();
    ClipPage *page = survey->clipPage();
    QVERIFY(page->isCovered());
    const QString message = child<QLabel>(&window, "pauseMessage")->text();
    QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
    shot(&window, QStringLiteral("survey-problem.png"));
    QTest::keyClick(page, Qt::Key_3);
    QCOMPARE(survey->session()->answeredCount(), 0);

    // Put it back, and make the second clip's file corrupt before the first one starts (the
    // player decodes the next clip ahead while the current one plays).
    restore.dismiss();
    QVERIFY(QFile::rename(moved, file));
    const QString next = survey->session()->clipFile(1, &error);
    QVERIFY2(!next.isEmpty(), qPrintable(error));
    const QString backup = next + QStringLiteral(".bak");
    QVERIFY(QFile::rename(next, backup));
    auto restoreNext = qScopeGuard([&] {
        QFile::remove(next);
        QFile::rename(backup, next);
    });
    {
        QFile corrupt(next);
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write(QByteArray("fLaC") + QByteArray(4096, '\x5a'));
    }

    // "Try again" plays the clip and the session goes on.
    child<QPushButton>(&window, "resumeButton")->click();
    QVERIFY(!page->isCovered());
    answerWithKey(survey, 0, Qt::Key_3, "answerButton1");
    QTRY_COMPARE(survey->session()->answeredCount(), 1);

    // The corrupt file: the player fails, the session pauses with the file named; nothing lost.
    QTRY_VERIFY_WITH_TIMEOUT(page->isCovered(), 5000);
    const QString corruptMessage = child<QLabel>(&window, "pauseMessage")->text();
    QVERIFY2(corruptMessage.contains(QFileInfo(next).fileName()), qPrintable(corruptMessage));
    shot(&window, QStringLiteral("survey-problem-corrupt.png"));
    QCOMPARE(survey->session()->answeredCount(), 1);

    restoreNext.dismiss();
    QVERIFY(QFile::remove(next));
    QVERIFY(QFile::rename(backup, next));
    child<QPushButton>(&window, "resumeButton")->click();
    answerWithKey(survey, 1, Qt::Key_4, "answerButton1");
    QTRY_COMPARE(survey->session()->answeredCount(), 2);
    QCOMPARE(survey->currentPosition(), 2);
}

void TestGui::studyOverview()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    QTableWidget *participants = child<QTableWidget>(&window, "participantTable");
    QCOMPARE(participants->rowCount(), 2);
    QCOMPARE(participants->item(0, 1)->text(), QStringLiteral("%1 / %1").arg(kClips));
    QTableWidget *genres = child<QTableWidget>(&window, "genreTable");
    QCOMPARE(genres->rowCount(), int(audio::demoStyles().size()));
    QVERIFY(child<QLabel>(&window, "studyNameLabel")->text() == QStringLiteral("Taste test"));
    shot(&window, QStringLiteral("study-overview.png"));
}

void TestGui::stationNumberOnStudyPage()
{
    // A study on three stations: the Study page asks for this file's station number and stores it
    // in the study database (not in the shared study file, whose hash stays).
    const QString path = m_dir.filePath(QStringLiteral("stations.tastelab"));
    QString hash;
    {
        StudySettings s;
        s.name = QStringLiteral("Three stations");
        s.design.stations = 3;
        s.design.balancedAssignment = true;
        QString error;
        auto study = Study::create(path, s, &error);
        QVERIFY2(study, qPrintable(error));
        QVERIFY(study->writeStudyFile(StudyFile::defaultPathFor(path)));
        hash = study->studyFileHash();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(path));
    QSpinBox *station = child<QSpinBox>(&window, "stationNumberSpin");
    QVERIFY(station && station->isVisible());
    QCOMPARE(station->value(), 0);
    QCOMPARE(station->text(), QStringLiteral("not set"));
    QVERIFY2(child<QLabel>(&window, "stationNoteLabel")->text().contains(QLatin1String("before the first participant")),
             qPrintable(child<QLabel>(&window, "stationNoteLabel")->text()));
    station->setValue(2);
    QCOMPARE(child<QLabel>(&window, "stationNoteLabel")->text(),
             QStringLiteral("of 3 stations (the next participant gets schedule index 1)."));
    QCOMPARE(station->minimum(), 1);
    shot(&window, QStringLiteral("study-station-number.png"));
    window.close();
    QString error;
    auto study = Study::open(path, &error);
    QVERIFY2(study, qPrintable(error));
    QCOMPARE(study->stationNumber(), 2);
    QCOMPARE(study->studyFileHash(), hash);
    // A study on one station shows no station number.
    const QString singlePath = m_dir.filePath(QStringLiteral("one-station.tastelab"));
    {
        StudySettings s;
        s.name = QStringLiteral("One station");
        QVERIFY(Study::create(singlePath, s, &error));
    }
    MainWindow single;
    single.show();
    QVERIFY(QTest::qWaitForWindowExposed(&single));
    QVERIFY(single.openStudy(singlePath));
    QVERIFY(!child<QSpinBox>(&single, "stationNumberSpin")->isVisible());
}

void TestGui::featuresPage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Without a study the page says what to do first.
    window.showFeatures();
    QVERIFY(child<QLabel>(&window, "featuresStateLabel")->text().contains(QLatin1String("No study is open")));
    QVERIFY(!child<QPushButton>(&window, "extractButton")->isEnabled());

    QVERIFY(window.openStudy(m_studyPath));
    window.showFeatures();
    QComboBox *encoders = child<QComboBox>(&window, "encoderCombo");
    QVERIFY(encoders->count() >= 1);
    QCOMPARE(encoders->currentData().toString(), QStringLiteral("builtin-features"));
    QVERIFY(child<QLabel>(&window, "encoderDetailsLabel")->text().contains(QLatin1String("22050 Hz")));
    QPushButton *extract = child<QPushButton>(&window, "extractButton");
    QVERIFY(extract->isEnabled());
    int clips = 0;
    {
        QString error;
        auto study = Study::open(m_studyPath, &error);
        // The plans' clips and, for the recommendation list, 3 excerpts of every library track.
        QCOMPARE(child<QSpinBox>(&window, "libraryExcerpts")->value(), 3);
        const QVector<ClipKey> planned = EmbeddingStore(*study).studyClips();
        QSet<ClipKey> all(planned.constBegin(), planned.constEnd());
        for (const ClipKey &c : libraryExcerpts(*study, 3))
            all.insert(c);
        QVERIFY(planned.size() >= kClips);
        // (a track barely longer than a clip has one excerpt, which may be a planned clip too)
        QVERIFY(all.size() > planned.size() + study->tracks().size());
        clips = int(all.size());
    }
    extract->click();
    QVERIFY(window.featuresPage()->isExtracting());
    QVERIFY(!extract->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window.featuresPage()->isExtracting(), 60000);
    QTableWidget *summary = child<QTableWidget>(&window, "embeddingSummaryTable");
    QCOMPARE(summary->rowCount(), 1);
    QCOMPARE(summary->item(0, 0)->text(), QStringLiteral("builtin-features"));
    QCOMPARE(summary->item(0, 1)->text(), QStringLiteral("%1 / %1").arg(clips));
    const QString report = child<QPlainTextEdit>(&window, "extractionReportText")->toPlainText();
    QVERIFY2(report.contains(QStringLiteral("%1 extracted").arg(clips)), qPrintable(report));
    shot(&window, QStringLiteral("features.png"));

    // A second run finds everything cached.
    QVERIFY(extract->isEnabled());
    extract->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.featuresPage()->isExtracting(), 60000);
    QVERIFY(child<QPlainTextEdit>(&window, "extractionReportText")->toPlainText().contains(
        QStringLiteral("%1 already cached, 0 extracted").arg(clips)));
}

void TestGui::modelsPage()
{
    // A study where one participant likes three of the six styles, with embeddings extracted.
    const QString path = m_dir.filePath(QStringLiteral("models.tastelab"));
    {
        StudySettings s;
        s.name = QStringLiteral("Models");
        s.clipSeconds = kClipSeconds;
        s.clipsPerParticipant = m_trackCount;
        QString error;
        QVERIFY2(Study::create(path, s, &error), qPrintable(error));
        QVERIFY(Importer::run({path, QString(), m_library + QStringLiteral("/manifest.csv")}).added == m_trackCount);
        auto study = Study::open(path, &error);
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("L1"), {}, 3, &error);
        QVERIFY(session);
        const QStringList liked{QStringLiteral("techno"), QStringLiteral("rock"), QStringLiteral("chiptune")};
        for (int i = 0; i < session->total(); ++i)
            QVERIFY(session->answer(i, liked.contains(session->track(i)->genre) ? 1 : 0, 1500, 0, &error));
        ExtractionRequest r;
        r.studyPath = path;
        r.encoder = QStringLiteral("builtin-features");
        QVERIFY(Extractor::run(r).error.isEmpty());
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showModels();
    QVERIFY(child<QLabel>(&window, "modelsStateLabel")->text().contains(QLatin1String("No study is open")));
    QVERIFY(window.openStudy(path));
    window.showModels();
    QComboBox *participants = child<QComboBox>(&window, "participantCombo");
    QCOMPARE(participants->count(), 1);
    QCOMPARE(participants->currentData().toString(), QStringLiteral("L1"));
    QCOMPARE(child<QComboBox>(&window, "trainEncoderCombo")->currentData().toString(), QStringLiteral("builtin-features"));
    child<QCheckBox>(&window, "model-logreg")->setChecked(true);
    QPushButton *train = child<QPushButton>(&window, "trainButton");
    QVERIFY(train->isEnabled());
    train->click();
    QVERIFY(window.modelsPage()->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(window.modelsPage()->lossPoints() > 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.modelsPage()->isTraining(), 120000);
    QTableWidget *models = child<QTableWidget>(&window, "modelsTable");
    QCOMPARE(models->rowCount(), 4);
    const QString report = child<QPlainTextEdit>(&window, "trainingReportText")->toPlainText();
    QVERIFY2(report.contains(QLatin1String("clep-n")) && report.contains(QLatin1String("accuracy")), qPrintable(report));
    shot(&window, QStringLiteral("models.png"));
    // Stored in the study, with test metrics.
    QString error;
    auto study = Study::open(path, &error);
    const auto stored = storedModels(*study, *study->participant(QStringLiteral("L1")));
    QCOMPARE(stored.size(), 4);
    const int tested = stored.first().metrics.tp + stored.first().metrics.tn + stored.first().metrics.fp
        + stored.first().metrics.fn;
    QVERIFY(tested >= 2);
    for (const TrainedModel &m : stored) // one shared split
        QCOMPARE(m.metrics.tp + m.metrics.tn + m.metrics.fp + m.metrics.fn, tested);
}

void TestGui::preferences()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    window.startSurvey();
    child<QPushButton>(&window, "audioSettingsButton")->click();
    auto *dialog = window.findChild<PreferencesDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QComboBox *devices = child<QComboBox>(dialog, "outputDeviceCombo");
    QCOMPARE(devices->count(), int(QMediaDevices::audioOutputs().size()) + 1); // + "System default"
    devices->setCurrentIndex(1);
    child<QSlider>(dialog, "volumeSlider")->setValue(40);
    shot(dialog, QStringLiteral("preferences.png"));
    dialog->accept();
    QCOMPARE(window.player()->volume(), 0.4f);
    QCOMPARE(window.player()->device().id(), QMediaDevices::audioOutputs().first().id());
    QCOMPARE(PreferencesDialog::storedVolume(), 0.4f);
    QCOMPARE(PreferencesDialog::storedDevice().id(), QMediaDevices::audioOutputs().first().id());
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
