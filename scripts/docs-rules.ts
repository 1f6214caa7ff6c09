/**
 * `npm run docs:rules`: writes docs/rules.md, the reference of every rule the
 * content guard and the checkers run, from their registries, so the documented
 * rules are exactly the rules that run. `--check` changes nothing and exits 1
 * when the file is out of date (tests/readme.test.ts checks too).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18N_RULES } from './i18n/registry.ts';
import { EXIT, parseCli, runCommand } from './lib/cli.ts';
import type { RuleInfo } from '../src/report/rules.ts';
import { LINK_RULES } from './links/registry.ts';
import { GUARD_RULES } from '../src/content/guardRules.ts';

export const RULES_FILE = 'docs/rules.md';

export const RULE_TABLES = [
  {
    tool: 'content-guard',
    title: 'Content guard (`npm run build`)',
    intro: 'Checked before Astro compiles anything (`src/content/guardRules.ts`); each stops the build and cannot be switched off.',
    rules: GUARD_RULES,
  },
  {
    tool: 'check:i18n',
    title: 'Translation check (`npm run check:i18n`)',
    intro: 'From `scripts/i18n/registry.ts`; select with `--rule` and `--ignore-rule`.',
    rules: I18N_RULES,
  },
  {
    tool: 'check:links',
    title: 'Link check (`npm run check:links`)',
    intro: 'From `scripts/links/registry.ts`; select with `--rule` and `--ignore-rule`.',
    rules: LINK_RULES,
  },
] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table of a registry: id, severity, what it finds, an example. */
export function ruleTable(rules: readonly RuleInfo[]): string {
  const rows = rules.map(
    (rule) =>
      `| \`${rule.id}\` | ${rule.severity}${rule.severityNote ? ` (${cell(rule.severityNote)})` : ''} | ${cell(rule.description)} | ${cell(rule.example)} |`,
  );
  return ['| rule | severity | what it finds | example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The whole of docs/rules.md. */
export function rulesDocument(): string {
  const sections = RULE_TABLES.map(({ title, intro, rules }) => `## ${title}\n\n${intro}\n\n${ruleTable(rules)}\n`);
  return `# Rules\n\nGenerated from the rule registries by \`npm run docs:rules\`; do not edit (a test fails while it differs). What each check does is in [checks.md](checks.md).\n\n${sections.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runCommand('Usage: npm run docs:rules [-- --check]', () => {
    const { values } = parseCli(process.argv.slice(2), { check: { type: 'boolean', default: false } });
    const file = join(process.cwd(), RULES_FILE);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const updated = rulesDocument();
    if (values.check) {
      if (updated === text) return EXIT.ok;
      process.stderr.write(`${RULES_FILE}: the rule tables differ from the registries; run npm run docs:rules.\n`);
      return EXIT.problems;
    }
    if (updated !== text) writeFileSync(file, updated);
    process.stdout.write(updated === text ? `${RULES_FILE}: already up to date.\n` : `${RULES_FILE}: written from the registries.\n`);
    return EXIT.ok;
  });
}
