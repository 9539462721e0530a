#include "study/study.h"

#include "study/database.h"
#include "study/studyfile.h"
#include "study/surveydata.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tastelab {

namespace {

Track trackFrom(const QSqlQuery &q)
{
    Track t;
    t.id = q.value(0).toLongLong();
    t.path = q.value(1).toString();
    t.relativePath = q.value(2).toString();
    t.contentHash = q.value(3).toString();
    t.title = q.value(4).toString();
    t.artist = q.value(5).toString();
    t.genre = q.value(6).toString();
    t.durationSeconds = q.value(7).toDouble();
    t.sampleRate = q.value(8).toInt();
    t.channels = q.value(9).toInt();
    t.format = q.value(10).toString();
    return t;
}

const char *const kTrackColumns =
    "id, path, rel_path, content_hash, title, artist, genre, duration, sample_rate, channels, format";

Participant participantFrom(const QSqlQuery &q)
{
    Participant p;
    p.id = q.value(0).toLongLong();
    p.code = q.value(1).toString();
    p.seed = q.value(2).toString().toULongLong();
    p.demographics = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    p.createdAt = StudyDatabase::time(q.value(4));
    p.finishedAt = StudyDatabase::time(q.value(5));
    p.studyFileHash = q.value(6).toString();
    p.scheduleIndex = q.value(7).isNull() ? -1 : q.value(7).toInt();
    return p;
}

const char *const kParticipantColumns =
    "id, code, seed, demographics, created_at, finished_at, study_file_hash, schedule_index";

} // namespace

struct Study::Private {
    QString path;
    QString connection;
    QSqlDatabase db;
    QString lastError;

    bool fail(const QString &reason)
    {
        lastError = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    }
    bool failQuery(const QSqlQuery &q)
    {
        return fail(q.lastError().text().isEmpty() ? QCoreApplication::translate("Study", "database error") : q.lastError().text());
    }
    bool failDb() { return fail(db.lastError().text()); }

    QString meta(const QString &key) const
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT value FROM study_meta WHERE key = ?"));
        q.addBindValue(key);
        if (q.exec() && q.next())
            return q.value(0).toString();
        return QString();
    }
    bool setMeta(const QString &key, const QString &value)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO study_meta(key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(key);
        q.addBindValue(value.isNull() ? QStringLiteral("") : value); // a null QString binds as NULL
        return q.exec() || failQuery(q);
    }
};

Study::Study() : d(std::make_unique<Private>()) {}

Study::~Study()
{
    if (!d->connection.isEmpty()) {
        d->db = QSqlDatabase();
        StudyDatabase::close(d->connection);
    }
}

std::unique_ptr<Study> Study::create(const QString &path, const StudySettings &settings, QString *error)
{
    if (QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path),
                                                   QCoreApplication::translate("Study", "a file with this name exists already"));
        return nullptr;
    }
    const QString invalid = settings.validate();
    if (!invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return nullptr;
    }
    QSqlDatabase db = StudyDatabase::open(path, true, error);
    if (!db.isOpen()) {
        QFile::remove(path);
        return nullptr;
    }
    std::unique_ptr<Study> study(new Study);
    study->d->path = QFileInfo(path).absoluteFilePath();
    study->d->connection = db.connectionName();
    study->d->db = db;
    const bool ok = db.transaction()
        && study->d->setMeta(QStringLiteral("study_id"), QUuid::createUuid().toString(QUuid::WithoutBraces))
        && study->d->setMeta(QStringLiteral("created_at"), StudyDatabase::now())
        && study->d->setMeta(QStringLiteral("settings"),
                             QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact)))
        && db.commit();
    if (!ok) {
        db.rollback();
        if (error)
            *error = study->lastError().isEmpty() ? db.lastError().text() : study->lastError();
        study.reset();
        QFile::remove(path);
        return nullptr;
    }
    return study;
}

std::unique_ptr<Study> Study::open(const QString &path, QString *error)
{
    QSqlDatabase db = StudyDatabase::open(path, false, error);
    if (!db.isOpen())
        return nullptr;
    std::unique_ptr<Study> study(new Study);
    study->d->path = QFileInfo(path).absoluteFilePath();
    study->d->connection = db.connectionName();
    study->d->db = db;
    if (study->studyId().isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path),
                                                   QCoreApplication::translate("Study", "not a Tastelab study file (it has no study id)"));
        return nullptr;
    }
    return study;
}

QString Study::path() const { return d->path; }
QString Study::lastError() const { return d->lastError; }
QSqlDatabase &Study::database() { return d->db; }
QString Study::studyId() const { return d->meta(QStringLiteral("study_id")); }

