//! The `wikimd` command: parse, repair and check files and whole corpora.
//!
//! Exit codes: 0 when every document is fine, 1 when a document or a directory failed (the
//! others are still processed), 2 for a usage error.

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wikimd::load::Fallback;

mod in_place;
mod inputs;

use inputs::{collect, Inputs};

/// Parse, repair and check Wikipedia-derived Markdown with YAML front matter.
#[derive(Parser)]
#[command(name = "wikimd", version, about, long_about = None, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

/// Options of every command.
#[derive(Args)]
struct Global {
    /// Threads to work on (default: one per core).
    #[arg(short = 'j', long, global = true, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar, notes or summaries on standard error (errors are still said).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// The file extensions a directory walk takes, compared without case (repeatable;
    /// default: md).
    #[arg(long = "ext", global = true, value_name = "EXT")]
    extensions: Vec<String>,
    /// How to read a file that is not UTF-8: `utf-8` (an error), a single-byte encoding
    /// (`latin1`, `windows-1252`, `windows-1251`, `windows-1250`, `windows-1253`,
    /// `windows-1254`, `windows-1257`, `iso-8859-2`, `macintosh`, `cp437`), or `auto`
    /// (the most plausible of them). UTF-8 files are read as UTF-8 whatever is given; each
    /// file read otherwise is said on standard error.
    #[arg(long, global = true, value_name = "ENCODING", default_value = "utf-8", value_parser = parse_fallback)]
    encoding: Fallback,
    /// Write the output to FILE instead of standard output (through a temporary file
    /// beside it, renamed when the run ends: FILE is never left half written).
    #[arg(short, long, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `--encoding`: `utf-8`, `auto` or an encoding's name.
fn parse_fallback(name: &str) -> Result<Fallback, String> {
    match name.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Ok(Fallback::None),
        "auto" | "guess" => Ok(Fallback::Guess),
        _ => name
            .parse()
            .map(Fallback::Encoding)
            .map_err(|e: wikimd::repair::UnknownEncoding| format!("{e}, or utf-8, or auto")),
    }
}

/// What every command is given besides its own arguments.
struct Run {
    extensions: Vec<String>,
    encoding: Fallback,
    output: Option<PathBuf>,
}

const AFTER_HELP: &str = "\
Examples:
  wikimd parse article.md                      one document as JSON
  wikimd parse corpus/ -o corpus.jsonl         a corpus as JSON Lines, with progress
  wikimd parse article.md --format text        its plain text, headings included
  zcat a.md.gz | wikimd parse                  standard input
  wikimd check --fail-on-mojibake corpus/      fail (exit 1) when a file needs repair
  wikimd repair --explain article.md > out.md  the repaired text, each fix said
  wikimd repair --in-place corpus/             rewrite the files that need repair
  wikimd parse --encoding auto old/            files saved in Latin-1, Windows-1251, ...

Directories are searched recursively for *.md files, sorted; links to files are read, links \
to directories are not followed, FIFOs, sockets and devices are skipped (each said on \
standard error); an unreadable subdirectory fails under its name and the walk goes on. \
A file given by name is read whatever it is (a FIFO too). '-' is standard input, once.

Exit codes: 0 every document fine, 1 a document or directory failed, 2 usage error.";

#[derive(Subcommand)]
enum Command {
    /// Print documents as JSON: one object for one file, JSON Lines rows
    /// ({"path", "document"} or {"path", "error"}) for several files or directories.
    Parse(ParseArgs),
    /// Print the repaired text of a file ('-' for standard input), or rewrite files in
    /// place.
    Repair(RepairArgs),
    /// Report per file whether it parses and whether it holds mojibake.
    Check(CheckArgs),
}

