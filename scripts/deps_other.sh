#!/bin/sh
# deps_other.sh dnf|pacman|brew MODE: deps.sh for Fedora (dnf), Arch
# (pacman) and macOS (Homebrew): the packages of MODE (run|test|bench|
# fuzz|man|deb) under their names there; install the missing ones (sudo
# when not root, never for brew); say plainly what that manager cannot
# provide. Not tested in CI (apt is); written from the distributions'
# package lists.
set -u
manager=$1
mode=$2
unavailable=""   # what this manager cannot install, with what to do

case "$manager" in
dnf)
    case "$mode" in
    run)   want="gcc make ncurses-devel libcsv-devel pkgconf-pkg-config" ;;
    test)  want="gcc make ncurses-devel libcsv-devel pkgconf-pkg-config libcmocka-devel tmux clang bash" ;;
    bench) want="gcc make ncurses-devel libcsv-devel pkgconf-pkg-config libcmocka-devel tmux python3-numpy time" ;;
    fuzz)  want="clang compiler-rt ncurses-devel libcsv-devel pkgconf-pkg-config" ;;
    man)   want="mandoc" ;;
    deb)   want=""; unavailable="make deb builds a Debian package: run it on Debian or Ubuntu" ;;
    esac
    installed() { rpm -q "$1" >/dev/null 2>&1; }
    install_cmd="dnf install -y"
    ;;
pacman)
    case "$mode" in
    run)   want="gcc make ncurses pkgconf" ;;
    test)  want="gcc make ncurses pkgconf cmocka tmux clang" ;;
    bench) want="gcc make ncurses pkgconf cmocka tmux python-numpy time" ;;
    fuzz)  want="clang compiler-rt ncurses pkgconf" ;;
    man)   want="mandoc" ;;
    deb)   want=""; unavailable="make deb builds a Debian package: run it on Debian or Ubuntu" ;;
    esac
    case "$mode" in
    run | test | bench | fuzz)
        if ! pacman -Q libcsv >/dev/null 2>&1 && [ ! -f /usr/include/csv.h ] && [ ! -f /usr/local/include/csv.h ]; then
            unavailable="libcsv is not in Arch's repositories, only in the AUR: build it with makepkg (https://aur.archlinux.org/packages/libcsv) or from its source"
        fi
        ;;
    esac
    installed() { pacman -Q "$1" >/dev/null 2>&1; }
    install_cmd="pacman -S --needed --noconfirm"
    ;;
brew)
    case "$mode" in
    run)   want="ncurses libcsv pkgconf" ;;
    test)  want="ncurses libcsv pkgconf cmocka tmux" ;;
    bench) want="ncurses libcsv pkgconf cmocka tmux numpy" ;;
    fuzz)  want="llvm ncurses libcsv pkgconf" ;;
    man)   want=""
           command -v mandoc >/dev/null 2>&1 ||
               unavailable="mandoc: macOS 13 and later have it in /usr/bin; on older systems install it from source (https://mandoc.bsd.lv)" ;;
    deb)   want=""; unavailable="make deb builds a Debian package: run it on Debian or Ubuntu" ;;
    esac
    installed() { brew list --formula "$1" >/dev/null 2>&1; }
    install_cmd="brew install"
    ;;
*)
    echo "usage: deps_other.sh dnf|pacman|brew MODE" >&2
    exit 2
    ;;
esac
if [ -z "${want+x}" ]; then
    echo "usage: deps.sh run|test|bench|fuzz|man|deb" >&2
    exit 2
fi

status=0
if [ -n "$unavailable" ]; then
    echo "descent: $manager cannot help here: $unavailable" >&2
    status=1
fi
missing=""
for p in $want; do
    installed "$p" || missing="$missing $p"
done
[ -z "$missing" ] && exit "$status"

echo "descent: installing missing packages with $manager:$missing"
sudo=""
if [ "$manager" != brew ] && [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
# shellcheck disable=SC2086
if ! $sudo $install_cmd $missing; then
    echo "descent: could not install:$missing (try: $sudo $install_cmd$missing)" >&2
    exit 1
fi
if [ "$manager" = brew ]; then
    # ncurses is keg-only: point pkg-config at it.
    echo "descent: Homebrew's ncurses is keg-only; build with" >&2
    echo "    PKG_CONFIG_PATH=\"\$(brew --prefix ncurses)/lib/pkgconfig\" make" >&2
fi
exit "$status"
