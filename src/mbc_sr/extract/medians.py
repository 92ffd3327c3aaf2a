"""Median times per arm: "median PFS was 7.8 vs 3.2 months", "mOS: 131 vs. 159 months",
"median OS of 18.5 (95% CI 11.76-21.32) months compared to 11.3 (...) months",
"(median 6·2 months [95% CI 4·6-8·7]) ... (3·2 months [2·8-4·1])", "PFS (3.7 vs 4.6 months, HR 0.98)",
"(median: 36, 95% CI: 26-45 months)". Each median keeps the arm its sentence ties it to ("7.8 months with
everolimus", "with A vs B was 7.8 vs 3.2 months"), read by `value_arms` over one outcome's medians at a time; else None.

A value is a median when its sentence says "median" (or mPFS/mOS/mTTP) before it — or, without that
word, when an outcome is directly followed by "(a vs b months", which no earlier "median" of something else takes over
and which is no pair of landmarks ("Landmark OS (12 months vs 24 months) was 80% and 62%") — and it is a number with a time unit,
or a number in an "a vs b", "a and b", "a, b and c" list that ends in a unit. Numbers inside CIs and
ranges are bounds, not medians (so is an unlabelled "(8.1, 20.4)" under an "(interquartile range)"
header). Median follow-up, age ("44 years of age", "58 years old", "age ... (median: 72 years)", a gestational age
"median GA at delivery was 38 weeks"), dose, number of cycles, a duration of anything but response, a period ("over a
median of 9.5 years"), a count or hospital stay ("number of inpatient days: median 3 days"), how long a step of care
or of the laboratory took ("median waiting time", "median time of organoid culture and drug testing"), restricted
*means* and time points ("at 12 months", "3-year", "through 24 months") are not outcome medians. "Not reached" has no
number and gives nothing. A time to an event may be printed in hours ("Median time to recurrence was shorter after A
(12.5 h) than after B (18 h)": unit hours); other medians in hours (a procedure, an infusion, a half-life, a time to a
drug's peak or to a step of care) are none.
A bracketed median annotating a range of follow-up whose subject stands up to 120 characters before it
("Follow-up for clinical outcomes ranged between 0.3 and 52.8 weeks (median 5 weeks)", "was followed until June 2019
(median 8.7 years)"), or of age up to 60, is none either; nor is an unnamed one right after a count of people ("186
patients (median 57 years and 138 males)": their age), unless its clause names an event before the count ("Progression
occurred in 45 patients (median 8.2 months)").
A median after a word of the sample-size calculation or a simulation in its clause ("powered to detect an improvement in
median PFS from 3 to 4.5 months", "assuming a median OS of 12 months") is a hypothesis, not a result: none.
The bounds of a range after "median" ("Median OS ranged from 2.9 to 18.3 months", a range of medians across the trials
of a meta-analysis) are no median, as a range of HRs is no HR.
A timing in pregnancy ("began HAART at a median of 30 wk of gestation") is none, nor is a bound ("an illness with a
median survival of 2 years or less": an eligibility threshold).
"for a median of" after no word of survival, response or an event is how long something was done ("breast-fed
for a median of 5 mo", "probes remained for a median of 6 days", "followed for a median of 15 years"): none; so is
"after a median of" ("discontinued the drug after a median of 1 month", "antibodies were measured after a median of
40 days"), unless an event occurred or it is an interval ("relapse occurred after a median of 14 months").
A median "interval" after no outcome name is a time between two events ("33% of those with amputation
subsequently died ..., with a median interval of 291 days"), so its outcome is other, never one carried over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mbc_sr.extract.brackets import innermost_open_bracket
from mbc_sr.extract.numbers import DASH, DECIMAL_PATTERN, parse_decimal
from mbc_sr.extract.outcomes import outcome_before, outcome_mentions
from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence, Span
from mbc_sr.extract.value_arms import value_arms
from mbc_sr.records import Record

_D = DECIMAL_PATTERN
_UNITS = (
    ("months", r"months?|mos?\b\.?"),
    ("weeks", r"weeks?|wks?\b\.?"),
    ("days", r"days?"),
    ("years", r"years?|yrs?\b\.?"),
    # hours only for a time to an event (`_HOURS_TO_AN_EVENT`): "Median time to recurrence was 12.5 h"
    ("hours", r"hours?|hrs?\b\.?|h\b"),
)
_UNIT = re.compile(r"(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _UNITS) + r")(?![\w-])", re.I)
#: A CI after a comma, with no bracket: "median: 36, 95% CI: 26-45 months". Its numbers are bounds, never medians.
_COMMA_CI = r",\s*\d{2}\s*%\s*CI\s*[:,]?\s*" + _D + r"\s*(?:" + DASH + r"|to)\s*" + _D
_BRACKET = (  # a CI or range between a number and its unit: "18.5 (95% CI 11.76-21.32) months", "3·2 [2·8-4·1]",
    # or a CI after a comma right before the unit
    r"(?:\s*[(\[]\s*(?:(?:\d{2}\s*%\s*)?(?:CI|confidence\s+interval|range|IQR)[^()\[\]]*|"
    + _D + r"\s*(?:" + DASH + r"|to)\s*" + _D + r")\s*[)\]]"
    + r"|" + _COMMA_CI + r"(?=\s*(?:months?|weeks?|days?|years?|hours?|hrs?|h)\b))?"
)
_SEP = r"\s*(?:vs\.?|versus|and|or|,\s*and|,|compared\s+(?:with|to))\s*"
_VALUE_LIST = re.compile(
    r"(?<![\w.·/-])(?P<first>" + _D + r")" + _BRACKET
    + r"(?P<more>(?:" + _SEP + _D + r"(?![\d.·])" + _BRACKET + r")*)\s*(?P<unit>" + _UNIT.pattern + r")?"
)
_MEDIAN_WORD = re.compile(r"\bmedians?\b|\bm(?:PFS|OS|TTP|DOR|DoR)\b", re.I)
_NOT_OUTCOME_MEDIAN = re.compile(
    # a gestational age only as "median GA at/of" ("median GA at delivery"), never "GA" further on, where it can name
    # a regimen ("median OS in the GA arm": gemcitabine plus nab-paclitaxel)
    r"^\W*(?:(?-i:GA)\s+(?:at|of)\b|(?:\w+\W+){0,3}?(?:follow[\s-]*up|age|aged|dose|doses|number|cycles?|duration\s+of\s+(?!response\b)|"
    r"treatment\s+duration|time\s+on|exposure|interval\s+from|time\s+from\s+diagnosis|survival\s+follow|BMI|weight|level|"
    r"value|score|volume|size|percent|isodose|"
    # how long a step of care or of the laboratory took ("median waiting time"), not a time to an outcome
    # ("median time to culture conversion" is one)
    r"(?:waiting|turn-?around|processing)\s+times?\b)|"
    # "time of/for" a laboratory step straight after "median" or its "(range)" ("median (range) time of organoid
    # culture and drug testing"), a whole word: not an outcome's time for patients or a therapy named by the step
    # ("median survival time for patients with culture-positive sepsis", "median PFS time for sequencing-guided therapy")
    r"^\W*(?:\((?:range|IQR|interquartile\s+range)\)\s*)?time\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:culture|testing|processing|manufactur\w*|sequencing)(?![\w-])(?!\s+(?:conversion|negativ|positiv)))",
    re.I,
)
_TIME_POINT_BEFORE = re.compile(
    # "during 8 hours in bed", "3 times per 8 hours": a period or the span of a rate, no median
    r"(?:\b(?:at|after|by|through|within|up\s+to|every|for|over|beyond|than|until|before|since|least|last|first|past|from|in|"
    r"during|per)"
    r"|[≥≤<>+~]|\bthe)\s*$",
    re.I,
)


#: Before "median": a period ("over a median of 9.5 years, 487 developed ...", "during a median of 4 years"), which
#: is a follow-up, not an outcome median.
_PERIOD_BEFORE_MEDIAN = re.compile(r"\b(?:over|during)\s+(?:a|the)\s+$", re.I)
#: Before "median": how long something was done ("infants were breast-fed for a median of 5 mo", "treated for a
#: median of 4 months") or how long after the start something was seen ("discontinued the drug after a median of
#: 1 month", "After median 5.8 years, outcomes did not differ"), a duration, not a time to an event, unless the
#: clause says the patients lived, survived, responded or an event occurred ("survived for a median of 10 months",
#: "relapsed after a median of 14 months", "removal occurred in 7 after a median of 229 days"), or the median is an
#: interval between two events ("implanted after a median interval of 13 days").
_FOR_A_MEDIAN = re.compile(r"\b(?:for\s+(?:a|the)|after(?:\s+(?:a|the))?)\s+$", re.I)
_LIVED_BEFORE = re.compile(
    r"\b(?:surviv\w*|lived|alive|respon\w*|remission|lasted|free|progress\w*|recur\w*|relaps\w*|died|death|occurr\w*)\b[^.;]*$", re.I
)
#: Before "median", in its clause: a count or a hospital stay ("number of inpatient days: median 3 days",
#: "length of stay (median 5 days"), whose median is no time to an event.
_COUNT_BEFORE_MEDIAN = re.compile(
    r"\b(?:number\s+of|length\s+of\s+(?:hospital\s+|ICU\s+)?stay|(?:hospital|ICU|inpatient)\s+(?:stay|days))[^.;,\d()\[\]]{0,30}[:(\[]?\s*$",
    re.I,
)

#: Before "median", in its clause: the sample-size calculation or a simulation ("powered to detect an improvement in
#: median PFS from 3 to 4.5 months", "assuming a median OS of 12 months", "the sample size was based on an expected
#: median TTP of 8 weeks", "simulated in which the median survival was 3.4 years"): the median is a hypothesis, not a
#: result. Only before "median", not across a ";" or ":", and never a bare "sample size" or "hypothesis": elsewhere
#: these words name no design ("Despite the small sample size, median PFS was ...", "In this hypothesis-generating
#: analysis, median OS was ...", "Median time to detect recurrence was ...", "longer than the 15 months assumed").
#: Commas may stand between ("simulate clinical, randomised, adjuvant therapy trials in patients with ... a median
#: survival time of 3.4 years").
_DESIGN_BEFORE_MEDIAN = re.compile(
    r"\b(?:to\s+detect|assum(?:ing|ed|ption)|powered|simulat\w*|"
    r"sample\s+size\s+(?:calculation|estimation|was\s+(?:based|calculated|estimated|determined|computed)))\b[^;:]*$",
    re.I,
)

#: Between "median" and its value: a range of medians ("Median OS ranged from 2.9 to 18.3 months" across the trials of
#: a meta-analysis, "median PFS varied between 1.5 and 7 months across studies") or of single survival times
#: ("median OS was 14 months, and survival ranged from 1 to 40 months"): its bounds are no median, as a range of HRs
#: is no HR. Not when the first value is an arm's own ("Median PFS varied from 5.1 months in arm A to 7.3 months in
#: arm B": two medians side by side).
_RANGE_BEFORE_VALUE = re.compile(
    r"\b(?:rang(?:ed|ing|es?)|var(?:ied|ying|ies|y))\s+(?:from|between)\b"
    r"(?!\s*" + _D + r"\s*(?:" + _UNIT.pattern + r")?\s+(?:in|with)\b)[^;]{0,40}$",
    re.I,
)

#: After "median": an interval ("with a median interval of 291 days" after "died"), the time between two events
#: (amputation and death), not a time from the study's start, so no PFS or OS: outcome other.
_INTERVAL_AFTER_MEDIAN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?intervals?\b(?!\s+from\b)", re.I)

#: Between "median" and a value in hours: a time to an event ("Median time to recurrence was shorter after A (12.5 h)",
#: "median time to onset of relief, 1.5 hours", "a median survival of 36 hours"). Other medians in hours are durations
#: or times that are no event: of a procedure or an infusion ("median operative time 2.5 h", "median infusion duration
#: 4 hours"), a half-life, or a time to a point that is no event (`_NO_EVENT_IN_HOURS`). Nor is the upper bound of a
#: range of hours ("12 - 36 hours").
#: "Time" may be plural, one per arm ("Median times to recurrence were 15.6 hours after A and 10.3 hours after B"), and
#: hyphenated ("median time-to-relapse").
_HOURS_TO_AN_EVENT = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?(?:times?[\s-]+(?:to|until)\b(?P<event>[^,;:()\[\]\d]*)|survival\b)", re.I)
#: The end of the event named after "time to": a verb, a bracket, a number or a preposition that starts what follows
#: ("time to recurrence was ...", "time to relief with A (1.5 h)", "time to discharge in the A group").
_EVENT_PHRASE_END = re.compile(r"\b(?:was|were|is|are|did|does|differed|ranged|in|with|after|following|from|since|during|on|by|when|for|"
                               r"among|between|than|compared|versus|vs)\b", re.I)
#: Any word of the phrase after "time to" naming a point that is no event of the patient's disease: a drug's
#: pharmacokinetics or blood count ("time to reach peak plasma concentration", "time to nadir"), a step of care
#: ("time to hospital discharge", "time to initiation of antibiotic therapy", "time to start of treatment", "time to
#: surgical intervention") or a laboratory result ("time to a positive blood culture"). A treatment's failure or response
#: is an event ("time to treatment failure").
_NO_EVENT_IN_HOURS = re.compile(
    r"\b(?:peak|max\w*|t\s*max|c\s*max|steady|nadir|plasma|serum|concentrations?|levels?|absorption|elimination|"
    r"(?:dose|doses|dosing|treatment|therapy|therapies|antibiotics?|antimicrobials?|drugs?)(?!\s+(?:failure|response|success))|"
    r"surgery|surgical|operation|operative|intervention|procedure|administration|infusion|injection|reperfusion|needle|"
    r"balloon|imaging|CT|MRI|scan|admission|hospital\w*|transfer|triage|randomi[sz]ation|discharge|enrol\w*|"
    r"consultation|assessment|evaluation|diagnosis|referral|initiation|initiating|start|starting|commencement|"
    r"positivity|positive|negative|culture|cultures|detection|results?|tests?|testing)\b",
    re.I,
)


#: A number right before "time(s) to": how often something was done ("woken a median of 3 times to void"), a count.
_COUNT_OF_TIMES = re.compile(
    r"(?:\d[\d.,·]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\s+times?[\s-]+(?:to|until)\s*$", re.I
)


def _time_to_an_event(between: str) -> bool:
    """The words between "median" and a value in hours name a time to an event, or survival."""
    found = _HOURS_TO_AN_EVENT.search(between)
    if found is None:
        return False
    if _COUNT_OF_TIMES.search(between, 0, found.start("event") if found.group("event") is not None else found.end()):
        return False  # "got up a median of 2 times to void": a count of times, not a time to an event
    if found.group("event") is None:
        return True  # survival
    phrase = _EVENT_PHRASE_END.split(found.group("event"), 1)[0]
    return not _NO_EVENT_IN_HOURS.search(phrase)


#: Around a value: the timing of a dose ("a second dose was taken 4 hours later", "doses given 4 hours apart", "took a
#: second dose 4 hours after the first"), a step of the schedule, not a median, even after a median in the sentence.
#: Before the value only the dosing word itself; after it only "later", "apart" or "earlier" ("15.6 hours after A" is
#: an arm's median). "given" and "taken" are generic, but right before a value with a unit they name an amount given
#: ("those given 6 months of chemotherapy"); an arm named after its median ("11 months in those given placebo") is read.
_DOSING_BEFORE_VALUE = re.compile(
    r"\b(?:dos(?:e|es|ed|ing)|taken|took|given|administered|repeated|injected|infused|redosed|re-dosed)\s*$", re.I
)
_SCHEDULE_AFTER_VALUE = re.compile(r"\s*(?:later|apart|earlier)\b", re.I)


#: After the value and its unit: an age or a follow-up, not an outcome median; or a bound ("a median survival of
#: 2 years or less", "an expected median survival of 3 months or longer"), an eligibility threshold, not a result.
_NOT_OUTCOME_AFTER = re.compile(
    r"\s*(?:of\s+age\b|old\b|of\s+(?:\w+\s+)?follow[\s-]*up\b|follow[\s-]*up\b|of\s+(?:gestation|pregnancy)\b|gestation(?:al)?\b"
    r"|or\s+(?:less|more|longer|shorter|greater|fewer|above|below|over|under)\b)", re.I
)


#: Right before a bracket: a count of people ("186 patients (median 57 years ..."), whose unnamed median is their age.
#: (Its own short list of nouns, not participants.PEOPLE: a value module imports only the shared pieces.)
_COUNT_OF_PEOPLE_BEFORE = re.compile(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects|children|men|women|adults|individuals|persons|"
    r"people|infants|volunteers)\s*[(\[]\s*$",
    re.I,
)


def _annotates_a_non_outcome(text: str, median_start: int) -> bool:
    """"(median: 72 years)" right after an age, a follow-up or a duration: the bracket annotates that."""
    if not re.search(r"[(\[]\s*$", text[max(0, median_start - 3):median_start]):
        return False
    # a follow-up's subject may stand up to 120 characters back ("Follow-up for clinical outcomes ranged between 0.3
    # and 52.8 weeks (median 5 weeks)", "the cohort was followed until June 2019 (median 8.7 years)"); an age, a
    # duration or an interval within 60 ("Among patients aged 65 years or
    # older, time to progression ranged from 2 to 30 months (median 8 months)" is TTP's median)
    no_outcome_after = r"\b(?![^.;]*\b(?:survival|PFS|OS|TTP)\b)"
    window_start = max(0, median_start - 60)
    count_of_people = _COUNT_OF_PEOPLE_BEFORE.search(text[window_start:median_start])
    if count_of_people and re.match(r"median\s*[:=]?\s*(?:of\s+)?\d", text[median_start:], re.I):
        count_start = window_start + count_of_people.start()
        clause_before_count = re.split(r"[,;:(\[]", text[max(0, count_start - 60):count_start])[-1]
        if not _LIVED_BEFORE.search(clause_before_count):
            return True  # "186 patients (median 57 years and 138 males)": the people's age
        # "Progression occurred in 45 patients (median 8.2 months)": the time to the event in those people
    return bool(re.search(r"\b(?:age[sd]?|old|follow[\s-]*up|duration|interval)" + no_outcome_after,
                          text[max(0, median_start - 60):median_start], re.I)
                or re.search(r"\bfollow(?:[\s-]*up|ed)\b" + no_outcome_after, text[max(0, median_start - 120):median_start], re.I))


def _names_no_outcome_before(text: str, median_word: re.Match[str]) -> bool:
    """The words right before "median" make its value a period of follow-up ("over a median of 9.5 years"), how long
    something was done ("treated for a median of 4 months") or the median of a count or a hospital stay ("number of
    inpatient days: median 3 days"), not of an outcome."""
    before = text[max(0, median_word.start() - 60):median_word.start()]
    if (_FOR_A_MEDIAN.search(before) and not _LIVED_BEFORE.search(before)
            and not _INTERVAL_AFTER_MEDIAN.match(text, median_word.end())):
        return True
    return bool(_PERIOD_BEFORE_MEDIAN.search(before) or _COUNT_BEFORE_MEDIAN.search(before))


#: A value in minutes: "45 min", "30 minutes", "20 mins".
_MINUTES = re.compile(r"\d\s*(?:min|mins|minutes?)\b", re.I)


def _median_word_before(text: str, start: int) -> re.Match[str] | None:
    """The last "median" (or mPFS, mOS, ...) before `start`."""
    median_word = None
    for word in _MEDIAN_WORD.finditer(text, 0, start):
        median_word = word
    return median_word


def _hours_to_an_event(text: str, start: int, median_word: re.Match[str] | None) -> bool:
    """The value in hours at `start` is a median time to an event (`_HOURS_TO_AN_EVENT`), not the upper bound of a
    range of hours ("12 - 36 hours")."""
    if median_word is None or _MINUTES.search(text[median_word.end():].split(";", 1)[0]):
        return False  # one arm's median in minutes, the other's in hours: both or neither, and minutes are no unit
    return _time_to_an_event(text[median_word.end():start]) \
        and not re.search(r"\d\s*(?:" + DASH + r"|to)\s*$", text[max(0, start - 8):start])


#: The first value of an outcome's bracketed pair with its own unit, before the second: "PFS (5.4 months vs " 3.0 months.
_SECOND_OF_A_PAIR = re.compile(_D + r"\s*(?:" + _UNIT.pattern + r")\s*(?:vs\.?|versus)\s*")


#: Before an outcome's bracketed pair, in its clause: a landmark or a follow-up ("Landmark OS (12 months vs 24 months)",
#: "Minimum follow-up for PFS (12 months vs 18 months"); after its bracket: the rates at those times ("OS (5 years vs
#: 3 years) rates were 60% and 72%", "OS (12 months vs 24 months) was 80% and 62%"). The pair gives time points, no medians.
_LANDMARK_BEFORE_OUTCOME = re.compile(r"\b(?:landmarks?|milestones?|follow[\s-]*up|minimum|maximum|minimal)\b[^,;:.()\[\]]*$", re.I)
_RATES_AFTER_PAIR = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,2}?(?:rates?|estimates?|probabilit\w*|proportions?|percentages?)\b"
    r"|(?:was|were|is|are|of|reached|at)\s+(?:respectively\s+|approximately\s+|about\s+)?" + _D + r"\s*%)",
    re.I,
)


