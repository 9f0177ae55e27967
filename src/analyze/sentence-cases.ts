/**
 * The sentence splitter's table: each case is a text with "‖" where a sentence ends (the
 * text itself is the case without the marks; a mark before a line break keeps the break).
 * Most are short passages of real text from ../shared/data (BBC and CNN/DailyMail news,
 * 500N-KPCrowd, the AI-news streams), picked for what trips splitters: abbreviations,
 * versions, numbers, quotes, ellipses, addresses. The rest are this field's own names.
 * Read by sentences.test.ts and printed as a pass rate by `npm run eval:extract`.
 */
export const SENTENCE_CASES: readonly string[] = [
  // Real text (../shared/data: nlp/, clustering/, streams/).
  'Also in attendance from the music industry were R&B/pop producer Rodney Jerkins, singer Eddie ' +
    'Money, singer/songwriter Ray Parker Jr., singer/songwriter Robert Earl Keen Jr. ' +
    'and saxophonist Kirk Whalum.',
  'The highly-anticipated movie premiered at Westfield London shopping centre on Tuesday evening ' +
    'with fans queuing up to see the A-list cast which includes Robert Downey Jr., Chris Hemsworth ' +
    'and Scarlett Johansson. ‖ And the London Wasps captain joined in on the hype as he posted the ' +
    "photo dressed as Downey Jr.'s character Iron Man.",
  "The boy's leg was injured in the fall, but he was not attacked by the animals, Dr. " +
    "Christopher Kuhar, the zoo's executive director told Fox 8. " +
    '‖ Michael Lurie and his family were at the Cheetah exhibit when they heard the child scream.',
  'Typically, a prior legal agreement between a couple spells out who has ultimate authority, said ' +
    "fertility specialist Dr. David Tourgeman, who's not involved in this case. " +
    '‖ "Usually when embryos are created, whether the couple is married or just consenting adults, ' +
    "there's usually a power of attorney that is described to these embryos, if they are frozen " +
    'for future use," he said.',
  "Quoting court documents, The New York Daily News said '[Barrientos] ... " +
    'stated in sum and substance that she did marry Mr. ' +
    "Keita and that was her first and only marriage.' ‖ The newspaper reported that Barrientos " +
    'could be sentenced to a total of eight years stemming from her two charges.',
  "The U.S. supplies on board the spacecraft include spare parts for the station's environmental " +
    'control and life support system, backup spacewalk hardware and crew clothing, "all of which ' +
    'are replaceable," NASA said. ‖ U.S. astronaut Terry Virts, from Maryland, is the current ' +
    'space station commander.',
  'Watch the video: "Iron Man" Robert Downey Jr. was distinctly flinty when dealing with the ' +
    "questions of a British interviewer. ‖ He finally walked out -- and he hasn't been the only " +
    'one to decide to take off his microphone.',
  'The Los Angeles native had hit records of his own, including "St. ' +
    'George and the Dragonet," a 1953 send-up of the series "Dragnet." ‖ His recordings were so ' +
    'popular that he landed his own radio program in 1954, "That\'s Rich."',
  'This year, Canadians plan to spend $508 overall on prom of which $151 will be on promposal, ' +
    'compared to $919 overall for U.S. families. ‖ Dads plan to outspend moms by 63%, $1160vs.',
  "At $100 a pop, that's some pretty pricey skin 'maintenance', as Mr. Hatfield calls it. " +
    '‖ For regulars like him, however, Skin Laundry offers bulk-buy packages that are sold at a ' +
    'discount; Mr. Hatfield has a $360-per-month membership that grants him eight treatments.',
  'No serious injuries were reported in the crashes on U.S. ' +
    'Highway 36 between Boulder and Denver, but tow-truck drivers were kept busy hauling away ' +
    'damaged cars. ‖ Lisa Lai told the Daily Camera newspaper she avoided hitting a crash in front ' +
    'of her and ended up propped against a highway barrier — and out of the way — as other ' +
    "peoples' vehicles piled up.",
  'Another tool, TwitterAudit.com, sampled 320,000 of Mrs. ' +
    "Clinton's followers and found that 18 per cent were fake. " +
    "‖ The new measurements will add to the Clinton presidential campaign's embarrassment " +
    "following news on Tuesday that a large number of her Facebook fans may represent 'likes' that " +
    'were purchased rather than earned.',
  'But today, a car bomb killed three people outside the U.S. ' +
    "consulate in Erbil, the capital of Iraq's Kurdistan region that is allied with Washington in " +
    'a war against Islamic State, which claimed the attack.',
  'The Bay Area have one of the most acute homelessness problems in the U.S., with approximately ' +
    'destitute 14,000 people living in San Francisco and San Jose alone. ' +
    '‖ While tech companies are keen to promote their image as compassionate businesses, tensions ' +
    'have boiled up over accusations they are not doing enough to help those in their own backyard.',
  'The magazine collected statistics comparing award-seat availability for the five biggest U.S. ' +
    'airlines on domestic routes. ‖ The top performer was Southwest Airlines, which offered the ' +
    'most award tickets, 11.9 million, and the highest percentage of award tickets -- 11.5% of ' +
    '103.1 million total passenger seats.',
  '8 things to know about the mass killings of Armenians 100 years ago In 2006, after the U.S. ' +
    'Ambassador to Armenia was asked to resign for using the term Armenian genocide, then-Sen. ' +
    'Obama hammered the Bush administration for not taking a stand.',
  "The boy's father said he had placed Brock in the Corolla at around 4:45 a.m., and started the " +
    'engine. ‖ He then went back into the house in Fairfield to get some belongings and his older ' +
    'son, who attends school 40 miles away in Napa.',
  "&#34;Glee's&#34; Mr. Schue (Matthew Morrison) to kick off tour in Minneapolis on June " +
    '18‖\nMatthew Morrison - Mr. Schue on "Glee" - will kick off his first solo tour June 18 at ' +
    'the Orpheum Theatre in Minneapolis.',
  'Mr. Weiner, a notoriously secretive writer and producer, is not telling anyone, of course. ' +
    '‖ But he is saying that the seventh season of “Mad Men” will be its last.',
  "Besides, Marsden doesn't mind if he's not his kids' favorite actor, as long as he's still their No. 1 guy.",
  'Troubled clothing chain American Apparel Inc., losing money and faced with a cash crunch, says it may have to file for Chapter 11 bankruptcy protection.',
  'Getting Back to Work: U.S. Employers Hiring, Labor Department Numbers Show‖\nUnemployment Drops ' +
    'to 8.8 Percent; New Jobs Added in Manufacturing, Health Care American companies are adding ' +
    'workers at the fastest pace in five years, new government numbers showed today.',
  'Google, Siemens Corp. and Ford Motor Co., among others, have said they plan to add workers. ' +
    '‖ Economists expect the stronger hiring to endure throughout the year, producing a net gain ' +
    'of about 2.5 million jobs for 2011.',
  '"It\'s certainly true that Eric is the public face, but inside Google, the founders are still ' +
    'very much the face of the company," said Silverstein, who spoke just after the Jan. ' +
    "20 announcement of Page's new role. ‖ Google declined to make Page available for an interview.",
  'U.S. Jobless Rate Unexpectedly Drops to Two-Year Low in March‖\nApril 2 (Bloomberg) - The ' +
    'unemployment rate in the U.S. unexpectedly fell to a two-year low of 8.8 percent in March as ' +
    'employers created more jobs than forecast, adding to evidence the labor-market recovery is ' +
    'gaining traction.',
  'NEW YORK, April 2 (Reuters) - A U.S. Senate subcommittee is nearing completion of a long-awaited ' +
    'report on the role Wall Street banks played in creating complex securities that fueled the ' +
    'meltdown of the housing market, according to the Wall Street Journal.',
  'U.S. economy adds 216,000 jobs‖\nMarking a continuing improvement in job market conditions in ' +
    'the United States, the economy added 216,000 jobs in March, according to the monthly report ' +
    'of the U.S. Bureau of Labour Statistics.',
  "Announced a year ago, the Qwest merger turns CenturyLink into the nation's No. " +
    '3 local phone company, behind AT&T and Verizon. ‖ CenturyLink paid about $12 billion in stock ' +
    'and assumed nearly $12 billion in Qwest debt.',
  'Rep. Martin Heinrich announced Saturday that he would run for New Mexico’s U.S. ' +
    'Senate seat, giving Democrats a top-tier recruit in what is expected to be a competitive open seat race.',
  'Isetan Co., a major department store under the wing of Isetan Mitsukoshi Holdings Ltd., said ' +
    'sales in March plunged 23.5 percent from a year earlier. ' +
    '‖ Mitsukoshi Ltd., which also belongs to the holding company, reported a year-on-year drop of ' +
    '22.8 percent in sales for the month.',
  'This week, a bitterly divided U.S. Supreme Court all but closed the door to such lawsuits. ' +
    '‖ The 5-4 ruling came in the case of a New Orleans man who served 18 years in prison for a ' +
    'crime he did not commit.',
  'It calls for more research, but many parents and scientists fear link to ADHD THURSDAY, March 31 ' +
    "(HealthDay News) - Foods that contain dyes used to enhance color don't need warning labels, a " +
    'U.S. Food and Drug Administration advisory panel said Thursday.',
  'U.S. District Judge Leonie Brinkema denied a motion to dismiss the suit against Mohamed Ali ' +
    "Samantar, who was Somalia's defense minister, and later prime minister, in the 1980s under " +
    'the regime of dictator Siad Barre.',
  'The shooting occurred around 5:30 p.m. on Friday near 400 South and 1600 West, said police ' +
    'spokeswoman Lt. Melody Gray. ‖ Just after 5 p.m., officers responded to a report of an armed ' +
    'bank robbery at a Zions Bank at 400 South and 700 East, Gray said.',
  'U.S. Secretary of State Hillary Rodham Clinton issued a statement echoing the "unequivocal ' +
    'condemnations" by Northern Ireland politicians of the police officer\'s killing. ' +
    '‖ "The perpetrators of this cowardly act represent the failures of the past, and their ' +
    'actions run counter to the achievements, aspirations, and collective will of the people of ' +
    'Northern Ireland," Clinton said.',
  'U.S. Cancer Rates Continue to Fall‖\nReport suggests that better screening, diagnosis and ' +
    'treatments are paying off THURSDAY, March 31 (HealthDay News) - The rate of new cancers in ' +
    'the United States has dropped by almost 1 percent a year and the rate of death from cancer ' +
    'has fallen 1.6 percent a year, a new report shows.',
  'Advertisement The reality is that child abuse is extremely prevalent in the U.S., however the ' +
    'public gets to learn what goes on behind the closed doors of groups like "The 5 Browns" and ' +
    '"The Jackson Five" simply because their privacy is little to nonexistent.',
  'MURRIETA, Calif. — A police officer shot a vicious dog roaming a Southern California ' +
    'neighborhood, then followed the wounded animal to the owner’s marijuana growing and selling ' +
    'operation. ‖ The chase began when officers responding to a report of a loose pit bull found ' +
    'it attacking a leashed dog.',
  "For one night, Mr. Zhang's studio — one of the world's largest — was draped in red curtains, " +
    'bamboo scaffolding and battery operated LED lights, creating a sumptuous, glittering and even ' +
    'bizarre set of stages and evening lounges. ‖ Hundreds of red paper bags lighted by candles ' +
    'created a red-carpet effect near the entrance.',
  'Hermes fell 5 cents to 154.65 euros at 10:45 a.m. in Paris trading. ‖ LVMH disclosed it held an Hermes stake in October.',
  'For U.S. stories, phone 310 642 2317.',
  'Poly, Natasha Plans to get married next month in St. Tropez. ‖ Wedding dress designers never get a day off.',
  'Discount offer valid through April 13, 2011 (11:59 p.m. local time). ‖ A 25% discount is applied toward the product total of one order.',
  "His veterinarian, Dr. Lesleigh Cash Warren, wrote in a letter to the council supporting Carr's " +
    'request to keep him. ‖ Neutering has also lessened any chance he will become aggressive.',
  "In Missouri, officials of the state's Department of Health and Senior Services regularly " +
    'monitor air, water and local milk, at monitoring sites in St. ' +
    'Louis, Jefferson City and Springfield. ‖ "We have not received any reports of elevated ' +
    'radiation," said department spokeswoman Jacqueline Lapine.',
  '"I don\'t have to be looking at patient mix and how many are booked per hour," said Dr. ' +
    "Lewis Weiner, a primary care physician in Providence, R.I., who's been in a concierge " +
    'practice since 2005. ‖ "I get to know the individual," Weiner said.',
  'WASHINGTON, April 1 (UPI) - It is surprisingly common for U.S. ' +
    'women of all levels of income and education to have more than one father for their children, ' +
    'researchers found.',
  "While similar lawsuits have been filed around the country, Peterson's case appears to have been " +
    'the first brought by a Medicare recipient, according to U.S. ' +
    'District Court Judge Joseph Laplante, who dismissed the lawsuit Wednesday.',
  'UnitedHealth Group Inc. offers supplemental health plans, called medigap plans, using the AARP ' +
    'brand. ‖ The plans fill in the coverage gaps left by traditional Medicare.',
  'From the Wall Street Journal: Marsha Barbour, the wife of Mississippi Gov. ' +
    'Haley Barbour, told WLOX-TV on Thursday that the prospect of her husband running for ' +
    'president in 2012 "horrifies me." ‖ "It\'s been a lot to be the first lady of the state of ' +
    'Mississippi, and this would be 50 times bigger," she told the television station.',
  "Now, Republicans in the state Legislature and Palin's own Republican replacement, Gov. " +
    'Sean Parnell, have scored a victory in an attempt to reverse her tax hike. ' +
    '‖ Click here for the whole thing.',
  "“Asked for his top five vice presidential picks, Pawlenty didn't hesitate in naming Florida Sen. " +
    'Marco Rubio, New Jersey Gov. Chris Christie, Ohio Gov. John Kasich, Nevada Gov. ' +
    'Brian Sandoval and New Mexico Gov. Susana Martinez.” ‖ *** “It’s difficult at this point to ' +
    'try to determine who has the best chance to be the Republican candidate in the 2012 election.',
  'Dim Bulb: Sen. Barbara Boxer, D-Calif.‖\nWho: Sen. Barbara Boxer, D-Calif.',
  'WASHINGTON, April 1 (UPI) - The GOP-led U.S. House Friday narrowly passed a "force of law" bill ' +
    'that would make an earlier spending bill law without Senate or White House action. ' +
    '‖ The House passed H.R. 1255, the Government Shutdown Prevention Act, in the face of mockery ' +
    'and derision from both sides of the aisle, The Hill reported.',
  '"A classic example is the distribution of free colour televisions, through which the family of ' +
    'Mr. Karunanidhi is getting annually a minimum of Rs.1,000 from each family through the cable ' +
    'connection, ensuring whopping and regular revenue," she said.',
  'The United Nations, the U.S., the African Union and the European Union all recognize Ouattara, ' +
    '69, as the winner of the nation’s first vote in a decade, while Gbagbo, 65, refuses to step ' +
    'down, alleging voter fraud. ‖ Gbagbo’s whereabouts are unknown, Bernard Valero, spokesman for ' +
    'the Foreign Ministry of former colonial power France, told reporters in Paris today.',
  'Initial investigation shows that the accident was a coal and gas outburst at 1:08 p.m. ' +
    "Saturday in the provincial capital Urumqi, said a spokesman of the region's coal mine safety " +
    'supervision bureau.',
  'Both leaders discussed the recent violence affecting Israel, the West Bank and Gaza, with Mr. ' +
    'Ban saying that he hoped that the Mr. Netanyahu would act with wisdom and restraint, ' +
    'according to a statement issued by the spokesperson of the Secretary-General.',
  '"It was a little sad, but the day goes on," said John Rand, a consulting engineer with the U.S. ' +
    "Army's Cold Regions Research and Engineering Laboratory (CRREL). " +
    '‖ Last December, the Antarctic Sun recently reported, Rand was part of a crew charged with ' +
    'dynamiting a piece of history - the very first permanent dwelling ever built at the South Pole.',
  'Half a Million Die From Smoking Yearly in U.S.‖\nSmoking causes half a million deaths each year ' +
    'in the U.S., killing slightly more men than women, new statistics show.',
  'Broad estimates indicate about 1 percent of the total U.S. ' +
    'population, perhaps as many as 3 million Americans, show signs of self-injurious behavior. ' +
    '‖ Another study in the Journal of Clinical Psychology reported rates of 4 percent.',
  '"These use cases are diverse and surprising — the reason is that the underlying Claude Agent is ' +
    'the best agent, and Opus 4.5 is the best model." ‖ Recognizing this shadow usage, Anthropic ' +
    'effectively stripped the command-line complexity from their developer tool to create a ' +
    'consumer-friendly interface.',
  'The Max plans , at $100 and $200 per month, offer more headroom: 50 to 200 prompts and 200 to ' +
    "800 prompts respectively, plus access to Anthropic's most powerful model, Claude 4.5 Opus . " +
    '‖ But even these premium tiers come with restrictions that have inflamed the developer community.',
  "Notion used OpenAI's GPT-4.1 and Anthropic's Claude 3.7 for its new AI features for enterprises, moving away from reasoning models.",
  'OpenAI is releasing its GPT-4.1 and GPT-4.1 mini AI models in ChatGPT, the company announced in ' +
    'a post on X Wednesday. ‖ The GPT-4.1 models should help software engineers who are using ' +
    'ChatGPT to write or debug code, OpenAI spokesperson Shaokyi Amdo told TechCrunch.',
  'As OpenAI continues to evolve its model offerings, GPT-4.1 represents a step forward in democratizing advanced AI for enterprise environments',
  'OpenAI announced on Wednesday that GPT-4.1 will be available across all paid ChatGPT account ' +
    'tiers and can now be accessed by Plus, Pro, or Team users under the model picker dropdown ' +
    'menu. ‖ Free users are excluded from the rollout, but [&#8230;]',
  "OpenAI's GPT-4.1 upgrade is more than just hype. ‖ Here's how this model outperforms GPT-4o in " +
    'software development, long-form tasks, and accuracy, according to developers already using it.',
  'Google unveiled major AI advancements at I/O 2025, including Gemini 2.5 with Deep Think, AI Mode ' +
    'in Search, Veo 3 for video with audio, and a $249 Ultra plan aimed at power users and enterprises.',
  'Google is moving closer to its goal of autonomous agentic AI with a series of enhancements to Gemini 2.5 Pro and Flash.',
  "Anthropic's Claude Opus 4 outperforms OpenAI's GPT-4.1 with unprecedented seven-hour autonomous " +
    'coding sessions and record-breaking 72.5% SWE-bench score, transforming AI from ' +
    'quick-response tool to day-long collaborator.',
  'Windsurf, the popular vibe coding startup that’s reportedly being acquired by OpenAI, says ' +
    'Anthropic significantly reduced its first-party access to its Claude 3.7 Sonnet and Claude ' +
    '3.5 Sonnet AI models. ‖ Windsurf CEO Varun Mohan said in a post on X Tuesday that Anthropic ' +
    'gave Windsurf little notice for this change, and the startup now has […]',
  'Google says the update to its Gemini 2.5 Pro preview model is better at certain programming ' +
    'tasks and builds on the upgrade to Gemini 2.5 Pro the company announced around a month ago.',
  "Google said the newest version of Gemini 2.5 Pro, now on preview, gives faster and more creative responses while performing better than OpenAI's o3.",
  'Blue and black futuristic illustration with Gemini 2.5 logo in the middle',
  'As Google and Anthropic both study how their latest AI models navigate early Pokémon games, the ' +
    'results can be as amusing as they are enlightening — and this time, Google DeepMind has ' +
    'written in a report that Gemini 2.5 […]',
  'Google launches production-ready Gemini 2.5 Pro and Flash AI models for enterprises while ' +
    "introducing cost-efficient Flash-Lite to challenge OpenAI's market dominance.",
  'Despite the strong reaction, OpenAI had in fact already announced the plan to deprecate GPT-4.5 Preview back in April 2025.',
  'The company also introduced Gemini 2.5 Flash-Lite, a model built for speed and cost-efficiency.',
  'Researchers at Anthropic and AI safety company Andon Labs gave an instance of Claude Sonnet 3.7 an office vending machine to run. ‖ And hilarity ensued.',
  'The Gemini 2.5 Deep Think released to users is not that same competition model, rather, a lower performing but apparently faster version.',
  "Anthropic's Claude Opus 4.1 achieves 74.5% on coding benchmarks, leading the AI market, but " +
    'faces risk as nearly half its $3.1B API revenue depends on just two customers.',
  'Google updated the Gemini app running of Gemini 2.5 Pro to reference all historical chats and offer new temporary chats.',
  "China's DeepSeek has released a 685-billion parameter open-source AI model, DeepSeek V3.1, " +
    'challenging OpenAI and Anthropic with breakthrough performance, hybrid reasoning, and ' +
    'zero-cost access on Hugging Face.',
  'Elon Musk’s xAI has made an older version of its AI model Grok — specifically, the model weights ' +
    'used to shape Grok 2.5 —  available on the open source platform Hugging Face.',
  'The long awaited image editing model nanobanana from Google, now renamed Gemini 2.5 Flash Image, has finally released to the public.',
  'Android Authority dove into code for the upcoming v3.41.50.3 version of the app and found “a ' +
    'significant redesign.” ‖ While the overall UI doesn’t look like […]',
  'The Mixboard Google Labs experiment gives users an open canvas to create projects from ' +
    'pre-populated board templates or text prompts using Google’s Gemini 2.5 Flash model. ' +
    '‖ The experimental tool is available through public beta in the US.',
  'Microsoft is bringing Anthropic’s Claude Sonnet 4 and Claude Opus 4.1 AI models to its Microsoft ' +
    '365 Copilot today. ‖ It’s a big move that expands model choice beyond just OpenAI’s range of ' +
    'models in Microsoft 365 Copilot, and it will allow Microsoft’s customers to access Anthropic ' +
    'models in Researcher and Microsoft Copilot Studio.',
  'The model, called Gemini 2.5 Computer Use, uses “visual understanding and reasoning capabilities” to analyze a user’s request and carry out […]',
  'an mp4 video featuring three panels of technology: A person wearing an AR headset interacting ' +
    'with virtual map and web screens; the text Google Quantum AI on a blue abstract background; ' +
    'and a snippet of code with the label Gemini 2.5 Computer Use.',
  'Operating profit in the three months to 31 December was 9.5bn kronor (£722m; $1.3bn) against ' +
    '6.3bn kronor last year. ‖ Shares tumbled, however, as the company reported a profit margin of ' +
    '45.6%, less than the 47.3% forecast by analysts and down from 47.1% in the third quarter.',
  'Gross domestic product (GDP) rose by 0.8% in the fourth quarter compared with the previous three ' +
    'month period, the statistical office INSEE said. ‖ That expansion pushed annual growth to ' +
    '2.3%, the fastest rate in two years.',
  'The government will pump 154m naira ($1.1m; £591,000) into subsidies for farming chemicals and ' +
    "seedlings. ‖ Nigeria is currently the world's fourth-largest cocoa producer.",
  'The firm, a market leader in high-speed internet, had an operating loss for the three months to ' +
    'December of 7.5bn yen ($71.5m; £38.4m). ‖ But without the Otoku marketing spend it would have ' +
    'made a profit - and expects to move into the black in 2006.',
  'In fact, almost 30 wealthy nations spend more than $300bn (£158.8bn; 230.9bn euros) in ' +
    'agricultural subsidies. ‖ The market situation has divided developing nations in two groups, the FAO said.',
  'A total of 24.2 trillion pesos ($10.2bn; £5.5bn) is earmarked for subsidies for the poor, the ' +
    'government department for planning said. ‖ But it also found 12.1 trillion pesos was going to ' +
    'the richest part of the population, rather than to those in need.',
  "The world's richest countries have said they want to increase the amount of aid they give to " +
    '0.7% of their annual gross national income by 2015. ' +
    '‖ Airlines have reacted strongly against the proposed fuel levy.',
  'UK house prices increased by 1.1% in December, the first monthly rise since September, the ' +
    "Halifax has said.‖\nThe UK's biggest mortgage lender said prices rose 15.1% over the whole of " +
    '2004, but by only 2.8% in the second half of the year.',
  'The tourism industry is booming and revenues from visitors should more than double to $21bn ' +
    '(£10.8bn) in three years.‖\nMoreover, government spending is set to be frozen and a ' +
    'burdensome social security deficit is being tackled.',
  'It said Deutsche Boerse had to show why its planned £1.35bn ($2.5bn) offer for the LSE was good ' +
    'for shareholder value. ‖ Reports say Standard Life, which owns a 1% stake in Deutsche Boerse, ' +
    'may seek a shareholder vote on the issue.',
  'Bosses of Deutsche Boerse and the London Stock Exchange are to meet amid talk that a takeover ' +
    'bid for the LSE will be raised to £1.5bn ($2.9bn).‖\nLast month, the German exchange tabled a ' +
    '530 pence-per-share offer for LSE, valuing it at £1.3bn.',
  'It said it would deliver a shareholder payout of $6.0-$6.5 per share this year, as promised, but ' +
    "that next year's earnings per share would be lower, at between $4.0-$5.0. " +
    '‖ "We\'re following a roadmap that we believe will deliver strong results," said GM chief ' +
    'executive Rick Waggoner.',
  'By 1200 GMT on Monday, EMI shares were down 16.2% at 235.75 pence.‖\nEMI said two major albums ' +
    'scheduled for release before the end of the financial year in March - one by Coldplay and one ' +
    'by Gorillaz - have now had their release dates put back.',
  "Pre-tax profits rose 15% from a year ago to reach £546m ($1.04bn), ahead of average analysts' " +
    "forecasts of £532m. ‖ Revenues were £4.3bn while the firm's operating margins were 14.1%, " +
    'which it said could reach 14.8% by 2006.',
  'The 865 million share offer, a mix of new shares and sales by the government, raised 54bn ' +
    "rupees($1.2bn). ‖ It was India's second $1bn stock debut in three months, coming after the " +
    'flotation by software firm Tata.',
  'Following the comments by acting Opec secretary general Adnan Shihab-Eldin, US light crude fell ' +
    '32 cents to $51.43 a barrel. ‖ He said that high oil prices meant Opec was unlikely to stick ' +
    'to its plan to cut output in the second quarter.',
  'The figure of 5.216 million people, or 12.6% of the working-age population, is the highest ' +
    "jobless rate in Europe's biggest economy since the 1930s. " +
    "‖ The news comes as the head of Germany's panel of government economic advisers predicted " +
    'growth would again stagnate.',
  'For Thailand, that figure is much lower at 0.1%. ‖ Governments are expected to take steps, such ' +
    'as cutting taxes and increasing spending, to facilitate a recovery.',
  "Analysts said the deal would give Gazprom control of 8% of Russia's total oil production, an " +
    'improvement on its current 2.5%, but still far less than the 20% share it would have gained ' +
    'had it also taken over Yugansk.',
  'The gap between US exports and imports has widened to more than $60bn (£31.7bn), an all-time ' +
    'record.‖\nFigures from the Commerce Department for November showed exports down 2.3% to ' +
    '$95.6bn, while imports grew 1.3% to $155.8bn on rising consumer demand.',
  '"Long-term growth drivers of the industry remain solid," Ericsson said in a statement.‖\nChief ' +
    'executive Carl-Henric Svanberg explained that about "27% of the world\'s population now has ' +
    'access to mobile communications".',
  'There\'s too much of a gap between growth and employment." ‖ Unemployment levels are currently ' +
    'stuck at about 10%, and is proving difficult to bring down despite government efforts.',
  '"The farmers in the village never see any assistance," he added.‖\nAt the same time as Nigeria ' +
    "announced its new initiative, Ghana - the world's second largest cocoa exporter - announced " +
    'revenues from the industry had broken new records.',
  'Despite recording a price rise in December, the Halifax survey concluded that there was ' +
    '"continuing signs of a genuine slowdown in the housing market." ‖ Martin Ellis, Halifax chief ' +
    "economist, said that there was no need to revise the bank's prediction, made last month, " +
    'that prices would fall by 2% in 2005.',
  '"Turkey will not be a burden for the EU budget." ‖ If admitted into the EU, Turkey would ' +
    'contribute almost 6bn euros ($8bn; £6bn) to its budget by 2014, according to a recent impact ' +
    "study by the country's State Planning Organisation.",
  'In a statement on Thursday, Euronext said any offer was likely to be solely in cash, but added ' +
    'that: "There can be no assurances at this stage that any offer will be made." ‖ A deal with ' +
    'either bidder would create the biggest stock market operator in Europe and the second biggest ' +
    'in the world after the New York Stock Exchange.',
  '"Therefore, for the full year, at constant currency, EMI Music\'s sales are now expected to be ' +
    '8% to 9% lower than the prior year." ‖ The company said it expected profits to be about £138m ($259.8m).',
  '"Power needs in India are set to rise and NTPC will benefit from that." ‖ Analysts say the ' +
    'success of the NTPC flotation would encourage the government to reduce stakes in more power companies.',
  '"The economic impact of it will certainly be large, but it should not be enough to derail the ' +
    'momentum of the region in 2005," he said. ‖ "First and foremost this is a human tragedy."',
  '"The majority of investors are going to be happy," he added.‖\nHowever, analysts were disappointed that Yugansk would not be included in the deal.',
  '"Recent exchange rate movements certainly haven\'t had any impact yet." ‖ Treasury Secretary ' +
    'John Snow put a brave face on the news, saying it was a sign of strong economic expansion.',
  'Eventually we\'ll get another cold blast." ‖ Despite a fall of more than $12 a barrel from the ' +
    'record highs reached in late October, the price of crude oil remains almost 30% higher than ' +
    'year-ago levels.',
  '"The London Stock Exchange offers ambitious Chinese companies access to the world\'s most ' +
    'international equity market combined with high regulatory and corporate governance standards,' +
    '" she said. ‖ A spokesman for the LSE said: "We\'ve been engaged with them (Air China) for ' +
    'about 18 months, two years now."',
  '"Such a transformation would eliminate the public-company transparency into the company\'s ' +
    'operating strategy that is uniquely damaging in a highly competitive industry where Circuit ' +
    'City is going head-to-head with a tough and entrenched rival," Highfield said. ' +
    '‖ One analyst suggested that a bidding battle may now begin for the company.',
  '"If exports weaken and domestic growth remains poor, we cannot expect much from 2005." ‖ Many ' +
    'German consumers have been spooked and unsettled by government attempts to reform the welfare ' +
    'state and corporate environment.',
  '"To my embarrassment, I could not understand the file of complaints against me," he told a ' +
    'Moscow court. ‖ Mr Lebedev headed the Menatep group, the parent company of Yukos.',
  'Vice president Jose Vicente Rangel has said farmers and ranchers with their titles in order and ' +
    'their lands productive have "nothing to fear." ‖ Critics of the land reform policy claim ' +
    'president Hugo Chavez is trying to enforce a communist-style economic programme that ignores ' +
    'property rights and will damage the country.',
  'However Paris was more subdued, with finance minister Herve Gaymard telling parliament: "We must ' +
    'continue along this path of saving money." ‖ However, the move still had its critics, with ' +
    "the European People's Party (EPP) attacking the EC for backing down from punitive action.",
  'And for stores that have been doing well over the last several months, December was a good ' +
    'month." ‖ Overall, December sales are forecast to rise by 4.5% to $220bn - less than the 5.1% ' +
    'increase seen a year earlier.',
  '"The amber light is flashing." ‖ The government may now find it more difficult to raise taxes, a ' +
    "policy it will have to implement when the economy picks up to help deal with Japan's massive public debt.",
  '"Companies should encourage all workers to know their HIV status, making it as routine as ' +
    'monitoring blood pressure or cholesterol," he said. ' +
    '‖ "Providing access to treatment is a critical part of this."',
  '"If the economy pans out as they expect then they are probably going to have to hike rates." ‖ ' +
    'However, he added, any rate increase is not likely to happen until later this year, with MPC ' +
    'members likely to look for a more sustainable pick up in consumer spending before acting.',
  '"I felt enormous pressure when I dined with him and it was nothing but pain," Tsutsumi told a ' +
    'weekly magazine in 1987. ‖ "He scolded me for pouring too much soy sauce or told me fruit was ' +
    'not for children.',
  '"Everybody is responsible and thus no one." ‖ That\'s why the Kok report recommends that the ' +
    'Lisbon targets be narrowed down to 14 key indicators, with an emphasis on creating jobs and ' +
    'economic growth.',
  '"But the guidance is positive and pricing going up is good news." ‖ Third-quarter sales rose 34% to 20.9bn rupees.',
  '"Journalists are the lifeblood of any newspaper, and maintaining the quality of The Daily ' +
    'Telegraph and The Sunday Telegraph for our readers is vital," he said. ' +
    '‖ "However, action to improve our production capability and secure our titles against the ' +
    'competition is also vital."',
  '"The approach is at an early stage and therefore does not require a response at this point," LSE ' +
    'said. ‖ Talks with the European stock market and with rival bidder Deutsche Boerse will ' +
    'continue, the LSE said.',
  '"I believe the new programme, if implemented successfully, will help Turkey create the ' +
    'conditions for sustained growth and employment creation, reduce inflation toward European ' +
    'level and enhance the economy\'s resilience," he said. ' +
    '‖ The agreement must still be ratified by IMF directors at a meeting expected to take place next month.',
  '"Oil revenues should be used for productive investment." ‖ Mr Khatami has already been blocked ' +
    'by parliament from reducing the subsidies on many products including bread and petrol, ' +
    'reducing his room to manoeuvre.',
  "As he arrived at Spain's High Court earlier on Wednesday, Mr Botin greeted the waiting media, " +
    'saying: "I have full faith in justice." ‖ Santander\'s board of governors strongly reject the ' +
    'charges against their chairman, saying the payouts were legal and made with their unanimous support.',
  '"Our industry is in the midst of a fundamental crisis...only to be once again confronted with a ' +
    'measure designed to increase our costs," he continued.‖\nThe EU sought to allay the ' +
    "airlines' fears, stressing that Thursday's meeting was only a first step and that other " +
    'proposals were also under consideration.',
  '"With the enormous displacement of people...there will be a serious relaxation of fiscal policy,' +
    '" Glenn Maguire, chief economist for the region at Societe Generale, told Agence France ' +
    'Presse. ‖ "The economic impact of it will certainly be large, but it should not be enough to ' +
    'derail the momentum of the region in 2005," he said.',
  '"The economy is growing at such a fast rate that it is generating lots of disposable income... ' +
    'some of which is used to buy goods from our trading partners."‖\nAlthough the White House ' +
    'officially still backs the US\'s traditional "strong dollar" policy, it has tacitly indicated ' +
    'that it would be happy if the slide continued.',
  '"The market was panicked but fears essentially evaporated... ' +
    'since there was no follow-up," said Deborah White, senior economist for energy at SG ' +
    'Securities in Paris.',
  '"Television has been the driving force over the past 10 years... ' +
    "but we must constantly improve if we want to remain as the world's leading league " +
    'competition. ‖ "We must monitor the quality of the product and ensure attendances do not ' +
    'decline, and we must balance that with the quantity of exposure on TV too.',
  '"Our ancestors stood up against early European conquerors and because they stood up...we were ' +
    'labelled savages and cannibals up to today," said Mr Williams.‖\n"This cannot be perpetuated in movies."',
  '"Wonder Woman was the first great female superhero to emerge from comic books and later inspire ' +
    'millions of fans in her television incarnation... ' +
    'but this groundbreaking heroine has yet to be reinvented for the feature film arena." ‖ ' +
    'Whedon created the character of Buffy in the screenplay for the 1992 film.',
  '"He had a great idea, and it was so much fun to have him in the room... ' +
    'we are positively giddy." ‖ Filming is due to start in early April and the Tarantino-directed ' +
    'episode will be broadcast in the US on 19 May.',
  "\"It's the first time I've come to the Baftas because it's the first time I've been " +
    "nominated...I've appreciated British cinema for a long time and to be recognised like this is " +
    'a special honour." ‖ Gere, who is presenting the best film award, said: "It\'s a big party, ' +
    'I had no idea it was going to be this big.',
  '"And the review in 2011, which will look at whether it is time to sweep retirement ages away ' +
    'entirely, is to be tied to evidence ... showing that retirement ages are increasingly ' +
    'outmoded". ‖ Mr Johnson said his department had a long-term aspiration of moving towards an ' +
    '80% employment rate.',
  'He said: "If you voted Conservative in 2001 ... what good did it do you? ‖ Your vote was wasted.',
  'While we wish to remove all forms of discrimination... ' +
    'this isn\'t the proper form," he added.‖\nHe did not rule out change in the future but said ' +
    "if Lord Dubs' private member's bill was passed by peers, he would urge MPs to oppose it in the Commons.",
  'Mr Mates added: "This may be one of those special occasions... ' +
    'when it would be in the public interest to see the advice which the attorney general gave to ' +
    'the prime minister."',
  '"We are...consulting on voluntary compensation schemes which go beyond our statutory obligations,' +
    '" a BAA spokesman said.‖\nGroups challenging the plans include Stop Stansted Expansion, ' +
    'Heathrow anti-noise campaigners HACAN Clearskies and the London boroughs of Hillingdon and Wandsworth.',
  '"It was, as always, coded and careful... but entirely deliberate," was Mr Marr\'s assessment. ' +
    "‖ The prime minister was asked about Mr Brown's article and about his election role when he " +
    "appeared on BBC Radio 4's Today programme.",
  'Mr Johnson told Today: "It\'s perfectly true that I got into the grovelling game myself and when ' +
    'I apologised there were some things that I felt I ought to say sorry for ... ' +
    'there were also other things I didn\'t think I should apologise for," he said.',
  '"I had been in the Cabinet and been leader of the party, so now I can branch out into other ' +
    'things...it is a very liberating feeling." ‖ Mr Hague added that he may have misjudged his ' +
    'own ambition to be prime minister.',
  "Mr Blair told BBC Radio 4's Woman's Hour: \"We are being advised by the police and the security services...",
  '"I think it is important that the IOC (International Olympic Committee) members realise that ' +
    'when we get the games...they have a mayor who is not going to panic, change course or get in ' +
    'a great flap but will deliver the games on time and to budget," he said.‖\nOn Tuesday, the ' +
    'mayor said he would be making a full written response to the chairman of the assembly.',
  'She said: "I work very closely with Ken so I can speak of what he\'s like in his guarded and ' +
    "unguarded moments and... he is in no way anti-Jewish, I wouldn't for a moment work with him if he were.",
  'I am a football manager and I love football above all ... ' +
    'no matter what people say." ‖ Reminded that Ferguson called him "a disgrace", Wenger added: ' +
    '"I don\'t respond to anything.',
  '"Their only mistakes were that they didn\'t score enough points in the first half and were a ' +
    'little bit less focused in the second... but only a little bit." ‖ Sella, however, insisted ' +
    'the pressure had eased on the under-fire Laporte, despite the defeat at the Stade de France.',
  '"The typical average user rate in a real implementation is likely to be in the region of one ' +
    'megabit per second which, even at this lower rate, will more than double the capacity... ' +
    'when compared to basic WCDMA [3G]," he added. ‖ Motorola has conducted five trials of its ' +
    'technology and says speeds of 2.9Mbps have been recorded at the edge of an outdoor 3G cell ' +
    'using a single HSDPA device.',
  '"If totally pushed to the wall - because their business model no longer holds up in an era in ' +
    "which open source is an economically superior way to produce software...of course they're " +
    'going to unleash the WMDs," Mr Kapor is reported as saying. ' +
    '‖ Microsoft did not want to comment directly, referring the issue instead to trade body ' +
    'Intellect, of which it is a member.',
  '"RipGuard is designed to... reduce DVD ripping and the resulting supply of illegal peer to peer,' +
    '" said the firm. ‖ Macrovision said the new technology will work in "nearly all" current DVD ' +
    'players when applied to the discs, but it did not specify how many machines could have a ' +
    'problem with RipGuard.',
  '"In order to keep audiences growing and growing... we need to work closely with people who ' +
    'create technology and innovation to bring sport to life," said Andrew Thompson, the BBC\'s ' +
    'head of development, new media and sports news. ‖ "We want to appeal to core fans - to give ' +
    'them more analysis, more detail, more definitive answers about key passages of play."',
  'The 55-year-old Frenchman told Arsenal\'s website www.arsenal.com: "My intention has always been clear. ‖ I love this club and am very happy here."',
  'The web address of the fake site is decuk.org which could be close enough to the official ' +
    'www.dec.org.uk address to confuse some people keen to donate. ' +
    '‖ Patricia Sanders, spokeswoman for the Disaster Emergency Committee said it was aware of the ' +
    'site and had contacted the Computer Crime Unit at Scotland Yard to help get it shut down.',
  'The policy of trying to stop overseas visitors viewing the site is thought to have been adopted ' +
    'in response to an attack on the georgewbush.com website. ' +
    '‖ Scott Stanzel, a spokesman for the Bush-Cheney campaign said: "The measure was taken for ' +
    'security reasons."',
  'Net traffic monitor, OneStat.com, has reported that the open-source browser Firefox 1.0, ' +
    'released on 9 November, seems to be drawing users away from IE. ' +
    "‖ While IE's market share has dropped 5% since May to 88.9%, Mozilla browsers - including " +
    'Firefox - have grown by 5%.',
  "So, for instance, US-based Amazon.com holds a patent on 'one-click shopping'. " +
    '‖ Critics claim the law, which the EU says is needed to harmonise with the US, is little more ' +
    'than a law on ideas.',
  'A fake Paypal.com has already been registered with net domain giant Verisign by someone who has ' +
    'followed the debate around the Internationalised Domain Name (IDN) system, said Mr Dyer. ' +
    '‖ As the idea was to prove a point rather than be malicious the fake domain has now been ' +
    'handed back to Paypal but it sets a worrying precedent, Mr Dyer said.',
  'One of the sites shut down by the legal campaign was suprnova.org which helped boost the ' +
    'popularity of the BitTorrent system by checking that trackers led to the movies or TV ' +
    'programmes they claimed to.‖\nNow the man behind suprnova.org, who goes by the nickname ' +
    'Sloncek, is preparing to release software for a new file-swapping network dubbed Exeem.',
  'In a profile of the On the Mat studio in February, Soumbadze told BethesdaNow.com that his ' +
    'parents, both Georgian diplomats, brought him to the US when he was 5 years old. ' +
    '‖ He graduated from Bethesda-Chevy Chase High School in 2006.',
  "He said: 'I will tweet anything to anyone just paypal me $20 bowe@riddickbowe.com. ‖ Thats whats up.",
  'For more information, visit thepromise.sja.org.uk.',
  "'We are aware that Chris Copeland was injured early this morning in New York City,' Indiana " +
    'Pacers President Larry Bird said in a statement to DailyMail.com on Wednesday. ' +
    "‖ 'We are still gathering information and will update when we know more.",
  'The goal of the game, according to Investopedia.com, is to bluff the opponents into believing ' +
    'that your bid does not exceed the combined sum of all of the serial numbers. ' +
    '‖ Collins reported that Paul and Blizerian were playing with $100 bills.',
  'Tickets will go on sale April 15 but there will be a pre-sale on Monday at ' +
    "www.matthewmorrison.com. ‖ Morrison's album, due May 10, will feature duets with Elton John " +
    'and Gwyneth Paltrow.',
  'Ty Burr can be reached at tburr@ globe.com, or followed at www.twitter.com/tyburr.',
  'Pierre Ruhe is classical music critic of www.ArtsCriticATL.com.',
  '"I think fundamentally, our economy is in a much better place than it\'s been in many, many ' +
    'years," said Mark Zandi, chief economist for Moody\'s Economy.com. ' +
    '‖ Despite Good News, Many Still Struggling At a job fair in Reno, Nevada, companies have been ' +
    'hiring new workers on the spot.',
  // The AI-news stream's feed descriptions (../shared/data/streams): a reference's
  // abbreviation without its number, a company's "Inc." ending a sentence, versions.
  'AI tools are revolutionizing coding and IT work, but are they making developers faster? ‖ One study says no. ' +
    "‖ Here's why AI sometimes slows experts down and speeds up mistakes.",
  'Sora becomes the No. 3 US app after 164K downloads in 2 days, making the AI video app an early hit.',
  'But it was careful to only refer to the startup as io Products Inc. ‖ The blog post initially announcing the ' +
    'acquisition was also scrubbed from OpenAI’s website.',
  'The latest model, Suno v5, is an obvious technical improvement over its previous version, v4.5+. ‖ But it ' +
    "still can't seem to escape the bland emptiness that pervades most AI music.",
  'Android Authority dove into code for the upcoming v3.41.50.3 version of the app and found “a significant ' +
    'redesign.” ‖ While the overall look is the same, the app gets a new tab.',
  'No one can deny the impact that AI is having on software development… and we are just getting started. ' +
    '‖ GenAI has already made a tremendous splash.',
  'OpenAI recently announced a $200 million deal with the U.S. Department of Defense, which has us wondering.',
  // This field's names, numbers and quoting.
  'Today we are releasing GPT-5.5, our most capable model yet. ‖ It beats GPT-4.1 on every benchmark we track.',
  'DeepSeek-V3.2 is open-weight. ‖ Kimi K2.5 follows next week.',
  'The U.S. Commerce Dept. said on Tuesday that the rule takes effect Jan. 15. ‖ Companies have 90 days to comply.',
  'o4-mini costs less than o3. ‖ o4-mini-high is slower.',
  'Meta released Llama 3.1 405B in July. ‖ Qwen3-235B-A22B came later.',
  'Update to v1.2.3 before Friday. ‖ Version 1.2.2 has a bug.',
  'iOS 26.1 adds the feature. ‖ iPadOS 26.1 does too.',
  'The model scored 87.5% on MMLU. ‖ That is 2.3 points more than before.',
  'It costs $0.15 per million tokens. ‖ The Pro plan is $200 a month.',
  'See the paper at arXiv:2401.01234 for details. ‖ The code is on GitHub.',
  'The paper (arXiv 2401.01234) was revised in Feb. 2024. ‖ Its authors are at Stanford Univ. and MIT.',
  'Dr. Fei-Fei Li spoke first. ‖ Prof. Hinton followed.',
  'The E.U. AI Act applies from Aug. 2. ‖ Fines can reach 7% of turnover.',
  "California's S.B. 53 was signed in September. ‖ It requires frontier labs to publish safety frameworks.",
  'The bill, No. 1047, failed. ‖ A new one, S.B. 53, passed.',
  'Nvidia Corp. and Microsoft Corp. invested. ‖ The round values the company at $100bn.',
  'The suit is Authors Guild vs. OpenAI Inc. in New York. ‖ A hearing is set for March.',
  'It supports many languages, e.g. French and German. ‖ Others are planned.',
  'Small models (i.e. under 10B parameters) are exempt. ‖ Larger ones are not.',
  'Write to press@openai.com for comment. ‖ Replies take a day.',
  'Read more at https://openai.com/index/gpt-5-5/. ‖ The system card is also out.',
  '"This is the best model we have built," she said. ‖ "It is also the safest."',
  '"We will open-source it." ‖ Next week the weights go up.',
  '"Is this AGI?" he asked. ‖ Nobody answered.',
  '"Ship it!" Altman wrote on X. ‖ The post got 10,000 replies.',
  'The results were… mixed. ‖ Benchmarks improved, but latency got worse.',
  'We are not done yet... ‖ More is coming soon.',
  'The window opens at 9 a.m. on Monday. ‖ It closes at 5 p.m. ‖ Then the review begins.',
  'He moved to the U.S. ‖ He joined OpenAI in 2016.',
  'The firm, based in the U.K., raised $50m. ‖ Its lead investor is Sequoia.',
  'Anthropic released Claude Opus 4.5 on Monday. ‖ Claude Sonnet 4.5 came in September.',
  'Gemini 3 Pro tops the LMArena leaderboard. ‖ Gemini 2.5 Flash-Lite is cheaper.',
  'Mistral Medium 3.1 is out. ‖ Mistral Small 3.2 is next.',
  'OpenAI (the maker of ChatGPT) raised money. ‖ (The round was led by SoftBank.) ‖ Talks continue.',
  'Shares rose 4.2% to $182.50. ‖ Volume was twice the average.',
  'Apple Inc. said it would comply. ‖ Google did not comment.',
  'The deal closed in Jan. ‖ The next one is due in Q3.',
  'Sam Altman, CEO of OpenAI Inc., spoke. ‖ Microsoft Corp. CEO Satya Nadella replied.',
  'The team at Stanford Univ. built it. ‖ It runs on one GPU.',
  'Rumours were false, according to the Dept. of Justice. ‖ The probe continues.',
  'Read the preprint (arXiv:2501.12948v2). ‖ DeepSeek-R1 is MIT-licensed.',
  'Its context window is 1M tokens, vs. 200K for Claude. ‖ Pricing is unchanged.',
  'Meta’s Llama 4 Scout and Llama 4 Maverick launched April 5. ‖ Behemoth is still training.',
  'GPT-4o mini replaced GPT-3.5 Turbo. ‖ GPT-4.1 nano is cheaper still.',
  'The bill passed 63-33. ‖ Gov. Newsom has 30 days to sign it.',
  'It was signed by Gov. Gavin Newsom on Sept. 29, 2025. ‖ It takes effect Jan. 1, 2026.',
  'Contact Jane Doe at jane.doe@example.org. ‖ She leads the team.',
  'OpenAI’s o3-pro is available to Pro users. ‖ o3 itself got 80% cheaper.',
  'What does this mean for developers? ‖ Less waiting, for one.',
  'This changes everything!!! ‖ Or does it?',
  '“We’re excited to share Gemini 3,” Sundar Pichai wrote. ‖ “It is our most intelligent model.”',
  '‘I’d be over the moon,’ said Locke. ‖ ‘It’s a fantastic opportunity.’',
  'The H100 costs about $25,000. ‖ The B200 costs more.',
  'It ran on Node.js 22.1. ‖ Deno 2.0 also works.',
  'Free users are excluded from the rollout, but […]',
  'The Commerce Dept. official declined to comment. ‖ A spokesperson for the U.S. Trade Representative did too.',
  'Shares of Nvidia Corp. fell 3%. ‖ The company reports on Feb. 26.',
  'Smith et al. found the effect in 2023. ‖ Others could not reproduce it.',
  'It was trained on 15T tokens (approx. 60TB of text). ‖ Training took 54 days.',
  'The Wall St. Journal reported the deal first. ‖ Neither company commented.',
  'Title of the post‖\nThe body starts here. ‖ It goes on.',
  'Wrapped text that goes\non to the next line. ‖ Then it ends.',
  'Paragraph one ends here.‖\n\nParagraph two has no end mark',
  'Three things changed:‖\n• the price‖\n• the context window‖\n• the rate limits',
  'MURRIETA, Calif. — A police officer shot a dog, police said. ‖ Nobody else was hurt.',
];

/** A case's text and the sentences it should split into. */
export function parseCase(c: string): { text: string; sentences: string[] } {
  return { text: c.replace(/ ‖ /g, ' ').replace(/‖/g, ''), sentences: c.split('‖').map((s) => s.trim()) };
}
