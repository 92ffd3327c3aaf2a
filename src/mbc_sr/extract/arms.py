"""Arms: the mTOR inhibitor (with dose and schedule when stated), partner drugs and the comparator.

Drug names come from the review protocol (REVIEW-BACKGROUND): every mTOR-family inhibitor with its
code names and brands, the partner drugs seen in these trials and common comparators. A drug
mention keeps its dose ("everolimus 10 mg/day", "10 mg everolimus", "(7.5 mg/m2, d1-d14)") and
schedule ("once daily", "weekly", "every 3 weeks") when written next to it.

The arm structure is read from "A plus B versus C" phrasing (title first, then methods): the side
that holds an mTOR inhibitor is the intervention, the other the comparator; "B ± A" and "B with or
without A" give intervention A + B and comparator B alone. "A or B" names arms only after words that assign or
compare treatments ("randomized to A or B"), with a comparator on a side ("A or placebo", "A plus B or B alone"), or
opening a trial's title ("A or B in postmenopausal women"): elsewhere it lists therapies a cohort received (a bare
"Patients received A or B" assigns nothing), and "and either A or B", "at the investigator's discretion", "per
physician's choice", "then" or "followed by" make it one arm's choice or sequence. "A or placebo, both with B" and
"A or placebo with B" give B to both arms.

Partner drugs are the drugs given in the trial. A partner drug named as prior therapy or an eligibility condition
("progressing after nonsteroidal aromatase inhibitors", "pretreated with", "resistant to", "prior chemotherapy",
"trastuzumab-resistant") or in the background ("BACKGROUND" section, "Letrozole is a nonsteroidal aromatase
inhibitor ...") is "other_therapy", in no arm, as is one named prior after it ("letrozole was used as prior
therapy", "letrozole previously failed", "letrozole had failed"), one right after "after" ("an option after
letrozole", unless its list holds the mTOR inhibitor or a word of giving it follows, "after letrozole
administration", a time point) or an "X-treated" form of animals, cells or samples ("tamoxifen-treated rats"). A bare "had received" is
the study's own treatment when its list names the mTOR inhibitor, and a statement whose subject names the mTOR
inhibitor ("Everolimus plus exemestane is an effective option") is about the study's regimen, not background. A
class ("aromatase inhibitor") named beside a partner drug of it is not listed again (`partner_drugs`).

Arm sizes: the per-group counts the participant reader proposes are reviewed here, each in its sentence, and
those that count something other than a compared group are refused (`arm_sizes`): an event fraction
("n=37/53"), a share of a population ("(n = 31, 94%)", unless the shares make up the whole), the n of a
statistic ("(SMD = -0.12, ..., P = 0.32, n = 294)"), a count of the studies of a review ("Eighteen studies were
included: randomised trials (n = 4), ..."), the sexes of a sample ("(25 men and 22 women)"), a breakdown of things
("73 schools (37 intervention and 36 control)", "Seventeen studies (11 cohort studies, ...)"), people
of a group who had an event ("Two patients in the A group complained of rashes") and a planned size ("a sample
size of 1000 per group"), n's after things counted ("400 attacks (A, n = 150; ...)"), a breakdown by group of those
who left or came to harm ("8 withdrew (five in the A and three in the B group)") and, once allocated sizes are stated,
the people of each group who completed or finished. Each refusal is kept narrow, as a wrong one takes a trial's real arms: a women-only trial's
"fulvestrant 500 mg (362 women)" is no sex breakdown, "120 patients from 10 hospitals (60 in the intervention arm
...)" no breakdown of hospitals, "(n = 120, 65% ER-positive)" a group with its baseline share.
Some per-group phrasings the participant reader does not propose are read here (`proposed_arm_sizes`): a gapped list
("79 received A, 39 B and 36 C"), "19 subjective groups and 15 objective group patients were studied", "582
antihistamine-treated and 557 placebo-treated patients", "99 patients (azelastine = 53, placebo = 46)", "(OCA 1, 40
patients)" in a sentence of groups and "156 completed the study (78 in A and 78 in B)" and "90 patients were randomised (A 46; B 44)" (names that stand
where the record allocates or compares), "a group of 59 children ... compared to that of a sample of 59 children", "given
... to 221 and 212 patients, respectively", "In 117 patients the treatment was A, and in 90 patients B", "a study of A
(in 205 patients) and B (in 218 patients)" and a lone "compared with placebo (n = 41)" after a sentence of groups' n's.
They go to the arms only; the
total is still weighed against the participant reader's proposals alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbc_sr.extract.brackets import innermost_open_bracket, matching_close
from mbc_sr.extract.numbers import Count, find_counts
from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence, Span
from mbc_sr.extract.values import Extracted
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
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in sorted(_BY_NAME, key=len, reverse=True)) + r")s?"
    # a drug ends at a word's end, or at a hyphen that joins how it was given or met ("paclitaxel-treated",
    # "trastuzumab-based", "tamoxifen-resistant", "trastuzumab-pretreated")
    r"(?:(?![\w-])|(?=[-‐‑](?:treated|based|containing|resistant|refractory|pre-?treated|exposed|naive|naïve)\b))",
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
    #: "mtor_inhibitor", "partner", "comparator", or "other_therapy": a partner drug named as prior therapy, an
    #: eligibility condition or background ("progressing after letrozole", "Tamoxifen is the standard ..."), which
    #: is no drug of the trial's arms
    role: str
    dose: str | None
    schedule: str | None
    span: Span
    extractor: str


#: A phrase before a drug that makes it prior therapy or an eligibility condition: "after failure of", "recurring or
#: progressing after", "pretreated with", "resistant to", "refractory to", "prior", "previously treated with", "who had
#: received". "prior to" (a time) and "progression with" ("time to progression with A") are none.
#: "had received" / "have been treated with" alone (group `weak`) says only that the drugs were given: it names prior
#: therapy unless its list holds an mTOR inhibitor, the study's own treatment ("we reviewed 120 patients who had
#: received everolimus and exemestane at our institution").
_PRIOR_BEFORE = re.compile(
    r"\b(?:(?:after|following|despite|upon)\s+(?:the\s+)?(?:failure|progression|relapse|recurrence|progressive\s+disease|"
    r"intolerance|resistance)\s+(?:of|on|to|after|during|while\s+on|under)"
    r"|(?:progress(?:ing|ed|ion)?|recurr(?:ing|ed|ence)|relaps(?:ing|ed|e)|fail(?:ing|ed|ure)|"
    r"(?:disease\s+)?progression)\s+(?:on|after|during|following|under|of|while\s+(?:on|receiving))"
    r"|pre-?treated\s+with|heavily\s+pre-?treated\s+with"
    r"|previously\s+(?:been\s+)?(?:treated|received|exposed|given)(?:\s+(?:with|to))?"
    r"|(?:had|have|has)\s+(?:(?:already|also)\s+)?previously\s+(?:received|been\s+(?:treated|exposed)|undergone)"
    r"(?:\s+(?:with|to))?"
    r"|(?:had|have|has)\s+(?:(?:already|also)\s+)?(?:been\s+exposed|failed)(?:\s+(?:with|to))?"
    r"|(?P<weak>(?:had|have|has)\s+(?:(?:already|also)\s+)?(?:received|been\s+treated|undergone)(?:\s+with)?)"
    r"|(?:exposed|resistant|resistance|refractory|insensitive|intolerant|intolerance|naive|naïve)\s+to"
    r"|(?:ineligible|unsuitable|unfit)\s+for"
    r"|(?:prior|previous|preceding|earlier)(?!\s+to\b)"
    r"|after\s+(?:[\w≥<>-]+\s+){0,3}?(?:lines?|regimens?|courses?)\s+of"
    r"|(?:at\s+least|more\s+than|(?:not|no)\s+more\s+than|up\s+to|≥)\s*(?:[\w-]+\s+){0,2}?(?:lines?|regimens?)\s+of)\b",
    re.I,
)
#: A drug named as prior therapy by what follows it: "trastuzumab-resistant", "tamoxifen-pretreated", "letrozole
#: failure", "AI-refractory", "tamoxifen resistance".
_PRIOR_AFTER = re.compile(
    r"[-‐‑\s](?:resistant|resistance|refractory|pre-?treated|exposed|naive|naïve|failure|failed|intolerant)\b", re.I)
#: A prior-therapy cue after a drug, in its clause: "letrozole was used as prior therapy", "tamoxifen as prior
#: treatment", "tamoxifen and anastrozole were given as previous therapy", "had had letrozole previously". It reaches
#: back over the list the drug ends ("tamoxifen and letrozole previously"). "previously" followed by a verb
#: ("exemestane previously showed a benefit") is no cue, except a verb of prior therapy: "letrozole previously failed",
#: "letrozole, previously given, ...", "letrozole had failed".
_PRIOR_AFTER_CLAUSE = re.compile(
    r"\s+(?:(?:was|were|had\s+been|been)\s+)?(?:(?:used|given|administered|received)\s+)?as\s+(?:an?\s+|the\s+|their\s+)?"
    r"(?:prior|previous|preceding|earlier)\s+(?:[\w-]+\s+)?(?:therapy|therapies|treatments?|lines?|regimens?)\b"
    r"|\s+(?:(?:was|were|had\s+been)\s+(?:used|given|administered|received)\s+)?previously(?=\s*(?:[.,;:)]|$))"
    r"|,?\s+(?:(?:which\s+)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?previously\s+"
    r"(?:failed|given|received|administered|used)\b"
    r"|\s+(?:had|has|have)\s+(?:(?:previously|already)\s+)?failed\b",
    re.I)
#: A word that puts two drugs in sequence: a prior cue after the second ("A after B had failed") does not reach back to
#: the first.
_SEQUENCE_WORD = re.compile(r"\b(?:after|before|following|then)\b", re.I)
#: "after" right before a drug ("an effective option after letrozole", "after a nonsteroidal aromatase inhibitor"): the
#: drug, and the list it opens, came before. Not a time ("after 8 weeks of A", "after A administration": see
#: `_AFTER_TIME_POINT`) nor the study's regimen ("survival after everolimus and exemestane": a list that holds an mTOR
#: inhibitor).
_AFTER_RIGHT_BEFORE = re.compile(
    r"\bafter\s+(?:(?:an?|the)\s+)?(?:(?:non-?steroidal|steroidal|third-generation)\s+)?$", re.I)
#: What follows the list an "after" opens when "after" is a time point of the trial, not prior therapy: a word of
#: giving or starting the drugs ("after letrozole administration", "after paclitaxel infusion", "after exemestane
#: dosing/exposure/intake", "after letrozole treatment start", "after letrozole was started"). "after letrozole
#: therapy/treatment" alone stays prior therapy. (A time word before the drug, "after starting letrozole", "after the
#: first dose of paclitaxel", "after 4 cycles of paclitaxel", never puts the drug right after "after".)
_AFTER_TIME_POINT = re.compile(
    r"\)?\s*(?:(?:treatment|therapy)\s+)?(?:administrations?|initiation|start|starting|onset|commencement|dosing|"
    r"doses?|infusions?|injections?|intake|ingestion|exposure|cycles?|courses?)\b"
    r"|\)?\s*(?:was|were|had\s+been)\s+(?:(?:first|initially)\s+)?(?:started|initiated|begun|commenced|administered|"
    r"infused|injected)\b",
    re.I)
#: The words that join one drug to the next of the list an "after" opens (a dose of the first skipped).
_AFTER_LIST_GLUE = re.compile(
    r"\s*(?:,\s*)?(?:(?:and|or|and/or|plus|with|combined\s+with|in\s+combination\s+with)\s+)?(?:(?:an?|the)\s+)?", re.I)
#: A hyphen form "X-treated" / "X-exposed" and the words after it: the drug is the trial's only when what was treated
#: is people ("exemestane-treated patients", "the fulvestrant-treated group"), not animals, cells or samples
#: ("tamoxifen-treated rats", "chemotherapy-treated samples", "trastuzumab-treated tumour xenografts").
_TREATED_FORM = re.compile(r"[-‐‑](?:treated|exposed)\s+(?P<words>(?:[\w-]+\s+){0,3}[\w-]+)", re.I)
_TREATED_PEOPLE = re.compile(
    r"^(?:patients?|women|woman|men|man|people|persons?|subjects?|participants?|individuals?|cases?|adults?|girls?|"
    r"children|volunteers?|survivors?|cohorts?|groups?|arms?|populations?|disease)$", re.I)
_TREATED_THINGS = re.compile(
    r"^(?:rats?|mice|mouse|animals?|dogs?|rabbits?|models?|cells?|lines?|samples?|specimens?|tissues?|tumou?rs?|"
    r"xenografts?|organoids?|cultures?|spheroids?|explants?|biopsies|sera|serum|plasma)$", re.I)


def _treats_no_people(text: str, end: int) -> bool:
    """Whether the drug ending at `end` is an "X-treated" / "X-exposed" form of animals, cells or samples: the first
    of the next four words that names people or things decides; neither, it stays the trial's drug."""
    form = _TREATED_FORM.match(text, end)
    if not form:
        return False
    for word in form.group("words").split():
        if _TREATED_PEOPLE.match(word):
            return False
        if _TREATED_THINGS.match(word):
            return True
    return False


