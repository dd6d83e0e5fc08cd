package inventory

import (
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/deps/manifest"
	"github.com/socyber/codeaudit/internal/deps/osvdb"
)

// pinnedManifests are the Python manifests osv-scalibr reads no
// dependencies from (its pyproject.toml extractor yields only the project
// itself; it has no Pipfile extractor). Their exactly pinned requirements
// ("==2.19.1", Poetry's bare "2.19.1") are packages of the inventory when
// no lockfile sits beside them; ranges are left out, they name no version.
var pinnedManifests = map[string]bool{"pyproject.toml": true, "Pipfile": true}

// pythonLockfiles are the lockfiles that, beside a pinnedManifests file,
// already list its packages at their exact versions.
var pythonLockfiles = []string{"poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock", "pylock.toml"}

// pinnedExtractor names the source of such packages (Package.Extractor).
const pinnedExtractor = "codeaudit/python-manifest"

// exactVersion matches a version written alone: digits, dots, letters of
// pre/post/dev/local segments, no operators or wildcards.
var exactVersion = regexp.MustCompile(`^[0-9][0-9A-Za-z.!+_-]*$`)

// pinnedVersion returns the exact version a PEP 508 or Poetry/Pipfile
// requirement pins, or "".
func pinnedVersion(spec string, poetryStyle bool) string {
	s := strings.TrimSpace(spec)
	if strings.HasPrefix(s, "[") { // extras: "[async]==3.0"
		if i := strings.IndexByte(s, ']'); i >= 0 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	if i := strings.IndexByte(s, ';'); i >= 0 { // environment marker
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	switch {
	case strings.HasPrefix(s, "==="):
		s = s[3:]
	case strings.HasPrefix(s, "=="):
		s = s[2:]
	case !poetryStyle:
		return ""
	}
	s = strings.TrimSpace(s)
	if !exactVersion.MatchString(s) {
		return ""
	}
	return s
}

// pinnedPackages reads the exactly pinned requirements of a Python
// manifest. A manifest that does not parse gives an error (the
// supply-chain checks, which read every manifest, report it).
func pinnedPackages(p string, content []byte) ([]Package, error) {
	m, err := manifest.Parse(p, content)
	if err != nil {
		return nil, err
	}
	var out []Package
	for _, d := range m.Deps {
		v := pinnedVersion(d.Spec, strings.HasPrefix(d.Group, "tool.poetry."))
		if v == "" {
			continue
		}
		out = append(out, Package{
			Name:      d.Name,
			Version:   v,
			Ecosystem: "PyPI",
			PURL:      "pkg:pypi/" + osvdb.NormalizeName("PyPI", d.Name) + "@" + v,
			Path:      p,
			Line:      d.Line,
			Relation:  Direct,
			Extractor: pinnedExtractor,
		})
	}
	return out, nil
}
