"""How many people: the total randomised / enrolled / analysed, and the number per arm.

Counts are read in digits ("1,019", "13 388") or words ("Seventy-five", "One-hundred-and-fifty").
A count is a head count only next to a word for people (patients, women, participants, ...) or
an enrolment verb ("were randomised", "participated"); counts of cells, mice, samples, tumours,
studies, centres, (sub)groups, cohorts or attacks never are, nor is a count followed by a percentage (a subset: "101
(16.3%) had CNS metastases"), a fraction ("2/74") or a hypothetical ("would require 1140 patients").

Totals carry their kind, from the verb or phrase: randomised > ITT population > enrolled
(enrolled, recruited, accrued, included, entered, participated, divided into groups, "a total of",
"Of / Among the N patients", "(N = 676)" after study/cohort, "the whole cohort (N = 20 446)" beside
subcohort Ns, "a trial enrolling 412 women") > eligible > treated ("were given", "a study treating
1153 patients") > analysed ("data were available / linked for 4207 people", "the 659 patients who
completed phase 1", "98 patients concluded the study", "we collected ... from 240 patients", "we analysed sputum from 212 patients",
"serum from 318 outpatients was assayed", "the records of 312 women", "analyzed at 6 mo
(n = 647)"), the pooled total of a review ("15 studies (including 791 patients)", "six retrospective and two prospective
clinical studies involving 932 patients", "18 studies were included, comprising 5,630 patients") / cohort ("a
412-patient cohort", a methods section opening "Ten male swimmers performed ...", also after "In a
randomized crossover design, ...", "A total of 395 of 1241 (32%) patients were ..."). A study
"carried out / performed / conducted on N people" and a sentence "In N people ..., we compared ..."
state an enrolled total, as do "Our cohort comprised 1,045 patients", "Participants were 120 older
adults", "a randomised trial on 84 adults" (randomised) and a participants section written as a noun phrase
("PARTICIPANTS: Two hundred twelve women with ...", also among sections joined by ".;"). "Of 45,678 patients in the registry, 1,234 met the inclusion criteria": the pool ranks as
screened when the sentence selects a count from it; "..., of whom 300 were included" is that count, as is the
sample a pool entered into a database or registry gives "for our analysis / this study" ("Of the 22 266 patients included
in the database, 312 received X and were selected for our analysis": 312 analysed, the database's people screened;
not things selected, "120 tumours"), and the
denominator of a fraction with its share after a pool named by its verb ("Of the randomized participants, 305/478
(63.8%) were ...": 478 randomised; not "2/3", nor the treated, nor studies or animals), and the
part that took part of a pool invited ("85 of 120 women invited agreed to participate": 85). "Of the 15
participants who underwent baseline testing" is a treated pool. A count randomised "to the exercise group"
(one named group) is that group's size, not the randomised total. `study_total` picks the highest kind, the
first stated among equals.

Also read as totals: "N remained for inclusion / for analysis"; data or material of people qualified
before the verb ("Data of 883 consecutive patients undergoing RP were collected", "Data on N patients
were pooled"); a share of a pool taken in, with its percentage ("Of a total of 594 mothers, 323 (54%)
agreed to participate and were randomized": 323); people with a bare bracketed count ("Consecutive
patients (475) were analyzed") or at baseline ("(n = 29)"); "In N people of the X cohort study, ...";
a cohort that comprises / includes N people or "A population-based cohort of N women was followed";
"The mean (SD) age of N participants was ..." (cohort); "randomized among N subjects" (a crossover);
"In all, 648 patients (...) were matched." (cohort; not "matched to / with ..."); "1522 mother-child pairs",
"215 caregiver-child dyads" (people); "Results Of the N patients" (a heading run into the text);
"Children aged 6 to 52 months (n = 336) were randomly assigned"; "93 (80% women, mean age 53) consecutive
patients underwent ..." (a bracket describing the people); "Of these 1842 patients, ..." (a count restated: cohort);
"Among the 16,365 patients diagnosed ..., we identified 614 ... and 1228 ..." (a pool: screened);
"N patients underwent randomization" (randomised); "We followed / recruited a cohort / sample of N";
people qualified before their N and then randomised / enrolled ("Women with an unfavourable cervix at term
(N = 101) were randomised"), or so stated in a participants section ("Adults with and without TSCI (N=6083).");
"There were 228 patients who met the inclusion criteria" (the relative clause's kind); "using / from a cohort
of N"; "a total number of N" (as "a total of"); a study run into its sample ("In a randomized trial 75 preterm infants were allocated": no "trial 75" label);
people named with an abbreviation or prefix ("ICD-patients", "in-patients"); data collected from people, also as a
participle ("measurements collected at 10, 15, 20 years from 3563 participants"), also signals recorded or
acquired ("EEG power spectra recorded from 24 volunteers", not "toxicity was recorded in 5 patients"); "We measured levels of 22 metals
of 982 adults" (a count of things between); people named by a place or study ("317 high school students", "2,596
trial patients"), also after a name spelled out in capitalised words, which counts as one word ("90 American Society
of Anesthesiologists Physical Status I and II patients", the name right after the count); a cohort named at length ("in the Kuopio Ischemic Heart Disease prospective population-based cohort of
770 men and women"); people after a place abbreviated with full stops ("36 U.S. women"); a count with full stops between
its thousands, only right before people ("Among 23.544 patients").
The criteria as subject and the people as agent ("Eligibility criteria were met by 132 patients": eligible; not
an outcome's criteria, "Remission criteria were met by 14"); material of people with a laboratory verb ("Sera of 269
patients were assayed", "DNA of 112 volunteers was genotyped"); an allocation with its randomisation method named
("1324 women were assigned, using telephone randomisation, to ...": randomised); an age in words between a count and
its people ("262 four- to seven-year-old children"); a trial named with its people and their qualifiers, its N
closing the phrase ("a randomised controlled trial in adults with uncontrolled asthma (...) on maintenance therapy
(n=437)": randomised, else enrolled; not after a clause or subgroup of its own).
Observational, registry and interview phrasing: "babies", "stakeholders", "interviewees" are people; "We reviewed data on N patients" and a dataset
that "documents / contains / holds (clinical) records of N people" (analysed); a sentence or section opening with the data
of its people and no verb ("The data of 212 patients who underwent X.": cohort; not "The records of 12 patients were
incomplete"); "The sample included N = 245 men" (as "included 245 men"); "a total 96 patients" (its "of" left out);
"Semi-structured interviews with 23 stakeholders were conducted", "Focus groups were held with 42 caregivers"
(enrolled; not planned ones, nor with hospitals, nor the first of groups listed: "with 42 residents and 21 staff
members", "with six patients, the link worker and two GPs"); "messages were delivered online to 618 girls" (treated,
as "given to"); "Baseline characteristics (n=339)" (enrolled); "A randomized controlled trail was performed on N" (a
misspelt trial); "We investigated the incidence and characteristics of N patients with X" (cohort; up to four words
before "of"; not in results, nor two groups compared, nor "families of enzymes"); "A retrospective (chart) review of N consecutive patients ... was performed / conducted" (cohort; not a
systematic or literature review, nor a planned one).
"included in the matched enteral feeding analysis" (up to three words before "analysis") is analysed, not enrolled;
"A total of 48 randomised clinical trials (3526 participants)" counts trials, its participants the pooled total;
"9 studies were identified that provided data for a total of 118 patients" is a pooled (analysed) total.
A pool named by a state at entry ("Of / Out of 191 stroke survivors who were non-demented at baseline, 168 ...") is
the cohort, not a subset; "Out of N people" reads as a pool only with its verb or relative clause ("Out of 162 patients
included"), not bare ("Out of 16,058 sputum-eligible participants, 183 were smear-positive": one stage of a survey).
A review's pooled people also as "9 RCTs, involving N", "N studies and N patients", "N studies
reporting on / representing N patients", "N studies (n = N)" or "(total sample size N)", "We included N studies in this review (N participants)", "N studies
met the inclusion criteria, involving N", "N RCTs were screened out with N patients", "The included trials involved N", "IPD were obtained from 21
(n = N)". A sample that "will be screened / recruited" is planned, not a total; people excluded by
reason ("After excluding patients with X (n = 28), ...") are not compared arms.

A bracketed aside between a count and its verb is skipped ("1,019 participants (540 men and 479
women) were enrolled"). Never a total: the N of "N of M" (a part), a subset named by a relative
clause ("Of the 389 patients who responded", "Of the 40 patients where a biopsy was taken"), a share of the
sample ("The majority of respondents (n = 781, 76%)"), a count in a relative clause ("Three patients who
were randomised did not start"), a planned study ("a trial enrolling 600 patients would ..."), a
count glued to letters ("18F-FDG", "SLC22A3", "H19"), a count of things qualified by a participle ("five
randomized, controlled trials"), two groups each with its count ("1554 patients with BS and 3108
control subjects"), events during follow-up ("During follow-up, 412 women were diagnosed with ..."),
two groups compared ("the outcomes of 23 recipients were compared with those of 107 controls"),
"a total of N" of things ("A total of 163 GBMs were immunostained"), people who are not real ("500
simulated patients", "virtual", "hypothetical"), the early or late part of a sample ("among the first 36
patients randomised"), a target size ("The target
enrollment was ... (n = 24 in each group)": neither total nor arms), one of a comma list of counted groups
("739 ALK+, 137 ROS1+, 714 wildtype patients") or a design in the present tense ("This trial involves
recruitment of 327 adults"), people with their share and no pool in the sentence ("A total of 60 patients (32.8%)
had CAD": a part of the sample, unless randomised / enrolled), people "included as comparators (n = N)" (a group), the people of another noun's verb ("5 gynecologists recruited
postmenopausal women": 5 recruiters), two pools of studies by design ("7 RCTs with a total of 1,773 patients and
3 observational studies with a total of 12,528": parts of a review, no total), numbers of a list sharing a unit
("at 10, 15, 20 years"), a singular people word before another plural noun ("368 adult scorpions"), data from
one person or simulated data, people a model made up ("A total of 100,000 patients were simulated / modelled"),
events named by their own verb ("24 incident AD cases occurred"; not "257 cases were included, and X occurred in 16").

Per-arm counts come from allocation phrasing: "(n = 40) ... (n = 40)", "group A = 72", "(65
patients [50%]) or ... (65 patients [50%])", "(494 navigated; 545 control)", "40 were allocated to
..., and 38 ...", "94 received DOC and 74 received ABI", "500 treated with A, 514 with B and 508
with C", "29 (50%) each", "80 patients entered into each active group and 40 into placebo", "Each of
the matched groups included 11,947 participants" (an arm, not the total).
Also read: an adverb between a bare count's auxiliary and its verb ("34 met the criteria and 22 were finally randomized");
a measure of the people after a measuring verb, any subject ("A trained nurse measured hemoglobin levels of 438 children":
analysed); a study "conducted to study / assess / evaluate N people" (enrolled); body material collected from people
("Milk and blood ... were collected from 535 mothers/infant-pairs": analysed); pairs written with a slash
("mother/infant pairs"); a capitalised plural demonym as people ("118,683 white Danes", "Koreans"). Refused: a
subcohort ("a subcohort of 410 participants and 414 cases": a part of a case-cohort design); an age ("diagnosed prior
to the age of 16"; not "the mean age of 4161 participants"); a group beside a comparison group in its own clause
("10 173 individuals had AD, while 234 683 individuals served as control group"). A year after a range opened
with "from 1979 through" is no count.
Also read: people described after their N inside its bracket ("Older adults with SMC (n = 415; mean age = 72.3
years old) were randomly assigned", "(n = 196, 76.8-years-old, 60% women)": an age after an "n =" count is no unit list),
also with the trial they take part in before the verb ("... participating in a randomized trial (VITACOG) were assigned":
randomised); not another count in the bracket ("(n = 318; 159 per arm)"). "The total number of participants in this
review was 255" (pooled; else enrolled; not a group's, per-centre or required total); a perfect passive of study before
"in N people" ("MPA has therefore been compared with placebo in 60 patients": analysed). Refused: a count of one as a
study total ("One patient was treated with a chest tube": an event or a case, never the study's size). A title naming a protocol of care
("after implementation of an ERAS protocol") is no study protocol: its totals are read.

Also read: studies named with two coordinated adjectives ("Six randomized and non-randomized clinical
trials were included, including 1867 individuals": no head count of 6; the people pooled, with up to eight adjectives
before "studies / trials ... were included"); the participants that "consisted of / comprised of / were composed of"
N people (enrolled; not a list of counted groups, "Subjects consisted of 12 novices, 5 trainees and 4 faculty");
a randomised design's adjective ("Using a randomized cross-over design, young e-cigarette users
(n = 30) ...") allocates no group, so a single "(n = N)" is no arm. Refused: a count with its share after other
counts with their shares ("Most children (478 [53%]) were Hispanic, 688 children (76%) received X": parts, no pool;
"Four of 15 children (26%)" is a pool, its share no part).

An "n =" counting things reported is no arm ("more adverse events in the app than in the questionnaire (n=1033 vs
n=656)", "more symptoms overall (n=4808)").
Refused: a count whose own verb is in the future ("600 ICU patients with sepsis, needing
antibiotics, will be randomized": a planned sample; not "120 patients were randomised and will be followed", nor "patients
who will undergo surgery were enrolled").
Refused: a count whose own verb is "died" ("a total of nine participants died: 4 CR versus 5 control": deaths; not
"40 patients who died were studied").
Refused: a count of studies with a long run of adjectives ("seven randomized, double-blind, placebo-controlled
studies of women"; not "300 were randomized across four trials").
Refused: a count "further randomized" / "re-randomised" ("3466 participants in the intervention group were further
randomized to a booster": a subset of the sample).
Read: the studies' pooled people in a relative clause ("34 eligible randomized controlled trials that involved 3,111
elderly participants").
Read: people "assigned to" treatments without the word random ("56 patients with stage III ovarian cancer were
assigned to 6 cycles of NAC", "... were assigned to receive either A (n = 28) or B (n = 30)", "assigned to two groups /
one of three diets / either A or B": enrolled); not one group ("assigned to group A", "to the control group"), nor
"assigned as controls".
Refused: a count glued to a bracket and letters ("serum 25(OH)D concentrations from participants who ... were
randomised": a compound's name, no head count).
Read: "parents" and "fathers" as people ("Forty parents were recruited"; beside children they are a second group).
Refused: people named after another subject's passive verb ("1,020 lncRNAs were identified in stroke patients",
"(PgR 636) in breast carcinoma were studied in patients"); not after a verb that takes people in ("80 nurses was recruited
and divided into men (n = 12) and women (n = 68)").
Read: a study "designed with / involving N people" ("A randomized placebo-controlled trial was designed with 21 women":
enrolled; not "designed to enrol 300").
A title naming a regimen by its kind of care ("A novel treatment protocol with 6 cycles of NAC", "an accelerated
rehabilitation protocol") is no study protocol: its totals are read (not "a treatment protocol for a randomised trial").
Read: "we included / enrolled / recruited <people> <qualifiers> (n = N)" (the verb's kind, randomised when "... and
randomized them"); not with a clause, subgroup or other people before the N.
Read: "There were N people" stated on their own, the sentence ending or a colon opening their breakdown ("There were 940
participants: 607 in A, ..."): enrolled; not people with a trait, nor "cases" (diagnoses).
Refused: a count whose own verb is a recruitment going on ("494 parents and their children are being recruited": a
target; not "120 patients were enrolled and are being followed").
Refused: animals named as patients by their adjective ("59 critically ill pediatric canine patients", "feline cases"; not
"equine professionals", "veterinary students").
Read: a participants heading run into the text, capitalised, its count right after it ("... Setting 17 practices
Participants 1089 women aged 40-74 ...": enrolled, or its clause's own verb's kind; not two groups nor a share, nor a pool
"of whom" some took part, nor a capitalised noun after a function word: "Of all Patients 65 women had ...").
Read: people "selected" as the sample, the clause ending or naming where from ("80 MS patients who attended the clinic were
selected", "60 women were selected randomly from three centres": enrolled; not "selected for biopsy", controls or cases
selected, one of several groups, nor a bare count: "Five were randomly selected").
Read: "We offered N people X" (the people right after the verb: the pool invited, screened; not "offered 3 sessions to
patients").
Read: the study's tests run on its people ("The tests were performed on ten male swimmers", "Experiments were conducted on
12 healthy volunteers": enrolled; only "on"; not "seven healthy newborn piglets", a people word used as an adjective, nor
qualified tests, a subset's: "Pharmacokinetic measurements were performed on 24 patients").
Refused: a round cohort in a sentence where "we estimated / projected / predicted" what befell it ("In a cohort of 10,000
women over ten years, we estimated 1620 recurrences": a model's cohort).
Read: the people of a review after a count of its studies' things ("54 RCTs consisting of 49 treatments and 3149 patients
were included": pooled).
Refused: people after a relative clause of trials named in the plural and not counted ("... was found to be safe in
randomized controlled trials, which included 23,848 participants": cited evidence; not "12 trials, which included 2,000").
Read: professionals as people when they are the ones studied ("interviews with nine emergency physicians", "Clinicians
(n = 18) were recruited", "263 nurses agreed to participate"); not beside the patients they treated, counted in the same
sentence ("919 patients underwent VHR across 57 hospitals and 279 surgeons"), nor a singular ("three physician reviewers")
or a name ("the American College of Surgeons").
Refused: a review's two populations pooled apart ("Eleven studies with 1769 stroke survivors and 1578 family caregivers");
a randomised design's parts ("one of three randomized conditions", "four randomised sessions"); a study's own workers
taking part ("Four independent reviewers participated in data extraction"); a typical count ("A mean of 12 patients were
enrolled per site"). Read: a randomised trial "with" its sample ("a randomized, controlled trial with 212 children").
An analysis population's "(n = N)" takes its kind from its name ("In the intent-to-treat population (n = 92)": ITT;
"evaluable / per-protocol population (n = 70)": analysed; "safety population": treated). Refused: one group's size
("three groups consisting of 18 patients each", "two groups of 30"; an arm), a group added to one named ("Another 14
patients ... were randomized", "A further 20 women were enrolled"). Sections joined by ".;" with their labels lost are
read each on its own: ".; Normal volunteers (n = 30).; Subjects received A (n = 9), B (n = 10) or placebo (n = 10).;"
(30 the total, the lone "(n = 30)" no arm); an adjective after "with" is no verb of a verbless participants section
(".; 173 patients with documented healing of erosive esophagitis.;").
Also read: the part of a pool invited that took part, the verb of invitation before the people ("298 of 384 approached,
eligible women (77.6%) consented to participate": 298); a fraction before its pool's verb ("Of the 362/371 recruited
patients who were evaluated, ...": 371 enrolled); a procedure the authors performed in their people ("We have performed
laparoscopic fundoplications in 677 patients": treated; not a study so named); the people of studies taken from a pool
of studies, their noun left out ("Out of 76 eligible trials, 53 (12 unpublished) involving 24089 patients met the
criteria": pooled); "completed the 12-month follow-up" (analysed); "were switched to X" (treated) and "were offered"
(a pool invited: screened); "a randomized trial" before the clause's own verb names the trial, randomises no one
("Twelve patients previously participating in a randomized trial were offered to switch": screened); people qualified
before their N opening a section among sections joined by ".;", whatever their verb ("Inpatients with schizophrenia
(N = 108) currently treated with X were switched to olanzapine": treated). Among totals of one kind, the one the per-arm
counts add up to wins, the whole allocated to the groups ("Fifty-three patients were recruited to undergo pH testing.
Thirty patients with X were enrolled. By random assignment, 15 patients received A and the other 15 received placebo":
30, not the 53 first stated).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from mbc_sr.extract.arms import arm_sizes
from mbc_sr.extract.numbers import Count, find_counts
from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence
from mbc_sr.extract.values import Extracted
from mbc_sr.records import Record

#: Professionals are people when they are the people studied ("interviews with nine emergency physicians", "Clinicians
#: (n = 18) were recruited", "A total of 263 nurses agreed to participate"). Plural only ("three physician reviewers",
#: "doctor diagnosed disorders" name no professionals counted), not in a name ("the American College of Surgeons"), and
#: not beside counted patients (`_COUNTED_LAY_PEOPLE`).
_PROFESSIONALS = (r"(?<!of\s)(?:physicians|clinicians|doctors|surgeons|nurses|midwives|pharmacists|dentists|GPs|practitioners|therapists|"
                  r"physiotherapists|psychologists|psychiatrists|professionals|providers)")
PEOPLE = (
    r"(?:patients?|women|woman|men|man|participants?|subjects?|adults?|children|child|infants?|"
    r"individuals?|persons?|people|humans|volunteers?|outpatients?|inpatients?|students?|employees?|girls?|parents|fathers|"
    r"boys?|neonates?|newborns?|bab(?:y|ies)|(?:mothers?|parents?|caregivers?)[-‐‑/](?:child|infant|baby|newborn|neonate|offspring)(?:[-‐‑]?pairs)?|mothers?|dyads|(?:non-?)?smokers?|survivors?|cases|veterans?|residents?|pts|males|females|"
    r"athletes?|swimmers?|runners?|cyclists?|players?|soldiers?|recipients?|donors?|respondents?|caregivers?|"
    r"carers?|carriers|sufferers|parturients?|pupils?|adolescents?|teenagers?|youths?|twins|couples|families|controls|migrai?neurs?|asthmatics?|"
    r"diabetics?|epileptics?|stakeholders|interviewees|(?:non-?)?drinkers?|users?|clients?|octogenarians?|nonagenarians?|centenarians?|"
    # ("drivers of cost" are causes; "members of the kinase family" things)
    # ("members" of the public or a community, not of staff: "313 staff members")
    # ("family members" and "household members" are people, whatever they are members of: "52 family members of ICU patients")
    r"drivers(?!\s+of\b)|members(?=\s+of\s+(?:the\s+|their\s+|a\s+|local\s+)?(?:general\s+|local\s+|wider\s+|same\s+)?(?:public|"
    r"communit(?:y|ies)|population|households?|famil(?:y|ies))\b)|(?:(?<=family\s)|(?<=household\s)|(?<=family[-‐‑])|(?<=household[-‐‑]))members|"
    # professionals, when they are the people studied (see _PROFESSIONALS)
    + _PROFESSIONALS + "|"
    # people named by their nation: "118,683 white Danes", "2,100 Koreans" (a capitalised plural demonym)
    r"Danes|Swedes|Finns|Norwegians|Icelanders|"
    # (not an occupation or a school: "Clinicians", "Physicians", "Librarians", "Bayesians")
    r"(?-i:(?![A-Z][a-z]*(?:icians|titians)\b)(?!(?:Librar|Veterinar|Guard|Histor|Custod|Bayes|Gauss|Lagrang|Hamilton)ians\b)"
    # (nor a thing: "350 Organs", "Scans", "Plans", "Loans", "Means")
    r"(?!(?:Organ|Scan|Plan|Loan|Mean|Bean|Span|Clan|Titan|Pelican|Toucan|Caravan|Sedan|Divan|Cardigan)s\b)[A-Z][a-z]+(?:ans|ians)))"
)
_NOT_PEOPLE = re.compile(  # a whole word: the "cell" of "non-small-cell" is no cell
    r"(?<![-‐‑])\b(?:cells?|cell\s+lines?|mice|mouse|rats?|animals?|dogs?|xenografts?|organoids?|samples?|"
    r"specimens?|isolates?|strains?|tumou?rs|lesions?|biopsies|stud(?:y|ies)|trials?|RCTs?|articles?|records?|"
    r"publications?|papers?|abstracts?|citations?|manuscripts?|references?|reports|documents?|centres?|centers?|hospitals?|sites?|institutions?|clinics?|countries|"
    r"attacks?|cycles?|events?|deaths?|biomarkers?|genes?|plans?|images?|scans?|eyes?|teeth|"
    r"doses?|courses?|episodes?|visits?|schools?|practices|teams?|wards?|units?|clusters?|villages?|communities|"
    r"laboratories|labs?|companies|pharmacies|homes|departments?|procedures?|operations?|surgeries|admissions?|"
    r"catheters?|implants?|infections?|colonizations?|colonisations?|fractures?|pregnancies|arms|groups|subgroups?|cohorts|strata)\b(?![-‐‑])",
    re.I,
)
_PEOPLE = re.compile(rf"\b{PEOPLE}\b", re.I)
_PROFESSIONAL = re.compile(_PROFESSIONALS, re.I)
#: The professionals' own active verb on the study's things or people: "Two physicians independently reviewed all images",
#: "7 physicians recruited adult patients", "Three nurses delivered the sessions": staff doing the study's work. Not a
#: verb of taking part ("Fifteen physicians agreed to participate", "236 physicians completed the survey") nor a
#: participle naming where from or ending the phrase ("nurses recruited from two hospitals", "Of the 164 physicians
#: studied, ...").
_STAFF_VERB_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?!(?:participated|agreed|completed|consented|responded|answered|returned|attended|volunteered|"
    r"enrol+ed|registered|signed)\b)(?:[a-z]+ed|saw|read|ran|led|gave|made|wrote|took(?!\s+part\b))\b"
    r"(?!\s+(?:from|at|in|by|through|via|for|as|during|between|on|to|within|across|with|and|or|who|were|was)\b|\s*[,.;:)]|\s*$)"
)
#: Other people counted in the sentence, the professionals' patients: "919 patients underwent VHR across 57 hospitals and
#: 279 surgeons", "A cohort of 49 lay midwives captured these data from 1697 pregnant women", "318 providers contributing
#: data for 410,951 patients": the professionals there treat or observe the study's people, they are not its sample.
#: (adjectives only between the count and its people: not "12 nurses who work with people", "650 doctors and students")
_COUNTED_LAY_PEOPLE = re.compile(r"#_*\s+(?:(?!(?:who|whom|which|that|with|and|or|of|for|from|in|at|to)\b)(?!" + _PROFESSIONALS + r")[\w-]+\s+){0,3}?"
                                 r"(?!" + _PROFESSIONALS + r")" + PEOPLE + r"\b", re.I)
#: People named, not counted, earlier in the clause than the professionals' count: "Patients attending 35 GPs were
#: randomised", "Children treated by 15 dentists were included": the professionals serve the people studied.
#: (a plural noun: "Individual interviews with 15 nurses" names no people; nor a role in the study the professionals may
#: fill: "The participants were nine preceptors ... nurses")
_LAY_PEOPLE_WORD = (r"\b(?!" + _PROFESSIONALS + r")(?!(?:participants|subjects|respondents|interviewees)\b)" + PEOPLE + r"(?:(?<=s)|(?<=en)|(?<=ple))\b")
_LAY_PEOPLE_BEFORE = re.compile(_LAY_PEOPLE_WORD + r"[^;:.]*$", re.I)
#: Professionals with their "(n = N)" after the people they act on: "Patients were operated on by surgeons (n = 12)"
#: (not "Surveys were completed by nurses (n = 140)": the nurses are the people studied).
_SERVING_PROFESSIONALS_N = re.compile(_LAY_PEOPLE_WORD + r"[^;:.()]*?\b" + _PROFESSIONALS + r"\s*\(\s*[Nn]\s*=\s*$", re.I)
#: People named with a hyphenated qualifier, an abbreviation or a prefix: "ICD-patients", "HIV-women", "in-patients";
#: not "workers-people" (a dash between two nouns).
_QUALIFIED_PEOPLE = re.compile(rf"(?:[A-Z0-9][A-Za-z0-9]*|(?i:in|out|non|co|post|pre|para))[-‐‑](?i:{PEOPLE})")

#: What a treatment offered is called: "were offered first-line chemotherapy / adjuvant radiotherapy / surgery".
_OFFERED_TREATMENT = (r"\s+(?!(?:to|the\s+opportunity|participation|enrol\w*|entry|inclusion)\b)(?:[\w-]+\s+){0,3}?(?:chemotherapy|chemoradiotherapy|radiotherapy|therapy|treatment|surgery|resection|transplantation|"
                      r"vaccination|immunotherapy|regimens?|drugs?|medications?)\b")
#: kind -> rank; higher wins when choosing the study total.
KIND_RANK = {"randomised": 6, "itt": 5, "enrolled": 4, "eligible": 3, "treated": 2, "analysed": 1, "cohort": 1, "screened": 0}
_VERBS = (
    ("randomised", r"randomi[sz]ed|randomly\s+(?:assigned|allocated|divided)|allocated(?:\s+randomly)?|assigned\s+randomly|"
                   # the method named after the verb: "1324 women were assigned, using telephone randomisation, to A or B"
                   r"assigned,?\s+(?:by|using|with|through|via)\s+(?:[\w-]+\s+){0,3}?randomi[sz]ation|"
                   r"underwent\s+(?:randomi[sz]ation|random\s+assignment)"),  # "1,234 patients underwent randomization"
    ("enrolled", (r"enrol+ed|recruited|accrued|included(?!\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?analys[ie]s)|entered|registered|participated|took\s+part|were\s+studied|consented|"
                  r"signed\s+up|(?:were\s+)?divided\s+into|were\s+\w+ly\s+studied|agreed\s+to\s+(?:participate|take\s+part|join)|"
                  r"remained\s+(?:for\s+inclusion|eligible|in\s+the\s+(?:study|cohort|trial))|"
                  # an allocation not called random: "56 patients with stage III ovarian cancer were assigned to 6 cycles of NAC"
                  r"(?:were|was)\s+assigned\s+to(?=\s+(?:receive|undergo|either|(?:treatment|therapy)\s+with|(?:\w+|#_*)\s+(?:cycles|weeks|months|courses|doses)|"
                  r"(?:each|one|#_*)\s+of|#_*\s+(?:[\w-]+\s+){0,2}?(?:groups|arms)|"
                  # alternatives, one each: "209 men and women were assigned to 10 or 20 mg of A or placebo" (what they were
                  # assigned to, no reason or time between: not "assigned to rescue therapy because of worsening on A or placebo")
                  # (a time or a relative clause may describe what they were assigned to, unless a treatment taken before
                  # follows it: "assigned to dexamethasone before induction of anaesthesia or placebo", but not "assigned to
                  # drug B after relapse on drug A or placebo")
                  r"(?:(?!\b(?:because|due|owing|if|since|unless|whereas)\b)(?!\b(?:after|before|when|until|while|who|which|that|during)\b"
                  r"[^.;:#()]{0,50}?\b(?:on|with|receiving|taking)\s)[^.;:#()]){1,60}?"
                  r"\bor\s+(?:an?\s+|matching\s+|identical\s+)?placebo\b|"
                  # (doses are not masked counts: "assigned to 10 or 20 mg of A")
                  r"\d+(?:\.\d+)?\s+or\s+\d+(?:\.\d+)?\s*(?:mg|g|µg|mcg|micrograms?)\b))")),
    ("eligible", r"were\s+eligible|met\s+(?:the\s+|our\s+)?(?:\w+-[\w-]+\s+)?(?:inclusion|eligibility)|qualified(?=\s*(?:for\b|[,;.)]|$))"),
    ("treated", r"(?:were\s+)?treated|received|were\s+given|(?:were|was)\s+switched\s+to|(?:were|was)\s+prescribed"),  # "Eight patients were switched to X"
    ("analysed", (r"analy[sz]ed|remained\s+(?:for|in)\s+(?:the\s+)?(?:final\s+)?analys[ie]s|included\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?analys[ie]s|evaluated|assessed|evaluable|assessable|"
                  # (with a duration or "entire" before the noun: "completed the 12-month follow-up")
                  r"(?:completed|concluded)\s+(?:the\s+)?(?:(?:entire|whole|full|[\w#]+[-‐‑](?:day|week|month|year))\s+)?"
                  r"(?:study|trial|protocol|follow-up|treatment\s+period|(?:first\s+|second\s+)?phase\s+\w+)|"
                  r"completed\s+(?:all\s+|both\s+|the\s+)?(?:(?:two|three|four|#_*)\s+)?(?:[\w-]+\s+){0,3}?"
                  r"(?:tests|sessions|periods|visits|conditions|arms|phases|interventions|surveys|questionnaires|assessments|interviews)")),
    ("cohort", r"identified(?!\s+as\b)|referred|underwent(?!\s+(?:[\w-]+\s+)?(?:pre-?)?screening(?:\s*(?:[,;.)]|$|(?:and|at|between|from|by|for\s+(?:eligibility|inclusion|(?:the|this|our)\s+(?:study|trial)))\b)))|diagnosed|(?:were|was)\s+(?:prospectively\s+)?observed(?!\s+(?:to|that)\b)|"  # "identified as responders" classifies
               r"(?:were|was)\s+(?:\w+\s+)?(?:\w+-)?matched(?=\s*(?:[.;,)]|$))|"
               # a treatment offered, no invitation to the study: "120 patients were offered first-line chemotherapy" (those
               # offered it, not all given it: no more than a cohort, so a subgroup offered one treatment does not outrank a
               # stated total: "we analyzed 209 patients; 107 refused surgery and were offered drug administration")
               r"(?:were|was)\s+offered(?=" + _OFFERED_TREATMENT + r")"),  # "648 patients were matched." (not "matched to / with / in a 1:1 ratio")
    # (the people offered the study or its treatment: "Twelve patients ... were offered to switch to X", a pool invited)
    ("screened", r"screened|assessed\s+for\s+eligibility|underwent\s+(?:[\w-]+\s+)?(?:pre-?)?screening(?=\s*(?:[,;.)]|$|(?:and|at|between|from|by|for\s+(?:eligibility|inclusion|(?:the|this|our)\s+(?:study|trial)))\b))|approached|invited|contacted|pre-?screened|"
                 r"(?:were|was)\s+offered(?!" + _OFFERED_TREATMENT + r")"),
)
_VERB = re.compile(r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _VERBS) + r")\b", re.I)
_STRONG = {"randomised", "enrolled", "eligible"}
_COUNT = r"#_*"


#: A percentage, also the first of a list sharing one "%": "61 and 74% of treated patients", "20, 30 or 40%".
#: Not "(n = 31, 94%)": a count with its own share.
_PERCENT_AFTER = re.compile(
    r"(?:(?:\s*,\s*\d+(?:[.·]\d+)?)*\s*,?\s*\b(?:and|or|to|vs\.?|versus)\s*\d+(?:[.·]\d+)?)?\s*(?:%|percent\b|per\s*cent\b)", re.IGNORECASE,
)


@dataclass(slots=True)
class _Masked:
    """A sentence with each count replaced by "#___" of the same length (offsets unchanged)."""

    sentence: Sentence
    text: str
    counts: dict[int, Count]  # start offset -> count

    @classmethod
    def of(cls, sentence: Sentence) -> _Masked:
        counts = {}
        chars = list(sentence.text)
        # (a count glued by a dash to a verb before it is a count of its own: "102 subjects were screened-82 were
        # randomized", read as "screened 82", the same length; the dash kept in the masked text)
        text = re.sub(r"(?<=[a-z]{2}ed)-(?=\d)", " ", sentence.text)
        for count in sorted(find_counts(text) + _dot_thousands_people(text), key=lambda count: count.start):
            if count.in_words and count.value < 2 and not _looks_like_count_word(text, count):
                continue  # "one of", "One patient" is rare as a study size
            if re.match(_PERCENT_AFTER, text[count.end:]) or _is_label(text, count):
                continue  # a percentage, or an ordinal label: "grade 2", "stage 3", "GRECCAR 2"
            if not count.in_words and (re.match(r"[A-Za-z]", text[count.end:]) or re.search(r"[A-Za-z]$", text[:count.start])):
                continue  # part of a name: "18F-FDG", "5FU", "3D", "SLC22A3", "H19"
            if not count.in_words and re.match(r"\([A-Za-z][A-Za-z0-9]{0,4}\)[A-Za-z0-9]", text[count.end:]):
                continue  # glued to a bracket and letters: "25(OH)D", "1,25(OH)2D3" name a compound, no head count
            if _not_a_head_count(text, count):
                continue
            counts[count.start] = count
            chars[count.start:count.end] = "#" + "_" * (count.end - count.start - 1)
        # "(n 100)", its "=" left out, read as "(n=100)" (the same length, offsets unchanged)
        return cls(sentence, re.sub(r"(\(\s*[nN])\s(?=#)", r"\1=", "".join(chars)), counts)

    def count_at(self, offset: int) -> Count:
        return self.counts[offset]


#: "23.544 patients": a count with full stops between its thousands (as written in much of Europe);
#: read only right before people, where a decimal cannot be meant.
_DOT_THOUSANDS = re.compile(r"(?<![\d.,·])\d{1,3}(?:\.\d{3})+(?![\d.,·]\d)")


def _dot_thousands_people(text: str) -> list[Count]:
    return [Count(match.start(), match.end(), int(match.group(0).replace(".", "")), False)
            for match in _DOT_THOUSANDS.finditer(text) if re.match(r"\s+" + PEOPLE + r"\b", text[match.end():], re.IGNORECASE)]


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_RANGE_DASH = r"(?:[-‐‑‒–—]|\bto\b)"


def _not_a_head_count(text: str, count: Count) -> bool:
    """Numbers that are never a number of people, whatever words follow: a year ("December 2009",
    "between 2007 and 2009"), either bound of a range ("aged 43–80", "18.5-22.9", "four- to seven-year-old"), the denominator
    of a rate ("per 1000 participants")."""
    before, after = text[max(0, count.start - 40):count.start], text[count.end:count.end + 12]
    if re.search(r"\bper\s+$", before, re.IGNORECASE):
        return True
    if re.match(r"\s*or\s+(?:more|fewer|less|greater)\b", text[count.end:], re.IGNORECASE):
        return True  # a threshold: "trials comparing two or more of these agents", "patients with 3 or more lesions"
    if not count.in_words and (re.search(r"\d\s*" + _RANGE_DASH + r"\s*$", before) or re.match(r"\s*" + _RANGE_DASH + r"\s*\d", after)):
        return True
    if count.in_words and re.match(r"\s*[-‐‑–]?\s*(?:to|and|or)\s+[A-Za-z\d]+(?:\s*[-‐‑–]\s*|\s+)(?:years?|months?|weeks?|days?)\b",
                                   text[count.end:count.end + 40], re.IGNORECASE):
        return True  # the first bound of an age in words: "262 four- to seven-year-old children", "aged six to nine years"
    if not count.in_words and re.match(r"\s*[-‐‑–]\s*(?:to|and|or)\s+\d+(?:\s*[-‐‑–]\s*|\s+)(?:years?|months?|weeks?|days?)\b",
                                       text[count.end:count.end + 40], re.IGNORECASE):
        return True  # its first bound in digits, its unit left to the second: "in 6- to 11-year-old children", "2- and 3-year-olds"
    year = not count.in_words and 1900 <= count.value <= 2099 and count.end - count.start == 4
    if year and re.match(r"\s+" + PEOPLE + r"\s*(?:[(\[]|,|\b(?:of|from|with|in|aged)\b)", text[count.end:], re.IGNORECASE) \
            and not re.search(r"\b" + _MONTH + r"\s+(?:\d{1,2},?\s+)?$|\b(?:19|20)\d\d\s*(?:and|to|until|[-–/])\s*$", before):
        return False  # "In 1973 patients (1137 with A, 836 with B) of the cohort": people, not a year
    return year and bool(
        re.search(r"\b" + _MONTH + r"\s+(?:\d{1,2},?\s+)?$", before)
        or re.search(r"\b(?:19|20)\d\d\s*(?:and|to|until|through|thru|[-–/])\s*$|\b(?:in|since|until|during|from|between|year)\s+$", before, re.IGNORECASE)
        or re.match(r"\s*(?:and|to|until|[-–/])\s*(?:19|20)\d\d\b", after, re.IGNORECASE)
    )


_LABEL_WORDS = re.compile(
    r"(?:\b(?i:grade|stage|phase|type|level|class|version|score|step|line|part|cycle|day|week|month|year|"
    r"arm|group|cohort|table|figure|fig|no|number|visit|session|dose|cohorts|trial|study|aged?|ages|"
    r"CTCAE|NYHA|ECOG|WHO|PS|v|vs|ratio|of\s+the\s+top)\.?|\b[TNM]|\b[A-Z]{2,}[A-Za-z]*(?:\s*[-–])?|[<>≤≥±×/-])\s*$",
)
_UNIT_AFTER = re.compile(
    r"\s*(?:[-–]\s*)?(?:years?|yrs?|months?|mo|weeks?|wks?|days?|hours?|h|min(?:utes)?|mg|g|kg|ml|mL|µg|mcg|"
    r"Gy|cm|mm|m2|fractions?|cycles?|times|doses?|points?|sites?|centres?|centers?|hospitals?|countries|"
    r"institutions?)\b",
)


def _is_label(text: str, count: Count) -> bool:
    """An ordinal or identifier, not a head count: "grade 2", "Stage IV", "after 12 weeks"; not a sample
    after the study that runs into it: "In a randomized trial 75 preterm infants were allocated"."""
    label = _LABEL_WORDS.search(text[max(0, count.start - 25):count.start])
    if label and re.fullmatch(r"\s*(?:trial|study)\s*", label.group(0)) \
            and re.match(r"\s+(?:(?:[A-Z]\.\s+)?[\w-]+\s+){0,2}?" + PEOPLE + r"\b", text[count.end:], re.IGNORECASE):
        label = None  # (a genus's initial between: "In this study 122 H. pylori-positive patients were randomized")
    if label or _UNIT_AFTER.match(text, count.end) or _label_in_a_list(text, count):
        return True
    # an "n =" count is no first number of a unit list: "(n = 196, 76.8-years-old, 60% women)" is 196 people and an age
    return not re.search(r"\b[nN]\s*=\s*$", text[:count.start]) and bool(_UNIT_LIST_AFTER.match(text, count.end))


#: The last number of a list of labels sharing one label word before them: "At weeks 2, 3, and 4, patients treated with A",
#: "on days 1 and 8", "grades 3 or 4".
_LABEL_LIST_BEFORE = re.compile(
    r"\b(?i:grades?|stages?|phases?|types?|levels?|class(?:es)?|cycles?|days?|weeks?|months?|years?|visits?|sessions?|doses?|"
    r"arms?|groups?|cohorts?|tables?|figures?|figs?\.?|steps?|lines?|parts?)\s+(?:\d+(?:\s*,\s*\d+)*\s*(?P<last>,?\s*(?:and|or|&)|,)\s*)?$"
)
#: (a list goes on after the first number: "at weeks 2, 3", "days 1 and 8"; not "In both groups 45 patients")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:(?:and|or)\b|&)?|(?:and|or)\b|&)\s*\d")


def _label_in_a_list(text: str, count: Count) -> bool:
    """A number of a list of labels after one label word: "At weeks 2, 3, and 4, patients ..." (each of 2, 3 and 4)."""
    before = _LABEL_LIST_BEFORE.search(text[max(0, count.start - 40):count.start])
    if not before or count.in_words:
        return False
    # (the last after "and" / "or", the label phrase closed after it, not "49 to group 1 and 48 to group 2"; any other
    # only with the list going on after it: not "At week 12, 45 patients ...")
    if (before.group("last") or ",").strip(" ,") != "":
        return bool(re.match(r"\s*(?:[,;:.)]|$)", text[count.end:]))
    return bool(_LIST_GOES_ON.match(text, count.end))


#: The first numbers of a list sharing one unit: "at 10, 15, 20 years", "after 6, 12 and 24 months".
_UNIT_LIST_AFTER = re.compile(r"(?:\s*,\s*\d+(?:[.·]\d+)?)*\s*,?\s*(?:(?:and|or)\s*)?\d+(?:[.·]\d+)?" + _UNIT_AFTER.pattern)


def _looks_like_count_word(text: str, count: Count) -> bool:
    return bool(_PEOPLE.match(text, count.end + 1))


#: A bracket describing the people a count is of, before their noun: "93 (80% women, mean age 53) consecutive patients".
_DESCRIBING_BRACKET = re.compile(
    r"\s*\(\s*\d+(?:[.·]\d+)?\s*%\s*(?:women|men|males?|females?|girls|boys)\b[^()]{0,60}\)\s*(?:[\w-]+\s+){0,3}?" + PEOPLE + r"\b",
    re.IGNORECASE,
)


#: A bracketed share: "(32.8%)", "[12%]".
_SHARE_BRACKET = r"\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]]"
#: A count followed by its share, its people between or not: "478 [53%]", "509 (56%)", "314 children (35%)", "12%".
_SHARE_AFTER = re.compile(r"(?:\s+(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)?" + _SHARE_BRACKET + r"|\s*(?:%|percent\b)", re.IGNORECASE)


def _is_subset_or_fraction(text: str, count: Count) -> bool:
    after = text[count.end:count.end + 12]
    before = text[max(0, count.start - 12):count.start]
    if _DESCRIBING_BRACKET.match(text, count.end):
        return False
    return bool(
        re.match(r"\s*(?:%|percent|per\s*cent|\(\s*\d+(?:[.·]\d+)?\s*%|/\s*\d|\[\s*\d+(?:[.·]\d+)?\s*%)", after)
        or re.search(r"(?:/\s*|of\s+whom\s+|including\s+(?:only\s+)?|among\s+them,?\s+|aged\s+|age\s+)$", before, re.I)
        # an age, not people: "diagnosed before the age of 16" (not "The mean age of 4161 participants")
        or (re.search(r"\bages?\s+of\s+$", before, re.I) is not None
            and re.match(r"\s+(?:[\w-]+\s+){0,3}?" + PEOPLE + r"\b", text[count.end:], re.I) is None)
        # "A subset of patients (n = 72)", "a subgroup of 40 women", "The majority of respondents (n=781, 76%)": part of the sample
        or re.search(r"\b(?:(?:subsets?|subgroups?|sub-?samples?|sub-?cohorts?|portion|proportion)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:\(\s*[Nn]\s*=\s*)?|(?:majority|minority)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?\(\s*[Nn]\s*=\s*)$",
                     text[max(0, count.start - 60):count.start], re.IGNORECASE)
        # "atrioventricular block (14 patients, 35.0%)": a bracketed count of people with its share
        or (re.search(r"[(\[]\s*$", before) is not None
            and re.match(r"\s+" + PEOPLE + r"\s*[,;]\s*\d+(?:[.·]\d+)?\s*%", text[count.end:count.end + 40], re.IGNORECASE) is not None)
    )


def _is_numerator(masked_text: str, count: Count) -> bool:
    """"395 of 1241 (32%) patients were ...": the first count of "N of M" is a part of M, never
    the total (M is, when the sentence says so: "of 621 patients enrolled")."""
    return bool(re.match(r"\s*(?:\[[^\]]*\]|\([^)]*\))?\s*(?:out\s+)?of\s+(?:the\s+|these\s+|all\s+|a\s+total\s+of\s+)?#",
                         masked_text[count.end:]))


_INVITED_VERBS = r"screened|approached|invited|contacted"
_INVITED = re.compile(r"\s*(?:\w+ly\s+)?(?:" + _INVITED_VERBS + r"|assessed\s+for\s+eligibility)\b", re.IGNORECASE)
#: The invitation's verb before the people it qualifies: "298 of 384 approached, eligible women (77.6%) consented"
_INVITED_BEFORE_PEOPLE = re.compile(r"\s*(?:\w+ly\s+)?(?:" + _INVITED_VERBS + r")\s*,?\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\s*$", re.IGNORECASE)


def _took_part_of_invited(masked: _Masked, count: Count) -> tuple[str, int] | None:
    """"85 of 120 women invited agreed to participate", "33 of 56 eligible patients approached completed
    the surveys", "298 of 384 approached, eligible women (77.6%) consented to participate": the part of a pool
    of invited / approached / screened people that the main verb says took part. Returns (the part's kind, the pool's offset); None when the pool was enrolled ("101 of 621 patients
    enrolled had metastases": a subset of the total) or no verb of taking part follows."""
    text = masked.text
    of = re.match(r"\s*(?:\[[^\]]*\]|\([^)]*\))?\s*(?:out\s+)?of\s+(?:the\s+|these\s+|all\s+)?(#_*)", text[count.end:])
    if of is None:
        return None
    pool = count.end + of.start(1)
    people = _people_after(text, masked.count_at(pool).end) if pool in masked.counts else None
    if people is None:
        return None
    people_end = masked.count_at(pool).end + people.end()
    invited = _INVITED.match(text, people_end)
    invited_before = _INVITED_BEFORE_PEOPLE.match(text[masked.count_at(pool).end:people_end])
    if invited is None and invited_before is None:
        return None
    clause = _clause_after(text, invited.end() if invited else people_end)
    verb = _verb_kind(clause)
    if verb is None or verb[0] in ("screened", "cohort") or re.search(r"#|\b(?:who|whom|which|that)\b|" + PEOPLE, clause[:verb[1].start()], re.IGNORECASE):
        return None
    return verb[0], pool


#: A plan in the present or future tense governs the count: "This trial aims to test A in 600 patients",
#: "is designed to evaluate A in 120 women", "will compare" (a protocol's target, not a total).
_PLANNED = re.compile(
    r"\b(?:(?:aims?|is\s+designed|are\s+designed|plans?|intends?|proposes?|seeks?)\s+to|will|shall)\b[^.;]{0,100}$", re.I
)


#: A target size named before the count in its clause: "The target enrollment was children aged 3-12 years
#: (n = 24 in each group)", "the planned sample size was 120 women".
_TARGET_SIZE = re.compile(
    r"\b(?:target(?:ed)?|planned|intended|projected|anticipated)\s+(?:enrol+ment|accrual|recruitment|sample(?:\s+size)?)\b[^.;]{0,80}$",
    re.IGNORECASE,
)


def _is_hypothetical(text: str, start: int) -> bool:
    if _PLANNED.search(text, max(0, start - 120), start) or _TARGET_SIZE.search(text, max(0, start - 120), start):
        return True
    return bool(re.search(r"\b(?:would|will|could|should)\s+(?:require|need|include|enrol+)\b[^.;]{0,40}$|\brecruiting\s+$|\brequired?\s+$|\bsample\s+size\s+of\s+$|\btarget(?:ed)?\s+(?:of\s+)?$", text[max(0, start - 60):start], re.I))


@dataclass(frozen=True, slots=True)
class _Gap:
    length: int

    def end(self) -> int:
        return self.length


_TOKEN = re.compile(r"\S+")
#: A place or name abbreviated with full stops, not a sentence end: "36 U.S. women", "120 U.K. adults".
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
#: A genus abbreviated to its initial, the species after it in lower case, not a sentence end: "99 H. pylori-positive
#: patients", "40 S. aureus carriers".
_GENUS_INITIAL = re.compile(r"[A-Z]\.\s[a-z]")
#: A passive verb that takes people into a study: the people named after it are still the count's.
_ENROLLING_PARTICIPLE = re.compile(r"recruited|enrol+ed|randomi[sz]ed|included|selected|divided|allocated", re.IGNORECASE)
#: An animal named by its adjective before a people word: "canine patients", "feline cases", "equine athletes".
_ANIMAL_ADJECTIVE = re.compile(r"canine|feline|equine|bovine|porcine|ovine|caprine|murine|veterinary", re.IGNORECASE)
#: ... right before the people word it makes animals of (not "equine professionals", "veterinary students")
_ANIMAL_PATIENTS = re.compile(r"\s+(?:patients?|cases|subjects?|population)\b", re.IGNORECASE)
_UNREAL_PEOPLE = re.compile(r"simulated|virtual|hypothetical|synthetic|fictitious|imaginary|theoretical", re.IGNORECASE)
_PHRASE_END = frozenset(
    "with who whom that which from in at on of for to into across by after before between over under and or "
    "were was are is had have aged receiving treated undergoing".split()
)


#: A verb a plural noun can take with the people as object: "5 gynecologists recruited postmenopausal women".
_ACTIVE_VERB_OF_STUDY = re.compile(r"recruited|enrol+ed|randomi[sz]ed|included|treated|referred|interviewed|surveyed|followed|"
                                   r"selected|identified|examined|saw|visited|screened", re.IGNORECASE)


_NAME_WORD = re.compile(r"[A-Z][a-z]+")


def _inside_a_name(tokens: list[re.Match[str]], position: int) -> bool:
    """The token continues a name spelled out in capitalised words: "90 American Society of Anesthesiologists Physical
    Status I and II patients" (Society, of, Anesthesiologists, ...). `_people_after` counts such a name as one word when
    it follows the count directly; not a name further on, an instrument's ("a six-item version of the Problematic
    Pornography Consumption Scale for adolescents": six items), nor one naming no people ("Patient Health Questionnaire")."""
    if position == 0:
        return False
    word, before = tokens[position].group(0), tokens[position - 1].group(0)
    if word == "of":
        return bool(_NAME_WORD.fullmatch(before)) and position + 1 < len(tokens) and bool(_NAME_WORD.fullmatch(tokens[position + 1].group(0)))
    return bool(_NAME_WORD.fullmatch(word)) and (bool(_NAME_WORD.fullmatch(before)) or _inside_a_name(tokens, position - 1) and before == "of")


#: "Drivers" as people who drive: a word before them says what they drive or who they are ("30 licensed drivers", "40 truck
#: drivers", "older drivers"), or the words after them describe people ("drivers with insomnia", "drivers aged 65 or over",
#: "drivers were randomised"); not causes ("identified 14 drivers, grouped into three domains", "14 key drivers").
_DRIVERS_AS_PEOPLE = re.compile(
    r"\b(?:licen[sc]ed|truck|lorry|bus|taxi|car|commercial|professional|older|elderly|young|younger|novice|experienced|"
    r"healthy|male|female|adult|teenage|sleepy|impaired|drunk|train|racing|motor|heavy|long-haul)\s*\||"
    r"\|\s*,?\s*(?:with|who|aged|holding|between|over|under|from|participated|took\s+part|completed|(?:were|was)\s+(?:\w+ly\s+)?"
    r"(?:randomi[sz]ed|enrol+ed|recruited|included|studied|tested|assessed|examined|interviewed|surveyed|assigned|allocated))\b",
    re.IGNORECASE,
)


#: After the people data came from, their own participle of taking part: "scores were collected from 1,000 patients enrolled
#: in the trial" (the people of the study, read by that participle).
_ENROLLED_IN_THE_STUDY_AFTER = re.compile(
    r"\s*,?\s+(?:who\s+were\s+)?(?:enrol+ed|randomi[sz]ed|recruited|included|participating)\s+(?:in|into)\s+(?:the|this|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:trial|study)\b", re.IGNORECASE)


def _people_after(text: str, end: int, limit: int = 9) -> _Gap | None:
    """The people noun within `limit` words after a count (adjectives, diagnoses between);
    None when a non-person noun, another count or a verb with another subject comes first. A name in
    capitalised words right after the count counts as one word ("72 American Society of Anesthesiologists
    class I or II women"); at most 3 * `limit` tokens are read."""
    previous = previous_word = ""
    index = -1
    tokens = list(itertools.islice(_TOKEN.finditer(text, end), 3 * limit))
    leading_name = True  # a name right after the count: "90 American Society of Anesthesiologists ... patients"
    for position, token in enumerate(tokens):
        leading_name = leading_name and (_NAME_WORD.fullmatch(token.group(0)) is not None if position == 0 else _inside_a_name(tokens, position))
        if not (leading_name and position > 0):
            index += 1
        if index >= limit:
            return None
        word = token.group(0).strip("(),;:.[]")
        if "#" in word or re.search(r"[;:.]$", token.group(0)) and not _PEOPLE.fullmatch(word) \
                and not _DOTTED_ABBREVIATION.fullmatch(token.group(0)) and not _GENUS_INITIAL.fullmatch(text, token.start(), token.end() + 2):
            return None
        if _NOT_PEOPLE.fullmatch(word) and not word.endswith("s") and _PEOPLE.match(text, token.end() + 1):
            continue  # a place or study naming the people: "317 high school students", "120 study participants"
        if _NOT_PEOPLE.fullmatch(word) or word.lower() == "per":
            return None  # "119 more per 1000 participants": the people of a rate
        if _UNREAL_PEOPLE.fullmatch(word):
            return None  # "500 simulated patients": no people
        if _ANIMAL_ADJECTIVE.fullmatch(word) and _ANIMAL_PATIENTS.match(text, token.end()):
            return None  # "59 critically ill pediatric canine patients": a veterinary study's animals
        if index >= 1 and re.fullmatch(r"(?i:were|was)", word) and position + 1 < len(tokens) \
                and re.fullmatch(r"[a-z]+ed", tokens[position + 1].group(0).strip("(),;:.[]")) \
                and not _ENROLLING_PARTICIPLE.fullmatch(tokens[position + 1].group(0).strip("(),;:.[]")):
            # "(PgR 636) in breast carcinoma were studied in patients", "1,020 lncRNAs were identified in patients": the
            # people of a passive verb's place or agent, not the count's; a verb that takes people in may still name them
            # ("80 nurses was recruited and divided into men (n = 12) and women", "Ten nurses were selected as subjects")
            return None
        if index >= 1 and _ACTIVE_VERB_OF_STUDY.fullmatch(word) and re.fullmatch(r"[A-Za-z-]*[^s]s", previous) \
                and not _AUXILIARY.fullmatch(previous):
            return None  # "5 gynecologists recruited postmenopausal women": the count is of the recruiters
        previous_word, previous = previous, word
        if _PROFESSIONAL.fullmatch(word) and (_COUNTED_LAY_PEOPLE.search(text) or _LAY_PEOPLE_BEFORE.search(text[:end])
                                              or previous_word.lower() == "of" or _STAFF_VERB_AFTER.match(text, token.end())):
            # "919 patients underwent VHR across 57 hospitals and 279 surgeons", "Patients attending 35 GPs were
            # randomised": those who treated the people;
            # "the American College of Surgeons": a name; "Two physicians independently reviewed all images": staff
            return None
        # (the words around them say what they are members or drivers of: "drivers of cost", "staff members", "family members")
        contextual = re.fullmatch(r"(?i:(?:family[-‐‑]|household[-‐‑])?members|drivers)", word) is not None
        if contextual and (_PEOPLE.search(text, token.start(), token.end() + 80) is None
                           or _PEOPLE.search(text, token.start(), token.end() + 80).end() != token.start() + token.group(0).index(word) + len(word)):
            return None
        if word.lower() == "drivers" and not _DRIVERS_AS_PEOPLE.search(text[end:token.start()] + "|" + text[token.end():token.end() + 40]):
            return None  # "Thematic analysis identified 14 drivers, grouped into three domains": causes, not people driving
        if contextual or _PEOPLE.fullmatch(word) or _QUALIFIED_PEOPLE.fullmatch(word):
            if word.lower() == "cases" and re.search(r"\b(?:new|incident|newly\s+diagnosed)\s+$", text[:token.start()], re.IGNORECASE):
                return None  # "147 new cases of T2D were identified": events during follow-up
            # "Sixty adult male Sprague-Dawley rats": a people word used as an adjective
            following = _TOKEN.findall(text, token.end())[:3]
            if following and re.fullmatch(r"(?i:adult|child|infant|human|juvenile|newborn|baby)", word) \
                    and re.fullmatch(r"[a-z]+[^su]s", following[0].strip("(),;:.[]")) and not _PEOPLE.fullmatch(following[0].strip("(),;:.[]")):
                return None  # "368 adult scorpions", "seven newborn piglets.": a singular people word before another plural noun
            for after in following:
                bare = after.strip("(),;:.[]")
                if _NOT_PEOPLE.fullmatch(bare):
                    return None
                if _VERB.match(bare) or bare.lower() in _PHRASE_END or not bare or bare[0].isdigit() or "#" in bare:
                    break
                if re.fullmatch(r"[a-z]+(?:ed|ing)", bare):
                    break  # a verb or participle ends the noun phrase: "Forty patients completed the study", "patients treating one attack"
            return _Gap(token.start() + token.group(0).index(word) + len(word) - end)
    return None


#: Data about people, read for a number of them: "data were available for 1067 patients",
#: "administrative data were linked for 4207 people", "samples from 614 patients", "plans were
#: created for 20 patients". Events "observed in 12 patients" are not: only data, not outcomes.
_DATA_FOR_PEOPLE = re.compile(
    r"(?<!\bnot\s)(?<!\bno\s)\bavailable\s+(?:for|from|in|on)\s+$"
    # the things the data are on named first: "Information on any outcome was available for nine oral drugs and two
    # nasal sprays in 21,022 patients"
    r"|\b(?:data|information)\b[^.;]{0,60}?\b(?:was|were)\s+available\s+(?:for|on)\s+[^.;]{1,120}?\bin\s+$"
    r"|\b(?:samples?|data|specimens?|sequencing|analysis|information|tissues?|blood|serum|plasma|urine|saliva|stools?|"
    r"swabs?|biopsies|fluids?|lavages?|aspirates?|DNA|RNA)\b[^.;]{0,40}\bfrom\s+$"
    # also a participle: "Using serum urate measurements collected at baseline and 10 years later from 3563 participants",
    # "EEG (electroencephalogram) power spectra recorded from 24 volunteers"
    r"|\b(?:data|records?|information|samples?|specimens?|tissues?|plans?|images?|scans?|questionnaires?|"
    r"measurements?|charts?|recordings?|signals?|EEGs?|ECGs?|EMGs?|"
    # body material: "Human milk and blood at 2, 6 and 24 weeks ... were collected from 535 mother/infant pairs"
    r"blood|milk|serum|sera|plasma|urine|saliva|stools?|tissues?|biopsies|swabs?|specimens?)\b[^.;]{0,100}\b(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?)?"
    r"(?:linked|collected|obtained|retrieved|extracted|abstracted|gathered|pooled|created|generated|reviewed|recorded|acquired)\s+"
    r"(?:[^.;#]{0,80}?\s)?(?:for|from|on|in)\s+$"
    # values the people gave, from them and in the same clause: "Utility estimates were obtained from 60 members of the public",
    # "Ratings were collected from" (not tumour responses or scores in people, events: "Complete responses were obtained in 12
    # patients", "Pain scores improved in both arms, and adverse events were recorded in 12 patients")
    r"|\b(?:estimates|ratings|valuations|responses|answers|scores|preferences|judgements|judgments)\b[^.;,]{0,60}?\b"
    r"(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?)?(?:collected|obtained|gathered|elicited|acquired)\s+from\s+$"
    # the same in the active voice: "We collected daily sodium levels ... from 240 patients", "We analysed
    # sputum from 134 patients"
    r"|\bwe\s+(?:\w+\s+)?(?:collected|obtained|retrieved|extracted|abstracted|gathered|pooled|linked)\b[^.;]{0,120}"
    r"\b(?:for|from|on)\s+$"
    # "We measured baseline urine levels of 22 metals of 982 adults" (a count of things may come between)
    r"|\bwe\s+(?:\w+\s+)?(?:analy[sz]ed|examined|measured|sequenced|assayed|profiled|tested|cultured|studied)\b"
    r"(?:[^.;#]|#_*(?!_|\s+(?:out\s+)?of\b|\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\b)){0,120}\b(?:from|of|in)\s+$"
    # any subject: "A trained nurse measured hemoglobin levels of 438 children" (a measure of the people)
    r"|\b(?:measured|assayed|determined|quantified|recorded|assessed)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:levels?|concentrations?|values?|status)\s+(?:of|in)\s+$"
    # "questionnaires were completed by 345 nurses"
    r"|\b(?:questionnaires?|surveys?|interviews?|diaries|forms?)\b[^.;]{0,60}\b(?:completed|returned|answered|filled\s+(?:in|out))\s+by\s+$"
    # "we reviewed the medical records of 412 patients", "a database that documents clinical records of 24,000 people"
    r"|\b(?:reviewed|analy[sz]ed|examined|retrieved|searched|extracted|documents|documented|contains|contained|holds|held)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:records?|charts?|files?|notes|data(?:bases?)?)\s+(?:of|from|for|on)\s+(?:all\s+)?$",
    re.IGNORECASE,
)
#: A sentence (or a section run into the text) opening with the data of its people, the verb left out:
#: "The data of 212 patients who underwent hepatectomy.", "Methods: Records of 90 women with X."
_DATA_OF_PEOPLE_OPENING = re.compile(
    # at most one lower-case word before the data ("The clinical data of"), so no subject and verb ("We reviewed data on")
    r"(?:^|:\s*)(?:[Tt]he\s+|[Oo]ur\s+)?(?:[a-z][\w-]*\s+)?(?:[Dd]ata|[Rr]ecords|[Cc]harts)\s+(?:of|on)\s+(?:all\s+)?$",
)
#: People interviewed, the interviews as the subject: "Semi-structured interviews with 23 stakeholders were conducted".
_INTERVIEWS_WITH = re.compile(
    r"\b(?:interviews?|focus\s+groups?)\s+(?:(?:were|was)\s+(?:\w+ly\s+)?(?:conducted|held|carried\s+out|performed)\s+)?"
    r"with\s+(?:a\s+total\s+of\s+|all\s+)?$", re.IGNORECASE,
)
#: Others listed after the people interviewed: "with 42 residents and 21 staff members", "with six patients, the link
#: worker and two GPs", "with eight girls, their parents and their teachers": the first group is no total.
_OTHERS_LISTED = re.compile(r"[^,;.#()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:#|(?:one|an?|the|their|its)\b)", re.IGNORECASE)
_STUDY_PARTICIPLE = re.compile(
    # (the participle may follow a comma right after the noun: "We designed a comparative open randomized study, including 38
    # patients, with hay fever")
    r"\b(?:study|trial|analysis|registry|survey|programme|program)\b(?:[^.;,#]{0,60}?\b|,\s*)"
    r"(?P<verb>treating|enrolling|including|involving|randomi[sz]ing|comprising)\s+(?:a\s+total\s+of\s+|only\s+|all\s+)?$",
    re.IGNORECASE,
)
#: "This study used 7,881 community-dwelling individuals", "the analysis involved 2,310 women": the
#: study as the subject of a plain verb with its sample as the object.
_STUDY_USED = re.compile(
    r"\b(?:we|(?:this|the|our|present)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|analysis|survey|cohort|investigation|research))\s+"
    r"(?:\w+ly\s+)?(?:used|involved|followed|examined|surveyed|recruited|enrolled)\s+(?:a\s+total\s+of\s+|data\s+(?:from|on)\s+|all\s+)?$",
    re.IGNORECASE,
)
_UNREAL = re.compile(r"\b(?:would|will|could|should|planned|proposed|future|hypothetical|simulated|required|needed)\b", re.IGNORECASE)
#: Events, named by the verb after them: "24 incident AD cases occurred", "31 new infections arose" (people do not
#: occur), and deaths: "a total of nine participants died: 4 CR versus 5 control" (an outcome, never the sample).
#: The count's own verb only: not a relative clause's ("40 patients in whom a relapse occurred were enrolled", "40
#: patients who died were studied") nor another clause's ("257 cases were included, and deterioration occurred in 16").
_OCCURRED_AFTER = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|where|were|was|had|have|has|and|but)\b)[^.;,#]){0,80}?"
    r"\b(?:occurred|arose|died|passed\s+away)\b", re.IGNORECASE,
)
#: A count of studies, its adjectives between: "a programme of seven randomized, double-blind, placebo-controlled
#: studies of postmenopausal women" (not "seven randomized": studies are not people). No preposition, verb or people
#: between ("300 were randomized across four trials", "120 randomised patients from 12 trials" stay).
_COUNT_OF_STUDIES = re.compile(
    r"(?:\s+(?!(?:in|into|across|from|of|to|among|at|for|within|with|by|on|were|was|are|is|had|have|has|who|which|that)\b)"
    r"(?!" + PEOPLE + r"\b)[\w-]+,?){0,6}?\s+(?:studies|trials|RCTs|articles|publications|reports|papers)\b",
    re.IGNORECASE,
)
#: A second randomisation of part of the sample, named by the count's own verb: "A total of 3466 participants in the
#: intervention group were further randomized to a booster", "210 responders were re-randomised to maintenance" (a
#: subset of the sample, not the trial's randomised total). Same guard as _OCCURRED_AFTER for the verb.
_FURTHER_RANDOMISED_AFTER = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|where|and|but)\b)[^.;#]){0,80}?"
    r"\b(?:(?:were|was)\s+(?:then\s+|subsequently\s+)?(?:further|again|additionally)\s+(?:randomi[sz]ed|randomly\s+(?:assigned|allocated))"
    r"|(?:were|was)\s+(?:then\s+|subsequently\s+)?re-?randomi[sz]ed)\b",
    re.IGNORECASE,
)
#: One group's size, not the whole: "three groups consisting of 18 patients each", "two groups of 20 women", "18 patients
#: each", "30 (50%) each"; not each person doing something ("Twenty volunteers each received three doses": the whole), nor
#: the groups held with the people ("focus groups with 39 participants").
#: (plural, or "each group": "a group of 45 volunteers" and "a cohort of 10,234 women" are the whole)
_GROUP_OF_BEFORE = re.compile(r"(?:\b(?:groups|arms)|\beach\s+(?:group|arm))\s+(?:each\s+)?(?:of|consisting\s+of|comprising|containing)\s+$",
                              re.IGNORECASE)
