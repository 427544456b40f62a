// A CSV file download streamed from batches of rows: each batch is read (by keyset, in the
// callers) only when the client has taken the one before (ReadableStream pull), so an export of
// 100,000 rows holds one batch in memory. A client that goes away stops the reading.

export function csvDownload<T>(filename: string, header: string, batches: AsyncGenerator<T[]>, rows: (batch: T[]) => string): Response {
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(header));
        return;
      }
      const { value, done } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(rows(value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** `gatehouse-logs-acme-2026-11-21T1405.csv`: what, whose, and when it was taken (UTC, to the minute). */
export function exportFilename(kind: string, now: Date): string {
  return `gatehouse-${kind}-${now.toISOString().slice(0, 16).replace(":", "")}.csv`;
}
