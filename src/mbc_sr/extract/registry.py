"""Trial registry ids (NCT, ISRCTN, EudraCT, ...) and trial acronyms (BOLERO-2, TAMRAD, ...).

Registry ids come from the record's DataBank accessions (PubMed's structured list: only those of
trial registries, not GEO, GenBank, PDB, figshare and the other data banks it also lists; a
DataBankName this module does not know is a registry when it is named like one, see
`databank_registry_id`) and from the
title and abstract text, where they are written many ways: "NCT00863655", "ClinicalTrials.gov,
number NCT00863655", "ISRCTN, number 96169987", "ISRCTN 46020948", "EudraCT 2004-001234-56",
"UMIN000012345", "NTR4132", "KCT0002509", "ChiCTR-IOR-15006278", and a systematic review's PROSPERO
registration "CRD42020161267"; a label, bracket or sign may stand between the registry and its number
("EudraCT (2016-002676-27)", "EUDRACT n. 2005-000826-22", "NCT#02581813", "ACTRN:12609000420246", "(NTR) 1658",
"CTRI/2018/02/011,664" with a digit-group comma). Each id is normalised (registry prefix, no spaces)
so that two reports of one trial compare equal.

Trial acronyms: the review's known trials (REVIEW_TRIALS, from the protocol background) are
always recognised; other names are recognised when written the way trial names are — a
capitalised word with a number ("FIRE-3", "MONARCH 2", "NVALT19", "IMpassion130") within a few
words of "trial", "study", "randomised" or "phase" (genes and cell lines look the same), or a
capitalised word directly before or after "trial"/"study" ("the SAFIA trial", "CLOT study").
Cooperative groups, registries and common abbreviations are not trial names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import DATABANK, Sentence, whole_field_span
from mbc_sr.extract.values import Extracted
from mbc_sr.records import Record

# (registry, pattern over text, normaliser of the match groups)
_REGISTRY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ClinicalTrials.gov", re.compile(r"\bNCT[\s#:]?(\d{8})\b", re.I)),
    ("ISRCTN", re.compile(r"\bISRCTN(?:\s*registry)?[\s:,#]*(?:number|no\.?|identifier|id)?[\s:,#]*(\d{8})\b", re.I)),
    # the EudraCT number's own form (2016-002676-27) lets any label or bracket stand between: "EudraCT (...)",
    # "EUDRACT n. ...", "EudraCT N°: ...", "EudraCT-Nr. ..."
    ("EudraCT", re.compile(r"\bEudra\s?CT\b[^\d;]{0,12}?(\d{4}-\d{6}-\d{2})\b", re.I)),
    ("UMIN", re.compile(r"\bUMIN(?:-CTR)?[\s:,#]*(\d{9})\b", re.I)),
    ("JAPIC", re.compile(r"\bJapicCTI-?(\d{6})\b", re.I)),
    ("jRCT", re.compile(r"\bjRCT([a-z]?\d{9,10})\b", re.I)),
    ("ChiCTR", re.compile(r"\bChiCTR[-\s]?((?:[A-Z]{2,4}-?)?\d{6,12})\b", re.I)),
    ("ANZCTR", re.compile(r"\bACTRN[\s:]?(\d{14})\b", re.I)),
    ("CTRI", re.compile(r"\bCTRI/(\d{4}/\d{2,3}/\d{3},?\d{3})\b", re.I)),  # "011,664": a digit-group comma
    ("DRKS", re.compile(r"\bDRKS\s?(\d{8})\b", re.I)),
    ("NTR", re.compile(r"\bNTR\)?\s?(\d{3,5})\b")),  # "Nederlands Trial Register (NTR) 1658"
    ("NL", re.compile(r"(?<=[/\s(])NL(\d{4,5})\b")),
    ("CRIS", re.compile(r"\bKCT(\d{7})\b")),
    ("IRCT", re.compile(r"\bIRCT(\d{8,14}N\d{1,3})\b", re.I)),
    ("PACTR", re.compile(r"\bPACTR(\d{15})\b", re.I)),
    ("TCTR", re.compile(r"\bTCTR(\d{11})\b", re.I)),
    ("PROSPERO", re.compile(r"\bCRD\s?(\d{11})\b")),  # a systematic review's registration
)
_PREFIX = {
    "ClinicalTrials.gov": "NCT", "ISRCTN": "ISRCTN", "EudraCT": "EUDRACT", "UMIN": "UMIN",
    "JAPIC": "JapicCTI-", "jRCT": "jRCT", "ChiCTR": "ChiCTR", "ANZCTR": "ACTRN", "CTRI": "CTRI/",
    "DRKS": "DRKS", "NTR": "NTR", "NL": "NL", "CRIS": "KCT", "IRCT": "IRCT", "PACTR": "PACTR",
    "TCTR": "TCTR", "PROSPERO": "CRD",
    # DataBank-only registries (no text pattern): the prefix their ids carry, added when an accession lacks it
    "CTIS": "CTIS", "REPEC": "PER-", "LBCTR": "LBCTR", "ITMCTR": "ITMCTR",
}
#: NLM's DataBankNames of trial registries (MEDLINE Databank Sources, first table), lower-cased,
#: to the registry whose prefix normalises their accessions; a registry the module has no pattern
#: for keeps its own name (the accession is kept as written, without spaces, with the prefix its
#: ids carry when _PREFIX has one: "2019020191" under LBCTR is "LBCTR2019020191").
#: The other DataBankNames (GEO, GENBANK, RefSeq, PDB, figshare, Dryad, OMIM, SRA, BioProject,
#: dbGaP, PubChem-*, ...) hold data sets and sequences, not trials.
_TRIAL_REGISTRY_DATABANKS = {
    "clinicaltrials.gov": "ClinicalTrials.gov", "isrctn": "ISRCTN", "eudract": "EudraCT",
    "anzctr": "ANZCTR", "chictr": "ChiCTR", "cris": "CRIS", "ctri": "CTRI", "drks": "DRKS",
    "irct": "IRCT", "japiccti": "JAPIC", "jmacct": "JMACCT", "jprn": "JPRN", "jrct": "jRCT",
    "ntr": "NTR", "pactr": "PACTR", "rebec": "ReBec", "rpcec": "RPCEC", "slctr": "SLCTR",
    "tctr": "TCTR", "umin": "UMIN", "umin ctr": "UMIN", "umin-ctr": "UMIN",
    "repec": "REPEC", "lbctr": "LBCTR", "itmctr": "ITMCTR",
}
#: The EU's registers: the EU Clinical Trials Register holds EudraCT numbers (2004-001234-56, in
#: ICTRP's form "EUCTR2004-001234-56-GB" with a country), CTIS holds EU CT numbers
#: (2022-500000-00-00) and trials moved over from EudraCT; the number's form says which it is.
_EU_DATABANKS = frozenset({"eu ctr", "eu-ctr", "euctr", "ctis"})
_EU_NUMBER = re.compile(r"(?<!\d)(\d{4}-\d{6}-\d{2})(-\d{2})?(?!\d)")
#: Data repositories among NLM's DataBankNames (and similar ones): never trial registries, even
#: when the name looks like one ("TrialShare" shares trial data sets; it registers no trials).
_DATA_REPOSITORIES = frozenset(
    """
    geo genbank refseq pdb figshare dryad omim sra bioproject biosample dbgap dbsnp dbvar dataverse
    zenodo mendeley osf gdb pir swissprot uniprotkb uniparc unimes uniref pubchem-substance
    pubchem-compound pubchem-bioassay clinvar arrayexpress ena ddbj embl pride massive metabolights
    trialshare vivli
    """.split()
)
#: How a registry NLM adds later is likely named, by whole words: a token ending in "CTR" ("LBCTR", "Foo CTR"),
#: "Trial(s)", "Regist(ry|er|ration|ro|re)". Letters inside another word are none ("Spectra" holds "ctr",
#: "Industrial" holds "trial").
_REGISTRY_LIKE_NAME = re.compile(r"\b\w*ctr\b|\btrials?\b|\bregist(?:ry|ries|ers?|ration|ro|re)\b", re.I)


_ANY_DIGITS = re.compile(r"\d{3}")


def normalise_registry_id(registry: str, raw: str) -> str:
    """"NCT" + 8 digits, "ISRCTN" + 8 digits, "EUDRACT2004-001234-56", ... (spaces removed)."""
    body = re.sub(r"[\s,]+", "", raw)  # spaces, and the digit-group comma of "CTRI/2018/02/011,664"
    prefix = _PREFIX.get(registry, "")
    if body.upper().startswith(prefix.upper()):
        body = body[len(prefix):]
    if registry == "ChiCTR":
        body = body.upper().lstrip("-")
        if body[:1].isalpha():
            return f"{prefix}-{body}"  # the older form keeps its hyphens: "ChiCTR-IOR-15006278"
    return prefix + body


def registry_ids_in_sentence(sentence: Sentence, extractor: str = "registry.text") -> list[Extracted]:
    found: list[Extracted] = []
    if not _ANY_DIGITS.search(sentence.text):
        return found  # every registry id has at least three digits
    for registry, pattern in _REGISTRY_PATTERNS:
        for match in pattern.finditer(sentence.text):
            value = normalise_registry_id(registry, match.group(1))
            found.append(Extracted("registry_id", value, sentence.span(match.start(), match.end()), extractor, label=registry))
    return found


@dataclass(frozen=True, slots=True)
class DatabankRegistryId:
    """A DataBank accession read as a trial registry id: the registry and the normalised id."""

    registry: str
    value: str


def databank_registry_id(databank: str, accession: str) -> DatabankRegistryId | None:
    """The trial registry id a DataBank accession is, or None when it is no trial's id.

    PubMed's DataBank list holds trial registries and data repositories alike (GEO, GenBank,
    PDB, figshare, ...), so the DataBankName decides: NLM's trial registries (the allow-list)
    are; an accession that is written as a trial registry id the module knows ("NCT01234567") is
    one whatever databank it is filed under; and a name the module does not know is a registry
    when it is named like one (a whole word ending in "CTR", "trial(s)" or "registry" /
    "register" / "registration" / "registro") and is no known data
    repository, so that a registry NLM adds is not dropped silently (its accession is kept as
    written, without spaces). Under the EU's registers the number's form decides EudraCT or CTIS.
    """
    name = databank.strip()
    key = name.lower()
    if key in _EU_DATABANKS:
        number = _EU_NUMBER.search(accession)
        if number is not None:
            registry = "CTIS" if number.group(2) else "EudraCT"
            return DatabankRegistryId(registry, normalise_registry_id(registry, number.group(0)))
        return DatabankRegistryId(name, normalise_registry_id(name, accession))
    registry = _TRIAL_REGISTRY_DATABANKS.get(key)
    if registry is None:
        text = accession.strip()
        registry = next((known for known, pattern in _REGISTRY_PATTERNS if pattern.fullmatch(text)), None)
    if registry is None and key not in _DATA_REPOSITORIES and _REGISTRY_LIKE_NAME.search(key):
        registry = name
    if registry is None:
        return None
    return DatabankRegistryId(registry, normalise_registry_id(registry, accession))


def registry_ids(record: Record) -> list[Extracted]:
    """Registry ids from the DataBank list and the text; one entry per (id, place) found."""
    found: list[Extracted] = []
    for index, accession in enumerate(record.databank_accessions):
        registry_id = databank_registry_id(accession.databank, accession.accession)
        if registry_id is None:
            continue  # a GEO series, a GenBank sequence, a figshare item: data, not a trial
        span = whole_field_span(DATABANK, index, accession.accession)
        found.append(Extracted("registry_id", registry_id.value, span, "registry.databank", label=registry_id.registry))
    for sentence in record_sentences(record):
        found.extend(registry_ids_in_sentence(sentence))
    return found


def unique_values(values: Iterable[Extracted]) -> list[str]:
    """The distinct values, in first-seen order."""
    seen: dict[str, None] = {}
    for item in values:
        seen.setdefault(str(item.value), None)
    return list(seen)


# --------------------------------------------------------------------------- trial acronyms

#: Trials the review expects (REVIEW-BACKGROUND): always recognised, whatever their spelling.
REVIEW_TRIALS = (
    "BOLERO-1", "BOLERO-2", "BOLERO-3", "BOLERO-4", "BOLERO-5", "BOLERO-6", "TAMRAD", "HORIZON",
    "MIRACLE", "PrE0102", "BALLET", "4EVER", "EVEREXES",
)
_KNOWN = re.compile(
    r"\b(BOLERO)[\s-]?([1-6])\b|\b(TAMRAD|HORIZON|MIRACLE|BALLET|EVEREXES)\b|\b(PrE\s?0102)\b|\b(4EVER)\b"
)
#: Names that are not one trial: groups, registries, agencies, biomarkers, endpoints, designs.
NOT_TRIAL_NAMES = frozenset(
    """
    ECOG SWOG CALGB EORTC NSABP GBG GEICAM NCIC NCCTG ACOSOG RTOG NRG IBCSG ABCSG JCOG KCSG AIO
    IFCT NVALT MRC NCRI SEER NCDB NHANES NCI FDA EMA WHO ASCO ESMO SABCS AACR NCCN USA UK EU NHS
    RCT RCTS NCT ISRCTN HER2 HER3 EGFR BRCA BRCA1 BRCA2 PIK3CA AKT1 PTEN ESR1 CDK4 CDK6 TP53 KRAS
    MTOR MTORC1 MTORC2 PI3K PFS ORR DFS IDFS CBR QOL HRQOL MBC ABC TNBC DNA RNA MRI PET CT ECG
    AUC HPLC ELISA COVID SARS PCR CI HR OR RR SD IQR ITT PHASE STUDY TRIAL CLINICAL REVIEW META
    ANALYSIS CASE COHORT CTCAE RECIST WHO ECOG KPS NSCLC SCLC CRC HCC RCC AML CML CLL GIST PD-L1
    PD-1 CTLA-4 VEGF VEGFR FGFR FGFR1 IGF IGF1R ER PR AR PSA IHC FISH NGS CTDNA LMWH VKA
    """.split()
)
_NUMBERED_NAME = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*)[- ]?([1-9]\d{0,2}[A-Za-z]?)\b(?![-/.·,]?\d)")
_TRIAL_CONTEXT = re.compile(r"\b(?:trials?|study|randomi[sz]|phase)\b|\brandomi[sz]", re.I)
_WORD_NAME = re.compile(
    r"\b(?:the\s+)?([A-Z][A-Z0-9]{2,}[A-Z0-9](?:-[A-Z0-9]+)?)\s+(?:randomi[sz]ed\s+|phase\s+\S+\s+)?(?:trial|study)\b"
    r"|\b(?:trial|study)\s+\(([A-Z][A-Za-z0-9]{2,}(?:-[A-Za-z0-9]+)*)\)"
    r"|\b(?:trial|study)\s+([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)+|[A-Z]{4,}[0-9]*)(?=[\s.,;:)]|$)"
)


def _acceptable(name: str) -> bool:
    base = re.split(r"[- ]", name)[0].upper()
    return (
        name.upper() not in NOT_TRIAL_NAMES
        and base not in NOT_TRIAL_NAMES
        and sum(ch.isalpha() for ch in base) >= 3
        and not re.fullmatch(r"[A-Z]{1,2}\d+", name)
    )


def trial_acronyms(record: Record) -> list[Extracted]:
    """Trial names the record states (see the module docstring), with spans."""
    found: list[Extracted] = []
    for sentence in record_sentences(record):
        text = sentence.text
        taken: list[tuple[int, int]] = []
        for match in _KNOWN.finditer(text):
            if match.group(1):
                value = f"BOLERO-{match.group(2)}"
            else:
                value = (match.group(3) or match.group(4) or match.group(5)).replace(" ", "")
            found.append(Extracted("acronym", value, sentence.span(match.start(), match.end()), "registry.known_trial"))
            taken.append(match.span())
        for match in _NUMBERED_NAME.finditer(text):
            name, number = match.group(1), match.group(2)
            window = text[max(0, match.start() - 60):match.end() + 60]
            if not _TRIAL_CONTEXT.search(window):
                continue  # a numbered name is a trial's only when "trial"/"study"/"phase" is near
            if _overlaps(match.span(), taken) or sum(ch.isalpha() for ch in name) < 4:
                continue  # genes, cell lines and drug codes are short: CCL5, MCF-7, AKT1, RAD001
            if not _acceptable(name) or _is_dose_or_unit(text, match.end()):
                continue
            separator = " " if " " in match.group(0) else "-" if "-" in match.group(0) else ""
            value = f"{name}{separator}{number}"
            found.append(Extracted("acronym", value, sentence.span(match.start(), match.end()), "registry.numbered_name"))
            taken.append(match.span())
        for match in _WORD_NAME.finditer(text):
            group = next(index for index in (1, 2, 3) if match.group(index))
            name = match.group(group)
            span = match.span(group)
            if _overlaps(span, taken) or not _acceptable(name):
                continue
            found.append(Extracted("acronym", name, sentence.span(*span), "registry.named_trial"))
            taken.append(span)
    return found


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _is_dose_or_unit(text: str, end: int) -> bool:
    """"CCI 779 mg", "HER 2 positive"? A number followed by a unit is a dose, not a trial."""
    return bool(re.match(r"\s*(?:mg|g|ml|mL|µg|mcg|kg|%|Gy|cm|mm|h|hours?|days?|weeks?|months?)\b", text[end:]))
