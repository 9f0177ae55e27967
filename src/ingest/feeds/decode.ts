/**
 * Turns the bytes of a feed into text. Order of trust, as RFC 3023 and the feed readers
 * that came before us do it: a byte-order mark, then the charset of the HTTP Content-Type,
 * then the XML declaration (or an HTML meta charset), then UTF-8; bytes that are not valid
 * in the chosen encoding fall back to windows-1252 and mark the document as bozo.
 */
export interface Decoded {
  text: string;
  encoding: string;
  problems: string[];
}

const BOMS: Array<[number[], string]> = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** Guesses UTF-16/32 without a BOM from the pattern of zero bytes around '<'. */
function sniffUnicode(buf: Uint8Array): string | undefined {
  if (startsWith(buf, [0x00, 0x00, 0x00, 0x3c])) return 'utf-32be';
  if (startsWith(buf, [0x3c, 0x00, 0x00, 0x00])) return 'utf-32le';
  if (startsWith(buf, [0x00, 0x3c, 0x00, 0x3f])) return 'utf-16be';
  if (startsWith(buf, [0x3c, 0x00, 0x3f, 0x00])) return 'utf-16le';
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function declaredCharset(head: string): string | undefined {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function decoderFor(label: string): TextDecoder | undefined {
  // UTF-32 is not in the Encoding Standard; decode it by hand below.
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}

function decodeUtf32(buf: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let out = '';
  for (let i = 0; i + 3 < buf.length; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    if (cp === 0xfeff && i === 0) continue;
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

export function decodeFeedBytes(input: Uint8Array, contentType?: string): Decoded {
  const problems: string[] = [];
  const bom = BOMS.find(([sig]) => startsWith(input, sig));
  const sniffed = bom ? undefined : sniffUnicode(input);
  const unicodeFamily = bom?.[1] ?? sniffed;
  if (unicodeFamily?.startsWith('utf-32')) {
    return { text: decodeUtf32(input, unicodeFamily === 'utf-32be'), encoding: unicodeFamily, problems };
  }
  const http = charsetFromContentType(contentType);
  // The XML declaration is ASCII-compatible in every encoding we read by declaration.
  const head = new TextDecoder('latin1').decode(input.subarray(0, 1024));
  const declared = unicodeFamily ? undefined : declaredCharset(head);
  const candidates = [unicodeFamily, http, declared, 'utf-8'].filter((x): x is string => !!x);
  for (const label of candidates) {
    const dec = decoderFor(label);
    if (!dec) {
      problems.push(`unknown encoding ${label}`);
      continue;
    }
    try {
      let text = dec.decode(input);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { text, encoding: label, problems };
    } catch {
      problems.push(`bytes are not valid ${label}`);
    }
  }
  problems.push('read as windows-1252');
  return { text: new TextDecoder('windows-1252').decode(input), encoding: 'windows-1252', problems };
}
