import type { CompiledEntry, NameKind } from '../kb/compile.js';
import { surfaceForm, surfaceKey } from '../kb/compile.js';
import { loadKb, type Kb } from '../kb/load.js';
import { loadLexicon, type Lexicon, type LexiconClass } from './lexicon.js';
import { PhraseTable } from './phrase-table.js';
import { formKeys } from './words.js';

/**
 * One knowledge-base reading of a matched phrase: the entry, how the phrase names it, and
 * the exact (case-kept) word keys the text must show when the form is case-sensitive.
 *
 * @example
 * const c: NameCandidate = { entry: 12, kind: 'seat', exact: ['Tehran'] };
 */
export interface NameCandidate {
  readonly entry: number;
  readonly kind: NameKind;
  readonly exact: readonly string[] | null;
}

/**
 * A role noun, from the knowledge base's roles or the lexicon's `role` class.
 *
 * @example
 * const r: RoleInfo = { key: 'entente:role:president', roleIdx: 0, sector: 'GOV', office: true, plural: false };
 */
export interface RoleInfo {
  /** Stable identity for coreference ("the ministry" after "Iran's foreign ministry"). */
  readonly key: string;
  /** Index of the KB role entry, null for lexicon role nouns. */
  readonly roleIdx: number | null;
  /** CAMEO sector, null when the noun says nothing about it ("chairman"). */
  readonly sector: string | null;
  /** Names a single office holder ("president", not "ministers"). */
  readonly office: boolean;
  readonly plural: boolean;
}

/**
 * A person holding an office between two inclusive day numbers.
 *
 * @example
 * const h: Holder = { entry: 4021, from: 20120507, until: null };
 */
export interface Holder {
  readonly entry: number;
  readonly from: number | null;
  readonly until: number | null;
}

export type HeadType = 'ORG' | 'EVENT' | 'AGREEMENT' | 'FACILITY' | 'PROJECT' | 'LOCATION';
export type ModifierEffect = 'ELI' | 'NOTHOLDER' | 'TITLE';
export type PairLevel = 'PERSON' | 'STATE' | 'GOV';

/**
 * An ambiguity rule compiled for matching: the other reading's type and its cue keys.
 *
 * @example
 * const a: AmbiguityIndexEntry = { type: 'LOCATION', cues: new Set(['atlanta']) };
 */
export interface AmbiguityIndexEntry {
  readonly type: string;
  readonly cues: ReadonlySet<string>;
}

/**
 * Everything the resolver looks up, precomputed once per knowledge base and lexicon.
 *
 * @example
 * const ix = ctx.index;
 * ix.names.longest(words, i, words.n)?.value; // NameCandidate[] of the longest KB name at i
 */
