/**
 * What the multipart parser (busboy, under multer) could not read, told in Indonesian for the
 * person who sent it, with the parser's own text kept beside it for whoever debugs the client.
 */
export interface MultipartProblem {
  /** In Indonesian: what is wrong with the body, e.g. "isi unggahan terpotong sebelum selesai". */
  reason: string;
  /** The parser's message as it gave it (English), e.g. "Unexpected end of form". */
  parserMessage: string;
}

const REASONS: ReadonlyArray<[RegExp, string]> = [
  [/^Unexpected end of (form|file)$/i, 'isi unggahan terpotong sebelum selesai (batas penutup multipart tidak ada); kirim ulang berkasnya'],
  [/^Multipart: Boundary not found$/i, 'batas (boundary) multipart tidak ada pada header Content-Type'],
  [/^Malformed part header$/i, 'kepala salah satu bagian multipart rusak (mis. nama berkas berisi karakter kendali)'],
  [/^Malformed content type$/i, 'header Content-Type tidak dapat dibaca'],
  [/^Missing Content-Type$/i, 'header Content-Type tidak ada'],
  [/^Request (aborted|closed)$/i, 'unggahan terputus sebelum selesai dikirim'],
];

export function multipartProblem(error: unknown): MultipartProblem {
  const parserMessage = error instanceof Error ? error.message : String(error);
  const known = REASONS.find(([pattern]) => pattern.test(parserMessage.trim()));
  return { reason: known ? known[1] : 'bentuk multipart/form-data tidak dapat diurai', parserMessage };
}
