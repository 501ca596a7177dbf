#!/usr/bin/env bash
# Installs everything the offline test bed needs, without the public Terraform/OpenTofu registries:
#   tofu        OpenTofu (a `tofu` >= opentofu.minVersion on PATH, else the pinned one built from Go source)
#   providers   every provider in versions.json with "build": true, built from Go source into a
#               filesystem mirror (registry.opentofu.org/<ns>/<type>/<version>/<os_arch>/...)
#   pdns        PowerDNS (sqlite3 backend) + dig, from Debian; the packaged service is never left running
#   chroots     the PowerDNS releases the e2e suite and bench/dns run against (versions.json
#               services.powerdns.releases): a minimal Debian chroot per release, by debootstrap from
#               the machine's Debian mirror; plus dnsperf (the load generator of bench/dns)
#   validators  cloud-init (schema checks), shellcheck (Debian) and checkov (PyPI, in a venv)
#   s3          moto's S3 server (PyPI moto[server], in a venv) for the state archive tests
#   all         all of the above (default)
#
# Versions come from versions.json. Builds are cached outside the repo in
#   ${SOVEREIGN_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sovereign-tofu}
# and the repo gets a git-ignored .tools/ folder: .tools/tofurc (CLI config pointing at the
# mirror) and .tools/bin/ (links to every tool). Idempotent: a second run only checks.
#
# Environment:
#   SOVEREIGN_TOOLS_CACHE     cache root (see above)
#   SOVEREIGN_TOFU_FROM_PATH  0 = ignore any `tofu` on PATH and always use the pinned build
#   SOVEREIGN_PYTHON          python used to create the checkov and moto venvs (default: python3)
#   SOVEREIGN_DEBIAN_MIRROR   Debian mirror for the chroots (default: the first Debian archive in
#                             /etc/apt/sources.list{,.d/*.list,.d/*.sources})
#   GO                        go binary (default: go on PATH, else /usr/local/go/bin/go)
set -euo pipefail
export CHECKPOINT_DISABLE=1 # no version check calls from tofu

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSIONS_FILE="$REPO/versions.json"
CACHE="${SOVEREIGN_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sovereign-tofu}"
TOOLS="$REPO/.tools"
MIRROR="$CACHE/mirror"
TMPROOT="$CACHE/.tmp" # on the same filesystem as the cache, so the final `mv` is an atomic rename

# Debian packages per step. dnsutils is the transitional name of bind9-dnsutils (dig); sqlite3
# (the CLI) creates the PowerDNS database from the schema shipped by pdns-backend-sqlite3.
PDNS_PACKAGES=(pdns-server pdns-backend-sqlite3 pdns-tools dnsutils sqlite3)
# luajit: the Lua the Debian pdns-server links (libluajit-5.1); the Lua builder tests evaluate records with it.
# libxml2-utils: xmllint checks the exported topology SVG.
VALIDATOR_PACKAGES=(cloud-init shellcheck luajit libxml2-utils)

log() { printf '[tools] %s\n' "$*"; }
die() {
  printf '[tools] ERROR: %s\n' "$*" >&2
  exit 1
}
clock_us() { # wall clock in microseconds
  local t="${EPOCHREALTIME/[.,]/}"
  printf '%s\n' "$((10#$t))"
}
elapsed() { # elapsed START_US -> "0.4s" or "2m05s"
  local ds=$((($(clock_us) - $1) / 100000))
  if ((ds >= 600)); then
    printf '%dm%02ds' $((ds / 600)) $((ds / 10 % 60))
  else
    printf '%d.%ds' $((ds / 10)) $((ds % 10))
  fi
}

