#!/usr/bin/env bash
# Installs the Debian bookworm packages Tastelab needs to build, run and test, skipping those
# already installed. Uses sudo when not root. Nothing else is downloaded.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-charts-dev qt6-svg-dev
    # qt6-tools-dev: Qt6LinguistTools (CMake); qt6-l10n-tools: lupdate/lrelease (translations/);
    # qt6-translations-l10n: Qt's own Korean texts (qtbase_ko.qm)
    libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6opengl6-dev libqcustomplot-dev
    # the embedding cache is streamed through the QSQLITE connection's sqlite3 handle
    libsqlite3-dev
    libsndfile1-dev libsamplerate0-dev
    # loudness normalization in LUFS (libebur128) and YAML study files (yaml-cpp)
    libebur128-dev libyaml-cpp-dev
    # encoders: LibTorch (CPU build in Debian) and JSON manifests; python3-torch runs the export
    # scripts in models/export and the C++/Python parity tests
    libtorch-dev nlohmann-json3-dev python3-torch
    # audio output (QAudioSink talks to PulseAudio) and headless GUI tests; libpulse-dev: the
    # system volume monitor (core/audio/systemvolume.*)
    pulseaudio pulseaudio-utils libpulse-dev xvfb xauth fonts-dejavu-core
    # Hangul for the Korean interface (without it tst_i18n fails and Korean text shows boxes)
    fonts-noto-cjk
    # the packaging test: CPack's .deb (dpkg-shlibdeps) and the desktop entry / metainfo validators
    dpkg-dev desktop-file-utils appstream
)
# Optional: spoken built-in catch clips ("press dislike"); without it they are a beep code
# (docs/quality.md). Installed when available; a failure does not stop the script.
optional=(espeak-ng)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
missing_optional=()
for p in "${optional[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing_optional+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
else
    echo "install-deps: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#missing_optional[@]} -gt 0 ]; then
    echo "install-deps: installing optional ${missing_optional[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_optional[@]}" \
        || echo "install-deps: optional packages not installed: ${missing_optional[*]} (see docs/quality.md)"
fi
