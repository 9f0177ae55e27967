import autocannon from 'autocannon';

/** A load run's figures over its counted seconds only. */
export interface SteadyFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Answers that came in the counted seconds, whenever asked: what the server's CPU time then was spent on. */
  completed: number;
}

/** The value at quantile q of sorted numbers, rounded to whole milliseconds as autocannon prints them. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!);
}

/** A request sent before the counting began is left out, even when its answer came after. */
export function counted(
  answers: ReadonlyArray<{ at: number; ms: number; ok: boolean }>,
  from: number,
  to: number,
): { latencies: number[]; answered: number; non2xx: number } {
  const inWindow = answers.filter((a) => a.at - a.ms >= from && a.at <= to);
  return {
    latencies: inWindow
      .filter((a) => a.ok)
      .map((a) => a.ms)
      .sort((x, y) => x - y),
    answered: inWindow.length,
    non2xx: inWindow.filter((a) => !a.ok).length,
  };
}

/**
 * One autocannon run of `warmupS + seconds` whose first `warmupS` are not counted: the counted
 * seconds run on connections already open and answered. Two runs, as before, opened 50 new
 * connections at the start of the counted one, and a busy Node server accepts one connection
 * per turn of its event loop (libuv 1.45 on, libuv#3696): the last of them waited up to a
 * second for its first answer, a few dozen of the slowest answers of a 6 s run. `onCounting`
 * runs as the counted seconds begin (to read the server's CPU time then).
 */
export async function steadyLoad(
  opts: autocannon.Options,
  warmupS: number,
  seconds: number,
  onCounting: () => void | Promise<void>,
): Promise<SteadyFigures> {
  const answers: Array<{ at: number; ms: number; ok: boolean }> = [];
  let errors = 0;
  let from = Number.POSITIVE_INFINITY;
  let done!: (e: Error | null) => void;
  const finished = new Promise<void>((resolve, reject) => (done = (e) => (e ? reject(e) : resolve())));
  const instance = autocannon({ ...opts, duration: warmupS + seconds }, (e) => done(e));
  const t0 = performance.now();
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) =>
    answers.push({ at: performance.now() - t0, ms, ok: status >= 200 && status < 300 }),
  );
  instance.on('reqError', () => {
    if (performance.now() - t0 >= from) errors++;
  });
  const counting = setTimeout(async () => {
    from = performance.now() - t0;
    await onCounting();
  }, warmupS * 1000);
  await finished;
  clearTimeout(counting);
  const to = performance.now() - t0;
  const c = counted(answers, from, to);
  return {
    rps: c.answered / ((to - from) / 1000),
    p50: quantile(c.latencies, 0.5),
    p99: quantile(c.latencies, 0.99),
    non2xx: c.non2xx,
    errors,
    completed: answers.filter((a) => a.at >= from).length,
  };
}
