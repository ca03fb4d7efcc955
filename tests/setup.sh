#!/usr/bin/env bash
# Installs what the test suite needs and this machine lacks. Sourced by tests/run.sh, so the README's one test
# command works on a fresh machine: as root with apt-get it installs from Debian's packages; otherwise it names the
# missing packages in one line and stops.
#
# Each need is "what to check|Debian package". To add one, add a line here, nowhere else.
wordredline_needs=(
  "/usr/bin/chromium|chromium"              # browser end-to-end suite (playwright-core drives Debian's build)
  "/usr/bin/pandoc|pandoc"                  # an independent reader of the .docx redlines
  "/usr/bin/soffice|libreoffice-writer"     # another one, and reject-all through UNO
  "python3-uno|python3-uno"                 # LibreOffice's Python bridge (tests/WordRedline.Docx.Tests/Tools)
  "postgresql|postgresql"                   # the versions store's second database (tests/postgres.sh starts a throw-away cluster)
)

wordredline_has() {
  case "$1" in
    python3-uno) /usr/bin/python3 -c 'import uno' >/dev/null 2>&1 ;;
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null ;;
    /*) [ -x "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

wordredline_setup() {
  local missing=() need check package
  for need in "${wordredline_needs[@]}"; do
    check=${need%%|*}
    package=${need##*|}
    wordredline_has "$check" || missing+=("$package")
  done

  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "== set-up: installing ${missing[*]} (Debian packages)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "tests/run.sh needs these Debian packages, which are missing: ${missing[*]}. Install them (sudo apt-get install -y --no-install-recommends ${missing[*]}) and run it again." >&2
      exit 1
    fi
  fi

  for tool in node npm dotnet; do
    command -v "$tool" >/dev/null 2>&1 || { echo "tests/run.sh needs $tool on PATH (.NET SDK 10, Node.js 20 with npm)." >&2; exit 1; }
  done

  # Some tests start the service on HTTPS with the .NET development certificate; creating it is idempotent.
  dotnet dev-certs https --quiet >/dev/null 2>&1 || true
}
