import { topicsNamedIn } from '../analyze/topics.js';

/** What choosing an event's topics reads of each member. */
export interface TopicMember {
  title: string;
  topics: readonly string[];
}

/**
 * An event's topics, strongest first: its members' topics weighed (the primary's twice, each
 * member's first topics most), keeping those that are about the event. A topic one member
 * alone carries is often a passing mention ("universities teach with open models") or that
 * member's own story (a report on Salesforce's agents in an event on Microsoft Build), and
 * would head the event page as if the event were about it: it stays when that member is the
 * primary, when the event's own title or summary names it (an op-ed's "regulate open-source
 * AI", with the regulation topic from a report on it), or, in an event of two, when that
 * member's title names it: the other half of the coverage, whose headline says what it reads
 * into the event ("Hugging Face argues open models make security teams stronger").
 */
export function eventTopics(
  members: readonly TopicMember[],
  primary: TopicMember,
  shown: { title: string; summary: string },
  limit = 6,
): string[] {
  const weight = new Map<string, number>();
  const carriers = new Map<string, TopicMember[]>();
  for (const m of members) {
    const w = m === primary ? 2 : 1;
    m.topics.forEach((t, i) => {
      weight.set(t, (weight.get(t) ?? 0) + w / (1 + i * 0.3));
      (carriers.get(t) ?? carriers.set(t, []).get(t)!).push(m);
    });
  }
  const lone = [...carriers].filter(([, by]) => by.length === 1 && by[0] !== primary).map(([t]) => t);
  const named = topicsNamedIn(`${shown.title}\n${shown.summary}`, lone);
  const headlined = (t: string) => members.length === 2 && topicsNamedIn(carriers.get(t)![0]!.title, [t]).has(t);
  const passing = new Set(lone.filter((t) => !named.has(t) && !headlined(t)));
  return [...weight.entries()]
    .filter(([t]) => !passing.has(t))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([t]) => t);
}