def _landmark_pair(text: str, outcome: re.Match[str]) -> bool:
    """The outcome's bracketed pair names time points, not medians (`_LANDMARK_BEFORE_OUTCOME`, `_RATES_AFTER_PAIR`)."""
    if _LANDMARK_BEFORE_OUTCOME.search(text, max(0, outcome.start() - 60), outcome.start()):
        return True
    depth = 1
    for position in range(outcome.end(), len(text)):
        depth += 1 if text[position] in "([" else -1 if text[position] in ")]" else 0
        if depth == 0:
            return bool(_RATES_AFTER_PAIR.match(text, position + 1))
    return False


@dataclass(frozen=True, slots=True)
class Median:
    value: float
    unit: str
    outcome: str
    span: Span  # the number (and its CI if written between number and unit)
    extractor: str
    arm: str | None = None  # the group the sentence ties it to ("7.8 months with everolimus"), see `value_arms`


def _unit_name(match: re.Match[str]) -> str:
    return next(name for name, _ in _UNITS if match.group(name))


def medians_in_sentence(sentence: Sentence, previous_outcome: str | None = None) -> list[Median]:
    text = sentence.text
    has_median = bool(_MEDIAN_WORD.search(text))
    # "PFS (3.7 vs 4.6 months", or with a unit after each value: "PFS (5.4 months vs 3.0 months"
    implicit = [m for m in re.finditer(r"\b(?:PFS|OS|TTP|progression[\s-]+free\s+survival|overall\s+survival)\s*\(\s*(?="
                                       + _D + r"\s*(?:" + _UNIT.pattern + r"\s*)?(?:vs\.?|versus)\s*" + _D + ")", text)
                if not _landmark_pair(text, m)]
    if not has_median and not implicit:
        return []
    if not has_median and re.search(r"\bmeans?\b", text, re.I):
        return []
    found: list[Median] = []
    last_unit: str | None = None
    for match in _VALUE_LIST.finditer(text):
        start = match.start("first")
        numbers = _numbers_outside_brackets(text, start, match.end("more") if match.group("more") else match.end("first"))
        unit_match = _UNIT.match(text, match.start("unit")) if match.group("unit") else None
        unit = _unit_name(unit_match) if unit_match else None
        if unit == "hours" and not _hours_to_an_event(text, start, _median_word_before(text, start)):
            continue  # hours only for a time to an event; a duration in hours is no unit a later unit-less pair takes on
        if unit:
            last_unit = unit
        unit_inherited = unit is None
        if unit is None:
            if len(numbers) < 2 or not re.match(r"\s*,\s*HR\b|\s*[,;)]", text[match.end():]) or last_unit is None:
                continue  # "8.1 vs 7.4, HR 1.1": a pair without unit only next to an HR, in a known unit
            unit = last_unit
        if _TIME_POINT_BEFORE.search(text[max(0, start - 12):start]) or re.match(r"[-\s]*(?:year|month|week)\b[-\s]", text[match.end("first"):]):
            continue
        if re.match(r"\s*%", text[match.end("first"):]) or _inside_ci(text, start):
            continue
        if re.search(r"(?:\bCI|confidence\s+interval|\brange|\bIQR)[^\w)\]]{0,6}$", text[max(0, start - 20):start], re.I):
            continue  # "95% CI, 0.200 to 0.531": interval bounds (not a closed "(interquartile range)" header)
        median_word = _median_word_before(text, start)
        own_pair = next((i for i in implicit if i.end() <= start <= i.end() + 2 or _SECOND_OF_A_PAIR.fullmatch(text, i.end(), start)), None)
        if median_word and own_pair and text[median_word.end():own_pair.start()].strip():
            median_word = None  # "The median follow-up was 30 months; PFS (5.4 months vs 3.0 months)": not that median's
        if median_word is None and not any(i.end() <= start <= i.end() + 2 or _SECOND_OF_A_PAIR.fullmatch(text, i.end(), start)
                                           for i in implicit):
            continue  # no "median" before it ("46 ± 19 years of age with a median GCS of 6"), nor "PFS (a vs b"
        if median_word and _NOT_OUTCOME_MEDIAN.search(text[median_word.end():median_word.end() + 40]):
            continue
        if unit_inherited and unit == "hours" and not _hours_to_an_event(text, start, median_word):
            continue  # a unit-less pair after an event's hours: the same test on its own words
        if median_word and _DESIGN_BEFORE_MEDIAN.search(text, 0, median_word.start()):
            continue  # "powered to detect an improvement in median PFS from 3 to 4.5 months": a planned, not a found, median
        if median_word and _names_no_outcome_before(text, median_word):
            continue  # "over a median of 9.5 years, 487 developed ...", "number of inpatient days: median 3 days"
        if median_word and _RANGE_BEFORE_VALUE.search(_without_brackets(text[median_word.end():start])):
            continue  # "Median OS ranged from 2.9 to 18.3 months": the bounds of a range of medians
        if median_word and _annotates_a_non_outcome(text, median_word.start()):
            continue  # "age ranged from 56 to 87 years (median: 72 years)"
        if _DOSING_BEFORE_VALUE.search(text, 0, start) or _SCHEDULE_AFTER_VALUE.match(text, match.end()):
            continue  # "a second dose was taken 4 hours later": the timing of a dose
        if _NOT_OUTCOME_AFTER.match(text, match.end()):
            continue  # "58 years old", "a median 6 and 11 years of follow-up", "a median survival of 2 years or less"
        if re.match(r"\s*median\s+(?:age|follow|dose|duration|time\s+on)", text[match.end():], re.I):
            continue  # "52.9 years median age"
        paired = _respectively_outcomes(text, median_word.end() if median_word else 0, start)
        values = [(s, e, parse_decimal(text[s:e])) for s, e in numbers]
        for index, (s, e, value) in enumerate(values):
            if paired and len(paired) == len(values):
                outcome = paired[index]
            elif median_word and _INTERVAL_AFTER_MEDIAN.match(text, median_word.end()) and not outcome_mentions(text[median_word.end():s]):
                outcome = "other"  # "died ..., with a median interval of 291 days": a time between two events
            else:
                mention = outcome_before(text, s)
                outcome = mention.label if mention else previous_outcome or "other"
            found.append(Median(value, unit, outcome, sentence.span(s, e), "medians.value_list" if len(values) > 1 else "medians.value"))
    return _with_arms(sentence, found)