#: Words that end the reach of a prior-therapy phrase: a verb of the trial ("were randomized to", "received") or a
#: comparison; a clause break does as well ([.;:]).
_PRIOR_REACH_ENDS = re.compile(
    r"[.;:]|\b(?:were|was|is|are|be|randomi[sz]ed|randomly|assigned|allocated|received?|receiving|given|treated|"
    r"enrol+ed|included|versus|vs|compared|who|which|then|now|currently|combined|combination|plus|alone)\b", re.I)
#: At most so many words between a prior-therapy phrase and its first drug ("after failure of a nonsteroidal
#: aromatase inhibitor", "prior treatment with trastuzumab"), or between the drugs of its list.
_PRIOR_GAP_WORDS = 4

#: Section labels of an abstract's background.
_BACKGROUND_LABEL = re.compile(r"^(?:BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE)\b")
#: A sentence that states the study itself ("We assessed", "This study", "the aim was"): never background.
_STUDY_STATED = re.compile(
    r"\b(?:we|our|this\s+(?:study|trial|analysis|report)|the\s+present\s+(?:study|trial)|here|aims?|aimed|objectives?|"
    r"purpose|randomi[sz]ed|randomly|assigned|allocated|enrol+ed|patients\s+(?:were|received))\b", re.I)
#: A general statement about a drug: "Letrozole is a nonsteroidal aromatase inhibitor used to treat ...",
#: "Endocrine therapy is the mainstay of treatment", "Fulvestrant has been approved for ...".
_GENERAL_STATEMENT = re.compile(
    r"\b(?:is|are|remains?|has\s+been|have\s+been)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:approved|standard|"
    r"mainstay|backbone|cornerstone|option|drug|agent|antagonist|antiestrogen|anti-estrogen|downregulator|degrader|"
    r"modulator|inhibitor|antibody)s?\b", re.I)


_MTOR_NAME = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for names in MTOR_INHIBITORS.values() for name in names) + r")(?![\w])",
    re.I)


def _background_sentence(sentence: Sentence) -> bool:
    """A sentence of the abstract's background, or a general statement about a drug, when it does not state the study.

    The title never is: it names the trial's own treatments. Outside the background a statement whose subject names an
    mTOR inhibitor ("Everolimus plus exemestane is an effective option ...") is about the study's regimen, not
    background; one about another drug alone ("Letrozole is a nonsteroidal aromatase inhibitor") still is."""
    if sentence.label == "TITLE" or _STUDY_STATED.search(sentence.text):
        return False
    if _BACKGROUND_LABEL.match(sentence.label or ""):
        return True
    text = sentence.text
    for statement in _GENERAL_STATEMENT.finditer(text):
        subject = re.split(r"[;:]", text[:statement.start()])[-1]
        if not _MTOR_NAME.search(subject):
            return True
    return False


#: The words that join the drugs of one list: "letrozole or anastrozole", "tamoxifen and/or an aromatase inhibitor".
_LIST_GLUE = re.compile(r"^(?:and|or|and/or|plus|with|a|an|the|other|either|both)$", re.I)


def _within_reach(gap: str, other_words: int = _PRIOR_GAP_WORDS) -> bool:
    if _PRIOR_REACH_ENDS.search(gap):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w/-]*", re.sub(r"\([^()]{0,30}\)", " ", gap)) if not _LIST_GLUE.match(w)]
    return len(words) <= other_words


def _name_of(match: re.Match[str]) -> tuple[str, str]:
    """The canonical name and role of a drug matched by `_DRUG` (a plural "-s" dropped)."""
    word = match.group(0).lower()
    return _BY_NAME.get(word) or _BY_NAME[word[:-1]]


@dataclass(frozen=True, slots=True)
class _PriorReading:
    """Whether a drug is named as prior therapy, and the start of the bare "had received" cue its reading rests on
    (None for any other cue), so that a list holding the mTOR inhibitor can be read as the study's treatment."""

    prior: bool
    weak_cue: int | None = None


def _prior_therapy(text: str, start: int, end: int, previous: tuple[int, _PriorReading] | None) -> _PriorReading:
    """Whether the drug at text[start:end] is named as prior therapy or an eligibility condition: a prior-therapy
    phrase shortly before it with no other drug between, a suffix ("-resistant"), or the list it ends ("pretreated
    with anthracyclines, docetaxel and capecitabine": the drug before it was prior, joined by list words only)."""
    if _PRIOR_AFTER.match(text, end):
        return _PriorReading(True)
    cues = list(_PRIOR_BEFORE.finditer(text, max(previous[0] if previous else 0, start - 90), start))
    if cues:
        cue = cues[-1]
        if not _within_reach(text[cue.end():start]):
            return _PriorReading(False)
        return _PriorReading(True, cue.start() if cue.group("weak") else None)
    if previous is not None and previous[1].prior:
        gap = text[previous[0]:start]
        if len(gap) <= 40 and _within_reach(gap, other_words=1):
            return previous[1]
    return _PriorReading(False)


def _prior_readings(text: str, matches: list[re.Match[str]]) -> list[bool]:
    """Each drug's prior-therapy reading in the sentence: a cue before it (carried along its list), a cue after it in
    its clause (carried back over its list), and a bare "had received" whose list holds an mTOR inhibitor undone."""
    readings: list[_PriorReading] = []
    previous: tuple[int, _PriorReading] | None = None
    for match in matches:
        reading = _prior_therapy(text, match.start(), match.end(), previous)
        readings.append(reading)
        previous = (match.end(), reading)
    prior = [r.prior for r in readings]
    for i in range(len(matches) - 1, -1, -1):
        if _PRIOR_AFTER_CLAUSE.match(text, matches[i].end()):
            prior[i] = True
            j = i
            while j > 0 and len(gap := text[matches[j - 1].end():matches[j].start()]) <= 40 and _within_reach(gap, 1) \
                    and not _SEQUENCE_WORD.search(gap):
                j -= 1
                prior[j] = True
    for chain in _after_lists(text, matches):
        if not any(_name_of(matches[j])[1] == "mtor_inhibitor" for j in chain):
            for j in chain:
                prior[j] = True
    study_treatment = {r.weak_cue for r, m in zip(readings, matches)
                       if r.weak_cue is not None and _name_of(m)[1] == "mtor_inhibitor"}
    return [p and not (r.weak_cue is not None and r.weak_cue in study_treatment) for p, r in zip(prior, readings)]


def _after_lists(text: str, matches: list[re.Match[str]]) -> list[list[int]]:
    """The drugs (by index) of each list that "after" opens right before its first drug: "after letrozole or
    anastrozole", "after everolimus plus exemestane"; none where a word of giving or starting them follows the list
    ("after letrozole administration"), as "after" is then a time point of the trial."""
    chains: list[list[int]] = []
    i = 0
    while i < len(matches):
        if not _AFTER_RIGHT_BEFORE.search(text[max(0, matches[i].start() - 50):matches[i].start()]):
            i += 1
            continue
        chain = [i]
        while chain[-1] + 1 < len(matches):
            end = matches[chain[-1]].end()
            dose = _DOSE_AFTER.match(text, end)
            end = dose.end() if dose else end
            glue = _AFTER_LIST_GLUE.match(text, end)
            if glue is None or glue.end() != matches[chain[-1] + 1].start():
                break
            chain.append(chain[-1] + 1)
        end = matches[chain[-1]].end()
        dose = _DOSE_AFTER.match(text, end)
        if not _AFTER_TIME_POINT.match(text, dose.end() if dose else end):
            chains.append(chain)
        i = chain[-1] + 1
    return chains


def drugs_in_sentence(sentence: Sentence) -> list[DrugMention]:
    """Every drug named in `sentence`; a partner drug named as prior therapy, eligibility or background gets the
    role "other_therapy", as it is no drug of the trial."""
    text = sentence.text
    found = []
    background = _background_sentence(sentence)
    matches = list(_DRUG.finditer(text))
    for match, prior in zip(matches, _prior_readings(text, matches)):
        canonical, role = _name_of(match)
        if role == "partner" and (background or prior or _treats_no_people(text, match.end())):
            role = "other_therapy"
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


_VERSUS = re.compile(r"\s(?:versus|vs\.?|compared\s+with|(?P<or>or))\s", re.I)
#: An assignment right before a list, where its "A or B" names two arms: "randomized to", "randomly assigned (1:1) to
#: receive either", "allocated in a 2:1 ratio to", "randomized 120 women to receive". Only right before the list: a
#: word of randomisation, comparison or "arms" earlier in the sentence ("In this randomized study, patients received A
#: or B") assigns nothing, and elsewhere "A or B" is a list of therapies received ("use of everolimus or eribulin was
#: recorded in the cohort").
_ASSIGNED_RIGHT_BEFORE = re.compile(
    r"\b(?:randomi[sz]ed|(?:randomly\s+)?(?:assigned|allocated))"
    r"(?:\s+(?:\(?\d+\s*:\s*\d+\)?|in\s+an?\s+\d+\s*:\s*\d+\s+ratio))?"
    r"\s+to\s+(?:receive\s+)?(?:either\s+)?$"
    # "to receive" after such a verb and its object, in one clause: "randomized 120 women to receive A or B"
    r"|\b(?:randomi[sz]ed|assigned|allocated)\b[^.;:,]{0,40}?\bto\s+receive\s+(?:either\s+)?$", re.I)
_WITH_OR_WITHOUT = re.compile(r"\s*(?:±|\+/-|with\s+or\s+without|plus\s+or\s+minus)\s*", re.I)
#: A choice within one arm or a sequence, around "A or B": "everolimus and either letrozole or exemestane", "... at the
#: investigator's discretion", "per physician's choice", "letrozole or anastrozole, then everolimus", "followed by".
#: The "or" then names no arms, whatever else the sentence says.
_OR_WITHIN_ONE_ARM = re.compile(
    r"\b(?:and|plus|with|combined\s+with)\s+either\b"
    r"|\b(?:at|per|by|according\s+to|upon)\s+(?:the\s+)?(?:(?:treating|attending)\s+)?"
    r"(?:investigator|physician|clinician|doctor|oncologist)s?(?:'s|’s|'|’)?\s+(?:discretion|choice|decision|preference)"
    r"|\bat\s+(?:the\s+)?discretion\s+of\b"
    r"|\b(?:then|followed\s+by|subsequently|thereafter)\b", re.I)
#: A side given alone, a comparator by nature: "or letrozole alone", "letrozole (2.5 mg daily) alone or ...".
_ALONE_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?alone\b", re.I)
#: The words a trial's title may open with before its treatments ("Randomized phase II trial of A or B in ...").
_TITLE_LEAD = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:randomi[sz]ed|phase\s+[\w/]+|double-blind(?:ed)?|open-label|placebo-controlled|"
    r"multicent(?:er|re)|controlled|clinical|pilot)[\s,]+)*(?:(?:trial|study)\s+of\s+)?$", re.I)
#: What ends a trial title's treatments: its population or setting ("in postmenopausal women", "for advanced breast
#: cancer"), a colon or the end.
_TITLE_TAIL = re.compile(r"(?:\s+alone)?(?:\s*$|\s*[:.(–—]|\s+(?:in|for|among|as)\s)", re.I)
#: A drug given in both arms, named after them: "A or placebo, both with B".
_SHARED = re.compile(r",?\s+(?:both|each)\s+(?:with|plus|combined\s+with|in\s+combination\s+with)\s", re.I)


def _or_names_arms(sentence: Sentence, split: re.Match[str], left: list[DrugMention], right: list[DrugMention]) -> bool:
    """Whether "A or B" at `split` names two arms, not therapies a cohort received nor a choice or sequence within one
    arm: a comparator on a side ("A or placebo", "A plus B or B alone": one by nature), an assignment right before
    the list ("randomized to A or B", "randomly assigned (1:1) to receive either A or B"; not such a word anywhere
    earlier in the sentence), or a trial's title that opens with them and goes on to its
    population ("A or B in postmenopausal women"). A bare "received" / "were given" / "were treated with" assigns
    nothing: "Patients received paclitaxel or docetaxel with everolimus" is one arm's choice of taxane. Nor does any
    of these hold against a choice or sequence around the "or" (`_OR_WITHIN_ONE_ARM`)."""
    text = sentence.text
    first = min(d.span.start for d in left) - sentence.start
    last = max(d.span.end for d in right) - sentence.start
    if _OR_WITHIN_ONE_ARM.search(text, first, min(len(text), last + 40)):
        return False
    if any(d.role == "comparator" for d in left + right) \
            or any(_ALONE_AFTER.match(text, d.span.end - sentence.start) for d in left + right):
        return True
    if _ASSIGNED_RIGHT_BEFORE.search(text[max(0, first - 80):first]):
        return True
    if sentence.label == "TITLE" and _TITLE_LEAD.match(text[:first]):
        return bool(_TITLE_TAIL.match(text, last))
    return False


#: What joins a drug to the one added to it: "placebo with exemestane", "placebo plus exemestane".
_ADDED_WITH = re.compile(r"\s*,?\s*(?:with|plus|combined\s+with|in\s+combination\s+with)\s", re.I)


def _added_to_both(text: str, offset: int, left: list[DrugMention], right: list[DrugMention]) -> bool:
    """"Everolimus or placebo with exemestane": the mTOR inhibitor alone against a comparator (or the other way round)
    and a drug added after the second, which then goes with both, as "both with B" says outright. (Two drugs on the
    first side, "A plus B or placebo with B", name their arm in full.)"""
    return len(left) == 1 and len(right) >= 2 and {left[0].role, right[0].role} == {"mtor_inhibitor", "comparator"} \
        and _ADDED_WITH.match(text, right[0].span.end - offset) is not None


