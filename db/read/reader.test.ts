import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { classifyReadError } from './reader.js';

// As the driver builds its errors (neo4j-driver-core's newError): code 'N/A' when it gives none.
const newError = (message: string, code = 'N/A') => new Neo4jError(message, code, '50N42', message);

describe('classifyReadError', () => {
  it('tells a client to retry for every kind of outage the driver reports, the pool timeout included', () => {
    const outages = [
      newError('Could not perform discovery', 'ServiceUnavailable'),
      newError('connection lost', 'SessionExpired'),
      newError('database starting', 'Neo.TransientError.General.DatabaseUnavailable'),
      newError('lock client stopped', 'Neo.TransientError.Transaction.LockClientStopped'),
      // The driver's own wording, with no code (N/A): seen under load while Neo4j restarted.
      newError('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 4, Idle conn count = 0.'),
    ];
    expect(outages.map((e) => classifyReadError(e)?.code)).toEqual(Array(outages.length).fill('DATABASE_UNAVAILABLE'));
  });

  it('tells a client to narrow a query the server stopped, and leaves any other error to the API', () => {
    expect(classifyReadError(newError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))?.code).toBe('QUERY_TIMEOUT');
    expect(classifyReadError(new Neo4jError('bad syntax', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax'))).toBeUndefined();
    expect(classifyReadError(new TypeError('x is undefined'))).toBeUndefined();
  });
});
