// tastelab-cli: every capability of the GUI, scriptable (tests, benchmarks, batch use).

#include "audio/audiofile.h"
#include "embed/encoderregistry.h"
#include "study/demostudy.h"
#include "study/embeddingstore.h"
#include "study/extraction.h"
#include "study/results.h"
#include "study/textfile.h"
#include "study/training.h"
#include "study/exporter.h"
#include "study/explanation.h"
#include "study/catchclips.h"
#include "study/qualityreport.h"
#include "study/importer.h"
#include "study/listener.h"
#include "study/participantsession.h"
#include "study/recommendations.h"
#include "study/study.h"
#include "study/studyfile.h"
#include "study/tasteprofile.h"
#include "survey/clipplanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QSqlQuery>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>

using namespace tastelab;

namespace {

enum Exit { Ok = 0, Usage = 2, Failed = 3 };

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const QString &message)
{
    out().flush();
    std::fprintf(stderr, "tastelab-cli: %s\n", qPrintable(message));
    return Failed;
}

struct Command {
    const char *name;
    const char *synopsis;
    int (*run)(QCommandLineParser &);
};

std::unique_ptr<Study> openStudy(QCommandLineParser &p, int *code)
{
    const QString path = p.value(QStringLiteral("study"));
    if (path.isEmpty()) {
        *code = fail(QStringLiteral("--study FILE is required"));
        return nullptr;
    }
    QString error;
    auto study = Study::open(path, &error);
    if (!study) {
        *code = fail(error);
        return study;
    }
    // The study file: a change is applied (after data collection began only with
    // --accept-changed-file); a broken or missing file leaves the version in force, with a warning.
    const Study::StudyFileCheck check = study->checkStudyFile();
    switch (check.state) {
    case Study::StudyFileState::None:
    case Study::StudyFileState::Unchanged:
        break;
    case Study::StudyFileState::Missing:
    case Study::StudyFileState::Invalid:
        std::fprintf(stderr, "tastelab-cli: warning: %s\ntastelab-cli: the study file version recorded in the study stays in force\n",
                     qPrintable(check.errors.join(QLatin1Char('\n'))));
        break;
    case Study::StudyFileState::Changed:
    case Study::StudyFileState::ChangedAfterData:
        if (check.state == Study::StudyFileState::ChangedAfterData && !p.isSet(QStringLiteral("accept-changed-file"))) {
            *code = fail(QStringLiteral("%1 changed after data collection began (recorded %2, now %3); run again with "
                                        "--accept-changed-file to use the new version (it is recorded), or restore the file")
                             .arg(QDir::toNativeSeparators(check.path), check.recordedHash.left(12), check.fileHash.left(12)));
            return nullptr;
        }
        if (!study->loadStudyFile(QString(), true)) {
            *code = fail(study->lastError());
            return nullptr;
        }
        std::fprintf(stderr, "tastelab-cli: study file %s changed: version %s recorded\n", qPrintable(QDir::toNativeSeparators(check.path)),
                     qPrintable(check.fileHash.left(12)));
        break;
    }
    return study;
}

QString dataDir(QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("data-dir")) ? p.value(QStringLiteral("data-dir"))
                                               : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

int cmdDemo(QCommandLineParser &p)
{
    QString error;
    const QString dir = dataDir(p);
    QDir().mkpath(dir);
    const QString path = ensureDemoStudy(dir, &error, [](int done, int total) {
        std::fprintf(stderr, "\rsynthesizing demo library: %d/%d", done, total);
        if (done == total)
            std::fprintf(stderr, "\n");
        return true;
    });
    if (path.isEmpty())
        return fail(error);
    out() << path << Qt::endl;
    return Ok;
}

// create --station K: this file's station number (kept in the study database, not the study file).
int setStationOption(QCommandLineParser &p, Study &study)
{
    if (!p.isSet(QStringLiteral("station")))
        return Ok;
    bool ok = false;
    const int k = p.value(QStringLiteral("station")).toInt(&ok);
    if (!ok || !study.setStationNumber(k))
        return fail(ok ? study.lastError() : QStringLiteral("--station needs a number, not '%1'").arg(p.value(QStringLiteral("station"))));
    out() << "station " << k << " of " << study.settings().design.stations << Qt::endl;
    return Ok;
}

int cmdCreate(QCommandLineParser &p)
{
    const QString studyFile = p.value(QStringLiteral("study-file"));
    if (!studyFile.isEmpty() && QFileInfo::exists(studyFile)) {
        // The study is defined by an existing study file.
        const StudyFile::Result r = StudyFile::read(studyFile);
        if (!r.ok)
            return fail(r.errorText());
        QString error;
        auto study = Study::create(p.value(QStringLiteral("study")), r.settings, &error);
        if (!study)
            return fail(error);
        if (!study->loadStudyFile(studyFile))
            return fail(study->lastError());
        out() << "created " << QDir::toNativeSeparators(p.value(QStringLiteral("study"))) << " from "
              << QDir::toNativeSeparators(studyFile) << " (sha256 " << study->studyFileHash() << ")" << Qt::endl;
        return setStationOption(p, *study);
    }
    StudySettings s;
    s.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("clip-seconds")))
        s.clipSeconds = p.value(QStringLiteral("clip-seconds")).toDouble();
    if (p.isSet(QStringLiteral("clips")))
        s.clipsPerParticipant = p.value(QStringLiteral("clips")).toInt();
    if (p.isSet(QStringLiteral("repeats")))
        s.repeats = p.value(QStringLiteral("repeats")).toInt();
    if (p.isSet(QStringLiteral("no-balance")))
        s.balanceGenres = false;
    if (p.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        s.scale = scaleFromId(p.value(QStringLiteral("scale")), &ok);
        if (!ok)
            return fail(QStringLiteral("unknown scale '%1' (like-dislike, likert5, likert7)").arg(p.value(QStringLiteral("scale"))));
    }
    if (p.isSet(QStringLiteral("anchors")))
        s.anchors = p.value(QStringLiteral("anchors")).split(QLatin1Char('|'));
    if (p.isSet(QStringLiteral("min-listen")))
        s.minListenSeconds = p.value(QStringLiteral("min-listen")).toDouble();
    if (p.isSet(QStringLiteral("ask-age")))
        s.askAge = true;
    if (p.isSet(QStringLiteral("field")))
        s.demographicFields = p.values(QStringLiteral("field"));
    if (p.isSet(QStringLiteral("stations")))
        s.design.stations = p.value(QStringLiteral("stations")).toInt();
    QString error;
    if (p.isSet(QStringLiteral("builtin-catch"))) {
        // Spoken with espeak-ng when installed, else the beep code (docs/quality.md).
        const QString studyFolder = QFileInfo(p.value(QStringLiteral("study"))).absolutePath();
        const QString folder = QDir(studyFolder).filePath(QStringLiteral("catch"));
        BuiltinCatchClips catches;
        if (!addBuiltinCatchClips(&s, studyFolder, &error, &catches))
            return fail(error);
        out() << "built-in catch clips in " << QDir::toNativeSeparators(folder)
              << (catches.spoken ? " (spoken by espeak-ng)" : " (beep code: espeak-ng is not installed)") << Qt::endl;
    }
    auto study = Study::create(p.value(QStringLiteral("study")), s, &error);
    if (!study)
        return fail(error);
    out() << "created " << QDir::toNativeSeparators(p.value(QStringLiteral("study"))) << Qt::endl;
    if (!studyFile.isEmpty()) {
        // A new study file from the options, next to the study or where --study-file says.
        s.design.seed = qint64(randomSeed() >> 11);
        if (!study->setSettings(s) || !study->writeStudyFile(studyFile))
            return fail(study->lastError());
        out() << "wrote " << QDir::toNativeSeparators(studyFile) << " (sha256 " << study->studyFileHash() << ")" << Qt::endl;
    }
    return setStationOption(p, *study);
}

int cmdStation(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    if (p.isSet(QStringLiteral("set"))) {
        bool ok = false;
        const int k = p.value(QStringLiteral("set")).toInt(&ok);
        if (!ok || !study->setStationNumber(k))
            return fail(ok ? study->lastError() : QStringLiteral("--set needs a station number, not '%1'").arg(p.value(QStringLiteral("set"))));
    }
    const int stations = study->settings().design.stations;
    const int k = study->stationNumber();
    if (k > 0)
        out() << "station " << k << " of " << stations;
    else
        out() << "no station number (the study has " << stations << (stations == 1 ? " station" : " stations") << ")";
    const int next = study->nextScheduleIndex();
    if (next >= 0)
        out() << "; the next participant gets schedule index " << next << Qt::endl;
    else
        out() << Qt::endl << "note: " << study->lastError() << Qt::endl;
    return Ok;
}

int cmdValidate(QCommandLineParser &p)
{
    const QStringList args = p.positionalArguments();
    const QString file = args.size() > 1 ? args.at(1) : p.value(QStringLiteral("study-file"));
    if (file.isEmpty())
        return fail(QStringLiteral("validate needs a study file: tastelab-cli validate FILE"));
    const StudyFile::Result r = StudyFile::read(file);
    if (!r.ok) {
        out().flush();
        std::fprintf(stderr, "%s\n", qPrintable(r.errorText()));
        return Failed;
    }
    const StudySettings &s = r.settings;
    out() << QDir::toNativeSeparators(file) << ": valid" << Qt::endl;
    out() << "sha256 " << r.hash << Qt::endl;
    out() << "study '" << s.name << "': " << s.clipsPerParticipant << " clips of " << s.clipSeconds << " s, scale "
          << scaleId(s.scale) << ", " << s.repeats << " repeats, blocks " << blocksId(s.design.blocks)
          << (s.design.balancedAssignment ? ", balanced assignment" : "") << ", " << s.practice.clips << " practice, "
          << s.design.catchClips.size() << " catch clips, " << s.questionnaires.size() << " questionnaires, loudness "
          << loudnessModeId(s.loudness.mode) << Qt::endl;
    return Ok;
}

int cmdSchedule(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString who = p.value(QStringLiteral("participant"));
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    const StudySettings settings = study->settings();
    survey::Schedule schedule;
    QStringList differences;
    QString header;
    if (const std::optional<Participant> participant = who.isEmpty() ? std::nullopt : study->participant(who)) {
        // The participant's schedule regenerated from their study file version, seed and index.
        if (participant->scheduleIndex < 0)
            return fail(QStringLiteral("participant '%1' started before the study had a study file; their plan: tastelab-cli plan").arg(who));
        StudySettings theirs = settings;
        for (const StudyFileVersion &v : study->studyFileVersions())
            if (v.hash == participant->studyFileHash) {
                const StudyFile::Result r = StudyFile::parse(v.content.toUtf8(), StudyFile::formatFor(v.path), v.path);
                if (r.ok)
                    theirs = r.settings;
            }
        schedule = study->schedule(participant->seed, participant->scheduleIndex, theirs);
        differences = study->verifySchedule(*participant);
        header = QStringLiteral("participant %1 seed %2 index %3 study file %4").arg(who).arg(participant->seed).arg(participant->scheduleIndex).arg(participant->studyFileHash.left(12));
    } else {
        if (!who.isEmpty() && !p.isSet(QStringLiteral("seed")))
            return fail(QStringLiteral("participant '%1' not found; give --seed S [--index I] to preview a new participant's schedule").arg(who));
        const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
        const int index = p.isSet(QStringLiteral("index")) ? p.value(QStringLiteral("index")).toInt() : qMax(0, study->nextScheduleIndex());
        schedule = study->schedule(seed, index);
        header = QStringLiteral("new participant seed %1 index %2 (not stored)").arg(seed).arg(index);
    }
    QStringList notes;
    for (const std::string &n : schedule.plan.notes)
        notes << QString::fromStdString(n);
    auto catchId = [&](int index) { return settings.design.catchClips.value(index).id; };
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray items;
        for (const survey::ExtraItem &x : schedule.practice)
            items.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("practice")}, {QStringLiteral("track_id"), qint64(x.trackId)},
                                     {QStringLiteral("track_path"), tracks.value(x.trackId).path}, {QStringLiteral("clip_start"), x.startSeconds},
                                     {QStringLiteral("clip_length"), x.lengthSeconds}});
        std::size_t nextCatch = 0;
        for (const survey::PlanItem &item : schedule.plan.items) {
            for (; nextCatch < schedule.catches.size() && schedule.catches[nextCatch].beforePosition <= item.position; ++nextCatch)
                items.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("catch")}, {QStringLiteral("catch_id"), catchId(schedule.catches[nextCatch].catchIndex)},
                                         {QStringLiteral("block"), schedule.catches[nextCatch].block + 1}});
            items.append(QJsonObject{{QStringLiteral("kind"), item.repeatOf >= 0 ? QStringLiteral("repeat") : QStringLiteral("clip")},
                                     {QStringLiteral("position"), item.position + 1}, {QStringLiteral("block"), item.block + 1},
                                     {QStringLiteral("track_id"), qint64(item.trackId)}, {QStringLiteral("track_path"), tracks.value(item.trackId).path},
                                     {QStringLiteral("genre"), tracks.value(item.trackId).genre}, {QStringLiteral("clip_start"), item.startSeconds},
                                     {QStringLiteral("clip_length"), item.lengthSeconds},
                                     {QStringLiteral("repeat_of"), item.repeatOf < 0 ? QJsonValue() : QJsonValue(item.repeatOf + 1)}});
        }
        for (; nextCatch < schedule.catches.size(); ++nextCatch)
            items.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("catch")}, {QStringLiteral("catch_id"), catchId(schedule.catches[nextCatch].catchIndex)},
                                     {QStringLiteral("block"), schedule.catches[nextCatch].block + 1}});
        QJsonArray blocks;
        for (const std::string &b : schedule.blockNames)
            blocks.append(QString::fromStdString(b));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("schedule"), header}, {QStringLiteral("blocks"), blocks}, {QStringLiteral("items"), items},
                                           {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
                                           {QStringLiteral("matches_stored"), who.isEmpty() || !study->participant(who) ? QJsonValue() : QJsonValue(differences.isEmpty())},
                                           {QStringLiteral("differences"), QJsonArray::fromStringList(differences)}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << header << Qt::endl;
        for (const QString &n : notes)
            out() << "note: " << n << Qt::endl;
        for (const survey::ExtraItem &x : schedule.practice)
            out() << "   P  practice  " << tracks.value(x.trackId).genre << "  " << QString::number(x.startSeconds, 'f', 3) << "+"
                  << x.lengthSeconds << "s  " << tracks.value(x.trackId).path << Qt::endl;
        std::size_t nextCatch = 0;
        int block = -1;
        for (const survey::PlanItem &item : schedule.plan.items) {
            if (item.block != block) {
                block = item.block;
                out() << "-- block " << block + 1 << " (" << QString::fromStdString(schedule.blockNames.at(std::size_t(block))) << ")" << Qt::endl;
            }
            for (; nextCatch < schedule.catches.size() && schedule.catches[nextCatch].beforePosition <= item.position; ++nextCatch)
                out() << "   C  catch '" << catchId(schedule.catches[nextCatch].catchIndex) << "'" << Qt::endl;
            const Track t = tracks.value(item.trackId);
            out() << qSetFieldWidth(4) << item.position + 1 << qSetFieldWidth(0) << "  " << t.genre << "  "
                  << QString::number(item.startSeconds, 'f', 3) << "+" << item.lengthSeconds << "s  " << t.path
                  << (item.repeatOf >= 0 ? QStringLiteral("  (repeat of %1)").arg(item.repeatOf + 1) : QString()) << Qt::endl;
        }
        for (; nextCatch < schedule.catches.size(); ++nextCatch)
            out() << "   C  catch '" << catchId(schedule.catches[nextCatch].catchIndex) << "'" << Qt::endl;
        if (!who.isEmpty() && study->participant(who)) {
            if (differences.isEmpty())
                out() << "the regenerated schedule matches the stored one" << Qt::endl;
            else
                for (const QString &d : differences)
                    out() << "DIFFERS: " << d << Qt::endl;
        }
    }
    return differences.isEmpty() ? Ok : Failed;
}

