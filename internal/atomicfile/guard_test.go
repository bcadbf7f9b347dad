//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReplaceable(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "journal.db")
	if err := os.WriteFile(db, []byte("SQLite format 3\x00 and the rest"), 0o600); err != nil {
		t.Fatal(err)
	}
	reading := filepath.Join(dir, "being-read.json")
	os.WriteFile(reading, []byte("{}"), 0o600)
	f, err := os.Open(reading)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	refused := map[string]string{
		fifo:            "not a regular file",
		"/dev/null":     "not a regular file",
		reading:         "never written over",
		db + "-wal":     "belongs to the SQLite database",
		db + "-shm":     "belongs to the SQLite database",
		db + "-journal": "belongs to the SQLite database",
	}
	for path, want := range refused {
		called := false
		err := Write(path, 0o600, func(io.Writer) error { called = true; return nil })
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Write(%s) = %v, want an error saying %q", path, err, want)
		}
		if called {
			t.Errorf("Write(%s) wrote content before refusing", path)
		}
	}
	for _, path := range []string{db, filepath.Join(dir, "new.md"), filepath.Join(dir, "notes-wal")} {
		if err := Replaceable(path); err != nil {
			t.Errorf("Replaceable(%s) = %v, want nil", path, err)
		}
	}
}
