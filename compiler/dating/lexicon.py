"""The words around a number or a name that tell the tagger whether it is a date.

Kept apart from the rules that read them, so that a word a new corpus needs is added in one place.
"""

from __future__ import annotations

import re

# Words after a number that show it counts things rather than naming a year.
UNIT_WORDS = frozenset(
    """
people persons troops soldiers dead deaths killed injured wounded cases civilians fighters
mercenaries migrants refugees residents children men women families homes houses households jobs
workers employees votes voters seats members delegates km kilometres kilometers miles metres
meters feet tonnes tons kg barrels units vehicles cars aircraft drones rockets missiles shells
shares points pages words hectares acres beds patients tests doses students pupils prisoners
detainees protesters demonstrators police officers staff nurses doctors dollars euros pounds
dinars yuan yen rubles roubles lira francs times hours minutes seconds gmt utc hrs degrees
passengers fans visitors runners players candidates infections participants copies items
""".split()
)
# Words before a number that show it is an identifier rather than a year.
ID_WORDS = frozenset(
    """
resolution bill no nr number flight route article section room page chapter act law decree item
code model version gate platform highway road street unit box case file ref ticket seat serial
patent iso grade level class tel phone call pin opus op rule regulation directive protocol
paragraph clause line bus train apartment suite channel station exit plot lot batch order
ordinance amendment motion
""".split()
)
# Words before a number that show it is a quantity: "some 1980 volunteers".
QUANTIFIERS = frozenset(
    """
some about nearly almost roughly approximately estimated another than least only
""".split()
)
# Words after which a bare month name ("in May", "since early September") is a date.
MONTH_CONTEXT = frozenset(
    """
in of since until till by from to through during before after between early mid late last next
this the that throughout into around
""".split()
)
# Words after which a bare season name or a year on its own is a date.
TIME_PREPOSITIONS = frozenset(
    """
in of since until till by from through during before after between early mid late around
throughout into over
""".split()
)
# Words that make a weekday part of a name.
NAMED_DAY_WORDS = frozenset(
    """
super black good easter palm ash holy maundy cyber giving bloody shrove whit fat blue
""".split()
)
# Money talk, in which "the first half" is half of a year; match reports, in which it is not.
MONEY_WORDS = re.compile(
    r"(?i)[$€£¥%]|\b(?:percent|per cent|sales|revenue|profit|earnings|income|loss"
    r"|growth|output|prices?|demand|results|dividend|shares|quarter|economy|inflation)\b"
)
SPORT_WORDS = re.compile(
    r"(?i)\b(?:scored?|goals?|match|game|minutes?|penalty|penalties|kick|half-?time"
    r"|innings|tries|touchdowns?|baskets?|striker|keeper|referee)\b"
)