int cmdCoverage(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const int simulate = p.value(QStringLiteral("simulate")).toInt();
    const survey::Coverage c = study->coverage(simulate);
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    const QString what = simulate > 0 ? QStringLiteral("%1 simulated participants").arg(simulate)
                                      : QStringLiteral("%1 participants").arg(c.participants);
    // With stations: the stored participants per station (from their schedule index), and any
    // schedule index used twice (the same window: coverage is then not what one station gives).
    const int stations = study->settings().design.stations;
    QMap<int, int> perStation;
    QMap<int, QStringList> byIndex;
    if (simulate <= 0)
        for (const Participant &pt : study->participants()) {
            perStation[stationOfScheduleIndex(pt.scheduleIndex, stations)] += 1;
            if (pt.scheduleIndex >= 0)
                byIndex[pt.scheduleIndex] << pt.code;
        }
    QStringList duplicates;
    for (auto it = byIndex.cbegin(); it != byIndex.cend(); ++it)
        if (it.value().size() > 1)
            duplicates << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value().join(QStringLiteral(", ")));
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject stationCounts; // "0": participants from before schedule indexes
        for (auto it = perStation.cbegin(); it != perStation.cend(); ++it)
            stationCounts.insert(QString::number(it.key()), it.value());
        QJsonArray clips;
        for (const auto &[id, n] : c.counts)
            clips.append(QJsonObject{{QStringLiteral("track_id"), qint64(id)}, {QStringLiteral("path"), tracks.value(id).path},
                                     {QStringLiteral("genre"), tracks.value(id).genre}, {QStringLiteral("heard"), n}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("participants"), c.participants}, {QStringLiteral("simulated"), simulate > 0},
                                           {QStringLiteral("pool"), c.tracks}, {QStringLiteral("min"), c.minCount},
                                           {QStringLiteral("max"), c.maxCount}, {QStringLiteral("mean"), c.meanCount},
                                           {QStringLiteral("stations"), stations}, {QStringLiteral("per_station"), stationCounts},
                                           {QStringLiteral("duplicate_indexes"), QJsonArray::fromStringList(duplicates)},
                                           {QStringLiteral("clips"), clips}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "coverage over " << what << ", pool of " << c.tracks << " tracks: each heard min " << c.minCount << ", max "
          << c.maxCount << ", mean " << QString::number(c.meanCount, 'f', 2) << " times" << Qt::endl;
    if (stations > 1 && simulate <= 0) {
        QStringList parts;
        for (auto it = perStation.cbegin(); it != perStation.cend(); ++it)
            parts << (it.key() == 0 ? QStringLiteral("without index: %1").arg(it.value()) : QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
        out() << stations << " stations; participants per station: " << parts.join(QStringLiteral(", ")) << Qt::endl;
    }
    if (!duplicates.isEmpty())
        out() << "warning: schedule indexes used more than once (same clips): " << duplicates.join(QStringLiteral("; ")) << Qt::endl;
    if (p.isSet(QStringLiteral("verbose")) || c.tracks <= 30)
        for (const auto &[id, n] : c.counts)
            out() << qSetFieldWidth(4) << n << qSetFieldWidth(0) << "  " << tracks.value(id).genre << "  " << tracks.value(id).path << Qt::endl;
    return Ok;
}

int cmdImport(QCommandLineParser &p)
{
    ImportRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    r.folder = p.value(QStringLiteral("folder"));
    r.manifestPath = p.value(QStringLiteral("manifest"));
    if (r.folder.isEmpty() == r.manifestPath.isEmpty())
        return fail(QStringLiteral("give either --folder DIR or --manifest CSV"));
    const ImportReport report = Importer::run(r, [](int done, int total, const QString &) {
        std::fprintf(stderr, "\rimporting: %d/%d", done, total);
        if (done == total)
            std::fprintf(stderr, "\n");
        return true;
    });
    out() << report.toText() << Qt::endl;
    return report.error.isEmpty() ? Ok : Failed;
}

int cmdPlan(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString who = p.value(QStringLiteral("participant"));
    QVector<Clip> clips;
    QStringList notes;
    if (p.isSet(QStringLiteral("dry-run")) || who.isEmpty()) {
        // Preview: the plan a participant with this seed would get, nothing stored.
        const survey::Plan plan = study->previewPlan(p.value(QStringLiteral("seed")).toULongLong());
        for (const auto &i : plan.items)
            clips.push_back({i.position, i.trackId, i.startSeconds, i.lengthSeconds, i.repeatOf});
        for (const auto &n : plan.notes)
            notes << QString::fromStdString(n);
    } else {
        QString error;
        auto session = ParticipantSession::startOrResume(*study, who, {}, p.value(QStringLiteral("seed")).toULongLong(),
                                                         &error, &notes);
        if (!session)
            return fail(error);
        for (int i = 0; i < session->total(); ++i)
            clips.push_back(session->clip(i));
        if (!p.isSet(QStringLiteral("json")))
            out() << "participant " << who << " seed " << session->participant().seed << Qt::endl;
    }
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Clip &c : clips) {
            QJsonObject o;
            o[QStringLiteral("position")] = c.position + 1;
            o[QStringLiteral("track_path")] = tracks.value(c.trackId).path;
            o[QStringLiteral("genre")] = tracks.value(c.trackId).genre;
            o[QStringLiteral("clip_start")] = c.startSeconds;
            o[QStringLiteral("clip_length")] = c.lengthSeconds;
            o[QStringLiteral("repeat_of")] = c.repeatOf < 0 ? QJsonValue() : QJsonValue(c.repeatOf + 1);
            a.append(o);
        }
        QJsonObject root{{QStringLiteral("clips"), a}, {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        for (const QString &n : notes)
            out() << "note: " << n << Qt::endl;
        for (const Clip &c : clips) {
            const Track t = tracks.value(c.trackId);
            out() << qSetFieldWidth(4) << c.position + 1 << qSetFieldWidth(0) << "  " << t.genre << "  "
                  << QString::number(c.startSeconds, 'f', 3) << "+" << c.lengthSeconds << "s  " << t.path
                  << (c.repeatOf >= 0 ? QStringLiteral("  (repeat of %1)").arg(c.repeatOf + 1) : QString())
                  << Qt::endl;
        }
    }
    return Ok;
}

int cmdSimulate(QCommandLineParser &p)
{
    // Walks the participant's remaining pages (ParticipantSession::steps()) the way the survey does,
    // through the same ParticipantSession calls, committing each before the next: consent,
    // calibration, practice clips, questionnaires, catch clips (right with --catch-accuracy), the
    // data clips, and the finish (the session marks the participant finished when the last page is
    // done). Used by the crash-safety test and for generating synthetic studies.
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    double catchAccuracy = 1.0;
    if (p.isSet(QStringLiteral("catch-accuracy"))) {
        bool ok = false;
        catchAccuracy = p.value(QStringLiteral("catch-accuracy")).toDouble(&ok);
        if (!ok || catchAccuracy < 0.0 || catchAccuracy > 1.0)
            return fail(QStringLiteral("--catch-accuracy must be a number from 0 to 1, not '%1'")
                            .arg(p.value(QStringLiteral("catch-accuracy"))));
    }
    QString error;
    auto session = ParticipantSession::startOrResume(*study, p.value(QStringLiteral("participant")), {},
                                                     p.value(QStringLiteral("seed")).toULongLong(), &error);
    if (!session)
        return fail(error);
    const StudySettings s = study->settings();
    const QString likes = p.value(QStringLiteral("like-genre"));
    if (!likes.isEmpty()) {
        QStringList genres;
        for (const Track &t : study->tracks())
            if (!genres.contains(t.genre))
                genres << t.genre;
        if (!genres.contains(likes, Qt::CaseInsensitive))
            return fail(QStringLiteral("%1: no genre '%2' in the library (genres: %3)")
                            .arg(study->path(), likes, genres.join(QStringLiteral(", "))));
    }
    const int delayMs = p.value(QStringLiteral("delay-ms")).toInt();
    int limit = p.isSet(QStringLiteral("count")) ? p.value(QStringLiteral("count")).toInt() : session->total();
    // Two streams from the participant's seed: the data clips' values (the same as before the other
    // pages were simulated), and everything else.
    quint64 state = session->participant().seed;
    quint64 pageState = session->participant().seed ^ 0x9e3779b97f4a7c15ull;
    auto draw = [](quint64 &st, quint64 n) {
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        return n == 0 ? quint64(0) : (st >> 33) % n;
    };
    auto chance = [&](double probability) {
        return double(draw(pageState, 1000000)) < probability * 1000000.0;
    };
    const int points = s.maxValue() - s.minValue() + 1;
    auto valueFor = [&](const std::optional<Track> &track, quint64 &st) {
        if (!likes.isEmpty() && track)
            return track->genre.compare(likes, Qt::CaseInsensitive) == 0 ? s.maxValue() : s.minValue();
        return s.minValue() + int(draw(st, quint64(points)));
    };
    const QVector<SurveyStep> steps = session->steps();
    for (int i = session->nextStep(); i < steps.size(); i = session->nextStep()) {
        const SurveyStep &step = steps[i];
        bool ok = true;
        switch (step.kind) {
        case SurveyStep::Kind::Consent:
            ok = session->acceptConsent(&error);
            if (ok)
                out() << "consent accepted" << Qt::endl;
            break;
        case SurveyStep::Kind::Calibration:
            ok = session->finishCalibration(QJsonObject{{QStringLiteral("levelLufs"), s.calibration.levelLufs},
                                                        {QStringLiteral("simulated"), true}},
                                            &error);
            if (ok)
                out() << "calibration done" << Qt::endl;
            break;
        case SurveyStep::Kind::Practice: {
            const ExtraClip &x = session->extras().at(step.extra);
            const int value = valueFor(study->track(x.trackId), pageState);
            ok = session->answerExtra(step.extra, value, 1200 + 10 * x.seq, 0, AnswerIntegrity(), &error);
            if (ok)
                out() << "practice " << x.seq + 1 << ' ' << value << Qt::endl;
            break;
        }
        case SurveyStep::Kind::Catch: {
            const ExtraClip &x = session->extras().at(step.extra);
            int value = x.expected;
            if (!chance(catchAccuracy) && points > 1) {
                // A wrong answer: any other value of the scale.
                value = s.minValue() + int(draw(pageState, quint64(points - 1)));
                if (value >= x.expected)
                    ++value;
            }
            ok = session->answerExtra(step.extra, value, 1500 + 10 * x.seq, 0, AnswerIntegrity(), &error);
            if (ok)
                out() << "catch " << x.catchId << ' ' << value << " expected " << x.expected << Qt::endl;
            break;
        }
        case SurveyStep::Kind::Questionnaire: {
            Questionnaire questionnaire;
            for (const Questionnaire &q : s.questionnaires)
                if (q.id == step.questionnaireId)
                    questionnaire = q;
            for (const Question &q : questionnaire.questions) {
                QJsonValue value;
                switch (q.type) {
                case Question::Type::Text:
                    value = QStringLiteral("simulated answer %1").arg(draw(pageState, 1000));
                    break;
                case Question::Type::Single:
                    value = q.options.value(int(draw(pageState, quint64(q.options.size()))));
                    break;
                case Question::Type::Multiple: {
                    QJsonArray chosen;
                    for (const QString &option : q.options)
                        if (chance(0.5))
                            chosen.append(option);
                    if (chosen.isEmpty() && !q.options.isEmpty())
                        chosen.append(q.options.value(int(draw(pageState, quint64(q.options.size())))));
                    value = chosen;
                    break;
                }
                case Question::Type::Likert:
                    value = 1 + int(draw(pageState, quint64(q.points)));
                    break;
                }
                if (!session->saveQuestion(step, q.id, value, &error)) {
                    ok = false;
                    break;
                }
            }
            if (ok)
                ok = session->finishQuestionnaire(step, &error);
            if (ok)
                out() << "questionnaire " << step.questionnaireId
                      << (questionnaire.placement == Questionnaire::Placement::BetweenBlocks
                              ? QStringLiteral(" after block %1").arg(step.occurrence + 1)
                              : QString())
                      << ' ' << questionnaire.questions.size() << " answers" << Qt::endl;
            break;
        }
        case SurveyStep::Kind::Clip: {
            if (limit <= 0)
                return Ok;
            const int pos = step.position;
            const int value = valueFor(session->track(pos), state);
            ok = session->answer(pos, value, 1000 + pos, 0, &error);
            if (ok) {
                --limit;
                // Printed only after the commit returned: the parent may kill us right after reading it.
                out() << "answered " << pos + 1 << ' ' << value << Qt::endl;
                if (delayMs > 0)
                    QThread::msleep(ulong(delayMs));
            }
            break;
        }
        }
        if (!ok)
            return fail(error.isEmpty() ? QStringLiteral("%1: page %2 could not be saved").arg(study->path()).arg(i + 1) : error);
    }
    if (session->isFinished() && session->allStepsDone()) {
        const std::optional<Participant> done = study->participant(session->participant().code);
        if (!done || !done->finishedAt.isValid())
            return fail(QStringLiteral("%1: participant %2 answered every page but is not marked finished")
                            .arg(study->path(), session->participant().code));
        out() << "finished " << session->participant().code << Qt::endl;
    }
    return Ok;
}

int cmdStatus(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const StudySettings s = study->settings();
    std::map<QString, int> genres;
    const QVector<Track> tracks = study->tracks();
    for (const Track &t : tracks)
        genres[t.genre] += 1;
    out() << "study: " << s.name << " (" << study->studyId() << ")" << Qt::endl;
    out() << "scale: " << scaleId(s.scale) << ", clips: " << s.clipsPerParticipant << " x " << s.clipSeconds
          << " s, repeats: " << s.repeats << Qt::endl;
    if (s.design.stations > 1)
        out() << "station: " << (study->stationNumber() > 0 ? QString::number(study->stationNumber()) : QStringLiteral("not set"))
              << " of " << s.design.stations << Qt::endl;
    out() << "tracks: " << tracks.size() << Qt::endl;
    for (const auto &[g, n] : genres)
        out() << "  " << g << ": " << n << Qt::endl;
    int missing = 0;
    for (const Track &t : tracks)
        if (study->resolveTrackPath(t).isEmpty())
            ++missing;
    if (missing > 0)
        out() << "missing files: " << missing << " (use 'relocate --music-root DIR')" << Qt::endl;
    const QVector<Participant> people = study->participants();
    out() << "participants: " << people.size() << Qt::endl;
    for (const Participant &pp : people) {
        const double c = study->consistency(pp.id);
        out() << "  " << pp.code << ": " << study->answers(pp.id).size() << "/" << study->plan(pp.id).size()
              << (pp.finishedAt.isValid() ? " finished" : "")
              << (c >= 0 ? QStringLiteral(", consistency %1").arg(c, 0, 'f', 2) : QString()) << Qt::endl;
    }
    return Ok;
}

int cmdQuality(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const StudySettings s = study->settings();
    const QVector<ParticipantQualityRow> rows = studyQuality(*study);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray participants;
        for (const ParticipantQualityRow &r : rows)
            participants.append(qualitySummaryJson(r));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("rules"), qualityRulesText(s)},
                                           {QStringLiteral("participants"), participants}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "rules: " << qualityRulesText(s) << Qt::endl;
    out() << "participant\tanswers\tcatch\tkappa\tagreement\tlongest run\tfast\tfocus lost\tintegrity flagged\tskipped\texcluded"
          << Qt::endl;
    for (const ParticipantQualityRow &r : rows) {
        const survey::ParticipantQuality &q = r.quality;
        QStringList reasons;
        for (const std::string &x : q.exclusionReasons)
            reasons << QString::fromStdString(x);
        out() << r.participant.code << '\t' << q.answers << '\t'
              << (q.catchTotal > 0 ? QStringLiteral("%1/%2").arg(q.catchCorrect).arg(q.catchTotal) : QStringLiteral("-")) << '\t'
              << (std::isnan(q.kappa) ? QStringLiteral("-") : QString::number(q.kappa, 'f', 2)) << '\t'
              << (q.agreement < 0 ? QStringLiteral("-") : QString::number(q.agreement, 'f', 2)) << '\t' << q.longestRun
              << (q.straightLining ? " (straight-lining)" : "") << '\t' << q.fastAnswers << '\t' << q.focusLosses << '\t'
              << q.integrityFlagged << '\t' << r.skipped << '\t' << (q.excluded ? QStringLiteral("yes: ") + reasons.join(QStringLiteral("; ")) : QStringLiteral("no"))
              << Qt::endl;
    }
    return Ok;
}

