import type { Entity } from '../core/document.js';
import type { CompiledEntry } from '../kb/compile.js';
import { surfaceForm } from '../kb/compile.js';
import type {
  ActorContext,
  ActorIndex,
  NameCandidate,
  ModifierEffect,
  PairLevel,
  RoleInfo,
} from './actor-context.js';
import { isState } from './actor-context.js';
import { CAP, DASH, exactKey, formKeys, NUM, POSS, UPPER, WORD, type Words } from './words.js';

/**
 * How an entity was resolved (`Entity.how`):
 * - `name`, `alias`, `demonym`: a knowledge-base form on its own;
 * - `surname`: a lone surname, from the knowledge base or an earlier full mention;
 * - `title+name`: a title before a name ("Iranian President Ebrahim Raisi");
 * - `demonym+role`: a country word and a role noun ("Russian troops", "Iran's foreign ministry");
 * - `metonymy`: a seat of government standing for it ("Tehran said", "the Kremlin");
 * - `location`: a capital used as a place ("in Tehran");
 * - `office`: a title without a name resolved to its holder on the date ("the Iranian president");
 * - `counterpart`: "his Russian counterpart";
 * - `pair`: "both leaders", "the two nations";
 * - `coref`: a bare role noun taking up an earlier mention ("the ministry said");
 * - `ambiguous`: a knowledge-base form read otherwise because of context cues (no code);
 * - `context`: a bare group noun ("police", "rebels", "demonstrators") given the country the
 *   text is about: a place named in the sentence ("in Cairo"), else the country the document
 *   mentions most (no code when it mentions none);
 * - `unknown`: a capitalised name not in the knowledge base (no code).
 */
export type ResolutionRule =
  | 'name'
  | 'alias'
  | 'demonym'
  | 'surname'
  | 'title+name'
  | 'demonym+role'
  | 'metonymy'
  | 'location'
  | 'office'
  | 'counterpart'
  | 'pair'
  | 'coref'
  | 'ambiguous'
  | 'context'
  | 'unknown';

interface PairMember {
  readonly code: string;
  readonly name: string;
  /** Index of the first mention, for ordering. */
  readonly first: number;
}

interface Pair {
  readonly codes: string[];
  readonly names: string[];
}

function toPair(members: PairMember[]): Pair | null {
  if (members.length < 2) return null;
  members.sort((a, b) => a.first - b.first);
  return { codes: members.map((m) => m.code), names: members.map((m) => m.name) };
}

/** The rule name for a knowledge-base form on its own. */
function nameRule(kind: NameCandidate['kind']): ResolutionRule {
  return kind === 'demonym' ? 'demonym' : kind === 'alias' ? 'alias' : 'name';
}

/** A knowledge-base match: word range and the candidates whose case rules hold. */
interface KbMatch {
  readonly end: number;
  readonly cands: readonly NameCandidate[];
}

/** A country word inside a description: "Iranian", "Iran's", "Kremlin", "NATO", "the West". */
interface CountryWord {
  readonly start: number;
  readonly end: number;
  /** Entry index, or -1 for a possessor person's country. */
  readonly entry: number;
  /** Country or region root that takes a sector (IRN, WST), or null. */
  readonly root: string | null;
  /** A code that a role noun does not change (an organisation's, "Pentagon"'s), or null. */
  readonly fixed: string | null;
  /** Sector when the role noun names none: a seat speaks for the government ("Kremlin aide"). */
  readonly sector?: string;
}

/** A word of a title: a role noun, an honorific, or "counterpart". */
interface TitleWord {
  readonly kind: 'role' | 'honorific' | 'counterpart';
  readonly start: number;
  readonly end: number;
  readonly info: RoleInfo | null;
  readonly sector: string | null;
  readonly plural: boolean;
}

/** An unknown capitalised name: word range and the type its last word suggests. */
interface UnknownName {
  readonly start: number;
  readonly end: number;
  readonly head: string | null;
}

interface PersonRecord {
  readonly entity: Entity;
  readonly identity: string;
  /** Office (role entry index) the person holds in this mention, or -1. */
  readonly office: number;
  readonly entryIdx: number;
}

interface TitleInfo {
  readonly root: string | null;
  readonly fixed: string | null;
  readonly sector: string | null;
  readonly mods: readonly ModifierEffect[];
}

type EntityExtra = Pick<Entity, 'role' | 'how' | 'members' | 'phrase'>;

const KIND_RANK = { name: 0, alias: 1, seat: 2, demonym: 3, term: 4 } as const;
const TYPE_RANK: Readonly<Record<string, number>> = {
  COUNTRY: 0,
  HISTORIC_STATE: 0,
  TERRITORY: 1,
  REGION: 2,
  ALIAS: 3,
  IGO: 4,
  NGO: 4,
  GROUP: 4,
  PARTY: 4,
  MEDIA: 4,
  MNC: 4,
  PERSON: 5,
  ROLE: 6,
};
const GAP_POS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Parts of speech an unknown name may start with ('' where wink has no token). */
const NAME_POS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'X', '']);
/** How many sentences back "the ministry" may find the ministry it takes up. */
const COREF_SENTENCES = 5;
/** Sectors whose bare role nouns ("the ministry", "the army") take up an earlier mention. */
const COREF_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY']);
/** How far (in words, punctuation included) an ambiguity cue may be from the mention. */
const CUE_WINDOW = 4;
const OPENERS: ReadonlySet<string> = new Set(['"', "'", '(', '[', '\u201c', '\u2018', '-', ':']);

/**
 * Resolves the mentions of one document, sentence by sentence, keeping what coreference
 * needs (people mentioned, roles seen) in instance fields that live for this document only.
 */
/** Words between a place preposition and its place: "in *the eastern* region of". */
const PLACE_MODIFIER_POS: ReadonlySet<string> = new Set(['DET', 'ADJ']);

export class DocumentResolver {
  readonly entities: Entity[] = [];
  private readonly ix: ActorIndex;
  private readonly entries: readonly CompiledEntry[];
  private readonly memo: (KbMatch | null | undefined)[];
  private readonly exactMemo: (string | undefined)[];
  private readonly persons: PersonRecord[] = [];
  private readonly surnames = new Map<string, PersonRecord>();
  private readonly roleMemory = new Map<string, { entity: Entity; sentence: number }>();
  private readonly surnameOfEntry = new Map<number, string>();
  private readonly unknownTypes = new Map<string, string>();
  /** Country roots of the entities emitted so far. */
  private readonly roots = new Set<string>();
  private readonly scratch: { keys: readonly string[]; value: readonly NameCandidate[] }[] = [];
  private sentenceFirst = 0;
  private sentenceEnd = 0;
  /** Per emitted entity: its sentence and whether a place preposition precedes it ("in Cairo"). */
  private readonly entitySentence: number[] = [];
  private readonly entityPlace: boolean[] = [];
  /** Entities of bare group nouns waiting for the document's country, with their sector. */
  private readonly contextGroups: { entity: number; sector: string | null; ethnic?: true }[] = [];

  constructor(
    private readonly ctx: ActorContext,
    private readonly text: string,
    private readonly w: Words,
    private readonly day: number,
  ) {
    this.ix = ctx.index;
    this.entries = ctx.kb.compiled.entries;
    this.memo = new Array<KbMatch | null | undefined>(w.n);
    this.exactMemo = new Array<string | undefined>(w.n);
  }

  /** Resolves every sentence: words are grouped by sentence index, in text order. */
  run(): Entity[] {
    const { w } = this;
    let a = 0;
    while (a < w.n) {
      let b = a + 1;
      while (b < w.n && w.sentence[b] === w.sentence[a]) b++;
      this.sentence(a, b);
      a = b;
    }
    this.resolveContextGroups();
    return this.entities;
  }

