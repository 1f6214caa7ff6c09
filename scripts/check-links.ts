/**
 * `npm run check:links [-- options]`: finds every broken link and anchor and
 * points at the line that wrote it. The rules are listed in
 * scripts/links/registry.ts and the passes live in scripts/links/; this file
 * parses arguments, runs the check and hands the report to the formatters.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { readJson } from '../src/content/json.ts';
import { ContentError } from '../src/report/finding.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { openParseCache } from '../src/content/parseCache.ts';
import { linkSummaryView } from './links/summaryView.ts';
import { emitReport, REPORT_OPTIONS, REPORT_USAGE, reportSettings } from './lib/checkerCli.ts';
import { parseCli, runCommand, UsageError } from './lib/cli.ts';
import { checkLinks } from './links/check.ts';
import { EXTERNAL_DEFAULTS } from './links/external.ts';
import { LINK_RULES } from './links/registry.ts';

const USAGE = `Usage: npm run check:links -- [options]

Checks every link in content/ (with its line) and every link of the built site
in dist/, resolved from the files as the static host serves them: run
npm run build first (exit 2 when dist/ is missing, empty or lacks pages), or
pass --source-only.

Options:
  --external              also check external links over HTTP (off by default, so CI works offline)
  --url <url>             crawl a deployed site from this URL instead of reading dist/ (with linkinator)
  --timeout <ms>          per HTTP request (default 10000)
  --concurrency <n>       parallel HTTP requests (default 16)
  --no-trace              never run the checking build that locates broken links templates compute
  --source-only           check only the links in content/, without the built site (no build needed)
${REPORT_USAGE}
  --dist <dir>            the built site (default: <root>/dist)
  --dist-label <name>     how findings name the build folder (npm run build checks its staging folder as dist)
  --site <url>            the site's public origin (default: SITE_URL or https://publishers.example.com)
  --help                  show this help

Rules: ${LINK_RULES.map((rule) => rule.id).join(', ')}.
Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or configuration error.`;

const CONFIG_FILE = 'scripts/check-links.config.json';
const configSchema = z
  .object({
    skipHosts: z.array(z.string().min(1)).default([]),
    cacheMaxAgeHours: z.number().min(0).default(24),
    perHostConcurrency: z.number().int().min(1).default(2),
    retries: z.number().int().min(0).max(10).default(2),
    maxRetryAfterSeconds: z.number().min(0).default(30),
  })
  .strict();

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), {
    ...REPORT_OPTIONS,
    external: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    url: { type: 'string' },
    'no-trace': { type: 'boolean', default: false },
    'source-only': { type: 'boolean', default: false },
    dist: { type: 'string' },
    'dist-label': { type: 'string' },
    site: { type: 'string' },
  });
  const settings = reportSettings(values, LINK_RULES);
  const { root } = settings;
  const timeout = positiveInteger('--timeout', values.timeout, EXTERNAL_DEFAULTS.timeoutMs);
  const concurrency = values.concurrency === undefined ? undefined : positiveInteger('--concurrency', values.concurrency, 1);
  const siteOrigin = values.site ?? process.env.SITE_URL ?? 'https://publishers.example.com';
  try {
    new URL(siteOrigin);
  } catch {
    throw new UsageError(`--site must be an absolute URL such as https://docs.example.com; got "${siteOrigin}".`);
  }
  const registry = loadRegistry(root);
  const config = loadConfig(root);
  const crawlUrl = values.url === undefined ? undefined : httpUrl('--url', values.url);
  if (values['source-only'] && (crawlUrl || values.dist !== undefined))
    throw new UsageError('--source-only checks content/ alone; it cannot be combined with --url or --dist.');
  if (crawlUrl && values.dist !== undefined)
    throw new UsageError('--url crawls a deployed site; --dist reads a build on disk: give one of them.');
  const dist = values.dist === undefined ? undefined : resolve(values.dist);
  if (dist !== undefined && !existsSync(dist))
    throw new UsageError(
      `--dist ${values.dist}: the folder ${dist} does not exist; run npm run build first, or point --dist at the built site.`,
    );
  if (dist !== undefined && !statSync(dist).isDirectory())
    throw new UsageError(`--dist ${values.dist}: ${dist} is a file; point --dist at the built site's folder.`);
  const progress =
    settings.format === 'pretty' && process.stderr.isTTY ? (message: string) => process.stderr.write(`\r\u001b[2K${message}`) : undefined;
  const cache = openParseCache(root);
  const site = loadSite(root, registry);
  const report = await checkLinks({
    root,
    registry,
    site,
    siteOrigin,
    ...(dist ? { dist } : {}),
    rules: settings.rules,
    ...(crawlUrl ? { crawl: { url: crawlUrl, timeoutMs: timeout, concurrency: concurrency ?? 16 } } : {}),
    ...(values['no-trace'] ? { traceBuild: false } : {}),
    ...(values['source-only'] ? { sourceOnly: true } : {}),
    ...(values['dist-label'] ? { distLabel: values['dist-label'] } : {}),
    cache,
    ...(progress ? { onProgress: progress } : {}),
    ...(values.external
      ? {
          external: {
            ...EXTERNAL_DEFAULTS,
            timeoutMs: timeout,
            concurrency: concurrency ?? EXTERNAL_DEFAULTS.concurrency,
            perHost: config.perHostConcurrency,
            retries: config.retries,
            maxRetryAfterMs: config.maxRetryAfterSeconds * 1000,
            skipHosts: config.skipHosts,
            cacheMaxAgeMs: config.cacheMaxAgeHours * 3600_000,
            cacheFile: join(root, 'node_modules/.cache/publisher-docs/external-links.json'),
          },
        }
      : {}),
  });
  cache.save();
  if (progress) process.stderr.write('\r\u001b[2K');
  return emitReport(report, settings, { name: 'check:links', rules: LINK_RULES, view: linkSummaryView });
});

function httpUrl(option: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`${option} must be an http(s) URL such as https://docs.example.com/; got "${value}".`);
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} must be a whole number above 0; got "${value}".`);
  return number;
}

function loadConfig(root: string) {
  const json = readJson(CONFIG_FILE, join(root, CONFIG_FILE));
  if (!json.ok) {
    // No config file is fine: the defaults apply.
    if (json.problems.every((problem) => problem.message.startsWith('Cannot read'))) return configSchema.parse({});
    throw new ContentError(json.problems);
  }
  const result = configSchema.safeParse(json.doc.value);
  if (!result.success) {
    throw new ContentError(
      result.error.issues.map((issue) => ({
        file: CONFIG_FILE,
        ...(json.doc.nearestPositionOf(issue.path as (string | number)[]) ?? {}),
        rule: 'config',
        severity: 'error',
        message: `Invalid link-check config at ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      })),
    );
  }
  return result.data;
}
