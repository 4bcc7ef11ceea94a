// The one place that loads dyad's data: ontology, actor and event dictionaries, discards, topics, and their version.
// Callers pass the result into stages; nothing here is global, so tests can build small dictionaries.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { threadId } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/errors.js';
import { compileActors, type ActorDictionary, type ActorSources } from './actor-dictionary.js';
import { loadDiscards, type Discards } from './discards.js';
import { loadEventPatterns, type EventPatterns } from './event-patterns.js';
import { addDeclaredCodes, loadOntology, loadPloverContexts, type Ontology } from './ontology.js';
import { loadIntentRules, type IntentRules } from './intent.js';
import { loadImpliedTargets, type ImpliedTargets } from './implied-targets.js';
import { loadCrowdRecodes, loadSourceExclusions, loadSourceRecodes, loadSourceSectors, type CrowdRecodes, type SourceExclusions, type SourceRecodes, type SourceSectors } from './source-exclusions.js';
import { loadVerbClasses, type VerbClasses } from './verb-classes.js';
import { countrySchema, ethnicSchema, groupSchema, institutionSchema, organisationSchema, personSchema, roleSchema } from './schema.js';
import { loadTopics, type Topics } from './topics.js';
import { readYamlList, type YamlProblem } from './yaml-file.js';

export interface Dictionaries {
  version: string;
  dataDir: string;
  /** CAMEO's codes, and those the --dict folder declares in events/codes.tsv. */
  ontology: Ontology;
  actors: ActorDictionary;
  events: EventPatterns;
  discards: Discards;
  /** Word forms whose lemma the tagger gets wrong (data/lexicon/lemma-exceptions.tsv). */
  lemmas: Map<string, string>;
  /** Acts that are only announced and the 03x or 13x code they become (data/ontology/intent.tsv, threat.tsv). */
  intent: IntentRules;
  /** CAMEO code prefixes whose events may have no target (data/ontology/untargeted.txt). */
  untargeted: string[];
  /** CAMEO code prefixes of acts only a state does: a passive one with no doer is the state's (state-acts.txt). */
  stateActs: string[];
  /** CAMEO code prefixes of acts aimed at no one (data/ontology/intransitive.txt). */
  intransitive: string[];
  /** Acts aimed at a government or a country when the text names no target (data/ontology/implied-targets.tsv). */
  implied: ImpliedTargets;
  /** Sectors that are never the source of some acts (data/ontology/source-exclusions.tsv). */
  sourceExclusions: SourceExclusions;
  /** Acts that take another code from their source's sector (data/ontology/source-recodes.tsv). */
  sourceRecodes: SourceRecodes;
  /** Acts a country named alone as their source does through one sector (data/ontology/source-sectors.tsv). */
  sourceSectors: SourceSectors;
  /** The demonstration a crowd's demand or appeal is coded as (data/ontology/crowd-recodes.tsv). */
  crowdRecodes: CrowdRecodes;
  /** Light, reporting and object-control verbs (data/lexicon/verbs.yaml). */
  verbs: VerbClasses;
  /** Issues (trade, terrorism, ...) with their phrases and PLOVER contexts (data/topics/*.yaml). */
  topics: Topics;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** The version of the data (dictionaries, ontology, models) in `dataDir`: data/VERSION. */
export function dataVersion(dataDir: string = defaultDataDir()): string {
  return readFileSync(join(dataDir, 'VERSION'), 'utf8').trim();
}

/** The repository's data/ folder, found by walking up from this module to package.json. */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new DyadError('DICT_MISSING', 'cannot find the data/ folder next to package.json');
}

export interface LoadOptions {
  dataDir?: string;
  /** A folder of dyad-format actor and event dictionaries that replaces the built-in actors/ and events/. */
  dictDir?: string;
  /** Collect problems instead of throwing at the first (for `dyad dict check`). */
  problems?: Problem[];
}

const cache = new Map<string, Dictionaries>();

