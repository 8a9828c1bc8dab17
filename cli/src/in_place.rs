//! Rewriting a file in place, so that nothing the user had is lost: the new content goes to
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
    let fail = |what: &str, e: io::Error| {
        Failure::new(format!(
            "{}: not rewritten, {what}: {}",
            path.display(),
            without_temporary_name(e)
        ))
    };
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| fail("its link leads nowhere", e))?
        }
        Ok(_) => path.to_path_buf(),
        Err(e) => return Err(fail("it cannot be read", e)),
    };
    let original = fs::metadata(&target).map_err(|e| fail("it cannot be read", e))?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(PREFIX)
        .suffix(SUFFIX)
        .rand_bytes(RANDOM)
        .tempfile_in(dir)
        .map_err(|e| fail("no temporary file could be made beside it", e))?;
    temp.write_all(content)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| fail("writing the new content failed", e))?;
    keep_owner(temp.as_file(), &original)
        .map_err(|e| fail("its owner and group could not be kept", e))?;
    temp.as_file()
        .set_permissions(original.permissions())
        .map_err(|e| fail("its permissions could not be kept", e))?;
    if std::env::var_os("WIKIMD_TEST_FAIL_BEFORE_RENAME").is_some() {
        // Fault injection for the test suite: the temporary file is removed on drop.
        return Err(fail(
            "the rename failed",
            io::Error::other("failure injected before rename"),
        ));
    }
    temp.persist(&target)
        .map_err(|e| fail("the rename failed", e.error))?;
    Ok(())
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
