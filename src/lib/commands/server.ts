// A small static file server for a built site, like the web server of a county portal: files
// under the base path (e.g. /yusuan/) come from the dist folder, a directory URL ending in `/`
// serves its index.html, a directory URL without the slash redirects to it, anything else is 404:
// under the base path with the site's own 404.html when it has one (as the web-server settings in
// docs/网站.md make nginx, Apache and IIS do), outside it as plain text (that is the portal's).
// The tests serve builds with it as it is; `npm run preview` adds gzip and the security headers
// of the documented nginx settings (ServeOptions), so that a page that works there works there.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The security headers the pages allow, sent by `npm run preview` and written in the nginx snippet
 * of docs/发布.md (tests/browser/nginx.test.ts serves the site with that snippet and checks that
 * every page runs without a CSP violation). Scripts: only the site's own files and wasm (the
 * search), plus the two small inline scripts of src/layouts/Base.astro by their hash (the text
 * size must be set before first paint, so that one cannot be a file); edit either script and its
 * hash here and in the docs changes (the test prints the new one). Styles keep 'unsafe-inline':
 * Astro inlines small component stylesheets and charts set their height in a style attribute.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'sha256-wp2NWC0vFbxX+TNrIW+xiqlqnynfzFAUKGsZ1bRnNpE=' 'sha256-wmYjt6EV88OTmnPlIf5xokhdy91S8e3mYIYMgJIY1/4='",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Types worth compressing (text); images, spreadsheets, wasm and Pagefind's files are compressed already or are not text. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|yaml|manifest\+json)|image\/svg\+xml)/;

export interface ServeOptions {
  /** Headers sent with every file and page (e.g. SECURITY_HEADERS). */
  headers?: Record<string, string>;
  /** gzip text when the browser accepts it, as a web server does. */
  gzip?: boolean;
  /** Port to listen on (0: any free port). */
  port?: number;
  host?: string;
}

/** The page a built site has for addresses it does not have (src/pages/404.astro). */
export const NOT_FOUND_PAGE = '404.html';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** origin + base path, e.g. `http://127.0.0.1:PORT/yusuan/` */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves `root` under `basePath` (`/` or `/yusuan/`), by default on 127.0.0.1 at an ephemeral port. */
export async function startStaticServer(root: string, basePath = '/', options: ServeOptions = {}): Promise<StaticServer> {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new Error(`base path must start and end with /: ${basePath}`);
  const dir = resolve(root);
  const server: Server = createServer((req, res) => {
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...options.headers, ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    /** A file with its status, gzipped when asked for and worth it. */
    const sendFile = (status: number, file: string, size: number, type: string) => {
      const gzip = options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        ...options.headers,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : { 'content-length': String(size) }),
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file).on('error', () => res.destroy());
      (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(400, 'Bad Request');
    }
    if (!path.startsWith(basePath) || path.includes('\0')) return send(404, 'Not Found');
    /** The site's 404 page with status 404, or plain text when the site has none. */
    const notFound = async () => {
      const page = resolve(dir, NOT_FOUND_PAGE);
      const info = await stat(page).catch(() => undefined);
      if (!info?.isFile()) return send(404, 'Not Found');
      sendFile(404, page, info.size, CONTENT_TYPES['.html']!);
    };
    const relative = path.slice(basePath.length);
    const file = resolve(dir, relative);
    void (async () => {
      if (file !== dir && !file.startsWith(dir + sep)) return notFound();
      let target = file;
      let info = await stat(target).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) return send(301, 'Moved Permanently', { location: `${url.pathname}/${url.search}` });
        target = resolve(file, 'index.html');
        info = await stat(target).catch(() => undefined);
      }
      if (!info?.isFile()) return notFound();
      sendFile(200, target, info.size, contentTypeOf(target));
    })().catch(() => {
      if (!res.headersSent) send(500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${basePath}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
