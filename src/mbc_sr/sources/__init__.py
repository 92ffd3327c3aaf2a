"""Where records come from: local PubMed files (searched with the local query evaluator),
imports of other databases' exports, and (issue 3) the live E-utilities source.

Nothing here is imported by `mbc_sr.cli` at start-up: each command imports what it runs.
"""
