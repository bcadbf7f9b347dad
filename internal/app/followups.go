package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// Tried is how a check-in answers "did you try again?".
type Tried string

const (
	TriedYes Tried = "yes"
	TriedNo  Tried = "no"
	NotYet   Tried = "not-yet"
)

// ParseTried reads yes, no or not-yet.
func ParseTried(s string) (Tried, error) {
	switch t := Tried(strings.ToLower(strings.TrimSpace(s))); t {
	case TriedYes, TriedNo, NotYet:
		return t, nil
	}
	return "", inputErrorf("tried-again", "give yes, no or not-yet, not %q", s)
}

// CheckInInput is a check-in as given.
type CheckInInput struct {
	// Tried is "" when only a new date (Snooze) or Drop is given.
	Tried Tried
	// Outcome and Confidence, when nil, keep what an earlier check-in said.
	Outcome    *string
	Confidence *int
	// Snooze is when to ask again, with NotYet or alone, as the person
	// named it; "" is a week on from the day it is due, or from today once
	// that has passed.
	Snooze journal.Date
	// Drop sets the commitment aside, and goes with nothing else.
	Drop bool
}

// CheckInResult is the entry after a check-in, and a sentence saying what
// was recorded.
type CheckInResult struct {
	Entry journal.Entry
	Said  string
}

// snoozeDays is how long "not yet" waits when no day is given.
const snoozeDays = 7

// CheckIn records how entry id's commitment went, moves its day, or sets it
// aside. A check-in again keeps what was said before unless it is said anew.
func (c *Core) CheckIn(ctx context.Context, id int64, in CheckInInput) (CheckInResult, error) {
	if err := CheckCheckIn(in, c.Today()); err != nil {
		return CheckInResult{}, err
	}
	before, err := c.Commitment(ctx, id)
	if err != nil {
		return CheckInResult{}, err
	}
	today, now := c.Today(), c.now()
	postpone := in.Tried == NotYet || in.Tried == "" && in.Snooze != ""
	if before.Status(today) == journal.StatusDone && (postpone || in.Drop) {
		return CheckInResult{}, fmt.Errorf("entry %d was already checked in on, so there is nothing to postpone or set aside; answering yes or no changes what was recorded", id)
	}
	var said string
	switch {
	case in.Drop:
		err, said = c.store.Drop(ctx, id, now), "Set it aside. It won't be asked about again."
	case postpone:
		due := in.Snooze
		if due == "" {
			due = before.PostponeBy(snoozeDays, today)
		}
		err, said = c.store.Snooze(ctx, id, due, now), fmt.Sprintf("failup will ask again on %s, %s.", due, due.Time().Format("Monday 2 January"))
	default:
		ci := store.CheckIn{TriedAgain: in.Tried == TriedYes}
		// What an earlier check-in said about how it went describes its
		// answer: it is kept only while the answer stays the same.
		changed := before.TriedAgain != nil && *before.TriedAgain != ci.TriedAgain
		if !changed {
			ci.ConfidenceAfter = before.ConfidenceAfter
			if before.Outcome != nil {
				ci.Outcome = *before.Outcome
			}
		}
		if in.Outcome != nil {
			ci.Outcome = strings.TrimSpace(*in.Outcome)
		}
		if in.Confidence != nil {
			ci.ConfidenceAfter = in.Confidence
		}
		err = c.store.RecordCheckIn(ctx, id, ci, now)
		said = "Noted. Trying again is how confidence grows."
		if !ci.TriedAgain {
			said = "Noted. Not this time is an honest answer, and the lesson is still yours."
		}
		if before.CheckedInAt != nil {
			said = fmt.Sprintf("Updated the check-in of %s. %s", before.CheckedInAt.Local().Format("2 January"), said)
		}
	}
	if err != nil {
		return CheckInResult{}, err
	}
	// A check-in put off keeps a draft that holds words about how it went:
	// they wait for when failup asks again.
	keep, err := c.draftSaysHowItWent(ctx, id)
	if err != nil {
		return CheckInResult{}, err
	}
	if postpone && keep {
		said += " What you wrote is kept for then."
	} else if err := c.store.DeleteDraft(ctx, journal.CheckInKey(id)); err != nil {
		return CheckInResult{}, err
	}
	e, err := c.Entry(ctx, id)
	return CheckInResult{Entry: e, Said: said}, err
}

// draftSaysHowItWent reports whether entry id's check-in draft holds an
// outcome or a confidence.
func (c *Core) draftSaysHowItWent(ctx context.Context, id int64) (bool, error) {
	d, ok, err := c.store.Draft(ctx, journal.CheckInKey(id))
	if err != nil || !ok || d.Entry.Followup == nil {
		return false, err
	}
	f := d.Entry.Followup
	return f.Outcome != nil && strings.TrimSpace(*f.Outcome) != "" || f.ConfidenceAfter != nil, nil
}

