# Two commands do everything on a fresh machine:
#   make demo   installs what is missing, builds, and writes the example report to ./grouping-report-out
#   make test   installs what is missing, builds, and runs every test
.PHONY: deps demo test bench fixtures

deps:
	@scripts/install-deps

demo: deps
	swift build -c release --product grouping-report
	.build/release/grouping-report demo --out grouping-report-out
	@echo "open grouping-report-out/report.html or grouping-report-out/report.pdf"

test: deps
	swift test

bench: deps
	swift build -c release --product grouping-bench
	.build/release/grouping-bench all

# Regenerates the reference fixtures with the Python stack (needs network access to PyPI).
fixtures:
	pip install -q -r scripts/fixtures/requirements.txt
	for script in scripts/fixtures/*.py; do python3 $$script || exit 1; done
