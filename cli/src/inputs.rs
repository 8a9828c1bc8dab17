//! The documents a command reads: files as given, directories searched for `*.md`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::Failure;

/// What `collect` found.
pub struct Inputs {
    /// The documents, in the order given; each directory's in sorted order.
    pub files: Vec<PathBuf>,
    /// Directories that could not be read (or hold no document): each fails the run.
    pub failures: Vec<Failure>,
    /// Entries left out on purpose (not regular files, links to directories), said on
    /// standard error without failing the run.
    pub skipped: Vec<String>,
}

/// The documents named by `paths`.
///
/// A path given is read as it is, whatever it is (a FIFO such as `<(zcat a.md.gz)` too),
/// and stays in the list when it cannot be read, to be reported with the others. A
/// directory given (or a link to one) is searched recursively for `*.md` files:
///
/// - regular files and links to regular files are read; FIFOs, sockets and devices are
///   skipped with a word (opening a FIFO would wait for a writer forever, a device such as
///   `/dev/zero` never ends);
/// - links to directories are not followed (a link can make a cycle), with a word;
/// - a subdirectory that cannot be read fails under its own name, and the walk goes on.
pub fn collect(paths: &[PathBuf], extensions: &[String]) -> Inputs {
    let mut inputs = Inputs {
        files: Vec::new(),
        failures: Vec::new(),
        skipped: Vec::new(),
    };
    for path in paths {
        if path == Path::new("-") || !path.is_dir() {
            inputs.files.push(path.clone());
            continue;
        }
        let (files_before, failures_before) = (inputs.files.len(), inputs.failures.len());
        walk(path, extensions, &mut inputs);
        inputs.files[files_before..].sort();
        if inputs.files.len() == files_before && inputs.failures.len() == failures_before {
            inputs.failures.push(Failure::new(format!(
                "{}: no documents (*.{}) in this directory",
                path.display(),
                extensions.join(", *.")
            )));
        }
    }
    inputs
}

fn walk(top: &Path, extensions: &[String], inputs: &mut Inputs) {
    let mut stack = vec![top.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                inputs.failures.push(Failure::io(&dir, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    inputs.failures.push(Failure::io(&dir, e));
                    continue;
                }
            };
            let path = entry.path();
            match kind(&entry) {
                Ok(Kind::Directory) => stack.push(path),
                Ok(Kind::LinkToDirectory) => inputs.skipped.push(format!(
                    "{}: skipped, a link to a directory (not followed)",
                    path.display()
                )),
                Ok(_) if !is_document(&path, extensions) => {}
                Ok(Kind::File) => inputs.files.push(path),
                Ok(Kind::Other) => inputs.skipped.push(format!(
                    "{}: skipped, not a regular file (a FIFO, socket, device or broken link)",
                    path.display()
                )),
                Err(e) => inputs.failures.push(Failure::io(&path, e)),
            }
        }
    }
}

enum Kind {
    Directory,
    File,
    LinkToDirectory,
    Other,
}

/// What an entry is; links are followed to say what they lead to.
fn kind(entry: &fs::DirEntry) -> io::Result<Kind> {
    let kind = entry.file_type()?;
    if kind.is_dir() {
        return Ok(Kind::Directory);
    }
    if kind.is_file() {
        return Ok(Kind::File);
    }
    if kind.is_symlink() {
        return Ok(match fs::metadata(entry.path()) {
            Ok(target) if target.is_file() => Kind::File,
            Ok(target) if target.is_dir() => Kind::LinkToDirectory,
            _ => Kind::Other,
        });
    }
    Ok(Kind::Other)
}

/// Whether the file's extension is one of `extensions`, compared without case (`b.MD`).
fn is_document(path: &Path, extensions: &[String]) -> bool {
    let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    extensions.iter().any(|wanted| {
        wanted
            .trim_start_matches('.')
            .eq_ignore_ascii_case(extension)
    })
}
