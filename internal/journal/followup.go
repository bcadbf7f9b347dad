package journal

import "fmt"

// Status is where a commitment stands on a given day.
type Status string

const (
	StatusDue      Status = "due"
	StatusOverdue  Status = "overdue"
	StatusUpcoming Status = "upcoming"
	StatusDone     Status = "done"
	StatusDropped  Status = "dropped"
)

// Status reports where the commitment stands on today. A commitment without a
// due date is upcoming until someone checks in on it.
func (f Followup) Status(today Date) Status {
	switch {
	case f.DroppedAt != nil:
		return StatusDropped
	case f.CheckedInAt != nil:
		return StatusDone
	case f.DueOn.IsZero() || f.DueOn > today:
		return StatusUpcoming
	case f.DueOn == today:
		return StatusDue
	default:
		return StatusOverdue
	}
}

// PostponeBy is the day to ask again when the commitment waits n more days:
// n days after the day it is due, or after today once that has passed, so a
// postponement never brings the day earlier.
func (f Followup) PostponeBy(n int, today Date) Date {
	from := today
	if f.DueOn > today {
		from = f.DueOn
	}
	return from.AddDays(n)
}

// DueText says where the commitment stands relative to today, in words:
// "due today", "due 3 days ago", "due in 5 days", "checked in".
func (f Followup) DueText(today Date) string {
	switch f.Status(today) {
	case StatusDone:
		return "checked in"
	case StatusDropped:
		return "set aside"
	}
	if f.DueOn == "" {
		return "no date"
	}
	switch days := today.DaysUntil(f.DueOn); {
	case days == 0:
		return "due today"
	case days == 1:
		return "due tomorrow"
	case days == -1:
		return "due yesterday"
	case days < 0:
		return fmt.Sprintf("due %d days ago", -days)
	default:
		return fmt.Sprintf("due in %d days", days)
	}
}
