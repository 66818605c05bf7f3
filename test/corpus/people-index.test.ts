// The indexes over a report's people: lists kept in registry order, and known names read as of
// a moment (what a KnownNames snapshot sees), checked directly and through the registry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock, OrderedBuckets, TimedEndings, TimedSet } from '../../src/corpus/people-index.js';
import {
  addAlias,
  addName,
  addOffice,
  createRegistry,
  findByAlias,
  addRole,
  knownNames,
  lookupName,
  renamePerson,
  resolveRole,
} from '../../src/corpus/people.js';
import type { Mention } from '../../src/corpus/mentions.js';

interface Item {
  order: number;
}

describe('OrderedBuckets', () => {
  it('keeps each list in order whatever the order of adding, each item once', () => {
    const items: Item[] = [0, 1, 2, 3].map((order) => ({ order }));
    const b = new OrderedBuckets<Item>();
    for (const i of [2, 0, 3, 0, 1]) b.add('k', items[i] as Item);
    expect(b.get('k').map((x) => x.order)).toEqual([0, 1, 2, 3]);
    b.remove('k', items[1] as Item);
    b.remove('k', { order: 2 }); // an equal order is not the same item
    expect(b.get('k').map((x) => x.order)).toEqual([0, 2, 3]);
    expect(b.get('other')).toEqual([]);
  });

  it('matches a filtered scan of all items (property)', () => {
    const op = fc.record({
      add: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'c'),
      item: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const items: Item[] = Array.from({ length: 10 }, (_, order) => ({ order }));
        const b = new OrderedBuckets<Item>();
        const model = new Set<string>();
        for (const o of ops) {
          const item = items[o.item] as Item;
          if (o.add) {
            b.add(o.key, item);
            model.add(`${o.key}${o.item}`);
          } else {
            b.remove(o.key, item);
            model.delete(`${o.key}${o.item}`);
          }
        }
        for (const key of ['a', 'b', 'c'])
          expect(b.get(key)).toEqual(items.filter((x) => model.has(`${key}${x.order}`)));
      }),
    );
  });
});

describe('TimedSet and TimedEndings', () => {
  it('answer as of any earlier moment', () => {
    const clock = new Clock();
    const set = new TimedSet(clock);
    const endings = new TimedEndings(clock);
    const t0 = clock.read();
    const span = set.add('varga');
    const late = endings.add('Elena Varga', 5);
    const t1 = clock.read();
    set.end(span);
    endings.add('Jose Manuel Barroso', 1);
    endings.end(late);
    const t2 = clock.read();
    expect([set.has('varga', t0), set.has('varga', t1), set.has('varga', t2)]).toEqual([
      false,
      true,
      false,
    ]);
    expect(endings.endingOf('of Port Alder Elena Varga', t1)).toBe('Elena Varga');
    expect(endings.endingOf('of Port Alder Elena Varga', t2)).toBeUndefined();
    expect(endings.endingOf('of the Commission Jose Manuel Barroso', t2)).toBe(
      'Jose Manuel Barroso',
    );
    expect(endings.endingOf('Commission Jose Manuel Barroso', t1)).toBeUndefined();
    // A text that is the name itself does not end with it "after a space".
    expect(endings.endingOf('Jose Manuel Barroso', t2)).toBeUndefined();
  });

  it('give the lowest order when several names fit', () => {
    const clock = new Clock();
    const endings = new TimedEndings(clock);
    endings.add('Manuel Barroso', 3);
    endings.add('Jose Manuel Barroso', 1);
    expect(endings.endingOf('of the Commission Jose Manuel Barroso', clock.read())).toBe(
      'Jose Manuel Barroso',
    );
  });
});

describe('the registry through its index', () => {
  it('finds people by name, alias, surname and first word, as the report introduced them', () => {
    const reg = createRegistry();
    const varga = addName(reg, 'Elena Varga');
    const xi = addName(reg, 'Xi Jinping');
    addName(reg, 'Tom Varga');
    addAlias(reg, varga, 'the Mayor');
    expect(findByAlias(reg, 'the Mayor')).toBe(varga);
    expect(findByAlias(reg, 'ELENA VARGA')).toBe(varga);
    // "Varga" alone: the Varga mentioned last.
    expect(lookupName(reg, 'Varga')?.name).toBe('Tom Varga');
    expect(lookupName(reg, 'Xi')).toBe(xi);
    expect(lookupName(reg, 'Elena')).toBe(varga);
    addName(reg, 'Elena Okafor');
    expect(lookupName(reg, 'Elena')).toBeNull();
  });

  it('follows a rename: the new name is found, the old one stays an alias', () => {
    const reg = createRegistry();
    const p = addName(reg, 'Berg');
    addName(reg, 'Jonas Berg');
    expect(p.name).toBe('Jonas Berg');
    expect(findByAlias(reg, 'Berg')).toBe(p);
    expect(lookupName(reg, 'Jonas')).toBe(p);
    renamePerson(reg, p, 'Jonas Lind');
    expect(lookupName(reg, 'Lind')).toBe(p);
    expect(lookupName(reg, 'Dr Jonas Lind')).toBe(p);
  });

  it('known names are a snapshot: later people do not show in an earlier one', () => {
    const reg = createRegistry();
    addName(reg, 'Elena Varga');
    const before = knownNames(reg);
    addName(reg, 'Tom Okafor');
    addOffice(reg, 'The Prime Minister', {
      text: 'Prime Minister',
      head: 'prime minister',
      quals: [],
    });
    const after = knownNames(reg);
    expect(before.isKnown(['varga'])).toBe(true);
    expect(before.isKnown(['elena', 'varga'])).toBe(true);
    expect(before.isKnown(['okafor'])).toBe(false);
    expect(after.isKnown(['okafor'])).toBe(true);
    expect(after.isKnown(['tom', 'okafor'])).toBe(true);
    expect(after.isKnown(['the', 'prime', 'minister'])).toBe(true);
    expect(before.fullNameEnding('of Port Alder Tom Okafor')).toBeUndefined();
    expect(after.fullNameEnding('of Port Alder Tom Okafor')).toBe('Tom Okafor');
  });

  it('finds a role holder by a related head only among holders, the most recent winning', () => {
    const reg = createRegistry();
    const berg = addName(reg, 'Jonas Berg');
    addRole(reg, berg, { text: 'Prime Minister', head: 'prime minister', quals: [] });
    const holt = addName(reg, 'Mira Holt');
    addRole(reg, holt, { text: 'Chancellor', head: 'chancellor', quals: [] });
    addName(reg, 'Tom Okafor');
    const mention = (text: string, head: string): Mention => ({
      kind: 'role',
      name: null,
      role: text,
      head,
      quals: [],
      text,
      alias: text,
      start: 0,
      end: text.length,
      first: 0,
      last: 1,
      possessive: false,
    });
    expect(resolveRole(reg, mention('the premier', 'premier'), null)).toBe(berg);
    expect(resolveRole(reg, mention('the minister', 'minister'), null)).toBe(berg);
    expect(resolveRole(reg, mention('the chancellor', 'chancellor'), null)).toBe(holt);
    const varga = addName(reg, 'Elena Varga');
    addRole(reg, varga, { text: 'Chancellor', head: 'chancellor', quals: [] });
    expect(resolveRole(reg, mention('the chancellor', 'chancellor'), null)).toBe(varga);
    expect(resolveRole(reg, mention('the chancellor', 'chancellor'), holt)).toBe(holt);
  });
});
