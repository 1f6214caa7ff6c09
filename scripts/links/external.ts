/**
 * External links, checked politely and without hanging. Each request is made
 * by linkinator (request()); around it, thin layers add what linkinator lacks:
 * each URL once, at most `perHost` requests at a time to one host, 429
 * answered by waiting for `Retry-After` only up to a bound and a bounded
 * number of times, 5xx and network errors retried with backoff, redirects
 * followed hop by hop (loops cut off, permanent ones reported so the link can
 * be updated), hosts that block link checkers skipped, and results cached on
 * disk for `cacheMaxAgeMs` so repeated runs do not fetch again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HttpResponse, LinkResult } from 'linkinator';
import type { Finding } from '../../src/report/report.ts';
import type { LinkOccurrence } from './sourcePass.ts';

export interface ExternalOptions {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  concurrency: number;
  perHost: number;
  /** Extra attempts after a 5xx or network error. */
  retries: number;
  /** First backoff delay; it doubles per attempt. */
  backoffMs: number;
  /** The longest Retry-After we wait for; a longer one is reported instead. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  skipHosts: readonly string[];
  cacheFile?: string;
  cacheMaxAgeMs: number;
  userAgent?: string;
}

export const EXTERNAL_DEFAULTS: Omit<ExternalOptions, 'skipHosts'> = {
  timeoutMs: 10_000,
  concurrency: 16,
  perHost: 2,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
  cacheMaxAgeMs: 24 * 3600_000,
};

export interface UrlResult {
  ok: boolean;
  status?: number;
  /** Where a permanent redirect leads. */
  movedTo?: string;
  error?: string;
  checkedAt: number;
}

export async function checkExternal(
  occurrences: readonly LinkOccurrence[],
  options: ExternalOptions,
  onProgress?: (done: number, total: number) => void,
) {
  const byUrl = new Map<string, LinkOccurrence[]>();
  let skipped = 0;
  for (const occurrence of occurrences) {
    const url = new URL(occurrence.target.kind === 'external' ? occurrence.target.url : occurrence.href);
    url.hash = '';
    if (options.skipHosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))) {
      skipped++;
      continue;
    }
    byUrl.set(url.href, [...(byUrl.get(url.href) ?? []), occurrence]);
  }
  const cache = readCache(options);
  const results = new Map<string, UrlResult>();
  let fromCache = 0;
  const todo: string[] = [];
  for (const url of byUrl.keys()) {
    const cached = cache[url];
    if (cached && Date.now() - cached.checkedAt < options.cacheMaxAgeMs) {
      results.set(url, cached);
      fromCache++;
    } else todo.push(url);
  }
  const hosts = new Map<string, Semaphore>();
  const overall = new Semaphore(options.concurrency);
  let done = 0;
  await Promise.all(
    todo.map(async (url) => {
      const host = new URL(url).host;
      const hostLimit = hosts.get(host) ?? new Semaphore(options.perHost);
      hosts.set(host, hostLimit);
      const result = await overall.run(() => hostLimit.run(() => checkUrl(url, options)));
      results.set(url, result);
      // Transient failures are not cached: the next run tries again.
      if (result.ok || (result.status !== undefined && result.status < 500 && result.status !== 429)) cache[url] = result;
      onProgress?.(++done, todo.length);
    }),
  );
  writeCache(options, cache);

  const findings: Finding[] = [];
  for (const [url, links] of byUrl) {
    const result = results.get(url)!;
    for (const link of links) {
      const base = { locale: link.locale, file: link.file, line: link.line, column: link.column, url: link.href, page: link.page };
      if (!result.ok)
        findings.push({
          ...base,
          rule: 'external-error',
          severity: 'error',
          message: `${url}: ${result.error ?? `HTTP ${result.status}`}.`,
          hint: 'Fix or remove the link; if the host blocks link checkers, add it to "skipHosts" in scripts/check-links.config.json.',
        });
      else if (result.movedTo)
        findings.push({
          ...base,
          rule: 'external-redirect',
          severity: 'warning',
          message: `${url} has moved permanently to ${result.movedTo}.`,
          hint: `Link to ${result.movedTo} directly.`,
        });
    }
  }
  return { findings, checked: todo.length, fromCache, skipped };
}

/** Checks one URL: follows redirects, retries what is worth retrying, never waits longer than the options allow. */
export async function checkUrl(url: string, options: ExternalOptions): Promise<UrlResult> {
  const visited = new Set<string>();
  let current = url;
  let permanent = false;
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    if (visited.has(current))
      return {
        ok: false,
        error: `redirect loop (${[...visited, current].map((u) => new URL(u).pathname).join(' → ')})`,
        checkedAt: Date.now(),
      };
    visited.add(current);
    const response = await requestWithRetries(current, options);
    if ('error' in response)
      return { ok: false, error: response.error, ...(response.status ? { status: response.status } : {}), checkedAt: Date.now() };
    const { status, location } = response;
    if (status >= 300 && status < 400 && location) {
      permanent ||= status === 301 || status === 308;
      current = new URL(location, current).href;
      continue;
    }
    if (status >= 400)
      return {
        ok: false,
        status,
        error: `HTTP ${status}${current !== url ? ` after redirecting to ${current}` : ''}`,
        checkedAt: Date.now(),
      };
    return { ok: true, status, ...(permanent ? { movedTo: current } : {}), checkedAt: Date.now() };
  }
  return { ok: false, error: `more than ${options.maxRedirects} redirects`, checkedAt: Date.now() };
}

