/**
 * The largest JSON body a route reads, stated to the parser and told in the 413. A month's report
 * of a subbagian owning 30 indicators, each with a narrative, kendala and solusi at their 5,000
 * characters, is about 0.5 MB of plain text (twice that in letters of two UTF-8 bytes): 2 MB leaves room
 * for that, where body-parser's default 100 KB refused a real report whose every field was valid.
 */
export const JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** The limit as a person reads it. */
export const JSON_BODY_LIMIT_WORDS = '2 MB';