StudySettings Study::settings() const
{
    return StudySettings::fromJson(QJsonDocument::fromJson(d->meta(QStringLiteral("settings")).toUtf8()).object());
}

bool Study::setSettings(const StudySettings &settings)
{
    const QString invalid = settings.validate();
    if (!invalid.isEmpty())
        return d->fail(invalid);
    if (!d->setMeta(QStringLiteral("settings"),
                    QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact))))
        return false;
    // The study file stays the definition: rewritten, and the new version recorded.
    const QString file = studyFilePath();
    if (file.isEmpty())
        return true;
    QString error;
    if (!StudyFile::write(file, settings, &error))
        return d->fail(error);
    return loadStudyFile(file, true);
}

QString Study::studyFilePath() const
{
    const QString file = d->meta(QStringLiteral("study_file"));
    if (file.isEmpty())
        return QString();
    return QDir::cleanPath(QFileInfo(d->path).absoluteDir().absoluteFilePath(file));
}

bool Study::dataCollectionBegan() const
{
    QSqlQuery q(d->db);
    return q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM participants)")) && q.next() && q.value(0).toBool();
}

int Study::stationNumber() const { return d->meta(QStringLiteral("station")).toInt(); }

bool Study::setStationNumber(int station)
{
    const int stations = settings().design.stations;
    if (station < 1 || station > stations)
        return d->fail(QCoreApplication::translate("Study", "station number %1 is outside 1..%2 (the study file's design.stations)")
                           .arg(station)
                           .arg(stations));
    return d->setMeta(QStringLiteral("station"), QString::number(station));
}

int Study::nextScheduleIndex() const
{
    QSqlQuery q(d->db);
    const int stations = settings().design.stations;
    if (stations <= 1) {
        // One station: the number of participants in the file (as before stations existed).
        return q.exec(QStringLiteral("SELECT count(*) FROM participants")) && q.next() ? q.value(0).toInt() : 0;
    }
    const int station = stationNumber();
    if (station < 1 || station > stations) {
        d->fail(station < 1 ? QCoreApplication::translate("Study", "the study runs on %1 stations and this file has no station number; "
                                                                   "set it first (1..%1: the Study page, or tastelab-cli station --set K)")
                                  .arg(stations)
                            : QCoreApplication::translate("Study", "this file's station number %1 is beyond the study's %2 stations; "
                                                                   "set it again (the Study page, or tastelab-cli station --set K)")
                                  .arg(station)
                                  .arg(stations));
        return -1;
    }
    QSet<int> used;
    int own = 0;
    if (q.exec(QStringLiteral("SELECT schedule_index FROM participants WHERE schedule_index IS NOT NULL"))) {
        while (q.next()) {
            const int index = q.value(0).toInt();
            used.insert(index);
            if (index >= 0 && index % stations == station - 1)
                ++own;
        }
    }
    int index = survey::stationScheduleIndex(own, stations, station);
    while (used.contains(index)) // e.g. participants from before the study had stations
        index += stations;
    return index;
}

Study::StudyFileCheck Study::checkStudyFile() const
{
    StudyFileCheck c;
    c.path = studyFilePath();
    c.recordedHash = studyFileHash();
    if (c.path.isEmpty())
        return c;
    if (!QFileInfo::exists(c.path)) {
        c.state = StudyFileState::Missing;
        c.errors << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(c.path),
                                                 QCoreApplication::translate("Study", "the study file is missing; the version recorded in the study stays in force"));
        return c;
    }
    const StudyFile::Result r = StudyFile::read(c.path);
    c.fileHash = r.hash;
    if (!r.ok) {
        c.state = StudyFileState::Invalid;
        c.errors = r.errors;
        return c;
    }
    if (r.hash == c.recordedHash)
        c.state = StudyFileState::Unchanged;
    else
        c.state = dataCollectionBegan() ? StudyFileState::ChangedAfterData : StudyFileState::Changed;
    return c;
}

