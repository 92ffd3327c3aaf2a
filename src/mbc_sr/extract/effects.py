"""Hazard ratios with their confidence interval and p-value, labelled by outcome, analysis and subgroup.

Written forms read (any order of separators, "." or "·" decimals, "-", "–", "to" or "," in CIs):

    HR 0.43; 95% CI, 0.35 to 0.54          hazard ratio = 0.45 [0.38–0.54]
    HR, 0.38 (95% CI 0.31-0.48); P < .001  hazard ratio [HR], 0.520; 95% confidence interval [CI], 0.362 to 0.747
    (HR 0·48 [95% CI 0·33-0·71]; p=0·0002) HR = 0.85 (95% confidence interval [CI] = 0.79, 0.91; p < .001)
    aHR 2.8, 95%CI: 1.30-6.13              [P = 0.031, HR 3.32 (95% CI: 1.11-11.1)]
    hazard ratio for death, 0.49           HR from 2 [1.7-2.2] to 1.5 [1.1-1.9]
    HR (95% CI): 0.70 (0.59–0.83)          hazard ratio [95% confidence interval], 1.61 [1.20-2.15]
    HR 0.70 (95% CI: 0.59, 0.83)           HR 0.70 (95% CrI 0.59 to 0.83), HR 0.70 (CI 95% 0.59-0.83)
    HR 1.27, [1.08 - 1.51], p = 0.004
    hazard ratio = 2.37, 1.65–3.41)        HR 1.57 (low vs high) (95% CI 1.17-2.10)
    (HR 1.32; 1.10-1.58)                   (bounds after a comma or semicolon only when they close the bracket)
    hazard ratios [95% confidence interval (CI)] of 30- and 90-day mortality were 2.77(1.39,5.54) and ...
    hazard ratio 1.86 per 5 mm Hg, 95% CI, 1.39-2.45    hazards ratio (HR):1.66, 95% Confidence Interval (CI):1.07-2.55
    HRadj = 1.39 [95%CI: 1.21, 1.61]        adjusted hazard ratio (AHR) = 2.57; 95% CI 1.06-6.23
    the hazard ratio of A vs B alone for ischaemic stroke was 0.36 (95% CI, 0.18-0.72)  (a phrase over 40
    characters between label and value is trusted only with a CI)
    Hazard ratio 0.66 for highest vs lowest tertile; confidence interval 0.51-0.86
    (HR: 0.6: 0.36-1)                       (HR=0.72 [95% Cl 0.56–0.94])  ("Cl" for "CI" only after a level)
    HR (95% CI) of 1.056 (1.007-1.107, p = 0.025)    (HR 0.54 vs. 0.81, respectively)  (two HRs, no CI)
    The hazard ratios and 95% CIs were 2.91 and 1.28-6.64 for A, and 2.36 and 1.15-4.85 for B
    HR for grade-1 = 1.02 (0.66-1.58), grade-2 = 1.52 (1.00-2.32)   (categories named before "=")
    [hazard ratio, HR = 8.94, 95% confidence interval (95% CI)] [2.04-39.2]   hazard ratio of 0.870 (95.0% confident interval: 0.78-0.97)
    adjusted hazard ratios (95% CIs) for the second (T2) and the highest tertile (T3) were 1.46 (1.10-1.96) and ...
    (Cox model) the risk of X increased by 3.58 (95% CI 1.86-6.75)   (unlabelled: only an increase with a CI, in a
    record naming hazard ratios or a Cox model and a sentence naming no odds / other ratio or logistic / Poisson model)
    had 2.89 (95% CI, 1.88-4.43) times greater risk for X   a 2.02 times higher risk of death (95% CI: 1.21-3.38)
    (the same: only an increase, with a CI, in such a record)
    HR: 3.19 [95% confidence interval, 95% CI, 2.30-4.44]   hazard ratio per log 1.74, 95% confidence interval 1.09-2.78
    the HR for X in the highest quartile (median 0.44 μg/g) was 1.11 (95% CI: 0.79-1.54)  (one label, its phrase
    holding a bracketed aside: only with a CI, the phrase outside the aside one clause without numbers or other statistics)
    a 1.8-fold increased hazard (95% CI 1.2-2.7)   (as "times higher": only an increase, with a CI, in such a record)
    HRs per 1 µg/m3 of PM2.5 were 1.12 (...) and ...   (a list phrase may hold a name's decimal)
    HR 3.96 for 4th quartile versus 1st quartile (Q1); CI 95%: ...   (a comparison aside with a short bracketed name)
    HR 1.05/year, p < 0.001   HR 1.05/year; 95% CI 1.01-1.09   (a unit after a slash, not a second HR: "HR 1.56/HR 2.02")
    adjusted HRPRISm 2.70; 95% CI, 1.53-4.75   (a group's name as the HR's subscript: only with a CI, the name
    standing alone elsewhere in a record naming hazard ratios; not "HRQoL", "HRCT")

and, after a labelled HR, the unlabelled HRs that continue its list in the same sentence
("...; adjusted HR 0·71 [0·19-2·58]; ... metastatic disease (...; 0·86 [0·36-2·06]; p=0·73)"),
including a list announced by one label ("hazard ratios for death in A, B and C were 1.84 (95% CI
1.22-2.77), 2.21 (...) and 1.82 (...), respectively"), or its bare decimals closed by "respectively" ("the adjusted
HRs of A, B and C for X were 5.31, 7.10, and 6.95, respectively": no CI, a phrase naming no other statistic; an outcome
list of as many items before them pairs them in order: "HRs for PFS and OS were 0.70 and 0.80, respectively"), and "(2.142, 1.522 to 3.014)" or "(1.10; 1.05-1.16)" as a whole bracket or
its last item ("(104.7 vs. 88.1/1000py, 1.08, 1.03-1.14)", "(0.4 vs. 0.2/1000py, 2.14 1.18-3.85)"). Whole
numbers as value and bounds continue no list ("11 [7-21] vs. 14 [8-36] days" are medians or counts with ranges).
Right after the previous HR, a value with its labelled CI continues the list ("(HR per doubling: 0.84; 95% CI
...; P = 0.01; and 0.59; 95% CI: 0.41, 0.85; P = 0.004, respectively)"), never across other words.
A hazard ratio is positive, and the number of a name ("RIPK2", "HR2", "mRS-1") or of a category
followed by its own value ("HR for stage 3 was 1.5") is none. A number hyphenated to a word ("30-day"), after a comparison ("BMI < 18.5", "SBP less than") or
with a unit ("aged 65 years", "140 mm Hg") is no HR; a label whose phrase holds such a threshold
still heads the values with a CI that follow ("the HR for patients with SBP less than 140 mm Hg
was 0.19 (95% CI, 0.07-0.55)").

Not hazard ratios: "HR+" / "HR-positive" (hormone receptors), "HR-HPV" (an "HR-" before an upper-case
abbreviation: high-risk HPV), "HR" defined as heart rate, an
upper-case "AHR" in a record that never says "hazard ratio" (airway hyperresponsiveness),
odds ratios, relative risks, risk and rate ratios (a list continues only under an HR label),
the values of another statistic named after an HR, where its list ends ("(HR 3.2, ...) ..., with an area under
the curve (AUC) of 0.920 (95% CI 0.842-0.998)"; a C-index, sensitivity, correlation),
and HR *ranges* without a CI ("HRs = 0.64-0.68"). A CI is kept only when it brackets the value; a p only when
it names no other test ("(P = 0.098 for interaction)") and its CI does not contradict it (below 0.01 with a CI
holding 1, above 0.2 with one excluding it). A p written once for several HRs after them ("OS (HR 1.90, ...), DMFS
(1.99, 1.45-2.71) and DFS (2.38, ...) (P < 0.001 for all)", "(all P < 0.001)") is each one's that has none, when
nothing but words and whole numbers stands between them outside the HRs and no CI contradicts it; a category's
threshold ("ejection fraction <30% (HR 2.5 ...)", "eGFR <30 mL/min/1.73 m2") is no such number. HRs joined by a
slash share the p after the last ("PFS/OS (HR 1.56/HR 2.02, P < 0.0001)"). A CI's abbreviation may stand in curly
braces ("(95% confidence interval {CI} 0.34-0.40)"); a number glued to letters is an ordinal, no value ("HR of 3er
quartile").

The outcome of an HR is the one named nearest before it in its sentence (else after it, else the one named
last in an earlier sentence of its section, at most two sentences naming none back), unless "the risk of X" (or "for X") stands nearer and X is no outcome: then it is another outcome (also "the HRs ... for the
progression risk of normal cervix": "progression" between label and value means PFS, not before "risk of") ("lower
mortality (SHR 0.63 ...), but higher risk of pacemaker implantation (SHR 4.67 ...)"), as it is when the
sentence names "the risk of stroke" and no outcome before the HR, or "X risk" with X an abbreviation naming no
outcome ("a 28% increase of MACE risk (HR: 1.28 ...)"). HRs in one bracket after a list of as many
outcomes take them in order ("OS and DFS (HR=9.39, p<0.01 and HR=11.03, p=0.04)", "progression-free (PFS)/overall
survival (OS) (HR 1.56/HR 2.02 ...)": a name and its bracketed abbreviation are one outcome, a slash joins a list).

The analyses of an HR (investigator or local review, central review, multivariable, ...) are those named since the
previous HR (else since the sentence start), and the one named right after it, closing its clause: "(HR 0.43 ...) by
local investigator assessment", "(HR, 0.45; ...) per independent central review", "..., as assessed by the
investigators", "(HR 0.62, 95% CI ..., by BICR)". A phrase after ";" or ", and", or set off by commas on both sides,
or followed by numbers opens the next clause and labels what follows ("(HR 0.43 ...); by central review, the ORR
was 12%" labels no HR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mbc_sr.extract.brackets import innermost_open_bracket, matching_close
from mbc_sr.extract.numbers import DASH, DECIMAL_PATTERN, parse_decimal
from mbc_sr.extract.outcomes import P_VALUE, normalise_p, outcome_before, outcome_mentions, p_value_number
from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence, Span
from mbc_sr.records import Record

_D = DECIMAL_PATTERN
_INTERVAL = r"(?:CIs?|CrIs?|(?i:confiden(?:ce|tial|t)\s+intervals?|credible\s+intervals?))"
#: The abbreviations of a hazard ratio's label: "HR", "HRs", "aHR", "sHR", "AHR", "SHR".
_HR_ABBREVIATION = r"(?:[asA]?HRs?|SHR)"
#: What may follow the label in brackets: its abbreviation "(HR)", or the header of the numbers
#: that follow, "[95% CI]", "(HR, 95% CI)", as in "hazard ratio [95% confidence interval], 1.61 [1.20-2.15]".
_LABEL_BRACKET = (
    r"(?:\s*[(\[]" + _HR_ABBREVIATION + r"[)\]]"
    r"|\s*[(\[](?:" + _HR_ABBREVIATION + r"\s*(?:[,;]|\s+and)?\s*)?\d{2}\s*%\s*" + _INTERVAL + r"(?:\s*\((?:CIs?|CrIs?)\))?[)\]]){0,2}"
)
_HR_LABEL = re.compile(
    r"\b(?P<label>(?i:(?:adjusted|unadjusted|stratified|unstratified|multivariable|multivariate|univariable|"
    r"univariate|pooled|overall|subdistribution|cause[\s-]specific|predicted)\s+)?(?:(?i:(?:sub-?)?hazards?\s+ratios?)|"
    r"[as]?HR(?P<subscript>[A-Z][A-Za-z0-9]{1,11})\b|[asA]?HRs?(?:adj\b)?|SHRs?))"
    + _LABEL_BRACKET +
    r"(?![+−–/]|-(?:positive|negative|pos|neg)|-[A-Z]{2,}|\s*(?:positive|negative|status|\+))",
)
#: Not a group written as the subscript of an "HR": "HRQoL" (health-related quality of life), "HRCT".
_NOT_A_SUBSCRIPT = re.compile(r"Q[Oo][Ll]|CT")
_OTHER_RATIO = re.compile(
    r"\b(?:odds\s+ratios?|ORs?|a?ORs?|relative\s+risks?|RRs?|risk\s+ratios?|rate\s+ratios?|IRRs?|incidence\s+rate\s+ratios?|"
    r"ratio\s+of\s+means|mean\s+difference|difference)\b"
)
#: A statistic other than a ratio whose values a list of HRs never continues: "an area under the curve (AUC) of
#: 0.920 (95% CI 0.842-0.998)", "a C-index of 0.71 (0.65-0.77)", "sensitivity 0.85 (0.74-0.96)", "r = 0.42 (0.30-0.55)".
#: (Not "sensitivity analyses" nor "a mean follow-up / age / duration / time": an HR's setting, not a statistic.)
_OTHER_STATISTIC = re.compile(
    r"\b(?:AUCs?|AUROCs?|ROC|areas?\s+under\s+(?:the\s+)?(?:receiver[\s-]+operating[\s-]+characteristics?\s+)?curves?|"
    r"[Cc][\s-]?(?:index|indices|statistics?)|concordance|sensitivit(?:y|ies)(?!\s+analys)|specificit(?:y|ies)|accuracy|"
    r"(?:positive|negative)\s+predictive|PPV|NPV|correlat\w*|coefficients?|kappa|ICC|likelihood\s+ratios?|"
    r"mean(?!\s+(?:follow|age|duration|time))|difference|beta|β|Youden)\b|\br\s*=",
    re.I,
)
#: After a number: not a statistic when a percentage or hyphenated to a word ("30-day", "30- and 90-day").
#: Nor an ordinal, its suffix glued to it ("HR of 3er quartile", "the 4th quartile").
_NOT_A_VALUE = r"(?![\d.·]|[A-Za-z]|\s*%|\s?[-‐‑]\s*(?:and\b|or\b|[A-Za-z]))"
_CONNECT = re.compile(
    r"(?:\s*(?:for|of|in|per)\s+(?P<for>(?:[^,;:=()\[\]\d]|(?<=[A-Za-z][-‐])\d+(?![\d.·]))"
    r"{1,80}?))?\s*(?:was|were|is|of|from|=|:|,|;|\(|\[)?\s*(?:was|were|=|:)?\s*"
    # not a name's number ("RIPK2", "HR2", "mRS-1"), but a decimal may follow its label directly ("HR0.423")
    r"(?:(?<![A-Za-z])|(?=\d+[.·]\d))(?<![A-Za-z][-‐])(?P<value>" + _D + r")" + _NOT_A_VALUE
)
#: A second HR right after a first one without a CI: "HR 0.54 vs. 0.81".
_VERSUS_VALUE = re.compile(r"\s*(?:vs\.?|versus)\s*(?P<value>" + _D + r")" + _NOT_A_VALUE)
#: Longest phrase after "HR for/of/in" trusted without a CI after the value.
_SHORT_PHRASE = 40
#: Between CI bounds: any dash, "to", or "," / ";" ("0.59, 0.83", "[0.59; 0.83]").
_BOUNDS = r"(?P<lo>" + _D + r")\s*(?:" + DASH + r"|to|,|;)\s*(?P<hi>" + _D + r")"
_CI_LABELLED = re.compile(
    r"\s*[,;]?\s*[(\[]?\s*(?:(?P<level>\d{2}(?:[.·]\d)?)\s*%\s*-?\s*)?(?:" + _INTERVAL + r"|C\.I\.|(?<=%)Cl|(?<=%\s)Cl)"
    r"(?:\s*[(\[{](?:\d{2}\s*%\s*)?C[Rr]?I[)\]}]|\s*,\s*\d{2}\s*%\s*C[Rr]?I\b)?(?:\s*(?P<level_after>\d{2})\s*%)?\s*[)\]]?\s*[,:=]?\s*[(\[]?\s*" + _BOUNDS
)
#: "(0.35-0.54)", with the p-value inside the same bracket: "1.056 (1.007-1.107, p = 0.025)", or after a comma:
#: "HR 1.27, [1.08 - 1.51], p = 0.004".
_CI_BARE = re.compile(r"\s*,?\s*[(\[]\s*" + _BOUNDS + r"\s*(?:[)\]]|(?=[,;]\s*[Pp]\s*(?:-?\s*value\s*)?[=<>≤≥]))")
#: Bounds after a comma, semicolon, colon or space, closed by the bracket that holds the value: "(HR = 2.37, 1.65–3.41)",
#: "(2.142, 1.522 to 3.014)", "(HR: 0.6: 0.36-1)", "(1.10; 1.05-1.16)". Only a dash or "to" between them
#: ("2.37, 1.65, 3.41" is a list).
_CI_AFTER_COMMA = re.compile(r"(?:\s*[,;:]\s*|\s+)(?P<lo>" + _D + r")\s*(?:" + DASH + r"|to)\s*(?P<hi>" + _D + r")(?=\s*[)\]])")
#: A CI about to follow, after an aside between a value and its CI: ", 95% CI", "(CI", "; confidence interval".
_CI_AHEAD = r"(?=\s*[,;]?\s*[(\[]?\s*(?:\d{2}\s*%|CI\b|confiden))"
#: The words of an aside, with short bracketed names: "4th quartile versus 1st quartile (Q1)".
_ASIDE_WORDS = r"(?:[^,;:=()\[\]]|\([^,;:=()\[\]]{1,10}\))"
#: The comparison named between a value and its CI: "1.57 (low vs high) (95% CI 1.17-2.10)", "0.66 for
#: highest vs lowest tertile; confidence interval 0.51-0.86", "3.96 for 4th quartile versus 1st quartile (Q1); CI 95%: ...".
_COMPARISON_ASIDE = re.compile(
    r"\s*\([^()]{1,40}?\b(?:vs\.?|versus)\s[^()]{1,40}\)"
    r"|\s+for\s+" + _ASIDE_WORDS + r"{1,40}?\b(?:vs\.?|versus|compared\s+(?:with|to))\s" + _ASIDE_WORDS
    + r"{1,40}?" + _CI_AHEAD,
    re.I,
)
#: The unit of a continuous covariate written after a slash: "HR 1.05/year", "HR 1.3/SD" (not "HR 1.56/HR 2.02").
_PER_UNIT_SLASH = re.compile(r"/(?!\s*" + _HR_ABBREVIATION + r"\b)\s*[A-Za-z]+\b(?!\s*[/(])")
#: The unit of a continuous covariate between a value and its CI: "1.86 per 5 mm Hg, 95% CI 1.39-2.45",
#: "1.07 per year increase; 95% CI: 1.01-1.13", "1.05/year; 95% CI 1.01-1.09".
_PER_UNIT_ASIDE = re.compile(r"(?:\s+per\s+|/(?=[A-Za-z])(?!" + _HR_ABBREVIATION + r"\b))[^,;:=()\[\]]{1,60}?" + _CI_AHEAD, re.I)
_RANGE = re.compile(r"\s*(?:" + DASH + r"|to)\s*" + _D)
_COMPARED_BEFORE = re.compile(
    r"(?:[<>≤≥]|\b(?:less|greater|more|fewer|lower|higher|older|younger)\s+than(?:\s+or\s+equal\s+to)?|\bat\s+least|\baged)\s*$",
    re.IGNORECASE,
)
_CATEGORY_VALUE_AFTER = re.compile(r"\s+(?:(?![Pp]\b)[A-Za-z][\w-]*\s+){0,5}?(?:was|were|is|=|:)\s*" + _D)
#: A number with a unit is a quantity, not a ratio: "aged 65 years", "140 mm Hg", "10 mg/kg".
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|mm\s*Hg|mmHg|months?\b|mo\b|weeks?\b|days?\b|years?\b|yrs?\b|y\b|hours?\b|h\b|mg\b|mg/|kg\b|cm\b|mL\b|ml\b|"
    r"g/[dL]|mmol|µ|μ|ng\b|patients\b|cycles?\b)"
)
#: The same, after a CI and its closing bracket: "18.5 (95% CI 11.76-21.32) months" is a median.
#: Also across the other group's value and range: "11.5 [7.2-21.0] vs. 14.0 [8.1-36.3] days".
_QUANTITY_AFTER_BRACKET = re.compile(
    r"\s*[)\]]?(?:\s*(?:vs\.?|versus)\s*" + _D + r"\s*[(\[][^()\[\]]{1,30}[)\]])?" + _QUANTITY_AFTER.pattern
)
_HAZARD_NAMED = re.compile(r"hazards?\s+ratio", re.I)
_HAZARDS_MODELLED = re.compile(r"hazards?\s+ratio|\bCox\b|proportional[\s-]+hazards?", re.I)
#: An HR written as a change of risk: "the risk of X increased by 3.58 (95% CI 1.86-6.75)", "had 2.89 (95% CI
#: 1.88-4.43) times greater risk". Only an increase
#: (a "decrease by 0.45" may mean a ratio of 0.55), only with a CI that brackets it, and only in a record that
#: names hazard ratios or a Cox model, in a sentence naming no other ratio or logistic / Poisson model.
_RISK_INCREASED_BY = re.compile(
    r"\brisks?\s+(?:of\s+[^,;:()\[\]\d]{1,40}?\s+)?(?:was\s+|were\s+)?(?:increased|elevated|raised)\s+by"
    r"(?:\s+a\s+factor\s+of)?\s+",
    re.I,
)
_VALUE_AT = re.compile(r"(?P<value>" + _D + r")" + _NOT_A_VALUE)
#: A number standing alone (not glued to a word, a decimal or a percentage), as an unlabelled HR may be ("1.8-fold").
_UNLABELLED_VALUE = re.compile(r"(?<![\w.·%-])(?P<value>" + _D + r")(?:(?=[-‐]\s*fold\b)|" + _NOT_A_VALUE + ")")
#: After an unlabelled value and its CI: "2.89 (95% CI, 1.88-4.43) times greater risk for CVD"; or between them:
#: "a 2.02 times higher risk of mortality (95% CI: 1.21-3.38)", "a 1.8-fold increased hazard (95% CI ...)".
_TIMES_GREATER = r"\s*(?:times|[-‐]?\s*fold)\s+(?:greater|higher|increased|elevated)\s+(?:risk|hazard)\b"
_TIMES_GREATER_RISK = re.compile(r"\s*[)\]]?" + _TIMES_GREATER, re.I)
_TIMES_GREATER_RISK_OF = re.compile(
    _TIMES_GREATER + r"(?:\s+(?:of|for)\s+[^,;:()\[\]\d]{1,40}?)?" + _CI_AHEAD, re.I
)
_NOT_HAZARDS_MODEL = re.compile(r"\blogistic\b|\bPoisson\b|\bodds\b", re.I)
_HEART_RATE = re.compile(r"heart\s+rates?\s*\(HRs?\)|\(HRs?\)\s*heart\s+rate|\bHR\s*\(heart\s+rate\)|\bbpm\b|beats?\s*/\s*min", re.I)
_SUBGROUP = re.compile(
    r"\b(?:sub-?groups?|subsets?|sub-?populations?|strat(?:um|a)|interaction|training\s+cohort|validation\s+cohort|"
    r"regardless\s+of|(?:in|among|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:patients|women|men|subjects|participants|those|cases)\s+"
    r"(?:with|who|without|aged|whose|harbou?ring|receiving|treated|having)|among\s+(?:patients|women|men|those)|"
    r"in\s+(?:men|women|those)\b|in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:population|cohort|subgroup)|"
    r"(?:patients|women|men)\s+with\s+[^,;]{0,60}?\btumou?rs?\s+(?:expressing|with))",
    re.I,
)
_ANALYSES = (
    ("central review", re.compile(
        r"\b(?:independent|blinded|masked|central)\s+(?:\w+\s+){0,2}(?:review|assessment|radiolog\w*|read\w*)|"
        r"\bcentral(?:ly)?[\s-]+(?:assess\w*|review\w*|read\w*)|\bBICR\b|\bIRC\b", re.I)),
    # a site's own ("local") review is the investigators': "according to local assessment", "per local review"
    ("investigator", re.compile(
        r"\binvestigator[\s-]*(?:assess\w*|review\w*|-assessed)?|\blocal(?:ly)?[\s-]+(?:assess\w*|review\w*|read\w*|radiolog\w*)",
        re.I)),
    ("per-protocol", re.compile(r"\bper[\s-]protocol\b", re.I)),
    ("intention-to-treat", re.compile(r"\bintent(?:ion)?[\s-]+to[\s-]+treat\b|\bITT\b", re.I)),
    ("univariable", re.compile(r"\buni-?variable\b|\buni-?variate\b|\bunadjusted\b", re.I)),
    ("multivariable", re.compile(r"\bmulti-?variable\b|\bmulti-?variate\b|\badjusted\b|\baHR\b", re.I)),
    ("final analysis", re.compile(r"\bfinal\s+(?:overall\s+survival\s+)?analys[ie]s\b", re.I)),
    ("updated analysis", re.compile(r"\bupdated\s+analys[ie]s\b|\blonger\s+follow-up\b", re.I)),
)


@dataclass(frozen=True, slots=True)
class HazardRatio:
    """One hazard ratio as stated. `p` is operator + number ("<0.001", "=0.012")."""

    value: float
    ci_low: float | None
    ci_high: float | None
    ci_level: float | None
    p: str | None
    outcome: str  # PFS, OS, TTP, DFS, EFS, RFS, DRFS, other
    analysis: tuple[str, ...]  # ("central review",), ("multivariable",), ...
    subgroup: bool
    label_text: str  # as written: "HR", "hazard ratio", "aHR", "" for a list continuation
    span: Span  # the value, CI and p as written
    value_span: Span  # the HR number alone
    extractor: str

    @property
    def has_ci(self) -> bool:
        return self.ci_low is not None


def _ci_after(text: str, position: int, value: float) -> tuple[re.Match[str] | None, float | None, float | None]:
    for aside_pattern in (_COMPARISON_ASIDE, _PER_UNIT_ASIDE):
        aside = aside_pattern.match(text, position)
        if aside and _CI_LABELLED.match(text, aside.end()):
            position = aside.end()
            break
    for pattern in (_CI_LABELLED, _CI_BARE, _CI_AFTER_COMMA):
        match = pattern.match(text, position)
        if match:
            low, high = parse_decimal(match.group("lo")), parse_decimal(match.group("hi"))
            if low <= value <= high:
                return match, low, high
            return None, None, None
    return None, None, None


def _is_group_subscript(subscript: str, record_text: str, hazard_named: bool) -> bool:
    """"adjusted HRPRISm 2.70; 95% CI, 1.53-4.75; adjusted HRCOPD 1.03; ...": the group an HR compares, written
    as its subscript, is a name the record also writes on its own ("participants with PRISm"), in a record that
    names hazard ratios; not an abbreviation that merely starts with "HR" ("HRQoL", "HRCT", "HRMS")."""
    if not hazard_named or _NOT_A_SUBSCRIPT.fullmatch(subscript):
        return False
    return bool(re.search(r"(?<![\w-])" + re.escape(subscript) + r"(?![\w-])", record_text))


#: After a p-value: what it tests, when that is no HR ("(P = 0.098 for interaction)", "P = 0.01 for trend").
_P_OF_ANOTHER_TEST = re.compile(r"\s*(?:for|of)\s+(?:the\s+)?(?:interaction|trend|heterogeneity)\b", re.I)


def _p_near(text: str, position: int, limit: int = 40) -> re.Match[str] | None:
    """A p-value right after `position` (before any other statistic), unless it says it tests an
    interaction, a trend or heterogeneity."""
    window = text[position:position + limit]
    match = P_VALUE.search(window)
    if not match or _P_OF_ANOTHER_TEST.match(text, position + match.end()):
        return None
    between = window[:match.start()]
    if _HR_LABEL.search(between) or _OTHER_RATIO.search(between) or re.search(r"\d\s*(?:%|vs|versus)", between):
        return None
    if re.search(r"[A-Za-z]{4,}", between.replace("CI", "")):
        return None  # words between: the p belongs to something else
    return P_VALUE.match(text, position + match.start())


def _p_before(text: str, label_start: int) -> re.Match[str] | None:
    """"[P = 0.031, HR 3.32 (...)]": a p-value stated just before the HR, in the same bracket."""
    window_start = max(0, label_start - 25)
    found = None
    for match in P_VALUE.finditer(text, window_start, label_start):
        if re.fullmatch(r"\s*[,;]?\s*", text[match.end():label_start]):
            found = match
    return found


def _analysis_labels(clause: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in _ANALYSES if pattern.search(clause))


def _analyses(text: str, previous_end: int, start: int, label_text: str) -> tuple[str, ...]:
    """The analyses named since the previous HR (else since the sentence start), plus
    "multivariable" for an adjusted HR."""
    labels = _analysis_labels(text[previous_end:start]) or _analysis_labels(text[:start])
    adjusted = label_text.lower().startswith(("adjusted", "ahr", "multivariable", "multivariate")) or label_text.endswith("adj")
    if adjusted and "multivariable" not in labels:
        labels += ("multivariable",)
    return labels


#: How an analysis named after an HR is joined to it: "by", "per", "according to", "based on", "using", "in (the)",
#: "at", "with", or a participle: ", as assessed by the investigators", "as determined by blinded central review".
_TRAILING_LEAD = (
    r"(?:(?:as\s+)?(?P<participle>assessed|determined|evaluated|judged|measured|reviewed|confirmed|reported)\s+(?:by|per|on)"
    r"|by|per|according\s+to|based\s+on|on\s+the\s+basis\s+of|using|in|at|with)\b"
)
#: After an HR's value, CI and p: the bracket closing them, the separator, the lead and the phrase naming the analysis
#: (up to 60 characters without digits or punctuation, with its bracketed abbreviation: "(BICR)"), and what closes
#: its clause.
_TRAILING_ANALYSIS = re.compile(
    r"(?P<close>\s*[)\]]+)?(?P<separator>\s*[,;]\s*|\s+)(?:(?P<lead>" + _TRAILING_LEAD + r")\s+)?"
    r"(?P<phrase>[^.;:,()\[\]\d]{1,60}?)(?:\s*\([A-Z]{2,6}\))?"
    r"(?=\s*(?P<boundary>[.;:)\]]|,|and\b|$))",
    re.I,
)
_TRAILING_PHRASE_WORDS = 6
#: A second analysis joined to the first by "and": "by investigator and central review", "by both investigator and
#: independent central review", "per local and central review", ", as assessed by investigator and by central review".
_TRAILING_SECOND = re.compile(
    r"\s*,?\s*and\s+(?:(?:by|per)\s+)?(?P<phrase>[^.;:,()\[\]\d]{1,60}?)(?:\s*\([A-Z]{2,6}\))?"
    r"(?=\s*(?P<boundary>[.;:)\]]|,|$))",
    re.I,
)
_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
#: After an analysis joined by "with", "in" or "at", a verb makes that analysis the subject of a new statement ("with
#: central review confirming the benefit"), not the HR's label.
_VERB_AFTER_ANALYSIS = re.compile(
    r"\b(?:\w+ing|\w+ed|is|are|was|were|has|have|had|shows?|confirms?|supports?|suggests?|indicates?|demonstrates?|"
    r"reveals?|gives?|yields?|finds?|found)\b",
    re.I,
)
#: The HRs of one list: "0.45 (95% CI ...) and 0.38 (95% CI ...)", "(HR 0.43; ... and HR 0.36; ...)", "..., 0.38 (...),".
_HR_LIST_JOIN = re.compile(r"\s*[)\]]?\s*(?:,\s*(?:and\s+)?|and\s+)[(\[]?\s*", re.I)


@dataclass(frozen=True, slots=True)
class _TrailingAnalysis:
    """The analyses named right after an HR: one per item of the phrase, in order ("by investigator and central
    review" has two), and whether "respectively" pairs them with the HRs before it. text[start:end] is the phrase
    (without its lead), which labels no HR after it."""

    start: int
    end: int
    items: tuple[tuple[str, ...], ...]
    respectively: bool


def _elided_labels(first: str, second: str) -> tuple[str, ...]:
    """The labels of the first item of "local and central review": its own, else with the second item's last word,
    which both share ("local ... review")."""
    return _analysis_labels(first) or _analysis_labels(f"{first} {second.split()[-1]}")


def _verb_after_analysis(phrase: str) -> bool:
    """Whether a verb follows the last analysis named in `phrase` ("central review confirming the benefit")."""
    last_end = max((m.end() for _, pattern in _ANALYSES for m in pattern.finditer(phrase)), default=0)
    return bool(_VERB_AFTER_ANALYSIS.search(phrase[last_end:]))


def _trailing_analysis(text: str, end: int) -> _TrailingAnalysis | None:
    """The analysis named right after an HR ending at `end` ("(HR 0.43; ...) by local investigator assessment",
    "..., as assessed by the investigators", "(HR 0.62, 95% CI ..., by BICR)"): it is that HR's when nothing else
    stands between them and the phrase closes its clause: the sentence ends, or a ";", ":", closing bracket,
    "," or "and" follows. Not a phrase after ";" outside the HR's bracket or after ", and" (a new clause), nor
    one set off by commas on both sides or followed by numbers ("..., by central review, the ORR was 12%",
    "..., by central review 40% vs 12%"): that phrase opens the next clause, and labels what follows it. Nor one
    joined by "with", "in" or "at" and followed by a verb ("with central review confirming the benefit"): there the
    analysis says something of its own. Two analyses joined by "and" ("by investigator and central review") are
    both named, with "respectively" after them if it follows."""
    match = _TRAILING_ANALYSIS.match(text, end)
    if not match:
        return None
    phrase, boundary, phrase_end = match.group("phrase"), match.group("boundary"), match.end()
    items = (_analysis_labels(phrase),)
    second = _TRAILING_SECOND.match(text, match.end()) if boundary.lower() == "and" else None
    if second and _analysis_labels(second.group("phrase")) and len(second.group("phrase").split()) <= _TRAILING_PHRASE_WORDS:
        first_labels = _elided_labels(re.sub(r"^both\s+", "", phrase, flags=re.I), second.group("phrase"))
        if first_labels:
            items = (first_labels, _analysis_labels(second.group("phrase")))
            phrase, boundary, phrase_end = second.group("phrase"), second.group("boundary"), second.end()
    if not all(items) or len(match.group("phrase").split()) > _TRAILING_PHRASE_WORDS:
        return None
    respectively = _RESPECTIVELY.match(text, phrase_end) if len(items) > 1 else None
    if respectively:
        phrase_end, boundary = respectively.end(), "."
    found = _TrailingAnalysis(match.start("phrase"), phrase_end, items, respectively is not None)
    separator, lead = match.group("separator"), (match.group("lead") or "").lower()
    inside_bracket = match.group("close") is None and boundary in {")", "]"} and separator.strip() in {",", ";"}
    if inside_bracket:
        return found  # "(HR 0.62; 95% CI 0.50-0.77; investigator assessment)": the lead may be left out
    if not lead or ";" in separator:
        return None
    if "," in separator and boundary == "," and match.group("participle") is None:
        return None  # ", by central review, the ORR was 12%": a phrase set off by commas opens the next clause
    if lead in {"with", "in", "at"} and _verb_after_analysis(phrase):
        return None  # "with central review confirming the benefit": the analysis is a new clause's subject
    return found


def _hr_list_before(text: str, found: list[HazardRatio], index: int, offset: int) -> list[int]:
    """The indexes of the HRs listed up to found[index] ("0.45 (...) and 0.38 (...)"), joined only by commas and "and"."""
    group = [index]
    while group[0] > 0:
        previous, current = found[group[0] - 1], found[group[0]]
        if not _HR_LIST_JOIN.fullmatch(text[previous.span.end - offset:current.span.start - offset]):
            break
        group.insert(0, group[0] - 1)
    return group


def _trailing_analyses(text: str, found: list[HazardRatio], offset: int) -> list[HazardRatio]:
    """Each HR also takes the analysis named right after it (`_trailing_analysis`), and that phrase is no longer
    read as a label of the HRs that follow it ("PFS was 7.8 vs 3.2 months (HR 0.43 ...) by investigator
    assessment and 11.0 vs 4.1 months (HR 0.36 ...) by central review": one label each). One HR named under two
    analyses takes both ("(HR 0.43 ...) by investigator and central review"); a list of analyses closed by
    "respectively" labels the list of HRs it follows in order ("0.45 (...) and 0.38 (...) by investigator and central
    review, respectively"). A list that does not pair with its HRs (other counts, or two HRs and two analyses without
    "respectively") labels none: a wrong label is worse than none."""
    named: dict[int, tuple[str, ...]] = {}
    masked, claimed_from = text, len(text)
    for index, item in enumerate(found):
        trailing = _trailing_analysis(text, item.span.end - offset)
        if trailing is None:
            continue
        masked = masked[:trailing.start] + " " * (trailing.end - trailing.start) + masked[trailing.end:]
        claimed_from = min(claimed_from, trailing.start)
        if len(trailing.items) == 1:
            named[index] = trailing.items[0]
            continue
        group = _hr_list_before(text, found, index, offset)
        if trailing.respectively and len(group) == len(trailing.items):
            named.update(zip(group, trailing.items))
        elif not trailing.respectively and len(group) == 1:
            named[index] = tuple(label for labels in trailing.items for label in labels)
    labelled = []
    previous_end = 0
    for index, item in enumerate(found):
        start, end = item.span.start - offset, item.span.end - offset
        analysis = _analyses(masked, previous_end, start, item.label_text) if start > claimed_from else item.analysis
        extra = named.get(index, ())
        if extra:
            analysis = tuple(name for name, _ in _ANALYSES if name in analysis or name in extra)
        labelled.append(replace(item, analysis=analysis))
        previous_end = end
    return labelled


def hazard_ratios_in_sentence(
    sentence: Sentence, heart_rate: bool = False, previous_outcome: str | None = None,
    hazard_named: bool | None = None, hazards_modelled: bool | None = None, record_text: str | None = None,
) -> list[HazardRatio]:
    """HRs of one sentence; `previous_outcome` labels an HR whose sentence names no outcome
    ("The benefit was confirmed by central review (HR 0·49 ...)" after a PFS sentence).
    `hazard_named`: the record says "hazard ratio" somewhere (default: this sentence does), which an
    upper-case "AHR" label needs; `hazards_modelled`: it names hazard ratios or a Cox model (default:
    this sentence does), which an unlabelled "risk increased by 3.58 (95% CI ...)" needs; `record_text`: the
    title and abstract (default: this sentence), where a group written as an HR's subscript ("HRPRISm") must
    also stand alone."""
    text = sentence.text
    found: list[HazardRatio] = []
    taken_until = 0
    if hazard_named is None:
        hazard_named = bool(_HAZARD_NAMED.search(text))
    if hazards_modelled is None:
        hazards_modelled = bool(_HAZARDS_MODELLED.search(text))
    labels = [
        m for m in _HR_LABEL.finditer(text)
        if not (heart_rate and "hazard" not in m.group("label").lower())
        and not (m.group("label").startswith("AHR") and not hazard_named)  # "AHR": also airway hyperresponsiveness
        and not (m.group("subscript") and not _is_group_subscript(m.group("subscript"), record_text or text, hazard_named))
    ]
    previous_end = 0
    for index, label in enumerate(labels):
        if label.start() < taken_until:
            continue
        pairs = _value_and_ci_pairs(sentence, label, previous_end, previous_outcome)
        if pairs:  # "The hazard ratios and 95% CIs were 2.91 and 1.28-6.64 for A, and 2.36 and 1.15-4.85 for B"
            found.extend(pairs)
            taken_until = previous_end = pairs[-1].span.end - sentence.start
            continue
        connect, extractor = _trusted_connect(text, label), "effects.hr_labelled"
        if connect is None:
            connect, extractor = _list_head(text, label), "effects.hr_list_head"  # ... a list of HRs may be
            if connect is None:
                listed = _categories_after_label(sentence, label, labels, index, previous_end, previous_outcome)
                if listed:  # "HR increased for CPC-2 = 1.33 (1.03-1.73), CPC-3 = 1.90 (1.37-2.65), ..."
                    found.extend(listed)
                    taken_until = previous_end = listed[-1].span.end - sentence.start
                continue
        # "HRs for BMI < 18.5, 23-24.9 ... were 1.12 (...), ...", "the HR for patients with SBP less than
        # 140 mm Hg was 0.19 (...)": a category's threshold or a quantity is no HR; the label still heads
        # the list of values that follow
        threshold = _is_threshold(text, connect)
        value_text = connect.group("value")
        value = parse_decimal(value_text)
        value_end = connect.end("value")
        if value <= 0 and not threshold:
            continue  # a hazard ratio is positive
        ci, low, high = (None, None, None) if threshold else _ci_after(text, value_end, value)
        listed = _respectively_list(sentence, label, connect, previous_end, previous_outcome) if ci is None and not threshold else []
        if listed:  # "the adjusted HRs of A, B and C for X were 5.31, 7.10 and 6.95, respectively"
            found.extend(listed)
            taken_until = previous_end = listed[-1].span.end - sentence.start
            continue
        if ci is None and not threshold and (_RANGE.match(text, value_end) or extractor == "effects.hr_list_head"):
            continue  # "HRs = 0.64-0.68": a range of HRs, not one HR
        if ci is None and label.group("subscript"):
            continue  # "HRPRISm 2.70; 95% CI, ...": a glued group name is trusted with a CI only
        item = _build(sentence, label, connect.start("value"), value_end, value, ci, low, high, previous_end,
                      label.group("label"), extractor, previous_outcome)
        if not threshold:
            found.append(item)
            taken_until = item.span.end - sentence.start
            previous_end = taken_until
            versus = _VERSUS_VALUE.match(text, value_end) if ci is None else None
            if versus and not _QUANTITY_AFTER.match(text, versus.end("value")):
                # "(HR 0.54 vs. 0.81, respectively)": the HRs of two groups side by side, neither with a CI
                second = _build(sentence, None, versus.start("value"), versus.end("value"), parse_decimal(versus.group("value")),
                                None, None, None, previous_end, "", "effects.hr_versus", item.outcome)
                found.append(second)
                taken_until = previous_end = second.span.end - sentence.start
        next_label = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        # unlabelled continuations of this HR's list, up to the next ratio label of any kind or the name of
        # another statistic, whose values they are: "(HR 3.2, ...) ..., with an area under the curve of 0.920 (...)"
        start = item.span.end - sentence.start
        stop = _other_statistic_start(text, start, next_label)
        for continuation in _continuations(sentence, start, stop, previous_end, item.outcome):
            found.append(continuation)
            taken_until = previous_end = continuation.span.end - sentence.start
    if hazards_modelled:
        found.extend(_risk_increases(sentence, found, previous_outcome))
        found.sort(key=lambda item: item.value_span.start)
    found = _pair_listed_outcomes(text, _slash_shared_p(text, _shared_p(text, found, sentence.start), sentence.start),
                                  sentence.start)
    return _trailing_analyses(text, found, sentence.start)


def _slash_shared_p(text: str, found: list[HazardRatio], offset: int) -> list[HazardRatio]:
    """HRs written side by side with a slash share the p written after the last: "worse PFS/OS (HR 1.56/HR 2.02,
    P < 0.0001)" gives both HRs p < 0.0001. Only HRs with no CI, joined by nothing but the slash."""
    shared = list(found)
    for i in range(len(found) - 2, -1, -1):
        first, second = shared[i], shared[i + 1]
        joint = text[first.span.end - offset:second.span.start - offset]
        if (first.p is None and second.p is not None and first.ci_low is None and second.ci_low is None
                and re.fullmatch(r"\s*/\s*", joint)):
            shared[i] = replace(first, p=second.p)
    return shared


#: A p-value said of several results at once: "(all P < 0.001)", "(P < 0.001 for all)", "both p < 0.05".
_SHARED_P_BEFORE = re.compile(r"\b(?:all|both|each)\s+(?:the\s+)?$", re.I)
_SHARED_P_AFTER = re.compile(r"\s*(?:for|in)\s+(?:all|both|each)\b", re.I)
#: Outside the HRs, what makes a shared p's results other than theirs: another number with a point, a percentage.
_OTHER_RESULT = re.compile(r"\d[.·]\d|%")
#: A category's threshold, which is no result: "ejection fraction <30% (HR 2.5 ...)", "eGFR <30 mL/min/1.73 m2 (HR ...)".
_THRESHOLD = re.compile(r"(?:[<>≤≥]|[<>]=)\s*" + _D + r"\s*%?(?:\s*[A-Za-z]+(?:/[\w.·]+)*(?:\s+[a-z]+\d?)?)?")


def _shared_p(text: str, found: list[HazardRatio], offset: int) -> list[HazardRatio]:
    """A p-value written once for several HRs, after them: "cfEBV DNA was independently significant for OS
    (HR 1.90, 95% CI 1.40-2.59), DMFS (1.99, 1.45-2.71) and DFS (2.38, 1.86-3.06) in multivariate analyses
    (P < 0.001 for all)". It is each HR's that has no p of its own, since the last p-value written before it,
    when between them and the p nothing but words and whole numbers stands outside the HRs (no other result:
    no decimal, percentage, other ratio or statistic), and its CI does not contradict it (a "<" p with a CI
    holding 1)."""
    shared = list(found)
    spans = [(item.span.start - offset, item.span.end - offset) for item in found]
    previous_p_end = 0
    for match in P_VALUE.finditer(text):
        if not (_SHARED_P_BEFORE.search(text, 0, match.start()) or _SHARED_P_AFTER.match(text, match.end())):
            previous_p_end = match.end()
            continue
        covered = [i for i, (start, end) in enumerate(spans)
                   if start >= previous_p_end and end <= match.start() and found[i].p is None]
        previous_p_end = match.end()
        if not covered:
            continue
        outside, position = [], spans[covered[0]][0]
        for start, end in spans:
            if end > position and start < match.start():
                outside.append(text[position:max(position, start)])
                position = max(position, end)
        outside.append(text[position:match.start()])
        between = _THRESHOLD.sub(" ", " ".join(outside))
        if _OTHER_RESULT.search(between) or _OTHER_RATIO.search(between) or _OTHER_STATISTIC.search(between):
            continue
        p = normalise_p(match.group("op"), match.group("num"))
        for i in covered:
            low, high = found[i].ci_low, found[i].ci_high
            holds_one = low is not None and low < 1 < high
            if _p_contradicts_ci(p, low, high) or holds_one and p.startswith(("<", "≤")):  # normalised: "<=", "⩽" are "≤"
                continue
            shared[i] = replace(found[i], p=p)
    return shared


#: Between the outcomes of a list: "OS and DFS", "OS, DFS and RRFS", "DFS & OS", "OS or CSS", "PFS/OS".
_OUTCOME_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*)(?:(?:the|\d+-year)\s+)?")


