"""Trial phase (I, Ib, I/II, II, IIb, II/III, III, IV) and design features.

Phase comes from the publication type ("Clinical Trial, Phase III") or the text ("phase III",
"phase 3", "Phase Ib", "phase 1b/2", "phase 2–3", "phase II/III"). Arabic numerals become
Roman, a range becomes "I/II"-style. A phase named in a sentence about another, earlier study
("published", "previous", "reported in", "our earlier phase III study") is not this study's (the patients' own
history, "previously treated", "prior therapy", "prior to surgery", names no other study), nor is the phase of
uncounted plural trials ("searched for phase II and III RCTs", "Phase I studies showed", "data from phase 3
studies"); counted ones ("a pooled analysis of two phase 3 trials") may be the trials this report is about, unless
of two phases ("four phase 2 and 3 trials were pooled": each trial had one, the pooled report none). Nor
is the phase of some trial ("a", "an", or "in" with no article) cited in the abstract for what it showed ("a phase
IIB randomized trial substantiated that", "has been studied in phase II randomized trial", "improved survival in a
phase III trial", "results from a phase II trial show"), when the sentence says
nothing of this study ("we", "our", "this"). A phase of drug metabolism or of recovery after anaesthesia ("phase II
enzymes", "the Phase I recovery unit") is no trial's phase at all, unless a trial's noun stands by it ("a phase III
trial of enzyme replacement therapy", "a phase 2 stroke recovery trial").
The study's phase is chosen by where it was stated: title, then publication type, then methods
and other sections; the first mention wins within a place.

Design features: randomised, double-blind, single-blind, placebo-controlled, open-label,
single-arm, crossover, multicentre, non-randomised, retrospective, prospective. A negated
form ("non-randomised") never counts as its positive.
"""

from __future__ import annotations

import re

from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import PUBLICATION_TYPE, Sentence, whole_field_span
from mbc_sr.extract.values import Extracted
from mbc_sr.records import Record

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "I": "I", "II": "II", "III": "III", "IV": "IV"}
_PHASE = re.compile(
    r"\bphase[\s-]*(IV|I{1,3}|[1-4])\s*([ab])?"
    r"(?:\s*(?:/|-|–|—|and|or|to)\s*(?:phase\s*)?(IV|I{1,3}|[1-4])\s*([ab])?)?(?![\w])",
    re.I,
)
_PUBLICATION_TYPE = re.compile(r"^Clinical Trial, Phase (I{1,3}|IV)$")
#: "previous", "prior" and "earlier" name another study, except where they tell the patients' own treatment
#: history ("previously untreated", "prior therapy", "at least one previous line") or a time ("prior to surgery").
_OTHER_STUDY = re.compile(
    r"\b(?:published|(?:previous(?:ly)?|prior|earlier)(?!\s+(?:un)?treated\b|\s+(?:lines?|therap\w*|treatments?|"
    r"chemotherap\w*|regimens?|to)\b)|reported\s+(?:in|by)|based on the results|"
    r"compared?\s+(?:with|to)\s+(?:that|those)\s+(?:reported|of))\b",
    re.I,
)


def _phase_value(match: re.Match[str]) -> str:
    first = _ROMAN[match.group(1).upper()] + (match.group(2) or "").lower()
    if match.group(3):
        second = _ROMAN[match.group(3).upper()] + (match.group(4) or "").lower()
        return f"{first}/{second}" if second != first else first
    return first


#: After a phase: a plural trial noun ("phase III trials", "phase II and III randomized controlled trials",
#: "phase 3 studies"), trials in general, not this study; the phase's own singular noun ends the reach ("phase II
#: trial included pharmacokinetic studies": the studies are the trial's parts) ...
_PLURAL_TRIALS_AFTER = re.compile(
    r"\s*(?:(?!(?:trial|study|RCT)\b)[\w-]+,?\s+){0,3}?(?:trials|studies|RCTs)\b", re.I)
