"""PubMed XML elements → `Record`: the mapping of each PubMed field onto the record model.

Speed matters here (the parser must stay near bare `iterparse` speed): each element's
children are walked once with a tag switch instead of one `find()` per field, which is
about three times faster in lxml.
"""

from __future__ import annotations

from lxml import etree

from mbc_sr.pubmed_xml.text import flatten_text
from mbc_sr.records import (
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
    parse_medline_date,
)


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _clean(text: str | None) -> str | None:
    """Trimmed text or None. (Short PubMed fields hold no inner runs of white space.)"""
    if text is None:
        return None
    return text.strip() or None


def article_record(element: etree._Element) -> Record:
    # One pass over children with a tag switch: ~3x faster than a find() per field.
    citation = pubmed_data = None
    for child in element:
        if child.tag == "MedlineCitation":
            citation = child
        elif child.tag == "PubmedData":
            pubmed_data = child
    fields: dict = {"citation_status": citation.get("Status")}
    article = info = None
    keyword_lists = []
    pmid_element = None
    for child in citation:
        tag = child.tag
        if tag == "PMID":
            pmid_element = child
        elif tag == "Article":
            article = child
        elif tag == "MeshHeadingList":
            fields["mesh_headings"] = _mesh(child)
        elif tag == "ChemicalList":
            fields["chemicals"] = _chemicals(child)
        elif tag == "KeywordList":
            keyword_lists.append(child)
        elif tag == "CommentsCorrectionsList":
            fields["comments_corrections"] = _comments(child)
        elif tag == "DateRevised":
            fields["date_revised"] = _ymd(child)
        elif tag == "MedlineJournalInfo":
            info = child
    pmid = pmid_element.text.strip()
    elocations = []
    journal_element = None
    for child in article:
        tag = child.tag
        if tag == "Journal":
            journal_element = child
        elif tag == "ArticleTitle":
            fields["title"] = flatten_text(child)
        elif tag == "Pagination":
            fields["pages"] = _pages(child)
        elif tag == "ELocationID":
            elocations.append(child)
        elif tag == "Abstract":
            fields["abstract"] = _abstract(child)
        elif tag == "AuthorList":
            fields["authors"] = _authors(child)
        elif tag == "Language":
            if child.text:
                fields.setdefault("languages", []).append(child.text.strip())
        elif tag == "PublicationTypeList":
            fields["publication_types"] = _publication_types(child)
        elif tag == "DataBankList":
            fields["databank_accessions"] = _databanks(child)
        elif tag == "VernacularTitle":
            fields["vernacular_title"] = flatten_text(child) or None
    if journal_element is not None:
        _journal_fields(journal_element, info, fields)
    if keyword_lists:
        fields["keywords"] = _keywords(keyword_lists)
    if "languages" in fields:
        fields["languages"] = tuple(fields["languages"])
    article_ids = _article_ids(elocations, pubmed_data)
    if pubmed_data is not None:
        _pubmed_data_fields(pubmed_data, fields)
    return Record(
        source="pubmed",
        source_record_id=pmid,
        pmid=pmid,
        pmid_version=_int(pmid_element.get("Version")) or 1,
        doi=_doi(article_ids),
        pmcid=_first(article_ids, "pmc", normalise_pmcid),
        article_ids=article_ids,
        **fields,
    )


def _pubmed_data_fields(pubmed_data: etree._Element, fields: dict) -> None:
    for child in pubmed_data:
        tag = child.tag
        if tag == "History":
            fields["history"] = _history(child)
        elif tag == "PublicationStatus" and child.text:
            fields["publication_status"] = child.text.strip()


def _journal_fields(journal: etree._Element, info: etree._Element | None, fields: dict) -> None:
    title = iso = issn = issn_type = None
    for child in journal:
        tag = child.tag
        if tag == "JournalIssue":
            for part in child:
                part_tag = part.tag
                if part_tag == "Volume":
                    fields["volume"] = _clean(part.text)
                elif part_tag == "Issue":
                    fields["issue"] = _clean(part.text)
                elif part_tag == "PubDate":
                    fields["pub_date"] = _pub_date(part)
        elif tag == "Title":
            title = _clean(child.text)
        elif tag == "ISOAbbreviation":
            iso = _clean(child.text)
        elif tag == "ISSN":
            issn, issn_type = _clean(child.text), child.get("IssnType")
    medline_ta = nlm_id = None
    if info is not None:
        for child in info:
            if child.tag == "MedlineTA":
                medline_ta = _clean(child.text)
            elif child.tag == "NlmUniqueID":
                nlm_id = _clean(child.text)
    fields["journal"] = Journal(title, iso, issn, issn_type, medline_ta, nlm_id)


