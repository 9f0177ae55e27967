import { contentTerms, properTerms } from '../analyze/text/terms.js';
import { withoutNewsletter } from '../ingest/boilerplate/clean.js';
import { eventCover, type HappeningEvidence, happeningEvidence, specificity } from './happening.js';
import { Posting } from './posting.js';
import { gatheringNames, isRoundup, roundupOf } from './roundup.js';
import { type ArticleNames, articleNames, NameRules, openingName } from './names.js';
import { authorMarks, namedMarks } from './reaction.js';
import { dot, holding, knownTermId, SparseVector, termId, termName } from './vector.js';

/**
 * Online, time-aware clustering of articles into events.
 *
 * Each article becomes a TF-IDF vector (sub-linear term frequency; IDF from the articles
 * seen so far, so no training corpus and no labels) over its title, its lead, the words of
 * its URL slug and its entities, each field with its own weight. It joins the most similar
 * live event it is admitted to, else it starts a new event: the cosine to the event's centroid
 * must clear a threshold, and what the two share must be specific to this happening, not names
 * that come up in event after event (see admits and happening.ts). Candidates come from an inverted index of each event's heaviest terms, kept to
 * events active within a sliding window, so the cost of one article does not grow with the
 * size of the store. When an event grows, it is compared with the other candidates and two
 * events that have converged are merged (the smaller into the larger).
 */
export interface ClusterInput {
  id: string;
  title: string;
  text?: string;
  url?: string;
  published: Date;
  source?: string;
  /** Names of organisations, people, products...: from the extractor when it ran. */
  entities?: readonly string[];
  /** The by-line: a reaction that names it answers this article (see reaction.ts). */
  author?: string;
}

export interface ClusterSettings {
  /** Cosine to a centroid at or above which an article joins that event. */
  joinThreshold: number;
  /**
   * An article joins on the cosine alone when it reaches this share of the event's cohesion
   * (see cohesion); between the join threshold and that, only after a close look.
   */
  cohesionFactor: number;
  /** Above that bar: share of the article's specific weight (see happening.ts) the event must have, per unit of its cohesion. */
  specificByCohesion: number;
  /**
   * A wide event (cohesion under this) takes on the cosine route an article with a lead only when its core (the
   * headlines of its first `coreMembers` members, and of the events merged into it) explains `coreCover` of the
   * article's headline (see coreCover), counting the terms at least `coreSpecificity` specific; a merge into it
   * likewise (see coresShare). One member: a second can be one that joined on a name ("Sam Altman") alone.
   */
  wideCohesion: number;
  coreMembers: number;
  coreCover: number;
  coreSpecificity: number;
  /** Below it, the close look: share of the article's specific weight the event must have, and of its headline's. */
  specificShare: number;
  titleCover: number;
  /** How specific (see happening.ts) a name must be to be taken for a roundup's when it names no gathering (see gatheringOf). */
  gatheringSpecificity: number;
  /** Terms of an article up to which its cosine is taken as it is (see lengthFactor). */
  plainTerms: number;
  /** Cosine between two centroids at or above which the events merge. */
  mergeThreshold: number;
  /** A merge also needs the bridging article to reach this multiple of the join threshold on the other event. */
  bridgeFactor: number;
  /** Events idle for longer than this no longer take new articles. */
  windowHours: number;
  /**
   * Events idle for longer than this behind the newest article seen are dropped from memory
   * (an article that old can then only start a new event): what bounds memory as the store
   * grows. The live pipeline loads the same span from the store when it starts.
   */
  keepHours: number;
  /** Similarity to an event halves for every this many hours since it last grew: news of one happening comes close together. */
  halfLifeHours: number;
  /** Field weights. */
  titleWeight: number;
  leadWeight: number;
  urlWeight: number;
  entityWeight: number;
  /** Extra weight on capitalised title words (names) over common words. */
  properBoost: number;
  /** Words of the lead (text beyond it is ignored: the lead says what happened). */
  leadWords: number;
  /** Terms of each centroid kept in the inverted index, and candidates compared per article. */
  indexTerms: number;
  maxCandidates: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  joinThreshold: 0.1,
  cohesionFactor: 0.25,
  specificByCohesion: 0.15,
  specificShare: 0.2,
  wideCohesion: 0.6,
  coreMembers: 1,
  coreCover: 0.1,
  coreSpecificity: 0.5,
  titleCover: 0.5,
  plainTerms: 30,
  gatheringSpecificity: 0.15,
  mergeThreshold: 0.2,
  bridgeFactor: 1,
  windowHours: 96,
  keepHours: 30 * 24,
  halfLifeHours: 24,
  titleWeight: 1,
  leadWeight: 0.6,
  urlWeight: 0.6,
  entityWeight: 0.8,
  properBoost: 1.5,
  leadWords: 80,
  indexTerms: 40,
  maxCandidates: 60,
};

