//! The `wikimd` command, run as a user would: over every corpus document and over broken
//! input.

#[path = "../../tests/common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::{corpus, diff, names, reference};
use serde_json::Value as Json;

fn wikimd() -> Command {
    Command::cargo_bin("wikimd").unwrap()
}

fn stdout(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Copies the corpus file `from` (relative to the corpus) into `dir` as `name`.
fn copy_in(dir: &tempfile::TempDir, from: &str, name: &str) {
    fs::copy(corpus().join(from), dir.path().join(name)).unwrap();
}

/// Runs a failing command: its exit code and standard error.
fn failure(cmd: &mut Command) -> (i32, String) {
    let output = cmd.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn parse_matches_the_reference_for_every_mojibake_and_clean_document() {
    for name in names() {
        for dir in ["mojibake", "clean"] {
            let path = corpus().join(dir).join(format!("{name}.md"));
            let json: Json =
                serde_json::from_str(&stdout(wikimd().arg("parse").arg(&path))).unwrap();
            assert_eq!(diff(&json, &reference(&name), ""), None, "{dir}/{name}");
        }
    }
}

#[test]
fn parse_of_the_sample() {
    let dir = corpus().join("sample");
    let json: Json = serde_json::from_str(&stdout(
        wikimd()
            .arg("parse")
            .arg(dir.join("operation-serval.mojibake.md")),
    ))
    .unwrap();
    let expected: Json = serde_json::from_str(
        &fs::read_to_string(dir.join("operation-serval.reference.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(diff(&json, &expected, ""), None);
}

#[test]
fn parse_without_repair_keeps_the_mojibake() {
    let path = corpus().join("sample/operation-serval.mojibake.md");
    let json: Json =
        serde_json::from_str(&stdout(wikimd().args(["parse", "--no-repair"]).arg(&path))).unwrap();
    assert!(json["infoboxes"][0]["date"]["text"]
        .as_str()
        .unwrap()
        .contains("â€“"));
}

#[test]
fn repair_gives_the_clean_twin_byte_for_byte() {
    for name in names() {
        let bad = corpus().join("mojibake").join(format!("{name}.md"));
        let good = corpus().join("clean").join(format!("{name}.md"));
        let output = wikimd().arg("repair").arg(&bad).output().unwrap();
        assert!(output.status.success());
        assert_eq!(output.stdout, fs::read(&good).unwrap(), "{name}");
        let output = wikimd().arg("repair").arg(&good).output().unwrap();
        assert_eq!(output.stdout, fs::read(&good).unwrap(), "clean {name}");
    }
}

/// `repair --explain` counts each fix's position on from the last (it was quadratic): its
/// lines are those of `Position::of`, counted from the start, for every mojibake document.
#[test]
fn explain_positions_are_those_counted_from_the_start() {
    for name in names() {
        let path = corpus().join("mojibake").join(format!("{name}.md"));
        let text = fs::read_to_string(&path).unwrap();
        let output = wikimd()
            .args(["repair", "--explain"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success());
        let report = wikimd::repair::explain(&text);
        let stderr = String::from_utf8(output.stderr).unwrap();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), report.fixes.len(), "{name}");
        for (line, fix) in lines.iter().zip(&report.fixes) {
            let at = wikimd::Position::of(&text, fix.span.start);
            let prefix = format!(
                "{}:{}:{}: {:?} -> ",
                path.display(),
                at.line,
                at.column,
                fix.before
            );
            assert!(line.starts_with(&prefix), "{line} vs {prefix}");
        }
    }
}

#[test]
fn repair_reads_standard_input_and_explains_on_standard_error() {
    let output = wikimd()
        .args(["repair", "--explain", "-"])
        .write_stdin("cafÃ© and crÃ¨me\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, b"caf\xc3\xa9 and cr\xc3\xa8me\n");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.starts_with("-:1:4: \"Ã©\" -> \"é\" (UTF-8 read as windows-1252)"),
        "{stderr}"
    );
}

#[test]
fn parse_of_a_directory_writes_json_lines_with_paths() {
    let out = stdout(wikimd().arg("parse").arg(corpus().join("mojibake")));
    let lines: Vec<Json> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), names().len());
    for line in lines {
        let row = line.as_object().unwrap();
        assert_eq!(row.len(), 2, "path and document");
        let name = Path::new(row["path"].as_str().unwrap())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            diff(&row["document"], &reference(&name), ""),
            None,
            "{name}"
        );
    }
}

