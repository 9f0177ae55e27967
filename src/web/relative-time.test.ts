import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relativeTime } from './relative-time.js';

test('an age just short of a year reads in months, never "0y ago"', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  assert.equal(relativeTime(daysAgo(359), now), '11mo ago');
  assert.equal(relativeTime(daysAgo(360), now), '12mo ago');
  assert.equal(relativeTime(daysAgo(364), now), '12mo ago');
  assert.equal(relativeTime(daysAgo(365), now), '1y ago');
});
