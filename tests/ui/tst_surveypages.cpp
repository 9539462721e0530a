// The survey's pages of issue 8, driven offscreen through a real ClipPlayer on PulseAudio's null
// sink: consent -> volume calibration -> practice clip -> questionnaire -> clips with listening
// rules (answer buttons locked until the minimum listening time, replay limit, Back with a
// revision) and a catch clip -> finish; then what is stored. A second case injects an underrun
// (ClipPlayer::stallFeedForTesting) and checks the answer is flagged, and that a focus loss is
// recorded. The system volume is changed with pactl after calibration and must be logged.
// Screenshots of every new page go to TASTELAB_SCREENSHOT_DIR.

#include "playback/clipplayer.h"
#include "studypage.h"
#include "survey/clippage.h"
#include "survey/questionnairepage.h"
#include "survey/surveywidget.h"

#include "../common/guitest.h"
#include "../common/testaudio.h"

#include "study/exporter.h"
#include "study/participantsession.h"
#include "study/qualityreport.h"
#include "study/study.h"
#include "study/surveydata.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>

using namespace tastelab;

namespace {

/// Runs pactl (the listener's mixer, for the system volume); false when it fails.
bool pactl(const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("pactl"), args);
    if (!p.waitForFinished(20000))
        return false;
    if (output)
        *output = QString::fromLocal8Bit(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace
using test::child;

namespace {

constexpr int kUnlockTimeoutMs = 8000;

StudySettings pagesSettings()
{
    StudySettings s;
    s.name = QStringLiteral("Pages study");
    s.clipSeconds = 1.5;
    s.clipsPerParticipant = 3;
    s.balanceGenres = false;
    s.minListenSeconds = 0.6;
    s.consentText = QStringLiteral("You will hear short music clips and say whether you like them. Your answers "
                                   "are stored under a code, without your name. You can stop at any time.");
    s.calibration.enabled = true;
    s.calibration.seconds = 1.0;
    s.practice.clips = 1;
    s.rules.maxReplays = 1;
    s.rules.allowBack = true;
    CatchClip c;
    c.id = QStringLiteral("press-dislike");
    c.file = QStringLiteral("catch.wav");
    c.expected = 0;
    c.instruction = QStringLiteral("press dislike");
    s.design.catchClips = {c};
    Questionnaire q;
    q.id = QStringLiteral("pre");
    q.title = QStringLiteral("About your listening");
    q.placement = Questionnaire::Placement::Before;
    Question q1;
    q1.id = QStringLiteral("often");
    q1.type = Question::Type::Single;
    q1.text = QStringLiteral("How often do you listen to music?");
    q1.options = {QStringLiteral("Every day"), QStringLiteral("Every week"), QStringLiteral("Rarely")};
    Question q2;
    q2.id = QStringLiteral("genres");
    q2.type = Question::Type::Multiple;
    q2.text = QStringLiteral("Which genres do you like?");
    q2.options = {QStringLiteral("Rock"), QStringLiteral("Jazz"), QStringLiteral("Classical")};
    q2.required = false;
    Question q3;
    q3.id = QStringLiteral("mood");
    q3.type = Question::Type::Likert;
    q3.text = QStringLiteral("How is your mood right now?");
    q3.points = 5;
    q3.anchors = {QStringLiteral("bad"), QStringLiteral("good")};
    Question q4;
    q4.id = QStringLiteral("comment");
    q4.type = Question::Type::Text;
    q4.text = QStringLiteral("Anything else?");
    q4.required = false;
    q.questions = {q1, q2, q3, q4};
    s.questionnaires = {q};
    s.quality.fastAnswerSeconds = 0.2;
    s.finishText = QStringLiteral("Please tell the researcher that you have finished.");
    return s;
}

} // namespace

class TestSurveyPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void walkThroughPages();
    void underrunFlagsTheAnswer();
    void skipWithoutForcedAnswer();

private:
    std::unique_ptr<Study> makeStudy(const QString &name);
    void shot(QWidget *w, const QString &name) { QVERIFY(test::saveScreenshot(w, m_shots, name)); }

    QTemporaryDir m_dir;
    QString m_shots;
};

void TestSurveyPages::initTestCase()
{
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_surveypages"), &m_shots, &error),
             qPrintable(error));
}

/// No pages besides the clips: no consent, calibration, practice or questionnaires.
static void clipsOnly(StudySettings &s)
{
    s.consentText.clear();
    s.calibration.enabled = false;
    s.practice.clips = 0;
    s.questionnaires.clear();
}

