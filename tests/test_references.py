"""One reference list for the whole course (docs/references.bib).

Every author-year citation in the notebooks, exercise notebooks, the library's docstrings and
strings, the instruments, the dataset cards and the docs must resolve to exactly one entry, and
every entry must be cited somewhere. The extractor is in ``tests/citations.py``; the matching rule
is :func:`netlearn.references.matching`.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from netlearn.references import matching, parse_bibtex, reference_list, references, references_file
from tests.citations import Citation, course_citations, find_citations

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@pytest.fixture(scope="module")
def entries():
    return references()


@pytest.fixture(scope="module")
def citations():
    return course_citations()


def _found(text):
    return [(c.surnames, c.year, c.et_al) for c in find_citations(text)]


# --- the extractor, on hand-written text -------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Burt (1992) called them holes.", [(("Burt",), "1992", False)]),
    ("as Krackhardt & Stern (1988) showed", [(("Krackhardt", "Stern"), "1988", False)]),
    ("Krackhardt and Stern (1988)", [(("Krackhardt", "Stern"), "1988", False)]),
    ("Mehra et al. (2006) found", [(("Mehra",), "2006", True)]),
    ("Kashdan and colleagues (2018) describe", [(("Kashdan",), "2018", True)]),
    ("Brown and colleagues' (2016) survey", [(("Brown",), "2016", True)]),
    ("(Cross & Prusak 2002)", [(("Cross", "Prusak"), "2002", False)]),
    ("Arena et al. (2017a) and", [(("Arena",), "2017a", True)]),
    ("Burt (1992, 2004) argued", [(("Burt",), "1992", False), (("Burt",), "2004", False)]),
    ("(Burt 1992, 2004; Granovetter 1973)",
     [(("Burt",), "1992", False), (("Burt",), "2004", False), (("Granovetter",), "1973", False)]),
    ("holes (Burt 1992; Arena et al. 2017).", [(("Burt",), "1992", False), (("Arena",), "2017", True)]),
    ("Provan & Kenis's (2008) forms", [(("Provan", "Kenis"), "2008", False)]),
    ("Freeman's (1979) centralization", [(("Freeman",), "1979", False)]),
    ("(r_wg, James, Demaree & Wolf 1984)", [(("James", "Demaree", "Wolf"), "1984", False)]),
    ("alpha (Cronbach, 1951).", [(("Cronbach",), "1951", False)]),
    ("Kendall's W (Kendall & Babington Smith 1939)", [(("Kendall", "Babington Smith"), "1939", False)]),
    ("McPherson, Smith-Lovin & Cook (2001) reviewed",
     [(("McPherson", "Smith-Lovin", "Cook"), "2001", False)]),
    ("cividis (Nuñez et al. 2018)", [(("Nuñez",), "2018", True)]),
    ("Provan &amp; Kenis (2008): a prompt", [(("Provan", "Kenis"), "2008", False)]),
    ("The Health\n    Foundation (2014) lists", [(("The Health Foundation",), "2014", False)]),
    ("- Brown, B. B., Haines, M., D'Este, C. & Elliott, E. (2016). Development",
     [(("Brown", "Haines", "D'Este", "Elliott"), "2016", False)]),
    ("Kendall, M. G. & Babington Smith, B. (1939). The problem",
     [(("Kendall", "Babington Smith"), "1939", False)]),
])
def test_extractor_finds_each_shape_of_citation(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "the masterclass (probably October 2017) was",
    "under the Data Protection Act 2018, and",
    "Q Lab (since 2017) brings members together",
    "the Wider Devon Sustainability and Transformation Partnership (2016): real names",
    "It began in 2015 with 231 founding members; by April 2021 every STP had become",
    "In the 1930s the researchers",
])
def test_extractor_ignores_dates_that_are_not_citations(text):
    assert find_citations(text) == []


def test_a_citation_split_by_a_line_break_is_found_but_a_paragraph_break_ends_a_bracket():
    assert _found("as (Cross &\nPrusak 2002)") == [(("Cross", "Prusak"), "2002", False)]
    assert _found("(an aside\n\nBurt 1992 is not bracketed here") == []


# --- the matcher -----------------------------------------------------------------------


def test_matcher_resolves_the_usual_shapes(entries):
    def keys(*args, **kw):
        return [r.key for r in matching(*args, entries=entries, **kw)]

    assert keys(["Burt"], "1992") == ["burt1992"]
    assert keys(["Burt"], "2004") == ["burt2004"]
    assert keys(["Borgatti"], "1997") == ["borgatti1997"]
    assert keys(["Borgatti", "Everett"], "1997") == ["borgattieverett1997"]
    assert keys(["Arena"], "2017", et_al=True) == ["arena2017"]
    assert keys(["Wayne Zachary"], "1977") == ["zachary1977"]
    assert keys(["Health Foundation's"], "2014") == ["healthfoundation2014"]
    assert keys(["Kendall", "Babington Smith"], "1939") == ["kendall1939"]


def test_matcher_refuses_a_made_up_or_garbled_citation(entries):
    """What the course-wide test below would report: a citation with no entry."""
    for cited in (Citation(("Smith", "Jones"), "1999", False, "Smith & Jones (1999)"),  # no such work
                  Citation(("Burt",), "1993", False, "Burt (1993)"),                  # wrong year
                  Citation(("Krackhardt",), "1988", False, "Krackhardt (1988)"),      # an author missing
                  Citation(("Cross", "Prusak"), "2002", True, "Cross et al. (2002)")):  # et al. for two
        assert matching(cited.surnames, cited.year, cited.et_al, entries=entries) == []
    assert _unresolved([Citation(("Smith", "Jones"), "1999", False, "Smith & Jones (1999)", "x.md")], entries)


def test_matcher_uses_the_letter_of_a_year_to_tell_two_works_apart():
    bib = ("@article{smith2017a, author = {Smith, A. and Jones, B.}, title = {One}, journal = {J}, year = 2017}"
           "@article{smith2017b, author = {Smith, A. and Jones, B.}, title = {Two}, journal = {J}, year = 2017}")
    two = parse_bibtex(bib)
    assert [r.key for r in matching(["Smith", "Jones"], "2017b", entries=two)] == ["smith2017b"]
    assert len(matching(["Smith", "Jones"], "2017", entries=two)) == 2  # ambiguous: the test would fail


# --- the course against the list ---------------------------------------------------------


def _unresolved(citations, entries):
    return [f"{c} -> {len(matching(c.surnames, c.year, c.et_al, entries=entries))} entries"
            for c in citations if len(matching(c.surnames, c.year, c.et_al, entries=entries)) != 1]


def test_the_course_cites_many_works(citations):
    # Guards the extractor itself: if it silently found nothing, the checks below would pass.
    assert len(citations) > 300
    assert len({(c.surnames[0], c.year) for c in citations}) > 40
    places = {c.place.split(",")[0] for c in citations}
    assert any(p.startswith("notebooks/") for p in places)
    assert any(p.startswith("netlearn/") for p in places)
    assert any(p.startswith("datasets/") for p in places)


def test_every_citation_resolves_to_exactly_one_entry(citations, entries):
    problems = _unresolved(citations, entries)
    assert not problems, "Citations without exactly one entry in docs/references.bib:\n" + "\n".join(problems)


def test_every_entry_is_cited_somewhere(citations, entries):
    cited = defaultdict(list)
    for c in citations:
        for ref in matching(c.surnames, c.year, c.et_al, entries=entries):
            cited[ref.key].append(c.place)
    uncited = [r.key for r in entries if not cited[r.key]]
    assert not uncited, f"Entries nobody cites (remove them, or cite them): {uncited}"


# --- the entries themselves ---------------------------------------------------------------


def test_every_entry_has_author_title_year_and_somewhere_to_find_it(entries):
    for ref in entries:
        assert ref.authors and all(surname for surname, _ in ref.authors), ref.key
        assert ref.get("title"), ref.key
        assert re.fullmatch(r"1[5-9]\d\d|20\d\d", ref.year), ref.key
        where = [ref.get(name) for name in ("url", "publisher", "institution", "journal", "booktitle")]
        assert ref.doi or any(where), f"{ref.key}: no DOI, URL, publisher, journal or proceedings"


def test_dois_and_urls_are_well_formed(entries):
    for ref in entries:
        if ref.doi:
            assert DOI.match(ref.doi), f"{ref.key}: {ref.doi!r} is not 10.xxxx/..."
            assert not ref.doi.lower().startswith(("http", "doi:")), ref.key
        if ref.get("url"):
            assert ref.get("url").startswith(("https://", "http://")), ref.key


def test_keys_are_unique_and_follow_surname_and_year(entries):
    keys = [r.key for r in entries]
    assert len(keys) == len(set(keys))
    assert len(parse_bibtex(references_file().read_text(encoding="utf-8"))) == len(entries)
    for ref in entries:
        first = re.sub(r"[^a-z]", "", ref.surnames[0].casefold().replace("ñ", "n"))
        assert ref.key.startswith(first.removeprefix("the")), ref.key
        assert ref.year in ref.key, ref.key


def test_no_two_entries_are_the_same_work(entries):
    seen = {}
    for ref in entries:
        ident = ref.doi.lower() if ref.doi else re.sub(r"\W", "", ref.get("title").casefold())
        assert ident not in seen, f"{ref.key} and {seen.get(ident)} look like the same work"
        seen[ident] = ref.key


# --- the parser and the printed list ------------------------------------------------------


def test_parser_reads_nesting_quotes_macros_accents_and_organisations():
    bib = """Some notes before the entries are ignored.
    @techreport{org2014, author = {{The Health Foundation}}, title = "Effective {Networks}",
      institution = {The Health Foundation}, month = mar, year = {2014}}
    @article{nunez2018, author = {Nu{\\~n}ez, Jamie R. and {Babington Smith}, Bernard},
      title = {Colour {\\&} maps}, journal = {PLOS ONE}, pages = {1--2}, year = 2018,}
    """
    org, nunez = parse_bibtex(bib)
    assert org.authors == (("The Health Foundation", ""),)
    assert org.get("title") == "Effective Networks" and org.get("month") == "March"
    assert nunez.surnames == ("Nuñez", "Babington Smith")
    assert nunez.get("title") == "Colour & maps" and nunez.get("pages") == "1–2"
    assert nunez.citation() == "Nuñez & Babington Smith (2018)"


def test_reference_list_prints_every_entry_once(entries):
    text = reference_list()
    assert len(text.splitlines()) == len(entries)
    assert ("Provan, K. G. & Kenis, P. (2008). Modes of Network Governance: Structure, Management, and "
            "Effectiveness. Journal of Public Administration Research and Theory, 18(2), 229–252. "
            "https://doi.org/10.1093/jopart/mum015") in text.splitlines()


# --- titles in the course's own reference lists agree with the one list ---------------------


def _title_form(title: str) -> str:
    """A title as compared: case, emphasis stars, dash kinds and spacing are not differences."""
    title = title.replace("*", "").replace("--", "-").replace("–", "-").replace("—", "-")
    title = re.sub(r"\s*-\s*", " - ", title)
    return re.sub(r"\s+", " ", title).strip().rstrip(".?!").lower()


def _reference_lines(entries):
    """(place, title as written, entry) for every full reference written out in the course."""
    from tests.citations import ENTRY, course_texts

    for place, text in course_texts():
        if place == "docs/references.md":  # the citing guide shows made-up examples
            continue
        for match in ENTRY.finditer(text):
            title = re.match(r"\. \*?([^*\n]+?)(?:[.?!]\*?(?: |\n|$)|\*)", text[match.end():])
            if not title:
                continue
            authors = re.findall(r"([A-Z][\w'’-]*(?: [A-Z][\w-]*)*), [A-Z]\.", match.group("authors"))
            year = match.group("years").split(",")[0]
            found = matching(tuple(authors) if len(authors) <= 2 else (authors[0],), year,
                             et_al=len(authors) > 2, entries=entries)
            if len(found) == 1:
                yield place, re.split(r", ch(?:apter)?\b", title.group(1))[0], found[0]


def test_written_out_titles_agree_with_the_reference_list(entries):
    """A work's title is punctuated one way everywhere (Cross & Prusak 2002 once had three forms)."""
    lines = list(_reference_lines(entries))
    assert len(lines) >= 80, "the reference lines of the notebooks and docstrings were not found"
    wrong = [f"{place}: {title!r}, but the reference list has {entry.get('title')!r}"
             for place, title, entry in lines
             if not _title_form(re.sub(r"[{}]", "", entry.get("title"))).startswith(_title_form(title))]
    assert not wrong, "\n".join(wrong)


def test_title_comparison_catches_changed_punctuation():
    assert _title_form("The people who make organizations go – or stop") == \
        _title_form("The People Who Make Organizations Go -- or Stop")
    assert _title_form("The people who make organizations go, or stop") != \
        _title_form("The People Who Make Organizations Go -- or Stop")
