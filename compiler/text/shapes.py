"""What structure and furniture look like: the patterns and word lists several clean-up steps share."""

from __future__ import annotations

import re

# A sentence is over when it ends on . ! ? or … possibly followed by closing quotes/brackets.
TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")


LIST_ITEM = re.compile(r"^(?:[-*+•]\s+\S|\d{1,3}[.)]\s+\S)")


HEADING = re.compile(r"^#{1,6}\s+\S")


NOTE = re.compile(r"^(?:\[\^(?P<a>\d{1,3})\]:|(?P<b>\d{1,3})[.)])\s+(?P<text>\S.*)$", re.S)


NOTES_HEADING = re.compile(r"^(?:#{1,6}\s+)?(?:notes|endnotes|footnotes|references|sources)\s*:?$", re.I)


# Words after which a sentence obviously goes on, so a break after them is mid-sentence.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for and or but nor with by from as that which who whom whose
    its his her their our your my is are was were be been being than between into about over
    under after before during this these those said its via per""".split()
)


# Words that stay lower case inside a Title Case heading.
_SMALL_WORDS = frozenset("a an the and or but nor of in on at to for by with from as vs via into over than".split())


HONORIFICS = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+")


_NAME_PARTICLES = frozenset("al el bin ibn de da di du del della van von der den la le dos das".split())


# Capitalised words that show a short line is a label, not a person's name.
_NOT_NAME_WORDS = _SMALL_WORDS | frozenset(
    """our your my this that newsletter subscribe share follow read more news article related
    comments home menu search advertisement contact about us all new latest top sign up log
    photo image video click here join get free email print save next previous back page
    analysis opinion editorial comment report update updates summary introduction conclusion
    contents notes references sources""".split()
)


CAPTION = (
    re.compile(r"\b(?:photo|photograph|picture|image|video)(?:\s+credit)?s?\s*[:/©]\s*[^.!?]{1,60}\.?$", re.I),
    re.compile(r"\((?:photo:?\s*)?[A-Z][\w.&'’/ -]{1,40}\)$"),
    re.compile(r"^(?:image caption|caption|photo|pictured|above|top|main image)\s*[:|]", re.I),
    re.compile(
        r"\b(?:photo credit|getty images|shutterstock|\(pictured\)|pictured (?:above|below|left|right|here|during|at|in|with))\b",
        re.I,
    ),
)


RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|story|stories|content|reading|coverage|posts?))?|read more|read also|"
    r"also read|see also|more on this(?: story)?|further reading|you may also like|recommended|"
    r"most read|more from)\b\s*[:|»>–—-]?",
    re.I,
)


NEWSLETTER = (
    re.compile(
        r"^(?:subscribe|sign up|sign-up|join our|get our|enter your e-?mail|you have (?:been )?successfully|"
        r"thank(?:s| you) for (?:subscribing|signing up)|unsubscribe)\b",
        re.I,
    ),
    re.compile(r"\b(?:newsletter|mailing list|inbox)\b", re.I),
)


CLICK_HERE = (
    re.compile(r"\bclick here\b", re.I),
    re.compile(
        r"^this (?:excerpt|extract|article|piece|item|report) (?:is|was) (?:taken|adapted|excerpted) from\b", re.I
    ),
    re.compile(r"\bfree (?:sample|trial)\b", re.I),
)


DISCLAIMER = re.compile(
    r"\b(?:(?:the )?(?:views|opinions) (?:and opinions )?expressed\b|do(?:es)? not necessarily (?:reflect|represent)"
    r"|for (?:general )?information(?:al)? purposes only)",
    re.I,
)


CREDIT = re.compile(
    r"^this (?:article|story|piece|report|commentary|analysis|essay|post|interview|op-ed|text)\s+"
    r"(?:was|is|has been|originally)\s+(?:\w+\s+){0,2}?"
    r"(?:published|provided|produced|republished|syndicated|distributed|written|prepared|appeared|posted)\s+"
    r"(?:by|in|on|at|for|with)\s+(?P<pub>.+)$|"
    r"^(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on|at)\s+(?P<pub2>.+)$|"
    r"^republished (?:with permission )?(?:from|by|of)\s+(?P<pub3>.+)$",
    re.I | re.S,
)


COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?P<holder>.*?)"
    r"[.,]?\s*(?:all rights reserved\.?)?$",
    re.I | re.S,
)


SHARE = re.compile(r"^(?:share (?:this|on)\b|share:?$|tweet this|email this|print this)", re.I)


ADVERT = re.compile(r"^(?:advertisement|sponsored(?: content)?|ad|promoted)\s*:?$", re.I)


_BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?P<name>[A-Z][^\n]{1,80}?)\s*(?:[,|•–—]\s*(?P<rest>.*))?$", re.S)


BIO = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|" + "|".join(sorted(_NAME_PARTICLES)) + r")){1,4})"
    r"\s+(?:is|was|has been|serves as|works as|writes|covers|reports)\b"
)


ROLE = re.compile(
    r"\b(?:analyst|candidate|fellow|journalist|professor|researcher|director|editor|correspondent|writer|"
    r"author|reporter|scholar|student|lecturer|expert|consultant|associate|economist|specialist|founder|"
    r"chair|officer|manager|advis[eo]r|commentator|contributor|columnist|freelance|freelancer|historian|"
    r"lawyer|based in|photographer|producer|strategist|partner)s?\b",
    re.I,
)


FOLLOW = re.compile(
    r"\bfollow (?:him|her|them|me|us) (?:on|at)\b|^(?:twitter|email|e-mail|contact)\s*:\s*\S|(?:^|\s)@\w{2,}[.,]?$",
    re.I,
)


LEAD_INS = (RELATED, CREDIT, COPYRIGHT, DISCLAIMER, NEWSLETTER[0])


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", _strip_heading(text)) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def plain(text: str) -> str:
    """A title as plain text: no heading marker, no emphasis markers."""
    text = _strip_heading(text)
    return re.sub(r"(\*{1,2}|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)


def _strip_heading(text: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", text)


def byline_name(text: str) -> str | None:
    m = _BYLINE.match(text)
    if not m:
        return None
    name = re.split(r"\s+(?:for|in|from|at|on)\s+", m.group("name"))[0].rstrip(" .")
    people = re.split(r"\s+and\s+|\s*&\s*|,\s*", name)
    return name if all(is_name(person) for person in people) else None


def is_name(text: str) -> bool:
    """2-4 capitalised words (particles allowed) that are not common label words."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or len(text) > 50:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _NAME_PARTICLES:
            continue
        if not re.fullmatch(r"[A-Z][\w’'.-]*", token) or token.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        if not re.search(r"[a-z]", token) and not re.fullmatch(r"[A-Z]\.", token):
            return False  # ALL-CAPS lines are labels, not names
        capitalised += 1
    return 2 <= capitalised <= 4
