//! The page's boot decoder: `xz --format=lzma` output (the .lzma "alone" format: a 13-byte header,
//! then one LZMA stream with its end marker) back to the page's wasm bytes.
//!
//! Written from the LZMA specification (`lzma-specification.txt` in Igor Pavlov's LZMA SDK, public
//! domain): the range decoder, the adaptive bit models, the literal, length and distance coders
//! and the 12-state machine, nothing else (no xz container, no LZMA2 chunks, no filters, no CRC:
//! `scripts/inline-wasm.mjs` decodes with this very build at build time and compares every byte).
//! About 2.2 KB of wasm (opt-level "s": "z" made it half as fast) where xz-embedded's took 12.5 KB;
//! see ARCHITECTURE.md ("Page size").
//!
//! The caller (the boot script) lays out the memory: it grows it, writes the input at `input`,
//! and gives room for `size` output bytes and the probabilities; [`start`] reads the header,
//! then each [`run`] decodes a chunk (many short calls, so the browser's baseline code is
//! replaced by optimised code after the first: V8 never swaps it during a call). Every slice access is checked:
//! bytes that are not such a stream end in a trap or a non-zero result, never in a write outside
//! the given buffers.
#![no_std]

use core::slice;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Probabilities before the literal coders: is-match 192, is-rep 4×12, is-rep0-long 192,
/// position slots 256, special positions 115, align 16, two length coders of 514.
const LITERAL: usize = 819 + 2 * 514;
const IS_MATCH: usize = 0;
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const POS_SPECIAL: usize = 688;
const ALIGN: usize = 803;
const LEN: usize = 819;
const REP_LEN: usize = LEN + 514;

/// The number of probabilities a stream with these properties needs (`lc + lp` ≤ 12).
#[no_mangle]
pub extern "C" fn probabilities(properties: u32) -> u32 {
    let lc = properties % 9;
    let lp = (properties / 9) % 5;
    (LITERAL + (0x300 << (lc + lp))) as u32
}

/// The range decoder over the input, with the probabilities it adapts.
struct Decoder<'a> {
    input: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
    probs: &'a mut [u16],
}

impl Decoder<'_> {
    fn byte(&mut self) -> u32 {
        let byte = self.input[self.at];
        self.at += 1;
        u32::from(byte)
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.byte();
        }
    }

    fn bit(&mut self, index: usize) -> usize {
        let p = u32::from(self.probs[index]);
        let bound = (self.range >> 11) * p;
        let bit = if self.code < bound {
            self.range = bound;
            self.probs[index] = (p + ((2048 - p) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            self.probs[index] = (p - (p >> 5)) as u16;
            1
        };
        self.normalize();
        bit
    }

    fn tree(&mut self, base: usize, bits: u32) -> usize {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(base + m);
        }
        m - (1 << bits)
    }

    fn reverse_tree(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(base + m);
            m = (m << 1) | bit;
            symbol |= (bit as u32) << i;
        }
        symbol
    }

    fn direct(&mut self, bits: u32) -> u32 {
        let mut result = 0;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = if self.code >= self.range {
                self.code -= self.range;
                1
            } else {
                0
            };
            result = (result << 1) | bit;
            self.normalize();
        }
        result
    }

    /// A length coder at `base`: 2..273, returned as 0..271.
    fn length(&mut self, base: usize, pos_state: usize) -> usize {
        if self.bit(base) == 0 {
            self.tree(base + 2 + (pos_state << 3), 3)
        } else if self.bit(base + 1) == 0 {
            8 + self.tree(base + 130 + (pos_state << 3), 3)
        } else {
            16 + self.tree(base + 258, 8)
        }
    }
}

/// Where a decoding stands between two calls of [`run`]: the buffers the caller gave [`start`],
/// the range decoder and the coder's state.
struct Stream {
    input: *const u8,
    input_len: usize,
    output: *mut u8,
    size: usize,
    probs: *mut u16,
    count: usize,
    properties: u32,
    at: usize,
    range: u32,
    code: u32,
    state: usize,
    reps: [usize; 4],
    pos: usize,
}

static mut STREAM: Stream = Stream {
    input: core::ptr::null(),
    input_len: 0,
    output: core::ptr::null_mut(),
    size: 0,
    probs: core::ptr::null_mut(),
    count: 0,
    properties: 0,
    at: 0,
    range: 0,
    code: 0,
    state: 0,
    reps: [0; 4],
    pos: 0,
};