bool Study::loadStudyFile(const QString &path, bool acceptChangedAfterData)
{
    const QString file = path.isEmpty() ? studyFilePath() : QFileInfo(path).absoluteFilePath();
    if (file.isEmpty())
        return d->fail(QCoreApplication::translate("Study", "the study has no study file"));
    const StudyFile::Result r = StudyFile::read(file);
    if (!r.ok) {
        d->lastError = r.errorText();
        return false;
    }
    const QString recorded = studyFileHash();
    const bool samePath = file == studyFilePath();
    if (r.hash == recorded && samePath)
        return true;
    const bool began = dataCollectionBegan();
    if (!recorded.isEmpty() && r.hash != recorded && began && !acceptChangedAfterData)
        return d->fail(QCoreApplication::translate("Study", "the study file %1 changed after data collection began (recorded version %2, file %3); "
                                                            "confirm to use the new version")
                           .arg(QDir::toNativeSeparators(file), recorded.left(12), r.hash.left(12)));
    const StudySettings current = settings();
    if (r.settings.listener != current.listener)
        return d->fail(QCoreApplication::translate("Study", "%1: 'mode' cannot change between study and listener in an existing study")
                           .arg(QDir::toNativeSeparators(file)));
    QString note;
    if (recorded.isEmpty())
        note = QStringLiteral("created");
    else if (r.hash == recorded)
        note = QStringLiteral("moved");
    else if (began)
        note = QStringLiteral("accepted after data collection began");
    else
        note = QStringLiteral("changed before data collection");
    if (!d->db.transaction())
        return d->failDb();
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO study_file_versions(hash, path, content, recorded_at, note) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(r.hash);
    q.addBindValue(file);
    q.addBindValue(QString::fromUtf8(r.content));
    q.addBindValue(StudyDatabase::now());
    q.addBindValue(note);
    const bool ok = q.exec()
        && d->setMeta(QStringLiteral("settings"),
                      QString::fromUtf8(QJsonDocument(r.settings.toJson()).toJson(QJsonDocument::Compact)))
        && d->setMeta(QStringLiteral("study_file"), QFileInfo(d->path).absoluteDir().relativeFilePath(file))
        && d->setMeta(QStringLiteral("study_file_hash"), r.hash);
    if (!ok) {
        if (d->lastError.isEmpty() || q.lastError().isValid())
            d->failQuery(q);
        d->db.rollback();
        return false;
    }
    if (!d->db.commit()) {
        d->failDb();
        d->db.rollback();
        return false;
    }
    return true;
}

bool Study::writeStudyFile(const QString &path)
{
    QString error;
    if (!StudyFile::write(path, settings(), &error))
        return d->fail(error);
    return loadStudyFile(path, true);
}

QString Study::studyFileHash() const { return d->meta(QStringLiteral("study_file_hash")); }

QVector<StudyFileVersion> Study::studyFileVersions() const
{
    QVector<StudyFileVersion> out;
    QSqlQuery q(d->db);
    if (!q.exec(QStringLiteral("SELECT hash, path, content, recorded_at, note FROM study_file_versions ORDER BY id"))) {
        d->failQuery(q);
        return out;
    }
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), StudyDatabase::time(q.value(3)),
                       q.value(4).toString()});
    return out;
}

QString Study::resolveStudyFilePath(const QString &file) const
{
    if (file.isEmpty() || QDir::isAbsolutePath(file))
        return file;
    const QString studyFile = d->meta(QStringLiteral("study_file"));
    const QString base = studyFile.isEmpty() ? QFileInfo(d->path).absolutePath()
                                             : QFileInfo(QFileInfo(d->path).absoluteDir(), studyFile).absolutePath();
    return QDir(base).absoluteFilePath(file);
}

QVector<Track> Study::tracks() const
{
    QVector<Track> out;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM tracks ORDER BY id").arg(QLatin1String(kTrackColumns)))) {
        d->failQuery(q);
        return out;
    }
    while (q.next())
        out.push_back(trackFrom(q));
    return out;
}

std::optional<Track> Study::track(qint64 id) const
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE id = ?").arg(QLatin1String(kTrackColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return trackFrom(q);
    return std::nullopt;
}

std::optional<Track> Study::trackByHash(const QString &contentHash) const
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE content_hash = ?").arg(QLatin1String(kTrackColumns)));
    q.addBindValue(contentHash);
    if (q.exec() && q.next())
        return trackFrom(q);
    return std::nullopt;
}

