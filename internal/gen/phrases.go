package gen

import "github.com/failup/failup/internal/journal"

// people are first names; the first recurringPeople are the ones who keep
// turning up in a life (a manager, a partner, a sister, a coach).
var people = []string{
	"Dana", "Sam", "Priya", "Marco", "Lena", "Tom",
	"Aisha", "Ben", "Chloe", "Diego", "Elif", "Farah", "Gabriel", "Hana", "Ivan", "Jonas",
	"Keiko", "Luis", "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sipho", "Tariq",
	"Uma", "Viktor", "Wen", "Yusuf", "Zoe", "Amara", "Bram", "Camille", "Dmitri", "Esme",
}

const recurringPeople = 6

// moodTags are tags about how a setback felt rather than where it happened.
var moodTags = []string{"stress", "growth", "feedback", "confidence", "burnout", "anxiety"}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	earlier  = []string{"last spring", "two months ago", "last year", "in my previous job", "at university", "last summer"}
	feelings = []string{"embarrassed", "frustrated", "flat", "ashamed", "angry with myself", "disappointed", "numb"}
)

var causeSentences = []string{
	"Looking back, it started well before {day}, I just did not see it.",
	"I felt {feeling} for the rest of the day and could not let it go.",
	"Part of it was bad luck, but most of it was in my control.",
	"When {name} asked me what had happened, I did not have a clear answer.",
	"The worst part was that I had seen it coming and did nothing about it.",
	"By the evening I was {feeling}, mostly with how I handled it.",
}

var patternSentences = []string{
	"This is not the first time: something very similar happened {when}.",
	"It tends to happen when I am under pressure and {name} is relying on me.",
	"Looking back, the warning signs were there a whole week earlier.",
	"I notice it most at the end of a long week, when I have nothing left.",
	"It is the same shape as what happened {when}, with different people.",
}

var differentlySentences = []string{
	"Write down what I am going to try and tell {name}, so someone will ask me about it.",
	"Treat the next attempt as an experiment, not as a verdict on me.",
	"Set a goal about improving, not about being perfect.",
	"Notice the early signs and act on them the same day instead of waiting.",
	"Ask {name} afterwards what they saw, and listen without defending myself.",
}

var strengthSentences = []string{
	"I am writing this down instead of pretending it did not happen.",
	"Mistakes are data, not disasters, and this one taught me a lot.",
	"I have come back from worse than this, and I will again.",
	"I can talk about this openly with {name}, which I could not have done before.",
	"I still care about doing this well, and that is worth keeping.",
}

var skillStrengths = map[journal.Skill][]string{
	"judgement": {
		"I saw quickly what had gone wrong, which is better judgement than I had a year ago.",
		"I made a clear call about what to drop instead of trying to save everything.",
	},
	"emotional-intelligence": {
		"I noticed how I was feeling before I reacted, at least the second time.",
		"I could see that {name} was under pressure too, and I said so.",
	},
	"resilience": {
		"I was back at it the next morning, which I could not have done a few years ago.",
		"I did not let one bad day decide how I see the whole year.",
	},
	"communication": {
		"I told {name} what happened straight away instead of hiding it.",
		"I asked {name} for feedback and actually listened to the answer.",
	},
	"problem-solving": {
		"I broke the mess into small pieces and fixed the first one the same evening.",
		"I found a workaround that kept things moving while I fixed the real cause.",
	},
}

var triedOutcomes = []string{
	"It went better than I expected.",
	"It was awkward at first, but it worked.",
	"Mostly worked; I slipped once but caught it early.",
	"It helped, and {name} noticed the difference.",
	"Hard to do, but I did it, and the next time felt easier.",
}

var notTriedOutcomes = []string{
	"I did not get round to it; the week got away from me.",
	"I forgot about it until the due date had passed.",
	"I started, then dropped it when things got busy.",
	"The situation changed and it no longer applied.",
}
