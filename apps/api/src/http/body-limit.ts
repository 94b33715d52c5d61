/** The largest JSON body a route reads (body-parser's default, stated, and told in the 413): a year's PK or a month's report is far smaller. */
export const JSON_BODY_LIMIT_KB = 100;
