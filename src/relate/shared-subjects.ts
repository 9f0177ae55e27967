import { parseSubjectList, type SubjectList } from '../store/relating.js';

/**
 * Relating's candidate choice: the events met in the lists of an event's subjects, counted
 * (how many of its subjects each shares, the latest week it shares one in) and ranked. A
 * refresh meets a few thousand of them and keeps sixty, so the best are picked with a small
 * heap instead of sorting them all: sorting was the largest part of relating's cost on a
 * full store.
 */
export interface SharedEvent {
  id: string;
  /** How many of the subjects it shares. */
  n: number;
  /** The latest week in which it shares one. */
  week: number;
}

/** Counts each event met: `add` once for every (event, week) a subject's list holds. */
export class SharedCounter {
  private readonly byId = new Map<string, SharedEvent>();

  constructor(private readonly exclude?: string) {}

  add(id: string, week: number): void {
    if (id === this.exclude) return;
    const c = this.byId.get(id);
    if (!c) this.byId.set(id, { id, n: 1, week });
    else {
      c.n++;
      if (week > c.week) c.week = week;
    }
  }

  /** Count every event of one subject's list. */
  addSubject(list: SubjectList): void {
    for (let i = 0; i < list.ids.length; i++) this.add(list.ids[i]!, list.weeks[i]!);
  }

  /** Reads the compact list one SQL row carries (see parseSubjectList) and counts it. */
  addList(list: string | null, separator: string): void {
    this.addSubject(parseSubjectList(list, separator));
  }

  get all(): SharedEvent[] {
    return [...this.byId.values()];
  }
}

/** Ids grow with the article that began the event ("e" and a number): the longer, then the later, is newer. */
function newerFirst(a: string, b: string): number {
  return b.length - a.length || (a < b ? 1 : a > b ? -1 : 0);
}

/** Most shared subjects first, then the latest shared week, then the newest event: a total order. */
export function compareShared(a: SharedEvent, b: SharedEvent): number {
  return b.n - a.n || b.week - a.week || newerFirst(a.id, b.id);
}

/**
 * The first `k` of `all` in compareShared's order (the same as sorting all of them and
 * taking the first `k`), in O(n log k): a heap holding the best `k` so far, its worst at the
 * root, so most events are turned away with one comparison.
 */
export function bestShared(all: readonly SharedEvent[], k: number): SharedEvent[] {
  if (k <= 0) return [];
  if (all.length <= k) return [...all].sort(compareShared);
  const heap: SharedEvent[] = [];
  const worse = (a: SharedEvent, b: SharedEvent) => compareShared(a, b) > 0;
  for (const e of all) {
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (compareShared(e, heap[0]!) < 0) {
      heap[0] = e;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k && worse(heap[l]!, heap[m]!)) m = l;
        if (r < k && worse(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
  }
  return heap.sort(compareShared);
}
