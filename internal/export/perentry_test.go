package export

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestPerEntry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault", "failup")
	twin := launch()
	twin.UID = "another-uid"
	entries := []journal.Entry{launch(), twin, tricky(), minimal()}
	if err := PerEntry(dir, entries); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
		if info, _ := f.Info(); info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f.Name(), info.Mode().Perm())
		}
	}
	want := []string{
		"2026-01-05-forgot-the-dentist-a703788f.md",
		"2026-03-14-missed-the-launch-deadline-0b9087a3.md",
		"2026-03-14-missed-the-launch-deadline-9e7b9a78.md",
		"2026-06-02-talk-went-sideways-at-c-meetup-3-bd5cf453.md",
	}
	if !slices.Equal(names, want) {
		t.Fatalf("files %q\nwant %q", names, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, FileName(launch())))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "per-entry", got)

	// A second export replaces the files rather than adding to them.
	if err := PerEntry(dir, entries); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadDir(dir); len(again) != len(want) {
		t.Fatalf("a second export left %d files, want %d", len(again), len(want))
	}

	if err := PerEntry(t.TempDir(), []journal.Entry{launch(), launch()}); err == nil ||
		!strings.Contains(err.Error(), "same file") {
		t.Fatalf("PerEntry with one entry twice: %v", err)
	}
}

func TestFileName(t *testing.T) {
	cases := map[string]journal.Entry{
		"2026-03-14-ошибка-на-работе-":               {OccurredOn: "2026-03-14", Title: "Ошибка на работе!"},
		"2026-03-14-cafe\u0301-de\u0301ja\u0300-vu-": {OccurredOn: "2026-03-14", Title: "Cafe\u0301 — de\u0301ja\u0300 vu"},
		"2026-03-14-":                           {OccurredOn: "2026-03-14", Title: "?!/\\:*"},
		"undated-a-b-":                          {OccurredOn: "14/3", Title: "../a/../b"},
		"2026-03-14-" + strings.Repeat("x", 80): {OccurredOn: "2026-03-14", Title: strings.Repeat("x", 300)},
	}
	for prefix, e := range cases {
		name := FileName(e)
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".md") || strings.ContainsAny(name, `/\`) {
			t.Errorf("FileName(%q, %q) = %q, want it to start with %q", e.OccurredOn, e.Title, name, prefix)
		}
		if FileName(e) != name {
			t.Errorf("FileName(%q) is not stable", e.Title)
		}
	}
}

func TestFrontMatterQuotesEverything(t *testing.T) {
	e := journal.Entry{
		UID:        "u-1",
		OccurredOn: "2026-03-14",
		Title:      `yes: "no" # \ not a comment` + "\ufffe\ufeff",
		Tags:       []string{"true", "1e3", "- dash", "[x]", "тег"},
	}
	want := `---
title: "yes: \"no\" # \\ not a comment\uFFFE\uFEFF"
date: 2026-03-14
tags:
  - "true"
  - "1e3"
  - "- dash"
  - "[x]"
  - "тег"
skills: []
uid: "u-1"
---

`
	if got := frontMatter(e); got != want {
		t.Errorf("frontMatter:\n%s\nwant:\n%s", got, want)
	}
}