_EACH_AFTER = re.compile(
    r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?:each\b|(?:(?!(?:and|or)\b)[\w-]+\s+){0,2}?" + PEOPLE + r"\s+each\b"
    # after people, "each" closing the phrase or naming the group, not another noun's determiner ("100,000 infants each
    # year"), nor the subject of a verb ("One patient each was diagnosed with X": an event)
    r"(?=\s*(?:[,;:.()\[\]]|$)|\s+(?:in|to|into|for|with|from|at|per|and|or|who|which|that|\w+ing|(?:group|arm)s?)\b))",
    re.IGNORECASE)
#: After "N people each", what keeps the phrase one group's size on its own: the phrase closed, or a group named after
#: it ("30 patients each in the A and B groups"); a trait, a state or a doing after it ("Twenty-four volunteers each
#: with normal renal function", "each receiving three doses", "each in the fed and fasted state") is each person's, the
#: whole, unless a group was named before the count ("three groups consisting of 18 patients each suffering from X").
_EACH_CLOSES_GROUP = re.compile(
    r"\s*(?:[,;:.()\[\]]|$)|\s+(?:(?:group|arm)s?\b|(?:in|to|into|for|per|from|of)\s+[^,;:.()]{0,40}?\b(?:group|arm|cohort)s?\b)",
    re.IGNORECASE)


