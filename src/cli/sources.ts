import { readFileSync } from 'node:fs';
import { resolveFeedUrl } from '../ingest/discover.js';
import { readOpml, writeOpml } from '../ingest/opml.js';
import { readableHost } from '../ingest/outlet-name.js';
import { AI_CATALOG } from '../ingest/catalog/ai.js';
import type { Deps } from '../pipeline/deps.js';
import { findSource, listSources, sourceLabel, upsertSource, SOURCE_KINDS, type NewSource } from '../store/sources.js';
import { UsageError } from './context.js';
import { CATALOGS } from './preflight.js';
import { unfollowSource } from '../pipeline/unfollow.js';

export const SOURCES_HELP = `almanac sources <command>

  add <url> [--name N] [--author A] [--tier 1-3] [--kind K] [--id slug] [--allow-private] [--fulltext auto|always|never]
      [--poll-interval seconds]  (default: ALMANAC_POLL_INTERVAL_S, 3600)
        <url> may be a feed or a web page that announces one (<link rel="alternate">)
  set <id|feed-url> [--name N] [--author A] [--tier 1-3] [--kind K] [--fulltext auto|always|never]
      [--poll-interval seconds]
                           change a source you follow; its articles and events stay (a new tier
                           or kind counts for its events from their next update)
  list [--json]            sources with health: last success, last error, failures, next poll
  remove <id|feed-url>     the source and its articles; their events are undone and the other
                           articles in them placed again at the next almanac process
  import-opml <file>       add every feed of an OPML file
  export-opml              print all sources as OPML

kinds: ${SOURCE_KINDS.join(', ')}`;

