package journal

import (
	"crypto/rand"
	"strconv"
	"strings"
	"time"
)

// Draft is a reflection in progress, saved as the person types so that nothing
// is lost to ctrl+c, a crash or kill -9.
type Draft struct {
	// Key is a SessionDraftKey (or the older NewDraftKey) for a new
	// reflection, or EditKey(id) for an edit.
	Key     string    `json:"-"`
	Entry   Entry     `json:"entry"`
	Step    int       `json:"step"`
	SavedAt time.Time `json:"-"`
}

// NewDraftKey names the draft of a new reflection kept by a failup that gave
// every new reflection the same key. Such a draft is still offered back.
const NewDraftKey = "new"

// SessionDraftKey names the draft of one new reflection. Each reflection has
// its own, so two written at once in two terminals both keep their words.
func SessionDraftKey() string { return NewDraftKey + ":" + strings.ToLower(rand.Text()) }

// IsNewDraft reports whether key names the draft of a new reflection (not an
// edit or a check-in).
func IsNewDraft(key string) bool {
	return key == NewDraftKey || strings.HasPrefix(key, NewDraftKey+":")
}

// EditKey names the draft of an edit of entry id.
func EditKey(id int64) string { return "edit:" + strconv.FormatInt(id, 10) }

// CheckInKey names the draft of a check-in on entry id's commitment.
func CheckInKey(id int64) string { return "checkin:" + strconv.FormatInt(id, 10) }
