import { EncodedLines } from './copy-rows';

describe('EncodedLines: COPY lines encoded into buffers as they come', () => {
  const encoded = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');

  it('gives back every line, in order, byte for byte, across many buffers', () => {
    const lines = new EncodedLines();
    const given: string[] = [];
    for (let i = 0; i < 30000; i += 1) {
      // ASCII, two- and three-byte characters, and a surrogate pair (four bytes for two code units).
      const line = `${i}\tRp ${i}.000 → ${i + 1}.000 ✓ é 🗳 ${'x'.repeat(i % 97)}\n`;
      lines.line(line);
      given.push(line);
    }
    expect(lines.length).toBe(Buffer.byteLength(given.join(''), 'utf8'));
    const chunks = lines.take();
    expect(chunks.length).toBeGreaterThan(1);
    expect(encoded(chunks)).toBe(given.join(''));
    expect(lines.length).toBe(0);
    expect(lines.take()).toEqual([]);
  });

  it('keeps a line larger than a buffer whole, between the lines around it', () => {
    const lines = new EncodedLines();
    const big = `besar\t${'→'.repeat(200_000)}\n`;
    for (const line of ['a\n', big, 'b\n']) lines.line(line);
    expect(encoded(lines.take())).toBe(`a\n${big}b\n`);
  });

  it('starts afresh after take: what was taken is not given again', () => {
    const lines = new EncodedLines();
    lines.line('satu\n');
    expect(encoded(lines.take())).toBe('satu\n');
    lines.line('dua\n');
    expect(encoded(lines.take())).toBe('dua\n');
  });
});