export interface Assignment {
  event: string;
  similarity: number;
  created: boolean;
  /** Events whose centroid changed (the one joined or created, and merge survivors). */
  touched: string[];
  /** Events merged away, each into the event that absorbed it. */
  merges: { from: string; into: string }[];
  /** The article's terms, counted once each in the document frequencies. */
  terms: string[];
}

/** Why an article joined an event, as the clusterer saw it then: a probe's view, not used in deciding. */
export interface JoinExplanation {
  article: string;
  event: string;
  /** The event's size and cohesion before the article joined. */
  size: number;
  cohesion: number;
  similarity: number;
  evidence: HappeningEvidence;
  /** The terms the article shares with the event, with their weight times specificity, heaviest first. */
  shared: { term: string; weight: number }[];
}

/** An event's clustering state, as stored between runs. */
export interface EventState {
  id: string;
  centroid: SparseVector;
  /** Squared length of the centroid, kept as members are added. */
  norm2: number;
  size: number;
  lastSeen: number;
  /** The terms under which the event is in the inverted index, each with its place in that term's list. */
  slots: Map<number, number>;
  /** Scratch of the candidate search: the call that last met the event, and its score in that call. */
  metIn: number;
  score: number;
}

/** An event's state without the clusterer's bookkeeping (as stored between runs). */
export type StoredEventState = Omit<EventState, 'slots' | 'metIn' | 'score'>;

const URL_NOISE = new Set([
  'www',
  'com',
  'html',
  'htm',
  'php',
  'aspx',
  'asp',
  'shtml',
  'jsp',
  'cms',
  'news',
  'article',
  'articles',
  'story',
  'stories',
  'index',
  'amp',
  'blog',
  'blogs',
  'post',
  'posts',
  'en',
  'us',
  'uk',
  'id',
  'idus',
  'idin',
]);

/** The words of a URL's path (slugs often say what the headline only hints at). */
export function urlWords(url: string | undefined): string {
  if (!url) return '';
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return '';
  }
  return path
    .split(/[/\-_.+,;=?&%\\]+/)
    .filter((w) => w.length > 1 && !/\d/.test(w) && !URL_NOISE.has(w.toLowerCase()) && !/^[a-z0-9]{16,}$/i.test(w))
    .join(' ');
}

export class OnlineClusterer {
  readonly settings: ClusterSettings;
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly events = new Map<string, EventState>();
  /** Term id → the live events with that term among their heaviest (see reindex). */
  private readonly index = new Map<number, Posting<EventState>>();
  /** Merged-away event → the event that absorbed it. */
  private readonly mergedInto = new Map<string, string>();
  private nextId = 1;
  private newest = 0;
  private addsSincePrune = 0;
  private calls = 0;
  /** Term id → in how many of the events held the term is (see specificity). */
  private readonly eventsWith = new Map<number, number>();
  /** A gathering's mark → the event of its roundups (see roundup.ts): the latest one, the only one a roundup may join. */
  private readonly roundups = new Map<number, EventState>();

  constructor(
    settings: Partial<ClusterSettings> = {},
    private readonly newId: (doc: ClusterInput, n: number) => string = (_d, n) => `e${n}`,
    /** Told why each article joined the event it joined (for probes; nothing calls it by default). */
    private readonly explain?: (why: JoinExplanation) => void,
  ) {
    this.settings = { ...DEFAULT_CLUSTER_SETTINGS, ...settings };
  }

  /** Restore the document frequencies saved by an earlier run. */
  loadFrequencies(docs: number, df: Iterable<[string, number]>): void {
    this.docs = docs;
    for (const [t, n] of df) this.df.set(t, n);
  }

  /**
   * Restore a live event saved by an earlier run. Given the newest activity of the store it
   * comes from, an event idle for two windows behind it is held (for relating) but left out
   * of the inverted index, as prune leaves it: no article can join it.
   */
  loadEvent(e: StoredEventState, newest?: number): void {
    // Every state is made with the same fields in the same order: the candidate search reads
    // them on thousands of events per article, fastest when they all share one shape.
    const state: EventState = {
      id: e.id,
      centroid: new SparseVector(e.centroid.ids.slice(), e.centroid.weights.slice()),
      norm2: e.norm2,
      size: e.size,
      lastSeen: e.lastSeen,
      slots: new Map(),
      metIn: 0,
      score: 0,
    };
    const old = this.events.get(state.id);
    if (old) {
      this.unindex(old);
      this.countTerms(old.centroid.ids, -1);
    }
    // An event stored before events kept a core (see coreCover) has its core unknown: it is not held to one.
    if (!state.centroid.ids.some((t) => termName(t).startsWith(CORE_MARK)))
      state.centroid.add(new SparseVector(Int32Array.of(CORE_UNKNOWN), new Float64Array(1)));
    this.events.set(state.id, state);
    this.countTerms(state.centroid.ids, 1);
    this.rememberRoundups(state);
    if (newest === undefined || e.lastSeen >= this.unindexBefore(newest)) this.reindex(state);
  }

