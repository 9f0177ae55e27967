import { createHash } from 'node:crypto';
import { numberPlaceholders } from './dialect.js';

/** A statement as node-postgres is given it: the text with numbered placeholders and, once it is to be prepared, its name. */
export interface PgStatement {
  text: string;
  name?: string;
}

/**
 * The statements of one PgClient: each SQL text translated once, and named so that every
 * connection parses it on first use and then only binds it (each run is still planned for its
 * values: the connections set plan_cache_mode=force_custom_plan, see pg-client.ts).
 * A connection keeps each statement it prepared, so only the first `limit` texts are named:
 * statements built with varying text (a list of placeholders) cannot fill the server's memory.
 */
export class PgStatements {
  private readonly translated = new Map<string, PgStatement>();
  private named = 0;
  constructor(private readonly limit = 500) {}

  /** `sql` (with `?` placeholders) as node-postgres runs it. */
  of(sql: string): PgStatement {
    let s = this.translated.get(sql);
    if (s === undefined) {
      const text = numberPlaceholders(sql);
      s = this.named < this.limit ? { text, name: statementName(text) } : { text };
      if (s.name) this.named++;
      // Unnamed texts are not kept past the limit either: they are translated again each time.
      if (s.name || this.translated.size < 2 * this.limit) this.translated.set(sql, s);
    }
    return s;
  }
}

/** A name from the text itself, so one text has one name on every connection and two texts never share one. */
const statementName = (text: string) => `a${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
