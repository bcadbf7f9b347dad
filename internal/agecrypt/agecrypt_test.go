package agecrypt

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
	"golang.org/x/crypto/ssh"
)

// quickPassphrase is a passphrase recipient with a low work factor, so tests
// do not spend a second on each scrypt.
func quickPassphrase(t *testing.T, p string) age.Recipient {
	t.Helper()
	r, err := PassphraseRecipient(p)
	if err != nil {
		t.Fatal(err)
	}
	r.(*age.ScryptRecipient).SetWorkFactor(10)
	return r
}

func seal(t *testing.T, plain []byte, rs ...age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := Encrypt(&buf, rs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// plaintext is larger than one 64 KiB chunk, so cutting the file short at a
// chunk boundary is tried too.
var plaintext = bytes.Repeat([]byte("what I'll do differently next time\n"), 5000)

func TestRoundTripsAndExplainsEveryFailure(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	right, _ := PassphraseIdentity("correct horse")
	wrong, _ := PassphraseIdentity("battery staple")

	toKey := seal(t, plaintext, key.Recipient())
	toPass := seal(t, plaintext, quickPassphrase(t, "correct horse"))

	for _, c := range []struct {
		name string
		file []byte
		ids  []age.Identity
		want error
	}{
		{"key", toKey, []age.Identity{key}, nil},
		{"passphrase", toPass, []age.Identity{right}, nil},
		{"another key", toKey, []age.Identity{other}, ErrWrongKey},
		{"wrong passphrase", toPass, []age.Identity{wrong}, ErrWrongPassphrase},
		{"key for a passphrase file", toPass, []age.Identity{key}, ErrNeedsPassphrase},
		{"passphrase for a key file", toKey, []age.Identity{right}, ErrNeedsKey},
		{"cut at a chunk", toKey[:len(toKey)-len(toKey)%(64<<10+16)-200], []age.Identity{key}, ErrDamaged},
		{"cut short by one byte", toKey[:len(toKey)-1], []age.Identity{key}, ErrDamaged},
		{"header only", toKey[:100], []age.Identity{key}, ErrDamaged},
		{"one byte changed", flip(toKey, len(toKey)/2), []age.Identity{key}, ErrDamaged},
		{"not age at all", []byte("hello"), []age.Identity{key}, ErrDamaged},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			err := DecryptTo(&out, bytes.NewReader(c.file), c.ids)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if c.want == nil && !bytes.Equal(out.Bytes(), plaintext) {
				t.Fatalf("decrypted %d bytes that differ from the %d written", out.Len(), len(plaintext))
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 1
	return c
}

func TestReadsArmoredFiles(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, _ := Encrypt(aw, []age.Recipient{key.Recipient()})
	w.Write([]byte("armored"))
	w.Close()
	aw.Close()
	if !Encrypted(buf.Bytes()) {
		t.Fatal("an armored file is not recognised as age")
	}
	got, err := Decrypt(&buf, []age.Identity{key})
	if err != nil || string(got) != "armored" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestEncryptedRecognisesOnlyAgeFiles(t *testing.T) {
	key, _ := age.GenerateX25519Identity()
	if !Encrypted(seal(t, []byte("x"), key.Recipient())) {
		t.Error("an age file is not recognised")
	}
	for _, s := range []string{`{"format": "failup.v1"}`, "SQLite format 3\x00", ""} {
		if Encrypted([]byte(s)) {
			t.Errorf("%q is taken for an age file", s)
		}
	}
}

func TestSSHKeys(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	idFile := filepath.Join(dir, "id_ed25519")
	os.WriteFile(idFile, pem.EncodeToMemory(block), 0o600)

	r, err := ParseRecipient(string(ssh.MarshalAuthorizedKey(sshPub)))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := IdentityFile(idFile)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decrypt(bytes.NewReader(seal(t, plaintext, r)), ids)
	if err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("ssh round trip: %v", err)
	}
}

func TestKeyFiles(t *testing.T) {
	dir := t.TempDir()
	key, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	rs, err := RecipientsFile(write("recipients", "# two people\n"+key.Recipient().String()+"\n\n"+other.Recipient().String()+"\n"))
	if err != nil || len(rs) != 2 {
		t.Fatalf("recipients: %d, %v", len(rs), err)
	}
	ids, err := IdentityFile(write("key.txt", "# created: now\n"+other.String()+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Decrypt(bytes.NewReader(seal(t, []byte("both"), rs...)), ids); err != nil {
		t.Fatalf("the second recipient cannot open the file: %v", err)
	}
	if p, err := PassphraseFile(write("pass", "s3cret words\nignored\n")); err != nil || p != "s3cret words" {
		t.Fatalf("passphrase file: %q, %v", p, err)
	}

	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"secret key as recipient", second(RecipientsFile(write("r2", key.String()+"\n"))), "secret key"},
		{"empty recipients", second(RecipientsFile(write("r3", "# none\n"))), "names no recipients"},
		{"garbage identity", second(IdentityFile(write("i2", "not a key\n"))), "not an age identity file"},
		{"missing identity", second(IdentityFile(filepath.Join(dir, "nope"))), "cannot read the identity file"},
		{"empty passphrase", second(PassphraseFile(write("p2", "\n"))), "is empty"},
		{"bad recipient", second(ParseRecipient("age1nope")), "not a valid age public key"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, c.err, c.want)
		}
		if strings.Contains(fmtErr(c.err), key.String()) {
			t.Errorf("%s: the error repeats a secret key", c.name)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
