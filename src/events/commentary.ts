/** Article kinds that are a writer's view rather than a report: an event made of them is a piece of opinion. */
export const COMMENTARY: ReadonlySet<string> = new Set(['op-ed', 'analysis', 'interview', 'podcast']);

const isCommentary = (kind: string | null | undefined) => !!kind && COMMENTARY.has(kind);

/**
 * The voices an event speaks in, as bits. An event about a piece of opinion (its primary is
 * one) speaks in OPINIONS only: the reports in it are reports of that opinion. An event about a
 * happening speaks in REPORTS, and in OPINIONS too when a member is a writer's view of it (a
 * launch and an op-ed reacting to it): relating then counts it among the voices of that
 * op-ed's debate as well as among the reports (relate/score.ts).
 */
export const VOICE = { reports: 1, opinions: 2 } as const;

export function eventVoices(
  primaryKind: string | null | undefined,
  memberKinds: ReadonlyArray<string | null | undefined> = [],
): number {
  if (isCommentary(primaryKind)) return VOICE.opinions;
  return memberKinds.some(isCommentary) ? VOICE.reports | VOICE.opinions : VOICE.reports;
}
