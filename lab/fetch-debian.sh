#!/usr/bin/env bash
# Fetches Debian packages into a git-ignored cache and unpacks them into one tree, without touching the
# machine's own apt configuration: a private sources list, derived from the machine's Debian entries (same
# URIs and suites), adds the components the firmware lives in (contrib, non-free-firmware).
#
#   lab/fetch-debian.sh                 the corpus: intel-microcode, amd64-microcode, iucode-tool (pinned)
#   lab/fetch-debian.sh PKG[=VER]...    other packages (the QEMU lab uses this)
#   lab/fetch-debian.sh --suite SUITE PKG[=VER]...
#                                       packages of another Debian release (e.g. trixie): the machine's entries with
#                                       their codename replaced (bookworm-updates becomes trixie-updates), unpacked
#                                       into a tree of their own (root-SUITE), so that two releases' C libraries
#                                       never mix
#
# The unpacked tree is printed on the last line; tests find it as UCODE4J_CORPUS (default .cache/debian/root).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${UCODE4J_CACHE:-$here/.cache}/debian

# The versions the project's tests were written against (shared facts: formats.md, "Real corpus facts").
corpus_packages=(intel-microcode=3.20251111.1~deb12u1 amd64-microcode=3.20250311.1~deb12u1 iucode-tool=2.3.1-3)
other_suite=""
if [ "${1:-}" = --suite ]; then
  [ $# -ge 3 ] || { echo "fetch-debian: --suite takes a suite and at least one package" >&2; exit 2; }
  other_suite=$2
  shift 2
fi
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=("${corpus_packages[@]}")
# Each release keeps its own package lists (an update with one release's sources would drop the other's lists),
# packages and tree.
suffix=${other_suite:+-$other_suite}
lists=$cache/lists$suffix
debs=$cache/debs$suffix
root=$cache/root$suffix

mkdir -p "$lists/partial" "$cache/archives/partial" "$debs" "$root"

# Every "deb" entry of the machine, one-line or deb822, as "URI|SUITE|SIGNED-BY".
machine_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" {
           opts = ""; i = 2
           if ($2 ~ /^\[/) { while ($i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
           signed = ""; if (match(opts, /signed-by=[^] ]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
           print $i "|" $(i + 1) "|" signed
         }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no")
                              { n = split(suites, s, " "); for (k = 1; k <= n; k++) print uris "|" s[k] "|" signed }
                            types = uris = suites = signed = ""; enabled = "" }
         /^[ \t]*$/ { flush(); next }
         /^#/ { next }
         { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
           if (key == "types") types = $0; else if (key == "uris") uris = $0
           else if (key == "suites") suites = $0; else if (key == "signed-by") signed = $0
           else if (key == "enabled") enabled = $0 }
         END { flush() }' "$f"
  done
}

# Only Debian's own archives: their entries carry the Debian keyring or a debian path.
sources=$cache/sources$suffix.list
machine_entries | awk -F'|' '$1 ~ /debian/ && $2 !~ /^(stable|testing|unstable|sid|experimental)$/ || $3 ~ /debian-archive/' |
  sort -u | while IFS='|' read -r uri suite signed; do
    [ -z "$other_suite" ] || suite=$other_suite${suite#"${suite%%-*}"}
    opt=""; [ -n "$signed" ] && opt="[signed-by=$signed] "
    echo "deb ${opt}${uri} ${suite} main contrib non-free-firmware"
  done >"$sources"
[ -s "$sources" ] || { echo "fetch-debian: no Debian entry found in /etc/apt to derive sources from" >&2; exit 1; }

apt_opts=(-o "Dir::Etc::SourceList=$sources" -o "Dir::Etc::SourceParts=/nonexistent"
          -o "Dir::State::Lists=$lists" -o "Dir::Cache::Archives=$cache/archives"
          -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")

# Refresh the package lists at most once a day.
stamp=$lists/.updated
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
  apt-get -q "${apt_opts[@]}" update >"$cache/apt-update$suffix.log" 2>&1 ||
    { cat "$cache/apt-update$suffix.log" >&2; exit 1; }
  touch "$stamp"
fi

for spec in "${packages[@]}"; do
  name=${spec%%=*}
  version=${spec#"$name"}; version=${version#=}
  compgen -G "$debs/${name}_${version:-*}_*.deb" >/dev/null ||
    (cd "$debs" && apt-get -q "${apt_opts[@]}" download "$spec" >/dev/null)
done
for deb in "$debs/"*.deb; do
  marker=$root/.unpacked-$(basename "$deb")
  [ -f "$marker" ] || { dpkg -x "$deb" "$root" && touch "$marker"; }
done
echo "$root"
