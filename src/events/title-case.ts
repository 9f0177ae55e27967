/** Whether most longer words of a headline are capitalised ('title'), or in capitals ('capitals'): then case tells no names. */
export function titleCased(title: string): 'title' | 'capitals' | undefined {
  const ws = title.match(/\p{L}{4,}/gu) ?? [];
  if (ws.length < 3) return undefined;
  if (ws.filter((w) => w === w.toUpperCase()).length >= 0.6 * ws.length) return 'capitals';
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.6 * ws.length ? 'title' : undefined;
}
