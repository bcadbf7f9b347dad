package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// syncFindings says where sync stands: this device, the devices it has
// merged with and when, conflicts waiting, and files it could not read.
func syncFindings(ctx context.Context, s *store.Store) []finding {
	st, err := s.SyncState(ctx)
	if err != nil {
		return []finding{{"sync", false, "its state cannot be read: " + err.Error(), rescue}}
	}
	if st.Device == "" {
		return []finding{{"sync", true, "this journal has never synced (failup sync DIR)", ""}}
	}
	found := "this device is " + st.Device + "; "
	if len(st.Peers) == 0 {
		found += "no other device's changes merged yet"
	} else {
		var peers []string
		for _, p := range st.Peers {
			peers = append(peers, fmt.Sprintf("%s (%s, last merged %s; its latest change %s by its clock)", p.Device,
				termtext.Count(p.Versions, "change", "changes"), p.Merged.Local().Format("2006-01-02 15:04"),
				p.Latest.Local().Format("2006-01-02 15:04")))
		}
		found += "merged with " + termtext.Count(len(st.Peers), "device", "devices") + ": " + strings.Join(peers, ", ")
	}
	out := []finding{{"sync", true, found, ""}}
	if st.Conflicts > 0 {
		out = append(out, finding{"sync conflicts", false,
			termtext.Count(st.Conflicts, "entry was", "entries were") + " edited on two devices at once",
			"failup sync conflicts shows them; failup sync resolve ID --keep shown|other keeps one"})
	}
	for _, f := range st.Unread {
		if f.Device == st.Device {
			out = append(out, finding{"sync device", false,
				"another journal syncs as this device too: it wrote " + termtext.Line(f.Path) + ", which this journal never did (one of the two was copied from the other, or restored from a backup)",
				"failup sync DIR --new-device, run with one of the two journals, makes it a device of its own and merges the other's changes"})
			continue
		}
		out = append(out, finding{"sync folder", false,
			termtext.Line(f.Path) + " could not be read: " + termtext.Line(f.Problem),
			"the next failup sync tries it again; a file from a newer failup needs failup updated, one that cannot be decrypted the right --key"})
	}
	return out
}