def arm_structure_in_sentence(sentence: Sentence, drugs: list[DrugMention] | None = None) -> ArmStructure | None:
    text = sentence.text
    drugs = drugs_in_sentence(sentence) if drugs is None else drugs
    # prior therapy, eligibility and background drugs are in no arm
    drugs = [d for d in drugs if d.role != "other_therapy"]
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
        if split.group("or") and not _or_names_arms(sentence, split, left, right):
            continue
        # a drug named after both arms as given to both ("A or placebo, both with B") joins each
        shared_from = _SHARED.search(text, split.end(), min(d.span.end for d in right) - sentence.start + 80)
        shared: tuple[str, ...] = ()
        if shared_from:
            shared = tuple(dict.fromkeys(d.drug for d in right if d.span.start - sentence.start >= shared_from.end()))
            right = [d for d in right if d.span.start - sentence.start < shared_from.start()] or right
        elif _added_to_both(text, sentence.start, left, right):
            shared = tuple(dict.fromkeys(d.drug for d in right[1:]))
            right = right[:1]
        left_names = tuple(dict.fromkeys([d.drug for d in left] + list(shared)))
        right_names = tuple(dict.fromkeys([d.drug for d in right] + list(shared)))
        left_mtor = any(d.role == "mtor_inhibitor" for d in left)
        right_mtor = any(d.role == "mtor_inhibitor" for d in right)
        if left_mtor == right_mtor:
            continue
        intervention, comparator = (left_names, right_names) if left_mtor else (right_names, left_names)
        start = min(d.span.start for d in left + right) - sentence.start
        end = max(d.span.end for d in left + right) - sentence.start
        return ArmStructure(intervention, comparator, sentence.span(start, end), "arms.versus")
    return None


#: Drug classes, and the partner drugs of each: a class named beside a drug of it adds nothing to the trial's partners
#: ("everolimus plus exemestane ... everolimus combined with an aromatase inhibitor").
_AROMATASE_INHIBITORS = ("letrozole", "anastrozole", "exemestane")
_ENDOCRINE = _AROMATASE_INHIBITORS + ("tamoxifen", "fulvestrant", "goserelin", "leuprorelin", "megestrol")
_CLASS_MEMBERS: dict[str, tuple[str, ...]] = {
    "aromatase inhibitor": _AROMATASE_INHIBITORS,
    "non-steroidal aromatase inhibitor": ("letrozole", "anastrozole"),
    "steroidal aromatase inhibitor": ("exemestane",),
    "endocrine therapy": _ENDOCRINE,
    "hormone therapy": _ENDOCRINE,
    "chemotherapy": ("vinorelbine", "paclitaxel", "nab-paclitaxel", "docetaxel", "capecitabine", "eribulin",
                     "gemcitabine", "carboplatin", "cisplatin", "cyclophosphamide", "doxorubicin", "epirubicin"),
}


def partner_drugs(mentions: list[DrugMention]) -> list[str]:
    """The trial's partner drugs, first mention first: drugs given in the trial (no prior therapy, eligibility or
    background), without a class named beside a drug of that class."""
    names = list(dict.fromkeys(m.drug for m in mentions if m.role == "partner"))
    return [name for name in names if not set(_CLASS_MEMBERS.get(name, ())) & set(names)]


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


# --------------------------------------------------------------------------- arm sizes

#: "n=102/155": the numerator of a fraction (a numerator above its denominator is none: "(n = 152/148)" are two sizes).
_FRACTION_AFTER = re.compile(r"\s*/\s*(\d+)")
#: The share the n is of, after it in its bracket: "(n = 31, 94%)", "(n = 15, 25%)": people with some trait or answer,
#: not a group compared, unless the shares of the sentence make up the whole sample (see
#: `_shares_partition_the_sample`). (A percentage before the n is no such sign: "25.5% (n = 770) versus 74.5% (n =
#: 2246)" are groups, "(20.8%, N=125)" a group's rate, "0.01% (N = 166)" a strength.)
#: The share must be the n's own, closing its bracket or clause ("25%)", "25% of respondents"): a share with a trait
#: after it, "(n = 120, 65% ER-positive)", "(n = 50; 62% postmenopausal)", describes the group, which stays.
_SHARE_AFTER = re.compile(
    r"\s*[,;]\s*(?P<share>\d+(?:[.·]\d+)?)\s*%(?=\s*(?:[)\],;]|(?:of|and|or|vs|versus|respectively)\b|$))", re.I)
_N_EQUALS = re.compile(r"\b[nN]\s*=\s*(?:\d{1,3}(?:,\d{3})+|\d+)")
#: A pooled or comparative estimate in the bracket of an n: "(SMD = -0.12, ..., I² = 0%, n = 294)", "(n = 12,415, HR =
#: 1.29, 95%CI ...)": the n the estimate was computed on, a subgroup or a pooled sample, not one of the groups it
#: compares. (A P value or a CI alone may follow a group's own n: "(− 1.4 kg, P = 0.02, N = 37)".)
_STATISTIC = re.compile(r"\b(?:HR|OR|RR|SMD|WMD|MD|aOR|aHR)\s*[=:]|\bI\s*(?:2|²)\s*=")
#: The studies of a review counted in the sentence: "Eighteen studies were included", "nine studies met", "32
#: studies in 11,487 subjects".
_STUDIES_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:studies|trials|RCTs|articles|papers|publications)\b", re.I)
#: People allocated to the groups: studies or trials counted after the groups are then what the groups did
#: ("randomised to blocked practice (n = 15) ... and performed 60 practice trials").
_ALLOCATED = re.compile(r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\s+(?:to|into|in)\b",
                        re.I)
#: The trials of a report of several, each with its own n: "(Study 1, N = 147; Study 2, N = 144)", "(study I, n = 280;
#: study II, n = 256)", "(Trial II; n=66)": separate trials, not the arms of one.
_NUMBERED_TRIAL_BEFORE = re.compile(r"\b(?:study|trial)\s+(?:[IVX]+|\d+|[A-D])\s*[,;:]\s*[nN]\s*=\s*$", re.I)
#: "n = 5 randomized controlled trials", "(PET-CT; n = 2 studies)": an n of studies.
#: (A singular "study" only after n = 1: "n = 180 study participants" are people.)
_N_OF_STUDIES_IN_TEXT = re.compile(
    r"\b[nN]\s*=\s*(?:1\s+(?:[\w-]+\s+){0,3}?study|\d+\s+(?:[\w-]+\s+){0,3}?(?:studies|trials|RCTs|articles|papers|"
    r"publications))\b", re.I)
#: The sexes of a sample counted: "47 adults (25 men and 22 women)", "102 patients (50 men)", "(5208 males vs. 3625
#: females)": both sexes in the bracket, or one right after the people counted; not "a group (44 women)", nor
#: "(89 women in the 6-hour group and ...)", nor an arm's dose or duration, "fulvestrant 500 mg (362 women)", "6
#: months of trastuzumab (40 women)": the words between the count and the bracket must name people.
_SEX_AFTER = re.compile(r"\s+(?:men|women|males?|females?|boys|girls)\b", re.I)
_BOTH_SEXES = re.compile(r"\b(?:men|males?|boys)\b.*\b(?:women|females?|girls)\b|\b(?:women|females?|girls)\b.*\b(?:men|males?|boys)\b", re.I)
_PEOPLE = (r"(?:patients|participants|subjects|adults|people|persons|individuals|volunteers|children|adolescents|"
           r"infants|neonates|students|workers|employees|residents|respondents|survivors|cases|smokers|athletes|veterans|"
           r"members|couples|pairs|twins|outpatients|inpatients|users|donors|recipients|candidates|controls)")
_COUNTED_PEOPLE_BEFORE = re.compile(r"(?:\d|\b(?:[a-z]+ty|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred))"
                                    r"[-\s]+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"(?:\s+[\w-]+){0,3}?\s*$", re.I)
_GROUP_WORD = re.compile(r"\b(?:groups?|arms?|cohorts?)\b", re.I)
#: The thing a breakdown in brackets divides when it is no people: "73 public schools (37 intervention and 36 control)",
#: "8 instances of neurological injury (5 ulnar, 2 radial)", "Seventeen studies (11 cohort studies, ...)", "3 (2
#: intraoperative and 1 postoperative) doses".
_THINGS = (r"(?:studies|trials|trails|RCTs|articles|schools|classes|classrooms|practices|clinics|wards|centres|"
           r"centers|hospitals|villages|communities|sites|clusters|instances|episodes|events|injuries|complications|doses|"
           r"cycles|sessions|lesions|samples|specimens|attacks|exacerbations|seizures|courses)")
#: after a count: "73 public schools (", "8 instances of neurological injury (", not "completed the study (".
_THINGS_BROKEN_DOWN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _THINGS + r"(?:\s+of(?:\s+[\w-]+){1,3})?\s*$", re.I)
_THINGS_RIGHT_BEFORE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _THINGS + r"\s*$", re.I)
#: A comparison of people by "than": "had lower mortality than those treated on general medical wards (n = 150)".
_THAN_THOSE = re.compile(r"\bthan\s+(?:(?:those|that|the\s+ones)\b|(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"\b)", re.I)
#: A place the people came from, right before an n: "attending the department of dermatology (n = 72)".
_PLACE_BEFORE = re.compile(r"\b(?:department|office|clinic|hospital|centre|center|practice|unit|ward)s?"
                           r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s*$", re.I)
_THINGS_AFTER_BRACKET = re.compile(r"\)\s*" + _THINGS + r"\b", re.I)
#: What people of a group did or had, after "N patients in the A group ...": an outcome, not the group's size.
_EVENT_VERB = re.compile(
    r"\b(?:discontinued|withdrew|withdrawn|dropped\s+out|complained|experienced|developed|suffered|died|failed|"
    r"stopped|required|needed|(?:were|was)\s+(?:\w+ly\s+)?(?:receiving|lost|withdrawn|hospitali[sz]ed|excluded)|"
    r"lost\s+to\s+follow[\s-]?up|reported|had)\b", re.I)
#: Others than the people counted, who left after: "40 patients in each group, with 5 lost to follow-up in each", "...,
#: of whom 3 withdrew", "..., 4 of whom died". Their event is no event of the counted people.
_OTHERS_WHO_LEFT = re.compile(
    r"\b(?:with|of\s+whom)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen)\s+"
    r"(?:(?:[\w-]+\s+)?" + _PEOPLE + r"\s+)?(?:(?:were|was|being)\s+)?(?:\w+ly\s+)?(?:lost\s+to\s+follow[\s-]?up|"
    r"withdrawn|withdrew|dropped\s+out|discontinu\w+|died|excluded)\b[^;]*|"
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen)\s+of\s+whom\s+"
    r"(?:(?:were|was)\s+)?(?:\w+ly\s+)?(?:lost\s+to\s+follow[\s-]?up|withdrawn|withdrew|dropped\s+out|discontinu\w+|"
    r"died|excluded)\b[^;]*", re.I)


def _others_who_left_out(text: str) -> str:
    return _OTHERS_WHO_LEFT.sub(" ", text)


_SIZE_VERB = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|enrol+ed|included|recruited|analy[sz]ed|"
                        r"completed|comprised|consisted|divided|compared|treated|received)\b", re.I)
#: A planned size: "A sample size of 1000 per group provides 90% power", "should be approximately 55 in each group".
#: (Planning words of a sample only: not "planned caesarean section", "power training".)
_PLANNED = re.compile(r"\b(?:sample\s+size|\d+(?:[.·]\d+)?\s*%\s+power|(?:statistical\s+)?power\s+(?:of|to)|powered|should|"
                      r"would|will|planned\s+(?:to|sample|size|enrol\w*|recruit\w*)|required\s+to\s+detect)\b", re.I)
#: The clause a count stands in, for its verb: "; " or ", but" / ", while" / ", whereas" start another ("45 patients in
#: the A group and 44 in the B group; two patients in the B group withdrew": only the two withdrew). Not ", and": it
#: also closes a list of subjects ("Four patients in the A group, 1 in the B group, and 1 in the C group discontinued").
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:but|while|whereas)\s+", re.I)


#: The denominator of an event fraction, written out: "cured in 64 out of 174 patients treated with A", "in 7 of 8
#: subjective group patients" (also "64 out 174", the "of" dropped): the people of whom some had the event.
_OF_A_DENOMINATOR_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                      r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                                      r"forty|fifty|sixty|seventy|eighty|ninety))\s+(?:out\s+(?:of\s+)?|of\s+)$", re.I)
#: An n labelled as an analysis set of the whole sample: "both evaluable patients (n = 1527) and all randomized patients
#: (n = 1655)", "the intention-to-treat population (n = 240) and the per-protocol population (n = 221)": nested sets of
#: the same people, not the groups compared (two such labels in the sentence; not "randomized patients (n = 60) and
#: non-randomized patients (n = 40)", a preference cohort beside the trial).
_ANALYSIS_SET = (r"(?:evaluable|analy[sz]able|(?<![-\w])all\s+(?:randomi[sz]ed|enrol+ed|treated|included)|intention[-\s]to[-\s]treat|"
                 r"ITT|modified\s+ITT|mITT|per[-\s]protocol|PP|safety|efficacy)")
_ANALYSIS_SET_BRACKET = (r"\b(?:" + _ANALYSIS_SET + r"\s+(?:" + _PEOPLE + r"|population|set|sample|analysis)|"
                         r"intention[-\s]to[-\s]treat|per[-\s]protocol)\s*[(\[]\s*")
