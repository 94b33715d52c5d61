import { isUnreadableBodyLimit, multipartProblem } from './multipart-problem';

describe('a multipart body the parser could not read', () => {
  it.each([
    ['Unexpected end of form', 'terpotong atau kosong, atau batas (boundary)'],
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

  it('given one of multer\'s limits on fields or parts, then it says the body holds more than the file', () => {
    const error = Object.assign(new Error('Too many fields'), { code: 'LIMIT_FIELD_COUNT' });
    expect(multipartProblem(error)).toEqual({ reason: 'terlalu banyak field di samping berkas; kirim hanya field "file"', parserMessage: 'Too many fields' });
    expect(isUnreadableBodyLimit('LIMIT_PART_COUNT')).toBe(true);
    expect(isUnreadableBodyLimit('LIMIT_UNEXPECTED_FILE')).toBe(false);
  });
});
