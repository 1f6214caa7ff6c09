import { afterEach, describe, expect, it, vi } from 'vitest';
import buildLog from './buildLog.ts';

afterEach(() => vi.restoreAllMocks());

/** What the destination writes to stdout. */
function capture(): () => string {
  let written = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  return () => written;
}

const route = (path: string) => ({ label: null, level: 'info' as const, message: `  ├─ ${path}`, newLine: false });
const after = (text: string) => ({ label: 'SKIP_FORMAT', level: 'info' as const, message: text, newLine: true });

describe("Astro's log", () => {
  it('writes each route of an interleaved route list on its own whole line', async () => {
    const output = capture();
    const log = buildLog();
    // Four pages rendering at once: names first, times later, in another order.
    log.write(route('/404.html'));
    log.write(route('/robots.txt'));
    log.write(after(' \u001b[2m(+138ms)\u001b[22m '));
    log.write(route('/en/index.html'));
    log.write(after(' (+24ms) '));
    log.write(after(' (+1.20s) '));
    await Promise.resolve();
    log.write({ label: null, level: 'info', message: '✓ Completed in 2.57s.', newLine: true });
    const lines = output().split('\n').filter(Boolean);
    expect(lines.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      '  ├─ /404.html',
      '  ├─ /robots.txt',
      '  ├─ /en/index.html',
      '✓ Completed in 2.57s.',
    ]);
  });

  it('keeps "(cached)" on its route\'s line, and a warning that follows a time', async () => {
    const output = capture();
    const log = buildLog();
    log.write(route('/de/index.html'));
    log.write(after(' \u001b[32m(cached)\u001b[39m'));
    log.write(route('/de/empty/index.html'));
    await Promise.resolve();
    log.write(after(' (+3ms) (file not created, response body was empty)'));
    const lines = output().split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/├─ \/de\/index\.html \u001b\[32m\(cached\)/);
    expect(lines[1]).toMatch(/├─ \/de\/empty\/index\.html$/);
    expect(lines[2]).toBe('  (file not created, response body was empty)');
  });
});