qint64 Study::addTrack(const Track &t)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO tracks(path, rel_path, content_hash, title, artist, genre, duration, "
                             "sample_rate, channels, format, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    const QString relative = t.relativePath.isEmpty() ? QFileInfo(d->path).absoluteDir().relativeFilePath(t.path)
                                                      : t.relativePath;
    for (const QVariant &v : {QVariant(t.path), QVariant(relative), QVariant(t.contentHash), QVariant(t.title),
                              QVariant(t.artist), QVariant(t.genre), QVariant(t.durationSeconds),
                              QVariant(t.sampleRate), QVariant(t.channels), QVariant(t.format), QVariant(StudyDatabase::now())})
        q.addBindValue(v);
    if (!q.exec()) {
        d->failQuery(q);
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QString Study::resolveTrackPath(const Track &track) const
{
    if (QFileInfo::exists(track.path))
        return track.path;
    const QDir studyDir = QFileInfo(d->path).absoluteDir();
    const QString besideStudy = QDir::cleanPath(studyDir.absoluteFilePath(track.relativePath));
    if (QFileInfo::exists(besideStudy))
        return besideStudy;
    const QString root = musicRoot();
    if (!root.isEmpty()) {
        // The moved folder may hold the tracks at the same relative place as the original folder
        // held them relative to the study, or directly under it: try the path's tail, longest first.
        const QStringList parts = QDir::fromNativeSeparators(track.path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (int i = 0; i < parts.size(); ++i) {
            const QString candidate = QDir(root).absoluteFilePath(parts.mid(i).join(QLatin1Char('/')));
            if (QFileInfo::exists(candidate))
                return candidate;
        }
    }
    return QString();
}

QString Study::musicRoot() const { return d->meta(QStringLiteral("music_root")); }

bool Study::setMusicRoot(const QString &folder) { return d->setMeta(QStringLiteral("music_root"), folder); }

bool Study::addImportIssues(const QVector<ImportIssue> &issues)
{
    if (issues.isEmpty())
        return true;
    if (!d->db.transaction())
        return d->failDb();
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO import_issues(path, reason, reported_at) VALUES (?, ?, ?)"));
    const QString now = StudyDatabase::now();
    for (const ImportIssue &issue : issues) {
        q.addBindValue(issue.path);
        q.addBindValue(issue.reason);
        q.addBindValue(now);
        if (!q.exec()) {
            d->failQuery(q);
            d->db.rollback();
            return false;
        }
    }
    return d->db.commit() || d->failDb();
}

QVector<ImportIssue> Study::importIssues() const
{
    QVector<ImportIssue> out;
    QSqlQuery q(d->db);
    if (q.exec(QStringLiteral("SELECT path, reason FROM import_issues ORDER BY id")))
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toString()});
    return out;
}

QVector<Participant> Study::participants() const
{
    QVector<Participant> out;
    QSqlQuery q(d->db);
    if (q.exec(QStringLiteral("SELECT %1 FROM participants ORDER BY id").arg(QLatin1String(kParticipantColumns))))
        while (q.next())
            out.push_back(participantFrom(q));
    return out;
}

std::optional<Participant> Study::participant(const QString &code) const
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT %1 FROM participants WHERE code = ?").arg(QLatin1String(kParticipantColumns)));
    q.addBindValue(code);
    if (q.exec() && q.next())
        return participantFrom(q);
    return std::nullopt;
}

survey::Plan Study::previewPlan(quint64 seed) const
{
    return schedule(seed, qMax(0, nextScheduleIndex())).plan;
}

namespace {

bool matchesTrack(const Track &t, const QString &ref)
{
    return ref == t.contentHash || ref == t.relativePath || ref == t.path
        || QDir::cleanPath(ref) == QDir::cleanPath(t.relativePath);
}

} // namespace

survey::Schedule Study::schedule(quint64 seed, int index) const { return schedule(seed, index, settings()); }

survey::Schedule Study::schedule(quint64 seed, int index, const StudySettings &s) const
{
    std::vector<survey::ScheduleTrack> pool;
    std::vector<std::string> notes;
    const QVector<Track> library = tracks();
    QSet<QString> matchedRefs;
    for (const Track &t : library) {
        if (!s.design.poolGenres.isEmpty() && !s.design.poolGenres.contains(t.genre))
            continue;
        if (!s.design.poolTracks.isEmpty()) {
            bool in = false;
            for (const QString &ref : s.design.poolTracks) {
                if (matchesTrack(t, ref)) {
                    in = true;
                    matchedRefs.insert(ref);
                }
            }
            if (!in)
                continue;
        }
        pool.push_back({t.id, t.contentHash.toStdString(), t.genre.toStdString(), t.durationSeconds});
    }
    for (const QString &ref : s.design.poolTracks)
        if (!matchedRefs.contains(ref))
            notes.push_back(QCoreApplication::translate("Study", "pool track '%1' is not in the library").arg(ref).toStdString());
    survey::ScheduleOptions o;
    o.clipSeconds = s.clipSeconds;
    o.clipsPerParticipant = s.clipsPerParticipant;
    o.balanceGenres = s.balanceGenres;
    o.repeats = s.repeats;
    o.blocks = s.design.blocks == DesignSettings::Blocks::Genre    ? survey::BlockMode::Genre
             : s.design.blocks == DesignSettings::Blocks::Random ? survey::BlockMode::Random
                                                                  : survey::BlockMode::None;
    o.blockCount = s.design.blockCount;
    o.shuffleBlocks = s.design.shuffleBlocks;
    o.shuffleWithinBlocks = s.design.shuffleWithinBlocks;
    o.balancedAssignment = s.design.balancedAssignment;
    o.studySeed = std::uint64_t(s.design.seed);
    o.practiceClips = s.practice.clips;
    for (const QString &ref : s.practice.tracks) {
        bool found = false;
        for (const Track &t : library) {
            if (matchesTrack(t, ref)) {
                o.practiceTracks.push_back(t.id);
                found = true;
                break;
            }
        }
        if (!found)
            notes.push_back(QCoreApplication::translate("Study", "practice track '%1' is not in the library").arg(ref).toStdString());
    }
    for (const CatchClip &c : s.design.catchClips)
        o.catchClips.push_back({c.id.toStdString(), c.file.toStdString(), c.expected});
    o.catchPerParticipant = s.design.catchPerParticipant;
    survey::Schedule result = survey::planSchedule(pool, o, seed, index);
    result.plan.notes.insert(result.plan.notes.begin(), notes.begin(), notes.end());
    return result;
}

