//! The server's standard output, written by a thread of its own.
//!
//! tokio's `stdout()` hands every write to its blocking thread pool and waits for it, so a
//! message crosses two extra threads on its way out, and a large one (the diagnostics of a
//! 100,000-word draft are about 600 KB) trickles through the 64 KB pipe in many rounds, each
//! waiting for the editor to read. Here one thread owns the output and writes each message with
//! a single system call, and the pipe is enlarged so that such a message fits in it at once.

use std::fs::File;
use std::io::{IoSlice, Write};
use std::os::fd::AsFd;

use tokio::sync::{mpsc, oneshot};

/// The pipe size asked for: a large draft's diagnostics fit in one write. Linux lets any
/// process raise a pipe to 1 MB (`/proc/sys/fs/pipe-max-size`); the memory is taken only
/// while unread data sits in the pipe.
#[cfg(target_os = "linux")]
const PIPE_BYTES: i32 = 1 << 20;

/// Starts the thread that writes queued message bodies to standard output, framed, until an
/// empty body (the stop signal) or a closed channel. The returned receiver completes when the
/// thread has written and flushed everything.
pub fn spawn_stdout_writer(
    bodies: mpsc::UnboundedReceiver<Vec<u8>>,
) -> std::io::Result<oneshot::Receiver<()>> {
    let output = File::from(std::io::stdout().as_fd().try_clone_to_owned()?);
    enlarge_pipe(&output);
    let (finished, finished_receiver) = oneshot::channel();
    std::thread::Builder::new()
        .name("copydesk-stdout".to_string())
        .spawn(move || {
            write_messages(output, bodies);
            let _ = finished.send(());
        })?;
    Ok(finished_receiver)
}

/// Writes framed messages with blocking writes; stops at an empty body, a closed channel or a
/// failed write (the editor went away).
fn write_messages<W: Write>(mut output: W, mut bodies: mpsc::UnboundedReceiver<Vec<u8>>) {
    while let Some(body) = bodies.blocking_recv() {
        if body.is_empty() {
            break;
        }
        let header = super::framing::header(body.len());
        if write_all_vectored(&mut output, header.as_bytes(), &body).is_err() {
            return;
        }
    }
    let _ = output.flush();
}

/// Writes `header` then `body`, in one system call when the pipe has room for both.
fn write_all_vectored<W: Write>(output: &mut W, header: &[u8], body: &[u8]) -> std::io::Result<()> {
    let mut slices = [IoSlice::new(header), IoSlice::new(body)];
    let mut pending: &mut [IoSlice<'_>] = &mut slices;
    while !pending.is_empty() {
        match output.write_vectored(pending) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut pending, written),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Asks the kernel for a larger pipe, if `file` is one; anything else is left as it is.
#[cfg(target_os = "linux")]
fn enlarge_pipe(file: &File) {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::FileTypeExt;

    const F_SETPIPE_SZ: i32 = 1031;
    extern "C" {
        fn fcntl(descriptor: i32, command: i32, ...) -> i32;
    }
    let is_pipe = file
        .metadata()
        .is_ok_and(|metadata| metadata.file_type().is_fifo());
    if !is_pipe {
        return;
    }
    // SAFETY: F_SETPIPE_SZ takes an int argument and only resizes the pipe's buffer; the
    // descriptor is open for as long as `file` lives. A refusal (a lower system limit) leaves
    // the pipe as it was, which is only slower.
    let result = unsafe { fcntl(file.as_raw_fd(), F_SETPIPE_SZ, PIPE_BYTES) };
    if result < 0 {
        tracing::debug!(
            "the output pipe keeps its size: {}",
            std::io::Error::last_os_error()
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn enlarge_pipe(_file: &File) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes at most a few bytes per call, as a full pipe does.
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let taken = buf.len().min(7);
            self.0.extend_from_slice(&buf[..taken]);
            Ok(taken)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn frames_every_message_whole_even_through_short_writes() {
        let (sender, receiver) = mpsc::unbounded_channel();
        sender.send(b"{\"a\":1}".to_vec()).unwrap();
        sender
            .send(br#"{"method":"x","params":[1,2,3]}"#.to_vec())
            .unwrap();
        sender.send(Vec::new()).unwrap();
        sender.send(b"{\"after\":\"stop\"}".to_vec()).unwrap();
        let mut output = Trickle(Vec::new());
        write_messages(&mut output, receiver);
        assert_eq!(
            String::from_utf8(output.0).unwrap(),
            "Content-Length: 7\r\n\r\n{\"a\":1}Content-Length: 31\r\n\r\n{\"method\":\"x\",\"params\":[1,2,3]}"
        );
    }
}
