#!/bin/sh
# cmake --install into a temporary prefix, then build the scratch example
# (scratch/my-first-bsd.cc) against it twice, with CMake (find_package(bsdnet)) and with
# pkg-config + g++, and run both.  The build tree is not on any path.
#
#   sh test/install/run.sh BUILD_DIR
#
# SPDX-License-Identifier: GPL-2.0-only
set -eu
build=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/bsdnet-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
echo "install: $(grep -c Installing "$tmp/install.log") files into $tmp/prefix"
# Headers compile on their own: the core's public header is there too.
for h in bsd-kernel.h bsd-stack-helper.h bsd-emu-helper.h bsd_kernel.h; do
	test -f "$tmp/prefix/include/ns3/$h" || { echo "install: FAIL: no include/ns3/$h"; exit 1; }
done

cmake -S "$src" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$tmp/cmake.log" 2>&1 ||
	{ cat "$tmp/cmake.log"; echo "install: FAIL: find_package(bsdnet)"; exit 1; }
cmake --build "$tmp/cmake-build" >"$tmp/cmake-build.log" 2>&1 ||
	{ cat "$tmp/cmake-build.log"; echo "install: FAIL: CMake project did not build"; exit 1; }
"$tmp/cmake-build/my-sim"
echo "install: ok: CMake project (find_package(bsdnet), bsdnet::bsdnet) built and ran"

pc=$(find "$tmp/prefix" -name bsdnet.pc)
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
# shellcheck disable=SC2046
g++ -O1 -o "$tmp/my-sim-pc" "$src/../../scratch/my-first-bsd.cc" $(pkg-config --cflags --libs bsdnet)
"$tmp/my-sim-pc"
echo "install: ok: pkg-config + g++ built and ran"
