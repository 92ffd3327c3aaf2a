"""Extraction: trial data read from titles, abstracts and structured fields, every value with its span.

One module per kind of value — `registry` (registry ids, trial acronyms), `design` (phase, design
features), `participants` (totals, per arm), `arms` (mTOR inhibitor, dose, partners,
comparator), `population` (subtype, menopause, line of therapy), `effects` (hazard ratios),
`medians`, `rates` (ORR/CBR, grade >= 3 adverse events) — over shared pieces: `sentences`,
`numbers` (digits with separators, number words), `outcomes` (outcome names, p-values), `brackets`, `spans`.
`record` runs them all on one record; `table` combines records into study rows and diffs two
versions of the evidence base; `sheets` writes CSV/XLSX safely. Pure functions over records:
nothing here touches the store or the network.
"""

from mbc_sr.extract.record import RecordExtraction, extract_record, record_row

__all__ = ["RecordExtraction", "extract_record", "record_row"]