# --- progress of long steps ------------------------------------------------------------------
# progress [--log FILE] LABEL CMD [ARG...]: runs CMD in this shell (output to FILE when given) and
# prints, on stderr, "▸ LABEL…" at the start, "… LABEL: 1m30s so far" every PROGRESS_EVERY seconds
# (default 30) while it runs, and "✔ LABEL: 2m05s" or "✘ LABEL: failed after 2m05s" at the end.
# Finished steps are recorded for progress_summary (in a file: callers may run in a subshell).
PROGRESS_FILE="$TMPROOT/progress-$$"
progress() {
  local logfile="" label start rc=0 ticker
  if [[ "$1" == --log ]]; then
    logfile="$2"
    shift 2
  fi
  label="$1"
  shift
  start="$(clock_us)"
  log "▸ $label…" >&2
  (
    # stops with the step, or at the next tick once this script is gone
    while sleep "${PROGRESS_EVERY:-30}"; do
      kill -0 "$$" 2>/dev/null || exit 0
      log "  … $label: $(elapsed "$start") so far" >&2
    done
  ) &
  ticker=$!
  if [[ -n "$logfile" ]]; then
    "$@" >"$logfile" 2>&1 || rc=$?
  else
    "$@" || rc=$?
  fi
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if ((rc == 0)); then
    log "✔ $label: $(elapsed "$start")" >&2
    mkdir -p "$TMPROOT"
    printf '%s (%s)\n' "$label" "$(elapsed "$start")" >>"$PROGRESS_FILE"
  else
    log "✘ $label: failed after $(elapsed "$start")" >&2
  fi
  return "$rc"
}
# progress_summary TOTAL_START: one line — how long, what is ready, what this run built.
progress_summary() {
  local built="nothing (all cached)" ready
  ready="$(find "$TOOLS/bin" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
  if [[ -s "$PROGRESS_FILE" ]]; then
    built="$(paste -sd ';' "$PROGRESS_FILE" | sed 's/;/, /g')"
  fi
  rm -f "$PROGRESS_FILE"
  log "done in $(elapsed "$1"): $ready tools in .tools/bin; this run: $built"
}

