//! A reader that fills its buffers on a thread of its own, so that decompression overlaps with parsing.
//!
//! Reading a gzip file is one CPU-bound stream; on the consumer's thread it would run in turn with JSON
//! parsing and hashing. Here a producer thread reads fixed-size chunks into a bounded channel (at most
//! [`DEPTH`] chunks ahead, so memory stays bounded) and the consumer reads them as a [`BufRead`].

use std::io::{self, BufRead, Read};
use std::sync::mpsc::{sync_channel, Receiver};
use std::thread;

/// Bytes per chunk.
const CHUNK: usize = 256 * 1024;
/// Chunks the producer may run ahead.
const DEPTH: usize = 4;

/// The consumer end; dropping it stops the producer at its next chunk.
pub struct ReadAhead {
    rx: Receiver<io::Result<Vec<u8>>>,
    buf: Vec<u8>,
    pos: usize,
    done: bool,
}

impl ReadAhead {
    /// Starts reading `inner` on a new thread.
    pub fn new<R: Read + Send + 'static>(mut inner: R) -> ReadAhead {
        let (tx, rx) = sync_channel(DEPTH);
        thread::spawn(move || loop {
            let mut chunk = vec![0; CHUNK];
            let mut filled = 0;
            // Fill the chunk (short reads are normal for decoders), stopping at end of input.
            let result = loop {
                match inner.read(&mut chunk[filled..]) {
                    Ok(0) => break Ok(()),
                    Ok(n) => {
                        filled += n;
                        if filled == chunk.len() {
                            break Ok(());
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => break Err(e),
                }
            };
            chunk.truncate(filled);
            let last = filled < CHUNK || result.is_err();
            if filled > 0 && tx.send(Ok(chunk)).is_err() {
                return;
            }
            if let Err(e) = result {
                let _ = tx.send(Err(e));
                return;
            }
            if last {
                return;
            }
        });
        ReadAhead {
            rx,
            buf: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl Read for ReadAhead {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for ReadAhead {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos == self.buf.len() && !self.done {
            match self.rx.recv() {
                Ok(Ok(chunk)) => {
                    self.buf = chunk;
                    self.pos = 0;
                }
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                // The producer has finished (end of input).
                Err(_) => self.done = true,
            }
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes per call, then fails if told to.
    struct Trickle {
        data: Vec<u8>,
        pos: usize,
        step: usize,
        fail_at_end: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.pos == self.data.len() {
                return if self.fail_at_end {
                    Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "corrupt deflate stream",
                    ))
                } else {
                    Ok(0)
                };
            }
            let n = self.step.min(out.len()).min(self.data.len() - self.pos);
            out[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    fn data(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn delivers_every_byte_in_order() {
        for (len, step) in [
            (0, 7),
            (5, 7),
            (CHUNK, 4096),
            (3 * CHUNK + 17, 1000),
            (CHUNK - 1, CHUNK),
        ] {
            let expected = data(len);
            let mut r = ReadAhead::new(Trickle {
                data: expected.clone(),
                pos: 0,
                step,
                fail_at_end: false,
            });
            let mut got = Vec::new();
            r.read_to_end(&mut got).unwrap();
            assert_eq!(got, expected, "len {len} step {step}");
        }
    }

    #[test]
    fn error_comes_after_the_good_bytes() {
        let expected = data(CHUNK + 10);
        let mut r = ReadAhead::new(Trickle {
            data: expected.clone(),
            pos: 0,
            step: 5000,
            fail_at_end: true,
        });
        let mut got = Vec::new();
        let err = r.read_to_end(&mut got).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert_eq!(got, expected);
    }

    #[test]
    fn lines_split_across_chunks_are_whole() {
        let text: String = (0..50_000).map(|i| format!("line {i}\n")).collect();
        let r = ReadAhead::new(Trickle {
            data: text.clone().into_bytes(),
            pos: 0,
            step: 3333,
            fail_at_end: false,
        });
        let lines: Vec<String> = r.lines().map(Result::unwrap).collect();
        assert_eq!(lines.len(), 50_000);
        assert_eq!(lines[49_999], "line 49999");
        assert_eq!(lines.join("\n") + "\n", text);
    }
}
