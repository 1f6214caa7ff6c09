/**
 * Crashes the fuzzer found in code another engineer is changing (the content
 * guard and the MDX parsing): reported to the lead with the input below, not
 * fixed on this branch. A case whose only problem is one of these is counted
 * and printed, not failed, so the fuzz tests keep finding new problems; each
 * has a regression test in tests/fuzz.test.ts marked `it.fails`, which starts
 * failing once the crash is fixed: then delete the entry here.
 */
export interface KnownCrash {
  id: string;
  /** Where it throws (the first stack frames) and what. */
  matches: RegExp;
  /** The smallest input found: the file and its text. */
  file: string;
  text: string;
  summary: string;
}

/** Crashes the fuzzer found that are fixed now: tests/fuzz.test.ts keeps each fixed. */
export const FIXED_CRASHES: readonly KnownCrash[] = [
  {
    id: 'guard-table-label-object',
    matches:
      /^TypeError: Cannot convert object to primitive value\n\s+at String \(<anonymous>\)\n\s+at checkNamespaces \([^)]*src\/content\/guard\.ts:/,
    file: 'content/en/tables.json',
    text: '{ "caption": { "audience": [{ "x": 1 }] } }\n',
    summary:
      'The content guard throws a TypeError (a stack trace from the build) when a table label in the source locale\'s tables.json is an array or object holding an object: the "missing label" hint calls String() on it (src/content/guard.ts, checkNamespaces).',
  },
];

/** Crashes found and not fixed yet: a case whose only problem is one of these is counted, not failed. */
export const KNOWN_CRASHES: readonly KnownCrash[] = [];

export function knownCrash(message: string): KnownCrash | undefined {
  return KNOWN_CRASHES.find((crash) => crash.matches.test(message));
}