_ANALYSIS_SET_N_BEFORE = re.compile(_ANALYSIS_SET_BRACKET + r"[nN]\s*=\s*$", re.I)
_ANALYSIS_SET_BEFORE = re.compile(_ANALYSIS_SET_BRACKET + r"$", re.I)
#: The n of a share of people, in a bracket after the percentage: "39.1% of the patients (n = 90) reported side effects,
#: compared with 44.7% (n = 101) in the B group": those with the event, when the sentence tells an event and the shares
#: make up no whole (unlike "25.5% (n = 770) versus 74.5% (n = 2246)", the groups a sample was divided into).
_SHARE_THEN_N = re.compile(r"(\d+(?:[.·]\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _PEOPLE
                           + r"\s*)?[(\[]\s*[nN]\s*=\s*(?:\d{1,3}(?:,\d{3})+|\d+)", re.I)
#: After "40% (n = 21)": "of the patients in the A group", "of those in the placebo arm": the share is of a group.
_SHARE_OF_A_GROUP_AFTER = re.compile(r"\s*[)\]]\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:" + _PEOPLE + r"|those)\s+"
                                     r"(?:in|of|from|on)\s+(?:the\s+)?(?:[\w+/-]+\s+){0,3}?(?:groups?|arms?)\b", re.I)
#: "compared with" / "compared to" joins the two shares; it sizes no group.
_COMPARED_WITH = re.compile(r"\bcompared\s+(?:with|to)\b", re.I)
#: People counted by a trait in a bracket before being randomised into groups named otherwise: "156 patients (67 GU and
#: 89 DU; mean age ...) who were randomized ... into two treatment groups: A 20 mg/d or 40 mg/d": strata of the sample.
_RANDOMISED_INTO = re.compile(r"\s*(?:who|which|that)?\s*(?:were|was)\s+(?:then\s+|subsequently\s+)?(?:randomi[sz]ed|randomly\s+"
                              r"(?:assigned|allocated|divided)|allocated|assigned)\b[^;]*?\b(?:to|into)\b(?P<groups>[^;]*)", re.I)


def _bracket_around(text: str, start: int) -> tuple[int, int] | None:
    """The (open, close) of the innermost round or square bracket holding `start`, if any (an unclosed one runs to
    the end of the sentence)."""
    opened = innermost_open_bracket(text, start)
    if opened is None:
        return None
    closed = matching_close(text, opened)
    return (opened, len(text) if closed is None else closed)


def _clause_around(text: str, start: int) -> str:
    """The clause of the sentence that holds `start`, its brackets blanked."""
    clause_start, clause_end = 0, len(text)
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= start:
            clause_start = found.end()
        elif found.start() >= start:
            clause_end = found.start()
            break
    return re.sub(r"\([^()]*\)", " ", text[clause_start:clause_end])


def _counts_studies(text: str, value: int, start: int) -> bool:
    """The sentence counts studies: at least `value` of them outside brackets, before the count at `start`
    ("Eighteen studies were included: ...", or after it where no people are allocated: "8 manuscripts (2 RCTs and 6
    CCTs) from 6 clinical studies") or an n of the sentence is one of studies ("HIV/AIDS (n = 99 studies) or cancer
    (n = 59)"). (Trials counted in a bracket, "low fitness (n = 6, 74 trials)", are a group's attempts; those counted
    after groups people were allocated to, "randomised to ... (n = 15) ... and performed 60 practice trials",
    "randomised to contrast agent A (n = 20) ..., and 80 CT studies were read", are what the groups did.)"""
    allocated = bool(_ALLOCATED.search(text))
    return bool(_N_OF_STUDIES_IN_TEXT.search(text)) or any(
        count.value >= value and (count.end <= start or not allocated) and _STUDIES_AFTER.match(text, count.end)
        and _bracket_around(text, count.start) is None
        for count in find_counts(text))


def _shares_partition_the_sample(text: str) -> bool:
    """The n's of the sentence with a share after them make up the whole ("VSRR (n = 78, 49.3%) or ROOT (n = 80,
    50.6%)", "control (n = 125, 25.9%), CHC (n = 114, 23.6%), ..."): groups the sample was divided into, not people
    with some trait or answer ("bruising (n = 15, 25%), asymmetry (n = 2, 3%)")."""
    shares = [float(share.group("share").replace("·", ".")) for n in _N_EQUALS.finditer(text)
              if (share := _SHARE_AFTER.match(text, n.end()))]
    return len(shares) >= 2 and abs(sum(shares) - 100) <= 2


#: An approximate count is no stated size: "approximately 300 children in each group", "about 80 in each arm".
_APPROXIMATE_BEFORE = re.compile(r"(?:\b(?:approximately|approx\.|about|around|roughly|nearly|almost|some|circa|ca\.)|~|≈)\s*$",
                                 re.I)
#: Money: "$58,151 in the A group", "€430 in the control group": a cost, not people.
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:USD|EUR|GBP|US\$)\s?)\s*$")
#: The n of a design adjective counting places: "a randomized, multicenter (n = 30), multinational (n = 10) study".
_MULTI_SITE_N_BEFORE = re.compile(r"\bmulti[-\s]?(?:cent(?:er|re)|centric|national|site|country|institutional)\w*\s*[(\[]\s*"
                                  r"[nN]\s*=\s*$", re.I)
