// The parties an article names most.
import { describe, expect, it } from 'vitest';
import type { ActorMention } from '../model/types.js';
import { mostNamedParties } from './parties.js';

const m = (code: string, text = code): ActorMention => ({ code, country: code.slice(0, 3), sector: null, name: null, tokenStart: 0, tokenEnd: 1, start: 0, end: 1, text, kind: 'country', why: [] });

describe('most named parties', () => {
  it('counts parties by their first three letters, keeps the latest mention, and puts the later first among equals', () => {
    const list = [m('RUSGOV', 'Moscow'), m('UKRGOV'), m('TURGOV'), m('RUSMIL', 'Russian troops'), m('UKR', 'Ukrainians')];
    expect(mostNamedParties(list, 2).map((x) => [x.mention.text, x.at])).toEqual([['Ukrainians', 4], ['Russian troops', 3]]);
  });
  it('leaves out the party it is told to', () => {
    expect(mostNamedParties([m('TURGOV'), m('RUSGOV'), m('TURGOV')], 2, 'TUR').map((x) => x.mention.code)).toEqual(['RUSGOV']);
  });
});
