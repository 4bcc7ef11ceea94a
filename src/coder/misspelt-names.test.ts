import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../dictionaries/load.js';
import { misspeltName, misspeltSurname } from './misspelt-names.js';

const dict = loadDictionaries().actors;
const code = (w: string) => {
  const m = misspeltName(dict, w);
  return m ? m.hits.map((h) => ('code' in h ? h.code : '')).join(',') : null;
};

describe('misspelt country names', () => {
  it('reads a word one letter off one country name as that country', () => {
    expect(code('Ethopia')).toBe('ETH'); // a letter left out
    expect(code('Phillippines')).toBe('PHL'); // a letter doubled
    expect(code('Afganistan')).toBe('AFG');
    expect(code('Quatar')).toBe('QAT'); // a letter added
    expect(code('Ehtiopia')).toBe('ETH'); // two letters swapped
    expect(code('Chenchen')).toBe('RUS'); // an ethnic group's name: Chechen
  });
  it('leaves short words, edits at a word\'s ends and unknown words alone', () => {
    expect(code('Indiana')).toBeNull(); // `Indian` plus a final letter: a US state, not India
    expect(code('Cubans')).toBeNull();
    expect(code('Irak')).toBeNull(); // too short to correct safely
    expect(code('Ethiopia')).toBeNull(); // spelt right: the dictionary finds it, not this
    expect(code('Washington')).toBeNull();
    expect(code('Gxndor')).toBeNull(); // a letter replaced: perhaps a different name altogether
    expect(code('Columbia')).toBeNull();
  });
  it('reads a long surname one slip off one listed person\'s as that person', () => {
    expect(misspeltSurname(dict, 'Bouteflicka')?.person.name).toBe('Abdelaziz Bouteflika');
    expect(misspeltSurname(dict, 'Bouteflika')).toBeNull(); // spelt right
    expect(misspeltSurname(dict, 'Putine')).toBeNull(); // too short
  });
});