#[derive(Args)]
struct ParseArgs {
    /// Files, or directories searched recursively for *.md files; standard input when
    /// none is given and it is not a terminal.
    paths: Vec<PathBuf>,
    /// Parse the text as it is, without repairing mojibake first.
    #[arg(long)]
    no_repair: bool,
    /// Read lists as strict CommonMark (a lazy continuation line joins the last item).
    #[arg(long)]
    strict_commonmark: bool,
    /// The output: `json`, one document's object (or, for several files, an array of
    /// rows); `jsonl`, one row per line; `text`, the plain text of each document (its
    /// title, then each section's heading and text; several documents each after a
    /// `==> path <==` line). A row is `{"path", "document"}`, or
    /// `{"path", "error": {"line", "column", "offset", "message"}}` for a file that
    /// failed. Default: `json` for one file, `jsonl` for several files or a directory.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Indent the JSON (`--format json`).
    #[arg(long)]
    pretty: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Text,
}

#[derive(Args)]
struct RepairArgs {
    /// Files, directories (with --in-place), or '-' for standard input (the default when
    /// no path is given and it is not a terminal).
    paths: Vec<PathBuf>,
    /// Rewrite files that need repair (through a temporary file and a rename); leave the
    /// others untouched. Keeps permissions, owner and group (or leaves the file alone),
    /// follows symbolic links, splits hard links, drops extended attributes, and first
    /// removes the temporary files of interrupted runs. Files read from another
    /// encoding (`--encoding`) are rewritten as UTF-8.
    #[arg(long)]
    in_place: bool,
    /// List each fix on standard error.
    #[arg(long)]
    explain: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Files, or directories searched recursively for *.md files; standard input when
    /// none is given and it is not a terminal.
    paths: Vec<PathBuf>,
    /// Fail (exit 1) when a document holds mojibake, as a CI check.
    #[arg(long)]
    fail_on_mojibake: bool,
}

const BROKEN_PIPE: &str = "<output closed>";

/// A failure, already formatted as `path[:line:column]: message`.
pub struct Failure {
    message: String,
    /// A usage error (exit code 2), not a document's.
    usage: bool,
    /// For a document's error: the message alone, and where (line, column, byte offset).
    reason: Option<(String, Option<wikimd::Position>)>,
}

impl Failure {
    fn new(message: String) -> Failure {
        Failure {
            message,
            usage: false,
            reason: None,
        }
    }

    fn usage(message: &str) -> Failure {
        Failure {
            usage: true,
            ..Failure::new(message.into())
        }
    }

    fn io(path: &Path, error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            return Failure::new(BROKEN_PIPE.into());
        }
        Failure {
            reason: Some((error.to_string(), None)),
            ..Failure::new(format!("{}: {}", path.display(), error))
        }
    }

    fn parse(path: &Path, error: &wikimd::Error) -> Failure {
        let position = wikimd::Position {
            offset: error.offset(),
            line: error.line(),
            column: error.column(),
        };
        Failure {
            reason: Some((error.kind().to_string(), Some(position))),
            ..Failure::new(format!(
                "{}:{}:{}: {} (byte {})",
                path.display(),
                error.line(),
                error.column(),
                error.kind(),
                error.offset()
            ))
        }
    }

    /// The failure as a row's `"error"` object.
    fn to_json(&self) -> serde_json::Value {
        match &self.reason {
            Some((message, Some(at))) => serde_json::json!({
                "line": at.line, "column": at.column, "offset": at.offset, "message": message,
            }),
            Some((message, None)) => serde_json::json!({ "message": message }),
            None => serde_json::json!({ "message": self.message }),
        }
    }
}

/// Writes a line to standard error; a closed standard error is no reason to stop.
/// Says a note or a summary on standard error, unless `--quiet`.
fn note(line: &str) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        warn(line);
    }
}

