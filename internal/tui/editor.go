package tui

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type editorDoneMsg struct {
	question int
	text     string
	err      error
}

// openEditor edits text in the person's $VISUAL or $EDITOR, on a copy in a
// folder from private.
func openEditor(private func() (string, func(), error), text string, question int) tea.Cmd {
	session := &editorSession{text: text, private: private}
	return tea.Exec(session, func(err error) tea.Msg {
		return editorDoneMsg{question: question, text: session.text, err: err}
	})
}

// editorSession is one run of the editor on a temporary copy of an answer.
// The copy is a 0600 file in a 0700 folder of failup's own beside the
// journal, never in the temporary folder. It is removed when the editor
// exits, however it exits, and if failup itself is killed, by the next
// failup: no plaintext is left behind.
type editorSession struct {
	text           string
	private        func() (dir string, release func(), err error)
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (s *editorSession) SetStdin(r io.Reader)  { s.stdin = r }
func (s *editorSession) SetStdout(w io.Writer) { s.stdout = w }
func (s *editorSession) SetStderr(w io.Writer) { s.stderr = w }

func (s *editorSession) Run() error {
	dir, release, err := s.private()
	if err != nil {
		return err
	}
	defer release()
	path := filepath.Join(dir, "answer.md")
	if err := os.WriteFile(path, []byte(s.text), 0o600); err != nil {
		return err
	}
	argv := append(editorCommand(), path)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = s.stdin, s.stdout, s.stderr
	if err := cmd.Run(); err != nil {
		return err
	}
	edited, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s.text = strings.TrimRight(string(edited), "\n")
	return nil
}

// editorCommand is $VISUAL or $EDITOR split into words, else vi.
func editorCommand() []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if words := strings.Fields(os.Getenv(name)); len(words) > 0 {
			return words
		}
	}
	return []string{"vi"}
}
