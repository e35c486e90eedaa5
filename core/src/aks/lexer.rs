//! A shell-like tokenizer for pasted command lines that keeps the byte span of every word.
//!
//! People paste `az` commands written for bash (`\` line continuations), PowerShell (backtick
//! continuations) and cmd (`^` continuations), with single and double quotes, `$VAR`, `$(...)`,
//! `%VAR%`, comments and shell prompts. Shell-words crates decode such lines but forget where each
//! word was; the rules need the exact bytes of a value to point at it and to replace it with a
//! minimal edit. This tokenizer is small on purpose: it understands only what decides where a word
//! starts and ends and what its value is, never panics, and reports an unclosed quote with its
//! position.
//!
//! Each [`Word`] keeps its decoded value and a map from value offsets back to text offsets, so a
//! rule can point at (or replace) a part of a word such as the value of `--pod-cidr=10.0.0.0/8`.

use alloc::string::String;
use alloc::vec::Vec;

/// A run of value bytes copied unchanged from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Offset in the decoded value.
    value_start: usize,
    /// Offset in the text.
    text_start: usize,
    /// Length in bytes.
    len: usize,
}

/// One word of a command line: its decoded value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Text offset of the word's first byte (an opening quote included).
    pub start: usize,
    /// Text offset one past the word's last byte (a closing quote included).
    pub end: usize,
    /// The value after quote removal and escapes; expansions are kept as written.
    pub value: String,
    /// True when any part of the word was quoted.
    pub quoted: bool,
    /// True when the word holds a shell expansion (`$VAR`, `$(...)`, `%VAR%`) whose value is unknown.
    pub opaque: bool,
    pieces: Vec<Piece>,
}

impl Word {
    /// The text range holding value bytes `value_start..value_end` (quotes around them excluded).
    pub fn text_range(&self, value_start: usize, value_end: usize) -> (usize, usize) {
        let start = self.text_offset(value_start, false);
        let end = if value_end <= value_start {
            start
        } else {
            self.text_offset(value_end, true)
        };
        (start, end.max(start))
    }

    /// The text offset of value offset `at`; `at_end` maps an end offset to the end of the piece
    /// it closes rather than the start of the next one.
    fn text_offset(&self, at: usize, at_end: bool) -> usize {
        for piece in &self.pieces {
            let inside = if at_end {
                at > piece.value_start && at <= piece.value_start + piece.len
            } else {
                at >= piece.value_start && at < piece.value_start + piece.len
            };
            if inside {
                return piece.text_start + (at - piece.value_start);
            }
        }
        if at_end {
            self.end
        } else {
            self.pieces.first().map_or(self.start, |p| p.text_start)
        }
    }

    /// The word split in two at value offset `at`, when it is written exactly as it reads (no
    /// quotes or escapes; expansions are kept as written), so that both halves keep exact text
    /// ranges. A half is opaque when it holds an expansion.
    pub fn split_literal(&self, at: usize) -> Option<(Word, Word)> {
        let literal = !self.quoted
            && self.end - self.start == self.value.len()
            && matches!(self.pieces[..], [Piece { value_start: 0, text_start, len }]
                if text_start == self.start && len == self.value.len());
        if !literal || at == 0 || at >= self.value.len() || !self.value.is_char_boundary(at) {
            return None;
        }
        let half = |start: usize, value: &str| Word {
            start,
            end: start + value.len(),
            value: String::from(value),
            quoted: false,
            opaque: self.opaque && value.contains(['$', '%', '`']),
            pieces: alloc::vec![Piece {
                value_start: 0,
                text_start: start,
                len: value.len()
            }],
        };
        let (head, tail) = self.value.split_at(at);
        Some((half(self.start, head), half(self.start + at, tail)))
    }

    /// The words inside a word written as `` `--flag value` `` (bash command substitution,
    /// usually Markdown's code formatting pasted into a command), split at blanks, each with its
    /// exact text range: what the author meant. `None` for any other word.
    pub fn backticked_words(&self) -> Option<Vec<Word>> {
        let inner = self.value.strip_prefix('`')?.strip_suffix('`')?;
        let literal = self.end - self.start == self.value.len();
        if !literal || !inner.starts_with('-') {
            return None;
        }
        let mut words = Vec::new();
        let mut offset = self.start + 1;
        for part in inner.split([' ', '\t']) {
            if !part.is_empty() {
                words.push(Word {
                    start: offset,
                    end: offset + part.len(),
                    value: String::from(part),
                    quoted: false,
                    opaque: part.contains(['$', '%']),
                    pieces: alloc::vec![Piece {
                        value_start: 0,
                        text_start: offset,
                        len: part.len(),
                    }],
                });
            }
            offset += part.len() + 1;
        }
        Some(words)
    }