/// `--quiet`, for the whole run.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// While a progress bar is shown, lines go through it (they would leave copies of it on
/// the screen otherwise).
fn warn(line: &str) {
    let bar = SHOWN.lock().ok().and_then(|bar| bar.clone());
    let write = || {
        let _ = writeln!(io::stderr(), "{line}");
    };
    match bar {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// The progress bar on screen, if any.
static SHOWN: std::sync::Mutex<Option<ProgressBar>> = std::sync::Mutex::new(None);

fn main() -> ExitCode {
    let cli = Cli::parse();
    QUIET.store(cli.global.quiet, std::sync::atomic::Ordering::Relaxed);
    if let Some(jobs) = cli.global.jobs {
        let built = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
        if let Err(e) = built {
            warn(&format!("wikimd: --jobs {jobs}: {e}"));
            return ExitCode::from(2);
        }
    }
    let extensions = if cli.global.extensions.is_empty() {
        vec!["md".to_string()]
    } else {
        cli.global.extensions.clone()
    };
    let run = Run {
        extensions,
        encoding: cli.global.encoding,
        output: cli.global.output.clone(),
    };
    let result = match cli.command {
        Command::Parse(args) => parse(args, &run),
        Command::Repair(args) => repair(args, &run),
        Command::Check(args) => check(args, &run),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`wikimd parse DIR | head`) ends the output, not in error.
        Err(failure) if failure.message.ends_with(BROKEN_PIPE) => ExitCode::SUCCESS,
        Err(failure) => {
            warn(&format!("wikimd: {}", failure.message));
            ExitCode::from(if failure.usage { 2 } else { 1 })
        }
    }
}

/// Standard input can be read once: `-` may be given once.
fn stdin_once(paths: &[PathBuf]) -> Result<(), Failure> {
    if paths.iter().filter(|p| *p == Path::new("-")).count() > 1 {
        return Err(Failure::usage(
            "'-' (standard input) can be given only once: it can be read only once",
        ));
    }
    Ok(())
}

/// The paths given, or standard input when none is given and it is not a terminal.
fn paths_or_stdin(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    if io::stdin().is_terminal() {
        return Err(Failure::usage(
            "no input: give files or directories, or '-' for standard input (see --help)",
        ));
    }
    Ok(vec![PathBuf::from("-")])
}

/// Collects the inputs, and says on standard error what was skipped or failed.
fn inputs(paths: &[PathBuf], extensions: &[String]) -> Result<Inputs, Failure> {
    stdin_once(paths)?;
    let inputs = collect(paths, extensions);
    inputs.skipped.iter().for_each(|line| note(line));
    Ok(inputs)
}

/// A file's text: UTF-8, or decoded as `--encoding` says (and said on standard error).
fn read_text(path: &Path, encoding: Fallback) -> Result<String, Failure> {
    read_decoded(path, encoding).map(|(text, _)| text)
}

/// [`read_text`], and whether the file was decoded from a single-byte encoding.
fn read_decoded(path: &Path, encoding: Fallback) -> Result<(String, bool), Failure> {
    let bytes = if path == Path::new("-") {
        let mut buffer = Vec::new();
        io::stdin()
            .read_to_end(&mut buffer)
            .map_err(|e| Failure::io(path, e))?;
        buffer
    } else {
        fs::read(path).map_err(|e| Failure::io(path, e))?
    };
    // wikimd's check is SIMD-quick; the copy costs less than std's slower check would.
    if let Ok(text) = wikimd::from_utf8(&bytes) {
        return Ok((text.to_owned(), false));
    }
    let decoded = wikimd::decode_bytes(&bytes, encoding).map_err(|error| {
        let mut failure = Failure::parse(path, &error);
        failure.message += " (see --encoding)";
        failure
    })?;
    if let Some(read_as) = decoded.encoding {
        let how = if decoded.guessed { ", guessed" } else { "" };
        note(&format!(
            "{}: not UTF-8, read as {read_as}{how}",
            path.display()
        ));
    }
    Ok((decoded.text.into_owned(), true))
}

/// The output's buffer: rows are written out in pieces of about this size. With the
/// default 8 kB, a document's row (17 kB on average) went to standard output on its own,
/// through the line buffering of `io::Stdout`, which looked for its last line feed in the
/// whole row, and its line feed after it in a second `write` call: two system calls a
/// document.
const OUTPUT_ROOM: usize = 64 * 1024;

/// Where the output goes: standard output, or `--output`'s file, which takes its place
/// only when everything was written ([`Output::finish`]).
enum Output {
    Stdout(BufWriter<io::Stdout>),
    File(Box<BufWriter<in_place::Replacement>>),
}

impl Output {
    fn open(run: &Run) -> Result<Output, Failure> {
        Ok(match &run.output {
            None => Output::Stdout(BufWriter::with_capacity(OUTPUT_ROOM, io::stdout())),
            Some(path) => Output::File(Box::new(BufWriter::with_capacity(
                OUTPUT_ROOM,
                in_place::Replacement::begin(path)?,
            ))),
        })
    }

    /// The failure to say when writing the output failed (a closed standard output ends
    /// the run quietly).
    fn failure(&self, error: io::Error) -> Failure {
        match self {
            Output::Stdout(_) => stdout_failure(error),
            Output::File(out) => out.get_ref().fail("writing failed", error),
        }
    }

    /// Flushes the output, and puts `--output`'s file in place.
    fn finish(self) -> Result<(), Failure> {
        match self {
            Output::Stdout(mut out) => out.flush().map_err(stdout_failure),
            Output::File(out) => {
                let replacement = out.into_inner().map_err(|e| {
                    let error = io::Error::new(e.error().kind(), e.error().to_string());
                    e.into_inner().get_ref().fail("writing failed", error)
                })?;
                replacement.commit()
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(out) => out.flush(),
        }
    }
}

/// A failure to write the output (a closed standard output ends the run quietly).
fn stdout_failure(error: io::Error) -> Failure {
    Failure::io(Path::new("<output>"), error)
}

/// A progress bar on standard error when it is a terminal; hidden otherwise.
fn progress(len: usize) -> ProgressBar {
    if !io::stderr().is_terminal() || len < 2 || QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {rate}, ETA {eta}")
            .expect("valid template")
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            ),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    if let Ok(mut shown) = SHOWN.lock() {
        *shown = Some(bar.clone());
    }
    bar
}

/// Runs `work` on every file in parallel, handing the results to `emit` in file order.
///
/// Workers take the next file as soon as they are free (no waiting for the slowest file
/// of a batch). The worker that finishes the file whose turn it is to be written writes
/// it, then the results of the files after it that are already done; a result that is
/// not yet its turn is left for that worker. At most `8 × threads` files are past the
/// next one to write: a worker waits before starting one further on, so that a few
/// documents per thread are in memory at once, whatever the corpus size.
///
/// (The calling thread wrote every result, woken by each: two context switches a file
/// where it shared a core with a worker, a fifth of the time on one core over the corpus's
/// articles; see BENCHMARKS.md.)
fn for_each_in_order<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
    emit: impl FnMut(&Path, T) -> io::Result<()> + Send,
) -> io::Result<()> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, PoisonError};

    /// What the workers share: the results waiting for their turn, the next file to write,
    /// the writer, and the first error writing.
    struct Turns<T, E> {
        waiting: BTreeMap<usize, T>,
        next_written: usize,
        emit: E,
        outcome: io::Result<()>,
    }

    let bar = progress(files.len());
    let threads = rayon::current_num_threads().max(1);
    let window = 8 * threads;
    let next_started = AtomicUsize::new(0);
    // `Turns::next_written`, readable without the lock (a worker checks it before each file).
    let next_written = AtomicUsize::new(0);
    let turns = Mutex::new(Turns {
        waiting: BTreeMap::new(),
        next_written: 0,
        emit,
        outcome: Ok(()),
    });
    // Where workers wait for the window to move on.
    let moved = Condvar::new();
    let lock = || turns.lock().unwrap_or_else(PoisonError::into_inner);
    rayon::in_place_scope(|scope| {
        for _ in 0..threads {
            let (work, bar, next_started, next_written) =
                (&work, &bar, &next_started, &next_written);
            let (lock, moved) = (&lock, &moved);
            scope.spawn(move |_| loop {
                let i = next_started.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { return };
                if i >= next_written.load(Ordering::Acquire) + window {
                    let mut turns = lock();
                    while i >= turns.next_written + window && turns.outcome.is_ok() {
                        turns = moved.wait(turns).unwrap_or_else(PoisonError::into_inner);
                    }
                    if turns.outcome.is_err() {
                        return;
                    }
                }
                let result = {
                    // A worker that panics stops the others (its file's turn would never
                    // come); the scope then passes the panic on.
                    let _stop = StopOnPanic(|| {
                        let mut turns = lock();
                        turns.outcome = Err(io::Error::other("a worker panicked"));
                        drop(turns);
                        moved.notify_all();
                    });
                    work(path)
                };
                let mut turns = lock();
                if turns.outcome.is_err() {
                    return;
                }
                if i != turns.next_written {
                    turns.waiting.insert(i, result);
                    continue;
                }
                let mut result = Some(result);
                while let Some(ready) = result.take() {
                    let at = turns.next_written;
                    turns.outcome = (turns.emit)(&files[at], ready);
                    bar.inc(1);
                    turns.next_written += 1;
                    if turns.outcome.is_err() {
                        break;
                    }
                    let after = turns.next_written;
                    result = turns.waiting.remove(&after);
                }
                next_written.store(turns.next_written, Ordering::Release);
                drop(turns);
                moved.notify_all();
            });
        }
    });
    if let Ok(mut shown) = SHOWN.lock() {
        *shown = None;
    }
    bar.finish_and_clear();
    let turns = turns.into_inner().unwrap_or_else(PoisonError::into_inner);
    turns.outcome
}

