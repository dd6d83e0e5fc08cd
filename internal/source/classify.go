package source

import (
	"bytes"
	"path"
	"strings"
)

// HeadSize is how much of each file discovery reads: enough for binary,
// generated-code, minified-bundle and shebang detection.
const HeadSize = 8 << 10

// Limits of the content heuristics, all applied to the head only.
const (
	// generatedMarkerLines is how many leading lines may hold a
	// generated-code marker.
	generatedMarkerLines = 40
	// markerPairDistance is how many lines apart "generated" and "do not
	// edit" may be to count as one marker.
	markerPairDistance = 2
	// minifiedLineLength is the line length (bytes) from which a JavaScript
	// or CSS head looks minified...
	minifiedLineLength = 1000
	// ...provided its lines are also long on average (few newlines): a
	// hand-written file with one long data line stays in.
	minifiedMeanLineLength = 200
	// lockfileMinCap is the size cap applied to lockfiles and manifests when
	// the configured cap is smaller: a 20 MB package-lock.json is normal and
	// dependency analysis needs it.
	lockfileMinCap = 64 << 20
)

// vcsDirs are version-control metadata directories, always skipped.
var vcsDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".bzr": true, ".jj": true, "_darcs": true,
}

// vendoredDirs hold third-party code or tool-managed copies of it, by
// directory name. Build output directories (target, build, dist, out) are not
// here: they are skipped as generated only when clearly so (see
// generatedDir).
var vendoredDirs = map[string]bool{
	"vendor":           true, // Go, PHP Composer, Ruby bundler (vendor/bundle)
	"node_modules":     true,
	"bower_components": true,
	"jspm_packages":    true,
	"third_party":      true,
	"third-party":      true,
	"thirdparty":       true,
	".venv":            true,
	"venv":             true,
	"site-packages":    true,
	"__pycache__":      true,
	".tox":             true,
	".nox":             true,
	".eggs":            true,
	".mypy_cache":      true,
	".pytest_cache":    true,
	".ruff_cache":      true,
	"Pods":             true, // CocoaPods
	"Carthage":         true,
	".gradle":          true, // Gradle caches, not build.gradle
	".m2":              true,
	".terraform":       true, // downloaded modules and provider binaries
	".yarn":            true, // Yarn 2+ cache and release bundle
	".pnpm-store":      true,
	".bundle":          true,
	".cargo":           true,
}

// frameworkOutputDirs are build output directories whose name alone says
// they are generated.
var frameworkOutputDirs = map[string]bool{
	".next": true, ".nuxt": true, ".svelte-kit": true, ".angular": true,
	".parcel-cache": true, ".turbo": true, ".docusaurus": true, ".vercel": true,
	".serverless": true, ".aws-sam": true,
}