def _one_group_each(text: str, start: int, count_end: int) -> bool:
    """Whether "N (people) each" from the count ending at `count_end` names one group's size (see `_EACH_CLOSES_GROUP`)."""
    each = _EACH_AFTER.match(text, count_end)
    if each is None:
        return False
    if re.fullmatch(r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?each", each.group(0), re.IGNORECASE):
        return True  # "29 (50%) each were cases and controls": no people between, the count is a group's
    return _EACH_CLOSES_GROUP.match(text, each.end()) is not None or _GROUP_OF_BEFORE.search(text, 0, start) is not None


#: A group added to one already named: "Another 14 patients received placebo and then were randomized", "A further 20
#: women were enrolled": a part of the study, never its whole.
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)
#: People a model made up, named by the verb after them: "A total of 100,000 patients were simulated", "10 000 women
#: were modelled over their lifetime" (a microsimulation's cohort, not a sample of people).
#: The verb must be the count's own: not a later clause's ("We enrolled 1200 patients, and survival was modelled using
#: Cox regression"), so the same guard as _OCCURRED_AFTER.
_SIMULATED_AFTER = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|where|were|was|had|have|has|and|but)\b)[^.;,#]){0,80}?"
    r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:simulated|modell?ed|microsimulated)\b", re.IGNORECASE,
)
#: A model's projection in the count's sentence: "In a cohort of 10,000 women over ten years, we estimated 1620 recurrences".
_PROJECTED = re.compile(r"\bwe\s+(?:\w+ly\s+)?(?:estimated|projected|predicted|simulated|modell?ed)\b", re.IGNORECASE)


def _is_modelled_cohort(text: str, count: Count) -> bool:
    """A round cohort (1,000, 10,000, 100,000, ...) in a sentence where "we estimated / projected / predicted" what befell
    it: a model's hypothetical cohort, not people studied ("In a cohort of 10,000 women over ten years, we estimated 1620
    total recurrences"); not a real sample of another size ("In 1,046 women, we estimated the risk"), nor a round count
    not named as a cohort "of" or "for / per" it ("Data from 1,000 patients were analysed, and we estimated the
    sensitivity"). Only weighed for a count below the eligible kind: "1000 patients were randomised, and we estimated ..."
    stays a total."""
    return count.value >= 1000 and re.fullmatch(r"10*", str(count.value)) is not None and _PROJECTED.search(text) is not None \
        and re.search(r"\b(?:cohort\s+of|for|per)\s+(?:a\s+total\s+of\s+)?$", text[:count.start], re.IGNORECASE) is not None


#: A sample still to be taken, named by the count's own verb in the future: "600 ICU patients with sepsis, needing
#: antibiotics, will be randomized to A or B", "About 200 women shall be enrolled" (a design paper's plan, not people
#: studied). The count's own verb only: not after a finite verb of its own ("120 patients were randomised and will be
#: followed for 5 years") nor in a relative clause ("120 patients who will undergo surgery were enrolled").
_FUTURE_AFTER = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|where|were|was|are|is|had|have|has|and|but)\b)[^.;#]){0,160}?"
    r"\b(?:will|shall)\s+(?:\w+ly\s+)?(?:be\s+(?:\w+ly\s+)?(?:randomi[sz]ed|enrol+ed|recruited|included|allocated|assigned|"
    r"invited|treated|followed|studied|screened|selected)|undergo|receive|participate|take\s+part|enter)\b",
    re.IGNORECASE,
)
#: A recruitment still going on, named by the count's own verb in the present progressive: "494 parents and their
#: children ages 8-12 are being recruited" (a design paper's target, no total yet). The people may be joined ("and
#: their children"); no verb of their own between ("120 patients were enrolled and are being followed").
_BEING_RECRUITED_AFTER = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|where|were|was|are|is|had|have|has)\b)[^.;#]){0,160}?"
    r"\b(?:are|is)\s+(?:\w+ly\s+)?being\s+(?:randomi[sz]ed|enrol+ed|recruited|included|allocated|assigned|invited|screened|selected)\b",
    re.IGNORECASE,
)

#: A sentence about this study that places it in its sample: "a randomized controlled trial was carried
#: out on 20 patients", "the study was performed with A and B in 60 newborns", "we compared A with B in
#: 724 women", "This crossover study assessed A versus B in 439 patients", "a trial comparing A with B in 1,059 patients".
_STUDY_IN_PEOPLE = re.compile(
    # a number in a compound adjective may come between ("a 12-week trial", "an 8-colour protocol")
    # ("trail" only as a misspelt randomised trial: "A randomized controlled trail was performed on 140 adults")
    r"\b(?:we|study|trial|randomi[sz]ed\s+(?:[\w-]+\s+){0,2}?trail|analysis|survey|investigation|research|experiment)\b(?:[^.;#]|#_*(?=[-‐‑][A-Za-z])){0,100}?\b"
    r"(?:(?:was|were|has\s+been)\s+(?:\w+\s+)?(?:carried\s+out|performed|conducted|done|undertaken|run)"
    r"(?:\s+(?:with|involving|including|for)|[^.;]{0,160}?\b(?:on|in|among)"
    # the study's verb on its people: "This clinical trial was conducted to study 195 women"
    r"|\s+to\s+(?:study|assess|evaluate|examine|investigate|compare|follow|observe|survey|interview))"
    # the design run with its people: "A randomized placebo-controlled trial was designed with 21 women" (not "designed to")
    r"|(?:was|were)\s+designed\s+(?:with|involving|including)"
    r"|(?:compar(?:e|ed|ing)|assess(?:ed|ing)?|evaluat(?:e|ed|ing)|investigat(?:e|ed|ing)|examin(?:e|ed|ing)|test(?:ed|ing)?|"
    r"analy[sz](?:e|ed|ing)|studied|studying|measur(?:e|ed|ing))"
    r"\b[^.;]{0,160}?\b(?:in|among))\s+(?:a\s+total\s+of\s+|only\s+|all\s+)?$",
    re.IGNORECASE,
)
#: The study's tests run on its people: "The tests were performed on ten male swimmers", "Experiments were conducted on 12
#: healthy volunteers" (only "on": tests "performed in 12 patients with X" are often a subset's; and only the tests
#: unqualified: "Pharmacokinetic measurements were performed on 24 patients", "Additional tests ..." are a subset's).
_EXPERIMENTS_ON_PEOPLE = re.compile(
    r"(?:^\s*|\b(?:the|these|all|our)\s+)(?:tests|experiments|measurements|trials|sessions|protocols?)\s+(?:were|was)\s+(?:\w+ly\s+)?(?:performed|conducted|carried\s+out|"
    r"done|run|undertaken)\s+on\s+(?:a\s+total\s+of\s+|all\s+)?$",
    re.IGNORECASE,
)
#: The authors' procedure done in their people: "We have performed laparoscopic Nissen fundoplications (LNF) in 677
#: patients", "we carried out thoracoscopic sympathectomy on 45 patients" (treated); not a study so named ("We performed a
#: retrospective study in 677 patients" is read as a study), nor with another count between.
_WE_PERFORMED_IN = re.compile(
    r"\bwe\s+(?:have\s+|had\s+)?(?:\w+ly\s+)?(?:performed|carried\s+out|undertook|have\s+undertaken)\s+"
    r"(?!(?:an?|the|this|our|a\s+total\s+of)?\s*(?:[\w-]+\s+){0,3}?(?:stud(?:y|ies)|trials?|reviews?|analys[ie]s|surveys?|audits?|"
    r"investigations?|evaluations?|assessments?|interviews?|experiments?|measurements?|tests?|testing|examinations?|"
    r"(?:[\w-]+\s+)?(?:sequencing|genotyping|imaging|screening|matching|regression|weighting|modell?ing))\b)"
    r"[^.;#]{1,100}?\s+(?:in|on)\s+(?:a\s+total\s+of\s+|all\s+)?$",
    re.IGNORECASE,
)
#: Its passive, a procedure the subject, in people undergoing an operation (the whole sample, see _UNDERGOING):
#: "Intercostal block with bupivacaine was performed in 36 patients undergoing thoracotomy" (not a study, an analysis or a
#: test done in them: "The study was carried out in 36 patients"; not in people qualified otherwise, a subset: "Surgery was
#: performed on 12 patients with residual disease").
_PERFORMED_IN = re.compile(
    r"(?:^|[.;:]\s+)(?P<subject>(?!(?i:an?|the|this|our|a\s+total\s+of)?\s*(?:[\w-]+\s+){0,3}?(?i:stud(?:y|ies)|trials?|reviews?|"
    r"analys[ie]s|surveys?|audits?|investigations?|evaluations?|assessments?|interviews?|experiments?|measurements?|tests?|"
    r"testing|examinations?|research|work|project|comparisons?|experiments?)\b)"
    # (not a complication's or a repeat procedure, done in some of them: "Reoperation was performed in 9 patients undergoing
    # valve replacement", "Conversion to open surgery was performed in 6 patients undergoing laparoscopy")
    r"(?!(?i:re-?operations?|re-?interventions?|re-?explorations?|re-?intubations?|revisions?|conversions?|salvage|rescue|"
    r"emergency|unplanned|additional|repeat(?:ed)?|further|secondary|transfusions?|amputations?|tracheostom(?:y|ies))\b)"
    r"[A-Z](?:[^.;:#()]|(?<=\d)\.(?=\d)){1,100}?)\s+(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?:performed|carried\s+out|undertaken)\s+(?:\w+ly\s+)?(?:in|on)\s+(?:a\s+total\s+of\s+|all\s+)?$",
)


_UNDERGOING = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:undergoing|scheduled\s+(?:for|to\s+undergo)|about\s+to\s+undergo)\b", re.IGNORECASE)
#: "This was a randomised, double-blind trial of / on / in / with 56 women": the trial named by its sample.
_RANDOMISED_TRIAL_OF = re.compile(
    r"\brandomi[sz]ed,?\s+(?:[\w-]+,?\s+){0,4}?(?:trial|study)\s+(?:on|of|in|among|involving|with)\s+(?:a\s+total\s+of\s+|only\s+|all\s+)?$",
    re.IGNORECASE,
)
#: "a trial in 1,200 patients would be needed": the study's sample is hypothetical
_MODAL_AFTER = re.compile(r"[^.;]{0,80}?\b(?:would|could|should|will|might)\b", re.IGNORECASE)
#: "15 studies (including 791 patients)", "12 trials involving 5,000 women": the pooled total of a review.
_STUDIES = r"(?:stud(?:y|ies)|trials|RCTs|cohorts|articles|publications|reports|papers)"
#: The words between a count of studies and the noun: "six retrospective and two prospective observational
#: or comparative clinical studies" (adjectives, "and" / "or", another count), never people.
_STUDY_ADJECTIVES = r"(?:(?:(?!" + PEOPLE + r"\b)[\w-]+|#_*),?\s+){0,8}?"
#: "(n = 1078)", "(total N = 2,345)" after the studies: their pooled people, the noun left out
_POOLED_N = r"(?:(?:total\s+|overall\s+)?[nN]\s*=\s*|(?:total|combined|pooled|overall)\s+(?:sample(?:\s+size)?|population)\s*(?:of\s+|=\s*|:\s*)?)"
_POOLED_N_END = re.compile(_POOLED_N + "$", re.IGNORECASE)
#: "with a total sample size of 4,500 participants": the pooled people named as a sample
_POOLED_SAMPLE = r"(?:a\s+total\s+(?:number\s+)?of\s+|a\s+(?:total|combined|pooled|overall)\s+(?:sample(?:\s+size)?|population)\s+of\s+)"
#: The review the studies were taken into, between them and their people: "in this review", "in the meta-analysis"
_IN_THIS_REVIEW = r"(?:in\s+(?:the|this|our)\s+(?:[\w-]+\s+)?(?:review|meta-analysis|analysis)\s*)"
_POOLED = re.compile(
    r"#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\s*(?:,\s*)?[(\[]?\s*"  # "9 RCTs, involving 1,450 patients"
    r"(?:including|involving|with|comprising|enrolling|totall?ing|of|and|reporting\s+(?:data\s+)?(?:on|from|of)|representing|accounting\s+for|"
    # "34 eligible randomized controlled trials that involved 3,111 elderly participants": also in a relative clause
    r"(?:(?:that|which)\s+)?(?:contained|included|enrolled|involved|covered|comprised)"
    r"(?P<total>\s+a\s+total\s+of)?)\s+" + _POOLED_SAMPLE + r"?$"
    # "54 RCTs consisting of 49 treatments and 3149 patients were included": the studies' things counted, then their people
    r"|#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\s+(?:consisting\s+of|comprising|including|involving|with)\s+#_*\s+"
    r"(?:(?!" + PEOPLE + r"\b)[\w-]+\s+){1,2}?and\s+$"
    # "The included trials involved 4,500 participants": the people of the studies named before
    r"|\b(?:the|these|all)\s+(?:#_*\s+)?(?:included|eligible|selected|pooled|identified)\s+" + _STUDIES + r"\s+(?:\w+ly\s+)?"
    r"(?:involved|enrolled|included|comprised|contained|covered|recruited|randomi[sz]ed)\s+" + _POOLED_SAMPLE + r"?$"
    # "17 studies (2604 participants)", "(n = 1078)", also "We included 26 studies in this review (2367 participants)"
    r"|#_*\s+(?:[\w-]+\s+){0,3}?" + _STUDIES + r"\s*" + _IN_THIS_REVIEW + r"?[(\[]\s*" + _POOLED_N + r"?$"
    # "Out of 76 eligible trials, 53 (12 not yet published) involving 24089 patients met the criteria": the studies'
    # noun left out after the pool of studies they were taken from
    r"|\b(?:of|out\s+of|from)\s+(?:the\s+)?#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\s*(?:identified|screened|retrieved|found)?\s*,\s*"
    r"#_*\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,?\s*(?:including|involving|with|comprising|enrolling|totall?ing|(?:that|which)\s+(?:included|enrolled|involved))\s+"
    + _POOLED_SAMPLE + r"?$"
    # "IPD were obtained from 21 (n = 4223)": the studies named before, the data of their people
    r"|\b(?:data|IPD)\s+(?:\w+\s+){0,3}?(?:from|of|for)\s+(?:#_*|all)\s*(?:(?:[\w-]+\s+){0,2}?" + _STUDIES + r"\s*)?[(\[]\s*"
    + _POOLED_N + r"$"
    # "26 studies were finally included, comprising 9604 patients": the included studies' people
    r"|#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\s+(?:(?:were|was)\s+(?:\w+ly\s+)?(?:included|identified|selected|eligible|analy[sz]ed|retained|enrolled|screened\s+out|"
    # "Sixteen trials were evaluated, enrolling 3154 patients": the studies reviewed, their people after
    r"evaluated|reviewed|assessed|examined|pooled)"
    r"|met\s+(?:the\s+|our\s+)?(?:inclusion|eligibility|selection)\s+criteria)"
    r"\s*(?:in\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:review|meta-analysis|analysis)\s*)?(?:,?\s*"
    r"(?:comprising|involving|including|enrolling|totall?ing|with|representing|accounting\s+for)\s+" + _POOLED_SAMPLE + r"?|\s*[(\[]\s*" + _POOLED_N + r"?)$",
    re.IGNORECASE,
)
#: "The total number of participants (in this review) was 255", "The total number of enrolled women was 412": the
#: people counted as a total with a copula, the N right after it.
_TOTAL_NUMBER_WAS = re.compile(
    r"\btotal\s+number\s+of\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\b(?P<gap>[^.;#()]{0,80}?)\s*(?:was|were|is|amounted\s+to)\s+$",
    re.IGNORECASE,
)
#: "In 249 patients with reflux esophagitis, we compared A with B": a sentence opening with the sample.
_IN_PEOPLE_WE = re.compile(
    r"[^.;]{0,250}?,\s*we\s+(?:\w+\s+)?(?P<verb>compared|studied|evaluated|assessed|investigated|examined|tested|"
    r"randomi[sz]ed|treated|followed|analy[sz]ed|measured|determined|explored|conducted|performed)\b",
    re.IGNORECASE,
)
#: "In 26 patients, four consecutive attacks were treated alternately with A and B": the people of a sentence's opening,
#: what was done in them after the comma in the passive of a study's procedure.
_IN_PEOPLE_PASSIVE = re.compile(
    r"[^.;%#]{0,120}?,\s*(?![^.;,]*\b(?:we|they|who|which)\b)[^.;,]{1,80}?\s+(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?P<verb>treated|compared|studied|evaluated|assessed|measured|investigated|examined|tested|randomi[sz]ed)\b",
    re.IGNORECASE,
)
#: "In ten patients completing the protocol, the intragastric pH was similar": those who completed it, analysed.
_IN_PEOPLE_COMPLETING = re.compile(
    r"\s+(?:who\s+(?:had\s+)?completed|completing)\s+(?:the\s+|this\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:stud(?:y|ies)|protocol|trial|treatment|therapy|follow-?up|course)\b[^.;%#]{0,80}?,",
    re.IGNORECASE,
)


#: A sentence opening with the study's sample: "In this population-based cohort of 10,234 women, ...";
#: not another study ("In a previous study of 300 patients", "In an independent validation cohort of 58").
_IN_THIS_COHORT = re.compile(
    r"\s*(?:In|Among|Within)\s+(?:this|a|an|our|the)\s+(?!(?:[\w-]+,?\s+){0,4}?(?:previous|prior|earlier|pilot|published|another|"
    r"separate|independent|validation|external|training|derivation|hypothetical|simulated)\b)(?:[\w-]+,?\s+){0,4}?"
    r"(?:cohort|series|sample|population)\s+of\s+(?:all\s+)?",
    re.IGNORECASE,
)
#: The same inside a sentence: "The risk ... was estimated in a cohort of 2,885,336 patients followed from 2005",
#: "we analysed X using a cohort of 883 patients from the Y trial".
_IN_A_COHORT = re.compile(
    r"\b(?:in|among|within|on|using|from)\s+(?:this|a|an|our|the)\s+(?!(?:[\w-]+,?\s+){0,7}?(?:previous|prior|earlier|pilot|published|another|"
    r"separate|independent|validation|external|training|derivation|hypothetical|simulated|replication|test(?:ing)?)\b)"
    r"(?:[\w-]+,?\s+){0,7}?(?:cohort|sample)\s+of\s+(?:all\s+)?$",
    re.IGNORECASE,
)
#: A sentence (or a clause after a comma) opening with the study's cohort: "A population-based cohort of 48,210 women was followed".
_A_COHORT_OF = re.compile(
    r"(?:.*[,;]\s*)?\s*(?:A|An|The|Our|This)\s+(?!(?:[\w-]+,?\s+){0,4}?(?:previous|prior|earlier|pilot|published|another|separate|"
    r"independent|validation|external|training|derivation|hypothetical|simulated|replication|test(?:ing)?)\b)(?:[\w-]+,?\s+){0,4}?"
    r"(?:cohort|sample|series)\s+of\s+(?:all\s+)?",
    re.IGNORECASE | re.DOTALL,
)
#: A sentence opening with a review of the study's own patients: "A retrospective review of 69 consecutive patients
#: with X who underwent Y was performed" (their records read: the cohort); not a review of the literature
#: ("A systematic review of 12 reported patients") nor of another study's.
_A_REVIEW_OF = re.compile(
    r"\s*(?:A|An|Our|This)\s+(?!(?:[\w-]+,?\s+){0,3}?(?:systematic|literature|narrative|scoping|previous|prior|published|another)\b)"
    r"(?:[\w-]+,?\s+){0,3}?review\s+of\s+(?:(?:the\s+)?(?:medical\s+|clinical\s+)?(?:records|charts|files)\s+of\s+)?(?:all\s+)?",
    re.IGNORECASE,
)
#: The review's own verb closes the sentence's subject: "... was performed / conducted / carried out / undertaken".
_REVIEW_DONE = re.compile(r"[^.;#]{0,160}?\b(?:was|were)\s+(?:\w+ly\s+)?(?:performed|conducted|carried\s+out|undertaken|done|completed)\b",
                          re.IGNORECASE)
#: "We investigated the incidence and characteristics of 14,996 patients with X who were hospitalized": the study's
#: people named as what its verb looked at (up to four words before "of"); not in a results section, where such
#: people are often a subset ("we examined the survival of 45 patients who relapsed").
_WE_STUDIED_THE_X_OF = re.compile(
    r"^\s*we\s+(?:\w+ly\s+)?(?:investigated|examined|studied|analy[sz]ed|evaluated|assessed|described|characteri[sz]ed)\s+"
    r"the\s+(?:[\w-]+,?\s+){1,4}?of\s+(?:all\s+)?$",
    re.IGNORECASE,
)
_RESULTS_LABEL = re.compile(r"RESULT|FINDING|CONCLUSION", re.IGNORECASE)
#: "We prospectively followed a cohort of 412 patients", "We recruited a convenience sample of 300 nurses"
_WE_VERB_A_COHORT_OF = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(?P<verb>followed|recruited|enrol+ed|studied|included|assembled|identified|analy[sz]ed|examined|evaluated|"
    r"assessed|surveyed|interviewed)\s+(?:a|an)\s+(?!(?:[\w-]+,?\s+){0,4}?(?:previous|prior|earlier|pilot|published|another|separate|"
    r"independent|validation|external|hypothetical|simulated|replication)\b)(?:[\w-]+,?\s+){0,4}?(?:cohort|sample|series)\s+of\s+(?:all\s+)?$",
    re.IGNORECASE,
)
_OTHER_STUDY = re.compile(r"\b(?:previous|prior|earlier|published|another|pilot|former)\s+(?:[\w-]+\s+)?(?:study|trial|analysis|report)\b",
                          re.IGNORECASE)


