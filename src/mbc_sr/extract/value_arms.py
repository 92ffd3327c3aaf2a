"""The arm a reported value belongs to, named as its sentence writes it — shared by medians and rates.

A value is tied to a group only when its sentence says so:

- right after it, "X months with/for/in/on A" ("7.8 months with everolimus", "3.2 months in the placebo arm",
  "67.7% for chemotherapy") or a bracket "9.5% (everolimus)";
- right before it, "A: X months" ("everolimus: 7.8 months; placebo: 3.2 months");
- for a pair or list "X vs Y months", "X and Y months": the groups listed in the same order and number after it
  ("with A and B, respectively", "in the A and B arms", "with A vs B") or before it in its clause ("with A vs B was",
  "A versus B:", "for the A and B groups", "in group A versus group B (80% versus 62%)").

A list before the values counts only in their own clause and for their own measure: the clause ends at ";", ", while",
", but", ", whereas", ", and", "and median" (and looks back at most `_CLAUSE_WINDOW` characters); a clause naming two
measures ("ORR with A vs B was 12% vs 2%, median PFS was ..."), a comparison between the list and the values ("in
visceral vs non-visceral disease") or a group phrase after the values that names no arms ("in the ER-low and ER-high
subgroups") leaves the values without arms — never a fall-back to an earlier list. A prior treatment is no arm
("previously treated with A vs B", "progressing on A vs B", "treated with A vs B, median PFS with C was").

Otherwise the arm is None — never guessed: not for one value of a pair ("7.8 vs 3.2 months in the A arm"), not for
"7.8 vs 3.2 months" with no groups named, not for a whole population ("in the overall population", "in both arms",
"in all patients") or a subgroup ("in patients with liver metastases", "in the PIK3CA-mutant and wild-type cohorts",
"for the luminal A and luminal B groups": a group named by a characteristic of the disease or the patients). Groups
joined by "and" are split into arms only after "between", before a plural "arms/groups" or "respectively": "with
everolimus and exemestane" may be one combination; one value before "with A and B, respectively" takes neither.

After every preposition ("with", "receiving", "in", "for", "among", "on"), in a bracket or before a colon, the phrase
must name a treatment or a group: an arm word ("arm", "group", "cohort"), a drug of the review's lists (`arms.py`) or
a drug-like name, a treatment word ("placebo", "control", "chemotherapy", ...) or "patients treated with ...";
"with acceptable toxicity" names none.

Names are trimmed to the group itself: "the control group" → "control", "the everolimus arm" → "everolimus",
"patients treated with everolimus" → "everolimus", "everolimus-treated patients" → "everolimus"; a labelled group
keeps its label ("group A", "arm 2"), a dose arm its dose ("the upadacitinib 15 mg group" → "upadacitinib 15 mg"), not
its schedule ("everolimus 5 mg daily" → "everolimus 5 mg"). A name has at most six words of at most 40 characters, so
reading arms takes time linear in the sentence's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mbc_sr.extract.arms import COMPARATORS, MTOR_INHIBITORS, PARTNER_DRUGS
from mbc_sr.extract.outcomes import outcome_mentions

#: What follows a number before its arm: its per-cent sign, its unit, a bracket of numbers (a CI, an n, a p).
_TRAILER = re.compile(
    r"(?:\s*%|\s*(?:months?|mos?\b\.?|weeks?|wks?\b\.?|days?|years?|yrs?\b\.?|hours?|hrs?\b\.?|h\b)"
    r"|\s*[(\[][^()\[\]]*\d[^()\[\]]*[)\]])*",
    re.I,
)
#: Between two values of one comparison: "7.8 vs 3.2", "9.5% and 0.4%", "18.5 months compared to 11.3".
#: (Each white-space run follows a word or a comma, so a long run is read once, not split every way.)
_BETWEEN_PAIR = re.compile(r"\s*(?:,\s*)?(?:(?:vs\.?|versus|v\.?|and|or|compared\s+(?:with|to)|against)\s*)?(?:,\s*)?", re.I)
#: A preposition that ties what follows to the value before it.
#: Not after a comma: ", with registers of 17-OHP measurements" starts another thought.
_PREPOSITION_AFTER = re.compile(r"\s*(?P<prep>with|for|in|on|among|receiving|between)\s+", re.I)
#: A bracket after a value that may name its arm: "(everolimus)", no numbers inside.
_BRACKET_AFTER = re.compile(r"\s*\((?P<inner>[^()\[\]\d%=<>]{2,50})\)")
_RESPECTIVELY = re.compile(r"\s*(?:,\s*)?respectively\b", re.I)

#: A word of a name is at most 40 characters: a longer run ("a-a-a-...") names no group, and each name is read in
#: bounded time (six words), so reading arms stays linear in the sentence's length.
_MAX_WORD = 40
_TOKEN = re.compile(r"[A-Za-z][\w+/'·-]{0,%d}(?![\w+/'·-])|\+|\d{1,%d}(?:[.·]\d{1,6})?(?![\d.·])" % (_MAX_WORD - 1, _MAX_WORD))
_JOINER = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|(?P<word>vs\.?|versus|v\.|and|or)\s+)", re.I)
#: A dose after a drug's name keeps the arm apart from another dose's: "the upadacitinib 15 mg group".
_DOSE_UNIT = re.compile(r"\s*(?:mg|µg|μg|mcg|g|IU|Gy)(?![\w])", re.I)
_GROUP_WORD = re.compile(r"(?:arms?|groups?|cohorts?)$", re.I)
_PLURAL_GROUP_WORD = re.compile(r"(?:arms|groups|cohorts)$", re.I)
_LABEL = re.compile(r"(?-i:[A-Z]|\d{1,2}|I{1,3}|IV)$")
#: Words that end a group's name: verbs, prepositions, conjunctions, statistics, units.
_STOP_WORDS = frozenset("""
was were is are be been being had has have did does do showed shows show resulted results yielded yields led
achieved achieves demonstrated reached appeared remained seemed compared relative respectively p hr or rr ci
which who that than but while whereas when where at by from during since until in for with of among to as after
before per on over under versus vs v and the an median mean months month mo mos weeks week wk wks days day years year yrs
hours hour h hrs
""".split())
#: Verbs in -ed that are part of a treatment's name, not a verb ending it.
_NAME_WORDS_IN_ED = frozenset("treated untreated pretreated based combined targeted pegylated liposomal conjugated "
                              "modified enhanced attenuated inactivated recombinant".split())
#: A name with one of these words is a population, a statistic or a state, not an arm.
_NOT_AN_ARM = re.compile(
    r"\b(?:overall|all|both|each|either|entire|whole|total|population|study|trial|trials|studies|subgroups?|subsets?|"
    r"ITT|intention|intent|per-protocol|protocol|evaluable|analy[sz]\w*|median|mean|CI|confidence|interval|range|IQR|"
    r"HR|hazard|risk|odds|survival|respon\w*|rates?|follow-up|followup|respect|regard|exception|terms?|addition|basis|"
    r"contrast|comparison|time|times|significan\w*|differences?|improvement|"
    r"benefit|increase|reduction|trend|advantage|prolongation|gain|statistical\w*|disease|diseases|metastas[ie]s|"
    r"positive|negative|stage|grade|age|aged|years?|months?|weeks?|days?|(?-i:CR|PR|SD|PD|NR|NE|NA)|RECIST|IRC|BICR|"
    r"investigator\w*|central|independent|review|assessment|assessed|cases?|events?|deaths?|progression|"
    r"first|second|third|primary|secondary|final|interim|update\w*|cut-?off|data|baseline|line|setting|"
    # a group named by a characteristic of the disease or the patients is a subgroup, not an arm
    r"mutant|mutated|mutations?|wild-?type|WT|amplified|amplification|high(?![\s-]+dose)|low(?![\s-]+dose)|luminal|"
    r"subtypes?|basal(?:-like)?|enriched|expression|expressing|status|visceral|non-visceral|liver|lung|bone|brain|"
    r"nodal|metastatic|sites?|menopausal|premenopausal|postmenopausal|older|younger|elderly|sensitive|resistant|"
    r"refractory|pretreated|naive|naïve|histolog\w*|ductal|lobular|TNBC|triple)\b",
    re.I,
)
_TREATMENT_WORDS = (
    r"placebos?|controls?|chemotherapy|chemo|therapy|therapies|treatment|monotherapy|regimen|radiotherapy|surgery|"
    r"observation|vaccine|combination|plus|sham|standard|experimental|intervention|active|usual\s+care|BSC|SOC|"
    r"inhibitors?|agents?|blockers?|antagonists?|agonists?|antibod(?:y|ies)|drugs?"
)
_LEXICON = sorted(
    {name for names in MTOR_INHIBITORS.values() for name in names} | set(PARTNER_DRUGS) | set(COMPARATORS), key=len, reverse=True
)
#: A name that shows it is a treatment or a group: an arm word, a drug of the review's lists, a drug-like name
#: (an -mab, -nib, -limus, -platin, -taxel, ...), a code ("AZD2014", "MK-8669"), "+" or a treatment word.
_TREATMENT = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in _LEXICON) + r")(?![\w])|"
    r"\b(?:" + _TREATMENT_WORDS + r"|arms?|groups?|cohorts?)\b|"
    r"\b[\w-]*(?:mab|nib|lib|sib|rib|limus|platin|taxel|rubicin|citabine|mide|stat|tide|vir|cillin|mycin|floxacin|azole|"
    r"olol|pril|sartan|parin|trexate|stane|trozole|oxifen|strant|relin|ciclib|parib|lisib|sertib|cept)\b|"
    r"\b[A-Z]{2,5}-?\d{2,}\b|\+",
    re.I,
)
#: The people of a group before its treatment: "patients treated with", "those receiving", "women randomised to".
_PEOPLE_GIVEN = re.compile(
    r"(?:the\s+)?(?:patients|those|women|men|participants|subjects|people|children)\s+(?:who\s+(?:were\s+)?)?"
    r"(?:(?:treated|randomi[sz]ed|assigned|allocated)\s+(?:with|to)|receiving|received|given|taking|on|in)\s+(?:the\s+)?",
    re.I,
)
_PEOPLE_WITH = re.compile(r"\b(?:patients|those|women|men|participants|subjects|people|children|cases|tumou?rs)\s+with\s+$", re.I)
_LABEL_AFTER = re.compile(r"[ \t]+(?-i:[A-Z]|\d{1,2}|I{1,3}|IV)\b")
_SPACES = re.compile(r"\s*")
_ARTICLE = re.compile(r"the\s+", re.I)
#: A rate's or an outcome's name: values after two of them in one clause belong to several measures.
_RATE_WORD = re.compile(r"\b(?:ORRs?|CBRs?|DCRs?|(?:objective|overall)\s+(?:tumou?r\s+)?response|response\s+rates?|"
                        r"clinical\s+benefit|disease\s+control)\b", re.I)
#: Where a new thought starts inside a sentence: a ";", a contrast ("while", "but", "whereas"), ", and", or "and
#: median ..." — a group list before it belongs to the values of its own clause.
_CLAUSE_CUT = re.compile(r";|,\s*(?:and|while|whereas|but|although|though|however)\b|\b(?:while|whereas|but)\b|"
                         r"\band\s+(?:the\s+)?(?:median|mean)\b", re.I)
#: A group list is looked for at most this far before its values (also keeps the reading linear).
_CLAUSE_WINDOW = 300
#: A schedule at the end of a name is no part of the arm: "everolimus 5 mg daily" -> "everolimus 5 mg".
_SCHEDULE_WORDS = frozenset("daily weekly monthly orally once twice bid b.i.d qd od tid q2w q3w q4w po iv intravenously "
                            "every".split())
#: Before a group list, a cue that the groups are a prior treatment, not the study's arms: "previously treated with",
#: "pretreated with", "progressing on", "after", "refractory to", "who had received".
_PRIOR_CUE = re.compile(r"(?:previously|prior|pre-?treated|heavily|after|following|progressing|progressed|progression|"
                        r"refractory|resistant|failure|failing|relapsing|relapsed|who\s+had|had\s+(?:been|received))"
                        r"(?:\s+(?:treated|treatment|received|therapy|exposure))?\s+(?:with|on|to|of|after|from)?\s*$", re.I)
_TREATED_WITH = re.compile(r"\btreated\s+with\s*$", re.I)
#: After the values, a phrase that lists groups ("in the ER-low and ER-high subgroups", "in patients with and without
#: ..."): when it names no arms, an earlier list in the clause is not theirs either.
_GROUPS_AFTER = re.compile(r"\s*(?:,\s*)?(?:with|for|in|on|among|between|receiving)\s+(?P<phrase>[^;,.:()\[\]\d]{1,120})", re.I)
_LISTS_GROUPS = re.compile(r"\b(?:vs\.?|versus|and|or|respectively|(?:sub)?(?:groups|arms|cohorts|populations|subsets)|"
                           r"subgroup)\b", re.I)
_PREPOSITION_BEFORE_LIST = re.compile(r"[(,:]\s*|\b(?:with|for|in|of|on|among|between|receiving)\s+", re.I)


@dataclass(frozen=True, slots=True)
class _Name:
    """One group's name as written, trimmed; whether it shows a treatment or a group; where it ends in the text."""

    name: str
    treatment: bool
    plural_group_word: bool  # ends with "arms", "groups", "cohorts": "the A and B arms"
    end: int


