import type { z } from 'zod';

export interface JsonlResult<T> {
  items: T[];
  /** One message per line that was skipped, with its line number. */
  errors: string[];
}

/**
 * Reads JSON Lines, validating each line: a bad line is reported (line number and why)
 * and skipped, so one broken record does not stop a batch of thousands.
 */
export function readJsonl<S extends z.ZodType>(text: string, schema: S): JsonlResult<z.infer<S>> {
  const items: z.infer<S>[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      continue;
    }
    const r = schema.safeParse(raw);
    if (r.success) items.push(r.data);
    else
      errors.push(
        `line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ')}`,
      );
  }
  return { items, errors };
}
