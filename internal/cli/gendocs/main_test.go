package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDocsMatchTheCommandTree fails when docs/commands or docs/man differ
// from what the command tree makes: run go generate ./internal/cli.
func TestDocsMatchTheCommandTree(t *testing.T) {
	fresh := t.TempDir()
	if err := write(fresh); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join("..", "..", "..", "docs")
	for _, sub := range []string{"commands", "man"} {
		want, err := os.ReadDir(filepath.Join(fresh, sub))
		if err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadDir(filepath.Join(docs, sub))
		if err != nil {
			t.Fatalf("docs/%s is missing; run go generate ./internal/cli", sub)
		}
		if len(have) != len(want) {
			t.Errorf("docs/%s holds %d files, the command tree makes %d; run go generate ./internal/cli", sub, len(have), len(want))
		}
		for _, f := range want {
			made, _ := os.ReadFile(filepath.Join(fresh, sub, f.Name()))
			kept, err := os.ReadFile(filepath.Join(docs, sub, f.Name()))
			if err != nil || !bytes.Equal(made, kept) {
				t.Errorf("docs/%s/%s is out of date; run go generate ./internal/cli", sub, f.Name())
			}
		}
	}
}
