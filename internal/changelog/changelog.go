// Package changelog is the format in which devices tell each other about
// their changes to entries and to the patterns: versions of entries and of
// the person's corrections to their patterns, each naming the versions it
// replaces, written in segments, files that only the device that wrote them
// ever writes, and that are never changed once written.
//
// A segment is lines of text: a header naming the format and the device, one
// line per record, and an end line counting them. Each line starts with the
// CRC-32C of the rest of it, so a line cut short or changed is found; what
// comes after it is left to be read again when the file is whole.
package changelog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"sync"
)

// Format names the segment format this failup writes and reads.
const Format = "failup.sync.v1"

// Clock is a hybrid logical clock: the wall clock in milliseconds, unless a
// version already seen is later, and a counter that orders versions made in
// the same millisecond. It orders concurrent versions only; which version
// replaces which is said by Parents, never by the clock, since devices'
// clocks can disagree by hours.
type Clock struct {
	Wall    int64 `json:"wall"`
	Logical int64 `json:"logical"`
}

// Tick is the clock for a new version made at wall (milliseconds), after
// every version seen so far (c).
func (c Clock) Tick(wall int64) Clock {
	if wall > c.Wall {
		return Clock{Wall: wall}
	}
	return Clock{Wall: c.Wall, Logical: c.Logical + 1}
}

// Observe moves c past a version seen with clock o.
func (c Clock) Observe(o Clock) Clock {
	if o.Wall > c.Wall || (o.Wall == c.Wall && o.Logical > c.Logical) {
		return o
	}
	return c
}

// Version is one state of one entry, as one device saw it.
type Version struct {
	// ID is "<device>:<n>", n counting the versions the device made.
	ID     string `json:"id"`
	UID    string `json:"uid"`
	Device string `json:"device"`
	Clock  Clock  `json:"clock"`
	// Parents are the versions of the entry this one replaces: those the
	// device held when it made this one. A version no other names is a
	// head; two heads of one entry are a conflict.
	Parents []string `json:"parents"`
	// Deleted marks a deletion of the parents; Entry is then empty.
	Deleted bool `json:"deleted,omitempty"`
	// Entry is the entry in the failup.v1 entry format, without its id; for
	// a correction, the correction in the failup.v1 format.
	Entry json.RawMessage `json:"entry,omitempty"`
	// Correction marks a version of a correction to the patterns rather
	// than of an entry. It travels as the kind of its record, which older
	// failups pass over.
	Correction bool `json:"-"`
}

// Newer reports whether v sorts after o among concurrent versions: the later
// clock, then the greater device id, so every device picks the same.
func (v Version) Newer(o Version) bool {
	if v.Clock != o.Clock {
		return v.Clock.Wall > o.Clock.Wall || (v.Clock.Wall == o.Clock.Wall && v.Clock.Logical > o.Clock.Logical)
	}
	if v.Device != o.Device {
		return v.Device > o.Device
	}
	return v.ID > o.ID
}

// VersionID names the nth version made by device.
func VersionID(device string, n int64) string { return device + ":" + strconv.FormatInt(n, 10) }

// VersionNumber is n in a version id "<device>:<n>".
func VersionNumber(id string) (int64, bool) {
	i := strings.LastIndexByte(id, ':')
	if i < 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(id[i+1:], 10, 64)
	return n, err == nil
}

// record is one line of a segment. Kind says which fields it fills; a kind
// this failup does not know is skipped, so later failups can add kinds (such
// as corrections to patterns) that older ones pass over.
type record struct {
	Kind    string   `json:"kind"`
	Format  string   `json:"format,omitempty"`
	Device  string   `json:"device,omitempty"`
	Records int      `json:"records,omitempty"`
	Version *Version `json:"version,omitempty"`
}

const (
	kindHeader     = "segment"
	kindVersion    = "version"
	kindCorrection = "correction"
	kindEnd        = "end"
)

// castagnoli is made on first use: making the table at start would cost
// every command, most of which never read or write a change log.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

func appendLine(b []byte, r record) []byte {
	body, err := json.Marshal(r)
	if err != nil {
		panic(err) // only plain values are marshalled
	}
	b = fmt.Appendf(b, "%08x ", crc32.Checksum(body, castagnoli()))
	b = append(b, body...)
	return append(b, '\n')
}

// Encode is the whole segment device writes with versions.
func Encode(device string, versions []Version) []byte {
	b := appendLine(nil, record{Kind: kindHeader, Format: Format, Device: device})
	for i := range versions {
		kind := kindVersion
		if versions[i].Correction {
			kind = kindCorrection
		}
		b = appendLine(b, record{Kind: kind, Version: &versions[i]})
	}
	return appendLine(b, record{Kind: kindEnd, Records: len(versions)})
}

// ErrNewer is a segment in a format from a newer failup.
var ErrNewer = errors.New("it was written by a newer failup; update failup to read it")

// Read is what Decode found in a segment.
type Read struct {
	Versions []Version
	// Consumed is how many bytes of the segment were read: lines cut short
	// or damaged, and what follows them, are left for a later read.
	Consumed int64
	// Complete is set once the end line has been read: the segment will
	// never hold more.
	Complete bool
}

// Decode reads a segment that device wrote, from the byte offset from (0,
// or the Consumed of an earlier read of the same file). err says what was
// wrong with the file, if anything; the versions read before the problem are
// returned with it.
func Decode(data []byte, device string, from int64) (Read, error) {
	r := Read{Consumed: from}
	if from > int64(len(data)) {
		return r, errors.New("it is shorter than when it was last read")
	}
	rest := data[from:]
	for len(rest) > 0 {
		line, after, whole := bytes.Cut(rest, []byte("\n"))
		if !whole {
			return r, nil // cut short: the rest may still be on its way
		}
		rec, err := decodeLine(line)
		if err != nil {
			return r, fmt.Errorf("it is damaged at byte %d: %w", r.Consumed, err)
		}
		switch rec.Kind {
		case kindHeader:
			if r.Consumed != 0 {
				return r, fmt.Errorf("it is damaged at byte %d: a second header", r.Consumed)
			}
			if rec.Format != Format {
				return r, ErrNewer
			}
			if rec.Device != device {
				return r, fmt.Errorf("it names device %s but lies in %s's folder", rec.Device, device)
			}
		case kindVersion, kindCorrection:
			if r.Consumed == 0 {
				return r, errors.New("it does not start with a segment header")
			}
			v := rec.Version
			if v == nil || v.Device != device || v.UID == "" || v.ID == "" || !strings.HasPrefix(v.ID, device+":") {
				return r, fmt.Errorf("it is damaged at byte %d: a version that is not %s's", r.Consumed, device)
			}
			v.Correction = rec.Kind == kindCorrection
			r.Versions = append(r.Versions, *v)
		case kindEnd:
			r.Complete = true
		}
		r.Consumed += int64(len(line)) + 1
		rest = after
		if r.Complete {
			return r, nil
		}
	}
	return r, nil
}

func decodeLine(line []byte) (record, error) {
	var rec record
	sum, body, ok := bytes.Cut(line, []byte(" "))
	if !ok || len(sum) != 8 {
		return rec, errors.New("a line without its checksum")
	}
	want, err := strconv.ParseUint(string(sum), 16, 32)
	if err != nil || uint32(want) != crc32.Checksum(body, castagnoli()) {
		return rec, errors.New("a line whose checksum does not match")
	}
	if err := json.Unmarshal(body, &rec); err != nil {
		return rec, errors.New("a line that is not a record")
	}
	return rec, nil
}
