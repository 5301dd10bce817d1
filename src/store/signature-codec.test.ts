import { describe, expect, it } from 'vitest';
import { decodeSignature, encodeSignature } from './signature-codec.js';

describe('signature codec', () => {
  it('round-trips the full uint32 range in little-endian order', () => {
    const signature = new Uint32Array([0, 1, 0xffffffff, 0x01020304]);
    const bytes = encodeSignature(signature);
    expect([...bytes.subarray(12)]).toEqual([4, 3, 2, 1]);
    expect(decodeSignature(bytes)).toEqual(signature);
  });

  it('decodes from an unaligned view into a larger buffer', () => {
    const buffer = new Uint8Array(9);
    buffer.set(encodeSignature(new Uint32Array([7, 8])), 1);
    expect([...decodeSignature(buffer.subarray(1))]).toEqual([7, 8]);
  });

  it('refuses a byte string that is not whole uint32s', () => {
    expect(() => decodeSignature(new Uint8Array(6))).toThrow(RangeError);
  });
});
