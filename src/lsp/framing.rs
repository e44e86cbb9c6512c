//! LSP base-protocol framing: `Content-Length` headers around JSON bodies.
//!
//! copydesk reads the client's byte stream itself, in front of tower-lsp, because tower-lsp
//! 0.20 stops reading for good after the first message it cannot decode. This reader never
//! gives up: a missing or wrong `Content-Length`, a body cut short or garbage between messages
//! each yields a [`Frame::Malformed`], and reading resumes at the next header it can find.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Bodies larger than this are read and dropped rather than kept in memory.
const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;
/// A header line longer than this is garbage, not a header.
const MAX_HEADER_LINE: usize = 8 * 1024;
const CONTENT_LENGTH: &[u8] = b"content-length:";
/// The buffer's capacity at the start, enough for ordinary messages.
const INITIAL_CAPACITY: usize = 64 * 1024;
/// A buffer with more capacity than this is replaced by a fresh one once it is empty.
const KEPT_CAPACITY: usize = 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A complete body as sent; it may still be invalid JSON.
    Body(Vec<u8>),
    /// Something that is not a well-formed message, with what was wrong.
    Malformed(String),
    /// The stream ended.
    Eof,
}

pub struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
    position: usize,
    eof: bool,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(reader: R) -> Self {
        FrameReader {
            reader,
            buffer: Vec::with_capacity(INITIAL_CAPACITY),
            position: 0,
            eof: false,
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        if self.position > 0 && self.position == self.buffer.len() {
            self.buffer.clear();
            self.position = 0;
            // A buffer grown for one huge message gives its memory back once that message is
            // read; keeping the capacity would hold a 120 MB message's memory for ever.
            if self.buffer.capacity() > KEPT_CAPACITY {
                self.buffer = Vec::with_capacity(INITIAL_CAPACITY);
            }
        } else if self.position > 1024 * 1024 {
            self.buffer.drain(..self.position);
            self.position = 0;
            self.buffer
                .shrink_to(self.buffer.len().max(INITIAL_CAPACITY));
        }
        let mut chunk = [0u8; 64 * 1024];
        match self.reader.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                self.eof = true;
                false
            }
            Ok(count) => {
                self.buffer.extend_from_slice(&chunk[..count]);
                true
            }
        }
    }

    /// The next line without its line ending; `None` at the end of the stream. Overlong lines
    /// are returned cut to `MAX_HEADER_LINE` (they are garbage either way).
    async fn read_line(&mut self) -> Option<Vec<u8>> {
        loop {
            let pending = &self.buffer[self.position..];
            if let Some(newline) = pending.iter().position(|&byte| byte == b'\n') {
                let mut line = pending[..newline].to_vec();
                self.position += newline + 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                line.truncate(MAX_HEADER_LINE);
                return Some(line);
            }
            if pending.len() > MAX_HEADER_LINE {
                let line = pending[..MAX_HEADER_LINE].to_vec();
                self.position += pending.len();
                return Some(line);
            }
            if !self.fill().await {
                if self.position < self.buffer.len() {
                    let line = self.buffer[self.position..].to_vec();
                    self.position = self.buffer.len();
                    return Some(line);
                }
                return None;
            }
        }
    }

    /// Reads exactly `length` bytes, or what is left of the stream.
    async fn read_body(&mut self, length: usize) -> Vec<u8> {
        while self.buffer.len() - self.position < length {
            if !self.fill().await {
                break;
            }
        }
        let available = (self.buffer.len() - self.position).min(length);
        let body = self.buffer[self.position..self.position + available].to_vec();
        self.position += available;
        body
    }

    /// Puts bytes back in front of the stream, so that a header found inside a bad body is read
    /// as the start of the next message.
    pub fn unread(&mut self, bytes: &[u8]) {
        let mut rest = bytes.to_vec();
        rest.extend_from_slice(&self.buffer[self.position..]);
        self.buffer = rest;
        self.position = 0;
    }

    /// Reads the next frame.
    pub async fn next_frame(&mut self) -> Frame {
        let mut content_length: Option<Result<usize, String>> = None;
        let mut garbage = false;
        loop {
            let Some(line) = self.read_line().await else {
                return if content_length.is_some() || garbage {
                    Frame::Malformed("the stream ended inside a message header".to_string())
                } else {
                    Frame::Eof
                };
            };
            if line.is_empty() {
                if content_length.is_none() && !garbage {
                    // Blank lines between messages are harmless.
                    continue;
                }
                break;
            }
            let lower = line.to_ascii_lowercase();
            match find(&lower, CONTENT_LENGTH) {
                Some(at) => {
                    // A header found after garbage on the same line starts a new message.
                    garbage = false;
                    let value = String::from_utf8_lossy(&line[at + CONTENT_LENGTH.len()..])
                        .trim()
                        .to_string();
                    content_length = Some(
                        value
                            .parse::<usize>()
                            // Its length only: a misframed stream puts draft text here.
                            .map_err(|_| {
                                format!(
                                    "Content-Length is not a number (a value of {} bytes)",
                                    value.len()
                                )
                            }),
                    );
                }
                None if line.contains(&b':') && content_length.is_some() => {
                    // Another header, such as Content-Type: ignored.
                }
                None => garbage = true,
            }
        }
        match content_length {
            None => Frame::Malformed("a message header without Content-Length".to_string()),
            Some(Err(reason)) => Frame::Malformed(reason),
            Some(Ok(length)) if length > MAX_BODY_BYTES => {
                let mut left = length;
                while left > 0 {
                    let chunk = self.read_body(left.min(1024 * 1024)).await;
                    if chunk.is_empty() {
                        break;
                    }
                    left -= chunk.len();
                }
                Frame::Malformed(format!(
                    "a message of {length} bytes is larger than the {MAX_BODY_BYTES}-byte limit"
                ))
            }
            Some(Ok(length)) => {
                let body = self.read_body(length).await;
                if body.len() < length {
                    return Frame::Malformed(format!(
                        "the stream ended after {} of {length} body bytes",
                        body.len()
                    ));
                }
                Frame::Body(body)
            }
        }
    }
}

