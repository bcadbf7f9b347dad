//go:build !race

package foldersync

const raceEnabled = false
