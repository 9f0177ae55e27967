import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, whether we run from src/ (tsx) or dist/ (compiled). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('paths: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** Files shipped beside the code (migrations, demo corpus) live under src/ in both modes. */
export function assetPath(...parts: string[]): string {
  return join(packageRoot(), 'src', ...parts);
}
