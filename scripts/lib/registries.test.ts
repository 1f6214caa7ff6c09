/** The checkers' rule registries: what the CLIs, the SARIF output and docs/rules.md read. */
import { describe, expect, it } from 'vitest';
import { selectRules } from '../../src/report/rules.ts';
import { I18N_RULES } from '../i18n/registry.ts';
import { LINK_RULES, passesOf } from '../links/registry.ts';

describe('the registries', () => {
  it.each([
    ['check:i18n', I18N_RULES],
    ['check:links', LINK_RULES],
  ] as const)('%s: unique kebab-case ids, each with a description and an example', (_name, rules) => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(rule.example.length).toBeGreaterThan(0);
    }
  });

  it('check:i18n rules each have a check function', () => {
    for (const rule of I18N_RULES) expect(typeof rule.check).toBe('function');
  });

  it('check:links rules name the passes that report them; only the needed passes run', () => {
    for (const rule of LINK_RULES) expect(rule.check.length).toBeGreaterThan(0);
    expect([...passesOf(LINK_RULES)].sort()).toEqual(['built', 'external', 'source']);
    expect([...passesOf(selectRules(LINK_RULES, { only: ['external-error'] }))].sort()).toEqual(['external', 'source']);
    expect([...passesOf(selectRules(LINK_RULES, { only: ['fallback-link'] }))]).toEqual(['source']);
  });
});
