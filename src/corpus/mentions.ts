// Finding people in a sentence: titled names ("Azerbaijani President Ilham Aliyev"), honorifics
// ("Ayatollah Khamenei"), role descriptions ("the president of Azerbaijan", "Sri Lanka's
// president"), known names and surnames, and subject pronouns.
import { canonicalPlaces, isCountry } from './countries.js';
import type { Token } from './text.js';

export type MentionKind = 'name' | 'role' | 'pronoun';

export interface Mention {
  kind: MentionKind;
  /** Personal name without honorifics ("Ali Khamenei", "Trump"), null for roles and pronouns. */
  name: string | null;
  /** The role the mention gives ("President of the Republic of Azerbaijan"), if any. */
  role: string | null;
  /** Head title word of the role, lower case ("president", "leader", "prime minister"). */
  head: string | null;
  /** Lower-case qualifier words of the role ("azerbaijan", "republic"). */
  quals: string[];
  /** The mention as written. */
  text: string;
  /**
   * The form to keep as an alias: the mention as written, except that a role glued before an
   * honorific ("Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei") is left out.
   */
  alias: string;
  start: number;
  end: number;
  /** Token index range [first, last]. */
  first: number;
  last: number;
  possessive: boolean;
}

/** Head titles: a role is named after one of these. Multi-word heads are joined with a space. */
export const HEAD_TITLES = new Set(
  (
    'president minister premier chancellor king queen prince princess emir amir sultan leader secretary ' +
    'secretary-general ambassador envoy governor mayor councillor councilor senator congressman congresswoman ' +
    'representative speaker chairman chairwoman chairperson chair commissioner director director-general ' +
    'admiral pope patriarch spokesman spokeswoman spokesperson adviser advisor justice judge commander ' +
    'clerk treasurer ceo dean pm vp mp foreman superintendent headteacher principal rapporteur ' +
    'harbourmaster harbormaster postmaster headmaster headmistress quartermaster stationmaster sheriff ' +
    'inspector captain colonel lieutenant sergeant warden provost rector archbishop cardinal rabbi ' +
    'ombudsman registrar coroner alderman alderwoman magistrate attorney prosecutor head ' +
    'councilmember councilwoman councilman alderperson selectman selectwoman trustee supervisor ' +
    'manager administrator engineer planner forester auditor solicitor assessor comptroller librarian ' +
    'coordinator delegate ald cllr coun supt atty commr mgr'
  ).split(' '),
);

/** Words that only qualify a head title ("Prime", "Vice", "Supreme"). */
const TITLE_MODIFIERS = new Set(
  'prime vice deputy foreign supreme chief first acting former interim grand crown executive general state high senior assistant associate'.split(
    ' ',
  ),
);

/** Forms of address that precede a name and are not part of it. */
export const HONORIFICS = new Set(
  'mr mrs ms miss mx dr sir dame lord lady ayatollah hojatoleslam hojjatoleslam seyyed sayyed sayed sheikh shaikh imam prof professor rev reverend father madam madame excellency sayyid syed seyed'.split(
    ' ',
  ),
);

const NAME_PARTICLES = new Set(
  'al el bin ibn abu de di da van von der den le la du dos das del ter ten bint'.split(' '),
);

/** Capitalised title words that end a place ("of Westholm Before Bilateral Meeting"). */
const ENDS_PLACE = new Set(
  'before after during in on at with and to for from by meeting bilateral conference press remarks talks summit visit session statement statements dinner luncheon joint availability signing ceremony event'.split(
    ' ',
  ),
);

/** Bodies that name an office before its title ("a Ministry spokesperson", "the Council clerk"). */
const INSTITUTIONS = new Set(
  'ministry government house kremlin council office embassy commission parliament court party army university congress senate assembly'.split(
    ' ',
  ),
);

const COURTESY = new Set(['eminence', 'excellency', 'holiness', 'majesty', 'highness']);