def _with_arms(sentence: Sentence, found: list[Median]) -> list[Median]:
    """Each median with the arm its sentence ties it to (`value_arms`), read over the medians of one outcome at a
    time: "median PFS and OS were 3.8 and 8.1 months" are two outcomes, not two arms."""
    arms: dict[int, str | None] = {}
    for outcome in dict.fromkeys(median.outcome for median in found):
        indices = [i for i, median in enumerate(found) if median.outcome == outcome]
        arms.update(zip(indices, value_arms(sentence.text, [found[i].span.in_sentence for i in indices])))
    return [replace(median, arm=arms[i]) if arms.get(i) else median for i, median in enumerate(found)]


_NUMBER = re.compile(r"(?<![\w.·/-])" + _D + r"(?![\d.·])")


def _numbers_outside_brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the numbers in text[start:end] that are not inside (...) or [...], nor in a CI after a comma (in
    "median PFS 6.1 vs 4.2, 95% CI 3.1-5.0 months" the 95 and 3.1 are no medians)."""
    comma_cis = [ci.span() for ci in re.finditer(_COMMA_CI, text[:end]) if ci.end() > start]
    numbers = []
    depth = 0
    position = start
    for match in _NUMBER.finditer(text, start, end):
        depth += sum(1 if ch in "([" else -1 if ch in ")]" else 0 for ch in text[position:match.start()])
        position = match.start()
        if depth <= 0 and not any(ci_start <= match.start() < ci_end for ci_start, ci_end in comma_cis):
            numbers.append((match.start(), match.end()))
    return numbers


def _without_brackets(text: str) -> str:
    """`text` with its closed (...) and [...] left out, so a CI inside a range does not hide the range: in "ranged from
    2.9 months (95% CI, 2.1 to 3.5 months) to 18.3 months" the bounds stand a few words apart."""
    while True:
        shorter = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", text)
        if shorter == text:
            return text
        text = shorter