  /**
   * Gives each bare group noun the country the text is about: a country named after a place
   * preposition in the same sentence ("police in Cairo"), else the state the document's
   * entities name most often (earliest first on a tie). Without either it keeps no code.
   */
  private resolveContextGroups(): void {
    if (this.contextGroups.length === 0) return;
    const counts = new Map<string, { n: number; first: number }>();
    this.entities.forEach((e, k) => {
      if (e.how === 'context' || e.country === null || !this.ix.stateRoots.has(e.country)) return;
      const c = counts.get(e.country);
      if (c) c.n++;
      else counts.set(e.country, { n: 1, first: k });
    });
    let dominant: string | null = null;
    let best = { n: 0, first: Infinity };
    for (const [country, c] of counts) {
      if (c.n > best.n || (c.n === best.n && c.first < best.first)) {
        dominant = country;
        best = c;
      }
    }
    // The first country named after a place preposition, per sentence (one pass).
    const placeOf = new Map<number, string>();
    this.entities.forEach((o, k) => {
      const sentence = this.entitySentence[k]!;
      if (
        !placeOf.has(sentence) &&
        this.entityPlace[k] === true &&
        o.how !== 'context' &&
        // "killed in Russian shelling": a demonym after "in" describes, it is no place.
        o.how !== 'demonym' &&
        o.country !== null &&
        this.ix.stateRoots.has(o.country)
      )
        placeOf.set(sentence, o.country);
    });
    for (const g of this.contextGroups) {
      const e = this.entities[g.entity]!;
      const sentence = this.entitySentence[g.entity]!;
      let country: string | null = null;
      // "Palestinian prisoners": a country word right before the noun names its country.
      const prev = this.entities[g.entity - 1];
      if (
        g.ethnic !== true &&
        prev !== undefined &&
        prev.how === 'demonym' &&
        prev.country !== null &&
        this.ix.stateRoots.has(prev.country) &&
        /^\s+$/.test(this.text.slice(prev.end, e.start))
      )
        country = prev.country;
      // "dissidents from Myanmar", "rebels in northern Mali": the country right after.
      const next = this.entities[g.entity + 1];
      if (
        next !== undefined &&
        this.entitySentence[g.entity + 1] === sentence &&
        next.country !== null &&
        this.ix.stateRoots.has(next.country) &&
        next.start - e.end < 48 &&
        this.ix.groupLinks.test(this.text.slice(e.end, next.start))
      )
        country ??= next.country;
      country ??= placeOf.get(sentence) ?? null;
      // An ethnic group named by no place keeps its demonym's state.
      if (g.ethnic === true && country === null) continue;
      country ??= dominant;
      if (country === null) continue;
      const code = `${country}${g.sector ?? ''}`;
      this.entities[g.entity] = { ...e, code, country, sector: g.sector };
    }
  }

  /** A bare group noun ("rebels", "the police"): emitted now, given a country at the end. */
  private tryContextGroup(i: number, b: number): number {
    const { w } = this;
    let j = i;
    if (this.ix.determiners.has(w.key[j]!) && w.key[j] === 'the') j++;
    if (j >= b) return -1;
    const m = this.ix.contextGroups.longest(w, j, b);
    if (m === null) return -1;
    const end = j + m.keys.length;
    // "rebels' leader", "police chief": the noun modifies another; leave it.
    if (end < b && (w.flags[end]! & POSS) !== 0) return -1;
    this.emit(j, end, 'AGENT', null, { name: null, kbId: null }, { how: 'context' });
    this.contextGroups.push({ entity: this.entities.length - 1, sector: m.value });
    return end;
  }

  private sentence(a: number, b: number): void {
    this.sentenceFirst = a;
    this.sentenceEnd = b;
    let i = a;
    while (i < b) {
      if ((this.w.flags[i]! & WORD) === 0) {
        i++;
        continue;
      }
      let next = this.tryPair(i, b);
      if (next < 0) next = this.tryDescription(i, b, null);
      if (next < 0) next = this.tryKbName(i, b);
      if (next < 0) next = this.tryContextGroup(i, b);
      if (next < 0) next = this.tryUnknown(i, b);
      i = next < 0 ? i + 1 : next;
    }
  }

  // ---------------------------------------------------------------- lookups

  private exact(i: number): string {
    return (this.exactMemo[i] ??= exactKey(this.text.slice(this.w.start[i], this.w.end[i])));
  }

  /** The longest knowledge-base match at word i whose case rules hold (memoised). */
  private kbAt(i: number, limit: number): KbMatch | null {
    const cached = this.memo[i];
    if (cached !== undefined) return cached;
    const found = this.ix.names.matchAll(this.w, i, limit, this.scratch);
    let result: KbMatch | null = null;
    for (const phrase of found) {
      const len = phrase.keys.length;
      const cands = phrase.value.filter((c) => c.exact === null || this.exactMatches(i, c.exact));
      if (cands.length > 0) {
        result = { end: i + len, cands };
        break;
      }
    }
    found.length = 0;
    this.memo[i] = result;
    return result;
  }

  private exactMatches(i: number, exact: readonly string[]): boolean {
    for (let k = 0; k < exact.length; k++) if (this.exact(i + k) !== exact[k]) return false;
    return true;
  }

  /** Is entry valid on the document date (states in their interval, people alive ...)? */
  private validOn(entry: CompiledEntry): boolean {
    if (isState(entry)) {
      return (
        (entry.from === null || entry.from <= this.day) &&
        (entry.until === null || this.day <= entry.until)
      );
    }
    if (entry.type === 'REGION' || entry.type === 'ALIAS' || entry.type === 'ROLE') return true;
    return this.ctx.kb.codeOn(entry, this.day) !== null;
  }

