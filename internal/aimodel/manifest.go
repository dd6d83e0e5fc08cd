package aimodel

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// manifestKind is the format of a digest list.
type manifestKind int

const (
	manifestNone manifestKind = iota
	// manifestSig: an OpenSSF model-signing bundle (model.sig), a Sigstore
	// bundle whose DSSE payload is an in-toto statement.
	manifestSig
	// manifestJSON: model.manifest.json, {"files": [{"path", "sha256"}]}
	// or {"files": {"path": "sha256"}}.
	manifestJSON
	// manifestSums: sha256sum output (SHA256SUMS, sha256sums.txt, *.sha256).
	manifestSums
)

const (
	// maxManifestEntries bounds the entries read from one manifest.
	maxManifestEntries = 100_000
	hashChunk          = 1 << 20
)

func manifestKindOf(p string) manifestKind {
	name := path.Base(p)
	switch strings.ToLower(name) {
	case "model.sig":
		return manifestSig
	case "model.manifest.json":
		return manifestJSON
	case "sha256sums", "sha256sums.txt":
		return manifestSums
	}
	if strings.HasSuffix(strings.ToLower(name), ".sha256") {
		return manifestSums
	}
	return manifestNone
}

// manifestEntry is one listed file.
type manifestEntry struct {
	Path   string // relative to the manifest's directory, slash-separated
	SHA256 string // lower-case hex
	Line   int    // line in the manifest, 1 when unknown
}

var (
	sumLine = regexp.MustCompile(`^([0-9a-fA-F]{64})\s+\*?(.+)$`)
	bsdLine = regexp.MustCompile(`^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$`)
	hexOnly = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)
)

// parseManifest reads the entries of a manifest at mpath.
func parseManifest(kind manifestKind, mpath string, b []byte) ([]manifestEntry, error) {
	switch kind {
	case manifestSums:
		return parseSums(mpath, b), nil
	case manifestJSON:
		return parseJSONManifest(b)
	case manifestSig:
		return parseSig(b)
	}
	return nil, nil
}

func parseSums(mpath string, b []byte) []manifestEntry {
	var out []manifestEntry
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan() && len(out) < maxManifestEntries; line++ {
		t := strings.TrimSpace(sc.Text())
		if m := sumLine.FindStringSubmatch(t); m != nil {
			out = append(out, manifestEntry{Path: strings.TrimPrefix(m[2], "./"), SHA256: strings.ToLower(m[1]), Line: line})
		} else if m := bsdLine.FindStringSubmatch(t); m != nil {
			out = append(out, manifestEntry{Path: strings.TrimPrefix(m[1], "./"), SHA256: strings.ToLower(m[2]), Line: line})
		} else if hexOnly.MatchString(t) && strings.HasSuffix(strings.ToLower(mpath), ".sha256") {
			// model.safetensors.sha256 holding only the digest.
			name := path.Base(mpath)
			out = append(out, manifestEntry{Path: name[:len(name)-len(".sha256")], SHA256: strings.ToLower(t), Line: line})
		}
	}
	return out
}

