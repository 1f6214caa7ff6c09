import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDist, judgeInternal } from '../links/distIndex.ts';
import { answer, serveStatic } from './staticServer.ts';

let root: string;
const FILES: Record<string, string> = {
  'index.html': 'chooser',
  '404.html': 'root 404',
  'de/404.html': 'German 404',
  'de/index.html': 'German home',
  'de/guide/index.html': 'German guide',
  'en/guide/index.html': 'English guide',
  'en/page.html': 'a page as a file',
  'social.png': 'png',
  'my diagram.svg': '<svg/>',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  // A sibling folder whose name starts like root's: a path that climbs out must not reach it.
  mkdirSync(`${root}-secret`, { recursive: true });
  writeFileSync(`${root}-secret/key.txt`, 'secret');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}-secret`, { recursive: true, force: true });
});

describe('the static server', () => {
  it('redirects a page without its trailing slash to the page, keeping the query', () => {
    expect(answer(root, '/en/guide')).toEqual({ status: 301, location: '/en/guide/' });
    expect(answer(root, '/de', '?q=1')).toEqual({ status: 301, location: '/de/?q=1' });
    expect(answer(root, '/en/guide/')).toEqual({ status: 200, file: join(root, 'en/guide/index.html') });
    expect(answer(root, '/en/page')).toEqual({ status: 200, file: join(root, 'en/page.html') });
    expect(answer(root, '/my%20diagram.svg')).toEqual({ status: 200, file: join(root, 'my diagram.svg') });
  });

  it('answers a miss with the 404 page of its locale, else the root one', () => {
    expect(answer(root, '/de/gibt-es-nicht/')).toEqual({ status: 404, file: join(root, 'de/404.html') });
    expect(answer(root, '/de/gibt-es-nicht')).toEqual({ status: 404, file: join(root, 'de/404.html') });
    expect(answer(root, '/en/missing/')).toEqual({ status: 404, file: join(root, '404.html') });
    // A folder without index.html is a miss, as on the hosts.
    expect(answer(root, '/en/')).toEqual({ status: 404, file: join(root, '404.html') });
  });

  it('never serves outside its folder and refuses malformed encoding', () => {
    const secret = `/../${root.split('/').pop()}-secret/key.txt`;
    expect(answer(root, secret).status).toBe(404);
    expect(answer(root, '/%2e%2e/%2e%2e/etc/passwd').status).toBe(404);
    expect(answer(root, '/%E0%A4%A')).toEqual({ status: 400 });
  });

  it('serves what the link checker accepts, and only that', () => {
    const index = indexDist(root);
    for (const path of [
      '/en/guide',
      '/en/guide/',
      '/en/page',
      '/de',
      '/de/',
      '/de/guide',
      '/social.png',
      '/my diagram.svg',
      '/en/',
      '/en/missing/',
      '/de/gibt-es-nicht',
      '/en/guide/index',
      '/EN/guide/',
    ]) {
      const served = answer(root, encodeURI(path)).status !== 404;
      expect(served, path).toBe(judgeInternal(index, path, '').ok);
    }
  });

  it('answers over HTTP with the status, the redirect and the 404 page', async () => {
    const server = await serveStatic(root);
    try {
      const redirect = await fetch(`${server.url}/en/guide`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('/en/guide/');
      const missing = await fetch(`${server.url}/de/nichts/`);
      expect(missing.status).toBe(404);
      await expect(missing.text()).resolves.toBe('German 404');
      const page = await fetch(`${server.url}/en/guide/`);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      await expect(page.text()).resolves.toBe('English guide');
    } finally {
      await server.close();
    }
  });
});
