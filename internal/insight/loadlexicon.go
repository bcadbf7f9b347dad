package insight

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/failup/failup/prompts"
)

const lexiconFile = "lexicon.toml"

// LoadLexicon reads the built-in pattern lexicon and lays userDir/lexicon.toml
// over it when that file exists: a pattern there replaces the built-in one
// with the same id, and new ones are added. A file that cannot be read is an
// error naming the file and, where known, the line.
func LoadLexicon(userDir string) (Lexicon, error) {
	data, err := prompts.FS.ReadFile(lexiconFile)
	if err != nil {
		return Lexicon{}, err
	}
	lex, err := ParseLexicon(data)
	if err != nil {
		return Lexicon{}, inFile("prompts/"+lexiconFile, err)
	}
	if userDir == "" {
		return lex, nil
	}
	path := filepath.Join(userDir, lexiconFile)
	data, err = os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lex, nil
	case err != nil:
		return Lexicon{}, err
	}
	user, err := ParseLexicon(data)
	if err != nil {
		return Lexicon{}, inFile(path, err)
	}
	return lex.Merge(user), nil
}

// LexiconVersion names the lexicon LoadLexicon(userDir) reads without
// parsing it: a digest of the built-in file and of userDir/lexicon.toml as
// they are now, so it changes whenever either does. Parsing the lexicon
// costs tens of milliseconds; this, a fraction of one.
func LexiconVersion(userDir string) (string, error) {
	h := sha256.New()
	data, err := prompts.FS.ReadFile(lexiconFile)
	if err != nil {
		return "", err
	}
	h.Write(data)
	if userDir != "" {
		data, err = os.ReadFile(filepath.Join(userDir, lexiconFile))
		switch {
		case err == nil:
			h.Write([]byte{0})
			h.Write(data)
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// inFile words a lexicon error as "file:line: problem".
func inFile(name string, err error) error {
	var lerr *LexiconError
	if errors.As(err, &lerr) && lerr.Line > 0 {
		return fmt.Errorf("%s:%d: %s", name, lerr.Line, lerr.Problem)
	}
	return fmt.Errorf("%s: %w", name, err)
}
