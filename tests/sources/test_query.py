"""The local query evaluator on real PubMed records: the review's query, field tags, properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbc_sr.config import load_config
from mbc_sr.pubmed_xml import ParsedRecord, parse_pubmed_xml
from mbc_sr.sources.query import MeshTree, QueryError, compile_query
from mbc_sr.sources.query_fields import RecordView, fold
from tests.conftest import REPO, shared_path


def records(name: str) -> dict[str, object]:
    """The current (last) version of each record in a shared PubMed file, by PMID."""
    found = {}
    for item in parse_pubmed_xml(shared_path(f"pubmed/{name}")):
        if isinstance(item, ParsedRecord):
            found[item.record.pmid] = item.record
    return found


@pytest.fixture(scope="module")
def eight():
    return records("pubmed21n1298_mtor_and_breast_8.xml")


@pytest.fixture(scope="module")
def quirks():
    return records("real_quirks_subset.xml")


def hits(query: str, pool: dict, **kw) -> set[str]:
    compiled = compile_query(query, **kw)
    return {pmid for pmid, record in pool.items() if compiled.matches(record)}


# --------------------------------------------------------------------------- the review's query

# The 8 records of pubmed21n1298 that mention both an mTOR-family term and "breast", read by
# hand against the three AND-ed groups of the review's query (breast cancer; an mTOR inhibitor;
# metastatic/advanced disease). None of the 8 has MeSH yet (Publisher / In-Data-Review /
# PubMed-not-MEDLINE status), so only the [tiab] terms can match: title, abstract, keywords.
HAND_READ = {
    "33964572": (True, "alpelisib + everolimus +/- exemestane, phase Ib: 'advanced breast cancer', "
                       "'everolimus', 'mTORC1', 'mechanistic target of rapamycin', 'advanced solid tumours'"),
    "33895695": (True, "ESME cohort of 20,446 metastatic breast cancer patients: 'metastatic breast cancer' "
                       "and 'use of everolimus ... in HR+/HER2- cohorts' - an observational report the "
                       "screen, not the search, must judge"),
    "34092611": (True, "FAS expression in breast cancer: 'breast cancer', 'target drugs including olaparib "
                       "and everolimus', 'metastatic relapse-free survival' - all three groups are met; "
                       "a sensitive search finds it and screening excludes it"),
    "34004210": (False, "breast-MILK stem cells in diabetic rats: 'breast milk' is none of the breast "
                        "cancer phrases, and 'mTOR' alone is no mTOR-inhibitor term"),
    "33961996": (False, "rubioncolin C in triple-negative breast cancer cells: it 'inhibited mTOR/Akt/p70S6K' "
                        "- no mTOR-inhibitor drug or class phrase ('mTOR inhibitor*' needs that word order)"),
    "34087508": (False, "letrozole, exemestane and everolimus on cell mechanics in breast cancer cell lines: "
                        "breast and mTOR groups match, but nothing says metastatic, advanced, stage IV or "
                        "recurrent ('invasive' is not a term of the query)"),
    "34093841": (False, "PI3K-AKT-mTOR mutational landscape in stage I-III breast cancer: 'PI3K-AKT-mTOR "
                        "pathway' names no inhibitor, and the disease is not metastatic/advanced"),
    "34094246": (False, "Raman spectroscopy of breast cancer cells: 'mammalian target of rapamycin (mTOR)' "
                        "meets the mTOR group, but no metastatic/advanced term appears"),
}


def test_the_reviews_query_finds_exactly_the_hand_read_records(eight):
    query = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc").query
    assert set(eight) == set(HAND_READ)
    expected = {pmid for pmid, (match, _why) in HAND_READ.items() if match}
    assert hits(query, eight) == expected == {"33964572", "33895695", "34092611"}


def test_each_group_of_the_query_behaves_as_read(eight):
    query = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc").query
    breast, mtor, advanced = (f"({group}" if not group.startswith("(") else group for group in _groups(query))
    assert hits(breast, eight) == set(HAND_READ) - {"34004210"}  # breast milk is not breast cancer
    assert hits(mtor, eight) == set(HAND_READ) - {"34004210", "33961996", "34093841"}
    assert "34087508" not in hits(advanced, eight) and "34094246" not in hits(advanced, eight)


def _groups(query: str) -> list[str]:
    depth, start, groups = 0, 0, []
    for index, char in enumerate(query):
        depth += char == "("
        depth -= char == ")"
        if char == ")" and depth == 0:
            groups.append(query[start : index + 1].strip())
            start = query.index("(", index) if "(" in query[index:] else index
    return groups


# --------------------------------------------------------------------------- field tags on real records


def test_word_fields(quirks, eight):
    assert hits("sirolimus-eluting[ti]", quirks) == {"32928717"}
    assert hits('"sirolimus eluting"[ti]', quirks) == {"32928717"}  # hyphen = word break
    assert hits("sirolimus[ti]", quirks) == {"32928717"}
    assert hits("sirolim[ti]", quirks) == set()  # whole words only
    assert hits("sirolim*[ti]", quirks) == {"32928717"}
    assert hits("everolimus[ti]", quirks) == {"32928717"}  # "everolimus-eluting"
    # "Polymers" is a substance and a MeSH heading of the stent record; its title says "polymer"
    assert hits("polymers[nm]", quirks) == {"32928717"}
    assert hits("polymers", quirks) == {"32928717"}  # untagged: MeSH and substances are searched
    assert hits("polymers[tiab]", quirks) == set()
    assert hits("polymers[tw]", quirks) == {"32928717"}
    assert hits("polymer[tiab]", quirks) == {"32928717"}
    # [tiab] includes author keywords; [ti] and [ab] do not; diacritics fold ("Acetábulo")
    assert hits("acetabulo[tiab]", quirks) == {"29807784"}
    assert hits("acetabulo[ti] OR acetabulo[ab]", quirks) == set()
    assert "33964572" in hits("alpelisib[ab]", eight) and "33964572" in hits("alpelisib[ti]", eight)
    assert hits('"mtor inhibitor"[ab]', eight) == {"34087508"}  # "one mTOR Inhibitor (Everolimus)"


def test_a_phrase_never_spans_two_parts_of_a_field(eight):
    record = eight["33964572"]  # keywords "Advanced breast cancer" then "Alpelisib"
    assert compile_query('"advanced breast cancer alpelisib"[tiab]').matches(record) is False
    assert compile_query('"advanced breast cancer"[tiab]').matches(record)


def test_mesh_descriptor_major_topic_and_qualifiers(quirks):
    assert hits('"Drug-Eluting Stents"[mh]', quirks) == {"32928717"}
    assert hits('"drug eluting stents"[mesh]', quirks) == {"32928717"}
    assert hits('"Drug-Eluting"[mh]', quirks) == set()  # a descriptor is matched whole
    assert hits('"Drug-Eluting*"[mh]', quirks) == {"32928717"}
    assert hits('"Coronary Artery Disease"[majr]', quirks) == {"32928717"}
    assert hits('"Absorbable Implants"[majr]', quirks) == set()  # indexed, not major
    assert hits('"Absorbable Implants"[mh]', quirks) == {"32928717"}
    # PMID 399297: Pineal Gland/physiology* is starred through its qualifier
    assert "399297" in hits('"Pineal Gland"[majr]', quirks)
    assert "399297" in hits('"Pineal Gland/physiology"[majr]', quirks)
    assert "399297" not in hits('"Pineal Gland/enzymology"[majr]', quirks)
    assert "399297" in hits('"Pineal Gland/enzymology"[mh]', quirks)
    assert "399297" not in hits('"Pineal Gland/blood"[mh]', quirks)


def test_mesh_explosion_with_a_tree_file(quirks, tmp_path):
    # a hand-written excerpt in the format of NLM's mtrees<year>.bin ("Name;TreeNumber"); the
    # tree numbers are made up for the test, only the format is NLM's
    tree_file = tmp_path / "mtrees.bin"
    tree_file.write_text("Equipment and Supplies;E07\nProstheses and Implants;E07.695\n"
                         "Absorbable Implants;E07.695.050\nStents;E07.695.750\nDrug-Eluting Stents;E07.695.750.500\n")  # fmt: skip
    tree = MeshTree.from_mtrees(tree_file)
    assert hits('"Prostheses and Implants"[mh]', quirks) == set()
    assert hits('"Prostheses and Implants"[mh]', quirks, mesh_tree=tree) == {"32928717"}  # via its narrower terms
    assert hits('"Prostheses and Implants"[mh:noexp]', quirks, mesh_tree=tree) == set()
    assert hits('"Prostheses and Implants"[majr]', quirks) == set()
    assert hits('"Prostheses and Implants"[majr]', quirks, mesh_tree=tree) == {"32928717"}  # Drug-Eluting Stents*
    assert hits('"Absorbable Implants"[majr]', quirks, mesh_tree=tree) == set()  # narrower, not major
    assert hits('"Drug-Eluting Stents"[mh]', quirks, mesh_tree=tree) == {"32928717"}  # a leaf is itself
    provenance = compile_query('"Stents"[mh]', mesh_tree=tree).provenance()
    assert provenance["mesh_explosion"] is True and provenance["mesh_tree"]["sha256"]
    bad = tmp_path / "bad.bin"
    bad.write_text("Stents E07\n")
    with pytest.raises(ValueError, match="line 1"):
        MeshTree.from_mtrees(bad)


def test_without_a_tree_file_the_provenance_says_mh_is_not_exploded():
    provenance = compile_query('"Breast Neoplasms"[mh] AND x[tiab]').provenance()
    assert provenance["mesh_explosion"] is False
    assert any("[mh:noexp]" in note for note in provenance["notes"])
    assert any("automatic term mapping" in note for note in provenance["notes"])
    assert not any("MeSH tree" in note for note in compile_query("x[tiab]").provenance()["notes"])


def test_publication_type_substance_language_journal_author_and_secondary_source(quirks):
    assert hits('"Randomized Controlled Trial"[pt]', quirks) == {"30578883", "32928717"}
    assert hits('"Clinical Trial, Phase*"[pt]', quirks) == {"30578883"}
    assert hits("letter[pt]", quirks) == {"32472320"}
    assert hits('"Antibodies, Monoclonal, Humanized"[nm]', quirks) == {"30578883"}
    assert hits("spanish[la]", quirks) == hits("spa[la]", quirks) == {"29807784"}
    assert hits("afrikaans[la]", quirks) == {"399297"}
    assert hits("ita[la] OR ger[la]", quirks) == {"399319", "32472320"}
    assert hits("eurointervention[ta]", quirks) == {"31719001", "32928717"}
    assert hits('"J Allergy Clin Immunol"[ta]', quirks) == {"21388667", "30578883"}
    assert hits("1097-6825[ta]", quirks) == {"21388667", "30578883"}  # ISSN
    assert hits("NCT03935542[si]", quirks) == {"31719001"}
    assert hits('"ClinicalTrials.gov/NCT04390672"[si]', quirks) == {"32928717"}
    assert hits("GSE152773[si]", quirks) == {"33720012"}
    assert hits("terblanche[au]", quirks) == {"399297"}
    assert hits('"terblanche h"[au]', quirks) == {"399297"}  # initials truncate: H finds HM
    assert hits('"terblanche x"[au]', quirks) == set()
    assert hits('"chana rodriguez f"[au]', quirks) == {"29807784"}  # "Chana Rodríguez F"
    assert hits("terblan*[au]", quirks) == {"399297"}
    assert hits("terblan[au]", quirks) == set()


def test_dates(quirks):
    assert hits("1979[dp]", quirks) == {"399297", "399319", "399332", "401343"}
    # MedlineDate "1979 Jul-Sep" is the period July to September 1979
    assert "399319" in hits("1979/08[dp]", quirks) and "399319" in hits("1979/09/30[dp]", quirks)
    assert "399319" not in hits("1979/10[dp]", quirks) and "399319" not in hits("1979/06[dp]", quirks)
    assert "399332" in hits("1979/04[dp]", quirks)  # "1979 Spring": no month, so the whole year
    assert hits("1977:1978[dp]", quirks) == {"400712", "400955"}
    # a year-only record date (31993508: "2020") is the whole year: it overlaps any day of it
    assert hits('"2020/10/09"[dp]', quirks) == {"31719001", "31993508"}
    assert hits('"2020/10"[dp]', quirks) == {"31719001", "34013271", "31993508"}
    assert hits('"2020/06/01"[dp] : "2020/06/30"[dp]', quirks) == {"31993508"}
    # [crdt] is the entrez date, never back-dated: 30271887 version 4 entered on 2021-06-07
    assert hits('"2021/06/01"[crdt] : "2021/06/30"[crdt]', quirks) == {"30271887"}
    assert hits("2021/05/20[crdt]", quirks) == {"34013271"}
    assert hits('"2019/11/14:2019/11/14"[crdt]', quirks) == {"31719001"}


def test_boolean_operators_on_real_records(quirks):
    rct = hits('"Randomized Controlled Trial"[pt]', quirks)
    eng = hits("eng[la]", quirks)
    assert hits('"Randomized Controlled Trial"[pt] NOT eng[la]', quirks) == rct - eng
    assert hits('eng[la] NOT "Randomized Controlled Trial"[pt]', quirks) == eng - rct
    assert hits('eng[la] OR "Randomized Controlled Trial"[pt] AND 2019[dp]', quirks) == (eng | rct) & hits("2019[dp]", quirks)


def test_values_the_evaluator_cannot_run_are_errors():
    for query, token in [("klingon[la]", "klingon"), ('"-"[tiab]', "-"), ("eng*[la]", "eng*")]:
        with pytest.raises(QueryError) as raised:
            compile_query(query)
        assert raised.value.token == token and raised.value.position == 0
    with pytest.raises(QueryError, match="ends before it starts"):
        compile_query("2020:2010[dp]")
    with pytest.raises(QueryError, match="calendar date"):
        compile_query('"2021/02/30"[dp]')
    with pytest.raises(QueryError, match="descriptor/qualifier"):
        compile_query('"Stents/surgery*"[mh]')


# --------------------------------------------------------------------------- properties


def _reference_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


def _reference_match(phrase: list[str], truncated: bool, parts: list[str]) -> bool:
    """A plain, slow reading of the matching rule: consecutive words within one part."""
    for part in parts:
        tokens = _reference_words(part)
        for start in range(len(tokens) - len(phrase) + 1):
            window = tokens[start : start + len(phrase)]
            if window[:-1] == phrase[:-1] and (
                window[-1].startswith(phrase[-1]) if truncated else window[-1] == phrase[-1]
            ):
                return True
    return False


@pytest.fixture(scope="module")
def sample_records(eight, quirks):
    return list(eight.values()) + list(quirks.values())


@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_word_matching_agrees_with_a_plain_reference_reading(sample_records, data):
    record = data.draw(st.sampled_from(sample_records))
    parts = [record.title, *(s.text for s in record.abstract), *record.keywords]
    tokens = [w for part in parts for w in _reference_words(part)] or ["x"]
    start = data.draw(st.integers(0, len(tokens) - 1))
    length = data.draw(st.integers(1, 4))
    phrase = tokens[start : start + length]
    truncated = data.draw(st.booleans())
    if truncated:
        phrase[-1] = phrase[-1][: data.draw(st.integers(1, len(phrase[-1])))]
    if data.draw(st.booleans()):  # sometimes a phrase that is probably absent
        phrase = [*phrase, data.draw(st.sampled_from(["cancer", "the", "zzz", "of"]))]
    query = f'"{" ".join(phrase)}{"*" if truncated else ""}"[tiab]'
    expected = _reference_match(phrase, truncated, parts)
    assert compile_query(query).matches(record) == expected, query


@given(data=st.data())
@settings(max_examples=100, deadline=None)
def test_and_or_not_obey_set_algebra(sample_records, data):
    vocabulary = ["breast[tiab]", "everolimus[tiab]", "metasta*[tiab]", "eng[la]", "2021[dp]",
                  '"Journal Article"[pt]', "Humans[mh]", "cancer", "mTOR[tiab]"]  # fmt: skip
    a, b = data.draw(st.sampled_from(vocabulary)), data.draw(st.sampled_from(vocabulary))
    for record in sample_records:
        x, y = compile_query(a).matches(record), compile_query(b).matches(record)
        assert compile_query(f"{a} AND {b}").matches(record) == (x and y)
        assert compile_query(f"{a} OR {b}").matches(record) == (x or y)
        assert compile_query(f"{a} NOT {b}").matches(record) == (x and not y)


def test_record_view_builds_each_field_once(eight):
    view = RecordView(eight["33964572"])
    assert view.text("tiab") is view.text("tiab")
    assert " everolimus " in view.text("tiab") and "everolimus" in view.raw("tiab")
