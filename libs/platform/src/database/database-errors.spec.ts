import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { databaseNeverReached, databaseUnavailable } from './database-errors';

const pgError = (code: string, message = 'x', severity = 'FATAL') => Object.assign(new Error(message), { code, severity });
const wrapped = (driverError: unknown) => Object.assign(new Error('Query failed'), { driverError });

describe('what a failed database call says about the database', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['an unknown host', Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' })],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
    ['too many connections', pgError('53300')],
    ['a server still starting', pgError('57P03', 'the database system is starting up')],
    ['a database that does not exist, TypeORM-wrapped', wrapped(pgError('3D000'))],
    ['a database closed to connections', pgError('55000', 'database "kinerja" is not currently accepting connections')],
  ])('given %s, then nothing was written, and the database is unavailable', (_what, error) => {
    expect(databaseNeverReached(error)).toBe(true);
    expect(databaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a connection dropped under a query', new Error('Connection terminated unexpectedly')],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['an administrator shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (class 08)', wrapped(pgError('08006'))],
    ['a transaction whose connection TypeORM gave back when it was lost', new QueryRunnerProviderAlreadyReleasedError()],
  ])('given %s, then the database is unavailable but the call may have been written', (_what, error) => {
    expect(databaseNeverReached(error)).toBe(false);
    expect(databaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a refused statement', pgError('23505', 'duplicate key value', 'ERROR')],
    ['an object not in prerequisite state within a query', pgError('55000', 'currval of sequence is not yet defined', 'ERROR')],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['a string', 'boom'],
    ['null', null],
  ])('given %s, then it says nothing about the database', (_what, error) => {
    expect(databaseNeverReached(error)).toBe(false);
    expect(databaseUnavailable(error)).toBe(false);
  });
});
