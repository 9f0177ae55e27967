/**
 * One term's list in the clusterer's inverted index: the events indexed under the term, in
 * the order they were added (as a Set keeps them: an event taken out and added again goes
 * to the end), each with its last activity beside it.
 *
 * Why not a Set of events: an article walks thousands of entries, and at a million articles
 * nearly half belong to events idle for longer than the window (they stay indexed for a
 * second window, for late articles). Checking the time on the event itself meant a read of
 * an object scattered in the heap for each, most of the walk's cost. Here the times sit in
 * one array beside the events, so an entry out of the window is passed over without
 * touching its event, and the events met are the same, in the same order, as the Set gave.
 *
 * An event is taken out by leaving a hole (its time set to -Infinity, never within any
 * window) and the list is closed up, in order, once holes are half of it. Each event keeps
 * its place in every list it is on (`slots`), so taking it out or moving its time costs no
 * search.
 */
export interface Posted {
  /** Term id → the event's place in that term's list. */
  slots: Map<number, number>;
  lastSeen: number;
}

export class Posting<E extends Posted> {
  /** The events, with holes (undefined) where one was taken out. */
  readonly events: Array<E | undefined> = [];
  /** Each entry's last activity (ms), -Infinity at a hole. */
  readonly lastSeen: number[] = [];
  private holes = 0;

  constructor(private readonly term: number) {}

  /** How many events are on the list. */
  get size(): number {
    return this.events.length - this.holes;
  }

  /** Put the event at the end (the caller knows it is not on the list). */
  add(e: E): void {
    e.slots.set(this.term, this.events.length);
    this.events.push(e);
    this.lastSeen.push(e.lastSeen);
  }

  /** Take the event off the list, if it is on it. */
  delete(e: E): void {
    const slot = e.slots.get(this.term);
    if (slot === undefined || this.events[slot] !== e) return;
    e.slots.delete(this.term);
    this.events[slot] = undefined;
    this.lastSeen[slot] = -Infinity;
    this.holes++;
    if (this.holes * 2 > this.events.length) this.closeUp();
  }

  /** The event's last activity moved: its entry follows. */
  touch(e: E): void {
    const slot = e.slots.get(this.term);
    if (slot !== undefined && this.events[slot] === e) this.lastSeen[slot] = e.lastSeen;
  }

  /** Remove the holes, keeping the order. */
  private closeUp(): void {
    let j = 0;
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i];
      if (e === undefined) continue;
      this.events[j] = e;
      this.lastSeen[j] = this.lastSeen[i]!;
      e.slots.set(this.term, j++);
    }
    this.events.length = j;
    this.lastSeen.length = j;
    this.holes = 0;
  }
}
