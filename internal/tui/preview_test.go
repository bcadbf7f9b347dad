package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestPreviewKeepsTheFirstLinesAndStops(t *testing.T) {
	p := &previewWriter{width: 10, limit: 3}
	// One long line wraps; writes split mid-line join up.
	n, err := io.WriteString(p, "# A title\nA line that wraps at ten")
	if err != nil || n != 34 {
		t.Fatalf("wrote %d, %v", n, err)
	}
	_, err = io.WriteString(p, " cells\nthe end\nmore")
	if !errors.Is(err, errPreviewFull) {
		t.Fatalf("a full preview took more: %v", err)
	}
	if got := strings.Join(p.done(), "|"); got != "# A title|A line|that wraps|at ten|cells" || !p.cut {
		t.Fatalf("kept %q, cut %v", got, p.cut)
	}

	short := &previewWriter{width: 80, limit: 10}
	fmt.Fprint(short, "one\ntwo\nthree")
	if got := strings.Join(short.done(), "|"); got != "one|two|three" || short.cut {
		t.Fatalf("kept %q, cut %v", got, short.cut)
	}
}
