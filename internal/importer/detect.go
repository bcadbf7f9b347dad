package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Read reads a file (or, for Markdown, a folder) of the given format. The
// failup format is streamed by the caller, not read here.
func Read(format Format, path string, opts Options) (Result, error) {
	switch format {
	case Jrnl:
		if looksLikeJSON(path) {
			return ReadJrnlJSON(path, opts)
		}
		return ReadJrnl(path, opts)
	case DayOne:
		return ReadDayOne(path, opts)
	case Markdown:
		return ReadMarkdown(path, opts)
	}
	return Result{}, fmt.Errorf("failup reads %s files itself, not through this package", format)
}

// sniffSize is how much of a file Detect looks at.
const sniffSize = 64 << 10

// Detect tells which format a file (or folder) is in from what it holds.
func Detect(path string) (Format, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if info.IsDir() {
		return Markdown, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, sniffSize))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case isZip(head):
		return DayOne, nil
	case bytes.HasPrefix(trimmed, []byte("{")):
		switch {
		case failupFormat().Match(trimmed), bytes.Contains(head, []byte(`"occurred_on"`)):
			return Failup, nil
		case bytes.Contains(head, []byte(`"creationDate"`)) || bytes.Contains(head, []byte(`"metadata"`)):
			return DayOne, nil
		case bytes.Contains(head, []byte(`"entries"`)) && bytes.Contains(head, []byte(`"body"`)):
			return Jrnl, nil
		}
	case isJrnlConfig(head):
		return Jrnl, nil
	case strings.EqualFold(filepath.Ext(path), ".md") || bytes.HasPrefix(trimmed, []byte("---\n")):
		return Markdown, nil
	case jrnlFirstLine().Match(trimmed):
		return Jrnl, nil
	}
	return "", fmt.Errorf("cannot tell what kind of journal %s is; name it with --from jrnl, dayone, markdown or failup", path)
}

var failupFormat = lazyRegexp(`^\s*{\s*"format"\s*:`)

// jrnlFirstLine is how a jrnl journal starts: "[2024-03-29 09:00] " or, from
// jrnl 1, "2024-03-29 09:00 ".
var jrnlFirstLine = lazyRegexp(`^\[?\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}`)

func looksLikeJSON(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.Read(head)
	return StartsAsJSON(head[:n])
}

// StartsAsJSON reports whether b, the head of a file, opens a JSON object
// once white space and a byte-order mark are passed: an export, not a
// journal.
func StartsAsJSON(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n\ufeff"), []byte("{"))
}