#: A later or further study of those an abstract reports apart, by its noun: "In a second randomized study involving nine
#: patients" (not "to further study", a verb; nor a part of this study: "the second study period").
#: (one word list with `_NEXT_STUDY_BEFORE`; not the study we ran and report: "we conducted a second randomized trial in 240
#: patients", "We performed a second randomized controlled trial involving 120 patients")
_NEXT_WORD = r"(?:second|third|fourth|another|additional|separate|subsequent|(?<!\bto\s)further)"
_WE_RAN_THE_NEXT = r"(?<!\bwe\sconducted\sa\s)(?<!\bwe\sperformed\sa\s)(?<!\bwe\sundertook\sa\s)(?<!\bwe\sdesigned\sa\s)(?<!\bwe\scarried\sout\sa\s)(?<!\bwe\sinitiated\sa\s)"
_NEXT_STUDY = re.compile(r"\b" + _WE_RAN_THE_NEXT + _NEXT_WORD + r"\s+(?:[\w-]+,?\s+){0,2}?(?:study|trial)\b"
                         r"(?!\s+(?:period|phase|part|visit|arm|group|day|week|year|drug|medication|treatment|population|site|centre|center)s?\b)",
                         re.IGNORECASE)
#: The study named is the one reported: "The subsequent open-label study involving 95 patients is reported here".
_REPORTED_HERE = re.compile(r"\b(?:reported|described|presented)\s+here(?:in)?\b|\bhere\s+we\s+(?:report|describe|present)\b|"
                            r"\b(?:this|the\s+present)\s+(?:paper|report|article)\b", re.IGNORECASE)


def _of_this_study(before: str, after: str = "") -> bool:
    """The words before a count speak of this study, as it happened: no earlier or other study
    ("a previous trial of 300 patients", "a second study of nine patients", unless the words `after` it say it is the one
    reported here), nothing planned or hypothetical ("would need 1,200")."""
    return not _UNREAL.search(before) and not _OTHER_STUDY.search(before) \
        and not (_NEXT_STUDY.search(before) and not _REPORTED_HERE.search(after))


#: A randomised or controlled design named as an assessment / evaluation / comparison of what it tested, its people after
#: the "in" that closes the phrase (no other count, clause break or relative clause between).
_DESIGN_ASSESSMENT_IN = re.compile(
    r"\b(?:randomi[sz]ed|placebo-controlled|double-blind|controlled)\b,?\s+(?:[\w-]+,?\s+){0,5}?(?:assessment|evaluation|comparison|study|trial)\s+"
    r"of\s+(?:(?!\b(?:who|whom|which|that|where|were|was|is|are)\b)[^.;:#]){1,220}?\bin\s+(?:a\s+total\s+of\s+|all\s+)?$",
    re.IGNORECASE,
)


#: A study's own conduct as the verb of a design named as the subject: "A randomized trial of A in 120 patients was conducted".
_CONDUCTED = re.compile(r"\s*(?:was|were|is|has\s+been)\s+(?:\w+ly\s+)?(?:conducted|performed|carried\s+out|undertaken|done|run|"
                        r"initiated|designed|started|begun|completed)\b", re.IGNORECASE)


def _design_reports_results(text: str, design_start: int, people_end: int) -> bool:
    """A design named as the subject of its sentence (or ".;" section), a verb of its own after its people: another
    trial's result ("A randomized, placebo-controlled trial of A in 1200 patients with heart failure reduced mortality by
    30%", "A double-blind trial of B in 300 women showed ..."), not this study ("This study was a randomized assessment
    of ... in 495 patients", "A randomized trial of A in 120 patients was conducted")."""
    section_start = _joined_section(text, design_start)[0]
    if not re.fullmatch(r"\s*(?:A|An|The|One|Another)\s+(?:[\w-]+,?\s+){0,3}?", text[section_start:design_start], re.IGNORECASE):
        return False
    tail = re.match(r"[^.;]*", text[people_end:]).group(0)
    verb = _FINITE.search(tail)
    return verb is not None and not _CONDUCTED.match(tail, verb.start())


#: The opening of a sentence or a ".;"-joined section naming the approval and consent the study was run under: "After
#: institutional approval, ", "Following ethics committee approval and written informed consent, ".
_AFTER_APPROVAL = re.compile(
    r"(?:.*\.\s*;\s*|\s*)(?:After|Following|With)\s+(?:[\w-]+\s+){0,4}?(?:approval|consent)(?:\s+(?:and|from|of|by)\s+[^,.;#]{1,80}?)?,\s*",
    re.IGNORECASE | re.DOTALL,
)


#: An analysis population named by who is in it, with its N: "all randomized patients (n = 1655)", "evaluable patients (n =
#: 1527)", "the intention-to-treat patients (n = 92)" (each population's size, never a group compared).
_ANALYSIS_POPULATION_N = re.compile(
    r"\b(?:(?:all\s+(?P<randomised>randomi[sz]ed)|(?P<itt>intent(?:ion)?[\s-]+to[\s-]+treat|ITT)|evaluable|assessable|per[\s-]+protocol)\s+"
    r"(?:patients|participants|subjects)\s*[(\[]|"
    # (the intention-to-treat name alone, its n bracketed: "(intention to treat [n = 74]/per protocol [n = 66])", or right
    # after it: "(intention-to-treat n = 209, age range 19-82 years)")
    r"(?P<itt_name>intent(?:ion)?[\s-]+to[\s-]+treat|ITT)\s*(?:[(\[]|[:,]?))\s*[Nn]\s*=\s*$",
    re.IGNORECASE,
)
#: One group of a trial named ("In the A group", "for the placebo arm", "group B"), not a design ("a parallel-group study").
_ONE_GROUP_NAMED = re.compile(r"\b(?i:in|of|for|within|among)\s+(?i:the|each|this)\s+(?:[\w-]+\s+){0,3}?(?i:group|arm)\b|"
                              r"\b(?i:group|arm)\s+(?:[A-Z]|\d+|[IVX]+)\b")
_ITT_NAME_N = re.compile(r"\b(?:intent(?:ion)?[\s-]+to[\s-]+treat|ITT)\s*(?:[(\[]|[:,]?)\s*[Nn]\s*=", re.IGNORECASE)


def _analysis_population_n(text: str, start: int, of_arms: bool = False) -> re.Match[str] | None:
    """The analysis population named right before the count at `start` ("all randomized patients (n = 1655)"); the
    intention-to-treat name alone only as the study's one population: not each arm's ("drug A (intention to treat [n = 74])
    or placebo (intention to treat [n = 72])", two of them: arms) nor one group's ("In the A group, intention to treat (n = 40)":
    no total; `of_arms`, no arm either)."""
    match = _ANALYSIS_POPULATION_N.search(text, max(0, start - 80), start)
    if match and match.group("itt_name") and (len(_ITT_NAME_N.findall(text)) > 1 or not of_arms
                                             and _ONE_GROUP_NAMED.search(text, 0, match.start())):
        return None
    return match


#: An adverb placing what we did before this study: "We previously tested A in a pilot study of 18 patients".
_EARLIER_ADVERB = r"(?:previously|formerly|recently|originally|initially|already|once|earlier)\b"


def _our_pilot_study(before: str) -> bool:
    """A pilot study the sentence says we ran: "we used oral X ... in a double-blind, randomized, crossover pilot study of 7
    patients" (this study, not an earlier pilot: "A previous pilot study of 20 patients ...", "In a pilot study, ...",
    "We previously / recently tested A in a pilot study of 18 patients")."""
    others = list(_OTHER_STUDY.finditer(before))
    return bool(others) and all(re.match(r"pilot\b", other.group(0), re.IGNORECASE) for other in others) and not _UNREAL.search(before) \
        and re.search(r"(?:^|[.;]\s+|,\s*)we\s+(?:(?:(?!" + _EARLIER_ADVERB + r")\w+ly|therefore|then|also|thus|hence)\s+)?(?:used|gave|administered|tested|studied|evaluated|compared|conducted|performed|"
                      r"carried\s+out|undertook|ran)\b(?:(?!\b(?:because|since|as|after|when|that|which|who|where)\b)[^.;])*"
                      r"\bin\s+(?:a|an|this|our)\s+(?:[\w-]+,?\s+){0,8}?$", before[:others[0].start()], re.IGNORECASE) is not None


_BACKGROUND_LABEL = re.compile(r"BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|PURPOSE|OBJECTIVE|AIM")
#: A follow-up period before a count: "During a mean follow-up of 7.2 years, 42 441 women were newly
#: diagnosed with GC" counts events, not the cohort.
_DURING_FOLLOW_UP = re.compile(r"\b(?:during|over|within|after|at)\b[^.;]{0,60}\bfollow[- ]?up\b", re.IGNORECASE)
_PRESENT_DESIGN = re.compile(
    r"\b(?:study|trial)\b[^.;#]{0,60}?\b(?:(?:is|are)\s+(?:being\s+)?(?:conducted|performed|carried\s+out|undertaken|run)|"
    r"(?:involves|entails|requires)\s+(?:the\s+)?(?:recruitment|enrol+ment|inclusion))\b",  # "This trial involves recruitment of 327 adults"
    re.IGNORECASE,
)
#: "The mean (SD) age of ", "the median age of the ": a description of the study's people
_MEAN_AGE_OF = re.compile(
    r"(?:^|[,;]\s*|\b(?:The|the)\s+)(?:mean|median|average)\s+(?:\([^()]{0,12}\)\s+)?age\s+(?:\([^()]{0,12}\)\s+)?"
    r"(?:at\s+(?:baseline|enrol+ment|entry|inclusion)\s+)?of\s+(?:the\s+|all\s+|these\s+|our\s+)?$",
    re.IGNORECASE,
)
#: The criteria as the subject and the people as the agent: "Eligibility criteria were met by 132 patients",
#: "the inclusion criteria were fulfilled by 75 women" (the passive of "132 patients met the criteria": eligible);
#: not criteria of an outcome ("Remission criteria were met by 14 patients").
_CRITERIA_MET_BY = re.compile(
    r"\b(?:inclusion|eligibility|entry|selection|enrol+ment|study)\s+criteri(?:a|on)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:met|fulfilled|satisfied)\s+by\s+"
    r"(?:a\s+total\s+of\s+|only\s+|all\s+)?$",
    re.IGNORECASE,
)
_FIRST_OR_LAST = re.compile(r"\b(?P<of>(?:of|among|in|for|from)\s+(?:the\s+)?)?(?:first|last|initial|final)\s+$", re.IGNORECASE)


def _is_early_or_late_part(text: str, before: str, count: Count) -> bool:
    """"among the first 36 patients randomised", "The first forty patients were treated with A, the next forty
    with B": the early or late part of a sample; "The first 14 patients with X were selected" is a case
    series' whole sample (no larger sample holds it, no next part follows)."""
    first = _FIRST_OR_LAST.search(before)
    if first is None:
        return False
    return bool(first.group("of")) or re.search(r"\b(?:next|remaining|following|subsequent|last|other)\s+#", text[count.end:]) is not None


_AUXILIARY = re.compile(r"\b(?:were|was|are|is|had|have|has|did|do)\b", re.IGNORECASE)


#: One counted group of a list: a count and a short name, no verb or qualifier ("137 ROS1+, ", "103 partners, and ").
_LIST_ITEM = r"#_*(?:(?!\s(?:had|have|has|were|was|is|are|with|without|who|in|of|from)\b)[^,;.()#]){1,25},\s*(?:and\s+)?"


#: One counted group of people of a list, named by what qualifies them, no verb: "83 patients undergoing trabeculoplasty, ",
#: "62 patients with glaucoma, and " (not "120 patients were enrolled, ", "60 patients received A, "; nor bare people, "120
#: patients, ", a total its qualified parts may follow: "included 120 patients, 40 patients with A, 40 with B, ...").
_PEOPLE_ITEM_HEAD = PEOPLE + r"\b(?!\s+(?:[a-z]+ed|took|underwent|had|have|has|were|was|is|are)\b)"
_PEOPLE_ITEM_TAIL = r"(?:(?!\s(?:had|have|has|were|was|is|are|received|underwent|took|completed|developed|died)\b)[^,;.()#])"
_PEOPLE_LIST_ITEM = (r"#_*\s+(?:(?:(?!(?:were|was|are|is|had|have|has|and|or|of|with|in|who)\b)[\w-]+\s+){1,2}?" + _PEOPLE_ITEM_HEAD
                     + _PEOPLE_ITEM_TAIL + r"{0,60}|" + _PEOPLE_ITEM_HEAD + r"(?=\s+[^\s,;.()#])" + _PEOPLE_ITEM_TAIL + r"{1,60}),\s*(?:and\s+)?")
_BEFORE_PEOPLE = r"(?:(?!(?:were|was|are|is|had|have|has|and|or|of|with|in|who)\b)[\w-]+\s+){0,2}?"
_PEOPLE_LIST_ITEMS = re.compile(r"(?:%s){2}$" % _PEOPLE_LIST_ITEM, re.IGNORECASE)


def _in_list_of_counted_groups(text: str, start: int, end: int) -> bool:
    """The count is one of a comma list of at least three counted groups: "739 ALK+, 137 ROS1+, 714 wildtype", "a study of
    83 patients undergoing A, 62 patients undergoing B, and 57 patients undergoing C";
    not a total followed by its breakdown ("76 patients, 38 with A, and 38 with B", "Of 21 cases, 2 were lost, ...")."""
    before = text[max(0, start - 80):start]
    after = "#" + text[end:end + 80]
    items_before = 2 if re.search(_LIST_ITEM + _LIST_ITEM + "$", before) else 1 if re.search(_LIST_ITEM + "$", before) else 0
    items_after = 2 if re.match(_LIST_ITEM + _LIST_ITEM + "#", after) else 1 if re.match(_LIST_ITEM + "#", after) else 0
    if items_before + items_after >= 2:
        return True
    before, after = text[max(0, start - 240):start], "#" + text[end:end + 240]
    people_before = 2 if _PEOPLE_LIST_ITEMS.search(before) else 1 if re.search(_PEOPLE_LIST_ITEM + "$", before, re.IGNORECASE) else 0
    people_after = 2 if re.match(r"(?:%s){2}#" % _PEOPLE_LIST_ITEM, after, re.IGNORECASE) else \
        1 if re.match(_PEOPLE_LIST_ITEM + "#", after, re.IGNORECASE) else 0
    # the last item must be people too: "83 patients undergoing A, 62 patients undergoing B, and 57 patients undergoing C"
    return people_before + people_after >= 2 and (people_after == 0 or re.match(
        r"(?:%s)*#_*\s+%s%s\b" % (_PEOPLE_LIST_ITEM, _BEFORE_PEOPLE, PEOPLE), after, re.IGNORECASE) is not None) \
        and (people_before == 0 or re.match(r"#_*\s+%s%s\b" % (_BEFORE_PEOPLE, PEOPLE), "#" + text[end:], re.IGNORECASE) is not None)


#: A second clause giving the comparison group its own count: "..., while 234 683 individuals served as control group".
_CONTROLS_CLAUSE = re.compile(
    r"[^.;#]{0,120}?,?\s*\b(?:while|whereas|and)\s+#_*\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was)\s+(?:\w+ly\s+)?(?:used|selected|included|enrol+ed|recruited)|served|acted)"
    r"\s+as\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:controls?|control\s+(?:group|subjects|participants)|comparison\s+group|comparators?|reference\s+group)\b",
    re.IGNORECASE,
)


def _part_of_bare_people(masked: _Masked, start: int, people_end: int, other_start: int) -> bool:
    """"in 200 patients and in 180 patients per protocol", "in 48 patients and in 12 after a second dose": after bare
    people, a smaller count of the same people (or of people left unsaid) qualified only after them is a part of the first
    (an analysis set, a subset), not a second group ("in 40 patients and in 30 controls" names other people)."""
    first, other = masked.count_at(start), masked.counts.get(other_start)
    if other is None or other.value >= first.value:
        return False
    text = masked.text
    first_word = re.search(r"([A-Za-z-]+)\W*$", text[first.end:people_end])
    other_people = _people_after(text, other.end)
    if other_people is None:
        return True  # "... and in 12 after a second dose"
    other_word = re.search(r"([A-Za-z-]+)\W*$", text[other.end:other.end + other_people.end()])
    return bool(first_word and other_word and first_word.group(1).lower() == other_word.group(1).lower()
                and text[other.end:other.end + other_people.end()].strip().lower() == other_word.group(1).lower())


def _joined_people_counts(masked: _Masked, start: int, people_end: int | None) -> bool:
    """"1554 patients newly diagnosed with BS and 3108 control subjects", "6,803 men and 4,558
    women": two groups of people joined by "and", each with its own count (a split, not a total), also the
    last of a comma list of counted groups ("739 ALK+, 137 ROS1+, 714 wildtype patients").
    A count of things after "and" ("2282 patients and 4275 catheters") or a verb between the two
    ("60 were enrolled and 52 completed") is no such split."""
    text = masked.text
    if people_end is not None:
        # "(Orsiro group)" asides blanked; "and another 343 patients", "and 69,570 receiving other stents" (people elided)
        # (also each after the same preposition: "was examined in 10 patients with X and in seven patients with Y")
        joined = re.match(r"([^,;.#()]{0,80}?)\b(?:and|or|plus|as\s+well\s+as)\s+(?:another\s+|a\s+further\s+|an\s+additional\s+)?"
                          r"(?:(?P<preposition>in|among|from|for)\s+)?(?P<other>#_*)", _blank_brackets(text[people_end:people_end + 200]))
        if joined and joined.group("preposition") and not re.search(r"\b" + joined.group("preposition") + r"\s+$", text[:start]):
            joined = None
        if joined and joined.group("preposition") and not joined.group(1).strip() and _part_of_bare_people(masked, start, people_end,
                                                                                                         people_end + joined.start("other")):
            joined = None  # "analysed in 200 patients and in 180 patients per protocol": the second a part of the first
        if joined and not _AUXILIARY.search(joined.group(1)):
            other = masked.counts.get(people_end + joined.start("other"))
            if other is not None and (_people_after(text, other.end) is not None
                                      or re.match(r"\s+(?:[a-z]+ing|treated|implanted|allocated)\s+(?:with\s+)?[a-z]", text[other.end:])):
                return True
    if _in_list_of_counted_groups(text, start, masked.count_at(start).end):
        return True  # "(739 ALK+, 137 ROS1+, 561 EGFR+, 714 wildtype patients)": one of a list of groups
    previous = re.search(r"(?:\b(?P<preposition>in|among|from|for)\s+)?#_*((?:\s+[^\s#,;.()]+){1,8}?)\s+(?:and|or|plus|as\s+well\s+as)\s+"
                         r"(?:another\s+|a\s+further\s+|an\s+additional\s+)?(?P<again>in\s+|among\s+|from\s+|for\s+)?$",
                         _blank_brackets(text[max(0, start - 100):start]))
    if previous and previous.group("again") and (previous.group("preposition") or "").lower() != previous.group("again").strip().lower():
        return False  # "... in 40 patients and in 30 controls" needs the same preposition before both
    if previous and not previous.group("again") and people_end is not None and not _PEOPLE.search(previous.group(2)) \
            and _SHARED_NOUN_ADJECTIVES.fullmatch(previous.group(2)) and not _AUXILIARY.search(previous.group(2)) \
            and not _VERB.search(previous.group(2)):
        return True  # "Ten hospitalized schizophrenic and 10 schizoaffective patients": two groups, one noun for both
    return bool(previous and _PEOPLE.search(previous.group(2)) and not _AUXILIARY.search(previous.group(2)))


#: The words after the first of two counts that share the people noun after the second: one to three adjectives
#: ("hospitalized schizophrenic", "healthy", "HIV-positive"), no plural noun ("12 months and 40 patients"), no time or
#: frequency ("1 year and", "twice daily and") nor a noun of the study ("study", "therapy", "surgery") in -y or -ar.
_SHARED_NOUN_ADJECTIVES = re.compile(r"(?:\s+(?!(?:year|day|daily|weekly|monthly|yearly|hourly|nightly|quarterly|fortnightly|early|"
                                     r"only|every|any|many|study|therapy|surgery|way|key|entry|day-care|calendar|bar|star|par)\b)"
                                     r"[A-Za-z][\w+-]*(?:ic|ed|al|ive|ous|ant|ent|ary|ar|y|[+-]))"
                                     r"{1,3}", re.IGNORECASE)


#: "399/646 (62%) women were recruited", "212/300 (71%) eligible patients were randomised": a
#: participation rate whose numerator is the sample.
_PARTICIPATION_RATE = re.compile(
    r"\s*/\s*\d[\d,]*\s*(?:\(\s*\d+(?:[.·]\d+)?\s*%\s*\)\s*)?(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\s+(?:were|was)\s+"
    r"(?:successfully\s+|subsequently\s+)?(?:consented\s+and\s+(?:were\s+)?)?"
    r"(?P<verb>recruited|enrol+ed|randomi[sz]ed|randomly\s+(?:assigned|allocated))\b",
    re.IGNORECASE,
)


def _n_is_sum_of_others(masked: _Masked, start: int, n_equals: list[re.Match[str]]) -> bool:
    """"Eligible patients (N=187) ... to A (n=63), B (n=63) or C (n=61)": an N that is the sum of
    the sentence's other (at least two) Ns is their total, not one more group."""
    others = [masked.counts[m.start(1)].value for m in n_equals if m.start(1) != start and m.start(1) in masked.counts]
    return start in masked.counts and len(others) >= 2 and sum(others) == masked.counts[start].value


def _selects_from(text: str, end: int) -> bool:
    """After "Of M patients in the registry": the main clause picks a count out of M by a verb of
    inclusion ("1,234 met the inclusion criteria", "800 were included / eligible / randomised", "118 had
    preserved ejection fraction and were included", "we identified 614 with X")."""
    main = re.search(r"[,;]\s*(?P<we>we\s+(?:\w+ly\s+)?(?:identified|selected|included|enrol+ed|recruited)\s+)?(?:only\s+)?#_*",
                     text[end:end + 160])
    if main is None:
        return False
    if main.group("we"):
        return True  # "Among the 16,365 patients diagnosed ..., we identified 614 with X and 1228 without": a pool
    if _selected_for_study(text, end) is not None:
        return True  # "..., 312 received X and were selected for our analysis": the study's sample picked from the pool
    clause = _clause_after(text, end + main.end(), 100)
    verb = _verb_kind(clause)
    return verb is not None and verb[0] in ("randomised", "enrolled", "eligible")


#: The study's sample picked out of a pool by name: "were selected for our analysis / this study".
_SELECTED_FOR_STUDY = re.compile(r"\b(?:were|was)\s+(?:\w+ly\s+)?selected\s+for\s+(?:the\s+|this\s+|our\s+)?(?:present\s+)?(?:analysis|study)\b",
                                 re.IGNORECASE)
def _selected_for_study(text: str, end: int) -> int | None:
    """After a pool ("Of the 22 266 patients included in the database, ..."): the offset of the main clause's
    count when that clause names it the study's sample ("312 received X and were selected for our analysis"),
    its noun left out or people; not things ("120 tumours were selected for the study")."""
    main = re.search(r"[,;]\s*(?:only\s+)?(?P<count>#_*)", text[end:end + 160])
    if main is None or _NOT_PEOPLE.match(text, end + main.end() + 1):
        return None
    if not _SELECTED_FOR_STUDY.search(_clause_after(text, end + main.end(), 100)):
        return None
    return end + main.start("count")


#: A pool entered into a database or registry is the source the study drew on, not its enrolment:
#: "Of the 22 266 patients included in the database between 2008 and 2016, 312 ... were selected".
_IN_A_DATABASE = re.compile(
    r"\b(?:included|enrol+ed|registered|recorded|entered)\s+in(?:to)?\s+(?:the|a|this|our|an?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:database|data\s+base|registry|register|dataset|data\s+set)\b",
    re.IGNORECASE,
)


def _selected_share(masked: _Masked, start: int) -> str | None:
    """"Of (a total of) 594 mothers, 323 (54%) agreed to participate and were randomized": the share of a pool
    of people that a bare verb of enrolment or randomisation takes into the study, counted with its percentage;
    its kind, or None ("Of 621 patients enrolled, 101 (16.3%) had CNS metastases" is a subset)."""
    text = masked.text
    opening = re.fullmatch(r"\s*(?:Of|Among|From)\s+(?:a\s+total\s+of\s+|the\s+|all\s+|these\s+)?(#_*)([^;#]{0,120}?),\s*", text[:start])
    if opening is None or opening.start(1) not in masked.counts or _people_after(text, masked.count_at(opening.start(1)).end) is None:
        return None
    count = masked.count_at(start)
    share = re.match(r"\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%\s*[)\]]", masked.sentence.text[count.end:])
    if share is None:
        return None
    clause = _clause_after(text, count.end + share.end())
    verb = _verb_kind(clause)
    if verb is None or verb[0] not in ("randomised", "enrolled"):
        return None
    # only earlier steps of enrolment before the verb: "323 (54%) agreed to participate and were randomized"
    steps = re.sub(r"\b(?:" + dict(_VERBS)["enrolled"] + r")", " ", clause[:verb[1].start()], flags=re.IGNORECASE)
    if _BARE_GAP.fullmatch(steps) is None and re.fullmatch(r"\s*(?:(?:were|was|had\s+been|have\s+been|then|and|,)\s*)*", steps) is None:
        return None
    if verb[0] == "randomised" and _to_one_group(clause, verb[1].end()):
        return None
    return verb[0]


#: The analysis population a "(n = N)" is named for, right before its bracket: "In the intent-to-treat population
#: (n = 92)" (ITT), "In the evaluable population (n = 70)" (the analysed, a part of it), "the safety population (n =
#: 120)" (those given a dose: treated).
_NAMED_POPULATION = re.compile(
    r"\b(?:(?P<modified>modified\s+)?(?P<itt>intent(?:ion)?[\s-]+to[\s-]+treat|ITT)|(?P<analysed>evaluable|assessable|analy[sz]able|"
    r"per[\s-]+protocol|PP|efficacy|completers?)|(?P<treated>safety))\s+(?:\([A-Za-z]+\)\s+)?(?:population|sample|analysis|set|cohort)"
    r"\s*\(\s*[Nn]\s*=\s*$", re.IGNORECASE)


def _named_population_kind(before: str) -> str:
    """The kind of a study's "(n = N)" by the population it is named for (an analysis population ranks by what it
    holds: the ITT above the enrolled, the evaluable or per-protocol below the treated); enrolled when unnamed."""
    named = _NAMED_POPULATION.search(before)
    if named is None:
        # an analysis named by no population: "The primary analysis (n = 150) showed ..." (those analysed)
        return "analysed" if re.search(r"\banalys[ie]s\s*\(\s*[Nn]\s*=\s*$", before, re.IGNORECASE) else "enrolled"
    if named.group("itt"):
        return "analysed" if named.group("modified") else "itt"
    return "analysed" if named.group("analysed") else "treated"


#: (not the last dot of an abbreviation: "5 mg b.i.d.; B (n = 11)" is a list's semicolon)
_JOINED_SECTIONS = re.compile(r"(?<!\.[A-Za-z])\.\s*;\s")


