// Package cli is failup's command tree: one constructor per command, exit
// codes, and --json output. Commands collect what was typed, call the
// application core (internal/app) and print what it returns.
package cli

//go:generate go run ./gendocs -o ../../docs

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/config"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
	"github.com/failup/failup/internal/tui"
)

// Version is failup's version, printed by --version unless the build says
// it was made from a release tag.
const Version = "0.1.0"

// memoryLimit is the heap size past which the collector runs more often.
const memoryLimit = 400 << 20

// Exit codes, as failup --help (and docs/commands/failup.md) states them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	// exitInterrupted is the shell's code for a command ended by ctrl+c.
	exitInterrupted = 130
)

// Main runs failup with the process's arguments and streams and returns the
// exit code.
func Main() int {
	if os.Getenv("GOMEMLIMIT") == "" {
		// The whole-journal commands (patterns, export) hold every entry at
		// once; a soft limit makes the collector work a little harder instead
		// of letting a 100,000-entry journal take half a gigabyte.
		debug.SetMemoryLimit(memoryLimit)
	}
	a := &env{
		in:       os.Stdin,
		out:      os.Stdout,
		errOut:   os.Stderr,
		getenv:   os.Getenv,
		now:      time.Now,
		dataHome: xdg.DataHome,
	}
	return a.run(context.Background(), os.Args[1:])
}

// env is what every command shares: streams, global flags, and the journal,
// opened on first use.
type env struct {
	in          io.Reader
	out, errOut io.Writer
	getenv      func(string) string
	now         func() time.Time
	// dataHome is failup's data folder's parent ($XDG_DATA_HOME), where
	// snapshots are kept; "" keeps none unless the settings name a folder.
	dataHome string

	dbFlag     string
	noColor    bool
	accessible bool

	cfg    config.Config
	output output
	store  *store.Store
	core   *app.Core
	// running is set once a command's own code starts: errors before it are
	// usage errors.
	running bool
	// ctx is the context the command runs under, which ctrl+c and SIGTERM
	// cancel once it is running; stopSignals ends that.
	ctx         context.Context
	stopSignals context.CancelFunc
	// version is --version.
	version bool
	// creates is set for the commands that may start a new journal; the
	// others say there is none.
	creates bool
	// exclusives are each command's groups of flags that do not go together.
	exclusives map[*cobra.Command][][]string
}

// usageError is a mistake in how failup was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

func (a *env) run(ctx context.Context, args []string) int {
	root := a.rootCmd()
	a.versionFlag(root)
	a.addCommands(root, args)
	root.SetArgs(args)
	root.SetIn(a.in)
	// cobra writes help in many small writes; gathered, it goes out in one,
	// which a pipe's reader that stops early (failup --help | head) takes
	// whole, where a later write would meet the closed pipe and SIGPIPE,
	// which only a command's own code catches (catchSignals).
	var cobraOut bytes.Buffer
	root.SetOut(&cobraOut)
	root.SetErr(a.errOut)
	a.ctx = ctx
	err := root.ExecuteContext(ctx)
	if cobraOut.Len() > 0 {
		if _, werr := a.out.Write(cobraOut.Bytes()); err == nil {
			err = werr
		}
	}
	err = a.finishOutput(err)
	if errors.Is(err, syscall.EPIPE) {
		// The reader went away (failup list | head): as git and ripgrep
		// do, failup ends quietly, having changed what it was to change.
		err = nil
	}
	if a.stopSignals != nil {
		defer a.stopSignals()
	}
	ctx = a.ctx
	// ctrl+c is how many leave the full screen, after saving there.
	if err == nil || errors.Is(err, tui.ErrInterrupted) {
		a.syncAfterSave(ctx)
		a.keepSnapshot(ctx)
	}
	if a.store != nil {
		if cerr := a.store.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err == nil {
		return exitOK
	}
	if errors.Is(err, tui.ErrInterrupted) {
		return exitInterrupted // the screen has said what was kept
	}
	if ctx.Err() != nil {
		fmt.Fprintln(a.errOut, "failup: "+sentence(app.ErrCancelled.Error()))
		return exitInterrupted
	}
	err = explain(err)
	// File names and values given on the command line are echoed in
	// messages; none of them may drive the terminal.
	fmt.Fprintln(a.errOut, "failup: "+sentence(termtext.Line(err.Error())))
	var ue usageError
	if errors.As(err, &ue) || !a.running {
		return exitUsage
	}
	return exitFailure
}

// explain says what the core's errors mean on a command line: what was typed
// wrong names its flag, and a missing entry or an existing file says what to
// do next.
func explain(err error) error {
	if store.IsDamaged(err) {
		return fmt.Errorf("the journal is damaged (%w); failup doctor --rescue -o NEW.db copies every entry that can still be read into a new journal", err)
	}
	if store.IsBusy(err) {
		return errors.New("another failup is writing to the journal; nothing was changed, so try again in a moment")
	}
	if ie, ok := errors.AsType[*app.InputError](err); ok && ie.Field != "" {
		return usagef("--%s: %v", ie.Field, ie.Err)
	} else if ok {
		return usageError{ie.Err}
	}
	if _, ok := errors.AsType[*app.QueryError](err); ok {
		return usageError{err}
	}
	if nf, ok := errors.AsType[*app.NotFoundError](err); ok {
		return fmt.Errorf("%w; failup list shows the IDs", nf)
	}
	if tn, ok := errors.AsType[*app.ThemeNotFoundError](err); ok && tn.Dismissed {
		return fmt.Errorf("%w; failup patterns corrections lists the themes you dismissed", tn)
	} else if ok {
		return fmt.Errorf("%w; failup patterns lists the themes with their keys", tn)
	}
	if cn, ok := errors.AsType[*app.CorrectionNotFoundError](err); ok {
		return fmt.Errorf("%w; failup patterns corrections lists them", cn)
	}
	if ex, ok := errors.AsType[*app.ExistsError](err); ok {
		return fmt.Errorf("%w; choose another name, or add --force to replace it", ex)
	}
	return err
}

// sentence makes an error message end as a sentence does.
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return "something went wrong."
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") {
		msg += "."
	}
	return msg
}