// buildOutputOwners maps an output directory name to the build files that,
// found next to it, prove it is that tool's output.
var buildOutputOwners = map[string][]string{
	"target": {"pom.xml", "Cargo.toml", "build.sbt", "project.clj"},
	"build":  {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"},
}

// Marker files that, inside a directory, classify it.
const (
	cacheDirTag     = "CACHEDIR.TAG"
	cacheDirTagSig  = "Signature: 8a477f597d28d172789f06886806bc55"
	virtualenvFile  = "pyvenv.cfg"
	gitignoreName   = ".gitignore"
	codeauditIgnore = ".codeauditignore"
)

// binaryExtensions are formats that are binary whatever their first bytes
// hold; such files are skipped without being opened.
var binaryExtensions = map[string]bool{
	// images and fonts
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".ico": true,
	".webp": true, ".tif": true, ".tiff": true, ".psd": true, ".heic": true, ".avif": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	// archives and packages
	".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true,
	".rar": true, ".tar": true, ".zst": true, ".lz4": true, ".jar": true, ".war": true,
	".ear": true, ".whl": true, ".egg": true, ".apk": true, ".aar": true, ".ipa": true,
	".nupkg": true, ".deb": true, ".rpm": true, ".dmg": true, ".iso": true, ".msi": true,
	// compiled code
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".a": true, ".o": true,
	".obj": true, ".lib": true, ".class": true, ".pyc": true, ".pyo": true, ".wasm": true,
	".beam": true, ".elc": true,
	// media and documents
	".mp3": true, ".mp4": true, ".avi": true, ".mov": true, ".mkv": true, ".wav": true,
	".flac": true, ".ogg": true, ".webm": true, ".m4a": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true,
	".pptx": true, ".odt": true, ".ods": true,
	// data and model files
	".sqlite": true, ".sqlite3": true, ".db": true, ".parquet": true, ".avro": true,
	".pkl": true, ".pickle": true, ".pt": true, ".pth": true, ".bin": true, ".h5": true,
	".hdf5": true, ".onnx": true, ".safetensors": true, ".npy": true, ".npz": true,
	".joblib": true, ".keras": true, ".tflite": true, ".ckpt": true, ".gguf": true,
	".mlmodel": true, ".pb": true,
}

// generatedSuffixes are file-name endings of code generators' output.
var generatedSuffixes = []string{
	".pb.go", ".pb.gw.go", "_pb2.py", "_pb2_grpc.py", "_pb2.pyi",
	".pb.cc", ".pb.h", "_pb.js", "_pb.d.ts", "_grpc_pb.js", "_grpc_pb.d.ts", ".pb.swift",
	".g.dart", ".freezed.dart", ".designer.cs", ".g.cs", ".g.i.cs",
	".js.map", ".css.map", ".mjs.map",
}

// minifiedSuffixes are file-name endings of minified bundles.
var minifiedSuffixes = []string{
	".min.js", ".min.mjs", ".min.cjs", "-min.js", ".min.css", ".bundle.js", ".bundle.css",
}

// dependencyFiles are lockfiles, manifests and SBOMs (lower-case names).
// Dependency analysis needs them, so they are never skipped as generated or
// minified and get at least lockfileMinCap of size allowance.
var dependencyFiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true,
	"pnpm-lock.yaml": true, "bun.lock": true, "bun.lockb": true, "deno.lock": true,
	"package.json": true, "go.mod": true, "go.sum": true, "go.work": true, "go.work.sum": true,
	"cargo.lock": true, "cargo.toml": true, "poetry.lock": true, "pipfile": true,
	"pipfile.lock": true, "pdm.lock": true, "uv.lock": true, "pyproject.toml": true,
	"constraints.txt": true, "composer.lock": true, "composer.json": true,
	"gemfile": true, "gemfile.lock": true, "gradle.lockfile": true, "pom.xml": true,
	"packages.lock.json": true, "packages.config": true, "paket.lock": true,
	"pubspec.lock": true, "pubspec.yaml": true, "mix.lock": true, "podfile.lock": true,
	"package.resolved": true, "conan.lock": true, "vcpkg.json": true, "flake.lock": true,
	"bom.json": true, "bom.xml": true,
}