type Attempt = { status: number; location: string | null } | { error: string; status?: number };

async function requestWithRetries(url: string, options: ExternalOptions): Promise<Attempt> {
  let failures = 0;
  let rateLimits = 0;
  for (;;) {
    const attempt = await request(url, options);
    if ('status' in attempt && !('error' in attempt) && attempt.status === 429) {
      const wait = retryAfter(attempt.retryAfter);
      if (rateLimits++ >= options.retries) return { error: 'HTTP 429 (rate limited), still after waiting', status: 429 };
      if (wait === undefined || wait > options.maxRetryAfterMs)
        return {
          error: `HTTP 429 (rate limited; Retry-After ${attempt.retryAfter ?? 'missing'} is longer than the ${options.maxRetryAfterMs / 1000} s this check waits)`,
          status: 429,
        };
      await sleep(wait);
      continue;
    }
    const transient = 'error' in attempt || attempt.status >= 500;
    if (!transient || failures >= options.retries) {
      return 'error' in attempt ? attempt : { status: attempt.status, location: attempt.location };
    }
    await sleep(options.backoffMs * 2 ** failures++);
  }
}

type RawAttempt = { status: number; location: string | null; retryAfter: string | null } | { error: string };

/**
 * One request, made by linkinator: GET (with its browser-like headers and its
 * handling of bot-protection answers), a timeout, redirects not followed so
 * the layer above sees each hop. Links on the page it fetches are not
 * followed. linkinator's own retries stay off: it waits for any Retry-After
 * and re-queues a 429 without limit, which a hostile host could use to hang
 * the run, so retries and waits are bounded above, in requestWithRetries.
 */
async function request(url: string, options: ExternalOptions): Promise<RawAttempt> {
  const target = new URL(url).href;
  // Loaded on first use: most runs check no external link, and linkinator takes a while to load.
  const { LinkChecker, LinkState } = await import('linkinator');
  let result: LinkResult | undefined;
  try {
    const crawl = await new LinkChecker().check({
      path: target,
      recurse: false,
      redirects: 'error',
      retry: false,
      retryErrors: false,
      timeout: options.timeoutMs,
      concurrency: 1,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      linksToSkip: async (link: string) => sameUrl(link, target) === false,
    });
    result = crawl.links.find((link) => sameUrl(link.url, target)) ?? crawl.links[0];
  } catch (error) {
    return { error: describeNetworkError(error, options.timeoutMs) };
  }
  if (!result) return { error: 'linkinator returned no result' };
  if (result.state === LinkState.SKIPPED) return { status: 200, location: null, retryAfter: null };
  const response = result.failureDetails?.find(
    (detail): detail is HttpResponse => !(detail instanceof Error) && typeof (detail as HttpResponse).status === 'number',
  );
  const failure = result.failureDetails?.find(
    (detail): detail is Error => detail instanceof Error && !/^Redirect detected/.test(detail.message),
  );
  const status = result.status ?? response?.status ?? 0;
  if (status === 0) return { error: describeNetworkError(failure ?? new Error('no response'), options.timeoutMs) };
  const headers = (response?.headers ?? {}) as Record<string, string | undefined>;
  return { status, location: headers.location ?? null, retryAfter: headers['retry-after'] ?? null };
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === b;
  } catch {
    return false;
  }
}

export function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.cause?.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms (timed out)`;
  const code = err.cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'DNS lookup failed: the host does not exist';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (/CERT|TLS|SSL/i.test(code) || /certificate|TLS|SSL/i.test(err.cause?.message ?? ''))
    return `TLS error (${code || err.cause?.message})`;
  return `network error (${code || err.cause?.message || err.message})`;
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
export function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function readCache(options: ExternalOptions): Record<string, UrlResult> {
  if (!options.cacheFile) return {};
  try {
    return JSON.parse(readFileSync(options.cacheFile, 'utf8')) as Record<string, UrlResult>;
  } catch {
    return {};
  }
}

function writeCache(options: ExternalOptions, cache: Record<string, UrlResult>): void {
  if (!options.cacheFile) return;
  try {
    mkdirSync(dirname(options.cacheFile), { recursive: true });
    writeFileSync(`${options.cacheFile}.tmp`, JSON.stringify(cache, null, 1));
    renameSync(`${options.cacheFile}.tmp`, options.cacheFile);
  } catch {
    // Only a cache: a read-only checkout still gets its report.
  }
}
