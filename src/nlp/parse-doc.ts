// The dependency trees of an analysed article as CoNLL-U sentences: each sentence parsed from wink-nlp's tokens and
// parts of speech (as `dyad code` parses them), with the character offsets of every word in MISC (TokenRange).
// Pure: reads and writes no files.
import type { Doc } from '../model/types.js';
import type { ConlluSentence } from './parser/conllu.js';
import type { DependencyParser } from './parser/index.js';

/** CoNLL-U forbids tabs and line breaks inside a field. */
const field = (s: string): string => (s === '' ? '_' : s.replace(/[\t\r\n]+/g, ' '));

/**
 * One CoNLL-U sentence per sentence of the doc. The first carries `newdoc id` and `models` (the data version); each has
 * `sent_id` (article id and sentence number), `segment` (title, caption or body) and `text`.
 */
export function docToConllu(doc: Doc, parser: DependencyParser, modelsVersion: string): ConlluSentence[] {
  const { tokens } = doc;
  const out: ConlluSentence[] = [];
  for (const sent of doc.sentences) {
    if (sent.tokenEnd <= sent.tokenStart) continue;
    const words = tokens.text.slice(sent.tokenStart, sent.tokenEnd);
    const upos = tokens.pos.slice(sent.tokenStart, sent.tokenEnd);
    const tree = parser.parse(words, upos);
    const comments: string[] = [];
    if (!out.length) comments.push(` newdoc id = ${doc.article.id}`, ` models = ${modelsVersion}`);
    comments.push(
      ` sent_id = ${doc.article.id}-${sent.index + 1}`,
      ` segment = ${sent.segment}`,
      ` text = ${doc.article.text.slice(sent.start, sent.end).replace(/\s+/g, ' ')}`,
    );
    out.push({
      comments,
      tokens: words.map((w, i) => {
        const t = sent.tokenStart + i;
        return {
          id: String(i + 1),
          form: field(w),
          lemma: field(tokens.lemma[t]),
          upos: field(tree.upos[i]),
          xpos: field(tree.xpos?.[i] ?? ''),
          feats: '_',
          head: String(tree.head[i]),
          deprel: field(tree.deprel[i]),
          deps: '_',
          misc: `TokenRange=${tokens.start[t]}:${tokens.end[t]}`,
        };
      }),
    });
  }
  return out;
}