  /** The best candidate: valid on the date, then by kind (name before alias ...), then type. */
  private pick(m: KbMatch): NameCandidate {
    let best = m.cands[0]!;
    if (m.cands.length === 1) return best;
    let bestScore = Infinity;
    for (const c of m.cands) {
      const e = this.entries[c.entry]!;
      // An ambiguous form ("RSF", "Congolese") leans to the candidate whose country the
      // document has already mentioned; the type order only breaks remaining ties.
      const root = e.country ?? e.code?.slice(0, 3) ?? null;
      const unseen = root !== null && this.roots.has(root) ? 0 : 5;
      const score =
        (this.validOn(e) ? 0 : 100) +
        KIND_RANK[c.kind] * 10 +
        unseen +
        (TYPE_RANK[e.type] ?? 9) / 10;
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /** A state's code on the date; before it existed, its predecessor's (Russia in 1987: USR). */
  private stateCode(idx: number, forElite = false): string | null {
    const e = this.entries[idx]!;
    if (e.code === null) return null;
    if (this.validOn(e)) return e.code;
    const before = e.from !== null && this.day < e.from;
    if (!before && !forElite) return null;
    for (const other of this.ix.lineage.get(idx) ?? []) {
      const o = this.entries[other]!;
      if (this.validOn(o)) return o.code;
    }
    return null;
  }

  /** A country root as of the date: a dissolved state's successor for people (USR -> RUS). */
  private rootOn(root: string): string {
    const states = this.ix.statesByRoot.get(root);
    if (states === undefined) return root;
    for (const s of states) if (this.validOn(this.entries[s]!)) return root;
    for (const s of states) {
      const code = this.stateCode(s, true);
      if (code !== null) return code.slice(0, 3);
    }
    return root;
  }

  private personRoot(entry: CompiledEntry): string | null {
    return entry.country === null ? null : this.rootOn(entry.country.slice(0, 3));
  }

  /** `codeOn` for a person, with `<country>ELI` moved to the successor of a dissolved state. */
  private personCodeOn(idx: number): string | null {
    const entry = this.entries[idx]!;
    const code = this.ctx.kb.codeOn(entry, this.day);
    if (code !== null && code.length === 6 && code.endsWith('ELI')) {
      return `${this.rootOn(code.slice(0, 3))}ELI`;
    }
    return code;
  }

  /** The person's code given the title written before the name (see README). */
  private personCode(idx: number, title: TitleInfo | null): string | null {
    const entry = this.entries[idx]!;
    if (entry.died !== null && this.day > entry.died) return null;
    const kb = this.personCodeOn(idx);
    if (title === null) return kb;
    const root = title.root ?? this.personRoot(entry);
    if (title.mods.includes('ELI')) return root === null ? kb : `${root}ELI`;
    if (title.mods.includes('TITLE') && title.sector !== null && root !== null) {
      return `${root}${title.sector}`;
    }
    const active = kb !== null && !kb.endsWith('ELI');
    if (active) {
      const kbRoot = kb.slice(0, 3);
      if (title.root !== null && this.ix.stateRoots.has(kbRoot) && kbRoot !== title.root) {
        return `${title.root}${kb.slice(3)}`;
      }
      return kb;
    }
    if (title.fixed !== null) return title.fixed;
    if (title.sector !== null && root !== null) return `${root}${title.sector}`;
    return kb;
  }

  /** The code and title of the office a KB person holds on the date, if any. */
  private activeOffice(idx: number): { office: number; title: string | null } {
    const entry = this.entries[idx]!;
    const offices = this.ix.personOffices.get(idx);
    let best = -1;
    let bestScore = -Infinity;
    entry.codes.forEach((c, k) => {
      if ((c.from !== null && c.from > this.day) || (c.until !== null && this.day > c.until))
        return;
      const office = offices?.[k] ?? -1;
      const isOffice = office >= 0 && this.entries[office]!.office;
      const score = (isOffice ? 1e9 : 0) + (c.from ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    });
    if (best < 0) return { office: -1, title: null };
    return { office: offices?.[best] ?? -1, title: entry.codes[best]!.title };
  }

  /** The holder of an office in a country on the date (most recent start). */
  private holder(role: number, root: string): number {
    const list = this.ix.holders.get(`${role}|${root}`);
    if (list === undefined) return -1;
    let found = -1;
    for (const h of list) {
      if ((h.from === null || h.from <= this.day) && (h.until === null || this.day <= h.until)) {
        found = h.entry;
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- entities

  private countryOf(code: string): string | null {
    const root = code.slice(0, 3);
    if (this.ix.stateRoots.has(root)) return root;
    if (root === 'MNC' && this.ix.stateRoots.has(code.slice(3, 6))) return code.slice(3, 6);
    return null;
  }

  private sectorOf(code: string): string | null {
    const root = code.slice(0, 3);
    if (code.length < 6) return null;
    return this.ix.stateRoots.has(root) || this.ix.regionRoots.has(root) ? code.slice(3, 6) : null;
  }

  /** Builds and records an entity over words [sw, ew). */
  private emit(
    sw: number,
    ew: number,
    type: string,
    code: string | null,
    fields: { country?: string | null; name: string | null; kbId: string | null },
    extra: EntityExtra & { phraseStart?: number },
  ): Entity {
    const start = this.w.start[sw]!;
    const end = this.w.end[ew - 1]!;
    const entity: Entity = {
      text: this.text.slice(start, end),
      start,
      end,
      type,
      code,
      country: (code === null ? null : this.countryOf(code)) ?? fields.country ?? null,
      sector: code === null ? null : this.sectorOf(code),
      name: fields.name,
      kbId: fields.kbId,
      ...(extra.role === undefined ? {} : { role: extra.role }),
      ...(extra.how === undefined ? {} : { how: extra.how }),
      ...(extra.members === undefined ? {} : { members: extra.members }),
      ...(extra.phraseStart === undefined || extra.phraseStart === sw
        ? {}
        : { phrase: { start: this.w.start[extra.phraseStart]!, end } }),
    };
    this.entities.push(entity);
    // "ethnic Albanians in Serbia": a group coded by where it lives, decided with the
    // context groups at the end (its demonym's state stays when the text names no other).
    if (
      (extra.how === 'demonym' || extra.how === 'demonym+role') &&
      sw > this.sentenceFirst &&
      this.ix.ethnic.has(this.w.key[sw - 1]!)
    ) {
      this.contextGroups.push({
        entity: this.entities.length - 1,
        sector: entity.sector ?? 'CVL',
        ethnic: true,
      });
    }
    this.entitySentence.push(this.w.sentence[sw]!);
    this.entityPlace.push(this.afterPlacePreposition(sw));
    if (entity.country !== null) this.roots.add(entity.country);
    return entity;
  }

  /**
   * Whether a place preposition governs the mention starting at word `sw`: right before it
   * ("in Ukraine"), or over up to two lower-case modifiers ("in eastern Ukraine", "in the
   * north of").
   */
  private afterPlacePreposition(sw: number): boolean {
    const { w } = this;
    for (let k = sw - 1, n = 0; k >= this.sentenceFirst && n < 3; k--, n++) {
      if (this.ix.places.has(w.key[k]!)) return true;
      if ((w.flags[k]! & CAP) !== 0 || !PLACE_MODIFIER_POS.has(w.pos[k]!)) return false;
    }
    return false;
  }

  private surface(sw: number, ew: number): string {
    return this.text.slice(this.w.start[sw], this.w.end[ew - 1]).replace(/\s+/g, ' ');
  }

  private entryName(idx: number): string {
    return this.entries[idx]!.name;
  }

  private rememberRole(key: string, entity: Entity): void {
    this.roleMemory.set(key, { entity, sentence: this.w.sentence[this.sentenceFirst]! });
  }

  /** Records a person for later surnames, counterparts and pairs. */
  private rememberPerson(
    entity: Entity,
    entryIdx: number,
    office: number,
    sw: number,
    ew: number,
  ): void {
    const record: PersonRecord = {
      entity,
      identity: entity.kbId ?? entity.name ?? entity.text,
      office,
      entryIdx,
    };
    this.persons.push(record);
    if (ew - sw >= 2) {
      const key = this.lastNamePart(sw, ew);
      if (key !== '') this.surnames.set(key, record);
    }
    if (entryIdx >= 0) {
      const key = this.entrySurname(entryIdx);
      if (key !== '' && !this.surnames.has(key)) this.surnames.set(key, record);
    }
  }

  /** Keys of the last space-separated part of a name: "Amir-Abdollahian" -> "amir-abdollahian". */
  private lastNamePart(sw: number, ew: number): string {
    const { w } = this;
    let k = ew - 1;
    while (k > sw && w.start[k] === w.end[k - 1]) k--;
    let key = '';
    for (let j = k; j < ew; j++) key += w.key[j];
    return key;
  }

  private entrySurname(idx: number): string {
    let key = this.surnameOfEntry.get(idx);
    if (key === undefined) {
      const parts = surfaceForm(this.entryName(idx)).split(' ');
      key = formKeys(parts[parts.length - 1]!, this.ix.abbreviations).keys.join('');
      this.surnameOfEntry.set(idx, key);
    }
    return key;
  }

  /**
   * "BankAmerica Corp" makes a later bare "BankAmerica" an organisation too: the name
   * without its trailing head words is remembered with the type.
   */
  private rememberUnknownOrg(sw: number, ew: number): void {
    let e = ew;
    while (e - 1 > sw && this.headAt(e - 1, e) !== null) e--;
    if (e < ew) this.unknownTypes.set(this.glued(sw, e), 'ORG');
  }

  /** Key of the words [sw, ew) glued, for surname lookups. */
  private glued(sw: number, ew: number): string {
    let key = '';
    for (let j = sw; j < ew; j++) key += this.w.key[j];
    return key;
  }

  // ---------------------------------------------------------------- word classes

  private isFunctionWord(i: number): boolean {
    const k = this.w.key[i]!;
    const ix = this.ix;
    return (
      ix.determiners.has(k) ||
      ix.stances.has(k) ||
      ix.locatives.has(k) ||
      ix.connectors.has(k) ||
      ix.speech.has(k) ||
      ix.notNames.has(k) ||
      ix.pairLeads.startsWith(k) ||
      ix.counterparts.startsWith(k) ||
      ix.modifiers.longest(this.w, i, this.sentenceEnd) !== null ||
      ix.honorifics.longest(this.w, i, this.sentenceEnd) !== null ||
      ix.roles.longest(this.w, i, this.sentenceEnd) !== null
    );
  }

  /**
   * Is word i where any word is capitalised: the start of the sentence (after opening quotes
   * or brackets), or right after an abbreviation's period ("the U.S. Trade deficit")?
   */
  private isSentenceInitial(i: number): boolean {
    let k = i - 1;
    while (k >= this.sentenceFirst && OPENERS.has(this.w.key[k]!)) k--;
    if (k < this.sentenceFirst) return true;
    return k === i - 1 && this.text.charCodeAt(this.w.end[k]! - 1) === 46;
  }

  /** Is a cue word within `CUE_WINDOW` words of the mention [s, e), in its sentence? */
  private cueNear(s: number, e: number, cues: ReadonlySet<string>): boolean {
    const from = Math.max(this.sentenceFirst, s - CUE_WINDOW);
    const to = Math.min(this.sentenceEnd, e + CUE_WINDOW);
    for (let k = from; k < to; k++) {
      if (cues.has(this.w.key[k]!)) return true;
    }
    return false;
  }

  private readModifiers(j: number, b: number, mods: ModifierEffect[]): number {
    for (;;) {
      if (j >= b) return j;
      const m = this.ix.modifiers.longest(this.w, j, b);
      if (m === null) return j;
      // "then" and "under" are modifiers only when they lead into a title.
      const next = j + m.keys.length;
      const after = next < b && this.w.flags[next]! & DASH ? next + 1 : next;
      if (after >= b || !this.startsTitleOrCountry(after, b)) return j;
      mods.push(m.value);
      j = after;
    }
  }

  private startsTitleOrCountry(j: number, b: number): boolean {
    return (
      this.titleWordAt(j, b) !== null ||
      this.countryWordAt(j, b) !== null ||
      this.ix.modifiers.longest(this.w, j, b) !== null
    );
  }

  /** A country word at j: a state, demonym, seat, region, state alias or organisation. */
  private countryWordAt(j: number, b: number): CountryWord | null {
    if (j >= b || (this.w.flags[j]! & WORD) === 0) return null;
    const m = this.kbAt(j, b);
    if (m === null) return null;
    const c = this.pick(m);
    const entry = this.entries[c.entry]!;
    if (this.ambiguousReading(j, m) !== null) return null;
    const base = { start: j, end: m.end, entry: c.entry };
    if (isState(entry)) {
      if (c.kind === 'seat' && this.isLocative(j, m.end)) return null;
      const code = this.stateCode(c.entry);
      const root = code === null ? null : code.slice(0, 3);
      return c.kind === 'seat'
        ? { ...base, root, fixed: null, sector: 'GOV' }
        : { ...base, root, fixed: null };
    }
    switch (entry.type) {
      case 'REGION':
        return entry.code === null ? null : { ...base, root: entry.code, fixed: null };
      case 'ALIAS':
        return entry.code!.length === 3
          ? { ...base, root: entry.code, fixed: null }
          : { ...base, root: null, fixed: entry.code };
      case 'PERSON':
      case 'ROLE':
        return null;
      default:
        return { ...base, root: null, fixed: this.ctx.kb.codeOn(entry, this.day) };
    }
  }

  private readCountryGroup(j: number, b: number): { items: CountryWord[]; next: number } | null {
    const { w } = this;
    const items: CountryWord[] = [];
    let k = j;
    for (;;) {
      const cw = this.countryWordAt(k, b);
      if (cw === null) break;
      items.push(cw);
      k = cw.end;
      if (k + 1 < b && items.length < 8) {
        const sep = this.w.key[k]!;
        if (sep === 'and' || sep === 'or' || sep === ',' || this.w.flags[k]! & DASH) {
          const next = this.countryWordAt(k + 1, b);
          // "Iran and Iran's Supreme Court": a possessive country starts its own phrase.
          if (next !== null && !(next.end < b && w.flags[next.end]! & POSS)) {
            k++;
            continue;
          }
        }
      }
      break;
    }
    return items.length === 0 ? null : { items, next: k };
  }

  /** A role noun, honorific or "counterpart" at j (the longest; role nouns win ties). */
  private titleWordAt(j: number, b: number): TitleWord | null {
    if (j >= b || (this.w.flags[j]! & WORD) === 0) return null;
    const { w, ix } = this;
    let best: TitleWord | null = null;
    const r = ix.roles.longest(w, j, b);
    if (r !== null && !this.adjectiveBeforeNoun(j + r.keys.length - 1, b)) {
      const end = j + r.keys.length;
      // A longer knowledge-base name wins over a role noun inside it ("People's Liberation Army").
      const m = this.kbAt(j, b);
      const nameWins = m !== null && m.end > end && this.pick(m).kind !== 'term';
      if (!nameWins) {
        best = {
          kind: 'role',
          start: j,
          end,
          info: r.value,
          sector: r.value.sector,
          plural: r.value.plural,
        };
      }
    }
    const h = ix.honorifics.longest(w, j, b);
    if (h !== null && (best === null || j + h.keys.length > best.end)) {
      best = {
        kind: 'honorific',
        start: j,
        end: j + h.keys.length,
        info: null,
        sector: h.value,
        plural: false,
      };
    }
    const c = ix.counterparts.longest(w, j, b);
    if (c !== null && (best === null || j + c.keys.length > best.end)) {
      const last = c.keys[c.keys.length - 1]!;
      best = {
        kind: 'counterpart',
        start: j,
        end: j + c.keys.length,
        info: null,
        sector: 'GOV',
        plural: last.endsWith('s'),
      };
    }
    return best;
  }

  /**
   * A role noun used as an adjective ("criminal attacks", "military exercises") is no title:
   * its word is tagged ADJ and a noun that is not itself a role follows.
   */
  private adjectiveBeforeNoun(k: number, b: number): boolean {
    const { w } = this;
    if (w.pos[k] !== 'ADJ' || k + 1 >= b || w.flags[k + 1]! & CAP) return false;
    const next = w.pos[k + 1];
    if (next !== 'NOUN' && next !== 'PROPN') return false;
    return this.ix.roles.longest(w, k + 1, b) === null;
  }

  private isGapWord(k: number, b: number): boolean {
    const { w } = this;
    if (k >= b) return false;
    const f = w.flags[k]!;
    if ((f & WORD) === 0 || f & NUM) return false;
    // Nouns and adjectives, and -ing forms used as modifiers ("British shipping executive").
    const pos = w.pos[k]!;
    if (!GAP_POS.has(pos) && !(pos === 'VERB' && w.key[k]!.endsWith('ing'))) return false;
    if (this.isFunctionWord(k) && this.ix.roles.longest(w, k, b) === null) return false;
    const m = this.kbAt(k, b);
    return m === null || this.pick(m).kind === 'term';
  }

  /**
   * A seat at j is a place when a locative preposition comes right before it ("in Tehran"),
   * unless it is "the Kremlin", a possessive ("in Moscow's view") or the first half of a
   * compound ("in Tehran-Moscow relations").
   */
  private isLocative(j: number, end = j + 1): boolean {
    const { w } = this;
    const k = j - 1;
    if (k < this.sentenceFirst || !this.ix.locatives.has(w.key[k]!)) return false;
    if (end < this.sentenceEnd) {
      const f = w.flags[end]!;
      if (f & POSS) return false;
      if (f & DASH && this.countryWordAt(end + 1, this.sentenceEnd) !== null) return false;
    }
    return true;
  }

  /** The other reading of an ambiguous form when a cue is in the sentence, else null. */
  private ambiguousReading(i: number, m: KbMatch): string | null {
    if (this.ix.ambiguity.size === 0) return null;
    let form = '';
    for (let k = i; k < m.end; k++) form += (k > i ? ' ' : '') + this.exact(k);
    const rules = this.ix.ambiguity.get(form);
    if (rules === undefined) return null;
    for (const r of rules) if (this.cueNear(i, m.end, r.cues)) return r.type;
    return null;
  }

  // ---------------------------------------------------------------- names

  /**
   * An unknown capitalised name starting at k: capitalised words joined by hyphens, name
   * particles ("da", "bin") and, inside organisation and event names, connectors ("of").
   * Knowledge-base names inside are absorbed when an unknown word comes first ("Michael
   * Jordan"), except full names of people. Lower-case heads right after join ("railway").
   */
  private unknownAt(k: number, b: number, allowKbStart: boolean): UnknownName | null {
    const { w, ix } = this;
    if (k >= b) return null;
    const f0 = w.flags[k]!;
    if ((f0 & WORD) === 0 || (f0 & CAP) === 0 || f0 & NUM) return null;
    if (!NAME_POS.has(w.pos[k]!)) return null;
    if (this.isFunctionWord(k)) return null;
    if (!allowKbStart && this.kbAt(k, b) !== null) return null;
    // A single sentence-initial word may be an ordinary capitalised word ("Amidst"): it does
    // not absorb a knowledge-base name after it.
    const absorbKb = !this.isSentenceInitial(k);
    let e = k + 1;
    let lastHead: string | null = this.headAt(k, e);
    let afterConnector = false;
    // "Bank of England": the head before a connector types the whole name.
    let headBeforeConnector: string | null = null;
    for (;;) {
      if (e >= b) break;
      const f = w.flags[e]!;
      const key = w.key[e]!;
      if (f & WORD && f & CAP && !(f & NUM) && !ix.notNames.has(key)) {
        // A title inside a run of capitals starts a person's name: "Federal Reserve Board
        // Chairman Paul Volcker". Heads ("Northfield Bank Corp") stay in the name.
        const title = this.titleWordAt(e, b);
        if (
          title !== null &&
          (title.kind === 'honorific' ||
            (this.headAt(e, title.end) === null &&
              title.end < b &&
              (w.flags[title.end]! & CAP) !== 0))
        ) {
          break;
        }
        const m = this.kbAt(e, b);
        if (m !== null) {
          const c = this.pick(m);
          const entry = this.entries[c.entry]!;
          if (c.kind === 'term') {
            // A capitalised role noun inside a name is part of it when it is a head
            // ("Northfield Bank", "... Ministry").
            if (this.headAt(e, m.end) === null) break;
          } else if (!absorbKb && e === k + 1) break;
          else if (entry.type === 'PERSON' && m.end - e > 1) break;
          e = m.end;
          lastHead = this.headAt(e - 1, e);
          continue;
        }
        if (ix.speech.has(key)) break;
        e++;
        lastHead = this.headAt(e - 1, e);
        continue;
      }
      if (f & DASH && e + 1 < b && w.start[e] === w.end[e - 1] && w.start[e + 1] === w.end[e]) {
        const nf = w.flags[e + 1]!;
        if ((nf & CAP && nf & WORD) || ix.particles.has(w.key[e + 1]!)) {
          e += 2;
          lastHead = this.headAt(e - 1, e);
          continue;
        }
        break;
      }
      if (ix.particles.has(key) && !(f & CAP) && e + 1 < b && w.flags[e + 1]! & CAP) {
        e++;
        continue;
      }
      if (
        e + 1 < b &&
        w.flags[e + 1]! & CAP &&
        w.flags[e + 1]! & WORD &&
        !ix.notNames.has(w.key[e + 1]!)
      ) {
        if (
          ix.connectors.has(key) &&
          (lastHead === 'ORG' || lastHead === 'EVENT' || lastHead === 'AGREEMENT')
        ) {
          afterConnector = true;
          headBeforeConnector ??= lastHead;
          e++;
          continue;
        }
        // "... on Tariffs and Trade", "Ministry of Industry and Trade".
        if (ix.joiners.has(key) && afterConnector) {
          e++;
          continue;
        }
        if (ix.joiners.has(key) && lastHead === null) {
          const head = this.headOfCapsRun(e + 1, b);
          if (head === 'ORG' || head === 'EVENT') {
            e++;
            continue;
          }
        }
      }
      break;
    }
    // Lower-case heads right after: "the Rasht-Astara railway project".
    while (e < b && (w.flags[e]! & CAP) === 0) {
      const h = ix.heads.longest(w, e, b);
      if (h === null) break;
      e += h.keys.length;
      lastHead = h.value;
    }
    return { start: k, end: e, head: lastHead ?? headBeforeConnector };
  }

  /** Head type of the run of capitalised words starting at k, or null. */
  private headOfCapsRun(k: number, b: number): string | null {
    let e = k;
    while (e < b && this.w.flags[e]! & CAP && this.w.flags[e]! & WORD) e++;
    return e > k ? this.headAt(k, e) : null;
  }

  /** Head type of the last word(s) of [s, e) ("Forum" -> EVENT), or null. */
  private headAt(s: number, e: number): string | null {
    for (let k = Math.max(s, e - 2); k < e; k++) {
      const h = this.ix.heads.longest(this.w, k, e);
      if (h !== null && k + h.keys.length === e) return h.value;
    }
    return null;
  }

  /** A person's name at j after a title: a KB person, an earlier surname or an unknown name. */
  private nameAt(
    j: number,
    b: number,
  ): {
    kind: 'kb' | 'coref' | 'unknown';
    start: number;
    end: number;
    entry: number;
    record: PersonRecord | null;
    head: string | null;
  } | null {
    if (j >= b) return null;
    const f = this.w.flags[j]!;
    if ((f & WORD) === 0 || (f & CAP) === 0) return null;
    const m = this.kbAt(j, b);
    if (m !== null) {
      const c = this.pick(m);
      const entry = this.entries[c.entry]!;
      if (entry.type !== 'PERSON') {
        // "President Chad ..."-like clashes aside, a state right after a title is not a name.
        return null;
      }
      const record = m.end - j === 1 ? (this.surnames.get(this.glued(j, m.end)) ?? null) : null;
      if (record !== null && record.entryIdx !== c.entry) {
        return { kind: 'coref', start: j, end: m.end, entry: record.entryIdx, record, head: null };
      }
      return { kind: 'kb', start: j, end: m.end, entry: c.entry, record: null, head: null };
    }
    const early = this.surnameAt(j, b, true);
    if (early !== null) {
      return {
        kind: 'coref',
        start: j,
        end: early.end,
        entry: early.record.entryIdx,
        record: early.record,
        head: null,
      };
    }
    const u = this.unknownAt(j, b, false);
    if (u === null) return null;
    const record = this.surnames.get(this.glued(u.start, u.end)) ?? null;
    if (record !== null) {
      return {
        kind: 'coref',
        start: u.start,
        end: u.end,
        entry: record.entryIdx,
        record,
        head: null,
      };
    }
    // "General Agreement on Tariffs": a name that goes on with "on"/"of" + capitals is an
    // agreement's or an institution's, not a person's after a title.
    if (
      u.head === null &&
      u.end + 1 < b &&
      this.ix.connectors.has(this.w.key[u.end]!) &&
      this.w.flags[u.end + 1]! & CAP
    ) {
      return null;
    }
    return { kind: 'unknown', start: u.start, end: u.end, entry: -1, record: null, head: u.head };
  }

  // ---------------------------------------------------------------- rules

  /** "both leaders", "the two nations": the two actors last mentioned. */
  private tryPair(i: number, b: number): number {
    const lead = this.ix.pairLeads.longest(this.w, i, b);
    if (lead === null) return -1;
    const j = i + lead.keys.length;
    const noun = this.ix.pairNouns.longest(this.w, j, b);
    if (noun === null) return -1;
    const end = j + noun.keys.length;
    const members = this.lastTwo(noun.value);
    if (members === null) return -1;
    const type = noun.value === 'PERSON' ? 'PERSON' : noun.value === 'STATE' ? 'COUNTRY' : 'AGENT';
    this.emit(
      i,
      end,
      type,
      members.codes[0]!,
      { name: members.names.join(' and '), kbId: null },
      { how: 'pair', members: members.codes },
    );
    return end;
  }

  /**
   * The two actors a pair noun refers back to, in order of first mention: the last two
   * people with a code, or the two countries most present so far (people, governments and
   * agents weigh more than a country named in passing; ties go to the most recent). With no
   * two named people ("The Iranian and Russian presidents met; the two men agreed"), people
   * fall back to the two governments.
   */
  private lastTwo(level: PairLevel): Pair | null {
    if (level === 'PERSON') return this.lastTwoPeople() ?? this.lastTwo('GOV');
    return this.lastTwoCountries(level === 'GOV');
  }

  private lastTwoPeople(): Pair | null {
    const picked: PairMember[] = [];
    const seen = new Set<string>();
    for (let k = this.persons.length - 1; k >= 0 && picked.length < 2; k--) {
      const p = this.persons[k]!;
      if (p.entity.code === null || seen.has(p.identity)) continue;
      seen.add(p.identity);
      const first = this.persons.findIndex((q) => q.identity === p.identity);
      picked.push({ code: p.entity.code, name: p.entity.name ?? p.entity.text, first });
    }
    return toPair(picked);
  }

  private lastTwoCountries(governments: boolean): Pair | null {
    const score = new Map<string, { weight: number; first: number; last: number }>();
    this.entities.forEach((e, k) => {
      if (e.how === 'pair' || e.country === null || !this.ix.stateRoots.has(e.country)) return;
      const weight =
        e.type === 'COUNTRY' || e.type === 'TERRITORY' ? 1 : e.type === 'CITY' ? 0.5 : 2;
      const s = score.get(e.country) ?? { weight: 0, first: k, last: k };
      score.set(e.country, { weight: s.weight + weight, first: s.first, last: k });
    });
    const top = [...score.entries()]
      .sort((a, b) => b[1].weight - a[1].weight || b[1].last - a[1].last)
      .slice(0, 2);
    return toPair(
      top.map(([root, s]) => ({
        code: governments ? `${root}GOV` : root,
        name: this.countryName(root),
        first: s.first,
      })),
    );
  }

  private countryName(root: string): string {
    const states = this.ix.statesByRoot.get(root);
    return states === undefined ? root : this.entryName(states[0]!);
  }

  /**
   * Descriptions: [determiner] [modifiers] [country words ['s]] [gap] title words [name].
   * "Iranian President Ebrahim Raisi", "Russian troops", "the Iranian president", "his
   * Russian counterpart", "former President X", "the president of Iran", "the ministry".
   * `possessor` is the country of a person written just before ("Putin's spokesman").
   */
  private tryDescription(i: number, b: number, possessor: CountryWord | null): number {
    const { w, ix } = this;
    // Most words cannot start a description: one hash lookup per table says so.
    const k0 = w.key[i]!;
    if (
      possessor === null &&
      !ix.determiners.has(k0) &&
      !ix.names.startsWith(k0) &&
      !ix.roles.startsWith(k0) &&
      !ix.modifiers.startsWith(k0) &&
      !ix.honorifics.startsWith(k0) &&
      !ix.counterparts.startsWith(k0)
    ) {
      return -1;
    }
    let j = i;
    let det = -1;
    if (possessor === null && ix.determiners.has(w.key[j]!)) {
      det = j;
      j++;
    }
    const mods: ModifierEffect[] = [];
    j = this.readModifiers(j, b, mods);
    let group: CountryWord[] = possessor === null ? [] : [possessor];
    let possessive = possessor !== null;
    if (possessor === null) {
      const g = this.readCountryGroup(j, b);
      // "pro-Russian rebels" are not Russian: the country word stands alone.
      if (g !== null && this.stanceBefore(g.items[0]!.start)) return -1;
      if (g !== null) {
        group = g.items;
        j = g.next;
        if (j < b && w.flags[j]! & POSS) {
          possessive = true;
          j++;
        }
        j = this.readModifiers(j, b, mods);
      }
    }
    const titles: TitleWord[] = [];
    let gap = 0;
    let k = j;
    let titleEnd = j;
    while (k < b) {
      const t = this.titleWordAt(k, b);
      if (t !== null) {
        titles.push(t);
        k = t.end;
        if (k + 1 < b && w.flags[k]! & DASH) {
          const m = ix.modifiers.longest(w, k + 1, b);
          if (m !== null && m.value === 'ELI') {
            mods.push('ELI');
            k += 1 + m.keys.length;
          }
        }
        titleEnd = k;
        k = this.readModifiers(k, b, mods);
        continue;
      }
      if (titles.length === 0 && group.length > 0 && gap < 3 && this.isGapWord(k, b)) {
        gap++;
        k++;
        if (k + 1 < b && w.flags[k]! & DASH && this.isGapWord(k + 1, b)) k++;
        continue;
      }
      break;
    }
    if (titles.length === 0) {
      return this.countryThenUnknown(i, det, group, possessive, mods, j, b);
    }
    j = titleEnd;
    let ofCountry = false;
    if (group.length === 0 && j + 1 < b && w.key[j] === 'of') {
      const cw = this.countryWordAt(j + 1, b);
      if (cw !== null && !(cw.end < b && w.flags[cw.end]! & POSS)) {
        group = [cw];
        j = cw.end;
        ofCountry = true;
      }
    }
    const first = titles[0]!;
    const last = titles[titles.length - 1]!;
    const roleText = this.surface(first.start, last.end);
    const sector =
      titles.find((t) => t.kind !== 'counterpart' && t.sector !== null)?.sector ?? null;
    const country = group[0] ?? null;
    const phraseStart = det >= 0 ? det : i;

    let name = ofCountry ? null : this.nameAt(j, b);
    if (name !== null) {
      // A title belongs to the country word next to it: in "Syria and Palestinian leader
      // Yasser Arafat" Syria is a mention of its own.
      const near = group[group.length - 1] ?? null;
      for (const cw of group.slice(0, -1)) this.tryKbName(cw.start, cw.end);
      const headOfTitle = ix.heads.longest(w, last.start, last.end);
      if (name.kind === 'unknown' && name.head === null && headOfTitle === null) {
        const known = this.titledSurname(name.start, name.end, titles, near?.root ?? null);
        if (known >= 0) name = { ...name, kind: 'kb', entry: known };
      }
      if (name.kind === 'unknown' && (name.head !== null || headOfTitle !== null)) {
        // An institution's name, not a person's: "the Iranian company Petropars", "General
        // Motors", "Baghdad University Medical School" (capitalised words belong to it).
        const type = name.head ?? headOfTitle!.value;
        const capitalTitle = (w.flags[first.start]! & CAP) !== 0;
        const nameWord =
          near !== null &&
          near.end === first.start &&
          (this.kbAt(near.start, b)?.cands.some((c) => c.kind !== 'demonym') ?? false);
        const s = capitalTitle ? (nameWord ? near.start : first.start) : name.start;
        const entity = this.emit(
          s,
          name.end,
          type,
          null,
          { country: near?.root ?? null, name: this.surface(s, name.end), kbId: null },
          { how: 'unknown', phraseStart },
        );
        return this.acronymAfter(entity, name.end, b);
      }
      const title: TitleInfo = {
        root: near?.root ?? null,
        fixed: near?.fixed ?? null,
        sector: sector ?? near?.sector ?? null,
        mods,
      };
      const office = titles.find((t) => t.info?.office === true)?.info?.roleIdx ?? -1;
      let entity: Entity;
      if (name.kind === 'unknown') {
        const code = this.titleCode(title);
        entity = this.emit(
          name.start,
          name.end,
          'PERSON',
          code,
          { country: title.root, name: this.surface(name.start, name.end), kbId: null },
          { how: 'title+name', role: roleText, phraseStart },
        );
        this.rememberPerson(entity, -1, office, name.start, name.end);
      } else if (name.kind === 'coref' && name.entry < 0) {
        const prev = name.record!.entity;
        entity = this.emit(
          name.start,
          name.end,
          'PERSON',
          prev.code,
          { country: prev.country, name: prev.name, kbId: prev.kbId },
          { how: 'title+name', role: roleText, phraseStart },
        );
        this.rememberPerson(
          entity,
          -1,
          office >= 0 ? office : name.record!.office,
          name.start,
          name.end,
        );
      } else {
        const idx = name.entry;
        const code = this.personCode(idx, title);
        const kbOffice = this.activeOffice(idx).office;
        entity = this.emit(
          name.start,
          name.end,
          'PERSON',
          code,
          {
            country: this.personRoot(this.entries[idx]!),
            name: this.entryName(idx),
            kbId: this.entries[idx]!.id,
          },
          { how: 'title+name', role: roleText, phraseStart },
        );
        this.rememberPerson(entity, idx, office >= 0 ? office : kbOffice, name.start, name.end);
      }
      if (first.info !== null) this.rememberRole(first.info.key, entity);
      return name.end;
    }

    if (titles.every((t) => t.kind === 'honorific')) return -1;

    if (first.kind === 'counterpart') {
      if (country === null || country.root === null) return -1;
      this.counterpart(phraseStart, j, country.root, first.plural);
      return j;
    }

    // "the Swiss Agency for Development and Cooperation": a capitalised role noun that goes on
    // as a proper name keeps its words.
    if ((w.flags[last.start]! & CAP) !== 0) j = this.properNameTail(j, b);

    if (group.length > 0) {
      const definite =
        (det >= 0 && w.key[det] === 'the') || (possessive && possessor === null) || ofCountry;
      const officeTitle = titles.find((t) => t.info?.office === true);
      if (
        officeTitle !== undefined &&
        officeTitle === first &&
        !first.plural &&
        definite &&
        group.length === 1 &&
        country !== null &&
        country.root !== null &&
        this.ix.stateRoots.has(country.root) &&
        !mods.includes('ELI') &&
        !mods.includes('NOTHOLDER')
      ) {
        const h = this.holder(officeTitle.info!.roleIdx!, country.root);
        if (h >= 0) {
          const entity = this.emit(
            phraseStart,
            j,
            'PERSON',
            this.personCode(h, { root: country.root, fixed: null, sector, mods }),
            { country: country.root, name: this.entryName(h), kbId: this.entries[h]!.id },
            { how: 'office', role: roleText },
          );
          this.rememberPerson(entity, h, officeTitle.info!.roleIdx!, phraseStart, phraseStart);
          this.rememberRole(officeTitle.info!.key, entity);
          return j;
        }
      }
      let entity: Entity | null = null;
      group.forEach((cw, n) => {
        const isLast = n === group.length - 1;
        const code =
          cw.fixed ??
          (cw.root === null
            ? null
            : `${cw.root}${mods.includes('ELI') ? 'ELI' : (sector ?? cw.sector ?? '')}`);
        const s = n === 0 ? phraseStart : cw.start;
        const e = isLast ? j : cw.end;
        const entry = cw.entry >= 0 ? this.entries[cw.entry]! : null;
        entity = this.emit(
          s,
          e,
          'AGENT',
          code,
          {
            country: cw.root !== null && this.ix.stateRoots.has(cw.root) ? cw.root : null,
            name: entry?.name ?? null,
            kbId: entry?.id ?? null,
          },
          { how: 'demonym+role', role: roleText },
        );
      });
      if (first.info !== null && entity !== null) this.rememberRole(first.info.key, entity);
      return j;
    }

    // A bare role noun: "the ministry said" takes up the last entity with that role, if it
    // is a state institution or office named in the last few sentences.
    if (det >= 0 && w.key[det] === 'the' && first.info !== null && mods.length === 0) {
      const memory = this.roleMemory.get(first.info.key);
      const prev =
        memory !== undefined &&
        this.w.sentence[i]! - memory.sentence <= COREF_SENTENCES &&
        (first.info.office || COREF_SECTORS.has(first.info.sector ?? ''))
          ? memory.entity
          : undefined;
      if (prev !== undefined) {
        const entity = this.emit(
          det,
          j,
          prev.type,
          prev.code,
          { country: prev.country, name: prev.name, kbId: prev.kbId },
          { how: 'coref', role: roleText },
        );
        if (prev.type === 'PERSON') {
          const rec = this.persons.find((p) => p.entity === prev);
          this.persons.push({
            entity,
            identity: rec?.identity ?? prev.kbId ?? prev.text,
            office: rec?.office ?? -1,
            entryIdx: rec?.entryIdx ?? -1,
          });
        }
        return j;
      }
    }
    return -1;
  }

  /**
   * A knowledge-base person named by title and surname only ("President Bush", "Prime
   * Minister Nakasone"): among the people with that surname, the one holding the title's
   * office on the date, else the one whose current code is in the title's country. -1 when
   * no single person fits.
   */
  private titledSurname(
    s: number,
    e: number,
    titles: readonly TitleWord[],
    root: string | null,
  ): number {
    const { w } = this;
    for (let k = s + 1; k < e; k++) if (w.start[k] !== w.end[k - 1]) return -1;
    const candidates = this.ix.surnames.get(this.glued(s, e));
    if (candidates === undefined) return -1;
    const offices = new Set<number>();
    for (const t of titles)
      if (t.info?.office === true && t.info.roleIdx !== null) offices.add(t.info.roleIdx);
    for (const p of candidates) {
      const active = this.activeOffice(p);
      if (active.office >= 0 && offices.has(active.office)) {
        const code = this.personCodeOn(p);
        if (root === null || code?.slice(0, 3) === root) return p;
      }
    }
    if (root === null) return -1;
    const inCountry = candidates.filter((p) => {
      const code = this.personCodeOn(p);
      return code !== null && !code.endsWith('ELI') && code.slice(0, 3) === root;
    });
    return inCountry.length === 1 ? inCountry[0]! : -1;
  }

  /**
   * "the Revolutionary United Front (RUF)": an acronym in brackets right after an unknown
   * name is that name again, so it is not looked up elsewhere. Returns the word after it.
   */
  private acronymAfter(entity: Entity, end: number, b: number): number {
    const { w } = this;
    if (end + 2 >= b || w.key[end] !== '(' || w.key[end + 2] !== ')') return end;
    if ((w.flags[end + 1]! & UPPER) === 0) return end;
    if (entity.code === null) this.unknownTypes.set(w.key[end + 1]!, entity.type);
    this.emit(
      end + 1,
      end + 2,
      entity.type,
      entity.code,
      { country: entity.country, name: entity.name, kbId: entity.kbId },
      entity.how === undefined ? {} : { how: entity.how as ResolutionRule },
    );
    return end + 3;
  }

  /** After a capitalised head, "for Development and Cooperation": connector + capitalised words. */
  private properNameTail(j: number, b: number): number {
    const { w, ix } = this;
    let e = j;
    while (e + 1 < b && (ix.connectors.has(w.key[e]!) || (e > j && ix.joiners.has(w.key[e]!)))) {
      let k = e + 1;
      while (
        k < b &&
        w.flags[k]! & CAP &&
        w.flags[k]! & WORD &&
        !ix.notNames.has(w.key[k]!) &&
        this.kbAt(k, b) === null
      )
        k++;
      if (k === e + 1) break;
      e = k;
    }
    return e;
  }

  /**
   * Does the unknown name u continue the knowledge-base name ending at word `end`? After an
   * abbreviation ("U.S.") news wires capitalise the next word whatever it is ("the U.S. Trade
   * deficit"), so there the run must end in a head or be followed by a verb ("U.S. Steel said").
   */
  private continuesName(end: number, u: UnknownName, b: number): boolean {
    const { w } = this;
    if (this.text.charCodeAt(w.end[end - 1]! - 1) !== 46) return true;
    if (u.head !== null) return true;
    return u.end < b && (w.pos[u.end] === 'VERB' || w.pos[u.end] === 'AUX');
  }

  /**
   * Could this country word be a given name ("Chad Miller said")? One capitalised word, not an
   * acronym, no period ("U.S. Steel said" is a company).
   */
  private givenNameLike(cw: CountryWord): boolean {
    const { w } = this;
    return (
      cw.end - cw.start === 1 &&
      (w.flags[cw.start]! & UPPER) === 0 &&
      this.text.charCodeAt(w.end[cw.start]! - 1) !== 46
    );
  }

  /** "pro-Russian", "anti-American": a stance prefix and a hyphen right before word j. */
  private stanceBefore(j: number): boolean {
    const { w } = this;
    return (
      j - 2 >= this.sentenceFirst &&
      (w.flags[j - 1]! & DASH) !== 0 &&
      w.start[j] === w.end[j - 1] &&
      this.ix.stances.has(w.key[j - 2]!)
    );
  }

  /** The code a title gives an unknown person: country + sector, ELI, or an organisation's. */
  private titleCode(title: TitleInfo): string | null {
    if (title.fixed !== null) return title.fixed;
    if (title.root === null) return null;
    if (title.mods.includes('ELI')) return `${title.root}ELI`;
    return `${title.root}${title.sector ?? ''}`;
  }

  /** "Iranian Red Crescent", "Russia's Gazprom": an unknown name with its country. */
  private countryThenUnknown(
    i: number,
    det: number,
    group: readonly CountryWord[],
    possessive: boolean,
    mods: readonly ModifierEffect[],
    j: number,
    b: number,
  ): number {
    if (group.length !== 1 || mods.length > 0) return -1;
    const cw = group[0]!;
    const entry = cw.entry >= 0 ? this.entries[cw.entry]! : null;
    if (entry === null || !(isState(entry) || entry.type === 'REGION')) return -1;
    const u = this.unknownAt(j, b, false);
    if (u === null || (!possessive && !this.continuesName(cw.end, u, b))) return -1;
    if (this.surnames.has(this.glued(u.start, u.end))) return -1;
    const country = cw.root !== null && this.ix.stateRoots.has(cw.root) ? cw.root : null;
    // A name that starts with a country or capital name ("Moscow Metro", "China Daily") is an
    // institution's unless it speaks; after a demonym ("Iranian Mohammadi") it is anyone's.
    const named = this.kbAt(cw.start, b)?.cands.some((c) => c.kind !== 'demonym') === true;
    const speaks = this.speechAfter(u.end, b) && (!named || possessive || this.givenNameLike(cw));
    let type = u.head ?? (speaks ? 'PERSON' : named && !possessive ? 'ORG' : 'UNKNOWN');
    if (type === 'UNKNOWN' && u.end - u.start === 1 && this.w.flags[u.start]! & UPPER) type = 'ORG';
    if (possessive) {
      // "Russia's Gazprom": the country is a mention of its own.
      this.tryKbName(cw.start, b);
      const e = this.emit(
        u.start,
        u.end,
        type,
        null,
        { country, name: this.surface(u.start, u.end), kbId: null },
        { how: 'unknown' },
      );
      if (type === 'PERSON') this.rememberPerson(e, -1, -1, u.start, u.end);
      return u.end;
    }
    const s = det >= 0 ? i + 1 : i;
    const e = this.emit(
      s,
      u.end,
      type,
      null,
      { country, name: this.surface(s, u.end), kbId: null },
      { how: 'unknown' },
    );
    if (type === 'PERSON') this.rememberPerson(e, -1, -1, u.start, u.end);
    return u.end;
  }

  private speechAfter(k: number, b: number): boolean {
    return k < b && this.ix.speech.has(this.w.key[k]!);
  }

  /** "his Russian counterpart": the holder of the office of the person last mentioned. */
  private counterpart(s: number, e: number, root: string, plural: boolean): void {
    let office = -1;
    for (let k = this.persons.length - 1; k >= 0; k--) {
      const p = this.persons[k]!;
      if (p.entity.country === root) continue;
      office = p.office;
      break;
    }
    if (!plural && office >= 0) {
      for (const role of this.ix.officeGroups.get(office) ?? [office]) {
        const h = this.holder(role, root);
        if (h < 0) continue;
        const entity = this.emit(
          s,
          e,
          'PERSON',
          this.personCode(h, { root, fixed: null, sector: 'GOV', mods: [] }),
          { country: root, name: this.entryName(h), kbId: this.entries[h]!.id },
          { how: 'counterpart', role: this.entries[role]!.name },
        );
        this.rememberPerson(entity, h, role, s, s);
        return;
      }
    }
    const states = this.ix.statesByRoot.get(root);
    const entry = states === undefined ? null : this.entries[states[0]!]!;
    this.emit(
      s,
      e,
      plural ? 'AGENT' : 'PERSON',
      `${root}GOV`,
      { country: root, name: entry?.name ?? null, kbId: entry?.id ?? null },
      { how: 'counterpart' },
    );
  }

  /** A knowledge-base name on its own (with its metonymy, merges and ambiguity). */
  private tryKbName(i: number, b: number): number {
    const m = this.kbAt(i, b);
    if (m === null) return -1;
    const c = this.pick(m);
    if (c.kind === 'term') return -1;
    const entry = this.entries[c.entry]!;
    const { w } = this;

    const other = this.ambiguousReading(i, m);
    if (other !== null) {
      // "Chad Miller, the quarterback": a person reading takes the surname after it.
      let end = m.end;
      if (other === 'PERSON') {
        const u = this.unknownAt(end, b, false);
        if (u !== null) end = u.end;
      }
      const e = this.emit(
        i,
        end,
        other,
        null,
        { name: this.surface(i, end), kbId: null },
        { how: 'ambiguous' },
      );
      if (other === 'PERSON') this.rememberPerson(e, -1, -1, i, end);
      return end;
    }

    // A place or country name that begins a longer unknown name: "Moscow Metro", "Iran Air".
    const placeLike =
      isState(entry) ||
      entry.type === 'REGION' ||
      (entry.type === 'ALIAS' && entry.code!.length === 3);
    if (placeLike && m.end < b) {
      const f = w.flags[m.end]!;
      if (f & WORD && f & CAP && !this.isFunctionWord(m.end) && this.kbAt(m.end, b) === null) {
        const u = this.unknownAt(m.end, b, false);
        if (u !== null && this.continuesName(m.end, u, b)) {
          const country = isState(entry)
            ? (this.stateCode(c.entry)?.slice(0, 3) ?? null)
            : entry.country;
          const givenName =
            u.end - i === 2 &&
            c.kind === 'name' &&
            this.givenNameLike({ start: i, end: m.end, entry: c.entry, root: null, fixed: null });
          const type = u.head ?? (this.speechAfter(u.end, b) && givenName ? 'PERSON' : 'ORG');
          const e = this.emit(
            i,
            u.end,
            type,
            null,
            { country, name: this.surface(i, u.end), kbId: null },
            { how: 'unknown' },
          );
          if (type === 'PERSON') this.rememberPerson(e, -1, -1, i, u.end);
          return u.end;
        }
      }
    }

    if (entry.type === 'PERSON') return this.kbPerson(i, m, c, b);

    if (isState(entry)) {
      if (c.kind === 'seat') {
        const code = this.stateCode(c.entry);
        const based =
          m.end < b &&
          (w.key[m.end] === 'based' || (w.flags[m.end]! & DASH && w.key[m.end + 1] === 'based'));
        if (this.isLocative(i, m.end) || based) {
          this.emit(
            i,
            m.end,
            'CITY',
            code,
            { country: code?.slice(0, 3) ?? null, name: this.surface(i, m.end), kbId: entry.id },
            { how: 'location' },
          );
        } else {
          this.emit(
            i,
            m.end,
            'ORG',
            code === null ? null : `${code.slice(0, 3)}GOV`,
            { name: entry.name, kbId: entry.id },
            { how: 'metonymy', role: 'government' },
          );
        }
      } else {
        const code = this.stateCode(c.entry);
        this.emit(
          i,
          m.end,
          entry.type === 'TERRITORY' ? 'TERRITORY' : 'COUNTRY',
          code,
          { name: entry.name, kbId: entry.id },
          { how: nameRule(c.kind) },
        );
      }
    } else if (entry.type === 'REGION') {
      this.emit(
        i,
        m.end,
        'REGION',
        entry.code,
        { name: entry.name, kbId: entry.id },
        { how: nameRule(c.kind) },
      );
    } else if (entry.type === 'ALIAS') {
      this.emit(
        i,
        m.end,
        entry.code!.length === 3 ? 'COUNTRY' : 'ORG',
        entry.code,
        { name: entry.name, kbId: entry.id },
        { how: 'alias' },
      );
    } else {
      this.emit(
        i,
        m.end,
        entry.type,
        this.ctx.kb.codeOn(entry, this.day),
        { country: entry.country, name: entry.name, kbId: entry.id },
        { how: nameRule(c.kind) },
      );
    }
    return m.end;
  }

  /** A KB person on their own, or a surname that an earlier full mention claims. */
  private kbPerson(i: number, m: KbMatch, c: NameCandidate, b: number): number {
    const { w } = this;
    const single = m.end - i === 1;
    const record = single ? (this.surnames.get(this.glued(i, m.end)) ?? null) : null;
    let entity: Entity;
    if (record !== null && record.entryIdx !== c.entry) {
      entity = this.emitSurname(i, m.end, record);
    } else {
      const entry = this.entries[c.entry]!;
      const active = this.activeOffice(c.entry);
      const how: ResolutionRule = c.kind === 'name' ? 'name' : single ? 'surname' : 'alias';
      entity = this.emit(
        i,
        m.end,
        'PERSON',
        this.personCode(c.entry, null),
        { country: this.personRoot(entry), name: entry.name, kbId: entry.id },
        { how, ...(active.title === null ? {} : { role: active.title }) },
      );
      this.rememberPerson(entity, c.entry, active.office, i, m.end);
    }
    // "Putin's spokesman Dmitry Peskov", "Putin's government".
    if (m.end + 1 < b && w.flags[m.end]! & POSS && entity.country !== null) {
      const possessor: CountryWord = {
        start: i,
        end: m.end,
        entry: -1,
        root: entity.country,
        fixed: null,
      };
      const r = this.tryDescription(m.end + 1, b, possessor);
      if (r > 0) return r;
    }
    return m.end;
  }

  /**
   * A surname of someone named earlier in the document at j: one capitalised word, or words
   * glued by hyphens ("Amir-Abdollahian"), even when the word is also a month ("May").
   */
  private surnameAt(
    j: number,
    b: number,
    afterTitle = false,
  ): { end: number; record: PersonRecord } | null {
    const { w } = this;
    if (this.surnames.size === 0 || (w.flags[j]! & CAP) === 0) return null;
    let e = j + 1;
    while (
      e + 1 < b &&
      w.flags[e]! & DASH &&
      w.start[e] === w.end[e - 1] &&
      w.start[e + 1] === w.end[e]
    )
      e += 2;
    if (e < b && w.flags[e]! & CAP && w.flags[e]! & WORD) return null;
    const record = this.surnames.get(this.glued(j, e));
    if (record === undefined || (!afterTitle && !this.surnameContext(j, e, b))) return null;
    return { end: e, record };
  }

  /** An unknown capitalised name, or a lone surname of someone named earlier. */
  /** A surname standing for a person already mentioned in full: same code, name and role. */
  private emitSurname(start: number, end: number, record: PersonRecord): Entity {
    const prev = record.entity;
    const entity = this.emit(
      start,
      end,
      'PERSON',
      prev.code,
      { country: prev.country, name: prev.name, kbId: prev.kbId },
      { how: 'surname', ...(prev.role === undefined ? {} : { role: prev.role }) },
    );
    this.persons.push({
      entity,
      identity: record.identity,
      office: record.office,
      entryIdx: record.entryIdx,
    });
    return entity;
  }

  private tryUnknown(i: number, b: number): number {
    const { w } = this;
    const early = this.surnameAt(i, b);
    if (early !== null && this.kbAt(i, b) === null) {
      this.emitSurname(i, early.end, early.record);
      return early.end;
    }
    const u = this.unknownAt(i, b, false);
    if (u === null) return -1;
    const key = this.glued(u.start, u.end);
    const record = this.surnames.get(key);
    if (record !== undefined && this.surnameContext(u.start, u.end, b)) {
      this.emitSurname(u.start, u.end, record);
      return u.end;
    }
    const single = u.end - u.start === 1;
    const upper = (w.flags[u.start]! & UPPER) !== 0;
    const speech = this.speechAfter(u.end, b);
    if (single && this.ix.months.has(key)) return u.end;
    if (this.isSentenceInitial(i) && single && u.head === null && !speech && !upper) return u.end;
    const speechBefore = i - 1 >= this.sentenceFirst && this.ix.speech.has(w.key[i - 1]!);
    let type: string;
    if (u.head !== null) type = u.head;
    else if (this.unknownTypes.has(key)) type = this.unknownTypes.get(key)!;
    else if (speech) type = single && upper ? 'ORG' : 'PERSON';
    else if (speechBefore && !single) type = 'PERSON';
    else if (i - 1 >= this.sentenceFirst && this.ix.places.has(w.key[i - 1]!)) type = 'LOCATION';
    else type = 'UNKNOWN';
    if (u.head === 'ORG' && u.end - u.start > 1) this.rememberUnknownOrg(u.start, u.end);
    const unknown = this.emit(
      u.start,
      u.end,
      type,
      null,
      { name: this.surface(u.start, u.end), kbId: null },
      { how: 'unknown' },
    );
    if (type === 'PERSON') this.rememberPerson(unknown, -1, -1, u.start, u.end);
    return this.acronymAfter(unknown, u.end, b);
  }

  /**
   * A lone surname that is also a month ("May") is the person only where a month cannot be:
   * before a verb or a possessive, not after a preposition or next to a number.
   */
  private surnameContext(s: number, e: number, b: number): boolean {
    const { w } = this;
    if (e - s !== 1 || !this.ix.months.has(w.key[s]!)) return true;
    const prev = s - 1 >= this.sentenceFirst ? s - 1 : -1;
    if (
      prev >= 0 &&
      (w.pos[prev] === 'ADP' || w.flags[prev]! & NUM || this.ix.locatives.has(w.key[prev]!))
    )
      return false;
    if (e >= b) return false;
    if (w.flags[e]! & NUM) return false;
    return (
      (w.flags[e]! & POSS) !== 0 ||
      this.ix.speech.has(w.key[e]!) ||
      w.pos[e] === 'VERB' ||
      w.pos[e] === 'AUX'
    );
  }
}
