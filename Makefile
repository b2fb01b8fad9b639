# Shortcuts; the README's set-up commands are scripts/run.sh and scripts/test.sh.
.PHONY: build test bench docs

build:
	swift build -c release

test:
	scripts/test.sh

docs: build
	.build/release/rolebook build

# Measures rolebook against dot, PlantUML, cmark, codespell, rumdl and Python
# jsonschema, and its growth with model size; writes docs/benchmarks.md.
bench:
	scripts/install-deps.sh
	bench/install-bench-tools.sh
	swift build -c release
	python3 bench/bench.py
