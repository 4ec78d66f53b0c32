// Independent Pagefind services (the Node API runs one service process per instance of its module, and a service indexes on one core), and the page budget they share.
import * as pagefind from "pagefind";

/** Pagefind's Node API, as one instance of its module exposes it. */
export type PagefindApi = typeof pagefind;

/**
 * `count` instances of Pagefind's Node API, each starting its own service process on first use: the package's
 * module, then fresh instances of it loaded under distinct URLs (`…/index.js?service=2`; the module keeps its service
 * in a module variable). A service answers its requests one at a time, so two bundles indexed through one service
 * take as long as one after the other; through two services they use both cores. Stop them with {@link closeAll}.
 */
export async function pagefindServices(count: number): Promise<PagefindApi[]> {
  const url = import.meta.resolve("pagefind");
  const apis: PagefindApi[] = [pagefind];
  for (let i = 2; i <= count; i++) apis.push((await import(`${url}?service=${i}`)) as PagefindApi);
  return apis;
}

/** Stops the service processes of these instances (those never used have none), so the caller's process can exit. */
export async function closeAll(apis: readonly PagefindApi[]): Promise<void> {
  await Promise.all(apis.map((api) => api.close()));
}

/**
 * The pages the services may hold at once, Pagefind's memory being about 290 MiB per 1,000 pages of an index: a
 * shard waits until the pages being indexed and its own fit the limit, unless nothing else is being indexed (a shard
 * larger than the limit is indexed alone).
 */
export class PageBudget {
  private held = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves when `pages` more fit (or nothing else is held), and holds them. */
  async take(pages: number): Promise<void> {
    while (this.held > 0 && this.held + pages > this.limit) await new Promise<void>((wake) => this.waiting.push(wake));
    this.held += pages;
  }

  /** Lets go of pages taken, waking the shards that wait. */
  give(pages: number): void {
    this.held -= pages;
    for (const wake of this.waiting.splice(0)) wake();
  }
}