# Temp dirs of this run, removed on exit (an interrupted build leaves nothing that looks complete,
# because results only reach their final path by a rename at the very end).
TMP_DIRS=()
cleanup() {
  local d
  for d in "${TMP_DIRS[@]}"; do
    [[ -e "$d" ]] && { chmod -R u+w "$d" 2>/dev/null || true; rm -rf "$d"; }
  done
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# new_tmp VAR NAME: sets VAR to a fresh dir under $TMPROOT. Not `$(new_tmp)`: a command
# substitution is a subshell, and TMP_DIRS must be updated in this shell for the cleanup.
new_tmp() {
  local d
  mkdir -p "$TMPROOT"
  d="$(mktemp -d "$TMPROOT/$2.XXXXXX")"
  chmod 755 "$d" # mktemp's 0700 would carry over to the cache entry it becomes
  TMP_DIRS+=("$d")
  printf -v "$1" '%s' "$d"
}
# Move a finished build into place. If another run got there first, keep theirs.
install_dir() { # install_dir SRC DEST
  mkdir -p "$(dirname "$2")"
  if ! mv -T "$1" "$2" 2>/dev/null; then
    [[ -d "$2" ]] || die "could not move $1 to $2"
  fi
}

# --- versions.json -------------------------------------------------------------------------
command -v node >/dev/null || die "node is required (it reads versions.json)"
[[ -f "$VERSIONS_FILE" ]] || die "missing $VERSIONS_FILE"
# jsonget PATH [DEFAULT]: a dotted path into versions.json; objects print their keys, one a line.
jsonget() {
  # shellcheck disable=SC2016 # JavaScript, not shell: ${path} is a template literal
  node -e '
    const [file, path, dflt] = process.argv.slice(1);
    let v = JSON.parse(require("fs").readFileSync(file, "utf8"));
    for (const k of path.split(".")) v = v == null ? undefined : v[k];
    if (v === undefined) {
      if (dflt === undefined) { console.error(`versions.json: ${path} is missing`); process.exit(2); }
      v = dflt;
    }
    console.log(typeof v === "object" ? Object.keys(v).join("\n") : String(v));
  ' "$VERSIONS_FILE" "$@"
}

# --- Go builds -------------------------------------------------------------------------------
find_go() {
  if [[ -n "${GO:-}" ]]; then
    printf '%s\n' "$GO"
  elif command -v go >/dev/null; then
    command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then
    printf '%s\n' /usr/local/go/bin/go
  else
    die "Go is needed to build OpenTofu/providers from source (set GO=/path/to/go)"
  fi
}

# go_build MODULE VERSION EXPECTED_MODULE_PATH PACKAGE LDFLAGS OUTFILE
# Downloads MODULE@VERSION from the Go module proxy and builds PACKAGE (e.g. ./cmd/tofu) inside a writable
# copy of the module. Building inside the module (rather than `go install mod@ver`) honours its
# go.mod as is: OpenTofu's `replace` directives (which `go install` refuses) and modules whose
# go.mod declares another path (terraform-provider-random declares
# github.com/terraform-providers/terraform-provider-random). Its go.sum covers every dependency,
# so nothing needs the checksum database beyond the module itself.
go_build() {
  local module=$1 version=$2 expect=$3 pkg=$4 ldflags=$5 out=$6
  local go json dir declared work buildlog
  go="$(find_go)"
  new_tmp work gobuild
  # Go's own output (hundreds of "go: downloading" lines on a cold cache) goes to a log file.
  mkdir -p "$CACHE/logs"
  buildlog="$CACHE/logs/${module##*/}@$version.log"
  : >"$buildlog"
  # `go mod download` must run outside any module; -json reports errors on stdout.
  if ! json="$(cd "$work" && GOFLAGS='' "$go" mod download -json "$module@$version" 2>>"$buildlog")"; then
    die "go mod download $module@$version failed: $json"
  fi
  dir="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).Dir)' <<<"$json")"
  [[ -d "$dir" ]] || die "go mod download $module@$version gave no module dir"
  declared="$(sed -n 's/^module[[:space:]]\+//p' "$dir/go.mod" | head -n1)"
  [[ "$declared" == "$expect" ]] ||
    die "$module@$version declares module '$declared', versions.json expects '$expect'"
  cp -r "$dir" "$work/src"
  chmod -R u+w "$work/src" # the module cache is read-only
  (
    cd "$work/src"
    # -mod=readonly: fail rather than silently change the pinned dependency set.
    CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" \
      "$go" build -trimpath -ldflags "-s -w $ldflags" -o "$out" "$pkg"
  ) >>"$buildlog" 2>&1 || {
    tail -n 30 "$buildlog" >&2
    die "go build of $module@$version ($pkg) failed; full log: $buildlog"
  }
}

# OpenTofu's name for this machine's platform (mirror directory), e.g. linux_amd64.
host_platform() {
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    i?86) arch=386 ;;
    armv*) arch=arm ;;
    *) die "unsupported machine type $(uname -m)" ;;
  esac
  printf '%s_%s\n' "$os" "$arch"
}