  /** The state of a live event, to store. */
  eventState(id: string): StoredEventState | undefined {
    const e = this.events.get(id);
    return e && { id: e.id, centroid: e.centroid, norm2: e.norm2, size: e.size, lastSeen: e.lastSeen };
  }

  /** The event an article's event has become after merges. */
  resolve(eventId: string): string {
    let id = eventId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  /** The weighted term counts of an article before IDF, its names' marks last with a count of 0 (see names.ts). */
  termCounts(doc: ClusterInput): Map<string, number> {
    return this.articleTerms(doc).counts;
  }

  private articleTerms(doc: ClusterInput): {
    counts: Map<string, number>;
    names: ArticleNames;
    title: string;
    lead: string;
  } {
    const s = this.settings;
    const counts = new Map<string, number>();
    const add = (terms: Iterable<string>, weight: number) => {
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + weight);
    };
    const { title, lead } = withoutNewsletter(doc.title, doc.text ? doc.text.split(/\s+/, s.leadWords).join(' ') : '');
    add(contentTerms(title), s.titleWeight);
    const proper = properTerms(title);
    for (const t of proper) if (counts.has(t)) counts.set(t, counts.get(t)! * s.properBoost);
    if (lead) add(contentTerms(lead), s.leadWeight / 2);
    const url = urlWords(doc.url);
    if (url) add(contentTerms(url), s.urlWeight);
    // An entity is one term, its words together: "AI Mode" and "Study Mode" share no entity (see names.ts).
    if (doc.entities)
      for (const e of doc.entities) {
        const words = contentTerms(e);
        if (words.length) add([`@${words.join(' ')}`], s.entityWeight);
      }
    const names = articleNames(title, lead, url);
    for (const m of names.marks) if (!counts.has(m)) counts.set(m, 0);
    for (const m of authorMarks(doc.author)) counts.set(m, 0);
    return { counts, names, title, lead };
  }

  private vectorize(counts: Map<string, number>): SparseVector {
    const ids = new Int32Array(counts.size);
    const weights = new Float64Array(counts.size);
    let n2 = 0;
    let i = 0;
    for (const [t, c] of counts) {
      const idf = Math.log((this.docs + 1) / ((this.df.get(t) ?? 0) + 1)) + 1;
      // A count of 0 is a mark (see names.ts): held, weightless.
      const w = c ? (1 + Math.log(1 + c)) * idf : 0;
      ids[i] = termId(t);
      weights[i++] = w;
      n2 += w * w;
    }
    const n = Math.sqrt(n2);
    if (n) for (let j = 0; j < weights.length; j++) weights[j] = weights[j]! / n;
    return new SparseVector(ids, weights);
  }

  /**
   * The live events in the window sharing the most index weight with the article: scored
   * through the inverted index, the best `maxCandidates` kept (ties in the order they
   * were met), best first.
   */
  private candidates(v: SparseVector, now: number): EventState[] {
    const windowMs = this.settings.windowHours * 3_600_000;
    const k = this.settings.maxCandidates;
    // Each event met is stamped with this call's number and keeps its running score on
    // itself: a property read per posting instead of a Map lookup (an article walks
    // thousands of postings).
    const call = ++this.calls;
    const met: EventState[] = [];
    for (let i = 0; i < v.ids.length; i++) {
      const posting = this.index.get(v.ids[i]!);
      if (!posting) continue;
      const w = v.weights[i]!;
      // The time beside each entry, not the event's own: an entry out of the window (about
      // half of them once the store is large, see posting.ts) is passed over without
      // reading its event. A hole's time is -Infinity, never within the window.
      const { events, lastSeen } = posting;
      for (let j = 0; j < events.length; j++) {
        if (now - lastSeen[j]! > windowMs) continue;
        const e = events[j]!;
        if (e.metIn !== call) {
          e.metIn = call;
          e.score = w;
          met.push(e);
        } else e.score += w;
      }
    }
    const score = met.map((e) => e.score);
    let keep: number[] = [];
    if (met.length > k) {
      // The k-th best score; everything above it is in, and ties at it in the order met.
      const cut = nthSmallest(Float64Array.from(score), met.length - k);
      const ties: number[] = [];
      for (let i = 0; i < met.length; i++) {
        if (score[i]! > cut) keep.push(i);
        else if (score[i] === cut) ties.push(i);
      }
      for (let i = 0; keep.length < k && i < ties.length; i++) keep.push(ties[i]!);
    } else keep = met.map((_, i) => i);
    return keep.sort((a, b) => score[b]! - score[a]! || a - b).map((i) => met[i]!);
  }

