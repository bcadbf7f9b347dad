package changelog

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const dev = "00000000000000aa"

func versions() []Version {
	return []Version{
		{ID: dev + ":1", UID: "u1", Device: dev, Clock: Clock{Wall: 10}, Parents: []string{}, Entry: []byte(`{"title":"one"}`)},
		{ID: dev + ":2", UID: "u1", Device: dev, Clock: Clock{Wall: 10, Logical: 1}, Parents: []string{dev + ":1"}, Deleted: true},
	}
}

func TestDecodeReadsWhatEncodeWrote(t *testing.T) {
	data := Encode(dev, versions())
	r, err := Decode(data, dev, 0)
	if err != nil || !r.Complete || r.Consumed != int64(len(data)) || len(r.Versions) != 2 {
		t.Fatalf("%+v, %v", r, err)
	}
	if !r.Versions[1].Deleted || r.Versions[1].Parents[0] != dev+":1" {
		t.Errorf("second version: %+v", r.Versions[1])
	}
}

func TestACutShortSegmentIsReadUpToItsLastWholeLine(t *testing.T) {
	data := Encode(dev, versions())
	for cut := 0; cut < len(data); cut++ {
		r, err := Decode(data[:cut], dev, 0)
		if err != nil || r.Complete {
			t.Fatalf("cut at %d: %+v, %v", cut, r, err)
		}
		if r.Consumed > int64(cut) || (r.Consumed > 0 && data[r.Consumed-1] != '\n') {
			t.Fatalf("cut at %d: consumed %d", cut, r.Consumed)
		}
		// The rest, once it arrives, is read from where the first read stopped.
		rest, err := Decode(data, dev, r.Consumed)
		if err != nil || !rest.Complete || len(r.Versions)+len(rest.Versions) != 2 {
			t.Fatalf("cut at %d, then whole: %+v, %v", cut, rest, err)
		}
	}
}

func TestDamageIsFound(t *testing.T) {
	data := Encode(dev, versions())
	second := bytes.IndexByte(data, '\n') + 1
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a changed byte", bytes.Replace(data, []byte(`"one"`), []byte(`"two"`), 1), "checksum does not match"},
		{"no checksum", []byte("hello\n"), "without its checksum"},
		{"another device's", Encode("00000000000000bb", versions()), "lies in"},
		{"no header", data[second:], "does not start with a segment header"},
	} {
		r, err := Decode(c.data, dev, 0)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if r.Complete {
			t.Errorf("%s: taken as whole", c.name)
		}
	}
	newer := bytes.Replace(Encode(dev, nil), []byte(Format), []byte("failup.sync.v2"), 1)
	if _, err := Decode(newer, dev, 0); err == nil {
		t.Error("a changed header passes its checksum")
	}
}

func TestNewerFormat(t *testing.T) {
	line := appendLine(nil, record{Kind: kindHeader, Format: "failup.sync.v2", Device: dev})
	if _, err := Decode(line, dev, 0); !errors.Is(err, ErrNewer) {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownKindsAreSkipped(t *testing.T) {
	data := appendLine(nil, record{Kind: kindHeader, Format: Format, Device: dev})
	data = appendLine(data, record{Kind: "pattern-correction"})
	data = appendLine(data, record{Kind: kindVersion, Version: &versions()[0]})
	data = appendLine(data, record{Kind: kindEnd, Records: 2})
	r, err := Decode(data, dev, 0)
	if err != nil || !r.Complete || len(r.Versions) != 1 {
		t.Fatalf("%+v, %v", r, err)
	}
}

func TestClock(t *testing.T) {
	c := Clock{}.Tick(100)
	if c != (Clock{Wall: 100}) {
		t.Fatal(c)
	}
	// A clock behind one already seen still moves forward.
	c = c.Observe(Clock{Wall: 5000, Logical: 3}).Tick(200)
	if c != (Clock{Wall: 5000, Logical: 4}) {
		t.Fatal(c)
	}
	a := Version{ID: "a:1", Device: "a", Clock: Clock{Wall: 7}}
	b := Version{ID: "b:1", Device: "b", Clock: Clock{Wall: 7}}
	if !b.Newer(a) || a.Newer(b) {
		t.Error("ties are not broken by device")
	}
}

func TestCorrectionsTravelAsTheirOwnKind(t *testing.T) {
	versions := []Version{
		{ID: "aaaaaaaaaaaaaaaa:1", UID: "e1", Device: "aaaaaaaaaaaaaaaa", Parents: []string{}, Entry: []byte(`{"title":"x"}`)},
		{ID: "aaaaaaaaaaaaaaaa:2", UID: "c1", Device: "aaaaaaaaaaaaaaaa", Parents: []string{}, Entry: []byte(`{"kind":"dismiss"}`), Correction: true},
	}
	seg := Encode("aaaaaaaaaaaaaaaa", versions)
	if !bytes.Contains(seg, []byte(`"kind":"correction"`)) {
		t.Fatalf("no record of kind correction in\n%s", seg)
	}
	read, err := Decode(seg, "aaaaaaaaaaaaaaaa", 0)
	if err != nil || !read.Complete || len(read.Versions) != 2 {
		t.Fatalf("%+v, %v", read, err)
	}
	if read.Versions[0].Correction || !read.Versions[1].Correction {
		t.Errorf("read back as corrections: %v, %v; want false, true", read.Versions[0].Correction, read.Versions[1].Correction)
	}
}
