import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the public data sets live: ../shared/data beside the repo, or $ALMANAC_SHARED_DATA. */
export function sharedDataDir(): string {
  return process.env.ALMANAC_SHARED_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
}

/** A data set's folder, or exit with a clear message when it is absent. */
export function requireData(sub: string, name: string): string {
  const dir = join(sharedDataDir(), sub);
  if (!existsSync(dir)) {
    console.error(
      `${name}: ${dir} not found (the public data sets live in ../shared/data; set ALMANAC_SHARED_DATA to point elsewhere)`,
    );
    process.exit(1);
  }
  return dir;
}

export function readJsonlFile<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export const pct = (x: number) => x.toFixed(3);
export const pad = (s: string | number, n: number) => String(s).padEnd(n);
