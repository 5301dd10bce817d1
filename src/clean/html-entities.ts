/**
 * A decoded copy of a piece of text plus, for each UTF-16 unit of the copy, the offset in the
 * original it came from. `map` has one extra slot: `map[decoded.length]` is the original end,
 * so a decoded span `[s, e)` is the original span `[map[s], map[e])`.
 *
 * @example
 * const d = decodeEntities('AT&amp;T', 10);
 * d?.text;                        // 'AT&T'
 * [d?.map[0], d?.map[4]];         // [10, 18]
 */
export interface DecodedText {
  readonly text: string;
  readonly map: Int32Array;
}

/**
 * Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;`...) in
 * `piece`, which starts at `offset` in the original. Returns null when nothing was decoded,
 * so callers keep the identity mapping and pay nothing. Unknown names are left as written.
 */
export function decodeEntities(piece: string, offset: number): DecodedText | null {
  if (piece.indexOf('&') < 0) return null;
  let out = '';
  const map: number[] = [];
  let last = 0;
  let changed = false;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(piece); m !== null; m = REFERENCE.exec(piece)) {
    const replacement = resolve(m[1] ?? '');
    if (replacement === null) continue;
    changed = true;
    for (let i = last; i < m.index; i++) map.push(offset + i);
    out += piece.slice(last, m.index);
    // Every unit of the replacement points at the reference's start, so a token made of it
    // maps back over the whole reference.
    for (let i = 0; i < replacement.length; i++) map.push(offset + m.index);
    out += replacement;
    last = m.index + m[0].length;
  }
  if (!changed) return null;
  for (let i = last; i < piece.length; i++) map.push(offset + i);
  out += piece.slice(last);
  map.push(offset + piece.length);
  return { text: out, map: Int32Array.from(map) };
}

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function resolve(name: string): string | null {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    // Windows-1252 numbers in the C1 range are what publishers meant by &#146; and friends.
    const fixed = WINDOWS_1252[code] ?? code;
    if (fixed === 0 || fixed > 0x10ffff || (fixed >= 0xd800 && fixed <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(fixed);
  }
  return NAMED[name] ?? null;
}

// &nbsp; decodes to a plain space: the NLP view wants a separator, not a glued word.
// prettier-ignore
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ',
  thinsp: ' ', shy: '\u00AD', zwj: '\u200D', zwnj: '\u200C', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', prime: '′',
  Prime: '″', copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×',
  divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ',
  para: '¶', sect: '§', euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤',
  percnt: '%', dollar: '$', num: '#', commat: '@', excl: '!', quest: '?', iexcl: '¡',
  iquest: '¿', dagger: '†', Dagger: '‡', permil: '‰', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', minus: '−', le: '≤', ge: '≥', ne: '≠', asymp: '≈',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ',
  Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í',
  Icirc: 'Î', Iuml: 'Ï', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ',
  Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý',
  szlig: 'ß', agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å',
  aelig: 'æ', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì',
  iacute: 'í', icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô',
  otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü',
  yacute: 'ý', yuml: 'ÿ', OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Zcaron: 'Ž',
  zcaron: 'ž', Yuml: 'Ÿ', eth: 'ð', thorn: 'þ', ETH: 'Ð', THORN: 'Þ',
};

// prettier-ignore
const WINDOWS_1252: Readonly<Record<number, number>> = {
  128: 0x20ac, 130: 0x201a, 131: 0x0192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021,
  136: 0x02c6, 137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017d, 145: 0x2018,
  146: 0x2019, 147: 0x201c, 148: 0x201d, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x02dc,
  153: 0x2122, 154: 0x0161, 155: 0x203a, 156: 0x0153, 158: 0x017e, 159: 0x0178,
};
