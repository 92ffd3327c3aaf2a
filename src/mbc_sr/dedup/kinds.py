"""What kind of record this is: an article, or a notice about one (erratum, retraction, ...),
and whether it is a conference paper/abstract.

Deduplication never merges records of different kinds: an erratum, retraction notice,
expression of concern, comment or reply is a record of its own about an article, and a
conference abstract is a different report from the journal article of the same work.
"""

from __future__ import annotations

import re

__all__ = ["ARTICLE", "COMMENT", "CONCERN", "ERRATUM", "REPLY", "RETRACTION", "is_conference", "notice_kind"]

# a "RETRACTED:" watermark on a title is the retracted article itself, not a notice
RETRACTED_LABEL = re.compile(r"^\s*(?:retracted(?: article)?|withdrawn)\s*[:.\-]\s*", re.I)

#: what a record is, for the rule that a notice is never merged with the article it concerns
ARTICLE, ERRATUM, RETRACTION, CONCERN, COMMENT, REPLY = (
    "article", "erratum", "retraction", "expression of concern", "comment", "reply",
)  # fmt: skip

_PT_KINDS = {
    "published erratum": ERRATUM,
    "retraction of publication": RETRACTION,
    "expression of concern": CONCERN,
    "comment": COMMENT,
}
_CC_KINDS = {"erratumfor": ERRATUM, "retractionof": RETRACTION, "expressionofconcernfor": CONCERN, "commenton": COMMENT}
_TITLE_KINDS = (
    (re.compile(r"^(?:erratum|errata|corrigend(?:um|a)|correction|notice of correction|author correction|publisher correction)\b", re.I), ERRATUM),
    (re.compile(r"^(?:retraction(?: note| notice| statement)?|notice of retraction|retraction of)\b", re.I), RETRACTION),
    (re.compile(r"^(?:(?:editorial )?expression of concern)\b", re.I), CONCERN),
    (re.compile(r"^(?:in reply|reply|response|authors?'? reply|authors?'? response|the authors reply|rebuttal)\b", re.I), REPLY),
    (re.compile(r"^(?:comment(?:ary)? on|comments on|re\s*:|letter to the editor|regarding)\b", re.I), COMMENT),
)  # fmt: skip


def notice_kind(title: str | None, publication_types: tuple[str, ...] = (), comment_links: tuple[str, ...] = ()) -> str:
    """"article", or the kind of notice a record is: erratum, retraction, expression of
    concern, comment or reply.

    PubMed says it in the publication type ("Published Erratum", "Retraction of Publication",
    "Comment") and in CommentsCorrections (a record with "ErratumFor" *is* the erratum);
    other databases only in the title ("Erratum: ...", "Retraction note to ...", "Reply to
    ..."), which is read too. A "RETRACTED:" watermark is the article itself, not a notice.
    """
    for name in publication_types:
        kind = _PT_KINDS.get(name.lower())
        if kind:
            return kind
    for link in comment_links:
        kind = _CC_KINDS.get(link.lower().replace(" ", ""))
        if kind:
            return kind
    if title:
        stripped = title.lstrip("[( ")
        if not RETRACTED_LABEL.match(stripped):
            for pattern, kind in _TITLE_KINDS:
                if pattern.match(stripped):
                    return kind
    return ARTICLE


_CONFERENCE_PT = ("congress", "conference", "meeting abstract", "conference abstract", "conference paper", "proceedings")
# "Proceedings of the National Academy of Sciences" is a journal, so "proceedings" alone is no sign
_CONFERENCE_VENUE = re.compile(r"\b(?:conference|congress|symposium|annual meeting|scientific meeting|colloquium|workshop)\b", re.I)


def is_conference(publication_types: tuple[str, ...], venue: str | None, entry_type: str | None = None) -> bool:
    """A conference paper or abstract (which is a different report from the journal article of
    the same work, not a copy of it): by publication/entry type, else by the venue's name."""
    if entry_type and entry_type.lower() in ("inproceedings", "conference", "proceedings", "conference paper", "conference abstract"):
        return True
    if any(name.lower() in _CONFERENCE_PT for name in publication_types):
        return True
    return bool(venue and _CONFERENCE_VENUE.search(venue))
