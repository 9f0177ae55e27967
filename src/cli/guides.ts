import { addManualGuide, afterTopicMerge, backfillGuide } from '../guides/membership.js';
import type { Deps } from '../pipeline/deps.js';
import { deleteGuide } from '../store/guides.js';
import { getGuide, listGuides } from '../guides/read.js';
import { listTopics, mergeTopic, renameTopic } from '../store/topics.js';
import { UsageError } from './context.js';

export const GUIDES_HELP = `almanac guides <command>

  list [--json]                          every guide: slug, subject, events, latest
  add --title <title> --query <query> [--id <slug>]
                                         a guide by hand for a full-text query over events
                                         (words, "phrases", AND, OR, NOT, parentheses)
  show <slug> [--json]                   the guide's overview and events
  rebuild <slug>                         refill a guide's events from scratch
  remove <slug>                          delete a guide (an automatic one comes back while its subject is busy)

Guides are also made automatically for every topic or entity that 3 events from at least
2 sources name; they update as events arrive.`;

export const TOPICS_HELP = `almanac topics <command>

  list [--json]                          the taxonomy: slug, label, parent, origin, slug aliases
  merge <from> <into>                    <from> becomes an alias of <into> everywhere (articles, events, guides, URLs)
  rename <slug> <new-slug> [--name <label>]
                                         a new slug (and label) for a topic; the old slug keeps resolving`;

type Flags = Record<string, string | boolean | undefined>;

export async function guidesCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [sub, arg] = args;
  const at = deps.clock.now().toISOString();
  switch (sub) {
    case 'list': {
      const guides = await listGuides(deps.db, { limit: 100_000, overviews: !!flags['json'] });
      if (flags['json']) {
        console.log(JSON.stringify({ guides }, null, 2));
        return 0;
      }
      if (!guides.length)
        console.log(
          'no guides yet: they appear as topics and entities get busy, or almanac guides add --title … --query …',
        );
      for (const g of guides)
        console.log(
          `${g.slug.padEnd(32)} ${String(g.eventCount).padStart(5)} events  ${g.subjectKind}: ${g.subject}${g.origin === 'manual' ? ' (by hand)' : ''}`,
        );
      return 0;
    }
    case 'add': {
      const title = flags['title'];
      const query = flags['query'];
      if (typeof title !== 'string' || typeof query !== 'string')
        throw new UsageError('guides add: give --title and --query');
      const g = await addManualGuide(
        deps.db,
        { title, query, ...(typeof flags['id'] === 'string' ? { slug: flags['id'] } : {}) },
        at,
      );
      console.log(`added guide ${g.slug}: ${g.title} (${g.eventCount} events match ${JSON.stringify(query)})`);
      return 0;
    }
    case 'show': {
      if (!arg) throw new UsageError('guides show: give a slug');
      const g = await getGuide(deps.db, arg);
      if (!g) {
        console.error(`guides: no guide ${arg}`);
        return 1;
      }
      const events = await deps.db.all<{ id: string; title: string; significance: number; first_seen: string }>(
        `SELECT e.id, e.title, e.significance, e.first_seen FROM guide_events ge JOIN events e ON e.id = ge.event_id
        WHERE ge.guide_slug = ? ORDER BY ge.first_seen DESC`,
        [g.slug],
      );
      if (flags['json']) console.log(JSON.stringify({ guide: g, events }, null, 2));
      else {
        console.log(`${g.title}\n${g.subjectKind}: ${g.subject} · ${g.eventCount} events\n\n${g.overview}\n`);
        for (const e of events) console.log(`${e.first_seen.slice(0, 10)} [${e.significance}] ${e.title} (${e.id})`);
      }
      return 0;
    }
    case 'rebuild': {
      if (!arg) throw new UsageError('guides rebuild: give a slug');
      const n = await deps.db.transaction(async (tx) => backfillGuide(tx, arg));
      console.log(`guide ${arg}: ${n} events`);
      return 0;
    }
    case 'remove': {
      if (!arg) throw new UsageError('guides remove: give a slug');
      if (!(await deleteGuide(deps.db, arg))) {
        console.error(`guides: no guide ${arg}`);
        return 1;
      }
      console.log(`removed guide ${arg}`);
      return 0;
    }
    default:
      throw new UsageError(`guides: unknown command ${sub ?? '(none)'}\n\n${GUIDES_HELP}`);
  }
}

export async function topicsCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [sub, a, b] = args;
  const at = deps.clock.now().toISOString();
  switch (sub) {
    case 'list': {
      const counts = new Map(
        (
          await deps.db.all<{ subject: string; n: number }>(
            `SELECT subject, COUNT(*) AS n FROM event_subjects WHERE kind = 'topic' GROUP BY subject`,
          )
        ).map((r) => [r.subject, r.n]),
      );
      const topics = (await listTopics(deps.db)).map((t) => ({ ...t, events: counts.get(t.slug) ?? 0 }));
      if (flags['json']) {
        console.log(JSON.stringify({ topics }, null, 2));
        return 0;
      }
      for (const t of topics) {
        console.log(
          `${t.slug.padEnd(30)} ${String(t.events).padStart(5)} events  ${t.label}` +
            `${t.parent ? ` (in ${t.parent})` : ''} [${t.origin}]` +
            `${t.slugAliases.length ? `  aliases: ${t.slugAliases.join(', ')}` : ''}`,
        );
      }
      return 0;
    }
    case 'merge': {
      if (!a || !b) throw new UsageError('topics merge: give <from> <into>');
      const r = await deps.db.transaction(async (tx) => {
        const changed = await mergeTopic(tx, a, b);
        await afterTopicMerge(tx, a, b);
        return changed;
      });
      console.log(
        `merged ${a} into ${b}: ${r.extractions} articles and ${r.events} events now say ${b}; ${a} resolves to ${b}`,
      );
      return 0;
    }
    case 'rename': {
      if (!a || !b) throw new UsageError('topics rename: give <slug> <new-slug>');
      const r = await deps.db.transaction(async (tx) => {
        const changed = await renameTopic(tx, a, b, typeof flags['name'] === 'string' ? flags['name'] : undefined, at);
        await afterTopicMerge(tx, a, b);
        return changed;
      });
      console.log(
        `renamed ${a} to ${b}: ${r.extractions} articles and ${r.events} events updated; ${a} resolves to ${b}`,
      );
      return 0;
    }
    default:
      throw new UsageError(`topics: unknown command ${sub ?? '(none)'}\n\n${TOPICS_HELP}`);
  }
}
