import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `script` (a path relative to `from`, the caller's
 * import.meta.url, without extension): the compiled .js beside it; or, when the caller runs
 * from its .ts source under tsx (tests, benchmarks), that source through tsx, which a
 * thread does not inherit from `node --import tsx` and so registers first.
 */
export function startThread(script: string, from: string, workerData?: unknown): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`${script}.${fromSource ? 'ts' : 'js'}`, from);
  if (!fromSource) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData });
}