func (a *env) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "failup",
		Short: "Turn a setback into something you learn from",
		Long: "failup walks you through four questions after a setback, keeps your reflections\n" +
			"in a private local journal, and shows the lessons and patterns over time.\n\n" +
			"Exit codes: 0 done (also when what reads the output stops early, as head\n" +
			"does); 1 something went wrong, or what was asked for is not there (one\n" +
			"sentence on stderr says what); 2 a mistake in how failup was called (a flag,\n" +
			"an argument, a value that cannot be read); 130 stopped by ctrl+c or SIGTERM,\n" +
			"leaving the journal and files as they were.",
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && !a.version {
				if near := nearestCommand(args[0]); near != "" {
					return usagef("there is no command %q; did you mean failup %s?", args[0], near)
				}
				return usagef("there is no command %q; failup --help lists them", args[0])
			}
			return nil
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if a.version {
				return nil
			}
			if err := a.checkFlagGroups(cmd); err != nil {
				return err
			}
			a.running = true
			a.catchSignals(cmd)
			a.creates = createsJournal[cmd.Name()] && (cmd == cmd.Root()) == (cmd.Name() == "failup")
			if err := a.loadSettings(); err != nil {
				return err
			}
			return a.startOutput(cmd)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.version {
				return a.writeVersion()
			}
			return a.runHome(cmd, args)
		},
	}
	root.SetFlagErrorFunc(flagError)
	flags := root.PersistentFlags()
	flags.StringVar(&a.dbFlag, "db", "", "journal file (default $FAILUP_DB, else $XDG_DATA_HOME/failup/journal.db)")
	flags.BoolVar(&a.noColor, "no-color", false, "draw without colour (also NO_COLOR=1)")
	flags.BoolVar(&a.accessible, "accessible", false, "plain line-by-line prompts for screen readers (also FAILUP_ACCESSIBLE=1)")
	flags.BoolVar(&a.output.noPager, "no-pager", false,
		"print straight to the terminal, without $FAILUP_PAGER, pager in config.toml, $PAGER or less")
	// failup's completion command is the one cobra would add, with failup's
	// own completions.
	root.CompletionOptions.DisableDefaultCmd = true
	a.wrapHelp(root)
	return root
}

