#!/usr/bin/env bash
# Builds the two ways to install topowatch, from the board's jar and offline, with the JDK in JAVA_HOME:
#   topowatch-VERSION-linux-ARCH.tar.gz   unpack anywhere and run bin/topowatch: a Java runtime is inside
#   topowatch_VERSION_ARCH.deb             the same tree in /opt/topowatch, with a service, a system user,
#                                          /etc/topowatch/topology.yaml and /var/lib/topowatch
# Both hold the same runtime, made by jlink with only the modules in jdk-modules.
#   packaging/build.sh server/target/topowatch.jar OUT_DIR      (./topowatch package does this)
set -euo pipefail
umask 022

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
if [ "$#" -ne 2 ] || [ ! -f "$1" ]; then
  echo "usage: $0 TOPOWATCH_JAR OUT_DIR" >&2
  exit 2
fi
jar=$(readlink -f "$1")
mkdir -p "$2"
out=$(cd "$2" && pwd)
jdk=${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer: its jlink makes the runtime}
for tool in "$jdk/bin/jlink" "$(command -v dpkg-deb || echo dpkg-deb)"; do
  if [ ! -x "$tool" ]; then
    echo "packaging: $tool is missing (jlink comes with a JDK; dpkg-deb with Debian's dpkg)" >&2
    exit 1
  fi
done

version=$("$jdk/bin/java" -jar "$jar" --version 2>/dev/null | head -n 1 | cut -d' ' -f2 || true)
case "$version" in
  [0-9]*) ;;
  *) echo "packaging: $jdk/bin/java -jar $jar --version gave no version: a JDK 21 or newer is needed, and a jar built by Maven" >&2; exit 1 ;;
esac
# The runtime is for the JDK's own platform.
case "$(sed -n 's/^OS_ARCH="\(.*\)"/\1/p' "$jdk/release")" in
  x86_64 | amd64) arch=x64 deb_arch=amd64 ;;
  aarch64) arch=aarch64 deb_arch=arm64 ;;
  *) echo "packaging: no package name for the JDK's architecture ($jdk/release)" >&2; exit 1 ;;
esac
# Debian orders 0.1.0~SNAPSHOT before 0.1.0, as Maven does 0.1.0-SNAPSHOT.
deb_version=${version//-/\~}
tarball=$out/topowatch-$version-linux-$arch.tar.gz
deb=$out/topowatch_${deb_version}_$deb_arch.deb

work=$(mktemp -d "$out/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The tree both install: bin/topowatch runs runtime/bin/java with lib/jvm.options on lib/topowatch.jar.
image=$work/topowatch-$version
mkdir -p "$image/bin" "$image/lib"
modules=$(sed 's/#.*//' "$here/jdk-modules" | tr -s ' \n' '\n' | grep -v '^$' | paste -sd, -)
if ! "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$image/runtime"; then
  echo "packaging: jlink could not make the runtime from $jdk: it needs the JDK's jmods/ folder (Debian's" \
    "openjdk-N-jdk has it in openjdk-N-jmods) or a JDK 24+ built to link from itself (Temurin is)" >&2
  exit 1
fi
install -m 0755 "$here/bin/topowatch" "$image/bin/topowatch"
install -m 0644 "$jar" "$image/lib/topowatch.jar"
install -m 0644 "$here/jvm.options" "$image/lib/jvm.options"
install -m 0644 "$here/../topology.yaml.example" "$here/../README.md" "$here/topowatch.service" "$image/"

# Compressed on another core while the package is put together.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work" -czf "$tarball" "topowatch-$version" &
tarring=$!

# The Debian package: the same tree in /opt/topowatch, the command on the PATH, the unit, the topology.
root=$work/deb
mkdir -p "$root/opt/topowatch" "$root/usr/bin" "$root/etc/topowatch" "$root/usr/lib/systemd/system" \
  "$root/usr/share/doc/topowatch" "$root/DEBIAN"
cp -a "$image/bin" "$image/lib" "$image/runtime" "$root/opt/topowatch/"
ln -s /opt/topowatch/bin/topowatch "$root/usr/bin/topowatch"
# The example, with its database where the service may write (the rest of the disk is read-only to it).
sed -e 's|^\(  database: \)topowatch\.db |\1/var/lib/topowatch/topowatch.db |' \
  -e 's|\(url: jdbc:sqlite:\)topowatch\.db |\1/var/lib/topowatch/topowatch.db |' \
  "$here/../topology.yaml.example" > "$root/etc/topowatch/topology.yaml"
if [ "$(grep -c '/var/lib/topowatch/topowatch.db' "$root/etc/topowatch/topology.yaml")" -ne 2 ]; then
  echo "packaging: topology.yaml.example no longer has 'database: topowatch.db' and 'url: jdbc:sqlite:topowatch.db' to point at /var/lib/topowatch" >&2
  exit 1
fi
install -m 0644 "$here/topowatch.service" "$root/usr/lib/systemd/system/topowatch.service"
install -m 0644 "$here/../README.md" "$here/../topology.yaml.example" "$root/usr/share/doc/topowatch/"
size=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$deb_arch/" -e "s/@SIZE@/$size/" "$here/debian/control" \
  > "$root/DEBIAN/control"
install -m 0644 "$here/debian/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$root/DEBIAN/"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
wait "$tarring"

echo "$tarball ($(du -k "$tarball" | cut -f1) KiB; runtime $(du -sk "$image/runtime" | cut -f1) KiB unpacked)"
echo "$deb ($(du -k "$deb" | cut -f1) KiB)"
