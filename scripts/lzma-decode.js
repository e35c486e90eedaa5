// An LZMA decoder for the page's boot script (scripts/inline-wasm.mjs inlines this file): turns
// `xz --format=lzma` output (the .lzma "alone" format: a 13-byte header, then one LZMA stream
// with its end marker) back into the wasm bytes, `size` of them. Written from the LZMA
// specification (lzma-specification.txt in Igor Pavlov's LZMA SDK, public domain): the range
// decoder, the adaptive bit models, the literal, length and distance coders and the 12-state
// machine, nothing more. About 1.5 KB gzip'd, where xz-embedded's wasm took 5.4 KB.
// Throws on input that is not such a stream.
function lzmaDecode(input, size) {
  let props = input[0];
  const lc = props % 9;
  props = (props / 9) | 0;
  const lp = props % 5;
  const pb = (props / 5) | 0;
  const out = new Uint8Array(size);
  let at = 13;
  // The range decoder: `range` and `code` as unsigned 32-bit numbers.
  if (input[at++] !== 0) throw new Error('lzma: bad range coder start');
  let range = 0xffffffff;
  let code = 0;
  for (let i = 0; i < 4; i++) code = ((code << 8) | input[at++]) >>> 0;
  // Every probability, 11-bit, starting at one half. Offsets into `probs`:
  const IS_MATCH = 0; // [state][posState]: 192
  const IS_REP = 192; // [state]: 12 each
  const IS_REP_G0 = 204;
  const IS_REP_G1 = 216;
  const IS_REP_G2 = 228;
  const IS_REP0_LONG = 240; // [state][posState]: 192
  const POS_SLOT = 432; // [lenState][64]: 256
  const POS_SPECIAL = 688; // 115 (1 + 128 - 14)
  const ALIGN = 803; // 16
  const LEN = 819; // a length coder: 514 each (choice, choice2, low 16×8, mid 16×8, high 256)
  const REP_LEN = LEN + 514;
  const LITERAL = REP_LEN + 514; // 0x300 per literal context
  const probs = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);
  const bit = (index) => {
    const bound = (range >>> 11) * probs[index];
    let value;
    if (code < bound) {
      range = bound;
      probs[index] += (2048 - probs[index]) >>> 5;
      value = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[index] -= probs[index] >>> 5;
      value = 1;
    }
    if (range < 0x1000000) {
      range = (range << 8) >>> 0;
      code = ((code << 8) | input[at++]) >>> 0;
    }
    return value;
  };
  const tree = (base, bits) => {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | bit(base + m);
    return m - (1 << bits);
  };
  const reverseTree = (base, bits) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  };
  const direct = (bits) => {
    let result = 0;
    for (let i = 0; i < bits; i++) {
      range >>>= 1;
      let b = 0;
      if (code >= range) {
        code -= range;
        b = 1;
      }
      result = ((result << 1) | b) >>> 0;
      if (range < 0x1000000) {
        range = (range << 8) >>> 0;
        code = ((code << 8) | input[at++]) >>> 0;
      }
    }
    return result;
  };
  // A length coder at `base`: 2..273, returned as 0..271.
  const length = (base, posState) => {
    if (!bit(base)) return tree(base + 2 + (posState << 3), 3);
    if (!bit(base + 1)) return 8 + tree(base + 130 + (posState << 3), 3);
    return 16 + tree(base + 258, 8);
  };
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let pos = 0;
  for (;;) {
    const posState = pos & pbMask;
    if (!bit(IS_MATCH + (state << 4) + posState)) {
      const previous = pos > 0 ? out[pos - 1] : 0;
      const base = LITERAL + 0x300 * (((pos & lpMask) << lc) + (previous >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[pos - rep0 - 1];
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        } while (symbol < 0x100);
      }
      // The plain literal's eight bits, the hottest loop: `bit` written out, as a call per bit
      // costs the most while the boot script still runs in the interpreter.
      while (symbol < 0x100) {
        const index = base + symbol;
        const p = probs[index];
        const bound = (range >>> 11) * p;
        if (code < bound) {
          range = bound;
          probs[index] = p + ((2048 - p) >>> 5);
          symbol <<= 1;
        } else {
          range -= bound;
          code -= bound;
          probs[index] = p - (p >>> 5);
          symbol = (symbol << 1) | 1;
        }
        if (range < 0x1000000) {
          range = (range << 8) >>> 0;
          code = ((code << 8) | input[at++]) >>> 0;
        }
      }
      if (pos >= size) throw new Error('lzma: more bytes than expected');
      out[pos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(IS_REP + state)) {
      if (pos === 0) throw new Error('lzma: a repeat before any byte');
      if (!bit(IS_REP_G0 + state)) {
        if (!bit(IS_REP0_LONG + (state << 4) + posState)) {
          // A short repeat: one byte from rep0.
          state = state < 7 ? 9 : 11;
          if (pos >= size) throw new Error('lzma: more bytes than expected');
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let distance;
        if (!bit(IS_REP_G1 + state)) {
          distance = rep1;
        } else {
          if (!bit(IS_REP_G2 + state)) {
            distance = rep2;
          } else {
            distance = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = distance;
      }
      len = length(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(LEN, posState);
      state = state < 7 ? 7 : 10;
      // The distance: a 6-bit slot, then the bits below it.
      const slot = tree(POS_SLOT + ((len < 3 ? len : 3) << 6), 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const bits = (slot >>> 1) - 1;
        let distance = ((2 | (slot & 1)) << bits) >>> 0;
        if (slot < 14) {
          distance += reverseTree(POS_SPECIAL + distance - slot, bits);
        } else {
          distance = (distance + (direct(bits - 4) << 4)) >>> 0;
          distance += reverseTree(ALIGN, 4);
        }
        rep0 = distance >>> 0;
        // The end marker: the largest distance.
        if (rep0 === 0xffffffff) break;
      }
      if (rep0 >= pos) throw new Error('lzma: a distance before the start');
    }
    len += 2;
    if (pos + len > size) throw new Error('lzma: more bytes than expected');
    for (; len > 0; len--, pos++) out[pos] = out[pos - rep0 - 1];
  }
  if (pos !== size) throw new Error(`lzma: ${pos} bytes where ${size} were expected`);
  return out;
}
