/**
 * Serves a built site on 127.0.0.1 the way a static host does: `index.html`
 * for folders, a redirect to the trailing slash, and the locale's `404.html`
 * (else the root one) for what does not exist.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain', '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes served per path, for the benchmark. */
  served: Map<string, number>;
  /** The same bodies' gzip size: what a host that compresses would send. */
  servedGzip: Map<string, number>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const served = new Map<string, number>();
  const servedGzip = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return void response.writeHead(301, { location: `${path}/` }).end();
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      const locale = path.split('/')[1] ?? '';
      file = existsSync(join(root, locale, '404.html')) ? join(root, locale, '404.html') : join(root, '404.html');
    }
    const body = readFileSync(file);
    served.set(path, body.length);
    servedGzip.set(path, gzipSync(body).length);
    response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    served,
    servedGzip,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
