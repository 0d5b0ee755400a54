//! Listing the files of a corpus: walkdir over each path, hidden entries skipped, symlinks not
//! followed unless asked (`lede index --follow`, as ripgrep's and fd's `--follow`), entries
//! sorted by name so that every run sees the same order.

use super::path_text::path_text;
use super::{Format, Problem, ProblemKind, Severity};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One file to read, with what the incremental indexer needs to tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's absolute path: the corpus root's canonical path joined with the path below it
    /// (canonical itself unless the walk followed links). It identifies the file across runs.
    pub abs_path: PathBuf,
    /// The path relative to the corpus root it was found under (its name, for a file given alone),
    /// with `/` separators: the default article id and the path shown to users.
    pub rel_path: String,
    /// Size in bytes.
    pub size: u64,
    /// Last modification, in nanoseconds since the Unix epoch (0 when unknown).
    pub modified_ns: i128,
}

impl SourceFile {
    /// A fingerprint of size and modification time: when it is unchanged, the file is not re-read.
    pub fn stamp(&self) -> u64 {
        let mut bytes = [0u8; 24];
        bytes[..8].copy_from_slice(&self.size.to_le_bytes());
        bytes[8..].copy_from_slice(&self.modified_ns.to_le_bytes());
        hash64(&bytes)
    }
}

/// The XXH3 hash of `bytes`: lede's stable 64-bit fingerprint (XXH3's output is fixed by its
/// specification, so indexes keep their fingerprints across versions of the crate).
pub(crate) fn hash64(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// What a walk found: the files to read and the problems met (unreadable folders, broken links).
#[derive(Debug, Default)]
pub struct WalkResult {
    /// Files in a format lede reads, in walk order.
    pub files: Vec<SourceFile>,
    /// The canonical paths walked: a file given alone, or a folder (all files below it).
    pub scopes: Vec<PathBuf>,
    /// Problems met on the way.
    pub problems: Vec<Problem>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// Whether a folder holds a saved web page's resources: browsers save `Page.html` with its
/// scripts, styles, images and the pages of its frames (advertising, widgets: `.html` files that
/// are no article) in `Page_files` beside it.
fn is_saved_page_resources(entry: &walkdir::DirEntry) -> bool {
    let Some(stem) = entry
        .file_name()
        .to_str()
        .and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    entry.file_type().is_dir()
        && ["html", "htm"].iter().any(|ext| {
            entry
                .path()
                .with_file_name(format!("{stem}.{ext}"))
                .is_file()
        })
}

/// The file at `abs_path` (canonical), shown as `rel_path`, with what identifies it on its file
/// system.
fn source_file(abs_path: PathBuf, rel_path: String) -> std::io::Result<(SourceFile, Identity)> {
    let meta = std::fs::metadata(&abs_path)?;
    let identity = Identity::of(&meta, &abs_path);
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    let file = SourceFile {
        abs_path,
        rel_path,
        size: meta.len(),
        modified_ns,
    };
    Ok((file, identity))
}

/// What tells a file or folder apart from every other on the machine, whatever path reaches it:
/// its device and inode on Unix, its canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    /// Device and inode.
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    /// The canonical path (or the path as given when it has none).
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl Identity {
    /// The identity of what `meta` (followed through links) describes at `path`.
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata, _path: &Path) -> Identity {
        use std::os::unix::fs::MetadataExt;
        Identity::Inode(meta.dev(), meta.ino())
    }

    /// The identity of what `meta` (followed through links) describes at `path`.
    #[cfg(not(unix))]
    fn of(_meta: &std::fs::Metadata, path: &Path) -> Identity {
        Identity::Path(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// The files and folders a walk has reached, by [`Identity`], with the path each was first
/// reached by: what is reached again (through a second link, or a path given inside another) is
/// left out, so that no article is indexed twice.
#[derive(Debug, Default)]
struct Reached(std::collections::HashMap<Identity, PathBuf>);

impl Reached {
    /// Records `identity` (of a `what`, file or folder) as reached at `path`; a warning naming
    /// the first path when it was reached before.
    fn again(&mut self, identity: Identity, path: &Path, what: &str) -> Option<Problem> {
        use std::collections::hash_map::Entry;
        match self.0.entry(identity) {
            Entry::Vacant(vacant) => {
                vacant.insert(path.to_path_buf());
                None
            }
            Entry::Occupied(first) => Some(Problem {
                path: path.display().to_string(),
                line: None,
                message: format!(
                    "the same {what} as {}, left out: it is indexed once",
                    first.get().display()
                ),
                severity: Severity::Warning,
                kind: ProblemKind::ReachedTwice,
            }),
        }
    }

    /// [`Reached::again`] for the folder at `path`, when it can be read.
    fn folder_again(&mut self, path: &Path) -> Option<Problem> {
        let meta = std::fs::metadata(path).ok()?;
        self.again(Identity::of(&meta, path), path, "folder")
    }
}

fn problem(path: &Path, message: String) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: None,
        message,
        severity: Severity::Skipped,
        kind: ProblemKind::Unreadable,
    }
}

/// How a walk goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkOptions {
    /// Follow symbolic links to files and folders; a link loop is reported and skipped. Off by
    /// default: a user should see that a linked folder or article was not indexed (a warning),
    /// rather than find an archive indexed twice through two links.
    pub follow_links: bool,
}

/// A warning for a symbolic link met in a folder, when it could matter: links are not followed (so a
/// link loop cannot trap the walk), but a user should see that a linked folder or article was not
/// indexed, and why a broken or looping link is broken. Links to other files say nothing.
fn symlink_warning(path: &Path) -> Option<Problem> {
    let message = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() || Format::from_path(path).is_some() => {
            "symbolic link not followed (--follow follows links; or index its target directly)"
                .to_string()
        }
        Ok(_) => return None,
        Err(err) => format!("broken symbolic link not followed: {err}"),
    };
    Some(Problem {
        path: path.display().to_string(),
        line: None,
        message,
        severity: Severity::Warning,
        kind: ProblemKind::Symlink,
    })
}

