package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/app"
)

// sealFlags are the flags of a command that can write an age file.
type sealFlags struct {
	encrypt         bool
	recipients      []string
	recipientsFiles []string
	passphraseFile  string
}

// register adds the flags to cmd; a passphrase and keys do not go together.
func (f *sealFlags) register(a *env, cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.encrypt, "encrypt", false, "write an age file, to a passphrase asked twice unless recipients are given")
	fl.StringArrayVar(&f.recipients, "recipient", nil, "encrypt to this age (age1…) or SSH public key; repeatable")
	fl.StringArrayVar(&f.recipientsFiles, "recipients-file", nil, "encrypt to the public keys in this file, one a line; repeatable")
	fl.StringVar(&f.passphraseFile, "passphrase-file", "", "encrypt to the passphrase on this file's first line")
	a.exclusive(cmd, "passphrase-file", "recipient")
	a.exclusive(cmd, "passphrase-file", "recipients-file")
}

// wanted reports whether any flag asks for an encrypted file.
func (f *sealFlags) wanted() bool {
	return f.encrypt || len(f.recipients) > 0 || len(f.recipientsFiles) > 0 || f.passphraseFile != ""
}

// recipients reads whom to encrypt to: the keys given, or else a passphrase
// from --passphrase-file or asked twice on the terminal.
func (a *env) recipients(f *sealFlags) ([]age.Recipient, error) {
	var rs []age.Recipient
	for _, s := range f.recipients {
		r, err := agecrypt.ParseRecipient(s)
		if err != nil {
			return nil, usageError{err}
		}
		rs = append(rs, r)
	}
	for _, name := range f.recipientsFiles {
		more, err := agecrypt.RecipientsFile(name)
		if err != nil {
			return nil, err
		}
		rs = append(rs, more...)
	}
	if len(rs) > 0 {
		return rs, nil
	}
	pass, err := a.newPassphrase(f.passphraseFile)
	if err != nil {
		return nil, err
	}
	r, err := agecrypt.PassphraseRecipient(pass)
	if err != nil {
		return nil, err
	}
	return []age.Recipient{r}, nil
}

func (a *env) newPassphrase(file string) (string, error) {
	if file != "" {
		return agecrypt.PassphraseFile(file)
	}
	p, err := a.askSecret("Passphrase to encrypt with: ")
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", errors.New("the passphrase is empty; nothing was written")
	}
	again, err := a.askSecret("The same passphrase again: ")
	if err != nil {
		return "", err
	}
	if again != p {
		return "", errors.New("the two passphrases differ; nothing was written")
	}
	return p, nil
}

// askSecret asks on the terminal, not stdin, which may carry the data, and
// without echo.
func (a *env) askSecret(prompt string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", errors.New("there is no terminal to ask for the passphrase on; give it with --passphrase-file FILE")
	}
	defer tty.Close()
	fmt.Fprint(tty, prompt)
	b, err := term.ReadPassword(tty.Fd())
	fmt.Fprintln(tty)
	if err != nil {
		return "", fmt.Errorf("could not read the passphrase: %w", err)
	}
	return string(b), nil
}

// sealer is how a file is encrypted as the flags ask, or nil when they do
// not ask for it.
func (a *env) sealer(f *sealFlags) (app.Seal, error) {
	if !f.wanted() {
		return nil, nil
	}
	rs, err := a.recipients(f)
	if err != nil {
		return nil, err
	}
	return func(w io.Writer) (io.WriteCloser, error) { return agecrypt.Encrypt(w, rs) }, nil
}

// openFlags are the flags of a command that can read an age file.
type openFlags struct {
	identities     []string
	passphraseFile string
}

func (f *openFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.identities, "identity", nil, "decrypt an age file with the key in this file (age or SSH); repeatable")
	fl.StringVar(&f.passphraseFile, "passphrase-file", "", "decrypt an age file with the passphrase on this file's first line")
}

// identities reads the keys to decrypt with, or else the passphrase from
// --passphrase-file or asked once on the terminal.
func (a *env) identities(f *openFlags) ([]age.Identity, error) {
	var ids []age.Identity
	for _, name := range f.identities {
		more, err := agecrypt.IdentityFile(name)
		if err != nil {
			return nil, err
		}
		ids = append(ids, more...)
	}
	if len(ids) > 0 {
		return ids, nil
	}
	var pass string
	var err error
	if f.passphraseFile != "" {
		pass, err = agecrypt.PassphraseFile(f.passphraseFile)
	} else {
		pass, err = a.askSecret("Passphrase: ")
	}
	if err != nil {
		return nil, err
	}
	id, err := agecrypt.PassphraseIdentity(pass)
	if err != nil {
		return nil, err
	}
	return []age.Identity{id}, nil
}

// unsealedFile returns what the age file named on the command line ("-"
// for stdin) decrypts to, read whole and checked before anything is done
// with it, or nil when the file is not an age file (stdin is then kept to be
// read again by openImport).
func (a *env) unsealedFile(name string, f *openFlags) (io.Reader, error) {
	var head []byte
	if name == "-" {
		br := bufio.NewReader(a.in)
		head, _ = br.Peek(64)
		a.in = br
	} else if file, err := os.Open(name); err == nil {
		head = make([]byte, 64)
		n, _ := io.ReadFull(file, head)
		head = head[:n]
		file.Close()
	}
	if !agecrypt.Encrypted(head) {
		if len(f.identities) > 0 || f.passphraseFile != "" {
			return nil, fmt.Errorf("%s is not an age file, so it needs no key; leave out --identity and --passphrase-file", inputName(name))
		}
		return nil, nil
	}
	r, closeInput, err := a.openInput(name)
	if err != nil {
		return nil, err
	}
	defer closeInput()
	ids, err := a.identities(f)
	if err != nil {
		return nil, err
	}
	plain, err := agecrypt.Decrypt(r, ids)
	if err != nil {
		return nil, fmt.Errorf("cannot decrypt %s: %w; nothing was changed", inputName(name), err)
	}
	return bytes.NewReader(plain), nil
}

// openImport opens the file to import, or hands back plain, what an age file
// decrypted to, when there is one.
func (a *env) openImport(name string, plain io.Reader) (io.Reader, func(), error) {
	if plain != nil {
		return plain, func() {}, nil
	}
	return a.openInput(name)
}