def _enclosing_bracket(text: str, position: int) -> tuple[int, int] | None:
    """The open and close of the innermost bracket holding `position`, if it is closed in `text`."""
    opened = innermost_open_bracket(text, position)
    closed = None if opened is None else matching_close(text, opened)
    return None if closed is None else (opened, closed)


def _outcome_chains(text: str, start: int, end: int) -> list[list]:
    """The outcomes named in text[start:end], grouped into lists joined by "and", "or", "&" or commas."""
    chains: list[list] = []
    for mention in outcome_mentions(text[start:end]):
        previous = chains[-1][-1] if chains else None
        if (previous is not None and previous.label == mention.label
                and re.fullmatch(r"\s*\(", text[start + previous.end:start + mention.start])
                and text[start + mention.end:start + mention.end + 1] == ")"):
            chains[-1][-1] = replace(previous, end=mention.end + 1)
            continue  # "progression-free (PFS)/overall survival (OS)": a name and its abbreviation are one outcome
        if previous is not None and _OUTCOME_LIST_JOIN.fullmatch(text[start + previous.end:start + mention.start]):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    return chains


def _pair_listed_outcomes(text: str, found: list[HazardRatio], offset: int) -> list[HazardRatio]:
    """HRs listed in one bracket after a list of as many outcomes take those outcomes in order, not all the
    last one: "impacted the 5-year OS and DFS (HR=9.39, p<0.01 and HR=11.03, p=0.04)", "improvements in DFS
    and OS outcomes compared with A (HR, 0.83; ...; p = .03 and HR, 0.88; ...)". The outcome list must be
    the last outcomes named before the bracket in its clause, or, when the bracket says "respectively" and
    opens with the HRs, the first ("better OS and PFS, higher CRR and longer DOR (HR: 0.85, ...; HR: 0.80,
    ...; OR: 1.48, ...; and ..., respectively)"). The bracket names no outcome before its last HR (else each
    HR has its own: "(OS: HR = 1.34 and CSS: HR = 1.63)")."""
    paired = list(found)
    index = 0
    while index < len(found):
        first_start = found[index].span.start - offset
        bracket = _enclosing_bracket(text, first_start)
        group = [i for i in range(index, len(found)) if bracket and bracket[0] < found[i].span.start - offset < bracket[1]]
        index += max(1, len(group))
        if len(group) < 2 or group != list(range(group[0], group[0] + len(group))):
            continue
        opened, closed = bracket
        last_value = found[group[-1]].value_span.start - offset
        if outcome_mentions(text[opened:last_value]):
            continue  # the bracket names its HRs' outcomes itself
        clause = _clause_start(text, opened)
        chains = _outcome_chains(text, clause, opened)
        if not chains:
            continue
        respectively = re.search(r"\brespectively\b", text[last_value:closed + 1], re.I)
        leading = re.fullmatch(r"\s*", text[opened + 1:first_start])
        if len(chains[-1]) == len(group):
            chain = chains[-1]
        elif respectively and leading and len(chains[0]) == len(group):
            chain = chains[0]
        else:
            continue
        for i, mention in zip(group, chain):
            paired[i] = replace(found[i], outcome=mention.label)
    return paired


