import { openDatabase } from '../db/client';
import { docStoreContract } from './docStoreContract';
import { createMemoryDocStore } from './memoryDocStore';
import { createSqliteDocStore } from './sqliteDocStore';

docStoreContract('memory', () => ({ store: createMemoryDocStore(), close: () => {} }));
docStoreContract('sqlite', () => {
  const database = openDatabase(':memory:');
  return { store: createSqliteDocStore(database.db, Date.now), close: () => database.close() };
});
