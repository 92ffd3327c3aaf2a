"""Small builders shared by the extraction tests."""

from __future__ import annotations

from mbc_sr.extract.spans import Sentence, source_text
from mbc_sr.records import AbstractSection, CommentCorrection, DataBankAccession, PublicationType, Record


def sentence(text: str, label: str | None = "RESULTS") -> Sentence:
    return Sentence("abstract", 0, 0, text, label)


def record(
    abstract: str | list[tuple[str | None, str]] = "",
    title: str = "",
    key: str = "1",
    publication_types: tuple[str, ...] = (),
    databank: tuple[tuple[str, str], ...] = (),
    comments: tuple[str, ...] = (),
) -> Record:
    if isinstance(abstract, str):
        sections = (AbstractSection(text=abstract),) if abstract else ()
    else:
        sections = tuple(AbstractSection(text=text, label=label) for label, text in abstract)
    return Record(
        source="pubmed", source_record_id=key, pmid=key, title=title, abstract=sections,
        publication_types=tuple(PublicationType(name) for name in publication_types),
        databank_accessions=tuple(DataBankAccession(bank, acc) for bank, acc in databank),
        comments_corrections=tuple(CommentCorrection(ref_type, pmid="999") for ref_type in comments),
    )


def assert_span_points_at(rec: Record, span, expected_text: str) -> None:
    """The span's offsets cut exactly `expected_text` out of the field it names."""
    assert span.text == expected_text
    assert source_text(rec, span)[span.start:span.end] == expected_text
    start, end = span.in_sentence
    assert span.sentence[start:end] == expected_text