    fn push(&mut self, text: &str, text_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        let value_start = self.value.len();
        self.value.push_str(&text[text_start..text_start + len]);
        if let Some(last) = self.pieces.last_mut() {
            if last.value_start + last.len == value_start
                && last.text_start + last.len == text_start
            {
                last.len += len;
                return;
            }
        }
        self.pieces.push(Piece {
            value_start,
            text_start,
            len,
        });
    }
}

/// A line-continuation marker: bash `\`, PowerShell backtick or cmd `^` before a line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Continuation {
    /// The marker character.
    pub marker: char,
    /// Text offset of the marker.
    pub at: usize,
    /// Text offset where the blanks before the marker start (the marker's separation).
    pub gap_start: usize,
}

impl Continuation {
    /// The blanks between the marker and the line break, when there are any: the shell reads
    /// `\ ` as an escaped blank and ends the command at the line break (so do PowerShell and cmd).
    pub fn trailing_blanks(&self, text: &str) -> Option<(usize, usize)> {
        let start = self.at + 1;
        let end = skip_blanks(text, start);
        (end > start).then_some((start, end))
    }
}

/// One command as the shell would split it: the words up to an unquoted line break, `;`, `&&`,
/// `||`, `|` or `&`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCommand {
    /// The words in order.
    pub words: Vec<Word>,
    /// Text offset of the first word.
    pub start: usize,
    /// Text offset one past the last byte read for this command.
    pub end: usize,
    /// The continuations that joined its lines, in order.
    pub continuations: Vec<Continuation>,
    /// Set when the command could not be read to its end (an unclosed quote or expansion).
    pub error: Option<LexError>,
    /// Offset of a comment that ended the command although the next line goes on with a flag:
    /// the shell runs the lines after it as a separate command.
    pub broken_by_comment: Option<usize>,
    /// Offsets of the ends of lines that end without a continuation marker although the next
    /// line goes on with a flag (`  --node-count 3`): the shell ends the command there and runs
    /// the next lines as separate commands. The command is read on through them, as its author
    /// meant it, so that its flags are checked in one pass.
    pub missing_continuations: Vec<usize>,
}

/// Why a command line could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    /// Text offset of the construct that was not closed.
    pub at: usize,
    /// A plain-language description.
    pub message: &'static str,
}

/// Reads every command that starts with the word `az` at the start of a line (after blanks and
/// a shell prompt), or right after `;`, `&&`, `||` or `|` ending such a command. Other lines (prose,
/// output, other programs) are skipped without being read, so an apostrophe in prose never opens
/// a quote.
pub fn az_commands(text: &str) -> Vec<RawCommand> {
    let mut commands = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let mut resume = next_line(text, line_start);
        let mut at = command_start(text, line_start);
        while let Some((start, substituted)) = at {
            let (command, separator_end) = read_command(text, start, substituted);
            resume = resume.max(next_line(text, command.end.max(start)));
            let chained = separator_end.map(|end| skip_blanks(text, end));
            commands.push(command);
            at = chained
                .filter(|&next| starts_with_word(text, next, "az"))
                .map(|next| (next, false));
        }
        line_start = resume;
    }
    commands
}

/// The one command whose first word starts at `start`, read as the shell splits it (another
/// program's command line: kube-controller-manager, `kubeadm init`, `k3s server`).
pub fn command_at(text: &str, start: usize) -> RawCommand {
    read_command(text, start, false).0
}

/// The offset of `az` on the line starting at `line_start`, after blanks and a prompt, and
/// whether it runs inside a command substitution (`ID=$(az aks create …)`, `export X="$(az …`).
fn command_start(text: &str, line_start: usize) -> Option<(usize, bool)> {
    let at = skip_blanks(text, line_start);
    let at = skip_prompt(text, at);
    if starts_with_word(text, at, "az") {
        return Some((at, false));
    }
    let rest = &text[at..];
    let rest = rest.strip_prefix("export ").unwrap_or(rest);
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let after_name = if name_len > 0 && rest[name_len..].starts_with('=') {
        &rest[name_len + 1..]
    } else {
        rest
    };
    let after_quote = after_name.strip_prefix('"').unwrap_or(after_name);
    let inner = after_quote.strip_prefix("$(")?;
    let start = text.len() - inner.len();
    let start = skip_blanks(text, start);
    starts_with_word(text, start, "az").then_some((start, true))
}

