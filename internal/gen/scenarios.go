package gen

// scenario is a kind of setback: how people title it, what they say caused
// it, and the tags they file it under. Templates may use {name}, {thing},
// {day}, {when} and {feeling}.
type scenario struct {
	titles []string
	causes []string
	things []string
	tags   []string
}

var scenarios = []scenario{
	{ // job interview
		titles: []string{
			"Bombed the interview for the {thing}",
			"Froze in the final round for the {thing}",
			"Rejected after the {thing} interview",
			"Blanked on a question in the {thing} interview",
			"Didn't get the {thing}",
		},
		causes: []string{
			"The panel asked about a project I had not thought about in years and I rambled for five minutes without a point.",
			"I froze when {name} asked me to walk through a decision I had made, and my answer came out in pieces.",
			"I had prepared for the wrong kind of questions and only realised it halfway through the hour.",
			"They wanted concrete numbers about my results and all I had were vague stories.",
			"My train was late, I arrived flustered and I never really settled into the conversation.",
		},
		things: []string{"product manager role", "backend engineer job", "design internship", "team lead position", "data analyst role", "teaching post"},
		tags:   []string{"work", "career", "interview"},
	},
	{ // missed deadline
		titles: []string{
			"Missed the deadline for the {thing}",
			"Handed in the {thing} two days late",
			"Asked for an extension on the {thing} at the last minute",
			"The {thing} slipped again",
		},
		causes: []string{
			"I underestimated how long the {thing} would take and only noticed on {day} that it could not be done in time.",
			"Three other requests landed in the same week and the {thing} quietly went to the bottom of the pile.",
			"I waited for input from {name} and did not chase it until it was far too late.",
			"The first draft took twice as long as planned because I kept rewriting the opening section.",
		},
		things: []string{"quarterly report", "grant application", "client proposal", "migration plan", "budget review", "thesis chapter"},
		tags:   []string{"work", "deadline", "project"},
	},
	{ // hard conversation at work
		titles: []string{
			"Snapped at {name} in the team meeting",
			"Avoided telling {name} the project was in trouble",
			"A feedback conversation with {name} went badly",
			"Said something I regret to {name}",
		},
		causes: []string{
			"{name} questioned my estimate in front of everyone and I answered sharply instead of explaining my reasons.",
			"I had been dreading the conversation for a week, and by the time it happened I was already defensive.",
			"I softened the message so much that {name} did not hear the problem at all.",
			"I was worn out and took a neutral comment from {name} as a personal attack.",
		},
		tags: []string{"work", "communication", "conflict", "team"},
	},
	{ // exam
		titles: []string{
			"Failed the {thing}",
			"Scored far below what I expected on the {thing}",
			"Ran out of time in the {thing}",
			"Panicked during the {thing}",
		},
		causes: []string{
			"I spent most of my revision on the topics I already liked and skipped the hard chapters.",
			"I ran out of time on the long questions because I was far too careful with the first ones.",
			"I crammed the night before and walked into the {thing} having slept four hours.",
			"A question on the part I had skipped was worth a third of the marks.",
		},
		things: []string{"statistics exam", "driving test", "language certificate", "chemistry midterm", "certification exam", "final oral exam"},
		tags:   []string{"study", "exam", "school"},
	},
	{ // launch
		titles: []string{
			"The {thing} launch flopped",
			"Launched the {thing} to almost no sign-ups",
			"Rolled back the {thing} on launch day",
			"Postponed the {thing} launch for the second time",
		},
		causes: []string{
			"Nobody outside the team had used the {thing} before launch day, so nobody caught the confusing parts.",
			"A bug we had known about for weeks broke the sign-up flow within the first hour.",
			"I announced a date before the {thing} was ready and then had to walk it back in public.",
			"We built what we wanted to build instead of what people had actually asked for.",
		},
		things: []string{"mobile app", "newsletter", "online shop", "pricing page", "beta release", "community event"},
		tags:   []string{"work", "launch", "project", "side-project"},
	},
	{ // relationship
		titles: []string{
			"Argument with {name} about the holidays",
			"Forgot {name}'s birthday",
			"{name} and I broke up",
			"Cancelled on {name} again",
			"Let {name} down at the last minute",
		},
		causes: []string{
			"I had promised {name} I would be there and then let work swallow the whole evening.",
			"We kept talking past each other, and neither of us said what we actually needed.",
			"The date only lived in my head, not in my calendar, and my head was full that week.",
			"I brought up an old grievance when {name} only wanted to talk about plans for the weekend.",
		},
		tags: []string{"relationships", "personal", "communication"},
	},
	{ // sport
		titles: []string{
			"Did not finish the {thing}",
			"Lost the {thing} after leading",
			"Injured my knee training for the {thing}",
			"Missed my target time in the {thing}",
		},
		causes: []string{
			"I went out far too fast and had nothing left for the second half of the {thing}.",
			"I skipped the easy weeks in the training plan and my body gave up before the race did.",
			"I changed my shoes the week before the {thing}, which I know not to do.",
			"I got rattled after one bad moment and stopped playing my own game.",
		},
		things: []string{"half marathon", "club tennis final", "swim race", "five-a-side league match", "cycling sportive", "bouldering competition"},
		tags:   []string{"sport", "health", "training"},
	},
	{ // presentation
		titles: []string{
			"Lost the room during the {thing}",
			"The demo crashed in the {thing}",
			"Went twenty minutes over in the {thing}",
			"Could not answer {name}'s question in the {thing}",
		},
		causes: []string{
			"I put too much on every slide and read them out instead of talking to the people in the room.",
			"The demo depended on the venue's wifi and I had no offline fallback ready.",
			"I rehearsed it once, alone, and never out loud with a timer running.",
			"{name} asked a simple question about cost and I had no number ready.",
		},
		things: []string{"all-hands update", "conference talk", "board presentation", "client demo", "team retrospective"},
		tags:   []string{"work", "presentation", "public-speaking"},
	},
	{ // money
		titles: []string{
			"Overspent the monthly budget again",
			"Paid a late fee on the rent",
			"Lost money on an impulse investment",
			"Forgot to cancel a subscription for a year",
		},
		causes: []string{
			"I stopped checking my account for three weeks and the small purchases added up.",
			"I bought on a tip from {name} without reading a single thing about it first.",
			"The bill arrived while I was away and I had never set up a reminder.",
			"I treated the bonus as already spent before it had even arrived.",
		},
		tags: []string{"money", "personal", "habits"},
	},
	{ // health
		titles: []string{
			"Fell off the exercise routine for a month",
			"Burnt out before the holiday",
			"Skipped the doctor's appointment again",
			"Broke my no-phone-after-ten rule all week",
		},
		causes: []string{
			"I dropped the morning run in the first busy week and never picked it back up.",
			"I worked late every night for a month and only noticed how tired I was when I got sick.",
			"I kept postponing the appointment because I was afraid of what it might show.",
			"My evenings disappeared into scrolling and I woke up exhausted every morning.",
		},
		tags: []string{"health", "habits", "personal"},
	},
	{ // mistake at work
		titles: []string{
			"Deleted a production table by mistake",
			"Shipped a bug that double-charged customers",
			"Sent the email to the wrong list",
			"Broke the build right before the release",
		},
		causes: []string{
			"I ran the command against the wrong environment because both terminals looked exactly the same.",
			"I skipped the review because it was only a one-line change.",
			"I was rushing to leave on {day} and did not double-check the recipient list.",
			"The tests had been flaky for months, so I had stopped reading their output.",
		},
		tags: []string{"work", "mistake", "engineering"},
	},
	{ // creative work
		titles: []string{
			"The {thing} was rejected",
			"Abandoned the {thing} halfway",
			"Harsh feedback on my {thing}",
			"Missed the submission window for the {thing}",
		},
		causes: []string{
			"I sent the {thing} out before anyone I trust had looked at it.",
			"I kept polishing the opening and never reached the end of the {thing}.",
			"The feedback said the {thing} had no clear point, and honestly it did not.",
			"I decided it was not good enough the night before the deadline and did not submit it.",
		},
		things: []string{"short story", "album demo", "photography exhibition", "novel draft", "art school portfolio"},
		tags:   []string{"creative", "writing", "side-project"},
	},
	{ // negotiation
		titles: []string{
			"Accepted the first salary offer without negotiating",
			"Lost the contract to a cheaper bid",
			"Agreed to a scope I could not deliver",
			"Did not ask for the promotion",
		},
		causes: []string{
			"I was so relieved to get an offer that I said yes on the call.",
			"{name} pushed for a lower price and I gave in within a minute.",
			"I agreed to the full scope to escape an awkward silence in the meeting.",
			"I waited for {name} to notice my work instead of making the case myself.",
		},
		tags: []string{"work", "career", "negotiation", "money"},
	},
	{ // family
		titles: []string{
			"Missed my nephew's school play",
			"Fight with {name} about our parents",
			"Did not call {name} back for a month",
			"Lost my temper at the family dinner",
		},
		causes: []string{
			"I booked a work trip on the same day without checking the family calendar.",
			"{name} and I have had the same argument about caring for our parents for years.",
			"I kept meaning to call back, and every evening I was too tired to do it.",
			"A small joke from {name} hit an old sore spot and I reacted before thinking.",
		},
		tags: []string{"family", "personal", "relationships"},
	},
	{ // learning
		titles: []string{
			"Dropped out of the {thing}",
			"Stalled on the {thing} for three months",
			"Failed the first assignment of the {thing}",
		},
		causes: []string{
			"I signed up for the {thing} in a burst of enthusiasm and never planned when I would practise.",
			"Once I had missed two lessons I felt too far behind to go back.",
			"I compared my progress with people who had started years before me and lost heart.",
		},
		things: []string{"Spanish course", "piano lessons", "online programming course", "evening class in accounting"},
		tags:   []string{"learning", "study", "habits"},
	},
}
