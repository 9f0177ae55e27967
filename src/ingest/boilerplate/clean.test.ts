import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanArticle } from './article.js';
import { cleanText, cleanTitle, cleanTitleAndDigest, withoutNewsletter } from './clean.js';
import { cleanHtml } from './html.js';
import { boilerplateKind } from './patterns.js';
import { edgeKeys, sentenceKey, sentenceSpans } from './sentences.js';

// Sentences written for this test, in the shapes outlets use (not any outlet's words).
const BOILERPLATE: Array<[string, string]> = [
  ['Want the next one in your inbox? Subscribe here.', 'newsletter'],
  ['Sign up for Gadget Weekly, our free newsletter, today.', 'newsletter'],
  ['To read pieces like this before anyone else, sign up now.', 'newsletter'],
  ['This is the Monday edition of Circuit Notes, our weekday newsletter about chips.', 'newsletter'],
  ['This essay first appeared in Field Lines, a weekly letter on robotics.', 'newsletter'],
  ['This post was syndicated from our partner site.', 'newsletter'],
  ['Hey there, and welcome to Bench Talk!', 'newsletter'],
  ['Image: Studio Nine', 'credit'],
  ['Photo credit: Ana Ruiz for this site', 'credit'],
  ['A stylized illustration showing three robots around a desk', 'credit'],
  ['Screenshot showing the settings page of the new app', 'credit'],
  ['Illustration of a server rack glowing in blue', 'credit'],
  ['Stylized illustration of a robot hand holding a chip, representing edge computing.', 'credit'],
  [
    'A collage of three images, the first of a drone over a field, the second of a farmer with a tablet, and the third of a barn at dusk',
    'credit',
  ],
  ['Subscribe to read the next issue the day it comes out.', 'newsletter'],
  ['Listen to the full episode to hear about the new chips.', 'newsletter'],
  ['Follow the show wherever you get your podcasts!', 'newsletter'],
  ['If you like this, consider subscribing to get this newsletter every week.', 'newsletter'],
  ['A newsletter for Circuit Notes subscribers about chips, power and the people who sell them.', 'newsletter'],
  ["(If you're not a subscriber yet, you can join us here.)", 'newsletter'],
  [
    'Hello and welcome to Bench Talk, a newsletter for Circuit Notes subscribers about the chips and the people who sell them.',
    'newsletter',
  ],
  ["I'm Jo Park, senior chips reporter at Circuit Notes and your guest host this week.", 'newsletter'],
  ['I’m Jo Park, Deputy Editor at Circuit Notes and author of the Bench Talk newsletter.', 'newsletter'],
  ['This is Jo Park, your Thursday episode guest host and deputy editor at Circuit Notes.', 'newsletter'],
  ['Bench Talk is Circuit Notes’ flagship podcast, produced by Ana Ruiz, and posts every Friday.', 'newsletter'],
  ['This is the first in a series of Thursday Bench Talk episodes that I will be hosting.', 'newsletter'],
  ['Welcome back to Circuit Mobility, your hub for the future of chips and how AI is playing a part.', 'newsletter'],
  ['I’m Jo Park — analyst, cohost of Bench Talk, and creator of a chips video series.', 'newsletter'],
  ['Hello and welcome to Bench Talk, an email for Circuit Notes subscribers about chips and power.', 'newsletter'],
  ['For more on the fab buildout, follow Jo Park.', 'newsletter'],
  ["If you haven't already, be sure to check out this week's Bench Talk episode with the chip team.", 'newsletter'],
  ['Hello and welcome to Bench Talk.', 'newsletter'],
  ['[…]', 'truncation'],
  ['Continue reading…', 'truncation'],
  ['The post Chips get cheaper appeared first on Circuit Notes.', 'truncation'],
];

// Ordinary news sentences, some close to the patterns, that must stay.
const NEWS = [
  'The company said it would sign up three new cloud customers this quarter.',
  'Regulators welcomed the plan on Tuesday.',
  'Welcome to the age of agents, the chief executive told the crowd.',
  'The image of the firm has suffered since the recall.',
  'The photo showing the prototype leaked on Monday.',
  'Subscribers to the lab’s API will pay less from June.',
  'This is the third model the lab has released this year.',
  'The U.S. Commerce Dept. said on Tuesday that the rule takes effect Jan. 15.',
  'Subscribers to the premium plan get access to the larger model first.',
  'A photo-sharing startup raised $40 million in a round led by two funds.',
  'The lab published a newsletter-style changelog for developers.',
  'The newsletter about the merger reached two million readers on Monday.',
  'Consider subscribing costs: the plan is $20 a month.',
  "I'm not sure the editor understood the risk, the reporter said.",
  'This is Jo Park’s third company, and she hired an editor from the Times.',
  'Gemini is Google’s flagship model, and it ships every month.',
  'Welcome to the new hybrid workforce, where humans and agents share the work.',
  'This is the first in a series of price cuts the company plans this year.',
  'For more on the deal, the company pointed to its filing with regulators.',
  'Check out the new model, the lab told developers on Monday.',
];

