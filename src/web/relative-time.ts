/** "35h ago", "18d ago", "1mo ago": the ages the seed screens show. */
export function relativeTime(iso: string | null, now: Date): string {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ago`;
  const d = Math.floor(h / 24);
  if (d < 30) return `${d}d ago`;
  // Twelve 30-day months fall short of a year: 360 to 364 days are "12mo", not "0y".
  if (d < 365) return `${Math.floor(d / 30)}mo ago`;
  return `${Math.floor(d / 365)}y ago`;
}
