"""The record model and its normalisers (mbc_sr.records).

Spec, as these tests read it:

* `normalise_doi` gives the lower-cased DOI without resolver prefix, "doi:" label or trailing
  punctuation; it is idempotent and case-insensitive, and anything not DOI-shaped gives None.
* `normalise_pmcid` gives "PMC<digits>"; `normalise_pmid` gives the digits without leading
  zeros; both give None (never raise) for anything that is not such an identifier.
* `month_number` reads "Jun", "June", "06", "6"; `parse_medline_date` finds the year (and
  the first month, day or season) in PubMed's free-text MedlineDate and keeps the text.
* A `Record` survives `to_dict()` -> JSON -> `record_from_dict()` unchanged.
"""

from __future__ import annotations

import json
import re
import string
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mbc_sr.records import (
    MONTH_ABBREVIATIONS,
    AbstractSection,
    ArticleId,
    Author,
    Chemical,
    CommentCorrection,
    DataBankAccession,
    HistoryDate,
    Journal,
    MeshHeading,
    MeshQualifier,
    PublicationDate,
    PublicationType,
    Record,
    month_number,
    normalise_doi,
    normalise_pmcid,
    normalise_pmid,
    parse_medline_date,
    record_from_dict,
    record_key,
    whitespace_normalised,
)

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SEASONS = ("Spring", "Summer", "Autumn", "Fall", "Winter")

# --------------------------------------------------------------------------- DOI

# "10." + registrant code + "/" + suffix. Registrants as in PubMed: 4-5 digits (none of the 87k DOIs in
# the shared files uses a subdivided registrant like "10.1000.10", which the normaliser does not take).
registrants = st.from_regex(r"\A[1-9][0-9]{3,4}\Z")
# Suffixes as they occur in PubMed (ASCII; e.g. "0005-2795(76)90109-4", "j.1365-3024.1979.tb00697.x",
# "(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E"). The last character is not one the
# normaliser trims as trailing punctuation, so the suffix is a complete DOI on its own.
_SUFFIX_BODY = string.ascii_letters + string.digits + "-._;()/:<>[]"
suffixes = st.builds(
    lambda body, last: body + last,
    st.text(alphabet=_SUFFIX_BODY, max_size=30),
    st.sampled_from(string.ascii_letters + string.digits),
)
dois = st.builds(lambda registrant, suffix: f"10.{registrant}/{suffix}", registrants, suffixes)
DOI_PREFIXES = (
    "", "doi:", "DOI:", "doi: ", "doi ", "https://doi.org/", "http://doi.org/", "http://dx.doi.org/",
    "https://dx.doi.org/", "HTTPS://DOI.ORG/", "doi.org/", "dx.doi.org/", "urn:doi:",
)
decorated_dois = st.builds(
    lambda lead, prefix, doi, trail: f"{lead}{prefix}{doi}{trail}",
    st.sampled_from(["", " ", "\t", "\n "]),
    st.sampled_from(DOI_PREFIXES),
    dois,
    st.text(alphabet=" .,;)]}>", max_size=3),
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10.1056/NEJMoa2028564", "10.1056/nejmoa2028564"),
        ("https://doi.org/10.1056/NEJMoa2028564", "10.1056/nejmoa2028564"),
        ("http://dx.doi.org/10.1016/0005-2795(76)90109-4", "10.1016/0005-2795(76)90109-4"),
        ("doi:10.1111/j.1365-3024.1979.tb00697.x", "10.1111/j.1365-3024.1979.tb00697.x"),
        ("DOI: 10.4244/EIJ-D-19-00534.", "10.4244/eij-d-19-00534"),
        ("doi: https://doi.org/10.7554/eLife.66668", "10.7554/elife.66668"),  # two prefixes
        ("urn:doi:10.1242/jcs.238337", "10.1242/jcs.238337"),
        ("  10.1101/2020.07.25.217158  ", "10.1101/2020.07.25.217158"),
    ],
)
def test_normalise_doi_strips_resolver_prefixes_and_lower_cases(raw, expected):
    assert normalise_doi(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [None, "", "   ", "not a doi", "10.1000", "10.12/abc", "11.1000/abc", "10.1000/",
     "https://example.org/10.1000/abc", "PMC3105203", "30271887"],
)
def test_normalise_doi_rejects_strings_that_are_not_dois(raw):
    assert normalise_doi(raw) is None


@given(st.sampled_from(DOI_PREFIXES), dois)
def test_normalise_doi_strips_any_resolver_prefix(prefix, doi):
    assert normalise_doi(prefix + doi) == doi.lower()


@given(st.one_of(decorated_dois, st.text()))
@example("10.1000/abc. .")
def test_normalise_doi_is_idempotent(raw):
    once = normalise_doi(raw)
    assert normalise_doi(once) == once


