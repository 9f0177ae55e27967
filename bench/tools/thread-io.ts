/**
 * CPU and I/O per thread of the process (a preload, Linux): samples /proc every second and
 * at exit prints, for the busiest threads (the main thread first among equals), user and system
 * seconds, bytes and calls of reads and writes; under bench/ingest-run.ts, the same for each
 * round alone as it ends. A thread that ended keeps its last sample.
 *   node --import tsx --import ./bench/tools/thread-io.ts bench/ingest-run.ts 10000
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Sample {
  main: boolean;
  user: number;
  sys: number;
  rchar: number;
  syscr: number;
  wchar: number;
  syscw: number;
}
const task = `/proc/${process.pid}/task`;
const last = new Map<string, Sample>();

function sample(): void {
  for (const tid of readdirSync(task)) {
    try {
      const io = new Map(
        readFileSync(`${task}/${tid}/io`, 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split(': ') as [string, string]),
      );
      const stat = readFileSync(`${task}/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = 100; // USER_HZ
      last.set(tid, {
        main: tid === String(process.pid),
        user: Number(stat[11]) / ticks,
        sys: Number(stat[12]) / ticks,
        rchar: Number(io.get('rchar')),
        syscr: Number(io.get('syscr')),
        wchar: Number(io.get('wchar')),
        syscw: Number(io.get('syscw')),
      });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

setInterval(sample, 1000).unref();

const gb = (n: number) => (n / 1e9).toFixed(2);
const line = (t: Sample) =>
  `user ${t.user.toFixed(1)} s, system ${t.sys.toFixed(1)} s, read ${gb(t.rchar)} GB in ${t.syscr} calls, written ${gb(t.wchar)} GB in ${t.syscw} calls`;

// Per round, where the benchmark says where a round starts and ends (bench/ingest-run.ts): the
// totals at exit include opening the store (migrations, loading) and closing it (a checkpoint).
let atStart = new Map<string, Sample>();
process.on('bench:round-start', () => {
  sample();
  atStart = new Map(last);
});
process.on('bench:round-end', (round: number) => {
  sample();
  const rows = [...last].map(([tid, t]): [string, Sample] => {
    const s = atStart.get(tid);
    return [
      tid,
      s
        ? {
            main: t.main,
            user: t.user - s.user,
            sys: t.sys - s.sys,
            rchar: t.rchar - s.rchar,
            syscr: t.syscr - s.syscr,
            wchar: t.wchar - s.wchar,
            syscw: t.syscw - s.syscw,
          }
        : t,
    ];
  });
  for (const [tid, t] of rows.sort((a, b) => b[1].user + b[1].sys - (a[1].user + a[1].sys)).slice(0, 3)) {
    console.error(`thread-io: round ${round}: ${tid}${t.main ? ' (main)' : ''} ${line(t)}`);
  }
});
process.on('exit', () => {
  sample();
  for (const [tid, t] of [...last].sort((a, b) => b[1].user + b[1].sys - (a[1].user + a[1].sys)).slice(0, 6)) {
    console.error(`thread-io: ${tid}${t.main ? ' (main)' : ''} ${line(t)}`);
  }
});