def _other_statistic_start(text: str, start: int, stop: int) -> int:
    """Where a list of HRs from `start` ends, at the latest `stop`: at the first name of another ratio
    (an odds ratio's values are no HRs) or of another statistic ("area under the curve (AUC) of 0.920
    (95% CI 0.842-0.998)", "C-index 0.71 (0.65-0.77)"), whose values with their CIs read like HRs."""
    names = [match.start() for pattern in (_OTHER_RATIO, _OTHER_STATISTIC) if (match := pattern.search(text, start, stop))]
    return min(names, default=stop)


def _risk_increases(sentence: Sentence, found: list[HazardRatio], previous_outcome: str | None) -> list[HazardRatio]:
    """The unlabelled HRs written "the risk (of X) increased by 3.58 (95% CI 1.86-6.75)", "had 2.89 (95% CI
    1.88-4.43) times greater risk" or "a 2.02 times higher risk of death (95% CI ...)", outside the HRs already `found`, in a sentence naming no other ratio or model."""
    text = sentence.text
    if _OTHER_RATIO.search(text) or _NOT_HAZARDS_MODEL.search(text):
        return []
    taken = [(item.span.start - sentence.start, item.span.end - sentence.start) for item in found]
    candidates = [(phrase, _VALUE_AT.match(text, phrase.end())) for phrase in _RISK_INCREASED_BY.finditer(text)]
    candidates += [(None, number) for number in _UNLABELLED_VALUE.finditer(text)]
    increases = []
    for phrase, number in candidates:
        if number is None or any(start <= number.start() < end for start, end in taken):
            continue
        value = parse_decimal(number.group("value"))
        times_before_ci = _TIMES_GREATER_RISK_OF.match(text, number.end()) if phrase is None else None
        ci, low, high = _ci_after(text, times_before_ci.end() if times_before_ci else number.end(), value)
        if ci is None or value <= 0 or _QUANTITY_AFTER.match(text, number.end()) or _QUANTITY_AFTER_BRACKET.match(text, ci.end()):
            continue
        times = times_before_ci or (_TIMES_GREATER_RISK.match(text, ci.end()) if phrase is None else None)
        if phrase is None and times is None:
            continue
        label_text = phrase.group(0).strip() if phrase else times.group(0).strip(" )]")
        increases.append(_build(sentence, phrase, number.start(), number.end(), value, ci, low, high, 0,
                                label_text, "effects.hr_risk_increased_by", previous_outcome))
    return increases


