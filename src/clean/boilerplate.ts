import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

/**
 * Compiled boilerplate patterns (see dictionaries/boilerplate.txt for the source format).
 *
 * @example
 * const patterns = parseBoilerplate('ad  /advert[a-z]{0,9}/i', 'inline');
 * patterns.match('ADVERTISEMENT'); // 'ad'
 * patterns.match('Talks resume on Monday.'); // null
 */
export interface BoilerplatePatterns {
  /** Number of patterns, for diagnostics. */
  readonly size: number;
  /** The reason label of the first pattern matching the whole trimmed line, else null. */
  match(line: string): string | null;
}

/** A boilerplate dictionary line that cannot be used; names the file and line. */
export class BoilerplateDictionaryError extends EntenteError {
  readonly origin: string;
  readonly line: number;

  constructor(origin: string, line: number, problem: string) {
    super(`${origin}:${line}: ${problem}`);
    this.name = 'BoilerplateDictionaryError';
    this.origin = origin;
    this.line = line;
  }
}

// Real boilerplate is short; skipping long lines keeps the per-line cost near zero for prose.
const MAX_BOILERPLATE_LINE = 300;
const LINE = /^([A-Za-z0-9-]+)\s+\/(.+)\/([a-z]*)$/;

/** Compiles dictionary text; throws BoilerplateDictionaryError on the first bad line. */
export function parseBoilerplate(source: string, origin: string): BoilerplatePatterns {
  const rules: { readonly reason: string; readonly regex: RegExp }[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const m = LINE.exec(raw);
    if (m === null) {
      throw new BoilerplateDictionaryError(origin, i + 1, 'expected "label  /regex/flags"');
    }
    const [, reason = '', body = '', flags = ''] = m;
    if (/[^iu]/.test(flags) || new Set(flags).size !== flags.length) {
      throw new BoilerplateDictionaryError(origin, i + 1, `flags "${flags}" (allowed: i, u)`);
    }
    if (/^\^|(?<!\\)\$$/.test(body)) {
      throw new BoilerplateDictionaryError(origin, i + 1, 'do not anchor with ^ or $');
    }
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${body})$`, flags);
    } catch (err) {
      throw new BoilerplateDictionaryError(
        origin,
        i + 1,
        `invalid regex: ${(err as Error).message}`,
      );
    }
    rules.push({ reason, regex });
  }
  if (rules.length === 0) throw new BoilerplateDictionaryError(origin, lines.length, 'no patterns');
  return Object.freeze({
    size: rules.length,
    match(line: string): string | null {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.length > MAX_BOILERPLATE_LINE) return null;
      for (const rule of rules) if (rule.regex.test(trimmed)) return rule.reason;
      return null;
    },
  });
}

/** Reads and compiles a boilerplate dictionary file. */
export function loadBoilerplate(path: string): BoilerplatePatterns {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    throw new EntenteError(`cannot read boilerplate dictionary ${path}`, { cause: err });
  }
  return parseBoilerplate(source, path);
}

let shipped: BoilerplatePatterns | undefined;

/**
 * The dictionary shipped in the package's `dictionaries/boilerplate.txt`, loaded once.
 * Found by walking up from this module so it works from `src/` and from `dist/src/`.
 */
export function defaultBoilerplate(): BoilerplatePatterns {
  if (shipped === undefined) shipped = loadBoilerplate(findShippedDictionary());
  return shipped;
}

function findShippedDictionary(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dictionaries', 'boilerplate.txt');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new EntenteError('dictionaries/boilerplate.txt not found above src/clean');
    }
    dir = parent;
  }
}