const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their']);

/** Capitalised words that start sentences or name things but are never part of a person's name. */
const NOT_NAME = new Set(
  (
    'the a an this that these those he she it they we i you during in on at for with after before while when ' +
    'meanwhile elsewhere also and but or however then later earlier today yesterday tomorrow monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april june july august september october ' +
    'november december as if of to by from his her their our my your its there here what which who whom whose ' +
    'thank thanks welcome dear ladies gentlemen colleagues friends mr president' +
    ' islamic republic revolution government ministry council commission union nations kingdom states house ' +
    'kremlin parliament assembly congress senate office embassy court party army bank university'
  ).split(' '),
);

const TITLE_MULTI: [string, string][] = [
  ['prime', 'minister'],
  ['vice', 'president'],
  ['secretary', 'general'],
  ['supreme', 'leader'],
  ['foreign', 'minister'],
  ['crown', 'prince'],
];

/**
 * Whether a paragraph can teach us a name: it has a title or honorific, or two capitalised
 * words in a row. Most paragraphs ("Aliyev then noted…") cannot, and are skipped cheaply.
 */
export function mayNameSomeone(s: string, offset: number, tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!t.cap) continue;
    if (isTitleWord(t.low) || HONORIFICS.has(t.low)) return true;
    const n = tokens[k + 1];
    if (n && (n.cap || n.low.startsWith('al-')) && adjacent(s, t, n, offset)) return true;
  }
  return false;
}

export function isHeadTitle(low: string): boolean {
  return HEAD_TITLES.has(low);
}

function isTitleWord(low: string): boolean {
  return HEAD_TITLES.has(low) || TITLE_MODIFIERS.has(low) || isCompoundTitle(low);
}

/** "under-secretary-general", "vice-chairman", "co-chair": a hyphenated title ending in one. */
function isCompoundTitle(low: string): boolean {
  const dash = low.indexOf('-');
  if (dash <= 0) return false;
  const parts = low.split('-');
  return (
    parts.some((w) => HEAD_TITLES.has(w)) &&
    parts.every((w) => HEAD_TITLES.has(w) || TITLE_MODIFIERS.has(w) || TITLE_PREFIXES.has(w))
  );
}

const TITLE_PREFIXES = new Set(['under', 'co', 'ex', 'vice', 'deputy', 'general']);

/** Headline verbs ("Leader Meets with…", "President Says…"): capitalised, never a name. */
function isHeadlineVerb(t: Token): boolean {
  return t.low.endsWith('s') && (REPORTING.has(t.low) || HEADLINE_VERBS.has(t.low));
}

const HEADLINE_VERBS = new Set(
  'meets receives visits hosts holds attends opens chairs signs vows wins sees seeks backs'.split(
    ' ',
  ),
);

export function isHonorific(low: string): boolean {
  return HONORIFICS.has(low);
}

function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.cap)
    return (
      !NOT_NAME.has(t.low) &&
      !isTitleWord(t.low) &&
      !HONORIFICS.has(t.low) &&
      !/^\p{N}/u.test(t.text) &&
      !isHeadlineVerb(t)
    );
  // "al-Abadi", "bin Salman", "van der Berg"
  const dash = t.low.indexOf('-');
  if (dash > 0 && NAME_PARTICLES.has(t.low.slice(0, dash)))
    return /\p{Lu}/u.test(t.text[dash + 1] ?? '');
  return false;
}

function isParticle(t: Token | undefined, next: Token | undefined): boolean {
  return !!t && !t.cap && NAME_PARTICLES.has(t.low) && !!next && next.cap;
}

/** Only whitespace between two tokens (no comma, dash or bracket). */
function adjacent(s: string, a: Token, b: Token, offset: number): boolean {
  const gap = s.slice(a.end - offset, b.start - offset);
  return /^\s+$/.test(gap);
}

