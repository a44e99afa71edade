/**
 * The on-disk form of posting lists: each list as gaps between passage numbers, in LEB128 varints. A frequent
 * character's gaps are mostly one byte, so the lists take about a third of their four-byte form.
 */

/** Encodes sorted lists (`postings[offsets[i] .. offsets[i+1])`) as varint gaps, restarting at each list. */
export function encodePostings(postings: Int32Array, offsets: Uint32Array): Buffer {
  // Sized exactly by a first pass: a buffer of five bytes per posting would be held, mostly empty, until saved.
  const out = Buffer.allocUnsafe(encodedLength(postings, offsets));
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
  return out;
}

function encodedLength(postings: Int32Array, offsets: Uint32Array): number {
  let bytes = 0;
  for (let list = 0; list + 1 < offsets.length; list++) {
    let previous = 0;
    for (let k = offsets[list]; k < offsets[list + 1]; k++) {
      const gap = postings[k] - previous;
      previous = postings[k];
      bytes += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5;
    }
  }
  return bytes;
}

/** Decodes what encodePostings wrote; throws when the bytes do not hold exactly the expected lists. */
export function decodePostings(bytes: Uint8Array, offsets: Uint32Array): Int32Array {
  const postings = new Int32Array(offsets[offsets.length - 1] ?? 0);
  const end = decodeLists(bytes, offsets, postings, { list: 0, at: 0 }, Infinity);
  if (end.at !== bytes.length) throw new Error('posting lists have trailing bytes');
  return postings;
}

/**
 * decodePostings in steps of about `step` postings with `pause()` between them, so that a thread loading an index
 * while it serves (a swap) is never held for the whole decode.
 */
export async function decodePostingsInSteps(bytes: Uint8Array, offsets: Uint32Array, pause: () => Promise<void>, step = 1 << 20): Promise<Int32Array> {
  const postings = new Int32Array(offsets[offsets.length - 1] ?? 0);
  let where = { list: 0, at: 0 };
  while (where.list + 1 < offsets.length) {
    where = decodeLists(bytes, offsets, postings, where, step);
    await pause();
  }
  if (where.at !== bytes.length) throw new Error('posting lists have trailing bytes');
  return postings;
}

/** Decodes whole lists from `from` until at least `step` postings are written; says where it stopped. */
function decodeLists(bytes: Uint8Array, offsets: Uint32Array, postings: Int32Array, from: { list: number; at: number }, step: number): { list: number; at: number } {
  let at = from.at;
  let list = from.list;
  const stop = offsets[list] + step;
  for (; list + 1 < offsets.length && offsets[list] < stop; list++) {
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
  return { list, at };
}
