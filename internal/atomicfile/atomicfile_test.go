package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lessons.md")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := Write(path, 0o600, write("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, 0o600, write("second\n")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, "lessons.md", "second\n")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}

	boom := errors.New("disk on fire")
	err := Write(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("half written ", 100_000))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed write returned %v, want it to wrap %v", err, boom)
	}
	assertOnly(t, dir, "lessons.md", "second\n")
}

func TestWriteRefusesFolders(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "notes")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(folder, "keep.md"), []byte("keep\n"), 0o600)
	called := false
	for _, path := range []string{folder, folder + string(os.PathSeparator), filepath.Join(dir, "missing") + string(os.PathSeparator)} {
		err := Write(path, 0o600, func(io.Writer) error { called = true; return nil })
		if err == nil || !strings.Contains(err.Error(), "folder") {
			t.Errorf("Write(%q) = %v, want a folder error", path, err)
		}
	}
	if called {
		t.Error("content was written for a folder")
	}
	assertOnly(t, folder, "keep.md", "keep\n")
}

func TestWriteMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "out.md")
	err := Write(path, 0o600, func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("writing into a missing folder: %v, want an error naming %s", err, path)
	}
}

// assertOnly checks that dir holds exactly one file, name, with content.
func assertOnly(t *testing.T, dir, name, content string) {
	t.Helper()
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name() != name {
		var names []string
		for _, f := range files {
			names = append(names, f.Name())
		}
		t.Fatalf("%s holds %q, want only %s", dir, names, name)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != content {
		t.Fatalf("%s holds %q, want %q", name, got, content)
	}
}
