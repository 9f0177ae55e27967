/**
 * Reads the dates feeds actually carry: W3C-DTF / ISO 8601 (with the partial and
 * compact forms), RFC 822 / 2822 with named zones and two-digit years, and asctime.
 * Returns a Date in UTC, or null for anything we cannot read with confidence:
 * a wrong date is worse than none (the article then takes its fetch time).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Offsets in minutes of the zone names seen in feeds (military zones left out: ambiguous). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  'etc/gmt': 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  at: -240,
  et: -300,
  ct: -360,
  mt: -420,
  pt: -480,
  ast: -240,
  adt: -180,
  akst: -540,
  akdt: -480,
  hst: -600,
  met: 60,
  mest: 120,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  bst: 60,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > dim) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMin * 60_000;
  const date = new Date(t);
  if (y < 100) date.setUTCFullYear(y, mo - 1, d); // Date.UTC maps 0–99 to 1900–1999
  return Number.isNaN(date.getTime()) ? null : date;
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

function parseOffset(tz: string | undefined): number | null {
  if (!tz) return 0;
  const t = tz.trim().toLowerCase();
  if (t in ZONES) return ZONES[t]!;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(t);
  if (!m) return null;
  const hh = Number(m[2]);
  const mm = Number(m[3] ?? 0);
  if (hh > 14 || mm > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hh * 60 + mm);
}

function parseIso(s: string): Date | null {
  // Compact and partial forms: -0312 (year-less is not allowed), 031231, 03-12-31, -03-12, 03335 (ordinal)
  let m =
    /^(\d{4}|\d{2}|-)-?(\d{2})?-?(\d{2})?(?:[T ](\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s,
    );
  const ord = /^(\d{4}|\d{2})-?(\d{3})$/.exec(s);
  if (ord) {
    const y = expandYear(ord[1]!);
    const day = Number(ord[2]);
    if (day < 1 || day > 366) return null;
    const d = new Date(Date.UTC(y, 0, day));
    return d.getUTCFullYear() === y ? d : null;
  }
  // ISO 8601 allows a three-digit month in "2003-012-31" only as a typo feeds make; accept it.
  if (!m)
    m = /^(\d{4})-0?(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return null;
  const now = new Date();
  const y = m[1] === '-' ? now.getUTCFullYear() : expandYear(m[1]!);
  if (m[1] === '-' && !m[2]) return null;
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const sec = m[6] ? Number(m[6]) : 0;
  if (h > 23 || mi > 59 || sec > 59) return null;
  const off = m[7] ? parseOffset(m[7].toUpperCase() === 'Z' ? 'utc' : m[7]) : 0;
  if (off === null) return null;
  return build(y, mo, d, h, mi, sec, off);
}

function parseRfc822(s: string): Date | null {
  const t = s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  // [Day] DD Mon YYYY [HH:MM[:SS]] [zone]   |   Day Mon DD YYYY HH:MM:SS zone   |   Day, YYYY/MM/DD HH:MM:SS zone
  let m = /^(?:[a-z]{3,9} )?(\d{1,2}) ([a-z]{3,9}) (\d{2,4})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?(?: (\S+))?$/i.exec(
    t,
  );
  let y: number, mo: number | undefined, d: number, time: Array<string | undefined>, zone: string | undefined;
  if (m) {
    d = Number(m[1]);
    mo = MONTHS[m[2]!.toLowerCase()];
    y = expandYear(m[3]!);
    time = [m[4], m[5], m[6]];
    zone = m[7];
  } else if (
    (m =
      /^(?:[a-z]{3} )?([a-z]{3}) (\d{1,2}) (?:(\d{4}) )?(\d{1,2}):(\d{2}):(\d{2})(?: ([+-]\d{4}|[a-z]+))?(?: (\d{4}))?$/i.exec(
        t,
      ))
  ) {
    // asctime, and the JavaScript toString form "Thu Aug 30 2012 17:26:16 +0200"
    mo = MONTHS[m[1]!.toLowerCase()];
    d = Number(m[2]);
    y = Number(m[3] ?? m[8]);
    if (!y) return null;
    time = [m[4], m[5], m[6]];
    zone = m[7];
  } else if ((m = /^(?:[a-z]{3} )?(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (\S+))?$/i.exec(t))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    time = [m[4], m[5], m[6]];
    zone = m[7];
  } else return null;
  if (!mo) return null;
  const off = parseOffset(zone);
  if (off === null) return null;
  const [h, mi, sec] = time.map((x) => (x ? Number(x) : 0)) as [number, number, number];
  if (h > 23 || mi > 59 || sec > 59) return null;
  return build(y, mo, d, h, mi, sec, off);
}

export function parseFeedDate(input: string | undefined | null): Date | null {
  if (!input) return null;
  const s = input.trim();
  if (!s) return null;
  if (/^[\d-]/.test(s)) return parseIso(s) ?? parseRfc822(s);
  return parseRfc822(s);
}

/** ISO string or null; dates before 1990 or over a day ahead of `now` are kept but flagged by callers. */
export function toIsoDate(input: string | undefined | null): string | null {
  const d = parseFeedDate(input);
  return d ? d.toISOString() : null;
}

/**
 * Reads the dates of one feed document and keeps those it could not read: a date the feed
 * gave and we left out (the item then has none) makes the feed bozo, with the date named.
 */
export class DateReader {
  readonly unreadable: string[] = [];
  iso(input: string | undefined | null): string | null {
    const d = toIsoDate(input);
    if (d === null && typeof input === 'string' && input.trim()) this.unreadable.push(input.trim().slice(0, 80));
    return d;
  }
}
