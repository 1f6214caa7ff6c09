/** External link checking against a server this test starts on 127.0.0.1; nothing here touches the internet. */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkExternal, checkUrl, describeNetworkError, EXTERNAL_DEFAULTS, retryAfter, type ExternalOptions } from './external.ts';
import type { LinkOccurrence } from './sourcePass.ts';

let server: Server;
let base: string;
const hits = new Map<string, number>();
let active = 0;
let maxActive = 0;

beforeAll(async () => {
  server = createServer((request, response): void => {
    const path = request.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const redirect = (status: number, to: string): void => void response.writeHead(status, { location: to }).end();
    if (path === '/ok') return void response.writeHead(200).end('ok');
    if (path === '/missing') return void response.writeHead(404).end();
    if (path === '/moved') return redirect(301, '/moved-again');
    if (path === '/moved-again') return redirect(308, '/ok');
    if (path === '/temporary') return redirect(302, '/ok');
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(302, '/loop-a');
    if (path === '/rate-limited')
      return void (count === 1 ? response.writeHead(429, { 'retry-after': '1' }).end() : response.writeHead(200).end());
    if (path === '/rate-limited-long') return void response.writeHead(429, { 'retry-after': '3600' }).end();
    if (path === '/flaky') return void response.writeHead(count <= 2 ? 503 : 200).end();
    if (path === '/down') return void response.writeHead(503).end();
    if (path === '/head-not-allowed') return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    if (path === '/never') return; // never answers
    if (path === '/slow') return void setTimeout(() => response.writeHead(200).end(), 150);
    if (path.startsWith('/busy/')) {
      active++;
      maxActive = Math.max(maxActive, active);
      return void setTimeout(() => {
        active--;
        response.writeHead(200).end();
      }, 60);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  hits.clear();
  maxActive = 0;
});

const options = (overrides: Partial<ExternalOptions> = {}): ExternalOptions => ({
  ...EXTERNAL_DEFAULTS,
  timeoutMs: 1000,
  backoffMs: 10,
  maxRetryAfterMs: 2000,
  skipHosts: [],
  ...overrides,
});
const occurrence = (url: string, line = 1): LinkOccurrence => ({
  href: url,
  file: 'content/en/a.mdx',
  line,
  column: 1,
  locale: 'en',
  page: '/en/a/',
  target: { kind: 'external', url },
});

describe('external links', () => {
  it('accepts 200 and follows temporary redirects silently', async () => {
    expect(await checkUrl(`${base}/ok`, options())).toMatchObject({ ok: true, status: 200 });
    expect(await checkUrl(`${base}/temporary`, options())).toEqual(expect.objectContaining({ ok: true }));
    expect((await checkUrl(`${base}/temporary`, options())).movedTo).toBeUndefined();
  });

  it('reports 404 as external-error at the line that wrote the link', async () => {
    const result = await checkExternal([occurrence(`${base}/missing`, 12)], options());
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'external-error',
        severity: 'error',
        file: 'content/en/a.mdx',
        line: 12,
        column: 1,
        message: `${base}/missing: HTTP 404.`,
      }),
    ]);
  });

  it('follows a chain of permanent redirects and reports where the link should go', async () => {
    const result = await checkExternal([occurrence(`${base}/moved`)], options());
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'external-redirect',
        severity: 'warning',
        message: `${base}/moved has moved permanently to ${base}/ok.`,
      }),
    ]);
  });

  it('cuts off a redirect loop', async () => {
    expect(await checkUrl(`${base}/loop-a`, options())).toMatchObject({
      ok: false,
      error: expect.stringContaining('redirect loop (/loop-a → /loop-b → /loop-a)'),
    });
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    expect(await checkUrl(`${base}/rate-limited`, options())).toMatchObject({ ok: true });
    expect(hits.get('/rate-limited')).toBe(2);
  });

  it('does not wait for a Retry-After longer than its limit', async () => {
    const result = await checkUrl(`${base}/rate-limited-long`, options());
    expect(result).toMatchObject({ ok: false, status: 429, error: expect.stringContaining('longer than the 2 s this check waits') });
    expect(hits.get('/rate-limited-long')).toBe(1);
  });

  it('retries 5xx with backoff, a bounded number of times', async () => {
    expect(await checkUrl(`${base}/flaky`, options({ retries: 2 }))).toMatchObject({ ok: true });
    expect(await checkUrl(`${base}/down`, options({ retries: 2 }))).toMatchObject({ ok: false, status: 503 });
    expect(hits.get('/down')).toBe(3);
  });

  it('gives up on a host that never answers, within the timeout', async () => {
    const started = Date.now();
    expect(await checkUrl(`${base}/never`, options({ timeoutMs: 200, retries: 1 }))).toMatchObject({
      ok: false,
      error: 'no answer within 200 ms (timed out)',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('waits for a slow host within the timeout', async () => {
    expect(await checkUrl(`${base}/slow`, options({ timeoutMs: 2000 }))).toMatchObject({ ok: true });
  });

  it('asks again with GET when a server refuses HEAD', async () => {
    expect(await checkUrl(`${base}/head-not-allowed`, options())).toMatchObject({ ok: true, status: 200 });
  });

  it('reports a refused connection, and names DNS and TLS failures', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await checkUrl(`http://127.0.0.1:${port}/`, options({ retries: 0 }))).toMatchObject({ ok: false, error: 'connection refused' });
    expect(describeNetworkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 1000)).toBe(
      'DNS lookup failed: the host does not exist',
    );
    expect(
      describeNetworkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), 1000),
    ).toBe('TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)');
  });

  it('never sends a host more than perHost requests at once', async () => {
    const links = Array.from({ length: 8 }, (_, index) => occurrence(`${base}/busy/${index}`));
    const result = await checkExternal(links, options({ perHost: 2, concurrency: 8 }));
    expect(result.checked).toBe(8);
    expect(maxActive).toBe(2);
  });

  it('checks each URL once, skips listed hosts, and caches results', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'external-cache-'));
    try {
      const cacheFile = join(folder, 'cache.json');
      const links = [occurrence(`${base}/ok`, 1), occurrence(`${base}/ok#part`, 2), occurrence('https://blocked.example/page', 3)];
      const first = await checkExternal(links, options({ cacheFile, skipHosts: ['blocked.example'] }));
      expect(first).toMatchObject({ checked: 1, fromCache: 0, skipped: 1, findings: [] });
      expect(hits.get('/ok')).toBe(1);
      const second = await checkExternal(links, options({ cacheFile, skipHosts: ['blocked.example'] }));
      expect(second).toMatchObject({ checked: 0, fromCache: 1 });
      expect(hits.get('/ok')).toBe(1);
      const expired = await checkExternal(links, options({ cacheFile, cacheMaxAgeMs: 0, skipHosts: ['blocked.example'] }));
      expect(expired).toMatchObject({ checked: 1, fromCache: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfter('2')).toBe(2000);
    expect(retryAfter(null)).toBeUndefined();
    expect(retryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
  });
});