export async function sourcesCommand(
  deps: Deps,
  args: string[],
  flags: Record<string, string | boolean | undefined>,
): Promise<number> {
  const [sub, arg] = args;
  const now = deps.clock.now();
  switch (sub) {
    case 'add': {
      if (!arg) throw new UsageError('sources add: give a feed or site URL');
      const allowPrivate = flags['allow-private'] === true;
      const every = flags['poll-interval'];
      if (every !== undefined && !(/^\d+$/.test(String(every)) && +every >= 60 && +every <= 7 * 86400))
        throw new UsageError(`sources add: --poll-interval takes seconds from 60 to ${7 * 86400}, not "${every}"`);
      // A feed already followed is left as it is (its name, tier, kind), whatever the flags say.
      const followed = async (feedUrl: string) => {
        const s = await findSource(deps.db, feedUrl);
        if (s) console.log(`already following ${s.id}: ${sourceLabel(s)} <${s.feedUrl}>; nothing changed`);
        return s !== undefined;
      };
      if (await followed(arg)) return 0;
      const found = await resolveFeedUrl(deps.http, arg, allowPrivate || deps.config.allowPrivate, {
        anyPrivate: deps.config.allowPrivate,
      });
      if (await followed(found.feedUrl)) return 0;
      const s = await upsertSource(
        deps.db,
        {
          feedUrl: found.feedUrl,
          name: (flags['name'] as string) ?? found.title ?? readableHost(new URL(found.feedUrl).hostname),
          ...(flags['author'] ? { author: flags['author'] as string } : {}),
          ...(flags['id'] ? { id: flags['id'] as string } : {}),
          ...(found.siteUrl ? { homeUrl: found.siteUrl } : {}),
          ...(flags['tier'] ? { tier: Number(flags['tier']) } : {}),
          ...(flags['kind'] ? { kind: flags['kind'] as NewSource['kind'] } : {}),
          ...(flags['fulltext'] ? { fulltext: flags['fulltext'] as NewSource['fulltext'] } : {}),
          ...(flags['poll-interval'] ? { pollIntervalS: Number(flags['poll-interval']) } : {}),
          // The allowance is for the host typed: a feed found elsewhere (public, as resolveFeedUrl checked) does without it.
          allowPrivate: allowPrivate && found.onTypedHost,
        },
        now,
        found.siteName && !flags['name'] ? { idFrom: found.siteName } : {},
      );
      console.log(
        `added ${s.id}: ${sourceLabel(s)} <${s.feedUrl}>${found.foundOn ? ` (found on ${found.foundOn})` : ''}`,
      );
      return 0;
    }
    case 'set': {
      if (!arg) throw new UsageError('sources set: give an id or feed URL');
      const s = await findSource(deps.db, arg);
      if (!s) {
        console.error(`sources: no source ${arg}`);
        return 1;
      }
      const changes = {
        ...(flags['name'] !== undefined ? { name: flags['name'] as string } : {}),
        ...(flags['author'] !== undefined ? { author: flags['author'] as string } : {}),
        ...(flags['tier'] !== undefined ? { tier: Number(flags['tier']) } : {}),
        ...(flags['kind'] !== undefined ? { kind: flags['kind'] as NewSource['kind'] } : {}),
        ...(flags['fulltext'] !== undefined ? { fulltext: flags['fulltext'] as NewSource['fulltext'] } : {}),
        ...(flags['poll-interval'] !== undefined ? { pollIntervalS: Number(flags['poll-interval']) } : {}),
      };
      if (!Object.keys(changes).length)
        throw new UsageError(
          'sources set: say what to change: --name, --author, --tier, --kind, --fulltext or --poll-interval',
        );
      const { author, homeUrl } = s;
      const after = await upsertSource(
        deps.db,
        {
          id: s.id,
          feedUrl: s.feedUrl,
          name: s.name,
          ...(author ? { author } : {}),
          ...(homeUrl ? { homeUrl } : {}),
          kind: s.kind,
          tier: s.tier,
          fulltext: s.fulltext,
          allowPrivate: s.allowPrivate,
          ...changes,
        },
        now,
      );
      console.log(`changed ${after.id}: ${sourceLabel(after)} <${after.feedUrl}>, tier ${after.tier}, ${after.kind}`);
      return 0;
    }
    case 'list': {
      const list = await listSources(deps.db);
      if (flags['json']) {
        console.log(JSON.stringify({ sources: list.map(({ etag: _e, lastModified: _l, ...s }) => s) }, null, 2));
        return 0;
      }
      if (!list.length) console.log('no sources yet: almanac sources add <url>, or almanac init --catalog ai');
      for (const s of list) {
        const health = s.consecutiveFailures
          ? `FAILING x${s.consecutiveFailures}: ${s.lastError}`
          : s.lastSuccessAt
            ? `ok ${s.lastSuccessAt}`
            : 'never fetched';
        console.log(
          `${s.id.padEnd(24)} t${s.tier} ${s.kind.padEnd(10)} ${sourceLabel(s)}\n${''.padEnd(24)} ` +
            `${s.feedUrl}\n${''.padEnd(24)} ${health}; next poll ${s.nextPollAt ?? 'now'}`,
        );
      }
      return 0;
    }
    case 'remove': {
      if (!arg) throw new UsageError('sources remove: give an id or feed URL');
      const gone = await unfollowSource(deps.db, arg);
      if (!gone) {
        console.error(`sources: no source ${arg}`);
        return 1;
      }
      console.log(
        `removed ${gone.id}: ${gone.articles} articles and the ${gone.events} events they were in` +
          (gone.replaced
            ? `; their ${gone.replaced} articles of other sources are placed again at the next \`almanac process\``
            : ''),
      );
      return 0;
    }
    case 'import-opml': {
      if (!arg) throw new UsageError('sources import-opml: give a file');
      const list = readOpml(readFileSync(arg, 'utf8'));
      let ok = 0;
      for (const s of list) {
        try {
          await upsertSource(deps.db, s, now);
          ok++;
        } catch (e) {
          console.error((e as Error).message);
        }
      }
      console.log(`imported ${ok} of ${list.length} feeds`);
      return ok === list.length ? 0 : 1;
    }
    case 'export-opml':
      process.stdout.write(writeOpml(await listSources(deps.db), now) + '\n');
      return 0;
    default:
      throw new UsageError(
        sub ? `almanac: unknown subcommand sources ${sub}; almanac sources --help lists them` : SOURCES_HELP,
      );
  }
}

export async function loadCatalog(deps: Deps, name: string): Promise<number> {
  if (!(CATALOGS as readonly string[]).includes(name))
    throw new UsageError(`almanac: --catalog: expected one of ${CATALOGS.join(', ')}, got ${name}`);
  for (const s of AI_CATALOG) await upsertSource(deps.db, s, deps.clock.now());
  return AI_CATALOG.length;
}