describe('boilerplate by what it is', () => {
  it('knows subscription calls, self-references, credits, captions and truncation marks', () => {
    for (const [s, kind] of BOILERPLATE) assert.equal(boilerplateKind(s), kind, s);
  });
  it('leaves news sentences alone, near misses included', () => {
    for (const s of NEWS) assert.equal(boilerplateKind(s), undefined, s);
    // A caption stands alone; the same shape opening a paragraph of prose is the story.
    for (const s of [
      'Screenshots of a deleted forum thread told the tale of a tired engineer.',
      'Millions of images of passports were left on an open server.',
    ]) {
      assert.equal(boilerplateKind(s, false), undefined, s);
      assert.equal(cleanText(`${s} The firm has since fixed it.`).removed.length, 0, s);
    }
    assert.equal(boilerplateKind('Video: the lab tour, and what the robots learned'), undefined);
    const text = NEWS.join(' ');
    assert.deepEqual(cleanText(text), { text, removed: [], cutTail: '' });
  });
  it('takes a caption that opens a paragraph to the paragraph’s end, and only that paragraph', () => {
    const text =
      'Illustration of two robots at a chessboard. Speech bubbles hover above them.\n\nThe lab released its game engine on Friday.';
    assert.equal(cleanText(text).text, 'The lab released its game engine on Friday.');
    const prose = 'The lab released its game engine. An illustration of the board came with it.';
    assert.equal(cleanText(prose).text, prose);
  });
  it('takes boilerplate out of a text and keeps the story, whole sentences only', () => {
    const text =
      'This is the Monday edition of Circuit Notes, our weekday newsletter about chips. ' +
      'Chip prices fell 12% in March (Photo by Lee Park/Studio Nine) as new fabs opened. ' +
      'Analysts expect a rebound. The largest buyer has said it will [\u2026]';
    const r = cleanText(text);
    assert.equal(r.text, 'Chip prices fell 12% in March as new fabs opened. Analysts expect a rebound.');
    assert.deepEqual(r.removed.map((x) => x.kind).sort(), ['credit', 'fragment', 'newsletter', 'truncation']);
    // The cut sentence is out of what a reader sees, and given back: it names what the story is about.
    assert.equal(r.cutTail, 'The largest buyer has said it will');
    // Cleaning what was cleaned changes nothing.
    assert.deepEqual(cleanText(r.text), { text: r.text, removed: [], cutTail: '' });
  });
  it('reads a case name\'s "v." inside its sentence, not as the end of one', () => {
    const r = cleanText(
      'Analysts expect a rebound. Ever since the Supreme Court ruled in Citizens United v. FEC that corporations had [\u2026]',
    );
    assert.equal(r.text, 'Analysts expect a rebound.');
    assert.equal(r.cutTail, 'Ever since the Supreme Court ruled in Citizens United v. FEC that corporations had');
  });
  it('keeps an unfinished sentence when it is all the item has', () => {
    assert.equal(
      cleanText('Chip prices fell in March as new fabs came [\u2026]').text,
      'Chip prices fell in March as new fabs came',
    );
  });
  it('removes the sentences its source repeats, even when they are all an item says', () => {
    const seen = new Set([
      sentenceKey('Thanks for reading Bench Talk.'),
      sentenceKey('Our list of robot makers grows each month.'),
    ]);
    const isSeen = (k: string) => seen.has(k);
    assert.equal(
      cleanText('Thanks for reading Bench Talk. A new gripper picks up eggs.', isSeen).text,
      'A new gripper picks up eggs.',
    );
    // A blurb the outlet puts on every edition of a list describes none of them.
    assert.equal(
      cleanText('Our list of robot makers grows each month. Thanks for reading Bench Talk.', isSeen).text,
      '',
    );
  });
  it('takes a repeated sentence out of a title when something of it is left', () => {
    const isSeen = (k: string) => k === sentenceKey('Here is why.');
    assert.equal(cleanTitle('Gripper maker cuts prices. Here is why', [], isSeen), 'Gripper maker cuts prices');
    assert.equal(cleanTitle('Here is why.', [], isSeen), 'Here is why.');
    assert.equal(
      cleanTitle('Gripper maker cuts prices. Rivals follow', [], isSeen),
      'Gripper maker cuts prices. Rivals follow',
    );
  });
  it('drops the newsletter label from the title when the removed boilerplate names it', () => {
    const removed = cleanText(
      'This is the Monday edition of Circuit Notes, our weekday newsletter about chips. Prices fell.',
    ).removed;
    // What is left reads as a title: it opens with a capital (a name written in lower case keeps its case).
    assert.deepEqual(cleanTitleAndDigest('Circuit Notes: chip prices fall, and fabs open', removed), {
      title: 'Chip prices fall, and fabs open',
      digest: true,
    });
    assert.equal(
      cleanTitle('Circuit Notes: iPhone chips get cheaper, and fabs open', removed),
      'iPhone chips get cheaper, and fabs open',
    );
    assert.deepEqual(cleanTitleAndDigest('Nvidia: chip prices fall, and fabs open', removed), {
      title: 'Nvidia: chip prices fall, and fabs open',
      digest: false,
    });
  });
  it('reads a newsletter issue without the label and the sentence every issue shares', () => {
    const lead = 'This is the Monday edition of Circuit Notes, our weekday newsletter about chips. Prices fell.';
    assert.deepEqual(withoutNewsletter('Circuit Notes: chip prices fall, and fabs open', lead), {
      title: 'Chip prices fall, and fabs open',
      lead: 'Prices fell.',
    });
    // A label the text does not name as its newsletter, or a title without a label (an issue
    // already cleaned, any other item): as it is.
    for (const title of ['Nvidia: chip prices fall, and fabs open', 'Chip prices fall, and fabs open'])
      assert.deepEqual(withoutNewsletter(title, lead), { title, lead });
    assert.deepEqual(withoutNewsletter('Circuit Notes: chip prices fall', 'Prices fell.'), {
      title: 'Circuit Notes: chip prices fall',
      lead: 'Prices fell.',
    });
  });
  it('marks a newsletter issue as a digest and puts the stop its first headline lacks', () => {
    const c = cleanArticle({
      title: 'The Download: meet RFK Jr’s right-hand man, and inside OpenAI',
      text:
        'This is today’s edition of The Download, our weekday newsletter that provides a daily dose of what’s going on in the world of technology. ' +
        'Meet Jim O’Neill, the longevity enthusiast who is now RFK Jr.’s right-hand man When Jim O’Neill was nominated ' +
        'to be the second in command at the US Department of Health and Human Services,…',
      html: '',
      wordCount: 60,
    });
    assert.equal(c.title, 'Meet RFK Jr’s right-hand man, and inside OpenAI');
    assert.equal(c.digest, true);
    assert.ok(
      c.text.startsWith('Meet Jim O’Neill, the longevity enthusiast who is now RFK Jr.’s right-hand man. When Jim'),
      c.text,
    );
    assert.equal(cleanArticle({ ...c }).changed, false, 'cleaning it again changes nothing');
  });
});

