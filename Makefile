# Recur: the two commands a user needs are `make demo` and `make test`.
SWIFT ?= swift
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: bootstrap build release test swift-test protocol-test notebooks demo clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

# The kernel's release build links the Swift runtime statically and without PIE: its
# resident memory is about 4 MiB smaller (see docs/KERNEL.md).
release: bootstrap
	$(SWIFT) build -c release --static-swift-stdlib -Xlinker -no-pie

swift-test: build
	$(SWIFT) test

# pytest exits 5 when it collects nothing: an empty suite is reported, not counted.
protocol-test: build
	@$(PY) -m pytest Tests/protocol -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "protocol-test: no protocol tests collected yet"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

test: swift-test protocol-test

# Rebuilds notebooks/ from tools/notebooks/content.py with the outputs this build produces.
notebooks: build
	$(PY) tools/notebooks/build.py

# The lesson's first program, cell by cell, through the kernel installed into .venv.
demo: bootstrap
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/recur" install --prefix $(VENV) --name recur
	$(PY) scripts/demo.py

clean:
	rm -rf .build build
