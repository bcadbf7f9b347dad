package insight

import (
	"strings"
	"sync"
)

// stopWords carry no theme of their own: English function words, and the
// words every reflection uses whatever went wrong ("felt", "next time",
// "lesson"). Inflected forms are listed because the check runs before stemming.
// functionWords hold a sentence together without saying what it is about:
// articles, pronouns, auxiliaries, prepositions, degree words.
var functionWords = sync.OnceValue(func() map[string]bool {
	return wordSet(`
a about above across after afterwards again against ago all almost alone along already also although
always am among an and another any anybody anyone anything anyway anywhere are around as at away
back be became because become becomes been before beforehand behind being below beside besides
between beyond both but by can cannot could did do does doing done down during each either else
elsewhere enough etc even ever every everybody everyone everything everywhere except far few first
for former from further had has have having he her here hers herself him himself his how however i
if in indeed instead into is it its itself just least less let lets like likely mainly many may me
meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps please quite rather round
really same several she should since so some somebody someone something sometime sometimes
somewhere still such than that the their theirs them themselves then there thereby therefore these
they this those though through throughout thus to together too toward towards under until up upon
us very via was we well were what whatever when whenever where whereas wherever whether which while
who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves s t d ll m re ve ok okay yes yeah oh
cos coz cuz bc cause tho thru til till gonna wanna gotta kinda sorta tbh ngl idk imo lol innit
`)
})

// stopWords carry no theme of their own: function words, and the words
// every reflection uses whatever went wrong ("felt", "next time", "lesson").
// Inflected forms are listed because the check runs before stemming.
var stopWords = sync.OnceValue(func() map[string]bool {
	set := wordSet(`
get gets getting got gotten go goes going gone went come comes coming came take takes taking took
taken give gives giving gave given put puts putting say says saying said tell tells telling told
keep keeps keeping kept seem seems seemed seeming try tries trying tried use used using want wants
wanted wanting need needs needed needing know knows knowing knew known think thinks thinking
thought feel feels feeling felt see sees seeing saw seen look looks looking looked find found made
make makes making let's lot lots bit kind sort thing things way ways time times day days week weeks
month months year years last today yesterday tomorrow morning afternoon evening night tonight
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
hundred hundreds thousand thousands half couple second seconds minute minutes hour hours
good bad better worse best worst big small little great new old long short right wrong sure
able actually basically certainly clearly definitely especially exactly finally hardly honestly
maybe probably simply truly usually
setback setbacks mistake mistakes lesson lessons learn learned learnt learning pattern patterns
cause caused causes differently strength strengths happen happened happens reflect reflection
somehow
`)
	for w := range functionWords() {
		set[w] = true
	}
	return set
})

// calendarStems are the stems of words that say when something happened:
// many setbacks fall on a Thursday or a weekend without the day being what
// keeps going wrong, so such a word makes a theme on its own only when its
// entries tell nearly one story (see minCalendarCohesion).
var calendarStems = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(`
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays
fridays saturdays sundays weekday weekdays weekend weekends
january february march april june july august september october november december
morning mornings afternoon afternoons evening evenings night nights tonight overnight midnight
midday noon today yesterday tomorrow week weeks fortnight month months year years
christmas easter
`) {
		set[stemText(w)] = true
	}
	return set
})

// addressTitles are written before a name or instead of one ("Coach",
// "Sister", "Doctor"): capitalised, and said to many different people.
const addressTitles = `mr mrs ms miss mx dr doctor prof professor sir madam dame lord lady sister nurse coach st saint`

// addressStems are the stems of addressTitles: such a word makes a theme on
// its own only when its entries tell nearly one story, as a day does (see
// minCalendarCohesion).
var addressStems = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(addressTitles) {
		set[stemText(w)] = true
	}
	return set
})

// notNames are capitalised mid-sentence for reasons other than being a name.
var notNames = sync.OnceValue(func() map[string]bool {
	return wordSet(addressTitles + `
i monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec christmas easter
mum mom mam dad mama papa nan nana gran grandma grandpa auntie aunt uncle
slack teams zoom discord whatsapp signal telegram messenger skype facetime imessage gmail outlook
excel word powerpoint sheets docs notion trello asana jira confluence figma canva photoshop illustrator
procreate blender unity unreal godot steam itch kickstarter patreon shopify etsy ebay amazon paypal
venmo monzo revolut xero quickbooks freeagent stripe github gitlab bitbucket vercel aws azure
google apple microsoft android iphone ipad mac macbook windows linux chatgpt copilot
instagram insta facebook twitter tiktok youtube twitch reddit linkedin snapchat pinterest bluesky
netflix spotify uber deliveroo tinder hinge bumble fitbit strava peloton duolingo anki
moodle canvas blackboard epic cerner nhs gp ae icu
`)
})

func wordSet(words string) map[string]bool {
	fields := strings.Fields(words)
	set := make(map[string]bool, len(fields))
	for _, w := range fields {
		set[w] = true
	}
	return set
}

// personBefore are words that a person's name often follows: "told Deb",
// "with Deb", "asked Deb".
var personBefore = sync.OnceValue(func() map[string]bool {
	return wordSet(`
with told tell telling asked ask asking called call emailed email texted text messaged message rang
ring phoned phone thanked thank helped help let met meet pinged ping warned promised blamed blame
trusted trust begged reminded remind convinced invited hugged paid cc'd cc thanked snapped shouted
yelled disappointed upset annoyed avoided avoiding avoid interrupted covering covered
`)
})

// personAfter are verbs of saying and doing that a person's name is often
// the subject of: "Deb said", "Deb offered".
var personAfter = sync.OnceValue(func() map[string]bool {
	return wordSet(`
said says told tells asked asks wanted wants thinks thought replied agreed offered rang called texted
emailed messaged laughed shouted snapped cried yelled sighed looked seemed knew knows noticed felt
feels promised insisted suggested explained complained pointed admitted warned mentioned decided
refused forgot stepped covered helped came went arrived did does himself herself reckons reckoned
pushed handed gave sent asked wrote spotted caught
`)
})