# --- step: tofu ------------------------------------------------------------------------------
TOFU_BIN=""
version_ge() { # version_ge A B: A >= B
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}
tofu_version_of() { # prints x.y.z of a tofu binary, empty if it does not run
  { "$1" version -json 2>/dev/null || true; } |
    node -e 'try { console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).terraform_version) } catch { }'
}
step_tofu() {
  local version min path_tofu v dir work
  version="$(jsonget opentofu.version)"
  min="$(jsonget opentofu.minVersion "$version")"
  # A tofu on PATH is good enough if recent; skip our own link in .tools/bin.
  if [[ "${SOVEREIGN_TOFU_FROM_PATH:-1}" != 0 ]] && path_tofu="$(command -v tofu)" &&
    [[ "$(readlink -f "$path_tofu")" != "$(readlink -f "$TOOLS/bin/tofu" 2>/dev/null)" ]]; then
    v="$(tofu_version_of "$path_tofu")"
    if [[ -n "$v" ]] && version_ge "${v%%-*}" "$min"; then
      TOFU_BIN="$path_tofu"
      log "OpenTofu $v: using $path_tofu from PATH (>= $min)"
    else
      log "OpenTofu on PATH ($path_tofu, version '${v:-unknown}') is older than $min: not used"
    fi
  fi
  if [[ -z "$TOFU_BIN" ]]; then
    dir="$CACHE/opentofu-$version"
    if [[ -x "$dir/tofu" ]] && [[ "$(tofu_version_of "$dir/tofu")" == "$version" ]]; then
      log "OpenTofu $version: cached"
    else
      rm -rf "$dir" # a broken leftover (this script never leaves one)
      new_tmp work "opentofu-$version"
      progress "building OpenTofu $version from Go source (first run takes a few minutes)" go_build "$(jsonget opentofu.goModule)" "$(jsonget opentofu.goVersion "v$version")" \
        "$(jsonget opentofu.goModule)" "$(jsonget opentofu.goPackage ./cmd/tofu)" \
        "$(jsonget opentofu.goLdflags "")" "$work/tofu"
      [[ "$(tofu_version_of "$work/tofu")" == "$version" ]] ||
        die "the built tofu reports version '$(tofu_version_of "$work/tofu")', expected $version"
      install_dir "$work" "$dir"
    fi
    TOFU_BIN="$dir/tofu"
  fi
  mkdir -p "$TOOLS/bin"
  ln -sfn "$TOFU_BIN" "$TOOLS/bin/tofu"
}

