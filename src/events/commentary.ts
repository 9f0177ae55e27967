/** Article kinds that are a writer's view rather than a report: an event made of them is a piece of opinion. */
export const COMMENTARY: ReadonlySet<string> = new Set(['op-ed', 'analysis', 'interview', 'podcast']);
