//go:build race

package foldersync

// raceEnabled makes the simulation shorter under the race detector, which
// runs it several times slower.
const raceEnabled = true
