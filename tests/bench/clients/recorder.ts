import { EDIT_SEQ_SPAN, type FoundMarker, nowMicros } from './marker';

/**
 * Per-worker delivery log. A receiver keeps, per writer, the highest sequence number it has seen,
 * so a marker seen twice (e.g. again inside a later sync step 2) counts once, and a client never
 * counts its own edit.
 */
export class Recorder {
  private ids: number[] = [];
  private latencies: number[] = [];
  bytesReceived = 0;

  receiver(selfIndex: number): (found: FoundMarker[]) => void {
    const lastSeq = new Map<number, number>();
    return (found) => {
      if (found.length === 0) return;
      const now = nowMicros();
      for (const m of found) {
        const writer = Math.floor(m.editId / EDIT_SEQ_SPAN);
        if (writer === selfIndex) continue;
        const seq = m.editId % EDIT_SEQ_SPAN;
        if ((lastSeq.get(writer) ?? -1) >= seq) continue;
        lastSeq.set(writer, seq);
        this.ids.push(m.editId);
        this.latencies.push((now - m.sentAtMicros) / 1000);
      }
    };
  }

  take(): { ids: Float64Array; latencies: Float32Array } {
    return { ids: Float64Array.from(this.ids), latencies: Float32Array.from(this.latencies) };
  }
}
