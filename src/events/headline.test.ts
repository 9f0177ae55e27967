import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventHeadline, type HeadlineMember } from './headline.js';
import { choosePrimary, isPreview } from './primary.js';
import { attributed, firstPerson, opensUnattributed, speaker } from './voice.js';

let nextId = 1;
const member = (o: Partial<HeadlineMember> & { title: string; sourceName: string }): HeadlineMember => ({
  articleId: nextId++,
  summary: null,
  text: '',
  sourceAuthor: null,
  author: null,
  tier: 1,
  publishedAt: null,
  fetchedAt: '2026-05-01T00:00:00Z',
  entities: [],
  kind: 'news',
  sourceKind: 'news',
  ...o,
});

describe('the primary article', () => {
  it('is never an article with nothing to summarize while another member has text', () => {
    const announcement = member({
      title: 'Gemini 3: our most intelligent model',
      sourceName: 'The Keyword',
      sourceKind: 'lab',
      publishedAt: '2026-11-18T15:00:00Z',
    });
    const report = member({
      title: 'Google launches Gemini 3 with new coding app and record benchmark scores',
      sourceName: 'TechCrunch',
      tier: 2,
      publishedAt: '2026-11-18T16:00:00Z',
      text: 'Google released Gemini 3 on Tuesday, its newest model, with a coding app called Antigravity. The model tops several benchmarks.',
    });
    const h = eventHeadline([announcement, report]);
    assert.equal(h.primary, report);
    assert.match(h.summary, /^Google released Gemini 3/, 'the event reads with a summary, not empty');
    assert.equal(eventHeadline([announcement]).primary, announcement, 'alone, it is still its own event');
    // A lab's post whose feed text is its picture's words, or one sentence its feed cut, says nothing whole either.
    const caption = { ...announcement, summary: 'Gemini 3 Flash text' };
    const cut = { ...announcement, summary: 'Google released a model that can use a web browser the way people' };
    for (const broken of [caption, cut]) assert.equal(eventHeadline([broken, report]).primary, report, broken.summary);
  });

  it('is the origin the others name, not the earlier report of the better tier', () => {
    const oped = member({
      title: 'Banning Open Source AI Would Be A Mistake',
      sourceName: 'Interconnects',
      sourceAuthor: 'Nathan Lambert',
      author: 'Nathan Lambert',
      tier: 2,
      kind: 'op-ed',
      sourceKind: 'newsletter',
      publishedAt: '2026-06-19T10:00:00Z',
      summary:
        'Kevin Xu and I wrote an op-ed for a general audience. Proposals in Washington could ban open-source AI in practice.',
    });
    const report = member({
      title: 'Op-ed warns U.S. rules could ban open-source AI by accident',
      sourceName: 'The Tech Ledger',
      publishedAt: '2026-06-19T08:00:00Z',
      summary:
        'A new op-ed by researcher Nathan Lambert and investor Kevin Xu warns that lawmakers risk banning open-source AI.',
    });
    const digest = member({
      title: 'Lambert and Xu make the case against restricting open models',
      sourceName: 'Open Weights Weekly',
      tier: 3,
      publishedAt: '2026-06-19T09:00:00Z',
      summary: 'Lambert and Xu argue that pending proposals risk banning open-source AI by accident.',
    });
    const h = eventHeadline([report, digest, oped]);
    assert.equal(h.primary, oped);
    assert.equal(h.origin, true);
    assert.equal(
      h.title,
      'Op-ed: Banning Open Source AI Would Be A Mistake',
      'an op-ed and the reports of it make an op-ed event',
    );
    // Its own summary, nothing of the reports, its speaker named.
    assert.equal(
      h.summary,
      'Nathan Lambert: Kevin Xu and I wrote an op-ed for a general audience. Proposals in Washington could ban open-source AI in practice.',
    );
  });

  it('names a lab as its source when the others name it as an organisation', () => {
    const lab = member({
      title: 'Introducing GPT-5.5',
      sourceName: 'OpenAI Blog',
      sourceKind: 'lab',
      kind: 'announcement',
      publishedAt: '2026-05-02T00:00:00Z',
      summary: 'Today we are releasing GPT-5.5, our most capable model.',
    });
    const news = member({
      title: 'OpenAI ships GPT-5.5',
      sourceName: 'The Tech Ledger',
      publishedAt: '2026-05-01T00:00:00Z',
      summary: 'The company released GPT-5.5 on Tuesday.',
      entities: [{ name: 'OpenAI', type: 'organization' }],
    });
    const h = eventHeadline([news, lab]);
    assert.equal(h.primary, lab);
    assert.equal(h.summary, 'OpenAI: Today we are releasing GPT-5.5, our most capable model.');
  });

  it('passes over a preview or a live blog for the piece that reports the happening', () => {
    const preview = member({
      title: 'What to expect from Google this week',
      sourceName: 'Gadget Site',
      publishedAt: '2026-05-18T00:00:00Z',
      summary: 'Google I/O starts on Tuesday with Gemini news expected.',
    });
    const live = member({
      title: 'Google I/O 2026 live updates',
      sourceName: 'Other Site',
      publishedAt: '2026-05-19T09:00:00Z',
      summary: 'Follow along as Google announces Gemini news at I/O.',
    });
    const report = member({
      title: 'Google unveils Gemini agents at I/O',
      sourceName: 'Wire',
      publishedAt: '2026-05-19T12:00:00Z',
      summary: 'Google announced Gemini agents at its I/O conference on Tuesday.',
    });
    assert.ok(isPreview(preview.title) && isPreview(live.title) && !isPreview(report.title));
    assert.ok(!isPreview('Google launches Gemini 3 Pro in public preview'), 'a product in preview is news');
    assert.equal(choosePrimary([preview, live, report]).primary, report);
  });

  // Members of events of the real AI-news stream (../shared/data/streams), their feed descriptions shortened.
  it('is a report of the happening, not a teaser, a first-person test or a roundup (WWDC 2026)', () => {
    const teaser = member({
      title: "The new Siri AI could cost you - here's why",
      sourceName: 'zdnet.com',
      publishedAt: '2026-06-08T20:20:57Z',
      summary: 'Apple unveiled the new Siri AI at WWDC, and some of its features may need a paid plan.',
    });
    const tried = member({
      title: 'I tried Siri AI, and so far it actually works',
      sourceName: 'theverge.com',
      publishedAt: '2026-06-09T23:43:00Z',
      summary: 'Apple showed the new Siri AI at WWDC and let us try it after the keynote.',
    });
    const howTo = member({
      title: 'How to try the new Siri AI - join the waitlist today',
      sourceName: 'zdnet.com',
      publishedAt: '2026-06-10T18:00:00Z',
      summary: 'The new Siri AI that Apple announced at WWDC has a waitlist.',
    });
    const report = member({
      title: 'Apple announces Siri AI and its next generation of Apple Intelligence',
      sourceName: 'theverge.com',
      publishedAt: '2026-06-08T17:34:24Z',
      summary: 'Apple announced a new Siri AI at WWDC, with its next generation of Apple Intelligence.',
    });
    const overhaul = member({
      title: 'Apple’s long-awaited AI Siri overhaul is finally here',
      sourceName: 'techcrunch.com',
      publishedAt: '2026-06-08T17:56:21Z',
      summary: 'Apple announced its Siri overhaul at WWDC on Monday.',
    });
    const everything = member({
      title: 'Everything Apple unveiled at WWDC 2026: Siri AI, iOS 27, more',
      sourceName: 'zdnet.com',
      publishedAt: '2026-06-08T21:00:00Z',
      summary: 'Apple unveiled the new Siri AI, iOS 27 and Apple Intelligence at WWDC 2026.',
    });
    const chosen = choosePrimary([teaser, tried, howTo, everything, report, overhaul]).primary;
    assert.ok(chosen === report || chosen === overhaul, chosen.title);
    assert.equal(choosePrimary([everything, teaser]).primary, teaser, 'with no report, an aside before a roundup');
  });

  it('takes a gathering’s roundup, not a theme’s heading among its roundups (CES 2026)', () => {
    const at = (title: string, summary: string, sourceName: string) => member({ title, summary, sourceName, tier: 2 });
    const linux = at(
      'Linux at CES 2026: Tux is alive and well in IoT, cars, and AI',
      'Linux runs in much of what is shown at CES 2026, from IoT gadgets to cars and AI boxes.',
      'zdnet.com',
    );
    // Read as a CES roundup by the sentence where its feed cut it, as the clusterer reads it.
    const tv = {
      ...at('TV makers are taking AI too far', 'This year AI is in every new set.', 'theverge.com'),
      cutTail: 'Every year, TV makers flock to CES to show their newest sets.',
    };
    const everything = at(
      'CES 2026: Everything revealed, from Nvidia’s debuts to AMD’s new chips to Razer’s AI oddities',
      'CES 2026 is in full swing in Las Vegas, after press conferences from Nvidia, Sony and AMD, and AI is at the forefront.',
      'techcrunch.com',
    );
    const live = at(
      'CES 2026: Follow live for the best, weirdest, most interesting tech as this robot and AI-heavy event wraps up',
      'CES 2026 wraps up in Las Vegas: follow along for the AI and robots of the show.',
      'techcrunch.com',
    );
    assert.equal(choosePrimary([linux, tv, live, everything]).primary, everything);
  });

  it('is never a newsletter issue while a member reports its story', () => {
    const issue = member({
      title: 'Google’s AI energy expenditure, and handing over DNA data to the police',
      sourceName: 'technologyreview.com',
      digest: true,
      publishedAt: '2025-08-22T12:00:00Z',
      summary: 'In a first, Google has released data on how much energy an AI prompt uses.',
    });
    const report = member({
      title: 'Google reveals how much energy a Gemini query uses - in industry first',
      sourceName: 'zdnet.com',
      publishedAt: '2025-08-21T16:00:00Z',
      summary: 'Google released a report on how much energy its Gemini apps use for each query.',
    });
    assert.equal(choosePrimary([issue, report]).primary, report);
    assert.equal(choosePrimary([issue]).primary, issue);
  });

  it('takes a lab’s own post as the origin only when it is about what the others report (Google I/O 2025)', () => {
    const lab = (title: string, summary: string) =>
      member({ title, summary, sourceName: 'blog.google', sourceKind: 'lab', tier: 1 });
    const news = (title: string, summary: string) =>
      member({
        title,
        summary,
        sourceName: 'techcrunch.com',
        tier: 2,
        entities: [{ name: 'Google', type: 'organization' }],
      });
    const accessibility = lab(
      'New AI and accessibility updates across Android, Chrome and more',
      'We are rolling out new accessibility features for people with low vision across Android and Chrome.',
    );
    const keynote = [
      news(
        'Google unveils Gemini 2.5 Deep Think and AI Mode at I/O 2025',
        'Google unveiled Gemini 2.5 Deep Think and AI Mode for Search at I/O 2025.',
      ),
      news(
        'Google I/O 2025: Gemini 2.5 gets Deep Think',
        'At I/O 2025 Google gave Gemini 2.5 a Deep Think mode and brought AI Mode to Search.',
      ),
      news(
        'Gemini 2.5 Deep Think and AI Mode lead Google I/O',
        'Google led I/O 2025 with Gemini 2.5 Deep Think and AI Mode in Search.',
      ),
    ];
    const h = choosePrimary([accessibility, ...keynote]);
    assert.notEqual(h.primary, accessibility);
    assert.equal(h.origin, false);
    const flash = lab(
      'Gemini 3 Flash: frontier intelligence built for speed',
      'Today we are releasing Gemini 3 Flash, built for speed.',
    );
    const reports = [
      news(
        'Google launches Gemini 3 Flash, makes it the default model in the Gemini app',
        'Google launched Gemini 3 Flash, its fast model, as the default in the Gemini app.',
      ),
      news(
        'Gemini 3 Flash is here, bringing a huge upgrade to the Gemini app',
        'Google released Gemini 3 Flash, a fast model, in the Gemini app.',
      ),
    ];
    assert.equal(choosePrimary([...reports, flash]).primary, flash, 'its own launch: the origin');
  });

  it('without an origin, is the most central report, before a writer speaking for himself', () => {
    const a = member({
      title: 'Nvidia posts record revenue on AI demand',
      sourceName: 'Wire A',
      summary: 'Nvidia reported record quarterly revenue driven by data centre demand for AI chips.',
    });
    const b = member({
      title: 'Nvidia revenue hits a record',
      sourceName: 'Wire B',
      summary: 'Nvidia said quarterly revenue reached a record as data centre demand grew.',
    });
    const view = member({
      title: 'My take on the quarter',
      sourceName: 'Blog C',
      summary: 'I think Nvidia record revenue from data centre demand for AI chips will not last.',
    });
    const odd = member({
      title: 'Chip stocks move',
      sourceName: 'Wire D',
      summary: 'Shares of several companies moved on Thursday.',
    });
    const chosen = choosePrimary([odd, view, b, a]).primary;
    assert.ok(chosen === a || chosen === b, chosen.title);
    assert.equal(choosePrimary([odd, a]).origin, false);
  });

  it("takes the best sentences of its own text when it has no summary, never another member's", () => {
    const p = member({
      title: 'Japan passes its first AI law',
      sourceName: 'Policy Wire',
      text:
        "Japan's parliament has passed the country's first law dedicated to artificial " +
        'intelligence. The law sets up a government headquarters to coordinate AI policy.',
    });
    const other = member({
      title: 'Japan AI law seen from Brussels',
      sourceName: 'EU Digest',
      tier: 2,
      summary: 'Brussels officials compared the law with the AI Act.',
    });
    const h = eventHeadline([p, other]);
    assert.equal(h.primary, p);
    assert.ok(h.summary.startsWith("Japan's parliament"), h.summary);
    assert.ok(!h.summary.includes('Brussels'), h.summary);
  });
});