#[test]
fn one_bad_file_is_reported_and_the_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(&dir, "mojibake/002_en_694e8886bfb3.md", "a.md");
    fs::write(dir.path().join("b.md"), "---\ntitle: never closed\n").unwrap();
    copy_in(&dir, "clean/003_en_b78b1aa6b9f9.md", "c.md");
    let output = wikimd().arg("parse").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let rows: Vec<Json> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "a row per document, the failed one too");
    assert!(rows[0]["document"].is_object() && rows[2]["document"].is_object());
    assert!(rows[1]["path"].as_str().unwrap().ends_with("b.md"));
    assert_eq!(
        rows[1]["error"],
        serde_json::json!({
            "line": 1, "column": 1, "offset": 0,
            "message": "front matter opened by `---` on line 1 is never closed by a `---` line"
        })
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("b.md:1:1: front matter opened by `---` on line 1 is never closed"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("3 documents: 2 parsed, 1 failed\n"),
        "{stderr}"
    );
}

#[test]
fn errors_name_the_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, content: &[u8]| {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        path
    };
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (
            dir.path().join("missing.md"),
            "missing.md: No such file or directory",
        ),
        (
            write("utf8.md", b"---\ntitle: caf\xe9\n---\n"),
            "utf8.md:2:11: invalid UTF-8 (byte 14)",
        ),
        (
            write("unclosed.md", b"---\ntitle: x\n"),
            "unclosed.md:1:1: front matter opened by `---` on line 1 is never closed",
        ),
        (
            write("yaml.md", b"---\ntitle: \"open\n---\n"),
            "yaml.md:2:8: invalid YAML: unterminated double-quoted string",
        ),
        (
            write("type.md", b"---\ninfoboxes: 5\n---\n"),
            "type.md:2:12: `infoboxes`: expected a list of infoboxes, found a number (byte 15)",
        ),
        (
            write(
                "links.md",
                b"---\ninfoboxes:\n  - a:\n      links: notalist\n---\n",
            ),
            "links.md:4:14: `infoboxes[0].a.links`: expected a list of links, found a string",
        ),
    ];
    for (path, expected) in &cases {
        for command in ["parse", "check"] {
            let output = wikimd().arg(command).arg(path).output().unwrap();
            assert_eq!(
                output.status.code(),
                Some(1),
                "{command} {}",
                path.display()
            );
            let text = String::from_utf8(if command == "parse" {
                output.stderr
            } else {
                output.stdout
            })
            .unwrap();
            assert!(
                text.contains(expected),
                "{command}: {text:?} should contain {expected:?}"
            );
        }
    }
    let empty = tempfile::tempdir().unwrap();
    let (code, stderr) = failure(wikimd().arg("parse").arg(empty.path()));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no documents (*.md) in this directory"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    // (`wikimd parse` alone reads standard input when it is not a terminal.)
    assert_eq!(failure(&mut wikimd()).0, 2);
    assert_eq!(failure(wikimd().arg("frobnicate")).0, 2);
    assert_eq!(failure(wikimd().args(["parse", "-j", "x", "a.md"])).0, 2);
    assert_eq!(failure(wikimd().args(["parse", "--bogus", "x.md"])).0, 2);
    // Issue #16: these were exit code 1.
    let (code, stderr) = failure(wikimd().args(["repair", "a.md", "b.md"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("use --in-place for several"), "{stderr}");
    let (code, stderr) = failure(wikimd().args(["repair"]).arg(corpus().join("clean")));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("use --in-place for directories"),
        "{stderr}"
    );
    let (code, stderr) = failure(wikimd().args(["repair", "--in-place", "-"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot rewrite standard input"), "{stderr}");
    // Standard input can be read once.
    for command in ["parse", "check"] {
        let (code, stderr) = failure(wikimd().args([command, "-", "-"]).write_stdin("x"));
        assert_eq!(code, 2, "{command}: {stderr}");
        assert!(stderr.contains("can be given only once"), "{stderr}");
    }
}

#[test]
fn check_reports_each_file_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(&dir, "mojibake/002_en_694e8886bfb3.md", "a.md");
    copy_in(&dir, "clean/002_en_694e8886bfb3.md", "b.md");
    let output = wikimd().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with("a.md: ok, mojibake (run `wikimd repair`)"),
        "{out}"
    );
    assert!(lines[1].ends_with("b.md: ok"), "{out}");
    assert_eq!(lines[2], "2 documents: 1 ok, 1 with mojibake, 0 failed");
}

#[test]
fn repair_in_place_rewrites_only_what_needs_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    let good = dir.path().join("good.md");
    fs::copy(corpus().join("mojibake/004_en_ce1c3c4f4201.md"), &bad).unwrap();
    fs::copy(corpus().join("clean/002_en_694e8886bfb3.md"), &good).unwrap();
    let good_modified = fs::metadata(&good).unwrap().modified().unwrap();
    let output = wikimd()
        .args(["repair", "--in-place"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    // Issue #14 item 8: a count at the end.
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "2 files: 1 rewritten, 1 already clean, 0 failed\n"
    );
    assert_eq!(
        fs::read(&bad).unwrap(),
        fs::read(corpus().join("clean/004_en_ce1c3c4f4201.md")).unwrap()
    );
    assert_eq!(
        fs::metadata(&good).unwrap().modified().unwrap(),
        good_modified,
        "untouched"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary file left"
    );
}

#[test]
fn repair_in_place_leaves_the_file_intact_when_it_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    fs::copy(corpus().join("mojibake/004_en_ce1c3c4f4201.md"), &bad).unwrap();
    let before = fs::read(&bad).unwrap();
    let (code, stderr) = failure(
        wikimd()
            .args(["repair", "--in-place"])
            .arg(&bad)
            .env("WIKIMD_TEST_FAIL_BEFORE_RENAME", "1"),
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bad.md: not rewritten, the rename failed: failure injected before rename"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".wikimd-"),
        "no temporary file named: {stderr}"
    );
    assert_eq!(fs::read(&bad).unwrap(), before, "the original is intact");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "the temporary file is gone"
    );
}

