/** What the runner tells a worker thread about each client it must play. */
export type ServerKind = 'ours' | 'relay' | 'hocuspocus';

export interface DocEndpoint {
  /** Full websocket URL of the doc (y-websocket: base + '/' + docName). */
  url: string;
  docName: string;
}

export interface ClientSpec {
  /** Global client index; also the writer id inside every edit id it makes. */
  index: number;
  room: number;
  server: ServerKind;
  /** true: a real provider + Y.Doc that decodes every update; false: a byte-counting light client. */
  decode: boolean;
  /** The doc everyone in the room reads: ours = the workshop doc, references = the room's doc. */
  read: DocEndpoint;
  /** Ours only: the member doc this client writes (references write into `read`). */
  write?: DocEndpoint;
  /** y-websocket base URL for the stock provider (the provider appends '/' + docName). */
  providerBase: string;
  /** Upgrade headers: session cookie + Origin for ours, nothing for the references. */
  headers: Record<string, string>;
  /** Key prefix for the `ratings` map: '' for a member doc (key = dimension), else `:<member-like id>`. */
  keySuffix: string;
}

export interface EditPlan {
  /** Edits per second per client. */
  rate: number;
  /** hrtime µs: edits sent before this are warm-up, not measured. */
  measureFromMicros: number;
  /** hrtime µs: no edit is sent after this. */
  stopAtMicros: number;
  dimensionIds: string[];
  stageIds: string[];
  /** Rationale length in characters (marker included), the same for every server. */
  rationaleChars: number;
  /**
   * First sequence number of every client's edits. A later slice of the same server starts above
   * the earlier slices' numbers: the markers they left in the doc arrive again in each new
   * client's sync and must never pass for this slice's edits (see Recorder).
   */
  seqBase: number;
}

export type ToWorker =
  | { type: 'connect'; clients: ClientSpec[]; hocuspocusVersion: string }
  | { type: 'run'; plan: EditPlan }
  | { type: 'collect' };

export interface WorkerResult {
  /** Edit ids sent in the measuring window. */
  sentMeasured: number[];
  /** Edits sent in total (warm-up included). */
  sentTotal: number;
  /** Parallel arrays: every first delivery of an edit to a client other than its writer. */
  recvEditIds: Float64Array;
  recvLatencyMs: Float32Array;
  bytesReceived: number;
  unexpectedCloses: string[];
  errors: string[];
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'connected'; count: number; millis: number }
  | { type: 'result'; result: WorkerResult }
  | { type: 'failed'; error: string };
