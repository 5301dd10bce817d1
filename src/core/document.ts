/**
 * The output contract (see README "Output contract"). One `DocumentRecord` per input
 * record. Every `start`/`end` pair is a `[start, end)` offset into `text`, the original
 * text exactly as read: `text.slice(start, end)` gives the evidence back.
 */

/** Where a raw document came from, precise enough to find it again. */
export interface Provenance {
  /** File path as given on the command line (or `-` for stdin, or a URL). */
  readonly file: string;
  /** 1-based line number for line-oriented formats (JSON Lines). */
  readonly line?: number;
  /** 0-based record index inside a container (JSON array item, feed item, WARC record). */
  readonly record?: number;
  /** Member path inside a container, e.g. the WARC target URI or a `.gz` inner name. */
  readonly member?: string;
}

/** What a `Source` yields: one article before cleaning. */
export interface RawDocument {
  readonly kind: 'raw';
  /** The record's own id where it has one; otherwise null and the pipeline derives a stable hash. */
  readonly id: string | null;
  /** Publication date, YYYY-MM-DD, already validated; null when unknown. */
  readonly date: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly byline?: string | null;
  /** The original article text; every offset downstream indexes it. */
  readonly text: string;
  /**
   * Offset in `text` where the article body starts (after a `date YYYY-MM-DD` header, say).
   * Everything before it is metadata, never a sentence.
   */
  readonly bodyStart: number;
  readonly provenance: Provenance;
  /** Non-fatal notes about the record (e.g. "no date found"). */
  readonly warnings: readonly string[];
}

/** A bad input that could not become a document. The run goes on. */
export interface Failure {
  readonly kind: 'failure';
  readonly provenance: Provenance;
  /** One line, human readable, no stack trace. */
  readonly reason: string;
}

export type SourceItem = RawDocument | Failure;

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Sentence extends Span {
  readonly index: number;
  readonly text: string;
  /** Section headings are kept for display but never coded. */
  readonly heading: boolean;
}

export type TokenPos = string;

/** Token arrays are parallel and compact, wink-nlp style: token i is `[starts[i], ends[i])`. */
export interface TokenTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly pos: readonly TokenPos[];
  /** Lower-cased normal form (wink `normal`). */
  readonly normal: readonly string[];
  /**
   * wink lemma (`its.lemma`), lower case: `held` → `hold`, `talks` → `talk`. Documents that
   * are not coded carry their normal forms here instead.
   */
  readonly lemma: readonly string[];
  /** Index of the sentence each token belongs to. */
  readonly sentence: Int32Array;
}

export type ExpressionType =
  'CARDINAL' | 'ORDINAL' | 'MONEY' | 'PERCENT' | 'DATE' | 'TIME' | 'DURATION';

/** A number, money, percent or date expression found by the NLP base. */
export interface Expression extends Span {
  readonly type: ExpressionType | string;
  readonly text: string;
  readonly sentence: number;
  /**
   * The number, scale applied: "$4 billion" → 4e9, "77%" → 77, "four million" → 4e6,
   * "50 cents" → 0.5. For a range ("10 to 12") the low end. Absent for dates and times.
   */
  readonly value?: number;
  /** The high end of a range ("10-12 million" → 12e6). */
  readonly valueHigh?: number;
  /**
   * MONEY: ISO 4217 code (absent when the currency word is ambiguous); PERCENT: `percent`,
   * `percentage points` or `basis points`; DURATION: the unit of time (`year`, `month`...).
   */
  readonly unit?: string;
}

export interface ActorRef {
  readonly code: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Index into `entities`, or null. */
  readonly entity: number | null;
}

export interface Entity extends Span {
  readonly text: string;
  readonly type: string;
  readonly code: string | null;
  readonly country: string | null;
  readonly sector: string | null;
  readonly name: string | null;
  readonly kbId: string | null;
  /** The title or role noun that qualified the mention ("President", "troops"), or the office held. */
  readonly role?: string;
  /**
   * The resolver rule that gave the code: `name`, `alias`, `demonym`, `surname`,
   * `title+name`, `demonym+role`, `metonymy`, `location`, `office`, `counterpart`, `pair`,
   * `coref`, `ambiguous`, `unknown` (see src/actors/document-resolver.ts).
   */
  readonly how?: string;
  /** For "both leaders", "the two nations": the codes of the two actors referred to; `code` is the first. */
  readonly members?: readonly string[];
  /** The whole actor phrase when wider than `[start, end)` ("Iranian President Ebrahim Raisi"). */
  readonly phrase?: Span;
}

export interface EventRecord {
  readonly source: ActorRef | null;
  readonly target: ActorRef | null;
  readonly cameo: string;
  readonly root: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly plover: {
    readonly type: string;
    readonly mode: string | null;
    readonly context: string | null;
  } | null;
  readonly date: string | null;
  readonly location: {
    readonly name: string;
    readonly country: string | null;
    readonly lat: number | null;
    readonly lon: number | null;
  } | null;
  readonly sentence: number;
  readonly evidence: Span;
  readonly modality: 'asserted' | 'intended' | 'negated' | 'hypothetical';
  readonly confidence: number;
  readonly rule: string;
  /** False when no time word of the sentence gave the date (then `date` is the document's). */
  readonly dateResolved?: boolean;
  /** The time words the date was resolved from ("on Tuesday"). */
  readonly dateText?: string;
  /** People killed, from an amount in the event's sentence ("12 people were killed"). */
  readonly dead?: number;
  /** People injured or wounded, from an amount in the event's sentence. */
  readonly injured?: number;
  /** PLOVER size: protesters in a crowd, people arrested, detained or displaced. */
  readonly size?: number;
}

