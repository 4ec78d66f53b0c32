// The one record schema: a Release, its front matter and its body blocks; the single source of truth for both.
import { z } from "zod";

/** A person with an optional title, as named in a release ("Antony J. Blinken", "Secretary of State"). */
export const PersonSchema = z.object({
  name: z.string().min(1),
  title: z.string().min(1).nullable(),
});

/** A person named in a release, with a stable id shared by every release that names them ("antony-blinken"). */
export const PersonRefSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  title: z.string().min(1).nullable(),
});

/** One party to talks: its country (or the EU), heads, member organisations and other participants. */
export const DelegationSchema = z.object({
  country: z.string().min(1),
  countryCode: z.string().regex(/^[A-Z]{2}$/).nullable(),
  heads: z.array(PersonSchema),
  members: z.array(z.string().min(1)),
  participants: z.array(PersonSchema),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD date");

/** Where a release came from: enough to find, verify and cite the collected source. */
export const SourceSchema = z.object({
  format: z.enum(["text", "rss", "atom"]),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  guid: z.string().nullable(),
  link: z.string().nullable(),
  collectedOn: isoDate.nullable(),
  collection: z.string().nullable(),
  origin: z.string().nullable(),
});

/** A change between two collected versions of a release: the snapshot date it was seen, and what changed. */
/** What a curator correction changed: the fields it replaced and when (null when the correction is undated). */
export const CorrectionNoteSchema = z.object({
  on: isoDate.nullable(),
  fields: z.array(z.string().min(1)).min(1),
});

export const RevisionSchema = z.object({
  date: isoDate,
  changes: z.string().min(1),
});

/** The front matter of a release's Markdown file. These names are fixed: other tools read them. */
export const FrontMatterSchema = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected YYYY-MM-DD-slug"),
  title: z.string().min(1),
  date: isoDate,
  type: z.string().min(1).nullable(),
  office: z.string().min(1).nullable(),
  speakers: z.array(PersonSchema),
  /** The speaker labels of a transcript's turns ("MR PRICE", "QUESTION"), in order of first appearance. */
  transcriptSpeakers: z.array(z.string().min(1)),
  location: z.string().min(1).nullable(),
  preamble: z.string().min(1).nullable(),
  delegations: z.array(DelegationSchema),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  people: z.array(PersonRefSchema),
  organizations: z.array(z.string().min(1)),
  /** Cities and sites the statement names ("Seoul", "Busan"). */
  places: z.array(z.string().min(1)),
  /** Conferences, dialogues, working groups and forums the statement names. */
  events: z.array(z.string().min(1)),
  /** Topic slugs from the curators' taxonomy (content/taxonomy/topics.yaml), most relevant first, at most six. */
  topics: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  source: SourceSchema,
  /** The other sources the same release was collected from (a text file beside a feed item), merged into this one.
   * Both lists default to empty, so files written before they existed still read. */
  otherSources: z.array(SourceSchema).default([]),
  /** Changes of title or body between collected versions (feed snapshots), oldest first. */
  revisions: z.array(RevisionSchema).default([]),
  /** Set by ingest when a curator correction (content/corrections/<id>.yaml) applies: the fields it replaced, and
   * the date the curators gave it (`correctedOn`), or null when they gave none. Defaults to null for older files. */
  corrected: CorrectionNoteSchema.nullable().default(null),
});

/** A link in a block's plain text: the characters [start, end) link to `href`. */
export const LinkSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  href: z.string().min(1),
});

/** Links of a text, when it has any (absent otherwise, so text sources' records stay as they were). */
const links = z.array(LinkSchema).optional();

/** One block of a statement's body, in reading order. */
export const BlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paragraph"), text: z.string().min(1), links }),
  z.object({ kind: z.literal("heading"), text: z.string().min(1), links }),
  /** `itemLinks[i]` holds the links of `items[i]`; the items stay plain strings for the entity rules. */
  z.object({ kind: z.literal("list"), ordered: z.boolean(), items: z.array(z.string().min(1)).min(1), itemLinks: z.array(z.array(LinkSchema)).optional() }),
  z.object({ kind: z.literal("turn"), speaker: z.string().min(1), text: z.string(), links }),
]);

/** A whole release: its front matter plus the body blocks that become its Markdown. */
export const ReleaseSchema = FrontMatterSchema.extend({ body: z.array(BlockSchema) });

export type Person = z.infer<typeof PersonSchema>;
export type PersonRef = z.infer<typeof PersonRefSchema>;
export type Delegation = z.infer<typeof DelegationSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Revision = z.infer<typeof RevisionSchema>;
export type CorrectionNote = z.infer<typeof CorrectionNoteSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type Release = z.infer<typeof ReleaseSchema>;

/** Front-matter keys in the order they are written, so emitted files read the same every time. */
export const FRONT_MATTER_KEYS = Object.keys(FrontMatterSchema.shape) as (keyof FrontMatter)[];