// isDependencyFile reports whether name (a base name) is a lockfile,
// manifest or SBOM.
func isDependencyFile(name string) bool {
	lower := strings.ToLower(name)
	if dependencyFiles[lower] {
		return true
	}
	if strings.HasPrefix(lower, "requirements") && strings.HasSuffix(lower, ".txt") {
		return true
	}
	for _, s := range []string{".lockfile", ".cdx.json", ".cdx.xml", ".spdx.json", ".spdx"} {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// isPipelineFile reports whether rel (a slash path relative to the root) is
// a CI/CD definition. Those run as written whoever wrote them, so a
// generator's banner never hides them.
func isPipelineFile(rel string) bool {
	lower := strings.ToLower(rel)
	for _, dir := range []string{".github/", ".gitlab/", ".circleci/", ".buildkite/", ".tekton/"} {
		if strings.HasPrefix(lower, dir) || strings.Contains(lower, "/"+dir) {
			return true
		}
	}
	base := path.Base(lower)
	switch base {
	case ".gitlab-ci.yml", ".gitlab-ci.yaml", "azure-pipelines.yml", "azure-pipelines.yaml",
		"bitbucket-pipelines.yml", ".travis.yml", "action.yml", "action.yaml",
		"cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml", ".drone.yml":
		return true
	}
	return strings.HasPrefix(base, "jenkinsfile")
}

// matchSuffix reports whether lower (already lower-case) ends with one of
// suffixes, returning it.
func matchSuffix(lower string, suffixes []string) (string, bool) {
	for _, s := range suffixes {
		if strings.HasSuffix(lower, s) {
			return s, true
		}
	}
	return "", false
}

// IsText reports whether a file's head looks like text: no NUL byte, the
// test git uses. UTF-16 text therefore counts as binary.
func IsText(head []byte) bool {
	return bytes.IndexByte(head, 0) < 0
}

// generatedMarker returns a description of the generated-code marker in the
// leading comment lines of head, or "" when there is none. Only lines that
// look like comments are considered, so a string literal that mentions a
// marker does not count.
func generatedMarker(head []byte) string {
	genLine, editLine := -1, -1
	closer := "" // the end of the block comment the line is in
	rest := head
	for n := 0; n < generatedMarkerLines && len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		t := bytes.TrimSpace(line)
		if n == 0 {
			t = bytes.TrimPrefix(t, []byte("\ufeff"))
		}
		comment := closer != "" || isCommentStart(t)
		scan := t
		for len(scan) > 0 {
			if closer != "" {
				i := bytes.Index(scan, []byte(closer))
				if i < 0 {
					break
				}
				scan, closer = scan[i+len(closer):], ""
				continue
			}
			open, at := "", len(scan)
			for _, o := range blockOpeners {
				if i := bytes.Index(scan, []byte(o[0])); i >= 0 && i < at {
					open, at = o[0], i
					closer = o[1]
				}
			}
			if open == "" {
				break
			}
			comment = true
			scan = scan[at+len(open):]
		}
		if !comment || len(t) == 0 {
			continue
		}
		if bytes.Contains(t, []byte("Code generated ")) && bytes.Contains(t, []byte("DO NOT EDIT")) {
			return `"Code generated ... DO NOT EDIT"`
		}
		if bytes.Contains(t, []byte("@generated")) {
			return `"@generated"`
		}
		if bytes.Contains(t, []byte("<auto-generated")) {
			return `"<auto-generated>"`
		}
		lower := bytes.ToLower(t)
		for _, m := range []string{"autogenerated by", "auto-generated by",
			"this file was automatically generated", "this file is automatically generated",
			"this file was generated by", "this file is generated by"} {
			if bytes.Contains(lower, []byte(m)) {
				return `"` + m + `"`
			}
		}
		// "generated" and "do not edit" close together (a header saying
		// both), not merely somewhere in the first lines.
		if bytes.Contains(lower, []byte("generated")) {
			genLine = n
		}
		if bytes.Contains(lower, []byte("do not edit")) {
			editLine = n
		}
		if genLine >= 0 && editLine >= 0 && max(genLine, editLine)-min(genLine, editLine) <= markerPairDistance {
			return `"generated" with "do not edit"`
		}
	}
	return ""
}

// blockOpeners pair block-comment (and docstring) openers with closers.
var blockOpeners = [][2]string{{"/*", "*/"}, {"<!--", "-->"}, {`"""`, `"""`}, {"'''", "'''"}}

// commentStarts are the openers a comment line may begin with.
var commentStarts = [][]byte{
	[]byte("//"), []byte("#"), []byte("/*"), []byte("*"), []byte("--"), []byte("<!--"),
	[]byte(";"), []byte("%"), []byte("{-"), []byte("(*"), []byte("rem "),
	[]byte("REM "), []byte("::"),
}

func isCommentStart(t []byte) bool {
	for _, s := range commentStarts {
		if bytes.HasPrefix(t, s) {
			return true
		}
	}
	return false
}

// minifiedLine returns the length of the longest line of head when head
// looks minified (see minifiedLineLength), or 0.
func minifiedLine(head []byte) int {
	longest, lines, rest := 0, 1, head
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		} else {
			lines++
		}
		longest = max(longest, i)
		rest = rest[min(i+1, len(rest)):]
	}
	if longest >= minifiedLineLength && len(head)/lines >= minifiedMeanLineLength {
		return longest
	}
	return 0
}

// minifiable reports whether minified-bundle detection applies to lang.
func minifiable(lang Language) bool {
	return lang == JavaScript || lang == CSS
}