export interface ActorIndex {
  /** KB surface forms as word-key sequences. */
  readonly names: PhraseTable<readonly NameCandidate[]>;
  /** Role nouns (KB roles and lexicon `role`), longest first. */
  readonly roles: PhraseTable<RoleInfo>;
  readonly honorifics: PhraseTable<string | null>;
  readonly modifiers: PhraseTable<ModifierEffect>;
  readonly counterparts: PhraseTable<null>;
  readonly pairLeads: PhraseTable<null>;
  readonly pairNouns: PhraseTable<PairLevel>;
  readonly heads: PhraseTable<HeadType>;
  /**
   * Group nouns that, written bare ("police", "rebels", "demonstrators"), stand for that
   * group of the country the text is about; value = CAMEO sector.
   */
  readonly contextGroups: PhraseTable<string | null>;
  /**
   * The text between a bare group noun and a country that names the group's country: one
   * `context-link` preposition and up to two words ("from military-ruled", "in northern").
   */
  readonly groupLinks: RegExp;
  /** Words after which a capital is a place ("in", "of", "capital"). */
  readonly locatives: ReadonlySet<string>;
  /** Words after which any unknown name is a place ("in", "near"). */
  readonly places: ReadonlySet<string>;
  readonly speech: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  readonly months: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  readonly connectors: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
  readonly stances: ReadonlySet<string>;
  /** "ethnic": before a demonym, the group lives where the text places it, not in that state. */
  readonly ethnic: ReadonlySet<string>;
  /** Person entries by the keys of the last part of their name ("bush" -> both Bushes). */
  readonly surnames: ReadonlyMap<string, readonly number[]>;
  /** Lower-case words written with a final period ("st", "gen"). */
  readonly abbreviations: ReadonlySet<string>;
  /** Office holders by `${role entry index}|${country root}`, in order of start. */
  readonly holders: ReadonlyMap<string, readonly Holder[]>;
  /** Per person entry: the office (role entry index, or -1) of each of its codes. */
  readonly personOffices: ReadonlyMap<number, Int32Array>;
  /** Role entry index -> the offices to try for a counterpart, the office itself first. */
  readonly officeGroups: ReadonlyMap<number, readonly number[]>;
  /** State entry -> other states sharing a seat of government (predecessors, successors). */
  readonly lineage: ReadonlyMap<number, readonly number[]>;
  /** State code root -> state entries (COUNTRY, HISTORIC_STATE) with that code. */
  readonly statesByRoot: ReadonlyMap<string, readonly number[]>;
  /** Roots that are states (IRN, USR ...) and CAMEO regions used by region entries (WST ...). */
  readonly stateRoots: ReadonlySet<string>;
  readonly regionRoots: ReadonlySet<string>;
  /** Exact form (exact word keys joined by a space) -> other readings. */
  readonly ambiguity: ReadonlyMap<string, readonly AmbiguityIndexEntry[]>;
}

/**
 * What `resolveActors` needs: the loaded knowledge base, the lexicon and their indexes.
 * Create it once and share it; it is frozen and never changes.
 *
 * @example
 * const ctx = await createActorContext();
 * const entities = resolveActors(ctx, { text, date: '2024-03-20', sentences, tokens });
 */
export interface ActorContext {
  readonly kb: Kb;
  readonly lexicon: Lexicon;
  readonly index: ActorIndex;
}

/**
 * Loads the knowledge base (`loadKb(kbPath)`) and the lexicon, and builds the indexes.
 * `kbPath` is a compiled `kb.compiled.json`; `kbSourceDir` and `lexiconDir` override where
 * the KB sources and `dictionaries/actors` are.
 */
export async function createActorContext(
  options: { kbPath?: string; kbSourceDir?: string; lexiconDir?: string } = {},
): Promise<ActorContext> {
  const [kb, lexicon] = await Promise.all([
    loadKb(
      options.kbPath,
      options.kbSourceDir === undefined ? {} : { sourceDir: options.kbSourceDir },
    ),
    loadLexicon(options.lexiconDir),
  ]);
  return buildActorContext(kb, lexicon);
}

const STATE_TYPES: ReadonlySet<string> = new Set(['COUNTRY', 'TERRITORY', 'HISTORIC_STATE']);

export function isState(entry: CompiledEntry): boolean {
  return STATE_TYPES.has(entry.type);
}

