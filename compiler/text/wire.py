"""Wire copy: datelines, bylines, credits, codes and trailers, read line by line before paragraphs.

News agencies and news services send stories in a handful of fixed shapes
(documented in their style guides, not guessed from one story):

* a **dateline** opens the lede: ``ZOMBA, Malawi (AP) _``, ``WASHINGTON _``,
  ``SINGAPORE (Reuters) -``, ``BRUSSELS, June 3 (AFP) -``, ``Hamburg (dpa) -``,
  ``(Undated) _``.  The place is in capitals (or the agency is named), the
  dash is ``_``, ``-``, ``--``, an en or an em dash.  It may sit on a line of
  its own.  It gives the source its place and agency and is attached to the
  lede, never a title or a paragraph.  A press release puts its date between
  two dashes (``SPRINGFIELD, Ore. – May 5, 2023 – Acme today ...``): the date
  belongs to the dateline and is the source's published date.
* the **header** above the dateline: a slug (``BC-Malawi-Dam Collapse,0398``),
  editors' notes (``Eds:``, ``(ATTN: ...)``), the headline, a byline in
  capitals with or without a title (``By GRACE MWALE`` / ``Associated Press
  Writer``; ``By HELEN TRAVERS, AP Science Writer``) and a credit line
  (``c.2000 N.Y. Times News Service``).
* the **trailer**: end marks (``_ _ _``, ``(END)``, ``Enditem``, ``-30-``,
  ``NYT-06-13-00 1912EDT``, desk initials ``mjh/dk``), ``On the Net:`` with
  its links, ``(Reporting by ...; Editing by ...)`` and credit lines.
* typesetting **codes** anywhere (``&QL;``, ``&UR;``, ``&LR;``) and editing
  instructions in parenthesised capitals (``(STORY CAN END HERE. ...)``).

Nothing here fires on a text without wire evidence (a dateline near the top,
a code or a slug): a report that happens to open with capitals stays as it is.
Every line taken out is returned with its reason, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefpack.model import Exclusion
from briefpack.text.knowledge import MONTH_ABBREVIATIONS, MONTH_NAMES
from briefpack.text.metadata import is_date_line, latest_full_date

# Agencies and news services by the short names they sign with; the full name is the publisher.
AGENCIES = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "Xinhua": "Xinhua",
    "dpa": "Deutsche Presse-Agentur",
    "DPA": "Deutsche Presse-Agentur",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "Kyodo": "Kyodo News",
    "Yonhap": "Yonhap",
    "TASS": "TASS",
    "ITAR-TASS": "ITAR-TASS",
    "PTI": "Press Trust of India",
    "IANS": "Indo-Asian News Service",
    "CP": "The Canadian Press",
    "AAP": "Australian Associated Press",
    "Bloomberg": "Bloomberg",
    "AA": "Anadolu Agency",
    "KUNA": "Kuwait News Agency",
    "WAM": "Emirates News Agency",
    "APA": "APA",
    "Interfax": "Interfax",
    "RIA Novosti": "RIA Novosti",
}
# Services whose credit line abbreviates their own name.
_SERVICE_NAMES = {"N.Y. Times News Service": "New York Times News Service"}

_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_DASH = r"(?:_|--|—|–|-)"
_MONTH_DAY = (
    r"(?:" + "|".join(sorted(MONTH_NAMES + tuple(MONTH_ABBREVIATIONS), key=len, reverse=True)) + r")\.?\s+\d{1,2}"
)
# A place in capitals: WASHINGTON, SANTA FE, ST. LOUIS, UNITED NATIONS, PORT-AU-PRINCE.
_CAPS_PLACE = r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}"
_REGION = r"[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2}"
DATELINE = re.compile(
    r"^(?:(?P<undated>\(Undated\))"
    r"|(?P<place>" + _CAPS_PLACE + r")(?P<region>(?:,\s*" + _REGION + r"){0,2}?)"
    r"(?:,\s*(?P<date>" + _MONTH_DAY + r"))?\s*(?:\((?P<agency>" + _AGENCY_ALT + r")\))?"
    r"|(?P<mplace>[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})(?P<mregion>(?:,\s*" + _REGION + r"){0,2}?)"
    r"(?:,\s*(?P<mdate>" + _MONTH_DAY + r"))?\s*\((?P<magency>" + _AGENCY_ALT + r")\))"
    r"\s*" + _DASH + r"(?=\s|$)\s*"
    # A press release dates itself between two dashes: "SPRINGFIELD, Ore. – May 5, 2023 – Acme today ...".
    r"(?:(?P<released>" + _MONTH_DAY + r",?\s+\d{4})\s*" + _DASH + r"(?=\s|$)\s*)?"
)

# Typesetting codes are two capitals ("&QL;", "&UR;") or a control code ("&Cx1f;"); "&Auml;" or "&GT;"
# is an HTML entity left in a text, not a code.
CODE = re.compile(r"&(?!GT;|LT;)[A-Z]{2};|&Cx[0-9a-f]{2};")
# A slug names the story for editors: "BC-Malawi-Dam Collapse,0398" (with its word count), "BC-BUDGET-NYT".
SLUG = re.compile(
    r"^(?:BC|AM|PM|BN)-[\w&'’.]+(?:-[\w&'’. ]+)*(?:,\s*[\w -]+?)*,\s*\d{3,4}$|^(?:BC|AM|PM|BN)-[A-Z0-9&]+(?:-[A-Z0-9&]+)+$"
)
EDITOR_NOTE = re.compile(
    r"^(?:Eds?:\s|EDITORS?['’]?S? NOTE\b|\((?:ATTN|EDS?|EDITORS?|FOR USE|ADV|ART ADV|OPTIONAL|END OPTIONAL|"
    r"STORY CAN END|MORE|CORRECTS|UPDATES|RECASTS|WITH)\b.*\)$)",
    re.I,
)
_CAPS_NAME = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}"
_PERSON = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|van|von|bin|al)){1,3}"
# Short and full names, longest first, so "Associated Press" is found before "AP".
_AGENCY_NAMES_LONGEST_FIRST = tuple(sorted(set(AGENCIES) | set(AGENCIES.values()), key=len, reverse=True))
_AGENCY_NAMES = "|".join(re.escape(a) for a in _AGENCY_NAMES_LONGEST_FIRST)
BYLINE = re.compile(
    r"^By\s+(?P<names>" + _CAPS_NAME + r"(?:\s+(?:and|AND|&)\s+" + _CAPS_NAME + r")*"
    r"|" + _PERSON + r"(?:\s*(?:,|and|&)\s+" + _PERSON + r")*)"
    r"(?:\s*,\s*(?P<role>[^,]{3,60}?)|\s+(?P<org>(?:The\s+)?(?:" + _AGENCY_NAMES + r")))?"
    r"(?:\s+(?P<credit>c\.\s?\d{4}\s+.+))?\s*$"
)
_AGENCY_IN = re.compile(r"(?<!\w)(?:" + _AGENCY_NAMES + r")(?!\w)")
AGENCY_LINE = re.compile(r"^(?:The\s+)?(?:" + _AGENCY_NAMES + r")$")
CONTRIBUTED = re.compile(
    r"^(?:[A-Z][\w.'’ -]{0,80}\s)?(?:writers?|reporters?|correspondents?)?\b.{0,120}"
    r"\bcontributed(?: reporting)?(?: to this (?:report|story|article))?\.?$|^Contributing:\s",
)
_ROLE_WORD = r"(?:Writer|Correspondent|Reporter|Editor|Columnist|Staff|Analyst|Photographer|Bureau Chief)"
ROLE_LINE = re.compile(r"^(?:(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s+)?" + _ROLE_WORD + r"s?$")
CREDIT = re.compile(
    r"^(?:c\.\s?\d{4}|\(c\)\s?\d{4}|©\s?\d{4})\s+(?P<holder>.+?)\.?$|^(?P<service>[\w.'’ -]+ News Service)$"
)
REPORTING = re.compile(r"^\((?:(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled)\s+by\s+[^)]+)\)$", re.I)
END_MARK = re.compile(
    r"^(?:_ _ _|-30-|#{3}|\(?END\)?|ENDS?|Enditem|\(MORE\)|[a-z]{2,4}(?:/[a-z]{2,4})+"
    r"|[A-Z]{2,4}-\d\d-\d\d-\d\d\s+\d{4}[A-Z]{3,4}|[A-Z]{2}-[A-Z]{2,3}-\d\d-\d\d-\d\d\s+\d{4}[A-Z]{3,4})$"
)
ON_THE_NET = re.compile(r"^On the (?:Net|Web|Internet)\s*:", re.I)

_HEADER_LINES = 12  # a dateline further down than this is not the story's
_MAX_FURNITURE_LINE = 200


@dataclass(frozen=True)
class Dateline:
    text: str  # as written: "ZOMBA, Malawi (AP) _"
    place: str | None  # "Zomba, Malawi"; None for "(Undated)"
    agency: str | None  # "AP"
    published: str | None = None  # a press release's date, YYYY-MM-DD: "CITY, State – May 5, 2023 –"


@dataclass(frozen=True)
class Wire:
    """What the wire pass found in a text, and the text without it."""

    text: str
    furniture: tuple[tuple[str, Exclusion], ...]  # (line as written, reason), in reading order
    title: str | None = None
    dateline: Dateline | None = None
    lede: str | None = None  # the lede's opening words, to find its block after paragraphing
    author: str | None = None
    publisher: str | None = None


def read_wire(raw: str) -> Wire:
    """Take the wire furniture out of ``raw``; a text without wire evidence comes back as it was."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    furniture: list[tuple[int, str, Exclusion]] = []  # (line number, text, reason)
    for i, line in enumerate(lines):
        if CODE.search(line):
            furniture.append((i, " ".join(CODE.findall(line)), Exclusion.WIRE_CODE))
            left = CODE.sub(" ", line)
            lines[i] = left.rstrip() if left.strip() else ""
    found = _find_dateline(lines)
    if found is None and not furniture and not any(SLUG.match(x.strip()) for x in lines[:_HEADER_LINES]):
        return Wire(raw, ())
    header = _take_header(lines, found[0] if found else _header_run(lines), furniture, dated=found is not None)
    dateline, lede = (None, None) if found is None else _take_dateline(lines, *found)
    trailer_author, trailer_credit = _take_trailer(lines, furniture)
    _take_instructions(lines, furniture)
    # The paper that wrote the story, then the service or agency that carried it.
    credits = sorted(
        header.credits + ((trailer_credit,) if trailer_credit else ()), key=lambda c: c.endswith("Service")
    )
    agency = AGENCIES[dateline.agency] if dateline and dateline.agency else None
    furniture.sort(key=lambda item: item[0])
    return Wire(
        text="\n".join(lines),
        furniture=tuple((text, reason) for _, text, reason in furniture),
        title=header.title,
        dateline=dateline,
        lede=lede,
        author=header.author or trailer_author,
        publisher=next(iter(credits), None) or agency or header.role_agency,
    )


