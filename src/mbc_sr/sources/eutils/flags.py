"""What a review team must hear about when PubMed changes a record: retractions and the like.

A living review has already screened, maybe included, the records it holds. When PubMed
links one of them to a retraction notice (CommentsCorrections RefType="RetractionIn"), an
erratum ("ErratumIn") or an expression of concern ("ExpressionOfConcernIn"), or gives it
the publication type "Retracted Publication", the team must look at it again. A refresh
compares each fetched record with the version the store held and flags every such link
that the stored version did not have (for a record new to the store, every link it has).
"""

from __future__ import annotations

from mbc_sr.records import Record

LINK_FLAGS = {
    "RetractionIn": "retraction_in",
    "ErratumIn": "erratum_in",
    "ExpressionOfConcernIn": "expression_of_concern_in",
}
RETRACTED_TYPE = "Retracted Publication"
RETRACTED_FLAG = "retracted_publication"


def alerts(record: Record | None) -> set[tuple[str, str]]:
    """(flag, detail) pairs of a record: detail is the linked PMID (or its citation text)."""
    if record is None:
        return set()
    found = {
        (LINK_FLAGS[link.ref_type], link.pmid or (link.ref_source or "")[:300])
        for link in record.comments_corrections
        if link.ref_type in LINK_FLAGS
    }
    if any(kind.name == RETRACTED_TYPE for kind in record.publication_types):
        found.add((RETRACTED_FLAG, ""))
    return found


def new_flags(previous: Record | None, incoming: Record) -> list[tuple[str, str]]:
    """The alerts of `incoming` that `previous` (the stored version, if any) lacked, sorted.

    An incoming version older than the stored one changes nothing in the store, so it
    raises nothing either."""
    if previous is not None and incoming.version_key < previous.version_key:
        return []
    return sorted(alerts(incoming) - alerts(previous))

