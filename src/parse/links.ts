// Unwraps tracking and safety redirects around a link (Outlook safelinks, lnks.gd trackers), with the WHATWG URL parser.

/** How many wrappers deep a link is followed (a safelink around a tracker around a safelink…). */
const MAX_DEPTH = 5;

/**
 * The link's real target: an Outlook safelinks URL (`…safelinks.protection.outlook.com/?url=…`) becomes its `url`
 * parameter, and a `lnks.gd/l/<token>/…` tracker the `url` inside its token (a JSON Web Token whose payload carries
 * it). Returns null for a tracker that carries no target, or a link that is not http(s), mailto or tel, so the
 * caller keeps the visible text without a link. Other links are returned as written.
 */
export function unwrapLink(href: string, depth = 0): string | null {
  const trimmed = href.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!["http:", "https:", "mailto:", "tel:"].includes(url.protocol)) return null;
  if (depth >= MAX_DEPTH) return isWrapper(url) ? null : trimmed;
  const host = url.hostname.toLowerCase();
  if (host.endsWith(".safelinks.protection.outlook.com")) {
    const target = url.searchParams.get("url");
    return target ? unwrapLink(target, depth + 1) : null;
  }
  if (host === "lnks.gd" || host.endsWith(".lnks.gd")) {
    const target = trackerTarget(url);
    return target ? unwrapLink(target, depth + 1) : null;
  }
  // GovDelivery copies the anchor's target="_blank" into the URL as a fragment; it names no place in the page.
  if (url.hash === "#_blank") return trimmed.slice(0, trimmed.length - url.hash.length);
  return trimmed;
}

/** True for a URL on a host that only redirects (safelinks or lnks.gd). */
export function isWrapper(url: URL | string): boolean {
  let u: URL;
  try {
    u = typeof url === "string" ? new URL(url) : url;
  } catch {
    return false;
  }
  const host = u.hostname.toLowerCase();
  return host.endsWith(".safelinks.protection.outlook.com") || host === "lnks.gd" || host.endsWith(".lnks.gd");
}

/** The `url` claim of a lnks.gd token (`/l/<header>.<payload>.<signature>/…`), or null. */
function trackerTarget(url: URL): string | null {
  const token = url.pathname.split("/").find((part) => part.split(".").length === 3);
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const target = claims && typeof claims === "object" ? (claims as Record<string, unknown>)["url"] : undefined;
    return typeof target === "string" && target.length > 0 ? target : null;
  } catch {
    return null;
  }
}