def _is_threshold(text: str, connect: re.Match[str]) -> bool:
    """A number in the label's phrase that is no HR: a threshold ("BMI < 18.5", "SBP less than 140"), a
    quantity ("aged 65 years"), or a category's number followed by its own value ("HR for stage 3 was 1.5")."""
    return bool(_COMPARED_BEFORE.search(text, 0, connect.start("value")) or _QUANTITY_AFTER.match(text, connect.end("value"))
                or (connect.group("for") and _CATEGORY_VALUE_AFTER.match(text, connect.end("value"))))


#: "The hazard ratios and 95% confidence intervals were 2.91 and 1.28-6.64 for A, and 2.36 and 1.15-4.85 for B":
#: the label names the HR and its CI, then pairs "value and low-high" follow.
_VALUE_AND_CI_HEADER = re.compile(
    r"\s*(?:[(\[][as]?HRs?[)\]])?\s+and\s+(?:(?:the|their)\s+)?(?:\d{2}\s*%\s*)?(?:CIs?|confidence\s+intervals?)"
    r"(?:\s*[(\[]CIs?[)\]])?\s+(?:were|was|are|is|of)\s*:?",
    re.IGNORECASE,
)
_VALUE_AND_CI = re.compile(r"\s*(?P<value>" + _D + r")\s+and\s+(?P<lo>" + _D + r")\s*(?:" + DASH + r"|to)\s*(?P<hi>" + _D + r")")