#: ... unless counted ("two phase 3 trials", "4 parallel ... phase II trials", "both phase III studies"): the few
#: trials a pooled analysis or a programme is made of; or this study's ("this randomized phase II", "our phase I and
#: pharmacokinetic studies"), where no preposition stands between ("this meta-analysis of phase III trials" is not).
_COUNTED_BEFORE = re.compile(r"\b(?:two|three|four|both|[2-9])\s+(?:[\w()/-]+,?\s+){0,5}?$", re.I)
_THIS_OR_OUR_BEFORE = re.compile(
    r"\b(?:this|our)\s+(?:(?!(?:of|from|in|on|with|for|and|across|among)\b)[\w-]+,?\s+){0,3}?$", re.I)


def _names_trials_in_general(text: str, match: re.Match[str]) -> bool:
    """"relevant phase II and III RCTs were searched", "Phase I studies showed": a phase of trials in general."""
    before = text[max(0, match.start() - 60):match.start()]
    return bool(_PLURAL_TRIALS_AFTER.match(text, match.end())) and not (
        _COUNTED_BEFORE.search(before) or _THIS_OR_OUR_BEFORE.search(before))


def _trials_of_two_phases(text: str, match: re.Match[str]) -> bool:
    """"four phase 2 and 3 trials were pooled": trials counted of two phases ("and" / "or" joining them), each of
    one of them; a report pooling them has no phase of its own (not "two phase II/III trials", each of both)."""
    if not match.group(3):
        return False
    joiner = text[match.end(2) if match.group(2) else match.end(1):match.start(3)]
    return bool(re.search(r"\b(?:and|or)\b", joiner, re.I)) and bool(_PLURAL_TRIALS_AFTER_LIST.match(text, match.end()))


#: After a phase, a plural trial noun past a list of describing words ("phase 2 and 3, open-label, randomised,
#: multicentre trials").
_PLURAL_TRIALS_AFTER_LIST = re.compile(
    r",?\s*(?:(?!(?:trial|study|RCT)\b)[\w-]+,?\s+){0,5}?(?:trials|studies|RCTs)\b", re.I)


#: Before a phase: "a" or "an" (a few describing words between: "a randomized, double-blind phase III"), or "in"
#: with no article ("studied in phase II randomized trial"): some trial, not this one ...
_SOME_TRIAL_BEFORE = re.compile(r"\b(?:an?\s+(?:[\w-]+,?\s+){0,4}?|in\s+)$", re.I)
#: ... cited for what it showed ("a phase IIB randomized trial substantiated that", "has been studied in phase II
#: randomized trial", "showed activity in a phase 1 study"), in a sentence of the abstract that says nothing of this
#: one (a title names this study: "..., which showed ...: a phase 3 trial").
_CITED_FINDING = re.compile(
    r"\b(?:showed|shown|demonstrated|substantiated|proved|proven|improved|(?:was|were)\s+associated\s+with|"
    r"ha(?:s|ve)\s+been\s+(?:studied|tested|evaluated|investigated|assessed))\b",
    re.I,
)
#: A finding in the present tense only as the trial's own verb, right after it ("results from a phase II clinical
#: trial show promising efficacy", "data from a phase 3 trial demonstrate", "data in a phase 2 trial with lecanemab
#: suggest"): elsewhere such a verb tells this study's conclusion ("These data suggest ... in a phase II setting"), a
#: purpose ("to assess whether V shows", "a phase II trial was designed to show") or another clause's finding ("in a
#: phase II trial, ...; the response rate suggests activity").
_PRESENT_FINDING_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|RCTs?)"
    r"(?:\s+(?!(?:to|whether|if|was|were|is|are|be|been|that|which|who|and)\b)[\w-]+){0,3}?\s+"
    r"(?:shows?|demonstrates?|suggests?)\b", re.I)