int cmdExport(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QStringList files = p.values(QStringLiteral("out"));
    if (files.isEmpty())
        return fail(QStringLiteral("give --out FILE.csv and/or --out FILE.json"));
    for (const QString &file : files) {
        QString error;
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (suffix != QLatin1String("csv") && suffix != QLatin1String("json"))
            return fail(QStringLiteral("%1: the file name must end in .csv or .json").arg(file));
        if (!(suffix == QLatin1String("csv") ? exportCsv(*study, file, &error) : exportJson(*study, file, &error)))
            return fail(error);
    }
    return Ok;
}

int cmdMerge(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const MergeReport r = mergeStudy(*study, p.value(QStringLiteral("from")), p.isSet(QStringLiteral("force")));
    if (!r.error.isEmpty())
        return fail(r.error);
    if (r.refused)
        return fail(r.toText());
    out() << r.toText() << Qt::endl;
    return Ok;
}

int cmdRelocate(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString root = QDir(p.value(QStringLiteral("music-root"))).absolutePath();
    if (!QFileInfo(root).isDir())
        return fail(QStringLiteral("%1: not a folder").arg(root));
    if (!study->setMusicRoot(root))
        return fail(study->lastError());
    int found = 0, missing = 0;
    for (const Track &t : study->tracks())
        (study->resolveTrackPath(t).isEmpty() ? missing : found) += 1;
    out() << "music root set to " << root << ": " << found << " tracks found, " << missing << " missing" << Qt::endl;
    return missing == 0 ? Ok : Failed;
}

QStringList modelDirs(QCommandLineParser &p)
{
    // Any --models DIR given, then the usual places (see encoderSearchDirs()).
    return p.values(QStringLiteral("models")) + encoderSearchDirs();
}

int cmdEncoders(QCommandLineParser &p)
{
    std::vector<std::string> dirs;
    for (const QString &d : modelDirs(p))
        dirs.push_back(QFile::encodeName(d).toStdString());
    out() << "device: " << QString::fromStdString(embed::deviceName(embed::defaultDevice()))
          << (embed::cudaAvailable() ? "" : " (no CUDA in this LibTorch build, or no GPU)") << Qt::endl;
    for (const embed::EncoderListing &l : embed::listEncoders(dirs)) {
        const embed::EncoderInfo &i = l.info;
        out() << QString::fromStdString(i.name) << "  " << i.embeddingSize << "-d, " << i.sampleRate << " Hz, "
              << i.channels << " ch, window " << i.windowSamples << ", hop " << i.hopSamples << ", "
              << QString::fromStdString(i.pooling) << (i.builtin ? ", built-in" : "")
              << (l.problem.empty() ? QString() : QStringLiteral("  UNUSABLE: %1").arg(QString::fromStdString(l.problem)))
              << Qt::endl;
    }
    return Ok;
}

int cmdExtract(QCommandLineParser &p)
{
    ExtractionRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    r.encoder = p.isSet(QStringLiteral("encoder")) ? p.value(QStringLiteral("encoder"))
                                                   : QString::fromStdString(embed::defaultEncoderName());
    r.modelDirs = modelDirs(p);
    if (p.isSet(QStringLiteral("device"))) {
        const QString d = p.value(QStringLiteral("device"));
        if (d != QLatin1String("cpu") && d != QLatin1String("cuda"))
            return fail(QStringLiteral("--device is cpu or cuda, not '%1'").arg(d));
        r.autoDevice = false;
        r.device = d == QLatin1String("cuda") ? embed::Device::Cuda : embed::Device::Cpu;
    }
    if (p.isSet(QStringLiteral("shard"))) {
        const QStringList kn = p.value(QStringLiteral("shard")).split(QLatin1Char('/'));
        bool ok1 = false, ok2 = false;
        if (kn.size() == 2) {
            r.shardIndex = kn[0].toInt(&ok1);
            r.shardCount = kn[1].toInt(&ok2);
        }
        if (!ok1 || !ok2)
            return fail(QStringLiteral("--shard is K/N, e.g. 2/4"));
    }
    if (p.isSet(QStringLiteral("batch")))
        r.batchSize = p.value(QStringLiteral("batch")).toInt();
    if (p.isSet(QStringLiteral("library-excerpts"))) {
        bool ok = false;
        r.libraryExcerpts = p.value(QStringLiteral("library-excerpts")).toInt(&ok);
        if (!ok || r.libraryExcerpts < 0)
            return fail(QStringLiteral("--library-excerpts is a count of excerpts per track (0 = none), not '%1'")
                            .arg(p.value(QStringLiteral("library-excerpts"))));
    }
    const ExtractionReport report = Extractor::run(r, [](const ExtractionProgress &pr) {
        std::fprintf(stderr, "\rextracting: %d/%d  %.1f clips/s  %.0f s left   ", pr.done, pr.total, pr.clipsPerSecond,
                     std::max(0.0, pr.secondsLeft));
        if (pr.done == pr.total)
            std::fprintf(stderr, "\n");
        return true;
    });
    out() << report.toText() << Qt::endl;
    return report.error.isEmpty() ? Ok : Failed;
}

int cmdListener(QCommandLineParser &p)
{
    ListenerLibraryRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    if (r.studyPath.isEmpty())
        return fail(QStringLiteral("--study FILE is required (the listener library to create)"));
    r.folder = p.value(QStringLiteral("folder"));
    r.manifestPath = p.value(QStringLiteral("manifest"));
    r.name = p.value(QStringLiteral("name"));
    r.seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("demo"))) {
        QString error;
        const QString library = ensureDemoLibrary(dataDir(p), &error);
        if (library.isEmpty())
            return fail(error);
        r.manifestPath = QDir(library).filePath(QStringLiteral("manifest.csv"));
        if (r.name.isEmpty())
            r.name = QStringLiteral("Demo library");
    }
    if (r.folder.isEmpty() == r.manifestPath.isEmpty())
        return fail(QStringLiteral("give one of --folder DIR, --manifest CSV or --demo"));
    const ListenerLibraryReport report = createListenerLibrary(r);
    if (!report.import.issues.isEmpty() || report.import.added > 0)
        out() << report.import.toText() << Qt::endl;
    if (report.studyPath.isEmpty())
        return fail(report.error);
    out() << "created listener library " << report.studyPath << Qt::endl;
    return Ok;
}

QString describePick(const ListenerPick &pick)
{
    const QString why = pick.random ? QStringLiteral("random")
                                    : QStringLiteral("least sure (p = %1)").arg(pick.probability, 0, 'f', 3);
    return QStringLiteral("clip %1: track %2 '%3' by %4 (%5) at %6 s, chosen: %7")
        .arg(pick.clip.position + 1)
        .arg(pick.track.id)
        .arg(pick.track.title, pick.track.artist, pick.track.genre)
        .arg(pick.clip.startSeconds, 0, 'f', 1)
        .arg(why);
}

int cmdRate(QCommandLineParser &p)
{
    // Listener mode from the shell: print the clip the active order picks next, or (with --count
    // and --like-genre) answer that many clips by the genre rule, retraining when due, as the GUI
    // does in the background.
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString encoder = p.isSet(QStringLiteral("encoder")) ? p.value(QStringLiteral("encoder"))
                                                               : QString::fromStdString(embed::defaultEncoderName());
    train::ActiveOrderSettings order;
    if (p.isSet(QStringLiteral("random-share"))) {
        bool ok = false;
        order.randomShare = p.value(QStringLiteral("random-share")).toDouble(&ok);
        if (!ok || order.randomShare < 0 || order.randomShare > 1)
            return fail(QStringLiteral("--random-share is a share between 0 and 1, not '%1'").arg(p.value(QStringLiteral("random-share"))));
    }
    ListenerRating rating(order);
    QString error;
    if (!rating.load(*study, encoder, &error))
        return fail(error);
    const QString likes = p.value(QStringLiteral("like-genre"));
    if (!p.isSet(QStringLiteral("count"))) {
        const auto pick = rating.next();
        out() << "rated " << rating.answered() << " of " << rating.total() << ", " << rating.embedded()
              << " clips embedded, certainty " << QString::number(rating.certainty(), 'f', 3) << Qt::endl;
        if (pick)
            out() << "next " << describePick(*pick) << Qt::endl;
        else
            out() << "every clip is rated" << Qt::endl;
        return Ok;
    }
    if (likes.isEmpty())
        return fail(QStringLiteral("rate --count N needs --like-genre G (the simulated listener's rule)"));

    ExtractionRequest extraction;
    extraction.studyPath = study->path();
    extraction.encoder = encoder;
    extraction.modelDirs = modelDirs(p);
    const ExtractionReport extracted = Extractor::run(extraction);
    if (!extracted.error.isEmpty())
        return fail(extracted.error);
    if (!rating.refresh(*study, &error))
        return fail(error);
    for (int left = p.value(QStringLiteral("count")).toInt(); left > 0; --left) {
        const auto pick = rating.next();
        if (!pick)
            break;
        const bool like = pick->track.genre.compare(likes, Qt::CaseInsensitive) == 0;
        if (!rating.answer(*study, *pick, like, 1000, 0, &error))
            return fail(error);
        out() << "answered " << rating.answered() << (like ? " like " : " dislike ") << describePick(*pick) << Qt::endl;
        if (rating.retrainDue()) {
            rating.retrainJudge();
            const TrainingReport trained = Trainer::run(listenerTrainingRequest(study->path(), encoder));
            if (!trained.error.isEmpty()) {
                out() << "not retrained: " << trained.error << Qt::endl;
                continue;
            }
            if (!rating.refresh(*study, &error))
                return fail(error);
            out() << "retrained on " << rating.answered() << " answers: judge certainty "
                  << QString::number(rating.certainty(), 'f', 3) << ", model " << rating.model().id
                  << " test accuracy " << QString::number(trained.models.first().metrics.accuracy, 'f', 3) << Qt::endl;
        }
    }
    return Ok;
}

