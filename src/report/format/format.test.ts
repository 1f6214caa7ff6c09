/** Each formatter on one small report: what CI tools and people read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../tests/helpers/project.ts';
import type { Finding, Report } from '../report.ts';
import type { SummaryView, Tool } from './types.ts';
import { formatGithub } from './github.ts';
import { FORMATS, parseFormat, parseOutput } from './index.ts';
import { formatJson } from './json.ts';
import { formatMarkdown, MARKDOWN_MAX_ROWS } from './markdown.ts';
import { formatPretty } from './pretty.ts';
import { formatSarif, toSarif } from './sarif.ts';

// A translation check's summary view (the shape of check:i18n's): the formatters render whatever view a tool gives.
const tool: Tool = {
  name: 'check:i18n',
  localeOption: '--locale',
  view: (summary) => {
    const { sourceLocale, locales } = summary as {
      sourceLocale: string;
      locales: Record<string, NonNullable<SummaryView['coverage']>['rows'][number]>;
    };
    return { coverage: { sourceLocale, rows: Object.entries(locales).map(([locale, entry]) => ({ ...entry, locale })) }, lines: [] };
  },
  rules: [
    {
      id: 'heading-id',
      severity: 'error',
      description: 'Heading ids differ from the source, so anchors break.',
      example: 'German heading without `{/* #next-steps */}`',
    },
    {
      id: 'outdated',
      severity: 'warning',
      description: 'The source page changed since the translation was made.',
      example: 'English changed',
    },
    {
      id: 'missing-page',
      severity: 'error',
      severityNote: 'warning for a partial locale',
      description: 'A source page has no translation.',
      example: '`en/x.mdx` has no `de/x.mdx`',
    },
  ],
};

const headingId: Finding = {
  rule: 'heading-id',
  severity: 'error',
  locale: 'de',
  file: 'content/de/guides/a b.mdx',
  line: 12,
  column: 1,
  message: 'Heading id "anfang" does not exist in the source | really.',
  hint: "Keep the source's id: end the heading with {/* #start */}.",
  source: { file: 'content/en/guides/a b.mdx', line: 9, column: 1 },
};
const outdated: Finding = {
  rule: 'outdated',
  severity: 'warning',
  locale: 'de',
  file: 'content/de/index.mdx',
  line: 6,
  column: 3,
  message: 'The source page changed.',
  sections: ['#start'],
  details: ['-old', '+new'],
};
const folder: Finding = {
  rule: 'locale-folder',
  severity: 'error',
  file: 'content/fr/',
  message: 'The folder "content/fr" is not a locale.',
};

const summary = {
  sourceLocale: 'en',
  checkedLocales: ['de'],
  errors: 1,
  warnings: 1,
  byLocaleAndRule: {},
  locales: {
    de: {
      status: 'complete',
      pages: { source: 4, translated: 2, partial: 0, missing: 1, outdated: 1, untranslated: 0, coverage: 0.75 },
      ui: { strings: 10, translated: 9, coverage: 0.9 },
      errors: 1,
      warnings: 1,
    },
  },
};
const report: Report = { findings: [outdated, headingId], summary };

describe('pretty', () => {
  it('with warnings: summary (npm run build), lists errors in full and one line of warnings per locale with the command that lists them', () => {
    const many: Finding[] = Array.from({ length: 150 }, (_, index) => ({
      ...outdated,
      locale: 'fr',
      file: `content/fr/p${index}.mdx`,
      rule: index % 3 ? 'untranslated' : 'outdated',
    }));
    const text = formatPretty({ findings: [...many, headingId, outdated], summary }, { tool, warnings: 'summary' });
    expect(text).toContain('⚠ fr: 150 warnings (100 untranslated, 50 outdated); list them with npm run check:i18n -- --locale fr');
    expect(text).toContain('⚠ de: 1 warning (1 outdated); list them with npm run check:i18n -- --locale de');
    expect(text).toContain('content/de/guides/a b.mdx:12:1  error    heading-id');
    expect(text).not.toContain('content/fr/p1.mdx');
    expect(text).toContain('✖ 1 error, 151 warnings');
    expect(text.split('\n').length).toBeLessThan(20);
    // The machine formats still carry every finding.
    expect(formatGithub({ findings: [...many, headingId], summary })).toContain('content/fr/p149.mdx');
  });

  it('groups by file with file:line:col, source, hint and details, then totals and coverage', () => {
    const text = formatPretty(report, { tool });
    expect(text).toContain('content/de/guides/a b.mdx\n  content/de/guides/a b.mdx:12:1  error    heading-id  Heading id');
    expect(text).toContain('      source: content/en/guides/a b.mdx:9:1');
    expect(text).toContain("      → Keep the source's id");
    expect(text).toContain('      +new');
    expect(text).toContain('✖ 1 error, 1 warning');
    expect(text).toContain(
      'de (complete): pages 2 translated, 0 partial, 1 outdated, 0 untranslated, 1 missing of 4 (75% in de); UI strings 9/10 (90%); 1 errors, 1 warnings',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('colors only when asked, and prints a finding without a position as its file', () => {
    expect(formatPretty(report, { tool, color: true })).toContain('\u001b[');
    expect(formatPretty({ findings: [folder], summary: undefined })).toContain('  content/fr/  error    locale-folder  The folder');
  });

  it('says so when there is nothing to report', () => {
    expect(formatPretty({ findings: [], summary: undefined })).toBe('✓ No problems found.\n');
  });
});

describe('github', () => {
  it('writes one escaped annotation per finding, with line and column only where there are some', () => {
    const lines = formatGithub({ findings: [headingId, folder], summary: undefined })
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(
      '::error file=content/de/guides/a b.mdx,line=12,col=1,title=heading-id::Heading id "anfang" does not exist in the source | really.%0A→ Keep the source\'s id: end the heading with {/* #start */}.%0Asource: content/en/guides/a b.mdx:9',
    );
    expect(lines[1]).toBe('::error file=content/fr/,title=locale-folder::The folder "content/fr" is not a locale.');
  });
});

describe('json', () => {
  it('is the report as one object', () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'tests/schemas/sarif-2.1.0.json'), 'utf8'));
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif({ findings: [headingId, outdated, folder], summary }, { tool, root: '/work/project' }));
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('carries a proposed fix as SARIF fixes (replacements by region, end exclusive), valid against the schema', () => {
    const fixed: Finding = {
      ...headingId,
      fix: {
        description: "Keep the source's id.",
        replacements: [{ file: 'content/de/guides/a b.mdx', line: 12, column: 20, endLine: 12, endColumn: 20, text: ' {/* #start */}' }],
      },
    };
    const log = toSarif({ findings: [fixed], summary }, { tool, root: '/work/project' });
    expect(validate(JSON.parse(JSON.stringify(log))), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.runs[0]!.results![0]!.fixes).toEqual([
      {
        description: { text: "Keep the source's id." },
        artifactChanges: [
          {
            artifactLocation: { uri: 'content/de/guides/a%20b.mdx', uriBaseId: 'SRCROOT' },
            replacements: [
              {
                deletedRegion: { startLine: 12, startColumn: 20, endLine: 12, endColumn: 20 },
                insertedContent: { text: ' {/* #start */}' },
              },
            ],
          },
        ],
      },
    ]);
    expect(log.runs[0]!.results![0]!.properties).toEqual({ locale: 'de' });
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = toSarif(report, { tool, root: '/work/project' });
    delete (log.runs[0]!.results![0] as { message?: unknown }).message;
    expect(validate(JSON.parse(JSON.stringify(log)))).toBe(false);
  });

  it('describes every registry rule and places each result at its repository-relative file, line and column', () => {
    const log = toSarif({ findings: [headingId, folder], summary }, { tool, root: '/work/project' });
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/project/' } });
    expect(
      run.tool.driver.rules!.slice(0, 3).map((rule) => [rule.id, rule.defaultConfiguration?.level, rule.shortDescription?.text]),
    ).toEqual([
      ['heading-id', 'error', 'Heading ids differ from the source, so anchors break.'],
      ['outdated', 'warning', 'The source page changed since the translation was made.'],
      ['missing-page', 'error', 'A source page has no translation.'],
    ]);
    expect(run.tool.driver.rules![2]!.help!.text).toContain('Example: `en/x.mdx` has no `de/x.mdx`');
    // A rule outside the registry still gets a descriptor, so ruleIndex stays valid.
    expect(run.tool.driver.rules![3]!.id).toBe('locale-folder');
    const [first, second] = run.results!;
    expect(first).toMatchObject({
      ruleId: 'heading-id',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'content/de/guides/a%20b.mdx', uriBaseId: 'SRCROOT' },
            region: { startLine: 12, startColumn: 1 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'content/en/guides/a%20b.mdx', uriBaseId: 'SRCROOT' },
            region: { startLine: 9, startColumn: 1 },
          },
        },
      ],
      properties: { locale: 'de' },
    });
    expect(first!.message.text).toContain("→ Keep the source's id");
    expect(second!.ruleIndex).toBe(3);
    expect(second!.locations![0]!.physicalLocation!.region).toBeUndefined();
  });
});

describe('markdown', () => {
  it('has the totals, the coverage table and the findings grouped by file, errors first', () => {
    const text = formatMarkdown(report, { tool, linkBase: 'https://github.com/o/r/blob/abc/' });
    expect(text).toMatch(/^### ❌ `check:i18n`: 1 error, 1 warning/);
    expect(text).toContain('| `de` | complete | 2/4 | 0 | 1 | 0 | 1 | 75% | 9/10 (90%) | 1 | 1 |');
    const rows = text.split('\n').filter((line) => line.startsWith('| `content/'));
    expect(rows[0]).toBe(
      '| `content/de/guides/a b.mdx` | [12:1](https://github.com/o/r/blob/abc/content/de/guides/a%20b.mdx#L12) | error | `heading-id` | Heading id "anfang" does not exist in the source \\| really. → Keep the source\'s id: end the heading with {/* #start */}. (source: content/en/guides/a b.mdx:9:1) |',
    );
    expect(rows[1]).toContain('| `content/de/index.mdx` | [6:3]');
  });

  it('caps the table and says how many more there are', () => {
    const many = Array.from({ length: MARKDOWN_MAX_ROWS + 7 }, (_, index): Finding => ({ ...outdated, line: index + 1 }));
    const text = formatMarkdown({ findings: many, summary: undefined }, { tool });
    // The header, its separator, then the capped rows.
    expect(text.split('\n').filter((line) => line.startsWith('| ')).length).toBe(MARKDOWN_MAX_ROWS + 2);
    expect(text).toContain('…and 7 more findings');
    expect(text).toContain('| 〃 |');
  });

  it('says when all is well', () => {
    expect(formatMarkdown({ findings: [], summary: undefined }, { tool })).toContain(
      '### ✅ `check:i18n`: 0 errors, 0 warnings\n\nNo problems found.',
    );
  });
});

