# medialens — run `make help` for the list of targets.
# Every target creates/updates .venv from requirements.lock first, so a fresh clone needs only
# Python 3.11, make and git.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.DEFAULT_GOAL := help
.PHONY: help install process report test lint format lab eval eval-ner eval-historical bench lock clean

help: ## List every target with one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies and medialens

process: $(STAMP) ## Ingest and annotate data/raw into data/processed
	$(BIN)/medialens process

report: process ## Set up, process the sample corpus and render all reports into reports/
	$(BIN)/medialens report

test: $(STAMP) ## Set up and run the whole test suite (what CI runs)
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP) ## Check code style with ruff (lint + format check)
	$(BIN)/ruff check lib tests benchmarks scripts
	$(BIN)/ruff format --check lib tests benchmarks scripts

format: $(STAMP) ## Reformat code with ruff
	$(BIN)/ruff check --fix lib tests benchmarks scripts
	$(BIN)/ruff format lib tests benchmarks scripts

PORT ?= 8888
TOKEN ?=
lab: $(STAMP) ## Open JupyterLab on notebooks/ (PORT=8889, TOKEN=secret; works as root)
	@# the notebooks' kernel "python3" is the virtualenv's own ipykernel: nothing to register
	$(BIN)/jupyter lab notebooks/ --port=$(PORT) \
		$(if $(TOKEN),--IdentityProvider.token=$(TOKEN),) \
		$(if $(filter 0,$(shell id -u)),--allow-root,)

eval: $(STAMP) ## Score quote attribution on ../shared dev set (skips without ../shared)
	@$(BIN)/python scripts/eval_quotes.py --shared $(SHARED)

eval-ner: $(STAMP) ## Score uncoded-actor candidates on GermEval 2014 (skips without ../shared)
	@$(BIN)/python scripts/eval_germeval.py --shared $(SHARED)

eval-historical: $(STAMP) ## Score quotes on historical newspapers: RW=<checkout of github.com/redewiedergabe/corpus> (CC BY-NC-SA, measurement only)
	@test -n "$(RW)" || { echo "usage: make eval-historical RW=/path/to/redewiedergabe-corpus"; exit 2; }
	@$(BIN)/python scripts/redewiedergabe_gold.py $(RW) -o $(RW)/medialens-gold.jsonl
	@$(BIN)/python scripts/eval_quotes.py --shared $(SHARED) --gold $(RW)/medialens-gold.jsonl

bench: $(STAMP) ## Run every benchmark, ~20 min on 2 cores (see benchmarks/README.md)
	$(BIN)/python benchmarks/run.py --shared $(SHARED)

lock: ## Re-resolve dependencies from pyproject.toml into requirements.lock
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet -e ".[dev]"
	(echo "# Exact versions installed by \`make install\` (pip install -r requirements.lock)."; \
	 echo "# Regenerate with \`make lock\` after changing dependencies in pyproject.toml."; \
	 .lockvenv/bin/python -m pip freeze --all --exclude-editable | grep -v "^pip==" | grep -v '^medialens') > requirements.lock
	rm -rf .lockvenv

clean: ## Remove .venv, processed data and generated reports
	rm -rf $(VENV) data/processed/* reports/*
