//! The command on hostile input: exit code 0 or 1, never a crash, and an error that names
//! the file.

#[path = "../../tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::hostile::cases;

#[test]
fn the_command_never_crashes_on_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    for (name, input) in cases() {
        let path = dir.path().join(format!("{name}.md"));
        std::fs::write(&path, &input).unwrap();
        for args in [&["parse"][..], &["check"], &["repair"]] {
            let output = Command::cargo_bin("wikimd")
                .unwrap()
                .args(args)
                .arg(&path)
                .output()
                .unwrap();
            let code = output.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{name} {args:?}: {code:?} {}",
                String::from_utf8_lossy(&output.stderr)
            );
            if code == Some(1) {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let stdout = String::from_utf8_lossy(&output.stdout);
                let report = if args[0] == "check" { stdout } else { stderr };
                assert!(
                    report.contains(&format!("{name}.md:")),
                    "{name} {args:?}: {report}"
                );
            }
        }
    }
}