/// Skips a shell prompt: `$ `, `> `, `PS>`, `PS C:\dir> `, `C:\dir>`.
fn skip_prompt(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let line = rest.split('\n').next().unwrap_or_default();
    if let Some(after) = rest.strip_prefix("$ ").or_else(|| rest.strip_prefix("> ")) {
        return skip_blanks(text, text.len() - after.len());
    }
    let looks_like_prompt = rest.starts_with("PS>")
        || rest.starts_with("PS ")
        || (rest.len() > 2
            && rest.as_bytes()[1] == b':'
            && rest.as_bytes()[0].is_ascii_alphabetic());
    if looks_like_prompt {
        if let Some(close) = line.find('>') {
            let before = &line[..close];
            if !before.contains(' ') || before.starts_with("PS ") {
                return skip_blanks(text, at + close + 1);
            }
        }
    }
    at
}

fn starts_with_word(text: &str, at: usize, word: &str) -> bool {
    let rest = &text[at.min(text.len())..];
    rest.starts_with(word)
        && rest[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\r' || c == '\n' || is_unicode_blank(c))
}

/// A space character other than the blank and the tab (no-break, thin, narrow no-break, ideographic
/// and zero-width spaces). Rendered docs and chat put them between words; the shell does not split
/// on them, but they separate what the author meant as words, so the lexer does (and
/// `aks/unicode-punctuation` reports each).
pub fn is_unicode_blank(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The byte length of the blank (ASCII or Unicode) at `at`, or 0.
fn blank_len(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b' ' | b'\t') => 1,
        Some(byte) if *byte >= 0x80 => text[at..]
            .chars()
            .next()
            .filter(|c| is_unicode_blank(*c))
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

fn skip_blanks(text: &str, mut at: usize) -> usize {
    loop {
        let len = blank_len(text, at);
        if len == 0 {
            return at;
        }
        at += len;
    }
}

fn next_line(text: &str, at: usize) -> usize {
    text[at.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |newline| at + newline + 1)
}

/// If a continuation marker stands at `at` (followed by blanks and a line break, or the end of
/// the text), returns the offset just past the line break.
fn continuation_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(at), Some(b'\\' | b'`' | b'^')) {
        return None;
    }
    let mut next = skip_blanks(text, at + 1);
    if bytes.get(next) == Some(&b'\r') {
        next += 1;
    }
    match bytes.get(next) {
        Some(b'\n') => Some(next + 1),
        None => Some(next),
        _ => None,
    }
}

/// Reads one command from `start`. Returns it and, when it ended at `;`, `&&`, `||`, `|` or `&`,
/// the offset just past that separator.
///
/// In a command substitution (`substituted`) an unquoted `)` ends the command too.
// One copy in the page for both callers (`az_commands`, `command_at`), not one inlined in each.
#[inline(never)]
fn read_command(text: &str, start: usize, substituted: bool) -> (RawCommand, Option<usize>) {
    let bytes = text.as_bytes();
    let mut command = RawCommand {
        start,
        end: start,
        ..RawCommand::default()
    };
    let mut at = start;
    loop {
        let blanks_start = at;
        at = skip_blanks(text, at);
        let Some(&byte) = bytes.get(at) else {
            command.end = text.len();
            return (command, None);
        };
        if let Some(next) = continuation_end(text, at) {
            command.continuations.push(Continuation {
                marker: char::from(byte),
                at,
                gap_start: blanks_start,
            });
            at = next;
            continue;
        }
        match byte {
            b'\n' | b'\r' if byte == b'\n' || bytes.get(at + 1) == Some(&b'\n') => {
                if next_line_continues(text, at) {
                    // The marker goes at the end of this line's content: after its last word, or
                    // on a blank line a continued line ran into.
                    let content_end = text[..at].trim_end_matches([' ', '\t']).len();
                    command
                        .missing_continuations
                        .push(content_end.max(command.start));
                    at = next_line(text, at);
                    continue;
                }
                command.end = at;
                return (command, None);
            }
            b')' if substituted => {
                command.end = at;
                return (command, None);
            }
            b'#' => {
                let comment = at;
                at = text[at..].find('\n').map_or(text.len(), |n| at + n);
                command.end = at;
                let next_line = skip_blanks(text, (at + 1).min(text.len()));
                if !command.continuations.is_empty() && text[next_line..].starts_with('-') {
                    command.broken_by_comment = Some(comment);
                }
                return (command, None);
            }
            b';' | b'|' | b'&' => {
                command.end = at;
                let doubled = bytes.get(at + 1) == Some(&byte) && byte != b';';
                return (command, Some(at + 1 + usize::from(doubled)));
            }
            _ => {}
        }
        match read_word(text, at, &mut command.continuations, substituted) {
            Ok(word) => {
                at = word.end;
                command.end = word.end;
                command.words.push(word);
            }
            Err((word, error)) => {
                if !word.value.is_empty() {
                    command.words.push(word);
                }
                command.end = text.len();
                command.error = Some(error);
                return (command, None);
            }
        }
    }
}

