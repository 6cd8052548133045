// Timestamps as Choice rules read them. AWS requires the RFC 3339 profile of ISO 8601 with an
// uppercase `T` between date and time and either an uppercase `Z` or a numeric offset; a value
// without a zone (`2012-10-09T19:00:55`) or a bare date (`2023-02-24`) is not a timestamp, so
// IsTimestamp is false for it and Timestamp* comparisons with it are false.
//
// Comparisons are between instants, to the nanosecond: `...T20:00:00+01:00` equals
// `...T19:00:00Z`. Instants are kept as bigint nanoseconds so no precision is lost on fractions
// longer than a millisecond.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * Parses an RFC 3339 timestamp into nanoseconds since the Unix epoch.
 * @returns undefined when the text is not a timestamp AWS accepts.
 * @example parseTimestamp('1970-01-01T00:00:01.5Z') // 1_500_000_000n
 */
export function parseTimestamp(text: string): bigint | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetSeconds = 0;
  if (zulu === undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return undefined;
    offsetSeconds = (sign === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offsetSeconds;
  const nanos = BigInt((fraction ?? '').padEnd(9, '0'));
  return BigInt(seconds) * NANOS_PER_SECOND + nanos;
}

/** Whether the text is a timestamp AWS accepts (what `IsTimestamp: true` tests). */
export function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && parseTimestamp(value) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
