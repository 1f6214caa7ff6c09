/**
 * Property-based tests (fast-check): the real content/ pages, frontmatter,
 * ui.json, tables.json, locales.json and glossary, and built pages, mutated
 * (characters and lines deleted, duplicated, swapped; `{`, `<`, `---`, NUL and
 * invalid UTF-8 inserted) or replaced by random text, are fed to the content
 * guard and both checkers' library entry points (the link check's source
 * pass and built-site pass). For every case:
 *
 * - no target throws anything but a ContentError (configuration it cannot
 *   use, with lines) or a UsageError (a one-line refusal);
 * - no target hangs: each case runs in a worker thread with a time bound
 *   that grows with the input (tests/fuzz/runner.ts);
 * - every finding names a file, and its line (and the source's) lies inside
 *   that file: 1 ≤ line ≤ the file's number of lines.
 *
 * `npm test` runs a few hundred cases; FUZZ_RUNS=5000 runs more, FUZZ_SEED
 * replays a seed fast-check printed.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Finding } from '../src/report/finding.ts';
import { loadSite } from '../src/model/site.ts';
import { ROOT } from './helpers/project.ts';
import type { Outcome } from './fuzz/fuzzWorker.ts';
import { FIXED_CRASHES, knownCrash } from './fuzz/known.ts';
import { mdxishArb, mutate, mutationArb } from './fuzz/mutate.ts';
import { BoundedRunner, caseBound } from './fuzz/runner.ts';

const RUNS = Math.max(5, Number(process.env.FUZZ_RUNS ?? 200));
/** The real pages fuzzed (in every locale that has them): a table page, a page with links into the section, the home page. */
const PAGES = ['index.mdx', 'lead-management/enable-lead-sharing.mdx', 'lead-management/destinations/salesforce.mdx'];
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const runsOf = (share: number) => Math.max(1, Math.round(RUNS * share));

let root: string;
let runner: BoundedRunner;
let mdxFiles: string[];
let jsonFiles: string[];
let htmlFiles: string[];
/** Each file's bytes as the fixture has them. */
const originals = new Map<string, Buffer>();
/** Cases that hit a known crash (tests/fuzz/known.ts), by its id. */
const quarantined = new Map<string, number>();

/** A built page as the layout writes it, for each page of the content model: links to the locale's other pages and to sections. */
function stubPage(url: string, urls: readonly string[]): string {
  const locale = url.split('/')[1];
  const links = urls
    .filter((other) => other.startsWith(`/${locale}/`))
    .map((other) => `<li><a href="${other}">${other}</a></li>`)
    .join('\n');
  return `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<link rel="canonical" href="https://publishers.example.com${url}">\n<link rel="icon" href="/favicon.svg">\n</head>\n<body>\n<a href="#content">Skip</a>\n<nav><ul>\n${links}\n</ul></nav>\n<main id="content">\n<h2 id="start">Start</h2>\n<p><a href="${url}#start">here</a> <a href="/${locale}/#top">top</a></p>\n</main>\n</body>\n</html>\n`;
}

beforeAll(
  async () => {
    root = mkdtempSync(join(tmpdir(), 'fuzz-project-'));
    // Every string file and three real pages in every locale that has them: each case checks the whole fixture, so it stays small.
    cpSync(join(ROOT, 'public'), join(root, 'public'), { recursive: true });
    cpSync(join(ROOT, 'content'), join(root, 'content'), {
      recursive: true,
      filter: (source) => !source.endsWith('.mdx') || PAGES.includes(relative(join(ROOT, 'content'), source).split(sep).slice(1).join('/')),
    });
    const urls = loadSite(root).pages.map((page) => page.url);
    for (const url of urls) {
      mkdirSync(join(root, 'dist', url), { recursive: true });
      writeFileSync(join(root, 'dist', url, 'index.html'), stubPage(url, urls));
    }
    cpSync(join(root, 'public'), join(root, 'dist'), { recursive: true });
    const files = (folder: string) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .map((file) => `${folder}/${file}`)
        .filter((file) => statSync(join(root, file)).isFile())
        .sort();
    mdxFiles = files('content').filter((file) => file.endsWith('.mdx'));
    jsonFiles = files('content').filter((file) => file.endsWith('.json'));
    htmlFiles = files('dist').filter((file) => file.endsWith('.html'));
    for (const file of [...mdxFiles, ...jsonFiles, ...htmlFiles]) originals.set(file, readFileSync(join(root, file)));
    runner = new BoundedRunner(root);
    // The first run loads every module and the language detector: the pristine project must check clean of crashes.
    const first = await runner.run(4 * caseBound(0));
    const problems = violations(first);
    if (problems.length > 0) throw new Error(`The unmutated fixture already fails:\n${problems.join('\n')}`);
  },
  8 * caseBound(0),
);

