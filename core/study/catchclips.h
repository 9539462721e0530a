#pragma once

#include "study/studysettings.h"

namespace tastelab {

/// Built-in catch clips (docs/quality.md): two clips with a known correct answer, one asking for
/// the lowest answer ("press dislike", or "press 1" on a Likert scale) and one for the highest
/// ("press like", "press 5"/"press 7").
///
/// With espeak-ng installed (optional package, scripts/install-deps.sh) the instruction is spoken
/// ("This is an attention check. Please press dislike."). Without it, the fallback is a documented
/// beep code: three short 440 Hz beeps ask for the lowest answer, a rising tone for the highest;
/// BuiltinCatchClips::instructionsNote then holds a sentence to add to the study's instructions
/// so that participants know the code.
struct BuiltinCatchClips {
    QVector<CatchClip> clips; ///< files relative to the folder's parent (e.g. "catch/press-dislike.wav")
    bool spoken = false;      ///< made with espeak-ng
    QString instructionsNote; ///< the beep code to tell participants (fallback only)
};

/// Writes the WAV files into folder (created when missing) for settings' scale; the clips' files
/// are named relative to folder's parent, where the study file lives. Empty clips with *error on
/// failure (names the file and the reason).
BuiltinCatchClips writeBuiltinCatchClips(const QString &folder, const StudySettings &settings, QString *error);

/// The entries writeBuiltinCatchClips() makes for settings' scale, without writing anything: ids,
/// files ("catch/press-….wav") and expected answers; the instruction is left empty (it depends on
/// whether espeak-ng is installed when the files are written). Editors show and count these.
QVector<CatchClip> plannedBuiltinCatchClips(const StudySettings &settings);

/// True for a catch clip that writeBuiltinCatchClips() made (id "press-…", file "catch/press-….wav").
bool isBuiltinCatchClip(const CatchClip &clip);

/// The one way to give a study the built-in catch clips (tastelab-cli create --builtin-catch, the
/// new-study wizard and the study options dialog): writes the WAV files into
/// "<studyFileFolder>/catch" for settings' current scale, replaces the built-in entries already in
/// settings->design.catchClips (a changed scale gets fresh ones) and, with the beep code, adds its
/// explanation to the instructions (once). False with *error naming the file and the reason;
/// settings is unchanged then. *written (optional) tells what was made.
bool addBuiltinCatchClips(StudySettings *settings, const QString &studyFileFolder, QString *error,
                          BuiltinCatchClips *written = nullptr);

} // namespace tastelab
