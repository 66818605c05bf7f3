// The one store interface every front end uses: subscriptions, picks and post claims of the daily
// quote, shared cooldowns, the state behind buttons, and (as `store.alerts`) new-meeting
// announcements and members' alerts with their claims. Two implementations keep the same
// contract: SQLite in DATA_DIR (the embedded default) and PostgreSQL (DATABASE_URL), so several
// replicas can share one database. Every method is async; every failure is a StoreError.
// Adding data: declare the methods here, add a numbered step to migrations.ts (both dialects),
// implement them in sqlite.ts and postgres.ts (same order), and add cases to
// test/store/contract.test.ts, which runs them against both.

/** A database problem a bot owner can act on; the message says what to do. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  /** The driver's error code when there was one (SQLITE_BUSY, 57P01, ECONNREFUSED, …). */
  readonly code: string | null;
  constructor(message: string, options: { cause?: unknown; code?: string | null } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? null;
  }
}

export type StoreKind = 'sqlite' | 'postgres';

export interface PostFailureInfo {
  status: number | null;
  code: number | null;
  message: string;
}

export interface Subscription {
  guildId: string;
  channelId: string;
  /** HH:MM, 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  enabled: boolean;
  /** ISO instant: scheduled times before it are not posted (no post for a time already gone when set). */
  activeFrom: string;
  failuresInRow: number;
  pausedAt: string | null;
  pausedReason: string | null;
  lastError: (PostFailureInfo & { at: string }) | null;
  updatedAt: string;
}

export type PostStatus = 'claimed' | 'posted' | 'failed' | 'retry';

export interface PostRecord {
  guildId: string;
  localDate: string;
  channelId: string;
  statementId: string;
  status: PostStatus;
  attempts: number;
  claimedAt: string;
  finishedAt: string | null;
  retryAt: string | null;
  errorMessage: string | null;
}

export interface PickRecord {
  localDate: string;
  statementId: string;
}

export interface ClaimRequest {
  guildId: string;
  localDate: string;
  channelId: string;
  statementId: string;
  /** Who claims (process/replica id), for the record. */
  owner: string;
  now: Date;
}

export interface SubscriptionInput {
  guildId: string;
  channelId: string;
  time: string;
  timezone: string;
  now: Date;
}

export interface FailPostOptions {
  now: Date;
  counts: boolean;
  pauseAfter: number;
}

// New-meeting announcements and members' alerts (src/alerts/).

export interface AnnounceChannel {
  guildId: string;
  channelId: string;
  enabled: boolean;
  /** ISO instant: only meetings this database first saw after it are announced. */
  activeFrom: string;
  updatedAt: string;
}

export type AnnouncementStatus = 'claimed' | 'posted' | 'failed';

export interface AnnouncementRecord {
  guildId: string;
  meetingId: string;
  channelId: string;
  status: AnnouncementStatus;
  claimedAt: string;
  finishedAt: string | null;
  errorMessage: string | null;
}

export interface Alert {
  id: string;
  userId: string;
  /** Where it was made (null in a direct message with the bot). */
  guildId: string | null;
  words: string;
  /** Canonical speaker name (or the name as typed when the reports do not know it yet). */
  speaker: string | null;
  createdAt: string;
  /** ISO instant: only meetings this database first saw after it are checked. */
  activeFrom: string;
  /** Direct messages that failed in a row (a delivered one resets it). */
  failuresInRow: number;
  pausedAt: string | null;
  lastError: { at: string; code: number | null; message: string } | null;
}

export type DeliveryStatus = 'none' | 'claimed' | 'sent' | 'failed';

export interface DeliveryRecord {
  alertId: string;
  meetingId: string;
  statementId: string | null;
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
}

export type AddAlertResult =
  | { kind: 'added'; alert: Alert }
  /** The member already has this alert; a paused one is resumed (from now on). */
  | { kind: 'exists'; alert: Alert; resumed: boolean }
  | { kind: 'full'; count: number };

export interface AddAlertInput {
  userId: string;
  guildId: string | null;
  words: string;
  speaker: string | null;
  now: Date;
  max: number;
}

export type AlertDeliveryOutcome =
  | { sent: true }
  | { sent: false; code: number | null; error: string; counts: boolean; pauseAfter: number };

/** The announcements' and alerts' part of the store (`store.alerts`); same rules as `Store`. */
export interface AlertStore {
  /**
   * Records meetings this database has not seen before, first seen `now`; returns how many were
   * new. A meeting counts as new for an announcement or an alert when first seen after it was set.
   */
  markMeetingsSeen(meetingIds: readonly string[], now: Date): Promise<number>;

  getAnnounceChannel(guildId: string): Promise<AnnounceChannel | null>;
  /** Sets the channel and turns announcements on; from `now` unless they were already on. */
  setAnnounceChannel(input: {
    guildId: string;
    channelId: string;
    now: Date;
  }): Promise<AnnounceChannel>;
  /** False when announcements were not on. */
  disableAnnounce(guildId: string, now: Date): Promise<boolean>;
  listEnabledAnnounceChannels(): Promise<AnnounceChannel[]>;
  /** Meetings first seen after `activeFrom` with no announcement claimed in this server. */
  listUnannouncedMeetings(guildId: string, activeFrom: string): Promise<string[]>;
  /** True for exactly one caller per (server, meeting), across connections and replicas. */
  claimAnnouncement(input: {
    guildId: string;
    meetingId: string;
    channelId: string;
    owner: string;
    now: Date;
  }): Promise<boolean>;
  finishAnnouncement(
    guildId: string,
    meetingId: string,
    outcome: { posted: true } | { posted: false; error: string },
    now: Date,
  ): Promise<void>;
  getAnnouncement(guildId: string, meetingId: string): Promise<AnnouncementRecord | null>;
  /** The server's latest announcement claim (for /announce status). */
  lastAnnouncement(guildId: string): Promise<AnnouncementRecord | null>;

