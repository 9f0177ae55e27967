/**
 * Bounds on a page's DOM before Readability reads it. Readability's cost grows with the
 * product of a page's size and its depth (it scores each node's ancestors and reads the text
 * of each candidate's subtree, pass after pass): 300 nested tables, 10 KB, took 18 s; 500
 * took 63 s. So the bounds are on depth, on size, and on their product as it stands: the
 * sum over elements of their depth (their ancestors). Of the 832 pages of the two extraction
 * benchmarks (../shared/data/pages) the deepest is 56 levels, the largest 4,975 elements, the
 * highest sum 79,218: the bounds leave real pages alone.
 */
export const MAX_DOM_DEPTH = 80;
export const MAX_DOM_ELEMENTS = 10_000;
export const MAX_DOM_ANCESTORS = 200_000;

/** A page the extractor will not read, with why: the article keeps its feed text. `final`: the same page is not tried again. */
export class PageTooComplexError extends Error {
  override name = 'PageTooComplexError';
  readonly final = true;
}

interface ElementLike {
  firstElementChild: ElementLike | null;
  nextElementSibling: ElementLike | null;
}

/** Walks the tree once (no recursion: a page may be deeper than the stack) and throws when it passes a bound. */
export function checkDomBounds(
  root: ElementLike | null,
  maxDepth = MAX_DOM_DEPTH,
  maxElements = MAX_DOM_ELEMENTS,
  maxAncestors = MAX_DOM_ANCESTORS,
): void {
  if (!root) return;
  let elements = 0;
  let ancestors = 0;
  const stack: Array<[ElementLike, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > maxDepth)
      throw new PageTooComplexError(
        `page not extracted: elements nested more than ${maxDepth} deep (real article pages stay under 60)`,
      );
    if (++elements > maxElements)
      throw new PageTooComplexError(`page not extracted: more than ${maxElements} elements`);
    if ((ancestors += depth) > maxAncestors)
      throw new PageTooComplexError(
        `page not extracted: ${elements} elements nested so deep that their ancestors add up to more than ${maxAncestors}`,
      );
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
}
