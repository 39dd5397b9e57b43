#!/bin/sh
# Writes the manifest of Debian fortune files that dl.data.Fortunes reads and verifies:
#   lib/src/main/resources/dl/data/fortunes.manifest
# one line per file: <sha256> <size in bytes> <Debian package> <path under /usr/share/games/fortunes>
# Language = package (fortunes, fortunes-min: en; fortunes-de: de; fortunes-ru: ru; fortunes-es: es;
# fortunes-it: it); category = file name. Skipped: strfile indexes (.dat), the .u8 links, and the
# offensive (es/off) and draft (varios.fortunes-pre) files of fortunes-es.
# Run from the repository root after installing the packages:
#   apt-get install fortunes fortunes-min fortunes-de fortunes-ru fortunes-es fortunes-it
#   sh datasets/tools/make_fortunes_manifest.sh
set -eu
root=/usr/share/games/fortunes
out=lib/src/main/resources/dl/data/fortunes.manifest
tmp="$out.tmp"
{
  echo "# Debian fortune files read by dl.data.Fortunes: sha256 size package path (relative to $root)"
  for pkg in fortunes fortunes-min fortunes-de fortunes-ru fortunes-es fortunes-it; do
    echo "# $pkg $(dpkg-query -W -f='${Version}' "$pkg")"
    dpkg -L "$pkg" | grep "^$root/" | grep -vE '\.(dat|u8)$' | grep -vE "^$root/es/off/|\.fortunes-pre$" | sort |
    while read -r f; do
      if [ -f "$f" ] && [ ! -L "$f" ]; then
        echo "$(sha256sum "$f" | cut -d' ' -f1) $(stat -c %s "$f") $pkg ${f#$root/}"
      fi
    done
  done
} > "$tmp"
mv "$tmp" "$out"
echo "wrote $out ($(grep -vc '^#' "$out") files)"
