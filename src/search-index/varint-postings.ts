/**
 * The on-disk form of posting lists: each list as gaps between passage numbers, in LEB128 varints. A frequent
 * character's gaps are mostly one byte, so the lists take about a third of their four-byte form.
 */

/** Encodes sorted lists (`postings[offsets[i] .. offsets[i+1])`) as varint gaps, restarting at each list. */
export function encodePostings(postings: Int32Array, offsets: Uint32Array): Buffer {
  const out = Buffer.allocUnsafe(postings.length * 5);
  let at = 0;
  for (let list = 0; list + 1 < offsets.length; list++) {
    let previous = 0;
    for (let k = offsets[list]; k < offsets[list + 1]; k++) {
      let gap = postings[k] - previous;
      previous = postings[k];
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      out[at++] = gap;
    }
  }
  return out.subarray(0, at);
}

/** Decodes what encodePostings wrote; throws when the bytes do not hold exactly the expected lists. */
export function decodePostings(bytes: Uint8Array, offsets: Uint32Array): Int32Array {
  const total = offsets[offsets.length - 1] ?? 0;
  const postings = new Int32Array(total);
  let at = 0;
  for (let list = 0; list + 1 < offsets.length; list++) {
    let previous = 0;
    for (let k = offsets[list]; k < offsets[list + 1]; k++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= bytes.length) throw new Error('posting lists end early');
        byte = bytes[at++];
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      previous += gap;
      postings[k] = previous;
    }
  }
  if (at !== bytes.length) throw new Error('posting lists have trailing bytes');
  return postings;
}
