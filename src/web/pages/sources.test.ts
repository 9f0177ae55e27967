import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import type { Source } from '../../store/sources.js';
import { SourcesPage } from './sources.js';

const failing = (failures: number): Source => ({
  id: 'openai',
  name: 'OpenAI',
  author: null,
  homeUrl: null,
  feedUrl: 'https://openai.com/news/rss.xml',
  kind: 'lab',
  tier: 1,
  pollIntervalS: null,
  allowPrivate: false,
  fulltext: 'auto',
  etag: null,
  lastModified: null,
  lastFetchAt: null,
  lastSuccessAt: null,
  lastError: 'DNS: openai.com not found',
  lastErrorAt: null,
  consecutiveFailures: failures,
  nextPollAt: null,
  createdAt: '2026-12-01T00:00:00Z',
});

test('the sources page counts one failure in the singular, more in the plural', () => {
  const page = (n: number) => String(jsx(SourcesPage, { sources: [failing(n)], stats: new Map(), now: new Date() }));
  assert.match(page(1), /1 failure: DNS: openai\.com not found/);
  assert.doesNotMatch(page(1), /1 failures/);
  assert.match(page(3), /3 failures: /);
});
