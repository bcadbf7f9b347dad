package insight

// EngineVersion names the way patterns are found. It changes whenever a
// change to this package or to the built-in lexicon can change what
// Patterns reports, so that results kept from an earlier version are known
// to be stale and found again.
const EngineVersion = "2026-12-02.52"