@given(decorated_dois)
def test_normalise_doi_is_case_insensitive(raw):
    assert normalise_doi(raw.upper()) == normalise_doi(raw.lower()) == normalise_doi(raw)


@given(st.text())
def test_normalise_doi_returns_none_or_a_lower_case_doi(raw):
    result = normalise_doi(raw)
    if "10." not in "".join(raw.split()):  # white space inside a DOI is dropped (line-wrapped DOIs)
        assert result is None
    if result is not None:
        assert re.fullmatch(r"10\.\d{3,9}/\S+", result)
        assert result == result.lower()


# --------------------------------------------------------------------------- PMCID / PMID

pmc_numbers = st.integers(min_value=1, max_value=999_999_999)


@given(pmc_numbers, st.sampled_from(["PMC{}", "pmc{}", "Pmc{}", "{}", " PMC{} ", "PMCID: {}", "pmcid:{}"]))
def test_normalise_pmcid_reads_the_usual_spellings(number, pattern):
    assert normalise_pmcid(pattern.format(number)) == f"PMC{number}"


@given(st.text())
def test_normalise_pmcid_is_idempotent_and_never_raises(raw):
    once = normalise_pmcid(raw)
    assert normalise_pmcid(once) == once


@pytest.mark.parametrize("raw", [None, "", "PMC", "abc", "PMC12a", "PMC-1", "PMC 1 2", "1234567890", "PMC0", "0"])
def test_normalise_pmcid_rejects_what_is_not_a_pmcid(raw):
    """PMCIDs are positive numbers, like PMIDs: "PMC0" is not one (normalise_pmid rejects 0 too)."""
    assert normalise_pmcid(raw) is None


def test_normalise_pmcid_drops_the_article_version_suffix():
    """PubMed writes versioned PMC ids ("PMC6134338.4" in PMID 30271887 v4, pubmed21n1298);
    the article is still PMC6134338, as versions 1-3 of the same record say."""
    assert normalise_pmcid("PMC6134338.4") == "PMC6134338"


pmids = st.integers(min_value=1, max_value=10**9)


@given(pmids, st.integers(min_value=0, max_value=3), st.sampled_from(["", " ", "\n"]))
def test_normalise_pmid_gives_digits_without_leading_zeros(number, zeros, space):
    assert normalise_pmid(number) == str(number)
    assert normalise_pmid(f"{space}{'0' * zeros}{number}{space}") == str(number)


@pytest.mark.parametrize("raw", [None, "", "0", "000", 0, -5, "-5", "12a", "1.5", "PMID: 123", " "])
def test_normalise_pmid_rejects_what_is_not_a_positive_integer(raw):
    assert normalise_pmid(raw) is None


@given(st.text())
@example("²")  # str.isdigit() is True for superscript digits, int() refuses them
def test_normalise_pmid_never_raises_and_is_idempotent(raw):
    once = normalise_pmid(raw)
    assert once is None or re.fullmatch(r"[1-9][0-9]*", once)
    assert normalise_pmid(once) == once


# --------------------------------------------------------------------------- months and MedlineDate

months = st.integers(min_value=1, max_value=12)


@given(months, st.sampled_from([str.lower, str.upper, str.title]))
def test_month_number_reads_names_abbreviations_and_numbers(month, case):
    assert month_number(case(MONTH_ABBREVIATIONS[month - 1])) == month
    assert month_number(case(MONTH_NAMES[month - 1])) == month
    assert month_number(str(month)) == month
    assert month_number(f"{month:02d}") == month
    assert month_number(f" {month} ") == month


@pytest.mark.parametrize("raw", [None, "", "0", "00", "13", "99", "Spring", "Winter", "x", "Ju"])
def test_month_number_rejects_non_months(raw):
    assert month_number(raw) is None


@given(st.text())
@example("²")
def test_month_number_never_raises(raw):
    result = month_number(raw)
    assert result is None or 1 <= result <= 12
    starts_like_a_month = raw.strip()[:3].lower() in {m.lower() for m in MONTH_ABBREVIATIONS}
    if not starts_like_a_month and not raw.strip().isdigit():
        assert result is None


years = st.integers(min_value=1600, max_value=2099)
month_abbreviations = st.sampled_from(MONTH_ABBREVIATIONS)


@given(years, month_abbreviations, month_abbreviations)
def test_medline_date_year_month_range(year, first, last):
    """ "1979 Jul-Sep": year 1979, first month, the text kept verbatim."""
    text = f"{year} {first}-{last}"
    parsed = parse_medline_date(text)
    assert (parsed.year, parsed.month, parsed.day, parsed.season) == (
        year, MONTH_ABBREVIATIONS.index(first) + 1, None, None,
    )
    assert parsed.medline_date == text


