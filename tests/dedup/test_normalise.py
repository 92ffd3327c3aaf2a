"""Normalisers: fixed examples of the variants databases produce, and properties (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbc_sr.dedup.normalise import (
    author_key,
    normalise_journal,
    normalise_pages,
    normalise_text,
    normalise_title,
    normalise_volume,
    notice_kind,
    title_variants,
)
from mbc_sr.dedup.match import journals_compatible
from mbc_sr.dedup.normalise import authors_of


def read_csv_text(text: str):
    """The one record of a CSV text, read by the benchmark-CSV reader (a temporary file)."""
    import tempfile
    from pathlib import Path

    from mbc_sr.dedup.io import read_csv_records

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.csv"
        path.write_text(text, encoding="utf-8")
        (record,) = read_csv_records(path)
    return record


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Everolimus in Postmenopausal Hormone-Receptor-Positive Advanced Breast Cancer.",
         "everolimus in postmenopausal hormone receptor positive advanced breast cancer"),
        ("TNF-α <i>in vivo</i> &amp; in vitro", "TNF-alpha in vivo & in vitro"),
        ("[A study on the use of mycobacterium vaccine in the treatment of tuberculous pleurisy]",
         "A study on the use of mycobacterium vaccine in the treatment of tuberculous pleurisy"),
        ("Utilité de la chimiothérapie [Article in French]", "Utilite de la chimiotherapie"),
        ("RETRACTED: Everolimus and breast cancer", "Everolimus and breast cancer"),
        ("Update on HPV infection. [Review] [33 refs]", "Update on HPV infection"),
        ("Thoracoscopic decortication: a randomized trial.[Erratum appears in J Pediatr Surg. 2009 Sep;44(9):1865",
         "Thoracoscopic decortication: a randomized trial"),
        ('"Optimal therapy of malignant pleural effusions"', "Optimal therapy of malignant pleural effusions"),
        ("Utilidad en la toracostom?a cerrada", "Utilidad en la toracostoma cerrada"),
    ],
)
def test_title_variants_normalise_alike(a, b):
    assert normalise_title(a) == normalise_title(b)


def test_two_language_title_fields_give_each_language_as_a_variant():
    variants = title_variants(
        "Utilidad de los antimicrobianos en la toracostomia cerrada por trauma; "
        "Are antimicrobials useful in closed thoracostomy due to trauma?"
    )
    assert "are antimicrobials useful in closed thoracostomy due to trauma" in variants
    assert normalise_title("[Are antimicrobials useful in closed thoracostomy due to trauma?]") in variants
    original = title_variants("Antibiotic prophylaxis in thoracic surgery. <ORIGINAL> PROPHYLAXIE ANTIBIOTIQUE EN CHIRURGIE")
    assert "antibiotic prophylaxis in thoracic surgery" in original


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("595-7", ("595", "597")),
        ("595-597", ("595", "597")),
        ("1324–27", ("1324", "1327")),
        ("47--65", ("47", "65")),
        ("S10-S11", ("s10", "s11")),
        ("e12724", ("e12724", "")),
        ("0091-0092", ("91", "92")),
        ("230-5, 246-51, 233-8", ("230", "235")),
        ("Abstract nr P6-04-02", ("p6-04-02", "")),
        ("abstr 1012", ("1012", "")),
        ("Suppl-12", ("", "")),  # a damaged field is missing, not a page
        ("01-Jun", ("", "")),  # a spreadsheet turned "1-6" into a date
        ("", ("", "")),
        (None, ("", "")),
    ],
)
def test_pages(raw, expected):
    assert normalise_pages(raw) == expected


def test_author_spellings_agree():
    assert author_key("Zhou", "X.") == author_key("Zhou", "Xiangdong") == ("zhou", "x")
    assert author_key("von Pawel", "J") == author_key("Pawel", "J")
    assert author_key("Lynch Jr", "TJ") == author_key("Lynch", "T")
    assert author_key("Vázquez-Martínez", "AM") == ("vazquezmartinez", "a")
    full = read_csv_text("ID,title,author\n1,T,\"Zhou, Xiangdong and Lan, Jian and Zhang, Ting\"\n")
    initials = read_csv_text("ID,title,author\n1,T,\"Zhou, X. and Lan, J. and Zhang, T.\"\n")
    assert authors_of(full) == authors_of(initials) == (("zhou", "x"), ("lan", "j"), ("zhang", "t"))
    assert authors_of(read_csv_text("ID,title,author\n1,T,Zuna RE; Wang SS\n")) == (("zuna", "r"), ("wang", "s"))


def test_journal_abbreviations_match_full_titles():
    full = normalise_journal("JPEN. Journal of parenteral and enteral nutrition")
    assert journals_compatible(normalise_journal("J Parenter Enteral Nutr"), normalise_journal("Journal of Parenteral & Enteral Nutrition")) == 90
    assert journals_compatible(normalise_journal("Jpen: Journal of Parenteral & Enteral Nutrition"), full) == 100
    assert journals_compatible(normalise_journal("Lancet"), normalise_journal("Cancer")) == 0
    assert journals_compatible((), full) is None


def test_volume():
    assert normalise_volume("020") == normalise_volume("Vol. 20") == "20"
    assert normalise_volume("Suppl 1") == "suppl1"
    assert normalise_volume(None) == ""


@pytest.mark.parametrize(
    ("title", "types", "links", "kind"),
    [
        ("Erratum: Everolimus in breast cancer", (), (), "erratum"),
        ("Correction to: Everolimus in breast cancer", (), (), "erratum"),
        ("Everolimus in breast cancer", ("Published Erratum",), (), "erratum"),
        ("Retraction note to: Everolimus in breast cancer", (), (), "retraction"),
        ("Everolimus in breast cancer", ("Retraction of Publication",), (), "retraction"),
        ("RETRACTED: Everolimus in breast cancer", (), (), "article"),  # the watermarked article itself
        ("Reply to: Everolimus in breast cancer", (), (), "reply"),
        ("Everolimus in breast cancer", ("Letter", "Comment"), (), "comment"),
        ("Everolimus in breast cancer", (), ("CommentOn",), "comment"),
        ("Expression of concern: Everolimus in breast cancer", (), (), "expression of concern"),
        ("Everolimus in breast cancer", ("Journal Article",), ("ErratumIn",), "article"),
    ],
)
def test_notice_kind(title, types, links, kind):
    assert notice_kind(title, types, links) == kind


# ----------------------------------------------------------------------------- properties

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalise_text_is_idempotent_lowercase_ascii_words(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == once.strip() and "  " not in once
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in once)
    assert once == once.lower()


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalise_title_ignores_case_and_punctuation(text):
    title = normalise_title(text)
    assert normalise_title(title) == title
    assert normalise_title(text.upper()) == normalise_title(text.lower()) or not text.isascii()
    assert normalise_title(f"{text}.") == title or text.endswith(("[", "(", "<", "&"))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 99999), st.integers(0, 500))
def test_abbreviated_page_ranges_expand(first, length):
    last = first + length
    a, b = str(first), str(last)
    common = 0
    if len(a) == len(b):  # MEDLINE's abbreviation drops the leading digits the two share
        while common < len(a) - 1 and a[common] == b[common]:
            common += 1
    short = b[common:]
    assert normalise_pages(f"{first}-{short}") == normalise_pages(f"{first}-{last}")
    assert normalise_pages(f"{first}-{last}")[0] == str(first)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12), st.text(alphabet="ABCDEFGHIJ", min_size=1, max_size=3))
def test_author_initials_and_full_given_names_agree(last, initials):
    full_given = " ".join(ch + "ans" for ch in initials)
    assert author_key(last.capitalize(), initials) == author_key(last.upper(), full_given)
    assert author_key(last, f"{initials[0]}.") == author_key(last, initials)