func parseJSONManifest(b []byte) ([]manifestEntry, error) {
	var m struct {
		Files json.RawMessage `json:"files"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("manifest is not valid JSON: %w", err)
	}
	var list []struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
	}
	var byPath map[string]string
	var out []manifestEntry
	switch {
	case json.Unmarshal(m.Files, &list) == nil:
		for _, e := range list {
			out = append(out, manifestEntry{Path: e.Path, SHA256: strings.ToLower(e.SHA256)})
		}
	case json.Unmarshal(m.Files, &byPath) == nil:
		for p, d := range byPath {
			out = append(out, manifestEntry{Path: p, SHA256: strings.ToLower(d)})
		}
	default:
		return nil, errors.New(`manifest has no "files" list or object`)
	}
	for i := range out {
		out[i].Line = lineOf(b, `"`+out[i].Path+`"`)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	if len(out) > maxManifestEntries {
		out = out[:maxManifestEntries]
	}
	return out, nil
}

func lineOf(b []byte, needle string) int {
	if i := bytes.Index(b, []byte(needle)); i >= 0 {
		return 1 + bytes.Count(b[:i], []byte("\n"))
	}
	return 1
}

// parseSig reads the per-file digests of a model-signing bundle. The
// signature, certificate chain and transparency-log entry are not
// verified: that needs the signer's identity and, for keyless signing,
// the network.
func parseSig(b []byte) ([]manifestEntry, error) {
	var bundle struct {
		DSSE *struct {
			Payload     string `json:"payload"`
			PayloadType string `json:"payloadType"`
		} `json:"dsseEnvelope"`
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		return nil, fmt.Errorf("signature bundle is not valid JSON: %w", err)
	}
	if bundle.DSSE == nil || bundle.DSSE.Payload == "" {
		return nil, errors.New("signature bundle has no DSSE envelope payload")
	}
	var payload []byte
	var err error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if payload, err = enc.DecodeString(bundle.DSSE.Payload); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("DSSE payload is not base64: %w", err)
	}
	var st struct {
		Subject []struct {
			Name   string            `json:"name"`
			Digest map[string]string `json:"digest"`
		} `json:"subject"`
		Predicate struct {
			Resources []struct {
				Name      string `json:"name"`
				Algorithm string `json:"algorithm"`
				Digest    string `json:"digest"`
			} `json:"resources"`
		} `json:"predicate"`
	}
	if err := json.Unmarshal(payload, &st); err != nil {
		return nil, fmt.Errorf("DSSE payload is not an in-toto statement: %w", err)
	}
	var out []manifestEntry
	for _, r := range st.Predicate.Resources {
		if strings.EqualFold(r.Algorithm, "sha256") && len(out) < maxManifestEntries {
			out = append(out, manifestEntry{Path: r.Name, SHA256: strings.ToLower(r.Digest), Line: 1})
		}
	}
	if len(out) == 0 && len(st.Subject) > 1 {
		// Older model-signing payloads list one subject per file.
		for _, s := range st.Subject {
			if d := s.Digest["sha256"]; d != "" && len(out) < maxManifestEntries {
				out = append(out, manifestEntry{Path: s.Name, SHA256: strings.ToLower(d), Line: 1})
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("signature payload lists no per-file sha256 digests")
	}
	return out, nil
}

// AnalyzeProject checks every model manifest and signature bundle in the
// project against the files on disk.
func (a *Analyzer) AnalyzeProject(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	byPath := make(map[string]*source.File, len(p.Files))
	for i := range p.Files {
		byPath[p.Files[i].Path] = &p.Files[i]
	}
	for _, f := range p.Files {
		kind := manifestKindOf(f.Path)
		if kind == manifestNone {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := p.ReadFile(f.Path)
		if err != nil {
			out.Warn(f.Path, fmt.Sprintf("manifest not read: %v", err))
			continue
		}
		entries, err := parseManifest(kind, f.Path, b)
		if err != nil {
			out.Warn(f.Path, err.Error())
			continue
		}
		if err := a.checkManifest(ctx, p, byPath, f.Path, kind, entries, out); err != nil {
			return err
		}
	}
	return nil
}

func (a *Analyzer) checkManifest(ctx context.Context, p *analyzer.Project, byPath map[string]*source.File, mpath string, kind manifestKind, entries []manifestEntry, out analyzer.Emitter) error {
	dir := path.Dir(mpath)
	listed := map[string]bool{}
	// A simple manifest vouches for the directories its entries are in; a
	// model.sig for its whole directory tree.
	listedDirs := map[string]bool{dir: true}
	var budget int64 = a.opts.MaxHashBytes
	checked := 0
	for _, e := range entries {
		rel := path.Clean(path.Join(dir, filepath.ToSlash(e.Path)))
		if path.IsAbs(e.Path) || rel == ".." || strings.HasPrefix(rel, "../") {
			out.Warn(mpath, fmt.Sprintf("entry %q points outside the scan root; not checked", e.Path))
			continue
		}
		listed[rel] = true
		listedDirs[path.Dir(rel)] = true
		loc := finding.Location{Path: mpath, StartLine: e.Line, EndLine: e.Line}
		abs := filepath.Join(p.Root, filepath.FromSlash(rel))
		if f, ok := byPath[rel]; ok && f.Abs != "" {
			abs = f.Abs
		}
		got, n, err := hashFile(ctx, abs, budget, a.opts.MaxHashBytes > 0)
		if a.opts.MaxHashBytes > 0 {
			budget -= n
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			f := finding.New(a.rules[RuleManifestMissing], loc, fmt.Sprintf("%s lists %s, which is not in the scanned tree.", mpath, rel))
			f.Properties = map[string]string{"file": rel, "expected_sha256": e.SHA256}
			out.Emit(f)
			continue
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return err
		case err != nil:
			out.Warn(mpath, fmt.Sprintf("%s not hashed: %v", rel, err))
			continue
		}
		checked++
		if got != e.SHA256 {
			f := finding.New(a.rules[RuleManifestMismatch], loc,
				fmt.Sprintf("%s lists %s with sha256 %s, but the file on disk hashes to %s.", mpath, rel, short(e.SHA256), short(got)))
			f.Properties = map[string]string{"file": rel, "expected_sha256": e.SHA256, "actual_sha256": got}
			out.Emit(f)
		}
	}
	for _, f := range p.Files {
		if listed[f.Path] || f.Path == mpath || !under(f.Path, dir) || manifestKindOf(f.Path) != manifestNone {
			continue
		}
		if kind == manifestSig {
			if ignoredBySigning(f.Path) {
				continue
			}
		} else if !isWeightFile(f.Path) || !listedDirs[path.Dir(f.Path)] {
			continue
		}
		loc := finding.Location{Path: f.Path, StartLine: 1, EndLine: 1}
		fd := finding.New(a.rules[RuleManifestUnlisted], loc, fmt.Sprintf("%s is not listed in %s, which covers its directory.", f.Path, mpath))
		fd.Properties = map[string]string{"manifest": mpath}
		out.Emit(fd)
	}
	if kind == manifestSig {
		loc := finding.Location{Path: mpath, StartLine: 1, EndLine: 1}
		f := finding.New(a.rules[RuleManifestUnverified], loc,
			fmt.Sprintf("%s: %d of %d listed digests were compared with the files; the signature itself was not verified.", mpath, checked, len(entries)))
		out.Emit(f)
	}
	return nil
}

func under(p, dir string) bool {
	return dir == "." || strings.HasPrefix(p, dir+"/")
}

// ignoredBySigning mirrors what model-signing leaves out of a signature by
// default: git metadata.
func ignoredBySigning(p string) bool {
	for _, part := range strings.Split(p, "/") {
		switch part {
		case ".git", ".gitattributes", ".github", ".gitignore":
			return true
		}
	}
	return false
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// hashFile streams a file through SHA-256, checking ctx between chunks.
// When bounded, at most budget bytes are read.
func hashFile(ctx context.Context, abs string, budget int64, bounded bool) (string, int64, error) {
	f, err := os.Open(abs)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, hashChunk)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return "", n, err
		}
		m, err := f.Read(buf)
		h.Write(buf[:m])
		n += int64(m)
		if bounded && n > budget {
			return "", n, fmt.Errorf("hash budget of %d bytes exhausted", budget)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", n, err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