#: People counted by an event, in the clause of the count: "The number of patients reporting side effects was 14 in
#: the A group, ...", "the number of children who developed a rash was ...".
_NUMBER_OF_PEOPLE_WITH_AN_EVENT = re.compile(
    r"\b(?:number|proportion|percentage)\s+of\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE + r"\s+(?:reporting|experiencing|developing|"
    r"suffering|complaining|requiring|needing|discontinuing|withdrawing|achieving|responding|"
    r"who\s+(?:had|reported|experienced|developed|suffered|complained|required|needed|discontinued|withdrew|achieved|"
    r"responded|died))\b", re.I)
#: A count of one group's people right before the bracket: "29 in group B (", "30 patients in the placebo group (".
_ONE_GROUPS_COUNT_BEFORE = re.compile(r"(?P<n>\d+)\s+(?:[\w-]+\s+){0,2}?(?:in|of)\s+(?:the\s+)?(?:(?:group|arm)\s+[A-Z0-9]{1,2}|"
                                      r"(?:[\w+/-]+\s+){1,3}?(?:group|arm))\s*$")
#: A stratum named with its number right before an n's bracket: "grade 1 (n = 293)", "stage III (n = 40)"; and the
#: next of its list, "or 2 (n = 124)".
_STRATUM_N_BEFORE = re.compile(r"\b(?:stages?|grades?|class(?:es)?|types?|tiers?|categor(?:y|ies)|quartiles?|tertiles?|"
                               r"quintiles?)\s+(?:[IVX]+|\d+[a-cA-C]?|[A-D])\s*[(\[]\s*$", re.I)
_NEXT_STRATUM_N_BEFORE = re.compile(r"(?:,|\bor|\band)\s+(?:[IVX]+|\d+[a-cA-C]?)\s*[(\[]\s*$")
_N_VALUE = re.compile(r"\b[nN]\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)")


#: A place named before a bracket, with its list: "randomized in 38 centres in France (230) and Belgium (182)", "in
#: Europe (n = 60) and Asia (n = 40)": a country, region or city by its capitalised name after "in", "from", "across"
#: or "at" (not all capitals, an abbreviation of a treatment, "in the PCI (n = 100) and CABG (n = 105) groups"; not a
#: group, "in Group A (n = 30)").
_PLACE_NAME = r"(?!(?:Group|Arm|Cohort|Stage|Grade|Phase|Part|Study|Trial|Week|Day|Year|Month)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
_PLACE_NAME_BRACKET = re.compile(r"\b[Ii]n|\b(?:from|across|at)\b")
_PLACE_LIST_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)" + _PLACE_NAME + r"\s*(?=[(\[])")


def _place_brackets(text: str) -> set[int]:
    """The opening of each bracket right after a place's name, and after the places listed with it ("in France (230)
    and Belgium (182)"): the people of each place, not groups."""
    opens: set[int] = set()
    for at in _PLACE_NAME_BRACKET.finditer(text):
        first = re.compile(r"\s+(?:the\s+)?" + _PLACE_NAME + r"\s*(?=[(\[])").match(text, at.end())
        if first is None:
            continue
        bracket = first.end()
        while bracket is not None:
            opens.add(bracket)
            close = matching_close(text, bracket)
            if close is None or re.match(r"\s*(?:groups?|arms?)\b", text[close + 1:]):
                break
            following = _PLACE_LIST_ITEM.match(text, close + 1)
            bracket = following.end() if following else None
        if re.match(r"\s*(?:groups?|arms?)\b", text[(matching_close(text, first.end()) or len(text)) + 1:]):
            opens.discard(first.end())
    return opens


def _breaks_down_one_group(text: str, bracket: tuple[int, int]) -> bool:
    """The bracket's parts make up the count of one group told right before it: "77 patients in group A and 29 in
    group B (7 infected and 22 non-infected)": a breakdown of group B's people, not the groups."""
    one = _ONE_GROUPS_COUNT_BEFORE.search(text, 0, bracket[0])
    parts = [count.value for count in find_counts(text[bracket[0] + 1:bracket[1]])]
    return one is not None and len(parts) >= 2 and sum(parts) == int(one.group("n"))


def _stratum_ns(text: str) -> set[int]:
    """The starts of the n's of strata of the sample: those after a stratum's name ("with reflux oesophagitis grade 1
    (n = 293) or 2 (n = 124)"), and the n's that follow them in the sentence up to making up a count stated before
    the first ("Five hundred and thirty-five patients with ... grade 1 (n = 293) or 2 (n = 124) or with no
    oesophagitis (n = 118)"); not the groups' n's after ("... were randomised to A (n = 41) or B (n = 39)")."""
    ns = [(m.start(1), int(m.group(1).replace(",", ""))) for m in _N_VALUE.finditer(text)]
    heads = [text[max(0, m.start() - 60):m.start()] for m in _N_VALUE.finditer(text)]
    strata: list[int] = []
    for index, head in enumerate(heads):
        if _STRATUM_N_BEFORE.search(head) or (strata and strata[-1] == index - 1 and _NEXT_STRATUM_N_BEFORE.search(head)):
            strata.append(index)
    if not strata:
        return set()
    first = strata[0]
    stated = {count.value for count in find_counts(text[:ns[first][0]]) if not _UNIT_AFTER.match(text, count.end)}
    taken, total = set(), 0
    for at, value in ns[first:]:
        total += value
        taken.add(at)
        if total in stated:
            return taken
    return {ns[index][0] for index in strata}


def _ns_before_the_allocation(text: str) -> set[int]:
    """The starts of the n's that divide a stated count before the sentence's allocation verb, when the n's after the
    verb divide the same count again: "113 patients with ulcer (n = 36) or dyspepsia (n = 77) were randomized to A (n =
    57) or B (n = 56)" (the people by a trait, then the groups)."""
    verb = _ALLOCATION_VERB.search(text)
    if verb is None:
        return set()
    ns = [(m.start(1), int(m.group(1).replace(",", ""))) for m in _N_VALUE.finditer(text)]
    before = [(at, value) for at, value in ns if at < verb.start()]
    after = [value for at, value in ns if at > verb.start()]
    if len(before) < 2 or len(after) < 2:
        return set()
    stated = {count.value for count in find_counts(text[:before[0][0]]) if not _UNIT_AFTER.match(text, count.end)}
    total = sum(value for _, value in before)
    return {at for at, _ in before} if total in stated and sum(after) == total else set()


def _not_an_arm(item: Extracted) -> bool:
    text = item.span.sentence
    start, end = item.span.in_sentence
    value = int(item.value)
    rule = item.extractor.rsplit(".", 1)[-1]
    before, after = text[:start], text[end:]
    bracket = _bracket_around(text, start)
    inside = text[bracket[0] + 1:bracket[1]] if bracket else ""
    if _OF_A_DENOMINATOR_BEFORE.search(before[-20:]) or _APPROXIMATE_BEFORE.search(before[-20:]) \
            or _CURRENCY_BEFORE.search(before[-8:]):
        return True
    if rule == "n_equals" and (_MULTI_SITE_N_BEFORE.search(before[-40:]) or start in _stratum_ns(text)
                               or start in _ns_before_the_allocation(text)):
        return True
    if rule in ("n_equals", "allocated_bare_count", "in_n_bracket", "bracket_people") and bracket \
            and bracket[0] in _place_brackets(text) and (_ALLOCATED.search(text) or not _COMPARED_TOLD.search(text)):
        # "randomized in France (230) and Belgium (182)": the people of each country (not places compared, "in
        # Washington (n = 39 counties) are compared with changes in Oregon (n = 36 counties)")
        return True
    if rule == "n_equals" and _COMPARED_TOLD.search(text) and _NON_PARTICIPANTS.search(text) and not _ALLOCATED_TO.search(text):
        return True  # "Participants (n = 150) were compared with those who declined to take part (n = 210)"
    if _NUMBER_OF_PEOPLE_WITH_AN_EVENT.search(_clause_around(text, start)):
        return True
    if rule == "parenthetical_breakdown" and bracket and _breaks_down_one_group(text, bracket):
        return True
    if rule == "n_equals" and (_ANALYSIS_SET_N_BEFORE.search(before[-60:]) and _two_analysis_sets(text)
                               or _n_of_people_with_an_event(text, start)):
        return True
    if rule == "parenthetical_breakdown" and bracket and (_strata_before_randomisation(text, bracket)
                                                          or _breaks_down_an_event(text, bracket)):
        return True
    if rule == "n_equals":
        fraction = _FRACTION_AFTER.match(after)
        if (fraction and value <= int(fraction.group(1))) or (_SHARE_AFTER.match(after) and not _shares_partition_the_sample(text)):
            return True
        if bracket and _STATISTIC.search(inside) and len(_N_EQUALS.findall(inside)) < 2:
            return True  # one n beside the estimate; several ("A: n = 201; B: n = 199; HR = ...") are the groups compared
        if _counts_studies(text, value, start) or _NUMBERED_TRIAL_BEFORE.search(before[-30:]):
            return True
    if rule in ("bracket_people", "parenthetical_breakdown") and _SEX_AFTER.match(after) and bracket \
            and not _GROUP_WORD.search(inside) and (_BOTH_SEXES.search(inside) or _COUNTED_PEOPLE_BEFORE.search(text, 0, bracket[0])):
        return True
    if rule == "n_equals" and bracket and _PLACE_BEFORE.search(before[:bracket[0]]) and not _ALLOCATION_VERB.search(text) \
            and not _GROUP_WORD.search(text) and not _COMPARED_TOLD.search(text) and not _THAN_THOSE.search(text):
        return True  # "patients attending the department of dermatology (n = 72) and a rural office (n = 37)": sources
    if rule == "n_equals" and bracket and not _ALLOCATION_VERB.search(text):
        # "treated 400 evaluable attacks (A, n = 150; B, n = 130; ...)": n's of the things just counted, where no one
        # is allocated (not "31 patients received 20 sessions of A (N = 15) or sham (N = 16)")
        head = text[max(0, bracket[0] - 80):bracket[0]]
        if any(count.value >= value and _THINGS_RIGHT_BEFORE.fullmatch(head, count.end) for count in find_counts(head)) \
                and not _ns_make_up_people_before(text, bracket):
            return True
    if rule in ("parenthetical_breakdown", "label_equals", "label_space_n") and bracket:
        head = text[max(0, bracket[0] - 80):bracket[0]]
        # a part of N things is at most N: "10 hospitals (60 in the intervention arm ...)" divides the patients
        if any(count.value >= value and _THINGS_BROKEN_DOWN.fullmatch(head, count.end) for count in find_counts(head)) \
                or _THINGS_AFTER_BRACKET.match(text, bracket[1]):
            return True
        if _counts_studies(text, value, start):
            return True
    if rule in _READ_HERE and _planned_or_an_event(text, start):
        return True
    if rule == "count_in_group" and not bracket:
        clause = _others_who_left_out(_clause_around(text, start))
        return bool(_EVENT_VERB.search(clause)) and not _SIZE_VERB.search(clause)
    if rule in ("count_per_arm", "count_each"):
        told = _others_who_left_out(text)
        return bool(_PLANNED.search(text) or (_EVENT_VERB.search(told) and not _SIZE_VERB.search(told)))
    return False


#: The rules of the per-group counts read here (`proposed_arm_sizes`), weighed for a planned size or an event like the
#: participant reader's.
_READ_HERE = ("gapped_list", "treated_adjective", "count_group_people", "label_equals", "label_then_people",
              "label_space_n", "allocated_bare_count", "each_group_of", "randomised_to_receive", "people_compared",
              "group_then_n", "samples_compared", "given_to_respectively", "in_n_the_treatment_was", "in_n_bracket",
              "comparator_n", "allocated_to_each", "same_verb_list")
#: An event told of people, before them: "Relapse occurred in 12 drug-treated and ...", "Adverse events were reported by
#: 34 drug-treated ...".
_EVENT_IN_PEOPLE = re.compile(r"\b(?:occurr\w*|observed|seen|noted|recorded|documented|detected|reported|found)\s+(?:in|by|among)\b",
                              re.I)
#: The words that make a count's group (its verb, "X-treated"), left out before the clause is searched for a verb that
#: sizes a group: "34 drug-treated and 29 placebo-treated patients" is sized by no "treated".
_GROUP_MAKING_WORDS = re.compile(r"[\w+]+[-‐‑](?:treated|allocated|randomi[sz]ed)\b|\b(?:received|were\s+given|(?:were\s+)?treated\s+with)\b",
                                 re.I)


def _planned_or_an_event(text: str, start: int) -> bool:
    """The clause of the count at `start` plans a size, or tells an event of the people ("Adverse events were reported
    by 34 drug-treated and 29 placebo-treated patients") and no verb of it sizes a group."""
    clause = _GROUP_MAKING_WORDS.sub(" ", _others_who_left_out(_clause_around(text, start)))
    if _PLANNED.search(clause):
        return True
    return bool(_EVENT_VERB.search(clause) or _EVENT_IN_PEOPLE.search(clause)) and not _SIZE_VERB.search(clause)


def _breaks_down_an_event(text: str, bracket: tuple[int, int]) -> bool:
    """The bracket splits by group the people of an event told before it, in its sentence up to the last ';', with no
    verb that sizes a group: "12 patients withdrew: 3 for lack of efficacy and 9 after adverse events (five in the A
    and four in the B group)". The people left after the events are a size: "4 withdrew and 18 failed to attend,
    leaving 107 patients for analysis (35 A; 72 B)"."""
    head = re.split(r";|\b(?:leaving|remaining|left\s+with)\b", text[:bracket[0]])[-1]
    head = _GROUP_MAKING_WORDS.sub(" ", re.sub(r"\([^()]*\)", " ", head))
    harmed = list(_LEFT_OR_HARMED.finditer(head))
    if harmed and _TOOK_PART.search(head, harmed[-1].end()):
        return False  # "Sixty children who had suffered a febrile seizure took part (31 ... and 29 ...)"
    return bool(harmed) and not _SIZE_VERB.search(head)


#: People taking part, after what they had before: "children who had suffered a seizure took part".
_TOOK_PART = re.compile(r"\b(?:took\s+part|participated|entered|joined|(?:were|was)\s+studied)\b", re.I)
#: A verb of people who left the trial or came to harm (not "had", "received": "352 who received 3 cycles and had a
#: scan constituted the per-protocol population (169 A and 183 B)" are groups).
_LEFT_OR_HARMED = re.compile(r"\b(?:discontinued|withdrew|withdrawn|dropped\s+out|died|lost\s+to\s+follow[\s-]?up|"
                             r"stopped|excluded|complained|experienced|developed|suffered)\b", re.I)


def _ns_make_up_people_before(text: str, bracket: tuple[int, int]) -> bool:
    """The n's of the bracket add up to people counted before it: "124 patients were treated for 400 attacks (A, n =
    62; placebo, n = 62)" gives the patients of each group, not their attacks."""
    ns = [int(n.group(0).split("=")[1].replace(",", "")) for n in _N_EQUALS.finditer(text, bracket[0], bracket[1])]
    return len(ns) >= 2 and any(count.value == sum(ns) and _PEOPLE_SOON.match(" " + text[count.end:bracket[0]])
                                for count in find_counts(text[:bracket[0]]))


def _two_analysis_sets(text: str) -> bool:
    """Two n's of the sentence are labelled as analysis sets, with different sizes ("evaluable patients (n = 1527)
    and all randomized patients (n = 1655)")."""
    sizes = {n.group(0) for n in _N_EQUALS.finditer(text) if _ANALYSIS_SET_BEFORE.search(text, max(0, n.start() - 60), n.start())}
    return len(sizes) >= 2


def _n_of_people_with_an_event(text: str, start: int) -> bool:
    """The n at `start` follows a share ("39.1% of the patients (n = 90)") in a sentence that tells an event ("reported
    side effects") and sizes no group, and the shares before its n's do not make up a whole."""
    shares = [(m, float(m.group(1).replace("·", "."))) for m in _SHARE_THEN_N.finditer(text)]
    if not any(m.start() <= start < m.end() for m, _ in shares):
        return False
    if len(shares) >= 2 and abs(sum(share for _, share in shares) - 100) <= 2:
        return False
    if any(_SHARE_OF_A_GROUP_AFTER.match(text, m.end()) for m, _ in shares):
        return True  # "40% (n = 21) of patients in the A group and 10% (n = 5) in the B group": parts of the groups
    return bool(_EVENT_VERB.search(text) or _EVENT_IN_PEOPLE.search(text)) \
        and not _SIZE_VERB.search(_COMPARED_WITH.sub(" ", text))


#: A word naming an arm by its role in the trial, never a stratum: "(45 intervention and 45 control)", "(45 treatment,
#: 45 control)", "(30 active, 30 placebo)".
_ARM_WORD = re.compile(r"(?:interventions?|controls?|treatments?|treated|active|placebos?|sham|experimental|usual|standard|"
                       r"comparators?|comparison|study|test|reference|verum|intervened|untreated)", re.I)
#: A breakdown by what each part was given: "(40 patients receiving A and 40 receiving B)", "(30 treated with A)".
_TREATMENT_GIVEN = re.compile(r"\b(?:receiving|received|treated|given|taking|allocated|assigned|randomi[sz]ed)\b", re.I)


def _strata_before_randomisation(text: str, bracket: tuple[int, int]) -> bool:
    """The breakdown in `bracket` divides people who the sentence then randomises into groups it names otherwise ("156
    patients (67 GU and 89 DU) who were randomized into two treatment groups: 20 mg or 40 mg"): none of its labels is
    among the groups named, and it names no group or arm itself."""
    inside = text[bracket[0] + 1:bracket[1]]
    randomised = _RANDOMISED_INTO.match(text, bracket[1] + 1)
    if randomised is None or _GROUP_WORD.search(inside):
        return False
    breakdown = inside.split(";")[0]
    if _TREATMENT_GIVEN.search(breakdown):
        return False  # "(40 patients receiving A and 40 receiving B)": the groups by what they were given
    labels = re.findall(r"\d+\s+(?:(?:" + _PEOPLE + r"|patient|participant|subject)\s+)?(?:in\s+(?:the\s+)?|with\s+)?"
                        r"([A-Za-z][\w+-]*)", breakdown)
    if any(_ARM_WORD.fullmatch(label) for label in labels):
        return False  # "(45 intervention and 45 control)": arms named by their role, not by a trait
    groups = randomised.group("groups")
    return bool(labels) and re.search(r"[A-Za-z]", groups) is not None and not any(
        re.search(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])", groups, re.I) for label in labels)


# --------------------------------------------------------------------------- per-group counts read here

#: The units a number of a list may carry that make it no count of people: "20 mg", "40%", "4 weeks".
_UNIT_AFTER = re.compile(r"\s*(?:%|percent\b|mg\b|µg\b|μg\b|mcg\b|g\b|kg\b|ml\b|mmol\b|IU\b|units?\b|times\b|x\b|hours?\b|"
                         r"days?\b|weeks?\b|months?\b|years?\b|cycles?\b|doses?\b|sessions?\b|[-‐‑]|[.,·]\d)", re.I)
#: The word after a count of a gapped list, the verb left out: a drug, a dose, a group, "with", "patients" ("100
#: patients received A, and 102 patients B", "79 received A, 39 B and 36 C", "17 treated with 20 mg, 18 with 40 mg").
_GAPPED_ITEM = re.compile(r"\s+(?:(?:" + _PEOPLE + r"|patient|participant|subject|person|child|woman|man)\s+)?"
                          r"(?P<with>(?:with|on|to)\s+)?(?!(?:in|at|of|from|for|by|during|after|before|among|within|"
                          r"under|over|per|as)\b)(?P<word>[A-Za-z\d][\w+/-]*)", re.I)
#: What tells that a gapped list gives the treatments of compared groups, not what patients received in care ("12
#: patients received blood transfusions, 5 platelets and 3 fresh frozen plasma"): an allocation or a group in the
#: sentence, a list with a comparator or a dose ("52 received drug A, 27 drug B and 25 placebo", "120 received drug A
#: 10 mg, and 118 drug B 5 mg"), or treatments the record allocates or compares in another sentence ("randomized
#: treatment with omeprazole or H2RA (cimetidine or ranitidine)" before "79 received omeprazole, 39 cimetidine and 36
#: ranitidine").
_ARMS_TOLD = re.compile(r"\b(?:randomi[sz]\w*|randomly|assigned|allocated|allocation|groups?|arms?)\b", re.I)
_COMPARATOR_OR_DOSE = re.compile(r"\b(?:placebo|sham|vehicle|control|usual\s+care|standard\s+care|no\s+treatment)\b|"
                                 r"\d\s*(?:mg|µg|μg|mcg|g|IU|ml|mL)\b", re.I)
#: Treatment given when needed, an outcome of the trial, not an arm: "60 patients received morphine, 20 ketorolac and
#: 15 paracetamol as rescue analgesia", "14 patients received rescue medication".
_RESCUE = re.compile(r"\b(?:rescue|on[-\s]demand|as\s+needed|breakthrough)\b", re.I)
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
#: The verb a gapped list leaves out after its first item: "N [people] received", "N [people] (were) treated with".
_GIVEN_VERB = re.compile(r"\s+(?:" + _PEOPLE + r"\s+)?(?:received|were\s+given|(?:were\s+)?treated\s+with)\s+\S", re.I)
#: A word that is itself a verb, or a relative ending the list, ends the gapped list: "40 received A, 12 discontinued",
#: "30 had", "5 patients received A, 3 of whom developed ...".
_VERB_WORD = re.compile(r"(?:\w+ed|had|has|have|was|were|is|are|did|does|do|took|went|gave|met|got|underwent|withdrew|left|"
                        # the other irregular past forms, modal verbs and adverbs before a verb ("12 patients felt dizzy",
                        # "8 became pregnant", "3 lost weight", "5 could not", "4 subsequently ...")
                        r"became|began|came|felt|fell|lost|kept|held|found|made|saw|said|told|knew|thought|brought|bought|"
                        r"caught|sought|taught|fought|ran|rose|grew|drew|chose|spent|slept|sat|stood|wore|broke|spoke|woke|"
                        r"gained|overcame|won|paid|put|quit|hit|hurt|led|meant|dealt|drove|ate|drank|forgot|shook|"
                        r"can|could|may|might|must|shall|should|will|would|\w+ly|"
                        r"of|whom|who|which|them|these|those)$", re.I)
#: Things counted right before the list, whose parts the list divides: "Within each group of 4 attacks, three were
#: treated with A and one with placebo": attacks, not people.
_THINGS_COUNTED_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:[\w-]+\s+)?(?:"
                                    + _THINGS + r"|attacks|eyes|teeth|limbs|knees|hips|courses|procedures|treatments|"
                                    r"migraines|headaches|visits|nights|periods|blocks)\b", re.I)
#: A subset of the people named by an event after them: "Of the 164 A-treated and 181 B-treated patients experiencing
#: headache relief, ...": those who responded, not the groups.
_SUBSET_BY_EVENT_AFTER = re.compile(r"\s*(?:experiencing|achieving|having|reporting|developing|who\s+(?:had|experienced|achieved|"
                                    r"developed|reported|responded))\b", re.I)
#: "N [label] group(s) [people]": "19 subjective groups and 15 objective group patients were studied".
_COUNT_GROUP_PEOPLE = re.compile(r"\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s+(?:groups?|arms?)\b(?P<people>\s+" + _PEOPLE + r"\b)?",
                                 re.I)
_STUDIED_VERB = re.compile(r"\b(?:were|was)\s+(?:studied|enrol+ed|included|randomi[sz]ed|analy[sz]ed|evaluated|treated|"
                           r"recruited)\b", re.I)
#: "N X-treated and M Y-treated [asthma] patients": each count before its group's compound adjective.
_TREATED_ADJECTIVE = re.compile(r"\s+[\w+]+[-‐‑](?:treated|allocated|randomi[sz]ed)\b", re.I)
_PEOPLE_SOON = re.compile(r"(?:\s+[\w-]+){0,2}?\s+" + _PEOPLE + r"\b", re.I)
#: A stratum or a stage of a design, whose count is no group's: "stage II", "grade 3", "class IV", "phase 2", "wave 1",
#: "step 2", "period 1", "cohort B", "year 2".
_STRATUM_OR_STAGE = (r"stages?|grades?|class(?:es)?|types?|tiers?|categor(?:y|ies)|quartiles?|tertiles?|quintiles?|phases?|"
                     r"waves?|steps?|rounds?|periods?|cohorts?|years?|visits?|blocks?|seasons?")
#: "(azelastine = 53, placebo = 46)": a group's name, "=" or ":", its size.
_LABEL_EQUALS = re.compile(r"(?:^|[,;]\s*(?:and\s+)?|\s+and\s+)\s*(?P<label>[A-Za-z][\w+/-]*(?:\s+[A-Za-z\d][\w+/-]*){0,2})\s*[=:]\s*"
                           r"(?P<n>\d+)\s*(?=$|[,;]|\s+and\s)")
#: "(drug A 46; drug B 44)": a name, then its count with no sign between.
_LABEL_SPACE_N = re.compile(r"(?:^|[,;]\s*(?:and\s+)?|\s+and\s+)\s*(?P<label>[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){0,2})\s+"
                            r"(?P<n>\d+)\s*(?=$|[,;]|\s+and\s)")
#: Not a group's name: a statistic, or a split of a data set ("(development: 750, validation: 333)").
_NOT_A_GROUP_LABEL = re.compile(r"(?:n|N|p|P|HR|OR|RR|CI|SD|SE|mean|median|age|range|r|I2|I²|k|df|t|F|z|development|"
                                r"validation|derivation|training|test(?:ing)?|discovery|replication|"
                                # the sexes, and strata or design stages ("men = 40, women = 35", "stage II = 50")
                                r"men|women|males?|females?|boys|girls|" + r"(?:" + _STRATUM_OR_STAGE + r")\b.*)$", re.I)
#: "(LABEL, N patients)", a group's label then its size: "(OCA 1, 40 patients)".
_LABEL_THEN_PEOPLE = re.compile(r"^\s*(?P<label>[A-Z][\w+/-]*(?:\s+[\w+/-]+){0,2})\s*[,;:]\s*(?P<n>\d+)\s+" + _PEOPLE + r"\s*$")
_NOT_A_GROUP_NAME = re.compile(r"(?:study|trial|part|centre|center|site|" + _STRATUM_OR_STAGE + r")\b", re.I)
_GROUPS_TOLD = re.compile(r"\b(?:groups?|arms?|randomi[sz]ed\s+(?:\w+\s+)?(?:to|into|between)|randomly\s+(?:assigned|allocated))\b",
                          re.I)
#: "(78 in A and 78 in B)", every part "N in <group>".
_IN_GROUP_ITEM = re.compile(r"(?:^|[,;]\s*(?:and\s+)?|\s+and\s+)\s*(?P<n>\d+)\s+in\s+(?:the\s+)?[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){0,2}?"
                            r"\s*(?=$|[,;]|\s+and\s)")


#: A count right after a stop with no space, a sentence joined to a bracket ("... disease (GERD).100 patients received A"):
#: no decimal, as no digit precedes the stop.
_JOINED_STOP_COUNT = re.compile(r"(?<=[)\]]\.)\d+(?![\d]|[.,·]\d)")


def _after_a_joined_stop(text: str) -> list[Count]:
    return [Count(m.start(), m.end(), int(m.group(0)), False) for m in _JOINED_STOP_COUNT.finditer(text)]


def _count_at(counts: list, start: int):
    return next((count for count in counts if count.start == start), None)


def _arm(sentence: Sentence, count, name: str) -> Extracted:
    return Extracted("n_arm", count.value, sentence.span(count.start, count.end), f"arms.{name}",
                     details=(("in_words", count.in_words),))


_COMPARED_TOLD = re.compile(r"\b(?:versus|vs\.?|compared|comparing|comparison)\b", re.I)
_GAPPED_WORD = re.compile(r"[A-Za-z\d][\w+/-]*")


def _told_arms(sentence: Sentence) -> bool:
    return sentence.field == "title" or bool(_ARMS_TOLD.search(sentence.text) or _COMPARED_TOLD.search(sentence.text))


def _arms_text(record: Record) -> str:
    """The sentences of the record that allocate people to groups or compare treatments, the title among them."""
    return " ".join(sentence.text for sentence in record_sentences(record) if _told_arms(sentence))


def _named_where_compared(words: list[str], arms_text: str) -> bool:
    """At least two of the list's treatment words stand in the record's sentences of allocation or comparison."""
    found = {word.lower() for word in words
             if len(word) > 2 and re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", arms_text, re.I)}
    return len(found) >= 2


def _gapped_list(sentence: Sentence, counts: list, arms_text: str = "") -> list[Extracted]:
    """"79 received A, 39 B and 36 C", "100 patients received A, and 102 patients B", "(17 treated with 20 mg, 18 with
    40 mg and 20 with 40 mg b.d.)": one verb for a list of groups, each count before its group (two at least)."""
    text = sentence.text
    found: list[Extracted] = []
    for index, first in enumerate(counts):
        if not _GIVEN_VERB.match(text, first.end) or _UNIT_AFTER.match(text, first.end) \
                or _THINGS_COUNTED_BEFORE.search(text[max(0, first.start - 40):first.start].rsplit(";", 1)[-1]):
            continue
        items = [first]
        complement = _GAPPED_WORD.match(text, _GIVEN_VERB.match(text, first.end).end() - 1)
        words = [complement.group(0)] if complement else []
        # the items repeat the first one's complement: "received A, 39 B", "treated with A, 42 with B" (not "received
        # therapy, 42 with an ALK inhibitor": a part of the first)
        treated_with = bool(re.search(r"\bwith\s+\S$", _GIVEN_VERB.match(text, first.end).group(0)))
        for later in counts[index + 1:]:
            # a treatment's abbreviation in a bracket stays in the list: "119 treated with drug A (DA), 114 with B"
            if re.search(r"[;:()]|\.\s+[A-Z]", re.sub(r"\([^()\d]*\)", " ", text[items[-1].end:later.start])):
                break
            item = _GAPPED_ITEM.match(text, later.end)
            # any other count between ends the list: "between 20 and 50 mV", "including 19 A and 26 B"
            if not _LIST_SEPARATOR_BEFORE.search(text, 0, later.start) or item is None \
                    or _VERB_WORD.match(item.group("word")) or bool(item.group("with")) != treated_with:
                break
            items.append(later)
            words.append(item.group("word"))
        listed = text[first.start:items[-1].end + 40]
        if len(items) >= 2 and (_ARMS_TOLD.search(text) or _COMPARATOR_OR_DOSE.search(listed)
                                or _named_where_compared(words, arms_text)) \
                and not _RESCUE.search(text):
            found.extend(_arm(sentence, count, "gapped_list") for count in items)
    return found


def _listed_before(text: str, counts: list, tail: re.Pattern[str]) -> list:
    """The runs of counts each followed by `tail`, joined by "and" or commas."""
    runs: list[list] = []
    for count in counts:
        if not tail.match(text, count.end):
            continue
        if runs and _LIST_SEPARATOR_BEFORE.search(text, 0, count.start) and text.rfind(")", runs[-1][-1].end, count.start) < 0 \
                and count.start - runs[-1][-1].end < 60:
            runs[-1].append(count)
        else:
            runs.append([count])
    return [run for run in runs if len(run) >= 2]


def _per_group_phrases(sentence: Sentence, arms_text: str = "", arms_text_so_far: str | None = None) -> list[Extracted]:
    """Per-group counts in phrasings the participant reader does not propose (see `proposed_arm_sizes`); `arms_text`, the
    record's sentences of allocation or comparison; `arms_text_so_far`, those up to this sentence (the title among them)."""
    if arms_text_so_far is None:
        arms_text_so_far = arms_text
    text = sentence.text
    counts = [count for count in sorted(find_counts(text) + _after_a_joined_stop(text), key=lambda c: c.start) if not _UNIT_AFTER.match(text, count.end)]
    found = _gapped_list(sentence, counts, arms_text)
    # "19 subjective groups and 15 objective group patients were studied": the last names the people
    for run in _listed_before(text, counts, _COUNT_GROUP_PEOPLE):
        clause = _clause_around(text, run[0].start)
        if _COUNT_GROUP_PEOPLE.match(text, run[-1].end).group("people") and _STUDIED_VERB.search(clause) \
                and not _EVENT_VERB.search(_STUDIED_VERB.sub(" ", clause)):
            found.extend(_arm(sentence, count, "count_group_people") for count in run)
    # "582 antihistamine-treated and 557 placebo-treated asthma patients"
    for run in _listed_before(text, counts, _TREATED_ADJECTIVE):
        people = _PEOPLE_SOON.match(text, _TREATED_ADJECTIVE.match(text, run[-1].end).end())
        if people and not _SUBSET_BY_EVENT_AFTER.match(text, people.end()):
            found.extend(_arm(sentence, count, "treated_adjective") for count in run)
    for bracket in re.finditer(r"[(\[]([^()\[\]]*)[)\]]", text):
        inner, offset = bracket.group(1), bracket.start(1)
        outside = {count.value for count in counts if not bracket.start() <= count.start < bracket.end()}
        # "99 patients (azelastine = 53, placebo = 46)": the parts make up a count stated outside the bracket
        items = list(_LABEL_EQUALS.finditer(inner))
        clause = _clause_around(text, bracket.start())  # its brackets blanked: "99 patients ( ) enrolled"
        if len(items) >= 2 and _SIZE_VERB.search(clause) and not _EVENT_VERB.search(clause) and "".join(m.group(0) for m in items).strip() == inner.strip() \
                and not any(_NOT_A_GROUP_LABEL.match(m.group("label")) for m in items) \
                and sum(int(m.group("n")) for m in items) in outside:
            found.extend(_arm(sentence, count, "label_equals") for m in items
                         if (count := _count_at(counts, offset + m.start("n"))))
        # "90 patients were randomised (drug A 46; drug B 44)": a treatment's name then its count, the parts making up
        # a count the clause sizes, the names standing where the record allocates or compares before the sizes (not a
        # later result comparing traits: "(Europe 46; Asia 44) ... Healing in Europe was compared with Asia")
        named = list(_LABEL_SPACE_N.finditer(inner))
        if len(named) >= 2 and _SIZE_VERB.search(clause) and not _EVENT_VERB.search(clause) \
                and "".join(m.group(0) for m in named).strip() == inner.strip() \
                and not any(_NOT_A_GROUP_LABEL.match(m.group("label")) for m in named) \
                and sum(int(m.group("n")) for m in named) in outside \
                and _named_where_compared([m.group("label").split()[0] for m in named],
                                          arms_text_so_far.replace(bracket.group(0), " ")):
            found.extend(_arm(sentence, count, "label_space_n") for m in named
                         if (count := _count_at(counts, offset + m.start("n"))))
        # "(OCA 1, 40 patients)" in a sentence of groups
        labelled = _LABEL_THEN_PEOPLE.match(inner)
        if labelled and _GROUPS_TOLD.search(text) and not _NOT_A_GROUP_NAME.match(labelled.group("label")) \
                and (count := _count_at(counts, offset + labelled.start("n"))):
            found.append(_arm(sentence, count, "label_then_people"))
        # "156 completed the study (78 in A and 78 in B)": a breakdown of the people a verb sized, no event told
        parts = list(_IN_GROUP_ITEM.finditer(inner))
        head = _clause_around(text[:bracket.start()], bracket.start())
        if len(parts) >= 2 and "".join(m.group(0) for m in parts).strip() == inner.strip() \
                and sum(int(m.group("n")) for m in parts) in outside and _SIZE_VERB.search(head) \
                and not _EVENT_VERB.search(head):
            found.extend(_arm(sentence, count, "parenthetical_breakdown") for m in parts
                         if (count := _count_at(counts, offset + m.start("n"))))
    found.extend(_allocated_bare_counts(sentence, counts))
    found.extend(_sentence_group_phrases(sentence, counts))
    found.extend(_in_n_the_treatment_was(sentence, counts, arms_text))
    found.extend(_same_verb_list(sentence, counts))
    found.extend(_arm(sentence, count, "allocated_to_each") for count in counts
                 if (m := _ALLOCATED_TO_EACH.match(text, count.end)) and not _A_TOTAL_BEFORE.search(text[:count.start])
                 and not _N_VALUE.search(text, m.end()))
    return found


#: A verb of taking a treatment oneself, repeated for each group: "76 self-administered A, and 40 self-administered
#: placebo", "52 used the device and 50 used a sham device", "30 took drug A, 31 took drug B".
_TOOK_VERB = re.compile(r"\s+(?:(?:" + _PEOPLE + r"|women|men)\s+)?(?P<verb>self[-\s]?(?:administered|injected|treated|medicated)|"
                        r"administered|took|used)\s+(?P<what>[^,;.]{1,60}?)(?=\s*(?:,|;|\.|$|\band\b))", re.I)


#: Use of a medicine before or outside the allocation, not a group: "120 used oral contraceptives ... at baseline", "210
#: took aspirin before enrolment", "38 had previously used insulin", "64 were already taking metformin".
_USE_BEFORE = re.compile(r"\b(?:at\s+(?:baseline|entry|study\s+entry|enrol?ment|inclusion|screening|admission)|baseline|"
                         r"before\s+(?:enrol\w*|entry|inclusion|randomi[sz]\w*|recruitment|admission|the\s+(?:study|trial)|"
                         r"study|trial)|prior\s+to|previous(?:ly)?|prior|already|current(?:ly)?|concomitant(?:ly)?|"
                         r"pre[-\s]?(?:existing|study|trial|randomi[sz]\w*|enrol\w*)|history\s+of|regular\s+users?)\b", re.I)


_ADHERENCE = re.compile(r"\b(?:regularly|as\s+prescribed|correctly|still|continued|stopped|daily|every\s+day)\b", re.I)


def _same_verb_list(sentence: Sentence, counts: list) -> list[Extracted]:
    """Counts each followed by the same verb of taking a treatment, one after the other ("N took A, and M took B"), where
    the list names a comparator or a dose or the sentence allocates; not rescue treatment."""
    text = sentence.text
    items = [(count, m) for count in counts if (m := _TOOK_VERB.match(text, count.end))]
    run: list = []
    for count, m in items:
        if run and (m.group("verb").lower() != run[-1][1].group("verb").lower()
                    or not _LIST_SEPARATOR_BEFORE.search(text[:count.start]) or count.start - run[-1][1].end() > 8):
            if len(run) >= 2:
                break
            run = []
        run.append((count, m))
    if len(run) < 2:
        return []
    listed = text[run[0][0].start:run[-1][1].end()]
    if _RESCUE.search(text) or _AT_FOLLOW_UP.search(text) or _ADHERENCE.search(listed) or _USE_BEFORE.search(text) \
            or not (_COMPARATOR_OR_DOSE.search(listed) or _ARMS_TOLD.search(text)):
        return []  # (not "At 6 months, 40 took drug A regularly and 12 took placebo": adherence at follow-up)
    return [_arm(sentence, count, "same_verb_list") for count, _ in run]


#: The whole sample before a count ("A total of 90 patients were randomly assigned to each of the three groups"): not
#: every group's size.
_A_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|overall|altogether|all)\s*,?\s*$", re.I)


#: "50 patients randomized to each treatment group", "40 children were randomly assigned to each of the three arms", "60
#: women were allocated per arm": one size stated once for every group (read once).
_ALLOCATED_TO_EACH = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:" + _PEOPLE + r"|women|men|girls|boys|mothers)\s+(?:(?:were|was)\s+)?(?:then\s+)?"
                                r"(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\s+"
                                r"(?:(?:to|into)\s+each\s+(?:of\s+(?:the\s+)?(?:two|three|four|five|\d+)\s+)?(?:[\w-]+\s+){0,2}?|per\s+)"
                                r"(?:groups?|arms?)\b", re.I)


