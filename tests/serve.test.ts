/**
 * `npm start` as the README tells a newcomer to run it: it builds, serves the
 * site the way the link checker assumes a static host answers (a page without
 * its trailing slash redirects to the page, a miss under /de/ gets the German
 * 404 page), and Ctrl-C (SIGINT to the terminal's process group) leaves
 * nothing running and nothing listening.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from './helpers/project.ts';
import { NPM_BUILD_LIMIT_MS } from './helpers/work.ts';

let project: ProjectCopy | undefined;
afterAll(() => project?.remove());

/** Whether anything accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it(
    'builds, serves as the link checker assumes a host does, and stops on Ctrl-C with nothing left listening',
    async () => {
      project = copyProject();
      // Detached: its own process group, as a terminal gives the command it runs.
      const child = spawn('npm', ['start', '--', '--port', '0', '--host', '127.0.0.1'], {
        cwd: project.dir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const match = /Serving dist\/ at (http:\/\/\S+?)\/? /.exec(output);
          if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
        });
        void exited.then((code) => reject(new Error(`npm start ended (${code}) before serving:\n${output}`)));
      });
      try {
        const redirect = await fetch(`${url}/en/lead-management`, { redirect: 'manual' });
        expect(redirect.status).toBe(301);
        expect(redirect.headers.get('location')).toBe('/en/lead-management/');
        const page = await fetch(`${url}/en/lead-management`);
        expect(page.status).toBe(200);
        expect(page.url).toBe(`${url}/en/lead-management/`);
        const missing = await fetch(`${url}/de/gibt-es-nicht`);
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('Seite nicht gefunden');
      } finally {
        // Ctrl-C in a terminal: SIGINT to the whole foreground process group.
        process.kill(-child.pid!, 'SIGINT');
      }
      await exited;
      const port = Number(new URL(url).port);
      await expect(listening(port)).resolves.toBe(false);
      // npm itself may end a moment before the server it started has finished closing: give the group a few
      // seconds (closing a server is the same work whatever the site's size), then nothing may be left.
      for (let waited = 0; groupAlive(child.pid!) && waited < 10_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(groupAlive(child.pid!), 'a process of npm start is still running').toBe(false);
      expect(output).not.toMatch(/npm error/);
      // `npm run build` (the site and both checks), then a few requests.
    },
    NPM_BUILD_LIMIT_MS + 60_000,
  );
});
