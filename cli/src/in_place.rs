//! Rewriting a file in place (`repair --in-place`, and `--output` over an existing file),
//! so that nothing the user had is lost: the new content goes to
//! a temporary file beside the file, which then takes its place by a rename. The file is
//! never truncated; an interrupted run leaves it whole (and a temporary file that the next
//! run in that directory removes).
//!
//! What a rewrite keeps and what it does not (the README says the same):
//!
//! - the permissions (a read-only file is rewritten and stays read-only), the owner and the
//!   group: when they cannot be kept (another user's file, for a user who is not root), the
//!   file is left as it is and the run fails for it;
//! - a symbolic link: it is followed, and the file it leads to is rewritten;
//! - not hard links: the name given gets the new file, its other names keep the old one
//!   (as `sed -i` does);
//! - not extended attributes or access control lists.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::Failure;

/// Temporary files are named `.wikimd-XXXXXX.tmp`, six random letters or digits.
const PREFIX: &str = ".wikimd-";
const SUFFIX: &str = ".tmp";
const RANDOM: usize = 6;

/// Replaces the content of the file `path` names with `content`.
pub fn rewrite(path: &Path, content: &[u8]) -> Result<(), Failure> {
    let mut replacement = Replacement::begin(path)?;
    replacement
        .write_all(content)
        .map_err(|e| replacement.fail("writing the new content failed", e))?;
    replacement.commit()
}

/// A file's new content, written beside it, that takes its place on [`Replacement::commit`]
/// (or is removed when dropped): for `--in-place` and for `--output`, whose file may not
/// exist yet (it is then made with the usual permissions, `0666` less the umask).
pub struct Replacement {
    /// The name the user gave, for messages.
    path: PathBuf,
    /// The file that takes the new content: `path`, or the file its link leads to.
    target: PathBuf,
    /// The file's metadata, when it exists.
    original: Option<fs::Metadata>,
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    /// Starts replacing the file `path` names (making it, if there is none).
    pub fn begin(path: &Path) -> Result<Replacement, Failure> {
        let fail = |what: &str, e: io::Error| failure(path, what, e);
        let target = match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::canonicalize(path).map_err(|e| fail("its link leads nowhere", e))?
            }
            Ok(_) => path.to_path_buf(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
            Err(e) => return Err(fail("it cannot be read", e)),
        };
        let original = match fs::metadata(&target) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(fail("it cannot be read", e)),
        };
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(PREFIX).suffix(SUFFIX).rand_bytes(RANDOM);
        #[cfg(unix)]
        if original.is_none() {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|e| fail("no temporary file could be made beside it", e))?;
        Ok(Replacement {
            path: path.to_path_buf(),
            target,
            original,
            temp,
        })
    }

    /// The failure to say when writing failed.
    pub fn fail(&self, what: &str, error: io::Error) -> Failure {
        failure(&self.path, what, error)
    }

    /// Puts the new content in place of the file's, with the file's owner, group and
    /// permissions (or leaves the file alone when they cannot be kept).
    pub fn commit(self) -> Result<(), Failure> {
        let fail = |what: &str, e: io::Error| failure(&self.path, what, e);
        self.temp
            .as_file()
            .sync_all()
            .map_err(|e| fail("writing the new content failed", e))?;
        if let Some(original) = &self.original {
            keep_owner(self.temp.as_file(), original)
                .map_err(|e| fail("its owner and group could not be kept", e))?;
            self.temp
                .as_file()
                .set_permissions(original.permissions())
                .map_err(|e| fail("its permissions could not be kept", e))?;
        }
        if std::env::var_os("WIKIMD_TEST_FAIL_BEFORE_RENAME").is_some() {
            // Fault injection for the test suite: the temporary file is removed on drop.
            return Err(fail(
                "the rename failed",
                io::Error::other("failure injected before rename"),
            ));
        }
        let target = self.target.clone();
        self.temp
            .persist(&target)
            .map_err(|e| fail("the rename failed", e.error))?;
        Ok(())
    }
}

impl Write for Replacement {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// `path: not rewritten, what: error`.
fn failure(path: &Path, what: &str, error: io::Error) -> Failure {
    Failure::new(format!(
        "{}: not rewritten, {what}: {}",
        path.display(),
        without_temporary_name(error)
    ))
}

#[cfg(unix)]
fn keep_owner(file: &fs::File, original: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let made = file.metadata()?;
    if (made.uid(), made.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// The error alone: `tempfile` adds the temporary file's name (`… at path "…"`), which
/// means nothing to the user once the file is gone.
fn without_temporary_name(error: io::Error) -> String {
    let message = error.to_string();
    match message.find(" at path \"") {
        Some(end) if error.raw_os_error().is_none() => message[..end].to_string(),
        _ => message,
    }
}

/// Removes from `dir` the temporary files of runs interrupted before this one, which
/// `started`: only regular files named as this tool names them (`.wikimd-XXXXXX.tmp`) and
/// last written before `started` (a run going on beside this one keeps its own). Gives a
/// line to say for each file removed, or that could not be.
pub fn remove_stale_temporary_files(dir: &Path, started: SystemTime) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new(); // the files of this directory will fail on their own
    };
    let mut said = Vec::new();
    for entry in entries.flatten() {
        if !is_temporary_name(&entry.file_name()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta.is_file() && meta.modified().is_ok_and(|written| written < started);
        if !stale {
            continue;
        }
        let path: PathBuf = entry.path();
        said.push(match fs::remove_file(&path) {
            Ok(()) => format!(
                "{}: removed, a temporary file left by an interrupted run",
                path.display()
            ),
            Err(e) => format!(
                "{}: a temporary file left by an interrupted run could not be removed: {e}",
                path.display()
            ),
        });
    }
    said
}

/// Whether `name` is one this tool gives its temporary files.
fn is_temporary_name(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|random| {
            random.len() == RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_exactly() {
        for ours in [".wikimd-a1B2c3.tmp", ".wikimd-000000.tmp"] {
            assert!(is_temporary_name(OsStr::new(ours)), "{ours}");
        }
        for theirs in [
            ".wikimd-a1B2c.tmp",
            ".wikimd-a1B2c3d.tmp",
            ".wikimd-a1-2c3.tmp",
            "x.wikimd-a1B2c3.tmp",
            ".wikimd-a1B2c3.tmp.md",
            "wikimd-a1B2c3.tmp",
            "notes.md",
        ] {
            assert!(!is_temporary_name(OsStr::new(theirs)), "{theirs}");
        }
    }
}