@dataclass(frozen=True, slots=True)
class _Groups:
    """Group names read from a phrase, how they were joined ("vs", "and", "or", ","), where the phrase ends."""

    names: tuple[_Name, ...]
    joiners: tuple[str, ...]

    @property
    def plural_group_word(self) -> bool:
        return self.names[-1].plural_group_word

    @property
    def all_treatments(self) -> bool:
        return self.plural_group_word or all(name.treatment for name in self.names)

    @property
    def end(self) -> int:
        return self.names[-1].end


_TOKEN_AT = re.compile(r"[ \t]*(?P<token>" + _TOKEN.pattern + r")")
_FIRST_WORD_NO_ARM = frozenset("a an no any this that these those its their our".split())


def _read_name(text: str, position: int, limit: int | None = None) -> _Name | None:
    """One group name from `position` (`_STOP_WORDS` and punctuation end it; at most six words), or None when it
    names no group (`_NOT_AN_ARM`, an outcome, nothing but "patients")."""
    limit = len(text) if limit is None else limit
    people = _PEOPLE_GIVEN.match(text, position, limit)
    if people:
        position = people.end()
    elif article := _ARTICLE.match(text, position, limit):
        position = article.end()
    words: list[str] = []
    end = position
    plural = False
    while len(words) < 6:
        found = _TOKEN_AT.match(text, end, limit)
        if found is None:
            break
        word = found.group("token")
        labelled = bool(words) and (bool(_GROUP_WORD.fullmatch(words[-1]) and _LABEL.fullmatch(word))
                                    or bool(word[0].isdigit() and _DOSE_UNIT.match(text, found.end(), limit)))
        lower = word.lower()
        if not labelled and (word[0].isdigit() or lower in _STOP_WORDS
                             or (lower.endswith("ed") and lower not in _NAME_WORDS_IN_ED and not lower.endswith("-treated"))):
            break
        words.append(word)
        end = found.end()
        if _GROUP_WORD.fullmatch(word) and not _LABEL_AFTER.match(text, end, limit):
            plural = bool(_PLURAL_GROUP_WORD.fullmatch(word))
            break  # "the everolimus arm": the name ends with its arm word, unless a label follows ("arm A")
    while len(words) > 1 and words[-1].lower().rstrip(".") in _SCHEDULE_WORDS:
        words.pop()  # "everolimus 5 mg daily" -> "everolimus 5 mg": a schedule is no part of the arm's name
    if not words:
        return None
    treatment = people is not None or bool(_TREATMENT.search(" ".join(words)))
    if len(words) > 1 and re.fullmatch(r"arms?|groups?|cohorts?|patients|participants|women|men|subjects", words[-1], re.I):
        words = words[:-1]  # "the control group" -> "control"; "arm A" keeps its label
    if words[-1].lower().endswith("-treated") and len(words[-1]) > len("-treated"):
        words[-1] = words[-1][: -len("-treated")]  # "everolimus-treated patients" -> "everolimus"
        treatment = True
    name = " ".join(words)
    if (re.fullmatch(r"patients|participants|women|men|subjects|arms?|groups?|cohorts?", name, re.I)
            or words[0].lower() in _FIRST_WORD_NO_ARM or _NOT_AN_ARM.search(name) or outcome_mentions(name)):
        return None
    return _Name(name, treatment, plural, end)