#[test]
fn repair_in_place_of_an_unwritable_directory_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    fs::copy(corpus().join("mojibake/004_en_ce1c3c4f4201.md"), &bad).unwrap();
    let before = fs::read(&bad).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let output = wikimd()
        .args(["repair", "--in-place"])
        .arg(&bad)
        .output()
        .unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // As root the directory stays writable and the repair succeeds; otherwise it fails
    // before touching anything. Either way the file is whole.
    let after = fs::read(&bad).unwrap();
    if output.status.success() {
        assert_eq!(
            after,
            fs::read(corpus().join("clean/004_en_ce1c3c4f4201.md")).unwrap()
        );
    } else {
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(after, before);
    }
}

/// Issue #14 item 9: `parse` reported an error's line and column in the repaired text and
/// `check` in the file; both now give the file's (`Ã©` is two characters in the file).
#[test]
fn parse_and_check_give_an_error_where_it_is_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("err.md");
    fs::write(&file, "---\nx: {a: cafÃ©, b: [}\n---\n").unwrap();
    let expected = format!("{}:2:19: ", file.display());
    let (code, parse) = failure(wikimd().arg("parse").arg(&file));
    assert_eq!(code, 1);
    assert!(parse.contains(&expected), "{parse}");
    let check = wikimd().arg("check").arg(&file).output().unwrap();
    assert!(String::from_utf8_lossy(&check.stdout).contains(&expected));
    // In JSON Lines too.
    let (_, lines) = failure(wikimd().arg("parse").arg(&file).arg(&file));
    assert!(lines.contains(&expected), "{lines}");
}

/// Issue #14 items 6 and 7: one shape per format, whatever the number of files; a front
/// matter key named `path` does not collide with the row's.
#[test]
fn the_output_shape_is_chosen_by_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    fs::write(&a, "---\npath: mine\ntitle: A\n---\nText.\n").unwrap();
    let row = |line: &str| -> Json { serde_json::from_str(line).unwrap() };
    // One file: the document's object; with --format jsonl, one row.
    let one = stdout(wikimd().arg("parse").arg(&a));
    assert_eq!(row(&one)["title"], "A");
    let one = stdout(wikimd().args(["parse", "--format", "jsonl"]).arg(&a));
    assert_eq!(one.lines().count(), 1);
    let r = row(&one);
    assert_eq!(r["path"], a.display().to_string());
    assert_eq!(r["document"]["path"], "mine", "the front matter's own key");
    // Several files as JSON: one array of rows, indented with --pretty.
    let many = stdout(
        wikimd()
            .args(["parse", "--format", "json", "--pretty"])
            .arg(&a)
            .arg(&a),
    );
    let rows = row(&many);
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[1]["document"]["title"], "A");
    assert!(many.contains("\n    "), "indented");
    // --pretty with JSON Lines is a usage error, not silently ignored.
    let output = wikimd()
        .args(["parse", "--pretty"])
        .arg(&a)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Issue #14 item 10: the flags users try first.
