// Display labels split into the name a person goes by and the company or team beside it.
import { describe, expect, it } from 'vitest';
import { labelParts } from '../../../src/corpus/readers/label-parts.js';
import type { LabelParts } from '../../../src/corpus/readers/label-parts.js';

describe('labelParts', () => {
  // The whole label stays an alias when it holds more than the name: a search for the team finds the person.
  it.each<[string, LabelParts]>([
    ['Ana Ruiz', { label: 'Ana Ruiz' }],
    ['Ana Ruiz (Acme)', { label: 'Ana Ruiz', role: 'Acme', alias: 'Ana Ruiz (Acme)' }],
    ['Tullio | Erigon', { label: 'Tullio', role: 'Erigon', alias: 'Tullio | Erigon' }],
    ['kofi.b', { label: 'kofi.b' }],
    ['mo (@mo_writes)', { label: 'mo', alias: 'mo (@mo_writes)' }],
    [
      'Olu Ade (she/her) - Tidewater Labs',
      { label: 'Olu Ade', role: 'Tidewater Labs', alias: 'Olu Ade (she/her) - Tidewater Labs' },
    ],
    ['Jack Tanner (CTO)', { label: 'Jack Tanner', role: 'CTO', alias: 'Jack Tanner (CTO)' }],
    [
      'BigTed // Ted Nolan (he/him) (Nolan.org)',
      { label: 'Ted Nolan', role: 'Nolan.org', alias: 'BigTed // Ted Nolan (he/him) (Nolan.org)' },
    ],
    ['jean-luc', { label: 'jean-luc' }],
    ['(Acme)', { label: '(Acme)' }],
  ])('%s', (raw, parts) => {
    expect(labelParts(raw)).toEqual(parts);
  });
});