def _read_groups(text: str, position: int, limit: int | None = None) -> _Groups | None:
    """Group names from `position`, joined by "vs", "versus", "and", "or" or commas ("everolimus plus exemestane and
    placebo plus exemestane"); a joiner followed by a number ends the list ("7.8 months with A and 3.2 months")."""
    limit = len(text) if limit is None else limit
    first = _read_name(text, position, limit)
    if first is None:
        return None
    names = [first]
    joiners: list[str] = []
    while not names[-1].plural_group_word:
        joiner = _JOINER.match(text, names[-1].end, limit)
        following = _read_name(text, joiner.end(), limit) if joiner else None
        if joiner is None or following is None:
            break
        word = (joiner.group("word") or ",").lower().rstrip(".")
        joiners.append("vs" if word in ("vs", "versus", "v") else word)
        names.append(following)
    shared = re.fullmatch(r"(arm|group|cohort)s\s+(\S+)", names[0].name, re.I)
    if shared and all(_LABEL.fullmatch(name.name) for name in names[1:]):
        # "groups A and B": one plural arm word for labels -> "group A", "group B"
        names = [_Name(f"{shared.group(1)} {name.name if index else shared.group(2)}", True, False, name.end)
                 for index, name in enumerate(names)]
    return _Groups(tuple(names), tuple(joiners))


