// The survey runtime's records (schema 7): the pages of a participant's survey, consent,
// practice and catch answers kept apart from the data, questionnaire answers (resumed mid-page),
// revisions with both values, the integrity record with every answer, and the quality flags and
// summary in the CSV and JSON exports.

#include "audio/audiofile.h"
#include "study/catchclips.h"
#include "study/exporter.h"
#include "study/participantsession.h"
#include "study/qualityreport.h"
#include "study/study.h"
#include "study/surveydata.h"

#include "../common/teststudy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;

namespace {

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// Naive CSV split (the test data has no commas inside fields except where noted).
QStringList fields(const QString &line) { return line.split(QLatin1Char(',')); }

StudySettings settings()
{
    StudySettings s;
    s.name = QStringLiteral("Quality study");
    s.clipSeconds = 5;
    s.clipsPerParticipant = 6;
    s.repeats = 2;
    s.balanceGenres = false;
    s.consentText = QStringLiteral("I agree to take part.");
    s.practice.clips = 1;
    CatchClip c;
    c.id = QStringLiteral("press-dislike");
    c.file = QStringLiteral("catch/press-dislike.wav");
    c.expected = 0;
    c.instruction = QStringLiteral("press dislike");
    s.design.catchClips = {c};
    Questionnaire q;
    q.id = QStringLiteral("pre");
    q.title = QStringLiteral("About you");
    q.placement = Questionnaire::Placement::Before;
    Question q1;
    q1.id = QStringLiteral("listening");
    q1.type = Question::Type::Single;
    q1.text = QStringLiteral("How often do you listen to music?");
    q1.options = {QStringLiteral("daily"), QStringLiteral("weekly")};
    Question q2;
    q2.id = QStringLiteral("mood");
    q2.type = Question::Type::Likert;
    q2.text = QStringLiteral("Your mood");
    q2.points = 5;
    q.questions = {q1, q2};
    s.questionnaires = {q};
    s.quality.fastAnswerSeconds = 1.0;
    s.quality.straightLineRun = 3;
    s.quality.maxFailedCatches = 0;
    return s;
}

} // namespace

