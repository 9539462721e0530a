#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite with CTest.
# GUI tests run offscreen; playback tests need PulseAudio, started here on a null sink.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TASTELAB_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DTASTELAB_BUILD_TESTS=ON

if ! pactl info >/dev/null 2>&1; then
    pulseaudio -D -n --exit-idle-time=-1 \
        --load=module-null-sink --load=module-native-protocol-unix 2>/dev/null || true
    for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
pactl info >/dev/null 2>&1 || echo "test.sh: warning: PulseAudio is not answering; playback tests will fail" >&2

cd "$build"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
