// The study file (core/study/studyfile.*): JSON and YAML read into StudySettings with
// line-numbered schema errors, round trips, the file's SHA-256 stored with participants and
// answers, and a changed file detected after data collection began.
#include "study/database.h"
#include "study/exporter.h"
#include "study/studyfile.h"
#include "study/study.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tastelab;

namespace {

StudySettings everything()
{
    StudySettings s;
    s.name = QStringLiteral("Jazz vs rock: a pilot");
    s.clipSeconds = 12.5;
    s.scale = AnswerScale::Likert5;
    s.anchors = {QStringLiteral("hate"), QStringLiteral("dislike"), QStringLiteral("meh"), QStringLiteral("like"), QStringLiteral("love")};
    s.instructions = QStringLiteral("Two lines\nof instructions, with \"quotes\" and: colons");
    s.askAge = true;
    s.demographicFields = {QStringLiteral("Favourite genre")};
    s.minListenSeconds = 4;
    s.fadeMs = 20;
    s.clipsPerParticipant = 24;
    s.balanceGenres = false;
    s.repeats = 3;
    s.consentText = QStringLiteral("I agree to take part. 동의합니다.");
    s.calibration.enabled = true;
    s.calibration.kind = CalibrationPage::Kind::Excerpt;
    s.calibration.levelLufs = -20;
    s.calibration.file = QStringLiteral("calibration/pink.wav");
    s.calibration.seconds = 8;
    s.practice.clips = 2;
    s.practice.tracks = {QStringLiteral("jazz/a.flac")};
    s.finishText = QStringLiteral("Thanks!");
    Questionnaire q;
    q.id = QStringLiteral("background");
    q.title = QStringLiteral("About you");
    q.placement = Questionnaire::Placement::Before;
    Question q1;
    q1.id = QStringLiteral("training");
    q1.type = Question::Type::Single;
    q1.text = QStringLiteral("Musical training?");
    q1.options = {QStringLiteral("none"), QStringLiteral("some"), QStringLiteral("professional")};
    Question q2;
    q2.id = QStringLiteral("mood");
    q2.type = Question::Type::Likert;
    q2.text = QStringLiteral("How do you feel?");
    q2.points = 7;
    q2.anchors = {QStringLiteral("bad"), QStringLiteral("good")};
    q2.required = false;
    q.questions = {q1, q2};
    Questionnaire end;
    end.id = QStringLiteral("end");
    end.placement = Questionnaire::Placement::BetweenBlocks;
    Question q3;
    q3.id = QStringLiteral("comments");
    q3.text = QStringLiteral("Anything else?");
    end.questions = {q3};
    s.questionnaires = {q, end};
    s.rules.requireFullPlayback = true;
    s.rules.maxReplays = 2;
    s.rules.forceAnswer = false;
    s.rules.allowBack = true;
    s.loudness.mode = LoudnessSettings::Mode::Lufs;
    s.loudness.targetLufs = -18.5;
    s.targetRmsDbfs = s.loudness.targetRmsDbfs = -21;
    s.design.poolGenres = {QStringLiteral("jazz"), QStringLiteral("rock")};
    s.design.poolTracks = {QStringLiteral("jazz/a.flac")};
    s.design.blocks = DesignSettings::Blocks::Random;
    s.design.blockCount = 3;
    s.design.shuffleBlocks = false;
    s.design.shuffleWithinBlocks = true;
    s.design.balancedAssignment = true;
    s.design.seed = 9007199254740000;
    s.design.catchClips = {{QStringLiteral("press-dislike"), QStringLiteral("catch/dislike.wav"), 1, QStringLiteral("press dislike")}};
    s.design.catchPerParticipant = 1;
    s.quality.fastAnswerSeconds = 0.8;
    s.quality.straightLineRun = 8;
    s.quality.minKappa = 0.2;
    s.quality.maxFailedCatches = 1;
    s.quality.maxFastShare = 0.25;
    return s;
}

QByteArray lines(std::initializer_list<const char *> list)
{
    QByteArray out;
    for (const char *l : list)
        out += QByteArray(l) + '\n';
    return out;
}

/// Adds tracks to a study (metadata only: planning needs no audio).
void addTracks(Study &study, const QStringList &genres, int perGenre)
{
    int n = 0;
    for (const QString &g : genres)
        for (int i = 0; i < perGenre; ++i, ++n) {
            Track t;
            t.path = QStringLiteral("/music/%1/%2.flac").arg(g).arg(i);
            t.relativePath = QStringLiteral("%1/%2.flac").arg(g).arg(i);
            t.contentHash = QStringLiteral("%1").arg(n * 7919 % 1000, 4, 10, QLatin1Char('0'));
            t.title = t.artist = QStringLiteral("t%1").arg(n);
            t.genre = g;
            t.durationSeconds = 60;
            t.sampleRate = 44100;
            t.channels = 2;
            t.format = QStringLiteral("FLAC");
            QVERIFY(study.addTrack(t) > 0);
        }
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

class TestStudyFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("json") << int(StudyFile::Format::Json);
        QTest::newRow("yaml") << int(StudyFile::Format::Yaml);
    }
    void roundTrip()
    {
        QFETCH(int, format);
        const auto f = StudyFile::Format(format);
        for (const StudySettings &s : {everything(), [] {
                                           StudySettings d;
                                           d.name = QStringLiteral("defaults");
                                           return d;
                                       }()}) {
            const QByteArray text = StudyFile::serialize(s, f);
            const StudyFile::Result r = StudyFile::parse(text, f, QStringLiteral("study"));
            QVERIFY2(r.ok, qPrintable(r.errorText() + QLatin1Char('\n') + QString::fromUtf8(text)));
            QVERIFY2(r.settings == s, text.constData());
            QCOMPARE(r.hash, StudyFile::hash(text));
            // Written again, byte for byte the same.
            QCOMPARE(StudyFile::serialize(r.settings, f), text);
        }
        // The settings' own JSON (what the study database stores) round-trips too.
        QVERIFY(StudySettings::fromJson(everything().toJson()) == everything());
        // Keys come in the documented order, not alphabetically.
        const QByteArray json = StudyFile::serialize(everything(), StudyFile::Format::Json);
        QVERIFY(json.indexOf("\"name\"") < json.indexOf("\"clipSeconds\""));
        QVERIFY(json.indexOf("\"pages\"") < json.indexOf("\"design\""));
    }

