// Tokens, sentences, parts of speech and lemmas for the segments of an article, via wink-nlp.
// Behind the `Analyzer` interface so another tagger or parser can slot in; it must not code anything.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article, Doc, Segment, Sentence, Tokens } from '../model/types.js';
import type { Layout } from './layout.js';

export interface Analyzer {
  /** Analyses the segments of `kinds` and returns flat token arrays with offsets into article.text. */
  analyse(article: Article, layout: Layout): Doc;
}

const CODED_KINDS = new Set(['title', 'caption', 'body']);

type WinkNlp = ReturnType<typeof winkNLP>;
let shared: WinkNlp | null = null;

/** wink-nlp with its English lite model, sentences and parts of speech only; loaded once per process (about 150 ms). */
export function winkInstance(): WinkNlp {
  // wink's entity, negation and sentiment passes are not used.
  shared ??= winkNLP(model, ['sbd', 'pos']);
  return shared;
}

export function createWinkAnalyzer(): Analyzer {
  const nlp = winkInstance();
  const its = nlp.its;
  return {
    analyse(article, layout) {
      const tokens: Tokens = { text: [], lower: [], lemma: [], pos: [], start: [], end: [], sent: [] };
      const sentences: Sentence[] = [];
      for (const seg of layout.segments) {
        if (!CODED_KINDS.has(seg.kind)) continue;
        analyseSegment(nlp, its, article.text, seg, tokens, sentences);
      }
      return { article, segments: layout.segments, dateline: layout.dateline, tokens, sentences };
    },
  };
}

function analyseSegment(
  nlp: WinkNlp,
  its: WinkNlp['its'],
  text: string,
  seg: Segment,
  tokens: Tokens,
  sentences: Sentence[],
): void {
  const segText = text.slice(seg.start, seg.end);
  const doc = nlp.readDoc(segText);
  const words = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings reject its.lemma for token collections though it works there.
  const lemma = doc.tokens().out(its.lemma as never) as string[];
  const base = tokens.text.length;
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let at = segText.indexOf(w, cursor);
    // wink normalises a few tokens; fall back to the cursor so offsets stay monotonic.
    if (at < 0 || at - cursor > 40) at = skipSpace(segText, cursor);
    const end = Math.min(at + w.length, segText.length);
    tokens.text.push(segText.slice(at, end));
    tokens.lower.push(w.toLowerCase());
    tokens.lemma.push((lemma[i] ?? w).toLowerCase());
    tokens.pos.push(pos[i] ?? 'X');
    tokens.start.push(seg.start + at);
    tokens.end.push(seg.start + end);
    tokens.sent.push(-1);
    cursor = end;
  }
  const spans: [number, number][] = [];
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    // `chanted "Leave!" and demanded`: an exclamation or question inside a quotation ends no sentence when the
    // words after it go on in lower case.
    const prev = spans[spans.length - 1];
    if (prev && continuesAfterQuote(tokens, base + prev[1], base + first)) prev[1] = last;
    else spans.push([first, last]);
  });
  for (const [first, last] of spans) {
    const index = sentences.length;
    const tokenStart = base + first;
    const tokenEnd = base + last + 1;
    for (let t = tokenStart; t < tokenEnd; t++) tokens.sent[t] = index;
    sentences.push({
      index,
      tokenStart,
      tokenEnd,
      start: tokens.start[tokenStart],
      end: tokens.end[tokenEnd - 1],
      segment: seg.kind,
    });
  }
}

/** Does the sentence ending at token `last` close with `!` or `?` inside quotes, the next one opening in lower case? */
function continuesAfterQuote(tokens: Tokens, last: number, next: number): boolean {
  const quote = /^["”'’]$/.test(tokens.text[last]) ? last - 1 : last;
  if (!/^[!?]$/.test(tokens.text[quote] ?? '')) return false;
  const opened = tokens.text.slice(Math.max(0, quote - 8), quote).some((t) => /^["“]$/.test(t));
  return opened && /^\p{Ll}/u.test(tokens.text[next] ?? '');
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
}