@dataclass(frozen=True)
class _Header:
    title: str | None
    author: str | None
    credits: tuple[str, ...]  # credit holders, in reading order
    role_agency: str | None  # the agency a byline's title names


def _take_header(lines: list[str], end: int, furniture: list[tuple[int, str, Exclusion]], *, dated: bool) -> _Header:
    """Take slugs, notes, bylines and credits above the dateline; the line left over is the headline."""
    author, role_agency = None, None
    credits: list[str] = []
    headline: list[int] = []
    for i in range(end):
        text = lines[i].strip()
        if not text:
            continue
        found = _header_line(text, before_dateline=dated)
        if found is None:
            headline.append(i)
            continue
        reason, who, credit, agency = found
        furniture.append((i, text, reason))
        lines[i] = ""
        author = author or who
        credits += [credit] if credit else []
        role_agency = role_agency or agency
    title = None
    if dated and headline and len(headline) <= 2 and all(_headline_like(lines[i].strip()) for i in headline):
        title = " ".join(lines[i].strip() for i in headline)
        furniture.append((headline[0], title, Exclusion.TITLE))
        for i in headline:
            lines[i] = ""
    return _Header(title, author, tuple(credits), role_agency)


def _take_dateline(lines: list[str], i: int, match: re.Match[str]) -> tuple[Dateline, str | None]:
    """Cut the dateline off its line; the lede is what follows it, on that line or the next."""
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    rest = lines[i].strip()[match.end() :].strip()
    lines[i] = indent + rest if rest else ""
    if not rest:
        following = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
        if following is None:
            return _dateline(match), None
        # The lede keeps the dateline's paragraph start.
        lines[following] = indent + lines[following].strip() if indent else lines[following]
        rest = lines[following].strip()
    return _dateline(match), rest