/// Runs its function if dropped while the thread panics.
struct StopOnPanic<F: Fn()>(F);

impl<F: Fn()> Drop for StopOnPanic<F> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}

fn parse_options(args: &ParseArgs) -> wikimd::ParseOptions {
    let list_end = if args.strict_commonmark {
        wikimd::ListEnd::CommonMark
    } else {
        wikimd::ListEnd::WhereWritten
    };
    wikimd::ParseOptions::new().list_end(list_end)
}

/// The text to parse: the file's, repaired unless `no_repair`. The file's own text is
/// dropped as soon as a repaired copy exists: one large file is in memory once.
/// Also says whether the text was repaired.
fn document_text(path: &Path, no_repair: bool, run: &Run) -> Result<(String, bool), Failure> {
    let raw = read_text(path, run.encoding)?;
    if no_repair {
        return Ok((raw, false));
    }
    let repaired = match wikimd::repair(&raw) {
        Cow::Owned(repaired) => Some(repaired),
        Cow::Borrowed(_) => None,
    };
    Ok(match repaired {
        Some(repaired) => (repaired, true),
        None => (raw, false),
    })
}

/// Parses a document's text, with an error's position in the file as read: when the text
/// was repaired, the file is read again and parsed as it is, as `check` does (standard
/// input cannot be read again: its positions are in the repaired text).
fn parse_document<'t>(
    path: &Path,
    (text, repaired): &'t (String, bool),
    options: &wikimd::ParseOptions,
    run: &Run,
) -> Result<wikimd::Document<'t>, Failure> {
    wikimd::parse_with(text, options).map_err(|error| {
        let raw = (*repaired && path != Path::new("-"))
            .then(|| read_text(path, run.encoding).ok())
            .flatten();
        Failure::parse(path, &in_file(raw.as_deref(), options, error))
    })
}

