// Recognises what a collecting blog and the State Department site wrap around a statement: never body text.
import { CHROME_LOCALES, readWrittenDate } from "./dates.ts";
import { normalizeSpace } from "./lines.ts";

/** Reads a Blogger date header ("mardi 26 août 2014", "Tuesday, August 26, 2014") into an ISO date. */
export function readChromeDate(line: string): string | null {
  const d = readWrittenDate(line, CHROME_LOCALES);
  return d && d !== "invalid" && d.hasWeekday ? d.iso : null;
}

/** Splits a Blogger post-title line "Collection: Title" when its title matches `title`; null otherwise. */
export function splitCollectionLine(line: string, title?: string): { collection: string; title: string } | null {
  // Normalising spaces makes no colon: a line without one is no post title (the footer scan asks of every line).
  if (!line.includes(":")) return null;
  const m = /^([^:]{3,80}?):\s+(.+)$/.exec(normalizeSpace(line));
  if (!m) return null;
  // m[2] ends a normalised line after the one space that follows the colon, so it is normalised already.
  if (title !== undefined && m[2]! !== normalizeSpace(title)) return null;
  return { collection: m[1]!, title: m[2]! };
}

/** Blogger's comment-footer lines, in the blog languages we know ("No comments:", "Post a Comment"). */
const COMMENT_FOOTER = new RegExp(
  "^(?:" +
    [
      "no comments:?",
      "\\d+ comments?:?",
      "post a comment",
      "aucun commentaire\\s?:?",
      "\\d+ commentaires?\\s?:?",
      "enregistrer un commentaire",
      "publier un commentaire",
      "keine kommentare:?",
      "\\d+ kommentare?:?",
      "kommentar veröffentlichen",
      "no hay comentarios:?",
      "\\d+ comentarios?:?",
      "publicar un comentario",
      "nessun commento:?",
      "\\d+ commenti:?",
      "posta un commento",
      "nenhum comentário:?",
      "\\d+ comentários?:?",
      "postar um comentário",
      "enviar um comentário",
      "geen opmerkingen:?",
      "een reactie posten",
      "newer post|older post|home|subscribe to: post comments \\(atom\\)",
      "article plus récent|article plus ancien|accueil|inscription à : publier les commentaires \\(atom\\)",
    ].join("|") +
    ")$",
  "i",
);

/** True for a line of Blogger's comment footer or post navigation. */
export function isCommentFooter(line: string): boolean {
  return COMMENT_FOOTER.test(normalizeSpace(line));
}

/** The state.gov site footer lines that follow every statement collected from the site. */
const SITE_FOOTER = [
  /^The Office of Website Management, Bureau of Public Affairs, manages this site/i,
  /^External links to other Internet sites should not be construed as an endorsement/i,
];

/** How a site footer line starts before its spaces are normalised: one anchored test that body lines fail. */
const SITE_FOOTER_START = /^\s*(?:the|external)\s/i;

/** True for a line of the State Department site footer. */
export function isSiteFooter(line: string): boolean {
  if (!SITE_FOOTER_START.test(line)) return false;
  const t = normalizeSpace(line);
  return SITE_FOOTER.some((re) => re.test(t));
}

/** Reads the "Source: Dept. Of State – Releases" line into its origin, or null. */
export function readSourceLine(line: string): string | null {
  // Most lines tested are body lines: an anchored test spares normalising them.
  if (!/^\s*source:/i.test(line)) return null;
  const m = /^Source:\s*(.+)$/i.exec(normalizeSpace(line));
  return m ? m[1]!.trim() : null;
}
