/**
 * The README documents every rule the checkers run, from their registries
 * (id, severity, description), and every npm script, so the docs cannot drift
 * from the code. `npm run docs:rules` rewrites the rule tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { I18N_RULES } from '../scripts/i18n/registry.ts';
import { LINK_RULES } from '../scripts/links/registry.ts';
import { GUARD_RULES } from '../src/content/guardRules.ts';
import { RULE_TABLES, rulesRegion, ruleTable } from '../scripts/docs-rules.ts';
import { ROOT } from './helpers/project.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}`), readme.indexOf('\n## ', readme.indexOf(`## ${title}`) + 3));

describe('README', () => {
  it.each([['Translation check', 'check:i18n', I18N_RULES], ['Link check', 'check:links', LINK_RULES], ['What the build checks', 'content-guard', GUARD_RULES]] as const)('%s: the rule table is the %s registry (npm run docs:rules)', (title, tool, registry) => {
    const region = rulesRegion(section(title), tool);
    expect(region, `README lacks the ${tool} rules region`).toBeDefined();
    expect(region).toBe(ruleTable(registry));
    // Each registry rule is one row with its id, severity and description.
    for (const rule of registry) {
      expect(region).toMatch(new RegExp(`^\\| \`${rule.id}\` \\| ${rule.severity}\\b[^|]* \\| ${escape(rule.description)} \\|`, 'm'));
    }
  });

  it('has a region for every registry', () => {
    expect(RULE_TABLES.map((table) => table.tool)).toEqual(['check:i18n', 'check:links', 'content-guard']);
  });

  it('lists every npm script', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    for (const script of scripts) expect(section('Commands'), script).toMatch(new RegExp(`npm (run )?${script.replace(':', '\\:')}\\b`));
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