/// Reads the training settings shared by train and evaluate from the options.
bool trainingSettings(QCommandLineParser &p, train::ClepSettings *s)
{
    if (p.isSet(QStringLiteral("seed")))
        s->seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("epochs"))) {
        const QStringList e = p.value(QStringLiteral("epochs")).split(QLatin1Char('/'));
        s->embedderEpochs = e.value(0).toInt();
        s->classifierEpochs = e.value(1, e.value(0)).toInt();
    }
    if (p.isSet(QStringLiteral("margin")))
        s->margin = p.value(QStringLiteral("margin")).toDouble();
    if (p.isSet(QStringLiteral("depth")))
        s->embedderDepth = p.value(QStringLiteral("depth")).toInt();
    return s->embedderEpochs > 0 && s->classifierEpochs > 0 && s->embedderDepth >= 1 && s->margin > 0;
}

/// --like-threshold L/D: Likert values >= L are likes, <= D dislikes (D defaults to L - 1).
void labelMapping(QCommandLineParser &p, bool *custom, LabelMapping *mapping)
{
    if (!p.isSet(QStringLiteral("like-threshold")))
        return;
    const QStringList t = p.value(QStringLiteral("like-threshold")).split(QLatin1Char('/'));
    *custom = true;
    mapping->likeAtOrAbove = t.value(0).toInt();
    mapping->dislikeAtOrBelow = t.value(1, QString::number(mapping->likeAtOrAbove - 1)).toInt();
}

QStringList modelList(QCommandLineParser &p, const QString &option, const QStringList &fallback)
{
    if (!p.isSet(option))
        return fallback;
    QStringList ids;
    for (QString id : p.value(option).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        id = id.trimmed();
        ids << (id == QLatin1String("pn") || id == QLatin1String("p") || id == QLatin1String("n") ? QStringLiteral("clep-") + id : id);
    }
    return ids;
}

/// Trainer::run with each epoch printed on stderr (one line, rewritten).
TrainingReport trainPrintingProgress(const TrainingRequest &request)
{
    const TrainingReport report = Trainer::run(request, [](const QString &model, const train::EpochLog &e) {
        std::fprintf(stderr, "\r%s %s epoch %d/%d: loss %.4f, validation %.4f, lr %.0e   ", qPrintable(model),
                     e.stage.c_str(), e.epoch, e.epochs, e.trainLoss, e.validationLoss, e.learningRate);
        return true;
    });
    std::fprintf(stderr, "\n");
    return report;
}

int cmdTrain(QCommandLineParser &p)
{
    TrainingRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    r.participant = p.value(QStringLiteral("participant"));
    r.encoder = p.isSet(QStringLiteral("encoder")) ? p.value(QStringLiteral("encoder"))
                                                   : QString::fromStdString(embed::defaultEncoderName());
    r.models = modelList(p, QStringLiteral("variant"), {QStringLiteral("clep-n")});
    if (!trainingSettings(p, &r.settings))
        return fail(QStringLiteral("bad training settings"));
    labelMapping(p, &r.customMapping, &r.mapping);
    const TrainingReport report = trainPrintingProgress(r);
    if (!report.error.isEmpty())
        return fail(report.error);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const TrainedModel &m : report.models) {
            QJsonObject o = metricsToJson(m.metrics);
            o.insert(QStringLiteral("id"), m.id);
            o.insert(QStringLiteral("participant"), m.participant);
            o.insert(QStringLiteral("encoder"), m.encoder);
            o.insert(QStringLiteral("model"), m.model);
            a.append(o);
        }
        out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        out() << report.toText() << Qt::endl;
    }
    return Ok;
}

/// The study-wide tables of evaluate and results: written to --report-dir when given, printed as
/// JSON (--json) or Markdown. seconds < 0: not reported.
int printReport(QCommandLineParser &p, const std::vector<train::ParticipantResult> &results,
                const train::ReportFormat &format, double seconds)
{
    const train::StudyReport report = train::StudyReport::build(results);
    if (p.isSet(QStringLiteral("report-dir"))) {
        try {
            train::writeReport(report, QFile::encodeName(p.value(QStringLiteral("report-dir"))).toStdString(), format);
        } catch (const std::exception &ex) {
            return fail(QString::fromStdString(ex.what()));
        }
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const train::ParticipantResult &pr : results) {
            QJsonObject o = metricsToJson(pr.metrics);
            o.insert(QStringLiteral("participant"), QString::fromStdString(pr.participant));
            o.insert(QStringLiteral("encoder"), QString::fromStdString(pr.encoder));
            o.insert(QStringLiteral("model"), QString::fromStdString(pr.model));
            o.insert(QStringLiteral("repeats"), pr.repeats);
            a.append(o);
        }
        QJsonArray friedman;
        for (const train::FriedmanRow &f : report.friedman)
            friedman.append(QJsonObject{{QStringLiteral("encoder"), QString::fromStdString(f.encoder)},
                                        {QStringLiteral("metric"), QString::fromStdString(train::metricId(f.metric))},
                                        {QStringLiteral("chi_square"), f.result.chiSquare},
                                        {QStringLiteral("df"), f.result.df},
                                        {QStringLiteral("p"), f.result.p}});
        QJsonObject root{{QStringLiteral("results"), a}, {QStringLiteral("friedman"), friedman}};
        if (seconds >= 0)
            root.insert(QStringLiteral("seconds"), seconds);
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        out() << QString::fromStdString(train::reportMarkdown(report, format)) << Qt::endl;
        if (seconds >= 0)
            out() << "evaluated in " << QString::number(seconds, 'f', 1) << " s" << Qt::endl;
    }
    return Ok;
}

int cmdEvaluate(QCommandLineParser &p)
{
    EvaluationRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    r.encoder = p.isSet(QStringLiteral("encoder")) ? p.value(QStringLiteral("encoder"))
                                                   : QString::fromStdString(embed::defaultEncoderName());
    r.models = modelList(p, QStringLiteral("variants"), r.models);
    r.repeats = p.isSet(QStringLiteral("repeats")) ? p.value(QStringLiteral("repeats")).toInt() : 1;
    if (r.repeats < 1 || !trainingSettings(p, &r.settings))
        return fail(QStringLiteral("bad evaluation settings"));
    labelMapping(p, &r.customMapping, &r.mapping);
    QElapsedTimer timer;
    timer.start();
    const StudyEvaluation e = evaluateStudy(r, [](int done, int total) {
        std::fprintf(stderr, "\revaluating: %d/%d participant splits", done, total);
        return true;
    });
    std::fprintf(stderr, "\n");
    if (!e.error.isEmpty())
        return fail(e.error);
    for (const QString &s : e.skipped)
        std::fprintf(stderr, "skipped: %s\n", qPrintable(s));
    if (e.results.empty())
        return fail(QStringLiteral("no participant has enough answers with %1 embeddings").arg(r.encoder));
    train::ReportFormat format;
    format.title = QStringLiteral("Tastelab study report: %1, %2 repeat(s)").arg(r.encoder).arg(r.repeats).toStdString();
    return printReport(p, e.results, format, timer.elapsed() / 1000.0);
}

int cmdScore(QCommandLineParser &p)
{
    // Reloads a stored model and scores every cached clip the participant has not answered.
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const qint64 id = p.value(QStringLiteral("model")).toLongLong();
    QString error;
    std::unique_ptr<train::Model> model = loadModel(*study, id, &error);
    if (!model)
        return fail(error);
    const std::optional<StoredModelRow> row = storedModelRow(*study, id, &error);
    if (!row)
        return fail(error);
    const qint64 participantId = row->participantId;
    const QString encoder = row->encoder;
    QSet<ClipKey> heard;
    for (const Answer &a : study->answers(participantId, AnswerSources::All))
        heard.insert({a.trackId, a.clipStart, a.clipLength});
    QVector<ClipKey> clips;
    std::vector<std::vector<float>> features;
    for (Embedding &e : EmbeddingStore(*study).embeddings(encoder))
        if (!heard.contains(e.clip)) {
            clips.push_back(e.clip);
            features.push_back(std::move(e.vector));
        }
    if (clips.isEmpty())
        return fail(QStringLiteral("no unheard clips with %1 embeddings to score").arg(encoder));
    const std::vector<float> scores = model->predict(features);
    QVector<int> order(clips.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    int rank = 0;
    for (int i : order) {
        const Track t = tracks.value(clips[i].trackId);
        out() << ++rank << '\t' << QString::number(scores[std::size_t(i)], 'f', 3) << '\t' << t.genre << '\t' << t.title
              << '\t' << t.artist << '\t' << t.path << Qt::endl;
    }
    return Ok;
}

int cmdMap(QCommandLineParser &p)
{
    // The embedding map of the Results page: t-SNE of participants' clips, written as CSV or JSON.
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    MapRequest r;
    r.studyPath = study->path();
    for (const QString &v : p.values(QStringLiteral("participant")))
        r.participants << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.encoder = p.value(QStringLiteral("encoder"));
    if (r.encoder.isEmpty())
        r.encoder = QString::fromStdString(embed::defaultEncoderName());
    r.modelId = p.value(QStringLiteral("model")).toLongLong();
    const QString space = p.value(QStringLiteral("space"));
    if (!space.isEmpty() && space != QLatin1String("raw") && space != QLatin1String("model"))
        return fail(QStringLiteral("--space must be raw or model, not '%1'").arg(space));
    r.modelSpace = space == QLatin1String("model");
    r.includeUnheard = p.isSet(QStringLiteral("unheard"));
    if (p.isSet(QStringLiteral("perplexity")))
        r.tsne.perplexity = p.value(QStringLiteral("perplexity")).toDouble();
    if (p.isSet(QStringLiteral("iterations")))
        r.tsne.iterations = p.value(QStringLiteral("iterations")).toInt();
    if (p.isSet(QStringLiteral("seed")))
        r.tsne.seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("method")) &&
        !train::tsneMethodFromId(p.value(QStringLiteral("method")).toStdString(), &r.tsne.method))
        return fail(QStringLiteral("--method must be auto, exact or barnes-hut, not '%1'").arg(p.value(QStringLiteral("method"))));
    if (p.isSet(QStringLiteral("device")))
        r.tsne.device = p.value(QStringLiteral("device")).toStdString();
    const QString outPath = p.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return fail(QStringLiteral("--out FILE.csv or FILE.json is required"));

    const EmbeddingMap map = buildEmbeddingMap(r);
    if (!map.error.isEmpty())
        return fail(map.error);
    QHash<qint64, Track> tracks;
    for (const Track &t : study->tracks())
        tracks.insert(t.id, t);
    auto valueText = [](const MapPoint &pt) {
        return pt.value == std::numeric_limits<int>::min() ? QString() : QString::number(pt.value);
    };
    auto probabilityText = [](const MapPoint &pt) {
        return std::isnan(pt.probability) ? QString() : QString::number(pt.probability, 'g', 6);
    };
    QByteArray bytes;
    if (outPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        QJsonArray points;
        for (const MapPoint &pt : map.points) {
            const Track t = tracks.value(pt.clip.trackId);
            QJsonObject o{{QStringLiteral("participant"), pt.participant}, {QStringLiteral("track_id"), pt.clip.trackId},
                          {QStringLiteral("clip_start"), pt.clip.startSeconds}, {QStringLiteral("title"), t.title},
                          {QStringLiteral("artist"), t.artist}, {QStringLiteral("genre"), t.genre},
                          {QStringLiteral("label"), pt.label}, {QStringLiteral("x"), pt.x}, {QStringLiteral("y"), pt.y}};
            if (pt.value != std::numeric_limits<int>::min())
                o.insert(QStringLiteral("answer"), pt.value);
            if (!std::isnan(pt.probability))
                o.insert(QStringLiteral("probability"), pt.probability);
            points.append(o);
        }
        bytes = QJsonDocument(QJsonObject{{QStringLiteral("space"), map.space}, {QStringLiteral("encoder"), map.encoder},
                                          {QStringLiteral("model"), map.modelId}, {QStringLiteral("method"), map.method},
                                          {QStringLiteral("kl"), map.kl}, {QStringLiteral("notice"), map.notice},
                                          {QStringLiteral("points"), points}})
                    .toJson();
    } else {
        QStringList lines{QStringLiteral("participant,track_id,clip_start,title,artist,genre,label,answer,probability,x,y")};
        for (const MapPoint &pt : map.points) {
            const Track t = tracks.value(pt.clip.trackId);
            lines << QStringList{csvField(pt.participant), QString::number(pt.clip.trackId),
                                 QString::number(pt.clip.startSeconds), csvField(t.title), csvField(t.artist),
                                 csvField(t.genre), QString::number(pt.label), valueText(pt), probabilityText(pt),
                                 QString::number(pt.x, 'g', 7), QString::number(pt.y, 'g', 7)}
                         .join(QLatin1Char(','));
        }
        bytes = lines.join(QLatin1Char('\n')).toUtf8() + '\n';
    }
    QString error;
    if (!writeFileAtomically(outPath, bytes, &error))
        return fail(error);
    out() << QStringLiteral("%1: %2 points, t-SNE %3 on %4, KL %5, %6 s")
                 .arg(map.space)
                 .arg(map.points.size())
                 .arg(map.method, map.device)
                 .arg(map.kl, 0, 'f', 4)
                 .arg(map.seconds, 0, 'f', 2)
          << Qt::endl;
    if (!map.notice.isEmpty())
        out() << map.notice << Qt::endl;
    out() << QStringLiteral("written: %1").arg(outPath) << Qt::endl;
    return Ok;
}

