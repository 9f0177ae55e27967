/**
 * Stops the process (as a SIGTERM would) once its parent is gone. npm runs a script through
 * `sh -c`, and when npm is killed, sh dies of the signal npm passes on without passing it to
 * us: the server went on under init. Only for processes started by a package manager: one
 * started by hand with `setsid` or `&` must outlive its shell.
 */
export function stopWithParent(intervalMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, intervalMs);
  timer.unref();
}
