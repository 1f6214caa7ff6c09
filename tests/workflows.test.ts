/**
 * The shipped GitHub workflows parse, run only npm scripts that exist, and
 * pass the checkers options they accept (formats, rule ids), so a rename in
 * package.json or a registry cannot silently break CI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { I18N_RULES } from '../scripts/i18n/registry.ts';
import { FORMATS } from '../src/report/format/index.ts';
import { LINK_RULES } from '../scripts/links/registry.ts';
import { ROOT } from './helpers/project.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  on: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; strategy?: { matrix: Record<string, unknown[]> } }>;
}

const folder = join(ROOT, '.github/workflows');
const files = readdirSync(folder).filter((name) => name.endsWith('.yml'));
const workflows = files.map((name) => [name, parse(readFileSync(join(folder, name), 'utf8')) as Workflow] as const);
const scripts = new Set(Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>));
const rules = {
  'check:i18n': new Set(I18N_RULES.map((rule) => rule.id)),
  'check:links': new Set(LINK_RULES.map((rule) => rule.id)),
} as Record<string, Set<string>>;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('GitHub workflows', () => {
  it('ships ci.yml, external-links.yml and sharded-build.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'external-links.yml', 'sharded-build.yml']);
  });

  it.each(workflows)('%s parses, and every step runs a command or uses a pinned action', (_name, workflow) => {
    expect(workflow.on).toBeDefined();
    for (const step of steps(workflow)) {
      expect(Boolean(step.run) !== Boolean(step.uses), JSON.stringify(step)).toBe(true);
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
    }
  });

  it.each(workflows)('%s runs only npm scripts that exist, with formats and rules the checkers know', (_name, workflow) => {
    for (const { run } of steps(workflow)) {
      for (const line of (run ?? '').split('\n')) {
        const npm = /\bnpm (?:run (\S+)|(test|start))\b(.*)/.exec(line);
        if (!npm) continue;
        const script = npm[1] ?? npm[2]!;
        expect(scripts, line).toContain(script);
        const args = npm[3] ?? '';
        for (const [, format] of args.matchAll(/--format (\S+)/g)) expect(FORMATS, line).toContain(format);
        for (const [, format] of args.matchAll(/--output "?(\w+)=/g)) expect(FORMATS, line).toContain(format);
        for (const [, rule] of args.matchAll(/--(?:ignore-)?rule (\S+)/g)) expect(rules[script], line).toContain(rule);
      }
    }
  });

  it('CI annotates with both checks, uploads their SARIF and writes the job summary', () => {
    const ci = steps(workflows.find(([name]) => name === 'ci.yml')![1]);
    const runs = ci.map((step) => step.run ?? '').join('\n');
    for (const check of ['check:i18n', 'check:links']) {
      expect(runs).toMatch(
        new RegExp(`npm run ${check} -- --format github --output sarif=(\\S+) --output "markdown=\\$GITHUB_STEP_SUMMARY"`),
      );
      const sarif = new RegExp(`npm run ${check} -- .*--output sarif=(\\S+)`).exec(runs)![1];
      expect(ci.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@') && step.with?.sarif_file === sarif)).toBe(true);
    }
    expect(runs).toContain('npm test');
    expect(runs).toContain('apt-get install -y --no-install-recommends chromium');
  });

  it('the scheduled job keeps the external-link cache between runs', () => {
    const [, workflow] = workflows.find(([name]) => name === 'external-links.yml')!;
    expect(JSON.stringify(workflow.on)).toContain('schedule');
    const all = steps(workflow);
    const cache = all.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('node_modules/.cache/publisher-docs/external-links.json');
    // Restored after npm ci, which would delete it.
    expect(all.indexOf(cache!)).toBeGreaterThan(all.findIndex((step) => step.run === 'npm ci'));
    expect(all.map((step) => step.run ?? '').join('\n')).toMatch(/npm run check:links -- --external/);
  });

  it('the sharded build runs the shards as a matrix with their caches, and merges them in a final job, with the commands tests/shards.test.ts runs', () => {
    const [, workflow] = workflows.find(([name]) => name === 'sharded-build.yml')!;
    const { shard, merge } = workflow.jobs as Record<string, Workflow['jobs'][string]>;
    const count = Number(workflow.env?.SHARDS);
    expect(shard!.strategy!.matrix.shard).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    const shardRuns = shard!.steps.map((step) => step.run ?? '');
    expect(shardRuns).toContain('npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out shard-${{ matrix.shard }}');
    const cache = shard!.steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    // Astro's cache folder of a shard (astro.config.mjs) and the parse cache, restored after npm ci.
    expect(String(cache.with?.path)).toContain('node_modules/.astro-shard-${{ matrix.shard }}-of-${{ env.SHARDS }}');
    expect(String(cache.with?.path)).toContain('node_modules/.cache/publisher-docs');
    expect(shard!.steps.indexOf(cache)).toBeGreaterThan(shard!.steps.findIndex((step) => step.run === 'npm ci'));
    const upload = shard!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({
      name: 'shard-${{ matrix.shard }}',
      path: 'shard-${{ matrix.shard }}',
      'include-hidden-files': true,
    });

    expect(merge!.needs).toBe('shard');
    expect(merge!.steps.some((step) => step.uses?.startsWith('actions/download-artifact@') && step.with?.pattern === 'shard-*')).toBe(true);
    expect(merge!.steps.some((step) => step.uses?.startsWith('actions/cache@'))).toBe(true);
    const shardFolders = Array.from({ length: count }, (_, index) => `shard-${index + 1}`).join(' ');
    expect(merge!.steps.map((step) => step.run ?? '')).toContain(`npm run build -- --merge ${shardFolders}`);
    const test = readFileSync(join(ROOT, 'tests/shards.test.ts'), 'utf8');
    expect(test).toContain("['scripts/build.ts', '--shard', `${index + 1}/3`, '--out', shard]");
    expect(test).toContain("['scripts/build.ts', '--merge', ...shards]");
  });
});