# --- step: providers -------------------------------------------------------------------------
write_tofurc() {
  mkdir -p "$TOOLS"
  # Only the local mirror: the registry is unreachable here, so no `direct {}` fallback. A provider
  # missing from the mirror then fails `tofu init` at once instead of timing out.
  cat >"$TOOLS/tofurc.tmp" <<EOF
# Written by scripts/tools.sh: do not edit. Providers come only from the local build mirror.
disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.opentofu.org/*/*"]
  }
}
EOF
  mv -f "$TOOLS/tofurc.tmp" "$TOOLS/tofurc"
}
step_providers() {
  local name source version host ns type platform dest work bin
  platform="$(host_platform)"
  while read -r name; do
    [[ "$(jsonget "providers.$name.build" false)" == true ]] || continue
    source="$(jsonget "providers.$name.source")"
    version="$(jsonget "providers.$name.version")"
    IFS=/ read -r host ns type <<<"$source"
    [[ -n "$type" ]] || die "providers.$name.source must be <host>/<namespace>/<type>, got '$source'"
    dest="$MIRROR/$host/$ns/$type/$version"
    bin="terraform-provider-${type}_v$version"
    if [[ -x "$dest/$platform/$bin" ]]; then
      log "provider $name $version: cached"
      continue
    fi
    rm -rf "$dest"
    new_tmp work "provider-$name-$version"
    mkdir -p "$work/$platform"
    progress "building provider $name $version from $(jsonget "providers.$name.goModule")@$(jsonget "providers.$name.goVersion")" \
      go_build "$(jsonget "providers.$name.goModule")" "$(jsonget "providers.$name.goVersion")" \
      "$(jsonget "providers.$name.goModPath" "$(jsonget "providers.$name.goModule")")" \
      "$(jsonget "providers.$name.goPackage" .)" "$(jsonget "providers.$name.goLdflags" "")" \
      "$work/$platform/$bin"
    # The whole version dir appears at once, so OpenTofu never sees a half-built version.
    install_dir "$work" "$dest"
  done < <(jsonget providers)
  write_tofurc
}

# --- Debian packages -------------------------------------------------------------------------
APT_UPDATED=0
SUDO=()
[[ "$(id -u)" -eq 0 ]] || SUDO=(sudo)
pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}
pkg_version() {
  dpkg-query -W -f='${Version}' "$1" 2>/dev/null || printf 'not installed'
}
# apt_install PKG...: installs the missing ones; runs `apt-get update` once, only if needed.
# A package the archive does not have is skipped with a warning (e.g. pdns-tools on some releases).
apt_install() {
  local missing=() p policy_added=0
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  if ((APT_UPDATED == 0)); then
    log "apt-get update (missing: ${missing[*]})"
    "${SUDO[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  local available=()
  for p in "${missing[@]}"; do
    if apt-cache show "$p" >/dev/null 2>&1; then
      available+=("$p")
    else
      log "WARNING: package $p is not in the apt archive: skipped"
    fi
  done
  ((${#available[@]})) || return 0
  # Package installs must never start daemons (pdns-server would bind port 53). Docker-style
  # images ship /usr/sbin/policy-rc.d (exit 101 = "don't start"); where it is missing, add one
  # for the duration of the install only.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# added by sovereign-tofu scripts/tools.sh during apt-get install\nexit 101\n' |
      "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
    policy_added=1
  fi
  local rc=0
  progress --log "$CACHE/apt-install.log" "apt-get install ${available[*]}" \
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${available[@]}" || rc=$?
  ((policy_added == 0)) || "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d
  ((rc == 0)) || die "apt-get install failed (exit $rc); see $CACHE/apt-install.log"
}

# --- step: pdns ------------------------------------------------------------------------------
step_pdns() {
  apt_install "${PDNS_PACKAGES[@]}"
  # Tests start their own pdns_server (own config, unprivileged port); the packaged service must
  # not run or start at boot. Stop/disable it if present, whatever started it.
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    if systemctl is-active --quiet pdns 2>/dev/null || systemctl is-enabled --quiet pdns 2>/dev/null; then
      log "stopping and disabling the packaged pdns service"
      "${SUDO[@]}" systemctl disable --now pdns >/dev/null 2>&1 || true
    fi
  elif [[ -x /etc/init.d/pdns ]]; then
    if /etc/init.d/pdns status >/dev/null 2>&1; then
      log "stopping the packaged pdns service"
      "${SUDO[@]}" /etc/init.d/pdns stop >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null; then
      "${SUDO[@]}" update-rc.d pdns disable >/dev/null 2>&1 || true
    fi
  fi
  if command -v pgrep >/dev/null && pgrep -x pdns_server >/dev/null; then
    log "WARNING: a pdns_server process is still running (pids: $(pgrep -x pdns_server | tr '\n' ' ')); tests need port 53 free only if they use it"
  fi
  link_tool pdns_server /usr/sbin/pdns_server
  link_tool pdnsutil /usr/bin/pdnsutil
  link_tool dig /usr/bin/dig
  link_tool sqlite3 /usr/bin/sqlite3
  log "pdns: pdns-server $(pkg_version pdns-server), dig $(pkg_version bind9-dnsutils)"
}

# --- step: chroots ---------------------------------------------------------------------------
# One minimal Debian chroot per PowerDNS release line in versions.json (services.powerdns.releases,
# e.g. 4.9 -> trixie, 5.1 -> forky), holding only services.powerdns.packages and their dependencies.
# Cached as $CACHE/pdns-<line>-<suite>-<arch>/ with a marker written last; a chroot whose pdns_server
# no longer runs (or reports another line) is rebuilt. Tests run <chroot>/usr/sbin/pdns_server through
# the chroot's own dynamic loader and libraries (no root, no chroot(2) needed at test time), found
# through the link .tools/pdns-<line>.

# debian_mirror: the Debian archive this machine's apt uses (deb822 .sources or one-line .list),
# never a security or third-party repository; SOVEREIGN_DEBIAN_MIRROR overrides it.
debian_mirror() {
  if [[ -n "${SOVEREIGN_DEBIAN_MIRROR:-}" ]]; then
    printf '%s\n' "$SOVEREIGN_DEBIAN_MIRROR"
    return 0
  fi
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    # Stanzas are separated by blank lines; take URIs of a `Types: deb` stanza whose URI path is /debian.
    uri="$(awk 'BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = $i
          if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
        }
        if (types ~ /(^|[ \t])deb([ \t]|$)/) {
          n = split(uris, u, /[ \t]+/)
          for (j = 1; j <= n; j++) if (u[j] ~ /^https?:\/\/[^ ]+\/debian\/?$/) { print u[j]; exit }
        }
      }' "$f")"
    [[ -n "$uri" ]] && { printf '%s\n' "${uri%/}"; return 0; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    uri="$(sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\(https\?:\/\/[^[:space:]]*\/debian\)\/\?[[:space:]].*/\2/p' "$f" | head -n1)"
    [[ -n "$uri" ]] && { printf '%s\n' "$uri"; return 0; }
  done
  die "no Debian archive found in /etc/apt/sources.list* (set SOVEREIGN_DEBIAN_MIRROR=http://<mirror>/debian)"
}

