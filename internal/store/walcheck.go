package store

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strconv"
)

// stampWrite moves the journal's stamp on by one write; see
// migrations/0005_journal_identity.sql.
const stampWrite = `UPDATE journal_stamp SET writes = writes + 1,
	mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB)`

// stampMagic opens the stamp's mark: bytes that are never valid UTF-8, so
// never part of an entry's text.
var stampMagic = append(append([]byte{0xff, 0xfe}, "failup-id"...), 0xff, 0xfe)

const (
	stampIDLen     = 16
	stampWritesLen = 20
)

// stamp is which journal a page belongs to and how many writes it had made.
type stamp struct {
	id     [stampIDLen]byte
	writes int64
}

// parseStamp reads a stamp from the bytes after stampMagic.
func parseStamp(b []byte) (stamp, bool) {
	var s stamp
	if len(b) < stampIDLen+stampWritesLen {
		return s, false
	}
	copy(s.id[:], b)
	n, err := strconv.ParseInt(string(b[stampIDLen:stampIDLen+stampWritesLen]), 10, 64)
	s.writes = n
	return s, err == nil
}

// checkWAL refuses a write-ahead log beside the journal at path that SQLite
// would replay into it although it is not the journal's own: one whose
// committed writes carry another journal's stamp (a -wal file copied from
// elsewhere by a sync tool or a restore), or whose writes are older than
// those the journal already holds (a -wal from before the journal was
// restored). Both files are left untouched. A journal with no stamp yet, or
// a -wal without one, is let through: there is nothing to compare.
func checkWAL(path string) error {
	wal := path + "-wal"
	if info, err := os.Stat(wal); err != nil || info.Size() <= walHeaderSize {
		return nil
	}
	// The journal is read first and the log second: another failup writing
	// meanwhile only moves the log further ahead of what was read.
	own, ok := journalStamp(path)
	if !ok {
		return nil
	}
	f, err := os.Open(wal)
	if err != nil {
		return nil
	}
	defer f.Close()
	foreign, latest, found := walStamps(f, own.id)
	switch {
	case foreign:
		return fmt.Errorf("%s belongs to another journal, and SQLite would copy it over this one's entries; both files were left untouched: move %s out of the folder, then open the journal again", wal, wal)
	case found && latest < own.writes:
		return fmt.Errorf("%s holds older writes than the journal beside it (it is from before the journal was restored or copied), and SQLite would copy them over newer ones; both files were left untouched: move %s out of the folder, then open the journal again", wal, wal)
	}
	return nil
}

// journalStamp reads the stamp kept in the journal file itself, ignoring
// its write-ahead log (immutable=1 reads the file as it stands).
func journalStamp(path string) (stamp, bool) {
	db, err := sql.Open("sqlite", dsn(path, "immutable=1"))
	if err != nil {
		return stamp{}, false
	}
	defer db.Close()
	var mark []byte
	if err := db.QueryRow("SELECT mark FROM journal_stamp").Scan(&mark); err != nil {
		return stamp{}, false
	}
	rest, ok := bytes.CutPrefix(mark, stampMagic)
	if !ok {
		return stamp{}, false
	}
	return parseStamp(rest)
}

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
)

// walStamps reads the committed frames of a write-ahead log as SQLite
// would replay them (those whose salts match the header's, up to the last
// commit) and reports whether any carries a stamp of a journal other than
// id, and the count of writes of the latest stamp.
func walStamps(r io.Reader, id [stampIDLen]byte) (foreign bool, latest int64, found bool) {
	br := bufio.NewReaderSize(r, 1<<16)
	header := make([]byte, walHeaderSize)
	if _, err := io.ReadFull(br, header); err != nil {
		return false, 0, false
	}
	if magic := binary.BigEndian.Uint32(header); magic != 0x377f0682 && magic != 0x377f0683 {
		return false, 0, false
	}
	pageSize := int(binary.BigEndian.Uint32(header[8:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return false, 0, false
	}
	salts := header[16:24]
	frame := make([]byte, walFrameHeaderSize+pageSize)
	var pending []stamp // stamps of the transaction not yet committed
	for {
		if _, err := io.ReadFull(br, frame); err != nil {
			return foreign, latest, found
		}
		if !bytes.Equal(frame[8:16], salts) {
			return foreign, latest, found // a frame of an earlier generation
		}
		// A page can still hold the bytes of a stamp it was rewritten from,
		// with fewer writes, which then count too.
		for page := frame[walFrameHeaderSize:]; ; {
			i := bytes.Index(page, stampMagic)
			if i < 0 {
				break
			}
			page = page[i+len(stampMagic):]
			if s, ok := parseStamp(page); ok {
				pending = append(pending, s)
			}
		}
		if binary.BigEndian.Uint32(frame[4:8]) == 0 {
			continue
		}
		for _, s := range pending {
			foreign = foreign || s.id != id
			latest, found = max(latest, s.writes), true
		}
		pending = pending[:0]
	}
}