#[test]
fn jobs_quiet_extensions_stdin_and_fail_on_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(&dir, "mojibake/004_en_ce1c3c4f4201.md", "a.md");
    copy_in(&dir, "clean/002_en_694e8886bfb3.md", "b.MD");
    copy_in(&dir, "clean/003_en_b78b1aa6b9f9.md", "c.markdown");
    // `.md` is matched without case; `--ext` names others (repeatable).
    let default = stdout(wikimd().arg("parse").arg(dir.path()));
    assert_eq!(default.lines().count(), 2, "a.md and b.MD");
    let both = stdout(
        wikimd()
            .args(["parse", "--ext", "md", "--ext", ".markdown"])
            .arg(dir.path()),
    );
    assert_eq!(both.lines().count(), 3);
    // One thread gives the same output as all of them.
    assert_eq!(
        stdout(wikimd().args(["parse", "-j", "1"]).arg(dir.path())),
        default
    );
    // --quiet: no summary (errors would still be said).
    let output = wikimd()
        .args(["parse", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
    // Standard input when no path is given (here it is not a terminal).
    let piped = stdout(
        wikimd()
            .arg("parse")
            .write_stdin(fs::read(dir.path().join("a.md")).unwrap()),
    );
    assert_eq!(
        serde_json::from_str::<Json>(&piped).unwrap(),
        reference("004_en_ce1c3c4f4201")
    );
    // check --fail-on-mojibake fails on a.md only.
    let check = |file: &str| {
        wikimd()
            .args(["check", "--fail-on-mojibake"])
            .arg(dir.path().join(file))
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(check("a.md"), Some(1));
    assert_eq!(check("b.MD"), Some(0));
}

#[test]
fn output_goes_to_a_file_that_appears_only_when_the_run_ends() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(&dir, "mojibake/004_en_ce1c3c4f4201.md", "a.md");
    copy_in(&dir, "clean/002_en_694e8886bfb3.md", "b.md");
    let out = dir.path().join("out.jsonl");
    let output = wikimd()
        .args(["parse", "-o"])
        .arg(&out)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty(), "nothing on standard output");
    let rows: Vec<Json> = fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["document"], reference("004_en_ce1c3c4f4201"));
    // A new file gets the usual permissions (not a temporary file's 0600), and no
    // temporary file is left beside it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode, 0o600, "{mode:o}");
        assert_eq!(mode & 0o644, 0o644, "{mode:o}");
    }
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");

    // `repair -o` writes the repaired text; `check -o` its report.
    let fixed = dir.path().join("fixed.md");
    stdout(
        wikimd()
            .args(["repair", "-o"])
            .arg(&fixed)
            .arg(dir.path().join("a.md")),
    );
    assert_eq!(
        fs::read(&fixed).unwrap(),
        fs::read(corpus().join("clean/004_en_ce1c3c4f4201.md")).unwrap()
    );
    let report = dir.path().join("report.txt");
    stdout(
        wikimd()
            .args(["check", "--output"])
            .arg(&report)
            .arg(dir.path().join("a.md")),
    );
    assert!(fs::read_to_string(&report)
        .unwrap()
        .contains("a.md: ok, mojibake"));

    // A usage error or a file that fails before any output leaves an existing file as it
    // was.
    fs::write(&out, "kept").unwrap();
    let (code, _) = failure(
        wikimd()
            .args(["parse", "--pretty", "--format", "jsonl", "-o"])
            .arg(&out)
            .arg(dir.path()),
    );
    assert_eq!(code, 2);
    let (code, _) = failure(
        wikimd()
            .args(["parse", "-o"])
            .arg(&out)
            .arg(dir.path().join("missing.md")),
    );
    assert_eq!(code, 1);
    let (code, _) = failure(
        wikimd()
            .args(["repair", "--in-place", "-o"])
            .arg(&out)
            .arg(dir.path()),
    );
    assert_eq!(code, 2);
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
}