int cmdResults(QCommandLineParser &p)
{
    // What the Results page's Performance tab shows: one stored model's confusion matrix, metrics
    // and ROC (--model), or the stored models compared across participants (--encoder).
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    QString error;
    if (p.isSet(QStringLiteral("model"))) {
        ModelTestResult r;
        if (!modelTestResult(*study, p.value(QStringLiteral("model")).toLongLong(), &r, &error))
            return fail(error);
        const train::Metrics &m = r.metrics;
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray roc;
            for (const train::RocPoint &pt : r.roc)
                roc.append(QJsonArray{pt.fpr, pt.tpr});
            const QJsonObject o{{QStringLiteral("model"), r.model.id}, {QStringLiteral("kind"), r.model.model},
                                {QStringLiteral("participant"), r.model.participant},
                                {QStringLiteral("encoder"), r.model.encoder},
                                {QStringLiteral("test_clips"), int(r.clips.size())},
                                {QStringLiteral("metrics"), metricsToJson(m)}, {QStringLiteral("roc"), roc}};
            out() << QJsonDocument(o).toJson();
            return Ok;
        }
        auto row = [](int a, int b) { return a + b > 0 ? 100.0 * a / (a + b) : 0.0; };
        out() << QStringLiteral("Model %1 (%2) of %3 on %4: %5 test clips")
                     .arg(r.model.id)
                     .arg(QString::fromStdString(train::modelLabel(r.model.model.toStdString())), r.model.participant,
                          r.model.encoder)
                     .arg(r.clips.size())
              << Qt::endl
              << QStringLiteral("                predicted like    predicted dislike") << Qt::endl
              << QStringLiteral("liked      %1 (%2 %)   %3 (%4 %)")
                     .arg(m.tp, 8).arg(row(m.tp, m.fn), 5, 'f', 1).arg(m.fn, 8).arg(row(m.fn, m.tp), 5, 'f', 1)
              << Qt::endl
              << QStringLiteral("disliked   %1 (%2 %)   %3 (%4 %)")
                     .arg(m.fp, 8).arg(row(m.fp, m.tn), 5, 'f', 1).arg(m.tn, 8).arg(row(m.tn, m.fp), 5, 'f', 1)
              << Qt::endl
              << QStringLiteral("accuracy %1  precision %2  recall %3  F1 %4  AUROC %5  FPR %6")
                     .arg(m.accuracy, 0, 'f', 3).arg(m.precision, 0, 'f', 3).arg(m.recall, 0, 'f', 3)
                     .arg(m.f1, 0, 'f', 3).arg(m.auroc, 0, 'f', 3).arg(m.fpr, 0, 'f', 3)
              << Qt::endl;
        return Ok;
    }
    QString encoder = p.value(QStringLiteral("encoder"));
    if (encoder.isEmpty())
        encoder = QString::fromStdString(embed::defaultEncoderName());
    const std::vector<train::ParticipantResult> results = storedResults(*study, encoder);
    if (results.empty())
        return fail(QStringLiteral("%1: no stored %2 models: train some first").arg(study->path(), encoder));
    train::ReportFormat format;
    format.title = QStringLiteral("%1: stored %2 models").arg(study->settings().name, encoder).toStdString();
    return printReport(p, results, format, -1);
}

/// Feedback answers given since the participant's newest model was trained (0 without a model).
int newFeedback(Study &study, const Participant &participant, qint64 *modelId)
{
    const QVector<TrainedModel> models = storedModels(study, participant);
    if (models.isEmpty())
        return 0;
    *modelId = models.first().id;
    return feedbackSince(study, participant.code, models.first().createdAt);
}

int cmdRecommend(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    RecommendationRequest r;
    r.participant = p.value(QStringLiteral("participant"));
    if (r.participant.isEmpty())
        return fail(QStringLiteral("--participant CODE is required"));
    QString bad;
    auto number = [&](const char *option, auto convert, auto *into) {
        const QString name = QLatin1String(option);
        if (!p.isSet(name) || !bad.isEmpty())
            return;
        bool good = false;
        *into = convert(p.value(name), &good);
        if (!good)
            bad = QStringLiteral("--%1: '%2' is not a number").arg(name, p.value(name));
    };
    const auto toId = [](const QString &s, bool *good) { return s.toLongLong(good); };
    const auto toInt = [](const QString &s, bool *good) { return s.toInt(good); };
    const auto toReal = [](const QString &s, bool *good) { return s.toDouble(good); };
    double minScore = -1;
    int top = -1;
    number("model", toId, &r.modelId);
    number("safe-model", toId, &r.safeModelId);
    number("excerpts", toInt, &r.excerpts);
    number("min-score", toReal, &minScore);
    number("top", toInt, &top);
    if (!bad.isEmpty())
        return fail(bad);
    const QString order = p.isSet(QStringLiteral("order")) ? p.value(QStringLiteral("order")) : QStringLiteral("like");
    if (order != QLatin1String("like") && order != QLatin1String("safe"))
        return fail(QStringLiteral("--order is like or safe, not '%1'").arg(order));
    if (r.excerpts < 1)
        return fail(QStringLiteral("--excerpts must be at least 1"));

    Recommendations recs;
    QString error;
    if (!recommend(*study, r, &recs, &error))
        return fail(error);
    if (order == QLatin1String("safe") && recs.safeModelId == 0)
        return fail(QStringLiteral("%1: --order safe needs a CLEP-N model of '%2' for %3 (tastelab-cli train "
                                   "--variant clep-n)")
                        .arg(QDir::toNativeSeparators(study->path()), r.participant, recs.encoder));
    const QVector<Recommendation> ordered = order == QLatin1String("safe") ? byDislikeRisk(recs.items) : recs.items;
    const QString genre = p.value(QStringLiteral("genre"));
    QVector<Recommendation> shown;
    for (const Recommendation &item : ordered) {
        if (!genre.isEmpty() && item.track.genre.compare(genre, Qt::CaseInsensitive) != 0)
            continue;
        if (item.likeProbability < minScore)
            continue;
        if (top >= 0 && shown.size() >= top)
            break;
        shown.push_back(item);
        shown.last().rank = int(shown.size()); // the position in this list, as printed and exported
    }
    if (p.isSet(QStringLiteral("m3u")) && !writeM3u(*study, shown, p.value(QStringLiteral("m3u")), &error))
        return fail(error);
    if (p.isSet(QStringLiteral("csv")) && !writeRecommendationsCsv(*study, shown, p.value(QStringLiteral("csv")), &error))
        return fail(error);

    const QString risk = recs.safeModelId > 0 ? QStringLiteral(", dislike risk from model %1 (clep-n)").arg(recs.safeModelId)
                                              : QString();
    std::fprintf(stderr, "model %lld (%s, %s)%s; %d unheard tracks, %d listed\n", static_cast<long long>(recs.modelId),
                 qPrintable(recs.model), qPrintable(recs.encoder), qPrintable(risk), recs.unheardTracks,
                 int(shown.size()));
    for (const QString &line : recs.notice.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        std::fprintf(stderr, "note: %s\n", qPrintable(line));
    qint64 newestModel = 0;
    const int fresh = newFeedback(*study, *study->participant(r.participant), &newestModel);
    if (fresh > 0)
        std::fprintf(stderr, "note: %d feedback answers since model %lld was trained: retrain to use them\n", fresh,
                     static_cast<long long>(newestModel));

    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Recommendation &item : shown) {
            const QString path = study->resolveTrackPath(item.track);
            a.append(QJsonObject{
                {QStringLiteral("rank"), item.rank},
                {QStringLiteral("track_id"), item.track.id},
                {QStringLiteral("title"), item.track.title},
                {QStringLiteral("artist"), item.track.artist},
                {QStringLiteral("genre"), item.track.genre},
                {QStringLiteral("like_probability"), item.likeProbability},
                {QStringLiteral("dislike_risk"), std::isnan(item.dislikeRisk) ? QJsonValue() : QJsonValue(item.dislikeRisk)},
                {QStringLiteral("excerpts"), item.excerpts},
                {QStringLiteral("feedback"), item.feedback < 0 ? QJsonValue()
                                                               : QJsonValue(item.feedback == 1 ? QStringLiteral("like")
                                                                                               : QStringLiteral("not-for-me"))},
                {QStringLiteral("path"), path.isEmpty() ? item.track.path : path}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("participant"), recs.participant},
                                           {QStringLiteral("encoder"), recs.encoder},
                                           {QStringLiteral("model_id"), recs.modelId},
                                           {QStringLiteral("model"), recs.model},
                                           {QStringLiteral("safe_model_id"),
                                            recs.safeModelId > 0 ? QJsonValue(recs.safeModelId) : QJsonValue()},
                                           {QStringLiteral("order"), order},
                                           {QStringLiteral("excerpts"), r.excerpts},
                                           {QStringLiteral("unheard_tracks"), recs.unheardTracks},
                                           {QStringLiteral("missing_embeddings"), recs.missingEmbeddings},
                                           {QStringLiteral("notice"), recs.notice},
                                           {QStringLiteral("items"), a}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const Recommendation &item : shown)
            out() << item.rank << '\t' << QString::number(item.likeProbability, 'f', 3) << '\t'
                  << (std::isnan(item.dislikeRisk) ? QStringLiteral("-") : QString::number(item.dislikeRisk, 'f', 3))
                  << '\t' << item.track.title << '\t' << item.track.artist << '\t' << item.track.genre
                  << (item.feedback < 0 ? QString()
                                        : item.feedback == 1 ? QStringLiteral("\t[liked]") : QStringLiteral("\t[not for me]"))
                  << Qt::endl;
    }
    return Ok;
}

