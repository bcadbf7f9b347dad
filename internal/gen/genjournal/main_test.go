package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestWritesAnImportableDocument(t *testing.T) {
	args := []string{"-n", "5", "-seed", "9", "-end", "2026-01-31"}
	out := generate(t, args...)
	doc, err := journal.DecodeDocument(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 5 || doc.Entries[4].OccurredOn > "2026-01-31" {
		t.Fatalf("wrote %d entries, the last on %s", len(doc.Entries), doc.Entries[len(doc.Entries)-1].OccurredOn)
	}
	file := filepath.Join(t.TempDir(), "journal.json")
	generate(t, append(args, "-o", file)...)
	if written, _ := os.ReadFile(file); !bytes.Equal(written, out) {
		t.Error("-o wrote other bytes than stdout")
	}
}

func TestRefusesBadUsageInOneLine(t *testing.T) {
	cases := map[string]struct {
		args []string
		code int
	}{
		"unknown flag":   {[]string{"-x"}, 2},
		"negative n":     {[]string{"-n", "-1"}, 2},
		"not a date":     {[]string{"-end", "2026-02-30"}, 2},
		"stray argument": {[]string{"more"}, 2},
		"unwritable -o":  {[]string{"-n", "1", "-o", filepath.Join(t.TempDir(), "missing", "j.json")}, 1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			if code != c.code || strings.Count(stderr.String(), "\n") != 1 {
				t.Fatalf("exit %d (want %d), stderr %q", code, c.code, stderr.String())
			}
		})
	}
}

func generate(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	return stdout.Bytes()
}
