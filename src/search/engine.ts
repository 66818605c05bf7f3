// Placeholder until the answering issue lands the real engine.
import type { Corpus } from '../corpus/types.js';

export interface SearchIndex {
  readonly corpus: Corpus;
}