_THIS_STUDY = re.compile(r"\b(?:we|our|this|present|current|here)\b", re.I)
#: The verb of a clause about the patients tells their history, not a trial's finding ("patients who had shown an
#: inadequate response", "whose tumours had shown progression", "tumours that had proven resistant") ...
_PATIENTS_HISTORY_BEFORE = re.compile(
    r"\b(?:who\s+(?:ha(?:d|ve)\s+)?|whose\s+(?:[\w-]+\s+){1,3}?(?:ha(?:d|ve|s)\s+)?|that\s+ha(?:d|ve)\s+)"
    r"(?:previously\s+|not\s+)?$", re.I)
#: ... and a finding told well past the trial belongs to the rest of the sentence, not to the trial.
_FINDING_REACH = 80


def _states_a_trials_finding(text: str, match: re.Match[str]) -> bool:
    """A finding verb before the phase, or within reach after it, that is not the patients' history; or the trial's
    own verb in the present tense."""
    return bool(_PRESENT_FINDING_AFTER.match(text, match.end())) or any(
        not _PATIENTS_HISTORY_BEFORE.search(text[max(0, verb.start() - 60):verb.start()])
        for verb in _CITED_FINDING.finditer(text) if verb.start() <= match.end() + _FINDING_REACH)


def _cites_some_trial(sentence: Sentence, match: re.Match[str]) -> bool:
    """"a phase IIB randomized trial substantiated that ...": a trial cited for its finding, not this study."""
    text = sentence.text
    return bool(sentence.field != "title" and _SOME_TRIAL_BEFORE.search(text[max(0, match.start() - 60):match.start()])
                and _states_a_trials_finding(text, match) and not _THIS_STUDY.search(text))


#: After a phase, a word of pharmacology or of care that makes it no trial's phase: "phase I and II metabolism",
#: "phase II enzymes", "phase I biotransformation", "the Phase I recovery unit", "phase 1 post anesthesia care unit",
#: "Phase-I and Phase-II reopening", and a place named by a phase ("discharge from the Phase I unit").
#: A trial's own noun between the phase and the word, or right after the word, keeps it a trial's phase ("a phase III
#: trial of enzyme replacement therapy", "this phase II trial recovery of neutrophils ...", "a phase 2 stroke
#: recovery trial", "a phase 3 trial during lockdown").
_NOT_A_TRIAL_PHASE_AFTER = re.compile(
    r"\s*(?:(?!(?:trials?|stud(?:y|ies)|RCTs?|programmes?|programs?)\b)[\w-]+\s+){0,2}?"
    r"(?:metaboli\w*|enzymes?|detoxif\w*|biotransformation|conjugation|recovery|"
    r"post[\s-]?an(?:a)?esthesia|PACU|units?|reopening|lockdown)\b"
    r"(?!\s+(?:[\w-]+\s+)?(?:trials?|stud(?:y|ies)|RCTs?)\b)",
    re.I,
)


def phases_in_sentence(sentence: Sentence) -> list[Extracted]:
    found = []
    other_study = bool(_OTHER_STUDY.search(sentence.text))
    for match in _PHASE.finditer(sentence.text):
        if _NOT_A_TRIAL_PHASE_AFTER.match(sentence.text, match.end()):
            continue  # a phase of drug metabolism or of recovery after anaesthesia, not of a trial
        about_others = (other_study or _names_trials_in_general(sentence.text, match)
                        or _cites_some_trial(sentence, match) or _trials_of_two_phases(sentence.text, match))
        found.append(
            Extracted(
                "phase", _phase_value(match), sentence.span(match.start(), match.end()),
                "design.phase_text", label="other study" if about_others else None,
            )
        )
    return found


