import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';
import { detectLanguage } from './language.js';

function lang(text: string): string {
  return detectLanguage(text, cleanText(text, 0));
}

describe('detectLanguage', () => {
  it('detects French and German news paragraphs', () => {
    expect(
      lang(
        'Le conseil municipal a voté jeudi soir un budget en hausse pour la rénovation du port, ' +
          'malgré les critiques de l’opposition qui juge les dépenses trop élevées.',
      ),
    ).toBe('fra');
    expect(
      lang(
        'Der Stadtrat hat am Donnerstagabend einen höheren Haushalt für die Sanierung des Hafens ' +
          'beschlossen, obwohl die Opposition die Ausgaben für zu hoch hält.',
      ),
    ).toBe('deu');
  });

  it('detects Spanish and Russian', () => {
    expect(
      lang('El ayuntamiento aprobó el jueves un presupuesto mayor para la renovación del puerto.'),
    ).toBe('spa');
    expect(lang('Городской совет в четверг утвердил увеличенный бюджет на ремонт порта.')).toBe(
      'rus',
    );
  });

  it('detects English prose, and claims no language for a number table', () => {
    expect(lang('The council approved a larger budget for the harbour on Thursday evening.')).toBe(
      'eng',
    );
    expect(lang('Shr 12 cts vs 9 cts\n    Net 4.1 mln vs 3.2 mln\n    Revs 40 mln vs 35 mln')).toBe(
      'und',
    );
    expect(
      lang('Mthly div 5.8 cts vs six cts last month\n    Payable July 14\n    Record July 1'),
    ).toBe('und');
  });

  it('samples paragraphs only and answers und when there is too little text', () => {
    expect(lang('Yes.')).toBe('und');
    expect(lang('')).toBe('und');
    const text = 'Advertisement\n\nLe Port\n\nLe conseil a voté le budget du port jeudi soir.';
    expect(lang(text)).toBe('fra');
  });
});
