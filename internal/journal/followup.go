package journal

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
