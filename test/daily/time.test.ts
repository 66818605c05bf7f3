import { describe, expect, it } from 'vitest';
import {
  findOccurrenceOn,
  formatLocalDate,
  parseTimeOfDay,
  resolveTimeZone,
} from '../../src/daily/time.js';

describe('parseTimeOfDay', () => {
  it('reads the ways people write a time, on a 24-hour clock', () => {
    expect(parseTimeOfDay('09:00')).toBe('09:00');
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('21.30')).toBe('21:30');
    expect(parseTimeOfDay('9pm')).toBe('21:00');
    expect(parseTimeOfDay('12:15 am')).toBe('00:15');
    expect(parseTimeOfDay('12 PM')).toBe('12:00');
  });
  it('refuses what is not a time of day', () => {
    for (const bad of ['24:00', '9', '13pm', '07:60', 'noon', '', '9:5'])
      expect(parseTimeOfDay(bad)).toBeNull();
  });
});

describe('resolveTimeZone', () => {
  it('accepts IANA names in any case, city names, and links', () => {
    expect(resolveTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(resolveTimeZone('New York')).toBe('America/New_York');
    expect(resolveTimeZone('UTC')).toBe('UTC');
    expect(resolveTimeZone('US/Eastern')).not.toBeNull();
  });
  it('refuses unknown zones and offsets typed as text', () => {
    expect(resolveTimeZone('Mars/Olympus')).toBeNull();
    expect(resolveTimeZone('')).toBeNull();
  });
});

describe('findOccurrenceOn', () => {
  it('places a wall time on its local date, across date lines', () => {
    expect(
      findOccurrenceOn(
        '08:00',
        'Asia/Tokyo',
        '2027-01-02',
        new Date('2027-01-01T23:30:00Z'),
      )?.toISOString(),
    ).toBe('2027-01-01T23:00:00.000Z');
    expect(formatLocalDate(new Date('2027-01-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-02');
    expect(
      findOccurrenceOn(
        '23:30',
        'Pacific/Honolulu',
        '2027-01-01',
        new Date('2027-01-02T05:00:00Z'),
      )?.toISOString(),
    ).toBe('2027-01-02T09:30:00.000Z');
  });
});