@given(years, month_abbreviations, month_abbreviations)
def test_medline_date_range_across_years(year, first, last):
    """ "1998 Dec-1999 Jan": the first year and month."""
    parsed = parse_medline_date(f"{year} {first}-{year + 1} {last}")
    assert (parsed.year, parsed.month, parsed.day) == (year, MONTH_ABBREVIATIONS.index(first) + 1, None)


@given(years, month_abbreviations, st.integers(1, 31), st.integers(1, 31))
def test_medline_date_day_range(year, month, first_day, last_day):
    """ "1977 Apr 13-15": the first day too."""
    parsed = parse_medline_date(f"{year} {month} {first_day}-{last_day}")
    assert (parsed.year, parsed.month, parsed.day) == (year, MONTH_ABBREVIATIONS.index(month) + 1, first_day)


@given(years, st.sampled_from(SEASONS), st.sampled_from(SEASONS), st.sampled_from([str.lower, str.title]))
def test_medline_date_season_is_kept_as_text_not_guessed_as_a_month(year, season, other, case):
    parsed = parse_medline_date(f"{year} {case(season)}-{case(other)}")
    assert (parsed.year, parsed.month, parsed.season) == (year, None, season)


@given(years, st.integers(1, 5))
def test_medline_date_year_range(year, span):
    parsed = parse_medline_date(f"{year}-{year + span}")
    assert (parsed.year, parsed.month, parsed.season) == (year, None, None)


@given(st.text())
def test_medline_date_keeps_any_text_and_finds_a_year_only_if_there_is_one(text):
    parsed = parse_medline_date(text)
    assert parsed.medline_date == text
    if parsed.year is not None:
        assert str(parsed.year) in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # every shape of MedlineDate in pubmed20n0014 and pubmed21n1298 (year, month, day, season)
        ("1979 Jul-Sep", (1979, 7, None, None)),
        ("1977 Apr 13-15", (1977, 4, 13, None)),
        ("1977 Aug 27-Sep 3", (1977, 8, 27, None)),
        ("1979 Nov-1980 May", (1979, 11, None, None)),
        ("1977 Fall-Winter", (1977, None, None, "Fall")),
        ("1979-1980 Fall", (1979, None, None, "Fall")),
        ("1979-1980 Fall-Winter", (1979, None, None, "Fall")),
        ("1977-1978", (1977, None, None, None)),
        ("2021 3rd Quarter", (2021, None, None, None)),
        ("2021 Apr-Jun 01", (2021, 4, None, None)),
    ],
)
def test_medline_date_shapes_found_in_real_files(text, expected):
    parsed = parse_medline_date(text)
    assert (parsed.year, parsed.month, parsed.day, parsed.season) == expected
    assert parsed.medline_date == text
    assert parsed.text == text


def test_whitespace_normalised_collapses_every_kind_of_white_space():
    assert whitespace_normalised("  a \n\t b\u00a0c\u2009d  ") == "a b c d"


# --------------------------------------------------------------------------- the record model


def test_record_key_is_the_pmid_for_pubmed_records_from_any_pubmed_source():
    assert Record(source="pubmed", source_record_id="30271887", pmid="30271887").key == "pmid:30271887"
    assert record_key("pubmed", "30271887", "30271887") == "pmid:30271887"
    assert record_key("embase", "L123", "30271887") == "embase:L123"
    assert record_key("pubmed", "x", None) == "pubmed:x"


def test_record_derived_fields():
    record = Record(
        source="pubmed",
        source_record_id="1",
        abstract=(AbstractSection("Why.", "BACKGROUND", "BACKGROUND"), AbstractSection("Unlabelled text.")),
        pub_date=PublicationDate(year=2019, month=6),
        history=(
            HistoryDate("received", 2018, 7, 10),
            HistoryDate("pubmed", 2018, 12, 24),
            HistoryDate("medline", 2020, 5, 6),
            HistoryDate("entrez", 2018, 12, 23),
        ),
        databank_accessions=(
            DataBankAccession("ClinicalTrials.gov", "NCT03935542"),
            DataBankAccession("GEO", "GSE152773"),
            DataBankAccession("ClinicalTrials.gov", "NCT123"),  # not an NCT id: 8 digits needed
        ),
        mesh_headings=(MeshHeading("Iron", "D007501", False, (MeshQualifier("analysis", "Q000032", True),)),),
    )
    assert record.abstract_text == "BACKGROUND: Why.\nUnlabelled text."
    assert record.year == 2019
    assert record.create_date == date(2018, 12, 23)
    assert record.entry_date == date(2018, 12, 24)
    assert record.mesh_date == date(2020, 5, 6)
    assert record.history_date("accepted") is None
    assert record.nct_ids == ("NCT03935542",)
    assert record.mesh_headings[0].is_major
    assert Author(collective_name="Canadian Respiratory Research Network").display_name == (
        "Canadian Respiratory Research Network"
    )
    assert Author("Bishop", "Dorothy V M", "DVM").display_name == "Bishop DVM"


