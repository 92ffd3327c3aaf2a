"""Arms: the mTOR inhibitor (with dose and schedule when stated), partner drugs and the comparator.

Drug names come from the review protocol (REVIEW-BACKGROUND): every mTOR-family inhibitor with its
code names and brands, the partner drugs seen in these trials and common comparators. A drug
mention keeps its dose ("everolimus 10 mg/day", "10 mg everolimus", "(7.5 mg/m2, d1-d14)") and
schedule ("once daily", "weekly", "every 3 weeks") when written next to it.

The arm structure is read from "A plus B versus C" phrasing (title first, then methods): the side
that holds an mTOR inhibitor is the intervention, the other the comparator; "B ± A" and "B with or
without A" give intervention A + B and comparator B alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence, Span
from mbc_sr.records import Record

MTOR_INHIBITORS: dict[str, tuple[str, ...]] = {
    "everolimus": ("everolimus", "RAD001", "RAD-001", "RAD 001", "Afinitor", "Zortress", "Certican"),
    "temsirolimus": ("temsirolimus", "CCI-779", "CCI779", "CCI 779", "Torisel"),
    "sirolimus": ("sirolimus", "rapamycin", "Rapamune"),
    "ridaforolimus": ("ridaforolimus", "deforolimus", "AP23573", "MK-8669", "MK8669"),
    "vistusertib": ("vistusertib", "AZD2014"),
    "sapanisertib": ("sapanisertib", "MLN0128", "TAK-228", "INK128"),
    "AZD8055": ("AZD8055",),
    "gedatolisib": ("gedatolisib", "PF-05212384"),
    "dactolisib": ("dactolisib", "BEZ235", "NVP-BEZ235"),
    "apitolisib": ("apitolisib", "GDC-0980"),
    "voxtalisib": ("voxtalisib", "XL765"),
    "samotolisib": ("samotolisib", "LY3023414"),
    "bimiralisib": ("bimiralisib", "PQR309"),
}
PARTNER_DRUGS = (
    "exemestane", "letrozole", "anastrozole", "tamoxifen", "fulvestrant", "trastuzumab", "pertuzumab",
    "lapatinib", "neratinib", "vinorelbine", "paclitaxel", "nab-paclitaxel", "docetaxel", "capecitabine",
    "eribulin", "gemcitabine", "carboplatin", "cisplatin", "cyclophosphamide", "doxorubicin", "epirubicin",
    "bevacizumab", "alpelisib", "buparlisib", "palbociclib", "ribociclib", "abemaciclib", "goserelin",
    "leuprorelin", "megestrol", "metformin", "aromatase inhibitor", "non-steroidal aromatase inhibitor",
    "steroidal aromatase inhibitor", "endocrine therapy", "hormone therapy", "chemotherapy",
)
COMPARATORS = (
    "placebo", "best supportive care", "supportive care", "observation", "standard of care",
    "physician's choice", "treatment of physician's choice",
)
_NAMES: list[tuple[str, str, str]] = (
    [(synonym, canonical, "mtor_inhibitor") for canonical, names in MTOR_INHIBITORS.items() for synonym in names]
    + [(name, name, "partner") for name in PARTNER_DRUGS]
    + [(name, name, "comparator") for name in COMPARATORS]
)
_BY_NAME = {name.lower(): (canonical, role) for name, canonical, role in reversed(_NAMES)}
_DRUG = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in sorted(_BY_NAME, key=len, reverse=True)) + r")s?(?![\w-])",
    re.I,
)
_DOSE = r"\d+(?:[.·]\d+)?\s*(?:mg|µg|μg|mcg|g|IU)(?:\s*/\s*(?:m2|m²|kg|day|d|week|wk))?(?:\s*/\s*(?:day|d|week|wk))?"
_SCHEDULE = (
    r"(?:once|twice|three\s+times)\s+(?:daily|a\s+day|weekly|a\s+week)|daily|weekly|bi-?weekly|"
    r"every\s+(?:\d+|two|three|four)\s+(?:days|weeks)|on\s+days?\s+[\d,\s–-]+(?:and\s+\d+)?|q\.?d\.?|b\.?i\.?d\.?|"
    r"(?:orally|intravenously|i\.v\.|p\.o\.|per\s+os)"
)
_DOSE_AFTER = re.compile(r"\s*[(,]?\s*(?P<dose>" + _DOSE + r")(?:[\s,]*(?P<schedule>" + _SCHEDULE + r"))?", re.I)
_DOSE_BEFORE = re.compile(r"(?P<dose>" + _DOSE + r")(?:\s+(?:of\s+)?)$", re.I)


@dataclass(frozen=True, slots=True)
class DrugMention:
    drug: str  # canonical name
    role: str  # "mtor_inhibitor", "partner", "comparator"
    dose: str | None
    schedule: str | None
    span: Span
    extractor: str


def drugs_in_sentence(sentence: Sentence) -> list[DrugMention]:
    text = sentence.text
    found = []
    for match in _DRUG.finditer(text):
        word = match.group(0).lower()
        canonical, role = _BY_NAME.get(word) or _BY_NAME[word[:-1]]
        dose = schedule = None
        end = match.end()
        after = _DOSE_AFTER.match(text, match.end())
        if after:
            dose, schedule, end = after.group("dose"), after.group("schedule"), after.end()
        else:
            before = _DOSE_BEFORE.search(text[max(0, match.start() - 25):match.start()])
            if before:
                dose = before.group("dose")
        found.append(DrugMention(canonical, role, _clean(dose), _clean(schedule), sentence.span(match.start(), end),
                                 "arms.drug_dictionary"))
    return found


def _clean(text: str | None) -> str | None:
    return " ".join(text.replace("·", ".").split()) if text else None


@dataclass(frozen=True, slots=True)
class ArmStructure:
    """Intervention and comparator as drug lists, read from one "A versus B" (or "B ± A") phrase."""

    intervention: tuple[str, ...]
    comparator: tuple[str, ...]
    span: Span
    extractor: str


_VERSUS = re.compile(r"\s(?:versus|vs\.?|compared\s+with|or)\s", re.I)
_WITH_OR_WITHOUT = re.compile(r"\s*(?:±|\+/-|with\s+or\s+without|plus\s+or\s+minus)\s*", re.I)


def arm_structure_in_sentence(sentence: Sentence, drugs: list[DrugMention] | None = None) -> ArmStructure | None:
    text = sentence.text
    drugs = drugs_in_sentence(sentence) if drugs is None else drugs
    if not any(d.role == "mtor_inhibitor" for d in drugs):
        return None
    for split in _WITH_OR_WITHOUT.finditer(text):
        left = [d for d in drugs if d.span.end - sentence.start <= split.start() and split.start() - (d.span.end - sentence.start) < 60]
        right = [d for d in drugs if 0 <= d.span.start - sentence.start - split.end() < 5]
        if right and right[0].role == "mtor_inhibitor" and left:
            partners = tuple(dict.fromkeys(d.drug for d in left if d.role != "comparator"))
            return ArmStructure(partners + (right[0].drug,), partners, sentence.span(left[0].span.start - sentence.start, split.end() + len(right[0].span.text)), "arms.with_or_without")
    for split in _VERSUS.finditer(text):
        left = [d for d in drugs if d.span.end - sentence.start <= split.start() and split.start() - (d.span.start - sentence.start) < 80]
        right = [d for d in drugs if d.span.start - sentence.start >= split.end() and (d.span.start - sentence.start) - split.end() < 80]
        if not left or not right:
            continue
        left_names = tuple(dict.fromkeys(d.drug for d in left))
        right_names = tuple(dict.fromkeys(d.drug for d in right))
        left_mtor = any(d.role == "mtor_inhibitor" for d in left)
        right_mtor = any(d.role == "mtor_inhibitor" for d in right)
        if left_mtor == right_mtor:
            continue
        intervention, comparator = (left_names, right_names) if left_mtor else (right_names, left_names)
        start = min(d.span.start for d in left + right) - sentence.start
        end = max(d.span.end for d in left + right) - sentence.start
        return ArmStructure(intervention, comparator, sentence.span(start, end), "arms.versus")
    return None


def arms(record: Record) -> tuple[list[DrugMention], ArmStructure | None]:
    """Every drug mention, and the arm structure from the first sentence that states one
    (title, then abstract order)."""
    mentions: list[DrugMention] = []
    structure = None
    for sentence in record_sentences(record):
        found = drugs_in_sentence(sentence)
        mentions.extend(found)
        if structure is None and found:
            structure = arm_structure_in_sentence(sentence, found)
    return mentions, structure
