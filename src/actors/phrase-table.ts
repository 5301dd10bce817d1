import type { Words } from './words.js';

/**
 * A phrase: a sequence of word keys (see `Words.key`) and what it stands for.
 *
 * @example
 * const p: Phrase<string> = { keys: ['prime', 'minister'], value: 'entente:role:prime-minister' };
 */
export interface Phrase<V> {
  readonly keys: readonly string[];
  readonly value: V;
}

/**
 * Phrases hashed by their first key, longest first, so finding every phrase that starts at
 * a word costs one map read plus a comparison per candidate of that first word. Built once
 * per context and never changed afterwards.
 *
 * @example
 * const t = new PhraseTable<number>();
 * t.add(['united', 'states'], 1);
 * t.longest(words, 0, words.n)?.value; // 1 when the text starts with "United States"
 */
export class PhraseTable<V> {
  private readonly byFirst = new Map<string, Phrase<V>[]>();

  /** Adds a phrase; a bucket stays sorted longest first, equal lengths in insertion order. */
  add(keys: readonly string[], value: V): void {
    if (keys.length === 0) return;
    const first = keys[0]!;
    let list = this.byFirst.get(first);
    if (list === undefined) this.byFirst.set(first, (list = []));
    let at = list.length;
    while (at > 0 && list[at - 1]!.keys.length < keys.length) at--;
    list.splice(at, 0, { keys, value });
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirst.values()) n += list.length;
    return n;
  }

  /** True when some phrase starts with `key`. */
  startsWith(key: string): boolean {
    return this.byFirst.has(key);
  }

  /**
   * Every phrase matching the words from `i` (never past `limit`), longest first, appended
   * to `out`; returns `out`.
   */
  matchAll(words: Words, i: number, limit: number, out: Phrase<V>[]): Phrase<V>[] {
    const list = this.byFirst.get(words.key[i]!);
    if (list === undefined) return out;
    const keys = words.key;
    for (const p of list) {
      const len = p.keys.length;
      if (i + len > limit) continue;
      let k = 1;
      while (k < len && keys[i + k] === p.keys[k]) k++;
      if (k === len) out.push(p);
    }
    return out;
  }

  /** The longest phrase matching the words from `i`, or null. */
  longest(words: Words, i: number, limit: number): Phrase<V> | null {
    const list = this.byFirst.get(words.key[i]!);
    if (list === undefined) return null;
    const keys = words.key;
    for (const p of list) {
      const len = p.keys.length;
      if (i + len > limit) continue;
      let k = 1;
      while (k < len && keys[i + k] === p.keys[k]) k++;
      if (k === len) return p;
    }
    return null;
  }
}
