import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsBySource, groupClaims, type SourcedClaim } from './claims.js';

const c = (sourceId: string, text: string, articleId = 1): SourcedClaim => ({
  text,
  sourceId,
  sourceName: sourceId.toUpperCase(),
  articleId,
  eventId: 'e1',
});

describe('claim grouping', () => {
  it('puts the same assertion from several sources in one agreed group and leaves unrelated claims apart', () => {
    const groups = groupClaims([
      c('wire', 'The Commerce Department added the Fable 5 model to its export control list on Tuesday.'),
      c('batch', 'On Tuesday the Commerce Department added Fable 5 to the export control list.'),
      c('wire', 'Mistral raised a large funding round led by a semiconductor equipment maker.'),
      c('notes', 'The export control list now names the Fable 5 model, the Commerce Department said.'),
    ]);
    const agreed = groups.find((g) => g.stance === 'agreed')!;
    assert.deepEqual(agreed.sources.sort(), ['BATCH', 'NOTES', 'WIRE']);
    assert.equal(agreed.claims.length, 3);
    const single = groups.find((g) => g.claims.some((x) => x.text.startsWith('Mistral')))!;
    assert.equal(single.stance, 'single');
    assert.equal(groups[0], agreed, 'groups with more sources come first');
  });

  it('marks a group disputed when one source negates what another asserts', () => {
    const [g] = groupClaims([
      c('lab', 'The company will release the model weights under an open licence this month.'),
      c('critic', 'The company will not release the model weights under an open licence this month.'),
    ]);
    assert.equal(g!.stance, 'disputed');
    assert.equal(g!.conflict!.why, 'negation');
  });

  it('marks a group disputed when sources give different figures, but not for model names with numbers', () => {
    const [figures] = groupClaims([
      c('ledger', 'The start-up raised $600 million in its latest funding round led by a chip maker.'),
      c('wire', 'The start-up raised $450 million in its latest funding round led by a chip maker.'),
    ]);
    assert.equal(figures!.stance, 'disputed');
    assert.equal(figures!.conflict!.why, 'figures');
    const [names] = groupClaims([
      c('ledger', 'Regulators added the Fable 5 model to the export control list this week.'),
      c('wire', 'This week regulators added Fable 5 to the export control list.'),
    ]);
    assert.equal(names!.stance, 'agreed');
  });

  it('never calls two claims of one source a dispute', () => {
    const [g] = groupClaims([
      c('lab', 'The company will release the model weights under an open licence this month.'),
      c('lab', 'The company will not release the model weights under an open licence this month.', 2),
    ]);
    assert.equal(g!.stance, 'single');
  });

  it('lists claims by source in input order', () => {
    const by = claimsBySource([c('a', 'one two three'), c('b', 'four five six'), c('a', 'seven eight nine')]);
    assert.deepEqual(
      by.map((s) => [s.sourceId, s.claims.length]),
      [
        ['a', 2],
        ['b', 1],
      ],
    );
  });
});