# Strategies for records as the parser builds them: required text is non-empty, optional text is
# None or non-empty (the parser never stores ""), numbers are in their real ranges.
text = st.text(min_size=1, max_size=12)
optional_text = st.none() | text
some = lambda strategy: st.lists(strategy, max_size=3).map(tuple)  # noqa: E731

publication_dates = st.builds(
    PublicationDate,
    year=st.none() | years,
    month=st.none() | months,
    day=st.none() | st.integers(1, 31),
    season=st.none() | st.sampled_from(SEASONS),
    medline_date=optional_text,
)
mesh_headings = st.builds(
    MeshHeading,
    descriptor_name=text,
    descriptor_ui=optional_text,
    major=st.booleans(),
    qualifiers=some(st.builds(MeshQualifier, name=text, ui=optional_text, major=st.booleans())),
)
records = st.builds(
    Record,
    source=st.sampled_from(["pubmed", "embase", "ris"]),
    source_record_id=text,
    pmid=st.none() | pmids.map(str),
    pmid_version=st.none() | st.integers(1, 9),
    doi=st.none() | dois.map(str.lower),
    pmcid=st.none() | pmc_numbers.map("PMC{}".format),
    title=st.text(max_size=30),
    vernacular_title=optional_text,
    abstract=some(st.builds(AbstractSection, text=st.text(max_size=20), label=optional_text, nlm_category=optional_text)),
    authors=some(st.builds(Author, last_name=optional_text, fore_name=optional_text, initials=optional_text,
                           collective_name=optional_text)),
    journal=st.none() | st.builds(Journal, title=optional_text, iso_abbreviation=optional_text, issn=optional_text,
                                  issn_type=optional_text, medline_ta=optional_text, nlm_unique_id=optional_text),
    volume=optional_text,
    issue=optional_text,
    pages=optional_text,
    pub_date=publication_dates,
    languages=some(text),
    publication_types=some(st.builds(PublicationType, name=text, ui=optional_text)),
    mesh_headings=some(mesh_headings),
    chemicals=some(st.builds(Chemical, name=text, ui=optional_text, registry_number=optional_text)),
    keywords=some(text),
    databank_accessions=some(st.builds(DataBankAccession, databank=text, accession=text)),
    comments_corrections=some(st.builds(CommentCorrection, ref_type=text, pmid=optional_text, ref_source=optional_text)),
    history=some(st.builds(HistoryDate, status=text, year=years, month=st.none() | months,
                           day=st.none() | st.integers(1, 31))),
    article_ids=some(st.builds(ArticleId, id_type=text, value=text)),
    citation_status=optional_text,
    publication_status=optional_text,
    date_revised=optional_text,
    is_book=st.booleans(),
    book_title=optional_text,
    publisher=optional_text,
)


@given(records)
def test_record_round_trips_through_a_json_dict(record):
    plain = record.to_dict()
    assert record_from_dict(plain) == record
    assert record_from_dict(json.loads(json.dumps(plain))) == record


@given(records)
def test_record_dict_leaves_out_empty_parts(record):
    plain = record.to_dict()
    assert {"source", "source_record_id", "title"} <= plain.keys()
    assert all(value not in (None, (), [], "", False) for key, value in plain.items() if key not in
               {"source", "source_record_id", "title"})


@pytest.mark.parametrize(
    "part",
    [
        DataBankAccession("", "NCT03935542"),  # the parser's fallback when <DataBankName> is missing
        CommentCorrection("", "6106651"),  # the parser's fallback when RefType is missing
    ],
    ids=["databank-without-name", "comment-without-reftype"],
)
def test_record_round_trip_keeps_parts_the_parser_builds_with_empty_required_text(part):
    field = "databank_accessions" if isinstance(part, DataBankAccession) else "comments_corrections"
    record = Record(source="pubmed", source_record_id="1", pmid="1", **{field: (part,)})
    assert record_from_dict(record.to_dict()) == record


def test_records_are_plain_values():
    """Two records with the same fields are equal; tuples, never lists, hold the parts."""
    first = Record(source="pubmed", source_record_id="1", keywords=("a", "b"))
    assert first == record_from_dict(first.to_dict())
    assert isinstance(record_from_dict(first.to_dict()).keywords, tuple)
