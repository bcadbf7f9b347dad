// Package gojq provides the parser and the interpreter of gojq.
// Please refer to [Usage as a library] for introduction.
//
// This is github.com/itchyny/gojq v0.12.20 (MIT; see LICENSE), its files
// but the tests and debug.go, with one change: the tables of functions,
// which upstream builds in builtin.go's and func.go's init, are built when
// the first query is compiled (initFuncs). Built at start, they were the
// largest allocation of every failup command (219 KB before main, about 70
// page faults), though only --jq uses them. To update, copy the new
// version's files over these and make the same change.
//
// [Usage as a library]: https://github.com/itchyny/gojq#usage-as-a-library
package gojq
