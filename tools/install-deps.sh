#!/bin/sh
# Install the Debian packages bsdnet needs, only those that are missing.
# Runs apt-get as root (or through sudo); never asks a question.
set -eu

# ns3 (185 kB) is there because Debian's ns3Config.cmake names the
# /usr/libexec/ns3 helpers it ships: find_package(ns3) fails without it.
# python3-sphinx: make doc.  iproute2, iputils-ping, ethtool: the test
# against the real Linux kernel (namespace, veth, ping, checksum offload).
PKGS="cmake make gcc g++ pkg-config libns3-dev ns3 libcmocka-dev libgsl-dev
tshark python3-matplotlib python3-numpy clang libclang-rt-14-dev
python3-dask python3-distributed python3-tqdm python3-pytest
python3-sphinx iproute2 iputils-ping ethtool"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "bsdnet: installing missing packages:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "bsdnet: not root and no sudo; install these yourself:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