QStringList Study::verifySchedule(const Participant &p) const
{
    QStringList out;
    if (p.studyFileHash.isEmpty() || p.scheduleIndex < 0) {
        out << QCoreApplication::translate("Study", "participant '%1' started before the study had a study file: no schedule to regenerate").arg(p.code);
        return out;
    }
    StudySettings s;
    bool found = false;
    for (const StudyFileVersion &v : studyFileVersions()) {
        if (v.hash == p.studyFileHash) {
            const StudyFile::Result r = StudyFile::parse(v.content.toUtf8(), StudyFile::formatFor(v.path), v.path);
            if (r.ok) {
                s = r.settings;
                found = true;
            }
            break;
        }
    }
    if (!found) {
        out << QCoreApplication::translate("Study", "participant '%1': the study file version %2 is not recorded in this study").arg(p.code, p.studyFileHash.left(12));
        return out;
    }
    const survey::Schedule regenerated = schedule(p.seed, p.scheduleIndex, s);
    const QVector<Clip> stored = plan(p.id);
    const int n = qMax(stored.size(), int(regenerated.plan.items.size()));
    auto describe = [](qint64 track, double start, int block) {
        return QCoreApplication::translate("Study", "track %1 at %2 s (block %3)").arg(track).arg(start, 0, 'f', 3).arg(block + 1);
    };
    for (int i = 0; i < n; ++i) {
        const bool haveStored = i < stored.size();
        const bool haveNew = i < int(regenerated.plan.items.size());
        if (haveStored && haveNew) {
            const Clip &a = stored[i];
            const survey::PlanItem &b = regenerated.plan.items[std::size_t(i)];
            if (a.trackId == b.trackId && std::abs(a.startSeconds - b.startSeconds) < 1e-6
                && std::abs(a.lengthSeconds - b.lengthSeconds) < 1e-6 && a.repeatOf == b.repeatOf && a.block == b.block)
                continue;
            out << QCoreApplication::translate("Study", "participant '%1', position %2: stored %3, regenerated %4")
                       .arg(p.code).arg(i + 1).arg(describe(a.trackId, a.startSeconds, a.block), describe(b.trackId, b.startSeconds, b.block));
        } else {
            out << QCoreApplication::translate("Study", "participant '%1', position %2: %3")
                       .arg(p.code).arg(i + 1)
                       .arg(haveStored ? QCoreApplication::translate("Study", "stored but not in the regenerated schedule")
                                       : QCoreApplication::translate("Study", "in the regenerated schedule but not stored"));
        }
    }
    const QVector<ExtraClip> extras = extraClips(p.id);
    QVector<ExtraClip> expected;
    for (const survey::ExtraItem &x : regenerated.practice) {
        ExtraClip c;
        c.kind = ExtraClip::Kind::Practice;
        c.seq = x.seq;
        c.beforePosition = x.beforePosition;
        c.trackId = x.trackId;
        c.startSeconds = x.startSeconds;
        expected << c;
    }
    for (const survey::ExtraItem &x : regenerated.catches) {
        ExtraClip c;
        c.kind = ExtraClip::Kind::Catch;
        c.seq = x.seq;
        c.beforePosition = x.beforePosition;
        c.catchId = s.design.catchClips.value(x.catchIndex).id;
        expected << c;
    }
    auto sameExtra = [](const ExtraClip &a, const ExtraClip &b) {
        return a.kind == b.kind && a.beforePosition == b.beforePosition && a.trackId == b.trackId && a.catchId == b.catchId
            && std::abs(a.startSeconds - b.startSeconds) < 1e-6;
    };
    for (int i = 0; i < qMax(extras.size(), expected.size()); ++i) {
        if (i < extras.size() && i < expected.size() && sameExtra(extras[i], expected[i]))
            continue;
        const ExtraClip &e = i < extras.size() ? extras[i] : expected[i];
        out << QCoreApplication::translate("Study", "participant '%1': %2 clip %3 (before position %4) differs from the regenerated schedule")
                   .arg(p.code, e.isCatch() ? QStringLiteral("catch") : QStringLiteral("practice")).arg(e.seq + 1).arg(e.beforePosition + 1);
    }
    return out;
}