afterAll(async () => {
  for (const [id, cases] of quarantined) console.warn(`fuzz: ${cases} case(s) hit the known crash ${id} (tests/fuzz/known.ts)`);
  await runner?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A file's lines as editors and the Markdown parser count them: CRLF, LF and a lone CR each end a line. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why a finding's place is not inside its file, or nothing. */
function placeProblems(finding: Finding, where: string): string[] {
  const problems: string[] = [];
  const describe = `${where}: ${finding.rule} at ${finding.file}:${finding.line ?? '-'}:${finding.column ?? '-'} (${finding.message.slice(0, 160)})`;
  if (typeof finding.file !== 'string' || finding.file === '') return [`${describe}: no file`];
  if (typeof finding.message !== 'string' || finding.message === '') problems.push(`${describe}: no message`);
  const path = join(root, finding.file);
  const isFile = existsSync(path) && statSync(path).isFile();
  if (finding.line === undefined) {
    // Only a problem with no place in a file may lack a line: a folder, or a file that is not there.
    if (isFile) problems.push(`${describe}: a file with no line`);
    return problems;
  }
  if (!Number.isInteger(finding.line) || finding.line < 1) return [...problems, `${describe}: line is not a positive whole number`];
  if (finding.column !== undefined && (!Number.isInteger(finding.column) || finding.column < 1))
    problems.push(`${describe}: column is not a positive whole number`);
  if (isFile) {
    const lines = linesOf(readFileSync(path, 'utf8'));
    if (finding.line > lines.length) problems.push(`${describe}: line ${finding.line} is past the end (${lines.length} lines)`);
    else if (finding.column !== undefined && finding.column > lines[finding.line - 1]!.length + 1)
      problems.push(`${describe}: column ${finding.column} is past the end of the line (${lines[finding.line - 1]!.length} characters)`);
  } else if (finding.line !== 1) {
    // A file to create (a missing page or file) is pointed at its first line.
    problems.push(`${describe}: a line other than 1 in a file that does not exist`);
  }
  const { source, ...rest } = finding;
  if (source) problems.push(...placeProblems({ ...rest, ...source, rule: `${finding.rule} (source)` }, where));
  return problems;
}

function violations(result: Awaited<ReturnType<BoundedRunner['run']>>): string[] {
  if (result.kind === 'hang') return [`no answer within ${result.boundMs} ms: a target hangs`];
  const problems: string[] = [];
  for (const [target, outcome] of Object.entries(result.results) as [string, Outcome][]) {
    if (outcome.kind === 'crash') {
      const known = knownCrash(outcome.message);
      if (known) quarantined.set(known.id, (quarantined.get(known.id) ?? 0) + 1);
      else problems.push(`${target} threw: ${outcome.message.split('\n').slice(0, 6).join('\n')}`);
    } else if (outcome.kind === 'usage') {
      if (outcome.message.trim() === '' || outcome.message.includes('\n    at '))
        problems.push(`${target} refused without a clear message: ${outcome.message}`);
    } else for (const finding of outcome.findings) problems.push(...placeProblems(finding, target));
  }
  return problems;
}

/** Writes `bytes` to `file`, runs every target, restores the file, and fails with what went wrong. */
async function check(file: string, bytes: Uint8Array): Promise<void> {
  writeFileSync(join(root, file), bytes);
  let problems: string[];
  try {
    // Only the link check reads dist/.
    problems = violations(await runner.run(caseBound(bytes.length), file.startsWith('dist/') ? ['check:links'] : undefined));
  } finally {
    writeFileSync(join(root, file), originals.get(file)!);
  }
  if (problems.length > 0)
    throw new Error(
      `${file} (${bytes.length} bytes):\n${[...new Set(problems)].slice(0, 12).join('\n')}\n--- input (JSON) ---\n${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`,
    );
}

const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, share: number) =>
  fc.assert(fc.asyncProperty(arb, run), {
    numRuns: runsOf(share),
    ...(SEED === undefined ? {} : { seed: SEED }),
    endOnFailure: !process.env.FUZZ_SHRINK,
  });

/** The most a case's input can grow to, for the test's own bound: every run at its bound. */
const testBound = (share: number, maxBytes = 64 * 1024) => runsOf(share) * caseBound(maxBytes) + caseBound(0);

/** The frontmatter of an MDX file (bytes between the opening and closing `---`), or undefined. */
function frontmatterRange(bytes: Buffer): [number, number] | undefined {
  if (!bytes.subarray(0, 4).equals(Buffer.from('---\n'))) return undefined;
  const end = bytes.indexOf('\n---', 4);
  return end === -1 ? undefined : [4, end + 1];
}

describe('fuzzing the guard and both checkers', () => {
  it(
    'mutated MDX pages',
    async () => {
      await property(
        fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 })),
        async ([pick, mutations]) => {
          const file = mdxFiles[pick % mdxFiles.length]!;
          await check(file, mutate(originals.get(file)!, mutations));
        },
        0.3,
      );
    },
    testBound(0.3),
  );

  it(
    "random MDX, with and without the page's frontmatter",
    async () => {
      await property(
        fc.tuple(fc.nat(), fc.boolean(), mdxishArb),
        async ([pick, keepFrontmatter, body]) => {
          const file = mdxFiles[pick % mdxFiles.length]!;
          const original = originals.get(file)!;
          const range = frontmatterRange(original);
          const head = keepFrontmatter && range ? original.subarray(0, range[1] + 4) : Buffer.alloc(0);
          await check(file, Buffer.concat([head, Buffer.from(body)]));
        },
        0.15,
      );
    },
    testBound(0.15),
  );

  it(
    'mutated frontmatter',
    async () => {
      await property(
        fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 })),
        async ([pick, mutations]) => {
          const file = mdxFiles[pick % mdxFiles.length]!;
          const original = originals.get(file)!;
          const [start, end] = frontmatterRange(original)!;
          await check(
            file,
            Buffer.concat([original.subarray(0, start), mutate(original.subarray(start, end), mutations), original.subarray(end)]),
          );
        },
        0.15,
      );
    },
    testBound(0.15),
  );

  it(
    'mutated and reshaped JSON: ui.json, tables.json, locales.json, glossary.json',
    async () => {
      const reshaped = fc
        .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }))
        .map(([path, value]) => ({ kind: 'reshape' as const, path, value }));
      const mutated = fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((mutations) => ({ kind: 'mutate' as const, mutations }));
      await property(
        fc.tuple(fc.nat(), fc.oneof(reshaped, mutated)),
        async ([pick, change]) => {
          const file = jsonFiles[pick % jsonFiles.length]!;
          const original = originals.get(file)!;
          if (change.kind === 'mutate') return check(file, mutate(original, change.mutations));
          // Replace the value at a path (chosen by index among each level's keys) with any JSON value.
          const doc = JSON.parse(original.toString('utf8')) as unknown;
          let node = doc as Record<string, unknown>;
          for (const [depth, index] of change.path.entries()) {
            const keys = node && typeof node === 'object' ? Object.keys(node) : [];
            if (keys.length === 0) break;
            const key = keys[index % keys.length]!;
            if (depth === change.path.length - 1 || !node[key] || typeof node[key] !== 'object') {
              node[key] = change.value;
              break;
            }
            node = node[key] as Record<string, unknown>;
          }
          await check(file, Buffer.from(JSON.stringify(doc, null, 2)));
        },
        0.25,
      );
    },
    testBound(0.25),
  );

  it(
    "mutated built pages (the link check's built-site pass)",
    async () => {
      await property(
        fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 })),
        async ([pick, mutations]) => {
          const file = htmlFiles[pick % htmlFiles.length]!;
          await check(file, mutate(originals.get(file)!, mutations));
        },
        0.15,
      );
    },
    testBound(0.15),
  );
});

describe('crashes the fuzzer found stay fixed (tests/fuzz/known.ts)', () => {
  for (const crash of FIXED_CRASHES) {
    it(
      `${crash.id}: ${crash.summary}`,
      async () => {
        writeFileSync(join(root, crash.file), crash.text);
        try {
          const result = await runner.run(caseBound(crash.text.length));
          const crashed =
            result.kind === 'done' &&
            Object.values(result.results).some((outcome) => outcome?.kind === 'crash' && crash.matches.test(outcome.message));
          if (crashed) throw new Error(`still crashes: ${crash.id}`);
        } finally {
          writeFileSync(join(root, crash.file), originals.get(crash.file)!);
        }
      },
      4 * caseBound(0),
    );
  }
});

// Keeps the helpers' own file list honest: every fuzzed file exists in the project's content/.
it('fuzzes the real content files', () => {
  for (const file of [...mdxFiles, ...jsonFiles]) if (!existsSync(join(ROOT, file))) throw new Error(`${file} is not a file of content/`);
  if (mdxFiles.length < PAGES.length * 2 || jsonFiles.length < 5) throw new Error('the fixture lost content files');
});