  private similarity(v: SparseVector, e: EventState, at: number): number {
    if (!e.norm2) return 0;
    return (dot(v, e.centroid) / Math.sqrt(e.norm2)) * this.decay(e, at);
  }

  /** What the time since the event last grew leaves of a similarity to it (see halfLifeHours). */
  private decay(e: EventState, at: number): number {
    const idleHours = Math.max(0, at - e.lastSeen) / 3_600_000;
    return Math.pow(0.5, idleHours / this.settings.halfLifeHours);
  }

  private addTo(e: EventState, v: SparseVector, at: number, titleTerms: number, actor: () => readonly string[]): void {
    if (e.size < this.settings.coreMembers) this.addCoreMarks(e, v, titleTerms, actor());
    const d = dot(v, e.centroid);
    let v2 = 0;
    for (let i = 0; i < v.weights.length; i++) v2 += v.weights[i]! * v.weights[i]!;
    const had = e.centroid.ids.length;
    e.centroid.add(v);
    this.countTerms(e.centroid.ids.subarray(had), 1);
    e.norm2 += 2 * d + v2;
    e.size += 1;
    e.lastSeen = Math.max(e.lastSeen, at);
    this.reindex(e);
  }

  /** Mark the article's headline terms and its actor as the event's core (see coreCover): weightless, so no cosine changes. */
  private addCoreMarks(e: EventState, v: SparseVector, titleTerms: number, actor: readonly string[]): void {
    const ids = Int32Array.from(
      [...v.ids.subarray(0, titleTerms)]
        .map((t) => termId(CORE_MARK + termName(t)))
        .concat(actor.map((t) => termId(ACTOR_MARK + t))),
    );
    const had = e.centroid.ids.length;
    e.centroid.add(new SparseVector(ids, new Float64Array(ids.length)));
    this.countTerms(e.centroid.ids.subarray(had), 1);
  }

  /**
   * Share of the specificity of the article's headline terms that the event's core (its first
   * members' headlines) has: a wide event's peripheral members and the names in every other
   * story explain a headline about something else, its core does not. When the headline opens
   * with the core's actor ("Elon Musk's SpaceX might invest …" beside "Elon Musk introduced Grok
   * 4 …"), the actor says who, not what happened: the rest of the headline is what the core must explain.
   */
  private coreCover(v: SparseVector, titleTerms: number, e: EventState, actor: readonly string[]): number {
    const events = this.events.size;
    const ew = this.eventsWith;
    return holding(e.centroid, (has) => {
      if (has(CORE_UNKNOWN)) return 1;
      const actorIds = actor.map(knownTermId);
      const sameActor = actor.some((t) => has(knownTermId(ACTOR_MARK + t)));
      let all = 0;
      let shared = 0;
      for (let i = 0; i < titleTerms && i < v.ids.length; i++) {
        const t = v.ids[i]!;
        if (sameActor && actorIds.includes(t)) continue;
        const sp = specificity((ew.get(t) ?? 0) - (has(t) ? 1 : 0), events - 1);
        all += sp;
        if (sp >= this.settings.coreSpecificity && has(knownTermId(CORE_MARK + termName(t)))) shared += sp;
      }
      return all ? shared / all : 0;
    });
  }

  /** Share of the specificity of `from`'s core terms (see coreCover) that `into`'s core has. */
  private coresShare(into: EventState, from: EventState): number {
    const events = this.events.size;
    const ew = this.eventsWith;
    return holding(into.centroid, (has) => {
      if (has(CORE_UNKNOWN)) return 1;
      let all = 0;
      let shared = 0;
      for (const m of from.centroid.ids) {
        if (m === CORE_UNKNOWN) return 1;
        const name = termName(m);
        if (!name.startsWith(CORE_MARK)) continue;
        const sp = specificity((ew.get(knownTermId(name.slice(CORE_MARK.length))) ?? 1) - 1, events - 1);
        all += sp;
        if (sp >= this.settings.coreSpecificity && has(m)) shared += sp;
      }
      return all ? shared / all : 1;
    });
  }

  /** Drop the events idle for longer than keepHours behind the newest article. */
  private prune(): void {
    this.addsSincePrune = 0;
    const forget = this.newest - this.settings.keepHours * 3_600_000;
    // An event idle for two windows behind the newest article leaves the inverted index (an
    // article would have to come more than a window late to reach it), so the postings every
    // article walks follow the window, not the month kept in memory for relating. It comes
    // back in if it grows again (a merge).
    const idleBefore = this.unindexBefore(this.newest);
    for (const e of this.events.values()) {
      if (e.lastSeen >= idleBefore) continue;
      this.unindex(e);
      if (e.lastSeen < forget) this.forget(e);
    }
  }