survey::Coverage Study::coverage(int simulate) const
{
    const StudySettings s = settings();
    std::vector<std::int64_t> pool;
    for (const Track &t : tracks()) {
        if (!s.design.poolGenres.isEmpty() && !s.design.poolGenres.contains(t.genre))
            continue;
        if (!s.design.poolTracks.isEmpty()
            && std::none_of(s.design.poolTracks.begin(), s.design.poolTracks.end(), [&](const QString &ref) { return matchesTrack(t, ref); }))
            continue;
        pool.push_back(t.id);
    }
    std::vector<std::vector<std::int64_t>> heard;
    if (simulate > 0) {
        for (int i = 0; i < simulate; ++i) {
            std::vector<std::int64_t> ids;
            for (const survey::PlanItem &item : schedule(quint64(i + 1), i, s).plan.items)
                if (item.repeatOf < 0)
                    ids.push_back(item.trackId);
            heard.push_back(ids);
        }
    } else {
        for (const Participant &p : participants()) {
            std::vector<std::int64_t> ids;
            for (const Clip &c : plan(p.id))
                if (c.repeatOf < 0)
                    ids.push_back(c.trackId);
            heard.push_back(ids);
        }
    }
    return survey::coverage(pool, heard);
}

std::optional<Participant> Study::createParticipant(const QString &code, quint64 seed,
                                                    const QJsonObject &demographics, QStringList *notes)
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty()) {
        d->fail(QCoreApplication::translate("Study", "a participant code is required"));
        return std::nullopt;
    }
    if (participant(trimmed)) {
        d->fail(QCoreApplication::translate("Study", "participant '%1' exists already").arg(trimmed));
        return std::nullopt;
    }
    const StudySettings s = settings();
    const int index = nextScheduleIndex();
    if (index < 0)
        return std::nullopt;
    const survey::Schedule schedule = this->schedule(seed, index, s);
    const survey::Plan &plan = schedule.plan;
    if (notes)
        for (const std::string &n : plan.notes)
            *notes << QString::fromStdString(n);
    if (plan.items.empty()) {
        d->fail(QCoreApplication::translate("Study", "the study has no track long enough for a %1 s clip; import music first").arg(s.clipSeconds));
        return std::nullopt;
    }

    if (!d->db.transaction()) {
        d->failDb();
        return std::nullopt;
    }
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO participants(code, seed, demographics, created_at, study_file_hash, "
                             "schedule_index) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(trimmed);
    q.addBindValue(QString::number(seed));
    q.addBindValue(QString::fromUtf8(QJsonDocument(demographics).toJson(QJsonDocument::Compact)));
    q.addBindValue(StudyDatabase::now());
    const QString fileHash = studyFileHash();
    q.addBindValue(fileHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(fileHash));
    q.addBindValue(index);
    if (!q.exec()) {
        d->failQuery(q);
        d->db.rollback();
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery items(d->db);
    items.prepare(QStringLiteral("INSERT INTO plan_items(participant_id, position, track_id, clip_start, "
                                 "clip_length, repeat_of, block) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const survey::PlanItem &item : plan.items) {
        items.addBindValue(id);
        items.addBindValue(item.position);
        items.addBindValue(qint64(item.trackId));
        items.addBindValue(item.startSeconds);
        items.addBindValue(item.lengthSeconds);
        items.addBindValue(item.repeatOf);
        items.addBindValue(item.block);
        if (!items.exec()) {
            d->failQuery(items);
            d->db.rollback();
            return std::nullopt;
        }
    }
    QSqlQuery extras(d->db);
    extras.prepare(QStringLiteral("INSERT INTO schedule_extras(participant_id, kind, seq, before_position, block, track_id, "
                                  "catch_id, file, clip_start, clip_length, expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant nullText(QMetaType(QMetaType::QString));
    const QVariant nullInt(QMetaType(QMetaType::LongLong));
    auto insertExtra = [&](const survey::ExtraItem &x, bool isCatch) {
        extras.addBindValue(id);
        extras.addBindValue(isCatch ? QStringLiteral("catch") : QStringLiteral("practice"));
        extras.addBindValue(x.seq);
        extras.addBindValue(x.beforePosition);
        extras.addBindValue(x.block);
        extras.addBindValue(isCatch ? nullInt : QVariant(qint64(x.trackId)));
        const CatchClip c = isCatch ? s.design.catchClips.value(x.catchIndex) : CatchClip();
        extras.addBindValue(isCatch ? QVariant(c.id) : nullText);
        extras.addBindValue(isCatch ? QVariant(c.file) : nullText);
        extras.addBindValue(x.startSeconds);
        extras.addBindValue(x.lengthSeconds);
        extras.addBindValue(isCatch ? QVariant(c.expected) : nullInt);
        return extras.exec();
    };
    for (const survey::ExtraItem &x : schedule.practice)
        if (!insertExtra(x, false)) {
            d->failQuery(extras);
            d->db.rollback();
            return std::nullopt;
        }
    for (const survey::ExtraItem &x : schedule.catches)
        if (!insertExtra(x, true)) {
            d->failQuery(extras);
            d->db.rollback();
            return std::nullopt;
        }
    if (!d->db.commit()) {
        d->failDb();
        d->db.rollback();
        return std::nullopt;
    }
    return participant(trimmed);
}

QVector<Clip> Study::plan(qint64 participantId) const
{
    QVector<Clip> out;
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT position, track_id, clip_start, clip_length, repeat_of, block FROM plan_items "
                             "WHERE participant_id = ? ORDER BY position"));
    q.addBindValue(participantId);
    if (!q.exec()) {
        d->failQuery(q);
        return out;
    }
    while (q.next()) {
        Clip c;
        c.position = q.value(0).toInt();
        c.trackId = q.value(1).toLongLong();
        c.startSeconds = q.value(2).toDouble();
        c.lengthSeconds = q.value(3).toDouble();
        c.repeatOf = q.value(4).toInt();
        c.block = q.value(5).toInt();
        out.push_back(c);
    }
    return out;
}

QVector<ExtraClip> Study::extraClips(qint64 participantId) const
{
    QVector<ExtraClip> out;
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT kind, seq, before_position, block, track_id, catch_id, file, clip_start, "
                             "clip_length, expected FROM schedule_extras WHERE participant_id = ? "
                             "ORDER BY kind = 'catch', before_position, seq"));
    q.addBindValue(participantId);
    if (!q.exec()) {
        d->failQuery(q);
        return out;
    }
    while (q.next()) {
        ExtraClip c;
        c.kind = q.value(0).toString() == QLatin1String("catch") ? ExtraClip::Kind::Catch : ExtraClip::Kind::Practice;
        c.seq = q.value(1).toInt();
        c.beforePosition = q.value(2).toInt();
        c.block = q.value(3).toInt();
        c.trackId = q.value(4).toLongLong();
        c.catchId = q.value(5).toString();
        c.file = q.value(6).toString();
        c.startSeconds = q.value(7).toDouble();
        c.lengthSeconds = q.value(8).toDouble();
        c.expected = q.value(9).isNull() ? -1 : q.value(9).toInt();
        out.push_back(c);
    }
    return out;
}

