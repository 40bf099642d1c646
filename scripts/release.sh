#!/usr/bin/env bash
# Releases version X.Y.Z: `npm run release -- 1.2.0 [--push]`.
#  1. checks: a clean tree, a semver version, no tag vX.Y.Z yet, and a dist/ that is
#     the build of the sources (rebuilt and compared before anything is tagged);
#  2. turns CHANGELOG.md's "## [Unreleased]" into "## [X.Y.Z] - date" with its link
#     reference (or keeps an existing "## [X.Y.Z]" section), and sets the version in
#     package.json;
#  3. commits "Release vX.Y.Z", tags it vX.Y.Z with the CHANGELOG section as the tag
#     message, and moves the major tag vX to it;
#  4. with --push, pushes the commit and both tags (vX with --force); without it, prints
#     the commands. The release workflow then makes the GitHub release from the tag.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
push=${2:-}
die() { echo "release: $*" >&2; exit 1; }

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "give a version X.Y.Z, not '${version}'"
[ -z "$push" ] || [ "$push" = --push ] || die "unknown option '$push'"
major="v${version%%.*}"
tag="v$version"
[ -z "$(git status --porcelain)" ] || die 'the working tree has changes: commit or stash them first'
git rev-parse -q --verify "refs/tags/$tag" >/dev/null && die "tag $tag exists already"

echo "release: checking that dist/ is the build of the sources"
npm run -s bundle >/dev/null
[ -z "$(git status --porcelain -- dist)" ] || {
  git checkout -q -- dist
  die 'dist/ differs from a fresh build: run npm run bundle and commit dist/ first'
}

if ! grep -q "^## \[$version\]" CHANGELOG.md; then
  grep -q '^## \[Unreleased\]' CHANGELOG.md || die 'CHANGELOG.md has neither "## [Unreleased]" nor "## ['"$version"']"'
  npx tsx scripts/release-notes.ts --release "$version" "$(date -u +%Y-%m-%d)"
fi
notes=$(npx tsx scripts/release-notes.ts "$version")
[ -n "$notes" ] || die "the CHANGELOG.md section of $version is empty"
npm version "$version" --no-git-tag-version --allow-same-version >/dev/null

git add CHANGELOG.md package.json package-lock.json
git commit -q -m "Release $tag"
git tag -a --cleanup=verbatim "$tag" -m "$tag" -m "$notes"
git tag -f -a "$major" -m "$major: $tag" >/dev/null
echo "release: tagged $tag and moved $major to $(git rev-parse --short HEAD)"

if [ "$push" = --push ]; then
  git push origin HEAD "refs/tags/$tag"
  git push --force origin "refs/tags/$major"
else
  echo "release: to publish, run:"
  echo "  git push origin HEAD refs/tags/$tag && git push --force origin refs/tags/$major"
fi