/// A parse error of the repaired text, placed in the file as read (`raw`, when the text
/// was repaired): the file's own error, where it parses with one.
fn in_file(
    raw: Option<&str>,
    options: &wikimd::ParseOptions,
    error: wikimd::Error,
) -> wikimd::Error {
    raw.and_then(|raw| wikimd::parse_with(raw, options).err())
        .unwrap_or(error)
}

/// A document as `--format text` gives it: its title, a blank line, its plain text.
fn document_text_output(doc: &wikimd::Document<'_>) -> String {
    let mut out = String::new();
    if let Some(title) = doc.title() {
        out += &title.decode();
        out += "\n\n";
    }
    out += &doc.plain_text();
    out.push('\n');
    out
}

/// One file's output in `format`, and the failure to say on standard error if it failed.
/// A JSON row is `{"path": …, "document": …}`, or `{"path": …, "error": …}`: the document
/// sits under a key of its own, so that no front matter key (`path`, `error`) can collide
/// with the row's. A text entry is the document after a `==> path <==` line.
fn parse_to_row(
    path: &Path,
    args: &ParseArgs,
    run: &Run,
    format: Format,
) -> (Vec<u8>, Option<Failure>) {
    let name = serde_json::to_string(&path.display().to_string()).expect("a string");
    let failure = match document_text(path, args.no_repair, run) {
        Ok(text) => match parse_document(path, &text, &parse_options(args), run) {
            Ok(doc) if format == Format::Text => {
                let text = document_text_output(&doc);
                return (
                    format!("==> {} <==\n{text}", path.display()).into_bytes(),
                    None,
                );
            }
            Ok(doc) => {
                // The row written at once into one buffer with room for about the
                // document's size (its JSON is about as long as its text): where the JSON
                // was made on its own, grown from 128 bytes by doubling, then copied into
                // the row.
                let mut row = Vec::with_capacity(name.len() + text.0.len() + 64);
                row.extend_from_slice(b"{\"path\":");
                row.extend_from_slice(name.as_bytes());
                row.extend_from_slice(b",\"document\":");
                if args.pretty {
                    serde_json::to_writer_pretty(&mut row, &doc)
                } else {
                    serde_json::to_writer(&mut row, &doc)
                }
                .expect("documents serialize");
                row.push(b'}');
                return (row, None);
            }
            Err(failure) => failure,
        },
        Err(failure) => failure,
    };
    if format == Format::Text {
        return (Vec::new(), Some(failure));
    }
    let row = format!("{{\"path\":{name},\"error\":{}}}", failure.to_json());
    (row.into_bytes(), Some(failure))
}

