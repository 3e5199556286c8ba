import { describe, expect, it } from 'vitest';
import { explainDatabaseError } from './errors.js';

// The messages Neo4j 5 gave a client when its store's disk filled up (seen in the fault suite).
const appendFailed = Object.assign(
  new Error('Could not append transaction: Transaction #78 {started 2026-12-01 18:56:27.720+0000, with 2543 commands in this transaction} to log.'),
  { code: 'Neo.DatabaseError.Transaction.TransactionCommitFailed' },
);
const panicked = Object.assign(new Error('The database has encountered a critical error, and needs to be restarted. Please see database logs for more details.'), {
  code: 'Neo.TransientError.General.DatabaseUnavailable',
});

describe('explainDatabaseError', () => {
  it('says a full disk is the likely cause of a failed log append and of the panic after it, and what to do', () => {
    for (const err of [appendFailed, panicked]) {
      const text = explainDatabaseError(err)!;
      expect(text).toMatch(/disk holding its data folder is full/);
      expect(text).toMatch(/Free some space/);
      expect(text).toMatch(/run the ingest again/);
    }
  });

  it('names ENOSPC outright when it is in the error', () => {
    expect(explainDatabaseError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toMatch(/^the disk holding Neo4j's data folder is full/);
  });

  it('leaves other errors alone', () => {
    expect(explainDatabaseError(new Error('The client is unauthorized due to authentication failure.'))).toBeUndefined();
    expect(explainDatabaseError('boom')).toBeUndefined();
  });
});
