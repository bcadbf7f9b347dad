// Package prompts holds failup's built-in data: prompt sets, tips and the
// pattern lexicon, as TOML files embedded in the binary.
package prompts

import "embed"

// FS holds every *.toml file in this folder.
//
//go:embed *.toml
var FS embed.FS