def _find_dateline(lines: list[str]) -> tuple[int, re.Match[str]] | None:
    seen = 0
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            return None
        match = DATELINE.match(text)
        if match and _real_dateline(match, text):
            return i, match
    return None


# Capitalised words of labels and section heads that open a paragraph the way a place opens a dateline.
_LABELS = frozenset(
    """NOTE NOTES UPDATE UPDATED BREAKING WARNING CORRECTION CORRECTIONS SUMMARY EXCLUSIVE ANALYSIS
    OPINION EDITORIAL COMMENT URGENT FLASH BULLETIN ADVISORY PHOTO PHOTOS VIDEO WATCH LIVE
    DEVELOPING REVIEW PREVIEW FACTBOX EXPLAINER INTERVIEW TRANSCRIPT EXECUTIVE KEY FINDINGS
    BACKGROUND INTRODUCTION CONCLUSION CONCLUSIONS METHODOLOGY METHOD OVERVIEW RECOMMENDATIONS
    CONTEXT ABSTRACT SCOPE PURPOSE ISSUE ISSUES QUESTION ANSWER RESULTS DISCUSSION""".split()
)


def _real_dateline(match: re.Match[str], line: str) -> bool:
    """A dateline: a place (not a label) of three letters or more, then text or nothing.

    A bare place in capitals with a plain hyphen ("NOTE - This") is too weak:
    agencies that use the hyphen name themselves or give a region or a date.
    """
    place = match.group("place")
    if place is not None:
        if sum(c.isalpha() for c in place) < 3 or any(word in _LABELS for word in re.split(r"[ -]", place)):
            return False
        dash = match.group(0).rstrip()[-1]
        bare = not (match.group("agency") or match.group("region") or match.group("date") or match.group("released"))
        if bare and dash == "-" and not match.group(0).rstrip().endswith("--"):
            return False
    rest = line[match.end() :]
    return not rest or rest[:1].isupper() or rest[:1] in "“\"`‘'(0123456789"


