"""Blind set 3: news-style texts annotated by hand for issue 15, before any rule was tuned on them.

Written for this benchmark (wire copy, newspaper, editorial, financial), not copied from any corpus.
Marks as in make_gold.py: [[span|value|mod|class]]; the class names the way the date is written, so
the score can be read per kind of difficulty (see make_blind.py for the list).
"""

BLIND3: list[tuple[str, str | None, str]] = [
    (
        "b3-01",
        "1998-03-12",
        "WASHINGTON (AP) - A federal judge on [[Wednesday|1998-03-11||weekday]] ordered the company to turn over "
        "its records by [[March 27|1998-03-27||reported-future]], lawyers for both sides said. The judge set a "
        "hearing for [[April 6|1998-04-06||reported-future]] and said the trial could begin as early as "
        "[[June|1998-06||reported-future]].",
    ),
    (
        "b3-02",
        "1998-03-12",
        "The family arrived in the country in [[late December|1997-12|END|past-month]], a spokeswoman said. "
        "Immigration officials told them [[Thursday|1998-03-12||weekday]] that they must leave by "
        "[[the end of the month|1998-03|END|modifier]]. Some 2000 people signed a petition on their behalf.",
    ),
    (
        "b3-03",
        "1998-10-16",
        "The storm came ashore near the border on [[Tuesday|1998-10-13||weekday]] and had weakened by "
        "[[Wednesday|1998-10-14||weekday]]. Relief flights were scheduled to resume on "
        "[[Monday|1998-10-19||weekday-future]], the agency said. The last storm of this strength hit the coast "
        "in [[1961|1961||year]].",
    ),
    (
        "b3-04",
        "1999-02-03",
        "The senator said she had decided to seek a third term and would announce her campaign on "
        "[[Feb. 15|1999-02-15||reported-future]] in her hometown. Her last race, in "
        "[[November 1996|1996-11||explicit]], was the closest of her career. Aides said fund-raising began in "
        "[[December|1998-12||past-month]].",
    ),
    (
        "b3-05",
        "1999-02-03",
        "[[Last week|1999-W04||deictic]]'s vote was not the end of the matter. The council is expected to take up "
        "the budget again in [[March|1999-03||reported-future]], and voters deserve a clearer answer than the one "
        "they got on [[Jan. 26|1999-01-26||past-month]]. The council may yet surprise us.",
    ),
    (
        "b3-06",
        "1999-07-21",
        "Acme Corp. said [[Tuesday|1999-07-20||weekday]] that net income rose 12 percent in "
        "[[the second quarter|1999-Q2||financial-quarter]], to $84 million, from $75 million "
        "[[a year ago|1998-Q2||financial-quarter]]. Sales for [[the first half|1999-H1||financial-quarter]] were "
        "up 9 percent.",
    ),
    (
        "b3-07",
        "1999-07-21",
        "The club fired its manager on [[Sunday|1999-07-18||weekday]], after a loss that left the team 14 games "
        "out of first place. He had been hired in [[October 1997|1997-10||explicit]]. The new manager will make "
        "his debut [[Friday|1999-07-23||weekday-future]] against Boston.",
    ),
    (
        "b3-08",
        "1999-11-30",
        "Negotiators meeting in Geneva said [[yesterday|1999-11-29||deictic]] that a draft agreement could be "
        "ready by [[mid-December|1999-12|MID|reported-future]]. The talks were first proposed in "
        "[[the summer of 1997|1997-SU||season]] and stalled in [[September|1999-09||past-month]].",
    ),
    (
        "b3-09",
        "2000-01-14",
        "The family's lawyers said [[Thursday|2000-01-13||weekday]] they would file papers in federal court by "
        "[[Jan. 21|2000-01-21||reported-future]]. The teenager has stayed with an aunt since "
        "[[late November|1999-11|END|past-month]], when coast guard crews found him adrift. A state panel had "
        "asked him to appear on [[Feb. 10|2000-02-10||reported-future]].",
    ),
    (
        "b3-10",
        "2000-01-14",
        "The strike began on [[Dec. 6|1999-12-06||past-month]], a Monday. By "
        "[[that Friday|1999-12-10||weekday-anchored]], 4,000 workers had walked out, and "
        "[[the following Monday|1999-12-13||weekday-anchored]] the company made its first offer. Talks resume "
        "[[next week|2000-W03||deictic]].",
    ),
    (
        "b3-11",
        "2000-05-09",
        "The appeals court will hear arguments in the case in [[June|2000-06||reported-future]], the clerk said. "
        "A lower court ruled against the city in [[March|2000-03||past-month]]. The city has fought the lawsuit "
        "since [[1994|1994||year]].",
    ),
    (
        "b3-12",
        "2000-05-09",
        "Tourism fell sharply after the floods of [[July last year|1999-07||last-year]], and hotel bookings for "
        "[[August|2000-08||underspecified]] are still down by a third, the board said on [[Monday|2000-05-08||weekday]].",
    ),
    (
        "b3-13",
        "2001-09-26",
        "Airlines said [[Monday|2001-09-24||weekday]] they expected to restore 80 percent of flights by "
        "[[mid-October|2001-10|MID|reported-future]]. Traffic fell [[last week|2001-W38||deictic]] to its lowest "
        "level since [[1991|1991||year]].",
    ),
    (
        "b3-14",
        "2002-04-18",
        "The school board voted [[last night|2002-04-17||deictic]] to close two elementary schools. The "
        "closings will take effect in [[September|2002-09||reported-future]]. Enrollment has fallen every year "
        "since [[the mid-1990s|199|MID|decade]].",
    ),
    (
        "b3-15",
        "2003-01-08",
        "Retail sales in [[December|2002-12||past-month]] were the weakest since [[1991|1991||year]], the "
        "Commerce Department said [[Tuesday|2003-01-07||weekday]]. Retailers had cut prices "
        "[[last November|2002-11||last-next-month]] to draw shoppers.",
    ),
    (
        "b3-16",
        "2003-06-27",
        "Health officials said [[Thursday|2003-06-26||weekday]] that the outbreak, first reported in "
        "[[February|2003-02||past-month]], appeared to be over. A report on its origins is due in "
        "[[September|2003-09||reported-future]].",
    ),
    (
        "b3-17",
        "2003-06-27",
        "The shelter closed its doors [[Friday|2003-06-27||weekday]] and its residents will move to a new building "
        "on [[Monday|2003-06-30||weekday-future]]. The city bought the building in [[2001|2001||year]] for "
        "$1.2 million.",
    ),
    (
        "b3-18",
        "2004-11-04",
        "Voters on [[Tuesday|2004-11-02||weekday]] approved the bond measure by a wide margin. Construction of the "
        "rail line is scheduled to start in [[spring 2005|2005-SP||season]] and finish by [[2009|2009||year]]. A "
        "similar measure failed in [[March 2002|2002-03||explicit]].",
    ),
    (
        "b3-19",
        "2004-11-04",
        "The legislature will take up the question [[next March|2005-03||last-next-month]], when it returns from "
        "recess. Lawmakers last debated it in [[January|2004-01||past-month]], and it died in committee.",
    ),
    (
        "b3-20",
        "2005-08-31",
        "Oil prices rose above $70 a barrel on [[Tuesday|2005-08-30||weekday]] for the first time. Refiners said "
        "repairs could take until [[October|2005-10||reported-future]]. Prices had dipped in "
        "[[early August|2005-08|START|modifier]].",
    ),
    (
        "b3-21",
        "2006-02-22",
        "The retailer reported [[fourth-quarter|2005-Q4||financial-quarter]] profit of $210 million, down from "
        "$260 million in [[the year-earlier quarter|2004-Q4||financial-quarter]]. For [[2006|2006||year]], it "
        "expects earnings of $3.10 a share. Sales in [[January|2006-01||past-month]] were flat.",
    ),
    (
        "b3-22",
        "2007-12-05",
        "The league's owners will vote on the proposal at their meeting in [[March|2008-03||reported-future]], the "
        "commissioner said. The rule was last changed in [[1999|1999||year]]. Players were told of the plan on "
        "[[Monday|2007-12-03||weekday]].",
    ),
    (
        "b3-23",
        "2008-03-19",
        "The central bank cut its benchmark rate by three-quarters of a point on [[Tuesday|2008-03-18||weekday]], "
        "its sixth cut since [[September|2007-09||past-month]]. Policymakers next meet on "
        "[[April 29-30|2008-04-29||range]], and economists expect a further cut by "
        "[[June|2008-06||reported-future]].",
    ),
    (
        "b3-24",
        "2008-03-19",
        "Home sales fell [[last month|2008-02||deictic]] to their lowest level since [[1998|1998||year]]. Sales "
        "had also been weak [[last November|2007-11||last-next-month]], before the holiday lull.",
    ),
    (
        "b3-25",
        "2009-06-10",
        "Transit workers will strike on [[June 22|2009-06-22||reported-future]] unless a deal is reached, union "
        "leaders said. Their contract expired in [[January|2009-01||past-month]]. A walkout in "
        "[[2005|2005||year]] lasted from [[Dec. 20|2005-12-20||range]] to [[Dec. 22|2005-12-22||range]].",
    ),
    (
        "b3-26",
        "2009-06-10",
        "The accord was signed on [[May 12|2009-05-12||past-month]] in Cairo. Officials said "
        "[[Monday|2009-06-08||weekday]] that both sides had kept to it, and a review is planned for "
        "[[Thursday|2009-06-11||weekday-future]].",
    ),
    (
        "b3-27",
        "2010-10-28",
        "Net income in [[the third quarter|2010-Q3||financial-quarter]] was $1.4 billion, or 52 cents a share, "
        "compared with $1.1 billion, or 41 cents, [[a year earlier|2009-Q3||financial-quarter]]. The company said "
        "revenue in [[the fourth quarter|2010-Q4||financial-quarter]] would be about flat.",
    ),
    (
        "b3-28",
        "2010-10-28",
        "Shares rose 4 percent in after-hours trading [[Wednesday|2010-10-27||weekday]]. They have gained 22 "
        "percent [[this year|2010||deictic]], after falling by half in [[2008|2008||year]].",
    ),
    (
        "b3-29",
        "2011-01-20",
        "The launch of the supply ship, postponed twice [[last month|2010-12||deictic]], is now set for "
        "[[Feb. 3|2011-02-03||reported-future]], the agency said. The station's crew will change over in "
        "[[March|2011-03||reported-future]]. The first module was launched in [[November 1998|1998-11||explicit]].",
    ),
    (
        "b3-30",
        "2011-01-20",
        "Floods in [[September last year|2010-09||last-year]] destroyed much of the harvest, and the government "
        "said on [[Wednesday|2011-01-19||weekday]] it would import wheat until [[the summer|2011-SU||season]].",
    ),
    (
        "b3-31",
        "2012-07-13",
        "The team's final training camp ended [[Thursday|2012-07-12||weekday]]. Athletes fly out on "
        "[[Sunday|2012-07-15||weekday-future]], and the opening ceremony is on "
        "[[July 27|2012-07-27||underspecified]].",
    ),
    (
        "b3-32",
        "2013-03-06",
        "When the council promised in [[2011|2011||year]] to fix the roads by "
        "[[the end of 2013|2013|END|modifier]], few believed it. [[Last February|2013-02||last-next-month]], the "
        "potholes were so bad that buses were rerouted. Residents should not have to wait until "
        "[[2015|2015||year]].",
    ),
    (
        "b3-33",
        "2014-09-23",
        "The foreign ministers will meet again in Vienna on [[Oct. 15|2014-10-15||reported-future]], the spokesman "
        "said, after talks broke up on [[Saturday|2014-09-20||weekday]] without agreement. An interim deal signed "
        "in [[November|2013-11||past-month]] expires on [[Nov. 24|2014-11-24||reported-future]].",
    ),
    (
        "b3-34",
        "2015-11-18",
        "Police said the suspect, arrested [[Monday|2015-11-16||weekday]], had been watched since "
        "[[the spring|2015-SP||season]]. He is due in court on [[Dec. 2|2015-12-02||reported-future]].",
    ),
    (
        "b3-35",
        "2015-11-18",
        "The bridge was closed in [[late October|2015-10|END|past-month]] after inspectors found cracks; it will "
        "reopen in [[early January|2016-01|START|reported-future]], the city said.",
    ),
    (
        "b3-36",
        "2016-04-07",
        "The vaccine trial began in [[December|2015-12||past-month]] and results are expected in "
        "[[the autumn|2016-FA||season]], the company said [[Wednesday|2016-04-06||weekday]].",
    ),
    (
        "b3-37",
        "2017-02-15",
        "The minister resigned on [[Monday|2017-02-13||weekday]], [[three days|*||skip]] after the newspaper's report. A "
        "by-election must be held by [[May 11|2017-05-11||reported-future]]. She had held the seat since "
        "[[2005|2005||year]].",
    ),
    (
        "b3-38",
        "2017-02-15",
        "The stadium will open in [[August next year|2018-08||last-year]], two years later than planned. Work "
        "started in [[2014|2014||year]] and stopped for [[six months|*||skip]] in [[2016|2016||year]].",
    ),
    (
        "b3-39",
        "2018-08-02",
        "Firefighters expect to contain the blaze by [[Aug. 15|2018-08-15||reported-future]]. It began on "
        "[[July 23|2018-07-23||past-month]] near a campground. The state's largest fire, in "
        "[[December 2017|2017-12||explicit]], burned for a month.",
    ),
    (
        "b3-40",
        "2019-01-29",
        "The chipmaker said revenue for [[the fourth quarter|2018-Q4||financial-quarter]] fell 5 percent from "
        "[[a year ago|2017-Q4||financial-quarter]], and it forecast a weaker "
        "[[first quarter|2019-Q1||financial-quarter]]. Its shares have fallen 30 percent since "
        "[[October|2018-10||past-month]].",
    ),
    (
        "b3-41",
        "2019-01-29",
        "The jury began deliberating on [[Jan. 17|2019-01-17||past-month]], a Thursday, and returned its verdict "
        "[[the following Tuesday|2019-01-22||weekday-anchored]]. Sentencing is set for "
        "[[April 4|2019-04-04||reported-future]].",
    ),
    (
        "b3-42",
        "2020-10-14",
        "Schools will reopen on [[Nov. 2|2020-11-02||reported-future]], the governor said "
        "[[Tuesday|2020-10-13||weekday]]. They have been closed since [[mid-March|2020-03|MID|modifier]].",
    ),
    (
        "b3-43",
        "2021-05-26",
        "If the bill passes, the tax would take effect in [[January|2022-01||reported-future]]. It was "
        "introduced in [[February|2021-02||past-month]] and cleared committee on [[May 18|2021-05-18||past-month]].",
    ),
    (
        "b3-44",
        "2022-11-09",
        "Polls closed at 8 p.m. on [[Tuesday|2022-11-08||weekday]]. A runoff, if needed, will be held on "
        "[[Dec. 6|2022-12-06||reported-future]]. The last runoff in the state was in "
        "[[January 2021|2021-01||explicit]].",
    ),
    (
        "b3-45",
        "2023-03-02",
        "Gas prices are down 40 percent since [[last August|2022-08||last-next-month]], when they peaked. Storage "
        "should be refilled by [[November|2023-11||reported-future]], and prices may ease in "
        "[[the second half|2023-H2||financial-quarter]].",
    ),
    (
        "b3-46",
        "2024-02-21",
        "The company will release the phone in [[the third quarter|2024-Q3||financial-quarter]], executives said "
        "on [[Tuesday|2024-02-20||weekday]]. The previous model came out in "
        "[[September 2022|2022-09||explicit]].",
    ),
    (
        "b3-47",
        "2025-07-17",
        "The heat wave began on [[July 8|2025-07-08||past-month]]. Farmers said the wheat harvest, normally "
        "finished by [[early August|2025-08|START|reported-future]], could run into "
        "[[September|2025-09||reported-future]].",
    ),
    (
        "b3-48",
        "1998-08-08",
        "NAIROBI, Kenya (AP) - Rescuers dug through rubble as dawn broke [[Saturday|1998-08-08||weekday]]. The two "
        "blasts occurred minutes apart on [[Friday|1998-08-07||weekday]]. The embassy had been warned in "
        "[[December|1997-12||past-month]].",
    ),
    (
        "b3-49",
        "2000-01-08",
        "In contrast to [[Thursday|2000-01-06||weekday]], when 40 people were arrested, the march was calm. "
        "Organisers planned another rally on [[Monday|2000-01-10||weekday-future]] outside the courthouse.",
    ),
    (
        "b3-50",
        "2004-05-03",
        "The talks collapsed on [[Sunday|2004-05-02||weekday]]. Delegates said during the broadcast on "
        "[[Friday|2004-04-30||weekday]] that they had little hope. They will meet again on "
        "[[Wednesday|2004-05-05||weekday-future]].",
    ),
    (
        "b3-51",
        "2013-10-11",
        "The shutdown entered its 11th day [[today|2013-10-11||deictic]]. Federal workers were last paid on "
        "[[Sept. 30|2013-09-30||past-month]], and the debt ceiling will be reached on "
        "[[Oct. 17|2013-10-17||reported-future]], the Treasury says.",
    ),
    (
        "b3-52",
        "2021-05-29",
        "LONDON (Reuters) - The airline said on [[Friday|2021-05-28||weekday]] it would restart flights to Spain "
        "from [[June 7|2021-06-07||reported-future]]. It carried 4 million passengers in "
        "[[May last year|2020-05||last-year]], against 12 million in [[May 2019|2019-05||explicit]].",
    ),
    (
        "b3-53",
        "2019-01-29",
        "The festival on [[3-4 August|2018-08-03||range]] drew 40,000 people. [[This year|2019||deictic]]'s edition, "
        "moved to [[June|2019-06||reported-future]], has already sold out.",
    ),
    (
        "b3-54",
        "2016-04-07",
        "The dam was built between [[1958|1958||range]] and [[1964|1964||range]]. Its turbines were replaced "
        "from [[1991|1991||range]] to [[1997|1997||range]], and a new overhaul is due to start in "
        "[[October|2016-10||reported-future]].",
    ),
    (
        "b3-55",
        "2011-01-20",
        "The exhibition runs from [[Feb. 12|2011-02-12||range]] to [[May 1|2011-05-01||range]]. It was first shown "
        "in Paris in [[1987|1987||year]], and again in [[the late 1990s|199|END|decade]].",
    ),
    (
        "b3-56",
        "2023-03-02",
        "The strike on [[Feb. 14|2023-02-14||past-month]] closed every school. [[Two weeks later|2023-02-28||offset]], on "
        "[[Feb. 28|2023-02-28||past-month]], teachers walked out again, and unions have called a third strike for "
        "[[March 15|2023-03-15||reported-future]].",
    ),
    (
        "b3-57",
        "2007-12-05",
        "The lake froze [[earlier this week|2007-W49||deictic]], the earliest since [[1979|1979||year]]. It "
        "should thaw by [[mid-March|2008-03|MID|reported-future]], forecasters said.",
    ),
    (
        "b3-58",
        "2025-07-17",
        "Editorial: The water board has had since [[June last year|2024-06||last-year]] to publish its plan. It "
        "now promises one by [[the end of September|2025-09|END|reported-future]]. We have heard that before, in "
        "[[March|2025-03||past-month]].",
    ),
    (
        "b3-59",
        "2002-04-18",
        "The factory, opened in [[1952|1952||year]], will close on [[June 30|2002-06-30||reported-future]], the "
        "owners said [[yesterday|2002-04-17||deictic]]. Workers learned of the plan [[two days ago|2002-04-16||deictic]].",
    ),
    (
        "b3-60",
        "2014-09-23",
        "The referendum was held on [[Thursday|2014-09-18||weekday]]. [[Two days later|2014-09-20||offset]], the "
        "first minister resigned, and a new leader will be chosen in [[November|2014-11||reported-future]].",
    ),
    (
        "b3-61",
        "2006-02-22",
        "The mine reopened on [[Jan. 9|2006-01-09||past-month]]. [[A week later|2006-01-16||offset]], a second "
        "collapse trapped four men. Inspectors had last visited in [[October last year|2005-10||last-year]].",
    ),
    (
        "b3-62",
        "2020-10-14",
        "Unemployment claims rose in the week ended [[Oct. 10|2020-10-10||past-month]]. The jobless rate peaked in "
        "[[April|2020-04||past-month]] and the next monthly report is due [[Nov. 6|2020-11-06||reported-future]].",
    ),
]
