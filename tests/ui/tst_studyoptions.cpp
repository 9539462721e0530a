// The research-design options (issue 8) in the new-study wizard (Design, Pages, Listening rules,
// Loudness & quality pages) and in File > Study Options (the same editors): real widgets driven
// offscreen, the study file they write read back with StudyFile, the built-in catch clips' files,
// validation messages, and the confirmation asked when data collection began. Screenshots of
// every page and tab go to $TASTELAB_SCREENSHOT_DIR.

#include "mainwindow.h"
#include "newstudywizard.h"
#include "studyoptionseditors.h"

#include <QAudioDevice>

#include "../common/guitest.h"
#include "audio/audiofile.h"
#include "study/catchclips.h"
#include "study/study.h"
#include "study/studyfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

using namespace tastelab;
using test::child;

class TestStudyOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardSetsResearchOptions();
    void optionsDialogEditsStudy();
    void optionsDialogKeepsWhatItCannotShow();

private:
    void shot(QWidget *widget, const QString &name)
    {
        QVERIFY2(test::saveScreenshot(widget, m_shots, name), qPrintable(name));
    }

    QTemporaryDir m_dir;
    QString m_library;
    QString m_shots;
    QString m_studyPath;
    QString m_catchFile;
};

void TestStudyOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(test::initGuiTest(m_dir.filePath(QStringLiteral("config")), QStringLiteral("tst_studyoptions"), &m_shots,
                               &error),
             qPrintable(error));
    m_library = m_dir.filePath(QStringLiteral("library"));
    QVERIFY(test::generateTestLibrary(m_library, 2, 12, 14) >= 6);

    // A researcher's own catch clip next to the study: one second of a 660 Hz tone.
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("study/mine"))));
    m_catchFile = m_dir.filePath(QStringLiteral("study/mine/press-four.wav"));
    audio::AudioBuffer b;
    b.sampleRate = 22050;
    b.channels = 1;
    b.samples.resize(22050);
    for (size_t i = 0; i < b.samples.size(); ++i)
        b.samples[i] = float(0.2 * std::sin(2 * 3.14159265358979 * 660.0 * double(i) / 22050.0));
    audio::writeAudio(QFile::encodeName(m_catchFile).toStdString(), b);
    QVERIFY(QFileInfo(m_catchFile).size() > 0);
}

