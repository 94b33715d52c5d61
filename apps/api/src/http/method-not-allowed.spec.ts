import express from 'express';
import { allowedMethods } from './method-not-allowed';

describe('allowedMethods', () => {
  const noop = (_req: unknown, _res: unknown, next: () => void) => next();
  const stackOf = (app: express.Express) => (app.router as unknown as { stack: Parameters<typeof allowedMethods>[0] }).stack;

  it('given routes with parameters, when a path matches some, then it names their methods in order, HEAD with GET', () => {
    const app = express();
    app.use(noop);
    app.post('/satker/:satker/pk/:year', noop);
    app.get('/satker/:satker/pk/:year', noop);
    app.delete('/satker/:satker', noop);
    expect(allowedMethods(stackOf(app), '/satker/a/pk/2024')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods(stackOf(app), '/satker/a')).toEqual(['DELETE']);
    expect(allowedMethods(stackOf(app), '/satker/a/pk/2024/x')).toEqual([]);
    expect(allowedMethods(stackOf(app), '/satker')).toEqual([]);
  });

  it('given a route for every method beside a GET route, when its path is asked, then only the GET counts', () => {
    const app = express();
    app.get('/health', noop);
    app.all('/health', noop);
    expect(allowedMethods(stackOf(app), '/health')).toEqual(['GET', 'HEAD']);
  });

  it('given a path whose parameter cannot be decoded, when it is asked, then no route is said to take it', () => {
    const app = express();
    app.get('/satker/:satker', noop);
    expect(allowedMethods(stackOf(app), '/satker/%ZZ')).toEqual([]);
  });

  it('given a route added after the table was read, when asked again, then the new route is seen', () => {
    const app = express();
    app.get('/a', noop);
    expect(allowedMethods(stackOf(app), '/a')).toEqual(['GET', 'HEAD']);
    app.put('/a', noop);
    expect(allowedMethods(stackOf(app), '/a')).toEqual(['GET', 'HEAD', 'PUT']);
  });
});
