// HTML for the web view: escaping (every piece of record or query text goes through `esc`), the
// page frame every page shares, and the headers that keep a page from running anything.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { plainText } from '../corpus/text.js';

/** Record or user text as HTML text or attribute value: nothing in it can become markup. */
export function esc(text: string): string {
  return plainText(text)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** The stylesheet's address: CSS is served from a route, so the policy needs no inline style. */
export const STYLE_PATH = '/assets/web.css';

/**
 * No script at all, styles only from this site, forms only to this site, never framed. The pages
 * need no script: anchors and :target do the highlighting.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
} as const;

export interface PageParts {
  title: string;
  /** Already-escaped HTML of the page's main content. */
  body: string;
  /** Text for the search box (escaped here). */
  query?: string;
}

/** A whole page: header with the site's name and a search box, then the content. */
export function renderPage(page: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(page.title)} · Verbatim</title>
<link rel="stylesheet" href="${STYLE_PATH}">
</head>
<body>
<header class="site">
<a class="home" href="/">Verbatim</a>
<form class="search" action="/search" method="get" role="search">
<label for="site-q" class="sr-only">Search the records</label>
<input id="site-q" name="q" type="search" maxlength="300" value="${esc(page.query ?? '')}" placeholder="Search what was said">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
${page.body}
</main>
</body>
</html>
`;
}

/** Sends a page (or only its headers, for HEAD) with the security headers. */
export function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    // The corpus may change at any moment (live reload): never serve a stale page from a cache.
    'cache-control': 'no-cache',
    'content-length': String(Buffer.byteLength(html)),
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

export function sendCss(req: IncomingMessage, res: ServerResponse, css: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    'content-length': String(Buffer.byteLength(css)),
  });
  res.end(req.method === 'HEAD' ? undefined : css);
}

/** A short page that says what went wrong (404, 405, 414, 429). */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  const title = STATUS_TITLES[status] ?? 'Error';
  sendHtml(
    req,
    res,
    status,
    renderPage({
      title,
      body: `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>\n<p><a href="/">All meetings</a></p>`,
    }),
    extra,
  );
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  414: 'Address too long',
  429: 'Too many searches',
};
