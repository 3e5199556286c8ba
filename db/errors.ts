// Database errors said for people; no driver import, so a dry-run ingest can use it.

/**
 * What a database error means for a person, when it is one they can act on (a full disk); else
 * undefined. Neo4j tells a client only that its transaction log could not be written, or, after
 * that, that it "needs to be restarted"; the cause (ENOSPC) is in its own log, and the built-in
 * launcher prints it to the supervisor.
 */
export function explainDatabaseError(err: unknown): string | undefined {
  const text = `${(err as { code?: string } | undefined)?.code ?? ''} ${err instanceof Error ? err.message : String(err)}`;
  const after = 'npm start restarts its built-in Neo4j by itself (a server of your own needs a restart). Then run the ingest again: documents written before are kept, the one being written is rewritten whole.';
  if (/ENOSPC|No space left on device/i.test(text)) return `the disk holding Neo4j's data folder is full. Free some space; ${after}`;
  if (/Could not append transaction|needs to be restarted/i.test(text)) {
    return `Neo4j could not write its transaction log and stopped; most often the disk holding its data folder is full (its debug.log or npm start's output says). Free some space; ${after}`;
  }
  return undefined;
}
