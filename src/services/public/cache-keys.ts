/**
 * The keys of the public API's edge cache (routes/public/cache.ts stores answers under them): one
 * definition, so what is stored can also be purged, as an erasure does with a person's photo or avatar.
 * The Cache API purges the data centre it runs in; a copy elsewhere ages out with its time to live.
 */
export const PUBLIC_CACHE_ORIGIN = "https://public-cache.guddu.invalid";

/** Where bytes served at `pathname` (a file by its hash, an item's image) are kept. */
export const bytesCacheKey = (pathname: string) => new Request(`${PUBLIC_CACHE_ORIGIN}/bytes${pathname}`);

/** Deletes the cached bytes of each path; answers how many were held. */
export async function purgeCachedBytes(pathnames: readonly string[]): Promise<number> {
  if (pathnames.length === 0) return 0;
  const cache = await caches.open("public");
  const deleted = await Promise.all(pathnames.map((pathname) => cache.delete(bytesCacheKey(pathname))));
  return deleted.filter(Boolean).length;
}
