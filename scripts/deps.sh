#!/bin/sh
# deps.sh run|test|bench|fuzz|man|deb: make sure the packages descent needs
# are installed; install the missing ones with the system's package
# manager: apt-get (Debian, Ubuntu: the tested path), dnf (Fedora), pacman
# (Arch) or brew (macOS), through sudo when not root (never for brew).
# What a manager does not have is said plainly; with no known manager,
# say what to install and carry on.
set -u
case "${1:-run}" in
    run)   want="gcc libc6-dev libncurses-dev libcsv-dev pkg-config" ;;
    test)  want="gcc libc6-dev libncurses-dev libcsv-dev pkg-config libcmocka-dev tmux clang" ;;
    bench) want="gcc libc6-dev libncurses-dev libcsv-dev pkg-config libcmocka-dev tmux python3-numpy time" ;;
    fuzz)  want="clang libclang-rt-14-dev libc6-dev libncurses-dev libcsv-dev pkg-config" ;;
    man)   want="mandoc" ;;
    deb)   want="dpkg-dev lintian fakeroot" ;;
    *) echo "usage: deps.sh run|test|bench|fuzz|man|deb" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    for manager in dnf pacman brew; do
        command -v "$manager" >/dev/null 2>&1 || continue
        exec sh "$(dirname "$0")/deps_other.sh" "$manager" "${1:-run}"
    done
    echo "descent: no apt, dnf, pacman or brew here; please install the equivalents of: $want" >&2
    exit 0
fi

missing=""
for p in $want; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "descent: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q || true
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -q --no-install-recommends $missing; then
    echo "descent: could not install:$missing (try: sudo apt-get install$missing)" >&2
    exit 1
fi
