import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `script` (a path relative to `from`, the caller's
 * import.meta.url, without extension): the compiled .js beside it; or, when the caller runs
 * from its .ts source under tsx (tests, benchmarks), that source through tsx, which a
 * thread does not inherit from `node --import tsx` and so registers first, then the process's
 * other preloads (a bench tool's `--import`), which Node runs in a thread started from a file
 * but not in one started from code.
 */
export function startThread(script: string, from: string, workerData?: unknown): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`${script}.${fromSource ? 'ts' : 'js'}`, from);
  if (!fromSource) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const load = [...preloadsOf(process.execArgv), url.href].map((m) => `await import(${JSON.stringify(m)});`).join(' ');
  return new Worker(`import(${JSON.stringify(tsx)}).then(async (api) => { api.register(); ${load} })`, {
    eval: true,
    workerData,
  });
}

/** The modules given to `--import` in node's options, but tsx, as URLs (paths resolved from the working folder, as Node does). */
export function preloadsOf(execArgv: readonly string[]): string[] {
  const specs: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    const spec = a === '--import' ? execArgv[++i] : a.startsWith('--import=') ? a.slice('--import='.length) : undefined;
    if (!spec || spec === 'tsx') continue;
    specs.push(/^\.{0,2}\//.test(spec) ? pathToFileURL(resolve(spec)).href : spec);
  }
  return specs;
}

/**
 * Called by a helper thread (extraction, relating) on start: lower the calling thread's
 * scheduling priority by 10 nice steps (Linux: a thread is a task with its own nice value;
 * lowering one's own priority needs no privilege). The main thread writes the store and
 * clusters, and everything waits on it, while the helpers work ahead of it: when the threads
 * outnumber the cores, the main thread should be the one that runs. (Three rounds on copies of
 * a 200k store, alternating with and without: 348/313, 326/333, 364/354, 369/355 articles/s.)
 * Elsewhere, or when the system refuses, nothing changes.
 */
export function yieldToMainThread(by = 10): void {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + by));
  } catch {
    // not Linux, or not allowed: the thread keeps the priority it has
  }
}