def _inside_ci(text: str, position: int) -> bool:
    """Is `position` inside a "(95% CI ...)", "[2·8-4·1]", "(range, ...)" or "(IQR ...)" bracket?"""
    opened = innermost_open_bracket(text, position)
    if opened is None:
        return False
    inner = text[opened + 1:position]
    if re.fullmatch(r"\s*(?:" + _D + r"\s*[,;]\s*)?", inner) and re.search(
        r"[(\[]\s*(?:IQR|interquartile\s+range|range)\s*[)\]]", text[:opened], re.I
    ):
        return True  # "Median (interquartile range) waiting time was 13.7 weeks (8.1, 20.4)": the bracket holds bounds
    return bool(re.match(r"\s*(?:\d{2}\s*%\s*)?(?:CI|confidence|range|IQR|interquartile)", inner, re.I)) or bool(
        re.fullmatch(r"\s*" + _D + r"\s*(?:" + DASH + r"|to)\s*", inner)
    )


def _respectively_outcomes(text: str, start: int, end: int) -> list[str] | None:
    """"median PFS and OS ... were 3.8 and 8.1 months": the outcomes listed in order."""
    mentions = outcome_mentions(text[start:end])
    if len(mentions) >= 2 and re.fullmatch(r"\s*(?:and|,)\s*", text[start + mentions[0].end:start + mentions[1].start]):
        return [mention.label for mention in mentions[:2]]
    return None


def medians(record: Record) -> list[Median]:
    """Every outcome median stated in the title and abstract."""
    found: list[Median] = []
    previous_outcome = None
    for sentence in record_sentences(record):
        found.extend(medians_in_sentence(sentence, previous_outcome))
        mentions = outcome_mentions(sentence.text)
        if mentions:
            previous_outcome = mentions[-1].label
    return found
