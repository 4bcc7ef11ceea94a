// wink-nlp's parts of speech for treebank sentences given as words, as `dyad code` passes them to the parser: the
// words are joined by spaces, tagged by wink, and each word takes the tag of the wink token its first character
// falls in. Used by training (the parser also learns from wink's tags) and by evaluation of that path.
import { winkInstance } from '../analyse.js';

export function winkUpos(words: string[]): string[] {
  const nlp = winkInstance();
  const its = nlp.its;
  const text = words.join(' ');
  const doc = nlp.readDoc(text);
  const toks = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const at = new Int32Array(text.length + 1).fill(-1);
  let cur = 0;
  for (let i = 0; i < toks.length; i++) {
    let s = text.indexOf(toks[i], cur);
    if (s < 0 || s - cur > 40) {
      while (cur < text.length && text[cur] === ' ') cur++;
      s = cur;
    }
    for (let c = s; c < s + toks[i].length && c < text.length; c++) at[c] = i;
    cur = s + toks[i].length;
  }
  let start = 0;
  return words.map((w) => {
    const i = at[start];
    start += w.length + 1;
    return i >= 0 ? (pos[i] ?? 'X') : 'X';
  });
}