def _dateline(match: re.Match[str]) -> Dateline:
    text = match.group(0).strip()
    if match.group("undated"):
        return Dateline(text, None, None)
    place = match.group("place") or match.group("mplace")
    region = (match.group("region") or match.group("mregion") or "").strip()
    agency = match.group("agency") or match.group("magency")
    released = match.group("released")
    return Dateline(text, _place_case(place) + region, agency, latest_full_date(released) if released else None)


def _place_case(place: str) -> str:
    """WASHINGTON -> Washington, ST. LOUIS -> St. Louis, PORT-AU-PRINCE -> Port-Au-Prince."""
    if not place.isupper():
        return place
    return re.sub(r"[A-Z][A-Z'’]*", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), place)


def _header_run(lines: list[str]) -> int:
    """Without a dateline, the header is the leading run of wire furniture lines (and a headline)."""
    end = 0
    headlines = 0
    for i, line in enumerate(lines[:_HEADER_LINES]):
        text = line.strip()
        if not text:
            continue
        if _header_line(text) is not None:
            end = i + 1
        elif headlines == 0 and _headline_like(text):
            headlines += 1
        else:
            break
    return end


def _header_line(
    text: str, *, before_dateline: bool = False
) -> tuple[Exclusion, str | None, str | None, str | None] | None:
    """(reason, author, credit holder, agency of a byline's title) of a header line; None for other lines.

    A "By" line in mixed case is only a byline between a headline and a dateline;
    elsewhere it is left to the general byline rule of the furniture step.
    """
    if len(text) > _MAX_FURNITURE_LINE:
        return None
    if SLUG.match(text):
        return Exclusion.SLUG, None, None, None
    if EDITOR_NOTE.match(text):
        return Exclusion.EDITOR_NOTE, None, None, None
    if m := BYLINE.match(text):
        names, role, credit = m.group("names"), m.group("role") or m.group("org"), m.group("credit")
        if _without_and(names).isupper() or role or credit or before_dateline:
            return Exclusion.BYLINE, _person_case(names), _credit_holder(credit) if credit else None, _agency_in(role)
    if ROLE_LINE.match(text) or AGENCY_LINE.match(text):
        return Exclusion.BYLINE, None, None, _agency_in(text)
    if CREDIT.match(text):
        return Exclusion.CREDIT, None, _credit_holder(text), None
    return None