export interface KnownNames {
  /**
   * The first full name known in this document ("Jose Manuel Barroso") that `text` ends with
   * after a space, to split "of the European Commission Jose Manuel Barroso".
   */
  fullNameEnding(text: string): string | undefined;
  /** Lower-case names and surnames known to be people ("aliyev", "vladimir putin"). */
  isKnown(lowWords: string[]): boolean;
}

/** The name words (at most four) that start at token `from`: "Ilham Aliyev", "Haider al-Abadi". */
function readNameRun(
  s: string,
  tk: Token[],
  from: number,
  offset: number,
): { nameToks: Token[]; end: number } {
  const nameToks: Token[] = [];
  let n = from;
  while (
    n < tk.length &&
    nameToks.length < 4 &&
    adjacent(s, tk[n - 1] as Token, tk[n] as Token, offset)
  ) {
    const x = tk[n] as Token;
    if (isNameToken(x) || (nameToks.length > 0 && isParticle(x, tk[n + 1]))) {
      nameToks.push(x);
      n++;
      if (x.possessive) break;
    } else break;
  }
  return { nameToks, end: n };
}

export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'\u2019.(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_m, c: string) => 'Mc' + c.toUpperCase());
}

/**
 * Every person mention in the token list (tokens of `s`, whose first char sits at `offset` in the
 * coordinate system of the tokens). Mentions do not overlap and come in text order.
 */
export function findMentions(
  s: string,
  tokens: Token[],
  offset: number,
  known: KnownNames,
): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = mentionAt(s, tokens, i, offset, known);
    if (m) {
      out.push(m);
      i = m.last + 1;
    } else i++;
  }
  return out;
}

function makeMention(
  s: string,
  tk: Token[],
  offset: number,
  kind: MentionKind,
  first: number,
  last: number,
  name: string | null,
  role: string | null,
  head: string | null,
  quals: string[],
): Mention {
  const a = tk[first] as Token;
  const b = tk[last] as Token;
  return {
    kind,
    name,
    role,
    head,
    quals: quals.length ? canonicalPlaces(quals) : quals,
    text: s.slice(a.start - offset, b.end - offset),
    alias: s.slice(a.start - offset, b.end - offset),
    start: a.start,
    end: b.end,
    first,
    last,
    possessive: b.possessive,
  };
}

/** "of the Republic of Azerbaijan", "of Russia", "of the Islamic revolution" after a title. */
function readOfPhrase(
  s: string,
  tk: Token[],
  e: number,
  offset: number,
): { run: Token[]; last: number } {
  const ofRun: Token[] = [];
  let last = -1;
  let q = e;
  while (
    (tk[q]?.low === 'of' || (tk[q]?.low === 'for' && tk[q + 1]?.cap)) &&
    adjacent(s, tk[q - 1] as Token, tk[q] as Token, offset)
  ) {
    let r = q + 1;
    if (tk[r]?.low === 'the' && adjacent(s, tk[r - 1] as Token, tk[r] as Token, offset)) r++;
    const run: Token[] = [];
    while (
      r < tk.length &&
      (tk[r] as Token).cap &&
      adjacent(s, tk[r - 1] as Token, tk[r] as Token, offset) &&
      !HONORIFICS.has((tk[r] as Token).low) &&
      !ENDS_PLACE.has((tk[r] as Token).low)
    ) {
      run.push(tk[r] as Token);
      r++;
      if ((tk[r - 1] as Token).possessive) break;
    }
    if (run.length === 0) break;
    // "the Islamic revolution—": one lower-case word ends the phrase when punctuation follows.
    const lowTail = tk[r];
    if (
      lowTail &&
      !lowTail.cap &&
      !(run[run.length - 1] as Token).possessive &&
      adjacent(s, tk[r - 1] as Token, lowTail, offset) &&
      /^[^\s\w]/.test(s.slice(lowTail.end - offset, lowTail.end - offset + 1)) &&
      !isReportingVerb(lowTail.low)
    ) {
      run.push(lowTail);
      r++;
    }
    for (const t of run) ofRun.push(t);
    last = r - 1;
    q = r;
  }
  return { run: ofRun, last };
}

