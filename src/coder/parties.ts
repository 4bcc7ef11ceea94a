// The parties (the first three letters of an actor code: a country, IGO, NGO...) an article names most: what `the
// two sides` refers to, and whom a mediation with no target is between.
import type { ActorMention } from '../model/types.js';

/**
 * The `n` parties named most in `mentions` (text order), other than `except`, each with its latest mention and
 * that mention's index; the most named first, the later named first among equals.
 */
export function mostNamedParties(mentions: ActorMention[], n: number, except: string | null = null): { mention: ActorMention; at: number }[] {
  const seen = new Map<string, { mention: ActorMention; count: number; at: number }>();
  mentions.forEach((m, at) => {
    const party = m.code.slice(0, 3);
    if (party === except) return;
    seen.set(party, { mention: m, count: (seen.get(party)?.count ?? 0) + 1, at });
  });
  return [...seen.values()].sort((a, b) => b.count - a.count || b.at - a.at).slice(0, n);
}
