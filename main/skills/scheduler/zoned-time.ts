// The local day and time of an instant in an IANA zone (Intl, so the zone rules are the ICU data
// Node ships), and whether a zone name is one Intl knows.
import { WEEKDAY_NAMES, type Weekday } from '../../../shared/skills/schedules.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let known = formatters.get(zone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, known);
  }
  return known;
}

export interface LocalTime {
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

export function localTime(at: Date, zone: string): LocalTime {
  const parts = formatter(zone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').slice(0, 3).toLowerCase() as Weekday;
  return { weekday: WEEKDAY_NAMES.includes(weekday) ? weekday : 'sun', minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')) };
}

export function isKnownZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 100) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this machine runs in: a schedule without one is stored with it. */
export const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `HH:MM` on a 24 h clock as minutes since midnight, or null. */
export function minutesOf(clock: unknown): number | null {
  if (typeof clock !== 'string') return null;
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
