package foldersync

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/store"
)

// syncthing is one Syncthing instance on loopback, sharing one folder.
type syncthing struct {
	home, folder, id string
	port             int
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func newSyncthing(t *testing.T) *syncthing {
	t.Helper()
	st := &syncthing{home: t.TempDir(), folder: t.TempDir(), port: freePort(t)}
	if out, err := exec.Command("syncthing", "generate", "--home="+st.home, "--no-default-folder").CombinedOutput(); err != nil {
		t.Fatalf("syncthing generate: %v\n%s", err, out)
	}
	out, err := exec.Command("syncthing", "serve", "--home="+st.home, "--device-id").Output()
	if err != nil {
		t.Fatalf("syncthing --device-id: %v", err)
	}
	st.id = strings.TrimSpace(string(out))
	return st
}

// configure shares st's folder with other, on loopback only: no discovery,
// relays, NAT or reports, and a rescan every second.
func (st *syncthing) configure(t *testing.T, other *syncthing) {
	t.Helper()
	config := fmt.Sprintf(`<configuration version="36">
    <folder id="failup" label="failup" path="%s" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="false">
        <device id="%s"></device>
        <device id="%s"></device>
    </folder>
    <device id="%s" name="me"><address>dynamic</address></device>
    <device id="%s" name="other"><address>tcp://127.0.0.1:%d</address></device>
    <gui enabled="true" tls="false"><address>127.0.0.1:%d</address><apikey>failup-test</apikey></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:%d</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
    </options>
</configuration>
`, st.folder, st.id, other.id, st.id, other.id, other.port, freePort(t), st.port)
	if err := os.WriteFile(filepath.Join(st.home, "config.xml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
}

func (st *syncthing) start(t *testing.T) {
	t.Helper()
	cmd := exec.Command("syncthing", "serve", "--home="+st.home, "--no-browser", "--no-restart", "--no-upgrade")
	log, err := os.Create(filepath.Join(st.home, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.Env = append(os.Environ(), "STNODEFAULTFOLDER=1", "STNOUPGRADE=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		log.Close()
	})
}

// arrived waits until every segment of from's folder is in to's, whole.
func arrived(t *testing.T, from, to *syncthing) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		segs, err := list(from.folder)
		if err != nil {
			t.Fatal(err)
		}
		all := true
		for _, seg := range segs {
			a, errA := os.Stat(filepath.Join(from.folder, seg.path))
			b, errB := os.Stat(filepath.Join(to.folder, seg.path))
			if errA != nil || errB != nil || a.Size() != b.Size() {
				all = false
				break
			}
		}
		if all {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(to.home, "log"))
	t.Fatalf("Syncthing did not carry the segments within 90 seconds; its log:\n%s", log)
}

// TestThroughSyncthing syncs two journals through two Syncthing instances
// talking over loopback: entries, an edit and a deletion reach the other
// device, and both end the same.
func TestThroughSyncthing(t *testing.T) {
	if _, err := exec.LookPath("syncthing"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("syncthing is not installed; .ci/run installs it")
		}
		t.Skip("syncthing is not installed (apt-get install syncthing)")
	}
	a, b := newSyncthing(t), newSyncthing(t)
	a.configure(t, b)
	b.configure(t, a)
	a.start(t)
	b.start(t)

	r := rand.New(rand.NewPCG(1, 2))
	laptop, desktop := open(t, "laptop"), open(t, "desktop")
	for i := range 3 {
		e := newEntry(r, fmt.Sprintf("uid-syncthing-%d", i), base)
		if err := laptop.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Sync(ctx, laptop, a.folder, Options{Now: base}); err != nil {
		t.Fatal(err)
	}
	arrived(t, a, b)
	rep, err := Sync(ctx, desktop, b.folder, Options{Now: base.Add(time.Minute)})
	if err != nil || rep.Created != 3 || len(rep.Problems) != 0 {
		t.Fatalf("the desktop's first sync: %+v, %v", rep, err)
	}

	es, err := desktop.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	edited := es[0]
	edited.Title = "Edited on the desktop"
	if err := desktop.Update(ctx, &edited, base.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := desktop.Delete(ctx, es[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := Sync(ctx, desktop, b.folder, Options{Now: base.Add(3 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	arrived(t, b, a)
	rep, err = Sync(ctx, laptop, a.folder, Options{Now: base.Add(4 * time.Minute)})
	if err != nil || rep.Updated != 1 || rep.Deleted != 1 || len(rep.Problems) != 0 {
		t.Fatalf("the laptop's sync: %+v, %v", rep, err)
	}
	if l, d := stateOf(t, laptop), stateOf(t, desktop); !reflect.DeepEqual(l, d) {
		t.Fatalf("the laptop holds\n%s\nthe desktop\n%s", l, d)
	}
}