/// Starts decoding the .lzma stream of `input_len` bytes at `input` into the `size` bytes at
/// `output`, with `probs` (room for [`probabilities`] of them) as the coder's state; [`run`]
/// then decodes it. 0 when the stream starts as one must; 1 otherwise.
///
/// # Safety
/// The three regions are the caller's, inside this module's memory, and do not overlap; they
/// stay the decoder's until [`run`] returns 1 or 2.
#[no_mangle]
pub unsafe extern "C" fn start(
    input: *const u8,
    input_len: usize,
    output: *mut u8,
    size: usize,
    probs: *mut u16,
) -> u32 {
    let bytes = slice::from_raw_parts(input, input_len);
    let properties = u32::from(bytes[0]);
    let count = probabilities(properties) as usize;
    slice::from_raw_parts_mut(probs, count).fill(1024);
    let mut code = 0;
    for &byte in &bytes[14..18] {
        code = (code << 8) | u32::from(byte);
    }
    *core::ptr::addr_of_mut!(STREAM) = Stream {
        input,
        input_len,
        output,
        size,
        probs,
        count,
        properties,
        at: 18,
        range: u32::MAX,
        code,
        state: 0,
        reps: [0; 4],
        pos: 0,
    };
    u32::from(bytes[13] != 0)
}

/// Decodes on from where the last call stopped until at least `until` bytes are out (a chunk,
/// so the browser tiers the code up between calls and the page can yield): 0 when there is more,
/// 1 when the stream ended with its end marker exactly at the expected size, 2 when the bytes
/// are not such a stream.
///
/// # Safety
/// [`start`] was called, and its buffers are still the decoder's.
#[no_mangle]
pub unsafe extern "C" fn run(until: usize) -> u32 {
    let stream = &mut *core::ptr::addr_of_mut!(STREAM);
    let out = slice::from_raw_parts_mut(stream.output, stream.size);
    let mut d = Decoder {
        input: slice::from_raw_parts(stream.input, stream.input_len),
        at: stream.at,
        range: stream.range,
        code: stream.code,
        probs: slice::from_raw_parts_mut(stream.probs, stream.count),
    };
    let properties = stream.properties;
    let lc = properties % 9;
    let lp = (properties / 9) % 5;
    let pb = properties / 45;
    let pb_mask = (1 << pb) - 1;
    let lp_mask = (1 << lp) - 1;
    let mut state = stream.state;
    let [mut rep0, mut rep1, mut rep2, mut rep3] = stream.reps;
    let mut pos = stream.pos;
    let status = loop {
        if pos >= until {
            break 0;
        }
        let pos_state = pos & pb_mask;
        if d.bit(IS_MATCH + (state << 4) + pos_state) == 0 {
            let previous = if pos > 0 {
                usize::from(out[pos - 1])
            } else {
                0
            };
            let base = LITERAL + 0x300 * (((pos & lp_mask) << lc) + (previous >> (8 - lc)));
            let mut symbol = 1;
            if state >= 7 {
                let mut match_byte = usize::from(out[pos - rep0 - 1]);
                while symbol < 0x100 {
                    let match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let bit = d.bit(base + ((1 + match_bit) << 8) + symbol);
                    symbol = (symbol << 1) | bit;
                    if match_bit != bit {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | d.bit(base + symbol);
            }
            out[pos] = (symbol - 0x100) as u8;
            pos += 1;
            state = if state < 4 {
                0
            } else if state < 10 {
                state - 3
            } else {
                state - 6
            };
            continue;
        }
        let len;
        if d.bit(IS_REP + state) == 1 {
            if pos == 0 {
                break 2;
            }
            if d.bit(IS_REP_G0 + state) == 0 {
                if d.bit(IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    // A short repeat: one byte from rep0.
                    state = if state < 7 { 9 } else { 11 };
                    out[pos] = out[pos - rep0 - 1];
                    pos += 1;
                    continue;
                }
            } else {
                let distance;
                if d.bit(IS_REP_G1 + state) == 0 {
                    distance = rep1;
                } else {
                    if d.bit(IS_REP_G2 + state) == 0 {
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
            len = d.length(REP_LEN, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            len = d.length(LEN, pos_state);
            state = if state < 7 { 7 } else { 10 };
            // The distance: a 6-bit slot, then the bits below it.
            let slot = d.tree(POS_SLOT + (len.min(3) << 6), 6) as u32;
            if slot < 4 {
                rep0 = slot as usize;
            } else {
                let bits = (slot >> 1) - 1;
                let mut distance = (2 | (slot & 1)) << bits;
                if slot < 14 {
                    distance += d.reverse_tree(POS_SPECIAL + (distance - slot) as usize, bits);
                } else {
                    distance += d.direct(bits - 4) << 4;
                    distance += d.reverse_tree(ALIGN, 4);
                }
                // The end marker: the largest distance.
                if distance == u32::MAX {
                    break if pos == stream.size { 1 } else { 2 };
                }
                rep0 = distance as usize;
            }
            if rep0 >= pos {
                break 2;
            }
        }
        for _ in 0..len + 2 {
            out[pos] = out[pos - rep0 - 1];
            pos += 1;
        }
    };
    stream.at = d.at;
    stream.range = d.range;
    stream.code = d.code;
    stream.state = state;
    stream.reps = [rep0, rep1, rep2, rep3];
    stream.pos = pos;
    status
}
