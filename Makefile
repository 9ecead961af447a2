# bsdnet: the two commands a newcomer needs are `make demo` and `make test`.

BUILD     ?= build
SANBUILD  ?= build-san
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE     ?= cmake
CTEST     ?= ctest
# Debian's interpreter: the python3 first on PATH may not see its packages.
PYTHON    ?= /usr/bin/python3

.PHONY: all deps build build-san test demo bench fuzz test-intree clean doc

all: build

deps:
	@sh tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

# The whole tree (C core, ns-3 side, examples, suites) under AddressSanitizer
# with LeakSanitizer, and UBSan, every finding fatal (CMakeLists.txt sets
# the options for every test and the examples its scripts run).  Always
# configured, so that an older core-only build-san becomes the whole tree.
build-san: deps
	$(CMAKE) -S . -B $(SANBUILD) -DCMAKE_BUILD_TYPE=Debug \
	    -DBSDNET_WITH_NS3=ON -DBSDNET_SANITIZE=ON
	$(CMAKE) --build $(SANBUILD) -j $(JOBS)

# Every test twice, optimised and under the sanitizers, but for two that
# need only one run: the tshark checks (the same pcaps either way, most of
# their time is tshark's) run under the sanitizers, the sweep runner's
# tests (Python, against a fake example) optimised.
test: build build-san
	cd $(BUILD) && $(CTEST) --output-on-failure -j $(JOBS) -E '^tshark_pcaps$$'
	cd $(SANBUILD) && $(CTEST) --output-on-failure -j $(JOBS) -E '^sweep-runner$$'

# Figures, never assertions: route lookup, a router forwarding on ns-3's
# own stack against bsdnet, the 10^6-destination clone DoS.  A few
# minutes; BENCHFLAGS=--quick: under one.  Instruction counts (valgrind,
# slower): sh bench/callgrind.sh $(BUILD).
# bench-forward's figures also go to results/bench/forward.{csv,png}.
BENCHFLAGS ?=
bench: build
	$(BUILD)/bench-route $(BENCHFLAGS)
	mkdir -p results/bench
	$(BUILD)/bench-forward $(BENCHFLAGS) --csv=results/bench/forward.csv
	$(PYTHON) bench/plot-forward.py results/bench/forward.csv results/bench/forward.png
	sh bench/bench_clone_dos.sh $(BUILD) --repeat=3 $(BENCHFLAGS)

# The flagship study: bsdnet-clone-dos on four personalities, a table and
# results/demo/table-size.png.
demo: build
	sh tools/demo/run.sh $(BUILD) results/demo

# Every parser under libFuzzer with ASan/UBSan, FUZZTIME seconds each.
FUZZTIME ?= 60
fuzz: deps
	sh test/fuzz/run.sh $(FUZZTIME) build-fuzz

# bsdnet built inside Debian's ns-3 3.37 source tree (slow; not in CI).
test-intree: deps
	sh tools/test-intree.sh build-intree

# --- The manual (issue 17): HTML in $(BUILD)/doc/html; warnings fail. ---
doc: deps
	sphinx-build -W -q -b html doc $(BUILD)/doc/html
	@echo "manual: $(BUILD)/doc/html/bsdnet.html"
# --- end manual ---

clean:
	rm -rf $(BUILD) $(SANBUILD) build-fuzz build-intree