#[test]
fn text_format_gives_the_plain_text_of_each_document() {
    let path = corpus().join("sample/operation-serval.mojibake.md");
    let text = stdout(wikimd().args(["parse", "--format", "text"]).arg(&path));
    let raw = fs::read_to_string(&path).unwrap();
    let repaired = wikimd::repair(&raw);
    let doc = wikimd::parse(&repaired).unwrap();
    assert_eq!(text, format!("Operation Serval\n\n{}\n", doc.plain_text()));
    assert!(text.contains("Battle of Konna"));

    // Several documents: each after a `==> path <==` line, a failed one only on stderr.
    let dir = tempfile::tempdir().unwrap();
    copy_in(&dir, "sample/operation-serval.clean.md", "a.md");
    fs::write(dir.path().join("b.md"), "---\ninfoboxes: 5\n---\n").unwrap();
    fs::write(dir.path().join("c.md"), "---\ntitle: C\n---\n\nSee.\n").unwrap();
    let output = wikimd()
        .args(["parse", "--format", "text"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let a = dir.path().join("a.md");
    let c = dir.path().join("c.md");
    assert!(text.starts_with(&format!("==> {} <==\nOperation Serval\n\n", a.display())));
    assert!(
        text.ends_with(&format!("\n\n==> {} <==\nC\n\nSee.\n", c.display())),
        "{text}"
    );
    assert!(!text.contains("b.md"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("b.md:2:12: `infoboxes`"));
    let (code, _) = failure(
        wikimd()
            .args(["parse", "--format", "text", "--pretty"])
            .arg(&a),
    );
    assert_eq!(code, 2);
}

#[test]
fn files_in_a_legacy_encoding_are_read_as_named_or_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.md");
    fs::write(&latin1, b"---\ntitle: Caf\xe9\n---\n\nNa\xefve.\n").unwrap();
    let cyrillic = dir.path().join("cp1251.md");
    // "Привет, мир. Съешь же ещё этих мягких французских булок." in Windows-1251.
    let russian =
        "---\ntitle: Привет\n---\n\nПривет, мир. Съешь же ещё этих мягких французских булок.\n";
    fs::write(&cyrillic, encoding_rs::WINDOWS_1251.encode(russian).0).unwrap();

    // By default: an error at the first bad byte that says what to do.
    let (code, stderr) = failure(wikimd().arg("parse").arg(&latin1));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("latin1.md:2:11: invalid UTF-8 (byte 14) (see --encoding)"),
        "{stderr}"
    );

    let output = wikimd()
        .args(["parse", "--encoding", "latin1"])
        .arg(&latin1)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["title"], "Café");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("latin1.md: not UTF-8, read as windows-1252\n"),
        "{stderr}"
    );

    let output = wikimd()
        .args(["parse", "--encoding", "auto", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let rows: Vec<Json> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["document"]["title"], "Привет");
    assert_eq!(rows[1]["document"]["title"], "Café");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cp1251.md: not UTF-8, read as windows-1251, guessed"),
        "{stderr}"
    );

    // `repair --in-place` with an encoding turns such files into UTF-8.
    stdout(
        wikimd()
            .args(["repair", "--in-place", "--encoding", "auto"])
            .arg(dir.path()),
    );
    assert_eq!(fs::read_to_string(&cyrillic).unwrap(), russian);
    assert_eq!(
        fs::read_to_string(&latin1).unwrap(),
        "---\ntitle: Café\n---\n\nNaïve.\n"
    );

    let (code, stderr) = failure(
        wikimd()
            .args(["parse", "--encoding", "shift-jis"])
            .arg(&latin1),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown encoding `shift-jis`"), "{stderr}");
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let help = stdout(wikimd().arg("--help"));
    assert!(
        help.contains("Examples:\n  wikimd parse article.md"),
        "{help}"
    );
    assert!(help.contains(
        "Exit codes: 0 every document fine, 1 a document or directory failed, 2 usage error."
    ));
    for flag in ["--jobs", "--quiet", "--ext", "--encoding", "--output"] {
        assert!(help.contains(flag), "{flag}");
    }
}