def _joined_section(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the section around `position` when an abstract's sections are joined by ".;" with their
    labels lost (each its own sentence), else the whole text."""
    starts = [m.end() for m in _JOINED_SECTIONS.finditer(text, 0, position)]
    end = _JOINED_SECTIONS.search(text, position)
    return (starts[-1] if starts else 0), (end.start() + 1 if end else len(text))


def _bare_bracket_after_people(masked: _Masked, start: int) -> str | None:
    """"Consecutive stage I patients (475) treated with SBRT were retrospectively analyzed": a bare count in
    brackets after the people noun, the subject of the sentence's verb of enrolment or analysis; the verb's
    kind, or None. Not two groups ("cases (40) and controls (80)"), nor a part ("(12, 30%)")."""
    text = masked.text
    people = re.search(r"\b" + PEOPLE + r"\b((?:\s+[^\s,;.()#]+){0,6}?)\s*\(\s*$", text[max(0, start - 80):start], re.IGNORECASE)
    if people is None or _NOT_PEOPLE.search(people.group(1)):
        return None  # "patients with stage II rectal cancer (312)", not "patients with lesions (12)"
    count = masked.count_at(start)
    if not re.match(r"\s*\)", text[count.end:]) or len(re.findall(r"\(\s*#_*\s*\)", text)) != 1:
        return None
    verb = _verb_kind(_clause_after(text, count.end))
    if verb is None or verb[0] in ("screened",) or _UNREAL.search(text[:start]) or _is_hypothetical(text, start):
        return None
    return verb[0]


#: This study as the subject of its verb of comparison, what it compared at length (a unit's inner full stops allowed: "0.3
#: micrograms.kg-1.h-1"), then "in" before its people.
_THIS_STUDY_COMPARED_IN = re.compile(
    r"\b(?:This|The\s+present|The\s+current|Our)\s+(?:[\w-]+,?\s+){0,5}?(?:study|trial)\s+(?:\w+ly\s+)?"
    r"(?:compared|evaluated|assessed|investigated|examined|tested)\s+(?:(?!\b(?:who|whom|which|were|was)\b)(?:[^.;:]|\.(?!\s)))"
    r"{1,360}?\bin\s+(?:a\s+total\s+of\s+|all\s+)?$",
    re.IGNORECASE,
)
#: The participle after what the study compared, past a comma: "a randomized clinical trial comparing 20 mg A and 30 mg
#: B, involving 60 patients" (no people in what it compared).
_STUDY_COMPARING_PARTICIPLE = re.compile(
    r"\b(?:study|trial)\s+(?:comparing|evaluating|assessing|of)\s+(?:(?!" + PEOPLE + r"\b)[^.;,])+,\s*"
    r"(?P<verb>treating|enrolling|including|involving|randomi[sz]ing|comprising)\s+(?:a\s+total\s+of\s+|only\s+|all\s+)?$",
    re.IGNORECASE,
)
#: Our study named as what we ran: "We designed a comparative open randomized ", "This was a multicentre ".
_WE_RAN_A_STUDY = re.compile(r"\b(?:we\s+(?:\w+ly\s+)?(?:designed|conducted|performed|carried\s+out|undertook|initiated|ran)|"
                             r"(?:this|it)\s+(?:was|is))\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+,?\s+){0,6}?$", re.IGNORECASE)
#: People bounded by a threshold after them, a part when "including" names them past a comma: "comparing A with B,
#: including 45 patients older than 75 years".
_PEOPLE_ABOVE_A_THRESHOLD = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:older|younger)\s+than|aged\s*(?:over|under|above|below|more|less|at\s+least|[<>≥≤])|"
    r"(?:over|under|above|below)\s+(?:the\s+age|#_*\s+years|\d+\s+years)|[<>≥≤]\s*\d)", re.IGNORECASE)
#: Before a study's noun, a later or further one of those an abstract reports: "a second similar study", "another study".
_NEXT_STUDY_BEFORE = re.compile(r"\b" + _WE_RAN_THE_NEXT + _NEXT_WORD + r"\s+(?:[\w-]+,?\s+){0,2}?$", re.IGNORECASE)
#: An effect estimate's interval closed right before "in (a total of)": the people of that one comparison.
_AFTER_AN_ESTIMATE = re.compile(r"\b(?:CI|confidence\s+interval)\b\)?[^;()\[\]]{0,40}[\])]\s*,?\s*in\s+(?:a\s+total\s+of\s+)?$", re.IGNORECASE)
#: A share, then its fraction in a bracket, right before the fraction's denominator: "4.7% (4 of " (an event's).
_SHARE_BRACKET_DENOMINATOR = re.compile(r"\d(?:[.·]\d+)?\s*%\s*[(\[]\s*\d[\d,]*\s+(?:out\s+)?of\s+$")
#: The people after a count named as those allocated: "in 4,000 randomized patients".
_ALL_ALLOCATED_AFTER = re.compile(r"\s+(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated)\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\b", re.I)
#: A subgroup or a part of the people named: "In the diabetic subgroup", "among patients with diabetes", "in those aged".
_A_SUBGROUP_NAMED = re.compile(r"\b(?:sub-?groups?|subsets?|strat(?:um|a)|sub-?populations?|among|in\s+those)\b", re.IGNORECASE)
#: A count taken out of one labelled group: "From group B only 8 patients ...", "In arm 2, 40 patients ...".
_FROM_A_LABELLED_GROUP = re.compile(r"\b(?:[Ff]rom|[Oo]f|[Ii]n|[Aa]mong)\s+(?:the\s+)?(?:[Gg]roup|[Aa]rm)\s+(?:[A-Z]|\d+|[IVX]+)\b\s*,?\s*(?:only\s+|just\s+)?$")
#: A group's label right before its "(n =": "group A (n = 19)", "arm 2 (n = 40)".
_GROUP_LABEL_N = re.compile(r"\b(?:group|arm)\s+(?:[A-Z]|\d+|[IVX]+)\s*\(\s*[Nn]\s*=\s*$")


def _study_participle(text: str, start: int) -> str | None:
    """"a placebo-controlled study treating 1153 patients", "a trial enrolling 412 women": the
    kind of total the participle says; None when the study is hypothetical or planned."""
    before = text[max(0, start - 120):start].rsplit(";", 1)[-1]
    match = _STUDY_PARTICIPLE.search(before)
    if match and "," in match.group(0) and not _WE_RAN_A_STUDY.search(before[:match.start()]):
        match = None  # (past a comma only our own study named: not "Outcomes were recorded in the study, including 92 patients")
    if match is None:
        match = _STUDY_COMPARING_PARTICIPLE.search(before)
        if match and match.group("verb").lower() == "including" and _PEOPLE_ABOVE_A_THRESHOLD.match(text, text.find(" ", start)):
            return None  # (a part of them: "comparing A with B, including 45 patients older than 75 years"; not our study
            # named right before the comma: "We conducted a randomised trial, including 120 patients older than 65 years,")
    if match is None or _UNREAL.search(before) or _UNREAL.search(_clause_after(text, start, 80)):
        return None
    if _NEXT_STUDY_BEFORE.search(before[:match.start()]) and not _REPORTED_HERE.search(text[start:]):
        return None  # (nor one of the studies an abstract reports apart: "In a second similar study involving nine patients")
    verb = match.group("verb").lower()
    return "treated" if verb == "treating" else "randomised" if verb.startswith("randomi") else "enrolled"


def _is_count_adjective(text: str, end: int) -> bool:
    """"a 412-patient cohort", "this 1,019-participant trial": the count qualifies the study."""
    return bool(re.match(
        r"[-‐‑–]\s*(?:patients?|participants?|subjects?|persons?|people|women|woman|members?)\s+(?:[\w-]+\s+){0,2}"
        r"(?:cohort|study|trial|series|population|sample|registry|database|experience)\b", text[end:], re.IGNORECASE,
    ))


#: "in the whole cohort (N = 20 446) and among subtypes: A (N = 13 590), B (N = 3919)": the
#: whole cohort's N is the total, however many subcohort Ns the sentence also gives.
_WHOLE_COHORT_N = re.compile(
    r"\b(?:whole|entire|full|overall|total|complete)\s+(?:study\s+)?(?:cohort|population|sample|series)\s*"
    r"[(\[]\s*[Nn]\s*=\s*$", re.IGNORECASE,
)


#: An adjective coordinated with the participle before it: "randomized and non-randomized", "randomised or observational".
_COORDINATED_ADJECTIVE = re.compile(r"(?:non|un|quasi)[-‐‑]?[a-z]+|[a-z-]+(?:al|ic|ive|ary)", re.IGNORECASE)


#: Parts of a randomised design, not people: "one of three randomized conditions", "four randomised sequences".
_DESIGN_UNITS = re.compile(r"conditions|sequences|orders|blocks|sessions|periods|phases", re.IGNORECASE)


#: Those who do a study's or review's work, not its participants: "Four independent reviewers participated in data
#: extraction", "Two authors took part in the screening".
_STUDY_WORKERS = re.compile(r"\b(?:reviewers|authors|investigators|researchers|assessors|raters|coders|evaluators|examiners|"
                            r"observers|extractors|analysts)\b", re.IGNORECASE)


def _qualifies_a_thing(text: str, end: int) -> bool:
    """"five randomized controlled phase III studies": the participle ending at `end` is an
    adjective of a noun that is not people, so the count before it counts things."""
    tokens = [token for token in text[end:].split() if token != ","][:6]  # "four randomized, controlled trials"
    for position, token in enumerate(tokens):
        word = token.strip("(),;:.[]")
        if _NOT_PEOPLE.fullmatch(word) or _DESIGN_UNITS.fullmatch(word):
            return True
        if word.lower() in ("and", "or") and position + 1 < len(tokens) and _COORDINATED_ADJECTIVE.fullmatch(tokens[position + 1]):
            continue  # "six randomized and non-randomized clinical trials": two adjectives of one noun
        if not word or word.lower() in _PHRASE_END or word[0].isdigit() or "#" in word or token[-1] in ",;:.)":
            return False
    return False


def _defined_population(text: str, start: int, people_end: int) -> bool:
    """"the 659 patients who completed phase 1", "all 412 women who were randomised": a definite
    population defined by enrolment or completion (a subset defined by an event is not)."""
    if not re.search(r"\b(?:the|all|these|those)\s+$", text[max(0, start - 8):start], re.IGNORECASE):
        return False
    tail = text[people_end:people_end + 80]
    return re.match(r"\s*(?:who|that)\b", tail, re.IGNORECASE) is not None and _describes_enrolment(tail)


_METHODS_LABEL = re.compile(r"METHOD|PATIENTS|PARTICIPANTS|SUBJECTS|DESIGN|MATERIALS?|SETTING|POPULATION")


def _opens_methods(sentence: Sentence, text: str, start: int, people_end: int) -> bool:
    """A methods section's sentence that opens with a count of people describes the sample:
    "Ten male swimmers (14.9 years) performed four time trials", "Thirty patients were given ...";
    not a design ("Five patients per cohort were planned", "40 per arm would give 80% power")."""
    if not (sentence.label and _METHODS_LABEL.search(sentence.label)):
        return False
    opening = (r"\s*(?:(?:In\s+total|Overall|Altogether),?\s*"  # "In a randomized crossover design, thirty-four adults ..."
               r"|In\s+(?:a|an|this|the|our)\s+[^;]{0,80}?\b(?:design|study|trial|experiment),\s*)?")
    if re.fullmatch(opening, text[:start], re.IGNORECASE) is None:
        return False
    tail = _clause_after(text, people_end, 120)
    return not re.match(r"\s*(?:per|each|in\s+each)\b", tail, re.IGNORECASE) and not _UNREAL.search(tail)


#: A finite verb: an auxiliary, a common irregular past, or a past form with an object ("completed the study");
#: "confirmed by biopsy", "treated with A" are participles qualifying the people.
_FINITE = re.compile(
    r"\b(?:were|was|are|is|had|has|have|did|do|does|took|underwent|received|showed|gave|met|began|went|became|"
    r"completed|participated|entered|developed|achieved|experienced|died|would|will|could|should|may|might|can|gives?)\b"
    # (not after a preposition or article: "patients with documented healing", "a confirmed diagnosis")
    r"|(?<!\bwith\s)(?<!\bof\s)(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)"
    r"\b(?!aged\b)[a-z]+ed\b(?!\s+(?:by|with|in|at|from|for|on|as|to|under|after|before|within|during)\b)",
    re.IGNORECASE,
)


def _verbless_sample(sentence: Sentence, text: str, start: int, people_end: int) -> bool:
    """A participants section written as a noun phrase, with no verb: "PATIENTS: 353 patients with an active
    gastric ulcer confirmed by endoscopy and who continued to receive NSAIDs." (the section label may be lost,
    the sections joined by ".;"). Not a results or background section, not a part ("... (35%)")."""
    if not (sentence.label and _METHODS_LABEL.search(sentence.label) or not sentence.label and re.search(r"\.\s*;", text)):
        return False  # a methods-like section, or sections joined by ".;" with their labels lost
    if not re.fullmatch(r"(?:.*[.;]\s*;\s*|\s*)", text[:start], re.DOTALL):
        return False
    if re.match(r"\s*[(\[][^()\[\]]*%", text[people_end:]):
        return False  # "Nine subjects (21%) ...": a part
    segment = re.split(r"\.\s*;", text[people_end:], maxsplit=1)[0]
    if len(re.split(r"\.\s*;", text[people_end:], maxsplit=1)) == 1 and not re.search(r"\.\s*$", segment):
        return False  # a fragment that does not end as a sentence
    main, *relative = re.split(r"\b(?:who|whom|whose|that|which)\b", _blank_brackets(segment), maxsplit=1)
    # the relative clause has one verb of its own; a second is the main verb ("Three patients who were randomised did not start")
    return "#" not in main and not _FINITE.search(main) and not re.search(r"\b(?:per|each)\b", main, re.IGNORECASE) \
        and len(_FINITE.findall(relative[0] if relative else "")) <= 1


def _describes_enrolment(tail: str) -> bool:
    """After "Of the N patients": a relative clause ("who responded", "that had a DLT") names a
    subset unless its verb is one of enrolment ("who were randomised", "who completed the study") or it
    states a state at entry ("who were free of dementia at baseline", "who were X at enrolment / inclusion /
    entry": the cohort's definition, no event after it)."""
    relative = re.match(r"\s*(?:who|that|whom|whose|where|in\s+whom)\b([^,;]*)", tail, re.IGNORECASE)
    if relative is None:
        return True
    if re.match(r"\s*(?:were|was)\s+(?!not\b)[^,;()]{1,40}?\s+at\s+(?:baseline|enrol+ment|inclusion|(?:study\s+)?entry)\s*$", relative.group(1),
                re.IGNORECASE):
        return True  # "who were free of dementia at baseline": a state at entry defines the cohort, no event after it
    verb = _VERB.search(relative.group(1))
    return verb is not None and any(verb.group(kind) for kind in ("randomised", "enrolled", "eligible", "analysed"))


#: "658 patients were randomly assigned to the IDD-ETC group": a count allocated to one named group is
#: that group's size, not the number randomised; not "to the A or B group", "to two groups", "to either arm".
_TO_ONE_GROUP = re.compile(
    # (not any group of the trial: "were randomized to a treatment arm", "to a study group")
    # (a group qualified is one again: "to a treatment group given A")
    # (but not when another group or alternatives follow: "to a treatment group with acupuncture or a waiting-list control
    # group", "to a therapy arm of weekly paclitaxel or a control arm of observation", "to a treatment group given either A or B")
    r",?\s+(?:\([^()]{0,20}\)\s+)?to\s+(?!an?\s+(?:treatment|study|trial|therapy|randomi[sz]ation|allocation)\s+(?:group|arm)\b"
    r"(?!\s+(?:given|receiving|treated|taking|using|with|of|on|that|who|which|where)\b"
    r"(?![^.;:]{0,80}?\b(?:either|(?:or|and|vs\.?|versus)\s+(?:to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:group|arm)s?\b))))(?:the|an?)\s+"
    r"(?P<name>(?:[^\s,;.()]+\s+){0,5}?)(?:group|arm|cohort)\b(?!\s*(?:or|and|vs\.?|versus)\b)",
    re.IGNORECASE,
)
_SEVERAL_GROUPS = re.compile(r"\b(?:or|and|either|both|each|one|two|three|four|vs|versus|respective|different|separate)\b|[/&]", re.IGNORECASE)


#: After a clause allocating a count of people, a second count of people allocated elsewhere: "... and 32 patients in the B
#: arm", "..., and 40 women were assigned to B" (each a group, not a total).
_SECOND_GROUP_ALLOCATED = re.compile(
    r"\s*,?\s*(?:and|or|while|whereas)\s+#_*\s+(?:(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\b\s+)?(?:(?:were|was)\s+(?:\w+ly\s+)?"
    r"(?:randomi[sz]ed|assigned|allocated|included|enrol+ed)\s+)?(?:in|into|to)\b", re.IGNORECASE)


#: After a verb of allocation, each group named as getting the count: "were randomised to each group", "were assigned
#: to each of the three treatment arms", "randomly allocated into each study group" (one group's size); not each person's
#: lot ("were randomised to receive each drug in turn").
_TO_EACH_GROUP = re.compile(r"(?:\s+\w+ly)?(?:\s+(?:in\s*)?to|\s+in)\s+(?:each|every)\s+(?:of\s+(?:the\s+)?(?:#_*\s+|\w+\s+)?)?(?:[\w-]+\s+){0,2}?"
                            r"(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)


def _to_one_group(text: str, verb_end: int) -> bool:
    """After a verb of allocation ending at `verb_end`: the count goes to one named group."""
    match = _TO_ONE_GROUP.match(text, verb_end)
    return match is not None and not _SEVERAL_GROUPS.search(match.group("name"))


#: After "a randomized", the trial it names ("a randomized, double-blind trial"); not a randomised part of this study the
#: people entered ("were enrolled in the randomized portion", "entered the randomized phase": randomised).
_NAMES_A_TRIAL_AFTER = re.compile(r",?\s+(?:[\w-]+,?\s+){0,3}?(?:trials?|stud(?:y|ies)|RCTs?)\b", re.IGNORECASE)


def _verb_kind(clause: str) -> tuple[str, re.Match[str]] | None:
    best = None
    for match in _VERB.finditer(clause):
        if re.search(r"\b(?:who|that|which|whom)\s+(?:had\s+|(?:were|was|had\s+been|have\s+been)\s+)?$", clause[:match.start()]):
            continue  # a relative clause ("one patient who received X had a DLT") says nothing about enrolment
        kind = next(k for k, _ in _VERBS if match.group(k))
        if kind == "randomised" and re.search(r"\b(?:a|an|the|this|that|its|their)\s+(?:[\w-]+,?\s+){0,2}$", clause[:match.start()], re.IGNORECASE) \
                and _NAMES_A_TRIAL_AFTER.match(clause, match.end()) and _VERB.search(clause, match.end()):
            # the trial's adjective, the clause's own verb after it: "Twelve patients previously participating in a
            # randomized trial were offered to switch" (not "in 240 patients, we conducted a randomised trial")
            continue
        if best is None or KIND_RANK[kind] > KIND_RANK[best[0]]:
            best = (kind, match)
    return best


def _total(masked: _Masked, start: int, kind: str, extractor: str) -> Extracted:
    count = masked.count_at(start)
    return Extracted(
        "n_total", count.value, masked.sentence.span(count.start, count.end), f"participants.{extractor}", label=kind,
        details=(("in_words", count.in_words),),
    )


#: "Of the randomized participants, 305/478 (63.8%) were ...": the pool named by its verb, its count only as the
#: denominator of the fraction that follows, with its share (the numerator is a part; a fraction's counts are otherwise
#: never totals; "2/3 were women" is a share, no count).
_NAMED_POOL_FRACTION = re.compile(
    r"(?:^|[.;]\s+)(?:Of|Among)\s+(?:the|all)\s+(?:[A-Za-z-]+\s+)?(?P<verb>randomi[sz]ed|enrol+ed|included|recruited)\s+" + PEOPLE
    + r"\s*,\s*\d[\d,]*\s*/\s*(?P<n>\d[\d,]*)\s*[(\[]\s*\d+(?:[.·]\d+)?\s*%"  # with its share: "305/478 (63.8%)"
    # the fraction before the pool's verb: "Of the 362/371 recruited patients who were evaluated, 73% were responders"
    r"|(?:^|[.;]\s+)(?:Of|Among)\s+(?:the|all)\s+\d[\d,]*\s*/\s*(?P<n_before>\d[\d,]*)\s+(?P<verb_after>randomi[sz]ed|enrol+ed|included|recruited)\s+"
    + PEOPLE + r"\b",
    re.IGNORECASE,
)


def _named_pool_denominator(sentence: Sentence) -> Extracted | None:
    """The total of a pool named only by its verb and sized as a fraction's denominator ("Of the randomized
    participants, 305/478 (63.8%) were seropositive": 478 randomised; "Of the 362/371 recruited patients who were
    evaluated, ...": 371 recruited)."""
    match = _NAMED_POOL_FRACTION.search(sentence.text)
    if match is None:
        return None
    group = "n" if match.group("n") else "n_before"
    count = next((item for item in find_counts(sentence.text) if item.start == match.start(group)), None)
    if count is None or count.end != match.end(group):
        return None
    verb = _verb_kind(match.group("verb") or match.group("verb_after"))
    return Extracted("n_total", count.value, sentence.span(count.start, count.end), "participants.named_pool_denominator",
                     label=verb[0] if verb else "enrolled", details=(("in_words", False),))


#: People counted per unit of the design: "eight subjects at each dose level", "8 volunteers per panel", "ten patients
#: in each cohort".
_PER_UNIT_AFTER = re.compile(
    r"\s+(?:(?!(?:were|was|and|or|with)\b)[\w-]+\s+){0,3}?" + PEOPLE + r"\s+(?:(?:at|in|for|within|from|of)\s+each|per(?![\s-]+(?:protocol|cent)\b))\b",
    re.IGNORECASE,
)
#: A lower bound before a count: "over 100", "more than 3000", "in excess of 500", "at least 40", "> 200".
_LOWER_BOUND_BEFORE = re.compile(r"(?:\b(?:more\s+than|over|in\s+excess\s+of|upwards\s+of|at\s+least)\s+|[>≥]\s*)$", re.IGNORECASE)


def totals_in_sentence(sentence: Sentence) -> list[Extracted]:
    masked = _Masked.of(sentence)
    text = masked.text
    found: dict[int, Extracted] = {}
    each_group: list[Extracted] = []  # counts given "to each group" (`_TO_EACH_GROUP`), read after the others

    def offer(item: Extracted) -> None:
        start = item.span.start - sentence.start
        if KIND_RANK[item.label] < KIND_RANK["eligible"] and _DURING_FOLLOW_UP.search(text[:start]):
            return  # "During follow-up, 412 women were diagnosed with ...": events, not the cohort
        if _PRESENT_DESIGN.search(text[:start]):
            return  # "The trial is conducted in 2600 patients": a design in the present tense, not a result
        count_end = masked.count_at(start).end
        clause = _clause_after(text, count_end)
        if _SIMULATED_AFTER.match(clause) or KIND_RANK[item.label] < KIND_RANK["eligible"] and _is_modelled_cohort(text, masked.count_at(start)):
            return  # "A total of 100,000 patients were simulated", "In a cohort of 10,000 women, we estimated": a model's cohort
        if item.label == "randomised" and _FURTHER_RANDOMISED_AFTER.match(text, count_end):
            return  # "3466 participants in the intervention group were further randomized": a subset re-randomised
        if _COUNT_OF_STUDIES.match(text, count_end):
            return  # "seven randomized, double-blind, placebo-controlled studies": studies, not people
        if _FUTURE_AFTER.match(text, count_end) or _BEING_RECRUITED_AFTER.match(text, count_end):
            return  # "600 ICU patients ... will be randomized", "494 parents are being recruited": a planned sample
        if _OCCURRED_AFTER.match(clause):
            return  # "A total of 24 incident AD cases occurred", "nine participants died": events, not people
        if _GROUP_OF_BEFORE.search(text, 0, start) or _one_group_each(text, start, count_end):
            return  # "three groups consisting of 18 patients each": one group's size
        if _ANOTHER_BEFORE.search(text, 0, start):
            return  # "Another 14 patients ... were randomized": a second group, a part of the study
        if _PER_UNIT_AFTER.match(text, count_end):
            return  # "two of eight subjects at each dose level", "Eight subjects per panel were randomized": one unit's size
        if _LOWER_BOUND_BEFORE.search(text, max(0, start - 30), start):
            return  # "groups in which over 100 patients were included", "more than 3000 patients": a bound, not the number
        current = found.get(start)
        if current is None or KIND_RANK[item.label] > KIND_RANK[current.label]:
            found[start] = item

    pool_denominator = _named_pool_denominator(sentence)  # not a masked count: a fraction's, so set here
    if pool_denominator is not None and not _PRESENT_DESIGN.search(text[:pool_denominator.span.start - sentence.start]):
        found[pool_denominator.span.start - sentence.start] = pool_denominator
    other_groups: set[int] = set()  # the second of two groups compared
    for start, count in masked.counts.items():
        if start in other_groups:
            continue
        study_verb = _study_participle(text, start)
        if study_verb and _people_after(text, count.end):
            offer(_total(masked, start, study_verb, "study_participle"))  # "a trial including 412 women"
            continue
        if _is_count_adjective(text, count.end):
            offer(_total(masked, start, "cohort", "count_adjective"))  # "a 412-patient cohort"
            continue
        before = text[max(0, start - 80):start]
        if re.search(r"\b(?:a|the)\s+(?:median|mean|average)\s+(?:number\s+)?of\s+$", before, re.IGNORECASE):
            continue  # "A median of 4 (range 1-7) surgeons were identified per centre": a typical count, not the sample
        if _is_early_or_late_part(text, before, count):
            continue  # "among the first 36 patients randomised": an early part of the sample, not the whole
        if _FROM_A_LABELLED_GROUP.search(before):
            continue  # "From group B only 8 patients participated in a second course": a part of one group
        if _SHARE_BRACKET_DENOMINATOR.search(sentence.text, 0, count.start) and re.match(r"\s*[)\]]", text[count.end:]):
            continue  # "4.7% (4 of 85) of omeprazole-treated patients developed peptic ulcer": an event's denominator
        if _AFTER_AN_ESTIMATE.search(before) and (not _ALL_ALLOCATED_AFTER.match(text, count.end) or _A_SUBGROUP_NAMED.search(text, 0, start)):
            # (those allocated of a subgroup named before are its part: "In the diabetic subgroup, the hazard ratio was 0.81
            # (95% CI 0.65-1.01) in 1,850 randomized patients")
            continue  # "OR 0.91 (95% CI 0.69-1.21) in a total of 1085 patients": one comparison's people, not the study's
            # (but those allocated are the whole sample: "(HR 0.75; 95% CI 0.61-0.92) in 4,000 randomized patients")
        after_people = _people_after(text, count.end)
        people_end = count.end + after_people.end() if after_people else None
        # "A total of 395 of 1241 (32%) patients were deemed ineligible": the whole is the cohort
        if after_people and re.search(r"^\s*(?:A\s+total\s+of|In)\s+#_*\s+of\s+$", text[:start], re.IGNORECASE):
            offer(_total(masked, start, "cohort", "a_total_of_n_of_m"))
            continue
        # "including only 30 patients for this study": the sample taken from a larger group
        if after_people and re.search(r"\bincluding\s+(?:only\s+)?$", before, re.IGNORECASE) and re.match(
                r"\s*(?:for|in)\s+(?:this|the|our)\s+(?:study|trial|analysis)\b", text[people_end:], re.IGNORECASE):
            offer(_total(masked, start, "enrolled", "including_for_this_study"))
            continue
        pooled = _POOLED.search(before)
        # (not the first of two populations pooled apart: "Eleven studies with 1769 stroke survivors and 1578 family caregivers")
        if pooled and not _in_list_of_counted_groups(text, start, count.end) and not _joined_people_counts(masked, start, people_end) and (after_people or (pooled.group("total") or _POOLED_N_END.search(pooled.group(0))) and _NOT_PEOPLE.match(text, count.end + 1) is None
                       and not _UNIT_AFTER.match(text, count.end)):
            # "15 studies (including 791 patients)", "Nineteen RCTs contained a total of 4372 NSCLC"
            offer(_total(masked, start, "analysed", "pooled_studies"))
            continue
        # "..., of whom 300 were included", "Of these, 300 were randomised": a count taken out of an earlier
        # one is a total only when a bare verb of inclusion follows ("Of those, 438 patients treated
        # curatively were ..." is a subset)
        # ("Of these 1842 patients, 41 developed ..." restates a count: "these" determines the people, read below)
        these_people = re.search(r"\bth[eo]se\s+$", before, re.IGNORECASE) and people_end and re.match(r"\s*,", text[people_end:])
        # (also out of a pool named by its noun: "From this population, 5800 patients were treated with X")
        if re.search(r"\b(?:of|among|from)\s+(?:whom|th[eo]se|them|(?:this|that|the)\s+(?:population|cohort|sample|group))\s*,?\s*$",
                     before, re.IGNORECASE) and not these_people and not re.match(
                r"\s*(?:%|percent|\(\s*\d+(?:[.·]\d+)?\s*%|\[\s*\d+(?:[.·]\d+)?\s*%|/\s*\d)", sentence.text[count.end:]):
            # (the count may name its people: "From this population, 240 patients were randomized", "Of these, 300
            # women were randomly selected and randomized"; not qualified ones, "438 patients treated curatively were")
            clause = _clause_after(text, people_end if people_end is not None else count.end)
            verb = _verb_kind(clause)
            if verb and verb[0] in ("randomised", "enrolled", "eligible") and re.fullmatch(
                    r"\s*(?:(?:were|was|had\s+been|have\s+been)\s+)*(?:(?:\w+ly\s+)?(?:selected|identified|recruited|enrol+ed|included)\s+and\s+)?",
                    clause[:verb[1].start()], re.IGNORECASE) and not _to_one_group(clause, verb[1].end()) \
                    and not re.match(r"\s*(?:in|into|to)\s+(?:the\s+)?(?:group|arm|cohort)\s+(?:#|\d|[A-Z]\b|[IV]+\b)", clause[verb[1].end():]) \
                    and not re.match(r"\s*(?:\(\s*|\[\s*)\d+(?:[.·]\d+)?\s*%", text[people_end:] if people_end is not None else "") \
                    and not _SECOND_GROUP_ALLOCATED.match(text, (people_end if people_end is not None else count.end) + len(clause)):
                # (nor a share, "27 patients (13%) were eligible"; nor one labelled group, "605 patients were included in
                # group 1, 260 in group 2")
                # (not the first of two groups allocated: "of these 33 patients were randomized into A and 32 patients in B")
                offer(_total(masked, start, verb[0], "of_whom_selected"))  # "1,234 were treated, of whom 300 were included"
            continue
        rate = _PARTICIPATION_RATE.match(sentence.text, count.end)
        if rate and not _is_hypothetical(sentence.text, start) and not _UNREAL.search(before):
            verb = _verb_kind(rate.group("verb"))
            if verb:  # "In total 399/646 (62%) women were recruited": the recruited, out of those invited
                offer(_total(masked, start, verb[0], "participation_rate"))
            continue
        if _is_numerator(text, count) and (not _is_subset_or_fraction(sentence.text, count)
                                           or re.match(r"\s*\(\s*\d+(?:[.·]\d+)?\s*%\s*\)\s*(?:out\s+)?of\b", sentence.text[count.end:])) \
                and not _is_hypothetical(sentence.text, start) and not _UNREAL.search(before):
            took_part = _took_part_of_invited(masked, count)
            if took_part:  # "85 of 120 women invited agreed to participate": 85 took part, 120 were a pool
                kind, pool = took_part
                offer(_total(masked, start, kind, "n_of_invited"))
                offer(_total(masked, pool, "screened", "n_of_invited"))
                other_groups.add(pool)
                continue
        selected = _selected_share(masked, start)
        if selected:  # "Of 594 mothers approached, 323 (54%) agreed to participate and were randomized"
            offer(_total(masked, start, selected, "selected_share"))
            continue
        if _is_subset_or_fraction(sentence.text, count) or _is_hypothetical(sentence.text, start) or _is_numerator(text, count):
            continue
        # (an earlier count that is itself a share is no pool: "Most children (478 [53%]) were Hispanic, 688 children (76%) had X")
        if people_end and re.match(_SHARE_BRACKET, sentence.text[people_end:]) \
                and not any(offset < start and not _SHARE_AFTER.match(sentence.text, other.end) for offset, other in masked.counts.items()) \
                and not _AUXILIARY.search(text[count.end:people_end]):  # not "(N = 7439) were primarily men (61.1%)"
            verb = _verb_kind(_clause_after(text, people_end))
            if verb is None or verb[0] not in _STRONG:
                # "A total of 60 patients (32.8%) had significant CAD": a part of the sample, with its share
                # (after a pool in the same sentence the share may be a response rate: "sent to 1203 women,
                # and 1008 women (83.8%) answered")
                continue
        if _joined_people_counts(masked, start, people_end):
            continue  # "1554 patients with BS and 3108 control subjects": two groups, no stated total
        if people_end and _CONTROLS_CLAUSE.match(text, people_end):
            continue  # "10 173 individuals had AD, while 234 683 individuals served as controls": two groups, no total
        compared = re.search(r"\b(?:were|was)\s+(?:then\s+)?compared\s+(?:to|with)\s+(?:those\s+of\s+|the\s+|an?\s+)?(?:other\s+)?#",
                             text[people_end:people_end + 300]) if after_people else None
        if compared and not re.search(r"[.;:]|\b(?:and|but|whereas|while)\s+(?!(?:were|was)\b)(?:the\s+|their\s+)?[a-z]+\s+$",
                                      text[people_end:people_end + compared.start()]):
            other_groups.add(people_end + compared.end() - 1)
            continue  # "39 patients were given A and were compared to 39 matched controls": two groups, no total
        if after_people and (_STUDY_IN_PEOPLE.search(text[max(0, start - 260):start]) or _EXPERIMENTS_ON_PEOPLE.search(before)) \
                and not _UNREAL.search(before) \
                and not _OTHER_STUDY.search(text[max(0, start - 260):start]) \
                and not re.match(r"\s*(?:and|or)\s+#", text[people_end:]):
            offer(_total(masked, start, "enrolled", "study_in_people"))  # "the trial was carried out on 20 patients"
            continue
        if after_people and _RANDOMISED_TRIAL_OF.search(before) and (_of_this_study(before, text[start:]) or _our_pilot_study(text[:start])) \
                and not _MODAL_AFTER.match(_clause_after(text, people_end)) and not _BACKGROUND_LABEL.search(sentence.label or "") and not re.match(r"\s*(?:and|or)\s+#", text[people_end:]):
            offer(_total(masked, start, "randomised", "randomised_trial_of"))  # "a randomized controlled trial on 56 women"
            continue
        if after_people and _IN_THIS_COHORT.fullmatch(text[:start]) and not _BACKGROUND_LABEL.search(sentence.label or ""):
            offer(_total(masked, start, "cohort", "in_this_cohort_of"))  # "In this population-based cohort of 10,234 women, ..."
            continue
        cohort_was = re.match(r"[^.;#]{0,100}?\b(?:was|were)\s+(?:\w+ly\s+)?(?P<verb>followed|included|studied|assembled|identified|enrol+ed|"
                              r"recruited|analy[sz]ed|examined|evaluated|assessed|established|constructed|built|selected)\b",
                              _blank_brackets(text[people_end:])) if after_people and _A_COHORT_OF.fullmatch(text[:start]) else None
        if cohort_was and not _BACKGROUND_LABEL.search(sentence.label or "") and not _UNREAL.search(text):
            # "A population-based cohort of 48,210 women was followed"; a sample recruited is enrolled ("A convenience
            # sample of 80 nurses was recruited"), as "We recruited a sample of ..."
            verb = _verb_kind(cohort_was.group("verb"))
            offer(_total(masked, start, "enrolled" if verb and verb[0] == "enrolled" and re.match(r"enrol|recruit", cohort_was.group("verb"), re.I)
                         else "cohort", "a_cohort_of_was"))
            continue
        if after_people and _A_REVIEW_OF.fullmatch(text[:start]) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and _REVIEW_DONE.match(_blank_brackets(text[people_end:])) and not _UNREAL.search(text):
            offer(_total(masked, start, "cohort", "a_review_of_was"))  # "A retrospective review of 69 consecutive patients ... was performed"
            continue
        if after_people and _WE_STUDIED_THE_X_OF.match(text[:start]) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and not _RESULTS_LABEL.search(sentence.label or "") and not _another_group_follows(text, people_end) \
                and not _UNREAL.search(text) and not _NOT_PEOPLE.search(text[:start]) \
                and not re.search(r"\b(?:compared|versus|vs)\b[^.;]{0,40}?#", text[people_end:], re.IGNORECASE) \
                and not re.match(r"\s+of\b", text[people_end:], re.IGNORECASE):  # "three major families of enzymes"
            offer(_total(masked, start, "cohort", "we_studied_the_x_of"))  # "We investigated the characteristics of 14,996 patients"
            continue
        we_cohort = _WE_VERB_A_COHORT_OF.search(before) if after_people else None
        if we_cohort and not _BACKGROUND_LABEL.search(sentence.label or "") and not re.match(r"\s*(?:and|or)\s+#", text[people_end:]):
            verb = _verb_kind(we_cohort.group("verb"))  # "We prospectively followed a cohort of 412 patients"
            offer(_total(masked, start, verb[0] if verb and verb[0] in ("enrolled", "randomised") else "cohort", "we_verb_a_cohort_of"))
            continue
        if after_people and _IN_A_COHORT.search(text[max(0, start - 160):start]) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and not _UNREAL.search(before) and not _another_group_follows(text, people_end):
            offer(_total(masked, start, "cohort", "in_a_cohort_of"))  # "the risk was estimated in a cohort of 2,885,336 patients"
            continue
        # the people may be qualified before the verb: "Data of 883 consecutive patients undergoing surgery were collected"
        if after_people and re.match(r"\s*(?:(?:were|was)\s+|[^.;#]{0,60}?\b(?:were|was)\s+)?(?:\w+\s+)?(?:reviewed|analy[sz]ed|examined|"
                                     r"retrieved|evaluated|assessed|used|collected|extracted|obtained|pooled|screened\s+for|assayed|genotyped|sequenced)\b",
                                     _clause_after(text, people_end)) \
                and re.search(r"\b(?:records?|charts?|files?|data|notes|samples?|specimens?|plasma|sera|serum|blood|tissues?|cells|DNA|RNA|"
                              r"urine|saliva|images|scans)\s*(?:\([^()]{0,20}\)\s*)?(?:of|from|on)\s+(?:all\s+|the\s+)?$", before,
                              re.IGNORECASE):
            # "Medical records of 178 patients were reviewed", "Sera of 269 patients were assayed for X"
            offer(_total(masked, start, "analysed", "records_of_people"))
            continue
        participants = re.fullmatch(r"\s*(?:The\s+)?(?:study\s+)?(?:participants|subjects|patients|respondents|population)"
                                    r"(?:\s+(?P<verb>were|included|comprised(?P<of>\s+of)?|consisted\s+of|(?:were|was)\s+(?:composed|made\s+up)\s+of)\s+|\s*:\s*)",
                                    text[:start], re.IGNORECASE) if after_people else None
        # "consisted of" (new this round) not before a list of counted groups: "Subjects consisted of 12 students, 5 residents ..."
        if participants and not (participants.group("verb") and (participants.group("of") or "of" in participants.group("verb").split())
                                 and re.search(r"(?:,|;|\band)\s+#", _blank_brackets(text[people_end:]).split(". ")[0])):
            offer(_total(masked, start, "enrolled", "participants_were"))  # "Participants were 120 older adults with MCI"
            continue
        # a participants heading run into the text (structured abstracts with their labels inline): "... Setting 17 practices in
        # Wellington Participants 1089 women aged 40-74 not undertaking ..."; capitalised, the count right after it, in a
        # heading's place (not after a function word: "Of all Patients 65 women had stage III disease"), enrolled unless the
        # clause has its own verb ("Participants 6,000 women were invited; 1,089 women took part"); a pool "of whom" some
        # are taken is no sample ("Participants 3,000 women invited to screening, of whom 1,089 took part")
        heading = re.search(r"(?:^|(?P<previous>[^\s.;:,(]+))\s+(?-i:Participants|Patients|Subjects)\s+$|^\s*(?-i:Participants|Patients|Subjects)\s+$",
                            before) if after_people else None
        if heading and (heading.group("previous") or "").lower() not in _PHRASE_END | {"all", "the", "these", "those", "our", "other"} \
                and not _another_group_follows(text, people_end) and not re.match(r"\s*[(\[][^()\[\]]*%", text[people_end:]) \
                and not re.match(r"[^;#]{0,120}?,\s*of\s+whom\s+\S+\s+(?:\([^()]*\)\s+)?(?:took\s+part|participated|agreed|consented|"
                                 r"attended|responded|returned|were\s+(?:enrolled|included|recruited))\b", text[people_end:], re.IGNORECASE):
            verb = _verb_kind(_clause_after(text, count.end))
            offer(_total(masked, start, verb[0] if verb else "enrolled", "participants_heading"))
            continue
        if after_people and re.fullmatch(r"\s*(?:In|Among)\s+", text[:start]) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and re.match(r"(?:[^,;.#]|\.\d){0,80}?\b(?:of|from|in|enrol+ed\s+in|participating\s+in)\s+(?:the|a|an|this|our)\s+"
                             r"(?:[^,;.#()]{0,60}?\s)?(?:cohort|study|trial|registry|database|programme|program)\b[^,;#]{0,30},",
                             _blank_brackets(text[people_end:]), re.IGNORECASE) \
                and not _OTHER_STUDY.search(text[people_end:people_end + 120]):
            offer(_total(masked, start, "cohort", "in_people_of_the_cohort"))  # "In 1973 patients of the Swiss IBD Cohort Study, ..."
            continue
        # "The mean (SD) age of 4161 participants was 81.7 (10.0) years": the people the study describes, unqualified
        if after_people and _MEAN_AGE_OF.search(before) and re.match(r"\s*(?:\([^()]{0,40}\)\s*)?(?:was|were|is)\b", text[people_end:]) \
                and not _BACKGROUND_LABEL.search(sentence.label or "") and not _OTHER_STUDY.search(text):
            offer(_total(masked, start, "cohort", "mean_age_of_people"))
            continue
        there_were = _there_were_people_who(text, start, people_end) if after_people else None
        if there_were:
            offer(_total(masked, start, there_were, "there_were_people_who"))  # "There were 228 patients who met the criteria"
            continue
        bracket = _bare_bracket_after_people(masked, start)
        if bracket:
            offer(_total(masked, start, bracket, "people_bracket_count"))  # "Consecutive stage I patients (475) were analysed"
            continue
        if after_people and re.fullmatch(r"\s*In\s+", text[_joined_section(text, start)[0]:start]):
            we = _IN_PEOPLE_WE.match(text, people_end)
            if we:  # "In 249 patients with reflux esophagitis, we compared ..."
                offer(_total(masked, start, "randomised" if we.group("verb").lower().startswith("randomi") else "enrolled",
                             "in_people_we"))
                continue
            if re.match(r"[^.;%#]{0,120}?,\s*there\s+(?:were|was)\b", text[people_end:]):
                offer(_total(masked, start, "analysed", "in_people_there_were"))  # "In 9,739 participants, there were 934 deaths"
                continue
            if _IN_PEOPLE_COMPLETING.match(text, people_end):
                offer(_total(masked, start, "analysed", "in_people_completing"))  # "In ten patients completing the protocol, ..."
                continue
            passive = _IN_PEOPLE_PASSIVE.match(text, people_end)
            if passive and not _UNREAL.search(text) and not _BACKGROUND_LABEL.search(sentence.label or ""):
                verb = passive.group("verb").lower()
                offer(_total(masked, start, "randomised" if verb.startswith("randomi") else "treated" if verb == "treated" else "analysed",
                             "in_people_passive"))  # "In 26 patients, four consecutive attacks were treated alternately with A and B"
                continue
        passive = re.search(r"\b(?:was|were|(?:has|have)\s+(?:\w+\s+)?been)\s+(?:\w+ly\s+)?(?:evaluated|compared|studied|tested|investigated|examined|assessed|"
                            r"measured|analy[sz]ed|determined|explored|quantified|estimated)\b"
                            # (a bracket between read as one: "was measured for 24 h [before and 0.5, 1 ... 24 h after a dose
                            # of A (5 mg) or placebo] in 18 volunteers")
                            r"(?:\[[^\[\]]{1,300}\]|[^.;#\[\]]){0,60}?\bin\s+(?:a\s+total\s+of\s+|all\s+)?$", text[max(0, start - 420):start], re.IGNORECASE)
        if after_people and passive and _of_this_study(before) \
                and not _BACKGROUND_LABEL.search(sentence.label or "") and not re.match(r"\s*(?:and|or)\s+#", text[people_end:]):
            offer(_total(masked, start, "analysed", "evaluated_in"))  # "Drugs A and B were evaluated in 56 patients with rhinitis"
            continue
        total_was = _TOTAL_NUMBER_WAS.search(before)
        if total_was and not re.search(r"\b(?:groups?|arms?|subgroups?|each|per|would|will|required|needed|planned|target|"
                                       # a part of the sample: "who died", "with grade 3 events", "screened", "lost"
                                       r"who|that|with|had|having|died|developed|experienced|screened|excluded|lost|withdr[ae]w\w*)\b",
                                       total_was.group("gap"), re.IGNORECASE) and not _is_hypothetical(text, start):
            # "The total number of participants in this review study was 255": the pooled people of a review, else enrolled
            review = re.search(r"\b(?:review|meta-?analys[ie]s|studies|trials)\b", total_was.group("gap"), re.IGNORECASE)
            offer(_total(masked, start, "analysed" if review else "enrolled", "pooled_studies" if review else "total_number_was"))
            continue
        population = _analysis_population_n(text, start)
        if population:  # "both evaluable patients (n = 1527) and all randomized patients (n = 1655)": each population's size
            kind = "randomised" if population.group("randomised") else "itt" if population.group("itt") or population.group("itt_name") else "analysed"
            offer(_total(masked, start, kind, "analysis_population_n"))
            continue
        if _WHOLE_COHORT_N.search(before):
            offer(_total(masked, start, "enrolled", "whole_cohort_n_equals"))
            continue
        # "(N = 676)" after a study / cohort / population word or people, not an arm list
        # (within its section: sections joined by ".;" are sentences of their own, ".; Normal volunteers (n = 30).; Subjects
        # received A (n = 9), B (n = 10) or placebo (n = 10)")
        section_start, section_end = _joined_section(text, start)
        bracket_before = _without_describing_head(before)  # "Patients (18-84 years old; n = 433)" read as "Patients (n = 433)"
        all_n = [m for m in re.finditer(r"\b[nN]\s*=\s*(#_*)", text) if section_start <= m.start() < section_end]
        if re.search(r"\(\s*[Nn]\s*=\s*$", bracket_before) and (len(all_n) == 1 or _n_is_sum_of_others(masked, start, all_n)):
            if re.search(r"\b(?:study|trial|cohort|subcohort|population|sample|series|registry|analysis)\b[^()]{0,40}\(\s*[Nn]\s*=\s*$", bracket_before, re.I) \
                    and not _GROUP_LABEL_N.search(bracket_before):  # (not a group's: "in the second part of the trial group A (n = 19)")
                offer(_total(masked, start, _named_population_kind(bracket_before), "n_equals_total"))
            elif re.search(r"\b(?:trials|studies)\s*\(\s*[Nn]\s*=\s*$", bracket_before, re.I) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                    and not _UNREAL.search(text) and re.search(r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:analy[sz]ed|pooled|combined|reviewed)\b",
                                                              _clause_after(text, count.end), re.IGNORECASE):
                offer(_total(masked, start, "analysed", "pooled_studies"))  # "data from 4 randomized trials (N = 2,700) were analyzed"
            elif kind := _trial_in_people_n(sentence, text, start):
                offer(_total(masked, start, kind, "trial_in_people_n"))  # "a randomised trial in adults with asthma (...) (n=437)"
            elif re.search(r"\b(?:combin\w*|pool\w*|both|all)\s+(?:the\s+)?(?:two\s+|three\s+|four\s+)?(?:groups|arms)\s*\(\s*[Nn]\s*=\s*$",
                           bracket_before, re.IGNORECASE):
                offer(_total(masked, start, "analysed", "groups_combined"))  # "After combining the groups (n = 46), ..."
            elif re.search(r"\b(?:" + PEOPLE + r"(?:\s+(?:at|on)\s+(?:baseline|enrol+ment|(?:study\s+)?entry|inclusion|randomi[sz]ation)"
                           r"|\s+aged\s+[^()]{1,30}?)?|baseline\s+characteristics)\s*\(\s*[Nn]\s*=\s*$", bracket_before, re.I) \
                    and not _SERVING_PROFESSIONALS_N.search(bracket_before):  # "Participants at baseline (n=29) had a mean age ...",
                # "Children aged 6 to 52 months (n = 336) were randomly assigned"
                verb = _verb_kind(_clause_after(text, count.end))  # "Postmenopausal women (n = 724) were randomised"
                offer(_total(masked, start, verb[0] if verb else "enrolled", "people_n_equals"))
            elif kind := _we_enrolled_people_n_kind(text, start, count.end):
                offer(_total(masked, start, kind, "we_enrolled_people_n"))  # "We included older adults with X (n=82) and randomized them"
            elif kind := _qualified_sample_kind(sentence, text, start, count.end):
                # (treated: "Subjects with X (n = 283) received A, 200 or 400 mg, or placebo", its own extractor, a
                # subgroup when a larger total came before it, see study_total)
                offer(_total(masked, start, kind, "qualified_people_n_treated" if kind == "treated" else "qualified_people_n_equals"))
                # "Patients with Morquio A aged ≥5 (N = 176) were randomised"
            else:
                # "Milk samples were analyzed at 6 mo postpartum (n = 647)": the N of the sentence's passive verb
                passive = re.search(r"\b(?:were|was)\s+(?:\w+\s+)?(?P<verb>analy[sz]ed|measured|assessed|evaluated|included|enrolled|"
                                    r"randomi[sz]ed|studied|followed|recruited)\b(?P<gap>[^,;()#]{0,40})\(\s*[Nn]\s*=\s*$", bracket_before, re.IGNORECASE)
                if passive and not re.search(r"\b(?:who|whom|with|without|had|among|as|subgroups?|subsets?|those|only)\b|" + PEOPLE,
                                             passive.group("gap"), re.IGNORECASE) and re.match(r"\s*\)\s*[.;]?\s*$", text[count.end:]):
                    verb = _verb_kind(passive.group("verb"))
                    offer(_total(masked, start, verb[0] if verb else "analysed", "passive_n_equals"))
            continue
        if after_people and _CRITERIA_MET_BY.search(before) and _of_this_study(before):
            offer(_total(masked, start, "eligible", "criteria_met_by"))  # "The inclusion criteria were met by 132 patients"
            continue
        # "population included / comprised (of) N patients"
        # also with "N =" before the count: "The sample included N = 245 men"
        population = re.search(r"\bpopulation\s+(?:included|comprised|consisted|was)(?:\s+of)?\s+(?:[Nn]\s*=\s*)?$", before, re.I) or re.search(
            r"\b(?:cohort|sample|series|study|trial)\s+(?:comprised|consisted\s+of|(?:was|is)\s+composed\s+of|(?:was|is)\s+made\s+up\s+of|"
            r"totall?ed|numbered|included|comprises|consists\s+of|includes)\s+(?:[Nn]\s*=\s*)?$", before, re.IGNORECASE)  # "Our cohort comprised 1,045 patients"
        if population and (after_people or "population" in population.group(0).lower()):
            itt = re.search(r"\bintent(?:ion)?[\s-]+to[\s-]+treat\b|\bITT\b", before[max(0, population.start() - 40):population.start()], re.I)
            offer(_total(masked, start, "itt" if itt else "enrolled", "population_total"))
            continue
        if re.search(r"\ba\s+total\s+(?:number\s+)?of\s+$|\ba\s+total\s+$", before, re.I):  # also "of" left out: "a total 96 patients"
            clause = _clause_after(text, count.end)
            verb = _verb_kind(clause)
            # people must be named ("A total of 724 patients"), or the verb must follow the count
            # bare ("A total of 60 were randomised"): "A total of 163 GBMs were immunostained" is no head count
            bare = verb is not None and verb[0] in _STRONG | {"treated"} and re.fullmatch(
                r"\s*(?:(?:were|was|had\s+been|have\s+been)\s+)*", clause[:verb[1].start()]) is not None
            if re.search(r"\b(?:will|shall)\s+(?:\w+ly\s+)?(?:be|have)\b", clause[:verb[1].start()] if verb else clause, re.IGNORECASE):
                continue  # "A total of 1,000 older adults will be screened": a planned sample, not a result
            if bare and _qualifies_a_thing(clause, verb[1].end()):
                continue  # "A total of 48 randomised clinical trials (3526 participants)": a count of studies
            if _NOT_PEOPLE.match(text, count.end + 1) is None and (after_people or bare):
                kind = verb[0] if verb else "enrolled"
                if verb is None and after_people and re.search(r"\b[Oo]f\s+a\s+total\s+of\s+$", before) \
                        and _selects_from(text, people_end):
                    kind = "screened"  # "Of a total of 594 mothers, 323 (54%) agreed to participate": a pool
                if re.search(r"#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\b[^.;]{0,100}$", before, re.IGNORECASE):
                    kind = "analysed"  # "9 studies were identified that provided data for a total of 118 patients": pooled
                offer(_total(masked, start, kind, "a_total_of"))
                continue
        # "Of" capitalised mid-sentence follows a heading run into the text: "Results Of the 41,895 patients"
        if re.search(r"(?:^|[,;(]\s*|\b(?:of|from)\s+)\b[Oo]f\s+(?:the\s+|these\s+|all\s+)?$|(?:^|[\s.])(?:Of|Among|Out\s+of)\s+(?:the\s+|these\s+|all\s+)?$",
                     before) and after_people and not _bare_out_of(text, before, count.end + after_people.end()):
            tail = text[count.end + after_people.end():count.end + after_people.end() + 60]
            treated = re.match(r"\s*(?:who|that)\s+(?:had\s+|have\s+)?(?:underwent|undergone|received|were\s+(?:treated|given))\b(?!\s+(?:randomi[sz]ation|random\s+assignment))", tail,
                               re.IGNORECASE) is not None
            if not _describes_enrolment(tail) and not treated:
                continue  # "Of the 389 patients who responded, ...": a subset named by what happened to it
            pool = text[count.end:count.end + after_people.end()] + re.split(r"[,;]", tail)[0]
            verb = None if _IN_A_DATABASE.search(pool) else _verb_kind(
                text[count.end:count.end + after_people.end()] + " " + re.split(r"[,;]", tail)[0])
            # "Among the 116 patients undergoing surgery, ...": the people given one treatment, no more than treated
            # "Of the 15 participants who underwent baseline testing, ...": those treated, as many as the study had at most
            kind = "treated" if treated else verb[0] if verb else \
                "treated" if re.search(r"\b(?:undergoing|receiving|given)\b", pool, re.IGNORECASE) else "enrolled"
            # (a pool described by a cohort verb is still a pool: "Among the 16,365 patients diagnosed ..., we identified ...")
            if (verb is None or verb[0] == "cohort") and not re.search(r"\b(?:trials?|stud(?:y|ies)|randomi[sz]\w*)\b", pool, re.IGNORECASE) \
                    and _selects_from(text, count.end + after_people.end()):
                kind = "screened"  # "Of 45,678 patients in the registry, 1,234 met the inclusion criteria": a pool
                selected = _selected_for_study(text, count.end + after_people.end())
                if selected is not None and selected in masked.counts:
                    offer(_total(masked, selected, "analysed", "selected_for_study"))  # "312 ... were selected for our analysis"
            elif kind == "enrolled" and re.search(r"\bthese\s+$", before, re.IGNORECASE):
                kind = "cohort"  # "Of these 1842 patients, ...": a count restated, outranked by any stated enrolment
            offer(_total(masked, start, kind, "of_the_total"))
            continue
        verb_before = re.search(
            r"\b(?P<verb>randomi[sz]ed|randomly\s+assigned|enrol+ed|recruited|included|studied|analy[sz]ed|"
            r"evaluated|treated|accrued|identified|reviewed|followed|surveyed|interviewed|screened|approached|invited|contacted|offered)\s+"
            r"(?:\([^()]{0,20}\)\s+)?(?:a\s+total\s+of\s+|only\s+|all\s+)?$", before, re.IGNORECASE)  # "randomized (1:1) 122 patients"
        # "Five products were randomized among 24 subjects" (a crossover: the orders given out among the people)
        if after_people and re.search(r"\b(?:were|was)\s+(?:\w+ly\s+)?randomi[sz]ed\s+(?:among|across)\s+(?:a\s+total\s+of\s+|all\s+|the\s+)?$",
                                      before, re.IGNORECASE) and _of_this_study(before):
            offer(_total(masked, start, "randomised", "randomised_among"))
            continue
        if verb_before and after_people and _uncounted_trials_before(before[:verb_before.start()]):
            continue  # "... was found safe in randomized controlled trials, which included 23,848 participants": other trials
        if verb_before and after_people:
            kind = _verb_kind(verb_before.group("verb"))
            if kind and kind[0] == "randomised" and _to_one_group(text, people_end):
                continue  # "we randomly assigned 658 patients to the dose-dense group": one group's size
            if verb_before.group("verb").lower() == "offered":
                if not re.fullmatch(r"\s+(?:(?!(?:to|of|for|in|with|from|on|at)\b)[\w-]+\s+){0,2}?" + PEOPLE, text[count.end:people_end], re.IGNORECASE):
                    continue  # "We offered 3 sessions to patients": things offered, the people after them
                kind = ("screened", verb_before)  # "We offered 264 cancer patients three consent procedures": those invited
            offer(_total(masked, start, kind[0] if kind else "analysed", "verb_then_count"))
            continue
        if after_people and _STUDY_USED.search(before) and _of_this_study(before):
            offer(_total(masked, start, "cohort", "study_used"))  # "This study used 7,881 community-dwelling adults"
            continue
        if after_people and re.search(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:administered|given|delivered)\s+(?:\w+ly\s+|online\s+|electronically\s+)?to\s+(?:a\s+total\s+of\s+|all\s+)?$",
                                      before, re.IGNORECASE) and not _UNREAL.search(before):
            # "the vaccine was administered intramuscularly to 94 volunteers", "messages were delivered online to 618 girls"
            offer(_total(masked, start, "treated", "given_to"))
            continue
        if after_people and (_WE_PERFORMED_IN.search(before) or (_PERFORMED_IN.search(text[:start]) and _UNDERGOING.match(text, people_end))) \
                and not _UNREAL.search(before) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and not re.match(r"\s*(?:and|or)\s+#", text[people_end:]):
            offer(_total(masked, start, "treated", "we_performed_in"))  # "We have performed laparoscopic fundoplications in 677 patients"
            continue
        if after_people and _INTERVIEWS_WITH.search(before) and not _UNREAL.search(before + _clause_after(text, people_end)) \
                and _of_this_study(before) and not _another_group_follows(text, people_end) and not _OTHERS_LISTED.match(text, people_end):
            offer(_total(masked, start, "enrolled", "interviews_with"))  # "In-depth interviews with 30 caregivers were held"
            continue
        # only verbless: "The records of 12 patients were incomplete" tells of missing data, no sample; a verb of the
        # table right after the people gives its own kind ("Records of 90 subjects met the inclusion criteria": eligible)
        if after_people and count.value >= 2 and _DATA_OF_PEOPLE_OPENING.search(before) and not _another_group_follows(text, people_end) \
                and not _AUXILIARY.search(text, people_end) and not re.match(r"\s*" + _VERB.pattern, text[people_end:], re.IGNORECASE):
            offer(_total(masked, start, "cohort", "data_of_people_opening"))  # "The data of 212 patients who underwent ..."
            continue
        if after_people and count.value >= 2 and _DATA_FOR_PEOPLE.search(text[max(0, start - 160):start]) and not _UNREAL.search(before) \
                and not _another_group_follows(text, people_end) and not _ENROLLED_IN_THE_STUDY_AFTER.match(text, people_end) \
                and not re.search(r"#_*\s+(?:[\w-]+\s+){0,2}?(?!" + _PROFESSIONALS + ")" + PEOPLE + r"\b[^;.]{0,100}$", before, re.IGNORECASE):
            # (nor the last: "samples from 955 people with HIV and 1118 samples from 1062 people without"; professionals
            # collecting data are no such group: "A cohort of 49 midwives captured these data from 1697 pregnant women")
            offer(_total(masked, start, "analysed", "data_for_people"))
            continue
        # a design named with its adjectives, then what it assessed at length, then its people: "This study was a 6-month
        # randomized, double-blind, placebo-controlled assessment of the efficacy and safety of continuous treatment with 10
        # mg A every morning after initial symptom control in 495 patients with GORD"
        design = _DESIGN_ASSESSMENT_IN.search(text[max(0, start - 320):start])
        if after_people and design and _of_this_study(text[max(0, start - 320):start]) \
                and not _design_reports_results(text, max(0, start - 320) + design.start(), people_end) \
                and not _BACKGROUND_LABEL.search(sentence.label or "") and not _joined_people_counts(masked, start, people_end) \
                and not _MODAL_AFTER.match(_clause_after(text, people_end)):
            offer(_total(masked, start, "enrolled", "design_assessment_in"))
        elif after_people and _THIS_STUDY_COMPARED_IN.search(text[max(0, start - 400):start]) and _of_this_study(before) \
                and not _BACKGROUND_LABEL.search(sentence.label or "") and not _joined_people_counts(masked, start, people_end) \
                and not _MODAL_AFTER.match(_clause_after(text, people_end)):
            # "This double-blind randomized study compared the efficacy ... of A 75 micrograms/h and B 25 micrograms/h
            # in 32 healthy young adults after surgery"
            offer(_total(masked, start, "enrolled", "this_study_compared_in"))
        if after_people and not re.match(r"\s*(?:and|or)\s+#", text[count.end + after_people.end():]) and re.search(
                r"\b(?:study|analys[ie]s|trial|evaluation|associations?|outcomes?|experience)\b(?!\s+(?:groups?|arms?)\b)"
                r"[^.;]{0,80}\b(?:in|of|on|among)\s+$", before, re.IGNORECASE) and not re.search(r"#_*\s+(?:out\s+)?of\s+$", before) \
                and _of_this_study(before) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and not _MODAL_AFTER.match(_clause_after(text, count.end + after_people.end())):
            offer(_total(masked, start, "analysed", "study_in_count"))
        if after_people and _defined_population(text, start, count.end + after_people.end()):
            offer(_total(masked, start, "analysed", "the_people_who"))  # "for the 659 patients who completed phase 1"
        if after_people and _verbless_sample(sentence, text, start, count.end + after_people.end()):
            offer(_total(masked, start, "enrolled", "verbless_sample"))  # ".; Ninety women with stress incontinence.;"
            continue
        if after_people and _opens_methods(sentence, text, start, count.end + after_people.end()):
            offer(_total(masked, start, "cohort", "methods_opening"))  # METHODS: "Ten male swimmers performed ..."
        # a methods sentence opening with the approval it was run under, then its people: "After institutional approval, 26
        # children, aged 3-12 years, who were scheduled for surgery, had an epidural catheter placed" (the sample)
        if after_people and _AFTER_APPROVAL.fullmatch(text[:start]) and not _BACKGROUND_LABEL.search(sentence.label or "") \
                and not _RESULTS_LABEL.search(sentence.label or "") and not _joined_people_counts(masked, start, people_end) \
                and not re.match(r"\s*(?:per|each|in\s+each)\b", _clause_after(text, people_end), re.IGNORECASE) \
                and not _UNREAL.search(_clause_after(text, people_end)):
            verb = _verb_kind(_clause_after(text, count.end, 320))
            offer(_total(masked, start, verb[0] if verb and verb[0] != "screened" else "cohort", "after_approval"))
        if after_people and _composition_adds_up(masked, people_end, count.value):
            verb = _verb_kind(_clause_after(text, count.end))
            offer(_total(masked, start, verb[0] if verb and verb[0] != "screened" else "cohort", "people_by_sex"))  # "in 12 patients (eight men, four women, aged 22-39 years)"
        if after_people and _selected_sample(text, before, people_end):
            offer(_total(masked, start, "enrolled", "people_selected"))  # "80 MS patients who attended the clinic were selected"
        # "N <people> ... were randomised / enrolled / ..." within the clause (people may be described at length before
        # their verb: "Twenty-one patients (mean age, 14.0 years) with onset of DSM-III-R-defined schizophrenia that began
        # by age 12 years and who had been nonresponsive to typical neuroleptics participated in the study")
        clause = _clause_after(text, count.end, 320 if after_people else 220)
        verb = _verb_kind(clause)
        if verb is None:
            continue
        gap = clause[:verb[1].start()]
        second = re.search(r"#_*\s+\(?\b" + PEOPLE, gap, re.I)
        if second:
            # a second count of people given to each group after the first's own verb: "100 patients were recruited,
            # with 50 patients randomized to each group" (the first's verb read before it)
            later = _verb_kind(clause[second.start():])
            own = _verb_kind(clause[:second.start()])
            if later is None or own is None or not _TO_EACH_GROUP.match(clause[second.start():], later[1].end()):
                continue
            verb, gap = own, clause[:own[1].start()]
        if not after_people and _NOT_PEOPLE.search(gap):
            continue
        if re.search(r"\b(?:and|or)\s+$", before) and re.search(r"#_*\s*[\w-]*\s*$|#_*\s+(?:[\w-]+\s+)?(?:groups?|arms?)\s*$",
                                                              before[:-4] if len(before) > 4 else ""):
            # "6,803 men and 4,558 women", "582 drug-treated and 557 placebo-treated patients", "19 A group and 15 B group
            # patients": a split, not a total
            continue
        bare = _BARE_GAP.fullmatch(gap) is not None
        # only people do; not the study's own workers ("Four independent reviewers participated in data extraction")
        takes_part = re.fullmatch(r"participated|took\s+part", verb[1].group(0)) is not None and not _STUDY_WORKERS.search(gap)
        elided = None if after_people else _elided_noun(masked, start)
        if elided == "thing":
            continue  # "274 records were retrieved, and 11 met the inclusion criteria": 11 records
        # an elided count with "received" / "underwent" names a group by its treatment ("210 received A and 189 B")
        if after_people or takes_part or (elided == "people" and verb[0] in _STRONG | {"analysed"}) \
                or (bare and verb[0] in _STRONG and not _qualifies_a_thing(clause, verb[1].end())):
            if re.match(r"\s*(?:and|or)\s+#", text[count.end + (after_people.end() if after_people else 0):]):
                continue
            if verb[0] == "randomised" and _to_one_group(clause, verb[1].end()):
                continue  # "324 patients were further randomly assigned to the epoetin alfa group": one group's size
            if verb[0] in ("randomised", "enrolled") and _TO_EACH_GROUP.match(clause, verb[1].end()):
                each_group.append(_total(masked, start, verb[0], "count_then_verb"))
                continue  # "40 patients were randomised to each group": each group's size, not the whole
            pair = _GAPPED_TREATMENT_PAIR.match(text, count.end + verb[1].end()) if verb[0] == "treated" else None
            if pair and not re.search(r"\b(?:were|was|is|are|had|has|have|did|could|would|of|who|them|whom|each|developed|died|discontinued|withdrew|"
                                      r"completed|responded|relapsed|improved|recovered|stopped|remained|refused|declined|dropped|failed|"
                                      r"achieved|showed|experienced|reported|required|needed|underwent|received|took|left|switched)\b|"
                                      r"\w+ed\s*$|" + PEOPLE, pair.group("second"), re.IGNORECASE):
                continue  # "One hundred thirty-eight patients received A and 137 B": the first of two groups, their verb shared
            offer(_total(masked, start, verb[0], "count_then_verb"))
    # a count given "to each group" beside another count of the sentence: a pool smaller than two groups of it makes it
    # the whole randomised ("Of 400 patients screened, 240 patients were randomized to each group", 240); a count no
    # larger than one group is a part, no whole ("The first 10 patients were enrolled in an open-label run-in, and 40
    # patients were randomized to each group": neither)
    for each in each_group:
        others = [start for start in found if start != each.span.start - sentence.start]
        if any(each.value < found[start].value < 2 * each.value for start in others):
            offer(each)
        else:
            for start in others:
                if found[start].value <= each.value:
                    del found[start]
    pooled = sorted(start for start, item in found.items() if item.extractor == "participants.pooled_studies")
    if len(pooled) >= 2 and re.search(r"\b(?:and|while|whereas)\s+#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\b", text[pooled[0]:pooled[-1]],
                                      re.IGNORECASE):
        for start in pooled:  # "7 RCTs with a total of 1,773 patients and 3 cohort studies with 12,528 patients": parts, no total
            del found[start]
    compared = [start for start, item in found.items() if item.extractor == "participants.study_in_count"]
    if len(compared) >= 2 and re.search(r"\b(?:compared|versus|vs)\b", text, re.IGNORECASE):
        for start in compared:  # "the outcomes of 23 recipients were compared with those of 107 controls": groups
            del found[start]
    return list(found.values())