#: An allocation to treatments ("randomized to", "assigned into"), not to places ("randomized in 38 centres").
_ALLOCATED_TO = re.compile(r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\s+(?:to|into)\b", re.I)
#: "(102)": a bracket holding a bare count, after a word (a treatment's name, not a number or a unit).
_BARE_COUNT_BRACKET = re.compile(r"(?<=[A-Za-z)\]])\s*\((?P<n>\d+)\)")


def _allocated_bare_counts(sentence: Sentence, counts: list) -> list[Extracted]:
    """"195 patients were randomized to receive A alone (102) or B plus A (93)": after an allocation, each treatment's
    count in a bracket of its own, the counts making up a count stated before them."""
    text = sentence.text
    allocated = _ALLOCATED_TO.search(text)
    if allocated is None:
        return []
    bare = [m for m in _BARE_COUNT_BRACKET.finditer(text, allocated.end()) if not _UNIT_AFTER.match(text, m.end("n"))]
    before = {count.value for count in counts if count.start < allocated.start()}
    if len(bare) < 2 or sum(int(m.group("n")) for m in bare) not in before:
        return []
    return [_arm(sentence, count, "allocated_bare_count") for m in bare if (count := _count_at(counts, m.start("n")))]


#: "randomized to two groups, each with 37 patients", "divided into three groups of 20": one size for every group.
_EACH_GROUP_OF = re.compile(r"\b(?:groups?|arms?),?\s+each\s+(?:with|of|comprising|containing|including)\s+(?P<n>\d+)\s+"
                            r"(?:[\w-]+\s+)?" + _PEOPLE + r"\b|\b(?:divided|randomi[sz]ed|allocated|assigned|split)\s+(?:\w+\s+)?into\s+"
                            r"(?:two|three|four|five|six|\d)\s+(?:[\w-]+\s+)?groups\s+of\s+(?P<m>\d+)\b"
                            # "groups of 40 and 40", "of 42 and 38 patients": each group's size in turn
                            r"(?P<more>(?:\s*,\s*\d+)*,?\s+and\s+\d+(?!\s*[-‐‑.,·]?\d)(?=(?:\s+(?:[\w-]+\s+)?" + _PEOPLE + r")?\b(?!\s+[\w-]+\s+" + _PEOPLE + r")))?"
                            # not groups of different sizes told by kind: "two groups of 15 controls and 11 patients"
                            r"(?!(?:\s+[(\w)-]+){0,3}?\s*(?:,|and)\s+\d)", re.I)
#: After "divided into three groups of 20": what the groups were formed by or for, strata or sessions of the sample
#: ("according to their body mass index", "by age", "for the focus group sessions"), unless by the random sequence
#: ("according to a computer-generated list").
_GROUPS_FORMED_BY = re.compile(r"\s*(?:patients|participants|subjects|each)?\s*,?\s*(?:(?:according\s+to|based\s+on|on\s+the\s+basis\s+of|"
                               r"by|stratified\s+by)\s+(?!(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}?(?:random|computer|block|"
                               r"sealed|envelope|allocation|sequence|table|lottery|draw|coin|minimi[sz]ation))|"
                               r"for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:focus|discussions?|interviews?|sessions?|workshops?|"
                               r"meetings?|seminars?|classes))", re.I)
#: "20 were then randomised to receive A and 23 to receive B": the verb left out after the first.
_RANDOMISED_TO_RECEIVE = re.compile(r"(?P<a>\d+)\s+(?:" + _PEOPLE + r"\s+)?(?:were|was)\s+(?:then\s+|subsequently\s+)?"
                                    r"(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+to\s+receive\s+[^;]*?"
                                    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<b>\d+)\s+to\s+receive\b", re.I)
#: "11 adult patients with autism were compared with nine matched controls": two counts of people compared.
_PEOPLE_COMPARED_WITH = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?" + _PEOPLE + r"\b[^;()]{0,80}?\b(?:were|was)\s+compared\s+"
                                   r"(?:with|to)\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                   r"[a-z]+teen|[a-z]+ty)\s+(?:[\w-]+\s+){0,2}?(?:" + _PEOPLE + r"|controls)\b", re.I)


