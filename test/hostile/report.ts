import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the hostile suite tried and what happened, printed as a table when a file's tests
 * end (and written to test-artifacts/hostile-<name>.json), so a reviewer reads the
 * evidence, not only "ok". Each row is recorded by a test that also asserts it.
 */
export interface Row {
  case: string;
  expected: string;
  observed: string;
  /** Peak resident memory of the test process during the case, in MB. */
  peakRssMb?: number;
}

export class Report {
  readonly rows: Row[] = [];
  constructor(
    readonly name: string,
    readonly title: string,
  ) {}

  add(row: Row): void {
    this.rows.push(row);
  }

  print(extra: string[] = []): void {
    const cols = ['case', 'expected', 'observed', 'peak RSS'];
    const cells = this.rows.map((r) => [
      r.case,
      r.expected,
      r.observed,
      r.peakRssMb === undefined ? '' : `${r.peakRssMb.toFixed(0)} MB`,
    ]);
    const width = cols.map((c, i) => Math.min(110, Math.max(c.length, ...cells.map((row) => row[i]!.length))));
    const line = (xs: string[]) =>
      xs.map((x, i) => (x.length > width[i]! ? `${x.slice(0, width[i]! - 1)}…` : x.padEnd(width[i]!))).join(' | ');
    const out = [
      `\n${this.title}`,
      line(cols),
      width.map((w) => '-'.repeat(w)).join('-|-'),
      ...cells.map(line),
      ...extra,
    ].join('\n');
    // stderr: node --test passes it through with the file's output.
    process.stderr.write(`${out}\n`);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(
      join('test-artifacts', `hostile-${this.name}.json`),
      JSON.stringify({ title: this.title, rows: this.rows, extra }, null, 2),
    );
  }
}

/** Samples this process's RSS every 10 ms while `f` runs; returns f's result and the peak in MB. */
export async function withPeakRss<T>(f: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