def _in_order(groups: _Groups, count: int, after_between: bool, respectively: bool) -> bool:
    """`groups` names the `count` compared groups in order: joined by "vs"/"versus", or by "and" only after "between",
    with a plural arm word or before "respectively" (else "A and B" may be one combination)."""
    if len(groups.names) != count or count < 2:
        return False
    if all(joiner == "vs" for joiner in groups.joiners):
        return True
    return "vs" not in groups.joiners and (after_between or groups.plural_group_word or respectively)


def _after(text: str, end: int, count: int) -> list[str] | None:
    """The arms written right after a value (count 1) or after a list of `count` values ending at `end`."""
    bracket = _BRACKET_AFTER.match(text, end)
    if bracket:
        inner = bracket.group("inner").strip()
        name = _read_name(inner, 0)
        if count == 1 and name and name.treatment and name.end == len(inner):
            return [name.name]  # "9.5% (everolimus)"
        return None
    preposition = _PREPOSITION_AFTER.match(text, end)
    groups = _read_groups(text, preposition.end()) if preposition else None
    if preposition is None or groups is None:
        return None
    prep = preposition.group("prep").lower()
    if not groups.all_treatments:
        return None  # "in patients with liver metastases", "with acceptable toxicity": no treatment, no arm
    if count == 1:
        if (prep == "between" or groups.plural_group_word or any(joiner != "and" for joiner in groups.joiners)
                or (len(groups.names) > 1 and _RESPECTIVELY.match(text, groups.end))):
            return None  # "3.2 months with A vs B", "... with A and B, respectively": which of them is not said
        return [" and ".join(name.name for name in groups.names)]  # "with everolimus and exemestane": one combination
    if _in_order(groups, count, prep == "between", bool(_RESPECTIVELY.match(text, groups.end))):
        return [name.name for name in groups.names]
    return None