#: "assessed in a group of 59 children with X and compared to that of a community sample of 59 children": two
#: counts of people compared, each a group's or a sample's.
_SAMPLE_OF = r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:group|sample|cohort|series)\s+of\s+"
_SAMPLES_COMPARED = re.compile(_SAMPLE_OF + r"(?P<a>\d+)\s+(?:[^;()]|\([^()\d]*\)){0,160}?\bcompared\s+(?:with|to)\s+"
                               r"(?:(?:that|those)\s+of\s+)?" + _SAMPLE_OF + r"(?P<b>\d+)\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:" + _PEOPLE + r"|patient|participant|subject|child|adult|control)\b", re.I)
#: "administered ... as either a 20 mg or a 40 mg tablet to 221 and 212 patients, respectively": a treatment given to
#: each group's people, in the order named.
_GIVEN_TO_RESPECTIVELY = re.compile(r"\b(?:administered|given|allocated|assigned|randomi[sz]ed|prescribed|offered)\b[^;]{0,160}?"
                                    r"\bto\s+(?P<list>(?:\d+\s*,\s*)*\d+\s*,?\s+and\s+\d+)\s+(?:[\w-]+\s+)?"
                                    + _PEOPLE + r",?\s+respectively\b", re.I)
#: "a comparative study of drug A (in 205 patients) and drug B (in 218 patients)": each treatment's people in a bracket.
_IN_N_BRACKET = re.compile(r"(?<=[A-Za-z])\s*\(\s*in\s+(?P<n>\d+)\s+(?:[\w-]+\s+)?" + _PEOPLE + r"\s*\)", re.I)
#: "In 117 patients the surgical treatment was simple closure ..., and in 90 patients vagotomy ...": each group's
#: treatment after its people (the treatment a noun, not "was stopped", "was successful").
_TREATMENT_NOUN = r"(?:treatment|therapy|procedure|operation|surgery|intervention|regimen|technique|approach|management)"
_IN_N_THE_TREATMENT_WAS = re.compile(
    r"\b[Ii]n\s+(?P<a>\d+)\s+" + _PEOPLE + r",?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _TREATMENT_NOUN
    + r"\s+(?:was|consisted\s+of|included)\s+(?:an?\s+|the\s+)?(?!\w+ed\b|\w+ly\b|\w+ful\b|not\b)(?P<w1>[A-Za-z][\w-]*)"
    r"[^;]*?,?\s+and\s+in\s+(?P<b>\d+)\s+(?:" + _PEOPLE + r"\s+)?(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _TREATMENT_NOUN
    + r"\s+was\s+)?(?:an?\s+|the\s+)?(?!\w+ed\b|\w+ly\b|it\b|the\b|this\b)(?P<w2>[A-Za-z][\w-]*)", re.I)


def _in_n_the_treatment_was(sentence: Sentence, counts: list, arms_text: str) -> list[Extracted]:
    """"In N people the treatment was A, and in M people B", the treatments standing where the record allocates or
    compares."""
    found = []
    for pair in _IN_N_THE_TREATMENT_WAS.finditer(sentence.text):
        if _named_where_compared([pair.group("w1"), pair.group("w2")], arms_text):
            found.extend(_arm(sentence, count, "in_n_the_treatment_was") for name in ("a", "b")
                         if (count := _count_at(counts, pair.start(name))))
    return found


#: "Safety of each dose was compared with that of placebo (n = 41)": the comparator's n, alone in its sentence.
_COMPARATOR_N = re.compile(r"\bcompared\s+(?:with|to)\s+(?:(?:that|those)\s+of\s+)?(?:the\s+)?(?:[\w+/-]+\s+){0,3}?[(\[]\s*"
                           r"[nN]\s*=\s*(?P<n>\d+)\s*[)\]]", re.I)