# chroot_pdns_version DIR: x.y.z of the chroot's pdns_server, run through its own loader; empty if it does not run.
chroot_pdns_version() {
  local dir=$1 loader
  loader="$(chroot_loader "$dir")" || return 0
  { "$loader" --library-path "$(chroot_library_path "$dir")" "$dir/usr/sbin/pdns_server" --version 2>&1 || true; } |
    sed -n 's/.*Authoritative Server \([0-9]\+\.[0-9]\+\.[0-9]\+\).*/\1/p' | head -n1
}
chroot_loader() { # the chroot's ELF interpreter (ld-linux*.so.*)
  local f
  for f in "$1"/usr/lib64/ld-linux-*.so.* "$1"/usr/lib/*/ld-linux-*.so.* "$1"/lib64/ld-linux-*.so.*; do
    [[ -e "$f" ]] && { printf '%s\n' "$f"; return 0; }
  done
  return 1
}
chroot_library_path() { # the chroot's library directories, for its loader's --library-path
  local triplet
  triplet="$(basename "$(dirname "$(find "$1/usr/lib" -maxdepth 2 -name 'libc.so.6' -print -quit)")")"
  printf '%s\n' "$1/usr/lib/$triplet:$1/lib/$triplet:$1/usr/lib"
}

# build_chroot LINE SUITE: debootstraps SUITE into the cache (through `progress`), atomically.
build_chroot() {
  local line=$1 suite=$2 arch dest work mirror script packages started rc=0 buildlog v
  arch="$(dpkg --print-architecture)"
  dest="$CACHE/pdns-$line-$suite-$arch"
  if [[ -f "$dest/.sovereign-complete" ]] && v="$(chroot_pdns_version "$dest")" && [[ "${v%.*}" == "$line" ]]; then
    log "PowerDNS $line ($suite): cached, pdns_server $v"
    ln -sfn "$dest" "$TOOLS/pdns-$line"
    return 0
  fi
  mirror="$(debian_mirror)"
  # bookworm's debootstrap has no script for suites newer than trixie: they all use sid's.
  script=/usr/share/debootstrap/scripts/$suite
  [[ -e "$script" ]] || script=/usr/share/debootstrap/scripts/sid
  packages="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).services.powerdns.packages.join(","))' "$VERSIONS_FILE")"
  mkdir -p "$CACHE/logs"
  buildlog="$CACHE/logs/pdns-$line-$suite.log"
  log "PowerDNS $line: debootstrap --variant=minbase $suite from $mirror (about 40 s, 250 MB)…"
  rm -rf "$dest"
  new_tmp work "pdns-$line-$suite"
  started="$(clock_us)"
  progress --log "$buildlog" "PowerDNS $line: debootstrap $suite" \
    "${SUDO[@]}" debootstrap --variant=minbase --arch="$arch" --components=main --include="$packages" \
    "$suite" "$work/root" "$mirror" "$script" || rc=$?
  ((rc == 0)) || { tail -n 20 "$buildlog" >&2; die "debootstrap of $suite failed (exit $rc); full log: $buildlog"; }
  # Keep it small: no downloaded .debs or apt lists in the cache.
  "${SUDO[@]}" rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*_Packages
  v="$(chroot_pdns_version "$work/root")"
  [[ "${v%.*}" == "$line" ]] || die "the $suite chroot's pdns_server reports '${v:-nothing}', versions.json expects the $line line"
  printf '%s\n' "$v" >"$work/root/.sovereign-complete"
  install_dir "$work/root" "$dest"
  ln -sfn "$dest" "$TOOLS/pdns-$line"
  log "PowerDNS $line ($suite): pdns_server $v built in $(elapsed "$started")"
}

# pdns_releases: "LINE SUITE" per line of versions.json services.powerdns.releases (jsonget's dotted
# paths cannot name a key like "4.9").
pdns_releases() {
  # shellcheck disable=SC2016 # JavaScript, not shell: ${line} is a template literal
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).services.powerdns.releases;
    for (const [line, suite] of Object.entries(r)) console.log(`${line} ${suite}`);
  ' "$VERSIONS_FILE"
}

summary_chroots() {
  local line suite dest
  while read -r line suite; do
    dest="$CACHE/pdns-$line-$suite-$(dpkg --print-architecture)"
    if [[ -f "$dest/.sovereign-complete" ]]; then
      log "  $(printf '%-22s' "PowerDNS $line ($suite)") $(cat "$dest/.sovereign-complete")  ($dest)"
    else
      log "  $(printf '%-22s' "PowerDNS $line ($suite)") missing"
    fi
  done < <(pdns_releases)
}

step_chroots() {
  local line suite
  # debootstrap builds the chroots; dnsperf is bench/dns's load generator (host packages).
  apt_install debootstrap dnsperf
  link_tool dnsperf /usr/bin/dnsperf
  while read -r line suite; do
    build_chroot "$line" "$suite"
  done < <(pdns_releases)
}

# pip_venv NAME SPEC VERSION CHECK: a PyPI package in its own venv under the cache, printed path.
# A venv cannot be moved after creation (absolute paths inside), so it is built in place and counts
# as complete only once the marker is written last; CHECK (python code) must pass in a cached one too,
# so a venv whose python vanished is rebuilt.
pip_venv() {
  local name="$1" spec="$2" version="$3" check="$4" venv marker py
  venv="$CACHE/$name-$version"
  marker="$venv/.sovereign-complete"
  if [[ -f "$marker" ]] && "$venv/bin/python" -c "$check" 2>/dev/null; then
    log "$name $version: cached" >&2
  else
    rm -rf "$venv"
    py="${SOVEREIGN_PYTHON:-python3}"
    command -v "$py" >/dev/null || die "$py not found (set SOVEREIGN_PYTHON)"
    "$py" -m venv "$venv" || die "'$py -m venv' failed (on Debian: apt-get install python3-venv)"
    progress --log "$CACHE/$name-install.log" "pip install $spec==$version into $venv" \
      "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input "$spec==$version" ||
      die "pip install $spec==$version failed; see $CACHE/$name-install.log"
    "$venv/bin/python" -c "$check" || die "$name $version in $venv fails its check: $check"
    printf '%s\n' "$version" >"$marker"
  fi
  printf '%s\n' "$venv"
}

# --- step: validators ------------------------------------------------------------------------
step_validators() {
  local version venv
  apt_install "${VALIDATOR_PACKAGES[@]}"
  link_tool cloud-init /usr/bin/cloud-init
  link_tool shellcheck /usr/bin/shellcheck
  link_tool luajit /usr/bin/luajit
  link_tool xmllint /usr/bin/xmllint
  # kubectl (replace-node's cluster side, tested against a stand-in API on loopback): any on PATH.
  command -v kubectl >/dev/null || apt_install kubernetes-client
  link_tool kubectl "$(readlink -f "$(command -v kubectl)" || true)"

  version="$(jsonget validators.checkov.version)"
  venv="$(pip_venv checkov "$(jsonget validators.checkov.pypi checkov)" "$version" \
    "import importlib.metadata as m; assert m.version('checkov') == '$version'")"
  link_tool checkov "$venv/bin/checkov"
}

# --- step: s3 --------------------------------------------------------------------------------
# moto's server speaks the S3 API on loopback; the state tests start their own on a free port.
step_s3() {
  local version venv
  version="$(jsonget services.moto.version)"
  venv="$(pip_venv moto "$(jsonget services.moto.pypi 'moto[server]')" "$version" \
    "import moto, moto.server; assert moto.__version__ == '$version'")"
  link_tool moto_server "$venv/bin/moto_server"
}

link_tool() { # link_tool NAME TARGET: .tools/bin/NAME -> TARGET (if TARGET exists)
  mkdir -p "$TOOLS/bin"
  if [[ -x "$2" ]]; then
    ln -sfn "$2" "$TOOLS/bin/$1"
  else
    rm -f "$TOOLS/bin/$1"
  fi
}

# --- summary ---------------------------------------------------------------------------------
summary() {
  local name source version type platform
  log "summary (tools in $TOOLS/bin, cache in $CACHE):"
  if [[ -x "$TOOLS/bin/tofu" ]]; then
    log "  tofu        $(tofu_version_of "$TOOLS/bin/tofu")  ($(readlink -f "$TOOLS/bin/tofu"))"
  else
    log "  tofu        missing"
  fi
  if [[ -f "$TOOLS/tofurc" ]]; then
    platform="$(host_platform)"
    while read -r name; do
      [[ "$(jsonget "providers.$name.build" false)" == true ]] || continue
      source="$(jsonget "providers.$name.source")"
      version="$(jsonget "providers.$name.version")"
      type="${source##*/}"
      if [[ -x "$MIRROR/$source/$version/$platform/terraform-provider-${type}_v$version" ]]; then
        log "  provider    $source $version"
      else
        log "  provider    $source $version MISSING"
      fi
    done < <(jsonget providers)
  fi
  local p
  for p in pdns-server pdns-backend-sqlite3 pdns-tools bind9-dnsutils sqlite3 cloud-init shellcheck luajit libxml2-utils; do
    log "  $(printf '%-22s' "$p") $(pkg_version "$p")"
  done
  summary_chroots
  if [[ -f "$(readlink -f "$TOOLS/bin/moto_server" 2>/dev/null)" ]]; then
    log "  moto        $(cat "$(dirname "$(readlink -f "$TOOLS/bin/moto_server")")/../.sovereign-complete")"
  else
    log "  moto        missing"
  fi
  if [[ -f "$(readlink -f "$TOOLS/bin/checkov" 2>/dev/null)" ]]; then
    log "  checkov     $(cat "$(dirname "$(readlink -f "$TOOLS/bin/checkov")")/../.sovereign-complete")"
  else
    log "  checkov     missing"
  fi
}

