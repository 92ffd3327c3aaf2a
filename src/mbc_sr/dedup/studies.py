"""Study linkage: reports of one trial grouped as one study — a grouping separate from duplicates.

A trial is reported many times (the primary analysis, updated survival, subgroup and
quality-of-life analyses, conference abstracts); these are different reports, never merged
as duplicates, but a review counts and extracts by study. Two reports are linked when they
share:

* a ClinicalTrials.gov id (NCT + 8 digits, from the record's data-bank list or its title or
  abstract) — the registry id is the study's identity; or
* a trial acronym (BOLERO-2, PALOMA-3, TAMRAD) with a compatible design: no conflicting
  registry ids (both have NCT ids and none shared) and no conflicting trial phase (both state
  one, and they differ). An acronym is a capitalised name with a number ("BOLERO-2") or a
  capitalised word directly followed by "trial"/"study"; cooperative-group names (ECOG,
  SWOG, ...) and common abbreviations (HER2, RCT, PFS, ...) are not acronyms of one trial.

Links are computed over one record per duplicate cluster (the survivors) with union-find,
and returned with the basis of each link so a reviewer can check it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from mbc_sr.dedup.cluster import UnionFind
from mbc_sr.records import NCT_ID, Record

__all__ = ["StudyGroup", "StudyKeys", "link_studies", "study_keys", "trial_acronyms", "trial_phases"]

# a capitalised name ("TAMRAD", "MONALEESA"), optionally with a number ("BOLERO-2", "PALOMA 3")
_CANDIDATE = re.compile(r"\b([A-Z][A-Z0-9]{2,}[A-Z])(?:[- ]?(\d{1,2}[A-Z]?))?\b(?![-/.]\d)")
_CONTEXT_AFTER = re.compile(r"^\)?(?:\s+[\w-]+){0,2}?\s+(?:trial|trials|study|studies|investigators)\b", re.I)
_CONTEXT_BEFORE = re.compile(r"\b(?:trial|study)\s*\(?\s*$", re.I)
_PHASE = re.compile(r"\bphase\s*(?:(I{1,3}V?|IV|[1-4])(?:\s*(?:/|-|and)\s*(I{1,3}|[1-3]))?)([ab])?\b", re.I)
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

#: names that are not one trial: cooperative groups, registries, databases, common abbreviations
NOT_TRIAL_ACRONYMS = frozenset(
    """
    ECOG SWOG CALGB EORTC NSABP GBG GEICAM NCIC NCCTG ACOSOG RTOG NRG IBCSG ABCSG JCOG KCSG
    SEER NCDB NHANES NCI FDA EMA WHO ASCO ESMO SABCS AACR NCCN USA UK EU RCT RCTS NCT
    HER2 HER3 HER4 EGFR BRCA BRCA1 BRCA2 PIK3CA AKT1 PTEN ESR1 CDK4 CDK6 TP53 KRAS MTOR PI3K
    PFS ORR DFS IDFS CBR QOL HRQOL MBC ABC TNBC DNA RNA MRI PET CT ECG AUC HPLC ELISA COVID
    SARS PCR CI HR OR RR SD IQR PHASE STUDY TRIAL CLINICAL REVIEW META ANALYSIS CASE COHORT
    REGISTRATION DESIGN AIMS AIM METHODS RESULTS BACKGROUND OBJECTIVE OBJECTIVES CONCLUSION
    CONCLUSIONS PURPOSE INTRODUCTION SETTING PARTICIPANTS INTERVENTIONS FINDINGS THIS THE OUR
    """.split()
)


@dataclass(frozen=True, slots=True)
class StudyKeys:
    """What links a record to a study."""

    nct_ids: frozenset[str]
    acronyms: frozenset[str]
    phases: frozenset[str]


@dataclass(frozen=True, slots=True)
class StudyGroup:
    """Reports (indices into the records given) of one study, and the basis of each link."""

    members: tuple[int, ...]
    basis: tuple[str, ...]  # e.g. ("nct:NCT00863655", "acronym:BOLERO-2")


def trial_acronyms(text: str) -> frozenset[str]:
    """Trial acronyms named in `text`, normalised ("BOLERO 2" / "BOLERO2" -> "BOLERO-2").

    A capitalised name counts only where the text uses it as a trial's name: directly
    followed (within three words) by trial/study/investigators, or preceded by "trial" or
    "study" ("the phase III trial BOLERO-2"). Biomedical text is full of capitalised names with
    numbers that are genes, proteins and cell lines (SIRT-1, PALB-2, SKBR-3); only the trial
    context tells them apart.
    """
    found: set[str] = set()
    lowered = text.lower()
    if "trial" not in lowered and "stud" not in lowered and "investigator" not in lowered:
        return frozenset()  # no trial context anywhere: nothing to find (and most records are quick)
    for match in _CANDIDATE.finditer(text):
        name, number = match.group(1), match.group(2)
        if name in NOT_TRIAL_ACRONYMS or sum(ch.isalpha() for ch in name) < 3:
            continue
        after = text[match.end() : match.end() + 60]
        before = text[max(0, match.start() - 40) : match.start()]
        if _CONTEXT_AFTER.match(after) or _CONTEXT_BEFORE.search(before):
            found.add(f"{name}-{number}" if number else name)
    return frozenset(found)


def trial_phases(text: str) -> frozenset[str]:
    """Trial phases stated in `text` as "1".."4" (a "phase I/II" trial states both)."""
    phases: set[str] = set()
    for first, second, _ in _PHASE.findall(text):
        for value in (first, second):
            if value:
                phases.add(_ROMAN.get(value.upper(), value))
    return frozenset(phases)


def study_keys(record: Record) -> StudyKeys:
    """The registry ids, trial acronyms and phases a record states."""
    # section texts without their labels: "TRIAL REGISTRATION:", "STUDY DESIGN:" are headings
    text = "\n".join((record.title, *(section.text for section in record.abstract)))
    nct = set(record.nct_ids)
    if "nct" in text.lower():
        nct.update(NCT_ID.findall(text.upper()))
    return StudyKeys(frozenset(nct), trial_acronyms(text), trial_phases(text))


def _compatible(a: StudyKeys, b: StudyKeys) -> bool:
    if a.nct_ids and b.nct_ids and not (a.nct_ids & b.nct_ids):
        return False
    if a.phases and b.phases and not (a.phases & b.phases):
        return False
    return True


def _pool(a: StudyKeys, b: StudyKeys) -> StudyKeys:
    return StudyKeys(a.nct_ids | b.nct_ids, a.acronyms | b.acronyms, a.phases | b.phases)


def link_studies(records: Sequence[Record]) -> list[StudyGroup]:
    """Groups of two or more reports of one study among `records` (see the module docstring)."""
    keys = [study_keys(record) for record in records]
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(keys):
        for nct in item.nct_ids:
            by_key[f"nct:{nct}"].append(index)
        for acronym in item.acronyms:
            by_key[f"acronym:{acronym}"].append(index)
    uf = UnionFind(len(records))
    bases: dict[int, set[str]] = defaultdict(set)
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        # an acronym is shared by reports whose designs agree: members are gathered greedily
        # into groups whose NCT ids and phases (pooled) do not conflict
        groups: list[tuple[list[int], StudyKeys]] = []
        for member in members:
            for group, pooled in groups:
                if key.startswith("nct:") or _compatible(pooled, keys[member]):
                    group.append(member)
                    groups[groups.index((group, pooled))] = (group, _pool(pooled, keys[member]))
                    break
            else:
                groups.append(([member], keys[member]))
        for group, _pooled in groups:
            for other in group[1:]:
                uf.union(group[0], other)
            if len(group) > 1:
                for member in group:
                    bases[member].add(key)
    groups = []
    for members in uf.groups():
        basis = sorted(set().union(*(bases[m] for m in members)))
        groups.append(StudyGroup(tuple(members), tuple(basis)))
    return groups
