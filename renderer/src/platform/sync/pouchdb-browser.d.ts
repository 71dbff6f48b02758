// pouchdb-browser ships no types, and @types/pouchdb-* redeclare Node's Buffer globally (see the
// commit that dropped them). This is the part of PouchDB the sync code uses.
declare module 'pouchdb-browser' {
  export type SyncDocument = {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  };

  export type ReplicationOptions = {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    checkpoint?: 'source' | 'target' | false;
  };

  export type ReplicationResult = {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    last_seq?: string | number;
    status?: string;
  };

  export type ReplicationEvents = {
    on(
      event: 'change',
      listener: (info: { docs_read: number; docs_written: number; docs: SyncDocument[] }) => void,
    ): ReplicationEvents;
    on(
      event: 'paused' | 'active' | 'denied' | 'error',
      listener: (detail?: unknown) => void,
    ): ReplicationEvents;
    on(event: 'complete', listener: (info: ReplicationResult) => void): ReplicationEvents;
    cancel(): void;
  } & Promise<ReplicationResult>;

  export type SyncEvents = {
    on(
      event: 'change',
      listener: (info: {
        direction: 'push' | 'pull';
        change: { docs_written: number; docs: SyncDocument[] };
      }) => void,
    ): SyncEvents;
    on(
      event: 'paused' | 'active' | 'denied' | 'error' | 'complete',
      listener: (detail?: unknown) => void,
    ): SyncEvents;
    cancel(): void;
  };

  export type LiveChanges = {
    on(event: 'change', listener: (change: { id: string; seq: number | string }) => void): LiveChanges;
    on(event: 'error', listener: (error: unknown) => void): LiveChanges;
    cancel(): void;
  };

  export type FetchLike = (url: string, options: RequestInit) => Promise<Response>;

  export type DatabaseOptions = {
    auth?: { username: string; password: string };
    skip_setup?: boolean;
    fetch?: FetchLike;
    adapter?: string;
    revs_limit?: number;
    auto_compaction?: boolean;
  };

  export type Database = {
    readonly name: string;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    get(
      id: string,
      options?: { conflicts?: boolean; open_revs?: 'all'; rev?: string },
    ): Promise<SyncDocument>;
    put(doc: SyncDocument): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: SyncDocument[], options?: { new_edits?: boolean }): Promise<unknown[]>;
    allDocs(options?: {
      include_docs?: boolean;
      keys?: string[];
      limit?: number;
      startkey?: string;
    }): Promise<{
      total_rows: number;
      rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: SyncDocument }[];
    }>;
    /** Live: each change as it is written, until cancelled; `since: 'now'` for those from now on. */
    changes(options: { since: number | string; live: true }): LiveChanges;
    changes(options: { since?: number | string; include_docs?: boolean; limit?: number }): Promise<{
      results: { id: string; seq: number | string; deleted?: boolean; doc?: SyncDocument }[];
      last_seq: number | string;
    }>;
    replicate: {
      from(source: Database, options?: ReplicationOptions): ReplicationEvents;
      to(target: Database, options?: ReplicationOptions): ReplicationEvents;
    };
    sync(other: Database, options?: ReplicationOptions): SyncEvents;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  };

  type PouchConstructor = new (name: string, options?: DatabaseOptions) => Database;
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