std::unique_ptr<Study> TestSurveyPages::makeStudy(const QString &name)
{
    QString error;
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    auto study = Study::create(QDir(folder).filePath(QStringLiteral("study.tastelab")), pagesSettings(), &error);
    if (!study) {
        qWarning() << error;
        return nullptr;
    }
    test::writeTone(QDir(folder).filePath(QStringLiteral("catch.wav")), 1.5, 300);
    for (int i = 0; i < 6; ++i) {
        Track t;
        t.path = test::writeTone(QDir(folder).filePath(QStringLiteral("music/t%1.wav").arg(i)), 8.0, 220 + 40 * i);
        t.contentHash = QStringLiteral("h%1").arg(i);
        t.title = QStringLiteral("Track %1").arg(i);
        t.artist = QStringLiteral("A");
        t.genre = QStringLiteral("g%1").arg(i % 2);
        t.durationSeconds = 8.0;
        t.sampleRate = 22050;
        t.channels = 2;
        t.format = QStringLiteral("WAV");
        if (study->addTrack(t) == 0)
            return nullptr;
    }
    return study;
}

void TestSurveyPages::walkThroughPages()
{
    std::unique_ptr<Study> study = makeStudy(QStringLiteral("walk"));
    QVERIFY(study);
    ClipPlayer player;
    QWidget window;
    window.resize(1100, 760);
    auto *survey = new SurveyWidget(&player, &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(survey);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    survey->setStudy(study.get());

    // The system volume (the default sink's, as a listener's mixer sets it) before the session: the
    // survey's monitor reads it when the session opens and stores it with the calibration. Restored
    // at the end, whatever happens.
    QString original;
    QVERIFY(pactl({QStringLiteral("get-sink-volume"), QStringLiteral("@DEFAULT_SINK@")}, &original));
    const QRegularExpressionMatch percent = QRegularExpression(QStringLiteral("(\\d+)%")).match(original);
    QVERIFY2(percent.hasMatch(), qPrintable(original));
    const QString originalPercent = percent.captured(1) + QLatin1Char('%');
    auto restoreVolume = qScopeGuard([&originalPercent] {
        pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("0")});
        pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), originalPercent});
    });
    QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("0")}));
    QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("90%")}));

    QLineEdit *code = child<QLineEdit>(&window, "participantCodeEdit");
    QTest::keyClicks(code, QStringLiteral("W01"));
    QTest::keyClick(code, Qt::Key_Return);
    QCOMPARE(survey->step(), SurveyWidget::Step::Instructions);
    child<QPushButton>(&window, "beginClipsButton")->click();

    // Consent: Continue is disabled until the box is ticked.
    QCOMPARE(survey->step(), SurveyWidget::Step::Consent);
    QPushButton *consentContinue = child<QPushButton>(&window, "consentContinueButton");
    QVERIFY(!consentContinue->isEnabled());
    shot(&window, QStringLiteral("pages-1-consent.png"));
    child<QCheckBox>(&window, "consentCheck")->setChecked(true);
    QVERIFY(consentContinue->isEnabled());
    consentContinue->click();

    // Calibration: the reference tone plays (and loops) through the player.
    QCOMPARE(survey->step(), SurveyWidget::Step::Calibration);
    QTRY_COMPARE_WITH_TIMEOUT(player.state(), ClipPlayer::State::Playing, 5000);
    QVERIFY(player.currentRequest().path.endsWith(QLatin1String(".wav")));
    QVERIFY(child<QLabel>(&window, "calibrationText")->text().contains(QLatin1String("comfortable")));
    shot(&window, QStringLiteral("pages-2-calibration.png"));
    // A volume change is logged (the app's own volume control).
    player.setVolume(0.8f);
    child<QPushButton>(&window, "calibrationContinueButton")->click();

    // Practice clip: flagged on the page, stored apart.
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QVERIFY(child<QLabel>(&window, "clipBanner")->isVisible());
    QVERIFY(child<QLabel>(&window, "clipBanner")->text().contains(QLatin1String("Practice")));
    QPushButton *like = child<QPushButton>(&window, "likeButton");
    QPushButton *dislike = child<QPushButton>(&window, "dislikeButton");
    QVERIFY(!like->isEnabled());
    // After calibration the listener turns the system volume down, then mutes: both are logged.
    const qint64 walkerId = survey->session()->participant().id;
    QVERIFY(pactl({QStringLiteral("set-sink-volume"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("45%")}));
    auto systemEvents = [&] { return surveydata::events(*study, walkerId, QStringLiteral("system-volume")); };
    QTRY_VERIFY_WITH_TIMEOUT(!systemEvents().isEmpty()
                                 && qAbs(systemEvents().constLast().detail.value(QStringLiteral("to")).toDouble() - 0.45) < 0.005,
                             10000);
    QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("1")}));
    QTRY_VERIFY_WITH_TIMEOUT(systemEvents().constLast().detail.value(QStringLiteral("muted")).toBool(), 10000);
    QVERIFY(pactl({QStringLiteral("set-sink-mute"), QStringLiteral("@DEFAULT_SINK@"), QStringLiteral("0")}));
    QTRY_VERIFY_WITH_TIMEOUT(!systemEvents().constLast().detail.value(QStringLiteral("muted")).toBool(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
    shot(&window, QStringLiteral("pages-3-practice.png"));
    like->click();

    // Questionnaire: a required question missing keeps the page.
    QCOMPARE(survey->step(), SurveyWidget::Step::Questionnaire);
    child<QRadioButton>(&window, "answer_often_1")->click();
    child<QCheckBox>(&window, "answer_genres_0")->setChecked(true);
    child<QCheckBox>(&window, "answer_genres_1")->setChecked(true);
    shot(&window, QStringLiteral("pages-4-questionnaire.png"));
    child<QPushButton>(&window, "questionnaireContinueButton")->click();
    QCOMPARE(survey->step(), SurveyWidget::Step::Questionnaire);
    QVERIFY(child<QLabel>(&window, "questionnaireMessage")->text().contains(QLatin1String("mood")));
    shot(&window, QStringLiteral("pages-5-questionnaire-missing.png"));
    child<QRadioButton>(&window, "answer_mood_3")->click();
    QLineEdit *comment = child<QLineEdit>(&window, "answer_comment");
    comment->setText(QStringLiteral("nice, thanks"));
    Q_EMIT comment->editingFinished();
    child<QPushButton>(&window, "questionnaireContinueButton")->click();

    // Clips (and the catch clip among them), with the listening rules.
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QVERIFY(!child<QLabel>(&window, "clipBanner")->isVisible());
    QPushButton *replay = child<QPushButton>(&window, "replayButton");
    QPushButton *back = child<QPushButton>(&window, "clipBackButton");
    QVERIFY(back->isVisible());
    int clipLike = 0;
    bool replayed = false, wentBack = false;
    while (survey->step() == SurveyWidget::Step::Clip) {
        const int stepIndex = survey->currentStep();
        // Locked until the minimum listening time (0.6 s) has played.
        QVERIFY(!like->isEnabled());
        QTest::keyClick(survey->clipPage(), Qt::Key_L);
        QCOMPARE(survey->currentStep(), stepIndex);
        QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
        if (!replayed) {
            // One replay allowed: the button disables and shows the count.
            QVERIFY(replay->isEnabled());
            replay->click();
            QVERIFY(!replay->isEnabled());
            QCOMPARE(replay->text(), QStringLiteral("Replay (1 of 1)"));
            QTest::keyClick(survey->clipPage(), Qt::Key_R); // ignored: no replay left
            QCOMPARE(survey->clipPage()->replays(), 1);
            shot(&window, QStringLiteral("pages-6-clip-replay-limit.png"));
            replayed = true;
        }
        const SurveyStep step = survey->session()->steps().at(stepIndex);
        (step.kind == SurveyStep::Kind::Catch ? dislike : like)->click();
        ++clipLike;
        if (!wentBack && survey->step() == SurveyWidget::Step::Clip && step.kind == SurveyStep::Kind::Clip) {
            // Back re-opens the previous clip with its earlier answer; a new answer is a revision.
            QTRY_VERIFY(back->isEnabled());
            back->click();
            QCOMPARE(survey->currentStep(), stepIndex);
            QVERIFY(child<QLabel>(&window, "earlierAnswerLabel")->isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
            shot(&window, QStringLiteral("pages-7-back.png"));
            dislike->click();
            wentBack = true;
        }
    }
    QVERIFY(replayed && wentBack);
    QCOMPARE(clipLike, 3 + 1);
    QCOMPARE(survey->step(), SurveyWidget::Step::Finished);
    QCOMPARE(child<QLabel>(&window, "finishText")->text(), QStringLiteral("Please tell the researcher that you have finished."));
    shot(&window, QStringLiteral("pages-8-finish.png"));

    // What is stored.
    const Participant p = *study->participant(QStringLiteral("W01"));
    QVERIFY(p.finishedAt.isValid());
    QVERIFY(!surveydata::events(*study, p.id, QStringLiteral("consent")).isEmpty());
    const QVector<ParticipantEvent> calibration = surveydata::events(*study, p.id, QStringLiteral("calibration"));
    QCOMPARE(calibration.size(), 1);
    // The system volume at calibration: 90 %, unmuted, on the default sink.
    const QJsonObject atCalibration = calibration[0].detail.value(QStringLiteral("systemVolume")).toObject();
    QVERIFY2(qAbs(atCalibration.value(QStringLiteral("level")).toDouble() - 0.90) < 0.005, qPrintable(QJsonDocument(calibration[0].detail).toJson()));
    QVERIFY(!atCalibration.value(QStringLiteral("muted")).toBool());
    QString defaultSink;
    QVERIFY(pactl({QStringLiteral("get-default-sink")}, &defaultSink));
    QCOMPARE(atCalibration.value(QStringLiteral("sink")).toString(), defaultSink.trimmed());
    // After it: from 90 % to 45 %, then muted and unmuted at 45 %.
    const QVector<ParticipantEvent> system = surveydata::events(*study, p.id, QStringLiteral("system-volume"));
    QCOMPARE(system.size(), 3);
    QVERIFY(qAbs(system[0].detail.value(QStringLiteral("from")).toDouble() - 0.90) < 0.005);
    QVERIFY(qAbs(system[0].detail.value(QStringLiteral("to")).toDouble() - 0.45) < 0.005);
    QVERIFY(qAbs(system[0].detail.value(QStringLiteral("toDb")).toDouble() - 60 * std::log10(0.45)) < 0.1);
    QCOMPARE(system[0].detail.value(QStringLiteral("sink")).toString(), defaultSink.trimmed());
    QVERIFY(system[1].detail.value(QStringLiteral("muted")).toBool() && !system[1].detail.value(QStringLiteral("mutedBefore")).toBool());
    QVERIFY(!system[2].detail.value(QStringLiteral("muted")).toBool());
    QVERIFY(surveydata::events(*study, p.id, QStringLiteral("system-volume-unobservable")).isEmpty());
    const ParticipantQualityRow qualityRow = participantQuality(*study, p);
    QCOMPARE(qualityRow.systemVolumeChanges, 3);
    QCOMPARE(qualitySummaryJson(qualityRow).value(QStringLiteral("system_volume_changes")).toInt(), 3);
    QVERIFY(qualitySummaryJson(qualityRow).value(QStringLiteral("system_volume_observable")).toBool());
    const QVector<ParticipantEvent> volume = surveydata::events(*study, p.id, QStringLiteral("volume"));
    QCOMPARE(volume.size(), 1);
    QCOMPARE(volume[0].detail.value(QStringLiteral("to")).toDouble(), double(0.8f));
    const QVector<ExtraAnswer> extras = surveydata::extraAnswers(*study, p.id);
    QCOMPARE(extras.size(), 2); // the practice clip and the catch clip
    const QVector<Answer> answers = study->answers(p.id);
    QCOMPARE(answers.size(), 3);
    for (const Answer &a : answers) {
        QVERIFY(a.integrity.recorded);
        QCOMPARE(a.integrity.underruns, 0);
        QVERIFY(!a.integrity.flagged);
        QCOMPARE(a.integrity.device, QMediaDevices::defaultAudioOutput().description());
        QCOMPARE(a.integrity.loudnessUnit, QStringLiteral("LUFS"));
        QVERIFY2(qAbs(a.integrity.loudnessAfter - (-23.0)) < 0.5, qPrintable(QString::number(a.integrity.loudnessAfter)));
        QVERIFY(a.integrity.latencyMs > 0);
    }
    int replays = 0;
    for (const Answer &a : answers)
        replays += a.replays;
    for (const ExtraAnswer &a : extras)
        replays += a.replays;
    QCOMPARE(replays, 1); // the one replay allowed, counted with the answer it belongs to
    const QVector<AnswerRevision> revisions = surveydata::revisions(*study, p.id);
    QCOMPARE(revisions.size(), 1);
    QCOMPARE(revisions[0].oldValue, 1);
    QCOMPARE(revisions[0].newValue, 0);
    const QVector<QuestionnaireAnswer> questions = surveydata::questionnaireAnswers(*study, p.id);
    QHash<QString, QJsonValue> byId;
    for (const QuestionnaireAnswer &q : questions)
        byId.insert(q.questionId, q.value);
    QCOMPARE(byId.value(QStringLiteral("often")).toString(), QStringLiteral("Every week"));
    QCOMPARE(byId.value(QStringLiteral("genres")).toArray().size(), 2);
    QCOMPARE(byId.value(QStringLiteral("mood")).toInt(), 4);
    QCOMPARE(byId.value(QStringLiteral("comment")).toString(), QStringLiteral("nice, thanks"));

    // The Study page's quality table.
    StudyPage page;
    page.resize(1100, 760);
    page.setStudy(study.get());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableWidget *quality = child<QTableWidget>(&page, "qualityTable");
    QCOMPARE(quality->rowCount(), 1);
    QCOMPARE(quality->item(0, 0)->text(), QStringLiteral("W01"));
    QCOMPARE(quality->item(0, 1)->text(), QStringLiteral("1 of 1"));
    QCOMPARE(quality->item(0, 7)->text(), QStringLiteral("4 (app 1, system 3)")); // volume changes
    QCOMPARE(quality->item(0, 8)->text(), QStringLiteral("0")); // skipped
    QCOMPARE(quality->item(0, 9)->text(), QStringLiteral("no"));
    shot(&page, QStringLiteral("pages-9-study-quality.png"));
}

void TestSurveyPages::underrunFlagsTheAnswer()
{
    std::unique_ptr<Study> study = makeStudy(QStringLiteral("underrun"));
    QVERIFY(study);
    StudySettings s = study->settings();
    clipsOnly(s);
    s.design.catchClips.clear();
    s.rules.allowBack = false;
    s.clipSeconds = 2.0;
    s.rules.requireFullPlayback = true;
    QVERIFY2(study->setSettings(s), qPrintable(study->lastError()));

    ClipPlayer player;
    QWidget window;
    window.resize(1000, 700);
    auto *survey = new SurveyWidget(&player, &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(survey);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    survey->setStudy(study.get());
    QLineEdit *code = child<QLineEdit>(&window, "participantCodeEdit");
    QTest::keyClicks(code, QStringLiteral("U01"));
    QTest::keyClick(code, Qt::Key_Return);
    child<QPushButton>(&window, "beginClipsButton")->click();
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QPushButton *like = child<QPushButton>(&window, "likeButton");

    // Clip 1: the feed stalls for 400 ms while it plays, and the window loses focus once.
    QTRY_COMPARE_WITH_TIMEOUT(player.state(), ClipPlayer::State::Playing, 5000);
    QTest::qWait(300);
    player.stallFeedForTesting(400);
    QEvent deactivate(QEvent::WindowDeactivate);
    QCoreApplication::sendEvent(&window, &deactivate);
    QEvent activate(QEvent::WindowActivate);
    QCoreApplication::sendEvent(&window, &activate);
    QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
    like->click();
    // Clips 2 and 3: normal.
    for (int i = 1; i < 3; ++i) {
        QTRY_COMPARE(survey->currentPosition(), i);
        QTRY_VERIFY_WITH_TIMEOUT(like->isEnabled(), kUnlockTimeoutMs);
        like->click();
    }
    QTRY_COMPARE(survey->step(), SurveyWidget::Step::Finished);

    const Participant p = *study->participant(QStringLiteral("U01"));
    const QVector<Answer> answers = study->answers(p.id);
    QCOMPARE(answers.size(), 3);
    qInfo() << "clip 1: underruns" << answers[0].integrity.underruns << "ms" << answers[0].integrity.underrunMs
            << "latency" << answers[0].integrity.latencyMs << "loudness" << answers[0].integrity.loudnessBefore << "->"
            << answers[0].integrity.loudnessAfter;
    QCOMPARE(answers[0].integrity.underruns, 1);
    QVERIFY(answers[0].integrity.underrunMs >= 350);
    QVERIFY(answers[0].integrity.flagged);
    QCOMPARE(answers[0].integrity.focusLosses, 1);
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(answers[i].integrity.underruns, 0);
        QVERIFY(!answers[i].integrity.flagged);
        QCOMPARE(answers[i].integrity.focusLosses, 0);
    }
    QCOMPARE(surveydata::events(*study, p.id, QStringLiteral("focus")).size(), 1);
    const ParticipantQualityRow row = participantQuality(*study, p);
    QCOMPARE(row.quality.integrityFlagged, 1);
    QCOMPARE(row.quality.focusLosses, 1);
}

void TestSurveyPages::skipWithoutForcedAnswer()
{
    // A study whose rules allow going on without an answer: the Skip button is there from the
    // clip's start; a skip is recorded (not presented again on resume, exported as a row without a
    // value, counted in the quality summary); a skipped clip re-opened with Back can be answered;
    // the participant finishes without the skipped clips. With forced answers there is no Skip.
    std::unique_ptr<Study> study = makeStudy(QStringLiteral("skip"));
    QVERIFY(study);
    StudySettings s = study->settings();
    clipsOnly(s);
    s.rules.forceAnswer = false;
    s.rules.allowBack = true;
    s.rules.maxReplays = -1;
    QVERIFY2(study->setSettings(s), qPrintable(study->lastError()));

    ClipPlayer player;
    QWidget window;
    window.resize(1000, 700);
    auto *survey = new SurveyWidget(&player, &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(survey);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    survey->setStudy(study.get());
    auto start = [&] {
        QLineEdit *code = child<QLineEdit>(&window, "participantCodeEdit");
        code->clear();
        QTest::keyClicks(code, QStringLiteral("S01"));
        QTest::keyClick(code, Qt::Key_Return);
        child<QPushButton>(&window, "beginClipsButton")->click();
    };
    start();
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    const QVector<SurveyStep> steps = survey->session()->steps();
    QCOMPARE(steps.size(), 4); // 3 clips and the catch clip
    QPushButton *skip = child<QPushButton>(&window, "clipSkipButton");
    QPushButton *back = child<QPushButton>(&window, "clipBackButton");
    // The answer buttons are made anew for each session (ClipPage::setScale): looked up each time.
    auto like = [&] { return child<QPushButton>(&window, "likeButton"); };
    auto dislike = [&] { return child<QPushButton>(&window, "dislikeButton"); };
    auto answerRight = [&](int stepIndex) {
        QTRY_VERIFY_WITH_TIMEOUT(like()->isEnabled(), kUnlockTimeoutMs);
        (steps.at(stepIndex).kind == SurveyStep::Kind::Catch ? dislike() : like())->click();
    };

    // Step 0: Skip is offered at once, while the answer buttons still wait for the listening time.
    QCOMPARE(survey->currentStep(), 0);
    QVERIFY(skip->isVisible());
    QVERIFY(skip->isEnabled());
    QVERIFY(!like()->isEnabled());
    shot(&window, QStringLiteral("pages-10-skip.png"));
    skip->click();
    QCOMPARE(survey->currentStep(), 1);
    QVERIFY(survey->session()->isSkipped(steps.at(0)));
    QCOMPARE(survey->session()->skippedCount(), 1);

    // Back re-opens the skipped clip: no Skip there, and an answer is stored as a normal answer.
    QTRY_VERIFY(back->isEnabled());
    back->click();
    QCOMPARE(survey->currentStep(), 0);
    QVERIFY(skip->isVisible());
    QVERIFY(!skip->isEnabled());
    QVERIFY(!child<QLabel>(&window, "earlierAnswerLabel")->isVisible());
    skip->click(); // disabled: nothing happens
    QCOMPARE(survey->currentStep(), 0);
    answerRight(0);
    QCOMPARE(survey->currentStep(), 1);
    QVERIFY(!survey->session()->isSkipped(steps.at(0)));
    QVERIFY(survey->session()->storedValue(steps.at(0)).has_value());

    // Step 1 skipped; then the participant leaves and comes back: step 1 is not presented again.
    QVERIFY(skip->isEnabled());
    skip->click();
    QCOMPARE(survey->currentStep(), 2);
    survey->restart();
    QCOMPARE(survey->step(), SurveyWidget::Step::Code);
    start();
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QCOMPARE(survey->currentStep(), 2);
    QVERIFY(survey->session()->isSkipped(steps.at(1)));
    QVERIFY(skip->isEnabled());
    answerRight(2);
    QCOMPARE(survey->currentStep(), 3);
    QVERIFY(!study->participant(QStringLiteral("S01"))->finishedAt.isValid());
    skip->click();
    // Every page answered or skipped: finished, and marked so.
    QCOMPARE(survey->step(), SurveyWidget::Step::Finished);
    const Participant p = *study->participant(QStringLiteral("S01"));
    QVERIFY(p.finishedAt.isValid());

    // What is stored: two skip records still standing (steps 1 and 3), one overtaken by an answer.
    const QVector<SkipRecord> skips = surveydata::skips(*study, p.id);
    QCOMPARE(skips.size(), 3);
    const ParticipantQualityRow row = participantQuality(*study, p);
    QCOMPARE(row.skipped, 2);
    QCOMPARE(qualitySummaryJson(row).value(QStringLiteral("skipped")).toInt(), 2);
    int catchSkipped = 0;
    for (int i : {1, 3})
        catchSkipped += steps.at(i).kind == SurveyStep::Kind::Catch ? 1 : 0;
    QCOMPARE(row.quality.catchTotal, 1 - catchSkipped); // a skipped catch clip is neither right nor wrong
    QCOMPARE(row.quality.answers, 2);

    // The export: one row per clip in presentation order, the skipped ones without a value.
    const QString csv = m_dir.filePath(QStringLiteral("skip/export.csv"));
    QString error;
    QVERIFY2(exportCsv(*study, csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList header = lines.first().split(QLatin1Char(','));
    auto col = [&](int line, const char *name) { return lines.at(line).split(QLatin1Char(',')).value(header.indexOf(QLatin1String(name))); };
    QCOMPARE(lines.size(), 1 + 4);
    for (int i = 0; i < 4; ++i) {
        const bool skipped = i == 1 || i == 3;
        QCOMPARE(col(1 + i, "skipped"), skipped ? QStringLiteral("1") : QStringLiteral("0"));
        QCOMPARE(col(1 + i, "value").isEmpty(), skipped);
        QCOMPARE(col(1 + i, "kind"), steps.at(i).kind == SurveyStep::Kind::Catch ? QStringLiteral("catch") : QStringLiteral("clip"));
        if (steps.at(i).kind == SurveyStep::Kind::Clip)
            QCOMPARE(col(1 + i, "position"), QString::number(steps.at(i).position + 1));
        else
            QCOMPARE(col(1 + i, "catch_correct"), skipped ? QString() : QStringLiteral("1"));
    }
    QFile qf(qualityCsvPath(csv));
    QVERIFY(qf.open(QIODevice::ReadOnly));
    const QStringList qlines = QString::fromUtf8(qf.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(qlines.first().endsWith(QLatin1String(",skipped")) && qlines.at(1).endsWith(QLatin1String(",2")), qPrintable(qlines.join(QLatin1Char('\n'))));

    // The Study page's quality table has the skips.
    StudyPage page;
    page.resize(1100, 760);
    page.setStudy(study.get());
    QTableWidget *quality = child<QTableWidget>(&page, "qualityTable");
    QCOMPARE(quality->horizontalHeaderItem(8)->text(), QStringLiteral("Skipped"));
    QCOMPARE(quality->item(0, 8)->text(), QStringLiteral("2"));

    // Forced answers (the default): no Skip button.
    std::unique_ptr<Study> forced = makeStudy(QStringLiteral("forced"));
    QVERIFY(forced);
    StudySettings fs = forced->settings();
    QVERIFY(fs.rules.forceAnswer);
    clipsOnly(fs);
    QVERIFY2(forced->setSettings(fs), qPrintable(forced->lastError()));
    survey->setStudy(forced.get());
    start();
    QCOMPARE(survey->step(), SurveyWidget::Step::Clip);
    QVERIFY(!skip->isVisible());
    QVERIFY(like()->isVisible());
    shot(&window, QStringLiteral("pages-11-forced-no-skip.png"));
    const SurveyStep first = survey->session()->steps().at(survey->currentStep());
    QTRY_VERIFY_WITH_TIMEOUT(like()->isEnabled(), kUnlockTimeoutMs);
    (first.kind == SurveyStep::Kind::Catch ? dislike() : like())->click();
    QCOMPARE(survey->currentStep(), 1);
    QVERIFY(surveydata::skips(*forced, forced->participant(QStringLiteral("S01"))->id).isEmpty());
    survey->setStudy(nullptr);
}

QTEST_MAIN(TestSurveyPages)
#include "tst_surveypages.moc"
