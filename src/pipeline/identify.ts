import type { RawDocument } from '../core/document.js';
import { minhashSignature } from '../dedup/minhash.js';
import { textHash } from '../dedup/text-hash.js';

/** What dedup and the store need to know about a raw document before any NLP runs. */
export interface Identity {
  readonly id: string;
  readonly textHash: string;
  readonly signature: Uint32Array | null;
}

/**
 * The document's id is the record's own id where it has one, else the hash of its body,
 * so re-reading the same file from another path still finds the stored copy. Dedup looks
 * at the body only: a `date` header or feed wrapper does not make two copies different.
 */
export function identify(raw: RawDocument): Identity {
  const body = raw.text.slice(raw.bodyStart);
  const hash = textHash(body);
  return { id: raw.id ?? hash, textHash: hash, signature: minhashSignature(body) };
}

/** A stable id for a record whose own id is already taken by a different text. */
export function disambiguateId(id: string, hash: string): string {
  return `${id}~${hash.slice(0, 8)}`;
}