// catchSignals makes ctrl+c and SIGTERM cancel the context cmd runs under: a
// long import, export or backup stops, leaving the journal and any file as
// they were. A second signal ends failup at once. A closed pipe ends only the
// output. It waits for a command's
// own code: watching for signals starts two threads, nearly a tenth of what
// --version and --help cost.
func (a *env) catchSignals(cmd *cobra.Command) {
	// With SIGPIPE caught, writing to a pipe whose reader has gone fails
	// with EPIPE, which run takes as the end of the output, instead of
	// ending failup by the signal (exit 141).
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(ctxOf(cmd), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	cmd.SetContext(ctx)
	a.ctx, a.stopSignals = ctx, stop
}

// subject is cmd as the subject of an error message, which "failup: "
// already begins: "lessons", "patterns undo".
func subject(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// writesToO names the commands that take no argument and write to the file
// -o names.
var writesToO = map[string]bool{"backup": true, "export": true, "sync key": true}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if writesToO[subject(cmd)] {
		// backup FILE, as cp is called, is a likely slip for backup -o FILE.
		return usagef("%s does not take %q on its own; %s -o %s writes to that file",
			subject(cmd), args[0], cmd.CommandPath(), shellQuote(args[0]))
	}
	return usagef("%s does not take %q; see %s --help", subject(cmd), args[0], cmd.CommandPath())
}

func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return usagef("%s needs %s; see %s --help", subject(cmd), names, cmd.CommandPath())
		case len(args) > n:
			return usagef("%s takes only %s, not %q too", subject(cmd), names, args[n])
		}
		return nil
	}
}

// flagError words pflag's errors as one plain sentence.
func flagError(cmd *cobra.Command, err error) error {
	if e, ok := errors.AsType[*pflag.ValueRequiredError](err); ok {
		return usagef("--%s needs a value after it", e.GetFlag().Name)
	}
	if e, ok := errors.AsType[*pflag.InvalidValueError](err); ok {
		want := "a different value"
		switch e.GetFlag().Value.Type() {
		case "int", "int64":
			want = "a whole number"
		case "bool":
			want = "true or false"
		}
		return usagef("--%s needs %s, not %q", e.GetFlag().Name, want, e.GetValue())
	}
	if e, ok := errors.AsType[*pflag.NotExistError](err); ok {
		name := "--" + e.GetSpecifiedName()
		if e.GetSpecifiedShortnames() != "" {
			name = "-" + e.GetSpecifiedName()
		}
		if !cmd.HasParent() {
			return usagef("there is no flag %s; see failup --help", name)
		}
		return usagef("%s has no flag %s; see %s --help", subject(cmd), name, cmd.CommandPath())
	}
	return usageError{err}
}

// exclusive marks flags that do not go together, remembering them to say so
// in words when cobra finds them given together.
func (a *env) exclusive(cmd *cobra.Command, names ...string) {
	cmd.MarkFlagsMutuallyExclusive(names...)
	if a.exclusives == nil {
		a.exclusives = map[*cobra.Command][][]string{}
	}
	a.exclusives[cmd] = append(a.exclusives[cmd], names)
}

// checkFlagGroups runs cobra's check of the flags that do not go together,
// before any command's own code, and names the two given.
func (a *env) checkFlagGroups(cmd *cobra.Command) error {
	if cmd.ValidateFlagGroups() == nil {
		return nil
	}
	flags := cmd.Flags()
	for _, group := range a.exclusives[cmd] {
		var given []string
		for _, name := range group {
			if f := flags.Lookup(name); f != nil && f.Changed {
				given = append(given, "--"+name)
			}
		}
		if len(given) > 1 {
			return usagef("%s do not go together; choose one", strings.Join(given, " and "))
		}
	}
	return usagef("%s was given flags that do not go together; see %s --help", subject(cmd), cmd.CommandPath())
}

// dbPath is --db, else $FAILUP_DB, else the XDG data file.
func (a *env) dbPath() string {
	if a.dbFlag != "" {
		return a.dbFlag
	}
	if p := a.getenv("FAILUP_DB"); p != "" {
		return p
	}
	return filepath.Join(xdg.DataHome, "failup", "journal.db")
}

// createsJournal names the commands that write a first entry, and so may
// create the journal: the home screen (whose first start is a reflection),
// new and import. Every other command reads, or changes an entry that must
// already be there.
var createsJournal = map[string]bool{"failup": true, "new": true, "import": true}

// errNothingYet is what a reading command says before the first reflection
// on this machine: no journal is not a mistake there, just a beginning.
var errNothingYet = errors.New("nothing is written yet; failup new (or failup alone) starts your first reflection")