# --- main ------------------------------------------------------------------------------------
main() {
  local what="${1:-all}" steps=() s start total_start
  total_start="$(clock_us)"
  case "$what" in
    all) steps=(tofu providers pdns chroots validators s3) ;;
    tofu | providers | pdns | chroots | validators | s3) steps=("$what") ;;
    -h | --help)
      awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
      return 0
      ;;
    *) die "unknown step '$what' (use: tofu | providers | pdns | chroots | validators | s3 | all)" ;;
  esac
  mkdir -p "$CACHE" "$TOOLS/bin"
  # .tools/ holds machine-specific paths: keep it out of git without touching the root .gitignore.
  [[ -f "$TOOLS/.gitignore" ]] || printf '*\n' >"$TOOLS/.gitignore"
  # Leftovers of runs that were killed outright (no EXIT trap) are only disk garbage: drop old ones.
  if [[ -d "$TMPROOT" ]]; then
    find "$TMPROOT" -mindepth 1 -maxdepth 1 -mmin +720 -exec rm -rf {} + 2>/dev/null || true
  fi
  for s in "${steps[@]}"; do
    start="$(clock_us)"
    "step_$s"
    log "step $s: $(elapsed "$start")"
  done
  summary
  progress_summary "$total_start"
}

main "$@"