def _value_and_ci_pairs(
    sentence: Sentence, label: re.Match[str], previous_end: int, previous_outcome: str | None
) -> list[HazardRatio]:
    """The HRs of a label written "hazard ratios and 95% CIs were v and lo-hi (for A), (and) v and lo-hi ...";
    each pair kept only when its CI brackets its value."""
    text = sentence.text
    header = _VALUE_AND_CI_HEADER.match(text, label.end())
    if header is None:
        return []
    found: list[HazardRatio] = []
    position = header.end()
    while True:
        pair = _VALUE_AND_CI.match(text, position)
        if pair is None:
            return found
        value, low, high = (parse_decimal(pair.group(name)) for name in ("value", "lo", "hi"))
        if not (0 < value and low <= value <= high):
            return found
        found.append(_build(sentence, label if not found else None, pair.start("value"), pair.end("value"), value, pair,
                            low, high, previous_end, label.group("label") if not found else "", "effects.hr_and_ci_pairs",
                            previous_outcome))
        previous_end = found[-1].span.end - sentence.start
        # what the pair is for ("for PS"), then ", and" before the next pair
        gap = re.match(r"(?:\s+(?:for|in)\s+[^,;()\d]{1,40}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=\s*" + _D + r"\s+and\s)",
                       text[pair.end():])
        if gap is None:
            return found
        position = pair.end() + gap.end()