void TestStudyOptions::wizardSetsResearchOptions()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    NewStudyWizard *wizard = window.newStudy();
    QVERIFY(QTest::qWaitForWindowExposed(wizard));

    m_studyPath = m_dir.filePath(QStringLiteral("study/options.tastelab"));
    child<QLineEdit>(wizard, "studyNameEdit")->setText(QStringLiteral("Options study"));
    child<QLineEdit>(wizard, "studyFileEdit")->setText(m_studyPath);
    wizard->next();
    child<QLineEdit>(wizard, "musicFolderEdit")->setText(m_library);
    child<QDoubleSpinBox>(wizard, "clipLengthSpin")->setValue(4.0);
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 120000);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::ClipPlanPage));
    child<QSpinBox>(wizard, "clipsPerParticipantSpin")->setValue(6);
    child<QSpinBox>(wizard, "repeatsSpin")->setValue(1);
    wizard->next();
    child<QRadioButton>(wizard, "scaleLikert5Radio")->setChecked(true);
    wizard->next();

    // --- Design: the defaults first (as before the pages existed), then one block per genre,
    // a pool of two genres, balanced assignment with a chosen seed.
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::DesignPage));
    auto *blocks = child<QComboBox>(wizard, "blocksCombo");
    QCOMPARE(blocks->currentData().toInt(), int(DesignSettings::Blocks::None));
    QVERIFY(!child<QCheckBox>(wizard, "balancedAssignmentCheck")->isChecked());
    const qint64 drawnSeed = qint64(child<QDoubleSpinBox>(wizard, "seedSpin")->value());
    QCOMPARE(drawnSeed, window.findChild<NewStudyWizard *>()->study()->settings().design.seed); // the seed drawn at creation
    auto *genres = child<QListWidget>(wizard, "poolGenresList");
    QVERIFY2(genres->count() >= 3, qPrintable(QString::number(genres->count())));
    const QStringList pool{genres->item(0)->text(), genres->item(1)->text()};
    genres->item(0)->setCheckState(Qt::Checked);
    genres->item(1)->setCheckState(Qt::Checked);
    blocks->setCurrentIndex(blocks->findData(int(DesignSettings::Blocks::Random)));
    QVERIFY(child<QSpinBox>(wizard, "blockCountSpin")->isVisibleTo(wizard));
    child<QSpinBox>(wizard, "blockCountSpin")->setValue(9); // more blocks than clips: refused
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::DesignPage));
    QLabel *designError = child<QLabel>(wizard, "designPageErrorLabel");
    QVERIFY2(designError->isVisibleTo(wizard) && designError->text().contains(QStringLiteral("more random blocks (9)")),
             qPrintable(designError->text()));
    blocks->setCurrentIndex(blocks->findData(int(DesignSettings::Blocks::Genre)));
    child<QCheckBox>(wizard, "shuffleBlocksCheck")->setChecked(false);
    QTest::mouseClick(child<QCheckBox>(wizard, "balancedAssignmentCheck"), Qt::LeftButton); // as a researcher would
    QVERIFY(child<QCheckBox>(wizard, "balancedAssignmentCheck")->isChecked());
    QVERIFY(!designError->isVisibleTo(wizard)); // an edit hides the old message
    child<QDoubleSpinBox>(wizard, "seedSpin")->setValue(9007199254740991.0); // 2^53 - 1 survives
    QCOMPARE(child<QSpinBox>(wizard, "stationsSpin")->value(), 1);
    child<QSpinBox>(wizard, "stationsSpin")->setValue(3);
    shot(wizard, QStringLiteral("wizard-design.png"));
    wizard->next();

    // --- Pages: consent, a calibration tone, practice, a questionnaire with two questions, finish text.
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::PagesPage));
    QCOMPARE(child<QComboBox>(wizard, "calibrationCombo")->currentIndex(), 0);
    QCOMPARE(child<QSpinBox>(wizard, "practiceClipsSpin")->value(), 0);
    child<QCheckBox>(wizard, "consentCheck")->setChecked(true); // without a text: refused
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::PagesPage));
    QVERIFY(child<QLabel>(wizard, "pagesPageErrorLabel")->text().contains(QStringLiteral("consent text")));
    child<QPlainTextEdit>(wizard, "consentTextEdit")->setPlainText(QStringLiteral("I agree to take part."));
    child<QComboBox>(wizard, "calibrationCombo")->setCurrentIndex(1); // tone
    child<QDoubleSpinBox>(wizard, "calibrationLevelSpin")->setValue(-20.0);
    child<QSpinBox>(wizard, "practiceClipsSpin")->setValue(2);
    child<QPushButton>(wizard, "addQuestionnaireButton")->click();
    auto *tree = child<QTreeWidget>(wizard, "questionnaireTree");
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
    QCOMPARE(tree->currentItem(), tree->topLevelItem(0)->child(0)); // the new question is selected
    child<QLineEdit>(wizard, "questionIdEdit")->setText(QStringLiteral("training"));
    child<QLineEdit>(wizard, "questionTextEdit")->setText(QStringLiteral("Musical training?"));
    auto *type = child<QComboBox>(wizard, "questionTypeCombo");
    type->setCurrentIndex(type->findData(int(Question::Type::Single)));
    child<QLineEdit>(wizard, "questionOptionsEdit")->setText(QStringLiteral("none | some | a lot"));
    child<QPushButton>(wizard, "addQuestionButton")->click();
    QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
    child<QLineEdit>(wizard, "questionIdEdit")->setText(QStringLiteral("mood"));
    child<QLineEdit>(wizard, "questionTextEdit")->setText(QStringLiteral("How do you feel?"));
    type->setCurrentIndex(type->findData(int(Question::Type::Likert)));
    child<QSpinBox>(wizard, "questionPointsSpin")->setValue(7);
    child<QLineEdit>(wizard, "questionOptionsEdit")->setText(QStringLiteral("bad | good"));
    child<QCheckBox>(wizard, "questionRequiredCheck")->setChecked(false);
    tree->setCurrentItem(tree->topLevelItem(0)); // the questionnaire's own fields
    QCOMPARE(child<QLineEdit>(wizard, "questionnaireIdEdit")->text(), QStringLiteral("q1"));
    child<QLineEdit>(wizard, "questionnaireTitleEdit")->setText(QStringLiteral("About you"));
    auto *placement = child<QComboBox>(wizard, "questionnairePlacementCombo");
    placement->setCurrentIndex(placement->findData(int(Questionnaire::Placement::BetweenBlocks)));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("About you"));
    child<QPlainTextEdit>(wizard, "finishTextEdit")->setPlainText(QStringLiteral("Thanks!"));
    tree->setCurrentItem(tree->topLevelItem(0)->child(0));
    shot(wizard, QStringLiteral("wizard-pages.png"));
    wizard->next();

    // --- Listening rules
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::RulesPage));
    QVERIFY(child<QCheckBox>(wizard, "wholeClipCheck")->isChecked());
    QVERIFY(child<QCheckBox>(wizard, "unlimitedReplaysCheck")->isChecked());
    QVERIFY(child<QCheckBox>(wizard, "forceAnswerCheck")->isChecked());
    QVERIFY(!child<QCheckBox>(wizard, "allowBackCheck")->isChecked());
    child<QCheckBox>(wizard, "wholeClipCheck")->setChecked(false);
    QCOMPARE(child<QDoubleSpinBox>(wizard, "minListenSpin")->maximum(), 4.0); // the clip length
    child<QDoubleSpinBox>(wizard, "minListenSpin")->setValue(1.5);
    child<QCheckBox>(wizard, "unlimitedReplaysCheck")->setChecked(false);
    child<QSpinBox>(wizard, "maxReplaysSpin")->setValue(2);
    child<QCheckBox>(wizard, "forceAnswerCheck")->setChecked(false);
    child<QCheckBox>(wizard, "allowBackCheck")->setChecked(true);
    shot(wizard, QStringLiteral("wizard-rules.png"));
    wizard->next();

    // --- Loudness & quality
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::LoudnessQualityPage));
    auto *mode = child<QComboBox>(wizard, "loudnessModeCombo");
    QCOMPARE(mode->currentData().toInt(), int(LoudnessSettings::Mode::Lufs));
    QCOMPARE(child<QDoubleSpinBox>(wizard, "lufsTargetSpin")->value(), -23.0);
    QVERIFY(!child<QCheckBox>(wizard, "builtinCatchCheck")->isChecked());
    mode->setCurrentIndex(mode->findData(int(LoudnessSettings::Mode::Rms)));
    QVERIFY(child<QDoubleSpinBox>(wizard, "rmsTargetSpin")->isVisibleTo(wizard));
    QVERIFY(!child<QDoubleSpinBox>(wizard, "lufsTargetSpin")->isVisibleTo(wizard));
    child<QDoubleSpinBox>(wizard, "rmsTargetSpin")->setValue(-18.0);
    child<QCheckBox>(wizard, "builtinCatchCheck")->setChecked(true);
    auto *quality = child<LoudnessQualityEditor>(wizard, "loudnessQualityEditor");
    quality->addCatchFile(m_catchFile, 9); // not on a 1..5 scale: refused with the reason
    auto *table = child<QTableWidget>(wizard, "catchTable");
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("press-four"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("mine/press-four.wav")); // relative to the study file
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::LoudnessQualityPage));
    QLabel *qualityError = child<QLabel>(wizard, "loudnessQualityPageErrorLabel");
    QVERIFY2(qualityError->text().contains(QStringLiteral("'press-four': the expected answer '9' is not on the answer scale (1 to 5)")),
             qPrintable(qualityError->text()));
    shot(wizard, QStringLiteral("wizard-loudness-quality-error.png"));
    table->item(0, 2)->setText(QStringLiteral("4"));
    table->item(0, 3)->setText(QStringLiteral("a voice: press 4"));
    child<QSpinBox>(wizard, "catchPerParticipantSpin")->setValue(2);
    child<QDoubleSpinBox>(wizard, "fastAnswerSpin")->setValue(0.5);
    child<QSpinBox>(wizard, "straightLineSpin")->setValue(6);
    child<QDoubleSpinBox>(wizard, "minKappaSpin")->setValue(0.2);
    child<QSpinBox>(wizard, "maxFailedCatchesSpin")->setValue(1);
    child<QSpinBox>(wizard, "maxFastSharePercentSpin")->setValue(30);
    shot(wizard, QStringLiteral("wizard-loudness-quality.png"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewStudyWizard::InstructionsPage));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(window.study() != nullptr);

    // --- what was stored and written
    const StudySettings s = window.study()->settings();
    QCOMPARE(s.scale, AnswerScale::Likert5);
    QCOMPARE(s.clipsPerParticipant, 6);
    QCOMPARE(s.repeats, 1);
    QCOMPARE(s.design.blocks, DesignSettings::Blocks::Genre);
    QVERIFY(!s.design.shuffleBlocks);
    QVERIFY(s.design.shuffleWithinBlocks);
    QCOMPARE(s.design.poolGenres, pool);
    QVERIFY(s.design.balancedAssignment);
    QCOMPARE(s.design.seed, (qint64(1) << 53) - 1);
    QCOMPARE(s.design.stations, 3);
    QCOMPARE(s.consentText, QStringLiteral("I agree to take part."));
    QVERIFY(s.calibration.enabled);
    QCOMPARE(s.calibration.kind, CalibrationPage::Kind::Tone);
    QCOMPARE(s.calibration.levelLufs, -20.0);
    QCOMPARE(s.practice.clips, 2);
    QCOMPARE(s.questionnaires.size(), 1);
    const Questionnaire &q = s.questionnaires.at(0);
    QCOMPARE(q.id, QStringLiteral("q1"));
    QCOMPARE(q.title, QStringLiteral("About you"));
    QCOMPARE(q.placement, Questionnaire::Placement::BetweenBlocks);
    QCOMPARE(q.questions.size(), 2);
    QCOMPARE(q.questions.at(0).id, QStringLiteral("training"));
    QCOMPARE(q.questions.at(0).type, Question::Type::Single);
    QCOMPARE(q.questions.at(0).options, (QStringList{QStringLiteral("none"), QStringLiteral("some"), QStringLiteral("a lot")}));
    QCOMPARE(q.questions.at(1).type, Question::Type::Likert);
    QCOMPARE(q.questions.at(1).points, 7);
    QCOMPARE(q.questions.at(1).anchors, (QStringList{QStringLiteral("bad"), QStringLiteral("good")}));
    QVERIFY(!q.questions.at(1).required);
    QCOMPARE(s.finishText, QStringLiteral("Thanks!"));
    QCOMPARE(s.minListenSeconds, 1.5);
    QCOMPARE(s.rules.maxReplays, 2);
    QVERIFY(!s.rules.forceAnswer);
    QVERIFY(s.rules.allowBack);
    QVERIFY(!s.rules.requireFullPlayback);
    QCOMPARE(s.loudness.mode, LoudnessSettings::Mode::Rms);
    QCOMPARE(s.loudness.targetRmsDbfs, -18.0);
    QCOMPARE(s.targetRmsDbfs, -18.0);
    QCOMPARE(s.design.catchPerParticipant, 2);
    QCOMPARE(s.quality.fastAnswerSeconds, 0.5);
    QCOMPARE(s.quality.straightLineRun, 6);
    QCOMPARE(s.quality.minKappa, 0.2);
    QCOMPARE(s.quality.maxFailedCatches, 1);
    QCOMPARE(s.quality.maxFastShare, 0.3);

    // The researcher's catch clip and the two built-in ones, whose files exist next to the study file.
    QCOMPARE(s.design.catchClips.size(), 3);
    QCOMPARE(s.design.catchClips.at(0).id, QStringLiteral("press-four"));
    QCOMPARE(s.design.catchClips.at(0).expected, 4);
    QCOMPARE(s.design.catchClips.at(0).instruction, QStringLiteral("a voice: press 4"));
    QCOMPARE(s.design.catchClips.at(1).id, QStringLiteral("press-1"));
    QCOMPARE(s.design.catchClips.at(1).expected, 1);
    QCOMPARE(s.design.catchClips.at(2).id, QStringLiteral("press-5"));
    QCOMPARE(s.design.catchClips.at(2).expected, 5);
    for (const CatchClip &c : s.design.catchClips) {
        const QString file = window.study()->resolveStudyFilePath(c.file);
        QVERIFY2(QFileInfo(file).size() > 1000, qPrintable(file));
        QVERIFY2(!c.instruction.isEmpty(), qPrintable(c.id));
    }
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("study/catch/press-1.wav"))));
    if (QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty())
        QVERIFY2(s.instructions.contains(QStringLiteral("three short beeps mean \"press 1\"")), qPrintable(s.instructions));

    // The study file parses back to the same settings, and is the version in force.
    const QString studyFile = StudyFile::defaultPathFor(m_studyPath);
    QFile f(studyFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const StudyFile::Result parsed = StudyFile::parse(f.readAll(), StudyFile::Format::Json, studyFile);
    QVERIFY2(parsed.ok, qPrintable(parsed.errorText()));
    QVERIFY(parsed.settings == s);
    QCOMPARE(window.study()->studyFileHash(), parsed.hash);
    QCOMPARE(window.study()->checkStudyFile().state, Study::StudyFileState::Unchanged);
}

