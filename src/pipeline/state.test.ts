import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveClusterer } from '../events/live.js';
import type { Relater } from '../relate/relater.js';
import { PipelineState } from './state.js';

/** A relater that counts its resets. */
function countingRelater() {
  let resets = 0;
  const relater: Relater = {
    relate: async () => ({ taken: Promise.resolve(), results: Promise.resolve([]) }),
    reset: () => {
      resets++;
    },
    close: async () => {},
  };
  return { relater, resets: () => resets };
}

describe('PipelineState', () => {
  it('reset() forgets everything a rolled-back batch left', () => {
    const state = new PipelineState();
    state.clusterer = new Promise<LiveClusterer>(() => {});
    state.guidesLater.set('chips', '2026-11-22T12:00:00.000Z');
    state.eventsLater.add('e1');
    state.unsavable = true;
    state.relating.push({ taken: Promise.resolve(), results: Promise.resolve([]) });
    state.reset();
    assert.equal(state.clusterer, undefined);
    assert.equal(state.guidesLater.size, 0);
    assert.equal(state.eventsLater.size, 0);
    assert.equal(state.unsavable, false);
    assert.equal(state.relating.length, 0);
  });

  it('keeps its parsed relating caches across a reset, one set per state', () => {
    const state = new PipelineState();
    const caches = state.relateCaches;
    state.reset();
    assert.equal(state.relateCaches, caches, 'held under versions, they stay true after a rollback');
    assert.notEqual(new PipelineState().relateCaches, caches, 'never shared between stores');
  });

  it('relates with the given relater, else with one inline relater it keeps and resets', async () => {
    const state = new PipelineState();
    const given = countingRelater();
    assert.equal(state.relaterOf(given.relater), given.relater);
    const inline = state.relaterOf(undefined);
    assert.equal(state.relaterOf(undefined), inline, 'the same inline relater each time: it remembers its last job');
    assert.notEqual(new PipelineState().relaterOf(undefined), inline, 'one per state');
    state.reset();
    assert.equal(state.relaterOf(undefined), inline, 'reset keeps the inline relater (it forgets its last job)');
    assert.equal(given.resets(), 0, "the given relater is the caller's to reset");
  });

  it('forgetClusterer() drops only the clusterer', () => {
    const state = new PipelineState();
    state.clusterer = new Promise<LiveClusterer>(() => {});
    state.eventsLater.add('e1');
    state.forgetClusterer();
    assert.equal(state.clusterer, undefined);
    assert.deepEqual([...state.eventsLater], ['e1']);
  });
});
