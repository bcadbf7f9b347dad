// Package agecrypt reads and writes age files (age-encryption.org/v1), the
// format the age tool opens too: to a passphrase, to age keys, or to SSH keys.
// Decryption reads the whole file before handing anything back, so a wrong
// key, a damaged file or one cut short is found before anything is changed.
package agecrypt

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"filippo.io/age/armor"
)

// header begins every binary age file; armor.Header begins an armored one.
const header = "age-encryption.org/v1\n"

// Encrypted reports whether data (a file's first bytes, at least 64 of them
// when the file is that long) begins an age file, binary or armored.
func Encrypted(data []byte) bool {
	return bytes.HasPrefix(data, []byte(header)) ||
		bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armor.Header))
}

// Encrypt returns a writer that encrypts what is written to w for rs; the
// file is complete only once the writer is closed.
func Encrypt(w io.Writer, rs []age.Recipient) (io.WriteCloser, error) {
	return age.Encrypt(w, rs...)
}

// Errors from Decrypt, each a sentence's worth on its own.
var (
	ErrWrongPassphrase = errors.New("the passphrase is wrong")
	ErrWrongKey        = errors.New("it is encrypted for another key")
	ErrNeedsPassphrase = errors.New("it is encrypted with a passphrase, not a key; leave out --identity to be asked for it")
	ErrNeedsKey        = errors.New("it is encrypted for a key, not a passphrase; give the key with --identity FILE")
	ErrDamaged         = errors.New("it is damaged or cut short (age's authentication failed)")
)

// Decrypt reads the age file r to its end with ids and returns what it
// holds, or one of the errors above.
func Decrypt(r io.Reader, ids []age.Identity) ([]byte, error) {
	var out bytes.Buffer
	if err := DecryptTo(&out, r, ids); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// DecryptTo decrypts r into w. age authenticates each 64 KiB chunk as it goes,
// and the last one tells whether the file was cut short, so what w received
// is only to be trusted once DecryptTo returns nil.
func DecryptTo(w io.Writer, r io.Reader, ids []age.Identity) error {
	br := bufio.NewReader(r)
	peek, _ := br.Peek(1024)
	var src io.Reader = br
	if !bytes.HasPrefix(peek, []byte(header)) {
		src = armor.NewReader(br)
	}
	// The header is read into memory so its stanzas can say what kind of
	// key the file wants when none given fits.
	var hdr bytes.Buffer
	plain, err := age.Decrypt(io.TeeReader(src, &limitedBuffer{&hdr, 64 << 10}), ids...)
	if err != nil {
		return headerError(err, hdr.Bytes(), ids)
	}
	tw := &trackedWriter{w: w}
	if _, err := io.Copy(tw, plain); err != nil {
		if tw.err != nil {
			return tw.err
		}
		return ErrDamaged
	}
	return nil
}

// headerError explains why no identity opened the file whose header is hdr.
func headerError(err error, hdr []byte, ids []age.Identity) error {
	var nomatch *age.NoIdentityMatchError
	if !errors.As(err, &nomatch) {
		return ErrDamaged
	}
	passphraseFile := bytes.Contains(hdr, []byte("\n-> scrypt "))
	passphraseGiven := false
	for _, id := range ids {
		if _, ok := id.(*age.ScryptIdentity); ok {
			passphraseGiven = true
		}
	}
	switch {
	case passphraseFile && passphraseGiven:
		return ErrWrongPassphrase
	case passphraseFile:
		return ErrNeedsPassphrase
	case passphraseGiven:
		return ErrNeedsKey
	}
	return ErrWrongKey
}

// limitedBuffer keeps the first bytes written to it, up to max.
type limitedBuffer struct {
	b   *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.b.Len(); room > 0 {
		l.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// trackedWriter keeps the error its writer gave, to tell it from a failure
// to decrypt.
type trackedWriter struct {
	w   io.Writer
	err error
}

func (t *trackedWriter) Write(p []byte) (int, error) {
	n, err := t.w.Write(p)
	if err != nil {
		t.err = err
	}
	return n, err
}

// PassphraseRecipient encrypts to passphrase with scrypt, as age -p does.
func PassphraseRecipient(passphrase string) (age.Recipient, error) {
	if passphrase == "" {
		return nil, errors.New("the passphrase is empty")
	}
	return age.NewScryptRecipient(passphrase)
}

// PassphraseIdentity decrypts files encrypted to passphrase.
func PassphraseIdentity(passphrase string) (age.Identity, error) {
	if passphrase == "" {
		return nil, errors.New("the passphrase is empty")
	}
	return age.NewScryptIdentity(passphrase)
}

// ParseRecipient reads one recipient: an age public key (age1…) or an SSH
// public key (ssh-ed25519 …, ssh-rsa …).
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "age1pq1"):
		return age.ParseHybridRecipient(s)
	case strings.HasPrefix(s, "age1"):
		r, err := age.ParseX25519Recipient(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not a valid age public key", s)
		}
		return r, nil
	case strings.HasPrefix(s, "ssh-"):
		r, err := agessh.ParseRecipient(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an SSH public key age can use (ssh-ed25519 or ssh-rsa)", short(s))
		}
		return r, nil
	case strings.HasPrefix(s, "AGE-SECRET-KEY-"):
		// Never echoed: it is a secret.
		return nil, errors.New("a secret key was given where a public key (age1…) belongs")
	}
	return nil, fmt.Errorf("%q is neither an age public key (age1…) nor an SSH public key", short(s))
}

