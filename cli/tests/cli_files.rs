//! The command in the directories users have: FIFOs, links, unreadable subdirectories,
//! other users' files, hard links, read-only files, leftovers of interrupted runs, names
//! that are not UTF-8 (issue #16). Each rule tested here is stated in the README.

#![cfg(unix)]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use common::corpus;

fn wikimd() -> Command {
    let mut command = Command::cargo_bin("wikimd").unwrap();
    // A hang is a failure, not a stuck test run.
    command.timeout(Duration::from_secs(60));
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mojibake() -> Vec<u8> {
    fs::read(corpus().join("mojibake/004_en_ce1c3c4f4201.md")).unwrap()
}

fn repaired() -> Vec<u8> {
    fs::read(corpus().join("clean/004_en_ce1c3c4f4201.md")).unwrap()
}

fn clean() -> Vec<u8> {
    fs::read(corpus().join("clean/002_en_694e8886bfb3.md")).unwrap()
}

/// `wikimd repair --in-place PATH`.
fn in_place(path: impl AsRef<Path>) -> std::process::Output {
    wikimd()
        .args(["repair", "--in-place"])
        .arg(path.as_ref())
        .output()
        .unwrap()
}

fn is_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// The command as a user without privileges: as `nobody` (uid and gid 65534) from a copy
/// of the binary in a directory anyone can read when the tests run as root (root reads
/// every directory), as the current user otherwise.
fn unprivileged(scratch: &Path) -> std::process::Command {
    if !is_root() {
        return std::process::Command::new(env!("CARGO_BIN_EXE_wikimd"));
    }
    use std::os::unix::process::CommandExt;
    let bin = scratch.join("wikimd");
    fs::copy(env!("CARGO_BIN_EXE_wikimd"), &bin).unwrap();
    fs::set_permissions(scratch, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    // A child that another test thread forked while the copy was open for writing holds
    // it until that child execs: running the copy fails with "text file busy" until then.
    for _ in 0..200 {
        match std::process::Command::new(&bin).arg("--version").output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(Duration::from_millis(10));
            }
            _ => break,
        }
    }
    let mut command = std::process::Command::new(bin);
    command.uid(65534).gid(65534);
    command
}

