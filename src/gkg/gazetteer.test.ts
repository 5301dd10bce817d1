import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileGazetteer,
  foldName,
  GAZETTEER_FORMAT,
  loadGazetteer,
  writeGazetteer,
  type PackageCity,
} from './gazetteer.js';

const city = (
  cityId: number,
  name: string,
  country: string,
  population: number,
  featureCode = 'PPL',
): PackageCity => ({
  cityId,
  name,
  country,
  featureCode,
  adminCode: '01',
  population,
  loc: { coordinates: [10, 20] },
});

describe('gazetteer', () => {
  it('folds accents, case and spacing into one key', () => {
    expect(foldName('Córdoba')).toBe('cordoba');
    expect(foldName('São  Paulo')).toBe('sao paulo');
    expect(foldName('Côte d’Ivoire')).toBe("cote d'ivoire");
  });

  it('keeps towns above the threshold and every capital, largest first', () => {
    const g = compileGazetteer(
      [
        city(1, 'Smallville', 'US', 1200),
        city(2, 'Tinycap', 'XX', 900, 'PPLC'),
        city(3, 'Bigton', 'US', 90000),
        city(4, 'Midburg', 'US', 6000),
      ],
      'test',
      5000,
    );
    expect(g.name).toEqual(['Bigton', 'Midburg', 'Tinycap']);
    expect(g.lat[0]).toBe(20);
    expect(g.lon[0]).toBe(10);
    expect(g.key).toEqual(['bigton', 'midburg', 'tinycap']);
  });

  it('reads a current compiled file and ignores a stale one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-gazetteer-'));
    const file = path.join(dir, 'gazetteer.compiled.json');
    await writeGazetteer(file);
    const fresh = loadGazetteer({ path: file });
    expect(fresh.origin).toBe('compiled');
    const tehran = fresh.byName('tehran').map((r) => fresh.data.country[r]);
    expect(tehran[0]).toBe('IR');
    writeFileSync(file, JSON.stringify({ format: GAZETTEER_FORMAT - 1 }));
    const rebuilt = loadGazetteer({ path: file });
    expect(rebuilt.origin).toBe('package');
    expect(rebuilt.data.name.length).toBe(fresh.data.name.length);
  });
});
