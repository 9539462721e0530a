#!/usr/bin/env bash
# The desktop integration and the Debian package, as a user gets them:
#   1. the .desktop entry and the AppStream metainfo pass desktop-file-validate and appstreamcli;
#   2. CPack builds the .deb from this build tree; it holds the programs, the desktop entry, the
#      metainfo and the icon, and declares its Debian dependencies (LibTorch, Qt, libsndfile, ...);
#   3. the unpacked package runs: tastelab-cli --version, and the GUI starts offscreen (in Korean,
#      from the translation built into it) and keeps running until it is stopped;
#   4. as root (CI) and when no tastelab package is installed already, the .deb is installed with
#      dpkg, the installed programs are run the same way from /usr/bin, and it is removed again.
# Usage: check_package.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1"
build="$2"
tmp="$(mktemp -d)"
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then dpkg -r tastelab >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

desktop="$src/packaging/linux/io.github.tastelab.Tastelab.desktop"
metainfo="$src/packaging/linux/io.github.tastelab.Tastelab.metainfo.xml"
desktop-file-validate "$desktop" || fail "$desktop does not validate"
appstreamcli validate --no-net "$metainfo" || fail "$metainfo does not validate"

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) \
    || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb="$(ls "$tmp"/pkg/tastelab_*.deb)"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./usr/bin/tastelab ./usr/bin/tastelab-cli \
         ./usr/share/applications/io.github.tastelab.Tastelab.desktop \
         ./usr/share/metainfo/io.github.tastelab.Tastelab.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.tastelab.Tastelab.svg \
         ./usr/share/tastelab/models/README.md; do
    grep -qxF "$f" <<<"$contents" || fail "the package lacks $f"
done
depends="$(dpkg-deb -f "$deb" Depends)"
for d in libtorch1.13 libqt6widgets6 libqt6multimedia6 libqt6charts6 libqt6svg6 libqt6sql6-sqlite \
         qt6-qpa-plugins libqcustomplot2.1-qt6 libsndfile1 libsamplerate0 libebur128-1 libyaml-cpp0.7 libpulse0; do
    grep -qE "(^|, )$d( |,|$)" <<<"$depends" || fail "the package does not depend on $d (Depends: $depends)"
done
# Korean needs a CJK font and Qt's own translations: recommended, not required.
recommends="$(dpkg-deb -f "$deb" Recommends)"
for r in fonts-noto-cjk qt6-translations-l10n; do
    grep -qE "(^|, | \| )$r( |,|$)" <<<"$recommends" || fail "the package does not recommend $r (Recommends: $recommends)"
done

# Runs the GUI offscreen for a few seconds, in Korean: it must still be running when it is stopped
# (timeout's exit code 124) and must have found its built-in Korean translation, with a home of its
# own so the user's settings are not touched.
gui_starts() {
    local rc=0
    mkdir -p "$tmp/home"
    HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
        QT_QPA_PLATFORM=offscreen timeout 5 "$1" --lang ko >"$tmp/gui.log" 2>&1 || rc=$?
    [ "$rc" = 124 ] || { cat "$tmp/gui.log" >&2; fail "$1 exited with $rc instead of running"; }
    if grep -q "no Tastelab translation" "$tmp/gui.log"; then
        cat "$tmp/gui.log" >&2
        fail "$1 --lang ko did not find its Korean translation"
    fi
}

dpkg-deb -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/tastelab-cli" --version | grep -q "0\.1\.0" || fail "unpacked tastelab-cli --version"
gui_starts "$tmp/root/usr/bin/tastelab"
echo "unpacked package runs"

if [ "$(id -u)" = 0 ] && ! dpkg-query -W tastelab >/dev/null 2>&1; then
    installed=1
    dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i failed"; }
    [ -x /usr/bin/tastelab ] || fail "/usr/bin/tastelab was not installed"
    /usr/bin/tastelab-cli --version | grep -q "0\.1\.0" || fail "installed tastelab-cli --version"
    gui_starts /usr/bin/tastelab
    desktop-file-validate /usr/share/applications/io.github.tastelab.Tastelab.desktop
    dpkg -r tastelab >/dev/null
    installed=0
    echo "installed, ran and removed the package"
else
    echo "not root or tastelab already installed: dpkg -i skipped"
fi
