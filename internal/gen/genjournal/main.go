// Command genjournal writes a made-up journal as a failup.v1 JSON document,
// for benchmarks and for trying failup on a journal of years:
//
//	go run ./internal/gen/genjournal -n 100000 -seed 1 -end 2026-11-27 -o journal.json
//	failup --db big.db import journal.json
//
// The same -n, -seed and -end always write the same bytes; -end defaults to
// today.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run returns the exit code: 0 written, 1 the output failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("genjournal", flag.ContinueOnError)
	n := flags.Int("n", 1000, "how many entries to write")
	seed := flags.Uint64("seed", 1, "the seed; the same seed writes the same journal")
	end := flags.String("end", string(journal.Today()), "the day of the newest entry, YYYY-MM-DD")
	out := flags.String("o", "", "write to `FILE` instead of stdout")
	flags.SetOutput(io.Discard)
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			flags.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: genjournal [-n N] [-seed S] [-end YYYY-MM-DD] [-o FILE]")
			flags.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "genjournal: %v; see genjournal -h\n", err)
		return 2
	}
	endDate, err := journal.ParseDate(*end)
	if err != nil {
		fmt.Fprintf(stderr, "genjournal: -end: %v\n", err)
		return 2
	}
	if *n < 0 {
		fmt.Fprintf(stderr, "genjournal: -n must be 0 or more, not %d\n", *n)
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "genjournal: unexpected argument %q; see genjournal -h\n", flags.Arg(0))
		return 2
	}
	doc := gen.Document(*n, *seed, endDate)
	if err := write(doc, *out, stdout); err != nil {
		fmt.Fprintf(stderr, "genjournal: %v\n", err)
		return 1
	}
	return 0
}

// write encodes doc to the file named path, or to stdout when path is empty.
// A file that could not be written completely is removed.
func write(doc journal.Document, path string, stdout io.Writer) error {
	if path == "" {
		return encode(doc, stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = encode(doc, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func encode(doc journal.Document, w io.Writer) error {
	buf := bufio.NewWriterSize(w, 1<<20)
	if err := json.NewEncoder(buf).Encode(doc); err != nil {
		return err
	}
	return buf.Flush()
}