QVector<Answer> Study::answers(qint64 participantId, AnswerSources sources) const
{
    QVector<Answer> out;
    QSqlQuery q(d->db);
    q.prepare(sources == AnswerSources::Survey
                  ? QStringLiteral("SELECT participant_id, position, track_id, clip_start, clip_length, scale, value, "
                                   "response_ms, replays, answered_at, source, study_file_hash, ")
                        + QLatin1String(kIntegrityColumns)
                        + QStringLiteral(" FROM answers WHERE participant_id = ? AND source = 'survey' ORDER BY position")
                  : QStringLiteral("SELECT participant_id, position, track_id, clip_start, clip_length, scale, value, "
                                   "response_ms, replays, answered_at, source, study_file_hash, ")
                        + QLatin1String(kIntegrityColumns)
                        + QStringLiteral(" FROM answers WHERE participant_id = ? ORDER BY source = 'feedback', abs(position)"));
    q.addBindValue(participantId);
    if (!q.exec()) {
        d->failQuery(q);
        return out;
    }
    while (q.next()) {
        Answer a;
        a.participantId = q.value(0).toLongLong();
        a.position = q.value(1).toInt();
        a.trackId = q.value(2).toLongLong();
        a.clipStart = q.value(3).toDouble();
        a.clipLength = q.value(4).toDouble();
        a.scale = scaleFromId(q.value(5).toString());
        a.value = q.value(6).toInt();
        a.responseMs = q.value(7).toLongLong();
        a.replays = q.value(8).toInt();
        a.answeredAt = StudyDatabase::time(q.value(9));
        a.source = q.value(10).toString();
        a.studyFileHash = q.value(11).toString();
        a.integrity = integrityFrom(q, 12);
        out.push_back(a);
    }
    return out;
}

