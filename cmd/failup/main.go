// Command failup turns a setback into something you learn from.
package main

import (
	"os"

	"github.com/failup/failup/internal/cli"
)

func main() { os.Exit(cli.Main()) }
