// The announcement and alert tables: schema step 2 on an existing database, "seen" meetings, and
// claims that hold for exactly one caller.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ALERTS_TABLES } from '../../src/alerts/store.js';
import { DATABASE_FILE, SCHEMA_VERSION, openDailyStore } from '../../src/daily/store.js';
import type { DailyStore } from '../../src/daily/store.js';
import { makeTempDir } from '../daily/helpers.js';

const T0 = new Date('2031-06-01T08:00:00Z');
const T1 = new Date('2031-06-02T08:00:00Z');
const opened: DailyStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
function open(dir: string, readonly = false): DailyStore {
  const store = openDailyStore(dir, { busyTimeoutMs: 50, readonly });
  opened.push(store);
  return store;
}

/** A database as the previous version left it: daily-quote tables only, schema 1. */
function makeSchemaOneDatabase(dir: string): void {
  open(dir).setSubscription({
    guildId: 'g1',
    channelId: 'c1',
    time: '09:00',
    timezone: 'UTC',
    now: T0,
  });
  opened.pop()?.close();
  const raw = new Database(path.join(dir, DATABASE_FILE));
  for (const table of [...ALERTS_TABLES].reverse()) raw.exec(`DROP TABLE ${table}`);
  raw.pragma('user_version = 1');
  raw.close();
}

describe('the alerts store', () => {
  it('adds its tables to a schema-1 database and keeps the daily quote settings', () => {
    const dir = makeTempDir();
    makeSchemaOneDatabase(dir);
    // The CLI opens an older database read-only: it works and never touches the new tables.
    expect(open(dir, true).getSubscription('g1')).toMatchObject({ channelId: 'c1' });
    const store = open(dir);
    expect(store.getSubscription('g1')).toMatchObject({ channelId: 'c1', time: '09:00' });
    expect(store.alerts.markMeetingsSeen(['a.txt'], T0)).toBe(1);
    const raw = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it('a meeting is new only when first seen after the announcement was set', () => {
    const store = open(makeTempDir());
    expect(store.alerts.markMeetingsSeen(['a.txt', 'b.txt'], T0)).toBe(2);
    const set = store.alerts.setAnnounceChannel({ guildId: 'g1', channelId: 'c1', now: T0 });
    expect(store.alerts.markMeetingsSeen(['a.txt', 'b.txt', 'c.txt'], T1)).toBe(1);
    expect(store.alerts.listUnannouncedMeetings('g1', set.activeFrom)).toEqual(['c.txt']);
    const claim = { guildId: 'g1', meetingId: 'c.txt', channelId: 'c1', owner: 'p', now: T1 };
    expect(store.alerts.claimAnnouncement(claim)).toBe(true);
    expect(store.alerts.claimAnnouncement({ ...claim, owner: 'q' })).toBe(false);
    expect(store.alerts.listUnannouncedMeetings('g1', set.activeFrom)).toEqual([]);
    // Changing the channel while on keeps the start; off and on again starts afresh.
    expect(
      store.alerts.setAnnounceChannel({ guildId: 'g1', channelId: 'c2', now: T1 }).activeFrom,
    ).toBe(T0.toISOString());
    expect(store.alerts.disableAnnounce('g1', T1)).toBe(true);
    expect(store.alerts.listEnabledAnnounceChannels()).toEqual([]);
    expect(
      store.alerts.setAnnounceChannel({ guildId: 'g1', channelId: 'c2', now: T1 }).activeFrom,
    ).toBe(T1.toISOString());
  });

  it('an alert delivery is claimed once, and removing the alert removes its deliveries', () => {
    const store = open(makeTempDir());
    const added = store.alerts.addAlert({
      userId: 'u1',
      guildId: null,
      words: 'ferry',
      speaker: null,
      now: T0,
      max: 2,
    });
    expect(added.kind).toBe('added');
    if (added.kind !== 'added') return;
    expect(
      store.alerts.addAlert({
        userId: 'u1',
        guildId: null,
        words: ' FERRY ',
        speaker: null,
        now: T0,
        max: 2,
      }),
    ).toMatchObject({ kind: 'exists', resumed: false });
    expect(
      store.alerts.addAlert({
        userId: 'u1',
        guildId: null,
        words: 'pier',
        speaker: null,
        now: T0,
        max: 2,
      }).kind,
    ).toBe('added');
    expect(
      store.alerts.addAlert({
        userId: 'u1',
        guildId: null,
        words: 'crane',
        speaker: null,
        now: T0,
        max: 2,
      }),
    ).toEqual({ kind: 'full', count: 2 });
    store.alerts.markMeetingsSeen(['new.txt'], T1);
    expect(store.alerts.listUncheckedMeetings(added.alert.id, added.alert.activeFrom)).toEqual([
      'new.txt',
    ]);
    const claim = {
      alertId: added.alert.id,
      meetingId: 'new.txt',
      statementId: 'new.txt#0',
      owner: 'p',
      now: T1,
    };
    expect(store.alerts.claimAlertDelivery(claim)).toBe(true);
    expect(store.alerts.claimAlertDelivery({ ...claim, statementId: null })).toBe(false);
    expect(store.alerts.listUncheckedMeetings(added.alert.id, added.alert.activeFrom)).toEqual([]);
    expect(store.alerts.removeAlert('someone-else', added.alert.id)).toBeNull();
    expect(store.alerts.removeAlert('u1', added.alert.id)?.words).toBe('ferry');
    expect(store.alerts.getAlertDelivery(added.alert.id, 'new.txt')).toBeNull();
  });
});
