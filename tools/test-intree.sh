#!/bin/sh
# Prove bsdnet as an ns-3 contrib module: fetch Debian's ns-3 3.37 source
# (apt-get source, through an apt configuration of our own: the system's
# sources stay as they are), place bsdnet in contrib/bsdnet, configure only
# what bsdnet needs, build, run bsdnet's suites with ns-3's own test-runner
# and one example.  Slow (a large part of ns-3 is built): not run by CI.
#
#   sh tools/test-intree.sh [WORKDIR]
#
# SPDX-License-Identifier: GPL-2.0-only
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$root/build-intree}
mkdir -p "$work/apt/lists/partial" "$work/src"
work=$(cd "$work" && pwd)

cat >"$work/apt/sources.list" <<EOS
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
EOS
apt_opts="-o Dir::Etc::SourceList=$work/apt/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$work/apt/lists"
if [ ! -f "$work/src/ns3_3.37.orig.tar.bz2" ]; then
	# shellcheck disable=SC2086
	apt-get -q $apt_opts update
	# shellcheck disable=SC2086
	(cd "$work/src" && apt-get -q $apt_opts source --download-only ns3=3.37-2)
fi
tree="$work/ns-allinone-3.37/ns-3.37"
if [ ! -d "$tree" ]; then
	tar -xjf "$work/src/ns3_3.37.orig.tar.bz2" -C "$work"
fi

# bsdnet as git tracks it (or as it is, outside a checkout).
rm -rf "$tree/contrib/bsdnet"
mkdir -p "$tree/contrib/bsdnet"
if git -C "$root" rev-parse >/dev/null 2>&1; then
	(cd "$root" && git ls-files -z | xargs -0 -I{} cp --parents {} "$tree/contrib/bsdnet/")
else
	(cd "$root" && tar --exclude='./build*' -cf - .) | tar -xf - -C "$tree/contrib/bsdnet"
fi

cd "$tree"
start=$(date +%s)
./ns3 configure --enable-modules=bsdnet --enable-tests --enable-examples
./ns3 build
echo "test-intree: configure and build took $(( $(date +%s) - start )) s"
runner=$(ls build/utils/ns3.37-test-runner-* | head -n 1)
for s in bsd-kernel fddi arcnet ax25 bsd-apps bsd-study; do
	"$runner" --suite=$s
done
./ns3 run --no-build "bsdnet-lan --media=arcnet --hosts=3 --duration=10"
./ns3 run --no-build "bsdnet-clone-dos --personality=freebsd-4 --duration=60 --budget=262144 --outdir=$work/clone-dos"
echo "test-intree: passed"
