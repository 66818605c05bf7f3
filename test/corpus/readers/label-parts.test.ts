// Display labels split into the name a person goes by and the company or team beside it.
import { describe, expect, it } from 'vitest';
import { labelParts } from '../../../src/corpus/readers/label-parts.js';

describe('labelParts', () => {
  it.each([
    ['Ana Ruiz', { label: 'Ana Ruiz' }],
    ['Ana Ruiz (Acme)', { label: 'Ana Ruiz', role: 'Acme' }],
    ['Tullio | Erigon', { label: 'Tullio', role: 'Erigon' }],
    ['kofi.b', { label: 'kofi.b' }],
    ['mo (@mo_writes)', { label: 'mo' }],
    ['Olu Ade (she/her) - Tidewater Labs', { label: 'Olu Ade', role: 'Tidewater Labs' }],
    ['Jack Tanner (CTO)', { label: 'Jack Tanner', role: 'CTO' }],
    ['BigTed // Ted Nolan (he/him) (Nolan.org)', { label: 'Ted Nolan', role: 'Nolan.org' }],
    ['jean-luc', { label: 'jean-luc' }],
    ['(Acme)', { label: '(Acme)' }],
  ])('%s', (raw, parts) => {
    expect(labelParts(raw)).toEqual(parts);
  });
});
