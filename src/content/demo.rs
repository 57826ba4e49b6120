//! The demo knowledge base, compiled into the binary: a bank's and an IT service desk's
//! customer service in Finnish, Swedish and English. `tuki serve` loads it into an empty
//! portal that has never imported content of its own.

use super::bundle::{Bundle, BundleErrors, BundleFiles};
use include_dir::{Dir, include_dir};

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/content/demo");

/// The demo bundle's files.
pub fn demo_files() -> BundleFiles {
    compiled_files(&DEMO)
}

/// The files of a bundle compiled in with `include_dir!`, by path inside it.
pub fn compiled_files(dir: &Dir<'static>) -> BundleFiles {
    fn walk(dir: &Dir<'static>, out: &mut BundleFiles) {
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            let text = file.contents_utf8().map(str::to_owned).ok_or_else(|| "not UTF-8".to_owned());
            out.insert(path, text);
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut files = BundleFiles::new();
    walk(dir, &mut files);
    files
}

/// The demo bundle, checked like any other.
pub fn demo_bundle() -> Result<Bundle, BundleErrors> {
    Bundle::parse(&demo_files())
}