  /** Events idle since before this time, behind the newest article at `newest`, are out of the inverted index. */
  private unindexBefore(newest: number): number {
    return newest - 2 * this.settings.windowHours * 3_600_000;
  }

  /** How many events are held in memory (for tests and the benchmark). */
  get liveEvents(): number {
    return this.events.size;
  }

  /** Keep the event's heaviest terms in the inverted index (and only those: postings stay short). */
  private reindex(e: EventState): void {
    const k = this.settings.indexTerms;
    const { ids, weights } = e.centroid;
    // Heaviest first; equal weights in the order the terms came (the sort is stable). Weightless
    // marks (see names.ts) would add nothing to a candidate's score: they are not indexed.
    const top = Array.from(ids.keys())
      .filter((i) => weights[i]! > 0)
      .sort((a, b) => weights[b]! - weights[a]!)
      .slice(0, k)
      .map((i) => ids[i]!);
    const next = new Set(top);
    for (const t of e.slots.keys()) if (!next.has(t)) this.index.get(t)?.delete(e);
    for (const t of next) {
      let posting = this.index.get(t);
      // Already under the term: its entry takes the event's new time.
      if (e.slots.has(t)) {
        posting?.touch(e);
        continue;
      }
      if (!posting) this.index.set(t, (posting = new Posting(t)));
      posting.add(e);
    }
  }

  /**
   * How much more a cosine says over a long text than over a headline: the overlap two
   * unrelated texts have by chance falls as 1/√(terms), so beyond `plainTerms` terms the
   * cosine is weighed up by that much (full text: the title and the lead).
   */
  private lengthFactor(v: SparseVector): number {
    // Weightless marks (see names.ts) are not terms of the text.
    let terms = 0;
    for (let i = 0; i < v.weights.length; i++) if (v.weights[i]! > 0) terms++;
    return Math.max(1, Math.sqrt(terms / this.settings.plainTerms));
  }

  /** Remember a loaded event of a gathering's roundups as its gathering's, when it is the latest one. */
  private rememberRoundups(e: EventState): void {
    if (!e.centroid.ids.includes(ROUNDUP_MARK)) return;
    for (const t of e.centroid.ids) {
      if (!termName(t).startsWith(GATHERING_MARK)) continue;
      const held = this.roundups.get(t);
      if (!held || held.lastSeen <= e.lastSeen) this.roundups.set(t, e);
    }
  }

  /** The live event of these gatherings' roundups an article may join: in memory and grown within the window. */
  private roundupEvent(gathering: Int32Array, at: number): EventState | undefined {
    for (const t of gathering) {
      const e = this.roundups.get(t);
      if (e && this.events.get(e.id) === e && at - e.lastSeen <= this.settings.windowHours * 3_600_000) return e;
    }
    return undefined;
  }

  /**
   * The marks of the gathering an article is a roundup of (see roundup.ts), or undefined. A
   * roundup-shaped headline that names no gathering ("EM Morning Roundup: …") is a roundup of the
   * names in it specific enough in the stream to tell one (a market's, not a company in every
   * other event): it gathers many stories, and joined to one it stitches them.
   */
  private gatheringOf(title: string, lead: string): Int32Array | undefined {
    const key = roundupOf(title, lead);
    if (key !== undefined) return Int32Array.of(termId(GATHERING_MARK + key));
    if (!isRoundup(title)) return undefined;
    const events = this.events.size;
    const names = gatheringNames(title).filter(
      (n) => specificity(this.eventsWith.get(termId(n)) ?? 0, events) >= this.settings.gatheringSpecificity,
    );
    return names.length ? Int32Array.from(names, (n) => termId(`${GATHERING_MARK}name:${n}`)) : undefined;
  }

  /** What the article shares with an event that is specific to them (see happening.ts), its words inside names taken as names.ts says. */
  private evidence(v: SparseVector, titleTerms: number, e: EventState, names: NameRules): HappeningEvidence {
    const events = this.events.size;
    const ew = this.eventsWith;
    const found = this.termsIn(v, e, names);
    const shared = found.map((f) => f >> 1);
    // A term the event has counts in the other events that have it: the event itself says nothing of how common the term is.
    return happeningEvidence(v, titleTerms, shared, (t, i) =>
      specificity((ew.get(t) ?? 0) - (found[i]! & 1), events - 1),
    );
  }

