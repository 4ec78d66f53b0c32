// Type declarations for the parts of citation-js the site uses (its packages ship no types).
declare module "@citation-js/core" {
  /** A CSL-JSON item: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html */
  export type CslData = Record<string, unknown> & { id: string; type: string };
  export class Cite {
    constructor(data: unknown);
    data: CslData[];
    format(format: "bibliography", options: { template: string; format: "html" | "text"; lang?: string; asEntryArray: true }): [string, string][];
    format(format: "bibtex" | "ris" | "data", options?: { format?: "text" }): string;
  }
  export const plugins: {
    config: { get(name: "@csl"): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
/** The Unicode tables of the BibTeX plugin: LaTeX command (or accent, ligature) → the character it writes. */
declare module "@citation-js/plugin-bibtex/lib/input/constants.js" {
  export const commands: Record<string, string>;
  export const diacritics: Record<string, string>;
  export const ligatures: Record<string, string>;
  export const mathCommands: Record<string, string>;
}
declare module "@citation-js/name" {
  export function parse(name: string): { given?: string; family?: string; suffix?: string; "non-dropping-particle"?: string; "dropping-particle"?: string };
}
