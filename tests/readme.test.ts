/** The README documents every rule id the checkers can report, so the docs cannot drift from the code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../scripts/i18n/check.ts';
import { LINK_RULES } from '../scripts/links/check.ts';
import { ROOT } from './helpers/project.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}`), readme.indexOf('\n## ', readme.indexOf(`## ${title}`) + 3));

describe('README', () => {
  it.each([...RULES])('documents the check:i18n rule %s with an example row', (rule) => {
    expect(section('Translation check')).toMatch(new RegExp(`^\\| \`${rule}\` \\|`, 'm'));
  });

  it.each([...LINK_RULES])('documents the check:links rule %s with an example row', (rule) => {
    expect(section('Link check')).toMatch(new RegExp(`^\\| \`${rule}\` \\|`, 'm'));
  });

  it('lists every npm script', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    for (const script of scripts) expect(section('Commands'), script).toMatch(new RegExp(`npm (run )?${script.replace(':', '\\:')}\\b`));
  });
});