#: A treatment verb's object, then a second count given another treatment, the verb left out: "138 patients received A and
#: 137 B", "40 patients were treated with A and 38 with placebo" (two groups, no total; not "... and 12 of them had B").
_GAPPED_TREATMENT_PAIR = re.compile(
    r"(?P<first>[^.;:#]{1,100}?)\s*,?\s*(?:and|whereas|while)\s+#_*\s+(?:(?:with|to)\s+)?(?P<second>[^.;:#,()]{1,60}?)\s*"
    r"(?:\([^()]*\)\s*)?(?:[.;]|,\s*respectively\b|$)",
    re.IGNORECASE,
)


#: The people's own verb picking them as the sample, the clause ending or naming where from: "80 MS patients who attended
#: the clinic were selected", "4189 students was selected from a university", "398 women were randomly selected to
#: participate"; not for a procedure ("selected for biopsy"; "selected for our analysis" is a pool's sample, read with its
#: pool).
_SELECTED_AFTER = re.compile(
    r"(?P<gap>[^.;#]{0,160}?)\b(?:were|was)\s+(?:\w+ly\s+)?selected(?:\s+\w+ly)?(?=\s*(?:[.,;]|$)|\s+(?:from|among|at|by|using|according\s+to|"
    r"based\s+on|through|via|as\s+(?:the\s+)?(?:study\s+)?(?:subjects|participants|sample)|to\s+(?:participate|take\s+part))\b)",
    re.IGNORECASE,
)