export interface Quantity extends Span {
  readonly text: string;
  readonly value: number;
  readonly unit: string | null;
  readonly about: string | null;
  readonly date?: string | null;
  readonly year?: number | null;
  /** The high end of a range ("10 to 12 million" → value 10e6, valueHigh 12e6). */
  readonly valueHigh?: number;
  /** Hedged by "about", "nearly", "some", "roughly", "an estimated" .... */
  readonly approximate?: boolean;
  /** The value is a lower (`min`: "at least", "more than", "over") or upper (`max`: "up to", "nearly", "less than") bound. */
  readonly bound?: 'min' | 'max' | null;
  /** Index of the sentence the amount is in. */
  readonly sentence?: number;
  /** CAMEO codes of the actors the sentence ties to the amount ("trade between Iran and Russia" → IRN, RUS). */
  readonly actors?: readonly string[];
  /** For people counts: the event field the count fills (`dead`, `injured`, `size`). */
  readonly eventField?: 'dead' | 'injured' | 'size';
}

export interface Theme {
  readonly theme: string;
  readonly spans: readonly Span[];
  /** Indexes of the (non-heading) sentences the theme was found in, ascending. */
  readonly sentences?: readonly number[];
}

export interface Tone {
  readonly score: number;
  readonly positive: number;
  readonly negative: number;
  readonly polarity: number;
  /** % of words that are verbs (GDELT's activity reference density, as entente defines it). */
  readonly activityDensity?: number;
  /** % of words that are first-person pronouns (I, we, us, our ...). */
  readonly selfReferenceDensity?: number;
  /** Words counted: tokens with a letter in them, clitics ("'s") excepted. */
  readonly wordCount?: number;
}

/** Who a quotation is attributed to. */
export interface QuotationSpeaker extends Span {
  /** The subject phrase as written ("Russian Foreign Minister Sergei Lavrov", "he", "the minister"). */
  readonly text: string;
  /** CAMEO actor code of the speaker on the document date, or null when unresolved. */
  readonly code: string | null;
  /** Index into `entities`, or null. */
  readonly entity: number | null;
  /**
   * `entity`: an entity inside the subject phrase; `pronoun`: "he"/"she" taken as the most
   * recent PERSON before it ("it" as the most recent organisation or state); `phrase`: a
   * subject with no resolved entity ("a spokesman"); `continuation`: an unattributed quote
   * right after an attributed one, given the same speaker (the span is that speaker's).
   */
  readonly how: 'entity' | 'pronoun' | 'phrase' | 'continuation';
}

/** Direct speech: the words inside quotation marks, who said them, and the verb. */
export interface Quotation extends Span {
  /** The quoted words, without the quotation marks (and without a trailing comma). */
  readonly text: string;
  /** Index of the sentence the quote starts in. */
  readonly sentence: number;
  readonly speaker: QuotationSpeaker | null;
  /** The speech verb or phrase that introduces the quote; `lemma` "say", "according to". */
  readonly verb: {
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly lemma: string;
  } | null;
}

/**
 * A place mention geocoded (src/gkg/places.ts): a country, a first-level region or a city,
 * with the reading chosen for an ambiguous name and why (`how`).
 */
export interface Place extends Span {
  /** The mention as written: `text.slice(start, end)`. */
  readonly text: string;
  readonly sentence: number;
  /** Canonical name: the knowledge base's for a country, the gazetteer's (GeoNames) for a city. */
  readonly name: string;
  readonly kind: 'country' | 'region' | 'city';
  /** CAMEO country code of the knowledge base (ISO 3166 alpha-3 except KSV, TMP ...), or null. */
  readonly country: string | null;
  /** First-level region name (Texas, Ontario), or `ISO2.admin` when entente has no name for it; null for a country. */
  readonly region: string | null;
  /** A city's own coordinates; for a country or region the mean of its towns in the gazetteer. */
  readonly lat: number | null;
  readonly lon: number | null;
  /** `geonames:<id>` for a city, the kb id for a country (`entente:state:iran`), `US.TX` (GeoNames admin1 key) for a region. */
  readonly gazetteerId: string | null;
  /** Why this reading: "apposition: Texas", "capital of IRN", "largest population", "context: document focus USA" ... */
  readonly how: string;
}

/** The full per-document result: what `extract` prints and the store holds. */
export interface DocumentRecord {
  readonly id: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly title: string | null;
  /** ISO 639-3 code from franc, or `und` when too short to tell. */
  readonly language: string;
  /** True when the document is stored but not coded (non-English, duplicate, empty body). */
  readonly coded: boolean;
  readonly duplicateOf: string | null;
  /** Exact (`exact`) or near (`near`) duplicate, null otherwise. */
  readonly duplicateKind: 'exact' | 'near' | null;
  /** Hash of the normalised text, used for exact dedup. */
  readonly textHash: string;
  readonly text: string;
  readonly provenance: Provenance;
  readonly warnings: readonly string[];
  readonly sentences: readonly Sentence[];
  readonly expressions: readonly Expression[];
  readonly entities: readonly Entity[];
  readonly events: readonly EventRecord[];
  readonly quantities: readonly Quantity[];
  readonly themes: readonly Theme[];
  readonly tone: Tone | null;
  /** Direct quotations with speaker and verb (knowledge layer; absent when not run). */
  readonly quotations?: readonly Quotation[];
  /** Place mentions geocoded (knowledge layer; absent when not run). */
  readonly places?: readonly Place[];
  /** CAMEO country codes the document is about, most mentioned first (knowledge layer). */
  readonly focusCountries?: readonly string[];
}