// journal opens the journal on first use.
func (a *env) journal() (*store.Store, error) {
	if a.store == nil {
		open := store.OpenExisting
		if a.creates {
			open = store.Open
		}
		path := a.dbPath()
		s, err := open(path)
		if errors.Is(err, store.ErrNoJournal) {
			if snaps := a.snapshots("", path); len(snaps) > 0 {
				return nil, fmt.Errorf("there is no journal at %s, but its snapshot of %s is kept: failup restore %s -o %s puts it back",
					path, snaps[0].Day, shellQuote(snaps[0].Path), shellQuote(path))
			}
			if a.dbFlag == "" && a.getenv("FAILUP_DB") == "" {
				return nil, errNothingYet
			}
		}
		if err != nil {
			return nil, a.withSnapshotHint(err, path)
		}
		a.store = s
	}
	return a.store, nil
}

// userPrompts is the folder of the person's own prompt sets and lexicon.
func userPrompts() string { return filepath.Join(xdg.ConfigHome, "failup", "prompts") }

// app is the application core over the journal, opened on first use.
func (a *env) app() (*app.Core, error) {
	if a.core == nil {
		s, err := a.journal()
		if err != nil {
			return nil, err
		}
		a.core = app.New(s, app.Options{PromptDir: userPrompts(), Now: a.now, Order: a.order()})
	}
	return a.core, nil
}

func (a *env) printJSON(v any) error {
	enc := termtext.NewJSONEncoder(a.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// interactive reports whether both ends are a terminal, so a full-screen UI
// may start.
func (a *env) interactive() bool {
	return isTerminal(a.in) && isTerminal(a.out)
}

func (a *env) wantsAccessible() bool {
	return a.accessible || truthy(a.getenv("FAILUP_ACCESSIBLE"))
}

// wantsColor reports whether failup may draw in colour: not with
// --no-color or NO_COLOR, nor when the settings say never.
func (a *env) wantsColor() bool {
	return !a.noColor && a.getenv("NO_COLOR") == "" && a.cfg.Color != config.ColorNever
}

// colorOutput reports whether printed output gets colour: in a terminal, or
// anywhere when the settings say always.
func (a *env) colorOutput() bool {
	return a.wantsColor() && (isTerminal(a.out) || a.cfg.Color == config.ColorAlways)
}

func truthy(s string) bool {
	b, err := strconv.ParseBool(s)
	return err == nil && b
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// termWidth is the width human output is fitted to: $COLUMNS when it is
// set, else the width of the terminal it is shown on, straight or through
// the pager; 0, for output as it always was, when it goes to a pipe or a
// file, which scripts read.
func (a *env) termWidth() int {
	if n, err := strconv.Atoi(a.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	screen := a.out
	if a.output.pager != nil {
		screen = a.output.final
	}
	file, ok := screen.(*os.File)
	if !ok || !term.IsTerminal(file.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(file.Fd())
	if err != nil {
		return 0
	}
	return w
}

func parseID(arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("an entry ID is a number like 12, not %q", arg)
	}
	return id, nil
}

// today is the day it is by failup's clock.
func (a *env) today() journal.Date { return journal.DateOf(a.now()) }

// order is how a typed 3/4 is read: month first when date_format writes
// days that way, else day first.
func (a *env) order() journal.Order {
	if a.cfg.MonthFirst {
		return journal.MonthFirst
	}
	return journal.DayFirst
}

// stoppable makes reads from r end when ctx is done, so that ctrl+c ends a
// question being asked, or a pipe that stalls, at once.
type stoppable struct {
	ctx context.Context
	r   io.Reader
}

func (s stoppable) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		n   int
		err error
	}
	got := make(chan result, 1)
	buf := make([]byte, len(p))
	go func() {
		n, err := s.r.Read(buf)
		got <- result{n, err}
	}()
	select {
	case r := <-got:
		return copy(p, buf[:r.n]), r.err
	case <-s.ctx.Done():
		return 0, s.ctx.Err()
	}
}

// lines reads a.in a line at a time until cmd's context is done.
func (a *env) lines(cmd *cobra.Command) *bufio.Reader {
	return bufio.NewReader(stoppable{ctxOf(cmd), a.in})
}

func ctxOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