def _selected_sample(text: str, before: str, people_end: int) -> bool:
    """The people ending at `people_end` were selected as the study's sample (`_SELECTED_AFTER`); not the controls or
    cases of a case-control design ("1,735 eligible controls were randomly selected"), one of several groups ("two groups
    of 40 subjects were selected"), a sample per unit ("in each practice"), a subsample ("for the substudy", "for the
    interviews") or a matched set ("selected by propensity score matching"), a hypothetical, nor a verb of another clause
    ("..., and 12 tumours were selected")."""
    selected = _SELECTED_AFTER.match(_clause_after(text, people_end))
    if selected is None or re.search(r"\b(?:and|but|while|whereas)\b|\b(?:who|that|which)\s+(?:were|was)?\s*$", selected.group("gap"), re.IGNORECASE):
        return False
    if re.search(r"\b(?:controls|cases)$", text[:people_end], re.IGNORECASE) or re.search(r"\b(?:groups?|each)\s+of\s+$", before, re.IGNORECASE) \
            or re.search(r"\b(?:each|every|per)\b", before, re.IGNORECASE):
        return False  # also a sample per unit: "Within each practice, 250 patients were randomly selected"
    if re.search(r"\bsub-?(?:stud(?:y|ies)|samples?|sets?)\b|\bfor\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:interviews?|analys[ie]s)\b"
                 r"|\bby\s+(?:[\w-]+\s+){0,3}?matching\b", before + _clause_after(text, people_end), re.IGNORECASE):
        return False  # a subsample ("For the pharmacokinetic substudy, 40 patients were selected") or a matched set
    return not _UNREAL.search(before) and not _is_hypothetical(text, people_end)


#: A count of people described by sex in the bracket after it: "(eight men, four women, aged 22-39 years)", "(12 males and
#: 12 females)".
_BY_SEX = re.compile(r"\s*[(\[]\s*(?P<first>#_*)\s+(?:men|males?|women|females?|boys|girls)\s*(?:,|;|and)\s*(?:and\s+)?"
                     r"(?P<second>#_*)\s+(?:men|males?|women|females?|boys|girls)\b", re.IGNORECASE)


def _composition_adds_up(masked: _Masked, people_end: int, value: int) -> bool:
    """The people ending at `people_end` are broken down by sex in a bracket right after them, the two counts adding up to
    theirs: the sample described ("Nasal challenge was performed in 12 patients (eight men, four women)"); not a part of
    it ("of whom 12 (7 men, 4 women)" adds up to no count)."""
    by_sex = _BY_SEX.match(masked.text, people_end)
    if by_sex is None:
        return False
    before = masked.text[max(0, people_end - 120):people_end]
    if re.search(r"\b(?:occurred|observed|reported|seen|found|noted|detected|documented|recorded|died|developed|experienced|"
                 r"suffered|had|showed|responded|relapsed)\b[^.;#]{0,60}#[^#]*$", before, re.IGNORECASE) \
            or re.match(r"[^)\]]*[)\]][^.;#]{0,20}?\b(?:had|developed|experienced|died|showed|suffered|responded|relapsed|reported|were\s+excluded|"
                        r"withdrew|discontinued|dropped)\b", masked.text[by_sex.end():], re.IGNORECASE):
        return False  # "Headache occurred in 7 patients (4 men and 3 women)", "... (3 men and 4 women) had relapses": events
    if re.search(r"\b(?:groups?|arms?|subgroups?|CG)\b[^.;#]{0,40}#[^#]*$", before, re.IGNORECASE):
        return False  # "The first group consisted of 34 patients (15 men and 19 women)": one group's people
    first, second = masked.counts.get(by_sex.start("first")), masked.counts.get(by_sex.start("second"))
    return first is not None and second is not None and first.value + second.value == value


def _uncounted_trials_before(before: str) -> bool:
    """The verb before a count belongs to a relative clause of trials named in the plural and not counted: "the vaccine
    was found to be safe in randomized controlled trials, which included 23,848 participants" (the evidence a text
    cites, not its own sample); not a review's counted studies ("12 trials, which included 2,000 patients": pooled), nor
    trials named ("the ATLAS and aTTom trials, which randomised 17,000 women") or whose data this study used ("This
    secondary analysis used data from the CHAMPION trials, which ...", "we pooled two trials that ...")."""
    return re.search(r"\b(?:trials|studies|RCTs)\s*,?\s*(?:which|that)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE) is not None \
        and re.search(r"#_*\s+" + _STUDY_ADJECTIVES + _STUDIES + r"\s*,?\s*(?:which|that)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE) is None \
        and re.search(r"\b[a-z]*[A-Z][\w-]*[A-Z][\w-]*\s+(?:trials|studies)\s*,?\s*(?:which|that)\s+(?:\w+ly\s+)?$", before) is None \
        and re.search(r"\b(?:we\s+(?:\w+ly\s+)?(?:analy[sz]ed|pooled|used|combined)|this\s+(?:[\w-]+\s+){0,2}?analysis|pooled|"
                      r"used\s+data\s+from)\b", before, re.IGNORECASE) is None


#: A trial named with the people it was run in, their qualifiers, then its N closing the phrase: "This was an
#: open-label, randomised controlled trial in adults with uncontrolled asthma (ACT score < 20) on maintenance therapy (n=437)".
_TRIAL_IN_PEOPLE_N = re.compile(
    r"\b(?P<design>(?:[\w-]+,?\s+){0,6}?)(?:trial|study)\s+(?:in|of|among|on|involving)\s+(?:[\w-]+\s+){0,3}?" + PEOPLE
    + r"\b(?P<qualifier>[^.;#]{0,200}?)\(\s*[Nn]\s*=\s*$",
    re.IGNORECASE,
)
#: Words that make the N after a trial's qualifiers another group's: a clause or subset of its own ("... in women,
#: of whom those with nodal disease (n = 43)", "... showed benefit in the subgroup (n = 43)").
_NOT_THE_TRIALS_N = re.compile(
    r"\b(?:who|whom|whose|which|that|where|those|subgroups?|subsets?|groups?|arms?|cohorts?|excluding|except|"
    r"were|was|is|are|had|has|have|showed|found|reported|demonstrated|revealed|suggested|indicated)\b",
    re.IGNORECASE,
)


def _trial_in_people_n(sentence: Sentence, text: str, start: int) -> str | None:
    """The kind of the N that closes "a (randomised) trial in <people> <qualifiers> (n = N)": randomised when the
    trial is called randomised, else enrolled; None for another study, a background section, or an N that a
    clause or subgroup between takes for its own."""
    if _BACKGROUND_LABEL.search(sentence.label or ""):
        return None
    before = _blank_brackets(text[max(0, start - 320):start])
    match = _TRIAL_IN_PEOPLE_N.search(before)
    if match is None or _NOT_THE_TRIALS_N.search(match.group("qualifier")) or _PEOPLE.search(match.group("qualifier")) \
            or not _of_this_study(before[max(0, match.start() - 60):]):
        return None
    # not "a non-randomised controlled trial"
    return "randomised" if re.search(r"(?<!\bnon-)(?<!\bnon\s)(?<!\bnot\s)\brandomi[sz]ed\b", match.group("design"),
                                     re.IGNORECASE) else "enrolled"


#: A sentence opening with the people and what qualifies them, then their N: "Women with an unfavourable
#: cervix requiring induction at term (N = 101) ...", "PARTICIPANTS: Adults with and without TSCI (N=6083)."
#: A head of the bracket before its N: an abbreviation of what the people have, or words describing them ("(ADHD; n = 282)",
#: "(18-84 years old; n = 433)", "(aged 60-75, n = 40)").
_BRACKET_HEAD = r"(?P<head>[^()\[\]#;,=]{1,40}?)\s*[;,]\s*"
_DESCRIBING_HEAD_N = re.compile(r"\(\s*" + _BRACKET_HEAD + r"(?=[Nn]\s*=\s*$)")


_QUALIFIED_SAMPLE_N = re.compile(
    r"\s*(?:(?:All|The)\s+)?(?P<prefix>(?:[\w-]+\s+){0,5}?)" + PEOPLE + r"\b(?P<qualifier>[^()\[\]#;:.]{1,120}?)\s*\(\s*(?:" + _BRACKET_HEAD + r")?[Nn]\s*=\s*",
    re.IGNORECASE,
)


#: A relative clause qualifying the people before their N, its verb no main verb: "Patients who gained weight on drug A
#: (n = 31) were randomized" (the verb after the bracket still decides).
_RELATIVE_CLAUSE = re.compile(r"^\s*(?:who|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:\w+ly\s+)?\w+", re.IGNORECASE)


#: A relative clause of people left out of the trial: "Patients who refused randomization (n = 45) were enrolled in a
#: parallel observational cohort", "Patients that were ineligible for surgery (n = 24)" (a side group, not the sample).
_REFUSED_OR_INELIGIBLE = re.compile(r"^\s*(?:who|that)\s+(?:(?:had|have|were|was)\s+)?(?:\w+ly\s+)?(?:refused|declined|"
                                    r"(?:were\s+|was\s+)?(?:not|in)eligible|ineligible|not\s+\w+|did\s+not|could\s+not|"
                                    r"failed|withdrew|opted\s+out|chose\s+not|preferred\s+not|were\s+excluded|excluded|"
                                    r"did\s+n[o']t|objected)\b", re.IGNORECASE)


#: Words before the people that make them no opening subject: a verb or a preposition ("Blood samples were collected from
#: patients (n=63)", "The reference population consisted of women ... (n=201)"); adjectives stay ("Recently hospitalized
#: acutely agitated patients").
_VERB_OR_PREPOSITION_BEFORE = re.compile(r"\b(?:were|was|are|is|had|has|have|consisted|comprised|included|collected|obtained|"
                                         r"from|of|in|on|at|to|by|for|with|among|between)\b", re.IGNORECASE)


def _qualified_sample_kind(sentence: Sentence, text: str, start: int, end: int) -> str | None:
    """The kind of total of people qualified before their N (`_QUALIFIED_SAMPLE_N`, the count from `start` to
    `end`): the verb of randomisation, enrolment or eligibility right after the bracket, or a participants
    section with no verb at all; None for any other verb ("Patients with CNS metastases (n = 101) had
    shorter survival": a subgroup), a verb in the qualifier, or things in it ("Adult Sprague Dawley rats")."""
    section_start = _joined_section(text, start)[0]  # sections joined by ".;": the people may open a later one
    opening = _QUALIFIED_SAMPLE_N.fullmatch(text, section_start, start)
    if opening is None or _FINITE.search(_RELATIVE_CLAUSE.sub(" ", opening.group("qualifier"))) \
            or _REFUSED_OR_INELIGIBLE.search(opening.group("qualifier")) \
            or _VERB_OR_PREPOSITION_BEFORE.search(opening.group("prefix")) \
            or (opening.group("head") is not None and not _describing_head(opening.group("head"))):
        return None  # (a head in the bracket only describing the people: "Children with ADHD (ADHD; n = 282)")
    head = re.split(r"\b(?:with|without|who|from|in|at|of|on|aged|requiring|undergoing|receiving)\b", opening.group("qualifier"))[0]
    if _NOT_PEOPLE.search(head):
        return None  # things the people word qualifies, not a trait of the people ("with a hip fracture")
    after = _after_describing_tail(text[end:])
    # the study the people take part in, between the bracket and the verb: "(n = 196) participating in a randomized,
    # double-blind trial (VITACOG) were assigned to ..."
    study = re.match(r"\s*\)\s*(?:participating|taking\s+part|enrol+ed|included)\s+in\s+(?:a|an|the|this|our)\b[^.;:#]{0,140}?"
                     r"\b(?:trial|study)\b[^.;:#,]{0,30}?(?=\s(?:were|was)\s)", after, flags=re.IGNORECASE)
    if study:
        after = ")" + after[study.end():]
        if re.search(r"randomi[sz]ed", study.group(0), re.IGNORECASE) \
                and re.match(r"\s*\)\s*(?:were|was)\s+(?:assigned|allocated)\b", after, re.IGNORECASE):
            return "randomised"  # the people of a randomised trial "were assigned to receive ..."
    if re.fullmatch(r"\s*\)\s*\.?\s*", after):
        return "enrolled" if sentence.label and _METHODS_LABEL.search(sentence.label) else None
    if section_start > 0 and not re.search(r"#_*\s+(?:[\w-]+\s+){0,3}?" + PEOPLE + r"\b", text[:section_start], re.IGNORECASE):
        # (only before any count of people: "... were studied in 24 healthy volunteers.; ...; Patients with delayed
        # emptying (n = 8) received metoclopramide" is a subgroup of the 24)
        # a section of its own among sections joined by ".;" (the participants section, its label lost): the people of
        # the study whatever their verb ("Asian inpatients with DSM-IV schizophrenia (N = 108) currently treated with
        # typical antipsychotics were switched to olanzapine": treated)
        if re.match(r"\s*\)\s*\.?\s*;", after):
            return "enrolled"
        kind = _verb_kind(_clause_after(text, end))
        if kind and kind[0] != "screened":
            return kind[0]
    # a qualifier between commas after the bracket: "Patients with X (n 100), on long-term PPIs, were randomized"
    # (or a few between commas: "Children with ADHD (n = 282), all subtypes, ages 6 to 12 years, were randomized")
    qualified = re.match(r"\s*\)\s*,\s*(?P<qualifier>[^,;:.#()]{1,80}?(?:\s*,\s*[^,;:.#()]{1,60}?){0,2})\s*,?\s*(?=(?:were|was)\s)", after)
    if qualified and not _FINITE.search(qualified.group("qualifier")):
        if re.match(r"(?:and|or|plus|as\s+well\s+as|(?:together|along)\s+with)\b", qualified.group("qualifier"), re.IGNORECASE) \
                or _PEOPLE.search(qualified.group("qualifier")):
            return None  # other people joined between commas: "Patients with asthma (n = 40), and healthy controls, were enrolled"
        after = ")" + after[qualified.end():]
    verb = re.match(r"\s*\)\s*(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:\w+ly\s+)?(" + _VERB.pattern + r")", after)
    if verb is None:
        return None
    kind = _verb_kind(verb.group(1))
    if kind and kind[0] == "treated" and re.match(r"received\b", verb.group(1), re.IGNORECASE) \
            and _ALTERNATIVE_TREATMENTS.match(after[verb.end():]):
        return "treated"  # "Subjects with narcolepsy (n = 283) received modafinil, 200 or 400 mg, or placebo": the trial's people
    return kind[0] if kind and kind[0] in _STRONG else None


#: The treatments compared, one of which each person received: "... received A, 200 or 400 mg, or placebo", "... received
#: either A or B" (the whole sample given out among them; not "received a reduced dose").
_ALTERNATIVE_TREATMENTS = re.compile(r"\s+(?:either\s+[^.;:#]{1,80}?\bor\b|[^.;:#]{1,100}?\bor\s+(?:an?\s+|matching\s+|identical\s+)?placebo\b)",
                                     re.IGNORECASE)


#: "We included older adults (>65y) with (or at risk of) undernutrition (n=82)": the study's verb of enrolment, its
#: people and what qualifies them, then their N; the active voice of "Adults with X (N = 101) were enrolled".
_WE_ENROLLED_PEOPLE_N = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(?P<verb>included|enrol+ed|recruited|randomi[sz]ed|randomly\s+(?:assigned|allocated))\s+(?:a\s+total\s+of\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,3}?" + PEOPLE + r"\b(?P<qualifier>[^.;:#]{0,160}?)\(\s*[Nn]\s*=\s*$",
    re.IGNORECASE,
)


def _we_enrolled_people_n_kind(text: str, start: int, end: int) -> str | None:
    """The kind of the N closing "we included / enrolled / recruited <people> <qualifiers> (n = N)": the verb's, or
    randomised when the sentence goes on to randomise them ("... (n=82) and randomized them to A or B"); None when
    the qualifiers hold a clause, a subgroup or other people of their own ("we included patients, of whom those with
    X (n = 40)"), or the bracket holds more than the N."""
    match = _WE_ENROLLED_PEOPLE_N.search(text[max(0, start - 320):start])
    if match is None or _NOT_THE_TRIALS_N.search(_blank_brackets(match.group("qualifier"))) \
            or _PEOPLE.search(_blank_brackets(match.group("qualifier"))) or _UNREAL.search(text[:start]):
        return None
    if not re.match(r"\s*\)", _after_describing_tail(text[end:])):
        return None
    verb = _verb_kind(match.group("verb"))
    if verb and verb[0] != "randomised" and re.match(r"[^.;#]{0,20}?\)\s*,?\s*and\s+(?:then\s+)?(?:randomi[sz]ed|randomly\s+(?:assigned|allocated))\s+them\b",
                                                  text[end:], re.IGNORECASE):
        return "randomised"
    return verb[0] if verb else None


#: What describes the people after their N inside its bracket: "(n = 415; mean age = 72.3 years old)",
#: "(n = 182; mean ± SD age = 56 ± 9.1)", "(N = 90, 60% women)"; not another count ("(n = 30; 15 per arm)").
_DESCRIBING_TAIL = re.compile(r"\s*[;,]\s*(?P<tail>[^()\[\]]{1,80}?)(?=\s*\))")
_DESCRIBES_PEOPLE = re.compile(
    r"\b(?:age[ds]?|years?|yrs?|old|women|men|males?|females?|girls|boys|SD|mean|median|range|IQR)\b|%", re.IGNORECASE)


def _describing_head(head: str | None) -> bool:
    """Whether a bracket's head before its N describes the people: an abbreviation ("ADHD", "COPD") or their ages, sex, ...
    (not a group's name or a treatment: "(placebo; n = 30)", "(group A, n = 19)")."""
    if head is None:
        return False
    head = head.strip()
    if re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*s?", head):
        return not re.search(r"\b(?:ITT|PP|mITT|[A-Z]*(?:GROUP|ARM))\b", head)
    if re.search(r"%(?!\s*(?:women|men|males?|females?|girls|boys)\b)", head, re.IGNORECASE):
        return False  # a share of the people, a subset: "More hospitalized patients (66%, n = 1017) had low levels"
    return bool(_DESCRIBES_PEOPLE.search(head)) and not re.search(r"\b(?:groups?|arms?|placebo|vs|versus|mg|per|each)\b", head, re.IGNORECASE)


def _without_describing_head(before: str) -> str:
    """`before` (the text up to an N) with a head describing the people dropped from the N's bracket, so that
    "Patients (18-84 years old; n = " reads as "Patients (n = "."""
    head = _DESCRIBING_HEAD_N.search(before)
    if head and _describing_head(head.group("head")):
        return before[:head.start("head")] + before[head.end():]
    return before


def _after_describing_tail(after: str) -> str:
    """`after` (the text right after an N inside its bracket) with a tail describing the people dropped, so
    that "(n = 415; mean age = 72.3 years old) were randomly assigned" reads as "(n = 415) were ..."."""
    tail = _DESCRIBING_TAIL.match(after)
    if tail and _DESCRIBES_PEOPLE.search(tail.group("tail")) and not re.search(r"\b[nN]\s*=|\bper\b|\beach\b|\bvs\b|\bversus\b",
                                                                             tail.group("tail")):
        return after[tail.end():]
    return after


def _another_group_follows(text: str, people_end: int) -> bool:
    """The people ending at `people_end` are one of several counted groups of their phrase: "a sample of 30
    adolescents with JIA and 15 experts", "a cohort of 10 TB patients, 10 RR-TB patients, and 10 controls",
    "blood from 10 healthy humans and animals, 30 humans with X"."""
    phrase = _blank_brackets(text[people_end:people_end + 160])
    return re.match(r"[^,;.#]{0,60}?\b(?:and|or|plus)\s+#|\s*,\s*#_*[^,;.#]{0,40},\s*(?:and\s+)?#"
                    r"|[^,;.#]{0,60}?,\s*(?:and\s+)?#_*\s+(?:[\w-]+\s+){0,2}?" + PEOPLE + r"\b", phrase, re.IGNORECASE) is not None


def _bare_out_of(text: str, before: str, people_end: int) -> bool:
    """"Out of" names a pool only with its verb or relative clause ("Out of 240 patients enrolled", "who were
    independent at baseline"); "Out of 16,058 sputum-eligible participants, 183 were ..." is one stage of a survey."""
    if not re.search(r"\bOut\s+of\s+(?:the\s+|these\s+|all\s+)?$", before, re.IGNORECASE):
        return False
    tail = re.split(r"[,;]", text[people_end:people_end + 60])[0]
    return re.match(r"\s*(?:who|that|whom)\b", tail, re.IGNORECASE) is None and _VERB.search(tail) is None


def _there_were_people_who(text: str, start: int, people_end: int) -> str | None:
    """"There were 228 patients who met the inclusion criteria", "In total, there were 96 women who were
    randomised": a sentence presenting its people by a relative clause of enrolment; the clause's kind. Also the
    people stated on their own, the sentence ending or a colon opening their breakdown ("There were 940
    participants: 607 in A ..."): enrolled; not people with a trait ("There were 12 patients with grade 3 toxicity"), nor
    cases (diagnoses a survey found), nor people named by a trait (sex, smoking, outcome or role: "There were 64 boys",
    "There were 23 long-term survivors", "There were 7 controls"), a part of the sample, not the sample."""
    if not re.fullmatch(r"\s*(?:(?:In\s+total|Overall|Altogether|Finally),?\s*)?There\s+(?:were|was)\s+(?:a\s+total\s+of\s+|only\s+)?",
                        text[:start], re.IGNORECASE):
        return None
    if re.match(r"\s*(?::|\.?\s*$|in\s+(?:the|this|our)\s+(?:study|trial|cohort|analysis|sample)\s*[.:]?\s*$)", text[people_end:], re.IGNORECASE) \
            and not re.search(r"\bcases$", text[:people_end], re.IGNORECASE) \
            and not (re.search(r"\b(?:controls|(?:fe)?males|boys|girls|(?:non-?)?smokers|survivors|(?:non-?)?responders)$",
                               text[:people_end], re.IGNORECASE) and not re.match(r"\s*:", text[people_end:])):
        # "There were 466 confirmed TB cases: ...": diagnoses; "There were 64 boys.": a part of the sample, unless a colon
        # opens the breakdown of these people into the study's groups ("There were 85 smokers: 40 received varenicline ...")
        return "enrolled"  # the sample stated on its own: "There were 940 participants: 607 in A, ...", "There were 52 women in the study."
    relative = re.match(r"\s*(?:who|that)\s+(?:(?:were|was|had|had\s+been|have\s+been)\s+)?(?:\w+ly\s+)?([^,;#]{0,80})", text[people_end:],
                        re.IGNORECASE)
    verb = _VERB.match(relative.group(1)) if relative else None
    kind = _verb_kind(verb.group(0)) if verb else None
    return kind[0] if kind and kind[0] in _STRONG else None


def _elided_noun(masked: _Masked, start: int) -> str | None:
    """What a bare count at the head of a clause counts, from the count before it in the sentence:
    "Of 331 patients with syncope, 61 had severe stenosis and were included" (61 patients: "people"),
    "274 records were retrieved, and 11 met the inclusion criteria" (11 records: "thing"); None
    when the count is not bare at a clause head or the earlier count names nothing."""
    text = masked.text
    if not re.search(r"(?:^|[,;:]\s*|\b(?:and|but|while|whereas)\s+)$", text[:start]):
        return None
    count = masked.count_at(start)
    if _PEOPLE.match(text, count.end + 1) or re.match(r"\s*(?:[A-Za-z]\w*\s+){0,2}?" + PEOPLE + r"\b", text[count.end:], re.IGNORECASE):
        return None
    earlier = [offset for offset in masked.counts if offset < start]
    # a number of things that is no head count ("96 centres were approached and 41 agreed") after the last head count
    after = max(earlier) if earlier else -1
    for number in find_counts(masked.sentence.text):
        if after < number.start and number.end <= start and _NOT_PEOPLE.match(text, number.end + 1):
            return "thing"
    if not earlier:
        return None
    previous = masked.count_at(max(earlier))
    if _people_after(text, previous.end, limit=4) is not None:
        return "people"
    for token in _TOKEN.findall(text, previous.end)[:4]:
        word = token.strip("(),;:.[]")
        if _NOT_PEOPLE.fullmatch(word):
            return "thing"
        if "#" in word or word.lower() in _PHRASE_END or token[-1] in ",;:.)":
            break
    return None


#: Between a bare count and its verb only auxiliaries and earlier steps of enrolment: "202 638 were
#: recruited and randomly assigned", "60 were screened, enrolled and then randomised".
_BARE_GAP = re.compile(
    r"\s*(?:(?:were|was|had\s+been|have\s+been|then)\s+(?:[a-z]+ly\s+)?)*"  # an adverb after the auxiliary: "22 were finally randomized"
    r"(?:(?:screened|approached|invited|consented|enrol+ed|recruited|registered|included)\s*(?:,|\band\b)?\s*(?:then\s+)?)*",
    re.IGNORECASE,
)


def _clause_after(text: str, end: int, limit: int = 220) -> str:
    """Text after a count up to the end of its clause (";", ":" or a new count-with-people).

    Bracketed asides are blanked first, so that "304 patients (median age 67 years; 161 [53%]
    men and 143 [47%] women) were randomly assigned" reaches its verb past the ";" and the
    breakdown's own counts."""
    chunk = _blank_brackets(text[end:end + limit])
    # "Seventy patients were eligible and 65 were randomised": the second verb is the second count's
    # (also a group added: "75 patients ... were selected as cases, and another 59 women were enrolled as controls")
    # (a dash glued between a verb and the next count is a break too: "102 subjects were screened-82 were randomized")
    stop = re.search(r"[;:]|\s-\s|—|(?<=[a-z]{3})-(?=#_*\s)|(?:,\s*|\s(?:and|or|but|while|whereas)\s+)(?:another\s+|a\s+further\s+|an\s+additional\s+)?(?=#)"
                     r"|,\s*(?:of|among)\s+(?:whom|these|them)\b", chunk)
    return chunk[:stop.start()] if stop else chunk


_OPENING = {")": "(", "]": "["}


def _blank_brackets(text: str) -> str:
    """`text` with every balanced (...) and [...] group (nested ones included) replaced by spaces
    of the same length; an unbalanced bracket stays as it is."""
    chars = list(text)
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in "([":
            opened.append(index)
        elif char in _OPENING and opened and text[opened[-1]] == _OPENING[char]:
            start = opened.pop()
            if not opened:
                chars[start:index + 1] = " " * (index + 1 - start)
        elif char in ")]":
            opened.clear()
    return "".join(chars)


# --------------------------------------------------------------------------- per arm

_ALLOCATION = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|allocated|divided|received|treated)\b", re.I
)


