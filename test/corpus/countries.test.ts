// Country names and demonyms reduce to one form, so roles written either way compare equal.
import { describe, expect, it } from 'vitest';
import { canonicalPlaces } from '../../src/corpus/countries.js';

describe('canonicalPlaces', () => {
  it('turns demonyms and other names of a country into its name', () => {
    expect(canonicalPlaces(['pakistani'])).toEqual(['pakistan']);
    expect(canonicalPlaces(['sri', 'lankan'])).toEqual(['sri lanka']);
    expect(canonicalPlaces(['sri', 'lanka'])).toEqual(['sri lanka']);
    expect(canonicalPlaces(['srilankan'])).toEqual(['sri lanka']);
    expect(canonicalPlaces(['turkish'])).toEqual(['turkey']);
    expect(canonicalPlaces(['u.s'])).toEqual(['united states']);
    expect(canonicalPlaces(['azeri'])).toEqual(['azerbaijan']);
  });

  it('keeps other words and prefers the longest country name', () => {
    expect(canonicalPlaces(['republic', 'azerbaijan'])).toEqual(['republic', 'azerbaijan']);
    expect(canonicalPlaces(['north', 'korean'])).toEqual(['north korea']);
    expect(canonicalPlaces(['european', 'commission'])).toEqual(['european union', 'commission']);
    expect(canonicalPlaces(['islamic', 'revolution'])).toEqual(['islamic', 'revolution']);
  });
});
