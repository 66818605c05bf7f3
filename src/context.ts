// The state an entry point builds once and hands to every command: no module-level caches.
import type { Logger } from 'pino';
import type { Corpus } from './corpus/types.js';
import type { SearchIndex } from './search/engine.js';
import type { Config } from './config.js';
import type { Store } from './store/types.js';
import type { StoreWaiting } from './daily/opener.js';
import type { ProfileStats } from './answers/profiles.js';
import type { CorpusListener } from './corpus/change.js';

export interface AppContext {
  corpus: Corpus;
  index: SearchIndex;
  config: Config;
  log: Logger;
  /**
   * The store (daily quote, shared cooldowns, button state, announcements and alerts); null
   * where the running front end has none (e.g. some CLI verbs) or while it is not open yet.
   */
  store: Store | null;
  /** While the database could not be opened yet and is being tried again: why, and until when. */
  storeWaiting?: () => StoreWaiting | null;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /**
   * Short-lived state behind buttons ("More", "Context", "Post to channel") when there is no
   * store to keep it (see store/button-state.ts): keyed by the id in the button's custom_id, in
   * this process only. Expired or unknown keys answer "this result has expired — ask again".
   */
  sessions: Map<string, unknown>;
  /**
   * Corpus-wide statistics behind /who and /meeting (topics, representative quotes). Entry points
   * may build them at startup with `buildProfileStats(corpus)`; otherwise the first /who or
   * /meeting builds and keeps them here (see `getProfileStats`).
   */
  profileStats?: ProfileStats;
  /**
   * Where the corpus is live (CORPUS_WATCH): subscribes to swaps. After each swap `corpus`,
   * `index` and `profileStats` have been replaced together and the listener gets what changed
   * (new, changed, removed meetings). Returns a function that unsubscribes. Absent when the
   * corpus is read once.
   */
  onCorpusChange?: (listener: CorpusListener) => () => void;
}
