"""Where an extracted value came from: the field, the sentence, and exact character offsets.

Every value the extractors produce carries a `Span`. Offsets are into the text of one field of
the record: the title (`field="title"`), one abstract section (`field="abstract"`, `section`
its index in `record.abstract`), or a structured field (`"databank"`, `"publication_type"`,
where the offsets cover the stored string). So `span.text == source_text(record, span)[span.start:span.end]`
always holds, and a reviewer sees the whole sentence (`span.sentence`) next to the value.
"""

from __future__ import annotations

from dataclasses import dataclass

from mbc_sr.records import Record

TITLE = "title"
ABSTRACT = "abstract"
DATABANK = "databank"
PUBLICATION_TYPE = "publication_type"


@dataclass(frozen=True, slots=True)
class Span:
    """The exact text a value was read from.

    `start`/`end` are offsets into the field's text (`source_text`); `sentence_start` is where
    the enclosing sentence starts in that text and `sentence` is the sentence itself.
    """

    field: str
    section: int | None
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int

    @property
    def where(self) -> str:
        """"title", "abstract[2]" (third section), "databank[0]", ..."""
        return self.field if self.section is None else f"{self.field}[{self.section}]"

    @property
    def in_sentence(self) -> tuple[int, int]:
        """Offsets of the value inside `sentence`."""
        return self.start - self.sentence_start, self.end - self.sentence_start

    def label(self) -> str:
        """A compact reference for tables: "abstract[2]:120-135"."""
        return f"{self.where}:{self.start}-{self.end}"


def source_text(record: Record, span: Span) -> str:
    """The whole text of the field a span points into."""
    if span.field == TITLE:
        return record.title
    if span.field == ABSTRACT:
        return record.abstract[span.section].text
    if span.field == DATABANK:
        return record.databank_accessions[span.section].accession
    if span.field == PUBLICATION_TYPE:
        return record.publication_types[span.section].name
    raise ValueError(f"unknown span field {span.field!r}")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one field, with its offset in the field's text."""

    field: str
    section: int | None
    start: int
    text: str
    label: str | None = None  # the abstract section label ("RESULTS"), when there is one

    def span(self, start: int, end: int) -> Span:
        """A span for `self.text[start:end]` (offsets relative to this sentence)."""
        return Span(
            field=self.field,
            section=self.section,
            start=self.start + start,
            end=self.start + end,
            text=self.text[start:end],
            sentence=self.text,
            sentence_start=self.start,
        )


def whole_field_span(field: str, section: int | None, text: str) -> Span:
    """A span covering a whole structured field (a data-bank accession, a publication type)."""
    return Span(field, section, 0, len(text), text, text, 0)