def book_article_record(element: etree._Element) -> Record:
    document = element.find("BookDocument")
    pmid_element = document.find("PMID")
    pmid = pmid_element.text.strip()
    book = document.find("Book")
    book_title = flatten_text(book.find("BookTitle")) or None if book is not None else None
    article_title = document.find("ArticleTitle")
    book_data = element.find("PubmedBookData")
    article_ids = _article_ids(document.iterfind("ELocationID"), book_data, document.find("ArticleIdList"))
    authors = _authors(document.find("AuthorList"))
    if not authors and book is not None:
        authors = _authors(book.find("AuthorList"))
    fields: dict = {}
    if book_data is not None:
        _pubmed_data_fields(book_data, fields)
    return Record(
        source="pubmed",
        source_record_id=pmid,
        pmid=pmid,
        pmid_version=_int(pmid_element.get("Version")) or 1,
        doi=_doi(article_ids),
        pmcid=_first(article_ids, "pmc", normalise_pmcid),
        title=flatten_text(article_title) or book_title or "",
        abstract=_abstract(document.find("Abstract")),
        authors=authors,
        pub_date=_pub_date(book.find("PubDate") if book is not None else None),
        languages=tuple(lang.text.strip() for lang in document.iterfind("Language") if lang.text),
        publication_types=_publication_types(document),
        keywords=_keywords(document.iterfind("KeywordList")),
        article_ids=article_ids,
        date_revised=_ymd(document.find("DateRevised")),
        is_book=True,
        book_title=book_title,
        publisher=_clean(book.findtext("Publisher/PublisherName")) if book is not None else None,
        **fields,
    )


def _article_ids(elocations, *containers) -> tuple[ArticleId, ...]:
    ids: list[ArticleId] = []
    seen: set[tuple[str, str]] = set()
    for container in containers:
        if container is None:
            continue
        if container.tag != "ArticleIdList":
            container = container.find("ArticleIdList")
            if container is None:
                continue
        for item in container:
            value = item.text
            id_type = item.get("IdType")
            if value and id_type:
                value = value.strip()
                if (id_type, value) not in seen:
                    seen.add((id_type, value))
                    ids.append(ArticleId(id_type, value))
    for location in elocations:
        value = _clean(location.text)
        id_type = location.get("EIdType")
        if value and id_type and (id_type, value) not in seen:
            seen.add((id_type, value))
            ids.append(ArticleId(id_type, value))
    return tuple(ids)


def _first(article_ids: tuple[ArticleId, ...], id_type: str, normalise) -> str | None:
    for item in article_ids:
        if item.id_type == id_type:
            value = normalise(item.value)
            if value:
                return value
    return None


def _doi(article_ids: tuple[ArticleId, ...]) -> str | None:
    return _first(article_ids, "doi", normalise_doi)