/** Loads (once per process and folder pair) every dictionary. */
export function loadDictionaries(options: LoadOptions = {}): Dictionaries {
  const dataDir = options.dataDir ?? defaultDataDir();
  const key = `${dataDir}\0${options.dictDir ?? ''}`;
  if (!options.problems) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  const problems = options.problems;
  const cameo = loadOntology(join(dataDir, 'ontology', 'cameo.tsv'));
  const actorDir = options.dictDir ? pickDir(options.dictDir, 'actors') : join(dataDir, 'actors');
  const eventDir = options.dictDir ? pickDir(options.dictDir, 'events') : join(dataDir, 'events');
  // A dictionary folder may declare event codes of its own (events/codes.tsv): they join CAMEO's for its patterns.
  const declaredCodes = join(eventDir, 'codes.tsv');
  const ontology = options.dictDir && existsSync(declaredCodes) ? addDeclaredCodes(cameo, declaredCodes, problems) : cameo;
  const actors = compileActors(problems ? readActorSources(actorDir, problems) : readActorSourcesCached(actorDir));
  const events = loadEventPatterns(eventDir, new Set(ontology.keys()), problems);
  const discards = loadDiscards(join(eventDir, 'discards.txt'), problems);
  const base = dataVersion(dataDir);
  const version = options.dictDir ? `${base}+custom` : base;
  const lemmas = loadLemmaExceptions(join(dataDir, 'lexicon', 'lemma-exceptions.tsv'));
  // Announced acts read as intents and threats come with dyad's own patterns; a dictionary folder (an imported
  // PETRARCH set has its own future and modal codes) uses the rules it brings in ontology/ and lexicon/, if any.
  const ruleDir = options.dictDir ?? dataDir;
  const intent = loadIntentRules(
    {
      intentMap: join(ruleDir, 'ontology', 'intent.tsv'),
      intentWords: join(ruleDir, 'lexicon', 'intent-words.txt'),
      threatMap: join(ruleDir, 'ontology', 'threat.tsv'),
      threatWords: join(ruleDir, 'lexicon', 'threat-words.txt'),
      requestMap: join(ruleDir, 'ontology', 'requests.tsv'),
    },
    new Set(cameo.keys()),
  );
  const untargeted = readList(join(dataDir, 'ontology', 'untargeted.txt'));
  const stateActs = readList(join(dataDir, 'ontology', 'state-acts.txt'));
  const intransitive = readList(join(dataDir, 'ontology', 'intransitive.txt'));
  const implied = loadImpliedTargets(join(dataDir, 'ontology', 'implied-targets.tsv'), new Set(cameo.keys()));
  const sourceExclusions = loadSourceExclusions(join(dataDir, 'ontology', 'source-exclusions.tsv'), new Set(cameo.keys()));
  const sourceRecodes = loadSourceRecodes(join(dataDir, 'ontology', 'source-recodes.tsv'), new Set(cameo.keys()));
  const sourceSectors = loadSourceSectors(join(dataDir, 'ontology', 'source-sectors.tsv'), new Set(cameo.keys()));
  const crowdRecodes = loadCrowdRecodes(join(dataDir, 'ontology', 'crowd-recodes.tsv'), new Set(cameo.keys()));
  const verbs = loadVerbClasses(join(dataDir, 'lexicon', 'verbs.yaml'));
  const topics = loadTopics(topicDir(dataDir, options.dictDir), loadPloverContexts(join(dataDir, 'ontology', 'plover.yaml')), problems);
  const dicts: Dictionaries = { version, dataDir, ontology, actors, events, discards, lemmas, intent, untargeted, stateActs, intransitive, implied, sourceExclusions, sourceRecodes, sourceSectors, crowdRecodes, verbs, topics };
  if (!problems) cache.set(key, dicts);
  return dicts;
}

/** `form<TAB>lemma` lines after a header; `#` comments. */
export function loadLemmaExceptions(file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line === 'form\tlemma') return;
    const [form, lemma, extra] = line.split('\t');
    if (!form || !lemma || extra !== undefined) throw new DyadError('DICT_INVALID', 'expected `form<TAB>lemma`', { where: `${file}:${i + 1}` });
    out.set(form.toLowerCase(), lemma.toLowerCase());
  });
  return out;
}

/** A list file: one entry a line, `#` comments. */
function readList(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** A dictionary folder's own topics/ when it has one, else the built-in topics: issues do not depend on the actor set. */
export function topicDir(dataDir: string, dictDir?: string): string {
  return dictDir && existsSync(join(dictDir, 'topics')) ? join(dictDir, 'topics') : join(dataDir, 'topics');
}

function pickDir(root: string, sub: string): string {
  const dir = join(root, sub);
  if (!existsSync(dir)) throw new DyadError('DICT_MISSING', `no ${sub}/ folder in dictionary folder`, { where: root });
  return dir;
}

/** The YAML actor files in `dir`, in a fixed order. */
function actorFiles(dir: string): string[] {
  const files = ['countries.yaml', 'organisations.yaml', 'institutions.yaml', 'roles.yaml', 'groups.yaml', 'ethnic-groups.yaml'].map((f) => join(dir, f)).filter((f) => existsSync(f));
  const peopleDir = join(dir, 'people');
  if (existsSync(peopleDir)) files.push(...readdirSync(peopleDir).filter((n) => n.endsWith('.yaml')).sort().map((f) => join(peopleDir, f)));
  return files;
}

/**
 * Parsing some 800 kB of YAML takes seconds; the validated result is kept as JSON under the system's
 * temporary folder (or DYAD_CACHE_DIR), keyed by a hash of every file's path and content, so an edit
 * to any file is seen at once. A cache that cannot be written is simply not used.
 */
function readActorSourcesCached(dir: string): ActorSources {
  const hash = createHash('sha1');
  for (const f of actorFiles(dir)) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  const cacheDir = process.env.DYAD_CACHE_DIR ?? join(tmpdir(), 'dyad-cache');
  const file = join(cacheDir, `actors-${hash.digest('hex').slice(0, 20)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ActorSources;
  } catch {
    // Not cached yet, or unreadable: parse the YAML.
  }
  const sources = readActorSources(dir);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, JSON.stringify(sources));
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs speed.
  }
  return sources;
}

/** Reads every actor file that exists in `dir`; a custom dictionary folder may hold only some of them. */
export function readActorSources(dir: string, problems?: YamlProblem[]): ActorSources {
  const file = (name: string) => join(dir, name);
  const list = <T>(name: string, schema: Parameters<typeof readYamlList>[1]) =>
    existsSync(file(name)) ? (readYamlList(file(name), schema, problems) as { value: T; file: string; line: number }[]) : [];
  const peopleDir = join(dir, 'people');
  const people: ActorSources['people'] = [];
  if (existsSync(peopleDir)) {
    for (const f of readdirSync(peopleDir).filter((n) => n.endsWith('.yaml')).sort()) {
      people.push(...(readYamlList(join(peopleDir, f), personSchema, problems) as ActorSources['people']));
    }
  }
  return {
    countries: list('countries.yaml', countrySchema),
    organisations: list('organisations.yaml', organisationSchema),
    institutions: list('institutions.yaml', institutionSchema),
    roles: list('roles.yaml', roleSchema),
    people,
    groups: list('groups.yaml', groupSchema),
    ethnic: list('ethnic-groups.yaml', ethnicSchema),
  };
}
