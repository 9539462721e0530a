#include "study/catchclips.h"

#include "audio/audiofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cmath>

namespace tastelab {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kRate = 22050;

/// Three 200 ms beeps at 440 Hz (the lowest answer) or a 1.5 s rising tone (the highest), with
/// 10 ms ramps, mono at 22.05 kHz, peak 0.3.
audio::AudioBuffer beepCode(bool highest)
{
    audio::AudioBuffer b;
    b.sampleRate = kRate;
    b.channels = 1;
    const double seconds = 2.5;
    b.samples.assign(size_t(seconds * kRate), 0.0f);
    auto ramp = [](double t, double length) { return std::min({1.0, t / 0.01, (length - t) / 0.01}); };
    if (!highest) {
        for (int beep = 0; beep < 3; ++beep) {
            const double start = 0.4 + beep * 0.5;
            for (size_t i = size_t(start * kRate); i < size_t((start + 0.2) * kRate); ++i) {
                const double t = double(i) / kRate - start;
                b.samples[i] = float(0.3 * ramp(t, 0.2) * std::sin(2 * kPi * 440.0 * t));
            }
        }
    } else {
        double phase = 0;
        for (size_t i = size_t(0.4 * kRate); i < size_t(1.9 * kRate); ++i) {
            const double t = double(i) / kRate - 0.4;
            const double f = 300.0 + (1200.0 - 300.0) * t / 1.5;
            phase += 2 * kPi * f / kRate;
            b.samples[i] = float(0.3 * ramp(t, 1.5) * std::sin(phase));
        }
    }
    return b;
}

/// The sentence that explains the beep code to participants, for settings' scale.
QString beepCodeNote(const StudySettings &settings)
{
    const bool likeDislike = settings.scale == AnswerScale::LikeDislike;
    const QString lowName = likeDislike ? QStringLiteral("dislike") : QString::number(settings.minValue());
    const QString highName = likeDislike ? QStringLiteral("like") : QString::number(settings.maxValue());
    return QCoreApplication::translate("CatchClips",
                                       "Now and then you will hear a signal instead of music: "
                                       "three short beeps mean \"press %1\", a rising tone means "
                                       "\"press %2\".")
        .arg(lowName, highName);
}

} // namespace

BuiltinCatchClips writeBuiltinCatchClips(const QString &folder, const StudySettings &settings, QString *error)
{
    BuiltinCatchClips result;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QCoreApplication::translate("CatchClips", "%1: cannot create the folder").arg(QDir::toNativeSeparators(folder));
        return result;
    }
    const QString espeak = QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
    result.spoken = !espeak.isEmpty();
    const bool likeDislike = settings.scale == AnswerScale::LikeDislike;
    const QString lowName = likeDislike ? QStringLiteral("dislike") : QString::number(settings.minValue());
    const QString highName = likeDislike ? QStringLiteral("like") : QString::number(settings.maxValue());
    const QString base = QFileInfo(folder).fileName();
    for (const bool highest : {false, true}) {
        const QString answer = highest ? highName : lowName;
        const QString id = QStringLiteral("press-%1").arg(answer);
        const QString path = QDir(folder).filePath(id + QStringLiteral(".wav"));
        const QString sentence = QStringLiteral("This is an attention check. Please press %1.").arg(answer);
        if (result.spoken) {
            QProcess process;
            process.start(espeak, {QStringLiteral("-v"), QStringLiteral("en"), QStringLiteral("-s"), QStringLiteral("140"),
                                   QStringLiteral("-w"), path, sentence});
            if (!process.waitForFinished(30000) || process.exitCode() != 0 || !QFileInfo(path).size()) {
                if (error)
                    *error = QCoreApplication::translate("CatchClips", "%1: espeak-ng could not write the catch clip: %2")
                                 .arg(QDir::toNativeSeparators(path), QString::fromUtf8(process.readAllStandardError()).trimmed());
                return BuiltinCatchClips();
            }
        } else {
            try {
                audio::writeAudio(QFile::encodeName(path).toStdString(), beepCode(highest));
            } catch (const std::exception &e) {
                if (error)
                    *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
                return BuiltinCatchClips();
            }
        }
        CatchClip c;
        c.id = id;
        c.file = base + QLatin1Char('/') + id + QStringLiteral(".wav");
        c.expected = highest ? settings.maxValue() : settings.minValue();
        c.instruction = result.spoken ? sentence
                                      : (highest ? QStringLiteral("a rising tone: press %1").arg(answer)
                                                 : QStringLiteral("three short beeps: press %1").arg(answer));
        result.clips << c;
    }
    if (!result.spoken)
        result.instructionsNote = beepCodeNote(settings);
    return result;
}

QVector<CatchClip> plannedBuiltinCatchClips(const StudySettings &settings)
{
    const bool likeDislike = settings.scale == AnswerScale::LikeDislike;
    QVector<CatchClip> out;
    for (const bool highest : {false, true}) {
        const QString answer = likeDislike ? (highest ? QStringLiteral("like") : QStringLiteral("dislike"))
                                           : QString::number(highest ? settings.maxValue() : settings.minValue());
        CatchClip c;
        c.id = QStringLiteral("press-%1").arg(answer);
        c.file = QStringLiteral("catch/%1.wav").arg(c.id);
        c.expected = highest ? settings.maxValue() : settings.minValue();
        out << c;
    }
    return out;
}

bool isBuiltinCatchClip(const CatchClip &clip)
{
    return clip.id.startsWith(QLatin1String("press-"))
        && QDir::fromNativeSeparators(clip.file) == QStringLiteral("catch/%1.wav").arg(clip.id);
}

bool addBuiltinCatchClips(StudySettings *settings, const QString &studyFileFolder, QString *error,
                          BuiltinCatchClips *written)
{
    const QString folder = QDir(studyFileFolder).filePath(QStringLiteral("catch"));
    const BuiltinCatchClips catches = writeBuiltinCatchClips(folder, *settings, error);
    if (catches.clips.isEmpty())
        return false;
    QVector<CatchClip> kept;
    for (const CatchClip &c : std::as_const(settings->design.catchClips)) {
        if (!isBuiltinCatchClip(c))
            kept << c;
    }
    settings->design.catchClips = kept + catches.clips;
    // The beep code's explanation: the one for this scale, once (one added for another scale goes).
    QString instructions = settings->instructions.isEmpty() ? StudySettings::defaultInstructions() : settings->instructions;
    for (const AnswerScale scale : {AnswerScale::LikeDislike, AnswerScale::Likert5, AnswerScale::Likert7}) {
        StudySettings other;
        other.scale = scale;
        const QString note = beepCodeNote(other);
        if (note != catches.instructionsNote)
            instructions.replace(QStringLiteral("\n\n") + note, QString());
    }
    if (!catches.instructionsNote.isEmpty() && !instructions.contains(catches.instructionsNote))
        instructions += QStringLiteral("\n\n") + catches.instructionsNote;
    if (instructions != settings->instructions
        && !(settings->instructions.isEmpty() && instructions == StudySettings::defaultInstructions()))
        settings->instructions = instructions;
    if (written)
        *written = catches;
    return true;
}

} // namespace tastelab