def _abstract(abstract: etree._Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = []
    for part in abstract:
        if part.tag == "AbstractText":
            text = flatten_text(part)
            if text:
                label = part.get("Label")
                sections.append(AbstractSection(text, label.strip() or None if label else None, part.get("NlmCategory")))
    return tuple(sections)


def _authors(author_list: etree._Element | None) -> tuple[Author, ...]:
    if author_list is None:
        return ()
    authors = []
    for author in author_list:
        if author.tag != "Author":
            continue
        last = fore = initials = collective = None
        for part in author:  # a tag switch, not a dict of parts: authors are the most numerous element
            tag = part.tag
            if tag == "LastName":
                last = part.text
            elif tag == "ForeName":
                fore = part.text
            elif tag == "Initials":
                initials = part.text
            elif tag == "CollectiveName":
                collective = flatten_text(part) or None
        authors.append(
            Author(
                (last.strip() or None) if last else None,
                (fore.strip() or None) if fore else None,
                (initials.strip() or None) if initials else None,
                collective,
            )
        )
    return tuple(authors)


def _pages(pagination: etree._Element | None) -> str | None:
    if pagination is None:
        return None
    medline = _clean(pagination.findtext("MedlinePgn"))
    if medline:
        return medline
    start, end = _clean(pagination.findtext("StartPage")), _clean(pagination.findtext("EndPage"))
    if start and end:
        return f"{start}-{end}"
    return start


def _pub_date(pub_date: etree._Element | None) -> PublicationDate:
    if pub_date is None:
        return PublicationDate()
    year = month = day = season = None
    for part in pub_date:
        tag = part.tag
        if tag == "Year":
            year = _int(part.text)
        elif tag == "Month":
            month = month_number(part.text)
        elif tag == "Day":
            day = _int(part.text)
        elif tag == "Season":
            season = _clean(part.text)
        elif tag == "MedlineDate" and part.text and part.text.strip():
            return parse_medline_date(" ".join(part.text.split()))
    return PublicationDate(year, month, day if day and 1 <= day <= 31 else None, season)


def _publication_types(container: etree._Element | None) -> tuple[PublicationType, ...]:
    if container is None:
        return ()
    return tuple(
        PublicationType(item.text.strip(), item.get("UI"))
        for item in container.iterchildren("PublicationType")
        if item.text
    )


def _mesh(heading_list: etree._Element) -> tuple[MeshHeading, ...]:
    headings = []
    for heading in heading_list:
        descriptor = None
        qualifiers = []
        for part in heading:
            if part.tag == "DescriptorName":
                descriptor = part
            elif part.tag == "QualifierName" and part.text:
                qualifiers.append(MeshQualifier(part.text, part.get("UI"), part.get("MajorTopicYN") == "Y"))
        if descriptor is None or not descriptor.text:
            continue
        headings.append(
            MeshHeading(
                descriptor.text,
                descriptor.get("UI"),
                descriptor.get("MajorTopicYN") == "Y",
                tuple(qualifiers),
            )
        )
    return tuple(headings)


def _chemicals(chemical_list: etree._Element) -> tuple[Chemical, ...]:
    chemicals = []
    for chemical in chemical_list:
        substance = registry = None
        for part in chemical:
            if part.tag == "NameOfSubstance":
                substance = part
            elif part.tag == "RegistryNumber":
                registry = _clean(part.text)
        if substance is None or not substance.text:
            continue
        chemicals.append(Chemical(substance.text.strip(), substance.get("UI"), registry if registry != "0" else None))
    return tuple(chemicals)


def _keywords(keyword_lists) -> tuple[str, ...]:
    keywords = []
    for keyword_list in keyword_lists:
        for keyword in keyword_list.iterchildren("Keyword"):
            text = flatten_text(keyword)
            if text:
                keywords.append(text)
    return tuple(keywords)


def _databanks(databank_list: etree._Element) -> tuple[DataBankAccession, ...]:
    accessions = []
    for databank in databank_list.iterchildren("DataBank"):
        name = _clean(databank.findtext("DataBankName")) or ""
        for accession in databank.iterfind("AccessionNumberList/AccessionNumber"):
            value = _clean(accession.text)
            if value:
                accessions.append(DataBankAccession(name, value))
    return tuple(accessions)


def _comments(comment_list: etree._Element) -> tuple[CommentCorrection, ...]:
    comments = []
    for item in comment_list.iterchildren("CommentsCorrections"):
        pmid = source = None
        for part in item:
            if part.tag == "PMID":
                pmid = _clean(part.text)
            elif part.tag == "RefSource":
                source = _clean(part.text)
        comments.append(CommentCorrection(item.get("RefType", ""), pmid, source))
    return tuple(comments)


def _history(history: etree._Element) -> tuple[HistoryDate, ...]:
    # History dates are numeric in PubMed XML (Month "05", not "May"); month_number covers
    # the odd exception without costing a call on the common path.
    dates = []
    for item in history:
        year = month = day = None
        for part in item:
            tag = part.tag
            if tag == "Year":
                year = part.text
            elif tag == "Month":
                month = part.text
            elif tag == "Day":
                day = part.text
        if year and year.isdecimal():
            dates.append(
                HistoryDate(
                    item.get("PubStatus", ""),
                    int(year),
                    int(month) if month and month.isdecimal() else month_number(month),
                    int(day) if day and day.isdecimal() else None,
                )
            )
    return tuple(dates)


def _ymd(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    year = month = day = None
    for part in element:
        if part.tag == "Year":
            year = _int(part.text)
        elif part.tag == "Month":
            month = month_number(part.text)
        elif part.tag == "Day":
            day = _int(part.text)
    if year is None:
        return None
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"
