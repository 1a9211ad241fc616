# Recur: the two commands a user needs are `make demo` and `make test`.
SWIFT ?= swift
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: bootstrap build release kernelspec test swift-test protocol-test frontend-test differential-test \
	tutorial-test hostile-test release-test layout demo notebooks lab clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

# The kernel's release build links the Swift runtime statically and without PIE, and places
# the functions a session runs together at the front of its code (tools/layout/kernel.order,
# linked by lld from per-function sections): its resident memory is several MiB smaller
# (see docs/KERNEL.md).
# swiftc keeps an object file whose code is unchanged even when codegen flags change, so a
# release build made with other flags is removed first.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker -no-pie \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld \
	-Xlinker --symbol-ordering-file=$(CURDIR)/tools/layout/kernel.order -Xlinker --no-warn-symbol-ordering
release: bootstrap
	@bin="$$($(SWIFT) build -c release --show-bin-path)"; \
	if [ "$$(cat "$$bin.flags" 2>/dev/null)" != "$(RELEASE_FLAGS)" ]; then rm -rf "$$bin"; fi; \
	if [ tools/layout/kernel.order -nt "$$bin/recur" ]; then rm -f "$$bin/recur"; fi
	$(SWIFT) build $(RELEASE_FLAGS)
	@echo "$(RELEASE_FLAGS)" > "$$($(SWIFT) build -c release --show-bin-path).flags"

swift-test: build
	$(SWIFT) test

# pytest exits 5 when it collects nothing: an empty suite is reported, not counted.
protocol-test: build
	@$(PY) -m pytest Tests/protocol -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "protocol-test: no protocol tests collected yet"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

# Real frontends: nbclient, JupyterLab in headless Chromium, jupyter console in a
# pseudo-terminal, Kernel Gateway over REST and WebSockets (see Tests/frontend/).
frontend-test: build
	$(PY) -m pytest Tests/frontend -q -p no:cacheprovider

# Small Python programs run by the machine's python3 and by `recur run`: stdout, the last line
# of stderr and the exit status must agree (Tests/differential/known_failures.txt lists the
# programs that differ today, as strict expected failures).
differential-test: build
	$(PY) -m pytest Tests/differential -q -p no:cacheprovider

# Tutorial-style RNN programs run by `recur run`: each prints what PyTorch printed for it
# (Tests/tutorials/programs/*.expected, recorded by tools/fixtures/tutorials.py).
tutorial-test: build
	$(PY) -m pytest Tests/tutorials -q -p no:cacheprovider

# Hostile programs (extreme integers, huge allocations, cycles, misbehaving dunders, deep
# nesting) under a 4 GiB address-space limit, through `recur run` and through one kernel: each
# ends normally or with a Python exception (Tests/hostile/known_failures.txt lists the crashes
# and hangs of today as strict expected failures).
hostile-test: build
	$(PY) -m pytest Tests/hostile -q -p no:cacheprovider

# What users run is the release build (`make demo`, `make kernelspec`): the protocol suite,
# which includes every lesson notebook, runs again against it; the symbol ordering file must
# still name the binary's functions; and the kernel's resident memory, idle and after the
# lessons, must stay under the ceilings the README reports (tools/bench/footprint.py).
RELEASE_BIN = "$$($(SWIFT) build -c release --show-bin-path)/recur"
release-test: release
	$(PY) tools/layout/check.py
	RECUR_BIN=$(RELEASE_BIN) $(PY) -m pytest Tests/protocol -q -p no:cacheprovider
	RECUR_BIN=$(RELEASE_BIN) $(PY) -m pytest Tests/hostile -q -p no:cacheprovider
	$(PY) tools/bench/footprint.py --binary $(RELEASE_BIN)

# Regenerates tools/layout/kernel.order from two profiled sessions of the release kernel
# (valgrind), then links the release build with it.
layout: release
	$(PY) tools/layout/order.py
	$(MAKE) release

test: swift-test protocol-test frontend-test differential-test tutorial-test hostile-test release-test

# The release build's kernelspec, installed into .venv (recur-jupyter is already there:
# scripts/bootstrap installs it); JUPYTER_PATH puts it ahead of any
# `recur` kernelspec installed for the user or the system.
WITH_KERNEL := JUPYTER_PATH="$(CURDIR)/$(VENV)/share/jupyter"
kernelspec: release
	"$$($(SWIFT) build -c release --show-bin-path)/recur" install --prefix $(VENV) --name recur --no-tools

# The first lesson notebook executed through the kernel, each cell's text printed as it runs;
# the executed notebook is written to build/.
demo: kernelspec
	$(WITH_KERNEL) $(PY) scripts/demo.py

# Rebuilds notebooks/ from tools/notebooks/content.py with the outputs this build produces,
# then retakes the README's JupyterLab screenshot (docs/images/) with the browser test.
notebooks: build
	$(PY) tools/notebooks/build.py
	RECUR_SCREENSHOT_DIR=docs/images $(PY) -m pytest Tests/frontend/test_jupyterlab.py -q -p no:cacheprovider

# JupyterLab on the notebooks with the Recur kernel registered.
lab: kernelspec
	@$(PY) -c "import jupyterlab" 2>/dev/null || $(PY) -m pip install -q jupyterlab
	$(WITH_KERNEL) $(VENV)/bin/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" -eq 0 ] && echo --allow-root )

clean:
	rm -rf .build build
