"""PRISMA counts on the hand-built review (tests/report/conftest.py), worked out by hand here."""

from __future__ import annotations

import pytest

from mbc_sr.report.prisma import DELETED_REASON, PrismaIdentityError, compute_counts
from mbc_sr.report.prisma_store import counts_from_store, cutoff_for_run, read_inputs
from mbc_sr.dedup.store_io import duplicate_counts_by_source
from tests.report.conftest import decide


def test_latest_counts_equal_the_hand_worked_numbers(review_store):
    c = counts_from_store(review_store)
    # identified: PubMed pmid 1..6 (run 1) + 7..11 (run 3; pmid 1 again is not new) = 11; Embase 4
    assert c.databases == {"Embase": 4, "PubMed": 11} and c.identified == 15 and c.registers == {}
    # duplicates: cluster pmid:1 = {pmid:1, embase:1, pmid:7} -> 2 (Embase 1, PubMed 1);
    # pmid:2 = {pmid:2, embase:2} -> Embase 1; pmid:5 = {pmid:5, pmid:6} -> PubMed 1
    assert c.duplicates_by_source == {"Embase": 2, "PubMed": 2} and c.duplicates == 4
    # 15 - 4 = 11 unique: automation pmid:3, embase:4; other: pmid:9 (deleted, unscreened)
    assert c.automation == 2 and c.automation_reasons == {"NLM-indexed review": 1, "erratum or retraction notice": 1}
    assert c.removed_other == 1 and c.removed_other_reasons == {DELETED_REASON: 1}
    # 11 - 3 = 8 = screened 7 (pmid 1, 2, 5, 8, 11 in; pmid 4, embase:3 out) + awaiting 1 (pmid:10)
    assert (c.screened, c.excluded, c.awaiting_screening) == (7, 2, 1)
    # sought 7 - 2 = 5; not retrieved pmid:5; assessed pmid 1, 2, 8, 11 = 4 = 5 - 1
    assert (c.sought, c.not_retrieved, c.assessed, c.awaiting_retrieval) == (5, 1, 4, 0)
    assert c.reports_excluded == 2 and c.reports_excluded_reasons == {"wrong comparator": 1, "wrong population": 1}
    # included reports pmid:1 and pmid:8, one study (both NCT01234567)
    assert (c.new_reports, c.new_studies, c.total_reports, c.total_studies) == (2, 1, 2, 1)
    assert c.included_studies == ("NCT01234567",)


def test_identification_agrees_with_the_dedup_stores_per_source_duplicates(review_store):
    c = counts_from_store(review_store)
    by_source = {d.source: (d.records, d.duplicates) for d in duplicate_counts_by_source(review_store)}
    assert by_source == {name: (c.databases[name], c.duplicates_by_source[name]) for name in c.databases}


def test_counts_as_of_the_first_refresh(review_store):
    c = counts_from_store(review_store, as_of="2")  # run 2, decisions made before run 3 started
    assert c.as_of == "run 2" and c.databases == {"Embase": 4, "PubMed": 6}
    # duplicates embase:1, embase:2, pmid:6 = 3; 10 - 3 = 7 unique; automation 2 -> screened 5
    assert (c.duplicates, c.automation, c.removed_other) == (3, 2, 0)
    assert (c.screened, c.excluded, c.awaiting_screening, c.sought) == (5, 2, 0, 3)
    assert (c.not_retrieved, c.assessed, c.reports_excluded, c.new_reports, c.new_studies) == (1, 2, 1, 1, 1)


def test_update_since_the_last_published_version(review_store):
    u = counts_from_store(review_store, since="run:2")
    assert u.template == "update" and u.since == "run 2"
    # since run 2: PubMed 11 - 6 = 5 new, Embase 0; duplicates 4 - 3 = 1 (pmid:7); deleted 1
    assert u.databases == {"Embase": 0, "PubMed": 5} and u.duplicates == 1 and u.automation == 0 and u.removed_other == 1
    # 5 - 2 = 3 = screened 2 (pmid 8, 11) + awaiting 1; both included -> sought 2, assessed 2
    assert (u.screened, u.excluded, u.awaiting_screening, u.carried_screening) == (2, 0, 1, 0)
    assert (u.sought, u.not_retrieved, u.assessed, u.reports_excluded) == (2, 0, 2, 1)
    assert u.reports_excluded_reasons == {"wrong comparator": 1}
    # pmid:8 is a new report of the already-included NCT01234567 study: 1 new report, 0 new studies
    assert (u.new_reports, u.new_studies, u.previous_reports, u.previous_studies) == (1, 0, 1, 1)
    assert (u.total_reports, u.total_studies) == (2, 1)


def test_a_record_excluded_at_both_stages_raises_the_identity_error(review_store):
    decide(review_store, "ft", [("pmid:4", "exclude", "wrong population")])  # pmid:4 was excluded at ta
    with pytest.raises(PrismaIdentityError) as caught:
        counts_from_store(review_store)
    message = str(caught.value)
    assert "sought 5" in message and "assessed 5" in message and "= 4" in message


def test_decisions_on_a_record_never_identified_break_the_first_identity(review_store):
    inputs = read_inputs(review_store)
    cutoff = cutoff_for_run(review_store, 1)  # only PubMed's first run: Embase's records not yet found
    with pytest.raises(PrismaIdentityError, match=r"identified 6 .*but screened"):
        compute_counts(inputs, cutoff.__class__(1, None, "run 1 with every later decision"))
    assert cutoff.at is not None