#: Between a label and the first "category = value (CI)" of its list: a short phrase of words in one clause.
_TO_FIRST_CATEGORY = re.compile(r"[^;:%()\[\]\d]{1,60}?(?=\b[A-Za-z][\w-]*\d\s*=\s*" + _D + r"\s*[(\[])")
#: A numbered category ("CPC-2 =", "Q4 =", "grade3 ="), not a statistic's name ("ORR =").
_NUMBERED_CATEGORY_EQUALS = re.compile(r"(?<![\w-])[A-Za-z][\w-]*\d\s*=\s*$")


def _categories_after_label(
    sentence: Sentence, label: re.Match[str], labels: list[re.Match[str]], index: int, previous_end: int,
    previous_outcome: str | None,
) -> list[HazardRatio]:
    """A label whose values follow as a list of "category = value (CI)" after a short phrase: "hazard ratio
    (HR) increased incrementally for CPC-2 = 1.33 (1.03-1.73), CPC-3 = 1.90 (1.37-2.65)". Only values with a
    CI that brackets them, each after a numbered category's "name =", up to the next ratio label."""
    text = sentence.text
    lead = _TO_FIRST_CATEGORY.match(text, label.end())
    if lead is None or _OTHER_RATIO.search(lead.group(0)) or re.search(r"\bmedian\b", lead.group(0), re.IGNORECASE):
        return []
    stop = labels[index + 1].start() if index + 1 < len(labels) else len(text)
    listed = _continuations(sentence, lead.end(), stop, previous_end, previous_outcome)
    return [item for item in listed if _NUMBERED_CATEGORY_EQUALS.search(text[:item.value_span.start - sentence.start])]