int cmdFeedback(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString who = p.value(QStringLiteral("participant"));
    if (who.isEmpty())
        return fail(QStringLiteral("--participant CODE is required"));
    bool ok = false;
    const qint64 trackId = p.value(QStringLiteral("track")).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--track ID is required (the track id, as recommend --json prints it)"));
    const bool like = p.isSet(QStringLiteral("like"));
    if (like == p.isSet(QStringLiteral("not-for-me")))
        return fail(QStringLiteral("give either --like or --not-for-me"));
    const bool retrain = p.isSet(QStringLiteral("retrain"));
    const bool json = p.isSet(QStringLiteral("json"));
    int top = 10;
    if (p.isSet(QStringLiteral("top"))) {
        top = p.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 0)
            return fail(QStringLiteral("--top: '%1' is not a count").arg(p.value(QStringLiteral("top"))));
    }
    RecommendationRequest before;
    before.participant = who;
    if (p.isSet(QStringLiteral("model"))) {
        before.modelId = p.value(QStringLiteral("model")).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--model: '%1' is not a number").arg(p.value(QStringLiteral("model"))));
    }
    QString error;
    // With --retrain: the list as the model sees it now, to compare the retrained one with.
    Recommendations old;
    if (retrain && !recommend(*study, before, &old, &error))
        return fail(error);
    if (!recordFeedback(*study, who, trackId, like, &error))
        return fail(error);
    const Track t = *study->track(trackId);
    const QString saved = QStringLiteral("saved: %1%2 track %3 (%4%5)")
                              .arg(who, like ? QStringLiteral(" likes") : QStringLiteral(" finds not for them"))
                              .arg(trackId)
                              .arg(t.title, t.artist.isEmpty() ? QString() : QStringLiteral(" - ") + t.artist);
    if (!retrain) {
        out() << saved << Qt::endl;
        qint64 newestModel = 0;
        const int fresh = newFeedback(*study, *study->participant(who), &newestModel);
        if (fresh > 0)
            out() << fresh << " feedback answers since model " << newestModel << " was trained: retrain to use them"
                  << Qt::endl;
        return Ok;
    }
    if (!json)
        out() << saved << Qt::endl;

    // Retrain the list's model (and its CLEP-N) with their stored settings, then rank again.
    TrainingRequest request;
    if (!feedbackRetrainingRequest(*study, old.modelId, old.safeModelId, &request, &error))
        return fail(error);
    QDateTime oldCreated;
    for (const TrainedModel &m : storedModels(*study, *study->participant(who)))
        if (m.id == old.modelId)
            oldCreated = m.createdAt;
    const int fresh = feedbackSince(*study, who, oldCreated);
    const TrainingReport report = trainPrintingProgress(request);
    if (!report.error.isEmpty())
        return fail(report.error);
    RecommendationRequest after = before;
    after.modelId = 0;
    for (const TrainedModel &m : report.models) {
        if (m.model == old.model)
            after.modelId = m.id;
        else if (m.model == QLatin1String("clep-n"))
            after.safeModelId = m.id;
    }
    Recommendations now;
    if (!recommend(*study, after, &now, &error))
        return fail(error);
    const RankingComparison moved = compareRankings(old.items, now.items);
    const QVector<RankChange> movers = moved.topMovers(top);
    const QString summary = describeMoves(moved);
    const auto jsonNumber = [](double x) { return std::isnan(x) ? QJsonValue() : QJsonValue(x); };
    if (json) {
        QJsonArray models;
        for (const TrainedModel &m : report.models) {
            QJsonObject o = metricsToJson(m.metrics);
            o.insert(QStringLiteral("id"), m.id);
            o.insert(QStringLiteral("model"), m.model);
            models.append(o);
        }
        QJsonArray a;
        for (const RankChange &c : movers)
            a.append(QJsonObject{{QStringLiteral("track_id"), c.track.id},
                                 {QStringLiteral("title"), c.track.title},
                                 {QStringLiteral("artist"), c.track.artist},
                                 {QStringLiteral("rank"), c.rank},
                                 {QStringLiteral("previous_rank"), c.previousRank},
                                 {QStringLiteral("rank_change"), c.rankChange()},
                                 {QStringLiteral("like_probability"), jsonNumber(c.likeProbability)},
                                 {QStringLiteral("previous_like_probability"), jsonNumber(c.previousLikeProbability)},
                                 {QStringLiteral("score_change"), jsonNumber(c.scoreChange())}});
        const RankChange *rated = moved.find(trackId);
        out() << QJsonDocument(
                     QJsonObject{{QStringLiteral("participant"), who},
                                 {QStringLiteral("track_id"), trackId},
                                 {QStringLiteral("feedback"), like ? QStringLiteral("like") : QStringLiteral("not-for-me")},
                                 {QStringLiteral("previous_model_id"), old.modelId},
                                 {QStringLiteral("model_id"), now.modelId},
                                 {QStringLiteral("model"), now.model},
                                 {QStringLiteral("models"), models},
                                 {QStringLiteral("answers"), report.examples},
                                 {QStringLiteral("new_answers"), fresh},
                                 {QStringLiteral("compared"), moved.compared},
                                 {QStringLiteral("moved_5_or_more"), moved.movedAtLeast(5)},
                                 {QStringLiteral("new_tracks"), moved.newTracks},
                                 {QStringLiteral("removed_tracks"), moved.removedTracks},
                                 {QStringLiteral("rated_tracks"), moved.ratedTracks},
                                 {QStringLiteral("track_rank"), rated && rated->rank > 0 ? QJsonValue(rated->rank) : QJsonValue()},
                                 {QStringLiteral("track_previous_rank"),
                                  rated && rated->previousRank > 0 ? QJsonValue(rated->previousRank) : QJsonValue()},
                                 {QStringLiteral("summary"), summary},
                                 {QStringLiteral("top_movers"), a}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    QStringList names;
    for (const TrainedModel &m : report.models)
        names << QStringLiteral("%1 (model %2)").arg(m.model).arg(m.id);
    out() << "retrained " << names.join(QStringLiteral(", ")) << " on " << report.examples << " answers (" << fresh
          << " new since model " << old.modelId << ")" << Qt::endl;
    if (const RankChange *rated = moved.find(trackId); rated && rated->rank > 0 && rated->previousRank > 0)
        out() << "the rated track: #" << rated->previousRank << " -> #" << rated->rank << " (" << rankChangeText(*rated)
              << ", like " << QString::number(rated->previousLikeProbability, 'f', 3) << " -> "
              << QString::number(rated->likeProbability, 'f', 3) << ")" << Qt::endl;
    out() << "moved: " << summary << Qt::endl;
    if (!movers.isEmpty()) {
        out() << "rank\twas\tmoved\tlike\tchange\ttitle\tartist" << Qt::endl;
        for (const RankChange &c : movers)
            out() << c.rank << '\t' << c.previousRank << '\t' << rankChangeText(c) << '\t'
                  << QString::number(c.likeProbability, 'f', 3) << '\t' << scoreChangeText(c) << '\t' << c.track.title
                  << '\t' << c.track.artist << Qt::endl;
    }
    return Ok;
}

/// The explanation options shared by explain and steer --component (--start, --components,
/// --segments, --bands, --samples, --seed, --method, --no-fast-path, --baseline, --separation) into r. Empty, or
/// what is wrong.
QString parseExplanationOptions(QCommandLineParser &p, ExplanationRequest &r)
{
    bool ok = false;
    r.modelDirs = modelDirs(p);
    if (p.isSet(QStringLiteral("start"))) {
        r.startSeconds = p.value(QStringLiteral("start")).toDouble(&ok);
        if (!ok || r.startSeconds < 0)
            return QStringLiteral("--start is the excerpt's start in seconds, not '%1'").arg(p.value(QStringLiteral("start")));
    }
    explain::ExplainOptions &o = r.options;
    if (p.isSet(QStringLiteral("components"))
        && !explain::modeFromId(p.value(QStringLiteral("components")).toStdString(), &o.components.mode))
        return QStringLiteral("--components is segments, bands, hpss, combined, combined-bands or sources, not '%1'")
            .arg(p.value(QStringLiteral("components")));
    const auto count = [&p](const char *name, int min, int max, int *value) {
        if (!p.isSet(QLatin1String(name)))
            return true;
        bool good = false;
        const int v = p.value(QLatin1String(name)).toInt(&good);
        if (!good || v < min || v > max)
            return false;
        *value = v;
        return true;
    };
    if (!count("segments", 1, 64, &o.components.segments))
        return QStringLiteral("--segments is a count from 1 to 64");
    if (!count("bands", 2, 32, &o.components.bands))
        return QStringLiteral("--bands is a count from 2 to 32");
    if (!count("samples", 2, 1000000, &o.lime.samples))
        return QStringLiteral("--samples is a count of LIME samples (at least 2)");
    if (p.isSet(QStringLiteral("seed")))
        o.lime.seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("method")) && !explain::methodFromId(p.value(QStringLiteral("method")).toStdString(), &o.method))
        return QStringLiteral("--method is auto, shapley or lime for explain");
    o.fastPath = !p.isSet(QStringLiteral("no-fast-path"));
    if (p.isSet(QStringLiteral("baseline"))
        && !explain::baselineFromId(p.value(QStringLiteral("baseline")).toStdString(), &o.components.baseline))
        return QStringLiteral("--baseline is remove or silence, not '%1'").arg(p.value(QStringLiteral("baseline")));
    if (o.components.mode == explain::ComponentMode::Sources) {
        r.separationManifest = p.value(QStringLiteral("separation"));
        if (r.separationManifest.isEmpty())
            return QStringLiteral("--components sources needs --separation MANIFEST.json");
    }
    return QString();
}

int cmdExplain(QCommandLineParser &p)
{
    // Which components of an excerpt make a stored model like (or dislike) it: docs/explanations.md.
    ExplanationRequest r;
    r.studyPath = p.value(QStringLiteral("study"));
    if (r.studyPath.isEmpty())
        return fail(QStringLiteral("--study FILE is required"));
    bool ok = false;
    r.modelId = p.value(QStringLiteral("model")).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--model ID is required (see train's output)"));
    r.trackId = p.value(QStringLiteral("track")).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--track ID is required (recommend --json prints track ids)"));
    const QString bad = parseExplanationOptions(p, r);
    if (!bad.isEmpty())
        return fail(bad);
    explain::Direction direction = explain::Direction::Liked;
    if (p.isSet(QStringLiteral("why"))) {
        const QString why = p.value(QStringLiteral("why"));
        if (why != QLatin1String("liked") && why != QLatin1String("disliked"))
            return fail(QStringLiteral("--why is liked or disliked, not '%1'").arg(why));
        direction = why == QLatin1String("liked") ? explain::Direction::Liked : explain::Direction::Disliked;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    const ExplanationReport report = explainTrack(r, [json](int done, int total) {
        if (!json) {
            std::fprintf(stderr, "\rexplaining: %d/%d evaluations   ", done, total);
            if (done == total)
                std::fprintf(stderr, "\n");
        }
        return true;
    });
    if (!report.error.isEmpty())
        return fail(report.error);
    QJsonObject j = report.toJson();
    if (p.isSet(QStringLiteral("write-top"))) {
        // Only the most influential components in the chosen direction, as a WAV (or FLAC/Ogg).
        const QString path = p.value(QStringLiteral("write-top"));
        int k = 1;
        if (p.isSet(QStringLiteral("top"))) {
            k = p.value(QStringLiteral("top")).toInt(&ok);
            if (!ok || k < 1 || k > 1000)
                return fail(QStringLiteral("--top is a count of components"));
        }
        const std::vector<int> top = report.explanation.top(k, direction);
        explain::Mask mask(std::size_t(report.decomposition->size()), false);
        for (int c : top)
            mask[std::size_t(c)] = true;
        try {
            audio::writeAudio(QFile::encodeName(path).toStdString(), report.decomposition->render(mask));
        } catch (const std::exception &e) {
            return fail(QString::fromStdString(e.what()));
        }
        QJsonArray written;
        for (int c : top)
            written.append(c);
        j.insert(QStringLiteral("written"), path);
        j.insert(QStringLiteral("written_components"), written);
        if (!json)
            std::fprintf(stderr, "wrote %d component(s) to %s\n", int(top.size()), qPrintable(path));
    }
    if (json)
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
    else
        out() << report.toText(direction);
    out().flush();
    return Ok;
}

QJsonObject trackJson(const Track &t)
{
    return QJsonObject{{QStringLiteral("track_id"), t.id},
                       {QStringLiteral("title"), t.title},
                       {QStringLiteral("artist"), t.artist},
                       {QStringLiteral("genre"), t.genre}};
}

QString trackText(const Track &t)
{
    return QStringLiteral("%1 \u201c%2\u201d%3").arg(t.id).arg(t.title, t.artist.isEmpty() ? QString() : QStringLiteral(" - ") + t.artist);
}

/// --slider K=VALUE (K 1-based prototype number, VALUE -1 avoid .. +1 favour), repeatable.
bool parseSliders(QCommandLineParser &p, const TasteProfile &profile, std::vector<double> *sliders, QString *error)
{
    *sliders = profile.defaultSliders();
    for (const QString &arg : p.values(QStringLiteral("slider"))) {
        const QStringList kv = arg.split(QLatin1Char('='));
        bool okK = false, okV = false;
        const int k = kv.size() == 2 ? kv[0].toInt(&okK) : 0;
        const double v = kv.size() == 2 ? kv[1].toDouble(&okV) : 0;
        if (!okK || !okV || k < 1 || k > int(sliders->size()) || v < -1 || v > 1) {
            *error = QStringLiteral("--slider: '%1' is not K=VALUE with K a prototype number 1..%2 and VALUE in -1..1")
                         .arg(arg)
                         .arg(sliders->size());
            return false;
        }
        (*sliders)[std::size_t(k - 1)] = v;
    }
    return true;
}

int cmdProfile(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    ProfileRequest request;
    request.participant = p.value(QStringLiteral("participant"));
    if (request.participant.isEmpty())
        return fail(QStringLiteral("--participant CODE is required"));
    bool ok = true;
    if (p.isSet(QStringLiteral("model"))) {
        request.modelId = p.value(QStringLiteral("model")).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--model: '%1' is not a number").arg(p.value(QStringLiteral("model"))));
    }
    request.perGenre = p.isSet(QStringLiteral("per-genre"));
    int top = 10;
    if (p.isSet(QStringLiteral("top"))) {
        top = p.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 0)
            return fail(QStringLiteral("--top: '%1' is not a count").arg(p.value(QStringLiteral("top"))));
    }
    TasteProfile profile;
    QString error;
    if (!buildTasteProfile(*study, request, &profile, &error))
        return fail(error);
    std::vector<double> sliders;
    if (!parseSliders(p, profile, &sliders, &error))
        return fail(error);
    const bool steered = p.isSet(QStringLiteral("slider"));
    const QVector<int> classifier = profile.ranking(profile.defaultSliders());
    QHash<int, int> classifierRank;
    for (int i = 0; i < classifier.size(); ++i)
        classifierRank.insert(classifier[i], i + 1);
    const QVector<int> ranking = profile.ranking(sliders);
    const std::vector<double> scores = train::steeredScores(profile.space, profile.probability, sliders);

    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray protos;
        for (std::size_t k = 0; k < profile.prototypes.size(); ++k) {
            const train::Prototype &pr = profile.prototypes[k];
            const ProfileTrack &t = profile.tracks[pr.point];
            QJsonArray neighbours;
            for (int n : pr.neighbours)
                neighbours.append(trackJson(profile.tracks[n].track));
            QJsonObject o = trackJson(t.track);
            o.insert(QStringLiteral("prototype"), int(k + 1));
            o.insert(QStringLiteral("side"), pr.sign > 0 ? QStringLiteral("liked") : QStringLiteral("disliked"));
            o.insert(QStringLiteral("like_probability"), t.likeProbability);
            o.insert(QStringLiteral("members"), int(pr.members.size()));
            o.insert(QStringLiteral("slider"), sliders[k]);
            o.insert(QStringLiteral("neighbours"), neighbours);
            protos.append(o);
        }
        QJsonObject root{{QStringLiteral("participant"), profile.participant},
                         {QStringLiteral("model_id"), profile.modelId},
                         {QStringLiteral("model"), profile.model},
                         {QStringLiteral("encoder"), profile.encoder},
                         {QStringLiteral("tracks"), int(profile.tracks.size())},
                         {QStringLiteral("per_genre"), request.perGenre},
                         {QStringLiteral("kernel_scale"), profile.space.scale},
                         {QStringLiteral("fidelity"), QJsonObject{{QStringLiteral("spearman"), profile.fidelity.spearman},
                                                                  {QStringLiteral("agreement"), profile.fidelity.agreement},
                                                                  {QStringLiteral("tracks"), profile.fidelity.points}}},
                         {QStringLiteral("prototypes"), protos}};
        if (!profile.notice.isEmpty())
            root.insert(QStringLiteral("notice"), profile.notice);
        if (steered) {
            QJsonArray list;
            for (int i = 0; i < std::min<int>(top, int(ranking.size())); ++i) {
                QJsonObject o = trackJson(profile.tracks[ranking[i]].track);
                o.insert(QStringLiteral("rank"), i + 1);
                o.insert(QStringLiteral("classifier_rank"), classifierRank.value(ranking[i]));
                o.insert(QStringLiteral("score"), scores[std::size_t(ranking[i])]);
                o.insert(QStringLiteral("like_probability"), profile.probability[std::size_t(ranking[i])]);
                list.append(o);
            }
            root.insert(QStringLiteral("ranking"), list);
        }
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "taste profile of " << profile.participant << " with model " << profile.modelId << " (" << profile.model
          << ", " << profile.encoder << "): " << profile.prototypes.size() << " prototypes over "
          << profile.tracks.size() << " tracks" << Qt::endl;
    out() << "fidelity to the classifier: Spearman " << QString::number(profile.fidelity.spearman, 'f', 3)
          << ", decisions agree on " << QString::number(100.0 * profile.fidelity.agreement, 'f', 1) << " % of "
          << profile.fidelity.points << " tracks (kernel " << QString::number(profile.space.scale, 'g', 3)
          << " x each prototype's reach)" << Qt::endl;
    if (!profile.notice.isEmpty())
        out() << "note: " << profile.notice << Qt::endl;
    out() << "#\tside\tslider\tmembers\tlike\ttrack\tgenre" << Qt::endl;
    for (std::size_t k = 0; k < profile.prototypes.size(); ++k) {
        const train::Prototype &pr = profile.prototypes[k];
        const ProfileTrack &t = profile.tracks[pr.point];
        out() << (k + 1) << '\t' << (pr.sign > 0 ? "liked" : "disliked") << '\t' << QString::number(sliders[k], 'f', 2)
              << '\t' << pr.members.size() << '\t' << QString::number(t.likeProbability, 'f', 3) << '\t'
              << trackText(t.track) << '\t' << t.track.genre << Qt::endl;
        QStringList neighbours;
        for (int n : pr.neighbours)
            neighbours << trackText(profile.tracks[n].track);
        out() << "\tneighbours: " << neighbours.join(QStringLiteral("; ")) << Qt::endl;
    }
    if (steered) {
        out() << "re-ranked with the sliders (was = the classifier's rank):" << Qt::endl;
        out() << "rank\twas\tscore\tlike\ttrack\tgenre" << Qt::endl;
        for (int i = 0; i < std::min<int>(top, int(ranking.size())); ++i) {
            const ProfileTrack &t = profile.tracks[ranking[i]];
            out() << (i + 1) << '\t' << classifierRank.value(ranking[i]) << '\t'
                  << QString::number(scores[std::size_t(ranking[i])], 'f', 3) << '\t'
                  << QString::number(t.likeProbability, 'f', 3) << '\t' << trackText(t.track) << '\t' << t.track.genre
                  << Qt::endl;
        }
    }
    return Ok;
}

/// steer --component N: "more / less like this part" on component N (0-based, as explain prints
/// them) of the track's excerpt, explained with the explain options; with --retrain, the component's
/// weight under the retrained model.
int steerComponent(QCommandLineParser &p, Study &study, const QString &who, qint64 trackId, int direction, qint64 modelId,
                   bool retrain, bool json)
{
    bool ok = false;
    const int component = p.value(QStringLiteral("component")).toInt(&ok);
    if (!ok || component < 0)
        return fail(QStringLiteral("--component is a component number from 0 (explain prints them), not '%1'")
                        .arg(p.value(QStringLiteral("component"))));
    const std::optional<Participant> participant = study.participant(who);
    if (!participant)
        return fail(QStringLiteral("%1: no participant '%2'").arg(study.path(), who));
    if (modelId <= 0) {
        const std::optional<TrainedModel> newest = defaultRecommendationModel(storedModels(study, *participant));
        if (!newest)
            return fail(QStringLiteral("participant '%1' has no trained model yet: train one first").arg(who));
        modelId = newest->id;
    }
    ExplanationRequest request;
    request.studyPath = study.path();
    request.modelId = modelId;
    request.trackId = trackId;
    const QString bad = parseExplanationOptions(p, request);
    if (!bad.isEmpty())
        return fail(bad);
    request.contrast = component;
    const ExplanationReport before = explainTrack(study, request);
    if (!before.error.isEmpty())
        return fail(before.error);
    QString error;
    if (!recordComponentSteering(study, who, before, direction, &error))
        return fail(error);
    const QString name = QString::fromStdString(before.explanation.components[std::size_t(component)].name);
    const QString saved = QStringLiteral("saved: %1 wants %2 like component %3 (%4) of track %5")
                              .arg(who, direction > 0 ? QStringLiteral("more") : QStringLiteral("less"))
                              .arg(component)
                              .arg(name, trackText(before.track));
    if (!retrain) {
        out() << saved << Qt::endl
              << steeringCount(study, who) << " steering requests wait for the next CLEP training (add --retrain)" << Qt::endl;
        return Ok;
    }
    if (!json)
        out() << saved << Qt::endl;
    TrainingRequest training;
    if (!feedbackRetrainingRequest(study, modelId, 0, &training, &error))
        return fail(error);
    const TrainingReport report = trainPrintingProgress(training);
    if (!report.error.isEmpty())
        return fail(report.error);
    if (report.models.isEmpty())
        return fail(QStringLiteral("retraining stored no model"));
    const qint64 after = report.models.first().id;
    SteeringOutcome outcome;
    if (!measureComponentSteering(study, request, before, after, direction, &outcome, &error))
        return fail(error);
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("participant"), who},
                                           {QStringLiteral("track_id"), trackId},
                                           {QStringLiteral("component"), component},
                                           {QStringLiteral("component_name"), name},
                                           {QStringLiteral("direction"), direction > 0 ? QStringLiteral("more") : QStringLiteral("less")},
                                           {QStringLiteral("previous_model_id"), modelId},
                                           {QStringLiteral("model_id"), after},
                                           {QStringLiteral("steering"), report.steering},
                                           {QStringLiteral("weight_before"), outcome.before},
                                           {QStringLiteral("weight_after"), outcome.after},
                                           {QStringLiteral("moved_as_asked"), outcome.movedAsAsked()},
                                           {QStringLiteral("summary"), outcome.text()}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "retrained " << report.models.first().model << " (model " << after << ") on " << report.examples
          << " answers with " << report.steering << " steering requests" << Qt::endl;
    out() << "component " << component << " (" << name << "): weight towards like "
          << QString::number(outcome.before, 'f', 3) << " -> " << QString::number(outcome.after, 'f', 3) << ": "
          << outcome.text() << Qt::endl;
    return Ok;
}

