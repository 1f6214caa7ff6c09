/**
 * `npm run dev` on a contributor's branch runs none of its code: a page the
 * content guard refuses is not compiled (src/integrations/guardInDev.ts), the
 * terminal and Vite's error overlay get the guard's report in its place, other pages still work, and
 * a save that fixes the page brings it back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startDevServer, type DevServer } from './helpers/devServer.ts';
import { copyProject, type ProjectCopy } from './helpers/project.ts';

const GUIDE = 'content/de/lead-management/enable-lead-sharing.mdx';
const URL_PATH = '/de/lead-management/enable-lead-sharing/';

let project: ProjectCopy;
let dev: DevServer;
let original: string;
const written = () => join(project.dir, 'written-by-a-translation.txt');

beforeAll(async () => {
  project = copyProject();
  original = readFileSync(join(project.dir, GUIDE), 'utf8');
  const hostile = `\n{globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(written())}, 'pwned')}\n\nHOME is {globalThis.process.env.HOME}.\n`;
  writeFileSync(join(project.dir, GUIDE), `${original}${hostile}`);
  dev = await startDevServer(project.dir);
});

afterAll(async () => {
  await dev?.stop();
  project?.remove();
});

describe('npm run dev on content the guard refuses', () => {
  it('compiles none of it, tells why with file:line, keeps the other pages, and serves the page once it is fixed', async () => {
    onTestFailed(() => console.error(`astro dev said:\n${dev.output()}`));
    const refused = await fetch(`${dev.origin}${URL_PATH}`);
    const body = await refused.text();
    expect(refused.status).toBe(500);
    // The report goes where the person running `npm run dev` looks: the terminal (and Vite's error overlay).
    expect(dev.output()).toContain(`The content guard refuses ${GUIDE}, so it is not compiled`);
    expect(dev.output()).toMatch(new RegExp(`${GUIDE}:\\d+:\\d+ +error +mdx-expression`));
    expect(body).not.toContain(process.env.HOME ?? '/root');
    expect(existsSync(written())).toBe(false);

    const source = await fetch(`${dev.origin}/en/lead-management/enable-lead-sharing/`);
    expect(source.status).toBe(200);
    await source.text();

    writeFileSync(join(project.dir, GUIDE), original);
    let fixed: Response;
    // The dev server notices the save on its own time: ask until it serves the page again.
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      fixed = await fetch(`${dev.origin}${URL_PATH}`);
    } while (fixed.status !== 200 && (await fixed.text()) !== undefined);
    expect(await fixed.text()).toContain('<h1');
    expect(existsSync(written())).toBe(false);
  }, 180_000);
});
