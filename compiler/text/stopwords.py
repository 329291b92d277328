"""English words too common in any text to tell one topic from another.

Used where briefpack looks for the words that characterise a group of
paragraphs (``analysis.terms``): function words, reporting verbs, numbers
and calendar words, and the vaguest adjectives and verbs of news prose.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anybody anyone anything anyway anywhere are around as at back be became
because become becomes been before beforehand behind being below beside besides between beyond both but by can
cannot could did do does doing done down due during each either else elsewhere enough even ever every everyone
everything everywhere except few first for former formerly from further get gets getting give given gives go
goes going gone got had has have having he hence her here hereafter herein hers herself him himself his how
however i if in indeed instead into is it its itself just last later latter least less let like likely made
make makes making many may me meanwhile might mine more moreover most mostly much must my myself namely
neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps put rather really said same say
saying says see seem seemed seeming seems several she should since so some somehow someone something sometime
sometimes somewhere still such take taken than that the their theirs them themselves then thence there
thereafter thereby therefore therein these they thing things this those though through throughout thus to
together too toward towards under until up upon us use used using very via was way we well were what whatever
when whence whenever where whereas whereby wherever whether which while who whoever whole whom whose why will
with within without would yet you your yours yourself yourselves mr mrs ms dr according told tells asked added
including new two three four five six seven eight nine ten year years month months week weeks day days today
yesterday time times percent cent able actually ago ahead allow allowed appear appeared approach away based
began begin begun believe best better big bring brought call called came certain clear close come comes coming
continue continued course current currently decided despite different early ended especially expect expected
fact far felt find follow following found full gave general good great half hand happen happened hard held
help highlight highlighted hold important increasingly kept kind knew know known large larger largest late
lead leave left little long longer look looked looking lot main major mean means moment near nearly need
needed needs old particular particularly past possible potential present probably provide provided quite reach
reached read real reason recent recently remain remained remains result results right saw second seen sent set
shape short show showed shown significant significantly similar simply small soon start started stay strong
sure taking thought top total tried true try trying turn turned understand unlike went wide widely wrote yes
keep add adding sign monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december
""".split()
)