def _trusted_connect(text: str, label: re.Match[str]) -> re.Match[str] | None:
    """The value right after a label, unless the phrase between them is too loose to trust: one
    spanning clauses ("HR for ... and ..."), a long one ("the HR of A vs B alone for stroke was 0.36")
    or one naming a comparison ("the HR for X in A compared with B was 3.48") without a CI after the value, or one whose "value" opens a range without a CI ("HRs of people
    with 10-19 teeth ..."): such labels may still head a list (`_list_head`)."""
    connect = _CONNECT.match(text, label.end())
    if connect is None or not connect.group("for"):
        return connect
    phrase, value_end = connect.group("for"), connect.end("value")
    if re.search(r"\b(?:and|but|was|were)\b", phrase):
        return None
    if _is_threshold(text, connect):
        return connect  # not an HR itself; only the values with a CI that follow it are taken
    if len(phrase) > _SHORT_PHRASE or _RANGE.match(text, value_end) or re.search(r"\bcompared\b", phrase):
        if _ci_after(text, value_end, parse_decimal(connect.group("value")))[0] is None:
            return None
    return connect


#: "hazard ratios for death in A, B and C were 1.84 (95% CI ...), 2.21 (...) and 1.82 (...), respectively":
#: the label's phrase names several items, so it may hold commas, "and" and the items' short bracketed
#: names ("for the second (T2) and the third tertile (T3) were ...") and names' decimals ("per 1 µg/m3 of PM2.5"),
#: up to 140 characters ("HRs of heart disease mortality for an increase in urinary total arsenic and DMA
#: corresponding to the interquartile range were ..."); only with a CI after the value.
_LIST_CONNECT = re.compile(
    r"\s+(?:for|of|in|per)\s+(?P<for>(?:[^;:=()\[\]\d.]|\d(?![.·]\d)|(?<=[A-Za-z])\d+[.·]\d+|[(\[][^;:=()\[\]]{1,40}[)\]]){1,140}?)"
    r"\s+(?:were|are|was|is)\s*:?\s*"
    r"(?P<value>" + _D + r")" + _NOT_A_VALUE
)


#: Words that, outside its asides, make a single HR's phrase span clauses or name another statistic.
_ONE_HR_PHRASE_STOP = re.compile(r"\b(?:and|but|or|was|were|median|mean|rate|odds|risk|ratio)\b|\d", re.I)


def _list_head(text: str, label: re.Match[str]) -> re.Match[str] | None:
    """The first value of a list of HRs announced by one label: the label is plural ("hazard
    ratios", "HRs") or the sentence says "respectively"; or the value of one HR whose phrase holds
    a bracketed aside but, outside it, one clause naming no other statistic ("the HR for stroke in
    the top quartile (median 0.44 μg/g) was 1.11 (95% CI ...)"); otherwise the phrase is not trusted."""
    match = _LIST_CONNECT.match(text, label.end())
    if match is None or _HR_LABEL.search(match.group("for")) or _OTHER_RATIO.search(match.group("for")):
        return None
    plural = re.search(r"(?:ratios|HRs)$", label.group("label"), re.IGNORECASE)
    if plural or re.search(r"\brespectively\b", text[match.end():], re.IGNORECASE):
        return match
    outside_asides = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", match.group("for"))
    if outside_asides != match.group("for") and not _ONE_HR_PHRASE_STOP.search(outside_asides):
        return match
    return None


#: A list of bare HRs closed by "respectively": "were 5.31, 7.10, 6.95, and 4.88, respectively", "0.70 and 0.80,
#: respectively"; every value a decimal.
_RESPECTIVELY_VALUES = re.compile(
    r"(?P<values>" + _D + r"(?:\s*,\s*" + _D + r")*\s*,?\s+and\s+" + _D + r")\s*,?\s*respectively\b", re.I
)
#: In the phrase of a bare list's label, the name of another statistic whose values the list may be.
_OTHER_QUANTITY_NAMED = re.compile(r"\b(?:median|mean|rates?|proportions?|percentages?|incidences?|prevalences?|"
                                   r"odds|ratios?|numbers?)\b|%", re.I)


def _respectively_list(
    sentence: Sentence, label: re.Match[str], connect: re.Match[str], previous_end: int, previous_outcome: str | None
) -> list[HazardRatio]:
    """The HRs of a label written as a list of bare values closed by "respectively", none with a CI: "the adjusted
    HRs of A, B and C for progression were 5.31, 7.10 and 6.95, respectively", "The hazard ratios for PFS and OS
    were 0.70 and 0.80, respectively" (an outcome list of as many items before the values pairs them in order).
    Only decimals, and only when the phrase between label and values names no other statistic ("the HRs for OS
    and the median PFS were 0.80 and 6.1, respectively")."""
    text = sentence.text
    listed = _RESPECTIVELY_VALUES.match(text, connect.start("value"))
    if listed is None:
        return []
    phrase = re.sub(r"\b(?:hazards?\s+ratios?)\b", " ", text[label.end():connect.start("value")], flags=re.I)
    if _OTHER_QUANTITY_NAMED.search(phrase) or _OTHER_RATIO.search(phrase) or _OTHER_STATISTIC.search(phrase):
        return []
    values = list(re.finditer(_D, listed.group("values")))
    if any(not re.search(r"[.·]", v.group(0)) or parse_decimal(v.group(0)) <= 0 for v in values):
        return []
    offset = listed.start("values")
    found: list[HazardRatio] = []
    for value in values:
        start, end = offset + value.start(), offset + value.end()
        found.append(_build(sentence, label if not found else None, start, end, parse_decimal(value.group(0)), None, None,
                            None, previous_end, label.group("label") if not found else "", "effects.hr_respectively_list",
                            previous_outcome))
        previous_end = found[-1].span.end - sentence.start
    chains = _outcome_chains(text, label.start(), connect.start("value"))
    if chains and len(chains[-1]) == len(found):
        found = [replace(item, outcome=mention.label) for item, mention in zip(found, chains[-1])]
    return found


#: A category named before "=" in a list of HRs: "CPC-3 = 1.90 (1.37-2.65)", "mRS-2 = 1.52 (...)"; not "P =", "n =".
_CATEGORY_EQUALS = re.compile(r"(?<![\w-])(?![PpNn]\s*=)[A-Za-z][\w-]*\s*=\s*$")
#: "0.51 (0.31–0.82)", "1.99 per 1 μm/y faster loss (95% CI ...)", or the last item of a bracket, bounds after a
#: comma, semicolon or space: "(2.142, 1.522 to 3.014)", "(1.10; 1.05-1.16)", "(10.4 vs. 8.8 per 1000, 1.08, 1.03-1.14)",
#: "(0.4 vs. 0.2, 2.14 1.18-3.85)";
#: or right after the previous HR, a value with its labelled CI: "...; P = 0.01; and 0.59; 95% CI: 0.41, 0.85"
_CONTINUATION = re.compile(
    r"(?<![\w.·%-])(?P<value>" + _D + r")(?=\s*[(\[]|\s+per\s|(?P<comma>(?:\s*[,;]\s*|\s+)" + _D + r"\s*(?:" + DASH + r"|to))"
    r"|(?P<labelled>\s*[,;]\s*\d{2}\s*%\s*C[Rr]?I\b))"
)
#: Whole numbers as value and bounds are a count or a median with its range ("11 [7-21] vs. 14 [8-36] days").
_WHOLE_NUMBER = re.compile(r"\d+")


def _last_in_open_bracket(text: str, position: int) -> bool:
    """The number at `position` follows a "," or ";" inside a bracket still open: "(10.4 vs. 8.8, 1.08, ...)"."""
    opened = max(text.rfind("(", 0, position), text.rfind("[", 0, position))
    closed = max(text.rfind(")", 0, position), text.rfind("]", 0, position))
    return opened > closed and bool(re.search(r"[,;]\s*$", text[opened:position]))


