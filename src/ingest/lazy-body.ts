// Release bodies known by their hash: a body kept in the parse cache is brought back only when something reads it, and comparing or memoising a release needs only the hash.
import type { Block } from "../model/release.ts";
import { bytesDigest } from "../site/site-files.ts";

/** Each body's hash, by the array: set for a lazy body, remembered for one hashed once. Bodies are never mutated after parsing. */
const digests = new WeakMap<Block[], string>();

/** The SHA-256 (base64url) of a body's JSON, without reading a lazy body. */
export function bodyDigest(body: Block[]): string {
  let digest = digests.get(body);
  if (digest === undefined) {
    digest = bytesDigest(JSON.stringify(body));
    digests.set(body, digest);
  }
  return digest;
}

/**
 * A body that reads as the blocks `load` returns, called on the first use of the array (any property read, key
 * listing or write), and whose {@link bodyDigest} is `digest` until then. Anything reading it (the emitter, JSON,
 * the schema) sees a plain array: only how soon its blocks exist changes.
 */
export function lazyBody(load: () => Block[], digest: string): Block[] {
  const blocks: Block[] = [];
  let loaded = false;
  const filled = (): Block[] => {
    if (!loaded) {
      loaded = true;
      // A loop, not a spread: a long transcript may hold more blocks than a call takes arguments.
      for (const block of load()) blocks.push(block);
    }
    return blocks;
  };
  const body: Block[] = new Proxy(blocks, {
    get: (_, key, receiver) => Reflect.get(filled(), key, receiver),
    has: (_, key) => Reflect.has(filled(), key),
    ownKeys: () => Reflect.ownKeys(filled()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(filled(), key),
    // A write makes the hash unknown again (bodies are not written to, but a wrong hash would keep a stale file).
    set: (_, key, value, receiver) => (digests.delete(body), Reflect.set(filled(), key, value, receiver)),
    defineProperty: (_, key, descriptor) => (digests.delete(body), Reflect.defineProperty(filled(), key, descriptor)),
    deleteProperty: (_, key) => (digests.delete(body), Reflect.deleteProperty(filled(), key)),
  });
  digests.set(body, digest);
  return body;
}