  /**
   * Whether an article kept from an event in the window only by the time since it last grew (a
   * hands-on review days after the launch) may still join it: its cosine without the decay clears
   * the join threshold and the close look holds both ways: the event explains the article and its
   * headline (see admits), and the article a share of the event's specific weight as large. Asking
   * the event's side too keeps a late article from a wide event (a week of a summit's coverage)
   * whose terms it shares only a few of.
   */
  private admitsLate(
    v: SparseVector,
    titleTerms: number,
    e: EventState,
    sim: number,
    at: number,
    names: NameRules,
  ): boolean {
    const s = this.settings;
    if (sim / this.decay(e, at) < s.joinThreshold) return false;
    const evidence = this.evidence(v, titleTerms, e, names);
    if (evidence.specificShare < s.specificShare || evidence.titleCover < s.titleCover) return false;
    const events = this.events.size;
    const ew = this.eventsWith;
    // The event itself has each of its terms: the other events that have it say how common it is.
    return (
      eventCover(e.centroid, this.sharedFromEvent(v, e, names), (t) => specificity((ew.get(t) ?? 1) - 1, events - 1)) >=
      s.specificShare
    );
  }

  /**
   * Whether an article at cosine `sim` to an event of this cohesion may join it. A cosine that
   * is high for the event needs only some specific term in common, less the wider the event
   * (its members share less with each other too); a lower one needs a close look: most of the
   * article's specific weight and of its headline explained by the event. Shared names common
   * to many events (a company in every other story) count for little either way.
   */
  private admits(sim: number, eventCohesion: number, evidence: HappeningEvidence, core: () => number): boolean {
    const s = this.settings;
    if (sim >= s.cohesionFactor * eventCohesion)
      return (
        evidence.specificShare >= s.specificByCohesion * eventCohesion &&
        (eventCohesion >= s.wideCohesion || core() >= s.coreCover)
      );
    return evidence.specificShare >= s.specificShare && evidence.titleCover >= s.titleCover;
  }

  /** For each term of the event, whether the article shares it (names.ts decides for the article's words in names). */
  private sharedFromEvent(v: SparseVector, e: EventState, names: NameRules): Uint8Array {
    const shared = this.sharedWith(v, e, names);
    const sharedIds = new Set<number>();
    for (let i = 0; i < v.ids.length; i++) if (shared[i]) sharedIds.add(v.ids[i]!);
    return Uint8Array.from(e.centroid.ids, (t) => (sharedIds.has(t) ? 1 : 0));
  }

  /** For each term of the article, 1 when it counts as shared with the event (see names.ts), else 0. */
  private sharedWith(v: SparseVector, e: EventState, names: NameRules): Uint8Array {
    return this.termsIn(v, e, names).map((f) => f >> 1);
  }

  /** For each term of the article, in one walk of the event: bit 1 when the event holds it, bit 2 when it counts as shared (see names.ts). */
  private termsIn(v: SparseVector, e: EventState, names: NameRules): Uint8Array {
    return holding(e.centroid, (has) => {
      const out = new Uint8Array(v.ids.length);
      for (let i = 0; i < v.ids.length; i++) {
        const held = has(v.ids[i]!);
        out[i] = (held ? 1 : 0) | (names.shared(i, held, has) ? 2 : 0);
      }
      return out;
    });
  }

  /** Drop an event from memory. */
  private forget(e: EventState): void {
    this.events.delete(e.id);
    for (const [t, held] of this.roundups) if (held === e) this.roundups.delete(t);
    this.countTerms(e.centroid.ids, -1);
  }

