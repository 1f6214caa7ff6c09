/**
 * The docs cannot drift from the code: docs/rules.md is the rule registries
 * (`npm run docs:rules` writes it), the README lists every npm script, stays
 * short enough to read to the end, and every relative link in README.md and
 * docs/ leads to a file that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { I18N_RULES } from '../scripts/i18n/registry.ts';
import { LINK_RULES } from '../scripts/links/registry.ts';
import { GUARD_RULES } from '../src/content/guardRules.ts';
import { RULE_TABLES, RULES_FILE, rulesDocument } from '../scripts/docs-rules.ts';
import { ROOT } from './helpers/project.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}`), readme.indexOf('\n## ', readme.indexOf(`## ${title}`) + 3));

describe('docs', () => {
  it('docs/rules.md is the registries (npm run docs:rules)', () => {
    const text = readFileSync(join(ROOT, RULES_FILE), 'utf8');
    expect(text).toBe(rulesDocument());
    expect(RULE_TABLES.map((table) => table.rules)).toEqual([GUARD_RULES, I18N_RULES, LINK_RULES]);
    // Each registry rule is one row with its id, severity and description.
    for (const rule of [...GUARD_RULES, ...I18N_RULES, ...LINK_RULES]) {
      expect(text).toMatch(
        new RegExp(`^\\| \`${rule.id}\` \\| ${rule.severity}\\b[^|]* \\| ${escape(rule.description.replace(/\|/g, '\\|'))} \\|`, 'm'),
      );
    }
  });

  it('the README lists every npm script', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    for (const script of scripts) expect(section('Commands'), script).toMatch(new RegExp(`npm (run )?${script.replace(':', '\\:')}\\b`));
  });

  it('the README stays short: at most 15 KB, the reference lives in docs/', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15_000);
  });

  it('every relative link in README.md and docs/ leads to a file', () => {
    const files = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // Links as the Markdown parser reads them; a target with a scheme or only an anchor is not a file.
      for (const target of linkTargets(markdownToMdast(text) as Root)) {
        const path = target.split('#')[0]!;
        if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path)) continue;
        expect(existsSync(join(ROOT, dirname(file), path)), `${file} links to ${target}`).toBe(true);
      }
    }
  });
});

function* linkTargets(node: { type: string; url?: string; children?: unknown[] }): Generator<string> {
  if (node.type === 'link' && node.url) yield node.url;
  for (const child of node.children ?? []) yield* linkTargets(child as { type: string });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
