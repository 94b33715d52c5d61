/**
 * Checks a JSON value against a schema of Kinerja's OpenAPI 3.0 document, as far as the document uses
 * the language (`$ref`, `allOf`, `oneOf` with a discriminator, `nullable`, `enum`, types and bounds).
 * Strict on purpose: an object may carry no field its schema does not name (unless it allows
 * `additionalProperties`), so that an answer and its documentation cannot drift apart unnoticed.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping: Record<string, string> };
  example?: unknown;
}

export interface OpenApi {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

function resolve(doc: OpenApi, schema: Schema): Schema {
  return schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
}

/**
 * The members of an `allOf` that are objects, as one object: each member names only its own fields,
 * so checked one by one each would call the others' fields undocumented.
 */
function mergedObject(doc: OpenApi, members: Schema[]): Schema | null {
  const parts = members.map((m) => resolve(doc, m));
  if (parts.length < 2 || !parts.every((p) => p.type === 'object' && !p.allOf && !p.oneOf)) return null;
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
    additionalProperties: parts.some((p) => p.additionalProperties) || undefined,
  };
}

/** Every way `value` departs from `schema`; an object may carry no field its schema does not name. */
export function problemsOf(doc: OpenApi, value: unknown, given: Schema, at = '$'): string[] {
  const schema = resolve(doc, given);
  if (value === null && schema.nullable && (schema.allOf || schema.oneOf)) return [];
  if (schema.allOf) {
    const merged = mergedObject(doc, schema.allOf);
    return merged ? problemsOf(doc, value, merged, at) : schema.allOf.flatMap((s) => problemsOf(doc, value, s, at));
  }
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((s) => problemsOf(doc, value, s, at).length === 0);
    if (fits.length !== 1) return [`${at}: fits ${fits.length} of oneOf`];
    if (!schema.discriminator) return [];
    const { propertyName, mapping } = schema.discriminator;
    const tag = (value as Record<string, string>)[propertyName];
    return fits[0].$ref === mapping[tag] ? [] : [`${at}: discriminator ${tag} maps elsewhere`];
  }
  if (value === null) return schema.nullable && (!schema.enum || schema.enum.includes(null)) ? [] : [`${at}: null`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return [`${at}: "${value}" does not match ${schema.pattern}`];
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return [`${at}: not a date-time`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${at}: not a number`];
      if ((schema.minimum ?? -Infinity) > value || (schema.maximum ?? Infinity) < value) return [`${at}: out of bounds`];
      return [];
    case 'integer':
      if (!Number.isInteger(value)) return [`${at}: not an integer`];
      if ((schema.minimum ?? -Infinity) > (value as number) || (schema.maximum ?? Infinity) < (value as number)) return [`${at}: out of bounds`];
      return [];
    case 'array': {
      if (!Array.isArray(value)) return [`${at}: not an array`];
      if (schema.uniqueItems && new Set(value).size !== value.length) return [`${at}: repeated items`];
      return value.flatMap((item, i) => problemsOf(doc, item, schema.items as Schema, `${at}[${i}]`));
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      return [
        ...(schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`),
        ...Object.keys(record).filter((key) => !(key in properties) && !schema.additionalProperties).map((key) => `${at}.${key}: not documented`),
        ...Object.entries(record).filter(([key]) => key in properties).flatMap(([key, v]) => problemsOf(doc, v, properties[key], `${at}.${key}`)),
      ];
    }
    default:
      return [`${at}: schema without a type (${JSON.stringify(schema)})`];
  }
}
