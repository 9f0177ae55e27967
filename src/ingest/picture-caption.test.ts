import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describesPicture } from './picture-caption.js';

describe('a feed description that describes a picture', () => {
  it('is known from real captions that feeds carried as the item text', () => {
    for (const caption of [
      'Collage on a black background showing scientific images including a gloved hand on a microscope and a quantum computer',
      'Illustration of diverse individuals surrounded by scientific symbols, representing a community of learners.',
      'Text: AI Futures Fund from Google',
      "An header with several accessibility icons and two Android devices, one showing TalkBack's new ask questions feature",
      'A collage of photos showing people using technology around the world, on a white background',
      'Two smartphones showing AI Mode. The left phone shows an AI Mode prompt being entered',
      'July AI recap header',
      'Gemini Enterprise logo',
      'Google AI Studio logo on a plain black background',
      'Gemini CLI icon on a background with code snippets',
      'Text reads "1,001 AI use cases from Google Cloud customers"',
      'Drawing of a person sitting cross legged with their laptop',
    ])
      assert.ok(describesPicture(caption), caption);
  });

  it('is known by how it says the picture looks, in words of two kinds', () => {
    // Shaped as the lab blog's captions that opened on neither a picture's name nor a label, in words of our own.
    for (const caption of [
      'Red and white futuristic illustration with the Gemma 4 logo in the middle',
      'The image is a bright illustration depicting two people at a desk, surrounded by product icons.',
      'Green tablet displays a lock, with cloud and spark icons, abstract green lines.',
      'Logos for Search Labs and Gemini Live in front of a white background',
    ])
      assert.ok(describesPicture(caption), caption);
    for (const text of [
      'I tested five popular AI image tools on logos, photos and posters. One of them won easily.',
      'Google is expanding its image generator to free users, letting the chatbot create images from your photos.',
      'Apple refreshed the icons of its apps with a new glass look and a stylized keyboard.',
    ])
      assert.ok(!describesPicture(text), text);
  });

  it('is not a description that reports, however it opens', () => {
    for (const text of [
      'A video showing police officers restraining a man has sparked protests across the city.',
      'Learn more about the latest Pixel and Android updates, featuring the latest in Google AI innovation.',
      'Today, we’re starting to roll out interactive chart visualizations in AI Mode in Labs.',
      'Images of the new chip were released by the company on Monday, showing a larger die.',
      'Photos app gets a redesign with AI search across your library',
      'Google rebrands its assistant and refreshes its logo',
      'A new report on the state of AI security, from the industry group behind the annual banner',
      '',
    ])
      assert.ok(!describesPicture(text), text);
  });
});

describe('a feed item whose text is a picture caption', () => {
  it('is stored without that text, as a teaser whose page is to be read', async () => {
    const { itemToArticle } = await import('./items.js');
    const item = {
      title: 'Sharing our latest research in connectomics',
      url: 'https://blog.example/connectomics',
      guid: null,
      contentHtml: '',
      summaryHtml: '<p>Collage on a black background showing a microscope and a brain</p>',
      published: '2026-05-01T12:00:00Z',
      updated: null,
      authors: [],
      language: null,
      image: null,
    };
    const ctx = { sourceId: 'lab', fetchedAt: new Date('2026-05-02T00:00:00Z'), fullTextMinWords: 120 };
    const a = itemToArticle(item as unknown as Parameters<typeof itemToArticle>[0], ctx)!;
    assert.equal(a.text, '');
    assert.equal(a.truncated, true);
    const told = itemToArticle(
      { ...item, summaryHtml: '<p>We mapped every synapse of a mouse brain region.</p>' } as never,
      ctx,
    )!;
    assert.equal(told.text, 'We mapped every synapse of a mouse brain region.');
  });
});
