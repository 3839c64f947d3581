#!/bin/sh
# Runs Debian's intel-microcode initramfs hook unchanged, in a private mount namespace (run it under unshare -m),
# with initramfs-tools' hook-functions stubbed and a fixture configuration, and copies the early cpio it prepends.
# Usage: run-debian-hook.sh HOOK WORK FIRMWARE_DIR MODE SCANCPUS TOOL_DIR EXTRA_OPTIONS
#   WORK holds hook-functions, the configuration and the result (prepended.cpio); TOOL_DIR goes first on PATH;
#   EXTRA_OPTIONS is the configuration's IUCODE_TOOL_EXTRA_OPTIONS (may be empty).
set -eu
hook=$1 work=$2 firmware=$3 mode=$4 scan=$5 tool_dir=$6 extra=$7

mkdir -p "$work/initramfs-tools" "$work/default" "$work/firmware/intel-ucode" "$work/misc" "$work/destdir" "$work/tmp"
cat > "$work/initramfs-tools/hook-functions" <<STUB
prepend_earlyinitramfs() { cp "\$1" "$work/prepended.cpio"; }
manual_add_modules() { return 1; }
force_load() { :; }
STUB
printf 'IUCODE_TOOL_INITRAMFS=%s\nIUCODE_TOOL_SCANCPUS=%s\nIUCODE_TOOL_EXTRA_OPTIONS="%s"\n' "$mode" "$scan" "$extra" \
    > "$work/default/intel-microcode"

# The hook reads these fixed paths; each is replaced in this namespace only.
mount --bind "$work/initramfs-tools" /usr/share/initramfs-tools
mount --bind "$work/default" /etc/default
mount --bind "$work/firmware" /lib/firmware
mount --bind "$firmware" /lib/firmware/intel-ucode
mount --bind "$work/misc" /usr/share/misc

PATH=$tool_dir:$PATH DESTDIR=$work/destdir TMPDIR=$work/tmp version=6.1.0 verbose=n sh "$hook"
