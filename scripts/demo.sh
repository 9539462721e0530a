#!/usr/bin/env bash
# README command 1: install what is missing, build, and launch Tastelab on the built-in demo library.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DTASTELAB_BUILD_TESTS=OFF
# Sound needs a running audio server; start the user's PulseAudio if none answers.
if ! pactl info >/dev/null 2>&1; then
    pulseaudio --start --exit-idle-time=-1 >/dev/null 2>&1 || true
fi
exec "${TASTELAB_BUILD_DIR:-$root/build}/app/tastelab" --demo "$@"
