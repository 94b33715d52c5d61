import { lastTrailer, PdfName, PdfObjectReader, PdfRef, PdfSyntaxError } from './pdf-syntax';

const read = (text: string) => new PdfObjectReader(text, 0).value();

describe('PDF object syntax: the strings an encryption dictionary holds', () => {
  it('given a literal string, when read then every escape, octal byte, nested parenthesis and line continuation gives its byte', () => {
    expect(read('(a\\n\\r\\t\\b\\f\\(\\)\\\\\\053\\7x\\0123(b(c)d)\\\r\ne\\\nf\\qg)')).toEqual(
      Buffer.from([0x61, 0x0a, 0x0d, 0x09, 0x08, 0x0c, 0x28, 0x29, 0x5c, 0x2b, 0x07, 0x78, 0x0a, 0x33, ...Buffer.from('(b(c)d)efqg')]),
    );
  });

  it('given an end of line inside a literal string without a backslash, when read then it is one 0x0A, whatever its form', () => {
    expect(read('(a\r\nb\rc\nd)')).toEqual(Buffer.from('a\nb\nc\nd'));
  });

  it('given any byte in a literal string, when read then it is kept as it is (latin1, one character per byte)', () => {
    expect(read(Buffer.from([0x28, 0x00, 0xff, 0x80, 0x29]).toString('latin1'))).toEqual(Buffer.from([0x00, 0xff, 0x80]));
  });

  it('given a hexadecimal string with white space, upper case or an odd digit, when read then the odd digit is followed by 0', () => {
    expect(read('<0a B\n1f 7 3>')).toEqual(Buffer.from([0x0a, 0xb1, 0xf7, 0x30]));
  });

  it('given a dictionary, when read then names (with #xx), references, numbers, booleans, arrays and comments read as such', () => {
    const dict = read('<< /Filter /St#61ndard % a comment\n /Encrypt 12 0 R /P -1028 /Length 128 /EncryptMetadata false /ID [<01> (x)] /Nothing null >>') as Map<string, unknown>;
    expect(dict.get('Filter')).toEqual(new PdfName('Standard'));
    expect(dict.get('Encrypt')).toEqual(new PdfRef(12, 0));
    expect([dict.get('P'), dict.get('Length'), dict.get('EncryptMetadata'), dict.get('Nothing')]).toEqual([-1028, 128, false, null]);
    expect(dict.get('ID')).toEqual([Buffer.from([1]), Buffer.from('x')]);
  });

  it('given broken syntax (an unclosed string, a key that is not a name, nesting past 32), when read then it is a syntax error', () => {
    expect(() => read('(unclosed')).toThrow(PdfSyntaxError);
    expect(() => read('<< (key) 1 >>')).toThrow(PdfSyntaxError);
    expect(() => read('<0g>')).toThrow(PdfSyntaxError);
    expect(() => read(`${'['.repeat(40)}${']'.repeat(40)}`)).toThrow(PdfSyntaxError);
  });

  it('given no trailer, cross-reference stream nor startxref, when the last trailer is looked for then there is none', () => {
    expect(lastTrailer('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n')).toBeNull();
  });
});
