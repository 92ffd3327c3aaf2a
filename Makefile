# mbc-sr: `make demo` and `make test` do all set-up on a fresh machine (python3 + make).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.mbc-sr-installed

.PHONY: demo test bench bench-parse bench-screen bench-local-search bench-dedup bench-dedup-compare bench-eutils bench-extract bench-extract-pathological clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	rm -f outputs/demo.sqlite outputs/demo.sqlite-wal outputs/demo.sqlite-shm
	$(BIN)/mbc-sr --db outputs/demo.sqlite demo --no-progress
	$(BIN)/mbc-sr --db outputs/demo.sqlite dedup
	$(BIN)/mbc-sr --db outputs/demo.sqlite screen run --no-progress
	$(BIN)/mbc-sr --db outputs/demo.sqlite export all --out outputs/demo-prisma

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: bench-parse bench-screen bench-local-search bench-dedup bench-eutils bench-extract

bench-parse: $(STAMP)
	$(BIN)/python benchmarks/parse_bench.py

bench-screen: $(STAMP)
	$(BIN)/python benchmarks/screen_bench.py

bench-local-search: $(STAMP)
	$(BIN)/python benchmarks/local_search_bench.py

# live PubMed source against the NCBI stand-in on 127.0.0.1 (never NCBI): initial load of the
# June 2021 update file, no-change refreshes; requests, wall time, peak request rate
bench-eutils: $(STAMP)
	$(BIN)/python benchmarks/eutils_bench.py

# deduplication: the shared sets (P/R/F1, false merges, time) and the 10k/100k scaling set;
# bib-dedupe runs side by side when installed (bench-dedup-compare installs it: a comparison
# tool only, not a dependency of mbc-sr)
bench-dedup: $(STAMP)
	$(BIN)/python benchmarks/dedup_bench.py

bench-dedup-compare: $(STAMP)
	$(BIN)/python -m pip install --quiet bib-dedupe==0.11.0
	$(BIN)/python benchmarks/dedup_bench.py

# extraction: exact-match precision/recall per field on the hand-annotated gold set, both halves
# (tests/extract/gold/; the held-out half is reported, never tuned on)
bench-extract: $(STAMP)
	$(BIN)/python benchmarks/extraction_bench.py --split all

# extraction time on pathological input (long runs of white space; --others for the shapes still slow)
bench-extract-pathological: $(STAMP)
	$(BIN)/python benchmarks/extraction_pathological_bench.py

clean:
	rm -rf $(VENV) outputs/*.sqlite* .pytest_cache .hypothesis
