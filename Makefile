# Quick start on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test bench bench-report clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/lawcheck check samples/en/counter-terrorism-bill.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

# Speed and scale on one core (issue 6): tokenise-only floor vs check at 10k/50k/200k words, memory, start-up;
# then the ratio to the floor of a 50k-word bill in Arabic, Russian and Chinese beside English's (issue 13).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench.py --compare en ar ru zh --repeat 3

# Word gap report for all instruments on the largest sample and on a ~50k-word bill (issue 4).
bench-report: $(STAMP)
	$(BIN)/python benchmarks/report_docx.py
bench: bench-report
