import { ManifestError, describeValue } from './errors';
import { Field, FieldType } from './schema';
import { didYouMean } from '../suggest';

/** Objects with more fields than this are not listed in an unknown-field message. */
const LISTED_FIELDS = 40;

/** Appends a key to a field path: `spec.ingress`, or `metadata.labels["app.kubernetes.io/name"]`. */
function childPath(path: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

export function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OBJECT_EXPECTED = 'a mapping';

/** Reads one value against its schema type; returns a fresh plain value or throws ManifestError. */
export function readValue(type: FieldType, value: unknown, path: string, location: string): unknown {
  const fail = (expected: string): never => {
    throw new ManifestError(location, path, describeValue(value), expected);
  };
  switch (type.t) {
    case 'string':
      return typeof value === 'string' ? value : fail('a string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('a number');
    case 'integer':
      return Number.isSafeInteger(value) ? value : fail('an integer');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'intOrString':
      if (typeof value === 'string' && (value !== '' || type.allowEmpty === true)) return value;
      return Number.isSafeInteger(value) && (value as number) >= 0 ? String(value) : fail(type.expected);
    case 'stringMap': {
      if (!isRecord(value)) return fail('a mapping of strings to strings');
      const out: { [key: string]: string } = {};
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') {
          throw new ManifestError(location, childPath(path, k), describeValue(v), 'a string (quote numbers and booleans)');
        }
        out[k] = v;
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value)) return fail('a list');
      return value.map((item, i) => readValue(type.of, item, `${path}[${i}]`, location));
    case 'object':
      return isRecord(value) ? readObject(type.fields, type.ignore ?? [], value, path, location) : fail(OBJECT_EXPECTED);
  }
}

function readObject(
  fields: readonly Field[], ignore: readonly string[], value: { readonly [key: string]: unknown }, path: string, location: string,
): { [key: string]: unknown } {
  const known = new Set(fields.map((fd) => fd.key));
  for (const key of Object.keys(value)) {
    if (!known.has(key) && !ignore.includes(key) && !ignore.includes('*')) {
      const names = [...known, ...ignore];
      throw new ManifestError(location, childPath(path, key), `unknown field ${JSON.stringify(key)}${didYouMean(key, names)}`,
        names.length > LISTED_FIELDS ? `one of the ${names.length} fields of this object` : `one of the fields ${fields.map((fd) => fd.key).join(', ')}`);
    }
  }
  const out: { [key: string]: unknown } = {};
  for (const field of fields) {
    const v = value[field.key];
    const where = childPath(path, field.key);
    if (v === undefined || v === null) {
      if (field.required) throw new ManifestError(location, where, 'nothing', 'a value (the field is required)');
      continue;
    }
    out[field.key] = readValue(field.type, v, where, location);
  }
  return out;
}
