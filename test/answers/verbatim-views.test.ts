// Every view shows record text verbatim (escaped for Markdown, clipped so the citation stays in
// view) and names a meeting by its title or file name inside the corpus folder, never a path.
import { describe, expect, it } from 'vitest';
import { buildStatementField, buildContextView } from '../../src/answers/ask-view.js';
import { buildMeetingView } from '../../src/answers/meeting-view.js';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
} from '../../src/answers/profiles.js';
import {
  buildQuoteView,
  buildContextView as buildQuoteContext,
} from '../../src/answers/quote-view.js';
import type { ReplyView } from '../../src/answers/view.js';
import { buildWhoView } from '../../src/answers/who-view.js';
import { unescapeMarkdown } from '../../src/answers/format.js';
import type { Speaker } from '../../src/corpus/types.js';
import { buildFixtureCorpus, buildMeeting } from './fixture-corpus.js';

const STARS = Array.from({ length: 300 }, (_, i) => `*_${i}_*`).join(' ');
const TEXT = [
  'HARBOUR BOARD',
  '',
  'Mayor Lindqvist: The *harbour* fee stays, the ~~old~~ ferry goes.',
  '',
  `Clerk Ostberg: ${STARS}`,
  '',
].join('\n');

const meeting = {
  ...buildMeeting({
    id: 'harbour/2026-05-02-harbour.txt',
    title: null,
    date: '2026-05-02',
    source: 'https://example.org/harbour',
    text: TEXT,
    statements: [
      {
        speaker: 'Anna Lindqvist',
        kind: 'quote',
        text: 'The *harbour* fee stays, the ~~old~~ ferry goes.',
      },
      { speaker: 'Per Ostberg', kind: 'quote', text: STARS },
    ],
  }),
  // As loaded from CORPUS_DIR=/srv/bot/corpus.
  file: '/srv/bot/corpus/harbour/2026-05-02-harbour.txt',
};
const people: Speaker[] = [
  { name: 'Anna Lindqvist', role: 'Mayor', aliases: ['Lindqvist'] },
  { name: 'Per Ostberg', role: 'Clerk', aliases: ['Ostberg'] },
] as Speaker[];
const corpus = buildFixtureCorpus([meeting], people);
const [fee, stars] = meeting.statements as [
  (typeof meeting.statements)[0],
  (typeof meeting.statements)[0],
];

function allText(view: ReplyView): string {
  const parts = [view.content ?? ''];
  for (const c of view.cards) {
    parts.push(c.title ?? '', c.description ?? '', c.footer ?? '');
    for (const f of c.fields) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

describe('views on a meeting with no title, loaded by absolute path', () => {
  const stats = buildProfileStats(corpus);
  const views: [string, ReplyView][] = [
    ['/ask context', buildContextView(fee, meeting)],
    ['/who', buildWhoView(buildSpeakerProfile(corpus, 'lindqvist', stats))],
    ['/meeting', buildMeetingView(buildMeetingDigest(corpus, '2026-05-02', stats))],
    [
      '/quote',
      buildQuoteView(
        corpus,
        { statement: fee, meeting, onThisDay: false },
        {
          heading: { kind: 'random' },
          ephemeral: false,
        },
      ),
    ],
    ['/quote context', buildQuoteContext(corpus, fee)],
  ];

  it.each(views)('%s never shows the path it was loaded by', (_name, view) => {
    const text = allText(view);
    expect(text).not.toContain('/srv/');
    expect(text).toContain('Harbour, 2 May 2026');
  });

  it.each(views)('%s shows the quote with its Markdown escaped', (_name, view) => {
    expect(allText(view)).toContain('The \\*harbour\\* fee stays, the \\~\\~old\\~\\~ ferry goes.');
  });

  it('cites the file inside the corpus folder, with the source link, on /quote too', () => {
    const view = views[3]?.[1] as ReplyView;
    const source = view.cards[0]?.fields.find((f) => f.name === 'Source')?.value;
    expect(source).toBe(
      '¶2 of harbour/2026-05-02-harbour.txt · [source](https://example.org/harbour)',
    );
  });
});

describe('a quote full of Markdown', () => {
  it('fits its field with the citation in view, and reads back as the record has it', () => {
    const field = buildStatementField(stars, meeting);
    expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(field.value).toMatch(
      /\n¶3 of harbour\/2026-05-02-harbour\.txt · \[source\]\(https:\/\/example\.org\/harbour\)$/,
    );
    const quote = unescapeMarkdown(field.value.split('\n')[0] ?? '');
    expect(quote.startsWith('“*_0_* *_1_* *_2_*')).toBe(true);
    expect(quote.endsWith('…”')).toBe(true);
  });
});