describe('format registry', () => {
  it('knows every format and rejects others', () => {
    expect(FORMATS).toEqual(['pretty', 'json', 'github', 'sarif', 'markdown']);
    expect(parseFormat(undefined)).toBe('pretty');
    expect(() => parseFormat('xml')).toThrow('--format must be one of pretty, json, github, sarif, markdown; got "xml".');
    expect(() => parseFormat('toString')).toThrow('got "toString"');
  });

  it('parses --output format=file', () => {
    expect(parseOutput('sarif=reports/i18n.sarif')).toMatchObject({
      format: 'sarif',
      path: expect.stringMatching(/reports\/i18n\.sarif$/),
    });
    expect(() => parseOutput('reports/i18n.sarif')).toThrow('--output takes <format>=<file>');
    expect(() => parseOutput('xml=a.xml')).toThrow('--output must be one of');
  });
});

describe('a status (kind "status": a summary to read, no problems looked for)', () => {
  const status: Tool = {
    name: 'i18n:status',
    kind: 'status',
    rules: [],
    view: () => ({
      coverage: {
        sourceLocale: 'en',
        rows: [
          {
            locale: 'de',
            status: 'complete',
            pages: { source: 2, translated: 1, outdated: 1, coverage: 1 },
            ui: { strings: 4, translated: 4, coverage: 1 },
          },
        ],
      },
      tables: [
        {
          title: 'de (Deutsch | complete)',
          columns: ['state', 'file', 'to do'],
          rows: [
            { cells: ['outdated', 'content/de/a.mdx', 'changed: #start (text)'], tone: 'warning' },
            { cells: ['translated', 'content/de/index.mdx', ''], tone: 'good' },
          ],
        },
      ],
      lines: ['de: 0 machine-translated'],
    }),
  };
  const empty: Report = { findings: [], summary: {} };

  it('prints its tables aligned, coloured by tone only on request, with no verdict', () => {
    const text = formatPretty(empty, { tool: status });
    expect(text).not.toContain('No problems');
    expect(text).toContain(
      'de (Deutsch | complete)\n  outdated    content/de/a.mdx      changed: #start (text)\n  translated  content/de/index.mdx\n',
    );
    expect(text).toContain(
      '  de (complete): pages 1 translated, 0 partial, 1 outdated, 0 untranslated, 0 missing of 2 (100% in de); UI strings 4/4 (100%)\n',
    );
    expect(text).not.toContain('errors');
    expect(formatPretty(empty, { tool: status, color: true })).toContain('\u001b[33moutdated  \u001b[39m');
  });

  it('makes each table a Markdown table, cells escaped, with no verdict and no error columns', () => {
    const text = formatMarkdown(empty, { tool: status });
    expect(text.startsWith('### `i18n:status`\n')).toBe(true);
    expect(text).not.toContain('No problems');
    expect(text).toContain('| locale | status | translated | partial | outdated | untranslated | missing | coverage | UI strings |\n');
    expect(text).toContain(
      '#### de (Deutsch \\| complete)\n\n| state | file | to do |\n| --- | --- | --- |\n| outdated | content/de/a.mdx | changed: #start (text) |\n',
    );
  });
});
