// An actor the text implies but does not name (`the government where the protest was`, `the state that made the
// arrests`): a country with a sector, anchored for its span on the mention that implies it.
import type { ActorMention, Provenance } from '../model/types.js';

export function impliedActor(country: string, sector: string | null, anchor: ActorMention, rule: string): ActorMention {
  const why: Provenance[] = [{ rule }];
  return {
    code: sector ? `${country}${sector}` : country,
    country,
    sector,
    name: null,
    tokenStart: anchor.tokenStart,
    tokenEnd: anchor.tokenEnd,
    start: anchor.start,
    end: anchor.end,
    text: anchor.text,
    kind: 'implied',
    why,
  };
}
