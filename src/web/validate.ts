import type { Context, Env, MiddlewareHandler } from 'hono';
import type { z } from 'zod';

/** Where the validated data is read back with `c.req.valid(target)`. */
type Target = 'query' | 'form';

/**
 * Every route's input goes through here: `read` takes what the route validates from the request,
 * `schema` parses it, and a failure is answered by `refuse` (a route's own 400: a JSON error for
 * the API, an error page, a redirect back to the admin form). On success the handler reads the
 * typed data with `c.req.valid(target)`. Without `refuse` the schema must not fail (it has a
 * `.catch()` fallback); if it does, that is our bug and the request fails with a 500.
 *
 * Not `@hono/zod-validator`: its query is an array for a repeated key and it has no step for
 * dropping a form's empty fields, so answers to the same URLs would change.
 *
 * @example
 * app.get('/api/search', validate('query', searchQuery, rawQuery, badQuery), (c) => c.json(c.req.valid('query')));
 */
export function validate<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  read: (c: Context) => unknown,
  refuse?: (c: Context, error: z.ZodError) => Response | Promise<Response>,
): MiddlewareHandler<Env, string, { out: { [K in T]: z.output<S> } }> {
  return async (c, next) => {
    const parsed = schema.safeParse(await read(c));
    if (!parsed.success) {
      if (refuse) return refuse(c, parsed.error);
      throw new Error(`validate: ${c.req.path}: a ${target} schema without a refusal failed: ${parsed.error.message}`);
    }
    c.req.addValidatedData(target, parsed.data as {});
    await next();
  };
}

/** The query string as sent (a repeated key gives its first value). */
export const rawQuery = (c: Context) => c.req.query();

/** A form sends its empty fields as empty strings: they mean "not given". (Schemas drop keys they do not name.) */
export function nonEmpty<T>(q: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''));
}

/** The query string without its empty fields. */
export const filledQuery = (c: Context) => nonEmpty(c.req.query());

/** The API's refusal: a 400 with every problem of the query named. */
export function badQuery(c: Context, error: z.ZodError) {
  const issues = error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
  return c.json({ error: `bad query: ${issues.join('; ')}`, issues }, 400);
}
