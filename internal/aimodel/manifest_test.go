package aimodel_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// sig builds a model-signing v1.0 bundle listing the files.
func sig(files map[string]string) string {
	var res []map[string]string
	for name, content := range files {
		res = append(res, map[string]string{"name": name, "algorithm": "sha256", "digest": sum(content)})
	}
	sort.Slice(res, func(i, j int) bool { return res[i]["name"] < res[j]["name"] })
	st, _ := json.Marshal(map[string]any{
		"_type":         "https://in-toto.io/Statement/v1",
		"subject":       []any{map[string]any{"name": "model", "digest": map[string]string{"sha256": sum("all")}}},
		"predicateType": "https://model_signing/signature/v1.0",
		"predicate":     map[string]any{"resources": res, "serialization": map[string]any{"method": "files", "hash_type": "sha256"}},
	})
	b, _ := json.Marshal(map[string]any{
		"mediaType":            "application/vnd.dev.sigstore.bundle.v0.3+json",
		"verificationMaterial": map[string]any{"publicKey": map[string]string{"hint": "k"}},
		"dsseEnvelope": map[string]any{
			"payload": base64.StdEncoding.EncodeToString(st), "payloadType": "application/vnd.in-toto+json",
			"signatures": []any{map[string]string{"sig": "MEUCIQ=="}},
		},
	})
	return string(b)
}

type manifestCase struct {
	name  string
	files map[string]string
	want  []string
}

func manifestCases() []manifestCase {
	w, c := "weights-v1", `{"hidden": 8}`
	return []manifestCase{
		{"sums ok", map[string]string{
			"m/model.safetensors": w, "m/config.json": c,
			"m/SHA256SUMS": sum(w) + "  model.safetensors\n" + sum(c) + " *config.json\n",
		}, nil},
		{"sums tampered", map[string]string{
			"m/model.safetensors": "weights-EVIL",
			"m/SHA256SUMS":        sum(w) + "  model.safetensors\n",
		}, []string{aimodel.RuleManifestMismatch}},
		{"single sha256 file tampered", map[string]string{
			"model.gguf": "gguf-EVIL", "model.gguf.sha256": sum("gguf") + "\n",
		}, []string{aimodel.RuleManifestMismatch}},
		{"json manifest missing and unlisted", map[string]string{
			"m/model.manifest.json": `{"files": [{"path": "model.safetensors", "sha256": "` + sum(w) + `"}]}`,
			"m/extra.pt":            "pickle",
		}, []string{aimodel.RuleManifestMissing, aimodel.RuleManifestUnlisted}},
		{"json manifest object ok", map[string]string{
			"m/model.manifest.json": `{"files": {"model.safetensors": "` + sum(w) + `"}}`,
			"m/model.safetensors":   w, "m/notes.txt": "unlisted but not a model",
		}, nil},
		{"sig ok", map[string]string{
			"model/model.safetensors": w, "model/config.json": c,
			"model/model.sig": sig(map[string]string{"model.safetensors": w, "config.json": c}),
		}, []string{aimodel.RuleManifestUnverified}},
		{"sig tampered and unlisted", map[string]string{
			"model/model.safetensors": "weights-EVIL", "model/config.json": c, "model/added.py": "import os",
			"model/model.sig": sig(map[string]string{"model.safetensors": w, "config.json": c}),
		}, []string{aimodel.RuleManifestMismatch, aimodel.RuleManifestUnlisted, aimodel.RuleManifestUnverified}},
		{"sums ignore other directories", map[string]string{
			"SHA256SUMS": sum(w) + "  models/a.safetensors\n", "models/a.safetensors": w, "elsewhere/b.safetensors": "b",
		}, nil},
		{"sums missing file", map[string]string{
			"SHA256SUMS": sum(w) + "  gone.safetensors\n", "other.onnx": "x",
		}, []string{aimodel.RuleManifestMissing, aimodel.RuleManifestUnlisted}},
	}
}

func TestManifests(t *testing.T) {
	a := aimodel.New(aimodel.Options{})
	var golden strings.Builder
	for _, tc := range manifestCases() {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			var files []source.File
			for p, content := range tc.files {
				abs := filepath.Join(root, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(abs, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, source.File{Path: p, Abs: abs, Size: int64(len(content))})
			}
			sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
			proj := &analyzer.Project{Root: root, Files: files, ReadFile: func(p string) ([]byte, error) {
				return os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
			}}
			c := &collector{}
			if err := a.AnalyzeProject(context.Background(), proj, c); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range c.findings {
				got = append(got, f.RuleID)
			}
			sort.Strings(got)
			sort.Strings(tc.want)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("rules (-want +got):\n%s\nwarnings %v", diff, c.warnings)
			}
			sort.Slice(c.findings, func(i, j int) bool { return c.findings[i].Message < c.findings[j].Message })
			for _, f := range c.findings {
				golden.WriteString(tc.name + "\t" + f.RuleID + "\t" + f.Location.String() + "\t" + f.Message + "\n")
			}
		})
	}
	checkGolden(t, "testdata/manifests.golden", golden.String())
}

func TestComponents(t *testing.T) {
	root := t.TempDir()
	var files []source.File
	for _, p := range []string{"model.safetensors", "main.py", "pytorch_model.bin", "data.bin"} {
		abs := filepath.Join(root, p)
		if err := os.WriteFile(abs, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, source.File{Path: p, Abs: abs})
	}
	got, err := aimodel.Components(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	want := []aimodel.ModelComponent{
		{Name: "model.safetensors", Path: "model.safetensors", Format: "safetensors", Size: 17, SHA256: sum("model.safetensors")},
		{Name: "pytorch_model.bin", Path: "pytorch_model.bin", Format: "pytorch", Size: 17, SHA256: sum("pytorch_model.bin")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