fn parse(mut args: ParseArgs, run: &Run) -> Result<bool, Failure> {
    args.paths = paths_or_stdin(&args.paths)?;
    let single = args.paths.len() == 1 && !args.paths[0].is_dir();
    let format = args
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    if args.pretty && format != Format::Json {
        return Err(Failure::usage(
            "--pretty indents JSON, not JSON Lines or text (use --format json)",
        ));
    }
    if single && format != Format::Jsonl {
        // Written as it is serialized: no copy of the document as JSON text in memory.
        let path = &args.paths[0];
        let text = document_text(path, args.no_repair, run)?;
        let doc = parse_document(path, &text, &parse_options(&args), run)?;
        let mut out = Output::open(run)?;
        match format {
            Format::Text => out.write_all(document_text_output(&doc).as_bytes()),
            _ if args.pretty => serde_json::to_writer_pretty(&mut out, &doc)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out)),
            _ => serde_json::to_writer(&mut out, &doc)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out)),
        }
        .map_err(|e| out.failure(e))?;
        out.finish()?;
        return Ok(true);
    }
    let inputs = inputs(&args.paths, &run.extensions)?;
    let mut ok = inputs.failures.is_empty();
    inputs.failures.iter().for_each(|f| warn(&f.message));
    let mut out = Output::open(run)?;
    let (mut parsed, mut failed, mut written_rows) = (0usize, 0usize, 0usize);
    let array = format == Format::Json;
    let written = (|| {
        if array {
            write!(out, "[")?;
        }
        for_each_in_order(
            &inputs.files,
            |path| parse_to_row(path, &args, run, format),
            |_, (row, failure)| {
                let first = written_rows == 0;
                written_rows += usize::from(!row.is_empty());
                match format {
                    Format::Json => {
                        out.write_all(if first { b"\n" } else { b",\n" })?;
                        out.write_all(&row)?;
                    }
                    Format::Jsonl => {
                        out.write_all(&row)?;
                        out.write_all(b"\n")?;
                    }
                    Format::Text if row.is_empty() => {}
                    Format::Text => {
                        out.write_all(if first { b"" } else { b"\n" })?;
                        out.write_all(&row)?;
                    }
                }
                match failure {
                    None => parsed += 1,
                    Some(failure) => {
                        failed += 1;
                        ok = false;
                        warn(&failure.message);
                    }
                }
                Ok(())
            },
        )?;
        if array {
            writeln!(out, "\n]")?;
        }
        Ok(())
    })();
    written.map_err(|e| out.failure(e))?;
    out.finish()?;
    if !single {
        note(&format!(
            "{} documents: {parsed} parsed, {failed} failed",
            parsed + failed
        ));
    }
    Ok(ok)
}

