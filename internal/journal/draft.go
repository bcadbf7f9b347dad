package journal

import (
	"strconv"
	"time"
)

// Draft is a reflection in progress, saved as the person types so that nothing
// is lost to ctrl+c, a crash or kill -9.
type Draft struct {
	// Key is NewDraftKey for a new reflection, or EditKey(id) for an edit.
	Key     string    `json:"-"`
	Entry   Entry     `json:"entry"`
	Step    int       `json:"step"`
	SavedAt time.Time `json:"-"`
}

// NewDraftKey names the draft of a new reflection.
const NewDraftKey = "new"

// EditKey names the draft of an edit of entry id.
func EditKey(id int64) string { return "edit:" + strconv.FormatInt(id, 10) }

// CheckInKey names the draft of a check-in on entry id's commitment.
func CheckInKey(id int64) string { return "checkin:" + strconv.FormatInt(id, 10) }