/// The position of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The header in front of a body of `length` bytes.
pub fn header(length: usize) -> String {
    format!("Content-Length: {length}\r\n\r\n")
}

/// Writes one framed message.
pub async fn write_frame<W: AsyncWrite + Unpin>(
    writer: &mut W,
    body: &[u8],
) -> std::io::Result<()> {
    writer.write_all(header(body.len()).as_bytes()).await?;
    writer.write_all(body).await
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(input);
        let mut found = Vec::new();
        loop {
            let frame = reader.next_frame().await;
            if frame == Frame::Eof {
                return found;
            }
            found.push(frame);
        }
    }

    fn body(text: &str) -> Frame {
        Frame::Body(text.as_bytes().to_vec())
    }

    #[tokio::test]
    async fn reads_messages_and_survives_bad_headers() {
        let input = b"Content-Length: 2\r\n\r\n{}Content-Type: x\r\nContent-Length: 2\r\n\r\n[]\r\ngarbage here\r\n\r\nContent-Length: nope\r\n\r\nXXContent-Length: 4\r\n\r\nnull";
        assert_eq!(
            frames(input).await,
            vec![
                body("{}"),
                body("[]"),
                Frame::Malformed("a message header without Content-Length".to_string()),
                Frame::Malformed("Content-Length is not a number (a value of 4 bytes)".to_string()),
                body("null"),
            ]
        );
    }

    #[tokio::test]
    async fn a_body_cut_short_is_reported() {
        assert_eq!(
            frames(b"Content-Length: 10\r\n\r\n{}").await,
            vec![Frame::Malformed(
                "the stream ended after 2 of 10 body bytes".to_string()
            )]
        );
    }
}
