/**
 * `npm run docs:rules`: writes the README's rule tables from the registries,
 * between `<!-- rules:<tool>:start -->` and `<!-- rules:<tool>:end -->`, so the
 * documented rules are exactly the rules that run. `--check` changes nothing
 * and exits 1 when the README is out of date (tests/readme.test.ts checks too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18N_RULES } from './i18n/registry.ts';
import { EXIT, parseCli, runCommand, UsageError } from './lib/cli.ts';
import type { RuleInfo } from './lib/rules.ts';
import { LINK_RULES } from './links/registry.ts';
import { GUARD_RULES } from '../src/content/guardRules.ts';

export const RULE_TABLES = [
  { tool: 'check:i18n', rules: I18N_RULES },
  { tool: 'check:links', rules: LINK_RULES },
  { tool: 'content-guard', rules: GUARD_RULES },
] as const;

const marker = (tool: string, end: 'start' | 'end') => `<!-- rules:${tool}:${end} -->`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table of a registry: id, severity, what it finds, an example. */
export function ruleTable(rules: readonly RuleInfo[]): string {
  const rows = rules.map((rule) => `| \`${rule.id}\` | ${rule.severity}${rule.severityNote ? ` (${cell(rule.severityNote)})` : ''} | ${cell(rule.description)} | ${cell(rule.example)} |`);
  return ['| rule | severity | what it finds | example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between a tool's markers (trimmed), or undefined when the markers are missing. */
export function rulesRegion(text: string, tool: string): string | undefined {
  const start = text.indexOf(marker(tool, 'start'));
  const end = text.indexOf(marker(tool, 'end'));
  if (start === -1 || end < start) return undefined;
  return text.slice(start + marker(tool, 'start').length, end).trim();
}

export function withRuleTables(text: string): string {
  let result = text;
  for (const { tool, rules } of RULE_TABLES) {
    const start = result.indexOf(marker(tool, 'start'));
    const end = result.indexOf(marker(tool, 'end'));
    if (start === -1 || end < start) throw new UsageError(`README.md has no ${marker(tool, 'start')} … ${marker(tool, 'end')} region; add the two markers where the ${tool} rule table goes.`);
    result = `${result.slice(0, start + marker(tool, 'start').length)}\n${ruleTable(rules)}\n${result.slice(end)}`;
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runCommand('Usage: npm run docs:rules [-- --check]', () => {
    const { values } = parseCli(process.argv.slice(2), { check: { type: 'boolean', default: false } });
    const file = join(process.cwd(), 'README.md');
    const text = readFileSync(file, 'utf8');
    const updated = withRuleTables(text);
    if (values.check) {
      if (updated === text) return EXIT.ok;
      process.stderr.write('README.md: the rule tables differ from the registries; run npm run docs:rules.\n');
      return EXIT.problems;
    }
    if (updated !== text) writeFileSync(file, updated);
    process.stdout.write(updated === text ? 'README.md: rule tables already up to date.\n' : 'README.md: rule tables rewritten from the registries.\n');
    return EXIT.ok;
  });
}