    void writesAndReadsFiles()
    {
        QTemporaryDir dir;
        for (const QString &name : {QStringLiteral("s.study.json"), QStringLiteral("s.study.yaml"), QStringLiteral("s.yml")}) {
            const QString path = dir.filePath(name);
            QString error;
            QVERIFY2(StudyFile::write(path, everything(), &error), qPrintable(error));
            const StudyFile::Result r = StudyFile::read(path);
            QVERIFY2(r.ok, qPrintable(r.errorText()));
            QVERIFY(r.settings == everything());
        }
        QFile yaml(dir.filePath(QStringLiteral("s.study.yaml")));
        QVERIFY(yaml.open(QIODevice::ReadOnly));
        QVERIFY(!yaml.readAll().trimmed().startsWith('{')); // block style, not JSON
        const StudyFile::Result missing = StudyFile::read(dir.filePath(QStringLiteral("nope.json")));
        QVERIFY(!missing.ok);
        QVERIFY(missing.errorText().contains(QStringLiteral("nope.json")));
    }

    void documentedExamplesAreValidAndAgree()
    {
        // docs/study-file.md shows these two files; they must stay valid and describe one study.
        const QString docs = QStringLiteral(TASTELAB_TEST_DATA "/../../docs/examples/");
        const StudyFile::Result yaml = StudyFile::read(docs + QStringLiteral("study.yaml"));
        const StudyFile::Result json = StudyFile::read(docs + QStringLiteral("study.json"));
        QVERIFY2(yaml.ok, qPrintable(yaml.errorText()));
        QVERIFY2(json.ok, qPrintable(json.errorText()));
        QVERIFY(yaml.settings == json.settings);
        QCOMPARE(yaml.settings.design.blocks, DesignSettings::Blocks::Genre);
        QCOMPARE(yaml.settings.questionnaires.size(), 2);
    }

    void minimalFileGetsDefaults()
    {
        const StudyFile::Result r = StudyFile::parse("name: Tiny\n", StudyFile::Format::Yaml, QStringLiteral("tiny.yaml"));
        QVERIFY2(r.ok, qPrintable(r.errorText()));
        StudySettings defaults;
        defaults.name = QStringLiteral("Tiny");
        QVERIFY(r.settings == defaults);
        QCOMPARE(r.settings.loudness.mode, LoudnessSettings::Mode::Lufs); // the default in a study file
        QCOMPARE(r.settings.loudness.targetLufs, -23.0);
    }