/// True when the line after the line break at `at` goes on with a flag (`--name x`, or an
/// indented `  -g rg`) as a continued line does: the shape of a command whose line lost its marker.
fn next_line_continues(text: &str, at: usize) -> bool {
    let next = next_line(text, at);
    let flag_at = skip_blanks(text, next);
    let indented = flag_at > next;
    let rest = &text.as_bytes()[flag_at..];
    match rest {
        [b'-', b'-', c, ..] => c.is_ascii_alphabetic(),
        // A single-dash word at the start of a line may be a Markdown list item.
        [b'-', c, b' ' | b'\t', ..] => indented && c.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Reads one word starting at `start` (which is not a blank or separator).
fn read_word(
    text: &str,
    start: usize,
    continuations: &mut Vec<Continuation>,
    substituted: bool,
) -> Result<Word, (Word, LexError)> {
    let bytes = text.as_bytes();
    let mut word = Word {
        start,
        end: start,
        value: String::new(),
        quoted: false,
        opaque: false,
        pieces: Vec::new(),
    };
    let mut at = start;
    // `` `--flag` `` at the start of a word: bash command substitution (often Markdown code
    // formatting pasted into a command), read as one opaque word.
    if bytes.get(at) == Some(&b'`') {
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        if let Some(close) = text[at + 1..line_end].find('`').filter(|&c| c > 0) {
            let end = at + 1 + close + 1;
            word.opaque = true;
            word.push(text, at, end - at);
            at = end;
        }
    }
    while let Some(&byte) = bytes.get(at) {
        if let Some(next) = continuation_end(text, at) {
            // A continuation right after a word ends it (the command reader records the
            // continuation, so the word's span stops before the marker); one followed by more
            // word characters joins the two lines into one word.
            if matches!(
                bytes.get(next),
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b';' | b'|' | b'&')
            ) {
                break;
            }
            continuations.push(Continuation {
                marker: char::from(byte),
                at,
                gap_start: at,
            });
            at = next;
            continue;
        }
        match byte {
            b' ' | b'\t' | b'\n' | b';' | b'|' | b'&' => break,
            b')' if substituted => break,
            _ if blank_len(text, at) > 0 => break,
            // `{{ .Values.podCidr }}`: a template expression is one value until it is rendered.
            b'{' if bytes.get(at + 1) == Some(&b'{') => {
                let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                match text[at..line_end].find("}}") {
                    Some(close) => {
                        word.opaque = true;
                        word.push(text, at, close + 2);
                        at += close + 2;
                    }
                    None => {
                        word.push(text, at, 1);
                        at += 1;
                    }
                }
            }
            // `<resource-group>`, `< --a | --b >`, `[system|none]`: placeholders and choices the
            // docs write for the reader to fill in, read as one opaque word.
            b'<' | b'[' if at == start => {
                if let Some(end) = bracketed_placeholder(text, at) {
                    word.opaque = true;
                    word.push(text, at, end - at);
                    at = end;
                    continue;
                }
                word.push(text, at, 1);
                at += 1;
            }
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => break,
            b'\'' => {
                word.quoted = true;
                let Some(close) = text[at + 1..].find('\'') else {
                    word.end = text.len();
                    return Err((word, unclosed(at, "a single quote ' is never closed")));
                };
                word.push(text, at + 1, close);
                at += close + 2;
            }
            b'"' => {
                word.quoted = true;
                at = read_double_quoted(text, at, &mut word)?;
            }
            b'$' => at = read_expansion(text, at, &mut word)?,
            b'%' => {
                let name_end = text[at + 1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map(|n| at + 1 + n);
                match name_end {
                    Some(end) if end > at + 1 && bytes[end] == b'%' => {
                        word.opaque = true;
                        word.push(text, at, end + 1 - at);
                        at = end + 1;
                    }
                    _ => {
                        word.push(text, at, 1);
                        at += 1;
                    }
                }
            }
            // As in bash, a backslash escapes a blank or a character the shell would act on;
            // before a letter or digit (Windows paths) it is kept literally.
            b'\\'
                if matches!(
                    bytes.get(at + 1),
                    Some(
                        b' ' | b'\t'
                            | b'"'
                            | b'\''
                            | b'$'
                            | b'\\'
                            | b';'
                            | b'|'
                            | b'&'
                            | b'#'
                            | b'('
                            | b')'
                            | b'<'
                            | b'>'
                            | b'`'
                    )
                ) =>
            {
                word.push(text, at + 1, 1);
                at += 2;
            }
            _ => {
                let len = text[at..].chars().next().map_or(1, char::len_utf8);
                word.push(text, at, len);
                at += len;
            }
        }
    }
    word.end = at;
    Ok(word)
}

/// The end of a docs placeholder opening at `at`: `<…>` (nested `<…>` allowed, on one line) or
/// `[a|b]` (a choice, with a `|` inside, on one line).
fn bracketed_placeholder(text: &str, at: usize) -> Option<usize> {
    let line = &text[at..text[at..].find('\n').map_or(text.len(), |n| at + n)];
    if line.starts_with('[') {
        let close = line.find(']')?;
        return line[..close].contains('|').then_some(at + close + 1);
    }
    let mut depth = 0usize;
    for (offset, byte) in line.bytes().enumerate() {
        match byte {
            b'<' => depth += 1,
            b'>' => {
                depth -= 1;
                if depth == 0 {
                    return (offset > 1).then_some(at + offset + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn unclosed(at: usize, message: &'static str) -> LexError {
    LexError { at, message }
}

/// Reads `"..."` at `open`; returns the offset past the closing quote.
fn read_double_quoted(text: &str, open: usize, word: &mut Word) -> Result<usize, (Word, LexError)> {
    let bytes = text.as_bytes();
    let mut at = open + 1;
    loop {
        let Some(&byte) = bytes.get(at) else {
            word.end = text.len();
            return Err((
                word.clone(),
                unclosed(open, "a double quote \" is never closed"),
            ));
        };
        match byte {
            b'"' => return Ok(at + 1),
            b'\\' | b'`' if matches!(bytes.get(at + 1), Some(b'"' | b'\\' | b'$' | b'`')) => {
                word.push(text, at + 1, 1);
                at += 2;
            }
            b'\\' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
            b'$' => at = read_expansion(text, at, word)?,
            _ => {
                let len = text[at..].chars().next().map_or(1, char::len_utf8);
                word.push(text, at, len);
                at += len;
            }
        }
    }
}

/// Reads `$NAME`, `${NAME}`, `$env:NAME` or `$(...)` at `dollar`, keeping it as written and
/// marking the word opaque. A `$` followed by none of these is a literal `$`.
fn read_expansion(text: &str, dollar: usize, word: &mut Word) -> Result<usize, (Word, LexError)> {
    let bytes = text.as_bytes();
    let end = match bytes.get(dollar + 1) {
        Some(b'(') => match matching(text, dollar + 1, b'(', b')') {
            Some(close) => close + 1,
            None => {
                word.end = text.len();
                return Err((
                    word.clone(),
                    unclosed(dollar, "a command substitution $( is never closed"),
                ));
            }
        },
        // `${NAME}`, and `${NAME:+--flag "${NAME}"}` whole: bash expands it to words or none.
        Some(b'{') => match matching(text, dollar + 1, b'{', b'}') {
            Some(close) => close + 1,
            None => {
                word.end = text.len();
                return Err((
                    word.clone(),
                    unclosed(dollar, "a variable ${ is never closed"),
                ));
            }
        },
        Some(c) if c.is_ascii_alphanumeric() || *c == b'_' => {
            let name = &text[dollar + 1..];
            let len = name
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(name.len());
            dollar + 1 + len
        }
        _ => {
            word.push(text, dollar, 1);
            return Ok(dollar + 1);
        }
    };
    word.opaque = true;
    word.push(text, dollar, end - dollar);
    Ok(end)
}

/// The offset of the `close` byte closing the `open_byte` at `open` (`)` for `(`, `}` for `{`),
/// skipping quoted text and nested pairs.
fn matching(text: &str, open: usize, open_byte: u8, close: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = open;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            _ if byte == open_byte => depth += 1,
            _ if byte == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            b'\'' | b'"' => {
                let close = text[at + 1..].find(char::from(byte))?;
                at += close + 1;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn values(command: &RawCommand) -> Vec<&str> {
        command.words.iter().map(|w| w.value.as_str()).collect()
    }

    fn spans<'t>(text: &'t str, command: &RawCommand) -> Vec<&'t str> {
        command
            .words
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect()
    }

    #[test]
    fn bash_continuations_join_lines_and_keep_spans() {
        let text = "$ az aks create \\\n    --name x \\\n    --pod-cidr '10.244.0.0/16'\n";
        let commands = az_commands(text);
        assert_eq!(commands.len(), 1);
        let command = &commands[0];
        assert_eq!(
            values(command),
            vec![
                "az",
                "aks",
                "create",
                "--name",
                "x",
                "--pod-cidr",
                "10.244.0.0/16"
            ]
        );
        assert_eq!(spans(text, command)[6], "'10.244.0.0/16'");
        let cidr = &command.words[6];
        let (start, end) = cidr.text_range(0, cidr.value.len());
        assert_eq!(&text[start..end], "10.244.0.0/16");
        assert_eq!(command.continuations.len(), 2);
        assert_eq!(command.continuations[0].marker, '\\');
        assert_eq!(
            &text[command.continuations[0].gap_start..command.continuations[0].at],
            " "
        );
    }

    #[test]
    fn powershell_and_cmd_continuations() {
        let ps = "PS C:\\> az aks create `\r\n  -g rg `\r\n  -n aks\r\n";
        let commands = az_commands(ps);
        assert_eq!(
            values(&commands[0]),
            vec!["az", "aks", "create", "-g", "rg", "-n", "aks"]
        );
        assert_eq!(commands[0].continuations[0].marker, '`');
        let cmd = "C:\\work>az aks create ^\n  --name aks ^\n  --node-count 3\n";
        let commands = az_commands(cmd);
        assert_eq!(
            values(&commands[0]),
            vec!["az", "aks", "create", "--name", "aks", "--node-count", "3"]
        );
        assert_eq!(commands[0].continuations[1].marker, '^');
    }

    #[test]
    fn equals_form_maps_value_offsets_into_quotes() {
        let text = "az aks create --pod-cidr=\"10.1.0.0/16\"";
        let word = &az_commands(text)[0].words[3];
        assert_eq!(word.value, "--pod-cidr=10.1.0.0/16");
        let (start, end) = word.text_range(11, word.value.len());
        assert_eq!(&text[start..end], "10.1.0.0/16");
        assert_eq!(word.end, text.len());
    }

    #[test]
    fn an_alternative_expansion_with_quotes_inside_is_one_word() {
        let text = "az aks create -n a \\\n  ${V:+--kubernetes-version \"${V}\"} \\\n  --output table\necho \"done\"\n";
        let command = &az_commands(text)[0];
        let values: Vec<&str> = command.words.iter().map(|w| w.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "az",
                "aks",
                "create",
                "-n",
                "a",
                "${V:+--kubernetes-version \"${V}\"}",
                "--output",
                "table"
            ]
        );
        assert!(command.words[5].opaque);
    }

    #[test]
    fn expansions_are_opaque_and_kept_as_written() {
        let text = "az aks create -g $RG --name \"${NAME}-aks\" --vnet-subnet-id $(az network vnet subnet show -o tsv --query 'id')";
        let command = &az_commands(text)[0];
        assert_eq!(command.words[4].value, "$RG");
        assert!(command.words[4].opaque);
        assert_eq!(command.words[6].value, "${NAME}-aks");
        assert!(command.words[6].opaque);
        assert!(command.words[8].value.starts_with("$(az network"));
        assert!(command.words[8].opaque);
        assert_eq!(command.words.len(), 9);
        assert!(!command.words[2].opaque);
    }

    #[test]
    fn comments_separators_and_several_commands() {
        let text = "# create it\naz aks create -n a # trailing\nsome prose, it's fine\naz group create -n g && az aks update -n a;\n";
        let commands = az_commands(text);
        assert_eq!(commands.len(), 3);
        assert_eq!(values(&commands[0]), vec!["az", "aks", "create", "-n", "a"]);
        assert_eq!(
            values(&commands[1]),
            vec!["az", "group", "create", "-n", "g"]
        );
        assert_eq!(values(&commands[2]), vec!["az", "aks", "update", "-n", "a"]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_at_the_quote() {
        let text = "az aks create --name 'oops\n";
        let command = &az_commands(text)[0];
        let error = command.error.as_ref().expect("error");
        assert_eq!(error.at, 21);
        assert!(error.message.contains("single quote"));
        let text = "az aks create --name \"x $(echo\n";
        assert!(az_commands(text)[0].error.is_some());
    }

    #[test]
    fn escapes_and_literal_backslashes() {
        let text = "az aks create --tags a\\ b --ssh-key-value C:\\keys\\id.pub \\;x";
        let command = &az_commands(text)[0];
        assert_eq!(command.words[7].value, ";x");
        assert_eq!(command.words[4].value, "a b");
        assert_eq!(command.words[6].value, "C:\\keys\\id.pub");
    }

    #[test]
    fn continuation_at_end_of_text_and_inside_words() {
        let text = "az aks create --name x \\";
        assert_eq!(az_commands(text)[0].words.len(), 5);
        let text = "az aks create --na\\\nme x";
        assert_eq!(values(&az_commands(text)[0])[3], "--name");
    }

    #[test]
    fn a_marker_right_after_a_word_is_not_part_of_it() {
        let text = "az aks create -n aks\\\n  -g rg\\";
        let command = &az_commands(text)[0];
        assert_eq!(&text[command.words[4].start..command.words[4].end], "aks");
        assert_eq!(&text[command.words[6].start..command.words[6].end], "rg");
        assert_eq!(command.continuations.len(), 2);
        assert_eq!(command.words.len(), 7);
    }

    #[test]
    fn broken_continuations_are_noticed() {
        let text = "az aks create \\\n  # the plugin\n  --network-plugin azure\n";
        let command = &az_commands(text)[0];
        assert_eq!(command.broken_by_comment, Some(18));
        let text = "az aks create \\  \n  --name x\n";
        let command = &az_commands(text)[0];
        assert_eq!(command.words.len(), 5);
        assert_eq!(
            command.continuations[0].trailing_blanks(text),
            Some((15, 17))
        );
    }

    #[test]
    fn a_line_without_its_marker_before_an_indented_flag_is_noticed() {
        let text = "az aks create \\\n  --name x\n  --node-count 3 \\\n  --zones 1\n";
        let command = &az_commands(text)[0];
        assert_eq!(command.missing_continuations, [26]);
        assert_eq!(&text[..26], "az aks create \\\n  --name x");
        // Read on as meant: the flags below belong to the command.
        assert_eq!(command.words.len(), 9);
        let text = "az aks create --name x\n- a list item\n  more prose\n";
        assert_eq!(az_commands(text)[0].missing_continuations, []);
        let text = "az aks create --name x\r\n    -g rg\r\n    -l westeurope\r\n";
        assert_eq!(az_commands(text)[0].missing_continuations, [22, 33]);
    }

    #[test]
    fn docs_placeholders_and_unicode_blanks() {
        let text = "az aks update -g <group> \\\n< --a <n> | --b <ids> >\n";
        let command = &az_commands(text)[0];
        assert_eq!(
            values(command),
            vec![
                "az",
                "aks",
                "update",
                "-g",
                "<group>",
                "< --a <n> | --b <ids> >"
            ]
        );
        assert!(command.words[5].opaque);
        let text = "az aks create --private-dns-zone [system|none] -n x";
        assert_eq!(az_commands(text)[0].words[4].value, "[system|none]");
        let text = "az aks\u{202f}update --pod-cidr\u{a0}10.0.0.0/8";
        assert_eq!(
            values(&az_commands(text)[0]),
            vec!["az", "aks", "update", "--pod-cidr", "10.0.0.0/8"]
        );
    }

    #[test]
    fn lines_not_starting_with_az_are_skipped() {
        assert!(az_commands("echo az aks create\nkubectl get pods\n").is_empty());
        assert!(az_commands("").is_empty());
        assert!(az_commands("azure aks create").is_empty());
    }
}