def _comparator_n_after_groups(sentences) -> list[Extracted]:
    """A lone "(n = N)" of the group compared with, in the sentence right after one that gives two groups' n's or more
    ("... at doses of 1 mg (n = 30), 2 mg (n = 31) and 4 mg (n = 29). Safety of each dose was compared with that of
    placebo (n = 32).")."""
    found = []
    for previous, sentence in zip(sentences, sentences[1:]):
        places = _place_brackets(previous.text)
        groups_before = [n for n in _N_VALUE.finditer(previous.text)
                         if (bracket := _bracket_around(previous.text, n.start())) is None or bracket[0] not in places]
        if previous.field != sentence.field or len(_N_VALUE.findall(sentence.text)) != 1 or len(groups_before) < 2:
            continue  # (not after places' n's: "Patients came from Spain (n = 30) and Italy (n = 31).")
        compared = _COMPARATOR_N.search(sentence.text)
        if compared and (count := _count_at(find_counts(sentence.text), compared.start("n"))):
            item = _arm(sentence, count, "comparator_n")
            if not _not_an_arm(item):
                found.append(item)
    return found


#: Another count of people between the first count and "were compared": "Of 300 randomised patients, the 45 patients
#: who developed delirium were compared with ...": the 45 are compared, not the 300.
_COUNTED_PEOPLE_BETWEEN = re.compile(r"\b\d+\s+(?:[\w'-]+\s+){0,2}?" + _PEOPLE + r"\b", re.I)
#: Those who would not take part: "210 eligible patients who declined to take part", "80 patients who refused
#: randomisation", "non-participants": compared with the participants, they are no group of the trial.
_NON_PARTICIPANTS = re.compile(
    r"\b(?:who|that)\s+(?:had\s+)?(?:declined|refused|did\s+not\s+(?:consent|agree|wish|want|participate|take\s+part|"
    r"enrol+|respond)|chose\s+not|were\s+not\s+(?:randomi[sz]ed|enrol+ed|included|eligible|willing))\b|"
    r"\bnon[-\s]?(?:participants|participating|responders|consenters|consenting|enrol+ed)\b|"
    r"\b(?:declined|refused)\s+(?:to\s+)?(?:participat\w*|take\s+part|randomi[sz]ation|consent|enrol\w*)\b", re.I)
#: People picked out by what happened to them: "the 45 patients who developed delirium ... with 255 who did not",
#: "compared with 50 patients who completed follow-up": an outcome or a subset, not the groups compared.
_PICKED_BY_AN_EVENT = re.compile(
    r"\b(?:who|that)\s+(?:had\s+)?(?:developed|experienced|suffered|died|survived|relapsed|responded|completed|finished|"
    r"withdrew|dropped\s+out|discontinued|were\s+lost|did\s+not(?=\s*(?:[,;.)]|$)))|\b(?:of\s+(?:them|these|whom)|"
    r"among\s+(?:them|these))\b", re.I)


def _not_groups_compared(text: str, start: int, end: int) -> bool:
    """The people compared between `start` and the end of the second's description are those who declined or
    refused to take part, or people picked out by an event or as a part of the others: no groups of the trial."""
    told = text[start:min(len(text), end + 80)]
    return bool(_NON_PARTICIPANTS.search(told) or _PICKED_BY_AN_EVENT.search(told))


def _sentence_group_phrases(sentence: Sentence, counts: list) -> list[Extracted]:
    text = sentence.text
    found = []
    for each in _EACH_GROUP_OF.finditer(text):
        if _GROUPS_FORMED_BY.match(text, each.end()):
            continue
        name = "n" if each.group("n") else "m"
        if count := _count_at(counts, each.start(name)):
            found.append(_arm(sentence, count, "each_group_of"))
        if each.group("more"):
            sizes = [_count_at(counts, each.start("more") + m.start()) for m in re.finditer(r"\d+", each.group("more"))]
            found.extend(_arm(sentence, size, "each_group_of") for size in sizes
                         if size and size.value != (count.value if count else None))
    for pair in _RANDOMISED_TO_RECEIVE.finditer(text):
        found.extend(_arm(sentence, count, "randomised_to_receive") for name in ("a", "b")
                     if (count := _count_at(counts, pair.start(name))))
    for first in counts:
        compared = _PEOPLE_COMPARED_WITH.match(text, first.end)
        if compared and (second := _count_at(counts, compared.start("n"))) \
                and not _COUNTED_PEOPLE_BETWEEN.search(text, first.end + 1, compared.start("n")) \
                and not _not_groups_compared(text, first.end, second.end):
            found.extend([_arm(sentence, first, "people_compared"), _arm(sentence, second, "people_compared")])
    for pair in _SAMPLES_COMPARED.finditer(text):
        if not _not_groups_compared(text, pair.start("a"), pair.end()):
            found.extend(_arm(sentence, count, "samples_compared") for name in ("a", "b")
                         if (count := _count_at(counts, pair.start(name))))
    for given in _GIVEN_TO_RESPECTIVELY.finditer(text):
        found.extend(_arm(sentence, count, "given_to_respectively") for number in re.finditer(r"\d+", given.group("list"))
                     if (count := _count_at(counts, given.start("list") + number.start())))
    brackets = list(_IN_N_BRACKET.finditer(text))
    if len(brackets) >= 2 and (_ARMS_TOLD.search(text) or _COMPARED_TOLD.search(text)):
        found.extend(_arm(sentence, count, "in_n_bracket") for m in brackets if (count := _count_at(counts, m.start("n"))))
    return found


def proposed_arm_sizes(record: Record) -> list[Extracted]:
    """Per-group counts read here, in phrasings the participant reader does not propose: a gapped list ("79 received
    A, 39 B and 36 C"), groups counted before "group patients" ("19 subjective groups and 15 objective group patients
    were studied") or before "X-treated" ("582 antihistamine-treated and 557 placebo-treated patients"), "label = N"
    parts of a stated count ("99 patients (azelastine = 53, placebo = 46)"), "(LABEL, N patients)" in a sentence of
    groups, and "(78 in A and 78 in B)" parts of a stated count. They are weighed by `arm_sizes` like the others, and
    are not offered to the total (whose reader is the participant reader's)."""
    found: list[Extracted] = []
    arms_text = _arms_text(record)
    sentences = record_sentences(record)
    for index, sentence in enumerate(sentences):
        if sentence.label and re.match(r"(?:TRIAL\s+)?REGISTRATION|FUNDING|CLINICAL\s*TRIAL|TITLE", sentence.label):
            continue
        so_far = " ".join(other.text for other in sentences[:index + 1] if _told_arms(other))
        so_far += " " + " ".join(other.text for other in sentences[index + 1:] if other.field == "title")
        found.extend(_per_group_phrases(sentence, arms_text, so_far))
    found.extend(_groups_then_n(sentences))
    found.extend(_comparator_n_after_groups(sentences))
    return found


#: "In the cimetidine group (n = 50), ...", "the H pylori positive group that became negative (n=33)", "The control
#: group (10 healthy volunteers) received placebo": a group named, then its size alone in a bracket.
_GROUP_THEN_N = re.compile(r"\b(?:the|a|an)\s+(?P<label>(?:[\w+/-]+\s+){0,4}?)(?:group|arm)\b"
                           r"(?:\s+(?:that|who|which)\b[^(),;]{0,80}?)?\s*\(\s*(?:[nN]\s*=\s*(?P<n>\d+)|"
                           r"(?P<p>\d+)\s+(?:[\w-]+\s+)?" + _PEOPLE + r")\s*\)", re.I)


#: A time of follow-up or a verb of those measured again: "At 12 months, the intervention group (31 patients) and the
#: control group (27 patients) were reassessed": the people still followed, not the groups' sizes.
_AT_FOLLOW_UP = re.compile(r"\b(?:at|after)\s+(?:the\s+)?(?:\d+|one|two|three|four|five|six|twelve|[a-z]+teen|[a-z]+ty)[-\s]"
                           r"(?:weeks?|months?|years?)\b|\b(?:at|during)\s+(?:the\s+)?(?:[\w-]+\s+)?follow[-\s]?up\b|"
                           r"\b(?:re-?assessed|re-?evaluated|re-?examined|followed\s+up|remained|available\s+for)\b", re.I)
#: A group named by its rank or size ("the largest group", "the second group" of a clustering), not by a treatment.
_RANK_OR_SIZE = re.compile(r"\b(?:\w+est|first|second|third|fourth|last|other|same|whole|entire|total)\b", re.I)


def _groups_then_n(sentences) -> list[Extracted]:
    """Groups named with their size alone in a bracket, in the record's sentences: two groups with different names at
    least, or one named by its role in the trial ("the control group (10 healthy volunteers)")."""
    found, labels, people, told = [], set(), [], set()
    for sentence in sentences:
        if sentence.field == "title":
            continue
        counts = find_counts(sentence.text)
        taken = set()
        for m in _GROUP_THEN_N.finditer(sentence.text):
            label = m.group("label").strip().lower()
            if _NOT_A_GROUP_NAME.search(label) or _RANK_OR_SIZE.search(label) \
                    or _PICKED_BY_AN_EVENT.search(m.group(0)) or _AT_FOLLOW_UP.search(sentence.text) \
                    or (count := _count_at(counts, m.start("n" if m.group("n") else "p"))) is None \
                    or _not_an_arm(item := _arm(sentence, count, "group_then_n")):
                continue
            found.append(item)
            labels.add(label)
            taken.add(count.start)
        # the people counted before the groups: "Twenty patients with cirrhosis were studied", "62 patients were
        # randomised" (not after them: a further randomisation, "3466 participants in the intervention group were
        # further randomized", or others measured, "among 55 control subjects measured ...")
        if found:
            continue
        told.update(count.value for count in counts)
        people.extend((count.value, bool(_ALLOCATION_VERB.search(_clause_around(sentence.text, count.start))))
                      for count in counts if count.start not in taken and _bracket_around(sentence.text, count.start) is None
                      and _PEOPLE_SOON.match(sentence.text, count.end) and not _UNIT_AFTER.match(sentence.text, count.end))
    if not found or not (len(labels) >= 2 or any(_ARM_WORD.search(label) for label in labels)):
        return []
    sizes = [int(item.value) for item in found]
    if any(allocated and value > sum(sizes) for value, allocated in people):
        return []  # "62 were randomised ... the intervention group (31 patients) and the control group (27 patients)"
    if len(labels) == 1 and any(value > sizes[0] and value != 2 * sizes[0] and value - sizes[0] not in told
                                for value, _ in people):
        return []  # "Twenty patients with cirrhosis were studied. The control group (12 healthy volunteers) ...": one
        # group's size beside people counted otherwise (not "223 patients were enrolled, of which 107 were exposed to
        # A. ... the control group (n = 116)": the other group's size told)
    return found


def _reading_order(item: Extracted) -> tuple[bool, int, int]:
    return (item.span.field != "title", -1 if item.span.section is None else item.span.section, item.span.start)


def arm_sizes(candidates: list[Extracted], record: Record | None = None) -> list[Extracted]:
    """The per-group counts, from the candidates the participant reader found (and, given the record, those
    `proposed_arm_sizes` reads): those that count something other than a compared group (an event fraction, a share,
    a statistic's n, studies, sexes, things, an event in a group, a planned size) are refused."""
    if record is not None:
        taken = {(item.span.field, item.span.section, item.span.start) for item in candidates}
        extra = {(item.span.field, item.span.section, item.span.start): item for item in proposed_arm_sizes(record)}
        candidates = sorted(list(candidates) + [item for key, item in extra.items() if key not in taken], key=_reading_order)
    kept = [item for item in candidates if not _not_an_arm(item)]
    # the people of each group who completed or finished, once the groups' allocated sizes are stated: "58 were
    # randomized to A and 62 to B. ... 50 patients in the A group and 55 in the B group completed the study"
    allocated = [item for item in kept if _allocated_size(item)]
    if len(allocated) >= 2:
        kept = [item for item in kept if item in allocated or not _completers(item)]
    # a group named with its n in a bracket is read only where no other phrasing gives the groups: after "randomly
    # assigned to A (n=40) or B (n=39)", "the intervention group (n=31)" at follow-up is the part still measured
    if any(not item.extractor.endswith(".group_then_n") for item in kept):
        kept = [item for item in kept if not item.extractor.endswith(".group_then_n")]
    return kept


#: Those who completed or finished (the treatment, the study, the follow-up): fewer than were allocated.
_COMPLETED = re.compile(r"\b(?:completed|finished|returned\s+for)\b", re.I)
#: A verb of allocation to the groups ("were randomized to receive", "assigned to", "allocated to").
_ALLOCATION_VERB = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\b", re.I)


def _own_clause(item: Extracted) -> str:
    """The count's clause, cut also at a full stop before a capital the sentence splitter kept ("to drug B. Fifty")."""
    text, start = item.span.sentence, item.span.in_sentence[0]
    stops = [m.end() for m in re.finditer(r"\.\s+(?=[A-Z])", text)]
    begin = max([stop for stop in stops if stop <= start], default=0)
    end = min([stop for stop in stops if stop > start], default=len(text))
    return _clause_around(text[begin:end], start - begin)


#: A stage completed before what the clause tells: "Having completed a 2-week run-in, 52 patients received A".
_COMPLETED_BEFORE = re.compile(r"\b(?:having|after|once|when|upon)\s+(?:(?:they|he|she|had|been|successfully)\s+){0,2}"
                               r"(?:completed|finished)\b", re.I)


def _completers(item: Extracted) -> bool:
    clause = _COMPLETED_BEFORE.sub(" ", _own_clause(item))
    return bool(_COMPLETED.search(clause)) and not _ALLOCATION_VERB.search(clause)


def _allocated_size(item: Extracted) -> bool:
    clause = _own_clause(item)
    return bool(_ALLOCATION_VERB.search(clause)) and not _COMPLETED.search(clause)
