"""Blind set 4: the headline set of issue 15, annotated by hand before the rule work and scored once, after it.

Written for this benchmark (wire copy, newspaper, editorial, financial), not copied from any corpus; the
texts differ from blind set 3.  Marks and classes as in make_blind.py.
"""

BLIND4: list[tuple[str, str | None, str]] = [
    (
        "b4-01",
        "1997-06-05",
        "BRUSSELS (Reuters) - Fisheries ministers agreed on [[Tuesday|1997-06-03||weekday]] to cut cod quotas, "
        "and the new limits will apply from [[July 1|1997-07-01||reported-future]], officials said. The last cut "
        "came in [[December|1996-12||past-month]].",
    ),
    (
        "b4-02",
        "1997-06-05",
        "The museum said it would reopen on [[Monday|1997-06-09||weekday-future]] after a two-year renovation. It "
        "closed in [[May 1995|1995-05||explicit]] and was due to reopen in [[the autumn|1997-FA||season]] before "
        "donations came in early.",
    ),
    (
        "b4-03",
        "1998-12-02",
        "Rail workers walked off the job on [[Friday|1998-11-27||weekday]] and said they would stay out until "
        "[[Dec. 14|1998-12-14||reported-future]]. Managers met union leaders [[yesterday|1998-12-01||deictic]] and "
        "planned to meet again on [[Thursday|1998-12-03||weekday-future]].",
    ),
    (
        "b4-04",
        "1998-12-02",
        "Editorial: The city's promise, made in [[April|1998-04||past-month]], to repave every street by "
        "[[the end of next year|1999|END|modifier]] looks hollow. Not one street had been touched by "
        "[[October|1998-10||past-month]].",
    ),
    (
        "b4-05",
        "1999-04-22",
        "The central bank left interest rates unchanged on [[Wednesday|1999-04-21||weekday]]. Its next meeting is "
        "scheduled for [[May 18|1999-05-18||reported-future]], and most economists expect no move before "
        "[[the summer|1999-SU||season]].",
    ),
    (
        "b4-06",
        "1999-04-22",
        "The trial, which opened on [[March 3|1999-03-03||past-month]], went to the jury "
        "[[Tuesday|1999-04-20||weekday]]. The judge told jurors they should expect to sit through "
        "[[Friday|1999-04-23||weekday-future]].",
    ),
    (
        "b4-07",
        "2000-03-29",
        "The family's appeal will be heard in [[May|2000-05||reported-future]], the court said. The father arrived "
        "from abroad in [[early January|2000-01|START|past-month]] and has met the boy twice since "
        "[[February|2000-02||past-month]].",
    ),
    (
        "b4-08",
        "2000-03-29",
        "Shares of the software maker fell 11 percent on [[Tuesday|2000-03-28||weekday]], their biggest drop since "
        "[[October 1998|1998-10||explicit]]. The company will report [[first-quarter|2000-Q1||financial-quarter]] "
        "results on [[April 19|2000-04-19||reported-future]].",
    ),
    (
        "b4-09",
        "2000-09-13",
        "Truckers blocked fuel depots for a third day [[yesterday|2000-09-12||deictic]]. Ministers had promised in "
        "[[June|2000-06||past-month]] to review the fuel tax, and said they would report by "
        "[[November|2000-11||reported-future]].",
    ),
    (
        "b4-10",
        "2000-09-13",
        "The senator, who announced her retirement on [[Sunday|2000-09-10||weekday]], will cast her last vote in "
        "[[December|2000-12||reported-future]]. She was first elected in [[1976|1976||year]].",
    ),
    (
        "b4-11",
        "2001-02-08",
        "Net profit for [[the fourth quarter|2000-Q4||financial-quarter]] fell to $310 million from $402 million "
        "in [[the same period a year earlier|1999-Q4||financial-quarter]], the bank said "
        "[[Wednesday|2001-02-07||weekday]].",
    ),
    (
        "b4-12",
        "2001-02-08",
        "The bank expects loan growth to slow in [[the first half|2001-H1||financial-quarter]] and recover in "
        "[[the second half|2001-H2||financial-quarter]]. Its chairman will step down on "
        "[[March 31|2001-03-31||reported-future]].",
    ),
    (
        "b4-13",
        "2002-10-31",
        "Both candidates spent [[Wednesday|2002-10-30||weekday]] in the suburbs. Voters go to the polls on "
        "[[Tuesday|2002-11-05||weekday-future]], and a recount, if one is needed, would begin on "
        "[[Nov. 12|2002-11-12||reported-future]].",
    ),
    (
        "b4-14",
        "2002-10-31",
        "The governor took office in [[January 1999|1999-01||explicit]]. Her approval rating fell below 40 percent "
        "in [[August|2002-08||past-month]], a poll taken [[last week|2002-W43||deictic]] found.",
    ),
    (
        "b4-15",
        "2003-11-19",
        "Flu cases have risen since [[early October|2003-10|START|past-month]], health officials said "
        "[[Tuesday|2003-11-18||weekday]]. Vaccine supplies should run out by [[mid-December|2003-12|MID|reported-future]].",
    ),
    (
        "b4-16",
        "2003-11-19",
        "The bridge was due to open [[last March|2003-03||last-next-month]] but will now open in "
        "[[the spring|2004-SP||season]], the contractor said. Work began in [[2000|2000||year]].",
    ),
    (
        "b4-17",
        "2004-07-07",
        "The heat wave that began on [[Sunday|2004-07-04||weekday]] killed six people, officials said. Forecasters "
        "expect temperatures to fall by [[July 12|2004-07-12||reported-future]]. The last such heat came in "
        "[[August 2003|2003-08||explicit]].",
    ),
    (
        "b4-18",
        "2004-07-07",
        "The airline said passenger numbers in [[June|2004-06||past-month]] were 8 percent higher than in "
        "[[June last year|2003-06||last-year]], and it will add routes in [[October|2004-10||reported-future]].",
    ),
    (
        "b4-19",
        "2005-03-24",
        "The pope was taken to hospital on [[Monday|2005-03-21||weekday]], his second stay since "
        "[[February|2005-02||past-month]]. A spokesman said [[today|2005-03-24||deictic]] that no public "
        "appearances were planned before [[Easter|*||skip]].",
    ),
    (
        "b4-20",
        "2005-03-24",
        "The parliament will debate the treaty on [[Tuesday|2005-03-29||weekday-future]]. A referendum is planned "
        "for [[May 29|2005-05-29||reported-future]]; polls taken [[last month|2005-02||deictic]] showed the no "
        "side ahead.",
    ),
    (
        "b4-21",
        "2006-09-06",
        "The company said [[Tuesday|2006-09-05||weekday]] it would cut 3,000 jobs by [[the end of the year|2006|END|modifier]]. "
        "It cut 2,000 in [[March|2006-03||past-month]]. Unions will meet management on "
        "[[Monday|2006-09-11||weekday-future]].",
    ),
    (
        "b4-22",
        "2006-09-06",
        "Sales of new homes fell in [[July|2006-07||past-month]] for the fourth month in a row, and builders expect "
        "a weak [[fourth quarter|2006-Q4||financial-quarter]]. Prices peaked in [[the summer of 2005|2005-SU||season]].",
    ),
    (
        "b4-23",
        "2007-05-16",
        "The prime minister said on [[Friday|2007-05-11||weekday]] that he would hand over power on "
        "[[June 27|2007-06-27||reported-future]]. He has led the party since [[1994|1994||year]].",
    ),
    (
        "b4-24",
        "2007-05-16",
        "The volcano last erupted in [[August last year|2006-08||last-year]]. Scientists raised the alert level "
        "[[yesterday|2007-05-15||deictic]] and said an eruption could come within weeks.",
    ),
    (
        "b4-25",
        "2008-11-12",
        "World leaders will meet in Washington on [[Saturday|2008-11-15||weekday-future]] to discuss the crisis. "
        "Markets fell again on [[Monday|2008-11-10||weekday]], and the index has lost 40 percent since "
        "[[May|2008-05||past-month]].",
    ),
    (
        "b4-26",
        "2008-11-12",
        "The carmaker lost $2.5 billion in [[the third quarter|2008-Q3||financial-quarter]], against a profit "
        "[[a year ago|2007-Q3||financial-quarter]], and said it could run out of cash by "
        "[[mid-2009|2009|MID|modifier]].",
    ),
    (
        "b4-27",
        "2009-01-15",
        "The new president will be sworn in on [[Tuesday|2009-01-20||weekday-future]]. Crowds began gathering "
        "[[yesterday|2009-01-14||deictic]], and the inaugural committee said it expected two million people. The "
        "last inauguration was in [[January 2005|2005-01||explicit]].",
    ),
    (
        "b4-28",
        "2009-01-15",
        "The ceasefire announced on [[Jan. 8|2009-01-08||past-month]] broke down within hours. Aid groups said "
        "[[Tuesday|2009-01-13||weekday]] that they had not reached the city since [[late December|2008-12|END|past-month]].",
    ),
    (
        "b4-29",
        "2010-04-21",
        "Flights resumed across northern Europe on [[Tuesday|2010-04-20||weekday]], after the ash cloud closed "
        "airspace on [[April 15|2010-04-15||past-month]]. Airlines said they expected a full schedule by "
        "[[Friday|2010-04-23||weekday-future]].",
    ),
    (
        "b4-30",
        "2010-04-21",
        "The volcano had last erupted in [[1823|1823||year]]. Its neighbour erupted in [[March|2010-03||past-month]], "
        "and scientists fear a larger one could follow [[this year|2010||deictic]].",
    ),
    (
        "b4-31",
        "2011-08-10",
        "Rioting spread to five cities on [[Monday|2011-08-08||weekday]]. Courts sat through the night on "
        "[[Tuesday|2011-08-09||weekday]], and Parliament will be recalled on "
        "[[Thursday|2011-08-11||weekday-future]].",
    ),
    (
        "b4-32",
        "2011-08-10",
        "Stocks have fallen 15 percent since [[late July|2011-07|END|past-month]]. The rating agency cut the "
        "country's grade on [[Aug. 5|2011-08-05||past-month]], and the central bank meets again in "
        "[[September|2011-09||reported-future]].",
    ),
    (
        "b4-33",
        "2012-12-19",
        "The school will reopen in [[January|2013-01||reported-future]] in a borrowed building, the district said "
        "[[Tuesday|2012-12-18||weekday]]. The shooting on [[Friday|2012-12-14||weekday]] killed 26 people.",
    ),
    (
        "b4-34",
        "2012-12-19",
        "Lawmakers have until [[Dec. 31|2012-12-31||reported-future]] to reach a budget deal. The last deadline, "
        "in [[August 2011|2011-08||explicit]], was met with hours to spare.",
    ),
    (
        "b4-35",
        "2013-06-26",
        "The court struck down the law [[today|2013-06-26||deictic]]. Arguments were heard in "
        "[[March|2013-03||past-month]], and a related case will be argued in [[October|2013-10||reported-future]].",
    ),
    (
        "b4-36",
        "2013-06-26",
        "Floods that began [[last week|2013-W25||deictic]] have forced 100,000 people from their homes. The river "
        "crested on [[Sunday|2013-06-23||weekday]], higher than in the great flood of [[1954|1954||year]].",
    ),
    (
        "b4-37",
        "2014-02-12",
        "The Games opened on [[Friday|2014-02-07||weekday]] and close on [[Feb. 23|2014-02-23||reported-future]]. "
        "The host city was chosen in [[July 2007|2007-07||explicit]].",
    ),
    (
        "b4-38",
        "2014-02-12",
        "Storms have battered the coast since [[mid-December|2013-12|MID|past-month]], and more are forecast for "
        "[[the weekend|*||skip]]. Insurers expect claims for [[January|2014-01||past-month]] alone to top "
        "£400 million.",
    ),
    (
        "b4-39",
        "2015-05-06",
        "Voters go to the polls [[tomorrow|2015-05-07||deictic]]. The last election, in [[May 2010|2010-05||explicit]], "
        "produced a hung parliament, and the campaign has been tight since [[January|2015-01||past-month]].",
    ),
    (
        "b4-40",
        "2015-05-06",
        "The carrier's operating profit for [[the first quarter|2015-Q1||financial-quarter]] doubled from "
        "[[a year earlier|2014-Q1||financial-quarter]], helped by cheaper fuel, it said on "
        "[[Tuesday|2015-05-05||weekday]].",
    ),
    (
        "b4-41",
        "2016-10-20",
        "The candidates met for their final debate [[last night|2016-10-19||deictic]]. Early voting begins in "
        "some states on [[Monday|2016-10-24||weekday-future]], and election day is [[Nov. 8|2016-11-08||reported-future]].",
    ),
    (
        "b4-42",
        "2016-10-20",
        "Unemployment fell to 4.9 percent in [[September|2016-09||past-month]], from 5.0 percent in "
        "[[September last year|2015-09||last-year]].",
    ),
    (
        "b4-43",
        "2017-09-08",
        "The hurricane struck the islands on [[Wednesday|2017-09-06||weekday]] and is expected to reach the "
        "mainland by [[Sunday|2017-09-10||weekday-future]]. Evacuation orders were issued "
        "[[Thursday|2017-09-07||weekday]].",
    ),
    (
        "b4-44",
        "2017-09-08",
        "The last storm of this size hit the state in [[1992|1992||year]]. Insurers paid out for months, from "
        "[[September|1992-09||range]] to [[March 1993|1993-03||range]].",
    ),
    (
        "b4-45",
        "2018-01-24",
        "The government shutdown ended on [[Monday|2018-01-22||weekday]] after three days. Funding now runs until "
        "[[Feb. 8|2018-02-08||reported-future]], and talks on immigration were expected to resume "
        "[[this week|2018-W04||deictic]].",
    ),
    (
        "b4-46",
        "2018-01-24",
        "The miner reported record output for [[the December quarter|2017-Q4||financial-quarter]] and said it "
        "would pay a special dividend in [[March|2018-03||reported-future]].",
    ),
    (
        "b4-47",
        "2019-07-03",
        "The city will hold its first parade since [[2014|2014||year]] on [[Thursday|2019-07-04||weekday-future]]. "
        "Permits were approved [[last month|2019-06||deictic]] after a dispute that began in "
        "[[February|2019-02||past-month]].",
    ),
    (
        "b4-48",
        "2019-07-03",
        "The match, played on [[Sunday|2019-06-30||weekday]], was the first final since [[1999|1999||year]] to go "
        "to penalties. The teams meet again in [[October|2019-10||reported-future]].",
    ),
    (
        "b4-49",
        "2020-02-27",
        "Officials confirmed the first local case on [[Wednesday|2020-02-26||weekday]]. Schools will close from "
        "[[March 2|2020-03-02||reported-future]], and a review is planned for [[the end of March|2020-03|END|reported-future]].",
    ),
    (
        "b4-50",
        "2020-02-27",
        "Factory output fell in [[January|2020-01||past-month]] for the first time since [[November 2018|2018-11||explicit]], "
        "and analysts see a weak [[first quarter|2020-Q1||financial-quarter]].",
    ),
    (
        "b4-51",
        "2021-10-05",
        "The social network was down for six hours on [[Monday|2021-10-04||weekday]]. A former employee testifies "
        "before the Senate [[today|2021-10-05||deictic]] and will appear before a European panel in "
        "[[November|2021-11||reported-future]].",
    ),
    (
        "b4-52",
        "2021-10-05",
        "Gas prices have tripled since [[last October|2020-10||last-next-month]]. Suppliers that failed on "
        "[[Friday|2021-10-01||weekday]] had signed customers up in [[the spring|2021-SP||season]].",
    ),
    (
        "b4-53",
        "2022-06-16",
        "The central bank raised rates by three-quarters of a point on [[Wednesday|2022-06-15||weekday]], the "
        "largest rise since [[1994|1994||year]]. Its next meeting is on [[July 26-27|2022-07-26||range]].",
    ),
    (
        "b4-54",
        "2022-06-16",
        "Rail unions will strike on [[June 21|2022-06-21||reported-future]], [[June 23|2022-06-23||reported-future]] "
        "and [[June 25|2022-06-25||reported-future]]. Talks broke down on [[Tuesday|2022-06-14||weekday]].",
    ),
    (
        "b4-55",
        "2023-09-13",
        "The earthquake struck late on [[Friday|2023-09-08||weekday]]. Rescue teams said [[Tuesday|2023-09-12||weekday]] "
        "that hope was fading; the last quake of this size hit the region in [[1960|1960||year]].",
    ),
    (
        "b4-56",
        "2023-09-13",
        "The phone maker will release its new model on [[Sept. 22|2023-09-22||reported-future]], it said "
        "[[yesterday|2023-09-12||deictic]]. Sales fell in [[the second quarter|2023-Q2||financial-quarter]].",
    ),
    (
        "b4-57",
        "2024-12-04",
        "The president declared martial law late on [[Tuesday|2024-12-03||weekday]] and lifted it hours later. "
        "Lawmakers will vote on impeachment on [[Saturday|2024-12-07||weekday-future]]. The last such vote was in "
        "[[December 2016|2016-12||explicit]].",
    ),
    (
        "b4-58",
        "2024-12-04",
        "The government fell on a confidence vote [[today|2024-12-04||deictic]], [[three months|*||skip]] after it "
        "was formed in [[September|2024-09||past-month]]. A budget must pass by [[Dec. 20|2024-12-20||reported-future]].",
    ),
    (
        "b4-59",
        "2025-04-09",
        "Stocks rebounded on [[Tuesday|2025-04-08||weekday]] after falling for three days. New tariffs took effect "
        "[[today|2025-04-09||deictic]], and trade talks are planned for [[next month|2025-05||deictic]].",
    ),
    (
        "b4-60",
        "1999-10-09",
        "Officials said [[Friday|1999-10-08||weekday]] that the reactor was safe. Inspectors arrived "
        "[[Thursday|1999-10-07||weekday]] and will report on [[Monday|1999-10-11||weekday-future]]. The plant "
        "opened in [[1976|1976||year]].",
    ),
    (
        "b4-61",
        "2006-05-20",
        "The band played its farewell show [[Saturday|2006-05-20||weekday]] at the arena where it first played in "
        "[[1982|1982||year]]. Tickets went on sale [[last November|2005-11||last-next-month]] and sold out in a day.",
    ),
    (
        "b4-62",
        "2012-03-17",
        "The talks ended on [[Thursday|2012-03-15||weekday]] without a deal. Both sides agreed to meet again on "
        "[[Tuesday|2012-03-20||weekday-future]], the mediator said.",
    ),
    (
        "b4-63",
        "2018-04-01",
        "The strike began on [[March 12|2018-03-12||past-month]]. [[Five days later|2018-03-17||offset]], the "
        "first talks were held, and a ballot on the offer closes on [[Tuesday|2018-04-03||weekday-future]].",
    ),
    (
        "b4-64",
        "2009-01-15",
        "The plane ditched in the river at 3:31 p.m. [[today|2009-01-15||deictic]]. All 155 people on board survived. "
        "The pilot joined the airline in [[1980|1980||year]].",
    ),
    (
        "b4-65",
        "2011-08-10",
        "Editorial: The lessons of [[the 1980s|198||decade]] were forgotten. What happened [[this week|2011-W32||deictic]] "
        "was foreseeable as long ago as [[the spring of 2009|2009-SP||season]].",
    ),
]
