"""The live PubMed source: NCBI E-utilities (esearch + efetch), built for a living review.

Modules, in the order a refresh uses them:

* `settings` — the `[eutils]` config table and its environment overrides (the API key
  comes from `NCBI_API_KEY` only);
* `throttle` — one token bucket per process (3 requests/s, 10 with a key);
* `transport` — POSTs with timeouts, back-off + jitter, Retry-After; every body archived
  before it is read; `errors` says what is retried and what never is (query errors);
* `replies` — reading esearch/efetch bodies (complete? an error inside a 200?);
* `search` — Count and the full PMID list, split by Create Date past 9,999 hits, reconciled;
* `fetch` — efetch in POST batches, each checked against the PMIDs requested;
* `archive` — the content-addressed, compressed store of raw bodies;
* `flags` — retraction / erratum / expression-of-concern alerts;
* `manifest` — the run's provenance record;
* `refresh` — incremental refresh of a saved search (search phase, fetch-and-store phase);
* `replay` — rebuilding a run's records from its archive, offline.

Nothing here imports Prefect; `flows/refresh.py` wraps `refresh` in tasks.
"""
