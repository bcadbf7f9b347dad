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
	// Key is a SessionKey of NewDraftKey (or NewDraftKey itself, from an
	// older failup) for a new reflection, a SessionKey of EditKey(id) (or
	// EditKey(id)) for an edit, or CheckInKey(id) for a check-in.
	Key     string    `json:"-"`
	Entry   Entry     `json:"entry"`
	Step    int       `json:"step"`
	SavedAt time.Time `json:"-"`
}

// NewDraftKey names the draft of a new reflection kept by a failup that gave
// every new reflection the same key. Such a draft is still offered back.
const NewDraftKey = "new"

// SessionKey names one session's draft of what base names (NewDraftKey for
// a new reflection, EditKey(id) for an edit). Each session has its own, so
// two written at once in two terminals both keep their words.
func SessionKey(base string) string { return base + ":" + strings.ToLower(rand.Text()) }

// DraftBase is what the draft under key is of: NewDraftKey, EditKey(id) or
// CheckInKey(id), without a session's part.
func DraftBase(key string) string {
	kind, rest, _ := strings.Cut(key, ":")
	if kind == NewDraftKey {
		return NewDraftKey
	}
	id, _, _ := strings.Cut(rest, ":")
	return kind + ":" + id
}

// EditedEntry reports which entry the draft under key is an edit of.
func EditedEntry(key string) (id int64, ok bool) {
	rest, ok := strings.CutPrefix(DraftBase(key), "edit:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// IsNewDraft reports whether key names the draft of a new reflection (not an
// edit or a check-in).
func IsNewDraft(key string) bool { return DraftBase(key) == NewDraftKey }

// EditKey names the draft of an edit of entry id.
func EditKey(id int64) string { return "edit:" + strconv.FormatInt(id, 10) }

// CheckInKey names the draft of a check-in on entry id's commitment.
func CheckInKey(id int64) string { return "checkin:" + strconv.FormatInt(id, 10) }
