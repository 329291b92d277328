"""Dates in sentences copied from the seed corpus, with the seeds' known publication dates."""

from __future__ import annotations

import pytest

from briefpack.dating.timex import tag

# Paragraph excerpts from the five seed texts (kept verbatim, shortened), with
# each source's DCT as SOURCES.md gives it.
ROUND_UP = (  # 000, weekly round-up of 19-26 May 2020
    "On 26 May, US Africa Command (AFRICOM) issued a statement. On 19 May, acting UN Special Envoy to "
    "Libya, Stephanie Williams, called on the UN Security Council to pressure international players, "
    "Williams welcomed the new political initiative proposed by House of Representatives (HoR) head "
    "Aqeela Saleh in late April and the constructive stance adopted by GNA head Fayez al-Serraj. "
    "The same day, the United Arab Emirates (UAE) Minister of State for Foreign Affairs, Anwar Gargash, "
    "stated on Twitter that a ceasefire is required.\n"
    "The next day, Russia and Turkey called for an immediate cessation of hostilities in Libya."
)
RAMANI = (  # 001
    "On April 8, Russia blocked a resolution in the UN Security Council that would have called upon "
    "Libyan National Army leader Khalifa Haftar to halt his offensive in Tripoli, which began on April 4. "
    "Russia’s decision reaffirmed its position as one of Haftar’s leading allies. Three days later, "
    "Haftar made a surprise visit to Moscow. In March, it was reported that the Wagner Group had "
    "allegedly deployed 300 Russian troops to Benghazi. This was after an initial meeting in November "
    "2018 between Haftar and Russian officials. Fierce clashes on April 11, which left 56 dead and 200 "
    "wounded. 1. Interview with Kirill Semenov, April 11, 2019."
)
CARNEGIE = (  # 002
    "Ghassan Salamé’s launch of the Berlin Process in September 2019. Since early September, Turkey has "
    "decreased its number of drone strikes. Understanding with Turkey on maritime borders and security "
    "cooperation in late November, resulting in an Ex"
)
HAUER = (  # 003
    "parade a Russian Pantsir air defense system truck in Tripoli on May 20, 2020, after its capture. "
    "he made a pair of visits to the Russian capital in 2016. The first reports of Russian Wagner "
    "mercenaries on the ground in Libya emerged in March 2019.\nBy later that year, they were fighting "
    "on the front lines. By mid-2020, LNA forces were in full retreat. There appears to have been a view "
    "in Moscow on the potential for a Haftar victory that persisted well into this spring. For the "
    "better part of a year, Russia continued to invest. It was not until Turkey’s aerial campaign in "
    "April and May that Moscow apparently finally abandoned these efforts. On August 20, in a call with "
    "Turkish Foreign Minister Mevlut Cavusoglu, Russia’s top diplomat laid aside all doubts."
)
LPS = (  # 004
    "Haftar reportedly travelled to Moscow in early June to meet senior officials. There were also "
    "widespread rumours that Haftar will travel to the US to meet President Donald Trump in person in "
    "mid-June.\n\nLast week leaders of international human rights organisations circulated videos. "
    "On 7 June a White House source also denied that the meeting with Haftar had been planned. "
    "The false rumours of Haftar’s meetings with Putin and Trump may be a sign of his desperation."
)


def values(text: str, dct: str) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.mod) for t in tag(text, dct)}


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        (
            ROUND_UP,
            "2020-05",
            {
                "26 May": ("2020-05-26", None),
                "19 May": ("2020-05-19", None),
                "late April": ("2020-04", "END"),
                "The same day": ("2020-05-19", None),
                "The next day": ("2020-05-20", None),
            },
        ),
        (
            RAMANI,
            "2019-04",
            {
                "April 8": ("2019-04-08", None),
                "April 4": ("2019-04-04", None),
                "Three days later": ("2019-04-11", None),
                "March": ("2019-03", None),
                "November 2018": ("2018-11", None),
                "April 11": ("2019-04-11", None),
                "April 11, 2019": ("2019-04-11", None),
            },
        ),
        (
            CARNEGIE,
            "2019-12",
            {
                "September 2019": ("2019-09", None),
                "early September": ("2019-09", "START"),
                "late November": ("2019-11", "END"),
            },
        ),
        (
            HAUER,
            "2020-09",
            {
                "May 20, 2020": ("2020-05-20", None),
                "2016": ("2016", None),
                "March 2019": ("2019-03", None),
                "later that year": ("2019", None),
                "mid-2020": ("2020", "MID"),
                "this spring": ("2020-SP", None),
                "April": ("2020-04", None),
                "May": ("2020-05", None),
                "August 20": ("2020-08-20", None),
            },
        ),
        (
            LPS,
            "2019-06",
            {
                "early June": ("2019-06", "START"),
                "mid-June": ("2019-06", "MID"),
                "Last week": ("XXXX-WXX", None),
                "7 June": ("2019-06-07", None),
            },
        ),
    ],
)
def test_seed_dates(text, dct, expected):
    assert values(text, dct) == expected
