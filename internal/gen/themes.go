package gen

// theme is a pattern that keeps coming back in a person's setbacks, said in a
// different way each time, so that pattern detection has something real to
// find and cannot find it by one fixed phrase.
type theme struct {
	weight float64 // how common it is
	// trend is how the weight changes over the journal: the weight is
	// multiplied by 1-trend at the oldest entry and by 1+trend at the newest.
	trend       float64
	patterns    []string
	differently []string
	lessons     []string
	commitments []string
}

var themes = []theme{
	{ // overcommitting
		weight: 3, trend: 0.6,
		patterns: []string{
			"I said yes to too much again.",
			"I had taken on too many projects at once.",
			"Overcommitting, again: I agreed to everything that came my way.",
			"I keep saying yes before I check whether I have the time.",
			"My calendar was full of promises I could not keep.",
		},
		differently: []string{
			"Before saying yes, look at the calendar and name what I will drop.",
			"Answer new requests with 'let me get back to you' instead of yes on the spot.",
			"Keep a short list of what I have already promised and read it before agreeing to more.",
		},
		lessons: []string{
			"Every yes is a no to something else.",
			"Check my capacity before I commit.",
			"Fewer promises, kept, beat many promises, broken.",
		},
		commitments: []string{
			"Say no to one new request this week",
			"Review my commitments every Monday and drop one",
			"Tell {name} which project I am pausing",
		},
	},
	{ // perfectionism
		weight: 2, trend: 0,
		patterns: []string{
			"I wanted it to be perfect before anyone saw it.",
			"I kept polishing instead of shipping.",
			"Perfectionism stopped me from finishing, as it often does.",
			"I rewrote the same part over and over because it never felt good enough.",
		},
		differently: []string{
			"Share a rough draft early, while it is still easy to change.",
			"Decide what good enough looks like before I start, and stop there.",
		},
		lessons: []string{
			"Done and shared beats perfect and private.",
			"Good enough, on time, is a kind of quality too.",
		},
		commitments: []string{
			"Share a first draft with {name} by Wednesday",
			"Set a one-hour limit on polishing",
		},
	},
	{ // procrastination
		weight: 3, trend: -0.6,
		patterns: []string{
			"I left it until the last minute.",
			"I put it off for days and then rushed the whole thing.",
			"I started far too late, as I usually do.",
			"I kept finding other things to do instead of starting.",
			"Procrastination, again: the hard part waited until the night before.",
		},
		differently: []string{
			"Start with twenty minutes on the first day, however small the step.",
			"Break it into steps and put the first one in the calendar straight away.",
		},
		lessons: []string{
			"Starting early is kinder than rushing late.",
			"The first twenty minutes are the whole battle.",
		},
		commitments: []string{
			"Work on new tasks for twenty minutes on the day they arrive",
			"Put the first step of every project in the calendar",
		},
	},
	{ // not asking for help
		weight: 2.5, trend: 0.2,
		patterns: []string{
			"I did not ask for help until it was far too late.",
			"I tried to do it all alone.",
			"I kept the problem to myself instead of telling {name}.",
			"I was too proud to ask anyone for help.",
		},
		differently: []string{
			"Ask {name} for help at the first sign of slipping.",
			"Tell someone as soon as I have been stuck for more than a day.",
		},
		lessons: []string{
			"Ask for help at the first sign of slipping.",
			"Asking early is a strength, not a weakness.",
		},
		commitments: []string{
			"Ask {name} for a check-in halfway through",
			"Raise it with {name} the first day I am stuck",
		},
	},
	{ // exhaustion
		weight: 2, trend: 0.3,
		patterns: []string{
			"I was running on very little sleep.",
			"I was exhausted and not thinking clearly.",
			"Too many late nights in a row caught up with me.",
			"Being this tired made everything harder than it needed to be.",
		},
		differently: []string{
			"Protect my sleep in the week before anything that matters.",
			"Plan a rest evening after every long day instead of another late night.",
		},
		lessons: []string{
			"Rest is part of the preparation.",
			"Tired me makes worse decisions; plan around that.",
		},
		commitments: []string{
			"Be in bed by eleven for the whole week before",
			"Keep one evening a week free of work",
		},
	},
	{ // avoiding conflict
		weight: 2, trend: -0.3,
		patterns: []string{
			"I avoided the hard conversation.",
			"I kept quiet when I should have spoken up.",
			"I did not want to upset {name}, so I said nothing.",
			"I smoothed things over instead of saying what I really thought.",
		},
		differently: []string{
			"Raise the problem early, while it is still small.",
			"Say the difficult thing kindly but plainly.",
		},
		lessons: []string{
			"A hard conversation early saves a harder one later.",
			"Kind and clear is better than nice and vague.",
		},
		commitments: []string{
			"Raise risks in the Monday meeting",
			"Tell {name} plainly what I need",
		},
	},
	{ // under-preparing
		weight: 2, trend: 0,
		patterns: []string{
			"I did not prepare enough.",
			"I winged it and hoped for the best.",
			"I skipped the practice run, as I so often do.",
			"I assumed I knew it well enough without rehearsing.",
		},
		differently: []string{
			"Do a full practice run under real conditions.",
			"Write down the three things that must go right and prepare those first.",
		},
		lessons: []string{
			"Practise under the conditions of the real thing.",
			"Preparation is the part I can control.",
		},
		commitments: []string{
			"Do a timed practice run before the next one",
			"Rehearse out loud in front of {name}",
		},
	},
	{ // comparing and self-doubt
		weight: 1.5, trend: -0.4,
		patterns: []string{
			"I compared myself to everyone else in the room.",
			"I talked myself down before I had even started.",
			"The voice saying I was not good enough got loud again.",
			"I measured myself against people years ahead of me.",
		},
		differently: []string{
			"Measure progress against where I was last month, not against other people.",
			"Notice the harsh inner voice and answer it with the facts.",
		},
		lessons: []string{
			"Compare with my past self, not with other people.",
			"Confidence comes from trying again, not from being perfect.",
		},
		commitments: []string{
			"Write down one thing I improved each week",
			"Try again within a month, whatever the voice says",
		},
	},
	{ // rushing
		weight: 1.5, trend: 0.4,
		patterns: []string{
			"I rushed and skipped the checks.",
			"I was in a hurry and did not look twice.",
			"Speed won over care, again.",
			"I was trying to get it off my plate instead of getting it right.",
		},
		differently: []string{
			"Slow down for the last five minutes and check everything once.",
			"Use a short checklist for anything that cannot be undone.",
		},
		lessons: []string{
			"Check twice when I am in a hurry.",
			"Slow is smooth, and smooth is fast.",
		},
		commitments: []string{
			"Use a checklist before anything goes out",
			"Ask {name} to review before I send",
		},
	},
	{ // ignoring feedback
		weight: 1.5, trend: 0,
		patterns: []string{
			"I did not ask anyone for feedback until it was too late.",
			"I ignored the early warning signs people gave me.",
			"{name} had hinted at this and I did not listen.",
			"I only asked for feedback once everything was finished.",
		},
		differently: []string{
			"Ask for feedback early, from someone who will be honest.",
			"When someone warns me, write it down and answer it within a day.",
		},
		lessons: []string{
			"Feedback is cheapest early.",
			"Listen to the warning the first time.",
		},
		commitments: []string{
			"Ask {name} for honest feedback on the next draft",
			"Book a feedback conversation after the next attempt",
		},
	},
}