fn open_to_all(dir: &Path) {
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_fifo_or_a_device_in_a_directory_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), clean()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("fifo.md"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: no mkfifo here");
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    std::os::unix::fs::symlink("nowhere.md", dir.path().join("broken.md")).unwrap();
    for args in [&["check"][..], &["parse"], &["repair", "--in-place"]] {
        let output = wikimd().args(args).arg(dir.path()).output().unwrap();
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        assert!(output.status.success(), "{args:?}: {stderr}");
        for name in ["fifo.md", "zero.md", "broken.md"] {
            assert!(
                stderr.contains(&format!("{name}: skipped, not a regular file")),
                "{args:?}: {stderr}"
            );
        }
        if args == ["check"] {
            assert!(
                stdout.ends_with("1 documents: 1 ok, 0 with mojibake, 0 failed\n"),
                "{stdout}"
            );
        }
    }
    // A FIFO named on the command line is read, as `cat` would: `<(zcat a.md.gz)` works.
    let fifo = dir.path().join("fifo.md");
    let writer = std::thread::spawn(move || fs::write(fifo, clean()).unwrap());
    let output = wikimd()
        .arg("parse")
        .arg(dir.path().join("fifo.md"))
        .output()
        .unwrap();
    writer.join().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn a_link_to_a_file_is_read_and_a_link_to_a_directory_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    fs::create_dir_all(tree.join("sub")).unwrap();
    fs::write(tree.join("sub/a.md"), clean()).unwrap();
    fs::write(dir.path().join("outside.md"), mojibake()).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.md"), tree.join("link.md")).unwrap();
    // A link back up would make a cycle.
    std::os::unix::fs::symlink(&tree, tree.join("sub/loop")).unwrap();
    let output = wikimd().arg("check").arg(&tree).output().unwrap();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("link.md: ok, mojibake"), "{stdout}");
    assert!(
        stdout.ends_with("2 documents: 1 ok, 1 with mojibake, 0 failed\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains("loop: skipped, a link to a directory (not followed)"),
        "{stderr}"
    );
    // Given by name, a link to a directory is searched: the user chose it.
    let link = dir.path().join("tree-link");
    std::os::unix::fs::symlink(&tree, &link).unwrap();
    let output = wikimd().arg("check").arg(&link).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn an_unreadable_subdirectory_fails_under_its_name_and_the_walk_goes_on() {
    let scratch = tempfile::tempdir().unwrap();
    let tree = scratch.path().join("tree");
    for i in 0..12 {
        let sub = tree.join(format!("d{i:02}"));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join("doc.md"), clean()).unwrap();
    }
    open_to_all(&tree);
    for i in 0..12 {
        open_to_all(&tree.join(format!("d{i:02}")));
    }
    // The first and the last one, as the order of a walk goes.
    for locked in ["d00", "d11"] {
        fs::set_permissions(tree.join(locked), fs::Permissions::from_mode(0o000)).unwrap();
    }
    let check = unprivileged(scratch.path())
        .arg("check")
        .arg(&tree)
        .output()
        .unwrap();
    let parse = unprivileged(scratch.path())
        .arg("parse")
        .arg(&tree)
        .output()
        .unwrap();
    for locked in ["d00", "d11"] {
        fs::set_permissions(tree.join(locked), fs::Permissions::from_mode(0o755)).unwrap();
    }
    let stdout = text(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].ends_with("tree/d00: Permission denied (os error 13)"),
        "{stdout}"
    );
    assert!(
        lines[1].ends_with("tree/d11: Permission denied (os error 13)"),
        "{stdout}"
    );
    let ok: Vec<&str> = lines[2..12].to_vec();
    let expected: Vec<String> = (1..11)
        .map(|i| format!("{}/d{i:02}/doc.md: ok", tree.display()))
        .collect();
    assert_eq!(ok, expected, "every readable document, in order");
    assert_eq!(
        lines[12],
        "10 documents: 10 ok, 0 with mojibake, 0 failed; 2 directory errors"
    );
    assert_eq!(parse.status.code(), Some(1));
    let paths: Vec<String> = text(&parse.stdout)
        .lines()
        .map(|line| {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            json["path"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<String> = (1..11)
        .map(|i| format!("{}/d{i:02}/doc.md", tree.display()))
        .collect();
    assert_eq!(paths, expected);
    assert!(text(&parse.stderr).contains("tree/d00: Permission denied"));
}

#[test]
fn a_rewrite_keeps_the_owner_the_group_and_the_mode() {
    if !is_root() {
        eprintln!("SKIPPED: giving a file to another user needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("theirs.md");
    fs::write(&file, mojibake()).unwrap();
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    let output = in_place(&file);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let meta = fs::metadata(&file).unwrap();
    assert_eq!(fs::read(&file).unwrap(), repaired());
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}

#[test]
fn a_rewrite_that_cannot_keep_the_owner_leaves_the_file_alone() {
    // A file of root's in a directory anyone may write: `nobody` could replace it, but
    // the new file would be nobody's.
    if !is_root() {
        eprintln!("SKIPPED: needs root, to own a file that another user may replace");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let shared = scratch.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    let file = shared.join("roots.md");
    fs::write(&file, mojibake()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let output = unprivileged(scratch.path())
        .args(["repair", "--in-place"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("roots.md: not rewritten, its owner and group could not be kept"),
        "{stderr}"
    );
    assert_eq!(fs::read(&file).unwrap(), mojibake());
    assert_eq!(
        fs::read_dir(&shared).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn a_failed_rewrite_names_the_file_given_not_a_temporary_file() {
    let scratch = tempfile::tempdir().unwrap();
    let locked = scratch.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let file = locked.join("bad.md");
    fs::write(&file, mojibake()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let output = unprivileged(scratch.path())
        .args(["repair", "--in-place"])
        .arg(&file)
        .output()
        .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "{}: not rewritten, no temporary file could be made beside it: Permission denied (os error 13)\n\
             1 files: 0 rewritten, 0 already clean, 1 failed\n",
            file.display()
        )
    );
    assert_eq!(fs::read(&file).unwrap(), mojibake());
}

#[test]
fn a_link_given_to_rewrite_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/target.md");
    let link = dir.path().join("link.md");
    fs::write(&target, mojibake()).unwrap();
    std::os::unix::fs::symlink("real/target.md", &link).unwrap();
    let output = in_place(&link);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(fs::read(&target).unwrap(), repaired());
    assert_eq!(fs::read_dir(dir.path().join("real")).unwrap().count(), 1);
}

#[test]
fn a_rewrite_splits_hard_links_and_rewrites_read_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.md");
    let other_name = dir.path().join("b.md");
    fs::write(&file, mojibake()).unwrap();
    fs::hard_link(&file, &other_name).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let output = in_place(&file);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(fs::read(&file).unwrap(), repaired());
    assert_eq!(
        fs::metadata(&file).unwrap().mode() & 0o777,
        0o444,
        "still read-only"
    );
    assert_eq!(
        fs::read(&other_name).unwrap(),
        mojibake(),
        "the other name keeps the old file"
    );
    assert_eq!(fs::metadata(&file).unwrap().nlink(), 1);
}

#[test]
fn a_rewrite_drops_extended_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.md");
    fs::write(&file, mojibake()).unwrap();
    // Python's standard library sets and reads extended attributes; Rust's does not.
    let python = |code: &str| {
        std::process::Command::new("python3")
            .args(["-c", code])
            .arg(&file)
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| text(&output.stdout))
    };
    let set = "import os, sys; os.setxattr(sys.argv[1], 'user.origin', b'dump')";
    if python(set).is_none() {
        eprintln!("SKIPPED: no python3, or extended attributes are not supported here");
        return;
    }
    let list = "import os, sys; print(os.listxattr(sys.argv[1]))";
    assert_eq!(python(list).unwrap().trim(), "['user.origin']");
    let output = in_place(&file);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(fs::read(&file).unwrap(), repaired());
    assert_eq!(python(list).unwrap().trim(), "[]");
}

#[test]
fn temporary_files_of_an_interrupted_run_are_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), mojibake()).unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let in_an_hour = SystemTime::now() + Duration::from_secs(3600);
    let make = |name: &str, modified: SystemTime| -> PathBuf {
        let path = dir.path().join(name);
        let file = fs::File::create(&path).unwrap();
        file.set_modified(modified).unwrap();
        path
    };
    let stale = make(".wikimd-Ab12Cd.tmp", hour_ago);
    // Not this tool's name, or written after the run started (a run going on beside it).
    let kept = [
        make(".wikimd-Ab12C.tmp", hour_ago),
        make("x.wikimd-Ab12Cd.tmp", hour_ago),
        make(".wikimd-notes.md.tmp", hour_ago),
        make(".wikimd-Zz99Yy.tmp", in_an_hour),
    ];
    let output = in_place(dir.path());
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stale.exists(), "{stderr}");
    assert!(
        stderr.contains(".wikimd-Ab12Cd.tmp: removed, a temporary file left by an interrupted run"),
        "{stderr}"
    );
    for path in kept {
        assert!(path.exists(), "{}", path.display());
    }
    assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), repaired());
}

#[test]
fn a_file_name_that_is_not_utf8_is_given_lossily_in_the_json() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"caf\xe9.md");
    if fs::write(dir.path().join(name), clean()).is_err() {
        eprintln!("SKIPPED: this file system refuses names that are not UTF-8");
        return;
    }
    fs::write(dir.path().join("b.md"), clean()).unwrap();
    let output = wikimd().arg("parse").arg(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let paths: Vec<String> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["path"].to_string())
        .collect();
    assert_eq!(paths.len(), 2);
    assert!(
        paths.iter().any(|p| p.ends_with("caf\u{fffd}.md\"")),
        "{paths:?}"
    );
}