int cmdSteer(QCommandLineParser &p)
{
    int code = Ok;
    auto study = openStudy(p, &code);
    if (!study)
        return code;
    const QString who = p.value(QStringLiteral("participant"));
    if (who.isEmpty())
        return fail(QStringLiteral("--participant CODE is required"));
    bool ok = false;
    const qint64 trackId = p.value(QStringLiteral("track")).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--track ID is required (profile --json prints the prototypes' ids)"));
    const bool more = p.isSet(QStringLiteral("more"));
    if (more == p.isSet(QStringLiteral("less")))
        return fail(QStringLiteral("give either --more or --less"));
    ProfileRequest request;
    request.participant = who;
    if (p.isSet(QStringLiteral("model"))) {
        request.modelId = p.value(QStringLiteral("model")).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--model: '%1' is not a number").arg(p.value(QStringLiteral("model"))));
    }
    const bool retrain = p.isSet(QStringLiteral("retrain"));
    const bool json = p.isSet(QStringLiteral("json"));
    if (p.isSet(QStringLiteral("component")))
        return steerComponent(p, *study, who, trackId, more ? 1 : -1, request.modelId, retrain, json);
    QString error;
    // Before: the profile with the current model, for the track's neighbours and the comparison.
    TasteProfile profile;
    if (retrain && !buildTasteProfile(*study, request, &profile, &error))
        return fail(error);
    SteeringFeedback feedback;
    feedback.participant = who;
    feedback.trackId = trackId;
    feedback.direction = more ? 1 : -1;
    feedback.label = QStringLiteral("cli");
    if (!recordSteering(*study, feedback, &error))
        return fail(error);
    const Track t = *study->track(trackId);
    const QString saved = QStringLiteral("saved: %1 wants %2 like track %3").arg(who, more ? QStringLiteral("more") : QStringLiteral("less"), trackText(t));
    if (!retrain) {
        out() << saved << Qt::endl
              << who << " has " << steeringCount(*study, who)
              << " steering request(s); each takes part in every later CLEP training (add --retrain to train now)"
              << Qt::endl;
        return Ok;
    }
    if (!json)
        out() << saved << Qt::endl;
    const int index = profile.indexOf(trackId);
    QVector<qint64> neighbours;
    if (index >= 0)
        for (int n : profile.nearest(index, 3))
            neighbours << profile.tracks[n].track.id;
    if (!profile.model.startsWith(QLatin1String("clep")))
        return fail(QStringLiteral("steering teaches the CLEP embedder; model %1 is %2: give a CLEP model with --model")
                        .arg(profile.modelId)
                        .arg(profile.model));
    TrainingRequest training;
    if (!feedbackRetrainingRequest(*study, profile.modelId, 0, &training, &error))
        return fail(error);
    const TrainingReport report = trainPrintingProgress(training);
    if (!report.error.isEmpty())
        return fail(report.error);
    if (report.models.isEmpty())
        return fail(QStringLiteral("retraining stored no model"));
    const qint64 after = report.models.first().id;
    SteeringOutcome outcome;
    if (!measureSteering(*study, profile.modelId, after, trackId, neighbours, feedback.direction, &outcome, &error))
        return fail(error);
    if (json) {
        QJsonArray n;
        for (qint64 id : neighbours)
            n.append(id);
        out() << QJsonDocument(QJsonObject{{QStringLiteral("participant"), who},
                                           {QStringLiteral("track_id"), trackId},
                                           {QStringLiteral("direction"), more ? QStringLiteral("more") : QStringLiteral("less")},
                                           {QStringLiteral("previous_model_id"), profile.modelId},
                                           {QStringLiteral("model_id"), after},
                                           {QStringLiteral("model"), report.models.first().model},
                                           {QStringLiteral("steering"), report.steering},
                                           {QStringLiteral("like_before"), outcome.before},
                                           {QStringLiteral("like_after"), outcome.after},
                                           {QStringLiteral("neighbours"), n},
                                           {QStringLiteral("neighbours_before"), outcome.neighboursBefore},
                                           {QStringLiteral("neighbours_after"), outcome.neighboursAfter},
                                           {QStringLiteral("moved_as_asked"), outcome.movedAsAsked()},
                                           {QStringLiteral("summary"), outcome.text()}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "retrained " << report.models.first().model << " (model " << after << ") on " << report.examples
          << " answers with " << report.steering << " steering requests" << Qt::endl;
    out() << "track " << trackId << ": like " << QString::number(outcome.before, 'f', 3) << " -> "
          << QString::number(outcome.after, 'f', 3) << ": " << outcome.text() << Qt::endl;
    return Ok;
}

const Command kCommands[] = {
    {"demo", "Synthesize the built-in demo library (once) and create the demo study; prints its path", cmdDemo},
    {"create", "Create a study: --study F --name N [--clip-seconds --clips --scale --anchors --repeats --builtin-catch --stations S ...] "
               "[--study-file S.json|S.yaml: define it by S when S exists, else write S from the options] [--station K]", cmdCreate},
    {"station", "This file's station number when the study runs on several stations (design.stations): --study F "
                "[--set K]; prints it and the next participant's schedule index", cmdStation},
    {"validate", "Check a study file against the schema (line-numbered errors): validate FILE", cmdValidate},
    {"schedule", "Print a participant's schedule regenerated from their study file version, seed and index, and "
                 "compare it with the stored one: --study F --participant P [--json]; a new participant's: --seed S [--index I]", cmdSchedule},
    {"coverage", "How often each pool clip is heard across participants: --study F [--simulate N] [--json] [--verbose]", cmdCoverage},
    {"import", "Import music: --study F (--folder DIR | --manifest CSV)", cmdImport},
    {"plan", "Show a participant's clip plan (creates the participant): --study F --participant P [--seed S] "
             "[--json]; --dry-run previews without storing", cmdPlan},
    {"simulate", "Answer a participant's remaining pages automatically (consent, calibration, practice, questionnaires, "
                 "catch and data clips): --study F --participant P [--seed S] [--like-genre G] [--count N] "
                 "[--catch-accuracy P] [--delay-ms MS]", cmdSimulate},
    {"status", "Summarize a study: --study F", cmdStatus},
    {"quality", "Per-participant data quality (catch accuracy, test-retest kappa, straight-lining, fast answers, "
                "focus losses, audio-integrity flags) and the study's exclusion rules: --study F [--json]", cmdQuality},
    {"export", "Export answers (CSV also writes NAME-quality.csv and NAME-questionnaires.csv): --study F "
               "--out FILE.csv [--out FILE.json]", cmdExport},
    {"merge", "Merge a study file collected elsewhere: --study F --from OTHER [--force]; refuses when the study files or "
              "schedules differ (unless --force; recorded)", cmdMerge},
    {"encoders", "List the encoders (built-in and model files found) and the default device", cmdEncoders},
    {"extract", "Extract missing embeddings: --study F [--encoder NAME] [--device cpu|cuda] [--shard K/N] "
                "[--batch N] [--library-excerpts N] [--models DIR]", cmdExtract},
    {"train", "Train personal models for a participant: --study F --participant P [--variant clep-n|pn,p,n,logreg,knn,mlp] "
              "[--encoder NAME] [--seed S] [--epochs E1/E2] [--margin M] [--depth D] [--like-threshold L/D] [--json]", cmdTrain},
    {"evaluate", "Evaluate models across participants: --study F [--encoder NAME] [--variants pn,p,n[,logreg,knn,mlp]] "
                 "[--repeats R] [--json] [--report-dir DIR]", cmdEvaluate},
    {"score", "Score the clips a participant has not heard with a stored model: --study F --model ID "
              "(rank, like probability, genre, title, artist, path)", cmdScore},
    {"map", "Embedding map (t-SNE) as CSV/JSON: --study F --out FILE [--participant P[,Q]] [--encoder NAME] "
            "[--model ID] [--space raw|model] [--unheard] [--perplexity X] [--method auto|exact|barnes-hut] "
            "[--iterations N] [--seed S] [--device cpu|cuda]", cmdMap},
    {"results", "A stored model's confusion matrix, metrics and ROC: --study F --model ID [--json]; or the newest "
                "stored models across participants: --study F [--encoder NAME] [--json] [--report-dir DIR]", cmdResults},
    {"recommend", "Rank the tracks a participant has not heard: --study F --participant P [--model ID] "
                  "[--safe-model ID] [--order like|safe] [--genre G] [--min-score X] [--top N] [--excerpts N] "
                  "[--m3u FILE] [--csv FILE] [--json]", cmdRecommend},
    {"feedback", "Save feedback on a recommended track as an answer: --study F --participant P --track ID "
                 "(--like | --not-for-me) [--retrain [--model ID] [--top N] [--json]]: retrain the list's model and "
                 "print what moved", cmdFeedback},
    {"profile", "Taste profile: prototypes (medoids of liked and disliked tracks, with neighbours) and its fidelity "
                "to the classifier: --study F --participant P [--model ID] [--per-genre] [--json]; --slider K=VALUE "
                "(repeatable, -1 avoid .. 1 favour) prints the re-ranked list [--top N]", cmdProfile},
    {"steer", "More / less like a track (a prototype) for the CLEP embedder: --study F --participant P --track ID "
              "(--more | --less) [--component N [explain options]] [--retrain [--model ID] [--json]]: retrain and print "
              "whether the track (or the component's weight) moved", cmdSteer},
    {"listener", "Create a listener library (one person's own music, rated in the active order): --study F "
                 "(--folder DIR | --manifest CSV | --demo) [--name N] [--seed S]", cmdListener},
    {"rate", "Listener mode: print the clip the active order picks next: --study F [--encoder NAME]; or answer "
             "--count N clips by a rule, retraining every 10 answers: --like-genre G [--random-share X]", cmdRate},
    {"explain", "Why a stored model likes or dislikes an excerpt, per component: --study F --model ID --track T "
                "[--start S] [--components segments|bands|hpss|combined|combined-bands|sources] [--segments 5] "
                "[--bands 4] [--baseline remove|silence] [--method auto|shapley|lime] [--samples 1024] [--seed 1] [--why liked|disliked] "
                "[--separation MANIFEST] [--no-fast-path] [--json] [--write-top FILE.wav [--top K]]", cmdExplain},
    {"relocate", "Tell the study where its moved music folder is now: --study F --music-root DIR", cmdRelocate},
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationName(QStringLiteral("Tastelab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASTELAB_VERSION));

    QCommandLineParser p;
    QString description = QStringLiteral("Tastelab command line.\n\nCommands:\n");
    for (const Command &c : kCommands)
        description += QStringLiteral("  %1  %2\n").arg(QLatin1String(c.name), -9).arg(QLatin1String(c.synopsis));
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see the list above)."));
    const QList<QCommandLineOption> options{
        {QStringLiteral("study"), QStringLiteral("Study file."), QStringLiteral("file")},
        {QStringLiteral("name"), QStringLiteral("Study name."), QStringLiteral("name")},
        {QStringLiteral("clip-seconds"), QStringLiteral("Clip length (default 10)."), QStringLiteral("s")},
        {QStringLiteral("clips"), QStringLiteral("Clips per participant (default 200)."), QStringLiteral("n")},
        {QStringLiteral("scale"), QStringLiteral("like-dislike, likert5 or likert7."), QStringLiteral("id")},
        {QStringLiteral("anchors"), QStringLiteral("Answer labels, lowest first, separated by |."), QStringLiteral("labels")},
        {QStringLiteral("repeats"), QStringLiteral("create: repeated clips for the consistency check; evaluate: repeated splits per participant (default 1)."), QStringLiteral("n")},
        {QStringLiteral("no-balance"), QStringLiteral("Do not balance genres.")},
        {QStringLiteral("min-listen"), QStringLiteral("Seconds before answers unlock (default: whole clip)."), QStringLiteral("s")},
        {QStringLiteral("ask-age"), QStringLiteral("Ask participants their age.")},
        {QStringLiteral("builtin-catch"), QStringLiteral("create: add the two built-in catch clips (spoken by espeak-ng, else a beep code).")},
        {QStringLiteral("field"), QStringLiteral("A free demographic question (repeatable)."), QStringLiteral("question")},
        {QStringLiteral("folder"), QStringLiteral("Music folder to import (recursive)."), QStringLiteral("dir")},
        {QStringLiteral("manifest"), QStringLiteral("CSV manifest: path,genre,title,artist."), QStringLiteral("csv")},
        {QStringLiteral("participant"), QStringLiteral("Participant code."), QStringLiteral("code")},
        {QStringLiteral("seed"), QStringLiteral("Plan seed for a new participant (default random); map: t-SNE seed; explain: LIME seed (default 1)."), QStringLiteral("n")},
        {QStringLiteral("dry-run"), QStringLiteral("Preview a plan without storing it.")},
        {QStringLiteral("json"), QStringLiteral("plan, train, evaluate, recommend, feedback --retrain: print JSON.")},
        {QStringLiteral("out"), QStringLiteral("export: a .csv or .json file to write (repeatable); map: the points file."), QStringLiteral("file")},
        {QStringLiteral("like-genre"), QStringLiteral("simulate, rate: like this genre, dislike the rest."), QStringLiteral("genre")},
        {QStringLiteral("count"), QStringLiteral("simulate, rate: answer at most this many clips."), QStringLiteral("n")},
        {QStringLiteral("delay-ms"), QStringLiteral("simulate: pause after each answer."), QStringLiteral("ms")},
        {QStringLiteral("catch-accuracy"), QStringLiteral("simulate: probability of answering a catch clip right (default 1)."), QStringLiteral("p")},
        {QStringLiteral("from"), QStringLiteral("merge: the other study file."), QStringLiteral("file")},
        {QStringLiteral("music-root"), QStringLiteral("relocate: where the music folder is now."), QStringLiteral("dir")},
        {QStringLiteral("encoder"), QStringLiteral("extract: encoder name (default: the built-in features)."), QStringLiteral("name")},
        {QStringLiteral("device"), QStringLiteral("extract, map: cpu or cuda (default: extract cuda when available, map cpu)."), QStringLiteral("device")},
        {QStringLiteral("shard"), QStringLiteral("extract: do shard K of N, e.g. 1/4."), QStringLiteral("K/N")},
        {QStringLiteral("batch"), QStringLiteral("extract: clips per model call."), QStringLiteral("n")},
        {QStringLiteral("models"), QStringLiteral("A folder with encoder manifests and model files (repeatable)."), QStringLiteral("dir")},
        {QStringLiteral("variant"), QStringLiteral("train: models, comma-separated: clep-pn, clep-p, clep-n (or pn, p, n), logreg, knn, mlp."), QStringLiteral("ids")},
        {QStringLiteral("variants"), QStringLiteral("evaluate: models, comma-separated (default pn,p,n)."), QStringLiteral("ids")},
        {QStringLiteral("epochs"), QStringLiteral("train/evaluate: embedder/classifier epochs (default 20/30)."), QStringLiteral("e1/e2")},
        {QStringLiteral("margin"), QStringLiteral("train/evaluate: contrastive margin (default 7)."), QStringLiteral("m")},
        {QStringLiteral("depth"), QStringLiteral("train/evaluate: embedder depth (default 4)."), QStringLiteral("d")},
        {QStringLiteral("like-threshold"), QStringLiteral("train/evaluate: Likert values >= L are likes, <= D dislikes."), QStringLiteral("L/D")},
        {QStringLiteral("model"), QStringLiteral("score, map, results, recommend, feedback --retrain: id of a stored model (see train's output)."), QStringLiteral("id")},
        {QStringLiteral("report-dir"), QStringLiteral("evaluate: write the tables as CSV, Markdown and HTML here."), QStringLiteral("dir")},
        {QStringLiteral("space"), QStringLiteral("map: raw (encoder embeddings, default) or model (the model's space)."), QStringLiteral("space")},
        {QStringLiteral("unheard"), QStringLiteral("map: add one excerpt of each track not heard.")},
        {QStringLiteral("perplexity"), QStringLiteral("map: t-SNE perplexity (default 30)."), QStringLiteral("x")},
        {QStringLiteral("method"), QStringLiteral("map: t-SNE method auto, exact or barnes-hut; explain: auto, shapley or lime."), QStringLiteral("id")},
        {QStringLiteral("iterations"), QStringLiteral("map: t-SNE iterations (default 1000)."), QStringLiteral("n")},
        {QStringLiteral("library-excerpts"), QStringLiteral("extract: library excerpts per track for recommendations (default 3; 0 = plan clips only)."), QStringLiteral("n")},
        {QStringLiteral("safe-model"), QStringLiteral("recommend: the CLEP-N model for the dislike risk (default: the newest)."), QStringLiteral("id")},
        {QStringLiteral("order"), QStringLiteral("recommend: like (highest like probability first) or safe (lowest dislike risk first)."), QStringLiteral("order")},
        {QStringLiteral("genre"), QStringLiteral("recommend: only this genre."), QStringLiteral("genre")},
        {QStringLiteral("min-score"), QStringLiteral("recommend: only tracks with a like probability of at least this."), QStringLiteral("p")},
        {QStringLiteral("top"), QStringLiteral("recommend: at most this many tracks; feedback --retrain: top movers printed (default 10); explain --write-top: components written (default 1)."), QStringLiteral("n")},
        {QStringLiteral("excerpts"), QStringLiteral("recommend: library excerpts averaged per track (default 3)."), QStringLiteral("n")},
        {QStringLiteral("m3u"), QStringLiteral("recommend: also write the list as an M3U playlist."), QStringLiteral("file")},
        {QStringLiteral("csv"), QStringLiteral("recommend: also write the list as CSV."), QStringLiteral("file")},
        {QStringLiteral("track"), QStringLiteral("feedback: the track id (recommend --json prints it)."), QStringLiteral("id")},
        {QStringLiteral("like"), QStringLiteral("feedback: the participant likes the track.")},
        {QStringLiteral("not-for-me"), QStringLiteral("feedback: the track is not for the participant.")},
        {QStringLiteral("demo"), QStringLiteral("listener: use the built-in demo library.")},
        {QStringLiteral("random-share"), QStringLiteral("rate: share of random clips after the warm-up (default 0.3)."), QStringLiteral("x")},
        {QStringLiteral("retrain"), QStringLiteral("feedback: retrain the list's model (and its CLEP-N) on the answers and print what moved.")},
        {QStringLiteral("start"), QStringLiteral("explain: the excerpt's start in seconds (default: the track's central excerpt)."), QStringLiteral("s")},
        {QStringLiteral("components"), QStringLiteral("explain: segments (default), bands, hpss, combined (segments x harmonic/percussive), combined-bands or sources."), QStringLiteral("kind")},
        {QStringLiteral("segments"), QStringLiteral("explain: time segments (default 5)."), QStringLiteral("n")},
        {QStringLiteral("bands"), QStringLiteral("explain: mel-spaced frequency bands (default 4)."), QStringLiteral("n")},
        {QStringLiteral("samples"), QStringLiteral("explain: LIME samples (default 1024)."), QStringLiteral("n")},
        {QStringLiteral("why"), QStringLiteral("explain: liked (default) or disliked."), QStringLiteral("direction")},
        {QStringLiteral("separation"), QStringLiteral("explain --components sources: a separation model's manifest."), QStringLiteral("json")},
        {QStringLiteral("baseline"), QStringLiteral("explain: what a switched-off time segment becomes: remove (cut out, default) or silence."), QStringLiteral("kind")},
        {QStringLiteral("no-fast-path"), QStringLiteral("explain: re-embed every masked excerpt even where per-segment embeddings exist.")},
        {QStringLiteral("write-top"), QStringLiteral("explain: write the audio of the top component(s) to this file."), QStringLiteral("file")},
        {QStringLiteral("per-genre"), QStringLiteral("profile: one prototype per genre and answer.")},
        {QStringLiteral("slider"), QStringLiteral("profile: prototype K's slider, -1 (avoid) .. 1 (favour); repeatable."), QStringLiteral("K=VALUE")},
        {QStringLiteral("more"), QStringLiteral("steer: more like this track.")},
        {QStringLiteral("less"), QStringLiteral("steer: less like this track.")},
        {QStringLiteral("component"), QStringLiteral("steer: more / less like this part: component N (from 0, as explain numbers them) of the track's excerpt; takes the explain options."), QStringLiteral("n")},
        {QStringLiteral("data-dir"), QStringLiteral("Data folder (default: the per-user data location)."), QStringLiteral("dir")},
        {QStringLiteral("study-file"), QStringLiteral("create: the study file (JSON or YAML) that defines the study, or to write."), QStringLiteral("file")},
        {QStringLiteral("accept-changed-file"), QStringLiteral("Use a study file that changed after data collection began (the new version is recorded).")},
        {QStringLiteral("index"), QStringLiteral("schedule: a new participant's index (order of creation; default: the next)."), QStringLiteral("n")},
        {QStringLiteral("simulate"), QStringLiteral("coverage: regenerate this many participants instead of the stored ones."), QStringLiteral("n")},
        {QStringLiteral("verbose"), QStringLiteral("coverage: list every clip.")},
        {QStringLiteral("force"), QStringLiteral("merge: merge despite study file, station or schedule conflicts (recorded).")},
        {QStringLiteral("stations"), QStringLiteral("create: stations collecting data with copies of the study (design.stations, default 1)."), QStringLiteral("S")},
        {QStringLiteral("station"), QStringLiteral("create: this file's station number, 1..S."), QStringLiteral("K")},
        {QStringLiteral("set"), QStringLiteral("station: set this file's station number, 1..S."), QStringLiteral("K")},
    };
    p.addOptions(options);
    p.process(app);

    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1 && !(positional.size() == 2 && positional.first() == QLatin1String("validate"))) {
        std::fprintf(stderr, "%s", qPrintable(p.helpText()));
        return Usage;
    }
    for (const Command &c : kCommands)
        if (positional.first() == QLatin1String(c.name))
            return c.run(p);
    std::fprintf(stderr, "tastelab-cli: unknown command '%s'\n\n%s", qPrintable(positional.first()),
                 qPrintable(p.helpText()));
    return Usage;
}
