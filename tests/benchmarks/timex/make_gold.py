"""Build gold.jsonl from hand-annotated texts, so offsets are always exact.

Each text marks an expression as [[span|value|mod|case]] (mod empty for
none).  The values are hand judgements under TIMEX3/HeidelTime conventions:
they were written before the tagger and must not be copied from its output.
Run:  python tests/benchmarks/timex/make_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]*)\|([^|\]]+)\]\]")

# (id, dct, marked text); a record without marks is a negative text.
RECORDS: list[tuple[str, str | None, str]] = [
    # --- elections
    (
        "elec-01",
        "2020-11-05",
        "Voters went to the polls on [[Tuesday|2020-11-03||relative-weekday]] in what officials called "
        "the largest turnout since [[1960|1960||year]]. Final results are expected "
        "[[tomorrow|2020-11-06||relative-deictic]].",
    ),
    (
        "elec-02",
        "2019-12-13",
        "The Conservatives won 365 seats in the general election held on [[12 December 2019|2019-12-12||explicit]], "
        "the party's best result since [[1987|1987||year]]. The previous election took place in "
        "[[June 2017|2017-06||explicit]].",
    ),
    (
        "elec-03",
        "2022-02-14",
        "The opposition leader said on [[Friday|2022-02-11||relative-weekday]] that she will stand in the "
        "presidential election in [[April|2022-04||underspecified]]. Polls opened [[last week|2022-W06||relative-deictic]] "
        "for 48 million registered voters.",
    ),
    (
        "elec-04",
        "2016-11-09",
        "[[Yesterday|2016-11-08||relative-deictic]] Americans chose a new president, ending a campaign that began in "
        "[[the spring of 2015|2015-SP||season]]. The new president will be sworn in on [[20 January|2017-01-20||underspecified]].",
    ),
    (
        "elec-05",
        "2021-06",
        "Parliament was dissolved in [[early May|2021-05|START|modifier]] and a snap election will be held "
        "on [[June 20|2021-06-20||underspecified]]. The last snap poll was in [[2016|2016||year]], "
        "when 1,600 candidates stood.",
    ),
    (
        "elec-06",
        None,
        "The referendum of [[23 June 2016|2016-06-23||explicit]] split the country. [[Three years later|2019||relative-offset]], "
        "the question was still unresolved, and by [[the end of 2019|2019|END|modifier]] a new government had a majority.",
    ),
    (
        "elec-07",
        "2024-07-05",
        "Labour's landslide on [[4 July|2024-07-04||underspecified]] ended fourteen years of Conservative rule. "
        "The new cabinet meets for the first time [[today|2024-07-05||relative-deictic]], and the King's Speech is due "
        "on [[17 July|2024-07-17||underspecified]].",
    ),
    # --- markets and business
    (
        "mkt-01",
        "2019-03-12",
        "Shares in the carmaker fell 2.5% on [[Monday|2019-03-11||relative-weekday]] after it reported a loss for "
        "[[the fourth quarter of 2018|2018-Q4||quarter]]. The company said it expects sales to recover in "
        "[[the second half of 2019|2019-H2||half]]. Analysts had forecast a profit of $2,016 million.",
    ),
    (
        "mkt-02",
        "2020-04-30",
        "Revenue in [[Q1 2020|2020-Q1||quarter]] dropped 18 per cent, the company said on "
        "[[Wednesday|2020-04-29||relative-weekday]]. It expects [[the second quarter|2020-Q2||quarter]] to be worse.",
    ),
    (
        "mkt-03",
        "2019-06-12",
        "The pound hit a two-year low on [[11/06/2019|2019-06-11||explicit]] and has fallen 4% since "
        "[[early 2019|2019|START|modifier]]. Traders now expect the central bank to act in "
        "[[the first half of 2020|2020-H1||half]].",
    ),
    (
        "mkt-04",
        "2008-10-14",
        "Markets collapsed on [[September 29, 2008|2008-09-29||explicit]], when the index lost 778 points. "
        "It was the worst day since [[October 19, 1987|1987-10-19||explicit]], and stocks fell again "
        "[[last week|2008-W41||relative-deictic]].",
    ),
    (
        "mkt-05",
        "2021-01-15",
        "The retailer reported record sales for [[H2 2020|2020-H2||half]] and said [[this year|2021||relative-deictic]] "
        "would bring 3,000 new jobs. Its shares have doubled since [[March 2020|2020-03||explicit]].",
    ),
    (
        "mkt-06",
        "2023-01-18",
        "Inflation peaked in [[October|2022-10||underspecified]] at 11.1 per cent and has eased for two months. "
        "The bank meets again on [[2 February|2023-02-02||underspecified]], and economists think rates will peak by "
        "[[mid-2023|2023|MID|modifier]].",
    ),
    (
        "mkt-07",
        "2017-10-25",
        "The company was founded in [[the 1990s|199||decade]] and listed its shares in [[2004|2004||year]]. "
        "[[Two years ago|2015||relative-deictic]] it moved its headquarters, and [[next month|2017-11||relative-deictic]] "
        "it opens a plant employing 2000 workers.",
    ),
    (
        "mkt-08",
        "2020-07-31",
        "Output shrank in [[the second quarter|2020-Q2||quarter]], the statistics office said on "
        "[[Thursday|2020-07-30||relative-weekday]], the sharpest fall since [[the first quarter of 2009|2009-Q1||quarter]].",
    ),
    (
        "mkt-09",
        "2019-02",
        "Crude rose above $60 in [[late January|2019-01|END|modifier]] after producers agreed in "
        "[[December|2018-12||underspecified]] to cut output by 1.2 million barrels a day.",
    ),
    # --- storms and weather
    (
        "storm-01",
        "2021-09-02",
        "Hurricane Ida made landfall in Louisiana on [[Sunday|2021-08-29||relative-weekday]], exactly sixteen years after "
        "Hurricane Katrina struck on [[August 29, 2005|2005-08-29||explicit]]. About 1,000 people were evacuated "
        "[[yesterday|2021-09-01||relative-deictic]].",
    ),
    (
        "storm-02",
        "2018-03-05",
        "The cold snap that began on [[26 February|2018-02-26||underspecified]] closed schools for 3 days. "
        "Forecasters say temperatures will rise [[this week|2018-W10||relative-deictic]], but snow could return "
        "[[next week|2018-W11||relative-deictic]].",
    ),
    (
        "storm-03",
        "2020-09",
        "The wildfires that started in [[mid-August|2020-08|MID|modifier]] had burned 3,000 square miles by "
        "[[September 8|2020-09-08||underspecified]]. [[The next day|2020-09-09||anaphoric]], the sky over the city turned orange.",
    ),
    (
        "storm-04",
        "2019-11-14",
        "Venice flooded on [[Tuesday|2019-11-12||relative-weekday]] when the tide reached 187 cm, the highest since "
        "[[1966|1966||year]]. The mayor said [[the same day|2019-11-12||anaphoric]] that the damage would run to "
        "hundreds of millions of euros.",
    ),
    ("storm-05", "2022", "The drought of [[summer 2022|2022-SU||season]] was the worst in [[500 years|*||skip]]."),
    (
        "storm-06",
        "2015-12-30",
        "Storm Desmond hit Cumbria on [[5 December|2015-12-05||underspecified]], and Storm Eva followed on "
        "[[24 Dec.|2015-12-24||underspecified]] Rivers may rise again [[this weekend|*||skip]]",
    ),
    (
        "storm-07",
        "2021-02-20",
        "Texas lost power on [[15.02.2021|2021-02-15||explicit]] as temperatures fell to -18C. [[Four days later|2021-02-19||relative-offset]], "
        "two million homes were still without electricity, and [[this winter|2021-WI||season]] is already the coldest in decades.",
    ),
    # --- sport
    (
        "sport-01",
        "2018-07-16",
        "France beat Croatia 4-2 in Moscow on [[15 July 2018|2018-07-15||explicit]] to win their second World Cup, "
        "twenty years after their first triumph in [[1998|1998||year]]. The squad of 23 players returns to Paris "
        "[[today|2018-07-16||relative-deictic]].",
    ),
    (
        "sport-02",
        "2021-04-09",
        "The Masters begins [[today|2021-04-09||relative-deictic]], five months after the [[2020|2020||year]] edition was played "
        "in [[November|2020-11||underspecified]]. Tiger Woods, who won in [[2019|2019||year]], is absent.",
    ),
    (
        "sport-03",
        "2019-06-12",
        "Game 6 of the final is scheduled for [[Thursday|2019-06-13||relative-weekday]], and if the Raptors win, "
        "the parade will be held [[three days later|2019-06-16||relative-offset]].",
    ),
    (
        "sport-04",
        "2023-05-02",
        "The club was relegated in [[the 2010s|201||decade]] and spent [[two seasons|*||skip]] in the third tier. "
        "It was promoted on [[29 April 2023|2023-04-29||explicit]] and plays its first home game on [[Aug. 5|2023-08-05||underspecified]].",
    ),
    (
        "sport-05",
        "2016-08-22",
        "Usain Bolt won his third 100m gold on [[14th August|2016-08-14||underspecified]]. He first won the title at Beijing "
        "in [[2008|2008||year]], and [[four years later|2012||relative-offset]] he repeated the feat in London.",
    ),
    (
        "sport-06",
        "2024-03-11",
        "The marathon takes place on [[Sunday|2024-03-17||relative-weekday]]; entries closed on [[28/02/2024|2024-02-28||explicit]] "
        "with 42,195 runners registered.",
    ),
    (
        "sport-07",
        "2022-12-19",
        "Argentina won the World Cup final [[yesterday|2022-12-18||relative-deictic]], their first title since "
        "[[1986|1986||year]]. Messi, who debuted in [[August 2005|2005-08||explicit]], scored twice.",
    ),
    # --- health
    (
        "health-01",
        "2020-03-20",
        "The health ministry reported 300 new cases on [[Thursday|2020-03-19||relative-weekday]]. The first case was confirmed "
        "on [[26 February|2020-02-26||underspecified]], and schools will close from [[23 March|2020-03-23||underspecified]].",
    ),
    (
        "health-02",
        "2021-01",
        "Vaccinations began on [[8 December 2020|2020-12-08||explicit]]. The government aims to offer a first dose to "
        "every adult by [[the autumn|2021-FA||season]] and expects cases to fall [[this spring|2021-SP||season]].",
    ),
    (
        "health-03",
        "2020-12-14",
        "The first doses were given [[this morning|2020-12-14||relative-deictic]]. Trials began in [[July|2020-07||underspecified]] "
        "and results were published on [[November 18|2020-11-18||underspecified]].",
    ),
    (
        "health-04",
        None,
        "The outbreak was declared over on [[2014-09-03|2014-09-03||explicit]]. [[Two weeks earlier|2014-08-20||relative-offset]], "
        "the last patient had been discharged.",
    ),
    (
        "health-05",
        "2019-05-29",
        "The WHO declared the measles outbreak an emergency on [[Monday|2019-05-27||relative-weekday]]. Cases rose sharply in "
        "[[the first quarter|2019-Q1||quarter]], with 1,200 infections, and [[earlier this month|2019-05||relative-deictic]] "
        "the city closed 12 schools.",
    ),
    (
        "health-06",
        "2021-07-19",
        "Restrictions end [[today|2021-07-19||relative-deictic]], more than a year after the first lockdown of "
        "[[23 March 2020|2020-03-23||explicit]]. Ministers may reimpose them in [[the winter|2021-WI||season]].",
    ),
    (
        "health-07",
        "2020-10",
        "Hospital admissions doubled in [[September|2020-09||underspecified]] and are expected to peak in "
        "[[mid-November|2020-11|MID|modifier]].",
    ),
    # --- courts and law
    (
        "court-01",
        "2019-10-01",
        "The Supreme Court ruled on [[24 September 2019|2019-09-24||explicit]] that the prorogation of Parliament was unlawful. "
        "The case, heard over three days, began on [[17 September|2019-09-17||underspecified]]. A further hearing is "
        "scheduled for [[January|2020-01||underspecified]].",
    ),
    (
        "court-02",
        "2021-04-21",
        "A jury found the former officer guilty on [[Tuesday|2021-04-20||relative-weekday]]. Sentencing will take place in "
        "[[eight weeks|*||skip]], the judge said; the trial had opened on [[March 29|2021-03-29||underspecified]].",
    ),
    (
        "court-03",
        "2018-05",
        "The law, passed in [[2016|2016||year]], took effect on [[May 25, 2018|2018-05-25||explicit]]. Regulators said "
        "[[last year|2017||relative-deictic]] that fines could reach 4% of turnover.",
    ),
    (
        "court-04",
        "2022-06-25",
        "The court overturned the [[1973|1973||year]] ruling [[yesterday|2022-06-24||relative-deictic]]. The draft opinion leaked in "
        "[[early May|2022-05|START|modifier]], and the case was argued on [[1 December 2021|2021-12-01||explicit]].",
    ),
    (
        "court-05",
        None,
        "The defendant was arrested on [[05/26/2017|2017-05-26||explicit]] and charged [[the following day|2017-05-27||anaphoric]]. "
        "The trial began in [[the summer of 2018|2018-SU||season]].",
    ),
    (
        "court-06",
        "2020-01-10",
        "The appeal will be heard in [[week 12 of 2020|2020-W12||week]]. The original verdict, delivered "
        "[[last month|2019-12||relative-deictic]], ran to 2,040 pages.",
    ),
    (
        "court-07",
        "2015",
        "The judge set the hearing for [[11 March|2015-03-11||underspecified]], noting that the statute dates from "
        "[[the 19th century|18||century]].",
    ),
    # --- politics, diplomacy, misc
    (
        "pol-01",
        "2019-04",
        "The central bank cut interest rates in [[November|2018-11||underspecified]], its first cut since [[2016|2016||year]].",
    ),
    (
        "pol-02",
        "2019-04",
        "The central bank will review rates in [[November|2019-11||underspecified]], the governor said.",
    ),
    (
        "pol-03",
        "2020-05-28",
        "On [[26 May|2020-05-26||underspecified]], the league announced that the season would resume in "
        "[[mid-June|2020-06|MID|modifier]].",
    ),
    (
        "pol-04",
        "2020-05",
        "On [[19 May|2020-05-19||underspecified]], the envoy called for a ceasefire and praised the initiative launched in "
        "[[late April|2020-04|END|modifier]]. [[The same day|2020-05-19||anaphoric]], the minister agreed. "
        "[[The next day|2020-05-20||anaphoric]], two other states joined the call.",
    ),
    (
        "pol-05",
        "2019-04",
        "On [[April 8|2019-04-08||underspecified]], the council rejected a motion on the offensive, which began on "
        "[[April 4|2019-04-04||underspecified]]. [[Three days later|2019-04-11||relative-offset]], the general flew to Moscow.",
    ),
    (
        "pol-06",
        "2020-09",
        "The first reports emerged in [[March 2019|2019-03||explicit]]. By [[later that year|2019||anaphoric]], they were "
        "fighting on the front lines, and by [[mid-2020|2020|MID|modifier]] the offensive had collapsed.",
    ),
    (
        "pol-07",
        "2019-06",
        "The general travelled to Moscow in [[early June|2019-06|START|modifier]]. He will visit Washington in "
        "[[mid-June|2019-06|MID|modifier]], rumours say. On [[7 June|2019-06-07||underspecified]] an official denied the plan.",
    ),
    (
        "pol-09",
        "2019-12",
        "Since [[early September|2019-09|START|modifier]], strikes have decreased, while a maritime deal was signed in "
        "[[late November|2019-11|END|modifier]]. Talks in Berlin began in [[September 2019|2019-09||explicit]].",
    ),
    (
        "pol-10",
        "2018-08-01",
        "The summit is planned for [[Sept 7|2018-09-07||underspecified]] in Tehran. The leaders last met in "
        "[[the beginning of May|2018-05|START|modifier]] and again at [[the end of June|2018-06|END|modifier]].",
    ),
    (
        "pol-12",
        "2017",
        "The agreement signed in [[the early 2000s|200|START|decade]] expires at [[the end of the year|2017|END|modifier]].",
    ),
    (
        "pol-13",
        "2020-02-03",
        "The country formally left the bloc on [[Friday|2020-01-31||relative-weekday]] after [[47 years|*||skip]] of "
        "membership. Negotiations on trade start in [[March|2020-03||underspecified]] and must finish by "
        "[[31 December 2020|2020-12-31||explicit]].",
    ),
    (
        "pol-14",
        "2019-07-24",
        "He becomes prime minister [[today|2019-07-24||relative-deictic]], [[three years|*||skip]] after the referendum of "
        "[[2016|2016||year]]. His predecessor announced her resignation on [[24 May|2019-05-24||underspecified]].",
    ),
    (
        "pol-15",
        None,
        "In [[2011|2011||year]] the uprising began. In [[February|2011-02||underspecified]] protesters filled the streets, and "
        "by [[October|2011-10||underspecified]] the regime had fallen. [[The following year|2012||anaphoric]] elections were held.",
    ),
    (
        "pol-16",
        "2021-08-16",
        "The capital fell [[yesterday|2021-08-15||relative-deictic]], [[two decades|*||skip]] after the invasion of "
        "[[October 2001|2001-10||explicit]]. Troops will leave by [[31 August|2021-08-31||underspecified]].",
    ),
    (
        "pol-17",
        "2020-12",
        "Talks collapsed in [[the third quarter of 2020|2020-Q3||quarter]] and resumed in [[mid-October|2020-10|MID|modifier]]. "
        "A deal is expected in [[the first half of 2021|2021-H1||half]].",
    ),
    (
        "pol-18",
        "2019-06-10",
        "The bill was introduced in [[week 23|2019-W23||week]] and will be debated in [[the autumn of 2019|2019-FA||season]].",
    ),
    (
        "pol-19",
        "2014-02-27",
        "Protesters have occupied the square since [[November 21, 2013|2013-11-21||explicit]]. The president fled on "
        "the night of [[21 February|2014-02-21||underspecified]].",
    ),
    (
        "pol-20",
        "2020-05-28",
        "The ministry published figures on [[2020-05-26|2020-05-26||explicit]] and again on [[May 27 2020|2020-05-27||explicit]]. "
        "The data for [[the 26th of May 2020|2020-05-26||explicit]] were later corrected.",
    ),
    (
        "pol-21",
        "2020-06-01",
        "The statement, dated [[01/06/2020|2020-06-01||explicit]], followed talks on [[05/13/2020|2020-05-13||explicit]] "
        "and [[13/05/2020|2020-05-13||explicit]] was cited twice.",
    ),
    (
        "pol-22",
        "2021-10-20",
        "The factory closed in [[the late 1980s|198|END|decade]] and reopened in [[autumn 2019|2019-FA||season]]. "
        "Production will start again [[next year|2022||relative-deictic]].",
    ),
    (
        "pol-23",
        "2022-03-01",
        "The invasion began on [[Thursday, 24 February 2022|2022-02-24||explicit]]. Troops reached the outskirts of the capital "
        "[[the next day|2022-02-25||anaphoric]].",
    ),
    (
        "pol-24",
        "2019-09-30",
        "The envoy resigned on [[Aug. 7|2019-08-07||underspecified]]. His successor, appointed [[a week later|2019-08-14||relative-offset]], "
        "arrived in [[early September|2019-09|START|modifier]].",
    ),
    (
        "pol-25",
        "2020-08-25",
        "On [[August 20|2020-08-20||underspecified]], the ministers spoke by phone. [[Later that month|2020-08||anaphoric]], they met in Moscow.",
    ),
    (
        "pol-26",
        "2020-09",
        "The offensive stalled in [[April|2020-04||underspecified]] and [[May|2020-05||underspecified]], and support persisted "
        "well into [[this spring|2020-SP||season]].",
    ),
    (
        "pol-27",
        "2021-03-15",
        "Officials said talks will resume on [[Wednesday|2021-03-17||relative-weekday]]. The last round ended on "
        "[[Thursday|2021-03-11||relative-weekday]].",
    ),
    (
        "pol-28",
        "2018-11-06",
        "[[Two days ago|2018-11-04||relative-deictic]] the minister resigned. The scandal broke in [[the summer|2018-SU||season]] "
        "and grew through [[the autumn|2018-FA||season]].",
    ),
    (
        "pol-29",
        "2016-06-30",
        "Sterling fell to its lowest level since [[1985|1985||year]] on [[Friday|2016-06-24||relative-weekday]], "
        "the day after the vote.",
    ),
    (
        "pol-30",
        "2022-09-09",
        "The Queen died on [[Thursday|2022-09-08||relative-weekday]], [[70 years|*||skip]] after she acceded to the throne in "
        "[[February 1952|1952-02||explicit]]. She had appointed a new prime minister [[earlier this week|2022-W36||relative-deictic]].",
    ),
    (
        "pol-31",
        "2020-01-02",
        "Fires burned across the state at [[the end of December|2019-12|END|modifier]], the worst of the "
        "[[2019/20|*||skip]] fire season.",
    ),
    (
        "pol-32",
        "2023-06-15",
        "The company reported results for [[the first half of the year|2023-H1||half]] and expects growth to slow in "
        "[[the second half of the year|2023-H2||half]].",
    ),
    (
        "pol-33",
        "2019-01-02",
        "Temperatures in [[the 20th century|19||century]] rose steadily, and [[2018|2018||year]] was the fourth warmest year on record.",
    ),
    (
        "pol-34",
        "2020-02",
        "Parliament approved the budget in [[late 2019|2019|END|modifier]] and will vote on the reform in "
        "[[early March|2020-03|START|modifier]].",
    ),
    # --- negatives: nothing in these texts is a date
    (
        "neg-01",
        "2020-05-28",
        "May I ask a question? They may well decide to wait, and 300 troops were deployed along with 1,000 police officers.",
    ),
    (
        "neg-02",
        "2019-06-10",
        "The measure passed with 2016 votes in favour, and the fee rose 25% to $2,020. Call 555-2019 for details.",
    ),
    (
        "neg-03",
        "2020-02-03",
        "Resolution 2259 was adopted unanimously. The soldiers had been deployed for two years, and the mission will last "
        "three months. Over the past year, 56 dead were counted.",
    ),
    (
        "neg-04",
        "2021-01-15",
        "The meeting starts at 10:00 and ends at 3 pm. Flight 1954 landed safely at gate 12. Theresa May said the vote may be delayed.",
    ),
    (
        "neg-05",
        None,
        "Temperatures reached 45.2 degrees and the council approved Bill 2021 by 12 votes to 3. She may return to the team.",
    ),
    (
        "neg-06",
        "2019-07-01",
        "The stadium holds 2,050 fans and 1999 seats were sold, with 2010 people on the waiting list.",
    ),
    (
        "neg-07",
        "2020-08-10",
        "Sales fell 12 per cent for a second consecutive quarter, and the company will cut 1,200 jobs over the next two years.",
    ),
    (
        "neg-08",
        "2021-05-30",
        "In the second half, United scored twice. Protesters plan to march on parliament, and June Carter will perform.",
    ),
    (
        "neg-09",
        "2018-01-01",
        "Each of the 1900 delegates spent 2050 euros; the temperature was 2000 degrees at 20:00 GMT.",
    ),
]


# Written after the tagger, without running it on them, and never used to tune
# it: the held-out part of the benchmark, scored on its own as well.
HELD_OUT: list[tuple[str, str | None, str]] = [
    (
        "ho-01",
        "2022-11-09",
        "Voters in the midterm elections cast ballots on [[Tuesday|2022-11-08||relative-weekday]], and control of the "
        "Senate may not be known until [[December|2022-12||underspecified]]. Turnout in [[2018|2018||year]] was 49%.",
    ),
    (
        "ho-02",
        "2019-08-23",
        "The Amazon fires, which have burned since [[mid-August|2019-08|MID|modifier]], will top the agenda when "
        "leaders meet on [[Saturday|2019-08-24||relative-weekday]]. Deforestation rose 88% in "
        "[[June|2019-06||underspecified]] compared with [[June 2018|2018-06||explicit]].",
    ),
    (
        "ho-03",
        "2023-03-14",
        "Silicon Valley Bank collapsed on [[March 10|2023-03-10||underspecified]], the largest bank failure since "
        "[[2008|2008||year]]. Regulators guaranteed all deposits [[two days later|2023-03-12||relative-offset]], and "
        "markets steadied [[yesterday|2023-03-13||relative-deictic]].",
    ),
    (
        "ho-04",
        "2018-02-26",
        "The Winter Olympics closed in Pyeongchang on [[Sunday|2018-02-25||relative-weekday]]. Norway topped the medal "
        "table with 39 medals, and the next Games open in Beijing in [[February 2022|2022-02||explicit]].",
    ),
    (
        "ho-05",
        "2020-10-02",
        "The first presidential debate was held on [[Tuesday|2020-09-29||relative-weekday]] in Cleveland, and the "
        "second is due on [[October 15|2020-10-15||underspecified]]. Early voting began in "
        "[[mid-September|2020-09|MID|modifier]].",
    ),
    (
        "ho-06",
        "2017-06-09",
        "Britain's snap election on [[8 June|2017-06-08||underspecified]] produced a hung parliament. The prime "
        "minister had called the vote in [[April|2017-04||underspecified]], [[three years|*||skip]] ahead of schedule.",
    ),
    (
        "ho-07",
        "2021-12",
        "Omicron was first reported to the WHO on [[24 November|2021-11-24||underspecified]]. By "
        "[[the middle of December|2021-12|MID|modifier]] it had become dominant in London, and officials expect a "
        "peak in [[January|2022-01||underspecified]].",
    ),
    (
        "ho-08",
        "2015-01-08",
        "Gunmen attacked the offices of the satirical weekly [[yesterday|2015-01-07||relative-deictic]], killing 12 "
        "people. The magazine had been firebombed in [[November 2011|2011-11||explicit]].",
    ),
    (
        "ho-09",
        "2016-07-25",
        "Pokemon Go was released on [[6 July|2016-07-06||underspecified]] and has been downloaded 75 million times. "
        "Nintendo shares have more than doubled, although they fell 18% on [[Monday|2016-07-25||relative-weekday]].",
    ),
    (
        "ho-10",
        "2019-05-21",
        "The final season of the series ended on [[Sunday|2019-05-19||relative-weekday]] after "
        "[[eight years|*||skip]] on air. A prequel is planned for [[2022|2022||year]].",
    ),
    (
        "ho-11",
        "2022-05-03",
        "The draft opinion, dated [[February 10|2022-02-10||underspecified]], was published "
        "[[last night|2022-05-02||relative-deictic]]. A final ruling is expected by "
        "[[the end of June|2022-06|END|modifier]] or [[early July|2022-07|START|modifier]].",
    ),
    (
        "ho-12",
        "2020-03-13",
        "Stocks suffered their worst day since [[1987|1987||year]] on [[Thursday|2020-03-12||relative-weekday]], as "
        "the WHO, which declared a pandemic on [[Wednesday|2020-03-11||relative-weekday]], urged action. Trading was "
        "halted for 15 minutes at 9:30am.",
    ),
    (
        "ho-13",
        "2012-08-13",
        "The London Olympics ended [[last night|2012-08-12||relative-deictic]] with a closing ceremony. The "
        "Paralympics begin on [[29 August|2012-08-29||underspecified]], and Rio hosts the Games in "
        "[[2016|2016||year]].",
    ),
    (
        "ho-14",
        None,
        "The dam was completed in [[1936|1936||year]]. In [[the summer|1936-SU||season]] the reservoir began to fill, "
        "and [[the following spring|1937-SP||anaphoric]] the first turbines turned.",
    ),
    (
        "ho-15",
        "2021-07-30",
        "Simone Biles withdrew from the team final on [[Tuesday|2021-07-27||relative-weekday]] and from the "
        "all-around [[the next day|2021-07-28||anaphoric]]. She had won four golds at Rio in [[2016|2016||year]].",
    ),
    (
        "ho-16",
        "2018-10",
        "The IPCC report, released on [[8 October|2018-10-08||underspecified]], says emissions must halve by "
        "[[2030|2030||year]] and reach net zero around mid-century.",
    ),
    (
        "ho-17",
        "2019-04-16",
        "Fire engulfed Notre-Dame [[last night|2019-04-15||relative-deictic]]. The cathedral's spire, added in "
        "[[the 19th century|18||century]], collapsed. The president vowed to rebuild within "
        "[[five years|*||skip]].",
    ),
    (
        "ho-18",
        "2020-06-30",
        "Revenue fell 12% in [[the second quarter|2020-Q2||quarter]] and is forecast to recover in "
        "[[Q4|2020-Q4||quarter]]. Full-year guidance, withdrawn in [[March|2020-03||underspecified]], will be "
        "reinstated in [[August|2020-08||underspecified]].",
    ),
    (
        "ho-19",
        "2023-02-07",
        "Two earthquakes struck southern Turkey on [[Monday|2023-02-06||relative-weekday]], the first at 4:17 am. "
        "It was the country's deadliest quake since [[1939|1939||year]]. Rescuers said "
        "[[this morning|2023-02-07||relative-deictic]] that 5,000 people had died.",
    ),
    (
        "ho-20",
        "2019-01-02",
        "Markets ended [[2018|2018||year]] with the worst annual loss since [[2008|2008||year]]. Trading resumes "
        "[[today|2019-01-02||relative-deictic]] after the holiday.",
    ),
    (
        "ho-21",
        "2021-03-23",
        "The container ship ran aground in the Suez Canal [[this morning|2021-03-23||relative-deictic]]. The canal, "
        "opened in [[November 1869|1869-11||explicit]], carries about 12% of world trade.",
    ),
    (
        "ho-22",
        "2020-01",
        "Australia's fire season began unusually early, in [[September|2019-09||underspecified]]. Rain forecast for "
        "[[mid-January|2020-01|MID|modifier]] may bring relief.",
    ),
    (
        "ho-23",
        "2017-09-21",
        "Hurricane Maria made landfall in Puerto Rico [[yesterday|2017-09-20||relative-deictic]] as a Category 4 "
        "storm, the strongest to hit the island since [[1928|1928||year]].",
    ),
    (
        "ho-24",
        "2024-01-16",
        "Voting in the Iowa caucuses took place [[last night|2024-01-15||relative-deictic]] in temperatures of -20C. "
        "New Hampshire votes [[next Tuesday|2024-01-23||relative-weekday]], and Super Tuesday falls on "
        "[[March 5|2024-03-05||underspecified]].",
    ),
    (
        "ho-25",
        "2018-12-10",
        "The Brexit vote scheduled for [[tomorrow|2018-12-11||relative-deictic]] was postponed "
        "[[this afternoon|2018-12-10||relative-deictic]]. MPs will now vote before "
        "[[21 January|2019-01-21||underspecified]].",
    ),
    (
        "ho-26",
        "2016-03-01",
        "[[Yesterday|2016-02-29||relative-deictic]], [[29 February|2016-02-29||underspecified]], was a leap day.",
    ),
    (
        "ho-27",
        "2021-09-01",
        "The 1500 metres was won in 3:28.32, and 2,400 athletes competed. Some 1980 volunteers may help.",
    ),
    ("ho-28", "2022-04-05", "March Madness ended with a 72-69 win; the Final Four drew 70,000 fans."),
    (
        "ho-29",
        "2019-11-29",
        "Black Friday sales began [[today|2019-11-29||relative-deictic]], a day after Thanksgiving.",
    ),
    (
        "ho-30",
        "2020-04-01",
        "Unemployment claims hit 3.3 million in the week ending [[March 21|2020-03-21||underspecified]], up from "
        "282,000 [[a week earlier|2020-03-14||relative-offset]].",
    ),
]


# A second blind set, written after the first had been used for tuning.
HELD_OUT_2: list[tuple[str, str | None, str]] = [
    (
        "h2-01",
        "2023-08-24",
        "India's Chandrayaan-3 landed near the Moon's south pole on [[Wednesday|2023-08-23||relative-weekday]], four "
        "years after the Chandrayaan-2 lander crashed in [[September 2019|2019-09||explicit]]. The rover will operate "
        "for 14 days.",
    ),
    (
        "h2-02",
        "2022-09-29",
        "Hurricane Ian made landfall in Florida [[Wednesday|2022-09-28||relative-weekday]] afternoon as a Category 4 "
        "storm. It is expected to reach South Carolina by [[Friday|2022-09-30||relative-weekday]].",
    ),
    (
        "h2-03",
        "2019-07-17",
        "The central bank kept rates on hold at its meeting [[last month|2019-06||relative-deictic]] but signalled a "
        "cut in [[September|2019-09||underspecified]].",
    ),
    (
        "h2-04",
        "2021-05-10",
        "The Colonial pipeline was shut down on [[Friday|2021-05-07||relative-weekday]] after a ransomware attack. The "
        "company hopes to restore service by [[the end of the week|2021-W19|END|modifier]].",
    ),
    (
        "h2-05",
        "2016-06-24",
        "Britain voted [[yesterday|2016-06-23||relative-deictic]] to leave the European Union, which it joined in "
        "[[1973|1973||year]]. The prime minister said he would resign by [[October|2016-10||underspecified]].",
    ),
    (
        "h2-06",
        "2018-09-15",
        "Lehman Brothers filed for bankruptcy on [[15 September 2008|2008-09-15||explicit]], "
        "[[ten years ago|2008||relative-deictic]] this weekend.",
    ),
    (
        "h2-07",
        "2020-12-09",
        "A 90-year-old woman became the first person to receive the vaccine outside a trial on "
        "[[Tuesday|2020-12-08||relative-weekday]]. Regulators approved it [[last week|2020-W49||relative-deictic]], and "
        "the second dose is due in [[21 days|*||skip]].",
    ),
    (
        "h2-08",
        "2014-07-18",
        "Flight MH17 was shot down over eastern Ukraine [[yesterday|2014-07-17||relative-deictic]], killing all 298 "
        "people on board. The Boeing 777 had left Amsterdam at 12:15 local time.",
    ),
    (
        "h2-09",
        "2019-03-29",
        "Parliament rejected the withdrawal agreement for a third time [[today|2019-03-29||relative-deictic]], the day "
        "the UK was originally due to leave. The EU has set a new deadline of [[12 April|2019-04-12||underspecified]].",
    ),
    (
        "h2-10",
        "2017-01-21",
        "Donald Trump was sworn in as the 45th president [[yesterday|2017-01-20||relative-deictic]]. He won the "
        "election on [[8 November|2016-11-08||underspecified]] despite losing the popular vote by nearly 2.9 million.",
    ),
    (
        "h2-11",
        "2021-02-19",
        "NASA's Perseverance rover touched down on Mars [[yesterday|2021-02-18||relative-deictic]] after a journey "
        "that began in [[July 2020|2020-07||explicit]]. Its first drive is planned for "
        "[[early March|2021-03|START|modifier]].",
    ),
    (
        "h2-12",
        "2022-07-01",
        "Annual inflation in the eurozone hit 8.6% in [[June|2022-06||underspecified]], up from 8.1% in "
        "[[May|2022-05||underspecified]].",
    ),
    (
        "h2-13",
        "2018-06-04",
        "Microsoft agreed to buy GitHub for $7.5 billion, the company said [[today|2018-06-04||relative-deictic]]. The "
        "deal is expected to close by [[the end of the year|2018|END|modifier]].",
    ),
    (
        "h2-14",
        "2020-08-05",
        "A massive explosion tore through the port of Beirut [[yesterday|2020-08-04||relative-deictic]]. About 2,750 "
        "tonnes of ammonium nitrate had been stored there since [[2014|2014||year]].",
    ),
    (
        "h2-15",
        "2011-03-14",
        "The earthquake struck off the coast of Japan at 2:46 pm on [[Friday|2011-03-11||relative-weekday]], "
        "triggering a tsunami. [[The following day|2011-03-12||anaphoric]], a hydrogen explosion hit the Fukushima plant.",
    ),
    (
        "h2-16",
        "2019-10-10",
        "The Nobel Prize in Literature for [[2018|2018||year]], postponed after a scandal, was awarded "
        "[[today|2019-10-10||relative-deictic]] alongside the [[2019|2019||year]] prize.",
    ),
    (
        "h2-17",
        "2023-11-30",
        "The summit opens in Dubai [[tomorrow|2023-12-01||relative-deictic]] and runs until "
        "[[12 December|2023-12-12||underspecified]]. [[Last year|2022||relative-deictic]]'s talks in Sharm el-Sheikh "
        "ran [[two days|*||skip]] over schedule.",
    ),
    (
        "h2-18",
        "2020-02-12",
        "The WHO named the disease Covid-19 on [[Tuesday|2020-02-11||relative-weekday]]. Cases have risen sharply since "
        "[[late January|2020-01|END|modifier]], and a vaccine could be 18 months away.",
    ),
    (
        "h2-19",
        "2015-12-13",
        "Negotiators in Paris adopted the climate agreement [[last night|2015-12-12||relative-deictic]] after "
        "[[two weeks|*||skip]] of talks. It will enter into force in [[2020|2020||year]].",
    ),
    (
        "h2-20",
        "2024-02-05",
        "The Kansas City Chiefs will face the 49ers in the Super Bowl on [[Sunday|2024-02-11||relative-weekday]], a "
        "rematch of the game played in [[February 2020|2020-02||explicit]].",
    ),
    (
        "h2-21",
        None,
        "The company was founded on [[12 March 1989|1989-03-12||explicit]]. By "
        "[[the end of that year|1989|END|anaphoric]] it employed 40 people, and [[a decade later|1999||relative-offset]] "
        "it was listed.",
    ),
    (
        "h2-22",
        "2019-09-26",
        "The climate strikes of [[20 September|2019-09-20||underspecified]] drew an estimated four million people. "
        "Another round is planned for [[Friday|2019-09-27||relative-weekday]].",
    ),
    (
        "h2-23",
        "2022-01-10",
        "Djokovic won his appeal against deportation [[today|2022-01-10||relative-deictic]]. He had arrived in "
        "Melbourne on [[5 January|2022-01-05||underspecified]] and the Open starts on "
        "[[17 January|2022-01-17||underspecified]].",
    ),
    (
        "h2-24",
        "2018-03",
        "Spending rose in [[the fourth quarter|2017-Q4||quarter]], figures released in "
        "[[February|2018-02||underspecified]] showed.",
    ),
    (
        "h2-25",
        "2020-06-01",
        "The stadium has 1,918 seats and 2020 parking spaces; the ticket office may open at 09:30.",
    ),
    (
        "h2-26",
        "2021-10-05",
        "Section 2021 of the tax code applies to firms with 500 or more staff. May we suggest a review?",
    ),
    (
        "h2-27",
        "2017-05-08",
        "Emmanuel Macron won the French presidency [[yesterday|2017-05-07||relative-deictic]] with 66% of the vote. He "
        "will be inaugurated [[next Sunday|2017-05-14||relative-weekday]] and faces legislative elections in "
        "[[June|2017-06||underspecified]].",
    ),
    (
        "h2-28",
        "2021-11",
        "Prices at the pump have risen every month since [[April|2021-04||underspecified]], and analysts say they "
        "will stay high through [[the winter|2021-WI||season]].",
    ),
    (
        "h2-29",
        "2016-08-08",
        "Michael Phelps won his 19th Olympic gold [[last night|2016-08-07||relative-deictic]], [[12 years|*||skip]] "
        "after his first in Athens in [[2004|2004||year]].",
    ),
    (
        "h2-30",
        "2019-12-19",
        "The House impeached the president [[last night|2019-12-18||relative-deictic]]. A Senate trial is expected in "
        "[[January|2020-01||underspecified]].",
    ),
]


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip the marks, returning the plain text and its expressions.

    A mark whose value is "*" records a phrase deliberately left untagged
    (a duration, a set, a part of a day): it is dropped from the gold, so a
    tagger that tags it pays in precision.
    """
    text, expressions, pos = [], [], 0
    for match in MARK.finditer(marked):
        text.append(marked[pos : match.start()])
        offset = sum(map(len, text))
        span, value, mod, case = match.groups()
        text.append(span)
        if value != "*":
            expressions.append(
                {
                    "start": offset,
                    "end": offset + len(span),
                    "text": span,
                    "value": value,
                    "mod": mod or None,
                    "case": case,
                }
            )
        pos = match.end()
    text.append(marked[pos:])
    return "".join(text), expressions


def main() -> None:
    out = Path(__file__).with_name("gold.jsonl")
    lines = []
    for split, records in (("dev", RECORDS), ("heldout1", HELD_OUT), ("heldout2", HELD_OUT_2)):
        for rid, dct, marked in records:
            text, expressions = parse(marked)
            record = {"id": rid, "dct": dct, "text": text, "expressions": expressions, "split": split}
            if not expressions:
                record["case"] = "negative-text"
            lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = sum(len(parse(m)[1]) for _, _, m in RECORDS + HELD_OUT + HELD_OUT_2)
    print(f"{len(lines)} texts, {count} expressions -> {out}")


if __name__ == "__main__":
    main()
