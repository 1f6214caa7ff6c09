/** Rule selection and running: what --rule and --ignore-rule do. */
import { describe, expect, it } from 'vitest';
import type { Finding } from './report.ts';
import { checksOf, ownFindings, selectRules, type Rule } from './rules.ts';

type Check = () => Finding[];
const finding = (rule: string): Finding => ({ rule, severity: 'error', message: rule, file: 'a.mdx', line: 1, column: 1 });
const shared: Check = () => [finding('a'), finding('b')];
const alone: Check = () => [finding('c')];
const registry: Rule<Check>[] = [
  { id: 'a', severity: 'error', description: 'A.', example: 'a', check: shared },
  { id: 'b', severity: 'warning', description: 'B.', example: 'b', check: shared },
  { id: 'c', severity: 'error', description: 'C.', example: 'c', check: alone },
];

describe('selectRules', () => {
  it('selects every rule by default, only --rule ones, or all but --ignore-rule ones', () => {
    expect(selectRules(registry, {}).map((rule) => rule.id)).toEqual(['a', 'b', 'c']);
    expect(selectRules(registry, { only: ['c', 'a'] }).map((rule) => rule.id)).toEqual(['a', 'c']);
    expect(selectRules(registry, { ignore: ['b'] }).map((rule) => rule.id)).toEqual(['a', 'c']);
    expect(selectRules(registry, { only: ['a', 'b'], ignore: ['a'] }).map((rule) => rule.id)).toEqual(['b']);
  });

  it('rejects an unknown id, listing the valid ones', () => {
    expect(() => selectRules(registry, { only: ['d'] })).toThrow('--rule: unknown rule "d". Rules: a, b, c.');
    expect(() => selectRules(registry, { ignore: ['x'] })).toThrow('--ignore-rule: unknown rule "x"');
  });
});

describe('running the selected rules', () => {
  const run = (rules: Rule<Check>[]) =>
    checksOf(rules)
      .flatMap((check) => ownFindings(check, check(), rules))
      .map((f) => f.rule);

  it("calls a shared check once and keeps only the selected rules' findings", () => {
    let calls = 0;
    const counting: Check = () => {
      calls++;
      return shared();
    };
    const rules = registry.map((rule) => (rule.check === shared ? { ...rule, check: counting } : rule));
    expect(run(rules)).toEqual(['a', 'b', 'c']);
    expect(calls).toBe(1);
    expect(run(selectRules(registry, { only: ['b'] }))).toEqual(['b']);
    expect(run(selectRules(registry, { ignore: ['a', 'b'] }))).toEqual(['c']);
  });

  it('drops a finding another check owns', () => {
    expect(ownFindings(alone, [finding('a'), finding('c')], registry).map((f) => f.rule)).toEqual(['c']);
  });
});
