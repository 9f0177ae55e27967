/**
 * Where a run's writes go, page by page (a preload): turns SQLite's automatic checkpoint off
 * for every file store the process opens, so the write-ahead log keeps every page each commit
 * wrote, and just before such a store is closed prints how many pages the log holds and, per
 * b-tree (table or index), how many of them and how many distinct pages. For one round:
 *   BENCH_INGEST_DIR=<a copy of a kept store> BENCH_INGEST_ROUNDS=1 \
 *     node --import tsx --import ./bench/tools/wal-pages.ts bench/ingest-run.ts 1000000
 * The log grows by the whole run (gigabytes a round at 200k); use a copy of the store.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';

type Db = Database.Database;
const proto = Database.prototype as unknown as {
  pragma: (this: Db, src: string, opts?: unknown) => unknown;
  close: (this: Db) => Db;
};
const pragma = proto.pragma;
proto.pragma = function (src, opts) {
  return pragma.call(this, src === 'wal_autocheckpoint = 100000' ? 'wal_autocheckpoint = 0' : src, opts);
};
const close = proto.close;
proto.close = function () {
  if (!this.readonly && this.name !== ':memory:') {
    try {
      report(this);
    } catch (e) {
      console.error(`wal-pages: ${(e as Error).message}`);
    }
  }
  return close.call(this);
};

/** The page number of every frame in the store's log, in the order written. */
function framesOf(file: string): number[] {
  const fd = openSync(`${file}-wal`, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 32) return [];
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    const pageSize = header.readUInt32BE(8);
    const frame = Buffer.alloc(24);
    const pages: number[] = [];
    for (let at = 32; at + 24 + pageSize <= size; at += 24 + pageSize) {
      readSync(fd, frame, 0, 24, at);
      pages.push(frame.readUInt32BE(0));
    }
    return pages;
  } finally {
    closeSync(fd);
  }
}

function report(db: Db): void {
  const frames = framesOf(db.name);
  if (!frames.length) return;
  const owner = new Map(db.prepare('SELECT pageno, name FROM dbstat').raw().all() as Array<[number, string]>);
  const written = new Map<string, { frames: number; pages: Set<number> }>();
  for (const p of frames) {
    const name = owner.get(p) ?? '(free)';
    const w = written.get(name) ?? written.set(name, { frames: 0, pages: new Set() }).get(name)!;
    w.frames++;
    w.pages.add(p);
  }
  console.error(`wal-pages: ${db.name}: ${frames.length} pages written, ${new Set(frames).size} distinct`);
  for (const [name, w] of [...written].sort((a, b) => b[1].frames - a[1].frames).slice(0, 20)) {
    console.error(`wal-pages: ${String(w.frames).padStart(9)} ${String(w.pages.size).padStart(8)}  ${name}`);
  }
}
