//! JSON string escapes (`\"`, `\n`, `\u00e9`, surrogate pairs): the one decoder the reader and
//! [`embed`](crate::embed) (which maps decoded bytes back to the paste) share.

/// Why an escape cannot be read, with the byte offset of the problem from the backslash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscapeError {
    /// The text ends inside the escape.
    UnexpectedEnd(usize),
    /// A byte that cannot be part of an escape there.
    Invalid(usize),
}

/// The character the escape at the start of `rest` (which starts with its backslash) stands for,
/// and the escape's length in bytes.
///
/// A high surrogate followed by an escaped low one is one character (12 bytes); a lone surrogate
/// decodes to U+FFFD, as Go's `encoding/json` does.
pub fn decode_escape(rest: &[u8]) -> Result<(char, usize), EscapeError> {
    let Some(&letter) = rest.get(1) else {
        return Err(EscapeError::UnexpectedEnd(1));
    };
    let decoded = match letter {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(rest),
        _ => return Err(EscapeError::Invalid(1)),
    };
    Ok((decoded, 2))
}

/// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`.
fn unicode_escape(rest: &[u8]) -> Result<(char, usize), EscapeError> {
    let first = hex4(rest, 2)?;
    if (0xD800..0xDC00).contains(&first) && rest.get(6..8) == Some(b"\\u") {
        let second = hex4(rest, 8)?;
        if (0xDC00..0xE000).contains(&second) {
            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            return Ok((char::from_u32(code).unwrap_or('\u{FFFD}'), 12));
        }
    }
    Ok((char::from_u32(first).unwrap_or('\u{FFFD}'), 6))
}

/// The four hex digits at `at` of `rest`.
fn hex4(rest: &[u8], at: usize) -> Result<u32, EscapeError> {
    let digits = rest.get(at..at + 4).ok_or(EscapeError::UnexpectedEnd(at))?;
    let mut code = 0;
    for &digit in digits {
        let value = char::from(digit)
            .to_digit(16)
            .ok_or(EscapeError::Invalid(at))?;
        code = code * 16 + value;
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode_with_their_length() {
        assert_eq!(decode_escape(b"\\n rest"), Ok(('\n', 2)));
        assert_eq!(decode_escape(b"\\u00e9"), Ok(('é', 6)));
        assert_eq!(decode_escape(b"\\ud83d\\ude00"), Ok(('😀', 12)));
        // A lone surrogate is U+FFFD, and the escape after it is read on its own.
        assert_eq!(decode_escape(b"\\ud83d\\u0041"), Ok(('\u{FFFD}', 6)));
    }

    #[test]
    fn bad_escapes_say_where() {
        assert_eq!(decode_escape(b"\\"), Err(EscapeError::UnexpectedEnd(1)));
        assert_eq!(decode_escape(b"\\x"), Err(EscapeError::Invalid(1)));
        assert_eq!(decode_escape(b"\\u12"), Err(EscapeError::UnexpectedEnd(2)));
        assert_eq!(decode_escape(b"\\u12g4"), Err(EscapeError::Invalid(2)));
        assert_eq!(
            decode_escape(b"\\ud83d\\u12"),
            Err(EscapeError::UnexpectedEnd(8))
        );
    }
}
