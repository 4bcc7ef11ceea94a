// Builds what the coder needs (dictionaries, analyser, gazetteer, parser) from a few options, the same way for
// `dyad code`, ingest workers and benchmarks. Loading only: nothing is coded here.
import { loadDictionaries } from '../dictionaries/load.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { loadParser } from '../nlp/parser/index.js';
import type { CoderDeps } from './code-article.js';
import { createGazetteer } from './gazetteer.js';

export interface CoderSetup {
  /** A dyad-format dictionary folder to use instead of the built-in one. */
  dictDir?: string;
  /** Parse doubtful sentences with the dependency parser (default true). */
  parse?: boolean;
  /** Keep events of dyadic codes that found no target. */
  keepUntargeted?: boolean;
}

export function createCoderDeps(setup: CoderSetup = {}): CoderDeps {
  return {
    dicts: loadDictionaries({ dictDir: setup.dictDir }),
    analyzer: createWinkAnalyzer(),
    gazetteer: createGazetteer(),
    parser: setup.parse === false ? null : loadParser(),
    options: { keepUntargeted: setup.keepUntargeted },
  };
}
