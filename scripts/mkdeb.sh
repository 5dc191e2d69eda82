#!/bin/sh
# mkdeb.sh BUILD VERSION: build BUILD/descent_VERSION_ARCH.deb with
# dpkg-deb (no debhelper): the program built with Debian's hardening flags
# and stripped, the manual page and changelogs gzipped (-9n), the
# completions, the documentation with the DEP-5 copyright (doc/copyright),
# the data and lessons; Depends from dpkg-shlibdeps. Run from the top of
# the source tree (make deb). DEB_MAINTAINER overrides the maintainer.
set -eu
build=$1
version=$2
maintainer=${DEB_MAINTAINER:-descent maintainers <descent@example.org>}

for tool in dpkg-deb dpkg gzip strip; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "mkdeb: $tool is missing (sh scripts/deps.sh deb)" >&2
        exit 1
    fi
done
arch=$(dpkg --print-architecture)
work=$build/deb
root=$work/root
deb=$build/descent_${version}_${arch}.deb
umask 022
rm -rf "$work" # flags are not tracked by make: build afresh
mkdir -p "$root/DEBIAN"

# The date of the last commit (or SOURCE_DATE_EPOCH): the same sources
# give the same changelog and file times.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || stat -c %Y VERSION)
fi
export SOURCE_DATE_EPOCH

# Build with Debian's flags in a build directory of its own.
if command -v dpkg-buildflags >/dev/null 2>&1; then
    export DEB_BUILD_MAINT_OPTIONS=${DEB_BUILD_MAINT_OPTIONS:-hardening=+all}
    cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
    ldflags=$(dpkg-buildflags --get LDFLAGS)
else
    cflags="-O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong"
    ldflags="-Wl,-z,relro -Wl,-z,now"
fi
make --no-print-directory -s BUILD="$work/build" CFLAGS="$cflags" LDFLAGS="$ldflags" \
    DESTDIR="$root" PREFIX=/usr ZSHCOMPDIR=/usr/share/zsh/vendor-completions install

strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/descent"
gzip -9n "$root/usr/share/man/man1/descent.1"
doc=$root/usr/share/doc/descent
gzip -9n -c CHANGELOG.md >"$doc/changelog.gz"
rm -f "$doc/CHANGELOG.md"
cp doc/copyright "$doc/copyright"
date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
{
    printf 'descent (%s) unstable; urgency=medium\n\n' "$version"
    printf '  * Packaged from the source tree of version %s (see changelog.gz).\n\n' "$version"
    printf ' -- %s  %s\n' "$maintainer" "$date"
} | gzip -9n >"$doc/changelog.Debian.gz"

# Depends: the libraries the program links, as dpkg-shlibdeps names them.
depends=""
if command -v dpkg-shlibdeps >/dev/null 2>&1; then
    shlib=$work/shlibdeps
    rm -rf "$shlib" && mkdir -p "$shlib/debian"
    : >"$shlib/debian/control"
    bin=$(cd "$root/usr/bin" && pwd)/descent
    depends=$(cd "$shlib" && dpkg-shlibdeps -O "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
fi
if [ -z "$depends" ]; then
    echo "mkdeb: no dpkg-shlibdeps; Depends written by hand" >&2
    depends="libc6, libcsv3, libncursesw6, libtinfo6"
fi

find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root/usr/bin/descent"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/md5sums"
size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)

cat >"$root/DEBIAN/control" <<CONTROL
Package: descent
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Section: education
Priority: optional
Description: watch one artificial neuron learn by gradient descent
 descent trains a single neuron on two features of a table (Fisher's Iris
 flowers by default, or any CSV file) and shows live in the terminal the
 scatter with the separating line, the cost of every epoch, the formula
 with its numbers and gradient, and gradient descent on a bowl at the same
 learning rate. Keys change the learning rate, loss, activation and batch
 size as it trains. Made for teaching: built-in lessons, record and
 replay, headless CSV output and screens dumped as text.
CONTROL
chmod 644 "$root/DEBIAN/control"

rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