/// The fixes `repair` makes in `text`, one line each: `path:line:column: before -> after (why)`.
fn explain_lines(path: &Path, text: &str) -> Vec<String> {
    let report = wikimd::repair::explain(text);
    // Fixes come in order: each position is counted on from the last one.
    let mut position = wikimd::Position::of(text, 0);
    report
        .fixes
        .iter()
        .map(|fix| {
            position = position.advance(text, fix.span.start);
            let kinds: Vec<String> = fix.kinds.iter().map(ToString::to_string).collect();
            format!(
                "{}:{}:{}: {:?} -> {:?} ({})",
                path.display(),
                position.line,
                position.column,
                fix.before,
                fix.after,
                kinds.join(", then ")
            )
        })
        .collect()
}

fn repair(mut args: RepairArgs, run: &Run) -> Result<bool, Failure> {
    args.paths = paths_or_stdin(&args.paths)?;
    if args.in_place && run.output.is_some() {
        return Err(Failure::usage(
            "--in-place rewrites the files themselves: --output has no place with it",
        ));
    }
    if !args.in_place {
        if args.paths.len() != 1 {
            return Err(Failure::usage(
                "repair prints one file; use --in-place for several",
            ));
        }
        let path = &args.paths[0];
        if path.is_dir() {
            return Err(Failure::usage(
                "repair prints one file; use --in-place for directories",
            ));
        }
        let raw = read_text(path, run.encoding)?;
        if args.explain {
            for line in explain_lines(path, &raw) {
                warn(&line);
            }
        }
        let repaired = wikimd::repair(&raw);
        let mut out = Output::open(run)?;
        out.write_all(repaired.as_bytes())
            .map_err(|e| out.failure(e))?;
        out.finish()?;
        return Ok(true);
    }
    if args.paths.iter().any(|p| p == Path::new("-")) {
        return Err(Failure::usage("--in-place cannot rewrite standard input"));
    }
    let started = SystemTime::now();
    let inputs = inputs(&args.paths, &run.extensions)?;
    let mut ok = inputs.failures.is_empty();
    inputs.failures.iter().for_each(|f| warn(&f.message));
    let dirs: BTreeSet<&Path> = inputs
        .files
        .iter()
        .map(|file| file.parent().unwrap_or(Path::new("")))
        .collect();
    for dir in dirs {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        in_place::remove_stale_temporary_files(dir, started)
            .iter()
            .for_each(|line| note(line));
    }
    let (mut rewritten, mut clean, mut failed) = (0usize, 0usize, 0usize);
    for_each_in_order(
        &inputs.files,
        |path| -> Result<Option<Vec<String>>, Failure> {
            let (raw, legacy) = read_decoded(path, run.encoding)?;
            let repaired = wikimd::repair(&raw);
            if matches!(repaired, Cow::Borrowed(_)) && !legacy {
                return Ok(None);
            }
            let lines = if args.explain {
                explain_lines(path, &raw)
            } else {
                Vec::new()
            };
            in_place::rewrite(path, repaired.as_bytes())?;
            Ok(Some(lines))
        },
        |_, result| {
            match result {
                Ok(Some(lines)) => {
                    rewritten += 1;
                    lines.iter().for_each(|line| warn(line));
                }
                Ok(None) => clean += 1,
                Err(failure) => {
                    failed += 1;
                    ok = false;
                    warn(&failure.message);
                }
            }
            Ok(())
        },
    )
    .map_err(|e| Failure::io(Path::new("<stderr>"), e))?;
    note(&format!(
        "{} files: {rewritten} rewritten, {clean} already clean, {failed} failed",
        rewritten + clean + failed
    ));
    Ok(ok)
}

