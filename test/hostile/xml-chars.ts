/**
 * The XML 1.0 Char production (section 2.2), written out on its own so the checks do not
 * lean on the code they check: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Every way a document breaks the production: a raw character, or a &#n; / &#xn; reference to one. */
export function xmlCharProblems(doc: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.length; i++) {
    const cp = doc.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // A lone surrogate comes back from codePointAt as itself: outside the production.
    if (!isXmlChar(cp)) out.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
  }
  for (const m of doc.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const cp = m[1]![0]!.toLowerCase() === 'x' ? Number.parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if (!isXmlChar(cp)) out.push(`${m[0]} at ${m.index}`);
  }
  return out;
}

/** The code points XML 1.0 forbids that a feed can carry, one of each class: C0 controls, U+FFFE/U+FFFF, lone surrogates. */
export const FORBIDDEN_SAMPLES: number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => !isXmlChar(i)),
  0xfffe,
  0xffff,
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
];