def phases(record: Record) -> list[Extracted]:
    """Every trial phase stated (publication types, then text); `label="other study"` marks mentions
    made about another study. A phase of drug metabolism or of recovery after anaesthesia ("phase II enzymes", "the
    Phase I recovery unit") is no trial's phase and is left out."""
    found: list[Extracted] = []
    for index, publication_type in enumerate(record.publication_types):
        match = _PUBLICATION_TYPE.match(publication_type.name)
        if match:
            span = whole_field_span(PUBLICATION_TYPE, index, publication_type.name)
            found.append(Extracted("phase", _ROMAN[match.group(1)], span, "design.publication_type"))
    for sentence in record_sentences(record):
        found.extend(phases_in_sentence(sentence))
    return found


def study_phase(record: Record, found: list[Extracted] | None = None) -> Extracted | None:
    """This study's phase: title first, then publication type, then the abstract; mentions
    about other studies are skipped."""
    candidates = [item for item in (found if found is not None else phases(record)) if item.label != "other study"]
    for place in ("title", PUBLICATION_TYPE, "abstract"):
        for item in candidates:
            if item.span.field == place:
                return item
    return None


_DESIGN = (
    ("non-randomised", re.compile(r"\b(?:non|not)[\s-]?randomi[sz]ed\b", re.I)),
    ("randomised", re.compile(r"\b(?<![-\w])randomi[sz](?:ed|ation)\b|\brandomly\s+(?:assigned|allocated|divided)\b", re.I)),
    ("double-blind", re.compile(r"\bdouble[\s-]+(?:blind(?:ed)?|masked|dummy)\b", re.I)),
    ("single-blind", re.compile(r"\bsingle[\s-]+(?:blind(?:ed)?|masked)\b", re.I)),
    ("placebo-controlled", re.compile(r"\bplacebo[\s-]+controlled\b|\bversus\s+placebo\b|\bor\s+placebo\b", re.I)),
    ("open-label", re.compile(r"\bopen[\s-]+label(?:l?ed)?\b", re.I)),
    ("single-arm", re.compile(r"\bsingle[\s-]+(?:arm|group)\b|\bone[\s-]+arm(?:ed)?\b", re.I)),
    ("crossover", re.compile(r"\bcross[\s-]?over\s+(?:study|trial|design)\b|\bcross[\s-]?over,", re.I)),
    ("multicentre", re.compile(r"\bmulti[\s-]?(?:cent(?:re|er)|institution(?:al)?|national)\b", re.I)),
    ("retrospective", re.compile(r"\bretrospective(?:ly)?\b", re.I)),
    ("prospective", re.compile(r"\bprospective(?:ly)?\b", re.I)),
)
_PUBLICATION_TYPE_DESIGN = {
    "Randomized Controlled Trial": "randomised",
    "Multicenter Study": "multicentre",
    "Controlled Clinical Trial": "controlled",
}


def design_features(record: Record) -> list[Extracted]:
    """Design features with their spans (one entry per mention)."""
    found: list[Extracted] = []
    for index, publication_type in enumerate(record.publication_types):
        feature = _PUBLICATION_TYPE_DESIGN.get(publication_type.name)
        if feature:
            span = whole_field_span(PUBLICATION_TYPE, index, publication_type.name)
            found.append(Extracted("design", feature, span, "design.publication_type"))
    for sentence in record_sentences(record):
        negated: list[tuple[int, int]] = []
        for feature, pattern in _DESIGN:
            for match in pattern.finditer(sentence.text):
                if feature == "randomised" and any(s <= match.start() < e for s, e in negated):
                    continue
                if feature == "non-randomised":
                    negated.append(match.span())
                found.append(Extracted("design", feature, sentence.span(match.start(), match.end()), "design.text"))
    return found


def design_summary(found: list[Extracted]) -> list[str]:
    """The distinct features, in a fixed order; "non-randomised" wins over a stray "randomised"
    only when no publication type says randomised."""
    features = {item.value for item in found}
    order = [name for name, _ in _DESIGN] + ["controlled"]
    return [name for name in order if name in features]
