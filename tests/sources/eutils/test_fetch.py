"""efetch in POST batches: each batch archived before parsing, checked against the PMIDs
requested; missing PMIDs asked for again, then reported."""

from __future__ import annotations

from datetime import date

from mbc_sr.pubmed_xml import ParsedRecord
from mbc_sr.sources.eutils.archive import Archive
from mbc_sr.sources.eutils.fetch import Fetcher
from mbc_sr.sources.eutils.transport import EutilsTransport
from tests.support.ncbi_standin import Fault, FaultSchedule


def fetch_all(server, settings, pmids, **options):
    archive = Archive(settings.archive_dir)
    batches = []
    with EutilsTransport(settings, archive=archive.put) as transport:
        report = Fetcher(transport, **options).fetch(pmids, batches.append)
    return report, batches, archive, transport


def test_batches_are_posted_checked_archived_and_delivered_in_order(corpus, standin, fast_settings):
    server = standin(corpus)
    pmids = sorted(corpus.records, key=int)[:230]
    report, batches, archive, _ = fetch_all(server, fast_settings(server), pmids, batch_size=100, workers=3)
    assert [b.index for b in batches] == [0, 1, 2]
    assert [len(b.requested) for b in batches] == [100, 100, 30]
    assert all(s.method == "POST" and len(s.ids) <= 100 for s in server.requests_to("efetch"))
    got = [item.record.pmid for b in batches for item in b.items if isinstance(item, ParsedRecord)]
    assert sorted(got, key=int) == pmids
    assert report.records == 230 and report.missing == [] and report.batches == 3
    for batch in batches:  # every accepted body is in the archive, byte for byte
        assert archive.get(batch.body_sha256).startswith(b'<?xml version="1.0" ?>')
    # the record hashes are those of the raw XML, as an ingest of the file computes them
    first = batches[0].items[0]
    assert first.xml_sha256 == __import__("hashlib").sha256(corpus.records[first.record.pmid].xml).hexdigest()


def test_records_missing_from_a_batch_are_asked_for_again(corpus, standin, fast_settings):
    server = standin(corpus, faults=FaultSchedule([Fault("drop_records", "efetch")]))
    pmids = sorted(corpus.records, key=int)[:120]
    report, batches, _, _ = fetch_all(server, fast_settings(server), pmids, batch_size=60, workers=1)
    assert report.missing == [] and report.rerequested > 0
    got = {item.record.pmid for b in batches for item in b.items}
    assert got == set(pmids)


def test_pmids_pubmed_never_returns_are_reported_not_lost(corpus, standin, fast_settings):
    server = standin(corpus, today=date(2021, 6, 4))
    hidden = sorted(p for p, r in corpus.records.items() if r.crdt > date(2021, 6, 4))[:3]  # not in this "PubMed" yet
    pmids = sorted(corpus.records, key=int)[:20] + hidden
    report, _, _, _ = fetch_all(server, fast_settings(server), pmids, batch_size=50, missing_retries=2)
    assert report.missing == sorted(hidden, key=int)
    assert len(server.requests_to("efetch")) == 3  # the batch, then two more tries for the missing


def test_a_cut_body_is_archived_but_never_used(corpus, standin, fast_settings):
    server = standin(corpus, faults=FaultSchedule([Fault("truncate", "efetch")]))
    pmids = sorted(corpus.records, key=int)[:50]
    report, batches, archive, transport = fetch_all(server, fast_settings(server), pmids, batch_size=50)
    rejected = [e for e in transport.exchanges if e.outcome.startswith("retried")]
    assert len(rejected) == 1 and "truncated" in rejected[0].outcome
    assert archive.path(rejected[0].body_sha256).exists()  # kept as evidence of what was received
    assert report.bodies == [batches[0].body_sha256] != [rejected[0].body_sha256]