def _continuations(
    sentence: Sentence, start: int, stop: int, previous_end: int, head_outcome: str | None
) -> list[HazardRatio]:
    text = sentence.text
    found = []
    position = start
    while True:
        match = _CONTINUATION.search(text, position, stop)
        if not match:
            return found
        value = parse_decimal(match.group("value"))
        ci, low, high = _ci_after(text, match.end("value"), value)
        before = text[max(0, match.start() - 12):match.start()]
        if match.group("comma") and not (re.search(r"[(\[]\s*$", before) or _last_in_open_bracket(text, match.start())):
            ci = None  # "v, l-u" only as the whole bracket or its last item
        if match.group("labelled") and not re.fullmatch(r"[\s,;]*(?:and\s+)?", text[previous_end:match.start()]):
            ci = None  # "v; 95% CI l, u" only right after the previous HR: "(HR 0.84; 95% CI ...; P = 0.01; and 0.59; 95% CI ...)"
        if ci is None or ci.end() > stop or value <= 0 or re.search(r"(?:CI|%|[<>≤≥])\s*$", before) \
                or (before.rstrip().endswith("=") and not _CATEGORY_EQUALS.search(before)) \
                or all(_WHOLE_NUMBER.fullmatch(number) for number in (match.group("value"), ci.group("lo"), ci.group("hi"))):
            position = match.end()
            continue
        if _QUANTITY_AFTER_BRACKET.match(text, ci.end()):
            position = ci.end()
            continue  # "18.5 (95% CI 11.76-21.32) months": a median, not an HR
        item = _build(sentence, None, match.start("value"), match.end("value"), value, ci, low, high, previous_end,
                      "", "effects.hr_list_continuation", head_outcome)
        found.append(item)
        position = previous_end = item.span.end - sentence.start


#: "the risk of X" (or "for X": "a higher risk for heart failure hospitalization (HR 5.00 ...)"): the event an HR
#: right after it is for, unless X is an outcome named itself ("risk of death", "risk of cancer-specific mortality",
#: read as outcomes), progression or dying, which trials write for PFS and OS, or "an event", which names none.
_RISK_OF_EVENT = re.compile(
    r"\brisks?\s+(?:of|for)\s+(?!(?:an?\s+|the\s+)?(?:(?:disease\s+|tumou?r\s+)?progression\b|dying\b|death\b|events?\b))(?=[A-Za-z])",
    re.I,
)


#: "X risk" with X an event's abbreviation: "a 28% increase of MACE risk (HR: 1.28 ...)", "T2DM risk [HR ...]".
_ABBREVIATION_RISK = re.compile(r"\b(?P<event>(?!HRs?\b)[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s+risks?\b")


def _risk_of_other_event(text: str, start: int, outcome) -> bool:
    """The sentence says "the risk of X" (or "X risk", X an abbreviation that names no outcome: "MACE risk")
    after the outcome named nearest before the HR at `start` (or names no outcome before it): the HR is for X,
    no outcome the sentence named earlier nor the previous sentence's ("lower overall mortality (SHR 0.63 ...),
    but higher risk of pacemaker implantation (SHR 4.67 ...)")."""
    risks = list(_RISK_OF_EVENT.finditer(text, 0, start))
    risks += [m for m in _ABBREVIATION_RISK.finditer(text, 0, start) if not outcome_mentions(m.group("event"))]
    risks.sort(key=lambda m: m.start())
    return bool(risks) and (outcome is None or risks[-1].start() > outcome.start)


def _build(
    sentence, label, value_start, value_end, value, ci, low, high, previous_end, label_text, extractor, previous_outcome
) -> HazardRatio:
    text = sentence.text
    end = ci.end() if ci else value_end
    per_unit = _PER_UNIT_SLASH.match(text, end) if ci is None else None
    if per_unit:
        end = per_unit.end()  # "HR: 1.05/year, p < 0.001": the p follows the unit
    p_match = _p_near(text, end)
    if p_match and _p_contradicts_ci(normalise_p(p_match.group("op"), p_match.group("num")), low, high):
        p_match = None  # "(HR 1.23, 95% CI 0.94-1.61; P < 0.001)": the p of another comparison
    p = None
    if p_match:
        p = normalise_p(p_match.group("op"), p_match.group("num"))
        end = p_match.end()
    start = label.start() if label else value_start
    if p is None and label is not None:
        before = _p_before(text, label.start())
        if before:
            p = normalise_p(before.group("op"), before.group("num"))
    end = _balance(text, start, end)
    clause_start = max(previous_end, _clause_start(text, start))
    outcome = outcome_before(text, start, clause_start) or outcome_before(text, start, 0)
    if _risk_of_other_event(text, start, outcome):
        outcome_label = "other"  # "higher risk of pacemaker implantation (SHR 4.67 ...)", after "lower mortality (...)"
    elif outcome is not None:
        outcome_label = outcome.label
    else:
        tail_start = label.end() if label else value_end
        after = outcome_mentions(text[tail_start:])
        unmatched_close = after and text[:tail_start + after[0].start].count(")") > text[:tail_start + after[0].start].count("(")
        if after and not (unmatched_close and previous_outcome):
            outcome_label = after[0].label  # "Age > 50 (HR 1.85 [...]) portended reduced PFS"
        else:
            outcome_label = previous_outcome or "other"  # the sentence continues the previous one's item
    between = text[label.end():value_start] if label is not None else ""
    if re.search(r"\bprogression\b(?!\s+risks?\s+of\b)", between, re.I):
        outcome_label = "PFS"  # "hazard ratio for progression or death, 0.43"
    elif re.search(r"\bdeath\b", between, re.I):
        outcome_label = "OS"  # "hazard ratio for death, 0.49"
    context = text[:value_start]  # the phrase between label and value may restrict it: "the HR in the subgroup with ..."
    return HazardRatio(
        value=value,
        ci_low=low,
        ci_high=high,
        ci_level=_ci_level(ci),
        p=p,
        outcome=outcome_label,
        analysis=_analyses(text, previous_end, start, label_text),
        subgroup=bool(_SUBGROUP.search(context)),
        label_text=label_text,
        span=sentence.span(start, end),
        value_span=sentence.span(value_start, value_end),
        extractor=extractor,
    )


def _p_contradicts_ci(p: str, low: float | None, high: float | None) -> bool:
    """A p that cannot be the HR's: below 0.01 while its CI holds 1 ("HR 1.23, 95% CI 0.94-1.61; P < 0.001",
    printed after the HR but testing another comparison), or above 0.2 while its CI excludes 1. Rounded
    bounds ("1.00-12.34") and p near the cut-off are left alone."""
    parsed = p_value_number(p)
    if parsed is None or low is None or high is None:
        return False
    op, number = parsed
    if low < 1 < high:
        return op in {"<", "≤"} and number <= 0.01 or op == "=" and number < 0.01
    if high < 1 or low > 1:
        return op in {">", "≥", "="} and number > 0.2
    return False


def _ci_level(ci: re.Match[str] | None) -> float | None:
    """The stated level, before or after "CI" ("95% CI", "CI 95%"); 95 when a CI states none."""
    if ci is None:
        return None
    groups = ci.groupdict()
    level = groups.get("level") or groups.get("level_after")
    return float(level.replace("·", ".")) if level else 95.0


def _balance(text: str, start: int, end: int) -> int:
    """Extend `end` over closing brackets the span opened: "HR, 0.38 (95% CI 0.31-0.48)"."""
    while end < len(text):
        inner = text[start:end]
        if text[end] == ")" and inner.count("(") > inner.count(")"):
            end += 1
        elif text[end] == "]" and inner.count("[") > inner.count("]"):
            end += 1
        else:
            break
    return end


def _clause_start(text: str, position: int) -> int:
    """Start of the clause holding `position`: after the last ";" or sentence-level "." before it."""
    cut = max(text.rfind(";", 0, position), text.rfind(". ", 0, position))
    return cut + 1 if cut >= 0 else 0


#: How many sentences naming no outcome an earlier outcome is carried over to label an HR whose sentence names
#: none: a few ("The benefit was confirmed by central review (HR 0·49 ...)" after a PFS sentence), not a whole
#: section (mortality named four sentences before "TIPS may result in large decrease in symptomatic rebleed (HR 0.12 ...)").
_OUTCOME_CARRIED_OVER = 2


def hazard_ratios(record: Record) -> list[HazardRatio]:
    """Every hazard ratio stated in the title and abstract, in reading order."""
    whole = f"{record.title}\n{record.abstract_text}"
    hazard_named = bool(_HAZARD_NAMED.search(whole))
    hazards_modelled = bool(_HAZARDS_MODELLED.search(whole))
    heart_rate = bool(_HEART_RATE.search(whole)) and not hazard_named
    found: list[HazardRatio] = []
    previous_outcome: str | None = None
    sentences_without_outcome = 0
    section: tuple[str, int | None] | None = None
    for sentence in record_sentences(record):
        if (sentence.field, sentence.section) != section:
            section, previous_outcome = (sentence.field, sentence.section), None
        found.extend(hazard_ratios_in_sentence(sentence, heart_rate, previous_outcome, hazard_named, hazards_modelled, whole))
        mentions = outcome_mentions(sentence.text)
        if mentions:
            previous_outcome, sentences_without_outcome = mentions[-1].label, 0
        else:
            sentences_without_outcome += 1
            if sentences_without_outcome > _OUTCOME_CARRIED_OVER:
                previous_outcome = None
    return found
