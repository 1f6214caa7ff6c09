/**
 * A check that had nothing to check fails with one clear line (exit 2), never
 * "no problems": `check:i18n` and `i18n:status` with no source page, or with
 * no translation in the registry.
 */
import { describe, expect, it } from 'vitest';
import { contentTree, writeFixture } from '../../tests/helpers/fixture.ts';
import { ROOT, run } from '../../tests/helpers/project.ts';

const ONLY_SOURCE = JSON.stringify({ source: 'en', locales: [{ code: 'en', name: 'English', dir: 'ltr', status: 'complete' }] });

const cases = {
  'no page in the source locale': {
    files: contentTree({ 'content/en/index.mdx': null, 'content/de/index.mdx': null }),
    says: 'content/en/ holds no page (no .mdx file), so no translation can be compared with it.',
  },
  'no translation in the registry': {
    files: contentTree({
      'content/locales.json': ONLY_SOURCE,
      'content/de/index.mdx': null,
      'content/de/ui.json': null,
      'content/de/tables.json': null,
    }),
    says: 'content/locales.json lists no translation besides the source locale "en", so there is nothing to check.',
  },
};

describe.each(Object.entries(cases))('%s', (_name, { files, says }) => {
  it.each([
    ['check:i18n', 'scripts/check-i18n.ts'],
    ['i18n:status', 'scripts/i18n-status.ts'],
  ])('%s exits 2 and says why', (_command, script) => {
    const fixture = writeFixture(files);
    try {
      const result = run(ROOT, process.execPath, [script, '--root', fixture.root]);
      expect(result.code, result.output).toBe(2);
      expect(result.stderr).toContain(says);
      expect(result.stdout).not.toMatch(/No problems|0\/0/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fixture.remove();
    }
  });
});
