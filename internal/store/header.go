package store

import (
	"bytes"
	"encoding/binary"
)

// HeaderSize is how many of a file's first bytes IsJournalHeader reads.
const HeaderSize = 100

// IsJournalHeader reports whether b, a file's first HeaderSize bytes, is the
// header of a SQLite database that failup marked as a journal.
func IsJournalHeader(b []byte) bool {
	return len(b) >= HeaderSize && bytes.HasPrefix(b, []byte("SQLite format 3\x00")) &&
		binary.BigEndian.Uint32(b[68:72]) == applicationID
}
