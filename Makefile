# Two commands do everything on a fresh machine:
#   make demo   installs what is missing, builds, and writes the example report to ./grouping-report-out
#   make test   installs what is missing, builds, and runs every test
.PHONY: deps demo test browser-check bench fixtures fuzz fuzz-short fault-injection
SHELL := /bin/bash

deps:
	@scripts/install-deps

demo: deps
	swift build -c release --product grouping-report
	.build/release/grouping-report demo --out grouping-report-out
	@echo "open grouping-report-out/report.html or grouping-report-out/report.pdf"

# XCTest only (the suite has no Swift Testing tests); the last line sums up the run.
test: deps
	@set -o pipefail; swift test --disable-swift-testing 2>&1 | tee .build-test.log
	@scripts/test-summary .build-test.log

# Issue 15: the example report in headless Chromium at 1400 and 390 px, light and dark; fails on
# overflow outside a scroll box, any network reference, or chart text missing from the DOM.
# BROWSER_CHECK_SCREENSHOTS=dir also saves the screenshots.
browser-check: deps
	swift build --product grouping-report
	.build/debug/grouping-report demo --out .build-browser/out
	scripts/browser-check .build-browser/out/report.html

# Issue 16: the seeded mutation harness over the CSV reader and the config parser
# (corpus: benchmarks/fuzz-corpus), and a full disk while a report is written (tmpfs; root).
fuzz: deps
	swift build --product grouping-bench
	.build/debug/grouping-bench fuzz --inputs 100000

fuzz-short: deps
	swift build --product grouping-bench
	.build/debug/grouping-bench fuzz --inputs 10000 --seed $$(date +%j)

fault-injection: deps
	swift build --product grouping-report
	scripts/fault-injection

bench: deps
	swift build -c release --product grouping-bench
	.build/release/grouping-bench all

# Regenerates the reference fixtures with the Python stack (needs PyPI; PyMC takes minutes).
fixtures:
	pip install -q -r scripts/fixtures/requirements.txt
	python3 scripts/fixtures/special_functions_reference.py
	python3 scripts/fixtures/phase13_reference.py
	python3 scripts/fixtures/example_phase13_reference.py
	python3 scripts/fixtures/kmeans_reference.py
	python3 scripts/fixtures/diagnostics_reference.py
	python3 scripts/fixtures/loo_reference.py
	python3 scripts/fixtures/imputation_reference.py
	python3 scripts/fixtures/pymc_reference.py
	python3 scripts/fixtures/pymc_reference.py examples/creator-platform/ites.csv examples/creator-platform/creators.csv genre pymc_example_genre
	python3 scripts/fixtures/schema2_reference.py
