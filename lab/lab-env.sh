# Sourced by the lab scripts: where the lab's pieces live, all derived from this file's location.
# UCODE4J_CACHE moves the cache, as it does for fetch-debian.sh.
lab_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$lab_dir")
debian_dir=${UCODE4J_CACHE:-$repo_dir/.cache}/debian
debian_root=$debian_dir/root

# The Debian packages the guests need besides the kernel and the firmware corpus: Xen, xen-ucode and the
# libraries it loads, and the busybox the initramfs is made of.
lab_packages=(xen-hypervisor-4.17-amd64 busybox-static xen-utils-4.17 libxenmisc4.17 libxentoollog1 libxencall1
              libxenforeignmemory1 libxendevicemodel1 libxenevtchn1 libxengnttab1 libxentoolcore1 libxenhypfs1
              libxenstore4 libyajl2)

# Xen from the next Debian release, for what Xen 4.18 and later add (XENPF_get_ucode_revision, 4.20's forced load):
# the hypervisor, and xen-ucode with the libraries and the C library it loads (it runs through that release's own
# dynamic loader). Unpacked into a tree of their own.
next_suite=trixie
next_root=$debian_dir/root-$next_suite
next_suite_packages=(xen-hypervisor-4.20-amd64 xen-utils-4.20 libc6 libxenmisc4.20 libxencall1 libxendevicemodel1
                     libxenevtchn1 libxenforeignmemory1 libxengnttab1 libxentoolcore1 libxentoollog1)

# The kernel package the fetched linux-image-amd64 depends on, e.g. linux-image-6.1.0-56-amd64.
kernel_package() {
  local meta
  meta=$(compgen -G "$debian_dir/debs/linux-image-amd64_*.deb" | sort -V | tail -n 1) ||
    { echo "lab: linux-image-amd64 is not fetched; run lab/setup.sh" >&2; return 1; }
  dpkg-deb -f "$meta" Depends | sed -n 's/^\(linux-image-[^ ,]*\).*/\1/p'
}

# The kernel release, e.g. 6.1.0-56-amd64.
kernel_release() {
  local package
  package=$(kernel_package) && echo "${package#linux-image-}"
}
