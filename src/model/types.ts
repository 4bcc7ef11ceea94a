// Plain, JSON-serialisable types shared by every stage. No I/O here.
// Offsets are UTF-16 indexes into the unchanged article text, end exclusive.

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One input article as read from a file, JSONL line or stdin. */
export interface Article {
  id: string;
  /** Where it came from: a path, `path:line` for JSONL, or `-`. */
  origin: string;
  /** Publication date (YYYY-MM-DD) or null when unknown. */
  date: string | null;
  title: string | null;
  url: string | null;
  /** The text that every offset points into. */
  text: string;
}

export type SegmentKind = 'title' | 'byline' | 'caption' | 'dateline' | 'body' | 'editor' | 'related';

/** A part of the article text with its role in the layout. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface Dateline {
  span: Span;
  /** The place word(s) of the dateline, e.g. BEIJING. */
  place: Span | null;
  /** The dateline date resolved against the publication date, or null. */
  date: string | null;
  agency: string | null;
}

/** Flat token arrays for one analysed article: index i is token i. */
export interface Tokens {
  text: string[];
  lower: string[];
  lemma: string[];
  pos: string[];
  start: number[];
  end: number[];
  /** Index of the sentence that holds the token. */
  sent: number[];
}

export interface Sentence {
  index: number;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  segment: SegmentKind;
}

export interface Doc {
  article: Article;
  segments: Segment[];
  dateline: Dateline | null;
  tokens: Tokens;
  sentences: Sentence[];
}

/** Where a coded value came from: a dictionary entry or a named rule. */
export interface Provenance {
  rule: string;
  entry?: string;
}

export interface Actor {
  code: string;
  country: string | null;
  sector: string | null;
  name: string | null;
}

/** An actor found in the text, with its span and why it got its code. */
export interface ActorMention extends Actor {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  /** person, country, institution, organisation, group, role, pronoun... */
  kind: string;
  /** A place named after `in`/`at` (`in Kazakhstan`): an actor only for a pattern's `in {target}` slot. */
  locative?: boolean;
  /** For conjoined mentions (`A and B`), the members. */
  members?: ActorMention[];
  why: Provenance[];
}

export interface PloverCoding {
  event: string | null;
  mode: string | null;
  context: string[];
}

/** An issue (data/topics/) named in the event's sentence: its id, the span that names it, and the entry and phrase. */
export interface TopicOut {
  id: string;
  text: string;
  start: number;
  end: number;
  /** `topics/topics.yaml:12 belt and road`. */
  rule: string;
}

/** One event record in the output contract (../shared/eval/FORMAT.md) plus provenance. */
export interface EventRecord {
  article_id: string;
  event_id: string;
  date: string | null;
  source: ActorOut | null;
  target: ActorOut | null;
  cameo: string;
  cameo_name: string;
  /** PLOVER's context joins the CAMEO code's contexts and those of the topics. */
  plover: PloverCoding;
  topics: TopicOut[];
  /** Null for a code a dictionary folder declares (events/codes.tsv) without a Goldstein value. */
  goldstein: number | null;
  /** Null for a declared code without a quad class. */
  quad_class: number | null;
  location: LocationOut | null;
  negated: boolean;
  sentence: number;
  evidence: Span;
  trigger: Span;
  confidence: number;
  mentions: number;
  why: {
    pattern: string;
    /** Set when the act is announced (`agreed to send aid`) and coded as intent. */
    modality: { rule: string; span: Span } | null;
    source: Provenance[];
    target: Provenance[];
    date: Provenance & { span: Span | null };
    location: Provenance | null;
  };
  dict_version: string;
}

export interface ActorOut extends Actor {
  text: string;
  start: number;
  end: number;
}

export interface LocationOut {
  text: string | null;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  start: number | null;
  end: number | null;
}
