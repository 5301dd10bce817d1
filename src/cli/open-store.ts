import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';

/** Opens the store at `path` with its schema migrated to the current version. */
export async function openStore(path: string): Promise<Store> {
  const store = await openDuckDbStore({ path });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