def _without_and(names: str) -> str:
    return re.sub(r"\s(?:and|&)\s", " ", names)


def _credit_holder(text: str) -> str | None:
    m = CREDIT.match(text.strip())
    if not m:
        return None
    holder = (m.group("holder") or m.group("service")).strip()
    return _SERVICE_NAMES.get(holder, holder)


def _agency_in(text: str | None) -> str | None:
    """The agency a byline's title names: "Associated Press Writer", "AP Science Writer", "The Canadian Press"."""
    if not text:
        return None
    if m := _AGENCY_IN.search(text):
        return AGENCIES.get(m.group(0), m.group(0))
    return None


def _person_case(names: str) -> str:
    """ANITA SNOW -> Anita Snow, JAMES O'CONNOR AND LISA WU -> James O'Connor and Lisa Wu."""
    if not _without_and(names).isupper():
        return " ".join(names.split())
    out = []
    for word in names.split():
        if word.lower() in ("and", "&"):
            out.append(word.lower())
        elif re.fullmatch(r"[IVX]+|[A-Z]\.", word):
            out.append(word)
        else:
            out.append(re.sub(r"[A-Z]+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), word))
    return " ".join(out)


def _headline_like(text: str) -> bool:
    return (
        0 < len(text) <= 160 and not re.search(r"[.:;,]$", text) and not DATELINE.match(text) and not is_date_line(text)
    )


def _take_trailer(lines: list[str], furniture: list[tuple[int, str, str]]) -> tuple[str | None, str | None]:
    """Take end marks, credits, "(Reporting by ...)" and "On the Net:" blocks off the end.

    Returns the author a "Reporting by" line names and the holder a credit line names.
    """
    author, holder = None, None
    i = len(lines) - 1
    while i >= 0:
        text = lines[i].strip()
        if not text:
            i -= 1
            continue
        if len(text) > _MAX_FURNITURE_LINE:
            break
        if END_MARK.match(text):
            furniture.append((i, text, Exclusion.END_MARK))
        elif CONTRIBUTED.match(text):
            furniture.append((i, text, Exclusion.CREDIT))
        elif REPORTING.match(text):
            furniture.append((i, text, Exclusion.CREDIT))
            if m := re.search(r"Reporting by ([^;)]+)", text):
                author = author or m.group(1).strip()
        elif CREDIT.match(text):
            furniture.append((i, text, Exclusion.CREDIT))
            holder = holder or _credit_holder(text)
        elif (start := _net_start(lines, i)) is not None:
            for k in range(start, i + 1):
                if lines[k].strip():
                    furniture.append((k, lines[k].strip(), Exclusion.TRAILER))
                    lines[k] = ""
            i = start - 1
            continue
        else:
            break
        lines[i] = ""
        i -= 1
    return author, holder


def _net_start(lines: list[str], last: int) -> int | None:
    """The "On the Net:" line opening a short run of links that ends at ``last``."""
    for k in range(last, max(-1, last - 8), -1):
        text = lines[k].strip()
        if ON_THE_NET.match(text):
            return k
        if text and not re.search(r"https?://|www\.|\.\w{2,4}/", text):
            return None
    return None


def _take_instructions(lines: list[str], furniture: list[tuple[int, str, str]]) -> None:
    """Editing instructions in the body: a line in parentheses, in capitals."""
    for i, line in enumerate(lines):
        text = line.strip()
        if text.startswith("(") and text.endswith(")") and len(text) <= _MAX_FURNITURE_LINE:
            letters = [c for c in text if c.isalpha()]
            if len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
                furniture.append((i, text, Exclusion.EDITOR_NOTE))
                lines[i] = ""
