import { createHash } from 'node:crypto';

/** The identity of an event's member set: a new article makes a model's review of it stale. */
export function reviewKey(members: { articleId: number }[]): string {
  return createHash('sha256')
    .update(
      members
        .map((m) => m.articleId)
        .sort((a, b) => a - b)
        .join(','),
    )
    .digest('hex')
    .slice(0, 32);
}
