/**
 * Serves a built site the way a static host does, by the rule the link
 * checker judges links with (`servedFile` in scripts/links/distIndex.ts), so
 * what `npm start`, `npm run preview`, the browser tests and the bench serve
 * is what `check:links` assumes: `/x/` is `/x/index.html`; `/x` is the file
 * `/x`, else `/x.html`, else a redirect to `/x/` when that page exists; a miss
 * gets the `404.html` of the path's first folder (`/de/…` the German one),
 * else the root one.
 * Files are read at each request, so a new build is served without a restart.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { servedFile } from '../links/distIndex.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes served per path, for the benchmark. */
  served: Map<string, number>;
  /** The same bodies' gzip size: what a host that compresses would send. */
  servedGzip: Map<string, number>;
}

export interface ServeOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  /** Record bytes and gzip bytes per path (the bench); off for readers. */
  measure?: boolean;
}

/** What answers a request: a file with its status, or a redirect. */
export type Answer = { status: 200 | 404; file: string } | { status: 301; location: string } | { status: 400 | 404; file?: undefined };

/**
 * The host's answer for a URL path (percent-encoded, as in the request line),
 * from the files under `root`: the checker's rule, with the disk as its index.
 */
export function answer(root: string, rawPath: string, search = ''): Answer {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  const isFile = (urlPath: string) => {
    const file = join(root, urlPath);
    // join() resolves "..": a path that leaves root is never a file of the site.
    if (!file.startsWith(root + sep) || urlPath.includes('\0')) return false;
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const file = servedFile({ files: { has: isFile } }, path);
  if (file !== undefined) {
    return !path.endsWith('/') && file === `${path}/index.html`
      ? { status: 301, location: `${rawPath}/${search}` }
      : { status: 200, file: join(root, file) };
  }
  const locale = path.split('/')[1];
  for (const notFound of [locale ? `/${locale}/404.html` : undefined, '/404.html']) {
    if (notFound && isFile(notFound)) return { status: 404, file: join(root, notFound) };
  }
  return { status: 404 };
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const { port = 0, host = '127.0.0.1', measure = true } = options;
  const served = new Map<string, number>();
  const servedGzip = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const result = answer(root, url.pathname, url.search);
    if (result.status === 301) return void response.writeHead(301, { location: result.location }).end();
    if (result.file === undefined)
      return void response
        .writeHead(result.status, { 'content-type': 'text/plain; charset=utf-8' })
        .end(result.status === 400 ? 'Bad request\n' : 'Not found\n');
    let body: Buffer;
    try {
      body = readFileSync(result.file);
    } catch {
      // Removed between the lookup and the read (a build is writing dist/).
      return void response.writeHead(404).end();
    }
    if (measure) {
      served.set(url.pathname, body.length);
      servedGzip.set(url.pathname, gzipSync(body).length);
    }
    response.writeHead(result.status, {
      'content-type': TYPES[extname(result.file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${typeof address === 'object' && address ? address.port : port}`,
    served,
    servedGzip,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