    void oldStudyJsonStillLoads()
    {
        // Settings JSON as studies stored it before the study file (flat keys, no sections).
        const QJsonObject old = QJsonDocument::fromJson(R"({"name":"Old","clipSeconds":8,"clipsPerParticipant":50,
            "balanceGenres":false,"repeats":5,"scale":"likert7","anchors":[],"instructions":"Listen.","askAge":true,
            "demographicFields":["x"],"minListenSeconds":3,"fadeMs":10,"targetRmsDbfs":-18,"mode":"study","someFutureKey":1})")
                                    .object();
        const StudySettings s = StudySettings::fromJson(old);
        QCOMPARE(s.clipsPerParticipant, 50);
        QCOMPARE(s.balanceGenres, false);
        QCOMPARE(s.repeats, 5);
        QCOMPARE(s.minListenSeconds, 3.0);
        QCOMPARE(s.targetRmsDbfs, -18.0);
        QCOMPARE(s.loudness.mode, LoudnessSettings::Mode::Rms); // keeps what its participants heard
        QCOMPARE(s.loudness.targetRmsDbfs, -18.0);
        QCOMPARE(s.scale, AnswerScale::Likert7);
        QVERIFY(s.validate().isEmpty());
    }

    void schemaErrorsHaveLineNumbers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        // JSON
        QTest::newRow("json syntax") << QStringLiteral("study.json")
                                     << lines({"{", "  \"name\": \"x\",", "  \"clipSeconds\": 10", "  \"fadeMs\": 5", "}"})
                                     << QStringLiteral("study.json:4: JSON syntax error: ");
        QTest::newRow("json unknown key") << QStringLiteral("study.json")
                                          << lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"blokcs\": \"genre\"", "  }", "}"})
                                          << QStringLiteral("study.json:4: unknown key 'blokcs' in 'design' (did you mean 'blocks'?)");
        QTest::newRow("json enum") << QStringLiteral("study.json")
                                   << lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"clipsPerParticipant\": 20,",
                                             "    \"blocks\": \"genres\"", "  }", "}"})
                                   << QStringLiteral("study.json:5: 'design.blocks' must be one of none, genre, random, not 'genres'");
        QTest::newRow("json type") << QStringLiteral("study.json") << lines({"{", "  \"name\": \"x\",", "  \"clipSeconds\": \"ten\"", "}"})
                                   << QStringLiteral("study.json:3: 'clipSeconds' must be a number, not 'ten'");
        QTest::newRow("json range") << QStringLiteral("study.json")
                                    << lines({"{", "  \"name\": \"x\",", "  \"design\": { \"clipsPerParticipant\": 0 }", "}"})
                                    << QStringLiteral("study.json:3: 'design.clipsPerParticipant' must be between 1 and 10000, not 0");
        QTest::newRow("json duplicate") << QStringLiteral("study.json") << lines({"{", "  \"name\": \"x\",", "  \"name\": \"y\"", "}"})
                                        << QStringLiteral("study.json:3: the key 'name' appears twice");
        QTest::newRow("json missing name") << QStringLiteral("study.json") << lines({"{", "  \"clipSeconds\": 10", "}"})
                                           << QStringLiteral("study.json:1: 'name' is required");
        QTest::newRow("json not an object") << QStringLiteral("study.json") << lines({"[1, 2]"})
                                            << QStringLiteral("study.json:1: the study file must be an object");
        QTest::newRow("json top-level typo") << QStringLiteral("s.json")
                                             << lines({"{", "  \"name\": \"x\",", "", "  \"clipSecond\": 10", "}"})
                                             << QStringLiteral("s.json:4: unknown key 'clipSecond' at the top level (did you mean 'clipSeconds'?)");
        // YAML
        QTest::newRow("yaml enum (line 14)")
            << QStringLiteral("study.yaml")
            << lines({"# A study", "name: Pilot", "clipSeconds: 10", "scale: like-dislike", "", "rules:", "  maxReplays: 2",
                      "  allowBack: false", "", "loudness:", "  mode: lufs", "", "design:", "  blocks: genres"})
            << QStringLiteral("study.yaml:14: 'design.blocks' must be one of none, genre, random, not 'genres'");
        QTest::newRow("yaml syntax") << QStringLiteral("study.yaml") << lines({"name: x", "design:", "  blocks: [genre", "rules: {}"})
                                     << QStringLiteral("study.yaml:");
        QTest::newRow("yaml unknown nested key")
            << QStringLiteral("study.yaml")
            << lines({"name: x", "pages:", "  calibration:", "    enabled: true", "    levelLUFS: -20"})
            << QStringLiteral("study.yaml:5: unknown key 'levelLUFS' in 'pages.calibration' (did you mean 'levelLufs'?)");
        QTest::newRow("yaml question without type")
            << QStringLiteral("q.yaml")
            << lines({"name: x", "questionnaires:", "  - id: bg", "    questions:", "      - id: age", "        text: How old are you?"})
            << QStringLiteral("q.yaml:5: 'questionnaires[0].questions[0].type' is required");
        QTest::newRow("yaml not a whole number") << QStringLiteral("study.yaml") << lines({"name: x", "rules:", "  maxReplays: 1.5"})
                                                 << QStringLiteral("study.yaml:3: 'rules.maxReplays' must be a whole number, not 1.5");
        QTest::newRow("yaml boolean as string") << QStringLiteral("study.yaml") << lines({"name: x", "askAge: \"yes\""})
                                                << QStringLiteral("study.yaml:2: 'askAge' must be true or false, not 'yes'");
        QTest::newRow("yaml list expected") << QStringLiteral("study.yaml") << lines({"name: x", "anchors: like"})
                                            << QStringLiteral("study.yaml:2: 'anchors' must be a list of strings, not a string");
        QTest::newRow("yaml semantic check") << QStringLiteral("study.yaml")
                                             << lines({"name: x", "design:", "  catchClips:", "    - id: c", "      file: c.wav",
                                                       "      expected: 3"})
                                             << QStringLiteral("study.yaml:6: catch clip 'c': expected answer 3 is not on the 0-1 "
                                                               "scale (the default scale)");
    }
    void schemaErrorsHaveLineNumbers()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const StudyFile::Result r = StudyFile::parse(content, StudyFile::formatFor(name), name);
        QVERIFY(!r.ok);
        QVERIFY2(!r.errors.isEmpty() && r.errors.first().startsWith(expected),
                 qPrintable(QStringLiteral("expected: %1\ngot: %2").arg(expected, r.errorText())));
    }

    // Checks that span several keys: each error has the line of the key most responsible, and
    // names the other key's line. Every check, in YAML and in JSON; the whole error list compared.
    void crossKeyErrorsHaveLineNumbers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *tag, const char *file, QByteArray content, QStringList expected) {
            QTest::newRow(tag) << QString::fromLatin1(file) << content << expected;
        };
        // --- YAML ---
        row("yaml blank name", "s.yaml", lines({"clipSeconds: 5", "name: \"  \""}), {"s.yaml:2: 'name' must not be empty"});
        row("yaml anchors vs scale", "s.yaml", lines({"name: x", "", "scale: likert5", "anchors: [no, yes]"}),
            {"s.yaml:4: 'anchors' has 2 labels, but the likert5 scale has 5 points (scale at line 3)"});
        row("yaml anchors vs default scale", "s.yaml", lines({"name: x", "anchors: [a, b, c]"}),
            {"s.yaml:2: 'anchors' has 3 labels, but the like-dislike scale has 2 points (the default scale)"});
        row("yaml repeats", "s.yaml", lines({"name: x", "design:", "  clipsPerParticipant: 4", "  balanceGenres: false", "  repeats: 5"}),
            {"s.yaml:5: 'design.repeats' is 5, more than the 4 clips per participant (design.clipsPerParticipant at line 3)"});
        row("yaml repeats, default clips", "s.yaml", lines({"name: x", "design:", "  repeats: 201"}),
            {"s.yaml:3: 'design.repeats' is 201, more than the 200 clips per participant (the default "
             "design.clipsPerParticipant)"});
        row("yaml block count", "s.yaml",
            lines({"name: x", "design:", "  blockCount: 6", "  clipsPerParticipant: 5", "  blocks: random"}),
            {"s.yaml:3: 'design.blockCount' is 6, more than the 5 clips per participant (design.clipsPerParticipant at line 4)"});
        row("yaml default block count", "s.yaml", lines({"name: x", "design:", "  clipsPerParticipant: 1", "  blocks: random"}),
            {"s.yaml:4: random blocks need design.blockCount (default 2) to be at most the 1 clips per participant "
             "(design.clipsPerParticipant at line 3)"});
        row("yaml catch per participant", "s.yaml",
            lines({"name: x", "design:", "  catchClips:", "    - id: c1", "      file: c1.wav", "      expected: 0",
                   "  catchPerParticipant: 2"}),
            {"s.yaml:7: 'design.catchPerParticipant' is 2, but 1 catch clips are listed (design.catchClips at line 3)"});
        row("yaml catch per participant, no clips", "s.yaml", lines({"name: x", "design:", "  catchPerParticipant: 1"}),
            {"s.yaml:3: 'design.catchPerParticipant' is 1, but 0 catch clips are listed (no design.catchClips)"});
        row("yaml catch ids", "s.yaml",
            lines({"name: x", "design:", "  catchClips:", "    - id: c1", "      file: a.wav", "      expected: 1", "    - id: \"\"",
                   "      file: b.wav", "      expected: 1", "    - file: c.wav", "      expected: 0", "      id: c1"}),
            {"s.yaml:7: catch clip design.catchClips[1] needs an id",
             "s.yaml:12: catch clip id 'c1' is used twice (first at line 4)"});
        row("yaml catch file", "s.yaml",
            lines({"name: x", "design:", "  catchClips:", "    - id: c1", "      file: \" \"", "      expected: 1"}),
            {"s.yaml:5: catch clip 'c1': 'file' must not be empty"});
        row("yaml catch expected", "s.yaml",
            lines({"# Catch clips", "name: x", "", "", "scale: likert5", "design:", "  catchClips:", "    - id: c1", "      file: c1.wav",
                   "      expected: 1", "    - id: c2", "      file: c2.wav", "      instruction: Press 7", "      expected: 7"}),
            {"s.yaml:14: catch clip 'c2': expected answer 7 is not on the 1-5 scale (scale at line 5)"});
        row("yaml questionnaire ids", "s.yaml",
            lines({"name: x", "questionnaires:", "  - id: bg", "    questions:", "      - {id: a, type: text, text: Age}",
                   "  - id: bg", "    questions:", "      - {id: a, type: text, text: Age}", "  - id: \" \"", "    questions:",
                   "      - {id: a, type: text, text: Age}"}),
            {"s.yaml:6: questionnaire id 'bg' is used twice (first at line 3)", "s.yaml:9: questionnaire questionnaires[2] needs an id"});
        row("yaml no questions", "s.yaml", lines({"name: x", "questionnaires:", "  - id: bg", "    title: Background", "    questions: []"}),
            {"s.yaml:5: questionnaire 'bg' has no questions"});
        row("yaml question ids and text", "s.yaml",
            lines({"name: x", "questionnaires:", "  - id: bg", "    questions:", "      - id: age", "        type: text",
                   "        text: Age?", "      - id: age", "        type: text", "        text: \"\"", "      - id: \"\"",
                   "        type: text", "        text: Why?"}),
            {"s.yaml:8: question id 'age' is used twice in questionnaire 'bg' (first at line 5)",
             "s.yaml:10: question 'age' of questionnaire 'bg': 'text' must not be empty",
             "s.yaml:11: question questions[2] of questionnaire 'bg' needs an id"});
        row("yaml options", "s.yaml",
            lines({"name: x", "questionnaires:", "  - id: bg", "    questions:", "      - id: a", "        type: single",
                   "        text: A?", "        options: [only]", "      - id: b", "        type: multiple", "        text: B?"}),
            {"s.yaml:8: question 'a' of questionnaire 'bg' has 1 options; a 'single' question needs at least two (type at line 6)",
             "s.yaml:10: question 'b' of questionnaire 'bg' has 0 options; a 'multiple' question needs at least two (type at line 10)"});
        row("yaml likert points", "s.yaml",
            lines({"name: x", "questionnaires:", "  - id: end", "    questions:", "      - id: l", "        type: likert",
                   "        text: L?", "        points: 6"}),
            {"s.yaml:8: Likert question 'l' of questionnaire 'end' must have 5 or 7 points, not 6"});
        row("yaml likert anchors", "s.yaml",
            lines({"name: x", "questionnaires:", "  - id: end", "    questions:", "      - id: l", "        type: likert",
                   "        points: 7", "        text: L?", "        anchors: [a, b, c]", "      - id: m", "        type: likert",
                   "        text: M?", "        anchors: [a, b, c, d, e, f, g]"}),
            {"s.yaml:9: Likert question 'l' of questionnaire 'end' has 3 anchors; with 7 points it needs none, 2 (the ends) or 7 "
             "(points at line 7)",
             "s.yaml:13: Likert question 'm' of questionnaire 'end' has 7 anchors; with 5 points it needs none, 2 (the ends) or 5 "
             "(the default points)"});
        // --- JSON ---
        row("json blank name", "s.json", lines({"{", "  \"clipSeconds\": 5,", "  \"name\": \" \"", "}"}),
            {"s.json:3: 'name' must not be empty"});
        row("json anchors vs scale", "s.json", lines({"{", "  \"scale\": \"likert7\",", "  \"name\": \"x\",", "  \"anchors\": [\"a\", \"b\"]", "}"}),
            {"s.json:4: 'anchors' has 2 labels, but the likert7 scale has 7 points (scale at line 2)"});
        row("json repeats", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"clipsPerParticipant\": 4,", "    \"repeats\": 5", "  }", "}"}),
            {"s.json:5: 'design.repeats' is 5, more than the 4 clips per participant (design.clipsPerParticipant at line 4)"});
        row("json block count", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"clipsPerParticipant\": 5,", "    \"blocks\": \"random\",",
                   "    \"blockCount\": 6", "  }", "}"}),
            {"s.json:6: 'design.blockCount' is 6, more than the 5 clips per participant (design.clipsPerParticipant at line 4)"});
        row("json default block count", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"blocks\": \"random\",", "    \"clipsPerParticipant\": 1", "  }", "}"}),
            {"s.json:4: random blocks need design.blockCount (default 2) to be at most the 1 clips per participant "
             "(design.clipsPerParticipant at line 5)"});
        row("json catch per participant", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"design\": {", "    \"catchClips\": [", "      {", "        \"id\": \"c1\",",
                   "        \"file\": \"c1.wav\",", "        \"expected\": 1", "      }", "    ],", "    \"catchPerParticipant\": 3",
                   "  }", "}"}),
            {"s.json:11: 'design.catchPerParticipant' is 3, but 1 catch clips are listed (design.catchClips at line 4)"});
        row("json catch ids, file, expected", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"scale\": \"likert5\",", "  \"design\": {", "    \"catchClips\": [",
                   "      { \"id\": \"c1\", \"file\": \"a.wav\", \"expected\": 1 },", "      {", "        \"id\": \"c1\",",
                   "        \"file\": \"\",", "        \"expected\": 0", "      },", "      { \"id\": \"\", \"file\": \"c.wav\",",
                   "        \"expected\": 6 }", "    ]", "  }", "}"}),
            {"s.json:8: catch clip id 'c1' is used twice (first at line 6)", "s.json:9: catch clip 'c1': 'file' must not be empty",
             "s.json:10: catch clip 'c1': expected answer 0 is not on the 1-5 scale (scale at line 3)",
             "s.json:12: catch clip design.catchClips[2] needs an id",
             "s.json:13: catch clip design.catchClips[2]: expected answer 6 is not on the 1-5 scale (scale at line 3)"});
        row("json questionnaires", "s.json",
            lines({"{", "  \"name\": \"x\",", "  \"questionnaires\": [", "    {", "      \"id\": \"bg\",", "      \"questions\": []", "    },",
                   "    {", "      \"id\": \"bg\",", "      \"questions\": [", "        { \"id\": \"a\", \"type\": \"text\", \"text\": \"A?\" },",
                   "        { \"id\": \"a\", \"type\": \"text\", \"text\": \" \" },",
                   "        { \"id\": \"s\", \"type\": \"single\",", "          \"text\": \"S?\" },",
                   "        { \"id\": \"l\", \"type\": \"likert\", \"text\": \"L?\",", "          \"points\": 6,",
                   "          \"anchors\": [\"a\", \"b\", \"c\"] }", "      ]", "    }", "  ]", "}"}),
            {"s.json:6: questionnaire 'bg' has no questions", "s.json:9: questionnaire id 'bg' is used twice (first at line 5)",
             "s.json:12: question id 'a' is used twice in questionnaire 'bg' (first at line 11)",
             "s.json:12: question 'a' of questionnaire 'bg': 'text' must not be empty",
             "s.json:13: question 's' of questionnaire 'bg' has 0 options; a 'single' question needs at least two (type at line 13)",
             "s.json:16: Likert question 'l' of questionnaire 'bg' must have 5 or 7 points, not 6",
             "s.json:17: Likert question 'l' of questionnaire 'bg' has 3 anchors; with 6 points it needs none, 2 (the ends) or 6 "
             "(points at line 16)"});
    }
    void crossKeyErrorsHaveLineNumbers()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        const StudyFile::Result r = StudyFile::parse(content, StudyFile::formatFor(name), name);
        QVERIFY(!r.ok);
        QVERIFY2(r.errors == expected, qPrintable(QStringLiteral("expected:\n%1\ngot:\n%2").arg(expected.join(QLatin1Char('\n')), r.errorText())));
        // The same file read from disk names the same lines.
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        writeFile(path, content);
        const StudyFile::Result fromDisk = StudyFile::read(path);
        QCOMPARE(fromDisk.errors.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(fromDisk.errors[i], QDir::toNativeSeparators(path) + expected[i].mid(name.size()));
    }

    void severalErrorsAtOnce()
    {
        const StudyFile::Result r = StudyFile::parse(lines({"name: x", "clipSecond: 10", "rules:", "  maxReplay: 1", "scale: likert9"}),
                                                     StudyFile::Format::Yaml, QStringLiteral("s.yaml"));
        QCOMPARE(r.errors.size(), 3);
        QVERIFY(r.errors[0].startsWith(QStringLiteral("s.yaml:2: unknown key 'clipSecond'")));
        QVERIFY(r.errors[1].startsWith(QStringLiteral("s.yaml:4: unknown key 'maxReplay' in 'rules'")));
        QVERIFY(r.errors[2].startsWith(QStringLiteral("s.yaml:5: 'scale' must be one of like-dislike, likert5, likert7")));
    }

    void hashStoredAndChangeDetected()
    {
        QTemporaryDir dir;
        QString error;
        StudySettings s;
        s.name = QStringLiteral("Hash study");
        s.clipsPerParticipant = 6;
        s.repeats = 1;
        s.practice.clips = 1;
        s.design.blocks = DesignSettings::Blocks::Genre;
        auto study = Study::create(dir.filePath(QStringLiteral("h.tastelab")), s, &error);
        QVERIFY2(study, qPrintable(error));
        addTracks(*study, {QStringLiteral("jazz"), QStringLiteral("rock")}, 6);
        QCOMPARE(study->checkStudyFile().state, Study::StudyFileState::None);
        QVERIFY(study->studyFileHash().isEmpty());

        const QString file = StudyFile::defaultPathFor(study->path(), StudyFile::Format::Yaml);
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("h.study.yaml"));
        QVERIFY2(study->writeStudyFile(file), qPrintable(study->lastError()));
        const QString hash1 = StudyFile::hash([&] {
            QFile f(file);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }());
        QCOMPARE(study->studyFileHash(), hash1);
        QCOMPARE(study->studyFilePath(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(study->checkStudyFile().state, Study::StudyFileState::Unchanged);
        QCOMPARE(study->studyFileVersions().size(), 1);
        QCOMPARE(study->studyFileVersions().first().note, QStringLiteral("created"));

        // Edited before data collection: applied without asking.
        QByteArray text = StudyFile::serialize(study->settings(), StudyFile::Format::Yaml);
        text.replace("clipsPerParticipant: 6", "clipsPerParticipant: 8");
        writeFile(file, text);
        QCOMPARE(study->checkStudyFile().state, Study::StudyFileState::Changed);
        QVERIFY2(study->loadStudyFile(), qPrintable(study->lastError()));
        QCOMPARE(study->settings().clipsPerParticipant, 8);
        const QString hash2 = study->studyFileHash();
        QVERIFY(hash2 != hash1);

        // A participant and an answer carry the hash.
        const auto p = study->createParticipant(QStringLiteral("P1"), 77, {});
        QVERIFY2(p, qPrintable(study->lastError()));
        QCOMPARE(p->studyFileHash, hash2);
        QCOMPARE(p->scheduleIndex, 0);
        const QVector<Clip> plan = study->plan(p->id);
        QCOMPARE(plan.size(), 9);
        QCOMPARE(study->extraClips(p->id).size(), 1);
        QVERIFY(study->verifySchedule(*p).isEmpty());
        Answer a;
        a.participantId = p->id;
        a.position = 0;
        a.trackId = plan[0].trackId;
        a.clipStart = plan[0].startSeconds;
        a.clipLength = plan[0].lengthSeconds;
        a.value = 1;
        QVERIFY2(study->recordAnswer(a), qPrintable(study->lastError()));
        QCOMPARE(study->answers(p->id).first().studyFileHash, hash2);

        // Changed after data collection began: detected, refused without confirmation.
        text.replace("clipsPerParticipant: 8", "clipsPerParticipant: 10");
        writeFile(file, text);
        QVERIFY(study->studyFileChanged());
        const Study::StudyFileCheck check = study->checkStudyFile();
        QCOMPARE(check.state, Study::StudyFileState::ChangedAfterData);
        QCOMPARE(check.recordedHash, hash2);
        QVERIFY(!study->loadStudyFile());
        QVERIFY(study->lastError().contains(QStringLiteral("changed after data collection began")));
        QCOMPARE(study->settings().clipsPerParticipant, 8);
        QCOMPARE(study->studyFileHash(), hash2);
        // Confirmed: the new hash is recorded, with the file's text.
        QVERIFY2(study->loadStudyFile(QString(), true), qPrintable(study->lastError()));
        const QString hash3 = study->studyFileHash();
        QCOMPARE(hash3, check.fileHash);
        QCOMPARE(study->settings().clipsPerParticipant, 10);
        const QVector<StudyFileVersion> versions = study->studyFileVersions();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions.last().hash, hash3);
        QCOMPARE(versions.last().note, QStringLiteral("accepted after data collection began"));
        QCOMPARE(versions.last().content.toUtf8(), text);
        a.position = 1;
        a.trackId = plan[1].trackId;
        a.clipStart = plan[1].startSeconds;
        QVERIFY(study->recordAnswer(a));
        const QVector<Answer> answers = study->answers(p->id);
        QCOMPARE(answers[0].studyFileHash, hash2); // the earlier answer keeps its version
        QCOMPARE(answers[1].studyFileHash, hash3);
        // P1's schedule is regenerated from the version recorded with them, not the new one.
        QVERIFY(study->verifySchedule(*p).isEmpty());
        const auto p2 = study->createParticipant(QStringLiteral("P2"), 78, {});
        QCOMPARE(p2->studyFileHash, hash3);
        QCOMPARE(p2->scheduleIndex, 1);
        QCOMPARE(study->plan(p2->id).size(), 11);

        // A broken file: reported with its line, the version in force stays.
        writeFile(file, text + "design:\n  blocks: genres\n");
        const Study::StudyFileCheck broken = study->checkStudyFile();
        QCOMPARE(broken.state, Study::StudyFileState::Invalid);
        QVERIFY2(broken.errors.join(QLatin1Char('\n')).contains(QStringLiteral("h.study.yaml:")), qPrintable(broken.errors.join(QLatin1Char('\n'))));
        QVERIFY(!study->loadStudyFile(QString(), true));
        QCOMPARE(study->studyFileHash(), hash3);

        // Reopened: everything is still there.
        const QString path = study->path();
        study.reset();
        study = Study::open(path, &error);
        QVERIFY(study);
        QCOMPARE(study->studyFileHash(), hash3);
        QCOMPARE(study->participant(QStringLiteral("P1"))->studyFileHash, hash2);
        QCOMPARE(study->studyFileVersions().size(), 3);
    }

    void tamperedScheduleIsFound()
    {
        QTemporaryDir dir;
        QString error;
        StudySettings s;
        s.name = QStringLiteral("Tamper");
        s.clipsPerParticipant = 5;
        auto study = Study::create(dir.filePath(QStringLiteral("t.tastelab")), s, &error);
        QVERIFY(study);
        addTracks(*study, {QStringLiteral("a")}, 10);
        QVERIFY(study->writeStudyFile(StudyFile::defaultPathFor(study->path())));
        const auto p = study->createParticipant(QStringLiteral("P"), 5, {});
        QVERIFY(p);
        QVERIFY(study->verifySchedule(*p).isEmpty());
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE plan_items SET clip_start = clip_start + 1 WHERE position = 2")));
        const QStringList diff = study->verifySchedule(*p);
        QCOMPARE(diff.size(), 1);
        QVERIFY2(diff.first().contains(QStringLiteral("position 3")), qPrintable(diff.first()));
    }

    void mergeChecksTheStudyFile()
    {
        // A station copied the study before it had a study file and collected an answer there.
        QTemporaryDir dir;
        QString error;
        StudySettings s;
        s.name = QStringLiteral("Merge");
        s.clipsPerParticipant = 4;
        const QString mainPath = dir.filePath(QStringLiteral("main.tastelab"));
        const QString stationPath = dir.filePath(QStringLiteral("station.tastelab"));
        {
            auto study = Study::create(mainPath, s, &error);
            QVERIFY(study);
            addTracks(*study, {QStringLiteral("a")}, 8);
        }
        QVERIFY(QFile::copy(mainPath, stationPath));
        {
            auto station = Study::open(stationPath, &error);
            QVERIFY(station);
            const auto p = station->createParticipant(QStringLiteral("S1"), 3, {});
            QVERIFY(p);
            const Clip c = station->plan(p->id).first();
            Answer a;
            a.participantId = p->id;
            a.trackId = c.trackId;
            a.clipStart = c.startSeconds;
            a.clipLength = c.lengthSeconds;
            a.value = 0;
            QVERIFY(station->recordAnswer(a));
        }
        auto study = Study::open(mainPath, &error);
        QVERIFY(study);
        QVERIFY(study->writeStudyFile(StudyFile::defaultPathFor(mainPath)));

        MergeReport r = mergeStudy(*study, stationPath);
        QVERIFY(r.refused);
        QVERIFY(!r.ok());
        QCOMPARE(r.scheduleConflicts.size(), 1);
        QVERIFY2(r.scheduleConflicts.first().startsWith(QStringLiteral("the study files differ: %1 here, none in").arg(study->studyFileHash().left(12))),
                 qPrintable(r.scheduleConflicts.first()));
        QVERIFY(r.toText().contains(QStringLiteral("nothing was merged")));
        QVERIFY(study->participants().isEmpty());

        r = mergeStudy(*study, stationPath, true);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.forced);
        QCOMPARE(r.participantsAdded, 1);
        const Participant merged = *study->participant(QStringLiteral("S1"));
        QVERIFY(merged.studyFileHash.isEmpty());                                // started without a study file
        QVERIFY(study->answers(merged.id).first().studyFileHash.isEmpty()); // and answered without one
        QSqlQuery q(study->database());
        QVERIFY(q.exec(QStringLiteral("SELECT outcome, conflicts FROM merge_log ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("refused"));
        QVERIFY(q.value(1).toString().contains(QStringLiteral("the study files differ")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("forced"));
    }

    void oldDatabaseMigratesWithNulls()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.tastelab"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QCOMPARE(StudyDatabase::migrate(db, &error, 5), StudyDatabase::MigrationResult::Migrated);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO study_meta VALUES ('study_id', 'x'), ('settings', '{\"name\":\"Old\"}')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO tracks VALUES (1, '/a.flac', 'a.flac', 'h', 't', 'a', 'g', 60, 44100, 2, 'FLAC', 'now')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO participants(id, code, seed, created_at) VALUES (1, 'P', '5', 'now')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO plan_items(participant_id, position, track_id, clip_start, clip_length) VALUES (1, 0, 1, 3, 10)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO answers(participant_id, position, track_id, clip_start, clip_length, scale, value, "
                                          "response_ms, answered_at) VALUES (1, 0, 1, 3, 10, 'like-dislike', 1, 900, 'now')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        QString error;
        auto study = Study::open(path, &error);
        QVERIFY2(study, qPrintable(error));
        const Participant p = *study->participant(QStringLiteral("P"));
        QVERIFY(p.studyFileHash.isEmpty());
        QCOMPARE(p.scheduleIndex, -1);
        QVERIFY(study->answers(p.id).first().studyFileHash.isEmpty());
        QCOMPARE(study->plan(p.id).first().block, 0);
        QCOMPARE(study->settings().loudness.mode, LoudnessSettings::Mode::Rms);
        QCOMPARE(study->verifySchedule(p).size(), 1); // not comparable, and says so
    }
};

QTEST_GUILESS_MAIN(TestStudyFile)
#include "tst_studyfile.moc"