function readPlaceAfterName(
  s: string,
  tk: Token[],
  lastTok: number,
  offset: number,
): { text: string; quals: string[]; end: number } | null {
  const after = tk[lastTok + 1];
  if (
    after?.low !== 'of' ||
    (tk[lastTok] as Token).possessive ||
    !adjacent(s, tk[lastTok] as Token, after, offset)
  )
    return null;
  let r = lastTok + 2;
  if (tk[r]?.low === 'the') r++;
  const place: Token[] = [];
  while (
    r < tk.length &&
    place.length < 4 &&
    (tk[r] as Token).cap &&
    adjacent(s, tk[r - 1] as Token, tk[r] as Token, offset) &&
    !HONORIFICS.has((tk[r] as Token).low) &&
    !ENDS_PLACE.has((tk[r] as Token).low)
  ) {
    place.push(tk[r] as Token);
    r++;
  }
  if (place.length === 0) return null;
  return {
    text: s.slice(after.start - offset, (place[place.length - 1] as Token).end - offset),
    quals: place.map((x) => x.low),
    end: r - 1,
  };
}

/**
 * The titled path: [determiner | modifiers] TITLE... [of ...] [honorifics] [Name]. Returns
 * undefined when no title starts here, null for a vocative ("Mr President").
 */
function titledMentionAt(
  s: string,
  tk: Token[],
  i: number,
  offset: number,
  known: KnownNames,
  det: boolean,
  poss: boolean,
  modStart: number,
  k: number,
): Mention | null | undefined {
  const tail = tk[k];
  const lowerOk = det || poss || k > modStart;
  if (
    tail &&
    isTitleWord(tail.low) &&
    (tail.cap || lowerOk) &&
    (k === modStart || adjacent(s, tk[k - 1] as Token, tail, offset))
  ) {
    // Title chain
    let e = k;
    let hasHead = false;
    const titleWords: string[] = [];
    while (e < tk.length) {
      const x = tk[e] as Token;
      if (!isTitleWord(x.low) || !(x.cap || lowerOk)) break;
      if (e > k && !adjacent(s, tk[e - 1] as Token, x, offset)) break;
      titleWords.push(x.low);
      if (HEAD_TITLES.has(x.low) || isCompoundTitle(x.low)) hasHead = true;
      e++;
      if (x.possessive) {
        // "the Prime Minister's spokesperson": the office after the possessive is the one meant.
        const y = tk[e];
        if (!y || !HEAD_TITLES.has(y.low) || y.cap || !adjacent(s, x, y, offset)) break;
        titleWords.length = 0;
        hasHead = false;
      }
    }
    if (hasHead) {
      let head = titleWords.filter((w) => HEAD_TITLES.has(w) || isCompoundTitle(w)).join(' ');
      if (titleWords.length > 1)
        for (const [a, b] of TITLE_MULTI)
          if (titleWords.includes(a) && titleWords.includes(b)) head = `${a} ${b}`;
      let last = e - 1;
      const quals: string[] = tk.slice(modStart, k).map((x) => x.low);
      for (const w of titleWords) if (!HEAD_TITLES.has(w) && !head.includes(w)) quals.push(w);
      // "of the Republic of Azerbaijan", "of Russia", "of the Islamic revolution"
      const ofPhrase = readOfPhrase(s, tk, e, offset);
      const ofRun = ofPhrase.run;
      if (ofPhrase.last >= 0) last = ofPhrase.last;
      // honorifics then a name run
      let h = last + 1;
      while (
        tk[h] &&
        HONORIFICS.has((tk[h] as Token).low) &&
        (tk[h] as Token).cap &&
        adjacent(s, tk[h - 1] as Token, tk[h] as Token, offset)
      )
        h++;
      // "the Leader's statements": a possessive title owns what follows; it is not a name.
      const { nameToks } = (tk[last] as Token).possessive
        ? { nameToks: [] as Token[] }
        : readNameRun(s, tk, h, offset);
      let ofWords = ofRun;
      if (nameToks.length === 0 && ofRun.length >= 3 && !det && !poss) {
        // "President of Russia Vladimir Putin": the name ends the of-phrase.
        const joined = ofRun.map((x) => x.text).join(' ');
        const full = known.fullNameEnding(joined);
        const take = full ? full.split(' ').length : 2;
        const taken = ofRun.slice(ofRun.length - take);
        // "of the Islamic Republic of Iran": place words are no name.
        if (full || taken.every((x) => isNameToken(x) && !isCountry(x.low))) {
          nameToks.push(...taken);
          ofWords = ofRun.slice(0, ofRun.length - take);
        }
      }
      for (const x of ofWords) quals.push(x.low);
      const lastTok = nameToks.length ? tk.indexOf(nameToks[nameToks.length - 1] as Token) : last;
      const roleEnd = ofWords.length ? tk.indexOf(ofWords[ofWords.length - 1] as Token) : e - 1;
      const roleText = s
        .slice(
          (tk[det ? modStart : i] as Token).start - offset,
          (tk[roleEnd] as Token).end - offset,
        )
        .replace(/['\u2019]s$/, '');
      const filteredQuals = quals.filter((w) => !['the', 'of', 'and', 'for'].includes(w));
      if (nameToks.length) {
        // "Mr President" style vocatives have no name; a name follows the title here.
        const name = nameToks.map((x) => x.text.replace(/['\u2019]s$/, '')).join(' ');
        let role = det ? roleText.replace(/^(the|his|her|its|their|an?)\s+/i, '') : roleText;
        let end = lastTok;
        // "President Macron of France": the place after the name still belongs to the role.
        if (ofRun.length === 0) {
          const place = readPlaceAfterName(s, tk, lastTok, offset);
          if (place) {
            role = `${role} ${place.text}`;
            filteredQuals.push(...place.quals);
            end = place.end;
          }
        }
        const m = makeMention(s, tk, offset, 'name', i, end, name, role, head, filteredQuals);
        const hon = tk[last + 1] as Token;
        if (h > last + 1)
          m.alias = s.slice(hon.start - offset, (tk[lastTok] as Token).end - offset);
        return m;
      }
      // Vocative "Mr President" / "Mr. President": not a mention of a third person.
      const prev = tk[i - 1];
      if (prev && HONORIFICS.has(prev.low) && !det) return null;
      if (!det && !poss && k === modStart && !tail.cap) return null;
      return makeMention(
        s,
        tk,
        offset,
        'role',
        i,
        lastTok,
        null,
        roleText.replace(/^(the|his|her|its|their|an?)\s+/i, ''),
        head,
        filteredQuals,
      );
    }
  }
  return undefined;
}

function mentionAt(
  s: string,
  tk: Token[],
  i: number,
  offset: number,
  known: KnownNames,
): Mention | null {
  const t = tk[i];
  if (!t) return null;
  // Most words are lower case and start nothing: leave at once.
  if (
    !t.cap &&
    !DETERMINERS.has(t.low) &&
    t.low !== 'a' &&
    t.low !== 'an' &&
    t.low !== 'he' &&
    t.low !== 'she' &&
    t.low.indexOf('-') < 0
  )
    return null;
  if ((t.low === 'he' || t.low === 'she') && !t.possessive)
    return makeMention(s, tk, offset, 'pronoun', i, i, null, null, null, []);
  // "a" and "an" open a mention only before an office: "A Ministry spokesperson", "a delegate".
  if ((t.low === 'a' || t.low === 'an') && !(tk[i + 1]?.cap || isTitleWord(tk[i + 1]?.low ?? '')))
    return null;
  // "His Eminence", "Her Excellency": a courtesy form that points at the person in focus.
  const nx = tk[i + 1];
  if (
    (t.low === 'his' || t.low === 'her') &&
    t.cap &&
    nx &&
    nx.cap &&
    COURTESY.has(nx.low) &&
    !nx.possessive
  )
    return makeMention(s, tk, offset, 'pronoun', i, i + 1, null, null, null, []);

  // Role or titled name: [determiner | possessive modifier] [Cap modifiers] TITLE... [of ...] [honorifics] [Name]
  let j = i;
  let det = false;
  let poss = false;
  if (DETERMINERS.has(t.low) && !t.cap) det = true;
  if (t.low === 'the' || t.low === 'a' || t.low === 'an') det = true;
  if (det) j++;
  const modStart = j;
  // Modifiers before a title: "Azerbaijani", "UK", "European Commission", "Iran's", "Sri Lanka's".
  let k = j;
  while (k < tk.length && k - modStart < 4) {
    const x = tk[k] as Token;
    if (!x.cap || isTitleWord(x.low) || HONORIFICS.has(x.low)) break;
    // "Addressing Councillor Okafor", "During ...": verbs and function words are not modifiers.
    // ("A Downing Street spokesperson": after an article it names the office.)
    const article = k === modStart && /^(a|an|the)$/.test(tk[k - 1]?.low ?? '');
    if (
      (NOT_NAME.has(x.low) && !(INSTITUTIONS.has(x.low) && (det || k > modStart))) ||
      (!x.possessive && /(ing|ed)$/.test(x.low) && x.low.length > 4 && !article)
    )
      break;
    if (k > modStart && !adjacent(s, tk[k - 1] as Token, x, offset)) break;
    k++;
    if (x.possessive) {
      poss = true;
      break;
    }
  }
  const titled = titledMentionAt(s, tk, i, offset, known, det, poss, modStart, k);
  if (titled !== undefined) return titled;
  if (det) return null;

  // Honorific + name: "Ayatollah Seyyed Ali Khamenei", "Mr. Sirisena".
  if (HONORIFICS.has(t.low) && t.cap) {
    let h = i;
    while (
      tk[h] &&
      HONORIFICS.has((tk[h] as Token).low) &&
      (tk[h] as Token).cap &&
      (h === i || adjacent(s, tk[h - 1] as Token, tk[h] as Token, offset))
    )
      h++;
    const { nameToks, end: n } = readNameRun(s, tk, h, offset);
    if (nameToks.length) {
      const name = nameToks.map((x) => x.text.replace(/['\u2019]s$/, '')).join(' ');
      return makeMention(s, tk, offset, 'name', i, n - 1, name, null, null, []);
    }
    return null;
  }

  // A known name or surname ("Aliyev", "Vladimir Putin").
  if (isNameToken(t)) {
    const run: Token[] = [t];
    let n = i + 1;
    while (
      n < tk.length &&
      run.length < 4 &&
      !(tk[n - 1] as Token).possessive &&
      adjacent(s, tk[n - 1] as Token, tk[n] as Token, offset)
    ) {
      const x = tk[n] as Token;
      if (isNameToken(x) || isParticle(x, tk[n + 1])) {
        run.push(x);
        n++;
      } else break;
    }
    for (let len = run.length; len >= 1; len--) {
      const words = run.slice(0, len).map((x) => x.low);
      if (known.isKnown(words)) {
        const name = run
          .slice(0, len)
          .map((x) => x.text.replace(/['\u2019]s$/, ''))
          .join(' ');
        return makeMention(s, tk, offset, 'name', i, i + len - 1, name, null, null, []);
      }
    }
    // An unknown name directly followed by a reporting verb: "Angela Merkel said" (not "the
    // Task Force agreed": an article makes it a body).
    if (run.length >= 2 && !AFTER_NO_SPEAKER.has(tk[i - 1]?.low ?? '')) {
      const after = tk[i + run.length];
      if (
        after &&
        ((adjacent(s, run[run.length - 1] as Token, after, offset) &&
          isReportingVerb(after.low, tk[i + run.length + 1]?.low)) ||
          saysAfterAside(s, tk, i + run.length, offset))
      ) {
        return speakerNameMention(s, tk, offset, i, run);
      }
    }
  }
  return null;
}

/** Words after which a capitalised run is a thing or a body, not a speaker ("in Reed Elsevier"). */
const AFTER_NO_SPEAKER = new Set(
  'the in of at by from with on for to into v vs versus under against'.split(' '),
);

/** An unknown name that speaks ("Angela Merkel said", "OLGA PETROVNA (Sylvania) said"). */
function speakerNameMention(
  s: string,
  tk: Token[],
  offset: number,
  i: number,
  run: Token[],
): Mention {
  const written = run.map((x) => x.text).join(' ');
  // "OLGA PETROVNA" is Olga Petrovna.
  const name = /\p{Ll}/u.test(written) ? written : titleCase(written);
  const last = i + run.length - 1;
  const country = /^\s*\((\p{Lu}[\p{L} .'-]{1,40})\)/u.exec(
    s.slice((tk[last] as Token).end - offset),
  )?.[1];
  if (!country) return makeMention(s, tk, offset, 'name', i, last, name, null, null, []);
  // The delegate speaks for the country in brackets: "the representative of Sylvania".
  const quals = country.toLowerCase().split(/\s+/);
  const role = `Representative of ${country}`;
  return makeMention(s, tk, offset, 'name', i, last, name, role, 'representative', quals);
}

/**
 * "Jeffrey Feltman, Under-Secretary-General for Political Affairs, recalled": a short aside
 * between commas that describes the person, then a verb of saying.
 */
function saysAfterAside(s: string, tk: Token[], k: number, offset: number): boolean {
  const first = tk[k];
  if (!first) return false;
  const lead = s.slice((tk[k - 1] as Token).end - offset, first.start - offset);
  // "OLGA PETROVNA (Sylvania) said": UN coverage names a delegate with the country in brackets.
  if (/^\s*\(\s*$/.test(lead)) {
    for (let j = k; j < tk.length && j - k < 6; j++) {
      const t = tk[j] as Token;
      const next = tk[j + 1];
      if (!next) return false;
      const gap = s.slice(t.end - offset, next.start - offset);
      if (gap.includes(')'))
        return /^\s*\)\s*$/.test(gap) && isReportingVerb(next.low, tk[j + 2]?.low);
    }
    return false;
  }
  if (!/^\s*,\s*$/.test(lead)) return false;
  // "…, a resident, said" / "…, den leader, thanked": an article or a title describes a person.
  let title = first.low === 'a' || first.low === 'an' || first.low === 'the';
  for (let j = k; j < tk.length && j - k < 10; j++) {
    const t = tk[j] as Token;
    if (isTitleWord(t.low)) title = true;
    const next = tk[j + 1];
    if (!next) return false;
    const gap = s.slice(t.end - offset, next.start - offset);
    if (/[.;:()\u201c\u201d"]/.test(gap)) return false;
    if (gap.includes(',')) return title && isReportingVerb(next.low, tk[j + 2]?.low);
  }
  return false;
}

const REPORTING = new Set(
  (
    'say says said saying note notes noted noting stress stresses stressed stressing emphasize emphasizes emphasized emphasizing ' +
    'emphasise emphasises emphasised emphasising mention mentions mentioned mentioning describe describes described describing ' +
    'refer refers referred referring point points pointed pointing add adds added adding state states stated stating explain ' +
    'explains explained explaining call calls called calling urge urges urged urging warn warns warned warning express expresses ' +
    'expressed expressing acknowledge acknowledges acknowledged acknowledging underline underlines underlined underlining ' +
    'underscore underscores underscored underscoring highlight highlights highlighted highlighting reiterate reiterates reiterated ' +
    'reiterating insist insists insisted insisting argue argues argued arguing assert asserts asserted asserting declare declares ' +
    'declared declaring announce announces announced announcing suggest suggests suggested suggesting propose proposes proposed ' +
    'proposing recommend recommends recommended recommending believe believes believed consider considers considered regard ' +
    'regards regarded regarding touch touches touched touching voice voices voiced voicing praise praises praised praising laud ' +
    'lauds lauded lauding criticize criticizes criticized criticizing criticise criticises criticised criticising condemn condemns ' +
    'condemned condemning reject rejects rejected rejecting back backs backed backing support supports supported supporting hope ' +
    'hopes hoped hoping tell tells told telling ask asks asked asking recall recalls recalled recalling remind reminds reminded ' +
    'reminding observe observes observed observing remark remarks remarked remarking comment comments commented commenting affirm ' +
    'affirms affirmed affirming confirm confirms confirmed confirming agree agrees agreed agreeing pledge pledges pledged promise ' +
    'promises promised vow vows vowed predict predicts predicted characterize characterized characterise characterised dismiss ' +
    'dismissed deny denies denied admit admits admitted concede conceded complain complains complained claim claims claimed ' +
    'accuse accused reply replies replied respond responds responded answer answered maintain maintains maintained advise advised ' +
    'caution cautioned demand demands demanded request requested appeal appealed encourage encouraged encourages stressed ' +
    'welcome welcomes welcomed appreciate appreciated appreciates deplore deplored slam slammed blame blamed blames ' +
    'reaffirm reaffirmed recognize recognized recognise recognised lament lamented outline outlined elaborate elaborated ' +
    'speak spoke speaks speaking talk talked talks write wrote writes argue commend commended thank thanked ' +
    'hail hails hailed hailing term terms termed assure assures assured cite cites cited convey conveys conveyed ' +
    'opine opined clarify clarifies clarified assess assesses assessed evaluate evaluated disclose disclosed ' +
    'reveal revealed estimate estimated recount recounted introduced introduces presented ' +
    'report reports reported briefed informed summarized summarised questioned felt feels thought ' +
    'indicated indicates inquired enquired wondered disagreed concurred objected identified identifies listed'
  ).split(' '),
);

const CONVERSED = new Set(
  'with to by today yesterday earlier again twice over via privately briefly separately'.split(' '),
);

const PERSON_NEXT = new Set(
  'mr mrs ms dr president prime minister chancellor king queen prince his her him them their leader secretary governor mayor'.split(
    ' ',
  ),
);

/** Whether a word is a verb of saying (or of publicly taking a position). */
export function isReportingVerb(low: string, nextLow?: string): boolean {
  if (low === 'went' || low === 'goes' || low === 'go' || low === 'continued')
    return nextLow === 'on' || nextLow === 'to';
  // "thanked the Council for …" is said; "welcomed the guest" is a greeting at the door.
  if (low === 'thanked' || low === 'thanks') return nextLow !== undefined && nextLow !== 'you';
  if (low === 'welcomed' || low === 'welcome' || low === 'welcomes' || low === 'thank')
    return nextLow !== undefined && !PERSON_NEXT.has(nextLow) && nextLow !== 'the';
  // "spoke today with the Chancellor" is a call or a meeting; "spoke about jobs" says something.
  if (low === 'spoke' || low === 'speaks' || low === 'talked')
    return nextLow === undefined || !CONVERSED.has(nextLow);
  // "Putin called President Aliyev" is a telephone call, "called Iraq a key country" a statement.
  if (low === 'called' || low === 'calls' || low === 'call')
    return nextLow === undefined || !PERSON_NEXT.has(nextLow);
  return REPORTING.has(low);
}