  /**
   * Adds a member's alert unless they have `max` already (or the same one, case and spacing
   * aside). Atomic per member across replicas: two adds at once never make `max + 1`.
   */
  addAlert(input: AddAlertInput): Promise<AddAlertResult>;
  /** The member's alerts, oldest first. */
  listAlerts(userId: string): Promise<Alert[]>;
  /** Every alert that is not paused. */
  listActiveAlerts(): Promise<Alert[]>;
  /** Removes one of the member's own alerts; null when they have no such alert. */
  removeAlert(userId: string, alertId: string): Promise<Alert | null>;
  /** Meetings first seen after `activeFrom` that this alert has not been checked against. */
  listUncheckedMeetings(alertId: string, activeFrom: string): Promise<string[]>;
  /**
   * Claims (alert, meeting) once across replicas: with a statement it is to be sent, without one
   * it records "checked, nothing matched". True for exactly one caller.
   */
  claimAlertDelivery(input: {
    alertId: string;
    meetingId: string;
    statementId: string | null;
    owner: string;
    now: Date;
  }): Promise<boolean>;
  /**
   * The direct message went out (failures reset) or failed (recorded on the alert; when `counts`,
   * one more failure in a row, pausing the alert at `pauseAfter`).
   */
  finishAlertDelivery(
    alertId: string,
    meetingId: string,
    outcome: AlertDeliveryOutcome,
    now: Date,
  ): Promise<{ failuresInRow: number; paused: boolean }>;
  getAlertDelivery(alertId: string, meetingId: string): Promise<DeliveryRecord | null>;
}

export interface Store {
  readonly kind: StoreKind;
  /** Where the data lives, for logs: the SQLite file, or the PostgreSQL URL without password. */
  readonly where: string;

  // The daily quote: subscriptions.
  getSubscription(guildId: string): Promise<Subscription | null>;
  /** Creates or replaces a server's subscription; turns it on and clears failures and pauses. */
  setSubscription(input: SubscriptionInput): Promise<Subscription>;
  /** Turns the subscription off (history is kept). False when there was none to turn off. */
  disableSubscription(guildId: string, now: Date): Promise<boolean>;
  /** Enabled and not paused, by server id. */
  listActiveSubscriptions(): Promise<Subscription[]>;

  // The daily quote: each server's pick of the day.
  getPick(guildId: string, localDate: string): Promise<string | null>;
  /** Records the quote of the day unless one is already recorded; returns the recorded one. */
  savePick(guildId: string, localDate: string, statementId: string, now: Date): Promise<string>;
  /** Replaces a recorded pick whose statement no longer exists in the corpus. */
  replacePick(guildId: string, localDate: string, statementId: string, now: Date): Promise<void>;
  listPicks(guildId: string): Promise<PickRecord[]>;

  // The daily quote: post claims (exactly one poster per server and local date).
  /**
   * Atomically claims the post for (server, local date). True for exactly one caller across
   * connections, processes and replicas; a claim left as 'retry' can be taken again once its
   * time has come.
   */
  claimPost(request: ClaimRequest): Promise<boolean>;
  getPost(guildId: string, localDate: string): Promise<PostRecord | null>;
  lastPost(guildId: string): Promise<PostRecord | null>;
  /** The post went out: record it and reset the failure count. */
  completePost(guildId: string, localDate: string, now: Date): Promise<void>;
  /** A transient failure: the claim may be taken again at `retryAt` the same day. */
  deferPost(
    guildId: string,
    localDate: string,
    error: string,
    retryAt: Date,
    now: Date,
  ): Promise<void>;
  /**
   * The post failed for good today. Records the error on the subscription; when `counts`,
   * increments failures in a row and pauses at `pauseAfter`. Returns whether it is now paused.
   */
  failPost(
    guildId: string,
    localDate: string,
    failure: PostFailureInfo,
    options: FailPostOptions,
  ): Promise<{ failuresInRow: number; paused: boolean }>;
  /** Forget a failed post for today so a fixed subscription may post again (after /daily set). */
  forgetFailedPost(guildId: string, localDate: string): Promise<void>;

  // Shared cooldowns.
  /**
   * Starts the cooldown `key` for `seconds` unless it is still running. Returns 0 when it was
   * started (go ahead), else the milliseconds left. Atomic across replicas: of two callers at
   * the same moment, one gets 0.
   */
  takeCooldown(key: string, seconds: number, now: Date): Promise<number>;

  // Short-lived state behind buttons ("More", "Context", "Post to channel").
  /**
   * Keeps `value` (JSON) under `key` until `expiresAt`. False when the key is taken. Expired
   * cooldowns and button state are purged along the way (at most once a minute per store).
   */
  saveButtonState(key: string, value: unknown, expiresAt: Date, now: Date): Promise<boolean>;
  /** The value under `key`, or null when there is none or it expired. */
  loadButtonState(key: string, now: Date): Promise<unknown>;
  /** Deletes expired cooldowns and button state; returns how many rows went. */
  purgeExpired(now: Date): Promise<number>;

  /** New-meeting announcements and members' alerts (src/alerts/). */
  readonly alerts: AlertStore;

  /** Resolves when the database answers (readiness checks). */
  ping(): Promise<void>;
  /** Closes the database; later calls fail with a StoreError. Safe to call twice. */
  close(): Promise<void>;
}