// CheckCheckIn says what is wrong with a check-in as given, before any
// journal is read: choices that do not go together, a confidence out of
// range, a day to ask again that has passed.
func CheckCheckIn(in CheckInInput, today journal.Date) error {
	said := in.Tried != "" || in.Snooze != "" || in.Outcome != nil || in.Confidence != nil
	switch {
	case in.Drop && said:
		return inputErrorf("drop", "setting a commitment aside goes with nothing else")
	case !in.Drop && !said:
		return inputErrorf("tried-again", "say how it went: yes, no or not-yet")
	case in.Confidence != nil && (*in.Confidence < 1 || *in.Confidence > 10):
		return inputErrorf("confidence", "give a number from 1 to 10, not %d", *in.Confidence)
	case in.Tried == "" && (in.Outcome != nil || in.Confidence != nil):
		return inputErrorf("tried-again", "an outcome or a confidence goes with yes or no")
	case in.Tried == NotYet && (in.Outcome != nil || in.Confidence != nil):
		return inputErrorf("tried-again", "with not-yet there is nothing to record yet; an outcome and a confidence go with yes or no")
	case in.Tried != NotYet && in.Tried != "" && in.Snooze != "":
		return inputErrorf("snooze", "a new day to ask goes with not-yet, not with %s", in.Tried)
	}
	if err := journal.CheckDue(in.Snooze, today); err != nil {
		return &InputError{Field: "snooze", Err: err}
	}
	return nil
}

// ParseDue reads a day a commitment is due as of the core's today.
func (c *Core) ParseDue(typed string) (journal.Date, error) {
	return ParseDue(typed, c.Today(), c.order)
}

// ParseDue reads a day a commitment is due, as typed ("friday" is the coming
// one, "in 2 weeks"), refusing a day that has passed. order reads 3/4.
func ParseDue(typed string, today journal.Date, order journal.Order) (journal.Date, error) {
	d, err := journal.ParseDueDay(typed, today, order)
	if err == nil {
		err = journal.CheckDue(d, today)
	}
	return d, err
}

// ParseHappened reads the day a setback happened, as typed ("friday" is last
// Friday, "3 days ago"), refusing a day still to come.
func (c *Core) ParseHappened(typed string) (journal.Date, error) {
	today := c.Today()
	d, err := journal.ParseDay(typed, today, c.order)
	if err == nil {
		err = journal.CheckHappened(d, today)
	}
	return d, err
}

// ErrNoCommitment is the error for an entry with nothing to check in on.
var ErrNoCommitment = errors.New("no commitment to check in on")

// Commitment is entry id's follow-up.
func (c *Core) Commitment(ctx context.Context, id int64) (journal.Followup, error) {
	e, err := c.Entry(ctx, id)
	if err != nil {
		return journal.Followup{}, err
	}
	if e.Followup == nil {
		return journal.Followup{}, fmt.Errorf("entry %d has %w", id, ErrNoCommitment)
	}
	return *e.Followup, nil
}

// FollowupView chooses which commitments Followups lists.
type FollowupView int

const (
	// OpenFollowups are those not yet checked in on or set aside.
	OpenFollowups FollowupView = iota
	// DueFollowups are the open ones due today or before.
	DueFollowups
	// AllFollowups include those done or set aside.
	AllFollowups
)

// Followups lists commitments, soonest due first.
func (c *Core) Followups(ctx context.Context, view FollowupView) ([]Commitment, error) {
	cf := CommitmentFilter{Open: view != AllFollowups}
	if view == DueFollowups {
		cf.DueBy = c.Today()
	}
	list, err := c.store.Commitments(ctx, cf)
	if list == nil {
		list = []Commitment{}
	}
	return list, err
}

// Commitments lists commitments as cf chooses.
func (c *Core) Commitments(ctx context.Context, cf CommitmentFilter) ([]Commitment, error) {
	return c.store.Commitments(ctx, cf)
}

// CountCommitments is how many commitments cf keeps, ignoring its Limit.
func (c *Core) CountCommitments(ctx context.Context, cf CommitmentFilter) (int, error) {
	return c.store.CountCommitments(ctx, cf)
}

// Waiting is the most recently due commitment waiting to hear how it went,
// and how many are waiting; ok is false when none is. It reads only those.
func (c *Core) Waiting(ctx context.Context) (latest Commitment, n int, ok bool, err error) {
	cf := CommitmentFilter{Open: true, DueBy: c.Today(), Limit: 1, Latest: true}
	due, err := c.store.Commitments(ctx, cf)
	if err != nil || len(due) == 0 {
		return Commitment{}, 0, false, err
	}
	n, err = c.store.CountCommitments(ctx, cf)
	return due[0], n, err == nil, err
}