void TestStudyOptions::optionsDialogEditsStudy()
{
    QVERIFY(!m_studyPath.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStudy(m_studyPath));
    const StudySettings before = window.study()->settings();
    // The wizard made it a study of 3 stations: without a station number no participant starts.
    QVERIFY(!window.study()->createParticipant(QStringLiteral("P1"), 7, {}));
    QVERIFY(window.study()->setStationNumber(2));
    QVERIFY(window.study()->createParticipant(QStringLiteral("P1"), 7, {})); // data collection began
    QCOMPARE(window.study()->participant(QStringLiteral("P1"))->scheduleIndex, 1); // 0 * 3 + (2 - 1)
    const QString recorded = window.study()->studyFileHash();
    const int versions = window.study()->studyFileVersions().size();

    StudyOptionsDialog *dialog = window.editStudyOptions();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTabWidget *tabs = dialog->tabs();
    QCOMPARE(tabs->count(), 4);
    // The same editors, showing the study's options.
    QCOMPARE(child<QSpinBox>(dialog, "optionsClipsSpin")->value(), 6);
    QCOMPARE(child<QComboBox>(dialog, "blocksCombo")->currentData().toInt(), int(DesignSettings::Blocks::Genre));
    QCOMPARE(child<QSpinBox>(dialog, "practiceClipsSpin")->value(), 2);
    QCOMPARE(child<QTreeWidget>(dialog, "questionnaireTree")->topLevelItemCount(), 1);
    QVERIFY(child<QCheckBox>(dialog, "builtinCatchCheck")->isChecked());
    QCOMPARE(child<QTableWidget>(dialog, "catchTable")->rowCount(), 1); // the built-in ones are the check box
    QCOMPARE(dialog->settings(), before); // nothing changed yet: the same settings
    const char *names[] = {"study-options-design.png", "study-options-pages.png", "study-options-rules.png",
                           "study-options-loudness-quality.png"};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        shot(dialog, QLatin1String(names[i]));
    }

    // A validation failure keeps the dialog open with the reason.
    child<QSpinBox>(dialog, "catchPerParticipantSpin")->setValue(5);
    child<QPushButton>(dialog, "studyOptionsOkButton")->click();
    QVERIFY(dialog->isVisible());
    QCOMPARE(tabs->currentIndex(), 3);
    QVERIFY2(child<QLabel>(dialog, "studyOptionsErrorLabel")->text().contains(QStringLiteral("only 3")),
             qPrintable(child<QLabel>(dialog, "studyOptionsErrorLabel")->text()));
    child<QSpinBox>(dialog, "catchPerParticipantSpin")->setValue(-1); // all

    // Changes: 3 practice clips, full playback; OK asks first (data collection began): keep.
    child<QSpinBox>(dialog, "practiceClipsSpin")->setValue(3);
    child<QCheckBox>(dialog, "fullPlaybackCheck")->setChecked(true);
    bool answered = false;
    auto answer = [&](const char *button) {
        QTimer::singleShot(0, this, [&, button] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QCOMPARE(box->objectName(), QStringLiteral("studyFileChangedBox"));
            QVERIFY(box->text().contains(QStringLiteral("changed after data collection began")));
            child<QPushButton>(box, button)->click();
            answered = true;
        });
    };
    answer("keepStudyFileButton");
    child<QPushButton>(dialog, "studyOptionsOkButton")->click();
    QTRY_VERIFY(answered);
    QCOMPARE(window.study()->settings(), before);
    QCOMPARE(window.study()->studyFileHash(), recorded);

    // Again, "Use the new version": the file is rewritten and its new version recorded.
    dialog = window.editStudyOptions();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    child<QSpinBox>(dialog, "practiceClipsSpin")->setValue(3);
    child<QCheckBox>(dialog, "fullPlaybackCheck")->setChecked(true);
    child<QCheckBox>(dialog, "builtinCatchCheck")->setChecked(false);
    child<QSpinBox>(dialog, "catchPerParticipantSpin")->setValue(1); // was 2 of 3; 1 clip is left
    answered = false;
    answer("useNewStudyFileButton");
    child<QPushButton>(dialog, "studyOptionsOkButton")->click();
    QVERIFY2(!dialog->isVisible(), qPrintable(child<QLabel>(dialog, "studyOptionsErrorLabel")->text()));
    QTRY_VERIFY(answered);
    const StudySettings after = window.study()->settings();
    QCOMPARE(after.practice.clips, 3);
    QVERIFY(after.rules.requireFullPlayback);
    QCOMPARE(after.design.catchClips.size(), 1); // the built-in ones removed
    QCOMPARE(after.design.catchPerParticipant, 1);
    QCOMPARE(after.design.catchClips.at(0).id, QStringLiteral("press-four"));
    QVERIFY(window.study()->studyFileHash() != recorded);
    QCOMPARE(window.study()->studyFileVersions().size(), versions + 1);
    const StudyFile::Result read = StudyFile::read(StudyFile::defaultPathFor(m_studyPath));
    QVERIFY2(read.ok, qPrintable(read.errorText()));
    QVERIFY(read.settings == after);
    QCOMPARE(read.hash, window.study()->studyFileHash());
}

