"""Imports: real EndNote XML and MEDLINE exports, hand-written vendor RIS samples, CSV, malformed files.

The EndNote XML (Respiratory, 1,988 records) and the MEDLINE files are real exports from
../shared/data. The RIS and CSV samples in tests/sources/data/ are NOT vendor exports: they were
written by hand for these tests, following the tag sets that Ovid (Embase), Scopus, the Cochrane
Library (CENTRAL) and Web of Science use in their RIS exports (data/README.md lists which tag
variants each one exercises).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from mbc_sr.sources.imports import ImportFileError, import_file, read_import
from mbc_sr.store import open_store, schema
from tests.conftest import shared_path

DATA = Path(__file__).parent / "data"  # hand-written vendor-style samples: see data/README.md
TABLES = (schema.sources, schema.runs, schema.records, schema.record_versions, schema.record_hits)
BOLERO2 = {"doi": "10.1056/nejmoa1109653", "pmid": "22149876"}


@pytest.fixture
def tmp_store(tmp_path):
    store = open_store(tmp_path / "imports.sqlite")
    yield store
    store.close()


def medline_files() -> list[Path]:
    return sorted(shared_path("entrez/biopython/Medline").glob("pubmed_result*.txt"))


# --------------------------------------------------------------------------- real exports


def test_the_real_endnote_xml_library_imports_all_1988_records(store, dump_tables):
    path = shared_path("dedup/respiratory/Respiratory.endnote.xml.gz")
    report = import_file(store, path, source="Respiratory (EndNote)", kind="other")
    assert (report.status, report.records, report.new_records) == ("ingested", 1988, 1988)
    assert store.stats().hits_by_source == {"Respiratory (EndNote)": 1988}
    record = store.get_record("respiratory-endnote:2")  # rec-number 2, the file's first record
    assert record.title == "Perioperative nutritional support in patients undergoing hepatectomy for hepatocellular carcinoma"
    assert [(a.last_name, a.initials) for a in record.authors] == [("Ziegler", "TR")]
    assert (record.year, record.volume, record.pages) == (1996, "20", "91-92")
    assert record.journal.title == "JPEN. Journal of parenteral and enteral nutrition" or record.journal.title.startswith("Jpen")
    run = store.run(report.run_id)
    assert (run.kind, run.manifest["format"], run.manifest["records"]) == ("import", "endnote", 1988)

    before = dump_tables(store, TABLES)
    again = import_file(store, path, source="Respiratory (EndNote)", kind="other")
    assert again.status == "unchanged"
    assert dump_tables(store, TABLES) == before


def test_the_real_medline_files_map_onto_the_record_model(tmp_store):
    reports = [import_file(tmp_store, path, source="PubMed") for path in medline_files()]
    assert [r.records for r in reports] == [1, 4, 1]
    # an import never takes the "pmid:" keys of PubMed's own XML records, even from a source called PubMed
    assert tmp_store.get_record("pmid:16403221") is None
    scop = tmp_store.get_record("pubmed-import:16403221")
    assert scop.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert (scop.pmid, scop.doi, scop.pmcid, scop.year) == ("16403221", "10.1186/1471-2105-7-10", "PMC1373603", 2006)
    assert [(a.last_name, a.fore_name, a.initials) for a in scop.authors][0] == ("Casbon", "James A", "JA")
    assert scop.journal.iso_abbreviation == "BMC Bioinformatics" and scop.journal.issn == "1471-2105"
    assert [p.name for p in scop.publication_types] == ["Evaluation Studies", "Journal Article"]
    heading = next(h for h in scop.mesh_headings if h.descriptor_name == "Information Storage and Retrieval")
    assert (heading.major, [(q.name, q.major) for q in heading.qualifiers]) == (False, [("methods", True)])
    assert next(h for h in scop.mesh_headings if h.descriptor_name == "Software").major
    assert scop.abstract_text.startswith("BACKGROUND: Benchmarking algorithms") and "  " not in scop.abstract_text
    assert tmp_store.stats().hits_by_source == {"PubMed": 6}


# --------------------------------------------------------------------------- vendor RIS samples


@pytest.mark.parametrize(
    ("sample", "record_id", "nct"),
    [
        ("embase_ovid.ris", "614040562", True),  # Ovid: accession in ID, PMID and NCT only in N1
        ("scopus.ris", "2-s2.0-84856603386", False),  # Scopus: EID from UR, PMID in C2
        ("central.ris", "CN-00812345", True),  # CENTRAL: AN "CN-...", "PUBMED 22149876" in N1
        ("wos.ris", "WOS:000299999900006", False),  # WoS: AN "WOS:...", "MEDLINE:22149876" in C1
    ],
)
def test_vendor_ris_tag_variants_give_the_same_identifiers(sample, record_id, nct):
    imported = read_import(DATA / sample, "Some database")
    assert imported.format == "ris"
    record = imported.records[0][0]
    assert record.source_record_id == record_id and record.key == f"some-database:{record_id}"
    assert {"doi": record.doi, "pmid": record.pmid} == BOLERO2
    assert record.nct_ids == (("NCT00863655",) if nct else ())
    assert record.title.lower() == "everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"
    assert (record.year, record.volume, record.issue, record.pages) == (2012, "366", "6", "520-529")
    assert record.authors[0].last_name == "Baselga" and record.authors[0].initials == "J"


def test_ovid_embase_specifics():
    records = [r for r, _sha in read_import(DATA / "embase_ovid.ris", "Embase").records]
    bolero = records[0]
    assert bolero.abstract_text.startswith("BACKGROUND: Resistance to endocrine therapy") and "METHODS:" in bolero.abstract_text
    assert (bolero.journal.title, bolero.journal.iso_abbreviation) == ("New England Journal of Medicine", "N. Engl. J. Med.")
    assert bolero.keywords == ("everolimus", "exemestane", "advanced breast cancer")  # Emtree stars dropped
    assert [p.name for p in bolero.publication_types] == ["JOUR", "Article"]
    conference = records[1]
    assert (conference.doi, conference.pmid) == (None, None)
    assert [p.name for p in conference.publication_types] == ["CONF", "Conference Abstract"]


def test_scopus_specifics():
    [(bolero, _), (other, _)] = read_import(DATA / "scopus.ris", "Scopus").records
    assert bolero.journal.issn == "00284793" and bolero.journal.iso_abbreviation == "N. Engl. J. Med."
    assert other.source_record_id == "2-s2.0-85000000001" and other.doi is None


def test_web_of_science_dates_and_abbreviations():
    [(record, _)] = read_import(DATA / "wos.ris", "Web of Science").records
    assert (record.pub_date.year, record.pub_date.month, record.pub_date.day) == (2012, 2, 9)
    assert record.journal.iso_abbreviation == "N. Engl. J. Med."  # JI before J9


def test_csv_with_the_common_scopus_header_and_with_a_mapping(tmp_path):
    [(bolero, _), (other, _)] = read_import(DATA / "scopus.csv", "Scopus CSV").records
    assert bolero.source_record_id == "2-s2.0-84856603386"
    assert {"doi": bolero.doi, "pmid": bolero.pmid} == BOLERO2 and bolero.nct_ids == ("NCT00863655",)
    assert bolero.keywords == ("everolimus", "exemestane") and bolero.languages == ("English",)
    assert other.doi == "10.1007/s10549-019-00000-0" and other.pmid is None

    own = tmp_path / "register.csv"
    own.write_text("Trial,Name,Registered\nNCT00863655,BOLERO-2,2009\nNCT01231659,BOLERO-3,2010\n")
    mapping = {"id": "Trial", "title": "Name", "year": "Registered", "accession": "Trial"}
    records = [r for r, _ in read_import(own, "ClinicalTrials.gov", columns=mapping).records]
    assert [(r.key, r.title, r.year, r.nct_ids) for r in records] == [
        ("clinicaltrials-gov:NCT00863655", "BOLERO-2", 2009, ("NCT00863655",)),
        ("clinicaltrials-gov:NCT01231659", "BOLERO-3", 2010, ("NCT01231659",)),
    ]


def test_the_format_is_told_from_the_content_not_the_extension(tmp_path):
    cases = {
        "looks.csv": (DATA / "embase_ovid.ris", "ris"),
        "looks.ris": (medline_files()[1], "medline"),
        "looks.txt": (shared_path("dedup/respiratory/Respiratory.endnote.xml.gz"), "endnote"),
        "looks.xml": (DATA / "scopus.csv", "csv"),
    }
    for name, (original, expected) in cases.items():
        shutil.copy(original, tmp_path / name)
        assert read_import(tmp_path / name, "x").format == expected, name


# --------------------------------------------------------------------------- each import is a source


def test_each_import_is_a_source_with_its_own_identification_count(tmp_store):
    import_file(tmp_store, DATA / "embase_ovid.ris", source="Embase")
    import_file(tmp_store, DATA / "scopus.ris", source="Scopus")
    import_file(tmp_store, DATA / "central.ris", source="Cochrane CENTRAL")
    import_file(tmp_store, DATA / "scopus.csv", source="ClinicalTrials.gov", kind="register")
    assert tmp_store.stats().hits_by_source == {"ClinicalTrials.gov": 2, "Cochrane CENTRAL": 1, "Embase": 2, "Scopus": 2}
    with pytest.raises(ValueError, match="kind 'register'"):
        import_file(tmp_store, DATA / "wos.ris", source="ClinicalTrials.gov", kind="database")
    # a second, different export into the same source adds to its count; the same file again changes nothing
    assert import_file(tmp_store, DATA / "wos.ris", source="Scopus").records == 1
    assert import_file(tmp_store, DATA / "scopus.ris", source="Scopus").status == "unchanged"
    assert tmp_store.stats().hits_by_source["Scopus"] == 3


# --------------------------------------------------------------------------- malformed files


def _write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


RIS_OK = (DATA / "embase_ovid.ris").read_text()
MEDLINE_OK = "PMID- 12230038\nTI  - The Bio* toolkits--a brief overview.\nDP  - 2002 Sep\n"

MALFORMED = [
    # (file name, content, message part, line, record, field)
    ("truncated.ris", RIS_OK.rsplit("ER  -", 1)[0], "never closed", 31, None, "ER"),
    ("outside.ris", "Exported from a database\n" + RIS_OK, "outside a record", 1, None, None),
    ("unclosed.ris", RIS_OK.replace("ER  - \n\nTY  - CONF", "\nTY  - CONF"), "before the record of line 1", 30, None, "ER"),
    ("bad-doi.ris", RIS_OK.replace("http://dx.doi.org/10.1056/NEJMoa1109653", "see full text"), "not a DOI", 1, 1, "DO"),
    ("bad-year.ris", RIS_OK.replace("Y1  - 2021//", "Y1  - in press"), "no year", 31, 2, "Y1"),
    ("no-title.ris", "TY  - JOUR\nAU  - Someone\nER  - \n", "needs a title or an identifier", 1, 1, "title"),
    ("bad-line.nbib", MEDLINE_OK + "this is not a tag line\n", "not a MEDLINE tag line", 4, None, None),
    ("no-pmid.nbib", "TI  - A title\nDP  - 2002\n\n" + MEDLINE_OK, None, None, None, None),  # not even detected
    ("no-pmid-2.nbib", MEDLINE_OK + "\nTI  - A title without PMID\nDP  - 2002\n", "needs a PMID", 5, 2, "PMID"),
    ("truncated.xml", "<?xml version='1.0'?><xml><records><record><rec-number>1</rec-number><titles><title>A</title></titles></record>\n<record><rec-number>2</rec-number><titles>", "not well-formed", 2, 2, None),
    ("twice.xml", "<xml><records><record><rec-number>1</rec-number><titles><title>A</title></titles></record><record><rec-number>1</rec-number><titles><title>B</title></titles></record></records></xml>", "also record 1", 1, 2, "rec-number"),
    ("ragged.csv", "Title,DOI,PubMed ID\nA,10.1/x,1\nB,10.1/y\n", "2 cells where the header has 3", 3, 2, None),
    ("bad-pmid.csv", "Title,DOI,PubMed ID\nA,10.1000/x,123\nB,10.1000/y,twelve\n", "not a PMID", 3, 2, "PubMed ID"),
    ("latin1.ris", "TY  - JOUR\nTI  - Caf\xe9\nER  - \n".encode("latin-1"), "not UTF-8", 2, None, None),
    ("empty.ris", "", "unrecognised format", 1, None, None),
    ("pubmed.xml", '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>', "this is PubMed XML", None, None, None),
    ("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "not supported", 1, None, None),
]


@pytest.mark.parametrize(("name", "content", "message", "line", "record", "field"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_file_names_file_line_record_and_field_and_stores_nothing(tmp_path, tmp_store, name, content, message, line, record, field):
    path = _write(tmp_path, name, content)
    with pytest.raises(ImportFileError) as raised:
        import_file(tmp_store, path, source="Broken")
    error = raised.value
    assert str(path) in str(error)
    if message is not None:
        assert message in str(error)
        assert (error.line, error.record, error.field) == (line, record, field)
    assert tmp_store.stats().records == 0
    assert [run.status for run in tmp_store.runs()] in ([], ["failed"])


def test_a_column_mapping_naming_a_missing_column_is_an_error_naming_the_field(tmp_path):
    path = _write(tmp_path, "x.csv", "Title,DOI\nA,10.1000/x\n")
    with pytest.raises(ImportFileError) as raised:
        read_import(path, "x", columns={"pmid": "PubMed ID"})
    assert raised.value.field == "pmid" and "'PubMed ID'" in str(raised.value)
    with pytest.raises(ImportFileError, match="unknown field"):
        read_import(path, "x", columns={"colour": "Title"})
    with pytest.raises(ValueError, match="only applies to CSV"):
        read_import(DATA / "wos.ris", "x", columns={"title": "TI"})


def test_a_truncated_gzip_file_is_refused(tmp_path):
    data = gzip.compress(RIS_OK.encode())
    path = _write(tmp_path, "cut.ris.gz", data[: len(data) // 2])
    with pytest.raises(ImportFileError, match="gzip"):
        read_import(path, "x")