bool Study::recordAnswer(const Answer &a)
{
    const StudySettings s = settings();
    if (a.scale != s.scale)
        return d->fail(QCoreApplication::translate("Study", "the answer's scale (%1) is not the study's (%2)").arg(scaleId(a.scale), scaleId(s.scale)));
    if (a.value < s.minValue() || a.value > s.maxValue())
        return d->fail(QCoreApplication::translate("Study", "answer value %1 is outside the scale %2..%3").arg(a.value).arg(s.minValue()).arg(s.maxValue()));
    const bool feedback = a.isFeedback();
    if (!feedback && a.source != surveySource())
        return d->fail(QCoreApplication::translate("Study", "unknown answer source '%1'").arg(a.source));
    if (feedback && (a.trackId <= 0 || a.position != -a.trackId))
        return d->fail(QCoreApplication::translate("Study", "feedback on track %1 must be stored at position %2, not %3")
                           .arg(a.trackId)
                           .arg(-a.trackId)
                           .arg(a.position));
    if (!feedback && a.position < 0)
        return d->fail(QCoreApplication::translate("Study", "a survey answer needs a clip position, not %1").arg(a.position));
    QSqlQuery q(d->db);
    // One statement is one implicit transaction: committed (and with synchronous=FULL, on disk)
    // when exec() returns. Feedback replaces an earlier feedback on the same track (same position).
    q.prepare(QStringLiteral("INSERT INTO answers(participant_id, position, track_id, clip_start, clip_length, "
                             "scale, value, response_ms, replays, answered_at, source, study_file_hash, ")
              + QLatin1String(kIntegrityColumns)
              + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
              + (feedback ? QStringLiteral(" ON CONFLICT(participant_id, position) DO UPDATE SET "
                                           "track_id = excluded.track_id, clip_start = excluded.clip_start, "
                                           "clip_length = excluded.clip_length, scale = excluded.scale, "
                                           "value = excluded.value, response_ms = excluded.response_ms, "
                                           "replays = excluded.replays, answered_at = excluded.answered_at, "
                                           "study_file_hash = excluded.study_file_hash "
                                           "WHERE answers.source = 'feedback'")
                          : QString()));
    const QDateTime at = a.answeredAt.isValid() ? a.answeredAt.toUTC() : QDateTime::currentDateTimeUtc();
    for (const QVariant &v : {QVariant(a.participantId), QVariant(a.position), QVariant(a.trackId),
                              QVariant(a.clipStart), QVariant(a.clipLength), QVariant(scaleId(a.scale)),
                              QVariant(a.value), QVariant(a.responseMs), QVariant(a.replays),
                              QVariant(at.toString(Qt::ISODateWithMs)), QVariant(a.source)})
        q.addBindValue(v);
    const QString fileHash = a.studyFileHash.isEmpty() ? studyFileHash() : a.studyFileHash;
    q.addBindValue(fileHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(fileHash));
    bindIntegrity(q, a.integrity);
    if (!q.exec()) {
        if (feedback)
            return d->fail(QCoreApplication::translate("Study", "the feedback on track %1 was not saved: %2").arg(a.trackId).arg(q.lastError().text()));
        return d->fail(QCoreApplication::translate("Study", "the answer for clip %1 was not saved: %2").arg(a.position + 1).arg(q.lastError().text()));
    }
    return true;
}

bool Study::markFinished(qint64 participantId)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("UPDATE participants SET finished_at = ? WHERE id = ? AND finished_at IS NULL"));
    q.addBindValue(StudyDatabase::now());
    q.addBindValue(participantId);
    return q.exec() || d->failQuery(q);
}

double Study::consistency(qint64 participantId) const
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral(
        "SELECT a.value, b.value FROM plan_items p "
        "JOIN answers a ON a.participant_id = p.participant_id AND a.position = p.repeat_of "
        "JOIN answers b ON b.participant_id = p.participant_id AND b.position = p.position "
        "WHERE p.participant_id = ? AND p.repeat_of >= 0"));
    q.addBindValue(participantId);
    if (!q.exec())
        return -1;
    int pairs = 0, same = 0;
    while (q.next()) {
        ++pairs;
        if (q.value(0).toInt() == q.value(1).toInt())
            ++same;
    }
    return pairs == 0 ? -1.0 : double(same) / pairs;
}

quint64 randomSeed()
{
    quint64 s = 0;
    while (s == 0)
        s = QRandomGenerator::system()->generate64();
    return s;
}

} // namespace tastelab
