#!/usr/bin/env bash
# Boots the Debian kernel, or Xen (4.17, or another unpacked version) with that kernel as a PV dom0, under QEMU
# (TCG), runs one shell command inside as root with the host's root mounted read-only, and powers off.
#
#   lab/boot.sh [--xen[=VERSION]] --cpu MODEL[,PROP=VALUE...] [--smp TOPOLOGY] [--msr on|off|absent] [--timeout SECONDS] [--serial FILE] COMMAND
#
# --xen        boot Xen (4.17 unless VERSION says which unpacked xen-VERSION-amd64.gz, of this release or the next)
#              with the kernel as its PV dom0
# --cpu        QEMU's -cpu, e.g. EPYC-Milan,ucode-rev=0x0a001143 (Intel keeps the revision in the high dword:
#              Skylake-Server,ucode-rev=0x02006e0500000000)
# --smp        QEMU's -smp (default 2: two cores of one package, no SMT), e.g. 2,cores=1,threads=2 for two
#              hyperthreads of one core
# --msr        the msr module with allow_writes=on (default) or off, or not loaded at all
# --timeout    the whole boot, in seconds (default 180); QEMU is killed past it and the status is 124
# --serial     where to keep the serial console (the kernel's, Xen's "(XEN)" lines and the command's output)
#
# Prints the command's output (stdout and stderr) and exits with its status; 124 on timeout, 125 when the guest
# never finished the command. The initramfs is built for each boot in a temporary folder, removed afterwards.
# Run lab/setup.sh first.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lab-env.sh"

usage() { grep -m1 '^#   lab/boot.sh' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2; exit 2; }

xen="" cpu="" smp=2 msr=on timeout=180 serial=""
while [ $# -gt 0 ]; do
  case $1 in
    --xen) xen=4.17 ;;
    --xen=*) xen=${1#--xen=} ;;
    --cpu) cpu=$2; shift ;;
    --smp) smp=$2; shift ;;
    --msr) msr=$2; shift ;;
    --timeout) timeout=$2; shift ;;
    --serial) serial=$2; shift ;;
    --*) usage ;;
    *) break ;;
  esac
  shift
done
[ $# -eq 1 ] && [ -n "$cpu" ] && [[ $msr =~ ^(on|off|absent)$ ]] && [[ $timeout =~ ^[0-9]+$ ]] || usage
command=$1

release=$(kernel_release)
modules_dir=$debian_root/lib/modules/$release/kernel
kernel=$debian_root/boot/vmlinuz-$release
[ -f "$kernel" ] || { echo "lab: $kernel is missing: run lab/setup.sh" >&2; exit 125; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/initramfs/bin" "$work/initramfs/lab/modules" "$work/out"
[ -n "$serial" ] || serial=$work/serial.log
: >"$serial"

# Modules in load order (virtio needs virtio_ring, 9p needs 9pnet...), each "NAME [PARAMETER...]".
modules=(virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p
         cpuid)
[ "$msr" = absent ] || modules+=("msr allow_writes=$msr")
[ -z "$xen" ] || modules+=(xen-privcmd xen-evtchn xenfs)

initramfs=$work/initramfs
cp "$debian_root/bin/busybox" "$initramfs/bin/busybox"
install -m 755 "$lab_dir/guest/init" "$initramfs/init"
printf '%s\n' "$command" >"$initramfs/lab/command"
for module in "${modules[@]}"; do
  name=${module%% *}
  file=$(find "$modules_dir" -name "$name.ko" -print -quit)
  [ -n "$file" ] || { echo "lab: $name.ko is not in $modules_dir" >&2; exit 125; }
  cp "$file" "$initramfs/lab/modules/"
  echo "insmod /lab/modules/$name.ko ${module#"$name"}"
done >"$initramfs/lab/setup"
[ -z "$xen" ] || echo "mount -t xenfs xenfs /proc/xen" >>"$initramfs/lab/setup"
# The machine has no cpio: busybox's own applet packs the archive.
(cd "$initramfs" && find . | "$debian_root/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$work/initrd.gz"

qemu=(qemu-system-x86_64 -accel tcg -cpu "$cpu" -smp "$smp" -display none -monitor none -serial "file:$serial" -no-reboot
      -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
      -virtfs "local,path=$work/out,mount_tag=labout,security_model=none")
if [ -n "$xen" ]; then
  # QEMU boots Xen as a multiboot kernel (the uncompressed ELF); dom0's kernel and the initramfs are its modules.
  # Without smep=false smap=false the PV dom0 faults early under TCG.
  hypervisor=$debian_root/boot/xen-$xen-amd64.gz
  [ -f "$hypervisor" ] || hypervisor=$next_root/boot/xen-$xen-amd64.gz
  [ -f "$hypervisor" ] || { echo "lab: xen-$xen-amd64.gz is unpacked nowhere: run lab/setup.sh" >&2; exit 125; }
  zcat "$hypervisor" >"$work/xen"
  qemu+=(-m 3072 -kernel "$work/xen"
         -append "console=com1 com1=115200,8n1 dom0_mem=1536M loglvl=all guest_loglvl=all smep=false smap=false"
         -initrd "$kernel console=hvc0 quiet,$work/initrd.gz")
else
  qemu+=(-m 2048 -kernel "$kernel" -initrd "$work/initrd.gz" -append "console=ttyS0 quiet panic=-1")
fi

# QEMU's own warnings (features TCG lacks) go to a file, shown only when the boot fails.
timeout -k 5 "$timeout" "${qemu[@]}" </dev/null 2>"$work/qemu.log" && qemu_status=0 || qemu_status=$?
[ -f "$work/out/output" ] && cat "$work/out/output"
if [ "$qemu_status" -eq 124 ]; then
  echo "lab: the guest did not power off within $timeout s; serial console: $serial" >&2
  exit 124
fi
if [ ! -s "$work/out/status" ]; then
  echo "lab: the guest never finished the command (QEMU exited with $qemu_status); QEMU said:" >&2
  grep -v "TCG doesn't support" "$work/qemu.log" >&2 || true
  echo "lab: the serial console ends:" >&2
  tail -n 20 "$serial" >&2
  exit 125
fi
exit "$(cat "$work/out/status")"
