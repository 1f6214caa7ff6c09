/**
 * `check:links --url` against servers this test starts on 127.0.0.1: a site
 * that could not be crawled fails with a `site-unreachable` finding (exit 1),
 * never "no problems". Each server is one failure mode; a server that hangs
 * or answers late must end the check through its own timeout, so each test's
 * limit is the crawl's worst case for the timeout it is given (crawlTimeBound).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { contentTree, writeFixture } from '../../tests/helpers/fixture.ts';
import { runInProcess } from '../../tests/helpers/inProcess.ts';
import { ROOT } from '../../tests/helpers/project.ts';
import { checkLinks } from './check.ts';
import { crawlTimeBound } from './crawl.ts';

const fixture = writeFixture(contentTree());
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  fixture.remove();
});

/** A server answering every request with `handler`; its URL. */
async function serve(
  handler: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A port nothing listens on: a server is started to get a free port and closed again. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

const TIMEOUT_MS = 400;
/** The crawl's own worst case, doubled for a loaded machine, plus the source pass on a two-page fixture. */
const LIMIT_MS = 2 * crawlTimeBound(TIMEOUT_MS) + 10_000;

const crawl = (url: string) =>
  checkLinks({
    root: fixture.root,
    registry: loadRegistry(fixture.root),
    siteOrigin: 'https://publishers.example.com',
    crawl: { url, timeoutMs: TIMEOUT_MS, concurrency: 4 },
  });

async function expectUnreachable(url: string, reason: RegExp) {
  const report = await crawl(url);
  expect(report.findings).toEqual([expect.objectContaining({ rule: 'site-unreachable', severity: 'error', file: url, url })]);
  expect(report.findings[0]!.message).toMatch(reason);
  expect(report.summary.errors).toBe(1);
  expect(report.summary.crawl).toMatchObject({ url, pages: 0 });
}

// Concurrent: most of each test is linkinator waiting out its retry backoff (2 s, then 4 s) or a timeout.
describe.concurrent('check:links --url on a site it cannot check', () => {
  it.each([[500], [404], [429]])(
    'fails when the start page answers %i',
    async (status) => {
      let requests = 0;
      const url = await serve((_request, response) => {
        requests++;
        response.writeHead(status, { 'content-type': 'text/html' }).end('<a href="/x/">x</a>');
      });
      await expectUnreachable(url, new RegExp(`HTTP ${status}\\)`));
      // 5xx and 429 are retried (linkinator's retryErrors); a 404 is an answer.
      if (status !== 404) expect(requests).toBeGreaterThan(1);
    },
    LIMIT_MS,
  );

  it(
    'fails, through its timeout, when the server never answers',
    async () => {
      const url = await serve(() => {
        // Accepts the connection and never answers.
      });
      await expectUnreachable(url, /no answer/);
    },
    LIMIT_MS,
  );

  it(
    'fails when the server answers, but slower than the timeout',
    async () => {
      const url = await serve((_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/">home</a>'), TIMEOUT_MS * 3);
      });
      await expectUnreachable(url, /no answer/);
    },
    LIMIT_MS,
  );

  it(
    'fails when the start page answers but links to no page',
    async () => {
      const url = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('maintenance'));
      await expectUnreachable(url, /found no page with links/);
    },
    LIMIT_MS,
  );
});

// Not beside the others (a sequential suite: Vitest runs adjacent concurrent suites together): a port found
// free and closed again could be handed to one of their servers. The two run beside each other, as neither
// listens and most of each is linkinator's retry backoff; the command runs in this worker (tests/helpers/inProcess.ts).
describe('check:links --url on a site it cannot check: nothing listens', () => {
  it.concurrent(
    'fails when nothing listens',
    async () => {
      await expectUnreachable(await deadUrl(), /did not answer with a page after 2 retries \(no answer/);
    },
    LIMIT_MS,
  );

  it.concurrent(
    'reports it whatever rules are selected, and the command exits 1',
    async () => {
      const url = await deadUrl();
      const result = await runInProcess(ROOT, 'scripts/check-links.ts', [
        '--root',
        fixture.root,
        '--url',
        url,
        '--timeout',
        String(TIMEOUT_MS),
        '--rule',
        'broken-anchor',
      ]);
      expect(result.code, result.output).toBe(1);
      expect(result.stdout).toContain(`${url}: the start page did not answer with a page after 2 retries`);
      expect(result.stdout).not.toContain('No problems');
    },
    LIMIT_MS + 10_000,
  );
});

describe('check:links --url on a site that answers', () => {
  it(
    'crawls it and reports no unreachability',
    async () => {
      const url = await serve((request, response) => {
        if (request.url === '/')
          return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>x</title><a href="/en/">en</a>');
        if (request.url === '/en/')
          return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>en</title><a href="/">home</a>');
        response.writeHead(404).end();
      });
      const report = await crawl(url);
      expect(report.findings).toEqual([]);
      expect(report.summary.crawl!.pages).toBeGreaterThanOrEqual(1);
    },
    LIMIT_MS,
  );
});