def _colon_before(text: str, start: int, clause_start: int) -> str | None:
    """"everolimus: 7.8 months": the name before a colon right before the value."""
    before = text[clause_start:start].rstrip()
    if not before.endswith((":", "=")):
        return None
    # only the last 80 characters: a long run of white space costs no more than a short one
    colon = re.search(r"(?:^|[;,(\[]|\b(?:vs\.?|versus|and))\s*(?P<name>[A-Za-z][^;,:()\[\]]{0,50}?)\s*[:=]$",
                      before[-80:], re.I)
    if colon is None:
        return None
    phrase = colon.group("name")
    name = _read_name(phrase, 0)
    if name is None or not name.treatment or name.end != len(phrase):
        return None
    return name.name


def _listed_before(text: str, start: int, clause_start: int, count: int) -> list[str] | None:
    """The `count` groups named in order in the clause before a list of values: "with A vs B was", "A versus B:",
    "for the A and B groups", "between A and B"; the last such list before the values.

    None when the clause names the values of several measures ("median PFS and OS with A vs B were ..."), when a
    comparison stands between the list and the values, or when the list is a prior treatment ("previously treated
    with A vs B", "progressing on A vs B"; "treated with A vs B, median PFS with C was": C is the study's)."""
    if _measure_count(text[clause_start:start]) > 1:
        return None
    chosen: _Groups | None = None
    chosen_treated_with = False
    openings = [(clause_start, "")] + [(m.end(), m.group(0).strip(" ,(:").lower())
                                       for m in _PREPOSITION_BEFORE_LIST.finditer(text, clause_start, start)]
    for position, prep in openings:
        before = text[max(clause_start, position - 60):position]
        if prep == "with" and _PEOPLE_WITH.search(before):
            continue  # "patients with high vs. low Lipiodol deposition": a characteristic, not a treatment
        if prep and _PRIOR_CUE.search(before):
            continue  # "previously treated with letrozole vs anastrozole": a prior treatment, not the arms
        groups = _read_groups(text, _SPACES.match(text, position, start).end(), start)
        if groups is None or not groups.all_treatments:
            continue
        if chosen is not None and chosen_treated_with and groups.end > chosen.end:
            chosen = None  # "treated with A vs B, median PFS with C": the later treatment is the study's
        if not _in_order(groups, count, prep == "between", False):
            continue
        chosen, chosen_treated_with = groups, prep == "with" and bool(_TREATED_WITH.search(before))
    if chosen is None or re.search(r"\b(?:vs\.?|versus|compared)\b", text[chosen.end:start], re.I):
        return None  # "with A vs B the ORR was ..., median PFS in X vs Y was": another comparison is nearer
    return [name.name for name in chosen.names]


