// The web view's routes on the shared HTTP server: the index, a page per meeting and per speaker,
// search, and the stylesheet. The context is read afresh on every request, so the pages follow a
// corpus that changes while the bot runs. Only corpus data is served: ids are looked up in the
// loaded corpus and never touch the filesystem, so no path can reach a file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import type { RouteHandler } from '../http/server.js';
import { profileSpeaker, profileStatsInSlices } from '../answers/profiles.js';
import {
  meetingShareData,
  meetingShareSvg,
  speakerTimelineData,
  speakerTimelineSvg,
} from '../charts/index.js';
import { renderPage, sendCss, sendError, sendHtml, STYLE_PATH } from './html.js';
import { renderMeetingPage } from './meeting-page.js';
import { renderIndexPage, renderSpeakerPage } from './pages.js';
import { readIdFromPath } from './paths.js';
import { createRateLimiter } from './rate-limit.js';
import { readSearchRequest, renderSearchPage } from './search-page.js';
import { WEB_CSS } from './style.js';

export interface WebOptions {
  /** Searches each address may make per minute (default 30). */
  searchesPerMinute?: number;
  /** The clock of the rate limit, in ms; tests pass a fake one. */
  now?: () => number;
}

/** Longest query string accepted (the question itself is cut at the engine's limit). */
export const MAX_QUERY_CHARS = 1024;

export function webRoutes(getCtx: () => AppContext, options: WebOptions = {}): RouteHandler[] {
  const limiter = createRateLimiter({
    limit: options.searchesPerMinute ?? 30,
    windowMs: 60_000,
    ...(options.now ? { now: options.now } : {}),
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const ours =
      path === '/' ||
      path === STYLE_PATH ||
      path === '/search' ||
      path === '/m' ||
      path === '/s' ||
      path.startsWith('/m/') ||
      path.startsWith('/s/');
    if (!ours) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(req, res, 405, 'This site is read-only.', { allow: 'GET, HEAD' });
      return true;
    }
    if (url.search.length > MAX_QUERY_CHARS) {
      sendError(req, res, 414, `Searches are limited to ${MAX_QUERY_CHARS} characters.`);
      return true;
    }
    if (path === STYLE_PATH) {
      sendCss(req, res, WEB_CSS);
      return true;
    }
    const ctx = getCtx();
    if (path === '/') {
      sendHtml(req, res, 200, renderPage(renderIndexPage(ctx.corpus)));
      return true;
    }
    if (path === '/search') {
      const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) {
        sendError(req, res, 429, `Too many searches from your address; try again in ${wait} s.`, {
          'retry-after': String(wait),
        });
        return true;
      }
      const request = readSearchRequest(url.searchParams);
      sendHtml(
        req,
        res,
        200,
        renderPage({ ...renderSearchPage(ctx.index, request), query: request.q }),
      );
      return true;
    }
    const meetingId = readIdFromPath(path, '/m/');
    if (meetingId !== null) {
      const meeting = ctx.corpus.meetings.find((m) => m.id === meetingId);
      if (!meeting) return notFound(req, res, 'No meeting record has this address.');
      const known = new Set(ctx.corpus.speakers.map((s) => s.name));
      // The same speaker-share chart as /meeting, as SVG (a report naming no speaker has none).
      const share = meeting.statements.some((s) => s.speaker)
        ? meetingShareSvg(meetingShareData(meeting))
        : null;
      sendHtml(req, res, 200, renderPage(renderMeetingPage(meeting, known, share)));
      return true;
    }
    const name = readIdFromPath(path, '/s/');
    if (name !== null) {
      const speaker = ctx.corpus.speakers.find((s) => s.name === name);
      if (!speaker) return notFound(req, res, 'No speaker in the records has this name.');
      const stats = await profileStatsInSlices(ctx, ctx.index.data.lookup);
      const profile = profileSpeaker(stats, speaker);
      // The same timeline as /who, as SVG.
      const timeline = profile.silent
        ? null
        : speakerTimelineSvg(
            speakerTimelineData(
              profile.name,
              profile.meetings,
              stats.statementsBySpeaker.get(profile.name) ?? [],
            ),
          );
      sendHtml(req, res, 200, renderPage(renderSpeakerPage(profile, timeline)));
      return true;
    }
    // "/m", "/s", or a badly encoded id: there is no listing of folders or files.
    return notFound(req, res, 'There is nothing at this address.');
  }

  return [handle];
}

function notFound(req: IncomingMessage, res: ServerResponse, message: string): true {
  sendError(req, res, 404, message);
  return true;
}
