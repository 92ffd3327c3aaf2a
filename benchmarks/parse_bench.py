"""Parser benchmark: mbc-sr's PubMed XML parser against a bare iterparse + clear() pass.

Run it by hand or with `make bench-parse`; it prints figures, it asserts nothing.

For each file it measures, each in a fresh child process (so peak RSS belongs to that
measurement alone), best of `--repeat` runs:

* bare: `lxml.etree.iterparse` over the gzip stream with the same tag filter, `clear()` and
  sibling deletion, doing nothing with the elements — the floor any lxml parser pays;
* full: `mbc_sr.pubmed_xml.iter_pubmed_xml`, building the complete record model (every
  field of `Record`, raw-element sha256 and deletions). It inflates and frames on one thread
  and parses runs of articles on worker threads while the main thread maps records, so its
  CPU time can exceed its wall time; both are printed.

It reports records/s, MB/s (compressed and uncompressed), CPU seconds, peak RSS, the ratio
full/bare in records/s, the mapping alone (elements → records on already-parsed runs: the
floor the Python mapping sets, whatever the parsing costs), and which parts of the record
model cost most (timed on a sample of articles held in memory, so this part's own RSS is not
the parser's).

Targets from the Foundation issue: >= 7,000 records/s with the full model on
pubmed21n1298.xml.gz, ratio >= 0.65, peak RSS <= 150 MB whatever the file size.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "pubmed"
DEFAULT_FILES = [SHARED / "pubmed21n1298.xml.gz", SHARED / "pubmed20n0014.xml.gz"]
sys.path.insert(0, str(ROOT / "src"))

TARGET_RECORDS_PER_SECOND = 7000
TARGET_RATIO = 0.65
TARGET_PEAK_RSS_MB = 150


def _bare(path: str) -> int:
    from lxml import etree

    count = 0
    with gzip.open(path, "rb") as stream:
        for _event, element in etree.iterparse(
            stream,
            events=("end",),
            tag=("PubmedArticle", "PubmedBookArticle", "DeleteCitation"),
            load_dtd=False,
            no_network=True,
            resolve_entities=False,
        ):
            if element.tag != "DeleteCitation":
                count += 1
            element.clear(keep_tail=False)
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
    return count


def _full(path: str) -> int:
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    return sum(1 for item in iter_pubmed_xml(path) if isinstance(item, ParsedRecord))


def _child(kind: str, path: str, results) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    count = _bare(path) if kind == "bare" else _full(path)
    seconds = time.perf_counter() - started
    results.put((count, seconds, time.process_time() - cpu_started, _peak_rss_mb()))


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM belongs to the process's own address space; getrusage's
    ru_maxrss would also count the parent's RSS at fork time (it survives exec on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, path: Path, repeat: int) -> tuple[int, float, float, float]:
    """(records, best seconds, CPU seconds of that run, highest peak RSS MB) over `repeat`
    fresh processes."""
    context = multiprocessing.get_context("spawn")
    best, best_cpu, peak, count = float("inf"), 0.0, 0.0, 0
    for _ in range(repeat):
        results = context.Queue()
        process = context.Process(target=_child, args=(kind, str(path), results))
        process.start()
        count, seconds, cpu_seconds, peak_mb = results.get()
        process.join()
        if seconds < best:
            best, best_cpu = seconds, cpu_seconds
        peak = max(peak, peak_mb)
    return count, best, best_cpu, peak


def mapping_alone(path: Path) -> tuple[int, float]:
    """(articles, seconds) spent in the element → record mapping only, on runs parsed first:
    what the Python mapping costs by itself, with inflating, framing and parsing taken out."""
    from mbc_sr.pubmed_xml.elements import article_record, book_article_record
    from mbc_sr.pubmed_xml.runs import parse_run
    from mbc_sr.pubmed_xml.stream import ArticleFramer, ArticleRun, check_prolog, open_chunks, peek_head

    chunks, label = open_chunks(path, None)
    head, chunks = peek_head(chunks)
    wrapper = check_prolog(head, label)
    framer = ArticleFramer(label)
    count, seconds = 0, 0.0
    for chunk in chunks:
        for piece in framer.frame(chunk):
            if not isinstance(piece, ArticleRun):
                continue
            root = parse_run(piece, wrapper)
            started = time.perf_counter()
            for element in root:
                if element.tag == "PubmedArticle":
                    article_record(element)
                else:
                    book_article_record(element)
                count += 1
            seconds += time.perf_counter() - started
    return count, seconds


def cost_breakdown(path: Path, sample: int = 5000) -> list[tuple[str, float]]:
    """Share of the record-mapping time spent in each part of the model, on `sample` articles."""
    from lxml import etree

    from mbc_sr.pubmed_xml import elements

    articles = []
    with gzip.open(path, "rb") as stream:
        for _event, element in etree.iterparse(stream, events=("end",), tag="PubmedArticle"):
            articles.append(element)
            if len(articles) >= sample:
                break
    parts = {
        "authors": "_authors",
        "history dates": "_history",
        "abstract": "_abstract",
        "article ids (DOI, PMCID)": "_article_ids",
        "journal + issue + pub date": "_journal_fields",
        "MeSH headings": "_mesh",
        "chemicals": "_chemicals",
        "comments/corrections": "_comments",
        "keywords": "_keywords",
        "data-bank accessions": "_databanks",
        "publication types": "_publication_types",
        "text flattening (title, abstract, keywords)": "flatten_text",
    }
    spent = {label: 0.0 for label in parts}
    originals = {label: getattr(elements, name) for label, name in parts.items()}

    def timed(label, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - started

        return wrapper

    for label, name in parts.items():
        setattr(elements, name, timed(label, originals[label]))
    try:
        started = time.perf_counter()
        for element in articles:
            elements.article_record(element)
        total = time.perf_counter() - started
    finally:
        for label, name in parts.items():
            setattr(elements, name, originals[label])
    # flatten_text is called inside _abstract/_keywords too: its share overlaps theirs.
    shares = sorted(((label, seconds / total) for label, seconds in spent.items()), key=lambda x: -x[1])
    shares.append(("(whole mapping, µs per article)", total / len(articles) * 1e6))
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, best of {args.repeat}\n")
    for path in args.files:
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        compressed_mb = path.stat().st_size / 1e6
        with gzip.open(path, "rb") as stream:
            raw_mb = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b"")) / 1e6
        bare_n, bare_s, bare_cpu, bare_rss = measure("bare", path, args.repeat)
        full_n, full_s, full_cpu, full_rss = measure("full", path, args.repeat)
        rate, bare_rate = full_n / full_s, bare_n / bare_s
        ratio = rate / bare_rate
        print(f"== {path.name}: {compressed_mb:.1f} MB gzip, {raw_mb:.1f} MB XML, {full_n} records")
        print(
            f"  bare iterparse+clear : {bare_s:6.2f} s  {bare_rate:8.0f} rec/s  CPU {bare_cpu:5.2f} s  "
            f"peak RSS {bare_rss:6.1f} MB"
        )
        print(
            f"  mbc-sr full model    : {full_s:6.2f} s  {rate:8.0f} rec/s  CPU {full_cpu:5.2f} s  "
            f"{compressed_mb / full_s:5.1f} MB/s gz  {raw_mb / full_s:5.1f} MB/s xml  peak RSS {full_rss:6.1f} MB"
        )
        print(f"  ratio full/bare      : {ratio:.2f}")
        mapped, mapping_s = mapping_alone(path)
        print(
            f"  mapping alone        : {mapping_s:6.2f} s  {mapped / mapping_s:8.0f} rec/s  "
            f"({mapping_s / mapped * 1e6:.0f} µs per article, parsing excluded; the main thread's floor)"
        )
        verdicts = [
            ("ratio >= %.2f" % TARGET_RATIO, ratio >= TARGET_RATIO),
            ("peak RSS <= %d MB" % TARGET_PEAK_RSS_MB, full_rss <= TARGET_PEAK_RSS_MB),
        ]
        if path.name == "pubmed21n1298.xml.gz":
            verdicts.insert(0, (f">= {TARGET_RECORDS_PER_SECOND} rec/s", rate >= TARGET_RECORDS_PER_SECOND))
        print("  targets: " + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in verdicts))
        print("  where the record mapping spends its time (share of mapping time):")
        for label, share in cost_breakdown(path):
            if label.startswith("("):
                print(f"    {label}: {share:.0f}")
            else:
                print(f"    {share:6.1%}  {label}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