def _measure_count(clause: str) -> int:
    """How many different outcomes and rates `clause` names ("median PFS and OS" two, "ORR and CBR" two)."""
    labels = {mention.label for mention in outcome_mentions(clause)}
    labels |= {"ORR" if re.match(r"ORR|objective|overall|response", m.group(0), re.I) else m.group(0)[:3].upper()
               for m in _RATE_WORD.finditer(clause)}
    return len(labels)


def _names_groups_after(text: str, end: int) -> bool:
    """Does a phrase right after the values list groups ("in the ER-low and ER-high subgroups", "for the A and B
    groups")? When `_after` took none of them as arms, no list earlier in the clause is theirs either."""
    phrase = _GROUPS_AFTER.match(text, end)
    return bool(phrase and _LISTS_GROUPS.search(phrase.group("phrase"))) or bool(_RESPECTIVELY.match(text, end))


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last `_CLAUSE_CUT` (";", ", while", ", but", "and
    median", ...) before it, at most `_CLAUSE_WINDOW` characters back (at a word's start), else the sentence start."""
    window = max(0, position - _CLAUSE_WINDOW)
    if window:
        space = text.find(" ", window, position)
        window = position if space < 0 else space + 1
    start = window
    for cut in _CLAUSE_CUT.finditer(text, window, position):
        start = cut.end()
    return start


def value_arms(text: str, values: Sequence[tuple[int, int]]) -> list[str | None]:
    """The arm of each value, or None (see the module docstring).

    `values` are the offsets in `text` (one sentence) of the numbers of one measure, in order ("7.8", "3.2" of
    "median PFS was 7.8 vs 3.2 months"); a unit, a per-cent sign or a bracket of numbers after each is skipped.
    Values joined only by "vs", "versus", "and", "or" or a comma form one comparison, whose groups are read together.
    """
    arms: list[str | None] = [None] * len(values)
    ends = [_TRAILER.match(text, end).end() for _, end in values]
    runs: list[list[int]] = []
    for index in range(len(values)):
        if runs and _BETWEEN_PAIR.fullmatch(text, ends[index - 1], values[index][0]) and ends[index - 1] <= values[index][0]:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        first, last = run[0], run[-1]
        clause_start = _clause_start(text, values[first][0])
        if len(run) == 1:
            after = _after(text, ends[first], 1)
            arms[first] = after[0] if after else _colon_before(text, values[first][0], clause_start)
            continue
        named = _after(text, ends[last], len(run))
        if named is None and not _names_groups_after(text, ends[last]):
            named = _listed_before(text, values[first][0], clause_start, len(run))
        if named:
            for index, name in zip(run, named):
                arms[index] = name
    return arms
