/**
 * The `app://mailflow/` protocol handler: serves files from the built renderer folder, nothing
 * outside it, GET only, with the CSP and nosniff headers on every response.
 */
import path from 'node:path';
import { APP_HOST } from './app-location';
import { hasReservedSegment } from './file-safety';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppProtocolOptions {
  /** Absolute path of the built renderer folder (out/renderer). */
  root: string;
  readFile(filePath: string): Promise<Uint8Array>;
  contentSecurityPolicy: string;
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = path.resolve(options.root);
  const securityHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return refuse(404, 'Not found');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (pathname === '/' || pathname === '') pathname = '/index.html';
    const resolved = path.resolve(root, `.${pathname}`);
    // Path traversal (`..`, encoded separators, absolute paths) must stay inside the renderer folder.
    if (!resolved.startsWith(root + path.sep) || pathname.includes('\0')) return refuse(403, 'Forbidden');
    // On Windows `nul`, `con.js`, `com1`… open devices wherever they appear in a path.
    if (hasReservedSegment(pathname)) return refuse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await options.readFile(resolved);
    } catch {
      return refuse(404, 'Not found');
    }
    const type = CONTENT_TYPES[path.extname(resolved).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': type },
    });
  };
}