describe('boilerplate in the HTML shown', () => {
  it('cuts the same text from the HTML, across tags, and drops elements left empty but not images', () => {
    const html =
      '<p>Want the next one in your inbox? <a href="https://x.test/s">Subscribe here</a>.</p><p>' +
      'Chip prices fell &amp; fabs opened.</p><figure><img src="https://x.test/a.png">' +
      '<figcaption>Image: Studio Nine</figcaption></figure>';
    const c = cleanArticle({
      title: 'Chips',
      text: 'Want the next one in your inbox? Subscribe here.\n\nChip prices fell & fabs opened.\n\nImage: Studio Nine',
      html,
      wordCount: 0,
    });
    assert.equal(c.text, 'Chip prices fell & fabs opened.');
    assert.equal(c.html, '<p>Chip prices fell &amp; fabs opened.</p><figure><img src="https://x.test/a.png"></figure>');
    assert.equal(c.wordCount, 5);
    assert.equal(cleanArticle({ ...c }).changed, false);
  });
  it('leaves HTML alone when nothing was removed', () => {
    const html = '<p>Chip   prices fell.</p>';
    assert.equal(cleanHtml(html, []), html);
  });
});

describe('sentences for learning', () => {
  it('keeps abbreviations and versions inside a sentence, splits at paragraph breaks', () => {
    const t = 'The U.S. Dept. of Energy backed GPT-5.5 tests. Dr. Lee agreed.\nA new line starts here';
    assert.deepEqual(
      sentenceSpans(t).map((s) => t.slice(s.start, s.end)),
      ['The U.S. Dept. of Energy backed GPT-5.5 tests.', 'Dr. Lee agreed.', 'A new line starts here'],
    );
    // Sentences a feed glued together, but not a name with a dot in it.
    const glued = 'It airs every Friday.Subscribe wherever you listen. We use Node.js daily.';
    assert.deepEqual(
      sentenceSpans(glued).map((s) => glued.slice(s.start, s.end)),
      ['It airs every Friday.', 'Subscribe wherever you listen.', 'We use Node.js daily.'],
    );
  });
  it('keys fold case, quotes and entities-as-typed, and learning reads only the edges', () => {
    assert.equal(sentenceKey('It’s here.'), sentenceKey("it's HERE"));
    const t = ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.', 'Eight.'].join(' ');
    assert.deepEqual(edgeKeys(t), ['One.', 'Two.', 'Three.', 'Six.', 'Seven.', 'Eight.'].map(sentenceKey));
  });
});
