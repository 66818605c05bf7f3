// The index (every meeting, every speaker) and a speaker's page (the same profile /who shows).
import type { Corpus, Meeting } from '../corpus/types.js';
import type { SpeakerProfile } from '../answers/profiles.js';
import { meetingTitle } from '../answers/format.js';
import { formatLongDate } from '../answers/quote-view.js';
import { esc } from './html.js';
import { meetingPath, speakerPath, statementPath } from './paths.js';

/** Newest first; undated meetings last, in load order. */
function byDate(a: Meeting, b: Meeting): number {
  if (a.date && b.date) return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
  return a.date ? -1 : b.date ? 1 : 0;
}

function meetingLink(m: { id: string; title: string | null; date: string | null }): string {
  const when = m.date ? formatLongDate(m.date) : 'undated';
  return `<a href="${esc(meetingPath(m.id))}">${esc(meetingTitle(m))}</a> <span class="meta">· ${esc(when)}</span>`;
}

export function renderIndexPage(corpus: Corpus): { title: string; body: string } {
  const out = [`<h1>Meeting records</h1>`];
  if (corpus.meetings.length === 0) {
    out.push(`<p>No records are loaded yet.</p>`);
    return { title: 'Meeting records', body: out.join('\n') };
  }
  out.push(
    `<p class="meta">${corpus.meetings.length} meeting${corpus.meetings.length === 1 ? '' : 's'}, ${corpus.statements.length} statements. Every statement links to its place in the record.</p>`,
    `<ul class="plain meetings">`,
  );
  for (const m of [...corpus.meetings].sort(byDate)) {
    const n = m.statements.length;
    out.push(
      `<li>${meetingLink(m)} <span class="meta">· ${n} statement${n === 1 ? '' : 's'}</span></li>`,
    );
  }
  out.push(`</ul>`);
  const speakers = corpus.speakers.filter((s) => !s.generic);
  if (speakers.length > 0) {
    out.push(`<h2>Speakers</h2>`, `<ul class="plain speakers">`);
    for (const s of [...speakers].sort((a, b) => a.name.localeCompare(b.name))) {
      const role = s.role ? ` <span class="meta">· ${esc(s.role)}</span>` : '';
      out.push(`<li><a href="${esc(speakerPath(s.name))}">${esc(s.name)}</a>${role}</li>`);
    }
    out.push(`</ul>`);
  }
  return { title: 'Meeting records', body: out.join('\n') };
}

export function renderSpeakerPage(
  p: SpeakerProfile,
  /** The /who timeline as SVG (made by src/charts, which escapes what it draws), or null. */
  timelineSvg: string | null = null,
): { title: string; body: string } {
  const out = [`<h1>${esc(p.name)}</h1>`];
  if (p.roles.length > 0) out.push(`<p class="meta">Role: ${esc(p.roles.join('; '))}</p>`);
  if (p.aliases.length > 0)
    out.push(`<p class="meta">Also called: ${esc(p.aliases.join(', '))}</p>`);
  const spokeIn = p.meetings.filter((m) => m.spoke).length;
  out.push(
    p.silent
      ? `<p>Present at ${p.meetings.length} meeting${p.meetings.length === 1 ? '' : 's'} in the records, with no statements of their own.</p>`
      : `<p>${p.statements} statement${p.statements === 1 ? '' : 's'} in ${spokeIn} meeting${spokeIn === 1 ? '' : 's'}.</p>`,
  );
  if (timelineSvg) out.push(`<figure class="chart">${timelineSvg}</figure>`);
  if (p.topics.length > 0) out.push(`<h2>Talks about</h2>`, `<p>${esc(p.topics.join(', '))}</p>`);
  if (p.quotes.length > 0) {
    out.push(`<h2>Representative quotes</h2>`);
    for (const q of p.quotes) {
      const words = q.kind === 'quote' || q.kind === 'turn' ? `“${q.text}”` : q.text;
      const place = `¶${q.paragraph} of ${q.meeting.id}${q.time ? `, at ${q.time}` : ''}`;
      out.push(
        `<section class="st ${q.kind}">`,
        `<p class="words">${esc(words)}${q.kind === 'paraphrase' ? ' <span class="kind">(reported)</span>' : ''}</p>`,
        `<p class="cite"><a href="${esc(statementPath(q.statementId, q.meeting.id))}">${esc(place)}</a> · ${esc(meetingTitle(q.meeting))}</p>`,
        `</section>`,
      );
    }
  }
  if (p.meetings.length > 0) {
    out.push(`<h2>Meetings</h2>`, `<ul class="plain">`);
    for (const m of p.meetings)
      out.push(
        `<li>${meetingLink(m)}${m.spoke ? '' : ' <span class="meta">(present)</span>'}</li>`,
      );
    out.push(`</ul>`);
  }
  return { title: p.name, body: out.join('\n') };
}
