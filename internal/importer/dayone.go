package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
)

// dayOneExport is a journal as Day One exports it to JSON: entries with
// Markdown text, a UTC creation time and the time zone it was written in.
type dayOneExport struct {
	Metadata *struct {
		Version string `json:"version"`
	} `json:"metadata"`
	Entries *[]dayOneEntry `json:"entries"`
}

type dayOneEntry struct {
	UUID         string       `json:"uuid"`
	CreationDate string       `json:"creationDate"`
	TimeZone     string       `json:"timeZone"`
	Text         string       `json:"text"`
	Tags         []string     `json:"tags"`
	Starred      bool         `json:"starred"`
	Photos       []attachment `json:"photos"`
	Videos       []attachment `json:"videos"`
	Audios       []attachment `json:"audios"`
	PDFs         []attachment `json:"pdfAttachments"`
	Location     *struct {
		PlaceName string `json:"placeName"`
	} `json:"location"`
	Weather *struct{} `json:"weather"`
}

type attachment struct {
	Identifier string `json:"identifier"`
	Type       string `json:"type"`
}

// maxZippedJSON bounds what one journal in a zip may unpack to, so that a
// hostile archive cannot fill the memory.
const maxZippedJSON = 1 << 30

// ReadDayOne reads a Day One JSON export: the .zip Day One makes (one JSON
// file per journal, with photos beside it) or one of its JSON files alone.
// Photos, videos, audio, PDFs, places and weather are not kept; each entry
// that had any is listed in Result.Left, and its text says where a photo
// was.
func ReadDayOne(file string, opts Options) (Result, error) {
	data, err := readFile(file)
	if err != nil {
		return Result{}, err
	}
	if !isZip(data) {
		drafts, names, left, err := parseDayOne(file, data, "")
		if err != nil {
			return Result{}, err
		}
		res, err := finish(file, DayOne, drafts, names, opts)
		res.Left = left
		return res, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Result{}, fmt.Errorf("%s is not a complete zip file (%v); export it from Day One again", file, err)
	}
	var journals []*zip.File
	for _, f := range zr.File {
		if path.Ext(f.Name) == ".json" && !strings.Contains(f.Name, "/") {
			journals = append(journals, f)
		}
	}
	if len(journals) == 0 {
		return Result{}, fmt.Errorf("%s holds no journal: a Day One export has a file like Journal.json at its top", file)
	}
	slices.SortFunc(journals, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	var drafts []draft
	var names, left []string
	for _, f := range journals {
		shown := file + ": " + f.Name
		rc, err := f.Open()
		if err != nil {
			return Result{}, fmt.Errorf("%s cannot be unpacked: %v", shown, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxZippedJSON+1))
		rc.Close()
		if err != nil {
			return Result{}, fmt.Errorf("%s cannot be unpacked (%v); export it from Day One again", shown, err)
		}
		if len(data) > maxZippedJSON {
			return Result{}, fmt.Errorf("%s unpacks to more than 1 GB, more than failup reads", shown)
		}
		// Each journal's name (but the default "Journal") becomes a tag.
		tag := strings.TrimSuffix(f.Name, ".json")
		if tag == "Journal" {
			tag = ""
		}
		d, n, l, err := parseDayOne(shown, data, tag)
		if err != nil {
			return Result{}, err
		}
		drafts, names, left = append(drafts, d...), append(names, n...), append(left, l...)
	}
	res, err := finish(file, DayOne, drafts, names, opts)
	res.Left = left
	return res, err
}

func isZip(data []byte) bool { return len(data) >= 4 && string(data[:4]) == "PK\x03\x04" }

func parseDayOne(file string, data []byte, tag string) ([]draft, []string, []string, error) {
	var doc dayOneExport
	if err := decodeJSON(data, &doc); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc.Entries == nil || doc.Metadata == nil {
		return nil, nil, nil, fmt.Errorf("%s is not a Day One export: it has no \"metadata\" and \"entries\"", file)
	}
	drafts := make([]draft, len(*doc.Entries))
	names := make([]string, len(*doc.Entries))
	var left []string
	for i, de := range *doc.Entries {
		if err := checkSize(de.Text); err != nil {
			first, _, _ := strings.Cut(strings.TrimLeft(de.Text, " \n"), "\n")
			first = strings.ToValidUTF8(first[:min(len(first), 512)], "")
			return nil, nil, nil, &EntryError{file, journal.EntryName(i+1, de.CreationDate, titleOf("", dayOneText(first))), err}
		}
		text := dayOneText(de.Text)
		names[i] = journal.EntryName(i+1, de.CreationDate, titleOf("", text))
		d := draft{text: text, source: "Day One", starred: de.Starred}
		if tag != "" {
			d.tags = append(d.tags, tag)
		}
		d.tags = append(d.tags, de.Tags...)
		if de.CreationDate != "" {
			at, err := time.Parse(time.RFC3339, de.CreationDate)
			if err != nil {
				return nil, nil, nil, &EntryError{file, names[i], fmt.Errorf("its creationDate %q is not a time like 2024-03-29T09:00:00Z", de.CreationDate)}
			}
			d.at = at
			if loc, err := time.LoadLocation(de.TimeZone); de.TimeZone != "" && err == nil {
				// The day it was written where it was written.
				d.at = at.In(loc)
			}
		}
		d.uid = stableUID(DayOne, de.UUID)
		if de.UUID == "" {
			d.uid = stableUID(DayOne, de.CreationDate, de.Text)
		}
		if what := leftOut(de); what != "" {
			left = append(left, names[i]+": "+what)
		}
		drafts[i] = d
	}
	return drafts, names, left, nil
}

// leftOut says what an entry holds that failup does not keep.
func leftOut(de dayOneEntry) string {
	var parts []string
	for _, a := range []struct {
		n          int
		one, other string
	}{
		{len(de.Photos), "photo", "photos"}, {len(de.Videos), "video", "videos"},
		{len(de.Audios), "audio recording", "audio recordings"}, {len(de.PDFs), "PDF", "PDFs"},
	} {
		switch {
		case a.n == 1:
			parts = append(parts, "1 "+a.one)
		case a.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", a.n, a.other))
		}
	}
	if de.Location != nil {
		parts = append(parts, "its place")
	}
	if de.Weather != nil {
		parts = append(parts, "its weather")
	}
	if len(de.TimeZone) > 0 {
		if _, err := time.LoadLocation(de.TimeZone); err != nil {
			parts = append(parts, fmt.Sprintf("its time zone %s (unknown here; its day is read in UTC)", de.TimeZone))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ") + " not imported"
}

// dayOneMoment is a photo or other attachment placed in an entry's text.
var dayOneMoment = lazyRegexp(`!\[[^\]]*\]\(dayone-moment:/+([a-z]+/)?([A-Za-z0-9-]+)\)`)

// dayOneEscape is a backslash Day One puts before punctuation in its
// Markdown ("1\. Done\!"), which reads as noise once out of Day One.
var dayOneEscape = lazyRegexp(`\\([!-/:-@\[-` + "`" + `{-~])`)

// dayOneText is an entry's text as a person reads it: escapes dropped and
// each attachment a note of what was there.
func dayOneText(text string) string {
	text = dayOneMoment().ReplaceAllStringFunc(text, func(m string) string {
		kind := dayOneMoment().FindStringSubmatch(m)[1]
		switch kind {
		case "video/":
			return "[a video, not imported]"
		case "audio/":
			return "[an audio recording, not imported]"
		case "pdfAttachment/":
			return "[a PDF, not imported]"
		}
		return "[a photo, not imported]"
	})
	return strings.TrimSpace(dayOneEscape().ReplaceAllString(text, "$1"))
}