fn check(mut args: CheckArgs, run: &Run) -> Result<bool, Failure> {
    args.paths = paths_or_stdin(&args.paths)?;
    let inputs = inputs(&args.paths, &run.extensions)?;
    let (mut fine, mut damaged, mut failed) = (0usize, 0usize, 0usize);
    let mut out = Output::open(run)?;
    let written = (|| {
        for failure in &inputs.failures {
            writeln!(out, "{}", failure.message)?;
        }
        for_each_in_order(
            &inputs.files,
            |path| -> Result<bool, Failure> {
                let raw = read_text(path, run.encoding)?;
                let repaired = wikimd::repair(&raw);
                let mojibake = matches!(repaired, Cow::Owned(_));
                let options = wikimd::ParseOptions::new();
                wikimd::parse_with(&repaired, &options).map_err(|e| {
                    let raw = mojibake.then_some(raw.as_str());
                    Failure::parse(path, &in_file(raw, &options, e))
                })?;
                Ok(mojibake)
            },
            |path, result| {
                match result {
                    Ok(true) => {
                        damaged += 1;
                        writeln!(
                            out,
                            "{}: ok, mojibake (run `wikimd repair`)",
                            path.display()
                        )?;
                    }
                    Ok(false) => {
                        fine += 1;
                        writeln!(out, "{}: ok", path.display())?;
                    }
                    Err(failure) => {
                        failed += 1;
                        writeln!(out, "{}", failure.message)?;
                    }
                }
                Ok(())
            },
        )?;
        let directories = match inputs.failures.len() {
            0 => String::new(),
            1 => "; 1 directory error".to_string(),
            n => format!("; {n} directory errors"),
        };
        writeln!(
            out,
            "{} documents: {} ok, {} with mojibake, {} failed{}",
            inputs.files.len(),
            fine,
            damaged,
            failed,
            directories
        )
    })();
    written.map_err(|e| out.failure(e))?;
    out.finish()?;
    Ok(failed == 0 && inputs.failures.is_empty() && !(args.fail_on_mojibake && damaged > 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn numbered(n: usize) -> Vec<PathBuf> {
        (0..n).map(|i| PathBuf::from(i.to_string())).collect()
    }

    fn number(path: &Path) -> usize {
        path.to_str().unwrap().parse().unwrap()
    }

    /// Files finish out of order (each takes a different time, one of them long enough
    /// for the others to run far ahead), are written in order, and no file is started
    /// more than the window past the next one to write.
    #[test]
    fn results_are_written_in_file_order_whatever_order_they_finish() {
        let files = numbered(400);
        let window = 8 * rayon::current_num_threads().max(1);
        let written = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        let mut order = Vec::new();
        for_each_in_order(
            &files,
            |path| {
                let i = number(path);
                let ahead = i - written.load(Ordering::SeqCst);
                furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
                let micros = if i == 3 { 200_000 } else { i * 7919 % 13 * 40 };
                std::thread::sleep(Duration::from_micros(micros as u64));
                i * 2
            },
            |path, result| {
                assert_eq!(result, number(path) * 2, "a file's own result");
                order.push(number(path));
                written.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(order, (0..400).collect::<Vec<_>>());
        let ahead = furthest_ahead.load(Ordering::SeqCst);
        assert!(
            ahead < window,
            "a file started {ahead} past the next to write"
        );
    }

    /// An error writing ends the run with that error: nothing is written after it, and
    /// the files past the window are never started.
    #[test]
    fn an_error_writing_stops_the_work() {
        let files = numbered(10_000);
        let window = 8 * rayon::current_num_threads().max(1);
        let started = AtomicUsize::new(0);
        let mut calls = 0;
        let outcome = for_each_in_order(
            &files,
            |_| {
                started.fetch_add(1, Ordering::SeqCst);
            },
            |_, ()| {
                calls += 1;
                if calls == 10 {
                    Err(io::Error::other("closed"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(outcome.unwrap_err().to_string(), "closed");
        assert_eq!(calls, 10);
        let started = started.load(Ordering::SeqCst);
        assert!(started <= 10 + window, "{started} files started");
    }

    /// A worker that panics ends the run with its panic, not a wait for its file's turn.
    #[test]
    #[should_panic(expected = "file 5")]
    fn a_panicking_worker_stops_the_others() {
        let files = numbered(1_000);
        let _ = for_each_in_order(
            &files,
            |path| {
                if number(path) == 5 {
                    panic!("file 5");
                }
            },
            |_, ()| Ok(()),
        );
    }
}
