# Shared by the scripts in .ci/: paths, and installing what a fresh machine lacks.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Builds go to a target directory outside the clone, so a fresh clone on a machine that has
# built Tuki before reuses the compiled dependencies (a clean build takes ~10 minutes).
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/tuki/target}
SITE_DIR="$CARGO_TARGET_DIR/site"

# The shared target dir outlives clones: incremental caches and build outputs nobody has used for
# a few days are removed, so it cannot fill the disk (it reached 65 GB once).
prune_target_dir() {
  [ -d "$CARGO_TARGET_DIR" ] || return 0
  find "$CARGO_TARGET_DIR" -path '*/incremental/*' -maxdepth 4 -mindepth 3 -type d -atime +2 \
    -prune -exec rm -rf {} + 2>/dev/null || true
  find "$CARGO_TARGET_DIR" -path '*/deps/*' -maxdepth 4 -type f -atime +7 -delete 2>/dev/null || true
  # Our own crates' outputs: every clone path gives them new hashes, and they are rebuilt anyway.
  find "$CARGO_TARGET_DIR"/*/deps -maxdepth 1 -type f -mmin +720 \( -name 'libtuki*' -o -name 'tuki*' \
    -o -name 'integration-*' -o -name 'store-*' -o -name 'content-*' -o -name 'locales-*' \
    -o -name 'search_quality-*' \) -delete 2>/dev/null || true
}
WASM_BINDGEN_VERSION=0.2.130

# The SMTP server the tests deliver mail to: aiosmtpd from PyPI, in a virtualenv outside the
# clone. Sets TUKI_TEST_SMTP_PYTHON, which the integration tests start it with.
install_smtp_test_server() {
  local venv="$HOME/.cache/tuki/smtp-venv"
  if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
    log "installing aiosmtpd (the SMTP server of the tests)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'aiosmtpd==1.4.6'
  fi
  export TUKI_TEST_SMTP_PYTHON="$venv/bin/python"
}

# Schemathesis (PyPI), which tests the JSON API against its OpenAPI document, in a virtualenv
# outside the clone. Sets SCHEMATHESIS.
install_schemathesis() {
  local venv="$HOME/.cache/tuki/schemathesis-venv"
  if ! "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
    log "installing schemathesis (API tests against the OpenAPI document)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'schemathesis==4.32.5'
  fi
  export SCHEMATHESIS="$venv/bin/schemathesis"
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
      || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; }
  fi
}

# The Rust pieces every build needs: the wasm target, rustfmt/clippy, and the wasm-bindgen CLI
# at exactly the version of the wasm-bindgen crate pinned in Cargo.toml.
install_rust_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Builds the browser bundle into $SITE_DIR/pkg: what `cargo leptos build` would produce,
# without needing cargo-leptos (a 28-minute install). PROFILE=release also runs wasm-opt.
build_site() {
  local profile=${PROFILE:-debug}
  local cargo_profile=() wasm_dir=debug
  if [ "$profile" = release ]; then cargo_profile=(--profile wasm-release); wasm_dir=wasm-release; fi
  log "building the wasm bundle ($profile)"
  (cd "$ROOT" && cargo build -p tuki-app --lib --target wasm32-unknown-unknown \
      --no-default-features --features hydrate "${cargo_profile[@]}")
  mkdir -p "$SITE_DIR/pkg"
  # The bundle is made again only when cargo's output or the profile changed (wasm-opt and
  # brotli 11 on it take a minute or two in release).
  local source="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$wasm_dir/tuki_app.wasm"
  local stamp marker="$SITE_DIR/pkg/.bundle-source"
  stamp="$profile $(stat -c '%Y %s' "$source")"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$stamp" ] && [ -f "$SITE_DIR/pkg/tuki_bg.wasm" ]; then
    log "the wasm bundle is up to date"
  else
    rm -f "$marker"
    wasm-bindgen --target web --no-typescript --out-dir "$SITE_DIR/pkg" --out-name tuki "$source"
    if [ "$profile" = release ]; then
      local wasm_opt="$ROOT/end2end/node_modules/.bin/wasm-opt"
      [ -x "$wasm_opt" ] || (cd "$ROOT/end2end" && npm install --no-audit --no-fund)
      "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        -o "$SITE_DIR/pkg/tuki_bg.wasm" "$SITE_DIR/pkg/tuki_bg.wasm"
    fi
    for f in "$SITE_DIR"/pkg/tuki.js "$SITE_DIR"/pkg/tuki_bg.wasm; do
      gzip -9 -k -f "$f"
      if command -v brotli >/dev/null; then brotli -q 11 -f -k "$f"; fi
    done
    echo "$stamp" > "$marker"
  fi
  cp "$ROOT/style/main.css" "$SITE_DIR/pkg/tuki.css"
  cp -r "$ROOT/style/assets/." "$SITE_DIR/"
  # Precompressed copies: the server sends them to browsers that accept them.
  for f in "$SITE_DIR"/pkg/tuki.css "$SITE_DIR"/favicon.svg; do
    gzip -9 -k -f "$f"
    if command -v brotli >/dev/null; then brotli -q 11 -f -k "$f"; fi
  done
}

# Builds the `tuki` server binary; prints its path.
build_server() {
  local profile=${PROFILE:-debug}
  local flags=() dir=debug
  if [ "$profile" = release ]; then flags=(--release); dir=release; fi
  log "building the server ($profile)" >&2
  # Called as `tuki=$(build_server)`, where `set -e` does not hold: a failed build must say so
  # itself, or the tests would run an earlier binary.
  (cd "$ROOT" && cargo build -p tuki-server --bin tuki "${flags[@]}") >&2 || return 1
  echo "$CARGO_TARGET_DIR/$dir/tuki"
}
