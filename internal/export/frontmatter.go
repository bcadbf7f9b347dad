package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// frontMatter is the YAML block note-taking apps read: title, date, tags,
// skills and uid, then the times the Markdown below does not hold to the
// second (when the entry was written and last changed, checked in on or set
// aside), so that importing the note gives back the entry exactly. Strings
// are double-quoted so that no title or tag can be read as YAML syntax, a
// number or a boolean.
func frontMatter(e journal.Entry) string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(e.Title))
	if _, err := journal.ParseDate(string(e.OccurredOn)); err == nil {
		fmt.Fprintf(&b, "date: %s\n", e.OccurredOn)
	} else {
		fmt.Fprintf(&b, "date: %s\n", yamlString(string(e.OccurredOn)))
	}
	skills := make([]string, len(e.Skills))
	for i, s := range e.Skills {
		skills[i] = string(s)
	}
	yamlList(&b, "tags", e.Tags)
	yamlList(&b, "skills", skills)
	fmt.Fprintf(&b, "uid: %s\n", yamlString(e.UID))
	yamlTime(&b, "created_at", &e.CreatedAt)
	yamlTime(&b, "updated_at", &e.UpdatedAt)
	if f := e.Followup; f != nil {
		yamlTime(&b, "checked_in_at", f.CheckedInAt)
		yamlTime(&b, "dropped_at", f.DroppedAt)
	}
	b.WriteString("---\n\n")
	return b.String()
}

// yamlTime writes a time as the failup.v1 JSON does, when there is one.
func yamlTime(b *strings.Builder, key string, t *time.Time) {
	if t != nil && !t.IsZero() {
		fmt.Fprintf(b, "%s: %s\n", key, yamlString(t.UTC().Format(time.RFC3339Nano)))
	}
}

func yamlList(b *strings.Builder, key string, items []string) {
	if len(items) == 0 {
		fmt.Fprintf(b, "%s: []\n", key)
		return
	}
	fmt.Fprintf(b, "%s:\n", key)
	for _, item := range items {
		fmt.Fprintf(b, "  - %s\n", yamlString(item))
	}
}

// yamlString is s on one line, as a YAML double-quoted scalar with every
// character YAML does not allow as-is escaped.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range termtext.Line(s) {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case yamlPrintable(r):
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPrintable is YAML 1.2's printable set without the byte order mark and
// the line and paragraph separators, which YAML 1.1 reads as line breaks.
func yamlPrintable(r rune) bool {
	switch {
	case r == 0xFEFF || r == 0x2028 || r == 0x2029:
		return false
	case 0x20 <= r && r <= 0x7E, 0xA0 <= r && r <= 0xD7FF, 0xE000 <= r && r <= 0xFFFD, 0x10000 <= r && r <= 0x10FFFF:
		return true
	}
	return false
}