  /** Count terms in (or out of) the events that have them. */
  private countTerms(ids: Int32Array, by: 1 | -1): void {
    const ew = this.eventsWith;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      const n = (ew.get(t) ?? 0) + by;
      if (n > 0) ew.set(t, n);
      else ew.delete(t);
    }
  }

  /** Take the event off every list it is on; a list left empty goes. */
  private unindex(e: EventState): void {
    // Deleting the entry being visited is safe in a Map's walk; a list closing up moves only its other events.
    for (const t of e.slots.keys()) {
      const posting = this.index.get(t);
      posting?.delete(e);
      if (posting && !posting.size) this.index.delete(t);
    }
  }

  private merge(into: EventState, from: EventState): void {
    this.countTerms(from.centroid.ids, -1);
    const had = into.centroid.ids.length;
    into.centroid.add(from.centroid);
    this.countTerms(into.centroid.ids.subarray(had), 1);
    let n2 = 0;
    for (const w of into.centroid.weights) n2 += w * w;
    into.norm2 = n2;
    into.size += from.size;
    into.lastSeen = Math.max(into.lastSeen, from.lastSeen);
    this.unindex(from);
    this.events.delete(from.id);
    this.mergedInto.set(from.id, into.id);
    this.reindex(into);
  }

  /** Place one article (in published order). */
  add(doc: ClusterInput): Assignment {
    const { counts, names: articleNames, title, lead } = this.articleTerms(doc);
    this.docs += 1;
    for (const t of counts.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const gathering = this.gatheringOf(title, lead);
    // The name the headline opens with (see coreCover), read only when an event's core is made or asked.
    let actor: string[] | undefined;
    const actorOf = () => (actor ??= openingName(title));
    const v = gathering ? withRoundupMarks(this.vectorize(counts), gathering) : this.vectorize(counts);
    const names = NameRules.of([...counts.keys()], articleNames, knownTermId);
    const at = doc.published.getTime();
    // The authors the article names, but for its own (see reaction.ts).
    const own = new Set(authorMarks(doc.author));
    const named = namedMarks(`${title} ${lead}`)
      .filter((m) => !own.has(m))
      .map(knownTermId)
      .filter((id) => id >= 0);
    this.newest = Math.max(this.newest, at);
    if (++this.addsSincePrune >= 1000) this.prune();
    const cands = this.candidates(v, at);
    let best: EventState | undefined;
    let bestSim = 0;
    const sims = cands.map((e) => this.similarity(v, e, at));
    let titleTerms: number | undefined;
    // Whether the article may join a candidate (see admits), its evidence computed only for
    // the few candidates that reach the join threshold.
    const admits = (e: EventState, sim: number): boolean => {
      // Roundups of a gathering join only their gathering's event, met before the candidates (see roundup.ts).
      if (gathering || e.centroid.ids.includes(ROUNDUP_MARK)) return false;
      if (sim < this.settings.joinThreshold) return false;
      // A reaction that names the author of one of the event's articles answers it.
      if (named.some((id) => e.centroid.ids.includes(id))) return true;
      titleTerms ??= new Set(contentTerms(title)).size;
      const tt = titleTerms;
      // Without a lead the headline is all the cosine read: only a lead can tie an article to a wide event by its context.
      return this.admits(sim * this.lengthFactor(v), cohesion(e), this.evidence(v, titleTerms, e, names), () =>
        lead ? this.coreCover(v, tt, e, actorOf()) : 1,
      );
    };
    const roundups = gathering && this.roundupEvent(gathering, at);
    if (roundups) {
      best = roundups;
      bestSim = this.similarity(v, roundups, at);
    }
    for (const [i, e] of cands.entries()) {
      const sim = sims[i]!;
      if (sim <= bestSim || !admits(e, sim)) continue;
      bestSim = sim;
      best = e;
    }
    // Admitted nowhere: a second look at the events only the time decay keeps it from (see
    // admitsLate). Any event admitted above is nearer than these, so they are looked at only now.
    if (!best && !gathering)
      for (const [i, e] of cands.entries()) {
        const sim = sims[i]!;
        if (sim <= bestSim || sim >= this.settings.joinThreshold || e.centroid.ids.includes(ROUNDUP_MARK)) continue;
        titleTerms ??= new Set(contentTerms(title)).size;
        if (!this.admitsLate(v, titleTerms, e, sim, at, names)) continue;
        bestSim = sim;
        best = e;
      }
    const terms = [...counts.keys()];
    if (best) {
      if (this.explain)
        this.explain(this.explanation(doc, v, best, bestSim, titleTerms ?? new Set(contentTerms(title)).size, names));
      this.addTo(best, v, at, titleTerms ?? new Set(contentTerms(title)).size, actorOf);
      // The article bridges a candidate it would have joined on any route, the late one included
      // (a review days on that restates the launch and an aside of the day before). Whether its
      // cosine can is told first, without a walk of the candidate.
      const s = this.settings;
      const bridge = {
        reaches: (e: EventState, sim: number) =>
          sim >= s.joinThreshold ? sim >= s.joinThreshold * s.bridgeFactor : sim / this.decay(e, at) >= s.joinThreshold,
        admits: (e: EventState, sim: number): boolean => {
          if (sim >= s.joinThreshold) return admits(e, sim);
          if (gathering || e.centroid.ids.includes(ROUNDUP_MARK)) return false;
          titleTerms ??= new Set(contentTerms(title)).size;
          return this.admitsLate(v, titleTerms, e, sim, at, names);
        },
        // The smaller event joins the larger as an article would: a wide one's core must explain its core's headlines.
        core: (into: EventState, from: EventState) =>
          !lead || cohesion(into) >= s.wideCohesion || this.coresShare(into, from) >= s.coreCover,
      };
      const merges = this.mergeConverged(best, cands, sims, bridge);
      const event = this.resolve(best.id);
      return { event, similarity: bestSim, created: false, touched: [event], merges, terms };
    }
    const e: EventState = {
      id: this.newId(doc, this.nextId++),
      centroid: new SparseVector(),
      norm2: 0,
      size: 0,
      lastSeen: at,
      slots: new Map(),
      metIn: 0,
      score: 0,
    };
    this.events.set(e.id, e);
    this.addTo(e, v, at, titleTerms ?? new Set(contentTerms(title)).size, actorOf);
    if (gathering) for (const t of gathering) this.roundups.set(t, e);
    return { event: e.id, similarity: 1, created: true, touched: [e.id], merges: [], terms };
  }

  /** Why an article joins an event (see JoinExplanation). */
  private explanation(
    doc: ClusterInput,
    v: SparseVector,
    e: EventState,
    sim: number,
    titleTerms: number,
    names: NameRules,
  ): JoinExplanation {
    const events = this.events.size;
    const inEvent = this.sharedWith(v, e, names);
    const shared: JoinExplanation['shared'] = [];
    for (let i = 0; i < v.ids.length; i++)
      if (inEvent[i])
        shared.push({
          term: termName(v.ids[i]!),
          weight: v.weights[i]! * specificity((this.eventsWith.get(v.ids[i]!) ?? 0) - 1, events - 1),
        });
    shared.sort((a, b) => b.weight - a.weight);
    return {
      article: doc.id,
      event: e.id,
      size: e.size,
      similarity: sim,
      cohesion: cohesion(e),
      evidence: this.evidence(v, titleTerms, e, names),
      shared,
    };
  }

  /**
   * Merge the grown event with a candidate when their centroids have converged and the
   * article that made it grow would have joined that candidate too (it bridges the two, see
   * add): topical likeness of two centroids alone is not evidence of one happening.
   */
  private mergeConverged(
    grown: EventState,
    cands: EventState[],
    sims: number[],
    bridge: {
      reaches: (e: EventState, sim: number) => boolean;
      admits: (e: EventState, sim: number) => boolean;
      core: (into: EventState, from: EventState) => boolean;
    },
  ): { from: string; into: string }[] {
    const merges: { from: string; into: string }[] = [];
    for (const [i, other] of cands.entries()) {
      if (other === grown || !this.events.has(other.id) || !this.events.has(grown.id)) continue;
      // The article's similarity to the candidate as found when placing it: a candidate that
      // is still there was not changed since (only the grown event and merge survivors are,
      // and the loop ends when the grown event is merged away).
      if (!bridge.reaches(other, sims[i]!)) continue;
      // Whether the centroids converged first: one walk, where the article's evidence takes up to two.
      const sim = dot(grown.centroid, other.centroid) / Math.sqrt(grown.norm2 * other.norm2);
      const [into, from] = grown.size >= other.size ? [grown, other] : [other, grown];
      if (sim >= this.settings.mergeThreshold && bridge.admits(other, sims[i]!) && bridge.core(into, from)) {
        this.merge(into, from);
        merges.push({ from: from.id, into: into.id });
        if (from === grown) break;
      }
    }
    return merges;
  }
}

