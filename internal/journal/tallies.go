package journal

// Tallies count what a journal's statistics are made of: entries by month
// and by skill, commitments by where they stand, and how often each
// confidence rating was given. A journal keeps them as it changes, so they
// cost the same to read for ten entries or a hundred thousand.
type Tallies struct {
	// FirstOn and LastOn are the earliest and latest days of a setback.
	FirstOn, LastOn Date
	// Months counts entries by month ("2026-03"), oldest first.
	Months []Tally
	// Skills counts the entries that exercised each skill, in any order.
	Skills []Tally
	// Commitments by where they stand today: checked in on (tried again or
	// not), set aside, waiting (due, not yet heard about), or to come.
	TriedAgain, NotTried, SetAside, Waiting, Upcoming int
	// Confidence when reflecting, confidence at the check-in, the change
	// between them where both were given, and the days from a setback to
	// trying again, each as how many times a value occurred, smallest first.
	Confidence, ConfidenceAfter, ConfidenceChange, DaysToTryAgain []Bin
	// Chains is how many chains of attempts there are: entries another
	// reflection follows on from, that follow on from none themselves.
	Chains int
}

// Tally is how many times a key occurs.
type Tally struct {
	Key string
	N   int
}

// Bin is how many times a number occurs.
type Bin struct {
	Value, N int
}
