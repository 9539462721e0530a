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

} // namespace tastelab
