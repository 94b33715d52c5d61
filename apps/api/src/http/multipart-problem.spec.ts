import { multipartProblem } from './multipart-problem';

describe('a multipart body the parser could not read', () => {
  it.each([
    ['Unexpected end of form', 'terpotong'],
    ['Multipart: Boundary not found', 'boundary'],
    ['Malformed part header', 'kepala salah satu bagian'],
    ['Malformed content type', 'Content-Type tidak dapat dibaca'],
    ['Missing Content-Type', 'Content-Type tidak ada'],
    ['Request aborted', 'terputus'],
  ])('given the parser says "%s", then the reason is told in Indonesian and the parser text is kept', (message, expected) => {
    const problem = multipartProblem(new Error(message));
    expect(problem.reason).toContain(expected);
    expect(problem.parserMessage).toBe(message);
  });

  it('given a message it does not know, then it says the body cannot be parsed, keeping the text', () => {
    expect(multipartProblem('something else')).toEqual({ reason: 'bentuk multipart/form-data tidak dapat diurai', parserMessage: 'something else' });
  });
});