/**
 * The marks of an event of a gathering's roundups, terms of weight 0 in its centroid: the roundup
 * mark and the gathering's (its key after GATHERING_MARK). They change no cosine and are stored
 * with the centroid, so the live pipeline knows the event and its gathering again after a restart.
 */
const ROUNDUP_MARK = termId('~roundup');
const CORE_MARK = '~core:';
const CORE_UNKNOWN = termId(`${CORE_MARK}?`);
/** The core's actor: the words of the name its headline opens with (see openingName). */
const ACTOR_MARK = '~actor:';
const GATHERING_MARK = '~gathering:';

function withRoundupMarks(v: SparseVector, gathering: Int32Array): SparseVector {
  const ids = new Int32Array(v.ids.length + 1 + gathering.length);
  const weights = new Float64Array(ids.length);
  ids.set(v.ids);
  weights.set(v.weights);
  ids[v.ids.length] = ROUNDUP_MARK;
  ids.set(gathering, v.ids.length + 1);
  return new SparseVector(ids, weights);
}

/**
 * How closely an event's members agree: their mean cosine to its centroid. Each member being a
 * unit vector, the cosines sum to the centroid's length, so this is √norm2 / size: 1 for one
 * article, lower as members vary. A cosine that is high for a wide event (dozens of varied
 * headlines) is low for a tight one, so the bar to join on the cosine alone follows it.
 */
export function cohesion(e: Pick<EventState, 'norm2' | 'size'>): number {
  return e.size ? Math.sqrt(e.norm2) / e.size : 1;
}

/**
 * The value that would stand at index n of the ascending sort (quickselect: linear on
 * average, where sorting the scores of every event an article meets dominated its cost).
 * Reorders `a`.
 */
export function nthSmallest(a: Float64Array, n: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (n <= j) hi = j;
    else if (n >= i) lo = i;
    else return a[n]!;
  }
  return a[n]!;
}

/** Cluster a batch in published order with the live algorithm; returns article id → final event id. */
export function clusterBatch(
  docs: readonly ClusterInput[],
  settings: Partial<ClusterSettings> = {},
): Map<string, string> {
  const sorted = [...docs].sort(
    (a, b) => a.published.getTime() - b.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const c = new OnlineClusterer(settings);
  const first = new Map<string, string>();
  for (const d of sorted) first.set(d.id, c.add(d).event);
  const out = new Map<string, string>();
  for (const d of docs) out.set(d.id, c.resolve(first.get(d.id)!));
  return out;
}
