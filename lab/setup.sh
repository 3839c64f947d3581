#!/usr/bin/env bash
# Prepares the QEMU lab on this machine: installs qemu-system-x86 (apt; needs root) and fetches, into the
# git-ignored cache, the Debian kernel that linux-image-amd64 depends on, Xen 4.17 with xen-ucode and its
# libraries, Debian 13's Xen 4.20 with its xen-ucode (in a tree of its own), busybox and the firmware (through
# fetch-debian.sh: nothing is installed). The guests run the ucode command of this working tree: build it before
# booting them (the lab's tests say so when it is missing).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lab-env.sh"

if ! command -v qemu-system-x86_64 >/dev/null; then
  # A fresh machine may have no package lists yet.
  apt-cache show qemu-system-x86 >/dev/null 2>&1 || apt-get -q update
  DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends qemu-system-x86
fi

# The Ansible example's test (AnsibleRolloutIT) runs Debian's ansible-playbook and ansible-doc.
if ! command -v ansible-playbook >/dev/null; then
  apt-cache show ansible-core >/dev/null 2>&1 || apt-get -q update
  DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends ansible-core
fi

"$lab_dir/fetch-debian.sh" >/dev/null   # the firmware and iucode-tool, at the versions the tests pin
"$lab_dir/fetch-debian.sh" prometheus >/dev/null   # for its promtool, which the CLI's tests check the metrics with
"$lab_dir/fetch-debian.sh" linux-image-amd64 >/dev/null
"$lab_dir/fetch-debian.sh" "$(kernel_package)" "${lab_packages[@]}" >/dev/null
"$lab_dir/fetch-debian.sh" --suite "$next_suite" "${next_suite_packages[@]}" >/dev/null
echo "lab: kernel $(kernel_release), packages unpacked in $debian_root"

echo "lab: ready"