// RecipientsFile reads a file of recipients, one a line, as age -R does:
// blank lines and lines starting with # are skipped.
func RecipientsFile(name string) ([]age.Recipient, error) {
	data, err := readSmall(name, "recipients file")
	if err != nil {
		return nil, err
	}
	var rs []age.Recipient
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := ParseRecipient(line)
		if err != nil {
			if strings.HasPrefix(line, "AGE-SECRET-KEY-") {
				return nil, fmt.Errorf("%s line %d holds a secret key, not a public one", name, i+1)
			}
			return nil, fmt.Errorf("%s line %d: %w", name, i+1, err)
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("%s names no recipients", name)
	}
	return rs, nil
}

// IdentityFile reads the keys in an age identity file (AGE-SECRET-KEY-1…,
// as age-keygen writes) or an unencrypted SSH private key.
func IdentityFile(name string) ([]age.Identity, error) {
	data, err := readSmall(name, "identity file")
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("-----BEGIN")) {
		id, err := agessh.ParseIdentity(data)
		if err != nil {
			if strings.Contains(err.Error(), "passphrase") {
				return nil, fmt.Errorf("%s is an SSH key protected by a passphrase; failup needs one without, or an age key", name)
			}
			return nil, fmt.Errorf("%s is not an SSH private key age can use (ed25519 or RSA)", name)
		}
		return []age.Identity{id}, nil
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s is not an age identity file", name)
	}
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s is not an age identity file (it should hold AGE-SECRET-KEY-1… lines)", name)
	}
	return ids, nil
}

// Recipients are the public halves of ids, to encrypt to those who hold them.
func Recipients(ids []age.Identity) ([]age.Recipient, error) {
	var rs []age.Recipient
	for _, id := range ids {
		switch k := id.(type) {
		case *age.X25519Identity:
			rs = append(rs, k.Recipient())
		case *age.HybridIdentity:
			rs = append(rs, k.Recipient())
		case *agessh.Ed25519Identity:
			rs = append(rs, k.Recipient())
		case *agessh.RSAIdentity:
			rs = append(rs, k.Recipient())
		default:
			return nil, errors.New("the key cannot be used to encrypt; use an age key (failup sync key makes one)")
		}
	}
	return rs, nil
}

// PassphraseFile reads a passphrase from the first line of a file.
func PassphraseFile(name string) (string, error) {
	data, err := readSmall(name, "passphrase file")
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", fmt.Errorf("the passphrase file %s is empty", name)
	}
	return line, nil
}

// readSmall reads a key or passphrase file, which is never large.
func readSmall(name, what string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read the %s %s: %w", what, name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the %s %s: %w", what, name, err)
	}
	if len(data) > 1<<20 {
		return nil, fmt.Errorf("the %s %s is too large to be one", what, name)
	}
	return data, nil
}

func short(s string) string {
	if len(s) > 24 {
		return s[:24] + "…"
	}
	return s
}
