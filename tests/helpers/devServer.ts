/**
 * `astro dev` on a copy of the project, run as a person runs it (without what
 * Vitest adds to the environment), on a free port of 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './project.ts';

export interface DevServer {
  origin: string;
  /** Everything the server printed so far: for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export async function startDevServer(dir: string, env: NodeJS.ProcessEnv = {}): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: dir,
      env: {
        ...developmentEnv(),
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
    const ready = () => (output.includes(origin) ? resolve() : setTimeout(ready, 200));
    ready();
  });
  return {
    origin,
    output: () => output,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/** This process's environment without what Vitest adds (NODE_ENV=test, VITEST…): astro dev runs as a person would run it. */
function developmentEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
