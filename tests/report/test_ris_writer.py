"""The RIS writer: tags, page split, one entry per record."""

from __future__ import annotations

import io

from mbc_sr.records import Author, DataBankAccession, Journal, PublicationDate, PublicationType, Record
from mbc_sr.report.ris import ris_entry, write_ris


def test_ris_entry_tags_in_order():
    record = Record(
        source="pubmed", source_record_id="22149876", pmid="22149876", doi="10.1056/nejmoa1109653",
        title="Everolimus in postmenopausal\nhormone-receptor-positive advanced breast cancer",
        authors=(Author(last_name="Baselga", fore_name="José", initials="J"), Author(collective_name="BOLERO-2 Investigators")),
        journal=Journal(title="The New England journal of medicine", iso_abbreviation="N Engl J Med", issn="1533-4406"),
        volume="366", issue="6", pages="520-9", pub_date=PublicationDate(year=2012),
        publication_types=(PublicationType("Randomized Controlled Trial"),),
        databank_accessions=(DataBankAccession("ClinicalTrials.gov", "NCT00863655"),),
    )  # fmt: skip
    tags = list(ris_entry(record, "r1"))
    assert tags[0] == ("TY", "JOUR") and tags[-1] == ("ER", "")
    as_dict = {}
    for tag, value in tags:
        as_dict.setdefault(tag, []).append(value)
    assert as_dict["AU"] == ["Baselga, José", "BOLERO-2 Investigators"]
    assert as_dict["SP"] == ["520"] and as_dict["EP"] == ["529"]
    assert as_dict["AN"] == ["22149876"] and as_dict["DB"] == ["PubMed"] and as_dict["DO"] == ["10.1056/nejmoa1109653"]
    assert as_dict["T2"] == ["The New England journal of medicine"] and as_dict["J2"] == ["N Engl J Med"]
    assert as_dict["N1"] == ["ClinicalTrials.gov: NCT00863655"]
    stream = io.StringIO()
    assert write_ris(stream, [(record, "r1"), (Record(source="x", source_record_id="2", title="Conference talk", publication_types=(PublicationType("Conference Paper"),)), None)]) == 2
    text = stream.getvalue()
    assert "TI  - Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer\n" in text  # one line
    assert text.count("ER  - ") == 2 and "TY  - CONF" in text
