// express-pouchdb and the PouchDB packages ship no types (PouchDB's @types packages redeclare
// Node's Buffer, see the commit that dropped them); this is the part the test server uses.

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';

  type ExpressPouchDbOptions = {
    readonly mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    readonly inMemoryConfig?: boolean;
    readonly logPath?: string;
    readonly overrideMode?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  };

  type ExpressPouchDbApp = RequestListener & {
    readonly couchConfig: {
      set(section: string, key: string, value: string, callback: (error: unknown) => void): void;
    };
  };

  function expressPouchDb(pouchDB: unknown, options?: ExpressPouchDbOptions): ExpressPouchDbApp;
  export default expressPouchDb;
}

declare module 'pouchdb-core' {
  export type ServerDocument = { _id: string; _rev?: string; _deleted?: boolean; [field: string]: unknown };
  export type ServerDatabase = {
    get(id: string, options?: { revs?: boolean; conflicts?: boolean }): Promise<ServerDocument>;
    put(doc: ServerDocument, options?: { force?: boolean }): Promise<{ id: string; rev: string }>;
    remove(doc: ServerDocument): Promise<{ id: string; rev: string }>;
    bulkDocs(docs: readonly ServerDocument[], options?: { new_edits?: boolean }): Promise<readonly unknown[]>;
    allDocs(options?: { include_docs?: boolean }): Promise<{
      total_rows: number;
      rows: readonly { id: string; value: { rev: string }; doc?: ServerDocument }[];
    }>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
  };
  type Plugin = unknown;
  export type ServerPouchConstructor = {
    new (name: string): ServerDatabase;
    plugin(plugin: Plugin): ServerPouchConstructor;
    defaults(options: Record<string, unknown>): ServerPouchConstructor;
  };
  const PouchDB: ServerPouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