describe('who speaks', () => {
  it('finds the first person outside quotations, and not in "US" or a numeral', () => {
    assert.equal(firstPerson('Today we are releasing Gemini 3.'), 'plural');
    assert.equal(firstPerson('Six weeks ago I argued for a consortium.'), 'singular');
    assert.equal(firstPerson('We’re launching Google AI Plus in 35 new countries.'), 'plural', 'a curly apostrophe');
    assert.equal(firstPerson('I’ve spent two days with it.'), 'singular');
    assert.equal(firstPerson('Dear friends, a study tested which messages work.'), 'singular');
    assert.equal(firstPerson('"That would be a grave mistake," we are told, they write.'), 'plural');
    assert.equal(firstPerson('"We will comply," the company said.'), null);
    assert.equal(
      firstPerson('Larco thinks we’re about to see a shift in how people spend time online.'),
      null,
      'reported speech',
    );
    assert.equal(firstPerson('The US Commerce Department imposed controls.'), null);
    assert.equal(firstPerson('A Phase I trial began after World War I records were found.'), null);
    assert.equal(firstPerson('Sergey Brin made a surprise appearance at Google I/O on Tuesday.'), null, 'I/O');
    assert.equal(firstPerson('The new AI Mode features announced at I/O will change search.'), null, 'I/O');
  });

  it('names the organisation for a lab\'s "we" and the writer for "I"', () => {
    assert.equal(
      speaker(
        { sourceName: 'Anthropic News', sourceAuthor: null, author: 'Anthropic News', sourceKind: 'lab' },
        'plural',
      ),
      'Anthropic',
    );
    assert.equal(
      speaker(
        { sourceName: 'The Batch', sourceAuthor: null, author: 'Andrew Ng', sourceKind: 'newsletter' },
        'singular',
      ),
      'Andrew Ng',
    );
    assert.equal(
      speaker(
        { sourceName: 'Interconnects', sourceAuthor: 'Nathan Lambert', author: null, sourceKind: 'newsletter' },
        'plural',
      ),
      'Nathan Lambert',
    );
    assert.equal(
      speaker(
        { sourceName: 'The Batch', sourceAuthor: null, author: 'The Batch', sourceKind: 'newsletter' },
        'singular',
      ),
      'The Batch',
      'no byline: the source',
    );
  });

  it('attributes a first-person summary, drops a salutation, and leaves a report alone', () => {
    const ng = { sourceName: 'The Batch', sourceAuthor: null, author: 'Andrew Ng', sourceKind: 'newsletter' };
    assert.equal(
      attributed(
        'Dear friends, two events this month showed how quickly access can be cut off. I worry about overreach.',
        ng,
      ),
      'Andrew Ng: Two events this month showed how quickly access can be cut off. I worry about overreach.',
    );
    assert.equal(
      attributed('Nvidia reported record revenue on Wednesday.', ng),
      'Nvidia reported record revenue on Wednesday.',
    );
    assert.equal(opensUnattributed('Today we are releasing GPT-5.5.'), true);
    assert.equal(opensUnattributed('OpenAI: Today we are releasing GPT-5.5.'), false);
    assert.equal(opensUnattributed('blog.google: We’re launching AI Plus.'), false, 'a site named as the speaker');
    assert.equal(
      opensUnattributed('Their core claims: we should not ban it.'),
      true,
      'a colon in the text is no attribution',
    );
    assert.equal(
      opensUnattributed('Nvidia reported record revenue. We think it lasts.'),
      false,
      'only the opening is measured',
    );
  });
});
