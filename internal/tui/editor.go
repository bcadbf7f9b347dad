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

// openEditor edits text in the person's $VISUAL or $EDITOR.
func openEditor(text string, question int) tea.Cmd {
	session := &editorSession{text: text}
	return tea.Exec(session, func(err error) tea.Msg {
		return editorDoneMsg{question: question, text: session.text, err: err}
	})
}

// editorSession is one run of the editor on a temporary copy of an answer.
// The copy lives in a fresh 0700 directory as a 0600 file and is removed when
// the editor exits, however it exits: no plaintext is left behind.
type editorSession struct {
	text           string
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (s *editorSession) SetStdin(r io.Reader)  { s.stdin = r }
func (s *editorSession) SetStdout(w io.Writer) { s.stdout = w }
func (s *editorSession) SetStderr(w io.Writer) { s.stderr = w }

func (s *editorSession) Run() error {
	dir, err := os.MkdirTemp("", "failup-edit-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
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
