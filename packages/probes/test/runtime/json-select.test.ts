/*
 * json(): selecting one value's raw text from a JSON document, with NULL (null here) for paths
 * that are absent and for text that is malformed before or inside the value.
 */

import { describe, expect, it } from 'vitest';
import { jsonSelect } from '../../src/runtime/json-select.js';

const doc = '{ "name": "web-1", "ports": [80, 443, {"tls": true}], "load": -0.25e2, "tags": {} }';

describe('json()', () => {
  it('returns scalars as written, strings without their quotes', () => {
    expect(jsonSelect(doc, 'name')).toBe('web-1');
    expect(jsonSelect(doc, 'load')).toBe('-0.25e2');
    expect(jsonSelect(doc, 'ports.1')).toBe('443');
    expect(jsonSelect(doc, 'ports[2].tls')).toBe('true');
  });

  it('returns objects and arrays with their own spacing', () => {
    expect(jsonSelect(doc, 'ports')).toBe('[80, 443, {"tls": true}]');
    expect(jsonSelect(doc, 'tags')).toBe('{}');
    expect(jsonSelect('[ [1 ,2] ]', '[0]')).toBe('[1 ,2]');
  });

  it('keeps escapes in strings and refuses bad ones', () => {
    expect(jsonSelect('["a\\tb\\u00e9"]', '0')).toBe('a\\tb\\u00e9');
    expect(jsonSelect('["ok", "bad\\q", "later"]', '0')).toBe('ok');
    expect(jsonSelect('["ok", "bad\\q", "later"]', '2')).toBeNull();
  });

  it('gives null for absent paths and wrong shapes', () => {
    expect(jsonSelect(doc, 'missing')).toBeNull();
    expect(jsonSelect(doc, 'ports.3')).toBeNull();
    expect(jsonSelect(doc, 'name.first')).toBeNull();
    expect(jsonSelect(doc, 'ports.-1')).toBeNull();
    expect(jsonSelect('[]', '0')).toBeNull();
  });

  it('gives null for malformed numbers and documents cut short', () => {
    expect(jsonSelect('[0x10]', '0')).toBeNull();
    expect(jsonSelect('{"n": 12', 'n')).toBeNull();
    expect(jsonSelect('{"b": tru', 'b')).toBeNull();
    expect(jsonSelect('{"n": 12}', 'n')).toBe('12');
  });
});