class TestSurveyData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepsRecordsAndExport()
    {
        QTemporaryDir dir;
        QString error;
        auto study = Study::create(dir.filePath(QStringLiteral("q.tastelab")), settings(), &error);
        QVERIFY2(study, qPrintable(error));
        QVERIFY(test::addRowOnlyTracks(*study, 12, 2, 60));

        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P1"), {}, 7, &error);
        QVERIFY2(session, qPrintable(error));
        const QVector<SurveyStep> steps = session->steps();
        // consent, 1 practice, the questionnaire, 6 + 2 repeated clips and 1 catch clip
        QCOMPARE(steps.size(), 1 + 1 + 1 + 8 + 1);
        QCOMPARE(steps[0].kind, SurveyStep::Kind::Consent);
        QCOMPARE(steps[1].kind, SurveyStep::Kind::Practice);
        QCOMPARE(steps[2].kind, SurveyStep::Kind::Questionnaire);
        int catchStep = -1;
        for (int i = 0; i < steps.size(); ++i)
            if (steps[i].kind == SurveyStep::Kind::Catch)
                catchStep = i;
        QVERIFY(catchStep > 2);
        QCOMPARE(session->nextStep(), 0);

        QVERIFY(session->acceptConsent(&error));
        AnswerIntegrity clean;
        clean.recorded = true;
        clean.device = QStringLiteral("Null Output");
        clean.latencyMs = 100;
        clean.loudnessBefore = -15;
        clean.loudnessAfter = -23;
        clean.loudnessUnit = QStringLiteral("LUFS");
        QVERIFY2(session->answerExtra(steps[1].extra, 1, 2500, 0, clean, &error), qPrintable(error));
        // Half-way through the questionnaire: one question answered, then the participant stops.
        QVERIFY(session->saveQuestion(steps[2], QStringLiteral("listening"), QStringLiteral("daily"), &error));
        QCOMPARE(session->nextStep(), 2);
        session.reset();

        // Resumed: the page and the answer given on it come back.
        session = ParticipantSession::startOrResume(*study, QStringLiteral("P1"), {}, 0, &error);
        QVERIFY(session);
        QCOMPARE(session->nextStep(), 2);
        QCOMPARE(session->questionAnswers(session->steps()[2]).value(QStringLiteral("listening")).toString(),
                 QStringLiteral("daily"));
        QVERIFY(session->saveQuestion(session->steps()[2], QStringLiteral("mood"), 4, &error));
        QVERIFY(session->finishQuestionnaire(session->steps()[2], &error));

        // Clips: all "like" (1), the third one fast and flagged by an underrun; the catch clip
        // answered wrongly (like instead of dislike).
        int clipCount = 0;
        for (int i = session->nextStep(); i < session->steps().size(); i = session->nextStep()) {
            const SurveyStep step = session->steps()[i];
            AnswerIntegrity integrity = clean;
            qint64 ms = 3000;
            if (step.kind == SurveyStep::Kind::Clip && clipCount++ == 2) {
                integrity.underruns = 1;
                integrity.underrunMs = 400;
                integrity.flagged = true;
                integrity.focusLosses = 1;
                ms = 400;
            }
            if (step.kind == SurveyStep::Kind::Catch)
                QVERIFY(session->answerExtra(step.extra, 1, 2000, 0, integrity, &error));
            else
                QVERIFY2(session->answer(step.position, 1, ms, 0, &error, integrity), qPrintable(error));
        }
        QVERIFY(session->allStepsDone());
        // Back on the last clip: the revision keeps both values.
        // (a clip outside the repeat pairs, so that the pairs stay like/like)
        QSet<int> paired;
        for (const SurveyStep &st : session->steps())
            if (st.kind == SurveyStep::Kind::Clip && session->clip(st.position).repeatOf >= 0)
                paired << st.position << session->clip(st.position).repeatOf;
        SurveyStep last;
        for (const SurveyStep &st : session->steps())
            if (st.kind == SurveyStep::Kind::Clip && !paired.contains(st.position))
                last = st;
        QVERIFY(last.position >= 0);
        QVERIFY(session->revise(last, 0, 1800, &error));
        const QVector<AnswerRevision> revisions = surveydata::revisions(*study, session->participant().id);
        QCOMPARE(revisions.size(), 1);
        QCOMPARE(revisions[0].oldValue, 1);
        QCOMPARE(revisions[0].newValue, 0);
        QCOMPARE(revisions[0].kind, QStringLiteral("clip"));
        QVERIFY(study->participant(QStringLiteral("P1"))->finishedAt.isValid());

        // Practice and catch answers are not data: the answers table holds the 8 clips only.
        const QVector<Answer> answers = study->answers(session->participant().id);
        QCOMPARE(answers.size(), 8);
        QVERIFY(answers[0].integrity.recorded);
        QCOMPARE(answers[0].integrity.device, QStringLiteral("Null Output"));
        QCOMPARE(answers[0].integrity.loudnessAfter, -23.0);
        QCOMPARE(surveydata::extraAnswers(*study, session->participant().id).size(), 2);
        QVERIFY(!surveydata::events(*study, session->participant().id, QStringLiteral("consent")).isEmpty());

        // Quality: one wrong catch clip (rule max_failed_catches 0 excludes), one fast answer, one
        // flagged answer, a straight line (every clip 'like' but the revised last one).
        const ParticipantQualityRow row = participantQuality(*study, session->participant());
        QCOMPARE(row.quality.catchTotal, 1);
        QCOMPARE(row.quality.catchCorrect, 0);
        QCOMPARE(row.quality.fastAnswers, 1);
        QCOMPARE(row.quality.integrityFlagged, 1);
        QCOMPARE(row.quality.focusLosses, 1);
        QCOMPARE(row.quality.repeatPairs, 2);
        QVERIFY(row.quality.longestRun >= 3);
        QVERIFY(row.quality.straightLining);
        QVERIFY(row.quality.excluded);
        QCOMPARE(QString::fromStdString(row.quality.exclusionReasons.at(0)), QStringLiteral("max_failed_catches: 1 > 0"));
        QCOMPARE(row.practiceAnswers, 1);
        QCOMPARE(row.revisions, 1);

        // CSV: flags present, practice flagged, catch with expected and correctness.
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY2(exportCsv(*study, csv, &error), qPrintable(error));
        const QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 1 + 1 + 8 + 1); // header, practice, clips, catch
        const QStringList header = fields(lines[0]);
        for (const char *column : {"kind", "practice", "catch_id", "catch_expected", "catch_correct", "repeat_of",
                                   "repeat_agree", "fast", "straight_line", "focus_losses", "output_device",
                                   "underruns", "latency_ms", "loudness_before", "loudness_after", "integrity_flag",
                                   "study_file_hash", "earlier_values", "participant_excluded"})
            QVERIFY2(header.contains(QLatin1String(column)), column);
        auto col = [&](const QString &line, const char *name) { return fields(line).value(header.indexOf(QLatin1String(name))); };
        QCOMPARE(col(lines[1], "kind"), QStringLiteral("practice"));
        QCOMPARE(col(lines[1], "practice"), QStringLiteral("1"));
        int catches = 0, fast = 0, flagged = 0, repeats = 0, straight = 0, revised = 0;
        for (int i = 2; i < lines.size(); ++i) {
            QCOMPARE(col(lines[i], "practice"), QStringLiteral("0"));
            QCOMPARE(col(lines[i], "participant_excluded"), QStringLiteral("1"));
            if (col(lines[i], "kind") == QLatin1String("catch")) {
                ++catches;
                QCOMPARE(col(lines[i], "catch_id"), QStringLiteral("press-dislike"));
                QCOMPARE(col(lines[i], "catch_expected"), QStringLiteral("0"));
                QCOMPARE(col(lines[i], "catch_correct"), QStringLiteral("0"));
            }
            fast += col(lines[i], "fast") == QLatin1String("1");
            flagged += col(lines[i], "integrity_flag") == QLatin1String("1");
            repeats += !col(lines[i], "repeat_of").isEmpty();
            straight += col(lines[i], "straight_line") == QLatin1String("1");
            revised += col(lines[i], "earlier_values") == QLatin1String("1");
            QCOMPARE(col(lines[i], "loudness_after"), QStringLiteral("-23.00"));
        }
        QCOMPARE(catches, 1);
        QCOMPARE(fast, 1);
        QCOMPARE(flagged, 1);
        QCOMPARE(repeats, 2);
        QVERIFY(straight >= 3);
        QCOMPARE(revised, 1);

        // The quality summary and the questionnaire answers next to it.
        const QStringList quality = readLines(qualityCsvPath(csv));
        QCOMPARE(quality.size(), 2);
        // 9 answers: 8 clips and the catch clip; kappa is undefined (every repeat pair is like/like).
        QVERIFY2(quality[1].startsWith(QLatin1String("P1,9,1,1,0,0,2,,cohen,1,")), qPrintable(quality[1]));
        QVERIFY2(quality[1].contains(QLatin1String("max_failed_catches: 1 > 0")), qPrintable(quality[1]));
        const QStringList questions = readLines(questionnairesCsvPath(csv));
        QCOMPARE(questions.size(), 3);
        QVERIFY(questions[1].startsWith(QLatin1String("P1,pre,0,listening,daily,")));
        QVERIFY(questions[2].startsWith(QLatin1String("P1,pre,0,mood,4,")));

        // JSON: the same, as objects.
        const QString json = dir.filePath(QStringLiteral("out.json"));
        QVERIFY2(exportJson(*study, json, &error), qPrintable(error));
        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("answers")).toArray().size(), 10);
        const QJsonObject summary = root.value(QStringLiteral("quality")).toArray().at(0).toObject();
        QCOMPARE(summary.value(QStringLiteral("excluded")).toBool(), true);
        QCOMPARE(summary.value(QStringLiteral("fast_answers")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("questionnaires")).toArray().size(), 2);
    }
    void mergeKeepsSurveyRecords()
    {
        QTemporaryDir dir;
        QString error;
        const QString mainPath = dir.filePath(QStringLiteral("main.tastelab"));
        const QString stationPath = dir.filePath(QStringLiteral("station.tastelab"));
        {
            auto study = Study::create(mainPath, settings(), &error);
            QVERIFY2(study, qPrintable(error));
            QVERIFY(test::addRowOnlyTracks(*study, 12, 2, 60));
        }
        QVERIFY(QFile::copy(mainPath, stationPath));
        {
            auto station = Study::open(stationPath, &error);
            QVERIFY2(station, qPrintable(error));
            auto session = ParticipantSession::startOrResume(*station, QStringLiteral("S1"), {}, 3, &error);
            QVERIFY(session);
            QVERIFY(session->acceptConsent(&error));
            QVERIFY(session->answerExtra(session->steps()[1].extra, 0, 1500, 0, AnswerIntegrity(), &error));
            QVERIFY(session->saveQuestion(session->steps()[2], QStringLiteral("listening"), QStringLiteral("weekly"), &error));
        }
        auto study = Study::open(mainPath, &error);
        QVERIFY(study);
        const MergeReport report = mergeStudy(*study, stationPath);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.participantsAdded, 1);
        QCOMPARE(report.surveyRecordsAdded, 3); // the practice answer, the question, the consent
        const Participant s1 = *study->participant(QStringLiteral("S1"));
        QCOMPARE(surveydata::extraAnswers(*study, s1.id).size(), 1);
        QCOMPARE(surveydata::questionnaireAnswers(*study, s1.id).size(), 1);
        QCOMPARE(surveydata::events(*study, s1.id, QStringLiteral("consent")).size(), 1);
        // Merging again adds nothing.
        const MergeReport again = mergeStudy(*study, stationPath);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.surveyRecordsAdded, 0);
        // The resumed session continues after the stored pages.
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("S1"), {}, 0, &error);
        QVERIFY(session);
        QCOMPARE(session->nextStep(), 2);
    }

    void skipsAreRecorded()
    {
        // A recorded skip: done on resume, the participant finishes without it, merged with the
        // station's records, exported as a row without a value; a skip event of an older session
        // (no "kind") is not a skip.
        QTemporaryDir dir;
        QString error;
        StudySettings s = settings();
        s.consentText.clear();
        s.practice.clips = 0;
        s.questionnaires.clear();
        s.repeats = 0;
        s.clipsPerParticipant = 3;
        s.rules.forceAnswer = false;
        const QString mainPath = dir.filePath(QStringLiteral("main.tastelab"));
        const QString stationPath = dir.filePath(QStringLiteral("station.tastelab"));
        {
            auto study = Study::create(mainPath, s, &error);
            QVERIFY2(study, qPrintable(error));
            QVERIFY(test::addRowOnlyTracks(*study, 12, 2, 60));
        }
        QVERIFY(QFile::copy(mainPath, stationPath));
        QVector<SurveyStep> steps;
        {
            auto station = Study::open(stationPath, &error);
            QVERIFY2(station, qPrintable(error));
            auto session = ParticipantSession::startOrResume(*station, QStringLiteral("K1"), {}, 5, &error);
            QVERIFY2(session, qPrintable(error));
            steps = session->steps();
            QCOMPARE(steps.size(), 3 + 1);
            // Not a clip: refused.
            SurveyStep notAClip;
            notAClip.kind = SurveyStep::Kind::Questionnaire;
            QVERIFY(!session->skip(notAClip, 10, 0, &error));
            QVERIFY2(error.contains(QLatin1String("only a clip")), qPrintable(error));
            // An old-style skip event (before skips were recorded) does not count.
            QVERIFY(session->logEvent(QStringLiteral("skip"), QJsonObject{{QStringLiteral("step"), 0}}));
            QVERIFY(session->skip(steps[0], 800, 1, &error));
            QVERIFY(!session->skip(steps[0], 900, 0, &error)); // twice: refused
            QVERIFY2(error.contains(QLatin1String("already")), qPrintable(error));
            QCOMPARE(session->nextStep(), 1);
            QCOMPARE(session->skippedCount(), 1);
        }
        {
            // Resumed: step 0 is not presented again.
            auto station = Study::open(stationPath, &error);
            QVERIFY(station);
            auto session = ParticipantSession::startOrResume(*station, QStringLiteral("K1"), {}, 0, &error);
            QVERIFY(session);
            QCOMPARE(session->nextStep(), 1);
            QVERIFY(session->isSkipped(steps[0]));
            // The rest: step 1 skipped too, the others answered; finished.
            QVERIFY(session->skip(steps[1], 300, 0, &error));
            for (int i = 2; i < steps.size(); ++i) {
                const SurveyStep &st = steps[i];
                const bool ok = st.kind == SurveyStep::Kind::Clip
                    ? session->answer(st.position, 1, 2000, 0, &error)
                    : session->answerExtra(st.extra, session->extras().at(st.extra).expected, 2000, 0, AnswerIntegrity(), &error);
                QVERIFY2(ok, qPrintable(error));
            }
            QVERIFY(session->allStepsDone());
            QVERIFY(session->isFinished());
            QVERIFY(station->participant(QStringLiteral("K1"))->finishedAt.isValid());
            const QVector<SkipRecord> skips = surveydata::skips(*station, session->participant().id);
            QCOMPARE(skips.size(), 2);
            QCOMPARE(skips[0].responseMs, qint64(800));
            QCOMPARE(skips[0].replays, 1);
            QCOMPARE(skips[0].kind, steps[0].kind == SurveyStep::Kind::Catch ? QStringLiteral("catch") : QStringLiteral("clip"));
        }
        // Merged into the main file: the skips come along, and the participant is done there too.
        auto study = Study::open(mainPath, &error);
        QVERIFY(study);
        const MergeReport report = mergeStudy(*study, stationPath);
        QVERIFY2(report.ok(), qPrintable(report.toText()));
        const Participant k1 = *study->participant(QStringLiteral("K1"));
        QCOMPARE(surveydata::skips(*study, k1.id).size(), 2);
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("K1"), {}, 0, &error);
        QVERIFY(session);
        QVERIFY(session->allStepsDone());
        QCOMPARE(participantQuality(*study, k1).skipped, 2);

        // The JSON export: skipped rows have no value.
        const QString json = dir.filePath(QStringLiteral("out.json"));
        QVERIFY2(exportJson(*study, json, &error), qPrintable(error));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray rows = root.value(QStringLiteral("answers")).toArray();
        QCOMPARE(rows.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject row = rows.at(i).toObject();
            QCOMPARE(row.value(QStringLiteral("skipped")).toBool(), i < 2);
            QCOMPARE(row.value(QStringLiteral("value")).isNull(), i < 2);
            if (row.contains(QStringLiteral("catch_correct")))
                QCOMPARE(row.value(QStringLiteral("catch_correct")).isNull(), i < 2);
        }
        QCOMPARE(root.value(QStringLiteral("quality")).toArray().at(0).toObject().value(QStringLiteral("skipped")).toInt(), 2);
    }

    void builtinCatchClips()
    {
        QTemporaryDir dir;
        QString error;
        StudySettings s;
        const BuiltinCatchClips like = writeBuiltinCatchClips(dir.filePath(QStringLiteral("catch")), s, &error);
        QVERIFY2(like.clips.size() == 2, qPrintable(error));
        const bool haveEspeak = !QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty();
        QCOMPARE(like.spoken, haveEspeak);
        QCOMPARE(like.instructionsNote.isEmpty(), haveEspeak);
        QCOMPARE(like.clips[0].id, QStringLiteral("press-dislike"));
        QCOMPARE(like.clips[0].expected, 0);
        QCOMPARE(like.clips[1].id, QStringLiteral("press-like"));
        QCOMPARE(like.clips[1].expected, 1);
        for (const CatchClip &c : like.clips) {
            QVERIFY(c.file.startsWith(QLatin1String("catch/")));
            // A real audio file of a few seconds (spoken or the beep code).
            const audio::AudioBuffer b = audio::decodeAudio(QFile::encodeName(dir.filePath(c.file)).toStdString());
            QVERIFY(b.frames() > b.sampleRate);
            QVERIFY(b.frames() < 10 * b.sampleRate);
        }
        s.scale = AnswerScale::Likert7;
        const BuiltinCatchClips likert = writeBuiltinCatchClips(dir.filePath(QStringLiteral("likert")), s, &error);
        QCOMPARE(likert.clips.size(), 2);
        QCOMPARE(likert.clips[0].id, QStringLiteral("press-1"));
        QCOMPARE(likert.clips[0].expected, 1);
        QCOMPARE(likert.clips[1].expected, 7);
    }

    void addBuiltinCatchClipsReplacesItsOwn()
    {
        // The one function behind create --builtin-catch, the wizard and Study Options: with the
        // beep code (no espeak-ng on PATH), a researcher's clip kept, the built-in entries
        // replaced for a changed scale, the explanation added to the instructions once.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QByteArray());
        auto restore = qScopeGuard([&] { qputenv("PATH", path); });
        QTemporaryDir dir;
        QString error;
        StudySettings s;
        s.name = QStringLiteral("Beeps");
        s.design.catchClips << CatchClip{QStringLiteral("mine"), QStringLiteral("mine.wav"), 1, QString()};
        BuiltinCatchClips written;
        QVERIFY2(addBuiltinCatchClips(&s, dir.path(), &error, &written), qPrintable(error));
        QVERIFY(!written.spoken);
        QCOMPARE(s.design.catchClips.size(), 3);
        QCOMPARE(s.design.catchClips[0].id, QStringLiteral("mine"));
        QVERIFY(!isBuiltinCatchClip(s.design.catchClips[0]));
        QVERIFY(isBuiltinCatchClip(s.design.catchClips[1]) && isBuiltinCatchClip(s.design.catchClips[2]));
        QCOMPARE(s.design.catchClips[1].instruction, QStringLiteral("three short beeps: press dislike"));
        QVERIFY(s.instructions.startsWith(StudySettings::defaultInstructions()));
        QVERIFY(s.instructions.endsWith(written.instructionsNote));

        // The scale changes: the planned entries (what the editors show before the files exist)
        // are what is written, and the old built-in entries go.
        s.scale = AnswerScale::Likert5;
        const QVector<CatchClip> planned = plannedBuiltinCatchClips(s);
        QVERIFY2(addBuiltinCatchClips(&s, dir.path(), &error, &written), qPrintable(error));
        QCOMPARE(s.design.catchClips.size(), 3);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(s.design.catchClips[i + 1].id, planned[i].id);
            QCOMPARE(s.design.catchClips[i + 1].file, planned[i].file);
            QCOMPARE(s.design.catchClips[i + 1].expected, planned[i].expected);
            QVERIFY(QFileInfo(QDir(dir.path()).filePath(planned[i].file)).size() > 1000);
        }
        QCOMPARE(planned[0].id, QStringLiteral("press-1"));
        QCOMPARE(planned[1].expected, 5);
        // Called again (e.g. the options confirmed twice): no duplicate entries, the note once.
        const QString instructions = s.instructions;
        QVERIFY2(addBuiltinCatchClips(&s, dir.path(), &error), qPrintable(error));
        QCOMPARE(s.design.catchClips.size(), 3);
        QCOMPARE(s.instructions, instructions);
        // The explanation is the Likert one; the like/dislike one it replaced is gone.
        QCOMPARE(s.instructions.count(QStringLiteral("three short beeps")), 1);
        QVERIFY(s.instructions.contains(QStringLiteral("\"press 1\"")));
        QVERIFY(!s.instructions.contains(QStringLiteral("dislike")));
        QVERIFY(s.instructions.startsWith(StudySettings::defaultInstructions()));
        QCOMPARE(s.validate(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSurveyData)
#include "tst_surveydata.moc"