/// Walks each path (a file or a folder) and lists the files lede can read, not following links
/// below the paths ([`walk_with`] with the default options).
pub fn walk(paths: &[PathBuf]) -> WalkResult {
    walk_with(paths, WalkOptions::default())
}

/// Walks each path (a file or a folder) and lists the files lede can read. A file or folder reached
/// a second time (through another followed link, a hard link, or a path given inside another) is
/// listed once, where the walk first reached it, with a warning for the others.
pub fn walk_with(paths: &[PathBuf], options: WalkOptions) -> WalkResult {
    let mut result = WalkResult::default();
    let mut reached = Reached::default();
    for root in paths {
        let canonical = match root.canonicalize() {
            Ok(c) => c,
            Err(err) => {
                result
                    .problems
                    .push(problem(root, format!("cannot open: {err}")));
                continue;
            }
        };
        if canonical.is_file() {
            let name = root
                .file_name()
                .map(|n| path_text(Path::new(n)))
                .unwrap_or_else(|| path_text(root));
            match source_file(canonical.clone(), name) {
                Ok((file, identity)) => match reached.again(identity, root, "file") {
                    Some(twice) => result.problems.push(twice),
                    None => result.files.push(file),
                },
                Err(err) => result
                    .problems
                    .push(problem(root, format!("cannot read: {err}"))),
            }
            result.scopes.push(canonical);
            continue;
        }
        result.scopes.push(canonical.clone());
        let mut walker = WalkDir::new(root)
            .follow_links(options.follow_links)
            // By name, as `sort_by_file_name` sorts, which parses both paths for their names at
            // each comparison (1% of reading a folder of small files): siblings' paths are their
            // folder's path, a `/` and their names, so the whole paths compare as the names do.
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(is_hidden(e.file_name()) || is_saved_page_resources(e))
            });
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    result.problems.push(problem(&path, err.to_string()));
                    continue;
                }
            };
            if entry.file_type().is_symlink() {
                result.problems.extend(symlink_warning(entry.path()));
                continue;
            }
            if entry.file_type().is_dir() {
                if let Some(twice) = reached.folder_again(entry.path()) {
                    result.problems.push(twice);
                    walker.skip_current_dir();
                }
                continue;
            }
            if !entry.file_type().is_file() || Format::of_file(entry.path()).is_none() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let rel_path = rel
                .components()
                .map(|c| path_text(Path::new(c.as_os_str())))
                .collect::<Vec<_>>()
                .join("/");
            // Unless links are followed, a path of real folders below the canonical root is
            // canonical itself: no `canonicalize` (a `readlink` a path component) for each file.
            // A followed link's files keep the path through it, which lies in the walked scope
            // (so that they are removed once the link is).
            match source_file(canonical.join(rel), rel_path) {
                Ok((file, identity)) => match reached.again(identity, entry.path(), "file") {
                    Some(twice) => result.problems.push(twice),
                    None => result.files.push(file),
                },
                Err(err) => result
                    .problems
                    .push(problem(entry.path(), format!("cannot read: {err}"))),
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_name_order_skipping_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("b/z.md"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".git/c.txt"), "x").unwrap();
        std::fs::write(root.join("image.png"), "x").unwrap();
        let result = walk(&[root.to_path_buf()]);
        let rels: Vec<_> = result.files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(rels, ["a.txt", "b/z.md"]);
        assert!(result.problems.is_empty());
    }

    #[test]
    fn the_walk_s_order_is_that_of_the_names() {
        // Names a folder's path could order otherwise: a prefix of another, punctuation below
        // and above `/`, capitals, a letter outside ASCII.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["a", "a-b", "a.b", "a0", "B", "é"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
            for name in ["x.txt", "x-y.txt", "x.txt.md", "X.txt"] {
                std::fs::write(root.join(folder).join(name), "x").unwrap();
            }
            std::fs::write(root.join(format!("{folder}.txt")), "x").unwrap();
        }
        let by_name: Vec<String> = WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(|entry| entry.unwrap())
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| path_text(entry.path().strip_prefix(root).unwrap()))
            .collect();
        let result = walk(&[root.to_path_buf()]);
        let rels: Vec<&str> = result.files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(rels.len(), 30);
        assert_eq!(rels, by_name);
    }

    #[test]
    fn files_without_an_extension_are_listed_when_they_open_an_sgml_collection() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let trec = "\n<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<TEXT>Text.</TEXT>\n</DOC>\n";
        std::fs::write(root.join("AP880212"), trec).unwrap();
        std::fs::write(root.join("fr940104.0"), trec).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(trec.as_bytes()).unwrap();
        std::fs::write(root.join("LA010189.gz"), gz.finish().unwrap()).unwrap();
        // Not a collection, or named with an extension lede does not read.
        std::fs::write(root.join("Makefile"), "all:\n\ttrue\n").unwrap();
        std::fs::write(root.join("LICENSE"), "<DOCUMENT> terms").unwrap();
        std::fs::write(root.join("notes.doc"), trec).unwrap();
        let result = walk(&[root.to_path_buf()]);
        let rels: Vec<_> = result.files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(rels, ["AP880212", "LA010189.gz", "fr940104.0"]);
        let options = super::super::ReadOptions::default();
        for file in &result.files {
            let read = super::super::read_file(file, &options);
            assert_eq!(read.articles.len(), 1, "{}", file.rel_path);
            assert_eq!(read.articles[0].id, "AP880212-0001");
        }
    }

    #[test]
    fn a_saved_page_s_resource_folder_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["Storm floods town_files", "notes_files", "Quake_files"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
            std::fs::write(root.join(folder).join("saved_resource.html"), "<p>Ad</p>").unwrap();
        }
        std::fs::write(root.join("Storm floods town.html"), "x").unwrap();
        std::fs::write(root.join("Quake.htm"), "x").unwrap();
        let result = walk(&[root.to_path_buf()]);
        let rels: Vec<_> = result.files.iter().map(|f| f.rel_path.as_str()).collect();
        // `notes_files` has no page beside it: a folder like any other.
        assert_eq!(
            rels,
            [
                "Quake.htm",
                "Storm floods town.html",
                "notes_files/saved_resource.html"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn files_get_canonical_paths_through_a_linked_or_relative_root() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("sub")).unwrap();
        std::fs::write(real.join("sub/a.md"), "x").unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
        let expected = real.join("sub/a.md").canonicalize().unwrap();
        for root in [
            dir.path().join("link"),
            dir.path().join("link/"),
            dir.path().join("real/sub/.."),
        ] {
            let result = walk(std::slice::from_ref(&root));
            let files: Vec<_> = result
                .files
                .iter()
                .map(|f| (&f.abs_path, f.rel_path.as_str()))
                .collect();
            assert_eq!(files, [(&expected, "sub/a.md")], "{}", root.display());
            assert_eq!(result.scopes, [real.canonicalize().unwrap()]);
        }
    }

    /// The files a walk lists (relative paths) and its problems' paths and messages.
    fn listed(result: &WalkResult) -> (Vec<&str>, Vec<(String, String)>) {
        let files = result.files.iter().map(|f| f.rel_path.as_str()).collect();
        let problems = result
            .problems
            .iter()
            .map(|p| (p.path.clone(), p.message.clone()))
            .collect();
        (files, problems)
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_or_file_reached_twice_through_followed_links_is_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(archive.join("1987")).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(archive.join("1987/a.txt"), "x").unwrap();
        std::fs::write(root.join("own.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&archive, root.join("archive")).unwrap();
        std::os::unix::fs::symlink(&archive, root.join("mirror")).unwrap();
        std::os::unix::fs::symlink(archive.join("1987"), root.join("year")).unwrap();
        std::os::unix::fs::symlink(root.join("own.txt"), root.join("own-link.txt")).unwrap();
        std::fs::hard_link(root.join("own.txt"), root.join("own-hard.txt")).unwrap();
        let follow = WalkOptions { follow_links: true };
        let result = walk_with(std::slice::from_ref(&root), follow);
        let (files, problems) = listed(&result);
        assert_eq!(files, ["archive/1987/a.txt", "own-hard.txt"]);
        let at = |name: &str| root.join(name).display().to_string();
        let twice = |what: &str, first: &str| {
            format!("the same {what} as {first}, left out: it is indexed once")
        };
        assert_eq!(
            problems,
            [
                (at("mirror"), twice("folder", &at("archive"))),
                (at("own-link.txt"), twice("file", &at("own-hard.txt"))),
                (at("own.txt"), twice("file", &at("own-hard.txt"))),
                (at("year"), twice("folder", &at("archive/1987"))),
            ]
        );
        assert!(
            result
                .problems
                .iter()
                .all(|p| p.severity == Severity::Warning && p.kind == ProblemKind::ReachedTwice)
        );
        // Not following links, only the hard link is the same file reached twice.
        let unfollowed = walk(std::slice::from_ref(&root));
        let (files, problems) = listed(&unfollowed);
        assert_eq!(files, ["own-hard.txt"]);
        assert_eq!(problems.len(), 5, "four links and a file: {problems:?}");
        let twice: Vec<_> = unfollowed
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::ReachedTwice)
            .map(|p| p.path.clone())
            .collect();
        assert_eq!(twice, [at("own.txt")]);
    }

    #[test]
    fn a_path_given_inside_another_or_twice_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("1987")).unwrap();
        std::fs::write(root.join("1987/a.txt"), "x").unwrap();
        std::fs::write(root.join("b.txt"), "x").unwrap();
        let sub = root.join("1987");
        // The folder first: the year's folder inside it is the one given again.
        let result = walk(&[root.to_path_buf(), sub.clone(), root.join("b.txt")]);
        let (files, problems) = listed(&result);
        assert_eq!(files, ["1987/a.txt", "b.txt"]);
        let paths: Vec<_> = problems.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(
            paths,
            [
                sub.display().to_string(),
                root.join("b.txt").display().to_string()
            ]
        );
        // The year first: the folder walks past it.
        let result = walk(&[sub.clone(), root.to_path_buf(), root.to_path_buf()]);
        let (files, problems) = listed(&result);
        assert_eq!(files, ["a.txt", "b.txt"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0]
                .1
                .contains(&format!("folder as {}", sub.display()))
        );
        // Every path given is still a scope: what was indexed below each is kept up to date.
        assert_eq!(result.scopes.len(), 3);
    }

    #[test]
    fn a_missing_path_is_a_problem_not_a_panic() {
        let result = walk(&[PathBuf::from("/no/such/lede/corpus")]);
        assert!(result.files.is_empty());
        assert_eq!(result.problems.len(), 1);
        assert!(result.problems[0].message.contains("cannot open"));
    }

    #[test]
    fn a_single_file_is_named_by_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("story.json");
        std::fs::write(&file, "{}").unwrap();
        let result = walk(std::slice::from_ref(&file));
        assert_eq!(result.files[0].rel_path, "story.json");
        assert_eq!(result.scopes, [file.canonicalize().unwrap()]);
    }
}
