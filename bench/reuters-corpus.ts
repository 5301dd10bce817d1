import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The `text` of every record of a gzipped JSON Lines corpus, loaded before any timing. */
export async function readTexts(corpus: string): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({
    input: createReadStream(corpus).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text?: unknown };
    if (typeof rec.text === 'string' && rec.text.trim()) texts.push(rec.text);
  }
  return texts;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