void TestStudyOptions::optionsDialogKeepsWhatItCannotShow()
{
    // Values finer than the spin boxes show, and keys edited only in the file, survive opening
    // the dialog: confirming it unchanged changes nothing.
    QTemporaryDir dir;
    StudySettings s;
    s.name = QStringLiteral("Fine values");
    s.quality.fastAnswerSeconds = 0.25;
    s.quality.minKappa = 0.125;
    s.quality.maxFastShare = 0.125;
    s.calibration.enabled = true;
    s.calibration.seconds = 7.25;
    s.calibration.instructions = QStringLiteral("Set it now.");
    s.loudness.targetLufs = -23.05;
    s.minListenSeconds = 2.25;
    s.practice.tracks = {QStringLiteral("a.flac")};
    s.design.poolTracks = {QStringLiteral("b.flac")};
    QString error;
    const QString path = dir.filePath(QStringLiteral("fine.tastelab"));
    {
        auto study = Study::create(path, s, &error);
        QVERIFY2(study, qPrintable(error));
        QVERIFY(study->writeStudyFile(StudyFile::defaultPathFor(path)));
    }
    MainWindow window;
    window.show();
    QVERIFY(window.openStudy(path));
    const StudySettings stored = window.study()->settings();
    StudyOptionsDialog *dialog = window.editStudyOptions();
    QVERIFY(dialog);
    QVERIFY(child<QLabel>(dialog, "poolTracksNote")->text().contains(QStringLiteral("1 track")));
    QVERIFY(dialog->settings() == stored);
    // An edit of a shown value replaces it.
    child<QDoubleSpinBox>(dialog, "fastAnswerSpin")->setValue(0.8);
    QCOMPARE(dialog->settings().quality.fastAnswerSeconds, 0.8);
    dialog->reject();
}

QTEST_MAIN(TestStudyOptions)
#include "tst_studyoptions.moc"