/** Builds the indexes for an already loaded knowledge base and lexicon (synchronous). */
export function buildActorContext(kb: Kb, lexicon: Lexicon): ActorContext {
  const byClass = (cls: LexiconClass) => lexicon.entries.filter((e) => e.cls === cls);
  const abbreviations = new Set(byClass('abbreviation').map((e) => e.term));
  const keysOf = (form: string): string[] => formKeys(surfaceForm(form), abbreviations).keys;
  const wordSet = (cls: LexiconClass): ReadonlySet<string> =>
    new Set(byClass(cls).map((e) => keysOf(e.term).join(' ')));
  const table = <V>(cls: LexiconClass, value: (v: string | null) => V): PhraseTable<V> => {
    const t = new PhraseTable<V>();
    for (const e of byClass(cls)) t.add(keysOf(e.term), value(e.value));
    return t;
  };

  const entries = kb.compiled.entries;
  const names = new PhraseTable<readonly NameCandidate[]>();
  const roles = new PhraseTable<RoleInfo>();
  const termRole = new Map<string, number>();
  const roleTerms = new Map<number, string[]>();
  const seatSharers = new Map<string, number[]>();

  for (const key of Object.keys(kb.compiled.names)) {
    const refs = kb.compiled.names[key]!;
    // Index keys are already folded and lower-cased.
    const keys = formKeys(key, abbreviations).keys;
    if (keys.length === 0) continue;
    const candidates: NameCandidate[] = refs.map(([entry, kind, form]) => ({
      entry,
      kind,
      exact: form === null ? null : formKeys(form, abbreviations).exact,
    }));
    names.add(keys, candidates);
    for (const [entry, kind] of refs) {
      if (kind === 'term') {
        termRole.set(keys.join(' '), entry);
        const list = roleTerms.get(entry) ?? [];
        list.push(keys.join(' '));
        roleTerms.set(entry, list);
      }
      if (kind === 'seat' && isState(entries[entry]!)) {
        const list = seatSharers.get(key) ?? [];
        list.push(entry);
        seatSharers.set(key, list);
      }
    }
  }

  // Role nouns: KB role terms first (they win ties), then the lexicon's.
  const isPlural = (term: string, all: readonly string[]): boolean => {
    const words = term.split(' ');
    return words.some((w, i) => {
      const stems = w.endsWith('es')
        ? [w.slice(0, -1), w.slice(0, -2)]
        : w.endsWith('s')
          ? [w.slice(0, -1)]
          : [];
      return stems.some((s) => {
        const other = [...words.slice(0, i), s, ...words.slice(i + 1)].join(' ');
        return other !== term && all.includes(other);
      });
    });
  };
  for (const [roleIdx, terms] of roleTerms) {
    const entry = entries[roleIdx]!;
    for (const term of terms) {
      roles.add(term.split(' '), {
        key: entry.id,
        roleIdx,
        sector: entry.sector,
        office: entry.office,
        plural: isPlural(term, terms),
      });
    }
  }
  const lexRoleTerms = byClass('role').map((e) => keysOf(e.term).join(' '));
  for (const e of byClass('role')) {
    const keys = keysOf(e.term);
    if (termRole.has(keys.join(' '))) continue;
    roles.add(keys, {
      key: `lexicon:${keys.join(' ')}`,
      roleIdx: null,
      sector: e.value,
      office: false,
      plural: isPlural(keys.join(' '), lexRoleTerms),
    });
  }

  // Office titles of people -> role entries.
  const qualifiers = byClass('title-qualifier')
    .map((e) => surfaceKey(e.term))
    .sort((a, b) => b.length - a.length);
  const titleRole = new Map<string, number>();
  const roleOfTitle = (title: string): number => {
    const cached = titleRole.get(title);
    if (cached !== undefined) return cached;
    let t = surfaceKey(title.replace(/\([^)]*\)/g, ' '));
    for (let changed = true; changed;) {
      changed = false;
      for (const q of qualifiers) {
        if (t.startsWith(`${q} `)) {
          t = t.slice(q.length + 1);
          changed = true;
        }
      }
    }
    t = t.replace(/^minister for /, 'minister of ');
    const role = termRole.get(keysOf(t).join(' ')) ?? -1;
    titleRole.set(title, role);
    return role;
  };
  const surnames = new Map<string, number[]>();
  entries.forEach((entry, p) => {
    if (entry.type !== 'PERSON') return;
    const parts = surfaceForm(entry.name).split(' ');
    if (parts.length < 2) return;
    const key = formKeys(parts[parts.length - 1]!, abbreviations).keys.join('');
    const list = surnames.get(key) ?? [];
    list.push(p);
    surnames.set(key, list);
  });
  const holders = new Map<string, Holder[]>();
  const personOffices = new Map<number, Int32Array>();
  entries.forEach((entry, p) => {
    if (entry.type !== 'PERSON' || entry.codes.length === 0) return;
    const offices = new Int32Array(entry.codes.length).fill(-1);
    entry.codes.forEach((c, k) => {
      if (c.title === null) return;
      const role = roleOfTitle(c.title);
      offices[k] = role;
      if (role < 0 || !entries[role]!.office) return;
      const key = `${role}|${c.code.slice(0, 3)}`;
      const list = holders.get(key) ?? [];
      list.push({ entry: p, from: c.from, until: c.until });
      holders.set(key, list);
    });
    personOffices.set(p, offices);
  });
  for (const list of holders.values()) list.sort((a, b) => (a.from ?? 0) - (b.from ?? 0));

  const roleById = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.type === 'ROLE') roleById.set(e.id, i);
  });
  const groups = new Map<string, number[]>();
  for (const e of byClass('office-group')) {
    const role = roleById.get(e.term);
    if (role === undefined) continue;
    const list = groups.get(e.value!) ?? [];
    list.push(role);
    groups.set(e.value!, list);
  }
  const officeGroups = new Map<number, readonly number[]>();
  for (const members of groups.values()) {
    for (const m of members) officeGroups.set(m, [m, ...members.filter((x) => x !== m)]);
  }

  const lineage = new Map<number, number[]>();
  for (const sharers of seatSharers.values()) {
    for (const a of sharers) {
      for (const b of sharers) {
        if (a === b) continue;
        const list = lineage.get(a) ?? [];
        if (!list.includes(b)) list.push(b);
        lineage.set(a, list);
      }
    }
  }

  const statesByRoot = new Map<string, number[]>();
  const stateRoots = new Set<string>();
  const regionRoots = new Set<string>();
  entries.forEach((e, i) => {
    if (isState(e) && e.code !== null) {
      const root = e.code.slice(0, 3);
      stateRoots.add(root);
      if (e.type !== 'TERRITORY') {
        const list = statesByRoot.get(root) ?? [];
        list.push(i);
        statesByRoot.set(root, list);
      }
    }
    if (e.type === 'REGION' && e.code !== null) regionRoots.add(e.code.slice(0, 3));
  });

  const ambiguity = new Map<string, AmbiguityIndexEntry[]>();
  for (const rule of lexicon.ambiguity) {
    const exact = formKeys(surfaceForm(rule.form), abbreviations).exact;
    const key = exact.join(' ');
    const list = ambiguity.get(key) ?? [];
    list.push({ type: rule.type, cues: new Set(rule.cues.map((c) => keysOf(c).join(' '))) });
    ambiguity.set(key, list);
  }

  const index: ActorIndex = {
    names,
    roles,
    honorifics: table('honorific', (v) => v),
    modifiers: table('modifier', (v) => v as ModifierEffect),
    counterparts: table('counterpart', () => null),
    pairLeads: table('pair-lead', () => null),
    pairNouns: table('pair-noun', (v) => v as PairLevel),
    heads: table('head', (v) => v as HeadType),
    contextGroups: table('context-group', (v) => v),
    groupLinks: new RegExp(
      `^\\s+(?:${
        byClass('context-link')
          .map((e) => e.term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|') || '(?!)'
      })\\s+(?:\\S+\\s+){0,2}$`,
      'i',
    ),
    locatives: wordSet('locative'),
    places: new Set(
      byClass('locative')
        .filter((e) => e.value === 'PLACE')
        .map((e) => keysOf(e.term).join(' ')),
    ),
    speech: wordSet('speech'),
    notNames: wordSet('not-name'),
    months: wordSet('month'),
    particles: wordSet('particle'),
    determiners: wordSet('determiner'),
    connectors: wordSet('connector'),
    joiners: wordSet('joiner'),
    stances: wordSet('stance'),
    ethnic: wordSet('ethnic'),
    surnames,
    abbreviations,
    holders,
    personOffices,
    officeGroups,
    lineage,
    statesByRoot,
    stateRoots,
    regionRoots,
    ambiguity,
  };
  return Object.freeze({ kb, lexicon, index: Object.freeze(index) });
}