_NOT_ARM_LABEL = (
    r"(?:years?|months?|weeks?|days?|mg|attacks?|events?|deaths?|%|white|black|asian|hispanic|caucasian|"
    r"african|latin|males?|females?|men|women|boys|girls)\b"
)


_EVENTS = re.compile(r"\b(?:deaths?|died|events?|progress\w*|recurr\w*|relaps\w*|respon\w*|toxicit\w*|adverse)\b", re.I)


_RESPECTIVE_GROUPS = re.compile(
    r"\b(?:groups?|arms?|cohorts?)\b|\b(?:were|was)\s+(?:on|in|given|assigned|allocated|randomi[sz]ed|treated|enrolled)\b",
    re.IGNORECASE,
)


_EVENT_COUNT = re.compile(r"\b(?:deaths?|died|events?|relapses|recurrences|progressions|responders)\b", re.I)


def _is_outcome_count(text: str, start: int, end: int) -> bool:
    """A count of events, not of allocated people: "23 [10%] of 233 in A" (233 is a denominator),
    "Five patients in the A arm achieved a response"."""
    if re.search(r"(?:#_*|\d|[\])])\s*(?:\[[^\]]*\]|\([^)]*\))?\s*of\s+$", text[max(0, start - 30):start]):
        return True
    return bool(re.match(r"[^,;]{0,15}?\b(?:achieved|had|experienced|died|developed|showed|responded|progressed|reported)\b", text[end:]))


def _sums_to_stated(masked: _Masked, offset: int, inner: str) -> bool:
    """A breakdown "(494 navigated; 545 control)" of a count stated in the same sentence."""
    parts = [masked.counts[offset + m.start()].value for m in re.finditer(_COUNT, inner) if offset + m.start() in masked.counts]
    others = {count.value for start, count in masked.counts.items() if not offset <= start < offset + len(inner)}
    return len(parts) >= 2 and sum(parts) in others


#: "After excluding patients with artificial valves (n=28) and aged under 20 (n=207), ...": the people
#: left out of the study, listed by reason, are no compared groups.
_EXCLUSION = re.compile(r"\b(?:exclud(?:ing|ed)|exclusions?\s+of|excepting|removing|(?:were|was)\s+removed)\b", re.IGNORECASE)


def _excluded_count(text: str, start: int) -> bool:
    """The count at `start` follows a verb of exclusion in its clause, with no verb of allocation between."""
    clause = text[:start].rsplit(";", 1)[-1]
    exclusions = list(_EXCLUSION.finditer(clause))
    return bool(exclusions) and not _ALLOCATION.search(clause, exclusions[-1].end())


#: Things people report or have, counted with "n =": "reported more adverse events in the app than in the
#: questionnaire (supervised: n=1033 vs n=656)", "more symptoms overall (n=4808)"; between the noun and the bracket
#: a few words, no group, arm or people, nor a treatment that would name a group ("symptoms with A (n = 40)").
_THINGS_COUNTED_BEFORE = re.compile(
    r"\b(?:adverse\s+events|events|symptoms|complaints|entries|reports|episodes|messages|notifications|prescriptions)"
    r"(?:\s+(?!(?:groups?|arms?|cohorts?|with|on|receiving|taking|given|after|" + PEOPLE + r")\b)[^\s.;#()]+){0,8}\s*$",
    re.IGNORECASE,
)


def _counts_things_reported(text: str, n_start: int) -> bool:
    """The "n =" at `n_start` counts the things named before its bracket (events, symptoms, reports), not a group
    of people; every "n =" of that bracket does ("(supervised: n=1033 vs n=656; unsupervised: n=852 vs n=823)").
    Not things that qualify people ("Adolescents with recurrent episodes of self-harm (n = 170)": a group)."""
    bracket = text.rfind("(", 0, n_start)
    if bracket < 0 or ")" in text[bracket:n_start]:
        return False
    things = _THINGS_COUNTED_BEFORE.search(text, max(0, bracket - 120), bracket)
    return things is not None and not re.search(r"\b(?:with|without|having|reporting|experiencing)\s+(?:[\w-]+\s+){0,3}$",
                                                text[max(0, things.start() - 60):things.start()], re.IGNORECASE)


#: A study design after its allocation adjective: "randomized cross-over design", "randomised, controlled trial".
_DESIGN_AFTER = re.compile(  # adjectives of a design noun, not a verb's adverbial ("randomized in a double-blind manner to A")
    r"(?:,?\s+(?!(?:in|to|into|by|on|at|with)\b)[\w-]+){0,3}?\s+(?:design|trial|study|fashion|manner|order|sequence)\b", re.IGNORECASE)


def _grouped_in_section(text: str, match: re.Match[str], n_equals: list[re.Match[str]]) -> bool:
    """Whether an "(n = N)" has a sibling "(n = N)" or an allocation before it in its own section (of sections joined
    by ".;")."""
    start, end = _joined_section(text, match.start())
    return sum(start <= other.start() < end for other in n_equals) >= 2 or _ALLOCATION.search(text, start, match.start()) is not None


def arms_in_sentence(sentence: Sentence) -> list[Extracted]:
    masked = _Masked.of(sentence)
    text = masked.text
    hits: dict[int, str] = {}

    n_equals = [m for m in re.finditer(r"\b[nN]\s*=\s*(" + _COUNT + ")", text)]
    allocation = next((m for m in _ALLOCATION.finditer(text) if not _qualifies_a_thing(text, m.end())), None)
    # "Using a randomized cross-over design, young smokers (n = 30) ...": the design's adjective allocates no group
    design_only = allocation is not None and _DESIGN_AFTER.match(text, allocation.end()) is not None \
        and not any(m is not allocation and m.start() < (n_equals[0].start() if n_equals else len(text)) for m in _ALLOCATION.finditer(text, allocation.end()))
    if design_only and len(n_equals) == 1:
        allocation = None
    whole_cohort = any(_WHOLE_COHORT_N.search(text[:m.start(1)]) for m in n_equals)
    if whole_cohort and not allocation:
        n_equals = []  # the other Ns are subcohorts of the whole cohort, not groups being compared
    n_equals = [m for m in n_equals if not _n_is_sum_of_others(masked, m.start(1), n_equals) and not _excluded_count(text, m.start(1))]
    n_equals = [m for m in n_equals if not _counts_things_reported(text, m.start())]
    # an analysis population's N is no arm: "using both evaluable patients (n = 1527) and all randomized patients (n = 1655)"
    n_equals = [m for m in n_equals if not _analysis_population_n(text, m.start(1), of_arms=True)]
    if _JOINED_SECTIONS.search(text):  # ".; Normal volunteers (n = 30).; Subjects received A (n = 9) or B (n = 10)": the lone
        n_equals = [m for m in n_equals if _grouped_in_section(text, m, n_equals)]  # "(n = N)" of a section is no arm
    if len(n_equals) >= 2 or (n_equals and allocation and allocation.start() < n_equals[0].start()):
        for match in n_equals:
            if not re.search(r"\b(?:study|trial|cohort|subcohort|population)\s*\(\s*[nN]\s*=\s*$", text[:match.start(1)], re.I):
                hits.setdefault(match.start(1), "n_equals")
    for match in re.finditer(r"\b(?:group|arm|cohort)\s+[A-Z0-9]{1,2}\s*[=:]\s*(" + _COUNT + ")", text):
        hits.setdefault(match.start(1), "group_equals")
    people_in_brackets = list(re.finditer(r"\(\s*(" + _COUNT + r")\s+" + PEOPLE + r"\b", text, re.I))
    if people_in_brackets and allocation:
        for match in people_in_brackets:
            hits.setdefault(match.start(1), "bracket_people")
    for group in re.finditer(r"\(([^()]*)\)", text):
        inner = group.group(1)
        items = re.findall(r"(?:^|[;,]\s*|\s+and\s+)(" + _COUNT + r")\s+(?:in\s+(?:the\s+)?)?([A-Za-z][\w+-]*(?:\s+[A-Za-z][\w+-]*){0,2})\s*(?=$|[;,]|\s+and\s)", inner)
        if len(items) >= 2 and not any(re.match(_NOT_ARM_LABEL, label, re.I) for _, label in items) and _sums_to_stated(masked, group.start(1), inner) \
                and not _EVENT_COUNT.search(text[max(0, group.start() - 40):group.start()]):
            position = group.start(1)
            for match in re.finditer(_COUNT, inner):
                hits.setdefault(position + match.start(), "parenthetical_breakdown")
    allocation_list: list[tuple[re.Match[str], str]] = []
    for pattern, name in (
        (r"(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?(?:were\s+|was\s+)?(?:(?:then|\w+ly)\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\b", "count_assigned_to"),
        (r"(?:assigned|allocated|randomi[sz]ed)\s+(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?to\b", "assigned_count_to"),
        (r"(?:^|[,;]\s*|\band\s+)(" + _COUNT + r")\s+to\s+(?:the\s+)?[a-z]", "count_to_arm"),
        (r"(" + _COUNT + r")\s*(?:\(\s*\d+(?:[.·]\d+)?\s*%\s*\))?\s+(?:" + PEOPLE + r"\s+)?received\b", "count_received"),
        (r"(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?(?:(?:were\s+)?treated\s+with\s+[A-Za-z]|with\s+[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}\s+\d+(?:[.·]\d+)?\s*(?:mg|µg|mcg|g|IU|units?)\b)", "count_with_drug"),
        (r"(" + _COUNT + r")" + _EACH_AFTER.pattern, "count_each"),  # "29 (50%) each", "three groups of 18 patients each"
        (r"(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?(?:per|in\s+each)\s+(?:arm|group)\b", "count_per_arm"),
        (r"\b[Ee]ach\s+(?:of\s+the\s+)?(?:#_*\s+)?(?:[\w-]+\s+)?(?:groups?|arms?)\s+(?:included|comprised|consisted\s+of|"
         r"contained|enrol+ed|had)\s+(" + _COUNT + r")", "each_group_count"),  # "Each of the matched groups included 11,947 people"
        (r"(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?in\s+the\s+[^,;()]{0,50}?\b(?:group|arm)\b", "count_in_group"),
        (r"(" + _COUNT + r")\s+(?:" + PEOPLE + r"\s+)?(?:entered\s+|were\s+entered\s+)?into\s+(?:each|the|an?)\b[^,;]{0,40}\b(?:group|arm)", "count_into_group"),
    ):
        matches = [m for m in re.finditer(pattern, text, re.I) if not _is_outcome_count(text, m.start(1), m.end())]
        if name == "count_each":  # "Virologic failure occurred in 1 patient each in arms B and C": an event in each arm
            matches = [m for m in matches if not re.search(r"\b(?:in|among|for)\s+$", text[max(0, m.start(1) - 10):m.start(1)], re.I)]
            matches = [m for m in matches if _one_group_each(text, m.start(1), m.end(1))]  # not "24 volunteers each with X"
        if name in ("count_assigned_to", "assigned_count_to", "count_to_arm"):
            allocation_list.extend((m, name) for m in matches)
            continue
        needs_two = name in ("count_received", "count_with_drug", "count_in_group")
        if matches and name == "count_in_group" and _EVENTS.search(text[max(0, matches[0].start() - 60):matches[0].start()]):
            continue  # "508 deaths were recorded (248 in the A group and 260 in the B group)"
        if name == "count_to_arm" and not re.search(r"\b(?:assigned|allocated|randomi[sz]ed)\b", text, re.I):
            continue
        if len(matches) >= (2 if needs_two else 1):
            for match in matches:
                hits.setdefault(match.start(1), name)
    if len({m.start(1) for m, _ in allocation_list}) >= 2:  # "40 were allocated to A, and 38 ... to B"
        for match, name in allocation_list:
            hits.setdefault(match.start(1), name)
    # "608 and 869 patients were on A and on B, respectively", "available for 152 and 154 patients in
    # the A group and B group, respectively": one count per group, in the order the groups are named
    respectively = re.search(r"((?:" + _COUNT + r"\s*,\s*)*" + _COUNT + r"\s*,?\s+and\s+" + _COUNT + r")\s+" + PEOPLE
                             + r"\b([^;]{0,160}?)\brespectively\b", text, re.IGNORECASE)
    if respectively and _RESPECTIVE_GROUPS.search(respectively.group(2)) and not _EVENTS.search(text) \
            and not re.search(r"\b(?:occurred|experienced|developed|achieved|had)\b", text, re.IGNORECASE):
        for match in re.finditer(_COUNT, respectively.group(1)):
            hits.setdefault(respectively.start(1) + match.start(), "respectively_per_group")
    found = []
    for start, name in sorted(hits.items()):
        count = masked.counts.get(start)
        if count is None or re.match(r"\s*%", sentence.text[count.end:]) or _TARGET_SIZE.search(sentence.text, max(0, count.start - 120), count.start):
            continue  # a share, or a planned size
        found.append(Extracted("n_arm", count.value, sentence.span(count.start, count.end), f"participants.{name}",
                               details=(("in_words", count.in_words),)))
    return found


# --------------------------------------------------------------------------- record level


#: "Protocol for a randomised trial of ...", "... : study protocol"; not "per-protocol", "protocol-specified".
_PROTOCOL_TITLE = re.compile(r"(?<![-‐‑])(?<!\bper\s)\bprotocol\b(?![-‐‑])", re.IGNORECASE)
#: A protocol named as the care given, not the paper's genre: "after implementation of an Enhanced Recovery After
#: Surgery (ERAS) protocol", "patients managed on a rapid rule-out protocol" (a title with a study's results).
_CARE_PROTOCOL_TITLE = re.compile(
    r"\b(?:implement(?:ation|ing|ed)?\s+of|on|under|using|with|within|following|after)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,8}?"
    r"(?:\([A-Z][\w-]*\)\s+)?protocol\b(?!\s+(?:for|of)\b)(?!\s*:)"
    # a regimen named by its kind of care: "A novel treatment protocol with 6 cycles of NAC", "an exercise protocol"
    r"|\b(?:treatment|therapy|therapeutic|dosing|chemotherapy|surgical|an(?:a)?esthe(?:tic|sia)|analgesi[ac]|sedation|"
    r"rehabilitation|exercise|training|feeding|weaning|resuscitation|stimulation|conditioning|desensiti[sz]ation)\s+protocol\b"
    r"(?!\s+(?:for|of)\b)(?!\s*:)",
    re.IGNORECASE,
)
_STUDY_PROTOCOL_TITLE = re.compile(
    r"\b(?:study|trial|review|project|research|pilot)\s+protocol\b|\bprotocol\s+(?:for|of)\b|(?:^|[:.]\s*|\s[-–—]\s*)(?:an?\s+|the\s+)?protocol\b",
    re.IGNORECASE,
)


def _is_protocol_title(title: str) -> bool:
    """The title names a study protocol (a planned sample, never a total): "Study protocol for a randomised trial",
    "...: a protocol for a systematic review"; not a protocol of care the study was run under ("Risk of X after
    implementation of an ERAS protocol")."""
    if not _PROTOCOL_TITLE.search(title):
        return False
    return bool(_STUDY_PROTOCOL_TITLE.search(title)) or not _CARE_PROTOCOL_TITLE.search(title)


def participant_counts(record: Record) -> tuple[list[Extracted], list[Extracted]]:
    """(totals, per-arm counts) with spans, in reading order."""
    totals: list[Extracted] = []
    arms: list[Extracted] = []
    protocol = _is_protocol_title(record.title or "")
    texts = [record.title or ""]
    for sentence in record_sentences(record):
        texts.append(sentence.text)
        if sentence.label and re.match(r"(?:TRIAL\s+)?REGISTRATION|FUNDING|CLINICAL\s*TRIAL", sentence.label):
            continue
        arm_items = arms_in_sentence(sentence)
        arm_starts = {item.span.start for item in arm_items}
        if not protocol:  # a protocol states a planned sample, never a total
            in_sentence = [item for item in totals_in_sentence(sentence) if item.span.start not in arm_starts]
            if not in_sentence and len(arm_items) >= 2:
                in_sentence = _total_of_arms(sentence, arm_items)
            totals.extend(in_sentence)
        arms.extend(arm_items)
    if any(item.label == "itt" for item in totals) and _SINGLE_ARM.search(" ".join(texts)) \
            and not any(item.label == "randomised" for item in totals):
        # the intention-to-treat population of a single-arm study is those given a dose, below its enrolled total ("64 were
        # enrolled in this single-arm study. The intention-to-treat population (n = 61) ...": 64)
        totals = [dataclasses.replace(item, label="treated") if item.label == "itt" else item for item in totals]
    return totals, arms


#: (not "placebo", which names one arm of a breakdown of events as well: "40 patients had a relapse (A, n = 15; placebo, n = 25)")
_ALLOCATION_WORD = re.compile(r"\brandomi[sz]|\brandomly\b|\ballocat|\bassigned\b|\bdouble-blind", re.IGNORECASE)
#: The count's own verb tells an event of its people, not their allocation: "40 patients had a relapse", "Twelve patients
#: died", "18 patients withdrew", "nine developed a rash".
_EVENT_OF_PEOPLE = re.compile(
    # (an auxiliary "had" before taking part is no event: "88 patients had undergone randomization", "had been randomised")
    r"\s*(?:(?:in\s+all|overall|in\s+total)\s*,?\s*)?(?:(?:had|have)(?!\s+(?:\w+ly\s+)?(?:been\s+(?:\w+ly\s+)?|undergone\s+)?(?:randomi[sz]\w*|"
    r"enrol+ed|recruited|included|allocated|assigned|entered|participated|consented|agreed|joined)\b)|died|developed|experienced|suffered|relapsed|withdrew|discontinued|"
    r"dropped\s+out|complained|reported|required|needed|presented|(?:were|was)\s+(?:\w+ly\s+)?(?:withdrawn|excluded|lost|"
    r"hospitali[sz]ed|readmitted))\b", re.IGNORECASE)


def _total_of_arms(sentence: Sentence, arm_items: list[Extracted]) -> list[Extracted]:
    """A count of people, before the arm sizes of a sentence naming an allocation, that they add up to: the total
    allocated to the groups, whatever its verb ("105 patients were healed following either A (..., n = 52) or B (..., n = 53)"; the verb's kind, else
    treated); not a share, a fraction or a planned number."""
    if not _ALLOCATION_WORD.search(sentence.text):
        return []  # (only groups a trial allocated, not a breakdown: "There were 302 cases (218 X and 84 Y)")
    arm_items = arm_sizes(arm_items)  # the arm reader's review: only the counts it keeps as groups add up
    if len(arm_items) < 2:
        return []
    masked = _Masked.of(sentence)
    text = masked.text
    allocated = sum(item.value for item in arm_items)
    first_arm = min(item.span.start for item in arm_items) - sentence.start
    for start, count in masked.counts.items():
        people = _people_after(text, count.end)
        if start >= first_arm or count.value != allocated or people is None or _is_subset_or_fraction(sentence.text, count) \
                or _is_hypothetical(sentence.text, start) or _is_numerator(text, count) or _UNREAL.search(text[:start]):
            continue
        clause = _clause_after(text, count.end + people.end())
        if _OCCURRED_AFTER.match(clause) or _EVENT_OF_PEOPLE.match(_blank_brackets(clause)):
            continue  # "40 patients had a relapse (A, n = 15; placebo, n = 25)": people of an event, by group
        verb = _verb_kind(clause)
        return [_total(masked, start, verb[0] if verb else "treated", "arms_add_up")]
    return []


_SINGLE_ARM = re.compile(r"\b(?:single|one)[-\s]arm\b|\bnon-?randomi[sz]ed\b|\buncontrolled\b", re.IGNORECASE)


#: Fewer people than this are rarely a study's total ("2 randomised II/III trials", "two for participants
#: with ..."): such a count is taken only when nothing larger is stated.
SMALL_COUNT = 5


#: A crossover design, every person taking each treatment: "in this crossover trial", "a 2-way crossover, placebo-controlled,
#: multiple dose study",
#: "participants crossed over to the alternative regimen"; not a parallel trial's crossover on a trigger ("with crossover
#: to open-label everolimus permitted at progression", "placebo patients crossed over to drug A at week 24").
_CROSSED_OVER = re.compile(r"\bcross(?:ed)?[-\s]?over(?:\s*,?\s+[\w-]+){0,5}?\s+(?:trial|design|study|fashion|manner)\b|"
                           r"\bcross(?:ed)?[-\s]?over\s+to\s+the\s+(?:alternative|alternate|other|opposite)\s+"
                           r"(?:regimen|treatment|arm|condition|intervention|drug|group|period)s?\b", re.IGNORECASE)
#: ... and no crossover on a trigger in the sentence, nor counts of the sequence groups (halves of the people: "sequence
#: AB (n = 12) or BA (n = 12)").
_CROSSOVER_TRIGGER = re.compile(r"\b(?:progression|progressive|progressed|relapse|failure|permitted|allowed|optional|"
                                r"eligible|open[-\s]label|rescue|unblinding|"
                                r"(?:at|after|from|by|until|beyond)\s+(?:week|month|day|year|cycle|visit)s?\b|"
                                r"(?:at|after)\s+(?:#_*|\d+|\w+)\s+(?:weeks?|months?|days?|years?|cycles?))|"
                                r"\bsequences?\b|\b(?:AB|BA|ABC|ACB|BAC|BCA|CAB|CBA)\b(?=\s*\()", re.IGNORECASE)


def _crossover_design(sentence_text: str) -> bool:
    return bool(_CROSSED_OVER.search(sentence_text)) and not _CROSSOVER_TRIGGER.search(sentence_text)


def study_total(totals: list[Extracted], arms: list[Extracted] | tuple[Extracted, ...] = ()) -> Extracted | None:
    """The headline total, chosen among the candidates by a fixed ranking:

    0. a count of one is never a total (an event or a case: "One patient was treated with a chest tube");
    1. a total is never smaller than a per-arm count, nor equal to one of several arms (a subset,
       another cohort or one of the compared groups is not the whole): such candidates are dropped;
    2. of the pooled totals of a review only the largest stays (the others pool a subset of its studies);
    3. a count of at least SMALL_COUNT beats a smaller one;
    4. the highest kind wins (randomised > ITT > enrolled > eligible > treated > analysed / cohort > screened);
    5. among equals, the count the per-arm counts add up to (the whole allocated to the groups), else the first stated.
    """
    # one person is no study's total: "One patient was treated with a chest tube" is an event, "Patient 1" a case
    totals = [item for item in totals if item.value > 1]
    sizes = [item.value for item in arms]
    if sizes:
        largest = max(sizes)
        # (in a crossover every person takes each treatment, so a treatment's N is the whole: "placebo (n = 24) or
        # erythromycin (n = 24) ... participants crossed over to the alternative regimen", 24)
        crossed = any(item.value == largest and _crossover_design(item.span.sentence) for item in arms)
        totals = [item for item in totals if item.value > largest or ((len(sizes) == 1 or crossed) and item.value == largest)]
    # the professionals who treated the people are no sample beside the people's own count: "Thirty-two GPs were
    # recruited to the trial. Data on 412 patients were analysed."
    # (only a larger count of the people: "45 dentists ... the 3 patients listed by each participant" keeps the dentists)
    people_counts = [item.value for item in totals if not _counts_professionals(item)]
    if people_counts:
        totals = [item for item in totals if not _counts_professionals(item) or item.value >= max(people_counts)]
    # a procedure we performed in fewer people than a count stated before it was done in some of them, a subgroup: "We
    # retrospectively analysed 300 patients ... We performed liver resection in 45 patients" (300)
    # (so are people qualified before their N given the treatments compared after a larger total: "A total of 120 patients
    # were analysed. Patients with early disease (n = 45) received either A or B")
    totals = [item for index, item in enumerate(totals)
              if item.extractor not in ("participants.we_performed_in", "participants.qualified_people_n_treated")
              or not any(earlier.value > item.value for earlier in totals[:index])]
    # a count only its arms add up to is the whole of those groups, not of a larger sample stated anywhere ("In 842 patients
    # ... Of those, 438 patients ... were divided into the high (n = 293) and low (n = 145) groups": 842)
    totals = [item for item in totals if item.extractor != "participants.arms_add_up"
              or not any(other.value > item.value for other in totals if other is not item)]
    # the people a verbless participants section names are those analysed when a later sentence enrols more with its verb:
    # ".; 107 patients with gastric ulcer.; ... 172 patients were enrolled. ... leaving 107 patients eligible" (172)
    totals = [item for index, item in enumerate(totals) if item.extractor != "participants.verbless_sample"
              or not any(later.extractor == "participants.count_then_verb" and later.label in ("randomised", "enrolled")
                         and later.value > item.value for later in totals[index + 1:])]
    pooled = [item for item in totals if item.extractor == "participants.pooled_studies"]
    if pooled:
        largest_pool = max(pooled, key=lambda item: item.value)
        totals = [item for item in totals if item.extractor != "participants.pooled_studies" or item is largest_pool]
    # among counts of one kind, the one the per-arm counts add up to is the whole allocated to the groups: "Fifty-three
    # patients were recruited to undergo pH testing. Thirty patients with X were enrolled. By random assignment, 15
    # patients received A and the other 15 received placebo" (30, not the 53 first stated; an analysed subset the arms
    # of its analysis add up to stays below the enrolled: "322 were enrolled; 151 ... were included in the secondary
    # analysis (n=77 ... and n=74 ...)")
    # (stated on its own, before the allocation: not the sum of a breakdown in its own sentence, "T3 in 45.3% of all
    # patients (n = 39), ... in 31.4% (n = 27) and ... in 14% (n = 12)")
    allocated = sum(sizes) if len(sizes) >= 2 else None
    arm_sentences = {(item.span.field, item.span.section, item.span.sentence_start) for item in arms}
    best = None
    for item in totals:
        if best is None or _rank(item, allocated, arm_sentences) > _rank(best, allocated, arm_sentences):
            best = item
    return best


def _counts_professionals(item: Extracted) -> bool:
    """Whether the first people word after the count, in its clause, is a professional ("32 GPs were recruited")."""
    after = item.span.sentence[item.span.end - item.span.sentence_start:]
    people = re.match(r"[^.;:]{0,60}?\b(" + PEOPLE + r")\b", after, re.IGNORECASE)
    return people is not None and _PROFESSIONAL.fullmatch(people.group(1)) is not None


#: A part of the trial named before a count: "The pharmacogenomic substudy enrolled 180 patients" (the arms of the part
#: add up to it, but the trial's own total stays the whole).
_SUBSTUDY_BEFORE = re.compile(r"\b(?:sub-?stud(?:y|ies)|sub-?sets?|sub-?groups?|sub-?samples?|ancillary\s+stud(?:y|ies)|"
                              r"companion\s+stud(?:y|ies))\b", re.IGNORECASE)


def _rank(item: Extracted, allocated: int | None = None, arm_sentences: set | frozenset = frozenset()) -> tuple[bool, int, bool]:
    # (only a count of people taken in: an analysed subset or a cohort the arms of an analysis add up to stays second,
    # "A total of 2,549 consecutive patients underwent TAVI. ..., 1,558 cases were analysed. Three groups ... (n=89),
    # (n=53), (n=1,416)")
    sums_the_arms = item.value == allocated and KIND_RANK[item.label] >= KIND_RANK["eligible"] \
        and (item.span.field, item.span.section, item.span.sentence_start) not in arm_sentences \
        and not _SUBSTUDY_BEFORE.search(item.span.sentence[:item.span.start - item.span.sentence_start])
    return (item.value >= SMALL_COUNT, KIND_RANK[item.label], sums_the_arms)
